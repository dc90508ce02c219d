//! The site's CSV files: each page's figures, suppressed exactly as on the
//! page, in a form Danish Excel and LibreOffice open right (UTF-8 with BOM,
//! `;`, decimal comma). Opened in LibreOffice Calc headless (Debian's
//! `libreoffice-calc`) and read back from the `.xlsx` it writes; without
//! LibreOffice the second test says it was skipped, under `CI=true` it fails.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::Fixture;
use rust_decimal::Decimal;
use std::path::Path;
use std::process::Command;
use std::str::FromStr;

/// The example's site, built once per test.
fn site() -> Fixture {
    let f = Fixture::example();
    helhed::build(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    f
}

fn rows(csv: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(csv).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark first");
    assert!(text.ends_with("\r\n"), "CRLF line ends");
    text.split("\r\n").filter(|l| !l.is_empty()).map(|l| l.split(';').map(str::to_string).collect()).collect()
}

#[test]
fn every_page_with_figures_links_its_csv_which_holds_them_as_shown() {
    let f = site();
    for page in ["index", "motalavej", "ringparken", "skaelskoer", "sydbyen"] {
        let html = std::fs::read_to_string(f.path(&format!("out/site/{page}.html"))).unwrap();
        assert!(html.contains(&format!("<a href=\"{page}.csv\">")), "{page}.html links its CSV");
        let rows = rows(&std::fs::read(f.path(&format!("out/site/{page}.csv"))).unwrap());
        assert_eq!(rows[0], ["Indikator", "Enhed", "Serie", "Slags", "År", "Værdi", "Bemærkning"]);
        for row in &rows[1..] {
            assert_eq!(row.len(), 7, "{page}: {row:?}");
            // A value the page does not show is not in the file either.
            if row[6].starts_with("under") || row[6].starts_with("skjult") {
                assert_eq!(row[5], "", "{page}: a suppressed value in {row:?}");
            }
            // Danish decimals without thousands separators.
            assert!(!row[5].contains('.'), "{page}: {row:?}");
        }
    }
    // The method page shows no figures: no CSV.
    assert!(!f.path("out/site/metode.csv").exists());
    let html = std::fs::read_to_string(f.path("out/site/metode.html")).unwrap();
    assert!(!html.contains(".csv"));

    let rows = rows(&std::fs::read(f.path("out/site/skaelskoer.csv")).unwrap());
    let find = |indicator: &str, series: &str, year: &str| {
        rows.iter()
            .find(|r| r[0] == indicator && r[2] == series && r[4] == year)
            .unwrap_or_else(|| panic!("{indicator} {series} {year}"))
            .clone()
    };
    // Few unsafe residents: hidden on the page ("skjult"), empty here with the reason.
    assert_eq!(
        find("Utrygge beboere", "Præstevangen og Parkvej", "2018"),
        ["Utrygge beboere", "%", "Præstevangen og Parkvej", "område", "2018", "", "skjult: bygger på et antal under 5"]
    );
    // Samlet is hidden that year so that the area's count cannot be worked out.
    assert_eq!(
        find("Utrygge beboere", "Samlet", "2018")[5..],
        ["", "skjult: ellers kunne et områdes antal under 5 regnes ud"]
    );
    // Fires are not persons: 0 is shown, an example figure is said to be one.
    assert_eq!(
        find("Påsatte brande", "Præstevangen og Parkvej", "2018"),
        ["Påsatte brande", "antal", "Præstevangen og Parkvej", "område", "2018", "0", "eksempeltal"]
    );
    assert_eq!(find("Kriminalretlige afgørelser pr. 1000 beboere", "Samlet", "2016")[5], "30,65");
}

#[test]
fn every_csv_opens_in_libreoffice_with_danish_letters_and_decimals_intact() {
    let Some(soffice) = common::soffice("CSV in LibreOffice") else { return };
    let f = site();
    let converted = f.path("xlsx");
    let profile = f.path("lo-profile");
    for page in ["index", "motalavej", "ringparken", "skaelskoer", "sydbyen"] {
        let csv = f.path(&format!("out/site/{page}.csv"));
        // Import as a Danish user opens it: `;`, `"`, UTF-8 (76), from row 1,
        // Danish locale (1030) so that `30,65` is a number.
        let out = Command::new(soffice)
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args(["--headless", "--infilter=CSV:59,34,76,1,,1030", "--convert-to", "xlsx", "--outdir"])
            .arg(&converted)
            .arg(&csv)
            .output()
            .expect("soffice runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let sheet = read_sheet(&converted.join(format!("{page}.xlsx")));
        let expected = rows(&std::fs::read(&csv).unwrap());
        assert_eq!(sheet.len(), expected.len(), "{page}: every row");
        for (cells, row) in sheet.iter().zip(&expected) {
            // Text as written, æøå intact.
            for i in [0, 1, 2, 3, 6] {
                assert_eq!(cells[i], Data::String(row[i].clone()).to_string(), "{page}: {row:?}");
            }
        }
        for (cells, row) in sheet.iter().zip(&expected).skip(1) {
            // The year and the value are numbers, the value exactly the CSV's.
            assert!(cells[4].parse::<u16>().is_ok(), "{page}: year {:?}", cells[4]);
            if row[5].is_empty() {
                assert_eq!(cells[5], "", "{page}: {row:?}");
            } else {
                let number = |t: &str| Decimal::from_str(t).unwrap_or_else(|e| panic!("{page}: {t:?} {e}"));
                assert_eq!(number(&cells[5]), number(&row[5].replace(',', ".")), "{page}: {row:?}");
            }
        }
        // Numbers, not text.
        let mut workbook: Xlsx<_> = open_workbook(converted.join(format!("{page}.xlsx"))).unwrap();
        let range = workbook.worksheet_range_at(0).unwrap().unwrap();
        let numbers = range.rows().skip(1).filter(|r| matches!(r[5], Data::Float(_) | Data::Int(_))).count();
        let values = expected.iter().skip(1).filter(|r| !r[5].is_empty()).count();
        assert_eq!(numbers, values, "{page}: every value is a number in the sheet");
    }
    let sheet = read_sheet(&converted.join("skaelskoer.xlsx"));
    assert!(sheet.iter().any(|r| r[0] == "Påsatte brande" && r[2] == "Præstevangen og Parkvej"));
    assert!(sheet.iter().any(|r| r[2] == "Præstevangen og Parkvej" && r[5] == "18.1"), "a decimal, read as a number");
}

/// The first sheet as text: numbers as Rust prints them (`30.65`), empty cells empty.
fn read_sheet(path: &Path) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let range = workbook.worksheet_range_at(0).expect("a sheet").unwrap();
    range
        .rows()
        .map(|r| {
            let mut cells: Vec<String> = r
                .iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect();
            cells.resize(7, String::new());
            cells
        })
        .collect()
}
