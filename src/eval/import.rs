//! What an import changes: each figure of a sheet compared with what the
//! data folder already holds. A figure that differs from one already there
//! is a conflict and left alone unless overwriting was asked for; the same
//! figure again changes nothing (its source is recorded if it was not).

use crate::model::import::{Entry, Key, Record};
use crate::model::{CellSource, Model, YearFigures};
use rust_decimal::Decimal;

/// What the data folder holds where a record goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// Nothing (or a blank left to be filled in).
    Nothing,
    /// A figure.
    Number(Decimal),
    /// A figure the source withheld, with the reason written.
    Withheld(String),
}

/// What happens to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Written where there was nothing.
    Added,
    /// A withheld figure that the sheet now gives.
    Filled,
    /// A different figure, replaced because overwriting was asked for.
    Replaced,
    /// A different figure, left alone.
    Conflict,
    /// The same figure; only its source is recorded.
    SourceRecorded,
    /// The same figure from the same cell.
    Unchanged,
}

/// One record and what becomes of it.
#[derive(Debug, Clone)]
pub struct Change {
    /// The figure from the sheet.
    pub record: Record,
    /// What was there.
    pub held: Held,
    /// What happens.
    pub outcome: Outcome,
    /// The year file, relative to the data folder (`motalavej/2018.yaml`).
    pub file: String,
    /// Whether the file exists.
    pub exists: bool,
}

/// Every record of an import, compared with the data folder, in the order of
/// the records.
pub fn changes(model: &Model, records: &[Record], overwrite: bool) -> Vec<Change> {
    records
        .iter()
        .map(|record| {
            let figures = model.figures.get(&record.series).and_then(|years| years.get(&record.year));
            let (held, source) = figures.map_or((Held::Nothing, None), |f| held(f, record));
            let outcome = match (&held, &record.entry) {
                (Held::Nothing, _) => Outcome::Added,
                (Held::Withheld(_), Entry::Number(_)) => Outcome::Filled,
                (Held::Number(old), Entry::Number(new)) if old == new => same(source, &record.source),
                (Held::Withheld(_), Entry::Withheld(_)) => same(source, &record.source),
                (Held::Number(_), _) if overwrite => Outcome::Replaced,
                (Held::Number(_), _) => Outcome::Conflict,
            };
            let file = match figures {
                Some(f) => relative(&f.file, record),
                None => format!("{}/{}.yaml", record.series, record.year),
            };
            Change { record: record.clone(), held, outcome, file, exists: figures.is_some() }
        })
        .collect()
}

fn same(old: Option<&CellSource>, new: &CellSource) -> Outcome {
    if old == Some(new) { Outcome::Unchanged } else { Outcome::SourceRecorded }
}

/// The year file's path relative to the data folder: its series folder and name.
fn relative(file: &std::path::Path, record: &Record) -> String {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
    format!("{}/{}", record.series, name.unwrap_or_else(|| format!("{}.yaml", record.year)))
}

/// What a year's figures hold for a record, and the source recorded for it.
fn held<'f>(figures: &'f YearFigures, record: &Record) -> (Held, Option<&'f CellSource>) {
    let id = record.key.id();
    let (number, withheld, source) = match (record.half, &record.key) {
        (None, Key::Count(_)) => (figures.counts.get(id), figures.withheld.get(id), figures.sources.get(id)),
        (None, Key::Value(_)) => (figures.values.get(id), figures.withheld.get(id), figures.sources.get(id)),
        (Some(h), _) => (
            figures.halves[h].as_ref().and_then(|m| m.get(id)),
            figures.withheld_halves[h].get(id),
            figures.half_sources[h].get(id),
        ),
    };
    let held = match (number, withheld) {
        (Some(figure), _) => Held::Number(figure.value),
        (None, Some(reason)) => Held::Withheld(reason.clone()),
        (None, None) => Held::Nothing,
    };
    (held, source)
}
