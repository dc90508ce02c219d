//! `out/tal.json` from the bundled example: written by `helhed build` with no
//! warnings, holding every computed figure and evaluation in the documented shape.

mod common;
use common::Fixture;
use serde_json::Value;

fn build_example() -> (Fixture, Value) {
    let f = Fixture::example();
    let out = f.run(&["build"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.stderr.is_empty(),
        "the example must build without warnings:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Skrev out/tal.json"));
    let tal = serde_json::from_slice(&std::fs::read(f.path("out/tal.json")).unwrap()).unwrap();
    (f, tal)
}

fn find<'a>(items: &'a Value, key: &str, id: &str) -> &'a Value {
    items.as_array().unwrap().iter().find(|i| i[key] == id).unwrap_or_else(|| panic!("no {key} = {id}"))
}

#[test]
fn tal_json_holds_the_figures_and_evaluations() {
    let (_f, tal) = build_example();
    assert_eq!(tal["format"], "helhed-tal/3");
    assert_eq!(tal["periode"], "2018-H2");
    assert_eq!(tal["seneste_år"], 2018);

    // Figures are exact decimal strings: the published samlet 2016 and a pooled 2018.
    let crime = find(&tal["indikatorer"], "id", "kriminalitet");
    assert_eq!(crime["beregning"]["skala"], "1000");
    let kinds: Vec<&Value> = crime["serier"].as_array().unwrap().iter().map(|s| &s["slags"]).collect();
    assert_eq!(
        (kinds[0], kinds[4], kinds[5]),
        (&Value::from("område"), &Value::from("samlet"), &Value::from("reference"))
    );
    let samlet = find(&crime["serier"], "id", "samlet");
    let y2016 = samlet["værdier"].as_array().unwrap().iter().find(|v| v["år"] == 2016).unwrap();
    assert!(y2016["år"].is_u64(), "years are numbers");
    assert_eq!((&y2016["værdi"], &y2016["oprindelse"]), (&Value::from("30.65"), &Value::from("given")));
    let motalavej = find(&crime["serier"], "id", "motalavej");
    let y2015 = motalavej["værdier"].as_array().unwrap().iter().find(|v| v["år"] == 2015).unwrap();
    assert_eq!(y2015["værdi"], "34.2");

    // Every criterion of the plan, counted by status.
    let criteria = &tal["succeskriterier"];
    assert_eq!(criteria["kriterier"].as_array().unwrap().len(), 57);
    let total: u64 = criteria["antal"].as_array().unwrap().iter().map(|c| c["antal"].as_u64().unwrap()).sum();
    assert_eq!(total, 57);
    let path = find(&criteria["kriterier"], "id", "kriminalitet-forloeb");
    let samlet = &path["resultater"][0];
    assert_eq!(samlet["status"], "på vej");
    assert_eq!(samlet["krav"]["værdi"], "26.39");
    assert_eq!(samlet["krav"]["sammenligning"], "højst");
    assert_eq!(samlet["regel"]["slags"], "forløb");
    assert_eq!(
        samlet["tekst"],
        "Samlet: 25,0\u{a0}pr. 1000 beboere i 2018; målet er højst 26,4 i 2018 (på vejen fra 30,65 i 2016 til 20,0 i 2021). \
         1,4 under målet. På vej mod højst 20,0 i 2021."
    );

    // The statutory lists: Ringparken 2018 under the 2018 rule set.
    let ringparken = tal["listekriterier"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["område"] == "ringparken" && r["liste_år"] == 2018)
        .unwrap();
    assert_eq!(ringparken["regelsæt"], "2018");
    assert_eq!(ringparken["status"]["navn"], "Ghettoområde");
    // Built on illustrative inputs, and published within the half-year reported on.
    assert_eq!((&ringparken["eksempeldata"], &ringparken["prognose"]), (&Value::Bool(true), &Value::Bool(false)));

    // The budget: seed 002's totals and the co-financing share.
    let budget = &tal["budget"];
    assert_eq!(budget["i_alt"], "44450");
    assert_eq!(budget["balance"], "0");
    assert_eq!(find(&budget["finansiering"]["pr_kilde"], "kilde", "lbf")["beløb"], "25000");
    // 19.450 / 44.450 × 100, exact to 28 significant digits.
    assert_eq!(budget["medfinansiering_procent"], "43.757030371203599550056242970");
}

#[test]
fn tal_json_is_byte_identical_on_a_second_build() {
    let (f, _) = build_example();
    let first = std::fs::read(f.path("out/tal.json")).unwrap();
    std::fs::remove_file(f.path("out/tal.json")).unwrap();
    assert!(f.run(&["build"]).status.success());
    assert_eq!(std::fs::read(f.path("out/tal.json")).unwrap(), first);
}
