//! The library's error type. Input problems carry diagnostics that point into
//! files; the command line maps each variant to an exit code.

use std::io;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A case, a pack or a style is wrong; each diagnostic says where and why.
    #[error("{}", summary(.0))]
    Invalid(Vec<Diagnostic>),
    /// An input file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: io::Error,
    },
    /// An output could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The command was asked something it cannot do.
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },
}

fn summary(diagnostics: &[Diagnostic]) -> String {
    match diagnostics {
        [] => "invalid input".to_owned(),
        [one] => one.message.clone(),
        [first, rest @ ..] => format!("{} (and {} more)", first.message, rest.len()),
    }
}

impl Error {
    pub fn invalid(diagnostic: Diagnostic) -> Self {
        Self::Invalid(vec![diagnostic])
    }

    pub fn usage(message: impl Into<String>, hint: Option<String>) -> Self {
        Self::Usage {
            message: message.into(),
            hint,
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(diagnostic: Diagnostic) -> Self {
        Self::invalid(diagnostic)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
