//! A case file as a tree of values with byte spans, read from TOML or JSON,
//! so that validation can point at the exact key or value that is wrong.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, SourceFile};

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    /// A TOML local date, as `YYYY-MM-DD`; anything else date-like is kept
    /// as `Other` so it can be refused with its type.
    Date(String),
    Array(Vec<Node>),
    Table(Vec<Entry>),
    /// A cell of a table (CSV): text whose type the field decides, so
    /// `12` is a number for a number field and `a|b` a list for a list.
    Cell(String),
    /// A value that has no place in a case: a TOML time or offset datetime,
    /// a JSON null. The string names its type.
    Other(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub node: Node,
}

impl Value {
    /// The value's type as a user would name it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::String(_) | Self::Cell(_) => "a string",
            Self::Integer(_) => "an integer",
            Self::Float(_) => "a float",
            Self::Bool(_) => "a boolean",
            Self::Date(_) => "a date",
            Self::Array(_) => "a list",
            Self::Table(_) => "a table",
            Self::Other(name) => name,
        }
    }
}

/// Parses a file into nodes: JSON when its name ends in `.json`, else TOML.
pub fn parse(file: &SourceFile) -> Result<Node, Diagnostic> {
    if file.name.ends_with(".json") {
        from_json(file)
    } else {
        from_toml(file)
    }
}

/// Parses TOML into nodes.
pub fn from_toml(file: &SourceFile) -> Result<Node, Diagnostic> {
    let table = toml::de::DeTable::parse(&file.text).map_err(|e| {
        let message = e.message().trim_end().to_owned();
        let d = Diagnostic::error("case::syntax", format!("invalid TOML: {message}"));
        match e.span() {
            Some(span) => d.at(file, span).label(message),
            None => d.in_file(file),
        }
    })?;
    let span = 0..file.text.len();
    Ok(Node {
        span,
        value: toml_table(table.get_ref()),
    })
}

fn toml_table(table: &toml::de::DeTable<'_>) -> Value {
    let mut entries: Vec<Entry> = table
        .iter()
        .map(|(key, value)| Entry {
            key: key.get_ref().to_string(),
            key_span: key.span(),
            node: toml_node(value),
        })
        .collect();
    entries.sort_by_key(|e| e.key_span.start);
    Value::Table(entries)
}

fn toml_node(value: &toml::Spanned<toml::de::DeValue<'_>>) -> Node {
    use toml::de::DeValue;
    let v = match value.get_ref() {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::Integer(n),
            Err(_) => Value::Other("an integer out of range"),
        },
        DeValue::Float(f) => match f.as_str().replace('_', "").parse::<f64>() {
            Ok(x) => Value::Float(x),
            Err(_) => Value::Other("a float"),
        },
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                Value::Date(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
            }
            (None, Some(_), _) => Value::Other("a time"),
            _ => Value::Other("a date with a time"),
        },
        DeValue::Array(items) => Value::Array(items.iter().map(toml_node).collect()),
        DeValue::Table(t) => toml_table(t),
    };
    Node {
        span: value.span(),
        value: v,
    }
}

/// How deep arrays and objects may nest in a JSON case; a case needs three
/// levels, and the parser recurses once per level.
const MAX_JSON_DEPTH: usize = 64;

/// Parses strict JSON (no comments, no trailing commas) into nodes.
pub fn from_json(file: &SourceFile) -> Result<Node, Diagnostic> {
    from_json_at(file, 0..file.text.len())
}

/// Parses the JSON in `range` of the file (one line of a JSON Lines
/// table), with spans into the whole file.
pub fn from_json_at(file: &SourceFile, range: Range<usize>) -> Result<Node, Diagnostic> {
    let offset = range.start;
    let text = file.text.get(range).unwrap_or_default();
    if let Some(at) = too_deep(text).map(|at| at + offset) {
        return Err(Diagnostic::error(
            "case::too-deep",
            format!("the JSON nests more than {MAX_JSON_DEPTH} levels deep"),
        )
        .at(file, at..at + 1)
        .label("too deep here"));
    }
    use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        ..ParseOptions::default()
    };
    let parsed = parse_to_ast(text, &CollectOptions::default(), &options).map_err(|e| {
        let range = e.range();
        let message = e.kind().to_string();
        Diagnostic::error("case::syntax", format!("invalid JSON: {message}"))
            .at(file, range.start + offset..range.end + offset)
            .label(message)
    })?;
    match parsed.value {
        Some(value) => Ok(json_node(&value, offset)),
        None if offset == 0 => {
            Err(Diagnostic::error("case::syntax", "the file holds no JSON value").in_file(file))
        }
        None => Err(
            Diagnostic::error("case::syntax", "the line holds no JSON value")
                .at(file, offset..offset),
        ),
    }
}

/// The offset where nesting first exceeds the limit, outside strings.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Some(i);
                }
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A JSON value as a node, its spans moved by `offset`.
fn json_node(value: &jsonc_parser::ast::Value<'_>, offset: usize) -> Node {
    use jsonc_parser::ast::Value as J;
    use jsonc_parser::common::Ranged;
    let (range, v) = match value {
        J::StringLit(s) => (s.range, Value::String(s.value.to_string())),
        J::NumberLit(n) => {
            let v = match n.value.parse::<i64>() {
                Ok(i) => Value::Integer(i),
                Err(_) => n
                    .value
                    .parse::<f64>()
                    .map_or(Value::Other("a number"), Value::Float),
            };
            (n.range, v)
        }
        J::BooleanLit(b) => (b.range, Value::Bool(b.value)),
        J::NullKeyword(n) => (n.range, Value::Other("null")),
        J::Array(a) => (
            a.range,
            Value::Array(a.elements.iter().map(|e| json_node(e, offset)).collect()),
        ),
        J::Object(o) => {
            let entries = o
                .properties
                .iter()
                .map(|p| {
                    let key_range = p.name.range();
                    Entry {
                        key: p.name.as_str().to_owned(),
                        key_span: key_range.start + offset..key_range.end + offset,
                        node: json_node(&p.value, offset),
                    }
                })
                .collect();
            (o.range, Value::Table(entries))
        }
    };
    Node {
        span: range.start + offset..range.end + offset,
        value: v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_spans_point_at_values() {
        let file = SourceFile::new("c.toml", "a = 1\n[t]\nb = \"x\"\nd = 2026-11-23\n");
        let node = from_toml(&file).unwrap();
        let Value::Table(entries) = node.value else {
            panic!()
        };
        assert_eq!(entries[0].key, "a");
        let Value::Table(inner) = &entries[1].node.value else {
            panic!()
        };
        assert_eq!(&file.text[inner[0].node.span.clone()], "\"x\"");
        assert_eq!(inner[1].node.value, Value::Date("2026-11-23".into()));
    }

    #[test]
    fn json_spans_point_at_values() {
        let file = SourceFile::new("c.json", "{\"a\": {\"b\": [1, \"x\"]}}");
        let node = from_json(&file).unwrap();
        let Value::Table(entries) = node.value else {
            panic!()
        };
        let Value::Table(inner) = &entries[0].node.value else {
            panic!()
        };
        assert_eq!(&file.text[inner[0].key_span.clone()], "\"b\"");
        let deep = format!(
            "{{\"a\": \"[[\", \"b\": {}1{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let err = from_json(&SourceFile::new("c.json", deep)).unwrap_err();
        assert_eq!(
            (err.code.as_ref(), err.location().unwrap().as_str()),
            ("case::too-deep", "c.json:1:81")
        );
        let err = from_json(&SourceFile::new("c.json", "{\"a\": 1,}")).unwrap_err();
        assert_eq!(err.code, "case::syntax");
        assert_eq!(err.location().unwrap(), "c.json:1:8");
    }
}
