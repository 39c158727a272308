//! What a batch has already built: for each output name, the hash of the
//! inputs it was built from and of the bytes written. A letter is up to
//! date when both still match, so a re-run (or a run after a kill) only
//! builds what changed. The journal lives in the output folder; each letter
//! is recorded as soon as its file is in place.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use crate::builder::lock;
use crate::error::{Error, Result};
use crate::output::write_atomic;

/// The journal's file name in the output folder.
pub const JOURNAL: &str = ".lettrine-batch";

#[derive(Debug)]
pub struct Journal {
    out: PathBuf,
    /// The journal's file name in `out`.
    file: String,
    entries: Mutex<HashMap<String, Entry>>,
    /// Opened for appending on the first record.
    appender: Mutex<Option<File>>,
    /// The journal ends in a line cut short: the next record starts on a
    /// line of its own.
    torn: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    input: String,
    output: String,
}

impl Journal {
    /// Reads the journal of `out`, if any. Lines that are not whole (a
    /// kill while writing one) are ignored.
    pub fn open(out: &Path) -> Self {
        Self::open_named(out, JOURNAL)
    }

    /// Reads the journal file `file` of `out` (a shard's own), if any.
    pub fn open_named(out: &Path, file: &str) -> Self {
        let mut entries = HashMap::new();
        let mut torn = false;
        if let Ok(text) = std::fs::read_to_string(out.join(file)) {
            torn = !text.is_empty() && !text.ends_with('\n');
            for line in text.lines() {
                let mut fields = line.splitn(3, '\t');
                if let (Some(input), Some(output), Some(name)) =
                    (fields.next(), fields.next(), fields.next())
                    && input.starts_with("sha256:")
                    && output.starts_with("sha256:")
                    && output.len() == 71
                {
                    let entry = Entry {
                        input: input.to_owned(),
                        output: output.to_owned(),
                    };
                    entries.insert(name.to_owned(), entry);
                }
            }
        }
        Self {
            out: out.to_path_buf(),
            file: file.to_owned(),
            entries: Mutex::new(entries),
            appender: Mutex::new(None),
            torn,
        }
    }

    /// Whether `name` was built from `input` and its file still holds the
    /// bytes written then.
    pub fn up_to_date(&self, name: &str, input: &str) -> bool {
        let expected = match lock(&self.entries).get(name) {
            Some(entry) if entry.input == input => entry.output.clone(),
            _ => return false,
        };
        std::fs::read(self.out.join(name)).is_ok_and(|bytes| digest(&bytes) == expected)
    }

    /// Records that `name` now holds `bytes`, built from `input`.
    pub fn record(&self, name: &str, input: &str, bytes: &[u8]) -> Result<()> {
        let entry = Entry {
            input: input.to_owned(),
            output: digest(bytes),
        };
        let line = format!("{}\t{}\t{name}\n", entry.input, entry.output);
        lock(&self.entries).insert(name.to_owned(), entry);
        let path = self.out.join(&self.file);
        let err = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let mut appender = lock(&self.appender);
        if appender.is_none() {
            let mut file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(err)?;
            if self.torn {
                file.write_all(b"\n").map_err(err)?;
            }
            *appender = Some(file);
        }
        if let Some(file) = appender.as_mut() {
            file.write_all(line.as_bytes()).map_err(err)?;
        }
        Ok(())
    }

    /// Rewrites the journal with one line per name, sorted.
    pub fn compact(&self) -> Result<()> {
        let entries = lock(&self.entries);
        let mut names: Vec<&String> = entries.keys().collect();
        names.sort();
        let mut text = String::new();
        for name in names {
            let entry = &entries[name];
            text.push_str(&format!("{}\t{}\t{name}\n", entry.input, entry.output));
        }
        *lock(&self.appender) = None;
        write_atomic(&self.out.join(&self.file), text.as_bytes())
    }
}

/// The journal file of shard `index` of `count`: each shard keeps its own,
/// so shards sharing an output folder never write the same file.
pub fn shard_journal(index: usize, count: usize) -> String {
    format!("{JOURNAL}.shard-{index}-of-{count}")
}

/// Every journal in `out`: the unsharded one and each shard's, with the
/// shard count its name gives (`None` for the unsharded one).
pub fn journals(out: &Path) -> Vec<(String, Option<usize>)> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut found: Vec<(String, Option<usize>)> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| {
            if name == JOURNAL {
                return Some((name, None));
            }
            let rest = name.strip_prefix(JOURNAL)?.strip_prefix(".shard-")?;
            let (index, count) = rest.split_once("-of-")?;
            let (index, count): (usize, usize) = (index.parse().ok()?, count.parse().ok()?);
            (index < count).then_some((name, Some(count)))
        })
        .collect();
    found.sort();
    found
}

/// `sha256:` and the hex SHA-256 of `bytes`.
pub fn digest(bytes: &[u8]) -> String {
    format!("sha256:{:x}", Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_is_up_to_date_while_its_inputs_and_bytes_are_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path());
        std::fs::write(dir.path().join("a.pdf"), b"one").unwrap();
        journal.record("a.pdf", "sha256:in", b"one").unwrap();
        assert!(journal.up_to_date("a.pdf", "sha256:in"));
        assert!(!journal.up_to_date("a.pdf", "sha256:other"));
        assert!(!journal.up_to_date("b.pdf", "sha256:in"));

        // Read back by a new run, including a torn last line.
        let mut file = OpenOptions::new()
            .append(true)
            .open(dir.path().join(JOURNAL))
            .unwrap();
        file.write_all(b"sha256:x\tsha256:12").unwrap();
        let again = Journal::open(dir.path());
        assert!(again.up_to_date("a.pdf", "sha256:in"));
        // The file changed behind the journal's back.
        std::fs::write(dir.path().join("a.pdf"), b"two").unwrap();
        assert!(!again.up_to_date("a.pdf", "sha256:in"));
        again.compact().unwrap();
        let text = std::fs::read_to_string(dir.path().join(JOURNAL)).unwrap();
        assert_eq!(text.lines().count(), 1);
    }
}
