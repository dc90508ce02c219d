//! The validated, typed model of a plan and its figures. Everything after
//! `validate` works on this and can trust it: ids resolve, numbers are exact
//! decimals in range, years lie within the plan.

use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day of month, 1-31.
    pub day: u8,
}

impl Date {
    /// The Danish long form: `15. januar 2019`.
    pub fn danish(&self) -> String {
        const MONTHS: [&str; 12] = [
            "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
            "november", "december",
        ];
        format!("{}. {} {}", self.day, MONTHS[usize::from(self.month - 1)], self.year)
    }
}

impl FromStr for Date {
    type Err = String;
    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("«{s}» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2019-01-15");
        let mut parts = s.trim().split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (year, month, day) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if !(1..=12).contains(&month) || day == 0 || day > days[usize::from(month - 1)] {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }
}

/// A half-year, the period a statusrapport covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Period {
    /// Year.
    pub year: u16,
    /// 1 or 2.
    pub half: u8,
}

impl Period {
    /// `2. halvår 2018`.
    pub fn danish(&self) -> String {
        format!("{}. halvår {}", self.half, self.year)
    }

    /// The last calendar year whose annual figures are complete by the end
    /// of this half-year: the year itself after H2, the year before after H1.
    pub fn last_full_year(&self) -> u16 {
        if self.half == 2 { self.year } else { self.year.saturating_sub(1) }
    }

    /// `2018-h2`, as used in file names.
    pub fn slug(&self) -> String {
        format!("{}-h{}", self.year, self.half)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-H{}", self.year, self.half)
    }
}

impl FromStr for Period {
    type Err = String;
    /// Parses `2018-H2` (or `2018-h2`).
    fn from_str(s: &str) -> Result<Period, String> {
        let bad = || format!("«{s}» er ikke et halvår; skriv fx 2018-H2 (år, bindestreg, H1 eller H2)");
        let (y, h) = s.trim().split_once('-').ok_or_else(bad)?;
        let year: u16 = if y.len() == 4 { y.parse().map_err(|_| bad())? } else { return Err(bad()) };
        let half = match h {
            "H1" | "h1" => 1,
            "H2" | "h2" => 2,
            _ => return Err(bad()),
        };
        Ok(Period { year, half })
    }
}

/// Which direction of an indicator is an improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// Lower is better (crime, move-outs).
    Lower,
    /// Higher is better (safety).
    Higher,
}

/// How an indicator is obtained from the observed counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Calc {
    /// numerator / denominator × scale.
    Ratio {
        /// Measure id of the numerator.
        numerator: String,
        /// Measure id of the denominator.
        denominator: String,
        /// 100 for a percentage, 1000 for per mille.
        scale: Decimal,
    },
    /// The value of one observed count.
    Count {
        /// Measure id.
        measure: String,
    },
}

/// An indicator of the catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// Id used in data files.
    pub id: String,
    /// Danish name.
    pub name: String,
    /// Unit as printed (`%`, `pr. 1000 beboere`, `antal`).
    pub unit: String,
    /// How it is obtained.
    pub calc: Calc,
    /// Which direction is better.
    pub better: Better,
    /// Decimals when printed.
    pub decimals: u32,
    /// Year changes are measured from, if any.
    pub base_year: Option<u16>,
    /// Where the figures come from.
    pub source: String,
}

impl Indicator {
    /// Whether the indicator is a share of 100 (so it cannot exceed 100).
    pub fn is_percentage(&self) -> bool {
        self.unit == "%" || matches!(&self.calc, Calc::Ratio { scale, .. } if *scale == Decimal::ONE_HUNDRED)
    }
}

/// An observed quantity.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    /// Id used under `antal:`.
    pub id: String,
    /// Danish name.
    pub name: String,
}

/// What kind of series a row of figures is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SeriesKind {
    /// A housing area of the plan.
    Area,
    /// All areas together (*samlet*).
    Total,
    /// A reference series (municipality, country, SUB average).
    Reference,
}

/// A series of figures: an area, *samlet*, or a reference.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// Folder name in `data/`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Town, for areas.
    pub town: Option<String>,
    /// Area, total or reference.
    pub kind: SeriesKind,
}

/// The id of the *samlet* series (all areas together).
pub const TOTAL_ID: &str = "samlet";

/// A figure as written in the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The exact value.
    pub value: Decimal,
    /// Whether it is illustrative (*eksempeldata*) rather than real.
    pub example: bool,
}

/// The figures of one series for one year.
#[derive(Debug, Clone, Default, Serialize)]
pub struct YearFigures {
    /// Observed counts by measure id.
    pub counts: BTreeMap<String, Figure>,
    /// Indicator values given directly, by indicator id.
    pub values: BTreeMap<String, Figure>,
    /// Counts per half-year (`h1`, `h2`) by measure id.
    pub halves: [Option<BTreeMap<String, Figure>>; 2],
    /// The file they came from.
    pub file: PathBuf,
}

/// The secretariat's prose for a half-year.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// The summary shown on the front page.
    pub summary: Option<String>,
    /// Whether the text is illustrative.
    pub example: bool,
}

/// The plan's own facts.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Name of the plan.
    pub name: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Secretariat.
    pub secretariat: Option<String>,
    /// Municipality.
    pub municipality: Option<String>,
    /// First day of the plan.
    pub start: Date,
    /// Last day of the plan.
    pub end: Date,
    /// First year data may cover.
    pub first_year: u16,
    /// Last year data may cover.
    pub last_year: u16,
    /// Date of the data; the reports' date.
    pub data_date: Date,
}

/// A strand of work.
#[derive(Debug, Clone, Serialize)]
pub struct FocusArea {
    /// Id.
    pub id: String,
    /// Danish name.
    pub name: String,
}

/// A validated plan with all its figures.
#[derive(Debug, Clone, Serialize)]
pub struct Model {
    /// The plan.
    pub plan: Plan,
    /// Areas, then *samlet*, then references, in the plan's order.
    pub series: Vec<Series>,
    /// Strands of work.
    pub focus_areas: Vec<FocusArea>,
    /// Observed quantities.
    pub measures: Vec<Measure>,
    /// The indicator catalogue in the plan's order.
    pub indicators: Vec<Indicator>,
    /// Figures by series id, then year.
    pub figures: BTreeMap<String, BTreeMap<u16, YearFigures>>,
    /// Prose by half-year.
    pub status: BTreeMap<Period, Status>,
}

impl Model {
    /// The areas of the plan.
    pub fn areas(&self) -> impl Iterator<Item = &Series> {
        self.series.iter().filter(|s| s.kind == SeriesKind::Area)
    }

    /// The figures of a series in a year, if any.
    pub fn year(&self, series: &str, year: u16) -> Option<&YearFigures> {
        self.figures.get(series)?.get(&year)
    }

    /// The measure with this id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The latest half-year the data covers: the last year with figures, in
    /// its second half unless only `h1` figures exist for it.
    pub fn latest_period(&self) -> Option<Period> {
        let from_figures = self.figures.values().flat_map(|years| {
            years.iter().map(|(&year, f)| {
                let only_h1 = f.halves[0].is_some()
                    && f.halves[1].is_none()
                    && f.counts.is_empty()
                    && f.values.is_empty();
                Period { year, half: if only_h1 { 1 } else { 2 } }
            })
        });
        from_figures.chain(self.status.keys().copied()).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_periods() {
        assert_eq!("2019-01-15".parse::<Date>().unwrap().danish(), "15. januar 2019");
        assert!("2019-02-30".parse::<Date>().unwrap_err().contains("ÅÅÅÅ-MM-DD"));
        assert_eq!("2018-H2".parse::<Period>().unwrap(), Period { year: 2018, half: 2 });
        assert_eq!("2018-h1".parse::<Period>().unwrap().danish(), "1. halvår 2018");
        assert!("2018-H3".parse::<Period>().is_err());
        assert_eq!(Period { year: 2018, half: 2 }.slug(), "2018-h2");
    }
}
