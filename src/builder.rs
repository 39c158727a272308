//! Building letters end to end: find the case's pack and style in the
//! project, check the case, assemble the Letter, typeset it. Packs,
//! messages and styles are loaded once and shared, so a batch pays for them
//! once.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use sha2::{Digest, Sha256};

use crate::case::node::{self, Node};
use crate::case::{Base, Case, CaseFile, IncludeRequest, Row};
use crate::diagnostic::{Diagnostic, Severity, SourceFile, closest};
use crate::error::{Error, Result};
use crate::l10n::Messages;
use crate::letter::{self, Image, ImageFormat, ImageRole, Letter};
use crate::lint::Lexicon;
use crate::pack::field::quoted_list;
use crate::pack::{Pack, text_file};
use crate::profile::{self, Profile};
use crate::render::{FontFile, FontSet, RenderOptions, Renderer, Style, Typeset, fonts};
use crate::revision::{
    MAX_FILE_SIZE, PROFILE_FILE, Project, RelPath, STYLE_FILE, THEME_FILE, Tree, is_plain_name,
    name_rule,
};
use crate::theme::{Footer, Theme};

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
    /// Fonts are loaded when the first letter is typeset; builders made
    /// with [`Builder::beside`] share them.
    renderer: Arc<OnceLock<Renderer>>,
    packs: Mutex<HashMap<String, Arc<Pack>>>,
    messages: Mutex<HashMap<(String, String), Arc<Messages>>>,
    styles: Mutex<HashMap<String, Arc<Style>>>,
    profiles: Mutex<HashMap<String, Arc<Profile>>>,
    themes: Mutex<HashMap<String, Arc<Theme>>>,
    /// The embedded fonts and the project's, loaded on first use.
    fonts: Mutex<Option<Arc<FontSet>>>,
    /// The default profile's name, per locale.
    default_profiles: Mutex<HashMap<String, String>>,
    /// SHA-256 of each style's files.
    style_digests: Mutex<HashMap<String, String>>,
    /// The lexicons and dictionaries the free text of cases is checked
    /// with, loaded on first use (`None` when the project's lexicons do
    /// not load: `lettrine lint` says why).
    text_checks: OnceLock<Option<Arc<Lexicon>>>,
}

impl Builder {
    pub fn new(project: Project) -> Self {
        Self {
            project,
            renderer: Arc::new(OnceLock::new()),
            packs: Mutex::new(HashMap::new()),
            messages: Mutex::new(HashMap::new()),
            styles: Mutex::new(HashMap::new()),
            profiles: Mutex::new(HashMap::new()),
            themes: Mutex::new(HashMap::new()),
            fonts: Mutex::new(None),
            default_profiles: Mutex::new(HashMap::new()),
            style_digests: Mutex::new(HashMap::new()),
            text_checks: OnceLock::new(),
        }
    }

    /// A builder for another project that shares this one's fonts and
    /// Typst library (`verify` rebuilds each record from its own inputs).
    pub fn beside(&self, project: Project) -> Self {
        Self {
            renderer: self.renderer.clone(),
            ..Self::new(project)
        }
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Drops every loaded pack, style, profile, theme and project font, so
    /// the next letter reads them again (`lettrine watch`). The embedded
    /// fonts and the Typst library stay.
    pub fn forget(&self) {
        lock(&self.packs).clear();
        lock(&self.messages).clear();
        lock(&self.styles).clear();
        lock(&self.profiles).clear();
        lock(&self.themes).clear();
        *lock(&self.fonts) = None;
        lock(&self.default_profiles).clear();
        lock(&self.style_digests).clear();
    }

    /// Reads and parses a case file from disk.
    pub fn read_case(&self, path: &Path) -> Result<CaseFile> {
        self.read_case_with(path, None)
    }

    /// Reads and parses a case file from disk, on top of shared defaults.
    pub fn read_case_with(&self, path: &Path, base: Option<Arc<Base>>) -> Result<CaseFile> {
        let (name, bytes) = read_input(path, MAX_FILE_SIZE, "a case file")?;
        self.parse_case_with(name, bytes, base)
    }

    /// Parses a case file read elsewhere (from a git revision), named
    /// `name` in messages; its includes are read from the project.
    pub fn parse_case(&self, name: String, bytes: Vec<u8>) -> Result<CaseFile> {
        self.parse_case_with(name, bytes, None)
    }

    fn parse_case_with(
        &self,
        name: String,
        bytes: Vec<u8>,
        base: Option<Arc<Base>>,
    ) -> Result<CaseFile> {
        let file = text_file(name, bytes)?;
        let root = node::parse(&file)?;
        self.case_from(file, root, base, None)
    }

    /// A case from its tree (a case file's, or a row of a table's), with
    /// shared defaults; its includes are read from the project.
    pub fn case_from(
        &self,
        file: SourceFile,
        root: Node,
        base: Option<Arc<Base>>,
        row: Option<Row>,
    ) -> Result<CaseFile> {
        let mut case = CaseFile::from_node(file, root, base, row)?;
        for request in case.include_requests() {
            let included = self.include(&request, &case.file)?;
            case.attach(&request, included)?;
        }
        Ok(case)
    }

    /// Reads a defaults file (`--defaults base.toml`): a case file that may
    /// leave anything out, whose fields every case of a batch shares.
    pub fn read_base(&self, path: &Path) -> Result<Base> {
        let (name, bytes) = read_input(path, MAX_FILE_SIZE, "a defaults file")?;
        let mut base = Base::parse(text_file(name, bytes)?)?;
        for request in base.include_requests() {
            let included = self.include(&request, &base.file)?;
            base.attach(&request, included)?;
        }
        Ok(base)
    }

    /// Reads the file a case gives in place of a table.
    fn include(&self, request: &IncludeRequest, file: &SourceFile) -> Result<SourceFile> {
        let (display, bytes) = self.project.read(&request.path).map_err(|e| {
            Error::invalid(
                Diagnostic::error(
                    "case::include",
                    format!("cannot read the {} file {:?}: {e}", request.key, request.path),
                )
                .at(file, request.span.clone())
                .field(request.key.clone())
                .hint("paths in a case are relative to the project folder (--project, default: the current folder)"),
            )
        })?;
        text_file(display, bytes)
    }

    /// Reads an image a case names (the logo, the signature) at `key`,
    /// through the project (so never from outside it), and checks it is a
    /// PNG or an SVG image.
    fn image(
        &self,
        role: ImageRole,
        key: &str,
        path: &str,
        alt: String,
        case: &CaseFile,
    ) -> Result<Image> {
        let (file, span) = case.located(key);
        let what = role.name();
        let problem = |message: String| {
            Error::invalid(
                Diagnostic::new(Severity::Error, format!("case::{what}"), message)
                    .at(file, span.clone())
                    .field(key.to_owned())
                    .hint(format!(
                        "a {what} is a .png or .svg file inside the project folder, like senders/{what}.svg"
                    )),
            )
        };
        let (display, bytes) = self
            .project
            .read(path)
            .map_err(|e| problem(format!("cannot read the {what} {path:?}: {e}")))?;
        let lower = path.to_ascii_lowercase();
        let format = if lower.ends_with(".png") {
            if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
                return Err(problem(format!("the {what} {display} is not a PNG image")));
            }
            ImageFormat::Png
        } else if lower.ends_with(".svg") {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned();
            if !head.contains("<svg") {
                return Err(problem(format!("the {what} {display} is not an SVG image")));
            }
            ImageFormat::Svg
        } else {
            return Err(problem(format!(
                "the {what} {display} is neither a .png nor a .svg file"
            )));
        };
        Ok(Image::new(role, path.to_owned(), format, bytes, alt))
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
        check_name("style", STYLE_FILE, name)?;
        let located = self.project.style(name).ok_or_else(|| {
            let known: Vec<String> = self.project.styles().into_iter().map(|(n, _)| n).collect();
            Error::usage(
                format!("no style named {name:?}"),
                Some(format!("the styles are: {}", known.join(", "))),
            )
        })?;
        let style = Arc::new(Style::new(
            name,
            located.tree,
            located.dir,
            self.project.typst_packages(),
        ));
        lock(&self.styles).insert(name.to_owned(), style.clone());
        Ok(style)
    }

    /// The layout profile `name`, loaded once.
    pub fn profile(&self, name: &str) -> Result<Arc<Profile>> {
        if let Some(profile) = lock(&self.profiles).get(name) {
            return Ok(profile.clone());
        }
        check_name("profile", PROFILE_FILE, name)?;
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

    /// The theme `name`, loaded once; every font family it names must be
    /// one of the project's fonts or the embedded ones.
    pub fn theme(&self, name: &str) -> Result<Arc<Theme>> {
        if let Some(theme) = lock(&self.themes).get(name) {
            return Ok(theme.clone());
        }
        check_name("theme", THEME_FILE, name)?;
        let located = self.project.theme(name).ok_or_else(|| {
            let known: Vec<String> = self.project.themes().into_iter().map(|(n, _)| n).collect();
            let hint = match closest(known.iter().map(String::as_str), name) {
                _ if known.is_empty() => {
                    "a theme is a file themes/<name>.toml in the project".to_owned()
                }
                Some(near) => format!(
                    "did you mean {near:?}? the themes are: {}",
                    known.join(", ")
                ),
                None => format!("the themes are: {}", known.join(", ")),
            };
            Error::usage(format!("no theme named {name:?}"), Some(hint))
        })?;
        let theme = Theme::load(name, &located)?;
        if !theme.families.is_empty() {
            let fonts = self.fonts()?;
            let unknown: Vec<Diagnostic> = theme
                .families
                .iter()
                .filter(|(family, _)| !fonts.has_family(family))
                .map(|(family, span)| {
                    let mut d = Diagnostic::error(
                        "font::unknown-family",
                        format!("no font provides the family {family:?}"),
                    )
                    .hint("`lettrine fonts` lists the families; put the font's files in the project's fonts/ folder".to_owned());
                    if let Some(file) = &theme.file {
                        d = d.at(file, span.clone()).label("unknown family");
                    }
                    d
                })
                .collect();
            if !unknown.is_empty() {
                return Err(Error::Invalid(unknown));
            }
        }
        let theme = Arc::new(theme);
        lock(&self.themes).insert(name.to_owned(), theme.clone());
        Ok(theme)
    }

    /// The fonts letters of this project are set in: lettrine's own, then
    /// the project's `fonts/` folder, each file checked. Loaded once.
    pub fn fonts(&self) -> Result<Arc<FontSet>> {
        let mut cached = lock(&self.fonts);
        if let Some(fonts) = &*cached {
            return Ok(fonts.clone());
        }
        let files = self.project.font_files().map_err(|source| Error::Read {
            path: "fonts/".to_owned(),
            source,
        })?;
        let fonts = if files.is_empty() {
            fonts::embedded()
        } else {
            let files: Vec<FontFile> = files
                .into_iter()
                .map(|(display, bytes)| FontFile { display, bytes })
                .collect();
            Arc::new(fonts::embedded().with_project(&files)?)
        };
        *cached = Some(fonts.clone());
        Ok(fonts)
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
        self.checked_letter(case, overrides)
            .map(|(_, letter)| letter)
    }

    /// Checks the case and assembles its Letter; also gives the checked
    /// case, every value typed.
    pub fn checked_letter(&self, case: &CaseFile, overrides: &Overrides) -> Result<(Case, Letter)> {
        let pack = self
            .pack(&case.pack.id)
            .map_err(|e| named_by_case(e, "case::unknown-pack", (&case.file, case.pack.span())))?;
        if let Some(locale) = &overrides.locale
            && pack.resolve_locale(locale).is_none()
        {
            return Err(Error::usage(
                format!("--locale: the pack {} has no locale {locale:?}", pack.id),
                Some(format!("the locales are {}", quoted_list(&pack.locales))),
            ));
        }
        let locale = overrides.locale.as_deref().unwrap_or(&case.locale);
        let checked = case.validate(&pack, locale)?;
        let style = match (&overrides.style, &checked.style) {
            (Some(style), _) => {
                check_name("style", STYLE_FILE, style)?;
                style.clone()
            }
            (None, Some(style)) => {
                self.style(style)
                    .map_err(|e| named_by_case(e, "case::unknown-style", case.located("style")))?;
                style.clone()
            }
            (None, None) => {
                let style = pack.default_style.as_deref().unwrap_or("classic");
                check_name("style", STYLE_FILE, style)?;
                style.to_owned()
            }
        };
        let profile = match (&overrides.profile, checked.text("profile")) {
            (Some(name), _) => self.profile(name)?,
            (None, Some(name)) => self
                .profile(&name)
                .map_err(|e| named_by_case(e, "case::unknown-profile", case.located("profile")))?,
            (None, None) => self.default_profile(locale)?,
        };
        let messages = self.messages(&pack, locale)?;
        let mut letter = letter::assemble(&pack, &checked, &messages, &style, &profile)?;
        if let Some(path) = checked.text("sender.logo") {
            let alt = checked.text("sender.name").unwrap_or_default();
            letter.sender.logo =
                Some(self.image(ImageRole::Logo, "sender.logo", &path, alt, case)?);
        }
        if let Some(path) = checked.text("signatory.signature") {
            let alt = checked.text("signatory.name").unwrap_or_default();
            letter.signature.image = Some(self.image(
                ImageRole::Signature,
                "signatory.signature",
                &path,
                alt,
                case,
            )?);
        }
        if let (Some(mode), Some(_)) = (checked.text("postal.mode"), checked.text("postal.number"))
            && mode == "priority"
        {
            let (file, span) = case.located("postal.number");
            return Err(Error::invalid(
                Diagnostic::error(
                    "case::postal-number",
                    "a priority letter has no registered number",
                )
                .at(file, span)
                .field("postal.number")
                .hint("give postal.number with postal.mode = \"registered\" or \"registered-receipt\" only"),
            ));
        }
        if let Some(name) = checked.text("sender.theme") {
            let theme = self.theme(&name).map_err(|e| {
                named_by_case(e, "case::unknown-theme", case.located("sender.theme"))
            })?;
            letter.footer = Footer {
                legal: letter
                    .footer
                    .legal
                    .take()
                    .or_else(|| theme.footer.legal.clone()),
                office: theme.footer.office.clone(),
                bank: theme.footer.bank.clone(),
            };
            letter.theme = (*theme).clone();
        }
        Ok((checked, letter))
    }

    /// What the text checks find in the free text of a case (spelling,
    /// grammar, tone, forbidden claims), every finding a warning: a draft
    /// is never refused for its wording; `lettrine issue` refuses claims.
    pub fn case_warnings(&self, case: &CaseFile) -> Vec<Diagnostic> {
        let mut found = self.case_text_findings(case);
        for d in &mut found {
            if d.severity == Severity::Error {
                d.severity = Severity::Warning;
                d.hints
                    .push("`lettrine issue` refuses a letter that says this".to_owned());
            }
        }
        found
    }

    /// The text checks' findings on the free text of a case, with their
    /// severities (a forbidden claim is an error).
    pub fn case_text_findings(&self, case: &CaseFile) -> Vec<Diagnostic> {
        let lexicon = self.text_checks.get_or_init(|| {
            Lexicon::load(&self.project).ok().map(|l| {
                Arc::new(l.with_dictionaries(crate::lint::spelling::Spelling::search_path(None)))
            })
        });
        match (lexicon, self.pack(&case.pack.id)) {
            (Some(lexicon), Ok(pack)) => crate::lint::cases::case_text(lexicon, &pack, case)
                .into_iter()
                .filter(|d| d.severity != Severity::Note)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// SHA-256 of every file of the style `name` and of the project's
    /// vendored Typst packages, to tell that it changed.
    pub fn style_digest(&self, name: &str) -> Result<String> {
        if let Some(digest) = lock(&self.style_digests).get(name) {
            return Ok(digest.clone());
        }
        let located = self
            .project
            .style(name)
            .ok_or_else(|| Error::usage(format!("no style named {name:?}"), None))?;
        let mut hasher = Sha256::new();
        digest_tree(&*located.tree, &located.dir, "", &mut hasher, 0);
        // The packages a style may import are part of it.
        if let (Some(packages), Some(top)) = (self.project.typst_packages(), RelPath::new("")) {
            digest_tree(&*packages, &top, "typst-packages/", &mut hasher, 0);
        }
        let digest = format!("sha256:{:x}", hasher.finalize());
        lock(&self.style_digests).insert(name.to_owned(), digest.clone());
        Ok(digest)
    }

    /// Typesets a Letter with its style and the project's fonts.
    pub fn typeset(&self, letter: &Letter, options: &RenderOptions) -> Result<Typeset> {
        let style = self.style(&letter.style)?;
        let fonts = self.fonts()?;
        self.renderer().typeset(letter, &style, &fonts, options)
    }

    /// The renderer, with its fonts, loaded on first use.
    pub fn renderer(&self) -> &Renderer {
        self.renderer.get_or_init(Renderer::new)
    }
}

/// A pack, style or profile the case names but that does not exist, or
/// whose name is not one, is bad input, not a usage error: reported where
/// the case (or its defaults) names it.
fn named_by_case(error: Error, code: &'static str, at: (&SourceFile, Range<usize>)) -> Error {
    match error {
        Error::Usage { message, hint } => {
            let mut d = Diagnostic::error(code, message).at(at.0, at.1);
            d.hints.extend(hint);
            Error::invalid(d)
        }
        other => other,
    }
}

/// Refuses a style or profile name that is not a plain file name (empty,
/// hidden, a path, control characters), before it is looked up: a name
/// never leads out of its folder, and a typo'd path gets a clear error.
fn check_name(kind: &str, file: &str, name: &str) -> Result<()> {
    if !is_plain_name(name) {
        return Err(Error::usage(
            format!("{name:?} is not a {kind} name"),
            Some(name_rule(kind, file)),
        ));
    }
    Ok(())
}

/// Reads an input file of at most `limit` bytes; `what` names it in the
/// error.
pub fn read_input(path: &Path, limit: u64, what: &str) -> Result<(String, Vec<u8>)> {
    let name = path.display().to_string();
    let read_error = |source| Error::Read {
        path: name.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_error)?;
    if meta.len() > limit {
        return Err(Error::invalid(Diagnostic::error(
            "input::too-large",
            format!(
                "{name} is {} bytes; {what} may have at most {limit}",
                meta.len()
            ),
        )));
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    Ok((name, bytes))
}

/// Hashes every file under `dir`, named relative to the style's root
/// (`at`), so that the same style hashes the same from any tree.
fn digest_tree(tree: &dyn Tree, dir: &RelPath, at: &str, hasher: &mut Sha256, depth: usize) {
    if depth > 8 {
        return;
    }
    for name in tree.list(dir) {
        let Some(path) = dir.join(&name) else {
            continue;
        };
        let rel = format!("{at}{name}");
        match tree.read(&path) {
            Ok(Some(bytes)) => {
                hasher.update(rel.as_bytes());
                hasher.update((bytes.len() as u64).to_le_bytes());
                hasher.update(&bytes);
            }
            _ => digest_tree(tree, &path, &format!("{rel}/"), hasher, depth + 1),
        }
    }
}

/// Locks a cache; a panic in another thread while it held the lock leaves
/// a cache that is still whole, so the poison is ignored.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
