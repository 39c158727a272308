//! The Fluent pack loader: the input replaces one file of the embedded
//! refund-refusal pack (its first byte picks `pack.toml` or a locale's
//! `.ftl`), then the pack is loaded, each locale's messages are parsed into
//! a bundle and every frame message is formatted, and the pack is linted.
//! Any of it may fail with diagnostics; none of it may panic, hang or
//! overflow the stack.

#![no_main]

use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentArgs;
use lettrine::lint::{Lexicon, lint_pack};
use lettrine::pack::{FRAME_MESSAGES, Pack};
use lettrine::revision::Project;
use lettrine_fuzz::{MemTree, PACK, PACK_FILES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let file = PACK_FILES[usize::from(pick) % PACK_FILES.len()];
    let mut tree = MemTree::with_pack();
    tree.insert(&format!("packs/{PACK}/{file}"), content.to_vec());
    let project = Project::from_tree(Arc::new(tree));
    let located = project.pack(PACK).expect("the pack is in the tree");
    if let Ok(pack) = Pack::load(&located) {
        for locale in &pack.locales {
            if let Ok(messages) = pack.messages(locale) {
                let args = fluent_bundle_args();
                for id in FRAME_MESSAGES {
                    let _ = messages.format(id, &args);
                }
            }
        }
    }
    let _ = lint_pack(&located, lexicon());
});

/// The lexicons do not depend on the pack: loaded once, not per input.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let project = Project::from_tree(Arc::new(MemTree::with_pack()));
        Lexicon::load(&project).expect("the embedded lexicons load")
    })
}

/// Arguments a frame message may use, as text.
fn fluent_bundle_args() -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for (name, value) in [
        ("place", "Lyon"),
        ("order-number", "A-1"),
        ("recipient-surname", "Dupont"),
    ] {
        args.set(name, value);
    }
    args
}
