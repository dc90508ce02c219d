//! The data contracts, `tal.json` and the templates' `data.json`, against
//! their first format: the same keys, but for the renames that CHANGELOG.md
//! lists for `helhed-tal/2` and `helhed-data/2` and the keys it lists as
//! added since. (Until `helhed-data/3` this also pinned every figure and
//! word; issue 17 changed words on purpose, and the snapshots pin them now.) `tests/fixtures/format-1` holds what helhed wrote at commit 8540662,
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
        templates_asked: true,
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

/// Every key path of a JSON value, arrays collapsed: `indikatorer[].navn`.
fn paths(value: &Value, prefix: &str, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                out.insert(path.clone());
                paths(v, &path, out);
            }
        }
        Value::Array(items) => {
            for v in items {
                paths(v, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// The previous format with the renames applied has the same keys as this
/// build's output, but for the keys `added` (listed in CHANGELOG.md for the
/// new version). Figures and words are pinned by the snapshots and the
/// tests of each issue; this pins the shape a template or program reads.
fn assert_same_keys_but(before: Value, now: &Value, keys: &[(&str, &str)], kinds: &[(&str, &str)], added: &[&str]) {
    let mut expected = renamed(before, keys, kinds);
    expected.as_object_mut().unwrap().insert("format".into(), Value::String(String::new()));
    let (mut was, mut is) = (std::collections::BTreeSet::new(), std::collections::BTreeSet::new());
    paths(&sorted(expected), "", &mut was);
    paths(now, "", &mut is);
    // `key*` adds the key and everything under it.
    for a in added {
        match a.strip_suffix('*') {
            Some(prefix) => {
                let under: Vec<String> = is.iter().filter(|k| k.starts_with(prefix)).cloned().collect();
                assert!(!under.is_empty(), "the listed new key {a} is not in the output");
                assert!(!was.iter().any(|k| k.starts_with(prefix)), "{a} was there before");
                was.extend(under);
            }
            None => {
                assert!(is.contains(*a), "the listed new key {a} is not in the output");
                assert!(was.insert((*a).to_string()), "{a} was there before");
            }
        }
    }
    let gone: Vec<_> = was.difference(&is).collect();
    let new: Vec<_> = is.difference(&was).collect();
    assert!(gone.is_empty() && new.is_empty(), "keys gone: {gone:?}\nkeys not listed as new: {new:?}");
}

/// The keys `helhed-tal/3` adds (CHANGELOG.md).
const TAL_ADDED: [&str; 6] = [
    "budget.afsnit[].linjer[].aktivitet",
    "indikatorer[].halvår",
    "indikatorer[].halvår[].eksempeldata",
    "indikatorer[].halvår[].periode",
    "indikatorer[].halvår[].serie",
    "indikatorer[].halvår[].værdi",
];

/// The keys `helhed-data/3` adds to the appendix's `data.json` (CHANGELOG.md).
const APPENDIX_ADDED: [&str; 11] = [
    "indikatorer[].bredder*",
    "indikatorer[].rækker[].tekster",
    "indikatorer[].figurtekst*",
    "indikatorer[].rækker[].basis",
    "indikatorer[].rækker[].forrige",
    "status_antal[].pr_indsatsområde",
    "kriterier[].kriterier[].datakilde",
    "vurderinger*",
    "aktiviteter*",
    "listekriterier*",
    "budget*",
];

/// The keys `helhed-data/3` adds to the statusrapport's `data.json` (CHANGELOG.md).
const STATUS_ADDED: [&str; 82] = [
    "mangler",
    "indikatorer[].rækker[].tekster",
    "halvårstal[].rækker[].tekster",
    "indikatorer[].bredder*",
    "indikatorer[].figurtekst*",
    "budget.ark.bredder*",
    "halvårstal[].rækker[].basis",
    "halvårstal[].rækker[].forrige",
    "indikatorer[].rækker[].basis",
    "indikatorer[].rækker[].forrige",
    "budget.ark",
    "budget.ark.afsnit",
    "budget.ark.afsnit[].i_alt",
    "budget.ark.afsnit[].i_alt.celler",
    "budget.ark.afsnit[].i_alt.finansiering",
    "budget.ark.afsnit[].i_alt.i_alt",
    "budget.ark.afsnit[].i_alt.navn",
    "budget.ark.afsnit[].linjer",
    "budget.ark.afsnit[].linjer[].celler",
    "budget.ark.afsnit[].linjer[].finansiering",
    "budget.ark.afsnit[].linjer[].i_alt",
    "budget.ark.afsnit[].linjer[].navn",
    "budget.ark.afsnit[].navn",
    "budget.ark.balance",
    "budget.ark.balancerer",
    "budget.ark.i_alt",
    "budget.ark.i_alt.celler",
    "budget.ark.i_alt.finansiering",
    "budget.ark.i_alt.i_alt",
    "budget.ark.i_alt.navn",
    "budget.ark.kilder",
    "budget.ark.medfinansiering",
    "budget.forbrug_år",
    "budget.forbrug_år[].over_budget",
    "budget.forbrug_år[].tekst",
    "halvårstal",
    "halvårstal[].navn",
    "halvårstal[].perioder",
    "halvårstal[].rækker",
    "halvårstal[].rækker[].celler",
    "halvårstal[].rækker[].celler[].eksempel",
    "halvårstal[].rækker[].celler[].tekst",
    "halvårstal[].rækker[].navn",
    "halvårstal[].rækker[].slags",
    "indsatsområder[].aktiviteter[].områder",
    "indsatsområder[].aktiviteter[].påvirkning_punkter",
    "forbrug_forside",
    "forbrug_forside.over_budget",
    "forbrug_forside.tekst",
    "nøgletal",
    "nøgletal[].eksempel",
    "nøgletal[].krav",
    "nøgletal[].status",
    "nøgletal[].status.kode",
    "nøgletal[].status.tekst",
    "nøgletal[].titel",
    "nøgletal[].værdi",
    "nøgletal[].år",
    "nøgletal[].ændring",
    "ændringer.resume",
    "status_antal[].pr_indsatsområde",
    "status_antal_forrige",
    "status_antal_forrige[].antal",
    "status_antal_forrige[].pr_indsatsområde",
    "status_antal_forrige[].status",
    "status_antal_forrige[].status.kode",
    "status_antal_forrige[].status.tekst",
    "ændringer.grupper",
    "ændringer.grupper[].antal",
    "ændringer.grupper[].flere",
    "ændringer.grupper[].overskrift",
    "ændringer.grupper[].punkter",
    "ændringer.grupper[].punkter[].fra",
    "ændringer.grupper[].punkter[].fra.kode",
    "ændringer.grupper[].punkter[].fra.tekst",
    "ændringer.grupper[].punkter[].grundlag",
    "ændringer.grupper[].punkter[].områder",
    "ændringer.grupper[].punkter[].til",
    "ændringer.grupper[].punkter[].til.kode",
    "ændringer.grupper[].punkter[].til.tekst",
    "ændringer.grupper[].punkter[].titel",
    "ændringer.i_alt",
];

#[test]
fn tal_json_has_the_keys_of_format_1_with_the_listed_renames() {
    for (data, file) in [("data", "eksempel.tal.json"), ("tests/fixtures/anden-plan", "anden-plan.tal.json")] {
        let inputs = inputs(data);
        let now = serde_json::to_value(tal::tal(&inputs.model, &evaluate(&inputs.model, inputs.period))).unwrap();
        assert_eq!(now["format"], tal::FORMAT);
        assert_same_keys_but(old(file), &now, &[], &SERIES_KINDS, &TAL_ADDED);
    }
}

#[test]
fn data_json_has_the_keys_of_format_1_with_the_listed_renames_and_additions() {
    let inputs = inputs("data");
    let evaluated = evaluate(&inputs.model, inputs.period);
    let status = serde_json::to_value(report::status_report(&inputs.model, &evaluated)).unwrap();
    let appendix = serde_json::to_value(evaluation::evaluation_report(&inputs.model, &evaluated)).unwrap();
    assert_eq!((&status["format"], &appendix["format"]), (&Value::from(report::FORMAT), &Value::from(report::FORMAT)));
    assert_same_keys_but(old("statusrapport-2018-h2.data.json"), &status, &DATA_KEYS, &[], &STATUS_ADDED);
    assert_same_keys_but(old("helhedsevaluering-2018.data.json"), &appendix, &DATA_KEYS, &[], &APPENDIX_ADDED);
}

#[test]
fn the_renames_are_applied_where_they_stand() {
    let before = serde_json::json!({"aar": ["2018"], "slags": "area", "x": [{"omraade": "A", "slags": "total"}]});
    assert_eq!(
        renamed(before, &DATA_KEYS, &SERIES_KINDS),
        serde_json::json!({"år": ["2018"], "slags": "område", "x": [{"område": "A", "slags": "samlet"}]})
    );
}
