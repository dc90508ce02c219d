//! Every kind of bad input is refused with a Danish message naming the file,
//! line and column, and all problems of a run are reported together.

mod common;
use common::Fixture;

fn assert_has(errors: &[String], expected: &str) {
    assert!(errors.iter().any(|e| e == expected), "expected\n  {expected}\namong\n  {}", errors.join("\n  "));
}

#[test]
fn unknown_area() {
    let f = Fixture::example();
    f.write("data/korsoer/2018.yaml", "antal:\n  beboere: 100\n");
    assert_has(
        &f.errors(),
        "fejl: data/korsoer/2018.yaml: ukendt område «korsoer»: mappen skal hedde som et område i plan.yaml \
         (motalavej, ringparken, skaelskoer og sydbyen), en reference (slagelse-kommune, sub-gennemsnit og hele-landet), \
         «samlet», «status» eller «forbrug»",
    );
}

#[test]
fn an_area_may_not_take_the_id_of_a_fixed_site_page() {
    let f = Fixture::example();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    f.write("data/plan.yaml", &plan.replacen("  - id: motalavej\n", "  - id: index\n", 1));
    assert_has(
        &f.errors(),
        "fejl: data/plan.yaml:17:9: id «index» er reserveret til hjemmesidens side «index.html»; et område får en side med sit id som navn",
    );
}

#[test]
fn year_outside_the_plan() {
    let f = Fixture::example();
    f.write("data/motalavej/2030.yaml", "antal:\n  beboere: 100\n");
    assert_has(
        &f.errors(),
        "fejl: data/motalavej/2030.yaml: året 2030 ligger uden for planens dataår 2013-2021 (plan.yaml: dataår)",
    );
}

#[test]
fn unknown_indicator_and_measure() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "værdier:\n  kriminaliteten: 3\nantal:\n  beboer: 10\n  tryghed: 3\n");
    let errors = f.errors();
    assert_has(
        &errors,
        "fejl: data/motalavej/2019.yaml:2:3: ukendt indikator «kriminaliteten»; mente du «kriminalitet»? \
         (plan.yaml har 53 indikatorer)",
    );
    assert_has(
        &errors,
        "fejl: data/motalavej/2019.yaml:4:3: ukendt måling «beboer»; mente du «beboere», «beboere-18» eller \
         «beboere-18-29»? (plan.yaml har 70 målinger)",
    );
    assert!(errors.iter().any(|e| e.starts_with("fejl: data/motalavej/2019.yaml:5:3: ukendt måling «tryghed»")
        && e.ends_with("(«tryghed» er en indikator; dens værdi skrives under værdier:)")));
}

#[test]
fn wrong_type() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "# tal\nantal:\n  beboere: mange\n  boliger: 30,5\n");
    let errors = f.errors();
    assert_has(&errors, "fejl: data/motalavej/2019.yaml:3:12: «mange» er ikke et tal");
    assert_has(
        &errors,
        "fejl: data/motalavej/2019.yaml:4:12: «30,5» er ikke et tal i YAML: brug punktum som decimaltegn (fx 30.5)",
    );
}

#[test]
fn wrong_type_of_a_structure() {
    let f = Fixture::example();
    f.write("data/sydbyen/2019.yaml", "antal: 12\n");
    assert_has(
        &f.errors(),
        "fejl: data/sydbyen/2019.yaml:1:8: i «antal»: forkert type: fandt tallet 12, forventede en mapping (nøgle: værdi)",
    );
}

#[test]
fn negative_count_and_fraction() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: -5\n  boliger: 10.5\n");
    let errors = f.errors();
    assert_has(
        &errors,
        "fejl: data/motalavej/2019.yaml:2:12: negativt antal for «beboere»: -5; et antal er 0 eller derover",
    );
    assert_has(&errors, "fejl: data/motalavej/2019.yaml:3:12: antallet for «boliger» skal være et helt tal, ikke 10.5");
}

#[test]
fn share_above_100() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "værdier:\n  tryghed: 100.5\n");
    f.write("data/sydbyen/2019.yaml", "antal:\n  tryghed-respondenter: 40\n  trygge: 41\n");
    let errors = f.errors();
    assert_has(
        &errors,
        "fejl: data/motalavej/2019.yaml:2:12: andelen «tryghed» er 100.5 %, men en andel kan højst være 100 %",
    );
    assert_has(
        &errors,
        "fejl: data/sydbyen/2019.yaml:3:11: «trygge» (41) er større end «tryghed-respondenter» (40): andelen «tryghed» ville være over 100 %",
    );
}

#[test]
fn zero_denominator() {
    let f = Fixture::example();
    f.write("data/ringparken/2019.yaml", "antal:\n  kriminalretlige-afgoerelser: 4\n  beboere: 0\n");
    assert_has(
        &f.errors(),
        "fejl: data/ringparken/2019.yaml:3:12: nævneren «beboere» er 0, så «kriminalitet» kan ikke beregnes; ret tallet eller fjern «kriminalretlige-afgoerelser»",
    );
}

#[test]
fn duplicated_key() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: 1186\n  boliger: 532\n  beboere: 1190\n");
    assert_has(
        &f.errors(),
        "fejl: data/motalavej/2019.yaml:4:3: nøglen «beboere» står to gange (første gang i linje 2); hver nøgle må kun stå én gang",
    );
}

#[test]
fn unknown_field() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: 1186\nvardier:\n  tryghed: 50\n");
    assert_has(
        &f.errors(),
        "fejl: data/motalavej/2019.yaml:3:1: ukendt felt «vardier»; tilladte felter her: eksempeldata, note, antal, værdier, mangler, kilder, h1, h2",
    );
}

#[test]
fn not_yaml() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: [1186\n  boliger: 3\n");
    let errors = f.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("fejl: data/motalavej/2019.yaml:") && e.contains(": filen er ikke gyldig YAML: ")),
        "{errors:?}"
    );
}

#[test]
fn bad_plan_is_reported_with_position() {
    let f = Fixture::small();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    f.write(
        "data/plan.yaml",
        &plan.replace("datadato: 2019-01-15", "datadato: 2019-13-01").replace("bedre: højere", "bedre: op"),
    );
    let errors = f.errors();
    assert_has(
        &errors,
        "fejl: data/plan.yaml:6:13: «2019-13-01» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2019-01-15",
    );
    assert_has(&errors, "fejl: data/plan.yaml:38:12: «bedre» skal være «lavere» eller «højere», ikke «op»");
}

#[test]
fn all_problems_of_a_run_are_reported_together() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: -1\n  boliger: nul\n");
    f.write("data/sydbyen/2019.yaml", "antal:\n  beboere: 1\n  beboere: 2\n");
    f.write("data/nowhere/2019.yaml", "antal: {}\n");
    f.write("data/skaelskoer/2040.yaml", "antal: {}\n");
    let errors = f.errors();
    assert_eq!(errors.len(), 5, "{errors:#?}");
    // Sorted by file, then line.
    assert!(errors[0].starts_with("fejl: data/motalavej/2019.yaml:2:12: negativt antal"));
    assert!(errors[1].starts_with("fejl: data/motalavej/2019.yaml:3:12: «nul» er ikke et tal"));
    assert!(errors[2].starts_with("fejl: data/nowhere/2019.yaml: ukendt område «nowhere»"));
    assert!(errors[3].starts_with("fejl: data/skaelskoer/2040.yaml: året 2040"));
    assert!(errors[4].starts_with("fejl: data/sydbyen/2019.yaml:3:3: nøglen «beboere» står to gange"));
}

#[test]
fn the_binary_exits_non_zero_and_keeps_out_intact() {
    let f = Fixture::example();
    let first = f.run(&["build"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let pdf = f.path("out/statusrapport-2018-h2.pdf");
    let before = std::fs::read(&pdf).unwrap();
    let tal_before = std::fs::read(f.path("out/tal.json")).unwrap();
    let site_before = std::fs::read(f.path("out/site/index.html")).unwrap();

    f.write("data/motalavej/2018.yaml", "antal:\n  beboere: -3\n");
    let second = f.run(&["build"]);
    assert_eq!(second.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("fejl: data/motalavej/2018.yaml:2:12: negativt antal for «beboere»: -3"), "{stderr}");
    assert!(stderr.contains("helhed: stoppede med 1 fejl; intet blev skrevet."), "{stderr}");
    assert_eq!(std::fs::read(&pdf).unwrap(), before, "a failed build must not touch out/");
    assert_eq!(std::fs::read(f.path("out/tal.json")).unwrap(), tal_before, "a failed build must not touch out/");
    assert_eq!(
        std::fs::read(f.path("out/site/index.html")).unwrap(),
        site_before,
        "a failed build must not touch out/"
    );
    let mut leftovers: Vec<_> =
        std::fs::read_dir(f.path("out")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        [
            ".helhed-genbrug.json",
            ".helhed-lås",
            "helhedsevaluering-2018.pdf",
            "site",
            "statusrapport-2018-h2.pdf",
            "tal",
            "tal.json",
            "tal.xlsx"
        ],
        "no temporary files may be left"
    );
    // Six pages, their five CSV files and the stylesheet.
    assert_eq!(
        std::fs::read_dir(f.path("out/site")).unwrap().count(),
        12,
        "no temporary files may be left in out/site"
    );
}

#[test]
fn periode_flag_is_checked() {
    let f = Fixture::example();
    let out = f.run(&["check", "--periode", "2018-H3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("«2018-H3» er ikke et halvår; skriv fx 2018-H2"));
    let out = f.run(&["check", "--periode", "2030-H1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--periode 2030-H1 ligger uden for planens dataår 2013-2021")
    );
}

#[test]
fn figures_beyond_any_plausible_size_are_refused() {
    let f = Fixture::example();
    f.write(
        "data/motalavej/2019.yaml",
        "antal:\n  beboere: 1\n  kriminalretlige-afgoerelser: 100000000000000000000000000\n",
    );
    f.write("data/sydbyen/2019.yaml", "antal:\n  beboere: 1000000000000\n  boliger: 0.00000000001\n");
    let errors = f.errors();
    assert_has(
        &errors,
        "fejl: data/motalavej/2019.yaml:3:32: «100000000000000000000000000» er uden for det tilladte: højst 1.000.000.000.000 og højst 10 decimaler",
    );
    assert_has(
        &errors,
        "fejl: data/sydbyen/2019.yaml:3:12: «0.00000000001» er uden for det tilladte: højst 1.000.000.000.000 og højst 10 decimaler",
    );
    assert_eq!(errors.len(), 2, "10^12 itself is allowed: {errors:#?}");
}

#[test]
fn a_figure_given_twice_is_refused() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "antal:\n  haervaerk: 33\nværdier:\n  haervaerk: 40\n");
    f.write(
        "data/sydbyen/2019.yaml",
        "antal:\n  paasatte-brande: 5\nh1:\n  antal:\n    paasatte-brande: 1\nh2:\n  antal:\n    paasatte-brande: 3\n",
    );
    f.write("data/ringparken/2018.yml", "antal:\n  beboere: 1\n");
    let errors = f.errors();
    assert_has(
        &errors,
        "fejl: data/motalavej/2019.yaml:4:3: «haervaerk» er både oplyst under værdier og talt under antal («haervaerk»); angiv kun det ene",
    );
    assert_has(
        &errors,
        "fejl: data/sydbyen/2019.yaml:2:20: «paasatte-brande» for året er 5, men 1. og 2. halvår giver tilsammen 4",
    );
    assert!(
        errors.iter().any(|e| e.starts_with("fejl: data/ringparken/2018.yml: året 2018 har allerede tal i ")
            && e.ends_with("data/ringparken/2018.yaml; der må kun være én fil pr. år")),
        "{errors:#?}"
    );
}

#[test]
fn hidden_folders_are_not_data() {
    let f = Fixture::example();
    f.write("data/.git/HEAD", "ref: refs/heads/main\n");
    f.write("data/.backup/2018.yaml", "antal: nonsense\n");
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    assert!(inputs.warnings.is_empty(), "{:?}", inputs.warnings);
}

/// The example plan with `criteria` appended to its `succeskriterier:`.
fn with_criteria(criteria: &str) -> Fixture {
    let f = Fixture::example();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    f.write("data/plan.yaml", &format!("{plan}{criteria}"));
    f
}

/// The line of `plan.yaml` where the appended criteria start.
fn first_appended_line() -> usize {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/plan.yaml")).unwrap().lines().count() + 1
}

#[test]
fn bad_success_criteria() {
    let f = with_criteria(
        r#"  - id: a1
    indsatsområde: tryghed-og-trivsel
    tekst: Ukendt regel
    indikator: kriminalitet
    regel: { slags: loftet, under: 30 }
    datakilde: x
  - id: a2
    indsatsområde: tryghed-og-trivsel
    tekst: Parameter der ikke hører til
    indikator: kriminalitet
    regel: { slags: loft, under: 30, reference: sub-gennemsnit }
    datakilde: x
  - id: a3
    indsatsområde: tryghed-og-trivsel
    tekst: Stigning hvor lavere er bedre
    indikator: kriminalitet
    regel: { slags: årlig-ændring, procent: 10, basisår: 2017 }
    datakilde: x
  - id: a4
    indsatsområde: tryghed-og-trivsel
    aktivitet: fritidsjob
    tekst: Aktivitet fra et andet indsatsområde og et ukendt område
    indikator: kriminalitet
    gælder: [alle, korsoer]
    regel: { slags: loft, under: 30, højst: 29 }
    datakilde: x
  - id: a5
    indsatsområde: tryghed-og-trivsel
    tekst: Mangler regel
    indikator: kriminalitet
    gælder: [samlet]
    datakilde: x
"#,
    );
    let n = first_appended_line();
    let errors = f.errors();
    let at = |line: usize, col: usize, msg: &str| format!("fejl: data/plan.yaml:{}:{col}: {msg}", n + line);
    assert_has(
        &errors,
        &at(
            4,
            21,
            "ukendt regel «loftet»; reglerne er loft, gulv, forløb, årlig-ændring, ændring-fra-basis, reference, nulpunkt, mindste-antal, mindste-andel, gulv-så-vækst, reduktion-inden, retning og kvalitativ",
        ),
    );
    assert_has(&errors, &at(10, 38, "«reference» hører ikke til reglen «loft», som tager: højst og under"));
    assert_has(
        &errors,
        &at(16, 45, "for «kriminalitet» er lavere bedre, så procenten skal være negativ, fx -10 for et fald på 10 %"),
    );
    assert_has(
        &errors,
        &at(
            20,
            16,
            "aktiviteten «fritidsjob» hører til indsatsområdet «kriminalpraevention», ikke «tryghed-og-trivsel»",
        ),
    );
    assert_has(
        &errors,
        &at(
            23,
            20,
            "«korsoer» er hverken «alle», «samlet» eller et område; områderne er motalavej, ringparken, skaelskoer og sydbyen",
        ),
    );
    assert_has(&errors, &at(24, 34, "angiv kun én af «højst» og «under»"));
    assert_has(
        &errors,
        &at(
            26,
            5,
            "succeskriteriet «a5» mangler «regel» (kun hvis hvert område under gælder har sin egen regel, kan den udelades)",
        ),
    );
    assert_eq!(errors.len(), 7, "{errors:#?}");
}

#[test]
fn bad_assessments() {
    let f = Fixture::example();
    let status = std::fs::read_to_string(f.path("data/status/2018-h2.yaml")).unwrap();
    let status = status
        .replace("  beboerindflydelse:\n    status: på vej\n", "  beboerindflydelse:\n    status: godt på vej\n")
        .replace("  sunde-faellesskaber:\n    status: opfyldt\n", "  sunde-faellesskaber:\n")
        .replace(
            "vurderinger:\n",
            "vurderinger:\n  kriminalitet-forloeb:\n    status: opfyldt\n    tekst: x\n  findes-ikke:\n    tekst: x\n",
        );
    f.write("data/status/2018-h2.yaml", &status);
    let errors = f.errors();
    let at = |needle: &str| status.lines().position(|l| l.contains(needle)).unwrap() + 1;
    assert_has(
        &errors,
        &format!(
            "fejl: data/status/2018-h2.yaml:{}:5: «kriminalitet-forloeb» måles med tal, så status beregnes; skriv kun tekst",
            at("kriminalitet-forloeb:") + 1
        ),
    );
    assert_has(
        &errors,
        &format!(
            "fejl: data/status/2018-h2.yaml:{}:3: ukendt succeskriterium «findes-ikke»; plan.yaml har 57 succeskriterier, og ingen ligner",
            at("findes-ikke:")
        ),
    );
    assert_has(
        &errors,
        &format!(
            "fejl: data/status/2018-h2.yaml:{}:13: status «godt på vej» findes ikke; brug opfyldt, på vej, ikke opfyldt eller ikke målt endnu",
            at("godt på vej")
        ),
    );
    assert_has(
        &errors,
        &format!(
            "fejl: data/status/2018-h2.yaml:{}:3: «sunde-faellesskaber» er kvalitativt og skal have en status (opfyldt, på vej, ikke opfyldt eller ikke målt endnu)",
            at("sunde-faellesskaber:")
        ),
    );
    assert_eq!(errors.len(), 4, "{errors:#?}");
}

#[test]
fn a_list_rules_file_in_the_data_folder_is_validated() {
    let f = Fixture::example();
    f.write("data/listekriterier.yaml", "landsgennemsnit: hele-landet\ninput: []\nregelsæt:\n  - id: x\n");
    let errors = f.errors();
    assert!(errors.iter().any(|e| e.starts_with("fejl: data/listekriterier.yaml:4:5: ")), "{errors:#?}");
}

#[test]
fn rules_that_cannot_be_met_or_judged() {
    let f = with_criteria(
        r#"  - id: b1
    indsatsområde: tryghed-og-trivsel
    tekst: Forløb den forkerte vej
    indikator: kriminalitet
    regel: { slags: forløb, fra: { år: 2016, værdi: 20 }, til: { år: 2021, værdi: 30 } }
    datakilde: x
  - id: b2
    indsatsområde: tryghed-og-trivsel
    tekst: Blandet
    indikator: tryghed
    gælder:
      - { område: motalavej, regel: { slags: kvalitativ } }
      - { område: sydbyen, regel: { slags: mindste-andel, mindst: 70 } }
    datakilde: x
  - id: b3
    indsatsområde: tryghed-og-trivsel
    tekst: Vækst og frist uden for planen
    indikator: hjemmeside-besoegende
    regel: { slags: gulv-så-vækst, mindst: 10000, år: 2018, vækst: -5 }
    datakilde: x
  - id: b4
    indsatsområde: tryghed-og-trivsel
    tekst: Frist uden for planen
    indikator: dropout-liste
    regel: { slags: reduktion-inden, procent: -30, basis: { år: 2017 }, inden: 2099 }
    datakilde: x
  - id: b5
    indsatsområde: tryghed-og-trivsel
    tekst: Reference uden tal
    indikator: tryghed
    gælder: [motalavej]
    regel: { slags: reference, reference: sub-gennemsnit, år: 2015 }
    datakilde: x
"#,
    );
    // A broken year file is still reported alongside the criteria.
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: -1\n");
    let n = first_appended_line();
    let errors = f.errors();
    let at = |line: usize, col: usize, msg: &str| format!("fejl: data/plan.yaml:{}:{col}: {msg}", n + line);
    assert_has(&errors, &at(4, 64, "forløbet går den forkerte vej: for «kriminalitet» er lavere bedre"));
    assert_has(&errors, &at(6, 5, "succeskriteriet «b2» blander kvalitative og målte regler; del det i to kriterier"));
    assert_has(&errors, &at(18, 68, "«vækst» er en stigning i procent om året: fra 0 til 1000"));
    assert_has(&errors, &at(24, 80, "året 2099 ligger uden for planens dataår 2013-2021"));
    assert_has(
        &errors,
        &at(
            26,
            5,
            "«b5»: referencen «sub-gennemsnit» har intet tal for «tryghed» i 2015; skriv det i data/sub-gennemsnit/2015.yaml",
        ),
    );
    assert_has(
        &errors,
        "fejl: data/motalavej/2019.yaml:2:12: negativt antal for «beboere»: -1; et antal er 0 eller derover",
    );
    assert_eq!(errors.len(), 6, "{errors:#?}");
}

#[test]
fn a_list_rules_file_must_name_a_series_of_the_plan() {
    let f = Fixture::example();
    let rules = include_str!("../src/input/listekriterier.yaml")
        .replace("landsgennemsnit: hele-landet", "landsgennemsnit: danmark");
    f.write("data/listekriterier.yaml", &rules);
    let line = rules.lines().position(|l| l.starts_with("landsgennemsnit:")).unwrap() + 1;
    assert_eq!(
        f.errors(),
        [format!(
            "fejl: data/listekriterier.yaml:{line}:18: landsgennemsnittet skal læses fra en serie i plan.yaml, og «danmark» er ikke en af dem"
        )]
    );
}

#[test]
fn a_rule_without_kind_and_an_assessment_of_a_broken_criterion() {
    let f = with_criteria(
        r#"  - id: c1
    indsatsområde: tryghed-og-trivsel
    tekst: Uden slags
    indikator: kriminalitet
    regel: { under: 30 }
    datakilde: x
"#,
    );
    let status = std::fs::read_to_string(f.path("data/status/2018-h2.yaml")).unwrap();
    f.write("data/status/2018-h2.yaml", &status.replace("vurderinger:\n", "vurderinger:\n  c1:\n    tekst: x\n"));
    let n = first_appended_line();
    // Only the rule's own error: the assessment of the broken criterion is not
    // also reported as one of an unknown criterion.
    assert_eq!(
        f.errors(),
        [format!(
            "fejl: data/plan.yaml:{}:12: reglen mangler «slags»; reglerne er loft, gulv, forløb, årlig-ændring, ændring-fra-basis, reference, nulpunkt, mindste-antal, mindste-andel, gulv-så-vækst, reduktion-inden, retning og kvalitativ",
            n + 4
        )]
    );
}

#[test]
fn an_activity_without_status_is_flagged_by_check_and_in_the_report() {
    let f = Fixture::example();
    let status = std::fs::read_to_string(f.path("data/status/2018-h2.yaml")).unwrap();
    // Drop the fritidsjob status (a folded block up to the next activity).
    let start = status.find("\n  fritidsjob: >-\n").unwrap();
    let end = start + 1 + status[start + 1..].find("\n  idraetspartnerskaber:").unwrap();
    f.write("data/status/2018-h2.yaml", &format!("{}{}", &status[..start + 1], &status[end + 1..]));
    let out = f.run(&["check"]);
    assert!(out.status.success(), "a missing status is a to-do, not an error");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(
            "Til 2. halvår 2018 mangler der 1 ting:\n  data/status/2018-h2.yaml\n    \
             - aktiviteter: fritidsjob (Fritidsjobindsats): har ingen status\n"
        ),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let built = f.run(&["build"]);
    assert!(built.status.success());
    assert_eq!(
        String::from_utf8_lossy(&built.stderr).trim(),
        "advarsel: data/status/2018-h2.yaml: aktiviteter: fritidsjob (Fritidsjobindsats): har ingen status"
    );
    let pdf = std::fs::read(f.path("out/statusrapport-2018-h2.pdf")).unwrap();
    if let Some(text) = common::pdf_text(&pdf) {
        assert!(text.contains("Mangler: ingen status for"), "{text}");
    }
}

#[test]
fn an_unknown_activity_in_a_status_file() {
    let f = Fixture::example();
    let status = std::fs::read_to_string(f.path("data/status/2018-h2.yaml")).unwrap();
    f.write("data/status/2018-h2.yaml", &status.replace("\n  fritidsjob: >-\n", "\n  fritidsjobs: >-\n"));
    let line = status.lines().position(|l| l == "  fritidsjob: >-").unwrap() + 1;
    let errors = f.errors();
    assert_has(
        &errors,
        &format!(
            "fejl: data/status/2018-h2.yaml:{line}:3: ukendt aktivitet «fritidsjobs»; kendte aktiviteter: bydelsforaeldre, aktivt-liv, strategisk-kommunikation, vaerested-og-klub, fritidsjob, idraetspartnerskaber, tryghedsvandringer, brobygningsteam, virksomhedsnaert-samarbejde, sundhedsplejerskebesoeg og moedregrupper"
        ),
    );
}

#[test]
fn every_missing_required_field_of_plan_yaml_is_said_in_one_run() {
    let f = Fixture::example();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    // Three indicators without `datakilde`, and an area without `navn`.
    let mut dropped = 0;
    let mut in_indicators = false;
    let mut lines = Vec::new();
    for line in plan.lines() {
        if !line.starts_with(' ') && !line.starts_with('#') && !line.is_empty() {
            in_indicators = line.starts_with("indikatorer:");
        }
        if in_indicators && dropped < 3 && line.starts_with("    datakilde: ") && !line.ends_with(">-") {
            dropped += 1;
            continue;
        }
        lines.push(line);
    }
    assert_eq!(dropped, 3);
    let plan = lines.join("\n").replacen("    navn: Motalavej\n", "", 1);
    f.write("data/plan.yaml", &plan);
    let errors = f.errors();
    let missing: Vec<&String> = errors.iter().filter(|e| e.contains("mangler")).collect();
    assert_eq!(missing.len(), 4, "{errors:#?}");
    assert!(errors.iter().any(|e| e.ends_with("«områder» nr. 1: feltet «navn» mangler")), "{errors:#?}");
    assert_eq!(errors.iter().filter(|e| e.contains(": feltet «datakilde» mangler")).count(), 3, "{errors:#?}");
    assert!(errors.iter().all(|e| e.starts_with("fejl: data/plan.yaml:")), "located: {errors:#?}");
}
