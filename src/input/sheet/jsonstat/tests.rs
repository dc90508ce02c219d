//! JSON-stat: Statistikbanken's version 1 (the fixture), version 2.0, and
//! the ways a dataset can be wrong.

use super::*;
use crate::input::sheet::{Kind, Options, Workbook};

const FOLK1A: &[u8] = include_bytes!("../../../../tests/fixtures/import/statistikbanken-folk1a.json");

fn n(s: &str) -> Cell {
    Cell::Number(s.parse().unwrap())
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn read_ok(bytes: &[u8]) -> Workbook {
    let mut diags = Diagnostics::default();
    let book = crate::input::sheet::read(Path::new("data.json"), bytes, &Options::default(), &mut diags);
    assert!(diags.is_empty(), "{:?}", diags.sorted());
    book.unwrap()
}

fn errors(bytes: &[u8]) -> Vec<String> {
    let mut diags = Diagnostics::default();
    assert_eq!(crate::input::sheet::read(Path::new("data.json"), bytes, &Options::default(), &mut diags), None);
    diags.sorted().iter().map(ToString::to_string).collect()
}

#[test]
fn statistikbankens_jsonstat_is_one_long_sheet() {
    let book = read_ok(FOLK1A);
    assert_eq!(book.kind, Kind::JsonStat);
    let [sheet] = &book.sheets[..] else { panic!("one sheet") };
    assert_eq!(sheet.name.as_deref(), Some("Befolkningen den 1. i kvartalet efter område, tid og indhold"));
    assert_eq!(
        sheet.rows,
        vec![
            vec![t("OMRÅDE"), t("TID"), t("INDHOLD")],
            vec![t("Hele landet"), t("2016K1"), n("5707251")],
            vec![t("Hele landet"), t("2017K1"), n("5748769")],
            vec![t("Hele landet"), t("2018K1"), n("5781190")],
            vec![t("Slagelse"), t("2016K1"), n("78068")],
            vec![t("Slagelse"), t("2017K1"), n("78548")],
            vec![t("Slagelse"), t("2018K1"), n("79098")],
        ]
    );
    assert_eq!(sheet.place(6, 2), "værdi nr. 6 (OMRÅDE=Slagelse, TID=2018K1)");
}

#[test]
fn version_2_with_an_object_value_nulls_and_status() {
    let json = r#"{
        "version": "2.0", "class": "dataset", "label": "Tryghed",
        "id": ["område", "tid"], "size": [2, 2],
        "dimension": {
            "område": {"category": {"index": ["S", "M"], "label": {"S": "Sydbyen", "M": "Motalavej"}}},
            "tid": {"category": {"index": {"2018": 1, "2017": 0}}}
        },
        "value": {"0": 30.65, "1": null, "3": 1186},
        "status": {"1": "..", "2": ".."}
    }"#;
    let book = read_ok(json.as_bytes());
    assert_eq!(
        book.sheets[0].rows,
        vec![
            vec![t("OMRÅDE"), t("TID"), t("INDHOLD")],
            vec![t("Sydbyen"), t("2017"), n("30.65")],
            vec![t("Sydbyen"), t("2018"), t("..")],
            vec![t("Motalavej"), t("2017"), t("..")],
            vec![t("Motalavej"), t("2018"), n("1186")],
        ]
    );
}

#[test]
fn version_2_with_an_array_value_and_one_status() {
    let json = r#"{"class":"dataset","id":["a"],"size":[3],
        "dimension":{"a":{"category":{"index":["x","y","z"]}}},
        "value":[0.1, null, "x"], "status":"p"}"#;
    let book = read_ok(json.as_bytes());
    assert_eq!(
        book.sheets[0].rows,
        vec![vec![t("A"), t("INDHOLD")], vec![t("x"), n("0.1")], vec![t("y"), t("p")], vec![t("z"), t("x")]]
    );
    assert_eq!(book.sheets[0].place(2, 1), "værdi nr. 2 (A=y)");
}

#[test]
fn a_metric_dimension_of_several_categories_is_a_column() {
    let json = r#"{"dataset":{"dimension":{
        "ContentsCode":{"category":{"index":{"A":0,"B":1},"label":{"A":"Antal","B":"Andel"}}},
        "id":["ContentsCode"],"size":[2],"role":{"metric":["ContentsCode"]}},
        "value":[5,0.5]}}"#;
    let book = read_ok(json.as_bytes());
    assert_eq!(
        book.sheets[0].rows,
        vec![vec![t("CONTENTSCODE"), t("INDHOLD")], vec![t("Antal"), n("5")], vec![t("Andel"), n("0.5")]]
    );
}

#[test]
fn wrong_datasets_are_said_in_danish() {
    let cases: [(&str, &str); 7] = [
        (
            r#"{"a": 1}"#,
            "er ikke et JSON-stat-datasæt (som Statistikbankens format=JSONSTAT): der mangler «dimension» og «value»",
        ),
        (
            r#"{"class":"dataset","id":["a"],"size":[2],"dimension":{"a":{"category":{"index":["x","y"]}}},"value":[1]}"#,
            "JSON-stat-datasættet har 1 værdier, men dimensionerne giver 2",
        ),
        (
            r#"{"class":"dataset","id":["a"],"size":[2],"dimension":{"a":{"category":{"index":["x"]}}},"value":[1,2]}"#,
            "dimensionen «a» har ikke 2 kategorier, som «size» siger",
        ),
        (
            r#"{"class":"dataset","id":["a"],"size":[1],"dimension":{},"value":[1]}"#,
            "dimensionen «a» mangler i «dimension» eller har ingen «category»",
        ),
        (
            r#"{"class":"dataset","id":["a"],"size":[1],"dimension":{"a":{"category":{"index":["x"]}}},"value":{"5":1}}"#,
            "«5» er ikke en plads blandt datasættets 1 værdier",
        ),
        (
            r#"{"class":"dataset","id":["a","b"],"size":[1000000,1000000],"dimension":{},"value":[]}"#,
            "JSON-stat-datasættet har over 1.000.000 celler; hent færre værdier ad gangen",
        ),
        (
            r#"{"class":"dataset","id":["a"],"size":[18446744073709551615, 2],"dimension":{},"value":[]}"#,
            "JSON-stat-datasættet har 1 dimensioner i «id», men 2 i «size»",
        ),
    ];
    for (json, message) in cases {
        assert_eq!(errors(json.as_bytes()), [format!("fejl: data.json: {message}")], "{json}");
    }
}

#[test]
fn the_cell_limit_counts_the_dimension_columns_too() {
    // 400.000 values × (2 dimensions + the value) is over a million cells.
    let json = r#"{"class":"dataset","id":["a","b"],"size":[400000,1],"dimension":{},"value":[]}"#;
    assert_eq!(
        errors(json.as_bytes()),
        ["fejl: data.json: JSON-stat-datasættet har over 1.000.000 celler; hent færre værdier ad gangen"]
    );
}

#[test]
fn broken_json_is_located_and_non_utf8_refused() {
    assert_eq!(
        errors(b"{\"dataset\":\n  {\"value\": [1,]}}"),
        ["fejl: data.json:2:16: er ikke gyldig JSON: trailing comma"]
    );
    assert_eq!(
        errors(b"{\"label\": \"\xE6\"}"),
        ["fejl: data.json:1:12: JSON-filen er ikke UTF-8-tekst; JSON skal være UTF-8"]
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep = format!("{{\"a\":{deep}}}");
    assert_eq!(errors(deep.as_bytes()), ["fejl: data.json:1:132: er ikke gyldig JSON: recursion limit exceeded"]);
}

#[test]
fn too_many_elements_are_refused_before_parsing() {
    let json = format!("{{\"value\": [{}0]}}", "0,".repeat(2_000_000));
    assert_eq!(
        errors(json.as_bytes()),
        [
            "fejl: data.json:1:4000009: JSON-filen har over 2.000.000 elementer; et JSON-stat-datasæt med højst 1.000.000 celler har langt færre"
        ]
    );
    // Commas and brackets inside strings do not count.
    assert_eq!(too_many_elements(format!("[\"{}\"]", ",[{\\\"".repeat(1_000_000)).as_bytes()), None);
}
