//! The site's front page beyond the figures: the criteria not met, each
//! with its series' values as the public may see them, and the budget's
//! totals. Split from [`super::site`], which builds the pages.

use crate::eval::budget::BudgetTotals;
use crate::eval::goals::{CriterionResult, Evaluation};
use crate::eval::public::Public;
use crate::eval::values::Trend;
use crate::model::text::{format_da, join_names};
use crate::model::{GoalStatus, Indicator, Model, Period};
use crate::present::front::short_title;
use crate::present::prose;
use crate::present::site::{GoalView, goal_view};
use rust_decimal::Decimal;
use serde::Serialize;

/// A criterion that is not met, for the front page.
#[derive(Debug, Clone, Serialize)]
pub struct UnmetView {
    /// Its short title.
    pub titel: String,
    /// The strand of work it belongs to.
    #[serde(rename = "indsatsområde")]
    pub indsatsomraade: String,
    /// The series that do not meet it: `Motalavej og Sydbyen`; empty when
    /// the criterion is a written assessment.
    pub serier: String,
    /// Each of them with the value judged and the requirement, as the
    /// indicator's section words it: `Motalavej 2018: 67,3 %, krav over 72,4 %`.
    pub resultater: Vec<GoalView>,
    /// Where its indicator is shown: `motalavej.html#graf-tryghed-h`.
    pub link: Option<String>,
}

/// The plan's budget and spending, totals only.
#[derive(Debug, Clone, Serialize)]
pub struct SiteBudget {
    /// `Planens budget er 60.000 t.kr. for 2017–2021 …`.
    pub tekst: String,
    /// The financing: `LBF 37.500 t.kr. (62,5 %); …`.
    pub finansiering: String,
    /// `Forbrug 2018: 11.335 t.kr. af et budget på 11.113 t.kr. (102,0 %)`.
    pub forbrug: Vec<String>,
    /// Whether a figure is illustrative.
    pub eksempel: bool,
}

/// The criteria not met, in the plan's order, each with the series that do
/// not meet it (their values as the public may see them) and a link to
/// where its indicator is shown.
pub(crate) fn unmet(
    public: &Public,
    results: &[CriterionResult],
    trends: &[Trend],
    shown: &[(&Indicator, &Trend)],
    area_page: Option<&str>,
    period: Period,
) -> Vec<UnmetView> {
    let model = public.model;
    results
        .iter()
        .filter(|r| r.status == GoalStatus::NotMet)
        .map(|r| {
            let criterion = model.criteria.iter().find(|c| c.id == r.id);
            let failing: Vec<&Evaluation> = r.evaluations.iter().filter(|e| e.status == GoalStatus::NotMet).collect();
            let names: Vec<&str> = failing.iter().map(|e| e.name.as_str()).collect();
            let focus = model.focus_areas.iter().find(|f| f.id == r.focus_area);
            // The indicator on the page of the first area that does not meet
            // it, or of the plan's first area when only samlet does not.
            let page = failing
                .iter()
                .find_map(|e| model.areas().find(|a| a.id == e.series))
                .map(|a| format!("{}.html", a.id))
                .or_else(|| area_page.map(str::to_string));
            let link = r
                .indicator
                .as_deref()
                .filter(|id| shown.iter().any(|(i, _)| i.id == *id))
                .zip(page)
                .map(|(id, page)| format!("{page}#graf-{id}-h"));
            let indicator = r.indicator.as_deref().and_then(|id| {
                let i = model.indicators.iter().position(|i| i.id == id)?;
                Some((&model.indicators[i], trends.get(i)?))
            });
            let resultater = match indicator {
                Some((indicator, trend)) => {
                    let hidden: Vec<&str> = trend
                        .rows
                        .iter()
                        .map(|r| r.series.as_str())
                        .filter(|s| public.series_hidden(indicator, trend, s, period))
                        .collect();
                    failing.iter().map(|e| goal_view(public, indicator, trend, &hidden, e)).collect()
                }
                None => Vec::new(),
            };
            UnmetView {
                titel: prose::keep_units(&short_title(&r.text, criterion.and_then(|c| c.short.as_deref()))),
                indsatsomraade: focus.map_or_else(String::new, |f| f.name.clone()),
                serier: join_names(&names),
                resultater,
                link,
            }
        })
        .collect()
}

/// The budget's totals for the site: what the plan costs, how it is
/// financed, and what is spent up to the half-year. No budget lines.
pub(crate) fn site_budget(model: &Model, t: &BudgetTotals, period: Period) -> SiteBudget {
    let tkr = |v: Decimal| format!("{}\u{a0}t.kr.", format_da(v, 0));
    let years = match (t.years.first(), t.years.last()) {
        (Some(a), Some(b)) if a != b => format!(" for {a}–{b}"),
        (Some(a), _) => format!(" for {a}"),
        _ => String::new(),
    };
    let spent: Decimal = t.spending.iter().map(|s| s.spent).sum();
    let mut tekst = format!("{} har et budget på {}{years}.", model.plan.name, tkr(t.total));
    if !t.spending.is_empty() {
        let share = spent
            .checked_div(t.total)
            .map_or(String::new(), |q| format!(" ({}\u{a0}% af budgettet)", format_da(q * Decimal::ONE_HUNDRED, 1)));
        tekst.push_str(&format!(" Til og med {} er der brugt {}{share}.", period.danish(), tkr(spent)));
    }
    let view = crate::present::budget::budget_view(t);
    SiteBudget {
        tekst,
        finansiering: view.finansiering,
        forbrug: view.forbrug_aar.into_iter().map(|s| s.tekst).collect(),
        eksempel: t.example,
    }
}
