//! The Word document of a letter: its blocks placed on the page as the
//! layout profile says, and, for a redline, each block's segments as
//! tracked changes.

use std::fmt::Write as _;

use super::body::{Lang, Mark, ParaLook, Piece, RunLook, Stamp, Whole, Writer};
use super::package::{Defaults, Package, Properties};
use super::picture::Picture;
use super::xml::{attrs, forbidden, twips};
use crate::diff::LetterDiff;
use crate::error::{Error, Result};
use crate::letter::{Letter, Part};
use crate::profile::PAPER;

/// The body's size when the theme sets none, in points.
const BODY_SIZE: f64 = 10.5;
const HEADING_SIZE: f64 = 14.0;
/// The letterhead's address and contact lines, the footer, in points.
const SMALL: f64 = 8.5;
/// The family when the theme names none: the classic style's.
const BODY_FONT: &str = "Libertinus Serif";
/// The height of the empty paragraph a right-to-left letter anchors its
/// frames at, in twips.
const ANCHOR: i64 = 1;
/// One line of the postal mention, in millimetres.
const POSTAL_LINE: f64 = 5.0;
/// How tall a signature prints, in millimetres.
const SIGNATURE_HEIGHT: f64 = 15.0;
/// How tall a logo prints when the theme does not say, in millimetres.
const LOGO_HEIGHT: f64 = 16.0;

/// A redline .docx, and what it holds.
#[derive(Debug, Clone)]
pub struct Redline {
    pub bytes: Vec<u8>,
    /// Tracked changes written (each `w:ins`, `w:del`, `w:moveFrom`,
    /// `w:moveTo`).
    pub changes: usize,
    pub comments: usize,
}

/// The letter as a .docx.
pub fn letter(letter: &Letter) -> Result<Vec<u8>> {
    let blocks = letter_blocks(letter);
    compose(letter, &blocks, None)?.0.zip()
}

/// The redline of `diff` as a .docx: the new letter (the old one when the
/// case was deleted) with every change tracked, by `stamp`'s author and at
/// its date.
pub fn redline(diff: &LetterDiff, stamp: &Stamp) -> Result<Redline> {
    let letter = diff
        .letters
        .new
        .as_deref()
        .or(diff.letters.old.as_deref())
        .ok_or_else(|| Error::usage(format!("{}: no letter to lay out", diff.case), None))?;
    let blocks = super::redline::blocks(diff, &letter_blocks(letter));
    let (package, changes) = compose(letter, &blocks, Some(stamp))?;
    let comments = package.comments.len();
    Ok(Redline {
        bytes: package.zip()?,
        changes,
        comments,
    })
}

/// A block of the letter as the document prints it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Block {
    pub part: Part,
    /// Its name, for errors: the message id, or the part of the frame.
    pub name: String,
    /// Text with its marks; `\n` starts a new line.
    pub pieces: Vec<Piece>,
    pub whole: Option<Whole>,
    /// Why it changed, a line each.
    pub comment: Option<Vec<String>>,
}

fn plain(part: Part, name: &str, lines: &[&str]) -> Block {
    let text = lines
        .iter()
        .filter(|l| !l.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    Block {
        part,
        name: name.to_owned(),
        pieces: vec![Piece::plain(text)],
        whole: None,
        comment: None,
    }
}

/// The blocks of a letter, in reading order, as plain text.
fn letter_blocks(letter: &Letter) -> Vec<Block> {
    let s = &letter.sender;
    let mut sender: Vec<&str> = vec![&s.name];
    sender.extend(s.address.iter().map(String::as_str));
    sender.extend(
        [&s.email, &s.phone]
            .into_iter()
            .filter_map(|o| o.as_deref()),
    );
    let mut out = vec![plain(Part::Sender, "sender", &sender)];
    if let Some(postal) = &letter.postal {
        out.push(plain(Part::Postal, "postal", &[&postal.mention]));
    }
    let r = &letter.recipient;
    let mut recipient: Vec<&str> = vec![&r.name];
    recipient.extend(r.address.iter().map(String::as_str));
    out.push(plain(Part::Recipient, "recipient", &recipient));
    let d = &letter.date_line;
    out.push(plain(Part::DateLine, &d.message, &[&d.text]));
    for reference in &letter.references {
        let text = format!("{} {}", reference.label.text, reference.value);
        out.push(plain(Part::Reference, &reference.label.message, &[&text]));
    }
    for (part, block) in [
        (Part::Subject, &letter.subject),
        (Part::Salutation, &letter.salutation),
    ] {
        out.push(plain(part, &block.message, &[&block.text]));
    }
    for p in &letter.body {
        out.push(plain(Part::Body, &p.message, &[&p.text]));
    }
    let c = &letter.closing;
    out.push(plain(Part::Closing, &c.message, &[&c.text]));
    let g = &letter.signature;
    out.push(plain(
        Part::Signature,
        "signature",
        &[&g.name, &g.role, &g.organisation],
    ));
    for e in &letter.enclosures {
        out.push(plain(Part::Enclosure, &e.message, &[&e.text]));
    }
    // A block a line, named as the comparison names them.
    for (name, line) in letter.footer.named_lines() {
        out.push(plain(Part::Footer, name, &[&line]));
    }
    out
}

/// Refuses a block holding a character XML 1.0 cannot hold (the case
/// validator refuses them at their field first; this is the last guard).
fn check(blocks: &[Block], letter: &Letter) -> Result<()> {
    let texts = blocks.iter().flat_map(|b| {
        b.pieces.iter().filter_map(move |p| match p {
            Piece::Text { text, .. } => Some((b.name.as_str(), text.as_str())),
            _ => None,
        })
    });
    let extra = [
        ("draft notice", letter.draft_notice.as_deref().unwrap_or("")),
        ("labels.subject", &letter.labels.subject),
        ("labels.enclosures", &letter.labels.enclosures),
        ("labels.page", &letter.labels.page),
    ];
    for (name, text) in texts.chain(extra) {
        if let Some(c) = forbidden(text) {
            return Err(Error::usage(
                format!(
                    "{name}: the character U+{:04X} cannot be written into a Word document",
                    u32::from(c)
                ),
                Some("remove the control character from the case or the message".to_owned()),
            ));
        }
    }
    Ok(())
}

/// The language Word tags the text with (and checks its spelling in):
/// the letter's locale with a region, the language's usual one otherwise.
fn word_lang(letter: &Letter) -> Lang {
    let region = letter.region.clone().or_else(|| {
        Some(
            match letter.lang.as_str() {
                "fr" => "FR",
                "it" => "IT",
                "de" => "DE",
                "en" => "GB",
                "es" => "ES",
                "ar" => "SA",
                "nl" => "NL",
                "pt" => "PT",
                _ => return None,
            }
            .to_owned(),
        )
    });
    Lang {
        tag: match region {
            Some(region) => format!("{}-{region}", letter.lang),
            None => letter.lang.clone(),
        },
        rtl: letter.dir == "rtl",
    }
}

/// `#1f3a5f` → `1F3A5F`.
fn colour(value: Option<&String>) -> Option<String> {
    value.map(|v| v.trim_start_matches('#').to_ascii_uppercase())
}

/// `w:framePr`'s attributes: a frame at `x, y` (millimetres from the
/// sheet's corner), `w` wide, at least `h` tall.
fn frame(x: f64, y: f64, w: f64, h: f64) -> String {
    let mut out = String::new();
    attrs(
        &mut out,
        &[
            ("w:w", &twips(w).to_string()),
            ("w:h", &twips(h).to_string()),
            ("w:hRule", "atLeast"),
            ("w:wrap", "around"),
            ("w:vAnchor", "page"),
            ("w:hAnchor", "page"),
            ("w:x", &twips(x).to_string()),
            ("w:y", &twips(y).to_string()),
        ],
    );
    out
}

/// Lays the blocks out; returns the package and how many tracked changes
/// it holds.
fn compose(letter: &Letter, blocks: &[Block], stamp: Option<&Stamp>) -> Result<(Package, usize)> {
    check(blocks, letter)?;
    let lang = word_lang(letter);
    let theme = &letter.theme;
    let primary = colour(theme.colours.primary.as_ref());
    let secondary = colour(theme.colours.secondary.as_ref());
    let size = theme.fonts.size.unwrap_or(BODY_SIZE);
    let font = theme
        .fonts
        .body
        .as_ref()
        .and_then(|f| f.first().cloned())
        .unwrap_or_else(|| BODY_FONT.to_owned());
    let heading_font = theme
        .fonts
        .heading
        .as_ref()
        .and_then(|f| f.first().cloned());
    let layout = &letter.layout;
    let margins = &layout.margins;
    let rtl = lang.rtl;
    let of = |part: Part| blocks.iter().filter(move |b| b.part == part);

    let mut ids: u32 = 1;
    let mut media = Vec::new();
    let mut w = Writer::new(&lang, stamp, &mut ids);

    // A frame's paragraph is left to right (see `Writer`): a right-to-left
    // text keeps to the frame's right edge.
    let align = rtl.then_some("end");

    // The letterhead: the logo on its side, the sender beside it.
    let text_width = PAPER.0 - margins.left - margins.right;
    let (mut head_x, mut head_w) = (margins.left, text_width);
    if let Some(logo) = &letter.sender.logo {
        let height = theme.logo.height.unwrap_or(LOGO_HEIGHT);
        let picture = Picture::new(logo, height, 1, "rIdImage1", &mut media)?;
        let right = !matches!(theme.logo.position, Some(crate::theme::Side::Left));
        let x = if right {
            PAPER.0 - margins.right - picture.width
        } else {
            margins.left
        };
        let look = ParaLook {
            frame: Some(frame(x, layout.letterhead.y, picture.width, height)),
            ..ParaLook::default()
        };
        w.raw_paragraph(&look, &picture.run());
        head_w -= picture.width + 5.0;
        if !right {
            head_x += picture.width + 5.0;
        }
    }
    let compact = theme.letterhead == Some(crate::theme::LetterheadVariant::Compact);
    let heading = RunLook {
        bold: true,
        size: Some(theme.fonts.heading_size.unwrap_or(HEADING_SIZE)),
        colour: primary.clone(),
        font: heading_font,
    };
    let small = RunLook {
        size: Some(SMALL),
        ..RunLook::default()
    };
    for block in of(Part::Sender) {
        let look = ParaLook {
            frame: Some(frame(
                head_x,
                layout.letterhead.y,
                head_w,
                layout.letterhead.height,
            )),
            whole: block.whole,
            align,
            run: small.clone(),
            ..ParaLook::default()
        };
        let pieces = line_looks(&block.pieces, &[heading.clone(), small.clone()]);
        let pieces = if compact {
            one_line_after_the_name(pieces)
        } else {
            pieces
        };
        w.paragraph(&look, &pieces, block.comment.clone());
    }

    // The address field: the postal mention, then the recipient, in the
    // envelope's window. A right-to-left address keeps the field, and
    // starts from its right edge.
    let field = &layout.address;
    let (field_x, field_w) = if rtl {
        (field.x, field.width - field.indent)
    } else {
        (field.x + field.indent, field.width - field.indent)
    };
    for block in of(Part::Postal) {
        // DIN 5008 has a zone for it; elsewhere it is the line above the
        // recipient.
        let y = if field.notes > 0.0 {
            field.y + field.return_address
        } else {
            field.recipient_y() - POSTAL_LINE
        };
        let look = ParaLook {
            frame: Some(frame(field_x, y, field_w, POSTAL_LINE)),
            whole: block.whole,
            align,
            run: RunLook {
                bold: true,
                size: Some(SMALL),
                ..RunLook::default()
            },
            ..ParaLook::default()
        };
        w.paragraph(&look, &block.pieces, block.comment.clone());
    }
    let recipient_y = field.recipient_y();
    for block in of(Part::Recipient) {
        let look = ParaLook {
            frame: Some(frame(
                field_x,
                recipient_y,
                field_w,
                field.y + field.height - recipient_y,
            )),
            whole: block.whole,
            align,
            ..ParaLook::default()
        };
        w.paragraph(&look, &block.pieces, block.comment.clone());
    }

    // The date line and the references: in the information block (DIN
    // 5008), else at the top of the flow.
    let mut first = Some(twips(layout.reference_y - margins.top).max(0));
    // The frames above are anchored at the next paragraph, and LibreOffice
    // measures the frames of a right-to-left paragraph from the page's
    // right edge: a right-to-left letter anchors them at an empty
    // left-to-right paragraph a twentieth of a point high instead.
    if rtl {
        let anchor = ParaLook {
            ltr: true,
            line: Some(ANCHOR),
            run: RunLook {
                size: Some(1.0),
                ..RunLook::default()
            },
            ..ParaLook::default()
        };
        w.raw_paragraph(&anchor, "");
        first = first.map(|f| (f - ANCHOR).max(0));
    }
    let reference = RunLook {
        colour: secondary.clone(),
        ..RunLook::default()
    };
    let info = layout.info_block.as_ref();
    for block in blocks
        .iter()
        .filter(|b| matches!(b.part, Part::DateLine | Part::Reference))
    {
        let date = block.part == Part::DateLine;
        let mut look = ParaLook {
            whole: block.whole,
            align: date.then_some("end"),
            after: if date { 120 } else { 0 },
            ..ParaLook::default()
        };
        match info {
            Some(info) => {
                look.frame = Some(frame(info.x, info.y, info.width, 30.0));
                look.run.size = Some(9.5);
            }
            None => look.before = first.take().unwrap_or(0),
        }
        let pieces = if date {
            block.pieces.clone()
        } else {
            label_look(&block.pieces, &reference)
        };
        w.paragraph(&look, &pieces, block.comment.clone());
    }

    // The flow.
    let mut flow = |w: &mut Writer<'_>, mut look: ParaLook, block: &Block, pieces: &[Piece]| {
        if let Some(before) = first.take() {
            look.before = look.before.max(before);
        }
        look.whole = block.whole;
        w.paragraph(&look, pieces, block.comment.clone());
    };
    let label_mark = |block: &Block| match block.whole {
        Some(Whole::Inserted) => Mark::Insert,
        Some(Whole::Deleted) => Mark::Delete,
        None => Mark::Plain,
    };
    for block in of(Part::Subject) {
        let subject = RunLook {
            bold: true,
            colour: primary.clone(),
            ..RunLook::default()
        };
        let mut pieces = Vec::new();
        if !letter.labels.subject.is_empty() {
            pieces.push(Piece::marked(
                format!("{} ", letter.labels.subject),
                label_mark(block),
            ));
        }
        pieces.extend(block.pieces.iter().cloned());
        let pieces = super::redline::merged(pieces);
        let look = ParaLook {
            before: 240,
            after: 240,
            keep_next: true,
            run: subject,
            ..ParaLook::default()
        };
        flow(&mut w, look, block, &pieces);
    }
    let paragraph = ParaLook {
        after: 160,
        align: Some("both"),
        ..ParaLook::default()
    };
    for block in blocks
        .iter()
        .filter(|b| matches!(b.part, Part::Salutation | Part::Body | Part::Closing))
    {
        let mut look = paragraph.clone();
        if block.part == Part::Salutation {
            look.align = None;
        }
        if block.part == Part::Closing {
            look.keep_next = true;
        }
        flow(&mut w, look, block, &block.pieces);
    }

    // The signature on the trailing side, its scan above the name.
    let indent = twips((field.x - margins.left).max(0.0).min(text_width / 2.0));
    let signature = &letter.signature;
    if let Some(image) = &signature.image {
        let picture = Picture::new(image, SIGNATURE_HEIGHT, 2, "rIdImage2", &mut media)?;
        let look = ParaLook {
            before: 240,
            indent,
            keep_next: true,
            ..ParaLook::default()
        };
        w.raw_paragraph(&look, &picture.run());
    }
    for block in of(Part::Signature) {
        let look = ParaLook {
            before: if signature.image.is_some() { 0 } else { 600 },
            after: 240,
            indent,
            ..ParaLook::default()
        };
        let bold = RunLook {
            bold: true,
            ..RunLook::default()
        };
        let pieces = line_looks(&block.pieces, &[bold, RunLook::default()]);
        flow(&mut w, look, block, &pieces);
    }

    // The enclosures, under their label.
    let enclosures: Vec<&Block> = of(Part::Enclosure).collect();
    if !enclosures.is_empty() {
        let look = ParaLook {
            keep_next: true,
            ..ParaLook::default()
        };
        // A label over enclosures that are all new (or all gone) is new
        // (or gone) with them.
        let whole = if enclosures.iter().all(|b| b.whole == Some(Whole::Inserted)) {
            Some(Whole::Inserted)
        } else if enclosures.iter().all(|b| b.whole == Some(Whole::Deleted)) {
            Some(Whole::Deleted)
        } else {
            None
        };
        let label = Block {
            part: Part::Enclosure,
            name: "labels.enclosures".to_owned(),
            pieces: Vec::new(),
            whole,
            comment: None,
        };
        let text = Piece::marked(letter.labels.enclosures.clone(), label_mark(&label));
        flow(&mut w, look, &label, &[text]);
        for block in enclosures {
            let mut pieces = vec![Piece::marked("– ", label_mark(block))];
            pieces.extend(block.pieces.iter().cloned());
            let pieces = super::redline::merged(pieces);
            let look = ParaLook {
                indent: twips(4.0),
                ..ParaLook::default()
            };
            flow(&mut w, look, block, &pieces);
        }
    }
    w.xml.push_str(&section(letter));
    let mut changes = w.changes;
    let comments = std::mem::take(&mut w.comments);
    let body = std::mem::take(&mut w.xml);
    drop(w);

    // The header: a draft's notice, on every page. The footer: its lines,
    // and from the second page on, "Page x / y".
    let mut stories = Vec::new();
    for numbered in [true, false] {
        let mut story = Writer::new(&lang, stamp, &mut ids);
        if let Some(notice) = &letter.draft_notice {
            let look = ParaLook {
                align: Some("center"),
                run: RunLook {
                    bold: true,
                    size: Some(8.0),
                    colour: Some("B00020".to_owned()),
                    font: None,
                },
                ..ParaLook::default()
            };
            story.paragraph(&look, &[Piece::plain(notice.clone())], None);
        }
        let header = std::mem::take(&mut story.xml);
        let grey = RunLook {
            size: Some(7.5),
            colour: Some("5A5A5A".to_owned()),
            ..RunLook::default()
        };
        for block in of(Part::Footer) {
            let look = ParaLook {
                align: Some("center"),
                whole: block.whole,
                run: grey.clone(),
                ..ParaLook::default()
            };
            // Word takes no comment in a footer: a changed footer's is on
            // the subject (see `redline::blocks`).
            story.paragraph(&look, &block.pieces, None);
        }
        if numbered {
            let look = ParaLook {
                align: Some("end"),
                run: RunLook {
                    size: Some(SMALL),
                    colour: Some("5A5A5A".to_owned()),
                    ..RunLook::default()
                },
                ..ParaLook::default()
            };
            let mut scratch = 0;
            let mut runs = Writer::new(&lang, None, &mut scratch);
            page_number(&mut runs, &letter.labels.page, &look.run);
            let page_runs = std::mem::take(&mut runs.xml);
            drop(runs);
            story.raw_paragraph(&look, &page_runs);
        }
        // Both footers' tracked changes are in the document (a changed
        // footer line is one change in each).
        changes += story.changes;
        let footer = std::mem::take(&mut story.xml);
        drop(story);
        stories.push((header, footer));
    }
    let [(header_xml, footer_xml), (first_header, first_footer)]: [(String, String); 2] =
        stories.try_into().unwrap_or_default();

    let (author, date) = match stamp {
        Some(s) => (s.author.clone(), s.date.clone()),
        None => (
            letter.signature.name.clone(),
            format!("{}T00:00:00Z", letter.date),
        ),
    };
    let created = format!("{}T00:00:00Z", letter.date);
    let title = match &letter.labels.subject {
        label if label.is_empty() => letter.subject.text.clone(),
        label => format!("{label} {}", letter.subject.text),
    };
    let package = Package {
        body,
        header: header_xml,
        footer: footer_xml,
        first_header,
        first_footer,
        comments,
        media,
        defaults: Defaults {
            font,
            size,
            lang: lang.clone(),
        },
        properties: Properties {
            title,
            creator: letter.sender.name.clone(),
            last_modified_by: stamp.map(|s| s.author.clone()),
            created: created.clone(),
            modified: if stamp.is_some() {
                date.clone()
            } else {
                created
            },
        },
        date: letter.date.clone(),
        track_changes: stamp.is_some(),
        comment_author: author,
        comment_date: date,
    };
    Ok((package, changes))
}

/// The section: A4, the profile's margins, the header and the footer.
fn section(letter: &Letter) -> String {
    let m = &letter.layout.margins;
    let mut out = String::from(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>\
         <w:headerReference w:type=\"first\" r:id=\"rIdFirstHeader\"/>\
         <w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
         <w:footerReference w:type=\"first\" r:id=\"rIdFirstFooter\"/>",
    );
    let _ = write!(
        out,
        "<w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
         <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>",
        twips(PAPER.0),
        twips(PAPER.1),
        twips(m.top),
        twips(m.right),
        twips(m.bottom),
        twips(m.left),
        twips(5.0),
        twips(8.0),
    );
    // No `w:bidi` for the section even in Arabic: it would mirror the
    // frames' positions, and the window is where the envelope has it.
    out.push_str("<w:titlePg/>");
    out.push_str("</w:sectPr>");
    out
}

/// "Page x / y" in Word fields, which Word and LibreOffice compute as
/// they lay the letter out. It is in the footer of the pages after the
/// first only, so a one-page letter shows no number (LibreOffice does not
/// evaluate Word's `IF` field, which would also number the first page).
fn page_number(w: &mut Writer<'_>, label: &str, look: &RunLook) {
    let field = |w: &mut Writer<'_>, code: &str| {
        let mark = |w: &mut Writer<'_>, kind: &str| {
            w.xml.push_str("<w:r>");
            w.run_look(look);
            let _ = write!(w.xml, "<w:fldChar w:fldCharType=\"{kind}\"/></w:r>");
        };
        mark(w, "begin");
        w.xml.push_str("<w:r>");
        w.run_look(look);
        let _ = write!(
            w.xml,
            "<w:instrText xml:space=\"preserve\"> {code} </w:instrText></w:r>"
        );
        mark(w, "separate");
        w.run("2", look, false);
        mark(w, "end");
    };
    w.run(&format!("{label} "), look, false);
    field(w, "PAGE");
    w.run(" / ", look, false);
    field(w, "NUMPAGES");
}

/// Pieces split at line breaks, line `i` taking `looks[i]` (the last look
/// for the lines after).
fn line_looks(pieces: &[Piece], looks: &[RunLook]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut line = 0;
    for piece in pieces {
        let Piece::Text { text, mark, .. } = piece else {
            out.push(piece.clone());
            continue;
        };
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                line += 1;
            }
            let text = if i > 0 {
                format!("\n{part}")
            } else {
                part.to_owned()
            };
            if text.is_empty() {
                continue;
            }
            out.push(Piece::Text {
                text,
                mark: mark.clone(),
                look: looks.get(line).or(looks.last()).cloned(),
            });
        }
    }
    out
}

/// The compact letterhead: the name, then every other line on one line,
/// joined by ` · `.
fn one_line_after_the_name(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut breaks = 0;
    pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text { text, mark, look } if text.contains('\n') => {
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    if c == '\n' {
                        breaks += 1;
                        out.push_str(if breaks == 1 { "\n" } else { " · " });
                    } else {
                        out.push(c);
                    }
                }
                Piece::Text {
                    text: out,
                    mark,
                    look,
                }
            }
            other => other,
        })
        .collect()
}

/// A reference's pieces with its label (the text up to the first space
/// after a colon, or the first word) in `look`. The label is the first
/// piece's start: a reference block's text is `label value`.
fn label_look(pieces: &[Piece], look: &RunLook) -> Vec<Piece> {
    let mut out = pieces.to_vec();
    if let Some(Piece::Text { text, mark, .. }) = pieces.first() {
        let end = text
            .find(": ")
            .map(|i| i + 1)
            .or_else(|| text.find(' '))
            .unwrap_or(text.len());
        let (label, rest) = text.split_at(end);
        out[0] = Piece::Text {
            text: label.to_owned(),
            mark: mark.clone(),
            look: Some(look.clone()),
        };
        if !rest.is_empty() {
            out.insert(1, Piece::marked(rest, mark.clone()));
        }
    }
    out
}
