//! `helhed importer`: figures from the sheets a secretariat has (a long CSV
//! in Windows-1252, a Beboerdata-shaped XLSX, Statistikbanken's CSV and
//! JSON-stat) into a copy of the example data, then `build`: the imported
//! figures in `tal.json`, a blanked cell as missing with its reason, every
//! comment and text of the touched files kept, conflicts left alone unless
//! `--overskriv`, a dry run that writes nothing, and a re-import that
//! changes nothing.

mod common;

use common::{Fixture, files};
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn ok(out: std::process::Output) -> String {
    assert!(out.status.success(), "{}", text(&out));
    text(&out)
}

/// Builds and reads `out/tal.json`.
fn tal(f: &Fixture) -> serde_json::Value {
    ok(f.run(&["build"]));
    serde_json::from_slice(&std::fs::read(f.path("out/tal.json")).unwrap()).unwrap()
}

/// An indicator's value (a decimal string) and why it is missing, for a series and year.
fn year(tal: &serde_json::Value, indicator: &str, series: &str, year: u64) -> (Option<String>, Option<String>) {
    let ind = tal["indikatorer"].as_array().unwrap().iter().find(|i| i["id"] == indicator).expect(indicator);
    let s = ind["serier"].as_array().unwrap().iter().find(|s| s["id"] == series).expect(series);
    let y = s["værdier"].as_array().unwrap().iter().find(|v| v["år"] == year).expect("year");
    (y["værdi"].as_str().map(str::to_string), y["mangler"].as_str().map(str::to_string))
}

/// Whether every line of `before` is in `after`, in the same order.
fn keeps_every_line(before: &str, after: &str) -> bool {
    let mut rest = after.lines();
    before.lines().all(|line| rest.any(|l| l == line))
}

#[test]
fn a_long_csv_in_windows_1252_is_imported_with_its_blanked_cell_and_the_comments_kept() {
    let f = Fixture::example();
    let csv = "område;år;halvår;måling;værdi\r\n\
               Motalavej;2016;;Anmeldelser af hærværk;12\r\n\
               Præstevangen og Parkvej;2016;;haervaerk;x\r\n\
               Sydbyen;2016;;haervaerk;1.204\r\n\
               Ringparken og Schackenborgvænge;2017;;Anmeldelser af hærværk;52\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(csv);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "the file is Windows-1252, not UTF-8");
    std::fs::write(f.path("tal.csv"), &bytes).unwrap();
    let before = std::fs::read_to_string(f.path("data/motalavej/2016.yaml")).unwrap();

    let out = ok(f.run(&["importer", "tal.csv"]));
    assert!(out.contains("data/motalavej/2016.yaml: motalavej 2016 «haervaerk» = 12"), "{out}");
    assert!(out.contains("data/sydbyen/2016.yaml: sydbyen 2016 «haervaerk» = 1.204"), "{out}");
    assert!(out.contains("Indlæst: 4 tal, heraf 1 kilde noteret og 3 nye."), "{out}");

    // The file keeps its comment and every figure, and gains the count and its source.
    let after = std::fs::read_to_string(f.path("data/motalavej/2016.yaml")).unwrap();
    assert!(after.starts_with(&before), "{after}");
    assert!(
        after.ends_with("antal:\n  haervaerk: 12\nkilder:\n  haervaerk: {fil: \"tal.csv\", celle: \"E2\"}\n"),
        "{after}"
    );
    let blanked = std::fs::read_to_string(f.path("data/skaelskoer/2016.yaml")).unwrap();
    assert!(blanked.contains("mangler:\n  haervaerk: \"skjult i kilden («x»)\"\n"), "{blanked}");
    assert!(!blanked.contains("haervaerk: 0"), "a blanked cell is never 0: {blanked}");

    let tal = tal(&f);
    assert_eq!(year(&tal, "haervaerk", "motalavej", 2016), (Some("12".into()), None));
    assert_eq!(year(&tal, "haervaerk", "sydbyen", 2016), (Some("1204".into()), None));
    assert_eq!(year(&tal, "haervaerk", "skaelskoer", 2016), (None, Some("skjult i kilden («x»)".into())));
    assert_eq!(year(&tal, "haervaerk", "ringparken", 2017), (Some("52".into()), None));

    // The appendix's data source says where the figures came from.
    let inputs = helhed::prepare(&f.config()).unwrap();
    let indicator = inputs.model.indicator("haervaerk").unwrap();
    let source = helhed::present::words::source_with_imports(&inputs.model, indicator);
    assert!(source.ends_with("Indlæst fra tal.csv (2016-2017)."), "{source}");
}

#[test]
fn a_wide_beboerdata_sheet_imports_its_figures_and_leaves_a_conflict_alone() {
    let f = Fixture::example();
    std::fs::copy(Path::new(FIXTURES).join("beboerdata-eksempel.xlsx"), f.path("beboerdata.xlsx")).unwrap();
    let before = files(&f.path("data"));

    // A dry run says what would change and writes nothing.
    let dry = ok(f.run(&["importer", "beboerdata.xlsx", "--måling", "uden-for-arbejde", "--tør"]));
    assert!(
        dry.contains("Prøvekørsel (--tør), intet er skrevet: 24 tal, heraf 7 kilde noteret, 1 konflikt og 16 nye."),
        "{dry}"
    );
    assert!(dry.contains("data/motalavej/2013.yaml: motalavej 2013 «uden-for-arbejde» = 43,6"), "{dry}");
    assert!(dry.contains("tal for 2012 er sprunget over: de ligger uden for planens dataår 2013-2021"), "{dry}");
    assert_eq!(files(&f.path("data")), before, "a dry run changes nothing");

    let out = ok(f.run(&["importer", "beboerdata.xlsx", "--måling", "uden-for-arbejde", "--gem-opsætning", "arbejde"]));
    assert!(
        out.contains(
            "konflikt: data/sydbyen/2017.yaml: sydbyen 2017 «uden-for-arbejde» er 39,5, men beboerdata.xlsx, ark «Uden for arbejde», celle H9 siger 39,8; beholdt (brug --overskriv for at erstatte)"
        ),
        "{out}"
    );
    assert!(out.contains("Skrev data/import/arbejde.yaml"), "{out}");

    // Hand-written content stays: every line of a touched file is still there.
    for rel in ["motalavej/2018.yaml", "skaelskoer/2015.yaml", "sydbyen/2017.yaml"] {
        let old = String::from_utf8(before[Path::new(rel)].clone()).unwrap();
        let new = std::fs::read_to_string(f.path("data").join(rel)).unwrap();
        assert!(keeps_every_line(&old, &new), "{rel}:\n{new}");
    }
    let motalavej = std::fs::read_to_string(f.path("data/motalavej/2018.yaml")).unwrap();
    assert!(motalavej.contains("  uden-for-arbejde: 41.2\nkilder:\n  uden-for-arbejde: {fil: \"beboerdata.xlsx\", ark: \"Uden for arbejde\", celle: \"I6\"}\nh1:"), "{motalavej}");

    let tal = tal(&f);
    assert_eq!(year(&tal, "uden-for-arbejde", "motalavej", 2013), (Some("43.6".into()), None));
    assert_eq!(year(&tal, "uden-for-arbejde", "ringparken", 2018), (Some("43.7".into()), None));
    assert_eq!(year(&tal, "uden-for-arbejde", "skaelskoer", 2015), (None, Some("skjult i kilden («..»)".into())));
    assert_eq!(
        year(&tal, "uden-for-arbejde", "sydbyen", 2017),
        (Some("39.5".into()), None),
        "the conflict is left alone"
    );

    // The next import of the sheet is one command, and changes nothing.
    let imported = files(&f.path("data"));
    let again = ok(f.run(&["importer", "beboerdata.xlsx", "--opsætning", "arbejde"]));
    assert!(again.contains("Indlæst: 24 tal, heraf 1 konflikt og 23 uændrede."), "{again}");
    assert_eq!(files(&f.path("data")), imported, "a re-import is byte-identical");

    // --overskriv replaces the differing figure.
    let over = ok(f.run(&["importer", "beboerdata.xlsx", "--opsætning", "arbejde", "--overskriv"]));
    assert!(over.contains("data/sydbyen/2017.yaml: sydbyen 2017 «uden-for-arbejde» = 39,8 (før: 39,5)"), "{over}");
    let inputs = helhed::prepare(&f.config()).unwrap();
    let value = inputs.model.figures["sydbyen"][&2017].values["uden-for-arbejde"].value;
    assert_eq!(value.to_string(), "39.8");
}

/// The example plan with Slagelse as Statistikbanken names it and an
/// indicator of the population.
fn with_population(f: &Fixture) {
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    let plan = plan
        .replacen("    navn: Slagelse Kommune\n", "    navn: Slagelse Kommune\n    aliaser: [Slagelse]\n", 1)
        .replacen(
            "indikatorer:\n",
            "indikatorer:\n  - id: befolkning\n    navn: Befolkningen 1. januar\n    enhed: personer\n    måling: beboere\n    bedre: højere\n    decimaler: 0\n    datakilde: Danmarks Statistik, FOLK1A\n",
            1,
        );
    assert!(plan.contains("aliaser: [Slagelse]") && plan.contains("id: befolkning"));
    f.write("data/plan.yaml", &plan);
}

#[test]
fn statistikbanken_csv_and_json_stat_import_the_same_figures() {
    let mut models = Vec::new();
    for name in ["statistikbanken-folk1a.csv", "statistikbanken-folk1a.json"] {
        let f = Fixture::example();
        with_population(&f);
        std::fs::copy(Path::new(FIXTURES).join(name), f.path(name)).unwrap();

        // The table is by quarter: which quarter is the year's must be said.
        let refused = f.run(&["importer", name, "--måling", "beboere"]);
        assert_eq!(refused.status.code(), Some(1));
        assert!(
            text(&refused).contains("«2016K1» er et kvartal; helhed har tal for år og halvår: angiv med --kvartal"),
            "{}",
            text(&refused)
        );

        let out = ok(f.run(&["importer", name, "--måling", "beboere", "--kvartal", "1"]));
        assert!(out.contains("Indlæst: 6 tal, heraf 6 nye."), "{out}");
        let tal = tal(&f);
        assert_eq!(year(&tal, "befolkning", "slagelse-kommune", 2016), (Some("78068".into()), None));
        assert_eq!(year(&tal, "befolkning", "hele-landet", 2018), (Some("5781190".into()), None));
        let model = helhed::prepare(&f.config()).unwrap().model;
        let counts: Vec<(String, u16, String)> = ["slagelse-kommune", "hele-landet"]
            .iter()
            .flat_map(|s| {
                model.figures[*s].iter().filter_map(move |(y, fig)| {
                    fig.counts.get("beboere").map(|c| (s.to_string(), *y, c.value.to_string()))
                })
            })
            .collect();
        models.push(counts);
    }
    assert_eq!(models[0].len(), 6);
    assert_eq!(models[0], models[1], "the CSV and the JSON-stat answer give the same figures");
}

#[test]
fn a_name_that_matches_nothing_is_an_error_at_its_cell_with_the_near_name() {
    let f = Fixture::example();
    f.write(
        "rod.csv",
        "område;år;måling;værdi\nMotalavejen;2016;haervaerk;3\nSydbyen;2016;haervark;4\nSydbyen;2016;haervaerk;4,5\n",
    );
    let before = files(&f.path("data"));
    let out = f.run(&["importer", "rod.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out);
    assert!(said.contains("rod.csv:2:1: «Motalavejen» er ikke et område eller en referenceserie i planen"), "{said}");
    assert!(said.contains("mente du «Motalavej»?"), "{said}");
    assert!(
        said.contains("rod.csv:3:3: «haervark» er ikke en måling eller indikator i planen; mente du «haervaerk»?"),
        "{said}"
    );
    assert!(said.contains("rod.csv:4:4: «haervaerk» er et antal: et helt tal fra 0, ikke 4.5 (celle D4)"), "{said}");
    assert_eq!(files(&f.path("data")), before, "nothing is written");
}
