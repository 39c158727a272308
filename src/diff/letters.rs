//! Two versions of one case's Letter, compared block by block, sentence by
//! sentence, word by word.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use similar::DiffTag;

use super::tokens::{self, Kind, Token};
use super::{
    BlockDiff, Cause, Figure, Interner, LetterDiff, Segment, Status, diff_ops, is_figure,
    similarity, text_of,
};
use crate::history::Canon;
use crate::letter::{Letter, Part};
use crate::pack::field::variable_name;

/// A sentence this short is never taken for a move (`Merci.`).
const MIN_MOVE_WORDS: usize = 3;
/// How alike a deleted and an inserted sentence must be to be one move.
const MIN_MOVE_SIMILARITY: f32 = 0.6;

/// One side of the comparison: the Letter, the canonical text of its
/// locale's messages (to tell a reworded message from new data), and a
/// digest of its style's files.
#[derive(Debug, Clone, Copy)]
pub struct LetterSide<'a> {
    pub letter: &'a Letter,
    pub messages: &'a BTreeMap<String, Canon>,
    pub style_digest: &'a str,
}

/// Compares the letters of `case`; `None` when nothing a reader or the
/// printer would see changed.
pub fn compare_letters(
    case: &str,
    old: Option<LetterSide<'_>>,
    new: Option<LetterSide<'_>>,
) -> Option<LetterDiff> {
    let status = match (&old, &new) {
        (None, None) => return None,
        (None, Some(_)) => Status::Added,
        (Some(_), None) => Status::Deleted,
        (Some(_), Some(_)) => Status::Modified,
    };
    let old_units = old.map(|s| units(s.letter)).unwrap_or_default();
    let new_units = new.map(|s| units(s.letter)).unwrap_or_default();
    let mut differ = Differ::default();
    let old_keys: Vec<&str> = old_units.iter().map(|u| u.block.as_str()).collect();
    let new_keys: Vec<&str> = new_units.iter().map(|u| u.block.as_str()).collect();
    // Unchanged blocks have no pieces.
    let mut blocks: Vec<Aligned<'_>> = Vec::new();
    for op in diff_ops(&old_keys, &new_keys) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (a, b) in old_units[o].iter().zip(&new_units[n]) {
                blocks.push((Some(a), Some(b), differ.block(a, b)));
            }
            continue;
        }
        for a in &old_units[o] {
            blocks.push((Some(a), None, Ok(differ.whole(a, Which::Old))));
        }
        for b in &new_units[n] {
            blocks.push((None, Some(b), Ok(differ.whole(b, Which::New))));
        }
    }
    let moves = differ.pair_moves();

    let mut figures = Vec::new();
    let mut notes = Vec::new();
    let mut fields = BTreeMap::new();
    if let (Some(a), Some(b)) = (old, new) {
        fields = changed_fields(a.letter, b.letter);
        figures = field_figures(&fields);
        notes = letter_notes(a, b);
    }
    let mut out_blocks = Vec::new();
    let mut page = Vec::new();
    for (a, b, pieces) in blocks {
        let block = b.or(a).map(|u| u.block.clone()).unwrap_or_default();
        let part = b.or(a).map_or(Part::Body, |u| u.part);
        let pieces = match pieces {
            Ok(pieces) => pieces,
            Err(text) => {
                page.push(BlockDiff {
                    block,
                    part,
                    status: Status::Unchanged,
                    segments: vec![Segment::Equal { text }],
                    causes: Vec::new(),
                });
                continue;
            }
        };
        let segments = differ.resolve(pieces, &moves);
        let status = match (a, b) {
            (Some(_), Some(_)) => Status::Modified,
            (None, _) => Status::Added,
            (Some(_), None) => Status::Deleted,
        };
        let causes = match (old, new) {
            (Some(o), Some(n)) => causes(a, b, o, n, &fields),
            _ => Vec::new(),
        };
        let diff = BlockDiff {
            block,
            part,
            status,
            segments,
            causes,
        };
        page.push(diff.clone());
        out_blocks.push(diff);
    }
    differ.message_figures(&fields, &mut figures);
    // A new pack version that changes no word of this letter is not a
    // change of the letter.
    let only_pack = notes.iter().all(|n| matches!(n, Cause::Pack { .. }));
    if status == Status::Modified && out_blocks.is_empty() && only_pack {
        return None;
    }
    let side = |s: Option<LetterSide<'_>>| {
        s.map(|s| super::Side {
            pack: s.letter.pack.id.clone(),
            version: s.letter.pack.version.clone(),
            locale: s.letter.locale.clone(),
            style: s.letter.style.clone(),
            date: s.letter.date.clone(),
        })
    };
    Some(LetterDiff {
        case: case.to_owned(),
        status,
        old: side(old),
        new: side(new),
        figures,
        notes,
        blocks: out_blocks,
        page,
        letters: super::Letters {
            old: old.map(|s| Arc::new(s.letter.clone())),
            new: new.map(|s| Arc::new(s.letter.clone())),
        },
    })
}

/// A block of the old letter, of the new one, or both, and its pieces
/// (`Err`: unchanged, with its text).
type Aligned<'u> = (
    Option<&'u Unit>,
    Option<&'u Unit>,
    Result<Vec<Piece>, String>,
);

/// A block of a letter: the text of one message, or of part of the frame.
#[derive(Debug)]
struct Unit {
    block: String,
    part: Part,
    message: Option<String>,
    /// Case fields printed in it directly (not through a message).
    fields: Vec<String>,
    /// The list item (a reason code) a repeated section is for.
    item: Option<String>,
    text: String,
}

fn units(letter: &Letter) -> Vec<Unit> {
    let frame = |block: &str, part: Part, fields: &[&str], lines: Vec<&str>| Unit {
        block: block.to_owned(),
        part,
        message: None,
        fields: fields.iter().map(|f| (*f).to_owned()).collect(),
        item: None,
        text: lines
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
    };
    let message = |id: &str, part: Part, text: &str| Unit {
        block: id.to_owned(),
        part,
        message: Some(id.to_owned()),
        fields: Vec::new(),
        item: None,
        text: text.to_owned(),
    };
    let s = &letter.sender;
    let mut sender: Vec<&str> = vec![&s.name];
    sender.extend(s.address.iter().map(String::as_str));
    sender.extend(
        [&s.email, &s.phone]
            .into_iter()
            .filter_map(|o| o.as_deref()),
    );
    let r = &letter.recipient;
    let mut recipient: Vec<&str> = vec![&r.name];
    recipient.extend(r.address.iter().map(String::as_str));
    let mut out = vec![frame(
        "sender",
        Part::Sender,
        &[
            "sender.name",
            "sender.address",
            "sender.email",
            "sender.phone",
        ],
        sender,
    )];
    if let Some(postal) = &letter.postal {
        out.push(frame(
            "postal",
            Part::Postal,
            &["postal.mode", "postal.number"],
            vec![&postal.mention],
        ));
    }
    out.push(frame(
        "recipient",
        Part::Recipient,
        &["recipient.name", "recipient.address"],
        recipient,
    ));
    out.push(message(
        &letter.date_line.message,
        Part::DateLine,
        &letter.date_line.text,
    ));
    for reference in &letter.references {
        let mut unit = message(
            &reference.label.message,
            Part::Reference,
            &format!("{} {}", reference.label.text, reference.value),
        );
        unit.fields = vec![reference.field.clone()];
        out.push(unit);
    }
    out.push(message(
        &letter.subject.message,
        Part::Subject,
        &letter.subject.text,
    ));
    out.push(message(
        &letter.salutation.message,
        Part::Salutation,
        &letter.salutation.text,
    ));
    for p in &letter.body {
        let mut unit = message(&p.message, Part::Body, &p.text);
        unit.item.clone_from(&p.item);
        out.push(unit);
    }
    out.push(message(
        &letter.closing.message,
        Part::Closing,
        &letter.closing.text,
    ));
    let g = &letter.signature;
    out.push(frame(
        "signature",
        Part::Signature,
        &["signatory.name", "signatory.role", "sender.name"],
        vec![&g.name, &g.role, &g.organisation],
    ));
    for e in &letter.enclosures {
        out.push(message(&e.message, Part::Enclosure, &e.text));
    }
    // The footer, a block a line: the legal line (the sender's, else the
    // theme's), the office, the bank.
    for (block, line) in letter.footer.named_lines() {
        let fields: &[&str] = if block == "footer.legal" {
            &["sender.legal"]
        } else {
            &[]
        };
        out.push(frame(block, Part::Footer, fields, vec![&line]));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Old,
    New,
}

/// A part of a changed block before moves are known.
#[derive(Debug)]
enum Piece {
    Done(Segment),
    /// A sentence that left this block (index into `gone`).
    Gone(usize),
    /// A sentence that appeared in this block (index into `came`).
    Came(usize),
}

#[derive(Debug)]
struct Loose {
    block: String,
    tokens: Vec<Token>,
    /// Whether it begins its block (no space before it is shown).
    first: bool,
}

#[derive(Debug, Default)]
struct Differ {
    interner: Interner,
    sentences: HashMap<Vec<u32>, u32>,
    gone: Vec<Loose>,
    came: Vec<Loose>,
    /// Figure pairs seen in word diffs, with the block they are in.
    figures: Vec<(String, String, String)>,
}

impl Differ {
    /// The pieces of a block present on both sides, or its text if its
    /// words are the same (reflow and spacing are not changes).
    fn block(&mut self, old: &Unit, new: &Unit) -> Result<Vec<Piece>, String> {
        let ot = tokens::tokenize(&old.text);
        let nt = tokens::tokenize(&new.text);
        if ot == nt {
            return Err(text_of(&nt, false));
        }
        let os = tokens::sentences(&ot);
        let ns = tokens::sentences(&nt);
        let oid = self.sentence_ids(&ot, &os);
        let nid = self.sentence_ids(&nt, &ns);
        let span = |ranges: &[std::ops::Range<usize>], r: std::ops::Range<usize>| {
            if r.is_empty() {
                0..0
            } else {
                ranges[r.start].start..ranges[r.end - 1].end
            }
        };
        let mut pieces = Vec::new();
        for op in diff_ops(&oid, &nid) {
            let (tag, o, n) = op.as_tag_tuple();
            match tag {
                DiffTag::Equal => {
                    let r = span(&ns, n);
                    pieces.push(Piece::Done(Segment::Equal {
                        text: text_of(&nt[r.clone()], r.start > 0),
                    }));
                }
                DiffTag::Delete => {
                    for r in &os[o] {
                        pieces.push(self.loose(
                            &old.block,
                            &ot[r.clone()],
                            r.start == 0,
                            Which::Old,
                        ));
                    }
                }
                DiffTag::Insert => {
                    for r in &ns[n] {
                        pieces.push(self.loose(
                            &new.block,
                            &nt[r.clone()],
                            r.start == 0,
                            Which::New,
                        ));
                    }
                }
                DiffTag::Replace => {
                    let (a, b) = (span(&os, o), span(&ns, n));
                    let segments = self.words(
                        &new.block,
                        &ot[a.clone()],
                        &nt[b.clone()],
                        a.start == 0,
                        b.start == 0,
                    );
                    pieces.extend(segments.into_iter().map(Piece::Done));
                }
            }
        }
        Ok(pieces)
    }

    /// The pieces of a block present on one side only: each sentence may
    /// have moved from or to another block.
    fn whole(&mut self, unit: &Unit, side: Which) -> Vec<Piece> {
        let t = tokens::tokenize(&unit.text);
        tokens::sentences(&t)
            .into_iter()
            .map(|r| self.loose(&unit.block, &t[r.clone()], r.start == 0, side))
            .collect()
    }

    fn loose(&mut self, block: &str, tokens: &[Token], first: bool, side: Which) -> Piece {
        let loose = Loose {
            block: block.to_owned(),
            tokens: tokens.to_vec(),
            first,
        };
        match side {
            Which::Old => {
                self.gone.push(loose);
                Piece::Gone(self.gone.len() - 1)
            }
            Which::New => {
                self.came.push(loose);
                Piece::Came(self.came.len() - 1)
            }
        }
    }

    fn sentence_ids(&mut self, tokens: &[Token], ranges: &[std::ops::Range<usize>]) -> Vec<u32> {
        ranges
            .iter()
            .map(|r| {
                let ids = self.interner.intern(&tokens[r.clone()]);
                let next = u32::try_from(self.sentences.len()).unwrap_or(u32::MAX);
                *self.sentences.entry(ids).or_insert(next)
            })
            .collect()
    }

    /// A word diff, remembering the figures it replaces.
    fn words(
        &mut self,
        block: &str,
        old: &[Token],
        new: &[Token],
        old_first: bool,
        new_first: bool,
    ) -> Vec<Segment> {
        let (segments, pairs) =
            super::word_diff(&mut self.interner, old, new, old_first, new_first);
        self.figures
            .extend(pairs.into_iter().map(|(a, b)| (block.to_owned(), a, b)));
        segments
    }

    /// Pairs each sentence that left a block with the most alike sentence
    /// that appeared somewhere, if alike enough: a move.
    fn pair_moves(&mut self) -> HashMap<usize, usize> {
        let mut pairs = HashMap::new();
        let mut taken = BTreeSet::new();
        for (g, gone) in self.gone.iter().enumerate() {
            let words = gone.tokens.iter().filter(|t| t.kind != Kind::Punct).count();
            if words < MIN_MOVE_WORDS {
                continue;
            }
            let mut best: Option<(usize, f32)> = None;
            for (c, came) in self.came.iter().enumerate() {
                if taken.contains(&c) {
                    continue;
                }
                let score = similarity(&mut self.interner, &gone.tokens, &came.tokens);
                if score >= MIN_MOVE_SIMILARITY && best.is_none_or(|(_, s)| score > s) {
                    best = Some((c, score));
                }
            }
            if let Some((c, _)) = best {
                taken.insert(c);
                pairs.insert(g, c);
            }
        }
        pairs
    }

    /// The segments of a block, moves resolved; figures changed inside
    /// its words (and not explained by a field) join `figures`.
    fn resolve(&mut self, pieces: Vec<Piece>, moves: &HashMap<usize, usize>) -> Vec<Segment> {
        let from: HashMap<usize, usize> = moves.iter().map(|(g, c)| (*c, *g)).collect();
        let mut out = Vec::new();
        for piece in pieces {
            let segment = match piece {
                Piece::Done(s) => s,
                Piece::Gone(g) => {
                    let gone = &self.gone[g];
                    let text = text_of(&gone.tokens, !gone.first);
                    match moves.get(&g) {
                        Some(c) => Segment::MovedAway {
                            to: self.came[*c].block.clone(),
                            text,
                        },
                        None => Segment::Delete { text },
                    }
                }
                Piece::Came(c) => match from.get(&c) {
                    Some(g) => {
                        let (old, new) =
                            (self.gone[*g].tokens.clone(), self.came[c].tokens.clone());
                        let block = self.came[c].block.clone();
                        let first = self.came[c].first;
                        let parts = self.words(&block, &old, &new, first, first);
                        Segment::MovedHere {
                            from: self.gone[*g].block.clone(),
                            parts,
                        }
                    }
                    None => {
                        let came = &self.came[c];
                        Segment::Insert {
                            text: text_of(&came.tokens, !came.first),
                        }
                    }
                },
            };
            push_merged(&mut out, segment);
        }
        out
    }

    /// The figures replaced inside the words of messages that no changed
    /// field explains, labelled by their block, once each.
    fn message_figures(
        &mut self,
        fields: &BTreeMap<String, (Option<String>, Option<String>)>,
        figures: &mut Vec<Figure>,
    ) {
        // Field values as tokens print them (spacing normalised).
        let explained: BTreeSet<String> = fields
            .values()
            .flat_map(|(a, b)| [a.as_deref(), b.as_deref()])
            .flatten()
            .map(|v| tokens::join(&tokens::tokenize(v)))
            .collect();
        for (label, old, new) in self.figures.drain(..) {
            let from_field = explained
                .iter()
                .any(|v| v.contains(old.as_str()) || v.contains(new.as_str()));
            let figure = Figure { label, old, new };
            if !from_field && !figures.contains(&figure) {
                figures.push(figure);
            }
        }
    }
}

/// Appends `segment`, joined to the last one when both are of the same
/// plain kind: the sentences of a new block are one insertion.
fn push_merged(out: &mut Vec<Segment>, segment: Segment) {
    match (out.last_mut(), segment) {
        (Some(Segment::Equal { text: a }), Segment::Equal { text: b })
        | (Some(Segment::Delete { text: a }), Segment::Delete { text: b })
        | (Some(Segment::Insert { text: a }), Segment::Insert { text: b }) => a.push_str(&b),
        (_, segment) => out.push(segment),
    }
}

/// The case fields whose printed value differs, with both values.
fn changed_fields(
    old: &Letter,
    new: &Letter,
) -> BTreeMap<String, (Option<String>, Option<String>)> {
    let keys: BTreeSet<&String> = old.fields.keys().chain(new.fields.keys()).collect();
    keys.into_iter()
        .filter(|k| !matches!(k.as_str(), "pack" | "locale" | "style" | "profile"))
        .filter_map(|k| {
            let (a, b) = (old.fields.get(k), new.fields.get(k));
            (a != b).then(|| (k.clone(), (a.cloned(), b.cloned())))
        })
        .collect()
}

fn field_figures(fields: &BTreeMap<String, (Option<String>, Option<String>)>) -> Vec<Figure> {
    fields
        .iter()
        .filter(|(_, (a, b))| a.as_deref().or(b.as_deref()).is_some_and(is_figure))
        .map(|(key, (a, b))| Figure {
            label: key.clone(),
            old: a.clone().unwrap_or_default(),
            new: b.clone().unwrap_or_default(),
        })
        .collect()
}

fn letter_notes(old: LetterSide<'_>, new: LetterSide<'_>) -> Vec<Cause> {
    let (a, b) = (old.letter, new.letter);
    let mut notes = Vec::new();
    if a.pack != b.pack {
        notes.push(Cause::Pack {
            id: b.pack.id.clone(),
            old_version: a.pack.version.clone(),
            new_version: b.pack.version.clone(),
        });
    }
    if a.locale != b.locale {
        notes.push(Cause::Locale {
            old: a.locale.clone(),
            new: b.locale.clone(),
        });
    }
    if a.style != b.style || old.style_digest != new.style_digest {
        notes.push(Cause::Style {
            old: a.style.clone(),
            new: b.style.clone(),
        });
    }
    if a.layout != b.layout {
        notes.push(Cause::Profile {
            old: a.layout.name.clone(),
            new: b.layout.name.clone(),
        });
    }
    notes
}

/// Why a block changed: its message's wording, the case fields it prints
/// (directly or as variables of its message), the list item it is for.
fn causes(
    a: Option<&Unit>,
    b: Option<&Unit>,
    old: LetterSide<'_>,
    new: LetterSide<'_>,
    fields: &BTreeMap<String, (Option<String>, Option<String>)>,
) -> Vec<Cause> {
    let mut out = BTreeSet::new();
    let message = b.or(a).and_then(|u| u.message.clone());
    let mut variables = BTreeSet::new();
    if let Some(id) = &message {
        let (ca, cb) = (old.messages.get(id), new.messages.get(id));
        if ca.map(|c| &c.text) != cb.map(|c| &c.text) {
            out.insert(Cause::Message {
                id: id.clone(),
                locale: new.letter.locale.clone(),
                old_version: ca.map(|_| old.letter.pack.version.clone()),
                new_version: cb.map(|_| new.letter.pack.version.clone()),
            });
        }
        for canon in [ca, cb].into_iter().flatten() {
            variables.extend(canon.variables.iter().cloned());
        }
    }
    let direct: BTreeSet<&str> = [a, b]
        .into_iter()
        .flatten()
        .flat_map(|u| u.fields.iter().map(String::as_str))
        .collect();
    let item = b.or(a).and_then(|u| u.item.clone());
    for (key, (va, vb)) in fields {
        let name = variable_name(key);
        let listed = |v: &Option<String>, code: &str| {
            v.as_deref()
                .is_some_and(|v| v.split(", ").any(|c| c == code))
        };
        let by_item = item
            .as_deref()
            .is_some_and(|code| listed(va, code) != listed(vb, code));
        if direct.contains(key.as_str())
            || variables.contains(&name)
            || variables.contains(&format!("{name}-count"))
            || by_item
        {
            out.insert(Cause::Field {
                field: key.clone(),
                old: va.clone(),
                new: vb.clone(),
            });
        }
    }
    if out.is_empty() && old.letter.locale != new.letter.locale {
        out.insert(Cause::Locale {
            old: old.letter.locale.clone(),
            new: new.letter.locale.clone(),
        });
    }
    out.into_iter().collect()
}
