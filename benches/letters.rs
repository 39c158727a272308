//! Benchmark: the in-process cost of one more letter over a few hundred
//! different letters (check, format, typeset, PDF), the same letters set in
//! an embedded font and in a project's own font (`fonts/`), and the
//! whole-process time of one `lettrine build`. Run with
//! `cargo bench --bench letters`; `LETTERS=N` changes the number of letters.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use lettrine::builder::{Builder, Overrides};
use lettrine::case::CaseFile;
use lettrine::diagnostic::SourceFile;
use lettrine::render::{Output, PdfStandard, RenderOptions};
use lettrine::revision::Project;

fn main() {
    let count: usize = std::env::var("LETTERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let examples: Vec<(String, String)> = ["fr", "it", "en"]
        .iter()
        .map(|l| {
            let path = root.join(format!("packs/refund-refusal/examples/{l}.toml"));
            (
                path.display().to_string(),
                std::fs::read_to_string(&path).expect("example exists"),
            )
        })
        .collect();

    // Different letters: each varies its amount, its order date and the
    // customer's name, so no two share their text.
    let cases: Vec<CaseFile> = (0..count)
        .map(|i| {
            let (name, text) = &examples[i % examples.len()];
            let text = text
                .replacen("amount = \"", &format!("amount = \"{}", i + 1), 1)
                .replacen("name = \"", &format!("name = \"N{i} "), 1);
            CaseFile::parse(SourceFile::new(name.clone(), text)).expect("a valid case")
        })
        .collect();

    let start = Instant::now();
    let builder = Builder::new(Project::embedded_only());
    let setup = start.elapsed();

    let mut times = Vec::with_capacity(count);
    let mut bytes = 0;
    let loop_start = Instant::now();
    for case in &cases {
        let t = Instant::now();
        let letter = builder
            .letter(case, &Overrides::default())
            .expect("the letter assembles");
        let pdf = builder
            .typeset(&letter, &RenderOptions::default())
            .expect("the letter typesets")
            .export(Output::Pdf)
            .expect("exports");
        times.push(t.elapsed());
        bytes += pdf.len();
    }
    let total = loop_start.elapsed();
    let first = times[0];
    let mut steady = times[1..].to_vec();
    steady.sort();
    let pct = |p: f64| steady[((steady.len() - 1) as f64 * p) as usize];

    println!("lettrine benchmark: {count} different one-page letters, one thread");
    println!("  set-up (fonts, library):   {}", ms(setup));
    println!("  first letter:              {}", ms(first));
    println!("  steady median per letter:  {}", ms(pct(0.5)));
    println!("  steady p90 per letter:     {}", ms(pct(0.9)));
    println!("  loop wall per letter:      {}", ms(total / count as u32));
    println!("  mean PDF size:             {} bytes", bytes / count);
    println!("  peak RSS:                  {}", peak_rss());

    phases(&cases);
    fonts_compared(&root, &examples, count);
    standards_compared(&cases);

    let binary = env!("CARGO_BIN_EXE_lettrine");
    let out = std::env::temp_dir().join("lettrine-bench.pdf");
    let mut runs = Vec::new();
    for _ in 0..22 {
        let t = Instant::now();
        let status = Command::new(binary)
            .args(["build", &examples[0].0, "-o"])
            .arg(&out)
            .status()
            .expect("the binary runs");
        assert!(status.success());
        runs.push(t.elapsed());
    }
    let mut runs = runs[2..].to_vec();
    runs.sort();
    println!(
        "one `lettrine build` process (fr example, PDF), median of {}: {}",
        runs.len(),
        ms(runs[runs.len() / 2])
    );
    let _ = std::fs::remove_file(out);
}

/// Where a letter's time goes, phase by phase, as medians over the same
/// letters: checking the case against the pack, formatting its messages
/// (Fluent, CLDR through ICU4X, typography), Typst (evaluating the style and
/// laying the letter out, every pass it takes), and writing the PDF.
fn phases(cases: &[CaseFile]) {
    let builder = Builder::new(Project::embedded_only());
    let (mut check, mut format, mut typeset, mut export) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for case in cases {
        let pack = builder.pack(&case.pack.id).expect("the pack loads");
        let t = Instant::now();
        case.validate(&pack, &case.locale)
            .expect("the case is valid");
        let checked = t.elapsed();
        let t = Instant::now();
        let letter = builder
            .letter(case, &Overrides::default())
            .expect("the letter assembles");
        let assembled = t.elapsed();
        let t = Instant::now();
        let typeset_letter = builder
            .typeset(&letter, &RenderOptions::default())
            .expect("the letter typesets");
        typeset.push(t.elapsed());
        let t = Instant::now();
        typeset_letter.export(Output::Pdf).expect("exports");
        export.push(t.elapsed());
        check.push(checked);
        format.push(assembled.saturating_sub(checked));
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    println!("  phases, median per letter:");
    println!("    check the case:          {}", ms(median(&mut check)));
    println!("    format the messages:     {}", ms(median(&mut format)));
    println!("    Typst (eval and layout): {}", ms(median(&mut typeset)));
    println!("    PDF export:              {}", ms(median(&mut export)));
}

/// The same letters as plain PDF, then as PDF/A-3b with PDF/UA-1 (what
/// `issue` writes): what Typst's validation and the archival metadata cost.
fn standards_compared(cases: &[CaseFile]) {
    let builder = Builder::new(Project::embedded_only());
    for (label, standards) in [
        ("plain PDF", vec![]),
        (
            "PDF/A-3b + UA-1",
            vec![PdfStandard::A_3b, PdfStandard::Ua_1],
        ),
    ] {
        let options = RenderOptions {
            pdf_standards: standards,
            ..RenderOptions::default()
        };
        let mut times = Vec::with_capacity(cases.len());
        for case in cases {
            let t = Instant::now();
            let letter = builder
                .letter(case, &Overrides::default())
                .expect("the letter assembles");
            builder
                .typeset(&letter, &options)
                .expect("the letter typesets")
                .export(Output::Pdf)
                .expect("exports");
            times.push(t.elapsed());
        }
        let mut steady = times[1..].to_vec();
        steady.sort();
        let total: Duration = times.iter().sum();
        println!(
            "  {label:>16}: steady median {}, mean {}",
            ms(steady[steady.len() / 2]),
            ms(total / times.len() as u32)
        );
    }
}

/// The same letters with a theme that sets them in Noto Sans (embedded),
/// then in Brand Sans, a project font of the test fixtures made from it:
/// what reading, checking and using a project's fonts costs per letter.
fn fonts_compared(root: &std::path::Path, examples: &[(String, String)], count: usize) {
    let project = tempfile::tempdir().expect("a temporary folder");
    let dir = project.path();
    std::fs::create_dir_all(dir.join("fonts")).expect("a fonts folder");
    std::fs::create_dir_all(dir.join("themes")).expect("a themes folder");
    for font in ["BrandSans-Regular.ttf", "BrandSans-Bold.ttf"] {
        std::fs::copy(
            root.join("tests/fixtures/fonts").join(font),
            dir.join("fonts").join(font),
        )
        .expect("the test font exists");
    }
    for (theme, family) in [("embedded", "Noto Sans"), ("project", "Brand Sans")] {
        std::fs::write(
            dir.join(format!("themes/{theme}.toml")),
            format!("[fonts]\nbody = \"{family}\"\nheading = \"{family}\"\n"),
        )
        .expect("a theme");
    }
    for theme in ["embedded", "project"] {
        let cases: Vec<CaseFile> = (0..count)
            .map(|i| {
                let (name, text) = &examples[i % examples.len()];
                let text = text
                    .lines()
                    .filter(|l| !l.starts_with("theme = "))
                    .collect::<Vec<_>>()
                    .join("\n")
                    .replacen("[sender]\n", &format!("[sender]\ntheme = \"{theme}\"\n"), 1)
                    .replacen("amount = \"", &format!("amount = \"{}", i + 1), 1)
                    .replacen("name = \"", &format!("name = \"N{i} "), 1);
                CaseFile::parse(SourceFile::new(name.clone(), text)).expect("a valid case")
            })
            .collect();
        let start = Instant::now();
        let builder = Builder::new(Project::new(Some(dir)).expect("the project"));
        let mut times = Vec::with_capacity(count);
        for case in &cases {
            let t = Instant::now();
            let letter = builder
                .letter(case, &Overrides::default())
                .expect("the letter assembles");
            builder
                .typeset(&letter, &RenderOptions::default())
                .expect("the letter typesets")
                .export(Output::Pdf)
                .expect("exports");
            times.push(t.elapsed());
        }
        let total = start.elapsed();
        let first = times[0];
        let mut steady = times[1..].to_vec();
        steady.sort();
        println!(
            "  theme font {:>8} ({}): first letter {}, steady median {}, all {}",
            theme,
            if theme == "embedded" {
                "Noto Sans"
            } else {
                "Brand Sans from fonts/"
            },
            ms(first),
            ms(steady[steady.len() / 2]),
            ms(total)
        );
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}
