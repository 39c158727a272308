//! The hostile corpus, `tests/fixtures/hostile/`: data is never evaluated
//! as Typst, and the sandbox holds.
//!
//! - `markup.toml`, `markup.json`, `markup.csv`: Typst markup and code in
//!   every text field of a case, printed as written (PDF, txt, json).
//! - `markup.ftl`: the same in a pack's messages.
//! - `bidi-unclosed.toml`: direction controls a value opens and never closes.
//! - `styles/`: styles that try to leave their folder, read system files,
//!   import packages, or run the letter as code.
//! - `names/`: pack, style, profile and locale names that are paths.
//! - `paths/`: sender files and logos outside the project, directly or
//!   through symbolic links (made here: they cannot be committed).
//!
//! Every refusal is an exact error at its place, a non-zero exit, and no
//! output file, not even a temporary one.

mod common;

use std::path::{Path, PathBuf};

use common::{copy_dir, example, fold, lettrine, pdf_text, root, write};

fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures/hostile").join(path)
}

/// What a line of /etc/passwd starts with: never in a letter.
const PASSWD: &str = "root:x:0:0";

/// The text of a PDF, white space folded, words that the layout hyphenated
/// at a line's end joined again (pdftotext gives Typst's soft hyphen).
fn words(pdf: &Path) -> String {
    pdf_text(pdf).replace("\u{AD} ", "")
}

/// The files of a folder, temporary ones included (`.lettrine-…`).
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

/// How the letter of `markup.toml` prints: each value exactly as written
/// (in the French messages, with the no-break spaces French puts before
/// `:` and `!`, which `fold` makes plain spaces), nothing evaluated.
const PRINTED: &[&str] = &[
    // place, in the date line.
    "#read(\"/etc/passwd\"), le 23 novembre 2026",
    // sender.name in the letterhead, then the return address: the name
    // and every line of sender.address, joined.
    "*bold* _emph_ #import \"@preview/x:0.1.0\" $x^2$ <label> = heading - list + enum @ref /* block */ \\ back\\slash \\#hash",
    "*bold* _emph_ · #import \"@preview/x:0.1.0\" · $x^2$ <label> · = heading · - list · + enum",
    // recipient.name and recipient.address, in the address field.
    "#show: none ] close [ open #let x = [ #include \"/letter.json\"",
    // request.reference and order.number, in the references; order.number
    // in the subject.
    "V/Réf. : \\u{41} \\ # <ref> N/Réf. : #[x]",
    "Objet : Votre demande de remboursement – commande n° #[x]",
    // order.item in a sentence, twice; the balanced override of
    // recipient.surname does not reach the text after it.
    ", de votre commande n° #[x] du 14 septembre 2026, portant sur = heading - list *b* #panic(\"x\") ! #set text(size : 40pt), ainsi que d’avoir pris le temps de nous écrire à son sujet le 2 novembre 2026.",
    "Le bien que vous avez commandé, = heading - list *b* #panic(\"x\") ! #set text(size : 40pt), a été fabriqué selon",
    // sender.email and sender.phone in a sentence.
    "vous pouvez nous écrire à l’adresse @ref /* block */ ou nous joindre par téléphone au \\ back\\slash \\#hash.",
    // signatory.name, signatory.role, sender.name, then sender.legal.
    "`raw` #{ panic() } #set page(width: 1cm) *bold* _emph_ non~breaking dash---dash \"quotes\" // line",
];

/// The start of `markup.toml`'s letter as text: values verbatim, each list
/// item on its own line, French spacing as the letter applies it.
const TEXT_START: &str = "*bold* _emph_
#import \"@preview/x:0.1.0\"
$x^2$ <label>
= heading
- list
+ enum
@ref /* block */
\\ back\\slash \\#hash

#show: none
] close [ open
#let x = [
#include \"/letter.json\"

#read(\"/etc/passwd\"), le 23 novembre 2026

V/Réf.\u{A0}: \\u{41} \\ # <ref>
N/Réf.\u{A0}: #[x]
Objet\u{A0}: Votre demande de remboursement – commande n° #[x]

Madame,

Nous vous remercions, Madame \u{202E}evil\u{202C}, de votre commande n° #[x] du 14 septembre 2026, portant sur = heading - list *b* #panic(\"x\")\u{202F}! #set text(size\u{A0}: 40pt), ainsi que d’avoir pris le temps de nous écrire à son sujet le 2 novembre 2026.
";

/// Standard error less the spelling warnings on the case's text: the
/// hostile case's item is Typst code and English words in a French letter,
/// which `build` rightly warns about (each word it reports is checked).
fn without_spelling(stderr: &str) -> String {
    let mut kept = String::new();
    for block in stderr.split_inclusive("\n\n") {
        match block.strip_prefix("warning[spelling::unknown-word]: unknown word “") {
            Some(rest) => {
                let word = rest.split('”').next().unwrap_or_default();
                assert!(
                    ["heading", "list", "text", "size"].contains(&word),
                    "an unexpected spelling warning: {block}"
                );
            }
            None => kept.push_str(block),
        }
    }
    kept
}

/// Builds `case` (copied into a fresh folder under `name`) to PDF and
/// checks what the letter prints.
fn check_markup_pdf(case: &Path, name: &str) -> String {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(case, dir.path().join(name)).expect("copy the case");
    let run = lettrine(dir.path(), &["build", name, "-o", "letter.pdf"]);
    assert_eq!(
        (run.code, without_spelling(&run.stderr).as_str()),
        (0, ""),
        "{name}"
    );
    check_markup_text(&dir.path().join("letter.pdf"))
}

/// Checks the PDF of the markup case; returns its text.
fn check_markup_text(pdf: &Path) -> String {
    let text = words(pdf);
    for printed in PRINTED {
        assert!(text.contains(printed), "{printed}\nnot in\n{text}");
    }
    assert!(!text.contains(PASSWD), "{text}");
    // Lines stay lines: no list, no heading, no item merged or split.
    let raw = pdf_lines(pdf);
    for lines in [
        "\n#import \"@preview/x:0.1.0\"\n$x^2$ <label>\n= heading\n- list\n+ enum\n",
        "\n#show: none\n] close [ open\n#let x = [\n#include \"/letter.json\"\n",
        "\n`raw` #{ panic() }\n#set page(width: 1cm)\n*bold* _emph_\n",
    ] {
        assert!(raw.contains(lines), "{lines:?}\nnot in\n{raw}");
    }
    text
}

/// The text of a PDF as pdftotext lays it out, one line per line.
fn pdf_lines(pdf: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn markup_in_every_field_of_a_case_is_printed_as_written() {
    let toml = check_markup_pdf(&fixture("markup.toml"), "markup.toml");
    let json = check_markup_pdf(&fixture("markup.json"), "markup.json");
    assert_eq!(toml, json);

    // The same values as a row of a table, in a batch.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("markup.csv"), dir.path().join("markup.csv")).unwrap();
    let run = lettrine(dir.path(), &["build", "markup.csv", "--out", "letters"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        files(&dir.path().join("letters"))
            .into_iter()
            .filter(|n| n.ends_with(".pdf"))
            .collect::<Vec<_>>(),
        ["markup-2.pdf"]
    );
    let csv = check_markup_text(&dir.path().join("letters/markup-2.pdf"));
    assert_eq!(toml, csv);
    // And as text.
    let run = lettrine(
        dir.path(),
        &[
            "build",
            "markup.csv",
            "--out",
            "letters",
            "--name",
            "{stem}-{row}.txt",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(dir.path().join("letters/markup-2.txt")).unwrap();
    assert!(text.starts_with(TEXT_START), "{text}");
}

#[test]
fn markup_in_a_case_stays_verbatim_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["markup.toml", "markup.json"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
        let run = lettrine(dir.path(), &["build", name, "--format", "txt"]);
        assert_eq!((run.code, without_spelling(&run.stderr).as_str()), (0, ""));
        assert!(
            run.stdout.starts_with(TEXT_START),
            "{name}:\n{}",
            run.stdout
        );
        assert!(
            run.stdout.ends_with("`raw` #{ panic() }\n#set page(width: 1cm)\n*bold* _emph_\n\nP.J.\u{A0}:\n- Copie de la facture\n\nnon~breaking dash---dash \"quotes\" // line\n"),
            "{}",
            run.stdout
        );

        let run = lettrine(dir.path(), &["build", name, "--format", "json"]);
        assert_eq!((run.code, without_spelling(&run.stderr).as_str()), (0, ""));
        let letter: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let at = |path: &str| -> serde_json::Value {
            path.split('/')
                .fold(letter.clone(), |v, k| match k.parse::<usize>() {
                    Ok(i) => v[i].clone(),
                    Err(_) => v[k].clone(),
                })
        };
        let expected = serde_json::json!({
            "sender/name": "*bold* _emph_",
            "sender/address": ["#import \"@preview/x:0.1.0\"", "$x^2$ <label>", "= heading", "- list", "+ enum"],
            "sender/email": "@ref /* block */",
            "sender/phone": "\\ back\\slash \\#hash",
            "sender/legal": "non~breaking dash---dash \"quotes\" // line",
            "signature/name": "`raw` #{ panic() }",
            "signature/role": "#set page(width: 1cm)",
            "recipient/name": "#show: none",
            "recipient/address": ["] close [ open", "#let x = [", "#include \"/letter.json\""],
            "references/0/value": "\\u{41} \\ # <ref>",
            "references/1/value": "#[x]",
            "fields/place": "#read(\"/etc/passwd\")",
            "fields/order.item": "= heading - list *b* #panic(\"x\")! #set text(size: 40pt)",
            "fields/recipient.surname": "\u{202E}evil\u{202C}",
            "date-line/text": "#read(\"/etc/passwd\"), le 23 novembre 2026",
        });
        for (path, value) in expected.as_object().unwrap() {
            let got = if let Some(key) = path.strip_prefix("fields/") {
                letter["fields"][key].clone()
            } else {
                at(path)
            };
            assert_eq!(&got, value, "{name}: {path}");
        }
    }
}

/// Copies the refund-refusal pack into `project`; returns its folder.
fn copy_pack(project: &Path) -> PathBuf {
    let pack = project.join("packs/refund-refusal");
    copy_dir(&root().join("packs/refund-refusal"), &pack);
    pack
}

/// Removes the message `id` (its line and its indented continuation lines)
/// from Fluent source.
fn without_message(ftl: &str, id: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in ftl.lines() {
        if line.starts_with(&format!("{id} =")) {
            skipping = true;
            continue;
        }
        if skipping && line.starts_with(' ') {
            continue;
        }
        skipping = false;
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn markup_in_a_pack_message_is_printed_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let fr = copy_pack(dir.path()).join("fr");
    let mut letter = std::fs::read_to_string(fr.join("letter.ftl")).unwrap();
    for id in [
        "thanks-again",
        "discuss",
        "enclosures-note",
        "label-enclosures",
    ] {
        assert!(letter.contains(&format!("\n{id} =")), "{id}");
        letter = without_message(&letter, id);
    }
    std::fs::write(fr.join("letter.ftl"), letter).unwrap();
    std::fs::copy(fixture("markup.ftl"), fr.join("hostile.ftl")).unwrap();

    let case = example("fr");
    let case = case.to_str().unwrap();
    let run = lettrine(dir.path(), &["build", case, "-o", "letter.pdf"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let text = words(&dir.path().join("letter.pdf"));
    for printed in [
        "#read(\"/etc/passwd\") #import \"@preview/x:0.1.0\" *bold* _emph_ $x^2$ !",
        "<label> @ref \\ \\# ] [ // line /* block */ `raw` #{ panic() }",
        "= heading - list + enum ~ --- \"quotes\" #set page(width : 1cm)",
        "#show : none – Copie de la facture",
    ] {
        assert!(text.contains(printed), "{printed}\nnot in\n{text}");
    }
    assert!(!text.contains(PASSWD), "{text}");

    let run = lettrine(dir.path(), &["build", case, "--format", "txt"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    for line in [
        "\n#read(\"/etc/passwd\") #import \"@preview/x:0.1.0\" *bold* _emph_ $x^2$\u{202F}!\n",
        "\n<label> @ref \\ \\# ] [ // line /* block */ `raw` #{ panic() }\n",
        "\n= heading - list + enum ~ --- \"quotes\" #set page(width\u{A0}: 1cm)\n",
        "\n#show\u{A0}: none\n- Copie de la facture\n",
    ] {
        assert!(
            run.stdout.contains(line),
            "{line:?}\nnot in\n{}",
            run.stdout
        );
    }
}

#[test]
fn a_direction_control_left_open_is_refused_at_its_value() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("bidi-unclosed.toml"), dir.path().join("case.toml")).unwrap();
    let run = lettrine(dir.path(), &["build", "case.toml", "-o", "letter.pdf"]);
    assert_eq!(run.code, 1);
    assert_eq!(files(dir.path()), ["case.toml"]);
    insta::assert_snapshot!("bidi_unclosed", run.stderr);
}

#[test]
fn a_direction_control_left_open_in_a_message_fails_the_build_and_lint() {
    let dir = tempfile::tempdir().unwrap();
    let fr = copy_pack(dir.path()).join("fr");
    let letter = std::fs::read_to_string(fr.join("letter.ftl")).unwrap();
    let hostile = std::fs::read_to_string(fixture("bidi-unclosed.ftl")).unwrap();
    let letter = without_message(&letter, "discuss") + &hostile;
    std::fs::write(fr.join("letter.ftl"), letter).unwrap();
    let before = files(dir.path());

    let case = example("fr");
    let case = case.to_str().unwrap();
    let run = lettrine(
        dir.path(),
        &["--color", "never", "build", case, "-o", "letter.pdf"],
    );
    assert_eq!(run.code, 1);
    assert_eq!(files(dir.path()), before);
    insta::assert_snapshot!("bidi_unclosed_message_build", run.stderr);

    let run = lettrine(dir.path(), &["--color", "never", "lint", "refund-refusal"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("bidi_unclosed_message_lint", run.stderr);
}

/// A project in `<tmp>/project`, with the corpus's styles, a secret file of
/// its own, and, beside it (outside), files that links point to.
fn sandbox() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let project = tmp.path().join("project");
    copy_dir(&fixture("styles"), &project.join("styles"));
    write(&project, "secret.txt", "the project's secret");
    write(tmp.path(), "outside.txt", "outside the project");
    write(tmp.path(), "outside.toml", "name = \"Outside\"\n");
    write(
        tmp.path(),
        "outside.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
    );
    std::fs::create_dir_all(project.join("senders")).expect("make senders/");
    #[cfg(unix)]
    for (target, link) in [
        (tmp.path().join("outside.txt"), "styles/outside.txt"),
        (PathBuf::from("/etc"), "styles/system"),
        (tmp.path().join("outside.toml"), "senders/outside.toml"),
        (tmp.path().join("outside.svg"), "senders/outside.svg"),
    ] {
        std::os::unix::fs::symlink(target, project.join(link)).expect("make the link");
    }
    (tmp, project)
}

#[test]
fn a_style_cannot_leave_its_folder_import_packages_or_run_the_letter() {
    let (_tmp, project) = sandbox();
    let before = files(&project);
    let case = example("fr");
    let mut styles = vec![
        "read-parent",
        "read-absolute",
        "image-parent",
        "json-absolute",
        "import-preview",
        "import-local",
        "include-letter",
    ];
    if cfg!(unix) {
        styles.extend(["read-symlink", "read-symlink-dir"]);
    }
    for style in styles {
        let run = lettrine(
            &project,
            &[
                "build",
                case.to_str().unwrap(),
                "--style",
                style,
                "-o",
                "letter.pdf",
            ],
        );
        assert_eq!(run.code, 1, "{style}: {}", run.stderr);
        assert!(!run.stderr.contains(PASSWD), "{}", run.stderr);
        assert_eq!(files(&project), before, "{style} left a file");
        insta::assert_snapshot!(format!("style_{}", style.replace('-', "_")), run.stderr);
    }

    // A style that evaluates a value of the letter as markup is still in
    // the sandbox: the case's #read("/etc/passwd") finds no such file.
    std::fs::copy(fixture("markup.toml"), project.join("markup.toml")).unwrap();
    let run = lettrine(
        &project,
        &[
            "build",
            "markup.toml",
            "--style",
            "eval-data",
            "-o",
            "letter.pdf",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!project.join("letter.pdf").exists());
    insta::assert_snapshot!("style_eval_data", without_spelling(&run.stderr));
}

#[test]
fn names_are_not_paths() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("names"), &dir.path().join("names"));
    let before = files(dir.path());
    let mut names: Vec<String> = files(&dir.path().join("names"));
    names.retain(|n| n.ends_with(".toml"));
    assert_eq!(names.len(), 14);
    for name in names {
        let case = format!("names/{name}");
        let run = lettrine(dir.path(), &["build", &case, "-o", "letter.pdf"]);
        assert_eq!(run.code, 1, "{case}: {}", run.stderr);
        assert_eq!(files(dir.path()), before, "{case} left a file");
        let stem = name.trim_end_matches(".toml").replace('-', "_");
        insta::assert_snapshot!(format!("name_{stem}"), run.stderr);
    }

    // The same on the command line: a usage error (exit 2).
    let case = example("fr");
    let case = case.to_str().unwrap();
    for (option, value, expected) in [
        (
            "--style",
            "../x",
            "error: \"../x\" is not a style name\n = hint: a style is named after its file styles/<name>.typ: no \"/\", \"\\\", control characters or leading \".\"\n\n",
        ),
        (
            "--style",
            "/etc/passwd",
            "error: \"/etc/passwd\" is not a style name\n = hint: a style is named after its file styles/<name>.typ: no \"/\", \"\\\", control characters or leading \".\"\n\n",
        ),
        (
            "--profile",
            "../x",
            "error: \"../x\" is not a profile name\n = hint: a profile is named after its file profiles/<name>.toml: no \"/\", \"\\\", control characters or leading \".\"\n\n",
        ),
        (
            "--locale",
            "../../x",
            "error: --locale: the pack refund-refusal has no locale \"../../x\"\n = hint: the locales are \"en\", \"fr\", \"it\", \"de\", \"es\", \"ar\"\n\n",
        ),
    ] {
        for format in ["pdf", "txt"] {
            let run = lettrine(
                dir.path(),
                &[
                    "build",
                    case,
                    option,
                    value,
                    "--format",
                    format,
                    "-o",
                    "letter.out",
                ],
            );
            assert_eq!(
                (run.code, run.stderr.as_str()),
                (2, expected),
                "{option} {value} --format {format}"
            );
            assert_eq!(files(dir.path()), before);
        }
    }

    // A pack's default style is a name too, refused where the pack says it.
    let pack = copy_pack(dir.path());
    let manifest = std::fs::read_to_string(pack.join("pack.toml")).unwrap();
    let manifest = manifest.replace(
        "default-style = \"classic\"",
        "default-style = \"../../etc/x\"",
    );
    std::fs::write(pack.join("pack.toml"), manifest).unwrap();
    let before = files(dir.path());
    let run = lettrine(
        dir.path(),
        &["--color", "never", "build", case, "-o", "letter.pdf"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: \"../../etc/x\" is not a style name\n   ┌─ packs/refund-refusal/pack.toml:10:17\n   │\n10 │ default-style = \"../../etc/x\"\n   │                 ^^^^^^^^^^^^^\n   │\n   = hint: a style is named after its file styles/<name>.typ: no \"/\", \"\\\", control characters or leading \".\"\n\n"
    );
    assert_eq!(files(dir.path()), before);
}

#[test]
fn sender_files_and_logos_cannot_leave_the_project() {
    let (_tmp, project) = sandbox();
    copy_dir(&fixture("paths"), &project.join("paths"));
    let before = files(&project);
    let mut cases = vec![
        "sender-parent",
        "sender-absolute",
        "logo-parent",
        "logo-absolute",
    ];
    if cfg!(unix) {
        cases.extend(["sender-symlink", "logo-symlink"]);
    }
    for name in cases {
        let case = format!("paths/{name}.toml");
        let run = lettrine(&project, &["build", &case, "-o", "letter.pdf"]);
        assert_eq!(run.code, 1, "{case}: {}", run.stderr);
        assert!(!run.stderr.contains(PASSWD), "{}", run.stderr);
        assert_eq!(files(&project), before, "{case} left a file");
        insta::assert_snapshot!(format!("path_{}", name.replace('-', "_")), run.stderr);
    }
    // A link that stays inside the project is followed.
    #[cfg(unix)]
    {
        std::fs::remove_file(project.join("senders/outside.svg")).unwrap();
        write(
            &project,
            "assets/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
        );
        std::os::unix::fs::symlink("../assets/logo.svg", project.join("senders/outside.svg"))
            .unwrap();
        let run = lettrine(
            &project,
            &["build", "paths/logo-symlink.toml", "-o", "letter.pdf"],
        );
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
        assert!(fold(&pdf_text(&project.join("letter.pdf"))).starts_with("Atelier Lumière"));
    }
}
