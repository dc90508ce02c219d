//! The build of a data folder that holds several plans, one folder each
//! (`data/<plan>/plan.yaml`). Each plan builds as it would alone, into
//! `out/<plan>/` and its site into `out/site/<plan>/`; an overview across the
//! plans goes beside them: `out/oversigt-<halvår>.pdf`, the site's front page
//! `out/site/index.html`, `out/tal.json` and `out/tal.xlsx`.
//!
//! The plans build in parallel, as many at a time as there are cores. Each
//! file is staged in the output folder (written beside its target, see
//! [`Staging`]) as soon as it is made, and only a small summary of a plan is
//! kept for the overview, so memory does not grow with the number of plans.
//! The folder changes all together at the end, or not at all when any plan
//! fails; every plan's problems are told.

use crate::input::PlanFolders;
use crate::input::templates::Templates;
use crate::model::diag::{Diagnostics, Failed};
use crate::output::commit::Staging;
use crate::output::reuse::{Record, kept_in_step};
use crate::present::overview::{Overview, PlanFiles, PlanSummary};
use crate::render::Output;
use crate::{Config, Inputs, Rendered, Reuse, eval, present, render, validate};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Builds every plan of `found` (the plan folders of `config.data`) and the
/// overview, and writes them to `config.out`.
pub fn build(config: &Config, found: &PlanFolders) -> Result<Rendered, Failed> {
    let folders = &found.plans;
    let mut diags = Diagnostics::default();
    validate::plan_folders(&config.data, found, &mut diags);
    let templates = templates(config);
    if diags.has_errors() {
        return Err(Failed(diags));
    }
    let record = Record::load(&config.out);
    let reuse = config.reuse.then_some(Reuse { out: &config.out, record: &record });
    let staging = Mutex::new(Staging::open(&config.out).map_err(|f| crate::not_written(f, Diagnostics::default()))?);
    // Each file goes into the output folder's staging as soon as it is made.
    let sink = |output: &Output| -> Result<(), Diagnostics> {
        let mut staging = staging.lock().unwrap_or_else(|e| e.into_inner());
        staging.put(output).map_err(|f| crate::not_written(f, Diagnostics::default()).0)
    };

    let build_one = |plan: &Config, folder: &String| -> Result<(Rendered, PlanSummary), Failed> {
        let mut inputs = crate::prepare(plan)?;
        inputs.folder = Some(folder.clone());
        let evaluated = eval::evaluate(&inputs.model, inputs.period);
        let rendered = crate::render_evaluated(&inputs, &evaluated, reuse, Some(&sink), crate::Documents::All)?;
        let summary = summary(folder, &inputs, &evaluated);
        // Typst's memo of this plan's layout serves no other plan.
        typst::comemo::evict(4);
        Ok((rendered, summary))
    };
    let build_plan = |folder: &String| -> Result<(Rendered, PlanSummary), Failed> {
        let plan = Config { data: config.data.join(folder), ..config.clone() };
        build_one(&plan, folder).map_err(|Failed(d)| Failed(whose(d, &plan.data, folder)))
    };
    let built = each_at_most_n_at_a_time(folders, build_plan);
    let mut all = Rendered {
        outputs: Vec::new(),
        warnings: Diagnostics::default(),
        reused: Vec::new(),
        record: record.clone(),
        removed: Vec::new(),
        unchanged: Vec::new(),
        todo: Vec::new(),
        period: crate::model::Period { year: 0, half: 1 },
        plan: String::new(),
    };
    let mut summaries = Vec::new();
    for (folder, result) in folders.iter().zip(built) {
        match result {
            Ok((rendered, summary)) => {
                all.outputs.extend(rendered.outputs);
                diags.extend(rendered.warnings);
                all.reused.extend(rendered.reused);
                all.record.take_folder(&rendered.record, folder);
                all.todo.extend(rendered.todo);
                summaries.push(summary);
            }
            Err(Failed(d)) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        // The staged files are removed as `staging` is dropped.
        return Err(Failed(diags));
    }

    let overview = present::overview::overview(summaries);
    all.period = overview.periode;
    all.plan = overview.titel.clone();
    let (outputs, warnings) = overview_files(&templates, overview, true).map_err(Failed)?;
    diags.extend(warnings);
    for output in outputs {
        sink(&output).map_err(Failed)?;
        all.outputs.push(Output { bytes: Vec::new(), ..output });
    }

    // A page of a plan no longer in the folder is removed from the site.
    all.record.set_folder_files(all.outputs.iter().map(|o| o.rel.as_path()).filter(|rel| kept_in_step(rel)));
    let removed = record.stale_folder_files(&all.record);
    let mut staging = staging.into_inner().unwrap_or_else(|e| e.into_inner());
    staging.put(&all.record.to_output()).map_err(|f| crate::not_written(f, diags.clone()))?;
    all.unchanged = staging.commit(&removed).map_err(|f| crate::not_written(f, diags.clone()))?;
    all.removed = removed;
    all.warnings = diags;
    Ok(all)
}

/// `f` of each of `items`, in their order, with as many at a time as the
/// machine has cores. Each runs on a thread of its own, not as a task of
/// Rayon's pool: a plan's export waits for its parts by running other tasks
/// of the pool, and were the plans such tasks it would start one plan inside
/// another, and hold many plans' memory at once.
fn each_at_most_n_at_a_time<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(items.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            std::thread::Builder::new()
                // Typst's layout recurses deeply: the main thread's stack.
                .stack_size(8 << 20)
                .spawn_scoped(scope, || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let result = f(item);
                        *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
                    }
                })
                .expect("a thread can be started");
        }
    });
    results
        .into_iter()
        .map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner()).expect("every item is done"))
        .collect()
}

/// A plan's problems, each outside the plan's own folder (a template's,
/// the output folder's) saying which plan it met.
fn whose(diags: Diagnostics, plan_dir: &Path, folder: &str) -> Diagnostics {
    let mut named = Diagnostics::default();
    for d in diags.iter() {
        let mut d = d.clone();
        if !d.file.starts_with(plan_dir) {
            d.message = format!("{} (planen {folder})", d.message);
        }
        named.push(d);
    }
    named
}

/// The templates, as each plan loads them (their warnings are each plan's).
pub fn templates(config: &Config) -> Templates {
    if config.templates_asked || config.templates.is_dir() {
        Templates::load(&config.templates, &mut Diagnostics::default())
    } else {
        Templates::embedded()
    }
}

/// A plan's line in the overview.
pub fn summary(folder: &str, inputs: &Inputs, evaluated: &eval::Evaluated) -> PlanSummary {
    present::overview::summary(folder, &inputs.model, evaluated, plan_files(folder, inputs))
}

/// Where a plan's documents are.
fn plan_files(folder: &str, inputs: &Inputs) -> PlanFiles {
    let rel = |p: PathBuf| p.to_string_lossy().replace('\\', "/");
    PlanFiles {
        statusrapport: rel(inputs.statusrapport_file()),
        helhedsevaluering: rel(inputs.helhedsevaluering_file()),
        tal: format!("{folder}/tal.json"),
        hjemmeside: format!("site/{folder}/index.html"),
    }
}

/// The overview's files: the PDF (unless not `pdf`), the site's front page
/// and stylesheet, `tal.json`, `tal.xlsx` and its sheets as CSV; and Typst's
/// warnings.
pub fn overview_files(
    templates: &Templates,
    overview: Overview,
    pdf: bool,
) -> Result<(Vec<Output>, Diagnostics), Diagnostics> {
    let slug = overview.periode.slug();
    let date = overview.data_date;
    let mut json = serde_json::to_vec_pretty(&overview).expect("the overview serialises");
    json.push(b'\n');
    let job = render::Job {
        template: "oversigt.typ",
        data: json.clone(),
        files: Vec::new(),
        date,
        ident: format!("helhed/oversigt/{slug}"),
    };
    let mut outputs = Vec::new();
    let mut warnings = Diagnostics::default();
    if pdf {
        let pdf = render::compile(templates, job)?.export()?;
        outputs.push(Output {
            rel: PathBuf::from(format!("oversigt-{slug}.pdf")),
            bytes: pdf.bytes,
            pages: Some(pdf.pages),
        });
        warnings = pdf.warnings;
    }
    outputs.push(Output { rel: PathBuf::from("tal.json"), bytes: json, pages: None });
    let book = present::workbook::plans::workbook(&overview, date);
    let xlsx = render::xlsx::bytes(&book).map_err(|e| {
        let mut diags = Diagnostics::default();
        diags.error(Path::new("tal.xlsx"), None, format!("kan ikke laves: {e}"));
        diags
    })?;
    outputs.push(Output { rel: PathBuf::from("tal.xlsx"), bytes: xlsx, pages: None });
    outputs.extend(book.sheets.iter().map(|sheet| Output {
        rel: Path::new(present::workbook::CSV_DIR).join(format!("{}.csv", sheet.id)),
        bytes: render::csv::bytes(&sheet.csv()),
        pages: None,
    }));
    outputs.extend(render::html::render(&[present::site::plans_page(overview)], templates)?);
    Ok((outputs, warnings))
}
