//! Stale translations and version bumps, from a git repository built in
//! the test: commit a pack, change its source, commit again.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::path::Path;

use common::{commit, git, lettrine, write};

const MANIFEST: &str = r#"id = "mini"
version = "1.0.0"
description = "A pack to watch through history"
source-locale = "en"
locales = ["en", "fr"]

[[fields]]
key = "order.number"
type = "text"
required = true
help = "The order number"

[[fields]]
key = "order.item"
type = "text"
help = "What was bought"

[[sections]]
message = "thanks"
"#;

fn pack(dir: &Path, en: &str, fr: &str) {
    write(dir, "packs/mini/en/letter.ftl", en);
    write(dir, "packs/mini/fr/letter.ftl", fr);
}

const EN: &str = "thanks = Thank you for your order { $order-number }.\nnote = We remain open to discuss it.\ngreeting = Hello and welcome to our shop, dear customer.\nitem = You bought { $order-item }.\n";
const FR: &str = "thanks = Merci pour votre commande { $order-number }.\nnote = Nous restons ouverts à la discussion.\ngreeting = Bonjour et bienvenue dans notre boutique, cher client.\nitem = Vous avez acheté { $order-item }.\n";

fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    write(dir.path(), "packs/mini/pack.toml", MANIFEST);
    pack(dir.path(), EN, FR);
    commit(dir.path(), "mini 1.0.0");
    // The source changes: a variable in `thanks` (hard), the wording of
    // `note` (soft), `greeting` only re-wrapped and moved (no change).
    let en = "greeting =\n    Hello and welcome to our shop,\n    dear customer.\nthanks = Thank you for your order { $order-number } of { $order-item }.\nnote = We remain open to discussing it with you.\nitem = You bought { $order-item }.\n";
    pack(dir.path(), en, FR);
    commit(dir.path(), "Reword the source");
    dir
}

#[test]
fn status_tells_hard_from_soft_stale_translations() {
    let dir = repository();
    let run = lettrine(dir.path(), &["status", "mini"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);

    // Updating a translation, even uncommitted, makes it current again.
    let en = std::fs::read_to_string(dir.path().join("packs/mini/en/letter.ftl")).unwrap();
    pack(
        dir.path(),
        &en,
        &FR.replace(
            "ouverts à la discussion",
            "ouverts à la discussion avec vous",
        ),
    );
    let run = lettrine(dir.path(), &["status", "mini", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let fr = &json["packs"][0]["locales"][1];
    assert_eq!(fr["locale"], "fr");
    assert_eq!(fr["stale"], serde_json::json!({"hard": 1, "soft": 0}));
    assert_eq!(fr["stale_messages"][0]["id"], "thanks");
    assert_eq!(fr["stale_messages"][0]["kind"], "hard");
    commit(dir.path(), "Review the French note");
    let run = lettrine(dir.path(), &["status", "mini", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        json["packs"][0]["locales"][1]["stale"],
        serde_json::json!({"hard": 1, "soft": 0})
    );
}

#[test]
fn outside_git_stale_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "packs/mini/pack.toml", MANIFEST);
    pack(
        dir.path(),
        EN,
        &FR.replace(
            "item = Vous avez acheté { $order-item }.\n",
            "old = Ancien.\n",
        ),
    );
    let run = lettrine(dir.path(), &["status", "mini"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn lint_asks_for_a_version_bump_that_matches_the_changes() {
    let dir = repository();
    let run = lettrine(dir.path(), &["--color", "never", "lint", "mini"]);
    assert!(
        run.stderr.contains("warning[pack::version]: mini changed since bdf61c8 set version 1.0.0: `note` changed in en, which needs a patch bump"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("which needs a patch bump"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: make it 1.0.1"), "{}", run.stderr);

    // A removed message is a major change: a patch bump is not enough.
    let en = std::fs::read_to_string(dir.path().join("packs/mini/en/letter.ftl")).unwrap();
    pack(
        dir.path(),
        &en.replace("item = You bought { $order-item }.\n", ""),
        FR,
    );
    write(
        dir.path(),
        "packs/mini/pack.toml",
        &MANIFEST.replace("1.0.0", "1.0.1"),
    );
    let run = lettrine(dir.path(), &["--color", "never", "lint", "mini"]);
    assert!(
        run.stderr.contains("warning[pack::version]: mini goes from 1.0.0 to 1.0.1, a patch bump, but the message `item` was removed, which needs a major bump"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: make it 2.0.0"), "{}", run.stderr);

    // A major bump is enough; committed, the pack is clean again.
    write(
        dir.path(),
        "packs/mini/pack.toml",
        &MANIFEST.replace("1.0.0", "2.0.0"),
    );
    let run = lettrine(dir.path(), &["--color", "never", "lint", "mini"]);
    assert!(!run.stderr.contains("pack::version"), "{}", run.stderr);
    commit(dir.path(), "mini 2.0.0");
    let run = lettrine(dir.path(), &["--color", "never", "lint", "mini"]);
    assert!(!run.stderr.contains("pack::version"), "{}", run.stderr);
}

#[test]
fn rev_reads_the_project_as_it_was() {
    let dir = repository();
    write(
        dir.path(),
        "packs/mini/pack.toml",
        &MANIFEST.replace("1.0.0", "2.0.0"),
    );
    commit(dir.path(), "mini 2.0.0");
    let mini = |run: common::Run| -> String {
        run.stdout
            .lines()
            .filter(|l| l.starts_with("mini "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let now = mini(lettrine(dir.path(), &["packs"]));
    assert!(now.starts_with("mini 2.0.0 "), "{now}");
    let then = mini(lettrine(dir.path(), &["--rev", "HEAD~1", "packs"]));
    assert!(
        then.starts_with("mini 1.0.0 ") && then.ends_with("(git HEAD~1)"),
        "{then}"
    );

    // The first commit's French was complete; the second's source added a
    // variable the French lacks. Diagnostics name the revision.
    let run = lettrine(
        dir.path(),
        &["--color", "never", "--rev", "HEAD~2", "lint", "mini"],
    );
    assert!(
        !run.stderr.contains("l10n::variable-dropped"),
        "{}",
        run.stderr
    );
    let run = lettrine(
        dir.path(),
        &["--color", "never", "--rev", "HEAD~1", "lint", "mini"],
    );
    assert!(
        run.stderr
            .contains("error[l10n::variable-dropped]: `thanks` in fr leaves out $order-item")
            && run
                .stderr
                .contains("┌─ HEAD~1:packs/mini/fr/letter.ftl:1:1"),
        "{}",
        run.stderr
    );

    let run = lettrine(dir.path(), &["--rev", "no-such-tag", "packs"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("there is no revision \"no-such-tag\""),
        "{}",
        run.stderr
    );
    let outside = tempfile::tempdir().unwrap();
    let run = lettrine(outside.path(), &["--rev", "HEAD", "packs"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not in a git repository"),
        "{}",
        run.stderr
    );
}
