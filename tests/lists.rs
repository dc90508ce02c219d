//! The list criteria: validation of rule sets, their evaluation on figures
//! made up for each case, and what the documents say of the result.

use helhed::eval::lists::{ListInputs, ListResult, NotListed, ResidentCheck, Status, evaluate_all, rule_set_for};
use helhed::input::lists::{DEFAULT_RULES, RawListRules};
use helhed::input::parse;
use helhed::model::Cmp;
use helhed::model::diag::Diagnostics;
use helhed::model::lists::ListRules;
use helhed::model::text::parse_exact;
use helhed::present::lists::{ListFigures, ListTexts, texts};
use helhed::validate::lists::{default_rules, load_rules};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::path::Path;

fn dec(s: &str) -> Decimal {
    parse_exact(s).unwrap()
}

/// Figures for tests, keyed by area, input and year.
#[derive(Default)]
struct Data {
    values: BTreeMap<(String, String, u16), Decimal>,
    national: BTreeMap<(String, u16), Decimal>,
    residents: BTreeMap<(String, u16), Decimal>,
    names: BTreeMap<String, String>,
}

impl Data {
    fn set(&mut self, area: &str, input: &str, years: RangeInclusive<u16>, value: &str) -> &mut Self {
        for y in years {
            self.values.insert((area.into(), input.into(), y), dec(value));
        }
        self
    }
    fn year(&mut self, area: &str, input: &str, year: u16, value: &str) -> &mut Self {
        self.set(area, input, year..=year, value)
    }
    fn remove(&mut self, area: &str, input: &str, year: u16) -> &mut Self {
        self.values.remove(&(area.into(), input.into(), year));
        self
    }
    fn nat(&mut self, input: &str, year: u16, value: &str) -> &mut Self {
        self.national.insert((input.into(), year), dec(value));
        self
    }
    fn set_residents(&mut self, area: &str, years: RangeInclusive<u16>, value: &str) -> &mut Self {
        for y in years {
            self.residents.insert((area.into(), y), dec(value));
        }
        self
    }
}

impl ListInputs for Data {
    fn value(&self, area: &str, input: &str, year: u16) -> Option<Decimal> {
        self.values.get(&(area.to_string(), input.to_string(), year)).copied()
    }
    fn national(&self, input: &str, year: u16) -> Option<Decimal> {
        self.national.get(&(input.to_string(), year)).copied()
    }
    fn residents(&self, area: &str, year: u16) -> Option<Decimal> {
        self.residents.get(&(area.to_string(), year)).copied()
    }
}

/// A result with what the documents say of it, the area named as `d` names it.
struct Said {
    result: ListResult,
    said: ListTexts,
}

impl std::ops::Deref for Said {
    type Target = ListResult;
    fn deref(&self) -> &ListResult {
        &self.result
    }
}

impl Said {
    fn criterion_text(&self, id: &str) -> &str {
        let i = self.result.criteria.iter().position(|c| c.id == id).unwrap_or_else(|| panic!("no criterion {id}"));
        &self.said.criteria[i]
    }
    fn category_text(&self, id: &str) -> &str {
        let i = self.result.categories.iter().position(|c| c.id == id).unwrap_or_else(|| panic!("no category {id}"));
        &self.said.categories[i]
    }
}

/// Evaluates the list of `list_year` for `area`, and words it.
fn evaluate(rules: &ListRules, d: &Data, area: &str, list_year: u16) -> Option<Said> {
    let result = helhed::eval::lists::evaluate(rules, d, area, list_year)?;
    let name = d.names.get(area).map_or(area, String::as_str);
    let said = texts(rules, &result, name);
    Some(Said { result, said })
}

/// Area `a` for list year `list_year`: every input far from every
/// threshold of every set (no criterion met), 1.500 residents, national
/// average of `domfaeldte` 1,0 %, for the four data years before the list.
fn neutral(list_year: u16) -> Data {
    let years = list_year - 4..=list_year - 1;
    let mut d = Data::default();
    d.set("a", "ikke-vestlige", years.clone(), "10")
        .set("a", "uden-for-arbejde", years.clone(), "20")
        .set("a", "domfaeldte", years.clone(), "0.5")
        .set("a", "grundskole", years.clone(), "30")
        .set("a", "indkomst", years.clone(), "90")
        .set_residents("a", years.clone(), "1500");
    for y in years {
        d.nat("domfaeldte", y, "1.0");
    }
    d
}

/// Sets `input` to `value` in every data year of `neutral(list_year)`.
fn all_years(d: &mut Data, list_year: u16, input: &str, value: &str) {
    d.set("a", input, list_year - 4..=list_year - 1, value);
}

/// The status as one word: the category id, `ingen` or `?`.
fn status(r: &ListResult) -> &str {
    match &r.status {
        Status::Listed { id, .. } => id,
        Status::NotListed { .. } => "ingen",
        Status::Undecided { .. } => "?",
    }
}

fn met(r: &ListResult, criterion: &str) -> Option<bool> {
    r.criterion(criterion).unwrap_or_else(|| panic!("no criterion {criterion}")).met
}

/// A threshold case: `criterion` (on `input`) is met at `above` and not at
/// `below`; with `with` set too, the status is `listed` resp. `unlisted`.
struct Case {
    list_year: u16,
    criterion: &'static str,
    input: &'static str,
    above: &'static str,
    below: &'static str,
    with: &'static [(&'static str, &'static str)],
    listed: &'static str,
    unlisted: &'static str,
}

fn check(cases: &[Case]) {
    let rules = default_rules();
    for case in cases {
        for (value, expect_met, expect_status) in [(case.above, true, case.listed), (case.below, false, case.unlisted)]
        {
            let mut d = neutral(case.list_year);
            for (input, v) in case.with {
                all_years(&mut d, case.list_year, input, v);
            }
            all_years(&mut d, case.list_year, case.input, value);
            let r = evaluate(&rules, &d, "a", case.list_year).unwrap();
            let what = format!("list {} {} = {value}", case.list_year, case.criterion);
            assert_eq!(met(&r, case.criterion), Some(expect_met), "{what}: {}", r.criterion_text(case.criterion));
            assert_eq!(status(&r), expect_status, "{what}: {:?}", r.status);
        }
    }
}

fn parse_text(text: &str) -> (Option<ListRules>, Vec<(Option<usize>, String)>) {
    let mut diags = Diagnostics::default();
    let rules = parse::<RawListRules>(Path::new("liste.yaml"), "liste.yaml".into(), text, &mut diags)
        .and_then(|src| load_rules(&src, &mut diags));
    let problems = diags.sorted().into_iter().map(|d| (d.pos.map(|p| p.line), d.message)).collect();
    (rules, problems)
}

#[test]
fn embedded_default_parses_and_validates() {
    let (rules, problems) = parse_text(DEFAULT_RULES);
    assert_eq!(problems, vec![], "no errors or warnings in the default");
    let rules = rules.unwrap();
    let ids: Vec<&str> = rules.sets.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["2010", "2014", "2018", "2021"]);
    assert_eq!(rules.national_series, "hele-landet");
    let dates: Vec<String> = rules.sets.iter().map(|s| s.valid_from.to_string()).collect();
    assert_eq!(dates, ["2010-10-01", "2014-12-01", "2018-12-01", "2021-12-01"]);
    assert!(rules.sets.iter().all(|s| s.min_residents == dec("1000")));
    let set2018 = &rules.sets[2];
    let crime = set2018.criterion("domfaeldte").unwrap();
    assert!(crime.national_multiple);
    assert_eq!((crime.comparison, crime.threshold, crime.average_years), (Cmp::AtLeast, dec("3"), 2));
    assert_eq!(default_rules().sets.len(), 4);
}

#[test]
fn rule_set_chosen_by_list_year() {
    let rules = default_rules();
    let id = |year| rule_set_for(&rules, year).map(|s| s.id.as_str());
    assert_eq!(id(2009), None);
    assert_eq!(id(2010), Some("2010"));
    assert_eq!(id(2013), Some("2010"));
    assert_eq!(id(2014), Some("2014"));
    assert_eq!(id(2017), Some("2014"));
    assert_eq!(id(2018), Some("2018"));
    assert_eq!(id(2020), Some("2018"));
    assert_eq!(id(2021), Some("2021"));
    assert_eq!(id(2030), Some("2021"));
    assert!(evaluate(&rules, &neutral(2012), "a", 2009).is_none());
}

#[test]
    #[rustfmt::skip]
    fn thresholds_2010() {
        let with_nw: &[(&str, &str)] = &[("ikke-vestlige", "60")];
        let ghetto = "ghettoomraade";
        check(&[
            Case { list_year: 2013, criterion: "ikke-vestlige", input: "ikke-vestlige", above: "50.1", below: "50", with: &[("uden-for-arbejde", "45")], listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2013, criterion: "arbejde", input: "uden-for-arbejde", above: "40.1", below: "40", with: with_nw, listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2013, criterion: "domfaeldte", input: "domfaeldte", above: "2.71", below: "2.7", with: with_nw, listed: ghetto, unlisted: "ingen" },
        ]);
    }

#[test]
    #[rustfmt::skip]
    fn thresholds_2014() {
        let nw_work: &[(&str, &str)] = &[("ikke-vestlige", "60"), ("uden-for-arbejde", "45")];
        let ghetto = "ghettoomraade";
        check(&[
            Case { list_year: 2016, criterion: "ikke-vestlige", input: "ikke-vestlige", above: "50.1", below: "50", with: &[("uden-for-arbejde", "45"), ("grundskole", "55")], listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2016, criterion: "arbejde", input: "uden-for-arbejde", above: "40.1", below: "40", with: &[("ikke-vestlige", "60"), ("grundskole", "55")], listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2016, criterion: "domfaeldte", input: "domfaeldte", above: "2.71", below: "2.7", with: nw_work, listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2016, criterion: "grundskole", input: "grundskole", above: "50.1", below: "50", with: nw_work, listed: ghetto, unlisted: "ingen" },
            Case { list_year: 2016, criterion: "indkomst", input: "indkomst", above: "54.9", below: "55", with: nw_work, listed: ghetto, unlisted: "ingen" },
        ]);
    }

#[test]
    #[rustfmt::skip]
    fn thresholds_2018() {
        let school: &[(&str, &str)] = &[("grundskole", "61")];
        let work: &[(&str, &str)] = &[("uden-for-arbejde", "45")];
        check(&[
            Case { list_year: 2019, criterion: "arbejde", input: "uden-for-arbejde", above: "40.1", below: "40", with: school, listed: "udsat", unlisted: "ingen" },
            // National average 1,0 % in every year: exactly 3 × is met, a hair below is not.
            Case { list_year: 2019, criterion: "domfaeldte", input: "domfaeldte", above: "3", below: "2.9999", with: school, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2019, criterion: "grundskole", input: "grundskole", above: "60.1", below: "60", with: work, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2019, criterion: "indkomst", input: "indkomst", above: "54.9", below: "55", with: work, listed: "udsat", unlisted: "ingen" },
            // Ghettoområde = udsat and non-Western over 50 %.
            Case { list_year: 2019, criterion: "ikke-vestlige", input: "ikke-vestlige", above: "50.1", below: "50", with: &[("uden-for-arbejde", "45"), ("grundskole", "61")], listed: "ghettoomraade", unlisted: "udsat" },
        ]);
    }

#[test]
    #[rustfmt::skip]
    fn thresholds_2021() {
        let school: &[(&str, &str)] = &[("grundskole", "61")];
        let work: &[(&str, &str)] = &[("uden-for-arbejde", "45")];
        // Non-Western 40 % and income 60 % (meets only the 65 % rule): one
        // criterion of a forebyggelsesområde, none of an udsat område.
        let prev_income: &[(&str, &str)] = &[("ikke-vestlige", "40"), ("indkomst", "60")];
        let fb = "forebyggelsesomraade";
        check(&[
            Case { list_year: 2022, criterion: "arbejde", input: "uden-for-arbejde", above: "40.1", below: "40", with: school, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2022, criterion: "domfaeldte", input: "domfaeldte", above: "3", below: "2.9999", with: school, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2022, criterion: "grundskole", input: "grundskole", above: "60.1", below: "60", with: work, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2022, criterion: "indkomst", input: "indkomst", above: "54.9", below: "55", with: work, listed: "udsat", unlisted: "ingen" },
            Case { list_year: 2022, criterion: "ikke-vestlige", input: "ikke-vestlige", above: "50.1", below: "50", with: &[("uden-for-arbejde", "45"), ("grundskole", "61")], listed: "parallelsamfund", unlisted: "udsat" },
            // The lower thresholds of a forebyggelsesområde.
            Case { list_year: 2022, criterion: "ikke-vestlige-30", input: "ikke-vestlige", above: "30.1", below: "30", with: &[("uden-for-arbejde", "35"), ("indkomst", "60")], listed: fb, unlisted: "ingen" },
            Case { list_year: 2022, criterion: "arbejde-30", input: "uden-for-arbejde", above: "30.1", below: "30", with: prev_income, listed: fb, unlisted: "ingen" },
            Case { list_year: 2022, criterion: "domfaeldte-2x", input: "domfaeldte", above: "2", below: "1.9999", with: prev_income, listed: fb, unlisted: "ingen" },
            Case { list_year: 2022, criterion: "grundskole", input: "grundskole", above: "60.1", below: "60", with: prev_income, listed: fb, unlisted: "ingen" },
            Case { list_year: 2022, criterion: "indkomst-65", input: "indkomst", above: "64.9", below: "65", with: &[("ikke-vestlige", "40"), ("uden-for-arbejde", "35")], listed: fb, unlisted: "ingen" },
        ]);
    }

#[test]
fn count_rule_two_of_four() {
    let rules = default_rules();
    let mut d = neutral(2019);
    all_years(&mut d, 2019, "uden-for-arbejde", "45");
    let r = evaluate(&rules, &d, "a", 2019).unwrap();
    assert_eq!(status(&r), "ingen");
    assert_eq!(r.category("udsat").unwrap().holds, Some(false));
    assert_eq!(
        r.said.summary,
        "a er ikke på nogen liste (liste 2019): 1 af 4 kriterier for et udsat boligområde er opfyldt (18-64-årige uden for arbejdsmarkedet eller uddannelse over 40\u{a0}%); mindst 2 kræves."
    );
    all_years(&mut d, 2019, "indkomst", "50");
    let r = evaluate(&rules, &d, "a", 2019).unwrap();
    assert_eq!(status(&r), "udsat");
    assert_eq!(r.category_text("udsat"), "Udsat boligområde: opfyldt; mindst 2 af 4 kriterier: 2 opfyldt.");
    assert_eq!(r.category("ghettoomraade").unwrap().holds, Some(false));
}

#[test]
fn parallelsamfund_udsat_and_forebyggelsesomraade_2021() {
    let rules = default_rules();
    let run = |pairs: &[(&str, &str)]| {
        let mut d = neutral(2022);
        for (input, v) in pairs {
            all_years(&mut d, 2022, input, v);
        }
        evaluate(&rules, &d, "a", 2022).unwrap()
    };
    let udsat = [("uden-for-arbejde", "45"), ("grundskole", "61")];
    let r = run(&[udsat[0], udsat[1], ("ikke-vestlige", "51")]);
    assert_eq!(status(&r), "parallelsamfund");
    assert_eq!(r.category("udsat").unwrap().holds, Some(true));
    assert_eq!(r.category("forebyggelsesomraade").unwrap().holds, Some(false));
    assert_eq!(
        r.said.summary,
        "a er et parallelsamfund (liste 2022): 2 af 4 kriterier for et udsat boligområde er opfyldt (18-64-årige uden for arbejdsmarkedet eller uddannelse over 40\u{a0}% og 30-59-årige med alene grundskoleuddannelse over 60\u{a0}%); mindst 2 kræves; indvandrere og efterkommere fra ikke-vestlige lande over 50\u{a0}% er opfyldt (et krav for et parallelsamfund)."
    );
    // Udsat with 40 % non-Western also meets the preventive criteria, but
    // an udsat område is not a forebyggelsesområde.
    let r = run(&[udsat[0], udsat[1], ("ikke-vestlige", "40")]);
    assert_eq!(status(&r), "udsat");
    assert_eq!(r.category("forebyggelsesomraade").unwrap().holds, Some(false));
    assert_eq!(r.category("parallelsamfund").unwrap().holds, Some(false));
    let r = run(&[("uden-for-arbejde", "35"), ("indkomst", "60"), ("ikke-vestlige", "40")]);
    assert_eq!(status(&r), "forebyggelsesomraade");
    assert_eq!(
        r.said.summary,
        "a er et forebyggelsesområde (liste 2022): indvandrere og efterkommere fra ikke-vestlige lande over 30\u{a0}% er opfyldt (et krav for et forebyggelsesområde); 2 af 4 kriterier for et forebyggelsesområde er opfyldt (18-64-årige uden for arbejdsmarkedet eller uddannelse over 30\u{a0}% og gennemsnitlig bruttoindkomst for 15-64-årige (ekskl. uddannelsessøgende) i procent af regionens gennemsnit under 65\u{a0}%); mindst 2 kræves; det er hverken et parallelsamfund eller et udsat boligområde."
    );
    let r = run(&[("uden-for-arbejde", "35"), ("indkomst", "60"), ("ikke-vestlige", "20")]);
    assert_eq!(status(&r), "ingen");
    // The same figures under the 2018 rules: not udsat, no preventive category.
    let mut d = neutral(2019);
    for (input, v) in [("uden-for-arbejde", "35"), ("indkomst", "60"), ("ikke-vestlige", "40")] {
        all_years(&mut d, 2019, input, v);
    }
    assert_eq!(status(&evaluate(&rules, &d, "a", 2019).unwrap()), "ingen");
}

#[test]
fn ghettoomraade_2018() {
    let rules = default_rules();
    let mut d = neutral(2018);
    d.names.insert("a".into(), "Motalavej".into());
    for (input, v) in [("uden-for-arbejde", "45"), ("domfaeldte", "3.5"), ("grundskole", "65"), ("ikke-vestlige", "55")]
    {
        all_years(&mut d, 2018, input, v);
    }
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    assert_eq!(r.status, Status::Listed { id: "ghettoomraade".into(), name: "Ghettoområde".into() });
    assert_eq!(r.rule_set, "2018");
    assert_eq!(r.data_years, [2016, 2017]);
    assert_eq!(
        r.said.summary,
        "Motalavej er et ghettoområde (liste 2018): 3 af 4 kriterier for et udsat boligområde er opfyldt (18-64-årige uden for arbejdsmarkedet eller uddannelse over 40\u{a0}%, dømte for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer, andel af beboere på 18 år og derover mindst 3 gange landsgennemsnittet og 30-59-årige med alene grundskoleuddannelse over 60\u{a0}%); mindst 2 kræves; indvandrere og efterkommere fra ikke-vestlige lande over 50\u{a0}% er opfyldt (et krav for et ghettoområde)."
    );
    assert_eq!(
        r.category_text("ghettoomraade"),
        "Ghettoområde: opfyldt; kræver Udsat boligområde (opfyldt) og indvandrere og efterkommere fra ikke-vestlige lande over 50\u{a0}% (opfyldt)."
    );
    assert!(r.said.missing.is_empty());
    all_years(&mut d, 2018, "ikke-vestlige", "45");
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    assert_eq!(
        r.said.summary,
        "Motalavej er et udsat boligområde (liste 2018): 3 af 4 kriterier for et udsat boligområde er opfyldt (18-64-årige uden for arbejdsmarkedet eller uddannelse over 40\u{a0}%, dømte for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer, andel af beboere på 18 år og derover mindst 3 gange landsgennemsnittet og 30-59-årige med alene grundskoleuddannelse over 60\u{a0}%); mindst 2 kræves; det er ikke et ghettoområde, da indvandrere og efterkommere fra ikke-vestlige lande over 50\u{a0}% ikke er opfyldt."
    );
}

#[test]
fn two_year_average_is_exact() {
    let rules = default_rules();
    let mut d = neutral(2018);
    d.year("a", "uden-for-arbejde", 2016, "41.5").year("a", "uden-for-arbejde", 2017, "40.6");
    // National 0,9 % and 1,1 % average exactly 1,0 %; 3 × = 3,0 %.
    d.nat("domfaeldte", 2016, "0.9").nat("domfaeldte", 2017, "1.1");
    d.year("a", "domfaeldte", 2016, "2.9").year("a", "domfaeldte", 2017, "3.1");
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    let work = r.criterion("arbejde").unwrap();
    assert_eq!(work.years, [2016, 2017]);
    assert_eq!(work.yearly, [Some(dec("41.5")), Some(dec("40.6"))]);
    assert_eq!(work.value, Some(dec("41.05")));
    assert_eq!(work.margin, Some(dec("1.05")));
    assert_eq!(work.met, Some(true));
    let crime = r.criterion("domfaeldte").unwrap();
    assert_eq!(crime.value, Some(dec("3")));
    assert_eq!(crime.threshold, Some(dec("3")));
    let basis = crime.national.as_ref().unwrap();
    assert_eq!((basis.average, basis.multiple), (Some(dec("1")), dec("3")));
    assert_eq!((crime.met, crime.margin), (Some(true), Some(Decimal::ZERO)));
    assert_eq!(
        r.criterion_text("domfaeldte"),
        "Dømte for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer, andel af beboere på 18 år og derover: \
             3,0\u{a0}% (gennemsnit 2016-2017); grænsen er mindst 3 gange landsgennemsnittet på 1,0\u{a0}%, dvs. mindst 3,0\u{a0}%. Opfyldt, præcis på grænsen."
    );
    // A hair below: 2,99995\u{a0}% is not at least 3\u{a0}%; shown with the decimals that tell them apart.
    d.year("a", "domfaeldte", 2017, "3.0999");
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    let crime = r.criterion("domfaeldte").unwrap();
    assert_eq!((crime.value, crime.met, crime.margin), (Some(dec("2.99995")), Some(false), Some(dec("-0.00005"))));
    assert!(r.criterion_text("domfaeldte").ends_with("2,99995\u{a0}% (gennemsnit 2016-2017); grænsen er mindst 3 gange landsgennemsnittet på 1,0\u{a0}%, dvs. mindst 3,00000\u{a0}%. Ikke opfyldt, 0,00005\u{a0}procentpoint under grænsen."), "{}", r.criterion_text("domfaeldte"));
}

#[test]
fn four_year_average_is_exact() {
    let rules = default_rules();
    let mut d = neutral(2013);
    for (y, v) in [(2009, "40"), (2010, "41"), (2011, "39.5"), (2012, "40.7")] {
        d.year("a", "uden-for-arbejde", y, v);
    }
    for (y, v) in [(2009, "2.5"), (2010, "2.9"), (2011, "2.6"), (2012, "2.81")] {
        d.year("a", "domfaeldte", y, v);
    }
    let r = evaluate(&rules, &d, "a", 2013).unwrap();
    assert_eq!(r.rule_set, "2010");
    let work = r.criterion("arbejde").unwrap();
    assert_eq!(work.years, [2009, 2010, 2011, 2012]);
    assert_eq!(work.value, Some(dec("40.3")));
    assert_eq!(
        r.criterion_text("arbejde"),
        "18-64-årige uden for arbejdsmarkedet eller uddannelse: 40,3\u{a0}% (gennemsnit 2009-2012); grænsen er over 40,0\u{a0}%. Opfyldt, 0,3\u{a0}procentpoint over grænsen."
    );
    let crime = r.criterion("domfaeldte").unwrap();
    assert_eq!(crime.value, Some(dec("2.7025")));
    assert_eq!(crime.met, Some(true));
    // Non-Western share is the latest year only.
    assert_eq!(r.criterion("ikke-vestlige").unwrap().years, [2012]);
    assert_eq!(r.data_years, [2009, 2010, 2011, 2012]);
    assert_eq!(status(&r), "ghettoomraade");
}

#[test]
fn criterion_sentence() {
    let rules = default_rules();
    let mut d = neutral(2018);
    d.year("a", "uden-for-arbejde", 2016, "42.0").year("a", "uden-for-arbejde", 2017, "42.6");
    d.year("a", "indkomst", 2017, "56.5");
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    assert_eq!(
        r.criterion_text("arbejde"),
        "18-64-årige uden for arbejdsmarkedet eller uddannelse: 42,3\u{a0}% (gennemsnit 2016-2017); grænsen er over 40,0\u{a0}%. Opfyldt, 2,3\u{a0}procentpoint over grænsen."
    );
    assert_eq!(
        r.criterion_text("indkomst"),
        "Gennemsnitlig bruttoindkomst for 15-64-årige (ekskl. uddannelsessøgende) i procent af regionens gennemsnit: 56,5\u{a0}% (2017); grænsen er under 55,0\u{a0}%. Ikke opfyldt, 1,5\u{a0}procentpoint over grænsen."
    );
    // A value that rounds to the threshold is shown with one more decimal.
    d.year("a", "uden-for-arbejde", 2016, "40.04").year("a", "uden-for-arbejde", 2017, "40.04");
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    assert!(r.criterion_text("arbejde").ends_with(
        "40,04\u{a0}% (gennemsnit 2016-2017); grænsen er over 40,00\u{a0}%. Opfyldt, 0,04\u{a0}procentpoint over grænsen."
    ));
}

#[test]
fn resident_minimum() {
    let rules = default_rules();
    let mut d = neutral(2019);
    all_years(&mut d, 2019, "uden-for-arbejde", "45");
    all_years(&mut d, 2019, "grundskole", "61");
    d.set_residents("a", 2018..=2018, "999");
    let r = evaluate(&rules, &d, "a", 2019).unwrap();
    assert_eq!(
        r.residents,
        ResidentCheck { year: 2018, value: Some(dec("999")), minimum: dec("1000"), met: Some(false) }
    );
    assert_eq!(r.status, Status::NotListed { reason: NotListed::TooFewResidents });
    assert_eq!(r.said.reason.as_deref(), Some("Området har 999 beboere; der kræves mindst 1.000."));
    assert!(r.categories.iter().all(|c| c.holds == Some(false)));
    assert_eq!(r.said.summary, "a har 999 beboere, under mindstegrænsen på 1.000 (liste 2019): ikke på nogen liste.");
    // The criteria are still reported.
    assert_eq!(met(&r, "arbejde"), Some(true));
    d.set_residents("a", 2018..=2018, "1000");
    let r = evaluate(&rules, &d, "a", 2019).unwrap();
    assert_eq!(r.residents.met, Some(true));
    assert_eq!(status(&r), "udsat");
    // Unknown residents: the area might be too small.
    d.residents.remove(&("a".into(), 2018));
    let r = evaluate(&rules, &d, "a", 2019).unwrap();
    assert_eq!(status(&r), "?");
    assert_eq!(r.said.missing, ["Antal beboere for 2018"]);
}

#[test]
fn missing_inputs_are_unknown_and_named() {
    let rules = default_rules();
    let mut d = neutral(2018);
    all_years(&mut d, 2018, "uden-for-arbejde", "45");
    all_years(&mut d, 2018, "ikke-vestlige", "60");
    d.national.remove(&("domfaeldte".into(), 2016));
    d.remove("a", "grundskole", 2017);
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    let crime = r.criterion("domfaeldte").unwrap();
    assert_eq!((crime.value, crime.threshold, crime.met, crime.margin), (Some(dec("0.5")), None, None, None));
    assert_eq!(
        r.criterion_text("domfaeldte"),
        "Dømte for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer, andel af beboere på 18 år og derover: \
             0,5\u{a0}% (gennemsnit 2016-2017); grænsen er mindst 3 gange landsgennemsnittet, som ikke kendes. Kan ikke afgøres: mangler landsgennemsnittet for 2016."
    );
    assert_eq!(met(&r, "grundskole"), None);
    // 1 met and 2 unknown of "at least 2 of 4": unknown.
    assert_eq!(r.category("udsat").unwrap().holds, None);
    assert_eq!(
        r.category_text("udsat"),
        "Udsat boligområde: kan ikke afgøres; mindst 2 af 4 kriterier: 1 opfyldt, 2 kan ikke afgøres."
    );
    assert_eq!(r.category("ghettoomraade").unwrap().holds, None);
    assert_eq!(
        r.status,
        Status::Undecided { at_least: None, open: vec!["Ghettoområde".into(), "Udsat boligområde".into()] }
    );
    assert_eq!(
        r.said.reason.as_deref(),
        Some("Om området er et ghettoområde eller et udsat boligområde, kan ikke afgøres uden de manglende tal.")
    );
    assert_eq!(
        r.said.missing,
        [
            "Dømte for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer, andel af beboere på 18 år og derover for 2016 (landsgennemsnit)",
            "30-59-årige med alene grundskoleuddannelse for 2017",
        ]
    );
    assert_eq!(
        r.said.summary,
        "For a kan listen ikke afgøres (liste 2018): 1 af 4 kriterier for et udsat boligområde er opfyldt (18-64-årige uden for arbejdsmarkedet eller uddannelse over 40\u{a0}%); mindst 2 kræves; 2 kan ikke afgøres."
    );

    // 2 met: udsat holds whatever the unknown ones are.
    all_years(&mut d, 2018, "indkomst", "50");
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    assert_eq!(r.category("udsat").unwrap().holds, Some(true));
    assert_eq!(status(&r), "ghettoomraade");
    // Unknown non-Western share: at least udsat, but a ghettoområde cannot be ruled out.
    d.remove("a", "ikke-vestlige", 2017);
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    assert_eq!(
        r.said.reason.as_deref(),
        Some(
            "Området er mindst et udsat boligområde, men om det er et ghettoområde, kan ikke afgøres uden de manglende tal."
        )
    );
    assert!(r.said.missing.contains(&"Indvandrere og efterkommere fra ikke-vestlige lande for 2017".to_string()));
    // A whole input missing for both years is named once with both years.
    d.remove("a", "uden-for-arbejde", 2016).remove("a", "uden-for-arbejde", 2017);
    let r = evaluate(&rules, &d, "a", 2018).unwrap();
    assert!(
        r.said.missing.contains(&"18-64-årige uden for arbejdsmarkedet eller uddannelse for 2016 og 2017".to_string())
    );
    assert!(r.criterion_text("arbejde").starts_with("18-64-årige uden for arbejdsmarkedet eller uddannelse: ukendt (gennemsnit 2016-2017); grænsen er over 40,0\u{a0}%. Kan ikke afgøres: mangler tal for 2016 og 2017."));
}

#[test]
fn not_of_unknown_is_unknown() {
    let rules = default_rules();
    let mut d = neutral(2022);
    // Preventive: non-Western 40\u{a0}%, work 35\u{a0}%, income 60\u{a0}%: holds unless udsat.
    for (input, v) in [("ikke-vestlige", "40"), ("uden-for-arbejde", "35"), ("indkomst", "60")] {
        all_years(&mut d, 2022, input, v);
    }
    // Basic schooling unknown: udsat has 0 met and 1 unknown (false);
    // then the preventive count is 2 met, so forebyggelsesområde holds.
    d.remove("a", "grundskole", 2021);
    let r = evaluate(&rules, &d, "a", 2022).unwrap();
    assert_eq!(r.category("udsat").unwrap().holds, Some(false));
    assert_eq!(status(&r), "forebyggelsesomraade");
    // With crime unknown too, udsat is unknown (0 met, 2 unknown), and so
    // is "not udsat", so the preventive category is unknown.
    d.national.remove(&("domfaeldte".into(), 2021));
    let r = evaluate(&rules, &d, "a", 2022).unwrap();
    assert_eq!(r.category("udsat").unwrap().holds, None);
    assert_eq!(r.category("forebyggelsesomraade").unwrap().holds, None);
    assert_eq!(status(&r), "?");
}

#[test]
fn evaluate_all_skips_years_without_data() {
    let rules = default_rules();
    let mut d = Data::default();
    for area in ["a", "b"] {
        d.set(area, "uden-for-arbejde", 2016..=2017, "45").set(area, "grundskole", 2016..=2017, "61");
        d.set_residents(area, 2016..=2017, "1200");
    }
    d.nat("domfaeldte", 2016, "1").nat("domfaeldte", 2017, "1");
    let results = evaluate_all(&rules, &d, &["b", "a"], 2015..=2019);
    let keys: Vec<(&str, u16)> = results.iter().map(|r| (r.area.as_str(), r.list_year)).collect();
    assert_eq!(keys, [("b", 2017), ("b", 2018), ("a", 2017), ("a", 2018)]);
    assert_eq!(results[0].rule_set, "2014");
    assert_eq!(results[1].rule_set, "2018");
    assert_eq!(status(&results[1]), "?", "non-Western share unknown");
    assert!(evaluate_all(&rules, &d, &["c"], 2015..=2019).is_empty());
}

#[test]
fn serialises_with_danish_names() {
    let rules = default_rules();
    let mut d = neutral(2019);
    all_years(&mut d, 2019, "uden-for-arbejde", "45");
    all_years(&mut d, 2019, "grundskole", "61");
    let r = evaluate(&rules, &d, "a", 2019).unwrap();
    let list = helhed::eval::lists::ModelListResult { result: r.result.clone(), example: false, forecast: false };
    let json = serde_json::to_value(ListFigures::new(&rules, &list, "a")).unwrap();
    assert_eq!(json["liste_år"], 2019);
    assert_eq!(json["regelsæt"], "2018");
    assert_eq!(json["status"], serde_json::json!({ "udfald": "kategori", "id": "udsat", "navn": "Udsat boligområde" }));
    assert_eq!(json["kriterier"][0]["værdi"], "45");
    assert_eq!(json["kriterier"][0]["grænse"], "40");
    assert_eq!(json["kriterier"][0]["opfyldt"], true);
    assert_eq!(json["kriterier"][0]["sammenligning"], "over");
    assert_eq!(json["kriterier"][1]["landsgennemsnit"]["gange"], "3");
    assert_eq!(json["beboere"]["opfyldt"], true);
    assert_eq!(json["mangler"], serde_json::json!([]));
    assert_eq!(json["kriterier"][0]["tekst"], r.criterion_text("arbejde"));
    assert_eq!(json["tekst"], r.said.summary);
    assert_eq!(serde_json::to_value(&rules).unwrap()["regelsæt"][3]["gælder_fra"], "2021-12-01");
}

/// A valid file to break in the validation tests.
const VALID: &str = "\
landsgennemsnit: hele-landet
input:
  - id: x
    navn: X
    enhed: \"%\"
  - id: y
    navn: Y
    enhed: \"%\"
regelsæt:
  - id: a
    navn: A
    gælder_fra: 2018-12-01
    mindste_antal_beboere: 1000
    kriterier:
      - id: kx
        input: x
        over: 40
      - id: ky
        input: y
        mindst: 3
        gange_landsgennemsnit: true
    kategorier:
      - id: top
        navn: Top
        alle: [bund, kx]
      - id: bund
        navn: Bund
        mindst: 1
        af: [kx, ky]
";

#[test]
fn the_valid_test_file_is_valid() {
    let (rules, problems) = parse_text(VALID);
    assert_eq!(problems, vec![]);
    assert_eq!(rules.unwrap().sets[0].categories[1].at_least.as_ref().unwrap().count, 1);
}

fn errors(text: &str) -> Vec<(Option<usize>, String)> {
    let (rules, problems) = parse_text(text);
    assert!(rules.is_none(), "expected errors");
    problems
}

#[test]
fn criterion_errors() {
    let text = VALID
        .replace("        input: x\n        over: 40\n", "        input: z\n        over: 40\n        mindst: 41\n")
        .replace(
            "        mindst: 3\n        gange_landsgennemsnit: true\n",
            "        gange_landsgennemsnit: true\n        gennemsnit_år: 0\n",
        );
    assert_eq!(
        errors(&text),
        [
            (Some(16), "kriteriet «kx» bruger det ukendte input «z»; kendte input: x og y".to_string()),
            (
                Some(18),
                "kriteriet «kx» har 2 grænser (over og mindst); angiv præcis én af over, mindst, under og højst"
                    .to_string()
            ),
            (Some(19), "kriteriet «ky» har ingen grænse; angiv præcis én af over, mindst, under og højst".to_string()),
            (Some(22), "«gennemsnit_år» skal være et helt tal fra 1 til 10".to_string()),
        ]
    );
    let text = VALID.replace("over: 40", "over: 40,5").replace("mindst: 3\n", "mindst: 0\n");
    assert_eq!(
        errors(&text),
        [
            (Some(17), "«40,5» er ikke et tal i YAML: brug punktum som decimaltegn (fx 40.5)".to_string()),
            (Some(20), "kriteriet «ky»: et antal gange landsgennemsnittet skal være over 0".to_string()),
        ]
    );
    // A threshold has the bounds every figure in the data has.
    let text = VALID.replace("over: 40", "over: 10000000000000");
    assert_eq!(
        errors(&text),
        [(
            Some(17),
            "«10000000000000» er uden for det tilladte: højst 1.000.000.000.000 og højst 10 decimaler".to_string()
        )]
    );
}

#[test]
fn category_errors() {
    let text = VALID
        .replace("alle: [bund, kx]", "alle: [bund, kz]\n        ikke: [ky, top]")
        .replace("mindst: 1\n", "mindst: 3\n");
    assert_eq!(
        errors(&text),
        [
            (
                Some(25),
                "kategorien «top» henviser til «kz», som hverken er et kriterium eller en kategori i regelsættet «a»"
                    .to_string()
            ),
            (Some(26), "«ikke» i kategorien «top» kan kun nævne kategorier, men «ky» er et kriterium".to_string()),
            (Some(26), "kategorien «top» henviser til sig selv".to_string()),
            (
                Some(29),
                "kategorien «bund» kræver mindst 3 af 2, men «af» har kun 2; «mindst» kan højst være antallet i «af»"
                    .to_string()
            ),
        ]
    );
    // A category may only build on categories below it: this is a cycle.
    let text = VALID.replace("af: [kx, ky]", "af: [ky, top]");
    assert_eq!(
            errors(&text),
            [(Some(29), "kategorien «bund» henviser til «top», som står før den; en kategori kan kun bygge på kategorier længere nede i listen, så der ikke opstår kredse".to_string())]
        );
    let text = VALID.replace("        alle: [bund, kx]\n", "").replace("        mindst: 1\n", "");
    assert_eq!(
        errors(&text),
        [
            (
                Some(23),
                "kategorien «top» har ingen betingelser; angiv «alle», «mindst» og «af» eller «ikke»".to_string()
            ),
            (Some(27), "kategorien «bund» har «af» uden «mindst»".to_string()),
        ]
    );
    let text = VALID.replace("af: [kx, ky]", "af: [ky, ky]");
    assert_eq!(errors(&text), [(Some(29), "«ky» står to gange i «af» i kategorien «bund»".to_string())]);
}

#[test]
fn id_date_and_order_errors() {
    let text = VALID
        .replace("id: bund\n        navn: Bund", "id: kx\n        navn: Bund")
        .replace("af: [kx, ky]", "af: [ky]")
        .replace("alle: [bund, kx]", "alle: [kx]")
        .replace("  - id: y\n", "  - id: x\n");
    assert_eq!(
        errors(&text),
        [
            (Some(6), "input «x» står to gange".to_string()),
            (Some(19), "kriteriet «ky» bruger det ukendte input «y»; kendte input: x".to_string()),
            (
                Some(26),
                "id «kx» er brugt to gange i regelsættet «a»; kriterier og kategorier skal have hver sit id"
                    .to_string()
            ),
        ]
    );
    let second_set = VALID.split_once("regelsæt:\n").unwrap().1.replace("id: a\n", "id: b\n");
    let text = format!("{}{}", VALID.replace("2018-12-01", "2018-13-01"), second_set);
    assert_eq!(
        errors(&text),
        [(Some(12), "«2018-13-01» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2019-01-15".to_string())]
    );
    let text = format!("{VALID}{}", second_set.replace("2018-12-01", "2014-12-01"));
    assert_eq!(
            errors(&text),
            [(
                Some(32),
                "regelsættet «b» gælder fra 1. december 2014, som ikke er efter «a» (1. december 2018); regelsættene skal stå i rækkefølge efter «gælder_fra»".to_string()
            )]
        );
    let text = format!("{VALID}{}", second_set.replace("id: b\n", "id: a\n"));
    assert_eq!(
            errors(&text),
            [
                (Some(30), "regelsættet «a» står to gange".to_string()),
                (Some(32), "regelsættet «a» gælder fra 1. december 2018, som ikke er efter «a» (1. december 2018); regelsættene skal stå i rækkefølge efter «gælder_fra»".to_string()),
            ]
        );
    // Structure errors come from the shared YAML reader, in Danish.
    let text = VALID.replace("        over: 40\n", "        over: 40\n        størst: 50\n");
    assert_eq!(errors(&text)[0].0, Some(18));
    assert!(
        errors(&text)[0].1.starts_with("i «regelsæt[0].kriterier[0]»: ukendt felt «størst»"),
        "{:?}",
        errors(&text)
    );
}

#[test]
fn custom_rules_keep_the_thresholds_decimals() {
    let text = VALID.replace("over: 40", "højst: 2.75");
    let rules = parse_text(&text).0.unwrap();
    assert_eq!(rules.sets[0].criteria[0].comparison, Cmp::AtMost);
    let mut d = Data::default();
    d.year("a", "x", 2018, "2.75").year("a", "y", 2018, "1").nat("y", 2018, "1").set_residents(
        "a",
        2018..=2018,
        "5000",
    );
    let r = evaluate(&rules, &d, "a", 2019).unwrap();
    let kx = r.criterion("kx").unwrap();
    assert_eq!((kx.met, kx.margin), (Some(true), Some(Decimal::ZERO)));
    assert_eq!(
        r.criterion_text("kx"),
        "X: 2,75\u{a0}% (2018); grænsen er højst 2,75\u{a0}%. Opfyldt, præcis på grænsen."
    );
    d.year("a", "x", 2018, "3.5");
    let r = evaluate(&rules, &d, "a", 2019).unwrap();
    assert_eq!(
        r.criterion_text("kx"),
        "X: 3,50\u{a0}% (2018); grænsen er højst 2,75\u{a0}%. Ikke opfyldt, 0,75\u{a0}procentpoint over grænsen."
    );
    // `top` needs `bund` and `kx`; `bund` holds through none of them.
    assert_eq!(status(&r), "ingen");
    assert_eq!(
        r.said.summary,
        "a er ikke på nogen liste (liste 2019): 0 af 2 kriterier for et bund er opfyldt; mindst 1 kræves."
    );
    // Before the only set's date there is no list.
    assert!(evaluate(&rules, &d, "a", 2017).is_none());
}

#[test]
fn unused_criterion_is_a_warning() {
    let text = VALID.replace("af: [kx, ky]", "af: [kx]");
    let (rules, problems) = parse_text(&text);
    assert!(rules.is_some());
    assert_eq!(problems, [(Some(18), "kriteriet «ky» bruges ikke af nogen kategori".to_string())]);
}

#[test]
fn a_missing_figure_is_named_once_even_when_two_read_alike() {
    // An input named like the resident count: both missing for 2018 read
    // "Antal beboere for 2018", and the list names it once.
    let rules = parse_text(&VALID.replace("navn: X", "navn: Antal beboere")).0.unwrap();
    let mut d = Data::default();
    d.year("a", "y", 2018, "1").nat("y", 2018, "1");
    let r = evaluate(&rules, &d, "a", 2019).unwrap();
    assert_eq!(r.missing.len(), 2, "two figures are missing: {:?}", r.missing);
    assert_eq!(r.said.missing, ["Antal beboere for 2018"]);
}
