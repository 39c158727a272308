//! Benchmark: comparing two one-page letters (`lettrine diff`'s core), in
//! process: block alignment, sentence and word diffs, move detection, causes
//! and figures. The two letters differ by an amount, a reworded sentence and
//! a sentence moved to another paragraph. Run with `cargo bench --bench diff`;
//! `ROUNDS=N` changes the number of comparisons.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lettrine::builder::{Builder, Overrides};
use lettrine::diff::{LetterSide, compare_letters};
use lettrine::history::canonical_messages;
use lettrine::revision::Project;

fn main() {
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("packs/refund-refusal/examples/fr.toml");
    let text = std::fs::read_to_string(&path).expect("the example exists");
    let builder = Builder::new(Project::embedded_only());
    let build = |text: String| {
        let case = builder
            .parse_case(path.display().to_string(), text.into_bytes())
            .expect("the case parses");
        builder
            .letter(&case, &Overrides::default())
            .expect("the letter builds")
    };
    let old = build(text.clone());
    let mut new = build(text.replacen("amount = \"1234.56\"", "amount = \"1450.00\"", 1));
    // A reworded sentence, and the concession's last sentence moved to the
    // start of the next paragraph.
    let last = new.body.len() - 1;
    new.body[last].text = new.body[last].text.replacen("renouvelons", "réitérons", 1);
    let concession = new
        .body
        .iter()
        .position(|p| p.message == "concession")
        .expect("the example offers a concession");
    let moved = new.body[concession]
        .text
        .split_once(". ")
        .map(|(a, b)| (format!("{a}."), b.to_owned()))
        .expect("the concession has two sentences");
    new.body[concession].text = moved.0;
    new.body[concession + 1].text = format!("{} {}", moved.1, new.body[concession + 1].text);

    let pack = builder.pack("refund-refusal").expect("the pack loads");
    let texts = pack.messages.get("fr").expect("French messages");
    let messages = canonical_messages(texts.iter().map(|(_, f)| &*f.text));
    let side = |letter| LetterSide {
        letter,
        messages: &messages,
        style_digest: "same",
    };

    let mut times = Vec::with_capacity(rounds);
    let mut blocks = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        let diff = compare_letters("fr.toml", Some(side(&old)), Some(side(&new)));
        times.push(start.elapsed());
        blocks = diff.map_or(0, |d| d.blocks.len());
    }
    times.sort();
    let identical = {
        let start = Instant::now();
        let diff = compare_letters("fr.toml", Some(side(&old)), Some(side(&old)));
        assert!(diff.is_none());
        start.elapsed()
    };
    println!("compare two one-page letters ({blocks} changed blocks), {rounds} rounds:");
    println!("  median {}", us(times[rounds / 2]));
    println!("  90th percentile {}", us(times[rounds * 9 / 10]));
    println!("  slowest {}", us(times[rounds - 1]));
    println!("  identical letters {}", us(identical));
}

fn us(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}
