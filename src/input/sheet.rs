//! Placeholder for the table reader (being written on branch `sheet`): the
//! interface the importer is written against.
#![allow(dead_code, missing_docs)]

use crate::model::diag::Diagnostics;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

pub struct Workbook {
    pub file: PathBuf,
    pub kind: Kind,
    pub sheets: Vec<Sheet>,
}
pub enum Kind {
    Csv,
    Xlsx,
    Xls,
    Ods,
    JsonStat,
}
pub struct Sheet {
    pub name: Option<String>,
    pub rows: Vec<Vec<Cell>>,
    pub origin: (u32, u32),
}
pub enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
}
impl Sheet {
    pub fn place(&self, row: usize, col: usize) -> String {
        format!("{}{}", col, row)
    }
}
#[derive(Default)]
pub struct Options {
    pub sheet: Option<String>,
    pub delimiter: Option<u8>,
    pub decimal: Option<DecimalMark>,
}
pub enum DecimalMark {
    Comma,
    Point,
}
pub fn read_file(path: &Path, options: &Options, diags: &mut Diagnostics) -> Option<Workbook> {
    let _ = (path, options, diags);
    None
}
