//! Tables of cases: CSV (a header row of field keys, `recipient.name`
//! style, then one case per row) and JSON Lines (one case object per line).
//! Rows are found once; each becomes a case only when asked, so a table of
//! ten thousand rows costs its bytes, not ten thousand parsed trees.

use std::ops::Range;
use std::sync::Arc;

use csv_core::{ReadFieldResult, ReaderBuilder};
use sha2::{Digest, Sha256};

use crate::case::node::{self, Entry, Node, Value};
use crate::case::{Base, Row};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::error::{Error, Result};

/// A table's size limit: the whole table is held in memory.
pub const MAX_TABLE_SIZE: u64 = 256 * 1024 * 1024;

/// A table of cases, its rows found but not yet parsed.
#[derive(Debug)]
pub struct Table {
    /// The table as text for diagnostics: bytes that are not UTF-8 are
    /// shown as `?`, so offsets are those of the file.
    pub file: SourceFile,
    bytes: Arc<[u8]>,
    kind: Kind,
    rows: Vec<RawRow>,
}

#[derive(Debug)]
enum Kind {
    Csv {
        header: Vec<Column>,
        raw: Range<usize>,
    },
    Lines,
}

/// A header cell: the field key it names, split at the dots.
#[derive(Debug)]
struct Column {
    parts: Vec<String>,
    span: Range<usize>,
}

#[derive(Debug)]
struct RawRow {
    /// `row 7` (the header is row 1, as in a spreadsheet) or `line 7`.
    number: usize,
    span: Range<usize>,
    /// CSV: each cell's unquoted value and its span. JSON Lines: none.
    cells: Vec<(Vec<u8>, Range<usize>)>,
}

impl Table {
    /// Reads a CSV table: the delimiter is `,`, `;` or a tab, whichever the
    /// header row uses most (spreadsheets in French or German export `;`).
    pub fn csv(name: String, bytes: Vec<u8>) -> Result<Self> {
        let file = lossy_file(name, &bytes);
        let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let delimiter = sniff_delimiter(&bytes[start..]);
        let mut records = read_csv(&bytes, start, delimiter).into_iter();
        let Some(header_record) = records.next() else {
            return Err(Error::invalid(
                Diagnostic::error("table::empty", "the table is empty")
                    .in_file(&file)
                    .hint("the first row names the fields: pack,locale,recipient.name,…"),
            ));
        };
        let mut header: Vec<Column> = Vec::new();
        let mut problems = Vec::new();
        for (index, (value, span)) in header_record.cells.into_iter().enumerate() {
            // Binary data is no header: it would read as a table of odd
            // field names and no rows.
            let Some(key) = std::str::from_utf8(&value)
                .ok()
                .filter(|k| !k.chars().any(char::is_control))
            else {
                problems.push(
                    Diagnostic::error(
                        "table::header",
                        format!("column {} of the first row is not a field name: it holds bytes that are not text", index + 1),
                    )
                    .at(&file, span.start..span.start)
                    .hint("a table is CSV text saved as UTF-8, its first row naming the fields: pack,locale,recipient.name,…"),
                );
                continue;
            };
            let key = key.trim().to_owned();
            let parts: Vec<String> = key.split('.').map(|p| p.trim().to_owned()).collect();
            if key.is_empty() || parts.iter().any(String::is_empty) {
                problems.push(
                    Diagnostic::error(
                        "table::header",
                        format!("column {} has no field name", index + 1),
                    )
                    .at(&file, span.clone())
                    .hint("each column of the first row names a field, with dots for nested ones: recipient.name"),
                );
            } else if let Some(first) = header.iter().find(|c| c.parts == parts) {
                let (line, col) = file.line_col(first.span.start);
                problems.push(
                    Diagnostic::error(
                        "table::header",
                        format!("the column `{key}` is given twice"),
                    )
                    .at(&file, span.clone())
                    .label(format!("also at {line}:{col}")),
                );
            }
            header.push(Column { parts, span });
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(crate::diagnostic::limit(problems)));
        }
        let raw = header_record.span;
        let rows = records
            .enumerate()
            .map(|(i, record)| RawRow {
                number: i + 2,
                span: record.span,
                cells: record.cells,
            })
            .collect();
        Ok(Self {
            file,
            bytes: bytes.into(),
            kind: Kind::Csv { header, raw },
            rows,
        })
    }

    /// Reads a JSON Lines table: one case object per line; blank lines are
    /// skipped.
    pub fn lines(name: String, bytes: Vec<u8>) -> Result<Self> {
        let file = lossy_file(name, &bytes);
        let mut rows = Vec::new();
        let mut start = 0;
        for (index, line) in bytes.split(|b| *b == b'\n').enumerate() {
            let end = start + line.len();
            let content = line.strip_suffix(b"\r").unwrap_or(line);
            if !content.iter().all(u8::is_ascii_whitespace) {
                rows.push(RawRow {
                    number: index + 1,
                    span: start..start + content.len(),
                    cells: Vec::new(),
                });
            }
            start = end + 1;
        }
        Ok(Self {
            file,
            bytes: bytes.into(),
            kind: Kind::Lines,
            rows,
        })
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row's number as the user counts it, and its label (`row 7`).
    pub fn label(&self, index: usize) -> (usize, String) {
        let number = self.rows[index].number;
        let label = match self.kind {
            Kind::Csv { .. } => format!("row {number}"),
            Kind::Lines => format!("line {number}"),
        };
        (number, label)
    }

    /// The span of a row in the table's text.
    pub fn span(&self, index: usize) -> Range<usize> {
        self.rows[index].span.clone()
    }

    /// The tree of row `index`, with spans into the table, and what tells
    /// its case apart: the header and the row's bytes, and the defaults.
    pub fn row(&self, index: usize, base: Option<&Base>) -> Result<(Node, Row)> {
        let raw = &self.rows[index];
        let (_, label) = self.label(index);
        let bytes = &self.bytes[raw.span.clone()];
        if let Err(e) = std::str::from_utf8(bytes) {
            let at = raw.span.start + e.valid_up_to();
            let byte = bytes[e.valid_up_to()];
            return Err(Error::invalid(
                Diagnostic::error(
                    "table::encoding",
                    format!("the row is not valid UTF-8: byte 0x{byte:02X} is not a character"),
                )
                .at(&self.file, at..at + 1)
                .hint("save the table as UTF-8 (in a spreadsheet: \"CSV UTF-8\")"),
            ));
        }
        let mut hasher = Sha256::new();
        if let Kind::Csv { raw: header, .. } = &self.kind {
            hasher.update(&self.bytes[header.clone()]);
            hasher.update(b"\n");
        }
        hasher.update(bytes);
        if let Some(base) = base {
            hasher.update(base.file.text.as_bytes());
        }
        let row = Row {
            label,
            span: raw.span.clone(),
            digest: format!("sha256:{:x}", hasher.finalize()),
        };
        let root = match &self.kind {
            Kind::Lines => node::from_json_at(&self.file, raw.span.clone())?,
            Kind::Csv { header, .. } => {
                if raw.cells.len() != header.len() {
                    return Err(Error::invalid(
                        Diagnostic::error(
                            "table::ragged",
                            format!(
                                "the row has {} cells, but the header has {} columns",
                                raw.cells.len(),
                                header.len()
                            ),
                        )
                        .at(&self.file, raw.span.clone())
                        .hint("every row has one cell per column; quote a cell that holds the delimiter: \"Paris, France\""),
                    ));
                }
                let mut entries = Vec::new();
                for (column, (value, span)) in header.iter().zip(&raw.cells) {
                    // Checked above: the row is UTF-8, and so is each cell.
                    let text = String::from_utf8_lossy(value);
                    let text = text.trim();
                    if text.is_empty() {
                        continue;
                    }
                    let cell = Node {
                        span: span.clone(),
                        value: Value::Cell(text.to_owned()),
                    };
                    insert(&mut entries, &column.parts, &column.span, cell, &raw.span);
                }
                Node {
                    span: raw.span.clone(),
                    value: Value::Table(entries),
                }
            }
        };
        Ok((root, row))
    }
}

/// Puts a cell in its place in the tree: `recipient.name` in the table
/// `recipient`, made on first use and pointing at the row.
fn insert(
    entries: &mut Vec<Entry>,
    parts: &[String],
    key_span: &Range<usize>,
    cell: Node,
    row: &Range<usize>,
) {
    let [first, rest @ ..] = parts else {
        return;
    };
    if rest.is_empty() {
        entries.push(Entry {
            key: first.clone(),
            key_span: key_span.clone(),
            node: cell,
        });
        return;
    }
    let at = entries
        .iter()
        .position(|e| e.key == *first && matches!(e.node.value, Value::Table(_)));
    let at = at.unwrap_or_else(|| {
        entries.push(Entry {
            key: first.clone(),
            key_span: key_span.clone(),
            node: Node {
                span: row.clone(),
                value: Value::Table(Vec::new()),
            },
        });
        entries.len() - 1
    });
    if let Value::Table(inner) = &mut entries[at].node.value {
        insert(inner, rest, key_span, cell, row);
    }
}

/// One CSV record: its span and its cells (value, span).
#[derive(Debug)]
struct Record {
    span: Range<usize>,
    cells: Vec<(Vec<u8>, Range<usize>)>,
}

/// Splits CSV into records with csv-core, keeping where each cell is.
fn read_csv(bytes: &[u8], start: usize, delimiter: u8) -> Vec<Record> {
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut records = Vec::new();
    let mut cells = Vec::new();
    let mut out = vec![0u8; 4096];
    let (mut pos, mut written, mut cell_start) = (start, 0, start);
    loop {
        let (result, read, wrote) = reader.read_field(&bytes[pos..], &mut out[written..]);
        pos += read;
        written += wrote;
        match result {
            ReadFieldResult::InputEmpty => {}
            ReadFieldResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadFieldResult::Field { record_end } => {
                let span = trim_span(bytes, cell_start..pos, delimiter);
                cells.push((out[..written].to_vec(), span));
                written = 0;
                cell_start = pos;
                if record_end {
                    let cells = std::mem::take(&mut cells);
                    let span =
                        cells.first().map_or(0, |c| c.1.start)..cells.last().map_or(0, |c| c.1.end);
                    records.push(Record { span, cells });
                }
            }
            ReadFieldResult::End => break,
        }
    }
    records
}

/// A cell's span without the line breaks before it and the delimiter or
/// line break after it.
fn trim_span(bytes: &[u8], span: Range<usize>, delimiter: u8) -> Range<usize> {
    let (mut start, mut end) = (span.start, span.end);
    while start < end && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    if end > start && bytes[end - 1] == delimiter {
        end -= 1;
    } else {
        while end > start && matches!(bytes[end - 1], b'\r' | b'\n') {
            end -= 1;
        }
    }
    start..end
}

/// The delimiter the header row uses most: `,` `;` or tab.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let header = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (header.iter().filter(|b| *b == d).count(), *d == b','))
        .unwrap_or(b',')
}

/// The file as text for diagnostics: each byte that is not part of a UTF-8
/// character becomes `?`, so every offset stays the file's.
fn lossy_file(name: String, bytes: &[u8]) -> SourceFile {
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.extend(std::iter::repeat_n('?', chunk.invalid().len()));
    }
    SourceFile::new(name, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(table: &Table, row: usize, key: &str) -> Option<String> {
        let (node, _) = table.row(row, None).unwrap();
        let mut node = &node;
        for part in key.split('.') {
            let Value::Table(entries) = &node.value else {
                return None;
            };
            node = &entries.iter().find(|e| e.key == part)?.node;
        }
        match &node.value {
            Value::Cell(s) => Some(s.clone()),
            _ => None,
        }
    }

    #[test]
    fn csv_cells_nest_by_dotted_keys_and_keep_their_spans() {
        let text = "pack;recipient.name;recipient.address\r\nrefund-refusal;\"Dupont; Claire\";\"8 rue A\n69007 Lyon\"\r\n\r\nx;;y\n";
        let table = Table::csv("t.csv".into(), text.as_bytes().to_vec()).unwrap();
        assert_eq!(table.len(), 2);
        assert_eq!(cell(&table, 0, "recipient.name").unwrap(), "Dupont; Claire");
        assert_eq!(
            cell(&table, 0, "recipient.address").unwrap(),
            "8 rue A\n69007 Lyon"
        );
        // An empty cell is no value at all.
        assert_eq!(cell(&table, 1, "recipient.name"), None);
        let (node, row) = table.row(0, None).unwrap();
        assert_eq!(row.label, "row 2");
        let Value::Table(entries) = &node.value else {
            panic!()
        };
        assert_eq!(
            &table.file.text[entries[0].node.span.clone()],
            "refund-refusal"
        );
        assert_eq!(table.label(1), (3, "row 3".to_owned()));
    }

    #[test]
    fn ragged_rows_and_bad_bytes_are_errors_of_their_row_only() {
        let bytes = b"pack,locale\na,fr\nb\nc,\xE9t\xE9\nd,it\n".to_vec();
        let table = Table::csv("t.csv".into(), bytes).unwrap();
        assert!(table.row(0, None).is_ok());
        let ragged = table.row(1, None).unwrap_err().to_string();
        assert!(
            ragged.contains("the row has 1 cells, but the header has 2 columns"),
            "{ragged}"
        );
        let Error::Invalid(d) = table.row(2, None).unwrap_err() else {
            panic!()
        };
        assert_eq!(d[0].location().unwrap(), "t.csv:4:3");
        assert!(d[0].message.contains("0xE9"));
        assert!(table.row(3, None).is_ok());
    }

    #[test]
    fn the_delimiter_is_the_headers_most_common() {
        assert_eq!(sniff_delimiter(b"a;b;c\n1,2;3"), b';');
        assert_eq!(sniff_delimiter(b"a\tb\n"), b'\t');
        assert_eq!(sniff_delimiter(b"a\n"), b',');
    }

    #[test]
    fn json_lines_skip_blank_lines_and_count_lines() {
        let text = "{\"pack\": \"a\"}\n\n{\"pack\": \n";
        let table = Table::lines("t.jsonl".into(), text.as_bytes().to_vec()).unwrap();
        assert_eq!(table.len(), 2);
        assert_eq!(table.label(1).1, "line 3");
        let Error::Invalid(d) = table.row(1, None).unwrap_err() else {
            panic!()
        };
        assert!(d[0].location().unwrap().starts_with("t.jsonl:3:"));
    }
}
