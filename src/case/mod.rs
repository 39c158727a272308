//! Case files: one letter's data, in TOML or JSON, validated against the
//! pack's fields. Every problem is reported at once, each naming the file,
//! line, column and field, with a hint.

pub mod node;
mod template;

pub use template::template;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, SourceFile, closest};
use crate::error::{Error, Result};
use crate::l10n::typography::unclosed_direction;
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
    /// Shared defaults (`--defaults base.toml`): every field the case
    /// leaves out is taken from there.
    base: Option<Arc<Base>>,
    /// Where the case is in its file, when it is one row of a table.
    row: Option<Row>,
    /// SHA-256 of the case as given: its file, or its row and the table's
    /// header, and its defaults.
    digest: String,
}

/// Defaults shared by many cases: a case file that may leave out anything,
/// even its pack and locale.
#[derive(Debug, Clone)]
pub struct Base {
    pub file: SourceFile,
    root: Node,
    includes: Vec<Include>,
}

/// One row of a table (CSV or JSON Lines) as a case.
#[derive(Debug, Clone)]
pub struct Row {
    /// How the user finds the row: `row 7` (a spreadsheet's numbering, the
    /// header is row 1) or `line 7`.
    pub label: String,
    /// The row's bytes in the table's text.
    pub span: Range<usize>,
    /// SHA-256 of what the row means: the header and the row's bytes.
    pub digest: String,
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
    /// SHA-256 of the case as given, `sha256:…`.
    pub digest: String,
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
        Self::from_node(file, root, None, None)
    }

    /// A case from its parsed tree, with shared defaults and, for a row of
    /// a table, where the row is.
    pub fn from_node(
        file: SourceFile,
        root: Node,
        base: Option<Arc<Base>>,
        row: Option<Row>,
    ) -> Result<Self> {
        if !matches!(root.value, Value::Table(_)) {
            return Err(
                Diagnostic::error("case::not-a-table", "a case is a table of fields")
                    .at(&file, root.span.clone())
                    .into(),
            );
        }
        let string_at = |key: &str| -> Result<Option<(String, Range<usize>, &SourceFile)>> {
            match top_entry(&root, &file, base.as_deref(), key) {
                None => Ok(None),
                Some((
                    Entry {
                        node:
                            Node {
                                value: Value::String(s) | Value::Cell(s),
                                span,
                            },
                        ..
                    },
                    in_file,
                )) => Ok(Some((s.clone(), span.clone(), in_file))),
                Some((e, in_file)) => Err(Diagnostic::error(
                    "case::wrong-type",
                    format!("`{key}` must be a string, not {}", e.node.value.type_name()),
                )
                .at(in_file, e.node.span.clone())
                .field(key)
                .into()),
            }
        };
        let whole = row.as_ref().map_or(0..0, |r| r.span.clone());
        let missing = |key: &str, hint: &str| -> Error {
            Diagnostic::error("case::missing-field", format!("the case has no `{key}`"))
                .at(&file, whole.clone())
                .field(key)
                .hint(hint.to_owned())
                .into()
        };
        let (pack, pack_span, pack_file) = string_at("pack")?.ok_or_else(|| {
            missing(
                "pack",
                "name the pack the letter is written with: pack = \"refund-refusal\"",
            )
        })?;
        let (locale, _, _) = string_at("locale")?
            .ok_or_else(|| missing("locale", "name the letter's language: locale = \"fr\""))?;
        let style = string_at("style")?.map(|(s, _, _)| s);
        let pack = PackRef::parse(&pack, pack_span.clone()).map_err(|message| {
            Error::from(
                Diagnostic::error("case::pack", message.clone())
                    .at(pack_file, pack_span.clone())
                    .field("pack")
                    .hint("write the pack id, optionally with a semver requirement: \"refund-refusal@^1.0\""),
            )
        })?;
        let digest = match &row {
            Some(row) => row.digest.clone(),
            None => {
                let mut hasher = Sha256::new();
                hasher.update(file.text.as_bytes());
                if let Some(base) = &base {
                    hasher.update(base.file.text.as_bytes());
                }
                format!("sha256:{:x}", hasher.finalize())
            }
        };
        Ok(Self {
            file,
            root,
            pack,
            locale,
            style,
            includes: Vec::new(),
            base,
            row,
            digest,
        })
    }

    /// The tables this case gives as paths of files to read.
    pub fn include_requests(&self) -> Vec<IncludeRequest> {
        include_requests(&self.root)
    }

    /// Attaches the file read for `request`: its table is checked as if it
    /// were written in the case, with diagnostics pointing into it.
    pub fn attach(&mut self, request: &IncludeRequest, file: SourceFile) -> Result<()> {
        attach(&mut self.includes, request, file)
    }

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
        v.required(&self.root);
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

    /// The file and span of a key's value (`style`, or `sender.logo`): in
    /// the case or the file it includes the key's table from, else in its
    /// defaults (or their includes), else the row (or the start of the
    /// file).
    pub fn located(&self, key: &str) -> (&SourceFile, Range<usize>) {
        fn inside<'a>(
            file: &'a SourceFile,
            root: &Node,
            includes: &'a [Include],
            key: &str,
        ) -> Option<(&'a SourceFile, Range<usize>)> {
            let included = key.split_once('.').and_then(|(head, rest)| {
                includes
                    .iter()
                    .filter(|i| i.key == head)
                    .find_map(|i| Some((&i.file, find(&i.root, rest)?.span.clone())))
            });
            included.or_else(|| Some((file, find(root, key)?.span.clone())))
        }
        inside(&self.file, &self.root, &self.includes, key)
            .or_else(|| {
                let base = self.base.as_deref()?;
                inside(&base.file, &base.root, &base.includes, key)
            })
            .unwrap_or_else(|| {
                (
                    &self.file,
                    self.row.as_ref().map_or(0..0, |r| r.span.clone()),
                )
            })
    }
}

impl Base {
    /// Parses a defaults file: TOML, or JSON when the name ends in `.json`.
    pub fn parse(file: SourceFile) -> Result<Self> {
        let root = node::parse(&file)?;
        if !matches!(root.value, Value::Table(_)) {
            return Err(Diagnostic::error(
                "case::not-a-table",
                "a defaults file is a table of fields",
            )
            .at(&file, root.span.clone())
            .into());
        }
        Ok(Self {
            file,
            root,
            includes: Vec::new(),
        })
    }

    /// The tables the defaults give as paths of files to read.
    pub fn include_requests(&self) -> Vec<IncludeRequest> {
        include_requests(&self.root)
    }

    /// Attaches the file read for `request` (see [`CaseFile::attach`]).
    pub fn attach(&mut self, request: &IncludeRequest, file: SourceFile) -> Result<()> {
        attach(&mut self.includes, request, file)
    }
}

fn include_requests(root: &Node) -> Vec<IncludeRequest> {
    let Value::Table(entries) = &root.value else {
        return Vec::new();
    };
    entries
        .iter()
        .filter(|e| INCLUDABLE.contains(&e.key.as_str()))
        .filter_map(|e| match &e.node.value {
            Value::String(path) | Value::Cell(path) => Some(IncludeRequest {
                key: e.key.clone(),
                path: path.clone(),
                span: e.node.span.clone(),
            }),
            _ => None,
        })
        .collect()
}

fn attach(includes: &mut Vec<Include>, request: &IncludeRequest, file: SourceFile) -> Result<()> {
    let root = node::parse(&file)?;
    if !matches!(root.value, Value::Table(_)) {
        return Err(Diagnostic::error(
            "case::include",
            format!("{} must be a table of `{}` fields", file.name, request.key),
        )
        .at(&file, root.span.clone())
        .into());
    }
    includes.push(Include {
        key: request.key.clone(),
        file,
        root,
    });
    Ok(())
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

/// The top-level entry `key` of a case (written in `file`), else of its
/// defaults, with the file it is written in.
fn top_entry<'a>(
    root: &'a Node,
    file: &'a SourceFile,
    base: Option<&'a Base>,
    key: &str,
) -> Option<(&'a Entry, &'a SourceFile)> {
    let find = |root: &'a Node| match &root.value {
        Value::Table(entries) => entries.iter().find(|e| e.key == key),
        _ => None,
    };
    find(root)
        .map(|e| (e, file))
        .or_else(|| base.and_then(|b| Some((find(&b.root)?, &b.file))))
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
                if !self.direction_closed(key, s, span) {
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
                    if self.direction_closed(key, s, item.span.clone()) {
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
                    let d = self.push("case::missing-field", &field.key, span, message);
                    d.label = Some(format!("{table} needs `{leaf}`"));
                    d
                }
                _ => self.push_in_file("case::missing-field", &field.key, message),
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

/// The separators of a list in one cell of a table: `a|b`, or one item per
/// line of a multi-line cell.
pub const LIST_SEPARATORS: [char; 2] = ['|', '\n'];

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

/// Whether the bytes of a TOML or JSON file look like a case: a line names
/// its pack (`pack = "…"`, `"pack": "…"`). `textconv` and `diff` use it to
/// tell cases from other data files without parsing them.
pub fn looks_like_case(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).lines().any(|line| {
        let line = line.trim_start();
        line.starts_with("pack =") || line.starts_with("pack=") || line.starts_with("\"pack\"")
    })
}
