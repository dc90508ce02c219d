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
