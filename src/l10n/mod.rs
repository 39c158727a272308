//! Fluent messages of one pack in one locale, formatted with CLDR-correct
//! numbers, money and dates, the locale's typography, and no stray bidi
//! marks. Any problem while formatting is an error, never `{$x}` in a letter.

pub mod format;
pub mod typography;
pub mod values;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, SourceFile, closest};
use crate::ftl::Use;
use values::INVALID_MARK;

/// The scripts written right to left; only there does Fluent keep its
/// isolation marks around placeables.
const RTL_LANGUAGES: &[&str] = &["ar", "fa", "he", "ur", "yi"];

/// Whether `language` is written right to left.
pub fn is_rtl_language(language: &str) -> bool {
    RTL_LANGUAGES.contains(&language)
}

/// Wraps a value in a first-strong isolate (U+2068 … U+2069) where a
/// right-to-left text needs one: when the value starts with left-to-right
/// script (a Latin address line, an e-mail, an order number), or has no
/// letters but several runs of digits (a phone number, `12 345`). A value
/// that starts with Arabic script, or a single number, is left alone.
pub fn isolate(text: String) -> String {
    use unicode_bidi::{BidiClass, bidi_class};
    let first_strong = text
        .chars()
        .map(bidi_class)
        .find(|c| matches!(c, BidiClass::L | BidiClass::R | BidiClass::AL));
    let needs = match first_strong {
        Some(BidiClass::L) => true,
        Some(_) => false,
        None => text.trim().contains(char::is_whitespace),
    };
    if needs {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text
    }
}

/// The messages of one locale, ready to format.
pub struct Messages {
    locale: String,
    language: String,
    bundle: FluentBundle<FluentResource>,
    /// Formats values outside messages ([`Messages::display`]).
    intls: IntlLangMemoizer,
    files: Vec<SourceFile>,
    digit_one: String,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

impl Messages {
    /// Parses the `.ftl` files of `locale`. Syntax errors and duplicate
    /// message ids are reported with their positions.
    pub fn new(locale: &str, files: Vec<SourceFile>) -> Result<Self, Vec<Diagnostic>> {
        let langid: LanguageIdentifier = locale.parse().map_err(|_| {
            vec![Diagnostic::error(
                "pack::bad-locale",
                format!("{locale:?} is not a locale identifier"),
            )]
        })?;
        let language = langid.language.as_str().to_owned();
        let intls = IntlLangMemoizer::new(langid.clone());
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Fluent would isolate every placeable of an RTL message; `isolate`
        // marks only the values whose direction differs (see below).
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format::formatter));
        let functions = [
            ("NUMBER", format::number_function as FluentFn),
            ("DATETIME", format::datetime_function),
        ];
        for (name, function) in functions {
            if bundle.add_function(name, function).is_err() {
                unreachable!("a fresh bundle has no functions");
            }
        }
        let mut diagnostics = Vec::new();
        for file in &files {
            if let Some(deep) = crate::ftl::too_deep(&file.text) {
                diagnostics.push(crate::ftl::too_deep_error(file, deep));
                continue;
            }
            let resource = match FluentResource::try_new(file.text.to_string()) {
                Ok(resource) => resource,
                Err((_, errors)) => {
                    diagnostics.extend(errors.iter().map(|e| crate::ftl::syntax_error(file, e)));
                    continue;
                }
            };
            if let Err(errors) = bundle.add_resource(resource) {
                for error in errors {
                    if let FluentError::Overriding { kind, id } = error {
                        let span = definition_span(file, &id).unwrap_or(0..0);
                        diagnostics.push(
                            Diagnostic::error(
                                "fluent::duplicate",
                                format!("the {kind} `{id}` is defined twice in locale {locale}"),
                            )
                            .at(file, span)
                            .label("defined again here"),
                        );
                    }
                }
            }
        }
        if !diagnostics.is_empty() {
            return Err(crate::diagnostic::limit(diagnostics));
        }
        Ok(Self {
            digit_one: format::digit_one(locale),
            locale: locale.to_owned(),
            language,
            bundle,
            intls,
            files,
        })
    }

    /// A value as a message would print it: dates, money and numbers in
    /// the locale's formats, text as it is, with the locale's typography.
    pub fn display(&self, value: &FluentValue) -> String {
        let text = match value {
            FluentValue::String(s) => s.to_string(),
            other => format::formatter(other, &self.intls).unwrap_or_default(),
        };
        typography::apply(&self.language, &text)
    }

    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// Whether the locale is written right to left.
    pub fn is_rtl(&self) -> bool {
        is_rtl_language(&self.language)
    }

    /// The digit one in the locale's digits, for page numbers.
    pub fn digit_one(&self) -> &str {
        &self.digit_one
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .and_then(|m| m.value())
            .is_some()
    }

    /// Formats message `id` with `args`, then applies the locale's
    /// typography. A missing message, variable, or a function given a
    /// wrong value is an error naming the message, the locale and the cause.
    pub fn format(&self, id: &str, args: &FluentArgs) -> Result<String, Diagnostic> {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            let mut d = Diagnostic::error(
                "fluent::missing-message",
                format!("the message `{id}` is missing in locale {}", self.locale),
            );
            if let Some(file) = self.files.first() {
                d = d.in_file(file);
            }
            return Err(d.hint(format!("add `{id} = …` to one of the locale's .ftl files")));
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(args), &mut errors);
        if let Some(error) = errors.first() {
            return Err(self.resolver_error(id, error, args));
        }
        if let Some(start) = text.find(INVALID_MARK) {
            let rest = &text[start + INVALID_MARK.len_utf8()..];
            let reason = rest.split(INVALID_MARK).next().unwrap_or(rest);
            return Err(self.located(
                "fluent::bad-argument",
                format!("message `{id}` in locale {}: {reason}", self.locale),
                id,
            ));
        }
        // Case values close what they open (checked with the case) and
        // Fluent's isolation marks come in pairs, so a control left open
        // comes from the message: it would reorder the rest of the letter.
        if let Some((c, name, closer)) = typography::unclosed_direction(&text) {
            return Err(self
                .located(
                    "fluent::unclosed-direction",
                    format!(
                        "message `{id}` in locale {} opens {name} (U+{:04X}) that it does not close",
                        self.locale,
                        u32::from(c)
                    ),
                    id,
                )
                .hint(format!(
                    "it would reorder the letter's text after the message: close it in the message with {closer}, or remove it"
                )));
        }
        Ok(typography::apply(
            &self.language,
            &collapse_whitespace(&text),
        ))
    }

    fn resolver_error(&self, id: &str, error: &FluentError, args: &FluentArgs) -> Diagnostic {
        let locale = &self.locale;
        match error {
            FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                id: var,
            })) => {
                let mut names: Vec<&str> = args.iter().map(|(k, _)| k).collect();
                names.sort_unstable();
                let closest = closest(names.iter().copied(), var);
                let mut d = self.located(
                    "fluent::missing-variable",
                    format!("message `{id}` in locale {locale} uses the variable ${var}, which this letter does not set"),
                    id,
                );
                // Point at the variable itself, inside the message.
                if let (Some(file), Some(span)) = (&d.file, &d.span) {
                    let needle = format!("${var}");
                    if let Some(at) = file.text[span.start..].find(&needle) {
                        let start = span.start + at;
                        d.span = Some(start..start + needle.len());
                    }
                }
                d = d.label(format!("${var} is not set"));
                if let Some(name) = closest {
                    d = d.hint(format!("did you mean ${name}?"));
                }
                d.hint(format!(
                    "the variables set for this message are: {}",
                    names
                        .iter()
                        .map(|n| format!("${n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            }
            FluentError::ResolverError(ResolverError::Cyclic) => {
                let Some(path) = self.cycle(id) else {
                    return self.located(
                        "fluent::cycle",
                        format!("message `{id}` in locale {locale} refers to itself"),
                        id,
                    );
                };
                // The definition whose reference closes the loop.
                let last = &path[path.len() - 2];
                let entry = last.split('.').next().unwrap_or(last);
                self.located(
                    "fluent::cycle",
                    format!(
                        "message `{id}` in locale {locale} runs into a loop of references: {}",
                        path.join(" → ")
                    ),
                    entry,
                )
                .label(format!("refers back to `{}`", path[path.len() - 1]))
                .hint("Fluent cannot print a message that contains itself")
            }
            FluentError::ResolverError(ResolverError::TooManyPlaceables) => self
                .located(
                    "fluent::too-many-placeables",
                    format!(
                        "message `{id}` in locale {locale} prints more than 100 placeables, counting those of the messages and terms it uses"
                    ),
                    id,
                )
                .hint("fluent-bundle formats at most 100 per message: split the message, or use fewer references"),
            other => self.located(
                "fluent::resolve",
                format!("message `{id}` in locale {locale}: {other}"),
                id,
            ),
        }
    }

    /// The loop of references formatting message `id` runs into: the
    /// messages, terms and attributes (`a`, `-t`, `a.title`) from `id` on,
    /// in the order they refer to each other, ending with the one that
    /// closes the loop.
    fn cycle(&self, id: &str) -> Option<Vec<String>> {
        let parsed: Vec<_> = self
            .files
            .iter()
            .map(|f| crate::ftl::parse(&f.text).0)
            .collect();
        let mut patterns = HashMap::new();
        for entry in parsed.iter().flat_map(|r| &r.body) {
            if let Some(def) = crate::ftl::Definition::of(entry) {
                for (attribute, pattern) in def.patterns() {
                    let key = match attribute {
                        None => def.key(),
                        Some(a) => format!("{}.{a}", def.key()),
                    };
                    patterns.entry(key).or_insert(pattern);
                }
            }
        }
        let edges = |key: &str| -> Vec<String> {
            let Some(pattern) = patterns.get(key) else {
                return Vec::new();
            };
            crate::ftl::uses(pattern)
                .into_iter()
                .filter_map(|u| {
                    let (prefix, id, attribute) = match u {
                        Use::Message { id, attribute } => ("", id, attribute),
                        Use::Term { id, attribute } => ("-", id, attribute),
                        _ => return None,
                    };
                    Some(match attribute {
                        None => format!("{prefix}{id}"),
                        Some(a) => format!("{prefix}{id}.{a}"),
                    })
                })
                .filter(|k| patterns.contains_key(k))
                .rev() // taken from the end: first reference first
                .collect()
        };
        // Depth first, without recursion; a reference to a key on the
        // current path closes the loop.
        let mut path: Vec<(String, Vec<String>)> = vec![(id.to_owned(), edges(id))];
        let mut done = HashSet::new();
        while let Some((_, pending)) = path.last_mut() {
            let Some(next) = pending.pop() else {
                if let Some((key, _)) = path.pop() {
                    done.insert(key);
                }
                continue;
            };
            if path.iter().any(|(k, _)| *k == next) {
                let mut keys: Vec<String> = path.iter().map(|(k, _)| k.clone()).collect();
                keys.push(next);
                return Some(keys);
            }
            if !done.contains(&next) {
                let further = edges(&next);
                path.push((next, further));
            }
        }
        None
    }

    /// A diagnostic pointing at the definition of message `id`.
    fn located(&self, code: &'static str, message: String, id: &str) -> Diagnostic {
        let d = Diagnostic::error(code, message);
        for file in &self.files {
            if let Some(span) = definition_span(file, id) {
                return d.at(file, span);
            }
        }
        d
    }
}

/// A message is one paragraph: the line breaks and indentation of a
/// multiline Fluent value are only the translator's wrapping. Runs of ASCII
/// white space become one space; no-break spaces are kept.
fn collapse_whitespace(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

type FluentFn =
    for<'a> fn(&[fluent_bundle::FluentValue<'a>], &FluentArgs) -> fluent_bundle::FluentValue<'a>;

/// The span of `id` where a line of `file` starts defining it.
fn definition_span(file: &SourceFile, id: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            return Some(offset..offset + id.len());
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::l10n::values::{DateValue, MoneyValue};
    use fluent_bundle::FluentValue;

    fn messages(locale: &str, ftl: &str) -> Messages {
        Messages::new(locale, vec![SourceFile::new("t.ftl", ftl)]).unwrap()
    }

    #[test]
    fn money_and_dates_are_localised_without_isolation_marks() {
        let m = messages(
            "fr",
            "a = Montant : { $amount }, le { DATETIME($date, dateStyle: \"long\") } !\n",
        );
        let mut args = FluentArgs::new();
        args.set(
            "amount",
            FluentValue::Custom(Box::new(MoneyValue::parse("1234.56", "EUR").unwrap())),
        );
        args.set(
            "date",
            FluentValue::Custom(Box::new(DateValue::parse("2026-11-01").unwrap())),
        );
        assert_eq!(
            m.format("a", &args).unwrap(),
            "Montant\u{A0}: 1\u{202F}234,56\u{A0}€, le 1er novembre 2026\u{202F}!"
        );
    }

    #[test]
    fn a_missing_variable_is_an_error() {
        let m = messages("it", "# c\nciao = Gentile { $nome },\n");
        let mut args = FluentArgs::new();
        args.set("name", "Rossi");
        let d = m.format("ciao", &args).unwrap_err();
        assert_eq!(d.code, "fluent::missing-variable");
        assert_eq!(
            d.message,
            "message `ciao` in locale it uses the variable $nome, which this letter does not set"
        );
        assert_eq!(d.location().unwrap(), "t.ftl:2:18");
        assert_eq!(
            d.hints,
            [
                "did you mean $name?",
                "the variables set for this message are: $name"
            ]
        );
    }

    #[test]
    fn a_wrong_function_argument_is_an_error() {
        let m = messages(
            "en",
            "a = { DATETIME($x, dateStyle: \"huge\") }\nb = { NUMBER(\"abc\") }\n",
        );
        let mut args = FluentArgs::new();
        args.set("x", "2026-11-23");
        let d = m.format("a", &args).unwrap_err();
        assert_eq!(
            d.message,
            "message `a` in locale en: DATETIME(dateStyle: \"huge\") is not one of \"full\", \"long\", \"medium\", \"short\""
        );
        let d = m.format("b", &args).unwrap_err();
        assert_eq!(
            d.message,
            "message `b` in locale en: NUMBER() needs a number, got \"abc\""
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = Messages::new(
            "en",
            vec![SourceFile::new("x.ftl", "ok = fine\nbad = { $x\n")],
        )
        .unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].code, "fluent::syntax");
        assert_eq!(err[0].location().unwrap(), "x.ftl:2:11");
    }
}
