//! The report model: every figure of a report, computed and formatted the
//! Danish way, ready to hand to a template as JSON. Templates only lay it
//! out; they never compute or format numbers themselves.

use crate::eval::Evaluated;
use crate::eval::goals::CriterionResult;
use crate::eval::values::{Change, Origin, Point, Trend, Value};
use crate::model::text::{format_change_da, format_da, join_names};
use crate::model::{Calc, GoalStatus, Indicator, Model, SeriesKind};
pub use crate::present::budget::{BudgetRowView, BudgetView, SpendingView};
use crate::present::columns::{ColumnWidths, column_widths};
use crate::present::front;
pub use crate::present::front::{ChangesView, CountView, KeyFigureView, count_views};
pub use crate::present::halves::HalfTableView;
pub(crate) use crate::present::lists::list_views;
pub use crate::present::lists::{ListCriterionView, ListView};
use crate::present::{charts, criteria, words};
use rust_decimal::Decimal;
use serde::Serialize;

/// The version of the shape of both documents' `data.json`; CHANGELOG.md
/// lists what changed between versions.
pub const FORMAT: &str = "helhed-data/3";

/// The data of one statusrapport.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    /// [`FORMAT`]: the version of this shape.
    pub format: &'static str,
    /// The plan.
    pub plan: PlanView,
    /// The half-year reported on.
    pub periode: PeriodView,
    /// The date of the data, `15. januar 2019`.
    pub datadato: String,
    /// The last year whose annual figures the report shows (`2018`).
    #[serde(rename = "seneste_år")]
    pub seneste_aar: String,
    /// Whether any figure or text shown is illustrative.
    pub eksempeldata: bool,
    /// The secretariat's summary for the period, as written.
    pub sammenfatning: Option<String>,
    /// Internal: the secretariat's note to the board. Never on the public site.
    pub til_bestyrelsen: Option<String>,
    /// How many success criteria have each status, in the order opfyldt,
    /// på vej, ikke opfyldt, ikke målt endnu.
    pub status_antal: Vec<CountView>,
    /// The changes since the previous half-year: criteria whose status changed.
    #[serde(rename = "ændringer")]
    pub aendringer: ChangesView,
    /// The status counts of the previous half-year, judged with today's data.
    pub status_antal_forrige: Vec<CountView>,
    /// The front page's key figures: the indicators marked `forside: true`.
    #[serde(rename = "nøgletal")]
    pub noegletal: Vec<KeyFigureView>,
    /// The front page's line on spending, if there is a budget with spending.
    pub forbrug_forside: Option<SpendingView>,
    /// What the report lacks, in plain sentences for the front page:
    /// `Forbrug for 1. halvår 2019 er ikke indberettet.`
    pub mangler: Vec<String>,
    /// The previous half-year, `1. halvår 2018`.
    pub forrige_periode: String,
    /// Per strand of work: its activities' status and its success criteria.
    #[serde(rename = "indsatsområder")]
    pub indsatsomraader: Vec<FocusView>,
    /// The statutory lists: each area's latest list.
    pub listekriterier: Vec<ListView>,
    /// The budget against spending, if there is a budget.
    pub budget: Option<BudgetView>,
    /// One section per indicator with figures.
    pub indikatorer: Vec<IndicatorView>,
    /// The half-year's counts (`h1:`/`h2:`): one table per counting
    /// indicator with a count for the half-year.
    #[serde(rename = "halvårstal")]
    pub halvaarstal: Vec<HalfTableView>,
    /// The charts to place in the world: (file name, SVG text).
    #[serde(skip)]
    pub charts: Vec<(String, String)>,
}

/// The plan's facts as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    /// Name.
    pub navn: String,
    /// Subtitle.
    pub undertitel: Option<String>,
    /// Secretariat.
    pub sekretariat: Option<String>,
    /// Municipality.
    pub kommune: Option<String>,
    /// `1. oktober 2017 – 30. september 2021`.
    pub periode: String,
    /// The areas: `Motalavej (Korsør)`.
    #[serde(rename = "områder")]
    pub omraader: Vec<String>,
}

/// A half-year as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodView {
    /// `2018-H2`.
    pub id: String,
    /// `2. halvår 2018`.
    pub tekst: String,
}

/// One indicator: its table, chart and notes.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    /// Id.
    pub id: String,
    /// Name.
    pub navn: String,
    /// Unit.
    pub enhed: String,
    /// Name with the unit where the name does not already say it: `Trygge beboere (%)`.
    pub titel: String,
    /// Years, the table's columns.
    #[serde(rename = "år")]
    pub aar: Vec<String>,
    /// Areas, samlet and references.
    #[serde(rename = "rækker")]
    pub raekker: Vec<RowView>,
    /// How wide the table's columns must be, in thousandths of an em.
    pub bredder: ColumnWidths,
    /// Change table: latest value against the year before and the baseline.
    pub udvikling: Vec<ChangeView>,
    /// Baseline year, if any.
    #[serde(rename = "basisår")]
    pub basisaar: Option<String>,
    /// Path of the chart in the Typst world.
    pub figur: String,
    /// The chart's texts, which the template sets over it.
    pub figurtekst: charts::ChartTexts,
    /// Alternative text of the chart.
    pub alt: String,
    /// How the figure is computed.
    pub beregning: String,
    /// Where it comes from.
    pub datakilde: String,
    /// Notes on missing and given values.
    pub noter: Vec<String>,
}

/// One row of an indicator table.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// Series name.
    pub navn: String,
    /// `område`, `samlet` or `reference`.
    pub slags: SeriesKind,
    /// One cell per year.
    pub celler: Vec<CellView>,
    /// Each cell's text as printed: the figure, with `*` when it is
    /// illustrative. A template sets these as they are, without a function
    /// call per cell.
    pub tekster: Vec<String>,
    /// The latest value's change from the year before: `+2,0 (+2,7 %)`, with
    /// `i 2016` added when that is not the table's last year; a dash when
    /// there is none.
    pub forrige: String,
    /// The same from the baseline year.
    pub basis: String,
}

impl RowView {
    /// A row of `celler`, with their printed texts.
    pub fn new(navn: String, slags: SeriesKind, celler: Vec<CellView>, forrige: String, basis: String) -> Self {
        let tekster = celler.iter().map(CellView::printed).collect();
        RowView { navn, slags, celler, tekster, forrige, basis }
    }
}

/// One cell: a formatted figure or a dash.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// `34,2`, or `–` when there is no figure.
    pub tekst: String,
    /// Whether the figure is illustrative.
    pub eksempel: bool,
}

impl CellView {
    /// The text as printed: `34,2*` for an illustrative figure.
    pub fn printed(&self) -> String {
        if self.eksempel { format!("{}*", self.tekst) } else { self.tekst.clone() }
    }
}

/// The latest value of a series and how it changed.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// Series name.
    pub navn: String,
    /// `område`, `samlet` or `reference`.
    pub slags: SeriesKind,
    /// Latest year with a value.
    #[serde(rename = "år")]
    pub aar: String,
    /// Its value.
    #[serde(rename = "værdi")]
    pub vaerdi: String,
    /// Change from the year before, in the unit: `+4,2`.
    pub forrige: String,
    /// Change from the year before in per cent: `+13,9 %`.
    pub forrige_pct: String,
    /// Change from the baseline year, in the unit.
    pub basis: String,
    /// Change from the baseline year in per cent.
    pub basis_pct: String,
    /// Whether any figure of the row is illustrative.
    pub eksempel: bool,
}

/// A status shown as a label with a colour key (never colour alone).
#[derive(Debug, Clone, Serialize)]
pub struct StatusMark {
    /// `opfyldt`, `paa-vej`, `ikke-opfyldt`, `ikke-maalt`: the template's colour key.
    pub kode: &'static str,
    /// The label: `opfyldt`, `på vej`, `ikke opfyldt`, `ikke målt endnu`.
    pub tekst: &'static str,
}

impl From<GoalStatus> for StatusMark {
    fn from(s: GoalStatus) -> Self {
        let kode = match s {
            GoalStatus::Met => "opfyldt",
            GoalStatus::OnTrack => "paa-vej",
            GoalStatus::NotMet => "ikke-opfyldt",
            GoalStatus::NotMeasured => "ikke-maalt",
        };
        StatusMark { kode, tekst: s.danish() }
    }
}

/// A strand of work in the statusrapport.
#[derive(Debug, Clone, Serialize)]
pub struct FocusView {
    /// Id.
    pub id: String,
    /// Name.
    pub navn: String,
    /// Its activities, with their status for the half-year.
    pub aktiviteter: Vec<ActivityView>,
    /// Its success criteria, evaluated.
    pub kriterier: Vec<CriterionView>,
}

/// An activity's row of the status table.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityView {
    /// Name.
    pub navn: String,
    /// Description.
    pub beskrivelse: Option<String>,
    /// Sub-points.
    pub delpunkter: Vec<String>,
    /// The half-year's status, as written; none when missing (the template flags it).
    pub status: Option<String>,
    /// Expected effect on the list criteria: its lead text.
    #[serde(rename = "påvirkning")]
    pub paavirkning: Option<String>,
    /// Its bullet points.
    #[serde(rename = "påvirkning_punkter")]
    pub paavirkning_punkter: Vec<String>,
    /// The areas it runs in, `Motalavej og Sydbyen`; none when it runs in all.
    #[serde(rename = "områder")]
    pub omraader: Option<String>,
    /// `direkte`, `indirekte`, `langsigtet`, with its label.
    pub markering: Option<MarkingView>,
}

/// The marking of an activity.
#[derive(Debug, Clone, Serialize)]
pub struct MarkingView {
    /// Colour key.
    pub kode: &'static str,
    /// Label.
    pub tekst: &'static str,
}

impl From<crate::model::Marking> for MarkingView {
    fn from(m: crate::model::Marking) -> Self {
        MarkingView { kode: m.key(), tekst: m.danish() }
    }
}

/// The areas an activity runs in (`områder:`), named: `Motalavej og
/// Sydbyen`, or `Planen som helhed` for `[samlet]`.
pub(crate) fn area_names(model: &Model, ids: &[String]) -> String {
    let names: Vec<&str> = ids.iter().filter_map(|id| model.series(id)).map(|s| s.name.as_str()).collect();
    if names.is_empty() { "Planen som helhed".to_string() } else { join_names(&names) }
}

/// The lead text of an activity's `påvirkning`.
pub(crate) fn effect_text(a: &crate::model::Activity) -> Option<String> {
    a.effect.as_ref().and_then(|e| e.text.clone())
}

/// The bullet points of an activity's `påvirkning`.
pub(crate) fn effect_points(a: &crate::model::Activity) -> Vec<String> {
    a.effect.as_ref().map(|e| e.points.clone()).unwrap_or_default()
}

/// A success criterion in the statusrapport.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionView {
    /// Id.
    pub id: String,
    /// The criterion as the plan words it.
    pub tekst: String,
    /// The activity's name, if the criterion belongs to one.
    pub aktivitet: Option<String>,
    /// The criterion's status.
    pub status: StatusMark,
    /// One row per series.
    pub resultater: Vec<ResultView>,
    /// The secretariat's assessment, if written.
    pub vurdering: Option<String>,
    /// The data source.
    pub datakilde: String,
}

/// One series of a criterion.
#[derive(Debug, Clone, Serialize)]
pub struct ResultView {
    /// Series name.
    pub navn: String,
    /// Status.
    pub status: StatusMark,
    /// The year judged: `2018`, `2018-H2`, or a dash.
    pub periode: String,
    /// The value, formatted: `25,0`.
    #[serde(rename = "værdi")]
    pub vaerdi: String,
    /// The requirement: `højst 26,4`.
    pub krav: String,
    /// The Danish sentence.
    pub tekst: String,
    /// Where the trend leads, if projected.
    pub fremskrivning: Option<String>,
    /// Whether an input is illustrative.
    pub eksempel: bool,
}

pub(crate) const DASH: &str = "–";

/// The fewest years of figures an indicator needs to get a section (a chart
/// of two points is not a trend).
pub const MIN_TREND_YEARS: usize = 3;

/// Builds the statusrapport's data for a half-year.
pub fn status_report(model: &Model, evaluated: &Evaluated) -> StatusReport {
    let period = evaluated.period;
    let results = &evaluated.criteria;
    let trends = &evaluated.trends;
    let mut any_example = false;
    let mut indikatorer = Vec::new();
    let mut charts = Vec::new();
    for (indicator, trend) in model.indicators.iter().zip(trends) {
        // The statusrapport charts trends: indicators with figures for at
        // least three years. Every figure is in tal.json.
        if trend.years.len() < MIN_TREND_YEARS {
            continue;
        }
        let mut targets = charts::target_lines(results, indicator, trend);
        targets.extend(charts::list_threshold_lines(&evaluated.lists, indicator, trend));
        let chart = charts::line_chart(model, indicator, trend, &targets);
        let view = indicator_view(model, indicator, trend, &targets, chart.texts);
        any_example |= view.raekker.iter().any(|r| r.celler.iter().any(|c| c.eksempel));
        charts.push((view.figur.clone(), chart.svg));
        indikatorer.push(view);
    }
    let status = model.status.get(&period);
    any_example |= status.is_some_and(|s| s.example);
    let previous = period.previous();
    let aendringer = front::changes(model, &evaluated.previous, results, period);
    let status_antal = count_views(model, results);
    let status_antal_forrige = count_views(model, &evaluated.previous);
    let indsatsomraader = focus_views(model, status, results);
    any_example |= results.iter().flat_map(|r| &r.evaluations).any(|e| e.example);
    let listekriterier = list_views(model, &evaluated.lists);
    any_example |= listekriterier.iter().any(|l| l.eksempel);
    let budget = evaluated.budget_to_period.as_ref().map(crate::present::budget::budget_view);
    any_example |= budget.as_ref().is_some_and(|b| b.eksempel);
    let plan = &model.plan;
    let seneste_aar = indikatorer
        .iter()
        .filter_map(|i: &IndicatorView| i.aar.last())
        .max()
        .cloned()
        .unwrap_or_else(|| period.last_full_year().to_string());
    let noegletal = front::key_figures(model, trends, results);
    let halvaarstal = crate::present::halves::half_tables(model, evaluated);
    any_example |= noegletal.iter().any(|k| k.eksempel)
        || halvaarstal.iter().any(|h| h.raekker.iter().any(|r| r.celler.iter().any(|c| c.eksempel)));
    StatusReport {
        format: FORMAT,
        plan: plan_view(model),
        periode: PeriodView { id: period.to_string(), tekst: period.danish() },
        datadato: plan.data_date.danish(),
        seneste_aar,
        eksempeldata: any_example,
        sammenfatning: status.and_then(|s| s.summary.clone()),
        til_bestyrelsen: status.and_then(|s| s.to_board.clone()),
        status_antal,
        aendringer,
        status_antal_forrige,
        noegletal,
        forbrug_forside: evaluated.budget_to_period.as_ref().and_then(|t| t.spending.last()).map(SpendingView::of),
        mangler: crate::present::gaps::front_lines(model, evaluated.period, &evaluated.gaps),
        forrige_periode: previous.danish(),
        indsatsomraader,
        listekriterier,
        budget,
        indikatorer,
        halvaarstal,
        charts,
    }
}

fn focus_views(model: &Model, status: Option<&crate::model::Status>, results: &[CriterionResult]) -> Vec<FocusView> {
    model
        .focus_areas
        .iter()
        .map(|f| FocusView {
            id: f.id.clone(),
            navn: f.name.clone(),
            aktiviteter: once_each(
                model
                    .activities
                    .iter()
                    .filter(|a| a.focus_area == f.id)
                    .map(|a| ActivityView {
                        navn: a.name.clone(),
                        beskrivelse: a.description.clone(),
                        delpunkter: a.points.clone(),
                        status: status.and_then(|s| s.activities.get(&a.id)).cloned(),
                        paavirkning: effect_text(a),
                        paavirkning_punkter: effect_points(a),
                        omraader: a.areas.as_ref().map(|ids| area_names(model, ids)),
                        markering: a.marking.map(MarkingView::from),
                    })
                    .collect(),
            ),
            kriterier: model
                .criteria
                .iter()
                .zip(results)
                .filter(|(c, _)| c.focus_area == f.id)
                .map(|(c, r)| criterion_view(model, c, r))
                .collect(),
        })
        .collect()
}

pub(crate) fn criterion_view(model: &Model, c: &crate::model::Criterion, r: &CriterionResult) -> CriterionView {
    let indicator = c.indicator.as_deref().and_then(|id| model.indicator(id));
    CriterionView {
        id: c.id.clone(),
        tekst: c.text.clone(),
        aktivitet: c
            .activity
            .as_deref()
            .and_then(|id| model.activities.iter().find(|a| a.id == id))
            .map(|a| a.name.clone()),
        status: r.status.into(),
        resultater: merge_same(
            r.evaluations
                .iter()
                .map(|e| {
                    let fmt = |v| criteria::figure(indicator, v, e.decimals);
                    let sentence = criteria::sentence(model, indicator, e);
                    let prefix = format!("{}: ", e.name);
                    ResultView {
                        navn: e.name.clone(),
                        status: e.status.into(),
                        periode: e.when.map_or_else(|| DASH.into(), |w| w.to_string()),
                        vaerdi: e.value.map_or_else(|| DASH.into(), fmt),
                        krav: e
                            .requirement
                            .map_or_else(|| DASH.into(), |q| format!("{} {}", q.cmp.danish(), fmt(q.value))),
                        tekst: sentence.strip_prefix(&prefix).unwrap_or(&sentence).to_string(),
                        fremskrivning: e.projection.as_ref().map(criteria::projection_sentence),
                        eksempel: e.example,
                    }
                })
                .collect(),
        ),
        vurdering: r
            .assessment
            .clone()
            .filter(|_| r.evaluations.iter().any(|e| e.rule != crate::model::Rule::Qualitative)),
        datakilde: c.source.clone(),
    }
}

/// A status or påvirkning that repeats an earlier activity's in the same
/// table word for word (a shared cell in the plan's overview) is printed
/// once and referred to after that.
fn once_each(activities: Vec<ActivityView>) -> Vec<ActivityView> {
    let mut out: Vec<ActivityView> = Vec::new();
    for mut a in activities {
        if let Some(first) = a.status.as_ref().and_then(|t| out.iter().find(|o| o.status.as_ref() == Some(t))) {
            a.status = Some(format!("Samme status som {} ovenfor.", first.navn));
        }
        let same_effect = |o: &ActivityView| {
            (o.paavirkning.is_some() || !o.paavirkning_punkter.is_empty())
                && o.paavirkning == a.paavirkning
                && o.paavirkning_punkter == a.paavirkning_punkter
        };
        if let Some(first) = out.iter().find(|o| same_effect(o)).map(|o| o.navn.clone()) {
            a.paavirkning = Some(format!("Som for {first} ovenfor."));
            a.paavirkning_punkter.clear();
        }
        out.push(a);
    }
    out
}

/// Series whose lines read the same (a written assessment, which is one per
/// criterion) are printed once, named together: `Motalavej og Sydbyen: …`.
fn merge_same(results: Vec<ResultView>) -> Vec<ResultView> {
    let mut out: Vec<(Vec<String>, ResultView)> = Vec::new();
    for r in results {
        let same = |o: &ResultView| {
            o.tekst == r.tekst && o.status.kode == r.status.kode && o.periode == r.periode && o.eksempel == r.eksempel
        };
        match out.iter_mut().find(|(_, o)| same(o) && o.vaerdi == DASH && r.vaerdi == DASH) {
            Some((names, _)) => names.push(r.navn),
            None => out.push((vec![r.navn.clone()], r)),
        }
    }
    out.into_iter()
        .map(|(names, mut r)| {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            r.navn = join_names(&names);
            r
        })
        .collect()
}

pub(crate) fn indicator_view(
    model: &Model,
    indicator: &Indicator,
    trend: &Trend,
    targets: &[charts::TargetLine],
    figurtekst: charts::ChartTexts,
) -> IndicatorView {
    let d = indicator.decimals;
    let cell = |p: Option<&Point>| match p.and_then(|p| p.value) {
        Some(v) => CellView { tekst: format_da(v.value, shown_decimals(indicator, &v)), eksempel: v.example },
        None => CellView { tekst: DASH.into(), eksempel: false },
    };
    let points = |c: Option<Change>| c.map_or(DASH.to_string(), |c| format_change_da(c.points, d));
    let percent = |c: Option<Change>| {
        c.and_then(|c| c.percent).map_or(DASH.to_string(), |p| format!("{}\u{a0}%", format_change_da(p, 1)))
    };
    let last_year = trend.years.last().copied();
    let change_cell = |latest: Option<&Point>, c: fn(&Point) -> Option<Change>| -> String {
        let Some(p) = latest else { return DASH.into() };
        let Some(change) = c(p) else { return DASH.into() };
        let pct = change.percent.map_or(String::new(), |x| format!(" ({}\u{a0}%)", format_change_da(x, 1)));
        let when = if Some(p.year) == last_year { String::new() } else { format!(" i {}", p.year) };
        format!("{}{pct}{when}", format_change_da(change.points, d))
    };
    let raekker: Vec<RowView> = trend
        .rows
        .iter()
        .map(|r| {
            RowView::new(
                r.name.clone(),
                r.kind,
                trend.years.iter().map(|&y| cell(r.at(y))).collect(),
                change_cell(r.latest(), |p| p.vs_previous),
                change_cell(r.latest(), |p| p.vs_base),
            )
        })
        .collect();
    let udvikling = trend
        .rows
        .iter()
        .filter_map(|r| {
            let latest = r.latest()?;
            let value = latest.value?;
            Some(ChangeView {
                navn: r.name.clone(),
                slags: r.kind,
                aar: latest.year.to_string(),
                vaerdi: format_da(value.value, shown_decimals(indicator, &value)),
                forrige: points(latest.vs_previous),
                forrige_pct: percent(latest.vs_previous),
                basis: points(latest.vs_base),
                basis_pct: percent(latest.vs_base),
                eksempel: value.example
                    || r.points.iter().any(|p| {
                        (Some(p.year) == latest.vs_previous.map(|c| c.from_year)
                            || Some(p.year) == latest.vs_base.map(|c| c.from_year))
                            && p.value.is_some_and(|v| v.example)
                    }),
            })
        })
        .collect();

    let mut noter = Vec::new();
    for row in &trend.rows {
        let missing = row.points.iter().filter_map(|p| Some((p.year, words::missing(model, p.missing.as_ref()?))));
        noter.extend(missing_notes(&row.name, missing));
    }
    let given_totals: Vec<String> = trend
        .rows
        .iter()
        .filter(|r| r.kind == SeriesKind::Total)
        .flat_map(|r| r.points.iter())
        .filter(|p| p.value.is_some_and(|v| v.origin == Origin::Given))
        .map(|p| p.year.to_string())
        .collect();
    if !given_totals.is_empty() {
        noter.push(format!(
            "Samlet {} er den offentliggjorte værdi for alle områder under ét, ikke beregnet her.",
            join_names(&given_totals.iter().map(String::as_str).collect::<Vec<_>>())
        ));
    }

    IndicatorView {
        id: indicator.id.clone(),
        navn: indicator.name.clone(),
        enhed: indicator.unit.clone(),
        titel: indicator_title(indicator),
        aar: trend.years.iter().map(u16::to_string).collect(),
        bredder: column_widths(&raekker, trend.years.len()),
        raekker,
        udvikling,
        basisaar: indicator.base_year.map(|y| y.to_string()),
        figur: format!("figurer/{}.svg", indicator.id),
        figurtekst,
        alt: charts::alt_text(indicator, trend, targets),
        beregning: method_text(model, indicator),
        datakilde: words::source_with_imports(model, indicator),
        noter,
    }
}

/// The name with the unit where the name does not already say it:
/// `Trygge beboere (%)`.
pub fn indicator_title(indicator: &Indicator) -> String {
    if indicator.name.contains(&indicator.unit) {
        indicator.name.clone()
    } else {
        format!("{} ({})", indicator.name, indicator.unit)
    }
}

/// Why a series lacks values, one note per reason naming every year it
/// applies to: `Motalavej 2013 og 2014: <reason>.`
pub(crate) fn missing_notes(series: &str, missing: impl IntoIterator<Item = (u16, String)>) -> Vec<String> {
    let mut reasons: Vec<(String, Vec<String>)> = Vec::new();
    for (year, reason) in missing {
        match reasons.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, years)) => years.push(year.to_string()),
            None => reasons.push((reason, vec![year.to_string()])),
        }
    }
    reasons
        .into_iter()
        .map(|(reason, years)| {
            let years: Vec<&str> = years.iter().map(String::as_str).collect();
            format!("{series} {}: {reason}.", join_names(&years))
        })
        .collect()
}

/// Decimals to print a value with: the indicator's, or more where a given
/// figure was written more precisely (the plan's 30,65 stays 30,65).
pub fn shown_decimals(indicator: &Indicator, value: &Value) -> u32 {
    decimals_shown(indicator.decimals, value.value, value.origin)
}

/// [`shown_decimals`] of an indicator with `decimals`, for `value` obtained
/// as `origin`.
pub(crate) fn decimals_shown(decimals: u32, value: Decimal, origin: Origin) -> u32 {
    match origin {
        Origin::Given => decimals.max(value.normalize().scale()),
        _ => decimals,
    }
}

/// How an indicator is computed, in one or two Danish sentences.
pub fn method_text(model: &Model, indicator: &Indicator) -> String {
    let name = |id: &str| words::measure_name(model, id);
    if let Some(avg) = model.averaged_measure(indicator) {
        let own = match &indicator.calc {
            Calc::Ratio { numerator, denominator, scale } => {
                format!("{} ÷ {} × {}", capitalise(&name(numerator)), name(denominator), format_da(*scale, 0))
            }
            Calc::Count { measure } => capitalise(&name(measure)),
        };
        return format!(
            "{own}, for hvert område. Samlet beregnes ikke: {} er et gennemsnit, og områdernes gennemsnit \
             kan ikke lægges sammen. Hvor en offentliggjort værdi for alle områder findes, vises den.",
            name(avg)
        );
    }
    match &indicator.calc {
        Calc::Ratio { numerator, denominator, scale } => format!(
            "{} ÷ {} × {}. Samlet: summen af alle områders {} ÷ summen af deres {} × {} \
             (ikke et gennemsnit af områdernes tal). Hvor kun en offentliggjort værdi findes, bruges den som den er.",
            capitalise(&name(numerator)),
            name(denominator),
            format_da(*scale, 0),
            name(numerator),
            name(denominator),
            format_da(*scale, 0),
        ),
        Calc::Count { measure } => format!(
            "Antal {} i året (summen af 1. og 2. halvår, hvor kun halvårstal findes). Samlet: summen af områderne.",
            name(measure)
        ),
    }
}

/// `opfyldt` → `Opfyldt`.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// The plan's facts as every document prints them.
pub fn plan_view(model: &Model) -> PlanView {
    let plan = &model.plan;
    PlanView {
        navn: plan.name.clone(),
        undertitel: plan.subtitle.clone(),
        sekretariat: plan.secretariat.clone(),
        kommune: plan.municipality.clone(),
        periode: format!("{} – {}", plan.start.danish(), plan.end.danish()),
        omraader: model
            .areas()
            .map(|a| match &a.town {
                Some(t) => format!("{} ({t})", a.name),
                None => a.name.clone(),
            })
            .collect(),
    }
}
