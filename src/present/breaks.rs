//! Break opportunities in text no line could otherwise hold.
//!
//! Typst breaks lines at spaces, after hyphens and slashes, and hyphenates
//! Danish words. A run of letters longer than any real word (a pasted
//! reference number, a URL without slashes, 10.000 times the same letter)
//! has none of these and would run off the page. Such a run gets an
//! invisible break opportunity (U+200B ZERO WIDTH SPACE) every
//! [`STEP`] characters; text a reader writes is never touched.

use serde::Serialize;
use serde_json::Value;

/// A run shorter than this is a word (the longest Danish words in the
/// plans have about 35 letters) and left to hyphenation.
pub const LONGEST_WORD: usize = 40;

/// How far apart the inserted break opportunities are.
pub const STEP: usize = 15;

/// Fields of the documents' data that name things for the template (files,
/// labels, codes), not text for the reader.
const MACHINE_FIELDS: [&str; 7] = ["afsnit", "figur", "format", "id", "kode", "label", "slags"];

/// A document's data as the JSON its template reads, with break
/// opportunities in every over-long run of the reader's text.
pub fn document_json(data: &impl Serialize) -> Vec<u8> {
    let mut value = serde_json::to_value(data).expect("the document's data serialise");
    walk(&mut value);
    serde_json::to_vec(&value).expect("a JSON value serialises")
}

fn walk(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Some(broken) = breakable(s) {
                *s = broken;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(walk),
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if !MACHINE_FIELDS.contains(&key.as_str()) {
                    walk(v);
                }
            }
        }
        _ => {}
    }
}

/// `text` with a break opportunity every [`STEP`] characters of a run longer
/// than [`LONGEST_WORD`] without one; `None` when it has no such run.
pub fn breakable(text: &str) -> Option<String> {
    let opens = |c: char| c.is_whitespace() || matches!(c, '-' | '/' | '\u{2010}'..='\u{2015}' | '\u{200B}');
    let mut run = 0;
    let mut longest = 0;
    for c in text.chars() {
        run = if opens(c) { 0 } else { run + 1 };
        longest = longest.max(run);
    }
    if longest <= LONGEST_WORD {
        return None;
    }
    // Each run is measured in full first, so a word is never split because
    // a longer one came before it.
    let mut out = String::with_capacity(text.len() + text.len() / STEP * 3);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let n = word.chars().count();
        for (i, c) in word.chars().enumerate() {
            if n > LONGEST_WORD && i > 0 && i % STEP == 0 {
                out.push('\u{200B}');
            }
            out.push(c);
        }
        word.clear();
    };
    for c in text.chars() {
        if opens(c) {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_left_alone() {
        assert_eq!(breakable("Boligsocialhelhedsplanssekretariatet holder møde"), None);
        assert_eq!(breakable("https://www.lbf.dk/statistik/beboerdata/tabel-22"), None);
    }

    #[test]
    fn an_over_long_run_gets_a_break_opportunity_every_step() {
        let long = "x".repeat(50);
        let broken = breakable(&format!("før {long} efter")).unwrap();
        let expected = format!(
            "før {}\u{200B}{}\u{200B}{}\u{200B}{} efter",
            "x".repeat(15),
            "x".repeat(15),
            "x".repeat(15),
            "x".repeat(5)
        );
        assert_eq!(broken, expected);
        assert_eq!(broken.replace('\u{200B}', ""), format!("før {long} efter"));
    }

    #[test]
    fn machine_fields_are_not_touched() {
        let id = "a".repeat(64);
        let data = serde_json::json!({ "id": id, "figur": format!("figurer/{id}.svg"), "navn": id });
        let out: Value = serde_json::from_slice(&document_json(&data)).unwrap();
        assert_eq!(out["id"], Value::String(id.clone()));
        assert_eq!(out["figur"], Value::String(format!("figurer/{id}.svg")));
        assert_ne!(out["navn"], Value::String(id));
    }
}
