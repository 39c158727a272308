//! The raw shape of `pack.toml` (and of `frame.toml`) as serde reads it,
//! with spans kept for diagnostics. `mod.rs` checks it and turns it into a
//! [`super::Pack`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawManifest {
    pub id: Spanned<String>,
    pub version: Spanned<String>,
    #[serde(default)]
    pub description: String,
    pub source_locale: Spanned<String>,
    pub locales: Spanned<Vec<Spanned<String>>>,
    pub default_style: Option<Spanned<String>>,
    #[serde(default)]
    pub fields: Vec<RawField>,
    #[serde(default)]
    pub references: Vec<RawReference>,
    #[serde(default)]
    pub sections: Vec<RawSection>,
    #[serde(default)]
    pub reasons: BTreeMap<Spanned<String>, RawReason>,
    #[serde(default)]
    pub review: Vec<RawReview>,
    #[serde(default)]
    pub derived: Vec<RawDerived>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawDerived {
    pub key: Spanned<String>,
    pub days_between: Spanned<Vec<String>>,
    #[serde(default)]
    pub help: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrame {
    pub fields: Vec<RawField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawField {
    pub key: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    #[serde(default)]
    pub required: bool,
    pub required_if: Option<Spanned<RawRequiredIf>>,
    pub default: Option<toml::Value>,
    pub default_from: Option<Spanned<String>>,
    pub locale_default: Option<BTreeMap<String, String>>,
    pub values: Option<Vec<String>>,
    pub values_from: Option<Spanned<String>>,
    pub currency: Option<Spanned<String>>,
    #[serde(default)]
    pub help: String,
    pub example: Option<Spanned<toml::Value>>,
    pub locale_example: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequiredIf {
    pub field: String,
    #[serde(rename = "in")]
    pub values: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReference {
    pub label: Spanned<String>,
    pub field: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub message: Spanned<String>,
    pub each: Option<Spanned<String>>,
    pub when: Option<Spanned<RawWhen>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawWhen {
    pub set: Option<String>,
    pub reason_kind: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReason {
    pub kind: Spanned<String>,
    #[serde(default)]
    pub legal: BTreeMap<String, String>,
    #[serde(default)]
    pub requires: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    pub id: Spanned<String>,
    #[serde(default)]
    pub help: String,
    pub field: Option<Spanned<String>>,
    /// One amount (a decimal string), or a table of them by currency code.
    pub above: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub reasons: Vec<Spanned<String>>,
}
