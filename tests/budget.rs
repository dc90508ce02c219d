//! The budget: LBF's budgetark for Ryparken Kvarteret (seed 003) reproduces
//! its printed totals, and a budget that does not balance is refused.

mod common;
use common::Fixture;
use helhed::eval::budget::{self, BudgetTotals};
use helhed::model::budget::FundingSource;
use helhed::model::text::format_da;
use rust_decimal::Decimal;

/// A plan with Ryparken's dates (1.3.2016 - 28.2.2020) and `budget`.
fn ryparken(budget: &str) -> Fixture {
    let f = Fixture::small();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml"))
        .unwrap()
        .replace("start: 2017-10-01", "start: 2016-03-01")
        .replace("slut: 2021-09-30", "slut: 2020-02-28");
    f.write("data/plan.yaml", &plan);
    f.write("data/budget.yaml", budget);
    f
}

const SHEET: &str = include_str!("fixtures/ryparken-budget.yaml");

fn totals(f: &Fixture) -> BudgetTotals {
    // The fixture has no figures, so the half-year is given.
    let mut config = f.config();
    config.period = Some("2017-H2".parse().unwrap());
    let inputs = helhed::prepare(&config).unwrap_or_else(|e| panic!("{e}"));
    budget::totals(inputs.model.budget.as_ref().expect("a budget"))
}

/// Danish whole numbers, as the sheet prints them.
fn da(values: &[Decimal]) -> Vec<String> {
    values.iter().map(|v| format_da(*v, 0)).collect()
}

#[test]
fn the_budgetark_totals_are_reproduced() {
    let t = totals(&ryparken(SHEET));
    assert_eq!(t.years, vec![2016, 2017, 2018, 2019, 2020]);

    let org = &t.sections[0];
    assert_eq!(org.name, "Projektorganisation");
    // "I alt 280 606 609 615 115 = 2.225", financed 1.643 / 355 / 227.
    assert_eq!(da(&org.per_year), ["280", "606", "609", "615", "115"]);
    assert_eq!(format_da(org.total, 0), "2.225");
    assert_eq!(format_da(org.financing.get(FundingSource::Lbf), 0), "1.643");
    assert_eq!(format_da(org.financing.get(FundingSource::HousingCash), 0), "355");
    assert_eq!(format_da(org.financing.get(FundingSource::HousingHours), 0), "227");
    assert_eq!(org.balance, Decimal::ZERO);
    // A row total is the sum of its years: "Projektleder (50%)* ... 1.186".
    assert_eq!(format_da(org.lines[0].total, 0), "1.186");

    // Section 1: "Sum 383 550 556 589 92 = 2.170".
    assert_eq!(da(&t.sections[1].per_year), ["383", "550", "556", "589", "92"]);
    assert_eq!(format_da(t.sections[1].total, 0), "2.170");
    assert_eq!(format_da(t.sections[3].total, 0), "3.460");
    assert_eq!(format_da(t.sections[4].total, 0), "120");

    // "Total 1.637 2.199 2.217 2.326 421 = 8.800; 6.600 LBF; 873 / 227 / 1.100".
    assert_eq!(da(&t.per_year), ["1.637", "2.199", "2.217", "2.326", "421"]);
    assert_eq!(format_da(t.total, 0), "8.800");
    assert_eq!(format_da(t.financing.get(FundingSource::Lbf), 0), "6.600");
    assert_eq!(format_da(t.financing.get(FundingSource::HousingCash), 0), "873");
    assert_eq!(format_da(t.financing.get(FundingSource::HousingHours), 0), "227");
    assert_eq!(format_da(t.financing.get(FundingSource::MunicipalityCash), 0), "1.100");
    assert_eq!(format_da(t.financing.total, 0), "8.800");
    // "Balance 0", "Medfinans. % 25".
    assert_eq!(t.balance, Decimal::ZERO);
    assert_eq!(t.cofinancing_percent, Some(Decimal::from(25)));
}

#[test]
fn a_budget_that_does_not_balance_is_refused_with_the_difference() {
    let f = ryparken(
        &SHEET.replace("finansiering: { lbf: 82, boligorganisation-kontant: 38 }", "finansiering: { lbf: 82 }"),
    );
    assert_eq!(
        f.errors(),
        [
            "fejl: data/budget.yaml:9:1: budgettet balancerer ikke: finansieringen er 8.762 t.kr. og udgifterne 8.800 t.kr.; forskellen (finansiering minus udgifter) er -38 t.kr. og skal være 0"
        ]
    );
}

#[test]
fn a_stated_row_total_must_match_its_years() {
    let f = ryparken(&SHEET.replacen("i_alt: 1186", "i_alt: 1187", 1));
    assert_eq!(
        f.errors(),
        [
            "fejl: data/budget.yaml:14:16: «Projektleder (50%)»: i_alt er 1.187, men årene giver tilsammen 1.186 (forskel 1)"
        ]
    );
}

#[test]
fn unknown_sources_years_outside_the_plan_and_negative_amounts() {
    let f = ryparken(
        r#"afsnit:
  - navn: Projektorganisation
    indsatsområde: findes-ikke
    linjer:
      - navn: Leder
        udgifter: { 2015: 10, 2016: -5 }
        finansiering: { lbff: 5 }
        forbrug: { 2016-H3: 1 }
"#,
    );
    assert_eq!(
        f.errors(),
        [
            "fejl: data/budget.yaml:3:20: ukendt indsatsområde «findes-ikke»; kendte: (ingen)",
            "fejl: data/budget.yaml:6:21: året 2015 ligger uden for planperioden 2016-2020",
            "fejl: data/budget.yaml:6:37: beløbet -5 er negativt; budgettet skrives med positive beløb i t.kr.",
            "fejl: data/budget.yaml:7:25: ukendt finansieringskilde «lbff»; kilderne er lbf, boligorganisation-kontant, boligorganisation-timer, kommune-kontant, kommune-timer, anden og lokal",
            "fejl: data/budget.yaml:8:20: «2016-H3» er ikke et halvår; skriv fx 2018-H2 (år, bindestreg, H1 eller H2)",
        ]
    );
}

#[test]
fn spending_against_budget() {
    let f = ryparken(&SHEET.replace(
        "        i_alt: 1186\n",
        "        i_alt: 1186\n        forbrug: { 2017-H1: 150, 2017-H2: 160, 2018-H1: 170 }\n",
    ));
    let t = totals(&f);
    let line = &t.sections[0].lines[0];
    assert_eq!(line.spending.len(), 2);
    // 2017: 310 of 325 = 95,38 %; 2018: only the first half, 170 of 327.
    assert_eq!((line.spending[0].year, line.spending[0].spent), (2017, Decimal::from(310)));
    assert_eq!(format_da(line.spending[0].percent.unwrap(), 2), "95,38");
    assert_eq!(line.spending[1].halves, vec![1]);
    assert_eq!(format_da(line.spending[1].percent.unwrap(), 1), "52,0");
    assert_eq!(t.spending[0].budget, Decimal::from(2199));
}

#[test]
fn the_documents_print_the_budget_in_the_budgetarks_form() {
    let t = totals(&ryparken(SHEET));
    let view = helhed::present::budget::budget_view(&t);
    let sheet = &view.ark;
    // The financing columns are the sources the sheet uses, in its order.
    assert_eq!(sheet.kilder, ["LBF", "Boligorg. kontant", "Boligorg. timer", "Kommune kontant"]);
    let org = &sheet.afsnit[0];
    let leader = &org.linjer[0];
    assert_eq!(leader.navn, "Projektleder (50%)");
    assert_eq!(leader.celler, ["144", "325", "327", "333", "57"]);
    assert_eq!(
        (leader.i_alt.as_str(), leader.finansiering.as_slice()),
        ("1.186", &["1.060".to_string(), "126".into(), String::new(), String::new()][..])
    );
    assert_eq!(org.i_alt.navn, "I alt, Projektorganisation");
    assert_eq!(org.i_alt.finansiering, ["1.643", "355", "227", ""]);
    assert_eq!(sheet.i_alt.celler, ["1.637", "2.199", "2.217", "2.326", "421"]);
    assert_eq!(sheet.i_alt.finansiering, ["6.600", "873", "227", "1.100"]);
    assert_eq!((sheet.balance.as_str(), sheet.balancerer, sheet.medfinansiering.as_str()), ("0", true, "25,0\u{a0}%"));
}

#[test]
fn the_statusrapport_warns_when_spending_exceeds_the_budget() {
    let f = Fixture::example();
    helhed::build(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let Some(text) = common::pdf_text(&std::fs::read(f.path("out/statusrapport-2018-h2.pdf")).unwrap()) else { return };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "• Forbrug 2018: 11.335 t.kr. af et budget på 11.113 t.kr. (102,0 %). Over budget.",
        "Linje (t.kr.) 2017 2018 2019 2020 2021 I alt LBF Lokal, ikke fordelt",
        "I alt 2.778 11.113 11.113 11.113 8.333 44.450 25.000 19.450",
        "Balance (finansiering minus udgifter): 0 t.kr. Medfinansiering: 43,8 % af finansieringen.",
    ] {
        assert!(text.contains(expected), "missing «{expected}» in {text}");
    }
}
