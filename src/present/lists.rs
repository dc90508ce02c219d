//! The statutory lists in Danish, written from what `eval::lists` computed:
//! each criterion's sentence with its numbers, each category's, why an area
//! is on no list or cannot be placed, what is missing, and a sentence summing
//! up. [`ListFigures`] is a list result as `tal.json` writes it.

use crate::eval::lists::{
    CategoryResult, CriterionResult, ListResult, MissingFigure, ModelListResult, NotListed, ResidentCheck, Status,
    count,
};
use crate::model::Model;
use crate::model::lists::{Criterion, Input, ListRules, RuleSet};
use crate::model::text::{decimals_to_tell_apart, format_da, join_with};
use rust_decimal::Decimal;
use serde::Serialize;

/// One area's latest statutory list.
#[derive(Debug, Clone, Serialize)]
pub struct ListView {
    /// Area id (not in `data.json`).
    #[serde(skip)]
    pub id: String,
    /// Area name.
    #[serde(rename = "område")]
    pub omraade: String,
    /// `Liste 2018 (regler fra 2018)`.
    pub liste: String,
    /// The outcome: `Udsat boligområde`, `Ikke på nogen liste`, `Kan ikke afgøres`.
    pub udfald: String,
    /// The summary sentence.
    pub tekst: String,
    /// Per criterion: name, value, threshold, met.
    pub kriterier: Vec<ListCriterionView>,
    /// What is missing.
    pub mangler: Vec<String>,
    /// Built on illustrative figures.
    pub eksempel: bool,
    /// Published after the half-year: a calculation, not the official list.
    pub prognose: bool,
}

/// One list criterion's line.
#[derive(Debug, Clone, Serialize)]
pub struct ListCriterionView {
    /// Its sentence.
    pub tekst: String,
    /// Its name alone, without figures (not in `data.json`): what the
    /// public site shows, since a list's figures may build on few persons.
    #[serde(skip)]
    pub navn: String,
    /// `ja`, `nej` or `ukendt`.
    pub opfyldt: &'static str,
}

/// Each area's latest list that is published by the half-year (else its forecast).
pub(crate) fn list_views(model: &Model, all: &[ModelListResult]) -> Vec<ListView> {
    model
        .areas()
        .filter_map(|a| {
            let mine: Vec<_> = all.iter().filter(|l| l.result.area == a.id).collect();
            let chosen = mine.iter().rev().find(|l| !l.forecast).or_else(|| mine.last())?;
            let r = &chosen.result;
            let texts = texts(&model.list_rules, r, &a.name);
            let udfald = match &r.status {
                Status::Listed { name, .. } => name.clone(),
                Status::NotListed { .. } => "Ikke på nogen liste".to_string(),
                Status::Undecided { .. } => "Kan ikke afgøres".to_string(),
            };
            Some(ListView {
                id: a.id.clone(),
                omraade: a.name.clone(),
                liste: format!("Liste {} (regelsæt {})", r.list_year, r.rule_set),
                udfald,
                tekst: texts.summary,
                kriterier: r
                    .criteria
                    .iter()
                    .zip(texts.criteria)
                    .map(|(c, tekst)| ListCriterionView {
                        tekst,
                        navn: c.name.clone(),
                        opfyldt: match c.met {
                            Some(true) => "ja",
                            Some(false) => "nej",
                            None => "ukendt",
                        },
                    })
                    .collect(),
                mangler: texts.missing,
                eksempel: chosen.example,
                prognose: chosen.forecast,
            })
        })
        .collect()
}

/// Every sentence of one list result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListTexts {
    /// One sentence summing up: `Motalavej opfylder 3 af 4 kriterier for et
    /// udsat boligområde (liste 2018): Ghettoområde.`
    pub summary: String,
    /// Each criterion's sentence, in the result's order.
    pub criteria: Vec<String>,
    /// Each category's sentence, in the result's order.
    pub categories: Vec<String>,
    /// Why the area is on no list or cannot be placed; none when it is listed.
    pub reason: Option<String>,
    /// The missing figures, named with their years.
    pub missing: Vec<String>,
}

/// The sentences of `result`, evaluated with `rules`, for the area named
/// `area_name`.
pub fn texts(rules: &ListRules, result: &ListResult, area_name: &str) -> ListTexts {
    let set = rules.sets.iter().find(|s| s.id == result.rule_set);
    ListTexts {
        summary: summary(rules, set, result, area_name),
        criteria: result.criteria.iter().map(criterion_sentence).collect(),
        categories: result
            .categories
            .iter()
            .map(|c| match set {
                Some(set) => category_sentence(rules, set, result, c),
                None => format!("{}: {}.", c.name, truth_da(c.holds)),
            })
            .collect(),
        reason: reason(&result.status, &result.residents),
        missing: distinct(result.missing.iter().map(missing)),
    }
}

/// The status of an area on no list.
const NOT_LISTED: &str = "ikke på nogen liste";
/// The status of an area whose list missing figures decide.
const UNDECIDED: &str = "kan ikke afgøres";

/// The status in Danish: the category's name, "ikke på nogen liste" or
/// "kan ikke afgøres".
pub fn status_words(status: &Status) -> &str {
    match status {
        Status::Listed { name, .. } => name,
        Status::NotListed { .. } => NOT_LISTED,
        Status::Undecided { .. } => UNDECIDED,
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

/// `Dømte ...` → `dømte ...` for use inside a sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A number with its unit (`42,3 %`).
fn quantity(value: Decimal, decimals: u32, unit: &str) -> String {
    if unit.is_empty() { format_da(value, decimals) } else { format!("{}\u{a0}{unit}", format_da(value, decimals)) }
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

/// The years among `years` whose value is missing.
fn years_without(years: &[u16], values: &[Option<Decimal>]) -> Vec<u16> {
    years.iter().zip(values).filter(|(_, v)| v.is_none()).map(|(y, _)| *y).collect()
}

/// The texts in order, each once: two figures can read alike (an input
/// named "Antal beboere").
fn distinct(texts: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for text in texts {
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// A missing figure: `Antal beboere for 2018`, `Indvandrere … for 2016 og 2017`.
fn missing(figure: &MissingFigure) -> String {
    match figure {
        MissingFigure::Residents { year } => format!("Antal beboere for {year}"),
        MissingFigure::Input { name, years } => format!("{name} for {}", year_list(years)),
        MissingFigure::National { name, years } => format!("{name} for {} (landsgennemsnit)", year_list(years)),
    }
}

/// The decimals a criterion's value, threshold and margin are shown with:
/// enough to tell them apart, and never fewer than the threshold has (2,75
/// stays 2,75).
pub(crate) fn criterion_decimals(c: &CriterionResult) -> u32 {
    decimals_for(c.value, c.threshold).max(c.threshold.map_or(1, |t| natural(t, 1)))
}

/// A criterion's sentence: value; threshold. Outcome. A threshold is never
/// shown with fewer decimals than it has (2,75 stays 2,75).
fn criterion_sentence(c: &CriterionResult) -> String {
    let d = criterion_decimals(c);
    let unit = c.unit.as_str();
    let value_part = match c.value {
        Some(v) => quantity(v, d, unit),
        None => "ukendt".to_string(),
    };
    let cmp = c.comparison;
    let threshold_part = match (&c.national, c.threshold) {
        (None, threshold) => format!("grænsen er {cmp} {}", quantity(threshold.unwrap_or_default(), d, unit)),
        (Some(basis), threshold) => {
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
    let outcome = match (c.met, c.margin) {
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
            let area_missing = years_without(&c.years, &c.yearly);
            let national_missing = c.national.as_ref().map(|n| years_without(&c.years, &n.yearly)).unwrap_or_default();
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
    format!("{}: {value_part} ({}); {threshold_part}. {outcome}", c.name, years_da(&c.years))
}

/// A short description of a criterion's rule: `indvandrere ... over 50 %`.
fn describe_rule(criterion: &Criterion, input: &Input) -> String {
    let name = lower_first(&input.name);
    let t = criterion.threshold;
    if criterion.national_multiple {
        format!("{name} {} {} gange landsgennemsnittet", criterion.comparison, format_da(t, natural(t, 0)))
    } else {
        format!("{name} {} {}", criterion.comparison, quantity(t, natural(t, 0), &input.unit))
    }
}

/// A category's name, or a criterion's rule in words.
fn describe(rules: &ListRules, set: &RuleSet, id: &str) -> String {
    if let Some(category) = set.category(id) {
        return category.name.clone();
    }
    match set.criterion(id).and_then(|c| rules.input(&c.input).map(|i| (c, i))) {
        Some((c, input)) => describe_rule(c, input),
        None => format!("«{id}»"),
    }
}

/// A category's sentence: whether it holds, and what it requires.
fn category_sentence(rules: &ListRules, set: &RuleSet, list: &ListResult, result: &CategoryResult) -> String {
    let Some(category) = set.category(&result.id) else {
        return format!("{}: {}.", result.name, truth_da(result.holds));
    };
    let named = |ids: &[String]| -> Vec<String> {
        ids.iter().map(|id| format!("{} ({})", describe(rules, set, id), truth_da(list.truth(id)))).collect()
    };
    let mut reasons = Vec::new();
    if !category.all.is_empty() {
        reasons.push(format!("kræver {}", join_with(&named(&category.all), "og")));
    }
    if let Some(at_least) = &category.at_least {
        let (met, unknown) = count(&at_least.of, |id| list.truth(id));
        let mut reason = format!("mindst {} af {} kriterier: {met} opfyldt", at_least.count, at_least.of.len());
        if unknown > 0 {
            reason.push_str(&format!(", {unknown} kan ikke afgøres"));
        }
        reasons.push(reason);
    }
    if !category.not.is_empty() {
        reasons.push(format!("må ikke være {}", join_with(&named(&category.not), "eller")));
    }
    match list.residents.met {
        Some(true) => {}
        Some(false) => reasons.push("for få beboere".to_string()),
        None => reasons.push("antallet af beboere kendes ikke".to_string()),
    }
    format!("{}: {}; {}.", category.name, truth_da(result.holds), reasons.join("; "))
}

/// A category's name mid-sentence: «et udsat boligområde». (All four
/// official names take «et».)
fn with_article(name: &str) -> String {
    format!("et {}", lower_first(name))
}

/// Why the area is on no list, or why its list cannot be decided.
fn reason(status: &Status, residents: &ResidentCheck) -> Option<String> {
    match status {
        Status::Listed { .. } => None,
        Status::NotListed { reason: NotListed::TooFewResidents } => Some(format!(
            "Området har {} beboere; der kræves mindst {}.",
            format_da(residents.value.unwrap_or_default(), 0),
            format_da(residents.minimum, 0)
        )),
        Status::NotListed { reason: NotListed::NoCategory } => Some("Ingen af kategorierne er opfyldt.".to_string()),
        Status::Undecided { at_least, open } => {
            let open: Vec<String> = open.iter().map(|n| with_article(n)).collect();
            let open = join_with(&open, "eller");
            Some(match at_least {
                Some(name) => format!(
                    "Området er mindst {}, men om det er {open}, kan ikke afgøres uden de manglende tal.",
                    with_article(name)
                ),
                None => format!("Om området er {open}, kan ikke afgøres uden de manglende tal."),
            })
        }
    }
}

/// The one-sentence summary.
fn summary(rules: &ListRules, set: Option<&RuleSet>, result: &ListResult, area_name: &str) -> String {
    let (status, residents, list_year) = (&result.status, &result.residents, result.list_year);
    if let (Some(false), Some(n)) = (residents.met, residents.value) {
        return format!(
            "{area_name} har {} beboere, under mindstegrænsen på {} (liste {list_year}): {}.",
            format_da(n, 0),
            format_da(residents.minimum, 0),
            status_words(status)
        );
    }
    let Some(set) = set else { return format!("{area_name} (liste {list_year}): {}.", status_words(status)) };
    let truth = |id: &str| result.truth(id);
    // "3 af 4 kriterier for et udsat boligområde er opfyldt (mindst 2 kræves: A, B og C)".
    let counted = |c: &crate::model::lists::Category| -> Option<String> {
        let at_least = c.at_least.as_ref()?;
        let (met, unknown) = count(&at_least.of, truth);
        let names: Vec<String> =
            at_least.of.iter().filter(|id| truth(id) == Some(true)).map(|id| describe(rules, set, id)).collect();
        let open = if unknown > 0 { format!("; {unknown} kan ikke afgøres") } else { String::new() };
        let which = if names.is_empty() { String::new() } else { format!(" ({})", join_with(&names, "og")) };
        Some(format!(
            "{met} af {} kriterier for {} er opfyldt{which}; mindst {} kræves{open}",
            at_least.of.len(),
            with_article(&c.name),
            at_least.count
        ))
    };
    match status.category().and_then(|id| set.category(id)) {
        Some(listed) => {
            let mut parts = Vec::new();
            // A category built on another (ghettoområde = udsat + ikke-vestlige):
            // the other's count first, then the criterion that makes this one.
            for id in &listed.all {
                match set.category(id) {
                    Some(inner) => parts.extend(counted(inner)),
                    None => parts.push(format!(
                        "{} er opfyldt (et krav for {})",
                        describe(rules, set, id),
                        with_article(&listed.name)
                    )),
                }
            }
            parts.extend(counted(listed));
            let nots: Vec<String> = listed.not.iter().map(|id| with_article(&describe(rules, set, id))).collect();
            match nots.as_slice() {
                [] => {}
                [one] => parts.push(format!("det er ikke {one}")),
                many => parts.push(format!("det er hverken {}", join_with(many, "eller"))),
            }
            // A narrower category that does not hold: what it lacks.
            for other in &set.categories {
                if other.id == listed.id || !other.all.contains(&listed.id) {
                    continue;
                }
                let lacking: Vec<String> = other
                    .all
                    .iter()
                    .filter(|id| **id != listed.id && truth(id) != Some(true))
                    .map(|id| describe(rules, set, id))
                    .collect();
                if !lacking.is_empty() {
                    parts.push(format!(
                        "det er ikke {}, da {} ikke er opfyldt",
                        with_article(&other.name),
                        join_with(&lacking, "og")
                    ));
                }
            }
            format!("{area_name} er {} (liste {list_year}): {}.", with_article(&listed.name), parts.join("; "))
        }
        None => {
            // The broadest category that counts criteria.
            let broadest = set.categories.iter().rev().find(|c| c.at_least.is_some());
            let head = match status {
                Status::Undecided { .. } => format!("For {area_name} kan listen ikke afgøres"),
                _ => format!("{area_name} er ikke på nogen liste"),
            };
            match broadest.and_then(counted) {
                Some(counts) => format!("{head} (liste {list_year}): {counts}."),
                None => format!("{head} (liste {list_year})."),
            }
        }
    }
}

/// A list result as `tal.json` writes it: the figures, and the sentences.
#[derive(Debug, Clone, Serialize)]
pub struct ListFigures {
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
    pub criteria: Vec<WithText<CriterionResult>>,
    /// Each category, in the set's order.
    #[serde(rename = "kategorier")]
    pub categories: Vec<WithText<CategoryResult>>,
    /// The resulting status.
    pub status: StatusFigures,
    /// The missing figures, named with their years.
    pub mangler: Vec<String>,
    /// One Danish sentence summing up.
    #[serde(rename = "tekst")]
    pub text: String,
    /// Whether any figure it rests on is illustrative.
    #[serde(rename = "eksempeldata")]
    pub example: bool,
    /// Whether the list is published after the half-year reported on.
    #[serde(rename = "prognose")]
    pub forecast: bool,
}

/// A result with its Danish sentence after its figures.
#[derive(Debug, Clone, Serialize)]
pub struct WithText<T> {
    /// The figures.
    #[serde(flatten)]
    pub figures: T,
    /// The sentence.
    #[serde(rename = "tekst")]
    pub text: String,
}

/// Which list, if any, the area is on.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "udfald")]
pub enum StatusFigures {
    /// The first category that holds.
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
        /// Why.
        #[serde(rename = "begrundelse")]
        reason: String,
    },
    /// Missing figures decide it.
    #[serde(rename = "kan_ikke_afgøres")]
    Undecided {
        /// Which categories are open, in a sentence.
        #[serde(rename = "begrundelse")]
        reason: String,
    },
}

impl StatusFigures {
    /// The status in Danish, as [`status_words`] says it.
    pub fn words(&self) -> &str {
        match self {
            StatusFigures::Listed { name, .. } => name,
            StatusFigures::NotListed { .. } => NOT_LISTED,
            StatusFigures::Undecided { .. } => UNDECIDED,
        }
    }
}

impl ListFigures {
    /// The figures and sentences of one area's list, named as the model names
    /// the area.
    pub fn new(rules: &ListRules, list: &ModelListResult, area_name: &str) -> ListFigures {
        let r = &list.result;
        let texts = texts(rules, r, area_name);
        let reason = texts.reason.unwrap_or_default();
        let status = match &r.status {
            Status::Listed { id, name } => StatusFigures::Listed { id: id.clone(), name: name.clone() },
            Status::NotListed { .. } => StatusFigures::NotListed { reason },
            Status::Undecided { .. } => StatusFigures::Undecided { reason },
        };
        ListFigures {
            area: r.area.clone(),
            list_year: r.list_year,
            rule_set: r.rule_set.clone(),
            rule_set_name: r.rule_set_name.clone(),
            data_years: r.data_years.clone(),
            residents: r.residents.clone(),
            criteria: r
                .criteria
                .iter()
                .cloned()
                .zip(texts.criteria)
                .map(|(figures, text)| WithText { figures, text })
                .collect(),
            categories: r
                .categories
                .iter()
                .cloned()
                .zip(texts.categories)
                .map(|(figures, text)| WithText { figures, text })
                .collect(),
            status,
            mangler: texts.missing,
            text: texts.summary,
            example: list.example,
            forecast: list.forecast,
        }
    }
}
