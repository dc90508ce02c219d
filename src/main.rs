//! The `helhed` command: parses arguments, runs the pipeline, prints what it
//! wrote or every problem it found, and sets the exit code.

mod cli;

use cli::{BuildArgs, CheckArgs, Cli, Command, ImportArgs, NewPeriodArgs, ServeArgs, TemplatesCommand};
use helhed::Config;
use helhed::model::diag::Diagnostics;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The most problems printed for one file; the rest are counted. A file
/// with a million unknown keys would otherwise print a million lines.
const MAX_PER_FILE: usize = 20;

fn print_diagnostics(diags: &Diagnostics) {
    let sorted = diags.clone().sorted();
    let mut i = 0;
    while i < sorted.len() {
        let file = &sorted[i].file;
        let n = sorted[i..].iter().take_while(|d| &d.file == file).count();
        for d in &sorted[i..i + n.min(MAX_PER_FILE)] {
            eprintln!("{d}");
        }
        let more = n.saturating_sub(MAX_PER_FILE) + diags.omitted(file);
        if more > 0 {
            eprintln!("… og {more} problemer mere i samme fil");
        }
        i += n;
    }
}

fn fail(diags: &Diagnostics) -> ExitCode {
    print_diagnostics(diags);
    let n = diags.error_count();

    let restored = !diags.iter().any(|d| d.message.contains(helhed::output::commit::NOT_RESTORED));
    if restored {
        eprintln!("helhed: stoppede med {n} fejl; intet blev skrevet.");
    } else {
        eprintln!("helhed: stoppede med {n} fejl.");
    }
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    helhed::without_huge_pages();
    let cli = cli::parse();
    let started = Instant::now();
    // For profiling: HELHED_TYPST_TIMING=trace.json writes Typst's own timing
    // events as a Chrome trace (open it in chrome://tracing or Perfetto).
    let trace = std::env::var_os("HELHED_TYPST_TIMING");
    if trace.is_some() {
        typst_timing::enable();
    }
    let templates = match &cli.command {
        Command::Build(BuildArgs { folders: f, .. }) | Command::Check(CheckArgs { folders: f, .. }) => {
            Some(f.templates.clone().unwrap_or_else(|| "report-templates".into()))
        }
        Command::Templates(_) | Command::NyPeriode(_) | Command::Serve(_) | Command::Importer(_) => None,
    };
    let code = run(cli, started);
    if let Some(path) = trace {
        write_trace(Path::new(&path), templates.as_deref());
    }
    code
}

/// Writes Typst's timing events, each placed at its template file and line.
fn write_trace(path: &Path, templates: Option<&Path>) {
    use std::collections::HashMap;
    use typst::syntax::{Source, Span};
    let mut unused = Diagnostics::default();
    let templates = templates.map(|dir| helhed::input::templates::Templates::load(dir, &mut unused));
    let mut sources: HashMap<String, Option<Source>> = HashMap::new();
    let place = |raw: std::num::NonZeroU64| {
        let span = Span::from_raw(raw);
        let Some(id) = span.id() else { return (String::new(), 0) };
        let name = id.vpath().get_without_slash().to_string();
        let source = sources.entry(name.clone()).or_insert_with(|| {
            let t = templates.as_ref()?.get(&name)?;
            Some(Source::new(id, t.text.clone()))
        });
        let line = source
            .as_ref()
            .and_then(|s| s.find(span).and_then(|n| s.lines().byte_to_line(n.range().start)))
            .map_or(0, |l| l as u32 + 1);
        (name, line)
    };
    let written = std::fs::File::create(path)
        .map_err(|e| e.to_string())
        .and_then(|f| typst_timing::export_json(std::io::BufWriter::new(f), place));
    if let Err(e) = written {
        eprintln!("fejl: {}: tidsmålingen kan ikke skrives: {e}", path.display());
    }
}

/// `helhed ny-periode`: writes the files that start the half-year, those
/// that do not exist, and says what to fill in.
fn new_period(args: &NewPeriodArgs) -> ExitCode {
    let config = Config { data: args.data.clone(), period: Some(args.periode), ..Config::default() };
    let files = match helhed::new_period(&config, args.periode) {
        Ok(files) => files,
        Err(failed) => return fail(&failed.0),
    };
    let mut add = Vec::new();
    for f in &files {
        let path = args.data.join(&f.rel);
        match helhed::output::create_new(&path, f.text.as_bytes()) {
            Ok(true) => println!("Skrev {}", path.display()),
            Ok(false) => match &f.to_add {
                Some(lines) => add.push((path, lines)),
                None => println!("Uændret {}: findes allerede", path.display()),
            },
            Err(e) => {
                eprintln!("fejl: {}: kan ikke skrives: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    for (path, lines) in add {
        let whole_block = lines.starts_with('h');
        let where_to = if whole_block { "nederst i filen" } else { "under halvårets antal:" };
        println!("Uændret {}: findes allerede; tilføj selv {where_to}:", path.display());
        for line in lines.lines() {
            println!("    {line}");
        }
    }
    // What is left to do, as `check` says it.
    match helhed::prepare(&config) {
        Ok(inputs) => print_todo(inputs.period, &inputs.todo),
        Err(failed) => print_diagnostics(&failed.0),
    }
    ExitCode::SUCCESS
}

/// `helhed importer`: reads a sheet into the year files, says what changed
/// and what conflicts, and writes nothing on a dry run.
fn import(args: ImportArgs) -> ExitCode {
    use helhed::input::raw::RawNumber;
    use helhed::input::setup::RawSetup;
    let flags = RawSetup {
        form: args.form,
        ark: args.ark,
        skilletegn: args.skilletegn,
        decimaltegn: args.decimaltegn,
        measure: args.maaling,
        area: args.omraade,
        year: args.aar,
        half: args.halvaar,
        kolonner: args.kolonner,
        header_row: args.overskriftsraekke,
        navnekolonne: args.navnekolonne,
        filter: args.filter.into_iter().collect(),
        faktor: args.faktor.map(RawNumber),
        kvartal: args.kvartal,
    };
    let request = helhed::ImportRequest {
        file: args.fil,
        setup: args.opsaetning,
        flags: flags.clone(),
        overwrite: args.overskriv,
        dry_run: args.toer,
    };
    let config = Config { data: args.data.clone(), ..Config::default() };
    let imported = match helhed::import(&config, &request) {
        Ok(imported) => imported,
        Err(failed) => return fail(&failed.0),
    };
    print_diagnostics(&imported.warnings);
    for line in &imported.report {
        println!("{line}");
    }
    let setup_name = args.gem_opsaetning.filter(|name| {
        let ok = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if !ok {
            eprintln!(
                "fejl: --gem-opsætning: «{name}» skal være et navn af bogstaver, tal og bindestreger, fx beboerdata"
            );
        }
        ok
    });
    if args.toer {
        if setup_name.is_some() {
            println!("Opsætningen er ikke gemt: en prøvekørsel skriver intet.");
        }
        return ExitCode::SUCCESS;
    }
    if let Err((path, e)) = helhed::output::write_all(&args.data, &imported.files) {
        eprintln!("fejl: {}: kan ikke skrives: {e}", path.display());
        return ExitCode::FAILURE;
    }
    for file in &imported.files {
        println!("Skrev {}", args.data.join(&file.rel).display());
    }
    if let Some(name) = setup_name {
        let path = args.data.join(helhed::input::setup::IMPORT_DIR).join(format!("{name}.yaml"));
        let text = helhed::present::import::setup_yaml(&flags, &name);
        match helhed::output::create_new(&path, text.as_bytes()) {
            Ok(true) => {
                println!("Skrev {}: næste gang er det «helhed importer FIL --opsætning {name}»", path.display())
            }
            Ok(false) => {
                println!("Uændret {}: findes allerede; ret den selv, eller vælg et andet navn", path.display())
            }
            Err(e) => {
                eprintln!("fejl: {}: kan ikke skrives: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// `helhed serve`: builds into a folder of its own, serves it on loopback,
/// and builds again when a file in the data or the templates is saved.
fn serve(args: &ServeArgs) -> ExitCode {
    use helhed::output::preview::{EVENTS, Preview};
    use helhed::present::preview::{PreviewView, page};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    let folder = match tempfile::Builder::new().prefix("helhed-forhaandsvisning-").tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("fejl: en midlertidig mappe til forhåndsvisningen kan ikke laves: {e}");
            return ExitCode::FAILURE;
        }
    };
    let config = Config {
        data: args.data.clone(),
        templates_asked: args.templates.is_some(),
        templates: args.templates.clone().unwrap_or_else(|| "report-templates".into()),
        out: folder.path().to_path_buf(),
        period: args.periode,
        reuse: true,
    };
    let watched_templates = config.templates.clone();
    // One build: the view of its outputs, or its errors beside the last good ones.
    let mut view = PreviewView::default();
    let build = move |view: &mut PreviewView, documents: helhed::Documents| {
        let started = Instant::now();
        let result = helhed::build_documents(&config, documents);
        // Typst's cache keeps what the next build can reuse, not every build's.
        typst::comemo::evict(10);
        view.millis = started.elapsed().as_millis();
        match result {
            Ok(rendered) => {
                view.errors.clear();
                let before = std::mem::take(&mut view.outputs);
                view.outputs = rendered.outputs.iter().map(|o| o.rel.clone()).collect();
                // A PDF not made this time (the appendix, a moment later) is still there.
                for rel in before.into_iter().filter(|r| r.extension().is_some_and(|e| e == "pdf")) {
                    if !view.outputs.contains(&rel) {
                        view.outputs.push(rel);
                    }
                }
                view.todo = rendered.todo.clone();
                view.plan = rendered.plan.clone();
                view.period = rendered.period.danish();
                true
            }
            Err(failed) => {
                view.errors = failed.0.clone().sorted().iter().map(ToString::to_string).collect();
                false
            }
        }
    };
    if !build(&mut view, helhed::Documents::All) {
        for e in &view.errors {
            eprintln!("{e}");
        }
    }
    let server = match tiny_http::Server::http(("127.0.0.1", args.port)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("fejl: port {} på 127.0.0.1 kan ikke bruges: {e}", args.port);
            return ExitCode::FAILURE;
        }
    };
    let address = server.server_addr().to_ip().map_or_else(|| format!("127.0.0.1:{}", args.port), |a| a.to_string());
    let preview = Preview::new(folder.path().to_path_buf(), page(&view, EVENTS));
    println!("Forhåndsvisning på http://{address}/ (Ctrl-C stopper)");
    let _ = std::io::Write::flush(&mut std::io::stdout());

    let stopper = Arc::clone(&preview);
    if let Err(e) = ctrlc::set_handler(move || stopper.stop()) {
        eprintln!("advarsel: Ctrl-C kan ikke fanges ({e}); stop med at lukke terminalen");
    }
    // Saves, collected for 10 ms so that an editor's several writes (within a
    // millisecond or two of each other) are one build.
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = match notify_debouncer_full::new_debouncer(Duration::from_millis(10), None, tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("fejl: mapperne kan ikke overvåges: {e}");
            return ExitCode::FAILURE;
        }
    };
    for dir in [&args.data, &watched_templates] {
        if dir.is_dir()
            && let Err(e) = watcher.watch(dir, notify_debouncer_full::notify::RecursiveMode::Recursive)
        {
            eprintln!("advarsel: {} kan ikke overvåges: {e}", dir.display());
        }
    }
    let builder = {
        let preview = Arc::clone(&preview);
        std::thread::spawn(move || {
            while !preview.is_stopped() {
                use notify_debouncer_full::notify::EventKind;
                use notify_debouncer_full::notify::event::ModifyKind;
                let Ok(events) = rx.recv_timeout(Duration::from_millis(200)) else { continue };
                let Ok(events) = events else { continue };
                // A file written, made, renamed or removed; not a build reading it.
                let saved = |kind: &EventKind| {
                    matches!(kind, EventKind::Create(_) | EventKind::Remove(_))
                        || matches!(kind, EventKind::Modify(m) if !matches!(m, ModifyKind::Metadata(_)))
                };
                let Some(first) = events.iter().find(|e| saved(&e.kind)).and_then(|e| e.paths.first()) else {
                    continue;
                };
                // The statusrapport and the site first, shown at once; then
                // the appendix (the rest is reused), shown when it is done.
                let ok = build(&mut view, helhed::Documents::AllButAppendix);
                // The page first, then the line: what the line says is served.
                preview.publish(page(&view, EVENTS));
                let what = if ok { "Bygget" } else { "Fejl i bygningen" };
                println!("{what} på {} ms efter en ændring i {}", view.millis, first.display());
                let _ = std::io::Write::flush(&mut std::io::stdout());
                if ok {
                    let ok = build(&mut view, helhed::Documents::All);
                    preview.publish(page(&view, EVENTS));
                    // A save meanwhile may have broken what the first refresh built.
                    let what = if ok { "Bilaget er sat igen" } else { "Fejl i bygningen" };
                    println!("{what} på {} ms", view.millis);
                    let _ = std::io::Write::flush(&mut std::io::stdout());
                }
            }
        })
    };
    preview.serve(server);
    let _ = builder.join();
    drop(watcher);
    println!("Forhåndsvisningen er stoppet.");
    ExitCode::SUCCESS
}

/// The folder of many files an output is reported with, if any: the site
/// (`site/`, with every plan's site), or a workbook's CSV files (`tal/`, or a
/// plan's `<plan>/tal/`); with what it holds and a hint.
fn group(rel: &Path) -> Option<(PathBuf, &'static str, &'static str)> {
    let (site, csv) = (helhed::present::site::SITE_DIR, helhed::present::workbook::CSV_DIR);
    if rel.starts_with(site) {
        return Some((site.into(), "hjemmesiden", "; åbn index.html"));
    }
    let mut parts = rel.iter();
    let first = parts.next()?;
    let dir = if first == csv {
        PathBuf::from(csv)
    } else if parts.next()? == csv {
        Path::new(first).join(csv)
    } else {
        return None;
    };
    (rel.iter().count() > dir.iter().count()).then_some((dir, "tal.xlsx' ark som CSV", ""))
}

/// The to-do list for the half-year, grouped by file.
fn print_todo(period: helhed::model::Period, todo: &[helhed::present::gaps::TodoFile]) {
    if todo.is_empty() {
        println!("Intet mangler til {}.", period.danish());
        return;
    }
    let n: usize = todo.iter().map(|f| f.items.len()).sum();
    println!("Til {} mangler der {n} ting:", period.danish());
    for f in todo {
        println!("  {}", f.file.display());
        for item in &f.items {
            println!("    - {item}");
        }
    }
}

fn run(cli: Cli, started: Instant) -> ExitCode {
    match cli.command {
        Command::Build(args) => {
            let config = Config { reuse: !args.fuld, ..Config::from(args.folders) };
            match helhed::build(&config) {
                Ok(rendered) => {
                    print_diagnostics(&rendered.warnings);
                    // What the half-year lacks: a warning each, as `check` lists them.
                    for f in &rendered.todo {
                        for item in &f.items {
                            eprintln!("advarsel: {}: {item}", f.file.display());
                        }
                    }
                    // A folder of many files is reported in one line: the
                    // site, and each workbook's CSV folder.
                    let groups: Vec<(PathBuf, &str, &str)> = {
                        let mut groups: Vec<(PathBuf, &str, &str)> = Vec::new();
                        for g in rendered.outputs.iter().filter_map(|o| group(&o.rel)) {
                            if !groups.contains(&g) {
                                groups.push(g);
                            }
                        }
                        groups
                    };
                    for output in rendered.outputs.iter().filter(|o| group(&o.rel).is_none()) {
                        let path = helhed::output_path(&config, output);
                        let pages = match output.pages {
                            Some(1) => " (1 side)".to_string(),
                            Some(n) => format!(" ({n} sider)"),
                            None => String::new(),
                        };
                        if rendered.reused.contains(&output.rel) {
                            println!("Uændret {}{pages}: samme data og skabeloner som sidst", path.display());
                        } else if rendered.unchanged.contains(&output.rel) && output.pages.is_some() {
                            println!("Uændret {}{pages}: sat igen med samme resultat", path.display());
                        } else if rendered.unchanged.contains(&output.rel) {
                            println!("Uændret {}", path.display());
                        } else {
                            println!("Skrev {}{pages}", path.display());
                        }
                    }
                    for (dir, what, hint) in groups {
                        let in_dir = |rel: &Path| group(rel).is_some_and(|g| g.0 == dir);
                        let files = rendered.outputs.iter().filter(|o| in_dir(&o.rel)).count();
                        let same = rendered.unchanged.iter().filter(|rel| in_dir(rel)).count();
                        let verb = if same == files { "Uændret" } else { "Skrev" };
                        let note =
                            if same > 0 && same < files { format!(", heraf {same} uændrede") } else { String::new() };
                        println!("{verb} {}/ ({what}, {files} filer{note}{hint})", config.out.join(dir).display());
                    }
                    for rel in &rendered.removed {
                        let why = if rel.starts_with(helhed::present::site::SITE_DIR) {
                            "hjemmesiden har ikke længere den side"
                        } else {
                            "tal.xlsx har ikke længere det ark"
                        };
                        println!("Fjernede {}: {why}", config.out.join(rel).display());
                    }
                    println!("Færdig på {} ms.", started.elapsed().as_millis());
                    ExitCode::SUCCESS
                }
                Err(failed) => fail(&failed.0),
            }
        }
        Command::Templates(TemplatesCommand::Export { dir, overskriv, med_data, data, periode }) => {
            let mut files = helhed::default_templates();
            if med_data {
                let config = Config { data, period: periode, templates_asked: false, ..Config::default() };
                match helhed::prepare(&config) {
                    Ok(inputs) => files.extend(helhed::document_inputs(&inputs)),
                    Err(failed) => return fail(&failed.0),
                }
            }
            let existing: Vec<String> = files
                .iter()
                .map(|f| dir.join(&f.rel))
                .filter(|p| p.exists())
                .map(|p| p.display().to_string())
                .collect();
            if !existing.is_empty() && !overskriv {
                for path in &existing {
                    eprintln!(
                        "fejl: {path}: findes allerede; brug --overskriv for at erstatte den med den indbyggede skabelon"
                    );
                }
                eprintln!("helhed: intet blev skrevet.");
                return ExitCode::FAILURE;
            }
            if let Err((path, e)) = helhed::output::write_all(&dir, &files).map(drop) {
                eprintln!("fejl: {}: kan ikke skrives: {e}", path.display());
                return ExitCode::FAILURE;
            }
            for f in &files {
                println!("Skrev {}", dir.join(&f.rel).display());
            }
            println!("Byg med dem: helhed build --templates {}", dir.display());
            if med_data {
                println!(
                    "Eller i Typst: typst watch {}/statusrapport.typ --input data=statusrapport.data.json",
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Command::NyPeriode(args) => new_period(&args),
        Command::Serve(args) => serve(&args),
        Command::Importer(args) => import(*args),
        Command::Check(CheckArgs { folders, pdf }) => {
            let config = Config::from(folders);
            match helhed::check_all(&config, pdf) {
                Ok((plans, warnings)) => {
                    print_diagnostics(&warnings);
                    let what = if pdf { "Data og skabeloner" } else { "Data, tal og hjemmesidens skabeloner" };
                    for plan in &plans {
                        if !plan.todo.is_empty() {
                            print_todo(plan.period, &plan.todo);
                        }
                        let (areas, indicators, criteria) = plan.counts;
                        let whose = plan.folder.as_ref().map(|f| format!(" for {f}")).unwrap_or_default();
                        println!(
                            "{what} er i orden{whose}: {areas} områder, {indicators} indikatorer, \
                             {criteria} succeskriterier, halvår {}.",
                            plan.period.danish()
                        );
                    }
                    if !pdf {
                        println!("PDF'ernes skabeloner er ikke prøvet; helhed check --pdf sætter også dokumenterne.");
                    }
                    ExitCode::SUCCESS
                }
                Err(failed) => {
                    print_diagnostics(&failed.0);
                    eprintln!("helhed: {} fejl fundet.", failed.0.error_count());
                    ExitCode::FAILURE
                }
            }
        }
    }
}
