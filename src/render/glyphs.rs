//! Missing glyphs: after layout, every glyph of the document must exist in
//! its font. A character none of the letter's fonts can draw (a Polish `Ł`
//! in a Latin-only brand font, an Arabic name in a Latin letter) would print
//! as an empty box; lettrine refuses the letter instead, naming the
//! character, where in the letter it comes from, and the families tried.

use std::collections::BTreeSet;

use typst::foundations::{Label, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Frame, FrameItem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::letter::Letter;

/// The label of the metadata a style gives its font list with:
/// `#metadata((body: fonts, heading: fonts)) <lettrine-fonts>`.
const FONTS_LABEL: &str = "lettrine-fonts";

/// At most this many different characters are reported for one letter.
const MAX_REPORTED: usize = 5;

/// Refuses a document that holds a glyph its font does not have.
pub fn check(document: &PagedDocument, letter: &Letter) -> Result<()> {
    let mut missing: BTreeSet<char> = BTreeSet::new();
    let mut used_families: BTreeSet<String> = BTreeSet::new();
    for page in document.pages() {
        walk(&page.frame, &mut missing, &mut used_families);
    }
    if missing.is_empty() {
        return Ok(());
    }
    let tried = style_families(document).unwrap_or_else(|| used_families.into_iter().collect());
    let problems = missing
        .into_iter()
        .take(MAX_REPORTED)
        .map(|c| {
            let places = sources(letter, c);
            let from = if places.is_empty() {
                "in the style's own text".to_owned()
            } else {
                format!("in {}", places.join(", "))
            };
            Diagnostic::error(
                "font::missing-glyph",
                format!(
                    "no font of the letter can draw {c:?} ({}) {from}; tried {}",
                    codepoint(c),
                    tried.join(", ")
                ),
            )
            .hint("add a font that has it to the theme's families (fonts.body), or put one in the project's fonts/ folder; `lettrine fonts` lists them")
        })
        .collect();
    Err(Error::Invalid(problems))
}

fn walk(frame: &Frame, missing: &mut BTreeSet<char>, families: &mut BTreeSet<String>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => walk(&group.frame, missing, families),
            FrameItem::Text(text) => {
                let mut any = false;
                for glyph in &text.glyphs {
                    if glyph.id != 0 {
                        continue;
                    }
                    let chars = text.text.get(glyph.range()).unwrap_or_default();
                    for c in chars
                        .chars()
                        .filter(|c| !c.is_whitespace() && !c.is_control())
                    {
                        missing.insert(c);
                        any = true;
                    }
                }
                if any {
                    families.insert(text.font.info().family.clone());
                }
            }
            _ => {}
        }
    }
}

/// The families the style says it sets text in, from its
/// `<lettrine-fonts>` metadata: the body's, then the heading's.
fn style_families(document: &PagedDocument) -> Option<Vec<String>> {
    let label = Label::new(PicoStr::intern(FONTS_LABEL))?;
    let content = document.introspector().query_label(label).ok()?;
    let value = content.to_packed::<MetadataElem>()?.value.clone();
    let mut out: Vec<String> = Vec::new();
    let mut push = |v: &Value| match v {
        Value::Str(s) if !out.iter().any(|o| o == s.as_str()) => out.push(s.to_string()),
        Value::Array(items) => {
            for item in items {
                if let Value::Str(s) = item
                    && !out.iter().any(|o| o == s.as_str())
                {
                    out.push(s.to_string());
                }
            }
        }
        _ => {}
    };
    match &value {
        Value::Dict(dict) => {
            for (_, v) in dict.iter() {
                push(v);
            }
        }
        other => push(other),
    }
    (!out.is_empty()).then_some(out)
}

/// Where in the letter `c` appears: case fields first, then messages.
fn sources(letter: &Letter, c: char) -> Vec<String> {
    let mut out: Vec<String> = letter
        .fields
        .iter()
        .filter(|(_, v)| v.contains(c))
        .map(|(k, _)| format!("case field {k}"))
        .collect();
    let mut messages = vec![
        &letter.date_line,
        &letter.subject,
        &letter.salutation,
        &letter.closing,
    ];
    messages.extend(&letter.enclosures);
    messages.extend(letter.references.iter().map(|r| &r.label));
    let mut ids: Vec<&str> = messages
        .into_iter()
        .filter(|b| b.text.contains(c))
        .map(|b| b.message.as_str())
        .collect();
    ids.extend(
        letter
            .body
            .iter()
            .filter(|p| p.text.contains(c))
            .map(|p| p.message.as_str()),
    );
    ids.dedup();
    out.extend(ids.into_iter().map(|id| format!("message {id}")));
    let footer = &letter.footer;
    if [&footer.legal, &footer.office]
        .into_iter()
        .flatten()
        .any(|t| t.contains(c))
    {
        out.push("the footer".to_owned());
    }
    if letter
        .postal
        .as_ref()
        .is_some_and(|p| p.mention.contains(c))
    {
        out.push("the postal mention".to_owned());
    }
    out.truncate(4);
    out
}

fn codepoint(c: char) -> String {
    format!("U+{:04X}", c as u32)
}
