//! `lettrine lint`: checks packs, or any Fluent folder (with its project's
//! `l10n.toml` and `lettrine.toml`), and reports every finding with its
//! place, for a terminal, a bot (JSON), code scanning (SARIF) or GitHub
//! Actions; exit 1 when one of them is an error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use lettrine::Error;
use lettrine::batch::Source;
use lettrine::builder::Builder;
use lettrine::case::looks_like_case;
use lettrine::diagnostic::{Diagnostic, Severity};
use lettrine::lint::spelling::Spelling;
use lettrine::lint::{self, Lexicon, LocaleCounts, Report, Target, cases, config};
use lettrine::revision::{DirTree, Located, Project, RelPath};

use super::{lint_formats, report};

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Pack ids or folders: a pack folder (with pack.toml), or any Fluent
    /// folder laid out as <DIR>/<LOCALE>/**/*.ftl [default: every pack].
    /// Or cases: a case file, a table (.csv, .tsv, .jsonl) or a folder of
    /// case files, checked as build reads them, with their free text.
    #[arg(value_name = "PACK_DIR_OR_CASES")]
    targets: Vec<String>,

    /// For a Fluent folder without pack.toml: the locale the others are
    /// translated from.
    #[arg(long, value_name = "LOCALE")]
    source: Option<String>,

    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    format: LintFormat,

    /// Fail (exit 1) on warnings too.
    #[arg(long, short = 'W')]
    deny_warnings: bool,

    /// A compare-locales project file: lint exactly the files and locales
    /// it names. A folder's own l10n.toml is read without it.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// With --config: where {l10n_base} points [default: the basepath].
    #[arg(long, value_name = "DIR", requires = "config")]
    l10n_base: Option<PathBuf>,

    /// With --config: set a variable of the project's patterns, over its
    /// [env] (compare-locales' -D): -D mozilla=/src/mozilla-central.
    #[arg(short = 'D', long = "define", value_name = "NAME=VALUE", requires = "config", value_parser = parse_define)]
    defines: Vec<(String, String)>,

    /// In a Fluent folder, a message a locale lacks is an error (by
    /// default it is counted and reported as a note).
    #[arg(long)]
    require_complete: bool,

    /// Where the Hunspell dictionaries (<locale>.aff and .dic) are
    /// [default: the folders of $DICPATH, else /usr/share/hunspell].
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<PathBuf>,

    /// For a table or a folder of cases: a case file whose fields every
    /// case starts from, as `build --defaults` reads it.
    #[arg(long, value_name = "FILE")]
    defaults: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LintFormat {
    /// Diagnostics with the source line and a caret, on standard error.
    Human,
    /// One JSON document on standard output.
    Json,
    /// SARIF 2.1.0 on standard output, for code scanning.
    Sarif,
    /// GitHub Actions workflow annotations on standard output.
    Github,
}

/// `NAME=VALUE` of `-D`.
fn parse_define(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok((name.to_owned(), value.to_owned())),
        _ => Err(format!("{text:?} is not NAME=VALUE")),
    }
}

/// Lints what `args` names; `Ok(true)` when nothing fails the run.
pub fn run(args: LintArgs, project: &Project, color: bool) -> Result<bool, Error> {
    let lexicon = Lexicon::load(project)?
        .with_dictionaries(Spelling::search_path(args.dictionaries.as_deref()));
    let mut report = Report::default();
    if let Some(path) = &args.config {
        let defines = args.defines.iter().cloned().collect();
        report.merge(lint_config(
            path,
            args.l10n_base.as_deref(),
            &defines,
            args.source.as_deref(),
            args.require_complete,
            &lexicon,
        )?);
    } else if args.targets.is_empty() {
        if args.source.is_some() {
            return Err(Error::usage(
                "--source applies to a Fluent folder; name the folder",
                Some("lettrine lint path/to/l10n --source en-US".to_owned()),
            ));
        }
        for (id, _) in project.packs() {
            if let Some(located) = project.pack(&id) {
                report.merge(lint::lint_pack(&located, &lexicon)?);
            }
        }
    }
    for target in &args.targets {
        report.merge(lint_target(target, &args, project, &lexicon)?);
    }
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let notes = report.count(Severity::Note);
    match args.format {
        LintFormat::Human => {
            for d in &report.diagnostics {
                report::diagnostic_with_code(d, color);
            }
            let mut summary = String::new();
            for t in &report.targets {
                if t.kind == "cases" {
                    summary.push_str(&format!(
                        "{}: {} case{}\n",
                        t.name,
                        t.files,
                        plural(t.files)
                    ));
                    continue;
                }
                summary.push_str(&format!(
                    "{}: {} locale{} ({} source), {} file{}, {} message{}\n",
                    t.name,
                    t.locales.len(),
                    plural(t.locales.len()),
                    t.source,
                    t.files,
                    plural(t.files),
                    t.messages,
                    plural(t.messages)
                ));
                for c in report.locales.iter().filter(|c| c.target == t.name) {
                    summary.push_str(&format!(
                        "  {}: {} missing ({} word{}), {} obsolete; {} error{}, {} warning{}\n",
                        c.locale,
                        c.missing,
                        c.missing_words,
                        plural(c.missing_words),
                        c.obsolete,
                        c.errors,
                        plural(c.errors),
                        c.warnings,
                        plural(c.warnings)
                    ));
                }
            }
            summary.push_str(&format!(
                "{errors} error{}, {warnings} warning{}",
                plural(errors),
                plural(warnings)
            ));
            if notes > 0 {
                summary.push_str(&format!(", {notes} note{}", plural(notes)));
            }
            summary.push('\n');
            eprint!("{summary}");
        }
        LintFormat::Json => {
            let json = Json {
                version: 1,
                targets: &report.targets,
                diagnostics: report.diagnostics.iter().map(JsonDiagnostic::new).collect(),
                locales: &report.locales,
                summary: Summary {
                    errors,
                    warnings,
                    notes,
                },
            };
            let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
            text.push('\n');
            super::stdout(text.as_bytes())?;
        }
        LintFormat::Sarif => {
            let mut text = lint_formats::sarif(&report.diagnostics);
            text.push('\n');
            super::stdout(text.as_bytes())?;
        }
        LintFormat::Github => {
            super::stdout(lint_formats::github(&report.diagnostics).as_bytes())?;
        }
    }
    Ok(errors == 0 && (!args.deny_warnings || warnings == 0))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The files a compare-locales project file names, as a bare tree, with
/// the `lettrine.toml` beside it.
fn lint_config(
    path: &Path,
    l10n_base: Option<&Path>,
    defines: &BTreeMap<String, String>,
    source: Option<&str>,
    require_complete: bool,
    lexicon: &Lexicon,
) -> Result<Report, Error> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (settings, declared) = config::settings_for(folder, require_complete)?;
    let source = source.or(declared.as_deref()).unwrap_or("en-US");
    let files = config::read_project(path, source, l10n_base, defines)?;
    if files.locales.first().is_none_or(|l| l.files.is_empty()) {
        return Err(Error::usage(
            format!(
                "{} names no reference file of {source} that exists",
                path.display()
            ),
            Some(
                "check the [[paths]] reference patterns and basepath, and the source locale (--source, or source under [lint] in lettrine.toml)".to_owned(),
            ),
        ));
    }
    let name = folder
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| folder.display().to_string());
    let name = if folder == Path::new(".") {
        name
    } else {
        folder.display().to_string()
    };
    let settings = config::with_filters(settings, files.filters);
    Ok(lint::lint_files(
        &name,
        &files.source,
        &files.locales,
        lexicon,
        &settings,
    ))
}

/// Cases: a case file, a table (one case per row) or a folder of case
/// files, checked as `build` reads them, and their free text.
fn lint_cases(
    path: &Path,
    source: Source,
    defaults: Option<&Path>,
    project: &Project,
    lexicon: &Lexicon,
) -> Result<Report, Error> {
    let source = match source {
        // A folder's TOML and JSON files that are not cases (a project's
        // lettrine.toml, a theme) are left alone.
        Source::Folder { root, files } => Source::Folder {
            root,
            files: files
                .into_iter()
                .filter(|f| std::fs::read(f).is_ok_and(|b| looks_like_case(&b)))
                .collect(),
        },
        table => table,
    };
    let builder = Builder::new(project.clone());
    let base = match defaults {
        Some(file) => Some(Arc::new(builder.read_base(file)?)),
        None => None,
    };
    let name = path.display().to_string();
    Ok(cases::lint_cases(
        &builder,
        &source,
        base.as_ref(),
        &name,
        lexicon,
    ))
}

/// Whether `path` names cases rather than messages: a table, a case file,
/// or a folder with no locale folders and no project file.
fn case_source(
    path: &Path,
    source: Option<&str>,
    skip: &[PathBuf],
) -> Result<Option<Source>, Error> {
    if path.is_dir() {
        let tree = DirTree::new(path).map_err(|e| Error::Read {
            path: path.display().to_string(),
            source: e,
        })?;
        let root = RelPath::new("").unwrap_or_else(|| unreachable!("the root is a path"));
        let messages = path.join("pack.toml").is_file()
            || config::project_file(path).is_some()
            || path.join("lettrine.toml").is_file()
            || source.is_some()
            || !lint::locale_folders(&tree, &root).is_empty();
        return if messages {
            Ok(None)
        } else {
            Source::open(path, skip)
        };
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        // No pack id has a dot: this names a case file.
        Some("toml" | "json") if !path.exists() => Err(Error::Read {
            path: path.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such case file"),
        }),
        Some("toml" | "json") if path.is_file() => Ok(Some(Source::Folder {
            root: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
            files: vec![path.to_path_buf()],
        })),
        _ => Source::open(path, skip),
    }
}

/// A pack folder, a Fluent folder, a pack id of the project, or cases.
fn lint_target(
    target: &str,
    args: &LintArgs,
    project: &Project,
    lexicon: &Lexicon,
) -> Result<Report, Error> {
    let (source, require_complete) = (args.source.as_deref(), args.require_complete);
    let path = Path::new(target);
    let root = || RelPath::new("").unwrap_or_else(|| unreachable!("the root is a path"));
    let skip: Vec<PathBuf> = args.defaults.iter().cloned().collect();
    if let Some(cases) = case_source(path, source, &skip)? {
        return lint_cases(path, cases, args.defaults.as_deref(), project, lexicon);
    }
    if path.is_dir() {
        let tree = DirTree::new(path).map_err(|source| Error::Read {
            path: target.to_owned(),
            source,
        })?;
        if path.join("pack.toml").is_file() {
            if source.is_some() {
                return Err(Error::usage(
                    format!("{target} is a pack: its pack.toml names the source locale"),
                    Some("drop --source".to_owned()),
                ));
            }
            return lint::lint_pack(&pack_folder(path)?, lexicon);
        }
        if let Some(file) = config::project_file(path) {
            return lint_config(
                &file,
                None,
                &BTreeMap::new(),
                source,
                require_complete,
                lexicon,
            );
        }
        let (settings, declared) = config::settings_for(path, require_complete)?;
        let Some(source) = source.or(declared.as_deref()) else {
            let found = lint::locale_folders(&tree, &root());
            return Err(Error::usage(
                format!("{target} has no pack.toml: say which locale is the source with --source"),
                Some(if found.is_empty() {
                    "lint expects <DIR>/<LOCALE>/**/*.ftl".to_owned()
                } else {
                    format!("the locale folders are: {}", found.join(", "))
                }),
            ));
        };
        let name = target.trim_end_matches('/');
        return lint::lint_tree(&tree, name, source, lexicon, &settings);
    }
    if let Some(located) = project.pack(target) {
        return lint::lint_pack(&located, lexicon);
    }
    let packs: Vec<String> = project.packs().into_iter().map(|(id, _)| id).collect();
    Err(Error::usage(
        format!("{target} is neither a folder nor a pack"),
        Some(format!("the packs are: {}", packs.join(", "))),
    ))
}

/// A pack folder given by path, as its parent folder's tree and its name,
/// so that the pack sees the folder name its id must match.
fn pack_folder(path: &Path) -> Result<Located, Error> {
    let read_error = |source| Error::Read {
        path: path.display().to_string(),
        source,
    };
    let (parent, name) = match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if name != ".." => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            (parent.to_path_buf(), name.to_string_lossy().into_owned())
        }
        _ => {
            let real = path.canonicalize().map_err(read_error)?;
            let parent = real.parent().unwrap_or(&real).to_path_buf();
            let name = real
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (parent, name)
        }
    };
    let dir = RelPath::new(&name).ok_or_else(|| {
        Error::usage(
            format!("{} is not a folder name lint can use", path.display()),
            None,
        )
    })?;
    Ok(Located {
        tree: Arc::new(DirTree::new(parent).map_err(read_error)?),
        dir,
    })
}

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    targets: &'a [Target],
    diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Per translation of a Fluent folder.
    locales: &'a [LocaleCounts],
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    notes: usize,
}

/// A diagnostic for machines: positions are 1-based lines and columns
/// (in characters), the end exclusive.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    locale: Option<&'a str>,
    message_id: Option<&'a str>,
    /// The case field a finding on a case is about (`order.item`).
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    label: Option<&'a str>,
    hints: &'a [String],
}

impl<'a> JsonDiagnostic<'a> {
    fn new(d: &'a Diagnostic) -> Self {
        let position = |at: usize| d.file.as_ref().map(|f| f.line_col(at));
        let start = d.span.as_ref().and_then(|s| position(s.start));
        let end = d.span.as_ref().and_then(|s| position(s.end));
        Self {
            severity: d.severity,
            code: &d.code,
            message: &d.message,
            file: d.file.as_ref().map(|f| f.name.as_str()),
            line: start.map(|p| p.0),
            column: start.map(|p| p.1),
            end_line: end.map(|p| p.0),
            end_column: end.map(|p| p.1),
            locale: d.locale.as_deref(),
            message_id: d.message_id.as_deref(),
            field: d.field.as_deref(),
            label: d.label.as_deref(),
            hints: &d.hints,
        }
    }
}
