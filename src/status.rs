//! `lettrine status`: how far each locale of a pack is — messages complete,
//! missing, obsolete and stale (the source changed after the translation
//! did, known from git history), and words.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::history::{self, Canon, Repo, Staleness};
use crate::pack::Pack;
use crate::revision::Located;

#[derive(Debug, Serialize)]
pub struct PackStatus {
    pub id: String,
    pub version: String,
    pub source: String,
    /// Whether the pack is in a git repository, so staleness is known.
    pub git: bool,
    /// Messages and terms of the source locale.
    pub messages: usize,
    pub locales: Vec<LocaleStatus>,
}

#[derive(Debug, Serialize)]
pub struct LocaleStatus {
    pub locale: String,
    /// Translated and up to date (or, outside git, translated).
    pub complete: usize,
    pub missing: usize,
    pub obsolete: usize,
    /// `None` when it cannot be known: outside git, or never committed.
    pub stale: Option<StaleCount>,
    /// Words of the locale's messages that the source also has.
    pub words: usize,
    pub stale_messages: Vec<StaleMessage>,
}

#[derive(Debug, Serialize)]
pub struct StaleCount {
    pub hard: usize,
    pub soft: usize,
}

#[derive(Debug, Serialize)]
pub struct StaleMessage {
    pub id: String,
    /// `hard` (the source's variables changed) or `soft` (its wording).
    pub kind: &'static str,
    /// The commit that last changed the translation, and its date.
    pub translated_in: String,
    pub translated_on: String,
}

/// The status of the pack in `located`.
pub fn status(located: &Located) -> Result<PackStatus> {
    let pack = Pack::load(located)?;
    let messages: BTreeMap<&str, BTreeMap<String, Canon>> = pack
        .messages
        .iter()
        .map(|(locale, files)| {
            let texts = files.iter().map(|(_, f)| &*f.text);
            (locale.as_str(), history::canonical_messages(texts))
        })
        .collect();
    let empty = BTreeMap::new();
    let source = messages.get(pack.source_locale.as_str()).unwrap_or(&empty);
    let repo = located
        .tree
        .disk_path(&located.dir)
        .and_then(|dir| Some((Repo::discover(&dir)?, dir)))
        .and_then(|(repo, dir)| Some((repo.relative(&dir)?, repo)));
    let mut locales = Vec::new();
    for locale in &pack.locales {
        let now = messages.get(locale.as_str()).unwrap_or(&empty);
        let present = now.keys().filter(|k| source.contains_key(*k)).count();
        let obsolete = now.len() - present;
        let words = now
            .iter()
            .filter(|(k, _)| source.contains_key(*k))
            .map(|(_, c)| c.words)
            .sum();
        let stale = match &repo {
            Some((dir, repo)) if *locale != pack.source_locale => {
                let join = |l: &str| {
                    if dir.is_empty() {
                        l.to_owned()
                    } else {
                        format!("{dir}/{l}")
                    }
                };
                history::stale(repo, &join(&pack.source_locale), source, &join(locale), now)
                    .map_err(|source| Error::Read {
                        path: format!("the git history of {}", join(locale)),
                        source,
                    })?
            }
            Some(_) => Some(Vec::new()),
            None => None,
        };
        let stale_messages: Vec<StaleMessage> = stale
            .iter()
            .flatten()
            .map(|s| StaleMessage {
                id: s.id.clone(),
                kind: match s.kind {
                    Staleness::Hard => "hard",
                    Staleness::Soft => "soft",
                },
                translated_in: s.translated.short.clone(),
                translated_on: s.translated.date.clone(),
            })
            .collect();
        let count = stale.as_ref().map(|list| StaleCount {
            hard: list.iter().filter(|s| s.kind == Staleness::Hard).count(),
            soft: list.iter().filter(|s| s.kind == Staleness::Soft).count(),
        });
        locales.push(LocaleStatus {
            locale: locale.clone(),
            complete: present - stale_messages.len(),
            missing: source.len() - present,
            obsolete,
            stale: count,
            words,
            stale_messages,
        });
    }
    Ok(PackStatus {
        id: pack.id.clone(),
        version: pack.version.to_string(),
        source: pack.source_locale.clone(),
        git: repo.is_some(),
        messages: source.len(),
        locales,
    })
}
