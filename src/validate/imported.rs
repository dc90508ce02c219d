//! What a year file says about where its figures came from: `mangler:` (a
//! figure the source withholds, with why) and `kilder:` (the sheet cell an
//! imported figure was read from, written by `helhed importer`).

use crate::input::Source;
use crate::input::raw::{RawCellSource, RawNumber, RawYearFile};
use crate::model::diag::Diagnostics;
use crate::model::{CellSource, Model};
use std::collections::BTreeMap;

/// The longest reason a `mangler:` entry may give.
const MAX_REASON: usize = 200;

/// One section of a year file: the year (`[]`) or a half-year (`["h1"]`).
pub(super) struct Section<'a> {
    /// The half-year (0 or 1), or `None` for the year.
    pub half: Option<usize>,
    /// Where it is in the file.
    path: &'static [&'static str],
    /// Its counts.
    pub counts: &'a BTreeMap<String, Option<RawNumber>>,
    /// Its stated values (none in a half-year).
    pub values: Option<&'a BTreeMap<String, RawNumber>>,
    /// Its `mangler:`.
    pub withheld: &'a BTreeMap<String, String>,
    /// Its `kilder:`.
    pub sources: &'a BTreeMap<String, RawCellSource>,
}

/// The sections of a year file.
pub(super) fn sections(raw: &RawYearFile) -> Vec<Section<'_>> {
    let mut out = vec![Section {
        half: None,
        path: &[],
        counts: &raw.antal,
        values: Some(&raw.values),
        withheld: &raw.mangler,
        sources: &raw.kilder,
    }];
    for (i, (path, half)) in [(&["h1"], &raw.h1), (&["h2"], &raw.h2)].into_iter().enumerate() {
        if let Some(half) = half {
            out.push(Section {
                half: Some(i),
                path,
                counts: &half.antal,
                values: None,
                withheld: &half.mangler,
                sources: &half.kilder,
            });
        }
    }
    out
}

/// A section's withheld figures and sources, checked: each names a measure
/// (or, in the year, an indicator) the plan knows; a withheld figure is not
/// also given.
pub(super) fn withheld_and_sources(
    model: &Model,
    src: &Source<RawYearFile>,
    section: &Section,
    diags: &mut Diagnostics,
) -> (BTreeMap<String, String>, BTreeMap<String, CellSource>) {
    let file = &src.path;
    let at = |block: &str, key: &str| -> Vec<String> {
        section.path.iter().map(|s| s.to_string()).chain([block.to_string(), key.to_string()]).collect()
    };
    let known_key = |key: &str| {
        model.measure(key).is_some() || (section.values.is_some() && model.indicators.iter().any(|i| i.id == key))
    };
    let unknown = |key: &str| {
        let what = if section.values.is_some() { "måling eller indikator" } else { "måling" };
        format!("ukendt {what} «{key}»; {}", super::names::known("målinger", key, model.measures.iter().map(|m| &m.id)))
    };
    let mut withheld = BTreeMap::new();
    for (key, reason) in section.withheld {
        let path = at("mangler", key);
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        if !known_key(key) {
            diags.error(file, src.locator.key(&path), unknown(key));
            continue;
        }
        let given =
            section.counts.get(key).is_some_and(Option::is_some) || section.values.is_some_and(|v| v.contains_key(key));
        if given {
            diags.error(
                file,
                src.locator.key(&path),
                format!("«{key}» står under mangler, men har også et tal i filen; fjern det ene"),
            );
            continue;
        }
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > MAX_REASON {
            diags.error(
                file,
                src.locator.value(&path),
                format!("skriv kort (højst {MAX_REASON} tegn), hvorfor «{key}» mangler, fx «skjult i kilden»"),
            );
            continue;
        }
        withheld.insert(key.clone(), reason.to_string());
    }
    let mut sources = BTreeMap::new();
    for (key, source) in section.sources {
        let path = at("kilder", key);
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        if !known_key(key) {
            diags.error(file, src.locator.key(&path), unknown(key));
            continue;
        }
        sources.insert(
            key.clone(),
            CellSource { file: source.fil.clone(), sheet: source.ark.clone(), cell: source.celle.clone() },
        );
    }
    (withheld, sources)
}
