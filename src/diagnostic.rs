//! Diagnostics: what lettrine says about a bad input, pointing into the file
//! (pack manifest, `.ftl`, case, style) with a span, a label and hints. The
//! library only builds them; the command line renders them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

/// Ordered from the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Reported and counted, never failing a run: what a partial locale
    /// leaves to the run-time fallback.
    Note,
}

/// A file a diagnostic points into: the name shown to the user and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub name: String,
    pub text: Arc<str>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The span of the first occurrence of `needle`, or an empty span at
    /// the start when it is not there.
    pub fn span_of(&self, needle: &str) -> Range<usize> {
        self.text
            .find(needle)
            .map_or(0..0, |start| start..start + needle.len())
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or(&self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable identifier of the kind of problem, e.g. `case::unknown-key`.
    pub code: Cow<'static, str>,
    pub message: String,
    pub file: Option<SourceFile>,
    pub span: Option<Range<usize>>,
    /// Short text shown under the caret.
    pub label: Option<String>,
    pub hints: Vec<String>,
    /// The locale the problem is in, for diagnostics about translations.
    pub locale: Option<String>,
    /// The Fluent message (or `-term`) the problem is in.
    pub message_id: Option<String>,
    /// The case field the problem is about (`order.amount`).
    pub field: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn note(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, message)
    }

    pub fn new(
        severity: Severity,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            code: code.into(),
            message: message.into(),
            file: None,
            span: None,
            label: None,
            hints: Vec::new(),
            locale: None,
            message_id: None,
            field: None,
        }
    }

    /// Says which locale, and which message of it, the problem is in.
    pub fn about(mut self, locale: &str, message_id: Option<&str>) -> Self {
        self.locale = Some(locale.to_owned());
        self.message_id = message_id.map(str::to_owned);
        self
    }

    /// Points the diagnostic at `span` of `file`.
    pub fn at(mut self, file: &SourceFile, span: Range<usize>) -> Self {
        self.file = Some(file.clone());
        self.span = Some(span);
        self
    }

    /// Names the file without pointing at a place in it.
    pub fn in_file(mut self, file: &SourceFile) -> Self {
        self.file = Some(file.clone());
        self
    }

    /// Names the case field the problem is about.
    pub fn field(mut self, key: impl Into<String>) -> Self {
        self.field = Some(key.into());
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// `file:line:column`, or just the file name, or nothing.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match &self.span {
            Some(span) => {
                let (line, col) = file.line_col(span.start);
                format!("{}:{line}:{col}", file.name)
            }
            None => file.name.clone(),
        })
    }
}

/// The candidate closest to `word`, for "did you mean" hints: at most two
/// edits away, or a third of the candidate's length for long ones.
/// Candidates whose length alone puts them too far are not compared, so a
/// huge word costs one count of its characters.
pub fn closest<'a>(candidates: impl IntoIterator<Item = &'a str>, word: &str) -> Option<&'a str> {
    let length = word.chars().count();
    candidates
        .into_iter()
        .filter_map(|c| {
            let (c_length, most) = (c.chars().count(), 2.max(c.len() / 3));
            if c_length.abs_diff(length) > most {
                return None;
            }
            let distance = strsim::damerau_levenshtein(c, word);
            (distance <= most).then_some((distance, c))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// How many problems are reported in one file; one more diagnostic says
/// how many were left out. A file of millions of mistakes would otherwise
/// print millions of errors, each with its line.
pub const MAX_PER_FILE: usize = 100;

/// Keeps the first [`MAX_PER_FILE`] diagnostics of each file (and of those
/// in no file), in their order, and adds one per file that had more,
/// saying how many were left out.
pub fn limit(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if diagnostics.len() <= MAX_PER_FILE {
        return diagnostics;
    }
    // Per file: how many were seen, and the left-out ones' worst severity.
    let mut seen: Vec<(Option<SourceFile>, usize, Option<Severity>)> = Vec::new();
    let mut index: HashMap<Option<String>, usize> = HashMap::new();
    let mut kept = Vec::new();
    for d in diagnostics {
        let name = d.file.as_ref().map(|f| f.name.clone());
        let at = *index.entry(name).or_insert_with(|| {
            seen.push((d.file.clone(), 0, None));
            seen.len() - 1
        });
        let (_, count, left_out) = &mut seen[at];
        *count += 1;
        if *count <= MAX_PER_FILE {
            kept.push(d);
        } else {
            *left_out = Some(left_out.map_or(d.severity, |s| s.min(d.severity)));
        }
    }
    for (file, count, left_out) in seen {
        let Some(severity) = left_out else { continue };
        let more = count - MAX_PER_FILE;
        let mut d = Diagnostic::new(
            severity,
            "input::too-many",
            format!("{more} more problems are not shown"),
        )
        .hint("fix the ones above, then check again");
        if let Some(file) = &file {
            d = d.in_file(file);
        }
        kept.push(d);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let file = SourceFile::new("a.toml", "x = 1\nnom = \"é\" z\n");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(6), (2, 1));
        // byte 15 is the closing quote: "é" is two bytes but one column.
        assert_eq!(file.line_col(15), (2, 9));
        assert_eq!(file.line_col(1000), (3, 1));
    }

    #[test]
    fn closest_suggests_near_misses_only() {
        let codes = ["custom-made", "in-store-purchase", "guarantee-expired"];
        assert_eq!(closest(codes, "custommade"), Some("custom-made"));
        assert_eq!(closest(codes, "buyers-remorse"), None);
    }
}
