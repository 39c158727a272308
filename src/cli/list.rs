//! `lettrine packs`, `styles` and `profiles`: what is available, and where
//! each comes from (the project folder or the embedded defaults).

use lettrine::Error;
use lettrine::pack::Pack;
use lettrine::profile::Profile;
use lettrine::revision::Project;

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
