//! Trees of files that packs and styles are read from: a folder on disk, the
//! assets embedded in the binary, and a project that layers the first over
//! the second. Every loader goes through [`Tree`], so that reading "at a git
//! revision" is one more implementation, not a change to the loaders.

use std::fmt::Debug;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The largest file any loader accepts; bigger inputs are refused before
/// they are read into memory.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The largest Fluent file. Fluent's parser keeps some 500 bytes per
/// variant, so 16 MiB of one-line variants took 3.5 GB to lint; a pack's
/// file holds a few kilobytes of messages.
pub const MAX_FLUENT_SIZE: u64 = 1024 * 1024;

/// The largest font file: a brand family's weights are a few hundred
/// kilobytes each, a pan-CJK font some 20 MiB.
pub const MAX_FONT_SIZE: u64 = 32 * 1024 * 1024;

/// The most bytes lettrine reads from the file at `path`, and what it is
/// called in the error.
fn size_limit(path: &RelPath) -> (u64, &'static str) {
    let lower = path.as_str().to_ascii_lowercase();
    if lower.ends_with(".ftl") {
        (MAX_FLUENT_SIZE, "from a Fluent file")
    } else if is_font_file(&lower) {
        (MAX_FONT_SIZE, "from a font file")
    } else {
        (MAX_FILE_SIZE, "from a file")
    }
}

/// Whether a file name is a font's: `.ttf`, `.otf`, `.ttc`, `.otc`.
pub fn is_font_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    crate::render::fonts::FONT_EXTENSIONS
        .iter()
        .any(|ext| lower.strip_suffix(ext).is_some_and(|s| s.ends_with('.')))
}

/// The error for a file of `size` bytes over its limit, `None` when it is
/// within it.
pub fn too_large(path: &RelPath, size: u64) -> Option<io::Error> {
    let (limit, what) = size_limit(path);
    (size > limit).then(|| {
        io::Error::other(format!(
            "the file is {size} bytes, more than the {limit} bytes lettrine reads {what}"
        ))
    })
}

/// A read-only tree of files addressed by relative, `/`-separated paths.
pub trait Tree: Debug + Send + Sync {
    /// The bytes of a file, `Ok(None)` when there is no such file.
    fn read(&self, path: &RelPath) -> io::Result<Option<Vec<u8>>>;
    /// The names of the entries directly under `dir`, sorted.
    fn list(&self, dir: &RelPath) -> Vec<String>;
    /// How to show a file of this tree to a user.
    fn display(&self, path: &RelPath) -> String;
    /// Where the tree comes from, for listings ("embedded", a folder).
    fn origin(&self) -> String;
    /// The file or folder on disk behind `path`, for trees that are a
    /// folder (history is read from the git repository holding it).
    fn disk_path(&self, _path: &RelPath) -> Option<PathBuf> {
        None
    }
    /// The folder `dir` as a tree of its own, whose reads cannot leave it
    /// (a style sees only `styles/`); `None` when the tree cannot make one.
    fn subtree(&self, _dir: &RelPath) -> Option<Arc<dyn Tree>> {
        None
    }
}

/// A relative path inside a tree: `/`-separated, no `.`, `..` or empty
/// parts, never absolute. Building one is how paths from users, cases and
/// styles are kept inside their tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelPath(String);

impl RelPath {
    /// Checks that `path` stays inside its tree.
    pub fn new(path: &str) -> Option<Self> {
        let trimmed = path.trim_start_matches("./");
        if trimmed.is_empty() {
            return Some(Self(String::new()));
        }
        let ok = !trimmed.starts_with('/')
            && !trimmed.contains('\\')
            && !trimmed.contains('\0')
            && trimmed
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..");
        ok.then(|| Self(trimmed.to_owned()))
    }

    /// `self/child`, checked like [`RelPath::new`].
    pub fn join(&self, child: &str) -> Option<Self> {
        let child = Self::new(child)?;
        if self.0.is_empty() {
            return Some(child);
        }
        if child.0.is_empty() {
            return Some(self.clone());
        }
        Some(Self(format!("{}/{}", self.0, child.0)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last part of the path (`refund-refusal` of `packs/refund-refusal`).
    pub fn name(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or_default()
    }
}

impl std::fmt::Display for RelPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A folder on disk. Reads never leave it: reading through a symbolic link
/// that points outside the folder is an error.
#[derive(Debug, Clone)]
pub struct DirTree {
    root: PathBuf,
    canonical: PathBuf,
}

impl DirTree {
    pub fn new(root: impl Into<PathBuf>) -> io::Result<Self> {
        let root = root.into();
        let canonical = root.canonicalize()?;
        Ok(Self { root, canonical })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The real path of `path`: `Ok(None)` if it does not exist, an error
    /// if a symbolic link leads out of the folder.
    fn resolve(&self, path: &RelPath) -> io::Result<Option<PathBuf>> {
        let Ok(real) = self.canonical.join(path.as_str()).canonicalize() else {
            return Ok(None);
        };
        if !real.starts_with(&self.canonical) {
            let folder = match self.root.to_str() {
                Some("." | "./" | "") => "the current folder".to_owned(),
                _ => {
                    let root = self.root.strip_prefix("./").unwrap_or(&self.root);
                    format!("the folder {}", root.display())
                }
            };
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "{} leads outside {folder} through a symbolic link",
                    self.display(path)
                ),
            ));
        }
        Ok(Some(real))
    }
}

impl Tree for DirTree {
    fn read(&self, path: &RelPath) -> io::Result<Option<Vec<u8>>> {
        let Some(real) = self.resolve(path)? else {
            return Ok(None);
        };
        let meta = std::fs::metadata(&real)?;
        if !meta.is_file() {
            return Ok(None);
        }
        if let Some(error) = too_large(path, meta.len()) {
            return Err(error);
        }
        std::fs::read(real).map(Some)
    }

    fn list(&self, dir: &RelPath) -> Vec<String> {
        let Ok(Some(real)) = self.resolve(dir) else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(real) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        names.sort();
        names
    }

    fn display(&self, path: &RelPath) -> String {
        let joined = self.root.join(path.as_str());
        joined
            .strip_prefix("./")
            .unwrap_or(&joined)
            .display()
            .to_string()
    }

    fn disk_path(&self, path: &RelPath) -> Option<PathBuf> {
        Some(self.canonical.join(path.as_str()))
    }

    fn subtree(&self, dir: &RelPath) -> Option<Arc<dyn Tree>> {
        let tree = DirTree::new(self.root.join(dir.as_str())).ok()?;
        Some(Arc::new(tree))
    }

    fn origin(&self) -> String {
        self.root.display().to_string()
    }
}

/// The `packs/` and `styles/` of lettrine's own repository, compiled in.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmbeddedTree;

static EMBEDDED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

impl Tree for EmbeddedTree {
    fn read(&self, path: &RelPath) -> io::Result<Option<Vec<u8>>> {
        Ok(EMBEDDED
            .iter()
            .find(|(p, _)| *p == path.as_str())
            .map(|(_, bytes)| bytes.to_vec()))
    }

    fn list(&self, dir: &RelPath) -> Vec<String> {
        let prefix = if dir.as_str().is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let mut names: Vec<String> = EMBEDDED
            .iter()
            .filter_map(|(p, _)| p.strip_prefix(&prefix))
            .map(|rest| rest.split('/').next().unwrap_or(rest).to_owned())
            .collect();
        names.dedup();
        names
    }

    fn display(&self, path: &RelPath) -> String {
        format!("<embedded>/{path}")
    }

    fn origin(&self) -> String {
        "embedded".to_owned()
    }
}

/// A few files compiled into lettrine for its own use (the redline's
/// layout), as a tree.
#[derive(Debug, Clone, Copy)]
pub struct StaticTree(pub &'static [(&'static str, &'static [u8])]);

impl Tree for StaticTree {
    fn read(&self, path: &RelPath) -> io::Result<Option<Vec<u8>>> {
        Ok(self
            .0
            .iter()
            .find(|(p, _)| *p == path.as_str())
            .map(|(_, bytes)| bytes.to_vec()))
    }

    fn list(&self, dir: &RelPath) -> Vec<String> {
        if dir.as_str().is_empty() {
            self.0.iter().map(|(p, _)| (*p).to_owned()).collect()
        } else {
            Vec::new()
        }
    }

    fn display(&self, path: &RelPath) -> String {
        format!("<lettrine>/{path}")
    }

    fn origin(&self) -> String {
        "lettrine".to_owned()
    }
}

/// The files read through a [`Project::recorded`] project: path in the
/// project, and bytes as read. The first read of a path wins; a project
/// reads its own file before the embedded one, so that is the one used.
#[derive(Debug, Default)]
pub struct ReadLog(std::sync::Mutex<std::collections::BTreeMap<String, ReadFile>>);

/// A file read through a recorded project.
#[derive(Debug, Clone)]
pub struct ReadFile {
    pub bytes: Vec<u8>,
    /// Where it is on disk; `None` for an embedded file.
    pub disk: Option<PathBuf>,
}

impl ReadLog {
    /// Every file read so far, by path.
    pub fn files(&self) -> std::collections::BTreeMap<String, ReadFile> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// A tree that notes every file read from it in a [`ReadLog`]; `prefix` is
/// where a subtree sits in the project (`styles/`).
#[derive(Debug)]
struct Recorded {
    inner: Arc<dyn Tree>,
    prefix: String,
    log: Arc<ReadLog>,
}

impl Tree for Recorded {
    fn read(&self, path: &RelPath) -> io::Result<Option<Vec<u8>>> {
        let bytes = self.inner.read(path)?;
        if let Some(bytes) = &bytes {
            let mut log = self.log.0.lock().unwrap_or_else(|e| e.into_inner());
            log.entry(format!("{}{path}", self.prefix))
                .or_insert_with(|| ReadFile {
                    bytes: bytes.clone(),
                    disk: self.inner.disk_path(path),
                });
        }
        Ok(bytes)
    }

    fn list(&self, dir: &RelPath) -> Vec<String> {
        self.inner.list(dir)
    }

    fn display(&self, path: &RelPath) -> String {
        self.inner.display(path)
    }

    fn origin(&self) -> String {
        self.inner.origin()
    }

    fn disk_path(&self, path: &RelPath) -> Option<PathBuf> {
        self.inner.disk_path(path)
    }

    fn subtree(&self, dir: &RelPath) -> Option<Arc<dyn Tree>> {
        Some(Arc::new(Recorded {
            inner: self.inner.subtree(dir)?,
            prefix: format!("{}{dir}/", self.prefix),
            log: self.log.clone(),
        }))
    }
}

/// Where packs and styles are looked up: the project folder's own `packs/`
/// and `styles/` first, then the embedded ones. A pack or a style is taken
/// whole from one tree, never mixed.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project's own files: a folder, or a folder at a git revision.
    local: Option<Arc<dyn Tree>>,
    /// The folder on disk, when the project is read from the work tree.
    root: Option<PathBuf>,
    /// The assets compiled into lettrine; `None` for a sealed project.
    embedded: Option<Arc<dyn Tree>>,
}

/// A tree and the folder in it where one pack or one style lives.
#[derive(Debug, Clone)]
pub struct Located {
    pub tree: Arc<dyn Tree>,
    pub dir: RelPath,
}

impl Project {
    /// A project rooted at `dir`, or only the embedded assets when `None`.
    pub fn new(dir: Option<&Path>) -> io::Result<Self> {
        let local = match dir {
            Some(dir) => Some(Arc::new(DirTree::new(dir)?) as Arc<dyn Tree>),
            None => None,
        };
        Ok(Self {
            local,
            root: dir.map(Path::to_path_buf),
            embedded: Some(Arc::new(EmbeddedTree)),
        })
    }

    /// A project whose own files are read from `tree` (a git revision),
    /// before the embedded ones.
    pub fn from_tree(tree: Arc<dyn Tree>) -> Self {
        Self {
            local: Some(tree),
            root: None,
            embedded: Some(Arc::new(EmbeddedTree)),
        }
    }

    /// The project folder on disk, if there is one.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// A project made of `tree` alone, with no embedded assets to fall
    /// back on: an archived letter's recorded inputs.
    pub fn sealed(tree: Arc<dyn Tree>) -> Self {
        Self {
            local: Some(tree),
            root: None,
            embedded: None,
        }
    }

    /// The same project, with every file read from it noted in `log`
    /// (what `lettrine issue` archives as the letter's inputs).
    pub fn recorded(&self, log: &Arc<ReadLog>) -> Self {
        let wrap = |tree: Arc<dyn Tree>| {
            Arc::new(Recorded {
                inner: tree,
                prefix: String::new(),
                log: log.clone(),
            }) as Arc<dyn Tree>
        };
        Self {
            local: self.local.clone().map(wrap),
            root: self.root.clone(),
            embedded: self.embedded.clone().map(wrap),
        }
    }

    pub fn embedded_only() -> Self {
        Self {
            local: None,
            root: None,
            embedded: Some(Arc::new(EmbeddedTree)),
        }
    }

    fn trees(&self) -> impl Iterator<Item = Arc<dyn Tree>> + '_ {
        self.local.clone().into_iter().chain(self.embedded.clone())
    }

    /// The first tree, local before embedded, holding the file `path`. A
    /// file that is there but cannot be read (too large) is held, so that
    /// loading it reports why rather than falling back to the embedded one.
    fn holding(&self, path: &RelPath) -> Option<Arc<dyn Tree>> {
        self.trees()
            .find(|tree| matches!(tree.read(path), Ok(Some(_)) | Err(_)))
    }

    /// The tree holding `packs/<id>/pack.toml`.
    pub fn pack(&self, id: &str) -> Option<Located> {
        let dir = RelPath::new("packs")?.join(id)?;
        let tree = self.holding(&dir.join("pack.toml")?)?;
        Some(Located { tree, dir })
    }

    /// The tree holding `profiles/<name>.toml`.
    pub fn profile(&self, name: &str) -> Option<Located> {
        let dir = RelPath::new("profiles")?;
        let tree = self.holding(&dir.join(&format!("{name}.toml"))?)?;
        Some(Located { tree, dir })
    }

    /// The tree holding `themes/<name>.toml`.
    pub fn theme(&self, name: &str) -> Option<Located> {
        let dir = RelPath::new("themes")?;
        let tree = self.holding(&dir.join(&format!("{name}.toml"))?)?;
        Some(Located { tree, dir })
    }

    /// The project's vendored Typst packages, `typst-packages/`, as a tree
    /// whose reads cannot leave it; `None` when the project has none.
    pub fn typst_packages(&self) -> Option<Arc<dyn Tree>> {
        let local = self.local.as_ref()?;
        let dir = RelPath::new("typst-packages")?;
        if local.list(&dir).is_empty() {
            return None;
        }
        local.subtree(&dir)
    }

    /// The font files of the project's own `fonts/` folder (and its
    /// subfolders), sorted by path, each as shown to the user and its
    /// bytes, read through the project's tree: the
    /// same size limit and sandbox as every other file, and at the
    /// revision with `--rev`. Files of other kinds (licences) are skipped.
    pub fn font_files(&self) -> io::Result<Vec<(String, Vec<u8>)>> {
        let mut out = Vec::new();
        let (Some(local), Some(dir)) = (&self.local, RelPath::new("fonts")) else {
            return Ok(out);
        };
        collect_fonts(local.as_ref(), &dir, 0, &mut out)?;
        Ok(out)
    }
    /// Reads a file the project's data names (a sender file, a logo),
    /// given relative to the project folder: the project's own file, else
    /// the embedded one. Paths that leave the project are refused.
    pub fn read(&self, path: &str) -> io::Result<(String, Vec<u8>)> {
        let rel = RelPath::new(path).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("{path:?} leaves the project folder; give a path inside it, like senders/logo.svg"),
            )
        })?;
        for tree in self.trees() {
            if let Some(bytes) = tree.read(&rel)? {
                return Ok((tree.display(&rel), bytes));
            }
        }
        Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{path} is neither in the project folder nor embedded"),
        ))
    }

    /// The tree holding `styles/<name>.typ`. A project's style gets a tree
    /// rooted at its `styles/` folder, so that no link leads out of it.
    pub fn style(&self, name: &str) -> Option<Located> {
        let dir = RelPath::new("styles")?;
        let main = dir.join(&format!("{name}.typ"))?;
        if let Some(local) = &self.local
            && matches!(local.read(&main), Ok(Some(_)))
        {
            return Some(Located {
                tree: local.subtree(&dir)?,
                dir: RelPath(String::new()),
            });
        }
        let embedded = self.embedded.as_ref()?;
        matches!(embedded.read(&main), Ok(Some(_))).then(|| Located {
            tree: embedded.clone(),
            dir,
        })
    }

    /// Every pack id with the origin it is taken from, local ones first.
    pub fn packs(&self) -> Vec<(String, String)> {
        self.listing("packs", |tree, name| {
            RelPath::new("packs")
                .and_then(|p| p.join(name))
                .and_then(|p| p.join("pack.toml"))
                .is_some_and(|m| matches!(tree.read(&m), Ok(Some(_))))
                .then(|| name.to_owned())
        })
    }

    /// Every profile name with the origin it is taken from.
    pub fn profiles(&self) -> Vec<(String, String)> {
        self.listing("profiles", |_, name| {
            name.strip_suffix(".toml").map(str::to_owned)
        })
    }

    /// Every theme name with the origin it is taken from.
    pub fn themes(&self) -> Vec<(String, String)> {
        self.listing("themes", |_, name| {
            name.strip_suffix(".toml").map(str::to_owned)
        })
    }

    /// Every lexicon name (`lexicons/<name>.toml`) with its origin.
    pub fn lexicons(&self) -> Vec<(String, String)> {
        self.listing("lexicons", |_, name| {
            name.strip_suffix(".toml").map(str::to_owned)
        })
    }

    /// Every word list (`lexicons/words/<locale>.txt`) of the project and
    /// of the embedded lexicons, with its locale: a word in any of them
    /// is known.
    pub fn word_lists(&self) -> Vec<(String, Vec<u8>)> {
        let Some(dir) = RelPath::new("lexicons/words") else {
            return Vec::new();
        };
        let mut lists = Vec::new();
        for tree in self.trees() {
            for name in tree.list(&dir) {
                let (Some(locale), Some(path)) = (name.strip_suffix(".txt"), dir.join(&name))
                else {
                    continue;
                };
                if let Ok(Some(bytes)) = tree.read(&path) {
                    lists.push((locale.to_owned(), bytes));
                }
            }
        }
        lists
    }

    /// Every style name with the origin it is taken from.
    pub fn styles(&self) -> Vec<(String, String)> {
        self.listing("styles", |_, name| {
            name.strip_suffix(".typ").map(str::to_owned)
        })
    }

    fn listing(
        &self,
        dir: &str,
        pick: impl Fn(&dyn Tree, &str) -> Option<String>,
    ) -> Vec<(String, String)> {
        let Some(dir) = RelPath::new(dir) else {
            return Vec::new();
        };
        let mut seen: Vec<(String, String)> = Vec::new();
        for tree in self.trees() {
            for name in tree.list(&dir) {
                if let Some(item) = pick(tree.as_ref(), &name)
                    && !seen.iter().any(|(n, _)| *n == item)
                {
                    seen.push((item, tree.origin()));
                }
            }
        }
        seen.sort();
        seen
    }
}

/// Gathers the font files under `dir`, a few levels deep.
fn collect_fonts(
    tree: &dyn Tree,
    dir: &RelPath,
    depth: usize,
    out: &mut Vec<(String, Vec<u8>)>,
) -> io::Result<()> {
    if depth > 4 {
        return Ok(());
    }
    for name in tree.list(dir) {
        let Some(path) = dir.join(&name) else {
            continue;
        };
        if is_font_file(&name) {
            if let Some(bytes) = tree.read(&path)? {
                out.push((tree.display(&path), bytes));
            }
        } else if !name.contains('.') || !tree.list(&path).is_empty() {
            collect_fonts(tree, &path, depth + 1, out)?;
        }
    }
    Ok(())
}

/// Where a style and a layout profile live, for messages.
pub const STYLE_FILE: &str = "styles/<name>.typ";
pub const PROFILE_FILE: &str = "profiles/<name>.toml";
pub const THEME_FILE: &str = "themes/<name>.toml";

/// Whether `name` can name a file of a folder and nothing else: not empty,
/// no leading `.`, no separator, no control character.
pub fn is_plain_name(name: &str) -> bool {
    !(name.is_empty()
        || name.starts_with('.')
        || name
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control()))
}

/// The rule a style or profile name breaks, as a hint; `file` is
/// [`STYLE_FILE`] or [`PROFILE_FILE`].
pub fn name_rule(kind: &str, file: &str) -> String {
    format!(
        "a {kind} is named after its file {file}: no \"/\", \"\\\", control characters or leading \".\""
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rel_paths_stay_inside() {
        for bad in ["/etc/passwd", "../x", "a/../../b", "a//b", "a\\b", "a/./b"] {
            assert_eq!(RelPath::new(bad), None, "{bad}");
        }
        assert_eq!(
            RelPath::new("./a/b.typ").map(|p| p.0),
            Some("a/b.typ".to_owned())
        );
        let styles = RelPath::new("styles").unwrap();
        assert_eq!(styles.join("../secret"), None);
        assert_eq!(styles.join("logo.svg").unwrap().as_str(), "styles/logo.svg");
    }

    #[test]
    fn embedded_assets_are_listed() {
        let project = Project::embedded_only();
        let packs = project.packs();
        assert!(
            packs.contains(&("refund-refusal".to_owned(), "embedded".to_owned())),
            "{packs:?}"
        );
        assert!(project.styles().iter().any(|(n, _)| n == "classic"));
    }
}
