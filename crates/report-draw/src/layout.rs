//! Chart layout in CSS pixels, and hit-testing on it.
//!
//! Each row is a label line with its bar (or one bar per series) below, so labels never
//! compete with bars for width and charts stay legible at 320 px. The height depends only on
//! the number of rows and series, never on the width, so the page reserves it before anything
//! is drawn and a redraw at another width moves nothing.

use crate::scale::{nice_step, ticks_from_zero, Linear};
use crate::spec::{Chart, Kind, ValueScale};

#[cfg(report_line)]
mod line;
#[cfg(report_line)]
pub use line::{end_label, legend_y};

pub use crate::measure::LABEL_FONT_PX;
pub const VALUE_FONT_PX: f64 = 14.0;
pub const SMALL_FONT_PX: f64 = 12.0;

const TOP: f64 = 2.0;
const LABEL_H: f64 = 20.0;
const BAR_H: f64 = 22.0;
const SUB_BAR_H: f64 = 16.0;
const SUB_GAP: f64 = 4.0;
const ROW_GAP: f64 = 12.0;
const AXIS_GAP: f64 = 6.0;
const AXIS_H: f64 = 18.0;
/// Room right of the bars for a value label ("58.9%").
const VALUE_ROOM: f64 = 52.0;
/// Room left of multi-series bars for the series label ("2024", "Distrust").
const SERIES_GUTTER: f64 = 64.0;
/// Room at each end of a diverging chart for its value labels, at least.
const SIDE_ROOM: f64 = 48.0;
const VALUE_PAD: f64 = 6.0;
/// A line chart's point radius.
pub const POINT_R: f64 = 3.5;
/// Narrower than this, the chart is laid out at this width and clipped by its container.
pub const MIN_WIDTH: f64 = 200.0;

/// Canvas backing stores grow in steps of this many device pixels.
pub const STORE_STEP: u32 = 256;

/// The backing-store width for a chart `device_w` device pixels wide, given the store's width
/// now (0 for a new canvas). Re-allocating a backing store is most of a resize redraw's cost
/// (about 2.5 ms of 4 at devicePixelRatio 2 in Chromium), so while a reader resizes, a store is
/// kept as long as the chart fits with less than two steps to spare, and one that must grow
/// grows to the next whole step. A first draw and a large shrink fit exactly (a phone that is
/// never resized holds no spare pixels). The chart is drawn from the left at its own width;
/// the spare strip is transparent and clipped by the chart's container.
pub fn store_width(now: u32, device_w: u32) -> u32 {
    if now == 0 {
        device_w
    } else if now >= device_w && now - device_w < 2 * STORE_STEP {
        now
    } else if device_w > now {
        device_w.div_ceil(STORE_STEP) * STORE_STEP
    } else {
        device_w
    }
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at the point.
    Start,
    /// Text ends at the point.
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarGeom {
    /// The bar; `None` where the value was not published (a note is drawn instead).
    pub rect: Option<Rect>,
    /// The horizontal strip this series occupies in its row.
    pub lane: (f64, f64),
    /// Where the value label (or "not published") goes, vertically centred on the lane.
    pub text_at: (f64, f64),
    pub anchor: Anchor,
    /// Where the series label goes (multi-series bar charts only).
    pub series_label_at: Option<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowGeom {
    /// The whole row, label and bars: the hover and tap target.
    pub band: Rect,
    /// Top-left of the label text.
    pub label_at: (f64, f64),
    /// One per series.
    pub bars: Vec<BarGeom>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    pub kind: Kind,
    pub width: f64,
    pub height: f64,
    /// Value -> x. For a diverging chart, value -> distance from the centre.
    pub scale: Linear,
    pub rows: Vec<RowGeom>,
    pub ticks: Vec<Tick>,
    /// Top and bottom of the gridlines.
    pub grid_y: (f64, f64),
    /// Top edge of the tick labels.
    pub tick_label_y: f64,
    /// The centre line of a diverging chart.
    pub center: Option<f64>,
    /// Where the side titles of a diverging chart go: (y, left end x, right start x).
    pub sides_at: Option<(f64, f64, f64)>,
    /// A line chart's value axis: gridlines across the plot at these heights, each with its
    /// label (value -> y is `scale`), and the plot's left and right ends.
    pub value_lines: Vec<(f64, String)>,
    pub plot_x: (f64, f64),
    /// Whether a line chart's end labels name their series (where the width allows).
    pub named_ends: bool,
}

fn lane_h(series: usize) -> f64 {
    if series > 1 {
        SUB_BAR_H
    } else {
        BAR_H
    }
}

fn row_h(kind: Kind, series: usize, label_h: f64) -> f64 {
    match kind {
        Kind::Bars | Kind::Line => {
            let n = series as f64;
            label_h + n * lane_h(series) + (n - 1.0).max(0.0) * SUB_GAP
        }
        Kind::Diverging => label_h + BAR_H,
    }
}

fn rows_top(kind: Kind, label_h: f64) -> f64 {
    match kind {
        Kind::Bars | Kind::Line => TOP,
        Kind::Diverging => TOP + label_h + ROW_GAP / 2.0,
    }
}

fn rows_bottom(kind: Kind, rows: usize, series: usize, label_h: f64) -> f64 {
    let n = rows as f64;
    rows_top(kind, label_h) + n * row_h(kind, series, label_h) + (n - 1.0).max(0.0) * ROW_GAP
}

/// The height of a row's label line: at least `LABEL_H`, more where the edition's script needs
/// more leading (`[locale] line_height`: Thai marks sit above and below the letters).
pub fn label_h(chart: &Chart) -> f64 {
    let lh = f64::from(chart.locale.line_height) / 100.0;
    LABEL_H.max((LABEL_FONT_PX * lh).ceil() + 2.0)
}

/// Room left of multi-series bars: at least `SERIES_GUTTER`, or the widest series label
/// (as `measure` estimates it) and a gap.
fn gutter(chart: &Chart) -> f64 {
    if chart.series.len() < 2 {
        return 0.0;
    }
    let widest = chart
        .series
        .iter()
        .map(|s| crate::measure::width_px(&s.label, SMALL_FONT_PX))
        .fold(0.0, f64::max);
    SERIES_GUTTER.max((widest + VALUE_PAD + 2.0).ceil())
}

/// The chart's height in CSS px: a function of its rows, series and label line only, never
/// of the width.
pub fn height(kind: Kind, rows: usize, series: usize, label_h: f64) -> f64 {
    match kind {
        Kind::Bars => rows_bottom(kind, rows, series, label_h) + AXIS_GAP + AXIS_H,
        Kind::Diverging => rows_bottom(kind, rows, series, label_h) + TOP,
        Kind::Line => line_bottom(series, label_h) + AXIS_GAP + AXIS_H,
    }
}

pub fn chart_height(chart: &Chart) -> f64 {
    height(
        chart.kind,
        chart.rows.len(),
        chart.series.len(),
        label_h(chart),
    )
}

/// Room at each end of a diverging chart: its widest value label, as `measure` estimates it,
/// with a margin for fonts that draw wider (the largest bar reaches the end of its half).
fn side_room(chart: &Chart) -> f64 {
    let widest = chart
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter_map(|c| c.shown())
        .map(|s| crate::measure::width_px(&chart.value_label(s.value.text()), VALUE_FONT_PX))
        .fold(0.0, f64::max);
    SIDE_ROOM.max((widest * 1.2 + VALUE_PAD).ceil())
}

/// The chart's largest value (0 when none is published).
fn largest(chart: &Chart) -> f64 {
    chart
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter_map(|c| c.number())
        .fold(0.0, f64::max)
}

/// The value axis: domain end and tick values.
fn axis(chart: &Chart) -> (f64, Vec<f64>) {
    match chart.scale {
        ValueScale::Score { max } => {
            let step = nice_step(max, MAX_TICKS);
            let ticks = (0..)
                .map(|i| i as f64 * step)
                .take_while(|t| *t <= max + 1e-9)
                .collect();
            (max, ticks)
        }
        // Every other unit: from zero to a round number at or above the largest value.
        _ => {
            let ticks = ticks_from_zero(largest(chart), MAX_TICKS);
            (ticks.last().copied().unwrap_or(1.0), ticks)
        }
    }
}

pub fn layout(chart: &Chart, width: f64) -> ChartLayout {
    match chart.kind {
        Kind::Bars => bars(chart, width.max(MIN_WIDTH)),
        Kind::Diverging => diverging(chart, width.max(MIN_WIDTH)),
        Kind::Line => line_layout(chart, width.max(MIN_WIDTH)),
    }
}

/// A line chart's layout, where this build draws line charts (`build.rs`: a browser build from
/// a folder without one has none to lay out, and lays one out as bars).
fn line_layout(chart: &Chart, width: f64) -> ChartLayout {
    #[cfg(report_line)]
    return line::line(chart, width);
    #[cfg(not(report_line))]
    bars(chart, width)
}

fn line_bottom(series: usize, label_h: f64) -> f64 {
    #[cfg(report_line)]
    return line::plot(series, label_h).1;
    #[cfg(not(report_line))]
    rows_bottom(Kind::Bars, 1, series, label_h)
}

/// A tick's label in the edition's number form; the last one says the unit too ("100%").
fn tick_label(chart: &Chart, t: f64, with_unit: bool) -> String {
    let n = crate::num::decimal(t, 4);
    if with_unit {
        chart.value_label(&n)
    } else {
        chart.locale.number.number(&n)
    }
}

fn bars(chart: &Chart, width: f64) -> ChartLayout {
    let series = chart.series.len();
    let gutter = gutter(chart);
    let label_h = label_h(chart);
    let (domain_max, tick_values) = axis(chart);
    let plot = (gutter, width - VALUE_ROOM);
    let scale = Linear::new((0.0, domain_max), plot);
    let lane = lane_h(series);
    let rows = chart
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let top = rows_top(Kind::Bars, label_h)
                + i as f64 * (row_h(Kind::Bars, series, label_h) + ROW_GAP);
            let bars = row
                .cells
                .iter()
                .enumerate()
                .map(|(s, cell)| {
                    let y0 = top + label_h + s as f64 * (lane + SUB_GAP);
                    let mid = y0 + lane / 2.0;
                    let rect = cell.number().map(|v| Rect {
                        x0: plot.0,
                        y0,
                        x1: scale.map(v),
                        y1: y0 + lane,
                    });
                    // A value not published is said clear of the baseline.
                    let text_x = rect.map_or(plot.0 + VALUE_PAD, |r| r.x1 + VALUE_PAD);
                    BarGeom {
                        rect,
                        lane: (y0, y0 + lane),
                        text_at: (text_x, mid),
                        anchor: Anchor::Start,
                        series_label_at: (series > 1).then_some((0.0, mid)),
                    }
                })
                .collect();
            let bottom = top + row_h(Kind::Bars, series, label_h);
            RowGeom {
                band: Rect {
                    x0: 0.0,
                    y0: top - ROW_GAP / 2.0,
                    x1: width,
                    y1: bottom + ROW_GAP / 2.0,
                },
                label_at: (0.0, top),
                bars,
            }
        })
        .collect();
    let last = tick_values.len().saturating_sub(1);
    let ticks = tick_values
        .iter()
        .enumerate()
        .map(|(i, &t)| Tick {
            x: scale.map(t),
            // The last tick says the unit, in the edition's form ("100%").
            label: tick_label(chart, t, i == last),
        })
        .collect();
    let bottom = rows_bottom(Kind::Bars, chart.rows.len(), series, label_h);
    ChartLayout {
        kind: Kind::Bars,
        width,
        height: chart_height(chart),
        scale,
        rows,
        ticks,
        grid_y: (TOP, bottom),
        tick_label_y: bottom + AXIS_GAP,
        center: None,
        sides_at: None,
        value_lines: Vec::new(),
        plot_x: (0.0, width),
        named_ends: false,
    }
}

fn diverging(chart: &Chart, width: f64) -> ChartLayout {
    let center = ((width / 2.0) * 2.0).round() / 2.0;
    let half = center - side_room(chart);
    // The extent comes from the data: the largest value on either side fills its half.
    let extent = match largest(chart) {
        v if v > 0.0 => v,
        _ => 1.0,
    };
    let scale = Linear::new((0.0, extent), (0.0, half));
    let label_h = label_h(chart);
    let top0 = rows_top(Kind::Diverging, label_h);
    let rows = chart
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let top = top0 + i as f64 * (row_h(Kind::Diverging, 2, label_h) + ROW_GAP);
            let y0 = top + label_h;
            let mid = y0 + BAR_H / 2.0;
            let bars = row
                .cells
                .iter()
                .enumerate()
                .map(|(s, cell)| {
                    let left = s == 0;
                    let rect = cell.number().map(|v| {
                        let d = scale.map(v);
                        if left {
                            Rect {
                                x0: center - d,
                                y0,
                                x1: center,
                                y1: y0 + BAR_H,
                            }
                        } else {
                            Rect {
                                x0: center,
                                y0,
                                x1: center + d,
                                y1: y0 + BAR_H,
                            }
                        }
                    });
                    let (text_x, anchor) = match (rect, left) {
                        (Some(r), true) => (r.x0 - VALUE_PAD, Anchor::End),
                        (Some(r), false) => (r.x1 + VALUE_PAD, Anchor::Start),
                        (None, true) => (center - VALUE_PAD, Anchor::End),
                        (None, false) => (center + VALUE_PAD, Anchor::Start),
                    };
                    BarGeom {
                        rect,
                        lane: (y0, y0 + BAR_H),
                        text_at: (text_x, mid),
                        anchor,
                        series_label_at: None,
                    }
                })
                .collect();
            RowGeom {
                band: Rect {
                    x0: 0.0,
                    y0: top - ROW_GAP / 2.0,
                    x1: width,
                    y1: y0 + BAR_H + ROW_GAP / 2.0,
                },
                label_at: (0.0, top),
                bars,
            }
        })
        .collect();
    let bottom = rows_bottom(Kind::Diverging, chart.rows.len(), 2, label_h);
    let ticks = [50.0]
        .iter()
        .flat_map(|&v| [center - scale.map(v), center + scale.map(v)])
        .map(|x| Tick {
            x,
            label: String::new(),
        })
        .collect();
    ChartLayout {
        kind: Kind::Diverging,
        width,
        height: chart_height(chart),
        scale,
        rows,
        ticks,
        grid_y: (top0, bottom),
        tick_label_y: bottom,
        center: Some(center),
        sides_at: Some((TOP, center - VALUE_PAD, center + VALUE_PAD)),
        value_lines: Vec::new(),
        plot_x: (0.0, width),
        named_ends: false,
    }
}

impl ChartLayout {
    /// The (row, series) under a point in CSS px, if any: the pure lookup behind hover and
    /// tap. Within a row, the nearest series lane (or side of a diverging chart) wins.
    pub fn hit(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let row = self.rows.iter().position(|r| r.band.contains(x, y))?;
        let bars = &self.rows[row].bars;
        let series = match self.center {
            Some(c) => usize::from(x >= c),
            None => bars
                .iter()
                .enumerate()
                .min_by(|(_, a), (_, b)| {
                    let da = (y - (a.lane.0 + a.lane.1) / 2.0).abs();
                    let db = (y - (b.lane.0 + b.lane.1) / 2.0).abs();
                    da.total_cmp(&db)
                })
                .map_or(0, |(i, _)| i),
        };
        Some((row, series))
    }
}

/// Where a point's tooltip, `width` CSS px wide, goes: centred under its bar (or at its
/// "not published" note), just below its lane, kept inside the chart's width.
pub fn tooltip_at(l: &ChartLayout, (row, series): (usize, usize), width: f64) -> (f64, f64) {
    let Some(bar) = l.rows.get(row).and_then(|r| r.bars.get(series)) else {
        return (0.0, 0.0);
    };
    let x = bar
        .rect
        .map_or(bar.text_at.0, |r| (r.x0 + r.x1) / 2.0 - width / 2.0);
    let x = x.clamp(0.0, (l.width - width).max(0.0));
    (x.round(), (bar.lane.1 + 6.0).round())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_backing_store_is_kept_through_small_resizes_and_fitted_after_large_ones() {
        // First draw: exact.
        assert_eq!(store_width(0, 960), 960);
        // Narrower or a little wider within the store: kept.
        assert_eq!(store_width(1024, 1000), 1024);
        assert_eq!(store_width(1024, 600), 1024);
        // Wider than the store: grown to a whole step; much narrower: exact.
        assert_eq!(store_width(1024, 1030), 1280);
        assert_eq!(store_width(960, 961), 1024);
        assert_eq!(store_width(1024, 512), 512);
        for now in [0, 300, 640, 1024, 4096] {
            for w in [1, 200, 641, 1023, 2000] {
                let s = store_width(now, w);
                assert!(s >= w && s - w < 2 * STORE_STEP, "{now} {w} -> {s}");
            }
        }
    }

    use crate::spec::Cell;

    fn chart(id: &str) -> Chart {
        crate::spec::for_tests(id)
    }

    use crate::spec::synthetic;

    /// Five rows of two series, the second published for two rows only.
    fn bars() -> Chart {
        synthetic(
            Kind::Bars,
            &[("A", true, None), ("B", false, None)],
            &[
                ("First", true, &[Some("58.9"), None]),
                ("Second", false, &[Some("42.4"), Some("37.6")]),
                ("Third", false, &[Some("41.5"), None]),
                ("Fourth", false, &[Some("24.8"), Some("50.1")]),
                ("Fifth", false, &[Some("24.2"), None]),
            ],
        )
    }

    #[test]
    fn bars_are_proportional_to_values() {
        let c = bars();
        let l = layout(&c, 600.0);
        assert_eq!(
            l.scale.domain,
            (0.0, 60.0),
            "a nice range over the largest value"
        );
        let plot_w = 600.0 - VALUE_ROOM - SERIES_GUTTER;
        for (row, geom) in c.rows.iter().zip(&l.rows) {
            let v = row.cells[0].number().unwrap();
            let r = geom.bars[0].rect.unwrap();
            assert!(((r.x1 - r.x0) - v / 60.0 * plot_w).abs() < 1e-9);
        }
        // Every value label fits inside the chart.
        assert!(l
            .rows
            .iter()
            .flat_map(|r| &r.bars)
            .all(|b| b.text_at.0 + 40.0 <= l.width));
    }

    #[test]
    fn a_value_not_published_has_no_bar() {
        let c = bars();
        let l = layout(&c, 400.0);
        assert_eq!(c.rows[0].cells[1], Cell::NotPublished);
        assert!(l.rows[0].bars[1].rect.is_none());
        assert_eq!(l.rows[0].bars[1].text_at.0, SERIES_GUTTER + VALUE_PAD);
    }

    #[test]
    fn height_depends_only_on_rows_and_series() {
        for id in crate::test_data()
            .report
            .ids()
            .map(str::to_owned)
            .collect::<Vec<_>>()
        {
            let id = id.as_str();
            let c = chart(id);
            let a = layout(&c, 320.0);
            let b = layout(&c, 1200.0);
            assert_eq!(a.height, b.height, "{id}");
            assert_eq!(a.height, chart_height(&c), "{id}");
            let last = a.rows.last().unwrap();
            assert!(last.bars.iter().all(|b| b.lane.1 <= a.height), "{id}");
        }
        assert_eq!(height(Kind::Bars, 5, 1, LABEL_H), 284.0);
    }

    #[test]
    fn rows_and_lanes_do_not_overlap() {
        for id in crate::test_data()
            .report
            .ids()
            .map(str::to_owned)
            .collect::<Vec<_>>()
        {
            let id = id.as_str();
            let l = layout(&chart(id), 390.0);
            for w in l.rows.windows(2) {
                assert_eq!(w[0].band.y1, w[1].band.y0, "{id}");
                assert!(w[0].bars.last().unwrap().lane.1 < w[1].label_at.1, "{id}");
            }
            // Series stack in a bar chart; a diverging chart's two sides share one lane.
            for r in l.rows.iter().filter(|_| l.kind == Kind::Bars) {
                for b in r.bars.windows(2) {
                    assert!(b[0].lane.1 < b[1].lane.0, "{id}");
                }
            }
        }
    }

    #[test]
    fn a_tooltip_sits_under_its_bar_and_inside_the_chart() {
        let l = layout(&bars(), 600.0);
        let bar = &l.rows[0].bars[0];
        let r = bar.rect.unwrap();
        let (x, y) = tooltip_at(&l, (0, 0), 100.0);
        assert_eq!(x, ((r.x0 + r.x1) / 2.0 - 50.0).round().max(0.0));
        assert_eq!(y, (bar.lane.1 + 6.0).round());
        // Wider than the space right of the bar's middle: pulled back inside.
        let (x, _) = tooltip_at(&l, (0, 0), 590.0);
        assert!(x >= 0.0 && x + 590.0 <= l.width, "{x}");
        // Wider than the chart: at its left edge.
        assert_eq!(tooltip_at(&l, (0, 0), 900.0).0, 0.0);
        // A point that does not exist: the corner, never a panic.
        assert_eq!(tooltip_at(&l, (99, 0), 100.0), (0.0, 0.0));
    }

    #[test]
    fn hit_testing_finds_row_and_series() {
        let l = layout(&bars(), 600.0);
        for (i, r) in l.rows.iter().enumerate() {
            for (s, b) in r.bars.iter().enumerate() {
                let y = (b.lane.0 + b.lane.1) / 2.0;
                assert_eq!(l.hit(100.0, y), Some((i, s)));
            }
            // The label above the bars belongs to the row's first series.
            assert_eq!(l.hit(5.0, r.label_at.1 + 5.0), Some((i, 0)));
        }
        assert_eq!(l.hit(10.0, l.height - 1.0), None);
        assert_eq!(l.hit(-1.0, 30.0), None);
    }

    #[test]
    fn diverging_bars_grow_from_the_centre() {
        let c = chart("alignment-by-country");
        let l = layout(&c, 600.0);
        let center = l.center.unwrap();
        assert_eq!(center, 300.0);
        let asean = &l.rows[1];
        let china = asean.bars[0].rect.unwrap();
        let us = asean.bars[1].rect.unwrap();
        assert_eq!(china.x1, center);
        assert_eq!(us.x0, center);
        // The extent is the data's: the largest value fills its half, the others in proportion.
        let max = largest(&c);
        assert!(max > 50.5 && max < 100.0);
        assert!(((center - china.x0) - 50.5 / max * (center - side_room(&c))).abs() < 1e-9);
        let widest = l
            .rows
            .iter()
            .flat_map(|r| r.bars.iter().filter_map(|b| b.rect))
            .map(|r| r.x1 - r.x0)
            .fold(0.0, f64::max);
        assert!((widest - (center - side_room(&c))).abs() < 1e-9);
        assert_eq!(l.hit(center - 10.0, asean.bars[0].text_at.1), Some((1, 0)));
        assert_eq!(l.hit(center + 10.0, asean.bars[0].text_at.1), Some((1, 1)));
    }

    #[test]
    fn a_score_axis_ends_at_the_scale_maximum() {
        let l = layout(&chart("strategic-relevance"), 600.0);
        assert_eq!(l.scale.domain, (0.0, 11.0));
        let labels: Vec<&str> = l.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0", "5", "10"]);
    }

    /// A line chart of two series over three years, the second with a year not published.
    pub(crate) fn trend() -> Chart {
        crate::spec::synthetic(
            Kind::Line,
            &[("Up", true, None), ("Gap", false, None)],
            &[
                ("2023", false, &[Some("20.0"), Some("50.0")]),
                ("2024", false, &[Some("40.0"), None]),
                ("2025", false, &[Some("60.0"), Some("58.0")]),
            ],
        )
    }

    #[test]
    fn a_line_chart_puts_a_point_per_year_left_to_right_on_an_axis_from_zero() {
        let c = trend();
        let l = layout(&c, 400.0);
        assert_eq!(l.kind, Kind::Line);
        assert_eq!(l.scale.domain, (0.0, 60.0));
        let xs: Vec<f64> = l.rows.iter().map(|r| r.label_at.0).collect();
        assert!(xs[0] < xs[1] && xs[1] < xs[2]);
        assert!(
            (xs[1] - xs[0] - (xs[2] - xs[1])).abs() < 1e-9,
            "years evenly spaced"
        );
        let mid = |r: usize, s: usize| {
            let b = l.rows[r].bars[s].rect.unwrap();
            ((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0)
        };
        // Higher values higher up; zero on the plot's bottom, the axis maximum on its top.
        assert!(mid(0, 0).1 > mid(1, 0).1 && mid(1, 0).1 > mid(2, 0).1);
        assert!((mid(2, 0).1 - l.grid_y.0).abs() < 1e-9);
        assert!((l.scale.map(0.0) - l.grid_y.1).abs() < 1e-9);
        let labels: Vec<&str> = l.value_lines.iter().map(|v| v.1.as_str()).collect();
        assert_eq!(labels, ["0", "20", "40", "60%"]);
        // A year not published has no point.
        assert!(l.rows[1].bars[1].rect.is_none());
        // The height does not depend on the width.
        assert_eq!(layout(&c, 320.0).height, l.height);
        assert_eq!(l.height, chart_height(&c));
        // Hover: a year's strip, the nearest line.
        let (x, y) = mid(2, 1);
        assert_eq!(l.hit(x + 2.0, y + 1.0), Some((2, 1)));
        let (x, y) = mid(0, 0);
        assert_eq!(l.hit(x, y), Some((0, 0)));
        // The last year's labels are kept apart: 60 and 58 are closer than a line of text.
        let ends: Vec<f64> = l.rows[2].bars.iter().map(|b| b.text_at.1).collect();
        assert!(
            (ends[0] - ends[1]).abs() >= line::END_LABEL_GAP - 1e-9,
            "{ends:?}"
        );
        // Every point and end label inside the chart.
        for r in &l.rows {
            for b in &r.bars {
                assert!(b.text_at.0 < l.width && b.rect.is_none_or(|p| p.x1 <= l.width));
            }
        }
    }
}
