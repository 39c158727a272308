//! `lettrine lint`: every planted problem of a fixture pack, exactly; the
//! embedded packs clean; plain Fluent folders; lexicons a team extends.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::path::Path;

use common::{lettrine, root, write};

fn fixtures() -> std::path::PathBuf {
    root().join("tests/fixtures/lint")
}

#[test]
fn every_planted_problem_is_reported_exactly() {
    let run = lettrine(&fixtures(), &["--color", "never", "lint", "planted"]);
    assert_eq!(run.code, 1, "errors fail the run");
    insta::assert_snapshot!("planted_human", run.stderr);
}

#[test]
fn json_lists_each_finding_with_its_place_locale_and_message() {
    let run = lettrine(&fixtures(), &["lint", "planted", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["targets"][0]["name"], "planted");
    assert_eq!(
        json["targets"][0]["locales"],
        serde_json::json!(["en", "fr", "it"])
    );
    // One line per finding: severity, code, place, locale, message id.
    let lines: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {}:{}:{} [{}] {}",
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap_or("-"),
                d["line"],
                d["column"],
                d["locale"].as_str().unwrap_or("-"),
                d["message_id"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    insta::assert_snapshot!("planted_json", lines.join("\n"));
    let summary = &json["summary"];
    let errors = lines.iter().filter(|l| l.starts_with("error")).count();
    assert_eq!(summary["errors"], errors);
    assert_eq!(summary["warnings"], lines.len() - errors);
}

#[test]
fn the_embedded_packs_have_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let run = lettrine(dir.path(), &["--color", "never", "lint"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("refund-refusal: 6 locales (en source)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("0 errors, 1 warning\n"),
        "{}",
        run.stderr
    );
    // The one warning is real: Arabic distinguishes few and many, and the
    // reasons count falls back to the default variant.
    assert!(
        run.stderr.contains("warning[fluent::plural-missing]"),
        "{}",
        run.stderr
    );
    let run = lettrine(dir.path(), &["lint", "-W", "refund-refusal"]);
    assert_eq!(run.code, 1, "-W fails on warnings");
}

#[test]
fn a_plain_fluent_folder_is_linted_against_its_source() {
    let run = lettrine(&fixtures(), &["--color", "never", "lint", "plain"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    insta::assert_snapshot!("plain_without_source", run.stderr);
    let run = lettrine(
        &fixtures(),
        &["--color", "never", "lint", "plain", "--source", "en-US"],
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("plain_with_source", run.stderr);
    let run = lettrine(&fixtures(), &["lint", "plain", "--source", "de"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("plain has no folder for the source locale de"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_team_extends_the_lexicons_with_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let plain = fixtures().join("plain");
    common::copy_dir(&plain, &dir.path().join("l10n"));
    write(
        dir.path(),
        "lexicons/house.toml",
        r#"[[rule]]
id = "competitor"
severity = "error"
why = "We never name a competitor in a letter."
[rule.phrases]
fr = ["confidentialité"]
"#,
    );
    let run = lettrine(
        dir.path(),
        &["--color", "never", "lint", "l10n", "--source", "en-US"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error[house::competitor]: “Confidentialité”: competitor"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("why: We never name a competitor in a letter."),
        "{}",
        run.stderr
    );
    // The embedded lexicons still apply.
    write(
        dir.path(),
        "l10n/fr/app.ftl",
        "-brand = Lumen\nwelcome = Évidemment, { $name }, bienvenue dans { -brand } !\nitems = { $count ->\n    [one] Un élément\n   *[other] { $count } éléments\n}\n",
    );
    let run = lettrine(
        dir.path(),
        &["--color", "never", "lint", "l10n", "--source", "en-US"],
    );
    assert!(
        run.stderr
            .contains("warning[tone::condescending]: “Évidemment”"),
        "{}",
        run.stderr
    );

    // A broken lexicon is an error at its place, not a silent skip.
    write(
        dir.path(),
        "lexicons/house.toml",
        "[[rule]]\nid = \"x\"\nseverity = \"fatal\"\n",
    );
    let run = lettrine(
        dir.path(),
        &["--color", "never", "lint", "l10n", "--source", "en-US"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("lexicons/house.toml:3:12"),
        "{}",
        run.stderr
    );
}

#[test]
fn lint_ignore_comments_silence_one_check_for_one_message() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixtures().join("plain"), &dir.path().join("l10n"));
    let fr = Path::new("l10n/fr/app.ftl");
    let text = std::fs::read_to_string(dir.path().join(fr)).unwrap();
    let text = text.replace(
        "welcome =",
        "# lint-ignore: variable-dropped $name -- the greeting is generic in French\nwelcome =",
    );
    write(dir.path(), fr.to_str().unwrap(), &text);
    let run = lettrine(dir.path(), &["lint", "l10n", "--source", "en-US"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Naming another variable silences nothing.
    write(
        dir.path(),
        fr.to_str().unwrap(),
        &text.replace("$name --", "$nom --"),
    );
    let run = lettrine(dir.path(), &["lint", "l10n", "--source", "en-US"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}
