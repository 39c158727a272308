//! Typography that Typst does not apply by itself, per language. French puts
//! a narrow no-break space (U+202F) before `; ! ?` and inside « guillemets »,
//! and a no-break space (U+00A0) before `:`.

const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

/// Applies the language's typography to a formatted message.
pub fn apply(language: &str, text: &str) -> String {
    match language {
        "fr" => french(text),
        _ => text.to_owned(),
    }
}

/// French spacing. A space typed before the sign becomes the right
/// no-break space; a missing one is added only where the sign ends a word
/// (followed by a space or the end), so `https://`, `10:30` or `?q=` in a
/// URL stay as they are.
fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let space = match c {
            ';' | '!' | '?' | '»' => Some(NNBSP),
            ':' => Some(NBSP),
            _ => None,
        };
        if let Some(space) = space {
            let after = chars[i + 1..].iter().find(|n| !is_sign(**n));
            let ends_word = after.is_none_or(|n| n.is_whitespace() || ",.)»".contains(*n));
            match out.chars().last() {
                Some(' ' | NBSP | NNBSP) => {
                    out.pop();
                    out.push(space);
                }
                Some(prev)
                    if c == '»' || (ends_word && !prev.is_whitespace() && !is_sign(prev)) =>
                {
                    out.push(space)
                }
                _ => {}
            }
            out.push(c);
            continue;
        }
        if is_space(c) && out.ends_with("«\u{202F}") {
            continue; // the space after « is written below, once
        }
        out.push(c);
        if c == '«' {
            out.push(NNBSP);
        }
    }
    out
}

/// The first direction control of `text` (an embedding, an override or an
/// isolate) that `text` opens and does not close, with its name and the
/// character that closes it. Such a value would reorder whatever the letter
/// prints after it in the same paragraph, not only itself.
pub fn unclosed_direction(text: &str) -> Option<(char, &'static str, &'static str)> {
    const PDF: &str = "U+202C (pop directional formatting)";
    const PDI: &str = "U+2069 (pop directional isolate)";
    let opened = |c: char| {
        Some(match c {
            '\u{202A}' => ("a left-to-right embedding", PDF),
            '\u{202B}' => ("a right-to-left embedding", PDF),
            '\u{202D}' => ("a left-to-right override", PDF),
            '\u{202E}' => ("a right-to-left override", PDF),
            '\u{2066}' => ("a left-to-right isolate", PDI),
            '\u{2067}' => ("a right-to-left isolate", PDI),
            '\u{2068}' => ("a first-strong isolate", PDI),
            _ => return None,
        })
    };
    let is_isolate = |c: &char| ('\u{2066}'..='\u{2068}').contains(c);
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        match c {
            // As in the Unicode bidi algorithm: a pop closes the last
            // embedding or override, unless an isolate is open after it; a
            // pop of an isolate closes it and everything opened inside it.
            '\u{202C}' if open.last().is_some_and(|o| !is_isolate(o)) => {
                open.pop();
            }
            '\u{2069}' => {
                let at = open.iter().rposition(is_isolate).unwrap_or(open.len());
                open.truncate(at);
            }
            c if opened(c).is_some() => open.push(c),
            _ => {}
        }
    }
    let first = *open.first()?;
    opened(first).map(|(name, closer)| (first, name, closer))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | NBSP | NNBSP)
}

fn is_sign(c: char) -> bool {
    matches!(c, ';' | '!' | '?' | ':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spacing() {
        let cases = [
            ("Objet : refus", "Objet\u{A0}: refus"),
            ("Objet: refus", "Objet\u{A0}: refus"),
            ("Vraiment ? Oui !", "Vraiment\u{202F}? Oui\u{202F}!"),
            ("Vraiment?!", "Vraiment\u{202F}?!"),
            ("a ; b", "a\u{202F}; b"),
            ("« mot »", "«\u{202F}mot\u{202F}»"),
            ("«mot»", "«\u{202F}mot\u{202F}»"),
            ("https://exemple.fr/?a=b", "https://exemple.fr/?a=b"),
            ("à 10:30", "à 10:30"),
            ("P.J. :", "P.J.\u{A0}:"),
        ];
        for (input, expected) in cases {
            assert_eq!(apply("fr", input), expected, "{input}");
        }
    }

    #[test]
    fn unclosed_direction_controls() {
        let closed = [
            "plain",
            "a\u{202E}b\u{202C}c",
            "\u{2067}a\u{202E}b\u{2069}",
            "a\u{202C}\u{2069}b",
            "\u{200F}marks are not controls\u{200E}",
        ];
        for text in closed {
            assert_eq!(unclosed_direction(text), None, "{text:?}");
        }
        let unclosed = [
            ("a\u{202E}b", '\u{202E}'),
            ("\u{202B}a\u{2067}b\u{202C}\u{2069}", '\u{202B}'),
            ("\u{2068}a\u{202C}", '\u{2068}'),
            ("\u{202A}\u{202D}x\u{202C}", '\u{202A}'),
        ];
        for (text, first) in unclosed {
            assert_eq!(
                unclosed_direction(text).map(|u| u.0),
                Some(first),
                "{text:?}"
            );
        }
    }

    #[test]
    fn other_languages_untouched() {
        assert_eq!(apply("it", "Oggetto: rimborso!"), "Oggetto: rimborso!");
    }
}
