//! The redline: a PDF of each new letter with its changes marked (insertions
//! underlined in green, deletions struck through in red, moves in blue),
//! after a first page that lists them. The marks `[-…-]` and `{+…+}` are
//! printed too, small, so a text extractor (or a reviewer's search) tells
//! deleted from inserted text.
//!
//! The layout is `redline.typ`, compiled into lettrine; it reads the
//! redline as data (JSON at the letter's virtual path), never as code.

use std::sync::Arc;

use serde::Serialize;

use super::report::{cause, sides};
use super::{Output, Renderer, Style};
use crate::diff::{Figure, LetterDiff, Report, Segment, Status};
use crate::error::{Error, Result};
use crate::revision::{RelPath, StaticTree};

const LAYOUT: StaticTree = StaticTree(&[("redline.typ", include_bytes!("redline.typ"))]);

#[derive(Debug, Serialize)]
struct Data<'a> {
    old: &'a str,
    new: &'a str,
    letters: Vec<LetterData<'a>>,
}

#[derive(Debug, Serialize)]
struct LetterData<'a> {
    case: &'a str,
    status: Status,
    sides: String,
    lang: String,
    dir: &'static str,
    figures: &'a [Figure],
    notes: Vec<String>,
    changes: Vec<Change>,
    blocks: Vec<BlockData<'a>>,
}

#[derive(Debug, Serialize)]
struct Change {
    block: String,
    why: String,
}

#[derive(Debug, Serialize)]
struct BlockData<'a> {
    block: &'a str,
    status: Status,
    segments: &'a [Segment],
}

/// The redline of every letter of `report`, as one PDF; `date` (the new
/// letters' date) is the document's date, so the bytes are reproducible.
pub fn pdf(report: &Report, renderer: &Renderer, date: &str) -> Result<Vec<u8>> {
    let data = Data {
        old: &report.old,
        new: &report.new,
        letters: report.letters.iter().map(letter).collect(),
    };
    let json = serde_json::to_string(&data)
        .map_err(|e| Error::usage(format!("the redline could not be serialised: {e}"), None))?;
    let root = RelPath::new("").ok_or_else(|| Error::usage("bad redline root", None))?;
    let style = Arc::new(Style::new("redline", Arc::new(LAYOUT), root, None));
    let ident = format!("lettrine-redline:{}:{}", report.old, report.new);
    renderer
        .typeset_data(json, &style, date, ident)?
        .export(Output::Pdf)
}

fn letter(diff: &LetterDiff) -> LetterData<'_> {
    let side = diff.new.as_ref().or(diff.old.as_ref());
    let lang = side
        .map(|s| s.locale.split(['-', '_']).next().unwrap_or("en").to_owned())
        .unwrap_or_else(|| "en".to_owned());
    let dir = if crate::l10n::is_rtl_language(&lang) {
        "rtl"
    } else {
        "ltr"
    };
    LetterData {
        case: &diff.case,
        status: diff.status,
        sides: sides(diff),
        lang,
        dir,
        figures: &diff.figures,
        notes: diff.notes.iter().map(cause).collect(),
        changes: diff
            .blocks
            .iter()
            .map(|b| Change {
                block: b.block.clone(),
                why: b.causes.iter().map(cause).collect::<Vec<_>>().join("; "),
            })
            .collect(),
        blocks: diff
            .page
            .iter()
            .map(|b| BlockData {
                block: &b.block,
                status: b.status,
                segments: &b.segments,
            })
            .collect(),
    }
}
