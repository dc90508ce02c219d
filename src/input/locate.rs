//! Positions of keys and values in a YAML text.
//!
//! `yaml_serde` turns a file into typed structs but keeps no positions, and
//! most problems (an unknown area, a zero denominator) are only found after
//! deserialising. This index, built from the parser events of the same text,
//! answers "where is `antal.beboere`?" so every message can name its line.
//! It also finds duplicated keys, which a map would otherwise swallow.
//!
//! It is also the gate every data file passes before `yaml_serde` sees it:
//! anchors and aliases (which serde would expand, so that a few kilobytes
//! can fill gigabytes), nesting deeper than [`MAX_DEPTH`] and a second
//! document are refused here, at their position, while the cost of reading
//! is still linear in the file.

use crate::model::diag::Pos;
use crate::model::text::format_da;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};
use std::collections::{HashMap, HashSet};

/// Where one node of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    /// The key that names the node (or the node itself in a list).
    pub key: Pos,
    /// The value.
    pub value: Pos,
}

/// A key written twice in the same mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The repeated key.
    pub key: String,
    /// The first occurrence.
    pub first: Pos,
    /// The repeat.
    pub again: Pos,
}

/// The positions of every node of a YAML document, by path.
///
/// Each node is stored once, under its parent's number and its own name
/// (a key, or a list index), so the index grows with the number of nodes,
/// not with their depth.
#[derive(Debug, Default, Clone)]
pub struct Locator {
    /// (parent's number, name) → (the node's number, where it is). The
    /// document's top node is number 0.
    nodes: HashMap<(u32, Box<str>), (u32, Loc)>,
    /// Where the top node is.
    root: Option<Loc>,
    /// Keys that occur twice in one mapping.
    pub duplicates: Vec<Duplicate>,
    /// Whether the document has any content: a list, a mapping or a value.
    content: bool,
    /// Where a value written in quotes starts: `"12"` is text, not a number.
    quoted: HashSet<Pos>,
}

/// The deepest nesting of lists and mappings a data file may have; the data
/// format needs five.
pub const MAX_DEPTH: usize = 32;

/// The longest text one value may hold, in characters: a status text of
/// several pages is a fifth of it, and a document stays within its memory
/// bound with every text of a status file this long.
pub const MAX_TEXT: usize = 10_000;

/// A character a text may not hold: a control character (other than line
/// breaks and tabs) or a Unicode line or paragraph separator. None of them
/// can be shown on a page, and some break the documents' formats.
fn unprintable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Whether a character can be set in a document: the pipeline passes the
/// embedded fonts' coverage (`render::fonts::shown`), so text that no font
/// holds is refused here, at its position.
pub type Shown = fn(char) -> bool;

/// A syntax error, or a construct the data files do not use: where, and a
/// Danish sentence.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    /// Where the parser stopped.
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
}

enum Frame {
    Map { id: u32, key: Option<(String, Pos)> },
    Seq { id: u32, index: usize },
}

/// The YAML parser's message in Danish, with what to do about it; one it
/// does not know is quoted as it is.
fn danish_scan_error(info: &str) -> String {
    let said = match info {
        "invalid indentation" | "invalid indentation in flow construct" | "invalid indentation in quoted scalar" => {
            "forkert indrykning: linjen er rykket ind, så den ikke passer til linjerne over den"
        }
        "mapping values are not allowed in this context" => {
            "et kolon står, hvor en ny nøgle ikke kan begynde; sæt teksten i anførselstegn, eller ret indrykningen"
        }
        "while parsing a block mapping, did not find expected key" => {
            "her ventede en nøgle (navn: værdi); er linjen rykket forkert ind?"
        }
        "while parsing a block collection, did not find expected '-' indicator" => {
            "et punkt i listen mangler sin bindestreg (- ), eller linjen er rykket forkert ind"
        }
        "block sequence entries are not allowed in this context" => {
            "en bindestreg (- ) står, hvor en liste ikke kan begynde; ret indrykningen"
        }
        "while parsing a flow sequence, expected ',' or ']'" => "en liste i [ ] mangler et komma eller sin ]",
        "while parsing a flow mapping, did not find expected ',' or '}'" => {
            "en mapping i { } mangler et komma eller sin }"
        }
        "while scanning a quoted scalar, found unexpected end of stream" => {
            "en tekst i anførselstegn slutter aldrig: det afsluttende anførselstegn mangler"
        }
        "while scanning a plain scalar, found a tab" => "der står et tabulatortegn; ryk ind med mellemrum",
        "while parsing a node, did not find expected node content" => "her mangler en værdi",
        "simple key expected" | "simple key expect ':'" => "et kolon (:) mangler efter nøglen",
        "while parsing a quoted scalar, found unknown escape character" => {
            "en tekst i dobbelte anførselstegn har en ukendt \\-kode; brug enkelte anførselstegn"
        }
        "unexpected end of plain scalar" | "unexpected eof" => "filen slutter midt i en værdi",
        "found unprintable character" => "der står et tegn, der ikke kan vises",
        "recursion limit exceeded" => "filen er indlejret for dybt",
        _ => return format!("YAML-læseren siger «{info}»"),
    };
    said.to_string()
}

fn pos(m: &Marker) -> Pos {
    Pos { line: m.line(), column: m.col() + 1 }
}

impl Locator {
    /// Indexes `text`, or says where it is not valid YAML or holds what a
    /// data file may not (see the module's documentation), including a
    /// character that is not `shown`.
    pub fn new(text: &str, shown: Shown) -> Result<Locator, SyntaxError> {
        let mut locator = Locator::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut documents = 0;
        for item in Parser::new_from_str(text) {
            let (event, span) = item.map_err(|e: ScanError| SyntaxError {
                pos: pos(e.marker()),
                message: format!("filen er ikke gyldig YAML: {}", danish_scan_error(e.info())),
            })?;
            let at = pos(&span.start);
            let refuse = |message: &str| Err(SyntaxError { pos: at, message: message.to_string() });
            match &event {
                Event::Alias(_) => {
                    return refuse(
                        "aliasser (*navn) bruges ikke i helheds datafiler; skriv værdien ud, hvor den bruges",
                    );
                }
                Event::Scalar(_, _, anchor, _) | Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _)
                    if *anchor > 0 =>
                {
                    return refuse("ankre (&navn) bruges ikke i helheds datafiler; skriv værdien ud, hvor den bruges");
                }
                Event::SequenceStart(..) | Event::MappingStart(..) if stack.len() >= MAX_DEPTH => {
                    return refuse(&format!(
                        "lister og mappings er indlejret mere end {MAX_DEPTH} niveauer dybt; helheds data bruger højst fem"
                    ));
                }
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        return refuse("filen har mere end ét YAML-dokument (adskilt af ---); en datafil har ét");
                    }
                }
                Event::Scalar(value, ..) if value.chars().count() > MAX_TEXT => {
                    return refuse(&format!(
                        "teksten er {} tegn lang; en værdi må højst have {} tegn",
                        format_da(rust_decimal::Decimal::from(value.chars().count()), 0),
                        format_da(rust_decimal::Decimal::from(MAX_TEXT), 0)
                    ));
                }
                Event::Scalar(value, ..) if value.chars().any(unprintable) => {
                    let (n, c) = value.chars().enumerate().find(|(_, c)| unprintable(*c)).unwrap_or((0, ' '));
                    return refuse(&format!(
                        "teksten har tegnet U+{:04X} (tegn nr. {} i værdien), som ikke kan vises; fjern det",
                        u32::from(c),
                        n + 1
                    ));
                }
                Event::Scalar(value, ..) if !value.chars().all(shown) => {
                    let (n, c) = value.chars().enumerate().find(|(_, c)| !shown(*c)).unwrap_or((0, ' '));
                    return refuse(&format!(
                        "teksten har tegnet U+{:04X} (tegn nr. {} i værdien), som ingen af helheds indbyggede skrifttyper kan vise; fjern det eller skriv det på en anden måde",
                        u32::from(c),
                        n + 1
                    ));
                }
                Event::MappingStart(..) | Event::SequenceStart(..)
                    if matches!(stack.last(), Some(Frame::Map { key: None, .. })) =>
                {
                    return refuse("en nøgle skal være et navn, ikke en liste eller mapping");
                }
                Event::SequenceStart(..) | Event::MappingStart(..) => locator.content = true,
                Event::Scalar(value, ..) if !matches!(value.trim(), "" | "~" | "null") => locator.content = true,
                _ => {}
            }
            match event {
                Event::Scalar(value, style, ..) => {
                    if locator.take_key(&mut stack, &value, at) {
                        continue;
                    }
                    locator.place_value(&mut stack, at);
                    if matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted) {
                        locator.quoted.insert(at);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let id = locator.place_value(&mut stack, at);
                    let frame = match event {
                        Event::MappingStart(..) => Frame::Map { id, key: None },
                        _ => Frame::Seq { id, index: 0 },
                    };
                    stack.push(frame);
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        Ok(locator)
    }

    /// If the next node is a mapping key, records it and returns true.
    fn take_key(&mut self, stack: &mut [Frame], key: &str, at: Pos) -> bool {
        let Some(Frame::Map { id, key: slot @ None }) = stack.last_mut() else {
            return false;
        };
        // The earlier value under this key is already placed.
        if let Some((_, first)) = self.nodes.get(&(*id, Box::from(key))) {
            self.duplicates.push(Duplicate { key: key.to_string(), first: first.key, again: at });
        }
        *slot = Some((key.to_string(), at));
        true
    }

    /// Records a value node under the current key or list index and returns its number.
    fn place_value(&mut self, stack: &mut [Frame], at: Pos) -> u32 {
        let (parent, name, key_pos) = match stack.last_mut() {
            None => {
                self.root.get_or_insert(Loc { key: at, value: at });
                return 0;
            }
            Some(Frame::Map { id, key }) => {
                let (name, key_pos) = key.take().unwrap_or_else(|| ("?".to_string(), at));
                (*id, name, key_pos)
            }
            Some(Frame::Seq { id, index }) => {
                *index += 1;
                (*id, (*index - 1).to_string(), at)
            }
        };
        let next = u32::try_from(self.nodes.len() + 1).unwrap_or(u32::MAX);
        // The first occurrence wins, so a duplicate does not hide the original.
        self.nodes.entry((parent, name.into_boxed_str())).or_insert((next, Loc { key: key_pos, value: at })).0
    }

    /// Whether the document holds nothing: an empty file, only comments, or
    /// an empty value.
    pub fn is_empty(&self) -> bool {
        !self.content
    }

    /// Whether the value at `at` is written in quotes (`"12"`, `'12'`).
    pub fn quoted(&self, at: Pos) -> bool {
        self.quoted.contains(&at)
    }

    /// The position of the node at `path`, e.g. `["antal", "beboere"]`.
    pub fn get(&self, path: &[&str]) -> Option<Loc> {
        let mut id = 0;
        let mut loc = self.root?;
        for name in path {
            (id, loc) = *self.nodes.get(&(id, Box::from(*name)))?;
        }
        Some(loc)
    }

    /// The position of the key at `path`, or of the nearest enclosing node that exists.
    pub fn key(&self, path: &[&str]) -> Option<Pos> {
        (0..=path.len()).rev().find_map(|n| self.get(&path[..n]).map(|l| l.key))
    }

    /// The position of the value at `path`, or of the nearest enclosing node.
    pub fn value(&self, path: &[&str]) -> Option<Pos> {
        (0..=path.len()).rev().find_map(|n| self.get(&path[..n]).map(|l| l.value))
    }
}

#[cfg(test)]
mod danish_tests {
    use super::*;

    #[test]
    fn yaml_syntax_errors_are_danish() {
        let e = Locator::new("a:\n  b: 1\n c: 2\n", |_| true).unwrap_err();
        assert!(e.message.starts_with("filen er ikke gyldig YAML: "), "{}", e.message);
        assert!(!e.message.contains("invalid") && !e.message.contains("expected"), "{}", e.message);
        let e = Locator::new("a: \"ikke slut\n", |_| true).unwrap_err();
        assert_eq!(
            e.message,
            "filen er ikke gyldig YAML: en tekst i anførselstegn slutter aldrig: det afsluttende anførselstegn mangler"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_values_and_list_items() {
        let text = "plan:\n  navn: X\nområder:\n  - id: a\n    navn: A\n  - id: b\n";
        let l = Locator::new(text, |_| true).unwrap();
        assert_eq!(l.key(&["plan", "navn"]), Some(Pos { line: 2, column: 3 }));
        assert_eq!(l.value(&["plan", "navn"]), Some(Pos { line: 2, column: 9 }));
        assert_eq!(l.key(&["områder", "1", "id"]), Some(Pos { line: 6, column: 5 }));
        assert_eq!(l.value(&["områder", "0", "navn"]), Some(Pos { line: 5, column: 11 }));
        // Unknown paths fall back to the nearest parent.
        assert_eq!(l.key(&["plan", "nope"]), Some(Pos { line: 1, column: 1 }));
        assert!(l.duplicates.is_empty());
    }

    #[test]
    fn reports_duplicate_keys() {
        let l = Locator::new("antal:\n  beboere: 1\n  boliger: 2\n  beboere: 3\n", |_| true).unwrap();
        assert_eq!(
            l.duplicates,
            vec![Duplicate {
                key: "beboere".into(),
                first: Pos { line: 2, column: 3 },
                again: Pos { line: 4, column: 3 },
            }]
        );
        assert_eq!(l.value(&["antal", "beboere"]), Some(Pos { line: 2, column: 12 }));
    }

    #[test]
    fn reports_syntax_errors_with_position() {
        let e = Locator::new("a: [1, 2\nb: 3\n", |_| true).unwrap_err();
        assert!(e.pos.line >= 1);
        assert!(!e.message.is_empty());
    }
}
