//! Layout profiles: the address block lands where each envelope convention
//! puts it, read back from the typeset document's own positions.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

use std::path::Path;

use lettrine::builder::{Builder, Overrides};
use lettrine::render::{PlacedText, RenderOptions};
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

#[test]
fn the_address_block_sits_where_each_profile_says() {
    // Two packs with one style: profiles do not depend on the pack.
    for (case, recipient) in [
        ("packs/refund-refusal/examples/fr.toml", "Claire"),
        ("packs/delivery-delay/examples/it.toml", "Francesca"),
    ] {
        check_profiles(Path::new(case), recipient);
    }
}

fn check_profiles(case: &Path, recipient: &str) {
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
            profile: Some(profile.to_owned()),
            ..Overrides::default()
        };
        let letter = builder.letter(&case, &overrides).unwrap();
        assert_eq!(letter.layout.name, profile);
        let typeset = builder.typeset(&letter, &RenderOptions::default()).unwrap();
        let name = find(&typeset.placed_text(), recipient);
        assert!(
            (name.x - x).abs() < 1.0 && (name.cap_top - y).abs() < 1.0,
            "{profile}: the recipient is at x {:.1} mm, top {:.1} mm; expected {x}, {y}",
            name.x,
            name.cap_top
        );
        assert_eq!(typeset.pages(), 1, "{profile}: the letter stays one page");
    }
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
