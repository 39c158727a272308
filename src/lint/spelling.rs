//! Spelling: the words of a text checked against its locale's Hunspell
//! dictionary, read from the system (never embedded: their licences vary)
//! through `spellbook`. Each locale's dictionary is loaded once, lazily,
//! and each word is looked up once per locale; suggestions are computed
//! only for unknown words, and a bounded number of them.
//!
//! Splitting text into words is ours: letters joined by apostrophes and
//! hyphens, elisions per language (`l’examen`, `dell’ordine`), Arabic
//! vowel marks dropped; numbers, acronyms and single letters are not
//! words to check. The callers hand over prose only (see `text::prose`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use crate::builder::lock;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::revision::Project;

/// A dictionary's hasher: seeded the same in every run, so that equally
/// good suggestions come in the same order.
type Hasher = foldhash::fast::FixedState;

/// Where Debian's hunspell-* packages put their dictionaries.
pub const SYSTEM_DICTIONARIES: &str = "/usr/share/hunspell";

/// How many distinct unknown words of a locale get suggestions in one
/// process: Hunspell's suggester takes up to a few hundred milliseconds a
/// word with a big dictionary, so a table full of typos stays fast.
const MAX_SUGGESTED: usize = 200;

/// Longer words get no suggestions (a pasted token, not a typo).
const MAX_SUGGESTED_LENGTH: usize = 30;

/// The dictionaries and the project's own words, shared by every check of
/// a run (lint runs on several threads).
#[derive(Debug)]
pub struct Spelling {
    dirs: Vec<PathBuf>,
    words: WordLists,
    spellers: Mutex<HashMap<String, Arc<OnceLock<Loaded>>>>,
    /// Locales whose missing dictionary was already reported.
    noted: Mutex<HashSet<String>>,
}

/// A locale's speller, or why it has none.
pub type Loaded = Result<Arc<Speller>, Missing>;

/// No usable dictionary for a locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub locale: String,
    /// What was looked for, and where.
    pub looked_for: String,
    /// Why a file that was found cannot be used.
    pub broken: Option<String>,
}

impl Missing {
    /// The note a missing dictionary is reported as, once per locale.
    pub fn note(&self) -> Diagnostic {
        let message = match &self.broken {
            Some(why) => format!("spelling of {} is not checked: {why}", self.locale),
            None => format!(
                "spelling of {} is not checked: no Hunspell dictionary ({})",
                self.locale, self.looked_for
            ),
        };
        Diagnostic::note("spelling::no-dictionary", message)
            .about(&self.locale, None)
            .hint(format!(
                "install Debian's {} (apt-get install {0}), or give --dictionaries DIR or $DICPATH with its .aff and .dic",
                debian_package(&self.locale)
            ))
    }
}

/// A project's known words per locale key (`fr`, `fr-CH`), lower case:
/// every `lexicons/words/<locale>.txt`, the project's and the embedded.
#[derive(Debug, Default, Clone)]
pub struct WordLists {
    lists: HashMap<String, HashSet<String>>,
}

impl WordLists {
    /// Reads every word list of the project, its own and the embedded
    /// ones; a word in either is known.
    pub fn load(project: &Project) -> Self {
        let mut lists = Self::default();
        for (locale, bytes) in project.word_lists() {
            lists.add(&locale, &String::from_utf8_lossy(&bytes));
        }
        lists
    }

    /// Adds the words of a list's text: one a line, `#` starts a comment.
    pub fn add(&mut self, locale: &str, text: &str) {
        let set = self.lists.entry(locale.to_owned()).or_default();
        for line in text.lines() {
            let word = line.split('#').next().unwrap_or_default().trim();
            if !word.is_empty() {
                set.insert(normal(word).to_lowercase());
            }
        }
    }

    /// The words known in `locale`: its own list's and its language's.
    fn for_locale(&self, locale: &str) -> HashSet<String> {
        let language = language(locale);
        let mut known = HashSet::new();
        for key in [language, locale] {
            if let Some(set) = self.lists.get(key) {
                known.extend(set.iter().cloned());
            }
        }
        known
    }
}

impl Spelling {
    /// Dictionaries looked up in `dirs`, in order, with the project's words.
    pub fn new(dirs: Vec<PathBuf>, words: WordLists) -> Self {
        Self {
            dirs,
            words,
            spellers: Mutex::new(HashMap::new()),
            noted: Mutex::new(HashSet::new()),
        }
    }

    /// Where dictionaries are looked for: the folder given
    /// (`--dictionaries DIR`), else each folder of `$DICPATH`, else the
    /// system's.
    pub fn search_path(given: Option<&Path>) -> Vec<PathBuf> {
        if let Some(dir) = given {
            return vec![dir.to_path_buf()];
        }
        let from_env: Vec<PathBuf> = std::env::var_os("DICPATH")
            .map(|path| {
                std::env::split_paths(&path)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if from_env.is_empty() {
            vec![PathBuf::from(SYSTEM_DICTIONARIES)]
        } else {
            from_env
        }
    }

    /// The speller of `locale`, loaded on first use.
    pub fn speller(&self, locale: &str) -> Loaded {
        let cell = lock(&self.spellers)
            .entry(locale.to_owned())
            .or_default()
            .clone();
        cell.get_or_init(|| self.load(locale)).clone()
    }

    /// The note for a locale without a dictionary, the first time only.
    pub fn note_once(&self, missing: &Missing) -> Option<Diagnostic> {
        lock(&self.noted)
            .insert(missing.locale.clone())
            .then(|| missing.note())
    }

    fn load(&self, locale: &str) -> Loaded {
        let names = dictionary_names(locale);
        let missing = |broken| Missing {
            locale: locale.to_owned(),
            looked_for: format!(
                "{} in {}",
                names
                    .iter()
                    .map(|n| format!("{n}.dic"))
                    .collect::<Vec<_>>()
                    .join(", "),
                self.dirs
                    .iter()
                    .map(|d| d.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            broken,
        };
        let found = self.dirs.iter().find_map(|dir| {
            names.iter().find_map(|name| {
                let aff = dir.join(format!("{name}.aff"));
                let dic = dir.join(format!("{name}.dic"));
                (aff.is_file() && dic.is_file()).then_some((aff, dic))
            })
        });
        let Some((aff, dic)) = found else {
            return Err(missing(None));
        };
        let read = |path: &Path| -> Result<String, String> {
            let bytes =
                std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            String::from_utf8(bytes).map_err(|_| {
                format!(
                    "{} is not UTF-8 (spellbook reads UTF-8 dictionaries)",
                    path.display()
                )
            })
        };
        let texts = read(&aff).and_then(|a| Ok((a, read(&dic)?)));
        let dictionary = texts.and_then(|(a, d)| {
            spellbook::Dictionary::new_with_hasher(&a, &d, Hasher::default())
                .map_err(|e| format!("{} does not load: {e}", dic.display()))
        });
        match dictionary {
            Ok(dictionary) => Ok(Arc::new(Speller {
                language: language(locale).to_owned(),
                dictionary,
                known: self.words.for_locale(locale),
                checked: RwLock::new(HashMap::new()),
                suggested: Mutex::new(HashMap::new()),
                budget: AtomicUsize::new(MAX_SUGGESTED),
            })),
            Err(why) => Err(missing(Some(why))),
        }
    }
}

/// One locale's dictionary and words, with what was already looked up.
pub struct Speller {
    language: String,
    dictionary: spellbook::Dictionary<Hasher>,
    known: HashSet<String>,
    checked: RwLock<HashMap<String, bool>>,
    suggested: Mutex<HashMap<String, Arc<[String]>>>,
    budget: AtomicUsize,
}

impl std::fmt::Debug for Speller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speller")
            .field("language", &self.language)
            .field("known", &self.known.len())
            .finish_non_exhaustive()
    }
}

/// A word the dictionary does not know, where it is in the text given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub span: Range<usize>,
    pub word: String,
}

impl Speller {
    /// Every unknown word of `text` (prose: what is not prose blanked out),
    /// with spans relative to it.
    pub fn unknown_words(&self, text: &str) -> Vec<Unknown> {
        let mut out = Vec::new();
        let mut after_number = false;
        for token in tokens(text) {
            let word = &text[token.span.clone()];
            let number = word.chars().all(|c| c.is_numeric());
            // `9 kg`, `30 cm`: a short word after a number is its unit.
            let unit = after_number && word.chars().count() <= 3;
            after_number = number;
            if unit || !worth_checking(word) {
                continue;
            }
            if token.dotted && self.knows(&format!("{word}.")) {
                continue;
            }
            self.check_token(word, token.span.start, token.elided, &mut out);
        }
        out
    }

    /// Whether the word is known, with the cache.
    fn knows(&self, word: &str) -> bool {
        let word = normal(word);
        if let Some(known) = self
            .checked
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(word.as_str())
        {
            return *known;
        }
        let known = self.known.contains(&word.to_lowercase()) || self.dictionary.check(&word);
        self.checked
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(word, known);
        known
    }

    fn check_token(&self, word: &str, at: usize, elided: bool, out: &mut Vec<Unknown>) {
        if elided {
            // `dell’` before a placeable: an elided article or preposition.
            let lower = normal(word).to_lowercase();
            if elision(&self.language, &lower) || self.knows(&format!("{word}'")) {
                return;
            }
        }
        if self.knows(word) {
            return;
        }
        // `l’examen`: the elided word, then the word itself.
        if let Some(i) = word.find(['\'', '’', 'ʼ']) {
            let head = normal(&word[..i]).to_lowercase();
            let apostrophe = word[i..].chars().next().map_or(1, char::len_utf8);
            let tail = &word[i + apostrophe..];
            if elision(&self.language, &head) || self.knows(&format!("{head}'")) {
                if worth_checking(tail) {
                    self.check_token(tail, at + i + apostrophe, false, out);
                }
                return;
            }
        }
        // `porte-monnaie`: each part on its own, when the whole is unknown;
        // so too `fin.Début`, which the grammar check reports.
        if word.contains(['-', '‑', '.']) {
            let mut start = 0;
            let ends = word
                .char_indices()
                .filter(|(_, c)| is_hyphen(*c) || *c == '.')
                .map(|(i, c)| (i, i + c.len_utf8()))
                .chain([(word.len(), word.len())]);
            for (end, next) in ends {
                let part = &word[start..end];
                let dotted = word[end..].starts_with('.');
                if worth_checking(part)
                    && !self.knows(part)
                    && !(dotted && self.knows(&format!("{part}.")))
                {
                    out.push(Unknown {
                        span: at + start..at + end,
                        word: part.to_owned(),
                    });
                }
                start = next;
            }
            return;
        }
        out.push(Unknown {
            span: at..at + word.len(),
            word: word.to_owned(),
        });
    }

    /// Up to three corrections of an unknown word, computed once and only
    /// while the budget of this locale lasts.
    pub fn suggestions(&self, word: &str) -> Arc<[String]> {
        let word = normal(word);
        if let Some(s) = lock(&self.suggested).get(&word) {
            return s.clone();
        }
        let affordable = word.chars().count() <= MAX_SUGGESTED_LENGTH
            && self
                .budget
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |b| b.checked_sub(1))
                .is_ok();
        let mut found = Vec::new();
        if affordable {
            self.dictionary.suggest(&word, &mut found);
        }
        // Hunspell's order, nearest first: a typo is most often one edit
        // away, and a word split in two is seldom what was meant.
        let lower = word.to_lowercase();
        found.retain(|s| s.to_lowercase() != lower);
        let split = |s: &str| usize::from(s.contains([' ', '-']) && !word.contains([' ', '-']));
        found.sort_by_cached_key(|s| {
            strsim::damerau_levenshtein(&s.to_lowercase(), &lower) + split(s)
        });
        found.truncate(3);
        let found: Arc<[String]> = found.into();
        lock(&self.suggested).insert(word, found.clone());
        found
    }

    /// Computes the suggestions of many words at once, on every core.
    pub fn prepare(&self, words: &[&str]) {
        use rayon::prelude::*;
        let mut distinct: Vec<&str> = words.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.par_iter().for_each(|w| {
            self.suggestions(w);
        });
    }
}

/// The diagnostic of an unknown word at `span` of `file`.
pub fn diagnostic(
    speller: &Speller,
    file: &SourceFile,
    span: Range<usize>,
    word: &str,
    locale: &str,
) -> Diagnostic {
    let mut d = Diagnostic::warning("spelling::unknown-word", format!("unknown word “{word}”"))
        .at(file, span)
        .label("unknown word");
    let suggestions = speller.suggestions(word);
    if let Some(hint) = did_you_mean(&suggestions) {
        d = d.hint(hint);
    }
    d.hint(format!(
        "a name or a word of the trade? add it to lexicons/words/{}.txt",
        language(locale)
    ))
}

/// `did you mean « a », « b » or « c »?`
fn did_you_mean(suggestions: &[String]) -> Option<String> {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("« {s} »")).collect();
    Some(match quoted.as_slice() {
        [] => return None,
        [one] => format!("did you mean {one}?"),
        [rest @ .., last] => format!("did you mean {} or {last}?", rest.join(", ")),
    })
}

/// A run of letters in a text, with whether an apostrophe ends it
/// (`dell’` before a placeable), or a full stop (`Nr.`, `Sig.`).
#[derive(Debug, PartialEq, Eq)]
struct Token {
    span: Range<usize>,
    elided: bool,
    dotted: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‑')
}

/// Letters, digits and marks make a word; an apostrophe or a hyphen
/// between two of them joins them.
fn tokens(text: &str) -> Vec<Token> {
    let word = |c: char| c.is_alphanumeric() || is_mark(c);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !word(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            // `Sig.ra`, `z.B`: a full stop between letters, no space.
            let dot = c == '.'
                && chars[j - 1].1.is_alphabetic()
                && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic());
            let joins = dot
                || (is_apostrophe(c) || is_hyphen(c))
                    && chars.get(j + 1).is_some_and(|n| word(n.1));
            if word(c) || joins {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |c| c.0);
        let elided = chars.get(j).is_some_and(|c| is_apostrophe(c.1))
            && chars.get(j + 1).is_none_or(|n| !n.1.is_alphanumeric());
        let dotted = chars.get(j).is_some_and(|c| c.1 == '.');
        out.push(Token {
            span: start..end,
            elided,
            dotted,
        });
        i = j;
    }
    out
}

/// Arabic vowel marks, the tatweel and other combining marks: part of a
/// word, never a reason for it to be unknown.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{0300}'..='\u{036F}')
}

/// Longer runs of letters are pasted tokens, not words (Hunspell's own
/// limit is 100 bytes).
const MAX_WORD_LENGTH: usize = 64;

/// Numbers, references, acronyms, single letters and tokens too long to be
/// words are not checked.
fn worth_checking(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if !(2..=MAX_WORD_LENGTH).contains(&letters) || word.chars().any(|c| c.is_numeric()) {
        return false;
    }
    // `TVA`, `IBAN`, `SAV-12`: acronyms and codes.
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    !(upper >= 2 && upper * 2 > letters)
}

/// A word as dictionaries spell it: one apostrophe, plain hyphens, no
/// Arabic vowel marks.
fn normal(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .map(|c| match c {
            '’' | 'ʼ' => '\'',
            '‑' => '-',
            c => c,
        })
        .collect()
}

/// Whether `head` (lower case, no apostrophe) is a word the language
/// elides before a vowel: `l`, `qu`, `dell`, `un`.
fn elision(language: &str, head: &str) -> bool {
    let list: &[&str] = match language {
        "fr" => &[
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
            "presqu", "quelqu",
        ],
        "it" => &[
            "l", "d", "c", "s", "m", "t", "v", "n", "un", "dell", "all", "dall", "nell", "sull",
            "coll", "quell", "quest", "bell", "sant", "tutt", "nessun", "ciascun", "qualcun", "gl",
        ],
        "ca" => &["l", "d", "m", "n", "s", "t"],
        _ => &[],
    };
    list.contains(&head)
}

/// `fr` of `fr-CH`.
fn language(locale: &str) -> &str {
    locale.split(['-', '_']).next().unwrap_or(locale)
}

/// The dictionary files a locale may use, best first: the region's
/// (`fr_CH`), the language's (`fr`), then its main country's (`fr_FR`).
fn dictionary_names(locale: &str) -> Vec<String> {
    let mut parts = locale.split(['-', '_']);
    let language = parts.next().unwrap_or(locale).to_lowercase();
    let region = parts.find(|p| p.len() == 2 || p.chars().all(|c| c.is_ascii_digit()));
    let mut names = Vec::new();
    if let Some(region) = region {
        names.push(format!("{language}_{}", region.to_uppercase()));
    }
    names.push(language.clone());
    let main = match language.as_str() {
        "en" => "en_US".to_owned(),
        "ar" => "ar".to_owned(),
        other => format!("{other}_{}", other.to_uppercase()),
    };
    if !names.contains(&main) {
        names.push(main);
    }
    names
}

/// The Debian package that installs a locale's dictionary.
pub fn debian_package(locale: &str) -> String {
    let mut parts = locale.split(['-', '_']);
    let language = parts.next().unwrap_or(locale).to_lowercase();
    let region = parts.next().map(str::to_lowercase);
    match (language.as_str(), region.as_deref()) {
        ("de", Some(r @ ("at" | "ch"))) => format!("hunspell-de-{r}"),
        ("de", _) => "hunspell-de-de".to_owned(),
        ("en", Some(r @ ("gb" | "au" | "ca" | "za"))) => format!("hunspell-en-{r}"),
        ("en", _) => "hunspell-en-us".to_owned(),
        (language, _) => format!("hunspell-{language}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|t| &text[t.span]).collect()
    }

    #[test]
    fn words_keep_their_apostrophes_and_hyphens() {
        assert_eq!(
            words("l’examen de peut-être « dell’ordine », 12 TVA"),
            ["l’examen", "de", "peut-être", "dell’ordine", "12", "TVA"]
        );
        assert_eq!(words("-- 'quoted' -x"), ["quoted", "x"]);
        let elided = tokens("dell’\u{1}\u{1}");
        assert!(elided[0].elided);
        assert!(!tokens("l’examen")[0].elided);
    }

    #[test]
    fn numbers_acronyms_and_single_letters_are_not_checked() {
        let pasted = "a".repeat(MAX_WORD_LENGTH + 1);
        for skipped in ["a", "12", "1er", "TVA", "SAV", "x2", &pasted] {
            assert!(!worth_checking(skipped), "{skipped}");
        }
        for checked in ["Madame", "l’examen", "E-Mail"] {
            assert!(worth_checking(checked), "{checked}");
        }
    }

    #[test]
    fn a_region_uses_its_dictionary_then_its_languages() {
        assert_eq!(dictionary_names("fr-CH"), ["fr_CH", "fr", "fr_FR"]);
        assert_eq!(dictionary_names("it"), ["it", "it_IT"]);
        assert_eq!(dictionary_names("en"), ["en", "en_US"]);
        assert_eq!(dictionary_names("ar"), ["ar"]);
        assert_eq!(debian_package("de-CH"), "hunspell-de-ch");
        assert_eq!(debian_package("es-MX"), "hunspell-es");
    }

    #[test]
    fn arabic_vowel_marks_are_dropped_and_apostrophes_made_one() {
        assert_eq!(normal("شُكْرًا"), "شكرا");
        assert_eq!(normal("l’examen"), "l'examen");
    }

    /// A speller over a dictionary of a few words, written for the test.
    fn speller(words: &str, list: &str) -> (tempfile::TempDir, Arc<Speller>) {
        let dir = tempfile::tempdir().unwrap();
        let count = words.lines().count();
        std::fs::write(dir.path().join("fr.aff"), "SET UTF-8\n").unwrap();
        std::fs::write(dir.path().join("fr.dic"), format!("{count}\n{words}\n")).unwrap();
        let mut lists = WordLists::default();
        lists.add("fr", list);
        let spelling = Spelling::new(vec![dir.path().to_path_buf()], lists);
        let speller = spelling.speller("fr-CH").unwrap();
        (dir, speller)
    }

    fn unknown(speller: &Speller, text: &str) -> Vec<(String, usize)> {
        speller
            .unknown_words(text)
            .into_iter()
            .map(|u| {
                assert_eq!(text[u.span.clone()], u.word);
                (u.word, u.span.start)
            })
            .collect()
    }

    #[test]
    fn elisions_hyphens_abbreviations_and_units_are_taken_apart() {
        let (_dir, s) = speller(
            "examen\nde\nla\npeut\nêtre\ncommande\nNr.\nkilo",
            "Zébulonne # a name",
        );
        assert_eq!(unknown(&s, "l’examen de la commande"), []);
        assert_eq!(unknown(&s, "l’examan"), [("examan".to_owned(), 4)]);
        assert_eq!(
            unknown(&s, "peut-être peut-étre"),
            [("étre".to_owned(), 16)]
        );
        assert_eq!(unknown(&s, "Nr. 12, 9 kg, TVA, a"), []);
        assert_eq!(unknown(&s, "zébulonne ZÉBULONNE"), [], "the word list");
        assert_eq!(
            unknown(&s, "qu’\u{1}\u{1}"),
            [],
            "an elision before a placeable"
        );
        assert_eq!(unknown(&s, "Commande"), [], "a capital at the start");
    }

    #[test]
    fn odd_text_gives_spans_on_character_boundaries() {
        let (_dir, s) = speller("examen", "");
        let long = format!("{}’{}", "é-".repeat(500), "ا\u{64B}".repeat(80));
        for text in [
            "’’’ -- ‑‑ ''x'' l’ ’l",
            "\u{64B}\u{64C}\u{640} ــ",
            "a.b.c.d. .x. z.B..",
            "ÉÉ-éé-ÉÉ ß-ẞ i̇stanbul",
            "日本語のテキスト 한국어",
            "\u{1}\u{1}mot\u{1}’\u{1}",
            &long,
        ] {
            let found = unknown(&s, text);
            assert!(found.len() <= text.len(), "{text}");
        }
    }

    #[test]
    fn a_dictionary_that_does_not_load_is_missing_with_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("it.aff"), b"SET UTF-8\n\xff\n").unwrap();
        std::fs::write(dir.path().join("it.dic"), "1\nciao\n").unwrap();
        let spelling = Spelling::new(vec![dir.path().to_path_buf()], WordLists::default());
        let missing = spelling.speller("it").unwrap_err();
        assert!(
            missing
                .broken
                .as_deref()
                .is_some_and(|b| b.contains("not UTF-8")),
            "{missing:?}"
        );
        let note = spelling.note_once(&missing).unwrap();
        assert_eq!(note.code, "spelling::no-dictionary");
        assert!(
            spelling.note_once(&missing).is_none(),
            "one note per locale"
        );
        let none = spelling.speller("de").unwrap_err();
        assert!(none.broken.is_none());
        assert!(none.note().hints[0].contains("hunspell-de-de"));
    }

    #[test]
    fn word_lists_ignore_comments_and_case() {
        let mut lists = WordLists::default();
        lists.add("fr", "# brand names\nLettrine # our product\n\n  Dupont\n");
        lists.add("fr-CH", "Natel\n");
        let known = lists.for_locale("fr-CH");
        assert!(known.contains("lettrine") && known.contains("dupont") && known.contains("natel"));
        assert!(!lists.for_locale("fr").contains("natel"));
    }
}
