//! `out/tal.json`: every computed figure and evaluation of a build, for others
//! to use (a spreadsheet, a dashboard, the national overview). Its shape is
//! documented in the book (docs/src/tal-json.md); `format` names the version of
//! that shape, and CHANGELOG.md lists how it changed.
//!
//! Every number is an exact decimal written as a JSON **string** with a point
//! (`"30.65"`), unrounded, so that nothing is lost to floating point. Years
//! are JSON numbers; half-years are strings (`"2018-H2"`).

use crate::eval::Evaluated;
use crate::eval::budget::BudgetTotals;
use crate::eval::goals::{self, Check, CriterionResult, Requirement, When, YearRequirement};

use crate::eval::projection::{self, Projection};
use crate::eval::values::{Change, Origin, Value};
use crate::model::{Calc, GoalStatus, Model, Period, Rule, SeriesKind};
use crate::present::lists::ListFigures;
use crate::present::{criteria, words};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// The version of the file's shape.
pub const FORMAT: &str = "helhed-tal/3";

/// The whole file.
#[derive(Debug, Clone, Serialize)]
pub struct Tal {
    /// [`FORMAT`].
    pub format: &'static str,
    /// The plan.
    pub plan: PlanFacts,
    /// The half-year evaluated, `2018-H2`.
    pub periode: Period,
    /// The last year with complete annual figures for that half-year.
    pub seneste_år: u16,
    /// Every indicator with its series.
    pub indikatorer: Vec<IndicatorFigures>,
    /// Success criteria.
    pub succeskriterier: Criteria,
    /// The statutory list criteria per area and list year.
    pub listekriterier: Vec<ListFigures>,
    /// The budget's totals, if there is a budget.
    pub budget: Option<BudgetTotals>,
}

/// The plan's identity.
#[derive(Debug, Clone, Serialize)]
pub struct PlanFacts {
    /// Name.
    pub navn: String,
    /// First day, `2017-10-01`.
    pub start: String,
    /// Last day.
    pub slut: String,
    /// Date of the data.
    pub datadato: String,
}

/// One indicator.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorFigures {
    /// Id.
    pub id: String,
    /// Name.
    pub navn: String,
    /// Unit.
    pub enhed: String,
    /// `lavere` or `højere`.
    pub bedre: &'static str,
    /// Decimals the reports print.
    pub decimaler: u32,
    /// `tæller / nævner × skala` or `måling`.
    pub beregning: Calculation,
    /// Baseline year, if any.
    pub basisår: Option<u16>,
    /// Areas, *samlet*, references with figures.
    pub serier: Vec<SeriesFigures>,
    /// The half-year counts (`h1:`/`h2:`) of the half-year reported on and
    /// the one before, per series; empty where none are counted.
    pub halvår: Vec<crate::eval::values::HalfFigure>,
}

/// How an indicator is computed.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Calculation {
    /// A ratio of two measures.
    Ratio {
        /// Numerator measure id.
        tæller: String,
        /// Denominator measure id.
        nævner: String,
        /// Scale.
        skala: Decimal,
    },
    /// A count.
    Count {
        /// Measure id.
        måling: String,
    },
}

/// One series of an indicator.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesFigures {
    /// Series id.
    pub id: String,
    /// Name.
    pub navn: String,
    /// `area`, `total` or `reference`.
    pub slags: SeriesKind,
    /// One entry per year shown.
    pub værdier: Vec<YearFigure>,
    /// Mean of the latest year with a value and the year before.
    pub toårsgennemsnit: Option<YearValue>,
    /// Least-squares trend of the latest years.
    pub tendens: Option<TrendLine>,
}

/// A value for a year.
#[derive(Debug, Clone, Serialize)]
pub struct YearValue {
    /// The (last) year.
    pub år: u16,
    /// The value.
    #[serde(rename = "værdi")]
    pub value: Decimal,
}

/// A fitted trend.
#[derive(Debug, Clone, Serialize)]
pub struct TrendLine {
    /// The years fitted.
    pub år: Vec<u16>,
    /// Change per year.
    pub hældning: Decimal,
}

/// One year of a series.
#[derive(Debug, Clone, Serialize)]
pub struct YearFigure {
    /// Year.
    pub år: u16,
    /// Exact value, if any.
    #[serde(rename = "værdi")]
    pub value: Option<Decimal>,
    /// Whether an input was illustrative.
    pub eksempeldata: bool,
    /// How it was obtained.
    pub oprindelse: Option<Origin>,
    /// Why it is missing, when that is worth saying.
    pub mangler: Option<String>,
    /// Change from the year before.
    pub ændring_fra_forrige: Option<ChangeFigure>,
    /// Change from the baseline year.
    pub ændring_fra_basis: Option<ChangeFigure>,
}

/// A change.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeFigure {
    /// Compared with.
    pub fra_år: u16,
    /// Difference in the indicator's unit.
    pub forskel: Decimal,
    /// Relative change in per cent.
    pub procent: Option<Decimal>,
}

impl From<Change> for ChangeFigure {
    fn from(c: Change) -> Self {
        ChangeFigure { fra_år: c.from_year, forskel: c.points, procent: c.percent }
    }
}

/// The success criteria and how many have each status.
#[derive(Debug, Clone, Serialize)]
pub struct Criteria {
    /// Number of criteria per status.
    pub antal: Vec<StatusCount>,
    /// Every criterion.
    pub kriterier: Vec<CriterionFigures>,
}

/// A success criterion evaluated for every series it applies to.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionFigures {
    /// Criterion id.
    pub id: String,
    /// Strand of work id.
    pub indsatsområde: String,
    /// Activity id, if any.
    pub aktivitet: Option<String>,
    /// The criterion as the plan words it.
    pub tekst: String,
    /// Indicator id, if measured.
    pub indikator: Option<String>,
    /// Data source.
    pub datakilde: String,
    /// The criterion's status (worst of its measured series).
    pub status: GoalStatus,
    /// The secretariat's assessment for the half-year, if written.
    pub vurdering: Option<String>,
    /// One per series.
    pub resultater: Vec<EvaluationFigures>,
}

/// A criterion evaluated for one series, with its sentence.
#[derive(Debug, Clone, Serialize)]
pub struct EvaluationFigures {
    /// Series id (an area or `samlet`).
    pub serie: String,
    /// Its name.
    pub navn: String,
    /// The rule.
    pub regel: Rule,
    /// The status.
    pub status: GoalStatus,
    /// The year or half-year judged (`2018`, `2018-H2`).
    pub periode: Option<When>,
    /// The value compared.
    #[serde(rename = "værdi")]
    pub value: Option<Decimal>,
    /// The requirement for that period.
    pub krav: Option<Requirement>,
    /// Value minus requirement, exact.
    pub afstand: Option<Decimal>,
    /// Whether an input was illustrative.
    pub eksempeldata: bool,
    /// The decimals the sentence prints with.
    pub decimaler: u32,
    /// The Danish sentence.
    pub tekst: String,
    /// Where the trend leads, for rules with a fixed target.
    pub fremskrivning: Option<ProjectionFigures>,
    /// Every period of the plan with a value.
    pub forløb: Vec<Check>,
    /// The requirement for every year of the plan it can be set for.
    pub krav_pr_år: Vec<YearRequirement>,
}

/// Where a least-squares trend leads, with its sentence.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectionFigures {
    /// The fitted line and the year it meets the target.
    #[serde(flatten)]
    pub projection: Projection,
    /// `Med den nuværende udvikling (2015-2018) nås målet i 2020.`
    pub tekst: String,
}

impl CriterionFigures {
    fn new(model: &Model, r: &CriterionResult) -> CriterionFigures {
        let indicator = r.indicator.as_deref().and_then(|id| model.indicator(id));
        CriterionFigures {
            id: r.id.clone(),
            indsatsområde: r.focus_area.clone(),
            aktivitet: r.activity.clone(),
            tekst: r.text.clone(),
            indikator: r.indicator.clone(),
            datakilde: r.source.clone(),
            status: r.status,
            vurdering: r.assessment.clone(),
            resultater: r
                .evaluations
                .iter()
                .map(|e| EvaluationFigures {
                    serie: e.series.clone(),
                    navn: e.name.clone(),
                    regel: e.rule.clone(),
                    status: e.status,
                    periode: e.when,
                    value: e.value,
                    krav: e.requirement,
                    afstand: e.gap,
                    eksempeldata: e.example,
                    decimaler: e.decimals,
                    tekst: criteria::sentence(model, indicator, e),
                    fremskrivning: e
                        .projection
                        .clone()
                        .map(|p| ProjectionFigures { tekst: criteria::projection_sentence(&p), projection: p }),
                    forløb: e.history.clone(),
                    krav_pr_år: e.path.clone(),
                })
                .collect(),
        }
    }
}

/// Criteria with one status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// The status.
    pub status: GoalStatus,
    /// How many.
    pub antal: usize,
}

/// Computes every figure of the model for the half-year `period`.
pub fn tal(model: &Model, evaluated: &Evaluated) -> Tal {
    let period = evaluated.period;
    let last_year = period.last_full_year();
    let indikatorer = model
        .indicators
        .iter()
        .zip(evaluated.trends.iter().zip(&evaluated.halves))
        .map(|(ind, (trend, halves))| {
            let serier = trend
                .rows
                .iter()
                .map(|row| {
                    let values: BTreeMap<u16, Value> =
                        row.points.iter().filter_map(|p| p.value.map(|v| (p.year, v))).collect();
                    let latest = values.keys().next_back().copied();
                    let points: Vec<(u16, Decimal)> =
                        values.iter().rev().take(projection::TREND_YEARS).map(|(y, v)| (*y, v.value)).rev().collect();
                    SeriesFigures {
                        id: row.series.clone(),
                        navn: row.name.clone(),
                        slags: row.kind,
                        værdier: row
                            .points
                            .iter()
                            .map(|p| YearFigure {
                                år: p.year,
                                value: p.value.map(|v| v.value),
                                eksempeldata: p.value.is_some_and(|v| v.example),
                                oprindelse: p.value.map(|v| v.origin),
                                mangler: p.missing.as_ref().map(|m| words::missing(model, m)),
                                ændring_fra_forrige: p.vs_previous.map(Into::into),
                                ændring_fra_basis: p.vs_base.map(Into::into),
                            })
                            .collect(),
                        toårsgennemsnit: latest.and_then(|y| {
                            projection::two_year_average(&values, y).map(|v| YearValue { år: y, value: v })
                        }),
                        tendens: projection::least_squares(&points).map(|(slope, _, _)| TrendLine {
                            år: points.iter().map(|(y, _)| *y).collect(),
                            hældning: slope,
                        }),
                    }
                })
                .collect();
            IndicatorFigures {
                id: ind.id.clone(),
                navn: ind.name.clone(),
                enhed: ind.unit.clone(),
                bedre: match ind.better {
                    crate::model::Better::Lower => "lavere",
                    crate::model::Better::Higher => "højere",
                },
                decimaler: ind.decimals,
                beregning: match &ind.calc {
                    Calc::Ratio { numerator, denominator, scale } => {
                        Calculation::Ratio { tæller: numerator.clone(), nævner: denominator.clone(), skala: *scale }
                    }
                    Calc::Count { measure } => Calculation::Count { måling: measure.clone() },
                },
                basisår: ind.base_year,
                serier,
                halvår: halves.clone(),
            }
        })
        .collect();
    let criteria: Vec<CriterionFigures> = evaluated.criteria.iter().map(|r| CriterionFigures::new(model, r)).collect();
    let antal =
        goals::count(&evaluated.criteria).into_iter().map(|(status, antal)| StatusCount { status, antal }).collect();
    let date = |d: crate::model::Date| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    Tal {
        format: FORMAT,
        plan: PlanFacts {
            navn: model.plan.name.clone(),
            start: date(model.plan.start),
            slut: date(model.plan.end),
            datadato: date(model.plan.data_date),
        },
        periode: period,
        seneste_år: last_year,
        indikatorer,
        succeskriterier: Criteria { antal, kriterier: criteria },
        listekriterier: evaluated
            .lists
            .iter()
            .map(|l| {
                let name = model.series(&l.result.area).map_or(l.result.area.as_str(), |s| s.name.as_str());
                ListFigures::new(&model.list_rules, l, name)
            })
            .collect(),
        budget: evaluated.budget.clone(),
    }
}
