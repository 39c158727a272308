//! Cases linted as `build` reads them: every case of a file, a table or a
//! folder checked against its pack (every problem at once, per row, on
//! every core, nothing typeset), and the free text staff type into a case
//! (the pack's own text fields, not the frame's names and addresses)
//! checked as a message is: spelling, grammar, tone and forbidden claims,
//! each finding pointing at the value in the case file or the table.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::lexicon::normalise;
use super::{Lexicon, Report, Target, grammar, text};
use crate::batch::Source;
use crate::builder::{Builder, Overrides};
use crate::case::{Base, CaseFile};
use crate::diagnostic::{Diagnostic, Severity, SourceFile};
use crate::error::Error;
use crate::pack::Pack;
use crate::pack::field::FieldKind;

/// Lints every case of `source`, named `name` in the summary.
pub fn lint_cases(
    builder: &Builder,
    source: &Source,
    base: Option<&Arc<Base>>,
    name: &str,
    lexicon: &Lexicon,
) -> Report {
    let found: Vec<(Option<String>, Vec<Diagnostic>)> = (0..source.len())
        .into_par_iter()
        .map(|index| lint_one(builder, source, base, index, lexicon))
        .collect();
    let mut locales: Vec<String> = found.iter().filter_map(|(l, _)| l.clone()).collect();
    locales.sort();
    locales.dedup();
    let diagnostics: Vec<Diagnostic> = found.into_iter().flat_map(|(_, d)| d).collect();
    Report {
        targets: vec![Target {
            name: name.to_owned(),
            kind: "cases",
            source: String::new(),
            locales,
            files: source.len(),
            messages: 0,
        }],
        diagnostics: crate::diagnostic::limit(diagnostics),
        locales: Vec::new(),
    }
}

/// One case: read and checked as `build` does, then its free text; gives
/// the case's locale when it has one.
fn lint_one(
    builder: &Builder,
    source: &Source,
    base: Option<&Arc<Base>>,
    index: usize,
    lexicon: &Lexicon,
) -> (Option<String>, Vec<Diagnostic>) {
    let case = match source.case(index, builder, base) {
        Ok(case) => case,
        Err(e) => return (None, diagnostics_of(e, source, index)),
    };
    let mut found = match builder.checked_letter(&case, &Overrides::default()) {
        Ok(_) => Vec::new(),
        Err(e) => diagnostics_of(e, source, index),
    };
    if let Ok(pack) = builder.pack(&case.pack.id) {
        found.extend(case_text(lexicon, &pack, &case));
    }
    (Some(case.locale.clone()), found)
}

/// An error of a case as diagnostics, pointing at the row or the file when
/// it has no place of its own.
fn diagnostics_of(error: Error, source: &Source, index: usize) -> Vec<Diagnostic> {
    let (code, message, hint) = match error {
        Error::Invalid(diagnostics) => return diagnostics,
        Error::Usage { message, hint } => ("case::unusable", message, hint),
        other @ (Error::Read { .. } | Error::Write { .. }) => {
            ("input::read", other.to_string(), None)
        }
    };
    let mut d = Diagnostic::error(code, message);
    d.hints.extend(hint);
    vec![match source {
        Source::Table(table) => d.at(&table.file, table.span(index)),
        Source::Folder { files, .. } => {
            d.in_file(&SourceFile::new(files[index].display().to_string(), ""))
        }
    }]
}

/// The frame's keys: names, addresses, roles — not free text to check.
fn frame_keys() -> &'static HashSet<String> {
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        crate::pack::frame_fields()
            .into_iter()
            .map(|f| f.key)
            .collect()
    })
}

/// What the text checks find in the free text of `case`: the text fields
/// `pack` declares of its own, in the case's locale. A claim the lexicons
/// forbid is an error, the rest warnings; a locale without a dictionary
/// gives one note.
pub fn case_text(lexicon: &Lexicon, pack: &Pack, case: &CaseFile) -> Vec<Diagnostic> {
    let locale = case.locale.as_str();
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    let speller = match lexicon.spelling.as_deref() {
        Some(spelling) => match spelling.speller(locale) {
            Ok(speller) => Some(speller),
            Err(missing) => {
                let mut out: Vec<Diagnostic> = spelling.note_once(&missing).into_iter().collect();
                out.extend(free_text(lexicon, None, pack, case, locale, language));
                return out;
            }
        },
        None => None,
    };
    free_text(lexicon, speller.as_deref(), pack, case, locale, language)
}

fn free_text(
    lexicon: &Lexicon,
    speller: Option<&super::spelling::Speller>,
    pack: &Pack,
    case: &CaseFile,
    locale: &str,
    language: &str,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let matcher = lexicon.matcher(locale);
    let frame = frame_keys();
    let fields = pack
        .fields
        .iter()
        .filter(|f| f.kind == FieldKind::Text && !frame.contains(&f.key));
    for field in fields {
        let Some((file, span, value)) = case.string_at(&field.key) else {
            continue;
        };
        let place = Place::of(file, span, value);
        let prose = text::prose_text(value);
        let mut found = Vec::new();
        if let Some(speller) = speller {
            for word in speller.unknown_words(&prose) {
                found.push(super::spelling::diagnostic(
                    speller,
                    file,
                    place.at(&word.span),
                    &word.word,
                    locale,
                ));
            }
        }
        for finding in grammar::check(language, &prose) {
            found.push(finding.diagnostic().at(file, place.at(&finding.span)));
        }
        let (normal, map) = normalise(&prose);
        for (rule, hit) in matcher.find(&normal) {
            let start = map[hit.start];
            let last = map[hit.end - 1];
            let end = last + value[last..].chars().next().map_or(1, char::len_utf8);
            let id = rule.code.rsplit("::").next().unwrap_or_default();
            let said = value[start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let mut d = Diagnostic::new(
                rule.severity,
                rule.code.clone(),
                format!("“{said}”: {}", id.replace('-', " ")),
            )
            .at(file, place.at(&(start..end)))
            .label(match rule.severity {
                Severity::Error => "forbidden",
                Severity::Warning | Severity::Note => "avoid",
            })
            .hint(format!("why: {}", rule.why.trim()));
            if let Some(hint) = &rule.hint {
                d = d.hint(hint.trim());
            }
            found.push(d);
        }
        found.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        out.extend(found.into_iter().map(|d| {
            let d = d.field(field.key.clone());
            let message_id = d.message_id.clone();
            d.about(locale, message_id.as_deref())
        }));
    }
    out
}

/// Where a value's text is in its file: its own bytes when the file
/// writes it as it is (no escapes), else the whole value.
struct Place {
    value: Range<usize>,
    text_start: Option<usize>,
}

impl Place {
    fn of(file: &SourceFile, span: Range<usize>, value: &str) -> Self {
        let text_start = file
            .text
            .get(span.clone())
            .and_then(|written| written.find(value))
            .filter(|_| !value.is_empty())
            .map(|i| span.start + i);
        Self {
            value: span,
            text_start,
        }
    }

    /// A part of the value, in the file.
    fn at(&self, part: &Range<usize>) -> Range<usize> {
        match self.text_start {
            Some(start) => start + part.start..start + part.end,
            None => self.value.clone(),
        }
    }
}
