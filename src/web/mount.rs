//! Mounting and drawing: a chart drawn on its canvas at CSS size x devicePixelRatio, redrawn
//! only when its size, scheme or focused point changed; the table and download links that
//! follow the chart; the PNG download.

use super::*;

/// Redraw a chart if its size, scale, colour scheme or focused point changed.
pub(super) fn redraw(m: &mut Mounted, point: Option<Point>) {
    let key = draw_key(&m.container, point);
    if key == m.drawn {
        return;
    }
    match timed("chart-redraw", || {
        draw(&m.canvas, &m.chart, key.0, key.1, theme(key.2), point)
    }) {
        Ok(layout) => {
            m.layout = layout;
            m.drawn = key;
        }
        Err(e) => web_sys::console::error_1(&e),
    }
}

/// Size the canvas backing store to the CSS size times devicePixelRatio (plotters-canvas does
/// not) and draw. The CSS width is floored to whole device pixels so no resampling blurs it.
/// The store is kept through small resizes (`layout::store_width`): the chart is drawn from the
/// left at its own width, over a cleared store, and the canvas element is as wide as the store.
pub fn draw(
    canvas: &HtmlCanvasElement,
    chart: &Chart,
    css_width: f64,
    dpr: f64,
    theme: &Theme,
    focus: Option<Point>,
) -> Result<ChartLayout, JsValue> {
    let css_width = css_width.max(layout::MIN_WIDTH);
    let device_w = (css_width * dpr).floor();
    let css_width = device_w / dpr;
    let css_height = layout::chart_height(chart);
    let store_w = layout::store_width(canvas.width(), device_w as u32);
    let store_h = (css_height * dpr).round() as u32;
    let kept = canvas.width() == store_w && canvas.height() == store_h;
    if !kept {
        // Setting either dimension re-allocates and clears the store.
        canvas.set_width(store_w);
        canvas.set_height(store_h);
    }
    let style = canvas.style();
    style.set_property("width", &num::px(f64::from(store_w) / dpr))?;
    style.set_property("height", &num::px(css_height))?;
    canvas.set_attribute("data-chart-width", &num::decimal(css_width, 4))?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsValue::from_str("the canvas has no 2D context"))?;
    if kept {
        if let Some(ctx) = canvas
            .get_context("2d")?
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        {
            ctx.clear_rect(0.0, 0.0, f64::from(store_w), f64::from(store_h));
        }
    }
    let area = backend.into_drawing_area();
    render::render(&area, chart, Frame::canvas(css_width, dpr), theme, focus)
        .map_err(|e| JsValue::from_str(&format!("drawing failed: {e}")))
}

/// What a chart should be drawn at now: its container's CSS width, the devicePixelRatio,
/// whether the reader prefers a dark scheme, and the focused point.
pub(super) fn draw_key(
    container: &HtmlElement,
    point: Option<Point>,
) -> (f64, f64, bool, Option<Point>) {
    let width = container.get_bounding_client_rect().width();
    let window = web_sys::window();
    let dpr = window.as_ref().map_or(1.0, |w| w.device_pixel_ratio());
    // A theme forced by the host wins over the reader's setting.
    let forced = document()
        .and_then(|d| d.document_element())
        .and_then(|r| r.get_attribute("data-theme"));
    let dark = match forced.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches()),
    };
    (width, dpr, dark, point)
}

pub(super) fn theme(dark: bool) -> &'static Theme {
    if dark {
        &DARK
    } else {
        &LIGHT
    }
}

/// The table under a chart, and its description in words, follow the chart (the country's
/// column appears and goes).
pub(super) fn replace_table(m: &Mounted, ui: &Ui) -> Result<(), JsValue> {
    if let Some(table) = m.figure.query_selector(dom::TABLE)? {
        // Built by the same escaping code as the static page; nothing here comes from the URL
        // but a country already matched against the fixed list.
        table.set_outer_html(&crate::html::table(&m.chart, ui));
    }
    if let Some(summary) = m.figure.query_selector(dom::SUMMARY)? {
        summary.set_text_content(Some(&spec::summary(&m.chart, ui)));
    }
    Ok(())
}

/// Point a chart's download links (CSV, PNG, SVG: files the build wrote) at the files for
/// `country` (or the region-wide ones).
#[cfg(feature = "page")]
pub(super) fn point_downloads(m: &Mounted, country: Option<Country>) {
    for ext in ["csv", "png", "svg"] {
        let selector = format!("a[data-download=\"{ext}\"]");
        if let Ok(Some(a)) = m.figure.query_selector(&selector) {
            let _ = a.set_attribute("href", &crate::export::path(&m.id, country, ext));
            let _ = a.set_attribute("download", &crate::export::file_name(&m.id, country, ext));
        }
    }
}
