//! What `helhed importer` reads from a sheet: how the sheet is laid out
//! ([`Layout`]) and the figures found in it ([`Record`]), matched to the plan.

use super::CellSource;
use rust_decimal::Decimal;

/// How a sheet holds its figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Long or wide.
    pub shape: Shape,
    /// What every figure shares, when the sheet has no column for it.
    pub fixed: Fixed,
    /// Only rows whose column (by header) holds the text.
    pub filters: Vec<(String, String)>,
    /// Every value is multiplied by this.
    pub factor: Decimal,
    /// In a table by quarter, the quarter (1-4) that gives the year's figure.
    pub quarter: Option<u8>,
}

/// Long (a row per figure) or wide (one dimension across the columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Found from the sheet: long when a header row names the columns, else wide.
    Found,
    /// A row per figure, with columns named område, år, halvår, måling, værdi.
    Long,
    /// The header row holds one dimension (`across`), the names column another.
    Wide {
        /// What the header row holds; found when `None`.
        across: Option<Dimension>,
        /// The header row, 0-based in the sheet; found when `None`.
        header_row: Option<u32>,
        /// The names column, 0-based; found when `None`.
        names_column: Option<u32>,
    },
}

/// A dimension of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dimension {
    /// The area (or reference, or *samlet*).
    Area,
    /// The year, perhaps with its half.
    Year,
    /// The measure or indicator.
    Measure,
}

/// What all figures of a sheet share.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fixed {
    /// Series id.
    pub area: Option<String>,
    /// Year.
    pub year: Option<u16>,
    /// Half-year, 0 or 1.
    pub half: Option<usize>,
    /// What the figures are.
    pub key: Option<Key>,
}

/// What a figure is of: a count of a measure, or an indicator's value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    /// A count, `antal:`.
    Count(String),
    /// An indicator's value, `værdier:`.
    Value(String),
}

impl Key {
    /// The id.
    pub fn id(&self) -> &str {
        match self {
            Key::Count(id) | Key::Value(id) => id,
        }
    }
}

/// A cell a source left without a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blank {
    /// An empty cell.
    Empty,
    /// A marker for a figure withheld (`..`, `x`, `<5`), as written.
    Marker(String),
}

/// What a cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A figure.
    Number(Decimal),
    /// No figure, and why.
    Withheld(Blank),
}

/// One figure of a sheet, matched to the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Series id.
    pub series: String,
    /// Year.
    pub year: u16,
    /// Half-year, 0 or 1; `None` for the year.
    pub half: Option<usize>,
    /// Measure or indicator.
    pub key: Key,
    /// The figure, or why there is none.
    pub entry: Entry,
    /// Where it was read.
    pub source: CellSource,
}
