//! The public website, `out/site/`: a static summary of the plan for
//! residents, journalists and politicians, readable on a phone and copied as
//! it is to any web host.
//!
//! The pages are built from the same computed figures as the board's PDFs,
//! but through a public filter ([`Public`]): a count of people below the
//! plan's threshold (`diskretionsgrænse`, default 5) is shown as `<5`, a
//! figure computed from such a count is hidden (so is *samlet* that year:
//! with the other areas shown it would give the count away), and internal
//! fields (the note to the board) are simply not part of the site's model.
//! Templates are minijinja with HTML autoescaping, so text from the data is
//! always text; the only markup passed through unescaped is the chart SVG
//! that Plotters writes (Plotters escapes the text in it).

use crate::eval::Evaluated;
use crate::eval::goals::{CriterionResult, Evaluation};
use crate::eval::lists::ModelListResult;
use crate::eval::public::{Hidden, Public};
use crate::eval::values::{Trend, Value};
use crate::model::text::{format_da, format_da_plain, join_names};
use crate::model::{Indicator, Model, Period, SeriesKind};
use crate::present::charts::{self, Canvas, TargetLine};
use crate::present::prose::{self, Block};
use crate::present::report::{self, CountView, ListView, PeriodView, PlanView, StatusMark};
pub use crate::present::site_front::{SiteBudget, UnmetView};
use crate::present::site_front::{site_budget, unmet};
use serde::Serialize;

/// The folder under `out/` the site is written to.
pub const SITE_DIR: &str = "site";

/// The templates of the site, under `site/` in the templates folder.
pub const PAGES: [&str; 3] = ["site/index.html", "site/omraade.html", "site/metode.html"];

/// The stylesheet, copied as it is.
pub const STYLESHEET: &str = "site/style.css";

const DASH: &str = "–";
pub(crate) const HIDDEN: &str = "skjult";

/// One page of the site: which template renders it, into which file under
/// [`SITE_DIR`], with which data.
#[derive(Debug, Clone)]
pub struct Page {
    /// The template, e.g. `site/index.html`.
    pub template: &'static str,
    /// The file name, e.g. `index.html`.
    pub file: String,
    /// What the template sees.
    pub data: PageData,
    /// The figures the page shows, for its CSV file beside it (same name,
    /// `.csv`); none for a page without figures.
    pub csv: Option<CsvTable>,
}

/// A page's figures as a table for a spreadsheet: one row per value, with
/// the header first. Values are Danish numbers without thousands
/// separators (`1186,5`); a value the page does not show is empty, with
/// the reason in the last column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    /// The column names.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

/// The CSV's columns.
const CSV_HEADER: [&str; 7] = ["Indikator", "Enhed", "Serie", "Slags", "År", "Værdi", "Bemærkning"];

/// What a page's template sees: the names are the templates' variables.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum PageData {
    /// The front page: the headline indicators and the status counts.
    Index {
        /// The plan and its areas.
        site: SiteView,
        /// The page's id.
        side: &'static str,
        /// Whether the page shows an illustrative figure or text.
        eksempel: bool,
        /// Its CSV file, `index.csv`.
        csv: Option<String>,
        /// Every area, with its page and list status.
        #[serde(rename = "områder")]
        omraader: Vec<AreaLink>,
        /// The headline indicators, all areas.
        #[serde(rename = "nøgletal")]
        noegletal: Vec<FigureView>,
        /// How many criteria have each status.
        status_antal: Vec<CountView>,
        /// The criteria not met, each with the series that do not meet it.
        ikke_opfyldt: Vec<UnmetView>,
        /// Each area's list status.
        lister: Vec<ListView>,
        /// What the plan costs and has spent, if it has a budget.
        budget: Option<SiteBudget>,
    },
    /// An area's page: its indicators and the activities' status.
    Area {
        /// The plan and its areas.
        site: SiteView,
        /// The page's id: the area's.
        side: String,
        /// Whether the page shows an illustrative figure or text.
        eksempel: bool,
        /// Its CSV file: `motalavej.csv`.
        csv: Option<String>,
        /// The area's list status, if the plan has list figures for it.
        liste: Option<ListView>,
        /// The area.
        #[serde(rename = "område")]
        omraade: AreaLink,
        /// Its indicators.
        figurer: Vec<FigureView>,
        /// The activities per strand of work.
        #[serde(rename = "indsatsområder")]
        indsatsomraader: Vec<FocusActivities>,
    },
    /// The front page of a data folder with several plans (see
    /// [`crate::present::overview`]).
    Plans {
        /// The overview.
        #[serde(flatten)]
        oversigt: Box<crate::present::overview::Overview>,
        /// `helhed 0.1.0`.
        generator: String,
    },
    /// Method and sources.
    Method {
        /// The plan and its areas.
        site: SiteView,
        /// The page's id.
        side: &'static str,
        /// Whether the page shows an illustrative figure or text.
        eksempel: bool,
        /// Its CSV file: none, the page shows no figures.
        csv: Option<String>,
        /// How each indicator is computed.
        indikatorer: Vec<MethodView>,
        /// Measures shown even when small.
        uden_diskretion: Vec<String>,
    },
}

/// What every page knows: the plan, the areas, when the figures are from.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// The plan.
    pub plan: PlanView,
    /// The plan in two sentences.
    pub beskrivelse: String,
    /// The half-year reported on.
    pub periode: PeriodView,
    /// When the figures were last updated: `15. januar 2019`.
    pub opdateret: String,
    /// The areas in every page's navigation: all of them, or none when there
    /// are more than [`NAV_AREAS`] (then the navigation links to the front
    /// page's list, and a page does not grow with the number of areas).
    #[serde(rename = "områder")]
    pub omraader: Vec<AreaLink>,
    /// How many areas the plan has.
    #[serde(rename = "antal_områder")]
    pub antal_omraader: usize,
    /// The suppression threshold: `5`.
    #[serde(rename = "diskretionsgrænse")]
    pub diskretionsgraense: u32,
    /// Whether any figure shown is illustrative.
    pub eksempeldata: bool,
    /// `helhed 0.1.0`.
    pub generator: String,
    /// Whether the site is one of several plans' under an overview one
    /// folder up (`../index.html`).
    pub alle_planer: bool,
}

/// An area and its page.
#[derive(Debug, Clone, Serialize)]
pub struct AreaLink {
    /// Id.
    pub id: String,
    /// Name.
    pub navn: String,
    /// Town.
    pub by: Option<String>,
    /// Its page: `motalavej.html`.
    pub fil: String,
    /// Its list status (`Udsat boligområde`, `Ikke på nogen liste`), if the
    /// plan has list figures for it; ` (beregnet)` when a forecast.
    pub liste: Option<String>,
    /// Whether the list status builds on illustrative figures.
    pub liste_eksempel: bool,
}

/// An indicator on a page: chart, the same numbers as a table, and its
/// success criteria.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    /// Indicator id.
    pub id: String,
    /// Name.
    pub navn: String,
    /// Name with unit.
    pub titel: String,
    /// The chart.
    pub graf: ChartView,
    /// The chart's numbers.
    pub tabel: TableView,
    /// The success criteria measured on it, with a line per series shown.
    #[serde(rename = "mål")]
    pub maal: Vec<GoalGroup>,
    /// Where the figures come from.
    pub datakilde: String,
    /// Whether a figure was hidden for discretion.
    pub skjult: bool,
    /// Whether a figure shown is illustrative.
    pub eksempel: bool,
    /// The unit, for the CSV.
    #[serde(skip)]
    pub enhed: String,
    /// For the CSV, per row of the table and year: the value without
    /// thousands separators (empty when the page does not show it), and a
    /// remark.
    #[serde(skip)]
    pub csv: Vec<Vec<(String, String)>>,
}

/// A chart: inline SVG drawn for a phone and for a wider screen (the page
/// shows the one that fits), a title and a description from its data, and
/// the legend as text.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// Unique on its page: `graf-kriminalitet`.
    pub id: String,
    /// Drawn for a screen up to 40rem wide.
    pub smal: SvgView,
    /// Drawn for a wider screen.
    pub bred: SvgView,
    /// Short title.
    pub titel: String,
    /// What it shows, in words.
    pub beskrivelse: String,
    /// The legend: each line's sample and name.
    pub forklaring: Vec<LegendView>,
}

/// One drawing of a chart.
#[derive(Debug, Clone, Serialize)]
pub struct SvgView {
    /// `0 0 640 400`.
    pub viewbox: String,
    /// The SVG's content, without its outer element (Plotters output).
    pub indhold: String,
}

/// An entry of a chart's legend.
#[derive(Debug, Clone, Serialize)]
pub struct LegendView {
    /// The series or target line.
    pub navn: String,
    /// The line's sample: a small SVG with no text, hidden from screen readers.
    pub tegn: String,
}

/// A table of an indicator's values.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    /// The years.
    #[serde(rename = "år")]
    pub aar: Vec<String>,
    /// One row per series.
    #[serde(rename = "rækker")]
    pub raekker: Vec<TableRow>,
}

/// One series' values.
#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    /// Series name.
    pub navn: String,
    /// `område`, `samlet` or `reference`.
    pub slags: SeriesKind,
    /// One per year.
    pub celler: Vec<CellView>,
}

/// A value in a table.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// `34,2`, `<5`, `skjult` or `–`.
    pub tekst: String,
    /// Whether it is illustrative (marked `*`).
    pub eksempel: bool,
}

/// A success criterion and its results for the series shown.
#[derive(Debug, Clone, Serialize)]
pub struct GoalGroup {
    /// The criterion as the plan words it.
    pub kriterium: String,
    /// One per series shown.
    pub resultater: Vec<GoalView>,
}

/// A success criterion's result for one series.
#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    /// Series name.
    pub serie: String,
    /// Status.
    pub status: StatusMark,
    /// The year judged.
    pub periode: String,
    /// The value: `25,0`, `skjult` or `–`.
    #[serde(rename = "værdi")]
    pub vaerdi: String,
    /// Whether the value is illustrative.
    pub eksempel: bool,
    /// The requirement: `højst 26,4`.
    pub krav: String,
}

/// The activities of a strand of work, with their status.
#[derive(Debug, Clone, Serialize)]
pub struct FocusActivities {
    /// Strand of work.
    pub navn: String,
    /// Its activities.
    pub aktiviteter: Vec<ActivityStatus>,
}

/// An activity and how it went in the half-year.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityStatus {
    /// Name.
    pub navn: String,
    /// What it is: paragraphs and lists.
    pub beskrivelse: Vec<Block>,
    /// Its points (`delpunkter`), which the description leads into.
    pub delpunkter: Vec<String>,
    /// The areas it runs in, when not all of the plan's: `Motalavej og Sydbyen`.
    #[serde(rename = "områder")]
    pub omraader: Option<String>,
    /// The half-year's status as the secretariat wrote it: paragraphs and lists.
    pub status: Vec<Block>,
}

/// How an indicator is computed, for the method page.
#[derive(Debug, Clone, Serialize)]
pub struct MethodView {
    /// Name with unit.
    pub titel: String,
    /// How it is computed.
    pub beregning: String,
    /// Where it comes from.
    pub datakilde: String,
}

/// The most areas the navigation names one by one; a plan with more has a
/// single link to the front page's list of areas.
pub const NAV_AREAS: usize = 8;

/// Every page of the site: its template, its file and its data.
pub fn pages(model: &Model, evaluated: &Evaluated) -> Vec<Page> {
    let mut pages = Vec::new();
    each_page(model, evaluated, |page| pages.push(page));
    pages
}

/// Every page of the site, each handed to `emit` as soon as it is made, so
/// that a plan of many areas never holds all its pages (with their charts)
/// at once.
pub fn each_page(model: &Model, evaluated: &Evaluated, mut emit: impl FnMut(Page)) {
    let period = evaluated.period;
    let public = Public::new(model);
    let results = &evaluated.criteria;
    let trends = &evaluated.trends;
    let status = model.status.get(&period);
    let status_example = status.is_some_and(|s| s.example);
    // The lists without their figures: an outcome and which criteria hold
    // are public, but a list's figures may build on a count of few persons.
    let lister: Vec<ListView> = report::list_views(model, &evaluated.lists)
        .into_iter()
        .map(|mut l| {
            for c in &mut l.kriterier {
                c.tekst = format!("{}.", c.navn);
            }
            l
        })
        .collect();
    let areas: Vec<AreaLink> = model
        .areas()
        .map(|a| {
            let list = lister.iter().find(|l| l.id == a.id);
            AreaLink {
                id: a.id.clone(),
                navn: a.name.clone(),
                by: a.town.clone(),
                fil: format!("{}.html", a.id),
                liste: list.map(|l| format!("{}{}", l.udfald, if l.prognose { " (beregnet)" } else { "" })),
                liste_eksempel: list.is_some_and(|l| l.eksempel),
            }
        })
        .collect();

    // Indicators with a trend to show: three years or more, as in the statusrapport.
    let shown: Vec<(&Indicator, &Trend)> =
        model.indicators.iter().zip(trends).filter(|(_, t)| t.years.len() >= report::MIN_TREND_YEARS).collect();
    let figure = |i: &Indicator, t: &Trend, area: Option<&str>| {
        figure_view(&public, results, &evaluated.lists, i, t, area, period)
    };

    // The front page: the headline indicators for all areas, the status
    // counts, the criteria not met, the lists and the budget.
    let headline: Vec<FigureView> = shown.iter().filter(|(i, _)| i.headline).map(|(i, t)| figure(i, t, None)).collect();
    let budget = evaluated.budget_to_period.as_ref().map(|b| site_budget(model, b, period));
    let first_page = areas.first().map(|a| a.fil.as_str());
    let ikke_opfyldt = unmet(&public, results, trends, &shown, first_page, period);
    let eksempel = headline.iter().any(|f| f.eksempel)
        || lister.iter().any(|l| l.eksempel)
        || budget.as_ref().is_some_and(|b| b.eksempel);

    // The footer's notice, on every page: whether the site shows an
    // illustrative figure or text anywhere. Told before the first page is
    // made, from the figures themselves: a shown value, a result or a
    // status text that is an example.
    let any = eksempel
        || shown.iter().any(|(_, t)| t.rows.iter().flat_map(|r| &r.points).any(|p| p.value.is_some_and(|v| v.example)))
        || results.iter().flat_map(|r| &r.evaluations).any(|e| e.example)
        || (status_example && !model.activities.is_empty());

    let site = SiteView {
        plan: report::plan_view(model),
        beskrivelse: description(model),
        periode: PeriodView { id: period.to_string(), tekst: period.danish() },
        opdateret: model.plan.data_date.danish(),
        omraader: if areas.len() <= NAV_AREAS { areas.clone() } else { Vec::new() },
        antal_omraader: areas.len(),
        diskretionsgraense: model.plan.suppress_below,
        eksempeldata: any,
        generator: format!("helhed {}", env!("CARGO_PKG_VERSION")),
        alle_planer: false,
    };

    emit(Page {
        template: "site/index.html",
        file: "index.html".into(),
        csv: Some(csv_table(&headline)),
        data: PageData::Index {
            site: site.clone(),
            side: "index",
            eksempel,
            csv: Some("index.csv".into()),
            omraader: areas.clone(),
            noegletal: headline,
            status_antal: report::count_views(model, results),
            ikke_opfyldt,
            lister: lister.clone(),
            budget,
        },
    });

    // One page per area: its indicators, its list and its activities' status.
    for area in &areas {
        let figures: Vec<FigureView> = shown.iter().map(|(i, t)| figure(i, t, Some(&area.id))).collect();
        let activities = activity_statuses(model, period, &area.id);
        let liste = lister.iter().find(|l| l.id == area.id).cloned();
        let eksempel = figures.iter().any(|f| f.eksempel)
            || (status_example && activities.iter().flat_map(|f| &f.aktiviteter).any(|a| !a.status.is_empty()))
            || liste.as_ref().is_some_and(|l| l.eksempel);
        let csv_file = format!("{}.csv", area.id);
        emit(Page {
            template: "site/omraade.html",
            file: area.fil.clone(),
            csv: Some(csv_table(&figures)),
            data: PageData::Area {
                site: site.clone(),
                side: area.id.clone(),
                eksempel,
                csv: Some(csv_file),
                liste,
                omraade: area.clone(),
                figurer: figures,
                indsatsomraader: activities,
            },
        });
    }

    // Method and sources.
    let metode: Vec<MethodView> = model
        .indicators
        .iter()
        .map(|i| MethodView {
            titel: report::indicator_title(i),
            beregning: report::method_text(model, i),
            datakilde: i.source.clone(),
        })
        .collect();
    let uden_diskretion: Vec<String> =
        model.measures.iter().filter(|m| !m.suppress_small).map(crate::present::words::shown_always).collect();
    emit(Page {
        template: "site/metode.html",
        file: "metode.html".into(),
        csv: None,
        data: PageData::Method {
            site,
            side: "metode",
            eksempel: false,
            csv: None,
            indikatorer: metode,
            uden_diskretion,
        },
    });
}

/// Makes every page link to the overview of all plans one folder up.
pub fn link_plans(pages: &mut [Page]) {
    for page in pages {
        match &mut page.data {
            PageData::Index { site, .. } | PageData::Area { site, .. } | PageData::Method { site, .. } => {
                site.alle_planer = true;
            }
            PageData::Plans { .. } => {}
        }
    }
}

/// The front page of a data folder with several plans: `index.html` of the
/// folder's site, above each plan's own site in its folder.
pub fn plans_page(mut overview: crate::present::overview::Overview) -> Page {
    // Only the figures as the plans' sites may show them reach the template.
    overview.noegletal.clear();
    for plan in &mut overview.planer {
        plan.noegletal.clear();
    }
    Page {
        template: "site/oversigt.html",
        file: "index.html".into(),
        csv: None,
        data: PageData::Plans {
            oversigt: Box::new(overview),
            generator: format!("helhed {}", env!("CARGO_PKG_VERSION")),
        },
    }
}

/// A success criterion's result for one series as the public may see it:
/// a value built on a small count of persons is `skjult`, and so is a
/// requirement built on such a value.
pub(crate) fn goal_view(
    public: &Public,
    indicator: &Indicator,
    trend: &Trend,
    hidden_series: &[&str],
    e: &Evaluation,
) -> GoalView {
    let hidden = public.evaluation_hidden(indicator, trend, e);
    let requirement_hidden = hidden_series.contains(&e.series.as_str());
    let fmt = |v| crate::present::criteria::figure(Some(indicator), v, e.decimals);
    GoalView {
        serie: e.name.clone(),
        status: e.status.into(),
        periode: e.when.map_or_else(|| DASH.into(), |w| w.to_string()),
        vaerdi: match e.value {
            _ if hidden => HIDDEN.into(),
            Some(v) => fmt(v),
            None => DASH.into(),
        },
        eksempel: e.example && !hidden && e.value.is_some(),
        krav: match e.requirement {
            _ if requirement_hidden => HIDDEN.into(),
            Some(q) => format!("{} {}", q.cmp.danish(), fmt(q.value)),
            None => DASH.into(),
        },
    }
}

/// The plan in two sentences, from its data.
fn description(model: &Model) -> String {
    let plan = &model.plan;
    let areas: Vec<&str> = model.areas().map(|a| a.name.as_str()).collect();
    // Every page has the description: many areas are counted, not named.
    let named = if areas.len() <= NAV_AREAS { join_names(&areas) } else { format!("{} boligområder", areas.len()) };
    let mut first = format!("{} er en boligsocial helhedsplan for {named}", plan.name);
    if let Some(m) = &plan.municipality {
        first.push_str(&format!(" i {m}"));
    }
    let focus: Vec<String> = model.focus_areas.iter().map(|f| f.name.to_lowercase()).collect();
    let mut second = format!("Den løber fra {} til {}", plan.start.danish(), plan.end.danish());
    if !focus.is_empty() {
        second.push_str(&format!(
            " og arbejder med {}",
            join_names(&focus.iter().map(String::as_str).collect::<Vec<_>>())
        ));
    }
    format!("{first}. {second}.")
}

/// A value as the page's table shows it (the figure, `<5`, `skjult` or a
/// dash) and as the page's CSV holds it (the figure without thousands
/// separators, or empty, and a remark), from one judgement of whether it may
/// be published. A series of `kind` samlet hidden for an area's small count
/// says so.
fn public_value(
    public: &Public,
    indicator: &Indicator,
    kind: SeriesKind,
    value: Option<&Value>,
) -> (CellView, (String, String)) {
    let below = public.below;
    let hidden = |tekst: String, remark: String| (CellView { tekst, eksempel: false }, (String::new(), remark));
    let Some(v) = value else { return hidden(DASH.into(), "intet tal".into()) };
    match public.hides(indicator, v) {
        Some(Hidden::SmallCount) => hidden(format!("<{below}"), format!("under {below}")),
        Some(Hidden::FromSmallCount) if kind == SeriesKind::Total => {
            hidden(HIDDEN.into(), format!("skjult: ellers kunne et områdes antal under {below} regnes ud"))
        }
        Some(Hidden::FromSmallCount) => hidden(HIDDEN.into(), format!("skjult: bygger på et antal under {below}")),
        None => {
            let decimals = report::shown_decimals(indicator, v);
            let remark = if v.example { "eksempeltal" } else { "" };
            (
                CellView { tekst: format_da(v.value, decimals), eksempel: v.example },
                (format_da_plain(v.value, decimals), remark.to_string()),
            )
        }
    }
}

/// An indicator's chart, table and goals, for all series or for one area
/// (with *samlet* and the references beside it).
fn figure_view(
    public: &Public,
    results: &[CriterionResult],
    lists: &[ModelListResult],
    indicator: &Indicator,
    trend: &Trend,
    area: Option<&str>,
    period: Period,
) -> FigureView {
    // An area's page copies only its own row, not every area's.
    let own;
    let trend = match area {
        Some(area) => {
            own = Trend {
                indicator: trend.indicator.clone(),
                years: trend.years.clone(),
                rows: trend.rows.iter().filter(|r| r.kind != SeriesKind::Area || r.series == area).cloned().collect(),
            };
            &own
        }
        None => trend,
    };
    let public_trend = public.trend(indicator, trend);
    let hidden_series: Vec<&str> = trend
        .rows
        .iter()
        .map(|r| r.series.as_str())
        .filter(|s| public.series_hidden(indicator, trend, s, period))
        .collect();
    let skjult = !hidden_series.is_empty();
    let mut targets: Vec<TargetLine> = charts::target_lines(results, indicator, &public_trend);
    targets.retain(|t| t.series.iter().all(|s| !hidden_series.contains(&s.as_str())));
    targets.extend(charts::list_threshold_lines(lists, indicator, &public_trend));
    let model = public.model;
    let svg = |canvas| svg_view(&charts::chart(model, indicator, &public_trend, &targets, canvas));
    let graf = ChartView {
        id: format!("graf-{}", indicator.id),
        smal: svg(Canvas::NARROW),
        bred: svg(Canvas::WIDE),
        titel: indicator.name.clone(),
        beskrivelse: charts::alt_text(indicator, &public_trend, &targets),
        forklaring: charts::legend(model, &public_trend, &targets)
            .into_iter()
            .map(|k| LegendView { navn: k.name, tegn: k.sample })
            .collect(),
    };
    let (raekker, csv): (Vec<TableRow>, Vec<Vec<(String, String)>>) = trend
        .rows
        .iter()
        .map(|r| {
            let (celler, csv) = trend
                .years
                .iter()
                .map(|&y| public_value(public, indicator, r.kind, r.at(y).and_then(|p| p.value.as_ref())))
                .unzip();
            (TableRow { navn: r.name.clone(), slags: r.kind, celler }, csv)
        })
        .unzip();
    let tabel = TableView { aar: trend.years.iter().map(u16::to_string).collect(), raekker };
    let shown: Vec<&str> = trend.rows.iter().map(|r| r.series.as_str()).collect();
    let goal = |e: &Evaluation| goal_view(public, indicator, trend, &hidden_series, e);
    let maal: Vec<GoalGroup> = results
        .iter()
        .filter(|r| r.indicator.as_deref() == Some(indicator.id.as_str()))
        .map(|r| GoalGroup {
            kriterium: prose::keep_units(&r.text),
            resultater: r.evaluations.iter().filter(|e| shown.contains(&e.series.as_str())).map(goal).collect(),
        })
        .filter(|g| !g.resultater.is_empty())
        .collect();
    let eksempel = tabel.raekker.iter().flat_map(|r| &r.celler).any(|c| c.eksempel)
        || maal.iter().flat_map(|g| &g.resultater).any(|r| r.eksempel);
    FigureView {
        id: indicator.id.clone(),
        navn: indicator.name.clone(),
        titel: report::indicator_title(indicator),
        graf,
        tabel,
        maal,
        datakilde: indicator.source.clone(),
        skjult,
        eksempel,
        enhed: indicator.unit.clone(),
        csv,
    }
}

/// Splits Plotters' SVG into its view box and content, so the template can
/// write the outer `<svg>` with a title and description for screen readers.
fn svg_view(svg: &str) -> SvgView {
    let open_end = svg.find('>').map_or(0, |i| i + 1);
    let open = &svg[..open_end];
    let attr = |name: &str| {
        let key = format!("{name}=\"");
        open.find(&key).and_then(|i| open[i + key.len()..].split('"').next()).unwrap_or("0").to_string()
    };
    let viewbox = format!("0 0 {} {}", attr("width"), attr("height"));
    let body = svg[open_end..].trim_end();
    let body = body.strip_suffix("</svg>").unwrap_or(body).trim().to_string();
    SvgView { viewbox, indhold: body }
}

/// The figures of a page's indicators, one row per value, as the page shows
/// them: a value hidden there is empty here, with the reason.
fn csv_table(figures: &[FigureView]) -> CsvTable {
    let mut rows = Vec::new();
    for f in figures {
        for (row, values) in f.tabel.raekker.iter().zip(&f.csv) {
            for (year, value) in f.tabel.aar.iter().zip(values) {
                rows.push(vec![
                    f.navn.clone(),
                    f.enhed.clone(),
                    row.navn.clone(),
                    row.slags.danish().to_string(),
                    year.clone(),
                    value.0.clone(),
                    value.1.clone(),
                ]);
            }
        }
    }
    CsvTable { header: CSV_HEADER.iter().map(|h| (*h).to_string()).collect(), rows }
}

/// The activities that run in `area`, per strand of work, with the
/// half-year's status prose.
fn activity_statuses(model: &Model, period: Period, area: &str) -> Vec<FocusActivities> {
    let status = model.status.get(&period);
    model
        .focus_areas
        .iter()
        .map(|f| FocusActivities {
            navn: f.name.clone(),
            aktiviteter: model
                .activities
                .iter()
                .filter(|a| a.focus_area == f.id)
                .filter(|a| a.areas.as_ref().is_none_or(|ids| ids.iter().any(|id| id == area)))
                .map(|a| ActivityStatus {
                    navn: a.name.clone(),
                    beskrivelse: a.description.as_deref().map(prose::blocks).unwrap_or_default(),
                    delpunkter: a.points.iter().map(|p| prose::keep_units(p)).collect(),
                    omraader: a.areas.as_ref().map(|ids| report::area_names(model, ids)),
                    status: status.and_then(|s| s.activities.get(&a.id)).map(|t| prose::blocks(t)).unwrap_or_default(),
                })
                .collect(),
        })
        .filter(|f| !f.aktiviteter.is_empty())
        .collect()
}
