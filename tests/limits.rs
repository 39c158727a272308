//! Hostile input: huge files, deep nesting, messages that refer to
//! themselves, floods of variants and errors, binary and invalid UTF-8 in
//! every kind of input. Each gets a clear error naming the file, in bounded
//! time and memory: never a panic, a stack overflow or a hang. The big
//! inputs are made here, not kept as fixtures.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::path::Path;

use common::{copy_dir, example, lettrine, root, write};

/// A project with a copy of the refund-refusal pack and the English
/// example as `case.toml`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("packs/refund-refusal"),
        &dir.path().join("packs/refund-refusal"),
    );
    std::fs::copy(example("en"), dir.path().join("case.toml")).unwrap();
    dir
}

const ENGLISH: &str = "packs/refund-refusal/en/letter.ftl";
const SUBJECT: &str = "subject = Your refund request – order no. { $order-number }\n";

/// Replaces the English subject line with `text`.
fn subject(dir: &Path, text: &str) {
    let path = dir.join(ENGLISH);
    let ftl = std::fs::read_to_string(&path).unwrap();
    assert!(ftl.contains(SUBJECT));
    std::fs::write(&path, ftl.replacen(SUBJECT, text, 1)).unwrap();
}

fn build(dir: &Path, case: &str) -> common::Run {
    let run = lettrine(dir, &["--color", "never", "build", case, "-o", "out.pdf"]);
    assert_eq!(run.stdout, "", "nothing on stdout for a failed build");
    run
}

fn lint(dir: &Path) -> common::Run {
    lettrine(dir, &["--color", "never", "lint", "refund-refusal"])
}

/// Asserts that lint failed and printed `block` (one whole diagnostic).
fn lint_reports(dir: &Path, block: &str) {
    let run = lint(dir);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains(block), "{}", run.stderr);
}

#[test]
fn huge_files_are_refused_before_they_are_read() {
    let dir = project();
    let d = dir.path();
    let big = 17 * 1024 * 1024;
    // A sparse file: the size is checked before anything is read.
    let huge = |path: &Path| {
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .unwrap()
            .set_len(big)
            .unwrap();
    };
    huge(&d.join("huge.toml"));
    let run = build(d, "huge.toml");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: huge.toml is 17825792 bytes; a case file may have at most 16777216\n\n"
    );

    huge(&d.join("huge.csv"));
    let run = lettrine(
        d,
        &["--color", "never", "build", "huge.csv", "--out", "letters"],
    );
    // A table may be larger than a case (256 MiB): this one is read, and
    // its one header cell of NUL bytes is no field name.
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: huge.csv:1:1: column 1 of the first row is not a field name: it holds bytes that are not text\n"
        ),
        "{}",
        run.stderr
    );

    let pack = d.join("packs/refund-refusal/pack.toml");
    let manifest = std::fs::read(&pack).unwrap();
    huge(&pack);
    // The project's pack is too large to read: an error, not a silent
    // fallback to the embedded pack of the same name.
    let run = build(d, "case.toml");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: cannot read packs/refund-refusal/pack.toml: the file is 17825792 bytes, more than the 16777216 bytes lettrine reads from a file\n\n"
    );
    std::fs::write(&pack, manifest).unwrap();

    huge(&d.join(ENGLISH));
    let expected = "error: cannot read packs/refund-refusal/en/letter.ftl: the file is 17825792 bytes, more than the 1048576 bytes lettrine reads from a Fluent file\n\n";
    let run = build(d, "case.toml");
    assert_eq!((run.code, run.stderr.as_str()), (1, expected));
    let run = lint(d);
    assert_eq!((run.code, run.stderr.as_str()), (1, expected));
}

#[test]
fn deeply_nested_placeables_are_refused_where_the_limit_is_crossed() {
    let dir = project();
    let d = dir.path();
    let depth = 100_000;
    subject(
        d,
        &format!(
            "{SUBJECT}deep = {}\"x\"{}\n",
            "{ ".repeat(depth),
            " }".repeat(depth)
        ),
    );
    // The 33rd `{` is at column 72: `deep = ` then 32 of `{ `.
    let run = build(d, "case.toml");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: packs/refund-refusal/en/letter.ftl:21:72: placeables nest more than 32 levels deep\n \
         = hint: a message needs a few levels at most: a placeable, a select expression, a placeable in a variant\n\n"
    );
    lint_reports(
        d,
        "error[fluent::too-deep]: packs/refund-refusal/en/letter.ftl:21:72: placeables nest more than 32 levels deep\n",
    );

    // Nesting through select expressions and function calls counts too;
    // 32 levels are fine.
    let dir = project();
    let d = dir.path();
    let selects = format!(
        "{SUBJECT}deep = {}x{}\n",
        "{ $order-number ->\n *[a] ".repeat(40),
        "\n}".repeat(40)
    );
    subject(d, &selects);
    let run = build(d, "case.toml");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: placeables nest more than 32 levels deep\n   ┌─ packs/refund-refusal/en/letter.ftl:53:7\n"
        ),
        "{}",
        run.stderr
    );
    let dir = project();
    let d = dir.path();
    subject(
        d,
        &format!(
            "{SUBJECT}calls = {{ {}1{} }}\nfine = {}x{}\n",
            "NUMBER(".repeat(50),
            ")".repeat(50),
            "{ ".repeat(32),
            " }".repeat(32)
        ),
    );
    let run = build(d, "case.toml");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: placeables nest more than 32 levels deep\n   ┌─ packs/refund-refusal/en/letter.ftl:21:234\n"
        ),
        "{}",
        run.stderr
    );
    // Only the entry that nests too deep is refused: the next one parses,
    // and is only missing from the translations.
    let run = lint(d);
    assert!(
        run.stderr
            .contains("error[l10n::missing]: `fine` is not translated in ar\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_message_that_refers_to_itself_fails_the_build_and_lint() {
    let cases = [
        (
            "subject = { subject }\n",
            "error: message `subject` in locale en runs into a loop of references: subject → subject\n   \
             ┌─ packs/refund-refusal/en/letter.ftl:20:1\n   │\n20 │ subject = { subject }\n   │ ^^^^^^^ refers back to `subject`\n",
            "error[fluent::cycle]: `subject` refers to itself: subject → subject\n",
        ),
        (
            "subject = { a }\na = { b }\nb = x { a }\n",
            "error: message `subject` in locale en runs into a loop of references: subject → a → b → a\n   \
             ┌─ packs/refund-refusal/en/letter.ftl:22:1\n   │\n22 │ b = x { a }\n   │ ^ refers back to `a`\n",
            "error[fluent::cycle]: `b` refers to itself: a → b → a\n",
        ),
        (
            "subject = { -t }\n-t = { -t }\n",
            "error: message `subject` in locale en runs into a loop of references: subject → -t → -t\n   \
             ┌─ packs/refund-refusal/en/letter.ftl:21:1\n   │\n21 │ -t = { -t }\n   │ ^^ refers back to `-t`\n",
            "error[fluent::cycle]: `-t` refers to itself: -t → -t\n",
        ),
    ];
    for (ftl, built, linted) in cases {
        let dir = project();
        let d = dir.path();
        subject(d, ftl);
        let run = build(d, "case.toml");
        assert_eq!(run.code, 1, "{ftl}");
        assert!(run.stderr.starts_with(built), "{ftl}\n{}", run.stderr);
        lint_reports(d, linted);
    }
}

#[test]
fn a_message_that_expands_too_far_fails_the_build() {
    // 101 placeables in the message itself, then a "billion laughs": ten
    // levels of terms that each print the one below ten times. Fluent-bundle
    // counts every placeable it resolves and stops after 100, so neither
    // takes more than a moment or any memory to refuse.
    let laughs: String = (1..=10)
        .map(|i| format!("-l{i} = {}\n", format!("{{ -l{} }}", i - 1).repeat(10)))
        .collect();
    let message = "message `subject` in locale en prints more than 100 placeables, counting those of the messages and terms it uses";
    let hint = " = hint: fluent-bundle formats at most 100 per message: split the message, or use fewer references\n\n";
    let cases = [
        (
            format!("subject = {}\n", "{ $order-number }".repeat(101)),
            // A line this long is named, not printed.
            format!("error: packs/refund-refusal/en/letter.ftl:20:1: {message}\n{hint}"),
        ),
        (
            format!("subject = {{ -l10 }}\n-l0 = ha\n{laughs}"),
            format!(
                "error: {message}\n   ┌─ packs/refund-refusal/en/letter.ftl:20:1\n   │\n20 │ subject = {{ -l10 }}\n   │ ^^^^^^^\n   │\n  {hint}"
            ),
        ),
    ];
    for (ftl, expected) in cases {
        let dir = project();
        let d = dir.path();
        subject(d, &ftl);
        let run = build(d, "case.toml");
        assert_eq!((run.code, run.stderr.as_str()), (1, expected.as_str()));
    }
}

#[test]
fn a_million_variants_are_refused_and_a_flood_of_errors_is_cut_short() {
    // A million variants do not fit in the 1 MiB a Fluent file may hold:
    // refused before Fluent's parser spends half a kilobyte on each.
    let dir = project();
    let d = dir.path();
    let variants = |n: usize| -> String { (0..n).map(|i| format!("[{i}]x\n")).collect() };
    let many = |n: usize| {
        format!(
            "{SUBJECT}many = {{ $order-number ->\n{}*[other] x\n}}\n",
            variants(n)
        )
    };
    subject(d, &many(1_000_000));
    let run = build(d, "case.toml");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error: cannot read packs/refund-refusal/en/letter.ftl: the file is 9"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with(" bytes, more than the 1048576 bytes lettrine reads from a Fluent file\n\n"),
        "{}",
        run.stderr
    );

    // A hundred thousand fit, and load in linear time.
    let dir = project();
    let d = dir.path();
    subject(d, &many(100_000));
    let run = build(d, "case.toml");
    assert_eq!(run.code, 0, "{}", run.stderr);

    // The same key 100 000 times: the first hundred duplicates are
    // reported, then how many more there are.
    let dir = project();
    let d = dir.path();
    subject(
        d,
        &format!(
            "{SUBJECT}many = {{ $order-number ->\n{}*[other] x\n}}\n",
            "[a]x\n".repeat(100_000)
        ),
    );
    let run = lint(d);
    assert_eq!(run.code, 1);
    let duplicates = run
        .stderr
        .matches("error[fluent::duplicate-variant]")
        .count();
    assert_eq!(duplicates, 100);
    assert!(
        run.stderr.contains(
            "error[input::too-many]: packs/refund-refusal/en/letter.ftl: 99899 more problems are not shown\n = hint: fix the ones above, then check again\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn binary_and_invalid_utf8_input_is_refused_with_its_place() {
    let dir = project();
    let d = dir.path();
    let bytes = |path: &str, content: &[u8]| std::fs::write(d.join(path), content).unwrap();

    bytes("bin.toml", b"pack = \"refund-refusal\"\n\x00\xff\xfe\x01");
    let run = build(d, "bin.toml");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error: the file is not valid UTF-8\n  ┌─ bin.toml:2:2\n"),
        "{}",
        run.stderr
    );
    bytes("nul.toml", b"pack = \"refund-refusal\"\x00\n");
    let run = build(d, "nul.toml");
    assert!(
        run.stderr.starts_with(
            "error: invalid TOML: unexpected key or value, expected newline, `#`\n  ┌─ nul.toml:1:24\n"
        ),
        "{}",
        run.stderr
    );
    bytes("bin.json", b"{\"pack\": \"refund-refusal\", \xff}");
    let run = build(d, "bin.json");
    assert!(
        run.stderr
            .starts_with("error: the file is not valid UTF-8\n  ┌─ bin.json:1:28\n"),
        "{}",
        run.stderr
    );
    bytes("bin.csv", b"pack,locale\nrefund-refusal,\xff\xfe\n");
    let run = lettrine(
        d,
        &["--color", "never", "build", "bin.csv", "--out", "letters"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: row 2: the row is not valid UTF-8: byte 0xFF is not a character\n  ┌─ bin.csv:2:16\n"
        ),
        "{}",
        run.stderr
    );

    let ftl = d.join(ENGLISH);
    let mut text = std::fs::read(&ftl).unwrap();
    text.extend_from_slice(b"broken = \xc3\x28\n");
    std::fs::write(&ftl, text).unwrap();
    let run = build(d, "case.toml");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: the file is not valid UTF-8\n    ┌─ packs/refund-refusal/en/letter.ftl:216:10\n"
        ),
        "{}",
        run.stderr
    );

    let dir = project();
    let d = dir.path();
    let manifest = d.join("packs/refund-refusal/pack.toml");
    let mut text = std::fs::read(&manifest).unwrap();
    // The bad bytes start the line after the last.
    let line = 1 + text.iter().filter(|&&b| b == b'\n').count();
    text.extend_from_slice(b"\x00\x01\xff");
    std::fs::write(&manifest, text).unwrap();
    let run = build(d, "case.toml");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!(
            "error: the file is not valid UTF-8\n    ┌─ packs/refund-refusal/pack.toml:{line}:3\n"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn deeply_nested_cases_are_refused_without_overflowing_the_stack() {
    let dir = project();
    let d = dir.path();
    let n = 100_000;
    let cases = [
        (
            "arrays.toml",
            format!("a = {}{}\n", "[".repeat(n), "]".repeat(n)),
            "error: arrays.toml:1:85: invalid TOML: cannot recurse further; max recursion depth met\n",
        ),
        (
            "tables.toml",
            format!("a = {}1{}\n", "{a = ".repeat(n), "}".repeat(n)),
            "error: tables.toml:1:405: invalid TOML: cannot recurse further; max recursion depth met\n",
        ),
        (
            "keys.toml",
            format!("[{}b]\n", "a.".repeat(n)),
            "error: keys.toml: invalid TOML: recursion limit\n",
        ),
        (
            "objects.json",
            format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n)),
            "error: objects.json:1:321: the JSON nests more than 64 levels deep\n",
        ),
        (
            "arrays.json",
            format!("{{\"a\": {}{}}}", "[".repeat(n), "]".repeat(n)),
            "error: arrays.json:1:70: the JSON nests more than 64 levels deep\n",
        ),
    ];
    for (name, text, expected) in cases {
        write(d, name, &text);
        let run = build(d, name);
        assert_eq!(run.code, 1, "{name}");
        assert!(run.stderr.starts_with(expected), "{name}\n{}", run.stderr);
    }
}
