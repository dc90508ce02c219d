//! `helhed ny-periode`: the files that start a half-year, the to-do list
//! `check` gives until they are filled in, and a statusrapport whose front
//! page lists nothing missing once they are. No existing file is ever changed.

mod common;

use common::{Fixture, files};
use std::path::{Path, PathBuf};

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn replace(f: &Fixture, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(f.path(rel)).unwrap();
    assert!(text.contains(from), "{rel} has {from:?}");
    f.write(rel, &text.replace(from, to));
}

#[test]
fn a_new_half_year_is_started_listed_filled_in_and_reported_complete() {
    let f = Fixture::example();
    let out = stdout(&f.run(&["ny-periode", "2019-H1"]));
    for written in [
        "data/status/2019-h1.yaml",
        "data/motalavej/2019.yaml",
        "data/ringparken/2019.yaml",
        "data/skaelskoer/2019.yaml",
        "data/sydbyen/2019.yaml",
        "data/forbrug/2019-h1.yaml",
    ] {
        assert!(out.contains(&format!("Skrev {written}\n")), "{out}");
    }
    // What is left to fill in, by file.
    assert!(out.contains("Til 1. halvår 2019 mangler der 25 ting:\n  data/status/2019-h1.yaml\n"), "{out}");
    assert!(out.contains(
        "    - aktiviteter: bydelsforaeldre (Bydelsforældre): teksten er den samme som i 2. halvår 2018; er den opdateret?\n"
    ));
    assert!(out.contains(
        "  data/motalavej/2019.yaml\n    - h1: antal: fritidsjob: mangler (Unge formidlet til fritidsjob)\n"
    ));
    assert!(out.contains("  data/plan.yaml\n    - datadato: 15. januar 2019 er før halvåret slutter (30. juni 2019)"));
    // `check` says the same.
    let check = stdout(&f.run(&["check", "--periode", "2019-H1"]));
    assert!(check.contains("Til 1. halvår 2019 mangler der 25 ting:"), "{check}");
    assert!(check.contains("    - sammenfatning: er ikke skrevet\n"), "{check}");
    assert!(
        check.contains(
            "  data/forbrug/2019-h1.yaml\n    - forbruget for 1. halvår 2019 mangler på alle 12 budgetlinjer"
        )
    );

    // Built as it is, the front page says what the report lacks.
    let built = f.run(&["build", "--periode", "2019-H1"]);
    assert!(built.status.success());
    let warnings = String::from_utf8_lossy(&built.stderr);
    assert!(warnings.contains("advarsel: data/sydbyen/2019.yaml: h1: antal: fritidsjob: mangler"), "{warnings}");
    if let Some(text) = common::pdf_text(&std::fs::read(f.path("out/statusrapport-2019-h1.pdf")).unwrap()) {
        assert!(text.contains("Rapporten er ikke komplet"), "{text}");
        assert!(text.contains("Forbrug for 1. halvår 2019 er ikke indberettet."), "{text}");
    }

    // Fill in every piece: the summary, each text changed, the counts, the
    // spending, and the date of the data.
    let status = std::fs::read_to_string(f.path("data/status/2019-h1.yaml")).unwrap();
    let mut updated = String::new();
    let mut after_block = false;
    for line in status.lines() {
        let line = match line {
            "sammenfatning:" => "sammenfatning: Halvåret gik efter planen.".to_string(),
            l if after_block => format!("{l} Status for 1. halvår 2019."),
            l => l.to_string(),
        };
        after_block = line.ends_with("|-");
        updated.push_str(&line);
        updated.push('\n');
    }
    f.write("data/status/2019-h1.yaml", &updated);
    for area in ["motalavej", "ringparken", "skaelskoer", "sydbyen"] {
        replace(&f, &format!("data/{area}/2019.yaml"), "    fritidsjob:   #", "    fritidsjob: 4   #");
    }
    replace(&f, "data/forbrug/2019-h1.yaml", "\":\n", "\": 120\n");
    replace(&f, "data/plan.yaml", "datadato: 2019-01-15", "datadato: 2019-08-15");

    let check = stdout(&f.run(&["check", "--periode", "2019-H1"]));
    assert!(!check.contains("mangler der"), "{check}");
    let built = f.run(&["build", "--periode", "2019-H1"]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    assert!(!String::from_utf8_lossy(&built.stderr).contains("advarsel"), "{}", String::from_utf8_lossy(&built.stderr));
    let period = "2019-H1".parse().unwrap();
    let inputs = helhed::prepare(&helhed::Config { period: Some(period), ..f.config() }).unwrap();
    let report = helhed::present::report::status_report(&inputs.model, &helhed::eval::evaluate(&inputs.model, period));
    let data = serde_json::to_value(&report).unwrap();
    assert_eq!(data["mangler"], serde_json::json!([]));
    // The spending entered is on the front page: 12 lines of 120 t.kr.
    assert_eq!(data["forbrug_forside"]["tekst"].as_str().unwrap().split(':').next(), Some("Forbrug 2019 (1. halvår)"));
    if let Some(text) = common::pdf_text(&std::fs::read(f.path("out/statusrapport-2019-h1.pdf")).unwrap()) {
        assert!(!text.contains("Rapporten er ikke komplet"), "{text}");
        assert!(text.contains("Halvåret gik efter planen."));
        assert!(text.contains("1.440 t.kr."), "{text}");
    }
}

#[test]
fn ny_periode_never_changes_a_file_that_exists() {
    let f = Fixture::example();
    let before = files(&f.path("data"));
    // The status file of 2019-H1 already exists (say, begun by hand).
    f.write("data/status/2019-h1.yaml", "sammenfatning: Påbegyndt.\n");
    let begun = files(&f.path("data"));
    let out = stdout(&f.run(&["ny-periode", "2019-H1"]));
    assert!(out.contains("Uændret data/status/2019-h1.yaml: findes allerede\n"), "{out}");
    let after = files(&f.path("data"));
    for (path, bytes) in &begun {
        assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
    }
    let new: Vec<&PathBuf> = after.keys().filter(|p| !begun.contains_key(*p)).collect();
    assert_eq!(
        new,
        [
            Path::new("forbrug/2019-h1.yaml"),
            Path::new("motalavej/2019.yaml"),
            Path::new("ringparken/2019.yaml"),
            Path::new("skaelskoer/2019.yaml"),
            Path::new("sydbyen/2019.yaml"),
        ]
    );
    assert!(before.keys().all(|p| after.contains_key(p)));

    // Run again: every file exists, nothing is written.
    let again = stdout(&f.run(&["ny-periode", "2019-H1"]));
    assert!(!again.contains("Skrev "), "{again}");
    // The year files hold the half-year's blanks already: nothing to add.
    assert!(!again.contains("tilføj selv"), "{again}");
    assert_eq!(files(&f.path("data")), after);

    // The second half-year: the year files hold the first half's figures, so
    // they are left alone and the lines to add are said instead.
    let h2 = stdout(&f.run(&["ny-periode", "2019-H2"]));
    assert!(
        h2.contains(
            "Uændret data/motalavej/2019.yaml: findes allerede; tilføj selv nederst i filen:\n    h2:\n      antal:\n        \
             fritidsjob:   # Unge formidlet til fritidsjob, 2. halvår 2019\n"
        ),
        "{h2}"
    );
    let after_h2 = files(&f.path("data"));
    for (path, bytes) in &after {
        assert_eq!(after_h2.get(path), Some(bytes), "{} changed", path.display());
    }
    assert!(after_h2.contains_key(Path::new("status/2019-h2.yaml")));
}

#[test]
fn a_spending_file_names_budget_lines_and_never_doubles_the_budgets_own() {
    let f = Fixture::example();
    f.write(
        "data/forbrug/2018-h2.yaml",
        "linjer:\n  \"Bydelsforældr\": 10\n  \"Strategisk kommunikation\": 20\n  \"Tryghedsvandringer\":\n",
    );
    let errors = f.errors();
    // Twelve lines: the message names them all.
    assert!(
        errors[0].starts_with(
            "fejl: data/forbrug/2018-h2.yaml:2:3: ukendt budgetlinje «Bydelsforældr»; kendte budgetlinjer: \
             Projektorganisation og evaluering, Bydelsforældre, "
        ),
        "{errors:?}"
    );
    assert!(
        errors.contains(
            &"fejl: data/forbrug/2018-h2.yaml:3:3: budget.yaml har allerede forbrug for 2018-H2 på «Strategisk kommunikation»; \
              skriv det ét sted"
                .to_string()
        ),
        "{errors:?}"
    );
    assert_eq!(errors.len(), 2, "a blank line is not entered yet, not an error: {errors:?}");
    f.remove("data/forbrug/2018-h2.yaml");
    f.write("data/forbrug/efteraar.yaml", "linjer: {}\n");
    assert_eq!(
        f.only_error(),
        "fejl: data/forbrug/efteraar.yaml: en forbrugsfil hedder efter sit halvår, fx forbrug/2019-h1.yaml"
    );
}
