//! Shared test harness: a copy of the bundled example in a temporary folder,
//! changed file by file, built through the library or the binary.
#![allow(dead_code)]

use helhed::Config;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary project: data/, report-templates/ and out/.
pub struct Fixture {
    dir: tempfile::TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Fixture {
    /// The bundled example data, with an empty templates folder.
    pub fn example() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &dir.path().join("data"));
        std::fs::create_dir_all(dir.path().join("report-templates")).unwrap();
        Fixture { dir }
    }

    /// A small plan with two areas and one per-1000 indicator, no figures yet.
    pub fn small() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("report-templates")).unwrap();
        let f = Fixture { dir };
        f.write(
            "data/plan.yaml",
            r#"plan:
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
  - id: beboere
    navn: Beboere
  - id: afgoerelser
    navn: Afgørelser
  - id: respondenter
    navn: Respondenter
  - id: trygge
    navn: Trygge
indikatorer:
  - id: krim
    navn: Afgørelser pr. 1000 beboere
    enhed: pr. 1000 beboere
    tæller: afgoerelser
    nævner: beboere
    skala: 1000
    bedre: lavere
    decimaler: 1
    basisår: 2016
    datakilde: Test
  - id: tryghed
    navn: Trygge
    enhed: "%"
    tæller: trygge
    nævner: respondenter
    skala: 100
    bedre: højere
    decimaler: 1
    datakilde: Test
"#,
        );
        f
    }

    /// The fixture's root folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the fixture.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes (or replaces) a file.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    /// Removes a file.
    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.path(rel)).unwrap();
        self
    }

    /// The build configuration for this fixture.
    pub fn config(&self) -> Config {
        Config {
            data: self.path("data"),
            templates: self.path("report-templates"),
            templates_asked: true,
            out: self.path("out"),
            period: None,
            reuse: true,
        }
    }

    /// The error messages of a failed build, one line each, paths relative to the fixture.
    pub fn errors(&self) -> Vec<String> {
        let failed = helhed::prepare(&self.config()).expect_err("the data should be refused");
        failed
            .0
            .sorted()
            .into_iter()
            .map(|d| d.to_string().replace(&format!("{}/", self.root().display()), ""))
            .collect()
    }

    /// The one error of a failed `prepare`, paths relative to the fixture.
    pub fn only_error(&self) -> String {
        let errors = self.errors();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        errors.into_iter().next().unwrap()
    }

    /// Makes a FIFO at `rel`; false (and a note that `check` was skipped)
    /// where `mkfifo` is not available.
    pub fn mkfifo(&self, rel: &str, check: &str) -> bool {
        let made = Command::new("mkfifo").arg(self.path(rel)).status().is_ok_and(|s| s.success());
        if !made {
            skip_note(&format!("mkfifo is not available; {check} was skipped"));
        }
        made
    }

    /// Runs the helhed binary in the fixture's folder.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_helhed")).args(args).current_dir(self.root()).output().unwrap()
    }
}

/// Every file under `dir` with its bytes, by path relative to it: to see
/// that a command changed exactly what it should.
pub fn files(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Tells the person running the tests that a check was skipped. Written to
/// the process's stderr directly, past the test harness's output capture, so
/// that it shows in a plain `cargo test` even though the test passes.
pub fn skip_note(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "note: {message}");
}

/// LibreOffice's command (`soffice` or `libreoffice`), for a test that opens
/// a file in Calc. None (and a note that `what` was skipped) where it is not
/// installed; under CI a missing LibreOffice fails the test instead.
pub fn soffice(what: &str) -> Option<&'static str> {
    let found = ["soffice", "libreoffice"].into_iter().find(|c| Command::new(c).arg("--version").output().is_ok());
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{what} needs LibreOffice Calc (apt-get install libreoffice-calc)");
        }
        skip_note(&format!("{what} SKIPPED; missing: soffice (apt-get install libreoffice-calc)"));
    }
    found
}

/// The text of a PDF, via poppler's pdftotext. None (and a note) where it is
/// not installed; under CI a missing pdftotext fails the test instead.
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    match Command::new("pdftotext").arg("-layout").arg(&path).arg("-").output() {
        Ok(out) if out.status.success() => Some(String::from_utf8(out.stdout).unwrap()),
        Ok(out) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("pdftotext (poppler-utils) is required under CI")
        }
        Err(_) => {
            skip_note("pdftotext is not installed; PDF text checks skipped (apt-get install poppler-utils)");
            None
        }
    }
}
