//! `out/tal.xlsx` and its sheets as CSV in `out/tal/`: what `tal.json`
//! holds, in sheets a person reads. The same data give the same bytes; the
//! numbers are numbers; LibreOffice Calc (headless, Debian's
//! `libreoffice-calc`) opens the file and reads every figure of `tal.json`
//! from it, and shows them the Danish way to a Danish reader. Without
//! LibreOffice that test says it was skipped; under `CI=true` it fails.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::Fixture;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::str::FromStr;

/// The example, built once per call.
fn built() -> Fixture {
    let f = Fixture::example();
    helhed::build(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    f
}

fn tal(f: &Fixture) -> Value {
    serde_json::from_slice(&std::fs::read(f.path("out/tal.json")).unwrap()).unwrap()
}

/// An exact figure of `tal.json` (a string), if any.
fn figure(v: &Value) -> Option<Decimal> {
    v.as_str().map(|s| Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}")))
}

/// A number as a spreadsheet wrote it (`30.65`, `-0.863496556934825`).
fn number(text: &str) -> Option<Decimal> {
    Decimal::from_str(text).ok().or_else(|| Decimal::from_scientific(text).ok())
}

/// Whether a spreadsheet's number is the exact figure, to the 15
/// significant digits a double holds.
fn same(read: Decimal, exact: Decimal) -> bool {
    let tolerance = exact.abs().max(Decimal::ONE) * Decimal::new(1, 12);
    (read - exact).abs() <= tolerance
}

#[test]
fn two_builds_write_the_same_bytes_with_no_clock_in_them() {
    let (a, b) = (built(), built());
    let read = |f: &Fixture, rel: &str| std::fs::read(f.path(rel)).unwrap();
    assert!(read(&a, "out/tal.xlsx") == read(&b, "out/tal.xlsx"), "tal.xlsx differs between two builds");
    let csvs = |f: &Fixture| -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(f.path("out/tal"))
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
            .collect()
    };
    assert!(csvs(&a).len() > 50, "one CSV per sheet");
    assert!(csvs(&a) == csvs(&b), "the CSV files differ between two builds");

    // No clock: every zip entry carries the zip format's zero time, and the
    // document says it was made at noon of the data's date.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(read(&a, "out/tal.xlsx"))).unwrap();
    for i in 0..zip.len() {
        let entry = zip.by_index(i).unwrap();
        let t = entry.last_modified().expect("a time");
        let when = (t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second());
        assert_eq!(when, (1980, 1, 1, 0, 0, 0), "{:?}", entry.name());
    }
    let mut core = String::new();
    zip.by_name("docProps/core.xml").unwrap().read_to_string(&mut core).unwrap();
    assert!(
        core.contains(r#"<dcterms:created xsi:type="dcterms:W3CDTF">2019-01-15T12:00:00Z</dcterms:created>"#),
        "{core}"
    );
}

#[test]
fn numbers_are_numbers_and_sheet_names_are_what_excel_takes() {
    let f = built();
    let t = tal(&f);
    let mut book: Xlsx<_> = open_workbook(f.path("out/tal.xlsx")).unwrap();
    let names = book.sheet_names();
    let indicators = t["indikatorer"].as_array().unwrap();
    assert_eq!(names[..4], ["Oversigt", "Succeskriterier", "Listekriterier", "Budget"]);
    assert_eq!(names.len(), 4 + indicators.len(), "a sheet per indicator");
    for (i, name) in names.iter().enumerate() {
        assert!(name.chars().count() <= 31 && !name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
        assert!(!names[..i].iter().any(|n| n.to_lowercase() == name.to_lowercase()), "{name} twice");
    }
    assert_eq!(names[4], "Kriminalretlige afgørelser pr.…");

    // The kriminalitet sheet: every value a number cell, equal to tal.json's.
    let range = book.worksheet_range_at(4).unwrap().unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][0], Data::String("Kriminalretlige afgørelser pr. 1000 beboere, 2. halvår 2018".into()));
    let h = rows.iter().position(|r| r[0] == Data::String("Serie".into())).expect("a header row");
    let col = |year: u64| rows[h].iter().position(|c| *c == Data::String(year.to_string())).unwrap();
    let mut numbers = 0;
    for s in indicators[0]["serier"].as_array().unwrap() {
        let row = rows[h + 1..].iter().find(|r| r[0] == Data::String(s["navn"].as_str().unwrap().into())).unwrap();
        for v in s["værdier"].as_array().unwrap() {
            let cell = &row[col(v["år"].as_u64().unwrap())];
            match figure(&v["værdi"]) {
                Some(exact) => {
                    let Data::Float(x) = cell else { panic!("{cell:?} is not a number") };
                    assert!(same(number(&x.to_string()).unwrap(), exact), "{x} ≠ {exact}");
                    numbers += 1;
                }
                None => assert_eq!(*cell, Data::Empty),
            }
        }
    }
    assert!(numbers > 20);
    let samlet = rows[h + 1..].iter().find(|r| r[0] == Data::String("Samlet".into())).unwrap();
    assert_eq!(samlet[col(2016)], Data::Float(30.65));
}

#[test]
fn every_sheet_is_a_danish_csv_beside_the_workbook() {
    let f = built();
    let t = tal(&f);
    let mut files = vec!["oversigt".to_string(), "succeskriterier".into(), "listekriterier".into(), "budget".into()];
    files.extend(
        t["indikatorer"].as_array().unwrap().iter().map(|i| format!("indikator-{}", i["id"].as_str().unwrap())),
    );
    for file in &files {
        assert!(f.path(&format!("out/tal/{file}.csv")).is_file(), "{file}.csv");
    }
    let text = String::from_utf8(std::fs::read(f.path("out/tal/indikator-kriminalitet.csv")).unwrap()).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
    assert!(text.ends_with("\r\n"));
    let rows: Vec<Vec<&str>> = text.split("\r\n").filter(|l| !l.is_empty()).map(|l| l.split(';').collect()).collect();
    assert_eq!(rows[0][..8], ["Serie", "Slags", "2013", "2014", "2015", "2016", "2017", "2018"]);
    let samlet = rows.iter().find(|r| r[0] == "Samlet").unwrap();
    assert_eq!(samlet[5], "30,65");
    // Exact, with a decimal comma: the figure of tal.json.
    let kriminalitet = &t["indikatorer"][0]["serier"].as_array().unwrap();
    let total = kriminalitet.iter().find(|s| s["slags"] == "samlet").unwrap();
    let y2018 = total["værdier"].as_array().unwrap().iter().find(|v| v["år"] == 2018).unwrap();
    let exact = Decimal::from_str(y2018["værdi"].as_str().unwrap()).unwrap();
    assert_eq!(Decimal::from_str(&samlet[7].replace(',', ".")).unwrap(), exact);
    assert!(samlet[7].starts_with("25,00"), "{}", samlet[7]);
}

/// A CSV file as LibreOffice writes it: `;`, `"` quotes, `\n` line ends.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (';', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// One sheet of LibreOffice's export: the rows under the header row whose
/// first cell is `first`, and the header.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(dir: &Path, sheet: &str, first: &str) -> Table {
        let path = dir.join(format!("tal-{sheet}.csv"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut rows = parse_csv(&text);
        let h = rows.iter().position(|r| r[0] == first).unwrap_or_else(|| panic!("{sheet}: no header {first}"));
        let header = rows[h].clone();
        Table { header, rows: rows.split_off(h + 1) }
    }

    fn col(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}: {:?}", self.header))
    }
}

/// Checks a row: each expected figure in its column (none: an empty cell),
/// and no other number in the row but in the columns `other`. Returns the
/// number of figures compared.
fn check_row(row: &[String], expected: &[(usize, Option<Decimal>)], other: &[usize]) -> usize {
    for (col, exact) in expected {
        match exact {
            Some(exact) => {
                let read = number(&row[*col]).unwrap_or_else(|| panic!("{row:?}: column {col} is not a number"));
                assert!(same(read, *exact), "{row:?}: column {col} is {read}, tal.json {exact}");
            }
            None => assert_eq!(row[*col], "", "{row:?}: column {col}"),
        }
    }
    let numbers = (0..row.len()).filter(|c| !other.contains(c) && number(&row[*c]).is_some()).count();
    let figures = expected.iter().filter(|(_, e)| e.is_some()).count();
    assert_eq!(numbers, figures, "{row:?}: every number is a figure of tal.json");
    figures
}

/// Converts `tal.xlsx` to one CSV per sheet with LibreOffice; `shown`
/// writes the cells as shown (in the profile's locale), else their values.
fn convert(soffice: &str, xlsx: &Path, profile: &Path, out: &Path, shown: bool) {
    // `;`, `"`, UTF-8, from line 1, Danish; the 9th token: as shown; the
    // 12th: every sheet to its own file, `tal-<ark>.csv`.
    let filter = format!("csv:Text - txt - csv (StarCalc):59,34,76,1,,1030,false,true,{shown},false,false,-1");
    let run = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", &filter, "--outdir"])
        .arg(out)
        .arg(xlsx)
        .output()
        .expect("soffice runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn libreoffice_opens_the_workbook_and_reads_every_figure_of_tal_json() {
    let Some(soffice) = common::soffice("tal.xlsx in LibreOffice") else { return };
    let f = built();
    let t = tal(&f);
    let xlsx = f.path("out/tal.xlsx");
    let (values, shown) = (f.path("lo-values"), f.path("lo-shown"));
    convert(soffice, &xlsx, &f.path("lo-profile"), &values, false);
    // A Danish reader: the profile's locale da-DK.
    f.write(
        "lo-da/user/registrymodifications.xcu",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>da-DK</value></prop></item>
</oor:items>
"#,
    );
    convert(soffice, &xlsx, &f.path("lo-da"), &shown, true);

    let book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let names = book.sheet_names();
    let mut compared = 0;

    // Every indicator: the values per year, the latest changes, the average
    // and the trend.
    for (i, ind) in t["indikatorer"].as_array().unwrap().iter().enumerate() {
        let table = Table::read(&values, &names[4 + i], "Serie");
        for s in ind["serier"].as_array().unwrap() {
            let row = table.rows.iter().find(|r| r[0] == s["navn"].as_str().unwrap()).expect("a row per series");
            let mut expected = Vec::new();
            let years = s["værdier"].as_array().unwrap();
            for v in years {
                expected.push((table.col(&v["år"].to_string()), figure(&v["værdi"])));
            }
            let latest = years.iter().rev().find(|v| !v["værdi"].is_null());
            let change = |key: &str, part: &str| latest.and_then(|l| figure(&l[key][part]));
            expected.push((table.col("Ændring fra året før"), change("ændring_fra_forrige", "forskel")));
            expected.push((table.col("Ændring fra året før (%)"), change("ændring_fra_forrige", "procent")));
            if let Some(base) = ind["basisår"].as_u64() {
                expected.push((
                    table.col(&format!("Ændring fra basisåret {base}")),
                    change("ændring_fra_basis", "forskel"),
                ));
                expected.push((table.col("Ændring fra basisåret (%)"), change("ændring_fra_basis", "procent")));
            }
            expected.push((table.col("Gennemsnit af de to seneste år"), figure(&s["toårsgennemsnit"]["værdi"])));
            expected.push((table.col("Tendens pr. år"), figure(&s["tendens"]["hældning"])));
            // The half-year counts, a column per half-year (`2. halvår 2018`).
            for h in ind["halvår"].as_array().unwrap().iter().filter(|h| h["serie"] == s["id"]) {
                let (year, half) = h["periode"].as_str().unwrap().split_once("-H").unwrap();
                expected.push((table.col(&format!("{half}. halvår {year}")), figure(&h["værdi"])));
            }
            // Besides the figures: the latest year, and the years of the
            // illustrative ones (`2018` reads as a number).
            let other = [table.col("Seneste år"), table.col("Eksempeldata (år)")];
            compared += check_row(row, &expected, &other);
        }
    }

    // Every success criterion and series: status, value, requirement, distance.
    let table = Table::read(&values, "Succeskriterier", "Id");
    let results: Vec<(&Value, &Value)> = t["succeskriterier"]["kriterier"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|k| k["resultater"].as_array().unwrap().iter().map(move |e| (k, e)))
        .collect();
    assert_eq!(table.rows.len(), results.len(), "a row per criterion and series");
    for (row, (k, e)) in table.rows.iter().zip(&results) {
        assert_eq!(row[table.col("Id")], k["id"].as_str().unwrap());
        assert_eq!(row[table.col("Serie")], e["navn"].as_str().unwrap());
        assert_eq!(row[table.col("Status")], e["status"].as_str().unwrap());
        let expected = [
            (table.col("Værdi"), figure(&e["værdi"])),
            (table.col("Kravets værdi"), figure(&e["krav"]["værdi"])),
            (table.col("Afstand til kravet"), figure(&e["afstand"])),
        ];
        compared += check_row(row, &expected, &[table.col("Periode")]);
    }
    let row = table.rows.iter().find(|r| r[0] == "tryghedsvandringer-aarlig" && r[2] == "Motalavej").unwrap();
    assert_eq!(row[table.col("Status")], "opfyldt");

    // Every list: the residents, each criterion's value, threshold and margin.
    let table = Table::read(&values, "Listekriterier", "Område");
    let mut rows = table.rows.iter().filter(|r| !r[0].is_empty());
    for l in t["listekriterier"].as_array().unwrap() {
        let residents = rows.next().unwrap();
        assert_eq!(residents[table.col("Kriterium eller kategori")], "Antal beboere");
        let b = &l["beboere"];
        let expected = [(table.col("Værdi"), figure(&b["antal"])), (table.col("Grænse"), figure(&b["mindst"]))];
        compared += check_row(residents, &expected, &[table.col("Liste"), table.col("Dataår")]);
        for c in l["kriterier"].as_array().unwrap() {
            let row = rows.next().unwrap();
            assert_eq!(row[table.col("Kriterium eller kategori")], c["navn"].as_str().unwrap());
            let expected = [
                (table.col("Værdi"), figure(&c["værdi"])),
                (table.col("Grænse"), figure(&c["grænse"])),
                (table.col("Margin"), figure(&c["margin"])),
            ];
            compared += check_row(row, &expected, &[table.col("Liste"), table.col("Dataår")]);
        }
        for _ in l["kategorier"].as_array().unwrap() {
            let row = rows.next().unwrap();
            assert!(row[table.col("Kriterium eller kategori")].starts_with("Kategori: "), "{row:?}");
        }
    }

    // The budget: each line, each section's total and I alt, per year, in
    // total and per source of financing.
    let table = Table::read(&values, "Budget", "Aktivitet");
    let b = &t["budget"];
    let sources: Vec<&Value> = b["finansiering"]["pr_kilde"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| figure(&s["beløb"]).unwrap() != Decimal::ZERO)
        .collect();
    let years = b["år"].as_array().unwrap().len();
    let check = |row: &Vec<String>, figures: &Value| -> usize {
        let mut expected: Vec<(usize, Option<Decimal>)> =
            figures["pr_år"].as_array().unwrap().iter().enumerate().map(|(i, v)| (1 + i, figure(v))).collect();
        expected.push((1 + years, figure(&figures["i_alt"])));
        for (i, s) in sources.iter().enumerate() {
            let own = figures["finansiering"]["pr_kilde"].as_array().unwrap().iter().find(|o| o["kilde"] == s["kilde"]);
            let amount = own.and_then(|o| figure(&o["beløb"])).filter(|a| !a.is_zero());
            expected.push((2 + years + i, amount));
        }
        check_row(row, &expected, &[])
    };
    let mut rows = table.rows.iter();
    for section in b["afsnit"].as_array().unwrap() {
        assert_eq!(rows.next().unwrap()[0], section["navn"].as_str().unwrap(), "the section's heading");
        for line in section["linjer"].as_array().unwrap() {
            let row = rows.next().unwrap();
            assert_eq!(row[0], line["navn"].as_str().unwrap());
            compared += check(row, line);
        }
        let row = rows.next().unwrap();
        assert_eq!(row[0], format!("I alt, {}", section["navn"].as_str().unwrap()));
        compared += check(row, section);
    }
    let row = rows.next().unwrap();
    assert_eq!(row[0], "I alt");
    compared += check(row, b);
    assert!(compared > 600, "{compared} figures compared");

    // A Danish reader sees Danish numbers, the illustrative ones marked.
    let table = Table::read(&shown, &names[4], "Serie");
    let samlet = table.rows.iter().find(|r| r[0] == "Samlet").unwrap();
    assert_eq!(samlet[table.col("2016")], "30,65");
    assert_eq!(samlet[table.col("2018")], "25,0*");
    assert_eq!(samlet[table.col("Ændring fra året før")], "-3,3*");
    let table = Table::read(&shown, "Budget", "Aktivitet");
    let total = table.rows.iter().find(|r| r[0] == "I alt").unwrap();
    assert_eq!(total[table.col("I alt")], "44.450*");
}
