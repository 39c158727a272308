//! `lettrine diff`: what changed between two versions of the letters (and,
//! with `--packs`, of the messages), for a reviewer. Exit 0 when nothing
//! changed, 1 when something did, 2 on trouble, like `diff`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::Command;

use lettrine::Error;
use lettrine::diff::{self, Report, Version};
use lettrine::render;
use lettrine::revision::{Project, RelPath};

use super::report::ColorChoice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// For a terminal: like `git diff --word-diff`, in colour on a terminal.
    Term,
    /// Markdown, for a pull-request comment.
    Md,
    /// JSON, for bots (schema in the README).
    Json,
    /// A redline PDF: the new letters with the changes marked.
    Pdf,
    /// A Word redline per letter: the new letter with every change as a
    /// tracked change, and a comment on each changed block saying why.
    Docx,
    /// One HTML page.
    Html,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// Nothing: HEAD against the work tree. One revision: it against the
    /// work tree. Two revisions: the first against the second. Two files:
    /// one case file against the other.
    #[arg(value_name = "REV_OR_FILE", num_args = 0..=2)]
    versions: Vec<String>,

    /// Only the cases (and, with --packs, the packs) under these paths,
    /// relative to the project folder.
    #[arg(last = true, value_name = "PATH")]
    paths: Vec<String>,

    /// Also compare the packs' messages, by id, across locales, and flag
    /// the translations whose source changed but that did not (stale).
    #[arg(long)]
    packs: bool,

    #[arg(long, value_enum, default_value_t = DiffFormat::Term)]
    format: DiffFormat,

    /// Write to this file instead of standard output (atomically).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// With --format docx: write one redline per changed letter into this
    /// folder, named after its case (cases/dupont.toml → DIR/cases/dupont.docx).
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    out: Option<PathBuf>,

    /// With --format docx: the tracked changes' author. Default: the newer
    /// revision's commit author, else git's user.name.
    #[arg(long, value_name = "NAME")]
    author: Option<String>,

    /// Write the report (the redline with --format pdf) to a temporary
    /// file and open it with $LETTRINE_VIEWER, or the system's viewer.
    #[arg(long, conflicts_with = "output")]
    open: bool,
}

/// Runs the diff; `Ok(false)` when there are changes.
pub fn run(
    args: DiffArgs,
    project_dir: Option<&Path>,
    project: Project,
    color: ColorChoice,
) -> Result<bool, Error> {
    let dir = project_dir.unwrap_or(Path::new("."));
    let paths = args
        .paths
        .iter()
        .map(|p| {
            RelPath::new(p.trim_end_matches('/')).ok_or_else(|| {
                Error::usage(
                    format!("the path {p:?} is outside the project folder"),
                    Some("give paths relative to the project folder, like cases/".to_owned()),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let is_file = |v: &str| v == "/dev/null" || Path::new(v).is_file();
    let (mut old, mut new) = match args.versions.as_slice() {
        [a, b] if is_file(a) && is_file(b) => {
            // git difftool gives /dev/null for a side that does not exist.
            let key = if b == "/dev/null" { a } else { b };
            (
                Version::file(project.clone(), key, Path::new(a))?,
                Version::file(project, key, Path::new(b))?,
            )
        }
        [a, b] => (
            Version::at_revision(dir, a, &paths)?,
            Version::at_revision(dir, b, &paths)?,
        ),
        [a] => (
            Version::at_revision(dir, a, &paths)?,
            Version::work_tree(dir, &paths)?,
        ),
        _ => (
            Version::at_revision(dir, "HEAD", &paths)?,
            Version::work_tree(dir, &paths)?,
        ),
    };
    let report = diff::compare(&mut old, &mut new, args.packs);
    if args.format == DiffFormat::Docx {
        word(&args, dir, &report, &old, &new)?;
        return finish(&report);
    }
    if args.out.is_some() || args.author.is_some() {
        return Err(Error::usage(
            "--out and --author apply to --format docx only",
            Some("write other formats with -o FILE".to_owned()),
        ));
    }
    let bytes = match args.format {
        DiffFormat::Term => {
            let color = args.output.is_none() && !args.open && color.stdout();
            render::report::term(&report, color).into_bytes()
        }
        DiffFormat::Md => render::report::markdown(&report).into_bytes(),
        DiffFormat::Html => render::report::html(&report).into_bytes(),
        DiffFormat::Json => {
            let mut json = serde_json::to_string_pretty(&report)
                .map_err(|e| Error::usage(format!("cannot write JSON: {e}"), None))?;
            json.push('\n');
            json.into_bytes()
        }
        DiffFormat::Docx => unreachable!("written above"),
        DiffFormat::Pdf => {
            if args.packs {
                return Err(Error::usage(
                    "the redline shows letters, not packs",
                    Some("use --format md or html with --packs".to_owned()),
                ));
            }
            if args.output.is_none() && !args.open && std::io::stdout().is_terminal() {
                return Err(Error::usage(
                    "a PDF is not for the terminal",
                    Some(
                        "write it to a file with -o redline.pdf, or view it with --open".to_owned(),
                    ),
                ));
            }
            let date = report_date(&report);
            render::redline::pdf(&report, new.builder().renderer(), &date)?
        }
    };
    if args.open {
        open(&bytes, args.format)?;
    } else if let Some(path) = &args.output {
        super::write_atomic(path, &bytes)?;
    } else {
        super::stdout(&bytes)?;
    }
    finish(&report)
}

/// The exit: an error when a side could not be built, else whether
/// nothing changed.
fn finish(report: &Report) -> Result<bool, Error> {
    if !report.problems.is_empty() {
        return Err(Error::usage(
            format!(
                "{} case(s) or pack(s) could not be built on one side; see \"problem:\" above",
                report.problems.len()
            ),
            None,
        ));
    }
    Ok(!report.has_changes())
}

/// The Word redlines: one per changed letter, to `-o FILE` when there is
/// one, into `--out DIR` for any number.
fn word(
    args: &DiffArgs,
    dir: &Path,
    report: &Report,
    old: &Version,
    new: &Version,
) -> Result<(), Error> {
    if args.packs {
        return Err(Error::usage(
            "the Word redline shows letters, not packs",
            Some("use --format md or html with --packs".to_owned()),
        ));
    }
    let many = report.letters.len() > 1;
    if many && args.out.is_none() {
        return Err(Error::usage(
            format!(
                "{} letters changed, and a Word redline holds one",
                report.letters.len()
            ),
            Some("write one .docx per letter into a folder with --out DIR".to_owned()),
        ));
    }
    if args.out.is_none() && args.output.is_none() && !args.open && std::io::stdout().is_terminal()
    {
        return Err(Error::usage(
            "a Word document is not for the terminal",
            Some("write it to a file with -o redline.docx, or view it with --open".to_owned()),
        ));
    }
    if report.letters.is_empty() {
        eprintln!("lettrine diff: no letter changed; no redline written");
        return Ok(());
    }
    let git_user = || lettrine::history::Repo::discover(dir).and_then(|r| r.user_name());
    for letter in &report.letters {
        let author = args
            .author
            .clone()
            .or_else(|| new.author().map(str::to_owned))
            .or_else(git_user)
            .unwrap_or_else(|| "lettrine".to_owned());
        let time = new
            .time_of(&letter.case)
            .or_else(|| old.time_of(&letter.case));
        let stamp = match time {
            Some(secs) => render::docx::Stamp::at(author, secs),
            None => render::docx::Stamp {
                author,
                date: format!("{}T00:00:00Z", report_date(report)),
            },
        };
        let redline = render::docx::redline(letter, &stamp)?;
        if let Some(out) = &args.out {
            let path = out.join(Path::new(&letter.case).with_extension("docx"));
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|source| Error::Write {
                    path: parent.to_path_buf(),
                    source,
                })?;
            }
            super::write_atomic(&path, &redline.bytes)?;
            eprintln!(
                "lettrine diff: wrote {} ({} tracked changes, {} comments)",
                path.display(),
                redline.changes,
                redline.comments
            );
        } else if args.open {
            open(&redline.bytes, DiffFormat::Docx)?;
        } else if let Some(path) = &args.output {
            super::write_atomic(path, &redline.bytes)?;
        } else {
            super::stdout(&redline.bytes)?;
        }
    }
    Ok(())
}

/// The redline's date: the first new letter's, so the PDF is reproducible.
fn report_date(report: &Report) -> String {
    report
        .letters
        .iter()
        .find_map(|l| l.new.as_ref().or(l.old.as_ref()))
        .map_or_else(|| "1970-01-01".to_owned(), |side| side.date.clone())
}

/// Writes the report to a temporary file and opens it.
fn open(bytes: &[u8], format: DiffFormat) -> Result<(), Error> {
    let extension = match format {
        DiffFormat::Pdf => "pdf",
        DiffFormat::Docx => "docx",
        DiffFormat::Html => "html",
        DiffFormat::Md => "md",
        DiffFormat::Json => "json",
        DiffFormat::Term => "txt",
    };
    let file = tempfile::Builder::new()
        .prefix("lettrine-diff-")
        .suffix(&format!(".{extension}"))
        .tempfile()
        .and_then(|mut f| {
            std::io::Write::write_all(&mut f, bytes)?;
            f.keep().map_err(|e| e.error)
        })
        .map_err(|source| Error::Write {
            path: std::env::temp_dir(),
            source,
        })?;
    let path = file.1;
    let viewer = std::env::var("LETTRINE_VIEWER")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| {
            if cfg!(target_os = "macos") {
                "open".to_owned()
            } else {
                "xdg-open".to_owned()
            }
        });
    eprintln!("lettrine diff: wrote {}", path.display());
    Command::new(&viewer).arg(&path).status().map_err(|e| {
        Error::usage(
            format!("cannot start the viewer {viewer:?}: {e}"),
            Some(format!(
                "set LETTRINE_VIEWER to a program that opens .{extension} files; the file is {}",
                path.display()
            )),
        )
    })?;
    Ok(())
}
