//! The statusrapport's front page (issue 17, items 1 and 2): what changed
//! since the previous half-year agrees with the counts, whatever half-year
//! is built, and the headline names the key figures, spending and lists.

mod common;

use common::Fixture;
use helhed::eval::evaluate;
use helhed::present::front;
use helhed::present::report::{self, StatusReport};

fn report_at(f: &Fixture, period: &str) -> StatusReport {
    let mut config = f.config();
    config.period = Some(period.parse().unwrap());
    let inputs = helhed::prepare(&config).unwrap_or_else(|e| panic!("{e}"));
    report::status_report(&inputs.model, &evaluate(&inputs.model, inputs.period))
}

/// For every status: the count now minus the count before equals the changes
/// into it minus the changes out of it.
fn assert_changes_agree_with_counts(r: &StatusReport) {
    let items: Vec<_> = r.aendringer.grupper.iter().flat_map(|g| &g.punkter).collect();
    assert_eq!(r.aendringer.grupper.iter().map(|g| g.antal).sum::<usize>(), r.aendringer.i_alt);
    assert!(r.aendringer.grupper.iter().all(|g| g.flere == 0), "every change is shown in this half-year");
    for (now, before) in r.status_antal.iter().zip(&r.status_antal_forrige) {
        let into = items.iter().filter(|c| c.til.kode == now.status.kode).count() as i64;
        let out = items.iter().filter(|c| c.fra.kode == now.status.kode).count() as i64;
        assert_eq!(now.antal as i64 - before.antal as i64, into - out, "{} in {}", now.status.tekst, r.periode.id);
    }
}

#[test]
fn the_changes_agree_with_the_counts_in_every_half_year() {
    let f = Fixture::example();
    // 2019-H1 without a status file: the written assessments of 2018-H2
    // are gone, and the page says so instead of "no change".
    let r = report_at(&f, "2019-H1");
    let counts: Vec<usize> = r.status_antal.iter().map(|c| c.antal).collect();
    let before: Vec<usize> = r.status_antal_forrige.iter().map(|c| c.antal).collect();
    assert_ne!(counts, before);
    assert_changes_agree_with_counts(&r);
    let gone = r.aendringer.grupper.iter().find(|g| g.overskrift == "Ikke længere målt").expect("a group");
    let written = gone.punkter.iter().find(|c| c.titel == "Trygheden vurderes styrket").expect("the assessment");
    assert_eq!(
        (written.til.tekst, written.grundlag.as_str()),
        ("ikke målt endnu", "ingen skriftlig vurdering for 1. halvår 2019")
    );
    // Labels are whole titles, never cut.
    assert!(r.aendringer.grupper.iter().flat_map(|g| &g.punkter).all(|c| !c.titel.contains('…')));
}

#[test]
fn no_yearly_count_improves_from_the_quarter_year_2017() {
    let r = report_at(&Fixture::example(), "2018-H2");
    let better = r.aendringer.grupper.iter().find(|g| g.overskrift == "Forbedret").expect("a group");
    // "Mindst 50 aktive frivillige om året" was judged on 2017 before; now
    // 2017 is not judged, so it is measured for the first time in 2018.
    assert!(better.punkter.iter().all(|c| c.titel != "Mindst 50 aktive frivillige om året"));
    let first = r.aendringer.grupper.iter().find(|g| g.overskrift == "Målt for første gang").expect("a group");
    let volunteers = first.punkter.iter().find(|c| c.titel == "Mindst 50 aktive frivillige om året").expect("listed");
    assert_eq!((volunteers.omraader.as_str(), volunteers.til.tekst), ("Samlet", "opfyldt"));
    assert_eq!(r.aendringer.resume, "4 forbedret og 46 målt for første gang");
}

#[test]
fn a_criterion_without_kort_is_titled_by_its_first_clause() {
    assert_eq!(
        front::short_title("Fraflytningen skal falde: 10 % om året. Det gælder alle.", None),
        "Fraflytningen skal falde"
    );
    assert_eq!(front::short_title("Mindst 5 pr. år (jf. pkt. 2). Siden mere.", None), "Mindst 5 pr. år (jf. pkt. 2)");
    assert_eq!(front::short_title("Lang tekst", Some("Kort")), "Kort");
}

#[test]
fn the_front_page_has_the_key_figures_spending_and_lists() {
    let r = report_at(&Fixture::example(), "2018-H2");
    let titles: Vec<&str> = r.noegletal.iter().map(|k| k.titel.as_str()).collect();
    assert_eq!(
        titles,
        ["Kriminalretlige afgørelser pr. 1000 beboere", "Trygge beboere (%)", "Fraflytningsprocent (%)"]
    );
    let crime = &r.noegletal[0];
    assert_eq!(
        (crime.vaerdi.as_str(), crime.aar.as_str(), crime.aendring.as_str(), crime.krav.as_str()),
        ("25,0", "2018", "-3,3 siden 2017", "højst 26,4")
    );
    assert_eq!(crime.status.as_ref().map(|s| s.tekst), Some("på vej"));
    let spending = r.forbrug_forside.as_ref().expect("spending");
    assert_eq!(spending.tekst, "Forbrug 2018: 11.335\u{a0}t.kr. af et budget på 11.113\u{a0}t.kr. (102,0\u{a0}%)");
    assert!(spending.over_budget);
    // Each count says under which strand of work its criteria stand.
    let met = &r.status_antal[0];
    assert_eq!((met.antal, met.pr_indsatsomraade.iter().sum::<usize>()), (20, 20));
}
