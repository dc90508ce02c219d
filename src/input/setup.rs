//! `data/import/<navn>.yaml`: how `helhed importer` reads a kind of sheet, so
//! that the next half-year's import of it is one command. The same fields
//! can be given as flags, which take precedence.

use super::raw::RawNumber;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The folder in the data folder holding import setups.
pub const IMPORT_DIR: &str = "import";

/// An import setup as written (or as given by flags).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSetup {
    /// `lang` (one figure per row) or `bred` (a dimension across the columns);
    /// found from the sheet when left out.
    #[serde(default)]
    pub form: Option<String>,
    /// The sheet of a workbook.
    #[serde(default)]
    pub ark: Option<String>,
    /// The CSV delimiter, one character.
    #[serde(default)]
    pub skilletegn: Option<String>,
    /// `komma` or `punktum`.
    #[serde(default)]
    pub decimaltegn: Option<String>,
    /// The measure or indicator of every figure, when the sheet has no column for it.
    #[serde(rename = "måling", default)]
    pub measure: Option<String>,
    /// The area of every figure.
    #[serde(rename = "område", default)]
    pub area: Option<String>,
    /// The year of every figure.
    #[serde(rename = "år", default)]
    pub year: Option<u16>,
    /// The half-year (1 or 2) of every figure.
    #[serde(rename = "halvår", default)]
    pub half: Option<u8>,
    /// A wide table: what the header row holds (`år`, `område` or `måling`).
    #[serde(default)]
    pub kolonner: Option<String>,
    /// A wide table: the header row's number (1 = the first row).
    #[serde(rename = "overskriftsrække", default)]
    pub header_row: Option<u32>,
    /// A wide table: the column holding the rows' names (`A`).
    #[serde(default)]
    pub navnekolonne: Option<String>,
    /// Only rows whose column (by its header) holds the given text.
    #[serde(default)]
    pub filter: BTreeMap<String, String>,
    /// For a table by quarter (Statistikbanken's `2018K1`): the quarter whose
    /// figure is the year's (1-4); rows of the other quarters are passed over.
    #[serde(default)]
    pub kvartal: Option<u8>,
    /// A factor every value is multiplied by (`1000` for figures in thousands).
    #[serde(default)]
    pub faktor: Option<RawNumber>,
}

impl RawSetup {
    /// `self`, with every field `over` gives taking precedence.
    pub fn overridden_by(self, over: RawSetup) -> RawSetup {
        let mut filter = self.filter;
        filter.extend(over.filter);
        RawSetup {
            form: over.form.or(self.form),
            ark: over.ark.or(self.ark),
            skilletegn: over.skilletegn.or(self.skilletegn),
            decimaltegn: over.decimaltegn.or(self.decimaltegn),
            measure: over.measure.or(self.measure),
            area: over.area.or(self.area),
            year: over.year.or(self.year),
            half: over.half.or(self.half),
            kolonner: over.kolonner.or(self.kolonner),
            header_row: over.header_row.or(self.header_row),
            navnekolonne: over.navnekolonne.or(self.navnekolonne),
            filter,
            faktor: over.faktor.or(self.faktor),
            kvartal: over.kvartal.or(self.kvartal),
        }
    }
}
