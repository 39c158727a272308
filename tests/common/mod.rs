//! Shared helpers for the command-line tests: run the real binary in a
//! clean environment and read PDFs back through poppler's `pdftotext`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example(locale: &str) -> PathBuf {
    root()
        .join("packs/refund-refusal/examples")
        .join(format!("{locale}.toml"))
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub bytes: Vec<u8>,
}

/// Runs `lettrine` in `cwd` with no inherited configuration (no NO_COLOR,
/// no terminal), so that output is the same everywhere.
pub fn lettrine(cwd: &Path, args: &[&str]) -> Run {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_lettrine"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .output()
        .expect("the lettrine binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        bytes: output.stdout,
    }
}

/// The text of a PDF as poppler reads it, white space folded to single
/// spaces (a PDF has no space characters, only gaps between glyphs).
pub fn pdf_text(pdf: &Path) -> String {
    fold(&pdftotext(pdf))
}

/// The text of each page of a PDF, as [`pdf_text`] reads the whole.
pub fn pdf_page_texts(pdf: &Path) -> Vec<String> {
    // poppler ends every page with a form feed.
    pdftotext(pdf).split_terminator('\u{c}').map(fold).collect()
}

/// What `pdftotext` prints of a PDF, as it prints it.
fn pdftotext(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn pdf_pages(pdf: &Path) -> usize {
    let output = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    let info = String::from_utf8_lossy(&output.stdout).into_owned();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

/// Folds every run of white space (including no-break spaces) into one space.
pub fn fold(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{202F}' || c == '\u{A0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes a case file into `dir` and returns its path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the folder");
    }
    std::fs::write(&path, text).expect("write the file");
    path
}

/// The French example with `from` replaced by `to`.
pub fn french_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(example("fr")).expect("the example exists");
    assert!(text.contains(from), "the French example contains {from:?}");
    text.replacen(from, to, 1)
}

/// Copies a folder recursively (a pack or the styles, into a test project).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk the folder");
        let target = to.join(entry.path().strip_prefix(from).expect("below the root"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create the folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy the file");
        }
    }
}

/// Runs git in `dir` with a fixed identity and date and no user or system
/// configuration, so commit ids are the same on every run; returns its
/// standard output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_AUTHOR_DATE", "2026-11-01T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-01T10:00:00Z")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git is installed");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("git prints UTF-8 here")
}

/// Replaces the first `from` in the file at `path` by `to`; `from` must be
/// there.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read the file");
    assert!(text.contains(from), "{} contains {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write the file");
}

/// Commits everything in the repository at `dir`.
pub fn commit(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// In the French messages at `ftl`, moves the concession's second sentence
/// to the start of `discuss`, losing a word ("simplement") on the way: a
/// move with an inner edit.
pub fn move_concession_sentence(ftl: &Path) {
    let sentence = "Ce geste ne signifie pas qu’une faute ait été commise, de part ou d’autre : il témoigne simplement de l’importance que nous attachons à notre relation.";
    edit(ftl, &format!("    }} {sentence}\n"), "    }\n");
    edit(
        ftl,
        "discuss =\n    Nous restons",
        &format!(
            "discuss =\n    {} Nous restons",
            sentence.replace("simplement ", "")
        ),
    );
}
