//! The browser side, and the only module that names web_sys, js_sys, wasm_bindgen or
//! plotters_canvas: start-up, the readiness signal, canvas sizing, listeners. No business
//! logic: it asks `spec` what to draw and `render` to draw it.

use std::cell::RefCell;
use std::fmt;

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlCanvasElement, HtmlElement, IntersectionObserver,
    IntersectionObserverEntry, IntersectionObserverInit, ResizeObserver, ResizeObserverEntry,
};

use crate::layout::{self, ChartLayout};
use crate::render::{self, Frame, Theme, DARK, LIGHT};
use crate::spec::{self, Chart, SpecError};

/// `<p id=report-status>`: the loading note, removed on success, replaced by the error.
const STATUS_ID: &str = "report-status";

/// Why start-up failed, in words for the page.
#[derive(Debug)]
enum StartError {
    Data(String),
    Spec(SpecError),
    Browser(String),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Data(e) => write!(f, "the embedded data could not be read: {e}"),
            StartError::Spec(e) => write!(f, "{e}"),
            StartError::Browser(e) => write!(f, "{e}"),
        }
    }
}

impl From<JsValue> for StartError {
    fn from(v: JsValue) -> StartError {
        StartError::Browser(
            v.as_string()
                .or_else(|| {
                    v.dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                })
                .unwrap_or_else(|| format!("{v:?}")),
        )
    }
}

/// A chart drawn on the page, kept for redraws.
struct Mounted {
    container: HtmlElement,
    canvas: HtmlCanvasElement,
    chart: Chart,
    /// What it was last drawn at: (CSS width, devicePixelRatio, dark theme).
    drawn: (f64, f64, bool),
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

#[wasm_bindgen(start)]
pub fn start() {
    let Some(doc) = document() else { return };
    // The wasm-bindgen-test binary runs this too, on a page that is not the report.
    if doc.get_element_by_id(STATUS_ID).is_none() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let message = format!("the report's code stopped unexpectedly: {info}");
        web_sys::console::error_1(&JsValue::from_str(&message));
        fail(&message);
    }));
    wasm_bindgen_futures::spawn_local(async {
        match run().await {
            Ok(()) => ready(),
            Err(e) => {
                let message = e.to_string();
                web_sys::console::error_1(&JsValue::from_str(&message));
                fail(&message);
            }
        }
    });
}

async fn run() -> Result<(), StartError> {
    let snap = crate::load_snapshot().map_err(|e| StartError::Data(e.to_string()))?;
    let doc = document().ok_or_else(|| StartError::Browser("no document".into()))?;
    // Canvas text uses whatever font is loaded when it is drawn.
    wasm_bindgen_futures::JsFuture::from(doc.fonts().ready()?).await?;

    let figures = doc.query_selector_all("figure[data-chart]")?;
    let mut mounted = Vec::new();
    for i in 0..figures.length() {
        let Some(figure) = figures.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let id = figure.get_attribute("data-chart").unwrap_or_default();
        let chart = spec::build(&id, &snap.data, &snap.strings).map_err(StartError::Spec)?;
        let container: HtmlElement = figure
            .query_selector(".chart")?
            .ok_or_else(|| StartError::Browser(format!("figure {id:?} has no .chart slot")))?
            .dyn_into()
            .map_err(|_| StartError::Browser(format!("figure {id:?}: .chart is not an element")))?;
        let canvas: HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
        let key = draw_key(&container);
        draw(&canvas, &chart, key.0, key.1, theme(key.2))?;
        // The live chart takes the static one's place, at the same height: nothing moves.
        match container.query_selector("svg.static-chart")? {
            Some(svg) => svg.replace_with_with_node_1(&canvas)?,
            None => {
                container.append_child(&canvas)?;
            }
        }
        mounted.push(Mounted {
            container,
            canvas,
            chart,
            drawn: key,
        });
    }
    observe(&mounted)?;
    MOUNTED.with(|m| m.borrow_mut().extend(mounted));
    follow_sections(&doc)?;
    Ok(())
}

/// Mark the navigation link of the section the reader is in (`aria-current`).
fn follow_sections(doc: &Document) -> Result<(), JsValue> {
    let links = doc.query_selector_all("nav.toc a[href^=\"#\"]")?;
    if links.length() == 0 {
        return Ok(());
    }
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(doc) = document() else { return };
        for entry in entries.iter() {
            let entry: IntersectionObserverEntry = entry.unchecked_into();
            if !entry.is_intersecting() {
                continue;
            }
            let href = format!("#{}", entry.target().id());
            let Ok(links) = doc.query_selector_all("nav.toc a") else {
                return;
            };
            for i in 0..links.length() {
                let Some(link) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                if link.get_attribute("href").as_deref() == Some(href.as_str()) {
                    let _ = link.set_attribute("aria-current", "location");
                } else {
                    let _ = link.remove_attribute("aria-current");
                }
            }
        }
    });
    let options = IntersectionObserverInit::new();
    // A thin band across the middle of the viewport: the section crossing it is current.
    options.set_root_margin("-45% 0px -54% 0px");
    let observer =
        IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options)?;
    on_change.forget();
    let sections = doc.query_selector_all("main > section[id]")?;
    for i in 0..sections.length() {
        if let Some(section) = sections.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            observer.observe(&section);
        }
    }
    Ok(())
}

/// Size the canvas backing store to the CSS size times devicePixelRatio (plotters-canvas does
/// not) and draw. The CSS width is floored to whole device pixels so no resampling blurs it.
pub fn draw(
    canvas: &HtmlCanvasElement,
    chart: &Chart,
    css_width: f64,
    dpr: f64,
    theme: &Theme,
) -> Result<ChartLayout, JsValue> {
    let css_width = css_width.max(layout::MIN_WIDTH);
    let device_w = (css_width * dpr).floor();
    let css_width = device_w / dpr;
    let css_height = layout::chart_height(chart);
    canvas.set_width(device_w as u32);
    canvas.set_height((css_height * dpr).round() as u32);
    let style = canvas.style();
    style.set_property("width", &format!("{css_width}px"))?;
    style.set_property("height", &format!("{css_height}px"))?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsValue::from_str("the canvas has no 2D context"))?;
    let area = backend.into_drawing_area();
    render::render(&area, chart, Frame::canvas(css_width, dpr), theme)
        .map_err(|e| JsValue::from_str(&format!("drawing failed: {e}")))
}

/// What a chart should be drawn at now: its container's CSS width, the devicePixelRatio and
/// whether the reader prefers a dark scheme.
fn draw_key(container: &HtmlElement) -> (f64, f64, bool) {
    let width = container.get_bounding_client_rect().width();
    let window = web_sys::window();
    let dpr = window.as_ref().map_or(1.0, |w| w.device_pixel_ratio());
    let dark = window
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    (width, dpr, dark)
}

fn theme(dark: bool) -> &'static Theme {
    if dark {
        &DARK
    } else {
        &LIGHT
    }
}

/// Redraw a chart when its container changes size, the colour scheme changes, or the
/// devicePixelRatio changes (zoom, or a window moved to another screen).
fn observe(mounted: &[Mounted]) -> Result<(), JsValue> {
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        for entry in entries.iter() {
            let entry: ResizeObserverEntry = entry.unchecked_into();
            redraw(Some(&entry.target()));
        }
    });
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    on_resize.forget();
    for m in mounted {
        observer.observe(&m.container);
    }

    let window = web_sys::window().ok_or("no window")?;
    let on_change = Closure::<dyn FnMut()>::new(|| redraw(None));
    if let Some(q) = window.match_media("(prefers-color-scheme: dark)")? {
        q.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())?;
    }
    // Any devicePixelRatio change fires a window resize too, where the key comparison in
    // `redraw` skips charts that are already right.
    window.add_event_listener_with_callback("resize", on_change.as_ref().unchecked_ref())?;
    on_change.forget();
    Ok(())
}

/// Redraw the chart in `target` (or every chart) if what it should be drawn at has changed.
fn redraw(target: Option<&Element>) {
    MOUNTED.with(|m| {
        for chart in m.borrow_mut().iter_mut() {
            if target.is_some_and(|t| *t != *chart.container) {
                continue;
            }
            let key = draw_key(&chart.container);
            if key == chart.drawn {
                continue;
            }
            match draw(&chart.canvas, &chart.chart, key.0, key.1, theme(key.2)) {
                Ok(_) => chart.drawn = key,
                Err(e) => web_sys::console::error_1(&e),
            }
        }
    });
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn set_state(state: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-report-state", state);
    }
}

fn ready() {
    if let Some(status) = document().and_then(|d| d.get_element_by_id(STATUS_ID)) {
        status.remove();
    }
    set_state("ready");
}

/// Show what went wrong in the page (the text and tables stay usable) and signal `error`.
fn fail(message: &str) {
    if let Some(status) = document().and_then(|d| d.get_element_by_id(STATUS_ID)) {
        // The words come from the catalog, through the page, so they exist even when the
        // data that carries the catalog could not be read.
        let lead = status.get_attribute("data-failed").unwrap_or_default();
        let _ = status.set_attribute("role", "alert");
        let _ = status.class_list().add_1("error");
        status.set_text_content(Some(&format!("{lead} {message}")));
    }
    set_state("error");
}
