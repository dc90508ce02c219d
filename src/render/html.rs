//! The public website's HTML: each page of [`crate::present::site`] rendered
//! with its minijinja template. Autoescaping is on for every `.html`
//! template (minijinja's default by file name), so text from the data is
//! always text; the only markup passed through unescaped is the chart SVG
//! that Plotters writes (Plotters escapes the text in it).

use crate::input::templates::Templates;
use crate::model::diag::{Diagnostic, Diagnostics, Pos};
use crate::present::site::{PAGES, Page, SITE_DIR, STYLESHEET};
use crate::render::Output;
use minijinja::{Environment, Value};
use std::path::{Path, PathBuf};

/// Renders every page, and copies the stylesheet beside them.
pub fn render(pages: &[Page], templates: &Templates) -> Result<Vec<Output>, Diagnostics> {
    let site = Site::new(templates)?;
    let mut outputs = Vec::new();
    let mut diags = Diagnostics::default();
    for page in pages.iter().map(Some).chain([None]) {
        match page.map_or_else(|| site.stylesheet().map(|o| vec![o]), |page| site.page(page)) {
            Ok(files) => outputs.extend(files),
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() { Err(diags) } else { Ok(outputs) }
}

/// The site's templates, ready to render one page at a time.
pub struct Site<'a> {
    env: Environment<'static>,
    templates: &'a Templates,
}

impl<'a> Site<'a> {
    /// The template engine with the site's templates; every template's
    /// problem is told.
    pub fn new(templates: &'a Templates) -> Result<Site<'a>, Diagnostics> {
        Ok(Site { env: environment(templates)?, templates })
    }

    /// A page's HTML file, and its CSV file if it has one.
    pub fn page(&self, page: &Page) -> Result<Vec<Output>, Diagnostic> {
        let ctx = Value::from_serialize(&page.data);
        let origin = self.templates.origin(page.template);
        let _guard = super::guard::Guard::start(&origin);
        let mut html = Bounded { bytes: Vec::new(), over: false };
        match self.env.get_template(page.template).and_then(|t| t.render_captured_to(ctx, &mut html).map(drop)) {
            Ok(_) => {
                let mut outputs =
                    vec![Output { rel: PathBuf::from(SITE_DIR).join(&page.file), bytes: html.bytes, pages: None }];
                if let Some(table) = &page.csv {
                    let file = Path::new(&page.file).with_extension("csv");
                    let bytes = super::csv::bytes(table);
                    outputs.push(Output { rel: PathBuf::from(SITE_DIR).join(file), bytes, pages: None });
                }
                Ok(outputs)
            }
            Err(_) if html.over => {
                let message = format!(
                    "skabelonen til hjemmesiden skrev mere end {} MB på siden {} og blev stoppet",
                    MAX_PAGE_BYTES / (1024 * 1024),
                    page.file
                );
                Err(Diagnostic::error(&origin, None, message))
            }
            Err(e) => Err(template_error(self.templates, &e)),
        }
    }

    /// The stylesheet, beside the pages.
    pub fn stylesheet(&self) -> Result<Output, Diagnostic> {
        match self.templates.get(STYLESHEET) {
            Some(css) => Ok(Output {
                rel: PathBuf::from(SITE_DIR).join("style.css"),
                bytes: css.text.clone().into_bytes(),
                pages: None,
            }),
            None => Err(Diagnostic::error(Path::new(STYLESHEET), None, "hjemmesidens stylesheet mangler")),
        }
    }
}

/// The largest page a site template may write: the example's largest is
/// about 100 kB.
pub const MAX_PAGE_BYTES: usize = 20 * 1024 * 1024;

/// A page's bytes, refusing to grow beyond [`MAX_PAGE_BYTES`]: a template
/// that writes without end is stopped when it gets there, not when the
/// machine's memory is full.
struct Bounded {
    bytes: Vec<u8>,
    over: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_PAGE_BYTES {
            self.over = true;
            return Err(std::io::Error::other("siden er for stor"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The most instructions one page's template may run: the largest page of
/// the example takes under a hundredth of it. A template with a loop that
/// never ends stops here with an error at its file.
pub const FUEL: u64 = 50_000_000;

/// The template engine with the site's templates. Autoescaping is on for
/// every `.html` template (minijinja's default by file name).
fn environment(templates: &Templates) -> Result<Environment<'static>, Diagnostics> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    let mut diags = Diagnostics::default();
    for (name, template) in templates.iter().filter(|(n, _)| n.starts_with("site/") && n.ends_with(".html")) {
        if let Err(e) = env.add_template_owned(name.clone(), template.text.clone()) {
            diags.push(template_error(templates, &e));
        }
    }
    for name in PAGES {
        if templates.get(name).is_none() {
            diags.error(Path::new(name), None, "skabelonen til hjemmesiden mangler");
        }
    }
    if diags.has_errors() { Err(diags) } else { Ok(env) }
}

/// A template error at the user's file and line.
fn template_error(templates: &Templates, e: &minijinja::Error) -> Diagnostic {
    let name = e.name().unwrap_or("site");
    let file = templates.origin(name);
    let pos = e.line().map(|line| Pos { line, column: 1 });
    if e.kind() == minijinja::ErrorKind::OutOfFuel {
        let message = format!(
            "skabelonen til hjemmesiden bruger mere end {} skridt på én side og blev stoppet; har den en løkke, der ikke ender?",
            crate::model::text::format_da(FUEL.into(), 0)
        );
        return Diagnostic::error(&file, pos, message);
    }
    let mut message = format!("skabelonen til hjemmesiden: {}", e.kind());
    if let Some(detail) = e.detail() {
        message.push_str(&format!(": {detail}"));
    }
    Diagnostic::error(&file, pos, message)
}
