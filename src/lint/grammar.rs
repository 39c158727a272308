//! Grammar checks that cannot misfire, in every language: a word typed
//! twice (`le le`, `di di`) and a missing space after a comma or a full
//! stop between two words (`merci,Madame`, `fin.Début`). Numbers (`1,5`,
//! `2.3`), abbreviations (`z.B.`, `Sig.ra`) and repeats a language uses
//! (`nous nous`, `had had`) are left alone. They see prose only, as the
//! other text checks do.

use std::ops::Range;

use crate::diagnostic::Diagnostic;

/// One finding, with its span in the text given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The word repeated, as written the second time.
    Repeated(String),
    /// The sign (`,` or `.`) a space should follow.
    SpaceAfter(char),
}

impl Finding {
    /// The finding as a warning; the caller says where.
    pub fn diagnostic(&self) -> Diagnostic {
        match &self.kind {
            Kind::Repeated(word) => Diagnostic::warning(
                "grammar::repeated-word",
                format!("“{word}” is written twice"),
            )
            .label("repeated")
            .hint("remove one of them"),
            Kind::SpaceAfter(sign) => Diagnostic::warning(
                "grammar::space-after",
                format!("no space after “{sign}” between two words"),
            )
            .label("missing space")
            .hint(format!("type a space after “{sign}”")),
        }
    }
}

/// Words a language repeats on purpose (`nous nous excusons`).
fn repeats_on_purpose(language: &str, word: &str) -> bool {
    let list: &[&str] = match language {
        "fr" => &["nous", "vous"],
        "en" => &["had", "that"],
        "de" => &["die", "der", "das"],
        "it" => &["che"],
        _ => &[],
    };
    list.contains(&word)
}

/// Every finding in `text`.
pub fn check(language: &str, text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    repeated(language, text, &mut out);
    space_after(text, &mut out);
    out.sort_by_key(|f| f.span.start);
    out
}

fn repeated(language: &str, text: &str, out: &mut Vec<Finding>) {
    // Words separated by white space only (no sign, no placeable).
    let mut previous: Option<(Range<usize>, String)> = None;
    let mut start = None;
    let flush = |start: usize,
                 end: usize,
                 previous: &mut Option<(Range<usize>, String)>,
                 out: &mut Vec<Finding>| {
        let word = &text[start..end];
        let lower = word.to_lowercase();
        let letters = word.chars().all(char::is_alphabetic);
        if let Some((_, before)) = previous.as_ref()
            && letters
            && *before == lower
            && !repeats_on_purpose(language, &lower)
        {
            out.push(Finding {
                span: start..end,
                kind: Kind::Repeated(word.to_owned()),
            });
        }
        *previous = letters.then_some((start..end, lower));
    };
    let mut last_end = 0;
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                // Anything but white space since the last word breaks the pair.
                if !text[last_end..at].chars().all(char::is_whitespace) {
                    previous = None;
                }
                start = Some(at);
            }
            continue;
        }
        if let Some(s) = start.take() {
            flush(s, at, &mut previous, out);
            last_end = at;
        }
    }
    if let Some(s) = start {
        flush(s, text.len(), &mut previous, out);
    }
}

fn space_after(text: &str, out: &mut Vec<Finding>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, ',' | '.' | '،') || i == 0 {
            continue;
        }
        let (Some(&(_, before)), Some(&(_, after))) = (chars.get(i - 1), chars.get(i + 1)) else {
            continue;
        };
        if !before.is_alphabetic() || !after.is_alphabetic() {
            continue;
        }
        // The word before the sign: a single letter is an abbreviation
        // (`z.B.`, `U.S.A.`, `e.g.`).
        let word_before = chars[..i]
            .iter()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .count();
        let word_after: String = chars[i + 1..]
            .iter()
            .take_while(|(_, c)| c.is_alphabetic())
            .map(|(_, c)| *c)
            .collect();
        let stop_ok = c == '.'
            && (word_before < 2
                || !after.is_uppercase()
                || word_after.chars().count() < 2
                || chars
                    .get(i + 1 + word_after.chars().count())
                    .is_some_and(|n| n.1 == '.'));
        if stop_ok {
            continue;
        }
        out.push(Finding {
            span: at..at + c.len_utf8(),
            kind: Kind::SpaceAfter(c),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(language: &str, text: &str) -> Vec<(String, &'static str)> {
        check(language, text)
            .into_iter()
            .map(|f| {
                let kind = match f.kind {
                    Kind::Repeated(_) => "repeated",
                    Kind::SpaceAfter(_) => "space",
                };
                (text[f.span].to_owned(), kind)
            })
            .collect()
    }

    #[test]
    fn a_word_typed_twice_is_found_but_not_one_a_language_repeats() {
        assert_eq!(
            found("fr", "Nous avons le le plaisir"),
            [("le".to_owned(), "repeated")]
        );
        assert_eq!(
            found("it", "il rimborso di di Marco"),
            [("di".to_owned(), "repeated")]
        );
        assert_eq!(found("fr", "nous nous excusons, vous vous"), []);
        assert_eq!(found("fr", "le, le"), [], "a sign between them");
        assert_eq!(found("en", "12 12 items"), [], "numbers");
        assert_eq!(found("fr", "Le le"), [("le".to_owned(), "repeated")]);
    }

    #[test]
    fn a_missing_space_after_a_sign_between_words_is_found() {
        assert_eq!(found("fr", "merci,Madame"), [(",".to_owned(), "space")]);
        assert_eq!(found("fr", "la fin.Début"), [(".".to_owned(), "space")]);
        for fine in [
            "1,5 kg",
            "3.2 m",
            "z.B. heute",
            "Gentile Sig.ra Rossi",
            "U.S.A. today",
            "e.g. this",
            "fin. Début",
            "atelier.fr",
        ] {
            assert_eq!(found("fr", fine), [], "{fine}");
        }
    }
}
