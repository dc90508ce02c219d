//! CSV in its common dialects: the encoding, the delimiter and the decimal
//! mark, each sniffed unless the user named it (see the module doc of
//! `sheet`).

use super::number::{self, Evidence};
use super::{Cell, DecimalMark, Encoding, Kind, MAX_CELLS, Options, Sheet, pos_at};
use crate::model::diag::{Diagnostics, Pos};
use std::borrow::Cow;
use std::path::Path;

/// The delimiters sniffed for, in the order ties are broken.
const DELIMITERS: [u8; 3] = [b';', b'\t', b','];

/// How many records the delimiter is sniffed from.
const SNIFF_RECORDS: usize = 50;

/// Reads delimited text into one sheet, with the dialect it was read in.
pub(super) fn read(path: &Path, bytes: &[u8], options: &Options, diags: &mut Diagnostics) -> Option<(Kind, Sheet)> {
    let (text, encoding) = decode(path, bytes, diags)?;
    if let Some(at) = text.find('\0') {
        diags.error(
            path,
            Some(pos_at(text.as_bytes(), at)),
            "filen indeholder et NUL-tegn og er ikke en tekstfil; gem tabellen som CSV, XLSX eller ODS",
        );
        return None;
    }
    // Excel's hint on the first line: `sep=;`.
    let (hinted, body, skipped) = match sep_line(&text) {
        Some((delimiter, rest)) => (Some(delimiter), rest, 1),
        None => (None, &text[..], 0),
    };
    let delimiter = options.delimiter.or(hinted).unwrap_or_else(|| sniff_delimiter(body));
    if matches!(delimiter, b'"' | b'\r' | b'\n') || !delimiter.is_ascii() {
        let shown = if delimiter.is_ascii_graphic() {
            format!("«{}»", char::from(delimiter))
        } else {
            format!("tegn {delimiter}")
        };
        diags.error(path, None, format!("{shown} kan ikke skille kolonner; brug fx «;», «,» eller tabulator"));
        return None;
    }
    let (raw, lines) = records(path, body, delimiter, skipped, diags)?;
    if raw.is_empty() {
        diags.error(path, None, "filen er tom: der er ingen rækker at importere");
        return None;
    }
    let decimal = options.decimal.unwrap_or_else(|| sniff_decimal(&raw, delimiter));
    let rows = raw.into_iter().map(|record| record.into_iter().map(|field| cell(&field, decimal)).collect()).collect();
    let kind = Kind::Csv { delimiter, decimal, encoding };
    Some((kind, Sheet { name: None, rows, origin: (0, 0), lines, json_stat: false }))
}

/// One field as a cell.
fn cell(field: &str, decimal: DecimalMark) -> Cell {
    let field = field.trim();
    if field.is_empty() {
        Cell::Empty
    } else if let Some(n) = number::parse(field, decimal) {
        Cell::Number(n)
    } else {
        Cell::Text(field.to_string())
    }
}

/// The text of the bytes and its encoding: UTF-8 with or without a byte
/// order mark, UTF-16 with one, else Windows-1252.
pub fn decode<'a>(path: &Path, bytes: &'a [u8], diags: &mut Diagnostics) -> Option<(Cow<'a, str>, Encoding)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Some((Cow::Borrowed(text), Encoding::Utf8Bom)),
            Err(e) => {
                let at = e.valid_up_to();
                diags.error(
                    path,
                    Some(pos_at(rest, at)),
                    "filen begynder som UTF-8 (med BOM), men indeholder bytes, der ikke er UTF-8; gem den igen som «CSV UTF-8»",
                );
                None
            }
        };
    }
    for (bom, encoding) in [(&b"\xFF\xFE"[..], encoding_rs::UTF_16LE), (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return match encoding.decode_without_bom_handling_and_without_replacement(rest) {
                Some(text) => Some((Cow::Owned(text.into_owned()), Encoding::Utf16Bom)),
                None => {
                    diags.error(path, None, "filen begynder som UTF-16-tekst, men er ikke gyldig UTF-16");
                    None
                }
            };
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((Cow::Borrowed(text), Encoding::Utf8));
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    Some((text, Encoding::Windows1252))
}

/// A first line `sep=X` (Excel's way of naming the delimiter): the
/// delimiter and the text after that line.
fn sep_line(text: &str) -> Option<(u8, &str)> {
    let rest = text.strip_prefix("sep=").or_else(|| text.strip_prefix("SEP="))?;
    let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
    let line = line.strip_suffix('\r').unwrap_or(line);
    let [delimiter] = line.as_bytes() else { return None };
    Some((*delimiter, after))
}

/// The delimiter that splits the most of the first records into the same
/// number of fields, more than one; `;` when none does.
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (0, b';');
    for delimiter in DELIMITERS {
        let mut reader = reader(text, delimiter);
        let counts: Vec<usize> = reader.records().take(SNIFF_RECORDS).filter_map(Result::ok).map(|r| r.len()).collect();
        // The most common field count above one, and how many records have it.
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for &n in counts.iter().filter(|&&n| n > 1) {
            match tally.iter_mut().find(|(count, _)| *count == n) {
                Some((_, times)) => *times += 1,
                None => tally.push((n, 1)),
            }
        }
        let score = tally.iter().map(|&(_, times)| times).max().unwrap_or(0);
        if score > best.0 {
            best = (score, delimiter);
        }
    }
    best.1
}

/// The decimal mark the cells agree on; when they say nothing or disagree,
/// comma for `;` and tab, point for `,`.
pub fn sniff_decimal(rows: &[Vec<String>], delimiter: u8) -> DecimalMark {
    let default = if delimiter == b',' { DecimalMark::Point } else { DecimalMark::Comma };
    let (mut comma, mut point) = (0usize, 0usize);
    for field in rows.iter().flatten() {
        match number::evidence(field) {
            Evidence::Comma => comma += 1,
            Evidence::Point => point += 1,
            Evidence::Either | Evidence::Nothing => {}
        }
    }
    match (comma, point) {
        (c, 0) if c > 0 => DecimalMark::Comma,
        (0, p) if p > 0 => DecimalMark::Point,
        _ => default,
    }
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes())
}

/// The records as text, and the line each begins on; at most
/// [`MAX_CELLS`] fields in all.
fn records(
    path: &Path,
    text: &str,
    delimiter: u8,
    skipped: u64,
    diags: &mut Diagnostics,
) -> Option<(Vec<Vec<String>>, Vec<u64>)> {
    let mut reader = reader(text, delimiter);
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    let mut cells = 0usize;
    let mut record = csv::StringRecord::new();
    // The line of a byte offset, counted onwards from the last one asked
    // (records come in order), so the whole file is counted once.
    let bytes = text.as_bytes();
    let (mut counted_to, mut newlines) = (0usize, 0u64);
    let mut lines_to = |byte: u64| {
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        // After a CRLF the reader may point at its LF; a record begins
        // after the line break.
        while matches!(bytes.get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        if byte > counted_to {
            newlines += bytes[counted_to..byte].iter().filter(|&&b| b == b'\n').count() as u64;
            counted_to = byte;
        }
        newlines + 1
    };
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines_to(record.position().map_or(0, |p| p.byte())) + skipped;
                cells += record.len();
                if cells > MAX_CELLS {
                    diags.error(
                        path,
                        Some(Pos { line: line as usize, column: 1 }),
                        format!(
                            "tabellen har over {} celler; del den op, eller vælg de rækker og kolonner, der skal importeres",
                            super::number_da(MAX_CELLS)
                        ),
                    );
                    return None;
                }
                rows.push(record.iter().map(str::to_string).collect());
                lines.push(line);
            }
            Err(e) => {
                let line = lines_to(e.position().map_or(0, |p| p.byte())) + skipped;
                diags.error(
                    path,
                    Some(Pos { line: line as usize, column: 1 }),
                    format!("CSV-filen kan ikke læses: {e}"),
                );
                return None;
            }
        }
    }
    Some((rows, lines))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Cell {
        Cell::Number(s.parse::<Decimal>().unwrap())
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    fn read_ok(bytes: &[u8], options: &Options) -> (Kind, Sheet) {
        let mut diags = Diagnostics::default();
        let read = read(Path::new("tal.csv"), bytes, options, &mut diags);
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        read.unwrap()
    }

    fn errors(bytes: &[u8]) -> Vec<String> {
        let mut diags = Diagnostics::default();
        assert_eq!(read(Path::new("tal.csv"), bytes, &Options::default(), &mut diags), None);
        diags.sorted().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn semicolons_and_decimal_comma_are_danish() {
        let (kind, sheet) = read_ok(
            b"omr\xC3\xA5de;\xC3\xA5r;v\xC3\xA6rdi\r\nSydbyen;2018;1.186,5\r\nMotalavej;2018;..\r\n",
            &Options::default(),
        );
        assert_eq!(kind, Kind::Csv { delimiter: b';', decimal: DecimalMark::Comma, encoding: Encoding::Utf8 });
        assert_eq!(
            sheet.rows,
            vec![
                vec![t("område"), t("år"), t("værdi")],
                vec![t("Sydbyen"), d("2018"), d("1186.5")],
                vec![t("Motalavej"), d("2018"), t("..")],
            ]
        );
        assert_eq!(sheet.lines, [1, 2, 3]);
    }

    #[test]
    fn commas_and_decimal_point_are_english() {
        let (kind, sheet) =
            read_ok(b"area,year,value\nSydbyen,2018,30.65\nRingparken,2018,\"1,186\"\n", &Options::default());
        assert_eq!(kind, Kind::Csv { delimiter: b',', decimal: DecimalMark::Point, encoding: Encoding::Utf8 });
        assert_eq!(sheet.rows[1], vec![t("Sydbyen"), d("2018"), d("30.65")]);
        // Thousands or a Danish decimal? Left to the caller as text.
        assert_eq!(sheet.rows[2], vec![t("Ringparken"), d("2018"), t("1,186")]);
    }

    #[test]
    fn a_quote_or_line_break_cannot_delimit() {
        let mut diags = Diagnostics::default();
        let options = Options { delimiter: Some(b'"'), ..Options::default() };
        assert_eq!(read(Path::new("tal.csv"), b"a;b\n", &options, &mut diags), None);
        assert_eq!(
            diags.sorted()[0].to_string(),
            "fejl: tal.csv: «\"» kan ikke skille kolonner; brug fx «;», «,» eller tabulator"
        );
    }

    #[test]
    fn tabs_are_found() {
        let (kind, sheet) = read_ok(b"a\tb\n1\t2,5\n", &Options::default());
        assert_eq!(kind, Kind::Csv { delimiter: b'\t', decimal: DecimalMark::Comma, encoding: Encoding::Utf8 });
        assert_eq!(sheet.rows[1], vec![d("1"), d("2.5")]);
    }

    #[test]
    fn the_cells_decide_the_decimal_mark_when_they_can() {
        // `;` with points: the cells say point.
        let (kind, sheet) = read_ok(b"a;b\nx;30.65\ny;1.5\n", &Options::default());
        assert!(matches!(kind, Kind::Csv { decimal: DecimalMark::Point, .. }));
        assert_eq!(sheet.rows[1][1], d("30.65"));
        // Only `1.186`: either way, so the delimiter's default, comma.
        let (kind, sheet) = read_ok(b"a;b\nx;1.186\n", &Options::default());
        assert!(matches!(kind, Kind::Csv { decimal: DecimalMark::Comma, .. }));
        assert_eq!(sheet.rows[1][1], d("1186"));
        // `,` with quoted decimal commas.
        let (kind, _) = read_ok(b"a,b\nx,\"12,5\"\n", &Options::default());
        assert!(matches!(kind, Kind::Csv { delimiter: b',', decimal: DecimalMark::Comma, .. }));
    }

    #[test]
    fn options_override_the_sniffing() {
        let options = Options { delimiter: Some(b','), decimal: Some(DecimalMark::Point), sheet: None };
        let (kind, sheet) = read_ok(b"a;b,c\n1.5;2,3\n", &options);
        assert_eq!(kind, Kind::Csv { delimiter: b',', decimal: DecimalMark::Point, encoding: Encoding::Utf8 });
        assert_eq!(sheet.rows[1], vec![t("1.5;2"), d("3")]);
    }

    #[test]
    fn windows_1252_is_read_when_the_bytes_are_not_utf8() {
        // «Skælskør;Ålholm;æøå» in Windows-1252.
        let (kind, sheet) = read_ok(b"Sk\xE6lsk\xF8r;\xC5lholm\n\xE6\xF8\xE5;12,5\n", &Options::default());
        assert_eq!(kind, Kind::Csv { delimiter: b';', decimal: DecimalMark::Comma, encoding: Encoding::Windows1252 });
        assert_eq!(sheet.rows, vec![vec![t("Skælskør"), t("Ålholm")], vec![t("æøå"), d("12.5")]]);
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_cell() {
        let (kind, sheet) = read_ok("\u{FEFF}område,værdi\nSydbyen,3.5\n".as_bytes(), &Options::default());
        assert_eq!(kind, Kind::Csv { delimiter: b',', decimal: DecimalMark::Point, encoding: Encoding::Utf8Bom });
        assert_eq!(sheet.rows[0][0], t("område"));
        assert_eq!(sheet.rows[1][1], d("3.5"));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "år\tværdi\r\n2018\t12,5\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let (kind, sheet) = read_ok(&bytes, &Options::default());
        assert_eq!(kind, Kind::Csv { delimiter: b'\t', decimal: DecimalMark::Comma, encoding: Encoding::Utf16Bom });
        assert_eq!(sheet.rows, vec![vec![t("år"), t("værdi")], vec![d("2018"), d("12.5")]]);
    }

    #[test]
    fn quoted_fields_keep_delimiters_line_breaks_and_quotes() {
        let text =
            "navn;note;tal\n\"Ringparken; øst\";\"to\nlinjer\";\"1.186,5\"\n\"Han sagde \"\"hej\"\"\";x;\"  7 \"\n";
        let (_, sheet) = read_ok(text.as_bytes(), &Options::default());
        assert_eq!(sheet.rows[1], vec![t("Ringparken; øst"), t("to\nlinjer"), d("1186.5")]);
        assert_eq!(sheet.rows[2], vec![t("Han sagde \"hej\""), t("x"), d("7")]);
        assert_eq!(sheet.lines, [1, 2, 4]);
        assert_eq!(sheet.place(2, 1), "B3, linje 4");
    }

    #[test]
    fn suppression_marks_and_empty_cells_stay_as_written() {
        let (_, sheet) = read_ok(b"a;b;c;d;e\n..;x;<5;-;\n", &Options::default());
        assert_eq!(sheet.rows[1], vec![t(".."), t("x"), t("<5"), t("-"), Cell::Empty]);
    }

    #[test]
    fn excels_sep_line_names_the_delimiter() {
        let (kind, sheet) = read_ok(b"sep=,\r\na,b\r\n1,2\r\n", &Options::default());
        assert!(matches!(kind, Kind::Csv { delimiter: b',', .. }));
        assert_eq!(sheet.rows, vec![vec![t("a"), t("b")], vec![d("1"), d("2")]]);
        assert_eq!(sheet.lines, [2, 3]);
    }

    #[test]
    fn a_title_line_does_not_hide_the_delimiter() {
        let text = "Folketal efter område og tid\n;2016;2017;2018\nSlagelse;78.000;78.500;79.000\nHele landet;5.700.000;5.750.000;5.780.000\n";
        let (kind, sheet) = read_ok(text.as_bytes(), &Options::default());
        assert!(matches!(kind, Kind::Csv { delimiter: b';', decimal: DecimalMark::Comma, .. }));
        assert_eq!(sheet.rows[3][1], d("5700000"));
    }

    #[test]
    fn an_empty_file_is_said_to_be_empty() {
        for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\r\n\n"] {
            assert_eq!(errors(bytes), ["fejl: tal.csv: filen er tom: der er ingen rækker at importere"]);
        }
    }

    #[test]
    fn binary_bytes_are_not_a_table() {
        assert_eq!(
            errors(b"a;b\n1;\0\n"),
            [
                "fejl: tal.csv:2:3: filen indeholder et NUL-tegn og er ikke en tekstfil; gem tabellen som CSV, XLSX eller ODS"
            ]
        );
        assert_eq!(
            errors(b"\xEF\xBB\xBFa;b\n\xFF;2\n"),
            [
                "fejl: tal.csv:2:1: filen begynder som UTF-8 (med BOM), men indeholder bytes, der ikke er UTF-8; gem den igen som «CSV UTF-8»"
            ]
        );
    }

    #[test]
    fn too_many_cells_are_refused_at_the_line() {
        let row = ";".repeat(999);
        let text = format!("{row}\n").repeat(1001);
        assert_eq!(
            errors(text.as_bytes()),
            [
                "fejl: tal.csv:1001:1: tabellen har over 1.000.000 celler; del den op, eller vælg de rækker og kolonner, der skal importeres"
            ]
        );
        // Just at the limit is read.
        let text = format!("{row}\n").repeat(1000);
        let (_, sheet) = read_ok(text.as_bytes(), &Options::default());
        assert_eq!(sheet.rows.len(), 1000);
    }

    #[test]
    fn statistikbankens_csv_is_read() {
        let bytes = include_bytes!("../../../tests/fixtures/import/statistikbanken-folk1a.csv");
        let (kind, sheet) = read_ok(bytes, &Options::default());
        assert_eq!(kind, Kind::Csv { delimiter: b';', decimal: DecimalMark::Comma, encoding: Encoding::Utf8Bom });
        assert_eq!(
            sheet.rows,
            vec![
                vec![t("OMRÅDE"), t("TID"), t("INDHOLD")],
                vec![t("Hele landet"), t("2016K1"), d("5707251")],
                vec![t("Hele landet"), t("2017K1"), d("5748769")],
                vec![t("Hele landet"), t("2018K1"), d("5781190")],
                vec![t("Slagelse"), t("2016K1"), d("78068")],
                vec![t("Slagelse"), t("2017K1"), d("78548")],
                vec![t("Slagelse"), t("2018K1"), d("79098")],
            ]
        );
    }

    #[test]
    fn the_long_form_fixtures_read_the_same_in_both_dialects() {
        let expected = vec![
            vec![t("område"), t("år"), t("halvår"), t("måling"), t("værdi")],
            vec![t("Schackenborgvænge"), d("2018"), d("1"), t("Andel beboere under 18 år"), d("28.85")],
            vec![t("Sydbyen"), d("2018"), d("2"), t("Beboere"), d("2102")],
            vec![t("Præstevangen og Parkvej"), d("2017"), d("2"), t("Tryghed (pct.)"), d("72.5")],
            vec![t("Ringparken"), d("2018"), d("1"), t("Beboere"), t("..")],
        ];
        let (kind, sheet) = read_ok(include_bytes!("../../../tests/fixtures/import/lang.csv"), &Options::default());
        assert_eq!(kind, Kind::Csv { delimiter: b';', decimal: DecimalMark::Comma, encoding: Encoding::Windows1252 });
        assert_eq!(sheet.rows, expected);
        let bom = include_bytes!("../../../tests/fixtures/import/lang-utf8-bom.csv");
        let (kind, sheet) = read_ok(bom, &Options::default());
        assert_eq!(kind, Kind::Csv { delimiter: b',', decimal: DecimalMark::Point, encoding: Encoding::Utf8Bom });
        assert_eq!(sheet.rows, expected);
    }
}
