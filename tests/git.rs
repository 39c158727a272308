//! `lettrine textconv` and `lettrine git-setup`: git's own `git diff`
//! shows a re-wrapped, moved Fluent message as no change, a reworded one as
//! one line, and a case file as the text of its letter.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use common::{commit, git, lettrine, root, write};

#[test]
fn textconv_prints_one_sorted_message_per_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "fr.ftl",
        "## Groupe\nz = Dernier\n# Commentaire\na =\n    Premier message,\n    sur deux lignes.\n    .title = Titre\n",
    );
    let run = lettrine(dir.path(), &["textconv", "fr.ftl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "a = Premier message, sur deux lignes.\na.title = Titre\nz = Dernier\n"
    );
    // A case is its letter's text.
    let case = root().join("packs/refund-refusal/examples/fr.toml");
    let run = lettrine(dir.path(), &["textconv", case.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Madame Dupont"), "{}", run.stdout);
    assert!(run.stdout.contains("CMD-2026-00042"), "{}", run.stdout);
    assert!(
        run.stdout.contains("1\u{202f}234,56\u{a0}€"),
        "{}",
        run.stdout
    );
    // A case that does not build is shown as it is: git must not fail.
    write(
        dir.path(),
        "bad.toml",
        "pack = \"refund-refusal\"\nlocale = \"fr\"\n",
    );
    let run = lettrine(dir.path(), &["textconv", "bad.toml"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "pack = \"refund-refusal\"\nlocale = \"fr\"\n");
    assert!(
        run.stderr.contains("bad.toml does not build"),
        "{}",
        run.stderr
    );
}

#[test]
fn git_diff_shows_messages_through_the_driver() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    write(
        d,
        "packs/p/fr/letter.ftl",
        "merci = Merci pour votre commande.\nrefus = Nous ne pouvons pas\n    vous rembourser.\nfin = Cordialement.\n",
    );
    commit(d, "one");

    let run = lettrine(d, &["git-setup", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("    *.ftl diff=lettrine-ftl\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("(dry run: nothing written)"),
        "{}",
        run.stdout
    );
    assert!(!d.join(".gitattributes").exists());

    let run = lettrine(d, &["git-setup"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let attributes = std::fs::read_to_string(d.join(".gitattributes")).unwrap();
    assert!(attributes.contains("*.ftl diff=lettrine-ftl\n"));
    assert!(
        git(d, &["config", "--get", "diff.lettrine-ftl.textconv"])
            .trim_end()
            .ends_with(" textconv")
    );
    // Again: nothing to do.
    let run = lettrine(d, &["git-setup"]);
    assert!(
        run.stdout.contains(".gitattributes: up to date"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("git config diff.lettrine-ftl.textconv: up to date"),
        "{}",
        run.stdout
    );
    assert_eq!(
        std::fs::read_to_string(d.join(".gitattributes")).unwrap(),
        attributes
    );

    // Re-wrap and move one message, reword another.
    write(
        d,
        "packs/p/fr/letter.ftl",
        "fin = Cordialement.\nrefus =\n    Nous ne pouvons pas vous rembourser.\nmerci = Merci beaucoup pour votre commande.\n",
    );
    let diff = git(d, &["diff", "--", "packs"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .collect();
    assert_eq!(
        changed,
        [
            "-merci = Merci pour votre commande.",
            "+merci = Merci beaucoup pour votre commande."
        ],
        "{diff}"
    );
    // The raw diff, without the driver, sees every line move.
    let raw = git(d, &["diff", "--no-textconv", "--", "packs"]);
    assert!(
        raw.lines()
            .filter(|l| l.starts_with('-') && !l.starts_with("---"))
            .count()
            > 2,
        "{raw}"
    );
}
