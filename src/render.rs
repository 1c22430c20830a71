//! The renderer: one function, generic over the plotters backend, that draws a chart spec and
//! returns its layout (the pixel <-> data map for hover, tap and keys). The canvas backend is
//! built in `web`; native tests and static renders use the SVG backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::layout::{bar_layout, BarLayout, LABEL_FONT_PX, TICK_FONT_PX, VALUE_FONT_PX};
use crate::spec::BarChart;

/// System fonts only: nothing is downloaded.
pub const FONT_STACK: &str =
    "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif";

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// Japan, on every chart.
    pub accent: RGBColor,
    /// Every other power.
    pub neutral: RGBColor,
}

/// Colours match `style.css`. Marks are >= 3:1 and text >= 4.5:1 against the background.
pub const LIGHT: Theme = Theme {
    background: RGBColor(0xff, 0xff, 0xff),
    text: RGBColor(0x1a, 0x1a, 0x1a),
    muted: RGBColor(0x5c, 0x5c, 0x5c),
    grid: RGBColor(0xe3, 0xe3, 0xe3),
    accent: RGBColor(0xb7, 0x00, 0x2a),
    neutral: RGBColor(0x80, 0x80, 0x80),
};

pub const DARK: Theme = Theme {
    background: RGBColor(0x14, 0x16, 0x19),
    text: RGBColor(0xee, 0xee, 0xee),
    muted: RGBColor(0xb0, 0xb0, 0xb0),
    grid: RGBColor(0x33, 0x36, 0x3b),
    accent: RGBColor(0xff, 0x6b, 0x7d),
    neutral: RGBColor(0x9a, 0x9a, 0x9a),
};

/// Draw `chart` filling `area`, which is `css_width * dpr` device pixels wide. Every coordinate
/// is rounded to whole device pixels so edges stay crisp at any devicePixelRatio.
pub fn render<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    css_width: f64,
    theme: &Theme,
    dpr: f64,
) -> Result<BarLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    let values: Vec<f64> = chart.rows.iter().map(|r| r.value.number()).collect();
    let layout = bar_layout(&values, css_width);
    let px = |v: f64| (v * dpr).round() as i32;
    let hairline = (dpr.round() as i32).max(1);

    area.fill(&theme.background)?;

    let (gy0, gy1) = layout.grid_y;
    for (i, tick) in layout.ticks.iter().enumerate() {
        let x = px(tick.x);
        // The zero line is the bars' baseline, drawn with the bars below so it never strikes
        // through a label.
        if i > 0 {
            area.draw(&Rectangle::new(
                [(x, px(gy0)), (x + hairline, px(gy1))],
                theme.grid.filled(),
            ))?;
        }
        let anchor = if i == 0 { HPos::Left } else { HPos::Center };
        let style = font(TICK_FONT_PX * dpr, FontStyle::Normal, theme.muted)
            .pos(Pos::new(anchor, VPos::Top));
        area.draw_text(&tick.label, &style, (x, px(layout.tick_label_y)))?;
    }

    for (row, geom) in chart.rows.iter().zip(&layout.rows) {
        let weight = if row.highlight {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let label_style =
            font(LABEL_FONT_PX * dpr, weight, theme.text).pos(Pos::new(HPos::Left, VPos::Top));
        area.draw_text(
            &row.label,
            &label_style,
            (px(geom.label_at.0), px(geom.label_at.1)),
        )?;
        let fill = if row.highlight {
            theme.accent
        } else {
            theme.neutral
        };
        area.draw(&Rectangle::new(
            [
                (px(geom.bar.x0), px(geom.bar.y0)),
                (px(geom.bar.x1), px(geom.bar.y1)),
            ],
            fill.filled(),
        ))?;
        let zero = px(layout.scale.map(0.0));
        area.draw(&Rectangle::new(
            [
                (zero, px(geom.bar.y0) - hairline),
                (zero + hairline, px(geom.bar.y1) + hairline),
            ],
            theme.muted.filled(),
        ))?;
        let value_style =
            font(VALUE_FONT_PX * dpr, weight, theme.text).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw_text(
            &format!("{}%", row.value.text()),
            &value_style,
            (px(geom.value_at.0), px(geom.value_at.1)),
        )?;
    }
    area.present()?;
    Ok(layout)
}

fn font(size: f64, style: FontStyle, color: RGBColor) -> TextStyle<'static> {
    (FONT_STACK, size, style).into_font().color(&color)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> BarChart {
        crate::spec::build("trust-2024", &crate::load().unwrap()).unwrap()
    }

    fn svg(css_width: f64, dpr: f64) -> (String, BarLayout) {
        let mut out = String::new();
        let chart = chart();
        let h = crate::layout::height(chart.rows.len());
        let size = ((css_width * dpr) as u32, (h * dpr) as u32);
        let layout = {
            let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
            render(&area, &chart, css_width, &LIGHT, dpr).unwrap()
        };
        (out, layout)
    }

    #[test]
    fn draws_each_bar_in_its_colour_at_its_device_pixel_size() {
        let (out, layout) = svg(400.0, 2.0);
        let japan = &layout.rows[0].bar;
        let w = ((japan.x1 * 2.0).round() - (japan.x0 * 2.0).round()) as i32;
        let accent = "fill=\"#B7002A\"";
        let japan_rect = out
            .lines()
            .find(|l| l.contains("<rect") && l.contains(accent))
            .expect("Japan's bar is drawn in the accent colour");
        assert!(
            japan_rect.contains(&format!("width=\"{w}\"")),
            "{japan_rect}"
        );
        assert_eq!(
            out.matches("fill=\"#808080\"").count(),
            4,
            "four neutral bars"
        );
    }

    #[test]
    fn labels_show_the_published_values() {
        let (out, _) = svg(400.0, 1.0);
        let texts: Vec<&str> = out.lines().map(str::trim).collect();
        for label in ["58.9%", "24.8%", "Japan", "China", "0", "60%"] {
            assert!(texts.contains(&label), "{label} is drawn");
        }
    }
}
