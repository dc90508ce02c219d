//! `områder:` of an indicator, an activity or a group: the areas it covers.
//! Every id must be an area of the plan; for an indicator or an activity,
//! `samlet` alone means the plan as a whole.

use crate::input::raw::RawGroup;
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
    covered(file, at, what, ids, series, Whole::Allowed, diags)
}

/// Whether `samlet` (the plan as a whole) may stand in a list of areas.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Whole {
    /// An indicator or activity may be for the plan as a whole.
    Allowed,
    /// A group is made of areas.
    Refused,
}

fn covered(
    file: &Path,
    at: Option<Pos>,
    what: &str,
    ids: Option<&Vec<String>>,
    series: &[Series],
    whole: Whole,
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
            // A group is made of areas; an indicator or activity may also be
            // for the plan as a whole.
            let total = if whole == Whole::Allowed { ", og samlet for planen som helhed" } else { "" };
            diags.error(
                file,
                at,
                format!("«områder» for {what}: ukendt område «{id}»; kendte: {}{total}", known.join(", ")),
            );
        } else if ids[..i].contains(id) {
            diags.error(file, at, format!("«områder» for {what}: «{id}» står to gange"));
        }
    }
    Some(areas.iter().filter(|a| ids.contains(&a.id)).map(|a| a.id.clone()).collect())
}

/// The areas of a group (`grupper:`): at least two known areas, each once.
pub(super) fn group(
    file: &Path,
    at: Option<Pos>,
    g: &RawGroup,
    series: &[Series],
    diags: &mut Diagnostics,
) -> Vec<String> {
    let what = format!("gruppen «{}»", g.id);
    if g.areas.iter().any(|id| id == TOTAL_ID) {
        diags.error(file, at, format!("«områder» for {what}: en gruppe består af områder, ikke «samlet»"));
        return Vec::new();
    }
    let members = covered(file, at, &what, Some(&g.areas), series, Whole::Refused, diags).unwrap_or_default();
    if g.areas.len() < 2 {
        diags.error(file, at, format!("«områder» for {what}: en gruppe har mindst to områder"));
    }
    members
}
