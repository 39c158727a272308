//! Locale-aware formatting from CLDR data through ICU4X: numbers, amounts of
//! money and dates, exposed to messages as the Fluent functions `NUMBER` and
//! `DATETIME`, and used when a typed value is written without a function.
//! ICU formatters are built once per bundle locale and memoised by Fluent.

use std::collections::HashMap;
use std::sync::Mutex;

use fluent_bundle::types::{FluentNumber, FluentNumberStyle, FluentType};
use fluent_bundle::{FluentArgs, FluentValue};
use icu::calendar::{Date, Gregorian};
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::{YMD, YMDE};
use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;
use icu::decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu::locale::Locale;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

use super::values::{DateValue, INVALID_MARK, Invalid, MoneyValue};

/// CLDR's date lengths, named as in `Intl.DateTimeFormat`'s `dateStyle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateStyle {
    Full,
    Long,
    Medium,
    Short,
}

impl DateStyle {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "full" => Self::Full,
            "long" => Self::Long,
            "medium" => Self::Medium,
            "short" => Self::Short,
            _ => return None,
        })
    }
}

/// Every ICU formatter one locale needs, built on first use.
pub struct LocaleFormatters {
    locale: Locale,
    language: String,
    decimal: DecimalFormatter,
    /// For `NUMBER(…, useGrouping: "false")`.
    ungrouped: DecimalFormatter,
    full: FixedCalendarDateTimeFormatter<Gregorian, YMDE>,
    long: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    medium: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    short: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    currencies: Mutex<HashMap<String, Option<CurrencyFormatter<DecimalFormatter>>>>,
}

impl std::fmt::Debug for LocaleFormatters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocaleFormatters")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

/// Why a locale's formatters could not be built.
#[derive(Debug, Clone)]
pub struct FormatterError(pub String);

impl Memoizable for LocaleFormatters {
    type Args = ();
    type Error = FormatterError;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, FormatterError> {
        LocaleFormatters::new(&lang.to_string())
    }
}

impl LocaleFormatters {
    pub fn new(tag: &str) -> Result<Self, FormatterError> {
        let err = |e: &dyn std::fmt::Display| FormatterError(format!("locale {tag}: {e}"));
        let locale = Locale::try_from_str(tag).map_err(|e| err(&e))?;
        let prefs = (&locale).into();
        let date_prefs = (&locale).into();
        Ok(Self {
            language: locale.id.language.as_str().to_owned(),
            decimal: DecimalFormatter::try_new(prefs, DecimalFormatterOptions::default())
                .map_err(|e| err(&e))?,
            ungrouped: DecimalFormatter::try_new(prefs, GroupingStrategy::Never.into())
                .map_err(|e| err(&e))?,
            full: FixedCalendarDateTimeFormatter::try_new(date_prefs, YMDE::long())
                .map_err(|e| err(&e))?,
            long: FixedCalendarDateTimeFormatter::try_new(date_prefs, YMD::long())
                .map_err(|e| err(&e))?,
            medium: FixedCalendarDateTimeFormatter::try_new(date_prefs, YMD::medium())
                .map_err(|e| err(&e))?,
            short: FixedCalendarDateTimeFormatter::try_new(date_prefs, YMD::short())
                .map_err(|e| err(&e))?,
            currencies: Mutex::new(HashMap::new()),
            locale,
        })
    }

    /// A date as the locale writes it. French writes the first day of a
    /// month as an ordinal, `1er novembre`, which CLDR does not.
    pub fn date(&self, date: &DateValue) -> Result<String, String> {
        let value = Date::try_new_gregorian(date.year, date.month, date.day)
            .map_err(|e| format!("{} is not a date: {e}", date.iso()))?;
        let text = match date.style {
            DateStyle::Full => self.full.format(&value).to_string(),
            DateStyle::Long => self.long.format(&value).to_string(),
            DateStyle::Medium => self.medium.format(&value).to_string(),
            DateStyle::Short => self.short.format(&value).to_string(),
        };
        let spelled = matches!(date.style, DateStyle::Full | DateStyle::Long);
        Ok(if self.language == "fr" && date.day == 1 && spelled {
            french_first_of_month(&text)
        } else {
            text
        })
    }

    /// An amount with its currency, CLDR's pattern and rounding.
    pub fn money(&self, money: &MoneyValue) -> Result<String, String> {
        let mut cache = self
            .currencies
            .lock()
            .map_err(|_| "formatter cache poisoned".to_owned())?;
        let formatter = cache.entry(money.currency.clone()).or_insert_with(|| {
            let currency = CurrencyType::try_from_str(&money.currency).ok()?;
            CurrencyFormatter::try_new_symbol((&self.locale).into(), currency, Default::default())
                .ok()
        });
        let formatter = formatter
            .as_ref()
            .ok_or_else(|| format!("{:?} is not an ISO 4217 currency code", money.currency))?;
        Ok(formatter.format_fixed_decimal(&money.amount).to_string())
    }

    /// A number with Fluent's `NUMBER` options (fraction digits, grouping,
    /// percent).
    pub fn number(&self, number: &FluentNumber) -> Result<String, String> {
        let options = &number.options;
        let mut value = number.value;
        if options.style == FluentNumberStyle::Percent {
            value *= 100.0;
        }
        if !value.is_finite() {
            return Err(format!("{value} is not a finite number"));
        }
        let mut decimal: Decimal = value
            .to_string()
            .parse()
            .map_err(|e| format!("{value} is not a number: {e:?}"))?;
        if let Some(max) = options.maximum_fraction_digits {
            decimal.round(-(max.min(20) as i16));
            decimal.trim_end();
        }
        if let Some(min) = options.minimum_fraction_digits {
            decimal.pad_end(-(min.min(20) as i16));
        }
        let formatter = if options.use_grouping {
            &self.decimal
        } else {
            &self.ungrouped
        };
        let text = formatter.format(&decimal).to_string();
        Ok(match options.style {
            FluentNumberStyle::Percent => percent(&self.language, &text),
            FluentNumberStyle::Currency => match &options.currency {
                Some(code) => {
                    let money = MoneyValue {
                        amount: decimal,
                        currency: code.clone(),
                    };
                    self.money(&money)?
                }
                None => return Err("NUMBER(style: \"currency\") needs a currency".to_owned()),
            },
            FluentNumberStyle::Decimal => text,
        })
    }
}

/// CLDR's percent pattern for the languages whose letters we ship: a
/// no-break space before `%` in French and German, none elsewhere.
fn percent(language: &str, number: &str) -> String {
    match language {
        "fr" => format!("{number}\u{202F}%"),
        "de" => format!("{number}\u{A0}%"),
        _ => format!("{number}%"),
    }
}

/// `1 novembre 2026` → `1er novembre 2026`, `dimanche 1 novembre` →
/// `dimanche 1er novembre`.
fn french_first_of_month(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut done = false;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        let alone_before = prev.is_none_or(|p| !p.is_alphanumeric());
        let alone_after = chars.peek().is_none_or(|n| !n.is_alphanumeric());
        if !done && c == '1' && alone_before && alone_after {
            out.push_str("er");
            done = true;
        }
        prev = Some(c);
    }
    out
}

fn with_formatters(
    intls: &IntlLangMemoizer,
    f: impl FnOnce(&LocaleFormatters) -> Result<String, String>,
) -> String {
    let result = intls
        .with_try_get::<LocaleFormatters, _, _>((), |formatters| {
            let text = f(formatters)?;
            Ok(if super::is_rtl_language(&formatters.language) {
                super::isolate(text)
            } else {
                text
            })
        })
        .unwrap_or_else(|e| Err(e.0));
    result.unwrap_or_else(|reason| invalid_text(&reason))
}

fn invalid_text(reason: &str) -> String {
    format!("{INVALID_MARK}{reason}{INVALID_MARK}")
}

/// Writes one of our custom values (see `values.rs`).
pub(super) fn custom(value: &dyn FluentType, intls: &IntlLangMemoizer) -> String {
    let any = value.as_any();
    if let Some(date) = any.downcast_ref::<DateValue>() {
        with_formatters(intls, |f| f.date(date))
    } else if let Some(money) = any.downcast_ref::<MoneyValue>() {
        with_formatters(intls, |f| f.money(money))
    } else if let Some(invalid) = any.downcast_ref::<Invalid>() {
        invalid_text(&invalid.reason)
    } else {
        invalid_text("a value of an unknown type")
    }
}

/// The bundle's formatter: every number and typed value goes through CLDR.
pub(super) fn formatter(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(with_formatters(intls, |f| f.number(number))),
        FluentValue::Custom(custom_value) => Some(custom(custom_value.as_ref(), intls)),
        _ => None,
    }
}

fn invalid(reason: String) -> FluentValue<'static> {
    FluentValue::Custom(Box::new(Invalid { reason }))
}

/// `NUMBER(value, minimumFractionDigits: 2, useGrouping: "false", style: "percent")`.
/// An amount of money stays money (its currency decides the digits).
pub(super) fn number_function<'a>(
    positional: &[FluentValue<'a>],
    named: &FluentArgs,
) -> FluentValue<'a> {
    match positional.first() {
        Some(FluentValue::Number(n)) => {
            let mut n = n.clone();
            n.options.merge(named);
            FluentValue::Number(n)
        }
        Some(FluentValue::String(s)) => match s.parse::<f64>() {
            Ok(value) => {
                let mut n = FluentNumber::new(value, Default::default());
                n.options.merge(named);
                FluentValue::Number(n)
            }
            Err(_) => invalid(format!("NUMBER() needs a number, got {s:?}")),
        },
        Some(FluentValue::Custom(c)) if c.as_any().is::<MoneyValue>() => {
            FluentValue::Custom(c.duplicate())
        }
        Some(FluentValue::Custom(c)) if c.as_any().is::<Invalid>() => {
            FluentValue::Custom(c.duplicate())
        }
        Some(_) => invalid("NUMBER() needs a number".to_owned()),
        None => invalid("NUMBER() needs an argument".to_owned()),
    }
}

/// `DATETIME(date, dateStyle: "full" | "long" | "medium" | "short")`.
pub(super) fn datetime_function<'a>(
    positional: &[FluentValue<'a>],
    named: &FluentArgs,
) -> FluentValue<'a> {
    let date = match positional.first() {
        Some(FluentValue::Custom(c)) => match c.as_any().downcast_ref::<DateValue>() {
            Some(date) => *date,
            None => return invalid("DATETIME() needs a date".to_owned()),
        },
        Some(FluentValue::String(s)) => match DateValue::parse(s) {
            Some(date) => date,
            None => return invalid(format!("DATETIME() needs a date as YYYY-MM-DD, got {s:?}")),
        },
        Some(_) => return invalid("DATETIME() needs a date".to_owned()),
        None => return invalid("DATETIME() needs an argument".to_owned()),
    };
    let style = match named.get("dateStyle") {
        None => DateStyle::Long,
        Some(FluentValue::String(name)) => match DateStyle::parse(name) {
            Some(style) => style,
            None => {
                return invalid(format!(
                    "DATETIME(dateStyle: {name:?}) is not one of \"full\", \"long\", \"medium\", \"short\""
                ));
            }
        },
        Some(_) => return invalid("DATETIME(dateStyle: …) takes a string".to_owned()),
    };
    for (key, _) in named.iter() {
        if key != "dateStyle" {
            return invalid(format!(
                "DATETIME() has no option {key:?}; it takes dateStyle"
            ));
        }
    }
    FluentValue::Custom(Box::new(DateValue { style, ..date }))
}

/// The digit one as the locale writes numbers (`1`, or `١` in Arabic):
/// the style numbers pages with it.
pub fn digit_one(locale: &str) -> String {
    Locale::try_from_str(locale)
        .ok()
        .and_then(|l| DecimalFormatter::try_new((&l).into(), Default::default()).ok())
        .map_or_else(
            || "1".to_owned(),
            |f| f.format(&Decimal::from(1)).to_string(),
        )
}

/// Formats a value outside of a message (for tests and for `lettrine new`).
pub fn format_money(locale: &str, amount: &str, currency: &str) -> Result<String, String> {
    let money = MoneyValue::parse(amount, currency)
        .ok_or_else(|| format!("{amount:?} is not a decimal"))?;
    LocaleFormatters::new(locale)
        .map_err(|e| e.0)?
        .money(&money)
}

pub fn format_date(locale: &str, iso: &str, style: DateStyle) -> Result<String, String> {
    let date = DateValue::parse(iso).ok_or_else(|| format!("{iso:?} is not a date"))?;
    LocaleFormatters::new(locale)
        .map_err(|e| e.0)?
        .date(&DateValue { style, ..date })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_follows_cldr() {
        assert_eq!(
            format_money("fr", "1234.56", "EUR").unwrap(),
            "1\u{202F}234,56\u{A0}€"
        );
        assert_eq!(format_money("fr", "80", "EUR").unwrap(), "80,00\u{A0}€");
        // Italian groups only from five digits (CLDR minimumGroupingDigits = 2).
        assert_eq!(
            format_money("it", "1234.56", "EUR").unwrap(),
            "1234,56\u{A0}€"
        );
        assert_eq!(
            format_money("it", "12345.67", "EUR").unwrap(),
            "12.345,67\u{A0}€"
        );
        assert_eq!(format_money("en", "1234.56", "EUR").unwrap(), "€1,234.56");
        assert!(format_money("fr", "1", "ZZ").is_err());
    }

    #[test]
    fn dates_follow_cldr_and_french_ordinals() {
        let cases = [
            ("fr", "2026-11-23", DateStyle::Long, "23 novembre 2026"),
            ("fr", "2026-11-01", DateStyle::Long, "1er novembre 2026"),
            (
                "fr",
                "2026-11-01",
                DateStyle::Full,
                "dimanche 1er novembre 2026",
            ),
            ("fr", "2026-11-01", DateStyle::Short, "01/11/2026"),
            ("fr", "2026-11-11", DateStyle::Long, "11 novembre 2026"),
            ("it", "2026-11-23", DateStyle::Long, "23 novembre 2026"),
            ("it", "2026-11-01", DateStyle::Long, "1 novembre 2026"),
            ("en", "2026-11-23", DateStyle::Long, "November 23, 2026"),
        ];
        for (locale, iso, style, expected) in cases {
            assert_eq!(
                format_date(locale, iso, style).unwrap(),
                expected,
                "{locale} {iso} {style:?}"
            );
        }
    }

    #[test]
    fn numbers_follow_cldr() {
        let f = LocaleFormatters::new("fr").unwrap();
        let mut n = FluentNumber::new(1234567.891, Default::default());
        assert_eq!(f.number(&n).unwrap(), "1\u{202F}234\u{202F}567,891");
        n.options.maximum_fraction_digits = Some(2);
        assert_eq!(f.number(&n).unwrap(), "1\u{202F}234\u{202F}567,89");
        n.options.use_grouping = false;
        assert_eq!(f.number(&n).unwrap(), "1234567,89");
        let mut p = FluentNumber::new(0.15, Default::default());
        p.options.style = FluentNumberStyle::Percent;
        assert_eq!(f.number(&p).unwrap(), "15\u{202F}%");
    }

    /// Regional locales format by their region's CLDR data (ICU4X's
    /// compiled data, locked here so a data update shows up as a change).
    #[test]
    fn regions_and_scripts_format_by_cldr() {
        let money = |l: &str, c: &str| format_money(l, "1234.56", c).unwrap();
        assert_eq!(money("de", "EUR"), "1.234,56\u{a0}€");
        assert_eq!(money("de-CH", "CHF"), "CHF\u{a0}1'234.56");
        assert_eq!(money("fr-CH", "CHF"), "1'234,56\u{a0}CHF");
        assert_eq!(money("it-CH", "CHF"), "CHF\u{a0}1234.56");
        assert_eq!(money("fr-BE", "EUR"), "1\u{202f}234,56\u{a0}€");
        assert_eq!(money("es", "EUR"), "1234,56\u{a0}€");
        // Arabic: CLDR's `ar` writes Latin digits, with a right-to-left mark
        // before the amount; `ar-EG` writes Arabic-Indic digits.
        assert_eq!(money("ar", "EUR"), "\u{200f}1,234.56\u{a0}€");
        assert_eq!(money("ar-EG", "EUR"), "\u{200f}١٬٢٣٤٫٥٦\u{a0}€");
        assert_eq!(digit_one("ar-EG"), "١");
        assert_eq!(digit_one("fr"), "1");
    }
}
