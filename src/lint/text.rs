//! The words of a locale's messages: their spelling, phrases from the
//! lexicons (tone, forbidden claims), and typography — French spacing before `; : ! ?`
//! and inside « », no space before them elsewhere, straight quotes and
//! apostrophes, double spaces. Both see text only: each run of text
//! between placeables on its own, with HTML-like markup (and its
//! attribute values), URLs, e-mail addresses, paths and code-like tokens
//! blanked out ([`prose`]).

use fluent_syntax::ast::Pattern;

use super::lexicon::{Lexicon, normalise};
use super::{Def, Locale, Scope, Settings};
use super::{grammar, spelling};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl;
use crate::l10n::typography;

pub(super) fn check(
    locale: &Locale<'_>,
    lexicon: &Lexicon,
    settings: &Settings,
    is_source: bool,
    out: &mut Vec<Diagnostic>,
) {
    let applies = |scope: Scope| scope == Scope::All || is_source;
    let (lexicons, typography_too) = (applies(settings.lexicons), applies(settings.typography));
    let speller = match lexicon.spelling.as_deref() {
        Some(spelling) if applies(settings.spelling) => match spelling.speller(locale.locale) {
            Ok(speller) => Some(speller),
            Err(missing) => {
                out.extend(spelling.note_once(&missing));
                None
            }
        },
        _ => None,
    };
    let grammar_too = applies(settings.spelling);
    let mut unknown = Vec::new();
    let matcher = lexicon.matcher(locale.locale);
    let language = locale.locale.split(['-', '_']).next().unwrap_or_default();
    for defs in locale.entries.values() {
        let def = &defs[0];
        if def.broken {
            continue;
        }
        for (_, pattern) in def.patterns() {
            direction(locale, def, pattern, out);
            if !lexicons && !typography_too && !grammar_too {
                continue;
            }
            let text = &locale.file(def).text;
            let pieces = prose(pattern);
            if typography_too {
                typography(locale, def, language, &pieces, out);
            }
            if grammar_too && !def.term {
                for piece in &pieces {
                    let base = ftl::span(text, piece.source).start;
                    for finding in grammar::check(language, &piece.text) {
                        let d = finding.diagnostic();
                        if !def.ignores(&d.code, None) {
                            let span = base + finding.span.start..base + finding.span.end;
                            out.push(
                                d.at(locale.file(def), span)
                                    .about(locale.locale, Some(&def.key())),
                            );
                        }
                    }
                }
            }
            // A term is a name (`-brand`): its words are not checked.
            if let Some(speller) = speller.as_deref().filter(|_| !def.term) {
                for piece in &pieces {
                    let base = ftl::span(text, piece.source).start;
                    for word in speller.unknown_words(&piece.text) {
                        let ignored = def.ignores("unknown-word", Some(&word.word))
                            || def.ignores("unknown-word", Some(&word.word.to_lowercase()));
                        if !ignored {
                            let span = base + word.span.start..base + word.span.end;
                            unknown.push((def, span, word.word));
                        }
                    }
                }
            }
            if !lexicons {
                continue;
            }
            for run in runs(text, &pieces) {
                for (rule, hit) in matcher.find(&run.normal) {
                    let id = rule.code.rsplit("::").next().unwrap_or_default();
                    if def.ignores(id, None) {
                        continue;
                    }
                    let start = run.map[hit.start];
                    let last = run.map[hit.end - 1];
                    let end = last + text[last..].chars().next().map_or(1, char::len_utf8);
                    let said = text[start..end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let mut d = Diagnostic::new(
                        rule.severity,
                        rule.code.clone(),
                        format!("“{said}”: {}", id.replace('-', " ")),
                    )
                    .at(locale.file(def), start..end)
                    .about(locale.locale, Some(&def.key()))
                    .label(match rule.severity {
                        Severity::Error => "forbidden",
                        Severity::Warning | Severity::Note => "avoid",
                    })
                    .hint(format!("why: {}", rule.why.trim()));
                    if let Some(hint) = &rule.hint {
                        d = d.hint(hint.trim());
                    }
                    out.push(d);
                }
            }
        }
    }
    if let Some(speller) = speller.as_deref() {
        let words: Vec<&str> = unknown.iter().map(|(_, _, w)| w.as_str()).collect();
        speller.prepare(&words);
        for (def, span, word) in unknown {
            out.push(
                spelling::diagnostic(speller, locale.file(def), span, &word, locale.locale)
                    .about(locale.locale, Some(&def.key())),
            );
        }
    }
}

/// A run of text between placeables, normalised for matching, with the
/// byte of the file each of its bytes comes from.
struct Run {
    normal: String,
    map: Vec<usize>,
}

fn runs(file_text: &str, pieces: &[Piece<'_>]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut current: Option<(usize, usize)> = None; // run number, end of last element
    for piece in pieces {
        let number = piece.run;
        let span = ftl::span(file_text, piece.source);
        let (normal, map) = normalise(&piece.text);
        let map: Vec<usize> = map.into_iter().map(|m| m + span.start).collect();
        match (current, out.last_mut()) {
            (Some((n, end)), Some(run)) if n == number => {
                // Lines of one run: the indentation cut between them is a space.
                if span.start != end && !run.normal.ends_with(' ') && !normal.starts_with(' ') {
                    run.normal.push(' ');
                    run.map.push(end);
                }
                let skip = usize::from(run.normal.ends_with(' ') && normal.starts_with(' '));
                run.normal.push_str(&normal[skip..]);
                run.map.extend(&map[skip..]);
            }
            _ => out.push(Run { normal, map }),
        }
        current = Some((number, span.end));
    }
    out
}

fn typography(
    locale: &Locale<'_>,
    def: &Def<'_>,
    language: &str,
    pieces: &[Piece<'_>],
    out: &mut Vec<Diagnostic>,
) {
    let file = locale.file(def);
    let mut warn =
        |code: &'static str, at: usize, len: usize, message: String, label: &str, hint: String| {
            if def.ignores(code, None) {
                return;
            }
            out.push(
                Diagnostic::warning(code, message)
                    .at(file, at..at + len)
                    .about(locale.locale, Some(&def.key()))
                    .label(label)
                    .hint(hint),
            );
        };
    // Straight double quotes are flagged in pairs within a run of text: a
    // lone one next to a placeable (`"{ $name }"`) is left alone, as
    // Mozilla's linters do.
    let mut quotes_in_run = std::collections::HashMap::new();
    for p in pieces {
        *quotes_in_run.entry(p.run).or_insert(0usize) += p.text.matches('"').count();
    }
    for p in pieces {
        let piece = p.text.as_str();
        let base = ftl::span(&file.text, p.source).start;
        // Whether a placeable is printed right before this piece.
        let after_placeable = file.text[..base].ends_with('}');
        let chars: Vec<(usize, char)> = piece.char_indices().collect();
        for (i, &(at, c)) in chars.iter().enumerate() {
            let prev = if i == 0 { None } else { Some(chars[i - 1].1) };
            let next = chars.get(i + 1).map(|x| x.1);
            match c {
                '"' if quotes_in_run[&p.run] >= 2 => warn(
                    "typography::straight-quote",
                    base + at,
                    1,
                    "a straight double quote".to_owned(),
                    "straight quote",
                    format!("write {}", quotes(language)),
                ),
                '\'' if matches!(language, "fr" | "it" | "de" | "es" | "en")
                    && prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic) =>
                {
                    warn(
                        "typography::straight-apostrophe",
                        base + at,
                        1,
                        "a straight apostrophe".to_owned(),
                        "straight apostrophe",
                        "write the typographic apostrophe ’".to_owned(),
                    )
                }
                ' ' if next == Some(' ') && prev.is_some_and(|p| !p.is_whitespace()) => {
                    let run_len = piece[at..].chars().take_while(|c| *c == ' ').count();
                    let followed = piece[at + run_len..]
                        .chars()
                        .next()
                        .is_some_and(|c| c != '\n' && c != '\r' && c != BLANK);
                    if followed {
                        warn(
                            "typography::double-space",
                            base + at,
                            run_len,
                            format!("{run_len} spaces in a row"),
                            "double space",
                            "one space is enough; line breaks and indentation are free".to_owned(),
                        );
                    }
                }
                ';' | ':' | '!' | '?' if language == "fr" => {
                    let no_space = match prev {
                        Some(p) => !p.is_whitespace() && !matches!(p, '!' | '?' | ';' | ':'),
                        None => after_placeable,
                    };
                    let exempt = c == ':'
                        && (next == Some('/')
                            || prev.is_some_and(|p| p.is_ascii_digit())
                                && next.is_some_and(|n| n.is_ascii_digit()));
                    let ends_word = next.is_none_or(|n| n.is_whitespace() || ",.)»!?".contains(n));
                    if no_space && !exempt && ends_word {
                        warn(
                            "typography::space-before",
                            base + at,
                            1,
                            format!("French puts a space before “{c}”"),
                            "no space before",
                            "type a space; lettrine prints it as the right no-break space"
                                .to_owned(),
                        );
                    }
                }
                ';' | ':' | '!' | '?'
                    if matches!(language, "en" | "it" | "de" | "es") && prev == Some(' ') =>
                {
                    let space = chars[..i].iter().rev().take_while(|x| x.1 == ' ').count();
                    let from = chars[i - space].0;
                    let before = chars[..i - space].last().map(|x| x.1);
                    if before.is_some_and(|b| !b.is_whitespace())
                        || (before.is_none() && after_placeable)
                    {
                        warn(
                            "typography::space-before",
                            base + from,
                            space,
                            format!("no space before “{c}” in {}", locale.locale),
                            "extra space",
                            "the space before these signs is a French convention".to_owned(),
                        );
                    }
                }
                '«' if language == "fr" && next.is_some_and(|n| !n.is_whitespace()) => warn(
                    "typography::guillemets",
                    base + at,
                    c.len_utf8(),
                    "French puts a space after “«”".to_owned(),
                    "no space after",
                    "write « texte » with spaces inside".to_owned(),
                ),
                '»' if language == "fr" && prev.is_some_and(|p| !p.is_whitespace()) => warn(
                    "typography::guillemets",
                    base + at,
                    c.len_utf8(),
                    "French puts a space before “»”".to_owned(),
                    "no space before",
                    "write « texte » with spaces inside".to_owned(),
                ),
                _ => {}
            }
        }
    }
}

/// A direction control the message opens and leaves open reorders the
/// letter's text after it; the build refuses it, so it cannot be ignored,
/// and lint says where it is, in every locale.
fn direction(
    locale: &Locale<'_>,
    def: &Def<'_>,
    pattern: &Pattern<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let file = locale.file(def);
    let texts = ftl::texts(pattern);
    let joined: String = texts.iter().map(|(_, piece)| *piece).collect();
    if let Some((c, name, closer)) = typography::unclosed_direction(&joined)
        && let Some((base, at)) = texts.iter().rev().find_map(|(_, piece)| {
            let at = piece.rfind(c)?;
            Some((ftl::span(&file.text, piece).start, at))
        })
    {
        out.push(
            Diagnostic::error(
                "typography::unclosed-direction",
                format!(
                    "the message opens {name} (U+{:04X}) and does not close it",
                    u32::from(c)
                ),
            )
            .at(file, base + at..base + at + c.len_utf8())
            .about(locale.locale, Some(&def.key()))
            .label("opened here")
            .hint(format!(
                "it would reorder the letter's text after the message: close it with {closer}, or remove it"
            )),
        );
    }
}

/// What a blanked-out character of [`prose`] becomes: one byte, so every
/// offset stays that of the file.
const BLANK: char = '\u{1}';

/// A text element of a pattern as the text checks see it: `text` is
/// `source` with what is not prose blanked out, byte for byte.
pub(super) struct Piece<'s> {
    /// Changes between runs of text (a placeable or a variant ends one).
    pub run: usize,
    pub source: &'s str,
    pub text: String,
}

/// The text elements of `pattern` with HTML-like markup (a tag and its
/// attribute values, even across lines and placeables), URLs, e-mail
/// addresses, paths and code-like tokens (`::1`, `127.0.0.1/8`,
/// `--flag`, `snake_case`, `key=value`, `` `code` ``) blanked out.
pub(super) fn prose<'s>(pattern: &Pattern<&'s str>) -> Vec<Piece<'s>> {
    let mut tag = Tag::Out;
    ftl::texts(pattern)
        .into_iter()
        .map(|(run, source)| Piece {
            run,
            source,
            text: blank(source, &mut tag),
        })
        .collect()
}

/// A free text (a value of a case) as the text checks see it: markup,
/// URLs, e-mail addresses and code-like tokens blanked out, byte for byte.
pub(crate) fn prose_text(source: &str) -> String {
    blank(source, &mut Tag::Out)
}

/// Where the markup scan is: in text, in a tag, or in a quoted attribute
/// value of a tag.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Out,
    In,
    Quoted(char),
}

fn blank(source: &str, tag: &mut Tag) -> String {
    let bytes = source.as_bytes();
    let mut keep = vec![true; bytes.len()];
    // Markup: `<a href="…">`, `</b>`, `<img/>`, `<!-- … -->`.
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match *tag {
            Tag::Out => {
                let opens = b == b'<'
                    && bytes
                        .get(i + 1)
                        .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!'));
                if opens {
                    *tag = Tag::In;
                    keep[i] = false;
                }
            }
            Tag::In => {
                keep[i] = false;
                match b {
                    b'"' | b'\'' => *tag = Tag::Quoted(char::from(b)),
                    b'>' => *tag = Tag::Out,
                    _ => {}
                }
            }
            Tag::Quoted(q) => {
                keep[i] = false;
                if char::from(b) == q {
                    *tag = Tag::In;
                }
            }
        }
        i += 1;
    }
    // Tokens between white space (or markup: `<b>word</b>` holds a word)
    // that are not words of prose.
    let mut start = 0;
    for (at, c) in source.char_indices().chain([(source.len(), ' ')]) {
        let markup = at < bytes.len() && !keep[at];
        if !c.is_whitespace() && !markup {
            continue;
        }
        let token = &source[start..at];
        if !token.is_empty() && code_like(token) {
            keep[start..at].iter_mut().for_each(|k| *k = false);
        }
        start = at + c.len_utf8();
    }
    // `code` between backticks.
    let mut open = None;
    for (at, c) in source.char_indices() {
        if c == '`' {
            match open.take() {
                Some(from) => keep[from..=at].iter_mut().for_each(|k| *k = false),
                None => open = Some(at),
            }
        }
    }
    let mut out = String::with_capacity(source.len());
    for (at, c) in source.char_indices() {
        if keep[at] {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(BLANK, c.len_utf8()));
        }
    }
    out
}

/// Whether a token (no white space in it) is a URL, an e-mail address, a
/// path or code rather than a word.
fn code_like(token: &str) -> bool {
    let inner = token.trim_matches(|c: char| "\"'“”‘’«»„()[],.;:!?".contains(c));
    let has = |s: &str| inner.contains(s);
    if inner.is_empty() {
        return token.contains("::");
    }
    let digits = inner.chars().filter(char::is_ascii_digit).count();
    // `camelCase`, `iCalendar`: identifiers, not words.
    let camel = inner
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    has("://")
        || inner.starts_with("www.")
        || inner.starts_with("mailto:")
        || (has("@") && inner.rsplit('@').next().is_some_and(|d| d.contains('.')))
        || has("/")
        || has("\\")
        || has("::")
        || inner.starts_with("--")
        || has("_")
        || has("=")
        || (digits > 0 && (has(":") || inner.matches('.').count() >= 2))
        || camel
        || (token.starts_with([':', '/']) && token[1..].starts_with(|c: char| c.is_alphanumeric()))
        || token.starts_with("::")
}

fn quotes(language: &str) -> &'static str {
    match language {
        "fr" => "« … » (with spaces inside)",
        "it" | "es" => "« … » or “ … ”",
        "de" => "„ … “",
        _ => "“ … ”",
    }
}
