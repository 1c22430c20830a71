//! A line chart's layout: a point per year and series, left to right, on a value axis from
//! zero, under a legend of a line per series.

use super::*;

/// The plot's height and the gap under the legend.
const PLOT_H: f64 = 180.0;
const LEGEND_GAP: f64 = 10.0;
/// The least vertical distance between two end labels.
pub(super) const END_LABEL_GAP: f64 = 14.0;

/// A line chart's plot, top and bottom: below its legend (a line per series).
pub(super) fn plot(series: usize, label_h: f64) -> (f64, f64) {
    let top = TOP + series as f64 * label_h + LEGEND_GAP;
    (top, top + PLOT_H)
}

/// The middle of series `series`'s line in the legend above the plot.
pub fn legend_y(chart: &Chart, series: usize) -> f64 {
    let label_h = label_h(chart);
    TOP + series as f64 * label_h + label_h / 2.0
}

/// A line chart: a point per year (row) and series, from left to right, on a value axis
/// from zero; the last year's values labelled at the right end, nudged apart so that none
/// overlaps another. A row's band is its year's strip, the hover and tap target.
pub(super) fn line(chart: &Chart, width: f64) -> ChartLayout {
    let label_h = label_h(chart);
    let (top, bottom) = plot(chart.series.len(), label_h);
    let (domain_max, tick_values) = axis(chart);
    let top_tick = tick_values.len().saturating_sub(1);
    let labels: Vec<String> = tick_values
        .iter()
        .enumerate()
        .map(|(i, &t)| tick_label(chart, t, i == top_tick))
        .collect();
    let gutter = labels
        .iter()
        .map(|t| crate::measure::width_px(t, SMALL_FONT_PX))
        .fold(0.0, f64::max)
        .ceil()
        + VALUE_PAD;
    let n = chart.rows.len();
    // The last year's values at the right end, each with its series' name where that leaves
    // the plot most of the width; else the values alone (the legend names the lines).
    let end_width = |named: bool| {
        chart
            .rows
            .last()
            .into_iter()
            .flat_map(|r| r.cells.iter().enumerate())
            .filter_map(|(s, c)| {
                c.shown()
                    .map(|v| end_label(chart, s, v.value.text(), named))
            })
            // A fifth spare: the estimate is of regular type, the emphasised line's is bold.
            .map(|t| crate::measure::width_px(&t, SMALL_FONT_PX) * 1.2)
            .fold(0.0, f64::max)
            .ceil()
            + VALUE_PAD
            + POINT_R
    };
    let named_ends = end_width(true) <= 0.35 * width;
    let end_room = end_width(named_ends);
    // The first and last years sit a point's width inside the plot.
    let plot_x = (gutter, width - end_room);
    let (x0, x1) = (plot_x.0 + 2.0 * POINT_R, plot_x.1 - 2.0 * POINT_R);
    let step = if n > 1 {
        (x1 - x0) / (n - 1) as f64
    } else {
        0.0
    };
    let scale = Linear::new((0.0, domain_max), (bottom, top));
    let mut rows: Vec<RowGeom> = chart
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let x = if n > 1 {
                x0 + i as f64 * step
            } else {
                (x0 + x1) / 2.0
            };
            let half = if n > 1 { step / 2.0 } else { (x1 - x0) / 2.0 };
            let bars = row
                .cells
                .iter()
                .map(|cell| {
                    let y = cell.number().map_or(bottom, |v| scale.map(v));
                    BarGeom {
                        rect: cell.number().map(|_| Rect {
                            x0: x - POINT_R,
                            y0: y - POINT_R,
                            x1: x + POINT_R,
                            y1: y + POINT_R,
                        }),
                        lane: (y - 2.0 * POINT_R, y + 2.0 * POINT_R),
                        text_at: (x + POINT_R + VALUE_PAD, y),
                        anchor: Anchor::Start,
                        series_label_at: None,
                    }
                })
                .collect();
            RowGeom {
                band: Rect {
                    x0: (x - half).max(0.0),
                    y0: top - LEGEND_GAP,
                    x1: (x + half).min(width),
                    y1: bottom + AXIS_GAP + AXIS_H,
                },
                label_at: (x, bottom + AXIS_GAP),
                bars,
            }
        })
        .collect();
    // The end labels, top to bottom, at least `END_LABEL_GAP` apart.
    if let Some(end) = rows.last_mut() {
        let mut order: Vec<usize> = (0..end.bars.len())
            .filter(|&s| end.bars[s].rect.is_some())
            .collect();
        // By height, by insertion: a handful of lines, and no sort routine in the WASM.
        for i in 1..order.len() {
            let mut j = i;
            while j > 0 && end.bars[order[j - 1]].text_at.1 > end.bars[order[j]].text_at.1 {
                order.swap(j - 1, j);
                j -= 1;
            }
        }
        let mut floor = f64::MIN;
        for s in order {
            let y = end.bars[s].text_at.1.max(floor);
            end.bars[s].text_at.1 = y;
            floor = y + END_LABEL_GAP;
        }
    }
    let value_lines = tick_values
        .iter()
        .zip(labels)
        .map(|(&t, label)| (scale.map(t), label))
        .collect();
    ChartLayout {
        kind: Kind::Line,
        width,
        height: chart_height(chart),
        scale,
        rows,
        ticks: Vec::new(),
        grid_y: (top, bottom),
        tick_label_y: bottom + AXIS_GAP,
        center: None,
        sides_at: None,
        value_lines,
        plot_x,
        named_ends,
    }
}

/// A line's label at its last point: its value, and its series' name where `named`.
pub fn end_label(chart: &Chart, series: usize, value: &str, named: bool) -> String {
    let value = chart.value_label(value);
    match chart.series.get(series) {
        Some(s) if named => {
            let mut t = value;
            t.push(' ');
            t.push_str(&s.label);
            t
        }
        _ => value,
    }
}
