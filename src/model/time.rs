//! Dates and half-years.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// A calendar date. Serialises as `2019-01-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day of month, 1-31.
    pub day: u8,
}

impl Date {
    /// The Danish long form: `15. januar 2019`.
    pub fn danish(&self) -> String {
        const MONTHS: [&str; 12] = [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ];
        format!("{}. {} {}", self.day, MONTHS[usize::from(self.month - 1)], self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FromStr for Date {
    type Err = String;
    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("«{s}» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2019-01-15");
        let mut parts = s.trim().split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let digits = |part: &str, n: usize| part.len() == n && part.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return Err(bad());
        }
        let (year, month, day): (u16, u8, u8) =
            (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if !(1..=12).contains(&month) || day == 0 || day > days[usize::from(month - 1)] {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }
}

/// A half-year, the period a statusrapport covers. Serialises as `2018-H2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// Year.
    pub year: u16,
    /// 1 or 2.
    pub half: u8,
}

impl Period {
    /// `2. halvår 2018`.
    pub fn danish(&self) -> String {
        format!("{}. halvår {}", self.half, self.year)
    }

    /// The last calendar year whose annual figures are complete by the end
    /// of this half-year: the year itself after H2, the year before after H1.
    pub fn last_full_year(&self) -> u16 {
        if self.half == 2 { self.year } else { self.year.saturating_sub(1) }
    }

    /// The half-year before this one.
    pub fn previous(&self) -> Period {
        if self.half == 2 {
            Period { year: self.year, half: 1 }
        } else {
            Period { year: self.year.saturating_sub(1), half: 2 }
        }
    }

    /// The half-year's last day: 30 June or 31 December.
    pub fn end(&self) -> Date {
        if self.half == 1 {
            Date { year: self.year, month: 6, day: 30 }
        } else {
            Date { year: self.year, month: 12, day: 31 }
        }
    }

    /// The half-year after this one.
    pub fn next(&self) -> Period {
        if self.half == 1 { Period { year: self.year, half: 2 } } else { Period { year: self.year + 1, half: 1 } }
    }

    /// `2018-h2`, as used in file names.
    pub fn slug(&self) -> String {
        format!("{}-h{}", self.year, self.half)
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-H{}", self.year, self.half)
    }
}

impl FromStr for Period {
    type Err = String;
    /// Parses `2018-H2` (or `2018-h2`).
    fn from_str(s: &str) -> Result<Period, String> {
        let bad = || format!("«{s}» er ikke et halvår; skriv fx 2018-H2 (år, bindestreg, H1 eller H2)");
        let (y, h) = s.trim().split_once('-').ok_or_else(bad)?;
        let year: u16 = if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
            y.parse().map_err(|_| bad())?
        } else {
            return Err(bad());
        };
        let half = match h {
            "H1" | "h1" => 1,
            "H2" | "h2" => 2,
            _ => return Err(bad()),
        };
        Ok(Period { year, half })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_periods() {
        assert_eq!("2019-01-15".parse::<Date>().unwrap().danish(), "15. januar 2019");
        assert!("2019-02-30".parse::<Date>().unwrap_err().contains("ÅÅÅÅ-MM-DD"));
        assert_eq!("2018-12-01".parse::<Date>().unwrap().to_string(), "2018-12-01");
        assert_eq!(serde_json::to_value("2000-02-29".parse::<Date>().unwrap()).unwrap(), "2000-02-29");
        assert!("1900-02-29".parse::<Date>().is_err());
        assert!("+999-12-31".parse::<Date>().is_err(), "a year is four digits");
        assert!("+201-H2".parse::<Period>().is_err());
        assert_eq!("2018-H2".parse::<Period>().unwrap(), Period { year: 2018, half: 2 });
        assert_eq!("2018-h1".parse::<Period>().unwrap().danish(), "1. halvår 2018");
        assert!("2018-H3".parse::<Period>().is_err());
        assert_eq!(Period { year: 2018, half: 2 }.slug(), "2018-h2");
    }
}
