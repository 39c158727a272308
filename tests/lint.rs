//! `lettrine lint`: every planted problem of a fixture pack, exactly; the
//! embedded packs clean; plain Fluent folders; lexicons a team extends.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::path::Path;

use common::{lettrine, root, write};

fn fixtures() -> std::path::PathBuf {
    root().join("tests/fixtures/lint")
}

#[test]
fn every_planted_problem_is_reported_exactly() {
    let run = lettrine(&fixtures(), &["--color", "never", "lint", "planted"]);
    assert_eq!(run.code, 1, "errors fail the run");
    insta::assert_snapshot!("planted_human", run.stderr);
}

#[test]
fn json_lists_each_finding_with_its_place_locale_and_message() {
    let run = lettrine(&fixtures(), &["lint", "planted", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["targets"][0]["name"], "planted");
    assert_eq!(
        json["targets"][0]["locales"],
        serde_json::json!(["en", "fr", "it"])
    );
    // One line per finding: severity, code, place, locale, message id.
    let lines: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {}:{}:{} [{}] {}",
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap_or("-"),
                d["line"],
                d["column"],
                d["locale"].as_str().unwrap_or("-"),
                d["message_id"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    insta::assert_snapshot!("planted_json", lines.join("\n"));
    let summary = &json["summary"];
    let errors = lines.iter().filter(|l| l.starts_with("error")).count();
    assert_eq!(summary["errors"], errors);
    assert_eq!(summary["warnings"], lines.len() - errors);
}

#[test]
fn the_embedded_packs_have_no_errors_and_no_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let run = lettrine(dir.path(), &["--color", "never", "lint"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("refund-refusal: 6 locales (en source)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("0 errors, 0 warnings\n"),
        "{}",
        run.stderr
    );
    let run = lettrine(dir.path(), &["lint", "-W", "refund-refusal"]);
    assert_eq!(run.code, 0, "no warning either: {}", run.stderr);
}

#[test]
fn a_plain_fluent_folder_is_linted_against_its_source() {
    let run = lettrine(&fixtures(), &["--color", "never", "lint", "plain"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    insta::assert_snapshot!("plain_without_source", run.stderr);
    let run = lettrine(
        &fixtures(),
        &["--color", "never", "lint", "plain", "--source", "en-US"],
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("plain_with_source", run.stderr);
    let run = lettrine(&fixtures(), &["lint", "plain", "--source", "de"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("plain has no folder for the source locale de"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_team_extends_the_lexicons_with_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let plain = fixtures().join("plain");
    common::copy_dir(&plain, &dir.path().join("l10n"));
    write(
        dir.path(),
        "lexicons/house.toml",
        r#"[[rule]]
id = "competitor"
severity = "error"
why = "We never name a competitor in a letter."
[rule.phrases]
fr = ["confidentialité"]
"#,
    );
    let run = lettrine(
        dir.path(),
        &["--color", "never", "lint", "l10n", "--source", "en-US"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error[house::competitor]: “Confidentialité”: competitor"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("why: We never name a competitor in a letter."),
        "{}",
        run.stderr
    );
    // The embedded lexicons still apply.
    write(
        dir.path(),
        "l10n/fr/app.ftl",
        "-brand = Lumen\nwelcome = Évidemment, { $name }, bienvenue dans { -brand } !\nitems = { $count ->\n    [one] Un élément\n   *[other] { $count } éléments\n}\n",
    );
    let run = lettrine(
        dir.path(),
        &["--color", "never", "lint", "l10n", "--source", "en-US"],
    );
    assert!(
        run.stderr
            .contains("warning[tone::condescending]: “Évidemment”"),
        "{}",
        run.stderr
    );

    // A broken lexicon is an error at its place, not a silent skip.
    write(
        dir.path(),
        "lexicons/house.toml",
        "[[rule]]\nid = \"x\"\nseverity = \"fatal\"\n",
    );
    let run = lettrine(
        dir.path(),
        &["--color", "never", "lint", "l10n", "--source", "en-US"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("lexicons/house.toml:3:12"),
        "{}",
        run.stderr
    );
}

#[test]
fn lint_ignore_comments_silence_one_check_for_one_message() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixtures().join("plain"), &dir.path().join("l10n"));
    let fr = Path::new("l10n/fr/app.ftl");
    let text = std::fs::read_to_string(dir.path().join(fr)).unwrap();
    let text = text.replace(
        "welcome =",
        "# lint-ignore: variable-dropped $name -- the greeting is generic in French\nwelcome =",
    );
    write(dir.path(), fr.to_str().unwrap(), &text);
    let run = lettrine(dir.path(), &["lint", "l10n", "--source", "en-US"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Naming another variable silences nothing.
    write(
        dir.path(),
        fr.to_str().unwrap(),
        &text.replace("$name --", "$nom --"),
    );
    let run = lettrine(dir.path(), &["lint", "l10n", "--source", "en-US"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

/// One line per finding of a `--format json` run: severity, code, place,
/// locale and message id.
fn finding_lines(json: &serde_json::Value) -> String {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {}:{}:{} [{}] {}",
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap_or("-"),
                d["line"],
                d["column"],
                d["locale"].as_str().unwrap_or("-"),
                d["message_id"].as_str().unwrap_or("-"),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn json_run(cwd: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["lint"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = lettrine(cwd, &all);
    let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stderr));
    (run.code, json)
}

/// A bare tree as shipped projects write them: what Fluent resolves fine
/// is not reported (an attribute using its own message, the same id in two
/// files, markup and code in text, quotes around a placeable, a function
/// the application registers, a selector a translation chooses not to
/// use, a partial locale), and each planted problem beside it is.
#[test]
fn a_bare_tree_reports_real_problems_only() {
    let (code, json) = json_run(&fixtures(), &["tree", "--source", "en-US"]);
    assert_eq!(
        code, 1,
        "the loop, the duplicate and the variables are errors"
    );
    insta::assert_snapshot!("tree_json", finding_lines(&json));
    assert_eq!(
        json["locales"],
        serde_json::json!([{
            "target": "tree", "locale": "fr", "missing": 2, "missing_words": 7,
            "obsolete": 1, "errors": 5, "warnings": 3
        }])
    );
    assert_eq!(json["summary"]["notes"], 3);

    // A locale that must be complete: the missing entries become errors.
    let (_, strict) = json_run(
        &fixtures(),
        &["tree", "--source", "en-US", "--require-complete"],
    );
    let errors = |j: &serde_json::Value| j["summary"]["errors"].as_u64().unwrap();
    assert_eq!(
        errors(&strict),
        errors(&json) + 2,
        "{}",
        finding_lines(&strict)
    );
    assert!(finding_lines(&strict).contains("error l10n::missing-file tree/en-US/later.ftl"));
}

#[test]
fn lettrine_toml_declares_functions_and_where_typography_runs() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixtures().join("tree"), &dir.path().join("tree"));
    write(
        dir.path(),
        "tree/lettrine.toml",
        "[lint]\nsource = \"en-US\"\nfunctions = [\"PLATFORM\"]\ntypography = \"all\"\n",
    );
    let (_, json) = json_run(dir.path(), &["tree"]);
    let lines = finding_lines(&json);
    assert!(!lines.contains("unknown-function"), "{lines}");
    // Typography everywhere: the French straight apostrophe and quotes in
    // text are found, never those in markup, code or around a placeable.
    let fr_typography: Vec<&str> = lines
        .lines()
        .filter(|l| l.contains("typography::") && l.contains("[fr]"))
        .collect();
    assert_eq!(
        fr_typography,
        [
            "warning typography::straight-apostrophe tree/fr/app.ftl:8:113 [fr] link",
            "warning typography::straight-quote tree/fr/app.ftl:12:26 [fr] bad-quotes",
            "warning typography::straight-quote tree/fr/app.ftl:12:29 [fr] bad-quotes",
        ]
    );
    // An unknown key is refused at its place.
    write(
        dir.path(),
        "tree/lettrine.toml",
        "[lint]\nfunction = [\"PLATFORM\"]\n",
    );
    let run = lettrine(dir.path(), &["--color", "never", "lint", "tree"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("tree/lettrine.toml:2:1"),
        "{}",
        run.stderr
    );
}

/// What a pack's build would refuse stays an error: one bundle per locale.
#[test]
fn a_pack_stays_strict() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixtures().join("planted"), &dir.path().join("planted"));
    write(
        dir.path(),
        "planted/en/extra.ftl",
        "plain = Defined again in another file.\nos = { PLATFORM() ->\n   *[other] Other\n}\n",
    );
    let (_, json) = json_run(dir.path(), &["planted"]);
    let lines = finding_lines(&json);
    assert!(
        // extra.ftl sorts first: the repeat is letter.ftl's.
        lines.contains("error fluent::duplicate planted/en/letter.ftl:22:1 [en] plain"),
        "{lines}"
    );
    assert!(
        lines.contains("error fluent::unknown-function planted/en/extra.ftl:2:8 [en] os"),
        "{lines}"
    );
}

/// A compare-locales project: includes (with their own per-path locales),
/// excludes, env, key and file filters, `.l10n-ignore`, and lettrine.toml
/// beside it; `lint DIR` reads DIR/l10n.toml, `--config` names it.
#[test]
fn an_l10n_toml_decides_what_is_linted_and_how() {
    let (code, json) = json_run(&fixtures(), &["project"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("project_json", finding_lines(&json));
    assert_eq!(json["locales"][0]["locale"], "fr");
    assert_eq!(
        json["locales"][0]["missing"], 1,
        "drafts and legacy.ftl are ignored"
    );
    assert_eq!(json["locales"][1]["missing"], 0);
    let (_, by_config) = json_run(&fixtures(), &["--config", "project/l10n.toml"]);
    assert_eq!(finding_lines(&by_config), finding_lines(&json));

    // The filter that makes legal-notice an error is the last match: a
    // later rule saying `warning` wins.
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixtures().join("project"), &dir.path().join("project"));
    let toml = std::fs::read_to_string(dir.path().join("project/l10n.toml")).unwrap();
    write(
        dir.path(),
        "project/l10n.toml",
        &format!(
            "{toml}\n[[filters]]\npath = \"{{l10n}}**\"\nkey = \"re:legal\"\naction = \"warning\"\n"
        ),
    );
    let (_, json) = json_run(dir.path(), &["project"]);
    assert!(
        finding_lines(&json)
            .contains("warning l10n::missing project/locales/fr/app.ftl:3:1 [fr] legal-notice"),
        "{}",
        finding_lines(&json)
    );
    // A bad `re:` key is an error at its place.
    write(
        dir.path(),
        "project/l10n.toml",
        &format!(
            "{toml}\n[[filters]]\npath = \"{{l10n}}**\"\nkey = \"re:(\"\naction = \"ignore\"\n"
        ),
    );
    let run = lettrine(dir.path(), &["--color", "never", "lint", "project"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: the key pattern `re:(` is not a regular expression"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("project/l10n.toml:36:8"),
        "{}",
        run.stderr
    );
}

#[test]
fn sarif_for_code_scanning() {
    let run = lettrine(
        &fixtures(),
        &["lint", "tree", "--source", "en-US", "--format", "sarif"],
    );
    assert_eq!(run.code, 1);
    // The snapshot does not change with each version of lettrine.
    let own = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(run.stdout.contains(&own), "the driver says its version");
    insta::assert_snapshot!(
        "tree_sarif",
        run.stdout
            .replace(&own, "\"version\": \"[lettrine's version]\"")
    );
    // The fields GitHub code scanning requires.
    let log: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run0 = &log["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "lettrine");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    for rule in rules {
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(!rule[field]["text"].as_str().unwrap().is_empty(), "{rule}");
        }
    }
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 16);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("tree/") && !uri.starts_with('/'), "{uri}");
        if let Some(region) = location.get("region") {
            assert!(region["startLine"].as_u64().unwrap() >= 1);
            assert!(region["startColumn"].as_u64().unwrap() >= 1);
            assert!(region["endLine"].as_u64() >= region["startLine"].as_u64());
        }
    }
}

#[test]
fn github_annotations() {
    let run = lettrine(
        &fixtures(),
        &["lint", "tree", "--source", "en-US", "--format", "github"],
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("tree_github", run.stdout);
}
