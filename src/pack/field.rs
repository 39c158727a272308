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
    /// A value shown by `lettrine new` and in hints.
    pub example: Option<toml::Value>,
    /// Examples of the locale's country, by locale (`fr-CH`) or language
    /// (`fr`), in place of `example`: a place, an address, a phrase in the
    /// language.
    pub locale_example: BTreeMap<String, toml::Value>,
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

    /// Whether `value` is a value of this kind as a case writes it, so
    /// that an example copied into a case is valid. A group has no value.
    pub fn accepts(&self, value: &toml::Value) -> bool {
        use crate::l10n::values::{DateValue, MoneyValue};
        let codes =
            |values: Option<&[String]>, s: &str| values.is_none_or(|v| v.iter().any(|c| c == s));
        match (self, value) {
            (Self::Text, toml::Value::String(_)) => true,
            (Self::Date, toml::Value::String(s)) => DateValue::parse(s).is_some(),
            (Self::Date, toml::Value::Datetime(d)) => {
                d.time.is_none() && DateValue::parse(&d.to_string()).is_some()
            }
            (Self::Money { .. }, toml::Value::String(s)) => MoneyValue::parse(s, "XXX").is_some(),
            (Self::Number, toml::Value::Integer(_)) => true,
            (Self::Number, toml::Value::Float(f)) => f.is_finite(),
            (Self::Enum { values }, toml::Value::String(s)) => codes(Some(values), s),
            (Self::List { values }, toml::Value::Array(items)) => items
                .iter()
                .all(|i| i.as_str().is_some_and(|s| codes(values.as_deref(), s))),
            _ => false,
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

    /// The example for a letter in `locale`: the locale's (`fr-CH`), else
    /// its language's (`fr`), else the field's `example`.
    pub fn example_for(&self, locale: &str) -> Option<&toml::Value> {
        let language = locale.split('-').next().unwrap_or(locale);
        self.locale_example
            .get(locale)
            .or_else(|| self.locale_example.get(language))
            .or(self.example.as_ref())
    }

    /// The example for a letter in `locale` as a TOML value; dates are
    /// TOML dates.
    pub fn example_literal(&self, locale: &str) -> Option<String> {
        Some(match (&self.kind, self.example_for(locale)?) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_the_locales_then_the_languages_then_the_fields() {
        let text = |s: &str| toml::Value::String(s.to_owned());
        let field = Field {
            key: "place".to_owned(),
            kind: FieldKind::Text,
            required: Required::Yes,
            default: None,
            help: String::new(),
            example: Some(text("Paris")),
            locale_example: BTreeMap::from([
                ("fr-CH".to_owned(), text("Genève")),
                ("it".to_owned(), text("Milano")),
            ]),
        };
        let example = |locale| field.example_literal(locale).unwrap_or_default();
        assert_eq!(example("fr-CH"), "\"Genève\"");
        assert_eq!(example("fr"), "\"Paris\"");
        assert_eq!(example("it-CH"), "\"Milano\"");
        assert_eq!(example("it"), "\"Milano\"");
        assert_eq!(example("de"), "\"Paris\"");
    }

    #[test]
    fn an_example_must_be_a_value_of_its_kind() {
        let value = |s: &str| s.parse::<toml::Table>().unwrap()["v"].clone();
        let codes = FieldKind::List {
            values: Some(vec!["invoice".to_owned()]),
        };
        assert!(codes.accepts(&value("v = [\"invoice\"]")));
        assert!(!codes.accepts(&value("v = [\"invoices\"]")));
        assert!(FieldKind::Date.accepts(&value("v = \"2026-11-23\"")));
        assert!(FieldKind::Date.accepts(&value("v = 2026-11-23")));
        assert!(!FieldKind::Date.accepts(&value("v = 2026-11-23T10:00:00")));
        let money = FieldKind::Money {
            currency_field: "currency".to_owned(),
        };
        assert!(money.accepts(&value("v = \"12.50\"")));
        assert!(!money.accepts(&value("v = 12.50")));
        assert!(FieldKind::Number.accepts(&value("v = 15")));
        assert!(!FieldKind::Text.accepts(&value("v = 15")));
        assert!(!FieldKind::Group.accepts(&value("v = {}")));
    }
}
