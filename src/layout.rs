//! Layout of a ranked bar chart in CSS pixels, and hit-testing on it.
//!
//! Each row is a label line with its bar below, so labels never compete with bars for width
//! and the chart stays legible at 320 px. The height depends only on the number of rows, so
//! the page reserves it in CSS before anything is drawn (`height` is the one formula both use).

use crate::scale::{ticks_from_zero, Linear};

pub const LABEL_FONT_PX: f64 = 14.0;
pub const VALUE_FONT_PX: f64 = 14.0;
pub const TICK_FONT_PX: f64 = 12.0;

const TOP: f64 = 2.0;
const LABEL_H: f64 = 20.0;
const BAR_H: f64 = 22.0;
const ROW_GAP: f64 = 12.0;
const AXIS_GAP: f64 = 6.0;
const AXIS_H: f64 = 18.0;
/// Room right of the bars for the value label ("58.9%").
const VALUE_ROOM: f64 = 52.0;
const VALUE_PAD: f64 = 6.0;
/// Narrower than this, the chart is laid out at this width and clipped by its container.
pub const MIN_WIDTH: f64 = 200.0;
const MAX_TICKS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x < self.x1 && y >= self.y0 && y < self.y1
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowBox {
    /// The whole row, label and bar: the hover and tap target.
    pub band: Rect,
    /// Top-left of the label text.
    pub label_at: (f64, f64),
    pub bar: Rect,
    /// Left end, vertical centre of the value label.
    pub value_at: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarLayout {
    pub width: f64,
    pub height: f64,
    pub scale: Linear,
    pub rows: Vec<RowBox>,
    pub ticks: Vec<Tick>,
    /// Top and bottom of the gridlines.
    pub grid_y: (f64, f64),
    /// Baseline of the tick labels' top edge.
    pub tick_label_y: f64,
}

/// The chart's height in CSS px for `rows` bars. The stylesheet reserves exactly this.
pub fn height(rows: usize) -> f64 {
    rows_bottom(rows) + AXIS_GAP + AXIS_H
}

fn rows_bottom(rows: usize) -> f64 {
    let n = rows as f64;
    TOP + n * (LABEL_H + BAR_H) + (n - 1.0).max(0.0) * ROW_GAP
}

pub fn bar_layout(values: &[f64], width: f64) -> BarLayout {
    let width = width.max(MIN_WIDTH);
    let max = values.iter().copied().fold(0.0, f64::max);
    let ticks = ticks_from_zero(max, MAX_TICKS);
    let domain_max = ticks.last().copied().unwrap_or(1.0);
    let plot = (0.0, width - VALUE_ROOM);
    let scale = Linear::new((0.0, domain_max), plot);
    let rows = values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let top = TOP + i as f64 * (LABEL_H + BAR_H + ROW_GAP);
            let bar = Rect {
                x0: plot.0,
                y0: top + LABEL_H,
                x1: scale.map(v),
                y1: top + LABEL_H + BAR_H,
            };
            RowBox {
                band: Rect {
                    x0: 0.0,
                    y0: top - ROW_GAP / 2.0,
                    x1: width,
                    y1: bar.y1 + ROW_GAP / 2.0,
                },
                label_at: (plot.0, top),
                value_at: (bar.x1 + VALUE_PAD, (bar.y0 + bar.y1) / 2.0),
                bar,
            }
        })
        .collect();
    let last = ticks.len().saturating_sub(1);
    let ticks = ticks
        .iter()
        .enumerate()
        .map(|(i, &t)| Tick {
            x: scale.map(t),
            label: if i == last {
                format!("{t}%")
            } else {
                format!("{t}")
            },
        })
        .collect();
    let bottom = rows_bottom(values.len());
    BarLayout {
        width,
        height: height(values.len()),
        scale,
        rows,
        ticks,
        grid_y: (TOP, bottom),
        tick_label_y: bottom + AXIS_GAP,
    }
}

impl BarLayout {
    /// The row under a point in CSS px, if any: the pure lookup behind hover and tap.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        self.rows.iter().position(|r| r.band.contains(x, y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUST: [f64; 5] = [58.9, 42.4, 41.5, 24.8, 24.2];

    #[test]
    fn bars_are_proportional_to_values() {
        let l = bar_layout(&TRUST, 600.0);
        assert_eq!(l.scale.domain, (0.0, 60.0));
        for (row, v) in l.rows.iter().zip(TRUST) {
            let len = row.bar.x1 - row.bar.x0;
            assert!((len - v / 60.0 * (600.0 - VALUE_ROOM)).abs() < 1e-9);
        }
        // Japan's bar is the longest and every value label fits inside the chart.
        assert!(l.rows[0].bar.x1 > l.rows[1].bar.x1);
        assert!(l.rows.iter().all(|r| r.value_at.0 + 40.0 <= l.width));
    }

    #[test]
    fn height_depends_only_on_rows() {
        let a = bar_layout(&TRUST, 320.0);
        let b = bar_layout(&TRUST, 1200.0);
        assert_eq!(a.height, b.height);
        assert_eq!(a.height, height(5));
        assert_eq!(height(5), 284.0);
        assert!(a.rows.last().unwrap().bar.y1 < a.tick_label_y);
        assert!(a.tick_label_y + AXIS_H <= a.height);
    }

    #[test]
    fn rows_do_not_overlap() {
        let l = bar_layout(&TRUST, 390.0);
        for w in l.rows.windows(2) {
            assert!(w[0].bar.y1 < w[1].label_at.1);
            assert_eq!(w[0].band.y1, w[1].band.y0);
        }
    }

    #[test]
    fn hit_testing_finds_the_row_under_the_pointer() {
        let l = bar_layout(&TRUST, 600.0);
        for (i, r) in l.rows.iter().enumerate() {
            let (cx, cy) = ((r.bar.x0 + r.bar.x1) / 2.0, (r.bar.y0 + r.bar.y1) / 2.0);
            assert_eq!(l.hit(cx, cy), Some(i));
            // The label above the bar belongs to the same row.
            assert_eq!(l.hit(r.label_at.0 + 5.0, r.label_at.1 + 5.0), Some(i));
        }
        assert_eq!(l.hit(10.0, l.height - 2.0), None);
        assert_eq!(l.hit(-1.0, 30.0), None);
    }

    #[test]
    fn ticks_run_from_zero_to_the_domain_end() {
        let l = bar_layout(&TRUST, 600.0);
        let labels: Vec<&str> = l.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0", "20", "40", "60%"]);
        assert_eq!(l.ticks[0].x, 0.0);
        assert_eq!(l.ticks[3].x, 600.0 - VALUE_ROOM);
    }

    #[test]
    fn narrow_containers_keep_a_minimum_width() {
        let l = bar_layout(&TRUST, 120.0);
        assert_eq!(l.width, MIN_WIDTH);
        assert!(l.rows.iter().all(|r| r.bar.x1 > r.bar.x0));
    }
}
