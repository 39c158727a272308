//! Lint findings for CI: SARIF 2.1.0 for code scanning (rules with
//! descriptions and help, results with level, message and region) and
//! GitHub Actions workflow annotations, escaped as the runner requires.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use lettrine::diagnostic::{Diagnostic, Severity};

/// What a rule checks, in one line, and what to do about it.
fn describe(code: &str) -> (&'static str, &'static str) {
    let (family, name) = code.split_once("::").unwrap_or(("", code));
    match (family, name) {
        ("fluent", "syntax" | "select-default") => (
            "Fluent syntax error",
            "Fix the syntax at the caret; the rest of the file is still checked.",
        ),
        ("fluent", "duplicate" | "duplicate-attribute" | "duplicate-variant") => (
            "An id, attribute or variant key defined twice",
            "Fluent uses only one of them: remove or rename the other.",
        ),
        ("fluent", "cycle") => (
            "A message or term that refers to itself",
            "Break the loop: Fluent cannot print a message that contains itself.",
        ),
        ("fluent", "unknown-function") => (
            "A function that is not known",
            "Use NUMBER() or DATETIME(), or declare the functions the application registers in lettrine.toml ([lint] functions).",
        ),
        ("fluent", _) => (
            "A reference or select expression that cannot resolve as written",
            "Refer to a message, term or attribute that exists, with the right kind (`-` for terms).",
        ),
        ("l10n", "missing" | "missing-file" | "missing-value" | "missing-attribute") => (
            "Something of the source the translation lacks",
            "Translate it from the source locale; in a bare tree the application falls back at run time.",
        ),
        ("l10n", "obsolete" | "obsolete-file" | "obsolete-value" | "obsolete-attribute") => (
            "Something the source does not have any more",
            "Remove it, or add it to the source first.",
        ),
        ("l10n", "variable-added") => (
            "A variable the translation uses and the source does not pass",
            "The reader would see {$name}: use only the source's variables.",
        ),
        ("l10n", "variable-dropped") => (
            "A variable the source prints and the translation leaves out",
            "Print it, or say why with `# lint-ignore: variable-dropped $name -- why` above the message.",
        ),
        ("l10n", "selector-dropped") => (
            "A variable the source only selects on, not used by the translation",
            "Check that every case still reads right in the translation.",
        ),
        ("l10n", "term-dropped") => (
            "A term the source uses and the translation writes out",
            "Use the term, so the name changes with it.",
        ),
        ("l10n", "untranslated") => (
            "A translation identical to the source",
            "Translate it, or mark it with `# lint-ignore: untranslated`.",
        ),
        ("typography", "unclosed-direction") => (
            "A bidi control left open",
            "Close it, or remove it: it would reorder the text after the message.",
        ),
        ("typography", _) => (
            "Typography of the locale",
            "Use the locale's quotes, apostrophe and spacing.",
        ),
        ("spelling", "no-dictionary") => (
            "A locale whose spelling is not checked: no Hunspell dictionary",
            "Install the Debian package the note names, or give --dictionaries DIR.",
        ),
        ("spelling", _) => (
            "A word the locale's dictionary does not know",
            "Correct it, or add it to lexicons/words/<locale>.txt, or say why with `# lint-ignore: unknown-word WORD -- why` above the message.",
        ),
        ("grammar", _) => (
            "A word typed twice, or a space missing after a comma or full stop",
            "Remove the repeated word, or type the space.",
        ),
        ("case", _) | ("table", _) => (
            "A case that build would refuse",
            "Fix the value at the place shown; every problem of the case is listed.",
        ),
        ("pack", _) => (
            "The pack's manifest against its messages",
            "Make pack.toml and the messages agree.",
        ),
        ("claims", _) => (
            "A statement restricting consumer rights",
            "Rephrase: the lexicon entry says which law it breaks.",
        ),
        ("input", _) => ("An input lint could not read in full", "See the message."),
        ("config", _) => (
            "The project's configuration",
            "Fix l10n.toml or lettrine.toml at the place shown.",
        ),
        _ => (
            "A phrase of a lexicon (tone, or a team's own)",
            "Rephrase: the message says why.",
        ),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// `start` and `end` (exclusive) as 1-based line and column, in
/// characters.
fn region(d: &Diagnostic) -> Option<((usize, usize), (usize, usize))> {
    let file = d.file.as_ref()?;
    let span = d.span.as_ref()?;
    Some((file.line_col(span.start), file.line_col(span.end)))
}

/// A relative path as a URI reference: `/` kept, anything but unreserved
/// characters percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The message, its label and its hints, as one text.
fn full_message(d: &Diagnostic) -> String {
    let mut text = d.message.clone();
    for hint in &d.hints {
        text.push_str("\nhint: ");
        text.push_str(hint);
    }
    text
}

/// One SARIF 2.1.0 log of `diagnostics`, file paths as given (relative to
/// where lint ran, the repository's root in CI).
pub fn sarif(diagnostics: &[Diagnostic]) -> String {
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for d in diagnostics {
        let next = rules.len();
        rules.entry(&d.code).or_insert(next);
    }
    let mut ordered: Vec<(&str, usize)> = rules.iter().map(|(k, v)| (*k, *v)).collect();
    ordered.sort_by_key(|(_, i)| *i);
    let rule_list: Vec<Value> = ordered
        .iter()
        .map(|(code, _)| {
            let (short, help) = describe(code);
            json!({
                "id": code,
                "name": code.replace("::", "/"),
                "shortDescription": { "text": short },
                "fullDescription": { "text": format!("{short} ({code}).") },
                "help": { "text": help },
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut result = json!({
                "ruleId": d.code,
                "ruleIndex": rules[d.code.as_ref()],
                "level": level(d.severity),
                "message": { "text": full_message(d) },
            });
            if let Some(file) = &d.file {
                let mut physical = json!({ "artifactLocation": { "uri": uri(&file.name) } });
                if let Some(((line, col), (end_line, end_col))) = region(d) {
                    physical["region"] = json!({
                        "startLine": line,
                        "startColumn": col,
                        "endLine": end_line,
                        "endColumn": end_col,
                    });
                }
                result["locations"] = json!([{ "physicalLocation": physical }]);
            }
            let mut properties = serde_json::Map::new();
            if let Some(locale) = &d.locale {
                properties.insert("locale".into(), json!(locale));
            }
            if let Some(id) = &d.message_id {
                properties.insert("messageId".into(), json!(id));
            }
            if !properties.is_empty() {
                result["properties"] = Value::Object(properties);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "lettrine",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_list,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// Escapes the message of a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property of a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow annotation per diagnostic: `::error file=…,line=…::…`.
pub fn github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut properties = Vec::new();
        if let Some(file) = &d.file {
            properties.push(format!("file={}", escape_property(&file.name)));
        }
        if let Some(((line, col), (end_line, end_col))) = region(d) {
            properties.push(format!("line={line}"));
            properties.push(format!("endLine={end_line}"));
            properties.push(format!("col={col}"));
            if end_line == line {
                properties.push(format!("endColumn={end_col}"));
            }
        }
        properties.push(format!("title={}", escape_property(&d.code)));
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            escape_data(&full_message(d))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_as_the_runner_reads_them() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(uri("l10n/fr FR/a b.ftl"), "l10n/fr%20FR/a%20b.ftl");
    }
}
