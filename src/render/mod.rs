//! Render: Typst compiled in-process into PDF, and the site's HTML ([`html`]).
//!
//! A document's data reach its template as `/data.json` in an in-memory world
//! and its charts as SVG files beside it; the template reads them with
//! `json(..)` and `image(..)`. Nothing from the data is ever spliced into
//! Typst markup, so no text in the data can change the document's structure.

pub mod csv;
pub mod fonts;
pub mod guard;
pub mod html;
pub mod world;
pub mod xlsx;
pub mod yaml_edit;

use crate::input::templates::Templates;
use crate::model::Date;
use crate::model::diag::{Diagnostic, Diagnostics, Pos};
use std::hash::Hash;
use std::path::PathBuf;
use std::sync::LazyLock;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst::syntax::PathError;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};
use world::ReportWorld;

/// Where the report's data lie in the Typst world.
pub const DATA_JSON: &str = "/data.json";

/// A finished output file, still in memory.
#[derive(Debug, Clone)]
pub struct Output {
    /// Path relative to the output folder, e.g. `statusrapport-2018-h2.pdf`.
    pub rel: PathBuf,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Page count, for PDFs.
    pub pages: Option<usize>,
}

/// The fingerprint of a document's inputs, together with this program's
/// identity; `None` when the program cannot identify itself, and then
/// nothing is reused.
pub fn fingerprint(inputs: &impl Hash) -> Option<u128> {
    PROGRAM.map(|program| typst::utils::hash128(&(program, inputs)))
}

/// This program: its version and the size and modification time of its
/// executable, so that a rebuilt `helhed` (which may lay out differently)
/// never reuses an older one's PDFs.
static PROGRAM: LazyLock<Option<u128>> = LazyLock::new(|| {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(typst::utils::hash128(&(env!("CARGO_PKG_VERSION"), meta.len(), modified.as_nanos())))
});

/// A rendered PDF document.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Typst's warnings about the template.
    pub warnings: Diagnostics,
}

/// What to compile: a main template, its JSON data and extra files.
pub struct Job<'a> {
    /// The template's file name, e.g. `statusrapport.typ`.
    pub template: &'a str,
    /// The data, serialised as JSON.
    pub data: Vec<u8>,
    /// Further files (charts): path in the world and bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// The document's date: `today()` and the PDF's timestamp.
    pub date: Date,
    /// A stable identifier of the document (the same across builds).
    pub ident: String,
}

impl Job<'_> {
    /// The fingerprint of everything the PDF is made from (see
    /// [`crate::output::reuse`]): the templates, the data, the charts, the date and
    /// the identifier, with this program's identity.
    pub fn fingerprint(&self, templates: &Templates) -> Option<u128> {
        let typst_templates: Vec<(&String, &str)> = templates
            .iter()
            .filter(|(name, _)| name.ends_with(".typ"))
            .map(|(name, t)| (name, t.text.as_str()))
            .collect();
        let date = (self.date.year, self.date.month, self.date.day);
        fingerprint(&(self.template, typst_templates, &self.data, &self.files, date, &self.ident))
    }
}

/// A document laid out by Typst, not yet written as PDF.
pub struct Compiled<'a> {
    templates: &'a Templates,
    /// The main template's file, for the watchdog.
    origin: PathBuf,
    world: ReportWorld,
    document: PagedDocument,
    date: Date,
    ident: String,
    warnings: Diagnostics,
}

/// Lays out a job's document. Layout and export are apart so that a build
/// can lay out every document before it exports any: Typst spreads a
/// document's layout over all threads, while an export runs on one.
pub fn compile<'a>(templates: &'a Templates, job: Job<'_>) -> Result<Compiled<'a>, Diagnostics> {
    let today = Datetime::from_ymd(i32::from(job.date.year), job.date.month, job.date.day)
        .expect("validated date is a valid Typst date");
    // A name Typst cannot hold (input refuses template names with a
    // backslash, so this is a last guard) is an error at that file.
    let unusable = |name: &str, e: PathError| {
        let file = templates.origin(name);
        let mut diags = Diagnostics::default();
        diags.error(&file, None, format!("filnavnet kan ikke bruges i en skabelon: {e}"));
        diags
    };
    let mut world = ReportWorld::new(&format!("/{}", job.template), today).map_err(|e| unusable(job.template, e))?;
    for (name, template) in templates.iter().filter(|(name, _)| name.ends_with(".typ")) {
        world.add_source(&format!("/{name}"), template.text.clone()).map_err(|e| unusable(name, e))?;
    }
    world.add_file(DATA_JSON, job.data).map_err(|e| unusable(DATA_JSON, e))?;
    for (path, bytes) in job.files {
        world.add_file(&format!("/{path}"), bytes).map_err(|e| unusable(&path, e))?;
    }

    let origin = templates.origin(job.template);
    let guard = guard::Guard::start(&origin);
    let warned = typst::compile::<PagedDocument>(&world);
    drop(guard);
    let mut warnings = Diagnostics::default();
    for w in &warned.warnings {
        warnings.push(convert(&world, templates, w));
    }
    let document = warned.output.map_err(|errors| collect(&world, templates, &errors))?;
    Ok(Compiled { templates, origin, world, document, date: job.date, ident: job.ident, warnings })
}

impl Compiled<'_> {
    /// Writes the document as PDF/UA-1; the accessibility check runs here.
    pub fn export(self) -> Result<Pdf, Diagnostics> {
        let Compiled { templates, origin, world, document, date, ident, warnings } = self;
        let _guard = guard::Guard::start(&origin);
        let noon = Datetime::from_ymd_hms(i32::from(date.year), date.month, date.day, 12, 0, 0)
            .expect("validated date is a valid Typst date");
        let options = PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some(format!("helhed {}", env!("CARGO_PKG_VERSION")))),
            timestamp: Some(Timestamp::new_utc(noon)),
            standards: PdfStandards::new(&[PdfStandard::Ua_1]).expect("PDF/UA-1 alone is a valid standard set"),
            ..PdfOptions::default()
        };
        let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| collect(&world, templates, &errors))?;
        Ok(Pdf { bytes, pages: document.pages().len(), warnings })
    }
}

fn collect(world: &ReportWorld, templates: &Templates, errors: &[SourceDiagnostic]) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for e in errors {
        diags.push(convert(world, templates, e));
    }
    diags
}

/// Turns a Typst diagnostic into ours: the template's real file, line and column.
fn convert(world: &ReportWorld, templates: &Templates, d: &SourceDiagnostic) -> Diagnostic {
    use typst::World;
    let mut file = PathBuf::from("(typst)");
    let mut pos = None;
    if let Some(id) = d.span.id() {
        let vpath = id.vpath().get_without_slash().to_string();
        file = match templates.get(&vpath) {
            Some(t) => t.origin.clone(),
            None => PathBuf::from(format!("{vpath} (genereret af helhed)")),
        };
        if let Some(range) = world.range(d.span) {
            let lines = match world.source(id) {
                Ok(source) => Some(source.lines().clone()),
                Err(_) => world.file(id).ok().and_then(|b| b.lines().ok()),
            };
            if let Some((line, column)) = lines.and_then(|l| l.byte_to_line_column(range.start)) {
                pos = Some(Pos { line: line + 1, column: column + 1 });
            }
        }
    }
    let message = if d.message.contains("PDF/UA-1 error: missing alt text") {
        // The accessibility check every document must pass: say it in Danish.
        "tilgængelighed (PDF/UA-1): et billede eller en formel mangler alt-tekst; giv den fx image(..., alt: ind.alt)"
            .to_string()
    } else {
        let mut message = format!("Typst: {}", d.message);
        // Typst's hints about its own command line (`--root`, `--font-path`)
        // do not apply: helhed sets the root and the fonts.
        for hint in d.hints.iter().filter(|h| !h.v.contains("--")) {
            message.push_str(&format!(" (tip: {})", hint.v));
        }
        message
    };
    match d.severity {
        Severity::Error => Diagnostic::error(&file, pos, message),
        Severity::Warning => Diagnostic::warning(&file, pos, message),
    }
}
