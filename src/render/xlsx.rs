//! `tal.xlsx`: the workbook's sheets (`present::workbook`) as an Excel file,
//! with `rust_xlsxwriter`. Each sheet: its title and lines, a frozen header
//! row, the table with its columns sized to their contents, and the notes
//! under it; landscape A4, one page wide, the header repeated, for print.
//!
//! Numbers are written as numbers with a number format of their decimals
//! (`#,##0.0`), which Excel and LibreOffice show in the reader's locale (a
//! Danish reader sees `1.186` and `30,65`); an illustrative number is shown
//! with a `*` after it and stays a number. The same workbook gives the same
//! bytes: the creation time is the data's date, and the zip's entries carry
//! no time.

use crate::model::text::format_da;
use crate::present::workbook::{Cell, Number, RowKind, Sheet, Workbook};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

/// The narrowest and widest a column is made, in characters.
const WIDTH: (usize, usize) = (6, 45);

/// The header row's background.
const HEADER_FILL: u32 = 0xE4EAF1;

/// The file's bytes, or why they cannot be made (a text over Excel's
/// limit of 32.767 characters).
pub fn bytes(book: &Workbook) -> Result<Vec<u8>, String> {
    write(book).map_err(|e| e.to_string())
}

fn write(book: &Workbook) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let d = book.created;
    // Noon of the data's date, as the PDFs' timestamp: the same data, the same bytes.
    let created = ExcelDateTime::from_ymd(d.year, d.month, d.day)?.and_hms(12, 0, 0)?;
    workbook.set_properties(
        &DocProperties::new().set_title(&book.title).set_author("helhed").set_creation_datetime(&created),
    );
    for sheet in &book.sheets {
        write_sheet(workbook.add_worksheet(), sheet)?;
    }
    workbook.save_to_buffer()
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let widths = widths(sheet);
    let last_col = u16::try_from(widths.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let table_width: usize = widths.iter().sum();
    ws.write_string_with_format(0, 0, &sheet.title, &Format::new().set_bold().set_font_size(14))?;
    let muted = Format::new().set_font_color(Color::RGB(0x4A4A4A)).set_text_wrap().set_align(FormatAlign::Top);
    let mut row: u32 = 1;
    for line in &sheet.lines {
        paragraph(ws, row, last_col, table_width, line, &muted)?;
        row += 1;
    }
    let header_row = row + 1;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(HEADER_FILL))
        .set_border_bottom(FormatBorder::Thin);
    // What a column holds: numbers (its header then stands right, above
    // them) or text with a few numbers in it (the overview: they read left).
    let holds = |col: usize, text: bool| {
        sheet.rows.iter().filter_map(|r| r.cells.get(col)).any(|c| match c {
            Cell::Text(_) => text,
            Cell::Number(_) | Cell::Year(_) => !text,
            Cell::Empty => false,
        })
    };
    let mixed: Vec<bool> = (0..widths.len()).map(|col| holds(col, true) && holds(col, false)).collect();
    for (col, text) in (0u16..).zip(&sheet.header) {
        // A column without text (the years, the changes) has its header
        // right, above its numbers; text after the first column stands a
        // little in, apart from the numbers before it.
        let format = match col {
            0 => header.clone(),
            _ if !holds(usize::from(col), true) => header.clone().set_align(FormatAlign::Right),
            _ => header.clone().set_indent(1),
        };
        ws.write_string_with_format(header_row, col, text, &format)?;
    }
    let header_lines = sheet.header.iter().zip(&widths).map(|(h, w)| lines_needed(h, *w)).max().unwrap_or(1);
    set_lines(ws, header_row, header_lines)?;
    let mut row = header_row + 1;
    for r in &sheet.rows {
        let mut lines = 1;
        for ((col, cell), width) in (0u16..).zip(&r.cells).zip(&widths) {
            let wrap = *width >= WIDTH.1;
            if let (true, Cell::Text(text)) = (wrap, cell) {
                lines = lines.max(lines_needed(text, *width));
            }
            let column = Column { wrap, mixed: mixed.get(usize::from(col)).copied().unwrap_or(false) };
            write_cell(ws, row, col, cell, r.kind, column)?;
        }
        set_lines(ws, row, lines)?;
        row += 1;
    }
    row += 1;
    for note in &sheet.notes {
        paragraph(ws, row, last_col, table_width, note, &Format::new().set_text_wrap().set_align(FormatAlign::Top))?;
        row += 1;
    }
    for (col, width) in (0u16..).zip(&widths) {
        ws.set_column_width(col, u32::try_from(*width).unwrap_or(u32::MAX))?;
    }
    ws.set_freeze_panes(header_row + 1, sheet.fixed_columns)?;
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    Ok(())
}

/// A line of text above or below the table, wrapped within the table's width.
fn paragraph(
    ws: &mut Worksheet,
    row: u32,
    last_col: u16,
    width: usize,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if last_col == 0 {
        ws.write_string_with_format(row, 0, text, format)?;
    } else {
        ws.merge_range(row, 0, row, last_col, text, format)?;
    }
    set_lines(ws, row, lines_needed(text, width))
}

/// Makes a row tall enough for `lines` lines of text: Excel and LibreOffice
/// do not size a row to wrapped text themselves.
fn set_lines(ws: &mut Worksheet, row: u32, lines: usize) -> Result<(), XlsxError> {
    if lines > 1 {
        ws.set_row_height(row, u32::try_from(lines * 15).unwrap_or(u32::MAX))?;
    }
    Ok(())
}

/// About how many lines `text` takes, wrapped at its words in a column
/// `width` characters wide. A width counts the digit `0`; letters are on
/// average a little narrower, a fifth more of them fit.
fn lines_needed(text: &str, width: usize) -> usize {
    let room = (width * 6 / 5).saturating_sub(2).max(1);
    let (mut lines, mut used) = (1, 0);
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if used == 0 {
            used = w;
        } else if used + 1 + w <= room {
            used += 1 + w;
        } else {
            lines += 1;
            used = w;
        }
        while used > room {
            lines += 1;
            used -= room;
        }
    }
    lines
}

/// How a column's cells are laid out.
#[derive(Clone, Copy)]
struct Column {
    /// Its text wraps (the column is as wide as a column is made).
    wrap: bool,
    /// Text with a few numbers in it: the numbers stand left too.
    mixed: bool,
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    kind: RowKind,
    column: Column,
) -> Result<(), XlsxError> {
    let mut format = Format::new().set_align(FormatAlign::Top);
    if kind != RowKind::Plain {
        format = format.set_bold();
    }
    let left = column.mixed || matches!(cell, Cell::Text(_));
    if column.mixed {
        format = format.set_align(FormatAlign::Left);
    }
    if left && col > 0 {
        format = format.set_indent(1);
    }
    match cell {
        Cell::Empty => {
            if kind == RowKind::Total {
                ws.write_blank(row, col, &format)?;
            }
        }
        Cell::Text(text) => {
            if column.wrap {
                format = format.set_text_wrap();
            }
            ws.write_string_with_format(row, col, text, &format)?;
        }
        Cell::Number(n) => {
            ws.write_number_with_format(row, col, excel_number(n.value), &format.set_num_format(number_format(n)))?;
        }
        Cell::Year(year) => {
            ws.write_number_with_format(row, col, *year, &format.set_num_format("0"))?;
        }
    }
    Ok(())
}

/// The number xlsx stores for an exact decimal: the double nearest to it,
/// found by reading the decimal's own text (Rust's parsing rounds
/// correctly), so a spreadsheet shows the exact figure to its 15
/// significant digits. The only place a figure becomes floating point, and
/// the last step before the file: xlsx stores every number as a double.
fn excel_number(value: Decimal) -> f64 {
    value.to_string().parse().expect("a decimal's text is a float literal")
}

/// `#,##0.0`; `+#,##0.0;-#,##0.0;#,##0.0` for a change; `"*"` after an
/// illustrative number.
fn number_format(n: &Number) -> String {
    let zeros = "0".repeat(usize::try_from(n.decimals).unwrap_or(0));
    let base = if zeros.is_empty() { "#,##0".to_string() } else { format!("#,##0.{zeros}") };
    let mark = if n.example { "\"*\"" } else { "" };
    if n.signed { format!("+{base}{mark};-{base}{mark};{base}{mark}") } else { format!("{base}{mark}") }
}

/// Each column's width in characters: its widest cell as shown, its
/// header in at most three lines, within [`WIDTH`].
fn widths(sheet: &Sheet) -> Vec<usize> {
    let columns = sheet.rows.iter().map(|r| r.cells.len()).chain([sheet.header.len()]).max().unwrap_or(0);
    (0..columns)
        .map(|col| {
            let header = sheet.header.get(col).map_or(0, |h| {
                let longest_word = h.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
                longest_word.max(h.chars().count().div_ceil(3))
            });
            let cells = sheet.rows.iter().filter_map(|r| r.cells.get(col)).map(shown_length).max().unwrap_or(0);
            (header.max(cells) + 2).clamp(WIDTH.0, WIDTH.1)
        })
        .collect()
}

/// About how many characters a cell shows.
fn shown_length(cell: &Cell) -> usize {
    match cell {
        Cell::Empty => 0,
        Cell::Text(text) => text.chars().count(),
        Cell::Number(n) => format_da(n.value, n.decimals).len() + usize::from(n.signed) + usize::from(n.example),
        Cell::Year(_) => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_show_the_decimals_the_sign_and_the_mark() {
        let n = |decimals, signed, example| Number { value: Decimal::ONE, decimals, signed, example };
        assert_eq!(number_format(&n(0, false, false)), "#,##0");
        assert_eq!(number_format(&n(2, false, true)), "#,##0.00\"*\"");
        assert_eq!(number_format(&n(1, true, false)), "+#,##0.0;-#,##0.0;#,##0.0");
    }

    #[test]
    fn wrapped_text_takes_the_lines_its_words_need() {
        assert_eq!(lines_needed("Serie", 10), 1);
        assert_eq!(lines_needed("Ændring fra året før (%)", 10), 3);
        assert_eq!(lines_needed(&"x".repeat(25), 10), 3);
    }

    #[test]
    fn a_decimal_becomes_the_nearest_double() {
        assert_eq!(excel_number("30.65".parse().unwrap()).to_string(), "30.65");
        assert_eq!(excel_number("-0.1".parse().unwrap()).to_string(), "-0.1");
        assert_eq!(excel_number(Decimal::from(1186)).to_string(), "1186");
    }
}
