//! A [`Report`] as text: for the terminal (plain or in colour, marked like
//! `git diff --word-diff`), as Markdown for a pull-request comment, and as
//! an HTML page.
//!
//! The plain marks: `[-deleted-]`, `{+inserted+}`, a moved sentence
//! `{>…<}[moved from BLOCK]` at its new place and `[>moved to BLOCK<]` at
//! its old one.

use std::borrow::Cow;
use std::fmt::Write;

use crate::diff::{
    BlockDiff, Cause, LetterDiff, LocaleText, PackDiff, Report, Segment, Side, Status, TextStatus,
};

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const STRIKE: &str = "\x1b[9m";
const RESET: &str = "\x1b[0m";

/// The report for a terminal; `color` uses ANSI colours instead of marks.
pub fn term(report: &Report, color: bool) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_owned()
        }
    };
    let mut out = String::new();
    for letter in &report.letters {
        let _ = writeln!(
            out,
            "{}",
            paint(
                BOLD,
                &format!("letter {} ({})", letter.case, status_word(letter.status))
            )
        );
        let _ = writeln!(out, "{}", sides(letter));
        if !letter.figures.is_empty() {
            let _ = writeln!(out, "Changed figures:");
            for f in &letter.figures {
                let _ = writeln!(
                    out,
                    "  {}: {} → {}",
                    f.label,
                    paint(RED, none(&f.old)),
                    paint(GREEN, none(&f.new))
                );
            }
        }
        for note in &letter.notes {
            let _ = writeln!(out, "Whole letter: {}", cause(note));
        }
        for block in &letter.blocks {
            let _ = writeln!(out);
            let _ = writeln!(out, "{}", paint(CYAN, &block_header(block)));
            let _ = writeln!(out, "{}", term_segments(&block.segments, color));
        }
        let _ = writeln!(out);
    }
    for pack in &report.packs {
        let _ = writeln!(out, "{}", paint(BOLD, &pack_header(pack)));
        for message in &pack.messages {
            let _ = writeln!(out, "{}", paint(CYAN, &format!("@@ {} @@", message.id)));
            let width = message
                .locales
                .iter()
                .map(|t| t.locale.len())
                .max()
                .unwrap_or(2);
            for t in &message.locales {
                let _ = writeln!(
                    out,
                    "  {:width$}  {:9}  {}",
                    t.locale,
                    text_status(t),
                    term_segments(&shown(t), color)
                );
            }
        }
        let _ = writeln!(out);
    }
    for p in &report.problems {
        let _ = writeln!(out, "problem: {} ({}): {}", p.case, p.side, p.message);
    }
    if !report.has_changes() && report.problems.is_empty() {
        let _ = writeln!(out, "no change between {} and {}", report.old, report.new);
    }
    out
}

/// A locale's text of a message as segments: its word diff when it
/// changed, else the whole text, deleted, inserted or as it is.
fn shown(t: &LocaleText) -> Cow<'_, [Segment]> {
    let text = |side: &Option<String>| side.clone().unwrap_or_default();
    Cow::Owned(vec![match t.status {
        TextStatus::Modified => return Cow::Borrowed(&t.segments),
        TextStatus::Deleted => Segment::Delete { text: text(&t.old) },
        TextStatus::Added => Segment::Insert { text: text(&t.new) },
        TextStatus::Unchanged | TextStatus::Stale => Segment::Equal { text: text(&t.new) },
    }])
}

fn term_segments(segments: &[Segment], color: bool) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            Segment::Equal { text } => out.push_str(text),
            Segment::Delete { text } => mark(&mut out, text, color, &[RED, STRIKE], "[-", "-]"),
            Segment::Insert { text } => mark(&mut out, text, color, &[GREEN], "{+", "+}"),
            Segment::MovedAway { to, text: _ } => {
                let note = format!(" [>moved to {to}<]");
                if color {
                    let _ = write!(out, " {DIM}{CYAN}[moved to {to}]{RESET}");
                } else {
                    out.push_str(&note);
                }
            }
            Segment::MovedHere { from, parts } => {
                let inner = term_segments(parts, color);
                let (lead, body) = split_lead(&inner);
                if color {
                    let _ = write!(
                        out,
                        "{lead}{CYAN}{body}{RESET}{DIM}{CYAN} [moved from {from}]{RESET}"
                    );
                } else {
                    let _ = write!(out, "{lead}{{>{body}<}}[moved from {from}]");
                }
            }
        }
    }
    out
}

fn mark(out: &mut String, text: &str, color: bool, codes: &[&str], open: &str, close: &str) {
    let (lead, body) = split_lead(text);
    out.push_str(lead);
    if color {
        let _ = write!(out, "{}{body}{RESET}", codes.concat());
    } else {
        let _ = write!(out, "{open}{body}{close}");
    }
}

/// A segment's leading space, and the rest.
fn split_lead(text: &str) -> (&str, &str) {
    match text.strip_prefix(' ') {
        Some(rest) => (" ", rest),
        None => ("", text),
    }
}

fn none(text: &str) -> &str {
    if text.is_empty() { "(none)" } else { text }
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Added => "added",
        Status::Deleted => "deleted",
        Status::Modified => "modified",
        Status::Unchanged => "unchanged",
    }
}

fn text_status(t: &LocaleText) -> &'static str {
    match t.status {
        TextStatus::Unchanged => "same",
        TextStatus::Added => "added",
        TextStatus::Deleted => "deleted",
        TextStatus::Modified => "changed",
        TextStatus::Stale => "STALE",
    }
}

/// `refund-refusal 1.1.0 → 1.2.0 · fr · style classic`.
pub fn sides(letter: &LetterDiff) -> String {
    let one = |s: &Side| {
        format!(
            "{} {} · {} · style {}",
            s.pack, s.version, s.locale, s.style
        )
    };
    match (&letter.old, &letter.new) {
        // The date is a field, shown with the figures, not here.
        (Some(a), Some(b)) if one(a) == one(b) => one(b),
        (Some(a), Some(b)) => format!("{} → {}", one(a), one(b)),
        (Some(s), None) | (None, Some(s)) => one(s),
        (None, None) => String::new(),
    }
}

fn block_header(block: &BlockDiff) -> String {
    let mut out = format!("@@ {} @@", block.block);
    match block.status {
        Status::Added => out.push_str(" new block"),
        Status::Deleted => out.push_str(" block removed"),
        Status::Modified | Status::Unchanged => {}
    }
    if !block.causes.is_empty() {
        let why: Vec<String> = block.causes.iter().map(cause).collect();
        let _ = write!(out, " because: {}", why.join("; "));
    }
    out
}

fn pack_header(pack: &PackDiff) -> String {
    let version = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
    format!(
        "pack {} {} → {} (source {})",
        pack.pack,
        version(&pack.old_version),
        version(&pack.new_version),
        pack.source_locale
    )
}

/// Why something changed, in words.
pub fn cause(cause: &Cause) -> String {
    match cause {
        Cause::Field { field, .. } => format!("case field {field} changed"),
        Cause::Message {
            id,
            locale,
            old_version,
            new_version,
        } => match (old_version, new_version) {
            (Some(a), Some(b)) if a == b => {
                format!("message {id} ({locale}) reworded, version {b} not bumped")
            }
            (Some(a), Some(b)) => format!("message {id} ({locale}) reworded in {a} → {b}"),
            (None, Some(b)) => format!("message {id} ({locale}) new in {b}"),
            (Some(a), None) => format!("message {id} ({locale}) removed after {a}"),
            (None, None) => format!("message {id} ({locale})"),
        },
        Cause::Locale { old, new } => format!("locale {old} → {new}"),
        Cause::Pack {
            id,
            old_version,
            new_version,
        } => format!("pack {id} {old_version} → {new_version}"),
        Cause::Style { old, new } if old == new => format!("style {new}: its files changed"),
        Cause::Style { old, new } => format!("style {old} → {new}"),
        Cause::Profile { old, new } if old == new => format!("layout profile {new} changed"),
        Cause::Profile { old, new } => format!("layout profile {old} → {new}"),
    }
}

/// The report as Markdown, for a pull-request comment.
pub fn markdown(report: &Report) -> String {
    let mut out = format!(
        "## lettrine diff: {} → {}\n\n",
        md_escape(&report.old),
        md_escape(&report.new)
    );
    for letter in &report.letters {
        let _ = writeln!(
            out,
            "### `{}` ({})\n\n{}\n",
            letter.case,
            status_word(letter.status),
            md_escape(&sides(letter))
        );
        if !letter.figures.is_empty() {
            out.push_str("| Changed figure | Before | After |\n|---|---|---|\n");
            for f in &letter.figures {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    md_escape(&f.label),
                    md_escape(none(&f.old)),
                    md_escape(none(&f.new))
                );
            }
            out.push('\n');
        }
        for note in &letter.notes {
            let _ = writeln!(out, "- Whole letter: {}", md_escape(&cause(note)));
        }
        if !letter.notes.is_empty() {
            out.push('\n');
        }
        for block in &letter.blocks {
            let mut head = format!("**`{}`**", block.block);
            match block.status {
                Status::Added => head.push_str(" (new block)"),
                Status::Deleted => head.push_str(" (block removed)"),
                Status::Modified | Status::Unchanged => {}
            }
            if !block.causes.is_empty() {
                let why: Vec<String> = block.causes.iter().map(|c| md_escape(&cause(c))).collect();
                let _ = write!(head, " — {}", why.join("; "));
            }
            let _ = writeln!(out, "{head}\n\n> {}\n", md_segments(&block.segments));
        }
    }
    for pack in &report.packs {
        let _ = writeln!(out, "### {}\n", md_escape(&pack_header(pack)));
        for message in &pack.messages {
            let _ = writeln!(
                out,
                "**`{}`**\n\n| Locale | Status | Text |\n|---|---|---|",
                message.id
            );
            for t in &message.locales {
                let text = md_segments(&shown(t));
                let locale = if t.source {
                    format!("{} (source)", t.locale)
                } else {
                    t.locale.clone()
                };
                let status = match t.status {
                    TextStatus::Stale => "**stale**",
                    _ => text_status(t),
                };
                let _ = writeln!(out, "| {locale} | {status} | {text} |");
            }
            out.push('\n');
        }
    }
    for p in &report.problems {
        let _ = writeln!(
            out,
            "- **Problem** `{}` ({}): {}",
            p.case,
            p.side,
            md_escape(&p.message)
        );
    }
    if !report.has_changes() && report.problems.is_empty() {
        out.push_str("No change.\n");
    }
    out
}

fn md_segments(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            Segment::Equal { text } => out.push_str(&md_escape(text)),
            Segment::Delete { text } => {
                let (lead, body) = split_lead(text);
                let _ = write!(out, "{lead}~~{}~~", md_escape(body));
            }
            Segment::Insert { text } => {
                let (lead, body) = split_lead(text);
                let _ = write!(out, "{lead}<ins>{}</ins>", md_escape(body));
            }
            Segment::MovedAway { to, .. } => {
                let _ = write!(out, " *(sentence moved to `{to}`)*");
            }
            Segment::MovedHere { from, parts } => {
                let inner = md_segments(parts);
                let (lead, body) = split_lead(&inner);
                let _ = write!(out, "{lead}↪ {body} *(moved from `{from}`)*");
            }
        }
    }
    out
}

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_~[]<>|#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The report as a standalone HTML page.
pub fn html(report: &Report) -> String {
    let mut body = String::new();
    for letter in &report.letters {
        let _ = write!(
            body,
            "<section><h2><code>{}</code> ({})</h2><p class=\"sides\">{}</p>",
            esc(&letter.case),
            status_word(letter.status),
            esc(&sides(letter))
        );
        if !letter.figures.is_empty() {
            body.push_str("<table><tr><th>Changed figure</th><th>Before</th><th>After</th></tr>");
            for f in &letter.figures {
                let _ = write!(
                    body,
                    "<tr><td>{}</td><td><del>{}</del></td><td><ins>{}</ins></td></tr>",
                    esc(&f.label),
                    esc(none(&f.old)),
                    esc(none(&f.new))
                );
            }
            body.push_str("</table>");
        }
        for note in &letter.notes {
            let _ = write!(
                body,
                "<p class=\"note\">Whole letter: {}</p>",
                esc(&cause(note))
            );
        }
        for block in &letter.blocks {
            let _ = write!(
                body,
                "<h3>{}</h3><p>{}</p>",
                esc(&block_header(block)),
                html_segments(&block.segments)
            );
        }
        body.push_str("</section>");
    }
    for pack in &report.packs {
        let _ = write!(body, "<section><h2>{}</h2>", esc(&pack_header(pack)));
        for message in &pack.messages {
            let _ = write!(
                body,
                "<h3><code>{}</code></h3><table><tr><th>Locale</th><th>Status</th><th>Text</th></tr>",
                esc(&message.id)
            );
            for t in &message.locales {
                let text = html_segments(&shown(t));
                let _ = write!(
                    body,
                    "<tr class=\"{}\"><td>{}{}</td><td>{}</td><td>{text}</td></tr>",
                    text_status(t).to_lowercase(),
                    esc(&t.locale),
                    if t.source { " (source)" } else { "" },
                    text_status(t)
                );
            }
            body.push_str("</table>");
        }
        body.push_str("</section>");
    }
    for p in &report.problems {
        let _ = write!(
            body,
            "<p class=\"problem\">Problem: <code>{}</code> ({}): {}</p>",
            esc(&p.case),
            p.side,
            esc(&p.message)
        );
    }
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>lettrine diff: {old} → {new}</title>\n<style>\nbody{{font-family:serif;max-width:48em;margin:2em auto;line-height:1.5}}\ndel{{color:#b00020;text-decoration:line-through}}\nins{{color:#006b2e;text-decoration:underline}}\n.moved{{color:#00617f}}\n.stale td{{background:#fff4d6}}\ntable{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}}\n</style></head>\n<body><h1>lettrine diff: {old} → {new}</h1>\n{body}\n</body></html>\n",
        old = esc(&report.old),
        new = esc(&report.new),
    )
}

fn html_segments(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            Segment::Equal { text } => out.push_str(&esc(text)),
            Segment::Delete { text } => {
                let (lead, body) = split_lead(text);
                let _ = write!(out, "{lead}<del>{}</del>", esc(body));
            }
            Segment::Insert { text } => {
                let (lead, body) = split_lead(text);
                let _ = write!(out, "{lead}<ins>{}</ins>", esc(body));
            }
            Segment::MovedAway { to, .. } => {
                let _ = write!(out, " <span class=\"moved\">[moved to {}]</span>", esc(to));
            }
            Segment::MovedHere { from, parts } => {
                let _ = write!(
                    out,
                    " <span class=\"moved\">{} [moved from {}]</span>",
                    html_segments(parts).trim_start(),
                    esc(from)
                );
            }
        }
    }
    out
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
