//! The budget as the documents print it: the sections per year, the
//! financing, and spending against budget.

use crate::eval::budget::BudgetTotals;
use crate::model::text::format_da;
use crate::present::front;
use serde::Serialize;

/// The budget against spending.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetView {
    /// The budget years, the table's columns: `2017` …
    #[serde(rename = "år")]
    pub aar: Vec<String>,
    /// One row per section, then `I alt`.
    #[serde(rename = "rækker")]
    pub raekker: Vec<BudgetRowView>,
    /// `Landsbyggefonden 25.000 t.kr. (56,2 %); lokal medfinansiering 19.450 t.kr. (43,8 %)`.
    pub finansiering: String,
    /// `Forbrug 2018: 11.335 t.kr. af 11.113 t.kr. (102,0 %)`, per year with spending.
    pub forbrug: Vec<String>,
    /// Whether the figures are illustrative.
    pub eksempel: bool,
}

/// A budget row.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetRowView {
    /// Section name.
    pub navn: String,
    /// Per year, t.kr.
    pub celler: Vec<String>,
    /// Total, t.kr.
    pub i_alt: String,
    /// Whether this is the total row.
    pub total: bool,
}

/// The budget with spending up to and including the half-year reported on.
pub(crate) fn budget_view(t: &BudgetTotals) -> BudgetView {
    let tkr = |v: rust_decimal::Decimal| format_da(v, 0);
    let mut raekker: Vec<BudgetRowView> = t
        .sections
        .iter()
        .map(|s| BudgetRowView {
            navn: s.name.clone(),
            celler: s.per_year.iter().map(|v| tkr(*v)).collect(),
            i_alt: tkr(s.total),
            total: false,
        })
        .collect();
    raekker.push(BudgetRowView {
        navn: "I alt".into(),
        celler: t.per_year.iter().map(|v| tkr(*v)).collect(),
        i_alt: tkr(t.total),
        total: true,
    });
    let share = |v: rust_decimal::Decimal| {
        v.checked_div(t.financing.total)
            .map_or(String::new(), |q| format!(" ({}\u{a0}%)", format_da(q * rust_decimal::Decimal::ONE_HUNDRED, 1)))
    };
    let finansiering = t
        .financing
        .per_source
        .iter()
        .filter(|s| !s.amount.is_zero())
        .map(|s| format!("{} {}\u{a0}t.kr.{}", s.source.danish(), tkr(s.amount), share(s.amount)))
        .collect::<Vec<_>>()
        .join("; ");
    let forbrug = t.spending.iter().map(front::spending_line).collect();
    BudgetView {
        aar: t.years.iter().map(u16::to_string).collect(),
        raekker,
        finansiering,
        forbrug,
        eksempel: t.example,
    }
}
