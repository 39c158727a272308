//! Postal mentions: how a letter is posted (registered, with
//! acknowledgement of receipt, priority), in the words each country's post
//! uses, printed above the address. A pack may word a mention its own way
//! with a message `postal-<mode>`, which also covers a language lettrine
//! does not know.

use fluent_bundle::FluentArgs;

use crate::diagnostic::Diagnostic;
use crate::l10n::{Messages, isolate};

/// The modes a case can give as `postal.mode`.
pub const MODES: &[&str] = &["registered", "registered-receipt", "priority"];

/// The mention for `mode` in `locale`, with the registered letter's number:
/// the pack's message `postal-<mode>` when it has one (its `$postal-number`
/// is the number), else lettrine's own wording for the locale's region or
/// language.
pub fn mention(
    messages: &Messages,
    args: &FluentArgs,
    locale: &str,
    mode: &str,
    number: Option<&str>,
) -> Result<String, Diagnostic> {
    let id = format!("postal-{mode}");
    if messages.has(&id) {
        return messages.format(&id, args);
    }
    let mut parts = locale.split(['-', '_']);
    let language = parts.next().unwrap_or(locale);
    let region = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()));
    let Some((words, number_label)) = wording(language, region, mode) else {
        return Err(Diagnostic::error(
            "letter::postal-mention",
            format!("lettrine has no postal mention in {locale} for postal.mode {mode:?}"),
        )
        .hint(format!(
            "add a message `{id}` to the pack's {locale} messages (it may use $postal-number); lettrine words mentions in en, fr, it, de, es and ar"
        )));
    };
    let rtl = messages.is_rtl();
    Ok(match number {
        Some(n) if rtl => format!("{words} {number_label}\u{a0}{}", isolate(n.to_owned())),
        Some(n) => format!("{words} {number_label}\u{a0}{n}"),
        None => words.to_owned(),
    })
}

/// lettrine's own wording: the mention and the word before a number.
fn wording(
    language: &str,
    region: Option<&str>,
    mode: &str,
) -> Option<(&'static str, &'static str)> {
    let swiss = region == Some("CH");
    let words = match (language, mode) {
        // La Poste's products, as French letters name them.
        ("fr", "registered") if swiss => "Lettre signature",
        ("fr", "registered") => "Lettre recommandée",
        ("fr", "registered-receipt") => "Lettre recommandée avec accusé de réception",
        ("fr", "priority") if swiss => "Courrier A",
        ("fr", "priority") => "Lettre prioritaire",
        ("it", "registered") => "Raccomandata",
        ("it", "registered-receipt") => "Raccomandata A/R",
        ("it", "priority") if swiss => "Posta A",
        ("it", "priority") => "Posta prioritaria",
        // DIN 5008's notes zone: "Einschreiben", "Einschreiben Rückschein".
        ("de", "registered") => "Einschreiben",
        ("de", "registered-receipt") => "Einschreiben Rückschein",
        ("de", "priority") if swiss => "A-Post",
        ("de", "priority") => "Prio",
        ("en", "registered") => "Registered mail",
        ("en", "registered-receipt") => "Registered mail with acknowledgement of receipt",
        ("en", "priority") => "Priority mail",
        ("es", "registered") => "Carta certificada",
        ("es", "registered-receipt") => "Carta certificada con acuse de recibo",
        ("es", "priority") => "Correo urgente",
        ("ar", "registered") => "بريد مسجل",
        ("ar", "registered-receipt") => "بريد مسجل مع إشعار بالاستلام",
        ("ar", "priority") => "بريد مستعجل",
        _ => return None,
    };
    let number = match language {
        "fr" => "n°",
        "it" => "n.",
        "de" => "Nr.",
        "en" => "no.",
        "es" => "n.º",
        "ar" => "رقم",
        _ => return None,
    };
    Some((words, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_known_language_words_every_mode() {
        for language in ["fr", "it", "de", "en", "es", "ar"] {
            for mode in MODES {
                assert!(wording(language, None, mode).is_some(), "{language} {mode}");
            }
        }
        assert_eq!(wording("pt", None, "priority"), None);
        assert_eq!(
            wording("de", Some("CH"), "priority").map(|w| w.0),
            Some("A-Post")
        );
        assert_eq!(
            wording("de", None, "registered-receipt").map(|w| w.0),
            Some("Einschreiben Rückschein")
        );
    }
}
