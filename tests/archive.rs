//! `lettrine issue` and `lettrine verify`: the review gate, the draft
//! notice, append-only records and the tampering `verify` catches.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{commit, example, git, lettrine, pdf_text, root, write};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// The French example (1 234,56 €, so the legal review applies) with one
/// line replaced.
fn french(dir: &Path, name: &str, from: &str, to: &str) -> PathBuf {
    let text = fs::read_to_string(example("fr")).expect("the French example");
    assert!(text.contains(from), "{from:?} is in the example");
    write(dir, name, &text.replace(from, to))
}

/// What the reasons resting on an inspection need.
const INSPECTED: &str = "\n[inspection]\ndate = 2026-11-05\n";

/// A French case under the review threshold, with no reason that needs
/// review.
fn small(dir: &Path) -> PathBuf {
    french(
        dir,
        "small.toml",
        "amount = \"1234.56\"",
        "amount = \"480\"",
    )
}

fn issue(dir: &Path, case: &Path, extra: &[&str]) -> common::Run {
    let case = case.strip_prefix(dir).unwrap_or(case);
    let mut args = vec![
        "issue",
        case.to_str().expect("a UTF-8 path"),
        "--issuer",
        "Camille Martin",
    ];
    args.extend_from_slice(extra);
    lettrine(dir, &args)
}

/// The archive's records, oldest first.
fn records(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir.join("archive"))
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.is_dir() && !name(p).starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

fn manifest(record: &Path) -> toml::Table {
    let text = fs::read_to_string(record.join("manifest.toml")).expect("a manifest");
    toml::from_str(&text).expect("a TOML manifest")
}

fn name(record: &Path) -> &str {
    record
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a UTF-8 record name")
}

#[test]
fn drafts_carry_the_review_notice_and_issued_letters_do_not() {
    let dir = tmp();
    let run = lettrine(
        dir.path(),
        &["build", example("fr").to_str().unwrap(), "-o", "draft.pdf"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let draft = pdf_text(&dir.path().join("draft.pdf"));
    assert!(
        draft.starts_with(
            "DRAFT — review required: legal (order.amount is 1234.56 EUR, more than 500) Atelier Lumière"
        ),
        "{draft}"
    );

    // A reason code the pack reserves for the legal team, under the amount.
    let evidence = french(
        dir.path(),
        "evidence.toml",
        "amount = \"1234.56\"",
        "amount = \"99.90\"",
    );
    fs::write(
        &evidence,
        fs::read_to_string(&evidence).unwrap().replace(
            "reasons = [\"custom-made\"]",
            "reasons = [\"no-defect-found\"]",
        ) + INSPECTED,
    )
    .unwrap();
    let run = lettrine(
        dir.path(),
        &["build", evidence.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let letter: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        letter["draft-notice"],
        "DRAFT — review required: legal-evidence (the case gives the reason no-defect-found)"
    );

    // No rule applies: no notice, in the draft or the issued letter.
    let small = small(dir.path());
    let run = lettrine(
        dir.path(),
        &["build", small.to_str().unwrap(), "-o", "small.pdf"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!pdf_text(&dir.path().join("small.pdf")).contains("DRAFT"));

    let run = issue(
        dir.path(),
        &example("fr"),
        &["--approved-by", "Maître Bernard", "-o", "sent.pdf"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sent = pdf_text(&dir.path().join("sent.pdf"));
    assert!(
        sent.starts_with("Atelier Lumière 12 rue des Archives"),
        "{sent}"
    );
    assert!(!sent.contains("DRAFT"));
}

/// The first line of `case`'s text letter: the draft notice, if any.
fn notice(dir: &Path, case: &Path) -> String {
    let run = lettrine(
        dir,
        &[
            "build",
            case.to_str().expect("a UTF-8 path"),
            "--format",
            "txt",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn the_review_threshold_is_set_per_currency() {
    let dir = tmp();
    let d = dir.path();
    // The pack sets about 500 EUR in each currency it takes.
    for (amount, currency, expected) in [
        ("480", "EUR", None),
        ("480", "CHF", Some("480 CHF, more than 470")),
        ("450", "GBP", Some("450 GBP, more than 430")),
        ("520", "USD", None),
        ("540.01", "USD", Some("540.01 USD, more than 540")),
    ] {
        let case = french(
            d,
            "case.toml",
            "amount = \"1234.56\"\ncurrency = \"EUR\"",
            &format!("amount = \"{amount}\"\ncurrency = \"{currency}\""),
        );
        let first = notice(d, &case);
        match expected {
            Some(reason) => assert_eq!(
                first,
                format!("DRAFT — review required: legal (order.amount is {reason})")
            ),
            None => assert!(!first.contains("DRAFT"), "{amount} {currency}: {first}"),
        }
    }

    // A currency the rule sets no amount for is always reviewed: there is
    // no exchange rate to compare it with.
    let pack = d.join("packs/refund-refusal");
    common::copy_dir(&root().join("packs/refund-refusal"), &pack);
    let manifest = fs::read_to_string(pack.join("pack.toml")).unwrap();
    let rule = "above = { EUR = \"500\", CHF = \"470\", GBP = \"430\", USD = \"540\" }";
    assert!(manifest.contains(rule));
    fs::write(
        pack.join("pack.toml"),
        manifest.replace(rule, "above = { EUR = \"500\" }"),
    )
    .unwrap();
    let case = french(
        d,
        "case.toml",
        "amount = \"1234.56\"\ncurrency = \"EUR\"",
        "amount = \"20\"\ncurrency = \"USD\"",
    );
    assert_eq!(
        notice(d, &case),
        "DRAFT — review required: legal (order.amount is 20 USD, and the rule sets no amount for USD)"
    );

    // A table of amounts is checked where the pack writes it.
    fs::write(
        pack.join("pack.toml"),
        manifest.replace(rule, "above = { euro = \"500\", GBP = 430 }"),
    )
    .unwrap();
    let run = lettrine(
        d,
        &["--color", "never", "build", "case.toml", "--format", "txt"],
    );
    assert_eq!(run.code, 1);
    let line = 1 + manifest
        .lines()
        .position(|l| l == rule)
        .expect("the rule's line");
    let at = format!(
        "  ┌─ packs/refund-refusal/pack.toml:{line}:9\n    │\n{line} │ above = {{ euro = \"500\", GBP = 430 }}\n    │         ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n\n"
    );
    assert_eq!(
        run.stderr,
        format!(
            "error: review rule \"legal\": the amount for GBP must be a decimal string like \"500\", not 430\n  {at}\
             error: review rule \"legal\": \"euro\" is not a currency code (three capital letters, ISO 4217)\n  {at}\
             error: 2 errors\n\n"
        )
    );
}

#[test]
fn a_letter_that_needs_review_is_not_issued_without_approval() {
    let dir = tmp();
    let case = french(
        dir.path(),
        "dupont.toml",
        "reasons = [\"custom-made\"]",
        "reasons = [\"custom-made\", \"damage-after-delivery\"]",
    );
    fs::write(&case, fs::read_to_string(&case).unwrap() + INSPECTED).unwrap();
    let run = issue(dir.path(), &case, &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        r#"error: the review rule "legal" applies: order.amount is 1234.56 EUR, more than 500; the letter cannot be issued unreviewed
   ┌─ dupont.toml:34:10
   │
34 │ amount = "1234.56"
   │          ^^^^^^^^^
   │
   = hint: A lawyer or the legal team reviews refusals of more than 500 EUR (or the amount set for the order's currency)
   = hint: once reviewed, issue it with --approved-by NAME (recorded in the archive)

error: the review rule "legal-evidence" applies: the case gives the reason damage-after-delivery; the letter cannot be issued unreviewed
  ┌─ dupont.toml:7:11
  │
7 │ reasons = ["custom-made", "damage-after-delivery"]
  │           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  │
  = hint: Refusals resting on an inspection of returned goods are reviewed by the legal team
  = hint: once reviewed, issue it with --approved-by NAME (recorded in the archive)

error: 2 errors

"#
    );
    assert!(records(dir.path()).is_empty(), "nothing is archived");

    let run = issue(dir.path(), &case, &["--approved-by", "Maître Bernard"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let [record] = records(dir.path()).try_into().unwrap();
    assert_eq!(
        run.stdout,
        format!(
            "issued archive/{} ({})\napproved by Maître Bernard for review: legal, legal-evidence\n",
            name(&record),
            manifest(&record)["outputs"][0]["sha256"].as_str().unwrap()
        )
    );
    let m = manifest(&record);
    assert_eq!(m["approved-by"].as_str(), Some("Maître Bernard"));
    assert_eq!(m["issuer"].as_str(), Some("Camille Martin"));
    assert_eq!(m["review"][1]["rule"].as_str(), Some("legal-evidence"));
    assert_eq!(
        m["review"][1]["reason"].as_str(),
        Some("the case gives the reason damage-after-delivery")
    );

    // One case at a time.
    write(dir.path(), "cases.csv", "pack,locale\nrefund-refusal,fr\n");
    let run = issue(dir.path(), &dir.path().join("cases.csv"), &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: cases.csv is not a case file: a letter is issued from one case\n = hint: give a .toml or .json case; `build` makes drafts of a table or folder\n\n"
    );

    // Who issues is always recorded.
    let run = lettrine(dir.path(), &["issue", small(dir.path()).to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: who issues the letter is recorded, and nothing says who you are\n = hint: give --issuer NAME (or set LETTRINE_ISSUER)\n\n"
    );
}

#[test]
fn issuing_twice_adds_two_records_with_the_same_pdf() {
    let dir = tmp();
    let case = small(dir.path());
    for _ in 0..2 {
        let run = issue(dir.path(), &case, &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let [first, second] = records(dir.path()).try_into().unwrap();
    assert!(name(&first).starts_with("000001-"), "{first:?}");
    assert!(name(&first).ends_with("-small"), "{first:?}");
    assert!(name(&second).starts_with("000002-"), "{second:?}");
    let (a, b) = (manifest(&first), manifest(&second));
    assert_eq!(a["outputs"], b["outputs"], "same PDF and Letter hashes");
    assert_eq!(a["outputs"][0]["file"].as_str(), Some("letter.pdf"));
    assert_eq!(
        fs::read(first.join("letter.pdf")).unwrap(),
        fs::read(second.join("letter.pdf")).unwrap()
    );
    // The record holds the case as given, byte for byte.
    assert_eq!(
        fs::read(first.join("case.toml")).unwrap(),
        fs::read(&case).unwrap()
    );
    assert_eq!(a["pack"]["id"].as_str(), Some("refund-refusal"));
    assert_eq!(a["pack"]["version"].as_str(), Some("1.2.0"));
    assert_eq!(a["style"].as_str(), Some("classic"));
    assert_eq!(a["profile"].as_str(), Some("nf"));
    assert!(a.get("previous").is_none());
    assert!(a.get("git").is_none(), "not in a git repository");
    let chained = &b["previous"];
    assert_eq!(chained["record"].as_str(), Some(name(&first)));
    let first_manifest = fs::read(first.join("manifest.toml")).unwrap();
    assert_eq!(
        chained["manifest"].as_str().unwrap(),
        format!("sha256:{}", sha256_hex(&first_manifest))
    );
    // Every input the build read, embedded ones included, is in the record.
    let inputs: Vec<&str> = a["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["file"].as_str().unwrap())
        .collect();
    for file in [
        "inputs/packs/refund-refusal/pack.toml",
        "inputs/packs/refund-refusal/fr/letter.ftl",
        "inputs/styles/classic.typ",
        "inputs/profiles/nf.toml",
    ] {
        assert!(inputs.contains(&file), "{file} in {inputs:?}");
        assert!(first.join(file).is_file());
    }

    let run = lettrine(dir.path(), &["verify"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "ok archive/{}: intact, rebuilt to the same bytes\nok archive/{}: intact, rebuilt to the same bytes\nverified 2 records: 2 intact, 0 with problems\n",
            name(&first),
            name(&second)
        )
    );
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(bytes))
}

/// What a forger does: puts `pdf` in place of the record's letter and
/// fixes its hash in the manifest, so that every hash agrees.
fn forge(record: &Path, pdf: &[u8]) {
    let manifest_path = record.join("manifest.toml");
    let old = manifest(record)["outputs"][0]["sha256"]
        .as_str()
        .expect("the PDF's hash")
        .to_owned();
    let new = format!("sha256:{}", sha256_hex(pdf));
    fs::write(record.join("letter.pdf"), pdf).expect("write the forged PDF");
    let text = fs::read_to_string(&manifest_path).expect("the manifest");
    fs::write(&manifest_path, text.replace(&old, &new)).expect("write the manifest");
}

/// Three issued records of the small case.
fn archive_of_three() -> (tempfile::TempDir, [PathBuf; 3]) {
    let dir = tmp();
    let case = small(dir.path());
    for _ in 0..3 {
        assert_eq!(issue(dir.path(), &case, &[]).code, 0);
    }
    let records = records(dir.path()).try_into().expect("three records");
    (dir, records)
}

fn verify_errors(dir: &Path) -> (i32, String) {
    let run = lettrine(dir, &["verify", "archive"]);
    (run.code, run.stderr.replace("\n\n", "\n"))
}

#[test]
fn verify_reports_a_changed_added_or_missing_file() {
    let (dir, [first, second, third]) = archive_of_three();
    let pdf = second.join("letter.pdf");
    let recorded = manifest(&second)["outputs"][0]["sha256"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut bytes = fs::read(&pdf).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 1;
    fs::write(&pdf, &bytes).unwrap();
    fs::write(third.join("note.txt"), "added later").unwrap();
    fs::remove_file(first.join("inputs/styles/classic.typ")).unwrap();

    let (code, stderr) = verify_errors(dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: archive/{}/inputs/styles/classic.typ: is missing\n\
             error: archive/{}/letter.pdf: was changed after issue: the manifest records {recorded}, the file is sha256:{}\n\
             error: archive/{}/note.txt: is not in the manifest: it was added after issue\n",
            name(&first),
            name(&second),
            sha256_hex(&bytes),
            name(&third),
        )
    );
    let run = lettrine(dir.path(), &["verify"]);
    assert_eq!(
        run.stdout,
        "verified 3 records: 0 intact, 3 with problems\n"
    );
}

#[test]
fn verify_rebuilds_to_catch_a_forged_pdf_and_its_hash() {
    let (dir, [_, _, third]) = archive_of_three();
    // A forger who swaps the PDF and fixes its hash in the manifest: the
    // hashes agree, but the record's inputs do not make that PDF.
    let forged = dir.path().join("forged.pdf");
    let run = lettrine(
        dir.path(),
        &["build", example("fr").to_str().unwrap(), "-o", "forged.pdf"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    forge(&third, &fs::read(&forged).unwrap());

    let (code, stderr) = verify_errors(dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: archive/{}/letter.pdf: differs from the PDF (its pages and its attachments) rebuilt from the record's inputs\n",
            name(&third)
        )
    );
}

#[test]
fn verify_follows_the_chain_of_records() {
    // A record removed: the next one names it as the one before.
    let (dir, [first, second, third]) = archive_of_three();
    fs::remove_dir_all(&second).unwrap();
    let (code, stderr) = verify_errors(dir.path());
    assert_eq!(code, 1);
    let hash = |record: &Path| {
        format!(
            "sha256:{}",
            sha256_hex(&fs::read(record.join("manifest.toml")).unwrap())
        )
    };
    let second_hash = manifest(&third)["previous"]["manifest"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        stderr,
        format!(
            "error: archive/{}/manifest.toml: breaks the chain: it was issued after {} ({second_hash}), but the record before it is {} ({}); a record was removed, added or its manifest changed\n",
            name(&third),
            name(&second),
            name(&first),
            hash(&first),
        )
    );

    // A manifest edited (the issuer changed): its own files still match,
    // but the next record's link to it does not.
    let (dir, [first, second, _]) = archive_of_three();
    let path = first.join("manifest.toml");
    let recorded = hash(&first);
    fs::write(
        &path,
        fs::read_to_string(&path)
            .unwrap()
            .replace("issuer = \"Camille Martin\"", "issuer = \"Someone Else\""),
    )
    .unwrap();
    let (code, stderr) = verify_errors(dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: archive/{}/manifest.toml: breaks the chain: it was issued after {} ({recorded}), but the record before it is {} ({}); a record was removed, added or its manifest changed\n",
            name(&second),
            name(&first),
            name(&first),
            hash(&first),
        )
    );
}

#[test]
fn records_name_the_git_revision_and_the_project_inputs() {
    let dir = tmp();
    let project = dir.path();
    common::copy_dir(&root().join("packs"), &project.join("packs"));
    git(project, &["init", "-q"]);
    commit(project, "packs");
    let case = small(project);
    git(project, &["add", "small.toml"]);
    commit(project, "case");
    let head = git(project, &["rev-parse", "HEAD"]).trim().to_owned();

    let run = issue(project, &case, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let [record] = records(project).try_into().unwrap();
    let m = manifest(&record);
    assert_eq!(m["git"]["revision"].as_str(), Some(head.as_str()));
    assert_eq!(m["git"]["dirty"].as_bool(), Some(false));
    let pack = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"].as_str() == Some("inputs/packs/refund-refusal/fr/letter.ftl"))
        .unwrap();
    assert_eq!(pack["from"].as_str(), Some("project"));
    let style = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"].as_str() == Some("inputs/styles/classic.typ"))
        .unwrap();
    assert_eq!(style["from"].as_str(), Some("embedded"));

    // An uncommitted change to a message the letter uses: dirty.
    let ftl = project.join("packs/refund-refusal/fr/letter.ftl");
    fs::write(&ftl, fs::read_to_string(&ftl).unwrap() + "\n# note\n").unwrap();
    let run = issue(project, &case, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let [_, second] = records(project).try_into().unwrap();
    assert_eq!(manifest(&second)["git"]["dirty"].as_bool(), Some(true));

    // A letter is issued from the work tree, never from a revision.
    let run = lettrine(
        project,
        &["--rev", "HEAD", "issue", "small.toml", "--issuer", "x"],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: a letter is issued from the project folder, not from a git revision\n = hint: check the revision out, then issue the letter\n\n"
    );

    // The archive lives in the project, and verify finds it there.
    let run = lettrine(project, &["verify"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .ends_with("verified 2 records: 2 intact, 0 with problems\n")
    );
}

#[test]
fn a_case_with_a_sender_file_records_it_and_its_logo() {
    let dir = tmp();
    let case = root().join("packs/refund-refusal/examples/fr-sender-file.toml");
    let json = dir.path().join("dupont.json");
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"logo\""));
    // A JSON case is archived as case.json.
    let toml_case: toml::Value = toml::from_str(&fs::read_to_string(&case).unwrap()).unwrap();
    fs::write(
        &json,
        serde_json::to_string_pretty(&to_json(toml_case)).unwrap(),
    )
    .unwrap();
    let run = issue(dir.path(), &json, &["--approved-by", "Maître Bernard"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let [record] = records(dir.path()).try_into().unwrap();
    assert!(record.join("case.json").is_file());
    assert!(record.join("inputs/senders/atelier-lumiere.toml").is_file());
    let logo = fs::read_dir(record.join("inputs/senders"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".svg") || n.ends_with(".png"))
        .count();
    assert_eq!(logo, 1, "the logo is recorded");
    let run = lettrine(dir.path(), &["verify"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // The sender file changed after issue.
    let sender = record.join("inputs/senders/atelier-lumiere.toml");
    fs::write(
        &sender,
        fs::read_to_string(&sender)
            .unwrap()
            .replace("Paris", "Lyon"),
    )
    .unwrap();
    let (code, stderr) = verify_errors(dir.path());
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with(&format!(
            "error: archive/{}/inputs/senders/atelier-lumiere.toml: was changed after issue",
            name(&record)
        )),
        "{stderr}"
    );
}

/// A TOML case as a JSON one: dates become `YYYY-MM-DD` strings.
fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Table(t) => t.into_iter().map(|(k, v)| (k, to_json(v))).collect(),
        toml::Value::Array(a) => a.into_iter().map(to_json).collect(),
        other => serde_json::to_value(other).expect("a TOML value in JSON"),
    }
}

#[test]
fn issuers_at_the_same_time_each_get_their_own_place_in_the_chain() {
    let dir = tmp();
    let case = small(dir.path());
    std::thread::scope(|scope| {
        let runs: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| issue(dir.path(), &case, &[])))
            .collect();
        for run in runs {
            let run = run.join().expect("an issuing thread");
            assert_eq!(run.code, 0, "{}", run.stderr);
        }
    });
    let names: Vec<String> = records(dir.path())
        .iter()
        .map(|r| name(r)[..6].to_owned())
        .collect();
    assert_eq!(names, ["000001", "000002", "000003", "000004"]);
    let run = lettrine(dir.path(), &["verify"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .ends_with("verified 4 records: 4 intact, 0 with problems\n")
    );
}

/// Runs a poppler or qpdf tool; its standard output.
fn tool(program: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_issued_letter_is_pdf_a_3b_and_ua_1_and_carries_its_data() {
    let dir = tmp();
    let case = small(dir.path());
    let run = issue(dir.path(), &case, &["-o", "small.pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let [record] = records(dir.path()).try_into().expect("one record");
    let pdf = record.join("letter.pdf");
    let pdf = pdf.to_str().unwrap();
    assert_eq!(
        manifest(&record)["pdf-standards"],
        toml::Value::Array(vec!["a-3b".into(), "ua-1".into()])
    );

    let meta = tool("pdfinfo", &["-meta", pdf]);
    for identification in [
        "<pdfaid:part>3</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "<dc:language><rdf:Bag><rdf:li>fr</rdf:li></rdf:Bag></dc:language>",
    ] {
        assert!(meta.contains(identification), "{identification}: {meta}");
    }
    let info = tool("pdfinfo", &[pdf]);
    let lines: Vec<&str> = info.lines().collect();
    assert!(lines.contains(&"Tagged:          yes"), "{info}");
    assert!(
        lines.contains(
            &"Title:           Votre demande de remboursement – commande n° CMD-2026-00042"
        ),
        "{info}"
    );
    let check = tool("qpdf", &["--check", pdf]);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );

    // The attachments are the record's Letter and the case as given.
    assert_eq!(
        tool("pdfdetach", &["-list", pdf]),
        "2 embedded files\n1: small.toml\n2: letter.json\n".replace("small.toml", "case.toml")
    );
    let out = dir.path().join("detached");
    fs::create_dir_all(&out).unwrap();
    tool("pdfdetach", &["-saveall", "-o", out.to_str().unwrap(), pdf]);
    assert_eq!(
        fs::read(out.join("letter.json")).unwrap(),
        fs::read(record.join("letter.json")).unwrap()
    );
    assert_eq!(
        fs::read(out.join("case.toml")).unwrap(),
        fs::read(&case).unwrap()
    );
    // Their relationships, MIME types and descriptions, as PDF/A-3 asks.
    let json = tool("qpdf", &["--json=1", "--json-key=objects", pdf]);
    for key in [
        "\"/AFRelationship\": \"/Source\"",
        "\"/AFRelationship\": \"/Data\"",
        "\"/Subtype\": \"/application#2fjson\"",
        "\"/Subtype\": \"/application#2ftoml\"",
    ] {
        assert!(json.contains(key), "{key}");
    }
    // The same inputs give the same bytes.
    let again = issue(dir.path(), &case, &["-o", "again.pdf"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(
        fs::read(dir.path().join("small.pdf")).unwrap(),
        fs::read(dir.path().join("again.pdf")).unwrap()
    );
}

#[test]
fn verify_catches_an_attachment_changed_after_issue() {
    let (dir, [_, _, third]) = archive_of_three();
    // The forger rewrites the attached case inside the PDF (uncompressed
    // with qpdf, one name changed) and fixes the PDF's hash in the manifest.
    let pdf = third.join("letter.pdf");
    let open = dir.path().join("open.pdf");
    tool(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().unwrap(),
            open.to_str().unwrap(),
        ],
    );
    let bytes = fs::read(&open).unwrap();
    let from = b"name = \"Claire Dupont\"";
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("the attached case is readable once uncompressed");
    let mut forged = bytes.clone();
    forged[at..at + from.len()].copy_from_slice(b"name = \"Claire Dupond\"");
    forge(&third, &forged);
    let detached = dir.path().join("detached");
    fs::create_dir_all(&detached).unwrap();
    tool(
        "pdfdetach",
        &[
            "-saveall",
            "-o",
            detached.to_str().unwrap(),
            pdf.to_str().unwrap(),
        ],
    );
    assert!(
        fs::read_to_string(detached.join("case.toml"))
            .unwrap()
            .contains("Claire Dupond")
    );
    let (code, stderr) = verify_errors(dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: archive/{}/letter.pdf: differs from the PDF (its pages and its attachments) rebuilt from the record's inputs\n",
            name(&third)
        )
    );
}
