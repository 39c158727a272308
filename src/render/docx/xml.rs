//! Text into WordprocessingML: escaped for XML, and refused when XML 1.0
//! cannot hold a character at all.

use std::fmt::Write;

/// Whether XML 1.0 can hold `c` (its `Char` production): what a letter
/// can print at all.
pub use crate::letter::printable as allowed;

/// The first character of `text` XML cannot hold, if any.
pub use crate::letter::unprintable as forbidden;

/// Appends `text` escaped for element content and attribute values alike:
/// `&`, `<`, `>` and both quotes become references, so no text ever closes
/// an element, an attribute or a CDATA section (`]]>`). The caller has
/// checked [`forbidden`] first; a character XML cannot hold is dropped
/// here rather than written.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Millimetres as twentieths of a point (twips), Word's unit of length.
pub fn twips(mm: f64) -> i64 {
    (mm * 1440.0 / 25.4).round() as i64
}

/// Millimetres as English Metric Units, DrawingML's unit of length.
pub fn emu(mm: f64) -> i64 {
    (mm * 36_000.0).round() as i64
}

/// Points as half-points, Word's unit of font size.
pub fn half_points(pt: f64) -> i64 {
    (pt * 2.0).round() as i64
}

/// `name="value"` pairs, values escaped.
pub fn attrs(out: &mut String, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        let _ = write!(out, " {name}=\"");
        escape_into(out, value);
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            escape(r#"<w:t>a & "b" 'c' ]]> </w:t>"#),
            "&lt;w:t&gt;a &amp; &quot;b&quot; &apos;c&apos; ]]&gt; &lt;/w:t&gt;"
        );
    }

    #[test]
    fn xml_cannot_hold_most_c0_controls() {
        assert_eq!(forbidden("tab\there\nand\rthere"), None);
        assert_eq!(forbidden("bell\u{7}"), Some('\u{7}'));
        assert_eq!(forbidden("nul\0"), Some('\0'));
        assert_eq!(forbidden("\u{FFFF}"), Some('\u{FFFF}'));
        assert_eq!(forbidden("ليلى € \u{1F600}"), None);
    }

    #[test]
    fn lengths_in_word_units() {
        assert_eq!(twips(210.0), 11906);
        assert_eq!(twips(297.0), 16838);
        assert_eq!(emu(10.0), 360_000);
        assert_eq!(half_points(10.5), 21);
    }
}
