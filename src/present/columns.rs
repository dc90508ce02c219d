//! How wide the number columns of a table must be (an indicator's values,
//! the budgetark), so the template can give them fixed widths.
//!
//! With `auto` columns Typst lays out every cell once more only to find the
//! columns' widths, and the value tables are the largest part of a build
//! (see the book's Ydelse). The widths are in thousandths of an em of the
//! documents' font, Libertinus Serif, in bold (as *samlet* is printed), with
//! its advance widths for the characters figures are made of; any other
//! character counts as a wide letter, so a width is never too small.

use crate::present::report::RowView;
use serde::Serialize;

/// The widest text of each column of an indicator's value table, in
/// thousandths of an em.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnWidths {
    /// The longest row name, as regular text: the template keeps the rows
    /// one line high when every name fits on one line.
    pub navn: u32,
    /// One per year column: its widest figure, with the example mark `*`.
    #[serde(rename = "år")]
    pub aar: Vec<u32>,
    /// The change from the year before, which the template sets on two
    /// lines at ` (`: the wider line.
    pub forrige: u32,
    /// The same for the change from the baseline year.
    pub basis: u32,
}

/// The widths of a value table's columns.
pub fn column_widths(rows: &[RowView], years: usize) -> ColumnWidths {
    // A cell as printed, `44*` for an illustrative figure.
    let aar = (0..years).map(|j| widest(rows.iter().filter_map(|r| r.tekster.get(j)))).collect();
    ColumnWidths {
        navn: rows.iter().map(|r| name_width(&r.navn)).max().unwrap_or(0),
        aar,
        forrige: rows.iter().map(|r| two_lines(&r.forrige)).max().unwrap_or(0),
        basis: rows.iter().map(|r| two_lines(&r.basis)).max().unwrap_or(0),
    }
}

/// The widest of `texts` as figures, in thousandths of an em; 0 when there
/// are none.
pub fn widest<'a>(texts: impl Iterator<Item = &'a String>) -> u32 {
    texts.map(|t| figure_width(t)).max().unwrap_or(0)
}

/// The width of a figure's text in Libertinus Serif Bold: its digits are
/// all 0,514 em wide (tabular), the separators narrower.
pub fn figure_width(text: &str) -> u32 {
    text.chars()
        .map(|c| match c {
            '0'..='9' => 514,
            ',' | '.' => 244,
            ':' | ';' => 256,
            ' ' | '\u{a0}' => 250,
            '(' | ')' => 315,
            '/' => 316,
            '-' => 358,
            '*' => 433,
            '<' | '>' => 512,
            '–' => 534,
            '+' => 537,
            '−' => 540,
            '%' => 637,
            c if c.is_lowercase() => 910,
            _ => 1030,
        })
        .sum()
}

/// A name's width in Libertinus Serif Regular, about: its lowercase letters
/// are 0,48 em wide on average, `m` 0,8 em.
fn name_width(text: &str) -> u32 {
    text.chars()
        .map(|c| match c {
            ' ' | '\u{a0}' => 250,
            c if c.is_lowercase() => 560,
            c if c.is_uppercase() => 740,
            _ => 600,
        })
        .sum()
}

/// The wider line of a change set on two lines, broken before ` (`.
fn two_lines(text: &str) -> u32 {
    match text.split_once(" (") {
        Some((first, rest)) => figure_width(first).max(figure_width(rest) + figure_width("(")),
        None => figure_width(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SeriesKind;
    use crate::present::report::CellView;

    fn row(cells: &[(&str, bool)], forrige: &str, basis: &str) -> RowView {
        RowView::new(
            "Motalavej".into(),
            SeriesKind::Area,
            cells.iter().map(|&(t, e)| CellView { tekst: t.into(), eksempel: e }).collect(),
            forrige.into(),
            basis.into(),
        )
    }

    #[test]
    fn a_figure_is_as_wide_as_its_digits_and_separators() {
        // 1.186: four digits and a point.
        assert_eq!(figure_width("1.186"), 4 * 514 + 244);
        assert_eq!(figure_width("30,65"), 4 * 514 + 244);
        assert_eq!(figure_width("–"), 534);
        // A letter counts as wide.
        assert_eq!(figure_width("i"), 910);
    }

    #[test]
    fn each_column_holds_its_widest_figure_with_its_mark() {
        let rows = [
            row(&[("1.186", false), ("–", false)], "+2,0 (+2,7\u{a0}%)", "–"),
            row(&[("44", true), ("30,65", false)], "−13 (−13,0\u{a0}%)", "+4,2"),
        ];
        let w = column_widths(&rows, 2);
        assert_eq!(w.aar, vec![4 * 514 + 244, 4 * 514 + 244]);
        // `44*` is narrower than `1.186`.
        assert!(2 * 514 + 433 < w.aar[0]);
        // `(−13,0 %)` is the wider line of the second row's change.
        assert_eq!(w.forrige, 2 * 315 + 540 + 3 * 514 + 244 + 250 + 637);
        assert_eq!(w.basis, 537 + 2 * 514 + 244);
        // Motalavej: an uppercase and eight lowercase letters.
        assert_eq!(w.navn, 740 + 8 * 560);
    }

    #[test]
    fn a_table_without_rows_has_empty_columns() {
        let w = column_widths(&[], 3);
        assert_eq!(w.aar, vec![0, 0, 0]);
        assert_eq!((w.navn, w.forrige, w.basis), (0, 0, 0));
    }
}
