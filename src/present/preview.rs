//! The live preview's page (`helhed serve`): what was built and how long it
//! took, the data's errors when the last save broke something (the outputs
//! shown are then the last good build's), what the half-year still lacks,
//! and the statusrapport and the site side by side. The page reloads itself
//! when a build is done (server-sent events; a few lines of script in the
//! page itself, nothing fetched from elsewhere).

use crate::present::gaps::TodoFile;
use std::fmt::Write;
use std::path::PathBuf;

/// What the page shows.
#[derive(Debug, Clone, Default)]
pub struct PreviewView {
    /// The plan's name.
    pub plan: String,
    /// `1. halvår 2019`.
    pub period: String,
    /// The outputs of the last good build, relative to the preview folder.
    pub outputs: Vec<PathBuf>,
    /// How long the last build took, in milliseconds.
    pub millis: u128,
    /// The last build's errors, one line each (`fejl: data/…:3:5: …`); empty
    /// when it succeeded.
    pub errors: Vec<String>,
    /// The to-do list of the last good build.
    pub todo: Vec<TodoFile>,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's HTML; `events` is the path of the event stream.
pub fn page(view: &PreviewView, events: &str) -> String {
    let mut html = String::from(
        "<!doctype html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    let _ = writeln!(html, "<title>Forhåndsvisning – {}</title>", escape(&view.plan));
    html.push_str(
        "<style>\n\
         body { margin: 0; font-family: system-ui, sans-serif; color: #1a1a1a; }\n\
         header { padding: 0.6rem 1rem; background: #eef3f6; border-bottom: 1px solid #c8d3da; }\n\
         header h1 { font-size: 1.1rem; margin: 0 0 0.3rem; color: #0b4f6c; }\n\
         nav a { margin-right: 1rem; }\n\
         .fejl { margin: 0.6rem 1rem; padding: 0.6rem 0.8rem; background: #fbe6e6; border: 1px solid #a3262a; }\n\
         .fejl pre { white-space: pre-wrap; margin: 0.3rem 0 0; }\n\
         details { margin: 0.4rem 1rem; }\n\
         .paneler { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; padding: 0.5rem; height: calc(100vh - 9rem); }\n\
         iframe { width: 100%; height: 100%; border: 1px solid #c8d3da; }\n\
         @media (max-width: 60rem) { .paneler { grid-template-columns: 1fr; height: auto; } iframe { height: 80vh; } }\n\
         </style>\n</head>\n<body>\n<header>\n",
    );
    let _ = writeln!(html, "<h1>{} · {}</h1>", escape(&view.plan), escape(&view.period));
    let name = |rel: &PathBuf| rel.to_string_lossy().replace('\\', "/");
    let link = |rel: &PathBuf, label: &str| format!("<a href=\"/{}\">{}</a>", escape(&name(rel)), escape(label));
    let pdfs: Vec<&PathBuf> = view.outputs.iter().filter(|r| r.extension().is_some_and(|e| e == "pdf")).collect();
    html.push_str("<nav>");
    for rel in &pdfs {
        html.push_str(&link(rel, &name(rel)));
    }
    if view.outputs.iter().any(|r| name(r) == "site/index.html") {
        html.push_str(&link(&PathBuf::from("site/index.html"), "Hjemmesiden"));
    }
    for file in ["tal.json", "tal.xlsx"] {
        if view.outputs.iter().any(|r| name(r) == file) {
            html.push_str(&link(&PathBuf::from(file), file));
        }
    }
    let _ = write!(
        html,
        "</nav>\n<p>Bygget på {} ms. Siden opdateres, når du gemmer i data eller skabelonerne.</p>\n</header>\n",
        view.millis
    );
    if !view.errors.is_empty() {
        html.push_str("<section class=\"fejl\" role=\"alert\"><strong>Data eller skabeloner har fejl; her vises den sidste bygning, der lykkedes.</strong>\n<pre>");
        for e in &view.errors {
            html.push_str(&escape(e));
            html.push('\n');
        }
        html.push_str("</pre></section>\n");
    }
    if !view.todo.is_empty() {
        let n: usize = view.todo.iter().map(|f| f.items.len()).sum();
        let _ = writeln!(html, "<details><summary>Til {} mangler der {n} ting</summary><ul>", escape(&view.period));
        for f in &view.todo {
            let _ = write!(html, "<li>{}<ul>", escape(&f.file.display().to_string()));
            for item in &f.items {
                let _ = write!(html, "<li>{}</li>", escape(item));
            }
            html.push_str("</ul></li>\n");
        }
        html.push_str("</ul></details>\n");
    }
    html.push_str("<div class=\"paneler\">\n");
    if let Some(pdf) = pdfs.iter().find(|r| name(r).starts_with("statusrapport")) {
        let _ = writeln!(html, "<iframe title=\"Statusrapporten\" src=\"/{}#view=FitH\"></iframe>", escape(&name(pdf)));
    }
    if view.outputs.iter().any(|r| name(r) == "site/index.html") {
        html.push_str("<iframe title=\"Hjemmesiden\" src=\"/site/index.html\"></iframe>\n");
    }
    html.push_str("</div>\n");
    let _ = write!(
        html,
        "<script>new EventSource(\"{events}\").onmessage = () => location.reload();</script>\n</body>\n</html>\n"
    );
    html
}
