//! The limits a build keeps with any input (issue 16): numbers written as
//! text, names with look-alike characters, text in any script, words longer
//! than a line, and templates that never end or never stop growing. Each
//! case ends in a located Danish error or a correct build, in bounded time,
//! with the output folder untouched when the build fails.

mod common;
use common::Fixture;
use std::time::{Duration, Instant};

#[test]
fn a_quoted_number_is_text_and_refused_where_it_stands() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: \"1174\"\n");
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/2019.yaml:2:12: «1174» står i anførselstegn og er derfor tekst, ikke et tal; skriv tallet uden anførselstegn"
    );
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: '1174'\n");
    assert!(f.only_error().contains("står i anførselstegn"));
    // Written plainly, the same figure is read.
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: 1174\n");
    assert!(helhed::prepare(&f.config()).is_ok());
}

#[test]
fn a_look_alike_name_says_which_characters_differ() {
    let f = Fixture::example();
    // A Cyrillic е (U+0435) in «beboere».
    f.write("data/motalavej/2019.yaml", "antal:\n  b\u{0435}boere: 1174\n");
    let error = f.only_error();
    assert!(error.starts_with("fejl: data/motalavej/2019.yaml:2:3: ukendt måling «bеboere»"), "{error}");
    assert!(
        error.contains("«bеboere»; tegn nr. 2 er U+0435, ikke et almindeligt bogstav; mente du «beboere»?"),
        "{error}"
    );
    // A folder named with a Cyrillic о (U+043E).
    let f = Fixture::example();
    f.write("data/m\u{043E}talavej/2019.yaml", "antal:\n  beboere: 1174\n");
    let error = f.only_error();
    assert!(
        error.contains("ukendt område «m\u{043E}talavej» (tegn nr. 2 er U+043E, ikke et almindeligt bogstav): mappen"),
        "{error}"
    );
    let f = Fixture::example();
    // An å written as a and a combining ring (U+030A): a field of the file format.
    f.write("data/motalavej/2019.yaml", "a\u{030A}r: 2019\n");
    let error = f.only_error();
    assert!(
        error.starts_with("fejl: data/motalavej/2019.yaml:1:1: ukendt felt «a\u{030A}r» (tegn nr. 2 er U+030A, ikke et almindeligt bogstav); tilladte felter her: eksempeldata"),
        "{error}"
    );
}

#[test]
fn a_character_no_embedded_font_holds_is_refused_where_it_stands() {
    let f = Fixture::example();
    let status = std::fs::read_to_string(f.path("data/status/2018-h2.yaml")).unwrap();
    f.write(
        "data/status/2018-h2.yaml",
        &status.replacen("sammenfatning: >-\n", "sammenfatning: >-\n  Ukendt \u{0378} tegn.\n", 1),
    );
    let error = f.only_error();
    assert!(
        error.starts_with("fejl: data/status/2018-h2.yaml:")
            && error.ends_with("teksten har tegnet U+0378 (tegn nr. 8 i værdien), som ingen af helheds indbyggede skrifttyper kan vise; fjern det eller skriv det på en anden måde"),
        "{error}"
    );
}

/// Every word of a PDF lies within its page, by `pdftotext -bbox`; `None`
/// where poppler is not installed.
fn words_outside_the_page(pdf: &[u8]) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext").arg("-bbox").arg(&path).arg("-").output().ok()?;
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut width = 0.0;
    let mut outside = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page") {
            width = attr(line, "width");
        } else if line.starts_with("<word") && attr(line, "xMax") > width {
            outside.push(line.to_string());
        }
    }
    Some(outside)
}

#[test]
fn text_in_other_scripts_emoji_and_endless_words_are_set_on_the_page() {
    let f = Fixture::example();
    let status = std::fs::read_to_string(f.path("data/status/2018-h2.yaml")).unwrap();
    let word = "x".repeat(9_000);
    f.write(
        "data/status/2018-h2.yaml",
        &status.replacen(
            "sammenfatning: >-\n",
            &format!("sammenfatning: >-\n  Godt gået 👍 مرحبا 你好 שלום नमस्ते {word} slut.\n"),
            1,
        ),
    );
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    f.write("data/plan.yaml", &plan.replacen("navn: Motalavej", "navn: Motalavej 李", 1));
    let rendered = helhed::build(&f.config()).expect("the build succeeds");
    let pdf = rendered.outputs.iter().find(|o| o.rel.to_string_lossy().starts_with("statusrapport")).unwrap();
    // The build wrote it (an output of `build` keeps no bytes).
    let pdf = std::fs::read(f.config().out.join(&pdf.rel)).unwrap();
    let Some(text) = common::pdf_text(&pdf) else { return };
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in ["Godt gået 👍", "你好", "Motalavej 李"] {
        assert!(flat.contains(expected), "{expected} is in the PDF");
    }
    assert!(text.matches('x').count() >= 9_000, "the whole word is printed");
    let outside = words_outside_the_page(&pdf).unwrap_or_default();
    assert!(outside.is_empty(), "{outside:#?}");
}

/// Runs `helhed build` with a user template and the given limits; returns
/// stderr after checking the build failed in time and wrote nothing.
fn failed_build_with_template(name: &str, template: &str, args: &[&str], within: Duration) -> String {
    let f = Fixture::example();
    f.write(&format!("report-templates/{name}"), template);
    let started = Instant::now();
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = f.run(&all);
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&format!("{}/", f.root().display()), "");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(took < within, "stopped after {took:?}: {stderr}");
    assert!(!f.path("out").exists() || std::fs::read_dir(f.path("out")).unwrap().next().is_none(), "nothing written");
    stderr
}

#[test]
fn a_typst_template_that_never_ends_is_stopped_at_the_time_limit() {
    let stderr = failed_build_with_template(
        "statusrapport.typ",
        "#let n = 0\n#for i in range(1000000) { for j in range(1000000) { n += 1 } }\n",
        &["--tidsgrænse", "2"],
        Duration::from_secs(30),
    );
    assert!(
        stderr.contains(
            "fejl: report-templates/statusrapport.typ: skabelonen kørte i mere end 2 sekunder (grænsen kan sættes med --tidsgrænse); den er stoppet, og intet i outputmappen er ændret"
        ),
        "{stderr}"
    );
}

#[test]
fn a_typst_template_that_fills_memory_is_stopped_at_the_memory_limit() {
    let stderr = failed_build_with_template(
        "helhedsevaluering.typ",
        "#let a = ()\n#for i in range(200000000) { a.push(i) }\n",
        &["--hukommelse", "400", "--tidsgrænse", "100"],
        Duration::from_secs(90),
    );
    assert!(
        stderr.contains("skabelonen brugte mere end 400 MB hukommelse (grænsen kan sættes med --hukommelse)"),
        "{stderr}"
    );
    assert!(stderr.contains("report-templates/helhedsevaluering.typ"), "{stderr}");
}

#[test]
fn a_site_template_that_writes_without_end_is_stopped() {
    let stderr = failed_build_with_template(
        "site/index.html",
        "{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}",
        &[],
        Duration::from_secs(60),
    );
    assert!(
        stderr.contains("report-templates/site/index.html: skabelonen til hjemmesiden skrev mere end 20 MB på siden index.html og blev stoppet"),
        "{stderr}"
    );
}

#[test]
fn a_site_template_asking_for_two_billion_items_is_refused_at_once() {
    let stderr = failed_build_with_template(
        "site/index.html",
        "{% for i in range(2000000000) %}x{% endfor %}",
        &[],
        Duration::from_secs(30),
    );
    assert!(
        stderr.contains("report-templates/site/index.html:1:1: skabelonen til hjemmesiden: invalid operation: range has too many elements"),
        "{stderr}"
    );
}

#[test]
fn a_template_reading_outside_its_folder_gets_no_command_line_advice() {
    let stderr = failed_build_with_template(
        "statusrapport.typ",
        "#read(\"../../../../etc/passwd\")\n",
        &[],
        Duration::from_secs(60),
    );
    assert!(stderr.contains("report-templates/statusrapport.typ:1:"), "{stderr}");
    assert!(!stderr.contains("--root") && !stderr.contains("root:"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_template_that_is_a_fifo_is_refused() {
    let f = Fixture::example();
    if !f.mkfifo("report-templates/statusrapport.typ", "the template FIFO check") {
        return;
    }
    let started = Instant::now();
    assert_eq!(
        f.only_error(),
        "fejl: report-templates/statusrapport.typ: er ikke en almindelig fil (men fx en FIFO eller en enhed) og læses ikke"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}
