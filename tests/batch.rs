//! `lettrine build TABLE|FOLDER --out DIR`: good rows become letters (read
//! back through pdftotext), bad rows are reported exactly and never stop
//! the others, a re-run builds nothing new, and output names that would
//! collide or leave the folder are refused before anything is written.

mod common;

use std::path::Path;

use common::{Run, fold, lettrine, pdf_text, write};

/// What every row shares: the pack, the sender, the signatory.
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

const HEADER: &str = "locale,recipient.name,recipient.surname,recipient.salutation,recipient.address,order.number,order.date,order.item,order.amount,order.currency,order.delivery-date,request.date,reasons,concession.kind,concession.percent,concession.valid-until";

/// One good French row for order `number`, to `surname`.
fn row(number: &str, surname: &str) -> String {
    format!(
        "fr,Claire {surname},{surname},madame,8 avenue Jean Jaurès|69007 Lyon,{number},2026-09-14,une table,1234.56,EUR,2026-10-01,2026-11-02,custom-made,discount,15,2027-03-31"
    )
}

fn table(dir: &Path, rows: &[String]) {
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    write(dir, "cases.csv", &text);
    write(dir, "base.toml", BASE);
}

fn build(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["build", "cases.csv", "--defaults", "base.toml"];
    if !extra.contains(&"--out") {
        args.extend(["--out", "letters"]);
    }
    if !extra.contains(&"--name") {
        args.extend(["--name", "{order.number}-{locale}.pdf"]);
    }
    args.extend_from_slice(extra);
    lettrine(dir, &args)
}

/// Standard error without the timing at the end of the summary line.
fn untimed(stderr: &str) -> String {
    stderr
        .lines()
        .map(|line| match line.find(" rows in ") {
            Some(at) => format!("{}rows)", &line[..at + 1]),
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn letters(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("letters"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn good_rows_are_built_and_bad_rows_reported_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = vec![
        row("CMD-1", "Dupont"),
        // Wrong type: a number field holding words.
        row("CMD-2", "Durand").replace(",discount,15,", ",discount,quinze,"),
        // An unknown reason code.
        row("CMD-3", "Bon").replace("custom-made", "custom-mad"),
        // A required field left empty.
        row("CMD-4", "Roy").replace("2026-09-14", ""),
        // Ragged: a cell short.
        row("CMD-5", "Petit").replace(",une table", ""),
        row("CMD-6", "Martin"),
    ];
    // Not UTF-8: a Latin-1 é in the name.
    rows.push(row("CMD-7", "Lefèvre"));
    table(dir.path(), &rows);
    let mut bytes = std::fs::read(dir.path().join("cases.csv")).unwrap();
    let at = bytes.windows(2).rposition(|w| w == "è".as_bytes()).unwrap();
    bytes.splice(at..at + 2, [0xE8]);
    std::fs::write(dir.path().join("cases.csv"), &bytes).unwrap();

    let run = build(dir.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("batch_bad_rows", untimed(&run.stderr));
    assert_eq!(letters(dir.path()), ["CMD-1-fr.pdf", "CMD-6-fr.pdf"]);
    let text = fold(&pdf_text(&dir.path().join("letters/CMD-6-fr.pdf")));
    for expected in [
        "Claire Martin",
        "Nous vous remercions, Madame Martin,",
        "commande n° CMD-6",
        "d’un montant de 1 234,56 €",
        "une remise de 15 %",
        "Camille Martin",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }

    // The same as JSON, for machines: each problem with its row and field.
    let run = build(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 1);
    let summary: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        (
            &summary["rows"],
            &summary["written"],
            &summary["up_to_date"],
            &summary["failed"]
        ),
        (&7.into(), &0.into(), &2.into(), &5.into())
    );
    let problems: Vec<String> = summary["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {}",
                p["item"].as_str().unwrap(),
                p["location"].as_str().unwrap_or("-"),
                p["code"].as_str().unwrap(),
                p["field"].as_str().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            "row 3 cases.csv:3:146 case::wrong-type concession.percent",
            "row 4 cases.csv:4:119 case::unknown-code reasons",
            "row 5 cases.csv:5:1 case::missing-field order.date",
            "row 6 cases.csv:6:1 table::ragged -",
            "row 8 cases.csv:8:52 table::encoding -",
        ]
    );
}

#[test]
fn a_rerun_builds_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    table(
        dir.path(),
        &[row("CMD-1", "Dupont"), row("CMD-2", "Durand")],
    );
    let run = build(dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        untimed(&run.stderr),
        "letters: 2 written, 0 up to date (2 rows)"
    );
    let first = std::fs::read(dir.path().join("letters/CMD-1-fr.pdf")).unwrap();

    let run = build(dir.path(), &[]);
    assert_eq!(
        untimed(&run.stderr),
        "letters: 0 written, 2 up to date (2 rows)"
    );

    // One row changes; a letter is damaged; only those two are built.
    table(
        dir.path(),
        &[row("CMD-1", "Dupont"), row("CMD-2", "Durandal")],
    );
    std::fs::write(dir.path().join("letters/CMD-1-fr.pdf"), b"%PDF-1.7 torn").unwrap();
    let run = build(dir.path(), &["--format", "json"]);
    let summary: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let statuses: Vec<String> = summary["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            format!(
                "{} {}",
                l["name"].as_str().unwrap(),
                l["status"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(statuses, ["CMD-1-fr.pdf written", "CMD-2-fr.pdf written"]);
    // Same inputs, same bytes: the repaired letter is the first one again.
    assert_eq!(
        std::fs::read(dir.path().join("letters/CMD-1-fr.pdf")).unwrap(),
        first
    );
    assert!(fold(&pdf_text(&dir.path().join("letters/CMD-2-fr.pdf"))).contains("Madame Durandal"));

    // A killed batch leaves a torn journal line: the next run still knows
    // every letter that was in place.
    let journal = dir.path().join("letters/.lettrine-batch");
    let mut text = std::fs::read_to_string(&journal).unwrap();
    text.push_str("sha256:0123\tsha");
    std::fs::write(&journal, text).unwrap();
    let run = build(dir.path(), &[]);
    assert_eq!(
        untimed(&run.stderr),
        "letters: 0 written, 2 up to date (2 rows)"
    );
    // --force builds everything again, to the same bytes.
    let run = build(dir.path(), &["--force"]);
    assert_eq!(
        untimed(&run.stderr),
        "letters: 0 written, 2 up to date (2 rows)"
    );
    // No temporary file is left behind.
    let hidden: Vec<String> = std::fs::read_dir(dir.path().join("letters"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert_eq!(hidden, [".lettrine-batch"]);
}

#[test]
fn names_that_collide_or_escape_are_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    table(
        dir.path(),
        &[
            row("CMD-1", "Dupont"),
            row("CMD-2", "Durand"),
            row("CMD-3", "dupont"),
            row("../../evil", "Martin"),
        ],
    );
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
            "{recipient.surname}.pdf",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("batch_collisions", untimed(&run.stderr));
    assert_eq!(letters(dir.path()), ["Durand.pdf", "Martin.pdf"]);

    let run = build(dir.path(), &["--name", "{order.number}.pdf"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error: row 5: the letter cannot be named by \"{order.number}.pdf\": `order.number` = \"../../evil\" has '/', which a file name cannot hold"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("evil.pdf").exists());

    // A template that leaves the folder, or names no field of the pack,
    // stops the batch before it starts.
    for (name, message) in [
        (
            "../{order.number}.pdf",
            "error: the name \"../{order.number}.pdf\" leads out of the output folder",
        ),
        (
            "{order.nmber}.pdf",
            "error: --name uses {order.nmber}, which is not a field of the pack refund-refusal",
        ),
    ] {
        let run = build(dir.path(), &["--name", name, "--out", "elsewhere"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.starts_with(message), "{}", run.stderr);
        assert!(!dir.path().join("elsewhere").exists());
    }
}

#[test]
fn fail_fast_stops_at_the_first_bad_row() {
    let dir = tempfile::tempdir().unwrap();
    table(
        dir.path(),
        &[
            row("CMD-1", "Dupont"),
            row("CMD-2", "Durand").replace("1234.56", "12.50 €"),
            row("CMD-3", "Bon").replace("custom-made", "nope"),
        ],
    );
    let run = build(dir.path(), &["--fail-fast", "--jobs", "1"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("row 3: `order.amount` is not a decimal amount")
    );
    assert!(letters(dir.path()).is_empty());
}

#[test]
fn json_lines_and_folders_of_cases_build_too() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.toml", BASE);
    let good = r#"{"locale": "it", "jurisdiction": "IT", "reasons": ["custom-made"], "recipient": {"name": "Giulia Bianchi", "surname": "Bianchi", "salutation": "madame", "address": ["Via Roma 1", "20121 Milano"]}, "order": {"number": "ORD-9", "date": "2026-09-14", "item": "una libreria", "amount": "99.00", "currency": "EUR", "delivery-date": "2026-10-01"}, "request": {"date": "2026-11-02"}}"#;
    let wrong = good.replace("\"99.00\"", "99.5").replace("ORD-9", "ORD-10");
    write(dir.path(), "cases.jsonl", &format!("{good}\n\n{wrong}\n"));
    let run = lettrine(
        dir.path(),
        &[
            "build",
            "cases.jsonl",
            "--defaults",
            "base.toml",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: line 3: `order.amount` must be a decimal string, not a number"),
        "{}",
        run.stderr
    );
    assert!(fold(&pdf_text(&dir.path().join("out/cases-1.pdf"))).contains("Giulia Bianchi"));

    // A folder: every case file in it, named after its path.
    let cases = dir.path().join("cases");
    std::fs::create_dir_all(cases.join("2026")).unwrap();
    let case = |number: &str| {
        format!(
            "locale = \"fr\"\nreasons = [\"custom-made\"]\n[recipient]\nname = \"Claire Dupont\"\nsurname = \"Dupont\"\nsalutation = \"madame\"\naddress = [\"8 rue A\", \"69007 Lyon\"]\n[order]\nnumber = \"{number}\"\ndate = 2026-09-14\nitem = \"une table\"\namount = \"10.00\"\ncurrency = \"EUR\"\ndelivery-date = 2026-10-01\n[request]\ndate = 2026-11-02\n"
        )
    };
    write(&cases, "a.toml", &case("F-1"));
    write(&cases.join("2026"), "b.toml", &case("F-2"));
    let run = lettrine(
        dir.path(),
        &[
            "build",
            "cases",
            "--defaults",
            "base.toml",
            "--out",
            "cases/out",
            "--name",
            "{file}.txt",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let b = std::fs::read_to_string(cases.join("out/2026/b.txt")).unwrap();
    assert!(b.contains("commande n° F-2"), "{b}");
    assert!(cases.join("out/a.txt").exists());
}
