//! Rendering errors and diagnostics for the terminal: the source line, a
//! caret and hints through codespan-reporting, in colour when asked.

use std::io::{self, IsTerminal, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::{Error as FilesError, Files, SimpleFile};
use codespan_reporting::term::{self, Config, termcolor};

use lettrine::Error;
use lettrine::diagnostic::{Diagnostic, Severity, SourceFile};

/// `--color`: when to colour what lettrine prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether standard output gets colour.
    pub fn stdout(self) -> bool {
        self.enabled(io::stdout().is_terminal())
    }

    /// Whether standard error gets colour.
    pub fn stderr(self) -> bool {
        self.enabled(io::stderr().is_terminal())
    }

    fn enabled(self, terminal: bool) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal,
        }
    }
}

/// Renders `error` on standard error.
pub fn error(error: &Error, color: bool) {
    match error {
        Error::Invalid(diagnostics) => {
            for d in diagnostics {
                diagnostic(d, color);
            }
            if diagnostics.len() > 1 {
                plain(&format!("{} errors", diagnostics.len()), None, color);
            }
        }
        Error::Usage { message, hint } => plain(message, hint.as_deref(), color),
        other => plain(&other.to_string(), None, color),
    }
}

/// `error: …` and `hint: …` for errors with no source position.
pub fn plain(message: &str, hint: Option<&str>, color: bool) {
    let mut report = Report::error().with_message(message);
    if let Some(hint) = hint {
        report = report.with_notes(vec![format!("hint: {hint}")]);
    }
    emit(&SimpleFile::new("", ""), &report, color);
}

/// One diagnostic, with its source line and caret when it has a place.
pub fn diagnostic(d: &Diagnostic, color: bool) {
    render(d, false, color);
}

/// One diagnostic, its code in the header (`warning[l10n::missing]`), as
/// lint prints them.
pub fn diagnostic_with_code(d: &Diagnostic, color: bool) {
    render(d, true, color);
}

fn render(d: &Diagnostic, with_code: bool, color: bool) {
    let severity = match d.severity {
        Severity::Error => ReportSeverity::Error,
        Severity::Warning => ReportSeverity::Warning,
        Severity::Note => ReportSeverity::Note,
    };
    let mut report = Report::new(severity).with_message(&d.message);
    if with_code {
        report = report.with_code(d.code.to_string());
    }
    report = report.with_notes(d.hints.iter().map(|h| format!("hint: {h}")).collect());
    match (&d.file, &d.span) {
        // A line too long to show (a file on one line) is named, not printed.
        (Some(file), Some(span)) if line_length(&file.text, span.start) > MAX_SHOWN_LINE => {
            let location = d.location().unwrap_or_default();
            report.message = format!("{location}: {}", d.message);
        }
        (Some(file), Some(span)) => {
            let (excerpt, span) = Excerpt::new(file, clamp(&file.text, span.clone()));
            let mut label = Label::primary((), span);
            if let Some(text) = &d.label {
                label = label.with_message(text);
            }
            emit(&excerpt, &report.with_labels(vec![label]), color);
            return;
        }
        (Some(file), None) => {
            report.message = format!("{}: {}", file.name, d.message);
        }
        _ => {}
    }
    emit(&SimpleFile::new("", ""), &report, color);
}

/// The lines of a file that a diagnostic points at, numbered as in the
/// whole file. codespan-reporting sees only these, so printing a
/// diagnostic costs the length of its lines, not of its file: a hundred
/// errors in a 16 MiB file copy and index nothing.
struct Excerpt<'a> {
    name: &'a str,
    /// Whole lines of the file, from the one holding the span's start to
    /// the one holding its end, with its line break.
    text: &'a str,
    /// The line number of `text`'s first line in the file, from 0.
    first_line: usize,
    /// Where each line of `text` starts.
    starts: Vec<usize>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt around `span`, and the span in it.
    fn new(file: &'a SourceFile, span: std::ops::Range<usize>) -> (Self, std::ops::Range<usize>) {
        let text = &*file.text;
        let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i + 1);
        let excerpt = &text[start..end];
        let excerpt = Self {
            name: &file.name,
            text: excerpt,
            first_line: file.line_col(start).0 - 1,
            starts: codespan_reporting::files::line_starts(excerpt).collect(),
        };
        (excerpt, span.start - start..span.end - start)
    }

    fn line_start(&self, line: usize) -> Result<usize, FilesError> {
        match line.cmp(&self.starts.len()) {
            std::cmp::Ordering::Less => Ok(self.starts[line]),
            std::cmp::Ordering::Equal => Ok(self.text.len()),
            std::cmp::Ordering::Greater => Err(FilesError::LineTooLarge {
                given: line,
                max: self.starts.len() - 1,
            }),
        }
    }
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.text)
    }

    fn line_index(&'a self, (): (), byte: usize) -> Result<usize, FilesError> {
        Ok(self
            .starts
            .binary_search(&byte)
            .unwrap_or_else(|next| next - 1))
    }

    fn line_number(&'a self, (): (), line: usize) -> Result<usize, FilesError> {
        Ok(self.first_line + line + 1)
    }

    fn line_range(&'a self, (): (), line: usize) -> Result<std::ops::Range<usize>, FilesError> {
        Ok(self.line_start(line)?..self.line_start(line + 1)?)
    }
}

/// The longest source line printed under a diagnostic, in bytes.
const MAX_SHOWN_LINE: usize = 1000;

/// The length in bytes of the line holding byte `at`.
fn line_length(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let bytes = text.as_bytes();
    let start = bytes[..at]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let end = bytes[at..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(bytes.len(), |i| at + i);
    end - start
}

/// A span on character boundaries, inside the text.
fn clamp(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (fix(span.start), fix(span.end));
    start..end.max(start)
}

fn emit<'f, F: Files<'f>>(files: &'f F, report: &Report<F::FileId>, color: bool) {
    let config = Config::default();
    let result = if color {
        let mut stream = termcolor::StandardStream::stderr(termcolor::ColorChoice::Always);
        term::emit_to_write_style(&mut stream, &config, files, report)
    } else {
        let mut buffer = Vec::new();
        let result = term::emit_to_io_write(&mut buffer, &config, files, report);
        let _ = io::stderr().write_all(&buffer);
        result
    };
    if result.is_err() {
        let _ = writeln!(io::stderr(), "error: {}", report.message);
    }
}
