//! The .docx package: the parts of a WordprocessingML document, their
//! relationships and content types, zipped in a fixed order with fixed
//! dates, so the same letter always gives the same bytes.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::body::{Comment, Lang};
use super::xml::{attrs, escape, half_points};
use crate::error::{Error, Result};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// The namespaces a part's root element declares: WordprocessingML,
/// relationships, and DrawingML for pictures.
pub const NAMESPACES: &str = concat!(
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"",
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"",
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"",
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"",
    " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
);
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// A picture the document shows (`word/media/imageN.png`).
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    /// Its relationship id in `document.xml.rels`.
    pub rel: String,
    pub name: String,
    pub png: Vec<u8>,
}

/// The document's look as `styles.xml` sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct Defaults {
    pub font: String,
    pub size: f64,
    pub lang: Lang,
}

/// What `docProps/core.xml` says.
#[derive(Debug, Clone, PartialEq)]
pub struct Properties {
    pub title: String,
    pub creator: String,
    pub last_modified_by: Option<String>,
    /// ISO 8601, UTC.
    pub created: String,
    pub modified: String,
}

/// Every part, ready to zip.
#[derive(Debug)]
pub struct Package {
    pub body: String,
    /// The header and footer of the pages after the first, then the
    /// first page's own (`w:titlePg`).
    pub header: String,
    pub footer: String,
    pub first_header: String,
    pub first_footer: String,
    pub comments: Vec<Comment>,
    pub media: Vec<Media>,
    pub defaults: Defaults,
    pub properties: Properties,
    /// The letter's date (`YYYY-MM-DD`): every entry's date in the zip.
    pub date: String,
    /// Turn on Word's "Track Changes", so that a reviewer's own edits of a
    /// redline are tracked too.
    pub track_changes: bool,
    /// The comment ids' author.
    pub comment_author: String,
    pub comment_date: String,
}

impl Package {
    /// The .docx bytes.
    pub fn zip(&self) -> Result<Vec<u8>> {
        let mut parts: Vec<(&str, Vec<u8>)> = vec![
            ("[Content_Types].xml", self.content_types().into_bytes()),
            ("_rels/.rels", root_rels().into_bytes()),
            ("docProps/core.xml", self.core().into_bytes()),
            (
                "word/_rels/document.xml.rels",
                self.document_rels().into_bytes(),
            ),
            ("word/document.xml", self.document().into_bytes()),
            ("word/styles.xml", self.styles().into_bytes()),
            ("word/settings.xml", self.settings().into_bytes()),
            (
                "word/header1.xml",
                story("w:hdr", &self.header).into_bytes(),
            ),
            (
                "word/footer1.xml",
                story("w:ftr", &self.footer).into_bytes(),
            ),
            (
                "word/header2.xml",
                story("w:hdr", &self.first_header).into_bytes(),
            ),
            (
                "word/footer2.xml",
                story("w:ftr", &self.first_footer).into_bytes(),
            ),
        ];
        if !self.comments.is_empty() {
            parts.push(("word/comments.xml", self.comments_part().into_bytes()));
        }
        for media in &self.media {
            parts.push((media.name.as_str(), media.png.clone()));
        }
        let failed = |e: &dyn std::fmt::Display| {
            Error::usage(format!("the .docx could not be written: {e}"), None)
        };
        let date = zip_date(&self.date);
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in parts {
            let method = if name.ends_with(".png") {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            };
            let options = SimpleFileOptions::default()
                .compression_method(method)
                .last_modified_time(date)
                .unix_permissions(0o644);
            zip.start_file(name, options).map_err(|e| failed(&e))?;
            zip.write_all(&bytes).map_err(|e| failed(&e))?;
        }
        Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
    }

    fn content_types(&self) -> String {
        let mut out = format!(
            "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Default Extension=\"png\" ContentType=\"image/png\"/>"
        );
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
        let mut over = |part: &str, kind: &str| {
            let _ = write!(
                out,
                "<Override PartName=\"/{part}\" ContentType=\"{kind}\"/>"
            );
        };
        over("word/document.xml", &format!("{wml}.document.main+xml"));
        over("word/styles.xml", &format!("{wml}.styles+xml"));
        over("word/settings.xml", &format!("{wml}.settings+xml"));
        for n in [1, 2] {
            over(&format!("word/header{n}.xml"), &format!("{wml}.header+xml"));
            over(&format!("word/footer{n}.xml"), &format!("{wml}.footer+xml"));
        }
        if !self.comments.is_empty() {
            over("word/comments.xml", &format!("{wml}.comments+xml"));
        }
        over(
            "docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml",
        );
        out.push_str("</Types>");
        out
    }

    fn document_rels(&self) -> String {
        let mut out = format!("{HEAD}<Relationships xmlns=\"{REL}\">");
        let mut rel = |id: &str, kind: &str, target: &str| {
            let _ = write!(
                out,
                "<Relationship Id=\"{id}\" Type=\"{OFFICE_REL}/{kind}\" Target=\"{target}\"/>"
            );
        };
        rel("rIdStyles", "styles", "styles.xml");
        rel("rIdSettings", "settings", "settings.xml");
        rel("rIdHeader", "header", "header1.xml");
        rel("rIdFooter", "footer", "footer1.xml");
        rel("rIdFirstHeader", "header", "header2.xml");
        rel("rIdFirstFooter", "footer", "footer2.xml");
        if !self.comments.is_empty() {
            rel("rIdComments", "comments", "comments.xml");
        }
        for media in &self.media {
            let target = media.name.trim_start_matches("word/");
            rel(&media.rel, "image", target);
        }
        out.push_str("</Relationships>");
        out
    }

    fn document(&self) -> String {
        format!(
            "{HEAD}<w:document{NAMESPACES}><w:body>{}</w:body></w:document>",
            self.body
        )
    }

    fn styles(&self) -> String {
        let d = &self.defaults;
        let font = escape(&d.font);
        let size = half_points(d.size);
        let tag = escape(&d.lang.tag);
        let bidi = if d.lang.rtl {
            format!(" w:bidi=\"{tag}\"")
        } else {
            String::new()
        };
        format!(
            "{HEAD}<w:styles xmlns:w=\"{W}\">\
             <w:docDefaults><w:rPrDefault><w:rPr>\
             <w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\" w:cs=\"{font}\" w:eastAsia=\"{font}\"/>\
             <w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>\
             <w:lang w:val=\"{tag}\"{bidi}/>\
             </w:rPr></w:rPrDefault>\
             <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
             </w:docDefaults>\
             <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
             <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"CommentText\"><w:name w:val=\"annotation text\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
             <w:style w:type=\"character\" w:styleId=\"CommentReference\"><w:name w:val=\"annotation reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>\
             </w:styles>"
        )
    }

    fn settings(&self) -> String {
        let track = if self.track_changes {
            "<w:trackRevisions/>"
        } else {
            ""
        };
        format!(
            "{HEAD}<w:settings xmlns:w=\"{W}\">{track}<w:defaultTabStop w:val=\"708\"/>\
             <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
             </w:settings>"
        )
    }

    fn comments_part(&self) -> String {
        let mut out = format!("{HEAD}<w:comments xmlns:w=\"{W}\">");
        for comment in &self.comments {
            let _ = write!(out, "<w:comment w:id=\"{}\"", comment.id);
            attrs(
                &mut out,
                &[
                    ("w:author", &self.comment_author),
                    ("w:date", &self.comment_date),
                    ("w:initials", &initials(&self.comment_author)),
                ],
            );
            out.push('>');
            for line in &comment.text {
                out.push_str("<w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr><w:r><w:t xml:space=\"preserve\">");
                out.push_str(&escape(line));
                out.push_str("</w:t></w:r></w:p>");
            }
            out.push_str("</w:comment>");
        }
        out.push_str("</w:comments>");
        out
    }

    fn core(&self) -> String {
        let p = &self.properties;
        let mut out = format!(
            "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        );
        let _ = write!(
            out,
            "<dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>{}</dc:language>",
            escape(&p.title),
            escape(&p.creator),
            escape(&self.defaults.lang.tag)
        );
        if let Some(by) = &p.last_modified_by {
            let _ = write!(out, "<cp:lastModifiedBy>{}</cp:lastModifiedBy>", escape(by));
        }
        let _ = write!(
            out,
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{}</dcterms:created>\
             <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{}</dcterms:modified></cp:coreProperties>",
            escape(&p.created),
            escape(&p.modified)
        );
        out
    }
}

fn root_rels() -> String {
    format!(
        "{HEAD}<Relationships xmlns=\"{REL}\">\
         <Relationship Id=\"rIdDocument\" Type=\"{R}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rIdCore\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         </Relationships>"
    )
}

/// A header or footer part around its paragraphs.
fn story(root: &str, paragraphs: &str) -> String {
    // A story holds at least one paragraph.
    let body = if paragraphs.is_empty() {
        "<w:p/>"
    } else {
        paragraphs
    };
    format!("{HEAD}<{root}{NAMESPACES}>{body}</{root}>")
}

/// `Camille Martin` → `CM`.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(3)
        .collect()
}

/// The zip entries' date: the letter's day at midnight (the zip format
/// has no time zone), 1980-01-01 when it cannot say (its earliest).
fn zip_date(date: &str) -> DateTime {
    let mut parts = date.split('-').map(|p| p.parse::<u16>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next())
    else {
        return DateTime::default();
    };
    DateTime::from_date_and_time(y.clamp(1980, 2107), m as u8, d as u8, 0, 0, 0).unwrap_or_default()
}
