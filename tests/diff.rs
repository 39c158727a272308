//! `lettrine diff` on a real git repository: a changed amount, a reworded
//! message, a sentence moved to another paragraph (and edited), a re-wrapped
//! paragraph; every output format; two case files; git's own `git diff` and
//! `git difftool` through the drivers `lettrine git-setup` writes.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::process::Command;

use common::{commit, copy_dir, edit, git, lettrine, pdf_text, root, write};

/// A project with the refund-refusal pack and one case, and five commits:
/// initial, amount, reword (fr and en source, version 1.2.1), move, rewrap.
fn drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    copy_dir(
        &root().join("packs/refund-refusal"),
        &d.join("packs/refund-refusal"),
    );
    let case =
        std::fs::read_to_string(root().join("packs/refund-refusal/examples/fr.toml")).unwrap();
    write(d, "cases/dupont.toml", &case);
    commit(d, "initial");

    edit(
        &d.join("cases/dupont.toml"),
        "amount = \"1234.56\"",
        "amount = \"1450.00\"",
    );
    commit(d, "amount");

    edit(
        &d.join("packs/refund-refusal/fr/letter.ftl"),
        "Nous vous renouvelons nos remerciements pour votre confiance",
        "Nous vous remercions encore de votre confiance",
    );
    edit(
        &d.join("packs/refund-refusal/en/letter.ftl"),
        "Thank you once again for the trust you have placed in us.",
        "Thank you again for your trust.",
    );
    edit(
        &d.join("packs/refund-refusal/pack.toml"),
        "version = \"1.2.0\"",
        "version = \"1.2.1\"",
    );
    commit(d, "reword");

    // The concession's second sentence moves to the start of `discuss`,
    // losing a word on the way.
    common::move_concession_sentence(&d.join("packs/refund-refusal/fr/letter.ftl"));
    commit(d, "move");

    edit(
        &d.join("packs/refund-refusal/fr/letter.ftl"),
        "Nous restons à votre entière disposition pour en discuter : vous pouvez",
        "Nous restons à votre entière disposition\n    pour en discuter :   vous pouvez",
    );
    commit(d, "rewrap");
    dir
}

#[test]
fn each_change_between_revisions_is_shown_with_its_cause() {
    let repo = drafts();
    let d = repo.path();

    // The amount: a figure, attributed to the case field.
    let run = lettrine(d, &["diff", "HEAD~4", "HEAD~3", "--", "cases"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("diff_amount", run.stdout);

    // A reworded message: attributed to the message and the pack version.
    let run = lettrine(d, &["diff", "HEAD~3", "HEAD~2", "--", "cases/dupont.toml"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("diff_reword", run.stdout);

    // A sentence moved to the next paragraph, with its inner edit.
    let run = lettrine(d, &["diff", "HEAD~2", "HEAD~1", "--", "cases"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("diff_move", run.stdout);

    // Re-wrapping and re-spacing a paragraph is not a change, in any case
    // of the project (the pack's examples too).
    let run = lettrine(d, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "no change between HEAD~1 and HEAD\n"),
        "{}",
        run.stderr
    );

    // HEAD against the work tree: clean, then an uncommitted edit.
    let run = lettrine(d, &["diff"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    edit(
        &d.join("cases/dupont.toml"),
        "date = 2026-09-14",
        "date = 2026-09-15",
    );
    let run = lettrine(d, &["diff", "--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Changed figures:\n  order.date: 14 septembre 2026 → 15 septembre 2026\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("@@ thanks @@ because: case field order.date changed\n"),
        "{}",
        run.stdout
    );
    // A new letter date is a changed figure; the versions line stays one.
    edit(
        &d.join("cases/dupont.toml"),
        "date = 2026-11-23",
        "date = 2026-11-24",
    );
    let run = lettrine(d, &["diff"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("letter cases/dupont.toml (modified)\nrefund-refusal 1.2.1 · fr · style classic\nChanged figures:\n  date: 23 novembre 2026 → 24 novembre 2026\n"),
        "{}",
        run.stdout
    );
    let run = lettrine(d, &["diff", "HEAD~1"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("[-14-] {+15+} septembre"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_style_change_is_a_change_of_every_letter_in_that_style() {
    let repo = drafts();
    let d = repo.path();
    copy_dir(&root().join("styles"), &d.join("styles"));
    commit(d, "own style");
    // The project's copy of the embedded style typesets the same letter.
    let run = lettrine(d, &["diff", "HEAD~1", "HEAD", "--", "cases"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let style = d.join("styles/classic.typ");
    let text = std::fs::read_to_string(&style).unwrap();
    std::fs::write(&style, text.replacen("default: 10.5)", "default: 11)", 1)).unwrap();
    let run = lettrine(d, &["diff", "--", "cases"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "letter cases/dupont.toml (modified)\nrefund-refusal 1.2.1 · fr · style classic\nWhole letter: style classic: its files changed\n\n"
    );
}

#[test]
fn every_format_shows_the_same_changes() {
    let repo = drafts();
    let d = repo.path();
    let args = |format: &'static str| ["diff", "HEAD~4", "HEAD", "--format", format, "--", "cases"];
    let run = lettrine(d, &args("md"));
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("diff_md", run.stdout);
    let run = lettrine(d, &args("json"));
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("diff_json", run.stdout);
    let run = lettrine(d, &args("html"));
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("diff_html", run.stdout);

    // The redline: a first page of changes, then the new letter, with the
    // deleted words still in the PDF's text, marked.
    let run = lettrine(
        d,
        &[
            "diff",
            "HEAD~4",
            "HEAD",
            "--format",
            "pdf",
            "-o",
            "redline.pdf",
            "--",
            "cases",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let text = pdf_text(&d.join("redline.pdf"));
    for expected in [
        "Redline: cases/dupont.toml",
        "Changed figures Figure Before After order.amount [-1 234,56 €-] {+1 450,00 €+}",
        "decision: case field order.amount changed",
        "d’un montant de [-1 234,56 €-] {+1 450,00 €+}, pour la raison",
        "valable jusqu’au 31 mars 2027. [moved to discuss]",
        "{>Ce geste ne signifie pas qu’une faute ait été commise, de part ou d’autre : il témoigne [-simplement-] de l’importance que nous attachons à notre relation.<} [moved from concession] Nous restons",
        "Nous vous [-renouvelons nos remerciements pour-] {+remercions encore de+} votre confiance",
        "Madame Dupont",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // Built twice, the same bytes.
    let again = lettrine(
        d,
        &[
            "diff",
            "HEAD~4",
            "HEAD",
            "--format",
            "pdf",
            "-o",
            "again.pdf",
            "--",
            "cases",
        ],
    );
    assert_eq!(again.code, 1);
    assert_eq!(
        std::fs::read(d.join("redline.pdf")).unwrap(),
        std::fs::read(d.join("again.pdf")).unwrap()
    );
}

#[test]
fn packs_are_compared_by_message_across_locales() {
    let repo = drafts();
    let d = repo.path();
    let run = lettrine(d, &["diff", "--packs", "HEAD~3", "HEAD~2"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("diff_packs", run.stdout);
    let run = lettrine(
        d,
        &["diff", "--packs", "--format", "md", "HEAD~3", "HEAD~2"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("diff_packs_md", run.stdout);
    // Moving a message within its file, or re-wrapping it, is no change.
    let run = lettrine(d, &["diff", "--packs", "HEAD~1", "HEAD"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // A pack that does not load on one side is trouble, not a deleted pack.
    edit(
        &d.join("packs/refund-refusal/pack.toml"),
        "version = \"1.2.1\"",
        "version = 1.2.1",
    );
    let run = lettrine(d, &["diff", "--packs"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("problem: packs/refund-refusal (new): "),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("deleted"), "{}", run.stdout);
}

#[test]
fn two_case_files_and_bad_requests() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let case =
        std::fs::read_to_string(root().join("packs/refund-refusal/examples/fr.toml")).unwrap();
    write(d, "old.toml", &case);
    write(d, "same.toml", &case);
    write(
        d,
        "new.toml",
        &case.replace("kind = \"voucher\"", "kind = \"free-repair\""),
    );
    let run = lettrine(d, &["diff", "old.toml", "same.toml"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = lettrine(d, &["diff", "old.toml", "new.toml", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let block = &json["letters"][0]["blocks"][0];
    assert_eq!(block["block"], "concession");
    assert_eq!(
        block["causes"],
        serde_json::json!([{
            "kind": "field",
            "field": "concession.kind",
            "old": "voucher",
            "new": "free-repair"
        }])
    );
    // git difftool passes /dev/null for a case that did not exist.
    let run = lettrine(d, &["diff", "/dev/null", "new.toml"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("letter new.toml (added)\n"),
        "{}",
        run.stdout
    );

    // Outside git, revisions are a usage error.
    let run = lettrine(d, &["diff", "HEAD"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not in a git repository"),
        "{}",
        run.stderr
    );

    let repo = drafts();
    let r = repo.path();
    let run = lettrine(r, &["diff", "nope"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("there is no revision \"nope\""),
        "{}",
        run.stderr
    );
    let run = lettrine(r, &["diff", "HEAD", "--", "../elsewhere"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("the path \"../elsewhere\" is outside the project folder"),
        "{}",
        run.stderr
    );
    // A case that does not build on one side is reported, exit 2.
    write(
        r,
        "cases/broken.toml",
        "pack = \"refund-refusal\"\nlocale = \"fr\"\n",
    );
    let run = lettrine(r, &["diff"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stdout.contains("problem: cases/broken.toml (new): "),
        "{}",
        run.stdout
    );
}

#[test]
fn git_shows_letters_through_the_drivers() {
    let repo = drafts();
    let d = repo.path();
    let run = lettrine(d, &["git-setup"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        git(d, &["config", "--get", "difftool.lettrine.cmd"])
            .contains(" diff --format pdf --open \"$LOCAL\" \"$REMOTE\""),
    );
    // git's own diff of the case is its letter's text.
    let patch = git(d, &["diff", "HEAD~4", "HEAD~3", "--", "cases/dupont.toml"]);
    let changed: Vec<&str> = patch
        .lines()
        .filter(|l| {
            (l.starts_with('-') || l.starts_with('+'))
                && !l.starts_with("---")
                && !l.starts_with("+++")
        })
        .collect();
    // The draft's review notice names the amount too.
    assert_eq!(changed.len(), 4, "{patch}");
    assert_eq!(
        changed[..2],
        [
            "-DRAFT — review required: legal (order.amount is 1234.56 EUR, more than 500)",
            "+DRAFT — review required: legal (order.amount is 1450.00 EUR, more than 500)",
        ]
    );
    assert!(
        changed[2].contains("d’un montant de 1\u{202f}234,56\u{a0}€"),
        "{patch}"
    );
    assert!(
        changed[3].contains("d’un montant de 1\u{202f}450,00\u{a0}€"),
        "{patch}"
    );

    // git difftool opens the redline (here: a viewer that copies it).
    let viewer = write(
        d,
        "viewer.sh",
        &format!(
            "#!/bin/sh\ncp \"$1\" '{}'\n",
            d.join("opened.pdf").display()
        ),
    );
    let status = Command::new("chmod")
        .arg("+x")
        .arg(&viewer)
        .status()
        .unwrap();
    assert!(status.success());
    let out = Command::new("git")
        .current_dir(d)
        .args([
            "difftool",
            "-y",
            "-t",
            "lettrine",
            "HEAD~4",
            "HEAD~3",
            "--",
            "cases/dupont.toml",
        ])
        .env("LETTRINE_VIEWER", &viewer)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_text(&d.join("opened.pdf"));
    assert!(text.contains("[-1 234,56 €-] {+1 450,00 €+}"), "{text}");
}
