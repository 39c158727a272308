//! A pack's history in git, read through the `git` command (never by
//! parsing git's storage): the commits that touched a folder, and the
//! files of a folder at a commit, read in one `git cat-file --batch`.
//! `status` finds stale translations with it; `lint` checks that a pack's
//! version was bumped when its messages changed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::ftl;

/// A git work tree.
#[derive(Debug, Clone)]
pub struct Repo {
    root: PathBuf,
}

impl Repo {
    /// The repository holding `path`, if it is in one and git is installed.
    pub fn discover(path: &Path) -> Option<Self> {
        let dir = if path.is_dir() { path } else { path.parent()? };
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["rev-parse", "--show-toplevel"])
            .stderr(Stdio::null())
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        let root = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim_end());
        Some(Self {
            root: root.canonicalize().ok()?,
        })
    }

    /// The folder of the work tree.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `path` relative to the repository, `/`-separated.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let real = path.canonicalize().ok()?;
        let rel = real.strip_prefix(&self.root).ok()?;
        Some(rel.to_str()?.replace('\\', "/"))
    }

    fn git(&self, args: &[&str]) -> io::Result<String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(args)
            .output()?;
        if !out.status.success() {
            return Err(io::Error::other(format!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        String::from_utf8(out.stdout).map_err(io::Error::other)
    }

    /// `user.name` in git's configuration, if set.
    pub fn user_name(&self) -> Option<String> {
        let name = self.git(&["config", "user.name"]).ok()?;
        let name = name.trim();
        (!name.is_empty()).then(|| name.to_owned())
    }

    /// The commit checked out, `None` in a repository with no commit yet.
    pub fn head(&self) -> Option<String> {
        let out = self
            .git(&["rev-parse", "--verify", "--quiet", "HEAD"])
            .ok()?;
        Some(out.trim().to_owned()).filter(|rev| !rev.is_empty())
    }

    /// Whether any of `paths` (relative to the repository) differs from the
    /// commit checked out: changed, staged, or not tracked at all.
    pub fn is_dirty(&self, paths: &[String]) -> io::Result<bool> {
        if paths.is_empty() {
            return Ok(false);
        }
        let mut args = vec!["status", "--porcelain", "--untracked-files=all", "--"];
        args.extend(paths.iter().map(String::as_str));
        Ok(!self.git(&args)?.trim().is_empty())
    }

    /// The files of the work tree under `dir` (relative to the
    /// repository), tracked or not but not ignored, relative to `dir`.
    pub fn work_files(&self, dir: &str) -> io::Result<Vec<String>> {
        let spec = if dir.is_empty() { "." } else { dir };
        let listing = self.git(&[
            "ls-files",
            "--cached",
            "--others",
            "--exclude-standard",
            "--full-name",
            "-z",
            "--",
            spec,
        ])?;
        let mut files: Vec<String> = listing
            .split('\0')
            .filter(|n| !n.is_empty())
            .map(|n| strip(dir, n).to_owned())
            .collect();
        files.sort();
        files.dedup();
        Ok(files)
    }

    /// The commits that changed anything under `path`, newest first.
    pub fn commits(&self, path: &str) -> io::Result<Vec<Commit>> {
        let log = self.git(&["log", "--format=%H %h %cs", "--", path])?;
        Ok(log
            .lines()
            .filter_map(|line| {
                let mut parts = line.split(' ');
                Some(Commit {
                    id: parts.next()?.to_owned(),
                    short: parts.next()?.to_owned(),
                    date: parts.next()?.to_owned(),
                })
            })
            .collect())
    }

    /// The files under `dir` at `commit`, each with its path relative to
    /// `dir`, whose name ends with `suffix`.
    pub fn files_at(
        &self,
        commit: &str,
        dir: &str,
        suffix: &str,
    ) -> io::Result<Vec<(String, Vec<u8>)>> {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        let listing = self.git(&["ls-tree", "-r", "--name-only", "-z", commit, "--", &prefix])?;
        let names: Vec<&str> = listing
            .split('\0')
            .filter(|n| n.starts_with(&prefix) && n.ends_with(suffix))
            .collect();
        let requests: String = names.iter().map(|n| format!("{commit}:{n}\n")).collect();
        let blobs = self.cat(&requests, names.len())?;
        Ok(names
            .iter()
            .map(|n| n[prefix.len()..].to_owned())
            .zip(blobs)
            .collect())
    }

    /// One file at `commit`, if it exists there.
    pub fn file_at(&self, commit: &str, path: &str) -> io::Result<Option<Vec<u8>>> {
        let blobs = self.cat(&format!("{commit}:{path}\n"), 1)?;
        Ok(blobs.into_iter().next().filter(|b| !b.is_empty()))
    }

    /// Reads `count` objects named one per line in `requests`; a missing
    /// one reads as empty.
    fn cat(&self, requests: &str, count: usize) -> io::Result<Vec<Vec<u8>>> {
        if count == 0 {
            return Ok(Vec::new());
        }
        let mut child = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| io::Error::other("no stdin"))?;
        let requests = requests.to_owned();
        // Written from another thread so a large answer cannot block both sides.
        let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("no stdout"))?;
        let mut reader = BufReader::new(stdout);
        let mut blobs = Vec::with_capacity(count);
        for _ in 0..count {
            let mut header = String::new();
            reader.read_line(&mut header)?;
            let mut parts = header.split_whitespace();
            let size = match (parts.next(), parts.next(), parts.next()) {
                (Some(_), Some("blob"), Some(size)) => {
                    size.parse::<usize>().map_err(io::Error::other)?
                }
                _ => {
                    blobs.push(Vec::new());
                    continue;
                }
            };
            let mut blob = vec![0; size + 1];
            reader.read_exact(&mut blob)?;
            blob.pop();
            blobs.push(blob);
        }
        writer
            .join()
            .map_err(|_| io::Error::other("writer thread"))??;
        child.wait()?;
        Ok(blobs)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub id: String,
    pub short: String,
    /// Committer date, `YYYY-MM-DD`.
    pub date: String,
}

/// A message as compared across revisions: its canonical text (wrapping
/// and order ignored) and the variables it uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canon {
    pub text: String,
    pub variables: BTreeSet<String>,
    /// Words of text, placeables not counted.
    pub words: usize,
}

/// Every message and term of a set of `.ftl` texts, canonical.
pub fn canonical_messages<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, Canon> {
    let mut out = BTreeMap::new();
    for text in texts {
        let (resource, _) = ftl::parse(text);
        for def in resource.body.iter().filter_map(ftl::Definition::of) {
            let mut variables = BTreeSet::new();
            let mut words = 0;
            for (_, pattern) in def.patterns() {
                variables.extend(ftl::variables(pattern).into_iter().map(str::to_owned));
                words += ftl::word_count(pattern);
            }
            out.entry(def.key()).or_insert(Canon {
                text: ftl::canonical_entry(def.value, def.attributes),
                variables,
                words,
            });
        }
    }
    out
}

/// How a translation stands against its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Staleness {
    /// The source's variables changed since the translation was last
    /// changed: it must be translated again.
    Hard,
    /// Only the source's wording changed: the translation must be reviewed.
    Soft,
}

/// A translation whose source changed after it.
#[derive(Debug, Clone)]
pub struct Stale {
    pub id: String,
    pub kind: Staleness,
    /// The commit that last changed the translation.
    pub translated: Commit,
}

/// The messages of one locale folder at each commit, parsed once.
#[derive(Debug)]
pub struct Snapshots<'r> {
    repo: &'r Repo,
    dir: String,
    cache: HashMap<String, BTreeMap<String, Canon>>,
}

impl<'r> Snapshots<'r> {
    pub fn new(repo: &'r Repo, dir: String) -> Self {
        Self {
            repo,
            dir,
            cache: HashMap::new(),
        }
    }

    pub fn at(&mut self, commit: &str) -> io::Result<&BTreeMap<String, Canon>> {
        if !self.cache.contains_key(commit) {
            let files = self.repo.files_at(commit, &self.dir, ".ftl")?;
            let texts: Vec<String> = files
                .into_iter()
                .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
                .collect();
            let messages = canonical_messages(texts.iter().map(String::as_str));
            self.cache.insert(commit.to_owned(), messages);
        }
        Ok(&self.cache[commit])
    }
}

/// The stale translations of the locale folder `translation_dir`, whose
/// current messages are `now`, against the source folder `source_dir`
/// whose current messages are `source_now`. `None` when the folder has no
/// history (never committed): staleness is then unknown.
pub fn stale(
    repo: &Repo,
    source_dir: &str,
    source_now: &BTreeMap<String, Canon>,
    translation_dir: &str,
    now: &BTreeMap<String, Canon>,
) -> io::Result<Option<Vec<Stale>>> {
    let commits = repo.commits(translation_dir)?;
    if commits.is_empty() {
        return Ok(None);
    }
    let mut translations = Snapshots::new(repo, translation_dir.to_owned());
    let mut sources = Snapshots::new(repo, source_dir.to_owned());
    let mut out = Vec::new();
    for (id, current) in now {
        let Some(source) = source_now.get(id) else {
            continue;
        };
        // Changed in the work tree, not committed yet: as new as it gets.
        if translations.at(&commits[0].id)?.get(id) != Some(current) {
            continue;
        }
        // The newest commit after which the translation stayed as it is.
        let mut last = 0;
        while last + 1 < commits.len()
            && translations.at(&commits[last + 1].id)?.get(id) == Some(current)
        {
            last += 1;
        }
        let translated = &commits[last];
        let kind = match sources.at(&translated.id)?.get(id) {
            Some(then) if then == source => continue,
            Some(then) if then.variables != source.variables => Staleness::Hard,
            Some(_) => Staleness::Soft,
            // The translation is older than its source message (renamed).
            None => Staleness::Soft,
        };
        out.push(Stale {
            id: id.clone(),
            kind,
            translated: translated.clone(),
        });
    }
    Ok(Some(out))
}

/// A project folder as it was at a git revision: every loader reads it like
/// the work tree. The files are listed once; each is read when asked for.
#[derive(Debug, Clone)]
pub struct GitTree {
    repo: Repo,
    commit: String,
    /// The revision as the user wrote it, for messages.
    label: String,
    /// The folder inside the repository, `""` for its root.
    prefix: String,
    /// Every file under the folder, relative to it.
    files: BTreeSet<String>,
}

impl GitTree {
    /// `dir` at revision `rev`. An error says why in words: no repository,
    /// no such revision.
    pub fn open(dir: &Path, rev: &str) -> Result<Self, String> {
        let repo = Repo::discover(dir)
            .ok_or_else(|| format!("{} is not in a git repository", dir.display()))?;
        let prefix = repo
            .relative(dir)
            .ok_or_else(|| format!("{} is outside the repository", dir.display()))?;
        let commit = repo
            .git(&[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ])
            .map(|id| id.trim().to_owned())
            .ok()
            .filter(|id| !id.is_empty())
            .ok_or_else(|| format!("there is no revision {rev:?} in {}", repo.root.display()))?;
        let spec = if prefix.is_empty() {
            ".".to_owned()
        } else {
            format!("{prefix}/")
        };
        let listing = repo
            .git(&["ls-tree", "-r", "--name-only", "-z", &commit, "--", &spec])
            .map_err(|e| e.to_string())?;
        let files = listing
            .split('\0')
            .filter(|n| !n.is_empty())
            .map(|n| strip(&prefix, n).to_owned())
            .collect();
        Ok(Self {
            repo,
            commit,
            label: rev.to_owned(),
            prefix,
            files,
        })
    }

    /// The commit's author and its commit time (seconds since 1970, UTC).
    pub fn author_and_time(&self) -> Option<(String, i64)> {
        let out = self
            .repo
            .git(&["log", "-1", "--format=%an%x00%ct", &self.commit])
            .ok()?;
        let (author, time) = out.trim_end().split_once('\0')?;
        Some((author.to_owned(), time.parse().ok()?))
    }

    /// Every file of the folder at the revision, relative to it.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(String::as_str)
    }

    fn full(&self, path: &str) -> String {
        if self.prefix.is_empty() {
            path.to_owned()
        } else {
            format!("{}/{path}", self.prefix)
        }
    }
}

fn strip<'a>(prefix: &str, name: &'a str) -> &'a str {
    if prefix.is_empty() {
        name
    } else {
        name.strip_prefix(prefix)
            .and_then(|n| n.strip_prefix('/'))
            .unwrap_or(name)
    }
}

impl crate::revision::Tree for GitTree {
    fn read(&self, path: &crate::revision::RelPath) -> io::Result<Option<Vec<u8>>> {
        if !self.files.contains(path.as_str()) {
            return Ok(None);
        }
        let bytes = self.repo.file_at(&self.commit, &self.full(path.as_str()))?;
        if let Some(error) = bytes
            .as_ref()
            .and_then(|b| crate::revision::too_large(path, b.len() as u64))
        {
            return Err(error);
        }
        // An empty file reads as empty, not as missing.
        Ok(Some(bytes.unwrap_or_default()))
    }

    fn list(&self, dir: &crate::revision::RelPath) -> Vec<String> {
        let prefix = if dir.as_str().is_empty() {
            String::new()
        } else {
            format!("{}/", dir.as_str())
        };
        let names: BTreeSet<String> = self
            .files
            .iter()
            .filter_map(|f| f.strip_prefix(&prefix))
            .filter_map(|rest| rest.split('/').next())
            .map(str::to_owned)
            .collect();
        names.into_iter().collect()
    }

    fn display(&self, path: &crate::revision::RelPath) -> String {
        format!("{}:{}", self.label, self.full(path.as_str()))
    }

    fn origin(&self) -> String {
        format!("git {}", self.label)
    }

    fn subtree(
        &self,
        dir: &crate::revision::RelPath,
    ) -> Option<std::sync::Arc<dyn crate::revision::Tree>> {
        let prefix = format!("{}/", dir.as_str());
        let files = self
            .files
            .iter()
            .filter_map(|f| f.strip_prefix(&prefix))
            .map(str::to_owned)
            .collect();
        Some(std::sync::Arc::new(Self {
            repo: self.repo.clone(),
            commit: self.commit.clone(),
            label: self.label.clone(),
            prefix: self.full(dir.as_str()),
            files,
        }))
    }
}
