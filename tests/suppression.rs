//! Small-number hiding on the public site follows from what a measure counts
//! (`tæller:` under `målinger:`): a few persons can be singled out, a few
//! fires cannot. Only counts about persons are hidden.

mod common;

use common::Fixture;
use std::collections::BTreeMap;

/// A plan with two areas and three counts: fires (`tæller: hændelser`),
/// youths (`tæller: personer`) and volunteers (no `tæller:`, so persons).
const PLAN: &str = "plan:
  navn: Testplanen
  start: 2017-10-01
  slut: 2021-09-30
  dataår: { fra: 2015, til: 2021 }
  datadato: 2019-01-15
områder:
  - id: a
    navn: Område A
  - id: b
    navn: Område B
målinger:
  - id: brande
    navn: Påsatte brande
    tæller: hændelser
  - id: unge
    navn: Unge i fritidsjob
    tæller: personer
  - id: frivillige
    navn: Frivillige
indikatorer:
  - { id: brande, navn: Påsatte brande, enhed: antal, måling: brande, bedre: lavere, decimaler: 0, datakilde: Test }
  - { id: unge, navn: Unge i fritidsjob, enhed: antal, måling: unge, bedre: højere, decimaler: 0, datakilde: Test }
  - { id: frivillige, navn: Frivillige, enhed: antal, måling: frivillige, bedre: højere, decimaler: 0, datakilde: Test }
";

/// The plan, with `plan` changed by the caller, and three years of counts:
/// area A's are all below 5, area B's are not.
fn fixture(plan: &str) -> Fixture {
    let f = Fixture::small();
    f.write("data/plan.yaml", plan);
    for (year, (brande, unge, frivillige)) in [(2016, (2, 3, 4)), (2017, (1, 2, 3)), (2018, (3, 4, 2))] {
        f.write(
            &format!("data/a/{year}.yaml"),
            &format!("antal:\n  brande: {brande}\n  unge: {unge}\n  frivillige: {frivillige}\n"),
        );
        f.write(&format!("data/b/{year}.yaml"), "antal:\n  brande: 10\n  unge: 20\n  frivillige: 12\n");
    }
    f
}

/// The site's pages by file name.
fn site(f: &Fixture) -> BTreeMap<String, String> {
    let rendered = helhed::build(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    rendered
        .outputs
        .iter()
        .filter_map(|o| {
            let rel = o.rel.to_string_lossy().to_string();
            let page = rel.strip_prefix("site/").filter(|p| p.ends_with(".html"))?.to_string();
            Some((page, std::fs::read_to_string(f.config().out.join(&o.rel)).unwrap()))
        })
        .collect()
}

/// The cells of a series' row in an indicator's table on a page: `["2", "1", "3"]`.
fn cells(page: &str, indicator: &str, series: &str) -> Vec<String> {
    let section = &page[page.find(&format!("id=\"graf-{indicator}-h\"")).expect("the indicator's section")..];
    let section = &section[..section.find("</section>").unwrap()];
    let start = section.find(&format!("<th scope=\"row\">{series}</th>")).expect("the series' row");
    let row = &section[start..];
    let row = &row[..row.find("</tr>").unwrap()];
    // Without the mark of an illustrative figure.
    let mark = "<span class=\"eks\" aria-hidden=\"true\">*</span><span class=\"sr\"> (eksempeltal)</span>";
    row.split("<td>").skip(1).map(|c| c.trim_end_matches("</td>").replace(mark, "")).collect()
}

#[test]
fn a_small_count_of_fires_is_shown_and_a_small_count_of_persons_is_not() {
    let pages = site(&fixture(PLAN));
    let a = &pages["a.html"];
    // Fires are not persons: area A's 2, 1 and 3 are published, and so is samlet.
    assert_eq!(cells(a, "brande", "Område A"), ["2", "1", "3"]);
    assert_eq!(cells(a, "brande", "Samlet"), ["12", "11", "13"]);
    // Youths are persons: below 5 they are «<5», and samlet, which would give them away, is hidden.
    assert_eq!(cells(a, "unge", "Område A"), ["&lt;5", "&lt;5", "&lt;5"]);
    assert_eq!(cells(a, "unge", "Samlet"), ["skjult", "skjult", "skjult"]);
    // A measure without `tæller:` counts persons.
    assert_eq!(cells(a, "frivillige", "Område A"), ["&lt;5", "&lt;5", "&lt;5"]);
    assert_eq!(cells(a, "frivillige", "Samlet"), ["skjult", "skjult", "skjult"]);
    assert_eq!(cells(&pages["b.html"], "brande", "Område B"), ["10", "10", "10"]);
}

#[test]
fn diskretion_in_the_plan_decides_over_what_is_counted() {
    let plan = PLAN
        .replace("    tæller: hændelser\n", "    tæller: hændelser\n    diskretion: true\n")
        .replace("    tæller: personer\n", "    tæller: personer\n    diskretion: false\n");
    let pages = site(&fixture(&plan));
    let a = &pages["a.html"];
    assert_eq!(cells(a, "brande", "Område A"), ["&lt;5", "&lt;5", "&lt;5"]);
    assert_eq!(cells(a, "unge", "Område A"), ["3", "2", "4"]);
    assert!(
        pages["metode.html"]
            .contains("Det gælder (med hvad de tæller): Unge i fritidsjob (personer, men planen viser dem altid).")
    );
}

#[test]
fn the_method_page_says_only_counts_of_persons_are_hidden_and_what_the_others_count() {
    let pages = site(&fixture(PLAN));
    let method = &pages["metode.html"];
    assert!(
        method.contains("Derfor vises et antal personer, husstande eller afgørelser om personer under 5 som «&lt;5»"),
        "{method}"
    );
    assert!(method.contains(
        "<p>Kun antal, der handler om personer, skjules; tal, der tæller noget andet, og gennemsnit vises altid, \
         også når de er små. Det gælder (med hvad de tæller): Påsatte brande (hændelser).</p>"
    ));
}

#[test]
fn the_example_shows_its_fires_and_hides_its_few_unsafe_residents() {
    let pages = site(&Fixture::example());
    // Skælskør had no arson in 2017 and 2018 and Sydbyen 2 and 1: published, and so is samlet.
    let skaelskoer = &pages["skaelskoer.html"];
    assert_eq!(cells(skaelskoer, "paasatte-brande", "Præstevangen og Parkvej"), ["–", "–", "0", "0"]);
    assert_eq!(cells(&pages["sydbyen.html"], "paasatte-brande", "Sydbyen"), ["–", "–", "2", "1"]);
    for page in pages.values().filter(|p| p.contains("id=\"graf-paasatte-brande-h\"")) {
        assert_eq!(cells(page, "paasatte-brande", "Samlet"), ["15", "28", "23", "18"]);
    }
    // Three of Skælskør's respondents were unsafe in 2017 and 2018: persons, so the share is hidden, and samlet too.
    assert_eq!(cells(skaelskoer, "utryghed", "Præstevangen og Parkvej")[3..], ["skjult", "skjult"]);
    assert_eq!(cells(skaelskoer, "utryghed", "Samlet")[3..], ["skjult", "skjult"]);
    let method = &pages["metode.html"];
    let always = &method[method.find("Det gælder (med hvad de tæller): ").expect("the list")..];
    let always = &always[..always.find("</p>").unwrap()];
    for shown in [
        "Påsatte brande (hændelser)",
        "Anmeldelser af hærværk (hændelser)",
        "Temaaftener om brandsikkerhed (aktiviteter)",
        "Positive historier i de lokale medier (andet end personer)",
        "Unikke besøgende på hjemmesiden (andet end personer)",
        "Boliger (boliger)",
        "Regionens gennemsnitlige bruttoindkomst (et gennemsnit)",
    ] {
        assert!(always.contains(shown), "{shown}: {always}");
    }
    for hidden in
        ["Beboere (", "Fraflytninger (", "Kriminalretlige afgørelser (", "Aktive frivillige i arrangementerne ("]
    {
        assert!(!always.contains(hidden), "{hidden}: {always}");
    }
}

#[test]
fn an_unknown_taeller_is_an_error_at_its_place_that_lists_the_words() {
    let f = fixture(&PLAN.replace("    tæller: hændelser\n", "    tæller: hændelse\n"));
    assert_eq!(
        f.only_error(),
        "fejl: data/plan.yaml:15:13: «tæller» skal være «personer», «husstande», «afgørelser», «hændelser», \
         «boliger», «aktiviteter», «grupper» eller «andet», ikke «hændelse»; mente du «hændelser»?"
    );
    // A word like none of them gets no guess.
    let f = fixture(&PLAN.replace("    tæller: personer\n", "    tæller: unge\n"));
    let error = f.only_error();
    assert!(error.starts_with("fejl: data/plan.yaml:18:13: «tæller» skal være «personer»"), "{error}");
    assert!(error.ends_with("eller «andet», ikke «unge»"), "{error}");
}
