//! `områder:` of an indicator or an activity: the areas it covers. Every id
//! must be an area of the plan; `samlet` alone means the plan as a whole.

use crate::model::diag::{Diagnostics, Pos};
use crate::model::{Series, SeriesKind, TOTAL_ID};
use std::path::Path;

/// The covered areas in the plan's order, or `None` for every area. Reports
/// an unknown id, a repeated one, `samlet` beside areas, and an empty list.
pub(super) fn areas(
    file: &Path,
    at: Option<Pos>,
    what: &str,
    ids: Option<&Vec<String>>,
    series: &[Series],
    diags: &mut Diagnostics,
) -> Option<Vec<String>> {
    let ids = ids?;
    let areas: Vec<&Series> = series.iter().filter(|s| s.kind == SeriesKind::Area).collect();
    if ids.is_empty() {
        diags.error(
            file,
            at,
            format!("«områder» for {what} er tom; skriv områdernes id'er, eller «samlet» for planen som helhed"),
        );
        return None;
    }
    if ids.iter().any(|id| id == TOTAL_ID) {
        if ids.len() > 1 {
            diags.error(
                file,
                at,
                format!("«områder» for {what}: «samlet» står alene (planen som helhed), ikke sammen med områder"),
            );
        }
        return Some(Vec::new());
    }
    for (i, id) in ids.iter().enumerate() {
        if !areas.iter().any(|a| a.id == *id) {
            let known: Vec<&str> = areas.iter().map(|a| a.id.as_str()).collect();
            diags.error(
                file,
                at,
                format!("«områder» for {what}: ukendt område «{id}»; kendte: {}, samlet", known.join(", ")),
            );
        } else if ids[..i].contains(id) {
            diags.error(file, at, format!("«områder» for {what}: «{id}» står to gange"));
        }
    }
    Some(areas.iter().filter(|a| ids.contains(&a.id)).map(|a| a.id.clone()).collect())
}
