//! A sheet's figures, found by its layout and matched to the plan.
//!
//! A **long** table has a header row naming its columns (`område`, `år`,
//! `halvår`, `måling` or `indikator`, `værdi`; Statistikbanken's `OMRÅDE`,
//! `TID`, `INDHOLD` too); each row below is one figure. A **wide** table has
//! one dimension across its header row (years, as in Beboerdata's tables, or
//! areas) and another down a names column; the third is fixed by the setup
//! (`--måling beboere`). Rows without any figure or marker (titles, notes,
//! blank lines) are passed over; a row with figures whose name matches
//! nothing is an error at its cell.

use super::{Names, cell_pos};
use crate::input::sheet::{Cell, Kind, Sheet, Workbook};
use crate::model::diag::Diagnostics;
use crate::model::import::{Blank, Dimension, Entry, Key, Layout, Record, Shape};
use crate::model::{CellSource, Model};
use std::collections::{BTreeMap, BTreeSet};

/// How far down a sheet its header row is looked for.
const HEADER_SEARCH: usize = 30;

/// Texts a source writes for a figure it withholds or does not have.
fn is_marker(text: &str) -> bool {
    let t = text.trim();
    matches!(
        t,
        ".." | "."
            | "..."
            | "x"
            | "X"
            | "-"
            | "–"
            | "—"
            | "*"
            | "(x)"
            | ":"
            | "n/a"
            | "NA"
            | "diskr."
            | "diskretioneret"
    ) || t.strip_prefix('<').is_some_and(|n| n.trim().parse::<u32>().is_ok())
}

/// Everything needed to turn cells into records.
struct Reader<'a> {
    model: &'a Model,
    names: &'a Names<'a>,
    layout: &'a Layout,
    workbook: &'a Workbook,
    sheet: &'a Sheet,
    /// Figures found, by what they are a figure of, with the cell they came from.
    seen: BTreeMap<(String, u16, Option<usize>, Key), String>,
    /// Years outside the plan's data years, passed over.
    skipped_years: BTreeSet<u16>,
    records: Vec<Record>,
}

impl Reader<'_> {
    fn source(&self, row: usize, col: usize) -> CellSource {
        let file = self.workbook.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        CellSource { file, sheet: self.sheet.name.clone(), cell: self.sheet.place(row, col) }
    }

    /// A row's value of a column of names (`text`, looked up by `lookup`), or
    /// else the one the setup fixes; an error at the cell when the name is
    /// unknown, or when there is neither (`missing`).
    #[allow(clippy::too_many_arguments)]
    fn named<T: Clone>(
        &self,
        row: usize,
        column: Option<usize>,
        text: Option<String>,
        fixed: &Option<T>,
        lookup: impl FnOnce(&str) -> Result<T, String>,
        missing: &str,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        let col = column.unwrap_or(0);
        match (text, fixed) {
            (Some(name), _) => lookup(&name).map_err(|message| self.error(row, col, message, diags)).ok(),
            (None, Some(value)) => Some(value.clone()),
            (None, None) => {
                self.error(row, col, missing.into(), diags);
                None
            }
        }
    }

    fn error(&self, row: usize, col: usize, message: String, diags: &mut Diagnostics) {
        let place = self.sheet.place(row, col);
        let sheet = self.sheet.name.as_ref().map(|n| format!(", ark «{n}»")).unwrap_or_default();
        let pos = match self.workbook.kind {
            Kind::JsonStat => None,
            // A CSV row's line (a quoted field may span lines), the field's number.
            Kind::Csv { .. } => self.sheet.lines.get(row).map(|&line| crate::model::diag::Pos {
                line: usize::try_from(line).unwrap_or(usize::MAX),
                column: col + 1,
            }),
            Kind::Xlsx | Kind::Xls | Kind::Ods => {
                Some(cell_pos(self.sheet.origin.0 + row as u32, self.sheet.origin.1 + col as u32))
            }
        };
        diags.error(&self.workbook.file, pos, format!("{message} (celle {place}{sheet})"));
    }

    /// The year (and half) a cell names, `Ok(None)` when it is not a year at
    /// all, or `Err(None)` for a quarter other than the one asked for.
    fn year(&self, cell: &Cell) -> Result<Option<(u16, Option<usize>)>, Option<String>> {
        let text = match cell {
            Cell::Number(n) if n.fract().is_zero() => n.to_string(),
            Cell::Text(t) => t.trim().to_string(),
            _ => return Ok(None),
        };
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() != 4 {
            return Ok(None);
        }
        let year: u16 = digits.parse().map_err(|_| Some(format!("«{text}» er ikke et år")))?;
        // A count such as 1174 is not a year: only years near the plan's are.
        let plan = &self.model.plan;
        if year < plan.first_year.saturating_sub(50) || year > plan.last_year.saturating_add(50) {
            return Ok(None);
        }
        let rest = text[4..].trim().trim_start_matches('-').trim().to_uppercase();
        let half = match rest.as_str() {
            "" => None,
            "H1" | "1. HALVÅR" => Some(0),
            "H2" | "2. HALVÅR" => Some(1),
            r if r.starts_with('K') || r.starts_with('Q') => {
                let quarter: Option<u8> = r[1..].parse().ok();
                return match (self.layout.quarter, quarter) {
                    (Some(wanted), Some(q)) if wanted == q => Ok(Some((year, None))),
                    (Some(_), Some(_)) => Err(None),
                    _ => Err(Some(format!(
                        "«{text}» er et kvartal; helhed har tal for år og halvår: angiv med --kvartal, hvilket kvartals tal der er årets (fx --kvartal 1 for befolkningen 1. januar)"
                    ))),
                };
            }
            r if r.starts_with('M') => {
                return Err(Some(format!("«{text}» er en måned; helhed har tal for år og halvår")));
            }
            _ => return Ok(None),
        };
        Ok(Some((year, half)))
    }

    /// One figure: checked, and kept unless the same figure came before.
    #[allow(clippy::too_many_arguments)]
    fn figure(
        &mut self,
        (row, col): (usize, usize),
        series: &str,
        (year, half): (u16, Option<usize>),
        key: &Key,
        diags: &mut Diagnostics,
    ) {
        if !(self.model.plan.first_year..=self.model.plan.last_year).contains(&year) {
            self.skipped_years.insert(year);
            return;
        }
        let entry = match &self.sheet.rows[row][col] {
            // A factor's product is written without trailing zeros (1,5 × 1000 is 1500).
            Cell::Number(n) if self.layout.factor == rust_decimal::Decimal::ONE => Entry::Number(*n),
            Cell::Number(n) => Entry::Number((*n * self.layout.factor).normalize()),
            Cell::Empty => Entry::Withheld(Blank::Empty),
            Cell::Text(t) if is_marker(t) => Entry::Withheld(Blank::Marker(t.trim().to_string())),
            Cell::Text(t) => {
                let message =
                    format!("«{t}» er hverken et tal eller et tegn for et skjult tal (fx «..», «x» eller «<5»)");
                self.error(row, col, message, diags);
                return;
            }
        };
        if let (Some(_), Key::Value(id)) = (half, key) {
            let message = format!("«{id}» er en indikator; halvårstal indlæses kun for antal (målinger)");
            self.error(row, col, message, diags);
            return;
        }
        if half.is_some()
            && self.model.series.iter().any(|s| s.id == series && s.kind == crate::model::SeriesKind::Reference)
        {
            self.error(row, col, format!("«{series}» er en referenceserie; den har ikke halvårstal"), diags);
            return;
        }
        if let (Key::Count(measure), Entry::Number(n)) = (key, &entry)
            && (n.is_sign_negative() || !n.fract().is_zero())
        {
            self.error(row, col, format!("«{measure}» er et antal: et helt tal fra 0, ikke {n}"), diags);
            return;
        }
        let place = self.sheet.place(row, col);
        let id = (series.to_string(), year, half, key.clone());
        if let Some(first) = self.seen.get(&id) {
            let message = format!(
                "{series} {year} «{}» står også i celle {first}; hver figur må stå én gang (vælg rækker med filter)",
                key.id()
            );
            self.error(row, col, message, diags);
            return;
        }
        self.seen.insert(id, place);
        let source = self.source(row, col);
        self.records.push(Record { series: series.to_string(), year, half, key: key.clone(), entry, source });
    }
}

/// A cell's text, for matching a name or a header.
fn text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
        Cell::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The figures of every sheet of `workbook`, matched to the plan. Problems go
/// into `diags`, each at its cell; a year outside the plan's data years is
/// passed over with one warning.
/// `chosen` says whether a sheet was named; else only the first is read.
pub fn records(
    model: &Model,
    layout: &Layout,
    workbook: &Workbook,
    chosen: bool,
    diags: &mut Diagnostics,
) -> Vec<Record> {
    let mut out = Vec::new();
    // Unless a sheet was chosen, the first: a setup describes one table.
    if let [first, rest @ ..] = workbook.sheets.as_slice()
        && !rest.is_empty()
        && !chosen
    {
        let others: Vec<String> = rest.iter().filter_map(|s| s.name.as_ref()).map(|n| format!("«{n}»")).collect();
        diags.warning(
            &workbook.file,
            None,
            format!(
                "læser arket «{}»; projektmappen har også {} (vælg et andet med --ark)",
                first.name.as_deref().unwrap_or_default(),
                crate::model::text::join_with(&others, "og")
            ),
        );
    }
    let sheets = if chosen { &workbook.sheets[..] } else { &workbook.sheets[..workbook.sheets.len().min(1)] };
    let names = Names::new(model);
    for sheet in sheets {
        let mut reader = Reader {
            model,
            names: &names,
            layout,
            workbook,
            sheet,
            seen: BTreeMap::new(),
            skipped_years: BTreeSet::new(),
            records: Vec::new(),
        };
        match layout.shape {
            Shape::Long => {
                long(&mut reader, diags, true);
            }
            Shape::Found => {
                if !long(&mut reader, diags, false) {
                    wide(&mut reader, None, None, None, diags);
                }
            }
            Shape::Wide { across, header_row, names_column } => {
                wide(&mut reader, across, header_row, names_column, diags)
            }
        }
        if !reader.skipped_years.is_empty() {
            let years: Vec<String> = reader.skipped_years.iter().map(u16::to_string).collect();
            diags.warning(
                &workbook.file,
                None,
                format!(
                    "tal for {} er sprunget over: de ligger uden for planens dataår {}-{}",
                    crate::model::text::join_with(&years, "og"),
                    model.plan.first_year,
                    model.plan.last_year
                ),
            );
        }
        out.extend(reader.records);
    }
    out
}

/// A long table's column for each dimension, by header.
#[derive(Default)]
struct Columns {
    area: Option<usize>,
    year: Option<usize>,
    half: Option<usize>,
    key: Option<usize>,
    value: Option<usize>,
}

fn header_kind(header: &str) -> Option<u8> {
    let h = header.trim().to_lowercase();
    match h.as_str() {
        "område" | "omraade" | "områdenavn" | "afdeling" | "boligområde" | "kommune" | "serie" => Some(0),
        "år" | "aar" | "årstal" | "tid" | "periode" => Some(1),
        "halvår" | "halvaar" => Some(2),
        "måling" | "maaling" | "indikator" | "nøgletal" | "måleenhed" => Some(3),
        "værdi" | "vaerdi" | "indhold" | "tal" | "antal" => Some(4),
        _ => None,
    }
}

/// Reads a long table. Returns whether a header row was found; when not
/// found and `required`, that is an error.
fn long(reader: &mut Reader, diags: &mut Diagnostics, required: bool) -> bool {
    let sheet = reader.sheet;
    let found = sheet.rows.iter().take(HEADER_SEARCH).enumerate().find_map(|(r, row)| {
        let mut columns = Columns::default();
        for (c, cell) in row.iter().enumerate() {
            let slot = match text(cell).as_deref().and_then(header_kind) {
                Some(0) => &mut columns.area,
                Some(1) => &mut columns.year,
                Some(2) => &mut columns.half,
                Some(3) => &mut columns.key,
                Some(4) => &mut columns.value,
                _ => continue,
            };
            slot.get_or_insert(c);
        }
        let named = [columns.area, columns.year, columns.key].iter().filter(|c| c.is_some()).count();
        (columns.value.is_some() && named >= 1).then_some((r, columns))
    });
    let Some((header, columns)) = found else {
        if required {
            reader.error(0, 0, "fandt ingen overskriftsrække med kolonnen «værdi» (eller «INDHOLD»)".into(), diags);
        }
        return false;
    };
    let fixed = &reader.layout.fixed;
    let mut lacking = Vec::new();
    if columns.area.is_none() && fixed.area.is_none() {
        lacking.push("«område» (eller angiv --område)");
    }
    if columns.year.is_none() && fixed.year.is_none() {
        lacking.push("«år» eller «TID» (eller angiv --år)");
    }
    if columns.key.is_none() && fixed.key.is_none() {
        lacking.push("«måling» (eller angiv --måling)");
    }
    if !lacking.is_empty() {
        let message = format!("overskriftsrækken mangler kolonnen {}", crate::model::text::join_with(&lacking, "og"));
        reader.error(header, 0, message, diags);
        return true;
    }
    let filters: Vec<(usize, &str)> = reader
        .layout
        .filters
        .iter()
        .filter_map(|(column, wanted)| {
            let found =
                sheet.rows[header].iter().position(|c| text(c).is_some_and(|t| t.eq_ignore_ascii_case(column.trim())));
            if found.is_none() {
                reader.error(
                    header,
                    0,
                    format!("filteret nævner kolonnen «{column}», som overskriftsrækken ikke har"),
                    diags,
                );
            }
            found.map(|c| (c, wanted.as_str()))
        })
        .collect();
    for r in header + 1..sheet.rows.len() {
        let row = &sheet.rows[r];
        if row.iter().all(|c| matches!(c, Cell::Empty)) {
            continue;
        }
        let cell_text = |c: Option<usize>| c.and_then(|c| row.get(c)).and_then(text);
        if filters.iter().any(|(c, wanted)| cell_text(Some(*c)).is_none_or(|t| t.trim().to_lowercase() != *wanted)) {
            continue;
        }
        // A row without a figure or a marker, and without a year, is a note
        // (a source line, a title): passed over.
        let value_cell = columns.value.and_then(|c| row.get(c));
        let figure = match value_cell {
            Some(Cell::Number(_)) => true,
            Some(Cell::Text(t)) => is_marker(t),
            _ => false,
        };
        let dated = columns.year.and_then(|c| row.get(c)).is_some_and(|c| !matches!(reader.year(c), Ok(None)));
        let named_row =
            columns.year.is_none() && cell_text(columns.area).is_some_and(|a| reader.names.series(&a).is_ok());
        if !figure && !dated && !named_row {
            continue;
        }
        let area = cell_text(columns.area);
        let lookup = |name: &str| reader.names.series(name);
        let Some(series) = reader.named(r, columns.area, area, &fixed.area, lookup, "rækken mangler sit område", diags)
        else {
            continue;
        };
        let measure = cell_text(columns.key);
        let lookup = |name: &str| reader.names.key(name);
        let Some(key) = reader.named(r, columns.key, measure, &fixed.key, lookup, "rækken mangler sin måling", diags)
        else {
            continue;
        };
        let when = match (columns.year.and_then(|c| row.get(c)), fixed.year) {
            (Some(cell), _) if !matches!(cell, Cell::Empty) => match reader.year(cell) {
                Ok(Some(when)) => when,
                Ok(None) => {
                    let shown = text(cell).unwrap_or_default();
                    reader.error(
                        r,
                        columns.year.unwrap_or(0),
                        format!("«{shown}» er ikke et år (fx 2018 eller 2018H1)"),
                        diags,
                    );
                    continue;
                }
                Err(None) => continue,
                Err(Some(message)) => {
                    reader.error(r, columns.year.unwrap_or(0), message, diags);
                    continue;
                }
            },
            (_, Some(year)) => (year, None),
            (_, None) => {
                reader.error(r, columns.year.unwrap_or(0), "rækken mangler sit år".into(), diags);
                continue;
            }
        };
        let half = match (cell_text(columns.half), when.1, fixed.half) {
            (Some(h), _, _) => match h.trim() {
                "1" | "h1" | "H1" => Some(0),
                "2" | "h2" | "H2" => Some(1),
                other => {
                    reader.error(r, columns.half.unwrap_or(0), format!("halvåret er 1 eller 2, ikke «{other}»"), diags);
                    continue;
                }
            },
            (None, Some(h), _) | (None, None, Some(h)) => Some(h),
            (None, None, None) => None,
        };
        let value = columns.value.unwrap_or(0);
        if value >= row.len() {
            reader.error(r, value, "rækken har ingen værdi".into(), diags);
            continue;
        }
        reader.figure((r, value), &series, (when.0, half), &key, diags);
    }
    true
}

/// What a header cell of a wide table names.
enum Heading {
    Area(String),
    Year(u16, Option<usize>),
    Key(Key),
    /// A quarter other than the one asked for: its column is passed over.
    Skipped,
    /// A period helhed has no figures for (a quarter not asked for, a month).
    Invalid(String),
}

/// Reads a wide table.
fn wide(
    reader: &mut Reader,
    across: Option<Dimension>,
    header_row: Option<u32>,
    names_column: Option<u32>,
    diags: &mut Diagnostics,
) {
    let sheet = reader.sheet;
    let fixed = reader.layout.fixed.clone();
    let heading = |reader: &Reader, dim: Dimension, cell: &Cell| -> Option<Heading> {
        match dim {
            Dimension::Year => match reader.year(cell) {
                Ok(found) => found.map(|(y, h)| Heading::Year(y, h)),
                Err(None) => Some(Heading::Skipped),
                Err(Some(message)) => Some(Heading::Invalid(message)),
            },
            Dimension::Area => text(cell).and_then(|t| reader.names.series(&t).ok()).map(Heading::Area),
            Dimension::Measure => text(cell).and_then(|t| reader.names.key(&t).ok()).map(Heading::Key),
        }
    };
    let dims: Vec<Dimension> = match across {
        Some(d) => vec![d],
        None => vec![Dimension::Year, Dimension::Area, Dimension::Measure],
    };
    // The header row: the given one, else the one with the most headings
    // (at least two; the first of equals).
    let rows: Vec<usize> = match header_row {
        Some(r) => vec![(r.saturating_sub(sheet.origin.0)) as usize],
        None => (0..sheet.rows.len().min(HEADER_SEARCH)).collect(),
    };
    // What the header row holds, its index, and its headings by column.
    type Found = (Dimension, usize, Vec<(usize, Heading)>);
    let mut found: Option<Found> = None;
    for &dim in &dims {
        for &r in &rows {
            let Some(row) = sheet.rows.get(r) else { continue };
            let columns: Vec<(usize, Heading)> =
                row.iter().enumerate().filter_map(|(c, cell)| heading(reader, dim, cell).map(|h| (c, h))).collect();
            let enough = columns.len() >= 2 || (header_row.is_some() && !columns.is_empty());
            if enough && found.as_ref().is_none_or(|(_, _, best)| columns.len() > best.len()) {
                found = Some((dim, r, columns));
            }
        }
    }
    let Some((across, header, columns)) = found else {
        let message = "fandt hverken en overskriftsrække med kolonnerne «område», «år» og «værdi» eller en række med år (eller områder) som kolonner; angiv --form og --kolonner, eller en opsætning i data/import/";
        reader.error(header_row.unwrap_or(0) as usize, 0, message.into(), diags);
        return;
    };
    let free: Vec<Dimension> = [Dimension::Area, Dimension::Year, Dimension::Measure]
        .into_iter()
        .filter(|&d| d != across)
        .filter(|d| match d {
            Dimension::Area => fixed.area.is_none(),
            Dimension::Year => fixed.year.is_none(),
            Dimension::Measure => fixed.key.is_none(),
        })
        .collect();
    let down = match free.as_slice() {
        [down] => *down,
        _ => {
            let message = match (fixed.key.is_none(), across) {
                (true, Dimension::Measure) | (false, _) => "angiv med --område eller --år, hvad rækkerne ikke siger",
                (true, _) => "angiv med --måling, hvilken måling tabellen har (fx --måling beboere)",
            };
            reader.error(header, 0, message.into(), diags);
            return;
        }
    };
    // A heading for a period helhed has no figures for is an error at its cell.
    for (c, head) in &columns {
        if let Heading::Invalid(message) = head {
            reader.error(header, *c, message.clone(), diags);
        }
    }
    let first_heading = columns.first().map_or(0, |(c, _)| *c);
    let last_heading = columns.last().map_or(0, |(c, _)| *c);
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    // A names column has text (not numbers such as a department's number).
    let has_names = |c: usize| {
        sheet.rows.iter().skip(header + 1).any(|row| matches!(row.get(c), Some(Cell::Text(t)) if !is_marker(t)))
    };
    let names = match names_column {
        Some(c) => (c.saturating_sub(sheet.origin.1)) as usize,
        // The nearest column left of the headings with names below the
        // header, else the nearest right of them.
        None => (0..first_heading)
            .rev()
            .find(|&c| has_names(c))
            .or_else(|| (last_heading + 1..width).find(|&c| has_names(c)))
            .unwrap_or(0),
    };
    for r in header + 1..sheet.rows.len() {
        let row = &sheet.rows[r];
        let has_figures = columns.iter().any(|(c, _)| match row.get(*c) {
            Some(Cell::Number(_)) => true,
            Some(Cell::Text(t)) => is_marker(t),
            _ => false,
        });
        if !has_figures {
            continue;
        }
        let Some(name) = row.get(names).and_then(text) else {
            reader.error(r, names, "rækken har tal, men intet navn".into(), diags);
            continue;
        };
        let down_value = match down {
            Dimension::Area => reader.names.series(&name).map(Heading::Area),
            Dimension::Measure => reader.names.key(&name).map(Heading::Key),
            Dimension::Year => match reader.year(&row[names]) {
                Ok(Some((y, h))) => Ok(Heading::Year(y, h)),
                Ok(None) => Err(format!("«{name}» er ikke et år")),
                Err(None) => continue,
                Err(Some(m)) => Err(m),
            },
        };
        let down_value = match down_value {
            Ok(v) => v,
            Err(message) => {
                reader.error(r, names, message, diags);
                continue;
            }
        };
        for (c, head) in &columns {
            if *c >= row.len() {
                continue;
            }
            let (mut series, mut when, mut key) =
                (fixed.area.clone(), fixed.year.map(|y| (y, fixed.half)), fixed.key.clone());
            for h in [head, &down_value] {
                match h {
                    Heading::Area(id) => series = Some(id.clone()),
                    Heading::Year(y, half) => when = Some((*y, half.or(fixed.half))),
                    Heading::Key(k) => key = Some(k.clone()),
                    Heading::Skipped | Heading::Invalid(_) => when = None,
                }
            }
            if let (Some(series), Some(when), Some(key)) = (series, when, key) {
                reader.figure((r, *c), &series, when, &key, diags);
            }
        }
    }
}
