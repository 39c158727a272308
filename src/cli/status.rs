//! `lettrine status`: a table per pack of each locale's progress.

use lettrine::Error;
use lettrine::revision::Project;
use lettrine::status::{self, PackStatus};

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Pack ids [default: every pack of the project].
    #[arg(value_name = "PACK")]
    packs: Vec<String>,

    /// `human` prints tables; `json` one JSON document.
    #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
    format: StatusFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// Tables, on standard output.
    Human,
    /// One JSON document on standard output.
    Json,
}

pub fn run(args: StatusArgs, project: &Project) -> Result<(), Error> {
    let ids: Vec<String> = if args.packs.is_empty() {
        project.packs().into_iter().map(|(id, _)| id).collect()
    } else {
        args.packs
    };
    let mut all = Vec::new();
    for id in &ids {
        let located = project.pack(id).ok_or_else(|| {
            let known: Vec<String> = project.packs().into_iter().map(|(id, _)| id).collect();
            Error::usage(
                format!("there is no pack {id}"),
                Some(format!("the packs are: {}", known.join(", "))),
            )
        })?;
        all.push(status::status(&located)?);
    }
    let text = match args.format {
        StatusFormat::Human => all.iter().map(table).collect::<Vec<_>>().join("\n"),
        StatusFormat::Json => {
            let json = serde_json::json!({ "version": 1, "packs": all });
            let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    super::stdout(text.as_bytes())
}

/// One pack as an aligned table, then its stale messages.
fn table(pack: &PackStatus) -> String {
    let mut rows = vec![[
        "locale".to_owned(),
        "complete".to_owned(),
        "missing".to_owned(),
        "obsolete".to_owned(),
        "stale (hard/soft)".to_owned(),
        "words".to_owned(),
    ]];
    for l in &pack.locales {
        let source = l.locale == pack.source;
        let dash = |n: usize| {
            if source {
                "-".to_owned()
            } else {
                n.to_string()
            }
        };
        rows.push([
            if source {
                format!("{} (source)", l.locale)
            } else {
                l.locale.clone()
            },
            l.complete.to_string(),
            dash(l.missing),
            dash(l.obsolete),
            match (&l.stale, source) {
                (_, true) => "-".to_owned(),
                (Some(s), false) => format!("{} ({}/{})", s.hard + s.soft, s.hard, s.soft),
                (None, false) => "unknown".to_owned(),
            },
            l.words.to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = format!(
        "{} {} — {} messages in {}\n",
        pack.id, pack.version, pack.messages, pack.source
    );
    for row in &rows {
        let mut line = format!("{:<w$}", row[0], w = widths[0]);
        for (cell, w) in row.iter().zip(&widths).skip(1) {
            line.push_str(&format!("  {cell:>w$}"));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    for l in &pack.locales {
        for s in &l.stale_messages {
            out.push_str(&format!(
                "stale {} {} ({}): the source changed after {} ({})\n",
                l.locale, s.id, s.kind, s.translated_in, s.translated_on
            ));
        }
    }
    if !pack.git {
        out.push_str("stale: unknown, the pack is not in a git repository\n");
    }
    out
}
