//! The words of a locale's messages: phrases from the lexicons (tone,
//! forbidden claims), and typography — French spacing before `; : ! ?`
//! and inside « », no space before them elsewhere, straight quotes and
//! apostrophes, double spaces.

use fluent_syntax::ast::Pattern;

use super::lexicon::{Lexicon, normalise};
use super::{Def, Locale};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl;
use crate::l10n::typography;

pub(super) fn check(locale: &Locale<'_>, lexicon: &Lexicon, out: &mut Vec<Diagnostic>) {
    let matcher = lexicon.matcher(locale.locale);
    let language = locale.locale.split(['-', '_']).next().unwrap_or_default();
    for defs in locale.entries.values() {
        let def = &defs[0];
        if def.broken {
            continue;
        }
        for (_, pattern) in def.patterns() {
            let text = &locale.file(def).text;
            for run in runs(text, pattern) {
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
                        Severity::Warning => "avoid",
                    })
                    .hint(format!("why: {}", rule.why.trim()));
                    if let Some(hint) = &rule.hint {
                        d = d.hint(hint.trim());
                    }
                    out.push(d);
                }
            }
            typography(locale, def, language, pattern, out);
        }
    }
}

/// A run of text between placeables, normalised for matching, with the
/// byte of the file each of its bytes comes from.
struct Run {
    normal: String,
    map: Vec<usize>,
}

fn runs(file_text: &str, pattern: &Pattern<&str>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut current: Option<(usize, usize)> = None; // run number, end of last element
    for (number, piece) in ftl::texts(pattern) {
        let span = ftl::span(file_text, piece);
        let (normal, map) = normalise(piece);
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
    pattern: &Pattern<&str>,
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
    let texts = ftl::texts(pattern);
    for (_, piece) in &texts {
        let base = ftl::span(&file.text, piece).start;
        // Whether a placeable is printed right before this piece.
        let after_placeable = file.text[..base].ends_with('}');
        let chars: Vec<(usize, char)> = piece.char_indices().collect();
        for (i, &(at, c)) in chars.iter().enumerate() {
            let prev = if i == 0 { None } else { Some(chars[i - 1].1) };
            let next = chars.get(i + 1).map(|x| x.1);
            match c {
                '"' => warn(
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
                        .is_some_and(|c| c != '\n' && c != '\r');
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
    // A direction control the message opens and leaves open reorders the
    // letter's text after it; the build refuses it, so it cannot be
    // ignored, and lint says where it is.
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

fn quotes(language: &str) -> &'static str {
    match language {
        "fr" => "« … » (with spaces inside)",
        "it" | "es" => "« … » or “ … ”",
        "de" => "„ … “",
        _ => "“ … ”",
    }
}
