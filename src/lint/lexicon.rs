//! Lexicons: phrases a letter must not contain, kept as data so a team can
//! extend them. Each `lexicons/<name>.toml` holds rules; a rule has an id,
//! a severity, a reason given to the translator, and phrases per locale.
//! The project's own `lexicons/` come first: a file there replaces the
//! embedded file of the same name, and new files add rules.
//!
//! Matching ignores case, treats `'` and `’` (and every kind of space and
//! line break) alike, and takes whole words only.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Severity, SourceFile};
use crate::error::{Error, Result};
use crate::pack::{text_file, toml_error};
use crate::revision::Project;

use super::spelling::{Spelling, WordLists};

#[derive(Debug, Default)]
pub struct Lexicon {
    pub rules: Vec<Arc<Rule>>,
    /// The project's known words (`lexicons/words/<locale>.txt`).
    pub words: WordLists,
    /// Spelling, when dictionaries are looked for
    /// ([`Lexicon::with_dictionaries`]).
    pub spelling: Option<Arc<Spelling>>,
    /// Each locale's phrases, compiled once.
    matchers: Mutex<HashMap<String, Arc<Matcher>>>,
}

#[derive(Debug)]
pub struct Rule {
    /// `tone::condescending`: the file's name, then the rule's id.
    pub code: String,
    pub severity: Severity,
    pub why: String,
    pub hint: Option<String>,
    /// Normalised phrases per locale key (`fr`, `fr-CH`, `*`).
    pub phrases: BTreeMap<String, Vec<Phrase>>,
}

#[derive(Debug)]
pub struct Phrase {
    /// As written in the lexicon, for messages.
    pub text: String,
    /// Normalised, as matched.
    pub normal: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    severity: RawSeverity,
    why: String,
    hint: Option<String>,
    phrases: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawSeverity {
    Error,
    Warning,
}

impl Lexicon {
    /// Every lexicon of the project, its own before the embedded ones.
    pub fn load(project: &Project) -> Result<Self> {
        let mut rules = Vec::new();
        for (name, _) in project.lexicons() {
            let (display, bytes) =
                project
                    .read(&format!("lexicons/{name}.toml"))
                    .map_err(|source| Error::Read {
                        path: format!("lexicons/{name}.toml"),
                        source,
                    })?;
            let file = text_file(display, bytes)?;
            rules.extend(Self::parse(&name, &file)?.into_iter().map(Arc::new));
        }
        Ok(Self {
            rules,
            words: WordLists::load(project),
            ..Self::default()
        })
    }

    /// Checks spelling too, with the dictionaries found in `dirs` (see
    /// [`Spelling::search_path`]) and the project's words.
    pub fn with_dictionaries(mut self, dirs: Vec<PathBuf>) -> Self {
        self.spelling = Some(Arc::new(Spelling::new(dirs, self.words.clone())));
        self
    }

    fn parse(name: &str, file: &SourceFile) -> Result<Vec<Rule>> {
        let raw: RawFile = toml::from_str(&file.text).map_err(|e| toml_error(file, &e))?;
        let mut problems = Vec::new();
        let mut rules: Vec<Rule> = Vec::new();
        for r in raw.rule {
            let code = format!("{name}::{}", r.id);
            let at = |needle: &str| file.span_of(&format!("{needle:?}"));
            if rules.iter().any(|x| x.code == code) {
                problems.push(
                    Diagnostic::error(
                        "lexicon::duplicate",
                        format!("the rule {:?} is defined twice", r.id),
                    )
                    .at(file, at(&r.id)),
                );
            }
            let mut phrases = BTreeMap::new();
            for (locale, list) in r.phrases {
                if locale != "*" && locale.parse::<unic_langid::LanguageIdentifier>().is_err() {
                    problems.push(
                        Diagnostic::error("lexicon::locale", format!("{locale:?} is not a locale"))
                            .at(file, at(&locale))
                            .hint("phrases are listed under a language (\"fr\"), a locale (\"fr-CH\") or \"*\""),
                    );
                }
                let mut normalised = Vec::new();
                for text in list {
                    let (normal, _) = normalise(&text);
                    if normal.trim().is_empty() {
                        problems.push(
                            Diagnostic::error(
                                "lexicon::empty",
                                "an empty phrase would match everything",
                            )
                            .at(file, at(&text)),
                        );
                        continue;
                    }
                    normalised.push(Phrase {
                        normal: normal.trim().to_owned(),
                        text,
                    });
                }
                phrases.insert(locale, normalised);
            }
            rules.push(Rule {
                code,
                severity: match r.severity {
                    RawSeverity::Error => Severity::Error,
                    RawSeverity::Warning => Severity::Warning,
                },
                why: r.why,
                hint: r.hint,
                phrases,
            });
        }
        if problems.is_empty() {
            Ok(rules)
        } else {
            Err(Error::Invalid(problems))
        }
    }

    /// The phrases that apply to `locale` (its own, its language's, and
    /// those for every locale), ready to be found in one pass; compiled
    /// once per locale.
    pub fn matcher(&self, locale: &str) -> Arc<Matcher> {
        if let Some(m) = crate::builder::lock(&self.matchers).get(locale) {
            return m.clone();
        }
        let language = locale.split(['-', '_']).next().unwrap_or(locale);
        let mut rules = Vec::new();
        let mut phrases = Vec::new();
        for rule in &self.rules {
            for (key, list) in &rule.phrases {
                if key == "*" || key == locale || key == language {
                    for phrase in list {
                        rules.push(rule.clone());
                        phrases.push(phrase.normal.clone());
                    }
                }
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&phrases)
            .ok();
        let matcher = Arc::new(Matcher { rules, automaton });
        crate::builder::lock(&self.matchers).insert(locale.to_owned(), matcher.clone());
        matcher
    }
}

/// A locale's phrases, compiled: the rule of each phrase.
#[derive(Debug)]
pub struct Matcher {
    rules: Vec<Arc<Rule>>,
    automaton: Option<aho_corasick::AhoCorasick>,
}

impl Matcher {
    /// Every phrase found in `text` (normalised) as whole words, with its
    /// rule and where it is.
    pub fn find(&self, text: &str) -> Vec<(&Rule, Range<usize>)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        automaton
            .find_iter(text)
            .filter(|m| {
                let phrase = &text[m.range()];
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                (!word(before) || !word(phrase.chars().next()))
                    && (!word(after) || !word(phrase.chars().next_back()))
            })
            .map(|m| (&*self.rules[m.pattern().as_usize()], m.range()))
            .collect()
    }
}

/// Text as lexicons match it: lower case, one kind of apostrophe, every
/// run of white space (no-break spaces included) one space. Returns the
/// text and, for each of its bytes, the byte of the input it comes from.
pub fn normalise(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut space = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                map.push(at);
            }
            space = true;
            continue;
        }
        space = false;
        let c = if matches!(c, '’' | 'ʼ' | '‘') {
            '\''
        } else {
            c
        };
        for lower in c.to_lowercase() {
            let before = out.len();
            out.push(lower);
            map.extend(std::iter::repeat_n(at, out.len() - before));
        }
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_across_apostrophes_and_breaks() {
        let file = SourceFile::new(
            "t.toml",
            "[[rule]]\nid = \"x\"\nseverity = \"warning\"\nwhy = \"w\"\n[rule.phrases]\nfr = [\"comme vous le savez sans doute\", \"l'article\", \"sans dout\"]\n",
        );
        let lexicon = Lexicon {
            rules: Lexicon::parse("tone", &file)
                .unwrap()
                .into_iter()
                .map(Arc::new)
                .collect(),
            ..Lexicon::default()
        };
        let matcher = lexicon.matcher("fr-CH");
        let (text, map) = normalise("Comme vous le\n    savez SANS doute, l’article");
        let hits: Vec<_> = matcher.find(&text).into_iter().map(|(_, r)| r).collect();
        assert_eq!(hits, [0..30, 32..41]);
        assert_eq!(
            map[hits[0].end - 1],
            33,
            "the last byte maps to the `e` of `doute`"
        );
        assert!(
            matcher.find("sans doute").is_empty(),
            "`sans dout` is not a whole word"
        );
    }
}
