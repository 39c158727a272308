//! Layout profiles, sender files and logos, and `lettrine watch`, from the
//! command line.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{example, lettrine, pdf_text, root, write};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

#[test]
fn profiles_are_listed_with_their_locales() {
    let run = lettrine(tmp().path(), &["profiles"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout, @r"
    din-5008-a  Germany (DIN 5008 form A): short letterhead, window on the left  (embedded)
    din-5008-b  Germany (DIN 5008 form B): window on the left  [default for de]  (embedded)
    it  Italy: DL envelope, window on the right, address 40 mm from the top  [default for it]  (embedded)
    nf  France (NF Z 11-001): DL envelope, window on the right  [default for fr, en, es, ar, *]  (embedded)
    sn  Switzerland (SN 010130): window on the right, 8 mm from the edge  [default for de-CH, fr-CH, it-CH]  (embedded)
    ");
}

#[test]
fn debug_layout_draws_the_profile_over_the_letter() {
    let dir = tmp();
    let case = example("fr");
    let case = case.to_str().unwrap();
    let plain = dir.path().join("plain.pdf");
    let debug = dir.path().join("debug.pdf");
    let run = lettrine(dir.path(), &["build", case, "-o", plain.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = lettrine(
        dir.path(),
        &[
            "build",
            case,
            "--profile",
            "din-5008-b",
            "--debug-layout",
            "-o",
            debug.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdf_text(&debug);
    for label in [
        "window 85×45 mm at 20, 45",
        "notes",
        "fold 105 mm",
        "fold 210 mm",
        "hole 148.5 mm",
        "reference line 98.5 mm",
        "information block",
        "profile din-5008-b",
    ] {
        assert!(text.contains(label), "{label:?} is drawn: {text}");
    }
    assert!(!pdf_text(&plain).contains("profile nf"));
}

#[test]
fn a_profile_is_chosen_by_flag_case_or_locale() {
    let dir = tmp();
    let layout = |args: &[&str]| -> String {
        let case = example("fr");
        let mut all = vec!["build", case.to_str().unwrap(), "--format", "json"];
        all.extend_from_slice(args);
        let run = lettrine(dir.path(), &all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        json["layout"]["name"].as_str().unwrap().to_owned()
    };
    assert_eq!(layout(&[]), "nf");
    assert_eq!(layout(&["--locale", "fr-CH"]), "sn");
    assert_eq!(layout(&["--profile", "it"]), "it");
    let case = write(
        dir.path(),
        "din.toml",
        &common::french_with(
            "place = \"Paris\"",
            "place = \"Paris\"\nprofile = \"din-5008-a\"",
        ),
    );
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "--format", "json"],
    );
    assert!(
        run.stdout.contains("\"name\": \"din-5008-a\""),
        "{}",
        run.stdout
    );
}

#[test]
fn unknown_and_broken_profiles_are_reported() {
    let dir = tmp();
    let case = example("fr");
    let case = case.to_str().unwrap();
    let run = lettrine(dir.path(), &["build", case, "--profile", "dl"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no profile named \"dl\"\n = hint: the profiles are: din-5008-a, din-5008-b, it, nf, sn\n\n"
    );

    let named = write(
        dir.path(),
        "named.toml",
        &common::french_with("place = \"Paris\"", "place = \"Paris\"\nprofile = \"dl\""),
    );
    let run = lettrine(dir.path(), &["build", named.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    // Reported where the case names it.
    assert!(
        run.stderr
            .starts_with("error: no profile named \"dl\"\n  ┌─ ")
            && run.stderr.contains("named.toml:7:11\n"),
        "{}",
        run.stderr
    );

    // A project's own profile, off the sheet, with a misspelt key.
    let nf = std::fs::read_to_string(root().join("profiles/nf.toml")).unwrap();
    write(
        dir.path(),
        "profiles/wide.toml",
        &nf.replace("x = 100\n", "x = 150\n"),
    );
    write(
        dir.path(),
        "profiles/typo.toml",
        &nf.replace("indent = 10", "indnet = 10"),
    );
    let run = lettrine(dir.path(), &["build", case, "--profile", "wide"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("profile_off_the_sheet", run.stderr);
    let run = lettrine(dir.path(), &["build", case, "--profile", "typo"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("profile_unknown_key", run.stderr);
}

#[test]
fn a_sender_file_and_its_logo() {
    let dir = tmp();
    let case = root().join("packs/refund-refusal/examples/fr-sender-file.toml");
    let case = case.to_str().unwrap();
    let pdf = dir.path().join("letter.pdf");
    // Run from an empty folder: the sender file and logo are embedded too.
    let run = lettrine(dir.path(), &["build", case, "-o", pdf.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdf_text(&pdf);
    assert!(
        text.starts_with(
            "DRAFT — review required: legal (order.amount is 1234.56 EUR, more than 500) \
             Atelier Lumière 12 rue des Archives 75004 Paris"
        ),
        "{text}"
    );
    assert!(text.contains("RCS Paris 812 345 678"));
    let run = lettrine(dir.path(), &["build", case, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["sender"]["logo"]["format"], "svg");
    assert_eq!(json["sender"]["logo"]["file"], "/letter-logo.svg");

    // A project's own sender file, with a PNG logo.
    let png = dir.path().join("senders/logo.png");
    std::fs::create_dir_all(png.parent().unwrap()).unwrap();
    std::fs::write(&png, tiny_png()).unwrap();
    write(
        dir.path(),
        "senders/acme.toml",
        "name = \"ACME\"\nlogo = \"senders/logo.png\"\naddress = [\"1 rue A\", \"75001 Paris\"]\nemail = \"a@acme.fr\"\nphone = \"01 00 00 00 00\"\n",
    );
    let acme = write(
        dir.path(),
        "acme.toml",
        &std::fs::read_to_string(case)
            .unwrap()
            .replace("senders/atelier-lumiere.toml", "senders/acme.toml"),
    );
    let run = lettrine(
        dir.path(),
        &["build", acme.to_str().unwrap(), "-o", "acme.pdf"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdf_text(&dir.path().join("acme.pdf"));
    assert!(text.contains(" 500) ACME 1 rue A"), "{text}");
}

#[test]
fn sender_files_and_logos_stay_inside_the_project() {
    let dir = tmp();
    let base =
        std::fs::read_to_string(root().join("packs/refund-refusal/examples/fr-sender-file.toml"))
            .unwrap();
    let with_sender = |path: &str| base.replace("senders/atelier-lumiere.toml", path);
    write(
        dir.path(),
        "senders/gif.toml",
        "name = \"ACME\"\nlogo = \"senders/logo.gif\"\naddress = [\"1 rue A\"]\nemail = \"a@acme.fr\"\nphone = \"01\"\n",
    );
    write(dir.path(), "senders/logo.gif", "GIF89a");
    write(
        dir.path(),
        "senders/outside.toml",
        "name = \"ACME\"\nlogo = \"/etc/hostname\"\naddress = [\"1 rue A\"]\nemail = \"a@acme.fr\"\nphone = \"01\"\n",
    );
    write(
        dir.path(),
        "senders/typo.toml",
        "name = \"ACME\"\nadress = [\"1 rue A\"]\nemail = \"a@acme.fr\"\nphone = \"01\"\n",
    );
    for (name, sender) in [
        ("sender_escapes", "../secret.toml"),
        ("sender_missing", "senders/nobody.toml"),
        ("sender_typo", "senders/typo.toml"),
        ("logo_not_an_image", "senders/gif.toml"),
        ("logo_outside", "senders/outside.toml"),
    ] {
        write(dir.path(), "case.toml", &with_sender(sender));
        let run = lettrine(dir.path(), &["build", "case.toml", "-o", "out.pdf"]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert!(
            !dir.path().join("out.pdf").exists(),
            "{name}: nothing is written"
        );
        insta::assert_snapshot!(name, run.stderr);
    }
}

/// A 1×1 PNG, written by hand so the test needs no image library.
fn tiny_png() -> Vec<u8> {
    const PNG: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
        0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
        0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    PNG.to_vec()
}

/// A `lettrine watch` running in the background, killed when dropped.
struct Watch(Child);

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits until `check` holds, for at most 30 s (a slow CI machine).
fn eventually(what: &str, check: impl Fn() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn watch_rebuilds_on_changes_and_survives_errors() {
    let dir = tmp();
    let case = write(
        dir.path(),
        "case.toml",
        &common::french_with("Claire Dupont", "Claire Dupont"),
    );
    // A project profile of its own, watched with the rest of the project.
    let nf = std::fs::read_to_string(root().join("profiles/nf.toml")).unwrap();
    let profile = write(dir.path(), "profiles/nf.toml", &nf);
    let out = dir.path().join("out.json");
    let log = std::fs::File::create(dir.path().join("watch.log")).unwrap();
    let _watch = Watch(
        Command::new(env!("CARGO_BIN_EXE_lettrine"))
            .args(["watch", "case.toml", "-o", "out.json"])
            .current_dir(dir.path())
            .env_clear()
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("lettrine watch starts"),
    );
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    eventually("the first build", || read(&out).contains("Claire Dupont"));

    // Give the watcher a moment to be in place before the first edit.
    std::thread::sleep(Duration::from_millis(300));
    let text = read(&case);
    std::fs::write(&case, text.replace("Claire Dupont", "Claire Durand")).unwrap();
    eventually("a rebuild after the edit", || {
        read(&out).contains("Claire Durand")
    });

    // A broken case is reported, and the watch goes on.
    std::fs::write(
        &case,
        text.replace("locale = \"fr\"", "locale = \"fr\"\nbogus = 1"),
    )
    .unwrap();
    let log = dir.path().join("watch.log");
    eventually("the error", || read(&log).contains("unknown field `bogus`"));
    std::fs::write(&case, text.replace("Claire Dupont", "Claire Martin")).unwrap();
    eventually("a rebuild after the fix", || {
        read(&out).contains("Claire Martin")
    });

    // Tuning the profile rebuilds the letter with the new geometry.
    std::fs::write(
        &profile,
        nf.replace("reference-y = 86", "reference-y = 88.5"),
    )
    .unwrap();
    eventually("a rebuild after the profile changed", || {
        read(&out).contains("\"reference-y\": 88.5")
    });
    assert!(
        read(&log).contains("[lettrine] built out.json in "),
        "{}",
        read(&log)
    );
}
