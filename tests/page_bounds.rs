//! Documents that hold any plan: for generated plans of 1, 4, 30 and 200
//! areas and 3, 10 and 25 years, every word of both PDFs lies on its page
//! (`pdftotext -bbox`), and every area's row of every indicator is there, as
//! many times as its table is split by years (the appendix has every year;
//! the statusrapport the latest 7).

mod common;

#[path = "common/generate.rs"]
mod generate;

use helhed::Config;
use std::process::Command;

/// A word and its box, in PDF points from the page's top left.
struct Word {
    text: String,
    x: (f64, f64),
    y: (f64, f64),
}

/// A page's width and height, and its words.
type Page = ((f64, f64), Vec<Word>);

/// A PDF's pages (width, height) with their words, via `pdftotext -bbox`.
/// `None` where pdftotext is not installed (an error under CI).
fn pages(pdf: &[u8]) -> Option<Vec<Page>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = match Command::new("pdftotext").arg("-bbox").arg(&path).arg("-").output() {
        Ok(out) if out.status.success() => String::from_utf8(out.stdout).unwrap(),
        Ok(out) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("pdftotext (poppler-utils) is required under CI")
        }
        Err(_) => {
            common::skip_note("pdftotext is not installed; the page-bounds check was skipped");
            return None;
        }
    };
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let mut pages = Vec::new();
    for line in out.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(((attr(line, "width"), attr(line, "height")), Vec::new()));
        } else if line.starts_with("<word ") {
            let text = line.split('>').nth(1).unwrap().split('<').next().unwrap().to_string();
            let word =
                Word { text, x: (attr(line, "xMin"), attr(line, "xMax")), y: (attr(line, "yMin"), attr(line, "yMax")) };
            pages.last_mut().expect("a word on a page").1.push(word);
        }
    }
    Some(pages)
}

/// How often the words of `name` stand one after the other in `words`.
fn occurrences(words: &[&str], name: &str) -> usize {
    let parts: Vec<&str> = name.split(' ').collect();
    words.windows(parts.len()).filter(|w| *w == parts.as_slice()).count()
}

/// A generated plan of `areas` × `years` × `indicators`, rendered in memory
/// with the built-in templates.
fn generated(areas: usize, years: u16, indicators: usize) -> helhed::Rendered {
    generated_with(areas, years, indicators, |_| {})
}

/// The same, with `edit` applied to the data folder first.
fn generated_with(areas: usize, years: u16, indicators: usize, edit: impl Fn(&std::path::Path)) -> helhed::Rendered {
    let dir = tempfile::tempdir().unwrap();
    generate::plan(&dir.path().join("data"), areas, years, indicators);
    edit(&dir.path().join("data"));
    let config = Config {
        data: dir.path().join("data"),
        templates: dir.path().join("ingen-skabeloner"),
        templates_asked: false,
        out: dir.path().join("out"),
        period: None,
        reuse: false,
    };
    let inputs = helhed::prepare(&config).unwrap_or_else(|f| panic!("{areas}×{years}: {:?}", f.0));
    helhed::render(&inputs).unwrap_or_else(|f| panic!("{areas}×{years}: {:?}", f.0))
}

#[test]
fn every_area_of_every_indicator_is_on_a_page_for_plans_of_any_size() {
    for areas in [1, 4, 30, 200] {
        for years in [3u16, 10, 25] {
            let indicators = 2;
            let rendered = generated(areas, years, indicators);
            for pdf in rendered.outputs.iter().filter(|o| o.rel.extension().is_some_and(|e| e == "pdf")) {
                // The appendix's tables hold at most 9 years, the last (with
                // the changes) 7; the statusrapport shows the latest 7 years.
                let appendix = pdf.rel.to_string_lossy().starts_with("helhedsevaluering");
                let tables = if years <= 7 || !appendix { 1 } else { 1 + (usize::from(years) - 7).div_ceil(9) };
                let doc = format!("{areas} områder × {years} år, {}", pdf.rel.display());
                let Some(pages) = pages(&pdf.bytes) else { return };
                let mut words = Vec::new();
                for (n, ((width, height), page)) in pages.iter().enumerate() {
                    for w in page {
                        assert!(
                            w.x.0 >= 0.0 && w.x.1 <= *width && w.y.0 >= 0.0 && w.y.1 <= *height,
                            "{doc}: «{}» on page {} lies outside it ({:?}, {:?}; the page is {width} × {height})",
                            w.text,
                            n + 1,
                            w.x,
                            w.y
                        );
                        words.push(w.text.as_str());
                    }
                }
                for i in 0..areas {
                    let name = generate::area_name(i);
                    // Each indicator's table(s), and the name elsewhere (a
                    // criterion's list, the front page's list).
                    let found = occurrences(&words, &name);
                    assert!(
                        found >= indicators * tables,
                        "{doc}: «{name}» stands {found} times, not in all {} tables",
                        indicators * tables
                    );
                }
                let samlet = occurrences(&words, "Samlet");
                assert!(samlet >= indicators * tables, "{doc}: Samlet stands {samlet} times");
            }
        }
    }
}

#[test]
fn no_text_of_a_document_runs_into_other_text_even_with_an_area_name_of_three_lines() {
    // The value tables give their rows a fixed height when every name fits
    // on one line, and measure them when one does not: a name that wraps
    // must push its row down, never run into the next row. The chart texts
    // Typst sets over the drawing must not run into each other either.
    let long = "Boligområdet ved den gamle Strandvej med rækkehusene, højhusene og ungdomsboligerne ved havnen";
    let rendered = generated_with(4, 10, 2, |data| {
        let plan = data.join("plan.yaml");
        let text = std::fs::read_to_string(&plan).unwrap();
        std::fs::write(&plan, text.replacen(&format!("navn: {}", generate::area_name(0)), &format!("navn: {long}"), 1))
            .unwrap();
    });
    for pdf in rendered.outputs.iter().filter(|o| o.rel.extension().is_some_and(|e| e == "pdf")) {
        let Some(pages) = pages(&pdf.bytes) else { return };
        let mut seen = 0;
        for (n, (_, words)) in pages.iter().enumerate() {
            seen += words.windows(2).filter(|w| w[0].text == "ungdomsboligerne" && w[1].text == "ved").count();
            for (i, a) in words.iter().enumerate() {
                for b in &words[i + 1..] {
                    // Boxes that share more than half a point each way.
                    let across = a.x.1.min(b.x.1) - a.x.0.max(b.x.0);
                    let down = a.y.1.min(b.y.1) - a.y.0.max(b.y.0);
                    assert!(
                        across <= 0.5 || down <= 0.5,
                        "{}, page {}: «{}» {:?} {:?} runs into «{}» {:?} {:?}",
                        pdf.rel.display(),
                        n + 1,
                        a.text,
                        a.x,
                        a.y,
                        b.text,
                        b.x,
                        b.y
                    );
                }
            }
        }
        assert!(seen >= 2, "{}: the long name stands in the value tables ({seen} times)", pdf.rel.display());
    }
}

#[test]
fn a_site_page_does_not_grow_with_the_number_of_areas() {
    let page = |areas: usize, file: &str| {
        let rendered = generated(areas, 3, 1);
        let o = rendered.outputs.iter().find(|o| o.rel.to_str() == Some(&format!("site/{file}"))).unwrap();
        String::from_utf8(o.bytes.clone()).unwrap()
    };
    // Up to 8 areas the navigation names each.
    let few = page(8, "o0.html");
    assert!(few.contains(r#"<a href="o7.html">"#), "{few}");
    // With more, one link to the front page's list, and the description
    // counts them: an area's page is the same size with 9 areas as with 90.
    let many = page(9, "o0.html");
    assert!(!many.contains(r#"<a href="o8.html">"#));
    assert!(many.contains(r#"<a href="index.html#omraader-h">Boligområderne (9)</a>"#), "{many}");
    assert!(many.contains("en boligsocial helhedsplan for 9 boligområder"), "{many}");
    let lots = page(90, "o0.html");
    assert!(lots.contains("Boligområderne (90)"));
    assert!(lots.len() < many.len() + 200, "{} bytes with 90 areas, {} with 9", lots.len(), many.len());
    // The front page still lists every area.
    let index = page(9, "index.html");
    assert!(index.contains(r#"<li><a href="o8.html">"#), "{index}");
}
