//! Preview cards and still images, as SVG: a 1200x630 card per chart (title, the chart drawn by
//! the same renderer, source line, the report's name) and one for the report, for link
//! previews (Open Graph, Twitter); and each chart's still image at twice the embed's width,
//! for newsletters, AMP placeholders and readers without script. `prerender` rasterizes them.

use super::{Html, STATIC_WIDTH};
use crate::measure;
use crate::render::{self, LIGHT};
use crate::spec::Chart;

/// A link-preview card's size, in pixels.
pub const CARD: (u32, u32) = (1200, 630);
/// The report's own card, relative to the report's folder.
pub const REPORT_CARD: &str = "cards/report.png";

/// A chart's card, relative to the report's folder.
pub fn card_path(id: &str) -> String {
    format!("cards/{id}.png")
}
/// The embed's width the still image is drawn at; the PNG is twice as wide.
pub const STILL_WIDTH: f64 = 600.0;

const MARGIN: f64 = 56.0;

/// How a block of card text is set: size and line step in px, weight, colour.
struct Type(f64, f64, &'static str, &'static str);

const TITLE: Type = Type(40.0, 50.0, "bold", "#1A1A1A");
const SOURCE: Type = Type(18.0, 24.0, "normal", "#5C5C5C");
const NAME: Type = Type(20.0, 24.0, "bold", "#B7002A");
const KICKER: Type = Type(22.0, 28.0, "bold", "#B7002A");
const HEADLINE: Type = Type(56.0, 68.0, "bold", "#1A1A1A");
const DEK: Type = Type(24.0, 34.0, "normal", "#5C5C5C");

fn text_lines(h: &mut Html, font: &str, lines: &[String], x: f64, y: f64, t: &Type) {
    for (i, line) in lines.iter().enumerate() {
        let (xs, ys, fs) = (
            (x as u32).to_string(),
            ((y + i as f64 * t.1) as u32).to_string(),
            (t.0 as u32).to_string(),
        );
        h.el(
            "text",
            &[
                ("x", &xs),
                ("y", &ys),
                ("font-family", font),
                ("font-size", &fs),
                ("font-weight", t.2),
                ("fill", t.3),
            ],
            line,
        );
    }
}

/// Lines of at most `width` px at the type's size, broken where the language allows
/// (`measure::wrap`); at most `max` lines, the last one ended with an ellipsis if the text
/// goes on.
fn lines(text: &str, width: f64, t: &Type, max: usize) -> Vec<String> {
    let mut out = measure::wrap(text, width / t.0);
    if out.len() > max {
        out.truncate(max);
        if let Some(last) = out.last_mut() {
            // Room for the ellipsis: whole words off the end, or characters off a lone word.
            while !last.is_empty() && measure::width_em(last) + 1.0 > width / t.0 {
                let pieces = measure::pieces(last);
                let keep = match pieces.split_last() {
                    Some((_, rest)) if !rest.is_empty() => rest.concat().trim_end().len(),
                    _ => last.char_indices().last().map_or(0, |(i, _)| i),
                };
                last.truncate(keep);
            }
            last.push('…');
        }
    }
    out
}

fn frame(h: &mut Html) {
    let (w, hh) = (CARD.0.to_string(), CARD.1.to_string());
    let view = format!("0 0 {w} {hh}");
    h.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", &w),
            ("height", &hh),
            ("viewBox", &view),
        ],
    );
    h.open(
        "rect",
        &[("width", &w), ("height", &hh), ("fill", "#FFFFFF")],
    )
    .close("rect");
    // The accent rule along the top: the report's colour.
    h.open(
        "rect",
        &[("width", &w), ("height", "10"), ("fill", "#B7002A")],
    )
    .close("rect");
}

/// A chart's card: its title, the chart scaled to fit, its source line and the report's name.
pub fn chart_card(chart: &Chart, report: &str, source: &str) -> String {
    let font = chart.locale.font.as_str();
    let mut h = Html::new();
    frame(&mut h);
    let width = CARD.0 as f64 - 2.0 * MARGIN;
    let title = lines(&chart.title, width, &TITLE, 2);
    text_lines(&mut h, font, &title, MARGIN, MARGIN + 38.0, &TITLE);
    let top = MARGIN + 38.0 + 50.0 * title.len() as f64 - 16.0;
    let foot = CARD.1 as f64 - MARGIN - 40.0;
    // The chart drawn as wide as the space left allows at its own height (its height
    // depends only on its rows), then scaled into that space.
    let (box_w, box_h) = (CARD.0 as f64 - 2.0 * MARGIN, (foot - top - 40.0).max(100.0));
    let height = crate::layout::chart_height(chart);
    let css_width = (height * box_w / box_h).max(STATIC_WIDTH).round();
    let view = format!("0 0 {} {}", css_width as u32, height as u32);
    let (x, y, w, hh) = (
        (MARGIN as u32).to_string(),
        (top as u32).to_string(),
        (box_w as u32).to_string(),
        (box_h as u32).to_string(),
    );
    h.open(
        "svg",
        &[
            ("x", &x),
            ("y", &y),
            ("width", &w),
            ("height", &hh),
            ("viewBox", &view),
            ("preserveAspectRatio", "xMinYMin meet"),
        ],
    );
    h.raw(&render::svg(chart, css_width, &LIGHT));
    h.close("svg");
    let src = lines(source, width, &SOURCE, 1);
    text_lines(&mut h, font, &src, MARGIN, foot, &SOURCE);
    let name = lines(report, width, &NAME, 1);
    text_lines(&mut h, font, &name, MARGIN, foot + 30.0, &NAME);
    h.close("svg");
    h.finish()
}

/// The report's card: its kicker, title and dek, in the edition's font stack.
pub fn report_card(font: &str, kicker: &str, title: &str, dek: &str) -> String {
    let mut h = Html::new();
    frame(&mut h);
    let width = CARD.0 as f64 - 2.0 * MARGIN;
    text_lines(
        &mut h,
        font,
        &[kicker.to_uppercase()],
        MARGIN,
        MARGIN + 40.0,
        &KICKER,
    );
    let t = lines(title, width, &HEADLINE, 3);
    text_lines(&mut h, font, &t, MARGIN, MARGIN + 110.0, &HEADLINE);
    let d = lines(dek, width, &DEK, 3);
    let y = MARGIN + 110.0 + 68.0 * t.len() as f64 + 20.0;
    text_lines(&mut h, font, &d, MARGIN, y, &DEK);
    h.close("svg");
    h.finish()
}

/// A chart's still image: as the SVG download (title, chart, source line) at the embed's width.
pub fn still(chart: &Chart, source: &str) -> String {
    render::image_svg(chart, STILL_WIDTH, &LIGHT, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_broken_where_the_language_allows_and_cut_with_an_ellipsis() {
        let t = Type(10.0, 12.0, "normal", "#000");
        assert_eq!(lines("one two three", 40.0, &t, 3), ["one two", "three"]);
        assert_eq!(lines("one two three four", 40.0, &t, 1), ["one…"]);
        assert_eq!(lines("", 40.0, &t, 2), Vec::<String>::new());
        let ja = lines("日本は最も信頼される大国である", 60.0, &t, 2);
        assert_eq!(ja, ["日本は最も信", "頼される大…"]);
    }

    #[test]
    fn a_card_is_1200_by_630_with_the_chart_inside() {
        let b = crate::test_data();
        let c = crate::spec::build(&b, "trust-2024").unwrap();
        let svg = chart_card(&c, "The report", "Source: a survey.");
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\""
        ));
        assert!(svg.contains(">Which powers does the region trust?</text>"));
        assert!(svg.contains("preserveAspectRatio=\"xMinYMin meet\"><svg"));
        assert!(svg.ends_with("</text></svg>"));
        assert_eq!(
            svg.matches("<svg").count(),
            3,
            "the card, the chart's frame, the chart"
        );
        assert_eq!(svg.matches("</svg>").count(), 3);
    }
}
