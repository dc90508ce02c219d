//! The official lists of almenboligloven § 61 a (and from 2021 § 61 b): the
//! "ghettolist", *udsatte boligområder*, *parallelsamfund* and
//! *forebyggelsesområder*, evaluated for one area and one list year.
//!
//! The criteria are data, not code: `listekriterier.yaml` holds dated rule
//! sets (2010, 2014, 2018, 2021), each with its criteria (an input, one
//! threshold, optionally a multiple of the national average and an average
//! over several years) and its categories (`alle`, `mindst N af`, `ikke`),
//! most specific first. A data folder may bring its own file; [`load_rules`]
//! validates it with positions, [`default_rules`] reads the embedded one.
//!
//! The list of year L is published on 1 December L and built on data up to
//! and including year L-1. Every figure is an exact [`Decimal`]; an average is
//! the plain mean of the yearly values. Missing figures make a criterion
//! unknown, and unknowns propagate by three-valued (Kleene) logic, so an area
//! is only given a status when the missing figures could not change it.
//!
//! The module knows nothing of the plan model: the figures come through
//! [`ListInputs`].

use crate::diag::{Diagnostics, Pos};
use crate::load::{RawNumber, Source, parse};
use crate::compute::join_with;
use crate::number::{decimals_to_tell_apart, format_da, parse_exact};
use crate::validate::is_id;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::ops::RangeInclusive;
use std::path::Path;
use std::str::FromStr;

/// The default rule sets, embedded in the program.
pub const DEFAULT_RULES: &str = include_str!("listekriterier.yaml");

/// The file name the default rule sets are reported under.
pub const DEFAULT_RULES_FILE: &str = "listekriterier.yaml";

/// The longest average a criterion may ask for, in years.
const MAX_AVERAGE_YEARS: u16 = 10;

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

// ---------------------------------------------------------------------------
// Validated rules

/// A calendar date, as rule sets are dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ListDate {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day of month.
    pub day: u8,
}

impl ListDate {
    /// The Danish long form: `1. december 2018`.
    pub fn danish(&self) -> String {
        #[rustfmt::skip]
        const MONTHS: [&str; 12] = [
            "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
            "november", "december",
        ];
        format!("{}. {} {}", self.day, MONTHS[usize::from(self.month - 1)], self.year)
    }
}

impl fmt::Display for ListDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for ListDate {
    type Err = String;
    /// Parses `ÅÅÅÅ-MM-DD`.
    fn from_str(s: &str) -> Result<ListDate, String> {
        let bad = || format!("«{s}» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2018-12-01");
        let mut parts = s.trim().split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year: u16 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: u8 = d.parse().map_err(|_| bad())?;
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if !(1..=12).contains(&month) || day == 0 || day > days[usize::from(month - 1)] {
            return Err(bad());
        }
        Ok(ListDate { year, month, day })
    }
}

impl Serialize for ListDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

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
    pub valid_from: ListDate,
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

/// How a value is compared with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Comparison {
    /// Greater than (`over`).
    #[serde(rename = "over")]
    Over,
    /// At least (`mindst`).
    #[serde(rename = "mindst")]
    AtLeast,
    /// Less than (`under`).
    #[serde(rename = "under")]
    Under,
    /// At most (`højst`).
    #[serde(rename = "højst")]
    AtMost,
}

impl Comparison {
    /// Whether `value` meets `threshold`.
    pub fn holds(self, value: Decimal, threshold: Decimal) -> bool {
        match self {
            Comparison::Over => value > threshold,
            Comparison::AtLeast => value >= threshold,
            Comparison::Under => value < threshold,
            Comparison::AtMost => value <= threshold,
        }
    }

    /// The YAML key and Danish word: `over`, `mindst`, `under`, `højst`.
    pub fn danish(self) -> &'static str {
        match self {
            Comparison::Over => "over",
            Comparison::AtLeast => "mindst",
            Comparison::Under => "under",
            Comparison::AtMost => "højst",
        }
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.danish())
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
    pub comparison: Comparison,
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

// ---------------------------------------------------------------------------
// Loading and validation

/// Parses the embedded default rule sets.
///
/// # Panics
/// If the embedded `listekriterier.yaml` is invalid; a unit test guards it.
pub fn default_rules() -> ListRules {
    // Parsed once per process: a live preview rebuilds many times.
    static DEFAULT: std::sync::OnceLock<ListRules> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(parse_default_rules).clone()
}

fn parse_default_rules() -> ListRules {
    let mut diags = Diagnostics::default();
    let path = Path::new(DEFAULT_RULES_FILE);
    let rules = parse::<RawListRules>(path, DEFAULT_RULES_FILE.to_string(), DEFAULT_RULES, &mut diags)
        .and_then(|src| load_rules(&src, &mut diags));
    match rules {
        Some(rules) if !diags.has_errors() => rules,
        _ => {
            let problems: Vec<String> = diags.sorted().iter().map(ToString::to_string).collect();
            panic!("the embedded listekriterier.yaml is invalid:\n{}", problems.join("\n"))
        }
    }
}

/// What an id names within a rule set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    Criterion,
    Category(usize),
}

/// Collects the problems of one file with their positions.
struct Checker<'a> {
    src: &'a Source<RawListRules>,
    diags: &'a mut Diagnostics,
}

impl Checker<'_> {
    /// The position of the value at `path`.
    fn at(&self, path: &[&str]) -> Option<Pos> {
        self.src.locator.value(path)
    }

    /// An error at the value at `path`.
    fn error(&mut self, path: &[&str], message: impl Into<String>) {
        let pos = self.at(path);
        self.diags.error(&self.src.path, pos, message);
    }

    /// An error at the key at `path`.
    fn error_at_key(&mut self, path: &[&str], message: impl Into<String>) {
        let pos = self.src.locator.key(path);
        self.diags.error(&self.src.path, pos, message);
    }

    /// A warning at the value at `path`.
    fn warning(&mut self, path: &[&str], message: impl Into<String>) {
        let pos = self.at(path);
        self.diags.warning(&self.src.path, pos, message);
    }

    /// Reports required text that is empty.
    fn text(&mut self, path: &[&str], field: &str, text: &str) {
        if text.trim().is_empty() || text.trim() == "~" {
            self.error(path, format!("«{field}» mangler en tekst"));
        }
    }

    /// Reports an id that is not lower-case letters, digits and hyphens.
    fn id(&mut self, path: &[&str], id: &str) {
        if !is_id(id) {
            self.error(path, format!("id «{id}» må kun indeholde små bogstaver a-z, tal og bindestreg"));
        }
    }

    /// Parses a number exactly, or reports why not.
    fn number(&mut self, path: &[&str], raw: &RawNumber) -> Option<Decimal> {
        match parse_exact(&raw.0) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(path, e);
                None
            }
        }
    }
}

/// Validates the rule sets of a file. Every problem is reported in `diags`
/// with its position; the rules are returned when there was no error.
pub fn load_rules(src: &Source<RawListRules>, diags: &mut Diagnostics) -> Option<ListRules> {
    let errors_before = diags.error_count();
    let raw = &src.content;
    let mut check = Checker { src, diags };

    check.text(&["landsgennemsnit"], "landsgennemsnit", &raw.landsgennemsnit);

    let mut input_ids = BTreeSet::new();
    let mut inputs = Vec::new();
    for (i, input) in raw.input.iter().enumerate() {
        let i = i.to_string();
        check.id(&["input", &i, "id"], &input.id);
        if !input_ids.insert(input.id.as_str()) {
            check.error(&["input", &i, "id"], format!("input «{}» står to gange", input.id));
        }
        check.text(&["input", &i, "navn"], "navn", &input.navn);
        inputs.push(Input { id: input.id.clone(), name: input.navn.clone(), unit: input.enhed.clone() });
    }

    if raw.sets.is_empty() {
        check.error_at_key(&["regelsæt"], "der er ingen regelsæt; der skal være mindst ét");
    }
    let mut set_ids = BTreeSet::new();
    let mut previous: Option<(ListDate, &str)> = None;
    let mut sets = Vec::new();
    for (s, set) in raw.sets.iter().enumerate() {
        let s = s.to_string();
        check.text(&["regelsæt", &s, "id"], "id", &set.id);
        if !set_ids.insert(set.id.as_str()) {
            check.error(&["regelsæt", &s, "id"], format!("regelsættet «{}» står to gange", set.id));
        }
        check.text(&["regelsæt", &s, "navn"], "navn", &set.navn);
        let valid_from = match set.valid_from.parse::<ListDate>() {
            Ok(date) => {
                if let Some((before, before_id)) = previous
                    && date <= before
                {
                    check.error(
                        &["regelsæt", &s, "gælder_fra"],
                        format!(
                            "regelsættet «{}» gælder fra {}, som ikke er efter «{before_id}» ({}); regelsættene skal stå i rækkefølge efter «gælder_fra»",
                            set.id,
                            date.danish(),
                            before.danish()
                        ),
                    );
                }
                previous = Some((date, set.id.as_str()));
                Some(date)
            }
            Err(e) => {
                check.error(&["regelsæt", &s, "gælder_fra"], e);
                None
            }
        };
        let min_residents = check.number(&["regelsæt", &s, "mindste_antal_beboere"], &set.mindste_antal_beboere);
        if min_residents.is_some_and(|m| m.is_sign_negative()) {
            check.error(&["regelsæt", &s, "mindste_antal_beboere"], "«mindste_antal_beboere» kan ikke være negativ");
        }
        let criteria = validate_criteria(&mut check, &s, set, &input_ids);
        let categories = validate_categories(&mut check, &s, set);
        if let (Some(valid_from), Some(min_residents)) = (valid_from, min_residents) {
            sets.push(RuleSet {
                id: set.id.clone(),
                name: set.navn.clone(),
                valid_from,
                min_residents,
                criteria,
                categories,
            });
        }
    }

    if check.diags.error_count() > errors_before {
        return None;
    }
    Some(ListRules { national_series: raw.landsgennemsnit.clone(), inputs, sets })
}

/// Validates a set's criteria; also reports ids used twice in the set.
fn validate_criteria(check: &mut Checker, s: &str, set: &RawRuleSet, inputs: &BTreeSet<&str>) -> Vec<Criterion> {
    let mut criteria = Vec::new();
    for (c, raw) in set.kriterier.iter().enumerate() {
        let c = c.to_string();
        let path = |field: &'static str| ["regelsæt", s, "kriterier", c.as_str(), field];
        check.id(&path("id"), &raw.id);
        if !inputs.contains(raw.input.as_str()) {
            let known: Vec<&str> = inputs.iter().copied().collect();
            check.error(
                &path("input"),
                format!(
                    "kriteriet «{}» bruger det ukendte input «{}»; kendte input: {}",
                    raw.id,
                    raw.input,
                    join_or_none(&known)
                ),
            );
        }
        let given: Vec<(Comparison, &RawNumber)> = [
            (Comparison::Over, &raw.over),
            (Comparison::AtLeast, &raw.mindst),
            (Comparison::Under, &raw.under),
            (Comparison::AtMost, &raw.at_most),
        ]
        .into_iter()
        .filter_map(|(cmp, n)| n.as_ref().map(|n| (cmp, n)))
        .collect();
        let threshold = match given.as_slice() {
            [] => {
                check.error(
                    &["regelsæt", s, "kriterier", &c],
                    format!("kriteriet «{}» har ingen grænse; angiv præcis én af over, mindst, under og højst", raw.id),
                );
                None
            }
            [(cmp, n)] => check.number(&path(cmp.danish()), n).map(|d| (*cmp, d)),
            [_, (second, _), ..] => {
                let names: Vec<&str> = given.iter().map(|(cmp, _)| cmp.danish()).collect();
                check.error_at_key(
                    &path(second.danish()),
                    format!(
                        "kriteriet «{}» har {} grænser ({}); angiv præcis én af over, mindst, under og højst",
                        raw.id,
                        given.len(),
                        join_with(&names, "og")
                    ),
                );
                None
            }
        };
        if let Some((cmp, t)) = threshold
            && raw.gange_landsgennemsnit
            && t <= Decimal::ZERO
        {
            check.error(
                &path(cmp.danish()),
                format!("kriteriet «{}»: et antal gange landsgennemsnittet skal være over 0", raw.id),
            );
        }
        let average_years = raw.average_years.unwrap_or(1);
        if !(1..=MAX_AVERAGE_YEARS).contains(&average_years) {
            check.error(
                &path("gennemsnit_år"),
                format!("«gennemsnit_år» skal være et helt tal fra 1 til {MAX_AVERAGE_YEARS}"),
            );
        }
        if let Some((comparison, threshold)) = threshold {
            criteria.push(Criterion {
                id: raw.id.clone(),
                input: raw.input.clone(),
                comparison,
                threshold,
                national_multiple: raw.gange_landsgennemsnit,
                average_years,
            });
        }
    }
    criteria
}

/// Validates a set's categories and the references between criteria and categories.
fn validate_categories(check: &mut Checker, s: &str, set: &RawRuleSet) -> Vec<Category> {
    // Every id of the set, first occurrence wins; a repeat is reported once.
    let mut names: HashMap<&str, Named> = HashMap::new();
    let owners =
        set.kriterier.iter().enumerate().map(|(i, c)| (c.id.as_str(), "kriterier", i, Named::Criterion)).chain(
            set.kategorier.iter().enumerate().map(|(i, c)| (c.id.as_str(), "kategorier", i, Named::Category(i))),
        );
    for (id, list, i, named) in owners {
        if names.contains_key(id) {
            check.error(
                &["regelsæt", s, list, &i.to_string(), "id"],
                format!(
                    "id «{id}» er brugt to gange i regelsættet «{}»; kriterier og kategorier skal have hver sit id",
                    set.id
                ),
            );
        } else {
            names.insert(id, named);
        }
    }
    if set.kategorier.is_empty() {
        check.error_at_key(
            &["regelsæt", s, "kategorier"],
            format!("regelsættet «{}» har ingen kategorier; uden dem kommer intet område på en liste", set.id),
        );
    }

    let mut used = BTreeSet::new();
    let mut categories = Vec::new();
    for (k, raw) in set.kategorier.iter().enumerate() {
        let ks = k.to_string();
        let path = |field: &'static str| ["regelsæt", s, "kategorier", ks.as_str(), field];
        check.id(&path("id"), &raw.id);
        check.text(&path("navn"), "navn", &raw.navn);
        let of = raw.af.as_deref().unwrap_or_default();
        if raw.alle.is_empty() && of.is_empty() && raw.ikke.is_empty() {
            check.error(
                &["regelsæt", s, "kategorier", &ks],
                format!("kategorien «{}» har ingen betingelser; angiv «alle», «mindst» og «af» eller «ikke»", raw.id),
            );
        }
        let at_least = match (raw.mindst, &raw.af) {
            (Some(n), Some(of)) => {
                if n == 0 {
                    check.error(&path("mindst"), "«mindst» skal være mindst 1");
                } else if usize::from(n) > of.len() {
                    check.error(
                        &path("mindst"),
                        format!(
                            "kategorien «{}» kræver mindst {n} af {}, men «af» har kun {}; «mindst» kan højst være antallet i «af»",
                            raw.id,
                            of.len(),
                            of.len()
                        ),
                    );
                }
                Some(AtLeast { count: usize::from(n), of: of.clone() })
            }
            (Some(_), None) => {
                check.error(&path("mindst"), format!("kategorien «{}» har «mindst» uden en liste «af»", raw.id));
                None
            }
            (None, Some(_)) => {
                check.error(&path("af"), format!("kategorien «{}» har «af» uden «mindst»", raw.id));
                None
            }
            (None, None) => None,
        };
        for (field, refs) in [("alle", raw.alle.as_slice()), ("af", of), ("ikke", raw.ikke.as_slice())] {
            let mut seen = BTreeSet::new();
            for (r, id) in refs.iter().enumerate() {
                let at = ["regelsæt", s, "kategorier", ks.as_str(), field, &r.to_string()];
                used.insert(id.as_str());
                if !seen.insert(id.as_str()) {
                    check.error(&at, format!("«{id}» står to gange i «{field}» i kategorien «{}»", raw.id));
                    continue;
                }
                match names.get(id.as_str()) {
                    None => check.error(
                        &at,
                        format!(
                            "kategorien «{}» henviser til «{id}», som hverken er et kriterium eller en kategori i regelsættet «{}»",
                            raw.id, set.id
                        ),
                    ),
                    Some(Named::Criterion) if field == "ikke" => check.error(
                        &at,
                        format!("«ikke» i kategorien «{}» kan kun nævne kategorier, men «{id}» er et kriterium", raw.id),
                    ),
                    Some(Named::Category(j)) if *j == k => {
                        check.error(&at, format!("kategorien «{}» henviser til sig selv", raw.id));
                    }
                    Some(Named::Category(j)) if *j < k => check.error(
                        &at,
                        format!(
                            "kategorien «{}» henviser til «{id}», som står før den; en kategori kan kun bygge på kategorier længere nede i listen, så der ikke opstår kredse",
                            raw.id
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
        categories.push(Category {
            id: raw.id.clone(),
            name: raw.navn.clone(),
            all: raw.alle.clone(),
            at_least,
            not: raw.ikke.clone(),
        });
    }
    for (c, raw) in set.kriterier.iter().enumerate() {
        if !used.contains(raw.id.as_str()) {
            check.warning(
                &["regelsæt", s, "kriterier", &c.to_string(), "id"],
                format!("kriteriet «{}» bruges ikke af nogen kategori", raw.id),
            );
        }
    }
    categories
}

// ---------------------------------------------------------------------------
// Evaluation

/// The figures the rules read, supplied by the caller (the plan's data).
pub trait ListInputs {
    /// The value of input `input` (an indicator id) for `area` in data year `year`.
    fn value(&self, area: &str, input: &str, year: u16) -> Option<Decimal>;
    /// The national average of `input` in `year` (from the `landsgennemsnit` series).
    fn national(&self, input: &str, year: u16) -> Option<Decimal>;
    /// The number of residents of `area` in `year`.
    fn residents(&self, area: &str, year: u16) -> Option<Decimal>;
    /// The area's name in sentences; by default its id.
    fn area_name(&self, area: &str) -> String {
        area.to_string()
    }
}

/// The rule set in force for the list of `list_year`: the one with the latest
/// `gælder_fra` on or before 1 December of that year.
pub fn rule_set_for(rules: &ListRules, list_year: u16) -> Option<&RuleSet> {
    let published = ListDate { year: list_year, month: 12, day: 1 };
    rules.sets.iter().filter(|s| s.valid_from <= published).max_by_key(|s| s.valid_from)
}

/// One area on one list: every criterion, every category and the status.
#[derive(Debug, Clone, Serialize)]
pub struct ListResult {
    /// The area id.
    #[serde(rename = "område")]
    pub area: String,
    /// The list year L (published 1 December L).
    #[serde(rename = "liste_år")]
    pub list_year: u16,
    /// The rule set's id.
    #[serde(rename = "regelsæt")]
    pub rule_set: String,
    /// The rule set's name.
    #[serde(rename = "regelsæt_navn")]
    pub rule_set_name: String,
    /// The data years read, ascending.
    #[serde(rename = "dataår")]
    pub data_years: Vec<u16>,
    /// The resident minimum.
    #[serde(rename = "beboere")]
    pub residents: ResidentCheck,
    /// Each criterion, in the set's order.
    #[serde(rename = "kriterier")]
    pub criteria: Vec<CriterionResult>,
    /// Each category, in the set's order.
    #[serde(rename = "kategorier")]
    pub categories: Vec<CategoryResult>,
    /// The resulting status.
    pub status: Status,
    /// The missing figures, named with their years.
    pub mangler: Vec<String>,
    /// One Danish sentence summing up.
    #[serde(rename = "tekst")]
    pub text: String,
}

impl ListResult {
    /// The result of criterion `id`.
    pub fn criterion(&self, id: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The result of category `id`.
    pub fn category(&self, id: &str) -> Option<&CategoryResult> {
        self.categories.iter().find(|c| c.id == id)
    }
}

/// Whether the area has the residents a listed area must have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResidentCheck {
    /// The data year counted (L-1).
    #[serde(rename = "år")]
    pub year: u16,
    /// The number of residents, if known.
    #[serde(rename = "antal")]
    pub value: Option<Decimal>,
    /// The minimum.
    #[serde(rename = "mindst")]
    pub minimum: Decimal,
    /// Whether the minimum is met; `None` when the number is unknown.
    #[serde(rename = "opfyldt")]
    pub met: Option<bool>,
}

/// A threshold that is a multiple of the national average.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NationalBasis {
    /// The national values of the years averaged.
    #[serde(rename = "årsværdier")]
    pub yearly: Vec<Option<Decimal>>,
    /// Their mean, when all are known.
    #[serde(rename = "gennemsnit")]
    pub average: Option<Decimal>,
    /// The multiple.
    #[serde(rename = "gange")]
    pub multiple: Decimal,
}

/// One criterion evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    /// The criterion's id.
    pub id: String,
    /// The input read.
    pub input: String,
    /// The input's name.
    #[serde(rename = "navn")]
    pub name: String,
    /// The input's unit.
    #[serde(rename = "enhed")]
    pub unit: String,
    /// The data years averaged, ascending.
    #[serde(rename = "år")]
    pub years: Vec<u16>,
    /// The area's value in each of those years.
    #[serde(rename = "årsværdier")]
    pub yearly: Vec<Option<Decimal>>,
    /// The exact mean, when every year is known.
    #[serde(rename = "værdi")]
    pub value: Option<Decimal>,
    /// The comparison.
    #[serde(rename = "sammenligning")]
    pub comparison: Comparison,
    /// The threshold (for a multiple: multiple × national average), when known.
    #[serde(rename = "grænse")]
    pub threshold: Option<Decimal>,
    /// For a multiple of the national average: the average and the multiple.
    #[serde(rename = "landsgennemsnit")]
    pub national: Option<NationalBasis>,
    /// Whether the criterion is met; `None` when figures are missing.
    #[serde(rename = "opfyldt")]
    pub met: Option<bool>,
    /// Value − threshold, exact.
    pub margin: Option<Decimal>,
    /// A Danish sentence with the numbers.
    #[serde(rename = "tekst")]
    pub text: String,
}

/// One category evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryResult {
    /// The category's id.
    pub id: String,
    /// Its name.
    #[serde(rename = "navn")]
    pub name: String,
    /// Whether it holds; `None` when that depends on missing figures.
    #[serde(rename = "opfyldt")]
    pub holds: Option<bool>,
    /// A Danish sentence saying why.
    #[serde(rename = "tekst")]
    pub text: String,
}

/// Which list, if any, the area is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "udfald")]
pub enum Status {
    /// The first category that holds, with none above it unknown.
    #[serde(rename = "kategori")]
    Listed {
        /// The category id.
        id: String,
        /// Its name.
        #[serde(rename = "navn")]
        name: String,
    },
    /// No category holds.
    #[serde(rename = "ingen")]
    NotListed {
        /// Why (no category holds, or too few residents).
        #[serde(rename = "begrundelse")]
        reason: String,
    },
    /// Missing figures decide it.
    #[serde(rename = "kan_ikke_afgøres")]
    Undecided {
        /// Which categories are open.
        #[serde(rename = "begrundelse")]
        reason: String,
    },
}

impl Status {
    /// The category id when the area is listed.
    pub fn category(&self) -> Option<&str> {
        match self {
            Status::Listed { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The status in Danish: the category's name, "ikke på nogen liste" or
    /// "kan ikke afgøres".
    pub fn danish(&self) -> &str {
        match self {
            Status::Listed { name, .. } => name,
            Status::NotListed { .. } => "ikke på nogen liste",
            Status::Undecided { .. } => "kan ikke afgøres",
        }
    }
}

/// Kleene conjunction.
fn and(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// "opfyldt", "ikke opfyldt" or "kan ikke afgøres".
fn truth_da(t: Option<bool>) -> &'static str {
    match t {
        Some(true) => "opfyldt",
        Some(false) => "ikke opfyldt",
        None => "kan ikke afgøres",
    }
}


/// Like [`join_with`] with "og", or `(ingen)` for an empty list.
fn join_or_none(items: &[&str]) -> String {
    if items.is_empty() { "(ingen)".to_string() } else { join_with(items, "og") }
}

/// `Dømte ...` → `dømte ...` for use inside a sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The exact mean; `None` for no values or on overflow.
fn mean(values: &[Decimal]) -> Option<Decimal> {
    let sum = values.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))?;
    sum.checked_div(Decimal::from(values.len()))
}

/// The mean of yearly values when all are known.
fn mean_of_known(values: &[Option<Decimal>]) -> Option<Decimal> {
    let known: Option<Vec<Decimal>> = values.iter().copied().collect();
    mean(&known?)
}

/// A number with its unit (`42,3 %`).
fn quantity(value: Decimal, decimals: u32, unit: &str) -> String {
    if unit.is_empty() { format_da(value, decimals) } else { format!("{} {unit}", format_da(value, decimals)) }
}

/// A number with the decimals it was written with, at least `min`, at most `max(min, 4)`.
fn natural(value: Decimal, min: u32) -> u32 {
    value.normalize().scale().clamp(min, min.max(4))
}

/// Decimals enough (from 1) that value, threshold and margin do not print
/// as equal when they are not.
fn decimals_for(value: Option<Decimal>, threshold: Option<Decimal>) -> u32 {
    let (Some(v), Some(t)) = (value, threshold) else { return 1 };
    decimals_to_tell_apart(v, t, 1, 10)
}

/// `2017` or `gennemsnit 2016-2017`.
fn years_da(years: &[u16]) -> String {
    match years {
        [one] => one.to_string(),
        [first, .., last] => format!("gennemsnit {first}-{last}"),
        [] => String::new(),
    }
}

/// The years joined: `2016 og 2017`.
fn year_list(years: &[u16]) -> String {
    let years: Vec<String> = years.iter().map(u16::to_string).collect();
    join_with(&years, "og")
}

/// Missing figures in order of appearance, without repeats.
#[derive(Default)]
struct Missing(Vec<String>);

impl Missing {
    /// Adds a missing figure unless it is already named.
    fn add(&mut self, text: String) {
        if !self.0.contains(&text) {
            self.0.push(text);
        }
    }
}

/// The years of a list's criterion: L-N .. L-1.
fn criterion_years(list_year: u16, n: u16) -> Vec<u16> {
    (1..=n).rev().filter_map(|back| list_year.checked_sub(back)).collect()
}

/// A short description of a criterion's rule: `indvandrere ... over 50 %`.
fn describe_rule(criterion: &Criterion, input: &Input) -> String {
    let name = lower_first(&input.name);
    if criterion.national_multiple {
        let m = criterion.threshold;
        format!("{name} {} {} gange landsgennemsnittet", criterion.comparison, format_da(m, natural(m, 0)))
    } else {
        let t = criterion.threshold;
        format!("{name} {} {}", criterion.comparison, quantity(t, natural(t, 0), &input.unit))
    }
}

/// Evaluates one criterion for `area`, recording the figures it lacks.
fn evaluate_criterion(
    criterion: &Criterion,
    input: &Input,
    inputs: &dyn ListInputs,
    area: &str,
    list_year: u16,
    missing: &mut Missing,
) -> CriterionResult {
    let years = criterion_years(list_year, criterion.average_years);
    let yearly: Vec<Option<Decimal>> = years.iter().map(|&y| inputs.value(area, &input.id, y)).collect();
    let value = mean_of_known(&yearly);
    let area_missing: Vec<u16> = years.iter().zip(&yearly).filter(|(_, v)| v.is_none()).map(|(y, _)| *y).collect();
    if !area_missing.is_empty() {
        missing.add(format!("{} for {}", input.name, year_list(&area_missing)));
    }

    let mut national_missing = Vec::new();
    let (threshold, national) = if criterion.national_multiple {
        let nat_yearly: Vec<Option<Decimal>> = years.iter().map(|&y| inputs.national(&input.id, y)).collect();
        national_missing = years.iter().zip(&nat_yearly).filter(|(_, v)| v.is_none()).map(|(y, _)| *y).collect();
        if !national_missing.is_empty() {
            missing.add(format!("{} for {} (landsgennemsnit)", input.name, year_list(&national_missing)));
        }
        let average = mean_of_known(&nat_yearly);
        let threshold = average.and_then(|a| a.checked_mul(criterion.threshold));
        (threshold, Some(NationalBasis { yearly: nat_yearly, average, multiple: criterion.threshold }))
    } else {
        (Some(criterion.threshold), None)
    };

    let (met, margin) = match (value, threshold) {
        (Some(v), Some(t)) => (Some(criterion.comparison.holds(v, t)), v.checked_sub(t)),
        _ => (None, None),
    };

    // The sentence: value; threshold. Outcome. A threshold is never shown
    // with fewer decimals than it has (2,75 stays 2,75).
    let d = decimals_for(value, threshold).max(threshold.map_or(1, |t| natural(t, 1)));
    let unit = input.unit.as_str();
    let value_part = match value {
        Some(v) => quantity(v, d, unit),
        None => "ukendt".to_string(),
    };
    let cmp = criterion.comparison;
    let threshold_part = match &national {
        None => format!("grænsen er {cmp} {}", quantity(criterion.threshold, d, unit)),
        Some(basis) => {
            let m = format_da(basis.multiple, natural(basis.multiple, 0));
            match (basis.average, threshold) {
                (Some(a), Some(t)) => format!(
                    "grænsen er {cmp} {m} gange landsgennemsnittet på {}, dvs. {cmp} {}",
                    quantity(a, natural(a, 1), unit),
                    quantity(t, d, unit)
                ),
                _ => format!("grænsen er {cmp} {m} gange landsgennemsnittet, som ikke kendes"),
            }
        }
    };
    let margin_unit = if unit == "%" { "procentpoint" } else { unit };
    let outcome = match (met, margin) {
        (Some(m), Some(margin)) => {
            let word = if m { "Opfyldt" } else { "Ikke opfyldt" };
            if margin.is_zero() {
                format!("{word}, præcis på grænsen.")
            } else {
                let side = if margin > Decimal::ZERO { "over" } else { "under" };
                format!("{word}, {} {side} grænsen.", quantity(margin.abs(), d, margin_unit))
            }
        }
        _ => {
            let mut lacks = Vec::new();
            if !area_missing.is_empty() {
                lacks.push(format!("tal for {}", year_list(&area_missing)));
            }
            if !national_missing.is_empty() {
                lacks.push(format!("landsgennemsnittet for {}", year_list(&national_missing)));
            }
            if lacks.is_empty() {
                "Kan ikke beregnes: tallene er for store til præcis regning.".to_string()
            } else {
                format!("Kan ikke afgøres: mangler {}.", join_with(&lacks, "og"))
            }
        }
    };
    let text = format!("{}: {value_part} ({}); {threshold_part}. {outcome}", input.name, years_da(&years));

    CriterionResult {
        id: criterion.id.clone(),
        input: input.id.clone(),
        name: input.name.clone(),
        unit: input.unit.clone(),
        years,
        yearly,
        value,
        comparison: criterion.comparison,
        threshold,
        national,
        met,
        margin,
        text,
    }
}

/// The truth of each criterion and (evaluated) category, and how to name them.
struct Truths<'a> {
    set: &'a RuleSet,
    rules: &'a ListRules,
    values: HashMap<&'a str, Option<bool>>,
}

impl Truths<'_> {
    /// The truth of a criterion or category; unknown ids are unknown.
    fn get(&self, id: &str) -> Option<bool> {
        self.values.get(id).copied().flatten()
    }

    /// A category's name, or a criterion's rule in words.
    fn describe(&self, id: &str) -> String {
        if let Some(category) = self.set.category(id) {
            return category.name.clone();
        }
        match self.set.criterion(id).and_then(|c| self.rules.input(&c.input).map(|i| (c, i))) {
            Some((c, input)) => describe_rule(c, input),
            None => format!("«{id}»"),
        }
    }
}

/// Evaluates one category from the truths of what it builds on (Kleene logic).
fn evaluate_category(category: &Category, truths: &Truths, residents_ok: Option<bool>) -> CategoryResult {
    let mut holds = Some(true);
    let mut reasons = Vec::new();
    if !category.all.is_empty() {
        let parts: Vec<String> =
            category.all.iter().map(|id| format!("{} ({})", truths.describe(id), truth_da(truths.get(id)))).collect();
        holds = category.all.iter().fold(holds, |acc, id| and(acc, truths.get(id)));
        reasons.push(format!("kræver {}", join_with(&parts, "og")));
    }
    if let Some(at_least) = &category.at_least {
        let met = at_least.of.iter().filter(|id| truths.get(id) == Some(true)).count();
        let unknown = at_least.of.iter().filter(|id| truths.get(id).is_none()).count();
        let verdict = if met >= at_least.count {
            Some(true)
        } else if met + unknown < at_least.count {
            Some(false)
        } else {
            None
        };
        holds = and(holds, verdict);
        let mut reason = format!("mindst {} af {} kriterier: {met} opfyldt", at_least.count, at_least.of.len());
        if unknown > 0 {
            reason.push_str(&format!(", {unknown} kan ikke afgøres"));
        }
        reasons.push(reason);
    }
    if !category.not.is_empty() {
        let parts: Vec<String> =
            category.not.iter().map(|id| format!("{} ({})", truths.describe(id), truth_da(truths.get(id)))).collect();
        holds = category.not.iter().fold(holds, |acc, id| and(acc, truths.get(id).map(|t| !t)));
        reasons.push(format!("må ikke være {}", join_with(&parts, "eller")));
    }
    match residents_ok {
        Some(true) => {}
        Some(false) => {
            holds = Some(false);
            reasons.push("for få beboere".to_string());
        }
        None => {
            holds = and(holds, None);
            reasons.push("antallet af beboere kendes ikke".to_string());
        }
    }
    let text = format!("{}: {}; {}.", category.name, truth_da(holds), reasons.join("; "));
    CategoryResult { id: category.id.clone(), name: category.name.clone(), holds, text }
}

/// The status: the first category that holds, unless one above it is open.
fn status_of(categories: &[CategoryResult], residents: &ResidentCheck) -> Status {
    if let (Some(false), Some(n)) = (residents.met, residents.value) {
        return Status::NotListed {
            reason: format!(
                "Området har {} beboere; der kræves mindst {}.",
                format_da(n, 0),
                format_da(residents.minimum, 0)
            ),
        };
    }
    // Category names stand mid-sentence here: «et udsat boligområde».
    // (All four official names take «et».)
    let lower = |name: &str| {
        let mut chars = name.chars();
        let lowered = chars.next().map(|c| c.to_lowercase().chain(chars).collect::<String>()).unwrap_or_default();
        format!("et {lowered}")
    };
    let mut open: Vec<String> = Vec::new();
    for category in categories {
        match category.holds {
            Some(true) if open.is_empty() => {
                return Status::Listed { id: category.id.clone(), name: category.name.clone() };
            }
            Some(true) => {
                return Status::Undecided {
                    reason: format!(
                        "Området er mindst {}, men om det er {}, kan ikke afgøres uden de manglende tal.",
                        lower(&category.name),
                        join_with(&open, "eller")
                    ),
                };
            }
            Some(false) => {}
            None => open.push(lower(&category.name)),
        }
    }
    if open.is_empty() {
        Status::NotListed { reason: "Ingen af kategorierne er opfyldt.".to_string() }
    } else {
        Status::Undecided {
            reason: format!("Om området er {}, kan ikke afgøres uden de manglende tal.", join_with(&open, "eller")),
        }
    }
}

/// The one-sentence summary.
fn summary(
    set: &RuleSet,
    truths: &Truths,
    status: &Status,
    residents: &ResidentCheck,
    area_name: &str,
    list_year: u16,
) -> String {
    if let (Some(false), Some(n)) = (residents.met, residents.value) {
        return format!(
            "{area_name} har {} beboere, under mindstegrænsen på {} (liste {list_year}): {}.",
            format_da(n, 0),
            format_da(residents.minimum, 0),
            status.danish()
        );
    }
    // Count the criteria of the listed category, else of the broadest list.
    let counted = status
        .category()
        .and_then(|id| set.category(id))
        .filter(|c| c.at_least.is_some())
        .or_else(|| set.categories.iter().rev().find(|c| c.at_least.is_some()));
    match counted.and_then(|c| c.at_least.as_ref().map(|a| (c, a))) {
        Some((category, at_least)) => {
            let met = at_least.of.iter().filter(|id| truths.get(id) == Some(true)).count();
            let unknown = at_least.of.iter().filter(|id| truths.get(id).is_none()).count();
            let open = if unknown > 0 { format!(", {unknown} kan ikke afgøres") } else { String::new() };
            format!(
                "{area_name} opfylder {met} af {} kriterier for et {}{open} (liste {list_year}): {}.",
                at_least.of.len(),
                lower_first(&category.name),
                status.danish()
            )
        }
        None => format!("{area_name} (liste {list_year}): {}.", status.danish()),
    }
}

/// Evaluates the list of `list_year` for `area`: `None` when no rule set applies.
pub fn evaluate(rules: &ListRules, inputs: &dyn ListInputs, area: &str, list_year: u16) -> Option<ListResult> {
    let set = rule_set_for(rules, list_year)?;
    let data_year = list_year.checked_sub(1)?;
    let mut missing = Missing::default();

    let count = inputs.residents(area, data_year);
    if count.is_none() {
        missing.add(format!("Antal beboere for {data_year}"));
    }
    let residents = ResidentCheck {
        year: data_year,
        value: count,
        minimum: set.min_residents,
        met: count.map(|n| n >= set.min_residents),
    };

    let criteria: Vec<CriterionResult> = set
        .criteria
        .iter()
        .filter_map(|c| {
            let input = rules.input(&c.input)?;
            Some(evaluate_criterion(c, input, inputs, area, list_year, &mut missing))
        })
        .collect();

    let mut truths = Truths { set, rules, values: HashMap::new() };
    for result in &criteria {
        if let Some(criterion) = set.criterion(&result.id) {
            truths.values.insert(criterion.id.as_str(), result.met);
        }
    }
    // A category builds only on categories below it, so evaluate bottom-up.
    let mut categories = Vec::with_capacity(set.categories.len());
    for category in set.categories.iter().rev() {
        let result = evaluate_category(category, &truths, residents.met);
        truths.values.insert(category.id.as_str(), result.holds);
        categories.push(result);
    }
    categories.reverse();

    let status = status_of(&categories, &residents);
    let text = summary(set, &truths, &status, &residents, &inputs.area_name(area), list_year);
    let data_years: BTreeSet<u16> = criteria.iter().flat_map(|c| c.years.iter().copied()).chain([data_year]).collect();

    Some(ListResult {
        area: area.to_string(),
        list_year,
        rule_set: set.id.clone(),
        rule_set_name: set.name.clone(),
        data_years: data_years.into_iter().collect(),
        residents,
        criteria,
        categories,
        status,
        mangler: missing.0,
        text,
    })
}

/// Evaluates every area for every list year in `years` that has a rule set
/// and at least one input for the year before; sorted by area order, then year.
pub fn evaluate_all(
    rules: &ListRules,
    inputs: &dyn ListInputs,
    areas: &[&str],
    years: RangeInclusive<u16>,
) -> Vec<ListResult> {
    let mut results = Vec::new();
    for area in areas {
        for list_year in years.clone() {
            let (Some(set), Some(data_year)) = (rule_set_for(rules, list_year), list_year.checked_sub(1)) else {
                continue;
            };
            let has_data = set.criteria.iter().any(|c| inputs.value(area, &c.input, data_year).is_some());
            if has_data {
                results.extend(evaluate(rules, inputs, area, list_year));
            }
        }
    }
    results
}

// ---------------------------------------------------------------------------
// The plan's figures as inputs

/// The plan's figures as [`ListInputs`]: each input is the indicator of the
/// same id, the national average is that indicator's value on the rule
/// file's `landsgennemsnit` series, and residents are the `beboere` count.
pub struct ModelInputs<'a> {
    model: &'a crate::model::Model,
    national_series: &'a str,
}

/// The measure the resident minimum reads.
pub const RESIDENTS_MEASURE: &str = "beboere";

impl ListInputs for ModelInputs<'_> {
    fn value(&self, area: &str, input: &str, year: u16) -> Option<Decimal> {
        let indicator = self.model.indicator(input)?;
        crate::compute::own_value(self.model, indicator, area, year).ok().map(|v| v.value)
    }

    fn national(&self, input: &str, year: u16) -> Option<Decimal> {
        self.value(self.national_series, input, year)
    }

    fn residents(&self, area: &str, year: u16) -> Option<Decimal> {
        self.model.year(area, year)?.counts.get(RESIDENTS_MEASURE).map(|f| f.value)
    }

    fn area_name(&self, area: &str) -> String {
        self.model.series(area).map_or_else(|| area.to_string(), |s| s.name.clone())
    }
}

/// One area's list status for a list year, as the plan's figures give it.
#[derive(Debug, Clone, Serialize)]
pub struct ModelListResult {
    /// The evaluation.
    #[serde(flatten)]
    pub result: ListResult,
    /// Whether any figure it rests on is illustrative (*eksempeldata*).
    #[serde(rename = "eksempeldata")]
    pub example: bool,
    /// Whether the list is published (1 December) after the half-year
    /// reported on: then it is a calculation on the newest figures, not the
    /// official list.
    #[serde(rename = "prognose")]
    pub forecast: bool,
}

/// Every area's list status for each list year whose data year (the year
/// before) lies within the plan's data and at or before the report's last
/// full year, with the plan's rule sets.
pub fn evaluate_model(model: &crate::model::Model, period: crate::model::Period) -> Vec<ModelListResult> {
    let rules = &model.list_rules;
    let inputs = ModelInputs { model, national_series: &rules.national_series };
    let areas: Vec<&str> = model.areas().map(|a| a.id.as_str()).collect();
    let last = period.last_full_year().min(model.plan.last_year) + 1;
    // The list of year L is published on 1 December L, in L's second half.
    let published_by = |list_year: u16| crate::model::Period { year: list_year, half: 2 } <= period;
    evaluate_all(rules, &inputs, &areas, model.plan.first_year + 1..=last)
        .into_iter()
        .map(|result| {
            let example = rests_on_examples(model, rules, &result);
            let forecast = !published_by(result.list_year);
            ModelListResult { result, example, forecast }
        })
        .collect()
}

/// Whether any input, national average or resident count of the data years is illustrative.
fn rests_on_examples(model: &crate::model::Model, rules: &ListRules, result: &ListResult) -> bool {
    let example = |series: &str, input: &str, year: u16| {
        model
            .indicator(input)
            .and_then(|ind| crate::compute::own_value(model, ind, series, year).ok())
            .is_some_and(|v| v.example)
    };
    result.data_years.iter().any(|&year| {
        rules.inputs.iter().any(|i| example(&result.area, &i.id, year) || example(&rules.national_series, &i.id, year))
            || model.year(&result.area, year).and_then(|f| f.counts.get(RESIDENTS_MEASURE)).is_some_and(|f| f.example)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn dec(s: &str) -> Decimal {
        parse_exact(s).unwrap()
    }

    /// Figures for tests, keyed by area, input and year.
    #[derive(Default)]
    struct Data {
        values: BTreeMap<(String, String, u16), Decimal>,
        national: BTreeMap<(String, u16), Decimal>,
        residents: BTreeMap<(String, u16), Decimal>,
        names: BTreeMap<String, String>,
    }

    impl Data {
        fn set(&mut self, area: &str, input: &str, years: RangeInclusive<u16>, value: &str) -> &mut Self {
            for y in years {
                self.values.insert((area.into(), input.into(), y), dec(value));
            }
            self
        }
        fn year(&mut self, area: &str, input: &str, year: u16, value: &str) -> &mut Self {
            self.set(area, input, year..=year, value)
        }
        fn remove(&mut self, area: &str, input: &str, year: u16) -> &mut Self {
            self.values.remove(&(area.into(), input.into(), year));
            self
        }
        fn nat(&mut self, input: &str, year: u16, value: &str) -> &mut Self {
            self.national.insert((input.into(), year), dec(value));
            self
        }
        fn set_residents(&mut self, area: &str, years: RangeInclusive<u16>, value: &str) -> &mut Self {
            for y in years {
                self.residents.insert((area.into(), y), dec(value));
            }
            self
        }
    }

    impl ListInputs for Data {
        fn value(&self, area: &str, input: &str, year: u16) -> Option<Decimal> {
            self.values.get(&(area.to_string(), input.to_string(), year)).copied()
        }
        fn national(&self, input: &str, year: u16) -> Option<Decimal> {
            self.national.get(&(input.to_string(), year)).copied()
        }
        fn residents(&self, area: &str, year: u16) -> Option<Decimal> {
            self.residents.get(&(area.to_string(), year)).copied()
        }
        fn area_name(&self, area: &str) -> String {
            self.names.get(area).cloned().unwrap_or_else(|| area.to_string())
        }
    }

    /// Area `a` for list year `list_year`: every input far from every
    /// threshold of every set (no criterion met), 1.500 residents, national
    /// average of `domfaeldte` 1,0 %, for the four data years before the list.
    fn neutral(list_year: u16) -> Data {
        let years = list_year - 4..=list_year - 1;
        let mut d = Data::default();
        d.set("a", "ikke-vestlige", years.clone(), "10")
            .set("a", "uden-for-arbejde", years.clone(), "20")
            .set("a", "domfaeldte", years.clone(), "0.5")
            .set("a", "grundskole", years.clone(), "30")
            .set("a", "indkomst", years.clone(), "90")
            .set_residents("a", years.clone(), "1500");
        for y in years {
            d.nat("domfaeldte", y, "1.0");
        }
        d
    }

    /// Sets `input` to `value` in every data year of `neutral(list_year)`.
    fn all_years(d: &mut Data, list_year: u16, input: &str, value: &str) {
        d.set("a", input, list_year - 4..=list_year - 1, value);
    }

    /// The status as one word: the category id, `ingen` or `?`.
    fn status(r: &ListResult) -> &str {
        match &r.status {
            Status::Listed { id, .. } => id,
            Status::NotListed { .. } => "ingen",
            Status::Undecided { .. } => "?",
        }
    }

    fn met(r: &ListResult, criterion: &str) -> Option<bool> {
        r.criterion(criterion).unwrap_or_else(|| panic!("no criterion {criterion}")).met
    }

    /// A threshold case: `criterion` (on `input`) is met at `above` and not at
    /// `below`; with `with` set too, the status is `listed` resp. `unlisted`.
    struct Case {
        list_year: u16,
        criterion: &'static str,
        input: &'static str,
        above: &'static str,
        below: &'static str,
        with: &'static [(&'static str, &'static str)],
        listed: &'static str,
        unlisted: &'static str,
    }

    fn check(cases: &[Case]) {
        let rules = default_rules();
        for case in cases {
            for (value, expect_met, expect_status) in
                [(case.above, true, case.listed), (case.below, false, case.unlisted)]
            {
                let mut d = neutral(case.list_year);
                for (input, v) in case.with {
                    all_years(&mut d, case.list_year, input, v);
                }
                all_years(&mut d, case.list_year, case.input, value);
                let r = evaluate(&rules, &d, "a", case.list_year).unwrap();
                let what = format!("list {} {} = {value}", case.list_year, case.criterion);
                assert_eq!(
                    met(&r, case.criterion),
                    Some(expect_met),
                    "{what}: {}",
                    r.criterion(case.criterion).unwrap().text
                );
                assert_eq!(status(&r), expect_status, "{what}: {:?}", r.status);
            }
        }
    }

    fn parse_text(text: &str) -> (Option<ListRules>, Vec<(Option<usize>, String)>) {
        let mut diags = Diagnostics::default();
        let rules = parse::<RawListRules>(Path::new("liste.yaml"), "liste.yaml".into(), text, &mut diags)
            .and_then(|src| load_rules(&src, &mut diags));
        let problems = diags.sorted().into_iter().map(|d| (d.pos.map(|p| p.line), d.message)).collect();
        (rules, problems)
    }

    #[test]
    fn embedded_default_parses_and_validates() {
        let (rules, problems) = parse_text(DEFAULT_RULES);
        assert_eq!(problems, vec![], "no errors or warnings in the default");
        let rules = rules.unwrap();
        let ids: Vec<&str> = rules.sets.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["2010", "2014", "2018", "2021"]);
        assert_eq!(rules.national_series, "hele-landet");
        let dates: Vec<String> = rules.sets.iter().map(|s| s.valid_from.to_string()).collect();
        assert_eq!(dates, ["2010-10-01", "2014-12-01", "2018-12-01", "2021-12-01"]);
        assert!(rules.sets.iter().all(|s| s.min_residents == dec("1000")));
        let set2018 = &rules.sets[2];
        let crime = set2018.criterion("domfaeldte").unwrap();
        assert!(crime.national_multiple);
        assert_eq!((crime.comparison, crime.threshold, crime.average_years), (Comparison::AtLeast, dec("3"), 2));
        assert_eq!(default_rules().sets.len(), 4);
    }

    #[test]
    fn rule_set_chosen_by_list_year() {
        let rules = default_rules();
        let id = |year| rule_set_for(&rules, year).map(|s| s.id.as_str());
        assert_eq!(id(2009), None);
        assert_eq!(id(2010), Some("2010"));
        assert_eq!(id(2013), Some("2010"));
        assert_eq!(id(2014), Some("2014"));
        assert_eq!(id(2017), Some("2014"));
        assert_eq!(id(2018), Some("2018"));
        assert_eq!(id(2020), Some("2018"));
        assert_eq!(id(2021), Some("2021"));
        assert_eq!(id(2030), Some("2021"));
        assert!(evaluate(&rules, &neutral(2012), "a", 2009).is_none());
    }

    #[test]
    #[rustfmt::skip]
    fn thresholds_2010() {
        let with_nw: &[(&str, &str)] = &[("ikke-vestlige", "60")];
        let ghetto = "ghettoomraade";
        check(&[
            Case { list_year: 2013, criterion: "ikke-vestlige", input: "ikke-vestlige", above: "50.1", below: "50", with: &[("uden-for-arbejde", "45")], listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2013, criterion: "arbejde", input: "uden-for-arbejde", above: "40.1", below: "40", with: with_nw, listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2013, criterion: "domfaeldte", input: "domfaeldte", above: "2.71", below: "2.7", with: with_nw, listed: ghetto, unlisted: "ingen" },
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn thresholds_2014() {
        let nw_work: &[(&str, &str)] = &[("ikke-vestlige", "60"), ("uden-for-arbejde", "45")];
        let ghetto = "ghettoomraade";
        check(&[
            Case { list_year: 2016, criterion: "ikke-vestlige", input: "ikke-vestlige", above: "50.1", below: "50", with: &[("uden-for-arbejde", "45"), ("grundskole", "55")], listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2016, criterion: "arbejde", input: "uden-for-arbejde", above: "40.1", below: "40", with: &[("ikke-vestlige", "60"), ("grundskole", "55")], listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2016, criterion: "domfaeldte", input: "domfaeldte", above: "2.71", below: "2.7", with: nw_work, listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2016, criterion: "grundskole", input: "grundskole", above: "50.1", below: "50", with: nw_work, listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2016, criterion: "indkomst", input: "indkomst", above: "54.9", below: "55", with: nw_work, listed: ghetto, unlisted: "ingen" },
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn thresholds_2018() {
        let school: &[(&str, &str)] = &[("grundskole", "61")];
        let work: &[(&str, &str)] = &[("uden-for-arbejde", "45")];
        check(&[
            Case { list_year: 2019, criterion: "arbejde", input: "uden-for-arbejde", above: "40.1", below: "40", with: school, listed: "udsat", unlisted: "ingen" },
            // National average 1,0 % in every year: exactly 3 × is met, a hair below is not.
            Case { list_year: 2019, criterion: "domfaeldte", input: "domfaeldte", above: "3", below: "2.9999", with: school, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2019, criterion: "grundskole", input: "grundskole", above: "60.1", below: "60", with: work, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2019, criterion: "indkomst", input: "indkomst", above: "54.9", below: "55", with: work, listed: "udsat", unlisted: "ingen" },
            // Ghettoområde = udsat and non-Western over 50 %.
            Case { list_year: 2019, criterion: "ikke-vestlige", input: "ikke-vestlige", above: "50.1", below: "50", with: &[("uden-for-arbejde", "45"), ("grundskole", "61")], listed: "ghettoomraade", unlisted: "udsat" },
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn thresholds_2021() {
        let school: &[(&str, &str)] = &[("grundskole", "61")];
        let work: &[(&str, &str)] = &[("uden-for-arbejde", "45")];
        // Non-Western 40 % and income 60 % (meets only the 65 % rule): one
        // criterion of a forebyggelsesområde, none of an udsat område.
        let prev_income: &[(&str, &str)] = &[("ikke-vestlige", "40"), ("indkomst", "60")];
        let fb = "forebyggelsesomraade";
        check(&[
            Case { list_year: 2022, criterion: "arbejde", input: "uden-for-arbejde", above: "40.1", below: "40", with: school, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2022, criterion: "domfaeldte", input: "domfaeldte", above: "3", below: "2.9999", with: school, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2022, criterion: "grundskole", input: "grundskole", above: "60.1", below: "60", with: work, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2022, criterion: "indkomst", input: "indkomst", above: "54.9", below: "55", with: work, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2022, criterion: "ikke-vestlige", input: "ikke-vestlige", above: "50.1", below: "50", with: &[("uden-for-arbejde", "45"), ("grundskole", "61")], listed: "parallelsamfund", unlisted: "udsat" },
            // The lower thresholds of a forebyggelsesområde.
            Case { list_year: 2022, criterion: "ikke-vestlige-30", input: "ikke-vestlige", above: "30.1", below: "30", with: &[("uden-for-arbejde", "35"), ("indkomst", "60")], listed: fb, unlisted: "ingen" },
            Case { list_year: 2022, criterion: "arbejde-30", input: "uden-for-arbejde", above: "30.1", below: "30", with: prev_income, listed: fb, unlisted: "ingen" },
            Case { list_year: 2022, criterion: "domfaeldte-2x", input: "domfaeldte", above: "2", below: "1.9999", with: prev_income, listed: fb, unlisted: "ingen" },
            Case { list_year: 2022, criterion: "grundskole", input: "grundskole", above: "60.1", below: "60", with: prev_income, listed: fb, unlisted: "ingen" },
            Case { list_year: 2022, criterion: "indkomst-65", input: "indkomst", above: "64.9", below: "65", with: &[("ikke-vestlige", "40"), ("uden-for-arbejde", "35")], listed: fb, unlisted: "ingen" },
        ]);
    }

    #[test]
    fn count_rule_two_of_four() {
        let rules = default_rules();
        let mut d = neutral(2019);
        all_years(&mut d, 2019, "uden-for-arbejde", "45");
        let r = evaluate(&rules, &d, "a", 2019).unwrap();
        assert_eq!(status(&r), "ingen");
        assert_eq!(r.category("udsat").unwrap().holds, Some(false));
        assert_eq!(r.text, "a opfylder 1 af 4 kriterier for et udsat boligområde (liste 2019): ikke på nogen liste.");
        all_years(&mut d, 2019, "indkomst", "50");
        let r = evaluate(&rules, &d, "a", 2019).unwrap();
        assert_eq!(status(&r), "udsat");
        assert_eq!(
            r.category("udsat").unwrap().text,
            "Udsat boligområde: opfyldt; mindst 2 af 4 kriterier: 2 opfyldt."
        );
        assert_eq!(r.category("ghettoomraade").unwrap().holds, Some(false));
    }

    #[test]
    fn parallelsamfund_udsat_and_forebyggelsesomraade_2021() {
        let rules = default_rules();
        let run = |pairs: &[(&str, &str)]| {
            let mut d = neutral(2022);
            for (input, v) in pairs {
                all_years(&mut d, 2022, input, v);
            }
            evaluate(&rules, &d, "a", 2022).unwrap()
        };
        let udsat = [("uden-for-arbejde", "45"), ("grundskole", "61")];
        let r = run(&[udsat[0], udsat[1], ("ikke-vestlige", "51")]);
        assert_eq!(status(&r), "parallelsamfund");
        assert_eq!(r.category("udsat").unwrap().holds, Some(true));
        assert_eq!(r.category("forebyggelsesomraade").unwrap().holds, Some(false));
        assert_eq!(r.text, "a opfylder 2 af 4 kriterier for et udsat boligområde (liste 2022): Parallelsamfund.");
        // Udsat with 40 % non-Western also meets the preventive criteria, but
        // an udsat område is not a forebyggelsesområde.
        let r = run(&[udsat[0], udsat[1], ("ikke-vestlige", "40")]);
        assert_eq!(status(&r), "udsat");
        assert_eq!(r.category("forebyggelsesomraade").unwrap().holds, Some(false));
        assert_eq!(r.category("parallelsamfund").unwrap().holds, Some(false));
        let r = run(&[("uden-for-arbejde", "35"), ("indkomst", "60"), ("ikke-vestlige", "40")]);
        assert_eq!(status(&r), "forebyggelsesomraade");
        assert_eq!(r.text, "a opfylder 2 af 4 kriterier for et forebyggelsesområde (liste 2022): Forebyggelsesområde.");
        let r = run(&[("uden-for-arbejde", "35"), ("indkomst", "60"), ("ikke-vestlige", "20")]);
        assert_eq!(status(&r), "ingen");
        // The same figures under the 2018 rules: not udsat, no preventive category.
        let mut d = neutral(2019);
        for (input, v) in [("uden-for-arbejde", "35"), ("indkomst", "60"), ("ikke-vestlige", "40")] {
            all_years(&mut d, 2019, input, v);
        }
        assert_eq!(status(&evaluate(&rules, &d, "a", 2019).unwrap()), "ingen");
    }

    #[test]
    fn ghettoomraade_2018() {
        let rules = default_rules();
        let mut d = neutral(2018);
        d.names.insert("a".into(), "Motalavej".into());
        for (input, v) in
            [("uden-for-arbejde", "45"), ("domfaeldte", "3.5"), ("grundskole", "65"), ("ikke-vestlige", "55")]
        {
            all_years(&mut d, 2018, input, v);
        }
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        assert_eq!(r.status, Status::Listed { id: "ghettoomraade".into(), name: "Ghettoområde".into() });
        assert_eq!(r.rule_set, "2018");
        assert_eq!(r.data_years, [2016, 2017]);
        assert_eq!(r.text, "Motalavej opfylder 3 af 4 kriterier for et udsat boligområde (liste 2018): Ghettoområde.");
        assert_eq!(
            r.category("ghettoomraade").unwrap().text,
            "Ghettoområde: opfyldt; kræver Udsat boligområde (opfyldt) og indvandrere og efterkommere fra ikke-vestlige lande over 50 % (opfyldt)."
        );
        assert!(r.mangler.is_empty());
        all_years(&mut d, 2018, "ikke-vestlige", "45");
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        assert_eq!(
            r.text,
            "Motalavej opfylder 3 af 4 kriterier for et udsat boligområde (liste 2018): Udsat boligområde."
        );
    }

    #[test]
    fn two_year_average_is_exact() {
        let rules = default_rules();
        let mut d = neutral(2018);
        d.year("a", "uden-for-arbejde", 2016, "41.5").year("a", "uden-for-arbejde", 2017, "40.6");
        // National 0,9 % and 1,1 % average exactly 1,0 %; 3 × = 3,0 %.
        d.nat("domfaeldte", 2016, "0.9").nat("domfaeldte", 2017, "1.1");
        d.year("a", "domfaeldte", 2016, "2.9").year("a", "domfaeldte", 2017, "3.1");
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        let work = r.criterion("arbejde").unwrap();
        assert_eq!(work.years, [2016, 2017]);
        assert_eq!(work.yearly, [Some(dec("41.5")), Some(dec("40.6"))]);
        assert_eq!(work.value, Some(dec("41.05")));
        assert_eq!(work.margin, Some(dec("1.05")));
        assert_eq!(work.met, Some(true));
        let crime = r.criterion("domfaeldte").unwrap();
        assert_eq!(crime.value, Some(dec("3")));
        assert_eq!(crime.threshold, Some(dec("3")));
        let basis = crime.national.as_ref().unwrap();
        assert_eq!((basis.average, basis.multiple), (Some(dec("1")), dec("3")));
        assert_eq!((crime.met, crime.margin), (Some(true), Some(Decimal::ZERO)));
        assert_eq!(
            crime.text,
            "Dømte for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer, andel af beboere på 18 år og derover: \
             3,0 % (gennemsnit 2016-2017); grænsen er mindst 3 gange landsgennemsnittet på 1,0 %, dvs. mindst 3,0 %. Opfyldt, præcis på grænsen."
        );
        // A hair below: 2,99995 % is not at least 3 %; shown with the decimals that tell them apart.
        d.year("a", "domfaeldte", 2017, "3.0999");
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        let crime = r.criterion("domfaeldte").unwrap();
        assert_eq!((crime.value, crime.met, crime.margin), (Some(dec("2.99995")), Some(false), Some(dec("-0.00005"))));
        assert!(crime.text.ends_with("2,99995 % (gennemsnit 2016-2017); grænsen er mindst 3 gange landsgennemsnittet på 1,0 %, dvs. mindst 3,00000 %. Ikke opfyldt, 0,00005 procentpoint under grænsen."), "{}", crime.text);
    }

    #[test]
    fn four_year_average_is_exact() {
        let rules = default_rules();
        let mut d = neutral(2013);
        for (y, v) in [(2009, "40"), (2010, "41"), (2011, "39.5"), (2012, "40.7")] {
            d.year("a", "uden-for-arbejde", y, v);
        }
        for (y, v) in [(2009, "2.5"), (2010, "2.9"), (2011, "2.6"), (2012, "2.81")] {
            d.year("a", "domfaeldte", y, v);
        }
        let r = evaluate(&rules, &d, "a", 2013).unwrap();
        assert_eq!(r.rule_set, "2010");
        let work = r.criterion("arbejde").unwrap();
        assert_eq!(work.years, [2009, 2010, 2011, 2012]);
        assert_eq!(work.value, Some(dec("40.3")));
        assert_eq!(
            work.text,
            "18-64-årige uden for arbejdsmarkedet eller uddannelse: 40,3 % (gennemsnit 2009-2012); grænsen er over 40,0 %. Opfyldt, 0,3 procentpoint over grænsen."
        );
        let crime = r.criterion("domfaeldte").unwrap();
        assert_eq!(crime.value, Some(dec("2.7025")));
        assert_eq!(crime.met, Some(true));
        // Non-Western share is the latest year only.
        assert_eq!(r.criterion("ikke-vestlige").unwrap().years, [2012]);
        assert_eq!(r.data_years, [2009, 2010, 2011, 2012]);
        assert_eq!(status(&r), "ghettoomraade");
    }

    #[test]
    fn criterion_sentence() {
        let rules = default_rules();
        let mut d = neutral(2018);
        d.year("a", "uden-for-arbejde", 2016, "42.0").year("a", "uden-for-arbejde", 2017, "42.6");
        d.year("a", "indkomst", 2017, "56.5");
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        assert_eq!(
            r.criterion("arbejde").unwrap().text,
            "18-64-årige uden for arbejdsmarkedet eller uddannelse: 42,3 % (gennemsnit 2016-2017); grænsen er over 40,0 %. Opfyldt, 2,3 procentpoint over grænsen."
        );
        assert_eq!(
            r.criterion("indkomst").unwrap().text,
            "Gennemsnitlig bruttoindkomst for 15-64-årige (ekskl. uddannelsessøgende) i procent af regionens gennemsnit: 56,5 % (2017); grænsen er under 55,0 %. Ikke opfyldt, 1,5 procentpoint over grænsen."
        );
        // A value that rounds to the threshold is shown with one more decimal.
        d.year("a", "uden-for-arbejde", 2016, "40.04").year("a", "uden-for-arbejde", 2017, "40.04");
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        assert!(r.criterion("arbejde").unwrap().text.ends_with(
            "40,04 % (gennemsnit 2016-2017); grænsen er over 40,00 %. Opfyldt, 0,04 procentpoint over grænsen."
        ));
    }

    #[test]
    fn resident_minimum() {
        let rules = default_rules();
        let mut d = neutral(2019);
        all_years(&mut d, 2019, "uden-for-arbejde", "45");
        all_years(&mut d, 2019, "grundskole", "61");
        d.set_residents("a", 2018..=2018, "999");
        let r = evaluate(&rules, &d, "a", 2019).unwrap();
        assert_eq!(
            r.residents,
            ResidentCheck { year: 2018, value: Some(dec("999")), minimum: dec("1000"), met: Some(false) }
        );
        assert_eq!(r.status, Status::NotListed { reason: "Området har 999 beboere; der kræves mindst 1.000.".into() });
        assert!(r.categories.iter().all(|c| c.holds == Some(false)));
        assert_eq!(r.text, "a har 999 beboere, under mindstegrænsen på 1.000 (liste 2019): ikke på nogen liste.");
        // The criteria are still reported.
        assert_eq!(met(&r, "arbejde"), Some(true));
        d.set_residents("a", 2018..=2018, "1000");
        let r = evaluate(&rules, &d, "a", 2019).unwrap();
        assert_eq!(r.residents.met, Some(true));
        assert_eq!(status(&r), "udsat");
        // Unknown residents: the area might be too small.
        d.residents.remove(&("a".into(), 2018));
        let r = evaluate(&rules, &d, "a", 2019).unwrap();
        assert_eq!(status(&r), "?");
        assert_eq!(r.mangler, ["Antal beboere for 2018"]);
    }

    #[test]
    fn missing_inputs_are_unknown_and_named() {
        let rules = default_rules();
        let mut d = neutral(2018);
        all_years(&mut d, 2018, "uden-for-arbejde", "45");
        all_years(&mut d, 2018, "ikke-vestlige", "60");
        d.national.remove(&("domfaeldte".into(), 2016));
        d.remove("a", "grundskole", 2017);
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        let crime = r.criterion("domfaeldte").unwrap();
        assert_eq!((crime.value, crime.threshold, crime.met, crime.margin), (Some(dec("0.5")), None, None, None));
        assert_eq!(
            crime.text,
            "Dømte for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer, andel af beboere på 18 år og derover: \
             0,5 % (gennemsnit 2016-2017); grænsen er mindst 3 gange landsgennemsnittet, som ikke kendes. Kan ikke afgøres: mangler landsgennemsnittet for 2016."
        );
        assert_eq!(met(&r, "grundskole"), None);
        // 1 met and 2 unknown of "at least 2 of 4": unknown.
        assert_eq!(r.category("udsat").unwrap().holds, None);
        assert_eq!(
            r.category("udsat").unwrap().text,
            "Udsat boligområde: kan ikke afgøres; mindst 2 af 4 kriterier: 1 opfyldt, 2 kan ikke afgøres."
        );
        assert_eq!(r.category("ghettoomraade").unwrap().holds, None);
        assert_eq!(
            r.status,
            Status::Undecided {
                reason: "Om området er et ghettoområde eller et udsat boligområde, kan ikke afgøres uden de manglende tal."
                    .into()
            }
        );
        assert_eq!(
            r.mangler,
            [
                "Dømte for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer, andel af beboere på 18 år og derover for 2016 (landsgennemsnit)",
                "30-59-årige med alene grundskoleuddannelse for 2017",
            ]
        );
        assert_eq!(
            r.text,
            "a opfylder 1 af 4 kriterier for et udsat boligområde, 2 kan ikke afgøres (liste 2018): kan ikke afgøres."
        );

        // 2 met: udsat holds whatever the unknown ones are.
        all_years(&mut d, 2018, "indkomst", "50");
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        assert_eq!(r.category("udsat").unwrap().holds, Some(true));
        assert_eq!(status(&r), "ghettoomraade");
        // Unknown non-Western share: at least udsat, but a ghettoområde cannot be ruled out.
        d.remove("a", "ikke-vestlige", 2017);
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        assert_eq!(
            r.status,
            Status::Undecided {
                reason: "Området er mindst et udsat boligområde, men om det er et ghettoområde, kan ikke afgøres uden de manglende tal.".into()
            }
        );
        assert!(r.mangler.contains(&"Indvandrere og efterkommere fra ikke-vestlige lande for 2017".to_string()));
        // A whole input missing for both years is named once with both years.
        d.remove("a", "uden-for-arbejde", 2016).remove("a", "uden-for-arbejde", 2017);
        let r = evaluate(&rules, &d, "a", 2018).unwrap();
        assert!(
            r.mangler.contains(&"18-64-årige uden for arbejdsmarkedet eller uddannelse for 2016 og 2017".to_string())
        );
        assert!(r.criterion("arbejde").unwrap().text.starts_with("18-64-årige uden for arbejdsmarkedet eller uddannelse: ukendt (gennemsnit 2016-2017); grænsen er over 40,0 %. Kan ikke afgøres: mangler tal for 2016 og 2017."));
    }

    #[test]
    fn not_of_unknown_is_unknown() {
        let rules = default_rules();
        let mut d = neutral(2022);
        // Preventive: non-Western 40 %, work 35 %, income 60 %: holds unless udsat.
        for (input, v) in [("ikke-vestlige", "40"), ("uden-for-arbejde", "35"), ("indkomst", "60")] {
            all_years(&mut d, 2022, input, v);
        }
        // Basic schooling unknown: udsat has 0 met and 1 unknown (false);
        // then the preventive count is 2 met, so forebyggelsesområde holds.
        d.remove("a", "grundskole", 2021);
        let r = evaluate(&rules, &d, "a", 2022).unwrap();
        assert_eq!(r.category("udsat").unwrap().holds, Some(false));
        assert_eq!(status(&r), "forebyggelsesomraade");
        // With crime unknown too, udsat is unknown (0 met, 2 unknown), and so
        // is "not udsat", so the preventive category is unknown.
        d.national.remove(&("domfaeldte".into(), 2021));
        let r = evaluate(&rules, &d, "a", 2022).unwrap();
        assert_eq!(r.category("udsat").unwrap().holds, None);
        assert_eq!(r.category("forebyggelsesomraade").unwrap().holds, None);
        assert_eq!(status(&r), "?");
    }

    #[test]
    fn evaluate_all_skips_years_without_data() {
        let rules = default_rules();
        let mut d = Data::default();
        for area in ["a", "b"] {
            d.set(area, "uden-for-arbejde", 2016..=2017, "45").set(area, "grundskole", 2016..=2017, "61");
            d.set_residents(area, 2016..=2017, "1200");
        }
        d.nat("domfaeldte", 2016, "1").nat("domfaeldte", 2017, "1");
        let results = evaluate_all(&rules, &d, &["b", "a"], 2015..=2019);
        let keys: Vec<(&str, u16)> = results.iter().map(|r| (r.area.as_str(), r.list_year)).collect();
        assert_eq!(keys, [("b", 2017), ("b", 2018), ("a", 2017), ("a", 2018)]);
        assert_eq!(results[0].rule_set, "2014");
        assert_eq!(results[1].rule_set, "2018");
        assert_eq!(status(&results[1]), "?", "non-Western share unknown");
        assert!(evaluate_all(&rules, &d, &["c"], 2015..=2019).is_empty());
    }

    #[test]
    fn serialises_with_danish_names() {
        let rules = default_rules();
        let mut d = neutral(2019);
        all_years(&mut d, 2019, "uden-for-arbejde", "45");
        all_years(&mut d, 2019, "grundskole", "61");
        let r = evaluate(&rules, &d, "a", 2019).unwrap();
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["liste_år"], 2019);
        assert_eq!(json["regelsæt"], "2018");
        assert_eq!(
            json["status"],
            serde_json::json!({ "udfald": "kategori", "id": "udsat", "navn": "Udsat boligområde" })
        );
        assert_eq!(json["kriterier"][0]["værdi"], "45");
        assert_eq!(json["kriterier"][0]["grænse"], "40");
        assert_eq!(json["kriterier"][0]["opfyldt"], true);
        assert_eq!(json["kriterier"][0]["sammenligning"], "over");
        assert_eq!(json["kriterier"][1]["landsgennemsnit"]["gange"], "3");
        assert_eq!(json["beboere"]["opfyldt"], true);
        assert_eq!(json["mangler"], serde_json::json!([]));
        assert_eq!(serde_json::to_value(&rules).unwrap()["regelsæt"][3]["gælder_fra"], "2021-12-01");
    }

    /// A valid file to break in the validation tests.
    const VALID: &str = "\
landsgennemsnit: hele-landet
input:
  - id: x
    navn: X
    enhed: \"%\"
  - id: y
    navn: Y
    enhed: \"%\"
regelsæt:
  - id: a
    navn: A
    gælder_fra: 2018-12-01
    mindste_antal_beboere: 1000
    kriterier:
      - id: kx
        input: x
        over: 40
      - id: ky
        input: y
        mindst: 3
        gange_landsgennemsnit: true
    kategorier:
      - id: top
        navn: Top
        alle: [bund, kx]
      - id: bund
        navn: Bund
        mindst: 1
        af: [kx, ky]
";

    #[test]
    fn the_valid_test_file_is_valid() {
        let (rules, problems) = parse_text(VALID);
        assert_eq!(problems, vec![]);
        assert_eq!(rules.unwrap().sets[0].categories[1].at_least.as_ref().unwrap().count, 1);
    }

    fn errors(text: &str) -> Vec<(Option<usize>, String)> {
        let (rules, problems) = parse_text(text);
        assert!(rules.is_none(), "expected errors");
        problems
    }

    #[test]
    fn criterion_errors() {
        let text = VALID
            .replace("        input: x\n        over: 40\n", "        input: z\n        over: 40\n        mindst: 41\n")
            .replace(
                "        mindst: 3\n        gange_landsgennemsnit: true\n",
                "        gange_landsgennemsnit: true\n        gennemsnit_år: 0\n",
            );
        assert_eq!(
            errors(&text),
            [
                (Some(16), "kriteriet «kx» bruger det ukendte input «z»; kendte input: x og y".to_string()),
                (
                    Some(18),
                    "kriteriet «kx» har 2 grænser (over og mindst); angiv præcis én af over, mindst, under og højst"
                        .to_string()
                ),
                (
                    Some(19),
                    "kriteriet «ky» har ingen grænse; angiv præcis én af over, mindst, under og højst".to_string()
                ),
                (Some(22), "«gennemsnit_år» skal være et helt tal fra 1 til 10".to_string()),
            ]
        );
        let text = VALID.replace("over: 40", "over: 40,5").replace("mindst: 3\n", "mindst: 0\n");
        assert_eq!(
            errors(&text),
            [
                (Some(17), "«40,5» er ikke et tal i YAML: brug punktum som decimaltegn (fx 40.5)".to_string()),
                (Some(20), "kriteriet «ky»: et antal gange landsgennemsnittet skal være over 0".to_string()),
            ]
        );
    }

    #[test]
    fn category_errors() {
        let text = VALID
            .replace("alle: [bund, kx]", "alle: [bund, kz]\n        ikke: [ky, top]")
            .replace("mindst: 1\n", "mindst: 3\n");
        assert_eq!(
            errors(&text),
            [
                (Some(25), "kategorien «top» henviser til «kz», som hverken er et kriterium eller en kategori i regelsættet «a»".to_string()),
                (Some(26), "«ikke» i kategorien «top» kan kun nævne kategorier, men «ky» er et kriterium".to_string()),
                (Some(26), "kategorien «top» henviser til sig selv".to_string()),
                (Some(29), "kategorien «bund» kræver mindst 3 af 2, men «af» har kun 2; «mindst» kan højst være antallet i «af»".to_string()),
            ]
        );
        // A category may only build on categories below it: this is a cycle.
        let text = VALID.replace("af: [kx, ky]", "af: [ky, top]");
        assert_eq!(
            errors(&text),
            [(Some(29), "kategorien «bund» henviser til «top», som står før den; en kategori kan kun bygge på kategorier længere nede i listen, så der ikke opstår kredse".to_string())]
        );
        let text = VALID.replace("        alle: [bund, kx]\n", "").replace("        mindst: 1\n", "");
        assert_eq!(
            errors(&text),
            [
                (
                    Some(23),
                    "kategorien «top» har ingen betingelser; angiv «alle», «mindst» og «af» eller «ikke»".to_string()
                ),
                (Some(27), "kategorien «bund» har «af» uden «mindst»".to_string()),
            ]
        );
        let text = VALID.replace("af: [kx, ky]", "af: [ky, ky]");
        assert_eq!(errors(&text), [(Some(29), "«ky» står to gange i «af» i kategorien «bund»".to_string())]);
    }

    #[test]
    fn id_date_and_order_errors() {
        let text = VALID
            .replace("id: bund\n        navn: Bund", "id: kx\n        navn: Bund")
            .replace("af: [kx, ky]", "af: [ky]")
            .replace("alle: [bund, kx]", "alle: [kx]")
            .replace("  - id: y\n", "  - id: x\n");
        assert_eq!(
            errors(&text),
            [
                (Some(6), "input «x» står to gange".to_string()),
                (Some(19), "kriteriet «ky» bruger det ukendte input «y»; kendte input: x".to_string()),
                (
                    Some(26),
                    "id «kx» er brugt to gange i regelsættet «a»; kriterier og kategorier skal have hver sit id"
                        .to_string()
                ),
            ]
        );
        let second_set = VALID.split_once("regelsæt:\n").unwrap().1.replace("id: a\n", "id: b\n");
        let text = format!("{}{}", VALID.replace("2018-12-01", "2018-13-01"), second_set);
        assert_eq!(
            errors(&text),
            [(Some(12), "«2018-13-01» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2018-12-01".to_string())]
        );
        let text = format!("{VALID}{}", second_set.replace("2018-12-01", "2014-12-01"));
        assert_eq!(
            errors(&text),
            [(
                Some(32),
                "regelsættet «b» gælder fra 1. december 2014, som ikke er efter «a» (1. december 2018); regelsættene skal stå i rækkefølge efter «gælder_fra»".to_string()
            )]
        );
        let text = format!("{VALID}{}", second_set.replace("id: b\n", "id: a\n"));
        assert_eq!(
            errors(&text),
            [
                (Some(30), "regelsættet «a» står to gange".to_string()),
                (Some(32), "regelsættet «a» gælder fra 1. december 2018, som ikke er efter «a» (1. december 2018); regelsættene skal stå i rækkefølge efter «gælder_fra»".to_string()),
            ]
        );
        // Structure errors come from the shared YAML reader, in Danish.
        let text = VALID.replace("        over: 40\n", "        over: 40\n        størst: 50\n");
        assert_eq!(errors(&text)[0].0, Some(18));
        assert!(
            errors(&text)[0].1.starts_with("i «regelsæt[0].kriterier[0]»: ukendt felt «størst»"),
            "{:?}",
            errors(&text)
        );
    }

    #[test]
    fn custom_rules_keep_the_thresholds_decimals() {
        let text = VALID.replace("over: 40", "højst: 2.75");
        let rules = parse_text(&text).0.unwrap();
        assert_eq!(rules.sets[0].criteria[0].comparison, Comparison::AtMost);
        let mut d = Data::default();
        d.year("a", "x", 2018, "2.75").year("a", "y", 2018, "1").nat("y", 2018, "1").set_residents(
            "a",
            2018..=2018,
            "5000",
        );
        let r = evaluate(&rules, &d, "a", 2019).unwrap();
        let kx = r.criterion("kx").unwrap();
        assert_eq!((kx.met, kx.margin), (Some(true), Some(Decimal::ZERO)));
        assert_eq!(kx.text, "X: 2,75 % (2018); grænsen er højst 2,75 %. Opfyldt, præcis på grænsen.");
        d.year("a", "x", 2018, "3.5");
        let r = evaluate(&rules, &d, "a", 2019).unwrap();
        assert_eq!(
            r.criterion("kx").unwrap().text,
            "X: 3,50 % (2018); grænsen er højst 2,75 %. Ikke opfyldt, 0,75 procentpoint over grænsen."
        );
        // `top` needs `bund` and `kx`; `bund` holds through none of them.
        assert_eq!(status(&r), "ingen");
        assert_eq!(r.text, "a opfylder 0 af 2 kriterier for et bund (liste 2019): ikke på nogen liste.");
        // Before the only set's date there is no list.
        assert!(evaluate(&rules, &d, "a", 2017).is_none());
    }

    #[test]
    fn unused_criterion_is_a_warning() {
        let text = VALID.replace("af: [kx, ky]", "af: [kx]");
        let (rules, problems) = parse_text(&text);
        assert!(rules.is_some());
        assert_eq!(problems, [(Some(18), "kriteriet «ky» bruges ikke af nogen kategori".to_string())]);
    }
}
