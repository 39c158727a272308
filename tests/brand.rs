//! A company's own letters: project fonts, themes, a scanned signature,
//! postal mentions and vendored Typst packages, read back as a user would
//! check them (pdffonts, pdfimages, pdftotext) and the exact errors.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{commit, copy_dir, example, git, lettrine, pdf_text, root, write};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// The French example with its `[sender]` table replaced by `sender`
/// lines.
fn french_case(sender: &str) -> String {
    let text = std::fs::read_to_string(example("fr")).unwrap();
    let start = text.find("[sender]").unwrap();
    let end = text.find("[signatory]").unwrap();
    format!("{}[sender]\n{sender}\n{}", &text[..start], &text[end..])
}

/// The French example from a sender whose theme is `theme`, as `name` in
/// `dir`.
fn themed_case(dir: &Path, name: &str, theme: &str) -> PathBuf {
    write(
        dir,
        name,
        &french_case(&format!("{SENDER}\ntheme = \"{theme}\"")),
    )
}

/// `lettrine build CASE -o OUT` in `dir`.
fn build(dir: &Path, case: &Path, out: &str) -> common::Run {
    lettrine(dir, &["build", case.to_str().unwrap(), "-o", out])
}

const SENDER: &str = "name = \"Atelier Lumière\"
address = [\"12 rue des Archives\", \"75004 Paris\"]
email = \"service.client@atelier-lumiere.fr\"
phone = \"01 84 25 36 47\"";

/// A project with the Brand Sans test fonts and a theme setting them.
fn brand_project(dir: &Path) {
    std::fs::create_dir_all(dir.join("fonts")).unwrap();
    for font in ["BrandSans-Regular.ttf", "BrandSans-Bold.ttf"] {
        std::fs::copy(
            root().join("tests/fixtures/fonts").join(font),
            dir.join("fonts").join(font),
        )
        .unwrap();
    }
    write(
        dir,
        "themes/brand.toml",
        "[fonts]\nbody = \"Brand Sans\"\nheading = \"Brand Sans\"\n",
    );
}

/// A small Typst package, vendored as `@preview/stamp:0.1.0`.
fn vendor_stamp(dir: &Path) {
    write(
        dir,
        "typst-packages/preview/stamp/0.1.0/typst.toml",
        "[package]\nname = \"stamp\"\nversion = \"0.1.0\"\nentrypoint = \"lib.typ\"\n",
    );
    write(
        dir,
        "typst-packages/preview/stamp/0.1.0/lib.typ",
        "#let stamp(body) = box(stroke: 0.5pt, inset: 2pt, body)\n",
    );
}

fn pdffonts(pdf: &Path) -> String {
    let out = Command::new("pdffonts").arg(pdf).output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_project_font_is_listed_and_embedded() {
    let dir = tmp();
    brand_project(dir.path());
    let run = lettrine(dir.path(), &["fonts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = run.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "Brand Sans                Bold (fonts/BrandSans-Bold.ttf), Regular (fonts/BrandSans-Regular.ttf)"
    );
    assert!(
        run.stdout
            .contains("Noto Sans                 Bold, Regular  (embedded)\n"),
        "{}",
        run.stdout
    );

    let case = themed_case(dir.path(), "case.toml", "brand");
    let run = build(dir.path(), &case, "a.pdf");
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let fonts = pdffonts(&dir.path().join("a.pdf"));
    let embedded: Vec<&str> = fonts
        .lines()
        .skip(2)
        .map(|l| {
            let name = l.split_whitespace().next().unwrap();
            let embedded = l.split_whitespace().nth(4).unwrap();
            assert_eq!(embedded, "yes", "{l}");
            name.split_once('+').unwrap().1
        })
        .collect();
    assert_eq!(embedded, ["BrandSans-Bold", "BrandSans-Regular"], "{fonts}");
    assert!(pdf_text(&dir.path().join("a.pdf")).contains("Claire Dupont"));
}

#[test]
fn a_character_no_font_draws_is_an_error() {
    let dir = tmp();
    brand_project(dir.path());
    let case = french_case(&format!("{SENDER}\ntheme = \"brand\""))
        .replace("name = \"Claire Dupont\"", "name = \"Łucja Dupont\"");
    let case = write(dir.path(), "case.toml", &case);
    let run = build(dir.path(), &case, "a.pdf");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: no font of the letter can draw 'Ł' (U+0141) in case field recipient.name; tried Brand Sans
 = hint: add a font that has it to the theme's families (fonts.body), or put one in the project's fonts/ folder; `lettrine fonts` lists them

"
    );
    assert!(!dir.path().join("a.pdf").exists());

    // An Arabic name in a Latin letter with the embedded fonts is fine:
    // classic sets Latin text in Libertinus Serif and keeps Noto Naskh
    // Arabic for Arabic script.
    let case = std::fs::read_to_string(example("fr"))
        .unwrap()
        .replace("name = \"Claire Dupont\"", "name = \"ليلى دوبون\"");
    let case = write(dir.path(), "arabic.toml", &case);
    let run = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "-o", "b.pdf"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn a_family_no_font_provides_is_an_error_where_it_is_named() {
    let dir = tmp();
    write(
        dir.path(),
        "themes/brand.toml",
        "[fonts]\nbody = [\"Brand Sans\", \"Noto Sans\"]\n",
    );
    let case = themed_case(dir.path(), "case.toml", "brand");
    let run = build(dir.path(), &case, "a.pdf");
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("theme_unknown_family", run.stderr);

    // A style that names one: Typst only warns and falls back.
    copy_dir(&root().join("styles"), &dir.path().join("styles"));
    let style = dir.path().join("styles/classic.typ");
    let text = std::fs::read_to_string(&style).unwrap();
    std::fs::write(
        &style,
        text.replacen(
            "(\"Libertinus Serif\", arabic)",
            "(\"Libertinus Serif Pro\", arabic)",
            1,
        ),
    )
    .unwrap();
    let plain = write(
        dir.path(),
        "plain.toml",
        &std::fs::read_to_string(example("fr")).unwrap(),
    );
    let run = lettrine(
        dir.path(),
        &["build", plain.to_str().unwrap(), "-o", "b.pdf"],
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("style_unknown_family", run.stderr);
}

#[test]
fn bad_font_files_are_refused_naming_them() {
    let dir = tmp();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    let fixture = root().join("tests/fixtures/fonts");
    std::fs::copy(
        fixture.join("Restricted-Regular.ttf"),
        fonts.join("Restricted-Regular.ttf"),
    )
    .unwrap();
    let whole = std::fs::read(fixture.join("BrandSans-Regular.ttf")).unwrap();
    std::fs::write(fonts.join("Cut.ttf"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(fonts.join("Not-a-font.otf"), b"<html>404</html>").unwrap();
    let run = lettrine(dir.path(), &["fonts"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("bad_fonts", run.stderr);

    // Over the size limit: refused before it is read.
    let big = std::fs::File::create(fonts.join("Huge.ttc")).unwrap();
    big.set_len(33 * 1024 * 1024).unwrap();
    let run = lettrine(dir.path(), &["fonts"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: cannot read fonts/: the file is 34603008 bytes, more than the 33554432 bytes lettrine reads from a font file\n\n"
    );
}

#[test]
fn fonts_are_read_at_the_revision() {
    let dir = tmp();
    let d = dir.path();
    git(d, &["init", "-q"]);
    brand_project(d);
    commit(d, "brand fonts");
    std::fs::remove_dir_all(d.join("fonts")).unwrap();
    let now = lettrine(d, &["fonts"]);
    assert!(!now.stdout.contains("Brand Sans"), "{}", now.stdout);
    let then = lettrine(d, &["--rev", "HEAD", "fonts"]);
    assert_eq!(then.code, 0, "{}", then.stderr);
    assert!(
        then.stdout.starts_with(
            "Brand Sans                Bold (HEAD:fonts/BrandSans-Bold.ttf), Regular (HEAD:fonts/BrandSans-Regular.ttf)\n"
        ),
        "{}",
        then.stdout
    );
}

#[test]
fn bad_theme_keys_and_values_are_reported_at_their_place() {
    let dir = tmp();
    let theme = "[colours]\nprimary = \"navy\"\n\n[logo]\nposition = \"left\"\nheight = 80\n\n[footer.bank]\niban = \"FR16 1020 7000 4512 3456 7890 134\"\nbic = \"CCBP\"\n";
    write(dir.path(), "themes/brand.toml", theme);
    let case = themed_case(dir.path(), "case.toml", "brand");
    let run = build(dir.path(), &case, "a.pdf");
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("theme_bad_values", run.stderr);

    write(
        dir.path(),
        "themes/brand.toml",
        "[colors]\nprimary = \"#1f3a5f\"\n",
    );
    let run = build(dir.path(), &case, "a.pdf");
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("theme_unknown_key", run.stderr);

    themed_case(dir.path(), "other.toml", "brnad");
    let run = lettrine(dir.path(), &["build", "other.toml", "-o", "a.pdf"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("theme_unknown", run.stderr);
}

#[test]
fn the_theme_prints_its_footer_and_the_signature_image() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("senders")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/images/signature.png"),
        dir.path().join("senders/signature.png"),
    )
    .unwrap();
    let case = std::fs::read_to_string(example("fr")).unwrap().replace(
        "signature = \"senders/camille-martin.svg\"",
        "signature = \"senders/signature.png\"",
    );
    let case = write(dir.path(), "case.toml", &case);
    let run = build(dir.path(), &case, "a.pdf");
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let pdf = dir.path().join("a.pdf");
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Siège social : 12 rue des Archives, 75004 Paris Banque Populaire Rives de Paris · IBAN FR16 1020 7000 4512 3456 7890 133 · BIC CCBPFRPPMTG"),
        "{text}"
    );
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    let images: Vec<&str> = list
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .collect();
    // The PNG signature, 240 × 80 pixels (the SVG logo is drawn as paths).
    assert_eq!(images.len(), 1, "{list}");
    let columns: Vec<&str> = images[0].split_whitespace().collect();
    assert_eq!((columns[3], columns[4]), ("240", "80"), "{list}");
    // The signature sits above the signatory's name.
    let layout = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&layout.stdout).contains("Camille Martin"));

    let json = lettrine(
        dir.path(),
        &["build", case.to_str().unwrap(), "--format", "json"],
    );
    let letter: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        letter["signature"]["image"]["file"],
        "/letter-signature.png"
    );
    assert_eq!(letter["signature"]["image"]["alt"], "Camille Martin");
    assert_eq!(letter["theme"]["name"], "atelier-lumiere");
    assert_eq!(letter["theme"]["colours"]["primary"], "#1f3a5f");

    write(
        dir.path(),
        "bad.toml",
        &std::fs::read_to_string(&case).unwrap().replace(
            "signature = \"senders/signature.png\"",
            "signature = \"senders/missing.png\"",
        ),
    );
    let run = lettrine(dir.path(), &["build", "bad.toml", "-o", "a.pdf"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("signature_missing", run.stderr);
}

#[test]
fn postal_mentions_are_printed_in_the_letters_language() {
    let dir = tmp();
    for (locale, mention) in [
        ("it", "Raccomandata A/R n. 15012345678-9"),
        ("de", "Einschreiben Rückschein Nr. RR 1234 5678 9DE"),
    ] {
        let out = dir.path().join(format!("{locale}.pdf"));
        let run = lettrine(
            dir.path(),
            &[
                "build",
                example(locale).to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
        let text = pdf_text(&out);
        assert!(text.contains(mention), "{locale}: {text}");
    }
    let case = std::fs::read_to_string(example("fr")).unwrap()
        + "\n[postal]\nmode = \"registered-receipt\"\nnumber = \"1A 123 456 7890 1\"\n";
    let fr = write(dir.path(), "fr.toml", &case);
    let run = lettrine(
        dir.path(),
        &["build", fr.to_str().unwrap(), "--format", "txt"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "\nLettre recommandée avec accusé de réception n°\u{a0}1A 123 456 7890 1\nClaire Dupont\n"
        ),
        "{}",
        run.stdout
    );
    write(
        dir.path(),
        "priority.toml",
        &case.replace("registered-receipt", "priority"),
    );
    let run = lettrine(dir.path(), &["build", "priority.toml", "-o", "p.pdf"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("postal_priority_number", run.stderr);
}

#[test]
fn a_style_imports_a_vendored_package_and_nothing_else() {
    let dir = tmp();
    let d = dir.path();
    vendor_stamp(d);
    write(
        d,
        "styles/stamped.typ",
        "#import \"@preview/stamp:0.1.0\": stamp\n#let letter = json(\"/letter.json\")\n#stamp[Vendored] #letter.recipient.name\n",
    );
    let case = example("fr");
    let run = lettrine(
        d,
        &[
            "build",
            case.to_str().unwrap(),
            "--style",
            "stamped",
            "-o",
            "a.pdf",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(pdf_text(&d.join("a.pdf")), "Vendored Claire Dupont");

    write(
        d,
        "styles/stamped.typ",
        "#import \"@preview/stamp:0.2.0\": stamp\n#stamp[x]\n",
    );
    let run = lettrine(
        d,
        &[
            "build",
            case.to_str().unwrap(),
            "--style",
            "stamped",
            "-o",
            "b.pdf",
        ],
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("package_not_vendored", run.stderr);
}

#[test]
fn an_issued_letter_records_its_fonts_and_packages_and_verifies() {
    let dir = tmp();
    let d = dir.path();
    brand_project(d);
    // A style of the project that imports a vendored package.
    vendor_stamp(d);
    let classic = std::fs::read_to_string(root().join("styles/classic.typ")).unwrap();
    write(
        d,
        "styles/stamped.typ",
        &format!("#import \"@preview/stamp:0.1.0\": stamp\n{classic}"),
    );
    let case = themed_case(d, "case.toml", "brand");
    let text = std::fs::read_to_string(&case).unwrap();
    std::fs::write(
        &case,
        text.replacen("place = ", "style = \"stamped\"\nplace = ", 1),
    )
    .unwrap();
    let run = lettrine(
        d,
        &[
            "issue",
            case.to_str().unwrap(),
            "--issuer",
            "Camille Martin",
            "--approved-by",
            "Maître Bernard",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let record = std::fs::read_dir(d.join("archive"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .unwrap()
        .path();
    for input in [
        "inputs/fonts/BrandSans-Regular.ttf",
        "inputs/fonts/BrandSans-Bold.ttf",
        "inputs/themes/brand.toml",
        "inputs/styles/stamped.typ",
        "inputs/typst-packages/preview/stamp/0.1.0/typst.toml",
        "inputs/typst-packages/preview/stamp/0.1.0/lib.typ",
    ] {
        assert!(record.join(input).is_file(), "{input} is recorded");
    }
    let manifest = std::fs::read_to_string(record.join("manifest.toml")).unwrap();
    assert!(
        manifest.contains("fonts/BrandSans-Regular.ttf"),
        "{manifest}"
    );
    // verify rebuilds it from the record alone, with those font bytes.
    std::fs::remove_dir_all(d.join("fonts")).unwrap();
    std::fs::remove_dir_all(d.join("typst-packages")).unwrap();
    let run = lettrine(d, &["verify"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("rebuilt to the same bytes"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_pack_words_a_postal_mention_its_own_way() {
    let dir = tmp();
    let d = dir.path();
    copy_dir(
        &root().join("packs/refund-refusal"),
        &d.join("packs/refund-refusal"),
    );
    let ftl = d.join("packs/refund-refusal/fr/letter.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    std::fs::write(
        &ftl,
        format!("{text}\npostal-registered = Envoi recommandé, numéro {{ $postal-number }}\n"),
    )
    .unwrap();
    let case = std::fs::read_to_string(example("fr")).unwrap()
        + "\n[postal]\nmode = \"registered\"\nnumber = \"1A 42\"\n";
    let case = write(d, "case.toml", &case);
    let run = lettrine(d, &["build", case.to_str().unwrap(), "--format", "txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("\nEnvoi recommandé, numéro 1A 42\nClaire Dupont\n"),
        "{}",
        run.stdout
    );
}
