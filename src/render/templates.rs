//! Report templates: the defaults are embedded in the binary; a file of the
//! same name in the templates folder overrides one, so a secretariat can edit
//! its reports without recompiling. Extra `.typ` files there are available
//! to `#import` as well.

use crate::diag::Diagnostics;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The default templates, embedded at compile time from `report-templates/`.
const DEFAULTS: &[(&str, &str)] = &[
    ("helhed.typ", include_str!("../../report-templates/helhed.typ")),
    ("statusrapport.typ", include_str!("../../report-templates/statusrapport.typ")),
    ("helhedsevaluering.typ", include_str!("../../report-templates/helhedsevaluering.typ")),
];

/// The embedded default templates as output files, for `helhed templates
/// export`: a user starts from them and edits without recompiling.
pub fn defaults() -> Vec<crate::write::Output> {
    DEFAULTS
        .iter()
        .map(|(name, text)| crate::write::Output { rel: PathBuf::from(name), bytes: text.as_bytes().to_vec(), pages: None })
        .collect()
}

/// One template file.
#[derive(Debug, Clone)]
pub struct Template {
    /// Its Typst source.
    pub text: String,
    /// Where it came from: the user's file, or `(indbygget)/<name>`.
    pub origin: PathBuf,
}

/// The set of templates a build uses, by file name.
#[derive(Debug, Clone, Default)]
pub struct Templates(BTreeMap<String, Template>);

impl Templates {
    /// The embedded defaults only.
    pub fn embedded() -> Templates {
        Templates(
            DEFAULTS
                .iter()
                .map(|(name, text)| {
                    (name.to_string(), Template { text: text.to_string(), origin: PathBuf::from(format!("(indbygget)/{name}")) })
                })
                .collect(),
        )
    }

    /// The defaults, overridden by the `.typ` files in `dir` (if it exists).
    pub fn load(dir: &Path, diags: &mut Diagnostics) -> Templates {
        let mut templates = Templates::embedded();
        let Ok(entries) = std::fs::read_dir(dir) else {
            diags.warning(dir, None, "skabelonmappen findes ikke; de indbyggede skabeloner bruges");
            return templates;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let is_typ = path.extension().is_some_and(|e| e == "typ");
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
            if !is_typ || !path.is_file() || name.starts_with('.') {
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    templates.0.insert(name.to_string(), Template { text, origin: path.clone() });
                }
                Err(e) => diags.error(&path, None, format!("skabelonen kan ikke læses: {e}")),
            }
        }
        templates
    }

    /// The template of a file name.
    pub fn get(&self, name: &str) -> Option<&Template> {
        self.0.get(name)
    }

    /// All templates by file name, sorted.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Template)> {
        self.0.iter()
    }
}
