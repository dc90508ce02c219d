//! The site's CSV files: a page's figures as a spreadsheet in Danish reads
//! them. UTF-8 with a byte order mark (so Excel takes it as UTF-8, not as
//! Windows-1252), `;` between fields (the Danish list separator, since `,`
//! is the decimal comma), CRLF line ends, and a field quoted when it holds
//! `;`, `"` or a line break (RFC 4180).

use crate::present::site::CsvTable;

/// The file's bytes.
pub fn bytes(table: &CsvTable) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for row in std::iter::once(&table.header).chain(&table.rows) {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn field(text: &str) -> String {
    // A field a spreadsheet would read as a formula is written as text (a
    // negative number, `-1,5`, is a number).
    let formula = text.starts_with(['=', '+', '@', '\t', '\r'])
        || text.strip_prefix('-').is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()));
    let text = if formula { format!("'{text}") } else { text.to_string() };
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_bom_semicolons_and_quoted_fields() {
        let table = CsvTable {
            header: vec!["Serie".into(), "Værdi".into()],
            rows: vec![vec!["Skælskør; \"nord\"".into(), "25,0".into()], vec!["=1+1".into(), "".into()]],
        };
        let text = String::from_utf8(bytes(&table)).unwrap();
        assert_eq!(text, "\u{feff}Serie;Værdi\r\n\"Skælskør; \"\"nord\"\"\";25,0\r\n'=1+1;\r\n");
    }
}
