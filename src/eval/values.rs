//! Values and trends: pure functions from the model to exact figures.
//!
//! An area's value is computed from its counts (numerator / denominator ×
//! scale) or taken as given. *Samlet* (all areas together) is the value the
//! data gives for it, else the pooled ratio Σ numerators / Σ denominators ×
//! scale, never an average of the areas' rates. A given rate takes part in the
//! pooled figure only when its area's denominator is known, which weights it;
//! when that is missing the figure is not computed and the reason is kept.

use crate::model::{Calc, Indicator, Model, Period, Series, SeriesKind, TOTAL_ID};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// Where a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Computed from the series' own counts.
    Computed,
    /// Given directly in the data (e.g. a published rate).
    Given,
    /// A count, observed directly.
    Observed,
    /// A count, the sum of the two half-years.
    HalfYears,
    /// *Samlet*: pooled from the areas' numerators and denominators, or summed counts.
    Pooled,
}

/// One exact value with its provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Value {
    /// The exact value, unrounded.
    pub value: Decimal,
    /// Numerator and denominator, where known (for pooling).
    #[serde(skip)]
    pub parts: Option<(Decimal, Decimal)>,
    /// Whether any input was illustrative.
    pub example: bool,
    /// How it was obtained.
    pub origin: Origin,
    /// For *samlet* pooled from the areas: the smallest numerator and the
    /// smallest denominator pooled into it. A total built on a small area
    /// count would give that count away next to the other areas' counts, so
    /// the public filter hides it too (see [`crate::eval::public::Public`]).
    #[serde(skip)]
    pub smallest: Option<(Decimal, Decimal)>,
}

/// A change between two values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The year compared with.
    pub from_year: u16,
    /// Difference in the indicator's unit (percentage points for shares).
    pub points: Decimal,
    /// Relative change in per cent; none when the earlier value is 0.
    pub percent: Option<Decimal>,
}

impl Change {
    /// The change from `from` to `to`.
    pub fn between(from_year: u16, from: Decimal, to: Decimal) -> Change {
        let points = to - from;
        // Validated figures are at most 10^12 with 10 decimals, so the
        // quotient fits; `checked_` keeps an extreme case from panicking.
        let percent = points.checked_div(from).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED));
        Change { from_year, points, percent }
    }
}

/// Why a value could not be obtained, when the reason is worth telling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// A count is there, the other count of the ratio is not (a measure id).
    Measure(String),
    /// *Samlet* cannot be pooled: the denominator is 0 in every area.
    ZeroDenominator,
    /// The source withheld a figure it needs (`mangler:`; a blanked cell).
    Withheld {
        /// The measure or indicator id.
        key: String,
        /// Why, as the year file says.
        reason: String,
    },
    /// *Samlet* cannot be pooled: some areas give only a rate, without the
    /// denominator that would weight it, and some have no figure at all.
    NotPooled {
        /// The measure id of the denominator (none for a count).
        denominator: Option<String>,
        /// The areas (ids) with a rate but no denominator.
        without_denominator: Vec<String>,
        /// Whether that is every area.
        all: bool,
        /// The areas (ids) with no figure.
        without_value: Vec<String>,
    },
    /// *Samlet* is not pooled: the measure (an id) is an average, and
    /// averages are not summed across areas.
    Average(String),
    /// Not published: the public filter hides it.
    Hidden,
}

/// One year of one series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    /// The year.
    pub year: u16,
    /// The value, if it could be obtained.
    pub value: Option<Value>,
    /// Why there is no value, when the reason is worth telling.
    #[serde(skip)]
    pub missing: Option<Missing>,
    /// Change from the year before.
    pub vs_previous: Option<Change>,
    /// Change from the indicator's baseline year.
    pub vs_base: Option<Change>,
}

/// One series of an indicator over the years.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Series id.
    pub series: String,
    /// Display name.
    pub name: String,
    /// Area, total or reference.
    pub kind: SeriesKind,
    /// One point per year of the trend.
    pub points: Vec<Point>,
}

impl Row {
    /// The point of a year.
    pub fn at(&self, year: u16) -> Option<&Point> {
        self.points.iter().find(|p| p.year == year)
    }

    /// The latest year with a value.
    pub fn latest(&self) -> Option<&Point> {
        self.points.iter().rev().find(|p| p.value.is_some())
    }
}

/// An indicator's figures for every series and year up to the report's year.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// Indicator id.
    pub indicator: String,
    /// The years shown: those up to the last year that have any value.
    pub years: Vec<u16>,
    /// Areas, *samlet*, references (only references with figures).
    pub rows: Vec<Row>,
}

/// Computes the trend of every indicator up to and including `last_year`.
pub fn trends(model: &Model, last_year: u16) -> Vec<Trend> {
    model.indicators.iter().map(|i| trend(model, i, last_year)).collect()
}

/// Computes one indicator's trend up to and including `last_year`.
pub fn trend(model: &Model, indicator: &Indicator, last_year: u16) -> Trend {
    let all_years: Vec<u16> = (model.plan.first_year..=last_year.min(model.plan.last_year)).collect();
    let mut rows: Vec<Row> = model
        .series
        .iter()
        // Only the areas the indicator is measured for (`områder:`), and a
        // group only where a criterion on the indicator is judged on it.
        .filter(|s| match s.kind {
            SeriesKind::Area => indicator.covers(&s.id),
            SeriesKind::Group => model.criteria.iter().any(|c| {
                c.indicator.as_deref() == Some(indicator.id.as_str()) && c.targets.iter().any(|t| t.series == s.id)
            }),
            SeriesKind::Total | SeriesKind::Reference => true,
        })
        .map(|s| {
            let points = all_years
                .iter()
                .map(|&year| {
                    let result = match s.kind {
                        SeriesKind::Total => total_value(model, indicator, year),
                        SeriesKind::Group => pooled_value(model, indicator, s, year),
                        SeriesKind::Area | SeriesKind::Reference => own_value(model, indicator, &s.id, year),
                    };
                    let (value, missing) = match result {
                        Ok(v) => (Some(v), None),
                        Err(reason) => (None, reason),
                    };
                    Point { year, value, missing, vs_previous: None, vs_base: None }
                })
                .collect();
            Row { series: s.id.clone(), name: s.name.clone(), kind: s.kind, points }
        })
        .filter(|r| r.kind != SeriesKind::Reference || r.points.iter().any(|p| p.value.is_some()))
        .collect();
    for row in &mut rows {
        let values: Vec<Option<Decimal>> = row.points.iter().map(|p| p.value.map(|v| v.value)).collect();
        let base = indicator.base_year.and_then(|b| row.at(b)).and_then(|p| p.value).map(|v| v.value);
        for (i, point) in row.points.iter_mut().enumerate() {
            let Some(now) = values[i] else { continue };
            if i > 0
                && let Some(prev) = values[i - 1]
            {
                point.vs_previous = Some(Change::between(point.year - 1, prev, now));
            }
            if let (Some(base_year), Some(base)) = (indicator.base_year, base)
                && point.year > base_year
            {
                point.vs_base = Some(Change::between(base_year, base, now));
            }
        }
    }
    let has_value = |y: u16| rows.iter().any(|r| r.at(y).is_some_and(|p| p.value.is_some()));
    let first = all_years.iter().copied().find(|&y| has_value(y));
    let last = all_years.iter().copied().rev().find(|&y| has_value(y));
    let years: Vec<u16> = match (first, last) {
        (Some(f), Some(l)) => (f..=l).collect(),
        _ => Vec::new(),
    };
    for row in &mut rows {
        row.points.retain(|p| years.contains(&p.year));
    }
    Trend { indicator: indicator.id.clone(), years, rows }
}

/// A series' own value for a year: from its counts, or as given.
/// `Err(None)` means there is simply no figure; `Err(Some(reason))` explains.
pub fn own_value(model: &Model, indicator: &Indicator, series: &str, year: u16) -> Result<Value, Option<Missing>> {
    let Some(fig) = model.year(series, year) else { return Err(None) };
    computed(indicator, fig).map_err(|missing| {
        // A figure the source withheld says so, rather than nothing.
        let keys: Vec<&str> = match &indicator.calc {
            Calc::Ratio { numerator, denominator, .. } => vec![&indicator.id, numerator, denominator],
            Calc::Count { measure } => vec![measure, &indicator.id],
        };
        let withheld = keys.into_iter().find_map(|k| fig.withheld.get(k).map(|r| (k, r)));
        match withheld {
            Some((key, reason)) => Some(Missing::Withheld { key: key.to_string(), reason: reason.clone() }),
            None => missing,
        }
    })
}

/// A year's value of an indicator from one file's figures.
fn computed(indicator: &Indicator, fig: &crate::model::YearFigures) -> Result<Value, Option<Missing>> {
    match &indicator.calc {
        Calc::Ratio { numerator, denominator, scale } => {
            let den = fig.counts.get(denominator);
            if let Some(given) = fig.values.get(&indicator.id) {
                // A given rate with a known denominator implies its numerator.
                let parts = den.map(|d| (given.value * d.value / scale, d.value));
                let example = given.example || den.is_some_and(|d| d.example);
                return Ok(Value { value: given.value, parts, example, origin: Origin::Given, smallest: None });
            }
            match (fig.counts.get(numerator), den) {
                (Some(n), Some(d)) if !d.value.is_zero() => Ok(Value {
                    value: n.value / d.value * scale,
                    parts: Some((n.value, d.value)),
                    example: n.example || d.example,
                    origin: Origin::Computed,
                    smallest: None,
                }),
                (Some(_), None) => Err(Some(Missing::Measure(denominator.clone()))),
                (None, Some(_)) if fig.counts.len() > 1 => Err(Some(Missing::Measure(numerator.clone()))),
                _ => Err(None),
            }
        }
        Calc::Count { measure } => {
            if let Some(c) = fig.counts.get(measure) {
                return Ok(Value {
                    value: c.value,
                    parts: Some((c.value, Decimal::ONE)),
                    example: c.example,
                    origin: Origin::Observed,
                    smallest: None,
                });
            }
            if let Some(v) = fig.values.get(&indicator.id) {
                return Ok(Value {
                    value: v.value,
                    parts: Some((v.value, Decimal::ONE)),
                    example: v.example,
                    origin: Origin::Given,
                    smallest: None,
                });
            }
            match &fig.halves {
                [Some(h1), Some(h2)] => match (h1.get(measure), h2.get(measure)) {
                    (Some(a), Some(b)) => Ok(Value {
                        value: a.value + b.value,
                        parts: Some((a.value + b.value, Decimal::ONE)),
                        example: a.example || b.example,
                        origin: Origin::HalfYears,
                        smallest: None,
                    }),
                    _ => Err(None),
                },
                _ => Err(None),
            }
        }
    }
}

/// *Samlet* for a year: as given for it, else pooled over all areas.
pub fn total_value(model: &Model, indicator: &Indicator, year: u16) -> Result<Value, Option<Missing>> {
    match model.series(TOTAL_ID) {
        Some(total) => pooled_value(model, indicator, total, year),
        None => Err(None),
    }
}

/// A pooled series for a year (*samlet*, or a group of areas): as given for
/// it, else pooled over its areas that the indicator covers.
pub fn pooled_value(
    model: &Model,
    indicator: &Indicator,
    series: &Series,
    year: u16,
) -> Result<Value, Option<Missing>> {
    if let Ok(v) = own_value(model, indicator, &series.id, year) {
        return Ok(v);
    }
    let pooled: Vec<&Series> = model.pooled_areas(series, indicator).collect();
    if let Some(avg) = model.averaged_measure(indicator) {
        let any = pooled.iter().any(|a| own_value(model, indicator, &a.id, year).is_ok());
        return Err(any.then(|| Missing::Average(avg.to_string())));
    }
    let mut sum_n = Decimal::ZERO;
    let mut sum_d = Decimal::ZERO;
    let mut example = false;
    let mut smallest: Option<(Decimal, Decimal)> = None;
    let mut without_denominator = Vec::new();
    let mut without_value = Vec::new();
    let mut any = false;
    for area in pooled.iter().copied() {
        match own_value(model, indicator, &area.id, year) {
            Ok(v) => {
                any = true;
                example |= v.example;
                match v.parts {
                    Some((n, d)) => {
                        sum_n += n;
                        sum_d += d;
                        smallest = Some(smallest.map_or((n, d), |(sn, sd)| (sn.min(n), sd.min(d))));
                    }
                    None => without_denominator.push(area.id.clone()),
                }
            }
            Err(_) => without_value.push(area.id.clone()),
        }
    }
    if !any {
        return Err(None);
    }
    if without_denominator.is_empty() && without_value.is_empty() {
        let value = match &indicator.calc {
            Calc::Ratio { scale, .. } if !sum_d.is_zero() => sum_n / sum_d * scale,
            Calc::Ratio { .. } => return Err(Some(Missing::ZeroDenominator)),
            Calc::Count { .. } => sum_n,
        };
        return Ok(Value { value, parts: Some((sum_n, sum_d)), example, origin: Origin::Pooled, smallest });
    }
    let denominator = match &indicator.calc {
        Calc::Ratio { denominator, .. } => Some(denominator.clone()),
        Calc::Count { .. } => None,
    };
    let all = without_denominator.len() == pooled.len();
    Err(Some(Missing::NotPooled { denominator, without_denominator, all, without_value }))
}

/// The values of an indicator for a series, by year, up to `last_year`.
pub fn yearly_values(model: &Model, indicator: &Indicator, series: &str, last_year: u16) -> BTreeMap<u16, Value> {
    let found = model.series(series);
    (model.plan.first_year..=last_year.min(model.plan.last_year))
        .filter_map(|year| {
            let v = match found {
                Some(s) if matches!(s.kind, SeriesKind::Total | SeriesKind::Group) => {
                    pooled_value(model, indicator, s, year)
                }
                _ => own_value(model, indicator, series, year),
            };
            v.ok().map(|v| (year, v))
        })
        .collect()
}

/// Half-year counts of a count indicator for a series, up to `last`.
/// *Samlet* is its own half-year figure, else the sum over every area.
pub fn half_values(model: &Model, indicator: &Indicator, series: &str, last: Period) -> BTreeMap<Period, Value> {
    let Calc::Count { measure } = &indicator.calc else { return BTreeMap::new() };
    let own = |s: &str, p: Period| -> Option<Value> {
        let fig = model.year(s, p.year)?;
        let c = fig.halves[usize::from(p.half - 1)].as_ref()?.get(measure)?;
        Some(Value {
            value: c.value,
            parts: Some((c.value, Decimal::ONE)),
            example: c.example,
            origin: Origin::Observed,
            smallest: None,
        })
    };
    let mut out = BTreeMap::new();
    for year in model.plan.first_year..=last.year.min(model.plan.last_year) {
        for half in [1, 2] {
            let p = Period { year, half };
            if p > last {
                continue;
            }
            // An average is never summed (see `Model::averaged_measure`).
            let pooled = model
                .series(series)
                .filter(|s| matches!(s.kind, SeriesKind::Total | SeriesKind::Group))
                .filter(|_| model.averaged_measure(indicator).is_none());
            let v = if let Some(pooled) = pooled {
                own(series, p).or_else(|| {
                    let parts: Option<Vec<Value>> =
                        model.pooled_areas(pooled, indicator).map(|a| own(&a.id, p)).collect();
                    // No areas to pool: no sum (not 0).
                    let parts = parts.filter(|p| !p.is_empty());
                    parts.map(|parts| {
                        let sum: Decimal = parts.iter().map(|v| v.value).sum();
                        Value {
                            value: sum,
                            parts: Some((sum, Decimal::ONE)),
                            example: parts.iter().any(|v| v.example),
                            origin: Origin::Pooled,
                            smallest: parts.iter().map(|v| v.value).min().map(|n| (n, Decimal::ONE)),
                        }
                    })
                })
            } else {
                own(series, p)
            };
            if let Some(v) = v {
                out.insert(p, v);
            }
        }
    }
    out
}

/// A count of one half-year for one series of an indicator (`h1:`/`h2:`).
#[derive(Debug, Clone, Serialize)]
pub struct HalfFigure {
    /// Series id.
    #[serde(rename = "serie")]
    pub series: String,
    /// Its name.
    #[serde(skip)]
    pub name: String,
    /// Its kind.
    #[serde(skip)]
    pub kind: SeriesKind,
    /// The half-year.
    #[serde(rename = "periode", serialize_with = "crate::eval::values::period_str")]
    pub period: Period,
    /// The count.
    #[serde(rename = "værdi")]
    pub value: Decimal,
    /// Whether it is illustrative.
    #[serde(rename = "eksempeldata")]
    pub example: bool,
}

/// Serialises a half-year as `2018-H2`.
pub fn period_str<S: serde::Serializer>(p: &Period, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(p)
}

/// The half-year counts of a counting indicator for the half-year `period`
/// and the one before, for every series of its trend; empty for a ratio or
/// where no half-year is counted.
pub fn half_figures(model: &Model, indicator: &Indicator, trend: &Trend, period: Period) -> Vec<HalfFigure> {
    if !matches!(indicator.calc, Calc::Count { .. }) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for row in trend.rows.iter().filter(|r| r.kind != SeriesKind::Reference) {
        let values = half_values(model, indicator, &row.series, period);
        for p in [period.previous(), period] {
            if let Some(v) = values.get(&p) {
                out.push(HalfFigure {
                    series: row.series.clone(),
                    name: row.name.clone(),
                    kind: row.kind,
                    period: p,
                    value: v.value,
                    example: v.example,
                });
            }
        }
    }
    // Only where the half-year reported on is counted.
    if out.iter().any(|h| h.period == period) { out } else { Vec::new() }
}
