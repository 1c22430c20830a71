//! Numbers as text without Rust's float formatting, whose shortest-representation machinery is
//! about 14 KB of WebAssembly: tick labels and CSS lengths only ever need a few decimals.

/// `v` rounded to at most `decimals` digits after the point, trailing zeros dropped:
/// `20`, `2.5`, `-40`, `666.6667`.
pub fn decimal(v: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let n = (v.abs() * scale as f64).round() as u64;
    let (int, mut frac) = (n / scale, n % scale);
    let mut digits = decimals as usize;
    let sign = if v < 0.0 && n != 0 { "-" } else { "" };
    if frac == 0 {
        return format!("{sign}{int}");
    }
    while frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    format!("{sign}{int}.{frac:0digits$}")
}

/// A CSS length in px, precise to well below a layout unit (1/64 px).
pub fn px(v: f64) -> String {
    format!("{}px", decimal(v, 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_rounded_and_trimmed() {
        assert_eq!(decimal(20.0, 2), "20");
        assert_eq!(decimal(2.5, 2), "2.5");
        assert_eq!(decimal(0.1 + 0.2, 4), "0.3");
        assert_eq!(decimal(-40.0, 0), "-40");
        assert_eq!(decimal(-0.00001, 2), "0");
        assert_eq!(decimal(0.05, 2), "0.05");
        assert_eq!(decimal(1000.0 / 1.5, 4), "666.6667");
        assert_eq!(px(358.5), "358.5px");
        assert_eq!(px(480.0), "480px");
    }

    #[test]
    fn whole_and_half_values_read_as_rust_prints_them() {
        for v in [0.0, 1.0, 7.5, 12.25, 100.0, 1234.0, -2.5] {
            assert_eq!(decimal(v, 4), v.to_string(), "{v}");
        }
    }
}
