//! The data files as written: serde structs whose fields are the YAML keys
//! (documented in the book's data chapter). Numbers stay the text that was
//! written ([`RawNumber`]); `validate` turns them into exact decimals.

// The raw structs' fields are the YAML keys, documented in the book.
#![allow(missing_docs)]

use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// A number exactly as written in the YAML file (`30.65`), not yet parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawNumber(pub String);

impl<'de> Deserialize<'de> for RawNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = RawNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("et tal")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawNumber, E> {
                Ok(RawNumber(v.to_string()))
            }
            // Other formats than YAML may hand over numbers directly; integers are exact.
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawNumber, E> {
                Ok(RawNumber(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawNumber, E> {
                Ok(RawNumber(v.to_string()))
            }
        }
        // `yaml_serde` hands a scalar's own text to `deserialize_str`, so a
        // number never passes through `f64`.
        d.deserialize_str(V)
    }
}

/// `plan.yaml`: the plan, its areas and references, and the indicator catalogue.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlanFile {
    pub plan: RawPlan,
    #[serde(rename = "områder")]
    pub areas: Vec<RawArea>,
    #[serde(rename = "referencer", default)]
    pub references: Vec<RawReference>,
    #[serde(rename = "grupper", default)]
    pub groups: Vec<RawGroup>,
    #[serde(rename = "indsatsområder", default)]
    pub focus_areas: Vec<RawFocusArea>,
    #[serde(rename = "målinger")]
    pub measures: Vec<RawMeasure>,
    #[serde(rename = "indikatorer")]
    pub indicators: Vec<RawIndicator>,
    #[serde(rename = "aktiviteter", default)]
    pub activities: Vec<RawActivity>,
    #[serde(rename = "succeskriterier", default)]
    pub criteria: Vec<RawCriterion>,
}

/// A text with bullet points: a string, a list of points, or both as
/// `{ tekst, punkter }`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawProse {
    /// Paragraphs.
    Text(String),
    /// Bullet points.
    Points(Vec<String>),
    /// A lead text and bullet points.
    Both(RawProseParts),
}

/// `{ tekst, punkter }`, at least one of them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProseParts {
    /// The lead text.
    #[serde(default)]
    pub tekst: Option<String>,
    /// The points.
    #[serde(default)]
    pub punkter: Vec<String>,
}

/// An activity under a strand of work.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    pub id: String,
    pub navn: String,
    #[serde(rename = "indsatsområde")]
    pub focus_area: String,
    #[serde(default)]
    pub beskrivelse: Option<String>,
    #[serde(default)]
    pub delpunkter: Vec<String>,
    #[serde(rename = "påvirkning", default)]
    pub effect: Option<RawProse>,
    /// The areas it runs in; all when not given.
    #[serde(rename = "områder", default)]
    pub areas: Option<Vec<String>>,
    /// Who it is for.
    #[serde(rename = "målgruppe", default)]
    pub target_group: Option<String>,
    /// How and when it is followed up.
    #[serde(rename = "opfølgning", default)]
    pub follow_up: Option<String>,
    #[serde(default)]
    pub markering: Option<String>,
}

/// A success criterion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub id: String,
    /// A short title for the front page.
    #[serde(default)]
    pub kort: Option<String>,
    #[serde(rename = "indsatsområde")]
    pub focus_area: String,
    #[serde(default)]
    pub aktivitet: Option<String>,
    pub tekst: String,
    #[serde(default)]
    pub indikator: Option<String>,
    #[serde(rename = "gælder", default)]
    pub applies: Vec<RawApplies>,
    /// The rule for the entries of `gælder` without one of their own.
    #[serde(default)]
    pub regel: Option<RawRule>,
    pub datakilde: String,
}

/// One entry of a criterion's `gælder:`: `alle`, `samlet` or an area id, or
/// an area with a rule of its own.
#[derive(Debug)]
pub enum RawApplies {
    /// `alle`, `samlet` or an area id.
    Id(String),
    /// `{ område: id, regel: {...} }`.
    Own(Box<RawOwnRule>),
}

/// An area with a rule of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOwnRule {
    #[serde(rename = "område")]
    pub area: String,
    pub regel: RawRule,
}

impl<'de> Deserialize<'de> for RawApplies {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Hand-written rather than `untagged`: an untagged enum buffers its
        // input and would read the rule's numbers as floating point.
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawApplies;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("«alle», «samlet», et område-id eller { område: id, regel: ... }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawApplies, E> {
                Ok(RawApplies::Id(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawApplies, A::Error> {
                RawOwnRule::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|o| RawApplies::Own(Box::new(o)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A baseline or target: a year and, optionally, its value.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnchor {
    #[serde(rename = "år")]
    pub year: u16,
    #[serde(rename = "værdi", default)]
    pub value: Option<RawNumber>,
}

/// A rule: its kind and the parameters that kind takes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    // Optional here so that a missing kind is reported with the rule's
    // position instead of stopping the whole plan.yaml.
    #[serde(default)]
    pub slags: Option<String>,
    #[serde(rename = "højst", default)]
    pub at_most: Option<RawNumber>,
    #[serde(default)]
    pub under: Option<RawNumber>,
    #[serde(default)]
    pub over: Option<RawNumber>,
    #[serde(default)]
    pub mindst: Option<RawNumber>,
    #[serde(default)]
    pub fra: Option<RawAnchor>,
    #[serde(default)]
    pub til: Option<RawAnchor>,
    #[serde(default)]
    pub procent: Option<RawNumber>,
    #[serde(rename = "basisår", default)]
    pub base_year: Option<u16>,
    #[serde(default)]
    pub basis: Option<RawAnchor>,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(rename = "år", default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub nulpunkt: Option<u16>,
    #[serde(default)]
    pub pr: Option<String>,
    #[serde(rename = "vækst", default)]
    pub growth: Option<RawNumber>,
    #[serde(default)]
    pub inden: Option<u16>,
}

/// The plan's own facts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    pub navn: String,
    #[serde(default)]
    pub undertitel: Option<String>,
    #[serde(default)]
    pub sekretariat: Option<String>,
    #[serde(default)]
    pub kommune: Option<String>,
    pub start: String,
    pub slut: String,
    #[serde(rename = "dataår")]
    pub data_years: RawYearRange,
    pub datadato: String,
    /// Counts below this are shown as `<N` on the public site (default 5).
    #[serde(rename = "diskretionsgrænse", default)]
    pub suppress_below: Option<u32>,
}

/// An inclusive range of years.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawYearRange {
    pub fra: u16,
    pub til: u16,
}

/// A housing area.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArea {
    pub id: String,
    pub navn: String,
    /// Other names the area goes by in the sheets figures are imported from.
    #[serde(default)]
    pub aliaser: Vec<String>,
    #[serde(default)]
    pub by: Option<String>,
}

/// A reference series (the municipality, the whole country, ...).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReference {
    pub id: String,
    pub navn: String,
    /// Other names the series goes by in imported sheets (`Slagelse`).
    #[serde(default)]
    pub aliaser: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A group of areas pooled as one series, as *samlet* is of all of them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: String,
    pub navn: String,
    #[serde(rename = "områder")]
    pub areas: Vec<String>,
}

/// A strand of work (indsatsområde).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFocusArea {
    pub id: String,
    pub navn: String,
}

/// An observed quantity (a count).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeasure {
    pub id: String,
    pub navn: String,
    /// Other names the measure goes by in imported sheets.
    #[serde(default)]
    pub aliaser: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// What it counts: `personer`, `hændelser`, ... (checked in validate);
    /// persons when left out.
    #[serde(rename = "tæller", default)]
    pub counted: Option<String>,
    /// Whether small counts are suppressed on the public site, whatever it
    /// counts; without it, that follows from `tæller`.
    #[serde(default)]
    pub diskretion: Option<bool>,
    /// An average (an income, a period), not a count: it is never summed
    /// across areas.
    #[serde(default)]
    pub gennemsnit: bool,
}

/// An indicator of the catalogue.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: String,
    pub navn: String,
    pub enhed: String,
    #[serde(rename = "tæller", default)]
    pub numerator: Option<String>,
    #[serde(rename = "nævner", default)]
    pub denominator: Option<String>,
    #[serde(default)]
    pub skala: Option<RawNumber>,
    #[serde(rename = "måling", default)]
    pub measure: Option<String>,
    pub bedre: String,
    pub decimaler: u32,
    #[serde(rename = "basisår", default)]
    pub base_year: Option<u16>,
    pub datakilde: String,
    /// A headline figure: on the public site's front page.
    #[serde(rename = "forside", default)]
    pub headline: bool,
    /// The areas it is measured for (`[samlet]`: the plan as a whole only).
    #[serde(rename = "områder", default)]
    pub areas: Option<Vec<String>>,
}

/// Whether a file's figures are illustrative: all of them, or the listed keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(untagged)]
pub enum RawExample {
    /// `eksempeldata: true` (or false).
    All(bool),
    /// `eksempeldata: [beboere, kriminalitet]`.
    Keys(Vec<String>),
    /// Not given: real figures.
    #[default]
    #[serde(skip)]
    None,
}

/// `data/<series>/<year>.yaml`: one area's (or reference's) figures for a year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawYearFile {
    #[serde(default)]
    pub eksempeldata: RawExample,
    #[serde(default)]
    pub note: Option<String>,
    /// A count left blank (`fritidsjob:`) is not entered yet.
    #[serde(default)]
    pub antal: BTreeMap<String, Option<RawNumber>>,
    #[serde(rename = "værdier", default)]
    pub values: BTreeMap<String, RawNumber>,
    /// Figures the source withholds (a blanked cell), by key, with why.
    #[serde(default)]
    pub mangler: BTreeMap<String, String>,
    /// Where imported figures came from, by key (`helhed importer`).
    #[serde(default)]
    pub kilder: BTreeMap<String, RawCellSource>,
    #[serde(default)]
    pub h1: Option<RawHalf>,
    #[serde(default)]
    pub h2: Option<RawHalf>,
}

/// The cell an imported figure was read from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCellSource {
    pub fil: String,
    #[serde(default)]
    pub ark: Option<String>,
    pub celle: String,
}

/// Counts for one half-year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHalf {
    /// A count left blank is not entered yet.
    #[serde(default)]
    pub antal: BTreeMap<String, Option<RawNumber>>,
    /// Half-year counts the source withholds, with why.
    #[serde(default)]
    pub mangler: BTreeMap<String, String>,
    /// Where imported half-year counts came from.
    #[serde(default)]
    pub kilder: BTreeMap<String, RawCellSource>,
}

/// `data/forbrug/<year>-h<n>.yaml`: a half-year's spending per budget line,
/// in t.kr., beside the budget's own `forbrug:` (which `helhed ny-periode`
/// never changes). A line left blank is not entered yet.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpendingFile {
    /// Spending by the budget line's name.
    #[serde(rename = "linjer", default)]
    pub lines: BTreeMap<String, Option<RawNumber>>,
}

/// `data/status/<year>-h<n>.yaml`: the secretariat's prose for a half-year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatusFile {
    #[serde(default)]
    pub eksempeldata: bool,
    #[serde(default)]
    pub sammenfatning: Option<String>,
    #[serde(rename = "vurderinger", default)]
    pub assessments: BTreeMap<String, RawAssessment>,
    /// Status prose per activity id.
    #[serde(default)]
    pub aktiviteter: BTreeMap<String, String>,
    /// Internal: a note to the board, shown in the statusrapport only.
    #[serde(default)]
    pub til_bestyrelsen: Option<String>,
}

/// A written assessment of a success criterion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    #[serde(default)]
    pub status: Option<String>,
    pub tekst: String,
}

/// `data/budget.yaml`: the budget in t.kr.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBudgetFile {
    #[serde(default)]
    pub eksempeldata: bool,
    #[serde(rename = "afsnit")]
    pub sections: Vec<RawBudgetSection>,
}

/// A section of the budget.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBudgetSection {
    pub navn: String,
    #[serde(rename = "indsatsområde", default)]
    pub focus_area: Option<String>,
    #[serde(rename = "linjer", default)]
    pub lines: Vec<RawBudgetLine>,
    #[serde(rename = "finansiering", default)]
    pub financing: BTreeMap<String, RawNumber>,
}

/// A line of the budget.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBudgetLine {
    pub navn: String,
    #[serde(default)]
    pub aktivitet: Option<String>,
    #[serde(rename = "udgifter", default)]
    pub expenses: BTreeMap<u16, RawNumber>,
    #[serde(default)]
    pub i_alt: Option<RawNumber>,
    #[serde(rename = "finansiering", default)]
    pub financing: BTreeMap<String, RawNumber>,
    #[serde(rename = "forbrug", default)]
    pub spent: BTreeMap<String, RawNumber>,
}
