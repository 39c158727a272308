//! A pack's manifest against its messages: every locale folder is listed;
//! every message the letter will ask for (frame, sections, one per
//! reason or list item, reference labels, enclosures) exists in the source;
//! every variable a message uses is something a case gives it; every field
//! the pack declares is used somewhere.

use std::collections::BTreeSet;
use std::ops::Range;

use super::{Locale, var};
use crate::diagnostic::{Diagnostic, SourceFile, closest};
use crate::ftl::{self, Use};
use crate::pack::field::{Default, FieldKind, Required, variable_name};
use crate::pack::{
    DerivedRule, ENCLOSURES_FIELD, FRAME_MESSAGES, Pack, ReviewTrigger, frame_fields, key_span,
    key_spans,
};

/// The variable every reason paragraph gets besides the fields.
const REASON_VARIABLES: &[&str] = &["legal-article"];

/// Locale folders `pack.toml` does not list. (A listed locale without
/// messages is the loader's error, `pack::no-messages`.)
pub(super) fn unlisted(pack: &Pack, unlisted: &[String]) -> Vec<Diagnostic> {
    let file = &pack.manifest;
    let mut out = Vec::new();
    for folder in unlisted {
        out.push(
            Diagnostic::warning(
                "pack::unlisted-locale",
                format!("{folder}/ holds messages, but `locales` does not list {folder}"),
            )
            .at(file, file.span_of("locales"))
            .about(folder, None)
            .label("not listed here")
            .hint(format!(
                "add \"{folder}\" to `locales` so letters can be written in it"
            )),
        );
    }
    out
}

pub(super) fn check(pack: &Pack, src: &Locale<'_>, out: &mut Vec<Diagnostic>) {
    let manifest = &pack.manifest;
    required_messages(pack, src, manifest, out);
    // A translation's other variables are reported as not in the source.
    unknown_variables(pack, src, &provided_variables(pack), out);
    unused_fields(pack, src, manifest, out);
}

/// Every message the assembler asks for, with the manifest text that
/// makes it ask.
fn required_messages(
    pack: &Pack,
    src: &Locale<'_>,
    manifest: &SourceFile,
    out: &mut Vec<Diagnostic>,
) {
    let mut wanted: Vec<(String, Range<usize>, String)> = FRAME_MESSAGES
        .iter()
        .map(|m| (m.to_string(), 0..0, "every letter".to_owned()))
        .collect();
    for section in &pack.sections {
        let at = manifest.span_of(&format!("message = \"{}\"", section.message));
        match &section.each {
            None => wanted.push((
                section.message.clone(),
                at,
                format!("the section {:?}", section.message),
            )),
            Some(list) => {
                let items = match pack.field(list).map(|f| &f.kind) {
                    Some(FieldKind::List { values: Some(v) }) => v.clone(),
                    _ => Vec::new(),
                };
                for item in items {
                    wanted.push((
                        format!("{}-{item}", section.message),
                        at.clone(),
                        format!("the section {:?} for each of {list}", section.message),
                    ));
                }
            }
        }
    }
    for reference in &pack.references {
        let at = manifest.span_of(&format!("label = \"{}\"", reference.label));
        wanted.push((
            reference.label.clone(),
            at,
            format!("the reference to {}", reference.field),
        ));
    }
    if let Some(FieldKind::List {
        values: Some(codes),
    }) = pack.field(ENCLOSURES_FIELD).map(|f| &f.kind)
    {
        let at = key_span(manifest, ENCLOSURES_FIELD);
        for code in codes {
            wanted.push((
                format!("enclosure-{code}"),
                at.clone(),
                format!("the enclosure {code:?}"),
            ));
        }
    }
    let mut seen = BTreeSet::new();
    for (id, at, why) in wanted {
        if !seen.insert(id.clone()) || src.get(&id).is_some() {
            continue;
        }
        let mut d = Diagnostic::error(
            "pack::missing-message",
            format!(
                "{why} needs the message `{id}`, which the source locale {} does not define",
                src.locale
            ),
        )
        .about(src.locale, Some(&id))
        .hint(format!("add `{id} = …` to {}/", src.locale));
        d = if at.is_empty() {
            d.in_file(manifest)
        } else {
            d.at(manifest, at).label(format!("asks for `{id}`"))
        };
        out.push(d);
    }
}

/// The variables a case gives messages: each field but groups, `-count`
/// for lists, the derived numbers, and the reason paragraphs' extras.
fn provided_variables(pack: &Pack) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for field in &pack.fields {
        match field.kind {
            FieldKind::Group => {}
            FieldKind::List { .. } => {
                names.insert(format!("{}-count", variable_name(&field.key)));
            }
            _ => {
                names.insert(variable_name(&field.key));
            }
        }
    }
    names.extend(pack.derived.iter().map(|d| variable_name(&d.key)));
    names.extend(REASON_VARIABLES.iter().map(|v| v.to_string()));
    names
}

fn unknown_variables(
    pack: &Pack,
    locale: &Locale<'_>,
    provided: &BTreeSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    for defs in locale.entries.values() {
        let def = &defs[0];
        for (_, pattern) in def.patterns() {
            for used in ftl::uses(pattern) {
                let Use::Variable(name) = used else { continue };
                if provided.contains(name) {
                    continue;
                }
                let mut d = Diagnostic::error(
                    "pack::unknown-variable",
                    format!(
                        "{} is not a field of {}: no letter sets it",
                        var(name),
                        pack.id
                    ),
                )
                .label("unknown variable");
                if let Some(near) = closest(provided.iter().map(String::as_str), name) {
                    d = d.hint(format!("did you mean {}?", var(near)));
                }
                d = d.hint("a field `order.amount` is the variable $order-amount; a list `reasons` gives $reasons-count");
                out.push(locale.at(d, def, name));
            }
        }
    }
}

/// Pack fields neither a message of the source nor the manifest uses.
fn unused_fields(pack: &Pack, src: &Locale<'_>, manifest: &SourceFile, out: &mut Vec<Diagnostic>) {
    let mut used: BTreeSet<String> = BTreeSet::new();
    for defs in src.entries.values() {
        for (_, pattern) in defs[0].patterns() {
            used.extend(ftl::variables(pattern).into_iter().map(str::to_owned));
        }
    }
    let mut by_manifest: BTreeSet<&str> = BTreeSet::new();
    by_manifest.extend([crate::case::REASONS_FIELD, ENCLOSURES_FIELD]);
    by_manifest.extend(pack.references.iter().map(|r| r.field.as_str()));
    for section in &pack.sections {
        by_manifest.extend(section.each.as_deref());
        if let Some(crate::pack::Condition::Set(key)) = &section.when {
            by_manifest.insert(key);
        }
    }
    for reason in pack.reasons.values() {
        by_manifest.extend(reason.requires.iter().map(String::as_str));
    }
    if pack.reasons.values().any(|r| !r.legal.is_empty()) {
        // The reason paragraphs cite the article of the case's jurisdiction.
        by_manifest.insert("jurisdiction");
    }
    for rule in &pack.review {
        if let ReviewTrigger::Above { field, .. } = &rule.trigger {
            by_manifest.insert(field);
        }
    }
    for derived in &pack.derived {
        let DerivedRule::DaysBetween { from, to } = &derived.rule;
        by_manifest.extend([from.as_str(), to.as_str()]);
    }
    for field in &pack.fields {
        if let FieldKind::Money { currency_field } = &field.kind {
            by_manifest.insert(currency_field);
        }
        if let Required::If { field: other, .. } = &field.required {
            by_manifest.insert(other);
        }
        if let Some(Default::From(other)) = &field.default {
            by_manifest.insert(other);
        }
    }
    let frame: BTreeSet<String> = frame_fields().into_iter().map(|f| f.key).collect();
    let spans = key_spans(manifest);
    for field in &pack.fields {
        if frame.contains(&field.key)
            || field.kind == FieldKind::Group
            || by_manifest.contains(field.key.as_str())
        {
            continue;
        }
        let name = match field.kind {
            FieldKind::List { .. } => format!("{}-count", variable_name(&field.key)),
            _ => variable_name(&field.key),
        };
        if used.contains(&name) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                "pack::unused-field",
                format!(
                    "the field {:?} is used by no message of {} and nothing in pack.toml",
                    field.key, src.locale
                ),
            )
            .at(
                manifest,
                spans.get(field.key.as_str()).cloned().unwrap_or(0..0),
            )
            .label("never used")
            .hint(format!(
                "use {} in a message, or remove the field",
                var(&name)
            )),
        );
    }
}
