//! Where a project's files come from: the disk, or memory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where a project's files come from: the disk, or memory (the fuzz
/// target). Paths are absolute.
pub trait Files: std::fmt::Debug {
    /// The bytes of a file, `Ok(None)` when there is none.
    fn read(&self, path: &Path) -> std::io::Result<Option<Vec<u8>>>;
    /// Every file under `dir`, at any depth.
    fn walk(&self, dir: &Path) -> Vec<String>;
    /// The folder file names are shown relative to.
    fn cwd(&self) -> PathBuf;
}

/// The file system.
#[derive(Debug, Clone, Copy)]
pub struct Disk;

impl Files for Disk {
    fn read(&self, path: &Path) -> std::io::Result<Option<Vec<u8>>> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn walk(&self, dir: &Path) -> Vec<String> {
        walkdir::WalkDir::new(dir)
            .follow_links(false)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| e.path().to_str().map(str::to_owned))
            .collect()
    }

    fn cwd(&self) -> PathBuf {
        std::env::current_dir().unwrap_or_default()
    }
}

/// Files in memory, by absolute path, under a folder that stands for the
/// current one: a project read without a disk (the fuzz target, tests).
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles {
    pub cwd: PathBuf,
    pub files: BTreeMap<PathBuf, Vec<u8>>,
}

impl MemoryFiles {
    /// `files`, relative paths and bytes, under `cwd`.
    pub fn new<'a>(cwd: &Path, files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Self {
        Self {
            cwd: cwd.to_path_buf(),
            files: files
                .into_iter()
                .map(|(path, bytes)| (cwd.join(path), bytes.to_vec()))
                .collect(),
        }
    }
}

impl Files for MemoryFiles {
    fn read(&self, path: &Path) -> std::io::Result<Option<Vec<u8>>> {
        Ok(self.files.get(path).cloned())
    }

    fn walk(&self, dir: &Path) -> Vec<String> {
        self.files
            .keys()
            .filter(|p| p.starts_with(dir))
            .filter_map(|p| p.to_str().map(str::to_owned))
            .collect()
    }

    fn cwd(&self) -> PathBuf {
        self.cwd.clone()
    }
}
