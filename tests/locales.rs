//! Every example of every pack, in every locale, builds to a one-page PDF
//! whose text (read back with poppler) holds the locale's salutation,
//! closing, amount and date; Arabic comes out in logical order.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use common::{lettrine, pdf_pages, pdf_text, root};

/// Removes the invisible bidi controls (isolates, embeddings, marks), which
/// a PDF reader reports around right-to-left runs.
fn without_bidi_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(*c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069))
        .collect()
}

#[test]
fn every_example_reads_back_in_its_language() {
    // (pack, locale, salutation, closing, amount, date), as printed.
    let examples = [
        (
            "refund-refusal",
            "de",
            "Sehr geehrter Herr Becker,",
            "Mit freundlichen Grüßen",
            "649,00 €",
            "Berlin, 16. November 2026",
        ),
        (
            "refund-refusal",
            "es",
            "Estimada Sra. López García:",
            "Atentamente,",
            "549,00 €",
            "Madrid, 5 de noviembre de 2026",
        ),
        // Poppler rebuilds the logical order of right-to-left lines, but
        // moves neutral punctuation and spaces at direction changes
        // ("حداد ،تحية", "€ 64.00"): the Arabic checks use word runs.
        (
            "refund-refusal",
            "ar",
            "السيدة الفاضلة ليلى حداد",
            "وتفضلوا بقبول فائق الاحترام والتقدير،",
            "64.00",
            "نوفمبر 2026",
        ),
        (
            "refund-refusal",
            "fr",
            "Madame,",
            "Veuillez agréer, Madame, l’expression de nos salutations distinguées.",
            "1 234,56 €",
            "Paris, le 23 novembre 2026",
        ),
        (
            "refund-refusal",
            "it",
            "Gentile Sig.ra Rossi,",
            "Le porgiamo distinti saluti.",
            "189,00 €",
            "Milano, 23 novembre 2026",
        ),
        (
            "delivery-delay",
            "fr",
            "Monsieur,",
            "Veuillez agréer, Monsieur, l’expression de nos salutations distinguées.",
            "",
            "Nantes, le 24 novembre 2026",
        ),
        (
            "delivery-delay",
            "it",
            "Gentile Signora Lombardi,",
            "Le porgiamo distinti saluti.",
            "649,00 €",
            "Torino, 24 novembre 2026",
        ),
        (
            "delivery-delay",
            "en",
            "Dear Mr Byrne,",
            "",
            "",
            "Dublin, November 18, 2026",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (pack, locale, salutation, closing, amount, date) in examples {
        let case = root().join(format!("packs/{pack}/examples/{locale}.toml"));
        let pdf = dir.path().join(format!("{pack}-{locale}.pdf"));
        let run = lettrine(
            dir.path(),
            &["build", case.to_str().unwrap(), "-o", pdf.to_str().unwrap()],
        );
        assert_eq!(run.code, 0, "{pack} {locale}: {}", run.stderr);
        assert_eq!(pdf_pages(&pdf), 1, "{pack} {locale} fits on one page");
        let text = without_bidi_controls(&pdf_text(&pdf));
        for expected in [salutation, closing, amount, date] {
            let expected = common::fold(expected);
            assert!(
                text.contains(&expected),
                "{pack} {locale}: {expected:?} is in the PDF's text:\n{text}"
            );
        }
    }
}

#[test]
fn arabic_reads_in_logical_order_with_latin_values_intact() {
    let dir = tempfile::tempdir().unwrap();
    let case = root().join("packs/refund-refusal/examples/ar.toml");
    let pdf = dir.path().join("ar.pdf");
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "-o", "ar.pdf"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = without_bidi_controls(&pdf_text(&pdf));
    for expected in [
        // Sentences with the order number inside, in reading order.
        "نشكركم على طلبيتكم رقم  CMD-2026-00107",
        "طلبكم استرداد المبلغ المدفوع – الطلبية رقم CMD-2026-00107",
        // Latin address lines and contact details keep their own order.
        "18 rue du Faubourg Saint-Denis",
        "15 rue de la République",
        "13001 Marseille",
        "service.client@maison-argane.fr",
        "01 42 46 58 90",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }

    // Isolation marks only around values whose direction differs.
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "--format", "txt"],
    );
    assert!(
        run.stdout
            .contains("الطلبية رقم \u{2068}CMD-2026-00107\u{2069}")
    );
    assert!(
        run.stdout.contains("السيدة الفاضلة ليلى حداد،"),
        "no marks around Arabic"
    );
    let fr = lettrine(
        dir.path(),
        &[
            "build",
            root()
                .join("packs/refund-refusal/examples/fr.toml")
                .to_str()
                .unwrap(),
            "--format",
            "txt",
        ],
    );
    assert!(
        !fr.stdout.contains(['\u{2068}', '\u{2069}']),
        "none in a left-to-right letter"
    );
}

#[test]
fn regional_locales_use_the_language_with_the_region_conventions() {
    let dir = tempfile::tempdir().unwrap();
    let case = root().join("packs/refund-refusal/examples/fr.toml");
    let run = lettrine(
        dir.path(),
        &[
            "build",
            case.to_str().unwrap(),
            "--locale",
            "fr-CH",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let letter: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(letter["locale"], "fr-CH");
    assert_eq!(letter["region"], "CH");
    assert_eq!(letter["layout"]["name"], "sn");
    let decision = letter["body"][1]["text"].as_str().unwrap();
    assert!(decision.contains("1'234,56\u{a0}€"), "{decision}");

    let case = root().join("packs/refund-refusal/examples/de.toml");
    let run = lettrine(
        dir.path(),
        &[
            "build",
            case.to_str().unwrap(),
            "--locale",
            "de-CH",
            "--format",
            "txt",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("€\u{a0}649.00"), "{}", run.stdout);
}
