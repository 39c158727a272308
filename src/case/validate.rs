//! The validator: checks a [`CaseFile`] against its [`Pack`] (every key
//! known, every value typed, required fields present, defaults applied,
//! amounts given their currency, each reason's fields set) and turns it
//! into a [`Case`], reporting every problem at once.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, SourceFile, closest};
use crate::error::{Error, Result};
use crate::l10n::typography::unclosed_direction;
use crate::l10n::values::{DateValue, MoneyValue};
use crate::pack::Pack;
use crate::pack::field::{Default, Field, FieldKind, Required, quoted_list};

use super::node::{Entry, Node, Value};
use super::{
    Base, Case, CaseFile, CaseValue, INCLUDABLE, Include, LIST_SEPARATORS, REASONS_FIELD, find,
};

impl CaseFile {
    /// Checks the case against `pack`, with the letter written in `locale`.
    pub fn validate(&self, pack: &Pack, locale: &str) -> Result<Case> {
        let base = self.base.as_deref();
        let mut v = Validator {
            file: &self.file,
            case_file: &self.file,
            whole: self.row.as_ref().map(|r| r.span.clone()),
            includes: self
                .includes
                .iter()
                .chain(base.into_iter().flat_map(|b| &b.includes))
                .collect(),
            pack,
            diagnostics: Vec::new(),
            values: BTreeMap::new(),
            present: BTreeSet::new(),
        };
        if let Some(req) = &self.pack.requirement
            && !req.matches(&pack.version)
        {
            v.diagnostics.push(
                Diagnostic::error(
                    "case::pack-version",
                    format!(
                        "the case needs {}@{req}, but the pack is at version {}",
                        pack.id, pack.version
                    ),
                )
                .at(self.located("pack").0, self.pack.span.clone())
                .field("pack")
                .hint(format!("the pack is read from {}", pack.origin)),
            );
        }
        if pack.resolve_locale(locale).is_none() {
            let (file, span) = self.located("locale");
            v.diagnostics.push(
                Diagnostic::error(
                    "case::locale",
                    format!("the pack {} has no locale {locale:?}", pack.id),
                )
                .at(file, span)
                .field("locale")
                .hint(format!(
                    "the locales are {}; a regional variant of one (fr-CH, de-AT) uses its language's messages",
                    quoted_list(&pack.locales)
                )),
            );
            // Defaults depend on the locale: checking further would only add noise.
            return Err(Error::Invalid(crate::diagnostic::limit(v.diagnostics)));
        }
        if let Value::Table(entries) = &self.root.value {
            v.table(entries, "", false);
        }
        if let Some(Base {
            file,
            root:
                Node {
                    value: Value::Table(entries),
                    ..
                },
            ..
        }) = base
        {
            v.file = file;
            v.table(entries, "", true);
            v.file = &self.file;
        }
        v.required(&self.root, locale);
        v.defaults(locale);
        v.money();
        v.reason_requirements(&self.root);
        if !v.diagnostics.is_empty() {
            return Err(Error::Invalid(crate::diagnostic::limit(v.diagnostics)));
        }
        Ok(Case {
            file: self.file.clone(),
            locale: locale.to_owned(),
            style: self.style.clone(),
            values: v.values,
            digest: self.digest.clone(),
        })
    }
}

struct Validator<'a> {
    /// The file being checked: the case's, an included file's or the
    /// defaults'.
    file: &'a SourceFile,
    case_file: &'a SourceFile,
    /// The case's row in its table, pointed at for problems of the whole
    /// case.
    whole: Option<Range<usize>>,
    includes: Vec<&'a Include>,
    pack: &'a Pack,
    diagnostics: Vec<Diagnostic>,
    values: BTreeMap<String, CaseValue>,
    /// Keys the case gives, valid or not: a wrong value is not also missing.
    present: BTreeSet<String>,
}

impl<'a> Validator<'a> {
    fn push(
        &mut self,
        code: &'static str,
        key: &str,
        span: Range<usize>,
        message: String,
    ) -> &mut Diagnostic {
        let d = Diagnostic::error(code, message)
            .at(self.file, span)
            .field(key);
        self.add(d)
    }

    /// A problem of the case as a whole: names the file (and points at the
    /// row, for a row of a table).
    fn push_in_file(&mut self, code: &'static str, key: &str, message: String) -> &mut Diagnostic {
        let d = Diagnostic::error(code, message).field(key);
        let d = match &self.whole {
            Some(span) => d.at(self.case_file, span.clone()),
            None => d.in_file(self.case_file),
        };
        self.add(d)
    }

    fn add(&mut self, d: Diagnostic) -> &mut Diagnostic {
        self.diagnostics.push(d);
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Whether some field lives under `prefix.`: such a key is a table.
    fn is_table(&self, key: &str) -> bool {
        let prefix = format!("{key}.");
        self.pack.fields.iter().any(|f| f.key.starts_with(&prefix))
    }

    /// Checks a table's entries. With `fallback` (the defaults), a key the
    /// case already gives is skipped, and a table it gives is completed.
    fn table(&mut self, entries: &[Entry], prefix: &str, fallback: bool) {
        let mut seen: HashSet<&str> = HashSet::new();
        for entry in entries {
            let key = if prefix.is_empty() {
                entry.key.clone()
            } else {
                format!("{prefix}.{}", entry.key)
            };
            if !seen.insert(&entry.key) {
                self.push(
                    "case::duplicate-key",
                    &key,
                    entry.key_span.clone(),
                    format!("`{key}` is given twice"),
                );
                continue;
            }
            let given = !self.present.insert(key.clone());
            if prefix.is_empty()
                && INCLUDABLE.contains(&key.as_str())
                && let Value::String(path) | Value::Cell(path) = &entry.node.value
            {
                self.include(&key, path, entry, fallback);
                continue;
            }
            let field = self.pack.field(&key).cloned();
            match field {
                Some(_) if fallback && given && !self.is_table(&key) => {}
                Some(field) if field.kind != FieldKind::Group => self.value(&field, &entry.node),
                _ if self.is_table(&key) => match &entry.node.value {
                    Value::Table(inner) => {
                        if field.is_some() {
                            self.values.insert(key.clone(), CaseValue::Group);
                        }
                        self.table(inner, &key, fallback);
                    }
                    other => {
                        let message = format!("`{key}` must be a table, not {}", other.type_name());
                        self.push("case::wrong-type", &key, entry.node.span.clone(), message)
                            .hints
                            .push(format!("write it as [{key}] with its fields below"));
                    }
                },
                _ => self.unknown(&key, prefix, entry),
            }
        }
    }

    /// A table given as the path of its own file: checks that file's table
    /// in its place, pointing diagnostics into it.
    fn include(&mut self, key: &str, path: &str, entry: &Entry, fallback: bool) {
        let includes = self.includes.clone();
        match includes.into_iter().find(|i| i.key == key) {
            Some(Include {
                file,
                root:
                    Node {
                        value: Value::Table(inner),
                        ..
                    },
                ..
            }) => {
                let outer = std::mem::replace(&mut self.file, file);
                self.table(inner, key, fallback);
                self.file = outer;
            }
            _ => {
                self.push(
                    "case::include",
                    key,
                    entry.node.span.clone(),
                    format!("`{key}` names the file {path:?}, which was not read"),
                )
                .hints
                .push(format!(
                    "write [{key}] with its fields, or build the case with `lettrine build`"
                ));
            }
        }
    }

    fn unknown(&mut self, key: &str, prefix: &str, entry: &Entry) {
        let siblings: Vec<String> = self
            .pack
            .fields
            .iter()
            .filter_map(|f| {
                let rest = if prefix.is_empty() {
                    Some(f.key.as_str())
                } else {
                    f.key.strip_prefix(&format!("{prefix}."))
                };
                rest.map(|r| r.split('.').next().unwrap_or(r).to_owned())
            })
            .fold((Vec::new(), HashSet::new()), |(mut acc, mut seen), k| {
                if seen.insert(k.clone()) {
                    acc.push(k);
                }
                (acc, seen)
            })
            .0;
        let closest = closest(siblings.iter().map(String::as_str), &entry.key).map(str::to_owned);
        let place = if prefix.is_empty() {
            "at the top of a case".to_owned()
        } else {
            format!("in [{prefix}]")
        };
        let pack = self.pack;
        let d = self.push(
            "case::unknown-key",
            key,
            entry.key_span.clone(),
            format!("unknown field `{key}`"),
        );
        d.label = Some("not a field of this pack".to_owned());
        if let Some(derived) = pack.derived.iter().find(|d| d.key == key) {
            let crate::pack::DerivedRule::DaysBetween { from, to } = &derived.rule;
            d.hints.push(format!(
                "`{key}` is worked out from `{from}` and `{to}`; a case cannot set it"
            ));
            return;
        }
        if let Some(closest) = closest {
            d.hints.push(format!("did you mean `{closest}`?"));
        }
        d.hints
            .push(format!("the fields {place} are: {}", siblings.join(", ")));
    }

    fn value(&mut self, field: &Field, node: &Node) {
        let key = &field.key;
        let span = node.span.clone();
        let wrong = |v: &mut Self, expected: String| {
            let message = format!("`{key}` must be {expected}, not {}", node.value.type_name());
            let d = v.push("case::wrong-type", key, span.clone(), message);
            if !field.help.is_empty() {
                d.hints.push(format!("{key}: {}", field.help));
            }
        };
        let value = match (&field.kind, &node.value) {
            (FieldKind::Text, Value::String(s) | Value::Cell(s)) => {
                if !self.printable(key, s, span.clone()) || !self.direction_closed(key, s, span) {
                    return;
                }
                CaseValue::Text(s.clone())
            }
            (FieldKind::Date, Value::Date(s) | Value::String(s) | Value::Cell(s)) => {
                match DateValue::parse(s) {
                    Some(d) => CaseValue::Date(d),
                    None => {
                        self.push(
                            "case::bad-date",
                            key,
                            span,
                            format!("`{key}` is not a valid date: {s:?}"),
                        )
                        .hints
                        .push("write a real day as YYYY-MM-DD, like 2026-11-23".to_owned());
                        return;
                    }
                }
            }
            (FieldKind::Money { .. }, Value::String(s) | Value::Cell(s)) => {
                // The currency is checked with the other fields (see `money`).
                if MoneyValue::parse(s, "XXX").is_none() {
                    self.push("case::bad-amount", key, span, format!("`{key}` is not a decimal amount: {s:?}"))
                        .hints
                        .push("write digits with a point before the cents and no grouping, like \"1234.56\"".to_owned());
                    return;
                }
                CaseValue::Text(s.clone())
            }
            (FieldKind::Money { .. }, Value::Float(_) | Value::Integer(_)) => {
                let text = self
                    .file
                    .text
                    .get(span.clone())
                    .unwrap_or_default()
                    .to_owned();
                self.push(
                    "case::bad-amount",
                    key,
                    span,
                    format!("`{key}` must be a decimal string, not a number"),
                )
                .hints
                .push(format!(
                    "quote it, so that no cent is lost to floating point: \"{text}\""
                ));
                return;
            }
            (FieldKind::Number, Value::Integer(i)) => CaseValue::Number(*i as f64),
            (FieldKind::Number, Value::Float(f)) if f.is_finite() => CaseValue::Number(*f),
            (FieldKind::Number, Value::Cell(s)) => match s.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => CaseValue::Number(n),
                _ => {
                    self.push(
                        "case::wrong-type",
                        key,
                        span,
                        format!("`{key}` must be a number, not {s:?}"),
                    )
                    .hints
                    .push("write digits, with a point before any decimals: 12 or 12.5".to_owned());
                    return;
                }
            },
            (FieldKind::Enum { values }, Value::String(s) | Value::Cell(s)) => {
                if !values.contains(s) {
                    self.bad_code(key, s, values, span);
                    return;
                }
                CaseValue::Code(s.clone())
            }
            (FieldKind::List { values }, Value::Array(items)) => {
                self.list(key, values.as_deref(), items)
            }
            (FieldKind::List { values }, Value::Cell(s)) => {
                let items = cell_items(&self.file.text, s, span);
                self.list(key, values.as_deref(), &items)
            }
            (kind, _) => return wrong(self, kind.describe()),
        };
        self.values.insert(key.clone(), value);
    }

    fn list(&mut self, key: &str, allowed: Option<&[String]>, items: &[Node]) -> CaseValue {
        let mut list = Vec::new();
        for item in items {
            match (&item.value, allowed) {
                (Value::String(s), Some(allowed)) if !allowed.contains(s) => {
                    self.bad_code(key, s, allowed, item.span.clone());
                }
                (Value::String(s), _) if list.contains(s) => {
                    self.push(
                        "case::duplicate-item",
                        key,
                        item.span.clone(),
                        format!("{s:?} is listed twice in `{key}`"),
                    );
                }
                (Value::String(s), _) => {
                    if self.printable(key, s, item.span.clone())
                        && self.direction_closed(key, s, item.span.clone())
                    {
                        list.push(s.clone());
                    }
                }
                (other, _) => {
                    let message = format!(
                        "the items of `{key}` must be strings, not {}",
                        other.type_name()
                    );
                    self.push("case::wrong-type", key, item.span.clone(), message);
                }
            }
        }
        CaseValue::List(list)
    }

    /// Whether a text value holds only characters a letter can print;
    /// reports the first control character when it does not.
    fn printable(&mut self, key: &str, text: &str, span: Range<usize>) -> bool {
        let Some(c) = crate::letter::unprintable(text) else {
            return true;
        };
        self.push(
            "case::control-character",
            key,
            span,
            format!(
                "`{key}` holds the control character U+{:04X}, which no letter can print",
                u32::from(c)
            ),
        )
        .hints
        .push("remove it: a tab or a line break is fine, other control characters are not (nor can a Word document hold them)".to_owned());
        false
    }

    /// Whether a text value closes every direction control it opens;
    /// reports it when it does not.
    fn direction_closed(&mut self, key: &str, text: &str, span: Range<usize>) -> bool {
        let Some((c, name, closer)) = unclosed_direction(text) else {
            return true;
        };
        self.push(
            "case::unclosed-direction",
            key,
            span,
            format!(
                "`{key}` opens {name} (U+{:04X}) that it does not close",
                u32::from(c)
            ),
        )
        .hints
        .push(format!(
            "it would reorder the letter's text after the value: close it inside the value with {closer}, or remove it"
        ));
        false
    }

    fn bad_code(&mut self, key: &str, value: &str, allowed: &[String], span: Range<usize>) {
        let what = if key == REASONS_FIELD {
            "reason code"
        } else {
            "value"
        };
        let closest = closest(allowed.iter().map(String::as_str), value);
        let d = self.push(
            "case::unknown-code",
            key,
            span,
            format!("unknown {what} {value:?} in `{key}`"),
        );
        if let Some(c) = closest {
            d.hints.push(format!("did you mean \"{c}\"?"));
        }
        d.hints
            .push(format!("the valid codes are: {}", allowed.join(", ")));
    }

    /// Reports the required fields the case lacks, each with an example
    /// for a letter in `locale`.
    fn required(&mut self, root: &Node, locale: &str) {
        for field in &self.pack.fields {
            if self.present.contains(&field.key) || field.default.is_some() {
                continue;
            }
            let needed = match &field.required {
                Required::No => false,
                Required::Yes => match field.parent() {
                    None => true,
                    // Inside an optional group: required only when the group is there.
                    Some(parent) => match self.pack.field(parent) {
                        Some(p) if p.kind == FieldKind::Group => self.values.contains_key(parent),
                        _ => true,
                    },
                },
                Required::If {
                    field: other,
                    values,
                } => {
                    matches!(self.values.get(other), Some(CaseValue::Code(c)) if values.contains(c))
                }
            };
            if !needed {
                continue;
            }
            let table = field
                .parent()
                .map(|parent| (table_span(root, parent), format!("[{parent}]")));
            let because = match &field.required {
                Required::If { field: other, .. } => {
                    format!(
                        " (because `{other}` is {:?})",
                        self.values
                            .get(other)
                            .map(CaseValue::text)
                            .unwrap_or_default()
                    )
                }
                _ => String::new(),
            };
            let leaf = field.key.rsplit('.').next().unwrap_or(&field.key);
            let message = format!("missing required field `{}`{because}", field.key);
            let d = match table {
                Some((Some(span), table)) => {
                    let d = self.push("case::missing-field", &field.key, span, message);
                    d.label = Some(format!("{table} needs `{leaf}`"));
                    d
                }
                _ => self.push_in_file("case::missing-field", &field.key, message),
            };
            if !field.help.is_empty() {
                d.hints.push(format!("{}: {}", field.key, field.help));
            }
            if let Some(example) = field.example_literal(locale) {
                d.hints.push(format!("for example: {leaf} = {example}"));
            }
        }
    }

    /// Fills in defaults for fields the case leaves out.
    fn defaults(&mut self, locale: &str) {
        let language = locale.split('-').next().unwrap_or(locale);
        for field in &self.pack.fields {
            if self.present.contains(&field.key) {
                continue;
            }
            let value = match &field.default {
                None => continue,
                Some(Default::From(other)) => self.values.get(other).cloned(),
                Some(Default::ByLocale(map)) => {
                    map.get(locale)
                        .or_else(|| map.get(language))
                        .map(|code| match &field.kind {
                            FieldKind::Enum { .. } => CaseValue::Code(code.clone()),
                            _ => CaseValue::Text(code.clone()),
                        })
                }
                Some(Default::Value(v)) => match (&field.kind, v) {
                    (FieldKind::Enum { .. }, toml::Value::String(s)) => {
                        Some(CaseValue::Code(s.clone()))
                    }
                    (FieldKind::Number, toml::Value::Integer(i)) => {
                        Some(CaseValue::Number(*i as f64))
                    }
                    (_, toml::Value::String(s)) => Some(CaseValue::Text(s.clone())),
                    _ => None,
                },
            };
            match value {
                Some(value) => {
                    self.values.insert(field.key.clone(), value);
                }
                None if field.required == Required::Yes => {
                    let message = format!(
                        "missing required field `{}`: it has no default for locale {locale}",
                        field.key
                    );
                    let d = self.push_in_file("case::missing-field", &field.key, message);
                    if !field.help.is_empty() {
                        d.hints.push(format!("{}: {}", field.key, field.help));
                    }
                }
                None => {}
            }
        }
    }

    /// Gives each amount its currency.
    fn money(&mut self) {
        for field in &self.pack.fields {
            let FieldKind::Money { currency_field } = &field.kind else {
                continue;
            };
            let Some(CaseValue::Text(amount)) = self.values.get(&field.key) else {
                continue;
            };
            let currency = self
                .values
                .get(currency_field)
                .map(CaseValue::text)
                .unwrap_or_default();
            match MoneyValue::parse(amount, &currency) {
                Some(money) => {
                    self.values
                        .insert(field.key.clone(), CaseValue::Money(money));
                }
                None => {
                    self.values.remove(&field.key);
                    let message = format!(
                        "`{}` has no currency: `{currency_field}` is not set",
                        field.key
                    );
                    self.push_in_file("case::missing-field", &field.key, message);
                }
            }
        }
    }

    /// Each reason's `requires` fields must be set.
    fn reason_requirements(&mut self, root: &Node) {
        let reasons = match self.values.get(REASONS_FIELD) {
            Some(CaseValue::List(items)) => items.clone(),
            _ => return,
        };
        for code in reasons {
            let Some(reason) = self.pack.reasons.get(&code) else {
                continue;
            };
            for key in &reason.requires {
                if self.values.contains_key(key) {
                    continue;
                }
                let span = list_item_span(&self.case_file.text, root, REASONS_FIELD, &code)
                    .or_else(|| self.whole.clone())
                    .unwrap_or(0..0);
                let help = self
                    .pack
                    .field(key)
                    .map(|f| f.help.clone())
                    .unwrap_or_default();
                self.push(
                    "case::missing-field",
                    key,
                    span,
                    format!("the reason {code:?} needs `{key}`, which the case does not set"),
                )
                .hints
                .push(format!("{key}: {help}"));
            }
        }
    }
}

fn table_span(root: &Node, key: &str) -> Option<Range<usize>> {
    find(root, key).map(|n| n.span.clone())
}

fn list_item_span(text: &str, root: &Node, key: &str, item: &str) -> Option<Range<usize>> {
    let node = find(root, key)?;
    let items = match &node.value {
        Value::Array(items) => items.clone(),
        Value::Cell(cell) => cell_items(text, cell, node.span.clone()),
        _ => return None,
    };
    items
        .into_iter()
        .find(|n| n.value == Value::String(item.to_owned()))
        .map(|n| n.span)
}

/// The items of a list written in one cell, trimmed, empty ones left out.
/// Each points at its own text when the cell is written as is (not quoted
/// with escapes), else at the whole cell.
fn cell_items(text: &str, cell: &str, span: Range<usize>) -> Vec<Node> {
    let raw = text.get(span.clone()).unwrap_or_default();
    let offset = raw
        .find(cell)
        .filter(|_| !cell.is_empty())
        .map(|at| span.start + at);
    let mut items = Vec::new();
    let mut start = 0;
    for piece in cell.split(LIST_SEPARATORS) {
        let leading = piece.len() - piece.trim_start().len();
        let item = piece.trim();
        if !item.is_empty() {
            let at = start + leading;
            items.push(Node {
                span: offset.map_or(span.clone(), |o| o + at..o + at + item.len()),
                value: Value::String(item.to_owned()),
            });
        }
        start += piece.len() + 1;
    }
    items
}
