//! `lettrine build TABLE|FOLDER --out DIR`: many letters at once, with a
//! progress bar on a terminal and a summary (text, or JSON for machines).

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use lettrine::Error;
use lettrine::batch::name::Template;
use lettrine::batch::{Batch, Outcome, Progress, Shard, Source, Status};
use lettrine::builder::Builder;
use lettrine::diagnostic::Diagnostic;

use super::build::{BuildArgs, Format};
use super::report::{self, ColorChoice};

#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// Build every letter of a table or folder into DIR (made if needed).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// How to name each letter: case fields in braces, and {row}, {file},
    /// {stem}, {locale}, {pack}; the extension picks the format
    /// [default: {stem}-{row}.pdf for a table, {file}.pdf for a folder].
    #[arg(long, value_name = "TEMPLATE")]
    name: Option<String>,
    /// A case file whose fields every case of the batch starts from
    /// (sender, signatory, style…); each row or case file overrides them.
    #[arg(long, value_name = "FILE")]
    defaults: Option<PathBuf>,
    /// How many letters to build at once [default: one per core].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Stop at the first bad row instead of building all the others.
    #[arg(long)]
    fail_fast: bool,
    /// Build every letter, even those already up to date in DIR.
    #[arg(long)]
    force: bool,
    /// Build only shard K of N (K from 0): the items whose index leaves K
    /// when divided by N. Shards may share DIR, each with its own journal.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// Build nothing: say how many letters are up to date, to build and
    /// failed, per shard and in all. Exit 0 when nothing is left to build.
    #[arg(long)]
    dry_run: bool,
}

impl BatchArgs {
    /// Refuses batch options for a single case.
    pub fn single(&self) -> Result<(), Error> {
        let given = [
            (self.out.is_some(), "--out"),
            (self.name.is_some(), "--name"),
            (self.defaults.is_some(), "--defaults"),
            (self.jobs.is_some(), "--jobs"),
            (self.fail_fast, "--fail-fast"),
            (self.force, "--force"),
            (self.shard.is_some(), "--shard"),
            (self.dry_run, "--dry-run"),
        ];
        match given.iter().find(|(on, _)| *on) {
            Some((_, option)) => Err(Error::usage(
                format!(
                    "{option} is for batches: a table (.csv, .tsv, .jsonl) or a folder of cases"
                ),
                Some("for one case, write the letter with -o FILE".to_owned()),
            )),
            None => Ok(()),
        }
    }
}

/// The batch source the case argument names, if it names one.
pub fn source(args: &BuildArgs) -> Result<Option<Source>, Error> {
    let mut skip: Vec<PathBuf> = args.batch.defaults.iter().cloned().collect();
    skip.extend(args.batch.out.iter().cloned());
    Source::open(args.case(), &skip)
}

/// What `--format json` prints on standard output.
#[derive(Debug, Serialize)]
struct Summary<'a> {
    format: u32,
    input: String,
    out: String,
    rows: usize,
    written: usize,
    up_to_date: usize,
    failed: usize,
    seconds: f64,
    letters_per_second: f64,
    letters: Vec<LetterSummary<'a>>,
    problems: Vec<Problem<'a>>,
    /// What the text checks found in the cases' free text: the letters
    /// are built all the same.
    warnings: Vec<Problem<'a>>,
}

#[derive(Debug, Serialize)]
struct LetterSummary<'a> {
    item: &'a str,
    name: &'a str,
    status: &'static str,
}

#[derive(Debug, Serialize)]
struct Problem<'a> {
    item: &'a str,
    code: String,
    message: String,
    field: Option<&'a str>,
    location: Option<String>,
}

pub fn run(
    args: &BuildArgs,
    source: Source,
    builder: &Builder,
    color: ColorChoice,
) -> Result<bool, Error> {
    let json = match args.requested_format() {
        None | Some(Format::Txt) => false,
        Some(Format::Json) => true,
        Some(other) => {
            return Err(Error::usage(
                format!("--format {other:?} does not apply to a batch").to_lowercase(),
                Some("the letters' format follows --name's extension (.pdf, .docx, .png, .svg, .txt, .json); --format json prints the batch's summary as JSON".to_owned()),
            ));
        }
    };
    let batch_args = &args.batch;
    let out = batch_args.out.clone().ok_or_else(|| {
        Error::usage(
            format!(
                "{} holds many cases: name the folder for their letters",
                args.case().display()
            ),
            Some("add --out DIR, like: lettrine build cases.csv --out letters/".to_owned()),
        )
    })?;
    let template = Template::parse(batch_args.name.as_deref().unwrap_or(match source {
        Source::Table(_) => "{stem}-{row}.pdf",
        Source::Folder { .. } => "{file}.pdf",
    }))?;
    let format = Format::from_extension(template.extension()).unwrap_or(Format::Pdf);
    let base = match &batch_args.defaults {
        Some(path) => Some(Arc::new(builder.read_base(path)?)),
        None => None,
    };
    let jobs = batch_args
        .jobs
        .unwrap_or_else(lettrine::workers::default_jobs);
    // Checking cases runs on rayon's pool, sized like the workers.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::usage(format!("cannot start {jobs} workers: {e}"), None))?;
    let batch = Batch {
        builder,
        source,
        base,
        overrides: args.overrides(),
        template,
        out: out.clone(),
        variant: args.variant(format),
        force: batch_args.force,
        fail_fast: batch_args.fail_fast,
        jobs,
        shard: batch_args.shard,
    };
    let start = Instant::now();
    let (planned, failed) = pool.install(|| batch.plan())?;
    if batch_args.dry_run {
        return dry_run(&batch, &planned, &failed, json);
    }
    let stderr_color = color.stderr();
    let noun = match batch.source {
        Source::Table(_) => "row",
        Source::Folder { .. } => "case",
    };
    let mut printer = Printer {
        seen: HashMap::new(),
        in_table: noun == "row",
    };
    for outcome in &failed {
        printer.print(outcome, stderr_color);
    }
    // The free text of the cases: warnings, the letters are built.
    if !json {
        for warning in planned.iter().flat_map(|p| &p.warnings) {
            report::diagnostic_with_code(warning, stderr_color);
        }
    }

    let bar = if !json && std::io::stderr().is_terminal() && !planned.is_empty() {
        let bar = ProgressBar::new(planned.len() as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {pos}/{len} letters · {per_sec} · {elapsed} · ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    } else {
        ProgressBar::hidden()
    };
    let produce = |letter: &lettrine::letter::Letter| args.produce(builder, letter, format);
    let built = batch.build(&planned, &produce, &|_: &Outcome| bar.inc(1))?;
    bar.finish_and_clear();
    let seconds = start.elapsed().as_secs_f64();

    let mut outcomes: Vec<&Outcome> = failed.iter().chain(&built).collect();
    outcomes.sort_by_key(|o| o.index);
    for outcome in &built {
        printer.print(outcome, stderr_color);
    }
    printer.repeats(stderr_color);

    let count = |f: fn(&Status) -> bool| outcomes.iter().filter(|o| f(&o.status)).count();
    let written = count(|s| matches!(s, Status::Written));
    let up_to_date = count(|s| matches!(s, Status::UpToDate));
    let bad = count(|s| matches!(s, Status::Failed(_)));
    let rate = if seconds > 0.0 {
        written as f64 / seconds
    } else {
        0.0
    };
    if json {
        let warned: Vec<(String, &Diagnostic)> = planned
            .iter()
            .flat_map(|p| {
                let label = batch.source.label(p.index);
                p.warnings.iter().map(move |d| (label.clone(), d))
            })
            .collect();
        let summary = Summary {
            format: 1,
            input: args.case().display().to_string(),
            out: out.display().to_string(),
            rows: batch.source.len(),
            written,
            up_to_date,
            failed: bad,
            seconds: (seconds * 1000.0).round() / 1000.0,
            letters_per_second: rate.round(),
            letters: outcomes
                .iter()
                .filter_map(|o| {
                    let status = match o.status {
                        Status::Written => "written",
                        Status::UpToDate => "up-to-date",
                        _ => return None,
                    };
                    Some(LetterSummary {
                        item: &o.label,
                        name: o.name.as_deref()?,
                        status,
                    })
                })
                .collect(),
            problems: outcomes.iter().flat_map(|o| problems(o)).collect(),
            warnings: warned
                .iter()
                .map(|(label, d)| Problem {
                    item: label,
                    code: d.code.to_string(),
                    message: d.message.clone(),
                    field: d.field.as_deref(),
                    location: d.location(),
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&summary).unwrap_or_default();
        text.push('\n');
        super::stdout(text.as_bytes())?;
    } else {
        let bad_rows = match bad {
            0 => String::new(),
            1 => ", 1 failed (above)".to_owned(),
            n => format!(", {n} failed (above)"),
        };
        let speed = if written > 0 {
            format!(", {rate:.0} letters/s")
        } else {
            String::new()
        };
        let items = match batch.shard {
            Some(shard) => format!(
                "shard {shard}: {} of {}",
                outcomes.len(),
                plural(batch.source.len(), noun)
            ),
            None => plural(batch.source.len(), noun),
        };
        eprintln!(
            "{}: {written} written, {up_to_date} up to date{bad_rows} ({items} in {seconds:.1} s{speed})",
            out.display(),
        );
    }
    Ok(bad == 0)
}

/// What `--dry-run --format json` prints.
#[derive(Debug, Serialize)]
struct DryRun {
    format: u32,
    out: String,
    complete: bool,
    up_to_date: usize,
    to_build: usize,
    failed: usize,
    shards: Vec<ShardProgress>,
}

#[derive(Debug, Serialize)]
struct ShardProgress {
    shard: String,
    complete: bool,
    up_to_date: usize,
    to_build: usize,
    failed: usize,
}

/// `--dry-run`: how far the batch is, per shard and in all; `Ok(true)`
/// (exit 0) when nothing is left to build and nothing failed.
fn dry_run(
    batch: &Batch,
    planned: &[lettrine::batch::Planned],
    failed: &[Outcome],
    json: bool,
) -> Result<bool, Error> {
    let (shards, total) = batch.progress(planned, failed);
    let line = |p: &Progress| {
        format!(
            "{} up to date, {} to build, {} failed{}",
            p.up_to_date,
            p.to_build,
            p.failed,
            if p.complete() { " (complete)" } else { "" }
        )
    };
    let text = if json {
        let report = DryRun {
            format: 1,
            out: batch.out.display().to_string(),
            complete: total.complete(),
            up_to_date: total.up_to_date,
            to_build: total.to_build,
            failed: total.failed,
            shards: shards
                .iter()
                .map(|(shard, p)| ShardProgress {
                    shard: shard.to_string(),
                    complete: p.complete(),
                    up_to_date: p.up_to_date,
                    to_build: p.to_build,
                    failed: p.failed,
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
        text.push('\n');
        text
    } else {
        let mut text = String::new();
        for (shard, p) in &shards {
            text.push_str(&format!("shard {shard}: {}\n", line(p)));
        }
        let all = if batch.shard.is_some() {
            "this shard"
        } else {
            "all"
        };
        text.push_str(&format!("{all}: {}\n", line(&total)));
        text
    };
    super::stdout(text.as_bytes())?;
    Ok(total.complete())
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The problems of a failed item, for the JSON summary.
fn problems(outcome: &Outcome) -> Vec<Problem<'_>> {
    let Status::Failed(error) = &outcome.status else {
        return Vec::new();
    };
    match error {
        Error::Invalid(diagnostics) => diagnostics
            .iter()
            .map(|d| Problem {
                item: &outcome.label,
                code: d.code.to_string(),
                message: d.message.clone(),
                field: d.field.as_deref(),
                location: d.location(),
            })
            .collect(),
        other => vec![Problem {
            item: &outcome.label,
            code: "batch::error".to_owned(),
            message: other.to_string(),
            field: None,
            location: None,
        }],
    }
}

/// Prints failed items, each diagnostic led by its row; a diagnostic that
/// points at the same place as one already printed (a header cell every row
/// trips on) is counted, not repeated.
#[derive(Debug)]
struct Printer {
    seen: HashMap<(String, String, Option<String>), usize>,
    /// Items are rows (`row 7`), not case files.
    in_table: bool,
}

impl Printer {
    fn print(&mut self, outcome: &Outcome, color: bool) {
        let Status::Failed(error) = &outcome.status else {
            return;
        };
        let Error::Invalid(diagnostics) = error else {
            report::plain(&format!("{}: {error}", outcome.label), None, color);
            return;
        };
        for d in diagnostics {
            let key = (d.code.to_string(), d.message.clone(), d.location());
            let count = self.seen.entry(key).or_insert(0);
            *count += 1;
            if *count > 1 {
                continue;
            }
            if self.in_table {
                let mut led: Diagnostic = d.clone();
                led.message = format!("{}: {}", outcome.label, d.message);
                report::diagnostic(&led, color);
            } else {
                report::diagnostic(d, color);
            }
        }
    }

    /// Says how often the repeated problems came up.
    fn repeats(&self, color: bool) {
        let mut repeated: Vec<_> = self.seen.iter().filter(|(_, n)| **n > 1).collect();
        repeated.sort();
        for ((_, message, location), n) in repeated {
            let at = location
                .as_deref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            let items = if self.in_table { "rows" } else { "cases" };
            report::plain(&format!("{n} {items}: {message}{at}"), None, color);
        }
    }
}
