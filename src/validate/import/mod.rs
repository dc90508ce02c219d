//! `helhed importer`: an import setup checked against the plan ([`layout`]),
//! and a sheet's figures matched to the plan's areas, years and measures
//! ([`records::records`]). A name that matches nothing is a located error
//! with the closest names.

pub mod records;

use crate::input::Source;
use crate::input::setup::RawSetup;
use crate::model::diag::{Diagnostics, Pos};
use crate::model::import::{Dimension, Fixed, Key, Layout, Shape};
use crate::model::{Calc, Model, SeriesKind, TOTAL_ID};
use rust_decimal::Decimal;
use std::path::Path;

/// Where a setup's fields are: a setup file in `data/import/` (with the
/// position of each key), or the command line.
pub enum Origin<'a> {
    /// `data/import/<navn>.yaml`.
    File(&'a Source<RawSetup>),
    /// Flags; the path is the file being imported.
    Flags(&'a Path),
}

impl Origin<'_> {
    fn error(&self, field: &str, message: String, diags: &mut Diagnostics) {
        match self {
            Origin::File(src) => diags.error(&src.path, src.locator.value(&[field]), message),
            Origin::Flags(path) => diags.error(path, None, format!("--{field}: {message}")),
        }
    }
}

/// A setup checked against the plan: every name resolves, every number is
/// in range. `None` (with the problems in `diags`) when one does not.
pub fn layout(model: &Model, raw: &RawSetup, origin: &Origin, diags: &mut Diagnostics) -> Option<Layout> {
    let names = Names::new(model);
    let before = diags.error_count();
    let mut fixed = Fixed::default();
    if let Some(area) = &raw.area {
        match names.series(area) {
            Ok(id) => fixed.area = Some(id),
            Err(message) => origin.error("område", message, diags),
        }
    }
    if let Some(measure) = &raw.measure {
        match names.key(measure) {
            Ok(key) => fixed.key = Some(key),
            Err(message) => origin.error("måling", message, diags),
        }
    }
    if let Some(year) = raw.year {
        if (model.plan.first_year..=model.plan.last_year).contains(&year) {
            fixed.year = Some(year);
        } else {
            let (from, to) = (model.plan.first_year, model.plan.last_year);
            origin.error("år", format!("{year} ligger uden for planens dataår {from}-{to}"), diags);
        }
    }
    if let Some(half) = raw.half {
        match half {
            1 | 2 => fixed.half = Some(usize::from(half - 1)),
            _ => origin.error("halvår", format!("halvåret er 1 eller 2, ikke {half}"), diags),
        }
    }
    let across = match raw.kolonner.as_deref().map(str::trim) {
        None => None,
        Some("år") => Some(Dimension::Year),
        Some("område" | "områder") => Some(Dimension::Area),
        Some("måling" | "målinger" | "indikator" | "indikatorer") => Some(Dimension::Measure),
        Some(other) => {
            origin.error("kolonner", super::names::one_of("kolonner", other, &["år", "område", "måling"]), diags);
            None
        }
    };
    let header_row = match raw.header_row {
        Some(0) => {
            origin.error("overskriftsrække", "rækkerne tælles fra 1".into(), diags);
            None
        }
        row => row.map(|r| r - 1),
    };
    let names_column = raw.navnekolonne.as_deref().and_then(|letters| match column_index(letters) {
        Some(i) => Some(i),
        None => {
            origin.error("navnekolonne", format!("«{letters}» er ikke en kolonne som A, B eller AA"), diags);
            None
        }
    });
    let wide = Shape::Wide { across, header_row, names_column };
    let shape = match raw.form.as_deref().map(str::trim) {
        Some("lang") => Shape::Long,
        Some("bred") => wide,
        None if across.is_some() || header_row.is_some() || names_column.is_some() => wide,
        None => Shape::Found,
        Some(other) => {
            origin.error("form", super::names::one_of("form", other, &["lang", "bred"]), diags);
            Shape::Found
        }
    };
    let factor = match &raw.faktor {
        None => Decimal::ONE,
        Some(n) => match n.0.parse::<Decimal>() {
            Ok(f) if f > Decimal::ZERO => f,
            _ => {
                origin.error("faktor", format!("«{}» er ikke et positivt tal", n.0), diags);
                Decimal::ONE
            }
        },
    };
    let quarter = match raw.kvartal {
        Some(q @ 1..=4) => Some(q),
        Some(q) => {
            origin.error("kvartal", format!("kvartalet er 1, 2, 3 eller 4, ikke {q}"), diags);
            None
        }
        None => None,
    };
    let filters = raw.filter.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    (diags.error_count() == before).then_some(Layout { shape, fixed, filters, factor, quarter })
}

/// A column's letters (`A`, `AB`) as a 0-based index.
pub fn column_index(letters: &str) -> Option<u32> {
    let letters = letters.trim();
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    letters
        .chars()
        .try_fold(0u32, |acc, c| Some(acc * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1)))
        .map(|n| n - 1)
}

/// A name as compared: lower case, `-` and `_` as spaces, runs of white
/// space as one.
fn normal(name: &str) -> String {
    name.trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .to_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The plan's names of series and measures, for matching a sheet's.
pub struct Names<'m> {
    model: &'m Model,
    series: Vec<(String, &'m str)>,
    keys: Vec<(String, Key)>,
}

/// Names a sheet may give *samlet* (all areas together).
const TOTAL_NAMES: [&str; 5] = ["samlet", "i alt", "alle områder", "total", "hele planen"];

impl<'m> Names<'m> {
    /// The names of `model`.
    pub fn new(model: &'m Model) -> Names<'m> {
        let mut series = Vec::new();
        for s in &model.series {
            if s.kind == SeriesKind::Group {
                continue;
            }
            for name in [&s.id, &s.name].into_iter().chain(&s.aliases) {
                series.push((normal(name), s.id.as_str()));
            }
        }
        series.extend(TOTAL_NAMES.iter().map(|n| (n.to_string(), TOTAL_ID)));
        let mut keys = Vec::new();
        for m in &model.measures {
            for name in [&m.id, &m.name].into_iter().chain(&m.aliases) {
                keys.push((normal(name), Key::Count(m.id.clone())));
            }
        }
        for i in &model.indicators {
            let key = match &i.calc {
                Calc::Count { measure } => Key::Count(measure.clone()),
                Calc::Ratio { .. } => Key::Value(i.id.clone()),
            };
            for name in [&i.id, &i.name] {
                keys.push((normal(name), key.clone()));
            }
        }
        Names { model, series, keys }
    }

    /// The series id a sheet's name means, or the message saying it matches none.
    pub fn series(&self, name: &str) -> Result<String, String> {
        let n = normal(name);
        if let Some((_, id)) = self.series.iter().find(|(s, _)| *s == n) {
            return Ok(id.to_string());
        }
        if let Some(group) = self.model.series.iter().find(|s| s.kind == SeriesKind::Group && normal(&s.name) == n) {
            return Err(format!(
                "«{name}» er gruppen «{}», hvis tal regnes af dens områders; indlæs områdernes tal",
                group.id
            ));
        }
        let names: Vec<String> =
            self.model.series.iter().filter(|s| s.kind != SeriesKind::Group).map(|s| format!("«{}»", s.name)).collect();
        let near = self.model.series.iter().filter(|s| s.kind != SeriesKind::Group).find(|s| {
            let (a, b) = (normal(&s.name), &n);
            a.contains(b.as_str()) || b.contains(a.as_str())
        });
        let hint = match near {
            Some(s) => {
                format!("; mente du «{}»? Skriv «{name}» under aliaser: ved området «{}» i plan.yaml", s.name, s.id)
            }
            None => "; et andet navn for et område skrives under dets aliaser: i plan.yaml".into(),
        };
        Err(format!(
            "«{name}» er ikke et område eller en referenceserie i planen (de er {}){hint}",
            crate::model::text::join_with(&names, "og")
        ))
    }

    /// The measure or indicator a sheet's name means.
    pub fn key(&self, name: &str) -> Result<Key, String> {
        let n = normal(name);
        let mut found: Vec<&Key> = self.keys.iter().filter(|(k, _)| *k == n).map(|(_, key)| key).collect();
        found.sort();
        found.dedup();
        match found.as_slice() {
            [key] => return Ok((*key).clone()),
            [] => {}
            _ => {
                // A measure and a rate indicator of the same id or name.
                let names: Vec<String> = found
                    .iter()
                    .map(|key| match key {
                        Key::Count(id) => {
                            format!("målingen «{}»", self.model.measure(id).map_or(id.as_str(), |m| m.name.as_str()))
                        }
                        Key::Value(id) => format!(
                            "indikatoren «{}»",
                            self.model.indicator(id).map_or(id.as_str(), |i| i.name.as_str())
                        ),
                    })
                    .collect();
                return Err(format!(
                    "«{name}» kan være både {}; skriv navnet på den, der menes (eller giv den et alias i plan.yaml)",
                    crate::model::text::join_with(&names, "og")
                ));
            }
        }
        // A count's indicator often has its measure's id: each id once.
        let ids: std::collections::BTreeSet<&str> = self
            .model
            .measures
            .iter()
            .map(|m| m.id.as_str())
            .chain(self.model.indicators.iter().map(|i| i.id.as_str()))
            .collect();
        Err(format!(
            "«{name}» er ikke en måling eller indikator i planen; {} (et andet navn for en måling skrives under dens aliaser: i plan.yaml)",
            super::names::known("målinger og indikatorer", &n.replace(' ', "-"), ids)
        ))
    }
}

/// A cell's position for a message, when the sheet has rows and columns.
pub fn cell_pos(row: u32, column: u32) -> Pos {
    Pos { line: row as usize + 1, column: column as usize + 1 }
}

/// How the sheet is read: which sheet, and a CSV's delimiter and decimal mark.
pub fn sheet_options(raw: &RawSetup, origin: &Origin, diags: &mut Diagnostics) -> crate::input::sheet::Options {
    use crate::input::sheet::{DecimalMark, Options};
    let delimiter = raw.skilletegn.as_deref().and_then(|d| match d {
        ";" | "," | "|" => Some(d.as_bytes()[0]),
        "tab" | "\t" | "tabulator" => Some(b'\t'),
        other => {
            origin.error("skilletegn", super::names::one_of("skilletegn", other, &[";", ",", "|", "tab"]), diags);
            None
        }
    });
    let decimal = raw.decimaltegn.as_deref().and_then(|d| match d.trim() {
        "komma" | "," => Some(DecimalMark::Comma),
        "punktum" | "." => Some(DecimalMark::Point),
        other => {
            origin.error("decimaltegn", super::names::one_of("decimaltegn", other, &["komma", "punktum"]), diags);
            None
        }
    });
    Options { sheet: raw.ark.clone(), delimiter, decimal }
}
