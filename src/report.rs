//! The report model: every figure of a report, computed and formatted the
//! Danish way, ready to hand to a template as JSON. Templates only lay it
//! out; they never compute or format numbers themselves.

use crate::charts;
use crate::compute::{self, Change, Origin, Point, Trend, Value, join_names};
use crate::model::{Calc, Indicator, Model, Period, SeriesKind};
use crate::number::{format_change_da, format_da};
use serde::Serialize;

/// The data of one statusrapport.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    /// The plan.
    pub plan: PlanView,
    /// The half-year reported on.
    pub periode: PeriodView,
    /// The date of the data, `15. januar 2019`.
    pub datadato: String,
    /// The last year whose annual figures the report shows (`2018`).
    pub seneste_aar: String,
    /// Whether any figure or text shown is illustrative.
    pub eksempeldata: bool,
    /// The secretariat's summary for the period, as written.
    pub sammenfatning: Option<String>,
    /// One section per indicator with figures.
    pub indikatorer: Vec<IndicatorView>,
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
    pub aar: Vec<String>,
    /// Areas, samlet and references.
    pub raekker: Vec<RowView>,
    /// Change table: latest value against the year before and the baseline.
    pub udvikling: Vec<ChangeView>,
    /// Baseline year, if any.
    pub basisaar: Option<String>,
    /// Path of the chart in the Typst world.
    pub figur: String,
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
    pub slags: &'static str,
    /// One cell per year.
    pub celler: Vec<CellView>,
}

/// One cell: a formatted figure or a dash.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// `34,2`, or `–` when there is no figure.
    pub tekst: String,
    /// Whether the figure is illustrative.
    pub eksempel: bool,
}

/// The latest value of a series and how it changed.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// Series name.
    pub navn: String,
    /// `område`, `samlet` or `reference`.
    pub slags: &'static str,
    /// Latest year with a value.
    pub aar: String,
    /// Its value.
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

const DASH: &str = "–";

/// The fewest years of figures an indicator needs to get a section (a chart
/// of two points is not a trend).
const MIN_TREND_YEARS: usize = 3;

fn kind_name(kind: SeriesKind) -> &'static str {
    match kind {
        SeriesKind::Area => "område",
        SeriesKind::Total => "samlet",
        SeriesKind::Reference => "reference",
    }
}

/// Builds the statusrapport's data for a half-year.
pub fn status_report(model: &Model, period: Period) -> StatusReport {
    let trends = compute::trends(model, period.last_full_year());
    let mut any_example = false;
    let mut indikatorer = Vec::new();
    let mut charts = Vec::new();
    for (indicator, trend) in model.indicators.iter().zip(&trends) {
        // The statusrapport charts trends: indicators with figures for at
        // least three years. Every figure is in tal.json.
        if trend.years.len() < MIN_TREND_YEARS {
            continue;
        }
        let view = indicator_view(model, indicator, trend);
        any_example |= view.raekker.iter().any(|r| r.celler.iter().any(|c| c.eksempel));
        charts.push((view.figur.clone(), charts::line_chart(trend)));
        indikatorer.push(view);
    }
    let status = model.status.get(&period);
    any_example |= status.is_some_and(|s| s.example);
    let plan = &model.plan;
    let seneste_aar = indikatorer
        .iter()
        .filter_map(|i: &IndicatorView| i.aar.last())
        .max()
        .cloned()
        .unwrap_or_else(|| period.last_full_year().to_string());
    StatusReport {
        plan: PlanView {
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
        },
        periode: PeriodView { id: period.to_string(), tekst: period.danish() },
        datadato: plan.data_date.danish(),
        seneste_aar,
        eksempeldata: any_example,
        sammenfatning: status.and_then(|s| s.summary.clone()),
        indikatorer,
        charts,
    }
}

fn indicator_view(model: &Model, indicator: &Indicator, trend: &Trend) -> IndicatorView {
    let d = indicator.decimals;
    let cell = |p: Option<&Point>| match p.and_then(|p| p.value) {
        Some(v) => CellView { tekst: format_da(v.value, shown_decimals(indicator, &v)), eksempel: v.example },
        None => CellView { tekst: DASH.into(), eksempel: false },
    };
    let raekker = trend
        .rows
        .iter()
        .map(|r| RowView {
            navn: r.name.clone(),
            slags: kind_name(r.kind),
            celler: trend.years.iter().map(|&y| cell(r.at(y))).collect(),
        })
        .collect();
    let points = |c: Option<Change>| c.map_or(DASH.to_string(), |c| format_change_da(c.points, d));
    let percent = |c: Option<Change>| {
        c.and_then(|c| c.percent).map_or(DASH.to_string(), |p| format!("{} %", format_change_da(p, 1)))
    };
    let udvikling = trend
        .rows
        .iter()
        .filter_map(|r| {
            let latest = r.latest()?;
            let value = latest.value?;
            Some(ChangeView {
                navn: r.name.clone(),
                slags: kind_name(r.kind),
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
        // One note per reason, naming every year it applies to.
        let mut reasons: Vec<(&str, Vec<String>)> = Vec::new();
        for p in &row.points {
            let Some(reason) = &p.missing else { continue };
            match reasons.iter_mut().find(|(r, _)| r == reason) {
                Some((_, years)) => years.push(p.year.to_string()),
                None => reasons.push((reason, vec![p.year.to_string()])),
            }
        }
        for (reason, years) in reasons {
            let years: Vec<&str> = years.iter().map(String::as_str).collect();
            noter.push(format!("{} {}: {reason}.", row.name, join_names(&years)));
        }
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
        titel: if indicator.name.contains(&indicator.unit) {
            indicator.name.clone()
        } else {
            format!("{} ({})", indicator.name, indicator.unit)
        },
        aar: trend.years.iter().map(u16::to_string).collect(),
        raekker,
        udvikling,
        basisaar: indicator.base_year.map(|y| y.to_string()),
        figur: format!("figurer/{}.svg", indicator.id),
        alt: charts::alt_text(indicator, trend),
        beregning: method_text(model, indicator),
        datakilde: indicator.source.clone(),
        noter,
    }
}

/// Decimals to print a value with: the indicator's, or more where a given
/// figure was written more precisely (the plan's 30,65 stays 30,65).
pub fn shown_decimals(indicator: &Indicator, value: &Value) -> u32 {
    match value.origin {
        Origin::Given => indicator.decimals.max(value.value.normalize().scale()),
        _ => indicator.decimals,
    }
}

/// How an indicator is computed, in one or two Danish sentences.
pub fn method_text(model: &Model, indicator: &Indicator) -> String {
    let name = |id: &str| model.measure(id).map_or(id.to_string(), |m| m.name.to_lowercase());
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

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}
