//! Building letters end to end: find the case's pack and style in the
//! project, check the case, assemble the Letter, typeset it. Packs,
//! messages and styles are loaded once and shared, so a batch pays for them
//! once.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use crate::case::CaseFile;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::l10n::Messages;
use crate::letter::{self, Letter, Logo, LogoFormat};
use crate::pack::{Pack, text_file};
use crate::profile::{self, Profile};
use crate::render::{RenderOptions, Renderer, Style, Typeset};
use crate::revision::{MAX_FILE_SIZE, Project};

/// What the command line may override in a case.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub locale: Option<String>,
    pub style: Option<String>,
    pub profile: Option<String>,
}

#[derive(Debug)]
pub struct Builder {
    project: Project,
    /// Fonts are loaded when the first letter is typeset.
    renderer: OnceLock<Renderer>,
    packs: Mutex<HashMap<String, Arc<Pack>>>,
    messages: Mutex<HashMap<(String, String), Arc<Messages>>>,
    styles: Mutex<HashMap<String, Arc<Style>>>,
    profiles: Mutex<HashMap<String, Arc<Profile>>>,
    /// The default profile's name, per locale.
    default_profiles: Mutex<HashMap<String, String>>,
}

impl Builder {
    pub fn new(project: Project) -> Self {
        Self {
            project,
            renderer: OnceLock::new(),
            packs: Mutex::new(HashMap::new()),
            messages: Mutex::new(HashMap::new()),
            styles: Mutex::new(HashMap::new()),
            profiles: Mutex::new(HashMap::new()),
            default_profiles: Mutex::new(HashMap::new()),
        }
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Drops every loaded pack, style and profile, so the next letter reads
    /// them again (`lettrine watch`). Fonts and the Typst library stay.
    pub fn forget(&self) {
        lock(&self.packs).clear();
        lock(&self.messages).clear();
        lock(&self.styles).clear();
        lock(&self.profiles).clear();
        lock(&self.default_profiles).clear();
    }

    /// Reads and parses a case file from disk.
    pub fn read_case(&self, path: &Path) -> Result<CaseFile> {
        let name = path.display().to_string();
        let read_error = |source| Error::Read {
            path: name.clone(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(read_error)?;
        if meta.len() > MAX_FILE_SIZE {
            return Err(Error::invalid(Diagnostic::error(
                "input::too-large",
                format!(
                    "{name} is {} bytes; a case file may have at most {MAX_FILE_SIZE}",
                    meta.len()
                ),
            )));
        }
        let bytes = std::fs::read(path).map_err(read_error)?;
        self.parse_case(name, bytes)
    }

    /// Parses a case file read elsewhere (from a git revision), named
    /// `name` in messages; its includes are read from the project.
    pub fn parse_case(&self, name: String, bytes: Vec<u8>) -> Result<CaseFile> {
        let mut case = CaseFile::parse(text_file(name, bytes)?)?;
        for request in case.include_requests() {
            let (display, bytes) = self.project.read(&request.path).map_err(|e| {
                Error::invalid(
                    Diagnostic::error(
                        "case::include",
                        format!("cannot read the {} file {:?}: {e}", request.key, request.path),
                    )
                    .at(&case.file, request.span.clone())
                    .hint("paths in a case are relative to the project folder (--project, default: the current folder)"),
                )
            })?;
            case.attach(&request, text_file(display, bytes)?)?;
        }
        Ok(case)
    }

    /// Reads the logo a case names, through the project (so never from
    /// outside it), and checks it is a PNG or an SVG image.
    fn logo(&self, path: &str, case: &CaseFile) -> Result<Logo> {
        let problem = |message: String| {
            Error::invalid(
                Diagnostic::error("case::logo", message)
                    .in_file(&case.file)
                    .hint("a logo is a .png or .svg file inside the project folder, like senders/logo.svg"),
            )
        };
        let (display, bytes) = self
            .project
            .read(path)
            .map_err(|e| problem(format!("cannot read the logo {path:?}: {e}")))?;
        let lower = path.to_ascii_lowercase();
        let format = if lower.ends_with(".png") {
            if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
                return Err(problem(format!("the logo {display} is not a PNG image")));
            }
            LogoFormat::Png
        } else if lower.ends_with(".svg") {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned();
            if !head.contains("<svg") {
                return Err(problem(format!("the logo {display} is not an SVG image")));
            }
            LogoFormat::Svg
        } else {
            return Err(problem(format!(
                "the logo {display} is neither a .png nor a .svg file"
            )));
        };
        Ok(Logo::new(display, format, bytes))
    }

    /// The pack `id`, loaded once.
    pub fn pack(&self, id: &str) -> Result<Arc<Pack>> {
        if let Some(pack) = lock(&self.packs).get(id) {
            return Ok(pack.clone());
        }
        let located = self.project.pack(id).ok_or_else(|| {
            let known: Vec<String> = self.project.packs().into_iter().map(|(id, _)| id).collect();
            Error::usage(
                format!("no pack named {id:?}"),
                Some(format!("the packs are: {}", known.join(", "))),
            )
        })?;
        let pack = Arc::new(Pack::load(&located)?);
        lock(&self.packs).insert(id.to_owned(), pack.clone());
        Ok(pack)
    }

    fn messages(&self, pack: &Pack, locale: &str) -> Result<Arc<Messages>> {
        let key = (pack.id.clone(), locale.to_owned());
        if let Some(messages) = lock(&self.messages).get(&key) {
            return Ok(messages.clone());
        }
        let messages = Arc::new(pack.messages(locale)?);
        lock(&self.messages).insert(key, messages.clone());
        Ok(messages)
    }

    /// The style `name`, loaded once.
    pub fn style(&self, name: &str) -> Result<Arc<Style>> {
        if let Some(style) = lock(&self.styles).get(name) {
            return Ok(style.clone());
        }
        let located = self.project.style(name).ok_or_else(|| {
            let known: Vec<String> = self.project.styles().into_iter().map(|(n, _)| n).collect();
            Error::usage(
                format!("no style named {name:?}"),
                Some(format!("the styles are: {}", known.join(", "))),
            )
        })?;
        let style = Arc::new(Style::new(name, located.tree, located.dir));
        lock(&self.styles).insert(name.to_owned(), style.clone());
        Ok(style)
    }

    /// The layout profile `name`, loaded once.
    pub fn profile(&self, name: &str) -> Result<Arc<Profile>> {
        if let Some(profile) = lock(&self.profiles).get(name) {
            return Ok(profile.clone());
        }
        let located = self.project.profile(name).ok_or_else(|| {
            let known: Vec<String> = self
                .project
                .profiles()
                .into_iter()
                .map(|(n, _)| n)
                .collect();
            Error::usage(
                format!("no profile named {name:?}"),
                Some(format!("the profiles are: {}", known.join(", "))),
            )
        })?;
        let profile = Arc::new(Profile::load(name, &located)?);
        lock(&self.profiles).insert(name.to_owned(), profile.clone());
        Ok(profile)
    }

    /// The profile a letter in `locale` gets when nothing names one.
    pub fn default_profile(&self, locale: &str) -> Result<Arc<Profile>> {
        if let Some(name) = lock(&self.default_profiles).get(locale).cloned() {
            return self.profile(&name);
        }
        let all = self
            .project
            .profiles()
            .into_iter()
            .map(|(name, _)| self.profile(&name))
            .collect::<Result<Vec<_>>>()?;
        let name = profile::default_for(all.iter().map(|p| p.as_ref()), locale)?
            .map(|p| p.name.clone())
            .ok_or_else(|| {
                Error::usage(
                    format!("no layout profile is the default for locale {locale}"),
                    Some(
                        "name one with --profile, or add the locale (or \"*\") to a profile's default-for"
                            .to_owned(),
                    ),
                )
            })?;
        lock(&self.default_profiles).insert(locale.to_owned(), name.clone());
        self.profile(&name)
    }

    /// Checks the case and assembles its Letter.
    pub fn letter(&self, case: &CaseFile, overrides: &Overrides) -> Result<Letter> {
        let pack = self
            .pack(&case.pack.id)
            .map_err(|e| named_by_case(e, "case::unknown-pack", case, Some(case.pack.span())))?;
        let locale = overrides.locale.as_deref().unwrap_or(&case.locale);
        let checked = case.validate(&pack, locale)?;
        let style = match (&overrides.style, &checked.style) {
            (Some(style), _) => style.clone(),
            (None, Some(style)) => {
                self.style(style)
                    .map_err(|e| named_by_case(e, "case::unknown-style", case, None))?;
                style.clone()
            }
            (None, None) => pack
                .default_style
                .clone()
                .unwrap_or_else(|| "classic".to_owned()),
        };
        let profile = match (&overrides.profile, checked.text("profile")) {
            (Some(name), _) => self.profile(name)?,
            (None, Some(name)) => self
                .profile(&name)
                .map_err(|e| named_by_case(e, "case::unknown-profile", case, None))?,
            (None, None) => self.default_profile(locale)?,
        };
        let messages = self.messages(&pack, locale)?;
        let mut letter = letter::assemble(&pack, &checked, &messages, &style, &profile)?;
        if let Some(path) = checked.text("sender.logo") {
            letter.sender.logo = Some(self.logo(&path, case)?);
        }
        Ok(letter)
    }

    /// Typesets a Letter with its style.
    pub fn typeset(&self, letter: &Letter, options: &RenderOptions) -> Result<Typeset> {
        let style = self.style(&letter.style)?;
        self.renderer().typeset(letter, &style, options)
    }

    /// The renderer, with its fonts, loaded on first use.
    pub fn renderer(&self) -> &Renderer {
        self.renderer.get_or_init(Renderer::new)
    }
}

/// A pack, style or profile the case names but that does not exist is bad
/// input, not a usage error: reported in the case, at `span` when known.
fn named_by_case(
    error: Error,
    code: &'static str,
    case: &CaseFile,
    span: Option<Range<usize>>,
) -> Error {
    match error {
        Error::Usage { message, hint } => {
            let d = Diagnostic::error(code, message);
            let mut d = match span {
                Some(span) => d.at(&case.file, span),
                None => d.in_file(&case.file),
            };
            d.hints.extend(hint);
            Error::invalid(d)
        }
        other => other,
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
