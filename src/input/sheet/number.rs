//! Numbers in a table's cells: text in a decimal dialect to an exact
//! decimal, what a cell says about the dialect, and a spreadsheet's float to
//! the decimal Excel shows.

use super::DecimalMark;
use rust_decimal::Decimal;

/// The number `text` is in the dialect of `mark`, or `None` when it is not
/// a plainly written number (see the module doc of `sheet` for the rules).
pub fn parse(text: &str, mark: DecimalMark) -> Option<Decimal> {
    let text = text.trim();
    let (negative, body) = match text.strip_prefix('-').or_else(|| text.strip_prefix('\u{2212}')) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (sep, group) = match mark {
        DecimalMark::Comma => (',', Some('.')),
        DecimalMark::Point => ('.', None),
    };
    let (int, frac) = match body.split_once(sep) {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let int: String = match group {
        Some(g) if int.contains(g) => {
            let mut parts = int.split(g);
            let first = parts.next().unwrap_or_default();
            if !digits(first) || first.len() > 3 || first.starts_with('0') {
                return None;
            }
            let mut all = first.to_string();
            for part in parts {
                if part.len() != 3 || !digits(part) {
                    return None;
                }
                all.push_str(part);
            }
            all
        }
        _ => {
            if !digits(int) {
                return None;
            }
            int.to_string()
        }
    };
    // A whole number with a leading zero is a code (`0101`), not a count.
    if frac.is_none() && int.len() > 1 && int.starts_with('0') {
        return None;
    }
    let mut canonical = String::with_capacity(text.len() + 1);
    if negative {
        canonical.push('-');
    }
    canonical.push_str(&int);
    if let Some(frac) = frac {
        if !digits(frac) {
            return None;
        }
        canonical.push('.');
        canonical.push_str(frac);
    }
    Decimal::from_str_exact(&canonical).ok()
}

/// What one cell says about the decimal mark of its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Not a number at all, or a whole number: says nothing.
    Nothing,
    /// `12,5`, `1.186,5`, `1.186.000`.
    Comma,
    /// `30.65`, `1,186.5`, `1,186,000`.
    Point,
    /// `1.186` or `1,186`: either a decimal or thousands.
    Either,
}

/// What `text` says about the decimal mark.
pub fn evidence(text: &str) -> Evidence {
    let text = text.trim();
    let body = text.strip_prefix('-').or_else(|| text.strip_prefix('\u{2212}')).unwrap_or(text);
    if body.is_empty()
        || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        || !body.bytes().any(|b| b.is_ascii_digit())
    {
        return Evidence::Nothing;
    }
    let commas = body.matches(',').count();
    let points = body.matches('.').count();
    let one = |sep: char, count: usize, other: Evidence, this: Evidence| {
        if count > 1 {
            // Only thousands repeat: `1.186.000` groups with points.
            return other;
        }
        let (before, after) = body.split_once(sep).unwrap_or((body, ""));
        if after.len() == 3 && (1..=3).contains(&before.len()) && !before.starts_with('0') {
            Evidence::Either
        } else {
            this
        }
    };
    match (commas, points) {
        (0, 0) => Evidence::Nothing,
        (_, 0) => one(',', commas, Evidence::Point, Evidence::Comma),
        (0, _) => one('.', points, Evidence::Comma, Evidence::Point),
        _ => {
            if body.rfind(',') > body.rfind('.') {
                Evidence::Comma
            } else {
                Evidence::Point
            }
        }
    }
}

/// The decimal a spreadsheet shows for a float it stores: rounded to 15
/// significant digits, as Excel displays and keeps what is typed into it.
///
/// This is the only place a float appears in helhed: calamine gives
/// spreadsheet numbers as `f64`, the way the file stores them. A typed
/// `30.65` is stored as 30.649999999999998578…; rounding the exact binary
/// value to 15 significant digits gives back 30.65, and the result of a
/// formula such as `=0,1+0,2` (0.30000000000000004) becomes the 0,3 Excel
/// shows. (`Decimal::from_f64_retain` would keep the binary noise; the
/// shortest round-trip text, `format!("{}")`, keeps a formula's.) `None` for
/// infinities, NaN and magnitudes outside `Decimal`'s range.
pub fn from_f64(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    if value == 0.0 {
        return Some(Decimal::ZERO);
    }
    // `{:.14e}`: one digit, a point and 14 more, correctly rounded from the
    // exact binary value; e.g. `3.06500000000000e1`.
    let text = format!("{value:.14e}");
    let (mantissa, exponent) = text.split_once('e')?;
    let exponent: i32 = exponent.parse().ok()?;
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    // digits × 10^(exponent − 14)
    let shift = exponent - 14;
    let mut result = if shift >= 0 {
        let mut d = Decimal::from_str_exact(&digits).ok()?;
        for _ in 0..shift {
            d = d.checked_mul(Decimal::TEN)?;
        }
        d
    } else {
        let scale = u32::try_from(-shift).ok()?;
        if scale > 28 + 14 {
            return Some(Decimal::ZERO);
        }
        let whole: i128 = digits.parse().ok()?;
        if scale > 28 {
            // Below Decimal's resolution: round to 28 places, half away
            // from zero (the digits are positive here).
            let divisor = 10_i128.pow(scale - 28);
            Decimal::from_i128_with_scale((whole + divisor / 2) / divisor, 28)
        } else {
            Decimal::from_i128_with_scale(whole, scale)
        }
    };
    if negative {
        result.set_sign_negative(true);
    }
    Some(result.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalMark::{Comma, Point};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn danish_numbers_group_thousands_with_points() {
        assert_eq!(parse("12,5", Comma), Some(d("12.5")));
        assert_eq!(parse("1.186", Comma), Some(d("1186")));
        assert_eq!(parse("1.186,5", Comma), Some(d("1186.5")));
        assert_eq!(parse("12.345.678,25", Comma), Some(d("12345678.25")));
        assert_eq!(parse("-3,25", Comma), Some(d("-3.25")));
        assert_eq!(parse("\u{2212}3,25", Comma), Some(d("-3.25")));
        assert_eq!(parse(" 0,5 ", Comma), Some(d("0.5")));
        assert_eq!(parse("30,650", Comma).map(|n| n.to_string()), Some("30.650".to_string()));
        for text in
            ["1.18", "1.1860", "12.5", ",5", "5,", "1,2,3", "0.186", "1 186", "12 %", "1E5", "..", "x", "<5", "-", ""]
        {
            assert_eq!(parse(text, Comma), None, "{text}");
        }
    }

    #[test]
    fn point_numbers_have_no_thousands_separator() {
        assert_eq!(parse("30.65", Point), Some(d("30.65")));
        assert_eq!(parse("1186", Point), Some(d("1186")));
        assert_eq!(parse("-0.5", Point), Some(d("-0.5")));
        for text in ["1,186", "1,186.5", "12,5", "1.2.3", ".5"] {
            assert_eq!(parse(text, Point), None, "{text}");
        }
    }

    #[test]
    fn a_whole_number_with_a_leading_zero_is_a_code() {
        assert_eq!(parse("0101", Comma), None);
        assert_eq!(parse("0", Comma), Some(Decimal::ZERO));
        assert_eq!(parse("0,25", Comma), Some(d("0.25")));
    }

    #[test]
    fn more_digits_than_a_decimal_holds_is_text() {
        assert_eq!(parse("123456789012345678901234567890", Point), None);
    }

    #[test]
    fn cells_tell_the_decimal_mark_when_they_can() {
        assert_eq!(evidence("12,5"), Evidence::Comma);
        assert_eq!(evidence("1.186,5"), Evidence::Comma);
        assert_eq!(evidence("1.186.000"), Evidence::Comma);
        assert_eq!(evidence("30.65"), Evidence::Point);
        assert_eq!(evidence("1,186.5"), Evidence::Point);
        assert_eq!(evidence("1,186,000"), Evidence::Point);
        assert_eq!(evidence("1.186"), Evidence::Either);
        assert_eq!(evidence("1,186"), Evidence::Either);
        assert_eq!(evidence("0,186"), Evidence::Comma);
        assert_eq!(evidence("1186"), Evidence::Nothing);
        assert_eq!(evidence("Slagelse"), Evidence::Nothing);
        assert_eq!(evidence(".."), Evidence::Nothing);
    }

    #[test]
    fn a_float_becomes_the_decimal_excel_shows() {
        assert_eq!(from_f64(30.65), Some(d("30.65")));
        assert_eq!(from_f64(1186.0), Some(d("1186")));
        assert_eq!(from_f64(-2.5), Some(d("-2.5")));
        assert_eq!(from_f64(0.1), Some(d("0.1")));
        // A formula's float noise: =0,1+0,2 and =1/3.
        assert_eq!(from_f64("0.30000000000000004".parse().unwrap()), Some(d("0.3")));
        assert_eq!(from_f64("0.3333333333333333".parse().unwrap()), Some(d("0.333333333333333")));
        assert_eq!(from_f64(1e15), Some(d("1000000000000000")));
        assert_eq!(from_f64(123_456_789_012_345_680.0), Some(d("123456789012346000")));
        assert_eq!(from_f64(1e-7), Some(d("0.0000001")));
        assert_eq!(from_f64(0.0), Some(Decimal::ZERO));
        assert_eq!(from_f64(-0.0), Some(Decimal::ZERO));
        assert_eq!(from_f64(f64::NAN), None);
        assert_eq!(from_f64(f64::INFINITY), None);
        assert_eq!(from_f64(1e300), None);
        assert_eq!(from_f64(1e-300), Some(Decimal::ZERO));
    }

    #[test]
    fn the_alternatives_would_keep_float_noise() {
        // Why from_f64 rounds: the exact binary value of 30.65 is not 30.65,
        // and the shortest round-trip text keeps a formula's noise.
        assert_ne!(Decimal::from_f64_retain(30.65).unwrap().normalize(), d("30.65"));
        let sum: f64 = "0.30000000000000004".parse().unwrap();
        assert_eq!(format!("{sum}"), "0.30000000000000004");
    }
}
