//! How an edition writes a number: the digits, decimal separator and grouping of its CLDR
//! locale, resolved at build time (`cldr`) and carried in the snapshot. A figure is written
//! exactly as published (its digits and decimals are never changed), only in the edition's
//! symbols: `250875` is "250,875" in English and "250.875" in Spanish, `10.2` is "10,2".
//! Byte by byte, without Rust's number formatting, which the WASM does not carry.

/// CLDR's number symbols and grouping for one locale, and the forms of the currencies the
/// data uses.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberForm {
    /// The locale's ten digits, where they are not ASCII's (empty: 0 to 9).
    pub digits: String,
    pub decimal: String,
    pub group: String,
    /// Digits in the group next to the decimal separator (0: never grouped), in the
    /// others, and how many digits the integer part needs beyond the first group before
    /// it is grouped at all (CLDR's minimumGroupingDigits: 2 in Spanish, so 1234 stays).
    pub primary: u8,
    pub secondary: u8,
    pub min_grouping: u8,
    /// An amount in each currency the data uses: `{value}` in the locale's pattern with
    /// its symbol ("US${value}", "{value} US$").
    pub currencies: Vec<CurrencyForm>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CurrencyForm {
    /// ISO 4217 (`USD`).
    pub code: String,
    pub pattern: String,
}

impl Default for NumberForm {
    /// Digits as the data files write them, grouped by three with a comma.
    fn default() -> NumberForm {
        NumberForm {
            digits: String::new(),
            decimal: ".".into(),
            group: ",".into(),
            primary: 3,
            secondary: 3,
            min_grouping: 1,
            currencies: Vec::new(),
        }
    }
}

impl NumberForm {
    /// A figure as published (`250875`, `10.2`), in this locale's digits and separators.
    pub fn number(&self, published: &str) -> String {
        let (int, frac) = match published.split_once('.') {
            Some((i, f)) => (i.as_bytes(), Some(f.as_bytes())),
            None => (published.as_bytes(), None),
        };
        let (primary, secondary) = (usize::from(self.primary), usize::from(self.secondary));
        let n = int.len();
        let grouped = primary > 0 && n >= primary + usize::from(self.min_grouping.max(1));
        let mut out = String::with_capacity(published.len() + 8);
        for (i, b) in int.iter().enumerate() {
            let left = n - i;
            if grouped
                && i > 0
                && (left == primary || (left > primary && (left - primary) % secondary.max(1) == 0))
            {
                out.push_str(&self.group);
            }
            self.digit(*b, &mut out);
        }
        if let Some(frac) = frac {
            out.push_str(&self.decimal);
            for b in frac {
                self.digit(*b, &mut out);
            }
        }
        out
    }

    /// An amount as published, in the currency's form; a currency the build did not resolve
    /// is written with its code.
    pub fn currency(&self, code: &str, published: &str) -> String {
        let value = self.number(published);
        match self.currencies.iter().find(|c| c.code == code) {
            Some(c) => crate::text::template(&c.pattern, &[("value", &value)]),
            None => {
                let mut out = String::from(code);
                out.push('\u{a0}');
                out.push_str(&value);
                out
            }
        }
    }

    fn digit(&self, b: u8, out: &mut String) {
        // By a plain walk: `Chars::nth` would bring a character counter into the WASM.
        if b.is_ascii_digit() {
            let mut at = b - b'0';
            for d in self.digits.chars() {
                if at == 0 {
                    out.push(d);
                    return;
                }
                at -= 1;
            }
        }
        out.push(char::from(b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(decimal: &str, group: &str, min_grouping: u8) -> NumberForm {
        NumberForm {
            decimal: decimal.into(),
            group: group.into(),
            min_grouping,
            ..NumberForm::default()
        }
    }

    #[test]
    fn a_figure_keeps_its_digits_in_the_locales_symbols() {
        let en = NumberForm::default();
        assert_eq!(en.number("58.9"), "58.9");
        assert_eq!(en.number("51"), "51");
        assert_eq!(en.number("999"), "999");
        assert_eq!(en.number("1000"), "1,000");
        assert_eq!(en.number("250875"), "250,875");
        assert_eq!(en.number("1234567.05"), "1,234,567.05");
        assert_eq!(en.number("0.50"), "0.50");
        let es = form(",", ".", 2);
        assert_eq!(es.number("10.2"), "10,2");
        assert_eq!(es.number("1234"), "1234");
        assert_eq!(es.number("12345"), "12.345");
        assert_eq!(es.number("250875"), "250.875");
        let fr = form(",", "\u{202f}", 1);
        assert_eq!(fr.number("1234.5"), "1\u{202f}234,5");
    }

    #[test]
    fn indian_grouping_and_other_digits() {
        let hi = NumberForm {
            secondary: 2,
            ..NumberForm::default()
        };
        assert_eq!(hi.number("1234567"), "12,34,567");
        assert_eq!(hi.number("12345"), "12,345");
        let my = NumberForm {
            digits: "၀၁၂၃၄၅၆၇၈၉".into(),
            ..NumberForm::default()
        };
        assert_eq!(my.number("1052.5"), "၁,၀၅၂.၅");
        let none = NumberForm {
            primary: 0,
            ..NumberForm::default()
        };
        assert_eq!(none.number("123456"), "123456");
    }

    #[test]
    fn an_amount_in_its_currencys_form() {
        let es = NumberForm {
            currencies: vec![CurrencyForm {
                code: "USD".into(),
                pattern: "{value}\u{a0}US$".into(),
            }],
            ..form(",", ".", 2)
        };
        assert_eq!(es.currency("USD", "74580"), "74.580\u{a0}US$");
        assert_eq!(es.currency("EUR", "12.5"), "EUR\u{a0}12,5");
    }
}
