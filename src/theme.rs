//! Themes: a company's look as data (`themes/<name>.toml`), named by its
//! sender profile: fonts and sizes, brand colours, where the logo goes and
//! how tall it is, the letterhead's variant, and the footer's content (legal
//! line, registered office, bank details). Every style reads the theme from
//! the Letter and applies what it sets; what it leaves out, the style
//! decides.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::error::{Error, Result};
use crate::pack::{read_text, toml_error};
use crate::revision::{Located, RelPath};

/// A theme as the style reads it (`theme` in the Letter). Every value is
/// optional: `None` leaves the choice to the style.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Theme {
    /// The theme's name, `None` when the sender names no theme.
    pub name: Option<String>,
    pub fonts: Fonts,
    pub colours: Colours,
    pub logo: LogoPlacement,
    pub letterhead: Option<LetterheadVariant>,
    /// What the footer prints; the Letter carries it as `footer`.
    #[serde(skip)]
    pub footer: Footer,
    /// Each font family the theme names, with where it names it, so that
    /// a family no font provides is reported at its place.
    #[serde(skip)]
    pub families: Vec<(String, Range<usize>)>,
    /// The theme file as read, for those diagnostics.
    #[serde(skip)]
    pub file: Option<SourceFile>,
    /// What the theme is, for `lettrine themes`.
    #[serde(skip)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Fonts {
    /// Font families of the body text, in order of preference.
    pub body: Option<Vec<String>>,
    /// Font families of headings (the sender's name); the body's when
    /// `None`.
    pub heading: Option<Vec<String>>,
    /// Size of the body text, in points.
    pub size: Option<f64>,
    /// Size of the sender's name in the letterhead, in points.
    pub heading_size: Option<f64>,
}

/// Brand colours, as `#rrggbb`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Colours {
    pub primary: Option<String>,
    pub secondary: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct LogoPlacement {
    pub position: Option<Side>,
    /// Height of the logo, in millimetres.
    pub height: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Left,
    Right,
}

/// How much the letterhead shows: `full` (name, address, e-mail, phone)
/// or `compact` (the name over one line of address and contact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LetterheadVariant {
    Full,
    Compact,
}

/// The footer's content (`footer` in the Letter).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Footer {
    /// The legal line: the sender's `legal`, else the theme's.
    pub legal: Option<String>,
    /// The registered office, as the company writes it.
    pub office: Option<String>,
    pub bank: Option<Bank>,
}

impl Footer {
    /// The lines the footer prints, in order: the legal line, the office,
    /// and the bank as `name · IBAN … · BIC …`.
    pub fn lines(&self) -> Vec<String> {
        self.named_lines().into_iter().map(|(_, l)| l).collect()
    }

    /// The lines the footer prints, each with its block's name in a
    /// letter's comparison (`footer.legal`, `footer.office`,
    /// `footer.bank`).
    pub fn named_lines(&self) -> Vec<(&'static str, String)> {
        [
            ("footer.legal", self.legal.clone()),
            ("footer.office", self.office.clone()),
            ("footer.bank", self.bank_line()),
        ]
        .into_iter()
        .filter_map(|(name, line)| Some((name, line?)))
        .collect()
    }

    /// The bank as the footer prints it: `name · IBAN … · BIC …`.
    pub fn bank_line(&self) -> Option<String> {
        self.bank.as_ref().map(|b| {
            let mut parts: Vec<String> = b.name.iter().cloned().collect();
            parts.push(format!("IBAN {}", b.iban));
            parts.push(format!("BIC {}", b.bic));
            parts.join(" · ")
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Bank {
    pub name: Option<String>,
    /// Printed in groups of four, as written on paper.
    pub iban: String,
    pub bic: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTheme {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    fonts: RawFonts,
    #[serde(default)]
    colours: RawColours,
    #[serde(default)]
    logo: RawLogo,
    #[serde(default)]
    letterhead: RawLetterhead,
    #[serde(default)]
    footer: RawFooter,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFonts {
    body: Option<Spanned<Families>>,
    heading: Option<Spanned<Families>>,
    size: Option<Spanned<f64>>,
    heading_size: Option<Spanned<f64>>,
}

/// One family, or several in order of preference.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Families {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawColours {
    primary: Option<Spanned<String>>,
    secondary: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLogo {
    position: Option<Side>,
    height: Option<Spanned<f64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLetterhead {
    variant: Option<LetterheadVariant>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFooter {
    legal: Option<String>,
    office: Option<String>,
    bank: Option<RawBank>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawBank {
    name: Option<String>,
    iban: Spanned<String>,
    bic: Spanned<String>,
}

impl Theme {
    /// Loads `themes/<name>.toml` from `located`, checking every value.
    pub fn load(name: &str, located: &Located) -> Result<Self> {
        let path = located
            .dir
            .join(&format!("{name}.toml"))
            .ok_or_else(|| Error::usage(format!("{name:?} is not a theme name"), None))?;
        let file = read_text(located.tree.as_ref(), &path)?;
        let raw: RawTheme = toml::from_str(&file.text).map_err(|e| toml_error(&file, &e))?;
        let mut problems = Vec::new();
        let mut at = |span: Range<usize>, message: String, hint: &str| {
            problems.push(
                Diagnostic::error("theme::value", message.clone())
                    .at(&file, span)
                    .label(message)
                    .hint(hint.to_owned()),
            );
        };

        let mut families = Vec::new();
        let mut list = |value: Option<Spanned<Families>>,
                        at: &mut dyn FnMut(Range<usize>, String, &str)| {
            let value = value?;
            let span = value.span();
            let names = match value.into_inner() {
                Families::One(name) => vec![name],
                Families::Many(names) => names,
            };
            if names.is_empty() || names.iter().any(|n| n.trim().is_empty()) {
                at(
                    span.clone(),
                    "a font family cannot be empty".to_owned(),
                    "name a family as `lettrine fonts` lists it, like \"Noto Sans\"",
                );
            }
            families.extend(names.iter().map(|n| (n.clone(), span.clone())));
            Some(names)
        };
        let body = list(raw.fonts.body, &mut at);
        let heading = list(raw.fonts.heading, &mut at);
        let mut points = |value: Option<Spanned<f64>>, key: &str, range: Range<f64>| {
            let value = value?;
            let v = *value.get_ref();
            if !(range.contains(&v)) {
                at(
                    value.span(),
                    format!(
                        "`{key}` must be between {} and {} points, not {v}",
                        range.start, range.end
                    ),
                    "a letter's text is usually 10 to 12 points",
                );
                return None;
            }
            Some(v)
        };
        let size = points(raw.fonts.size, "size", 6.0..24.0);
        let heading_size = points(raw.fonts.heading_size, "heading-size", 6.0..48.0);
        let mut colour = |value: Option<Spanned<String>>, key: &str| {
            let value = value?;
            if !is_hex_colour(value.get_ref()) {
                at(
                    value.span(),
                    format!(
                        "`{key}` must be a colour written #rrggbb, not {:?}",
                        value.get_ref()
                    ),
                    "for example primary = \"#1d4e89\"",
                );
                return None;
            }
            Some(value.into_inner().to_ascii_lowercase())
        };
        let colours = Colours {
            primary: colour(raw.colours.primary, "primary"),
            secondary: colour(raw.colours.secondary, "secondary"),
        };
        let logo_height = raw.logo.height.and_then(|h| {
            let v = *h.get_ref();
            if (5.0..=40.0).contains(&v) {
                Some(v)
            } else {
                at(
                    h.span(),
                    format!("the logo's `height` must be between 5 and 40 mm, not {v}"),
                    "the letterhead of every layout profile is at least 25 mm high",
                );
                None
            }
        });
        let bank = raw.footer.bank.and_then(|bank| {
            let mut ok = true;
            if let Err(why) = check_iban(bank.iban.get_ref()) {
                at(
                    bank.iban.span(),
                    format!("the IBAN {:?} {why}", bank.iban.get_ref()),
                    "copy the IBAN from the bank's statement; spaces are allowed",
                );
                ok = false;
            }
            if !is_bic(bank.bic.get_ref()) {
                at(
                    bank.bic.span(),
                    format!(
                        "the BIC {:?} is not 8 or 11 letters and digits (bank, country, place, branch)",
                        bank.bic.get_ref()
                    ),
                    "for example BNPAFRPPXXX or BNPAFRPP",
                );
                ok = false;
            }
            ok.then(|| Bank {
                name: bank.name,
                iban: group_iban(bank.iban.get_ref()),
                bic: bank.bic.get_ref().to_ascii_uppercase(),
            })
        });
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        Ok(Self {
            name: Some(name.to_owned()),
            fonts: Fonts {
                body,
                heading,
                size,
                heading_size,
            },
            colours,
            logo: LogoPlacement {
                position: raw.logo.position,
                height: logo_height,
            },
            letterhead: raw.letterhead.variant,
            footer: Footer {
                legal: raw.footer.legal,
                office: raw.footer.office,
                bank,
            },
            families,
            file: Some(file),
            description: raw.description,
        })
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// An IBAN's letters and digits, without spaces, upper case.
fn compact_iban(iban: &str) -> String {
    iban.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Checks an IBAN's shape and its ISO 7064 check digits (mod 97), so that a
/// mistyped digit never reaches a customer's bank transfer.
fn check_iban(iban: &str) -> std::result::Result<(), &'static str> {
    let iban = compact_iban(iban);
    let bytes = iban.as_bytes();
    if !(15..=34).contains(&bytes.len())
        || !bytes[..2].iter().all(u8::is_ascii_uppercase)
        || !bytes[2..4].iter().all(u8::is_ascii_digit)
        || !bytes.iter().all(u8::is_ascii_alphanumeric)
    {
        return Err(
            "is not an IBAN: two letters, two check digits, then 11 to 30 letters and digits",
        );
    }
    let mut remainder: u32 = 0;
    for &b in bytes[4..].iter().chain(&bytes[..4]) {
        let value = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    if remainder == 1 {
        Ok(())
    } else {
        Err("has wrong check digits: a character is mistyped")
    }
}

/// An IBAN in groups of four, as it is printed.
fn group_iban(iban: &str) -> String {
    let compact = compact_iban(iban);
    let chars: Vec<char> = compact.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A BIC (ISO 9362): bank (4 letters), country (2 letters), place (2),
/// optionally a branch (3).
fn is_bic(bic: &str) -> bool {
    let b = bic.as_bytes();
    (b.len() == 8 || b.len() == 11)
        && b[..6].iter().all(u8::is_ascii_alphabetic)
        && b[6..].iter().all(u8::is_ascii_alphanumeric)
}

/// The folder themes live in.
pub fn dir() -> RelPath {
    RelPath::new("themes").unwrap_or_else(|| unreachable!("a plain folder name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_are_checked_by_their_check_digits() {
        assert_eq!(check_iban("FR76 3000 6000 0112 3456 7890 189"), Ok(()));
        assert_eq!(check_iban("DE89370400440532013000"), Ok(()));
        assert_eq!(check_iban("IT60 X054 2811 1010 0000 0123 456"), Ok(()));
        assert!(check_iban("FR76 3000 6000 0112 3456 7890 188").is_err());
        assert!(check_iban("FR76").is_err());
        assert!(check_iban("7630006000011234567890189").is_err());
        assert_eq!(
            group_iban("fr7630006000011234567890189"),
            "FR76 3000 6000 0112 3456 7890 189"
        );
    }

    #[test]
    fn bics_have_eight_or_eleven_characters() {
        assert!(is_bic("BNPAFRPP"));
        assert!(is_bic("BNPAFRPPXXX"));
        assert!(!is_bic("BNPAFRP"));
        assert!(!is_bic("1NPAFRPP"));
    }

    #[test]
    fn colours_are_hex() {
        assert!(is_hex_colour("#1d4e89"));
        assert!(!is_hex_colour("1d4e89"));
        assert!(!is_hex_colour("#1d4e8"));
        assert!(!is_hex_colour("#1d4e8z"));
    }
}
