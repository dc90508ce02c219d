//! The fuzzing harness's one step, shared by `cargo fuzz run indlaes` and
//! by `tests/fuzz.rs`, which replays the committed corpus and a fixed
//! series of mutations of it on the stable toolchain.
//!
//! An input is one data file: its first byte chooses which file of the
//! example plan it replaces (or adds), the rest is the file's bytes. The
//! whole data folder then goes through what `helhed check` does (read,
//! validate, the checks on computed figures, the half-year) and, when it is
//! valid, through the evaluation and the view models of every document.
//! Typst is left out: it is the slow part and reads only what these make.

use helhed::input::templates::Templates;
use helhed::model::diag::Diagnostics;
use helhed::{Config, eval, input, present};
use std::path::{Path, PathBuf};

/// The files an input may stand in for, by its first byte.
pub const SLOTS: [&str; 8] = [
    "plan.yaml",
    "budget.yaml",
    "listekriterier.yaml",
    "status/2018-h2.yaml",
    "motalavej/2018.yaml",
    "samlet/2018.yaml",
    "sub-gennemsnit/2016.yaml",
    "status/2019-h1.yaml",
];

/// The example data folder, read into memory once.
pub struct Example {
    root: PathBuf,
    files: Vec<(String, Vec<u8>)>,
}

impl Example {
    /// Reads every file of the data folder `root`.
    pub fn read(root: &Path) -> Example {
        // Hidden files and folders are not data, as for `helhed` itself.
        let entries = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .map(Result::unwrap);
        let files = entries
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect();
        Example { root: root.to_path_buf(), files }
    }

    /// Runs one input through reading, validation, evaluation and the view
    /// models. Returns whether the data was valid: a panic is the failure
    /// the fuzzer looks for.
    pub fn run(&self, data: &[u8]) -> bool {
        let Some((&slot, content)) = data.split_first() else {
            return false;
        };
        let name = SLOTS[usize::from(slot) % SLOTS.len()];
        let mut files: Vec<(String, Vec<u8>)> = self.files.iter().filter(|(rel, _)| rel != name).cloned().collect();
        files.push((name.to_string(), content.to_vec()));
        let mut diags = Diagnostics::default();
        let loaded = input::load_files(&self.root, files, helhed::render::fonts::shown, &mut diags);
        let config = Config { data: self.root.clone(), ..Config::default() };
        let Ok(inputs) = helhed::validated(loaded, Templates::embedded(), &config, diags) else {
            return false;
        };
        let evaluated = eval::evaluate(&inputs.model, inputs.period);
        let _ = present::tal::tal(&inputs.model, &evaluated);
        let _ = present::site::pages(&inputs.model, &evaluated);
        let _ = present::report::status_report(&inputs.model, &evaluated);
        let _ = present::evaluation::evaluation_report(&inputs.model, &evaluated);
        true
    }
}
