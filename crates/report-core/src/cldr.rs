//! CLDR's number forms, for the build (native only): `cldr/numbers.tsv` and
//! `cldr/currencies.tsv`, the locales at CLDR's modern coverage level, written from CLDR's
//! JSON and checked against it by `tests/cldr.rs`. An edition names its locale in
//! `[locale] number` (its language tag when left out); the build resolves it to a
//! `NumberForm` and a percent form, so the browser only joins strings.

use crate::number::{CurrencyForm, NumberForm};

const NUMBERS: &str = include_str!("../cldr/numbers.tsv");
const CURRENCIES: &str = include_str!("../cldr/currencies.tsv");

/// One locale's row of `numbers.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Locale {
    pub tag: &'static str,
    digits: &'static str,
    decimal: &'static str,
    group: &'static str,
    percent_sign: &'static str,
    min_grouping: u8,
    primary: u8,
    secondary: u8,
    percent: &'static str,
    currency: &'static str,
    currency_alpha: &'static str,
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
}

fn row(cells: &[&'static str]) -> Option<Locale> {
    let &[tag, digits, decimal, group, _minus, percent_sign, min_grouping, primary, secondary, percent, currency, currency_alpha] =
        cells
    else {
        return None;
    };
    Some(Locale {
        tag,
        digits,
        decimal,
        group,
        percent_sign,
        min_grouping: min_grouping.parse().ok()?,
        primary: primary.parse().ok()?,
        secondary: secondary.parse().ok()?,
        percent,
        currency,
        currency_alpha,
    })
}

/// The locale CLDR has for a language tag: the tag itself, or the nearest it falls back to
/// by dropping subtags (`es-419` to `es`). `None` names a tag CLDR's modern level lacks.
pub fn locale(tag: &str) -> Option<Locale> {
    let mut tag = tag;
    loop {
        if let Some(l) = rows(NUMBERS)
            .filter_map(|cells| row(&cells))
            .find(|l| l.tag.eq_ignore_ascii_case(tag))
        {
            return Some(l);
        }
        tag = tag.rsplit_once('-')?.0;
    }
}

/// Every tag the table has, for a message about one it lacks.
pub fn tags() -> Vec<&'static str> {
    rows(NUMBERS).filter_map(|c| c.first().copied()).collect()
}

/// A currency's symbol in a locale: CLDR's where it differs from the code, else the code.
pub fn symbol(locale: &str, code: &str) -> String {
    rows(CURRENCIES)
        .find(|c| c.first() == Some(&locale) && c.get(1) == Some(&code))
        .and_then(|c| c.get(2).map(|s| (*s).to_owned()))
        .unwrap_or_else(|| code.to_owned())
}

/// A CLDR pattern's prefix and suffix around its number (`#,##0.00 ¤`: "", " ¤"), quotes
/// removed.
fn affixes(pattern: &str) -> (String, String) {
    let number = |c: char| matches!(c, '#' | '0'..='9' | ',' | '.' | '@');
    let start = pattern.find(number).unwrap_or(pattern.len());
    let end = pattern.rfind(number).map_or(start, |e| e + 1);
    let unquote = |s: &str| s.replace('\'', "");
    (unquote(&pattern[..start]), unquote(&pattern[end..]))
}

impl Locale {
    /// The percent form as a template: `{value}%`, `{value} %`.
    pub fn percent(&self) -> String {
        let (before, after) = affixes(self.percent);
        format!("{before}{{value}}{after}").replace('%', self.percent_sign)
    }

    /// An amount's form in one currency, with CLDR's spacing: the pattern for a symbol of
    /// letters beside the number where the symbol is one (`USD 5`, `$5`).
    pub fn currency(&self, code: &str) -> CurrencyForm {
        let symbol = symbol(self.tag, code);
        let (before, after) = affixes(self.currency);
        let touching = if before.contains('¤') {
            symbol.chars().last()
        } else {
            symbol.chars().next()
        };
        let (before, after) = if touching.is_some_and(char::is_alphabetic) {
            affixes(self.currency_alpha)
        } else {
            (before, after)
        };
        CurrencyForm {
            code: code.to_owned(),
            pattern: format!("{before}{{value}}{after}").replace('¤', &symbol),
        }
    }

    /// The number form, with the currencies the data uses.
    pub fn number(&self, currencies: &[&str]) -> NumberForm {
        NumberForm {
            digits: if self.digits == "0123456789" {
                String::new()
            } else {
                self.digits.to_owned()
            },
            decimal: self.decimal.to_owned(),
            group: self.group.to_owned(),
            primary: self.primary,
            secondary: self.secondary,
            min_grouping: self.min_grouping,
            currencies: currencies.iter().map(|c| self.currency(c)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editions_locales_write_numbers_as_cldr_does() {
        for tag in ["en", "ja", "th"] {
            let l = locale(tag).unwrap();
            assert_eq!(l.percent(), "{value}%", "{tag}");
            let n = l.number(&[]);
            assert_eq!(n.number("250875.5"), "250,875.5", "{tag}");
        }
        let es = locale("es").unwrap();
        assert_eq!(es.percent(), "{value}\u{a0}%");
        assert_eq!(es.number(&[]).number("10.2"), "10,2");
        assert_eq!(es.number(&[]).number("1234"), "1234");
        assert_eq!(es.number(&[]).number("250875"), "250.875");
        assert_eq!(locale("es-419").unwrap().tag, "es-419");
        assert_eq!(locale("es-ZZ").unwrap().tag, "es");
        assert!(locale("xx").is_none());
        let my = locale("my").unwrap().number(&[]);
        assert_eq!(my.number("12.5"), "၁၂.၅");
    }

    #[test]
    fn currencies_take_the_locales_symbol_and_spacing() {
        let en = locale("en").unwrap();
        assert_eq!(en.currency("USD").pattern, "${value}");
        assert_eq!(en.currency("THB").pattern, "THB\u{a0}{value}");
        assert_eq!(en.currency("JPY").pattern, "¥{value}");
        let th = locale("th").unwrap();
        assert_eq!(th.currency("THB").pattern, "฿{value}");
        let es = locale("es").unwrap();
        assert_eq!(es.currency("USD").pattern, "{value}\u{a0}US$");
        let ja = locale("ja").unwrap();
        assert_eq!(ja.currency("JPY").pattern, "￥{value}");
        assert_eq!(affixes("'x'#,##0.00¤"), ("x".to_owned(), "¤".to_owned()));
    }
}
