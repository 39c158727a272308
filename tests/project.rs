//! Packs and styles of a project folder: listing, overriding the embedded
//! ones, `lettrine new`, and the errors a broken pack or style gives (with
//! the file, line and column), including the style sandbox.

mod common;

use std::path::Path;

use common::{copy_dir, edit, example, lettrine, root, write};

/// A project folder holding copies of the embedded pack and style.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(&root().join("packs"), &dir.path().join("packs"));
    copy_dir(&root().join("styles"), &dir.path().join("styles"));
    dir
}

/// Builds the French example in `dir` with `extra` arguments.
fn build_french(dir: &Path, extra: &[&str]) -> common::Run {
    let case = example("fr");
    let mut args = vec!["build", case.to_str().expect("a UTF-8 path")];
    args.extend_from_slice(extra);
    lettrine(dir, &args)
}

#[test]
fn packs_and_styles_are_listed_with_their_origin() {
    let empty = tempfile::tempdir().unwrap();
    let run = lettrine(empty.path(), &["packs"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "delivery-delay 1.0.0  [en, fr, it]  Apologises for a late delivery, gives the new date and the customer's options  (embedded)\nrefund-refusal 1.2.0  [en, fr, it, de, es, ar]  Declines a refund request on a lawful ground, with a goodwill gesture  (embedded)\n"
    );
    assert_eq!(
        lettrine(empty.path(), &["styles"]).stdout,
        "classic  (embedded)\ndin  (embedded)\nmodern  (embedded)\n"
    );
    let dir = project();
    write(
        dir.path(),
        "styles/plain.typ",
        "#let letter = json(\"/letter.json\")\n#letter.subject.text\n",
    );
    let run = lettrine(dir.path(), &["styles"]);
    assert_eq!(
        run.stdout,
        "classic  (.)\ndin  (.)\nmodern  (.)\nplain  (.)\n"
    );
}

#[test]
fn a_project_pack_overrides_the_embedded_one() {
    let dir = project();
    edit(
        &dir.path().join("packs/refund-refusal/fr/letter.ftl"),
        "label-subject = Objet :",
        "label-subject = Concerne :",
    );
    let run = build_french(dir.path(), &["--format", "txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Concerne\u{A0}: Votre demande"),
        "{}",
        run.stdout
    );
    // Elsewhere, the embedded pack is used.
    let elsewhere = tempfile::tempdir().unwrap();
    let run = lettrine(
        elsewhere.path(),
        &["build", example("fr").to_str().unwrap(), "--format", "txt"],
    );
    assert!(
        run.stdout.contains("Objet\u{A0}: Votre demande"),
        "{}",
        run.stdout
    );
}

/// The locales of an embedded pack, from its `pack.toml`.
fn pack_locales(pack: &str) -> Vec<String> {
    let path = root().join("packs").join(pack).join("pack.toml");
    let text = std::fs::read_to_string(&path).expect("the pack's manifest");
    let manifest: toml::Table = toml::from_str(&text).expect("a TOML manifest");
    manifest["locales"]
        .as_array()
        .expect("a list of locales")
        .iter()
        .map(|l| l.as_str().expect("a locale").to_owned())
        .collect()
}

#[test]
fn new_writes_a_case_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    for pack in ["refund-refusal", "delivery-delay"] {
        let locales = pack_locales(pack);
        assert!(locales.len() >= 3, "{pack}: {locales:?}");
        for locale in &locales {
            let run = lettrine(dir.path(), &["new", pack, "--locale", locale]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            write(dir.path(), "case.toml", &run.stdout);
            let built = lettrine(dir.path(), &["build", "case.toml", "--format", "txt"]);
            assert_eq!(
                built.code, 0,
                "{pack} {locale}: {}\n{}",
                built.stderr, run.stdout
            );
        }
    }
    let run = lettrine(dir.path(), &["new", "refund-refusal", "--locale", "it"]);
    insta::assert_snapshot!("new_it", run.stdout);
    let run = lettrine(dir.path(), &["new", "refund-refusal", "--locale", "pt"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "error: the pack refund-refusal has no locale \"pt\"\n = hint: the locales are \"en\", \"fr\", \"it\", \"de\", \"es\", \"ar\"\n\n"
        )
    );
}

#[test]
fn new_suggests_examples_of_the_locales_country() {
    let dir = tempfile::tempdir().unwrap();
    let places = [
        ("en", "Dublin"),
        ("fr", "Paris"),
        ("it", "Milano"),
        ("de", "Berlin"),
        ("es", "Madrid"),
        ("ar", "باريس"),
    ];
    for pack in ["refund-refusal", "delivery-delay"] {
        for locale in pack_locales(pack) {
            let run = lettrine(dir.path(), &["new", pack, "--locale", &locale]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            let place = places
                .iter()
                .find(|(l, _)| *l == locale)
                .map(|(_, p)| *p)
                .unwrap_or_else(|| panic!("{pack}: no place known for {locale}"));
            assert!(
                run.stdout.contains(&format!("place = \"{place}\"\n")),
                "{pack} {locale}:\n{}",
                run.stdout
            );
            // Only a letter from France (in French, or in Arabic from the
            // French company of the examples) has French addresses.
            if !matches!(locale.as_str(), "fr" | "ar") {
                assert!(
                    !run.stdout.contains("Paris") && !run.stdout.contains("Lyon"),
                    "{pack} {locale}:\n{}",
                    run.stdout
                );
            }
        }
    }
    let italian = lettrine(dir.path(), &["new", "delivery-delay", "--locale", "it"]).stdout;
    for text in [
        "place = \"Milano\"",
        "address = [\"Via Savona 48\", \"20144 Milano MI\"]",
        "phone = \"02 8734 5612\"",
        "role = \"Responsabile Servizio Clienti\"",
        "item = \"un tavolo da pranzo in rovere massello\"",
    ] {
        assert!(italian.contains(text), "{text}:\n{italian}");
    }
}

#[test]
fn a_wrong_example_is_reported_at_its_place() {
    let dir = project();
    let manifest = dir.path().join("packs/refund-refusal/pack.toml");
    edit(
        &manifest,
        "locale-example = { fr = \"FR\", it = \"IT\", de = \"DE\", es = \"ES\" }",
        "locale-example = { fr = \"FR\", it = \"ITA\", de = \"DE\", es = \"ES\", pt = \"PT\" }",
    );
    edit(&manifest, "example = \"1234.56\"", "example = 1234.56");
    edit(
        &manifest,
        "locale-example.es = \"una librería de roble hecha a medida\"",
        "locale-example.es = [\"una librería de roble hecha a medida\"]",
    );
    let run = build_french(dir.path(), &["--format", "txt"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_missing_variable_names_message_locale_and_variable() {
    let dir = project();
    edit(
        &dir.path().join("packs/refund-refusal/it/letter.ftl"),
        "{ $order-number }",
        "{ $order-numero }",
    );
    let run = lettrine(
        dir.path(),
        &["build", example("it").to_str().unwrap(), "--format", "txt"],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_fluent_syntax_error_has_its_position() {
    let dir = project();
    edit(
        &dir.path().join("packs/refund-refusal/fr/letter.ftl"),
        "label-page = Page",
        "label-page = { Page",
    );
    let run = build_french(dir.path(), &["--format", "txt"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_broken_manifest_is_reported_at_its_place() {
    let dir = project();
    edit(
        &dir.path().join("packs/refund-refusal/pack.toml"),
        "version = \"1.2.0\"",
        "version = \"1.0\"",
    );
    edit(
        &dir.path().join("packs/refund-refusal/pack.toml"),
        "type = \"date\"",
        "type = \"datum\"",
    );
    let run = build_french(dir.path(), &["--format", "txt"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_typst_error_in_a_style_shows_file_line_and_column() {
    let dir = project();
    write(
        dir.path(),
        "styles/broken.typ",
        "#let letter = json(\"/letter.json\")\n\n#letter.subject.txt\n",
    );
    let run = build_french(dir.path(), &["--style", "broken"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_style_cannot_import_packages() {
    let dir = project();
    write(
        dir.path(),
        "styles/pkg.typ",
        "#import \"@preview/letter-pro:3.0.0\": letter-simple\nHello\n",
    );
    let run = build_french(dir.path(), &["--style", "pkg"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_style_cannot_read_outside_its_folder() {
    let dir = project();
    write(dir.path(), "secret.txt", "the secret");
    write(dir.path(), "styles/peek.typ", "#read(\"../secret.txt\")\n");
    let run = build_french(dir.path(), &["--style", "peek", "-o", "peek.pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!dir.path().join("peek.pdf").exists());
    insta::assert_snapshot!("read_parent", run.stderr);

    write(dir.path(), "styles/abs.typ", "#read(\"/etc/hostname\")\n");
    let run = build_french(dir.path(), &["--style", "abs", "-o", "abs.pdf"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("read_absolute", run.stderr);

    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            dir.path().join("secret.txt"),
            dir.path().join("styles/link.txt"),
        )
        .unwrap();
        write(dir.path(), "styles/link.typ", "#read(\"link.txt\")\n");
        let run = build_french(dir.path(), &["--style", "link", "-o", "link.pdf"]);
        assert_eq!(run.code, 1);
        insta::assert_snapshot!("read_symlink", run.stderr);
    }
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let dir = tempfile::tempdir().unwrap();
    let run = lettrine(dir.path(), &["completions", "bash"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(
        run.stdout.contains("_lettrine()"),
        "{}",
        &run.stdout[..200.min(run.stdout.len())]
    );
    for word in ["build", "new", "packs", "styles", "--format", "--locale"] {
        assert!(run.stdout.contains(word), "bash completion lacks {word}");
    }
    let run = lettrine(dir.path(), &["completions", "fish"]);
    assert!(
        run.stdout.contains("complete -c lettrine"),
        "{}",
        run.stdout
    );
    let run = lettrine(dir.path(), &["man"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains(".TH lettrine 1"));
    assert!(
        run.stdout
            .contains("Compile versioned Fluent message packs")
    );
}

#[test]
fn new_takes_a_regional_locale_of_the_packs() {
    let dir = tempfile::tempdir().unwrap();
    let run = lettrine(dir.path(), &["new", "refund-refusal", "--locale", "fr-CH"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("\nlocale = \"fr-CH\"\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\nplace = \"Lausanne\"\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\n# profile = \"sn\"\n"),
        "{}",
        run.stdout
    );
    let case = write(dir.path(), "case.toml", &run.stdout);
    let built = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "--format", "txt"],
    );
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(built.stdout.contains("Lausanne, le "), "{}", built.stdout);
    let run = lettrine(dir.path(), &["new", "refund-refusal", "--locale", "pt"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: the pack refund-refusal has no locale \"pt\"\n = hint: the locales are \"en\", \"fr\", \"it\", \"de\", \"es\", \"ar\"\n\n"
    );
}
