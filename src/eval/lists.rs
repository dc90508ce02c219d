//! The official lists of almenboligloven § 61 a (and from 2021 § 61 b): the
//! "ghettolist", *udsatte boligområder*, *parallelsamfund* and
//! *forebyggelsesområder*, evaluated for one area and one list year.
//!
//! The criteria are data, not code (see [`crate::model::lists`]). The list of
//! year L is published on 1 December L and built on data up to and including
//! year L-1. Every figure is an exact [`Decimal`]; an average is the plain
//! mean of the yearly values. Missing figures make a criterion unknown, and
//! unknowns propagate by three-valued (Kleene) logic, so an area is only given
//! a status when the missing figures could not change it.
//!
//! The rules read their figures through [`ListInputs`]; [`evaluate_model`]
//! supplies them from the plan's model.

use crate::model::lists::{Category, Criterion, Input, ListRules, RuleSet};
use crate::model::{Cmp, Date};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeSet;
use std::collections::HashMap;
use std::ops::RangeInclusive;

/// The figures the rules read, supplied by the caller (the plan's data).
pub trait ListInputs {
    /// The value of input `input` (an indicator id) for `area` in data year `year`.
    fn value(&self, area: &str, input: &str, year: u16) -> Option<Decimal>;
    /// The national average of `input` in `year` (from the `landsgennemsnit` series).
    fn national(&self, input: &str, year: u16) -> Option<Decimal>;
    /// The number of residents of `area` in `year`.
    fn residents(&self, area: &str, year: u16) -> Option<Decimal>;
}

/// The rule set in force for the list of `list_year`: the one with the latest
/// `gælder_fra` on or before 1 December of that year.
pub fn rule_set_for(rules: &ListRules, list_year: u16) -> Option<&RuleSet> {
    let published = Date { year: list_year, month: 12, day: 1 };
    rules.sets.iter().filter(|s| s.valid_from <= published).max_by_key(|s| s.valid_from)
}

/// One area on one list: every criterion, every category and the status.
#[derive(Debug, Clone)]
pub struct ListResult {
    /// The area id.
    pub area: String,
    /// The list year L (published 1 December L).
    pub list_year: u16,
    /// The rule set's id.
    pub rule_set: String,
    /// The rule set's name.
    pub rule_set_name: String,
    /// The data years read, ascending.
    pub data_years: Vec<u16>,
    /// The resident minimum.
    pub residents: ResidentCheck,
    /// Each criterion, in the set's order.
    pub criteria: Vec<CriterionResult>,
    /// Each category, in the set's order.
    pub categories: Vec<CategoryResult>,
    /// The resulting status.
    pub status: Status,
    /// The figures it lacks, in the order they were met, each once.
    pub missing: Vec<MissingFigure>,
}

/// A figure a list evaluation lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MissingFigure {
    /// The number of residents in the data year.
    Residents {
        /// The data year.
        year: u16,
    },
    /// An input's value for the area.
    Input {
        /// The input's name.
        name: String,
        /// The years without it.
        years: Vec<u16>,
    },
    /// An input's national average.
    National {
        /// The input's name.
        name: String,
        /// The years without it.
        years: Vec<u16>,
    },
}

impl ListResult {
    /// The result of criterion `id`.
    pub fn criterion(&self, id: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The result of category `id`.
    pub fn category(&self, id: &str) -> Option<&CategoryResult> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// Whether criterion or category `id` holds; unknown ids are unknown.
    pub fn truth(&self, id: &str) -> Option<bool> {
        match self.criterion(id) {
            Some(c) => c.met,
            None => self.category(id).and_then(|c| c.holds),
        }
    }
}

/// How many of `ids` hold, and how many are unknown, by `truth`.
pub fn count(ids: &[String], truth: impl Fn(&str) -> Option<bool>) -> (usize, usize) {
    let met = ids.iter().filter(|id| truth(id) == Some(true)).count();
    (met, ids.iter().filter(|id| truth(id).is_none()).count())
}

/// Whether the area has the residents a listed area must have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResidentCheck {
    /// The data year counted (L-1).
    #[serde(rename = "år")]
    pub year: u16,
    /// The number of residents, if known.
    #[serde(rename = "antal")]
    pub value: Option<Decimal>,
    /// The minimum.
    #[serde(rename = "mindst")]
    pub minimum: Decimal,
    /// Whether the minimum is met; `None` when the number is unknown.
    #[serde(rename = "opfyldt")]
    pub met: Option<bool>,
}

/// A threshold that is a multiple of the national average.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NationalBasis {
    /// The national values of the years averaged.
    #[serde(rename = "årsværdier")]
    pub yearly: Vec<Option<Decimal>>,
    /// Their mean, when all are known.
    #[serde(rename = "gennemsnit")]
    pub average: Option<Decimal>,
    /// The multiple.
    #[serde(rename = "gange")]
    pub multiple: Decimal,
}

/// One criterion evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    /// The criterion's id.
    pub id: String,
    /// The input read.
    pub input: String,
    /// The input's name.
    #[serde(rename = "navn")]
    pub name: String,
    /// The input's unit.
    #[serde(rename = "enhed")]
    pub unit: String,
    /// The data years averaged, ascending.
    #[serde(rename = "år")]
    pub years: Vec<u16>,
    /// The area's value in each of those years.
    #[serde(rename = "årsværdier")]
    pub yearly: Vec<Option<Decimal>>,
    /// The exact mean, when every year is known.
    #[serde(rename = "værdi")]
    pub value: Option<Decimal>,
    /// The comparison.
    #[serde(rename = "sammenligning")]
    pub comparison: Cmp,
    /// The threshold (for a multiple: multiple × national average), when known.
    #[serde(rename = "grænse")]
    pub threshold: Option<Decimal>,
    /// For a multiple of the national average: the average and the multiple.
    #[serde(rename = "landsgennemsnit")]
    pub national: Option<NationalBasis>,
    /// Whether the criterion is met; `None` when figures are missing.
    #[serde(rename = "opfyldt")]
    pub met: Option<bool>,
    /// Value − threshold, exact.
    pub margin: Option<Decimal>,
}

/// One category evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryResult {
    /// The category's id.
    pub id: String,
    /// Its name.
    #[serde(rename = "navn")]
    pub name: String,
    /// Whether it holds; `None` when that depends on missing figures.
    #[serde(rename = "opfyldt")]
    pub holds: Option<bool>,
}

/// Which list, if any, the area is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The first category that holds, with none above it unknown.
    Listed {
        /// The category id.
        id: String,
        /// Its name.
        name: String,
    },
    /// On no list: no category holds, or too few residents.
    NotListed {
        /// Why.
        reason: NotListed,
    },
    /// Missing figures decide it.
    Undecided {
        /// The first category that holds, below the open ones, if any.
        at_least: Option<String>,
        /// The names of the categories missing figures leave open (above
        /// `at_least`, when there is one).
        open: Vec<String>,
    },
}

/// Why an area is on no list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotListed {
    /// It has fewer residents than the rule set's minimum.
    TooFewResidents,
    /// No category holds.
    NoCategory,
}

impl Status {
    /// The category id when the area is listed.
    pub fn category(&self) -> Option<&str> {
        match self {
            Status::Listed { id, .. } => Some(id),
            _ => None,
        }
    }
}

/// Kleene conjunction.
fn and(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// The exact mean; `None` for no values or on overflow.
fn mean(values: &[Decimal]) -> Option<Decimal> {
    let sum = values.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))?;
    sum.checked_div(Decimal::from(values.len()))
}

/// The mean of yearly values when all are known.
fn mean_of_known(values: &[Option<Decimal>]) -> Option<Decimal> {
    let known: Option<Vec<Decimal>> = values.iter().copied().collect();
    mean(&known?)
}

/// Missing figures in order of appearance, without repeats.
#[derive(Default)]
struct Missing(Vec<MissingFigure>);

impl Missing {
    /// Adds a missing figure unless it is already there.
    fn add(&mut self, figure: MissingFigure) {
        if !self.0.contains(&figure) {
            self.0.push(figure);
        }
    }
}

/// The years of a list's criterion: L-N .. L-1.
fn criterion_years(list_year: u16, n: u16) -> Vec<u16> {
    (1..=n).rev().filter_map(|back| list_year.checked_sub(back)).collect()
}

/// Evaluates one criterion for `area`, recording the figures it lacks.
fn evaluate_criterion(
    criterion: &Criterion,
    input: &Input,
    inputs: &dyn ListInputs,
    area: &str,
    list_year: u16,
    missing: &mut Missing,
) -> CriterionResult {
    let years = criterion_years(list_year, criterion.average_years);
    let yearly: Vec<Option<Decimal>> = years.iter().map(|&y| inputs.value(area, &input.id, y)).collect();
    let value = mean_of_known(&yearly);
    let area_missing: Vec<u16> = years.iter().zip(&yearly).filter(|(_, v)| v.is_none()).map(|(y, _)| *y).collect();
    if !area_missing.is_empty() {
        missing.add(MissingFigure::Input { name: input.name.clone(), years: area_missing });
    }

    let (threshold, national) = if criterion.national_multiple {
        let nat_yearly: Vec<Option<Decimal>> = years.iter().map(|&y| inputs.national(&input.id, y)).collect();
        let national_missing: Vec<u16> =
            years.iter().zip(&nat_yearly).filter(|(_, v)| v.is_none()).map(|(y, _)| *y).collect();
        if !national_missing.is_empty() {
            missing.add(MissingFigure::National { name: input.name.clone(), years: national_missing });
        }
        let average = mean_of_known(&nat_yearly);
        let threshold = average.and_then(|a| a.checked_mul(criterion.threshold));
        (threshold, Some(NationalBasis { yearly: nat_yearly, average, multiple: criterion.threshold }))
    } else {
        (Some(criterion.threshold), None)
    };

    let (met, margin) = match (value, threshold) {
        (Some(v), Some(t)) => (Some(criterion.comparison.holds(v, t)), v.checked_sub(t)),
        _ => (None, None),
    };

    CriterionResult {
        id: criterion.id.clone(),
        input: input.id.clone(),
        name: input.name.clone(),
        unit: input.unit.clone(),
        years,
        yearly,
        value,
        comparison: criterion.comparison,
        threshold,
        national,
        met,
        margin,
    }
}

/// The truth of each criterion and (evaluated) category.
struct Truths<'a> {
    values: HashMap<&'a str, Option<bool>>,
}

impl Truths<'_> {
    /// The truth of a criterion or category; unknown ids are unknown.
    fn get(&self, id: &str) -> Option<bool> {
        self.values.get(id).copied().flatten()
    }

    /// How many of `ids` hold, and how many are unknown.
    fn count(&self, ids: &[String]) -> (usize, usize) {
        count(ids, |id| self.get(id))
    }
}

/// Evaluates one category from the truths of what it builds on (Kleene logic).
fn evaluate_category(category: &Category, truths: &Truths, residents_ok: Option<bool>) -> CategoryResult {
    // Kleene `and`: an unknown does not end the fold, a later `false` still decides.
    #[allow(clippy::manual_try_fold)]
    let mut holds = category.all.iter().fold(Some(true), |acc, id| and(acc, truths.get(id)));
    if let Some(at_least) = &category.at_least {
        let (met, unknown) = truths.count(&at_least.of);
        let verdict = if met >= at_least.count {
            Some(true)
        } else if met + unknown < at_least.count {
            Some(false)
        } else {
            None
        };
        holds = and(holds, verdict);
    }
    holds = category.not.iter().fold(holds, |acc, id| and(acc, truths.get(id).map(|t| !t)));
    holds = and(holds, residents_ok);
    CategoryResult { id: category.id.clone(), name: category.name.clone(), holds }
}

/// The status: the first category that holds, unless one above it is open.
fn status_of(categories: &[CategoryResult], residents: &ResidentCheck) -> Status {
    if let (Some(false), Some(_)) = (residents.met, residents.value) {
        return Status::NotListed { reason: NotListed::TooFewResidents };
    }
    let mut open: Vec<String> = Vec::new();
    for category in categories {
        match category.holds {
            Some(true) if open.is_empty() => {
                return Status::Listed { id: category.id.clone(), name: category.name.clone() };
            }
            Some(true) => return Status::Undecided { at_least: Some(category.name.clone()), open },
            Some(false) => {}
            None => open.push(category.name.clone()),
        }
    }
    if open.is_empty() {
        Status::NotListed { reason: NotListed::NoCategory }
    } else {
        Status::Undecided { at_least: None, open }
    }
}

/// Evaluates the list of `list_year` for `area`: `None` when no rule set applies.
pub fn evaluate(rules: &ListRules, inputs: &dyn ListInputs, area: &str, list_year: u16) -> Option<ListResult> {
    let set = rule_set_for(rules, list_year)?;
    let data_year = list_year.checked_sub(1)?;
    let mut missing = Missing::default();

    let count = inputs.residents(area, data_year);
    if count.is_none() {
        missing.add(MissingFigure::Residents { year: data_year });
    }
    let residents = ResidentCheck {
        year: data_year,
        value: count,
        minimum: set.min_residents,
        met: count.map(|n| n >= set.min_residents),
    };

    let criteria: Vec<CriterionResult> = set
        .criteria
        .iter()
        .filter_map(|c| {
            let input = rules.input(&c.input)?;
            Some(evaluate_criterion(c, input, inputs, area, list_year, &mut missing))
        })
        .collect();

    let mut truths = Truths { values: HashMap::new() };
    for result in &criteria {
        if let Some(criterion) = set.criterion(&result.id) {
            truths.values.insert(criterion.id.as_str(), result.met);
        }
    }
    // A category builds only on categories below it, so evaluate bottom-up.
    let mut categories = Vec::with_capacity(set.categories.len());
    for category in set.categories.iter().rev() {
        let result = evaluate_category(category, &truths, residents.met);
        truths.values.insert(category.id.as_str(), result.holds);
        categories.push(result);
    }
    categories.reverse();

    let status = status_of(&categories, &residents);
    let data_years: BTreeSet<u16> = criteria.iter().flat_map(|c| c.years.iter().copied()).chain([data_year]).collect();

    Some(ListResult {
        area: area.to_string(),
        list_year,
        rule_set: set.id.clone(),
        rule_set_name: set.name.clone(),
        data_years: data_years.into_iter().collect(),
        residents,
        criteria,
        categories,
        status,
        missing: missing.0,
    })
}

/// Evaluates every area for every list year in `years` that has a rule set
/// and at least one input for the year before; sorted by area order, then year.
pub fn evaluate_all(
    rules: &ListRules,
    inputs: &dyn ListInputs,
    areas: &[&str],
    years: RangeInclusive<u16>,
) -> Vec<ListResult> {
    let mut results = Vec::new();
    for area in areas {
        for list_year in years.clone() {
            let (Some(set), Some(data_year)) = (rule_set_for(rules, list_year), list_year.checked_sub(1)) else {
                continue;
            };
            let has_data = set.criteria.iter().any(|c| inputs.value(area, &c.input, data_year).is_some());
            if has_data {
                results.extend(evaluate(rules, inputs, area, list_year));
            }
        }
    }
    results
}

// ---------------------------------------------------------------------------
// The plan's figures as inputs

/// The plan's figures as [`ListInputs`]: each input is the indicator of the
/// same id, the national average is that indicator's value on the rule
/// file's `landsgennemsnit` series, and residents are the `beboere` count.
pub struct ModelInputs<'a> {
    model: &'a crate::model::Model,
    national_series: &'a str,
}

/// The measure the resident minimum reads.
pub const RESIDENTS_MEASURE: &str = "beboere";

impl ListInputs for ModelInputs<'_> {
    fn value(&self, area: &str, input: &str, year: u16) -> Option<Decimal> {
        let indicator = self.model.indicator(input)?;
        crate::eval::values::own_value(self.model, indicator, area, year).ok().map(|v| v.value)
    }

    fn national(&self, input: &str, year: u16) -> Option<Decimal> {
        self.value(self.national_series, input, year)
    }

    fn residents(&self, area: &str, year: u16) -> Option<Decimal> {
        self.model.year(area, year)?.counts.get(RESIDENTS_MEASURE).map(|f| f.value)
    }
}

/// One area's list status for a list year, as the plan's figures give it.
#[derive(Debug, Clone)]
pub struct ModelListResult {
    /// The evaluation.
    pub result: ListResult,
    /// Whether any figure it rests on is illustrative (*eksempeldata*).
    pub example: bool,
    /// Whether the list is published (1 December) after the half-year
    /// reported on: then it is a calculation on the newest figures, not the
    /// official list.
    pub forecast: bool,
}

/// Every area's list status for each list year whose data year (the year
/// before) lies within the plan's data and at or before the report's last
/// full year, with the plan's rule sets.
pub fn evaluate_model(model: &crate::model::Model, period: crate::model::Period) -> Vec<ModelListResult> {
    let rules = &model.list_rules;
    let inputs = ModelInputs { model, national_series: &rules.national_series };
    let areas: Vec<&str> = model.areas().map(|a| a.id.as_str()).collect();
    let last = period.last_full_year().min(model.plan.last_year) + 1;
    // The list of year L is published on 1 December L, in L's second half.
    let published_by = |list_year: u16| crate::model::Period { year: list_year, half: 2 } <= period;
    evaluate_all(rules, &inputs, &areas, model.plan.first_year + 1..=last)
        .into_iter()
        .map(|result| {
            let example = rests_on_examples(model, rules, &result);
            let forecast = !published_by(result.list_year);
            ModelListResult { result, example, forecast }
        })
        .collect()
}

/// Whether any input, national average or resident count of the data years is illustrative.
fn rests_on_examples(model: &crate::model::Model, rules: &ListRules, result: &ListResult) -> bool {
    let example = |series: &str, input: &str, year: u16| {
        model
            .indicator(input)
            .and_then(|ind| crate::eval::values::own_value(model, ind, series, year).ok())
            .is_some_and(|v| v.example)
    };
    result.data_years.iter().any(|&year| {
        rules.inputs.iter().any(|i| example(&result.area, &i.id, year) || example(&rules.national_series, &i.id, year))
            || model.year(&result.area, year).and_then(|f| f.counts.get(RESIDENTS_MEASURE)).is_some_and(|f| f.example)
    })
}
