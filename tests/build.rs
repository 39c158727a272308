//! `lettrine build`: each example letter as PDF (read back through a real
//! PDF reader), text and JSON; determinism; atomic output; and the exact
//! error for each class of bad input.

mod common;

use common::{example, fold, french_with, lettrine, pdf_page_texts, pdf_pages, pdf_text, write};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

#[test]
fn french_example_pdf_reads_back() {
    let dir = tmp();
    let out = dir.path().join("dupont.pdf");
    let run = lettrine(
        dir.path(),
        &["build", example("fr").to_str().unwrap(), "-o", "dupont.pdf"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(pdf_pages(&out), 1);
    let text = pdf_text(&out);
    for expected in [
        "Claire Dupont",
        "Paris, le 23 novembre 2026",
        "Objet : Votre demande de remboursement – commande n° CMD-2026-00042",
        "Madame,",
        "Nous vous remercions, Madame Dupont,",
        "d’un montant de 1 234,56 €",
        "livré dans le délai convenu, le 1er octobre 2026",
        "l’article L221-28, 3° du Code de la consommation",
        "garantie légale de conformité",
        "bon d’achat d’une valeur de 80,00 €, valable jusqu’au 31 mars 2027",
        "Veuillez agréer, Madame, l’expression de nos salutations distinguées.",
        "Camille Martin Responsable du service client",
        "P.J. : – Copie de la facture – Conditions générales de vente",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the PDF text:\n{text}"
        );
    }
    assert!(
        !text.contains('\u{2068}') && !text.contains('\u{2069}'),
        "no bidi isolation marks"
    );
    assert!(!text.contains("{$"), "no unresolved variable");
}

#[test]
fn italian_example_pdf_reads_back() {
    let dir = tmp();
    let run = lettrine(
        dir.path(),
        &["build", example("it").to_str().unwrap(), "-o", "rossi.pdf"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let out = dir.path().join("rossi.pdf");
    assert_eq!(pdf_pages(&out), 1);
    let text = pdf_text(&out);
    for expected in [
        "Giulia Rossi",
        "Milano, 23 novembre 2026",
        "Oggetto: Sua richiesta di rimborso – ordine n. ORD-2026-01873",
        "Gentile Sig.ra Rossi,",
        "dell’importo di 189,00 €",
        "art. 52 del Codice del consumo",
        "garanzia legale di conformità",
        "sconto del 15%",
        "distinti saluti",
        "Allegati: – Copia della fattura",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the PDF text:\n{text}"
        );
    }
}

#[test]
fn english_example_pdf_reads_back() {
    let dir = tmp();
    let run = lettrine(
        dir.path(),
        &["build", example("en").to_str().unwrap(), "-o", "morgan.pdf"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let out = dir.path().join("morgan.pdf");
    assert_eq!(pdf_pages(&out), 1);
    let text = pdf_text(&out);
    for expected in [
        "Alex Morgan",
        "Lyon, November 23, 2026",
        "Subject:",
        "Dear Sir or Madam,",
        "Yours faithfully,",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the PDF text:\n{text}"
        );
    }
}

#[test]
fn the_same_case_gives_the_same_bytes() {
    let dir = tmp();
    let case = example("fr");
    let case = case.to_str().unwrap();
    assert_eq!(
        lettrine(dir.path(), &["build", case, "-o", "a.pdf"]).code,
        0
    );
    assert_eq!(
        lettrine(dir.path(), &["build", case, "-o", "b.pdf"]).code,
        0
    );
    let a = std::fs::read(dir.path().join("a.pdf")).unwrap();
    let b = std::fs::read(dir.path().join("b.pdf")).unwrap();
    assert!(a == b, "two builds of one case differ");
    // A different case gives a different document identifier.
    let other = write(
        dir.path(),
        "other.toml",
        &french_with("Claire Dupont", "Claire Durand"),
    );
    assert_eq!(
        lettrine(
            dir.path(),
            &["build", other.to_str().unwrap(), "-o", "c.pdf"]
        )
        .code,
        0
    );
    assert_ne!(a, std::fs::read(dir.path().join("c.pdf")).unwrap());
}

#[test]
fn text_output_is_the_letter_in_reading_order() {
    let run = lettrine(
        &common::root(),
        &["build", example("fr").to_str().unwrap(), "--format", "txt"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("fr_txt", run.stdout);
}

#[test]
fn json_output_is_the_letter_ir() {
    let run = lettrine(
        &common::root(),
        &["build", example("it").to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let letter: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(letter["pack"]["id"], "refund-refusal");
    assert_eq!(letter["locale"], "it");
    let messages: Vec<&str> = letter["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "thanks",
            "decision",
            "reason-withdrawal-period-expired",
            "guarantee-reminder",
            "enclosures-note",
            "concession",
            "discuss",
            "thanks-again"
        ]
    );
    insta::assert_snapshot!("it_json", run.stdout);
}

#[test]
fn french_text_has_no_break_spaces_where_typography_wants_them() {
    let run = lettrine(
        &common::root(),
        &["build", example("fr").to_str().unwrap(), "--format", "json"],
    );
    let letter: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(letter["labels"]["subject"], "Objet\u{A0}:");
    // 1 234,56 € is above the pack's 500 threshold: the legal review applies.
    assert_eq!(letter["review"][0]["rule"], "legal");
    let decision = letter["body"][1]["text"].as_str().unwrap();
    assert!(decision.contains("1\u{202F}234,56\u{A0}€"), "{decision}");
}

#[test]
fn png_and_svg_outputs() {
    let dir = tmp();
    let run = lettrine(
        dir.path(),
        &[
            "build",
            example("it").to_str().unwrap(),
            "--format",
            "png",
            "-o",
            "rossi.png",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let png = std::fs::read(dir.path().join("rossi.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // 144 pixels per inch on A4: 1191 × 1684 pixels.
    let (width, height) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((width, height), (1191, 1684));
    let run = lettrine(
        dir.path(),
        &["build", example("it").to_str().unwrap(), "-o", "rossi.svg"],
    );
    assert_eq!(run.code, 0);
    let svg = std::fs::read_to_string(dir.path().join("rossi.svg")).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
}

#[test]
fn default_output_name_comes_from_the_case() {
    let dir = tmp();
    let run = lettrine(dir.path(), &["build", example("fr").to_str().unwrap()]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(dir.path().join("fr.pdf").is_file());
}

#[test]
fn a_json_case_builds_like_its_toml_twin() {
    let dir = tmp();
    let json = r#"{
  "pack": "refund-refusal", "locale": "fr", "date": "2026-11-23", "place": "Paris",
  "reasons": ["custom-made"],
  "sender": {"name": "Atelier Lumière", "address": ["12 rue des Archives", "75004 Paris"],
             "email": "service.client@atelier-lumiere.fr", "phone": "01 84 25 36 47"},
  "signatory": {"name": "Camille Martin", "role": "Responsable du service client"},
  "recipient": {"name": "Claire Dupont", "surname": "Dupont", "salutation": "madame",
                "address": ["8 avenue Jean Jaurès", "69007 Lyon"]},
  "order": {"number": "CMD-2026-00042", "date": "2026-09-14", "item": "une bibliothèque",
            "amount": "1234.56", "delivery-date": "2026-10-01"},
  "request": {"date": "2026-11-02"}
}"#;
    let case = write(dir.path(), "case.json", json);
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "--format", "txt"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("d’un montant de 1\u{202F}234,56\u{A0}€"),
        "{}",
        run.stdout
    );
    assert!(fold(&run.stdout).contains("Madame,"));
}

#[test]
fn markup_in_case_data_is_printed_literally() {
    let dir = tmp();
    let hostile = r#"#read(\"/etc/passwd\") *gras* $x^2$ <l> @ref \\ ] // _i_"#;
    let case = write(
        dir.path(),
        "case.toml",
        &french_with("name = \"Claire Dupont\"", &format!("name = \"{hostile}\"")),
    );
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "-o", "out.pdf"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let text = pdf_text(&dir.path().join("out.pdf"));
    let literal = r#"#read("/etc/passwd") *gras* $x^2$ <l> @ref \ ] // _i_"#;
    assert!(
        text.contains(literal),
        "{literal:?} not printed literally:\n{text}"
    );
    assert!(!text.contains("root:"), "the style read a file it must not");
}

#[test]
fn a_failed_build_writes_nothing() {
    let dir = tmp();
    let case = write(
        dir.path(),
        "case.toml",
        &french_with("place = \"Paris\"", "place = 3"),
    );
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "-o", "out.pdf"],
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "only the case is there"
    );
}

/// Builds `case` (a modified French example) and returns the exit code and
/// what was printed on standard error.
fn bad(name: &str, text: &str) -> (i32, String) {
    let dir = tmp();
    write(dir.path(), name, text);
    let run = lettrine(dir.path(), &["build", name, "--format", "txt"]);
    assert_eq!(run.stdout, "", "nothing on stdout for a bad case");
    (run.code, run.stderr)
}

/// One case per class of bad input, each with its exact diagnostics
/// (snapshots named after the class).
#[test]
fn bad_cases_give_exact_errors() {
    let several = french_with("place = \"Paris\"", "place = 75").replacen(
        "kind = \"voucher\"",
        "kind = \"cash\"",
        1,
    );
    // A voucher needs its amount; a digital-content refusal needs the consent date.
    let conditional = french_with("amount = \"80.00\"\n", "").replacen(
        "reasons = [\"custom-made\"]",
        "reasons = [\"digital-content-started\"]",
        1,
    );
    let cases = [
        (
            "unknown_key",
            "case.toml",
            french_with("number = \"CMD", "numbr = \"CMD"),
        ),
        (
            "missing_required_field",
            "case.toml",
            french_with(
                "item = \"une bibliothèque en chêne réalisée sur mesure\"\n",
                "",
            ),
        ),
        (
            "wrong_type",
            "case.toml",
            french_with("place = \"Paris\"", "place = 75"),
        ),
        (
            "unknown_reason_code",
            "case.toml",
            french_with(
                "reasons = [\"custom-made\"]",
                "reasons = [\"custom-made\", \"buyers-remorse\", \"custommade\"]",
            ),
        ),
        (
            "bad_date",
            "case.toml",
            french_with("date = 2026-09-14", "date = \"2026-02-30\""),
        ),
        (
            "amount_that_is_not_a_decimal",
            "case.toml",
            french_with("amount = \"1234.56\"", "amount = \"1 234,56\""),
        ),
        (
            "amount_written_as_a_float",
            "case.toml",
            french_with("amount = \"1234.56\"", "amount = 1234.56"),
        ),
        (
            "several_problems_are_reported_together",
            "case.toml",
            several,
        ),
        ("conditional_requirements", "case.toml", conditional),
        (
            "toml_syntax_error",
            "case.toml",
            french_with("place = \"Paris\"", "place = \"Paris"),
        ),
        (
            "json_syntax_error",
            "case.json",
            "{\n  \"pack\": \"refund-refusal\",\n  \"locale\": \"fr\",\n}\n".to_owned(),
        ),
        (
            "unknown_pack",
            "case.toml",
            french_with("pack = \"refund-refusal@^1\"", "pack = \"refund-refusl\""),
        ),
        (
            "unknown_locale",
            "case.toml",
            french_with("locale = \"fr\"", "locale = \"pt\""),
        ),
        (
            "version_mismatch",
            "case.toml",
            french_with(
                "pack = \"refund-refusal@^1\"",
                "pack = \"refund-refusal@^2.1\"",
            ),
        ),
    ];
    for (class, file, text) in cases {
        let (code, stderr) = bad(file, &text);
        assert_eq!(code, 1, "{class}: {stderr}");
        insta::assert_snapshot!(class, stderr);
    }
}

#[test]
fn invalid_utf8() {
    let dir = tmp();
    let mut bytes = b"pack = \"refund-refusal\"\nlocale = \"fr\"\nplace = \"Par".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"is\"\n");
    std::fs::write(dir.path().join("case.toml"), bytes).unwrap();
    let run = lettrine(dir.path(), &["build", "case.toml"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn missing_file_and_usage_errors() {
    let dir = tmp();
    let run = lettrine(dir.path(), &["build", "nowhere.toml"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: cannot read nowhere.toml: No such file or directory (os error 2)\n\n"
    );
    let run = lettrine(dir.path(), &["build", "--frobnicate"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: unexpected argument '--frobnicate' found"),
        "{}",
        run.stderr
    );
}

#[test]
fn locale_and_style_overrides() {
    let run = lettrine(
        &common::root(),
        &[
            "build",
            example("fr").to_str().unwrap(),
            "--locale",
            "it",
            "--format",
            "txt",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Gentile Sig.ra Dupont,"),
        "{}",
        run.stdout
    );
    // The jurisdiction follows the locale: an Italian letter cites Italian law.
    assert!(
        run.stdout.contains("59, comma 1, lettera c)"),
        "{}",
        run.stdout
    );
    let run = lettrine(
        &common::root(),
        &[
            "build",
            example("fr").to_str().unwrap(),
            "--style",
            "nope",
            "-o",
            "-",
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no style named \"nope\"\n = hint: the styles are: classic, din, modern\n\n"
    );
}

/// The French example with four reasons: a letter of two pages.
fn long_french(dir: &std::path::Path) -> std::path::PathBuf {
    let long = french_with(
        "reasons = [\"custom-made\"]",
        "reasons = [\"custom-made\", \"withdrawal-period-expired\", \"in-store-purchase\", \"sealed-hygiene-opened\"]",
    );
    write(dir, "long.toml", &long)
}

#[test]
fn page_numbers_only_on_letters_longer_than_a_page() {
    let dir = tmp();
    let case = long_french(dir.path());
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "-o", "long.pdf"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let pdf = dir.path().join("long.pdf");
    assert_eq!(pdf_pages(&pdf), 2);
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Page 1 / 2") && text.contains("Page 2 / 2"),
        "{text}"
    );

    let run = lettrine(
        dir.path(),
        &["build", example("fr").to_str().unwrap(), "-o", "short.pdf"],
    );
    assert_eq!(run.code, 0);
    assert!(!pdf_text(&dir.path().join("short.pdf")).contains("Page 1"));
}

#[test]
fn a_long_draft_says_so_at_the_top_of_every_page_in_every_style() {
    // The example's amount calls for review: the letter is a draft. The
    // styles draw the band from the page's foreground, reading the notice
    // when the page is drawn.
    let dir = tmp();
    let case = long_french(dir.path());
    for style in ["classic", "modern", "din"] {
        let out = format!("{style}.pdf");
        let run = lettrine(
            dir.path(),
            &[
                "build",
                case.to_str().unwrap(),
                "--style",
                style,
                "-o",
                &out,
            ],
        );
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{style}");
        let pages = pdf_page_texts(&dir.path().join(&out));
        assert!(pages.len() >= 2, "{style}: {pages:?}");
        for (number, text) in pages.iter().enumerate() {
            assert!(
                text.trim_start().starts_with(
                    "DRAFT — review required: legal (order.amount is 1234.56 EUR, more than 500)"
                ),
                "{style}, page {}: {text}",
                number + 1
            );
        }
    }
}

#[test]
fn colour_is_chosen_by_the_flag() {
    let dir = tmp();
    write(
        dir.path(),
        "case.toml",
        &french_with("place = \"Paris\"", "place = 75"),
    );
    let always = lettrine(dir.path(), &["--color", "always", "build", "case.toml"]);
    assert!(
        always.stderr.contains("\u{1b}["),
        "colour codes with --color always"
    );
    let never = lettrine(dir.path(), &["--color", "never", "build", "case.toml"]);
    assert!(
        !never.stderr.contains('\u{1b}'),
        "no colour codes with --color never"
    );
    // Without a terminal, auto means no colour.
    let auto = lettrine(dir.path(), &["build", "case.toml"]);
    assert_eq!(auto.stderr, never.stderr);
}

#[test]
fn an_output_extension_lettrine_does_not_write_is_a_usage_error() {
    let dir = tmp();
    let case = example("fr");
    for name in ["letter.odt", "letter.doc"] {
        let run = lettrine(dir.path(), &["build", case.to_str().unwrap(), "-o", name]);
        assert_eq!(run.code, 2);
        let ext = name.rsplit('.').next().unwrap();
        assert_eq!(
            run.stderr,
            format!(
                "error: -o {name}: lettrine does not write .{ext} files\n = hint: it writes .pdf, .docx, .png, .svg, .txt and .json; name the file so, or give --format\n\n"
            )
        );
        assert!(!dir.path().join(name).exists());
    }
    // Upper case is the same extension; --format says the name is meant.
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "-o", "A.PDF"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let run = lettrine(
        dir.path(),
        &[
            "build",
            case.to_str().unwrap(),
            "-o",
            "letter.bin",
            "--format",
            "pdf",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(
        std::fs::read(dir.path().join("letter.bin"))
            .unwrap()
            .starts_with(b"%PDF")
    );
}
