//! The budget as validated from `data/budget.yaml`: expenses per section and
//! line per year, financing per source, and what has been spent, all in t.kr.
//! The figures computed from it are in `eval::budget`.

use super::Period;
use super::diag::Pos;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Where money comes from, in the budgetark's column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum FundingSource {
    /// Landsbyggefonden.
    #[serde(rename = "lbf")]
    Lbf,
    /// The housing organisation(s), cash.
    #[serde(rename = "boligorganisation-kontant")]
    HousingCash,
    /// The housing organisation(s), hours and premises.
    #[serde(rename = "boligorganisation-timer")]
    HousingHours,
    /// The municipality, cash.
    #[serde(rename = "kommune-kontant")]
    MunicipalityCash,
    /// The municipality, hours and premises.
    #[serde(rename = "kommune-timer")]
    MunicipalityHours,
    /// Other local co-financing.
    #[serde(rename = "anden")]
    Other,
    /// Local co-financing not split by source, as plans often state it.
    #[serde(rename = "lokal")]
    Local,
}

impl FundingSource {
    /// All sources in column order.
    pub const ALL: [FundingSource; 7] = [
        FundingSource::Lbf,
        FundingSource::HousingCash,
        FundingSource::HousingHours,
        FundingSource::MunicipalityCash,
        FundingSource::MunicipalityHours,
        FundingSource::Other,
        FundingSource::Local,
    ];

    /// The key used in `budget.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            FundingSource::Lbf => "lbf",
            FundingSource::HousingCash => "boligorganisation-kontant",
            FundingSource::HousingHours => "boligorganisation-timer",
            FundingSource::MunicipalityCash => "kommune-kontant",
            FundingSource::MunicipalityHours => "kommune-timer",
            FundingSource::Other => "anden",
            FundingSource::Local => "lokal",
        }
    }

    /// The Danish column heading.
    pub fn danish(self) -> &'static str {
        match self {
            FundingSource::Lbf => "Landsbyggefonden",
            FundingSource::HousingCash => "Boligorganisation, kontant",
            FundingSource::HousingHours => "Boligorganisation, timer og lokaler",
            FundingSource::MunicipalityCash => "Kommune, kontant",
            FundingSource::MunicipalityHours => "Kommune, timer og lokaler",
            FundingSource::Other => "Anden lokal medfinansiering",
            FundingSource::Local => "Lokal medfinansiering, ikke fordelt",
        }
    }

    /// The source with this key.
    pub fn from_key(key: &str) -> Option<FundingSource> {
        FundingSource::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One line of the budget: an activity or a cost.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    /// Name as on the budgetark.
    #[serde(rename = "navn")]
    pub name: String,
    /// The plan's activity, if the line is one.
    #[serde(rename = "aktivitet")]
    pub activity: Option<String>,
    /// Expenses per year.
    #[serde(rename = "udgifter")]
    pub expenses: BTreeMap<u16, Decimal>,
    /// Financing of this line per source.
    #[serde(rename = "finansiering")]
    pub financing: BTreeMap<FundingSource, Decimal>,
    /// Spent per half-year.
    #[serde(rename = "forbrug")]
    pub spent: BTreeMap<Period, Decimal>,
}

impl Line {
    /// Whether the line has a budget in `year`, so that spending is due in
    /// its half-years.
    pub fn budgeted_in(&self, year: u16) -> bool {
        self.expenses.get(&year).is_some_and(|e| !e.is_zero())
    }
}

/// A section: *Projektorganisation*, an indsatsområde, *Lokal evaluering*.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Name as on the budgetark.
    #[serde(rename = "navn")]
    pub name: String,
    /// The strand of work, if the section is one.
    #[serde(rename = "indsatsområde")]
    pub focus_area: Option<String>,
    /// The lines.
    #[serde(rename = "linjer")]
    pub lines: Vec<Line>,
    /// Financing given for the section as a whole, besides its lines'.
    #[serde(rename = "finansiering")]
    pub financing: BTreeMap<FundingSource, Decimal>,
}

/// The validated budget. That it balances is checked on its totals by
/// `eval::checks`, which `prepare` runs before any later stage sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Budget {
    /// The years of the budget, in order.
    #[serde(rename = "år")]
    pub years: Vec<u16>,
    /// The sections in the file's order.
    #[serde(rename = "afsnit")]
    pub sections: Vec<Section>,
    /// Whether the figures are illustrative.
    #[serde(rename = "eksempeldata")]
    pub example: bool,
    /// The file it came from.
    #[serde(skip)]
    pub file: PathBuf,
    /// Where its sections begin in that file.
    #[serde(skip)]
    pub at: Option<Pos>,
}
