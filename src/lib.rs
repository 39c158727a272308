//! lettrine compiles versioned Fluent message packs and Typst layouts into
//! typeset business letters, and diffs their revisions.
//!
//! The flow: a [`case::CaseFile`] is checked against a [`pack::Pack`]'s
//! fields, the pack's messages are formatted ([`l10n`]) into a
//! [`letter::Letter`], and a [`render::Renderer`] typesets it with a style.

pub mod archive;
pub mod batch;
pub mod builder;
pub mod case;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod ftl;
pub mod history;
pub mod l10n;
pub mod letter;
pub mod lint;
pub mod output;
pub mod pack;
pub mod profile;
pub mod render;
pub mod revision;
pub mod status;
pub mod theme;
pub mod workers;

pub use error::{Error, Result};
