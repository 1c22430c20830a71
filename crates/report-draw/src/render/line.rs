//! A line chart drawn: its legend, the value axis's gridlines, a line per series, the
//! points, the years under the plot and the last year's values.

use super::*;

/// A line's colour: its colour role where it has one, the accent for the emphasised series,
/// neutral for the others.
pub fn line_colour(theme: &Theme, chart: &Chart, series: usize) -> RGBColor {
    side_colour(theme, chart, series).unwrap_or(if chart.series[series].emphasis {
        theme.accent.main
    } else {
        theme.neutral.main
    })
}

/// A line chart (`layout::line`): the legend, the value axis's gridlines, a line per series
/// through its published points (a year not published leaves a gap), the points, the years
/// under the plot and the last year's values at the right end.
pub(super) fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    frame: Frame,
    theme: &Theme,
    focus: Option<Point>,
    l: ChartLayout,
) -> Result<ChartLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    let dpr = frame.dpr;
    let px = |v: f64| (v * dpr).round() as i32;
    let hairline = (dpr.round() as i32).max(1);
    let font = |size: f64, bold: bool, color: RGBColor, h: HPos, v: VPos| {
        text_style(chart, frame, size, bold, color, Pos::new(h, v))
    };
    let (x0, x1) = l.plot_x;
    for (i, (y, label)) in l.value_lines.iter().enumerate() {
        let colour = if i == 0 { theme.muted } else { theme.grid };
        area.draw(&Rectangle::new(
            [(px(x0), px(*y)), (px(x1), px(*y) + hairline)],
            colour.filled(),
        ))?;
        let style = font(SMALL_FONT_PX, false, theme.muted, HPos::Right, VPos::Center);
        area.draw_text(label, &style, (px(x0 - 4.0), px(*y)))?;
    }
    for (s, series) in chart.series.iter().enumerate() {
        let y = crate::layout::legend_y(chart, s);
        let colour = line_colour(theme, chart, s);
        area.draw(&Rectangle::new(
            [(0, px(y - 1.5)), (px(16.0), px(y + 1.5))],
            colour.filled(),
        ))?;
        let style = font(
            LABEL_FONT_PX,
            series.emphasis,
            theme.text,
            HPos::Left,
            VPos::Center,
        );
        area.draw_text(&series.label, &style, (px(22.0), px(y)))?;
    }
    // Years under the plot: every one where they fit, else every second, third...
    let widest = chart
        .rows
        .iter()
        .map(|r| crate::measure::width_px(&r.label, SMALL_FONT_PX))
        .fold(0.0, f64::max);
    let step = match l.rows.as_slice() {
        [a, b, ..] => b.label_at.0 - a.label_at.0,
        _ => f64::MAX,
    };
    let every = ((widest + 8.0) / step).ceil().max(1.0) as usize;
    let n = l.rows.len();
    for (r, (row, geom)) in chart.rows.iter().zip(&l.rows).enumerate() {
        if r % every == 0 {
            let style = font(SMALL_FONT_PX, false, theme.muted, HPos::Center, VPos::Top);
            let (x, y) = geom.label_at;
            area.draw_text(&row.label, &style, (px(x), px(y)))?;
        }
    }
    let width = (2.0 * dpr).round().max(1.0) as u32;
    for s in 0..chart.series.len() {
        let colour = line_colour(theme, chart, s);
        let mut run: Vec<(i32, i32)> = Vec::new();
        for geom in &l.rows {
            match geom.bars.get(s).and_then(|b| b.rect) {
                Some(r) => run.push((px((r.x0 + r.x1) / 2.0), px((r.y0 + r.y1) / 2.0))),
                None => {
                    if run.len() > 1 {
                        area.draw(&PathElement::new(run.clone(), colour.stroke_width(width)))?;
                    }
                    run.clear();
                }
            }
        }
        if run.len() > 1 {
            area.draw(&PathElement::new(run, colour.stroke_width(width)))?;
        }
    }
    let radius = px(crate::layout::POINT_R).max(2);
    for (r, (row, geom)) in chart.rows.iter().zip(&l.rows).enumerate() {
        for (s, (cell, bar)) in row.cells.iter().zip(&geom.bars).enumerate() {
            let (Cell::Shown(shown), Some(rect)) = (cell, bar.rect) else {
                continue;
            };
            let colour = line_colour(theme, chart, s);
            let at = (px((rect.x0 + rect.x1) / 2.0), px((rect.y0 + rect.y1) / 2.0));
            // A value derived here, not published, is a hollow point.
            let style = if shown.origin.is_some() {
                colour.filled()
            } else {
                colour.stroke_width(hairline as u32)
            };
            area.draw(&Circle::new(at, radius, style))?;
            if r + 1 == n {
                let bold = chart.series[s].emphasis;
                let style = font(SMALL_FONT_PX, bold, theme.text, HPos::Left, VPos::Center);
                let text = crate::layout::end_label(chart, s, shown.value.text(), l.named_ends);
                area.draw_text(&text, &style, (px(bar.text_at.0), px(bar.text_at.1)))?;
            }
        }
    }
    if let Some(ring) = focus.and_then(|p| focus_ring(&l, p, SMALL_FONT_PX)) {
        draw_ring(area, ring, dpr, theme)?;
    }
    Ok(l)
}
