//! Layout profiles: the address block lands where each envelope convention
//! puts it, read back from the typeset document's own positions.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::path::Path;

use lettrine::builder::{Builder, Overrides};
use lettrine::render::{Output, PlacedText, RenderOptions};
use lettrine::revision::Project;

fn builder() -> Builder {
    Builder::new(Project::new(Some(Path::new(env!("CARGO_MANIFEST_DIR")))).unwrap())
}

/// The first-page text run that starts with `prefix`.
fn find(runs: &[PlacedText], prefix: &str) -> PlacedText {
    runs.iter()
        .find(|r| r.page == 0 && r.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no run starting with {prefix:?} in {runs:#?}"))
        .clone()
}

/// The shipped styles: each serves every pack, profile and locale.
const STYLES: [&str; 3] = ["classic", "modern", "din"];

#[test]
fn the_address_block_sits_where_each_profile_says_in_every_style() {
    // Two packs: profiles do not depend on the pack.
    for style in STYLES {
        for (case, recipient) in [
            ("packs/refund-refusal/examples/fr.toml", "Claire"),
            ("packs/delivery-delay/examples/it.toml", "Francesca"),
        ] {
            check_profiles(style, Path::new(case), recipient);
        }
    }
}

fn check_profiles(style: &str, case: &Path, recipient: &str) {
    let builder = builder();
    let case = builder
        .read_case(&Path::new(env!("CARGO_MANIFEST_DIR")).join(case))
        .unwrap();
    // (profile, left edge of the address text, top of its first line), in
    // mm from the sheet's top-left corner, from the standards themselves:
    // NF Z 11-001 field at 100/35 with a 10 mm indent and a 5 mm return
    // line; DIN 5008 field at x 20 with a 5 mm indent, the address below the
    // 5 mm return line and the 12.7 mm notes zone (y 27 for form A, 45 for
    // form B); SN 010130 field 90 mm wide ending 8 mm from the right edge,
    // y 45, 5 mm return line; Italy 40 mm from the top, x 100 + 10.
    let expected = [
        ("nf", 110.0, 40.0),
        ("din-5008-a", 25.0, 44.7),
        ("din-5008-b", 25.0, 62.7),
        ("sn", 112.0, 50.0),
        ("it", 110.0, 40.0),
    ];
    for (profile, x, y) in expected {
        let overrides = Overrides {
            style: Some(style.to_owned()),
            profile: Some(profile.to_owned()),
            ..Overrides::default()
        };
        let letter = builder.letter(&case, &overrides).unwrap();
        assert_eq!(letter.layout.name, profile);
        assert_eq!(letter.style, style);
        let typeset = builder.typeset(&letter, &RenderOptions::default()).unwrap();
        let name = find(&typeset.placed_text(), recipient);
        assert!(
            (name.x - x).abs() < 1.0 && (name.cap_top - y).abs() < 1.0,
            "{style}, {profile}: the recipient is at x {:.1} mm, top {:.1} mm; expected {x}, {y}",
            name.x,
            name.cap_top
        );
        assert_eq!(
            typeset.pages(),
            1,
            "{style}, {profile}: the letter stays one page"
        );
    }
}

#[test]
fn postal_mentions_sit_where_each_profile_says_in_every_style() {
    let builder = builder();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // (profile, left edge of the address text, top of the recipient's first
    // line without a mention), as in check_profiles.
    let expected = [
        ("nf", 110.0, 40.0),
        ("din-5008-a", 25.0, 44.7),
        ("din-5008-b", 25.0, 62.7),
        ("sn", 112.0, 50.0),
        ("it", 110.0, 40.0),
    ];
    // Two cases that are posted registered with acknowledgement of receipt.
    for case in [
        "packs/refund-refusal/examples/de.toml",
        "packs/refund-refusal/examples/it.toml",
    ] {
        let case = builder.read_case(&root.join(case)).unwrap();
        for style in STYLES {
            for (profile, x, y) in expected {
                let overrides = Overrides {
                    style: Some(style.to_owned()),
                    profile: Some(profile.to_owned()),
                    ..Overrides::default()
                };
                let letter = builder.letter(&case, &overrides).unwrap();
                let mention = &letter.postal.as_ref().expect("the case is posted").mention;
                let field = &letter.layout.address;
                let typeset = builder.typeset(&letter, &RenderOptions::default()).unwrap();
                let runs = typeset.placed_text();
                let what = format!("{style}, {profile}, {}", letter.locale);
                let first_word = mention.split(' ').next().unwrap();
                let printed = find(&runs, first_word);
                let name = find(&runs, &letter.recipient.name);
                let last = find(&runs, letter.recipient.address.last().unwrap());
                assert!(
                    (printed.x - x).abs() < 1.0,
                    "{what}: the mention starts at x {:.1} mm, not {x}",
                    printed.x
                );
                if field.notes > 0.0 {
                    // In DIN 5008's notes zone, the recipient where it was.
                    let zone = field.y + field.return_address;
                    assert!(
                        printed.cap_top > zone && printed.baseline < zone + field.notes,
                        "{what}: the mention (top {:.1}, baseline {:.1} mm) is in the notes zone {zone} .. {}",
                        printed.cap_top,
                        printed.baseline,
                        zone + field.notes
                    );
                    assert!(
                        (name.cap_top - y).abs() < 1.0,
                        "{what}: the recipient is at top {:.1} mm; expected {y}",
                        name.cap_top
                    );
                } else {
                    // On the recipient's first line, the recipient one line
                    // down, all of it still in the window.
                    assert!(
                        (printed.cap_top - y).abs() < 1.0,
                        "{what}: the mention's top is at {:.1} mm; expected {y}",
                        printed.cap_top
                    );
                    assert!(
                        name.cap_top > printed.baseline + 1.0
                            && name.cap_top < printed.baseline + 6.0,
                        "{what}: the recipient (top {:.1} mm) is one line below the mention (baseline {:.1} mm)",
                        name.cap_top,
                        printed.baseline
                    );
                }
                assert!(
                    last.baseline < field.y + field.height,
                    "{what}: the address's last line (baseline {:.1} mm) is in the window, which ends at {}",
                    last.baseline,
                    field.y + field.height
                );
                assert_eq!(typeset.pages(), 1, "{what}: the letter stays one page");
            }
        }
    }
}

#[test]
fn every_style_draws_the_debug_layout() {
    let builder = builder();
    let case = builder
        .read_case(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("packs/refund-refusal/examples/fr.toml"),
        )
        .unwrap();
    for style in STYLES {
        let overrides = Overrides {
            style: Some(style.to_owned()),
            profile: Some("din-5008-b".to_owned()),
            ..Overrides::default()
        };
        let letter = builder.letter(&case, &overrides).unwrap();
        let options = RenderOptions {
            debug_layout: true,
            ..RenderOptions::default()
        };
        let runs = builder.typeset(&letter, &options).unwrap().placed_text();
        for label in [
            "window 85×45 mm at 20, 45",
            "notes",
            "fold 105 mm",
            "fold 210 mm",
            "hole 148.5 mm",
            "reference line 98.5 mm",
            "information block",
            "margins",
            "letterhead",
            "profile din-5008-b",
        ] {
            assert!(
                runs.iter().any(|r| r.text == label),
                "{style}: {label:?} is drawn"
            );
        }
        let plain = builder.typeset(&letter, &RenderOptions::default()).unwrap();
        assert!(
            !plain
                .placed_text()
                .iter()
                .any(|r| r.text == "profile din-5008-b"),
            "{style}: no overlay without --debug-layout"
        );
    }
}

#[test]
fn every_style_prints_every_example_of_every_pack() {
    let builder = builder();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut examples: Vec<_> = ["refund-refusal", "delivery-delay"]
        .iter()
        .flat_map(|pack| {
            std::fs::read_dir(root.join("packs").join(pack).join("examples"))
                .unwrap()
                .map(|e| e.unwrap().path())
        })
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 10, "{examples:?}");
    for style in STYLES {
        for path in &examples {
            let case = builder.read_case(path).unwrap();
            let overrides = Overrides {
                style: Some(style.to_owned()),
                ..Overrides::default()
            };
            let letter = builder.letter(&case, &overrides).unwrap();
            let what = format!("{style}, {}", path.display());
            let typeset = builder
                .typeset(&letter, &RenderOptions::default())
                .unwrap_or_else(|e| panic!("{what}: {e:?}"));
            let pdf = dir.path().join("letter.pdf");
            std::fs::write(&pdf, typeset.export(Output::Pdf).unwrap()).unwrap();
            let text = without_bidi_controls(&common::pdf_text(&pdf));
            for expected in [&letter.recipient.name, &letter.subject.text] {
                let expected = without_bidi_controls(&common::fold(expected));
                if letter.dir == "rtl" {
                    // poppler gives runs of mixed direction in visual
                    // order, and the letters of a ligature (Noto Sans
                    // Arabic's lam-alef) in reverse: each word is there, as
                    // its letters.
                    let letters = |w: &str| {
                        let mut l: Vec<char> = w.chars().collect();
                        l.sort_unstable();
                        l
                    };
                    let words: Vec<_> = text.split(' ').map(letters).collect();
                    for word in expected.split(' ') {
                        assert!(
                            words.contains(&letters(word)),
                            "{what}: {word:?} is printed: {text}"
                        );
                    }
                } else {
                    assert!(
                        text.contains(&expected),
                        "{what}: {expected:?} is printed: {text}"
                    );
                }
            }
            assert_eq!(typeset.pages(), 1, "{what}: the example stays one page");
        }
    }
}

/// The text without the marks that only steer the direction (Fluent's
/// isolation marks, poppler's embeddings).
fn without_bidi_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

#[test]
fn each_locale_has_its_default_profile() {
    let builder = builder();
    for (locale, profile) in [
        ("fr", "nf"),
        ("fr-BE", "nf"),
        ("fr-CH", "sn"),
        ("de", "din-5008-b"),
        ("de-AT", "din-5008-b"),
        ("de-CH", "sn"),
        ("it", "it"),
        ("it-CH", "sn"),
        ("en", "nf"),
        ("ar", "nf"),
    ] {
        assert_eq!(
            builder.default_profile(locale).unwrap().name,
            profile,
            "{locale}"
        );
    }
}
