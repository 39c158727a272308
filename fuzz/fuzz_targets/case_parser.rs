//! The case parser: the input's first byte picks how the rest is read — a
//! TOML case, a JSON case, a CSV table or a JSON Lines table — and every
//! case (each row of a table) is built with the embedded project and
//! checked against the refund-refusal pack by the validator. Bad input may
//! fail with diagnostics; it may not panic, hang or overflow the stack.

#![no_main]

use lettrine::batch::table::Table;
use lettrine::builder::Builder;
use lettrine::case::CaseFile;
use lettrine::revision::Project;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let builder = Builder::new(Project::embedded_only());
    let bytes = content.to_vec();
    match pick % 4 {
        0 => check(&builder, builder.parse_case("case.toml".to_owned(), bytes)),
        1 => check(&builder, builder.parse_case("case.json".to_owned(), bytes)),
        kind => {
            let table = if kind == 2 {
                Table::csv("cases.csv".to_owned(), bytes)
            } else {
                Table::lines("cases.jsonl".to_owned(), bytes)
            };
            let Ok(table) = table else { return };
            for index in 0..table.len() {
                let _ = table.label(index);
                let _ = table.span(index);
                if let Ok((root, row)) = table.row(index, None) {
                    let case = builder.case_from(table.file.clone(), root, None, Some(row));
                    check(&builder, case);
                }
            }
        }
    }
});

/// Validates a parsed case against its pack, when it names one that loads.
fn check(builder: &Builder, case: lettrine::Result<CaseFile>) {
    let Ok(case) = case else { return };
    if let Ok(pack) = builder.pack(&case.pack.id) {
        let _ = case.validate(&pack, &case.locale);
    }
}
