//! Tables: one file read into grids of exact cells, for `helhed importer`.
//!
//! [`read`] takes a file's bytes and gives a [`Workbook`]: one or more
//! [`Sheet`]s of [`Cell`]s, each cell empty, text or an exact decimal. What
//! the cells mean (which column is the year, which row an area) is the
//! caller's business; this module only reads faithfully, and says in Danish,
//! at the line or cell, why a file cannot be read.
//!
//! # Kinds
//!
//! The kind is told from the bytes (a zip archive is XLSX or ODS, an OLE file
//! XLS, a `{` JSON-stat, anything else text), and a name ending in `.xlsx`,
//! `.xls`, `.ods` or `.json` whose bytes are not that kind is refused.
//!
//! - **CSV** ([`delimited`]): `;`, `,` or tab separated, sniffed from the
//!   first records (the delimiter that splits most of them into the same
//!   number of columns, more than one; ties go to `;`, then tab, then `,`), or
//!   named by a first line `sep=;` as Excel writes it, or by
//!   [`Options::delimiter`]. UTF-8 with or without a byte order mark, UTF-16
//!   with one (Excel's «Unicode-tekst»), and otherwise Windows-1252. Quoted
//!   fields (delimiters, line breaks and doubled quotes inside) and CRLF or LF.
//!   Each [`Sheet`] row remembers its line ([`Sheet::lines`]).
//! - **XLSX, XLS, ODS** (`book`) through calamine: every visible worksheet,
//!   in the workbook's order, unless [`Options::sheet`] names one (hidden ones
//!   too); an unknown name is an error listing the sheets. A sheet is its
//!   used range without empty rows and columns at the edges ([`Sheet::origin`]
//!   says where it begins), and each row ends at its last non-empty cell.
//! - **JSON-stat** (`jsonstat`), as Statistikbanken's `format=JSONSTAT`
//!   gives it (version 1, `{"dataset": {…}}`) or version 2.0 (`"class":
//!   "dataset"`): flattened to one long sheet, one row per value.
//!
//! # Numbers
//!
//! A cell is a [`Cell::Number`] only when it is a number written plainly in
//! the file's dialect; anything else stays [`Cell::Text`] (trimmed), so a
//! suppression mark (`..`, `x`, `<5`, `-`) reaches the caller as written.
//!
//! In CSV the decimal mark is [`Options::decimal`], or sniffed from the
//! cells: `12,5` and `1.186,5` say comma, `30.65` and `1,186.5` point, while
//! `1.186` and `1,186` could be either and decide nothing. When nothing
//! decides, a `;`- or tab-separated file has decimal comma (Danish Excel) and a
//! `,`-separated one decimal point. With decimal comma, `.` may group
//! thousands in threes: `1.186` is 1186 and `1.186,5` is 1186.5, but `1.18`
//! is text. With decimal point no thousands separator is accepted: `1,186`
//! stays text, because it is as likely a Danish 1,186 as an English 1186,
//! and a figure a thousand times off is worse than one the caller reports.
//! A whole number with a leading zero (`0101`, a municipality code) stays
//! text too; `0,5` is a number. Exponents (`1E5`), percent signs and spaces
//! inside a number make it text. The number is parsed from its digits, never
//! through a float.
//!
//! Floats appear in two places only, where a library hands them over.
//! Spreadsheets store numbers as binary floats; [`number::from_f64`] turns
//! one into the decimal Excel shows (15 significant digits). JSON-stat
//! numbers are read by serde_json and written back as their shortest
//! decimal, which is exact for figures of up to 15 significant digits.
//!
//! # Limits
//!
//! A file is at most [`MAX_FILE_BYTES`]; a workbook at most [`MAX_CELLS`]
//! cells over all its sheets read (empty ones inside a table included), a
//! JSON-stat dataset at most that many cells once flattened, checked from its
//! `size` before any row is made (and a JSON file of over two million
//! arrays, objects and members is refused before it is parsed). A
//! spreadsheet whose used range would span more cells than that is refused
//! before a grid is allocated: XLSX is read cell by cell for this, and an
//! XLS file's cell records are scanned first (`xls`), because calamine reads
//! every sheet of it at once. For ODS, calamine's own limit (100 million
//! cells) holds until the range is checked here. Calamine unpacks a zip
//! archive (XLSX, ODS) itself; the file size is the bound on what it
//! unpacks. A panic inside calamine on a damaged file is caught and reported
//! as a damaged file.

mod book;
pub mod delimited;
mod jsonstat;
pub mod number;
mod xls;

use crate::model::diag::{Diagnostics, Pos};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// A file read as tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// The file, as given.
    pub file: PathBuf,
    /// What kind of file it was, and for CSV its dialect.
    pub kind: Kind,
    /// Its sheets: one for CSV and JSON-stat, the chosen ones for a workbook.
    pub sheets: Vec<Sheet>,
}

/// The kind of a file read as tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Delimited text, with the dialect it was read in.
    Csv {
        /// The field separator: `;`, `,` or tab.
        delimiter: u8,
        /// The decimal mark numbers were read with.
        decimal: DecimalMark,
        /// The text encoding.
        encoding: Encoding,
    },
    /// Office Open XML workbook (Excel 2007 and later).
    Xlsx,
    /// Binary Excel workbook (Excel 97-2003).
    Xls,
    /// OpenDocument spreadsheet (LibreOffice).
    Ods,
    /// A JSON-stat dataset (Statistikbanken's `JSONSTAT`).
    JsonStat,
}

/// The decimal mark of numbers written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `12,5`, with `.` grouping thousands (`1.186,5`): Danish.
    Comma,
    /// `12.5`, without thousands separators.
    Point,
}

/// The text encoding of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark (Excel's «CSV UTF-8»).
    Utf8Bom,
    /// UTF-16 with a byte order mark (Excel's «Unicode-tekst»).
    Utf16Bom,
    /// Windows-1252: bytes that are not UTF-8 (Excel's plain «CSV»).
    Windows1252,
}

/// One table: rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The sheet's name in a workbook, the dataset's label in JSON-stat;
    /// `None` for CSV.
    pub name: Option<String>,
    /// The rows, top first; rows may differ in length (CSV).
    pub rows: Vec<Vec<Cell>>,
    /// 0-based row and column of `rows[0][0]` in the sheet.
    pub origin: (u32, u32),
    /// For CSV, the 1-based line each row begins on (a quoted field may span
    /// lines, and blank lines are skipped); empty otherwise.
    pub lines: Vec<u64>,
    /// Whether the rows are a flattened JSON-stat dataset: a header row,
    /// then one row per value, its categories first and the value last.
    pub json_stat: bool,
}

/// One cell, exactly as the file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Nothing, or only spaces.
    Empty,
    /// Text, trimmed: a name, a heading, or a mark such as `..`.
    Text(String),
    /// A number, exact.
    Number(Decimal),
}

impl Cell {
    /// The cell as text for a message: the text, the number with the
    /// file's digits, or nothing.
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

impl Sheet {
    /// Where a cell is, for a message: `C4` (A1 style, counting from the
    /// sheet's first cell); for CSV with the line when it differs from the
    /// row (`C4, linje 6`); for JSON-stat the value and its categories
    /// (`værdi nr. 18 (OMRÅDE=Slagelse, TID=2018)`).
    pub fn place(&self, row: usize, col: usize) -> String {
        if self.json_stat {
            return self.value_place(row);
        }
        let r = u64::from(self.origin.0) + row as u64 + 1;
        let c = u64::from(self.origin.1) + col as u64;
        let a1 = format!("{}{r}", column_name(c));
        match self.lines.get(row) {
            Some(&line) if line != r => format!("{a1}, linje {line}"),
            _ => a1,
        }
    }

    fn value_place(&self, row: usize) -> String {
        if row == 0 {
            return "kolonneoverskrifterne".to_string();
        }
        let (Some(header), Some(cells)) = (self.rows.first(), self.rows.get(row)) else {
            return format!("værdi nr. {row}");
        };
        let dims: Vec<String> = header
            .iter()
            .zip(cells)
            .take(header.len().saturating_sub(1))
            .map(|(h, c)| format!("{}={}", h.as_text(), c.as_text()))
            .collect();
        if dims.is_empty() { format!("værdi nr. {row}") } else { format!("værdi nr. {row} ({})", dims.join(", ")) }
    }
}

/// The letters of a 0-based column: 0 is `A`, 25 `Z`, 26 `AA`.
pub fn column_name(col: u64) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// What the user said about how to read a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The one sheet of a workbook to read, by name.
    pub sheet: Option<String>,
    /// The CSV delimiter, instead of sniffing it.
    pub delimiter: Option<u8>,
    /// The CSV decimal mark, instead of sniffing it.
    pub decimal: Option<DecimalMark>,
}

/// The largest file read as a table: Statistikbanken's larger extracts and
/// a workbook of many sheets fit well within it.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The most cells read from one file, empty ones inside a table included.
pub const MAX_CELLS: usize = 1_000_000;

/// Reads `path` (a regular file of at most [`MAX_FILE_BYTES`]) and then
/// [`read`]s it.
pub fn read_file(path: &Path, options: &Options, diags: &mut Diagnostics) -> Option<Workbook> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(m) if m.is_dir() => {
            diags.error(path, None, "er en mappe; angiv en fil (CSV, XLSX, XLS, ODS eller JSON-stat)");
            return None;
        }
        Ok(_) => {
            diags.error(path, None, "er ikke en almindelig fil (men fx en FIFO eller en enhed) og læses ikke");
            return None;
        }
        Err(e) => {
            diags.error(path, None, format!("kan ikke læses: {e}"));
            return None;
        }
    }
    let bytes = match read_limited(path, MAX_FILE_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            diags.error(path, None, too_large());
            return None;
        }
        Err(e) => {
            diags.error(path, None, format!("kan ikke læses: {e}"));
            return None;
        }
    };
    read(path, &bytes, options, diags)
}

fn too_large() -> String {
    format!("filen er over {} MB; en tabel, der importeres, må højst fylde så meget", MAX_FILE_BYTES / (1024 * 1024))
}

/// At most `limit` bytes of a file, or `None` when it has more.
fn read_limited(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Reads one file's bytes as tables. Problems go into `diags`, located;
/// `None` when the file cannot be read at all.
pub fn read(path: &Path, bytes: &[u8], options: &Options, diags: &mut Diagnostics) -> Option<Workbook> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        diags.error(path, None, too_large());
        return None;
    }
    let kind = detect(path, bytes).map_err(|message| diags.error(path, None, message)).ok()?;
    let (kind, sheets) = match kind {
        Detected::Text => {
            let (kind, sheet) = delimited::read(path, bytes, options, diags)?;
            (kind, vec![sheet])
        }
        Detected::Json => (Kind::JsonStat, vec![jsonstat::read(path, bytes, diags)?]),
        Detected::Book(kind) => (kind, book::read(path, bytes, kind, options, diags)?),
    };
    Some(Workbook { file: path.to_path_buf(), kind, sheets })
}

/// What the bytes look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detected {
    Text,
    Json,
    Book(Kind),
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const ODS_MIME: &[u8] = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet";

/// The kind of a file from its bytes, checked against its name's ending.
fn detect(path: &Path, bytes: &[u8]) -> Result<Detected, String> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let by_bytes = if bytes.starts_with(ZIP) {
        // An ODS file's first entry is its uncompressed mimetype, right
        // after the 30-byte local header.
        if bytes.get(30..).is_some_and(|b| b.starts_with(ODS_MIME)) || ext == "ods" {
            Detected::Book(Kind::Ods)
        } else {
            Detected::Book(Kind::Xlsx)
        }
    } else if bytes.starts_with(OLE) {
        Detected::Book(Kind::Xls)
    } else if bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().find(|b| !b.is_ascii_whitespace())
        == Some(&b'{')
    {
        Detected::Json
    } else {
        Detected::Text
    };
    let named = match ext.as_str() {
        "xlsx" | "xlsm" => Some(("en Excel-fil (.xlsx)", Detected::Book(Kind::Xlsx))),
        "xls" => Some(("en Excel 97-2003-fil (.xls)", Detected::Book(Kind::Xls))),
        "ods" => Some(("et OpenDocument-regneark (.ods)", Detected::Book(Kind::Ods))),
        "json" => Some(("JSON-stat", Detected::Json)),
        "xlsb" => return Err("binære Excel-filer (.xlsb) læses ikke; gem filen som .xlsx eller CSV".to_string()),
        _ => None,
    };
    match named {
        Some((what, want)) if want != by_bytes => {
            let is = match by_bytes {
                Detected::Text => "tekst".to_string(),
                Detected::Json => "JSON".to_string(),
                Detected::Book(Kind::Xlsx) => "en Excel-fil (.xlsx)".to_string(),
                Detected::Book(Kind::Xls) => "en Excel 97-2003-fil (.xls)".to_string(),
                Detected::Book(_) => "et OpenDocument-regneark (.ods)".to_string(),
            };
            Err(format!(
                "filen hedder .{ext}, men er ikke {what}: dens indhold ligner {is}; gem den igen i det rigtige format"
            ))
        }
        _ => Ok(by_bytes),
    }
}

/// The 1-based line and column of a byte offset in text.
fn pos_at(text: &[u8], at: usize) -> Pos {
    let before = &text[..at.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    Pos { line, column }
}

/// A count in Danish: `1.000.000`.
fn number_da(n: usize) -> String {
    crate::model::text::format_da(Decimal::from(n as u64), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn columns_are_named_as_in_a_spreadsheet() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        assert_eq!(column_name(16_383), "XFD");
    }

    #[test]
    fn a_place_counts_from_the_sheets_first_cell() {
        let sheet = Sheet { origin: (2, 1), rows: vec![vec![Cell::Empty; 3]; 2], ..Sheet::default() };
        assert_eq!(sheet.place(0, 0), "B3");
        assert_eq!(sheet.place(1, 2), "D4");
        let csv = Sheet { lines: vec![1, 2, 4], rows: vec![vec![Cell::Empty]; 3], ..Sheet::default() };
        assert_eq!(csv.place(1, 0), "A2");
        assert_eq!(csv.place(2, 2), "C3, linje 4");
    }

    #[test]
    fn a_json_stat_place_names_the_value_and_its_categories() {
        let t = |s: &str| Cell::Text(s.to_string());
        let sheet = Sheet {
            json_stat: true,
            rows: vec![
                vec![t("OMRÅDE"), t("TID"), t("INDHOLD")],
                vec![t("Slagelse"), t("2018"), Cell::Number(d("79098"))],
            ],
            ..Sheet::default()
        };
        assert_eq!(sheet.place(1, 2), "værdi nr. 1 (OMRÅDE=Slagelse, TID=2018)");
        assert_eq!(sheet.place(0, 1), "kolonneoverskrifterne");
    }

    #[test]
    fn the_kind_comes_from_the_bytes_and_must_match_the_name() {
        let p = Path::new;
        assert_eq!(detect(p("a.csv"), b"a;b\n1;2\n"), Ok(Detected::Text));
        assert_eq!(detect(p("a.txt"), b"\xEF\xBB\xBF {\"dataset\":{}}"), Ok(Detected::Json));
        assert_eq!(detect(p("a"), b"PK\x03\x04rest"), Ok(Detected::Book(Kind::Xlsx)));
        assert_eq!(detect(p("a.xls"), OLE), Ok(Detected::Book(Kind::Xls)));
        let mut ods = b"PK\x03\x04".to_vec();
        ods.resize(30, 0);
        ods.extend_from_slice(ODS_MIME);
        assert_eq!(detect(p("a.zip"), &ods), Ok(Detected::Book(Kind::Ods)));
        let err = detect(p("tal.xlsx"), b"a;b\n").unwrap_err();
        assert_eq!(
            err,
            "filen hedder .xlsx, men er ikke en Excel-fil (.xlsx): dens indhold ligner tekst; gem den igen i det rigtige format"
        );
        assert!(detect(p("a.xlsb"), b"PK\x03\x04").unwrap_err().contains(".xlsb"));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stor.csv");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let mut diags = Diagnostics::default();
        assert_eq!(read_file(&path, &Options::default(), &mut diags), None);
        let messages: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        assert_eq!(messages, ["filen er over 50 MB; en tabel, der importeres, må højst fylde så meget"]);

        let mut diags = Diagnostics::default();
        assert_eq!(read_file(dir.path(), &Options::default(), &mut diags), None);
        assert!(diags.iter().next().unwrap().message.starts_with("er en mappe"));
    }

    #[test]
    fn read_file_reads_a_small_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lille.csv");
        std::fs::write(&path, "område;værdi\nSydbyen;12,5\n").unwrap();
        let mut diags = Diagnostics::default();
        let book = read_file(&path, &Options::default(), &mut diags).unwrap();
        assert!(diags.is_empty());
        assert_eq!(book.kind, Kind::Csv { delimiter: b';', decimal: DecimalMark::Comma, encoding: Encoding::Utf8 });
        assert_eq!(book.sheets[0].rows[1], vec![Cell::Text("Sydbyen".into()), Cell::Number(d("12.5"))]);
    }

    #[test]
    fn positions_count_characters() {
        assert_eq!(pos_at("ab\næø x".as_bytes(), "ab\næø ".len()), Pos { line: 2, column: 4 });
    }
}

#[cfg(test)]
mod damaged {
    //! Damaged files: every fixture cut short and with bytes changed is read
    //! or refused, never a panic.
    use super::*;

    const FIXTURES: [(&str, &[u8]); 6] = [
        ("a.xlsx", include_bytes!("../../tests/fixtures/import/beboerdata.xlsx")),
        ("a.xls", include_bytes!("../../tests/fixtures/import/beboerdata.xls")),
        ("a.ods", include_bytes!("../../tests/fixtures/import/beboerdata.ods")),
        ("a.json", include_bytes!("../../tests/fixtures/import/statistikbanken-folk1a.json")),
        ("a.csv", include_bytes!("../../tests/fixtures/import/statistikbanken-folk1a.csv")),
        ("a.csv", include_bytes!("../../tests/fixtures/import/lang.csv")),
    ];

    #[test]
    fn damaged_files_are_read_or_refused_without_a_panic() {
        for (name, bytes) in FIXTURES {
            let step = (bytes.len() / 97).max(1);
            for cut in (0..bytes.len()).step_by(step) {
                let mut diags = Diagnostics::default();
                let _ = read(Path::new(name), &bytes[..cut], &Options::default(), &mut diags);
            }
            // A simple deterministic sequence of positions and values.
            let mut x: u64 = 0x2545_F491_4F6C_DD1D;
            for _ in 0..300 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let mut damaged = bytes.to_vec();
                let at = (x % bytes.len() as u64) as usize;
                damaged[at] = (x >> 32) as u8;
                let at2 = ((x >> 20) % bytes.len() as u64) as usize;
                damaged[at2] = (x >> 40) as u8;
                let mut diags = Diagnostics::default();
                let read = read(Path::new(name), &damaged, &Options::default(), &mut diags);
                assert!(read.is_some() || diags.has_errors(), "{name}: neither read nor refused");
            }
        }
    }
}
