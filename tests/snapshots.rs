//! The JSON model handed to each document template, pinned: a change to any
//! figure, sentence or status in the example is a visible diff in review.
//! After an intended change: `cargo insta review` (or `INSTA_UPDATE=always cargo test`).

use helhed::Config;
use helhed::eval::evaluate;
use helhed::present::{evaluation, report};
use std::path::Path;

fn example() -> helhed::Inputs {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config {
        data: root.join("data"),
        templates: root.join("report-templates"),
        templates_asked: true,
        out: root.join("out"),
        period: None,
        reuse: false,
    };
    helhed::prepare(&config).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn statusrapport_data() {
    let inputs = example();
    let data = report::status_report(&inputs.model, &evaluate(&inputs.model, inputs.period));
    // The example has no run of letters too long for a line: the template
    // gets the model's JSON byte for byte.
    assert_eq!(helhed::present::breaks::document_json(&data), serde_json::to_vec(&data).unwrap());
    insta::assert_json_snapshot!("statusrapport-2018-h2", data);
}

#[test]
fn helhedsevaluering_data() {
    let inputs = example();
    let data = evaluation::evaluation_report(&inputs.model, &evaluate(&inputs.model, inputs.period));
    assert_eq!(helhed::present::breaks::document_json(&data), serde_json::to_vec(&data).unwrap());
    insta::assert_json_snapshot!("helhedsevaluering-2018", data);
}
