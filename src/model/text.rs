//! Exact numbers: parsing decimals exactly as written in YAML and formatting
//! them the Danish way (`1.186`, `30,65`), rounding half away from zero once.

use rust_decimal::{Decimal, RoundingStrategy};

/// Parses a number exactly as written (`0.1` is 0,1; `30.65` stays 30,65).
///
/// Accepts an optional sign, digits and one decimal point. Scientific
/// notation, thousands separators and Danish decimal commas are refused so
/// that a figure is never silently read as something else.
pub fn parse_exact(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        if t.contains(',') && t.replace(',', ".").parse::<f64>().is_ok() {
            return Err(format!(
                "«{t}» er ikke et tal i YAML: brug punktum som decimaltegn (fx {})",
                t.replace(',', ".")
            ));
        }
        return Err(format!("«{t}» er ikke et tal"));
    }
    Decimal::from_str_exact(t).map_err(|_| format!("«{t}» er ikke et tal, der kan gemmes præcist"))
}

/// For a name from a file that helhed did not recognise: the characters in
/// it that are neither plain ASCII nor Danish letters, by code point, since
/// they look like others (a Cyrillic `е` like `e`, `a` with a combining ring
/// like `å`), e.g. `tegn nr. 2 er U+0435, ikke et almindeligt bogstav`;
/// `None` when there are none.
pub fn odd_characters(name: &str) -> Option<String> {
    let odd: Vec<String> = name
        .chars()
        .enumerate()
        .filter(|(_, c)| !(c.is_ascii_graphic() || *c == ' ' || "æøåÆØÅéÉ".contains(*c)))
        .take(3)
        .map(|(n, c)| format!("tegn nr. {} er U+{:04X}", n + 1, u32::from(c)))
        .collect();
    (!odd.is_empty()).then(|| format!("{}, ikke et almindeligt bogstav", join_with(&odd, "og")))
}

/// Rounds half away from zero to `decimals` places (the only rounding in helhed).
pub fn round(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Formats a number the Danish way with exactly `decimals` places:
/// thousands separated by `.`, decimals by `,`, an ASCII `-` for negatives.
pub fn format_da(value: Decimal, decimals: u32) -> String {
    format_grouped(value, decimals, true)
}

/// Like [`format_da`] without thousands separators (`1186,5`), as a
/// spreadsheet in Danish reads a number from CSV: a `.` there could be taken
/// for a decimal point by a spreadsheet in another language.
pub fn format_da_plain(value: Decimal, decimals: u32) -> String {
    format_grouped(value, decimals, false)
}

fn format_grouped(value: Decimal, decimals: u32, grouped: bool) -> String {
    let mut rounded = round(value, decimals);
    rounded.rescale(decimals);
    let text = rounded.abs().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::new();
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    let len = int_part.len();
    for (i, ch) in int_part.chars().enumerate() {
        if grouped && i > 0 && (len - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// The fewest decimals from `from` (at most `most`) at which `a` and `b`, and
/// their difference, print as different numbers; `from` when they are equal.
pub fn decimals_to_tell_apart(a: Decimal, b: Decimal, from: u32, most: u32) -> u32 {
    let apart = |d: u32| a == b || (round(a, d) != round(b, d) && !round(a - b, d).is_zero());
    (from..=most).find(|&d| apart(d)).unwrap_or(most)
}

/// Formats a number with the decimals it has, no more (`10`, `2,5`, `1.186`):
/// for parameters and amounts as written.
pub fn format_da_as_written(value: Decimal) -> String {
    let v = value.normalize();
    format_da(v, v.scale())
}

/// Formats a signed change with an explicit `+` for increases (`+4,2`, `-1,0`).
pub fn format_change_da(value: Decimal, decimals: u32) -> String {
    let text = format_da(value, decimals);
    if round(value, decimals) > Decimal::ZERO { format!("+{text}") } else { text }
}

/// `A`, `A og B`, `A, B og C`.
pub fn join_names(names: &[&str]) -> String {
    join_with(names, "og")
}

/// `A`, `A eller B`, `A, B eller C`: the list joined with `conjunction`.
pub fn join_with<S: AsRef<str>>(items: &[S], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {conjunction} {}", init.join(", "), last.as_ref())
        }
    }
}

/// Like [`join_with`] with "og", or `(ingen)` for an empty list.
pub fn join_or_none(items: &[&str]) -> String {
    if items.is_empty() { "(ingen)".to_string() } else { join_with(items, "og") }
}

/// Levenshtein distance between two names, by characters: how close a
/// name that is not known is to one that is (`mente du «kriminalitet»?`).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        parse_exact(s).unwrap()
    }

    #[test]
    fn parses_exactly_what_was_written() {
        assert_eq!(d("0.1").to_string(), "0.1");
        assert_eq!(d("30.65").to_string(), "30.65");
        assert_eq!(d("1186").to_string(), "1186");
        assert_eq!(d("-2.50").to_string(), "-2.50");
        assert!(parse_exact("30,65").unwrap_err().contains("punktum"));
        assert!(parse_exact("mange").unwrap_err().contains("«mange» er ikke et tal"));
        assert!(parse_exact("1e3").is_err());
        assert!(parse_exact(".").is_err());
    }

    #[test]
    fn formats_danish() {
        assert_eq!(format_da(d("1186"), 0), "1.186");
        assert_eq!(format_da(d("30.65"), 2), "30,65");
        assert_eq!(format_da(d("34.2"), 1), "34,2");
        assert_eq!(format_da(d("30"), 1), "30,0");
        assert_eq!(format_da(d("1234567.891"), 2), "1.234.567,89");
        assert_eq!(format_da(d("999.96"), 1), "1.000,0");
        assert_eq!(format_da(d("-1234.5"), 0), "-1.235");
        assert_eq!(format_da(d("0"), 1), "0,0");
        assert_eq!(format_da(d("-0.04"), 1), "0,0");
    }

    #[test]
    fn rounds_half_away_from_zero_once() {
        assert_eq!(format_da(d("0.25"), 1), "0,3");
        assert_eq!(format_da(d("0.35"), 1), "0,4");
        assert_eq!(format_da(d("-0.25"), 1), "-0,3");
        assert_eq!(format_da(d("2.5"), 0), "3");
        // 0,2449 is 0,2 at one decimal; rounding twice (0,245 then 0,25) would give 0,3.
        assert_eq!(format_da(d("0.2449"), 1), "0,2");
    }

    #[test]
    fn formats_changes_with_sign() {
        assert_eq!(format_change_da(d("4.2"), 1), "+4,2");
        assert_eq!(format_change_da(d("-1"), 1), "-1,0");
        assert_eq!(format_change_da(d("0.01"), 1), "0,0");
    }
}
