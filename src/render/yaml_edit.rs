//! Changes a year file's text in place for `helhed importer`: sets or
//! removes one key of a block (`antal:`, `værdier:`, `mangler:`, `kilder:`,
//! at the top or under `h1:`/`h2:`), and keeps every other byte, comments
//! and hand-written texts included.
//!
//! Year files are block YAML with one key per line, the form helhed itself
//! writes and documents. What this does not understand (a block written on
//! one line as `{…}`, a value spanning lines) is an error naming the line,
//! and the file is left as it is. The caller parses the result again and
//! checks every figure, so a change can never leave a file that reads
//! differently from what was meant.

use crate::present::import::{Edit, EditError};

/// A line of the file, as far as editing needs it.
struct Line<'a> {
    indent: usize,
    /// The key, unquoted, when the line is `key: …`.
    key: Option<&'a str>,
    /// What follows the key's colon, comment included.
    rest: &'a str,
    /// Blank or only a comment.
    empty: bool,
}

fn parse(line: &str) -> Line<'_> {
    let content = line.trim_start_matches(' ');
    let indent = line.len() - content.len();
    let empty = content.trim().is_empty() || content.starts_with('#');
    let none = Line { indent, key: None, rest: "", empty };
    if empty || content.starts_with("- ") || content == "-" {
        return none;
    }
    // The key: quoted, or up to a colon followed by a space, a tab or the end.
    let (key, after) = match content.chars().next() {
        Some(q @ ('"' | '\'')) => match content[1..].find(q) {
            Some(end) => (&content[1..=end], content[end + 2..].trim_start_matches([' ', '\t'])),
            None => return none,
        },
        _ => {
            let bytes = content.as_bytes();
            let colon = (0..bytes.len())
                .find(|&i| bytes[i] == b':' && bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\t'));
            match colon {
                Some(end) => (content[..end].trim_end(), &content[end..]),
                None => return none,
            }
        }
    };
    match after.strip_prefix(':') {
        Some(rest) => Line { indent, key: Some(key), rest, empty },
        None => none,
    }
}

/// Where the comment at the end of a value begins (a `#` after white space,
/// outside quotes), or the end.
fn comment_start(rest: &str) -> usize {
    let (mut double, mut single, mut escaped, mut space) = (false, false, false, true);
    for (i, c) in rest.char_indices() {
        match c {
            '#' if !double && !single && space => return i,
            '"' if !single && !escaped => double = !double,
            '\'' if !double => single = !single,
            _ => {}
        }
        escaped = double && c == '\\' && !escaped;
        space = c == ' ' || c == '\t';
    }
    rest.len()
}

/// The comment at the end of a value (`# …`), or "".
fn comment(rest: &str) -> &str {
    rest[comment_start(rest)..].trim()
}

/// The value of a key line without its comment.
fn value(rest: &str) -> &str {
    rest[..comment_start(rest)].trim()
}

/// Applies `edits` in order to a year file's text.
pub fn apply(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    // A byte order mark stays where it was, out of the way of the first key.
    let (bom, text) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for edit in edits {
        apply_one(&mut lines, edit)?;
    }
    let mut out = format!("{bom}{}", lines.join(newline));
    if !lines.is_empty() {
        out.push_str(newline);
    }
    Ok(out)
}

/// The end (exclusive) of the lines under the key line `at` with `indent`:
/// the next line with content at that indent or less.
fn end_of(lines: &[String], at: usize, indent: usize) -> usize {
    (at + 1..lines.len())
        .find(|&i| {
            let l = parse(&lines[i]);
            !l.empty && l.indent <= indent
        })
        .unwrap_or(lines.len())
}

/// After the last line with content in `start..end` (a comment indented by
/// `inner` or more counts: it belongs to what is above it), or `none` when
/// there is none.
fn after_content(lines: &[String], start: usize, end: usize, inner: usize, none: usize) -> usize {
    (start..end)
        .rev()
        .find(|&i| {
            let l = parse(&lines[i]);
            !l.empty || (!lines[i].trim().is_empty() && l.indent >= inner)
        })
        .map_or(none, |i| i + 1)
}

/// The indent of the first line with content in `start..end`, if deeper than `parent`.
fn child_indent(lines: &[String], start: usize, end: usize, parent: Option<usize>) -> Option<usize> {
    (start..end)
        .map(|i| parse(&lines[i]))
        .find(|l| !l.empty)
        .map(|l| l.indent)
        .filter(|&i| parent.is_none_or(|p| i > p))
}

/// Finds the line of `key` at `indent` within `start..end`.
fn find(lines: &[String], start: usize, end: usize, indent: usize, key: &str) -> Option<usize> {
    (start..end).find(|&i| {
        let l = parse(&lines[i]);
        l.indent == indent && l.key == Some(key)
    })
}

/// The block line's inline value must be nothing (or `{}`, made a block).
fn open_block(lines: &mut [String], at: usize) -> Result<(), EditError> {
    let l = parse(&lines[at]);
    match value(l.rest) {
        "" => Ok(()),
        "{}" => {
            let c = comment(l.rest).to_string();
            let key = l.key.unwrap_or_default().to_string();
            let indent = l.indent;
            lines[at] =
                format!("{}{key}:{}", " ".repeat(indent), if c.is_empty() { String::new() } else { format!(" {c}") });
            Ok(())
        }
        other => Err(EditError::OneLine {
            line: at + 1,
            key: l.key.unwrap_or_default().to_string(),
            value: other.to_string(),
        }),
    }
}

fn apply_one(lines: &mut Vec<String>, edit: &Edit) -> Result<(), EditError> {
    // The section: the whole file, or the lines under `h1:`/`h2:`.
    let (start, end, indent) = match edit.half {
        None => (0, lines.len(), 0),
        Some(h) => {
            let name = if h == 0 { "h1" } else { "h2" };
            match find(lines, 0, lines.len(), 0, name) {
                Some(at) => {
                    open_block(lines, at)?;
                    let end = end_of(lines, at, 0);
                    (at + 1, end, child_indent(lines, at + 1, end, Some(0)).unwrap_or(2))
                }
                None if edit.value.is_none() => return Ok(()),
                None => {
                    let at = after_content(lines, 0, lines.len(), 1, lines.len());
                    lines.insert(at, format!("{name}:"));
                    (at + 1, at + 1, 2)
                }
            }
        }
    };
    let block = edit.block.key();
    let (block_at, block_end, inner) = match find(lines, start, end, indent, block) {
        Some(at) => {
            open_block(lines, at)?;
            let block_end = end_of(lines, at, indent);
            (at, block_end, child_indent(lines, at + 1, block_end, Some(indent)).unwrap_or(indent + 2))
        }
        None if edit.value.is_none() => return Ok(()),
        None => {
            let at = match edit.half {
                // At the top, new blocks go before `h1:`/`h2:` and the comments above them.
                None => {
                    let halves = ["h1", "h2"].iter().filter_map(|h| find(lines, 0, lines.len(), 0, h)).min();
                    match halves {
                        Some(mut h) => {
                            while h > 0 && parse(&lines[h - 1]).empty && lines[h - 1].starts_with('#') {
                                h -= 1;
                            }
                            h
                        }
                        None => after_content(lines, 0, lines.len(), 1, lines.len()),
                    }
                }
                Some(_) => after_content(lines, start, end, indent + 1, start),
            };
            lines.insert(at, format!("{}{block}:", " ".repeat(indent)));
            (at, at + 1, indent + 2)
        }
    };
    match find(lines, block_at + 1, block_end, inner, &edit.key) {
        Some(at) => {
            let l = parse(&lines[at]);
            let below = end_of(lines, at, inner);
            if below > at + 1 && (at + 1..below).any(|i| !parse(&lines[i]).empty)
                || value(l.rest).starts_with(['|', '>'])
            {
                return Err(EditError::Lines { line: at + 1, key: edit.key.clone() });
            }
            match &edit.value {
                Some(v) => {
                    let c = comment(l.rest);
                    let head = &lines[at][..lines[at].len() - l.rest.len()];
                    lines[at] = if c.is_empty() { format!("{head} {v}") } else { format!("{head} {v}  {c}") };
                }
                None => {
                    // The line goes; a comment on it stays, on a line of its own.
                    let c = comment(l.rest).to_string();
                    if c.is_empty() {
                        lines.remove(at);
                    } else {
                        lines[at] = format!("{}{c}", " ".repeat(inner));
                    }
                    // A block left with nothing in it, not even a comment, goes too.
                    let end = end_of(lines, block_at, indent);
                    if (block_at + 1..end).all(|i| lines[i].trim().is_empty())
                        && comment(parse(&lines[block_at]).rest).is_empty()
                    {
                        lines.remove(block_at);
                    }
                }
            }
        }
        None => {
            if let Some(v) = &edit.value {
                let at = after_content(lines, block_at + 1, block_end, inner, block_at + 1);
                lines.insert(at, format!("{}{}: {v}", " ".repeat(inner), edit.key));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::import::Block;

    fn set(half: Option<usize>, block: Block, key: &str, value: Option<&str>) -> Edit {
        Edit { half, block, key: key.into(), value: value.map(str::to_string) }
    }

    const FILE: &str = "# motalavej 2018: kommentar\neksempeldata: true\nantal:\n  beboere: 1174   # fra LBF\n  trygge: 101\nværdier:\n  tilbagefald: 40.0\nh1:\n  antal:\n    fritidsjob: 6\n";

    #[test]
    fn a_value_is_replaced_and_its_comment_kept() {
        let out = apply(FILE, &[set(None, Block::Counts, "beboere", Some("1180"))]).unwrap();
        assert_eq!(out, FILE.replace("beboere: 1174   # fra LBF", "beboere: 1180  # fra LBF"));
    }

    #[test]
    fn a_new_key_goes_at_the_end_of_its_block() {
        let out = apply(FILE, &[set(None, Block::Counts, "utrygge", Some("33"))]).unwrap();
        assert!(out.contains("  trygge: 101\n  utrygge: 33\nværdier:"), "{out}");
    }

    #[test]
    fn a_new_block_goes_before_the_half_years() {
        let out =
            apply(FILE, &[set(None, Block::Sources, "beboere", Some("{fil: \"a.csv\", celle: \"C4\"}"))]).unwrap();
        assert!(out.contains("  tilbagefald: 40.0\nkilder:\n  beboere: {fil: \"a.csv\", celle: \"C4\"}\nh1:"), "{out}");
    }

    #[test]
    fn half_years_are_found_and_made() {
        let out = apply(
            FILE,
            &[
                set(Some(0), Block::Counts, "fritidsjob", Some("7")),
                set(Some(1), Block::Counts, "fritidsjob", Some("8")),
            ],
        )
        .unwrap();
        assert!(out.ends_with("h1:\n  antal:\n    fritidsjob: 7\nh2:\n  antal:\n    fritidsjob: 8\n"), "{out}");
    }

    #[test]
    fn a_removed_key_takes_an_emptied_block_with_it() {
        let text = "antal:\n  beboere: 1\nmangler:\n  trygge: \"tom celle i kilden\"\n";
        let out =
            apply(text, &[set(None, Block::Withheld, "trygge", None), set(None, Block::Counts, "trygge", Some("101"))])
                .unwrap();
        assert_eq!(out, "antal:\n  beboere: 1\n  trygge: 101\n");
    }

    #[test]
    fn a_blank_left_to_fill_in_is_filled() {
        let text = "h2:\n  antal:\n    fritidsjob:   # udfyld\n";
        let out = apply(text, &[set(Some(1), Block::Counts, "fritidsjob", Some("9"))]).unwrap();
        assert_eq!(out, "h2:\n  antal:\n    fritidsjob: 9  # udfyld\n");
    }

    #[test]
    fn a_one_line_block_is_refused_at_its_line() {
        let text = "note: x\nantal: {beboere: 1}\n";
        let err = apply(text, &[set(None, Block::Counts, "beboere", Some("2"))]).unwrap_err();
        assert_eq!(err, EditError::OneLine { line: 2, key: "antal".into(), value: "{beboere: 1}".into() });
    }

    #[test]
    fn crlf_and_quoted_comments_survive() {
        let text = "note: \"a # not a comment\"\r\nantal:\r\n  beboere: 5 # c\r\n";
        let out = apply(text, &[set(None, Block::Counts, "beboere", Some("6"))]).unwrap();
        assert_eq!(out, "note: \"a # not a comment\"\r\nantal:\r\n  beboere: 6  # c\r\n");
    }

    #[test]
    fn a_removed_key_keeps_its_comment() {
        let text = "mangler:\n  beboere: \"kommer i marts\"  # spurgt LBF 3/2\n";
        let out = apply(
            text,
            &[set(None, Block::Withheld, "beboere", None), set(None, Block::Counts, "beboere", Some("1180"))],
        )
        .unwrap();
        assert_eq!(out, "mangler:\n  # spurgt LBF 3/2\nantal:\n  beboere: 1180\n");
    }

    #[test]
    fn quotes_in_a_flow_mapping_hide_a_hash() {
        let text = "kilder:\n  beboere: {fil: \"tal #2.csv\", celle: \"D2\"}  # c\n";
        let out =
            apply(text, &[set(None, Block::Sources, "beboere", Some("{fil: \"ny.csv\", celle: \"D2\"}"))]).unwrap();
        assert_eq!(out, "kilder:\n  beboere: {fil: \"ny.csv\", celle: \"D2\"}  # c\n");
    }

    #[test]
    fn odd_but_valid_lines_are_understood() {
        // A tab after the colon, a comment with trailing spaces, a quoted key
        // with a space before its colon, a byte order mark.
        let text = "\u{feff}antal:\t# fra LBF  \n  \"beboere\"   : 1\n";
        let out = apply(text, &[set(None, Block::Counts, "beboere", Some("2"))]).unwrap();
        assert_eq!(out, "\u{feff}antal:\t# fra LBF  \n  \"beboere\"   : 2\n");
    }

    #[test]
    fn an_empty_file_gets_its_block() {
        let out = apply("# ny fil\n", &[set(None, Block::Counts, "beboere", Some("3"))]).unwrap();
        assert_eq!(out, "# ny fil\nantal:\n  beboere: 3\n");
    }
}
