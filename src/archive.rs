//! The archive of issued letters: one folder per letter, a *record*, that
//! holds the PDF as sent, the case as given, the Letter, every file the
//! build read (its inputs) and a manifest with the SHA-256 of each.
//!
//! Records are only ever added. Each manifest names the record before it
//! with the hash of that record's manifest, so a record that is edited,
//! removed or slipped in breaks the chain. [`verify`] re-hashes every file
//! and rebuilds every letter from its own inputs alone, to prove the PDF is
//! what they make.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::builder::{Builder, Overrides, read_input};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::history::Repo;
use crate::letter::Letter;
use crate::render::{Attachment, Output, PdfStandard, RenderOptions};
use crate::revision::{DirTree, MAX_FILE_SIZE, Project, ReadLog};

/// The manifest of a record.
pub const MANIFEST: &str = "manifest.toml";
/// The letter as issued.
pub const PDF: &str = "letter.pdf";
/// The Letter it was typeset from.
pub const LETTER: &str = "letter.json";
/// The folder of a record holding the files the build read, laid out as in
/// a project (`packs/…`, `styles/…`, `senders/…`).
pub const INPUTS: &str = "inputs";
/// Version of the manifest's shape.
pub const FORMAT: u32 = 1;

/// The standards an issued letter's PDF conforms to: PDF/A-3b for
/// archives (and the attachments it allows), PDF/UA-1 for screen readers.
pub const ISSUED_STANDARDS: &[(&str, PdfStandard)] =
    &[("a-3b", PdfStandard::A_3b), ("ua-1", PdfStandard::Ua_1)];

/// What a record says about its letter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    /// The record's folder name: `000042-2026-11-23-dupont`.
    pub record: String,
    /// When the letter was issued, in UTC (RFC 3339).
    pub issued_at: String,
    pub issuer: String,
    /// Who reviewed the letter, when a review rule applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// The lettrine version that built the letter.
    pub lettrine: String,
    /// The record before this one, and the SHA-256 of its manifest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
    pub pack: PackEntry,
    pub locale: String,
    pub style: String,
    pub profile: String,
    /// The project's git revision, when it is in a repository with a commit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub git: Option<GitState>,
    /// The review rules that applied, and why.
    #[serde(default)]
    pub review: Vec<ReviewEntry>,
    pub case: CaseEntry,
    /// The PDF standards `letter.pdf` conforms to, by Typst's validator;
    /// none in a record issued before lettrine wrote PDF/A, whose PDF is
    /// rebuilt plain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pdf_standards: Vec<String>,
    pub outputs: Vec<FileEntry>,
    pub inputs: Vec<InputEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Previous {
    pub record: String,
    pub manifest: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackEntry {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GitState {
    pub revision: String,
    /// Whether any input in the project folder differed from the revision.
    pub dirty: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewEntry {
    pub rule: String,
    pub reason: String,
}

/// The case file as given: where it was, and its copy in the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseEntry {
    pub given: String,
    pub file: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    pub file: String,
    pub sha256: String,
}

/// A file the build read, copied under `inputs/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputEntry {
    pub file: String,
    pub sha256: String,
    /// `project` (the project folder) or `embedded` (lettrine's own).
    pub from: String,
}

/// What `lettrine issue` is asked.
#[derive(Debug, Clone)]
pub struct IssueRequest {
    pub case: PathBuf,
    pub archive: PathBuf,
    pub issuer: String,
    pub approved_by: Option<String>,
}

/// A letter issued and archived.
#[derive(Debug)]
pub struct Issued {
    /// The record's folder.
    pub record: PathBuf,
    pub manifest: Manifest,
    pub pdf: Vec<u8>,
}

/// `sha256:<hex>` of `bytes`.
pub fn sha256(bytes: &[u8]) -> String {
    format!("sha256:{:x}", Sha256::digest(bytes))
}

/// Builds the final letter of a case and appends its record to the
/// archive. A letter that review rules apply to is issued only with
/// `approved_by`; otherwise each rule is reported, at the field that
/// triggers it.
pub fn issue(builder: &Builder, request: &IssueRequest) -> Result<Issued> {
    let log = Arc::new(ReadLog::default());
    let recording = builder.beside(builder.project().recorded(&log));
    let (given, case_bytes) = read_input(&request.case, MAX_FILE_SIZE, "a case file")?;
    let case = recording.parse_case(given.clone(), case_bytes.clone())?;
    let (_, mut letter) = recording.checked_letter(&case, &Overrides::default())?;
    if request.approved_by.is_none() && !letter.review.is_empty() {
        let diagnostics = letter
            .review
            .iter()
            .map(|note| {
                let (file, span) = case.located(&note.field);
                Diagnostic::error(
                    "issue::review-required",
                    format!(
                        "the review rule {:?} applies: {}; the letter cannot be issued unreviewed",
                        note.rule, note.reason
                    ),
                )
                .at(file, span)
                .hint(note.help.clone())
                .hint("once reviewed, issue it with --approved-by NAME (recorded in the archive)")
            })
            .collect();
        return Err(Error::Invalid(diagnostics));
    }
    let extension = match Path::new(&given).extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("json") => "json",
        _ => "toml",
    };
    let case_file = format!("case.{extension}");
    let standards: Vec<String> = ISSUED_STANDARDS
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect();
    let (json, pdf) = final_letter(
        &recording,
        &mut letter,
        &standards,
        (&case_file, &case_bytes),
    )?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (PDF.to_owned(), pdf.clone()),
        (LETTER.to_owned(), json),
        (case_file.clone(), case_bytes.clone()),
    ];
    let mut inputs = Vec::new();
    let mut on_disk = Vec::new();
    for (path, read) in log.files() {
        let file = format!("{INPUTS}/{path}");
        inputs.push(InputEntry {
            file: file.clone(),
            sha256: sha256(&read.bytes),
            from: if read.disk.is_some() {
                "project"
            } else {
                "embedded"
            }
            .to_owned(),
        });
        on_disk.extend(read.disk);
        files.push((file, read.bytes));
    }
    on_disk.push(request.case.clone());

    let manifest = Manifest {
        format: FORMAT,
        record: String::new(),
        issued_at: rfc3339(SystemTime::now()),
        issuer: request.issuer.clone(),
        approved_by: request.approved_by.clone(),
        lettrine: env!("CARGO_PKG_VERSION").to_owned(),
        previous: None,
        pack: PackEntry {
            id: letter.pack.id.clone(),
            version: letter.pack.version.clone(),
        },
        locale: letter.locale.clone(),
        style: letter.style.clone(),
        profile: letter.layout.name.clone(),
        git: git_state(builder.project().root(), &on_disk),
        review: letter
            .review
            .iter()
            .map(|note| ReviewEntry {
                rule: note.rule.clone(),
                reason: note.reason.clone(),
            })
            .collect(),
        case: CaseEntry {
            given,
            file: case_file,
            sha256: sha256(&case_bytes),
        },
        pdf_standards: standards,
        outputs: files[..2]
            .iter()
            .map(|(file, bytes)| FileEntry {
                file: file.clone(),
                sha256: sha256(bytes),
            })
            .collect(),
        inputs,
    };
    let stem = request
        .case
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (record, manifest) = append(&request.archive, &stem, &files, manifest)?;
    Ok(Issued {
        record,
        manifest,
        pdf,
    })
}

/// The issued form of a letter, without the draft notice: its Letter JSON
/// and its PDF, conforming to `standards` (by name, as the manifest records
/// them). A PDF/A-3 carries its own data: the Letter (relationship
/// "source") and the case as given (relationship "data").
fn final_letter(
    builder: &Builder,
    letter: &mut Letter,
    standards: &[String],
    (case_file, case_bytes): (&str, &[u8]),
) -> Result<(Vec<u8>, Vec<u8>)> {
    letter.draft_notice = None;
    let mut json = letter.to_json();
    json.push('\n');
    let pdf_standards = standards
        .iter()
        .map(|name| {
            ISSUED_STANDARDS
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, s)| *s)
                .ok_or_else(|| {
                    Error::usage(
                        format!("the record asks for the PDF standard {name:?}, which this lettrine does not write"),
                        None,
                    )
                })
        })
        .collect::<Result<Vec<_>>>()?;
    let attachments = if pdf_standards.contains(&PdfStandard::A_3b) {
        vec![
            Attachment {
                name: LETTER.to_owned(),
                bytes: json.clone().into_bytes(),
                relationship: "source",
                mime_type: "application/json",
                description: format!(
                    "The Letter this PDF was typeset from: every block of text with the message that produced it (lettrine {}, pack {} {})",
                    env!("CARGO_PKG_VERSION"),
                    letter.pack.id,
                    letter.pack.version
                ),
            },
            Attachment {
                name: case_file.to_owned(),
                bytes: case_bytes.to_vec(),
                relationship: "data",
                mime_type: if case_file.ends_with(".json") {
                    "application/json"
                } else {
                    "application/toml"
                },
                description: "The case this letter was built from, byte for byte as given"
                    .to_owned(),
            },
        ]
    } else {
        Vec::new()
    };
    let options = RenderOptions {
        pdf_standards,
        attachments,
        ..RenderOptions::default()
    };
    let pdf = builder.typeset(letter, &options)?.export(Output::Pdf)?;
    Ok((json.into_bytes(), pdf))
}

/// The git revision of the project, and whether any of the files at
/// `paths` differs from it.
fn git_state(root: Option<&Path>, paths: &[PathBuf]) -> Option<GitState> {
    let repo = Repo::discover(root?)?;
    let revision = repo.head()?;
    let inside: Vec<String> = paths.iter().filter_map(|p| repo.relative(p)).collect();
    Some(GitState {
        revision,
        // If git cannot tell, the tree is not known to be clean.
        dirty: repo.is_dirty(&inside).unwrap_or(true),
    })
}

/// Writes a record into the archive under the next free number, all or
/// nothing: its files go to a hidden folder first, which is renamed into
/// place once complete. A lock file keeps two issuers from taking the same
/// place in the chain.
fn append(
    archive: &Path,
    stem: &str,
    files: &[(String, Vec<u8>)],
    mut manifest: Manifest,
) -> Result<(PathBuf, Manifest)> {
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    fs::create_dir_all(archive).map_err(write_err(archive))?;
    let lock_path = archive.join(".lock");
    let lock = File::create(&lock_path).map_err(write_err(&lock_path))?;
    lock.lock().map_err(write_err(&lock_path))?;

    let temp = tempfile::Builder::new()
        .prefix(".issuing-")
        .tempdir_in(archive)
        .map_err(write_err(archive))?;
    for (name, bytes) in files {
        write_synced(&temp.path().join(name), bytes)?;
    }

    let records = records(archive).map_err(|source| Error::Read {
        path: archive.display().to_string(),
        source,
    })?;
    let number = records
        .last()
        .and_then(|name| name.get(..6)?.parse::<u64>().ok())
        .map_or(1, |n| n + 1);
    manifest.previous = records.last().map(|name| Previous {
        record: name.clone(),
        manifest: fs::read(archive.join(name).join(MANIFEST))
            .map(|bytes| sha256(&bytes))
            .unwrap_or_else(|_| "missing".to_owned()),
    });
    let day = manifest.issued_at.get(..10).unwrap_or("0000-00-00");
    manifest.record = format!("{number:06}-{day}-{}", safe_name(stem));
    let text = toml::to_string(&manifest).map_err(|e| Error::Write {
        path: archive.join(MANIFEST),
        source: io::Error::other(e),
    })?;
    write_synced(&temp.path().join(MANIFEST), text.as_bytes())?;

    let record = archive.join(&manifest.record);
    // `create_dir` fails if the name is taken: a record is never replaced.
    fs::create_dir(&record).map_err(|source| Error::Write {
        path: record.clone(),
        source: if source.kind() == io::ErrorKind::AlreadyExists {
            io::Error::other("a record of that name exists; the archive is never overwritten")
        } else {
            source
        },
    })?;
    let temp = temp.keep();
    fs::rename(&temp, &record).map_err(write_err(&record))?;
    File::open(archive)
        .and_then(|dir| dir.sync_all())
        .map_err(write_err(archive))?;
    drop(lock);
    Ok((record, manifest))
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(err)?;
    }
    let mut file = File::create(path).map_err(err)?;
    file.write_all(bytes).map_err(err)?;
    file.sync_all().map_err(err)
}

/// The records of an archive, oldest first: its folders whose names start
/// with six digits and a dash.
fn records(archive: &Path) -> io::Result<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(archive)?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| is_record_name(name))
        .collect();
    names.sort();
    Ok(names)
}

fn is_record_name(name: &str) -> bool {
    name.len() > 7
        && name.as_bytes()[..6].iter().all(u8::is_ascii_digit)
        && name.as_bytes()[6] == b'-'
}

/// A file stem as a safe folder name part: letters, digits, `.`, `_` and
/// `-`; anything else becomes `-`.
fn safe_name(stem: &str) -> String {
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_matches(['.', '-']).to_owned();
    if name.is_empty() {
        "letter".to_owned()
    } else {
        name
    }
}

/// `time` in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn rfc3339(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Count from 0000-03-01, so that the leap day ends each 4-year cycle
    // and each era is 400 years of 146 097 days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Something wrong with a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub record: String,
    /// The file, relative to the record's folder.
    pub file: Option<String>,
    pub message: String,
}

/// What [`verify`] found.
#[derive(Debug, Default)]
pub struct Verified {
    /// Every record, oldest first, with whether it was rebuilt to the same
    /// bytes.
    pub records: Vec<(String, bool)>,
    pub problems: Vec<Problem>,
}

/// Checks every record of an archive: the files against the manifest's
/// hashes, the chain of manifests, and a rebuild of each letter from the
/// record's own inputs against its PDF and Letter. Records are checked on
/// `jobs` threads; the chain is followed in order afterwards.
pub fn verify(builder: &Builder, archive: &Path, jobs: usize) -> Result<Verified> {
    let mut entries: Vec<String> = fs::read_dir(archive)
        .map_err(|source| Error::Read {
            path: archive.display().to_string(),
            source,
        })?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect();
    entries.sort();
    let checks = crate::workers::map(&entries, jobs, |_, name| check(builder, archive, name))?;

    let mut verified = Verified::default();
    let mut previous: Option<Previous> = None;
    for (name, checked) in entries.into_iter().zip(checks) {
        let Some(mut checked) = checked else {
            verified.problems.push(Problem {
                record: name,
                file: None,
                message:
                    "is not a record (a record is a folder named like 000001-2026-11-23-dupont)"
                        .to_owned(),
            });
            continue;
        };
        if let Some(claimed) = &checked.claimed
            && *claimed != previous
        {
            let show = |p: &Option<Previous>, none: &str| {
                p.as_ref().map_or_else(
                    || none.to_owned(),
                    |p| format!("{} ({})", p.record, p.manifest),
                )
            };
            checked.problems.insert(
                0,
                Problem {
                    record: name.clone(),
                    file: Some(MANIFEST.to_owned()),
                    message: format!(
                        "breaks the chain: it was issued after {}, but the record before it is {}; a record was removed, added or its manifest changed",
                        show(claimed, "no record"),
                        show(&previous, "none"),
                    ),
                },
            );
        }
        verified
            .records
            .push((name.clone(), checked.problems.is_empty()));
        verified.problems.append(&mut checked.problems);
        previous = Some(Previous {
            record: name,
            manifest: checked.manifest_hash,
        });
    }
    Ok(verified)
}

/// One record, checked on its own.
struct Checked {
    /// The SHA-256 of its manifest (`missing` without one).
    manifest_hash: String,
    /// The record before it, as its manifest says; `None` when the manifest
    /// cannot be read.
    claimed: Option<Option<Previous>>,
    problems: Vec<Problem>,
}

/// Checks the record `name` of `archive` but for its place in the chain;
/// `None` when it is not a record at all.
fn check(builder: &Builder, archive: &Path, name: &str) -> Option<Checked> {
    let dir = archive.join(name);
    if !is_record_name(name) || !dir.is_dir() {
        return None;
    }
    let mut problems = Problems {
        record: name,
        found: Vec::new(),
    };
    let manifest_bytes = fs::read(dir.join(MANIFEST)).ok();
    let manifest_hash = manifest_bytes
        .as_deref()
        .map_or_else(|| "missing".to_owned(), sha256);
    let manifest = match &manifest_bytes {
        None => {
            problems.add(Some(MANIFEST), "is missing".to_owned());
            None
        }
        Some(bytes) => match std::str::from_utf8(bytes)
            .map_err(|e| e.to_string())
            .and_then(|text| toml::from_str::<Manifest>(text).map_err(|e| e.to_string()))
        {
            Ok(manifest) => Some(manifest),
            Err(e) => {
                problems.add(Some(MANIFEST), format!("cannot be read: {}", e.trim_end()));
                None
            }
        },
    };
    let Some(manifest) = manifest else {
        return Some(Checked {
            manifest_hash,
            claimed: None,
            problems: problems.found,
        });
    };
    if manifest.record != name {
        problems.add(
            Some(MANIFEST),
            format!(
                "names the record {:?}: the folder was renamed",
                manifest.record
            ),
        );
    }
    let listed: BTreeMap<&str, &str> =
        std::iter::once((&manifest.case.file, &manifest.case.sha256))
            .chain(manifest.outputs.iter().map(|f| (&f.file, &f.sha256)))
            .chain(manifest.inputs.iter().map(|f| (&f.file, &f.sha256)))
            .map(|(file, hash)| (file.as_str(), hash.as_str()))
            .collect();
    for (file, recorded) in &listed {
        match fs::read(dir.join(file)) {
            Err(_) => problems.add(Some(file), "is missing".to_owned()),
            Ok(bytes) => {
                let actual = sha256(&bytes);
                if actual != *recorded {
                    problems.add(
                        Some(file),
                        format!(
                            "was changed after issue: the manifest records {recorded}, the file is {actual}"
                        ),
                    );
                }
            }
        }
    }
    for file in files_under(&dir) {
        if file != MANIFEST && !listed.contains_key(file.as_str()) {
            problems.add(
                Some(&file),
                "is not in the manifest: it was added after issue".to_owned(),
            );
        }
    }
    if problems.found.is_empty() {
        for (file, message) in rebuild(builder, &dir, &manifest) {
            problems.add(Some(file), message);
        }
    }
    Some(Checked {
        manifest_hash,
        claimed: Some(manifest.previous),
        problems: problems.found,
    })
}

/// The problems of one record.
struct Problems<'a> {
    record: &'a str,
    found: Vec<Problem>,
}

impl Problems<'_> {
    fn add(&mut self, file: Option<&str>, message: String) {
        self.found.push(Problem {
            record: self.record.to_owned(),
            file: file.map(str::to_owned),
            message,
        });
    }
}

/// Every file under `dir`, relative to it with `/`.
fn files_under(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|entry| entry.ok())
        .filter(|entry| !entry.file_type().is_dir())
        .filter_map(|entry| {
            let rel = entry.path().strip_prefix(dir).ok()?;
            Some(rel.to_str()?.replace('\\', "/"))
        })
        .collect()
}

/// Rebuilds a record's letter from its inputs alone (no project, nothing
/// embedded) and compares it with the recorded Letter and PDF.
fn rebuild(builder: &Builder, dir: &Path, manifest: &Manifest) -> Vec<(&'static str, String)> {
    let version = env!("CARGO_PKG_VERSION");
    let mismatch = |what: &str| {
        let mut message = format!("differs from {what} rebuilt from the record's inputs");
        if manifest.lettrine != version {
            message.push_str(&format!(
                " (it was issued by lettrine {}, this is {version})",
                manifest.lettrine
            ));
        }
        message
    };
    let rebuilt = (|| -> Result<(Vec<u8>, Vec<u8>)> {
        let tree = DirTree::new(dir.join(INPUTS)).map_err(|source| Error::Read {
            path: dir.join(INPUTS).display().to_string(),
            source,
        })?;
        let sealed = builder.beside(Project::sealed(Arc::new(tree)));
        let case_path = dir.join(&manifest.case.file);
        let (shown, bytes) = read_input(&case_path, MAX_FILE_SIZE, "a case file")?;
        let case = sealed.parse_case(shown, bytes.clone())?;
        let (_, mut letter) = sealed.checked_letter(&case, &Overrides::default())?;
        final_letter(
            &sealed,
            &mut letter,
            &manifest.pdf_standards,
            (&manifest.case.file, &bytes),
        )
    })();
    match rebuilt {
        Err(e) => vec![(
            PDF,
            format!("cannot be rebuilt from the record's inputs: {e}"),
        )],
        Ok((json, pdf)) => {
            let mut problems = Vec::new();
            let recorded = |file: &str| fs::read(dir.join(file)).unwrap_or_default();
            if recorded(LETTER) != json {
                problems.push((LETTER, mismatch("the Letter")));
            }
            if recorded(PDF) != pdf {
                problems.push((PDF, mismatch("the PDF (its pages and its attachments)")));
            }
            problems
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_415), (2025, 11, 23));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(
            rfc3339(UNIX_EPOCH + std::time::Duration::from_secs(1_795_309_261)),
            "2026-11-22T01:01:01Z"
        );
    }

    #[test]
    fn record_names() {
        assert!(is_record_name("000001-2026-11-23-dupont"));
        assert!(!is_record_name("00001-x"));
        assert!(!is_record_name("notes.txt"));
        assert_eq!(safe_name("Dupont é/../x"), "Dupont---..-x");
        assert_eq!(safe_name("..."), "letter");
    }
}
