//! The command line: clap types, one file per subcommand, and the mapping
//! from errors to exit codes. Only this module writes to the terminal.

mod batch;
mod build;
mod diff;
mod git_setup;
mod issue;
mod lint;
mod lint_formats;
mod list;
mod new;
pub mod report;
mod status;
mod textconv;
mod watch;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use lettrine::Error;
use lettrine::revision::Project;
use report::ColorChoice;

/// Compile Fluent message packs and Typst styles into typeset letters.
#[derive(Debug, Parser)]
#[command(name = "lettrine", version, about, max_term_width = 100)]
pub struct Cli {
    /// When to use colour in messages.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,

    /// The project folder whose packs/ and styles/ override the embedded ones
    /// [default: the current directory].
    #[arg(long, global = true, value_name = "DIR")]
    project: Option<PathBuf>,

    /// Read the project's packs, styles, profiles, senders and lexicons as
    /// they were at this git revision (a commit, a tag, HEAD~1) instead of
    /// the working tree; cases are still read from the files given.
    #[arg(long, global = true, value_name = "REV")]
    rev: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build a letter from a case file (TOML or JSON).
    Build(build::BuildArgs),
    /// Issue the final letter of a case: build it without the draft notice,
    /// once any review it needs is approved, and add a record to the
    /// archive (the PDF, the case, the Letter, every input and their
    /// SHA-256).
    Issue(issue::IssueArgs),
    /// Check an archive of issued letters: every file against its recorded
    /// SHA-256, the chain of records, and a rebuild of each letter from its
    /// recorded inputs to the same bytes.
    Verify(issue::VerifyArgs),
    /// Build a letter, then rebuild it on every change of the case, its pack,
    /// style, profile or sender file, until Ctrl-C.
    Watch(build::BuildArgs),
    /// Check packs, or any Fluent folder, for everything that would make a
    /// letter wrong: syntax, completeness, variables, references, tone,
    /// forbidden claims, typography. Exit 1 on errors.
    Lint(lint::LintArgs),
    /// Show each locale's progress per pack: complete, missing, obsolete,
    /// stale (from git history) and words.
    Status(status::StatusArgs),
    /// Print a case file to fill in, from a pack's fields.
    New(new::NewArgs),
    /// List the packs: embedded, and the project's own.
    Packs,
    /// List the styles: embedded, and the project's own.
    Styles,
    /// List the layout profiles, with the locales each is the default for.
    Profiles,
    /// List the themes: embedded, and the project's own.
    Themes,
    /// List the font families letters can use, with their styles and
    /// where each comes from: embedded, or the project's fonts/ folder.
    Fonts,
    /// Show what changed in the letters (and with --packs, the messages)
    /// between two revisions, a revision and the work tree, or two case
    /// files: word by word, figures first, with the cause of each change.
    /// Exit 0: no change, 1: changes, 2: trouble.
    Diff(diff::DiffArgs),
    /// Print a file as `git diff` should show it: a .ftl file one sorted,
    /// normalised message per line; a case file as its letter's text.
    Textconv(textconv::TextconvArgs),
    /// Make git show .ftl and case files through `lettrine textconv`:
    /// writes .gitattributes and the local git config, after showing them.
    GitSetup(git_setup::GitSetupArgs),
    /// Print a shell completion script: `lettrine completions bash > …`.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the man page, in roff: `lettrine man > lettrine.1`.
    Man,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let color = cli.color.stderr();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            report::error(&e, color);
            ExitCode::from(match e {
                Error::Invalid(_) | Error::Read { .. } => 1,
                Error::Usage { .. } | Error::Write { .. } => 2,
            })
        }
    }
}

/// Runs the command; `Ok(false)` when it ran but found what fails it
/// (lint errors), having said so.
fn run(cli: Cli) -> Result<bool, Error> {
    let project = open_project(cli.project.as_deref(), cli.rev.as_deref())?;
    let color = cli.color.stderr();
    let done = match cli.command {
        Command::Lint(args) => return lint::run(args, &project, color),
        Command::Diff(args) => return diff::run(args, cli.project.as_deref(), project, cli.color),
        Command::Build(args) => return build::run(args, project, cli.color),
        Command::Issue(args) => issue::issue(args, project, cli.rev.is_some(), color),
        Command::Verify(args) => return issue::verify(args, project, color),
        Command::Watch(args) => watch::run(args, project, color),
        Command::New(args) => new::run(args, project),
        Command::Status(args) => status::run(args, &project),
        Command::Textconv(args) => textconv::run(args, project),
        Command::GitSetup(args) => git_setup::run(args),
        Command::Packs => list::packs(&project),
        Command::Styles => list::styles(&project),
        Command::Profiles => list::profiles(&project),
        Command::Themes => list::themes(&project),
        Command::Fonts => list::fonts(project),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "lettrine", &mut script);
            stdout(&script)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(|source| Error::Write {
                    path: "<stdout>".into(),
                    source,
                })?;
            stdout(&page)
        }
    };
    done.map(|()| true)
}

fn open_project(dir: Option<&Path>, rev: Option<&str>) -> Result<Project, Error> {
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None => PathBuf::from("."),
    };
    if let Some(rev) = rev {
        let tree = lettrine::history::GitTree::open(&dir, rev).map_err(|message| {
            Error::usage(
                message,
                Some("give a commit, a tag or a branch: --rev HEAD~1".to_owned()),
            )
        })?;
        return Ok(Project::from_tree(std::sync::Arc::new(tree)));
    }
    Project::new(Some(&dir)).map_err(|source| Error::Read {
        path: dir.display().to_string(),
        source,
    })
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })
}

fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Write { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
}

use lettrine::output::write_atomic;
