//! The Letter: the typed intermediate representation between messages and
//! layout. Every block is formatted text tagged with the message that
//! produced it; the style typesets it (as JSON data) and the differ compares
//! it. `lettrine build --format json` prints it.

mod assemble;
pub mod postal;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::profile::Profile;
use crate::theme::{Footer, Theme};

pub use assemble::assemble;

/// Version of the Letter's JSON shape, for styles and tools that read it.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Letter {
    pub format: u32,
    pub pack: PackInfo,
    pub locale: String,
    /// The language subtag, for Typst's `text(lang:)`.
    pub lang: String,
    pub region: Option<String>,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    pub style: String,
    /// The page geometry the style follows (see `profiles/`).
    pub layout: Profile,
    /// SHA-256 of the case file's bytes.
    pub case_hash: String,
    /// The letter's date, `YYYY-MM-DD`; also the PDF's creation date.
    pub date: String,
    pub sender: Party,
    pub recipient: Party,
    pub date_line: Block,
    pub references: Vec<Reference>,
    pub subject: Block,
    pub salutation: Block,
    pub body: Vec<Paragraph>,
    pub closing: Block,
    pub signature: Signature,
    pub enclosures: Vec<Block>,
    /// How the letter is posted (registered, priority), when the case says.
    pub postal: Option<Postal>,
    /// The company's look, from the theme its sender names.
    pub theme: Theme,
    /// What the footer prints: the legal line, the registered office and
    /// the bank details.
    pub footer: Footer,
    pub labels: Labels,
    /// Review rules of the pack that apply to this letter, and why.
    pub review: Vec<ReviewNote>,
    /// What a draft that review rules apply to prints across the top of
    /// every page (`DRAFT — review required: legal …`); `None` on a letter
    /// no rule applies to, and on an issued letter (`lettrine issue`).
    pub draft_notice: Option<String>,
    /// Every value of the case as the letter prints it, by field key
    /// (`order.amount`: `1 234,56 €`); a list's codes joined by `, `. The
    /// differ names the fields behind a change with it.
    pub fields: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackInfo {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Party {
    pub name: String,
    pub address: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The legal line of a company (registration, capital).
    pub legal: Option<String>,
    /// The company's logo, for the letterhead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<Image>,
}

/// An image the style prints: the sender's logo, the signatory's
/// signature. The style reads it at the virtual path `file`
/// (`/letter-logo.svg`, `/letter-signature.png`, …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// The path the case gives, inside the project (not where it was found
    /// on disk: the same case gives the same Letter from any folder).
    pub path: String,
    pub format: ImageFormat,
    pub file: &'static str,
    pub sha256: String,
    /// What the image shows, for readers who cannot see it.
    pub alt: String,
    #[serde(skip)]
    pub bytes: Arc<[u8]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Svg,
}

/// What an image is for: where the style finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageRole {
    Logo,
    Signature,
}

impl ImageRole {
    /// What the image is, in messages: `logo`, `signature`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Logo => "logo",
            Self::Signature => "signature",
        }
    }

    /// The virtual path of the image in the style's world.
    pub fn file(self, format: ImageFormat) -> &'static str {
        match (self, format) {
            (Self::Logo, ImageFormat::Png) => LOGO_PNG_PATH,
            (Self::Logo, ImageFormat::Svg) => LOGO_SVG_PATH,
            (Self::Signature, ImageFormat::Png) => SIGNATURE_PNG_PATH,
            (Self::Signature, ImageFormat::Svg) => SIGNATURE_SVG_PATH,
        }
    }
}

impl Image {
    pub fn new(
        role: ImageRole,
        path: String,
        format: ImageFormat,
        bytes: Vec<u8>,
        alt: String,
    ) -> Self {
        Self {
            path,
            format,
            file: role.file(format),
            sha256: format!("sha256:{:x}", Sha256::digest(&bytes)),
            alt,
            bytes: bytes.into(),
        }
    }
}

/// The virtual paths a style reads the sender's logo and the signatory's
/// signature at.
pub const LOGO_PNG_PATH: &str = "/letter-logo.png";
pub const LOGO_SVG_PATH: &str = "/letter-logo.svg";
pub const SIGNATURE_PNG_PATH: &str = "/letter-signature.png";
pub const SIGNATURE_SVG_PATH: &str = "/letter-signature.svg";

/// How the letter is posted, and the mention printed above the address.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Postal {
    /// `registered`, `registered-receipt` or `priority`.
    pub mode: String,
    pub number: Option<String>,
    /// The mention in the letter's language: `Lettre recommandée avec
    /// accusé de réception n° 1A 123 456 7890 1`.
    pub mention: String,
}

/// The parts of a letter, in reading order: where a block of text goes on
/// the page, whichever renderer lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The letterhead: the sender's name, address and contact.
    Sender,
    /// The postal mention above the address.
    Postal,
    Recipient,
    DateLine,
    Reference,
    Subject,
    Salutation,
    Body,
    Closing,
    Signature,
    Enclosure,
    /// The legal line, the registered office and the bank, at the foot of
    /// every page.
    Footer,
}

/// Text produced by one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub message: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    pub label: Block,
    pub field: String,
    pub value: String,
}

/// One paragraph of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// The section of the pack (`reason`), and the list item it repeats for.
    pub section: String,
    pub item: Option<String>,
    pub message: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signature {
    pub name: String,
    pub role: String,
    pub organisation: String,
    /// The scanned signature, printed above the name.
    pub image: Option<Image>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labels {
    pub subject: String,
    pub enclosures: String,
    pub page: String,
    /// The digit one as the locale writes it: Typst's numbering pattern
    /// for page numbers (`1`, `١`).
    pub numbering: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewNote {
    pub rule: String,
    pub help: String,
    /// The field that makes the rule apply (`order.amount`, `reasons`).
    pub field: String,
    /// Why the rule applies: `order.amount is 1234.56 EUR, more than 500`.
    pub reason: String,
}

/// The first character of `text` that no letter can print: a control
/// character other than tab, line feed and carriage return, or the
/// noncharacters U+FFFE and U+FFFF. XML 1.0 cannot hold them either, so a
/// Word document could not.
pub fn unprintable(text: &str) -> Option<char> {
    text.chars().find(|&c| !printable(c))
}

/// Whether a letter can print `c` (see [`unprintable`]): XML 1.0's `Char`
/// production.
pub fn printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// The notice a draft carries while review rules apply to it.
pub fn draft_notice(review: &[ReviewNote]) -> Option<String> {
    (!review.is_empty()).then(|| {
        let rules: Vec<String> = review
            .iter()
            .map(|note| format!("{} ({})", note.rule, note.reason))
            .collect();
        format!("DRAFT — review required: {}", rules.join("; "))
    })
}

impl Letter {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a Letter always serialises")
    }

    /// The letter as plain text, in reading order.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut line = |s: &str| {
            out.push_str(s);
            out.push('\n');
        };
        if let Some(notice) = &self.draft_notice {
            line(notice);
            line("");
        }
        line(&self.sender.name);
        for l in &self.sender.address {
            line(l);
        }
        for l in [&self.sender.email, &self.sender.phone]
            .into_iter()
            .flatten()
        {
            line(l);
        }
        line("");
        if let Some(postal) = &self.postal {
            line(&postal.mention);
        }
        line(&self.recipient.name);
        for l in &self.recipient.address {
            line(l);
        }
        line("");
        line(&self.date_line.text);
        line("");
        for r in &self.references {
            line(&format!("{} {}", r.label.text, r.value));
        }
        let subject = format!("{} {}", self.labels.subject, self.subject.text);
        line(subject.trim_start());
        line("");
        line(&self.salutation.text);
        line("");
        for p in &self.body {
            line(&p.text);
            line("");
        }
        line(&self.closing.text);
        line("");
        line(&self.signature.name);
        line(&self.signature.role);
        line(&self.signature.organisation);
        if !self.enclosures.is_empty() {
            line("");
            line(&self.labels.enclosures);
            for e in &self.enclosures {
                line(&format!("- {}", e.text));
            }
        }
        let footer = self.footer.lines();
        if !footer.is_empty() {
            line("");
            for l in &footer {
                line(l);
            }
        }
        out
    }
}
