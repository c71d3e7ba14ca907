//! A calendar date without a clock: the app and the command-line tool pass the date in.

use std::fmt;
use std::str::FromStr;

/// A day of the Gregorian calendar, written `YYYY-MM-DD`.
///
/// Only real days can be built: `2018-02-29` and `2018-13-01` are refused.
///
/// ```
/// use policy::Date;
/// let d: Date = "2018-03-01".parse().unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2018, 3, 1));
/// assert_eq!(d.to_string(), "2018-03-01");
/// assert_eq!(d.to_chinese(), "2018年3月1日");
/// assert!(Date::new(2018, 2, 29).is_none());
/// assert!(Date::new(2020, 2, 29).is_some());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order gives the chronological ordering.
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if that day exists (years 1 to 9999).
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || month == 0 || month > 12 || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` (exactly ten characters). `None` for any other text or a day that does
    /// not exist.
    ///
    /// ```
    /// use policy::Date;
    /// assert!(Date::parse("2017-09-11").is_some());
    /// assert!(Date::parse("2017-9-11").is_none());
    /// assert!(Date::parse("2017-02-30").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Date> {
        if !Date::looks_like_date(text) {
            return None;
        }
        // Only ASCII digits where these ranges fall, so the sums cannot overflow.
        let num = |range: std::ops::Range<usize>| {
            text.as_bytes().get(range).map(|ds| ds.iter().fold(0u16, |n, c| n * 10 + u16::from(c - b'0')))
        };
        let year = num(0..4)?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// Whether `text` is shaped like `YYYY-MM-DD`, whether or not that day exists. Lets callers
    /// tell "wrong format" from "no such day".
    ///
    /// ```
    /// use policy::Date;
    /// assert!(Date::looks_like_date("2018-02-30"));
    /// assert!(!Date::looks_like_date("2018/02/03"));
    /// ```
    pub fn looks_like_date(text: &str) -> bool {
        let b = text.as_bytes();
        b.len() == 10
            && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The date as Chinese readers write it: `2017年9月11日`.
    pub fn to_chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 => {
            if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) {
                29
            } else {
                28
            }
        }
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The error of `"…".parse::<Date>()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateParseError;

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("日期应写成“年-月-日”，例如 2018-03-01，并且这一天要存在")
    }
}

impl std::error::Error for DateParseError {}

impl FromStr for Date {
    type Err = DateParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s).ok_or(DateParseError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2019, 2, 29).is_none());
    }

    #[test]
    fn rejects_bad_text() {
        for t in [
            "",
            "2018-3-01",
            "2018-03-1",
            "20180301",
            "2018-00-10",
            "2018-04-31",
            "0000-01-01",
            "2018-03-01 ",
            "２０１８-03-01",
            "2018-03-0a",
            "+018-03-01",
        ] {
            assert!(Date::parse(t).is_none(), "{t}");
        }
    }

    #[test]
    fn orders_chronologically() {
        let a = Date::parse("2017-06-30");
        let b = Date::parse("2017-09-11");
        assert!(a < b);
        assert!(Date::parse("2017-12-31") < Date::parse("2018-01-01"));
    }
}
