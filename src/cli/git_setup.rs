//! `lettrine git-setup`: makes `git diff`, `git log -p` and `git show`
//! show Fluent files one normalised message per line and case files as the
//! text of their letters, through `lettrine textconv`, and makes
//! `git difftool -t lettrine` open the redline of each changed case. It
//! shows what it writes, writes only what is missing, and can be run again
//! safely.

use std::path::Path;
use std::process::Command;

use lettrine::Error;
use lettrine::history::Repo;

#[derive(Debug, clap::Args)]
pub struct GitSetupArgs {
    /// Show what would be written, write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// The `.gitattributes` lines: every Fluent file, and case files where
/// lettrine keeps them.
const ATTRIBUTES: &[&str] = &[
    "*.ftl diff=lettrine-ftl",
    "packs/*/examples/*.toml diff=lettrine-case",
    "cases/**/*.toml diff=lettrine-case",
    "cases/**/*.json diff=lettrine-case",
];

pub fn run(args: GitSetupArgs) -> Result<(), Error> {
    let here = Path::new(".");
    let repo = Repo::discover(here).ok_or_else(|| {
        Error::usage(
            "this folder is not in a git repository",
            Some("run `git init` first, or run git-setup inside the repository".to_owned()),
        )
    })?;
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| p.to_str().map(str::to_owned))
        .unwrap_or_else(|| "lettrine".to_owned());
    let command = format!("{} textconv", shell_quote(&exe));
    let attributes_path = repo.root().join(".gitattributes");
    let existing = std::fs::read_to_string(&attributes_path).unwrap_or_default();
    let missing: Vec<&str> = ATTRIBUTES
        .iter()
        .copied()
        .filter(|line| !existing.lines().any(|l| l.trim() == *line))
        .collect();
    // `git difftool -t lettrine` opens the redline of each changed case.
    // Git hands the two versions over as files (`/dev/null` for a missing
    // side). `lettrine diff` exits 1 when they differ, so the exit code is
    // not trusted: with trustExitCode, git would stop after the first case.
    let difftool = format!(
        "{} diff --format pdf --open \"$LOCAL\" \"$REMOTE\"",
        shell_quote(&exe)
    );
    let config = [
        ("diff.lettrine-ftl.textconv", command.as_str()),
        ("diff.lettrine-case.textconv", command.as_str()),
        ("difftool.lettrine.cmd", difftool.as_str()),
        ("difftool.lettrine.trustExitCode", "false"),
    ];
    let mut plan = String::new();
    if missing.is_empty() {
        plan.push_str(&format!("{}: up to date\n", attributes_path.display()));
    } else {
        plan.push_str(&format!("{}: add\n", attributes_path.display()));
        for line in &missing {
            plan.push_str(&format!("    {line}\n"));
        }
    }
    let mut to_set = Vec::new();
    for (key, value) in config {
        let current = git_config_get(&repo, key);
        if current.as_deref() == Some(value) {
            plan.push_str(&format!("git config {key}: up to date\n"));
        } else {
            plan.push_str(&format!("git config --local {key} '{value}'\n"));
            to_set.push((key, value));
        }
    }
    if args.dry_run {
        plan.push_str("(dry run: nothing written)\n");
    }
    super::stdout(plan.as_bytes())?;
    if args.dry_run {
        return Ok(());
    }
    if !missing.is_empty() {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.contains("# lettrine") {
            text.push_str(
                "# lettrine: readable diffs of messages and letters (lettrine git-setup)\n",
            );
        }
        for line in missing {
            text.push_str(line);
            text.push('\n');
        }
        super::write_atomic(&attributes_path, text.as_bytes())?;
    }
    for (key, value) in to_set {
        let status = Command::new("git")
            .arg("-C")
            .arg(repo.root())
            .args(["config", "--local", key, value])
            .status()
            .map_err(|source| Error::Write {
                path: repo.root().join(".git/config"),
                source,
            })?;
        if !status.success() {
            return Err(Error::usage(format!("git config {key} failed"), None));
        }
    }
    Ok(())
}

fn git_config_get(repo: &Repo, key: &str) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo.root())
        .args(["config", "--local", "--get", key])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim_end().to_owned())
}

/// `path` as one shell word: git runs the textconv command through a shell.
fn shell_quote(path: &str) -> String {
    if path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c))
    {
        path.to_owned()
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}
