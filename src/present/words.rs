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
