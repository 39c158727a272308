//! `lettrine new PACK [--locale L]`: prints a case file to fill in.

use lettrine::Error;
use lettrine::builder::Builder;
use lettrine::pack::field::quoted_list;
use lettrine::revision::Project;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The pack to write a case for.
    pack: String,
    /// The letter's language [default: the pack's source locale]; a
    /// regional locale of one of the pack's (`fr-CH`) gets that region's
    /// examples where the pack has them.
    #[arg(long)]
    locale: Option<String>,
}

pub fn run(args: NewArgs, project: Project) -> Result<(), Error> {
    let builder = Builder::new(project);
    let pack = builder.pack(&args.pack)?;
    let locale = args.locale.unwrap_or_else(|| pack.source_locale.clone());
    if pack.resolve_locale(&locale).is_none() {
        return Err(Error::usage(
            format!("the pack {} has no locale {locale:?}", pack.id),
            Some(format!("the locales are {}", quoted_list(&pack.locales))),
        ));
    }
    super::stdout(lettrine::case::template(&pack, &locale).as_bytes())
}
