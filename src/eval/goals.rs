//! Success criteria: every *succeskriterium* of the plan evaluated for each
//! series it applies to, with the value compared, the target for that year,
//! the gap and one Danish sentence built from the numbers.
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

use crate::eval::projection::{Projection, project};
use crate::eval::values::{Value, half_values, yearly_values};
use crate::model::text::{format_da, format_da_as_written};
use crate::model::{Anchor, Assessment, Better, Cmp, Criterion, GoalStatus, Indicator, Model, Per, Period, Rule};
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
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// Series id (an area or `samlet`).
    #[serde(rename = "serie")]
    pub series: String,
    /// Its name.
    #[serde(rename = "navn")]
    pub name: String,
    /// The rule.
    #[serde(rename = "regel")]
    pub rule: Rule,
    /// The status.
    pub status: GoalStatus,
    /// The year or half-year judged (`2018`, `2018-H2`).
    #[serde(rename = "periode")]
    pub when: Option<When>,
    /// The value compared.
    #[serde(rename = "værdi")]
    pub value: Option<Decimal>,
    /// The requirement for that period.
    #[serde(rename = "krav")]
    pub requirement: Option<Requirement>,
    /// Value minus requirement, exact.
    #[serde(rename = "afstand")]
    pub gap: Option<Decimal>,
    /// Whether an input was illustrative.
    #[serde(rename = "eksempeldata")]
    pub example: bool,
    /// The decimals the sentence prints the value and requirement with: the
    /// indicator's, or more where they would otherwise print alike.
    #[serde(rename = "decimaler")]
    pub decimals: u32,
    /// The Danish sentence.
    #[serde(rename = "tekst")]
    pub sentence: String,
    /// Where the trend leads, for rules with a fixed target.
    #[serde(rename = "fremskrivning")]
    pub projection: Option<Projection>,
    /// Every period of the plan with a value.
    #[serde(rename = "forløb")]
    pub history: Vec<Check>,
    /// The requirement for every year of the plan it can be set for, also
    /// years not yet measured: the target line of the charts. Empty for
    /// half-yearly and qualitative criteria.
    #[serde(rename = "krav_pr_år")]
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
#[derive(Debug, Clone, Serialize)]
pub struct CriterionResult {
    /// Criterion id.
    pub id: String,
    /// Strand of work id.
    #[serde(rename = "indsatsområde")]
    pub focus_area: String,
    /// Activity id, if any.
    #[serde(rename = "aktivitet")]
    pub activity: Option<String>,
    /// The criterion as the plan words it.
    #[serde(rename = "tekst")]
    pub text: String,
    /// Indicator id, if measured.
    #[serde(rename = "indikator")]
    pub indicator: Option<String>,
    /// Data source.
    #[serde(rename = "datakilde")]
    pub source: String,
    /// The criterion's status (worst of its measured series).
    pub status: GoalStatus,
    /// The secretariat's assessment for the half-year, if written.
    #[serde(rename = "vurdering")]
    pub assessment: Option<String>,
    /// One per series.
    #[serde(rename = "resultater")]
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
    let (status, sentence) = match assessment {
        Some(Assessment { status: Some(s), text }) => {
            (*s, format!("{name}: {} i {}. {text}", s.danish(), period.danish()))
        }
        _ => (GoalStatus::NotMeasured, format!("{name}: ingen skriftlig vurdering for {}.", period.danish())),
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
        sentence,
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

/// What a rule requires in a year, with the words for it; or why it cannot say yet.
struct Required {
    req: Requirement,
    /// Follows "målet er ": `højst 26,4 (på vejen fra 30,7 i 2016 til 20,0 i 2021)`.
    words: String,
}

/// Everything a rule needs to set a requirement for a series.
struct Ctx<'a> {
    model: &'a Model,
    ind: &'a Indicator,
    values: &'a BTreeMap<u16, Value>,
    /// Decimals in the words: the indicator's, or more where a value and
    /// its requirement would otherwise print the same.
    decimals: u32,
}

impl Ctx<'_> {
    /// A figure in a target's words: the unit only where it is `%`, as the
    /// value just before already names it (`målet er under 30,0`).
    fn fmt(&self, v: Decimal) -> String {
        short(self.ind, format_da(v, self.decimals))
    }

    /// A value the plan states: at least as many decimals as written (30,65).
    fn fmt_given(&self, v: Decimal) -> String {
        let decimals = self.decimals.max(v.normalize().scale());
        short(self.ind, format_da(v, decimals))
    }

    fn anchor(&self, a: &Anchor) -> Result<Decimal, String> {
        match a.value {
            Some(v) => Ok(v),
            None => self
                .values
                .get(&a.year)
                .map(|v| v.value)
                .ok_or_else(|| format!("basisværdien for {} er ikke målt", a.year)),
        }
    }

    fn better(&self) -> Better {
        self.ind.better
    }

    /// The requirement of `rule` for `year`.
    fn require(&self, rule: &Rule, year: u16) -> Result<Required, String> {
        let at_or_better = Cmp::at_or_better(self.better());
        let better_than = Cmp::better_than(self.better());
        let r = |cmp: Cmp, value: Decimal, words: String| Ok(Required { req: Requirement { cmp, value }, words });
        match rule {
            Rule::Ceiling { cmp, value } | Rule::Floor { cmp, value } => {
                r(*cmp, *value, format!("{} {}", cmp.danish(), self.fmt_given(*value)))
            }
            Rule::MinShare { min } => r(Cmp::AtLeast, *min, format!("mindst {}", self.fmt_given(*min))),
            Rule::MinCount { min, per } => {
                let per = if *per == Per::Year { "om året" } else { "i halvåret" };
                r(Cmp::AtLeast, *min, format!("mindst {} {per}", self.fmt_given(*min)))
            }
            Rule::Path { from, to } => {
                if year <= from.year {
                    return Err(format!("{} er basisåret; målet gælder fra {}", from.year, from.year + 1));
                }
                let v0 = self.anchor(from)?;
                let target = to.value.unwrap_or_default();
                let value = on_path(from.year, v0, to.year, target, year);
                let words = if year >= to.year {
                    format!("{} {}", at_or_better.danish(), self.fmt_given(target))
                } else {
                    format!(
                        "{} {} i {year} (på vejen fra {} i {} til {} i {})",
                        at_or_better.danish(),
                        self.fmt(value),
                        if from.value.is_some() { self.fmt_given(v0) } else { self.fmt(v0) },
                        from.year,
                        self.fmt_given(target),
                        to.year
                    )
                };
                r(at_or_better, value, words)
            }
            Rule::YearlyChange { percent, base_year } => {
                if year <= *base_year {
                    return Err(format!("{base_year} er basisåret; målet gælder fra {}", base_year + 1));
                }
                let Some((&prev_year, prev)) = self.values.range(*base_year..year).next_back() else {
                    return Err(format!("der er intet tal fra {base_year} eller senere at sammenligne med"));
                };
                let value = grow(prev.value, *percent, year - prev_year);
                let per = if year - prev_year == 1 { String::new() } else { " om året".to_string() };
                let words = format!(
                    "{} {} ({} %{per} {} end {} i {prev_year})",
                    at_or_better.danish(),
                    self.fmt(value),
                    format_da_as_written(percent.abs()),
                    if percent.is_sign_negative() { "lavere" } else { "højere" },
                    self.fmt(prev.value)
                );
                r(at_or_better, value, words)
            }
            Rule::ChangeFromBase { percent, base } => {
                if year <= base.year {
                    return Err(format!("{} er basisåret; målet gælder fra {}", base.year, base.year + 1));
                }
                let b = self.anchor(base)?;
                let value = grow(b, *percent, year - base.year);
                let words = format!(
                    "{} {} ({} % {} om året fra {} i {})",
                    at_or_better.danish(),
                    self.fmt(value),
                    format_da_as_written(percent.abs()),
                    if percent.is_sign_negative() { "lavere" } else { "højere" },
                    self.fmt(b),
                    base.year
                );
                r(at_or_better, value, words)
            }
            Rule::Reference { series, year: fixed } => {
                let name = self.model.series(series).map_or(series.as_str(), |s| s.name.as_str());
                let refs = yearly_values(self.model, self.ind, series, self.model.plan.last_year);
                let found = match fixed {
                    Some(y) => refs.get(y).map(|v| (*y, v.value)),
                    None => refs.range(..=year).next_back().map(|(y, v)| (*y, v.value)),
                };
                let Some((ref_year, value)) = found else {
                    return Err(format!(
                        "referencen {name} har intet tal{}",
                        fixed.map(|y| format!(" for {y}")).unwrap_or_default()
                    ));
                };
                r(better_than, value, format!("{} {} ({name} {ref_year})", better_than.danish(), self.fmt(value)))
            }
            Rule::ZeroPoint { year: zero, percent } => {
                let Some(zv) = self.values.get(zero).map(|v| v.value) else {
                    return Err(format!("målet fastsættes ud fra nulpunktet i {zero}, som ikke er målt endnu"));
                };
                if year <= *zero {
                    return Err(format!("{zero} er nulpunktet ({}); målet gælder fra {}", self.fmt(zv), zero + 1));
                }
                match percent {
                    Some(p) => {
                        let value = grow(zv, *p, 1);
                        let way = if p.is_sign_negative() { "lavere" } else { "højere" };
                        let words = format!(
                            "{} {} ({} % {way} end nulpunktet {} i {zero})",
                            at_or_better.danish(),
                            self.fmt(value),
                            format_da_as_written(p.abs()),
                            self.fmt(zv)
                        );
                        r(at_or_better, value, words)
                    }
                    None => {
                        r(better_than, zv, format!("{} {} (nulpunktet i {zero})", better_than.danish(), self.fmt(zv)))
                    }
                }
            }
            Rule::FloorThenGrowth { min, year: due, growth } => {
                if year >= *due {
                    let value = grow(*min, *growth, year - due);
                    let words = if year == *due {
                        format!("mindst {}", self.fmt(value))
                    } else if growth.is_zero() {
                        format!("mindst {} (nået i {due} og derefter fastholdt)", self.fmt(value))
                    } else {
                        format!(
                            "mindst {} ({} i {due}, derefter {} % mere om året)",
                            self.fmt(value),
                            self.fmt(*min),
                            format_da_as_written(*growth)
                        )
                    };
                    return r(Cmp::AtLeast, value, words);
                }
                // Before the due year: the straight path from the first value of the plan period.
                let Some((&y0, v0)) = self.values.range(self.model.plan.start.year..).next() else {
                    return Err("der er intet tal i planperioden endnu".into());
                };
                if year <= y0 {
                    return Err(format!(
                        "{y0} er første måling i planperioden; vejen mod målet i {due} måles fra {}",
                        y0 + 1
                    ));
                }
                let value = on_path(y0, v0.value, *due, *min, year);
                r(
                    Cmp::AtLeast,
                    value,
                    format!("mindst {} i {year} (på vejen mod {} i {due})", self.fmt(value), self.fmt(*min)),
                )
            }
            Rule::ReduceBy { percent, base, by } => {
                if year <= base.year {
                    return Err(format!("{} er basisåret; målet gælder fra {}", base.year, base.year + 1));
                }
                let b = self.anchor(base)?;
                let target = grow(b, *percent, 1);
                let value = on_path(base.year, b, *by, target, year);
                let change = format!(
                    "{} % {} end {} i {}",
                    format_da_as_written(percent.abs()),
                    if percent.is_sign_negative() { "lavere" } else { "højere" },
                    self.fmt(b),
                    base.year
                );
                let words = if year >= *by {
                    format!(
                        "{} {} ({change}, nået senest i {by} og derefter fastholdt)",
                        at_or_better.danish(),
                        self.fmt(target)
                    )
                } else {
                    format!(
                        "{} {} i {year} (på vejen mod {}, {change}, senest i {by})",
                        at_or_better.danish(),
                        self.fmt(value),
                        self.fmt(target)
                    )
                };
                r(at_or_better, value, words)
            }
            Rule::Direction { from, to } => {
                if year <= *from {
                    return Err(format!("{from} er udgangspunktet; udviklingen måles fra {}", from + 1));
                }
                let Some(b) = self.values.get(from).map(|v| v.value) else {
                    return Err(format!("udgangspunktet i {from} er ikke målt"));
                };
                let way = if self.better() == Better::Lower { "falde" } else { "stige" };
                r(
                    better_than,
                    b,
                    format!("{} {} (niveauet i {from}; skal {way} frem til {to})", better_than.danish(), self.fmt(b)),
                )
            }
            Rule::Qualitative => Err("vurderes skriftligt".into()),
        }
    }

    /// The rule's final target and the year it is due, for rules that have
    /// one; the requirement is `None` when only the direction counts.
    fn final_target(&self, rule: &Rule) -> Option<(u16, Option<Requirement>)> {
        let at_or_better = Cmp::at_or_better(self.better());
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
    let ctx = Ctx { model, ind, values: &values, decimals: ind.decimals };
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
        sentence: String::new(),
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
            eval.sentence = format!("{name}: ikke målt endnu; der er ingen halvårstal i planperioden.");
            return eval;
        };
        let required = ctx.require(rule, p.year).expect("a count requirement is always set");
        let status = judge(&required.req, v.value, p.year, None);
        let ctx = Ctx { decimals: tell_apart(v.value, required.req.value, ind.decimals), ..ctx };
        let required = ctx.require(rule, p.year).expect("a count requirement is always set");
        fill(&mut eval, &ctx, When::Half(*p), v, &required, status, None);
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
    let Some((year, v)) = in_plan.last() else {
        let before = values
            .iter()
            .next_back()
            .map(|(y, v)| format!(" (seneste tal: {} i {y})", fmt_value(ind, v.value)))
            .unwrap_or_default();
        eval.sentence = format!("{name}: ikke målt endnu; der er ingen tal fra planperioden{before}.");
        return eval;
    };
    match ctx.require(rule, *year) {
        Err(reason) => {
            eval.when = Some(When::Year(*year));
            eval.value = Some(v.value);
            eval.example = v.example;
            eval.sentence =
                format!("{name}: {} i {year}; ikke målt endnu mod målet: {reason}.", fmt_value(ind, v.value));
        }
        Ok(required) => {
            let status = judge(&required.req, v.value, *year, fin);
            // Where the trend leads, while there is time left to reach the target.
            let projection = ctx
                .projection_target(rule)
                .filter(|(due, _)| status != GoalStatus::Met && *year < *due)
                .and_then(|(due, target)| project(&values, *year, &target, due));
            let ctx = Ctx { decimals: tell_apart(v.value, required.req.value, ind.decimals), ..ctx };
            let required = ctx.require(rule, *year).unwrap_or(required);
            fill(&mut eval, &ctx, When::Year(*year), v, &required, status, fin);
            eval.projection = projection;
        }
    }
    eval
}

/// Fills in a judged evaluation and writes its sentence.
#[allow(clippy::too_many_arguments)]
fn fill(
    eval: &mut Evaluation,
    ctx: &Ctx,
    when: When,
    v: &Value,
    required: &Required,
    status: GoalStatus,
    fin: Option<(u16, Option<Requirement>)>,
) {
    let ind = ctx.ind;
    let gap = v.value - required.req.value;
    let gap_words = gap_sentence(ind, gap, ctx.decimals, &required.req, status);
    let value_words = fmt_value_with(ind, v.value, ctx.decimals);
    let when_words = match when {
        When::Year(year) => year.to_string(),
        When::Half(period) => period.danish(),
    };
    let mut sentence = format!("{}: {value_words} i {when_words}; målet er {}. {gap_words}", eval.name, required.words);
    if let Some((due, f)) = fin {
        match (status, f) {
            (GoalStatus::OnTrack, Some(f)) => {
                sentence.push_str(&format!(" På vej mod {} {} i {due}.", f.cmp.danish(), ctx.fmt(f.value)))
            }
            (GoalStatus::OnTrack, None) => sentence.push_str(&format!(" Afgøres i {due}.")),
            (GoalStatus::Met, Some(_)) if matches!(when, When::Year(y) if y < due) => {
                sentence.push_str(&format!(" Slutmålet for {due} er allerede nået."));
            }
            _ => {}
        }
    }
    eval.status = status;
    eval.when = Some(when);
    eval.value = Some(v.value);
    eval.requirement = Some(required.req);
    eval.gap = Some(gap);
    eval.example = v.example;
    eval.decimals = ctx.decimals;
    eval.sentence = sentence;
}

/// `4,2 over målet.`, `1,0 under målet.`, `Lige på målet.`
fn gap_sentence(ind: &Indicator, gap: Decimal, decimals: u32, req: &Requirement, status: GoalStatus) -> String {
    let unit = if ind.unit == "%" { " procentpoint" } else { "" };
    let amount = format_da(gap.abs(), decimals);
    if gap.is_zero() {
        return if status == GoalStatus::NotMet {
            format!("Lige på grænsen, men målet er {} den.", req.cmp.danish())
        } else {
            "Lige på målet.".to_string()
        };
    }
    let side = if gap.is_sign_positive() { "over" } else { "under" };
    format!("{amount}{unit} {side} målet.")
}

/// A value with its unit: `34,2 pr. 1000 beboere`, `72,4 %`, `28`.
pub fn fmt_value(ind: &Indicator, v: Decimal) -> String {
    fmt_value_with(ind, v, ind.decimals)
}

/// The indicator's decimals, or up to three more where a value and its
/// requirement would print alike ("20,5; målet er højst 20,5. 0,0 over målet").
fn tell_apart(a: Decimal, b: Decimal, base: u32) -> u32 {
    crate::model::text::decimals_to_tell_apart(a, b, base, base + 3)
}

fn fmt_value_with(ind: &Indicator, v: Decimal, decimals: u32) -> String {
    let n = format_da(v, decimals);
    match ind.unit.as_str() {
        "%" => format!("{n} %"),
        "antal" => n,
        unit => format!("{n} {unit}"),
    }
}

fn short(ind: &Indicator, n: String) -> String {
    if ind.unit == "%" { format!("{n} %") } else { n }
}
