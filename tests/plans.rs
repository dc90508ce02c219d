//! A data folder that holds several plans, one folder each: every plan
//! builds as it would alone (into `out/<plan>/` and `out/site/<plan>/`), and
//! an overview across them goes beside, all written together or not at all.

mod common;

use common::{Fixture, files};
use serde_json::Value;

/// The example as two plans, `oestby` and `vestby`; vestby's name changed
/// and one of its criteria's targets raised out of reach, so the two differ.
fn two_plans() -> Fixture {
    let f = Fixture::example();
    let data = f.path("data");
    let example = f.path("eksempel");
    std::fs::rename(&data, &example).unwrap();
    std::fs::create_dir_all(&data).unwrap();
    for plan in ["oestby", "vestby"] {
        let status = std::process::Command::new("cp").arg("-r").arg(&example).arg(data.join(plan)).status().unwrap();
        assert!(status.success());
    }
    std::fs::remove_dir_all(&example).unwrap();
    let plan = std::fs::read_to_string(f.path("data/vestby/plan.yaml")).unwrap();
    let renamed = plan.replacen("navn: Én kommune – Én helhedsplan", "navn: Vestby Boligsociale Helhedsplan", 1);
    assert_ne!(plan, renamed, "the example's name is where the test expects it");
    f.write("data/vestby/plan.yaml", &renamed);
    f
}

fn json(f: &Fixture, rel: &str) -> Value {
    serde_json::from_slice(&std::fs::read(f.path(rel)).unwrap()).unwrap()
}

#[test]
fn each_plan_builds_as_alone_and_the_overview_sets_them_side_by_side() {
    let f = two_plans();
    let out = f.run(&["build"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for plan in ["oestby", "vestby"] {
        for file in ["statusrapport-2018-h2.pdf", "helhedsevaluering-2018.pdf", "tal.json", "tal.xlsx"] {
            assert!(f.path(&format!("out/{plan}/{file}")).is_file(), "out/{plan}/{file}\n{stdout}");
        }
        assert!(f.path(&format!("out/site/{plan}/index.html")).is_file());
        assert!(stdout.contains(&format!("Skrev out/{plan}/statusrapport-2018-h2.pdf (")), "{stdout}");
        assert!(stdout.contains(&format!("Skrev out/{plan}/tal/ (tal.xlsx' ark som CSV, ")), "{stdout}");
    }
    assert!(stdout.contains("Skrev out/oversigt-2018-h2.pdf ("), "{stdout}");
    assert!(stdout.contains("Skrev out/tal/ (tal.xlsx' ark som CSV, 3 filer)"), "{stdout}");

    // The overview's figures are each plan's own.
    let overview = json(&f, "out/tal.json");
    assert_eq!(overview["format"], "helhed-oversigt/1");
    assert_eq!(overview["titel"], "Oversigt over 2 helhedsplaner");
    let plans = overview["planer"].as_array().unwrap();
    let names: Vec<&str> = plans.iter().map(|p| p["navn"].as_str().unwrap()).collect();
    assert_eq!(names, ["Én kommune – Én helhedsplan", "Vestby Boligsociale Helhedsplan"]);
    for plan in plans {
        let folder = plan["mappe"].as_str().unwrap();
        let own = json(&f, &format!("out/{folder}/tal.json"));
        let counts: Vec<(String, u64)> = plan["status_antal"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["status"]["tekst"].as_str().unwrap().to_string(), c["antal"].as_u64().unwrap()))
            .collect();
        assert_eq!(
            counts,
            [
                ("opfyldt".to_string(), 20),
                ("på vej".to_string(), 16),
                ("ikke opfyldt".to_string(), 19),
                ("ikke målt endnu".to_string(), 2)
            ]
        );
        assert_eq!(own["succeskriterier"]["antal"].as_array().unwrap().len(), 4);
        assert_eq!(plan["områder"], 4);
        assert_eq!(plan["filer"]["statusrapport"], format!("{folder}/statusrapport-2018-h2.pdf"));
    }
    let crime = overview["nøgletal"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["titel"].as_str().unwrap().starts_with("Kriminalretlige afgørelser"))
        .expect("the crime key figure");
    let values: Vec<&str> = crime["rækker"].as_array().unwrap().iter().map(|r| r["værdi"].as_str().unwrap()).collect();
    assert_eq!(values, ["25,0", "25,0"]);

    // The site: the overview links each plan's site, which links back.
    let index = std::fs::read_to_string(f.path("out/site/index.html")).unwrap();
    assert!(index.contains(r#"<a href="vestby/index.html">Vestby Boligsociale Helhedsplan</a>"#), "{index}");
    assert!(index.contains(r#"<a href="oestby/index.html">Én kommune – Én helhedsplan</a>"#), "{index}");
    assert!(f.path("out/site/style.css").is_file());
    let plan_page = std::fs::read_to_string(f.path("out/site/vestby/index.html")).unwrap();
    assert!(plan_page.contains(r#"<a href="../index.html">Alle planer</a>"#));

    // The PDF sets the plans side by side.
    let pdf = std::fs::read(f.path("out/oversigt-2018-h2.pdf")).unwrap();
    if let Some(text) = common::pdf_text(&pdf) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Oversigt over 2 helhedsplaner"), "{flat}");
        assert!(flat.contains("Vestby Boligsociale Helhedsplan"), "{flat}");
        assert!(flat.contains("Tabel 1: Succeskriterierne efter status, pr. plan"), "{flat}");
    }

    // Built again: the same bytes, the PDFs taken as they are.
    let before = files(&f.path("out"));
    let again = f.run(&["build"]);
    assert!(again.status.success());
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(stdout.contains("Uændret out/vestby/statusrapport-2018-h2.pdf (22 sider): samme data"), "{stdout}");
    assert_eq!(files(&f.path("out")), before);
}

/// Every file and folder under `dir` (relative), with the files' bytes.
fn tree(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Option<Vec<u8>>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let bytes = e.file_type().is_file().then(|| std::fs::read(e.path()).unwrap());
            (e.path().strip_prefix(dir).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

#[test]
fn a_plan_with_errors_stops_the_build_and_every_plans_problems_are_told() {
    let f = two_plans();
    // One plan fails, the other builds and is staged: nothing stays, not
    // even the output folder.
    f.write("data/vestby/sydbyen/2019.yaml", "antal:\n  ukendt-maaling: 3\n");
    let out = f.run(&["build"]);
    assert!(!out.status.success());
    assert!(!f.path("out").exists(), "{:?}", tree(&f.path("out")));
    std::fs::remove_file(f.path("data/vestby/sydbyen/2019.yaml")).unwrap();

    assert!(f.run(&["build"]).status.success());
    let before = tree(&f.path("out"));
    f.write("data/oestby/motalavej/2019.yaml", "antal:\n  beboere: mange\n");
    f.write("data/vestby/sydbyen/2019.yaml", "antal:\n  ukendt-maaling: 3\n");
    let out = f.run(&["build", "--fuld"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("data/oestby/motalavej/2019.yaml:2:"), "{stderr}");
    assert!(stderr.contains("data/vestby/sydbyen/2019.yaml:2:"), "{stderr}");
    assert!(stderr.contains("intet blev skrevet"), "{stderr}");
    assert_eq!(tree(&f.path("out")), before, "out/ is as it was, files and folders");
}

#[test]
fn a_template_stopped_midway_leaves_nothing_of_the_plans_done() {
    let f = two_plans();
    // Only vestby's statusrapport runs for ever; oestby is done and staged
    // by then (the two build at the same time).
    let template = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("report-templates/statusrapport.typ"),
    )
    .unwrap();
    f.write(
        "report-templates/statusrapport.typ",
        &format!("{template}\n#if data.plan.navn.starts-with(\"Vestby\") {{ let n = 0; for i in range(1000000) {{ for j in range(1000000) {{ n += 1 }} }} }}\n"),
    );
    let out = f.run(&["build", "--tidsgrænse", "3"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("kørte i mere end 3 sekunder"), "{stderr}");
    assert!(!f.path("out").exists(), "{:?}", tree(&f.path("out")));
}

#[test]
fn a_plan_folder_must_be_named_as_an_id() {
    let f = two_plans();
    std::fs::rename(f.path("data/vestby"), f.path("data/Vest By")).unwrap();
    let out = f.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains(
            "fejl: data/Vest By: mappen «Vest By» med en plan må kun hedde små bogstaver a-z, tal og bindestreg"
        ),
        "{stderr}"
    );
    assert!(!f.path("out").exists());
    std::fs::rename(f.path("data/Vest By"), f.path("data/site")).unwrap();
    let stderr = String::from_utf8_lossy(&f.run(&["build"]).stderr).into_owned();
    assert!(stderr.contains("fejl: data/site: en plan kan ikke ligge i mappen «site»"), "{stderr}");
}

#[test]
fn a_plan_taken_out_of_the_folder_leaves_the_site() {
    let f = two_plans();
    assert!(f.run(&["build"]).status.success());
    assert!(f.path("out/site/vestby/index.html").is_file());
    std::fs::remove_dir_all(f.path("data/vestby")).unwrap();
    let out = f.run(&["build"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!f.path("out/site/vestby/index.html").exists(), "its pages are not published by mistake");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Fjernede out/site/vestby/index.html"));
    // Its documents stay, as an earlier half-year's do.
    assert!(f.path("out/vestby/statusrapport-2018-h2.pdf").is_file());
    assert_eq!(json(&f, "out/tal.json")["titel"], "Oversigt over 1 helhedsplan");
}

#[test]
fn check_checks_every_plan() {
    let f = two_plans();
    f.write("data/noter.txt", "Husk budgettet\n");
    std::fs::create_dir_all(f.path("data/gammel")).unwrap();
    let out = f.run(&["check"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "advarsel: data/gammel: mappen har ingen plan.yaml og er ikke en plan; den bruges ikke\n\
         advarsel: data/noter.txt: datamappen har én plan i hver mappe, så denne bruges ikke; hører den til en \
         plan, så flyt den ind i planens mappe\n"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    for plan in ["oestby", "vestby"] {
        assert!(
            stdout.contains(&format!(
                "Data, tal og hjemmesidens skabeloner er i orden for {plan}: 4 områder, 53 indikatorer, \
                 57 succeskriterier, halvår 2. halvår 2018."
            )),
            "{stdout}"
        );
    }
    // The overview's own templates are tried too.
    f.write("report-templates/site/oversigt.html", "{% for p in planer %}\n{{ p.navn }\n");
    let out = f.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("report-templates/site/oversigt.html:2:"));
    std::fs::remove_file(f.path("report-templates/site/oversigt.html")).unwrap();
    f.write("data/vestby/sydbyen/2019.yaml", "antal:\n  ukendt-maaling: 3\n");
    let out = f.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("data/vestby/sydbyen/2019.yaml:2:"));
    assert!(!f.path("out").exists());
}

#[test]
fn no_plan_folder_may_take_the_overviews_own_folders() {
    assert_eq!(helhed::validate::OUTPUT_FOLDERS, [helhed::present::site::SITE_DIR, helhed::present::workbook::CSV_DIR]);
}
