//! Embeds the repository's `packs/`, `styles/`, `profiles/`, `senders/`, `themes/` and `lexicons/`
//! in the binary, so that
//! `lettrine build` works from any directory with nothing else installed.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&root);
    let mut table = String::from("&[\n");
    for top in [
        "packs", "styles", "profiles", "senders", "themes", "lexicons",
    ] {
        println!("cargo:rerun-if-changed={top}");
        let dir = root.join(top);
        let mut entries: Vec<_> = walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .collect();
        entries.sort_by(|a, b| a.path().cmp(b.path()));
        for entry in entries {
            if entry.file_type().is_dir() {
                println!("cargo:rerun-if-changed={}", entry.path().display());
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(root)
                .expect("walked below the root");
            let rel = rel
                .to_str()
                .expect("asset paths are UTF-8")
                .replace('\\', "/");
            let abs = entry.path().canonicalize().expect("asset exists");
            writeln!(
                table,
                "    ({rel:?}, include_bytes!({:?}) as &[u8]),",
                abs.display().to_string()
            )
            .expect("writing to a String");
        }
    }
    table.push(']');
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(out, table).expect("OUT_DIR is writable");
}
