//! Output names: `--name '{order.number}-{locale}.pdf'`. The template is
//! checked once; each name is checked before anything is written, so a
//! value can neither leave the output folder nor make an unportable name.

use std::collections::BTreeMap;

use crate::case::Case;
use crate::error::{Error, Result};

/// The formats a letter can be written in, by the name's extension.
pub const EXTENSIONS: [&str; 6] = ["pdf", "docx", "png", "svg", "txt", "json"];

/// Placeholders every letter has besides its case's fields.
pub const SPECIAL: [&str; 5] = ["row", "file", "stem", "locale", "pack"];

/// Characters no value may bring into a name: folder separators, and what
/// Windows and macOS file systems refuse.
const UNSAFE: [char; 9] = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

/// A checked name template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    source: String,
    parts: Vec<Part>,
    extension: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Field(String),
}

/// What a name is made of besides the case: the row or file it comes from.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// `{row}`: the row's number (a spreadsheet's, or a line's).
    pub row: Option<usize>,
    /// `{file}`: the case file's path in its folder, without extension.
    pub file: Option<String>,
    /// `{stem}`: the table's or case file's name without extension.
    pub stem: String,
}

impl Template {
    pub fn parse(source: &str) -> Result<Self> {
        let usage = |message: String, hint: &str| Error::usage(message, Some(hint.to_owned()));
        let mut parts = Vec::new();
        let mut rest = source;
        while !rest.is_empty() {
            match rest.find(['{', '}']) {
                Some(at) if rest[at..].starts_with('}') => {
                    return Err(usage(
                        format!("the name {source:?} has a `}}` that closes nothing"),
                        "write fields in braces: --name '{order.number}-{locale}.pdf'",
                    ));
                }
                Some(at) => {
                    if at > 0 {
                        parts.push(Part::Text(rest[..at].to_owned()));
                    }
                    let Some(close) = rest[at..].find('}') else {
                        return Err(usage(
                            format!("the name {source:?} has a `{{` that is never closed"),
                            "write fields in braces: --name '{order.number}-{locale}.pdf'",
                        ));
                    };
                    let key = rest[at + 1..at + close].trim();
                    if key.is_empty() || key.contains('{') {
                        return Err(usage(
                            format!("the name {source:?} has an empty or nested field"),
                            "write one field key per pair of braces: {recipient.surname}",
                        ));
                    }
                    parts.push(Part::Field(key.to_owned()));
                    rest = &rest[at + close + 1..];
                }
                None => {
                    parts.push(Part::Text(rest.to_owned()));
                    rest = "";
                }
            }
        }
        let extension = source
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase())
            .filter(|ext| EXTENSIONS.contains(&ext.as_str()))
            .ok_or_else(|| {
                usage(
                    format!("the name {source:?} does not end in a letter format's extension"),
                    "end it in .pdf, .docx, .png, .svg, .txt or .json: --name '{order.number}.pdf'",
                )
            })?;
        for part in &parts {
            if let Part::Text(text) = part
                && let Err(why) = check_text(text, true)
            {
                return Err(usage(
                    format!("the name {source:?} {why}"),
                    "names are relative to --out; use / only to make subfolders",
                ));
            }
        }
        if source.starts_with('/') || source.split('/').any(|c| c == ".." || c == ".") {
            return Err(usage(
                format!("the name {source:?} leads out of the output folder"),
                "names are relative to --out; use / only to make subfolders",
            ));
        }
        Ok(Self {
            source: source.to_owned(),
            parts,
            extension,
        })
    }

    /// The format the letters are written in: the name's extension.
    pub fn extension(&self) -> &str {
        &self.extension
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The case fields the template uses, leaving out the special ones.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Field(key) if !SPECIAL.contains(&key.as_str()) => Some(key.as_str()),
            _ => None,
        })
    }

    /// The name of one letter, or why it cannot have one.
    pub fn render(&self, case: &Case, pack: &str, origin: &Origin) -> Result<String, String> {
        let mut name = String::new();
        for part in &self.parts {
            let value = match part {
                Part::Text(text) => {
                    name.push_str(text);
                    continue;
                }
                Part::Field(key) => match key.as_str() {
                    "row" => origin.row.map(|r| r.to_string()),
                    "file" => origin.file.clone(),
                    "stem" => Some(origin.stem.clone()),
                    "locale" => Some(case.locale.clone()),
                    "pack" => Some(pack.to_owned()),
                    _ => case.values.get(key).map(|v| v.text()),
                }
                .ok_or_else(|| format!("the name needs `{key}`, which is not set"))?,
            };
            // `{file}` keeps the case's subfolders; a value makes no folder.
            let check = check_text(&value, key_of(part) == Some("file"));
            check.map_err(|why| format!("`{}` = {value:?} {why}", key_of(part).unwrap_or("")))?;
            name.push_str(&value);
        }
        if name
            .split('/')
            .any(|c| c.is_empty() || c == "." || c == "..")
        {
            return Err(format!(
                "the name {name:?} has an empty folder or file name"
            ));
        }
        if let Some(long) = name.split('/').find(|c| c.len() > 255) {
            return Err(format!(
                "the name {long:?} is longer than a file name may be (255 bytes)"
            ));
        }
        Ok(name)
    }
}

fn key_of(part: &Part) -> Option<&str> {
    match part {
        Part::Field(key) => Some(key),
        Part::Text(_) => None,
    }
}

/// Whether `text` may be part of a name; with `folders`, `/` may separate
/// folders but no folder may be `..`.
fn check_text(text: &str, folders: bool) -> Result<(), String> {
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() || (UNSAFE.contains(c) && !(folders && *c == '/')))
    {
        return Err(format!("has {c:?}, which a file name cannot hold"));
    }
    if folders && text.split('/').any(|c| c == "..") {
        return Err("leads out of the output folder".to_owned());
    }
    Ok(())
}

/// Names that are the same file: equal, or equal but for case (on
/// case-insensitive file systems). Each group lists the indices that share
/// a name, the first name given for each.
pub fn collisions<'a>(names: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<Vec<usize>> {
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, name) in names {
        by_name.entry(name.to_lowercase()).or_default().push(index);
    }
    let mut groups: Vec<Vec<usize>> = by_name.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::CaseValue;
    use crate::diagnostic::SourceFile;

    fn case(number: &str) -> Case {
        Case {
            file: SourceFile::new("c.toml", ""),
            locale: "fr".into(),
            style: None,
            values: [("order.number".to_owned(), CaseValue::Text(number.into()))].into(),
            digest: String::new(),
        }
    }

    #[test]
    fn names_fill_fields_and_specials() {
        let t = Template::parse("{locale}/{order.number}-{row}.pdf").unwrap();
        let origin = Origin {
            row: Some(7),
            file: None,
            stem: "cases".into(),
        };
        assert_eq!(
            t.render(&case("CMD-1"), "refund-refusal", &origin).unwrap(),
            "fr/CMD-1-7.pdf"
        );
        assert_eq!(t.extension(), "pdf");
        assert_eq!(t.fields().collect::<Vec<_>>(), ["order.number"]);
    }

    #[test]
    fn values_cannot_escape_or_make_folders() {
        let t = Template::parse("{order.number}.pdf").unwrap();
        let origin = Origin::default();
        let err = t
            .render(&case("../../etc/passwd"), "p", &origin)
            .unwrap_err();
        assert_eq!(
            err,
            "`order.number` = \"../../etc/passwd\" has '/', which a file name cannot hold"
        );
        assert!(
            t.render(&case(".."), "p", &origin)
                .is_ok_and(|n| n == "...pdf")
        );
        let err = t.render(&case("a\tb"), "p", &origin).unwrap_err();
        assert!(err.contains("'\\t'"), "{err}");
        let t = Template::parse("{order.number}/x.pdf").unwrap();
        let err = t.render(&case(".."), "p", &origin).unwrap_err();
        assert!(err.contains("empty folder or file name"), "{err}");
    }

    #[test]
    fn bad_templates_are_refused() {
        for (source, why) in [
            ("../{row}.pdf", "leads out of the output folder"),
            ("/tmp/{row}.pdf", "leads out of the output folder"),
            ("{row}.doc", "does not end in a letter format's extension"),
            ("{row.pdf", "never closed"),
            ("row}.pdf", "closes nothing"),
            ("{}.pdf", "empty or nested"),
            ("a:{row}.pdf", "which a file name cannot hold"),
        ] {
            let err = Template::parse(source).unwrap_err().to_string();
            assert!(err.contains(why), "{source}: {err}");
        }
    }

    #[test]
    fn collisions_ignore_case() {
        let names = [
            (0, "A.pdf"),
            (1, "b.pdf"),
            (2, "a.pdf"),
            (3, "B.pdf"),
            (4, "c.pdf"),
        ];
        assert_eq!(collisions(names), vec![vec![0, 2], vec![1, 3]]);
    }
}
