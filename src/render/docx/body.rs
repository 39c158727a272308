//! Paragraphs and runs of WordprocessingML, with a redline's tracked
//! changes: insertions (`w:ins`), deletions (`w:del` holding `w:delText`),
//! moves (`w:moveFrom` / `w:moveTo` inside their named range markers) and
//! comments anchored on a changed block.
//!
//! Every annotation (revision, move range, comment) takes its `w:id` from
//! one counter in document order, so ids never collide and a rebuild gives
//! the same ids.

use std::fmt::Write;

use super::xml::{attrs, escape, escape_into, half_points};

/// Who made the changes of a redline, and when (ISO 8601, UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub author: String,
    pub date: String,
}

impl Stamp {
    /// `author`'s changes at `secs` seconds since 1970.
    pub fn at(author: impl Into<String>, secs: i64) -> Self {
        Self {
            author: author.into(),
            date: iso_utc(secs),
        }
    }
}

/// `secs` since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (the proleptic Gregorian
/// calendar, from the day count).
pub fn iso_utc(secs: i64) -> String {
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// How a piece of text is marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Plain,
    Insert,
    Delete,
    /// The old place of a moved sentence; the move's name.
    MoveFrom(String),
    /// The new place of a moved sentence.
    MoveTo(String),
}

/// A piece of a paragraph: text (`\n` is a line break, `\t` a tab) and
/// how it is marked, or the start or end of a move's range.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text {
        text: String,
        mark: Mark,
        /// Its own look, else the paragraph's.
        look: Option<RunLook>,
    },
    /// Where the moved text begins (`from`: at its old place) and its name.
    RangeStart {
        from: bool,
        name: String,
    },
    RangeEnd {
        from: bool,
        name: String,
    },
}

impl Piece {
    pub fn plain(text: impl Into<String>) -> Self {
        Self::marked(text, Mark::Plain)
    }

    pub fn marked(text: impl Into<String>, mark: Mark) -> Self {
        Self::Text {
            text: text.into(),
            mark,
            look: None,
        }
    }
}

/// How a run looks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunLook {
    pub bold: bool,
    /// Points; `None`: the document's size.
    pub size: Option<f64>,
    /// `rrggbb`.
    pub colour: Option<String>,
    /// A font family other than the document's.
    pub font: Option<String>,
}

/// Paragraph properties, written in the order the schema requires.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParaLook {
    /// `w:framePr`'s attributes, already formatted.
    pub frame: Option<String>,
    pub keep_next: bool,
    /// Twips before and after.
    pub before: i64,
    pub after: i64,
    /// An exact line height, in twips.
    pub line: Option<i64>,
    /// Left to right even in a right-to-left letter.
    pub ltr: bool,
    /// Twips from the leading edge.
    pub indent: i64,
    /// `start`, `end`, `center` or `both` (justified).
    pub align: Option<&'static str>,
    /// The paragraph as a whole was inserted or deleted (its mark too).
    pub whole: Option<Whole>,
    pub run: RunLook,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole {
    Inserted,
    Deleted,
}

/// A comment on a block: why it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: u32,
    pub text: Vec<String>,
}

/// The language runs are tagged with.
#[derive(Debug, Clone, PartialEq)]
pub struct Lang {
    /// `fr-FR`.
    pub tag: String,
    pub rtl: bool,
}

/// Writes paragraphs for one story (the body, a header, a footer).
#[derive(Debug)]
pub struct Writer<'a> {
    pub xml: String,
    lang: &'a Lang,
    stamp: Option<&'a Stamp>,
    ids: &'a mut u32,
    pub comments: Vec<Comment>,
    /// How many tracked changes were written.
    pub changes: usize,
}

impl<'a> Writer<'a> {
    pub fn new(lang: &'a Lang, stamp: Option<&'a Stamp>, ids: &'a mut u32) -> Self {
        Self {
            xml: String::new(),
            lang,
            stamp,
            ids,
            comments: Vec::new(),
            changes: 0,
        }
    }

    fn next_id(&mut self) -> u32 {
        let id = *self.ids;
        *self.ids += 1;
        id
    }

    /// A new revision's id, and its attributes ` w:id="…" w:author="…"
    /// w:date="…"`.
    fn revision(&mut self) -> (u32, String) {
        let id = self.next_id();
        let mut out = String::new();
        let (author, date) = self
            .stamp
            .map_or(("lettrine", ""), |s| (s.author.as_str(), s.date.as_str()));
        attrs(&mut out, &[("w:id", &id.to_string()), ("w:author", author)]);
        if !date.is_empty() {
            attrs(&mut out, &[("w:date", date)]);
        }
        (id, out)
    }

    /// A paragraph of `pieces`; with `comment`, the paragraph's content is
    /// the comment's range.
    pub fn paragraph(&mut self, look: &ParaLook, pieces: &[Piece], comment: Option<Vec<String>>) {
        self.xml.push_str("<w:p>");
        self.paragraph_properties(look);
        let comment = comment.map(|text| {
            let id = self.next_id();
            let _ = write!(self.xml, "<w:commentRangeStart w:id=\"{id}\"/>");
            (id, text)
        });
        let mut moves: Vec<(bool, String, u32)> = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Text {
                    text,
                    mark,
                    look: own,
                } => self.marked(text, mark, own.as_ref().unwrap_or(&look.run)),
                Piece::RangeStart { from, name } => {
                    let element = if *from {
                        "w:moveFromRangeStart"
                    } else {
                        "w:moveToRangeStart"
                    };
                    let (id, revision) = self.revision();
                    let _ = write!(self.xml, "<{element}{revision}");
                    attrs(&mut self.xml, &[("w:name", name)]);
                    self.xml.push_str("/>");
                    moves.push((*from, name.clone(), id));
                }
                Piece::RangeEnd { from, name } => {
                    let Some(at) = moves.iter().position(|(f, n, _)| f == from && n == name) else {
                        continue;
                    };
                    let (from, _, id) = moves.remove(at);
                    let element = if from {
                        "w:moveFromRangeEnd"
                    } else {
                        "w:moveToRangeEnd"
                    };
                    let _ = write!(self.xml, "<{element} w:id=\"{id}\"/>");
                }
            }
        }
        if let Some((id, text)) = comment {
            let _ = write!(
                self.xml,
                "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"{id}\"/></w:r>"
            );
            self.comments.push(Comment { id, text });
        }
        self.xml.push_str("</w:p>");
    }

    fn paragraph_properties(&mut self, look: &ParaLook) {
        // In the order the schema gives (Word refuses any other).
        self.xml.push_str("<w:pPr>");
        if look.keep_next {
            self.xml.push_str("<w:keepNext/>");
        }
        if let Some(frame) = &look.frame {
            let _ = write!(self.xml, "<w:framePr{frame}/>");
        }
        // A frame's paragraph stays left to right, its runs right to left:
        // LibreOffice measures a right-to-left paragraph's frame from the
        // page's right edge, and the window is where the envelope has it.
        if self.lang.rtl && look.frame.is_none() && !look.ltr {
            self.xml.push_str("<w:bidi/>");
        }
        let _ = write!(
            self.xml,
            "<w:spacing w:before=\"{}\" w:after=\"{}\"",
            look.before, look.after
        );
        if let Some(line) = look.line {
            let _ = write!(self.xml, " w:line=\"{line}\" w:lineRule=\"exact\"");
        }
        self.xml.push_str("/>");
        if look.indent != 0 {
            let _ = write!(self.xml, "<w:ind w:start=\"{}\"/>", look.indent);
        }
        if let Some(align) = look.align {
            let _ = write!(self.xml, "<w:jc w:val=\"{align}\"/>");
        }
        // The paragraph mark's own properties: its revision, then its look.
        self.xml.push_str("<w:rPr>");
        match look.whole {
            Some(Whole::Inserted) => {
                let (_, revision) = self.revision();
                let _ = write!(self.xml, "<w:ins{revision}/>");
            }
            Some(Whole::Deleted) => {
                let (_, revision) = self.revision();
                let _ = write!(self.xml, "<w:del{revision}/>");
            }
            None => {}
        }
        self.run_look_inner(&look.run);
        self.xml.push_str("</w:rPr></w:pPr>");
    }

    /// Text with its mark: runs, wrapped in the revision element.
    fn marked(&mut self, text: &str, mark: &Mark, look: &RunLook) {
        if text.is_empty() {
            return;
        }
        let deleted = *mark == Mark::Delete;
        let wrapper = match mark {
            Mark::Plain => None,
            Mark::Insert => Some("w:ins"),
            Mark::Delete => Some("w:del"),
            Mark::MoveFrom(_) => Some("w:moveFrom"),
            Mark::MoveTo(_) => Some("w:moveTo"),
        };
        if let Some(wrapper) = wrapper {
            let (_, revision) = self.revision();
            let _ = write!(self.xml, "<{wrapper}{revision}>");
            self.changes += 1;
        }
        self.run(text, look, deleted);
        if let Some(wrapper) = wrapper {
            let _ = write!(self.xml, "</{wrapper}>");
        }
    }

    /// One run: text with its line breaks and tabs.
    pub fn run(&mut self, text: &str, look: &RunLook, deleted: bool) {
        let element = if deleted { "w:delText" } else { "w:t" };
        self.xml.push_str("<w:r>");
        self.run_look(look);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.xml.push_str("<w:br/>");
            }
            for (j, part) in line.split('\t').enumerate() {
                if j > 0 {
                    self.xml.push_str("<w:tab/>");
                }
                if !part.is_empty() {
                    let _ = write!(self.xml, "<{element} xml:space=\"preserve\">");
                    escape_into(&mut self.xml, part);
                    let _ = write!(self.xml, "</{element}>");
                }
            }
        }
        self.xml.push_str("</w:r>");
    }

    /// Raw runs (fields, drawings) the caller wrote, inside a paragraph.
    pub fn raw_paragraph(&mut self, look: &ParaLook, runs: &str) {
        self.xml.push_str("<w:p>");
        self.paragraph_properties(look);
        self.xml.push_str(runs);
        self.xml.push_str("</w:p>");
    }

    pub fn run_look(&mut self, look: &RunLook) {
        self.xml.push_str("<w:rPr>");
        self.run_look_inner(look);
        self.xml.push_str("</w:rPr>");
    }

    fn run_look_inner(&mut self, look: &RunLook) {
        if let Some(font) = &look.font {
            let f = escape(font);
            let _ = write!(
                self.xml,
                "<w:rFonts w:ascii=\"{f}\" w:hAnsi=\"{f}\" w:cs=\"{f}\" w:eastAsia=\"{f}\"/>"
            );
        }
        if look.bold {
            self.xml.push_str("<w:b/><w:bCs/>");
        }
        if let Some(colour) = &look.colour {
            let _ = write!(self.xml, "<w:color w:val=\"{}\"/>", escape(colour));
        }
        if let Some(size) = look.size {
            let hp = half_points(size);
            let _ = write!(self.xml, "<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>");
        }
        if self.lang.rtl {
            self.xml.push_str("<w:rtl/>");
        }
        let tag = escape(&self.lang.tag);
        if self.lang.rtl {
            let _ = write!(self.xml, "<w:lang w:val=\"{tag}\" w:bidi=\"{tag}\"/>");
        } else {
            let _ = write!(self.xml, "<w:lang w:val=\"{tag}\"/>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::iso_utc;

    #[test]
    fn seconds_as_iso_dates() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_utc(1_795_420_800), "2026-11-23T08:00:00Z");
        assert_eq!(iso_utc(-1), "1969-12-31T23:59:59Z");
    }
}
