//! The path patterns of a project's configuration: compare-locales'
//! `*` and `**` (`Glob`), and the gitignore-style `.l10n-ignore`
//! (`Ignore`).

use std::path::{Path, PathBuf};

use regex::Regex;

use super::{Files, read_file};
use crate::error::Result;

/// A compare-locales path pattern: `*` is any text within one path
/// segment, `**` any depth (none included); each wildcard is captured so
/// that a reference path maps to its translation's.
#[derive(Debug)]
pub(super) struct Glob {
    text: String,
    pub regex: Regex,
}

impl Glob {
    pub fn new(pattern: &str) -> Self {
        let mut re = String::from("^");
        let mut rest = pattern;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("**/") {
                re.push_str("((?:[^/]*/)*)");
                rest = after;
            } else if let Some(after) = rest.strip_prefix("**") {
                re.push_str("(.*)");
                rest = after;
            } else if let Some(after) = rest.strip_prefix('*') {
                re.push_str("([^/]*)");
                rest = after;
            } else {
                let end = rest.find('*').unwrap_or(rest.len());
                re.push_str(&regex::escape(&rest[..end]));
                rest = &rest[end..];
            }
        }
        re.push('$');
        let regex = Regex::new(&re).unwrap_or_else(|_| {
            // Every literal is escaped and every group is closed.
            Regex::new("^$").unwrap_or_else(|_| unreachable!("a fixed pattern"))
        });
        Self {
            text: pattern.to_owned(),
            regex,
        }
    }

    /// The texts the wildcards took, when `path` matches.
    pub fn matches(&self, path: &str) -> Option<Vec<String>> {
        let captures = self.regex.captures(path)?;
        Some(
            captures
                .iter()
                .skip(1)
                .map(|m| m.map_or_else(String::new, |m| m.as_str().to_owned()))
                .collect(),
        )
    }

    /// The pattern with its wildcards replaced by `captures`, in order.
    pub fn fill(&self, captures: &[String]) -> String {
        let mut out = String::new();
        let mut rest = self.text.as_str();
        let mut values = captures.iter();
        while !rest.is_empty() {
            let (wild, after) = if let Some(after) = rest.strip_prefix("**/") {
                (true, after)
            } else if let Some(after) = rest.strip_prefix("**") {
                (true, after)
            } else if let Some(after) = rest.strip_prefix('*') {
                (true, after)
            } else {
                let end = rest.find('*').unwrap_or(rest.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
                continue;
            };
            if wild {
                out.push_str(values.next().map_or("", String::as_str));
            }
            rest = after;
        }
        out
    }

    /// The files on disk the pattern matches, sorted.
    pub fn files(&self, files: &dyn Files) -> Vec<String> {
        // The folder before the first wildcard.
        let literal = &self.text[..self.text.find('*').unwrap_or(self.text.len())];
        let start = match literal.rfind('/') {
            Some(i) => &literal[..=i],
            None => return Vec::new(),
        };
        let mut out: Vec<String> = files
            .walk(Path::new(start))
            .into_iter()
            .filter(|p| p.ends_with(".ftl") && self.regex.is_match(p))
            .collect();
        out.sort();
        out
    }
}

/// The patterns of a gitignore-style `.l10n-ignore`: one per line, `#`
/// comments; a pattern with a `/` (but at its end) is anchored at the
/// file's folder, any other matches a name at any depth; a trailing `/`
/// matches a folder and all under it; `!` before a pattern takes back what
/// an earlier one ignored (the last pattern that matches a path decides,
/// as in git).
#[derive(Debug, Default)]
pub(super) struct Ignore {
    folder: PathBuf,
    /// Each pattern, and whether it takes back (`!`).
    patterns: Vec<(Regex, bool)>,
}

impl Ignore {
    pub fn read(files: &dyn Files, folder: &Path) -> Result<Self> {
        let Some(file) = read_file(files, &folder.join(".l10n-ignore"))? else {
            return Ok(Self::default());
        };
        let mut patterns = Vec::new();
        for line in file.text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (negated, line) = match line.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, line.strip_prefix('\\').unwrap_or(line)),
            };
            let dir = line.ends_with('/');
            let body = line.trim_end_matches('/');
            let anchored = body.contains('/');
            let body = body.trim_start_matches('/');
            let glob = Glob::new(body).regex.as_str().to_owned();
            let inner = glob.trim_start_matches('^').trim_end_matches('$');
            let prefix = if anchored { "^" } else { "^(?:.*/)?" };
            let suffix = if dir { "/.*$" } else { "(?:/.*)?$" };
            if let Ok(re) = Regex::new(&format!("{prefix}{inner}{suffix}")) {
                patterns.push((re, negated));
            }
        }
        Ok(Self {
            folder: folder.to_path_buf(),
            patterns,
        })
    }

    pub fn ignores(&self, path: &Path) -> bool {
        let Ok(inside) = path.strip_prefix(&self.folder) else {
            return false;
        };
        let inside = inside.to_string_lossy();
        self.patterns
            .iter()
            .rev()
            .find(|(p, _)| p.is_match(&inside))
            .is_some_and(|(_, negated)| !negated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_capture_and_fill() {
        let g = Glob::new("/r/en-US/**/*.ftl");
        let caps = g
            .matches("/r/en-US/mail/messenger/a.ftl")
            .unwrap_or_default();
        assert_eq!(caps, ["mail/messenger/", "a"]);
        assert!(
            g.matches("/r/en-US/a.ftl").is_some(),
            "** takes no folder too"
        );
        assert!(g.matches("/r/fr/a.ftl").is_none());
        let l10n = Glob::new("/b/{locale}/**/*.ftl");
        assert_eq!(l10n.fill(&caps), "/b/{locale}/mail/messenger/a.ftl");
        let star = Glob::new("/r/*.ftl");
        assert!(
            star.matches("/r/a/b.ftl").is_none(),
            "* stays in one segment"
        );
        let tail = Glob::new("/r/en-US/**");
        assert_eq!(
            tail.matches("/r/en-US/x/y.ftl").unwrap_or_default(),
            ["x/y.ftl"]
        );
    }
}
