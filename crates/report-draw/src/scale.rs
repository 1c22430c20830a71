//! Scales: data value <-> pixel mapping and "nice" axis ranges and ticks.

/// A linear map from a data domain to a pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { domain, range }
    }

    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }
}

/// A tick step of 1, 2 or 5 times a power of ten, so that `0..=max` gets at most `max_ticks`
/// intervals.
pub fn nice_step(max: f64, max_ticks: usize) -> f64 {
    if max <= 0.0 || max_ticks == 0 {
        return 1.0;
    }
    let raw = max / max_ticks as f64;
    // The largest power of ten at or below `raw`, by multiplying (no log10 or powf: their
    // software versions are 2 KB of the WASM).
    let magnitude = if raw >= 1.0 {
        let mut m = 1.0;
        while m * 10.0 <= raw {
            m *= 10.0;
        }
        m
    } else {
        let mut d = 1.0;
        while 1.0 / d > raw {
            d *= 10.0;
        }
        1.0 / d
    };
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * magnitude)
}

/// Ticks from 0 to the first multiple of the step at or above `max`.
pub fn ticks_from_zero(max: f64, max_ticks: usize) -> Vec<f64> {
    let step = nice_step(max, max_ticks);
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_the_logarithms_powers_of_ten_exactly() {
        // The same step as 10^floor(log10(raw)) gives, from thousandths to millions.
        for i in 1..20_000 {
            let max = f64::from(i) * 0.0137;
            for ticks in [1, 3, 5, 6, 8] {
                let raw = max / ticks as f64;
                let magnitude = 10f64.powf(raw.log10().floor());
                let want = [1.0, 2.0, 2.5, 5.0, 10.0]
                    .iter()
                    .map(|m| m * magnitude)
                    .find(|step| *step >= raw)
                    .unwrap_or(10.0 * magnitude);
                assert_eq!(nice_step(max, ticks), want, "max {max}, {ticks} ticks");
            }
        }
        for max in [1.0, 10.0, 100.0, 1e6, 0.1, 0.01, 60.0, 58.9] {
            assert!(nice_step(max, 5) >= max / 5.0);
        }
    }

    #[test]
    fn maps_and_inverts() {
        let s = Linear::new((0.0, 60.0), (10.0, 310.0));
        assert_eq!(s.map(0.0), 10.0);
        assert_eq!(s.map(60.0), 310.0);
        assert_eq!(s.map(30.0), 160.0);
        assert!((s.invert(s.map(58.9)) - 58.9).abs() < 1e-9);
    }

    #[test]
    fn degenerate_domain_does_not_divide_by_zero() {
        let s = Linear::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(s.map(5.0), 0.0);
    }

    #[test]
    fn nice_ticks_cover_the_maximum() {
        assert_eq!(ticks_from_zero(58.9, 4), vec![0.0, 20.0, 40.0, 60.0]);
        assert_eq!(
            ticks_from_zero(100.0, 4),
            vec![0.0, 25.0, 50.0, 75.0, 100.0]
        );
        assert_eq!(
            ticks_from_zero(83.3, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(ticks_from_zero(60.0, 4), vec![0.0, 20.0, 40.0, 60.0]);
        assert_eq!(ticks_from_zero(8.0, 4), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
    }
}
