//! A Fluent project's own configuration, read as it is: compare-locales'
//! `l10n.toml` (which files of which locales are translations of which
//! reference files, what is excluded, how missing entries are filtered),
//! the `.l10n-ignore` beside it, and lettrine's own `lettrine.toml`
//! (`[lint]`: the source locale, extra functions, which checks run on
//! which locales).

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use regex::Regex;
use serde::Deserialize;

use super::{LocaleFiles, Scope, Settings};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::error::{Error, Result};
use crate::pack::{text_file, toml_error};
use patterns::{Glob, Ignore};

mod files;
mod patterns;

pub use files::{Disk, Files, MemoryFiles};

/// What a `[[filters]]` rule says about a missing or obsolete entry or
/// file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Error,
    Warning,
    Ignore,
}

/// The `[lint]` table of `lettrine.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintSection {
    /// The locale the others are translated from.
    pub source: Option<String>,
    /// Functions the application registers (`PLATFORM`).
    #[serde(default)]
    pub functions: Vec<String>,
    pub typography: Option<Scope>,
    pub lexicons: Option<Scope>,
    pub spelling: Option<Scope>,
    pub require_complete: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LettrineToml {
    #[serde(default)]
    lint: LintSection,
}

/// Reads `dir/lettrine.toml`, when there is one.
pub fn read_lettrine_toml(dir: &Path) -> Result<Option<LintSection>> {
    let path = dir.join("lettrine.toml");
    let Some(file) = read_file(&Disk, &path)? else {
        return Ok(None);
    };
    let parsed: LettrineToml = toml::from_str(&file.text).map_err(|e| toml_error(&file, &e))?;
    Ok(Some(parsed.lint))
}

impl LintSection {
    /// The settings of a bare tree with this section (and `--require-complete`).
    pub fn settings(&self, require_complete: bool) -> Settings {
        let base = Settings::tree();
        Settings {
            functions: self.functions.clone(),
            typography: self.typography.unwrap_or(base.typography),
            lexicons: self.lexicons.unwrap_or(base.lexicons),
            spelling: self.spelling.unwrap_or(base.spelling),
            require_complete: require_complete || self.require_complete.unwrap_or(false),
            ..base
        }
    }
}

/// The files of a project, locale by locale, the source first, and its
/// filters.
#[derive(Debug)]
pub struct ProjectFiles {
    pub source: String,
    pub locales: Vec<LocaleFiles>,
    pub filters: Filters,
}

/// The `[[filters]]` of a project and its includes, compiled per locale.
#[derive(Debug, Default)]
pub struct Filters {
    rules: Vec<Rule>,
    /// For each file's path inside its locale (`mail/messenger.ftl`), the
    /// path of its translation with `{locale}` left in.
    templates: HashMap<String, String>,
    /// For each reference file, the locales that translate it (a path may
    /// name its own `locales`).
    applies: HashMap<String, Vec<String>>,
}

#[derive(Debug)]
struct Rule {
    /// Per locale, the patterns of the rule's paths.
    paths: HashMap<String, Vec<Regex>>,
    key: Option<Vec<Key>>,
    action: Action,
}

#[derive(Debug)]
enum Key {
    Exact(String),
    Regex(Regex),
}

impl Filters {
    /// The action of the last rule matching the translation of `rel` in
    /// `locale` (and `key`, for an entry; a rule with a key applies to
    /// entries only, one without to files only); `None` when none does.
    pub fn action(&self, locale: &str, rel: &str, key: Option<&str>) -> Option<Action> {
        if self
            .applies
            .get(rel)
            .is_some_and(|locales| !locales.iter().any(|l| l == locale))
        {
            return Some(Action::Ignore);
        }
        let path = self.templates.get(rel)?.replace("{locale}", locale);
        self.rules.iter().rev().find_map(|rule| {
            if rule.key.is_some() != key.is_some() {
                return None;
            }
            let paths = rule.paths.get(locale)?;
            if !paths.iter().any(|p| p.is_match(&path)) {
                return None;
            }
            if let (Some(keys), Some(key)) = (&rule.key, key) {
                let hit = keys.iter().any(|k| match k {
                    Key::Exact(k) => k == key,
                    Key::Regex(r) => r.is_match(key),
                });
                if !hit {
                    return None;
                }
            }
            Some(rule.action)
        })
    }
}

// --- l10n.toml -----------------------------------------------------------

#[derive(Debug, Deserialize)]
struct RawConfig {
    basepath: Option<String>,
    locales: Option<Vec<String>>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    #[serde(default)]
    paths: Vec<RawPaths>,
    #[serde(default)]
    filters: Vec<RawFilter>,
    #[serde(default)]
    includes: Vec<RawChild>,
    #[serde(default)]
    excludes: Vec<RawChild>,
}

#[derive(Debug, Deserialize)]
struct RawPaths {
    l10n: String,
    reference: Option<String>,
    locales: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn list(&self) -> Vec<&str> {
        match self {
            Self::One(s) => vec![s.as_str()],
            Self::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
struct RawFilter {
    path: OneOrMany,
    key: Option<OneOrMany>,
    action: Action,
}

#[derive(Debug, Deserialize)]
struct RawChild {
    path: String,
}

/// One parsed configuration file: its root, environment, paths and rules.
#[derive(Debug)]
struct Config {
    file: SourceFile,
    root: PathBuf,
    env: BTreeMap<String, String>,
    locales: Option<Vec<String>>,
    paths: Vec<RawPaths>,
    filters: Vec<RawFilter>,
}

/// How deep `[[includes]]` may nest (a file including itself would loop),
/// and how many files a project may read in all (one including itself
/// twice would double at each level).
const MAX_INCLUDES: usize = 16;
const MAX_CONFIGS: usize = 256;

/// How long a pattern may grow through `[env]` (`a = "{a}{a}"`).
const MAX_EXPANDED: usize = 64 * 1024;

/// Reads `path` (an `l10n.toml`) with its includes and excludes, then
/// every file it names: the reference files as `source`, and for each
/// locale its translations. `l10n_base` is where `{l10n_base}` points
/// (by default the project's `basepath`).
///
/// `defines` are variables set on the command line (`-D name=value`, as
/// compare-locales' `-D`): they win over every file's `[env]`.
pub fn read_project(
    path: &Path,
    source: &str,
    l10n_base: Option<&Path>,
    defines: &BTreeMap<String, String>,
) -> Result<ProjectFiles> {
    read_project_in(&Disk, path, source, l10n_base, defines)
}

/// [`read_project`], with the files of `disk`.
pub fn read_project_in(
    disk: &dyn Files,
    path: &Path,
    source: &str,
    l10n_base: Option<&Path>,
    defines: &BTreeMap<String, String>,
) -> Result<ProjectFiles> {
    let mut configs = Vec::new();
    let mut excluded = Vec::new();
    let cwd = disk.cwd();
    let path = normalise(&cwd.join(path));
    let base = l10n_base.map(|b| normalise(&cwd.join(b)));
    read_config(
        disk,
        &path,
        Given {
            l10n_base: base.as_deref(),
            defines,
        },
        None,
        0,
        &mut configs,
        &mut excluded,
    )?;
    let top_locales = configs
        .first()
        .and_then(|c| c.locales.clone())
        .unwrap_or_default();
    let ignore = Ignore::read(disk, path.parent().unwrap_or(Path::new("/")))?;
    // The l10n paths of excluded configs, for the locales each lists.
    let mut exclusions: HashMap<&str, Vec<Glob>> = HashMap::new();
    for (pattern, locales) in &excluded {
        for locale in locales {
            exclusions
                .entry(locale.as_str())
                .or_default()
                .push(Glob::new(&pattern.replace("{locale}", locale)));
        }
    }

    // Every (reference file, translation template) pair, by rel.
    let mut sources: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut templates: HashMap<String, String> = HashMap::new();
    let mut applies: HashMap<String, Vec<String>> = HashMap::new();
    let mut per_locale: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    let mut all_locales: Vec<String> = Vec::new();
    for config in &configs {
        let config_locales = config
            .locales
            .clone()
            .unwrap_or_else(|| top_locales.clone());
        for paths in &config.paths {
            let Some(reference) = &paths.reference else {
                continue;
            };
            let locales: Vec<&String> = config_locales
                .iter()
                .filter(|l| paths.locales.as_ref().is_none_or(|only| only.contains(l)))
                .filter(|l| *l != source)
                .collect();
            for l in &locales {
                if !all_locales.contains(l) {
                    all_locales.push((*l).clone());
                }
            }
            let l10n = config.expand(&paths.l10n, None)?;
            let reference = config.expand(reference, Some(source))?;
            let reference_pattern = Glob::new(&reference);
            let l10n_pattern = Glob::new(&l10n);
            let l10n_for = |locale: &str| Glob::new(&l10n.replace("{locale}", locale));
            let is_excluded = |p: &str, locale: &str| {
                exclusions
                    .get(locale)
                    .is_some_and(|globs| globs.iter().any(|g| g.regex.is_match(p)))
                    || ignore.ignores(Path::new(p))
            };
            for file in reference_pattern.files(disk) {
                let Some(captures) = reference_pattern.matches(&file) else {
                    continue;
                };
                if ignore.ignores(Path::new(&file)) {
                    continue;
                }
                let template = l10n_pattern.fill(&captures);
                let rel = rel_of(&template, config);
                let translated: Vec<String> = locales
                    .iter()
                    .filter(|l| !is_excluded(&template.replace("{locale}", l), l))
                    .map(|l| (*l).clone())
                    .collect();
                templates.entry(rel.clone()).or_insert(template);
                applies.entry(rel.clone()).or_insert(translated);
                sources.entry(rel).or_insert_with(|| PathBuf::from(&file));
            }
            for locale in locales {
                let pattern = l10n_for(locale);
                for file in pattern.files(disk) {
                    let Some(captures) = pattern.matches(&file) else {
                        continue;
                    };
                    if is_excluded(&file, locale) {
                        continue;
                    }
                    let template = l10n_pattern.fill(&captures);
                    let rel = rel_of(&template, config);
                    templates.entry(rel.clone()).or_insert(template);
                    per_locale
                        .entry(locale.clone())
                        .or_default()
                        .entry(rel)
                        .or_insert_with(|| PathBuf::from(&file));
                }
            }
        }
    }
    let read_all = |files: &BTreeMap<String, PathBuf>| -> Result<Vec<(String, SourceFile)>> {
        let mut out = Vec::new();
        for (rel, path) in files {
            if let Some(file) = read_shown(disk, path, &cwd)? {
                out.push((rel.clone(), file));
            }
        }
        Ok(out)
    };
    let mut locales = vec![LocaleFiles {
        locale: source.to_owned(),
        files: read_all(&sources)?,
    }];
    for locale in &all_locales {
        let files = per_locale.remove(locale).unwrap_or_default();
        locales.push(LocaleFiles {
            locale: locale.clone(),
            files: read_all(&files)?,
        });
    }
    let mut rules = Vec::new();
    for config in &configs {
        for raw in &config.filters {
            let mut paths: HashMap<String, Vec<Regex>> = HashMap::new();
            for path in raw.path.list() {
                let expanded = config.expand(path, None)?;
                for locale in &all_locales {
                    paths
                        .entry(locale.clone())
                        .or_default()
                        .push(Glob::new(&expanded.replace("{locale}", locale)).regex);
                }
            }
            let key =
                match &raw.key {
                    None => None,
                    Some(keys) => Some(
                        keys.list()
                            .into_iter()
                            .map(|k| match k.strip_prefix("re:") {
                                Some(re) => Regex::new(&format!("^(?:{re})"))
                                    .map(Key::Regex)
                                    .map_err(|e| {
                                        Error::invalid(
                                        Diagnostic::error(
                                            "config::key",
                                            format!(
                                                "the key pattern `{k}` is not a regular expression"
                                            ),
                                        )
                                        .at(&config.file, config.file.span_of(k))
                                        .label("not a regular expression")
                                        .hint(e.to_string()),
                                    )
                                    }),
                                None => Ok(Key::Exact(k.to_owned())),
                            })
                            .collect::<Result<Vec<_>>>()?,
                    ),
                };
            rules.push(Rule {
                paths,
                key,
                action: raw.action,
            });
        }
    }
    Ok(ProjectFiles {
        source: source.to_owned(),
        locales,
        filters: Filters {
            rules,
            templates,
            applies,
        },
    })
}

/// A file's path inside its locale: its translation's path with the
/// l10n base and the locale folder taken off.
fn rel_of(template: &str, config: &Config) -> String {
    let base = config
        .env
        .get("l10n_base")
        .map_or_else(|| config.root.display().to_string(), String::clone);
    let base = format!("{}/", base.trim_end_matches('/'));
    let inside = template.strip_prefix(&base).unwrap_or(template);
    inside
        .strip_prefix("{locale}/")
        .unwrap_or(inside)
        .to_owned()
}

/// A file read for lint, named relative to the current folder when it is
/// inside it (as CI annotations want).
fn read_shown(files: &dyn Files, path: &Path, cwd: &Path) -> Result<Option<SourceFile>> {
    let shown = path.strip_prefix(cwd).unwrap_or(path).display().to_string();
    match files.read(path) {
        Ok(Some(bytes)) => text_file(shown, bytes).map(Some),
        Ok(None) => Ok(None),
        Err(source) => Err(Error::Read {
            path: shown,
            source,
        }),
    }
}

pub(super) fn read_file(files: &dyn Files, path: &Path) -> Result<Option<SourceFile>> {
    read_shown(files, path, &files.cwd())
}

/// What the command line sets for the whole project.
#[derive(Debug, Clone, Copy)]
struct Given<'a> {
    /// Where `{l10n_base}` points.
    l10n_base: Option<&'a Path>,
    /// `-D name=value`.
    defines: &'a BTreeMap<String, String>,
}

fn read_config(
    files: &dyn Files,
    path: &Path,
    given: Given<'_>,
    inherited_locales: Option<&Vec<String>>,
    depth: usize,
    configs: &mut Vec<Config>,
    excluded: &mut Vec<(String, Vec<String>)>,
) -> Result<()> {
    if configs.len() + excluded.len() >= MAX_CONFIGS {
        return Err(Error::usage(
            format!(
                "the project reads more than {MAX_CONFIGS} files through includes and excludes"
            ),
            Some(format!("does {} include itself?", path.display())),
        ));
    }
    let Some(file) = read_file(files, path)? else {
        return Err(Error::usage(
            format!("{} does not exist", path.display()),
            Some(
                "name a compare-locales project file: lettrine lint --config l10n.toml".to_owned(),
            ),
        ));
    };
    let raw: RawConfig = toml::from_str(&file.text).map_err(|e| toml_error(&file, &e))?;
    let folder = path.parent().unwrap_or(Path::new("/"));
    let root = normalise(&folder.join(raw.basepath.as_deref().unwrap_or(".")));
    let mut env = raw.env.clone();
    let base = given
        .l10n_base
        .map_or_else(|| root.clone(), Path::to_path_buf);
    env.insert("l10n_base".to_owned(), base.display().to_string());
    env.extend(given.defines.iter().map(|(k, v)| (k.clone(), v.clone())));
    // The command line's (here: the top file's) l10n base wins over [env].
    let locales = raw.locales.clone().or_else(|| inherited_locales.cloned());
    let config = Config {
        file: file.clone(),
        root,
        env,
        locales: locales.clone(),
        paths: raw.paths,
        filters: raw.filters,
    };
    let children: Vec<PathBuf> = raw
        .includes
        .iter()
        .map(|c| config.expand(&c.path, None).map(PathBuf::from))
        .collect::<Result<_>>()?;
    let exclusions: Vec<PathBuf> = raw
        .excludes
        .iter()
        .map(|c| config.expand(&c.path, None).map(PathBuf::from))
        .collect::<Result<_>>()?;
    configs.push(config);
    if depth >= MAX_INCLUDES && !children.is_empty() {
        return Err(Error::invalid(
            Diagnostic::error(
                "config::includes",
                format!("includes nest more than {MAX_INCLUDES} deep"),
            )
            .in_file(&file)
            .hint("does a file include itself?"),
        ));
    }
    // compare-locales takes one l10n base for the whole project; without
    // one, it is the top file's basepath.
    let given = Given {
        l10n_base: Some(base.as_path()),
        ..given
    };
    for child in children {
        read_config(
            files,
            &child,
            given,
            locales.as_ref(),
            depth + 1,
            configs,
            excluded,
        )?;
    }
    for exclusion in exclusions {
        let mut inner = Vec::new();
        let mut ignored = Vec::new();
        // As compare-locales: an excluded file applies to the locales it
        // lists itself, not its includer's.
        read_config(
            files,
            &exclusion,
            given,
            None,
            depth + 1,
            &mut inner,
            &mut ignored,
        )?;
        for c in &inner {
            for p in &c.paths {
                let locales = p.locales.clone().or_else(|| c.locales.clone());
                excluded.push((c.expand(&p.l10n, None)?, locales.unwrap_or_default()));
            }
        }
    }
    Ok(())
}

impl Config {
    /// `pattern` with `{var}` from the environment (recursively; `{locale}`
    /// left in, or set to `locale`), made absolute against the root.
    fn expand(&self, pattern: &str, locale: Option<&str>) -> Result<String> {
        let mut text = pattern.to_owned();
        for _ in 0..16 {
            let mut changed = false;
            let mut out = String::new();
            let mut rest = text.as_str();
            while let Some(open) = rest.find('{') {
                out.push_str(&rest[..open]);
                let Some(close) = rest[open..].find('}') else {
                    out.push_str(&rest[open..]);
                    rest = "";
                    break;
                };
                let name = &rest[open + 1..open + close];
                match (name, locale, self.env.get(name)) {
                    ("locale", Some(l), _) => {
                        out.push_str(l);
                        changed = true;
                    }
                    ("locale" | "android_locale", _, _) => out.push_str(&rest[open..=open + close]),
                    (_, _, Some(value)) => {
                        out.push_str(value);
                        changed = true;
                    }
                    _ => {
                        return Err(Error::invalid(
                            Diagnostic::error(
                                "config::unknown-variable",
                                format!("`{{{name}}}` is not set"),
                            )
                            .at(&self.file, self.file.span_of(&format!("{{{name}}}")))
                            .label("unknown variable")
                            .hint("set it under [env]; l10n_base and locale are built in"),
                        ));
                    }
                }
                rest = &rest[open + close + 1..];
            }
            out.push_str(rest);
            text = out;
            if text.len() > MAX_EXPANDED {
                return Err(Error::invalid(
                    Diagnostic::error(
                        "config::too-long",
                        format!("`{pattern}` grows past {MAX_EXPANDED} bytes through [env]"),
                    )
                    .at(&self.file, self.file.span_of(pattern))
                    .label("expands too far")
                    .hint("does a variable of [env] use itself?"),
                ));
            }
            if !changed {
                break;
            }
        }
        let absolute = if text.starts_with('/') {
            text
        } else {
            format!("{}/{text}", self.root.display())
        };
        // `a/./b`, `a//b` and `a/../b` as compare-locales' normpath would.
        let trailing = absolute.ends_with('/');
        let mut shown = normalise(Path::new(&absolute)).display().to_string();
        if trailing && !shown.ends_with('/') {
            shown.push('/');
        }
        Ok(shown)
    }
}

/// `path` without `.` and `..` parts, not touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Whether `dir` holds a compare-locales project file.
pub fn project_file(dir: &Path) -> Option<PathBuf> {
    let path = dir.join("l10n.toml");
    path.is_file().then_some(path)
}

/// The settings for a project (or a bare tree): its `lettrine.toml`
/// section, when it has one.
pub fn settings_for(dir: &Path, require_complete: bool) -> Result<(Settings, Option<String>)> {
    let section = read_lettrine_toml(dir)?.unwrap_or_default();
    Ok((section.settings(require_complete), section.source.clone()))
}

/// The filters of a project as shared settings.
pub fn with_filters(mut settings: Settings, filters: Filters) -> Settings {
    settings.filters = Some(Arc::new(filters));
    settings
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files in memory, under `/p`.
    fn memory(files: &[(&str, &str)]) -> MemoryFiles {
        MemoryFiles::new(
            Path::new("/p"),
            files.iter().map(|(p, t)| (*p, t.as_bytes())),
        )
    }

    fn read(files: &MemoryFiles) -> Result<ProjectFiles> {
        read_project_in(
            files,
            Path::new("/p/l10n.toml"),
            "en-US",
            None,
            &BTreeMap::new(),
        )
    }

    const PATHS: &str = "locales = [\"fr\"]\n[[paths]]\nreference = \"en-US/**\"\nl10n = \"{l10n_base}/{locale}/**\"\n";

    #[test]
    fn a_file_including_itself_stops() {
        let toml = format!(
            "[[includes]]\npath = \"l10n.toml\"\n[[includes]]\npath = \"l10n.toml\"\n{PATHS}"
        );
        let files = memory(&[("l10n.toml", &toml), ("en-US/a.ftl", "a = A\n")]);
        assert!(read(&files).is_err());
    }

    #[test]
    fn env_that_grows_without_end_is_refused() {
        let toml = "[env]\na = \"{a}{a}{a}{a}\"\n[[paths]]\nreference = \"{a}\"\nl10n = \"x\"\n";
        let files = memory(&[("l10n.toml", toml)]);
        let Err(Error::Invalid(d)) = read(&files) else {
            panic!("expected an invalid config")
        };
        assert_eq!(d[0].code, "config::too-long");
    }

    #[test]
    fn l10n_ignore_names_files_at_any_depth_or_anchored() {
        let files = memory(&[
            ("l10n.toml", PATHS),
            (".l10n-ignore", "# scratch\nnotes.ftl\n/fr/old/\n"),
            ("en-US/a.ftl", "a = A\n"),
            ("en-US/notes.ftl", "n = N\n"),
            ("fr/a.ftl", "a = Á\n"),
            ("fr/deep/notes.ftl", "n = N\n"),
            ("fr/old/b.ftl", "b = B\n"),
        ]);
        let project = read(&files).unwrap_or_else(|e| panic!("{e}"));
        let names = |i: usize| -> Vec<String> {
            project.locales[i]
                .files
                .iter()
                .map(|(rel, _)| rel.clone())
                .collect()
        };
        assert_eq!(names(0), ["a.ftl"]);
        assert_eq!(names(1), ["a.ftl"]);
        assert_eq!(project.locales[1].files[0].1.name, "fr/a.ftl");
    }

    #[test]
    fn a_negated_ignore_pattern_takes_a_file_back_and_the_last_match_decides() {
        let files = memory(&[
            ("l10n.toml", PATHS),
            (".l10n-ignore", "/fr/old/\n!/fr/old/keep.ftl\n"),
            ("en-US/keep.ftl", "k = K\n"),
            ("en-US/b.ftl", "b = B\n"),
            ("fr/old/keep.ftl", "k = K\n"),
            ("fr/old/b.ftl", "b = B\n"),
        ]);
        let project = read(&files).unwrap_or_else(|e| panic!("{e}"));
        let fr: Vec<&str> = project.locales[1]
            .files
            .iter()
            .map(|(_, f)| f.name.as_str())
            .collect();
        assert_eq!(fr, ["fr/old/keep.ftl"]);
    }

    #[test]
    fn a_variable_defined_on_the_command_line_wins_over_env() {
        let toml = "locales = [\"fr\"]\n[env]\nl = \"locales\"\n[[paths]]\nreference = \"{l}/en-US/*.ftl\"\nl10n = \"{l}/{locale}/*.ftl\"\n";
        let files = memory(&[
            ("l10n.toml", toml),
            ("locales/en-US/a.ftl", "a = A\n"),
            ("other/en-US/b.ftl", "b = B\n"),
        ]);
        let defines = BTreeMap::from([("l".to_owned(), "other".to_owned())]);
        let project = read_project_in(&files, Path::new("/p/l10n.toml"), "en-US", None, &defines)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(project.locales[0].files[0].1.name, "other/en-US/b.ftl");
        let project = read(&files).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(project.locales[0].files[0].1.name, "locales/en-US/a.ftl");
    }
}
