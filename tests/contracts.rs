//! The data contracts, `tal.json` and the templates' `data.json`, against
//! their previous format: every figure, word and status is the same, and only
//! the renames that CHANGELOG.md lists for `helhed-tal/2` and `helhed-data/2`
//! differ. `tests/fixtures/format-1` holds what helhed wrote at commit 8540662,
//! the last before the stage folders: `tal.json` of the example and of the
//! second plan (`tests/fixtures/anden-plan`), and the example's two
//! `data.json` (its insta snapshots then).

use helhed::Config;
use helhed::eval::evaluate;
use helhed::present::{evaluation, report, tal};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// The `data.json` keys spelled the Danish way in `helhed-data/2`.
const DATA_KEYS: [(&str, &str); 13] = [
    ("aar", "år"),
    ("aendringer", "ændringer"),
    ("basisaar", "basisår"),
    ("diskretionsgraense", "diskretionsgrænse"),
    ("indsatsomraader", "indsatsområder"),
    ("maal", "mål"),
    ("noegletal", "nøgletal"),
    ("omraade", "område"),
    ("omraader", "områder"),
    ("paavirkning", "påvirkning"),
    ("raekker", "rækker"),
    ("seneste_aar", "seneste_år"),
    ("vaerdi", "værdi"),
];

/// A series' `slags` in `tal.json`, named as `data.json` names it in
/// `helhed-tal/2`.
const SERIES_KINDS: [(&str, &str); 2] = [("area", "område"), ("total", "samlet")];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn old(name: &str) -> Value {
    let path = root().join("tests/fixtures/format-1").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn inputs(data: &str) -> helhed::Inputs {
    let config = Config {
        data: root().join(data),
        templates: root().join("report-templates"),
        out: PathBuf::from("out"),
        period: None,
        reuse: false,
    };
    helhed::prepare(&config).unwrap_or_else(|e| panic!("{e}"))
}

/// `value` with every object key renamed by `keys` and every `slags` value by
/// `kinds`.
fn renamed(value: Value, keys: &[(&str, &str)], kinds: &[(&str, &str)]) -> Value {
    let rename = |s: &str, table: &[(&str, &str)]| table.iter().find(|(a, _)| *a == s).map(|(_, b)| b.to_string());
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("slags", Value::String(s)) => Value::String(rename(&s, kinds).unwrap_or(s)),
                        (_, v) => renamed(v, keys, kinds),
                    };
                    (rename(&k, keys).unwrap_or(k), v)
                })
                .collect::<Map<String, Value>>(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| renamed(v, keys, kinds)).collect()),
        other => other,
    }
}

/// `value` with every object's keys in sorted order.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// The previous format with the renames applied and the new version, next
/// to this build's output.
fn assert_same_but_renamed(before: Value, now: Value, keys: &[(&str, &str)], kinds: &[(&str, &str)], format: &str) {
    let mut expected = renamed(before, keys, kinds);
    expected.as_object_mut().unwrap().insert("format".into(), Value::String(format.into()));
    // Compared as text, keys sorted, so that a failure shows the first place
    // they part (the order of keys in an object carries no meaning).
    let (expected, now) =
        (serde_json::to_string_pretty(&sorted(expected)).unwrap(), serde_json::to_string_pretty(&sorted(now)).unwrap());
    if expected != now {
        let at = expected.lines().zip(now.lines()).position(|(a, b)| a != b).unwrap_or(0);
        let context = |t: &str| t.lines().skip(at.saturating_sub(3)).take(7).collect::<Vec<_>>().join("\n");
        panic!("differs at line {at}:\n--- expected\n{}\n--- now\n{}", context(&expected), context(&now));
    }
}

#[test]
fn tal_json_differs_from_format_1_only_by_the_listed_renames() {
    for (data, file) in [("data", "eksempel.tal.json"), ("tests/fixtures/anden-plan", "anden-plan.tal.json")] {
        let inputs = inputs(data);
        let now = serde_json::to_value(tal::tal(&inputs.model, &evaluate(&inputs.model, inputs.period))).unwrap();
        assert_eq!(now["format"], "helhed-tal/2");
        assert_same_but_renamed(old(file), now, &[], &SERIES_KINDS, tal::FORMAT);
    }
}

#[test]
fn data_json_differs_from_format_1_only_by_the_listed_renames() {
    let inputs = inputs("data");
    let evaluated = evaluate(&inputs.model, inputs.period);
    let status = serde_json::to_value(report::status_report(&inputs.model, &evaluated)).unwrap();
    let appendix = serde_json::to_value(evaluation::evaluation_report(&inputs.model, &evaluated)).unwrap();
    assert_eq!(
        (&status["format"], &appendix["format"]),
        (&Value::from("helhed-data/2"), &Value::from("helhed-data/2"))
    );
    assert_same_but_renamed(old("statusrapport-2018-h2.data.json"), status, &DATA_KEYS, &[], report::FORMAT);
    assert_same_but_renamed(old("helhedsevaluering-2018.data.json"), appendix, &DATA_KEYS, &[], report::FORMAT);
}

#[test]
fn the_renames_are_applied_where_they_stand() {
    let before = serde_json::json!({"aar": ["2018"], "slags": "area", "x": [{"omraade": "A", "slags": "total"}]});
    assert_eq!(
        renamed(before, &DATA_KEYS, &SERIES_KINDS),
        serde_json::json!({"år": ["2018"], "slags": "område", "x": [{"område": "A", "slags": "samlet"}]})
    );
}
