//! The two sides of `lettrine diff`: a project as it is at a git revision
//! or in the work tree (or two case files), the cases found in it, and the
//! letters and messages built from them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use super::{LetterSide, PackSide, Problem, Report, compare_letters, compare_packs};
use crate::builder::{Builder, Overrides};
use crate::case::looks_like_case;
use crate::error::{Error, Result};
use crate::history::{Canon, GitTree, Repo, canonical_messages};
use crate::letter::Letter;
use crate::pack::Pack;
use crate::revision::{Project, RelPath, Tree};

/// Folders a case is never looked for in.
const SKIPPED: &[&str] = &["target", "node_modules", "styles", "profiles", "lexicons"];

/// A project at one version, with its cases.
#[derive(Debug)]
pub struct Version {
    /// How the user named it: `HEAD~1`, `work tree`, a file.
    pub label: String,
    builder: Builder,
    /// Case files by path relative to the project folder: the name to show
    /// in messages, and the bytes.
    cases: BTreeMap<String, (String, Vec<u8>)>,
    /// The paths the user limited the diff to.
    paths: Vec<RelPath>,
    canon: HashMap<(String, String), Arc<BTreeMap<String, Canon>>>,
    /// Who committed the revision, and when (seconds since 1970); `None`
    /// for the work tree and for files.
    commit: Option<(String, i64)>,
    /// Whether the cases are files on disk (their names are their paths).
    on_disk: bool,
}

impl Version {
    /// The project folder `dir` at git revision `rev`, and its cases under
    /// `paths` (all of them when empty).
    pub fn at_revision(dir: &Path, rev: &str, paths: &[RelPath]) -> Result<Self> {
        let tree = GitTree::open(dir, rev).map_err(|message| {
            Error::usage(
                message,
                Some("give a commit, a tag or a branch: lettrine diff HEAD~1".to_owned()),
            )
        })?;
        let mut cases = BTreeMap::new();
        for file in tree.files().filter(|f| wanted(f, paths)) {
            let Some(rel) = RelPath::new(file) else {
                continue;
            };
            if let Ok(Some(bytes)) = tree.read(&rel)
                && looks_like_case(&bytes)
            {
                cases.insert(file.to_owned(), (tree.display(&rel), bytes));
            }
        }
        let commit = tree.author_and_time();
        let mut version = Self::new(
            rev.to_owned(),
            Project::from_tree(Arc::new(tree)),
            cases,
            paths,
        );
        version.commit = commit;
        Ok(version)
    }

    /// The project folder `dir` as it is on disk: its files that git
    /// tracks or does not ignore.
    pub fn work_tree(dir: &Path, paths: &[RelPath]) -> Result<Self> {
        let not_git = || {
            Error::usage(
                format!("{} is not in a git repository", dir.display()),
                Some("compare two case files instead: lettrine diff OLD.toml NEW.toml".to_owned()),
            )
        };
        let repo = Repo::discover(dir).ok_or_else(not_git)?;
        let prefix = repo.relative(dir).ok_or_else(not_git)?;
        let files = repo
            .work_files(&prefix)
            .map_err(|e| Error::usage(e.to_string(), None))?;
        let mut cases = BTreeMap::new();
        for file in files.iter().filter(|f| wanted(f, paths)) {
            let path = dir.join(file);
            // A file deleted from the work tree is absent, not an error.
            if let Ok(bytes) = std::fs::read(&path)
                && looks_like_case(&bytes)
            {
                cases.insert(file.clone(), (path.display().to_string(), bytes));
            }
        }
        let project = Project::new(Some(dir)).map_err(|source| Error::Read {
            path: dir.display().to_string(),
            source,
        })?;
        let mut version = Self::new("work tree".to_owned(), project, cases, paths);
        version.on_disk = true;
        Ok(version)
    }

    /// One case file read from disk (`None`: absent, as git's `/dev/null`),
    /// compared under the name `key`.
    pub fn file(project: Project, key: &str, path: &Path) -> Result<Self> {
        let label = path.display().to_string();
        let mut cases = BTreeMap::new();
        if path != Path::new("/dev/null") {
            let bytes = std::fs::read(path).map_err(|source| Error::Read {
                path: label.clone(),
                source,
            })?;
            cases.insert(key.to_owned(), (label.clone(), bytes));
        }
        let mut version = Self::new(label, project, cases, &[]);
        version.on_disk = true;
        Ok(version)
    }

    fn new(
        label: String,
        project: Project,
        cases: BTreeMap<String, (String, Vec<u8>)>,
        paths: &[RelPath],
    ) -> Self {
        Self {
            label,
            builder: Builder::new(project),
            cases,
            paths: paths.to_vec(),
            canon: HashMap::new(),
            commit: None,
            on_disk: false,
        }
    }

    /// The author of the revision's commit; `None` for the work tree and
    /// for files.
    pub fn author(&self) -> Option<&str> {
        self.commit.as_ref().map(|(author, _)| author.as_str())
    }

    /// When this version of the case `key` was made, in seconds since 1970:
    /// the revision's commit time, or the file's modification time.
    pub fn time_of(&self, key: &str) -> Option<i64> {
        if let Some((_, time)) = &self.commit {
            return Some(*time);
        }
        let (name, _) = self.cases.get(key).filter(|_| self.on_disk)?;
        let modified = std::fs::metadata(name).ok()?.modified().ok()?;
        let secs = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        i64::try_from(secs.as_secs()).ok()
    }

    pub fn builder(&self) -> &Builder {
        &self.builder
    }

    fn letter(&self, key: &str) -> Option<Result<Letter>> {
        let (name, bytes) = self.cases.get(key)?;
        Some(
            self.builder
                .parse_case(name.clone(), bytes.clone())
                .and_then(|case| self.builder.letter(&case, &Overrides::default())),
        )
    }

    /// The canonical messages of `pack` in `locale`.
    fn messages(&mut self, pack: &Pack, locale: &str) -> Arc<BTreeMap<String, Canon>> {
        let key = (pack.id.clone(), locale.to_owned());
        self.canon
            .entry(key)
            .or_insert_with(|| Arc::new(pack_messages(pack, locale)))
            .clone()
    }

    /// The pack `id`, `None` if this version has none; one that does not
    /// load is an error, never taken for an absent pack.
    fn pack_side(&self, id: &str) -> Result<Option<Arc<Pack>>> {
        if self.builder.project().pack(id).is_none() {
            return Ok(None);
        }
        self.builder.pack(id).map(Some)
    }
}

/// Whether `file` is under one of `paths` (or there are none), and not in
/// a folder that never holds cases.
fn wanted(file: &str, paths: &[RelPath]) -> bool {
    let ext = file.rsplit('.').next().unwrap_or_default();
    if !matches!(ext, "toml" | "json") {
        return false;
    }
    if file
        .split('/')
        .any(|part| SKIPPED.contains(&part) || part.starts_with('.'))
    {
        return false;
    }
    paths.is_empty()
        || paths.iter().any(|p| {
            p.as_str().is_empty()
                || file == p.as_str()
                || file.starts_with(&format!("{}/", p.as_str()))
        })
}

fn pack_messages(pack: &Pack, locale: &str) -> BTreeMap<String, Canon> {
    let files = pack
        .messages
        .get(locale)
        .map(Vec::as_slice)
        .unwrap_or_default();
    canonical_messages(files.iter().map(|(_, file)| &*file.text))
}

/// Compares the letters of every case of either version or, with
/// `packs`, every pack's messages.
pub fn compare(old: &mut Version, new: &mut Version, packs: bool) -> Report {
    let mut report = Report::new(old.label.clone(), new.label.clone());
    if packs {
        compare_all_packs(old, new, &mut report);
        return report;
    }
    let keys: BTreeSet<String> = old.cases.keys().chain(new.cases.keys()).cloned().collect();
    for key in keys {
        let (a, b) = (old.letter(&key), new.letter(&key));
        let mut failed = false;
        for (side, result) in [("old", &a), ("new", &b)] {
            if let Some(Err(e)) = result {
                failed = true;
                report.problems.push(Problem {
                    case: key.clone(),
                    side,
                    message: e.to_string(),
                });
            }
        }
        if failed {
            continue;
        }
        let a = a.and_then(Result::ok);
        let b = b.and_then(Result::ok);
        let side = |version: &mut Version, letter: &Letter| {
            let pack = version.builder.pack(&letter.pack.id).ok();
            let messages = pack
                .map(|p| version.messages(&p, &letter.locale))
                .unwrap_or_default();
            let digest = version
                .builder
                .style_digest(&letter.style)
                .unwrap_or_default();
            (messages, digest)
        };
        let sa = a.as_ref().map(|l| side(old, l));
        let sb = b.as_ref().map(|l| side(new, l));
        if let Some(diff) = compare_letters(
            &key,
            view(a.as_ref(), sa.as_ref()),
            view(b.as_ref(), sb.as_ref()),
        ) {
            report.letters.push(diff);
        }
    }
    report
}

/// Every pack of either version, message by message.
fn compare_all_packs(old: &Version, new: &Version, report: &mut Report) {
    let ids: BTreeSet<String> = [old, new]
        .iter()
        .flat_map(|v| v.builder.project().packs())
        .map(|(id, _)| id)
        .filter(|id| {
            let dir = format!("packs/{id}");
            new.paths.is_empty()
                || new.paths.iter().any(|p| {
                    let p = p.as_str();
                    p.is_empty()
                        || dir == p
                        || dir.starts_with(&format!("{p}/"))
                        || p.starts_with(&format!("{dir}/"))
                })
        })
        .collect();
    for id in ids {
        let (a, b) = match (old.pack_side(&id), new.pack_side(&id)) {
            (Ok(a), Ok(b)) => (a, b),
            (a, b) => {
                for (side, result) in [("old", a), ("new", b)] {
                    if let Err(e) = result {
                        report.problems.push(Problem {
                            case: format!("packs/{id}"),
                            side,
                            message: e.to_string(),
                        });
                    }
                }
                continue;
            }
        };
        let a = a.map(|p| PackTexts::of(&p));
        let b = b.map(|p| PackTexts::of(&p));
        let (a, b) = (
            a.as_ref().map(PackTexts::side),
            b.as_ref().map(PackTexts::side),
        );
        if let Some(diff) = compare_packs(&id, a, b) {
            report.packs.push(diff);
        }
    }
}

/// One side of a letter comparison, when the letter was built.
fn view<'a>(
    letter: Option<&'a Letter>,
    side: Option<&'a (Arc<BTreeMap<String, Canon>>, String)>,
) -> Option<LetterSide<'a>> {
    let (letter, (messages, digest)) = (letter?, side?);
    Some(LetterSide {
        letter,
        messages,
        style_digest: digest,
    })
}

/// A pack's version, source locale and canonical messages per locale.
struct PackTexts {
    version: String,
    source: String,
    locales: BTreeMap<String, BTreeMap<String, Canon>>,
}

impl PackTexts {
    fn of(pack: &Pack) -> Self {
        Self {
            version: pack.version.to_string(),
            source: pack.source_locale.clone(),
            locales: pack
                .messages
                .keys()
                .map(|locale| (locale.clone(), pack_messages(pack, locale)))
                .collect(),
        }
    }

    fn side(&self) -> PackSide<'_> {
        PackSide {
            version: &self.version,
            source_locale: &self.source,
            locales: &self.locales,
        }
    }
}
