//! The command line speaks Danish: help, usage, defaults and mistakes.

mod common;

use common::Fixture;

fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_helhed")).args(args).output().unwrap()
}

#[test]
fn the_help_texts_are_danish() {
    for args in [&["--help"][..], &["build", "--help"], &["check", "-h"], &["ny-periode", "--help"]] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}");
        let help = String::from_utf8_lossy(&out.stdout);
        for english in ["Usage", "Options", "Commands", "Print help", "Print version", "[default", "Arguments"] {
            assert!(!help.contains(english), "{args:?} says {english:?}:\n{help}");
        }
        assert!(help.contains("Brug: helhed"), "{help}");
        assert!(help.contains("  -h, --help"), "{help}");
        assert!(help.contains("Vis denne hjælp"), "{help}");
    }
    let top = String::from_utf8_lossy(&run(&["--help"]).stdout).into_owned();
    assert!(top.contains("Brug: helhed <KOMMANDO>\n\nKommandoer:\n  build "), "{top}");
    assert!(top.contains("  -V, --version  Vis helheds version"), "{top}");
    let build = String::from_utf8_lossy(&run(&["build", "--help"]).stdout).into_owned();
    assert!(build.contains("Brug: helhed build [TILVALG]\n\nTilvalg:\n"), "{build}");
    assert!(build.contains("(standard: 120)"), "{build}");
    let version = run(&["-V"]);
    assert_eq!(String::from_utf8_lossy(&version.stdout), format!("helhed {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_mistake_on_the_command_line_is_said_in_danish() {
    let out = run(&["buld"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "fejl: ukendt kommando «buld»; mente du «build»?\nSe helhed --help.\n"
    );
    let out = run(&["build", "--periode", "2019"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("fejl: ugyldig værdi «2019» til --periode <ÅÅÅÅ-HN>: «2019» er ikke et halvår"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["check", "--nope"]);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "fejl: ukendt tilvalg «--nope»\nSe helhed --help.\n");
}

#[test]
fn a_missing_templates_folder_is_only_mentioned_when_asked_for() {
    let f = Fixture::example();
    // A folder with data/ but no report-templates/: the built-in ones serve, silently.
    let _ = std::fs::remove_dir_all(f.path("report-templates"));
    let out = f.run(&["check"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let out = f.run(&["check", "--templates", "mine"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "advarsel: mine: skabelonmappen findes ikke; de indbyggede skabeloner bruges\n"
    );
}
