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
    fn other_languages_untouched() {
        assert_eq!(apply("it", "Oggetto: rimborso!"), "Oggetto: rimborso!");
    }
}
