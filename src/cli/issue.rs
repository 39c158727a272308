//! `lettrine issue CASE`: the final letter, archived with everything that
//! made it; `lettrine verify [ARCHIVE]`: proof that the archive is intact.

use std::path::{Path, PathBuf};

use lettrine::Error;
use lettrine::archive::{self, IssueRequest};
use lettrine::builder::Builder;
use lettrine::revision::Project;

use super::report;

#[derive(Debug, clap::Args)]
pub struct IssueArgs {
    /// The case file: TOML, or JSON when it ends in .json.
    case: PathBuf,
    /// The archive folder the record is added to [default: archive/ in the
    /// project folder].
    #[arg(long, value_name = "DIR")]
    archive: Option<PathBuf>,
    /// Who reviewed and approved the letter, when a review rule of the pack
    /// applies to it (recorded in the archive).
    #[arg(long, value_name = "NAME")]
    approved_by: Option<String>,
    /// Who issues the letter [default: $LETTRINE_ISSUER, else git's
    /// user.name, else $USER].
    #[arg(long, value_name = "NAME")]
    issuer: Option<String>,
    /// Also write the issued PDF here (to send it); the record keeps its own
    /// copy.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The archive folder [default: archive/ in the project folder].
    archive: Option<PathBuf>,
    /// How many records are rebuilt at once [default: one per core].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
}

/// The archive folder: as given, else `archive/` in the project.
fn archive_dir(given: Option<PathBuf>, project: &Project) -> PathBuf {
    given.unwrap_or_else(|| match project.root() {
        Some(root) if root != Path::new(".") => root.join("archive"),
        _ => PathBuf::from("archive"),
    })
}

pub fn issue(args: IssueArgs, project: Project, rev: bool, color: bool) -> Result<(), Error> {
    if rev {
        return Err(Error::usage(
            "a letter is issued from the project folder, not from a git revision",
            Some("check the revision out, then issue the letter".to_owned()),
        ));
    }
    let table = args
        .case
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["csv", "tsv", "jsonl"].contains(&e.to_ascii_lowercase().as_str()));
    if table || args.case.is_dir() {
        return Err(Error::usage(
            format!(
                "{} is not a case file: a letter is issued from one case",
                args.case.display()
            ),
            Some(
                "give a .toml or .json case; `build` makes drafts of a table or folder".to_owned(),
            ),
        ));
    }
    let issuer = match args.issuer.or_else(default_issuer) {
        Some(name) if !name.trim().is_empty() => name.trim().to_owned(),
        _ => {
            return Err(Error::usage(
                "who issues the letter is recorded, and nothing says who you are",
                Some("give --issuer NAME (or set LETTRINE_ISSUER)".to_owned()),
            ));
        }
    };
    let approved_by = match args.approved_by {
        Some(name) if name.trim().is_empty() => {
            return Err(Error::usage(
                "--approved-by needs the name of who reviewed the letter",
                None,
            ));
        }
        other => other.map(|name| name.trim().to_owned()),
    };
    let request = IssueRequest {
        archive: archive_dir(args.archive, &project),
        case: args.case,
        issuer,
        approved_by,
    };
    let builder = Builder::new(project);
    // What staff typed into the case is held to the pack's rules: a claim
    // the lexicons forbid stops the letter, as it would in a message.
    // The rest (spelling, tone) is said, and the letter goes out as written.
    let case = builder.read_case(&request.case)?;
    let (claims, warnings): (Vec<_>, Vec<_>) = builder
        .case_text_findings(&case)
        .into_iter()
        .partition(|d| d.severity == lettrine::diagnostic::Severity::Error);
    if !claims.is_empty() {
        return Err(Error::Invalid(claims));
    }
    for warning in &warnings {
        report::diagnostic_with_code(warning, color);
    }
    let issued = archive::issue(&builder, &request)?;
    if let Some(path) = &args.output {
        super::write_atomic(path, &issued.pdf)?;
    }
    let pdf = &issued.manifest.outputs[0].sha256;
    let mut out = format!("issued {} ({pdf})\n", issued.record.display());
    if let Some(by) = &issued.manifest.approved_by {
        let rules: Vec<&str> = issued
            .manifest
            .review
            .iter()
            .map(|r| r.rule.as_str())
            .collect();
        if !rules.is_empty() {
            out.push_str(&format!(
                "approved by {by} for review: {}\n",
                rules.join(", ")
            ));
        }
    }
    if let Some(path) = &args.output {
        out.push_str(&format!("wrote {}\n", path.display()));
    }
    super::stdout(out.as_bytes())
}

/// Who issues, when `--issuer` is not given.
fn default_issuer() -> Option<String> {
    let from_env = |name| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    from_env("LETTRINE_ISSUER")
        .or_else(|| {
            let out = std::process::Command::new("git")
                .args(["config", "user.name"])
                .output()
                .ok()?;
            let name = String::from_utf8(out.stdout).ok()?;
            Some(name.trim().to_owned()).filter(|n| !n.is_empty())
        })
        .or_else(|| from_env("USER"))
        .or_else(|| from_env("LOGNAME"))
}

/// Prints one line per record and per problem; `false` when any record
/// has a problem.
pub fn verify(args: VerifyArgs, project: Project, color: bool) -> Result<bool, Error> {
    let dir = archive_dir(args.archive, &project);
    let builder = Builder::new(project);
    let jobs = args.jobs.unwrap_or_else(lettrine::workers::default_jobs);
    let verified = archive::verify(&builder, &dir, jobs)?;
    let mut out = String::new();
    for (name, rebuilt) in &verified.records {
        if *rebuilt {
            out.push_str(&format!(
                "ok {}: intact, rebuilt to the same bytes\n",
                dir.join(name).display()
            ));
        }
    }
    let broken = verified
        .records
        .iter()
        .filter(|(_, rebuilt)| !rebuilt)
        .count();
    out.push_str(&format!(
        "verified {} records: {} intact, {} with problems\n",
        verified.records.len(),
        verified.records.len() - broken,
        broken
    ));
    super::stdout(out.as_bytes())?;
    for problem in &verified.problems {
        let place = match &problem.file {
            Some(file) => dir.join(&problem.record).join(file),
            None => dir.join(&problem.record),
        };
        report::plain(
            &format!("{}: {}", place.display(), problem.message),
            None,
            color,
        );
    }
    Ok(verified.problems.is_empty())
}
