//! `lettrine packs`, `styles`, `profiles`, `themes` and `fonts`: what is
//! available, and where each comes from (the project folder or the
//! embedded defaults).

use lettrine::Error;
use lettrine::builder::Builder;
use lettrine::pack::Pack;
use lettrine::profile::Profile;
use lettrine::render::fonts::FontOrigin;
use lettrine::revision::Project;
use lettrine::theme::Theme;

pub fn packs(project: &Project) -> Result<(), Error> {
    let mut out = String::new();
    for (id, origin) in project.packs() {
        let line = match project.pack(&id).map(|located| Pack::load(&located)) {
            Some(Ok(pack)) => format!(
                "{id} {}  [{}]  {}  ({origin})\n",
                pack.version,
                pack.locales.join(", "),
                pack.description
            ),
            _ => {
                format!("{id}  (invalid: run `lettrine build` on a case to see why)  ({origin})\n")
            }
        };
        out.push_str(&line);
    }
    super::stdout(out.as_bytes())
}

pub fn profiles(project: &Project) -> Result<(), Error> {
    let mut out = String::new();
    for (name, origin) in project.profiles() {
        let line = match project.profile(&name).map(|l| Profile::load(&name, &l)) {
            Some(Ok(p)) => {
                let defaults = if p.default_for.is_empty() {
                    String::new()
                } else {
                    format!("  [default for {}]", p.default_for.join(", "))
                };
                format!("{name}  {}{defaults}  ({origin})\n", p.description)
            }
            _ => format!(
                "{name}  (invalid: build a letter with --profile {name} to see why)  ({origin})\n"
            ),
        };
        out.push_str(&line);
    }
    super::stdout(out.as_bytes())
}

pub fn styles(project: &Project) -> Result<(), Error> {
    let out: String = project
        .styles()
        .into_iter()
        .map(|(name, origin)| format!("{name}  ({origin})\n"))
        .collect();
    super::stdout(out.as_bytes())
}

pub fn themes(project: &Project) -> Result<(), Error> {
    let mut out = String::new();
    for (name, origin) in project.themes() {
        let line = match project.theme(&name).map(|l| Theme::load(&name, &l)) {
            Some(Ok(theme)) => {
                format!(
                    "{name}  {}  ({origin})\n",
                    theme.description.unwrap_or_default()
                )
            }
            _ => format!(
                "{name}  (invalid: build a letter whose sender names it to see why)  ({origin})\n"
            ),
        };
        out.push_str(&line);
    }
    super::stdout(out.as_bytes())
}

/// One line per family, like `typst fonts --variants`: its styles, and
/// where they come from. A project file that cannot be used stops the
/// listing with its error, as it would stop a letter.
pub fn fonts(project: Project) -> Result<(), Error> {
    let fonts = Builder::new(project).fonts()?;
    let families = fonts.families();
    let width = families
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for family in families {
        let origins: Vec<&FontOrigin> = family.styles.iter().map(|(_, o)| o).collect();
        let styles = if origins.iter().all(|o| *o == origins[0]) {
            let names: Vec<&str> = family.styles.iter().map(|(s, _)| s.as_str()).collect();
            format!("{}  ({})", names.join(", "), origins[0])
        } else {
            let named: Vec<String> = family
                .styles
                .iter()
                .map(|(s, o)| format!("{s} ({o})"))
                .collect();
            named.join(", ")
        };
        out.push_str(&format!("{:width$}  {styles}\n", family.name));
    }
    super::stdout(out.as_bytes())
}
