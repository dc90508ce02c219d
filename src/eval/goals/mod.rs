//! Success criteria: every *succeskriterium* of the plan evaluated for each
//! series it applies to, with the value compared, the target for that year,
//! the gap, and what the requirement is built from ([`Outcome`]); the Danish
//! sentence is written from that by `present::criteria`.
//!
//! # When a criterion is *opfyldt*, *på vej*, *ikke opfyldt*
//!
//! Each rule kind defines a **requirement for every year** (or half-year): a
//! comparison and a value, e.g. "højst 26,39" on the straight path from 30,65
//! in 2016 to 20 in 2021. The criterion is judged in the latest year of the
//! plan period (from the plan's first year up to the report's last full year)
//! that has a value:
//!
//! - **ikke målt endnu**: there is no value in the plan period, or the rule
//!   cannot yet say what is required (its baseline, zero point or reference
//!   is not measured, or the year is the baseline itself);
//! - **ikke opfyldt**: the value does not meet that year's requirement;
//! - **på vej**: the value meets that year's requirement, the rule has a final
//!   target in a later year (*forløb*, *reduktion-inden*, *gulv-så-vækst*,
//!   *retning*), and that final target is not already met;
//! - **opfyldt**: the value meets the requirement, and either the rule has no
//!   later final target (ceilings, floors, counts, shares, yearly changes,
//!   references, zero points: they are requirements for every year) or the
//!   final target is met already (reached early).
//!
//! Qualitative criteria take the status of the secretariat's written
//! assessment for the half-year. A criterion's own status is the worst status
//! among its measured series (ikke opfyldt, then på vej, then opfyldt); it is
//! *ikke målt endnu* only when none of its series is measured.
//!
//! All arithmetic is exact ([`Decimal`]); only the sentences round, once.

mod outcome;

use crate::eval::projection::{Projection, project};
use crate::eval::values::{Value, half_values, yearly_values};
use crate::model::{Anchor, Assessment, Calc, Cmp, Criterion, GoalStatus, Indicator, Model, Per, Period, Rule};
pub use outcome::{Basis, Outcome, Unset};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// What a rule requires of one year's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// How the value is compared.
    #[serde(rename = "sammenligning")]
    pub cmp: Cmp,
    /// The exact value it is compared with.
    #[serde(rename = "værdi")]
    pub value: Decimal,
}

impl Requirement {
    fn met_by(&self, value: Decimal) -> bool {
        self.cmp.holds(value, self.value)
    }
}

/// The year or half-year a value belongs to. Serialises as `2018` or `2018-H2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A calendar year's figure.
    Year(u16),
    /// A half-year's figure (or assessment).
    Half(Period),
}

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            When::Year(year) => write!(f, "{year}"),
            When::Half(period) => write!(f, "{period}"),
        }
    }
}

impl Serialize for When {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One year (or half-year) of a criterion for one series.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// `2018` or `2018-H1`.
    #[serde(rename = "periode")]
    pub when: When,
    /// The value.
    #[serde(rename = "værdi")]
    pub value: Decimal,
    /// The requirement for that year, if it could be set.
    #[serde(rename = "krav")]
    pub requirement: Option<Requirement>,
    /// The status as judged in that year.
    pub status: GoalStatus,
}

/// A criterion evaluated for one series.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Series id (an area or `samlet`).
    pub series: String,
    /// Its name.
    pub name: String,
    /// The rule.
    pub rule: Rule,
    /// The status.
    pub status: GoalStatus,
    /// The year or half-year judged (`2018`, `2018-H2`).
    pub when: Option<When>,
    /// The value compared.
    pub value: Option<Decimal>,
    /// The requirement for that period.
    pub requirement: Option<Requirement>,
    /// Value minus requirement, exact.
    pub gap: Option<Decimal>,
    /// Whether an input was illustrative.
    pub example: bool,
    /// The decimals the sentence prints the value and requirement with: the
    /// indicator's, or more where they would otherwise print alike.
    pub decimals: u32,
    /// How it came out, for its sentence.
    pub outcome: Outcome,
    /// Where the trend leads, for rules with a fixed target.
    pub projection: Option<Projection>,
    /// Every period of the plan with a value.
    pub history: Vec<Check>,
    /// The requirement for every year of the plan it can be set for, also
    /// years not yet measured: the target line of the charts. Empty for
    /// half-yearly and qualitative criteria.
    pub path: Vec<YearRequirement>,
}

/// The requirement of one year.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct YearRequirement {
    /// The year.
    #[serde(rename = "år")]
    pub year: u16,
    /// Its requirement.
    #[serde(rename = "krav")]
    pub requirement: Requirement,
}

/// A criterion evaluated for every series it applies to.
#[derive(Debug, Clone)]
pub struct CriterionResult {
    /// Criterion id.
    pub id: String,
    /// Strand of work id.
    pub focus_area: String,
    /// Activity id, if any.
    pub activity: Option<String>,
    /// The criterion as the plan words it.
    pub text: String,
    /// Indicator id, if measured.
    pub indicator: Option<String>,
    /// Data source.
    pub source: String,
    /// The criterion's status (worst of its measured series).
    pub status: GoalStatus,
    /// The secretariat's assessment for the half-year, if written.
    pub assessment: Option<String>,
    /// One per series.
    pub evaluations: Vec<Evaluation>,
}

/// Evaluates every criterion of the plan for the half-year `period`.
pub fn evaluate_all(model: &Model, period: Period) -> Vec<CriterionResult> {
    model.criteria.iter().map(|c| evaluate(model, c, period)).collect()
}

/// How many criteria have each status, in [`GoalStatus::ALL`] order.
pub fn count(results: &[CriterionResult]) -> Vec<(GoalStatus, usize)> {
    GoalStatus::ALL.iter().map(|s| (*s, results.iter().filter(|r| r.status == *s).count())).collect()
}

/// The worst status among measured ones; *ikke målt endnu* if none is measured.
pub fn overall(statuses: impl IntoIterator<Item = GoalStatus>) -> GoalStatus {
    // GoalStatus orders NotMet < OnTrack < Met < NotMeasured.
    statuses.into_iter().min().unwrap_or(GoalStatus::NotMeasured)
}

/// Evaluates one criterion for the half-year `period`.
pub fn evaluate(model: &Model, criterion: &Criterion, period: Period) -> CriterionResult {
    let assessment = model.status.get(&period).and_then(|s| s.assessments.get(&criterion.id));
    let example_text = model.status.get(&period).is_some_and(|s| s.example);
    let indicator = criterion.indicator.as_deref().and_then(|id| model.indicator(id));
    let evaluations: Vec<Evaluation> = criterion
        .targets
        .iter()
        .map(|t| {
            let name = model.series(&t.series).map_or_else(|| t.series.clone(), |s| s.name.clone());
            match (indicator, &t.rule) {
                (Some(ind), rule) if *rule != Rule::Qualitative => {
                    evaluate_series(model, ind, &t.series, &name, rule, period)
                }
                _ => qualitative(&t.series, &name, assessment, period, example_text),
            }
        })
        .collect();
    CriterionResult {
        id: criterion.id.clone(),
        focus_area: criterion.focus_area.clone(),
        activity: criterion.activity.clone(),
        text: criterion.text.clone(),
        indicator: criterion.indicator.clone(),
        source: criterion.source.clone(),
        status: overall(evaluations.iter().map(|e| e.status)),
        assessment: assessment.map(|a| a.text.clone()),
        evaluations,
    }
}

fn qualitative(series: &str, name: &str, assessment: Option<&Assessment>, period: Period, example: bool) -> Evaluation {
    let (status, text) = match assessment {
        Some(Assessment { status: Some(s), text }) => (*s, Some(text.clone())),
        _ => (GoalStatus::NotMeasured, None),
    };
    Evaluation {
        series: series.to_string(),
        name: name.to_string(),
        rule: Rule::Qualitative,
        status,
        when: assessment.map(|_| When::Half(period)),
        value: None,
        requirement: None,
        gap: None,
        example: example && assessment.is_some(),
        decimals: 0,
        outcome: Outcome::Assessed { period, text },
        projection: None,
        history: Vec::new(),
        path: Vec::new(),
    }
}

/// `1 + percent/100` raised to a whole power, exactly.
fn grow(value: Decimal, percent: Decimal, years: u16) -> Decimal {
    // Validation bounds percentages and figures, so this stays far from
    // overflow; saturate rather than panic all the same.
    let factor = Decimal::ONE + percent / Decimal::ONE_HUNDRED;
    (0..years).fold(value, |v, _| v.checked_mul(factor).unwrap_or(v)).normalize()
}

/// A point on the straight line from `(y0, v0)` to `(y1, v1)`, held at `v1` after `y1`.
fn on_path(y0: u16, v0: Decimal, y1: u16, v1: Decimal, year: u16) -> Decimal {
    if year >= y1 || y1 <= y0 {
        return v1;
    }
    if year <= y0 {
        return v0;
    }
    (v0 + (v1 - v0) * Decimal::from(year - y0) / Decimal::from(y1 - y0)).normalize()
}

/// What a rule requires in a year, and what that is built from.
struct Required {
    req: Requirement,
    basis: Basis,
}

/// Everything a rule needs to set a requirement for a series.
struct Ctx<'a> {
    model: &'a Model,
    ind: &'a Indicator,
    values: &'a BTreeMap<u16, Value>,
}

impl Ctx<'_> {
    fn anchor(&self, a: &Anchor) -> Result<Decimal, Unset> {
        match a.value {
            Some(v) => Ok(v),
            None => self.values.get(&a.year).map(|v| v.value).ok_or(Unset::BaselineUnmeasured { year: a.year }),
        }
    }

    /// The requirement of `rule` for `year`, and what it is built from. A
    /// count is whole, so its requirement is too: "mindst 44,2" becomes
    /// "mindst 45", which every whole count meets or fails exactly as before.
    fn require(&self, rule: &Rule, year: u16) -> Result<Required, Unset> {
        let mut required = self.require_exact(rule, year)?;
        let counted = self.model.averaged_measure(self.ind).is_none();
        if matches!(self.ind.calc, Calc::Count { .. }) && counted {
            required.req.value = whole(required.req);
        }
        Ok(required)
    }

    fn require_exact(&self, rule: &Rule, year: u16) -> Result<Required, Unset> {
        let at_or_better = Cmp::at_or_better(self.ind.better);
        let better_than = Cmp::better_than(self.ind.better);
        let r = |cmp: Cmp, value: Decimal, basis: Basis| Ok(Required { req: Requirement { cmp, value }, basis });
        match rule {
            Rule::Ceiling { cmp, value } | Rule::Floor { cmp, value } => r(*cmp, *value, Basis::Stated),
            Rule::MinShare { min } => r(Cmp::AtLeast, *min, Basis::Stated),
            Rule::MinCount { min, per: Per::Year } => {
                // A count per year is judged only on a year the plan covers in
                // full: a plan that starts on 1 October has a quarter of 2017.
                let plan = &self.model.plan;
                let from =
                    (plan.start.year == year && (plan.start.month, plan.start.day) != (1, 1)).then_some(plan.start);
                let to = (plan.end.year == year && (plan.end.month, plan.end.day) != (12, 31)).then_some(plan.end);
                if from.is_some() || to.is_some() {
                    return Err(Unset::PartYear { year, from, to });
                }
                r(Cmp::AtLeast, *min, Basis::Count { per: Per::Year })
            }
            Rule::MinCount { min, per: Per::Half } => r(Cmp::AtLeast, *min, Basis::Count { per: Per::Half }),
            Rule::Path { from, to } => {
                if year <= from.year {
                    return Err(Unset::BaseYear { year: from.year });
                }
                let v0 = self.anchor(from)?;
                let target = to.value.unwrap_or_default();
                if year >= to.year {
                    return r(at_or_better, target, Basis::Stated);
                }
                let value = on_path(from.year, v0, to.year, target, year);
                let basis = Basis::OnPath {
                    year,
                    from: (from.year, v0),
                    from_stated: from.value.is_some(),
                    to: (to.year, target),
                };
                r(at_or_better, value, basis)
            }
            Rule::YearlyChange { percent, base_year } => {
                if year <= *base_year {
                    return Err(Unset::BaseYear { year: *base_year });
                }
                let Some((&prev_year, prev)) = self.values.range(*base_year..year).next_back() else {
                    return Err(Unset::NothingSince { year: *base_year });
                };
                let value = grow(prev.value, *percent, year - prev_year);
                r(at_or_better, value, Basis::YearlyChange { percent: *percent, from: (prev_year, prev.value), year })
            }
            Rule::ChangeFromBase { percent, base } => {
                if year <= base.year {
                    return Err(Unset::BaseYear { year: base.year });
                }
                let b = self.anchor(base)?;
                let value = grow(b, *percent, year - base.year);
                r(at_or_better, value, Basis::ChangeFromBase { percent: *percent, base: (base.year, b) })
            }
            Rule::Reference { series, year: fixed } => {
                let refs = yearly_values(self.model, self.ind, series, self.model.plan.last_year);
                let found = match fixed {
                    Some(y) => refs.get(y).map(|v| (*y, v.value)),
                    None => refs.range(..=year).next_back().map(|(y, v)| (*y, v.value)),
                };
                let Some((ref_year, value)) = found else {
                    return Err(Unset::NoReference { series: series.clone(), year: *fixed });
                };
                r(better_than, value, Basis::Reference { series: series.clone(), year: ref_year })
            }
            Rule::ZeroPoint { year: zero, percent } => {
                let Some(zv) = self.values.get(zero).map(|v| v.value) else {
                    return Err(Unset::ZeroPointUnmeasured { year: *zero });
                };
                if year <= *zero {
                    return Err(Unset::ZeroPointYear { year: *zero, value: zv });
                }
                match percent {
                    Some(p) => {
                        r(at_or_better, grow(zv, *p, 1), Basis::ZeroPointChange { percent: *p, zero: (*zero, zv) })
                    }
                    None => r(better_than, zv, Basis::ZeroPoint { year: *zero }),
                }
            }
            Rule::FloorThenGrowth { min, year: due, growth } => {
                if year >= *due {
                    let value = grow(*min, *growth, year - due);
                    let basis = if year == *due {
                        Basis::FloorReached
                    } else if growth.is_zero() {
                        Basis::FloorHeld { due: *due }
                    } else {
                        Basis::FloorGrowing { min: *min, due: *due, growth: *growth }
                    };
                    return r(Cmp::AtLeast, value, basis);
                }
                // Before the due year: the straight path from the first value of the plan period.
                let Some((&y0, v0)) = self.values.range(self.model.plan.start.year..).next() else {
                    return Err(Unset::NoValueInPlan);
                };
                if year <= y0 {
                    return Err(Unset::FirstMeasurement { year: y0, due: *due });
                }
                let value = on_path(y0, v0.value, *due, *min, year);
                r(Cmp::AtLeast, value, Basis::TowardsFloor { year, min: *min, due: *due })
            }
            Rule::ReduceBy { percent, base, by } => {
                if year <= base.year {
                    return Err(Unset::BaseYear { year: base.year });
                }
                let b = self.anchor(base)?;
                let target = grow(b, *percent, 1);
                let value = on_path(base.year, b, *by, target, year);
                let (percent, base, by) = (*percent, (base.year, b), *by);
                let basis = if year >= by {
                    Basis::Reduced { percent, base, by }
                } else {
                    Basis::Reducing { year, target, percent, base, by }
                };
                r(at_or_better, value, basis)
            }
            Rule::Direction { from, to } => {
                if year <= *from {
                    return Err(Unset::StartYear { year: *from });
                }
                let Some(b) = self.values.get(from).map(|v| v.value) else {
                    return Err(Unset::StartUnmeasured { year: *from });
                };
                r(better_than, b, Basis::Direction { from: *from, to: *to })
            }
            Rule::Qualitative => Err(Unset::Written),
        }
    }

    /// The rule's final target and the year it is due, for rules that have
    /// one; the requirement is `None` when only the direction counts.
    fn final_target(&self, rule: &Rule) -> Option<(u16, Option<Requirement>)> {
        let at_or_better = Cmp::at_or_better(self.ind.better);
        match rule {
            Rule::Path { to, .. } => {
                Some((to.year, Some(Requirement { cmp: at_or_better, value: to.value.unwrap_or_default() })))
            }
            Rule::ReduceBy { percent, base, by } => {
                let b = self.anchor(base).ok()?;
                Some((*by, Some(Requirement { cmp: at_or_better, value: grow(b, *percent, 1) })))
            }
            Rule::FloorThenGrowth { min, year, .. } => {
                Some((*year, Some(Requirement { cmp: Cmp::AtLeast, value: *min })))
            }
            Rule::Direction { to, .. } => Some((*to, None)),
            // Requirements for every year, with no later target.
            Rule::Ceiling { .. }
            | Rule::Floor { .. }
            | Rule::YearlyChange { .. }
            | Rule::ChangeFromBase { .. }
            | Rule::Reference { .. }
            | Rule::ZeroPoint { .. }
            | Rule::MinCount { .. }
            | Rule::MinShare { .. }
            | Rule::Qualitative => None,
        }
    }

    /// The fixed value a trend can be projected towards, and by when.
    fn projection_target(&self, rule: &Rule) -> Option<(u16, Requirement)> {
        let plan_end = self.model.plan.end.year;
        match rule {
            Rule::Ceiling { cmp, value } | Rule::Floor { cmp, value } => {
                Some((plan_end, Requirement { cmp: *cmp, value: *value }))
            }
            Rule::MinShare { min } => Some((plan_end, Requirement { cmp: Cmp::AtLeast, value: *min })),
            Rule::Path { .. }
            | Rule::ReduceBy { .. }
            | Rule::FloorThenGrowth { .. }
            | Rule::Direction { .. }
            | Rule::YearlyChange { .. }
            | Rule::ChangeFromBase { .. }
            | Rule::Reference { .. }
            | Rule::ZeroPoint { .. }
            | Rule::MinCount { .. }
            | Rule::Qualitative => self.final_target(rule).and_then(|(y, req)| req.map(|r| (y, r))),
        }
    }
}

/// The whole number a whole count must meet in place of `req.value`: up for
/// *mindst* and *under*, down for *højst* and *over*.
fn whole(req: Requirement) -> Decimal {
    match req.cmp {
        Cmp::AtLeast | Cmp::Below => req.value.ceil(),
        Cmp::AtMost | Cmp::Above => req.value.floor(),
    }
}

/// Judges a value against a year's requirement and the rule's final target.
fn judge(req: &Requirement, value: Decimal, year: u16, fin: Option<(u16, Option<Requirement>)>) -> GoalStatus {
    if !req.met_by(value) {
        return GoalStatus::NotMet;
    }
    match fin {
        Some((due, final_req)) if year < due => match final_req {
            Some(f) if f.met_by(value) => GoalStatus::Met,
            _ => GoalStatus::OnTrack,
        },
        _ => GoalStatus::Met,
    }
}

fn evaluate_series(
    model: &Model,
    ind: &Indicator,
    series: &str,
    name: &str,
    rule: &Rule,
    period: Period,
) -> Evaluation {
    let last_year = period.last_full_year();
    let values = yearly_values(model, ind, series, last_year);
    let ctx = Ctx { model, ind, values: &values };
    let first = model.plan.start.year;
    let mut eval = Evaluation {
        series: series.to_string(),
        name: name.to_string(),
        rule: rule.clone(),
        status: GoalStatus::NotMeasured,
        when: None,
        value: None,
        requirement: None,
        gap: None,
        example: false,
        decimals: ind.decimals,
        outcome: Outcome::NoValue { latest: None },
        projection: None,
        history: Vec::new(),
        path: Vec::new(),
    };

    if let Rule::MinCount { per: Per::Half, .. } = rule {
        let halves = half_values(model, ind, series, period);
        let in_plan: Vec<(Period, Value)> =
            halves.range(Period { year: first, half: 1 }..).map(|(p, v)| (*p, *v)).collect();
        for (p, v) in &in_plan {
            if let Ok(required) = ctx.require(rule, p.year) {
                let status = judge(&required.req, v.value, p.year, None);
                eval.history.push(Check {
                    when: When::Half(*p),
                    value: v.value,
                    requirement: Some(required.req),
                    status,
                });
            }
        }
        let Some((p, v)) = in_plan.last() else {
            eval.outcome = Outcome::NoHalfYears;
            return eval;
        };
        let required = ctx.require(rule, p.year).expect("a count requirement is always set");
        let status = judge(&required.req, v.value, p.year, None);
        fill(&mut eval, When::Half(*p), v, required, status, None);
        return eval;
    }

    let in_plan: Vec<(u16, Value)> = values.range(first..).map(|(y, v)| (*y, *v)).collect();
    let fin = ctx.final_target(rule);
    eval.path = (first..=model.plan.end.year)
        .filter_map(|year| ctx.require(rule, year).ok().map(|r| YearRequirement { year, requirement: r.req }))
        .collect();
    for (year, v) in &in_plan {
        let (requirement, status) = match ctx.require(rule, *year) {
            Ok(required) => (Some(required.req), judge(&required.req, v.value, *year, fin)),
            Err(_) => (None, GoalStatus::NotMeasured),
        };
        eval.history.push(Check { when: When::Year(*year), value: v.value, requirement, status });
    }
    // The latest year with a value; a year the plan covers only in part
    // gives way to the latest full year before it, if there is one.
    let full = |y: u16| !matches!(ctx.require(rule, y), Err(Unset::PartYear { .. }));
    let latest = in_plan.iter().rev().find(|(y, _)| full(*y)).or(in_plan.last());
    let Some((year, v)) = latest else {
        eval.outcome = Outcome::NoValue { latest: values.iter().next_back().map(|(y, v)| (*y, v.value)) };
        return eval;
    };
    match ctx.require(rule, *year) {
        Err(reason) => {
            eval.when = Some(When::Year(*year));
            eval.value = Some(v.value);
            eval.example = v.example;
            eval.outcome = Outcome::Unset { reason };
        }
        Ok(required) => {
            let status = judge(&required.req, v.value, *year, fin);
            // Where the trend leads, while there is time left to reach the target.
            let projection = ctx
                .projection_target(rule)
                .filter(|(due, _)| status != GoalStatus::Met && *year < *due)
                .and_then(|(due, target)| project(&values, *year, &target, due));
            fill(&mut eval, When::Year(*year), v, required, status, fin);
            eval.projection = projection;
        }
    }
    eval
}

/// Fills in a judged evaluation.
fn fill(
    eval: &mut Evaluation,
    when: When,
    v: &Value,
    required: Required,
    status: GoalStatus,
    final_target: Option<(u16, Option<Requirement>)>,
) {
    eval.status = status;
    eval.when = Some(when);
    eval.value = Some(v.value);
    eval.requirement = Some(required.req);
    eval.gap = Some(v.value - required.req.value);
    eval.example = v.example;
    eval.decimals = tell_apart(v.value, required.req.value, eval.decimals);
    eval.outcome = Outcome::Judged { basis: required.basis, final_target };
}

/// The indicator's decimals, or up to three more where a value and its
/// requirement would print alike ("20,5; målet er højst 20,5. 0,0 over målet").
fn tell_apart(a: Decimal, b: Decimal, base: u32) -> u32 {
    crate::model::text::decimals_to_tell_apart(a, b, base, base + 3)
}
