//! Word-level tokens for `lettrine diff`.
//!
//! A paragraph is split into [`Token`]s so that the differ compares words,
//! not bytes: reflow and whitespace never show as changes (a token only
//! records *whether* whitespace preceded it), invisible bidi controls are
//! dropped, and figures — amounts, dates written with digits, numbers, order
//! references — are single tokens, so `1 234,56 €` changes as a whole.
//!
//! Token equality ignores the `space` flag: `Merci !` with a narrow no-break
//! space and `Merci!` compare equal token for token.

use std::hash::{Hash, Hasher};
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A run of letters (with inner hyphens and apostrophes), or a Fluent
    /// placeable such as `{$order-number}`.
    Word,
    /// A number, amount, percentage or date written with digits, or a word
    /// containing a digit (an order reference such as `CMD-2026-00042`).
    Figure,
    /// Any other single character: punctuation, quotes, symbols.
    Punct,
}

/// One token of a paragraph.
///
/// `PartialEq`, `Eq` and `Hash` are implemented by hand on `(text, kind)`
/// only: `space` is layout, not content, so the differ never reports a
/// change in spacing alone.
#[derive(Debug, Clone)]
pub struct Token {
    /// The token's text, with inner spacing normalised: whitespace inside a
    /// figure becomes one plain `' '`, and a placeable's whitespace is
    /// collapsed (see [`tokenize`]).
    pub text: String,
    /// Whether whitespace came before it in the source (any amount, any kind).
    pub space: bool,
    /// What the token is.
    pub kind: Kind,
}

impl PartialEq for Token {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.text == other.text
    }
}

impl Eq for Token {}

impl Hash for Token {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
        self.kind.hash(state);
    }
}

/// Three-letter currency codes accepted after an amount (`12,50 EUR`).
/// A closed list, so that `3 PDF` or `14 MAI` are not taken for amounts.
const CURRENCY_CODES: &[&str] = &[
    "EUR", "USD", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN",
    "CZK", "HUF", "RON", "BGN", "TRY", "RUB", "UAH", "INR", "BRL", "MXN", "ZAR", "MAD", "TND",
    "DZD", "XOF", "XAF", "XPF", "AED", "SAR", "ILS", "KRW", "HKD", "SGD",
];

/// Bidi controls that carry no content: FSI/PDI (inserted by Fluent around
/// placeables) and the LRM/RLM marks. They are removed before scanning.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{2068}' | '\u{2069}')
}

/// A digit of any script, Arabic-Indic included.
fn is_digit(c: char) -> bool {
    c.is_numeric()
}

/// Currency signs (an approximation of Unicode category Sc).
fn is_currency(c: char) -> bool {
    matches!(
        c,
        '€' | '$' | '£' | '¥' | '₹' | '₽' | '₩' | '₪' | '₺' | '₴' | '¢'
    )
}

/// Combining marks (Latin accents, Arabic harakat) that belong to a word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Separators inside a figure when a digit follows: decimal and group marks
/// (including the Arabic U+066B/U+066C), and date and time separators.
fn is_figure_separator(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '\'' | '’' | '/' | '-' | ':' | '\u{066B}' | '\u{066C}'
    )
}

/// Characters joining two parts of one word (`Jean-Pierre`, `l’article`,
/// `aujourd'hui`, `snake_case`, `nom@domaine`). The dot is handled apart.
fn is_connector(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '’' | '_' | '@')
}

/// Splits a paragraph into tokens.
///
/// - Whitespace (any `char::is_whitespace`) separates tokens and sets the
///   next token's `space`; bidi controls U+200E, U+200F, U+2068, U+2069 are
///   skipped as if absent.
/// - A balanced placeable `{ … }` is one [`Kind::Word`]; whitespace just
///   inside its braces is dropped and inner runs become one `' '`, so
///   `{ $order-number }` and `{$order-number}` are both `{$order-number}`.
/// - A figure (digits with `. , ' ’ / - :` separators, thousands groups
///   split by a space, a currency sign or code or `%` before or after) is
///   one [`Kind::Figure`], its whitespace normalised to `' '`.
/// - A word (letters, marks, inner connectors) is a [`Kind::Word`], or a
///   [`Kind::Figure`] when it contains a digit.
/// - Any other character is a [`Kind::Punct`] on its own.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().filter(|&c| !is_invisible(c)).collect();
    let mut tokens = Vec::new();
    let mut space = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let (end, text, kind) = if c == '{'
            && let Some((end, text)) = scan_placeable(&chars, i)
        {
            (end, text, Kind::Word)
        } else if starts_figure(&chars, i) {
            let (end, text) = scan_figure(&chars, i);
            (end, text, Kind::Figure)
        } else if is_word_char(c) {
            let (end, text) = scan_word(&chars, i, String::new());
            let kind = if text.chars().any(is_digit) {
                Kind::Figure
            } else {
                Kind::Word
            };
            (end, text, kind)
        } else {
            (i + 1, c.to_string(), Kind::Punct)
        };
        tokens.push(Token { text, space, kind });
        space = false;
        i = end;
    }
    tokens
}

/// Scans a placeable opening at `start`; `None` if its braces never balance.
fn scan_placeable(chars: &[char], start: usize) -> Option<(usize, String)> {
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate().skip(start) {
        match c {
            '{' => depth += 1,
            // `depth >= 1` here: the scan starts on a `{`.
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((i + 1, normalise_placeable(&chars[start..=i])));
                }
            }
            _ => {}
        }
    }
    None
}

/// Collapses whitespace runs to one `' '`, dropping them after `{` and before `}`.
fn normalise_placeable(chars: &[char]) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for &c in chars {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.ends_with('{') && c != '}' {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Whether a figure starts at `i`: a digit, or a currency sign followed by a
/// digit, possibly after one whitespace character (`$5`, `€ 1.234,56`).
fn starts_figure(chars: &[char], i: usize) -> bool {
    let at = |k: usize| chars.get(k).copied();
    match at(i) {
        Some(c) if is_digit(c) => true,
        Some(c) if is_currency(c) => match at(i + 1) {
            Some(d) if is_digit(d) => true,
            Some(w) if w.is_whitespace() => at(i + 2).is_some_and(is_digit),
            _ => false,
        },
        _ => false,
    }
}

/// Scans a figure starting at `start` (where [`starts_figure`] holds).
fn scan_figure(chars: &[char], start: usize) -> (usize, String) {
    let at = |k: usize| chars.get(k).copied();
    let mut text = String::new();
    let mut i = start;
    // A leading currency sign, maybe followed by one space.
    if let Some(c) = at(i)
        && is_currency(c)
    {
        text.push(c);
        i += 1;
        if at(i).is_some_and(char::is_whitespace) {
            text.push(' ');
            i += 1;
        }
    }
    // `plain`: only digits and thousands groups so far; `run`: length of the
    // current digit run. A space-separated thousands group may only follow a
    // plain integer part of 1–3 digits, so `1 234 567` joins but `2026 125`
    // or `10:30 125` does not.
    let mut plain = true;
    let mut run = 0;
    while let Some(c) = at(i) {
        if is_digit(c) {
            run += 1;
        } else if is_figure_separator(c) && at(i + 1).is_some_and(is_digit) {
            plain = false;
            run = 0;
        } else if c.is_whitespace() && plain && (1..=3).contains(&run) && is_group(chars, i + 1) {
            run = 0;
        } else {
            break;
        }
        text.push(if c.is_whitespace() { ' ' } else { c });
        i += 1;
    }
    // Digits running into letters make a reference: `2e`, `12bis`, `2026-00042A`.
    if continues_word(chars, i) {
        return scan_word(chars, i, text);
    }
    // A trailing unit, maybe after one space: `€`, `EUR`, `%`.
    let gap = at(i).is_some_and(char::is_whitespace);
    let k = if gap { i + 1 } else { i };
    let unit_len = match at(k) {
        Some(c) if is_currency(c) || c == '%' => 1,
        _ if is_currency_code(chars, k) => 3,
        _ => 0,
    };
    if unit_len > 0 {
        if gap {
            text.push(' ');
        }
        text.extend(&chars[k..k + unit_len]);
        i = k + unit_len;
    }
    (i, text)
}

/// Exactly three digits at `i`, not followed by a fourth.
fn is_group(chars: &[char], i: usize) -> bool {
    chars
        .get(i..i + 3)
        .is_some_and(|g| g.iter().all(|&c| is_digit(c)))
        && !chars.get(i + 3).is_some_and(|&c| is_digit(c))
}

/// A known currency code at `i`, not followed by a letter.
fn is_currency_code(chars: &[char], i: usize) -> bool {
    chars.get(i..i + 3).is_some_and(|code| {
        let code: String = code.iter().collect();
        CURRENCY_CODES.contains(&code.as_str())
    }) && !chars.get(i + 3).is_some_and(|c| c.is_alphabetic())
}

/// Whether a word goes on at `i`: a word character, or a connector or dot
/// followed by an alphanumeric character.
fn continues_word(chars: &[char], i: usize) -> bool {
    match chars.get(i) {
        Some(&c) if is_word_char(c) => true,
        Some(&c) if is_connector(c) || c == '.' => {
            chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())
        }
        _ => false,
    }
}

/// Scans a word from `start`, appending to `text` (empty, or a figure the
/// word continues). Connectors join only when an alphanumeric follows. A dot
/// joins only inside an e-mail address (the run holds an `@`), or next to a
/// digit (`v1.2`, `art.12`): a dot between plain words is punctuation.
fn scan_word(chars: &[char], start: usize, mut text: String) -> (usize, String) {
    let email = chars[start..]
        .iter()
        .take_while(|&&c| is_word_char(c) || is_connector(c) || c == '.')
        .any(|&c| c == '@');
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        let joins = is_word_char(c)
            || (!text.is_empty()
                && next.is_some_and(char::is_alphanumeric)
                && (is_connector(c)
                    || (c == '.'
                        && (email || next.is_some_and(is_digit) || text.chars().any(is_digit)))));
        if !joins {
            break;
        }
        text.push(c);
        i += 1;
    }
    (i, text)
}

/// Joins tokens back into text: a single ' ' before each token whose `space`
/// is true (except the first token).
pub fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && token.space {
            out.push(' ');
        }
        out.push_str(&token.text);
    }
    out
}

/// Punctuation ending a sentence.
fn is_terminator(token: &Token) -> bool {
    token.kind == Kind::Punct && matches!(token.text.as_str(), "." | "!" | "?" | "…" | "؟" | "。")
}

/// Closing quotes and brackets kept with the sentence they follow. `»`, `”`
/// and `)` always close, so French spacing before them is allowed; a
/// straight `"` may open the next sentence, so it must follow unspaced.
fn is_closer(token: &Token) -> bool {
    token.kind == Kind::Punct
        && match token.text.as_str() {
            "»" | "”" | ")" => true,
            "\"" => !token.space,
            _ => false,
        }
}

/// Splits a token sequence into sentences: index ranges covering all tokens
/// in order, no gaps.
///
/// A sentence ends after `.` `!` `?` `…` `؟` `。` (a [`Kind::Punct`], so the
/// dots inside `14.09.2026` never count) and the closing quotes or brackets
/// right after it, when whitespace or the end of the paragraph follows. The
/// final, unterminated sentence is included; no tokens give no sentences.
pub fn sentences(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        if !is_terminator(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while let Some(token) = tokens.get(end)
            && is_closer(token)
        {
            end += 1;
        }
        if tokens.get(end).is_none_or(|t| t.space) {
            ranges.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        ranges.push(start..tokens.len());
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    /// The single token `s` makes, asserting there is exactly one.
    fn single(s: &str) -> Token {
        let tokens = tokenize(s);
        assert_eq!(tokens.len(), 1, "{s:?} gave {tokens:?}");
        tokens[0].clone()
    }

    #[test]
    fn amount_with_any_space_is_one_figure() {
        let tokens = tokenize("Le montant de 1\u{202F}234,56\u{202F}€ a été payé.");
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Le", "montant", "de", "1 234,56 €", "a", "été", "payé", "."]
        );
        assert_eq!(tokens[3].kind, Kind::Figure);
        assert_eq!(tokens[2].kind, Kind::Word);
        assert_eq!(tokens[7].kind, Kind::Punct);
        assert!(!tokens[7].space);
        assert_eq!(tokenize("Le montant de 1 234,56 € a été payé."), tokens);
        assert_eq!(
            tokenize("Le montant de 1\u{A0}234,56\u{A0}€ a été payé."),
            tokens
        );
    }

    #[test]
    fn reflow_is_invisible() {
        assert_eq!(tokenize("a  b\n c"), tokenize("a b c"));
        assert_eq!(texts("a  b\n c"), ["a", "b", "c"]);
    }

    #[test]
    fn equality_and_hash_ignore_space() {
        use std::collections::HashSet;
        let spaced = tokenize("a !");
        let tight = tokenize("a!");
        assert_eq!(spaced, tight);
        assert!(spaced[1].space && !tight[1].space);
        let set: HashSet<Token> = spaced.into_iter().chain(tight).collect();
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn order_reference_and_date() {
        let tokens = tokenize("commande CMD-2026-00042 du 14/09/2026");
        assert_eq!(
            texts("commande CMD-2026-00042 du 14/09/2026"),
            ["commande", "CMD-2026-00042", "du", "14/09/2026"]
        );
        assert_eq!(tokens[1].kind, Kind::Figure);
        assert_eq!(tokens[3].kind, Kind::Figure);
        assert_eq!(single("2026-00042A").kind, Kind::Figure);
        assert_eq!(single("2e").text, "2e");
        assert_eq!(single("2026-09-14").text, "2026-09-14");
        assert_eq!(single("10:30").text, "10:30");
    }

    #[test]
    fn day_month_year_stay_apart() {
        let tokens = tokenize("14 septembre 2026");
        let kinds: Vec<Kind> = tokens.iter().map(|t| t.kind).collect();
        assert_eq!(texts("14 septembre 2026"), ["14", "septembre", "2026"]);
        assert_eq!(kinds, [Kind::Figure, Kind::Word, Kind::Figure]);
        // Only a 1–3 digit integer part takes a thousands group.
        assert_eq!(
            texts("en 2026 125 lettres"),
            ["en", "2026", "125", "lettres"]
        );
        assert_eq!(texts("2026 00042"), ["2026", "00042"]);
    }

    #[test]
    fn amounts_are_single_tokens() {
        assert_eq!(single("$1,234.56").text, "$1,234.56");
        assert_eq!(single("€\u{A0}1.234,56").text, "€ 1.234,56");
        assert_eq!(single("15\u{202F}%").text, "15 %");
        assert_eq!(single("1 234 567,89 EUR").text, "1 234 567,89 EUR");
        assert_eq!(single("12,50€").text, "12,50€");
        assert_eq!(texts("3 PDF"), ["3", "PDF"]);
        assert_eq!(texts("15 EURO"), ["15", "EURO"]);
    }

    #[test]
    fn legal_reference() {
        let tokens = tokenize("l’article L221-28, 3° du Code");
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["l’article", "L221-28", ",", "3", "°", "du", "Code"]);
        assert_eq!(tokens[0].kind, Kind::Word);
        assert_eq!(tokens[1].kind, Kind::Figure);
        assert_eq!(tokens[4].kind, Kind::Punct);
        assert_eq!(single("aujourd'hui").kind, Kind::Word);
        assert_eq!(single("Jean-Pierre").kind, Kind::Word);
    }

    #[test]
    fn french_spacing_before_punctuation() {
        let tokens = tokenize("Merci\u{202F}!");
        assert_eq!(tokens.len(), 2);
        assert_eq!(
            (tokens[1].text.as_str(), tokens[1].space, tokens[1].kind),
            ("!", true, Kind::Punct)
        );
    }

    #[test]
    fn placeables() {
        assert_eq!(single("{ $order-number }").text, "{$order-number}");
        assert_eq!(single("{$order-number}"), single("{ $order-number }"));
        assert_eq!(single("{ $order-number }").kind, Kind::Word);
        assert_eq!(
            single("{ NUMBER($n,\n   style: \"x\") }").text,
            "{NUMBER($n, style: \"x\")}"
        );
        assert_eq!(texts("{ a"), ["{", "a"]);
    }

    #[test]
    fn bidi_isolates_are_invisible() {
        let tokens = tokenize("Madame \u{2068}Dupont\u{2069}, \u{200E}merci");
        assert_eq!(tokens, tokenize("Madame Dupont, merci"));
        assert!(!tokens[2].space);
        assert!(tokens[3].space);
    }

    #[test]
    fn email_is_one_token() {
        assert_eq!(
            texts("service.client@atelier-lumiere.fr."),
            ["service.client@atelier-lumiere.fr", "."]
        );
        assert_eq!(texts("Dupont.Merci"), ["Dupont", ".", "Merci"]);
    }

    #[test]
    fn arabic_digits() {
        let token = single("١٢٣٫٤٥ €");
        assert_eq!(
            (token.text.as_str(), token.kind),
            ("١٢٣٫٤٥ €", Kind::Figure)
        );
    }

    #[test]
    fn join_restores_single_spaces() {
        let s = "Bonjour,  Madame\nDupont. Merci\u{202F}!";
        assert_eq!(join(&tokenize(s)), "Bonjour, Madame Dupont. Merci !");
        assert_eq!(join(&[]), "");
    }

    #[test]
    fn sentence_ranges() {
        let tokens = tokenize("Première phrase. Deuxième « phrase » ! Troisième");
        assert_eq!(sentences(&tokens), [0..3, 3..8, 8..9]);
        let tokens = tokenize("Le 14.09.2026 est passé. Fin.");
        assert_eq!(sentences(&tokens), [0..5, 5..7]);
        // Closing quotes stay with their sentence, spaced or not.
        let tokens = tokenize("« Oui. » Puis « non.» Fin");
        assert_eq!(sentences(&tokens), [0..4, 4..9, 9..10]);
        // No whitespace after the dot: no break.
        assert_eq!(sentences(&tokenize("a.b")).len(), 1);
        assert!(sentences(&[]).is_empty());
    }
}
