//! The project-config reader: the input is a compare-locales `l10n.toml`,
//! then, after each NUL byte, the `addon/l10n.toml` it may include and a
//! `.l10n-ignore`, in a tree in memory holding the Fluent files of
//! `tests/fixtures/lint/project`. The project is read (env expansion,
//! `*` / `**` patterns, includes, excludes, filters with `re:` keys) and,
//! when it reads, linted as a bare tree through its filters. Bad input may
//! fail with diagnostics; it may not panic, hang or loop on includes.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use lettrine::lint::config::{self, MemoryFiles};
use lettrine::lint::{self, Lexicon, Settings};
use lettrine::revision::Project;
use libfuzzer_sys::fuzz_target;

macro_rules! fixture {
    ($($path:literal),* $(,)?) => {
        [$(($path, include_str!(concat!("../../tests/fixtures/lint/project/", $path)))),*]
    };
}

const FILES: &[(&str, &str)] = &fixture![
    "vendor.toml",
    "lettrine.toml",
    "locales/en-US/app.ftl",
    "locales/en-US/legacy.ftl",
    "locales/en-US/vendor/lib.ftl",
    "locales/en-US/ignored/notes.ftl",
    "locales/fr/app.ftl",
    "locales/fr/vendor/lib.ftl",
    "locales/fr/ignored/notes.ftl",
    "locales/de/app.ftl",
    "addon/en-US/addon.ftl",
    "addon/fr/addon.ftl",
    "addon/de/addon.ftl",
];

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        Lexicon::load(&Project::embedded_only()).expect("the embedded lexicons load")
    })
}

fuzz_target!(|data: &[u8]| {
    let mut files = MemoryFiles::new(
        Path::new("/p"),
        FILES.iter().map(|(path, text)| (*path, text.as_bytes())),
    );
    let names = ["l10n.toml", "addon/l10n.toml", ".l10n-ignore"];
    for (name, part) in names.iter().zip(data.split(|b| *b == 0)) {
        files
            .files
            .insert(Path::new("/p").join(name), part.to_vec());
    }
    let Ok(project) = config::read_project_in(
        &files,
        Path::new("/p/l10n.toml"),
        "en-US",
        None,
        &std::collections::BTreeMap::new(),
    )
    else {
        return;
    };
    let settings = config::with_filters(Settings::tree(), project.filters);
    let _ = lint::lint_files("p", &project.source, &project.locales, lexicon(), &settings);
});
