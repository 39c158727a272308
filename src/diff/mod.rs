//! `lettrine diff`: what changed between two versions of a letter, or of a
//! pack's messages, without noise.
//!
//! Letters are compared on their IR ([`Letter`]), never on PDF text: block
//! by block (each block is the text of one message, or of the frame:
//! sender, recipient, signature), then sentence by sentence, then word by
//! word on [`tokens`], where figures are single tokens and whitespace is
//! not a token at all. A sentence that left its place and reappears
//! elsewhere (perhaps edited) is a move. Each changed block says why it
//! changed: a case field, a message of the pack, the locale.
//!
//! The result is plain data ([`LetterDiff`], [`PackDiff`]), serialised as
//! the JSON format. Drawing it is the renderers' work, under
//! [`crate::render`]: the terminal, Markdown and HTML reports
//! ([`crate::render::report`]), the redline PDF ([`crate::render::redline`])
//! and the Word redline with tracked changes ([`crate::render::docx`]).

mod letters;
mod packs;
pub mod tokens;
mod versions;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, DiffOp, DiffTag};

pub use letters::{LetterSide, compare_letters};
pub use packs::{PackSide, compare_packs};
pub use versions::{Version, compare};

use crate::letter::{Letter, Part};
use tokens::{Kind, Token};

/// Version of the JSON output's shape.
pub const FORMAT_VERSION: u32 = 1;

/// The longest any one diff computation may take before similar falls
/// back to a coarser (still correct) answer.
pub const DEADLINE: Duration = Duration::from_millis(250);

/// Everything `lettrine diff` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub version: u32,
    /// What was compared, as the user named it (`HEAD`, `work tree`, a file).
    pub old: String,
    pub new: String,
    pub letters: Vec<LetterDiff>,
    pub packs: Vec<PackDiff>,
    /// Cases that could not be built, or packs that did not load, on one
    /// side, with the reason.
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn new(old: String, new: String) -> Self {
        Self {
            version: FORMAT_VERSION,
            old,
            new,
            ..Self::default()
        }
    }

    /// Whether anything changed (what the exit code says).
    pub fn has_changes(&self) -> bool {
        !self.letters.is_empty() || !self.packs.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The case file, or `packs/<id>` for a pack that does not load.
    pub case: String,
    /// `old` or `new`.
    pub side: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Added,
    Deleted,
    Modified,
    /// Only in [`LetterDiff::page`].
    Unchanged,
}

/// One case's letter, before and after.
#[derive(Debug, Clone, Serialize)]
pub struct LetterDiff {
    /// The case file, relative to the project folder.
    pub case: String,
    pub status: Status,
    pub old: Option<Side>,
    pub new: Option<Side>,
    /// Changed amounts, dates, numbers and references, first.
    pub figures: Vec<Figure>,
    /// Changes of the whole letter: style, layout profile, locale, pack.
    pub notes: Vec<Cause>,
    /// The blocks whose text changed, in the new letter's order (deleted
    /// blocks where they were).
    pub blocks: Vec<BlockDiff>,
    /// Every block, changed or not, in the same order: the redline prints
    /// the whole letter.
    #[serde(skip)]
    pub page: Vec<BlockDiff>,
    /// The two letters compared, for the redlines that lay the new one out
    /// (the old one when the case was deleted).
    #[serde(skip)]
    pub letters: Letters,
}

/// The letters of a [`LetterDiff`]: what was compared.
#[derive(Debug, Clone, Default)]
pub struct Letters {
    pub old: Option<Arc<Letter>>,
    pub new: Option<Arc<Letter>>,
}

/// What a letter was built with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub pack: String,
    pub version: String,
    pub locale: String,
    pub style: String,
    /// The letter's date.
    pub date: String,
}

/// A changed figure: `order.amount: 1 234,56 € → 1 450,00 €`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The case field it comes from, or the message it is written in.
    pub label: String,
    pub old: String,
    pub new: String,
}

/// One block of the letter (a message's text, or a part of the frame).
#[derive(Debug, Clone, Serialize)]
pub struct BlockDiff {
    /// The message id, or `sender`, `postal`, `recipient`, `signature`.
    pub block: String,
    /// Where the block goes in the letter.
    #[serde(skip)]
    pub part: Part,
    pub status: Status,
    /// The new text with the changes marked; concatenated, the texts of
    /// `equal` and `insert` segments (and the inner parts of moves) give
    /// the new block, those of `equal` and `delete` the old one.
    pub segments: Vec<Segment>,
    /// Why it changed.
    pub causes: Vec<Cause>,
}

/// A run of text in a changed block. Texts keep the space before them
/// (a leading `' '`), so segments concatenate to the paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Segment {
    Equal {
        text: String,
    },
    Delete {
        text: String,
    },
    Insert {
        text: String,
    },
    /// A sentence that moved to `to` (a block): its old text.
    MovedAway {
        to: String,
        text: String,
    },
    /// A sentence that came from `from`, with its inner edits.
    MovedHere {
        from: String,
        parts: Vec<Segment>,
    },
}

/// Why a block (or the whole letter) changed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Cause {
    /// A value of the case.
    Field {
        field: String,
        old: Option<String>,
        new: Option<String>,
    },
    /// The wording of a message, in the pack's version `new_version`.
    Message {
        id: String,
        locale: String,
        old_version: Option<String>,
        new_version: Option<String>,
    },
    /// The letter's locale.
    Locale { old: String, new: String },
    /// The pack's version (the letter-level note).
    Pack {
        id: String,
        old_version: String,
        new_version: String,
    },
    /// The style: another one, or its files changed.
    Style { old: String, new: String },
    /// The layout profile (page geometry).
    Profile { old: String, new: String },
}

/// One pack's messages, before and after, by message id.
#[derive(Debug, Clone, Serialize)]
pub struct PackDiff {
    pub pack: String,
    pub old_version: Option<String>,
    pub new_version: Option<String>,
    pub source_locale: String,
    pub messages: Vec<MessageDiff>,
}

/// One message id across the pack's locales, source first.
#[derive(Debug, Clone, Serialize)]
pub struct MessageDiff {
    pub id: String,
    pub locales: Vec<LocaleText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocaleText {
    pub locale: String,
    pub source: bool,
    pub status: TextStatus,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The word diff from `old` to `new`, when both exist and differ.
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextStatus {
    Unchanged,
    Added,
    Deleted,
    Modified,
    /// The source changed and this translation did not.
    Stale,
}

/// Tokens interned as numbers, so the differ compares integers.
#[derive(Debug, Default)]
struct Interner {
    ids: HashMap<(String, Kind), u32>,
}

impl Interner {
    fn intern(&mut self, tokens: &[Token]) -> Vec<u32> {
        tokens
            .iter()
            .map(|t| {
                let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                *self.ids.entry((t.text.clone(), t.kind)).or_insert(next)
            })
            .collect()
    }
}

fn diff_ops<T: Eq + std::hash::Hash + Ord>(old: &[T], new: &[T]) -> Vec<DiffOp> {
    similar::capture_diff_slices_deadline(
        Algorithm::Patience,
        old,
        new,
        Some(Instant::now() + DEADLINE),
    )
}

/// Text of `tokens`, with a leading space when the first one had one
/// (and is not the block's first token).
fn text_of(tokens: &[Token], lead: bool) -> String {
    let body = tokens::join(tokens);
    match tokens.first() {
        Some(first) if lead && first.space => format!(" {body}"),
        _ => body,
    }
}

/// Word by word: `old` to `new` as equal, deleted and inserted runs, and
/// the figures replaced. `old_first` and `new_first` tell whether the
/// tokens begin their block (so no space is shown before them).
fn word_diff(
    interner: &mut Interner,
    old: &[Token],
    new: &[Token],
    old_first: bool,
    new_first: bool,
) -> (Vec<Segment>, Vec<(String, String)>) {
    let a = interner.intern(old);
    let b = interner.intern(new);
    let mut out = Vec::new();
    let mut figures = Vec::new();
    for op in diff_ops(&a, &b) {
        let (tag, o, n) = op.as_tag_tuple();
        let lead_o = !(old_first && o.start == 0);
        let lead_n = !(new_first && n.start == 0);
        match tag {
            DiffTag::Equal => out.push(Segment::Equal {
                text: text_of(&new[n], lead_n),
            }),
            DiffTag::Delete => out.push(Segment::Delete {
                text: text_of(&old[o], lead_o),
            }),
            DiffTag::Insert => out.push(Segment::Insert {
                text: text_of(&new[n], lead_n),
            }),
            DiffTag::Replace => {
                figures.extend(figure_pairs(&old[o.clone()], &new[n.clone()]));
                out.push(Segment::Delete {
                    text: text_of(&old[o], lead_o),
                });
                out.push(Segment::Insert {
                    text: text_of(&new[n], lead_n),
                });
            }
        }
    }
    (out, figures)
}

/// How alike two token runs are, 0 to 1.
fn similarity(interner: &mut Interner, old: &[Token], new: &[Token]) -> f32 {
    let a = interner.intern(old);
    let b = interner.intern(new);
    similar::get_diff_ratio(&diff_ops(&a, &b), a.len(), b.len())
}

/// The figure tokens of a replaced run, paired old with new.
fn figure_pairs(old: &[Token], new: &[Token]) -> Vec<(String, String)> {
    let figures = |tokens: &[Token]| -> Vec<String> {
        tokens
            .iter()
            .filter(|t| t.kind == Kind::Figure)
            .map(|t| t.text.clone())
            .collect()
    };
    let (a, b) = (figures(old), figures(new));
    if a.len() != b.len() {
        return Vec::new();
    }
    a.into_iter().zip(b).filter(|(x, y)| x != y).collect()
}

/// Whether a printed value is a figure: it holds at least as many figure
/// tokens (numbers, amounts, references) as words.
fn is_figure(text: &str) -> bool {
    let tokens = tokens::tokenize(text);
    let figures = tokens.iter().filter(|t| t.kind == Kind::Figure).count();
    let words = tokens.iter().filter(|t| t.kind == Kind::Word).count();
    figures > 0 && figures >= words
}
