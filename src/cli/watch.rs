//! `lettrine watch CASE`: builds the letter, then rebuilds it whenever the
//! case, a file it names, or the project's packs, styles, profiles, senders,
//! themes, fonts or vendored Typst packages change.
//! Errors are reported and the watch goes on, so a user can tune a message
//! or a profile and see the result at once. Stops on Ctrl-C.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use lettrine::Error;
use lettrine::builder::Builder;
use lettrine::revision::Project;

use super::build::{BuildArgs, build};
use super::report;

/// Changes closer together than this are one change: editors write a file
/// in several steps.
const SETTLE: Duration = Duration::from_millis(150);

pub fn run(args: BuildArgs, project: Project, color: bool) -> Result<(), Error> {
    args.batch.single()?;
    let builder = Builder::new(project);
    let (sender, events) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !matches!(event.kind, notify::EventKind::Access(_))
        {
            let _ = sender.send(event.paths);
        }
    })
    .map_err(|e| watch_error(args.case(), e))?;

    // The case's folder (not recursively: a case may sit anywhere), and the
    // project's own packs, styles, profiles, senders, themes, fonts and
    // vendored Typst packages.
    let case_dir = match args.case().parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    watcher
        .watch(&case_dir, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(&case_dir, e))?;
    if let Some(root) = builder.project().root() {
        for dir in [
            "packs",
            "styles",
            "profiles",
            "senders",
            "themes",
            "fonts",
            "typst-packages",
        ] {
            let dir = root.join(dir);
            if dir.is_dir() {
                watcher
                    .watch(&dir, RecursiveMode::Recursive)
                    .map_err(|e| watch_error(&dir, e))?;
            }
        }
    }

    let output = args.output();
    rebuild(&args, &builder, color);
    loop {
        let Ok(paths) = events.recv() else {
            return Ok(());
        };
        let mut relevant = paths.iter().any(|p| matters(p, output.as_deref()));
        // Let the burst of events of one save settle.
        let deadline = Instant::now() + SETTLE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match events.recv_timeout(left) {
                Ok(more) => relevant |= more.iter().any(|p| matters(p, output.as_deref())),
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
        if relevant {
            builder.forget();
            rebuild(&args, &builder, color);
        }
    }
}

/// Builds once and says how it went, on standard error.
fn rebuild(args: &BuildArgs, builder: &Builder, color: bool) {
    let start = Instant::now();
    match build(args, builder, color) {
        Ok(path) => eprintln!(
            "[lettrine] built {} in {} ms",
            path,
            start.elapsed().as_millis()
        ),
        Err(e) => {
            report::error(&e, color);
            eprintln!("[lettrine] watching for changes…");
        }
    }
}

/// Whether a change to `path` can change the letter: not the output we
/// write ourselves, nor editors' and our own temporary files.
fn matters(path: &Path, output: Option<&Path>) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let temporary = name.starts_with(".lettrine-")
        || name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx");
    let ours = output.is_some_and(|out| same_file(path, out));
    !temporary && !ours
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a.file_name() == b.file_name() && a.parent() == b.parent(),
    }
}

fn watch_error(path: &Path, e: notify::Error) -> Error {
    Error::Read {
        path: path.display().to_string(),
        source: std::io::Error::other(format!("cannot watch for changes: {e}")),
    }
}
