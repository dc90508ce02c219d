//! helhed: from the figures of a *boligsocial helhedsplan* to the reports its
//! board and residents read.
//!
//! This file is the pipeline and nothing else. Each stage is a folder, and a
//! stage imports only the stages before it (ARCHITECTURE.md, and a test in
//! `tests/architecture.rs`, keep it so):
//!
//! [`input`] (read `data/` and the templates) → [`validate`] (the typed
//! [`model`]) → [`eval`] (every figure, once per build) → [`present`] (Danish
//! words, view models, charts) → [`render`] (Typst PDF, HTML) → [`output`]
//! (atomic writes). [`model`] is the ground floor every stage stands on. Only
//! `input` reads the user's files and only `output` writes.
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod eval;
pub mod input;
pub mod model;
pub mod output;
mod pipeline;
pub mod present;
pub mod render;
pub mod validate;

pub use pipeline::import::{ImportRequest, Imported, import};

use eval::Evaluated;
use input::templates::Templates;
use model::diag::{Diagnostics, Failed};
use model::{Model, Period};
use render::Output;
use std::path::{Path, PathBuf};

// The allocator of every program built on helhed (the command, its tests and
// benchmarks): Typst allocates and frees small objects by the million, and a
// build takes about a sixteenth less CPU with mimalloc than with the
// system's allocator (the book's Ydelse has the measurements).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns transparent huge pages off for this process, as the command does
/// first. mimalloc asks for them, and a build that gets them spends more
/// time in the kernel finding and clearing 2 MB pages than it saves: 0,6 s
/// instead of 0,4 s for a build of the example started on its own (back to
/// back, when the kernel has free huge pages at hand, they save a little).
pub fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    {
        // Not being allowed to change it only costs time.
        let _ = nix::sys::prctl::set_thp_disable(true);
    }
}

/// Where a build reads and writes, and which half-year it reports on.
#[derive(Debug, Clone)]
pub struct Config {
    /// The data folder (`data`).
    pub data: PathBuf,
    /// The templates folder (`report-templates`).
    pub templates: PathBuf,
    /// Whether the templates folder was asked for: only then is a missing
    /// one worth a warning (a run outside a project uses the built-in ones).
    pub templates_asked: bool,
    /// The output folder (`out`).
    pub out: PathBuf,
    /// The half-year; default the latest in the data.
    pub period: Option<Period>,
    /// Take a PDF from the output folder when it was made from the same
    /// inputs (see [`output::reuse`]); `false` renders everything.
    pub reuse: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data: "data".into(),
            templates: "report-templates".into(),
            templates_asked: true,
            out: "out".into(),
            period: None,
            reuse: true,
        }
    }
}

/// The validated inputs of a build.
#[derive(Debug)]
pub struct Inputs {
    /// The plan and its figures.
    pub model: Model,
    /// The half-year reported on.
    pub period: Period,
    /// The templates in use.
    pub templates: Templates,
    /// Problems that do not stop the build.
    pub warnings: Diagnostics,
    /// What the half-year's report still lacks, by the file to fill in.
    pub todo: Vec<present::gaps::TodoFile>,
    /// The plan's folder when the data folder holds several plans: its
    /// documents go to `out/<folder>/` and its site to `out/site/<folder>/`.
    pub folder: Option<String>,
}

impl Inputs {
    /// The statusrapport's file, relative to the output folder.
    pub fn statusrapport_file(&self) -> PathBuf {
        self.place(PathBuf::from(format!("statusrapport-{}.pdf", self.period.slug())))
    }

    /// The appendix's file, relative to the output folder.
    pub fn helhedsevaluering_file(&self) -> PathBuf {
        self.place(PathBuf::from(format!("helhedsevaluering-{}.pdf", self.period.last_full_year())))
    }

    /// Where an output of this plan goes, relative to the output folder.
    fn place(&self, rel: PathBuf) -> PathBuf {
        let Some(folder) = &self.folder else { return rel };
        match rel.strip_prefix(present::site::SITE_DIR) {
            Ok(page) => Path::new(present::site::SITE_DIR).join(folder).join(page),
            Err(_) => Path::new(folder).join(rel),
        }
    }
}

/// The documents of a build, rendered in memory.
#[derive(Debug)]
pub struct Rendered {
    /// The files, in the order they are reported. After [`build`] they are
    /// in the output folder and hold no bytes here (but for reused PDFs).
    pub outputs: Vec<Output>,
    /// Problems that did not stop the build.
    pub warnings: Diagnostics,
    /// The PDFs taken unchanged from the output folder.
    pub reused: Vec<PathBuf>,
    /// What the PDFs were made from and the site's files, for the next build.
    pub record: output::reuse::Record,
    /// Site files the last build wrote and this one no longer makes; `build`
    /// removes them.
    pub removed: Vec<PathBuf>,
    /// Outputs whose files already held exactly these bytes (not the reused
    /// PDFs, which are not written at all).
    pub unchanged: Vec<PathBuf>,
    /// What the half-year's report still lacks, by the file to fill in.
    pub todo: Vec<present::gaps::TodoFile>,
    /// The half-year reported on.
    pub period: Period,
    /// The plan's name.
    pub plan: String,
}

/// Reads and validates the data and templates. Every problem is collected.
pub fn prepare(config: &Config) -> Result<Inputs, Failed> {
    let _scope = typst_timing::TimingScope::new("helhed: prepare");
    let mut diags = Diagnostics::default();
    let loaded = input::load(&config.data, render::fonts::shown, &mut diags);
    let templates = if config.templates_asked || config.templates.is_dir() {
        Templates::load(&config.templates, &mut diags)
    } else {
        Templates::embedded()
    };
    validated(loaded, templates, config, diags)
}

/// Validates what was read: the second half of [`prepare`], for data that
/// was read some other way (from memory, with [`input::load_files`]).
/// `diags` holds the problems found while reading.
pub fn validated(
    loaded: input::Loaded,
    templates: Templates,
    config: &Config,
    mut diags: Diagnostics,
) -> Result<Inputs, Failed> {
    let model = validate::validate(loaded, &mut diags);
    // The checks that need computed figures (a fixed-year reference without a
    // value, a budget that does not balance) belong with validation.
    if let Some(model) = &model {
        eval::checks::check(model, &mut diags);
    }
    // A period is only worth resolving from data that validated.
    let period = model
        .as_ref()
        .filter(|_| !diags.has_errors())
        .and_then(|m| validate::period::resolve(m, config.period, &config.data, &mut diags));
    match (model, period) {
        (Some(model), Some(period)) if !diags.has_errors() => {
            let gaps = eval::gaps::gaps(&model, period);
            let todo = present::gaps::todo(&model, period, &gaps, &config.data);
            Ok(Inputs { model, period, templates, warnings: diags, todo, folder: None })
        }
        _ => Err(Failed(diags)),
    }
}

/// For a command that works on one plan: an error when the data folder
/// holds several (one folder each), naming them.
pub(crate) fn one_plan(config: &Config, diags: &mut Diagnostics) -> Result<(), Failed> {
    let folders = input::plan_folders(&config.data).plans;
    if folders.is_empty() {
        return Ok(());
    }
    let example = config.data.join(&folders[0]);
    diags.error(
        &config.data,
        None,
        format!(
            "datamappen har flere planer ({}); vælg én med --data, fx --data {}",
            folders.join(", "),
            example.display()
        ),
    );
    Err(Failed(std::mem::take(diags)))
}

/// The files that start the half-year `period` (`helhed ny-periode`),
/// made from the plan as it is. Every problem in the data is collected;
/// nothing is written here.
pub fn new_period(config: &Config, period: Period) -> Result<Vec<present::new_period::NewFile>, Failed> {
    let mut diags = Diagnostics::default();
    one_plan(config, &mut diags)?;
    let loaded = input::load(&config.data, render::fonts::shown, &mut diags);
    let model = validate::validate(loaded, &mut diags);
    match model {
        Some(model) if !diags.has_errors() => {
            if !(model.plan.first_year..=model.plan.last_year).contains(&period.year) {
                diags.error(
                    &model.plan.file,
                    None,
                    format!(
                        "{} ligger uden for planens dataår {}-{}",
                        period.danish(),
                        model.plan.first_year,
                        model.plan.last_year
                    ),
                );
                return Err(Failed(diags));
            }
            Ok(present::new_period::files(&model, period))
        }
        _ => Err(Failed(diags)),
    }
}

/// Renders every document in memory; see [`render_reusing`].
pub fn render(inputs: &Inputs) -> Result<Rendered, Failed> {
    render_reusing(inputs, None)
}

/// Where unchanged PDFs may be taken from: the output folder and its record.
#[derive(Debug, Clone, Copy)]
pub struct Reuse<'a> {
    /// The output folder.
    pub out: &'a Path,
    /// What its PDFs were made from.
    pub record: &'a output::reuse::Record,
}

/// Renders every document in memory, taking a PDF from `reuse` instead when
/// it was made from the same inputs (see [`output::reuse`]).
///
/// The work runs in two parallel phases: Typst lays out both PDFs, then
/// exports them while the site, `tal.json` and `tal.xlsx` are made. An
/// export runs on one thread. Started as soon as its own layout was done, the
/// statusrapport's export would hold a thread that the appendix's longer
/// layout could use, and the build would end on the appendix alone.
pub fn render_reusing(inputs: &Inputs, reuse: Option<Reuse>) -> Result<Rendered, Failed> {
    render_evaluated(inputs, &eval::evaluate(&inputs.model, inputs.period), reuse, None, Documents::All)
}

/// The most areas a plan may have for its two documents to be laid out at
/// the same time; a larger plan's are laid out one after the other.
const ONE_DOCUMENT_AT_A_TIME: usize = 30;

/// Where a build puts each file as soon as it is made: the output folder's
/// staging ([`output::commit::Staging`]), so that no file waits in memory for
/// the others. The [`Output`]s the build returns then have no bytes.
pub(crate) type Sink<'a> = dyn Fn(&Output) -> Result<(), Diagnostics> + Sync + 'a;

/// Hands `output` to `sink`, if any, and keeps only its name and pages.
fn sunk(mut output: Output, sink: Option<&Sink>) -> Result<Output, Diagnostics> {
    if let Some(sink) = sink {
        sink(&output)?;
        output.bytes = Vec::new();
    }
    Ok(output)
}

/// [`render_reusing`] of figures already evaluated, each file handed to
/// `sink` as soon as it is made, and of `documents` only.
pub(crate) fn render_evaluated(
    inputs: &Inputs,
    ev: &Evaluated,
    reuse: Option<Reuse>,
    sink: Option<&Sink>,
    documents: Documents,
) -> Result<Rendered, Failed> {
    let appendix = documents == Documents::All;
    let helhedsevaluering = |inputs, ev, reuse| appendix.then(|| helhedsevaluering(inputs, ev, reuse));
    let (evaluation, (status, (site, tal))) = if inputs.model.areas().count() > ONE_DOCUMENT_AT_A_TIME {
        // A large plan's documents are laid out one at a time (Typst spreads
        // each over the threads), and Typst's memory of one is let go before
        // the next: the peak is one document's, not both.
        let status = statusrapport(inputs, ev, reuse).and_then(PdfJob::export);
        typst::comemo::evict(0);
        let evaluation = helhedsevaluering(inputs, ev, reuse).map(|job| job.and_then(PdfJob::export));
        typst::comemo::evict(0);
        (evaluation, (status, rayon::join(|| site(inputs, ev, sink), || tal_files(inputs, ev, sink))))
    } else {
        let (evaluation, status) =
            rayon::join(|| helhedsevaluering(inputs, ev, reuse), || statusrapport(inputs, ev, reuse));
        rayon::join(
            || evaluation.map(|job| job.and_then(PdfJob::export)),
            || {
                rayon::join(
                    || status.and_then(PdfJob::export),
                    || rayon::join(|| site(inputs, ev, sink), || tal_files(inputs, ev, sink)),
                )
            },
        )
    };
    let mut diags = inputs.warnings.clone();
    let mut outputs = Vec::new();
    let mut record = reuse.map(|r| r.record.clone()).unwrap_or_default();
    let mut reused = Vec::new();
    for pdf in [Some(status), evaluation].into_iter().flatten() {
        match pdf {
            Ok(pdf) => {
                // A reused PDF's entry is already in the record, unchanged.
                diags.extend(pdf.warnings);
                if pdf.reused {
                    // The file in the output folder: nothing to write.
                    reused.push(pdf.output.rel.clone());
                    outputs.push(pdf.output);
                    continue;
                }
                if let Some(fingerprint) = pdf.fingerprint {
                    record.insert(&pdf.output.rel, fingerprint, &pdf.output.bytes, pdf.output.pages.unwrap_or(0));
                }
                match sunk(pdf.output, sink) {
                    Ok(output) => outputs.push(output),
                    Err(d) => diags.extend(d),
                }
            }
            Err(d) => diags.extend(d),
        }
    }
    for result in [tal, site] {
        match result {
            Ok((output, warnings)) => {
                outputs.extend(output);
                diags.extend(warnings);
            }
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(Failed(diags));
    }
    record.set_folder_files(outputs.iter().map(|o| o.rel.as_path()).filter(|rel| output::reuse::kept_in_step(rel)));
    Ok(Rendered {
        outputs,
        warnings: diags,
        reused,
        record,
        removed: Vec::new(),
        unchanged: Vec::new(),
        todo: inputs.todo.clone(),
        period: inputs.period,
        plan: inputs.model.plan.name.clone(),
    })
}

/// A PDF on its way: laid out and waiting for export, or reused.
enum PdfJob<'a> {
    Compiled { compiled: Box<render::Compiled<'a>>, rel: PathBuf, fingerprint: Option<u128> },
    Reused(Output),
}

/// A finished PDF.
struct Pdf {
    output: Output,
    fingerprint: Option<u128>,
    reused: bool,
    warnings: Diagnostics,
}

impl PdfJob<'_> {
    /// Lays out the document of `job` as the file `rel`, unless `reuse`
    /// holds that file made from the same inputs.
    fn new<'a>(
        inputs: &'a Inputs,
        job: render::Job<'_>,
        rel: PathBuf,
        reuse: Option<Reuse>,
    ) -> Result<PdfJob<'a>, Diagnostics> {
        let fingerprint = job.fingerprint(&inputs.templates);
        if let (Some(reuse), Some(fingerprint)) = (reuse, fingerprint)
            && let Some(found) = reuse.record.reuse(reuse.out, &rel, fingerprint)
        {
            let output = Output { rel, bytes: found.bytes, pages: Some(found.pages) };
            return Ok(PdfJob::Reused(output));
        }
        Ok(PdfJob::Compiled { compiled: Box::new(render::compile(&inputs.templates, job)?), rel, fingerprint })
    }

    fn export(self) -> Result<Pdf, Diagnostics> {
        match self {
            PdfJob::Compiled { compiled, rel, fingerprint } => {
                let pdf = compiled.export()?;
                let output = Output { rel, bytes: pdf.bytes, pages: Some(pdf.pages) };
                Ok(Pdf { output, fingerprint, reused: false, warnings: pdf.warnings })
            }
            PdfJob::Reused(output) => {
                Ok(Pdf { output, fingerprint: None, reused: true, warnings: Diagnostics::default() })
            }
        }
    }
}

fn statusrapport<'a>(
    inputs: &'a Inputs,
    evaluated: &Evaluated,
    reuse: Option<Reuse>,
) -> Result<PdfJob<'a>, Diagnostics> {
    let (job, rel) = statusrapport_job(inputs, evaluated);
    PdfJob::new(inputs, job, rel, reuse)
}

/// The statusrapport's template, data, charts and file name.
fn statusrapport_job(inputs: &Inputs, evaluated: &Evaluated) -> (render::Job<'static>, PathBuf) {
    let _scope = typst_timing::TimingScope::new("helhed: statusrapport model");
    let report = present::report::status_report(&inputs.model, evaluated);
    let data = present::breaks::document_json(&report);
    let job = render::Job {
        template: "statusrapport.typ",
        data,
        files: report.charts.iter().map(|(p, svg)| (p.clone(), svg.clone().into_bytes())).collect(),
        date: inputs.model.plan.data_date,
        ident: format!("helhed/statusrapport/{}", inputs.period.slug()),
    };
    (job, inputs.statusrapport_file())
}

fn helhedsevaluering<'a>(
    inputs: &'a Inputs,
    evaluated: &Evaluated,
    reuse: Option<Reuse>,
) -> Result<PdfJob<'a>, Diagnostics> {
    let (job, rel) = helhedsevaluering_job(inputs, evaluated);
    PdfJob::new(inputs, job, rel, reuse)
}

/// The appendix's template, data, charts and file name.
fn helhedsevaluering_job(inputs: &Inputs, evaluated: &Evaluated) -> (render::Job<'static>, PathBuf) {
    let _scope = typst_timing::TimingScope::new("helhed: helhedsevaluering model");
    let report = present::evaluation::evaluation_report(&inputs.model, evaluated);
    let year = inputs.period.last_full_year();
    let job = render::Job {
        template: "helhedsevaluering.typ",
        data: present::breaks::document_json(&report),
        files: report.charts.iter().map(|(p, svg)| (p.clone(), svg.clone().into_bytes())).collect(),
        date: inputs.model.plan.data_date,
        ident: format!("helhed/helhedsevaluering/{year}"),
    };
    (job, inputs.helhedsevaluering_file())
}

/// What each document's template reads, as files for a template author's
/// folder (`helhed templates export MAPPE --med-data`): `statusrapport.data.json`
/// and `helhedsevaluering.data.json`, and each document's charts under
/// `figurer/<dokument>/` (the data's `figur` paths say so). A template reads
/// `sys.inputs.data` when it is given, so `typst watch statusrapport.typ
/// --input data=statusrapport.data.json` compiles the document as helhed does.
pub fn document_inputs(inputs: &Inputs) -> Vec<Output> {
    let evaluated = eval::evaluate(&inputs.model, inputs.period);
    let mut out = Vec::new();
    for (job, _) in [statusrapport_job(inputs, &evaluated), helhedsevaluering_job(inputs, &evaluated)] {
        let doc = job.template.trim_end_matches(".typ");
        let mut data: serde_json::Value = serde_json::from_slice(&job.data).expect("helhed's own JSON");
        move_figures(&mut data, doc);
        let mut bytes = serde_json::to_vec_pretty(&data).expect("JSON serialises");
        bytes.push(b'\n');
        out.push(Output { rel: PathBuf::from(format!("{doc}.data.json")), bytes, pages: None });
        for (path, svg) in job.files {
            let rel = path.strip_prefix("figurer/").map_or(path.clone(), |rest| format!("figurer/{doc}/{rest}"));
            out.push(Output { rel: PathBuf::from(rel), bytes: svg, pages: None });
        }
    }
    out
}

/// Points every `figur` path of `data` into the document's own folder.
fn move_figures(data: &mut serde_json::Value, doc: &str) {
    match data {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    serde_json::Value::String(path) if key == "figur" && path.starts_with("figurer/") => {
                        *path = format!("figurer/{doc}/{}", &path["figurer/".len()..]);
                    }
                    other => move_figures(other, doc),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| move_figures(v, doc)),
        _ => {}
    }
}

/// Every computed figure and evaluation: `tal.json`, and the same as a
/// workbook, `tal.xlsx`, with each of its sheets as a CSV file in `tal/`;
/// the two made in parallel.
fn tal_files(
    inputs: &Inputs,
    evaluated: &Evaluated,
    sink: Option<&Sink>,
) -> Result<(Vec<Output>, Diagnostics), Diagnostics> {
    let tal = present::tal::tal(&inputs.model, evaluated);
    let (json, workbook) = rayon::join(|| tal_json(&tal), || tal_workbook(&inputs.model, &tal));
    let mut outputs = vec![json];
    outputs.extend(workbook?);
    let placed = outputs.into_iter().map(|o| sunk(Output { rel: inputs.place(o.rel), ..o }, sink));
    Ok((placed.collect::<Result<_, _>>()?, Diagnostics::default()))
}

/// `tal.json`.
fn tal_json(tal: &present::tal::Tal) -> Output {
    let _scope = typst_timing::TimingScope::new("helhed: tal.json");
    let mut bytes = serde_json::to_vec_pretty(tal).expect("the figures serialise");
    bytes.push(b'\n');
    Output { rel: PathBuf::from("tal.json"), bytes, pages: None }
}

/// `tal.xlsx` and `tal/<ark>.csv`.
fn tal_workbook(model: &Model, tal: &present::tal::Tal) -> Result<Vec<Output>, Diagnostics> {
    let _scope = typst_timing::TimingScope::new("helhed: tal.xlsx");
    let book = present::workbook::workbook(model, tal);
    let rel = PathBuf::from("tal.xlsx");
    let bytes = render::xlsx::bytes(&book).map_err(|e| {
        let mut diags = Diagnostics::default();
        diags.error(&rel, None, format!("kan ikke laves: {e}"));
        diags
    })?;
    let mut outputs = vec![Output { rel, bytes, pages: None }];
    outputs.extend(book.sheets.iter().map(|sheet| Output {
        rel: Path::new(present::workbook::CSV_DIR).join(format!("{}.csv", sheet.id)),
        bytes: render::csv::bytes(&sheet.csv()),
        pages: None,
    }));
    Ok(outputs)
}

/// `site/`: the public website, each page handed to `sink` as soon as it is
/// rendered.
fn site(
    inputs: &Inputs,
    evaluated: &Evaluated,
    sink: Option<&Sink>,
) -> Result<(Vec<Output>, Diagnostics), Diagnostics> {
    let _scope = typst_timing::TimingScope::new("helhed: site");
    let site = render::html::Site::new(&inputs.templates)?;
    let mut outputs = Vec::new();
    let mut diags = Diagnostics::default();
    let mut put = |files: Result<Vec<Output>, model::diag::Diagnostic>, diags: &mut Diagnostics| match files {
        Ok(files) => {
            for o in files {
                match sunk(Output { rel: inputs.place(o.rel), ..o }, sink) {
                    Ok(o) => outputs.push(o),
                    Err(d) => diags.extend(d),
                }
            }
        }
        Err(d) => diags.push(d),
    };
    present::site::each_page(&inputs.model, evaluated, |mut page| {
        // After a file that could not be written, nothing more is made.
        if diags.has_errors() && sink.is_some() {
            return;
        }
        if inputs.folder.is_some() {
            present::site::link_plans(std::slice::from_mut(&mut page));
        }
        put(site.page(&page), &mut diags);
    });
    put(site.stylesheet().map(|o| vec![o]), &mut diags);
    if diags.has_errors() { Err(diags) } else { Ok((outputs, Diagnostics::default())) }
}

/// One plan as `helhed check` found it.
#[derive(Debug)]
pub struct Checked {
    /// Its folder, when the data folder holds several plans.
    pub folder: Option<String>,
    /// How many areas, indicators and success criteria it has.
    pub counts: (usize, usize, usize),
    /// The half-year checked.
    pub period: Period,
    /// What the half-year's report still lacks, by the file to fill in.
    pub todo: Vec<present::gaps::TodoFile>,
}

/// `helhed check`: every plan of the data folder (one, or one per folder)
/// validated, evaluated and rendered but for the PDFs unless `pdf` (see
/// [`check`]); nothing is written. Every plan's problems are collected.
pub fn check_all(config: &Config, pdf: bool) -> Result<(Vec<Checked>, Diagnostics), Failed> {
    let found = input::plan_folders(&config.data);
    let mut diags = Diagnostics::default();
    if !found.plans.is_empty() {
        validate::plan_folders(&config.data, &found, &mut diags);
    }
    let folders = found.plans;
    let plans: Vec<(Option<String>, Config)> = if folders.is_empty() {
        vec![(None, config.clone())]
    } else {
        folders.into_iter().map(|f| (Some(f.clone()), Config { data: config.data.join(f), ..config.clone() })).collect()
    };
    let several = plans[0].0.is_some();
    let mut checked = Vec::new();
    let mut summaries = Vec::new();
    for (folder, config) in plans {
        let prepared = prepare(&config).map(|mut inputs| {
            inputs.folder = folder.clone();
            inputs
        });
        let checked_plan = prepared.and_then(|inputs| {
            let evaluated = eval::evaluate(&inputs.model, inputs.period);
            check(&inputs, &evaluated, pdf).map(|w| (inputs, evaluated, w))
        });
        match checked_plan {
            Ok((inputs, evaluated, warnings)) => {
                diags.extend(warnings);
                if let Some(folder) = folder.as_deref().filter(|_| several) {
                    summaries.push(pipeline::plans::summary(folder, &inputs, &evaluated));
                }
                let m = &inputs.model;
                let counts = (m.areas().count(), m.indicators.len(), m.criteria.len());
                checked.push(Checked { folder, counts, period: inputs.period, todo: inputs.todo });
            }
            Err(Failed(d)) => diags.extend(d),
        }
    }
    // The overview's own templates are tried too.
    if several && !diags.has_errors() {
        let templates = pipeline::plans::templates(config);
        let overview = present::overview::overview(summaries);
        match pipeline::plans::overview_files(&templates, overview, pdf) {
            Ok((_, warnings)) => diags.extend(warnings),
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() { Err(Failed(diags)) } else { Ok((checked, diags)) }
}

/// What `helhed check` finds beyond the data's own problems: Typst's and
/// the site's warnings. With `pdf` the documents are laid out and exported
/// as in a build (nothing is written); without, everything else is made
/// (the documents' data and charts, the site, `tal.json` and `tal.xlsx`) and
/// Typst does not run, so a check costs a fraction of a build.
pub fn check(inputs: &Inputs, ev: &Evaluated, pdf: bool) -> Result<Diagnostics, Failed> {
    // Every file is made and let go at once: nothing is written, nothing kept.
    let discard = |_: &Output| Ok(());
    if pdf {
        return render_evaluated(inputs, ev, None, Some(&discard), Documents::All).map(|r| r.warnings);
    }
    let (_documents, (site, tal)) = rayon::join(
        || rayon::join(|| statusrapport_job(inputs, ev), || helhedsevaluering_job(inputs, ev)),
        || rayon::join(|| site(inputs, ev, Some(&discard)), || tal_files(inputs, ev, Some(&discard))),
    );
    let mut diags = inputs.warnings.clone();
    for result in [site, tal] {
        match result {
            Ok((_, warnings)) => diags.extend(warnings),
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() { Err(Failed(diags)) } else { Ok(diags) }
}

/// Validates and renders everything, then writes it to the output folder.
/// Nothing is written unless every document rendered. A PDF whose inputs are
/// unchanged since the file in the output folder was written is reused (see
/// [`output::reuse`]) unless `config.reuse` is off.
pub fn build(config: &Config) -> Result<Rendered, Failed> {
    build_documents(config, Documents::All)
}

/// Which documents a build lays out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Documents {
    /// Every document.
    All,
    /// All but the appendix, whose file in the output folder stays as it is:
    /// a live preview's first refresh after a save, which shows the
    /// statusrapport and the site at once and the appendix a moment later.
    AllButAppendix,
}

/// [`build`], of `documents` only (a data folder of several plans always
/// builds all).
pub fn build_documents(config: &Config, documents: Documents) -> Result<Rendered, Failed> {
    let found = input::plan_folders(&config.data);
    if !found.plans.is_empty() {
        return pipeline::plans::build(config, &found);
    }
    let inputs = prepare(config)?;
    let record = output::reuse::Record::load(&config.out);
    let reuse = config.reuse.then_some(Reuse { out: &config.out, record: &record });
    // Each file is staged in the output folder as soon as it is made (see
    // `output::commit`); all are put in place together, or none.
    let staging = output::commit::Staging::open(&config.out).map_err(|f| not_written(f, inputs.warnings.clone()))?;
    let staging = std::sync::Mutex::new(staging);
    let sink = |output: &Output| -> Result<(), Diagnostics> {
        let mut staging = staging.lock().unwrap_or_else(|e| e.into_inner());
        staging.put(output).map_err(|f| not_written(f, Diagnostics::default()).0)
    };
    let evaluated = eval::evaluate(&inputs.model, inputs.period);
    let mut rendered = render_evaluated(&inputs, &evaluated, reuse, Some(&sink), documents)?;
    let mut staging = staging.into_inner().unwrap_or_else(|e| e.into_inner());
    // A site page (or a sheet's CSV) this build no longer makes is removed:
    // the folder is copied to the web host as it is.
    let removed = record.stale_folder_files(&rendered.record);
    let written = staging.put(&rendered.record.to_output()).and_then(|()| staging.commit(&removed));
    rendered.removed = removed;
    match written {
        Ok(unchanged) => rendered.unchanged = unchanged,
        Err(failure) => return Err(not_written(failure, rendered.warnings)),
    }
    Ok(rendered)
}

/// A build that could not write its files: the error, with whether the
/// output folder is as it was, after the build's other problems `diags`.
fn not_written(failure: output::commit::Failure, mut diags: Diagnostics) -> Failed {
    let state = if failure.untouched {
        "intet i mappen er ændret".to_string()
    } else {
        format!("{}: nogle filer er fra denne bygning, andre fra den forrige; byg igen", output::commit::NOT_RESTORED)
    };
    diags.error(&failure.path, None, format!("kan ikke skrives: {}; {state}", failure.error));
    Failed(diags)
}

/// The embedded default templates as output files, for `helhed templates
/// export`: a user starts from them and edits without recompiling.
pub fn default_templates() -> Vec<Output> {
    input::templates::DEFAULTS
        .iter()
        .map(|(name, text)| Output { rel: PathBuf::from(name), bytes: text.as_bytes().to_vec(), pages: None })
        .collect()
}

/// The path an output was written to.
pub fn output_path(config: &Config, output: &Output) -> PathBuf {
    Path::new(&config.out).join(&output.rel)
}
