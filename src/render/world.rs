//! The sandboxed Typst world of one letter: the style's files (read only
//! from the style's own root), the letter as the virtual JSON file
//! `/letter.json`, its images and attachments at fixed virtual paths, the project's fonts
//! beside the embedded ones, the Typst packages the project vendors under
//! `typst-packages/` and no others, no network, a fixed today.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::package::PackageSpec;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::fonts::FontSet;
use crate::letter::{LOGO_PNG_PATH, LOGO_SVG_PATH, SIGNATURE_PNG_PATH, SIGNATURE_SVG_PATH};
use crate::revision::{RelPath, Tree};

/// The virtual paths of the files an issued letter attaches to its PDF
/// (the Letter, the case), in order; a style reads them with
/// `read(file, encoding: none)`.
pub const ATTACHMENT_PATHS: [&str; 4] = [
    "/lettrine-attachment-1",
    "/lettrine-attachment-2",
    "/lettrine-attachment-3",
    "/lettrine-attachment-4",
];

/// The virtual paths of a letter's own files (images, attachments): never
/// files of the style.
const DATA_PATHS: [&str; 8] = [
    LOGO_PNG_PATH,
    LOGO_SVG_PATH,
    SIGNATURE_PNG_PATH,
    SIGNATURE_SVG_PATH,
    ATTACHMENT_PATHS[0],
    ATTACHMENT_PATHS[1],
    ATTACHMENT_PATHS[2],
    ATTACHMENT_PATHS[3],
];

/// The virtual path where a style finds the letter: `json("/letter.json")`.
pub const LETTER_PATH: &str = "/letter.json";

/// A style: its tree and root folder, its main file, and the files read so
/// far (parsed once per process, so Typst's caches see the same sources).
#[derive(Debug)]
pub struct Style {
    pub name: String,
    tree: Arc<dyn Tree>,
    root: RelPath,
    /// The project's `typst-packages/` folder, where `@namespace/name:1.0.0`
    /// is `<namespace>/<name>/1.0.0/`; `None` when it has none.
    packages: Option<Arc<dyn Tree>>,
    main: FileId,
    letter: FileId,
    data: [FileId; 8],
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
    files: Mutex<HashMap<FileId, FileResult<Bytes>>>,
}

fn project_file(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| panic!("{path} is a valid virtual path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Style {
    /// The style `name`, whose main file is `<root>/<name>.typ`; it may
    /// import the packages of `packages` (a project's `typst-packages/`).
    pub fn new(
        name: &str,
        tree: Arc<dyn Tree>,
        root: RelPath,
        packages: Option<Arc<dyn Tree>>,
    ) -> Self {
        Self {
            name: name.to_owned(),
            packages,
            main: project_file(&format!("/{name}.typ")),
            letter: project_file(LETTER_PATH),
            data: DATA_PATHS.map(project_file),
            tree,
            root,
            sources: Mutex::new(HashMap::new()),
            files: Mutex::new(HashMap::new()),
        }
    }

    pub fn main(&self) -> FileId {
        self.main
    }

    /// How to show a file of the style to a user.
    pub fn display(&self, id: FileId) -> String {
        let path = id.vpath().get_without_slash();
        if let VirtualRoot::Package(spec) = id.root() {
            let rel = package_dir(spec).and_then(|dir| dir.join(path));
            return match (&self.packages, rel) {
                (Some(tree), Some(rel)) => tree.display(&rel),
                _ => format!("{spec}/{path}"),
            };
        }
        match self.root.join(path) {
            Some(rel) => self.tree.display(&rel),
            None => path.to_owned(),
        }
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.vpath().get_without_slash();
        if let VirtualRoot::Package(spec) = id.root() {
            return self.read_package(spec, path);
        }
        let denied =
            || FileError::Other(Some(format!("{path} is outside the style's folder").into()));
        let rel = self.root.join(path).ok_or_else(denied)?;
        // Errors name the file as the user finds it (`styles/etc/passwd`
        // for `/etc/passwd`: a style's `/` is its own folder).
        match self.tree.read(&rel) {
            Ok(Some(bytes)) => Ok(Bytes::new(bytes)),
            Ok(None) => Err(FileError::NotFound(self.tree.display(&rel).into())),
            Err(e) => Err(FileError::Other(Some(e.to_string().into()))),
        }
    }

    /// A file of a vendored package: `typst-packages/<namespace>/<name>/
    /// <version>/<path>` in the project, through its tree (so the same
    /// sandbox, and recorded when a letter is issued). Never a download.
    fn read_package(&self, spec: &PackageSpec, path: &str) -> FileResult<Bytes> {
        let not_vendored = || {
            FileError::Other(Some(
                format!(
                    "the package {spec} is not in the project: lettrine never downloads packages; copy it to typst-packages/{}/{}/{}/",
                    spec.namespace, spec.name, spec.version
                )
                .into(),
            ))
        };
        let (Some(tree), Some(dir)) = (&self.packages, package_dir(spec)) else {
            return Err(not_vendored());
        };
        if !matches!(
            tree.read(&dir.join("typst.toml").ok_or_else(not_vendored)?),
            Ok(Some(_))
        ) {
            return Err(not_vendored());
        }
        let rel = dir.join(path).ok_or_else(|| {
            FileError::Other(Some(format!("{path} is outside the package {spec}").into()))
        })?;
        match tree.read(&rel) {
            Ok(Some(bytes)) => Ok(Bytes::new(bytes)),
            Ok(None) => Err(FileError::NotFound(tree.display(&rel).into())),
            Err(e) => Err(FileError::Other(Some(e.to_string().into()))),
        }
    }

    /// A source of the style already parsed, for pointing at a span of it.
    pub(super) fn parsed(&self, id: FileId) -> Option<Source> {
        let sources = self.sources.lock().ok()?;
        sources.get(&id)?.as_ref().ok().cloned()
    }

    fn cached_file(&self, id: FileId) -> FileResult<Bytes> {
        let mut files = self.files.lock().map_err(|_| FileError::Other(None))?;
        files.entry(id).or_insert_with(|| self.read(id)).clone()
    }

    fn cached_source(&self, id: FileId) -> FileResult<Source> {
        let mut sources = self.sources.lock().map_err(|_| FileError::Other(None))?;
        sources
            .entry(id)
            .or_insert_with(|| {
                let bytes = self.read(id)?;
                let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
                Ok(Source::new(id, text.to_owned()))
            })
            .clone()
    }
}

/// Where a package lives in `typst-packages/`: `<namespace>/<name>/<version>`.
fn package_dir(spec: &PackageSpec) -> Option<RelPath> {
    RelPath::new(&format!(
        "{}/{}/{}",
        spec.namespace, spec.name, spec.version
    ))
}

/// The standard library, loaded once per process and shared by every
/// letter and thread.
pub struct Shared {
    pub library: LazyHash<Library>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared").finish_non_exhaustive()
    }
}

/// One compilation: the shared parts, the fonts, the style, this letter's
/// data.
pub struct LetterWorld<'a> {
    pub shared: &'a Shared,
    pub fonts: &'a FontSet,
    pub style: &'a Style,
    pub letter: Bytes,
    /// The letter's own files (logo, signature, attachments), at their
    /// virtual paths.
    pub data: Vec<(&'static str, Bytes)>,
    pub today: Datetime,
}

impl World for LetterWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.style.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.style.letter || self.style.data.contains(&id) {
            return Err(FileError::NotSource);
        }
        self.style.cached_source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.style.letter {
            return Ok(self.letter.clone());
        }
        if self.style.data.contains(&id) {
            let path = id.vpath().get_with_slash();
            return self
                .data
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, bytes)| bytes.clone())
                .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()));
        }
        self.style.cached_file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
