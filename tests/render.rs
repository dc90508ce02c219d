//! The rendered statusrapport: its text, its templates, its safety and its
//! reproducibility.

mod common;
use common::{Fixture, pdf_text};

fn render(f: &Fixture) -> Vec<u8> {
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let rendered = helhed::render(&inputs).unwrap_or_else(|e| panic!("{e}"));
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    rendered.outputs.into_iter().find(|o| o.rel.to_str() == Some("statusrapport-2018-h2.pdf")).unwrap().bytes
}

/// The PDF's text with line breaks and runs of spaces folded to single spaces.
fn words(pdf: &[u8]) -> Option<String> {
    pdf_text(pdf).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn the_pdf_shows_the_seed_figures_in_danish() {
    let f = Fixture::example();
    let pdf = render(&f);
    assert!(pdf.starts_with(b"%PDF-"));
    let Some(text) = words(&pdf) else { return };
    for expected in [
        "Én kommune – Én helhedsplan",
        "2. halvår 2018",
        "Datagrundlag pr.",
        "15. januar 2019",
        "Motalavej 55,1 28,8 34,2",
        "Præstevangen og Parkvej 19,1 27,9 22,3",
        "Sydbyen 28,5 14,7 34,7",
        "Ringparken og Schackenborgvænge 42,8 27,2 31,4",
        "Slagelse Kommune 11,8 10,3 11,4",
        "30,65",
        "SUB-gennemsnit – – 72,4",
        "Hele landet – – 89,1",
        "Motalavej (Korsør)",
        "Præstevangen og Parkvej (Skælskør)",
        "Eksempeldata",
        "ikke som et gennemsnit af områdernes tal",
        "Datakilde: Danmarks Statistik, Nøgletal for boligområder",
        // The front page: the counts per status, then and now, where they
        // stand, what changed, the key figures, spending and the lists.
        "Succeskriterierne i 2. halvår 2018 20 16 19 2 opfyldt på vej ikke opfyldt ikke målt endnu \
         1. halvår 2018: 1 1. halvår 2018: 1 1. halvår 2018: 7 1. halvår 2018: 48 \
         Se afsnit 2.1 (7), 2.2 (10), 2.3 (2), 2.4 (1)",
        "Siden 1. halvår 2018: 4 forbedret og 46 målt for første gang (afsnit 1.1).",
        "Nøgletal for alle områder samlet Indikator Seneste Ændring Krav Status",
        "Trygge beboere (%) 73,6 %* (2018) +2,0 procentpoint siden 2017 over 71,0 % på vej",
        "Budget Forbrug 2018: 11.335 t.kr. af et budget på 11.113 t.kr. (102,0 %). Over budget.",
        "Listerne Motalavej: Udsat boligområde Ringparken og Schackenborgvænge: Ghettoområde",
        // The changes, judged on the same basis: the yearly counts of 2017,
        // a quarter year of the plan, are not judged, so they are measured
        // for the first time in 2018, not "fra ikke opfyldt til opfyldt".
        "1.1 Ændringer siden 1. halvår 2018 50 succeskriterier har skiftet status",
        "Forbedret (4) • Mindst 4 ad hoc-arbejdsgrupper (Samlet): ikke opfyldt → opfyldt ; vurderet på 2017, nu på 2018",
        "• Mindst 50 aktive frivillige om året (Samlet): ikke målt endnu → opfyldt ; vurderet på 2018",
    ] {
        assert!(text.contains(expected), "missing «{expected}» in:\n{text}");
    }
}

/// Whether some line of the text holds `parts` in this order.
fn line_in_order(text: &str, parts: &[&str]) -> bool {
    text.lines().any(|line| {
        let mut rest = line;
        parts.iter().all(|p| match rest.find(p) {
            Some(i) => {
                rest = &rest[i + p.len()..];
                true
            }
            None => false,
        })
    })
}

#[test]
fn tables_read_row_by_row_in_the_text_layer() {
    let f = Fixture::example();
    helhed::build(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    let status = std::fs::read(f.path("out/statusrapport-2018-h2.pdf")).unwrap();
    let Some(status) = pdf_text(&status) else { return };
    let appendix = pdf_text(&std::fs::read(f.path("out/helhedsevaluering-2018.pdf")).unwrap()).unwrap();
    for (text, row) in [
        // Criteria: each area's line, its status first, then the area and its
        // sentence with the value and the requirement.
        (&status, &["ikke opfyldt", "Motalavej*: 33 i 2018; målet er højst 32", "1 over målet."][..]),
        (&status, &["opfyldt", "Ringparken og Schackenborgvænge*: 44 i 2018; målet er højst 44"]),
        // The activities' status table: activity, status, effect, marking.
        (&status, &["Bydelsforældre", "Aktiviteten har haft", "Har ingen direkte indflydelse", "Indirekte"]),
        (&status, &["Aktivitet", "Status 2. halvår 2018", "Forventet påvirkning af", "Markering"]),
        // Budget and indicator tables.
        (&status, &["I alt", "2.778 11.113 11.113 11.113 8.333 44.450"]),
        (&status, &["Motalavej", "55,1", "28,8", "34,2", "–", "30,4*", "26,4*"]),
        (&appendix, &["Motalavej", "55,1", "28,8", "34,2", "–", "30,4*", "26,4*"]),
        // The baseline year is marked under its column.
        (&appendix, &["Område", "2016", "2017", "2018"]),
        (&appendix, &["basisår"]),
        // A påvirkning with bullet points prints them as a list (item 13).
        (&status, &["• færre unge begår noget"]),
        // The change since last year and since the baseline, in both
        // documents, for every indicator (issue 17, item 3).
        // The change columns: the latest value's change from the year
        // before and from the baseline, the per cent on the line below.
        (&status, &["Område", "2014", "2015", "2016", "2017", "2018", "Ændring", "Ændring"]),
        (&status, &["Samlet", "65,0", "71,0", "71,6*", "73,6*", "+2,0", "+2,6"]),
        (&status, &["(+2,7 %)", "(+3,7 %)"]),
        (&appendix, &["Samlet", "65,0", "71,0", "71,6*", "73,6*", "+2,0", "+2,6"]),
        (&appendix, &["Samlet", "123", "119*", "102*", "-17", "-17"]),
        (&appendix, &["(-14,3 %)", "(-14,3 %)"]),
        (&appendix, &["på vej", "Samlet*: 25,0 pr. 1000 beboere i 2018; målet er højst 26,4"]),
    ] {
        assert!(line_in_order(text, row), "no line reads {row:?} in order:\n{text}");
    }
    // A number and its unit never part (issue 17, item 9): no line of either
    // document starts with a unit after a line that ends in a number.
    for text in [&status, &appendix] {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            let parted = pair[0].ends_with(|c: char| c.is_ascii_digit())
                && ["%", "t.kr.", "procentpoint", "pr. 1000"].iter().any(|u| pair[1].starts_with(u));
            assert!(!parted, "a number and its unit part: {pair:?}");
        }
    }
    // Every indicator's table has the change columns: 6 in the statusrapport, 52 in the appendix.
    let changes = |t: &str| t.lines().filter(|l| l.matches("Ændring").count() == 2).count();
    assert_eq!((changes(&status), changes(&appendix)), (6, 52));
    // A figure of one year is captioned with that year, not `2018–2018`.
    assert!(appendix.contains("Figur 20: Formidlede fritidsjob, 2018\n"), "{appendix}");
    assert!(!appendix.contains("2018–2018"));
    assert!(status.contains("Kriminalretlige afgørelser pr. 1000 beboere, 2013–2018"), "{status}");
}

#[test]
fn status_text_cannot_inject_markup() {
    let f = Fixture::example();
    let hostile =
        r#"Status: #set text(red) ] $x^2$ <script>alert("x")</script> "citat" \ #{1+1} @ref <label> // ikke kommentar"#;
    let quoted = format!("'{}'", hostile.replace('\'', "''"));
    // The same text as the summary and as every activity's status.
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    let activities = &plan[plan.find("\naktiviteter:\n").unwrap() + "\naktiviteter:\n".len()..];
    let ids: Vec<&str> = activities
        .lines()
        .take_while(|l| l.is_empty() || l.starts_with(' ') || l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("  - id: "))
        .collect();
    assert_eq!(ids.len(), 11);
    // Each its own text (a status that repeats another's is referred to, not repeated).
    let statuses: String = ids.iter().map(|id| format!("  {id}: '{} {id}'\n", hostile.replace('\'', "''"))).collect();
    f.write("data/status/2018-h2.yaml", &format!("sammenfatning: {quoted}\naktiviteter:\n{statuses}"));
    let pdf = render(&f);
    let Some(text) = words(&pdf) else { return };
    assert!(text.contains(hostile), "the status text must appear literally; got:\n{text}");
    assert_eq!(text.matches("#set text(red)").count(), 1 + ids.len(), "in the summary and each activity's row");
}

#[test]
fn two_builds_are_byte_identical() {
    let f = Fixture::example();
    let first = f.run(&["build"]);
    assert!(first.status.success());
    let names = ["statusrapport-2018-h2.pdf", "helhedsevaluering-2018.pdf", "tal.json"];
    let read = |f: &Fixture| names.map(|n| std::fs::read(f.path("out").join(n)).unwrap());
    let a = read(&f);
    std::fs::remove_dir_all(f.path("out")).unwrap();
    assert!(f.run(&["build"]).status.success());
    let b = read(&f);
    for (i, name) in names.iter().enumerate() {
        assert!(a[i] == b[i], "the same input must give the same bytes: {name}");
    }
    // And in-process rendering gives the very same file.
    assert!(render(&f) == a[0]);
}

#[test]
fn an_unchanged_pdf_is_reused_and_a_changed_one_rendered() {
    let f = Fixture::example();
    let build = |args: &[&str]| {
        let out = f.run(&[&["build"], args].concat());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let status = f.path("out/statusrapport-2018-h2.pdf");
    let appendix = f.path("out/helhedsevaluering-2018.pdf");
    let first = build(&[]);
    // The page counts as the first build reports them.
    let pages = |name: &str| -> String {
        let start = first.find(&format!("Skrev out/{name} (")).unwrap_or_else(|| panic!("{name} in {first}"));
        let line = first[start..].lines().next().unwrap();
        line[line.find('(').unwrap()..].to_string()
    };
    let (status_pages, appendix_pages) = (pages("statusrapport-2018-h2.pdf"), pages("helhedsevaluering-2018.pdf"));
    assert!(status_pages.ends_with(" sider)") && appendix_pages.ends_with(" sider)"), "{first}");
    let written = format!("Skrev out/statusrapport-2018-h2.pdf {status_pages}");
    let kept = format!("Uændret out/helhedsevaluering-2018.pdf {appendix_pages}: samme data og skabeloner som sidst");
    let (status_pdf, appendix_pdf) = (std::fs::read(&status).unwrap(), std::fs::read(&appendix).unwrap());
    let again = build(&[]);
    assert!(
        again.contains(&format!("Uændret out/statusrapport-2018-h2.pdf {status_pages}")) && again.contains(&kept),
        "{again}"
    );
    // The files made anew with the same bytes say so too.
    assert!(
        again.contains("Uændret out/tal.json\n") && again.contains("Uændret out/site/ (hjemmesiden, 12 filer;"),
        "{again}"
    );
    assert!(std::fs::read(&status).unwrap() == status_pdf && std::fs::read(&appendix).unwrap() == appendix_pdf);

    // New prose for the half-year: only the statusrapport shows it.
    let prose = std::fs::read_to_string(f.path("data/status/2018-h2.yaml")).unwrap();
    let edited = prose.replace("mens bydelsforældrene har haft", "mens bydelsforældrene stadig har haft");
    assert_ne!(edited, prose);
    f.write("data/status/2018-h2.yaml", &edited);
    let after_edit = build(&[]);
    assert!(after_edit.contains(&written) && after_edit.contains(&kept), "{after_edit}");
    if let Some(text) = words(&std::fs::read(&status).unwrap()) {
        assert!(text.contains("mens bydelsforældrene stadig har haft vanskeligt"), "{text}");
    }

    // A changed file in out/ is never taken for the document.
    std::fs::write(&appendix, b"%PDF-1.7 noget andet").unwrap();
    let after_tamper = build(&[]);
    assert!(after_tamper.contains(&format!("Skrev out/helhedsevaluering-2018.pdf {appendix_pages}")), "{after_tamper}");
    assert!(std::fs::read(&appendix).unwrap() == appendix_pdf, "rendered again, byte for byte");

    // --fuld renders everything; here it comes out the same, byte for byte.
    let full = build(&["--fuld"]);
    let same = |name: &str| format!("Uændret out/{name}: sat igen med samme resultat");
    assert!(
        full.contains(&same(&format!("statusrapport-2018-h2.pdf {status_pages}")))
            && full.contains(&same(&format!("helhedsevaluering-2018.pdf {appendix_pages}"))),
        "{full}"
    );
}

#[test]
fn build_reports_what_it_wrote() {
    let f = Fixture::example();
    let out = f.run(&["build"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("Skrev out/statusrapport-2018-h2.pdf (") && lines[0].ends_with(" sider)"), "{stdout}");
    assert!(
        lines[1].starts_with("Skrev out/helhedsevaluering-2018.pdf (") && lines[1].ends_with(" sider)"),
        "{stdout}"
    );
    assert_eq!(lines[2], "Skrev out/tal.json");
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn check_writes_nothing() {
    let f = Fixture::example();
    let out = f.run(&["check"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "Data, tal og hjemmesidens skabeloner er i orden: 4 områder, 53 indikatorer, 57 succeskriterier, \
         halvår 2. halvår 2018.\n\
         PDF'ernes skabeloner er ikke prøvet; helhed check --pdf sætter også dokumenterne."
    );
    let out = f.run(&["check", "--pdf"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "Data og skabeloner er i orden: 4 områder, 53 indikatorer, 57 succeskriterier, halvår 2. halvår 2018."
    );
    assert!(!f.path("out").exists());
}

#[test]
fn check_lays_out_the_documents_only_when_asked() {
    let f = Fixture::example();
    f.write("report-templates/statusrapport.typ", "#let data = json(\"data.json\")\n#ukendt-funktion()\n");
    // Without --pdf Typst does not run, so the broken template goes unseen…
    let out = f.run(&["check"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // …and with it the error is found at the template's line.
    let out = f.run(&["check", "--pdf"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("report-templates/statusrapport.typ:2:2: "), "{stderr}");
    assert!(stderr.contains("helhed: 1 fejl fundet."), "{stderr}");
}

#[test]
fn a_template_in_the_folder_overrides_the_default() {
    let f = Fixture::example();
    f.write(
        "report-templates/statusrapport.typ",
        "#let data = json(\"data.json\")\n#set document(title: \"Egen skabelon\")\n#set text(lang: \"da\")\n\
         = Egen forside\nVores egen skabelon for #data.periode.tekst med #data.indikatorer.len() indikatorer.\n",
    );
    let pdf = render(&f);
    let Some(text) = words(&pdf) else { return };
    assert!(text.contains("Egen forside Vores egen skabelon for 2. halvår 2018 med 6 indikatorer."), "{text}");
    assert!(!text.contains("Sammenfatning"));
}

#[test]
fn a_template_can_override_the_shared_style_only() {
    let f = Fixture::example();
    let style = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/report-templates/helhed.typ")).unwrap();
    f.write("report-templates/helhed.typ", &style.replace("[Side #counter", "[Blad #counter"));
    let Some(text) = words(&render(&f)) else { return };
    assert!(text.contains("Blad 2 af "), "{text}");
}

#[test]
fn an_error_in_a_template_names_its_file_and_line() {
    let f = Fixture::example();
    f.write("report-templates/statusrapport.typ", "#let data = json(\"data.json\")\n\n= Titel\n#data.findes-ikke\n");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "fejl: report-templates/statusrapport.typ:4:7: Typst: dictionary does not contain key \"findes-ikke\""
        ),
        "{stderr}"
    );
    assert!(!f.path("out/statusrapport-2018-h2.pdf").exists());
}

#[test]
fn a_first_half_year_report_shows_complete_years_only() {
    let f = Fixture::example();
    let mut config = f.config();
    config.period = Some("2018-H1".parse().unwrap());
    let inputs = helhed::prepare(&config).unwrap();
    let report =
        helhed::present::report::status_report(&inputs.model, &helhed::eval::evaluate(&inputs.model, inputs.period));
    assert_eq!(report.periode.tekst, "1. halvår 2018");
    assert_eq!(report.seneste_aar, "2017");
    let crime = report.indikatorer.iter().find(|i| i.id == "kriminalitet").unwrap();
    assert_eq!(crime.aar.last().map(String::as_str), Some("2017"));
    let rendered = helhed::render(&inputs).unwrap();
    assert_eq!(rendered.outputs[0].rel.to_str(), Some("statusrapport-2018-h1.pdf"));
}

#[test]
fn a_chart_without_alt_text_fails_the_accessibility_check() {
    let f = Fixture::example();
    // The charts of both documents are set by `diagram` in helhed.typ.
    let template =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/report-templates/helhed.typ")).unwrap();
    let without_alt = template.replace("alt: ind.alt, ", "");
    assert_ne!(template, without_alt, "the default template gives its charts alt text");
    f.write("report-templates/helhed.typ", &without_alt);
    let (line, col) =
        without_alt.lines().enumerate().find_map(|(i, l)| l.find("image(").map(|c| (i + 1, c + 1))).unwrap();
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "fejl: report-templates/helhed.typ:{line}:{col}: tilgængelighed (PDF/UA-1): et billede eller en formel mangler alt-tekst"
        )),
        "{stderr}"
    );
    assert!(!f.path("out").exists(), "nothing is written when a document fails");
}

#[test]
fn templates_export_writes_the_defaults_and_keeps_edits() {
    let f = Fixture::example();
    let out = f.run(&["templates", "export", "mine"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for name in ["helhed.typ", "statusrapport.typ"] {
        let default =
            std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("report-templates").join(name))
                .unwrap();
        assert_eq!(std::fs::read(f.path("mine").join(name)).unwrap(), default, "{name}");
    }
    // An edited copy is not overwritten by accident.
    f.write("mine/helhed.typ", "// min udgave\n");
    let again = f.run(&["templates", "export", "mine"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("mine/helhed.typ: findes allerede; brug --overskriv"));
    assert_eq!(std::fs::read_to_string(f.path("mine/helhed.typ")).unwrap(), "// min udgave\n");
    assert!(f.run(&["templates", "export", "mine", "--overskriv"]).status.success());
    // The exported templates build the same report.
    assert!(f.run(&["build", "--templates", "mine"]).status.success());
}

#[test]
fn the_helhedsevaluering_has_contents_cross_references_and_the_seed_figures() {
    let f = Fixture::example();
    assert!(f.run(&["build"]).status.success());
    let pdf = std::fs::read(f.path("out/helhedsevaluering-2018.pdf")).unwrap();
    let Some(text) = pdf_text(&pdf) else { return };
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Indhold 1 Sammenfatning"), "a table of contents");
    assert!(words.contains("2.1 Kriminalretlige afgørelser pr. 1000 beboere"));
    // The overview refers each criterion to its indicator's section.
    assert!(words.contains("Afsnit 2.1"), "cross-references to the sections");
    assert!(words.contains("Tabel 1:") && words.contains("Figur 1:"), "numbered tables and figures");
    // The seed's figures, with the rule in words and what is missing.
    assert!(words.contains("Motalavej 55,1 28,8 34,2"), "{words}");
    assert!(words.contains("Mangler. Motalavej: 2016"), "{words}");
}

#[test]
fn a_template_file_name_with_a_backslash_is_an_error_at_that_file() {
    let f = Fixture::example();
    f.write("report-templates/mine\\helhed.typ", "#let x = 1\n");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1), "a located error, not a panic (101)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("report-templates/mine\\helhed.typ: en skabelons filnavn må ikke indeholde «\\»; omdøb filen"),
        "{stderr}"
    );
    assert!(!f.path("out").exists(), "nothing is written");
}

/// The link annotations of a PDF (typst-pdf writes them outside compressed
/// streams): each one's rectangle's left and right edge and the page its
/// alt text names (`side 12`).
fn links(pdf: &[u8]) -> Vec<(f64, f64, u32)> {
    let raw = String::from_utf8_lossy(pdf);
    raw.split("/Subtype/Link/Rect[")
        .skip(1)
        .map(|rest| {
            let rect: Vec<f64> = rest[..rest.find(']').unwrap()].split(' ').map(|n| n.parse().unwrap()).collect();
            let annot = &rest[..rest.find(">>").unwrap()];
            let alt = &annot[annot.find("/Contents(side ").expect("a link names its page") + "/Contents(side ".len()..];
            (rect[0], rect[2], alt[..alt.find(')').unwrap()].parse().unwrap())
        })
        .collect()
}

#[test]
fn every_contents_entry_and_cross_reference_of_the_appendix_is_a_link_to_its_page() {
    let f = Fixture::example();
    assert!(f.run(&["build"]).status.success());
    let pdf = std::fs::read(f.path("out/helhedsevaluering-2018.pdf")).unwrap();
    let Some(text) = pdf_text(&pdf) else { return };
    let pages: Vec<&str> = text.split('\u{c}').collect();
    // The contents' page numbers, entry by entry: each entry's last line ends
    // in its page number (pages 2 and 3; the summary begins on page 4).
    let contents: Vec<u32> = pages[1..3]
        .iter()
        .flat_map(|p| p.lines())
        .filter_map(|line| {
            let (entry, page) = line.trim_end().rsplit_once("   ")?;
            (!entry.trim().is_empty()).then(|| page.trim().parse().ok()).flatten()
        })
        .collect();
    assert!(contents.len() > 60 && contents[0] == 4, "{contents:?}");
    let links = links(&pdf);
    // Each entry is a link across the whole line (from its indent to the
    // right margin, 530 pt), to the page it prints.
    let entries: Vec<u32> = links.iter().filter(|(x0, x1, _)| x1 - x0 > 400.0).map(|l| l.2).collect();
    assert_eq!(entries, contents);
    // The criteria overview's references ("Afsnit 2.1") are links too, each
    // to the first page of an indicator's section.
    let references: Vec<u32> = links.iter().filter(|(x0, x1, _)| x1 - x0 < 100.0).map(|l| l.2).collect();
    let afsnit = pages[3..8].iter().map(|p| p.matches("Afsnit ").count()).sum::<usize>();
    assert_eq!(references.len(), afsnit, "{references:?}");
    assert!(references.iter().all(|p| contents.contains(p)), "{references:?}");
}
