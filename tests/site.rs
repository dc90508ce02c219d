//! The public website: what it shows, what it must never show, and that text
//! from the data stays text.

mod common;

use common::{Fixture, pdf_text};
use std::collections::BTreeMap;

/// Builds a fixture and returns the site's pages by file name, and the statusrapport's bytes.
fn build(f: &Fixture) -> (BTreeMap<String, String>, Vec<u8>) {
    let rendered = helhed::build(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let mut pages = BTreeMap::new();
    let mut pdf = Vec::new();
    for o in &rendered.outputs {
        let rel = o.rel.to_string_lossy().to_string();
        if let Some(page) = rel.strip_prefix("site/").filter(|p| p.ends_with(".html")) {
            pages.insert(page.to_string(), std::fs::read_to_string(f.config().out.join(&o.rel)).unwrap());
        } else if rel.starts_with("statusrapport-") {
            pdf = std::fs::read(f.config().out.join(&o.rel)).unwrap();
        }
    }
    (pages, pdf)
}

fn replace(f: &Fixture, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(f.path(rel)).unwrap();
    assert!(text.contains(from), "{rel} has no «{from}»");
    f.write(rel, &text.replacen(from, to, 1));
}

/// Has the example's plan hide small arson counts as well (`diskretion:
/// true`). Fires are not persons, so by default they are shown however few
/// (tests/suppression.rs); a plan may still hide them, and their small counts
/// and targets show how hiding works.
fn hide_small_fires(f: &Fixture) {
    let fires = "    navn: Påsatte brande\n    tæller: hændelser\n";
    replace(f, "data/plan.yaml", fires, &format!("{fires}    diskretion: true\n"));
}

/// The table row of a series in an indicator's section of a page.
fn row(page: &str, indicator: &str, series: &str) -> String {
    let section = &page[page.find(&format!("id=\"graf-{indicator}-h\"")).expect("the indicator's section")..];
    let start = section.find(&format!("<th scope=\"row\">{series}</th>")).expect("the series' row");
    let row = &section[start..];
    plain(&row[..row.find("</tr>").unwrap()])
}

/// The example marks and the no-wrap spans taken out, as a reader reads the text.
fn plain(html: &str) -> String {
    html.replace(EXAMPLE_MARK, "")
        .replace("<span class=\"tal\">", "")
        .replace("</span>,", ",")
        .replace("</span></li>", "</li>")
}

/// What follows an illustrative figure on the site: a star, and a word for screen readers.
const EXAMPLE_MARK: &str = "<span class=\"eks\" aria-hidden=\"true\">*</span><span class=\"sr\"> (eksempeltal)</span>";

#[test]
fn the_site_has_a_front_page_a_page_per_area_and_a_method_page() {
    let (pages, _) = build(&Fixture::example());
    let names: Vec<&str> = pages.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        ["index.html", "metode.html", "motalavej.html", "ringparken.html", "skaelskoer.html", "sydbyen.html"]
    );
    let index = &pages["index.html"];
    assert!(index.contains("<html lang=\"da\">"));
    // The plan in two sentences, computed from plan.yaml.
    assert!(index.contains(
        "Én kommune – Én helhedsplan er en boligsocial helhedsplan for Motalavej, Ringparken og Schackenborgvænge, \
         Præstevangen og Parkvej og Sydbyen i Slagelse Kommune. Den løber fra 1. oktober 2017 til 30. september 2021"
    ));
    assert!(index.contains("Tallene er opdateret 15. januar 2019 (2. halvår 2018)."));
    // The three headline indicators, each chart with its title and description, and the same figures as a table.
    for id in ["kriminalitet", "tryghed", "fraflytning"] {
        assert!(index.contains(&format!("id=\"graf-{id}-h\"")), "{id} on the front page");
    }
    assert!(!index.contains("id=\"graf-haervaerk-h\""), "only headline indicators on the front page");
    assert!(index.contains("<title id=\"graf-kriminalitet-t\">Kriminalretlige afgørelser pr. 1000 beboere</title>"));
    assert!(index.contains(
        "<desc id=\"graf-kriminalitet-d\">Linjediagram: kriminalretlige afgørelser pr. 1000 beboere 2013-2018"
    ));
    // An illustrative figure is marked, with a text alternative.
    assert!(index.contains(&format!("<td>25,0{EXAMPLE_MARK}</td>")));
    assert_eq!(
        row(index, "kriminalitet", "Samlet"),
        "<th scope=\"row\">Samlet</th><td>–</td><td>–</td><td>–</td><td>30,65</td><td>28,3</td><td>25,0</td>"
    );
    // Status against the target, with its text label.
    assert!(
        plain(index).contains(
            "<span class=\"status paa-vej\">på vej</span> <strong>Samlet</strong> 2018: 25,0, krav højst 26,4"
        )
    );
    // An area page shows that area beside samlet and the references, not the other areas.
    let motalavej = &pages["motalavej.html"];
    assert_eq!(
        row(motalavej, "kriminalitet", "Motalavej"),
        "<th scope=\"row\">Motalavej</th><td>55,1</td><td>28,8</td><td>34,2</td><td>–</td><td>30,4</td><td>26,4</td>"
    );
    assert!(!motalavej.contains("<th scope=\"row\">Sydbyen</th>"));
    assert!(motalavej.contains("Aktiviteten har haft vanskeligheder i at etablere de ønskede grupperinger"));
    // Self-contained: relative links only, no scripts, no external resources.
    for (name, page) in &pages {
        assert!(!page.contains("<script"), "{name} has a script");
        assert!(only_svg_namespace(page), "{name} links outside");
        assert!(page.contains("<link rel=\"stylesheet\" href=\"style.css\">"), "{name}");
    }
    assert!(
        pages["metode.html"]
            .contains("<p>Kriminalretlige afgørelser ÷ beboere × 1.000. Samlet: summen af alle områders")
    );
}

#[test]
fn what_a_resident_asks_is_on_the_pages() {
    let (pages, _) = build(&Fixture::example());
    let index = &pages["index.html"];
    // Which criteria are not met, each linked to its indicator on the page of
    // an area that does not meet it.
    assert!(index.contains("<h3 id=\"ikke-opfyldt-h\">Det er endnu ikke opfyldt</h3>"));
    assert!(plain(index).contains(
        "<li><a href=\"motalavej.html#graf-tryghed-h\">Tryghed over SUB-gennemsnit i Ringparken og Motalavej</a>\n      \
         <span class=\"hjaelp\">Tryghed og trivsel; ikke opfyldt for Motalavej</span>\n      <ul>\n        \
         <li><strong>Motalavej</strong> 2018: 67,3\u{a0}%, krav over 72,4\u{a0}%</li>"
    ));
    // A count not shown as a chart still says its value and requirement.
    assert!(plain(index).contains("<li><strong>Samlet</strong> 2018: 6, krav mindst 8</li>"));
    // Each area's list status, and its criteria on its own page.
    assert!(index.contains("<a href=\"motalavej.html\">Motalavej</a> <span class=\"by\">Korsør</span>\n      <span class=\"liste\">Udsat boligområde"));
    let motalavej = &pages["motalavej.html"];
    assert!(motalavej.contains("<h2 id=\"liste-h\">Statens lister: udsat boligområde</h2>"));
    assert!(motalavej.contains("<li><span class=\"opfyldt-nej\">Ikke opfyldt:</span> Indvandrere og efterkommere"));
    // Without the list's figures: they may build on a count of few persons.
    let section = &motalavej[motalavej.find("id=\"liste-h\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    let criteria = &section[section.find("<ul class=\"kriterier\">").unwrap()..];
    assert!(!criteria.contains("procentpoint") && !criteria.contains('%'), "{criteria}");
    // What the plan costs and has spent: totals, no budget lines.
    assert!(index.contains(
        "Én kommune – Én helhedsplan har et budget på 44.450\u{a0}t.kr. for 2017–2021. Til og med 2. halvår 2018 er \
         der brugt 11.335\u{a0}t.kr. (25,5\u{a0}% af budgettet)."
    ));
    // A number never parts from its unit, also in the plan's own words.
    assert!(motalavej.contains("reduceres årlig med 15\u{a0}% i alle fire områder"));
    // An activity's text keeps its structure: the description leads into
    // its points, and the status has its two paragraphs.
    assert!(motalavej.contains(
        "<p>Denne aktivitet understøtter rammer for og viden om forældrenes aktive rolle i børnenes trivsel og \
         udvikling. Dette ved bl.a. at</p>\n      <ul class=\"punkter\"><li>Understøtte rollemodeller- grupperinger"
    ));
    assert!(
        motalavej.contains(
            "og har haft svært ved at leve op til forventningerne.</p>\n<p>Aktiviteten vurderes at være vigtig"
        )
    );
    // An activity is on the pages of the areas it runs in.
    assert!(motalavej.contains("<h4>Fritidsjobindsats</h4>"));
    assert!(!pages["skaelskoer.html"].contains("<h4>Fritidsjobindsats</h4>"));
    // The method page has no figures and no notice of example figures; the others do.
    assert!(!pages["metode.html"].contains("role=\"note\""));
    assert!(motalavej.contains("<p class=\"advarsel\" role=\"note\"><strong>Eksempeldata.</strong>"));
}

/// The only absolute URL a page may hold is the SVG namespace.
fn only_svg_namespace(page: &str) -> bool {
    page.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "").matches("http").count()
        == 0
}

#[test]
fn an_internal_note_and_a_count_of_3_reach_the_board_pdf_but_no_site_page() {
    let f = Fixture::example();
    let note = "Fortroligt: sagen om opgang 7 drøftes på et lukket møde.";
    replace(&f, "data/status/2018-h2.yaml", "til_bestyrelsen: >-\n", &format!("til_bestyrelsen: >-\n  {note}\n"));
    hide_small_fires(&f);
    replace(&f, "data/motalavej/2018.yaml", "paasatte-brande: 7", "paasatte-brande: 3");
    // Three of 150 respondents feel safe: the share (2,0 %) is computed from a count of 3.
    replace(&f, "data/motalavej/2018.yaml", "trygge: 101", "trygge: 3");
    let (pages, pdf) = build(&f);

    // The board sees everything.
    if let Some(text) = pdf_text(&pdf) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(note), "the note is in the statusrapport");
        // The value table follows the chart's caption, "Figur N: Påsatte brande, 2015–2018".
        let brande = &text[text.find(": Påsatte brande, ").unwrap()..];
        let line = brande.lines().find(|l| l.trim_start().starts_with("Motalavej")).unwrap();
        let cells = line.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(cells.contains("– – 9* 3*"), "the count of 3 is in the statusrapport: {line}");
        let tryghed = &text[text.find(": Trygge beboere, ").unwrap()..];
        assert!(tryghed.lines().any(|l| l.trim_start().starts_with("Motalavej") && l.contains(" 2,0*")));
    }

    // The public sees neither.
    for (name, page) in &pages {
        assert!(!page.contains("opgang 7") && !page.contains("Fortroligt"), "{name} shows the internal note");
    }
    let motalavej = &pages["motalavej.html"];
    assert!(
        row(motalavej, "paasatte-brande", "Motalavej").ends_with("<td>&lt;5</td>"),
        "{}",
        row(motalavej, "paasatte-brande", "Motalavej")
    );
    assert!(
        row(motalavej, "tryghed", "Motalavej").ends_with("<td>skjult</td>"),
        "{}",
        row(motalavej, "tryghed", "Motalavej")
    );
    assert!(motalavej.contains("Nogle tal er skjult, fordi de bygger på et antal under 5 personer, eller fordi"));
    // Samlet pools Motalavej's 3 with the other areas' counts: shown, it
    // would give the 3 away, so 2018 is hidden; 2016, with no small part, stays.
    let samlet = row(motalavej, "tryghed", "Samlet");
    assert!(samlet.ends_with("<td>skjult</td>") && samlet.contains("<td>71,0</td>"), "{samlet}");
    for page in pages.values() {
        assert!(!page.contains("2,0 %"), "a hidden figure reached the site");
    }
}

#[test]
fn samlet_is_hidden_in_a_year_when_an_area_count_in_it_is_small() {
    // The example's arson counts: 2017 Motalavej 9, Ringparken 12, Skælskør 0,
    // Sydbyen 2 (samlet 23); 2018 7, 10, 0 and 1 (samlet 18). Samlet minus
    // the two areas shown would give Skælskør + Sydbyen away, when the plan
    // hides small arson counts.
    let f = Fixture::example();
    hide_small_fires(&f);
    let (pages, _) = build(&f);
    for (name, page) in &pages {
        if !page.contains("id=\"graf-paasatte-brande-h\"") {
            continue;
        }
        let samlet = row(page, "paasatte-brande", "Samlet");
        // 2015 and 2016 are published by the source as they are.
        assert_eq!(
            samlet, "<th scope=\"row\">Samlet</th><td>15</td><td>28</td><td>skjult</td><td>skjult</td>",
            "{name}"
        );
        assert!(
            !page.contains("<strong>Samlet</strong> 2018: 18,"),
            "{name} judges samlet on its hidden count in the open"
        );
    }
    assert!(
        row(&pages["ringparken.html"], "paasatte-brande", "Ringparken og Schackenborgvænge")
            .ends_with("<td>12</td><td>10</td>")
    );
    // The board's figures are unchanged: tal.json keeps samlet 2018.
    let tal: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(f.path("out/tal.json")).unwrap()).unwrap();
    let brande = tal["indikatorer"].as_array().unwrap().iter().find(|i| i["id"] == "paasatte-brande").unwrap();
    let samlet = brande["serier"].as_array().unwrap().iter().find(|s| s["id"] == "samlet").unwrap();
    let v2018 = samlet["værdier"].as_array().unwrap().iter().find(|v| v["år"] == 2018).unwrap();
    assert_eq!(v2018["værdi"], "18");
}

#[test]
fn a_requirement_built_from_a_hidden_count_is_hidden_too() {
    let f = Fixture::example();
    // Motalavej's 2017 arson count is the basis of its requirement for 2018.
    hide_small_fires(&f);
    replace(&f, "data/motalavej/2017.yaml", "paasatte-brande: 9", "paasatte-brande: 3");
    let (pages, _) = build(&f);
    let motalavej = &pages["motalavej.html"];
    let section = &motalavej[motalavej.find("id=\"graf-paasatte-brande-h\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(plain(section).contains("<strong>Motalavej</strong> 2018: 7, krav skjult"), "{section}");
    assert!(
        !section.contains("under 3") && !section.contains("højst 3"),
        "the requirement gives the hidden count away"
    );
    // Neither the chart's target line nor its description names Motalavej's target.
    let desc = &section[section.find("<desc").unwrap()..section.find("</desc>").unwrap()];
    assert!(!desc.contains("Motalavej under") && !desc.contains("Motalavej højst"), "{desc}");
    assert!(row(motalavej, "paasatte-brande", "Motalavej").contains("<td>&lt;5</td><td>7</td>"));
}

#[test]
fn the_threshold_is_set_in_the_plan() {
    let f = Fixture::example();
    hide_small_fires(&f);
    replace(&f, "data/plan.yaml", "  datadato: 2019-01-15\n", "  datadato: 2019-01-15\n  diskretionsgrænse: 10\n");
    let (pages, _) = build(&f);
    // Motalavej had 7 arson cases in 2018: published at 5, hidden at 10.
    assert!(row(&pages["motalavej.html"], "paasatte-brande", "Motalavej").ends_with("<td>&lt;10</td>"));
    assert!(
        pages["metode.html"]
            .contains("vises et antal personer, husstande eller afgørelser om personer under 10 som «&lt;10»")
    );
}

#[test]
fn text_from_the_data_is_escaped_on_the_site() {
    let f = Fixture::example();
    let name = "Motalavej <script>alert(\"x\")</script> & <b>Co</b>";
    replace(&f, "data/plan.yaml", "    navn: Motalavej\n", &format!("    navn: '{name}'\n"));
    replace(
        &f,
        "data/status/2018-h2.yaml",
        "  bydelsforaeldre: >-\n",
        "  bydelsforaeldre: >-\n    <img src=x onerror=alert(1)>\n",
    );
    let (pages, _) = build(&f);
    for (page_name, page) in &pages {
        assert!(!page.contains("<script"), "{page_name}");
        assert!(!page.contains("<b>Co"), "{page_name}");
        assert!(!page.contains("<img"), "{page_name}");
    }
    assert!(
        pages["index.html"].contains(
            "Motalavej &lt;script&gt;alert(&quot;x&quot;)&lt;&#x2f;script&gt; &amp; &lt;b&gt;Co&lt;&#x2f;b&gt;"
        )
    );
    assert!(pages["motalavej.html"].contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn a_broken_site_template_is_reported_at_its_line_and_nothing_is_written() {
    let f = Fixture::example();
    f.write(
        "report-templates/site/index.html",
        "{% extends \"site/base.html\" %}\n{% block indhold %}\n{% for x in %}\n{% endblock %}\n",
    );
    let out = f.run(&["build"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("report-templates/site/index.html:3:"), "{stderr}");
    assert!(stderr.contains("skabelonen til hjemmesiden: syntax error"), "{stderr}");
    assert!(!f.path("out").exists(), "a failed build writes nothing");
}

#[test]
fn a_site_template_can_be_overridden_and_is_exported() {
    let f = Fixture::example();
    let out = f.run(&["templates", "export", "skabeloner"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for file in ["base.html", "komponenter.html", "index.html", "omraade.html", "metode.html", "style.css"] {
        assert!(f.path("skabeloner/site").join(file).is_file(), "{file} exported");
    }
    replace(&f, "skabeloner/site/index.html", "<h2>Udviklingen</h2>", "<h2>Sådan går det</h2>");
    let out = f.run(&["build", "--templates", "skabeloner"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let index = std::fs::read_to_string(f.path("out/site/index.html")).unwrap();
    assert!(index.contains("<h2>Sådan går det</h2>"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("out/site/ (hjemmesiden, 12 filer; åbn index.html)"));
}

#[test]
fn a_page_the_site_no_longer_has_is_removed_and_other_files_are_left_alone() {
    let f = Fixture::example();
    assert!(f.run(&["build"]).status.success());
    assert!(f.path("out/site/sydbyen.html").exists());
    // A file of the user's own in the site folder, not made by helhed.
    f.write("out/site/.htaccess", "Options -Indexes\n");
    // Sydbyen is renamed to sydbyen-vest everywhere in the data.
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    assert!(plan.contains("id: sydbyen\n"));
    let renamed = plan
        .replace("id: sydbyen\n", "id: sydbyen-vest\n")
        .replace("område: sydbyen,", "område: sydbyen-vest,")
        .replace(", sydbyen]", ", sydbyen-vest]");
    f.write("data/plan.yaml", &renamed);
    std::fs::rename(f.path("data/sydbyen"), f.path("data/sydbyen-vest")).unwrap();

    let out = f.run(&["build"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.contains("Fjernede ") && stdout.contains("sydbyen.html: hjemmesiden har ikke længere den side"),
        "{stdout}"
    );
    assert!(!f.path("out/site/sydbyen.html").exists(), "the old page is still published");
    assert!(f.path("out/site/sydbyen-vest.html").exists());
    assert_eq!(std::fs::read_to_string(f.path("out/site/.htaccess")).unwrap(), "Options -Indexes\n");
    // The PDFs of earlier builds are never removed; only site pages are.
    assert!(f.path("out/statusrapport-2018-h2.pdf").exists());
}

#[test]
fn a_site_template_that_never_ends_is_stopped_with_an_error_at_its_file() {
    let f = Fixture::example();
    f.write(
        "report-templates/site/index.html",
        "{% extends \"site/base.html\" %}\n{% block indhold %}\n{% for a in range(100000) %}{% for b in range(100000) %}.{% endfor %}{% endfor %}\n{% endblock %}\n",
    );
    let started = std::time::Instant::now();
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "stopped, not run to the end");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("report-templates/site/index.html:3:1: skabelonen til hjemmesiden bruger mere end 50.000.000 skridt på én side og blev stoppet"),
        "{stderr}"
    );
    assert!(!f.path("out").exists(), "a failed build writes nothing");
}
