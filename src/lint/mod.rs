//! `lettrine lint`: everything that can be wrong in the messages of a pack
//! (or of any Fluent project laid out as `<dir>/<locale>/**/*.ftl`), found
//! before a letter goes out. Each locale's files are parsed once, with
//! recovery, and indexed; then every check walks the index:
//!
//! - [`entries`]: syntax, duplicates, references, select defaults and plural
//!   categories, within one locale;
//! - [`compare`]: each translation against the source locale: missing and
//!   obsolete files, messages and attributes, variables added or dropped per
//!   variant, text left untranslated;
//! - [`text`]: typography per locale, the tone and forbidden-claims
//!   lexicons ([`lexicon`]), and spelling ([`spelling`]);
//! - [`consistency`]: what `pack.toml` declares against what the messages
//!   say, for packs only;
//! - [`cases`]: case files and tables, checked as `build` reads them, and
//!   the free text staff type into them.
//!
//! A pack is linted strictly (each locale is one bundle the build loads);
//! a bare tree as its project says ([`Settings`], read by [`config`] from
//! `l10n.toml` and `lettrine.toml`).

pub mod cases;
mod compare;
pub mod config;
mod consistency;
mod entries;
pub mod grammar;
pub mod lexicon;
pub mod spelling;
mod text;
mod versions;

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_syntax::ast;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity, SourceFile};
use crate::error::{Error, Result};
use crate::ftl::{self, Resource};
use crate::pack::{self, Pack};
use crate::revision::{Located, RelPath, Tree};
pub use lexicon::Lexicon;

/// What was linted and what was found.
#[derive(Debug, Default)]
pub struct Report {
    pub targets: Vec<Target>,
    pub diagnostics: Vec<Diagnostic>,
    /// Per translation of a bare tree: what it lacks, as compare-locales
    /// counts it.
    pub locales: Vec<LocaleCounts>,
}

/// One translation's completeness and findings.
#[derive(Debug, Clone, Serialize)]
pub struct LocaleCounts {
    pub target: String,
    pub locale: String,
    /// Entries of the source the translation lacks (those in missing
    /// files included), and their words.
    pub missing: usize,
    pub missing_words: usize,
    pub obsolete: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// How a target is linted.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A bare tree: each file its own resource (an id is unique per file),
    /// locales partial on purpose, functions the application registers.
    /// `false` for a pack: each locale one bundle, every message required.
    pub bare: bool,
    /// Functions besides NUMBER and DATETIME that messages may call.
    pub functions: Vec<String>,
    /// Which locales the typography checks run on.
    pub typography: Scope,
    /// Which locales the lexicons (tone, claims) run on.
    pub lexicons: Scope,
    /// Which locales spelling is checked in (when the lexicon has
    /// dictionaries).
    pub spelling: Scope,
    /// Missing entries are errors (in a bare tree; a pack requires them).
    pub require_complete: bool,
    /// The project's `[[filters]]`: how missing and obsolete entries are
    /// reported.
    pub filters: Option<Arc<config::Filters>>,
}

/// The locales a check runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Source,
    All,
}

impl Settings {
    /// A pack: every check, every locale, strictly.
    pub fn pack() -> Self {
        Self {
            bare: false,
            functions: Vec::new(),
            typography: Scope::All,
            lexicons: Scope::All,
            spelling: Scope::All,
            require_complete: true,
            filters: None,
        }
    }

    /// A bare tree with no project file: typography and spelling on the
    /// source only, as Mozilla does (shipped translations are full of
    /// straight quotes, and of words of their own trade).
    pub fn tree() -> Self {
        Self {
            bare: true,
            typography: Scope::Source,
            spelling: Scope::Source,
            require_complete: false,
            ..Self::pack()
        }
    }
}

/// One pack or one plain Fluent tree.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub name: String,
    /// `pack` or `fluent`.
    pub kind: &'static str,
    pub source: String,
    pub locales: Vec<String>,
    pub files: usize,
    /// Messages and terms in the source locale.
    pub messages: usize,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn merge(&mut self, other: Report) {
        self.targets.extend(other.targets);
        self.diagnostics.extend(other.diagnostics);
        self.locales.extend(other.locales);
    }
}

/// The `.ftl` files of one locale, with their paths inside the locale's
/// folder (`letter.ftl`, `mail/settings.ftl`).
#[derive(Debug, Clone)]
pub struct LocaleFiles {
    pub locale: String,
    pub files: Vec<(String, SourceFile)>,
}

/// Reads `dir/<locale>/**/*.ftl` for each locale folder of `dir` in `tree`.
pub fn read_locales(
    tree: &dyn Tree,
    dir: &RelPath,
    locales: &[String],
) -> Result<Vec<LocaleFiles>> {
    locales
        .iter()
        .map(|locale| {
            let root = dir.join(locale).unwrap_or_else(|| dir.clone());
            Ok(LocaleFiles {
                locale: locale.clone(),
                files: pack::locale_files(tree, &root)?,
            })
        })
        .collect()
}

/// Lints the pack in `located`: its manifest, then its messages. A
/// manifest that does not load is reported, and the messages are still
/// checked on their own.
pub fn lint_pack(located: &Located, lexicon: &Lexicon) -> Result<Report> {
    let tree = located.tree.as_ref();
    let (pack, mut diagnostics) = match Pack::load(located) {
        Ok(pack) => (Some(pack), Vec::new()),
        Err(Error::Invalid(diagnostics)) => (None, diagnostics),
        Err(other) => return Err(other),
    };
    let name = located.dir.name().to_owned();
    let folders = locale_folders(tree, &located.dir);
    let (source, files) = match &pack {
        Some(p) => {
            // The loader has read the listed locales; folders the manifest
            // does not list are still translations to check.
            let mut files: Vec<LocaleFiles> = p
                .messages
                .iter()
                .map(|(locale, files)| LocaleFiles {
                    locale: locale.clone(),
                    files: files.clone(),
                })
                .collect();
            files.sort_by_key(|lf| p.locales.iter().position(|l| *l == lf.locale));
            let unlisted: Vec<String> = folders
                .into_iter()
                .filter(|f| !p.locales.contains(f))
                .collect();
            diagnostics.extend(consistency::unlisted(p, &unlisted));
            files.extend(read_locales(tree, &located.dir, &unlisted)?);
            diagnostics.extend(versions::check(located, p, &files));
            (p.source_locale.clone(), files)
        }
        None => {
            let source = folders.first().cloned().unwrap_or_default();
            (source, read_locales(tree, &located.dir, &folders)?)
        }
    };
    let settings = Settings::pack();
    let mut report = lint_locales(
        &name,
        "pack",
        &source,
        &files,
        pack.as_ref(),
        lexicon,
        &settings,
    );
    diagnostics.append(&mut report.diagnostics);
    sort(&mut diagnostics);
    report.diagnostics = crate::diagnostic::limit(diagnostics);
    Ok(report)
}

/// Lints a plain Fluent tree `<root>/<locale>/**/*.ftl`, each locale a
/// translation of `source`.
pub fn lint_tree(
    tree: &dyn Tree,
    name: &str,
    source: &str,
    lexicon: &Lexicon,
    settings: &Settings,
) -> Result<Report> {
    let root = RelPath::new("").unwrap_or_else(|| unreachable!("the empty path is the root"));
    let mut locales = locale_folders(tree, &root);
    if !locales.iter().any(|l| l == source) {
        return Err(Error::usage(
            format!("{name} has no folder for the source locale {source}"),
            Some(if locales.is_empty() {
                "lint expects one folder per locale: <dir>/<locale>/**/*.ftl".to_owned()
            } else {
                format!("the locale folders are: {}", locales.join(", "))
            }),
        ));
    }
    locales.retain(|l| l != source);
    locales.insert(0, source.to_owned());
    let files = read_locales(tree, &root, &locales)?;
    Ok(lint_files(name, source, &files, lexicon, settings))
}

/// Lints the files of a bare tree already read (by [`lint_tree`], or as a
/// project's `l10n.toml` lists them), the source locale's first.
pub fn lint_files(
    name: &str,
    source: &str,
    files: &[LocaleFiles],
    lexicon: &Lexicon,
    settings: &Settings,
) -> Report {
    let mut report = lint_locales(name, "fluent", source, files, None, lexicon, settings);
    sort(&mut report.diagnostics);
    report.diagnostics = crate::diagnostic::limit(std::mem::take(&mut report.diagnostics));
    report
}

/// The sub-folders of `dir` whose names are locale identifiers, sorted.
pub fn locale_folders(tree: &dyn Tree, dir: &RelPath) -> Vec<String> {
    tree.list(dir)
        .into_iter()
        .filter(|name| {
            // A language subtag has two or three letters (`examples` would
            // parse as a reserved eight-letter one).
            let language = name.split(['-', '_']).next().unwrap_or_default();
            (2..=3).contains(&language.len())
                && name.parse::<unic_langid::LanguageIdentifier>().is_ok()
                && dir.join(name).is_some_and(|d| !tree.list(&d).is_empty())
        })
        .collect()
}

/// Diagnostics in file order, errors and warnings mixed, so a reader can
/// walk a file top to bottom.
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        fn key(d: &Diagnostic) -> (Option<&str>, usize) {
            (
                d.file.as_ref().map(|f| f.name.as_str()),
                d.span.as_ref().map_or(0, |s| s.start),
            )
        }
        key(a).cmp(&key(b))
    });
}

fn lint_locales(
    name: &str,
    kind: &'static str,
    source: &str,
    files: &[LocaleFiles],
    pack: Option<&Pack>,
    lexicon: &Lexicon,
    settings: &Settings,
) -> Report {
    let mut diagnostics = Vec::new();
    // The dictionaries load on every core at once: a big one takes tens of
    // milliseconds, and each locale has its own.
    if let Some(spelling) = lexicon.spelling.as_deref() {
        use rayon::prelude::*;
        files
            .par_iter()
            .filter(|lf| settings.spelling == Scope::All || lf.locale == source)
            .for_each(|lf| {
                let _ = spelling.speller(&lf.locale);
            });
    }
    let parsed: Vec<Vec<Parsed<'_>>> = files
        .iter()
        .map(|lf| parse_files(lf, &mut diagnostics))
        .collect();
    let locales: Vec<Locale<'_>> = files
        .iter()
        .zip(&parsed)
        .map(|(lf, p)| Locale::index(&lf.locale, p))
        .collect();
    for locale in &locales {
        entries::check(locale, settings, &mut diagnostics);
        text::check(
            locale,
            lexicon,
            settings,
            locale.locale == source,
            &mut diagnostics,
        );
    }
    let source_locale = locales.iter().find(|l| l.locale == source);
    let mut counts = Vec::new();
    if let Some(src) = source_locale {
        for translation in locales.iter().filter(|l| l.locale != source) {
            let c = compare::check(src, translation, settings, &mut diagnostics);
            counts.push((translation.locale, c));
        }
        if let Some(pack) = pack {
            consistency::check(pack, src, &mut diagnostics);
        }
    }
    let target = Target {
        name: name.to_owned(),
        kind,
        source: source.to_owned(),
        locales: files.iter().map(|f| f.locale.clone()).collect(),
        files: files.iter().map(|f| f.files.len()).sum(),
        messages: source_locale.map_or(0, |l| l.entries.len()),
    };
    let locales = if settings.bare {
        counts
            .into_iter()
            .map(|(locale, c)| {
                let of = |severity| {
                    diagnostics
                        .iter()
                        .filter(|d| d.severity == severity && d.locale.as_deref() == Some(locale))
                        .count()
                };
                LocaleCounts {
                    target: name.to_owned(),
                    locale: locale.to_owned(),
                    missing: c.missing,
                    missing_words: c.missing_words,
                    obsolete: c.obsolete,
                    errors: of(Severity::Error),
                    warnings: of(Severity::Warning),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Report {
        targets: vec![target],
        diagnostics,
        locales,
    }
}

/// One locale's files, parsed, with every message and term indexed by id
/// (terms as `-id`).
pub(crate) struct Locale<'a> {
    pub locale: &'a str,
    pub files: &'a [Parsed<'a>],
    /// Every definition of each id, in file order: more than one is a
    /// duplicate.
    pub entries: BTreeMap<String, Vec<Def<'a>>>,
}

pub(crate) struct Parsed<'a> {
    /// The path inside the locale folder.
    pub rel: &'a str,
    pub file: &'a SourceFile,
    pub resource: Resource<'a>,
}

/// A message or term definition, in one of the locale's files.
#[derive(Clone, Copy)]
pub(crate) struct Def<'a> {
    /// Index into [`Locale::files`].
    pub file: usize,
    /// Whether the entry failed to parse: it exists, but only as junk.
    pub broken: bool,
    pub entry: ftl::Definition<'a, 'a>,
}

impl<'a> std::ops::Deref for Def<'a> {
    type Target = ftl::Definition<'a, 'a>;

    fn deref(&self) -> &Self::Target {
        &self.entry
    }
}

/// Parses each file of a locale, reporting its syntax errors.
fn parse_files<'a>(lf: &'a LocaleFiles, diagnostics: &mut Vec<Diagnostic>) -> Vec<Parsed<'a>> {
    lf.files
        .iter()
        .map(|(rel, file)| {
            if let Some(deep) = ftl::too_deep(&file.text) {
                let id = junk_id(&file.text[deep.entry..]).map(|(id, term)| entry_key(id, term));
                diagnostics.push(ftl::too_deep_error(file, deep).about(&lf.locale, id.as_deref()));
            }
            let (resource, errors) = ftl::parse(&file.text);
            for error in &errors {
                // The entry the error broke, when it starts like a definition.
                let id = error
                    .slice
                    .as_ref()
                    .and_then(|s| file.text.get(s.clone()))
                    .and_then(|junk| junk_id(junk.trim_start()))
                    .map(|(id, term)| entry_key(id, term));
                diagnostics.push(ftl::syntax_error(file, error).about(&lf.locale, id.as_deref()));
            }
            Parsed {
                rel,
                file,
                resource,
            }
        })
        .collect()
}

impl<'a> Locale<'a> {
    fn index(locale: &'a str, files: &'a [Parsed<'a>]) -> Self {
        let mut entries: BTreeMap<String, Vec<Def<'a>>> = BTreeMap::new();
        for (index, parsed) in files.iter().enumerate() {
            for entry in &parsed.resource.body {
                let def = match (ftl::Definition::of(entry), entry) {
                    (Some(entry), _) => Def {
                        file: index,
                        broken: false,
                        entry,
                    },
                    // A message that does not parse is still there: say what
                    // is wrong with it, not that it is missing.
                    (None, ast::Entry::Junk { content }) => match junk_id(content) {
                        Some((id, term)) => Def {
                            file: index,
                            broken: true,
                            entry: ftl::Definition {
                                id,
                                term,
                                value: None,
                                attributes: &[],
                                comment: &[],
                            },
                        },
                        None => continue,
                    },
                    _ => continue,
                };
                entries.entry(def.key()).or_default().push(def);
            }
        }
        Self {
            locale,
            files,
            entries,
        }
    }

    pub fn file(&self, def: &Def<'_>) -> &'a SourceFile {
        self.files[def.file].file
    }

    /// The first definition of `key` (`id` or `-id`).
    pub fn get(&self, key: &str) -> Option<&Def<'a>> {
        self.entries.get(key).and_then(|defs| defs.first())
    }

    /// A diagnostic about `def`, pointing at `part` (a slice of its file).
    pub fn at(&self, d: Diagnostic, def: &Def<'_>, part: &str) -> Diagnostic {
        let file = self.file(def);
        d.at(file, ftl::span(&file.text, part))
            .about(self.locale, Some(&def.key()))
    }
}

impl Def<'_> {
    /// Whether the entry's comment silences `check` (the part of a code
    /// after `::`) for `subject` (a `$variable`, a phrase's rule id), with
    /// a line `lint-ignore: <check> [subject…]`. A line naming no subject
    /// silences the check for the whole entry.
    pub fn ignores(&self, code: &str, subject: Option<&str>) -> bool {
        let check = code.rsplit("::").next().unwrap_or(code);
        self.comment.iter().any(|line| {
            let Some(rest) = line.trim().strip_prefix("lint-ignore:") else {
                return false;
            };
            let mut words = rest.split_whitespace();
            if words.next() != Some(check) {
                return false;
            }
            let subjects: Vec<&str> = words.take_while(|w| *w != "--").collect();
            subjects.is_empty() || subject.is_some_and(|s| subjects.contains(&s))
        })
    }
}

/// The identifier a junk entry starts with, when it looks like a broken
/// definition (`id = …` or `-id = …`).
fn junk_id(content: &str) -> Option<(&str, bool)> {
    let (head, term) = match content.strip_prefix('-') {
        Some(rest) => (rest, true),
        None => (content, false),
    };
    let end = head
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(head.len());
    let id = &head[..end];
    let starts_well = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    (starts_well && head[end..].trim_start_matches([' ', '\t']).starts_with('='))
        .then_some((id, term))
}

/// The key of a message (`id`) or a term (`-id`).
fn entry_key(id: &str, term: bool) -> String {
    if term {
        format!("-{id}")
    } else {
        id.to_owned()
    }
}

/// `{ $name }` as written in messages, for labels and hints.
pub(crate) fn var(name: &str) -> String {
    format!("${name}")
}

/// Where in an entry a pattern is: "" for the value, ".title" for an
/// attribute.
pub(crate) fn part_name(attribute: Option<&str>) -> String {
    attribute.map_or_else(String::new, |a| format!(".{a}"))
}
