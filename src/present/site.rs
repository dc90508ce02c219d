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
use crate::eval::public::{Hidden, Public};
use crate::eval::values::{Trend, Value};
use crate::model::text::format_da;
use crate::model::text::join_names;
use crate::model::{Indicator, Model, Period, SeriesKind};
use crate::present::charts::{self, TargetLine};
use crate::present::report::{self, CountView, PeriodView, PlanView, StatusMark};
use serde::Serialize;

/// The folder under `out/` the site is written to.
pub const SITE_DIR: &str = "site";

/// The templates of the site, under `site/` in the templates folder.
pub const PAGES: [&str; 3] = ["site/index.html", "site/omraade.html", "site/metode.html"];

/// The stylesheet, copied as it is.
pub const STYLESHEET: &str = "site/style.css";

const DASH: &str = "–";
const HIDDEN: &str = "skjult";

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
}

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
        /// The headline indicators, all areas.
        #[serde(rename = "nøgletal")]
        noegletal: Vec<FigureView>,
        /// How many criteria have each status.
        status_antal: Vec<CountView>,
    },
    /// An area's page: its indicators and the activities' status.
    Area {
        /// The plan and its areas.
        site: SiteView,
        /// The page's id: the area's.
        side: String,
        /// The area.
        #[serde(rename = "område")]
        omraade: AreaLink,
        /// Its indicators.
        figurer: Vec<FigureView>,
        /// The activities per strand of work.
        #[serde(rename = "indsatsområder")]
        indsatsomraader: Vec<FocusActivities>,
    },
    /// Method and sources.
    Method {
        /// The plan and its areas.
        site: SiteView,
        /// The page's id.
        side: &'static str,
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
    /// The areas, each with its page.
    #[serde(rename = "områder")]
    pub omraader: Vec<AreaLink>,
    /// The suppression threshold: `5`.
    #[serde(rename = "diskretionsgrænse")]
    pub diskretionsgraense: u32,
    /// Whether any figure shown is illustrative.
    pub eksempeldata: bool,
    /// `helhed 0.1.0`.
    pub generator: String,
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
}

/// A chart: inline SVG with a title and a description from its data.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// Unique on its page: `graf-kriminalitet`.
    pub id: String,
    /// `0 0 640 400`.
    pub viewbox: String,
    /// The SVG's content, without its outer element (Plotters output).
    pub indhold: String,
    /// Short title.
    pub titel: String,
    /// What it shows, in words.
    pub beskrivelse: String,
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
    /// One per year: `34,2`, `<5`, `skjult` or `–`.
    pub celler: Vec<String>,
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
    /// What it is.
    pub beskrivelse: Option<String>,
    /// The half-year's status as the secretariat wrote it, paragraphs split.
    pub status: Vec<String>,
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

/// Every page of the site: its template, its file and its data.
pub fn pages(model: &Model, evaluated: &Evaluated) -> Vec<Page> {
    let period = evaluated.period;
    let public = Public::new(model);
    let results = &evaluated.criteria;
    let trends = &evaluated.trends;
    let status = model.status.get(&period);
    let mut eksempeldata = status.is_some_and(|s| s.example);
    let areas: Vec<AreaLink> = model
        .areas()
        .map(|a| AreaLink { id: a.id.clone(), navn: a.name.clone(), by: a.town.clone(), fil: format!("{}.html", a.id) })
        .collect();

    // Indicators with a trend to show: three years or more, as in the statusrapport.
    let shown: Vec<(&Indicator, &Trend)> =
        model.indicators.iter().zip(trends).filter(|(_, t)| t.years.len() >= report::MIN_TREND_YEARS).collect();
    eksempeldata |=
        shown.iter().any(|(_, t)| t.rows.iter().flat_map(|r| &r.points).any(|p| p.value.is_some_and(|v| v.example)));

    let site = SiteView {
        plan: report::plan_view(model),
        beskrivelse: description(model),
        periode: PeriodView { id: period.to_string(), tekst: period.danish() },
        opdateret: model.plan.data_date.danish(),
        omraader: areas.clone(),
        diskretionsgraense: model.plan.suppress_below,
        eksempeldata,
        generator: format!("helhed {}", env!("CARGO_PKG_VERSION")),
    };

    let mut pages = Vec::new();
    let mut page = |template: &'static str, file: String, data: PageData| pages.push(Page { template, file, data });

    // The front page: the headline indicators for all areas, and the status counts.
    let headline: Vec<FigureView> = shown
        .iter()
        .filter(|(i, _)| i.headline)
        .map(|(i, t)| figure_view(&public, results, i, t, None, period))
        .collect();
    let status_antal: Vec<CountView> = report::count_views(model, results);
    page(
        "site/index.html",
        "index.html".into(),
        PageData::Index { site: site.clone(), side: "index", noegletal: headline, status_antal },
    );

    // One page per area: its indicators, and the activities' status.
    let activities = activity_statuses(model, period);
    for area in &areas {
        let figures: Vec<FigureView> =
            shown.iter().map(|(i, t)| figure_view(&public, results, i, t, Some(&area.id), period)).collect();
        page(
            "site/omraade.html",
            area.fil.clone(),
            PageData::Area {
                site: site.clone(),
                side: area.id.clone(),
                omraade: area.clone(),
                figurer: figures,
                indsatsomraader: activities.clone(),
            },
        );
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
    page(
        "site/metode.html",
        "metode.html".into(),
        PageData::Method { site, side: "metode", indikatorer: metode, uden_diskretion },
    );
    pages
}

/// The plan in two sentences, from its data.
fn description(model: &Model) -> String {
    let plan = &model.plan;
    let areas: Vec<&str> = model.areas().map(|a| a.name.as_str()).collect();
    let mut first = format!("{} er en boligsocial helhedsplan for {}", plan.name, join_names(&areas));
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

/// A value as the site prints it: the figure, `<5`, `skjult` or a dash.
fn public_text(public: &Public, indicator: &Indicator, value: Option<&Value>) -> String {
    match value {
        None => DASH.into(),
        Some(v) => match public.hides(indicator, v) {
            Some(Hidden::SmallCount) => format!("<{}", public.below),
            Some(Hidden::FromSmallCount) => HIDDEN.into(),
            None => format_da(v.value, report::shown_decimals(indicator, v)),
        },
    }
}

/// An indicator's chart, table and goals, for all series or for one area
/// (with *samlet* and the references beside it).
fn figure_view(
    public: &Public,
    results: &[CriterionResult],
    indicator: &Indicator,
    trend: &Trend,
    area: Option<&str>,
    period: Period,
) -> FigureView {
    let mut trend = trend.clone();
    if let Some(area) = area {
        trend.rows.retain(|r| r.kind != SeriesKind::Area || r.series == area);
    }
    let public_trend = public.trend(indicator, &trend);
    let hidden_series: Vec<&str> = trend
        .rows
        .iter()
        .map(|r| r.series.as_str())
        .filter(|s| public.series_hidden(indicator, &trend, s, period))
        .collect();
    let skjult = !hidden_series.is_empty();
    let mut targets: Vec<TargetLine> = charts::target_lines(results, indicator, &public_trend);
    targets.retain(|t| t.series.iter().all(|s| !hidden_series.contains(&s.as_str())));
    let svg = charts::line_chart(public.model, indicator, &public_trend, &targets);
    let graf = chart_view(
        &format!("graf-{}", indicator.id),
        &indicator.name,
        &charts::alt_text(indicator, &public_trend, &targets),
        &svg,
    );
    let tabel = TableView {
        aar: trend.years.iter().map(u16::to_string).collect(),
        raekker: trend
            .rows
            .iter()
            .map(|r| TableRow {
                navn: r.name.clone(),
                slags: r.kind,
                celler: trend
                    .years
                    .iter()
                    .map(|&y| public_text(public, indicator, r.at(y).and_then(|p| p.value.as_ref())))
                    .collect(),
            })
            .collect(),
    };
    let shown: Vec<&str> = trend.rows.iter().map(|r| r.series.as_str()).collect();
    let goal = |e: &Evaluation| {
        let hidden = public.evaluation_hidden(indicator, &trend, e);
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
            krav: match e.requirement {
                _ if requirement_hidden => HIDDEN.into(),
                Some(q) => format!("{} {}", q.cmp.danish(), fmt(q.value)),
                None => DASH.into(),
            },
        }
    };
    let maal = results
        .iter()
        .filter(|r| r.indicator.as_deref() == Some(indicator.id.as_str()))
        .map(|r| GoalGroup {
            kriterium: r.text.clone(),
            resultater: r.evaluations.iter().filter(|e| shown.contains(&e.series.as_str())).map(goal).collect(),
        })
        .filter(|g| !g.resultater.is_empty())
        .collect();
    FigureView {
        id: indicator.id.clone(),
        navn: indicator.name.clone(),
        titel: report::indicator_title(indicator),
        graf,
        tabel,
        maal,
        datakilde: indicator.source.clone(),
        skjult,
    }
}

/// Splits Plotters' SVG into its view box and content, so the template can
/// write the outer `<svg>` with a title and description for screen readers.
fn chart_view(id: &str, title: &str, description: &str, svg: &str) -> ChartView {
    let open_end = svg.find('>').map_or(0, |i| i + 1);
    let open = &svg[..open_end];
    let attr = |name: &str| {
        let key = format!("{name}=\"");
        open.find(&key).and_then(|i| open[i + key.len()..].split('"').next()).unwrap_or("0").to_string()
    };
    let viewbox = format!("0 0 {} {}", attr("width"), attr("height"));
    let body = svg[open_end..].trim_end();
    let body = body.strip_suffix("</svg>").unwrap_or(body).trim().to_string();
    ChartView { id: id.into(), viewbox, indhold: body, titel: title.into(), beskrivelse: description.into() }
}

/// The activities per strand of work, with the half-year's status prose.
fn activity_statuses(model: &Model, period: Period) -> Vec<FocusActivities> {
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
                .map(|a| ActivityStatus {
                    navn: a.name.clone(),
                    beskrivelse: a.description.clone(),
                    status: status.and_then(|s| s.activities.get(&a.id)).map(|t| paragraphs(t)).unwrap_or_default(),
                })
                .collect(),
        })
        .filter(|f| !f.aktiviteter.is_empty())
        .collect()
}

/// Prose split into paragraphs at blank lines, as the PDFs' `afsnit` does.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    out
}
