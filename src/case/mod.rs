//! Case files: one letter's data, in TOML or JSON. This module owns the
//! parsed case ([`CaseFile`]: its pack, locale and style, the sender files
//! it includes, its shared defaults, its row of a table) and the checked
//! one ([`Case`], its [`CaseValue`]s). `validate` checks the one against
//! the pack's fields to give the other; every problem is reported at once,
//! each naming the file, line, column and field, with a hint.

pub mod node;
mod template;
mod validate;

pub use template::template;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::error::{Error, Result};
use crate::l10n::values::{DateValue, MoneyValue};
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

impl CaseFile {
    /// The string a key holds (`order.item`) with the file and span of its
    /// value, wherever [`CaseFile::located`] finds it; `None` when the key
    /// is not given or holds no string.
    pub fn string_at(&self, key: &str) -> Option<(&SourceFile, Range<usize>, &str)> {
        fn inside<'a>(
            file: &'a SourceFile,
            root: &'a Node,
            includes: &'a [Include],
            key: &str,
        ) -> Option<(&'a SourceFile, &'a Node)> {
            let included = key.split_once('.').and_then(|(head, rest)| {
                includes
                    .iter()
                    .filter(|i| i.key == head)
                    .find_map(|i| Some((&i.file, find(&i.root, rest)?)))
            });
            included.or_else(|| Some((file, find(root, key)?)))
        }
        let (file, node) = inside(&self.file, &self.root, &self.includes, key).or_else(|| {
            let base = self.base.as_deref()?;
            inside(&base.file, &base.root, &base.includes, key)
        })?;
        match &node.value {
            Value::String(s) | Value::Cell(s) => Some((file, node.span.clone(), s.as_str())),
            _ => None,
        }
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

/// The separators of a list in one cell of a table: `a|b`, or one item per
/// line of a multi-line cell.
pub const LIST_SEPARATORS: [char; 2] = ['|', '\n'];

/// Whether the bytes of a TOML or JSON file look like a case: a line names
/// its pack (`pack = "…"`, `"pack": "…"`). `textconv` and `diff` use it to
/// tell cases from other data files without parsing them.
pub fn looks_like_case(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).lines().any(|line| {
        let line = line.trim_start();
        line.starts_with("pack =") || line.starts_with("pack=") || line.starts_with("\"pack\"")
    })
}
