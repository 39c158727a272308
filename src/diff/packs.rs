//! Two versions of a pack, message by message across its locales. Messages
//! are keyed by id and compared in their canonical form, so moving or
//! re-wrapping a message is not a change.

use std::collections::{BTreeMap, BTreeSet};

use super::{Interner, LocaleText, MessageDiff, PackDiff, TextStatus, tokens, word_diff};
use crate::history::Canon;

/// One version of a pack: its version, source locale, and each locale's
/// canonical messages.
#[derive(Debug, Clone, Copy)]
pub struct PackSide<'a> {
    pub version: &'a str,
    pub source_locale: &'a str,
    pub locales: &'a BTreeMap<String, BTreeMap<String, Canon>>,
}

/// The messages of pack `id` that changed in some locale, or whose source
/// changed while a translation did not (stale); `None` if none did.
pub fn compare_packs(
    id: &str,
    old: Option<PackSide<'_>>,
    new: Option<PackSide<'_>>,
) -> Option<PackDiff> {
    let either = new.or(old)?;
    let source = either.source_locale;
    let locales: BTreeSet<&String> = [old, new]
        .into_iter()
        .flatten()
        .flat_map(|side| side.locales.keys())
        .collect();
    // The source locale first, then the others in order.
    let mut order: Vec<&str> = vec![source];
    order.extend(locales.iter().map(|l| l.as_str()).filter(|l| *l != source));
    let ids: BTreeSet<&String> = [old, new]
        .into_iter()
        .flatten()
        .flat_map(|side| side.locales.values().flat_map(|m| m.keys()))
        .collect();
    let text = |side: Option<PackSide<'_>>, locale: &str, id: &str| {
        side.and_then(|s| s.locales.get(locale))
            .and_then(|m| m.get(id))
            .map(|c| c.text.clone())
    };
    let mut interner = Interner::default();
    let mut messages = Vec::new();
    for message in ids {
        let source_changed = text(old, source, message) != text(new, source, message);
        let mut texts = Vec::new();
        for locale in &order {
            let (a, b) = (text(old, locale, message), text(new, locale, message));
            let is_source = *locale == source;
            let status = match (&a, &b) {
                (None, None) => continue,
                (None, Some(_)) => TextStatus::Added,
                (Some(_), None) => TextStatus::Deleted,
                (Some(x), Some(y)) if x != y => TextStatus::Modified,
                _ if source_changed && !is_source => TextStatus::Stale,
                _ => TextStatus::Unchanged,
            };
            let segments = match (&a, &b, status) {
                (Some(x), Some(y), TextStatus::Modified) => {
                    let (x, y) = (tokens::tokenize(x), tokens::tokenize(y));
                    word_diff(&mut interner, &x, &y, true, true).0
                }
                _ => Vec::new(),
            };
            texts.push(LocaleText {
                locale: (*locale).to_owned(),
                source: is_source,
                status,
                old: a,
                new: b,
                segments,
            });
        }
        if texts.iter().any(|t| t.status != TextStatus::Unchanged) {
            messages.push(MessageDiff {
                id: message.clone(),
                locales: texts,
            });
        }
    }
    let old_version = old.map(|s| s.version.to_owned());
    let new_version = new.map(|s| s.version.to_owned());
    if messages.is_empty() && old_version == new_version {
        return None;
    }
    Some(PackDiff {
        pack: id.to_owned(),
        old_version,
        new_version,
        source_locale: source.to_owned(),
        messages,
    })
}
