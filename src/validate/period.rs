//! The half-year a build reports on, and what the secretariat has not yet
//! written for it.

use crate::input::STATUS_DIR;
use crate::model::diag::Diagnostics;
use crate::model::text::join_names;
use crate::model::{Model, Period};
use std::path::Path;

/// Warns of every activity without a status for the half-year: the
/// statusrapport shows the gap, and `helhed check` says it beforehand.
pub fn activity_statuses(model: &Model, period: Period, data: &Path, diags: &mut Diagnostics) {
    if model.activities.is_empty() {
        return;
    }
    let file = data.join(STATUS_DIR).join(format!("{}.yaml", period.slug()));
    let written = model.status.get(&period).map(|s| &s.activities);
    let missing: Vec<&str> = model
        .activities
        .iter()
        .filter(|a| !written.is_some_and(|w| w.contains_key(&a.id)))
        .map(|a| a.id.as_str())
        .collect();
    match (written, missing.as_slice()) {
        (_, []) => {}
        (None, _) => diags.warning(
            &file,
            None,
            format!("der er ingen statusfil for {}, så ingen aktivitet har en status for halvåret", period.danish()),
        ),
        (Some(_), missing) => diags.warning(
            &file,
            None,
            format!("{} har ingen status for {} under aktiviteter:", join_names(missing), period.danish()),
        ),
    }
}

/// The half-year to report on: the one asked for, if the plan's data years
/// hold it, else the latest the data covers.
pub fn resolve(model: &Model, asked: Option<Period>, data: &Path, diags: &mut Diagnostics) -> Option<Period> {
    let plan_file = data.join("plan.yaml");
    match asked {
        Some(p)
            if (model.plan.first_year..=model.plan.last_year).contains(&p.year)
                && p.last_full_year() >= model.plan.first_year =>
        {
            Some(p)
        }
        Some(p) => {
            diags.error(
                &plan_file,
                None,
                format!(
                    "--periode {p} ligger uden for planens dataår {}-{} (et 1. halvår viser årstal til og med året før)",
                    model.plan.first_year, model.plan.last_year
                ),
            );
            None
        }
        None => {
            let latest = model.latest_period();
            if latest.is_none() {
                diags.error(data, None, "der er ingen tal i datamappen, så der er intet halvår at rapportere om");
            }
            latest
        }
    }
}
