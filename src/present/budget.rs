//! The budget as the documents print it: the sections per year, the
//! financing, and spending against budget; and the whole sheet in the form
//! of Landsbyggefonden's *budgetark* (seed 003): every line with its years,
//! its total and its financing per source, section totals, *I alt*, the
//! balance that must be 0, and the co-financing share.

use crate::eval::budget::{BudgetTotals, Financing, Spending};
use crate::model::budget::FundingSource;
use crate::model::text::format_da;
use crate::present::columns::widest;
use rust_decimal::Decimal;
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
    /// The budgetark.
    pub ark: SheetView,
    /// Spending against budget per year, with a warning above 100 %.
    #[serde(rename = "forbrug_år")]
    pub forbrug_aar: Vec<SpendingView>,
}

/// The budget in the budgetark's form.
#[derive(Debug, Clone, Serialize)]
pub struct SheetView {
    /// The financing columns: only sources with an amount, `LBF`, `Boligorg. kontant` ….
    pub kilder: Vec<String>,
    /// Sections, each with its lines and its total row.
    pub afsnit: Vec<SheetSection>,
    /// *I alt*: expenses per year and total, financing per source.
    pub i_alt: SheetRow,
    /// Financing minus expenses: `0`, or the difference.
    pub balance: String,
    /// Whether the balance is 0.
    pub balancerer: bool,
    /// Co-financing (all but LBF) as a share of the financing: `43,8 %`.
    pub medfinansiering: String,
    /// The widest amount of each year column and of the total column, in
    /// thousandths of an em, for the template's fixed column widths.
    pub bredder: SheetWidths,
}

/// The widest amounts of the budgetark's columns, in thousandths of an em.
#[derive(Debug, Clone, Serialize)]
pub struct SheetWidths {
    /// One per year column.
    #[serde(rename = "år")]
    pub aar: Vec<u32>,
    /// The total column.
    pub i_alt: u32,
}

/// A section of the budgetark.
#[derive(Debug, Clone, Serialize)]
pub struct SheetSection {
    /// Name.
    pub navn: String,
    /// Its lines.
    pub linjer: Vec<SheetRow>,
    /// Its total row (with the section's own financing).
    pub i_alt: SheetRow,
}

/// A row of the budgetark.
#[derive(Debug, Clone, Serialize)]
pub struct SheetRow {
    /// Name.
    pub navn: String,
    /// Expenses per year, t.kr.
    pub celler: Vec<String>,
    /// Total.
    pub i_alt: String,
    /// Financing per source column (empty where none).
    pub finansiering: Vec<String>,
}

/// Spending against one year's budget: in each year of the budget chapter,
/// and for the latest year on the statusrapport's front page.
#[derive(Debug, Clone, Serialize)]
pub struct SpendingView {
    /// `Forbrug 2018: 11.335 t.kr. af et budget på 11.113 t.kr. (102,0 %)`.
    pub tekst: String,
    /// Whether more than the budget is spent.
    pub over_budget: bool,
}

impl SpendingView {
    /// The view of one year's spending.
    pub(crate) fn of(s: &Spending) -> SpendingView {
        SpendingView { tekst: spending_line(s), over_budget: s.percent.is_some_and(|p| p > Decimal::ONE_HUNDRED) }
    }
}

/// `Forbrug 2018: 11.335 t.kr. af et budget på 11.113 t.kr. (102,0 %)`.
fn spending_line(s: &Spending) -> String {
    let tkr = |v: Decimal| format_da(v, 0);
    let halves = if s.halves.len() == 2 { String::new() } else { format!(" ({}. halvår)", s.halves[0]) };
    let pct = s.percent.map_or(String::new(), |p| format!(" ({}\u{a0}%)", format_da(p, 1)));
    format!("Forbrug {}{halves}: {}\u{a0}t.kr. af et budget på {}\u{a0}t.kr.{pct}", s.year, tkr(s.spent), tkr(s.budget))
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
pub fn budget_view(t: &BudgetTotals) -> BudgetView {
    let tkr = |v: Decimal| format_da(v, 0);
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
    let share = |v: Decimal| {
        v.checked_div(t.financing.total)
            .map_or(String::new(), |q| format!(" ({}\u{a0}%)", format_da(q * Decimal::ONE_HUNDRED, 1)))
    };
    let finansiering = t
        .financing
        .per_source
        .iter()
        .filter(|s| !s.amount.is_zero())
        .map(|s| format!("{} {}\u{a0}t.kr.{}", s.source.danish(), tkr(s.amount), share(s.amount)))
        .collect::<Vec<_>>()
        .join("; ");
    let forbrug = t.spending.iter().map(spending_line).collect();
    BudgetView {
        ark: sheet(t),
        forbrug_aar: t.spending.iter().map(SpendingView::of).collect(),
        aar: t.years.iter().map(u16::to_string).collect(),
        raekker,
        finansiering,
        forbrug,
        eksempel: t.example,
    }
}

/// The short heading of a financing column.
pub(crate) fn source_heading(source: FundingSource) -> &'static str {
    match source {
        FundingSource::Lbf => "LBF",
        FundingSource::HousingCash => "Boligorg. kontant",
        FundingSource::HousingHours => "Boligorg. timer",
        FundingSource::MunicipalityCash => "Kommune kontant",
        FundingSource::MunicipalityHours => "Kommune timer",
        FundingSource::Other => "Anden lokal",
        FundingSource::Local => "Lokal, ikke fordelt",
    }
}

/// The budgetark: the sources with an amount anywhere are its columns.
fn sheet(t: &BudgetTotals) -> SheetView {
    let tkr = |v: Decimal| format_da(v, 0);
    let sources: Vec<FundingSource> =
        FundingSource::ALL.into_iter().filter(|s| !t.financing.get(*s).is_zero()).collect();
    let financing = |f: &Financing| -> Vec<String> {
        sources.iter().map(|s| f.get(*s)).map(|v| if v.is_zero() { String::new() } else { tkr(v) }).collect()
    };
    let row = |navn: &str, per_year: &[Decimal], total: Decimal, f: &Financing| SheetRow {
        navn: navn.to_string(),
        celler: per_year.iter().map(|v| tkr(*v)).collect(),
        i_alt: tkr(total),
        finansiering: financing(f),
    };
    let afsnit: Vec<SheetSection> = t
        .sections
        .iter()
        .map(|s| SheetSection {
            navn: s.name.clone(),
            linjer: s.lines.iter().map(|l| row(&l.name, &l.per_year, l.total, &l.financing)).collect(),
            i_alt: row(&format!("I alt, {}", s.name), &s.per_year, s.total, &s.financing),
        })
        .collect();
    let i_alt = row("I alt", &t.per_year, t.total, &t.financing);
    let rows: Vec<&SheetRow> = afsnit.iter().flat_map(|s| s.linjer.iter().chain([&s.i_alt])).chain([&i_alt]).collect();
    let bredder = SheetWidths {
        aar: (0..t.per_year.len()).map(|j| widest(rows.iter().filter_map(|r| r.celler.get(j)))).collect(),
        i_alt: widest(rows.iter().map(|r| &r.i_alt)),
    };
    SheetView {
        kilder: sources.iter().map(|s| source_heading(*s).to_string()).collect(),
        afsnit,
        i_alt,
        balance: tkr(t.balance),
        balancerer: t.balance.is_zero(),
        medfinansiering: t
            .cofinancing_percent
            .map_or_else(|| "–".to_string(), |p| format!("{}\u{a0}%", format_da(p, 1))),
        bredder,
    }
}
