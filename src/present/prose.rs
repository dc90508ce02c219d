//! Prose from the data as a reader's page shows it: paragraphs and bullet
//! lists, and numbers that never part from their unit.
//!
//! The secretariat writes its texts in YAML. A folded block (`>-`) turns a
//! blank line into one line break, so a line break there separates
//! paragraphs; a literal block (`|`) keeps every line, so when a text has
//! blank lines, they separate paragraphs and a single line break is only
//! where the writer's line ended. A line starting with `- `, `* ` or `• ` is
//! a bullet point.

use serde::Serialize;

/// A block of prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "slags")]
pub enum Block {
    /// A paragraph.
    #[serde(rename = "afsnit")]
    Paragraph {
        /// Its text.
        tekst: String,
    },
    /// A bullet list.
    #[serde(rename = "punkter")]
    List {
        /// Its points.
        punkter: Vec<String>,
    },
}

/// The text's paragraphs and bullet lists.
pub fn blocks(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n");
    let blank_lines =
        text.lines().collect::<Vec<_>>().windows(2).any(|w| !w[0].trim().is_empty() && w[1].trim().is_empty())
            && text.trim().contains('\n');
    let mut out: Vec<Block> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph { tekst: keep_units(&paragraph.join(" ")) });
            paragraph.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut paragraph, &mut out);
            continue;
        }
        if let Some(point) = ["- ", "* ", "• "].iter().find_map(|m| line.strip_prefix(m)) {
            flush(&mut paragraph, &mut out);
            let point = keep_units(point.trim());
            match out.last_mut() {
                Some(Block::List { punkter }) => punkter.push(point),
                _ => out.push(Block::List { punkter: vec![point] }),
            }
            continue;
        }
        paragraph.push(line);
        if !blank_lines {
            flush(&mut paragraph, &mut out);
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

/// The text with a no-break space between a number and the unit after it
/// (`15 %`, `11.335 t.kr.`), so a line never breaks between them.
pub fn keep_units(text: &str) -> String {
    const UNITS: [&str; 6] = ["%", "‰", "t.kr.", "kr.", "mio.", "pct."];
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c == ' '
            && previous.is_some_and(|p| p.is_ascii_digit())
            && UNITS.iter().any(|u| text[i + 1..].starts_with(u))
        {
            out.push('\u{a0}');
        } else {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Block {
        Block::Paragraph { tekst: t.to_string() }
    }

    #[test]
    fn a_folded_blocks_line_breaks_separate_paragraphs() {
        // `>-` with a blank line between two paragraphs gives one line break.
        let text = "Aktiviteten har haft vanskeligheder.\nAktiviteten vurderes at være vigtig.";
        assert_eq!(
            blocks(text),
            vec![para("Aktiviteten har haft vanskeligheder."), para("Aktiviteten vurderes at være vigtig.")]
        );
    }

    #[test]
    fn in_a_text_with_blank_lines_a_single_line_break_is_only_a_wrapped_line() {
        let text = "Første afsnit skrevet\nover to linjer.\n\nAndet afsnit.\n";
        assert_eq!(blocks(text), vec![para("Første afsnit skrevet over to linjer."), para("Andet afsnit.")]);
    }

    #[test]
    fn dashes_at_line_starts_are_a_bullet_list() {
        let text = "Nogle af tiltagene er:\n- Større årlige begivenheder\n- Frivillige grupper\nSidste afsnit.";
        assert_eq!(
            blocks(text),
            vec![
                para("Nogle af tiltagene er:"),
                Block::List { punkter: vec!["Større årlige begivenheder".into(), "Frivillige grupper".into()] },
                para("Sidste afsnit."),
            ]
        );
    }

    #[test]
    fn a_number_keeps_its_unit() {
        assert_eq!(keep_units("reduceres med 15 % i alle"), "reduceres med 15\u{a0}% i alle");
        assert_eq!(keep_units("brugt 11.335 t.kr. i 2018"), "brugt 11.335\u{a0}t.kr. i 2018");
        // Not a unit: the space stays.
        assert_eq!(keep_units("de 4 områder"), "de 4 områder");
    }
}
