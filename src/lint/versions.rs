//! A pack's semver against its git history: when its messages or fields
//! changed since the commit that set the current version, the version must
//! have moved — major for a removed message or a new required field, minor
//! for a new message, patch for a change of wording.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::LocaleFiles;
use crate::diagnostic::Diagnostic;
use crate::history::{self, Canon, Repo, Snapshots};
use crate::pack::Pack;
use crate::pack::field::Required;
use crate::revision::Located;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Bump {
    None,
    Patch,
    Minor,
    Major,
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::None => "no",
            Self::Patch => "a patch",
            Self::Minor => "a minor",
            Self::Major => "a major",
        })
    }
}

/// What changed, and the bump it needs.
struct Changes {
    bump: Bump,
    /// The weightiest change, for the message.
    why: String,
}

/// The warning, if the pack's version does not follow its changes. No
/// repository, no history or a git failure means nothing to say.
pub(super) fn check(located: &Located, pack: &Pack, files: &[LocaleFiles]) -> Option<Diagnostic> {
    let dir = located.tree.disk_path(&located.dir)?;
    let repo = Repo::discover(&dir)?;
    let rel = repo.relative(&dir)?;
    let join = |name: &str| {
        if rel.is_empty() {
            name.to_owned()
        } else {
            format!("{rel}/{name}")
        }
    };
    let commits = repo.commits(&join("pack.toml")).ok()?;
    let version_at = |commit: &str| -> Option<(String, toml::Value)> {
        let bytes = repo.file_at(commit, &join("pack.toml")).ok()??;
        let value: toml::Value = toml::from_str(&String::from_utf8_lossy(&bytes)).ok()?;
        Some((value.get("version")?.as_str()?.to_owned(), value))
    };
    let current = pack.version.to_string();
    let (head_version, _) = version_at(&commits.first()?.id)?;
    let now: BTreeMap<&str, BTreeMap<String, Canon>> = files
        .iter()
        .map(|lf| {
            (
                lf.locale.as_str(),
                history::canonical_messages(lf.files.iter().map(|(_, f)| &*f.text)),
            )
        })
        .collect();
    let span = pack.manifest.span_of(&format!("version = \"{current}\""));
    if head_version != current {
        // Bumped in the work tree: is it enough for what changed since HEAD?
        let (_, manifest) = version_at(&commits[0].id)?;
        let changes = changes(&repo, &commits[0].id, &manifest, &join, pack, &now)?;
        let previous: semver::Version = head_version.parse().ok()?;
        let actual = bump_between(&previous, &pack.version);
        return (changes.bump > actual).then(|| {
            Diagnostic::warning(
                "pack::version",
                format!(
                    "{} goes from {previous} to {current}, {actual} bump, but {}, which needs {} bump",
                    pack.id, changes.why, changes.bump
                ),
            )
            .at(&pack.manifest, span.clone())
            .label("too small a bump")
            .hint(format!("make it {}", next(&previous, changes.bump)))
        });
    }
    // The oldest commit of the run that has carried the current version.
    let mut setter = 0;
    while setter + 1 < commits.len()
        && version_at(&commits[setter + 1].id).is_some_and(|(v, _)| v == current)
    {
        setter += 1;
    }
    let commit = &commits[setter];
    let (_, manifest) = version_at(&commit.id)?;
    let changes = changes(&repo, &commit.id, &manifest, &join, pack, &now)?;
    (changes.bump > Bump::None).then(|| {
        Diagnostic::warning(
            "pack::version",
            format!(
                "{} changed since {} set version {current}: {}, which needs {} bump",
                pack.id, commit.short, changes.why, changes.bump
            ),
        )
        .at(&pack.manifest, span)
        .label("not bumped")
        .hint(format!("make it {}", next(&pack.version, changes.bump)))
    })
}

/// What changed from `commit` to the work tree, and the bump it needs.
fn changes(
    repo: &Repo,
    commit: &str,
    manifest: &toml::Value,
    join: &dyn Fn(&str) -> String,
    pack: &Pack,
    now: &BTreeMap<&str, BTreeMap<String, Canon>>,
) -> Option<Changes> {
    let mut worst = Changes {
        bump: Bump::None,
        why: String::new(),
    };
    let mut note = |bump: Bump, why: String| {
        if bump > worst.bump {
            worst = Changes { bump, why };
        }
    };
    // Fields: required ones then and now.
    let then_fields: BTreeMap<String, bool> = manifest
        .get("fields")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|f| {
            let key = f.get("key")?.as_str()?.to_owned();
            let required = f
                .get("required")
                .and_then(toml::Value::as_bool)
                .unwrap_or(false);
            Some((key, required))
        })
        .collect();
    let frame: BTreeSet<String> = crate::pack::frame_fields()
        .into_iter()
        .map(|f| f.key)
        .collect();
    for field in pack.fields.iter().filter(|f| !frame.contains(&f.key)) {
        let required = field.required == Required::Yes;
        if required && then_fields.get(&field.key) != Some(&true) {
            note(
                Bump::Major,
                format!("the field {:?} is now required", field.key),
            );
        }
    }
    for key in then_fields.keys() {
        if pack.field(key).is_none() {
            note(Bump::Major, format!("the field {key:?} was removed"));
        }
    }
    for (locale, messages) in now {
        let mut snapshots = Snapshots::new(repo, join(locale));
        let then = snapshots.at(commit).ok()?;
        let source = *locale == pack.source_locale;
        for id in then.keys().filter(|k| !messages.contains_key(*k)) {
            if source {
                note(Bump::Major, format!("the message `{id}` was removed"));
            }
        }
        for (id, canon) in messages {
            match then.get(id) {
                None if source => note(Bump::Minor, format!("the message `{id}` was added")),
                Some(old) if old != canon => {
                    note(Bump::Patch, format!("`{id}` changed in {locale}"))
                }
                _ => {}
            }
        }
    }
    Some(worst)
}

fn bump_between(from: &semver::Version, to: &semver::Version) -> Bump {
    if to.major != from.major {
        Bump::Major
    } else if to.minor != from.minor {
        Bump::Minor
    } else if to.patch != from.patch || to.pre != from.pre {
        Bump::Patch
    } else {
        Bump::None
    }
}

fn next(from: &semver::Version, bump: Bump) -> semver::Version {
    match bump {
        Bump::Major => semver::Version::new(from.major + 1, 0, 0),
        Bump::Minor => semver::Version::new(from.major, from.minor + 1, 0),
        Bump::Patch | Bump::None => semver::Version::new(from.major, from.minor, from.patch + 1),
    }
}
