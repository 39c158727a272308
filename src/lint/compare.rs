//! A translation against its source locale: files, messages, values and
//! attributes missing or obsolete; variables added or dropped, for the
//! whole message and for each variant of a select expression; text left
//! as in the source.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Expression, Pattern, PatternElement, Variant};

use super::{Def, Locale, part_name, var};
use crate::diagnostic::{Diagnostic, closest};
use crate::ftl;

pub(super) fn check(src: &Locale<'_>, tr: &Locale<'_>, out: &mut Vec<Diagnostic>) {
    let missing_files = files(src, tr, out);
    for (key, defs) in &src.entries {
        let s = &defs[0];
        match tr.get(key) {
            None if missing_files.contains(src.files[s.file].rel) => {}
            None => out.push(missing(src, tr, s)),
            Some(t) if t.broken || s.broken => {}
            Some(t) => entry(src, tr, s, t, out),
        }
    }
    for (key, defs) in &tr.entries {
        if src.entries.contains_key(key) {
            continue;
        }
        let t = &defs[0];
        let mut d = Diagnostic::warning(
            "l10n::obsolete",
            format!("`{key}` is not in the source ({}) any more", src.locale),
        )
        .label("obsolete");
        let candidates = src.entries.keys().filter(|k| !tr.entries.contains_key(*k));
        if let Some(near) = closest(candidates.map(String::as_str), key) {
            d = d.hint(format!(
                "was it renamed `{near}`? that message is missing here"
            ));
        } else {
            d = d.hint("remove it, or add it to the source first");
        }
        out.push(tr.at(d, t, t.id));
    }
}

/// Reports files of the source the translation lacks, and files only the
/// translation has; returns the missing ones (their messages are not
/// reported one by one).
fn files<'a>(src: &Locale<'a>, tr: &Locale<'_>, out: &mut Vec<Diagnostic>) -> BTreeSet<&'a str> {
    let tr_files: BTreeSet<&str> = tr.files.iter().map(|f| f.rel).collect();
    let src_files: BTreeSet<&str> = src.files.iter().map(|f| f.rel).collect();
    let mut missing = BTreeSet::new();
    for parsed in src.files.iter().filter(|f| !tr_files.contains(f.rel)) {
        let count = src
            .entries
            .values()
            .filter(|defs| {
                src.files[defs[0].file].rel == parsed.rel && tr.get(&defs[0].key()).is_none()
            })
            .count();
        missing.insert(parsed.rel);
        out.push(
            Diagnostic::error(
                "l10n::missing-file",
                format!(
                    "{} has no {} ({count} message{} to translate)",
                    tr.locale,
                    parsed.rel,
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
        out.push(
            Diagnostic::warning(
                "l10n::obsolete-file",
                format!("{} has no {} any more", src.locale, parsed.rel),
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
fn missing(src: &Locale<'_>, tr: &Locale<'_>, s: &Def<'_>) -> Diagnostic {
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
        .filter_map(|other| tr.get(&other.key()))
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

fn entry(src: &Locale<'_>, tr: &Locale<'_>, s: &Def<'_>, t: &Def<'_>, out: &mut Vec<Diagnostic>) {
    let key = s.key();
    match (s.value, t.value) {
        (Some(sv), Some(tv)) => parity(src, tr, t, None, sv, tv, out),
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
            Some(ta) => parity(src, tr, t, Some(sa.id.name), &sa.value, &ta.value, out),
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
        out.push(tr.at(
            Diagnostic::warning(
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
    sp: &Pattern<&str>,
    tp: &Pattern<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let key = format!("{}{}", t.key(), part_name(attribute));
    let anchor = attribute
        .and_then(|a| t.attributes.iter().find(|x| x.id.name == a))
        .map_or(t.id, |a| a.id.name);
    let sv = ftl::variables(sp);
    let tv = ftl::variables(tp);
    let listed = |set: &BTreeSet<&str>| set.iter().map(|v| var(v)).collect::<Vec<_>>().join(", ");
    for added in tv.difference(&sv) {
        if t.ignores("variable-added", Some(&var(added))) {
            continue;
        }
        let place = first_variable(tp, added).unwrap_or(t.id);
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
    for dropped in sv.difference(&tv) {
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
