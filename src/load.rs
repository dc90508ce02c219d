//! Stage 1, load: walk the data folder in sorted order and read every YAML
//! file through `yaml_serde` into raw, untyped-by-meaning structs. Numbers are
//! kept as the text that was written; `validate` turns them into exact decimals.
//!
//! This is the only stage that reads the data folder.

// The raw structs' fields are the YAML keys, documented in README.md.
#![allow(missing_docs)]

use crate::diag::{Diagnostics, Pos};
use crate::locate::Locator;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

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
    pub effect: Option<String>,
    #[serde(default)]
    pub markering: Option<String>,
}

/// A success criterion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub id: String,
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
                RawOwnRule::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(|o| RawApplies::Own(Box::new(o)))
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
    #[serde(default)]
    pub by: Option<String>,
}

/// A reference series (the municipality, the whole country, ...).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReference {
    pub id: String,
    pub navn: String,
    #[serde(default)]
    pub note: Option<String>,
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
    #[serde(default)]
    pub note: Option<String>,
    /// Whether small counts are suppressed on the public site; `false` for
    /// counts of things rather than people (events, meetings).
    #[serde(default)]
    pub diskretion: Option<bool>,
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
    #[serde(default)]
    pub antal: BTreeMap<String, RawNumber>,
    #[serde(rename = "værdier", default)]
    pub values: BTreeMap<String, RawNumber>,
    #[serde(default)]
    pub h1: Option<RawHalf>,
    #[serde(default)]
    pub h2: Option<RawHalf>,
}

/// Counts for one half-year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHalf {
    #[serde(default)]
    pub antal: BTreeMap<String, RawNumber>,
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

/// A file that was read: where it is, its text, and where its nodes are.
#[derive(Debug)]
pub struct Source<T> {
    /// Path as given on the command line joined with the file's place.
    pub path: PathBuf,
    /// Path relative to the data folder, with `/` separators.
    pub rel: String,
    /// Positions of keys and values.
    pub locator: Locator,
    /// The parsed content.
    pub content: T,
}

/// Everything read from the data folder.
#[derive(Debug, Default)]
pub struct Loaded {
    /// `plan.yaml`, if it could be read.
    pub plan: Option<Source<RawPlanFile>>,
    /// Series files: folder name, file stem, content.
    pub years: Vec<Source<RawYearFile>>,
    /// Status files.
    pub status: Vec<Source<RawStatusFile>>,
    /// `budget.yaml`, if there is one.
    pub budget: Option<Source<RawBudgetFile>>,
    /// `listekriterier.yaml`, if the data folder has its own rule sets.
    pub list_rules: Option<Source<crate::lists::RawListRules>>,
}

/// The folder holding the secretariat's prose per half-year.
pub const STATUS_DIR: &str = "status";

/// Reads the data folder. Problems go into `diags`; what could be read is returned.
pub fn load(data_dir: &Path, diags: &mut Diagnostics) -> Loaded {
    let mut loaded = Loaded::default();
    if !data_dir.is_dir() {
        diags.error(data_dir, None, "datamappen findes ikke (angiv en anden med --data)");
        return loaded;
    }
    let plan_path = data_dir.join("plan.yaml");
    if !plan_path.is_file() {
        diags.error(&plan_path, None, "plan.yaml mangler: den beskriver planen, områderne og indikatorerne");
    }
    let walk = WalkDir::new(data_dir)
        .sort_by_file_name()
        .min_depth(1)
        .max_depth(2)
        .into_iter()
        // Hidden files and folders (.git, editor backups) are not data.
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(data_dir).to_path_buf();
                diags.error(&path, None, format!("kan ikke læses: {e}"));
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || entry.file_type().is_dir() {
            continue;
        }
        let rel = path.strip_prefix(data_dir).unwrap_or(path);
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        if !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            diags.warning(path, None, "ignoreret: kun .yaml- og .yml-filer læses i datamappen");
            continue;
        }
        if entry.depth() == 1 {
            match name.as_ref() {
                "plan.yaml" => loaded.plan = read(path, rel, diags),
                "budget.yaml" => loaded.budget = read(path, rel, diags),
                "listekriterier.yaml" => loaded.list_rules = read(path, rel, diags),
                _ => diags.error(
                    path,
                    None,
                    "ukendt fil: øverst i datamappen ligger kun plan.yaml, budget.yaml og listekriterier.yaml; et års tal hører til i <område>/<år>.yaml",
                ),
            }
        } else if rel.starts_with(&format!("{STATUS_DIR}/")) {
            if let Some(s) = read(path, rel, diags) {
                loaded.status.push(s);
            }
        } else if let Some(s) = read(path, rel, diags) {
            loaded.years.push(s);
        }
    }
    loaded
}

/// Reads one YAML file: syntax and duplicate keys first, then the typed parse.
fn read<T: for<'de> Deserialize<'de>>(path: &Path, rel: String, diags: &mut Diagnostics) -> Option<Source<T>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            diags.error(path, None, format!("kan ikke læses: {e}"));
            return None;
        }
    };
    parse(path, rel, &text, diags)
}

/// Parses YAML text into `T`, reporting every problem with its position.
pub fn parse<T: for<'de> Deserialize<'de>>(path: &Path, rel: String, text: &str, diags: &mut Diagnostics) -> Option<Source<T>> {
    let locator = match Locator::new(text) {
        Ok(l) => l,
        Err(e) => {
            diags.error(path, Some(e.pos), format!("filen er ikke gyldig YAML: {}", e.message));
            return None;
        }
    };
    if !locator.duplicates.is_empty() {
        for d in &locator.duplicates {
            diags.error(
                path,
                Some(d.again),
                format!("nøglen «{}» står to gange (første gang i linje {}); hver nøgle må kun stå én gang", d.key, d.first.line),
            );
        }
        return None;
    }
    match serde_yaml::from_str::<T>(text) {
        Ok(content) => Some(Source { path: path.to_path_buf(), rel, locator, content }),
        Err(e) => {
            let pos = e.location().map(|l| Pos { line: l.line(), column: l.column() });
            diags.error(path, pos, translate_serde_error(&e.to_string()));
            None
        }
    }
}

/// Puts serde's English messages about structure into Danish.
fn translate_serde_error(message: &str) -> String {
    // yaml_serde appends " at line L column C"; the position is reported separately.
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    // yaml_serde names the path of a nested problem first: `antal: invalid type: ...`.
    const PHRASES: [&str; 6] =
        ["unknown field ", "missing field ", "duplicate field ", "invalid type: ", "invalid value: ", "data did not match"];
    if let Some((path, rest)) = message.split_once(": ")
        && !PHRASES.iter().any(|p| message.starts_with(p)) && PHRASES.iter().any(|p| rest.starts_with(p)) {
            return format!("i «{path}»: {}", translate_serde_error(rest));
        }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let field = field.trim_matches('`');
        let expected = expected.trim_start_matches("one of ").replace('`', "");
        return format!("ukendt felt «{field}»; tilladte felter her: {expected}");
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("feltet «{}» mangler", rest.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("feltet «{}» står to gange", rest.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("forkert type: fandt {}, forventede {}", danish_kind(found), danish_kind(expected));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("ugyldig værdi: fandt {}, forventede {}", danish_kind(found), danish_kind(expected));
    }
    if message.starts_with("data did not match any variant of untagged enum RawExample") {
        return "eksempeldata skal være true, false eller en liste af nøgler".to_string();
    }
    format!("kan ikke læses: {message}")
}

/// Names serde's value kinds in Danish.
fn danish_kind(kind: &str) -> String {
    let k = kind.trim();
    let plain = match k {
        "a string" | "string" => "tekst",
        "a sequence" | "sequence" => "en liste",
        "a map" | "map" => "en mapping (nøgle: værdi)",
        "unit value" => "en tom værdi",
        "u16" | "u32" | "u8" | "usize" => "et helt tal",
        "a boolean" => "sand/falsk",
        _ => "",
    };
    if !plain.is_empty() {
        return plain.to_string();
    }
    if let Some(rest) = k.strip_prefix("struct ") {
        return format!("en mapping ({rest})");
    }
    if let Some(rest) = k.strip_prefix("string ") {
        return format!("teksten {rest}");
    }
    if let Some(rest) = k.strip_prefix("integer ") {
        return format!("tallet {}", rest.trim_matches('`'));
    }
    if let Some(rest) = k.strip_prefix("floating point ") {
        return format!("tallet {}", rest.trim_matches('`'));
    }
    if let Some(rest) = k.strip_prefix("boolean ") {
        return format!("sand/falsk-værdien {}", rest.trim_matches('`'));
    }
    k.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_written_text() {
        let f: RawYearFile = serde_yaml::from_str("antal:\n  beboere: 1186\nværdier:\n  x: 0.1\n  y: 30.65\n").unwrap();
        assert_eq!(f.antal["beboere"], RawNumber("1186".into()));
        assert_eq!(f.values["x"], RawNumber("0.1".into()));
        assert_eq!(f.values["y"], RawNumber("30.65".into()));
    }

    #[test]
    fn serde_messages_are_danish() {
        assert_eq!(
            translate_serde_error("unknown field `antl`, expected one of `antal`, `h1` at line 2 column 1"),
            "ukendt felt «antl»; tilladte felter her: antal, h1"
        );
        assert_eq!(translate_serde_error("missing field `navn`"), "feltet «navn» mangler");
        assert_eq!(
            translate_serde_error("invalid type: string \"x\", expected u16"),
            "forkert type: fandt teksten \"x\", forventede et helt tal"
        );
    }
}
