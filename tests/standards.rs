//! PDF standards: `--pdf-standard` on single letters and batches, what a
//! letter that cannot conform is told, and every shipped example in every
//! style and profile passing Typst's own PDF/A-3b and PDF/UA-1 validation.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::path::Path;
use std::process::Command;

use common::{example, lettrine, root, write};
use lettrine::builder::{Builder, Overrides};
use lettrine::render::{Output, PdfStandard, RenderOptions};
use lettrine::revision::Project;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn meta(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg("-meta")
        .arg(pdf)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn build_writes_the_standards_asked_for_and_stays_deterministic() {
    let dir = tmp();
    let d = dir.path();
    let case = example("it");
    let case = case.to_str().unwrap();
    let build = |name: &str, standards: &[&str]| {
        let mut args = vec!["build", case, "-o", name];
        for s in standards {
            args.extend(["--pdf-standard", s]);
        }
        let run = lettrine(d, &args);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{standards:?}");
        std::fs::read(d.join(name)).unwrap()
    };
    let plain = build("plain.pdf", &[]);
    let both = build("both.pdf", &["a-3b", "ua-1"]);
    assert_ne!(plain, both);
    assert_eq!(build("plain-again.pdf", &[]), plain);
    assert_eq!(build("both-again.pdf", &["a-3b", "ua-1"]), both);
    let m = meta(&d.join("both.pdf"));
    assert!(m.contains("<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance><pdfuaid:part>1</pdfuaid:part>"), "{m}");
    assert!(!meta(&d.join("plain.pdf")).contains("pdfaid:part>"));
    build("a2a.pdf", &["a-2a"]);
    assert!(
        meta(&d.join("a2a.pdf"))
            .contains("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>")
    );

    // Two PDF/A at once cannot be.
    let run = lettrine(
        d,
        &[
            "build",
            case,
            "-o",
            "x.pdf",
            "--pdf-standard",
            "a-2b",
            "--pdf-standard",
            "a-3b",
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --pdf-standard: choose at most one PDF/A standard\n = hint: PDF/A-3b with PDF/UA-1 is the combination for archives and screen readers alike\n\n"
    );
    assert!(!d.join("x.pdf").exists());
}

#[test]
fn a_batch_writes_the_standards_too() {
    let dir = tmp();
    let d = dir.path();
    std::fs::create_dir_all(d.join("cases")).unwrap();
    for locale in ["fr", "de"] {
        std::fs::copy(example(locale), d.join(format!("cases/{locale}.toml"))).unwrap();
    }
    let run = lettrine(
        d,
        &[
            "build",
            "cases",
            "--out",
            "letters",
            "--pdf-standard",
            "a-3b",
            "--pdf-standard",
            "ua-1",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for locale in ["fr", "de"] {
        let m = meta(&d.join(format!("letters/{locale}.pdf")));
        assert!(m.contains("<pdfuaid:part>1</pdfuaid:part>"), "{locale}");
        assert!(
            m.contains(&format!("<rdf:li>{locale}</rdf:li>")),
            "{locale}"
        );
    }
    // The standard decides the bytes: asking for none rebuilds them.
    let run = lettrine(
        d,
        &["build", "cases", "--out", "letters", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let summary: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(summary["written"], 2, "{}", run.stdout);
}

#[test]
fn a_letter_that_cannot_conform_is_told_why_at_its_place() {
    let dir = tmp();
    let d = dir.path();
    write(
        d,
        "styles/bare.typ",
        "#let letter = json(\"/letter.json\")\n#set document(title: letter.subject.text)\n#set text(lang: letter.lang)\n#image(\"/letter-logo.svg\")\n#letter.recipient.name\n",
    );
    let case = root().join("packs/refund-refusal/examples/fr-sender-file.toml");
    let case = case.to_str().unwrap();
    let run = lettrine(
        d,
        &[
            "build",
            case,
            "--style",
            "bare",
            "-o",
            "a.pdf",
            "--pdf-standard",
            "ua-1",
        ],
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("ua_image_without_alt", run.stderr);
    // Without the standard, the same style builds.
    let run = lettrine(d, &["build", case, "--style", "bare", "-o", "a.pdf"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn every_example_in_every_style_and_profile_conforms() {
    let builder = Builder::new(Project::new(Some(&root())).unwrap());
    let styles: Vec<String> = builder
        .project()
        .styles()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let profiles = ["nf", "din-5008-a", "din-5008-b", "sn", "it"];
    let options = RenderOptions {
        pdf_standards: vec![PdfStandard::A_3b, PdfStandard::Ua_1],
        ..RenderOptions::default()
    };
    let mut checked = 0;
    for pack in ["refund-refusal", "delivery-delay"] {
        let dir = root().join("packs").join(pack).join("examples");
        let mut cases: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        cases.sort();
        for path in cases {
            let case = builder.read_case(&path).unwrap();
            for style in &styles {
                for profile in profiles {
                    let overrides = Overrides {
                        style: Some(style.clone()),
                        profile: Some(profile.to_owned()),
                        ..Overrides::default()
                    };
                    let letter = builder.letter(&case, &overrides).unwrap();
                    let pdf = builder
                        .typeset(&letter, &options)
                        .and_then(|t| t.export(Output::Pdf));
                    assert!(
                        pdf.is_ok(),
                        "{} in {style} with {profile}: {:?}",
                        path.display(),
                        pdf.err()
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 9 * 5, "{checked} letters checked");
}

#[test]
fn the_letterhead_and_the_address_are_read_in_order_by_a_screen_reader() {
    let dir = tmp();
    for style in ["classic", "modern", "din"] {
        let pdf = dir.path().join(format!("{style}.pdf"));
        let run = lettrine(
            dir.path(),
            &[
                "build",
                example("fr").to_str().unwrap(),
                "--style",
                style,
                "--pdf-standard",
                "ua-1",
                "-o",
                pdf.to_str().unwrap(),
            ],
        );
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{style}");
        let out = Command::new("pdfinfo")
            .arg("-struct-text")
            .arg(&pdf)
            .output()
            .unwrap();
        let tree = String::from_utf8_lossy(&out.stdout);
        // The sender, the recipient, then the body: tagged text, not
        // decoration, in the order a reader needs them.
        let at = |needle: &str| {
            tree.find(needle).unwrap_or_else(|| {
                panic!("{style}: {needle:?} is not in the structure tree:\n{tree}")
            })
        };
        assert!(
            at("\"Atelier Lumière\"") < at("\"Claire Dupont\""),
            "{style}"
        );
        assert!(at("\"Claire Dupont\"") < at("\"Madame,\""), "{style}");
        assert!(
            tree.contains("Figure"),
            "{style}: the logo is a figure:\n{tree}"
        );
    }
}
