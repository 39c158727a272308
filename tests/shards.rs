//! Batches split into shards: N shard processes at once over one table
//! into one folder give every letter once, byte for byte as an unsharded
//! build; a shard killed and run again completes; `--dry-run` counts what
//! is left; the Kubernetes recipe is a valid Indexed Job whose own command
//! lines, run here, build the whole batch.

#![allow(clippy::unwrap_used)] // test helpers fail loudly

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{lettrine, root, write};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

const BASE: &str = r#"pack = "refund-refusal@^1"
date = 2026-11-23
place = "Paris"
enclosures = ["invoice"]
reasons = ["custom-made"]

[sender]
name = "Atelier Lumière"
address = ["12 rue des Archives", "75004 Paris"]
email = "service.client@atelier-lumiere.fr"
phone = "01 84 25 36 47"

[signatory]
name = "Camille Martin"
role = "Responsable du service client"
"#;

/// A table of `rows` different letters, and the defaults they share.
fn batch(dir: &Path, rows: usize) {
    let mut text = String::from(
        "locale,recipient.name,recipient.salutation,recipient.address,order.number,order.date,order.item,order.amount,order.currency,order.delivery-date,request.date\n",
    );
    for i in 0..rows {
        // The item in the letter's language: build warns about a word its
        // dictionary does not know.
        let (locale, item) = [("fr", "une table"), ("it", "un tavolo")][i % 2];
        text.push_str(&format!(
            "{locale},Claire Client{i},madame,8 rue des Lilas|69007 Lyon,CMD-{i:05},2026-09-14,{item},{}.00,EUR,2026-10-01,2026-11-02\n",
            100 + i
        ));
    }
    write(dir, "cases.csv", &text);
    write(dir, "base.toml", BASE);
}

fn spawn(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_lettrine"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lettrine starts")
}

const BUILD: &[&str] = &[
    "build",
    "cases.csv",
    "--defaults",
    "base.toml",
    "--name",
    "{order.number}-{locale}.pdf",
];

/// Every file of `dir` but the journals, with its bytes.
fn letters(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| !n.starts_with(".lettrine-batch"))
        .map(|n| (n.clone(), std::fs::read(dir.join(&n)).unwrap()))
        .collect()
}

fn dry_run(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = BUILD.to_vec();
    args.extend(["--out", "letters", "--dry-run", "--format", "json"]);
    args.extend_from_slice(extra);
    let run = lettrine(dir, &args);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    (run.code, serde_json::from_str(&run.stdout).unwrap())
}

#[test]
fn four_shards_at_once_build_every_letter_once_as_one_batch_would() {
    let dir = tmp();
    let d = dir.path();
    batch(d, 22);
    let (code, before) = dry_run(d, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        (
            &before["to_build"],
            &before["up_to_date"],
            &before["complete"]
        ),
        (&22.into(), &0.into(), &false.into())
    );

    let shards: Vec<Child> = (0..4)
        .map(|k| {
            let shard = format!("{k}/4");
            let mut args = BUILD.to_vec();
            args.extend(["--out", "letters", "--shard", &shard, "--jobs", "1"]);
            spawn(d, &args)
        })
        .collect();
    for shard in shards {
        let out = shard.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut whole = BUILD.to_vec();
    whole.extend(["--out", "whole"]);
    let run = lettrine(d, &whole);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let sharded = letters(&d.join("letters"));
    assert_eq!(sharded.len(), 22);
    assert_eq!(sharded, letters(&d.join("whole")));
    // Each shard kept its own journal, of its own letters (6, 6, 5, 5).
    for (k, n) in [(0, 6), (1, 6), (2, 5), (3, 5)] {
        let journal =
            std::fs::read_to_string(d.join(format!("letters/.lettrine-batch.shard-{k}-of-4")))
                .unwrap();
        assert_eq!(journal.lines().count(), n, "shard {k}");
    }
    let (code, after) = dry_run(d, &[]);
    assert_eq!(code, 0, "{after}");
    assert_eq!(after["up_to_date"], 22);
    let shards: Vec<(String, u64)> = after["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["shard"].as_str().unwrap().to_owned(),
                s["up_to_date"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shards,
        [("0/4", 6), ("1/4", 6), ("2/4", 5), ("3/4", 5)]
            .map(|(s, n)| (s.to_owned(), n))
            .to_vec()
    );
    // A shard run again builds nothing.
    let mut again = BUILD.to_vec();
    again.extend(["--out", "letters", "--shard", "2/4"]);
    let run = lettrine(d, &again);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .starts_with("letters: 0 written, 5 up to date (shard 2/4: 5 of 22 rows in "),
        "{}",
        run.stderr
    );
}

#[test]
fn a_shard_killed_midway_completes_when_run_again() {
    let dir = tmp();
    let d = dir.path();
    batch(d, 40);
    let mut args = BUILD.to_vec();
    args.extend(["--out", "letters", "--shard", "1/2", "--jobs", "1"]);
    let mut shard = spawn(d, &args);
    let journal = d.join("letters/.lettrine-batch.shard-1-of-2");
    let start = Instant::now();
    while std::fs::read_to_string(&journal).map_or(0, |j| j.lines().count()) < 3 {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the shard made no progress"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    shard.kill().unwrap();
    shard.wait().unwrap();

    let (code, during) = dry_run(d, &["--shard", "1/2"]);
    assert_eq!(code, 1);
    let done = during["up_to_date"].as_u64().unwrap();
    assert!((3..20).contains(&done), "{during}");
    assert_eq!(during["to_build"].as_u64().unwrap(), 20 - done);

    let run = lettrine(d, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(&format!(
            "letters: {} written, {done} up to date (shard 1/2: 20 of 40 rows in ",
            20 - done
        )) || run.stderr.starts_with(&format!(
            "letters: {} written, {} up to date (shard 1/2: 20 of 40 rows in ",
            20 - done - 1,
            done + 1
        )),
        "{}",
        run.stderr
    );
    let (code, after) = dry_run(d, &["--shard", "1/2"]);
    assert_eq!((code, &after["up_to_date"]), (0, &20.into()));
    // The other shard is still to do: the batch as a whole is not complete.
    let (code, all) = dry_run(d, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        (&all["up_to_date"], &all["to_build"]),
        (&20.into(), &20.into())
    );
    let mut whole = BUILD.to_vec();
    whole.extend(["--out", "whole"]);
    assert_eq!(lettrine(d, &whole).code, 0);
    let built = letters(&d.join("letters"));
    let expected = letters(&d.join("whole"));
    assert_eq!(built.len(), 20);
    for (name, bytes) in &built {
        assert_eq!(Some(bytes), expected.get(name), "{name}");
    }
}

#[test]
fn bad_shards_are_usage_errors() {
    let dir = tmp();
    let d = dir.path();
    batch(d, 3);
    for (shard, why) in [
        (
            "4/4",
            "\"4/4\": the shards of 4 are 0 to 3, counted from 0 like $JOB_COMPLETION_INDEX",
        ),
        ("0/0", "\"0/0\": a batch is split into 1 shard or more"),
        ("x/4", "\"x/4\": K \"x\" is not a whole number"),
        ("2", "\"2\" is not K/N, like 0/4 (shard 0 of 4)"),
    ] {
        let mut args = BUILD.to_vec();
        args.extend(["--out", "letters", "--shard", shard]);
        let run = lettrine(d, &args);
        assert_eq!(run.code, 2, "{shard}");
        assert_eq!(
            run.stderr,
            format!(
                "error: invalid value '{shard}' for '--shard <K/N>': {why}\n\nFor more information, try '--help'.\n"
            ),
        );
    }
    let run = lettrine(
        d,
        &[
            "build",
            root()
                .join("packs/refund-refusal/examples/fr.toml")
                .to_str()
                .unwrap(),
            "--shard",
            "0/2",
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --shard is for batches: a table (.csv, .tsv, .jsonl) or a folder of cases\n = hint: for one case, write the letter with -o FILE\n\n"
    );
    assert!(!d.join("letters").exists());
}

#[test]
fn the_kubernetes_recipe_is_an_indexed_job_whose_pods_build_the_batch() {
    let text = std::fs::read_to_string(root().join("deploy/kubernetes-job.yaml")).unwrap();
    let job: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(job["apiVersion"], "batch/v1");
    assert_eq!(job["kind"], "Job");
    let spec = &job["spec"];
    assert_eq!(spec["completionMode"], "Indexed");
    let shards = spec["completions"].as_u64().unwrap();
    assert_eq!(spec["parallelism"].as_u64(), Some(shards));
    assert!(spec["backoffLimitPerIndex"].as_u64().is_some());
    let pod = &spec["template"]["spec"];
    assert_eq!(pod["restartPolicy"], "Never");
    assert_eq!(pod["securityContext"]["runAsNonRoot"], true);
    let container = &pod["containers"][0];
    let env = &container["env"][0];
    assert_eq!(
        env["valueFrom"]["fieldRef"]["fieldPath"],
        "metadata.annotations['batch.kubernetes.io/job-completion-index']"
    );
    let variable = format!("$({})", env["name"].as_str().unwrap());
    let mount = container["volumeMounts"][0]["mountPath"].as_str().unwrap();
    assert_eq!(
        pod["volumes"][0]["name"],
        container["volumeMounts"][0]["name"]
    );
    let args: Vec<String> = container["args"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_owned())
        .collect();
    assert!(args.contains(&format!("{variable}/{shards}")), "{args:?}");

    // Each pod's command, run here as the Job would, the volume a folder.
    let dir = tmp();
    let d = dir.path();
    std::fs::create_dir_all(d.join("data/project")).unwrap();
    batch(&d.join("data"), 17);
    let pods: Vec<Child> = (0..shards)
        .map(|k| {
            let args: Vec<String> = args
                .iter()
                .map(|a| a.replace(&variable, &k.to_string()).replace(mount, "data"))
                .collect();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            spawn(d, &args)
        })
        .collect();
    for pod in pods {
        let out = pod.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(letters(&d.join("data/letters")).len(), 17);
    let run = lettrine(
        d,
        &[
            "build",
            "data/cases.csv",
            "--defaults",
            "data/base.toml",
            "--name",
            "{order.number}-{locale}.pdf",
            "--out",
            "data/letters",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .ends_with("all: 17 up to date, 0 to build, 0 failed (complete)\n"),
        "{}",
        run.stdout
    );
}
