//! The half-year a build reports on.

use crate::model::diag::Diagnostics;
use crate::model::{Model, Period};
use std::path::Path;

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
