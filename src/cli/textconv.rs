//! `lettrine textconv FILE`: what `git diff` should show of a file. A
//! `.ftl` file becomes one line per message, sorted and normalised; a case
//! file becomes the text of its letter; anything else is passed through.
//! Git calls this as a textconv driver (see `lettrine git-setup`), and a
//! driver that fails breaks `git diff`: a case that does not build is shown
//! as it is, with the reason on standard error, and the exit code is 0.

use std::path::PathBuf;

use lettrine::Error;
use lettrine::builder::{Builder, Overrides};
use lettrine::ftl;
use lettrine::revision::Project;

#[derive(Debug, clap::Args)]
pub struct TextconvArgs {
    /// The file to show.
    file: PathBuf,
}

pub fn run(args: TextconvArgs, project: Project) -> Result<(), Error> {
    let path = &args.file;
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.display().to_string(),
        source,
    })?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let text = match extension {
        "ftl" => ftl::normalised(&String::from_utf8_lossy(&bytes)),
        // A case names its pack; other TOML and JSON files are data.
        "toml" | "json" if lettrine::case::looks_like_case(&bytes) => {
            let builder = Builder::new(project);
            let letter = builder
                .read_case(path)
                .and_then(|case| builder.letter(&case, &Overrides::default()));
            match letter {
                Ok(letter) => letter.to_text(),
                Err(e) => {
                    eprintln!(
                        "lettrine textconv: {} does not build ({e}); showing it as it is",
                        path.display()
                    );
                    return super::stdout(&bytes);
                }
            }
        }
        _ => return super::stdout(&bytes),
    };
    super::stdout(text.as_bytes())
}
