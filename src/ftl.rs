//! Fluent sources as data, for the commands that maintain packs (`lint`,
//! `status`, later `diff`): the fluent-syntax AST parsed over borrowed text,
//! so that every identifier, variable and text run is a slice of the file
//! and its byte span comes for free; the variables and references of a
//! pattern; a canonical text that ignores wrapping; and syntax errors
//! explained in words a translator understands.

use std::collections::BTreeSet;
use std::ops::Range;

use fluent_syntax::ast::{self, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser::{ErrorKind, ParserError};

use crate::diagnostic::{Diagnostic, SourceFile};

pub type Resource<'s> = ast::Resource<&'s str>;

/// Parses `text`, recovering after each error: the entries that parsed,
/// and the errors in file order. An entry that nests too deep (see
/// [`too_deep`]) is kept as junk, unparsed, up to the next line that may
/// start an entry; [`too_deep`] tells why.
pub fn parse(text: &str) -> (Resource<'_>, Vec<ParserError>) {
    let mut body = Vec::new();
    let mut errors = Vec::new();
    let mut start = 0;
    loop {
        let part = &text[start..];
        let deep = too_deep(part);
        let end = deep.map_or(part.len(), |d| d.entry);
        let (resource, found) = match fluent_syntax::parser::parse(&part[..end]) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        body.extend(resource.body);
        errors.extend(found.into_iter().map(|mut e| {
            e.pos = e.pos.start + start..e.pos.end + start;
            e.slice = e.slice.map(|s| s.start + start..s.end + start);
            e
        }));
        let Some(deep) = deep else { break };
        let next = next_entry(part, deep.at);
        body.push(ast::Entry::Junk {
            content: &part[deep.entry..next],
        });
        start += next;
        if start == text.len() {
            break;
        }
    }
    (ast::Resource { body }, errors)
}

/// The first line after `from` that may start an entry (a letter, `-` or
/// `#` at its start), or the end of `text`.
fn next_entry(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    (from + 1..bytes.len())
        .find(|&i| {
            bytes[i - 1] == b'\n'
                && (bytes[i].is_ascii_alphabetic() || matches!(bytes[i], b'-' | b'#'))
        })
        .unwrap_or(bytes.len())
}

/// How deep placeables, select expressions and call arguments may nest in
/// a Fluent file. Letters need three or four levels; fluent-syntax's parser
/// and fluent-bundle's resolver recurse once per level, so a file nesting
/// thousands deep would overflow the stack.
pub const MAX_NESTING: usize = 32;

/// Where a Fluent file nests deeper than [`MAX_NESTING`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    /// The start of the entry that nests too deep; the entries before it
    /// parse as they would in the whole file.
    pub entry: usize,
    /// The `{` or `(` that crosses the limit.
    pub at: usize,
}

/// Finds nesting deeper than [`MAX_NESTING`] without recursing: a scan that
/// follows the parser's contexts (text, expression, variant keys, variant
/// text) and never counts fewer levels than the parser would enter. It
/// counts more only after a syntax error, until the next comment or the
/// next entry that starts in text.
pub fn too_deep(text: &str) -> Option<TooDeep> {
    /// What the parser is reading inside a level.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Frame {
        /// Inside `{ }` or `( )`: references, literals, arguments.
        Expression,
        /// After `->`, up to a variant key's `]`.
        Keys,
        /// A variant's pattern.
        Text,
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut entry = 0;
    // Only spaces since the line began (a variant key may follow).
    let mut indent = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let line_start = i == 0 || bytes[i - 1] == b'\n';
        if line_start {
            indent = true;
            // A comment at the start of a line ends any entry, and so does
            // an identifier where the parser reads text: it goes on there.
            let comment = b == b'#';
            let entry_start = comment || b.is_ascii_alphabetic() || b == b'-';
            if comment || (entry_start && matches!(stack.last(), None | Some(Frame::Text))) {
                stack.clear();
            }
            if entry_start && stack.is_empty() {
                entry = i;
            }
            if comment {
                i = bytes[i..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |n| i + n);
                continue;
            }
        }
        let top = stack.last().copied();
        let opens = match (top, b) {
            (None | Some(Frame::Text | Frame::Keys), b'{') => true,
            (Some(Frame::Expression), b'{' | b'(') => true,
            (Some(Frame::Expression), b'}' | b')') | (Some(Frame::Text | Frame::Keys), b'}') => {
                stack.pop();
                false
            }
            (Some(Frame::Expression), b'"') => {
                // A string literal ends at its quote or, unclosed, at the
                // end of the line; nothing in it nests.
                i += 1;
                while i < bytes.len() && !matches!(bytes[i], b'"' | b'\n') {
                    i += if bytes[i] == b'\\' && bytes.get(i + 1) != Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                }
                if bytes.get(i) == Some(&b'\n') {
                    continue;
                }
                false
            }
            (Some(Frame::Expression), b'-') if bytes.get(i + 1) == Some(&b'>') => {
                stack.pop();
                stack.push(Frame::Keys);
                i += 1;
                false
            }
            (Some(Frame::Keys), b']') => {
                stack.pop();
                stack.push(Frame::Text);
                false
            }
            (Some(Frame::Text), b'[' | b'*') if indent => {
                stack.pop();
                stack.push(Frame::Keys);
                false
            }
            _ => false,
        };
        if opens {
            if stack.len() == MAX_NESTING {
                return Some(TooDeep { entry, at: i });
            }
            stack.push(Frame::Expression);
        }
        indent &= b == b' ' || b == b'\n';
        i += 1;
    }
    None
}

/// The error for a file that nests too deep.
pub fn too_deep_error(file: &SourceFile, deep: TooDeep) -> Diagnostic {
    Diagnostic::error(
        "fluent::too-deep",
        format!("placeables nest more than {MAX_NESTING} levels deep"),
    )
    .at(file, deep.at..deep.at + 1)
    .label("too deep here")
    .hint("a message needs a few levels at most: a placeable, a select expression, a placeable in a variant")
}

/// The byte range of `part` in `text`; `part` must be a slice of `text`
/// (everything the parser returns is).
pub fn span(text: &str, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    if start <= text.len() && start + part.len() <= text.len() {
        start..start + part.len()
    } else {
        0..0
    }
}

/// A syntax error as a diagnostic: what the parser expected, in words, at
/// the place it stopped.
pub fn syntax_error(file: &SourceFile, error: &ParserError) -> Diagnostic {
    let text = &file.text;
    // An error at the very end points at the last line, not past it.
    let end = text.trim_end_matches('\n').len();
    let mut start = error.pos.start.min(end);
    let mut stop = error.pos.end.min(end).max(start);
    // An error found at the start of the next line belongs to the end of
    // the line before it.
    if start > 0 && text[..start].ends_with('\n') {
        start = text[..start].trim_end().len();
        stop = start;
    }
    let (code, message, label, hint) = explain(&error.kind);
    let mut d = Diagnostic::error(code, message)
        .at(file, start..stop)
        .label(label);
    if let Some(hint) = hint {
        d = d.hint(hint);
    }
    d
}

/// Code, message, label and hint for each kind of syntax error.
fn explain(kind: &ErrorKind) -> (&'static str, String, String, Option<String>) {
    use ErrorKind as K;
    let syntax = "fluent::syntax";
    match kind {
        K::ExpectedToken(c) => {
            let hint = match c {
                '}' => Some("every `{` opens a placeable that must be closed by `}` on the same entry".to_owned()),
                '=' => Some("a message is written `id = text`".to_owned()),
                ']' => Some("a variant key is written `[key]`".to_owned()),
                _ => None,
            };
            (syntax, format!("expected `{c}` here"), format!("expected `{c}`"), hint)
        }
        K::ExpectedCharRange { range } => (
            syntax,
            format!("expected one of `{range}` here"),
            format!("expected `{range}`"),
            Some("identifiers start with a letter and use only letters, digits, `-` and `_`".to_owned()),
        ),
        K::ExpectedMessageField { entry_id } => (
            syntax,
            format!("the message `{entry_id}` has neither a value nor attributes"),
            "nothing after `=`".to_owned(),
            Some("write the text after `=`, or indent the following lines by at least one space".to_owned()),
        ),
        K::ExpectedTermField { entry_id } => (
            syntax,
            format!("the term `-{entry_id}` has no value"),
            "a term needs a value".to_owned(),
            None,
        ),
        K::ForbiddenCallee => (
            syntax,
            "only functions in capital letters can be called here".to_owned(),
            "not a function".to_owned(),
            Some("functions are NUMBER and DATETIME; a term with arguments is written `{ -term(case: \"x\") }`".to_owned()),
        ),
        K::MissingDefaultVariant => (
            "fluent::select-default",
            "this select expression has no default variant".to_owned(),
            "no variant marked `*`".to_owned(),
            Some("mark the variant used for any other value with a star: `*[other] …`".to_owned()),
        ),
        K::MultipleDefaultVariants => (
            "fluent::select-default",
            "this select expression has more than one default variant".to_owned(),
            "second `*`".to_owned(),
            Some("only one variant may be marked `*`".to_owned()),
        ),
        K::MissingValue => (syntax, "a value is missing here".to_owned(), "expected a value".to_owned(), None),
        K::MessageReferenceAsSelector
        | K::TermReferenceAsSelector
        | K::MessageAttributeAsSelector => (
            syntax,
            "only a variable, a number, a function call or a term attribute can choose a variant".to_owned(),
            "cannot be a selector".to_owned(),
            Some("select on a variable: `{ $count -> … }`".to_owned()),
        ),
        K::TermAttributeAsPlaceable => (
            syntax,
            "a term's attribute can only be used to choose a variant, not printed".to_owned(),
            "term attribute printed".to_owned(),
            Some("print the term itself (`{ -brand }`) or select on the attribute (`{ -brand.gender -> … }`)".to_owned()),
        ),
        K::UnterminatedStringLiteral => (
            syntax,
            "this string literal is not closed".to_owned(),
            "missing `\"`".to_owned(),
            Some("string literals open and close on the same line: `{ \"…\" }`".to_owned()),
        ),
        K::PositionalArgumentFollowsNamed => (
            syntax,
            "a positional argument comes after a named one".to_owned(),
            "move it before the named arguments".to_owned(),
            None,
        ),
        K::DuplicatedNamedArgument(name) => (
            syntax,
            format!("the argument `{name}` is given twice"),
            "given again here".to_owned(),
            None,
        ),
        K::UnknownEscapeSequence(seq) => (
            syntax,
            format!("`\\{seq}` is not an escape sequence Fluent knows"),
            "unknown escape".to_owned(),
            Some("inside a string literal, write `\\\\`, `\\\"`, `\\uXXXX` or `\\UXXXXXX`".to_owned()),
        ),
        K::InvalidUnicodeEscapeSequence(seq) => (
            syntax,
            format!("`{seq}` is not a valid Unicode escape"),
            "invalid escape".to_owned(),
            None,
        ),
        K::UnbalancedClosingBrace => (
            syntax,
            "a `}` closes nothing".to_owned(),
            "unbalanced `}`".to_owned(),
            Some("to print a brace, write `{ \"}\" }`".to_owned()),
        ),
        K::ExpectedInlineExpression => (
            syntax,
            "expected a variable, a message, a term, a function or a literal inside `{ }`".to_owned(),
            "empty or invalid placeable".to_owned(),
            Some("variables start with `$` (`{ $name }`), terms with `-` (`{ -brand }`)".to_owned()),
        ),
        K::ExpectedSimpleExpressionAsSelector => (
            syntax,
            "a select expression must choose on a variable, a number or a function call".to_owned(),
            "not a selector".to_owned(),
            None,
        ),
        K::ExpectedLiteral => (
            syntax,
            "expected a string or a number".to_owned(),
            "expected a literal".to_owned(),
            None,
        ),
    }
}

/// A message or a term, as far as what both have: maintenance commands
/// treat them alike, a term keyed `-id`.
#[derive(Debug, Clone, Copy)]
pub struct Definition<'p, 's> {
    /// The identifier, a slice of the file (without a term's `-`).
    pub id: &'s str,
    pub term: bool,
    pub value: Option<&'p Pattern<&'s str>>,
    pub attributes: &'p [ast::Attribute<&'s str>],
    /// The comment attached to the entry, line by line.
    pub comment: &'p [&'s str],
}

impl<'p, 's> Definition<'p, 's> {
    /// The message or term `entry` defines, if it defines one.
    pub fn of(entry: &'p ast::Entry<&'s str>) -> Option<Self> {
        let comment =
            |c: &'p Option<ast::Comment<&'s str>>| c.as_ref().map_or(&[][..], |c| &c.content[..]);
        match entry {
            ast::Entry::Message(m) => Some(Self {
                id: m.id.name,
                term: false,
                value: m.value.as_ref(),
                attributes: &m.attributes,
                comment: comment(&m.comment),
            }),
            ast::Entry::Term(t) => Some(Self {
                id: t.id.name,
                term: true,
                value: Some(&t.value),
                attributes: &t.attributes,
                comment: comment(&t.comment),
            }),
            _ => None,
        }
    }

    /// `id` for a message, `-id` for a term.
    pub fn key(&self) -> String {
        if self.term {
            format!("-{}", self.id)
        } else {
            self.id.to_owned()
        }
    }

    /// The value and each attribute, named (`None` for the value).
    pub fn patterns(
        &self,
    ) -> impl Iterator<Item = (Option<&'s str>, &'p Pattern<&'s str>)> + use<'p, 's> {
        self.value
            .map(|v| (None, v))
            .into_iter()
            .chain(self.attributes.iter().map(|a| (Some(a.id.name), &a.value)))
    }
}

/// Something a pattern uses, with the slice naming it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use<'s> {
    Variable(&'s str),
    Message {
        id: &'s str,
        attribute: Option<&'s str>,
    },
    Term {
        id: &'s str,
        attribute: Option<&'s str>,
    },
    Function(&'s str),
}

/// Everything `pattern` uses, nested selects and call arguments included,
/// in source order.
pub fn uses<'s>(pattern: &Pattern<&'s str>) -> Vec<Use<'s>> {
    let mut out = Vec::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_uses(expression, &mut out);
        }
    }
    out
}

fn expression_uses<'s>(expression: &Expression<&'s str>, out: &mut Vec<Use<'s>>) {
    match expression {
        Expression::Inline(inline) => inline_uses(inline, out),
        Expression::Select { selector, variants } => {
            inline_uses(selector, out);
            for variant in variants {
                out.extend(uses(&variant.value));
            }
        }
    }
}

fn inline_uses<'s>(inline: &InlineExpression<&'s str>, out: &mut Vec<Use<'s>>) {
    match inline {
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
        InlineExpression::VariableReference { id } => out.push(Use::Variable(id.name)),
        InlineExpression::MessageReference { id, attribute } => out.push(Use::Message {
            id: id.name,
            attribute: attribute.as_ref().map(|a| a.name),
        }),
        InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            out.push(Use::Term {
                id: id.name,
                attribute: attribute.as_ref().map(|a| a.name),
            });
            if let Some(args) = arguments {
                call_uses(args, out);
            }
        }
        InlineExpression::FunctionReference { id, arguments } => {
            out.push(Use::Function(id.name));
            call_uses(arguments, out);
        }
        InlineExpression::Placeable { expression } => expression_uses(expression, out),
    }
}

fn call_uses<'s>(args: &ast::CallArguments<&'s str>, out: &mut Vec<Use<'s>>) {
    for arg in &args.positional {
        inline_uses(arg, out);
    }
    for arg in &args.named {
        inline_uses(&arg.value, out);
    }
}

/// The names of the variables `pattern` uses anywhere.
pub fn variables<'s>(pattern: &Pattern<&'s str>) -> BTreeSet<&'s str> {
    uses(pattern)
        .into_iter()
        .filter_map(|u| match u {
            Use::Variable(name) => Some(name),
            _ => None,
        })
        .collect()
}

/// The variables `pattern` prints: every use but as the selector of a
/// select expression (`{ $n -> … }`, `{ NUMBER($n) -> … }`), which only
/// chooses a variant. A variable a variant prints counts.
pub fn printed_variables<'s>(pattern: &Pattern<&'s str>) -> BTreeSet<&'s str> {
    fn walk<'s>(pattern: &Pattern<&'s str>, out: &mut BTreeSet<&'s str>) {
        for element in &pattern.elements {
            let PatternElement::Placeable { expression } = element else {
                continue;
            };
            expression_printed(expression, out);
        }
    }
    fn expression_printed<'s>(expression: &Expression<&'s str>, out: &mut BTreeSet<&'s str>) {
        match expression {
            Expression::Select { variants, .. } => {
                for variant in variants {
                    walk(&variant.value, out);
                }
            }
            Expression::Inline(InlineExpression::Placeable { expression }) => {
                expression_printed(expression, out);
            }
            Expression::Inline(inline) => out.extend(inline_variables(inline)),
        }
    }
    let mut out = BTreeSet::new();
    walk(pattern, &mut out);
    out
}

/// The names of the variables an inline expression uses.
pub fn inline_variables<'s>(inline: &InlineExpression<&'s str>) -> BTreeSet<&'s str> {
    let mut out = Vec::new();
    inline_uses(inline, &mut out);
    out.into_iter()
        .filter_map(|u| match u {
            Use::Variable(name) => Some(name),
            _ => None,
        })
        .collect()
}

/// The variable a select expression chooses on, directly or through a
/// function (`NUMBER($n)`).
pub fn selector_variable<'s>(selector: &InlineExpression<&'s str>) -> Option<&'s str> {
    match selector {
        InlineExpression::VariableReference { id } => Some(id.name),
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.iter().find_map(selector_variable)
        }
        _ => None,
    }
}

/// Every select expression in `pattern`, outer ones first.
pub fn selects<'p, 's>(pattern: &'p Pattern<&'s str>) -> Vec<Select<'p, 's>> {
    let mut out = Vec::new();
    collect_selects(pattern, &mut out);
    out
}

/// A select expression: what it chooses on, and its variants.
#[derive(Debug, Clone, Copy)]
pub struct Select<'p, 's> {
    pub selector: &'p InlineExpression<&'s str>,
    pub variants: &'p [ast::Variant<&'s str>],
}

fn collect_selects<'p, 's>(pattern: &'p Pattern<&'s str>, out: &mut Vec<Select<'p, 's>>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression_selects(expression, out);
        }
    }
}

fn collect_expression_selects<'p, 's>(
    expression: &'p Expression<&'s str>,
    out: &mut Vec<Select<'p, 's>>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            out.push(Select { selector, variants });
            for variant in variants {
                collect_selects(&variant.value, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            collect_expression_selects(expression, out);
        }
        Expression::Inline(_) => {}
    }
}

/// The name of a variant key: an identifier, or a number as written.
pub fn key_name<'s>(key: &ast::VariantKey<&'s str>) -> &'s str {
    match key {
        ast::VariantKey::Identifier { name } => name,
        ast::VariantKey::NumberLiteral { value } => value,
    }
}

/// Every text run of `pattern` in source order, variants included, each
/// with a number that changes between separate runs of text: a placeable
/// or the start of a variant ends a run.
pub fn texts<'s>(pattern: &Pattern<&'s str>) -> Vec<(usize, &'s str)> {
    let mut out = Vec::new();
    let mut run = 0;
    collect_texts(pattern, &mut run, &mut out);
    out
}

fn collect_texts<'s>(pattern: &Pattern<&'s str>, run: &mut usize, out: &mut Vec<(usize, &'s str)>) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push((*run, value)),
            PatternElement::Placeable { expression } => {
                *run += 1;
                if let Expression::Select { variants, .. } = expression {
                    for variant in variants {
                        collect_texts(&variant.value, run, out);
                        *run += 1;
                    }
                }
            }
        }
    }
}

/// The pattern as one line: text with its white space collapsed, and
/// placeables written in a fixed way, so that re-wrapping or re-indenting a
/// message does not change it.
pub fn canonical(pattern: &Pattern<&str>) -> String {
    let mut out = String::new();
    write_pattern(pattern, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A message or term as one canonical line per value and attribute,
/// attributes sorted by name.
pub fn canonical_entry(
    value: Option<&Pattern<&str>>,
    attributes: &[ast::Attribute<&str>],
) -> String {
    let mut out = value.map(canonical).unwrap_or_default();
    let mut attrs: Vec<_> = attributes.iter().collect();
    attrs.sort_by_key(|a| a.id.name);
    for attr in attrs {
        out.push_str("\n.");
        out.push_str(attr.id.name);
        out.push_str(" = ");
        out.push_str(&canonical(&attr.value));
    }
    out
}

fn write_pattern(pattern: &Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => {
                out.push('{');
                write_expression(expression, out);
                out.push('}');
            }
        }
    }
}

fn write_expression(expression: &Expression<&str>, out: &mut String) {
    match expression {
        Expression::Inline(inline) => write_inline(inline, out),
        Expression::Select { selector, variants } => {
            write_inline(selector, out);
            out.push_str(" ->");
            for variant in variants {
                out.push(' ');
                if variant.default {
                    out.push('*');
                }
                out.push('[');
                out.push_str(key_name(&variant.key));
                out.push_str("] ");
                // Within a variant, spaces matter only as separators.
                let mut inner = String::new();
                write_pattern(&variant.value, &mut inner);
                out.push_str(&inner.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }
}

fn write_inline(inline: &InlineExpression<&str>, out: &mut String) {
    match inline {
        InlineExpression::StringLiteral { value } => {
            out.push('"');
            out.push_str(value);
            out.push('"');
        }
        InlineExpression::NumberLiteral { value } => out.push_str(value),
        InlineExpression::VariableReference { id } => {
            out.push('$');
            out.push_str(id.name);
        }
        InlineExpression::MessageReference { id, attribute } => {
            out.push_str(id.name);
            if let Some(a) = attribute {
                out.push('.');
                out.push_str(a.name);
            }
        }
        InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            out.push('-');
            out.push_str(id.name);
            if let Some(a) = attribute {
                out.push('.');
                out.push_str(a.name);
            }
            if let Some(args) = arguments {
                write_call(args, out);
            }
        }
        InlineExpression::FunctionReference { id, arguments } => {
            out.push_str(id.name);
            write_call(arguments, out);
        }
        InlineExpression::Placeable { expression } => {
            out.push('{');
            write_expression(expression, out);
            out.push('}');
        }
    }
}

fn write_call(args: &ast::CallArguments<&str>, out: &mut String) {
    out.push('(');
    let mut first = true;
    for arg in &args.positional {
        if !first {
            out.push_str(", ");
        }
        first = false;
        write_inline(arg, out);
    }
    for arg in &args.named {
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(arg.name.name);
        out.push_str(": ");
        write_inline(&arg.value, out);
    }
    out.push(')');
}

/// The number of words in the text of a pattern (placeables not counted).
pub fn word_count(pattern: &Pattern<&str>) -> usize {
    texts(pattern)
        .iter()
        .map(|(_, t)| {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum()
}

/// A Fluent file as `git diff` should see it: one line per message, term
/// and attribute (`id = text`, `id.attr = text`), sorted by id, each in its
/// canonical form, so that moving or re-wrapping a message changes
/// nothing and a change of wording is one line. Comments are left out; a
/// part that does not parse is kept, on one line, marked `!`.
pub fn normalised(text: &str) -> String {
    let (resource, _) = parse(text);
    let mut lines: Vec<(String, String)> = Vec::new();
    for entry in &resource.body {
        if let ast::Entry::Junk { content } = entry {
            let one_line = content.split_whitespace().collect::<Vec<_>>().join(" ");
            lines.push((format!("~{one_line}"), format!("! {one_line}")));
        }
        let Some(def) = Definition::of(entry) else {
            continue;
        };
        let key = def.key();
        for (attribute, pattern) in def.patterns() {
            let id = match attribute {
                None => key.clone(),
                Some(a) => format!("{key}.{a}"),
            };
            lines.push((id.clone(), format!("{id} = {}", canonical(pattern))));
        }
    }
    lines.sort();
    let mut out = String::new();
    for (_, line) in lines {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message<'s>(resource: &'s Resource<'s>, id: &str) -> &'s ast::Message<&'s str> {
        resource
            .body
            .iter()
            .find_map(|e| match e {
                ast::Entry::Message(m) if m.id.name == id => Some(m),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no message {id}"))
    }

    #[test]
    fn spans_come_from_the_borrowed_text() {
        let text = "a = x\nhello = Bonjour { $name },\n    à bientôt\n";
        let (resource, errors) = parse(text);
        assert!(errors.is_empty());
        let m = message(&resource, "hello");
        assert_eq!(&text[span(text, m.id.name)], "hello");
        let value = m.value.as_ref().map(variables).unwrap_or_default();
        assert_eq!(value.into_iter().collect::<Vec<_>>(), ["name"]);
        let var = uses(m.value.as_ref().unwrap())[0];
        let Use::Variable(name) = var else { panic!() };
        assert_eq!(span(text, name), 25..29);
    }

    #[test]
    fn canonical_text_ignores_wrapping() {
        let a =
            "m = Nous vous remercions de { $x ->\n    [one] un\n   *[other] plusieurs\n } jours.\n";
        let b = "m =\n    Nous vous\n    remercions de { $x ->\n        [one] un\n       *[other]    plusieurs\n    } jours.\n";
        let (ra, _) = parse(a);
        let (rb, _) = parse(b);
        let ca = canonical(message(&ra, "m").value.as_ref().unwrap());
        let cb = canonical(message(&rb, "m").value.as_ref().unwrap());
        assert_eq!(ca, cb);
        assert_eq!(
            ca,
            "Nous vous remercions de {$x -> [one] un *[other] plusieurs} jours."
        );
    }

    #[test]
    fn normalised_text_sorts_and_joins() {
        let text = "# A comment\nb = Deux\n    lignes\n    .title = Titre\n-t = Terme\na = { $x ->\n    [one] un\n   *[other] plus\n}\nc = { oops\n";
        assert_eq!(
            normalised(text),
            "-t = Terme\na = {$x -> [one] un *[other] plus}\nb = Deux lignes\nb.title = Titre\n! c = { oops\n"
        );
    }

    #[test]
    fn the_parser_recovers_and_explains() {
        let text = "a = { $x\nb = ok\nc = { $n ->\n   [one] un\n   [other] deux\n}\n";
        let (resource, errors) = parse(text);
        assert!(
            resource
                .body
                .iter()
                .any(|e| matches!(e, ast::Entry::Message(m) if m.id.name == "b"))
        );
        let file = SourceFile::new("x.ftl", text);
        let messages: Vec<_> = errors.iter().map(|e| syntax_error(&file, e)).collect();
        assert_eq!(messages[0].message, "expected `}` here");
        assert_eq!(messages[1].code, "fluent::select-default");
    }
}
