//! Word: letters as .docx and redlines with real tracked changes, checked
//! twice: in the package's own XML (revision ids, deletions, moves,
//! comments, parts and relationships), and in real LibreOffice (Debian's
//! `libreoffice-writer-nogui` and `python3-uno`, which `.ci/run`
//! installs): it opens every file, prints it to PDF with the address in
//! the envelope's window, and, driven over UNO by `tests/tools/libreoffice.py`,
//! accepting every change gives the new letter and rejecting every change
//! the old one, word for word.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{commit, copy_dir, edit, example, fold, git, lettrine, pdf_text, root, write};
use quick_xml::events::{BytesStart, Event};

/// Every part of a .docx, by name.
fn parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        out.insert(entry.name().unwrap().into_owned(), bytes);
    }
    out
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .map(|a| a.unescape_value().unwrap().into_owned())
}

/// What the package holds, once its invariants are checked.
#[derive(Debug, Default)]
struct Package {
    /// `w:ins`, `w:del`, `w:moveFrom` and `w:moveTo` elements (paragraph
    /// marks not counted).
    changes: usize,
    moves: usize,
    /// Comment texts, by id.
    comments: BTreeMap<String, String>,
    authors: BTreeSet<String>,
    dates: BTreeSet<String>,
    /// The text of `word/document.xml` then of the first page's footer,
    /// a paragraph a line.
    text: String,
}

/// Checks a .docx as Word would: the required parts and their
/// relationships, unique revision ids, deletions in `w:delText` only, every
/// move range closed and every move's source matched by its destination,
/// every comment anchored and listed.
fn check(path: &Path) -> Package {
    let parts = parts(path);
    for required in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "docProps/core.xml",
    ] {
        assert!(parts.contains_key(required), "{required} is in the package");
    }
    // Every relationship's target and every content-type override exists.
    let rels = String::from_utf8(parts["word/_rels/document.xml.rels"].clone()).unwrap();
    let mut reader = quick_xml::Reader::from_str(&rels);
    let mut rel_ids = BTreeSet::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Empty(e) if e.name().as_ref() == b"Relationship" => {
                let target = attr(&e, "Target").unwrap();
                assert!(
                    parts.contains_key(&format!("word/{target}")),
                    "the relationship's target word/{target} exists"
                );
                rel_ids.insert(attr(&e, "Id").unwrap());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let types = String::from_utf8(parts["[Content_Types].xml"].clone()).unwrap();
    let mut reader = quick_xml::Reader::from_str(&types);
    loop {
        match reader.read_event().unwrap() {
            Event::Empty(e) if e.name().as_ref() == b"Override" => {
                let part = attr(&e, "PartName").unwrap();
                assert!(parts.contains_key(&part[1..]), "{part} exists");
            }
            Event::Eof => break,
            _ => {}
        }
    }

    let mut package = Package::default();
    let mut ids = BTreeSet::new();
    let mut open_ranges: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut move_names: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    let mut comment_starts = BTreeSet::new();
    let mut comment_ends = BTreeSet::new();
    let mut comment_refs = BTreeSet::new();
    let stories: Vec<&String> = parts
        .keys()
        .filter(|k| {
            *k == "word/document.xml"
                || k.starts_with("word/header")
                || k.starts_with("word/footer")
        })
        .collect();
    // The body's text, then the first page's footer's.
    let mut stories = stories;
    stories.sort_by_key(|s| *s != "word/document.xml");
    for story in stories {
        let read_text = *story == "word/document.xml" || *story == "word/footer2.xml";
        let xml = String::from_utf8(parts[story].clone()).unwrap();
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut stack: Vec<String> = Vec::new();
        loop {
            let event = reader.read_event().unwrap();
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    if stack.pop().is_some_and(|n| n == "w:p") && read_text {
                        package.text.push('\n');
                    }
                    continue;
                }
                Event::Text(t) => {
                    if read_text && stack.last().is_some_and(|n| n == "w:t") {
                        package.text.push_str(&t.decode().unwrap());
                    }
                    continue;
                }
                Event::GeneralRef(r) => {
                    if read_text && stack.last().is_some_and(|n| n == "w:t") {
                        package.text.push_str(entity(&r.decode().unwrap()));
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
            let inside = |n: &str| stack.iter().any(|s| s == n);
            if read_text && matches!(name.as_str(), "w:br" | "w:tab") {
                package.text.push(' ');
            }
            match name.as_str() {
                "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" => {
                    let id = attr(e, "w:id").expect("a revision has an id");
                    assert!(ids.insert(id.clone()), "revision id {id} is unique");
                    package
                        .authors
                        .insert(attr(e, "w:author").expect("a revision has an author"));
                    package.dates.extend(attr(e, "w:date"));
                    if !inside("w:rPr") {
                        package.changes += 1;
                    }
                    if name == "w:moveFrom" || name == "w:moveTo" {
                        let kind = if name == "w:moveFrom" { "from" } else { "to" };
                        assert!(
                            open_ranges.keys().any(|(k, _)| k == kind),
                            "{name} lies inside its move range"
                        );
                    }
                }
                "w:moveFromRangeStart" | "w:moveToRangeStart" => {
                    let id = attr(e, "w:id").unwrap();
                    assert!(ids.insert(id.clone()), "range id {id} is unique");
                    let kind = if name.contains("From") { "from" } else { "to" };
                    let move_name = attr(e, "w:name").expect("a move range has a name");
                    open_ranges.insert((kind.to_owned(), id), move_name.clone());
                    assert!(
                        move_names.entry(kind).or_default().insert(move_name),
                        "one range per move and side"
                    );
                    attr(e, "w:author").expect("a move range has an author");
                }
                "w:moveFromRangeEnd" | "w:moveToRangeEnd" => {
                    let id = attr(e, "w:id").unwrap();
                    let kind = if name.contains("From") { "from" } else { "to" };
                    assert!(
                        open_ranges.remove(&(kind.to_owned(), id.clone())).is_some(),
                        "the range end {id} closes a range that started"
                    );
                }
                "w:t" if inside("w:del") => panic!("deleted text in w:t instead of w:delText"),
                "w:delText" => assert!(inside("w:del"), "w:delText only inside w:del"),
                "w:commentRangeStart" => {
                    let id = attr(e, "w:id").unwrap();
                    assert!(ids.insert(id.clone()), "comment id {id} is unique");
                    comment_starts.insert(id);
                }
                "w:commentRangeEnd" => {
                    comment_ends.insert(attr(e, "w:id").unwrap());
                }
                "w:commentReference" => {
                    comment_refs.insert(attr(e, "w:id").unwrap());
                }
                "w:headerReference" | "w:footerReference" | "a:blip" => {
                    let id = attr(e, if name == "a:blip" { "r:embed" } else { "r:id" }).unwrap();
                    assert!(rel_ids.contains(&id), "{name} {id} has its relationship");
                }
                _ => {}
            }
            if !empty {
                stack.push(name);
            }
        }
        assert!(open_ranges.is_empty(), "every move range of {story} ends");
    }
    assert_eq!(
        move_names.get("from"),
        move_names.get("to"),
        "every moved text's source has its destination, by name"
    );
    package.moves = move_names.get("from").map_or(0, BTreeSet::len);
    assert_eq!(comment_starts, comment_ends, "every comment range ends");
    assert_eq!(comment_starts, comment_refs, "every comment is referenced");
    if let Some(xml) = parts.get("word/comments.xml") {
        let xml = String::from_utf8(xml.clone()).unwrap();
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut current = None;
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == b"w:comment" => {
                    let id = attr(&e, "w:id").unwrap();
                    package.comments.insert(id.clone(), String::new());
                    current = Some(id);
                }
                Event::Text(t) => {
                    if let Some(id) = &current {
                        let text = package.comments.get_mut(id).unwrap();
                        if !text.is_empty() {
                            text.push('\n');
                        }
                        text.push_str(&t.decode().unwrap());
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    let listed: BTreeSet<String> = package.comments.keys().cloned().collect();
    assert_eq!(listed, comment_starts, "every anchored comment is listed");
    package
}

/// The character an XML entity reference stands for.
fn entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => panic!("lettrine writes no &{other};"),
    }
}

/// The words of a text: runs of letters, digits and the marks inside words,
/// so that punctuation, bullets and white space do not count.
fn words(text: &str) -> Vec<String> {
    // Direction isolates and marks are not words (the redline's text, like
    // the terminal diff's, is the comparison's, which drops them).
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}' | '\u{200E}' | '\u{200F}'))
        .collect();
    fold(&text)
        .split(' ')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_owned)
        .collect()
}

/// Whether `needle`'s words appear in `hay`'s, in order and together.
fn has_words(hay: &[String], needle: &[String]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

/// A letter's text without its draft notice: the notice is the header of
/// a draft, not part of the letter sent, and is not compared.
fn without_notice(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("DRAFT —"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn python() -> &'static str {
    // Debian's python3-uno is for the system's Python.
    if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    }
}

/// Runs LibreOffice headless in a throwaway profile.
fn soffice(dir: &Path, args: &[&str]) {
    let profile = dir.join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("LibreOffice (libreoffice-writer-nogui) is installed");
    // soffice's exit code says little: the callers check the files.
    let _ = out;
}

/// Each .docx printed to PDF by LibreOffice, next to it.
fn to_pdf(dir: &Path, files: &[&str]) -> Vec<PathBuf> {
    let mut args = vec!["--convert-to", "pdf", "--outdir", "pdf"];
    args.extend_from_slice(files);
    soffice(dir, &args);
    files
        .iter()
        .map(|f| {
            let pdf = dir
                .join("pdf")
                .join(Path::new(f).with_extension("pdf").file_name().unwrap());
            assert!(
                pdf.is_file(),
                "LibreOffice printed {f} to {}",
                pdf.display()
            );
            pdf
        })
        .collect()
}

/// Over UNO: each file's tracked changes counted, then all accepted, and
/// (from the file again) all rejected. Returns the count, the accepted
/// text and the rejected text of each file.
fn accept_and_reject(files: &[PathBuf]) -> Vec<(usize, String, String)> {
    let out = Command::new(python())
        .arg(root().join("tests/tools/libreoffice.py"))
        .args(files)
        .output()
        .expect("python3 with python3-uno is installed");
    assert!(
        out.status.success(),
        "libreoffice.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    files
        .iter()
        .map(|f| {
            let line = stdout
                .lines()
                .find(|l| l.starts_with(&format!("{}\t", f.display())))
                .unwrap_or_else(|| panic!("libreoffice.py read {}: {stdout}", f.display()));
            let count = line.rsplit('\t').next().unwrap().parse().unwrap();
            let read = |side: &str| {
                std::fs::read_to_string(format!("{}.{side}.txt", f.display())).unwrap()
            };
            (count, read("accepted"), read("rejected"))
        })
        .collect()
}

/// The position of the first word `word` on the first page of a PDF, in
/// millimetres from the sheet's top-left corner (its box's left and top).
fn word_at(pdf: &Path, word: &str) -> (f64, f64) {
    let (x, y, _) = word_box(pdf, word);
    (x, y)
}

/// The box of the first word `word` on the first page: left, top, right.
fn word_box(pdf: &Path, word: &str) -> (f64, f64, f64) {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = html
        .lines()
        .find(|l| l.ends_with(&format!(">{word}</word>")))
        .unwrap_or_else(|| panic!("{word} is on the first page of {}", pdf.display()));
    let value = |name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    let mm = 25.4 / 72.0;
    (value("xMin") * mm, value("yMin") * mm, value("xMax") * mm)
}

#[test]
fn a_letter_as_docx_is_complete_tagged_and_the_same_on_every_build() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (locale, lang) in [("fr", "fr-FR"), ("it", "it-IT"), ("ar", "ar-SA")] {
        let out = format!("{locale}.docx");
        let run = lettrine(d, &["build", example(locale).to_str().unwrap(), "-o", &out]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let first = std::fs::read(d.join(&out)).unwrap();
        let run = lettrine(d, &["build", example(locale).to_str().unwrap(), "-o", &out]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(
            first,
            std::fs::read(d.join(&out)).unwrap(),
            "a rebuild of {locale} gives the same bytes"
        );
        let package = check(&d.join(&out));
        assert_eq!(package.changes, 0, "a letter has no tracked changes");
        let document =
            String::from_utf8(parts(&d.join(&out))["word/document.xml"].clone()).unwrap();
        assert!(
            document.contains(&format!("<w:lang w:val=\"{lang}\"")),
            "{locale} runs are tagged {lang}"
        );
        if locale == "ar" {
            assert!(
                document.contains("<w:bidi/>"),
                "Arabic paragraphs are right to left"
            );
            assert!(
                document.contains("<w:rtl/>"),
                "Arabic runs are right to left"
            );
            assert!(document.contains("w:bidi=\"ar-SA\""));
        }
    }
    // The letter's text, every word of it, in reading order.
    let txt = lettrine(
        d,
        &["build", example("fr").to_str().unwrap(), "--format", "txt"],
    );
    let package = check(&d.join("fr.docx"));
    assert_eq!(
        words(&package.text),
        words(&without_notice(&txt.stdout)),
        "the document holds the letter's words, in reading order"
    );
    // The theme: the sender's name in navy, the subject too.
    let document =
        String::from_utf8(parts(&d.join("fr.docx"))["word/document.xml"].clone()).unwrap();
    assert!(document.contains("<w:color w:val=\"1F3A5F\"/>"));
    // The logo and the signature, with their alt text.
    assert!(
        document.contains("descr=\"Atelier Lumière\"") || document.matches("descr=").count() >= 2
    );
    assert!(parts(&d.join("fr.docx")).contains_key("word/media/image2.png"));
}

#[test]
fn libreoffice_opens_each_letter_and_shows_the_address_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let locales = ["fr", "it", "de", "ar"];
    for locale in locales {
        let run = lettrine(
            d,
            &[
                "build",
                example(locale).to_str().unwrap(),
                "-o",
                &format!("{locale}.docx"),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let files: Vec<String> = locales.iter().map(|l| format!("{l}.docx")).collect();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let pdfs = to_pdf(d, &files);
    for (locale, pdf) in locales.iter().zip(&pdfs) {
        if *locale == "ar" {
            continue; // poppler reads right-to-left runs in visual order
        }
        let text = words(&pdf_text(pdf));
        let txt = lettrine(
            d,
            &[
                "build",
                example(locale).to_str().unwrap(),
                "--format",
                "txt",
            ],
        );
        for line in txt.stdout.lines() {
            assert!(
                has_words(&text, &words(line)),
                "LibreOffice prints {line:?} of the {locale} letter"
            );
        }
    }
    // The window of NF Z 11-001 (nf: the recipient from 40 mm down, 110 mm
    // in) and of DIN 5008 form B (62.7 mm down, 25 mm in).
    for (pdf, name, x, y) in [
        (&pdfs[0], "Claire", 110.0, 40.0),
        (&pdfs[2], "Jonas", 25.0, 62.7),
    ] {
        let (at_x, at_y) = word_at(pdf, name);
        assert!(
            (at_x - x).abs() <= 2.0 && (at_y - y).abs() <= 2.0,
            "{name} is at {at_x:.1}, {at_y:.1} mm, within 2 mm of {x}, {y}"
        );
    }
}

/// A project with three cases (fr, it, ar) and two commits; the second
/// changes the French letter's amount, moves a sentence of `concession` to
/// `discuss` losing a word, rewords `thanks-again`, adds a reason (a new
/// block) and removes an enclosure (a removed block); the Italian and
/// Arabic letters' amounts.
fn drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    copy_dir(
        &root().join("packs/refund-refusal"),
        &d.join("packs/refund-refusal"),
    );
    std::fs::remove_dir_all(d.join("packs/refund-refusal/examples")).unwrap();
    copy_dir(&root().join("senders"), &d.join("senders"));
    copy_dir(&root().join("themes"), &d.join("themes"));
    for (locale, name) in [("fr", "dupont"), ("it", "rossi"), ("ar", "haddad")] {
        let case = std::fs::read_to_string(example(locale)).unwrap();
        write(d, &format!("cases/{name}.toml"), &case);
    }
    commit(d, "first drafts");

    let case = d.join("cases/dupont.toml");
    edit(&case, "amount = \"1234.56\"", "amount = \"1450.00\"");
    edit(
        &case,
        "reasons = [\"custom-made\"]",
        "reasons = [\"custom-made\", \"withdrawal-period-expired\"]",
    );
    edit(
        &case,
        "enclosures = [\"invoice\", \"terms-of-sale\"]",
        "enclosures = [\"invoice\"]",
    );
    let ftl = d.join("packs/refund-refusal/fr/letter.ftl");
    common::move_concession_sentence(&ftl);
    edit(
        &ftl,
        "Nous vous renouvelons nos remerciements pour votre confiance",
        "Nous vous remercions encore de votre confiance",
    );
    edit(
        &d.join("cases/rossi.toml"),
        "amount = \"189.00\"",
        "amount = \"219.00\"",
    );
    edit(
        &d.join("cases/haddad.toml"),
        "amount = \"64.00\"",
        "amount = \"74.00\"",
    );
    commit(d, "second drafts");
    dir
}

/// The `--format txt` letter of `case` at revision `rev`.
fn text_at(d: &Path, rev: &str, case: &str) -> String {
    let tree = d.join(format!("at-{rev}").replace(['~', '^'], "-"));
    if !tree.exists() {
        std::fs::create_dir_all(&tree).unwrap();
        let archive = Command::new("git")
            .args(["-C", d.to_str().unwrap(), "archive", rev])
            .output()
            .unwrap();
        let mut tar = Command::new("tar")
            .args(["-x", "-C", tree.to_str().unwrap()])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(tar.stdin.as_mut().unwrap(), &archive.stdout).unwrap();
        assert!(tar.wait().unwrap().success());
    }
    let run = lettrine(&tree, &["build", case, "--format", "txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn a_word_redline_tracks_every_change_and_accepting_or_rejecting_gives_each_side() {
    let dir = drafts();
    let d = dir.path();
    let run = lettrine(
        d,
        &["diff", "HEAD~1", "HEAD", "--format", "docx", "--out", "red"],
    );
    assert_eq!(run.code, 1, "changes: exit 1; {}", run.stderr);
    let cases = ["dupont", "rossi", "haddad"];
    let files: Vec<PathBuf> = cases
        .iter()
        .map(|c| d.join(format!("red/cases/{c}.docx")))
        .collect();
    let mut written = Vec::new();
    for (case, file) in cases.iter().zip(&files) {
        let package = check(file);
        // The author and the date of the newer commit.
        assert_eq!(package.authors, BTreeSet::from(["Test".to_owned()]));
        assert_eq!(
            package.dates,
            BTreeSet::from(["2026-11-01T10:00:00Z".to_owned()])
        );
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(&format!("cases/{case}.docx")))
            .unwrap();
        assert!(
            line.contains(&format!("({} tracked changes", package.changes)),
            "{line}"
        );
        written.push(package);
    }

    // The French letter: the figure replaced whole, the move, the new and
    // the removed blocks, and the comments with their causes.
    let fr = &written[0];
    assert_eq!(fr.moves, 1, "one sentence moved");
    let comments: Vec<String> = fr.comments.values().map(|c| fold(c)).collect();
    let said = |text: &str| comments.iter().any(|c| c.contains(text));
    assert!(
        said("case field order.amount changed: 1 234,56 € → 1 450,00 €"),
        "{comments:#?}"
    );
    assert!(
        said("message thanks-again (fr) reworded, version 1.2.0 not bumped"),
        "{comments:#?}"
    );
    assert!(said("case field reasons changed"), "{comments:#?}");
    assert!(said("case field enclosures changed"), "{comments:#?}");
    let document = String::from_utf8(parts(&files[0])["word/document.xml"].clone()).unwrap();
    assert!(
        document.contains(">\u{20}1 234,56 €</w:delText>"),
        "the old amount deleted whole"
    );
    assert!(
        document.contains(">\u{20}1 450,00 €</w:t></w:r></w:ins>"),
        "the new amount inserted whole"
    );

    // LibreOffice: opens each, and accept all / reject all give the new and
    // the old letter, word for word; it sees as many changes as lettrine
    // wrote.
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    to_pdf(d, &names);
    let sides = accept_and_reject(&files);
    for ((case, (count, accepted, rejected)), package) in cases.iter().zip(&sides).zip(&written) {
        let path = format!("cases/{case}.toml");
        let new = text_at(d, "HEAD", &path);
        let old = text_at(d, "HEAD~1", &path);
        assert_eq!(
            words(&without_notice(accepted)),
            words(&without_notice(&new)),
            "accepting every change of {case} gives the new letter"
        );
        assert_eq!(
            words(&without_notice(rejected)),
            words(&without_notice(&old)),
            "rejecting every change of {case} gives the old letter"
        );
        assert_eq!(
            *count, package.changes,
            "LibreOffice sees every change of {case}"
        );
    }
}

#[test]
fn two_case_files_a_named_author_and_bad_requests() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    let old = std::fs::read_to_string(example("fr")).unwrap();
    write(d, "old.toml", &old);
    write(
        d,
        "new.toml",
        &old.replace("amount = \"1234.56\"", "amount = \"1450.00\""),
    );
    let touched = Command::new("touch")
        .args(["-d", "2026-11-20T09:30:00Z"])
        .arg(d.join("new.toml"))
        .status()
        .unwrap();
    assert!(touched.success());
    let run = lettrine(
        d,
        &[
            "diff",
            "old.toml",
            "new.toml",
            "--format",
            "docx",
            "-o",
            "r.docx",
            "--author",
            "Camille Martin",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let package = check(&d.join("r.docx"));
    assert_eq!(
        package.authors,
        BTreeSet::from(["Camille Martin".to_owned()])
    );
    assert_eq!(
        package.dates,
        BTreeSet::from(["2026-11-20T09:30:00Z".to_owned()])
    );
    assert_eq!(package.changes, 2, "the amount: deleted, then inserted");

    // A redline is no text for a terminal, nor for packs; --author is for
    // Word only.
    let run = lettrine(
        d,
        &[
            "diff", "old.toml", "new.toml", "--format", "docx", "--packs", "-o", "p.docx",
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: the Word redline shows letters, not packs\n = hint: use --format md or html with --packs\n\n"
    );
    let run = lettrine(d, &["diff", "old.toml", "new.toml", "--author", "X"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --out and --author apply to --format docx only\n = hint: write other formats with -o FILE\n\n"
    );
    assert!(!d.join("p.docx").exists());
}

#[test]
fn several_letters_go_one_docx_each_into_a_folder() {
    let dir = drafts();
    let d = dir.path();
    let run = lettrine(
        d,
        &[
            "diff", "HEAD~1", "HEAD", "--format", "docx", "-o", "one.docx",
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: 3 letters changed, and a Word redline holds one\n = hint: write one .docx per letter into a folder with --out DIR\n\n"
    );
    assert!(!d.join("one.docx").exists());
    let run = lettrine(
        d,
        &[
            "diff",
            "HEAD~1",
            "HEAD",
            "--format",
            "docx",
            "-o",
            "one.docx",
            "--",
            "cases/rossi.toml",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    check(&d.join("one.docx"));
}

#[test]
fn a_batch_writes_word_letters_by_the_name_s_extension() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for locale in ["fr", "it", "de"] {
        std::fs::create_dir_all(d.join("cases")).unwrap();
        std::fs::copy(example(locale), d.join(format!("cases/{locale}.toml"))).unwrap();
    }
    let run = lettrine(
        d,
        &[
            "build",
            "cases",
            "--out",
            "letters",
            "--name",
            "{order.number}.docx",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut names: Vec<String> = std::fs::read_dir(d.join("letters"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    for name in &names {
        check(&d.join("letters").join(name));
    }
}

#[test]
fn hostile_texts_stay_text_in_word_and_control_characters_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let case = root().join("tests/fixtures/hostile/markup.toml");
    let run = lettrine(d, &["build", case.to_str().unwrap(), "-o", "markup.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let package = check(&d.join("markup.docx"));
    let txt = lettrine(d, &["build", case.to_str().unwrap(), "--format", "txt"]);
    // Every value, as written, in the document's own text.
    assert_eq!(
        fold(&package.text.replace("\n– ", "\n- ")),
        fold(&without_notice(&txt.stdout)),
        "every text is in the .docx as written"
    );
    // LibreOffice opens it and prints those texts.
    let pdf = &to_pdf(d, &["markup.docx"])[0];
    let printed = pdf_text(pdf);
    for value in [
        "#read(\"/etc/passwd\")",
        "$x^2$ <label>",
        "#include \"/letter.json\"",
        "non~breaking dash---dash \"quotes\" // line",
    ] {
        assert!(printed.contains(value), "LibreOffice prints {value:?}");
    }

    // A bell in a text field: refused at its place, no file written.
    let bell = std::fs::read_to_string(example("fr")).unwrap().replace(
        "item = \"une bibliothèque",
        "item = \"\\u0007une bibliothèque",
    );
    assert!(bell.contains("\\u0007"));
    write(d, "bell.toml", &bell);
    let run = lettrine(d, &["build", "bell.toml", "-o", "bell.docx"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("error: `order.item` holds the control character U+0007, which no letter can print\n   ┌─ bell.toml:33:8\n"),
        "{}",
        run.stderr
    );
    assert!(!d.join("bell.docx").exists());
}

#[test]
fn a_compact_letterhead_puts_the_address_and_contact_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_dir(&root().join("senders"), &d.join("senders"));
    write(
        d,
        "themes/compact.toml",
        "[colours]\nprimary = \"#1f3a5f\"\n\n[letterhead]\nvariant = \"compact\"\n",
    );
    let case = std::fs::read_to_string(example("fr"))
        .unwrap()
        .replace("theme = \"atelier-lumiere\"", "theme = \"compact\"");
    write(d, "case.toml", &case);
    let run = lettrine(d, &["build", "case.toml", "-o", "compact.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let package = check(&d.join("compact.docx"));
    assert!(
        package.text.trim_start().starts_with(
            "Atelier Lumière 12 rue des Archives · 75004 Paris · service.client@atelier-lumiere.fr · 01 84 25 36 47\n"
        ),
        "{}",
        package.text
    );
}

#[test]
fn a_changed_footer_is_tracked_in_both_footers_and_told_on_the_subject() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    copy_dir(&root().join("senders"), &d.join("senders"));
    copy_dir(&root().join("themes"), &d.join("themes"));
    let old = std::fs::read_to_string(example("fr")).unwrap();
    write(d, "old.toml", &old);
    write(
        d,
        "new.toml",
        &old.replace("RCS Paris 812 345 678", "RCS Paris 812 345 679"),
    );
    let run = lettrine(
        d,
        &[
            "diff", "old.toml", "new.toml", "--format", "docx", "-o", "r.docx",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let package = check(&d.join("r.docx"));
    assert_eq!(
        package.changes, 4,
        "the number deleted and inserted, in each footer"
    );
    let comments: Vec<String> = package.comments.values().map(|c| fold(c)).collect();
    assert!(
        comments.iter().any(|c| c.contains("Footer: case field sender.legal changed: Atelier Lumière SAS au capital de 50 000 € – RCS Paris 812 345 678 → Atelier Lumière SAS au capital de 50 000 € – RCS Paris 812 345 679")),
        "{comments:#?}"
    );
    let parts = parts(&d.join("r.docx"));
    for footer in ["word/footer1.xml", "word/footer2.xml"] {
        let xml = String::from_utf8(parts[footer].clone()).unwrap();
        assert!(
            xml.contains(">\u{20}812 345 678</w:delText>")
                && xml.contains(">\u{20}812 345 679</w:t>"),
            "{footer}: the figure replaced whole"
        );
        assert!(!xml.contains("commentRangeStart"), "no comment in {footer}");
    }
    let sides = accept_and_reject(&[d.join("r.docx")]);
    let (count, accepted, rejected) = &sides[0];
    assert_eq!(*count, 4, "the number replaced, in each footer");
    assert!(accepted.contains("812 345 679") && !accepted.contains("812 345 678"));
    assert!(rejected.contains("812 345 678") && !rejected.contains("812 345 679"));
}
