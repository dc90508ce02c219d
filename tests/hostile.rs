//! Hostile and broken data files: each is refused at its file (and line)
//! with a Danish message, in bounded time, or read as the user meant it.

mod common;
use common::Fixture;
use std::time::{Duration, Instant};

#[test]
fn aliases_and_anchors_are_refused_before_they_expand() {
    let f = Fixture::example();
    // Eight levels of ten aliases each: 10^8 values once expanded.
    let mut bomb = String::from("note: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h"].iter().zip(["a", "b", "c", "d", "e", "f", "g"]) {
        bomb.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    f.write("data/motalavej/2019.yaml", &bomb);
    let started = Instant::now();
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/2019.yaml:1:7: ankre (&navn) bruges ikke i helheds datafiler; skriv værdien ud, hvor den bruges"
    );
    assert!(started.elapsed() < Duration::from_secs(5), "refused before anything grows");

    // A key written again through an alias (`&k beboere` then `*k : 5`) is
    // refused at its anchor, not taken as the last value.
    f.write("data/motalavej/2019.yaml", "antal:\n  &k beboere: 1174\n  *k : 5\n");
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/2019.yaml:2:3: ankre (&navn) bruges ikke i helheds datafiler; skriv værdien ud, hvor den bruges"
    );
}

#[test]
fn deep_nesting_is_refused_in_bounded_time() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", &format!("{}x\n", "- ".repeat(10_000)));
    let started = Instant::now();
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/2019.yaml:1:65: lister og mappings er indlejret mere end 32 niveauer dybt; helheds data bruger højst fem"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_second_document_and_text_that_is_not_utf8_are_located_errors() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "antal:\n  beboere: 1174\n---\nantal:\n  beboere: 5\n");
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/2019.yaml:3:1: filen har mere end ét YAML-dokument (adskilt af ---); en datafil har ét"
    );
    std::fs::write(f.path("data/motalavej/2019.yaml"), b"antal:\n  beboere: 1174\n  note: \xff\xfe\n").unwrap();
    assert_eq!(f.only_error(), "fejl: data/motalavej/2019.yaml:3:1: filen er ikke UTF-8-tekst; gem den som UTF-8");
}

#[test]
fn an_empty_year_file_is_skipped_and_does_not_move_the_half_year() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "# tallene kommer i januar\n");
    let inputs = helhed::prepare(&f.config()).expect("an empty file is no error");
    assert_eq!(inputs.period.to_string(), "2018-H2");
    let warnings: Vec<String> = inputs.warnings.sorted().iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.ends_with("data/motalavej/2019.yaml: filen er tom og springes over; den flytter ikke halvåret")),
        "{warnings:#?}"
    );
    // plan.yaml, on the other hand, must say something.
    f.write("data/plan.yaml", "");
    assert!(f.errors().iter().any(|e| e == "fejl: data/plan.yaml: filen er tom"), "{:#?}", f.errors());
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it_all() {
    let f = Fixture::example();
    let big = format!("antal:\n  beboere: 1174\nnote: \"{}\"\n", "x".repeat(11 * 1024 * 1024));
    f.write("data/motalavej/2019.yaml", &big);
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/2019.yaml: filen er over 10 MB; en datafil må højst fylde så meget"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_instead_of_read_forever() {
    let f = Fixture::example();
    if !f.mkfifo("data/motalavej/2019.yaml", "the FIFO check") {
        return;
    }
    let started = Instant::now();
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/2019.yaml: er ikke en almindelig fil (men fx en FIFO eller en enhed) og læses ikke"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_inside_the_data_folder_and_refused_outside_it() {
    use std::os::unix::fs::symlink;
    let f = Fixture::example();
    // An area folder kept elsewhere in the data folder and linked in: read.
    std::fs::create_dir_all(f.path("data/.arkiv")).unwrap();
    std::fs::rename(f.path("data/sydbyen"), f.path("data/.arkiv/sydbyen")).unwrap();
    symlink(f.path("data/.arkiv/sydbyen"), f.path("data/sydbyen")).unwrap();
    let inputs = helhed::prepare(&f.config()).unwrap_or_else(|e| panic!("{e}"));
    assert!(inputs.model.year("sydbyen", 2018).is_some(), "the linked area's figures are read");

    // A file outside the data folder: refused at the link, and never quoted.
    let outside = f.path("hemmelig.yaml");
    std::fs::write(&outside, "antal:\n  beboere: hemmeligt-tal\n").unwrap();
    symlink(&outside, f.path("data/motalavej/2019.yaml")).unwrap();
    let error = f.only_error();
    assert_eq!(
        error,
        "fejl: data/motalavej/2019.yaml: er et symbolsk link, der peger uden for datamappen; helhed læser kun filer og mapper inde i datamappen"
    );
    // A link to nothing is named too.
    std::fs::remove_file(f.path("data/motalavej/2019.yaml")).unwrap();
    symlink(f.path("findes-ikke.yaml"), f.path("data/motalavej/2019.yaml")).unwrap();
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/2019.yaml: er et symbolsk link, der peger på noget, der ikke findes; helhed læser kun filer og mapper inde i datamappen"
    );
}

#[test]
fn a_message_quotes_at_most_a_short_excerpt_of_the_file() {
    let f = Fixture::example();
    let long = "y".repeat(5000);
    f.write("data/motalavej/2019.yaml", &format!("h1: \"{long}\"\n"));
    let error = f.only_error();
    assert!(error.chars().count() < 320, "{} characters: {error}", error.chars().count());
    assert!(error.ends_with(" …"), "{error}");
}

#[test]
fn control_characters_and_separators_are_refused_where_they_stand() {
    let f = Fixture::example();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    f.write("data/plan.yaml", &plan.replacen("navn: Motalavej", "navn: \"Motala\\evej\"", 1));
    let error = f.only_error();
    assert!(error.starts_with("fejl: data/plan.yaml:"), "{error}");
    assert!(
        error.ends_with(": teksten har tegnet U+001B (tegn nr. 7 i værdien), som ikke kan vises; fjern det"),
        "{error}"
    );

    let f = Fixture::example();
    f.write("data/status/2018-h2.yaml", "sammenfatning: \"Godt\\u2028gået\"\n");
    assert_eq!(
        f.only_error(),
        "fejl: data/status/2018-h2.yaml:1:16: teksten har tegnet U+2028 (tegn nr. 5 i værdien), som ikke kan vises; fjern det"
    );
}

#[test]
fn a_text_over_the_length_limit_is_refused_where_it_stands() {
    let f = Fixture::example();
    f.write("data/status/2018-h2.yaml", &format!("sammenfatning: {}\n", "ord ".repeat(6000)));
    assert_eq!(
        f.only_error(),
        "fejl: data/status/2018-h2.yaml:1:16: teksten er 23.999 tegn lang; en værdi må højst have 10.000 tegn"
    );
}

#[test]
fn a_complex_key_and_a_signed_year_are_refused() {
    let f = Fixture::example();
    f.write("data/motalavej/2019.yaml", "antal:\n  ? [a, b]\n  : 5\n  beboere: 1174\n");
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/2019.yaml:2:5: en nøgle skal være et navn, ikke en liste eller mapping"
    );
    let f = Fixture::example();
    f.write("data/motalavej/+201.yaml", "antal:\n  beboere: 1174\n");
    assert_eq!(
        f.only_error(),
        "fejl: data/motalavej/+201.yaml: filnavnet «+201.yaml» skal være et årstal, fx 2018.yaml"
    );
}

#[test]
fn a_file_with_many_problems_prints_twenty_and_counts_the_rest() {
    let f = Fixture::example();
    let mut text = String::from("antal:\n  beboere: 1174\n");
    for _ in 0..30 {
        text.push_str("  beboere: 1174\n");
    }
    f.write("data/motalavej/2019.yaml", &text);
    assert_eq!(f.errors().len(), 30, "every problem is still found");
    let out = f.run(&["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("data/motalavej/2019.yaml")).collect();
    assert_eq!(lines.len(), 20, "{stderr}");
    assert!(stderr.contains("… og 10 problemer mere i samme fil"), "{stderr}");
}

#[test]
fn an_id_too_long_for_a_file_name_is_caught_by_check() {
    let f = Fixture::example();
    let plan = std::fs::read_to_string(f.path("data/plan.yaml")).unwrap();
    let long = "a".repeat(260);
    f.write("data/plan.yaml", &plan.replacen("id: motalavej", &format!("id: {long}"), 1));
    std::fs::rename(f.path("data/motalavej"), f.path(&format!("data/{long}"))).ok();
    let errors = f.errors();
    assert!(
        errors.iter().any(|e| e.ends_with(&format!("id «{long}» er 260 tegn; et id bliver et filnavn og må højst have 64 tegn"))),
        "{errors:#?}"
    );
}

/// The bytes of every file in `dir`, by path relative to it.
fn snapshot(dir: &std::path::Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        files.insert(entry.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(entry.path()).unwrap());
    }
    files
}

#[test]
fn a_build_that_cannot_write_every_file_replaces_none() {
    let f = Fixture::example();
    assert!(f.run(&["build", "--periode", "2018-H1"]).status.success());
    let before = snapshot(&f.path("out"));
    // The site's folder is a file now: no page can be written, so no PDF may be replaced.
    std::fs::remove_dir_all(f.path("out/site")).unwrap();
    std::fs::write(f.path("out/site"), "ikke en mappe").unwrap();
    let before_site_broken = snapshot(&f.path("out"));
    let out = f.run(&["build", "--periode", "2018-H2"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("kan ikke skrives: ") && stderr.contains("; intet i mappen er ændret"), "{stderr}");
    assert!(stderr.contains("intet blev skrevet"), "{stderr}");
    assert_eq!(snapshot(&f.path("out")), before_site_broken, "every file is as it was");
    assert!(before.keys().any(|p| p.ends_with("statusrapport-2018-h1.pdf")));
}

#[test]
fn temporary_files_of_an_interrupted_build_are_removed_and_a_second_build_waits_its_turn() {
    let f = Fixture::example();
    std::fs::create_dir_all(f.path("out/site")).unwrap();
    std::fs::write(f.path("out/.helhed-abc123.tmp"), "halvt skrevet").unwrap();
    std::fs::write(f.path("out/site/.helhed-def456.tmp"), "halvt skrevet").unwrap();
    std::fs::write(f.path("out/mine-noter.txt"), "bliver").unwrap();
    assert!(f.run(&["build"]).status.success());
    assert!(!f.path("out/.helhed-abc123.tmp").exists() && !f.path("out/site/.helhed-def456.tmp").exists());
    assert!(f.path("out/mine-noter.txt").exists(), "other files are left alone");

    // Another build holds the lock: this one says so and writes nothing.
    let lock = std::fs::File::create(f.path("out/.helhed-lås")).unwrap();
    lock.lock().unwrap();
    let before = snapshot(&f.path("out"));
    let out = f.run(&["build", "--fuld", "--periode", "2018-H1"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("en anden bygning skriver i samme mappe lige nu"), "{stderr}");
    assert_eq!(snapshot(&f.path("out")), before);
    drop(lock);
    assert!(f.run(&["build", "--periode", "2018-H1"]).status.success(), "the lock goes with its holder");
}
