//! Batch builds: one letter per row of a table (CSV, JSON Lines) or per
//! case file of a folder, on every core.
//!
//! Two passes. The first checks every case and names its letter — cheap,
//! no typesetting — so that bad rows and output names that collide or
//! escape the folder are known before anything is written. The second
//! typesets the letters that are not already up to date, each written
//! atomically and recorded in the output folder's journal as soon as it is
//! in place, so a killed batch loses nothing and a re-run builds only what
//! changed. A bad row never stops the others.

pub mod journal;
pub mod name;
pub mod shard;
pub mod table;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::builder::{Builder, Overrides, read_input};
use crate::case::{Base, CaseFile};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::letter::Letter;
use crate::output::write_atomic_unsynced;
use journal::{JOURNAL, Journal, digest, shard_journal};
use name::{Origin, Template};
pub use shard::Shard;
use table::{MAX_TABLE_SIZE, Table};

/// Where a batch's cases come from.
#[derive(Debug)]
pub enum Source {
    Table(Table),
    /// Every `.toml` and `.json` case file under a folder, by path.
    Folder {
        root: PathBuf,
        files: Vec<PathBuf>,
    },
}

impl Source {
    /// The batch source `path` is: a folder, a `.csv`/`.tsv` table or a
    /// `.jsonl`/`.ndjson` one; `None` for anything else (a single case).
    /// Files in `skip` (the defaults, the output folder) are not cases.
    pub fn open(path: &Path, skip: &[PathBuf]) -> Result<Option<Self>> {
        if path.is_dir() {
            return Ok(Some(Self::folder(path, skip)?));
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let read = || read_input(path, MAX_TABLE_SIZE, "a table");
        Ok(Some(match ext.as_deref() {
            Some("csv" | "tsv") => {
                let (name, bytes) = read()?;
                Self::Table(Table::csv(name, bytes)?)
            }
            Some("jsonl" | "ndjson") => {
                let (name, bytes) = read()?;
                Self::Table(Table::lines(name, bytes)?)
            }
            _ => return Ok(None),
        }))
    }

    fn folder(root: &Path, skip: &[PathBuf]) -> Result<Self> {
        let skip: Vec<PathBuf> = skip.iter().filter_map(|p| p.canonicalize().ok()).collect();
        let mut files = Vec::new();
        let walk = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || (!e.file_name().to_string_lossy().starts_with('.')
                        && e.path().canonicalize().is_ok_and(|p| !skip.contains(&p)))
            });
        for entry in walk {
            let entry = entry.map_err(|e| Error::Read {
                path: root.display().to_string(),
                source: e.into(),
            })?;
            let is_case = entry
                .path()
                .extension()
                .is_some_and(|e| e == "toml" || e == "json");
            if entry.file_type().is_file() && is_case {
                files.push(entry.into_path());
            }
        }
        Ok(Self::Folder {
            root: root.to_path_buf(),
            files,
        })
    }

    pub fn len(&self) -> usize {
        match self {
            Self::Table(table) => table.len(),
            Self::Folder { files, .. } => files.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The name of the source's file or folder without extension: `{stem}`.
    fn stem(&self) -> String {
        let path = match self {
            Self::Table(table) => Path::new(&table.file.name),
            Self::Folder { root, .. } => root.as_path(),
        };
        path.file_stem().map_or_else(
            || "letters".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    }

    /// How the user finds item `index`: `row 7`, `line 7` or the file.
    pub fn label(&self, index: usize) -> String {
        match self {
            Self::Table(table) => table.label(index).1,
            Self::Folder { files, .. } => files[index].display().to_string(),
        }
    }

    fn origin(&self, index: usize) -> Origin {
        match self {
            Self::Table(table) => Origin {
                row: Some(table.label(index).0),
                file: None,
                stem: self.stem(),
            },
            Self::Folder { root, files } => {
                let path = &files[index];
                let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
                let file = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                Origin {
                    row: None,
                    file: Some(file),
                    stem: path
                        .file_stem()
                        .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
                }
            }
        }
    }

    /// The case of item `index`.
    pub fn case(
        &self,
        index: usize,
        builder: &Builder,
        base: Option<&Arc<Base>>,
    ) -> Result<CaseFile> {
        match self {
            Self::Table(table) => {
                let (root, row) = table.row(index, base.map(|b| &**b))?;
                builder.case_from(table.file.clone(), root, base.cloned(), Some(row))
            }
            Self::Folder { files, .. } => builder.read_case_with(&files[index], base.cloned()),
        }
    }
}

/// What a batch builds and how.
#[derive(Debug)]
pub struct Batch<'a> {
    pub builder: &'a Builder,
    pub source: Source,
    pub base: Option<Arc<Base>>,
    pub overrides: Overrides,
    pub template: Template,
    pub out: PathBuf,
    /// What else decides the bytes (the format and its options), part of
    /// each letter's input hash.
    pub variant: String,
    /// Build every letter, even those the journal says are up to date.
    pub force: bool,
    /// Stop at the first bad row.
    pub fail_fast: bool,
    /// How many letters are typeset at once.
    pub jobs: usize,
    /// Build only this shard's items (see [`Shard`]).
    pub shard: Option<Shard>,
}

/// How far a batch (or one shard of it) is, without building anything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub up_to_date: usize,
    pub to_build: usize,
    /// Items that cannot be built as they are (bad rows, colliding names).
    pub failed: usize,
}

impl Progress {
    pub fn complete(&self) -> bool {
        self.to_build == 0 && self.failed == 0
    }

    fn add(&mut self, other: Self) {
        self.up_to_date += other.up_to_date;
        self.to_build += other.to_build;
        self.failed += other.failed;
    }
}

/// A letter to build: its item, its output name and the hash of all that
/// decides its bytes.
#[derive(Debug, Clone)]
pub struct Planned {
    pub index: usize,
    pub name: String,
    pub input: String,
    /// What the text checks found in the case's free text (spelling,
    /// tone, claims), as warnings: a draft is built all the same.
    pub warnings: Vec<Diagnostic>,
}

/// What became of one item.
#[derive(Debug)]
pub struct Outcome {
    pub index: usize,
    /// `row 7`, `line 7` or the case file.
    pub label: String,
    pub name: Option<String>,
    pub status: Status,
}

#[derive(Debug)]
pub enum Status {
    Written,
    /// The output already held the letter's bytes.
    UpToDate,
    Failed(Error),
    /// Not built: `--fail-fast` stopped the batch first.
    Skipped,
}

impl Batch<'_> {
    /// The first pass: checks every case and names its letter. Gives the
    /// letters to build and the items that cannot be, in order; fails as a
    /// whole for what is wrong with every item alike (an unknown style
    /// given on the command line, a name field the pack does not have).
    pub fn plan(&self) -> Result<(Vec<Planned>, Vec<Outcome>)> {
        let stop = AtomicBool::new(false);
        let checked: Vec<Result<Planned, Outcome>> = (0..self.source.len())
            .into_par_iter()
            .map(|index| {
                if self.fail_fast && stop.load(Ordering::Relaxed) {
                    return Err(self.outcome(index, None, Status::Skipped));
                }
                self.check(index)
                    .inspect_err(|_| stop.store(true, Ordering::Relaxed))
            })
            .collect();
        let (mut planned, mut failed) = (Vec::new(), Vec::new());
        for result in checked {
            match result {
                Ok(p) => planned.push(p),
                Err(Outcome {
                    status: Status::Failed(e @ Error::Usage { .. }),
                    ..
                }) => return Err(e),
                Err(outcome) => failed.push(outcome),
            }
        }
        // Letters that would land on the same file: none of them is built.
        let groups = name::collisions(planned.iter().map(|p| (p.index, p.name.as_str())));
        for group in &groups {
            let names: Vec<String> = group
                .iter()
                .filter_map(|i| planned.iter().find(|p| p.index == *i))
                .map(|p| p.name.clone())
                .collect();
            let labels: Vec<String> = group.iter().map(|i| self.source.label(*i)).collect();
            let mut distinct = names.clone();
            distinct.dedup();
            let same = if distinct.len() == 1 {
                format!("`{}`", names[0])
            } else {
                let quoted: Vec<String> = distinct.iter().map(|n| format!("`{n}`")).collect();
                format!(
                    "{}, the same file on a case-insensitive file system",
                    and_list(&quoted)
                )
            };
            let all = if group.len() == 2 { "both" } else { "all" };
            for (index, name) in group.iter().zip(&names) {
                let message = format!("{} would {all} be written to {same}", items(&labels));
                let d = Diagnostic::error("batch::name-collision", message).hint(format!(
                    "make --name tell them apart, with a field that differs or {{row}}: {:?}",
                    self.template.source()
                ));
                let d = self.locate(*index, d);
                failed.push(self.failed(*index, Some(name.clone()), Error::invalid(d)));
            }
        }
        let colliding: Vec<usize> = groups.into_iter().flatten().collect();
        planned.retain(|p| !colliding.contains(&p.index));
        // Every shard checks every item, so that all of them agree on the
        // names and their collisions; each keeps its own.
        if let Some(shard) = self.shard {
            planned.retain(|p| shard.contains(p.index));
            failed.retain(|o| shard.contains(o.index));
        }
        failed.sort_by_key(|o| o.index);
        if self.fail_fast && !failed.is_empty() {
            failed.retain(|o| !matches!(o.status, Status::Skipped));
            failed.truncate(1);
            planned.clear();
        }
        Ok((planned, failed))
    }

    fn check(&self, index: usize) -> Result<Planned, Outcome> {
        let fail = |e| self.failed(index, None, e);
        let case = self
            .source
            .case(index, self.builder, self.base.as_ref())
            .map_err(fail)?;
        let (checked, letter) = self
            .builder
            .checked_letter(&case, &self.overrides)
            .map_err(fail)?;
        let pack = self.builder.pack(&letter.pack.id).map_err(fail)?;
        if let Some(key) = self.template.fields().find(|k| pack.field(k).is_none()) {
            let known: Vec<&str> = pack.fields.iter().map(|f| f.key.as_str()).collect();
            let mut hint = format!(
                "the fields are: {}; and {}",
                known.join(", "),
                name::SPECIAL.join(", ")
            );
            if let Some(close) = crate::diagnostic::closest(known.iter().copied(), key) {
                hint = format!("did you mean {{{close}}}? {hint}");
            }
            return Err(fail(Error::usage(
                format!(
                    "--name uses {{{key}}}, which is not a field of the pack {}",
                    pack.id
                ),
                Some(hint),
            )));
        }
        let origin = self.source.origin(index);
        let name = self
            .template
            .render(&checked, &letter.pack.id, &origin)
            .map_err(|why| {
                let d = Diagnostic::error(
                    "batch::name",
                    format!(
                        "the letter cannot be named by {:?}: {why}",
                        self.template.source()
                    ),
                );
                fail(Error::invalid(self.locate(index, d)))
            })?;
        let input = self.input_hash(&letter).map_err(fail)?;
        let warnings = self.builder.case_warnings(&case);
        Ok(Planned {
            index,
            name,
            input,
            warnings,
        })
    }

    /// The hash of everything that decides a letter's bytes: lettrine's
    /// version, the Letter (every word, the layout, the theme, the case's
    /// digest), the style's files, the project's fonts and the output
    /// format.
    fn input_hash(&self, letter: &Letter) -> Result<String> {
        let style = self.builder.style_digest(&letter.style)?;
        let fonts = self.builder.fonts()?;
        let key = format!(
            "lettrine {}\n{}\n{style}\n{}\n{}",
            env!("CARGO_PKG_VERSION"),
            self.variant,
            fonts.digest(),
            letter.to_json()
        );
        Ok(digest(key.as_bytes()))
    }

    /// Points a batch-level diagnostic at item `index`'s row or file.
    fn locate(&self, index: usize, d: Diagnostic) -> Diagnostic {
        match &self.source {
            Source::Table(table) => d.at(&table.file, table.span(index)),
            Source::Folder { files, .. } => {
                let name = files[index].display().to_string();
                d.in_file(&crate::diagnostic::SourceFile::new(name, ""))
            }
        }
    }

    fn failed(&self, index: usize, name: Option<String>, error: Error) -> Outcome {
        self.outcome(index, name, Status::Failed(error))
    }

    fn outcome(&self, index: usize, name: Option<String>, status: Status) -> Outcome {
        Outcome {
            index,
            label: self.source.label(index),
            name,
            status,
        }
    }

    /// The second pass: builds the planned letters on `jobs` workers,
    /// skipping those already up to date. `produce` turns a Letter into the
    /// output's bytes; `done` hears of each letter as it is done.
    ///
    /// The workers are plain threads, each typesetting one letter at a
    /// time, not rayon tasks: Typst parallelises inside a letter with rayon,
    /// and a rayon worker waiting for that inner work would steal another
    /// letter and start it on the same stack, so letters would pile up
    /// half-done (memory growing with the batch, stacks overflowing).
    pub fn build(
        &self,
        planned: &[Planned],
        produce: &(dyn Fn(&Letter) -> Result<Vec<u8>> + Sync),
        done: &(dyn Fn(&Outcome) + Sync),
    ) -> Result<Vec<Outcome>> {
        std::fs::create_dir_all(&self.out).map_err(|source| Error::Write {
            path: self.out.clone(),
            source,
        })?;
        let journal = Journal::open_named(&self.out, &self.journal_file());
        let stop = AtomicBool::new(false);
        let outcomes = crate::workers::map(planned, self.jobs, |_, p| {
            if self.fail_fast && stop.load(Ordering::Relaxed) {
                return None;
            }
            let status = match self.build_one(p, &journal, produce) {
                Ok(status) => status,
                Err(e) => {
                    stop.store(true, Ordering::Relaxed);
                    Status::Failed(e)
                }
            };
            let outcome = self.outcome(p.index, Some(p.name.clone()), status);
            done(&outcome);
            Some(outcome)
        })?;
        let mut outcomes: Vec<Outcome> = outcomes.into_iter().flatten().collect();
        journal.compact()?;
        outcomes.sort_by_key(|o| o.index);
        Ok(outcomes)
    }

    /// This run's journal: the batch's, or its shard's own.
    fn journal_file(&self) -> String {
        match self.shard {
            Some(shard) => shard_journal(shard.index, shard.count),
            None => JOURNAL.to_owned(),
        }
    }

    /// What is up to date, to build and failed, per shard, without
    /// building: from `plan`'s letters and failures, and the journals in
    /// the output folder. With `--shard`, that shard's; otherwise every
    /// shard of the split the folder's journals record (when they all
    /// record one), and the batch as a whole. A letter any journal records
    /// as built from the same inputs, whose file still holds those bytes,
    /// is up to date.
    pub fn progress(
        &self,
        planned: &[Planned],
        failed: &[Outcome],
    ) -> (Vec<(Shard, Progress)>, Progress) {
        let found = journal::journals(&self.out);
        let journals: Vec<Journal> = found
            .iter()
            .map(|(file, _)| Journal::open_named(&self.out, file))
            .collect();
        let mut counts: Vec<usize> = found.iter().filter_map(|(_, n)| *n).collect();
        counts.sort_unstable();
        counts.dedup();
        let split = match (self.shard, counts.as_slice()) {
            (Some(shard), _) => Some(shard.count),
            (None, [one]) => Some(*one),
            _ => None,
        };
        let mut shards: Vec<(Shard, Progress)> = match (self.shard, split) {
            (Some(shard), _) => vec![(shard, Progress::default())],
            (None, Some(n)) => (0..n)
                .map(|index| (Shard { index, count: n }, Progress::default()))
                .collect(),
            (None, None) => Vec::new(),
        };
        let mut count = |index: usize, item: Progress| {
            if let Some(n) = split
                && let Some((_, p)) = shards.iter_mut().find(|(s, _)| *s == Shard::of(index, n))
            {
                p.add(item);
            }
            item
        };
        let mut total = Progress::default();
        for p in planned {
            let done = !self.force && journals.iter().any(|j| j.up_to_date(&p.name, &p.input));
            total.add(count(
                p.index,
                Progress {
                    up_to_date: usize::from(done),
                    to_build: usize::from(!done),
                    failed: 0,
                },
            ));
        }
        for o in failed
            .iter()
            .filter(|o| matches!(o.status, Status::Failed(_)))
        {
            total.add(count(
                o.index,
                Progress {
                    failed: 1,
                    ..Progress::default()
                },
            ));
        }
        (shards, total)
    }

    fn build_one(
        &self,
        planned: &Planned,
        journal: &Journal,
        produce: &(dyn Fn(&Letter) -> Result<Vec<u8>> + Sync),
    ) -> Result<Status> {
        if !self.force && journal.up_to_date(&planned.name, &planned.input) {
            return Ok(Status::UpToDate);
        }
        let case = self
            .source
            .case(planned.index, self.builder, self.base.as_ref())?;
        let letter = self.builder.letter(&case, &self.overrides)?;
        let bytes = produce(&letter)?;
        let path = self.out.join(&planned.name);
        let status = if std::fs::read(&path).is_ok_and(|old| old == bytes) {
            Status::UpToDate
        } else {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                    path: dir.to_path_buf(),
                    source,
                })?;
            }
            write_atomic_unsynced(&path, &bytes)?;
            Status::Written
        };
        journal.record(&planned.name, &planned.input, &bytes)?;
        Ok(status)
    }
}

/// `rows 2, 5 and 9` from `row 2`, `row 5`, `row 9`; files as they are.
fn items(labels: &[String]) -> String {
    let word = labels
        .first()
        .and_then(|l| l.split_once(' '))
        .map(|(w, _)| w);
    match word {
        Some(word @ ("row" | "line")) if labels.iter().all(|l| l.starts_with(word)) => {
            let numbers: Vec<String> = labels
                .iter()
                .map(|l| l[word.len()..].trim().to_owned())
                .collect();
            format!("{word}s {}", and_list(&numbers))
        }
        _ => and_list(labels),
    }
}

/// `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
