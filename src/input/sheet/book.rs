//! Spreadsheets (XLSX, XLS, ODS) through calamine: which sheets, and each
//! as a grid of exact cells that knows where in the sheet it begins.

use super::number::from_f64;
use super::xls::Refused;
use super::{Cell, Kind, MAX_CELLS, Options, Sheet, column_name, number_da};
use crate::model::diag::Diagnostics;
use crate::model::text::edit_distance;
use crate::model::text::join_with;
use calamine::{Data, DataRef, ExcelDateTime, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsx};
use rust_decimal::Decimal;
use std::io::Cursor;
use std::path::Path;

/// Reads the chosen sheets of a workbook.
///
/// Calamine can panic on a damaged file (an arithmetic overflow in a cell
/// reference, say); such a panic is caught here and reported as a damaged
/// file, so one bad file cannot stop `helhed`.
pub(super) fn read(
    path: &Path,
    bytes: &[u8],
    kind: Kind,
    options: &Options,
    diags: &mut Diagnostics,
) -> Option<Vec<Sheet>> {
    let mut inner = Diagnostics::default();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_unguarded(path, bytes, kind, options, &mut inner)
    }));
    diags.extend(inner);
    match caught {
        Ok(sheets) => sheets,
        Err(_) => {
            diags.error(path, None, format!("kan ikke læses som {}: filen er ødelagt", what(kind)));
            None
        }
    }
}

/// The kind of workbook, as a message names it.
fn what(kind: Kind) -> &'static str {
    match kind {
        Kind::Xls => "en Excel 97-2003-fil (.xls)",
        Kind::Ods => "et OpenDocument-regneark (.ods)",
        _ => "en Excel-fil (.xlsx)",
    }
}

/// The chosen sheets of a workbook calamine reads a sheet of whole (XLS, ODS).
fn whole_sheets<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(
    path: &Path,
    mut book: R,
    options: &Options,
    budget: &mut Budget,
    unreadable: &dyn Fn(&dyn std::fmt::Display, &mut Diagnostics),
    diags: &mut Diagnostics,
) -> Option<Vec<Sheet>>
where
    R::Error: std::fmt::Display,
{
    let names = choose(path, book.sheets_metadata(), options, diags)?;
    let mut sheets = Vec::new();
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| unreadable(&e, diags)).ok()?;
        sheets.push(from_range(path, name, &range, budget, diags)?);
    }
    Some(sheets)
}

fn read_unguarded(
    path: &Path,
    bytes: &[u8],
    kind: Kind,
    options: &Options,
    diags: &mut Diagnostics,
) -> Option<Vec<Sheet>> {
    let cursor = Cursor::new(bytes);
    let unreadable = |e: &dyn std::fmt::Display, diags: &mut Diagnostics| {
        diags.error(path, None, format!("kan ikke læses som {}: {e}", what(kind)));
    };
    let mut budget = Budget { left: MAX_CELLS };
    match kind {
        Kind::Xls => {
            if let Err(refused) = super::xls::check(bytes) {
                let message = match refused {
                    Refused::Broken(why) => format!("kan ikke læses som en Excel 97-2003-fil (.xls): {why}"),
                    Refused::Spread { rows, cols } => format!(
                        "et af filens ark spænder over {rows} rækker og {cols} kolonner, over {} celler; \
                         slet de celler, der ligger langt fra tabellen",
                        number_da(MAX_CELLS)
                    ),
                    Refused::Total(cells) => format!(
                        "filens ark spænder tilsammen over {} celler; slet de ark, der ikke skal importeres",
                        number_da(usize::try_from(cells).unwrap_or(usize::MAX))
                    ),
                };
                diags.error(path, None, message);
                return None;
            }
            let book: Xls<_> = calamine::open_workbook_from_rs(cursor).map_err(|e| unreadable(&e, diags)).ok()?;
            whole_sheets(path, book, options, &mut budget, &unreadable, diags)
        }
        Kind::Ods => {
            let book: Ods<_> = calamine::open_workbook_from_rs(cursor).map_err(|e| unreadable(&e, diags)).ok()?;
            whole_sheets(path, book, options, &mut budget, &unreadable, diags)
        }
        _ => {
            let mut book: Xlsx<_> = calamine::open_workbook_from_rs(cursor).map_err(|e| unreadable(&e, diags)).ok()?;
            let names = choose(path, book.sheets_metadata(), options, diags)?;
            let mut sheets = Vec::new();
            for name in names {
                // Cell by cell, so a sheet whose few cells lie far apart is
                // refused before a grid over all of them is allocated.
                let mut reader = book.worksheet_cells_reader(&name).map_err(|e| unreadable(&e, diags)).ok()?;
                let mut cells = Vec::new();
                loop {
                    match reader.next_cell() {
                        Ok(Some(c)) => {
                            let value = from_data_ref(c.get_value());
                            if value == Cell::Empty {
                                continue;
                            }
                            if !budget.take(1) {
                                too_many(path, &name, diags);
                                return None;
                            }
                            cells.push((c.get_position(), value));
                        }
                        Ok(None) => break,
                        Err(e) => {
                            unreadable(&e, diags);
                            return None;
                        }
                    }
                }
                drop(reader);
                // The sparse cells were counted; the grid's empty ones are
                // counted again in full below.
                budget.left += cells.len();
                sheets.push(from_cells(path, name, cells, &mut budget, diags)?);
            }
            Some(sheets)
        }
    }
}

/// What is left of the cells a file may have.
struct Budget {
    left: usize,
}

impl Budget {
    fn take(&mut self, n: usize) -> bool {
        match self.left.checked_sub(n) {
            Some(left) => {
                self.left = left;
                true
            }
            None => false,
        }
    }
}

fn too_many(path: &Path, name: &str, diags: &mut Diagnostics) {
    diags.error(
        path,
        None,
        format!(
            "arket «{name}» fører filen over {} celler; slet det, der ikke skal importeres, eller vælg ét ark med --ark",
            number_da(MAX_CELLS)
        ),
    );
}

/// The sheets to read: the one named in `options`, else every visible
/// worksheet (all worksheets when none is visible).
fn choose(path: &Path, sheets: &[calamine::Sheet], options: &Options, diags: &mut Diagnostics) -> Option<Vec<String>> {
    let worksheets: Vec<&calamine::Sheet> = sheets.iter().filter(|s| s.typ == SheetType::WorkSheet).collect();
    if worksheets.is_empty() {
        diags.error(path, None, "filen har ingen regneark");
        return None;
    }
    let Some(want) = &options.sheet else {
        let visible: Vec<String> =
            worksheets.iter().filter(|s| s.visible == SheetVisible::Visible).map(|s| s.name.clone()).collect();
        return Some(if visible.is_empty() { worksheets.iter().map(|s| s.name.clone()).collect() } else { visible });
    };
    if let Some(s) = worksheets.iter().find(|s| s.name == *want) {
        return Some(vec![s.name.clone()]);
    }
    let folded = |s: &str| s.trim().to_lowercase();
    if let [one] = worksheets.iter().filter(|s| folded(&s.name) == folded(want)).collect::<Vec<_>>()[..] {
        return Some(vec![one.name.clone()]);
    }
    let names: Vec<String> = worksheets.iter().map(|s| format!("«{}»", s.name)).collect();
    let mut message = format!("arket «{want}» findes ikke; filens ark er {}", join_with(&names, "og"));
    let near = worksheets
        .iter()
        .map(|s| (edit_distance(&folded(want), &folded(&s.name)), &s.name))
        .filter(|(d, name)| *d <= 2.max(name.chars().count() / 3))
        .min();
    if let Some((_, name)) = near {
        message.push_str(&format!("; mente du «{name}»?"));
    }
    diags.error(path, None, message);
    None
}

/// A sheet from calamine's range of it (XLS, ODS).
fn from_range(
    path: &Path,
    name: String,
    range: &Range<Data>,
    budget: &mut Budget,
    diags: &mut Diagnostics,
) -> Option<Sheet> {
    let (height, width) = range.get_size();
    if !budget.take(height.saturating_mul(width)) {
        too_many(path, &name, diags);
        return None;
    }
    let rows = range.rows().map(|row| row.iter().map(from_data).collect()).collect();
    let origin = range.start().unwrap_or((0, 0));
    Some(trimmed(Sheet { name: Some(name), rows, origin, lines: Vec::new(), json_stat: false }))
}

/// A sheet from its non-empty cells and their positions (XLSX): the grid
/// over their bounding box, refused when that box is over the budget.
fn from_cells(
    path: &Path,
    name: String,
    cells: Vec<((u32, u32), Cell)>,
    budget: &mut Budget,
    diags: &mut Diagnostics,
) -> Option<Sheet> {
    if cells.is_empty() {
        return Some(Sheet { name: Some(name), ..Sheet::default() });
    }
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0, 0);
    for &((r, c), _) in &cells {
        top = top.min(r);
        left = left.min(c);
        bottom = bottom.max(r);
        right = right.max(c);
    }
    let height = (bottom - top) as usize + 1;
    let width = (right - left) as usize + 1;
    if !budget.take(height.saturating_mul(width)) {
        diags.error(
            path,
            None,
            format!(
                "arket «{name}» spænder over {}{}:{}{} ({height} rækker og {width} kolonner), over {} celler; \
                 slet de celler, der ligger langt fra tabellen",
                column_name(u64::from(left)),
                top + 1,
                column_name(u64::from(right)),
                bottom + 1,
                number_da(MAX_CELLS)
            ),
        );
        return None;
    }
    let mut rows = vec![vec![Cell::Empty; width]; height];
    for ((r, c), value) in cells {
        rows[(r - top) as usize][(c - left) as usize] = value;
    }
    Some(trimmed(Sheet { name: Some(name), rows, origin: (top, left), lines: Vec::new(), json_stat: false }))
}

/// A sheet without the empty rows and columns at its edges, its origin
/// moved to match.
fn trimmed(mut sheet: Sheet) -> Sheet {
    let filled = |c: &Cell| *c != Cell::Empty;
    while sheet.rows.last().is_some_and(|r| !r.iter().any(filled)) {
        sheet.rows.pop();
    }
    let top = sheet.rows.iter().take_while(|r| !r.iter().any(filled)).count();
    sheet.rows.drain(..top);
    let left = sheet.rows.iter().map(|r| r.iter().take_while(|c| !filled(c)).count()).min().unwrap_or(0);
    for row in &mut sheet.rows {
        row.drain(..left.min(row.len()));
        while row.last() == Some(&Cell::Empty) {
            row.pop();
        }
    }
    sheet.origin.0 += top as u32;
    sheet.origin.1 += left as u32;
    if sheet.rows.is_empty() {
        sheet.origin = (0, 0);
    }
    sheet
}

fn from_data(value: &Data) -> Cell {
    match value {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(Decimal::from(*i)),
        Data::Float(f) => float(*f),
        Data::String(s) => text(s),
        Data::Bool(b) => boolean(*b),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => text(s),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

fn from_data_ref(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(Decimal::from(*i)),
        DataRef::Float(f) => float(*f),
        DataRef::String(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Bool(b) => boolean(*b),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text(s),
        DataRef::Error(e) => Cell::Text(e.to_string()),
    }
}

fn float(f: f64) -> Cell {
    match from_f64(f) {
        Some(n) => Cell::Number(n),
        None => Cell::Text(format!("{f}")),
    }
}

fn text(s: &str) -> Cell {
    let s = s.trim();
    if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) }
}

/// As Danish Excel shows them.
fn boolean(b: bool) -> Cell {
    Cell::Text(if b { "SAND" } else { "FALSK" }.to_string())
}

/// A date as `2018-01-01` (with `kl. 12:30` when it has a time), a duration
/// as its number of days; both as text, for the caller to judge.
fn date_time(dt: &ExcelDateTime) -> Cell {
    let Some(serial) = from_f64(dt.as_f64()) else { return Cell::Text(format!("{dt}")) };
    if dt.is_duration() {
        return Cell::Text(serial.to_string());
    }
    let days = serial.floor();
    let seconds = ((serial - days) * Decimal::from(86_400)).round();
    let Ok(days) = i64::try_from(days) else { return Cell::Text(serial.to_string()) };
    let Ok(seconds) = i64::try_from(seconds) else { return Cell::Text(serial.to_string()) };
    // Serial 25569 is 1970-01-01 in Excel's 1900 date system.
    let (y, m, d) = civil_from_days(days - 25_569);
    if seconds == 0 {
        Cell::Text(format!("{y:04}-{m:02}-{d:02}"))
    } else {
        Cell::Text(format!("{y:04}-{m:02}-{d:02} kl. {:02}:{:02}", seconds / 3600, seconds / 60 % 60))
    }
}

/// Year, month and day of a count of days since 1970-01-01 (Howard
/// Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests;
