//! `listekriterier.yaml` as written: the statutory list criteria's dated
//! rule sets. helhed embeds a default file ([`DEFAULT_RULES`]); a data folder
//! may bring its own, read like any other data file.

use crate::input::raw::RawNumber;
use serde::Deserialize;

/// The default rule sets, embedded in the program.
pub const DEFAULT_RULES: &str = include_str!("listekriterier.yaml");

/// The file name the default rule sets are reported under.
pub const DEFAULT_RULES_FILE: &str = "listekriterier.yaml";

// ---------------------------------------------------------------------------
// Raw file

/// `listekriterier.yaml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawListRules {
    /// The reference series holding the national averages.
    pub landsgennemsnit: String,
    /// The inputs the rules read.
    pub input: Vec<RawInput>,
    /// The dated rule sets.
    #[serde(rename = "regelsæt")]
    pub sets: Vec<RawRuleSet>,
}

/// One input: an indicator id of the plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInput {
    /// The indicator id.
    pub id: String,
    /// Its name, as the statute words it.
    pub navn: String,
    /// Its unit (`%`).
    pub enhed: String,
}

/// One rule set as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRuleSet {
    /// Short id, e.g. `"2018"`.
    pub id: String,
    /// Name, e.g. "Almenboligloven § 61 a, lister fra 1. december 2018".
    pub navn: String,
    /// The first day the set applies, `ÅÅÅÅ-MM-DD`.
    #[serde(rename = "gælder_fra")]
    pub valid_from: String,
    /// The fewest residents an area must have to be listed.
    pub mindste_antal_beboere: RawNumber,
    /// The criteria.
    pub kriterier: Vec<RawCriterion>,
    /// The categories, most specific first.
    pub kategorier: Vec<RawCategory>,
}

/// One criterion as written: exactly one of the four thresholds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    /// Id, unique within the set (shared with the categories).
    pub id: String,
    /// The input it reads.
    pub input: String,
    /// Met when the value is greater than this.
    #[serde(default)]
    pub over: Option<RawNumber>,
    /// Met when the value is at least this.
    #[serde(default)]
    pub mindst: Option<RawNumber>,
    /// Met when the value is less than this.
    #[serde(default)]
    pub under: Option<RawNumber>,
    /// Met when the value is at most this.
    #[serde(rename = "højst", default)]
    pub at_most: Option<RawNumber>,
    /// The threshold is this many times the national average.
    #[serde(default)]
    pub gange_landsgennemsnit: bool,
    /// Average over this many data years (default 1).
    #[serde(rename = "gennemsnit_år", default)]
    pub average_years: Option<u16>,
}

/// One category as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCategory {
    /// Id, unique within the set (shared with the criteria).
    pub id: String,
    /// The status name, e.g. "Udsat boligområde".
    pub navn: String,
    /// Criteria or categories that must all hold.
    #[serde(default)]
    pub alle: Vec<String>,
    /// How many of `af` must hold.
    #[serde(default)]
    pub mindst: Option<u16>,
    /// The criteria or categories counted by `mindst`.
    #[serde(default)]
    pub af: Option<Vec<String>>,
    /// Categories that must not hold.
    #[serde(default)]
    pub ikke: Vec<String>,
}
