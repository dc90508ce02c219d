//! Validation of `listekriterier.yaml`: the data folder's own rule sets, or
//! the embedded default, into [`ListRules`], every problem with its position.

use super::{check_id, check_text, number};
use crate::input::lists::{DEFAULT_RULES, DEFAULT_RULES_FILE, RawListRules, RawRuleSet};
use crate::input::raw::RawNumber;
use crate::input::{Source, parse};
use crate::model::diag::{Diagnostics, Pos};
use crate::model::lists::{AtLeast, Category, Criterion, Input, ListRules, RuleSet};
use crate::model::text::{join_or_none, join_with};
use crate::model::{Cmp, Date};
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// The longest average a criterion may ask for, in years.
const MAX_AVERAGE_YEARS: u16 = 10;

/// The rule sets built into helhed (`input/listekriterier.yaml`), validated.
///
/// # Panics
/// If the embedded file is invalid; a unit test guards it.
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

    /// Reports required text that is empty (the validator's own check).
    fn text(&mut self, path: &[&str], field: &str, text: &str) {
        check_text(&self.src.path, self.at(path), field, text, self.diags);
    }

    /// Reports an id that is not lower-case letters, digits and hyphens.
    fn id(&mut self, path: &[&str], id: &str) {
        check_id(&self.src.path, self.at(path), id, self.diags);
    }

    /// Parses a number exactly and within the bounds every figure has, or
    /// reports why not.
    fn number(&mut self, path: &[&str], raw: &RawNumber) -> Option<Decimal> {
        number(&self.src.locator, &self.src.path, self.at(path), raw, self.diags)
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
    let mut previous: Option<(Date, &str)> = None;
    let mut sets = Vec::new();
    for (s, set) in raw.sets.iter().enumerate() {
        let s = s.to_string();
        check.text(&["regelsæt", &s, "id"], "id", &set.id);
        if !set_ids.insert(set.id.as_str()) {
            check.error(&["regelsæt", &s, "id"], format!("regelsættet «{}» står to gange", set.id));
        }
        check.text(&["regelsæt", &s, "navn"], "navn", &set.navn);
        let valid_from = match set.valid_from.parse::<Date>() {
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
        let given: Vec<(Cmp, &RawNumber)> = [
            (Cmp::Above, &raw.over),
            (Cmp::AtLeast, &raw.mindst),
            (Cmp::Below, &raw.under),
            (Cmp::AtMost, &raw.at_most),
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
