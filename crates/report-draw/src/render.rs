//! The renderer: one function, generic over the plotters backend, that draws a chart spec and
//! returns its layout (the pixel <-> data map for hover, tap and keys). The canvas backend is
//! built in `web`; the static SVG in the page and native tests use the SVG backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::layout::{
    layout, Anchor, ChartLayout, Rect, LABEL_FONT_PX, SMALL_FONT_PX, VALUE_FONT_PX,
};
use crate::spec::{Cell, Chart, Kind};
use crate::state::Point;

#[cfg(report_line)]
mod line;
#[cfg(report_line)]
pub use line::line_colour;

/// The edition's font stack (`[locale] font`: system fonts only, nothing is downloaded) at a
/// size. Named directly: plotters' `From<&str>` lower-cases the name to look for generic
/// families, which pulls Unicode case tables into the WASM.
fn stack_font(stack: &str, size: f64, style: FontStyle) -> FontDesc<'_> {
    FontDesc::new(FontFamily::Name(stack), size, style)
}

/// The edition's font for `frame` at a size (CSS px), weight, colour and anchor.
fn text_style(
    chart: &Chart,
    frame: Frame,
    size: f64,
    bold: bool,
    color: RGBColor,
    pos: Pos,
) -> TextStyle<'_> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    stack_font(
        &chart.locale.font,
        size * frame.dpr * frame.font_scale,
        style,
    )
    .color(&color)
    .pos(pos)
}

/// A mark colour in its two strengths: the emphasised series is filled with `main`; the
/// others are filled with the `light` tint and outlined in `main`, so every bar keeps an edge
/// of >= 3:1 and the highlighted row's bars differ from the others by their outline too, which survives
/// every colour-vision type better than two tints of similar lightness.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shades {
    pub main: RGBColor,
    pub light: RGBColor,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// The highlighted option (charts.toml `highlight`), on every chart.
    pub accent: Shades,
    /// Every other row.
    pub neutral: Shades,
    /// Which shade of a chart's colour roles (`Series::colour`) this theme draws.
    pub dark: bool,
}

/// Colours match `style.css`. Marks are >= 3:1 and text >= 4.5:1 against the background. A
/// diverging chart's sides take their colours from the chart definitions' colour roles, which
/// the build checks for the same contrast.
pub const LIGHT: Theme = Theme {
    background: RGBColor(0xff, 0xff, 0xff),
    text: RGBColor(0x1a, 0x1a, 0x1a),
    muted: RGBColor(0x5c, 0x5c, 0x5c),
    grid: RGBColor(0xe3, 0xe3, 0xe3),
    accent: Shades {
        main: RGBColor(0xb7, 0x00, 0x2a),
        light: RGBColor(0xe2, 0x99, 0xaa),
    },
    neutral: Shades {
        main: RGBColor(0x70, 0x70, 0x70),
        light: RGBColor(0xbf, 0xbf, 0xbf),
    },
    dark: false,
};

pub const DARK: Theme = Theme {
    background: RGBColor(0x14, 0x16, 0x19),
    text: RGBColor(0xee, 0xee, 0xee),
    muted: RGBColor(0xb0, 0xb0, 0xb0),
    grid: RGBColor(0x33, 0x36, 0x3b),
    accent: Shades {
        main: RGBColor(0xff, 0x6b, 0x7d),
        light: RGBColor(0x8a, 0x40, 0x4b),
    },
    neutral: Shades {
        main: RGBColor(0xc4, 0xc4, 0xc4),
        light: RGBColor(0x6c, 0x6d, 0x6e),
    },
    dark: true,
};

/// A colour as plotters writes it in an SVG attribute (`#B7002A`), which the stylesheet's
/// attribute selectors match.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The static chart on a dark page: each of `LIGHT`'s colours as the SVG writes it (a CSS
/// attribute selector) and the `DARK` colour it becomes (property, value). The build writes
/// these into the palette stylesheet, so the static chart and the canvas use one palette.
pub fn dark_rules() -> Vec<(String, &'static str, String)> {
    let (l, d) = (&LIGHT, &DARK);
    let fill = |sel: &str, a: RGBColor, b: RGBColor| {
        (format!("{sel}[fill=\"{}\"]", hex(a)), "fill", hex(b))
    };
    let stroke = |a: RGBColor, b: RGBColor| (format!("[stroke=\"{}\"]", hex(a)), "stroke", hex(b));
    vec![
        fill("rect", l.background, d.background),
        fill("", l.text, d.text),
        fill("", l.muted, d.muted),
        fill("", l.grid, d.grid),
        fill("", l.accent.main, d.accent.main),
        fill("", l.accent.light, d.accent.light),
        stroke(l.accent.main, d.accent.main),
        fill("", l.neutral.main, d.neutral.main),
        stroke(l.neutral.main, d.neutral.main),
        fill("", l.neutral.light, d.neutral.light),
    ]
}

/// What the drawing area is: its CSS width, device pixels per CSS pixel, the factor the
/// backend needs on font sizes (plotters' SVG backend writes `size / 1.24`; the canvas takes
/// sizes as they are), and whether the chart paints its own background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub css_width: f64,
    pub dpr: f64,
    pub font_scale: f64,
    /// A live canvas starts transparent (resizing its backing store clears it) over the page's
    /// own background, so it skips the fill: at devicePixelRatio 2 a full-canvas fill was most
    /// of a redraw's time. A stand-alone SVG or image paints it.
    pub background: bool,
}

impl Frame {
    pub fn canvas(css_width: f64, dpr: f64) -> Frame {
        Frame {
            css_width,
            dpr,
            font_scale: 1.0,
            background: false,
        }
    }
    pub fn svg(css_width: f64) -> Frame {
        Frame {
            css_width,
            dpr: 1.0,
            font_scale: 1.24,
            background: true,
        }
    }
}

/// A series' colour role in this theme, if it has one (a diverging chart's side).
pub fn side_colour(theme: &Theme, chart: &Chart, series: usize) -> Option<RGBColor> {
    let (light, dark) = chart.series.get(series)?.colour?;
    let c = if theme.dark { dark } else { light };
    Some(RGBColor(c.0, c.1, c.2))
}

/// The colour of one bar.
pub fn bar_colour(theme: &Theme, chart: &Chart, row: usize, series: usize) -> RGBColor {
    if let Some(c) = side_colour(theme, chart, series) {
        return c;
    }
    let shades = if chart.rows[row].highlight {
        theme.accent
    } else {
        theme.neutral
    };
    if chart.series[series].emphasis {
        shades.main
    } else {
        shades.light
    }
}

/// The outline of a bar drawn in a tint (a series that is not emphasised), if it has one.
pub fn bar_outline(theme: &Theme, chart: &Chart, row: usize, series: usize) -> Option<RGBColor> {
    if side_colour(theme, chart, series).is_some() || chart.series[series].emphasis {
        return None;
    }
    Some(if chart.rows[row].highlight {
        theme.accent.main
    } else {
        theme.neutral.main
    })
}

/// Draw `chart` filling `area`, which is `css_width * dpr` device pixels wide. Every coordinate
/// is rounded to whole device pixels so edges stay crisp at any devicePixelRatio.
/// `focus` is the point keyboard focus is on: it gets a ring in the text colour (>= 3:1
/// against the background and the bars' surroundings).
pub fn render<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    frame: Frame,
    theme: &Theme,
    focus: Option<Point>,
) -> Result<ChartLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    let l = layout(chart, frame.css_width);
    let dpr = frame.dpr;
    let px = |v: f64| (v * dpr).round() as i32;
    let pt = |(x, y): (f64, f64)| (px(x), px(y));
    let hairline = (dpr.round() as i32).max(1);
    let font = |size: f64, bold: bool, color: RGBColor, h: HPos, v: VPos| {
        text_style(chart, frame, size, bold, color, Pos::new(h, v))
    };
    let fill = |r: Rect, color: RGBColor| {
        Rectangle::new([(px(r.x0), px(r.y0)), (px(r.x1), px(r.y1))], color.filled())
    };

    if frame.background {
        area.fill(&theme.background)?;
    }
    // A line chart, where this build draws them (`build.rs`).
    #[cfg(report_line)]
    if chart.kind == Kind::Line {
        return line::line(area, chart, frame, theme, focus, l);
    }

    // Gridlines behind everything; the zero or centre line is drawn with the bars.
    let (gy0, gy1) = l.grid_y;
    for (i, tick) in l.ticks.iter().enumerate() {
        let x = px(tick.x);
        if i > 0 || l.kind == Kind::Diverging {
            area.draw(&Rectangle::new(
                [(x, px(gy0)), (x + hairline, px(gy1))],
                theme.grid.filled(),
            ))?;
        }
        if !tick.label.is_empty() {
            let h = if i == 0 { HPos::Left } else { HPos::Center };
            let style = font(SMALL_FONT_PX, false, theme.muted, h, VPos::Top);
            area.draw_text(&tick.label, &style, (x, px(l.tick_label_y)))?;
        }
    }
    if let (Some((y, left, right)), true) = (l.sides_at, chart.series.len() == 2) {
        let side = |s| side_colour(theme, chart, s).unwrap_or(theme.text);
        let style = font(LABEL_FONT_PX, true, side(0), HPos::Right, VPos::Top);
        area.draw_text(&chart.series[0].label, &style, (px(left), px(y)))?;
        let style = font(LABEL_FONT_PX, true, side(1), HPos::Left, VPos::Top);
        area.draw_text(&chart.series[1].label, &style, (px(right), px(y)))?;
    }

    // A chosen country's row in a diverging chart sits on a band.
    for (row, geom) in chart.rows.iter().zip(&l.rows) {
        if row.highlight && chart.kind == Kind::Diverging {
            area.draw(&fill(geom.band, theme.grid))?;
        }
    }

    let multi = chart.series.len() > 1 && chart.kind == Kind::Bars;
    let value_px = if multi { SMALL_FONT_PX } else { VALUE_FONT_PX };
    for (r, (row, geom)) in chart.rows.iter().zip(&l.rows).enumerate() {
        let style = font(
            LABEL_FONT_PX,
            row.highlight,
            theme.text,
            HPos::Left,
            VPos::Top,
        );
        area.draw_text(&row.label, &style, pt(geom.label_at))?;
        for (s, (cell, bar)) in row.cells.iter().zip(&geom.bars).enumerate() {
            if let Some(at) = bar.series_label_at {
                let style = font(SMALL_FONT_PX, false, theme.muted, HPos::Left, VPos::Center);
                area.draw_text(&chart.series[s].label, &style, pt(at))?;
            }
            let h = match bar.anchor {
                Anchor::Start => HPos::Left,
                Anchor::End => HPos::Right,
            };
            match (cell, bar.rect) {
                (Cell::Shown(shown), Some(rect)) => {
                    let color = bar_colour(theme, chart, r, s);
                    if shown.origin.is_some() {
                        area.draw(&fill(rect, color))?;
                        if let Some(edge) = bar_outline(theme, chart, r, s) {
                            area.draw(&Rectangle::new(
                                [(px(rect.x0), px(rect.y0)), (px(rect.x1), px(rect.y1))],
                                edge.stroke_width(hairline as u32),
                            ))?;
                        }
                    } else {
                        // Derived here, not published: drawn as an outline.
                        area.draw(&Rectangle::new(
                            [(px(rect.x0), px(rect.y0)), (px(rect.x1), px(rect.y1))],
                            theme.neutral.main.stroke_width(hairline as u32),
                        ))?;
                    }
                    let bold = row.highlight && chart.series[s].emphasis;
                    let style = font(value_px, bold, theme.text, h, VPos::Center);
                    let text = chart.value_label(shown.value.text());
                    area.draw_text(&text, &style, pt(bar.text_at))?;
                }
                _ => {
                    let style = font(SMALL_FONT_PX, false, theme.muted, h, VPos::Center);
                    area.draw_text(&chart.not_published, &style, pt(bar.text_at))?;
                }
            }
        }
        // The baseline (or centre line) over the row's bars.
        let x = match l.center {
            Some(c) => px(c),
            None => px(l.scale.map(0.0)),
        };
        let (top, bottom) = (geom.bars[0].lane.0, geom.bars[geom.bars.len() - 1].lane.1);
        area.draw(&Rectangle::new(
            [
                (x, px(top) - hairline),
                (x + hairline, px(bottom) + hairline),
            ],
            theme.muted.filled(),
        ))?;
    }
    if let Some(ring) = focus.and_then(|p| focus_ring(&l, p, value_px)) {
        draw_ring(area, ring, dpr, theme)?;
    }
    // Not presented here: a caller drawing more on the same backend (`image`, the footer under
    // the chart) presents once at the end; presenting an SVG backend closes its document.
    Ok(l)
}

/// The focus ring, 2 px in the text colour.
fn draw_ring<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ring: Rect,
    dpr: f64,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * dpr).round() as i32;
    let w = (2.0 * dpr).round().max(2.0) as u32;
    area.draw(&Rectangle::new(
        [(px(ring.x0), px(ring.y0)), (px(ring.x1), px(ring.y1))],
        theme.text.stroke_width(w),
    ))
}

/// The ring around a focused point: its bar and value label, or its "not published" note; a
/// line chart's point alone.
pub fn focus_ring(l: &ChartLayout, (row, series): Point, value_px: f64) -> Option<Rect> {
    let bar = l.rows.get(row)?.bars.get(series)?;
    const PAD: f64 = 3.0;
    #[cfg(report_line)]
    if l.kind == Kind::Line {
        // A year not published: the ring is where its point would sit on the baseline.
        let x = bar.text_at.0 - crate::layout::POINT_R - 6.0;
        let r = bar.rect.unwrap_or(Rect {
            x0: x - crate::layout::POINT_R,
            y0: bar.lane.0,
            x1: x + crate::layout::POINT_R,
            y1: bar.lane.1,
        });
        return Some(Rect {
            x0: r.x0 - PAD,
            y0: r.y0 - PAD,
            x1: r.x1 + PAD,
            y1: r.y1 + PAD,
        });
    }
    // Room for the label beside the bar: about 0.6 em per character of "58.9%" or "not published".
    let label_w = value_px * 0.6 * if bar.rect.is_some() { 6.0 } else { 13.0 };
    let (mut x0, mut x1) = match (bar.rect, bar.anchor) {
        (Some(r), Anchor::Start) => (r.x0, bar.text_at.0 + label_w),
        (Some(r), Anchor::End) => (bar.text_at.0 - label_w, r.x1),
        (None, Anchor::Start) => (bar.text_at.0, bar.text_at.0 + label_w),
        (None, Anchor::End) => (bar.text_at.0 - label_w, bar.text_at.0),
    };
    x0 = (x0 - PAD).max(1.0);
    x1 = (x1 + PAD).min(l.width - 1.0);
    Some(Rect {
        x0,
        y0: bar.lane.0 - PAD,
        x1,
        y1: bar.lane.1 + PAD,
    })
}

/// A chart as a stand-alone image (downloads): its title above, its source line below, in
/// lines wrapped to the width. Returns the image's height in CSS px for `image_height`.
pub fn image<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    frame: Frame,
    theme: &Theme,
    footer: &[String],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let dpr = frame.dpr;
    let px = |v: f64| (v * dpr).round() as i32;
    area.fill(&theme.background)?;
    let font = chart.locale.font.as_str();
    let title = stack_font(font, 16.0 * dpr * frame.font_scale, FontStyle::Bold)
        .color(&theme.text)
        .pos(Pos::new(HPos::Left, VPos::Top));
    area.draw_text(&chart.title, &title, (0, px(4.0)))?;
    let (_, rest) = area.split_vertically(px(IMAGE_HEAD));
    let (plot, foot) = rest.split_vertically(px(crate::layout::chart_height(chart)));
    render(&plot, chart, frame, theme, None)?;
    let small = stack_font(
        font,
        SMALL_FONT_PX * dpr * frame.font_scale,
        FontStyle::Normal,
    )
    .color(&theme.muted)
    .pos(Pos::new(HPos::Left, VPos::Top));
    for (i, line) in footer.iter().enumerate() {
        foot.draw_text(line, &small, (0, px(8.0 + i as f64 * FOOT_LINE)))?;
    }
    area.present()?;
    Ok(())
}

const IMAGE_HEAD: f64 = 30.0;
const FOOT_LINE: f64 = 16.0;

/// The height of `image` for a chart with `footer_lines` lines of source.
pub fn image_height(chart: &Chart, footer_lines: usize) -> f64 {
    IMAGE_HEAD + crate::layout::chart_height(chart) + 12.0 + footer_lines as f64 * FOOT_LINE
}

/// Wrap text into lines of about `width` CSS px at the small font, where the language allows
/// a break (`measure::wrap`). The widths are estimates: a twentieth of the width is kept
/// spare for fonts that draw wider (prerender measures the images with real fonts).
pub fn wrap(text: &str, width: f64) -> Vec<String> {
    crate::measure::wrap(text, width * 0.95 / SMALL_FONT_PX)
}

/// The chart as a downloadable SVG: title, chart and source line, at `css_width`.
pub fn image_svg(chart: &Chart, css_width: f64, theme: &Theme, source: &str) -> String {
    let footer = wrap(source, css_width);
    let height = image_height(chart, footer.len());
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (css_width as u32, height as u32))
            .into_drawing_area();
        let _ = image(&area, chart, Frame::svg(css_width), theme, &footer);
    }
    out
}

/// The chart as a static SVG at `css_width`, for the page before (and without) script.
pub fn svg(chart: &Chart, css_width: f64, theme: &Theme) -> String {
    lean(&plotters_svg(chart, css_width, theme))
}

/// The chart as plotters' SVG backend writes it.
fn plotters_svg(chart: &Chart, css_width: f64, theme: &Theme) -> String {
    let height = crate::layout::chart_height(chart);
    let mut out = String::new();
    {
        let size = (css_width as u32, height as u32);
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        // Drawing into a String cannot fail.
        let _ = render(&area, chart, Frame::svg(css_width), theme, None);
    }
    out
}

/// plotters' SVG without what changes nothing drawn: the attributes that repeat SVG's own
/// defaults on every element (`opacity="1"`, `stroke="none"`, `text-anchor="start"`), the line
/// breaks around each text (which SVG collapses), and the font family of every text, written
/// once on the root when all texts share it (they inherit it). A static chart on the page and
/// in each embed document is 10-15% of its HTML, read before the first paint.
fn lean(svg: &str) -> String {
    const DEFAULTS: [&str; 3] = [
        " opacity=\"1\"",
        " stroke=\"none\"",
        " text-anchor=\"start\"",
    ];
    let family = |tag: &str| {
        let (_, rest) = tag.split_once(" font-family=\"")?;
        rest.split_once('"').map(|(f, _)| f.to_owned())
    };
    let texts: Vec<&str> = svg.lines().filter(|l| l.starts_with("<text ")).collect();
    let shared = texts.first().and_then(|t| family(t)).filter(|f| {
        texts
            .iter()
            .all(|t| family(t).as_deref() == Some(f.as_str()))
    });
    let attr = shared.map(|f| format!(" font-family=\"{f}\""));
    let mut out = String::with_capacity(svg.len());
    let mut lines = svg.lines().peekable();
    let mut root = true;
    while let Some(line) = lines.next() {
        let mut line = line.to_owned();
        // plotters escapes text, so an attribute's exact spelling only occurs in a tag.
        for d in DEFAULTS {
            line = line.replace(d, "");
        }
        if let Some(attr) = &attr {
            if root && line.starts_with("<svg ") {
                line = line.replacen("<svg ", &format!("<svg{attr} "), 1);
                root = false;
            } else {
                line = line.replace(attr.as_str(), "");
            }
        }
        out.push_str(&line);
        // A text's content is on the line after its tag, and its end tag on the next.
        if line.starts_with("<text ") && line.ends_with('>') {
            if let Some(content) = lines.next_if(|l| !l.starts_with("</text>")) {
                out.push_str(content);
            }
            if let Some(end) = lines.next_if(|l| l.starts_with("</text>")) {
                out.push_str(end);
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dark_rules_map_every_light_colour_the_svg_writes_to_its_dark_twin() {
        let rules = dark_rules();
        assert_eq!(
            rules[0],
            (
                "rect[fill=\"#FFFFFF\"]".to_owned(),
                "fill",
                "#141619".to_owned()
            )
        );
        // Every colour of the light theme has its rule, and maps to the dark theme's twin.
        let (l, d) = (LIGHT, DARK);
        for (a, b) in [
            (l.text, d.text),
            (l.muted, d.muted),
            (l.grid, d.grid),
            (l.accent.main, d.accent.main),
            (l.accent.light, d.accent.light),
            (l.neutral.main, d.neutral.main),
            (l.neutral.light, d.neutral.light),
        ] {
            assert!(
                rules.iter().any(|(sel, p, to)| sel.contains(&super::hex(a))
                    && *p == "fill"
                    && *to == super::hex(b)),
                "{}",
                super::hex(a)
            );
        }
        assert!(rules.iter().all(|(_, _, dark)| dark.len() == 7));
    }

    fn chart(id: &str) -> Chart {
        crate::spec::for_tests(id)
    }

    fn hex(c: RGBColor) -> String {
        format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2)
    }

    use crate::colour::Rgb;
    use crate::spec::synthetic;

    fn fill(c: RGBColor) -> String {
        hex(c)
    }
    fn stroke(c: RGBColor) -> String {
        format!("stroke=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2)
    }

    /// The texts an SVG draws; each is one line, `<text …>CONTENT</text>`.
    fn texts(out: &str) -> Vec<&str> {
        out.lines()
            .filter_map(|l| l.strip_suffix("</text>")?.rsplit_once('>'))
            .map(|(_, content)| content)
            .collect()
    }

    /// Three rows of two series: the highlighted row and the emphasised series take the
    /// accent and full shades; the rest the neutral and the tint with an outline; a value
    /// not published draws no bar.
    fn three_rows() -> Chart {
        synthetic(
            Kind::Bars,
            &[("Main", true, None), ("Other", false, None)],
            &[
                ("Lit", true, &[Some("50.0"), Some("20.0")]),
                ("Plain", false, &[Some("40.0"), None]),
                ("Third", false, &[Some("30.0"), Some("10.0")]),
            ],
        )
    }

    #[test]
    fn draws_each_bar_in_its_colour_at_its_device_pixel_size() {
        let c = three_rows();
        let mut out = String::new();
        let l = {
            let area = SVGBackend::with_string(&mut out, (800, 1000)).into_drawing_area();
            render(&area, &c, Frame::canvas(400.0, 2.0), &LIGHT, None).unwrap()
        };
        let count = |attr: &str| {
            out.lines()
                .filter(|l| l.contains("<rect") && l.contains(attr))
                .count()
        };
        assert_eq!(
            count(&fill(LIGHT.accent.main)),
            1,
            "the highlighted row's main bar"
        );
        assert_eq!(
            count(&fill(LIGHT.accent.light)),
            1,
            "its second series, in the tint"
        );
        assert_eq!(
            count(&stroke(LIGHT.accent.main)),
            1,
            "outlined in the accent"
        );
        assert_eq!(
            count(&fill(LIGHT.neutral.main)),
            2,
            "the other rows' main bars"
        );
        assert_eq!(
            count(&fill(LIGHT.neutral.light)),
            1,
            "one other tint: one was not published"
        );
        assert_eq!(count(&stroke(LIGHT.neutral.main)), 1);
        // The highlighted bar is exactly as wide as its value puts it, in device pixels.
        let lit = l.rows[0].bars[0].rect.unwrap();
        let w = ((lit.x1 * 2.0).round() - (lit.x0 * 2.0).round()) as i32;
        let rect = out
            .lines()
            .find(|l| l.contains("<rect") && l.contains(&fill(LIGHT.accent.main)))
            .unwrap();
        assert!(rect.contains(&format!("width=\"{w}\"")), "{rect}");
        // Twice the value, twice the length (from the same baseline).
        let ten = l.rows[2].bars[1].rect.unwrap();
        let twenty = l.rows[0].bars[1].rect.unwrap();
        assert!(((twenty.x1 - twenty.x0) - 2.0 * (ten.x1 - ten.x0)).abs() < 1e-9);
    }

    #[test]
    fn labels_show_the_values_as_published_and_what_was_not_published() {
        let out = svg(&three_rows(), 360.0, &LIGHT);
        let texts = texts(&out);
        for label in [
            "50.0%", "20.0%", "40.0%", "Lit", "Plain", "Main", "Other", "0",
        ] {
            assert!(texts.contains(&label), "{label} is drawn");
        }
        assert_eq!(texts.iter().filter(|t| **t == "not published").count(), 1);
        assert!(out.starts_with("<svg"));
    }

    #[test]
    fn a_diverging_chart_draws_each_side_in_its_colour_role() {
        let (left, right) = (Rgb(0x11, 0x22, 0x99), Rgb(0x99, 0x22, 0x11));
        let c = synthetic(
            Kind::Diverging,
            &[
                ("Left", true, Some((left, Rgb(1, 2, 3)))),
                ("Right", true, Some((right, Rgb(4, 5, 6)))),
            ],
            &[
                ("Both", false, &[Some("60.0"), Some("40.0")]),
                ("One", false, &[None, Some("70.0")]),
            ],
        );
        let out = svg(&c, 360.0, &LIGHT);
        let rgb = |c: Rgb| RGBColor(c.0, c.1, c.2);
        assert_eq!(
            out.matches(&fill(rgb(left))).count(),
            1 + 1,
            "a bar and the side's label"
        );
        assert_eq!(out.matches(&fill(rgb(right))).count(), 2 + 1);
        // The dark theme draws the roles' dark shades.
        let dark = svg(&c, 360.0, &DARK);
        assert!(dark.contains(&fill(RGBColor(4, 5, 6))) && !dark.contains(&fill(rgb(right))));
    }

    #[test]
    fn a_line_chart_draws_its_lines_points_legend_and_last_values() {
        let c = crate::layout::tests::trend();
        let out = svg(&c, 400.0, &LIGHT);
        let texts = texts(&out);
        for t in [
            "Up",
            "Gap",
            "2023",
            "2024",
            "2025",
            "60.0% Up",
            "58.0% Gap",
            "0",
            "60%",
        ] {
            assert!(texts.contains(&t), "{t} is drawn: {texts:?}");
        }
        // The first years' values are in the tooltip and the table, not on the plot.
        assert!(!texts.contains(&"20.0%"));
        // One line through three points; the second, broken by its gap, draws no line of one
        // point: one polyline in all.
        assert_eq!(out.matches("<polyline").count(), 1, "{out}");
        assert_eq!(out.matches("<circle").count(), 5);
        // The emphasised series in the accent colour, the other neutral.
        assert!(out.contains(&stroke(LIGHT.accent.main)));
        assert!(out.contains(&fill(LIGHT.neutral.main)));
        // A focused point is ringed, a missing one too (the keyboard reaches it).
        let l = layout(&c, 400.0);
        let p = l.rows[0].bars[0].rect.unwrap();
        let ring = focus_ring(&l, (0, 0), SMALL_FONT_PX).unwrap();
        assert!(ring.x0 < p.x0 && ring.x1 > p.x1 && ring.y0 < p.y0 && ring.y1 > p.y1);
        assert!(focus_ring(&l, (1, 1), SMALL_FONT_PX).is_some());
    }

    #[test]
    fn the_focused_point_gets_a_ring_around_its_bar_and_label() {
        let c = chart("trust-2024");
        let l = layout(&c, 400.0);
        let ring = focus_ring(&l, (0, 0), SMALL_FONT_PX).unwrap();
        let bar = l.rows[0].bars[0].rect.unwrap();
        assert!(ring.x0 < bar.x0 + 1.0 && ring.x1 > bar.x1 && ring.y0 < bar.y0 && ring.y1 > bar.y1);
        assert!(ring.x1 <= l.width);
        // A point not published is ringed too: the keyboard reaches it.
        assert!(focus_ring(&l, (0, 1), SMALL_FONT_PX).is_some());
        assert!(focus_ring(&l, (9, 0), SMALL_FONT_PX).is_none());
        let mut out = String::new();
        {
            let area = SVGBackend::with_string(&mut out, (400, 400)).into_drawing_area();
            render(&area, &c, Frame::svg(400.0), &LIGHT, Some((0, 0))).unwrap();
        }
        assert!(
            out.contains("stroke=\"#1A1A1A\""),
            "the ring is drawn in the text colour"
        );
    }

    #[test]
    fn the_downloaded_image_carries_title_and_source_line() {
        let b = crate::test_data();
        let c = chart("trust-2024");
        let source = c.source.plain(&b.strings.ui);
        let svg = image_svg(&c, 640.0, &LIGHT, &source);
        let texts: Vec<&str> = svg.lines().map(str::trim).collect();
        assert!(texts.contains(&c.title.as_str()));
        let footer = wrap(&source, 640.0);
        assert!(footer.len() > 1 && footer.iter().all(|l| texts.contains(&l.as_str())));
        assert_eq!(footer.join(" "), source);
        assert!(svg.contains(&format!(
            "height=\"{}\"",
            image_height(&c, footer.len()) as u32
        )));
    }

    #[test]
    fn the_downloaded_image_is_one_well_formed_svg_document() {
        let b = crate::test_data();
        let c = chart("trust-2024");
        let svg = image_svg(&c, 640.0, &LIGHT, &c.source.plain(&b.strings.ui));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert_eq!(svg.matches("</svg>").count(), 1);
        assert!(
            svg.trim_end().ends_with("</svg>"),
            "nothing after the root element"
        );
    }

    #[test]
    fn the_static_svg_leaves_out_defaults_and_names_its_font_once() {
        let c = chart("trust-2024");
        let svg = svg(&c, 360.0, &LIGHT);
        for gone in ["opacity=\"1\"", "stroke=\"none\"", "text-anchor=\"start\""] {
            assert!(!svg.contains(gone), "{gone}");
        }
        assert_eq!(svg.matches("font-family=").count(), 1);
        assert!(svg.starts_with("<svg font-family=\""));
        // Each text on one line, its content between its tags, as plotters wrote it.
        let texts: Vec<&str> = svg.lines().filter(|l| l.starts_with("<text ")).collect();
        assert!(!texts.is_empty());
        assert!(texts.iter().all(|t| t.ends_with("</text>")));
        assert!(
            texts.iter().any(|t| t.ends_with(">0</text>")),
            "the axis's 0"
        );
        // What stays: every element plotters drew, with its colours.
        let plain = plotters_svg(&c, 360.0, &LIGHT);
        for tag in ["<rect ", "<text ", "<line ", "<polyline ", "<path "] {
            assert_eq!(
                svg.matches(tag).count(),
                plain.matches(tag).count(),
                "{tag}"
            );
        }
        assert_eq!(
            svg.matches("fill=\"#").count(),
            plain.matches("fill=\"#").count()
        );
        assert!(
            svg.len() < plain.len() * 4 / 5,
            "{} of {}",
            svg.len(),
            plain.len()
        );
    }

    #[test]
    fn a_text_without_content_or_fonts_that_differ_stay_as_they_are() {
        let plain = "<svg width=\"10\" height=\"10\">\n<text x=\"0\" font-family=\"A\" opacity=\"1\">\n</text>\n<text x=\"1\" font-family=\"B\">\nb\n</text>\n</svg>\n";
        assert_eq!(
            lean(plain),
            "<svg width=\"10\" height=\"10\">\n<text x=\"0\" font-family=\"A\"></text>\n<text x=\"1\" font-family=\"B\">b</text>\n</svg>\n"
        );
    }

    #[test]
    fn svg_text_is_the_same_size_as_canvas_text() {
        let out = svg(&chart("trust-2024"), 360.0, &LIGHT);
        assert!(out.contains("font-size=\"14\""), "labels at 14 px");
    }
}
