//! The figures computed from the budget ([`totals`]): row and column totals,
//! *I alt* per section, the balance, the co-financing share and spending
//! against budget. Exact decimals throughout, like LBF's budgetark.

use crate::model::Period;
use crate::model::budget::{Budget, FundingSource};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// Amounts per funding source, in [`FundingSource::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Financing {
    /// One amount per source.
    #[serde(rename = "pr_kilde")]
    pub per_source: Vec<SourceAmount>,
    /// Their sum.
    #[serde(rename = "i_alt")]
    pub total: Decimal,
}

/// The amount from one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SourceAmount {
    /// The source.
    #[serde(rename = "kilde")]
    pub source: FundingSource,
    /// The amount in t.kr.
    #[serde(rename = "beløb")]
    pub amount: Decimal,
}

impl Financing {
    fn of<'a>(maps: impl IntoIterator<Item = &'a BTreeMap<FundingSource, Decimal>>) -> Financing {
        let mut sums: BTreeMap<FundingSource, Decimal> = BTreeMap::new();
        for map in maps {
            for (source, amount) in map {
                *sums.entry(*source).or_default() += amount;
            }
        }
        let per_source: Vec<SourceAmount> = FundingSource::ALL
            .iter()
            .map(|s| SourceAmount { source: *s, amount: sums.get(s).copied().unwrap_or_default() })
            .collect();
        let total = per_source.iter().map(|s| s.amount).sum();
        Financing { per_source, total }
    }

    /// The amount from one source.
    pub fn get(&self, source: FundingSource) -> Decimal {
        self.per_source.iter().find(|s| s.source == source).map(|s| s.amount).unwrap_or_default()
    }

    /// Co-financing: everything but LBF.
    pub fn cofinancing(&self) -> Decimal {
        self.total - self.get(FundingSource::Lbf)
    }
}

/// Budget against spending for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spending {
    /// The year.
    #[serde(rename = "år")]
    pub year: u16,
    /// The budget for the year.
    #[serde(rename = "budget")]
    pub budget: Decimal,
    /// Spent in the half-years given.
    #[serde(rename = "forbrugt")]
    pub spent: Decimal,
    /// Which half-years the spending covers (1, 2 or both).
    #[serde(rename = "halvår")]
    pub halves: Vec<u8>,
    /// Spent as a share of the year's budget, in per cent; none for a zero budget.
    #[serde(rename = "procent")]
    pub percent: Option<Decimal>,
}

/// The computed figures of one line.
#[derive(Debug, Clone, Serialize)]
pub struct LineTotals {
    /// Name.
    #[serde(rename = "navn")]
    pub name: String,
    /// The activity it pays for, if any.
    #[serde(rename = "aktivitet")]
    pub activity: Option<String>,
    /// Expenses per budget year (0 where none is given).
    #[serde(rename = "pr_år")]
    pub per_year: Vec<Decimal>,
    /// Row total: the sum of the years.
    #[serde(rename = "i_alt")]
    pub total: Decimal,
    /// The line's own financing.
    #[serde(rename = "finansiering")]
    pub financing: Financing,
    /// Spending per year, for the years with any.
    #[serde(rename = "forbrug")]
    pub spending: Vec<Spending>,
}

/// The computed figures of one section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionTotals {
    /// Name.
    #[serde(rename = "navn")]
    pub name: String,
    /// The strand of work, if any.
    #[serde(rename = "indsatsområde")]
    pub focus_area: Option<String>,
    /// The lines.
    #[serde(rename = "linjer")]
    pub lines: Vec<LineTotals>,
    /// *I alt* per year.
    #[serde(rename = "pr_år")]
    pub per_year: Vec<Decimal>,
    /// *I alt*.
    #[serde(rename = "i_alt")]
    pub total: Decimal,
    /// Financing: lines and section together.
    #[serde(rename = "finansiering")]
    pub financing: Financing,
    /// Financing minus expenses for the section (it need not be 0 section by
    /// section: the budgetark puts some co-financing on lines without expenses).
    #[serde(rename = "balance")]
    pub balance: Decimal,
    /// Spending per year, for the years with any.
    #[serde(rename = "forbrug")]
    pub spending: Vec<Spending>,
}

/// Every figure computed from the budget.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetTotals {
    /// The budget years.
    #[serde(rename = "år")]
    pub years: Vec<u16>,
    /// Per section.
    #[serde(rename = "afsnit")]
    pub sections: Vec<SectionTotals>,
    /// Total expenses per year.
    #[serde(rename = "pr_år")]
    pub per_year: Vec<Decimal>,
    /// Total expenses.
    #[serde(rename = "i_alt")]
    pub total: Decimal,
    /// Total financing per source.
    #[serde(rename = "finansiering")]
    pub financing: Financing,
    /// Financing minus expenses; validation requires 0.
    #[serde(rename = "balance")]
    pub balance: Decimal,
    /// Co-financing (everything but LBF) as a share of the financing, in per cent.
    #[serde(rename = "medfinansiering_procent")]
    pub cofinancing_percent: Option<Decimal>,
    /// Spending against budget per year, for the years with any spending.
    #[serde(rename = "forbrug")]
    pub spending: Vec<Spending>,
    /// Whether the figures are illustrative.
    #[serde(rename = "eksempeldata")]
    pub example: bool,
}

/// Spending against budget per year, from per-year budgets and per-half spending.
fn spending(years: &[u16], per_year: &[Decimal], spent: &BTreeMap<Period, Decimal>) -> Vec<Spending> {
    years
        .iter()
        .zip(per_year)
        .filter_map(|(&year, &budget)| {
            let halves: Vec<(u8, Decimal)> =
                spent.iter().filter(|(p, _)| p.year == year).map(|(p, amount)| (p.half, *amount)).collect();
            if halves.is_empty() {
                return None;
            }
            let spent: Decimal = halves.iter().map(|(_, a)| a).sum();
            let percent = spent.checked_div(budget).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED));
            Some(Spending { year, budget, spent, halves: halves.iter().map(|(h, _)| *h).collect(), percent })
        })
        .collect()
}

fn sum_columns(rows: impl IntoIterator<Item = Vec<Decimal>>, width: usize) -> Vec<Decimal> {
    let mut sums = vec![Decimal::ZERO; width];
    for row in rows {
        for (sum, v) in sums.iter_mut().zip(row) {
            *sum += v;
        }
    }
    sums
}

fn merge_spent<'a>(maps: impl IntoIterator<Item = &'a BTreeMap<Period, Decimal>>) -> BTreeMap<Period, Decimal> {
    let mut out: BTreeMap<Period, Decimal> = BTreeMap::new();
    for map in maps {
        for (p, a) in map {
            *out.entry(*p).or_default() += a;
        }
    }
    out
}

/// Computes every total of the budget.
pub fn totals(budget: &Budget) -> BudgetTotals {
    let years = &budget.years;
    let sections: Vec<SectionTotals> = budget
        .sections
        .iter()
        .map(|section| {
            let lines: Vec<LineTotals> = section
                .lines
                .iter()
                .map(|line| {
                    let per_year: Vec<Decimal> =
                        years.iter().map(|y| line.expenses.get(y).copied().unwrap_or_default()).collect();
                    LineTotals {
                        name: line.name.clone(),
                        activity: line.activity.clone(),
                        total: per_year.iter().sum(),
                        spending: spending(years, &per_year, &line.spent),
                        per_year,
                        financing: Financing::of([&line.financing]),
                    }
                })
                .collect();
            let per_year = sum_columns(lines.iter().map(|l| l.per_year.clone()), years.len());
            let total: Decimal = per_year.iter().sum();
            let financing = Financing::of(section.lines.iter().map(|l| &l.financing).chain([&section.financing]));
            let spent = merge_spent(section.lines.iter().map(|l| &l.spent));
            SectionTotals {
                name: section.name.clone(),
                focus_area: section.focus_area.clone(),
                balance: financing.total - total,
                spending: spending(years, &per_year, &spent),
                lines,
                per_year,
                total,
                financing,
            }
        })
        .collect();
    let per_year = sum_columns(sections.iter().map(|s| s.per_year.clone()), years.len());
    let total: Decimal = per_year.iter().sum();
    let financing =
        Financing::of(budget.sections.iter().flat_map(|s| s.lines.iter().map(|l| &l.financing).chain([&s.financing])));
    let spent = merge_spent(budget.sections.iter().flat_map(|s| s.lines.iter().map(|l| &l.spent)));
    let cofinancing_percent =
        financing.cofinancing().checked_div(financing.total).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED));
    BudgetTotals {
        years: years.clone(),
        balance: financing.total - total,
        spending: spending(years, &per_year, &spent),
        sections,
        per_year,
        total,
        cofinancing_percent,
        financing,
        example: budget.example,
    }
}
