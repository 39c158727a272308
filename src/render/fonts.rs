//! The fonts a letter can use: those compiled into lettrine, and a
//! project's own (`fonts/*.ttf|otf|ttc|otc`), each file checked before it
//! is offered to Typst: it must parse, be whole, and allow embedding.
//! Typst warns and falls back when a family is missing; lettrine does not,
//! so this is also where family names are looked up.

use std::collections::BTreeMap;
use std::sync::Arc;

use sha2::{Digest, Sha256};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo, FontStyle};
use typst::utils::LazyHash;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};

/// Fonts shipped with lettrine besides Typst's own (Libertinus Serif, New
/// Computer Modern, DejaVu Sans Mono): Noto Naskh Arabic for Arabic script
/// beside the serif, and Noto Sans with Noto Sans Arabic for the sans-serif
/// styles. Licences: `fonts/OFL-NotoNaskhArabic.txt`, `fonts/OFL-NotoSans.txt`.
const FONTS: &[&[u8]] = &[
    include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansArabic-Bold.ttf"),
];

/// The file extensions of font files in a project's `fonts/`.
pub const FONT_EXTENSIONS: &[&str] = &["ttf", "otf", "ttc", "otc"];

/// Where a font comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FontOrigin {
    Embedded,
    /// A project's file, as shown to the user (`fonts/Brand-Regular.otf`).
    Project(String),
}

impl std::fmt::Display for FontOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Embedded => f.write_str("embedded"),
            Self::Project(path) => f.write_str(path),
        }
    }
}

/// A project's font file, read through the project's tree.
#[derive(Debug, Clone)]
pub struct FontFile {
    /// How to show the file to a user.
    pub display: String,
    pub bytes: Vec<u8>,
}

/// A set of fonts and the book Typst chooses from.
pub struct FontSet {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    origins: Vec<FontOrigin>,
    /// SHA-256 of the project's font files, in order: what decides a
    /// letter's bytes besides the embedded fonts.
    digest: String,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("fonts", &self.fonts.len())
            .field("digest", &self.digest)
            .finish_non_exhaustive()
    }
}

/// One family as `lettrine fonts` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    pub name: String,
    /// Each style of the family (`Regular`, `Bold Italic`, `Light`) and
    /// where it comes from.
    pub styles: Vec<(String, FontOrigin)>,
}

impl FontSet {
    /// The fonts compiled into lettrine.
    pub fn embedded() -> Self {
        let mut fonts: Vec<Font> = typst_kit::fonts::embedded().map(|(font, _)| font).collect();
        for data in FONTS {
            fonts.extend(Font::iter(Bytes::new(*data)));
        }
        let origins = vec![FontOrigin::Embedded; fonts.len()];
        Self::from_parts(fonts, origins, digest_of(&[]))
    }

    fn from_parts(fonts: Vec<Font>, origins: Vec<FontOrigin>, digest: String) -> Self {
        let book = FontBook::from_fonts(&fonts);
        Self {
            book: LazyHash::new(book),
            fonts,
            origins,
            digest,
        }
    }

    /// These fonts and a project's: every file is checked first, and every
    /// problem is reported at once. A file that is byte for byte one of
    /// lettrine's own fonts adds nothing.
    pub fn with_project(&self, files: &[FontFile]) -> Result<Self> {
        let mut fonts = self.fonts.clone();
        let mut origins = self.origins.clone();
        let mut problems = Vec::new();
        let mut added = Vec::new();
        for file in files {
            if self.fonts.iter().any(|f| f.data().as_slice() == file.bytes) {
                continue;
            }
            match check(&file.display, &file.bytes) {
                Ok(faces) => {
                    origins.extend(std::iter::repeat_n(
                        FontOrigin::Project(file.display.clone()),
                        faces.len(),
                    ));
                    fonts.extend(faces);
                    added.push(file);
                }
                Err(d) => problems.push(d),
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let digest = digest_of(&added);
        Ok(Self::from_parts(fonts, origins, digest))
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    /// SHA-256 of the project's fonts (`sha256:` of nothing when it has
    /// none), for the batch journal.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// Whether some font is of `family`, compared as Typst compares them
    /// (case-insensitively).
    pub fn has_family(&self, family: &str) -> bool {
        self.book
            .select_family(&family.to_lowercase())
            .next()
            .is_some()
    }

    /// Whether `family` has a glyph for `c`.
    pub fn family_covers(&self, family: &str, c: char) -> bool {
        self.book
            .select_family(&family.to_lowercase())
            .filter_map(|index| self.book.info(index))
            .any(|info: &FontInfo| info.coverage.contains(c as u32))
    }

    /// Every family, sorted by name, with its styles.
    pub fn families(&self) -> Vec<Family> {
        let mut by_name: BTreeMap<String, Vec<(String, FontOrigin)>> = BTreeMap::new();
        for (index, origin) in self.origins.iter().enumerate() {
            let Some(info) = self.book.info(index) else {
                continue;
            };
            let style = style_name(info);
            let styles = by_name.entry(info.family.clone()).or_default();
            if !styles.iter().any(|(s, o)| *s == style && o == origin) {
                styles.push((style, origin.clone()));
            }
        }
        by_name
            .into_iter()
            .map(|(name, mut styles)| {
                styles.sort();
                Family { name, styles }
            })
            .collect()
    }
}

/// A font's style as people name it: `Regular`, `Bold`, `Light Italic`.
fn style_name(info: &FontInfo) -> String {
    let weight = match info.variant.weight.to_number() {
        0..=149 => "Thin",
        150..=249 => "Extra Light",
        250..=349 => "Light",
        350..=449 => "Regular",
        450..=549 => "Medium",
        550..=649 => "Semi Bold",
        650..=749 => "Bold",
        750..=849 => "Extra Bold",
        _ => "Black",
    };
    match (weight, info.variant.style) {
        (w, FontStyle::Normal) => w.to_owned(),
        ("Regular", FontStyle::Italic) => "Italic".to_owned(),
        ("Regular", FontStyle::Oblique) => "Oblique".to_owned(),
        (w, FontStyle::Italic) => format!("{w} Italic"),
        (w, FontStyle::Oblique) => format!("{w} Oblique"),
    }
}

fn digest_of(files: &[&FontFile]) -> String {
    let mut hasher = Sha256::new();
    for file in files {
        hasher.update((file.bytes.len() as u64).to_le_bytes());
        hasher.update(&file.bytes);
    }
    format!("sha256:{:x}", hasher.finalize())
}

/// Checks a font file and gives its faces: it must be an OpenType or
/// TrueType font or collection, every table must lie inside the file (a
/// truncated download is caught here, not as missing glyphs later), and
/// its licence bits (OS/2 `fsType`) must allow embedding a subset of it in
/// a PDF, which is what a letter does.
pub fn check(display: &str, bytes: &[u8]) -> std::result::Result<Vec<Font>, Diagnostic> {
    let problem = |why: String, hint: &str| {
        Diagnostic::error("font::invalid", format!("the font {display} {why}"))
            .hint(hint.to_owned())
    };
    let faces = ttf_parser::fonts_in_collection(bytes).unwrap_or(1);
    let data = Bytes::new(bytes.to_vec());
    let mut fonts = Vec::new();
    for index in 0..faces {
        let face = ttf_parser::RawFace::parse(bytes, index).map_err(|e| {
            problem(
                format!("is not a font lettrine can read ({e})"),
                "a font is a .ttf, .otf, .ttc or .otc file; download it again or export it anew",
            )
        })?;
        for record in face.table_records {
            let end = u64::from(record.offset) + u64::from(record.length);
            if end > bytes.len() as u64 {
                return Err(problem(
                    format!(
                        "is cut short: its table {} ends at byte {end}, but the file has {} bytes",
                        record.tag,
                        bytes.len()
                    ),
                    "the file is truncated; download or copy it again",
                ));
            }
        }
        let parsed = ttf_parser::Face::parse(bytes, index).map_err(|e| {
            problem(
                format!("is not a font lettrine can read ({e})"),
                "a font is a .ttf, .otf, .ttc or .otc file; download it again or export it anew",
            )
        })?;
        let licence_hint = "ask the font's vendor for a licence that allows embedding in documents, or choose another family";
        match parsed.permissions() {
            Some(ttf_parser::Permissions::Restricted) => {
                return Err(problem(
                    "forbids embedding (its licence bits say \"restricted license embedding\"), and a PDF letter embeds its fonts".to_owned(),
                    licence_hint,
                ));
            }
            _ if !parsed.is_outline_embedding_allowed() => {
                return Err(problem(
                    "allows embedding its bitmaps only, and a PDF letter embeds outlines"
                        .to_owned(),
                    licence_hint,
                ));
            }
            _ if !parsed.is_subsetting_allowed() => {
                return Err(problem(
                    "forbids subsetting, and a PDF letter embeds only the glyphs it uses"
                        .to_owned(),
                    licence_hint,
                ));
            }
            _ => {}
        }
        let font = Font::new(data.clone(), index).ok_or_else(|| {
            problem(
                "is not a font Typst can use".to_owned(),
                "a font is a .ttf, .otf, .ttc or .otc file; download it again or export it anew",
            )
        })?;
        fonts.push(font);
    }
    Ok(fonts)
}

/// The fonts compiled into lettrine, loaded once per process.
pub fn embedded() -> Arc<FontSet> {
    static EMBEDDED: std::sync::OnceLock<Arc<FontSet>> = std::sync::OnceLock::new();
    EMBEDDED
        .get_or_init(|| Arc::new(FontSet::embedded()))
        .clone()
}
