//! Letter assembly: a structurally valid refund-refusal case whose values
//! come from the input — text, amounts, dates, codes and the locale — goes
//! through `Builder::letter`: validation, Fluent formatting, CLDR numbers,
//! money and dates, and each locale's typography. No typesetting (too slow
//! to fuzz). A value may be refused with diagnostics; nothing may panic.

#![no_main]

use arbitrary::Arbitrary;
use lettrine::builder::{Builder, Overrides};
use lettrine::revision::Project;
use libfuzzer_sys::fuzz_target;

/// The values of a case, from the fuzzer.
#[derive(Debug, Arbitrary)]
struct Values {
    locale: u8,
    date: String,
    place: String,
    reasons: Vec<u8>,
    sender: String,
    address: Vec<String>,
    recipient: String,
    salutation: u8,
    order_number: String,
    order_date: String,
    item: String,
    amount: String,
    currency: u8,
    delivery_date: String,
    request_date: String,
    concession_amount: String,
    valid_until: String,
}

const LOCALES: &[&str] = &[
    "en", "fr", "it", "de", "es", "ar", "fr-CH", "en-GB", "de-AT",
];
const REASONS: &[&str] = &[
    "custom-made",
    "digital-content-started",
    "in-store-purchase",
    "guarantee-expired",
    "withdrawal-period-expired",
    "unknown-code",
];
const SALUTATIONS: &[&str] = &["madame", "monsieur", "neutral", "other"];
const CURRENCIES: &[&str] = &["EUR", "CHF", "GBP", "USD", "JPY", "XXX"];

fuzz_target!(|values: Values| {
    let pick = |list: &[&'static str], i: u8| list[usize::from(i) % list.len()];
    let text = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let list = |items: Vec<String>| {
        let quoted: Vec<String> = items.iter().map(|s| text(s)).collect();
        format!("[{}]", quoted.join(", "))
    };
    let reasons: Vec<String> = values
        .reasons
        .iter()
        .take(4)
        .map(|r| pick(REASONS, *r).to_owned())
        .collect();
    let case = format!(
        r#"pack = "refund-refusal"
locale = {locale}
date = {date}
place = {place}
jurisdiction = "FR"
reasons = {reasons}
enclosures = ["invoice"]

[sender]
name = {sender}
address = {address}

[signatory]
name = "Julien Moreau"

[recipient]
name = {recipient}
salutation = {salutation}
address = ["14 Royal York Crescent", "Bristol"]

[order]
number = {order_number}
date = {order_date}
item = {item}
amount = {amount}
currency = {currency}
delivery-date = {delivery_date}
consent-date = {delivery_date}

[request]
date = {request_date}

[concession]
kind = "voucher"
amount = {concession_amount}
valid-until = {valid_until}
"#,
        locale = text(pick(LOCALES, values.locale)),
        date = text(&values.date),
        place = text(&values.place),
        reasons = list(reasons),
        sender = text(&values.sender),
        address = list(values.address),
        recipient = text(&values.recipient),
        salutation = text(pick(SALUTATIONS, values.salutation)),
        order_number = text(&values.order_number),
        order_date = text(&values.order_date),
        item = text(&values.item),
        amount = text(&values.amount),
        currency = text(pick(CURRENCIES, values.currency)),
        delivery_date = text(&values.delivery_date),
        request_date = text(&values.request_date),
        concession_amount = text(&values.concession_amount),
        valid_until = text(&values.valid_until),
    );
    let builder = Builder::new(Project::embedded_only());
    let case = builder
        .parse_case("case.toml".to_owned(), case.into_bytes())
        .expect("the case is valid TOML with every key in place");
    let _ = builder.letter(&case, &Overrides::default());
});
