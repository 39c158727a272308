//! Packs: `packs/<id>/pack.toml` (id, semver version, locales, fields,
//! sections, lawful reasons, review rules) and the `.ftl` messages of each
//! locale. Loading checks the manifest and reports every problem at once.

mod check;
pub mod field;
mod manifest;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use toml::Spanned;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::error::{Error, Result};
use crate::l10n::Messages;
use crate::revision::{Located, RelPath, STYLE_FILE, is_plain_name, name_rule};
use check::Checker;
use field::{Default, Field, FieldKind, Required};
use manifest::{RawField, RawFrame, RawManifest};

/// Messages every pack defines in every locale: the style lays them out.
pub const FRAME_MESSAGES: &[&str] = &[
    "date-line",
    "subject",
    "salutation",
    "closing",
    "label-subject",
    "label-enclosures",
    "label-page",
];

/// A list field by this name is printed under the signature, each code
/// through the message `enclosure-<code>`.
pub const ENCLOSURES_FIELD: &str = "enclosures";

#[derive(Debug)]
pub struct Pack {
    pub id: String,
    pub version: semver::Version,
    pub description: String,
    pub source_locale: String,
    pub locales: Vec<String>,
    pub default_style: Option<String>,
    /// The frame's fields, then the pack's, in declaration order.
    pub fields: Vec<Field>,
    pub references: Vec<Reference>,
    pub sections: Vec<Section>,
    pub reasons: BTreeMap<String, Reason>,
    pub review: Vec<ReviewRule>,
    /// Numbers worked out from the case, available to messages like fields.
    pub derived: Vec<Derived>,
    /// The `.ftl` files of each locale, with their paths inside the
    /// locale's folder.
    pub messages: BTreeMap<String, Vec<(String, SourceFile)>>,
    /// Where the pack was read from, for messages.
    pub origin: String,
    /// `pack.toml` as read, for diagnostics pointing into it.
    pub manifest: SourceFile,
}

#[derive(Debug, Clone)]
pub struct Reference {
    pub label: String,
    pub field: String,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub message: String,
    /// A list field: the section repeats per item as `<message>-<item>`.
    pub each: Option<String>,
    pub when: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// The field is set (a non-empty list, a present table).
    Set(String),
    /// One of the case's reasons is of this kind.
    ReasonKind(String),
}

#[derive(Debug, Clone)]
pub struct Reason {
    pub kind: String,
    /// Article of the consumer code, per jurisdiction (`FR`, `IT`).
    pub legal: BTreeMap<String, String>,
    /// Fields a case must set to use this reason.
    pub requires: Vec<String>,
}

/// A number the compiler works out from a case's fields, given to messages
/// under the variable of its key (`request.days-after-delivery` is
/// `$request-days-after-delivery`).
#[derive(Debug, Clone)]
pub struct Derived {
    pub key: String,
    pub help: String,
    pub rule: DerivedRule,
}

#[derive(Debug, Clone)]
pub enum DerivedRule {
    /// Whole days from the first date field to the second (negative when
    /// the second comes first).
    DaysBetween { from: String, to: String },
}

#[derive(Debug, Clone)]
pub struct ReviewRule {
    pub id: String,
    pub help: String,
    pub trigger: ReviewTrigger,
}

#[derive(Debug, Clone)]
pub enum ReviewTrigger {
    /// A money or number field above an amount.
    Above { field: String, threshold: Threshold },
    /// One of these reasons is used.
    Reasons(Vec<String>),
}

/// The amount a review rule's field must exceed.
#[derive(Debug, Clone)]
pub enum Threshold {
    /// One amount, whatever the currency.
    Any(String),
    /// An amount per currency code. An amount in a currency not listed
    /// always needs the review: there is no exchange rate to compare it.
    PerCurrency(BTreeMap<String, String>),
}

impl Pack {
    /// Loads the pack in `located.dir` (`packs/<id>`).
    pub fn load(located: &Located) -> Result<Self> {
        let tree = located.tree.as_ref();
        let file = read_text(tree, &join(&located.dir, "pack.toml"))?;
        let raw: RawManifest = toml::from_str(&file.text).map_err(|e| toml_error(&file, &e))?;
        let mut checker = Checker {
            file: &file,
            diagnostics: Vec::new(),
        };
        let pack = checker.pack(raw, located)?;
        if checker.diagnostics.is_empty() {
            Ok(pack)
        } else {
            Err(Error::Invalid(crate::diagnostic::limit(
                checker.diagnostics,
            )))
        }
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The pack locale whose messages a letter in `locale` is written
    /// with: the locale itself when the pack has it, else its language
    /// (`fr-CH` falls back to `fr`). Formatting still follows `locale`.
    pub fn resolve_locale(&self, locale: &str) -> Option<&str> {
        let id: unic_langid::LanguageIdentifier = locale.parse().ok()?;
        let language = id.language.as_str();
        self.locales
            .iter()
            .find(|l| *l == locale)
            .or_else(|| self.locales.iter().find(|l| *l == language))
            .map(String::as_str)
    }

    /// The messages a letter in `locale` is written with, parsed, and
    /// formatted by `locale`'s conventions.
    pub fn messages(&self, locale: &str) -> Result<Messages> {
        let files = self
            .resolve_locale(locale)
            .and_then(|l| self.messages.get(l))
            .map(|files| files.iter().map(|(_, f)| f.clone()).collect())
            .unwrap_or_default();
        Messages::new(locale, files).map_err(Error::Invalid)
    }
}

/// Reads `path` from `tree` as UTF-8 text; a missing file is a read error
/// naming it.
pub fn read_text(tree: &dyn crate::revision::Tree, path: &RelPath) -> Result<SourceFile> {
    let name = tree.display(path);
    match tree.read(path) {
        Ok(Some(bytes)) => text_file(name, bytes),
        Ok(None) => Err(Error::Read {
            path: name,
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        }),
        Err(source) => Err(Error::Read { path: name, source }),
    }
}

/// Reads a file of a tree as UTF-8 text; invalid UTF-8 is an error naming
/// the byte where it starts.
pub fn text_file(name: String, bytes: Vec<u8>) -> Result<SourceFile> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = SourceFile::new(name, lossy);
            let start = file.text.char_indices().nth(
                String::from_utf8_lossy(&e.as_bytes()[..valid])
                    .chars()
                    .count(),
            );
            let start = start.map_or(file.text.len(), |(i, _)| i);
            Err(Error::invalid(
                Diagnostic::error("input::utf8", "the file is not valid UTF-8")
                    .at(&file, start..start)
                    .label("invalid byte here")
                    .hint("save the file as UTF-8"),
            ))
        }
    }
}

/// A TOML syntax or shape error, at its position.
pub fn toml_error(file: &SourceFile, error: &toml::de::Error) -> Error {
    let message = error.message().trim_end().to_owned();
    let mut d = Diagnostic::error("toml::invalid", message.clone());
    if let Some(span) = error.span() {
        d = d.at(file, span).label(message);
    } else {
        d = d.in_file(file);
    }
    Error::invalid(d)
}

fn join(dir: &RelPath, child: &str) -> RelPath {
    dir.join(child).unwrap_or_else(|| dir.clone())
}

/// The frame's fields (see `frame.toml`).
pub fn frame_fields() -> Vec<Field> {
    let file = SourceFile::new("src/pack/frame.toml", include_str!("frame.toml"));
    check_frame(&file).unwrap_or_else(|error| {
        let problems: Vec<String> = match error {
            Error::Invalid(diagnostics) => diagnostics
                .iter()
                .map(|d| format!("{}: {}", d.location().unwrap_or_default(), d.message))
                .collect(),
            other => vec![other.to_string()],
        };
        panic!("frame.toml is invalid:\n{}", problems.join("\n"))
    })
}

/// Checks the frame's fields as a pack's are checked, but for every pack:
/// a `locale-example` may be for any locale.
fn check_frame(file: &SourceFile) -> Result<Vec<Field>> {
    let raw: RawFrame = toml::from_str(&file.text).map_err(|e| toml_error(file, &e))?;
    let mut checker = Checker {
        file,
        diagnostics: Vec::new(),
    };
    let fields = raw
        .fields
        .into_iter()
        .filter_map(|f| checker.field(f, &BTreeSet::new(), None))
        .collect();
    if checker.diagnostics.is_empty() {
        Ok(fields)
    } else {
        Err(Error::Invalid(checker.diagnostics))
    }
}

/// The span of the `key = "…"` line declaring field `key`.
pub(crate) fn key_span(file: &SourceFile, key: &str) -> std::ops::Range<usize> {
    file.span_of(&format!("key = \"{key}\""))
}

/// The span of every `key = "…"` of the manifest, first one of each key,
/// found in one pass for checks that point at many fields.
pub(crate) fn key_spans(file: &SourceFile) -> HashMap<&str, std::ops::Range<usize>> {
    const NEEDLE: &str = "key = \"";
    let mut spans = HashMap::new();
    for (start, _) in file.text.match_indices(NEEDLE) {
        let rest = &file.text[start + NEEDLE.len()..];
        if let Some(end) = rest.find('"') {
            let span = start..start + NEEDLE.len() + end + 1;
            spans.entry(&rest[..end]).or_insert(span);
        }
    }
    spans
}

/// The `.ftl` files under `dir` in `tree`, sub-folders included, each with
/// its path relative to `dir`, sorted by that path.
pub fn locale_files(
    tree: &dyn crate::revision::Tree,
    dir: &RelPath,
) -> Result<Vec<(String, SourceFile)>> {
    let mut files = Vec::new();
    let mut pending = vec![(dir.clone(), String::new())];
    while let Some((path, rel)) = pending.pop() {
        for name in tree.list(&path) {
            let child = join(&path, &name);
            let child_rel = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            if name.ends_with(".ftl") {
                let display = tree.display(&child);
                let bytes = tree.read(&child).map_err(|source| Error::Read {
                    path: display.clone(),
                    source,
                })?;
                if let Some(bytes) = bytes {
                    files.push((child_rel, text_file(display, bytes)?));
                }
            } else if !name.contains('.') {
                pending.push((child, child_rel));
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::revision::Project;

    #[test]
    fn the_embedded_pack_loads() {
        let project = Project::embedded_only();
        let pack = Pack::load(&project.pack("refund-refusal").unwrap()).unwrap();
        assert_eq!(pack.id, "refund-refusal");
        assert_eq!(pack.locales, ["en", "fr", "it", "de", "es", "ar"]);
        assert_eq!(pack.reasons.len(), 9);
        assert!(pack.field("order.amount").is_some());
        assert!(
            pack.field("recipient.name").is_some(),
            "frame fields come first"
        );
        for locale in &pack.locales {
            let messages = pack.messages(locale).unwrap();
            for id in FRAME_MESSAGES {
                assert!(messages.has(id), "{locale} lacks {id}");
            }
        }
    }

    #[test]
    fn the_frame_checks_its_examples_at_their_place() {
        let file = SourceFile::new(
            "frame.toml",
            concat!(
                "[[fields]]\n",
                "key = \"place\"\n",
                "type = \"text\"\n",
                "example = \"Paris\"\n",
                "locale-example = { nl = \"Amsterdam\", it = 12, \"no locale\" = \"x\" }\n",
                "\n",
                "[[fields]]\n",
                "key = \"when\"\n",
                "type = \"date\"\n",
                "example = \"2026-02-30\"\n",
            ),
        );
        let Err(Error::Invalid(diagnostics)) = check_frame(&file) else {
            panic!("the frame is refused");
        };
        let found: Vec<(String, String)> = diagnostics
            .iter()
            .map(|d| (d.location().unwrap_or_default(), d.message.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "frame.toml:5:43".to_owned(),
                    "the example of \"place\" for it must be a string, not 12".to_owned()
                ),
                (
                    "frame.toml:5:47".to_owned(),
                    "the field \"place\" has an example for \"no locale\", which is not a locale identifier".to_owned()
                ),
                (
                    "frame.toml:10:11".to_owned(),
                    "the example of \"when\" must be a date, YYYY-MM-DD, not \"2026-02-30\"".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn the_embedded_frame_has_an_example_of_each_packs_country() {
        let project = Project::embedded_only();
        let fields = frame_fields();
        let place = fields.iter().find(|f| f.key == "place").unwrap();
        for id in ["refund-refusal", "delivery-delay"] {
            let pack = Pack::load(&project.pack(id).unwrap()).unwrap();
            for locale in &pack.locales {
                assert!(
                    place.locale_example.contains_key(locale),
                    "{id}: no place for {locale}"
                );
            }
        }
    }
}
