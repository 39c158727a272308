//! Benchmark: Word letters and redlines. The in-process time of one .docx
//! letter (no typesetting: the Letter is laid out as WordprocessingML and
//! zipped), letters per second on one thread and on every core, the size
//! of a letter's .docx, and the whole-process time of one Word redline of a
//! changed letter (`lettrine diff OLD NEW --format docx`). Run with
//! `cargo bench --bench word`; `LETTERS=N` changes the number of letters.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use lettrine::builder::{Builder, Overrides};
use lettrine::case::CaseFile;
use lettrine::diagnostic::SourceFile;
use lettrine::letter::Letter;
use lettrine::render::docx;
use lettrine::revision::Project;
use rayon::prelude::*;

fn main() {
    let count: usize = std::env::var("LETTERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let examples: Vec<(String, String)> = ["fr", "it", "ar"]
        .iter()
        .map(|l| {
            let path = root.join(format!("packs/refund-refusal/examples/{l}.toml"));
            (
                path.display().to_string(),
                std::fs::read_to_string(&path).expect("example exists"),
            )
        })
        .collect();
    let builder = Builder::new(Project::embedded_only());
    let letters: Vec<Letter> = (0..count)
        .map(|i| {
            let (name, text) = &examples[i % examples.len()];
            let text = text
                .replacen("amount = \"", &format!("amount = \"{}", i + 1), 1)
                .replacen("name = \"", &format!("name = \"N{i} "), 1);
            let case = CaseFile::parse(SourceFile::new(name.clone(), text)).expect("a valid case");
            builder
                .letter(&case, &Overrides::default())
                .expect("the letter assembles")
        })
        .collect();

    // One thread: each letter's own time.
    let mut times: Vec<Duration> = Vec::with_capacity(count);
    let mut bytes = 0;
    let start = Instant::now();
    for letter in &letters {
        let t = Instant::now();
        bytes += docx::letter(letter).expect("the .docx is written").len();
        times.push(t.elapsed());
    }
    let one_thread = start.elapsed();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{count} Word letters (fr, it, ar), in process, no typesetting:");
    println!(
        "  one thread: {:.0} letters/s; per letter median {:.3} ms, p95 {:.3} ms",
        count as f64 / one_thread.as_secs_f64(),
        ms(times[count / 2]),
        ms(times[count * 95 / 100]),
    );
    println!(
        "  mean size {:.1} KiB",
        bytes as f64 / count as f64 / 1024.0
    );

    // Every core.
    let start = Instant::now();
    let total: usize = letters
        .par_iter()
        .map(|l| docx::letter(l).expect("the .docx is written").len())
        .sum();
    let all = start.elapsed();
    println!(
        "  {} threads: {:.0} letters/s ({total} bytes)",
        rayon::current_num_threads(),
        count as f64 / all.as_secs_f64()
    );

    // One letter's sizes, by language.
    for (i, (name, _)) in examples.iter().enumerate() {
        let size = docx::letter(&letters[i]).expect("written").len();
        println!(
            "  {}: {:.1} KiB",
            name.rsplit('/').next().unwrap_or(name),
            size as f64 / 1024.0
        );
    }

    // A redline as a whole process: two versions of the French case, the
    // amount and a reason changed.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let old = &examples[0].1;
    let new = old
        .replacen("amount = \"1234.56\"", "amount = \"1450.00\"", 1)
        .replacen(
            "reasons = [\"custom-made\"]",
            "reasons = [\"custom-made\", \"withdrawal-period-expired\"]",
            1,
        );
    std::fs::write(dir.path().join("old.toml"), old).expect("write");
    std::fs::write(dir.path().join("new.toml"), new).expect("write");
    let binary = env!("CARGO_BIN_EXE_lettrine");
    let runs = 20;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let status = Command::new(binary)
            .args([
                "diff", "old.toml", "new.toml", "--format", "docx", "-o", "red.docx",
            ])
            .current_dir(dir.path())
            .status()
            .expect("lettrine runs");
        times.push(t.elapsed());
        assert_eq!(status.code(), Some(1), "the letters differ");
    }
    times.sort();
    let size = std::fs::metadata(dir.path().join("red.docx"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "a Word redline of one changed letter, whole process: median {:.1} ms over {runs} runs ({:.1} KiB)",
        ms(times[runs / 2]),
        size as f64 / 1024.0
    );
}
