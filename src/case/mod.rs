//! Case files: one letter's data, in TOML or JSON, validated against the
//! pack's fields. Every problem is reported at once, each naming the file,
//! line, column and field, with a hint.

pub mod node;
mod template;

pub use template::template;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, SourceFile, closest};
use crate::error::{Error, Result};
use crate::l10n::values::{DateValue, MoneyValue};
use crate::pack::Pack;
use crate::pack::field::{Default, Field, FieldKind, Required, quoted_list};
use node::{Entry, Node, Value};

/// The list field whose codes are the pack's `[reasons]`.
pub const REASONS_FIELD: &str = "reasons";

/// Tables a case may give as the path of a file of their own, so that a
/// company writes its sender profile once: `sender = "senders/acme.toml"`.
pub const INCLUDABLE: &[&str] = &["sender"];

/// A case file, parsed but not yet checked against a pack.
#[derive(Debug, Clone)]
pub struct CaseFile {
    pub file: SourceFile,
    root: Node,
    pub pack: PackRef,
    pub locale: String,
    pub style: Option<String>,
    /// The files given in place of tables, once read (see [`INCLUDABLE`]).
    includes: Vec<Include>,
}

/// A table read from its own file.
#[derive(Debug, Clone)]
struct Include {
    key: String,
    file: SourceFile,
    root: Node,
}

/// A table a case gives as a path: which table, the path, and where the
/// path is written.
#[derive(Debug, Clone, PartialEq)]
pub struct IncludeRequest {
    pub key: String,
    pub path: String,
    pub span: Range<usize>,
}

/// `pack = "id"` or `pack = "id@^1.2"`.
#[derive(Debug, Clone)]
pub struct PackRef {
    pub id: String,
    pub requirement: Option<semver::VersionReq>,
    span: Range<usize>,
}

/// A case checked against its pack: every field typed, defaults applied.
#[derive(Debug, Clone)]
pub struct Case {
    pub file: SourceFile,
    pub locale: String,
    pub style: Option<String>,
    pub values: BTreeMap<String, CaseValue>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CaseValue {
    Text(String),
    Date(DateValue),
    Money(MoneyValue),
    Number(f64),
    /// An enum's code.
    Code(String),
    List(Vec<String>),
    /// A group table that is present.
    Group,
}

impl CaseValue {
    /// The value as plain text (lists joined by newlines), for references
    /// and the letter frame.
    pub fn text(&self) -> String {
        match self {
            Self::Text(s) | Self::Code(s) => s.clone(),
            Self::Date(d) => d.iso(),
            Self::Money(m) => m.amount.to_string(),
            Self::Number(n) => n.to_string(),
            Self::List(items) => items.join("\n"),
            Self::Group => String::new(),
        }
    }
}

impl Case {
    pub fn text(&self, key: &str) -> Option<String> {
        self.values.get(key).map(CaseValue::text)
    }

    pub fn list(&self, key: &str) -> &[String] {
        match self.values.get(key) {
            Some(CaseValue::List(items)) => items,
            _ => &[],
        }
    }
}

impl CaseFile {
    /// Parses a case: TOML, or JSON when the name ends in `.json`.
    pub fn parse(file: SourceFile) -> Result<Self> {
        let root = node::parse(&file)?;
        let Value::Table(entries) = &root.value else {
            return Err(
                Diagnostic::error("case::not-a-table", "a case is a table of fields")
                    .at(&file, root.span.clone())
                    .into(),
            );
        };
        let string_at = |key: &str| -> Result<Option<(String, Range<usize>)>> {
            match entries.iter().find(|e| e.key == key) {
                None => Ok(None),
                Some(Entry {
                    node:
                        Node {
                            value: Value::String(s),
                            span,
                        },
                    ..
                }) => Ok(Some((s.clone(), span.clone()))),
                Some(e) => Err(Diagnostic::error(
                    "case::wrong-type",
                    format!("`{key}` must be a string, not {}", e.node.value.type_name()),
                )
                .at(&file, e.node.span.clone())
                .into()),
            }
        };
        let missing = |key: &str, hint: &str| -> Error {
            Diagnostic::error("case::missing-field", format!("the case has no `{key}`"))
                .at(&file, 0..0)
                .hint(hint.to_owned())
                .into()
        };
        let (pack, pack_span) = string_at("pack")?.ok_or_else(|| {
            missing(
                "pack",
                "name the pack the letter is written with: pack = \"refund-refusal\"",
            )
        })?;
        let (locale, _) = string_at("locale")?
            .ok_or_else(|| missing("locale", "name the letter's language: locale = \"fr\""))?;
        let style = string_at("style")?.map(|(s, _)| s);
        let pack = PackRef::parse(&pack, pack_span).map_err(|message| {
            Error::from(
                Diagnostic::error("case::pack", message.clone())
                    .at(&file, root_entry_span(&root, "pack"))
                    .hint("write the pack id, optionally with a semver requirement: \"refund-refusal@^1.0\""),
            )
        })?;
        Ok(Self {
            file,
            root,
            pack,
            locale,
            style,
            includes: Vec::new(),
        })
    }

    /// The tables this case gives as paths of files to read.
    pub fn include_requests(&self) -> Vec<IncludeRequest> {
        let Value::Table(entries) = &self.root.value else {
            return Vec::new();
        };
        entries
            .iter()
            .filter(|e| INCLUDABLE.contains(&e.key.as_str()))
            .filter_map(|e| match &e.node.value {
                Value::String(path) => Some(IncludeRequest {
                    key: e.key.clone(),
                    path: path.clone(),
                    span: e.node.span.clone(),
                }),
                _ => None,
            })
            .collect()
    }

    /// Attaches the file read for `request`: its table is checked as if it
    /// were written in the case, with diagnostics pointing into it.
    pub fn attach(&mut self, request: &IncludeRequest, file: SourceFile) -> Result<()> {
        let root = node::parse(&file)?;
        if !matches!(root.value, Value::Table(_)) {
            return Err(Diagnostic::error(
                "case::include",
                format!("{} must be a table of `{}` fields", file.name, request.key),
            )
            .at(&file, root.span.clone())
            .into());
        }
        self.includes.push(Include {
            key: request.key.clone(),
            file,
            root,
        });
        Ok(())
    }

    /// Checks the case against `pack`, with the letter written in `locale`.
    pub fn validate(&self, pack: &Pack, locale: &str) -> Result<Case> {
        let mut v = Validator {
            file: &self.file,
            includes: &self.includes,
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
                .at(&self.file, self.pack.span.clone())
                .hint(format!("the pack is read from {}", pack.origin)),
            );
        }
        if pack.resolve_locale(locale).is_none() {
            let span = root_entry_span(&self.root, "locale");
            v.diagnostics.push(
                Diagnostic::error(
                    "case::locale",
                    format!("the pack {} has no locale {locale:?}", pack.id),
                )
                .at(&self.file, span)
                .hint(format!(
                    "the locales are {}; a regional variant of one (fr-CH, de-AT) uses its language's messages",
                    quoted_list(&pack.locales)
                )),
            );
            // Defaults depend on the locale: checking further would only add noise.
            return Err(Error::Invalid(v.diagnostics));
        }
        if let Value::Table(entries) = &self.root.value {
            v.table(entries, "");
        }
        v.required(&self.root);
        v.defaults(locale);
        v.money();
        v.reason_requirements(&self.root);
        if !v.diagnostics.is_empty() {
            return Err(Error::Invalid(v.diagnostics));
        }
        Ok(Case {
            file: self.file.clone(),
            locale: locale.to_owned(),
            style: self.style.clone(),
            values: v.values,
        })
    }
}

impl PackRef {
    /// Where the case names its pack.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    fn parse(text: &str, span: Range<usize>) -> Result<Self, String> {
        let (id, requirement) = match text.split_once('@') {
            None => (text, None),
            Some((id, req)) => {
                let req = semver::VersionReq::parse(req)
                    .map_err(|e| format!("{req:?} is not a version requirement: {e}"))?;
                (id, Some(req))
            }
        };
        if id.is_empty()
            || !id.split('-').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
        {
            return Err(format!("{id:?} is not a pack id"));
        }
        Ok(Self {
            id: id.to_owned(),
            requirement,
            span,
        })
    }
}

/// The span of the value of a top-level key, or the start of the file.
fn root_entry_span(root: &Node, key: &str) -> Range<usize> {
    match &root.value {
        Value::Table(entries) => entries
            .iter()
            .find(|e| e.key == key)
            .map_or(0..0, |e| e.node.span.clone()),
        _ => 0..0,
    }
}

struct Validator<'a> {
    file: &'a SourceFile,
    includes: &'a [Include],
    pack: &'a Pack,
    diagnostics: Vec<Diagnostic>,
    values: BTreeMap<String, CaseValue>,
    /// Keys the case gives, valid or not: a wrong value is not also missing.
    present: BTreeSet<String>,
}

impl Validator<'_> {
    fn push(&mut self, code: &'static str, span: Range<usize>, message: String) -> &mut Diagnostic {
        let d = Diagnostic::error(code, message).at(self.file, span);
        self.add(d)
    }

    /// A problem of the case as a whole: names the file, points nowhere.
    fn push_in_file(&mut self, code: &'static str, message: String) -> &mut Diagnostic {
        let d = Diagnostic::error(code, message).in_file(self.file);
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

    fn table(&mut self, entries: &[Entry], prefix: &str) {
        let mut seen: Vec<&str> = Vec::new();
        for entry in entries {
            let key = if prefix.is_empty() {
                entry.key.clone()
            } else {
                format!("{prefix}.{}", entry.key)
            };
            if seen.contains(&entry.key.as_str()) {
                self.push(
                    "case::duplicate-key",
                    entry.key_span.clone(),
                    format!("`{key}` is given twice"),
                );
                continue;
            }
            seen.push(&entry.key);
            self.present.insert(key.clone());
            if prefix.is_empty()
                && INCLUDABLE.contains(&key.as_str())
                && let Value::String(path) = &entry.node.value
            {
                self.include(&key, path, entry);
                continue;
            }
            let field = self.pack.field(&key).cloned();
            match field {
                Some(field) if field.kind != FieldKind::Group => self.value(&field, &entry.node),
                _ if self.is_table(&key) => match &entry.node.value {
                    Value::Table(inner) => {
                        if field.is_some() {
                            self.values.insert(key.clone(), CaseValue::Group);
                        }
                        self.table(inner, &key);
                    }
                    other => {
                        let message = format!("`{key}` must be a table, not {}", other.type_name());
                        self.push("case::wrong-type", entry.node.span.clone(), message)
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
    fn include(&mut self, key: &str, path: &str, entry: &Entry) {
        let includes = self.includes;
        match includes.iter().find(|i| i.key == key) {
            Some(Include {
                file,
                root:
                    Node {
                        value: Value::Table(inner),
                        ..
                    },
                ..
            }) => {
                let case_file = std::mem::replace(&mut self.file, file);
                self.table(inner, key);
                self.file = case_file;
            }
            _ => {
                self.push(
                    "case::include",
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
            .fold(Vec::new(), |mut acc, k| {
                if !acc.contains(&k) {
                    acc.push(k);
                }
                acc
            });
        let closest = closest(siblings.iter().map(String::as_str), &entry.key).map(str::to_owned);
        let place = if prefix.is_empty() {
            "at the top of a case".to_owned()
        } else {
            format!("in [{prefix}]")
        };
        let pack = self.pack;
        let d = self.push(
            "case::unknown-key",
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
            let d = v.push("case::wrong-type", span.clone(), message);
            if !field.help.is_empty() {
                d.hints.push(format!("{key}: {}", field.help));
            }
        };
        let value = match (&field.kind, &node.value) {
            (FieldKind::Text, Value::String(s)) => CaseValue::Text(s.clone()),
            (FieldKind::Date, Value::Date(s) | Value::String(s)) => match DateValue::parse(s) {
                Some(d) => CaseValue::Date(d),
                None => {
                    self.push(
                        "case::bad-date",
                        span,
                        format!("`{key}` is not a valid date: {s:?}"),
                    )
                    .hints
                    .push("write a real day as YYYY-MM-DD, like 2026-11-23".to_owned());
                    return;
                }
            },
            (FieldKind::Money { .. }, Value::String(s)) => {
                // The currency is checked with the other fields (see `money`).
                if MoneyValue::parse(s, "XXX").is_none() {
                    self.push("case::bad-amount", span, format!("`{key}` is not a decimal amount: {s:?}"))
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
            (FieldKind::Enum { values }, Value::String(s)) => {
                if !values.contains(s) {
                    self.bad_code(key, s, values, span);
                    return;
                }
                CaseValue::Code(s.clone())
            }
            (FieldKind::List { values }, Value::Array(items)) => {
                let mut list = Vec::new();
                for item in items {
                    match (&item.value, values) {
                        (Value::String(s), Some(allowed)) if !allowed.contains(s) => {
                            self.bad_code(key, s, allowed, item.span.clone());
                        }
                        (Value::String(s), _) if list.contains(s) => {
                            self.push(
                                "case::duplicate-item",
                                item.span.clone(),
                                format!("{s:?} is listed twice in `{key}`"),
                            );
                        }
                        (Value::String(s), _) => list.push(s.clone()),
                        (other, _) => {
                            let message = format!(
                                "the items of `{key}` must be strings, not {}",
                                other.type_name()
                            );
                            self.push("case::wrong-type", item.span.clone(), message);
                        }
                    }
                }
                CaseValue::List(list)
            }
            (kind, _) => return wrong(self, kind.describe()),
        };
        self.values.insert(key.clone(), value);
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
            span,
            format!("unknown {what} {value:?} in `{key}`"),
        );
        if let Some(c) = closest {
            d.hints.push(format!("did you mean \"{c}\"?"));
        }
        d.hints
            .push(format!("the valid codes are: {}", allowed.join(", ")));
    }

    /// Reports the required fields the case lacks.
    fn required(&mut self, root: &Node) {
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
                    let d = self.push("case::missing-field", span, message);
                    d.label = Some(format!("{table} needs `{leaf}`"));
                    d
                }
                _ => self.push_in_file("case::missing-field", message),
            };
            if !field.help.is_empty() {
                d.hints.push(format!("{}: {}", field.key, field.help));
            }
            if let Some(example) = field.example_literal() {
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
                    let d = self.push_in_file("case::missing-field", message);
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
                    self.push_in_file("case::missing-field", message);
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
                let span = list_item_span(root, REASONS_FIELD, &code).unwrap_or(0..0);
                let help = self
                    .pack
                    .field(key)
                    .map(|f| f.help.clone())
                    .unwrap_or_default();
                self.push(
                    "case::missing-field",
                    span,
                    format!("the reason {code:?} needs `{key}`, which the case does not set"),
                )
                .hints
                .push(format!("{key}: {help}"));
            }
        }
    }
}

fn find<'n>(root: &'n Node, key: &str) -> Option<&'n Node> {
    let mut node = root;
    for part in key.split('.') {
        let Value::Table(entries) = &node.value else {
            return None;
        };
        node = &entries.iter().find(|e| e.key == part)?.node;
    }
    Some(node)
}

fn table_span(root: &Node, key: &str) -> Option<Range<usize>> {
    find(root, key).map(|n| n.span.clone())
}

fn list_item_span(root: &Node, key: &str, item: &str) -> Option<Range<usize>> {
    let Value::Array(items) = &find(root, key)?.value else {
        return None;
    };
    items
        .iter()
        .find(|n| n.value == Value::String(item.to_owned()))
        .map(|n| n.span.clone())
}

/// Whether the bytes of a TOML or JSON file look like a case: a line names
/// its pack (`pack = "…"`, `"pack": "…"`). `textconv` and `diff` use it to
/// tell cases from other data files without parsing them.
pub fn looks_like_case(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).lines().any(|line| {
        let line = line.trim_start();
        line.starts_with("pack =") || line.starts_with("pack=") || line.starts_with("\"pack\"")
    })
}
