//! Assembling a Letter from a pack, a validated case and the locale's
//! messages: the frame, the references, then the body's sections in the
//! pack's order.

use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentValue};

use super::{
    Block, Labels, Letter, PackInfo, Paragraph, Party, Postal, Reference, ReviewNote, Signature,
    postal,
};
use crate::case::{Case, CaseValue, REASONS_FIELD};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::l10n::values::compare_decimals;
use crate::l10n::{Messages, isolate};
use crate::pack::{
    Condition, DerivedRule, ENCLOSURES_FIELD, Pack, ReviewTrigger, Threshold, field::variable_name,
};
use crate::profile::Profile;

/// Builds the Letter for `case`, written with `pack` in `messages`' locale
/// and laid out by `style`.
pub fn assemble(
    pack: &Pack,
    case: &Case,
    messages: &Messages,
    style: &str,
    profile: &Profile,
) -> Result<Letter> {
    let rtl = messages.is_rtl();
    let args = arguments(pack, case, rtl);
    let mut errors = Vec::new();
    let mut block = |id: &str, args: &FluentArgs| -> Block {
        let text = messages.format(id, args).unwrap_or_else(|d| {
            errors.push(d);
            String::new()
        });
        Block {
            message: id.to_owned(),
            text,
        }
    };

    let date_line = block("date-line", &args);
    let subject = block("subject", &args);
    let salutation = block("salutation", &args);
    let closing = block("closing", &args);
    let labels = Labels {
        subject: block("label-subject", &args).text,
        enclosures: block("label-enclosures", &args).text,
        page: block("label-page", &args).text,
        numbering: messages.digit_one().to_owned(),
    };
    let references = pack
        .references
        .iter()
        .filter_map(|r| {
            let value = case.text(&r.field)?;
            let value = if rtl { isolate(value) } else { value };
            Some(Reference {
                label: block(&r.label, &args),
                field: r.field.clone(),
                value,
            })
        })
        .collect();

    let mut body = Vec::new();
    for section in &pack.sections {
        let present = match &section.when {
            None => true,
            Some(Condition::Set(key)) => match case.values.get(key) {
                Some(CaseValue::List(items)) => !items.is_empty(),
                other => other.is_some(),
            },
            Some(Condition::ReasonKind(kind)) => case
                .list(REASONS_FIELD)
                .iter()
                .any(|code| pack.reasons.get(code).is_some_and(|r| &r.kind == kind)),
        };
        if !present {
            continue;
        }
        match &section.each {
            None => {
                let b = block(&section.message, &args);
                body.push(Paragraph {
                    section: section.message.clone(),
                    item: None,
                    message: b.message,
                    text: b.text,
                });
            }
            Some(list) => {
                for item in case.list(list) {
                    let mut item_args = arguments(pack, case, rtl);
                    if let Some(reason) = pack.reasons.get(item).filter(|_| list == REASONS_FIELD) {
                        let jurisdiction = case.text("jurisdiction").unwrap_or_default();
                        if let Some(article) = reason.legal.get(&jurisdiction) {
                            item_args.set("legal-article", article.clone());
                        }
                    }
                    let b = block(&format!("{}-{item}", section.message), &item_args);
                    body.push(Paragraph {
                        section: section.message.clone(),
                        item: Some(item.clone()),
                        message: b.message,
                        text: b.text,
                    });
                }
            }
        }
    }
    let enclosures = case
        .list(ENCLOSURES_FIELD)
        .iter()
        .map(|code| block(&format!("enclosure-{code}"), &args))
        .collect();

    let postal = case.text("postal.mode").and_then(|mode| {
        let number = case.text("postal.number").filter(|n| !n.is_empty());
        match postal::mention(messages, &args, &case.locale, &mode, number.as_deref()) {
            Ok(mention) => Some(Postal {
                mode,
                number,
                mention,
            }),
            Err(d) => {
                errors.push(d);
                None
            }
        }
    });

    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }

    let locale: unic_langid::LanguageIdentifier = case.locale.parse().map_err(|_| {
        Diagnostic::error("case::locale", format!("{:?} is not a locale", case.locale))
    })?;
    let lang = locale.language.as_str().to_owned();
    let dir = if rtl { "rtl" } else { "ltr" };
    // Values printed outside messages (names, addresses, references) keep
    // their own direction in a right-to-left letter.
    let isolate = |s: String| if rtl { isolate(s) } else { s };
    let text = |key: &str| isolate(case.text(key).unwrap_or_default());
    let optional = |key: &str| case.text(key).filter(|s| !s.is_empty()).map(isolate);
    let lines = |key: &str| {
        case.list(key)
            .iter()
            .cloned()
            .map(isolate)
            .collect::<Vec<_>>()
    };

    let review = review_notes(pack, case);
    let draft_notice = super::draft_notice(&review);
    Ok(Letter {
        format: super::FORMAT_VERSION,
        pack: PackInfo {
            id: pack.id.clone(),
            version: pack.version.to_string(),
        },
        locale: case.locale.clone(),
        lang,
        region: locale.region.map(|r| r.as_str().to_owned()),
        dir,
        style: style.to_owned(),
        layout: profile.clone(),
        case_hash: case.digest.clone(),
        date: text("date"),
        sender: Party {
            name: text("sender.name"),
            address: lines("sender.address"),
            email: optional("sender.email"),
            phone: optional("sender.phone"),
            legal: optional("sender.legal"),
            logo: None,
        },
        recipient: Party {
            name: text("recipient.name"),
            address: lines("recipient.address"),
            email: None,
            phone: None,
            legal: None,
            logo: None,
        },
        date_line,
        references,
        subject,
        salutation,
        body,
        closing,
        signature: Signature {
            name: text("signatory.name"),
            role: text("signatory.role"),
            organisation: text("sender.name"),
            image: None,
        },
        enclosures,
        postal,
        theme: crate::theme::Theme::default(),
        footer: crate::theme::Footer {
            legal: optional("sender.legal"),
            ..crate::theme::Footer::default()
        },
        labels,
        review,
        draft_notice,
        fields: printed_fields(case, messages),
    })
}

/// The case's values as printed, by field key.
fn printed_fields(case: &Case, messages: &Messages) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (key, value) in &case.values {
        let text = match value {
            CaseValue::Text(s) | CaseValue::Code(s) => s.clone(),
            CaseValue::Date(d) => messages.display(&FluentValue::Custom(Box::new(*d))),
            CaseValue::Money(m) => messages.display(&FluentValue::Custom(Box::new(m.clone()))),
            CaseValue::Number(n) => messages.display(&FluentValue::from(*n)),
            CaseValue::List(items) => items.join(", "),
            CaseValue::Group => continue,
        };
        out.insert(key.clone(), text);
    }
    out
}

/// The Fluent arguments of a case: each field under its variable name,
/// `<list>-count` for each list, and the pack's derived numbers.
fn arguments(pack: &Pack, case: &Case, rtl: bool) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for (key, value) in &case.values {
        if matches!(key.as_str(), "pack" | "locale" | "style" | "profile") {
            continue;
        }
        let name = variable_name(key);
        match value {
            // Codes are selectors: never marked.
            CaseValue::Code(s) => args.set(name, s.clone()),
            CaseValue::Text(s) if rtl => args.set(name, isolate(s.clone())),
            CaseValue::Text(s) => args.set(name, s.clone()),
            CaseValue::Date(d) => args.set(name, FluentValue::Custom(Box::new(*d))),
            CaseValue::Money(m) => args.set(name, FluentValue::Custom(Box::new(m.clone()))),
            CaseValue::Number(n) => args.set(name, *n),
            CaseValue::List(items) => args.set(format!("{name}-count"), items.len()),
            CaseValue::Group => {}
        }
    }
    for derived in &pack.derived {
        match &derived.rule {
            DerivedRule::DaysBetween { from, to } => {
                if let (Some(CaseValue::Date(a)), Some(CaseValue::Date(b))) =
                    (case.values.get(from), case.values.get(to))
                {
                    let days = b.day_number() - a.day_number();
                    args.set(variable_name(&derived.key), days);
                }
            }
        }
    }
    args
}

fn review_notes(pack: &Pack, case: &Case) -> Vec<ReviewNote> {
    pack.review
        .iter()
        .filter_map(|rule| {
            let (field, reason) = match &rule.trigger {
                ReviewTrigger::Above { field, threshold } => {
                    let (plain, currency) = match case.values.get(field) {
                        Some(CaseValue::Money(m)) => (m.amount.to_string(), Some(&m.currency)),
                        Some(CaseValue::Number(n)) => (n.to_string(), None),
                        _ => return None,
                    };
                    let value = match currency {
                        Some(c) => format!("{plain} {c}"),
                        None => plain.clone(),
                    };
                    let above = |amount: &str| {
                        (compare_decimals(&plain, amount) == Some(std::cmp::Ordering::Greater))
                            .then(|| format!("{field} is {value}, more than {amount}"))
                    };
                    let reason = match (threshold, currency) {
                        (Threshold::Any(amount), _) => above(amount)?,
                        (Threshold::PerCurrency(amounts), Some(c)) => match amounts.get(c) {
                            Some(amount) => above(amount)?,
                            None => {
                                format!("{field} is {value}, and the rule sets no amount for {c}")
                            }
                        },
                        (Threshold::PerCurrency(_), None) => return None,
                    };
                    (field.as_str(), reason)
                }
                ReviewTrigger::Reasons(codes) => {
                    let given: Vec<&str> = case
                        .list(REASONS_FIELD)
                        .iter()
                        .filter(|c| codes.contains(c))
                        .map(String::as_str)
                        .collect();
                    let reason = match given.as_slice() {
                        [] => return None,
                        [one] => format!("the case gives the reason {one}"),
                        many => format!("the case gives the reasons {}", many.join(", ")),
                    };
                    (REASONS_FIELD, reason)
                }
            };
            Some(ReviewNote {
                rule: rule.id.clone(),
                help: rule.help.clone(),
                field: field.to_owned(),
                reason,
            })
        })
        .collect()
}
