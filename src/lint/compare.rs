//! A translation against its source locale: files, messages, values and
//! attributes missing or obsolete; variables added or dropped, for the
//! whole message and for each variant of a select expression; text left
//! as in the source.
//!
//! In a pack, a locale is one bundle: a message may sit in any of its
//! files, and a missing one is an error. In a bare tree, each file is its
//! own resource, compared with the source file of the same path; what a
//! partial locale leaves to the run-time fallback is a note, counted,
//! unless the project asks for more (`--require-complete`, a filter).

use std::collections::BTreeSet;

use fluent_syntax::ast::{Expression, Pattern, PatternElement, Variant};

use super::config::Action;
use super::{Def, Locale, Settings, part_name, var};
use crate::diagnostic::{Diagnostic, Severity, closest};
use crate::ftl;

/// What a translation lacks and has too many of, as compare-locales
/// counts them.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Counts {
    pub missing: usize,
    pub missing_words: usize,
    pub obsolete: usize,
}

/// The definition of `key` in `locale` that stands for `def` of the other
/// locale: any one in a pack, the one in the file of the same path in a
/// bare tree.
fn counterpart<'l, 'a>(
    locale: &'l Locale<'a>,
    key: &str,
    rel: &str,
    settings: &Settings,
) -> Option<&'l Def<'a>> {
    let defs = locale.entries.get(key)?;
    if settings.bare {
        defs.iter().find(|d| locale.files[d.file].rel == rel)
    } else {
        defs.first()
    }
}

/// The first definition of each id in each file (a bare tree), or the
/// first of each id (a pack).
fn firsts<'l, 'a>(defs: &'l [Def<'a>], settings: &Settings) -> Vec<&'l Def<'a>> {
    if !settings.bare {
        return defs.first().into_iter().collect();
    }
    defs.iter()
        .enumerate()
        .filter(|(i, d)| !defs[..*i].iter().any(|e| e.file == d.file))
        .map(|(_, d)| d)
        .collect()
}

/// How a missing or obsolete file or entry is reported, or `None` when the
/// project ignores it.
fn severity(
    settings: &Settings,
    locale: &str,
    rel: &str,
    key: Option<&str>,
    missing: bool,
) -> Option<Severity> {
    let action = settings
        .filters
        .as_ref()
        .and_then(|f| f.action(locale, rel, key));
    match action {
        Some(Action::Ignore) => None,
        Some(Action::Error) => Some(Severity::Error),
        Some(Action::Warning) => Some(Severity::Warning),
        None if !settings.bare => Some(if missing {
            Severity::Error
        } else {
            Severity::Warning
        }),
        None if missing && settings.require_complete => Some(Severity::Error),
        None => Some(Severity::Note),
    }
}

/// The words of an entry as compare-locales counts them: every token
/// between white space in its text, value and attributes, variants
/// included.
fn words(def: &Def<'_>) -> usize {
    def.patterns()
        .flat_map(|(_, p)| ftl::texts(p))
        .map(|(_, text)| text.split_whitespace().count())
        .sum()
}

pub(super) fn check(
    src: &Locale<'_>,
    tr: &Locale<'_>,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) -> Counts {
    let mut counts = Counts::default();
    let missing_files = files(src, tr, settings, &mut counts, out);
    // What the translation lacks, by file: the candidates of "was it
    // renamed?" for what it has too many of.
    let mut lacking: Vec<(&str, &str)> = Vec::new();
    for (key, defs) in &src.entries {
        for s in firsts(defs, settings) {
            let rel = src.files[s.file].rel;
            let found = counterpart(tr, key, rel, settings);
            if found.is_none() {
                lacking.push((rel, key));
            }
            match found {
                None if missing_files.contains(rel) => {}
                None => {
                    let Some(severity) = severity(settings, tr.locale, rel, Some(key), true) else {
                        continue;
                    };
                    counts.missing += 1;
                    counts.missing_words += words(s);
                    let mut d = missing(src, tr, s, settings);
                    d.severity = severity;
                    out.push(d);
                }
                Some(t) if t.broken || s.broken => {}
                Some(t) => entry(src, tr, s, t, settings, out),
            }
        }
    }
    for (key, defs) in &tr.entries {
        for t in firsts(defs, settings) {
            let rel = tr.files[t.file].rel;
            if counterpart(src, key, rel, settings).is_some() {
                continue;
            }
            // A file the source does not have is reported once, as a file.
            if settings.bare && !src.files.iter().any(|f| f.rel == rel) {
                continue;
            }
            let Some(severity) = severity(settings, tr.locale, rel, Some(key), false) else {
                continue;
            };
            counts.obsolete += 1;
            let mut d = Diagnostic::new(
                severity,
                "l10n::obsolete",
                format!("`{key}` is not in the source ({}) any more", src.locale),
            )
            .label("obsolete");
            // In a bare tree a renamed message stays in its file.
            let candidates = lacking
                .iter()
                .filter(|(r, _)| !settings.bare || *r == rel)
                .map(|(_, k)| *k);
            if let Some(near) = closest(candidates, key) {
                d = d.hint(format!(
                    "was it renamed `{near}`? that message is missing here"
                ));
            } else {
                d = d.hint("remove it, or add it to the source first");
            }
            out.push(tr.at(d, t, t.id));
        }
    }
    counts
}

/// Reports files of the source the translation lacks, and files only the
/// translation has; returns the missing ones (their messages are counted,
/// not reported one by one).
fn files<'a>(
    src: &Locale<'a>,
    tr: &Locale<'_>,
    settings: &Settings,
    counts: &mut Counts,
    out: &mut Vec<Diagnostic>,
) -> BTreeSet<&'a str> {
    let tr_files: BTreeSet<&str> = tr.files.iter().map(|f| f.rel).collect();
    let src_files: BTreeSet<&str> = src.files.iter().map(|f| f.rel).collect();
    let mut missing = BTreeSet::new();
    for (index, parsed) in src.files.iter().enumerate() {
        if tr_files.contains(parsed.rel) {
            continue;
        }
        missing.insert(parsed.rel);
        let Some(severity) = severity(settings, tr.locale, parsed.rel, None, true) else {
            continue;
        };
        let mut count = 0;
        for defs in src.entries.values() {
            for s in firsts(defs, settings) {
                let here = if settings.bare {
                    s.file == index
                } else {
                    src.files[s.file].rel == parsed.rel && tr.get(&s.key()).is_none()
                };
                if here && !s.broken {
                    count += 1;
                    counts.missing_words += words(s);
                }
            }
        }
        counts.missing += count;
        out.push(
            Diagnostic::new(
                severity,
                "l10n::missing-file",
                format!(
                    "{} has no {} ({count} message{} to translate)",
                    tr.locale,
                    parsed.rel.replace("{locale}", tr.locale),
                    if count == 1 { "" } else { "s" }
                ),
            )
            .in_file(parsed.file)
            .about(tr.locale, None)
            .hint(format!(
                "copy {} into the {} folder and translate it",
                parsed.file.name, tr.locale
            )),
        );
    }
    for parsed in tr.files.iter().filter(|f| !src_files.contains(f.rel)) {
        let Some(severity) = severity(settings, tr.locale, parsed.rel, None, false) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                severity,
                "l10n::obsolete-file",
                format!(
                    "{} has no {} any more",
                    src.locale,
                    parsed.rel.replace("{locale}", src.locale)
                ),
            )
            .in_file(parsed.file)
            .about(tr.locale, None)
            .hint("remove the file, or move its messages where the source has them"),
        );
    }
    missing
}

/// A message of the source the translation lacks, pointed at where it
/// would go in the translation: before the next message they share.
fn missing(src: &Locale<'_>, tr: &Locale<'_>, s: &Def<'_>, settings: &Settings) -> Diagnostic {
    let key = s.key();
    let d = Diagnostic::error(
        "l10n::missing",
        format!("`{key}` is not translated in {}", tr.locale),
    )
    .about(tr.locale, Some(&key))
    .hint(format!("translate it from {}", src.locale));
    let rel = src.files[s.file].rel;
    let Some(parsed) = tr.files.iter().find(|f| f.rel == rel) else {
        return d.in_file(src.file(s)).label("missing");
    };
    // The next message of the same source file that the translation has,
    // in the same file.
    let next = src
        .entries
        .values()
        .map(|defs| &defs[0])
        .filter(|other| other.file == s.file)
        .filter(|other| {
            ftl::span(&src.file(other).text, other.id).start
                > ftl::span(&src.file(s).text, s.id).start
        })
        .filter_map(|other| counterpart(tr, &other.key(), rel, settings))
        .filter(|t| tr.files[t.file].rel == rel)
        .map(|t| (ftl::span(&parsed.file.text, t.id).start, t.key()))
        .min();
    match next {
        Some((at, before)) => {
            // Above `before` and the comment lines attached to it.
            let text = &parsed.file.text;
            let mut line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            while line_start > 0 {
                let prev = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
                if !text[prev..].starts_with('#') {
                    break;
                }
                line_start = prev;
            }
            d.at(parsed.file, line_start..line_start)
                .label(format!("add `{key}` before `{before}`"))
        }
        None => {
            let end = parsed.file.text.len();
            d.at(parsed.file, end..end)
                .label(format!("add `{key}` here"))
        }
    }
}

fn entry(
    src: &Locale<'_>,
    tr: &Locale<'_>,
    s: &Def<'_>,
    t: &Def<'_>,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    let key = s.key();
    match (s.value, t.value) {
        (Some(sv), Some(tv)) => parity(src, tr, t, None, (sv, tv), settings, out),
        (Some(_), None) => out.push(
            tr.at(
                Diagnostic::error(
                    "l10n::missing-value",
                    format!(
                        "`{key}` has a value in {} but not in {}",
                        src.locale, tr.locale
                    ),
                )
                .label("no value"),
                t,
                t.id,
            ),
        ),
        (None, Some(_)) => out.push(
            tr.at(
                Diagnostic::warning(
                    "l10n::obsolete-value",
                    format!("`{key}` has no value in {}, only attributes", src.locale),
                )
                .label("value not in the source"),
                t,
                t.id,
            ),
        ),
        (None, None) => {}
    }
    for sa in s.attributes {
        match t.attributes.iter().find(|ta| ta.id.name == sa.id.name) {
            Some(ta) => parity(
                src,
                tr,
                t,
                Some(sa.id.name),
                (&sa.value, &ta.value),
                settings,
                out,
            ),
            None => out.push(
                tr.at(
                    Diagnostic::error(
                        "l10n::missing-attribute",
                        format!(
                            "`{key}` lacks the attribute `.{}` in {}",
                            sa.id.name, tr.locale
                        ),
                    )
                    .label(format!("no `.{}`", sa.id.name)),
                    t,
                    t.id,
                ),
            ),
        }
    }
    for ta in t.attributes {
        if !s.attributes.iter().any(|sa| sa.id.name == ta.id.name) {
            out.push(
                tr.at(
                    Diagnostic::warning(
                        "l10n::obsolete-attribute",
                        format!("`{key}.{}` is not in the source any more", ta.id.name),
                    )
                    .label("obsolete attribute"),
                    t,
                    ta.id.name,
                ),
            );
        }
    }
    let same =
        ftl::canonical_entry(s.value, s.attributes) == ftl::canonical_entry(t.value, t.attributes);
    let words = s.value.map_or(0, ftl::word_count);
    // Terms are names (a brand), usually kept as they are.
    if same && words >= 2 && !t.term && !t.ignores("untranslated", None) {
        // A shipped tree keeps names, formats and codes as they are on
        // purpose: compare-locales counts them ("unchanged"), no more.
        let severity = if settings.bare {
            Severity::Note
        } else {
            Severity::Warning
        };
        out.push(tr.at(
            Diagnostic::new(
                severity,
                "l10n::untranslated",
                format!("`{key}` in {} is the same as in {}", tr.locale, src.locale),
            )
            .label("identical to the source")
            .hint(format!(
                "translate it; if it is right as it is, say so with a comment line `# lint-ignore: untranslated` above `{key}`"
            )),
            t,
            t.id,
        ));
    }
}

/// Variables of one pattern of a message (its value or an attribute)
/// against the source: the same set overall, and for each variant of a
/// select both share, the same set as the source's matching variant (or
/// its default variant, for a plural category the source does not have).
fn parity(
    src: &Locale<'_>,
    tr: &Locale<'_>,
    t: &Def<'_>,
    attribute: Option<&str>,
    (sp, tp): (&Pattern<&str>, &Pattern<&str>),
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    let key = format!("{}{}", t.key(), part_name(attribute));
    let anchor = attribute
        .and_then(|a| t.attributes.iter().find(|x| x.id.name == a))
        .map_or(t.id, |a| a.id.name);
    let sv = ftl::variables(sp);
    let tv = ftl::variables(tp);
    let listed = |set: &BTreeSet<&str>| set.iter().map(|v| var(v)).collect::<Vec<_>>().join(", ");
    // A message gets its variables once, for its value and attributes
    // alike: one the source uses in another part is passed.
    let rel = tr.files[t.file].rel;
    let whole: BTreeSet<&str> = counterpart(src, &t.key(), rel, settings)
        .map(|s| s.patterns().flat_map(|(_, p)| ftl::variables(p)).collect())
        .unwrap_or_default();
    for added in tv.difference(&sv) {
        if t.ignores("variable-added", Some(&var(added))) {
            continue;
        }
        let place = first_variable(tp, added).unwrap_or(t.id);
        if whole.contains(added) {
            out.push(tr.at(
                Diagnostic::warning(
                    "l10n::variable-added",
                    format!(
                        "`{key}` in {} uses {}, which the source uses only in another part of the message",
                        tr.locale,
                        var(added)
                    ),
                )
                .label("not in this part of the source")
                .hint(format!("check that this part says what the source's does ({})", if sv.is_empty() { "no variable".to_owned() } else { listed(&sv) })),
                t,
                place,
            ));
            continue;
        }
        out.push(
            tr.at(
                Diagnostic::error(
                    "l10n::variable-added",
                    format!(
                        "`{key}` in {} uses {}, which the source message does not",
                        tr.locale,
                        var(added)
                    ),
                )
                .label("not in the source")
                .hint(if sv.is_empty() {
                    format!("the source ({}) uses no variable here", src.locale)
                } else {
                    format!("the source ({}) uses {}", src.locale, listed(&sv))
                }),
                t,
                place,
            ),
        );
    }
    let printed = ftl::printed_variables(sp);
    for dropped in sv.difference(&tv) {
        if !printed.contains(dropped) && settings.bare {
            // Chosen on, never printed: a translation may choose otherwise
            // (on a term's attribute, or not at all).
            if t.ignores("selector-dropped", Some(&var(dropped))) {
                continue;
            }
            out.push(tr.at(
                Diagnostic::warning(
                    "l10n::selector-dropped",
                    format!(
                        "`{key}` in {} does not choose on {}, as the source does",
                        tr.locale,
                        var(dropped)
                    ),
                )
                .label(format!("no {}", var(dropped)))
                .hint(format!(
                    "the source only selects a variant with {}; check that every case still reads right",
                    var(dropped)
                )),
                t,
                anchor,
            ));
            continue;
        }
        if t.ignores("variable-dropped", Some(&var(dropped))) {
            continue;
        }
        out.push(tr.at(
            Diagnostic::error(
                "l10n::variable-dropped",
                format!("`{key}` in {} leaves out {}, which the source uses", tr.locale, var(dropped)),
            )
            .label(format!("no {}", var(dropped)))
            .hint(format!(
                "the letter would not show {}; if the language says it another way, write `# lint-ignore: variable-dropped {} -- why` above `{}`",
                var(dropped),
                var(dropped),
                t.key()
            )),
            t,
            anchor,
        ));
    }
    let terms = |p: &Pattern<&str>| -> BTreeSet<String> {
        ftl::uses(p)
            .into_iter()
            .filter_map(|u| match u {
                ftl::Use::Term { id, .. } => Some(format!("-{id}")),
                _ => None,
            })
            .collect()
    };
    let translated_terms = terms(tp);
    for term in terms(sp).difference(&translated_terms) {
        if t.ignores("term-dropped", Some(term)) {
            continue;
        }
        out.push(
            tr.at(
                Diagnostic::warning(
                    "l10n::term-dropped",
                    format!(
                        "`{key}` in {} does not use {{ {term} }}, which the source does",
                        tr.locale
                    ),
                )
                .label(format!("no {{ {term} }}"))
                .hint(format!(
                    "a name written out instead of {{ {term} }} will not change with it"
                )),
                t,
                anchor,
            ),
        );
    }
    // Per variant, for the variables both use (the others are reported above).
    let shared: BTreeSet<&str> = sv.intersection(&tv).copied().collect();
    let source_selects = ftl::selects(sp);
    for tsel in ftl::selects(tp) {
        let Some(selector) = ftl::selector_variable(tsel.selector) else {
            continue;
        };
        let Some(ssel) = source_selects
            .iter()
            .find(|x| ftl::selector_variable(x.selector) == Some(selector))
        else {
            continue;
        };
        let t_outside = outside(tp, tsel.variants);
        let s_outside = outside(sp, ssel.variants);
        for tvar in tsel.variants {
            let k = ftl::key_name(&tvar.key);
            let Some(svar) = ssel
                .variants
                .iter()
                .find(|v| ftl::key_name(&v.key) == k)
                .or_else(|| ssel.variants.iter().find(|v| v.default))
            else {
                continue;
            };
            let sk = ftl::key_name(&svar.key);
            let in_t = ftl::variables(&tvar.value);
            let in_s = ftl::variables(&svar.value);
            for v in in_s.iter().filter(|v| {
                shared.contains(*v)
                    && !in_t.contains(*v)
                    && !t_outside.contains(*v)
                    && **v != selector
            }) {
                if t.ignores("variable-dropped", Some(&var(v))) {
                    continue;
                }
                out.push(tr.at(
                    Diagnostic::error(
                        "l10n::variable-dropped",
                        format!("the variant `[{k}]` of `{key}` in {} leaves out {}, which the source's `[{sk}]` uses", tr.locale, var(v)),
                    )
                    .label(format!("no {} in this variant", var(v))),
                    t,
                    k,
                ));
            }
            for v in in_t.iter().filter(|v| {
                shared.contains(*v)
                    && !in_s.contains(*v)
                    && !s_outside.contains(*v)
                    && **v != selector
            }) {
                if t.ignores("variable-added", Some(&var(v))) {
                    continue;
                }
                let place = first_variable(&tvar.value, v).unwrap_or(k);
                out.push(tr.at(
                    Diagnostic::error(
                        "l10n::variable-added",
                        format!("the variant `[{k}]` of `{key}` in {} uses {}, which the source's `[{sk}]` does not", tr.locale, var(v)),
                    )
                    .label("not in the source's variant"),
                    t,
                    place,
                ));
            }
        }
    }
}

/// The variables of `pattern` outside the variants of one select
/// expression (its selector counts as outside).
fn outside<'s>(pattern: &Pattern<&'s str>, skip: &[Variant<&'s str>]) -> BTreeSet<&'s str> {
    let mut out = BTreeSet::new();
    walk_outside(pattern, skip, &mut out);
    out
}

fn walk_outside<'s>(
    pattern: &Pattern<&'s str>,
    skip: &[Variant<&'s str>],
    out: &mut BTreeSet<&'s str>,
) {
    for element in &pattern.elements {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        match expression {
            Expression::Select { selector, variants } => {
                out.extend(ftl::selector_variable(selector));
                if !std::ptr::eq(variants.as_slice(), skip) {
                    for v in variants {
                        walk_outside(&v.value, skip, out);
                    }
                }
            }
            Expression::Inline(inline) => out.extend(ftl::inline_variables(inline)),
        }
    }
}

/// The slice of the first use of `$name` in `pattern`.
fn first_variable<'s>(pattern: &Pattern<&'s str>, name: &str) -> Option<&'s str> {
    ftl::uses(pattern).into_iter().find_map(|u| match u {
        ftl::Use::Variable(v) if v == name => Some(v),
        _ => None,
    })
}
