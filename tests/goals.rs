//! Success criteria: every rule kind against hand-computed cases, through the
//! real path (YAML → validation → evaluation).

mod common;
use common::Fixture;
use helhed::eval::goals::{self, CriterionResult, Evaluation, When};
use helhed::model::GoalStatus;
use helhed::present::criteria;
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A plan with two areas, a reference and four indicators, plus `criteria`
/// (the YAML list under `succeskriterier:`).
fn plan(criteria: &str) -> Fixture {
    let dir = Fixture::small();
    dir.write(
        "data/plan.yaml",
        &format!(
            r#"plan:
  navn: Testplanen
  start: 2017-10-01
  slut: 2021-09-30
  dataår: {{ fra: 2015, til: 2021 }}
  datadato: 2019-01-15
områder:
  - {{ id: a, navn: Område A }}
  - {{ id: b, navn: Område B }}
referencer:
  - {{ id: sub, navn: SUB-gennemsnit }}
indsatsområder:
  - {{ id: tryg, navn: Tryghed og trivsel }}
aktiviteter:
  - {{ id: job, navn: Fritidsjob, indsatsområde: tryg }}
målinger:
  - {{ id: beboere, navn: Beboere }}
  - {{ id: afgoerelser, navn: Afgørelser }}
  - {{ id: jobs, navn: Fritidsjob }}
  - {{ id: haervaerk, navn: Hærværk }}
indikatorer:
  - {{ id: krim, navn: Afgørelser pr. 1000 beboere, enhed: pr. 1000 beboere, tæller: afgoerelser, nævner: beboere, skala: 1000, bedre: lavere, decimaler: 1, datakilde: Test }}
  - {{ id: tryghed, navn: Trygge, enhed: "%", tæller: jobs, nævner: beboere, skala: 100, bedre: højere, decimaler: 1, datakilde: Test }}
  - {{ id: job, navn: Fritidsjob, enhed: antal, måling: jobs, bedre: højere, decimaler: 0, datakilde: Test }}
  - {{ id: haervaerk, navn: Hærværk, enhed: antal, måling: haervaerk, bedre: lavere, decimaler: 0, datakilde: Test }}
succeskriterier:
{criteria}
"#
        ),
    );
    dir
}

fn evaluate_at(f: &Fixture, period: &str) -> Vec<CriterionResult> {
    let mut config = f.config();
    config.period = Some(period.parse().unwrap());
    let inputs = helhed::prepare(&config).unwrap_or_else(|e| panic!("{e}"));
    goals::evaluate_all(&inputs.model, inputs.period)
}

/// Every evaluation's sentence at a half-year, as the documents print it.
fn sentences_at(f: &Fixture, period: &str) -> Vec<Vec<String>> {
    let mut config = f.config();
    config.period = Some(period.parse().unwrap());
    let inputs = helhed::prepare(&config).unwrap_or_else(|e| panic!("{e}"));
    let model = &inputs.model;
    goals::evaluate_all(model, inputs.period)
        .iter()
        .map(|r| {
            let indicator = r.indicator.as_deref().and_then(|id| model.indicator(id));
            r.evaluations.iter().map(|e| criteria::sentence(model, indicator, e)).collect()
        })
        .collect()
}

/// The first criterion's evaluation for one series, with its sentence.
struct Judged {
    evaluation: Evaluation,
    sentence: String,
}

impl std::ops::Deref for Judged {
    type Target = Evaluation;
    fn deref(&self) -> &Evaluation {
        &self.evaluation
    }
}

fn one(f: &Fixture, period: &str, series: &str) -> Judged {
    let results = evaluate_at(f, period);
    let i = results[0].evaluations.iter().position(|e| e.series == series).unwrap_or_else(|| panic!("no {series}"));
    Judged { evaluation: results[0].evaluations[i].clone(), sentence: sentences_at(f, period)[0][i].clone() }
}

#[test]
fn ceiling_per_area_with_the_issue_sentence() {
    let f = plan(
        "  - { id: loft, indsatsområde: tryg, tekst: Under 30, indikator: krim, gælder: [alle], regel: { slags: loft, under: 30 }, datakilde: BL }",
    );
    f.write("data/a/2018.yaml", "værdier:\n  krim: 34.2\n");
    f.write("data/b/2018.yaml", "værdier:\n  krim: 28\n");
    let a = one(&f, "2018-H2", "a");
    assert_eq!(a.status, GoalStatus::NotMet);
    assert_eq!(a.gap, Some(dec("4.2")));
    assert_eq!(a.sentence, "Område A: 34,2\u{a0}pr. 1000 beboere i 2018; målet er under 30,0. 4,2 over målet.");
    let b = one(&f, "2018-H2", "b");
    assert_eq!(b.status, GoalStatus::Met);
    assert_eq!(b.sentence, "Område B: 28,0\u{a0}pr. 1000 beboere i 2018; målet er under 30,0. 2,0 under målet.");
    // The criterion's own status is its worst series.
    assert_eq!(evaluate_at(&f, "2018-H2")[0].status, GoalStatus::NotMet);
}

#[test]
fn a_strict_ceiling_is_not_met_on_the_line() {
    let f = plan(
        "  - { id: loft, indsatsområde: tryg, tekst: Under 30, indikator: krim, gælder: [a], regel: { slags: loft, under: 30 }, datakilde: BL }",
    );
    f.write("data/a/2018.yaml", "værdier:\n  krim: 30\n");
    let a = one(&f, "2018-H2", "a");
    assert_eq!(a.status, GoalStatus::NotMet);
    assert!(a.sentence.ends_with("Lige på grænsen, men målet er under den."), "{}", a.sentence);
}

const PATH: &str = "  - { id: sti, indsatsområde: tryg, tekst: Fra 30.65 til 20, indikator: krim, regel: { slags: forløb, fra: { år: 2016, værdi: 30.65 }, til: { år: 2021, værdi: 20 } }, datakilde: BL }";

#[test]
fn path_on_track_when_at_or_better_than_the_straight_line() {
    // 2018 on the path: 30,65 - 2 × (30,65 - 20) / 5 = 26,39.
    let f = plan(PATH);
    f.write("data/samlet/2018.yaml", "værdier:\n  krim: 25\n");
    let s = one(&f, "2018-H2", "samlet");
    assert_eq!(s.requirement.unwrap().value, dec("26.39"));
    assert_eq!(s.status, GoalStatus::OnTrack);
    assert_eq!(
        s.sentence,
        "Samlet: 25,0\u{a0}pr. 1000 beboere i 2018; målet er højst 26,4 i 2018 (på vejen fra 30,65 i 2016 til 20,0 i 2021). 1,4 under målet. På vej mod højst 20,0 i 2021."
    );
}

#[test]
fn the_target_path_runs_to_the_end_of_the_plan_and_is_drawn_in_the_chart() {
    // Each year on the straight line from 30,65 (2016) to 20 (2021): minus 2,13 a year.
    let f = plan(PATH);
    f.write("data/samlet/2018.yaml", "værdier:\n  krim: 25\n");
    let s = one(&f, "2018-H2", "samlet");
    let path: Vec<(u16, Decimal)> = s.path.iter().map(|p| (p.year, p.requirement.value)).collect();
    assert_eq!(
        path,
        vec![(2017, dec("28.52")), (2018, dec("26.39")), (2019, dec("24.26")), (2020, dec("22.13")), (2021, dec("20"))]
    );

    let mut config = f.config();
    config.period = Some("2018-H2".parse().unwrap());
    let inputs = helhed::prepare(&config).unwrap();
    let results = goals::evaluate_all(&inputs.model, inputs.period);
    let krim = inputs.model.indicator("krim").unwrap();
    let trend = &helhed::eval::values::trends(&inputs.model, 2018)[0];
    let targets = helhed::present::charts::target_lines(&results, krim, trend);
    assert_eq!(targets.len(), 1);
    assert_eq!(targets[0].words, "Samlet højst 20,0\u{a0}pr. 1000 beboere i 2021");
    let chart = helhed::present::charts::line_chart(&inputs.model, krim, trend, &targets);
    // The years run on to 2021, and the legend names the target line: texts
    // the template sets over the drawing, which has none of its own.
    let texts: Vec<&str> = chart.texts.tekster.iter().map(|t| t.tekst.as_str()).collect();
    assert!(texts.contains(&"2021"), "{texts:?}");
    assert!(texts.contains(&"Mål (krav pr. år)"), "{texts:?}");
    let svg = chart.svg;
    assert!(!svg.contains("<text"), "{svg}");
    // The target is one dotted polyline through its five years, under the
    // data lines and their markers, in a single SVG document.
    assert_eq!(svg.matches("stroke-dasharray=\"2 4\"").count(), 1, "{svg}");
    let dotted = svg.lines().find(|l| l.contains("stroke-dasharray")).unwrap();
    let points = dotted.split("points=\"").nth(1).unwrap().trim_end_matches("\"/>");
    assert_eq!(points.split(' ').count(), 5, "{dotted}");
    assert!(svg.find("stroke-dasharray") < svg.find("<circle"), "{svg}");
    assert_eq!((svg.matches("<svg").count(), svg.matches("</svg>").count()), (1, 1));
    assert!(svg.ends_with("</svg>\n"));
    let alt = helhed::present::charts::alt_text(krim, trend, &targets);
    assert!(
        alt.ends_with("Prikket linje viser målet pr. år: Samlet højst 20,0\u{a0}pr. 1000 beboere i 2021."),
        "{alt}"
    );
    // Without targets the chart stops at the last year with figures.
    let without = helhed::present::charts::line_chart(&inputs.model, krim, trend, &[]);
    assert!(without.texts.tekster.iter().all(|t| t.tekst != "2021"));
}

#[test]
fn path_not_met_above_the_line_and_met_when_reached_early() {
    let f = plan(PATH);
    f.write("data/samlet/2018.yaml", "værdier:\n  krim: 27\n");
    assert_eq!(one(&f, "2018-H2", "samlet").status, GoalStatus::NotMet);
    f.write("data/samlet/2018.yaml", "værdier:\n  krim: 19.5\n");
    let s = one(&f, "2018-H2", "samlet");
    assert_eq!(s.status, GoalStatus::Met);
    assert!(s.sentence.ends_with("Slutmålet for 2021 er allerede nået."), "{}", s.sentence);
}

#[test]
fn path_baseline_taken_from_the_data() {
    // Pooled samlet 2016: (30 + 10) / (1000 + 1000) × 1000 = 20,0; target 10 in 2021.
    // 2018: 20 - 2 × 10 / 5 = 16.
    let f = plan(
        "  - { id: sti, indsatsområde: tryg, tekst: x, indikator: krim, regel: { slags: forløb, fra: { år: 2016 }, til: { år: 2021, værdi: 10 } }, datakilde: BL }",
    );
    f.write("data/a/2016.yaml", "antal:\n  afgoerelser: 30\n  beboere: 1000\n");
    f.write("data/b/2016.yaml", "antal:\n  afgoerelser: 10\n  beboere: 1000\n");
    f.write("data/samlet/2018.yaml", "værdier:\n  krim: 16\n");
    let s = one(&f, "2018-H2", "samlet");
    assert_eq!(s.requirement.unwrap().value, dec("16"));
    assert_eq!(s.status, GoalStatus::OnTrack);
}

#[test]
fn yearly_change_against_the_year_before_and_across_a_missing_year() {
    let f = plan(
        "  - { id: fald, indsatsområde: tryg, tekst: x, indikator: haervaerk, gælder: [a], regel: { slags: årlig-ændring, procent: -10, basisår: 2017 }, datakilde: Politi }",
    );
    f.write("data/a/2017.yaml", "antal:\n  haervaerk: 100\n");
    // 2017 is the baseline itself: not measured against the target yet.
    let base = one(&f, "2017-H2", "a");
    assert_eq!(base.status, GoalStatus::NotMeasured);
    assert!(base.sentence.contains("2017 er basisåret; målet gælder fra 2018"), "{}", base.sentence);
    // 2018 is missing; 2019 is compared with 2017 over two years: 100 × 0,9 × 0,9 = 81.
    f.write("data/a/2019.yaml", "antal:\n  haervaerk: 80\n");
    let a = one(&f, "2019-H2", "a");
    assert_eq!(a.requirement.unwrap().value, dec("81"));
    assert_eq!(a.status, GoalStatus::Met);
    assert_eq!(
        a.sentence,
        "Område A: 80 i 2019; målet er højst 81 (10\u{a0}% om året lavere end 100 i 2017). 1 under målet."
    );
    f.write("data/a/2019.yaml", "antal:\n  haervaerk: 82\n");
    assert_eq!(one(&f, "2019-H2", "a").status, GoalStatus::NotMet);
}

#[test]
fn compounding_change_from_a_baseline_and_a_zero_baseline() {
    let rule = "  - { id: fald, indsatsområde: tryg, tekst: x, indikator: haervaerk, gælder: [a], regel: { slags: ændring-fra-basis, procent: -15, basis: { år: 2017 } }, datakilde: Politi }";
    let f = plan(rule);
    // 123 × 0,85² = 88,8675 in 2019; a count of at most 88,8675 is at most 88.
    f.write("data/a/2017.yaml", "antal:\n  haervaerk: 123\n");
    f.write("data/a/2019.yaml", "antal:\n  haervaerk: 88\n");
    let a = one(&f, "2019-H2", "a");
    assert_eq!(a.requirement.unwrap().value, dec("88"));
    assert_eq!(a.status, GoalStatus::Met);
    // A baseline of 0 requires 0 every year after it; no division by zero.
    f.write("data/a/2017.yaml", "antal:\n  haervaerk: 0\n");
    f.write("data/a/2019.yaml", "antal:\n  haervaerk: 0\n");
    let zero = one(&f, "2019-H2", "a");
    assert_eq!((zero.status, zero.gap), (GoalStatus::Met, Some(dec("0"))));
    assert!(zero.sentence.ends_with("Lige på målet."), "{}", zero.sentence);
    f.write("data/a/2019.yaml", "antal:\n  haervaerk: 1\n");
    assert_eq!(one(&f, "2019-H2", "a").status, GoalStatus::NotMet);
}

#[test]
fn better_than_a_reference_and_a_later_zero_point() {
    let f = plan(
        r#"  - id: tryg
    indsatsområde: tryg
    tekst: Over SUB; B fra nulpunktet 2017
    indikator: tryghed
    gælder:
      - { område: a, regel: { slags: reference, reference: sub, år: 2016 } }
      - { område: b, regel: { slags: nulpunkt, nulpunkt: 2017 } }
    regel: { slags: kvalitativ }
    datakilde: Politiets tryghedsmåling"#,
    );
    f.write("data/sub/2016.yaml", "værdier:\n  tryghed: 72.4\n");
    f.write("data/a/2018.yaml", "værdier:\n  tryghed: 73\n");
    f.write("data/b/2018.yaml", "værdier:\n  tryghed: 70\n");
    let a = one(&f, "2018-H2", "a");
    assert_eq!(a.status, GoalStatus::Met);
    assert_eq!(
        a.sentence,
        "Område A: 73,0\u{a0}% i 2018; målet er over 72,4\u{a0}% (SUB-gennemsnit 2016). 0,6\u{a0}procentpoint over målet."
    );
    // B's zero point (2017) is not measured: the target cannot be set yet.
    let b = one(&f, "2018-H2", "b");
    assert_eq!(b.status, GoalStatus::NotMeasured);
    assert!(b.sentence.contains("målet fastsættes ud fra nulpunktet i 2017, som ikke er målt endnu"), "{}", b.sentence);
    f.write("data/b/2017.yaml", "værdier:\n  tryghed: 68\n");
    let b = one(&f, "2018-H2", "b");
    assert_eq!(b.status, GoalStatus::Met);
    assert_eq!(
        b.sentence,
        "Område B: 70,0\u{a0}% i 2018; målet er over 68,0\u{a0}% (nulpunktet i 2017). 2,0\u{a0}procentpoint over målet."
    );
}

#[test]
fn minimum_count_per_half_year() {
    let f = plan(
        "  - { id: tema, indsatsområde: tryg, aktivitet: job, tekst: 8 pr. halvår, indikator: job, gælder: [a], regel: { slags: mindste-antal, mindst: 8, pr: halvår }, datakilde: Egen }",
    );
    f.write("data/a/2018.yaml", "h1:\n  antal:\n    jobs: 5\nh2:\n  antal:\n    jobs: 9\n");
    let h1 = one(&f, "2018-H1", "a");
    assert_eq!((h1.status, h1.when), (GoalStatus::NotMet, Some(When::Half("2018-H1".parse().unwrap()))));
    assert_eq!(h1.sentence, "Område A: 5 i 1. halvår 2018; målet er mindst 8 i halvåret. 3 under målet.");
    let h2 = one(&f, "2018-H2", "a");
    assert_eq!((h2.status, h2.when.map(|w| w.to_string())), (GoalStatus::Met, Some("2018-H2".to_string())));
    assert_eq!(h2.history.len(), 2);
}

#[test]
fn minimum_count_per_year_on_samlet_sums_the_areas() {
    let f = plan(
        "  - { id: job, indsatsområde: tryg, tekst: 60 om året, indikator: job, regel: { slags: mindste-antal, mindst: 60 }, datakilde: Egen }",
    );
    f.write("data/a/2018.yaml", "antal:\n  jobs: 35\n");
    f.write("data/b/2018.yaml", "antal:\n  jobs: 24\n");
    let s = one(&f, "2018-H2", "samlet");
    assert_eq!((s.value, s.status), (Some(dec("59")), GoalStatus::NotMet));
    assert_eq!(s.sentence, "Samlet: 59 i 2018; målet er mindst 60 om året. 1 under målet.");
}

#[test]
fn minimum_share_and_floor() {
    let f = plan(
        r#"  - { id: andel, indsatsområde: tryg, tekst: 50 %, indikator: tryghed, gælder: [a], regel: { slags: mindste-andel, mindst: 50 }, datakilde: Egen }
  - { id: grupper, indsatsområde: tryg, tekst: 4 grupper, indikator: job, gælder: [a], regel: { slags: gulv, mindst: 4 }, datakilde: Egen }"#,
    );
    f.write("data/a/2018.yaml", "værdier:\n  tryghed: 49.9\nantal:\n  jobs: 4\n");
    let results = evaluate_at(&f, "2018-H2");
    assert_eq!(results[0].evaluations[0].status, GoalStatus::NotMet);
    assert_eq!(
        sentences_at(&f, "2018-H2")[0][0],
        "Område A: 49,9\u{a0}% i 2018; målet er mindst 50,0\u{a0}%. 0,1\u{a0}procentpoint under målet."
    );
    assert_eq!(results[1].evaluations[0].status, GoalStatus::Met);
}

#[test]
fn floor_by_a_year_then_growth() {
    let f = plan(
        "  - { id: web, indsatsområde: tryg, tekst: 10.000 i 2018 og +8\u{a0}%, indikator: job, gælder: [a], regel: { slags: gulv-så-vækst, mindst: 10000, år: 2018, vækst: 8 }, datakilde: Web }",
    );
    // The first value of the plan period starts the path to the floor; it is
    // not judged against itself.
    f.write("data/a/2017.yaml", "antal:\n  jobs: 6000\n");
    assert_eq!(one(&f, "2017-H2", "a").status, GoalStatus::NotMeasured);
    // 2019: 10.000 × 1,08 = 10.800.
    f.write("data/a/2019.yaml", "antal:\n  jobs: 10900\n");
    let a = one(&f, "2019-H2", "a");
    assert_eq!(a.requirement.unwrap().value, dec("10800"));
    assert_eq!(a.status, GoalStatus::Met);
    assert_eq!(
        a.sentence,
        "Område A: 10.900 i 2019; målet er mindst 10.800 (10.000 i 2018, derefter 8\u{a0}% mere om året). 100 over målet."
    );
}

#[test]
fn floor_by_a_later_year_is_on_track_on_the_path() {
    let f = plan(
        "  - { id: web, indsatsområde: tryg, tekst: x, indikator: job, gælder: [a], regel: { slags: gulv-så-vækst, mindst: 10000, år: 2019, vækst: 0 }, datakilde: Web }",
    );
    // Path from 6.000 (2017) to 10.000 (2019): 8.000 in 2018.
    f.write("data/a/2017.yaml", "antal:\n  jobs: 6000\n");
    f.write("data/a/2018.yaml", "antal:\n  jobs: 8500\n");
    let a = one(&f, "2018-H2", "a");
    assert_eq!((a.requirement.unwrap().value, a.status), (dec("8000"), GoalStatus::OnTrack));
    f.write("data/a/2020.yaml", "antal:\n  jobs: 10000\n");
    let held = one(&f, "2020-H2", "a");
    assert_eq!(
        held.sentence,
        "Område A: 10.000 i 2020; målet er mindst 10.000 (nået i 2019 og derefter fastholdt). Lige på målet."
    );
}

#[test]
fn the_baseline_year_of_a_path_is_not_judged_against_itself() {
    let f = plan(
        "  - { id: sti, indsatsområde: tryg, tekst: x, indikator: krim, gælder: [a], regel: { slags: forløb, fra: { år: 2018 }, til: { år: 2021, værdi: 10 } }, datakilde: BL }",
    );
    f.write("data/a/2018.yaml", "værdier:\n  krim: 50\n");
    let a = one(&f, "2018-H2", "a");
    assert_eq!(a.status, GoalStatus::NotMeasured);
    assert!(a.sentence.ends_with("2018 er basisåret; målet gælder fra 2019."), "{}", a.sentence);
}

#[test]
fn a_gap_never_prints_as_zero() {
    let f = plan(
        "  - { id: loft, indsatsområde: tryg, tekst: x, indikator: krim, gælder: [a], regel: { slags: loft, højst: 26.39 }, datakilde: BL }",
    );
    f.write("data/a/2018.yaml", "værdier:\n  krim: 26.349\n");
    let a = one(&f, "2018-H2", "a");
    assert_eq!(a.sentence, "Område A: 26,35\u{a0}pr. 1000 beboere i 2018; målet er højst 26,39. 0,04 under målet.");
}

#[test]
fn a_nearly_flat_trend_far_from_its_target_is_never_reached() {
    // 1 in 10^12 and 1 in 10^12 - 1: a slope of about 10^-22 a year.
    let f = plan(
        "  - { id: gulv, indsatsområde: tryg, tekst: x, indikator: tryghed, gælder: [a], regel: { slags: gulv, mindst: 99 }, datakilde: x }",
    );
    f.write("data/a/2017.yaml", "antal:\n  jobs: 1\n  beboere: 1000000000000\n");
    f.write("data/a/2018.yaml", "antal:\n  jobs: 1\n  beboere: 999999999999\n");
    let p = one(&f, "2018-H2", "a").evaluation.projection.unwrap();
    assert_eq!(p.reaches, None);
}

#[test]
fn reduction_by_a_date_then_held() {
    let f = plan(
        "  - { id: frafald, indsatsområde: tryg, tekst: -30\u{a0}% inden 2019, indikator: haervaerk, gælder: [a], regel: { slags: reduktion-inden, procent: -30, basis: { år: 2017, værdi: 100 }, inden: 2019 }, datakilde: UU }",
    );
    // 2018: halfway from 100 to 70 = 85.
    f.write("data/a/2018.yaml", "antal:\n  haervaerk: 80\n");
    let a = one(&f, "2018-H2", "a");
    assert_eq!((a.requirement.unwrap().value, a.status), (dec("85"), GoalStatus::OnTrack));
    f.write("data/a/2018.yaml", "antal:\n  haervaerk: 65\n");
    assert_eq!(one(&f, "2018-H2", "a").status, GoalStatus::Met);
    // After the date, 70 must be held.
    f.write("data/a/2020.yaml", "antal:\n  haervaerk: 72\n");
    let held = one(&f, "2020-H2", "a");
    assert_eq!((held.requirement.unwrap().value, held.status), (dec("70"), GoalStatus::NotMet));
}

#[test]
fn direction_only_is_on_track_until_its_end_year() {
    let f = plan(
        "  - { id: fravaer, indsatsområde: tryg, tekst: Falder 2017-2021, indikator: krim, gælder: [a], regel: { slags: retning, fra: { år: 2017 }, til: { år: 2021 } }, datakilde: Skole }",
    );
    f.write("data/a/2017.yaml", "værdier:\n  krim: 12\n");
    f.write("data/a/2018.yaml", "værdier:\n  krim: 11\n");
    let a = one(&f, "2018-H2", "a");
    assert_eq!(a.status, GoalStatus::OnTrack);
    assert!(a.sentence.ends_with("Afgøres i 2021."), "{}", a.sentence);
    f.write("data/a/2018.yaml", "værdier:\n  krim: 12\n");
    assert_eq!(one(&f, "2018-H2", "a").status, GoalStatus::NotMet);
}

#[test]
fn a_criterion_with_no_data_yet() {
    let f = plan(
        "  - { id: loft, indsatsområde: tryg, tekst: x, indikator: krim, gælder: [a, b], regel: { slags: loft, under: 30 }, datakilde: BL }",
    );
    // Only a figure from before the plan: not measured in the plan period.
    f.write("data/a/2016.yaml", "værdier:\n  krim: 34.2\n");
    let results = evaluate_at(&f, "2018-H2");
    assert_eq!(results[0].status, GoalStatus::NotMeasured);
    let sentences = sentences_at(&f, "2018-H2");
    assert_eq!(
        sentences[0][0],
        "Område A: ikke målt endnu; der er ingen tal fra planperioden (seneste tal: 34,2\u{a0}pr. 1000 beboere i 2016)."
    );
    assert_eq!(sentences[0][1], "Område B: ikke målt endnu; der er ingen tal fra planperioden.");
    assert_eq!(
        goals::count(&results),
        vec![(GoalStatus::Met, 0), (GoalStatus::OnTrack, 0), (GoalStatus::NotMet, 0), (GoalStatus::NotMeasured, 1)]
    );
}

#[test]
fn qualitative_criteria_take_the_written_assessment() {
    let f = plan(
        "  - { id: indflydelse, indsatsområde: tryg, tekst: Beboerne har indflydelse, regel: { slags: kvalitativ }, datakilde: Referater }",
    );
    let none = one(&f, "2018-H2", "samlet");
    assert_eq!(none.status, GoalStatus::NotMeasured);
    assert_eq!(none.sentence, "Samlet: ingen skriftlig vurdering for 2. halvår 2018.");
    f.write(
        "data/status/2018-h2.yaml",
        "vurderinger:\n  indflydelse:\n    status: på vej\n    tekst: Beboerrådet er nedsat.\n",
    );
    let s = one(&f, "2018-H2", "samlet");
    assert_eq!(s.status, GoalStatus::OnTrack);
    assert_eq!(s.sentence, "Samlet: på vej i 2. halvår 2018. Beboerrådet er nedsat.");
}

#[test]
fn projection_by_least_squares() {
    // 40, 36, 33, 31 in 2015-2018: slope -3 a year, mean 35 at 2016,5.
    // The line reaches 30 at 2016,5 + 5/3 = 2018,17, so in 2019.
    let f = plan(
        "  - { id: loft, indsatsområde: tryg, tekst: x, indikator: krim, gælder: [a], regel: { slags: loft, under: 30 }, datakilde: BL }",
    );
    for (year, v) in [(2015, "40"), (2016, "36"), (2017, "33"), (2018, "31")] {
        f.write(&format!("data/a/{year}.yaml"), &format!("værdier:\n  krim: {v}\n"));
    }
    let a = one(&f, "2018-H2", "a");
    let p = a.projection.clone().expect("a projection");
    assert_eq!(p.slope, dec("-3"));
    assert_eq!(p.reaches, Some(2019));
    assert_eq!(criteria::projection_sentence(&p), "Med den nuværende udvikling (2015-2018) nås målet i 2019.");
    // Rising instead: never reached.
    f.write("data/a/2015.yaml", "værdier:\n  krim: 31\n");
    f.write("data/a/2018.yaml", "værdier:\n  krim: 40\n");
    let p = one(&f, "2018-H2", "a").evaluation.projection.unwrap();
    assert_eq!(
        (p.reaches, criteria::projection_sentence(&p).as_str()),
        (None, "Med den nuværende udvikling (2015-2018) nås målet ikke inden 2021.")
    );
    // Two years are a line, not a trend: the sentence says it rests on two.
    f.remove("data/a/2015.yaml");
    f.remove("data/a/2016.yaml");
    f.write("data/a/2017.yaml", "værdier:\n  krim: 36\n");
    f.write("data/a/2018.yaml", "værdier:\n  krim: 33\n");
    let p = one(&f, "2018-H2", "a").evaluation.projection.unwrap();
    assert_eq!(
        criteria::projection_sentence(&p),
        "Med den nuværende udvikling (2017-2018, kun to år og derfor et usikkert skøn) nås målet i 2020."
    );
}

#[test]
fn an_average_is_not_summed_across_areas() {
    // Income is an average per area: samlet is not the sum of the areas'
    // averages over the sum of the region's, and the method says why.
    let f = plan("");
    let text = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    let text = text
        .replace(
            "  - { id: haervaerk, navn: Hærværk }\n",
            "  - { id: haervaerk, navn: Hærværk }\n  - { id: indkomst, navn: Gennemsnitlig indkomst, gennemsnit: true }\n  - { id: region, navn: Regionens gennemsnitlige indkomst, gennemsnit: true }\n",
        )
        .replace(
            "indikatorer:\n",
            "indikatorer:\n  - { id: ind, navn: Indkomst i procent af regionens, enhed: \"%\", tæller: indkomst, nævner: region, skala: 100, bedre: højere, decimaler: 1, datakilde: DST }\n",
        );
    f.write("data/plan.yaml", &text);
    f.write("data/a/2018.yaml", "antal:\n  indkomst: 200000\n  region: 400000\n");
    f.write("data/b/2018.yaml", "antal:\n  indkomst: 300000\n  region: 400000\n");
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let model = &inputs.model;
    let ind = model.indicator("ind").unwrap();
    let trend = helhed::eval::values::trend(model, ind, 2018);
    let total = trend.rows.iter().find(|r| r.series == "samlet").unwrap();
    let point = total.at(2018).unwrap();
    assert_eq!(point.value, None);
    assert_eq!(
        helhed::present::words::missing(model, point.missing.as_ref().unwrap()),
        "beregnes ikke: gennemsnitlig indkomst er et gennemsnit, og områdernes gennemsnit lægges ikke sammen"
    );
    assert!(helhed::present::report::method_text(model, ind).contains("Samlet beregnes ikke"));
    // An area's own figure is still its ratio: 200.000 ÷ 400.000 × 100.
    let a = trend.rows.iter().find(|r| r.series == "a").unwrap();
    assert_eq!(a.at(2018).unwrap().value.map(|v| v.value), Some(dec("50")));
}

#[test]
fn two_year_average_and_least_squares_helpers() {
    use helhed::eval::values::{Origin, Value};
    let v = |x: &str| Value { value: dec(x), parts: None, example: false, origin: Origin::Given, smallest: None };
    let values = [(2015u16, v("28.8")), (2016, v("34.2"))].into_iter().collect();
    assert_eq!(helhed::eval::projection::two_year_average(&values, 2016), Some(dec("31.5")));
    assert_eq!(helhed::eval::projection::two_year_average(&values, 2015), None);
    let (slope, mx, my) =
        helhed::eval::projection::least_squares(&[(2013, dec("55.1")), (2014, dec("28.8")), (2015, dec("34.2"))])
            .unwrap();
    // Σ(x-x̄)(y-ȳ) = -55,1 + 34,2 = -20,9 over Σ(x-x̄)² = 2.
    assert_eq!((slope, mx, my), (dec("-10.45"), dec("2014"), dec("39.366666666666666666666666667")));
    assert!(helhed::eval::projection::least_squares(&[(2013, dec("1"))]).is_none());
}

#[test]
fn half_year_period_uses_the_last_full_year() {
    // A 1st-half report judges annual figures of the year before.
    let f = plan(
        "  - { id: loft, indsatsområde: tryg, tekst: x, indikator: krim, gælder: [a], regel: { slags: loft, under: 30 }, datakilde: BL }",
    );
    f.write("data/a/2017.yaml", "værdier:\n  krim: 20\n");
    f.write("data/a/2018.yaml", "værdier:\n  krim: 40\n");
    let results = evaluate_at(&f, "2018-H1");
    assert_eq!(results[0].evaluations[0].when, Some(When::Year(2017)));
}

#[test]
fn a_chart_of_counts_has_whole_ticks() {
    use helhed::present::charts::Anchor;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = helhed::Config { data: root.join("data"), ..helhed::Config::default() };
    let inputs = helhed::prepare(&config).unwrap();
    let evaluated = helhed::eval::evaluate(&inputs.model, inputs.period);
    let report = helhed::present::evaluation::evaluation_report(&inputs.model, &evaluated);
    // Større aktiviteter counts events: 1 in 2017, 2 in 2018, a target of 2.
    let view = report.indikatorer.iter().find(|i| i.indikator.figur.contains("stoerre-aktiviteter")).unwrap();
    let texts = &view.indikator.figurtekst.tekster;
    let labels: Vec<&str> = texts.iter().filter(|t| t.anker == Anchor::End).map(|t| t.tekst.as_str()).collect();
    for tick in ["0", "1", "2"] {
        assert!(labels.contains(&tick), "{labels:?}");
    }
    assert!(!labels.iter().any(|l| l.contains(',')), "no decimal ticks on a count axis: {labels:?}");
}

#[test]
fn a_count_per_year_is_not_judged_on_a_year_the_plan_covers_in_part() {
    // The plan runs from 1 October 2017: 2017 has a quarter of the plan's
    // work, so "mindst 60 om året" is judged from 2018 on.
    let f = plan(
        "  - { id: job60, indsatsområde: tryg, tekst: 60 fritidsjob om året, indikator: job, gælder: [a], regel: { slags: mindste-antal, mindst: 60, pr: år }, datakilde: Egen }",
    );
    f.write("data/a/2017.yaml", "antal:\n  jobs: 14\n");
    let first = one(&f, "2018-H1", "a");
    assert_eq!(first.status, GoalStatus::NotMeasured);
    assert_eq!(
        first.sentence,
        "Område A: 14 i 2017; ikke målt endnu mod målet: planen dækker kun 2017 fra 1. oktober 2017, og et mål pr. år vurderes på et helt år."
    );
    f.write("data/a/2018.yaml", "antal:\n  jobs: 61\n");
    let full = one(&f, "2018-H2", "a");
    assert_eq!((full.status, full.when.map(|w| w.to_string())), (GoalStatus::Met, Some("2018".into())));
}

#[test]
fn a_count_requirement_is_whole() {
    // 52 × 0,85 = 44,2: a whole count meets "højst 44,2" exactly when it is
    // at most 44, and the sentence says so without decimals.
    let rule = "  - { id: fald, indsatsområde: tryg, tekst: x, indikator: haervaerk, gælder: [a], regel: { slags: årlig-ændring, procent: -15, basisår: 2017 }, datakilde: Politi }";
    let f = plan(rule);
    f.write("data/a/2017.yaml", "antal:\n  haervaerk: 52\n");
    f.write("data/a/2018.yaml", "antal:\n  haervaerk: 44\n");
    let a = one(&f, "2018-H2", "a");
    assert_eq!((a.requirement.unwrap().value, a.status), (dec("44"), GoalStatus::Met));
    assert_eq!(a.sentence, "Område A: 44 i 2018; målet er højst 44 (15\u{a0}% lavere end 52 i 2017). Lige på målet.");
}

#[test]
fn a_yearly_count_in_the_plans_last_part_year_is_judged_on_the_last_full_year() {
    // The plan ends 30 September 2021: 2021 is a part year, so the count per
    // year is judged on 2020, not left "ikke målt endnu".
    let f = plan(
        "  - { id: job60, indsatsområde: tryg, tekst: 60 om året, indikator: job, gælder: [a], regel: { slags: mindste-antal, mindst: 60, pr: år }, datakilde: Egen }",
    );
    f.write("data/a/2020.yaml", "antal:\n  jobs: 61\n");
    f.write("data/a/2021.yaml", "antal:\n  jobs: 30\n");
    let a = one(&f, "2021-H2", "a");
    assert_eq!((a.status, a.when.map(|w| w.to_string())), (GoalStatus::Met, Some("2020".into())));
}
