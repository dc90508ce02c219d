//! The statutory list criteria (almenboligloven § 61 a, from 2021 § 61 b),
//! validated: dated rule sets, each with its criteria (an input, one
//! threshold, optionally a multiple of the national average and an average
//! over several years) and its categories (`alle`, `mindst N af`, `ikke`),
//! most specific first. How they are evaluated is in `eval::lists`.

use super::{Cmp, Date};
use rust_decimal::Decimal;
use serde::Serialize;

/// The validated rule sets.
#[derive(Debug, Clone, Serialize)]
pub struct ListRules {
    /// The reference series holding the national averages.
    #[serde(rename = "landsgennemsnit")]
    pub national_series: String,
    /// The inputs the rules read.
    #[serde(rename = "input")]
    pub inputs: Vec<Input>,
    /// The rule sets, in increasing order of `valid_from`.
    #[serde(rename = "regelsæt")]
    pub sets: Vec<RuleSet>,
}

impl ListRules {
    /// The input with id `id`.
    pub fn input(&self, id: &str) -> Option<&Input> {
        self.inputs.iter().find(|i| i.id == id)
    }
}

/// An input the rules read: an indicator of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct Input {
    /// The indicator id.
    pub id: String,
    /// Its name.
    #[serde(rename = "navn")]
    pub name: String,
    /// Its unit.
    #[serde(rename = "enhed")]
    pub unit: String,
}

/// The criteria and categories in force from a date.
#[derive(Debug, Clone, Serialize)]
pub struct RuleSet {
    /// Short id, e.g. `2018`.
    pub id: String,
    /// Name.
    #[serde(rename = "navn")]
    pub name: String,
    /// The first day the set applies.
    #[serde(rename = "gælder_fra")]
    pub valid_from: Date,
    /// The fewest residents an area must have to be listed.
    #[serde(rename = "mindste_antal_beboere")]
    pub min_residents: Decimal,
    /// The criteria.
    #[serde(rename = "kriterier")]
    pub criteria: Vec<Criterion>,
    /// The categories, most specific first.
    #[serde(rename = "kategorier")]
    pub categories: Vec<Category>,
}

impl RuleSet {
    /// The criterion with id `id`.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The category with id `id`.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }
}

/// One criterion: an input compared with a threshold.
#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    /// Id.
    pub id: String,
    /// The input read.
    pub input: String,
    /// The comparison.
    #[serde(rename = "sammenligning")]
    pub comparison: Cmp,
    /// The number written: the threshold itself, or the multiple of the
    /// national average when `national_multiple` is set.
    #[serde(rename = "grænse")]
    pub threshold: Decimal,
    /// The threshold is `threshold` × the national average over the same years.
    #[serde(rename = "gange_landsgennemsnit")]
    pub national_multiple: bool,
    /// The number of data years averaged (L-N .. L-1).
    #[serde(rename = "gennemsnit_år")]
    pub average_years: u16,
}

/// One status category.
#[derive(Debug, Clone, Serialize)]
pub struct Category {
    /// Id.
    pub id: String,
    /// The status name.
    #[serde(rename = "navn")]
    pub name: String,
    /// Criteria or (later) categories that must all hold.
    #[serde(rename = "alle")]
    pub all: Vec<String>,
    /// At least `count` of `of` must hold.
    #[serde(rename = "mindst_af")]
    pub at_least: Option<AtLeast>,
    /// (Later) categories that must not hold.
    #[serde(rename = "ikke")]
    pub not: Vec<String>,
}

/// `mindst N af [...]`.
#[derive(Debug, Clone, Serialize)]
pub struct AtLeast {
    /// N.
    #[serde(rename = "mindst")]
    pub count: usize,
    /// The criteria or categories counted.
    #[serde(rename = "af")]
    pub of: Vec<String>,
}
