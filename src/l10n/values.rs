//! Typed values handed to Fluent: dates and amounts of money keep their type
//! until the moment they are written, so that the locale formats them.

use std::borrow::Cow;

use fluent_bundle::types::FluentType;
use icu::decimal::input::Decimal;

use super::format::{self, DateStyle};

/// A calendar date (Gregorian), formatted as the locale writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateValue {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub style: DateStyle,
}

impl DateValue {
    /// Parses `YYYY-MM-DD`, rejecting dates that do not exist.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        let date = Self {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
            style: DateStyle::Long,
        };
        date.is_valid().then_some(date)
    }

    fn is_valid(&self) -> bool {
        let leap = (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0;
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        self.year >= 1 && (1..=days).contains(&self.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), to count days between
    /// two dates.
    pub fn day_number(&self) -> i64 {
        // Shift the year to start in March, so the leap day comes last.
        let (y, m) = if self.month <= 2 {
            (i64::from(self.year) - 1, i64::from(self.month) + 9)
        } else {
            (i64::from(self.year), i64::from(self.month) - 3)
        };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * m + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// An amount in a currency; the amount is exact (a decimal, never a float).
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyValue {
    pub amount: Decimal,
    pub currency: String,
}

impl MoneyValue {
    /// Parses a plain decimal string such as `1234.56` (no grouping, no
    /// exponent, a point as separator).
    pub fn parse(amount: &str, currency: &str) -> Option<Self> {
        let valid = {
            let digits = amount.strip_prefix('-').unwrap_or(amount);
            let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
            !int.is_empty()
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
                && frac.is_empty() != digits.contains('.')
        };
        if !valid {
            return None;
        }
        Some(Self {
            amount: amount.parse().ok()?,
            currency: currency.to_owned(),
        })
    }
}

/// Compares two plain decimal strings (as [`MoneyValue::parse`] accepts)
/// exactly, without going through floating point. `None` if either is not
/// a plain decimal.
pub fn compare_decimals(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    fn split(s: &str) -> Option<(bool, &str, &str)> {
        MoneyValue::parse(s, "XXX")?;
        let (negative, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let (int, frac) = (int.trim_start_matches('0'), frac.trim_end_matches('0'));
        Some((negative && !(int.is_empty() && frac.is_empty()), int, frac))
    }
    let (a_neg, a_int, a_frac) = split(a)?;
    let (b_neg, b_int, b_frac) = split(b)?;
    let magnitude = a_int
        .len()
        .cmp(&b_int.len())
        .then_with(|| a_int.cmp(b_int))
        .then_with(|| a_frac.cmp(b_frac));
    Some(match (a_neg, b_neg) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => magnitude,
        (true, true) => magnitude.reverse(),
    })
}

/// What a Fluent function returns when it is called wrongly: formatting the
/// message then fails with `reason`, instead of printing `{NUMBER()}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub reason: String,
}

/// Marks an [`Invalid`] value in formatted text; a noncharacter, so no real
/// message contains it.
pub const INVALID_MARK: char = '\u{FFFF}';

macro_rules! fluent_type {
    ($ty:ty) => {
        impl FluentType for $ty {
            fn duplicate(&self) -> Box<dyn FluentType + Send> {
                Box::new(self.clone())
            }

            fn as_string(&self, _: &intl_memoizer::IntlLangMemoizer) -> Cow<'static, str> {
                // Bundles are always concurrent ones (see `Messages`), whose
                // formatter writes these values; this is never reached.
                Cow::Owned(format!(
                    "{INVALID_MARK}single-threaded bundle{INVALID_MARK}"
                ))
            }

            fn as_string_threadsafe(
                &self,
                intls: &intl_memoizer::concurrent::IntlLangMemoizer,
            ) -> Cow<'static, str> {
                Cow::Owned(format::custom(self, intls))
            }
        }
    };
}

fluent_type!(DateValue);
fluent_type!(MoneyValue);
fluent_type!(Invalid);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert_eq!(
            DateValue::parse("2026-11-23").map(|d| d.iso()),
            Some("2026-11-23".into())
        );
        assert!(DateValue::parse("2028-02-29").is_some());
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-11-31",
            "26-11-23",
            "2026/11/23",
            "2026-1-05",
            "",
        ] {
            assert_eq!(DateValue::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_count_calendar_days() {
        let day = |s: &str| DateValue::parse(s).map(|d| d.day_number());
        assert_eq!(day("1970-01-01"), Some(0));
        assert_eq!(day("2000-03-01"), Some(11_017));
        let between = |a: &str, b: &str| day(b).zip(day(a)).map(|(b, a)| b - a);
        assert_eq!(between("2026-10-01", "2026-11-02"), Some(32));
        assert_eq!(between("2028-02-28", "2028-03-01"), Some(2));
        assert_eq!(between("2026-02-28", "2026-03-01"), Some(1));
        assert_eq!(between("2026-12-31", "2027-01-01"), Some(1));
        assert_eq!(between("2027-01-01", "2026-12-31"), Some(-1));
        assert_eq!(between("1900-02-28", "1900-03-01"), Some(1));
    }

    #[test]
    fn decimals_compare_exactly() {
        use std::cmp::Ordering::*;
        let cases = [
            ("500.01", "500", Greater),
            ("500.00", "500", Equal),
            ("0500", "500.0", Equal),
            ("499.999", "500", Less),
            ("1234.56", "500", Greater),
            ("-1", "0", Less),
            ("-0.00", "0", Equal),
            ("-2", "-10", Greater),
            ("0.1", "0.09", Greater),
        ];
        for (a, b, expected) in cases {
            assert_eq!(compare_decimals(a, b), Some(expected), "{a} vs {b}");
        }
        assert_eq!(compare_decimals("1e3", "1"), None);
    }

    #[test]
    fn amounts_are_plain_decimals() {
        assert!(MoneyValue::parse("1234.56", "EUR").is_some());
        assert!(MoneyValue::parse("80", "EUR").is_some());
        for bad in ["1 234,56", "1,234.56", "1e3", "12.", ".5", "abc", "", "-"] {
            assert_eq!(MoneyValue::parse(bad, "EUR"), None, "{bad}");
        }
    }
}
