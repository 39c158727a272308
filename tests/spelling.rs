//! Spelling and the text checks of cases: planted misspellings in six
//! languages all found (the word meant among the suggestions), word lists
//! and lint-ignore honoured, a missing dictionary a note; cases linted as
//! `build` reads them, their free text checked, drafts warned and issued
//! letters refused for a forbidden claim.
//!
//! The dictionaries are the system's (Debian's hunspell-* packages, which
//! `.ci/run` installs).

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{lettrine, root, write};

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/spelling")
}

/// Each `# typo: WRONG -> RIGHT` line of the fixture's files: the file,
/// the word planted and the word meant.
fn planted() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for locale in ["en", "fr", "it", "de", "es", "ar"] {
        let rel = format!("typos/{locale}/typos.ftl");
        let text = std::fs::read_to_string(fixtures().join(&rel)).unwrap();
        for line in text.lines() {
            if let Some((wrong, right)) = line
                .strip_prefix("# typo: ")
                .and_then(|rest| rest.split_once(" -> "))
            {
                out.push((rel.clone(), wrong.to_owned(), right.to_owned()));
            }
        }
    }
    out
}

#[test]
fn planted_misspellings_are_all_found_and_the_word_meant_is_suggested() {
    let planted = planted();
    assert!(planted.len() >= 40, "{} planted", planted.len());
    let run = lettrine(&fixtures(), &["lint", "typos", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // (file, word) → the suggestions of each finding.
    let mut found: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for d in json["diagnostics"].as_array().unwrap() {
        if d["code"] != "spelling::unknown-word" {
            continue;
        }
        let message = d["message"].as_str().unwrap();
        let word = message
            .trim_start_matches("unknown word “")
            .trim_end_matches('”');
        let hints: Vec<String> = d["hints"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap().to_owned())
            .collect();
        found.insert(
            (d["file"].as_str().unwrap().to_owned(), word.to_owned()),
            hints,
        );
    }
    let mut suggested = 0;
    for (file, wrong, right) in &planted {
        let Some(hints) = found.remove(&(file.clone(), wrong.clone())) else {
            panic!("{wrong} in {file} was not found");
        };
        if hints
            .first()
            .is_some_and(|h| h.starts_with("did you mean") && h.contains(&format!("« {right} »")))
        {
            suggested += 1;
        } else {
            eprintln!("{wrong} → {right}: not among {hints:?}");
        }
    }
    assert!(found.is_empty(), "found but not planted: {found:?}");
    let rate = suggested as f64 / planted.len() as f64;
    println!(
        "spelling: {} planted, {} found (recall 100 %, precision 100 %), the word meant suggested for {suggested} ({:.0} %)",
        planted.len(),
        planted.len(),
        rate * 100.0
    );
    assert!(rate >= 0.8, "{suggested} of {} suggested", planted.len());
}

#[test]
fn message_findings_honour_word_lists_lint_ignore_and_terms() {
    let run = lettrine(
        &fixtures(),
        &[
            "--color",
            "never",
            "--project",
            "project",
            "lint",
            "project/l10n",
        ],
    );
    assert_eq!(run.code, 0, "warnings only: {}", run.stderr);
    insta::assert_snapshot!("messages_human", run.stderr);
    // The term, the ignored word and the listed one are not reported.
    for known in ["Zorglubix", "Lettrinerie", "Zébulonne"] {
        assert!(
            !run.stderr.contains(&format!("unknown word “{known}”")),
            "{known}: {}",
            run.stderr
        );
    }
    let run = lettrine(
        &fixtures(),
        &["--project", "project", "lint", "-W", "project/l10n"],
    );
    assert_eq!(run.code, 1, "-W fails on spelling warnings");
}

/// A folder holding only the en_US dictionary.
fn english_only() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["aff", "dic"] {
        std::fs::copy(
            format!("/usr/share/hunspell/en_US.{ext}"),
            dir.path().join(format!("en_US.{ext}")),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_missing_dictionary_is_one_note_naming_the_package() {
    let dics = english_only();
    let dics_path = dics.path().display().to_string();
    let run = lettrine(
        &fixtures(),
        &[
            "--color",
            "never",
            "--project",
            "project",
            "lint",
            "project/l10n",
            "--dictionaries",
            &dics_path,
        ],
    );
    assert_eq!(run.code, 0, "a note never fails the run: {}", run.stderr);
    insta::assert_snapshot!(
        "missing_dictionary",
        run.stderr.replace(&dics_path, "[DICTIONARIES]")
    );
    // DICPATH is read the same way.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_lettrine"))
        .args([
            "--project",
            "project",
            "lint",
            "project/l10n",
            "--format",
            "json",
        ])
        .current_dir(fixtures())
        .env_clear()
        .env("DICPATH", dics.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let notes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "spelling::no-dictionary")
        .map(|d| d["hints"][0].as_str().unwrap())
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("apt-get install hunspell-fr"),
        "{notes:?}"
    );
}

#[test]
fn the_shipped_packs_and_their_examples_have_no_spelling_finding() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["--color", "never", "lint", "-W"];
    let examples: Vec<String> = ["refund-refusal", "delivery-delay"]
        .iter()
        .map(|p| {
            root()
                .join("packs")
                .join(p)
                .join("examples")
                .display()
                .to_string()
        })
        .collect();
    args.extend(examples.iter().map(String::as_str));
    let run = lettrine(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.ends_with("0 errors, 0 warnings\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("examples: 7 cases"), "{}", run.stderr);
}

/// What every row of the tables shares.
const BASE: &str = r#"pack = "refund-refusal@^1"
date = 2026-11-23
place = "Paris"
enclosures = ["invoice"]

[sender]
name = "Atelier Lumière"
address = ["12 rue des Archives", "75004 Paris"]
email = "service.client@atelier-lumiere.fr"
phone = "01 84 25 36 47"

[signatory]
name = "Camille Martin"
role = "Responsable du service client"
"#;

const HEADER: &str = "locale,recipient.name,recipient.surname,recipient.salutation,recipient.address,order.number,order.date,order.item,order.amount,order.currency,order.delivery-date,request.date,request.reference,reasons";

fn row(locale: &str, number: &str, item: &str, reference: &str) -> String {
    format!(
        "{locale},Claire Dupont,Dupont,madame,8 avenue Jean Jaurès|69007 Lyon,{number},2026-09-14,{item},1234.56,EUR,2026-10-01,2026-11-02,{reference},custom-made"
    )
}

fn table(dir: &Path, rows: &[String]) {
    write(
        dir,
        "cases.csv",
        &format!("{HEADER}\n{}\n", rows.join("\n")),
    );
    write(dir, "base.toml", BASE);
}

#[test]
fn a_table_is_linted_row_by_row_with_its_free_text() {
    let dir = tempfile::tempdir().unwrap();
    table(
        dir.path(),
        &[
            row(
                "fr",
                "CMD-1",
                "une table en chêne",
                "Courriel du 2 novembre",
            ),
            // A misspelt cell, an aggressive one, a repeated word.
            row(
                "fr",
                "CMD-2",
                "une bibliothèque réalisee sur mesure",
                "Courriel du 2 novembre",
            ),
            row(
                "fr",
                "CMD-3",
                "une lampe",
                "\"Votre courriel, merci pour rien\"",
            ),
            row(
                "it",
                "CMD-4",
                "una lampada di di ottone",
                "E-mail del 2 novembre",
            ),
            // A bad date: checked as build checks it, with the text too.
            row(
                "fr",
                "CMD-5",
                "\"un fauteuil,svp\"",
                "Courriel du 2 novembre",
            )
            .replace("2026-09-14", "2026-13-14"),
        ],
    );
    let run = lettrine(
        dir.path(),
        &[
            "--color",
            "never",
            "lint",
            "cases.csv",
            "--defaults",
            "base.toml",
        ],
    );
    assert_eq!(run.code, 1, "the bad date is an error: {}", run.stderr);
    insta::assert_snapshot!("table_human", run.stderr);

    // For machines: each finding with its cell's line and column, and field.
    let run = lettrine(
        dir.path(),
        &[
            "lint",
            "cases.csv",
            "--defaults",
            "base.toml",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let lines: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}:{} {}",
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["field"].as_str().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "spelling::unknown-word cases.csv:3:98 order.item",
            "tone::sarcastic cases.csv:4:142 request.reference",
            "grammar::repeated-word cases.csv:5:96 order.item",
            "case::bad-date cases.csv:6:70 order.date",
            "grammar::space-after cases.csv:6:93 order.item",
            "spelling::unknown-word cases.csv:6:94 order.item",
        ]
    );
}

#[test]
fn a_batch_warns_about_its_rows_text_and_builds_every_letter() {
    let dir = tempfile::tempdir().unwrap();
    table(
        dir.path(),
        &[
            row(
                "fr",
                "CMD-1",
                "une table en chêne",
                "Courriel du 2 novembre",
            ),
            row(
                "fr",
                "CMD-2",
                "une bibliothèque réalisee sur mesure",
                "Courriel du 2 novembre",
            ),
        ],
    );
    let run = lettrine(
        dir.path(),
        &[
            "--color",
            "never",
            "build",
            "cases.csv",
            "--defaults",
            "base.toml",
            "--out",
            "letters",
            "--name",
            "{order.number}.txt",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (warnings, summary) = run.stderr.rsplit_once("\n\n").unwrap();
    insta::assert_snapshot!("batch_warnings", warnings);
    assert!(
        summary.starts_with("letters: 2 written, 0 up to date (2 rows in "),
        "{summary}"
    );
    let letter = std::fs::read_to_string(dir.path().join("letters/CMD-2.txt")).unwrap();
    assert!(letter.contains("réalisee"), "{letter}");

    // The JSON summary lists them apart from the problems.
    let run = lettrine(
        dir.path(),
        &[
            "build",
            "cases.csv",
            "--defaults",
            "base.toml",
            "--out",
            "letters",
            "--name",
            "{order.number}.txt",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["problems"], serde_json::json!([]));
    assert_eq!(
        json["warnings"],
        serde_json::json!([{
            "item": "row 3",
            "code": "spelling::unknown-word",
            "message": "unknown word “réalisee”",
            "field": "order.item",
            "location": "cases.csv:3:98",
        }])
    );
}

#[test]
fn a_case_file_points_at_the_word_in_its_value() {
    let dir = tempfile::tempdir().unwrap();
    let case = std::fs::read_to_string(common::example("fr"))
        .unwrap()
        .replace(
            "une bibliothèque en chêne réalisée sur mesure",
            "une bibliothèque en chêne réalisee sur mesure",
        );
    write(dir.path(), "case.toml", &case);
    let run = lettrine(dir.path(), &["--color", "never", "lint", "case.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("case_human", run.stderr);

    // build makes the draft, and says the same.
    let run = lettrine(
        dir.path(),
        &["--color", "never", "build", "case.toml", "-o", "letter.txt"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning[spelling::unknown-word]: unknown word “réalisee”"),
        "{}",
        run.stderr
    );
    let letter = std::fs::read_to_string(dir.path().join("letter.txt")).unwrap();
    assert!(letter.contains("réalisee"), "the draft is built as typed");
}

#[test]
fn issue_refuses_a_forbidden_claim_typed_into_a_case() {
    let dir = tempfile::tempdir().unwrap();
    let case = std::fs::read_to_string(common::example("fr"))
        .unwrap()
        .replace(
            "reference = \"Courriel du 2 novembre 2026\"",
            "reference = \"Courriel du 2 novembre 2026 : remboursement uniquement sous forme d'avoir\"",
        );
    write(dir.path(), "case.toml", &case);
    let run = lettrine(
        dir.path(),
        &[
            "--color",
            "never",
            "issue",
            "case.toml",
            "--issuer",
            "Camille Martin",
            "--archive",
            "archive",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("issue_refused", run.stderr);
    assert!(!dir.path().join("archive").exists(), "nothing archived");

    // A typo is said, and does not stop the letter.
    let typo = std::fs::read_to_string(common::example("fr"))
        .unwrap()
        .replace("réalisée sur mesure", "réalisee sur mesure");
    write(dir.path(), "typo.toml", &typo);
    let run = lettrine(
        dir.path(),
        &[
            "--color",
            "never",
            "issue",
            "typo.toml",
            "--issuer",
            "Camille Martin",
            "--approved-by",
            "Maître Roux",
            "--archive",
            "archive",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("warning[spelling::unknown-word]: unknown word “réalisee”"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.starts_with("issued "), "{}", run.stdout);

    // A draft is still built, the claim a warning.
    let run = lettrine(
        dir.path(),
        &["--color", "never", "build", "case.toml", "-o", "draft.txt"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning[claims::credit-only-refund]"),
        "{}",
        run.stderr
    );
}
