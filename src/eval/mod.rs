//! Eval: the figures of one build, computed once from the validated model
//! for the half-year reported on. Pure functions of exact decimals: values
//! and trends ([`values`]), success criteria ([`goals`]), the statutory list
//! criteria ([`lists`]), the budget's totals ([`budget`]) and what the public
//! site may show ([`public`]).

pub mod budget;
pub mod checks;
pub mod gaps;
pub mod goals;
pub mod import;
pub mod lists;
pub mod projection;
pub mod public;
pub mod values;

use crate::model::{Model, Period};
use budget::BudgetTotals;
use goals::CriterionResult;
use lists::ModelListResult;
use values::Trend;

/// Everything a build shows, evaluated once for the half-year reported on.
/// Both PDFs, the site and `tal.json` are made from this one value.
#[derive(Debug, Clone)]
pub struct Evaluated {
    /// The half-year reported on.
    pub period: Period,
    /// Every indicator's figures up to the half-year's last full year, in
    /// the plan's order of indicators.
    pub trends: Vec<Trend>,
    /// Every success criterion at the half-year, in the plan's order.
    pub criteria: Vec<CriterionResult>,
    /// The same at the half-year before, for what has changed since.
    pub previous: Vec<CriterionResult>,
    /// The statutory lists per area and list year.
    pub lists: Vec<ModelListResult>,
    /// Every indicator's half-year counts for the half-year and the one
    /// before, in the plan's order of indicators (empty where none).
    pub halves: Vec<Vec<values::HalfFigure>>,
    /// The budget's totals with all spending recorded, if there is a budget.
    pub budget: Option<BudgetTotals>,
    /// The same with spending up to and including the half-year.
    pub budget_to_period: Option<BudgetTotals>,
    /// What the half-year's report still lacks.
    pub gaps: Vec<gaps::Gap>,
}

/// Evaluates the model for the half-year `period`.
pub fn evaluate(model: &Model, period: Period) -> Evaluated {
    let to_period = |b: &crate::model::budget::Budget| {
        let mut b = b.clone();
        for line in b.sections.iter_mut().flat_map(|s| s.lines.iter_mut()) {
            line.spent.retain(|p, _| *p <= period);
        }
        budget::totals(&b)
    };
    let trends = values::trends(model, period.last_full_year());
    let halves = model.indicators.iter().zip(&trends).map(|(i, t)| values::half_figures(model, i, t, period)).collect();
    Evaluated {
        period,
        trends,
        halves,
        criteria: goals::evaluate_all(model, period),
        previous: goals::evaluate_all(model, period.previous()),
        lists: lists::evaluate_model(model, period),
        budget: model.budget.as_ref().map(budget::totals),
        budget_to_period: model.budget.as_ref().map(to_period),
        gaps: gaps::gaps(model, period),
    }
}
