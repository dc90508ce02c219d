//! Validate: turn the raw files into the typed [`Model`], checking
//! every reference, number and range. Every problem is reported with its file,
//! line and column, and all of them are collected before the run stops.

mod budget;
mod coverage;
mod criteria;
pub mod import;
mod imported;
pub mod lists;
mod measures;
mod names;
pub mod period;

use crate::input::raw::{RawExample, RawIndicator, RawNumber, RawPlanFile, RawYearFile};
use crate::input::setup::IMPORT_DIR;
use crate::input::{Loaded, SPENDING_DIR, STATUS_DIR, Source};
use crate::model::diag::Diagnostics;
use crate::model::text::parse_exact;
use crate::model::{
    Better, Calc, Date, Figure, FocusArea, Indicator, Model, Period, Plan, Series, SeriesKind, Status, TOTAL_ID,
    YearFigures,
};
use names::{known, list, one_of};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// Validates what was loaded. Returns the model when the plan itself is usable;
/// problems in the figures are reported in `diags` either way.
pub fn validate(loaded: Loaded, diags: &mut Diagnostics) -> Option<Model> {
    let plan_src = loaded.plan?;
    let mut model = validate_plan(&plan_src, diags)?;
    for file in &loaded.years {
        validate_year_file(&mut model, file, diags);
    }
    let written: BTreeSet<&str> = plan_src.content.criteria.iter().map(|c| c.id.as_str()).collect();
    for file in &loaded.status {
        validate_status_file(&mut model, file, &written, diags);
    }
    if let Some(src) = &loaded.budget {
        model.budget = budget::budget(&model, src, diags);
    }
    budget::spending_files(&mut model, &loaded.spending, diags);
    for setup in &loaded.setups {
        import::layout(&model, &setup.content, &import::Origin::File(setup), diags);
    }
    if let Some(src) = &loaded.list_rules
        && let Some(rules) = lists::load_rules(src, diags)
    {
        for (i, input) in rules.inputs.iter().enumerate() {
            if let Some(ind) = model.indicator(&input.id)
                && ind.unit != input.unit
            {
                diags.error(
                    &src.path,
                    src.locator.value(&["input", &i.to_string(), "enhed"]),
                    format!(
                        "input «{}» er i «{}», men plan.yaml's indikator af samme id er i «{}»; grænserne ville blive sammenlignet med tal i en anden enhed",
                        input.id, input.unit, ind.unit
                    ),
                );
            }
        }
        if model.series(&rules.national_series).is_none() {
            diags.error(
                &src.path,
                src.locator.value(&["landsgennemsnit"]),
                format!(
                    "landsgennemsnittet skal læses fra en serie i plan.yaml, og «{}» er ikke en af dem",
                    rules.national_series
                ),
            );
        }
        model.list_rules = rules;
    } else if loaded.list_rules.is_none() {
        // The built-in rule sets compare with thresholds in per cent.
        for input in &model.list_rules.inputs {
            if let Some(idx) = model.indicators.iter().position(|i| i.id == input.id)
                && model.indicators[idx].unit != input.unit
            {
                diags.warning(
                    &plan_src.path,
                    plan_src.locator.value(&["indikatorer", &idx.to_string(), "enhed"]),
                    format!(
                        "«{}» bruges af listekriterierne, som regner i «{}», men er her i «{}»; listekriterierne sammenligner dem som de er",
                        input.id, input.unit, model.indicators[idx].unit
                    ),
                );
            }
        }
    }
    Some(model)
}

/// Ids no area may take: the site's fixed pages (`index.html`,
/// `metode.html`), since an area's page is named by its id.
pub const RESERVED_IDS: [&str; 2] = ["index", "metode"];

/// The public site shows counts below this as `<5` unless the plan says otherwise.
pub const DEFAULT_SUPPRESS_BELOW: u32 = 5;

fn validate_plan(src: &Source<RawPlanFile>, diags: &mut Diagnostics) -> Option<Model> {
    let raw = &src.content;
    let at = |path: &[&str]| src.locator.value(path);
    let file = &src.path;
    let errors_before = diags.error_count();

    let date = |field: &str, text: &str, diags: &mut Diagnostics| match text.parse::<Date>() {
        Ok(d) => Some(d),
        Err(e) => {
            diags.error(file, at(&["plan", field]), e);
            None
        }
    };
    let start = date("start", &raw.plan.start, diags);
    let end = date("slut", &raw.plan.slut, diags);
    let data_date = date("datadato", &raw.plan.datadato, diags);
    if let (Some(s), Some(e)) = (start, end)
        && s > e
    {
        diags.error(
            file,
            at(&["plan", "slut"]),
            format!("planen slutter ({}) før den starter ({})", e.danish(), s.danish()),
        );
    }
    let years = &raw.plan.data_years;
    if years.fra > years.til {
        diags.error(
            file,
            at(&["plan", "dataår", "til"]),
            format!("dataår: «til» ({}) ligger før «fra» ({})", years.til, years.fra),
        );
    }
    if years.fra < 1900 || years.til > 2200 {
        diags.error(
            file,
            at(&["plan", "dataår"]),
            format!("dataår {}-{} er ikke en rimelig årrække", years.fra, years.til),
        );
    }
    check_text(file, at(&["plan", "navn"]), "navn", &raw.plan.navn, diags);
    for (i, a) in raw.areas.iter().enumerate() {
        check_text(file, at(&["områder", &i.to_string(), "navn"]), "navn", &a.navn, diags);
    }
    for (i, r) in raw.references.iter().enumerate() {
        check_text(file, at(&["referencer", &i.to_string(), "navn"]), "navn", &r.navn, diags);
    }

    // Ids must be unique across everything that names a folder in data/.
    let mut folder_ids: BTreeMap<String, &str> = BTreeMap::new();
    let mut claim = |id: &str, what: &'static str, path: Vec<String>, diags: &mut Diagnostics| {
        let p: Vec<&str> = path.iter().map(String::as_str).collect();
        if id == TOTAL_ID || id == STATUS_DIR || id == SPENDING_DIR || id == IMPORT_DIR {
            diags.error(
                file,
                src.locator.value(&p),
                format!("id «{id}» er reserveret til datamappens egen mappe «{id}/»"),
            );
        } else if !is_id(id) {
            diags.error(
                file,
                src.locator.value(&p),
                format!("id «{id}» må kun indeholde små bogstaver a-z, tal og bindestreg (det bruges som mappenavn)"),
            );
        } else if let Some(message) = too_long(id) {
            diags.error(file, src.locator.value(&p), message);
        } else if let Some(other) = folder_ids.insert(id.to_string(), what) {
            diags.error(file, src.locator.value(&p), format!("id «{id}» er allerede brugt af et andet {other}"));
        }
    };
    let mut series = Vec::new();
    for (i, a) in raw.areas.iter().enumerate() {
        if RESERVED_IDS.contains(&a.id.as_str()) {
            let at = src.locator.value(&["områder", &i.to_string(), "id"]);
            diags.error(
                file,
                at,
                format!(
                    "id «{}» er reserveret til hjemmesidens side «{}.html»; et område får en side med sit id som navn",
                    a.id, a.id
                ),
            );
        }
        claim(&a.id, "område", vec!["områder".into(), i.to_string(), "id".into()], diags);
        series.push(Series {
            id: a.id.clone(),
            name: a.navn.clone(),
            town: a.by.clone(),
            kind: SeriesKind::Area,
            members: Vec::new(),
            aliases: a.aliaser.clone(),
        });
    }
    if raw.areas.is_empty() {
        diags.error(file, src.locator.key(&["områder"]), "planen skal have mindst ét område");
    }
    series.push(Series {
        id: TOTAL_ID.into(),
        name: "Samlet".into(),
        town: None,
        kind: SeriesKind::Total,
        members: Vec::new(),
        aliases: Vec::new(),
    });
    for (i, g) in raw.groups.iter().enumerate() {
        claim(&g.id, "gruppe", vec!["grupper".into(), i.to_string(), "id".into()], diags);
        let members = coverage::group(file, at(&["grupper", &i.to_string(), "områder"]), g, &series, diags);
        series.push(Series {
            id: g.id.clone(),
            name: g.navn.clone(),
            town: None,
            kind: SeriesKind::Group,
            members,
            aliases: Vec::new(),
        });
    }
    for (i, r) in raw.references.iter().enumerate() {
        claim(&r.id, "referenceserie", vec!["referencer".into(), i.to_string(), "id".into()], diags);
        series.push(Series {
            id: r.id.clone(),
            name: r.navn.clone(),
            town: None,
            kind: SeriesKind::Reference,
            members: Vec::new(),
            aliases: r.aliaser.clone(),
        });
    }

    let mut focus_ids = BTreeSet::new();
    let focus_areas = raw
        .focus_areas
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if !focus_ids.insert(f.id.as_str()) {
                diags.error(
                    file,
                    at(&["indsatsområder", &i.to_string(), "id"]),
                    format!("indsatsområdet «{}» står to gange", f.id),
                );
            }
            FocusArea { id: f.id.clone(), name: f.navn.clone() }
        })
        .collect();

    let measures = measures::measures(src, diags);
    let measure_ids: BTreeSet<&str> = raw.measures.iter().map(|m| m.id.as_str()).collect();

    let mut indicator_ids = BTreeSet::new();
    let mut indicators = Vec::new();
    for (i, ind) in raw.indicators.iter().enumerate() {
        let idx = i.to_string();
        check_id(file, at(&["indikatorer", &idx, "id"]), &ind.id, diags);
        if !indicator_ids.insert(ind.id.as_str()) {
            diags.error(file, at(&["indikatorer", &idx, "id"]), format!("indikatoren «{}» står to gange", ind.id));
        }
        if let Some(indicator) = validate_indicator(src, &idx, ind, &measure_ids, &series, years.fra..=years.til, diags)
        {
            indicators.push(indicator);
        }
    }

    if diags.error_count() > errors_before {
        return None;
    }
    let plan = Plan {
        name: raw.plan.navn.clone(),
        subtitle: raw.plan.undertitel.clone(),
        secretariat: raw.plan.sekretariat.clone(),
        municipality: raw.plan.kommune.clone(),
        start: start?,
        end: end?,
        first_year: years.fra,
        last_year: years.til,
        data_date: data_date?,
        suppress_below: raw.plan.suppress_below.unwrap_or(DEFAULT_SUPPRESS_BELOW),
        file: src.path.clone(),
    };
    let mut model = Model {
        plan,
        series,
        focus_areas,
        measures,
        indicators,
        figures: BTreeMap::new(),
        status: BTreeMap::new(),
        activities: Vec::new(),
        criteria: Vec::new(),
        budget: None,
        list_rules: lists::default_rules(),
    };
    // Errors in activities and criteria are reported, but the figures are
    // still checked against the plan, so that one run shows every problem.
    model.activities = criteria::activities(src, &model, diags);
    model.criteria = criteria::criteria(src, &model, diags);
    Some(model)
}

/// A data file's name without its `.yaml` or `.yml` extension.
fn yaml_stem(name: &str) -> &str {
    name.strip_suffix(".yaml").or_else(|| name.strip_suffix(".yml")).unwrap_or(name)
}

/// The output's own folders beside the plans' (the site's and the CSV
/// files', `present::site::SITE_DIR` and `present::workbook::CSV_DIR`): no
/// plan folder may be named so.
pub const OUTPUT_FOLDERS: [&str; 2] = ["site", "tal"];

/// Checks the folders of a data folder with several plans: a folder's name
/// becomes the plan's folder in `out/` and on the site, so it must be an id,
/// and not one of [`OUTPUT_FOLDERS`]; whatever else the folder holds is not
/// read, and a warning says so.
pub fn plan_folders(data_dir: &std::path::Path, found: &crate::input::PlanFolders, diags: &mut Diagnostics) {
    for (path, is_dir) in &found.others {
        let message = if *is_dir {
            "mappen har ingen plan.yaml og er ikke en plan; den bruges ikke"
        } else {
            "datamappen har én plan i hver mappe, så denne bruges ikke; hører den til en plan, så flyt den ind i planens mappe"
        };
        diags.warning(path, None, message);
    }
    for folder in &found.plans {
        let path = data_dir.join(folder);
        if !is_id(folder) {
            diags.error(
                &path,
                None,
                format!(
                    "mappen «{folder}» med en plan må kun hedde små bogstaver a-z, tal og bindestreg: \
                     navnet bliver planens mappe i out/ og på hjemmesiden"
                ),
            );
        } else if OUTPUT_FOLDERS.contains(&folder.as_str()) {
            diags.error(
                &path,
                None,
                format!("en plan kan ikke ligge i mappen «{folder}»: out/{folder}/ er oversigtens egen; giv mappen et andet navn"),
            );
        }
    }
}

/// Whether `id` is usable as a folder name and in URLs.
pub(crate) fn is_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Reports an id that cannot name a file (ids become chart and page names).
fn check_id(file: &std::path::Path, pos: Option<crate::model::diag::Pos>, id: &str, diags: &mut Diagnostics) {
    if !is_id(id) {
        diags.error(file, pos, format!("id «{id}» må kun indeholde små bogstaver a-z, tal og bindestreg"));
    } else if let Some(message) = too_long(id) {
        diags.error(file, pos, message);
    }
}

/// Why an id is too long, if it is.
fn too_long(id: &str) -> Option<String> {
    (id.len() > MAX_ID)
        .then(|| format!("id «{id}» er {} tegn; et id bliver et filnavn og må højst have {MAX_ID} tegn", id.len()))
}

/// The longest id: an area's id names its page (`<id>.html`) and a chart's
/// file, and file systems take names of at most 255 bytes.
pub const MAX_ID: usize = 64;

/// Reports required text that is empty (or YAML's `~`).
fn check_text(
    file: &std::path::Path,
    pos: Option<crate::model::diag::Pos>,
    field: &str,
    text: &str,
    diags: &mut Diagnostics,
) {
    if text.trim().is_empty() || text.trim() == "~" {
        diags.error(file, pos, format!("«{field}» mangler en tekst"));
    }
}

/// The largest figure accepted: far above any count or rate a plan has, and
/// far below what exact decimal arithmetic can hold.
const MAX_FIGURE: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0); // 10^12

fn validate_indicator(
    src: &Source<RawPlanFile>,
    idx: &str,
    ind: &RawIndicator,
    measures: &BTreeSet<&str>,
    series: &[Series],
    years: std::ops::RangeInclusive<u16>,
    diags: &mut Diagnostics,
) -> Option<Indicator> {
    let file = &src.path;
    let at = |field: &str| src.locator.value(&["indikatorer", idx, field]);
    let errors_before = diags.error_count();
    check_text(file, at("navn"), "navn", &ind.navn, diags);
    check_text(file, at("enhed"), "enhed", &ind.enhed, diags);
    check_text(file, at("datakilde"), "datakilde", &ind.datakilde, diags);
    let known = |field: &str, id: &str, diags: &mut Diagnostics| {
        if !measures.contains(id) {
            diags.error(file, at(field), format!("ukendt måling «{id}»; {}", known("målinger", id, measures.iter())));
        }
    };
    let calc = match (&ind.numerator, &ind.denominator, &ind.skala, &ind.measure) {
        (Some(n), Some(d), Some(s), None) => {
            known("tæller", n, diags);
            known("nævner", d, diags);
            let scale = number(&src.locator, file, at("skala"), s, diags);
            if scale.is_some_and(|s| s <= Decimal::ZERO || !s.fract().is_zero() || s > MAX_FIGURE) {
                diags.error(
                    file,
                    at("skala"),
                    format!("skalaen skal være et helt tal større end 0, fx 100 for procent eller 1000 for promille, ikke {}", s.0),
                );
            }
            Calc::Ratio { numerator: n.clone(), denominator: d.clone(), scale: scale.unwrap_or(Decimal::ONE) }
        }
        (None, None, None, Some(m)) => {
            known("måling", m, diags);
            Calc::Count { measure: m.clone() }
        }
        _ => {
            diags.error(
                file,
                src.locator.key(&["indikatorer", idx, "id"]),
                format!("indikatoren «{}» skal enten have tæller, nævner og skala, eller en måling", ind.id),
            );
            return None;
        }
    };
    let better = match ind.bedre.as_str() {
        "lavere" => Better::Lower,
        "højere" => Better::Higher,
        other => {
            diags.error(file, at("bedre"), format!("«bedre» skal være «lavere» eller «højere», ikke «{other}»"));
            Better::Lower
        }
    };
    if ind.decimaler > 6 {
        diags.error(file, at("decimaler"), format!("højst 6 decimaler, ikke {}", ind.decimaler));
    }
    if let Some(y) = ind.base_year
        && !years.contains(&y)
    {
        diags.error(
            file,
            at("basisår"),
            format!("basisåret {y} ligger uden for planens dataår {}-{}", years.start(), years.end()),
        );
    }
    let what = format!("indikatoren «{}»", ind.id);
    let areas = coverage::areas(file, at("områder"), &what, ind.areas.as_ref(), series, diags);
    (diags.error_count() == errors_before).then(|| Indicator {
        id: ind.id.clone(),
        name: ind.navn.clone(),
        unit: ind.enhed.clone(),
        calc,
        better,
        decimals: ind.decimaler,
        base_year: ind.base_year,
        source: ind.datakilde.clone(),
        headline: ind.headline,
        areas,
    })
}

/// Parses a raw number found at `pos` in the file read by `locator`, reporting a bad one.
fn number(
    locator: &crate::input::locate::Locator,
    file: &std::path::Path,
    pos: Option<crate::model::diag::Pos>,
    raw: &RawNumber,
    diags: &mut Diagnostics,
) -> Option<Decimal> {
    if pos.is_some_and(|p| locator.quoted(p)) {
        diags.error(
            file,
            pos,
            format!(
                "«{}» står i anførselstegn og er derfor tekst, ikke et tal; skriv tallet uden anførselstegn",
                raw.0
            ),
        );
        return None;
    }
    if raw.0.trim().is_empty() || raw.0 == "~" || raw.0 == "null" {
        diags.error(file, pos, "værdien mangler: skriv et tal");
        return None;
    }
    let value = parse_exact(&raw.0).map_err(|e| diags.error(file, pos, e)).ok()?;
    if value.abs() > MAX_FIGURE || value.scale() > 10 {
        diags.error(
            file,
            pos,
            format!("«{}» er uden for det tilladte: højst 1.000.000.000.000 og højst 10 decimaler", raw.0),
        );
        return None;
    }
    Some(value)
}

fn validate_year_file(model: &mut Model, src: &Source<RawYearFile>, diags: &mut Diagnostics) {
    let file = &src.path;
    let (folder, name) = src.rel.split_once('/').unwrap_or(("", &src.rel));
    let Some(series) = model.series.iter().find(|s| s.id == folder) else {
        let areas = list(model.areas().map(|a| &a.id));
        let refs = list(model.series.iter().filter(|s| s.kind == SeriesKind::Reference).map(|s| &s.id));
        let odd = crate::model::text::odd_characters(folder).map(|odd| format!(" ({odd})")).unwrap_or_default();
        diags.error(
            file,
            None,
            format!("ukendt område «{folder}»{odd}: mappen skal hedde som et område i plan.yaml ({areas}), en reference ({refs}), «{TOTAL_ID}», «{STATUS_DIR}» eller «{SPENDING_DIR}»"),
        );
        return;
    };
    let stem = yaml_stem(name);
    let year = match stem.parse::<u16>() {
        Ok(y) if stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()) => y,
        _ => {
            diags.error(file, None, format!("filnavnet «{name}» skal være et årstal, fx 2018.yaml"));
            return;
        }
    };
    if !(model.plan.first_year..=model.plan.last_year).contains(&year) {
        diags.error(
            file,
            None,
            format!(
                "året {year} ligger uden for planens dataår {}-{} (plan.yaml: dataår)",
                model.plan.first_year, model.plan.last_year
            ),
        );
        return;
    }
    let raw = &src.content;
    let kind = series.kind;
    let all_example = matches!(raw.eksempeldata, RawExample::All(true));
    let listed: &[String] = match &raw.eksempeldata {
        RawExample::Keys(keys) => keys,
        _ => &[],
    };
    let in_halves =
        |key: &str| [&raw.h1, &raw.h2].iter().any(|h| h.as_ref().is_some_and(|h| h.antal.contains_key(key)));
    for (i, key) in listed.iter().enumerate() {
        if !raw.antal.contains_key(key) && !raw.values.contains_key(key) && !in_halves(key) {
            diags.error(
                file,
                src.locator.value(&["eksempeldata", &i.to_string()]),
                format!("«{key}» står under eksempeldata, men ikke under antal, værdier eller h1/h2 i filen"),
            );
        }
    }
    let example_keys: BTreeSet<&str> = listed.iter().map(String::as_str).collect();
    let is_example = |key: &str| all_example || example_keys.contains(key);

    let counts_of = |section: &[&str], map: &BTreeMap<String, Option<RawNumber>>, diags: &mut Diagnostics| {
        let mut out = BTreeMap::new();
        for (key, raw_value) in map {
            let path: Vec<&str> = section.iter().copied().chain([key.as_str()]).collect();
            if model.measure(key).is_none() && diags.is_full(file) {
                // Only counted: no need to look for a similar name.
                diags.error(file, None, format!("ukendt måling «{key}»"));
                continue;
            }
            if model.measure(key).is_none() {
                let hint = if model.indicators.iter().any(|i| &i.id == key) {
                    format!(" («{key}» er en indikator; dens værdi skrives under værdier:)")
                } else {
                    String::new()
                };
                diags.error(
                    file,
                    src.locator.key(&path),
                    format!(
                        "ukendt måling «{key}»; {}{hint}",
                        known("målinger", key, model.measures.iter().map(|m| &m.id))
                    ),
                );
                continue;
            }
            // Left blank: not entered yet (`helhed check` lists it if it is due).
            let Some(raw_value) = raw_value else { continue };
            let pos = src.locator.value(&path);
            let Some(value) = number(&src.locator, file, pos, raw_value, diags) else { continue };
            if value < Decimal::ZERO {
                diags.error(
                    file,
                    pos,
                    format!("negativt antal for «{key}»: {}; et antal er 0 eller derover", raw_value.0),
                );
                continue;
            }
            if !value.fract().is_zero() {
                diags.error(file, pos, format!("antallet for «{key}» skal være et helt tal, ikke {}", raw_value.0));
                continue;
            }
            out.insert(key.clone(), Figure { value, example: is_example(key) });
        }
        out
    };
    let counts = counts_of(&["antal"], &raw.antal, diags);
    let halves = [
        raw.h1.as_ref().map(|h| counts_of(&["h1", "antal"], &h.antal, diags)),
        raw.h2.as_ref().map(|h| counts_of(&["h2", "antal"], &h.antal, diags)),
    ];

    let mut values = BTreeMap::new();
    for (key, raw_value) in &raw.values {
        let path = ["værdier", key.as_str()];
        let Some(indicator) = model.indicators.iter().find(|i| &i.id == key) else {
            if diags.is_full(file) {
                diags.error(file, None, format!("ukendt indikator «{key}»"));
                continue;
            }
            let hint = if model.measure(key).is_some() {
                format!(" («{key}» er en måling; den skrives under antal:)")
            } else {
                String::new()
            };
            diags.error(
                file,
                src.locator.key(&path),
                format!(
                    "ukendt indikator «{key}»; {}{hint}",
                    known("indikatorer", key, model.indicators.iter().map(|i| &i.id))
                ),
            );
            continue;
        };
        let pos = src.locator.value(&path);
        let Some(value) = number(&src.locator, file, pos, raw_value, diags) else { continue };
        if value < Decimal::ZERO {
            diags.error(file, pos, format!("negativ værdi for «{key}»: {}", raw_value.0));
            continue;
        }
        if indicator.is_percentage() && value > Decimal::ONE_HUNDRED {
            diags.error(file, pos, format!("andelen «{key}» er {} %, men en andel kan højst være 100 %", raw_value.0));
            continue;
        }
        if let Calc::Count { measure } = &indicator.calc {
            if counts.contains_key(measure) {
                diags.error(
                    file,
                    src.locator.key(&path),
                    format!(
                        "«{key}» er både oplyst under værdier og talt under antal («{measure}»); angiv kun det ene"
                    ),
                );
                continue;
            }
            if !value.fract().is_zero() {
                diags.error(file, pos, format!("«{key}» er et antal og skal være et helt tal, ikke {}", raw_value.0));
                continue;
            }
        }
        if let Calc::Ratio { numerator, denominator, .. } = &indicator.calc
            && counts.contains_key(numerator)
            && counts.contains_key(denominator)
        {
            diags.error(
                    file,
                    src.locator.key(&path),
                    format!("«{key}» er både oplyst direkte og kan beregnes af antal ({numerator} og {denominator}); angiv kun det ene"),
                );
            continue;
        }
        values.insert(key.clone(), Figure { value, example: is_example(key) });
    }

    // Ratios whose counts are both given must be computable.
    for indicator in &model.indicators {
        let Calc::Ratio { numerator, denominator, .. } = &indicator.calc else { continue };
        let (Some(n), Some(d)) = (counts.get(numerator), counts.get(denominator)) else { continue };
        let den_pos = src.locator.value(&["antal", denominator]);
        if d.value.is_zero() {
            diags.error(
                file,
                den_pos,
                format!(
                    "nævneren «{denominator}» er 0, så «{}» kan ikke beregnes; ret tallet eller fjern «{numerator}»",
                    indicator.id
                ),
            );
        } else if indicator.is_percentage() && n.value > d.value {
            diags.error(
                file,
                src.locator.value(&["antal", numerator]),
                format!(
                    "«{numerator}» ({}) er større end «{denominator}» ({}): andelen «{}» ville være over 100 %",
                    n.value, d.value, indicator.id
                ),
            );
        }
    }

    if let [Some(h1), Some(h2)] = &halves {
        for (measure, year_count) in &counts {
            if let (Some(a), Some(b)) = (h1.get(measure), h2.get(measure))
                && a.value + b.value != year_count.value
            {
                diags.error(
                    file,
                    src.locator.value(&["antal", measure]),
                    format!(
                        "«{measure}» for året er {}, men 1. og 2. halvår giver tilsammen {}",
                        year_count.value,
                        a.value + b.value
                    ),
                );
            }
        }
    }
    if kind == SeriesKind::Reference && (raw.h1.is_some() || raw.h2.is_some()) {
        let pos = src.locator.get(&["h1"]).or_else(|| src.locator.get(&["h2"])).map(|l| l.key);
        diags.error(file, pos, "en referenceserie har ikke halvårstal (h1/h2)");
    }
    let blank = |h: &Option<crate::input::raw::RawHalf>| -> Vec<String> {
        h.as_ref()
            .map_or_else(Vec::new, |h| h.antal.iter().filter(|(_, v)| v.is_none()).map(|(k, _)| k.clone()).collect())
    };
    let blank_halves = [blank(&raw.h1), blank(&raw.h2)];
    let mut figures =
        YearFigures { counts, values, halves, blank_halves, file: file.clone(), ..YearFigures::default() };
    for section in imported::sections(raw) {
        let (withheld, sources) = imported::withheld_and_sources(model, src, &section, diags);
        match section.half {
            None => (figures.withheld, figures.sources) = (withheld, sources),
            Some(i) => (figures.withheld_halves[i], figures.half_sources[i]) = (withheld, sources),
        }
    }
    let years = model.figures.entry(series.id.clone()).or_default();
    if let Some(first) = years.get(&year) {
        diags.error(
            file,
            None,
            format!("året {year} har allerede tal i {}; der må kun være én fil pr. år", first.file.display()),
        );
        return;
    }
    years.insert(year, figures);
}

fn validate_status_file(
    model: &mut Model,
    src: &Source<crate::input::raw::RawStatusFile>,
    written: &BTreeSet<&str>,
    diags: &mut Diagnostics,
) {
    let name = src.rel.rsplit('/').next().unwrap_or(&src.rel);
    let stem = yaml_stem(name);
    let period = match stem.parse::<Period>() {
        Ok(p) => p,
        Err(_) => {
            diags.error(&src.path, None, format!("filnavnet «{name}» skal være et halvår, fx 2018-h2.yaml"));
            return;
        }
    };
    if !(model.plan.first_year..=model.plan.last_year).contains(&period.year) {
        diags.error(
            &src.path,
            None,
            format!(
                "halvåret {} ligger uden for planens dataår {}-{}",
                period.danish(),
                model.plan.first_year,
                model.plan.last_year
            ),
        );
        return;
    }
    if model.status.contains_key(&period) {
        diags.error(
            &src.path,
            None,
            format!("halvåret {} har allerede en statusfil; der må kun være én", period.danish()),
        );
        return;
    }
    let raw = &src.content;
    let assessments = criteria::assessments(model, src, &raw.assessments, written, diags);
    let activities = criteria::activity_statuses(model, src, diags);
    model.status.insert(
        period,
        Status {
            summary: raw.sammenfatning.clone(),
            example: raw.eksempeldata,
            assessments,
            activities,
            to_board: raw.til_bestyrelsen.clone(),
        },
    );
}
