//! Report templates: the defaults are embedded in the binary; a file of the
//! same name in the templates folder overrides one, so a secretariat can edit
//! its reports without recompiling. Extra `.typ` files there are available
//! to `#import` as well. The website's templates (minijinja `.html`) and its
//! stylesheet lie under `site/` in the same way.

use crate::model::diag::Diagnostics;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The default templates, embedded at compile time from `report-templates/`.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("helhed.typ", include_str!("../../report-templates/helhed.typ")),
    ("statusrapport.typ", include_str!("../../report-templates/statusrapport.typ")),
    ("helhedsevaluering.typ", include_str!("../../report-templates/helhedsevaluering.typ")),
    ("oversigt.typ", include_str!("../../report-templates/oversigt.typ")),
    ("site/base.html", include_str!("../../report-templates/site/base.html")),
    ("site/komponenter.html", include_str!("../../report-templates/site/komponenter.html")),
    ("site/index.html", include_str!("../../report-templates/site/index.html")),
    ("site/omraade.html", include_str!("../../report-templates/site/omraade.html")),
    ("site/metode.html", include_str!("../../report-templates/site/metode.html")),
    ("site/oversigt.html", include_str!("../../report-templates/site/oversigt.html")),
    ("site/style.css", include_str!("../../report-templates/site/style.css")),
];

/// The site's subfolder of the templates folder.
const SITE: &str = "site";

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

/// The largest template file read: the built-in ones are under 50 kB.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

impl Templates {
    /// The embedded defaults only.
    pub fn embedded() -> Templates {
        Templates(
            DEFAULTS
                .iter()
                .map(|(name, text)| {
                    (
                        name.to_string(),
                        Template { text: text.to_string(), origin: PathBuf::from(format!("(indbygget)/{name}")) },
                    )
                })
                .collect(),
        )
    }

    /// The defaults, overridden by the `.typ` files in `dir` and the `.html`
    /// and `.css` files in `dir/site` (where they exist).
    pub fn load(dir: &Path, diags: &mut Diagnostics) -> Templates {
        let mut templates = Templates::embedded();
        if !dir.is_dir() {
            diags.warning(dir, None, "skabelonmappen findes ikke; de indbyggede skabeloner bruges");
            return templates;
        }
        templates.read(dir, "", &["typ"], diags);
        templates.read(&dir.join(SITE), "site/", &["html", "css"], diags);
        templates
    }

    /// Reads the files of `dir` with one of the extensions, named `prefix` + file name.
    fn read(&mut self, dir: &Path, prefix: &str, extensions: &[&str], diags: &mut Diagnostics) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let wanted = path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e));
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
            if !wanted || name.starts_with('.') || path.is_dir() {
                continue;
            }
            if !path.is_file() {
                diags.error(&path, None, super::NOT_REGULAR);
                continue;
            }
            // Templates import each other by name, and Typst's paths take no
            // backslash: such a file could never be found.
            if name.contains('\\') {
                diags.error(&path, None, "en skabelons filnavn må ikke indeholde «\\»; omdøb filen");
                continue;
            }
            let bytes = match super::read_limited(&path, MAX_TEMPLATE_BYTES) {
                Ok(Some(bytes)) => bytes,
                Ok(None) => {
                    let mb = MAX_TEMPLATE_BYTES / (1024 * 1024);
                    diags.error(
                        &path,
                        None,
                        format!("skabelonen er over {mb} MB; en skabelon må højst fylde så meget"),
                    );
                    continue;
                }
                Err(e) => {
                    diags.error(&path, None, format!("skabelonen kan ikke læses: {e}"));
                    continue;
                }
            };
            match String::from_utf8(bytes) {
                Ok(text) => {
                    self.0.insert(format!("{prefix}{name}"), Template { text, origin: path.clone() });
                }
                Err(_) => diags.error(&path, None, "skabelonen er ikke UTF-8-tekst; gem den som UTF-8"),
            }
        }
    }

    /// The file to name in a message about the template `name`: where it
    /// was read from, or the name itself when there is no such template.
    pub fn origin(&self, name: &str) -> PathBuf {
        self.get(name).map_or_else(|| PathBuf::from(name), |t| t.origin.clone())
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
