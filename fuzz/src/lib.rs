//! What the fuzz targets share: a tree of files in memory, holding the
//! embedded packs, in which a target replaces one file with its input.

use std::collections::BTreeMap;
use std::io;

use lettrine::revision::{EmbeddedTree, RelPath, Tree};

/// The pack every target works with.
pub const PACK: &str = "refund-refusal";

/// The files of the pack the pack loader target may replace: the input's
/// first byte picks one.
pub const PACK_FILES: &[&str] = &[
    "pack.toml",
    "en/letter.ftl",
    "fr/letter.ftl",
    "it/letter.ftl",
    "de/letter.ftl",
    "es/letter.ftl",
    "ar/letter.ftl",
];

/// Files by path, listed like a folder.
#[derive(Debug, Clone, Default)]
pub struct MemTree {
    files: BTreeMap<String, Vec<u8>>,
}

impl MemTree {
    /// The embedded pack's files, `packs/<PACK>/…`.
    pub fn with_pack() -> Self {
        let mut tree = Self::default();
        let embedded = EmbeddedTree;
        let mut pending = vec![RelPath::new(&format!("packs/{PACK}")).expect("a relative path")];
        while let Some(dir) = pending.pop() {
            for name in embedded.list(&dir) {
                let path = dir.join(&name).expect("a relative path");
                match embedded.read(&path) {
                    Ok(Some(bytes)) => {
                        tree.files.insert(path.as_str().to_owned(), bytes);
                    }
                    _ => pending.push(path),
                }
            }
        }
        tree
    }

    /// Puts `bytes` at `path`, replacing what was there.
    pub fn insert(&mut self, path: &str, bytes: Vec<u8>) {
        self.files.insert(path.to_owned(), bytes);
    }
}

impl Tree for MemTree {
    fn read(&self, path: &RelPath) -> io::Result<Option<Vec<u8>>> {
        Ok(self.files.get(path.as_str()).cloned())
    }

    fn list(&self, dir: &RelPath) -> Vec<String> {
        let prefix = if dir.as_str().is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let mut names: Vec<String> = self
            .files
            .keys()
            .filter_map(|p| p.strip_prefix(&prefix))
            .map(|rest| rest.split('/').next().unwrap_or(rest).to_owned())
            .collect();
        names.dedup();
        names
    }

    fn display(&self, path: &RelPath) -> String {
        format!("<fuzz>/{path}")
    }

    fn origin(&self) -> String {
        "fuzz".to_owned()
    }
}
