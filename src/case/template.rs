//! `lettrine new`: a case file to fill in, written from the pack's fields,
//! with each field's help as a comment, examples of the locale's country
//! for the required ones and the optional ones commented out. It builds as
//! it is.

use std::fmt::Write as _;

use crate::pack::Pack;
use crate::pack::field::{Default, Field, FieldKind, Required};

/// The case template of `pack` in `locale`.
pub fn template(pack: &Pack, locale: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# A new {} letter ({} {}): fill in the values.",
        pack.id, pack.id, pack.version
    );
    let _ = writeln!(
        out,
        "# Optional fields are commented out. Check the case with:"
    );
    let _ = writeln!(out, "#   lettrine build THIS_FILE --format txt");
    let major = pack.version.major;
    let _ = writeln!(out, "pack = \"{}@^{major}\"", pack.id);
    let _ = writeln!(out, "locale = \"{locale}\"");

    let mut tables: Vec<&str> = Vec::new();
    for field in &pack.fields {
        match field.key.split_once('.') {
            None if matches!(field.key.as_str(), "pack" | "locale") => {}
            None if field.kind == FieldKind::Group => tables.push(&field.key),
            None => entry(&mut out, field, &field.key, true, locale),
            Some((table, _)) => {
                if !tables.contains(&table) {
                    tables.push(table);
                }
            }
        }
    }
    for table in tables {
        let group = pack.field(table);
        let optional = group.is_some_and(|g| g.kind == FieldKind::Group);
        let prefix = if optional { "# " } else { "" };
        out.push('\n');
        if let Some(help) = group.map(|g| &g.help).filter(|h| !h.is_empty()) {
            let _ = writeln!(out, "# {help}");
        }
        let _ = writeln!(out, "{prefix}[{table}]");
        for field in pack.fields.iter().filter(|f| f.parent() == Some(table)) {
            let leaf = field.key.rsplit('.').next().unwrap_or(&field.key);
            entry(&mut out, field, leaf, !optional, locale);
        }
    }
    out
}

fn entry(out: &mut String, field: &Field, name: &str, active: bool, locale: &str) {
    let defaulted = match &field.default {
        Some(Default::ByLocale(map)) => {
            let language = locale.split('-').next().unwrap_or(locale);
            map.contains_key(locale) || map.contains_key(language)
        }
        other => other.is_some(),
    };
    let required = field.required == Required::Yes && !defaulted;
    if !field.help.is_empty() {
        let mut note = field.help.clone();
        match &field.kind {
            FieldKind::Enum { values }
            | FieldKind::List {
                values: Some(values),
            } => {
                let _ = write!(note, " ({})", values.join(", "));
            }
            _ => {}
        }
        if let Some(Default::ByLocale(map)) = &field.default {
            let language = locale.split('-').next().unwrap_or(locale);
            if let Some(value) = map.get(locale).or_else(|| map.get(language)) {
                let _ = write!(note, "; {value} by default in {locale}");
            }
        }
        let _ = writeln!(out, "# {note}");
    }
    let value = field
        .example_literal(locale)
        .unwrap_or_else(|| placeholder(&field.kind));
    let prefix = if active && required { "" } else { "# " };
    let _ = writeln!(out, "{prefix}{name} = {value}");
}

fn placeholder(kind: &FieldKind) -> String {
    match kind {
        FieldKind::Text => "\"\"".to_owned(),
        FieldKind::Date => "2026-01-01".to_owned(),
        FieldKind::Money { .. } => "\"0.00\"".to_owned(),
        FieldKind::Number => "0".to_owned(),
        FieldKind::Enum { values } => format!("\"{}\"", values.first().map_or("", String::as_str)),
        FieldKind::List { .. } => "[]".to_owned(),
        FieldKind::Group => "{}".to_owned(),
    }
}
