//! The field schema: what a case may and must contain, declared by the
//! letter frame (`frame.toml`) and by each pack's `[[fields]]`.

use std::collections::BTreeMap;

/// One key of a case file, such as `order.amount`.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Dotted path: `order.amount`.
    pub key: String,
    pub kind: FieldKind,
    pub required: Required,
    pub default: Option<Default>,
    pub help: String,
    /// A value shown by `lettrine new`.
    pub example: Option<toml::Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text,
    /// `YYYY-MM-DD`, or a TOML local date.
    Date,
    /// A decimal string; the currency is the value of another field.
    Money {
        currency_field: String,
    },
    Number,
    Enum {
        values: Vec<String>,
    },
    /// Strings; when `values` is set, each item must be one of them.
    List {
        values: Option<Vec<String>>,
    },
    /// A table of other fields, optional as a whole.
    Group,
}

impl FieldKind {
    /// What a value of this kind looks like, for hints.
    pub fn describe(&self) -> String {
        match self {
            Self::Text => "a string".to_owned(),
            Self::Date => "a date, YYYY-MM-DD".to_owned(),
            Self::Money { .. } => "an amount as a decimal string, like \"1234.56\"".to_owned(),
            Self::Number => "a number".to_owned(),
            Self::Enum { values } => format!("one of {}", quoted_list(values)),
            Self::List { values: None } => "a list of strings".to_owned(),
            Self::List {
                values: Some(values),
            } => format!("a list of codes among {}", quoted_list(values)),
            Self::Group => "a table".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Required {
    No,
    /// Required whenever the table holding it is present.
    Yes,
    /// Required when another (enum) field has one of these values.
    If {
        field: String,
        values: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Default {
    Value(toml::Value),
    /// Take the value of another field.
    From(String),
    /// Depends on the letter's language (`fr`) or locale (`fr-CH`).
    ByLocale(BTreeMap<String, String>),
}

impl Field {
    /// The Fluent variable holding the value: dots become hyphens.
    pub fn variable(&self) -> String {
        variable_name(&self.key)
    }

    /// The example as a TOML value; dates are TOML dates.
    pub fn example_literal(&self) -> Option<String> {
        Some(match (&self.kind, self.example.as_ref()?) {
            (FieldKind::Date, toml::Value::String(s)) => s.clone(),
            (_, example) => example.to_string(),
        })
    }

    /// `order` for `order.amount`; `None` for a top-level key.
    pub fn parent(&self) -> Option<&str> {
        self.key.rsplit_once('.').map(|(parent, _)| parent)
    }
}

pub fn variable_name(key: &str) -> String {
    key.replace('.', "-")
}

/// A key part: lower-case ASCII letters, digits and hyphens, starting with a
/// letter.
pub fn is_key_part(part: &str) -> bool {
    let mut chars = part.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub fn quoted_list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
