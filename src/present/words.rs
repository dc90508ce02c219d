//! Danish words for what eval computes as types: why a value is missing, and
//! the names of measures and series in sentences.

use crate::eval::values::Missing;
use crate::model::text::join_names;
use crate::model::{Counted, Measure, Model};

/// Why a value is missing, as a phrase: `mangler antal beboere`.
pub fn missing(model: &Model, reason: &Missing) -> String {
    match reason {
        Missing::Measure(id) => format!("mangler {}", measure_name(model, id)),
        Missing::ZeroDenominator => "kan ikke beregnes: nævneren er 0 for alle områder".into(),
        Missing::Withheld { key, reason } => match model.indicator(key) {
            Some(_) => reason.clone(),
            None => format!("{}: {reason}", measure_name(model, key)),
        },
        Missing::NotPooled { denominator, without_denominator, all, without_value } => {
            let mut reasons = Vec::new();
            if !without_denominator.is_empty() {
                let den = denominator.as_deref().map_or_else(|| "antal".into(), |d| measure_name(model, d));
                reasons.push(if *all {
                    format!(
                        "alle områder har kun en oplyst værdi uden antal {den}, så værdierne kan ikke vægtes sammen"
                    )
                } else {
                    format!(
                        "{} har kun en oplyst værdi uden antal {den}, så den kan ikke vægtes",
                        series_names(model, without_denominator)
                    )
                });
            }
            if !without_value.is_empty() {
                reasons.push(format!("der er ingen tal for {}", series_names(model, without_value)));
            }
            format!("kan ikke beregnes: {}", reasons.join("; "))
        }
        Missing::Average(id) => format!(
            "beregnes ikke: {} er et gennemsnit, og områdernes gennemsnit lægges ikke sammen",
            measure_name(model, id)
        ),
        Missing::Hidden => "skjult af hensyn til diskretion".into(),
    }
}

/// A measure's name inside a sentence: lower case.
pub fn measure_name(model: &Model, id: &str) -> String {
    model.measure(id).map_or_else(|| id.to_string(), |m| m.name.to_lowercase())
}

/// What a measure counts, in a sentence: `hændelser`, `afgørelser om personer`.
pub fn counted(kind: Counted) -> &'static str {
    match kind {
        Counted::Persons => "personer",
        Counted::Households => "husstande",
        Counted::Decisions => "afgørelser om personer",
        Counted::Events => "hændelser",
        Counted::Dwellings => "boliger",
        Counted::Activities => "aktiviteter",
        Counted::Groups => "grupper",
        Counted::Other => "andet end personer",
    }
}

/// A measure the public site always shows, small or not, with why:
/// `Påsatte brande (hændelser)`, `Gennemsnitlig bruttoindkomst (et
/// gennemsnit)`, or for a count of persons the plan shows anyway
/// (`diskretion: false`) `Beboere (personer, men planen viser dem altid)`.
pub fn shown_always(measure: &Measure) -> String {
    let what = if measure.average {
        "et gennemsnit".to_string()
    } else if measure.counted.about_persons() {
        format!("{}, men planen viser dem altid", counted(measure.counted))
    } else {
        counted(measure.counted).to_string()
    };
    format!("{} ({what})", measure.name)
}

/// Series by their names: `A, B og C`.
fn series_names(model: &Model, ids: &[String]) -> String {
    let names: Vec<&str> = ids.iter().map(|id| model.series(id).map_or(id.as_str(), |s| s.name.as_str())).collect();
    join_names(&names)
}

/// An indicator's data source, with the sheets its figures were imported
/// from (`kilder:` in the year files): `Landsbyggefonden. Indlæst fra
/// beboerdata.xlsx, ark «Tabel 1» (2014-2018).`
pub fn source_with_imports(model: &Model, indicator: &crate::model::Indicator) -> String {
    use crate::model::Calc;
    use std::collections::{BTreeMap, BTreeSet};
    let keys: Vec<&str> = match &indicator.calc {
        Calc::Ratio { numerator, denominator, .. } => vec![&indicator.id, numerator, denominator],
        Calc::Count { measure } => vec![measure, &indicator.id],
    };
    let mut sheets: BTreeMap<(&str, Option<&str>), BTreeSet<u16>> = BTreeMap::new();
    for years in model.figures.values() {
        for (year, figures) in years {
            let sources = std::iter::once(&figures.sources).chain(&figures.half_sources);
            for source in sources.flat_map(|s| keys.iter().filter_map(|k| s.get(*k))) {
                sheets.entry((source.file.as_str(), source.sheet.as_deref())).or_default().insert(*year);
            }
        }
    }
    if sheets.is_empty() {
        return indicator.source.clone();
    }
    let from: Vec<String> = sheets
        .iter()
        .map(|((file, sheet), years)| {
            let sheet = sheet.map(|s| format!(", ark «{s}»")).unwrap_or_default();
            let (first, last) = (years.first().copied().unwrap_or_default(), years.last().copied().unwrap_or_default());
            let span = if first == last { first.to_string() } else { format!("{first}-{last}") };
            format!("{file}{sheet} ({span})")
        })
        .collect();
    let source = indicator.source.trim_end().trim_end_matches('.');
    format!("{source}. Indlæst fra {}.", crate::model::text::join_with(&from, "og"))
}
