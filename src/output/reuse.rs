//! Reuse of unchanged PDFs between builds.
//!
//! A PDF is laid out again only when something it is made from has changed:
//! its data (the JSON model and the charts), the templates, the half-year or
//! the `helhed` program itself. [`FILE`] in the output folder records, for
//! each PDF a build wrote, a fingerprint of those inputs and of the file.
//! When a later build computes the same input fingerprint and the file in the
//! output folder still has the recorded fingerprint, that file is the
//! document, and Typst is skipped for it. Any doubt (no record, a changed or
//! missing file, another binary) means the document is rendered.
//!
//! Fingerprints are made by [`crate::render::fingerprint`].

use crate::render::Output;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The record's file name in the output folder.
pub const FILE: &str = ".helhed-genbrug.json";

/// What the PDFs in an output folder were made from.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Note for a reader of the file.
    #[serde(default)]
    om: String,
    /// Per PDF (path relative to the output folder): its fingerprints.
    #[serde(default)]
    dokumenter: BTreeMap<String, Entry>,
    /// The files of the folders kept in step ([`kept_in_step`]: the site and
    /// the workbook's CSV files) as the last build wrote them (paths relative
    /// to the output folder). A page the next build no longer makes, say for
    /// an area renamed, is removed so that it is not published by mistake.
    #[serde(default)]
    hjemmeside: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    /// Fingerprint of the inputs the PDF was made from.
    input: String,
    /// Fingerprint of the file's bytes.
    fil: String,
    /// Its page count, reported again when it is reused.
    sider: usize,
}

/// A reused PDF: the file as it stands in the output folder.
#[derive(Debug)]
pub struct Reused {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its page count.
    pub pages: usize,
}

fn hex(fingerprint: u128) -> String {
    format!("{fingerprint:032x}")
}

impl Record {
    /// The record in `out`, or an empty one if there is none or it cannot be
    /// read (then every document is rendered).
    pub fn load(out: &Path) -> Record {
        std::fs::read(out.join(FILE)).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default()
    }

    /// The PDF at `rel` in `out`, if it was made from inputs with this
    /// fingerprint and has not been changed since.
    pub fn reuse(&self, out: &Path, rel: &Path, input: u128) -> Option<Reused> {
        let entry = self.dokumenter.get(&key(rel))?;
        if entry.input != hex(input) {
            return None;
        }
        let bytes = std::fs::read(out.join(rel)).ok()?;
        (entry.fil == hex(typst::utils::hash128(&bytes))).then_some(Reused { bytes, pages: entry.sider })
    }

    /// Records that the PDF at `rel`, with these bytes and pages, was made
    /// from inputs with this fingerprint.
    pub fn insert(&mut self, rel: &Path, input: u128, bytes: &[u8], pages: usize) {
        let entry = Entry { input: hex(input), fil: hex(typst::utils::hash128(bytes)), sider: pages };
        self.dokumenter.insert(key(rel), entry);
    }

    /// Records the files of the folders kept in step, replacing those of the
    /// last build.
    pub fn set_folder_files<'a>(&mut self, files: impl IntoIterator<Item = &'a Path>) {
        self.hjemmeside = files.into_iter().map(key).collect();
        self.hjemmeside.sort();
    }

    /// The files of the folders kept in step that this record holds and
    /// `next` does not: pages the last build wrote and the next no longer
    /// makes. Only plain paths inside those folders count, whatever the file
    /// says.
    pub fn stale_folder_files(&self, next: &Record) -> Vec<PathBuf> {
        self.hjemmeside
            .iter()
            .filter(|f| !next.hjemmeside.contains(f))
            .map(PathBuf::from)
            .filter(|p| kept_in_step(p) && p.components().all(|c| matches!(c, std::path::Component::Normal(_))))
            .collect()
    }

    /// Takes from `other` what it says of the PDFs in `folder` (a plan's
    /// folder when the data folder holds several plans, each rendered with
    /// its own copy of the record).
    pub fn take_folder(&mut self, other: &Record, folder: &str) {
        let prefix = format!("{folder}/");
        for (file, entry) in other.dokumenter.iter().filter(|(file, _)| file.starts_with(&prefix)) {
            self.dokumenter.insert(file.clone(), entry.clone());
        }
    }

    /// The record as the file [`FILE`].
    pub fn to_output(&self) -> Output {
        let record = Record {
            om: "helhed build: hvad PDF'erne her er lavet af; et uændret dokument sættes ikke igen. \
                 Slet filen (eller byg med --fuld) for at sætte alt forfra. \
                 Hjemmesidens filer står her, så en side, der ikke længere laves, fjernes."
                .to_string(),
            dokumenter: self.dokumenter.clone(),
            hjemmeside: self.hjemmeside.clone(),
        };
        let mut bytes = serde_json::to_vec_pretty(&record).expect("the record serialises");
        bytes.push(b'\n');
        Output { rel: PathBuf::from(FILE), bytes, pages: None }
    }
}

/// Whether `rel` lies in a folder whose files a build keeps in step with
/// what it makes (the site, `site/`, and the workbook's sheets as CSV,
/// `tal/`, also a plan's `<plan>/tal/` when the data folder holds several
/// plans): a file the last build wrote there and this one does not make is
/// removed.
pub fn kept_in_step(rel: &Path) -> bool {
    let csv = crate::present::workbook::CSV_DIR;
    rel.starts_with(crate::present::site::SITE_DIR)
        || rel.starts_with(csv)
        || rel.iter().nth(1).is_some_and(|c| c == csv && rel.iter().count() > 2)
}

/// A path as the record's key: forward slashes on every system.
fn key(rel: &Path) -> String {
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_and_sheet_files_the_next_build_no_longer_makes_are_stale() {
        let files = [
            "site/index.html",
            "site/sydbyen.html",
            "site/../plan.yaml",
            "statusrapport-2018-h1.pdf",
            "/etc/passwd",
            "tal/indikator-gammel.csv",
            "tal/budget.csv",
        ];
        let last = Record { hjemmeside: files.map(String::from).to_vec(), ..Record::default() };
        let mut next = Record::default();
        next.set_folder_files(
            ["site/index.html", "site/sydbyen-vest.html", "tal/budget.csv"].into_iter().map(Path::new),
        );
        assert_eq!(
            last.stale_folder_files(&next),
            [PathBuf::from("site/sydbyen.html"), PathBuf::from("tal/indikator-gammel.csv")]
        );
    }

    #[test]
    fn a_file_is_reused_only_with_the_same_inputs_and_unchanged_bytes() {
        let out = tempfile::tempdir().unwrap();
        let rel = Path::new("rapport.pdf");
        std::fs::write(out.path().join(rel), b"%PDF-1.7 en").unwrap();
        let mut record = Record::default();
        record.insert(rel, 7, b"%PDF-1.7 en", 3);

        let reused = record.reuse(out.path(), rel, 7).expect("same inputs, same file");
        assert_eq!((reused.bytes.as_slice(), reused.pages), (&b"%PDF-1.7 en"[..], 3));
        assert!(record.reuse(out.path(), rel, 8).is_none(), "other inputs");
        std::fs::write(out.path().join(rel), b"%PDF-1.7 to").unwrap();
        assert!(record.reuse(out.path(), rel, 7).is_none(), "the file was changed");
        std::fs::remove_file(out.path().join(rel)).unwrap();
        assert!(record.reuse(out.path(), rel, 7).is_none(), "the file is gone");
    }

    #[test]
    fn the_record_survives_its_file_and_a_broken_one_is_empty() {
        let out = tempfile::tempdir().unwrap();
        let mut record = Record::default();
        record.insert(Path::new("a.pdf"), 1, b"a", 1);
        let output = record.to_output();
        std::fs::write(out.path().join(&output.rel), &output.bytes).unwrap();
        assert_eq!(Record::load(out.path()).dokumenter, record.dokumenter);

        std::fs::write(out.path().join(FILE), b"{ ikke json").unwrap();
        assert_eq!(Record::load(out.path()), Record::default());
    }
}
