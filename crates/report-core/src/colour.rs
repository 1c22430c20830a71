//! Colours as data: sRGB triples, `#rrggbb` parsing and printing, and WCAG contrast. The
//! page's two backgrounds live here because the chart definitions' colour roles are checked
//! against them at build time, and the renderer's themes start from them.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The light theme's page background (`style.css`).
pub const LIGHT_BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
/// The dark theme's page background (`style.css`).
pub const DARK_BACKGROUND: Rgb = Rgb(0x14, 0x16, 0x19);

/// The least contrast a chart mark needs against its background (WCAG 2.1, 1.4.11).
pub const MARK_CONTRAST: f64 = 3.0;

impl Rgb {
    /// `#b35900` or `#B35900`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// `#B35900`: how plotters' SVG backend writes a fill, so style rules can match it.
    pub fn hex(self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
        let mut out = String::from("#");
        for b in [self.0, self.1, self.2] {
            out.push(char::from(DIGITS[usize::from(b >> 4)]));
            out.push(char::from(DIGITS[usize::from(b & 15)]));
        }
        out
    }

    /// Relative luminance (WCAG 2.1).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// The WCAG contrast ratio of two colours, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hex() {
        assert_eq!(Rgb::parse("#b35900"), Some(Rgb(0xb3, 0x59, 0)));
        assert_eq!(Rgb::parse("#B35900").unwrap().hex(), "#B35900");
        for bad in ["b35900", "#b3590", "#b3590g", "#b359000", ""] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(9, 9, 9), Rgb(9, 9, 9)) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known 4.54:1.
        let c = contrast(Rgb(0x76, 0x76, 0x76), LIGHT_BACKGROUND);
        assert!((c - 4.54).abs() < 0.01, "{c}");
    }
}
