//! Typesetting: compiles a Letter with a Typst style in the sandboxed world
//! and exports PDF, PNG or SVG. Fonts and the standard library are loaded
//! once per [`Renderer`]; Typst's memoisation cache is evicted every few
//! letters so that memory stays flat over long batches.

pub mod docx;
pub mod fonts;
mod glyphs;
pub mod redline;
pub mod report;
mod world;

use std::sync::Arc;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::NativeElement;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::introspection::Introspector;
use typst::layout::{Abs, Frame, FrameItem, Transform};
use typst::pdf::AttachElem;
use typst::syntax::DiagSpanKind;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::error::{Error, Result};
use crate::letter::Letter;
pub use fonts::{FontFile, FontSet};
pub use typst_pdf::PdfStandard;
pub use world::{ATTACHMENT_PATHS, LETTER_PATH, Style};
use world::{LetterWorld, Shared};

/// Typst's memoisation cache is evicted once every `EVICT_EVERY` letters
/// (over all threads), and a result unused for `CACHE_MAX_AGE` evictions is
/// dropped: what one letter laid out (a paragraph, the letterhead, a font
/// subset) serves the letters of the next dozen or so, and memory stays
/// flat over any batch. Evicting walks the whole cache, so it is done only
/// every few letters.
const EVICT_EVERY: usize = 4;
const CACHE_MAX_AGE: usize = 3;
/// The compilations of this process, all threads together.
static COMPILED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The output formats a letter is typeset to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Output {
    Pdf,
    /// Every page stacked into one image, at `pixels_per_pt`.
    Png {
        pixels_per_pt: f64,
    },
    Svg,
}

/// How to typeset, besides the letter itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RenderOptions {
    /// Draw the layout profile's zones and marks over the letter.
    pub debug_layout: bool,
    /// The PDF standards the PDF must conform to (PDF/A, PDF/UA), checked
    /// by Typst's own validator when it is written.
    pub pdf_standards: Vec<PdfStandard>,
    /// Files the PDF carries (an issued letter's Letter and case). The
    /// style attaches them: see [`ATTACHMENT_PATHS`].
    pub attachments: Vec<Attachment>,
}

/// A file embedded in the PDF, as PDF/A-3 describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// The file's name in the PDF (`letter.json`).
    pub name: String,
    pub bytes: Vec<u8>,
    /// `source`, `data`, `alternative` or `supplement`.
    pub relationship: &'static str,
    pub mime_type: &'static str,
    pub description: String,
}

/// A typeset letter: its pages, ready to export.
#[derive(Debug)]
pub struct Typeset {
    document: PagedDocument,
    ident: String,
    date: Option<Datetime>,
    standards: Vec<PdfStandard>,
    /// The style, to point export errors at its lines.
    style: Arc<Style>,
}

/// A run of text where the layout put it: page (from 0), the left end of
/// its baseline, and the top of its capitals, in millimetres from the
/// sheet's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    pub page: usize,
    pub text: String,
    pub x: f64,
    pub baseline: f64,
    pub cap_top: f64,
}

impl Typeset {
    pub fn pages(&self) -> usize {
        self.document.pages().len()
    }

    /// Every run of text with its position, in layout order: what
    /// `--debug-layout` and the profile tests check placements against.
    pub fn placed_text(&self) -> Vec<PlacedText> {
        fn walk(frame: &Frame, transform: Transform, page: usize, out: &mut Vec<PlacedText>) {
            for (point, item) in frame.items() {
                let here = transform.pre_concat(Transform::translate(point.x, point.y));
                match item {
                    FrameItem::Group(group) => {
                        walk(&group.frame, here.pre_concat(group.transform), page, out);
                    }
                    FrameItem::Text(text) => {
                        let cap = text.font.metrics().cap_height.at(text.size);
                        out.push(PlacedText {
                            page,
                            text: text.text.to_string(),
                            x: here.tx.to_mm(),
                            baseline: here.ty.to_mm(),
                            cap_top: (here.ty - cap).to_mm(),
                        });
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        for (index, page) in self.document.pages().iter().enumerate() {
            walk(&page.frame, Transform::identity(), index, &mut out);
        }
        out
    }

    /// The exported bytes. PDFs are reproducible: their identifier comes
    /// from the case and their date from the letter, never from the clock.
    pub fn export(&self, output: Output) -> Result<Vec<u8>> {
        match output {
            Output::Pdf => {
                let standards = PdfStandards::new(&self.standards).map_err(|e| {
                    Error::usage(
                        format!("--pdf-standard: {}", e.message()),
                        Some("PDF/A-3b with PDF/UA-1 is the combination for archives and screen readers alike".to_owned()),
                    )
                })?;
                let options = PdfOptions {
                    ident: Smart::Custom(self.ident.clone()),
                    timestamp: self.date.map(Timestamp::new_utc),
                    standards,
                    ..PdfOptions::default()
                };
                typst_pdf::pdf(&self.document, &options).map_err(|errors| {
                    Error::Invalid(
                        errors
                            .iter()
                            .map(|e| export_diagnostic(&self.style, e))
                            .collect(),
                    )
                })
            }
            Output::Png { pixels_per_pt } => {
                let options = typst_render::RenderOptions {
                    pixel_per_pt: pixels_per_pt.into(),
                    render_bleed: false,
                };
                let gap = Abs::pt(12.0);
                let pixmap = typst_render::render_merged(&self.document, &options, gap, None);
                pixmap.encode_png().map_err(|e| {
                    Error::invalid(Diagnostic::error(
                        "style::export",
                        format!("PNG export failed: {e}"),
                    ))
                })
            }
            Output::Svg => {
                let svg = typst_svg::svg_merged(
                    &self.document,
                    &typst_svg::SvgOptions::default(),
                    Abs::pt(12.0),
                );
                Ok(svg.into_bytes())
            }
        }
    }
}

/// Compiles letters. Build one per process and share it (it is `Sync`).
#[derive(Debug)]
pub struct Renderer {
    shared: Shared,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// Loads Typst's standard library (the embedded fonts are loaded once
    /// per process, see [`fonts::embedded`]).
    pub fn new() -> Self {
        Self {
            shared: Shared {
                library: LazyHash::new(Library::default()),
            },
        }
    }

    /// Typesets `letter` with `style` and `fonts`. Typst errors come back
    /// as diagnostics pointing into the style's files; so does a font
    /// family the style names that no font provides, and a character of
    /// the letter that none of its fonts can draw.
    pub fn typeset(
        &self,
        letter: &Letter,
        style: &Arc<Style>,
        fonts: &FontSet,
        options: &RenderOptions,
    ) -> Result<Typeset> {
        if options.attachments.len() > ATTACHMENT_PATHS.len() {
            return Err(Error::usage(
                format!(
                    "a PDF carries at most {} attachments",
                    ATTACHMENT_PATHS.len()
                ),
                None,
            ));
        }
        let mut data: Vec<(&'static str, Bytes)> =
            [letter.sender.logo.as_ref(), letter.signature.image.as_ref()]
                .into_iter()
                .flatten()
                .map(|image| (image.file, Bytes::new(image.bytes.clone())))
                .collect();
        data.extend(
            ATTACHMENT_PATHS
                .iter()
                .zip(&options.attachments)
                .map(|(path, a)| (*path, Bytes::new(a.bytes.clone()))),
        );
        // Most letters fit on one page. Told so, a style needs no page
        // count from Typst's introspection ("Page x / y" is not printed),
        // and Typst lays the letter out once instead of twice; a letter
        // that runs longer is laid out again, told its real count.
        let ident = format!("lettrine:{}", letter.case_hash);
        // (A style that ignores the count is laid out as before; if the
        // count changes the layout's length again, the third try stands.)
        let mut pages = 1;
        let mut tries = 0;
        let mut typeset = loop {
            tries += 1;
            let typeset = self.compile(
                world_json(letter, options, Some(pages)),
                data.clone(),
                style,
                fonts,
                &letter.date,
                ident.clone(),
            )?;
            if typeset.pages() == pages || tries == 3 {
                break typeset;
            }
            pages = typeset.pages();
        };
        glyphs::check(&typeset.document, letter)?;
        let attached = typeset
            .document
            .introspector()
            .query(&AttachElem::ELEM.select())
            .len();
        if attached != options.attachments.len() {
            return Err(Error::invalid(
                Diagnostic::error(
                    "style::attachments",
                    format!(
                        "the style {} attached {attached} of the letter's {} files to the PDF",
                        style.name,
                        options.attachments.len()
                    ),
                )
                .hint("a style attaches them with: #for a in letter.at(\"render\", default: (:)).at(\"attachments\", default: ()) { pdf.attach(a.name, read(a.file, encoding: none), relationship: a.relationship, mime-type: a.mime-type, description: a.description) }"),
            ));
        }
        typeset.standards = options.pdf_standards.clone();
        Ok(typeset)
    }

    /// Typesets a document whose data is not a Letter (the redline of
    /// `lettrine diff`): `style` reads `json` at [`LETTER_PATH`].
    pub fn typeset_data(
        &self,
        json: String,
        style: &Arc<Style>,
        date: &str,
        ident: String,
    ) -> Result<Typeset> {
        self.compile(json, Vec::new(), style, &fonts::embedded(), date, ident)
    }

    fn compile(
        &self,
        json: String,
        data: Vec<(&'static str, Bytes)>,
        style: &Arc<Style>,
        fonts: &FontSet,
        date: &str,
        ident: String,
    ) -> Result<Typeset> {
        let date = parse_date(date);
        let world = LetterWorld {
            shared: &self.shared,
            fonts,
            style,
            letter: Bytes::from_string(json),
            data,
            today: date.unwrap_or_else(|| Datetime::from_ymd(1970, 1, 1).expect("a valid date")),
        };
        let result = typst::compile::<PagedDocument>(&world);
        let compiled = COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if compiled.is_multiple_of(EVICT_EVERY) {
            typst::comemo::evict(CACHE_MAX_AGE);
        }
        // Typst only warns about a family no font provides, and falls back
        // to another: a company's letter must not silently change face.
        let unknown_families: Vec<Diagnostic> = result
            .warnings
            .iter()
            .filter(|w| w.message.starts_with("unknown font family"))
            .map(|w| {
                let mut d = typst_diagnostic(&world, style, w);
                d.severity = crate::diagnostic::Severity::Error;
                d.code = "font::unknown-family".into();
                d.hints.push(
                    "`lettrine fonts` lists the families; a project adds its own in fonts/"
                        .to_owned(),
                );
                d
            })
            .collect();
        let document = result.output.map_err(|errors| {
            Error::Invalid(
                errors
                    .iter()
                    .map(|e| typst_diagnostic(&world, style, e))
                    .chain(unknown_families.iter().cloned())
                    .collect(),
            )
        })?;
        if !unknown_families.is_empty() {
            return Err(Error::Invalid(unknown_families));
        }
        Ok(Typeset {
            document,
            ident,
            date,
            standards: Vec::new(),
            style: style.clone(),
        })
    }
}

/// What the style reads as `/letter.json`: the Letter, plus a `render`
/// object with the options of this run.
fn world_json(letter: &Letter, options: &RenderOptions, pages: Option<usize>) -> String {
    let mut value = serde_json::to_value(letter).unwrap_or_default();
    let attachments: Vec<serde_json::Value> = ATTACHMENT_PATHS
        .iter()
        .zip(&options.attachments)
        .map(|(file, a)| {
            serde_json::json!({
                "name": a.name,
                "file": file,
                "relationship": a.relationship,
                "mime-type": a.mime_type,
                "description": a.description,
            })
        })
        .collect();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "render".to_owned(),
            serde_json::json!({
                "debug-layout": options.debug_layout,
                "attachments": attachments,
                "pages": pages,
            }),
        );
    }
    value.to_string()
}

/// An error of Typst's PDF export (a PDF/A or PDF/UA rule the letter
/// breaks), at its place in the style when it has one.
fn export_diagnostic(style: &Style, e: &SourceDiagnostic) -> Diagnostic {
    let mut d = Diagnostic::error("style::pdf-standard", e.message.to_string());
    let range = match e.span.get() {
        DiagSpanKind::Detached => None,
        DiagSpanKind::Number { id, num, sub_range } => style
            .parsed(id)
            .and_then(|source| source.range(num, sub_range).map(|r| (id, r))),
        DiagSpanKind::Range { id, range } => Some((id, range)),
    };
    if let Some((id, range)) = range
        && let Some(source) = style.parsed(id)
    {
        let file = SourceFile::new(style.display(id), source.text());
        d = d.at(&file, range);
    }
    d.hints.extend(e.hints.iter().map(|h| h.v.to_string()));
    d
}

fn parse_date(iso: &str) -> Option<Datetime> {
    let mut parts = iso.split('-').map(str::parse::<u32>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    Datetime::from_ymd(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

/// A Typst diagnostic as ours: the style file, the span, the hints.
fn typst_diagnostic(world: &LetterWorld, style: &Style, e: &SourceDiagnostic) -> Diagnostic {
    // Typst's words for its sandbox speak of a project root and a `--root`
    // option; a lettrine style's root is its own folder.
    let message = e.message.replace(
        "would escape the project root",
        "would escape the style's folder",
    );
    let mut d = Diagnostic::error("style::typst", message);
    if e.severity == Severity::Warning {
        d.severity = crate::diagnostic::Severity::Warning;
    }
    if let (Some(id), Some(range)) = (e.span.id(), world.range(e.span))
        && let Ok(source) = typst::World::source(world, id)
    {
        let file = SourceFile::new(style.display(id), source.text());
        d = d.at(&file, range);
    }
    for hint in &e.hints {
        match hint.v.as_str() {
            "you can adjust the project root with the `--root` argument" => {}
            "cannot access files outside of the project sandbox" => d
                .hints
                .push("a style reads only the files in its own folder, styles/".to_owned()),
            other => d.hints.push(other.to_owned()),
        }
    }
    d
}
