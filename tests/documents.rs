//! What the board documents print besides the figures (issue 17): texts
//! with their structure, and the plan's own words where a reader needs them.

mod common;

use common::Fixture;
use helhed::eval::evaluate;
use helhed::present::report::{self, StatusReport};

fn report_of(f: &Fixture) -> StatusReport {
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    report::status_report(&inputs.model, &evaluate(&inputs.model, inputs.period))
}

fn activity<'r>(r: &'r StatusReport, name: &str) -> &'r report::ActivityView {
    r.indsatsomraader.iter().flat_map(|f| &f.aktiviteter).find(|a| a.navn == name).expect("the activity")
}

#[test]
fn paavirkning_may_be_a_text_a_list_or_both() {
    let f = Fixture::example();
    let r = report_of(&f);
    // The example: a lead text and the seed's bullet points.
    let parents = activity(&r, "Bydelsforældre");
    assert_eq!(
        parents.paavirkning.as_deref(),
        Some("Har ingen direkte indflydelse på ghetto-kriterier\nHar dog indirekte indflydelse på mindst to:")
    );
    assert_eq!(
        parents.paavirkning_punkter,
        ["færre unge begår noget strafbart", "flere unge følge deres skole og uddanner sig videre"]
    );
    // A plain list, and a plain text.
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    let plan = plan.replacen(
        "    påvirkning: >-\n      Aktiviteten har ingen direkte indflydelse på Ghettokriterierne\n",
        "    påvirkning:\n      - første punkt\n      - andet punkt\n",
        1,
    );
    f.write("data/plan.yaml", &plan);
    let r = report_of(&f);
    let list = activity(&r, "Strategisk kommunikation");
    assert_eq!(
        (list.paavirkning.as_deref(), list.paavirkning_punkter.as_slice()),
        (None, &["første punkt".to_string(), "andet punkt".to_string()][..])
    );
    let text = activity(&r, "Opbygning og styrkelse af aktivt liv, frivillighed/civilsamfund i områderne");
    assert!(
        text.paavirkning.as_deref().unwrap().starts_with("Aktiviteten påvirker mest")
            && text.paavirkning_punkter.is_empty()
    );
}

#[test]
fn an_indicator_shows_only_the_areas_it_is_measured_for() {
    let f = Fixture::example();
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let model = &inputs.model;
    let rows = |id: &str| -> Vec<String> {
        let trend = helhed::eval::values::trend(model, model.indicator(id).unwrap(), 2018);
        trend.rows.iter().map(|r| r.name.clone()).collect()
    };
    // Measured for the plan as a whole: no empty area rows, nothing "missing".
    assert_eq!(rows("frivillige-arrangementer"), ["Samlet"]);
    // Measured in two areas: only those two and their total.
    assert_eq!(rows("behovsbesoeg-6-mdr"), ["Motalavej", "Ringparken og Schackenborgvænge", "Samlet"]);
    let r = report::status_report(model, &evaluate(model, inputs.period));
    assert!(
        r.indikatorer.iter().all(|i| i.noter.iter().all(|n| !n.starts_with("Sydbyen") || i.id != "behovsbesoeg-6-mdr"))
    );
    let appendix = helhed::present::evaluation::evaluation_report(model, &evaluate(model, inputs.period));
    let json = serde_json::to_value(&appendix).unwrap();
    let volunteers =
        json["indikatorer"].as_array().unwrap().iter().find(|i| i["id"] == "frivillige-arrangementer").unwrap();
    assert_eq!(volunteers["mangler"], serde_json::json!([]));
}

#[test]
fn a_total_over_covered_areas_sums_only_those() {
    let f = Fixture::small();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    f.write("data/plan.yaml", &plan.replacen("    basisår: 2016\n", "    basisår: 2016\n    områder: [a]\n", 1));
    f.write("data/a/2018.yaml", "antal:\n  beboere: 1000\n  afgoerelser: 30\n");
    f.write("data/b/2018.yaml", "antal:\n  beboere: 1000\n  afgoerelser: 10\n");
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let model = &inputs.model;
    let ind = &model.indicators[0];
    let trend = helhed::eval::values::trend(model, ind, 2018);
    let names: Vec<&str> = trend.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Område A", "Samlet"]);
    // Samlet is area A's 30 per 1000, not (30 + 10) / 2000.
    let total = trend.rows.iter().find(|r| r.series == "samlet").unwrap();
    assert_eq!(total.at(2018).unwrap().value.map(|v| v.value.normalize().to_string()), Some("30".into()));
}

#[test]
fn a_criterion_on_an_area_the_indicator_does_not_cover_is_a_located_error() {
    let f = Fixture::small();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    let covered = plan.replacen("    basisår: 2016\n", "    basisår: 2016\n    områder: [a, x]\n", 1);
    f.write("data/plan.yaml", &covered);
    assert_eq!(
        f.only_error(),
        "fejl: data/plan.yaml:31:14: «områder» for indikatoren «krim»: ukendt område «x»; kendte: a, b, og samlet for planen som helhed"
    );
    // A criterion on an area the indicator is not measured for.
    let covered = plan.replacen("    basisår: 2016\n", "    basisår: 2016\n    områder: [a]\n", 1)
        + "indsatsområder:\n  - { id: tryg, navn: Tryg }\nsucceskriterier:\n  - { id: k, indsatsområde: tryg, tekst: x, indikator: krim, gælder: [b], regel: { slags: loft, under: 30 }, datakilde: BL }\n";
    f.write("data/plan.yaml", &covered);
    assert_eq!(
        f.only_error(),
        "fejl: data/plan.yaml:45:71: indikatoren «krim» måles ikke for «b»; dens «områder» er a"
    );
}

#[test]
fn a_criterion_on_a_group_of_areas_is_judged_on_their_sum() {
    // Seed 002: "60 job i de tre områder, hvor indsatsen finder sted (ikke i
    // Skælskør)". Samlet 2018 is 14 + 11 + 2 + 4 = 31; the three are 29.
    let f = Fixture::example();
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let model = &inputs.model;
    let evaluated = evaluate(model, inputs.period);
    let jobs = evaluated.criteria.iter().find(|c| c.id == "fritidsjob-formidlet").unwrap();
    let e = &jobs.evaluations[0];
    assert_eq!((e.series.as_str(), e.value.map(|v| v.to_string())), ("tre-omraader", Some("29".into())));
    let trend = evaluated.trends.iter().find(|t| t.indicator == "fritidsjob").unwrap();
    let row = |id: &str| {
        trend
            .rows
            .iter()
            .find(|r| r.series == id)
            .and_then(|r| r.at(2018))
            .and_then(|p| p.value)
            .map(|v| v.value.to_string())
    };
    assert_eq!((row("samlet"), row("tre-omraader")), (Some("31".into()), Some("29".into())));
    // A group appears only beside the indicators a criterion judges on it.
    let crime = evaluated.trends.iter().find(|t| t.indicator == "kriminalitet").unwrap();
    assert!(crime.rows.iter().all(|r| r.series != "tre-omraader"));
}

#[test]
fn a_group_names_known_areas() {
    let f = Fixture::small();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    f.write("data/plan.yaml", &(plan + "grupper:\n  - { id: g, navn: G, områder: [a, z] }\n"));
    assert_eq!(
        f.only_error(),
        "fejl: data/plan.yaml:42:32: «områder» for gruppen «g»: ukendt område «z»; kendte: a, b"
    );
}

#[test]
fn an_area_keeps_its_colour_in_every_chart() {
    // Sydbyen is the plan's fourth area: Okabe-Ito's reddish purple, also on
    // its own site page, where it is the only area in the chart.
    let f = Fixture::example();
    helhed::build(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let page = std::fs::read_to_string(f.path("out/site/sydbyen.html")).unwrap();
    assert!(page.contains("stroke=\"#CC79A7\""), "Sydbyen's colour");
    assert!(!page.contains("stroke=\"#0072B2\""), "the first area's colour is Motalavej's, not shown here");
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let model = &inputs.model;
    let ind = model.indicator("kriminalitet").unwrap();
    let trend = helhed::eval::values::trend(model, ind, 2018);
    let all = helhed::present::charts::line_chart(model, ind, &trend, &[]).svg;
    assert!(all.contains("stroke=\"#CC79A7\"") && all.contains("stroke=\"#0072B2\""));
}

#[test]
fn charts_draw_one_line_per_requirement_from_an_axis_that_fits_and_show_list_thresholds() {
    use helhed::present::charts::{self, TargetKind, value_axis};
    use rust_decimal::Decimal;
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let f = Fixture::example();
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let model = &inputs.model;
    let evaluated = evaluate(model, inputs.period);
    let trend = |id: &str| evaluated.trends.iter().find(|t| t.indicator == id).unwrap();
    let crime = model.indicator("kriminalitet").unwrap();
    let lines = charts::target_lines(&evaluated.criteria, crime, trend("kriminalitet"));
    // "Alle fire områder under 28" is one line, not four stacked ones.
    let under_28: Vec<_> = lines.iter().filter(|l| l.label.starts_with("under 28,0")).collect();
    assert_eq!(under_28.len(), 1);
    assert_eq!((under_28[0].series.len(), under_28[0].label.as_str()), (4, "under 28,0: alle områder"));
    assert_eq!(lines.len(), 6, "{lines:#?}");
    // Shares in the 60s and 70s get an axis from 50, marked as not from 0;
    // crime from 10 to 55 keeps its 0.
    assert_eq!(
        value_axis(d("58"), d("89.1"), false),
        charts::ValueAxis { bottom: d("50"), top: d("90"), step: d("10") }
    );
    assert_eq!(value_axis(d("10.3"), d("55.1"), false).bottom, d("0"));
    let safe = model.indicator("tryghed").unwrap();
    let safe_lines = charts::target_lines(&evaluated.criteria, safe, trend("tryghed"));
    assert!(charts::alt_text(safe, trend("tryghed"), &safe_lines).contains("Værdiaksen begynder ved 50, ikke ved 0."));
    let chart = charts::line_chart(model, safe, trend("tryghed"), &safe_lines);
    // The value axis's numbers end at the axis, each on its grid line.
    let ticks: Vec<&charts::ChartText> =
        chart.texts.tekster.iter().filter(|t| t.anker == charts::Anchor::End).collect();
    let labels: Vec<&str> = ticks.iter().map(|t| t.tekst.as_str()).collect();
    assert_eq!(labels, ["50", "60", "70", "80", "90"], "the lowest tick is 50");
    assert!(ticks.windows(2).all(|w| w[0].y > w[1].y && w[0].x == w[1].x));
    // A list criterion's indicator shows the list's threshold.
    let foreign = model.indicator("ikke-vestlige").unwrap();
    let thresholds = charts::list_threshold_lines(&evaluated.lists, foreign, trend("ikke-vestlige"));
    assert_eq!(thresholds.len(), 1);
    assert_eq!(
        (thresholds[0].kind, thresholds[0].label.as_str()),
        (TargetKind::ListThreshold, "Listegrænse 2018: over 50,0\u{a0}%")
    );
    let chart = charts::line_chart(model, foreign, trend("ikke-vestlige"), &thresholds);
    assert!(chart.texts.tekster.iter().any(|t| t.tekst.starts_with("Listegrænse 2018: over 50,0")));
    assert!(chart.svg.contains("stroke-dasharray=\"8 4\""));
}

#[test]
fn half_year_counts_reach_the_statusrapport_and_tal_json() {
    let f = Fixture::example();
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let model = &inputs.model;
    let evaluated = evaluate(model, inputs.period);
    let r = report::status_report(model, &evaluated);
    let jobs =
        r.halvaarstal.iter().find(|h| h.navn == "Formidlede fritidsjob (antal)").expect("fritidsjob per half-year");
    assert_eq!(jobs.perioder, ["1. halvår 2018", "2. halvår 2018"]);
    let row = |name: &str| -> Vec<String> {
        jobs.raekker.iter().find(|r| r.navn == name).unwrap().celler.iter().map(|c| c.tekst.clone()).collect()
    };
    assert_eq!(
        (row("Motalavej"), row("Samlet")),
        (vec!["6".to_string(), "8".into()], vec!["14".to_string(), "17".into()])
    );
    // An indicator counted only for the plan as a whole, with no half-year
    // counts, gets no table (not a row of zeros).
    assert!(r.halvaarstal.iter().all(|h| h.navn != "Aktive frivillige i arrangementerne (antal)"));
    let tal = serde_json::to_value(helhed::present::tal::tal(model, &evaluated)).unwrap();
    let halves = &tal["indikatorer"].as_array().unwrap().iter().find(|i| i["id"] == "fritidsjob").unwrap()["halvår"];
    assert!(halves.as_array().unwrap().contains(
        &serde_json::json!({"serie": "motalavej", "periode": "2018-H2", "værdi": "8", "eksempeldata": true})
    ));
}

#[test]
fn the_appendix_holds_what_an_evaluator_needs() {
    let f = Fixture::example();
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let model = &inputs.model;
    let appendix = helhed::present::evaluation::evaluation_report(model, &evaluate(model, inputs.period));
    // The written assessments, once each, with the areas they apply to.
    let written =
        appendix.vurderinger.iter().find(|v| v.titel == "Trygheden vurderes styrket").expect("the assessment");
    assert!(written.vurdering.as_deref().unwrap().starts_with("Følgegrupperne vurderer"), "{written:?}");
    assert_eq!(written.label, "vurd-tryghed-vurderes-styrket");
    // The overview refers a qualitative criterion to its assessment, and
    // prints each criterion's data source.
    let summary =
        appendix.kriterier.iter().flat_map(|g| &g.kriterier).find(|k| k.tekst.starts_with("Trygheden")).unwrap();
    assert_eq!(summary.afsnit.as_deref(), Some("vurd-tryghed-vurderes-styrket"));
    assert!(!summary.datakilde.is_empty());
    // An aktivitetsark per activity: economy from its budget lines, target
    // group, goals and their status, follow-up.
    assert_eq!(appendix.aktiviteter.len(), 11);
    let jobs = appendix.aktiviteter.iter().find(|a| a.navn == "Fritidsjobindsats").unwrap();
    let economy = jobs.oekonomi.as_ref().expect("budget lines tied to fritidsjob");
    assert_eq!(economy.aar, ["2017", "2018", "2019", "2020", "2021"]);
    assert_eq!((economy.budget[1].as_str(), economy.forbrug[1].as_str()), ("635", "647"));
    assert!(jobs.maalgruppe.as_deref().unwrap().starts_with("1) Unge 13-18 år"));
    assert_eq!(jobs.omraader, "Motalavej, Ringparken og Schackenborgvænge og Sydbyen");
    assert_eq!(jobs.maal.len(), 4);
    assert_eq!(jobs.maalopfyldelse, "Af 4 succeskriterier: 1 opfyldt, 1 på vej og 2 ikke opfyldt.");
    assert!(jobs.opfoelgning.is_some() && jobs.status.is_some());
    // The lists and the budget.
    assert_eq!(appendix.listekriterier.len(), 4);
    assert!(appendix.budget.as_ref().is_some_and(|b| b.ark.balancerer));
}

#[test]
fn a_plan_without_criteria_or_activities_gets_no_empty_headings() {
    let f = Fixture::small();
    for (year, n) in [(2016, 30), (2017, 28), (2018, 25)] {
        f.write(&format!("data/a/{year}.yaml"), &format!("antal:\n  beboere: 1000\n  afgoerelser: {n}\n"));
    }
    helhed::build(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let Some(text) = common::pdf_text(&std::fs::read(f.path("out/statusrapport-2018-h2.pdf")).unwrap()) else { return };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Planen har endnu ingen succeskriterier."), "{text}");
    assert!(!text.contains("Indsatsområder"), "an empty chapter: {text}");
    assert!(!text.contains("har skiftet status"), "{text}");
    assert!(!text.contains("Sådan vurderes succeskriterierne"), "{text}");
    assert!(text.contains("1 Sammenfatning"), "the document is there: {text}");
}

#[test]
fn a_text_is_printed_once_with_the_areas_it_applies_to() {
    let r = report_of(&Fixture::example());
    let corps =
        r.indsatsomraader.iter().flat_map(|f| &f.kriterier).find(|c| c.id == "fritidsjob-frivilligkorps").unwrap();
    assert_eq!(corps.resultater.len(), 1, "one assessment, not one per area");
    assert_eq!(corps.resultater[0].navn, "Motalavej, Ringparken og Schackenborgvænge og Sydbyen");
    // Fritidsjob and Idrætspartnerskaber share one status cell in Bilag 1.
    let sport = activity(&r, "Idrætspartnerskaber");
    assert_eq!(sport.status.as_deref(), Some("Samme status som Fritidsjobindsats ovenfor."));
    assert_eq!(sport.paavirkning.as_deref(), Some("Som for Fritidsjobindsats ovenfor."));
    assert!(activity(&r, "Fritidsjobindsats").status.as_deref().unwrap().starts_with("Aktiviteten har været særdeles"));
}

#[test]
fn alle_and_groups_must_fit_the_areas_an_indicator_covers() {
    let f = Fixture::small();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    let criteria = "indsatsområder:\n  - { id: tryg, navn: Tryg }\nsucceskriterier:\n  - { id: k, indsatsområde: tryg, tekst: x, indikator: krim, gælder: [alle], regel: { slags: loft, under: 30 }, datakilde: BL }\n";
    // An indicator for the plan as a whole has no areas for «alle».
    f.write(
        "data/plan.yaml",
        &(plan.replacen("    basisår: 2016\n", "    basisår: 2016\n    områder: [samlet]\n", 1) + criteria),
    );
    assert!(
        f.only_error()
            .ends_with("«alle» er ingen områder her: indikatoren måles kun for planen som helhed; skriv «samlet»")
    );
    // A group with an area the indicator is not measured for.
    let grouped = plan.replacen("    basisår: 2016\n", "    basisår: 2016\n    områder: [a]\n", 1)
        + "grupper:\n  - { id: g, navn: G, områder: [a, b] }\n"
        + &criteria.replace("gælder: [alle]", "gælder: [g]");
    f.write("data/plan.yaml", &grouped);
    assert!(
        f.only_error().ends_with("gruppen «g» har områder, som indikatoren «krim» ikke måles for: b"),
        "{}",
        f.only_error()
    );
}

#[test]
fn flat_series_and_odd_texts() {
    use helhed::present::charts::value_axis;
    use rust_decimal::Decimal;
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    // One value, or a flat line: the axis is not zoomed into noise.
    let flat = value_axis(d("73.6"), d("73.6"), false);
    assert!(flat.step >= d("1") && flat.bottom < d("73.6") && flat.top > d("73.6"), "{flat:?}");
    // An unmatched parenthesis does not hide the first clause.
    assert_eq!(helhed::present::front::short_title("a) Flere i job: 10 om året", None), "a) Flere i job");
    assert_eq!(helhed::present::front::short_title(": tom", None), ": tom");
}
