//! The public website in a real browser: Debian's headless Chromium driven by
//! `tests/browser/check.mjs` (playwright-core, axe-core, the Nu HTML checker)
//! through every page at 375 px and 1280 px, light and dark, over HTTP on
//! localhost and from the file system.
//!
//! Needs Node.js, `npm ci` in `tests/browser`, Chromium (`CHROMIUM` or
//! `/usr/bin/chromium`) and Java; `.ci/run` installs them. Without them the
//! test says it was skipped; under `CI=true` it fails instead.

mod common;

use common::Fixture;
use std::path::{Path, PathBuf};
use std::process::Command;

fn missing_tools(harness: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let runs = |cmd: &str, arg: &str| Command::new(cmd).arg(arg).output().is_ok_and(|o| o.status.success());
    if !runs("node", "--version") {
        missing.push("node (apt-get install nodejs npm)".to_string());
    }
    if !harness.join("node_modules/playwright-core").is_dir() {
        missing.push(format!("node_modules (npm ci i {})", harness.display()));
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        missing.push(format!("{chromium} (apt-get install chromium)"));
    }
    if !runs("java", "-version") {
        missing.push("java (apt-get install default-jre-headless)".to_string());
    }
    missing
}

/// Runs the browser checks on the site in `site` (screenshots into `shots`,
/// the cells of `expect` asserted); its report, after asserting it passed.
fn browsercheck(harness: &Path, site: &Path, shots: &Path, expect: Option<&Path>) -> String {
    let mut node = Command::new("node");
    if let Some(expect) = expect {
        node.env("BROWSERCHECK_EXPECT", expect);
    }
    let out = node.arg(harness.join("check.mjs")).arg(site).arg(shots).output().expect("node runs");
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    eprintln!("{report}");
    assert!(out.status.success(), "the browser checks found problems in {}:\n{report}", site.display());
    report
}

#[test]
fn every_site_page_passes_the_browser_the_accessibility_and_the_html_checks() {
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let missing = missing_tools(&harness);
    if !missing.is_empty() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("the browser tests need: {}", missing.join(", "));
        }
        common::skip_note(&format!("browser tests SKIPPED; missing: {}", missing.join(", ")));
        return;
    }

    let f = Fixture::example();
    helhed::build(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    // Screenshots stay after the test, for a person to look at.
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("site-screenshots");
    let _ = std::fs::remove_dir_all(&shots);
    // Cells the pages must show as they are: fires are events, not persons,
    // so a count below 5 is shown (`1*`: an example figure); a share built on
    // fewer than 5 persons is not.
    let expect = f.path("expect.json");
    std::fs::write(
        &expect,
        r#"[
  {"page": "sydbyen.html", "table": "Påsatte brande", "row": "Sydbyen", "year": "2018", "text": "1*"},
  {"page": "skaelskoer.html", "table": "Påsatte brande", "row": "Præstevangen og Parkvej", "year": "2018", "text": "0*"},
  {"page": "skaelskoer.html", "table": "Utrygge beboere", "row": "Præstevangen og Parkvej", "year": "2018", "text": "skjult"}
]"#,
    )
    .unwrap();
    let report = browsercheck(&harness, &f.path("out/site"), &shots, Some(&expect));
    assert!(report.contains("pages checked: 6"), "{report}");
    for page in ["index", "metode", "motalavej", "ringparken", "skaelskoer", "sydbyen"] {
        for view in ["320", "375", "1280", "375-dark"] {
            assert!(shots.join(format!("{page}-{view}.png")).is_file(), "screenshot {page}-{view}");
        }
    }
    eprintln!("screenshots: {}", shots.display());

    // The site of a data folder with two plans: the overview and each plan's
    // pages under it pass the same checks.
    let data = f.path("data");
    let plans = f.path("planer");
    std::fs::create_dir_all(&plans).unwrap();
    for plan in ["oestby", "vestby"] {
        assert!(Command::new("cp").arg("-r").arg(&data).arg(plans.join(plan)).status().unwrap().success());
    }
    let config = helhed::Config { data: plans, out: f.path("out-planer"), ..f.config() };
    helhed::build(&config).unwrap_or_else(|e| panic!("{e}"));
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("site-screenshots-planer");
    let _ = std::fs::remove_dir_all(&shots);
    let report = browsercheck(&harness, &f.path("out-planer/site"), &shots, None);
    assert!(report.contains("pages checked: 13 (index.html, oestby/index.html"), "{report}");
    assert!(shots.join("index-375.png").is_file());
}
