//! The arithmetic of rates, shares and *samlet*, against hand-computed values.

mod common;
use common::Fixture;
use helhed::eval::values::{self as compute, Origin, Trend};
use helhed::model::text::format_da;
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn trend(f: &Fixture, indicator: &str, year: u16) -> Trend {
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let ind = inputs.model.indicators.iter().find(|i| i.id == indicator).unwrap();
    compute::trend(&inputs.model, ind, year)
}

fn value(t: &Trend, series: &str, year: u16) -> Option<compute::Value> {
    t.rows.iter().find(|r| r.series == series)?.at(year)?.value
}

#[test]
fn rates_and_pooled_total_from_counts() {
    let f = Fixture::small();
    // A: 10 / 1000 × 1000 = 10,0. B: 30 / 500 × 1000 = 60,0.
    // Samlet: (10 + 30) / (1000 + 500) × 1000 = 26,666…, not the average 35,0.
    f.write("data/a/2017.yaml", "antal:\n  afgoerelser: 10\n  beboere: 1000\n");
    f.write("data/b/2017.yaml", "antal:\n  afgoerelser: 30\n  beboere: 500\n");
    let t = trend(&f, "krim", 2017);
    assert_eq!(value(&t, "a", 2017).unwrap().value, dec("10"));
    assert_eq!(value(&t, "b", 2017).unwrap().value, dec("60"));
    let total = value(&t, "samlet", 2017).unwrap();
    assert_eq!(total.origin, Origin::Pooled);
    assert_eq!(format_da(total.value, 3), "26,667");
    assert_eq!(format_da(total.value, 1), "26,7");
    let average = (dec("10") + dec("60")) / dec("2");
    assert_ne!(format_da(total.value, 1), format_da(average, 1));
}

#[test]
fn a_given_rate_is_weighted_by_its_denominator() {
    let f = Fixture::small();
    // A gives its rate 12,5 and 800 residents: 10 decisions. B: 30 / 500.
    // Samlet: (10 + 30) / (800 + 500) × 1000 = 30,769…
    f.write("data/a/2017.yaml", "værdier:\n  krim: 12.5\nantal:\n  beboere: 800\n");
    f.write("data/b/2017.yaml", "antal:\n  afgoerelser: 30\n  beboere: 500\n");
    let t = trend(&f, "krim", 2017);
    let a = value(&t, "a", 2017).unwrap();
    assert_eq!((a.value, a.origin), (dec("12.5"), Origin::Given));
    let total = value(&t, "samlet", 2017).unwrap();
    assert_eq!(format_da(total.value, 2), "30,77");
}

#[test]
fn a_rate_without_denominator_is_not_averaged() {
    let f = Fixture::small();
    f.write("data/a/2017.yaml", "værdier:\n  krim: 12.5\n");
    f.write("data/b/2017.yaml", "antal:\n  afgoerelser: 30\n  beboere: 500\n");
    let t = trend(&f, "krim", 2017);
    let row = t.rows.iter().find(|r| r.series == "samlet").unwrap();
    let point = row.at(2017).unwrap();
    assert_eq!(point.value, None);
    let reason = point.missing.as_ref().expect("a reason");
    assert_eq!(
        reason,
        &compute::Missing::NotPooled {
            denominator: Some("beboere".into()),
            without_denominator: vec!["a".into()],
            all: false,
            without_value: vec![],
        }
    );
    let model = &helhed::prepare(&f.config()).unwrap().model;
    assert_eq!(
        helhed::present::words::missing(model, reason),
        "kan ikke beregnes: Område A har kun en oplyst værdi uden antal beboere, så den kan ikke vægtes"
    );
}

#[test]
fn a_given_total_is_used_as_published() {
    let f = Fixture::small();
    f.write("data/a/2016.yaml", "værdier:\n  krim: 20\n");
    f.write("data/samlet/2016.yaml", "værdier:\n  krim: 30.65\n");
    let t = trend(&f, "krim", 2016);
    let total = value(&t, "samlet", 2016).unwrap();
    assert_eq!((total.value.to_string(), total.origin), ("30.65".to_string(), Origin::Given));
}

#[test]
fn shares_and_changes() {
    let f = Fixture::small();
    // 2016: 30 of 40 safe = 75 %; 2017: 33 of 40 = 82,5 %.
    f.write("data/a/2016.yaml", "antal:\n  trygge: 30\n  respondenter: 40\n  afgoerelser: 20\n  beboere: 1000\n");
    f.write("data/a/2017.yaml", "antal:\n  trygge: 33\n  respondenter: 40\n  afgoerelser: 15\n  beboere: 1000\n");
    f.write("data/a/2018.yaml", "antal:\n  afgoerelser: 12\n  beboere: 1000\n");
    let t = trend(&f, "tryghed", 2018);
    let row = t.rows.iter().find(|r| r.series == "a").unwrap();
    let p = row.at(2017).unwrap();
    assert_eq!(p.value.unwrap().value, dec("82.5"));
    let change = p.vs_previous.unwrap();
    assert_eq!((change.from_year, change.points), (2016, dec("7.5")));
    assert_eq!(change.percent.unwrap(), dec("10"));

    // Per 1000: 20 → 15 → 12, baseline 2016: 2018 is -8 points, -40 %.
    let t = trend(&f, "krim", 2018);
    let row = t.rows.iter().find(|r| r.series == "a").unwrap();
    let p = row.at(2018).unwrap();
    assert_eq!(p.vs_previous.unwrap().points, dec("-3"));
    assert_eq!(p.vs_previous.unwrap().percent.unwrap(), dec("-20"));
    let base = p.vs_base.unwrap();
    assert_eq!((base.from_year, base.points, base.percent.unwrap()), (2016, dec("-8"), dec("-40")));
    // Years without any figure before the first are not shown.
    assert_eq!(t.years, vec![2016, 2017, 2018]);
}

#[test]
fn a_change_from_zero_has_no_percentage() {
    let c = compute::Change::between(2016, Decimal::ZERO, dec("4"));
    assert_eq!((c.points, c.percent), (dec("4"), None));
}

#[test]
fn figures_stay_exactly_as_written() {
    let f = Fixture::small();
    f.write("data/a/2017.yaml", "værdier:\n  krim: 0.1\n  tryghed: 30.65\n");
    let inputs = helhed::prepare(&f.config()).unwrap();
    let fig = inputs.model.year("a", 2017).unwrap();
    assert_eq!(fig.values["krim"].value.to_string(), "0.1");
    assert_eq!(fig.values["tryghed"].value.to_string(), "30.65");
    assert_eq!(fig.values["krim"].value, Decimal::new(1, 1));
}

#[test]
fn seed_figures_in_the_example() {
    // Seed 002: Motalavej 2013-2015 55,1 / 28,8 / 34,2; Slagelse Kommune 11,8 / 10,3 / 11,4.
    let f = Fixture::example();
    let t = trend(&f, "kriminalitet", 2018);
    let shown = |s: &str, y| format_da(value(&t, s, y).unwrap().value, 1);
    assert_eq!(
        [shown("motalavej", 2013), shown("motalavej", 2014), shown("motalavej", 2015)],
        ["55,1", "28,8", "34,2"]
    );
    assert_eq!(shown("slagelse-kommune", 2015), "11,4");
    assert_eq!(value(&t, "samlet", 2016).unwrap().value, dec("30.65"));
    // 2018 (eksempeldata): (31 + 55 + 10 + 37) / (1174 + 2152 + 552 + 1441) × 1000 = 133 / 5319 × 1000.
    let total = value(&t, "samlet", 2018).unwrap();
    assert!(total.example);
    assert_eq!(total.value, dec("133") / dec("5319") * dec("1000"));
    assert_eq!(format_da(total.value, 1), "25,0");
}
