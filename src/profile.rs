//! Layout profiles: the page geometry of a country's envelope conventions,
//! as data (`profiles/<name>.toml`). A style reads the chosen profile from
//! the Letter (`layout`) and places the address field, the fold marks and
//! the letterhead where it says, so one style serves every envelope.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::error::{Error, Result};
use crate::pack::{read_text, toml_error};
use crate::revision::{Located, RelPath};

/// A4, the only paper the profiles describe: width and height in mm.
pub const PAPER: (f64, f64) = (210.0, 297.0);

/// A profile: where things go on the first page, in millimetres from the
/// sheet's top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Profile {
    pub name: String,
    #[serde(skip)]
    pub description: String,
    /// Locales this profile is the default for; `*` stands for any other.
    #[serde(skip)]
    pub default_for: Vec<String>,
    pub margins: Margins,
    pub letterhead: Letterhead,
    pub address: AddressField,
    /// Where the date line and the references start on the first page.
    pub reference_y: f64,
    /// The information block beside the address field (DIN 5008), which
    /// then holds the date line and the references.
    pub info_block: Option<InfoBlock>,
    pub marks: Marks,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Margins {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Letterhead {
    /// Top of the letterhead.
    pub y: f64,
    /// The letterhead stays within `y .. y + height`.
    pub height: f64,
}

/// The address field: the part of the sheet seen through the envelope's
/// window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AddressField {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The address text starts this far in from the field's leading edge
    /// (the left one, the right one in a right-to-left letter).
    #[serde(default)]
    pub indent: f64,
    /// Height of the return-address line at the top of the field (the
    /// sender in one small line); 0 for none.
    #[serde(default)]
    pub return_address: f64,
    /// Height of the zone for postal notes below the return line (DIN
    /// 5008's "Zusatz- und Vermerkzone"); 0 for none.
    #[serde(default)]
    pub notes: f64,
}

impl AddressField {
    /// Where the recipient's first line starts.
    pub fn recipient_y(&self) -> f64 {
        self.y + self.return_address + self.notes
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InfoBlock {
    pub x: f64,
    pub y: f64,
    pub width: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Marks {
    /// Fold marks, from the top.
    #[serde(default)]
    pub folds: Vec<f64>,
    /// The punch-hole mark, from the top.
    pub hole: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawProfile {
    #[serde(default)]
    description: String,
    #[serde(default)]
    default_for: Vec<Spanned<String>>,
    margins: Spanned<Margins>,
    letterhead: Spanned<Letterhead>,
    address: Spanned<AddressField>,
    reference_y: Spanned<f64>,
    info_block: Option<Spanned<InfoBlock>>,
    marks: Spanned<Marks>,
}

impl Profile {
    /// Loads `profiles/<name>.toml` from `located`, checking that every part
    /// fits on the sheet.
    pub fn load(name: &str, located: &Located) -> Result<Self> {
        let path = located
            .dir
            .join(&format!("{name}.toml"))
            .ok_or_else(|| Error::usage(format!("{name:?} is not a profile name"), None))?;
        let file = read_text(located.tree.as_ref(), &path)?;
        let raw: RawProfile = toml::from_str(&file.text).map_err(|e| toml_error(&file, &e))?;
        let mut problems = Vec::new();
        check(&file, &raw, &mut problems);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        Ok(Self {
            name: name.to_owned(),
            description: raw.description,
            default_for: raw
                .default_for
                .into_iter()
                .map(Spanned::into_inner)
                .collect(),
            margins: raw.margins.into_inner(),
            letterhead: raw.letterhead.into_inner(),
            address: raw.address.into_inner(),
            reference_y: raw.reference_y.into_inner(),
            info_block: raw.info_block.map(Spanned::into_inner),
            marks: raw.marks.into_inner(),
        })
    }
}

/// Every length must be a finite, non-negative number, and every box must
/// lie on the sheet.
fn check(file: &SourceFile, raw: &RawProfile, problems: &mut Vec<Diagnostic>) {
    let (width, height) = PAPER;
    let mut at = |span: std::ops::Range<usize>, message: String| {
        problems.push(
            Diagnostic::error("profile::geometry", message.clone())
                .at(file, span)
                .label(message),
        );
    };
    let lengths = |values: &[(&str, f64)]| {
        values
            .iter()
            .filter(|(_, v)| !v.is_finite() || *v < 0.0)
            .map(|(k, v)| format!("`{k}` must be a length in mm, 0 or more, not {v}"))
            .collect::<Vec<_>>()
    };
    let m = raw.margins.get_ref();
    for p in lengths(&[
        ("left", m.left),
        ("right", m.right),
        ("top", m.top),
        ("bottom", m.bottom),
    ]) {
        at(raw.margins.span(), p);
    }
    if m.left + m.right >= width || m.top + m.bottom >= height {
        at(
            raw.margins.span(),
            "the margins leave no room on an A4 sheet".to_owned(),
        );
    }
    let a = raw.address.get_ref();
    for p in lengths(&[
        ("x", a.x),
        ("y", a.y),
        ("width", a.width),
        ("height", a.height),
        ("indent", a.indent),
        ("return-address", a.return_address),
        ("notes", a.notes),
    ]) {
        at(raw.address.span(), p);
    }
    if a.x + a.width > width || a.y + a.height > height {
        at(
            raw.address.span(),
            format!(
                "the address field ends at x = {} mm, y = {} mm, off the {width} × {height} mm sheet",
                a.x + a.width,
                a.y + a.height
            ),
        );
    }
    if a.indent >= a.width || a.return_address + a.notes >= a.height {
        at(
            raw.address.span(),
            "the indent, return line and notes zone leave no room for the address".to_owned(),
        );
    }
    let l = raw.letterhead.get_ref();
    for p in lengths(&[("y", l.y), ("height", l.height)]) {
        at(raw.letterhead.span(), p);
    }
    let r = *raw.reference_y.get_ref();
    if !(0.0..height).contains(&r) {
        at(
            raw.reference_y.span(),
            format!("`reference-y` must be on the sheet (0 to {height} mm), not {r}"),
        );
    }
    if let Some(info) = &raw.info_block {
        let i = info.get_ref();
        for p in lengths(&[("x", i.x), ("y", i.y), ("width", i.width)]) {
            at(info.span(), p);
        }
        if i.x + i.width > width {
            at(
                info.span(),
                format!(
                    "the information block ends at x = {} mm, off the sheet",
                    i.x + i.width
                ),
            );
        }
    }
    let marks = raw.marks.get_ref();
    for y in marks.folds.iter().chain(&marks.hole) {
        if !(0.0..height).contains(y) {
            at(
                raw.marks.span(),
                format!("a mark at {y} mm is off the sheet (0 to {height} mm)"),
            );
        }
    }
    for locale in &raw.default_for {
        if locale.get_ref() != "*"
            && locale
                .get_ref()
                .parse::<unic_langid::LanguageIdentifier>()
                .is_err()
        {
            at(
                locale.span(),
                format!("{:?} is not a locale (nor `*`)", locale.get_ref()),
            );
        }
    }
}

/// Picks the default profile of `locale` among `profiles`: the one that
/// names the locale itself (`de-CH`), else its language (`de`), else `*`.
/// Two profiles claiming the same locale is an error naming both.
pub fn default_for<'a>(
    profiles: impl IntoIterator<Item = &'a Profile>,
    locale: &str,
) -> Result<Option<&'a Profile>> {
    let mut claims: BTreeMap<&str, Vec<&Profile>> = BTreeMap::new();
    for profile in profiles {
        for l in &profile.default_for {
            claims.entry(l.as_str()).or_default().push(profile);
        }
    }
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    for key in [locale, language, "*"] {
        match claims.get(key).map(Vec::as_slice) {
            None | Some([]) => {}
            Some([one]) => return Ok(Some(one)),
            Some(many) => {
                let names: Vec<&str> = many.iter().map(|p| p.name.as_str()).collect();
                return Err(Error::invalid(
                    Diagnostic::error(
                        "profile::ambiguous-default",
                        format!(
                            "the profiles {} all claim to be the default for {key:?}",
                            names.join(" and ")
                        ),
                    )
                    .hint("keep the locale in the `default-for` of one profile only"),
                ));
            }
        }
    }
    Ok(None)
}

/// The folder profiles live in.
pub fn dir() -> RelPath {
    RelPath::new("profiles").unwrap_or_else(|| unreachable!("a plain folder name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(name: &str, default_for: &[&str]) -> Profile {
        Profile {
            name: name.to_owned(),
            description: String::new(),
            default_for: default_for.iter().map(|s| (*s).to_owned()).collect(),
            margins: Margins {
                left: 20.0,
                right: 20.0,
                top: 20.0,
                bottom: 20.0,
            },
            letterhead: Letterhead {
                y: 10.0,
                height: 20.0,
            },
            address: AddressField {
                x: 20.0,
                y: 45.0,
                width: 85.0,
                height: 45.0,
                indent: 0.0,
                return_address: 5.0,
                notes: 0.0,
            },
            reference_y: 98.0,
            info_block: None,
            marks: Marks {
                folds: vec![],
                hole: None,
            },
        }
    }

    #[test]
    fn defaults_go_from_the_region_to_the_language_to_any() {
        let profiles = [
            profile("nf", &["fr", "*"]),
            profile("din", &["de"]),
            profile("sn", &["de-CH", "fr-CH"]),
        ];
        let pick = |l: &str| default_for(&profiles, l).unwrap().map(|p| p.name.clone());
        assert_eq!(pick("de-CH").as_deref(), Some("sn"));
        assert_eq!(pick("de-AT").as_deref(), Some("din"));
        assert_eq!(pick("de").as_deref(), Some("din"));
        assert_eq!(pick("fr-BE").as_deref(), Some("nf"));
        assert_eq!(pick("ja").as_deref(), Some("nf"));
        assert_eq!(default_for(&profiles[1..], "ja").unwrap(), None);
    }

    #[test]
    fn two_claims_on_a_locale_are_an_error() {
        let profiles = [profile("a", &["it"]), profile("b", &["it"])];
        let Err(Error::Invalid(d)) = default_for(&profiles, "it-IT") else {
            panic!("expected an error");
        };
        assert_eq!(
            d[0].message,
            "the profiles a and b all claim to be the default for \"it\""
        );
    }
}
