//! Checks of the data that need its figures computed: they run on the
//! validated model, before anything is rendered, and report like validation
//! does (file, line, a Danish message).

use crate::eval::budget::totals;
use crate::eval::values::own_value;
use crate::model::diag::Diagnostics;
use crate::model::text::format_da_as_written;
use crate::model::{Model, Rule};

/// Every check; problems go into `diags`.
pub fn check(model: &Model, diags: &mut Diagnostics) {
    references_have_figures(model, diags);
    budget_balances(model, diags);
}

/// A reference rule with a fixed year needs the reference's value for that year.
fn references_have_figures(model: &Model, diags: &mut Diagnostics) {
    for c in &model.criteria {
        let Some(ind) = c.indicator.as_deref().and_then(|id| model.indicator(id)) else { continue };
        for t in &c.targets {
            let Rule::Reference { series, year: Some(year) } = &t.rule else { continue };
            if own_value(model, ind, series, *year).is_err() {
                diags.error(
                    &model.plan.file,
                    c.at,
                    format!(
                        "«{}»: referencen «{series}» har intet tal for «{}» i {year}; skriv det i data/{series}/{year}.yaml",
                        c.id, ind.id
                    ),
                );
            }
        }
    }
}

/// Financing and expenses of the budget are equal.
fn budget_balances(model: &Model, diags: &mut Diagnostics) {
    let Some(budget) = &model.budget else { return };
    let totals = totals(budget);
    if !totals.balance.is_zero() {
        diags.error(
            &budget.file,
            budget.at,
            format!(
                "budgettet balancerer ikke: finansieringen er {} t.kr. og udgifterne {} t.kr.; forskellen (finansiering minus udgifter) er {} t.kr. og skal være 0",
                format_da_as_written(totals.financing.total),
                format_da_as_written(totals.total),
                format_da_as_written(totals.balance)
            ),
        );
    }
}
