//! Workbooks: the fixtures of `tests/fixtures/import/`, made by its
//! `make_beboerdata.py` (XLSX by hand, ODS and XLS by LibreOffice).

use super::*;
use crate::input::sheet::{Workbook, read};

const XLSX: &[u8] = include_bytes!("../../../../tests/fixtures/import/beboerdata.xlsx");
const ODS: &[u8] = include_bytes!("../../../../tests/fixtures/import/beboerdata.ods");
const XLS: &[u8] = include_bytes!("../../../../tests/fixtures/import/beboerdata.xls");
const SPREAD: &[u8] = include_bytes!("../../../../tests/fixtures/import/spredt.xlsx");

fn n(s: &str) -> Cell {
    Cell::Number(s.parse().unwrap())
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn read_ok(name: &str, bytes: &[u8], options: &Options) -> Workbook {
    let mut diags = Diagnostics::default();
    let book = read(Path::new(name), bytes, options, &mut diags);
    assert!(diags.is_empty(), "{:?}", diags.sorted());
    book.unwrap()
}

fn errors(name: &str, bytes: &[u8], options: &Options) -> Vec<String> {
    let mut diags = Diagnostics::default();
    assert_eq!(read(Path::new(name), bytes, options, &mut diags), None);
    diags.sorted().iter().map(ToString::to_string).collect()
}

/// The first sheet of beboerdata, whatever the format.
fn assert_beboere(sheet: &Sheet) {
    assert_eq!(sheet.name.as_deref(), Some("Beboere"));
    assert_eq!(sheet.origin, (0, 0));
    assert_eq!(sheet.rows[0], vec![t("Beboerdata: antal beboere pr. 1. januar")]);
    assert_eq!(sheet.rows[1], vec![t("Kilde: Landsbyggefonden, Beboerdata (eksempeldata til test)")]);
    assert!(sheet.rows[2].iter().all(|c| *c == Cell::Empty));
    assert_eq!(sheet.rows[3], vec![t("Boligafdeling"), n("2014"), n("2015"), n("2016"), n("2017"), n("2018")]);
    assert_eq!(sheet.rows[4], vec![t("Motalavej"), n("512"), n("498"), n("505"), n("517"), n("530")]);
    assert_eq!(sheet.rows[5], vec![t("Ringparken"), n("1186"), n("1203"), n("1195"), n("1210"), n("1224")]);
    assert_eq!(sheet.rows[6], vec![t("Schackenborgvænge"), n("402"), n("398"), t(".."), n("411"), n("415")]);
    assert_eq!(sheet.rows[7], vec![t("Sydbyen"), n("2045"), n("2061"), n("2078"), n("2090"), n("2102")]);
    assert_eq!(sheet.rows.len(), 8);
    assert_eq!(sheet.place(5, 5), "F6");
}

fn assert_andel(sheet: &Sheet) {
    assert_eq!(sheet.name.as_deref(), Some("Andel unge"));
    // The table begins at B2.
    assert_eq!(sheet.origin, (1, 1));
    assert_eq!(sheet.rows[3][0], t("Boligafdeling"));
    assert_eq!(sheet.rows[4], vec![t("Motalavej"), n("30.65"), n("29.8"), n("31.2"), n("30.1"), n("29.95")]);
    assert_eq!(sheet.rows[5], vec![t("Ringparken"), n("35.4"), n("36.05"), n("35.9"), n("36.6"), n("37.15")]);
    assert_eq!(sheet.rows[6], vec![t("Schackenborgvænge"), n("28.7"), t("x"), n("27.95"), n("28.3"), n("28.85")]);
    assert_eq!(sheet.place(4, 1), "C6");
}

#[test]
fn xlsx_gives_every_visible_sheet_with_exact_numbers() {
    let book = read_ok("beboerdata.xlsx", XLSX, &Options::default());
    assert_eq!(book.kind, Kind::Xlsx);
    assert_eq!(book.sheets.len(), 2, "the hidden sheet «Opslag» is left out");
    assert_beboere(&book.sheets[0]);
    assert_andel(&book.sheets[1]);
}

#[test]
fn ods_and_xls_read_the_same() {
    for (name, bytes, kind) in [("beboerdata.ods", ODS, Kind::Ods), ("beboerdata.xls", XLS, Kind::Xls)] {
        let book = read_ok(name, bytes, &Options::default());
        assert_eq!(book.kind, kind, "{name}");
        assert_eq!(book.sheets.len(), 2, "{name}");
        assert_beboere(&book.sheets[0]);
        assert_andel(&book.sheets[1]);
    }
}

#[test]
fn a_sheet_is_chosen_by_name_hidden_or_not() {
    let options = |s: &str| Options { sheet: Some(s.to_string()), ..Options::default() };
    let book = read_ok("beboerdata.xlsx", XLSX, &options("Andel unge"));
    assert_eq!(book.sheets.len(), 1);
    assert_andel(&book.sheets[0]);
    let book = read_ok("beboerdata.xlsx", XLSX, &options("opslag"));
    assert_eq!(book.sheets[0].name.as_deref(), Some("Opslag"));
    assert_eq!(book.sheets[0].rows, vec![vec![t("skjult ark")], vec![n("1")]]);
}

#[test]
fn an_unknown_sheet_lists_the_sheets_and_the_closest() {
    let options = Options { sheet: Some("Beboer".to_string()), ..Options::default() };
    assert_eq!(
        errors("beboerdata.xlsx", XLSX, &options),
        [
            "fejl: beboerdata.xlsx: arket «Beboer» findes ikke; filens ark er «Beboere», «Andel unge» og «Opslag»; mente du «Beboere»?"
        ]
    );
    let options = Options { sheet: Some("Budget".to_string()), ..Options::default() };
    assert_eq!(
        errors("beboerdata.ods", ODS, &options),
        ["fejl: beboerdata.ods: arket «Budget» findes ikke; filens ark er «Beboere», «Andel unge» og «Opslag»"]
    );
}

#[test]
fn cells_far_apart_are_refused_before_a_grid_is_made() {
    assert_eq!(
        errors("spredt.xlsx", SPREAD, &Options::default()),
        ["fejl: spredt.xlsx: arket «Ark1» spænder over A1:XFD1048576 (1048576 rækker og 16384 kolonner), \
             over 1.000.000 celler; slet de celler, der ligger langt fra tabellen"]
    );
}

#[test]
fn a_broken_workbook_is_an_error() {
    let mut broken = XLSX[..XLSX.len() / 2].to_vec();
    broken.extend_from_slice(b"garbage");
    let errs = errors("beboerdata.xlsx", &broken, &Options::default());
    assert_eq!(errs.len(), 1);
    assert!(errs[0].starts_with("fejl: beboerdata.xlsx: kan ikke læses som en Excel-fil (.xlsx): "), "{errs:?}");
}

#[test]
fn booleans_errors_and_dates_become_text() {
    assert_eq!(from_data(&Data::Bool(true)), t("SAND"));
    assert_eq!(from_data(&Data::Error(calamine::CellErrorType::Div0)), t("#DIV/0!"));
    assert_eq!(from_data(&Data::String("  Sydbyen ".into())), t("Sydbyen"));
    assert_eq!(from_data(&Data::String("   ".into())), Cell::Empty);
    assert_eq!(from_data(&Data::Int(-3)), n("-3"));
    let date = ExcelDateTime::new(43_101.0, calamine::ExcelDateTimeType::DateTime, false);
    assert_eq!(from_data(&Data::DateTime(date)), t("2018-01-01"));
    let time = ExcelDateTime::new(43_101.5, calamine::ExcelDateTimeType::DateTime, false);
    assert_eq!(from_data(&Data::DateTime(time)), t("2018-01-01 kl. 12:00"));
}

#[test]
fn empty_edges_are_trimmed_and_the_origin_follows() {
    let e = Cell::Empty;
    let sheet = trimmed(Sheet {
        rows: vec![vec![e.clone(); 3], vec![e.clone(), t("a"), e.clone()], vec![e.clone(), e.clone(), n("1")]],
        origin: (4, 2),
        ..Sheet::default()
    });
    assert_eq!(sheet.rows, vec![vec![t("a")], vec![e, n("1")]]);
    assert_eq!(sheet.origin, (5, 3));
    assert_eq!(sheet.place(1, 1), "E7");
}
