//! Checks within one locale: duplicate ids (in the locale's one bundle for
//! a pack, in each file for a bare tree), attributes and variant keys;
//! references to messages, terms and functions that do not exist or are of
//! the wrong kind; references that loop (a value and its attributes are
//! resolved apart, so an attribute may use its own message's value);
//! plural variants that are not the locale's CLDR categories, or that
//! leave some out.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use fluent_syntax::ast::InlineExpression;

use super::{Def, Locale, Settings};
use crate::diagnostic::{Diagnostic, closest};
use crate::ftl::{self, Use};

/// The functions lettrine gives messages.
const FUNCTIONS: &[&str] = &["NUMBER", "DATETIME"];

pub(super) fn check(locale: &Locale<'_>, settings: &Settings, out: &mut Vec<Diagnostic>) {
    let plurals = Plurals::of(locale.locale);
    for defs in locale.entries.values() {
        duplicates(locale, defs, settings, out);
        let def = &defs[0];
        for (_, pattern) in def.patterns() {
            references(locale, def, pattern, settings, out);
            for select in ftl::selects(pattern) {
                variants(locale, def, select, plurals.as_ref(), settings, out);
            }
        }
    }
    cycles(locale, out);
}

fn duplicates(
    locale: &Locale<'_>,
    defs: &[Def<'_>],
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    for (i, again) in defs.iter().enumerate().skip(1) {
        // In a bare tree each file is a resource of its own: only a repeat
        // within one file is a duplicate.
        let Some(first) = defs[..i]
            .iter()
            .find(|d| !settings.bare || d.file == again.file)
        else {
            continue;
        };
        let (line, column) = locale
            .file(first)
            .line_col(ftl::span(&locale.file(first).text, first.id).start);
        out.push(
            locale
                .at(
                    Diagnostic::error(
                        "fluent::duplicate",
                        format!("`{}` is defined twice in {}", again.key(), locale.locale),
                    ),
                    again,
                    again.id,
                )
                .label("defined again here")
                .hint(format!(
                    "the first definition is at {}:{line}:{column}; Fluent would use only one of them",
                    locale.file(first).name
                )),
        );
    }
    for def in defs {
        let mut seen = BTreeSet::new();
        for attr in def.attributes {
            if !seen.insert(attr.id.name) {
                out.push(
                    locale
                        .at(
                            Diagnostic::error(
                                "fluent::duplicate-attribute",
                                format!(
                                    "`{}` has the attribute `.{}` twice",
                                    def.key(),
                                    attr.id.name
                                ),
                            ),
                            def,
                            attr.id.name,
                        )
                        .label("defined again here"),
                );
            }
        }
    }
}

fn references(
    locale: &Locale<'_>,
    def: &Def<'_>,
    pattern: &fluent_syntax::ast::Pattern<&str>,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    let messages = || {
        locale
            .entries
            .keys()
            .filter(|k| !k.starts_with('-'))
            .map(String::as_str)
    };
    let terms = || locale.entries.keys().filter_map(|k| k.strip_prefix('-'));
    for used in ftl::uses(pattern) {
        let d = match used {
            Use::Variable(_) => continue,
            Use::Function(name)
                if FUNCTIONS.contains(&name) || settings.functions.iter().any(|f| f == name) =>
            {
                continue;
            }
            Use::Function(name) => {
                let known: Vec<String> = FUNCTIONS
                    .iter()
                    .map(|f| format!("{f}()"))
                    .chain(settings.functions.iter().map(|f| format!("{f}()")))
                    .collect();
                // A pack's letter would fail to build; a bare tree's
                // application may register functions lettrine cannot know.
                let d = if settings.bare {
                    Diagnostic::warning(
                        "fluent::unknown-function",
                        format!("`{name}()` is not a function the project declares"),
                    )
                    .hint(format!(
                        "if the application registers it, declare it: `functions = [\"{name}\"]` under [lint] in lettrine.toml"
                    ))
                } else {
                    Diagnostic::error(
                        "fluent::unknown-function",
                        format!("`{name}()` is not a function lettrine knows"),
                    )
                };
                d.label("unknown function")
                    .hint(format!("the functions are {}", known.join(", ")))
            }
            Use::Message { id, attribute } => match locale.get(id) {
                None if locale.get(&format!("-{id}")).is_some() => Diagnostic::error(
                    "fluent::term-as-message",
                    format!("`{{ {id} }}` refers to a message, but `{id}` is a term"),
                )
                .label("missing `-`")
                .hint(format!("write `{{ -{id} }}`")),
                None => {
                    let mut d = Diagnostic::error(
                        "fluent::unknown-message",
                        format!(
                            "`{{ {id} }}` refers to a message that {} does not define",
                            locale.locale
                        ),
                    )
                    .label("unknown message");
                    if let Some(near) = closest(messages(), id) {
                        d = d.hint(format!("did you mean `{{ {near} }}`?"));
                    }
                    d
                }
                Some(target) => match missing_part(target, attribute) {
                    Some(d) => d,
                    None => continue,
                },
            },
            Use::Term { id, attribute } => match locale.get(&format!("-{id}")) {
                None if locale.get(id).is_some() => Diagnostic::error(
                    "fluent::message-as-term",
                    format!("`{{ -{id} }}` refers to a term, but `{id}` is a message"),
                )
                .label("a message, not a term")
                .hint(format!("write `{{ {id} }}`")),
                None => {
                    let mut d = Diagnostic::error(
                        "fluent::unknown-term",
                        format!(
                            "`{{ -{id} }}` refers to a term that {} does not define",
                            locale.locale
                        ),
                    )
                    .label("unknown term");
                    if let Some(near) = closest(terms(), id) {
                        d = d.hint(format!("did you mean `{{ -{near} }}`?"));
                    }
                    d
                }
                Some(target) => match missing_part(target, attribute) {
                    Some(d) => d,
                    None => continue,
                },
            },
        };
        let name = match used {
            Use::Variable(n) | Use::Function(n) => n,
            Use::Message { id, .. } | Use::Term { id, .. } => id,
        };
        out.push(locale.at(d, def, name));
    }
}

/// The error when `target` lacks the attribute (or the value) referred to.
fn missing_part(target: &Def<'_>, attribute: Option<&str>) -> Option<Diagnostic> {
    if target.broken {
        return None;
    }
    match attribute {
        Some(a) if !target.attributes.iter().any(|x| x.id.name == a) => Some(
            Diagnostic::error(
                "fluent::unknown-attribute",
                format!("`{}` has no attribute `.{a}`", target.key()),
            )
            .label("unknown attribute"),
        ),
        None if target.value.is_none() => Some(
            Diagnostic::error(
                "fluent::no-value",
                format!(
                    "`{}` has only attributes; it cannot be printed itself",
                    target.key()
                ),
            )
            .label("no value")
            .hint(format!(
                "refer to one of its attributes: `{{ {}.… }}`",
                target.key()
            )),
        ),
        _ => None,
    }
}

fn variants(
    locale: &Locale<'_>,
    def: &Def<'_>,
    select: ftl::Select<'_, '_>,
    plurals: Option<&Plurals>,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen = BTreeSet::new();
    for variant in select.variants {
        let key = ftl::key_name(&variant.key);
        if !seen.insert(key) {
            out.push(
                locale
                    .at(
                        Diagnostic::error(
                            "fluent::duplicate-variant",
                            format!(
                                "the variant `[{key}]` appears twice in this select expression"
                            ),
                        ),
                        def,
                        key,
                    )
                    .label("again here")
                    .hint("only the first one could ever be printed"),
            );
        }
    }
    let Some(plurals) = plurals else { return };
    let is_number_call = matches!(select.selector, InlineExpression::FunctionReference { id, .. } if id.name == "NUMBER");
    let identifiers: Vec<&str> = select
        .variants
        .iter()
        .filter_map(|v| match v.key {
            fluent_syntax::ast::VariantKey::Identifier { name } => Some(name),
            fluent_syntax::ast::VariantKey::NumberLiteral { .. } => None,
        })
        .collect();
    let plural = is_number_call
        || identifiers
            .iter()
            .any(|k| matches!(*k, "zero" | "one" | "two" | "few" | "many"));
    if !plural {
        return;
    }
    let lang = locale.locale;
    for key in &identifiers {
        if def.ignores("plural-category", None) || def.ignores("plural-unreachable", None) {
            break;
        }
        if !plurals.cldr.contains(key) {
            out.push(
                locale
                    .at(
                        Diagnostic::warning(
                            "fluent::plural-category",
                            format!("`[{key}]` is not a plural category of {lang}"),
                        ),
                        def,
                        key,
                    )
                    .label("never chosen for a number")
                    .hint(format!(
                        "the categories of {lang} are: {}",
                        plurals.cldr.join(", ")
                    )),
            );
        } else if !plurals.runtime.contains(key) {
            out.push(
                locale
                    .at(
                        Diagnostic::warning(
                            "fluent::plural-unreachable",
                            format!("`[{key}]` is a CLDR category of {lang}, but Fluent never chooses it"),
                        ),
                        def,
                        key,
                    )
                    .label("never printed")
                    .hint("the plural rules fluent-bundle selects with are older than CLDR's; numbers of this category get the default variant, so say it there"),
            );
        }
    }
    // A bare tree's numbers are counts; a letter prints amounts too.
    let reachable = if settings.bare {
        &plurals.integers
    } else {
        &plurals.runtime
    };
    let missing: Vec<&str> = plurals
        .cldr
        .iter()
        .copied()
        .filter(|c| reachable.contains(c) && !identifiers.contains(c))
        .collect();
    if !missing.is_empty() && !def.ignores("plural-missing", None) {
        let anchor = ftl::selector_variable(select.selector).unwrap_or(identifiers[0]);
        let default = select
            .variants
            .iter()
            .find(|v| v.default)
            .map_or("other", |v| ftl::key_name(&v.key));
        out.push(
            locale
                .at(
                    Diagnostic::warning(
                        "fluent::plural-missing",
                        format!(
                            "this plural select has no variant for {} in {lang}",
                            missing
                                .iter()
                                .map(|c| format!("`[{c}]`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ),
                    def,
                    anchor,
                )
                .label(format!("those numbers get `*[{default}]`"))
                .hint(format!("{lang} distinguishes: {}", plurals.cldr.join(", "))),
        );
    }
}

/// The plural categories of a locale: CLDR's (through ICU4X) and those
/// fluent-bundle's own rules can choose at run time.
struct Plurals {
    cldr: Vec<&'static str>,
    runtime: BTreeSet<&'static str>,
    /// Those whole numbers reach.
    integers: BTreeSet<&'static str>,
}

impl Plurals {
    fn of(locale: &str) -> Option<Self> {
        use icu::plurals::{PluralCategory as C, PluralRules};
        let name = |c: C| match c {
            C::Zero => "zero",
            C::One => "one",
            C::Two => "two",
            C::Few => "few",
            C::Many => "many",
            C::Other => "other",
        };
        let icu_locale = icu::locale::Locale::try_from_str(locale).ok()?;
        let rules = PluralRules::try_new_cardinal((&icu_locale).into()).ok()?;
        let cldr: Vec<&str> = rules.categories().map(name).collect();
        let langid: unic_langid::LanguageIdentifier = locale.parse().ok()?;
        let runtime_rules = intl_pluralrules::PluralRules::create(
            langid,
            intl_pluralrules::PluralRuleType::CARDINAL,
        )
        .ok()?;
        let runtime_name = |c: intl_pluralrules::PluralCategory| {
            use intl_pluralrules::PluralCategory as R;
            match c {
                R::ZERO => "zero",
                R::ONE => "one",
                R::TWO => "two",
                R::FEW => "few",
                R::MANY => "many",
                R::OTHER => "other",
            }
        };
        // The categories reachable by the numbers letters print.
        let samples = (0..=1000u32)
            .map(f64::from)
            .chain([1e6, 0.5, 1.5, 2.5, 10.5, 100.5]);
        let mut runtime = BTreeSet::new();
        let mut integers = BTreeSet::new();
        for n in samples {
            let Ok(category) = runtime_rules.select(n) else {
                continue;
            };
            let name = runtime_name(category);
            runtime.insert(name);
            if n.fract() == 0.0 {
                integers.insert(name);
            }
        }
        Some(Self {
            cldr,
            runtime,
            integers,
        })
    }
}

/// The references of a value or an attribute: the node each reaches, and
/// the slice naming it.
type Edges<'a> = Vec<(String, &'a str)>;

/// Messages and terms that refer to themselves, directly or through
/// others: Fluent would print `{???}`. The nodes are values and
/// attributes (`id`, `id.attr`): resolving a value does not resolve its
/// attributes, so `.label = { $n } { this }` is no loop.
fn cycles(locale: &Locale<'_>, out: &mut Vec<Diagnostic>) {
    let node = |key: String, attribute: Option<&str>| match attribute {
        Some(a) => format!("{key}.{a}"),
        None => key,
    };
    let mut nodes: BTreeMap<String, (&str, Edges<'_>)> = BTreeMap::new();
    for (key, defs) in &locale.entries {
        for (attribute, pattern) in defs[0].patterns() {
            let edges = ftl::uses(pattern)
                .into_iter()
                .filter_map(|u| match u {
                    Use::Message { id, attribute } => Some((node(id.to_owned(), attribute), id)),
                    Use::Term { id, attribute } => Some((node(format!("-{id}"), attribute), id)),
                    _ => None,
                })
                .collect();
            nodes.insert(node(key.clone(), attribute), (key.as_str(), edges));
        }
    }
    let graph: BTreeMap<&str, &Edges<'_>> =
        nodes.iter().map(|(k, (_, e))| (k.as_str(), e)).collect();
    // Depth-first, colouring nodes: a grey node reached again closes a loop.
    let mut state: HashMap<&str, u8> = HashMap::new();
    for start in graph.keys() {
        if state.contains_key(start) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        state.insert(start, 1);
        while let Some((node, next)) = stack.last().copied() {
            let edges = &graph[node];
            if next == edges.len() {
                state.insert(node, 2);
                stack.pop();
                continue;
            }
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            let (target, slice) = &edges[next];
            let Some((target, _)) = graph.get_key_value(target.as_str()) else {
                continue;
            };
            let target: &str = target;
            match state.get(target) {
                None => {
                    state.insert(target, 1);
                    stack.push((target, 0));
                }
                Some(1) => {
                    let path: Vec<&str> = stack
                        .iter()
                        .map(|(n, _)| *n)
                        .skip_while(|n| *n != target)
                        .chain([target])
                        .collect();
                    let def = &locale.entries[nodes[node].0][0];
                    out.push(
                        locale
                            .at(
                                Diagnostic::error(
                                    "fluent::cycle",
                                    format!("`{node}` refers to itself: {}", path.join(" → ")),
                                ),
                                def,
                                slice,
                            )
                            .label("this reference closes the loop")
                            .hint("Fluent cannot print a message that contains itself"),
                    );
                }
                Some(_) => {}
            }
        }
    }
}
