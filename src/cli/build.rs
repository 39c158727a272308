//! `lettrine build CASE`: a letter as PDF, Word (.docx), PNG, SVG, plain
//! text or the Letter IR as JSON.

use std::path::{Path, PathBuf};

use lettrine::Error;
use lettrine::builder::{Builder, Overrides};
use lettrine::letter::Letter;
use lettrine::render::{Output, PdfStandard, RenderOptions};
use lettrine::revision::Project;

use super::report::ColorChoice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Pdf,
    Png,
    Svg,
    /// The letter as plain text.
    Txt,
    /// The Letter IR: every block with the message that produced it.
    Json,
    /// An editable Word document (.docx), laid out like the PDF.
    Docx,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Txt => "txt",
            Self::Json => "json",
            Self::Docx => "docx",
        }
    }

    fn from_path(path: &Path) -> Option<Self> {
        Self::from_extension(&path.extension()?.to_str()?.to_ascii_lowercase())
    }

    pub fn from_extension(extension: &str) -> Option<Self> {
        Some(match extension {
            "pdf" => Self::Pdf,
            "png" => Self::Png,
            "svg" => Self::Svg,
            "txt" => Self::Txt,
            "json" => Self::Json,
            "docx" => Self::Docx,
            _ => return None,
        })
    }
}

/// The PDF standards a letter can be written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PdfStandardArg {
    /// PDF/A-2b: archivable, looks the same forever.
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-2a: PDF/A-2b, tagged for structure.
    #[value(name = "a-2a")]
    A2a,
    /// PDF/A-3b: PDF/A-2b that may carry its own data as attachments.
    #[value(name = "a-3b")]
    A3b,
    /// PDF/A-3a: PDF/A-3b, tagged for structure.
    #[value(name = "a-3a")]
    A3a,
    /// PDF/UA-1: accessible to screen readers.
    #[value(name = "ua-1")]
    Ua1,
}

impl PdfStandardArg {
    pub fn standard(self) -> PdfStandard {
        match self {
            Self::A2b => PdfStandard::A_2b,
            Self::A2a => PdfStandard::A_2a,
            Self::A3b => PdfStandard::A_3b,
            Self::A3a => PdfStandard::A_3a,
            Self::Ua1 => PdfStandard::Ua_1,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The case file: TOML, or JSON when it ends in .json. Or, to build many
    /// letters: a table (.csv, .tsv, .jsonl), one case per row, or a folder
    /// of case files; see --out.
    case: PathBuf,
    /// Where to write the letter; `-` for standard output. Default: the
    /// case's name with the format's extension, in the current folder (txt
    /// and json go to standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The output format [default: from the output's extension, else pdf].
    #[arg(short, long, value_enum)]
    format: Option<Format>,
    /// Write the letter in this locale instead of the case's.
    #[arg(long)]
    locale: Option<String>,
    /// Lay the letter out with this style instead of the case's.
    #[arg(long)]
    style: Option<String>,
    /// Place the address field and marks by this layout profile (nf,
    /// din-5008-a, din-5008-b, sn, it, or the project's own) instead of the
    /// case's or the locale's default.
    #[arg(long)]
    profile: Option<String>,
    /// Draw the envelope window, the address field's zones, the fold and
    /// hole marks and the margins over the letter, to check the placement.
    #[arg(long)]
    debug_layout: bool,
    /// PNG resolution, in pixels per inch.
    #[arg(long, default_value_t = 144.0)]
    ppi: f64,
    /// Make the PDF conform to a standard, checked by Typst's own validator:
    /// PDF/A for archives, PDF/UA for screen readers. Repeat it to combine
    /// one of each: --pdf-standard a-3b --pdf-standard ua-1.
    #[arg(long = "pdf-standard", value_enum, value_name = "STANDARD")]
    pdf_standards: Vec<PdfStandardArg>,
    #[command(flatten)]
    pub batch: super::batch::BatchArgs,
}

pub fn run(args: BuildArgs, project: Project, color: ColorChoice) -> Result<bool, Error> {
    let builder = Builder::new(project);
    if let Some(source) = super::batch::source(&args)? {
        return super::batch::run(&args, source, &builder, color);
    }
    args.batch.single()?;
    build(&args, &builder, color.stderr()).map(|_| true)
}

impl BuildArgs {
    pub fn case(&self) -> &Path {
        &self.case
    }

    pub fn requested_format(&self) -> Option<Format> {
        self.format
    }

    pub fn overrides(&self) -> Overrides {
        Overrides {
            locale: self.locale.clone(),
            style: self.style.clone(),
            profile: self.profile.clone(),
        }
    }

    /// What else than the Letter decides an output's bytes.
    pub fn variant(&self, format: Format) -> String {
        let mut variant = format!(
            "{format:?} ppi={} debug-layout={}",
            self.ppi, self.debug_layout
        );
        if !self.pdf_standards.is_empty() {
            variant.push_str(&format!(" pdf-standards={:?}", self.pdf_standards));
        }
        variant
    }

    /// The letter as `format`'s bytes.
    pub fn produce(
        &self,
        builder: &Builder,
        letter: &Letter,
        format: Format,
    ) -> Result<Vec<u8>, Error> {
        Ok(match format {
            Format::Txt => letter.to_text().into_bytes(),
            Format::Json => {
                let mut json = letter.to_json();
                json.push('\n');
                json.into_bytes()
            }
            Format::Docx => lettrine::render::docx::letter(letter)?,
            Format::Pdf | Format::Png | Format::Svg => {
                let output = match format {
                    Format::Png => Output::Png {
                        pixels_per_pt: self.ppi / 72.0,
                    },
                    Format::Svg => Output::Svg,
                    _ => Output::Pdf,
                };
                let options = RenderOptions {
                    debug_layout: self.debug_layout,
                    pdf_standards: self.pdf_standards.iter().map(|s| s.standard()).collect(),
                    attachments: Vec::new(),
                };
                builder.typeset(letter, &options)?.export(output)?
            }
        })
    }

    /// An output whose extension names no format lettrine writes
    /// (`-o letter.odt`) is refused, rather than given PDF bytes under a
    /// name that promises something else; `--format` says it is meant.
    fn check_output_extension(&self) -> Result<(), Error> {
        let Some(path) = self.output.as_deref().filter(|p| p.as_os_str() != "-") else {
            return Ok(());
        };
        match path.extension() {
            Some(ext) if self.format.is_none() && Format::from_path(path).is_none() => {
                Err(Error::usage(
                    format!(
                        "-o {}: lettrine does not write .{} files",
                        path.display(),
                        ext.to_string_lossy()
                    ),
                    Some(
                        "it writes .pdf, .docx, .png, .svg, .txt and .json; name the file so, or give --format"
                            .to_owned(),
                    ),
                ))
            }
            _ => Ok(()),
        }
    }

    fn format(&self) -> Format {
        self.format
            .or_else(|| self.output.as_deref().and_then(Format::from_path))
            .unwrap_or(Format::Pdf)
    }

    /// The file the letter is written to; `None` for standard output.
    pub fn output(&self) -> Option<PathBuf> {
        let format = self.format();
        match &self.output {
            Some(path) if path.as_os_str() == "-" => None,
            Some(path) => Some(path.clone()),
            None if matches!(format, Format::Txt | Format::Json) => None,
            None => {
                let stem = self
                    .case
                    .file_stem()
                    .map_or_else(|| "letter".into(), |s| s.to_os_string());
                Some(PathBuf::from(stem).with_extension(format.extension()))
            }
        }
    }
}

/// Builds the letter once and writes it; returns where it went. What the
/// text checks find in the case's free text is printed as warnings.
pub fn build(args: &BuildArgs, builder: &Builder, color: bool) -> Result<String, Error> {
    args.check_output_extension()?;
    let format = args.format();
    let case = builder.read_case(&args.case)?;
    let letter = builder.letter(&case, &args.overrides())?;
    for warning in builder.case_warnings(&case) {
        super::report::diagnostic_with_code(&warning, color);
    }
    let bytes = args.produce(builder, &letter, format)?;
    match args.output() {
        None => {
            super::stdout(&bytes)?;
            Ok("<stdout>".to_owned())
        }
        Some(path) => {
            super::write_atomic(&path, &bytes)?;
            Ok(path.display().to_string())
        }
    }
}
