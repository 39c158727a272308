//! A redline's blocks: each block of the comparison as pieces marked for
//! Word (insertions, deletions, moves in their named ranges), with a
//! comment saying why it changed.

use std::collections::HashMap;

use super::body::{Mark, Piece, Whole};
use super::compose::Block;
use crate::diff::{BlockDiff, Cause, LetterDiff, Segment, Status};
use crate::letter::Part;

/// The blocks of a redline: every block of the letter, changed ones as
/// tracked changes with a comment saying why. An unchanged block is the
/// letter's own text (`letter`: the blocks of the letter laid out), with
/// its spacing and direction marks, not the comparison's words.
pub(super) fn blocks(diff: &LetterDiff, letter: &[Block]) -> Vec<Block> {
    let mut moves = Moves::default();
    let mut seen: HashMap<(Part, &str), usize> = HashMap::new();
    let mut out: Vec<Block> = diff
        .page
        .iter()
        .map(|block| {
            // The n-th block of that name in the letter laid out (a
            // deleted block is not in it).
            let own = (block.status != Status::Deleted)
                .then(|| {
                    let nth = seen.entry((block.part, block.block.as_str())).or_default();
                    *nth += 1;
                    letter
                        .iter()
                        .filter(|b| b.part == block.part && b.name == block.block)
                        .nth(*nth - 1)
                })
                .flatten();
            let compared = segment_pieces(block, &mut moves);
            let pieces = match own {
                Some(own)
                    if block.status == Status::Unchanged && same_words(&own.pieces, &compared) =>
                {
                    own.pieces.clone()
                }
                _ => compared,
            };
            let comment = (block.status != Status::Unchanged).then(|| why(block));
            Block {
                part: block.part,
                name: block.block.clone(),
                pieces,
                whole: match block.status {
                    Status::Added => Some(Whole::Inserted),
                    Status::Deleted => Some(Whole::Deleted),
                    Status::Modified | Status::Unchanged => None,
                },
                comment,
            }
        })
        .collect();
    // The whole letter's changes (pack, style, profile, locale) are told
    // on its subject, and so are the footer's: Word takes no comment in a
    // footer.
    let mut lines: Vec<String> = diff
        .notes
        .iter()
        .map(|n| format!("Whole letter: {}", describe(n)))
        .collect();
    for footer in out.iter_mut().filter(|b| b.part == Part::Footer) {
        if let Some(comment) = footer.comment.take() {
            lines.extend(comment.into_iter().map(|c| format!("Footer: {c}")));
        }
    }
    if !lines.is_empty()
        && let Some(subject) = out.iter_mut().find(|b| b.part == Part::Subject)
    {
        lines.extend(subject.comment.take().unwrap_or_default());
        subject.comment = Some(lines);
    }
    out
}

/// Whether two runs of pieces hold the same words (as the comparison
/// tokenizes them).
fn same_words(a: &[Piece], b: &[Piece]) -> bool {
    let text = |pieces: &[Piece]| -> String {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    };
    crate::diff::tokens::tokenize(&text(a)) == crate::diff::tokens::tokenize(&text(b))
}

/// Why a block changed, as the comment says it: each cause, with the
/// field's values.
fn why(block: &BlockDiff) -> Vec<String> {
    let mut lines: Vec<String> = block.causes.iter().map(describe).collect();
    if lines.is_empty() {
        lines.push(match block.status {
            Status::Added => format!("{}: new block", block.block),
            Status::Deleted => format!("{}: block removed", block.block),
            _ => format!("{}: changed", block.block),
        });
    }
    lines
}

fn describe(cause: &Cause) -> String {
    match cause {
        Cause::Field { field, old, new } => {
            let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
            format!(
                "case field {field} changed: {} → {}",
                value(old),
                value(new)
            )
        }
        other => crate::render::report::cause(other),
    }
}

/// Names of moves: the k-th sentence that moved from block A to block B
/// is the same move at both ends.
#[derive(Debug, Default)]
struct Moves {
    names: HashMap<(String, String, usize), String>,
    away: HashMap<(String, String), usize>,
    here: HashMap<(String, String), usize>,
}

impl Moves {
    fn name(&mut self, from: &str, to: &str, arriving: bool) -> String {
        let pair = (from.to_owned(), to.to_owned());
        let counts = if arriving {
            &mut self.here
        } else {
            &mut self.away
        };
        let count = counts.entry(pair).or_default();
        let key = (from.to_owned(), to.to_owned(), *count);
        *count += 1;
        let next = self.names.len() + 1;
        self.names
            .entry(key)
            .or_insert_with(|| format!("lettrineMove{next}"))
            .clone()
    }
}

/// A block's segments as pieces. Frames (sender, recipient, signature)
/// join their lines with ` · `; they become line breaks again.
fn segment_pieces(block: &BlockDiff, moves: &mut Moves) -> Vec<Piece> {
    let lines = matches!(block.part, Part::Sender | Part::Recipient | Part::Signature);
    let text = |t: &str| {
        if lines {
            t.replace(" · ", "\n")
        } else {
            t.to_owned()
        }
    };
    let mut out = Vec::new();
    for segment in &block.segments {
        match segment {
            Segment::Equal { text: t } => out.push(Piece::plain(text(t))),
            Segment::Delete { text: t } => out.push(Piece::marked(text(t), Mark::Delete)),
            Segment::Insert { text: t } => out.push(Piece::marked(text(t), Mark::Insert)),
            Segment::MovedAway { to, text: t } => {
                let name = moves.name(&block.block, to, false);
                out.push(Piece::RangeStart {
                    from: true,
                    name: name.clone(),
                });
                out.push(Piece::marked(text(t), Mark::MoveFrom(name.clone())));
                out.push(Piece::RangeEnd { from: true, name });
            }
            Segment::MovedHere { from, parts } => {
                let name = moves.name(from, &block.block, true);
                out.push(Piece::RangeStart {
                    from: false,
                    name: name.clone(),
                });
                // The moved sentence as it reads now: its words that stayed
                // as moved text, the words it gained as insertions. The
                // words it lost are in the old place's moved text, so
                // rejecting the move gives back exactly the old sentence.
                for part in parts {
                    match part {
                        Segment::Equal { text: t } => {
                            out.push(Piece::marked(text(t), Mark::MoveTo(name.clone())));
                        }
                        Segment::Insert { text: t } => {
                            out.push(Piece::marked(text(t), Mark::Insert));
                        }
                        _ => {}
                    }
                }
                out.push(Piece::RangeEnd { from: false, name });
            }
        }
    }
    merged(out)
}

/// Pieces with the same mark side by side joined: one tracked change
/// where Word and LibreOffice would see one.
pub(super) fn merged(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let (
            Some(Piece::Text {
                text: a,
                mark: ma,
                look: la,
            }),
            Piece::Text {
                text: b,
                mark: mb,
                look: lb,
            },
        ) = (out.last_mut(), &piece)
            && ma == mb
            && la == lb
        {
            a.push_str(b);
            continue;
        }
        out.push(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(name: &str, segments: Vec<Segment>) -> BlockDiff {
        BlockDiff {
            block: name.to_owned(),
            part: Part::Body,
            status: Status::Modified,
            segments,
            causes: Vec::new(),
        }
    }

    #[test]
    fn a_move_has_one_name_at_both_ends_and_keeps_only_its_new_words() {
        let mut moves = Moves::default();
        let away = block(
            "concession",
            vec![Segment::MovedAway {
                to: "discuss".to_owned(),
                text: " Il témoigne simplement de notre attachement.".to_owned(),
            }],
        );
        let here = block(
            "discuss",
            vec![Segment::MovedHere {
                from: "concession".to_owned(),
                parts: vec![
                    Segment::Equal {
                        text: "Il témoigne".to_owned(),
                    },
                    Segment::Delete {
                        text: " simplement".to_owned(),
                    },
                    Segment::Equal {
                        text: " de notre attachement.".to_owned(),
                    },
                    Segment::Insert {
                        text: " Merci.".to_owned(),
                    },
                ],
            }],
        );
        let from = segment_pieces(&away, &mut moves);
        let to = segment_pieces(&here, &mut moves);
        let name = "lettrineMove1".to_owned();
        assert_eq!(
            from,
            vec![
                Piece::RangeStart {
                    from: true,
                    name: name.clone()
                },
                Piece::marked(
                    " Il témoigne simplement de notre attachement.",
                    Mark::MoveFrom(name.clone())
                ),
                Piece::RangeEnd {
                    from: true,
                    name: name.clone()
                },
            ]
        );
        // The words it kept, joined into one moved run (the dropped word
        // is in the old place's text), then the word it gained.
        assert_eq!(
            to,
            vec![
                Piece::RangeStart {
                    from: false,
                    name: name.clone()
                },
                Piece::marked(
                    "Il témoigne de notre attachement.",
                    Mark::MoveTo(name.clone())
                ),
                Piece::marked(" Merci.", Mark::Insert),
                Piece::RangeEnd { from: false, name },
            ]
        );
    }

    #[test]
    fn frames_get_their_lines_back() {
        let mut moves = Moves::default();
        let mut recipient = block(
            "recipient",
            vec![
                Segment::Equal {
                    text: "Claire Dupont · 8 avenue Jean Jaurès".to_owned(),
                },
                Segment::Insert {
                    text: " · Bâtiment B".to_owned(),
                },
            ],
        );
        recipient.part = Part::Recipient;
        assert_eq!(
            segment_pieces(&recipient, &mut moves),
            vec![
                Piece::plain("Claire Dupont\n8 avenue Jean Jaurès"),
                Piece::marked("\nBâtiment B", Mark::Insert),
            ]
        );
    }
}
