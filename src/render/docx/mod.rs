//! Word: a Letter as an editable .docx, and a letter's redline as a .docx
//! whose changes are real tracked changes (insertions, deletions, moves)
//! with a comment on each changed block saying why it changed.
//!
//! No Typst here: the renderer reads the Letter (and, for a redline, the
//! comparison) and nothing else. The page follows the letter's layout
//! profile: the letterhead, the postal mention, the address and (DIN 5008)
//! the information block are frames at the profile's positions, so the
//! address shows through the envelope's window; the rest flows from the
//! profile's reference line. The footer prints the legal line, the office
//! and the bank, and "Page x / y" (Word fields) once the letter runs past
//! one page; a draft's review notice heads every page.
//!
//! The package is written directly (see [`package`]): fixed part order,
//! entry dates from the letter's date, revision ids from one counter in
//! document order, so the same letter gives the same bytes.

mod body;
mod compose;
mod package;
mod picture;
mod redline;
pub mod xml;

pub use body::Stamp;
pub use compose::{Redline, letter, redline};
