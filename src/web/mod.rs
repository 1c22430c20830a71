//! The browser side, and the only module that names web_sys, js_sys, wasm_bindgen or
//! plotters_canvas: start-up, the readiness signal, canvas sizing, listeners. No business
//! logic: DOM events become `state::Msg`s, `state::update` decides, and this module carries
//! out the effects (redraw, tooltip, live region, URL).

use std::cell::RefCell;
use std::fmt;

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, Event, HtmlCanvasElement, HtmlElement, HtmlSelectElement,
    IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit, KeyboardEvent,
    PointerEvent, ResizeObserver,
};

use crate::data::Country;
use crate::embed::{self, Embed, EmbedError};
use crate::layout::{self, ChartLayout};
use crate::num;
use crate::render::{self, Frame, Theme, DARK, LIGHT};
use crate::spec::{self, Chart, SpecError};
use crate::state::{self, Effects, Key, Msg, Point, State};
use crate::url::{self, Issue, UrlState};
use crate::Snapshot;

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
                .unwrap_or_else(|| "an unexpected browser error".into()),
        )
    }
}

/// A chart on the page, kept for redraws and hit-testing.
struct Mounted {
    id: String,
    figure: Element,
    container: HtmlElement,
    canvas: HtmlCanvasElement,
    tooltip: HtmlElement,
    chart: Chart,
    /// What it was last drawn at: (CSS width, devicePixelRatio, dark theme, focused point).
    drawn: (f64, f64, bool, Option<Point>),
    layout: ChartLayout,
    /// The hidden 600 px self-embed measuring this chart's embed height, while it runs.
    measuring: Option<web_sys::HtmlIFrameElement>,
}

struct App {
    snap: Snapshot,
    state: State,
    charts: Vec<Mounted>,
    /// Set when the page shows one chart inside another site.
    embed: Option<Embed>,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
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
            Ok(Started::Ready) => ready(),
            // The message is on the page already; the state says it is not a chart.
            Ok(Started::Refused) => set_state("error"),
            Err(e) => {
                let message = e.to_string();
                web_sys::console::error_1(&JsValue::from_str(&message));
                fail(&message);
            }
        }
    });
}

enum Started {
    Ready,
    /// An embed whose parameters could not be used: a message instead of a chart.
    Refused,
}

/// Time `f` as a User Timing measure named `name` (read by the benchmark in `bench/`).
fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let perf = web_sys::window().and_then(|w| w.performance());
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = perf {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
    }
    out
}

async fn run() -> Result<Started, StartError> {
    let snap = timed("snapshot-load", crate::load_snapshot)
        .map_err(|e| StartError::Data(e.to_string()))?;
    let doc = document().ok_or_else(|| StartError::Browser("no document".into()))?;
    let window = web_sys::window().ok_or_else(|| StartError::Browser("no window".into()))?;
    // Canvas text uses whatever font is loaded when it is drawn.
    wasm_bindgen_futures::JsFuture::from(doc.fonts().ready()?).await?;

    let location = window.location();
    let search = location.search().unwrap_or_default();
    // An embed document names its chart on the root element.
    let document_chart = doc
        .document_element()
        .and_then(|r| r.get_attribute("data-embed"));
    let embed = match embed::parse(&search, document_chart.as_deref(), &snap.report) {
        None => None,
        Some(Ok(e)) => Some(e),
        Some(Err(errors)) => {
            embed_refused(&doc, &snap, &errors)?;
            return Ok(Started::Refused);
        }
    };
    if let Some(e) = &embed {
        enter_embed(&doc, e).await?;
    }
    let (from_url, issues) = url::parse(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
        &snap,
    );
    let mut state = State {
        country: from_url.country,
        section: from_url.section.clone(),
        ..State::default()
    };

    let mut charts = Vec::new();
    for figure in each::<Element>(&doc.query_selector_all("figure[data-chart]")?) {
        let id_text = figure.get_attribute("data-chart").unwrap_or_default();
        let id: String = snap
            .report
            .chart(&id_text)
            .map(|d| d.id.clone())
            .ok_or_else(|| StartError::Spec(SpecError::UnknownChart(id_text.clone())))?;
        // An embed draws its one chart only.
        if embed.as_ref().is_some_and(|e| e.chart != id) {
            continue;
        }
        let chart = spec::build_for(&snap, &id, state.country).map_err(StartError::Spec)?;
        let container: HtmlElement = figure
            .query_selector(".chart")?
            .ok_or_else(|| StartError::Browser(format!("figure \"{id}\" has no .chart slot")))?
            .unchecked_into();
        let canvas: HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
        canvas.set_attribute("aria-hidden", "true")?;
        // A new canvas: its first store fits the chart exactly (`layout::store_width`).
        canvas.set_width(0);
        let key = draw_key(&container, None);
        let layout = draw(&canvas, &chart, key.0, key.1, theme(key.2), None)?;
        // The live chart takes the static one's place, at the same height: nothing moves.
        match container.query_selector("svg.static-chart")? {
            Some(svg) => svg.replace_with_with_node_1(&canvas)?,
            None => {
                container.append_child(&canvas)?;
            }
        }
        let tooltip: HtmlElement = doc.create_element("div")?.unchecked_into();
        tooltip.set_class_name("tooltip");
        tooltip.set_attribute("aria-hidden", "true")?;
        tooltip.set_hidden(true);
        container.append_child(&tooltip)?;
        container.set_tab_index(0);
        charts.push(Mounted {
            id,
            figure,
            container,
            canvas,
            tooltip,
            chart,
            drawn: key,
            layout,
            measuring: None,
        });
    }
    if from_url.country.is_some() {
        sync_selects(&doc, state.country);
        for m in charts
            .iter()
            .filter(|m| crate::html::has_selector(&snap, &m.id))
        {
            replace_table(m, &snap)?;
            point_downloads(m, state.country);
        }
    }
    for (i, m) in charts.iter().enumerate() {
        listen_chart(i, m)?;
        if embed.is_none() {
            listen_tools(i, m)?;
        }
    }
    let focus_chart = from_url
        .chart
        .as_deref()
        .and_then(|id| charts.iter().position(|m| m.id == id));
    state.chart = focus_chart;
    APP.with(|a| {
        *a.borrow_mut() = Some(App {
            snap,
            state,
            charts,
            embed: embed.clone(),
        })
    });
    listen_page(&doc)?;
    show_url_issues(&doc, &issues)?;
    if embed.is_none() {
        // The section the address names; later ones come as `SectionSeen` effects.
        sync_nav(from_url.section.as_deref());
    }
    follow_sections(&doc)?;
    if let Some(i) = focus_chart.filter(|_| embed.is_none()) {
        with_app(|app| {
            let m = &app.charts[i];
            m.figure.scroll_into_view();
            let _ = m.container.focus();
        });
    }
    if let Some(e) = embed {
        report_heights(&doc, e)?;
    }
    Ok(Started::Ready)
}

/// Resolves at the next animation frame, or after 50 ms where the browser runs no frames
/// (an embed out of view in its host page).
async fn next_frame() -> Result<(), JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}

/// Show one figure only, in the theme the host asked for. The full page is first taken away
/// for a frame, then the figure appears at the top: content that disappears or appears is not
/// a layout shift, whereas the figure sliding up from below the report's header would be.
async fn enter_embed(doc: &Document, e: &Embed) -> Result<(), JsValue> {
    let root = doc.document_element().ok_or("no root element")?;
    // An embed document is in embed layout from its first paint; the report's own address
    // with `?embed=` steps aside first.
    if !root.class_list().contains("embed") {
        root.class_list().add_1("embed-pending")?;
        next_frame().await?;
        next_frame().await?;
        root.class_list().add_1("embed")?;
        root.class_list().remove_1("embed-pending")?;
    }
    match e.theme {
        embed::Theme::Light => root.set_attribute("data-theme", "light")?,
        embed::Theme::Dark => root.set_attribute("data-theme", "dark")?,
        embed::Theme::Auto => {}
    }
    // The id is one of the fixed chart ids, never the raw parameter.
    if let Some(figure) = doc.query_selector(&format!("figure[data-chart=\"{}\"]", e.chart))? {
        figure.set_attribute("data-embedded", "")?;
    }
    Ok(())
}

/// An embed that cannot be shown: a short readable message in the frame, and nothing else.
fn embed_refused(doc: &Document, snap: &Snapshot, errors: &[EmbedError]) -> Result<(), JsValue> {
    let ui = &snap.strings.ui;
    let text: Vec<String> = errors
        .iter()
        .map(|e| match e {
            EmbedError::UnknownChart(v) => format!("{} “{v}”.", ui.embed_unknown_chart),
            EmbedError::UnknownTheme(v) => format!("{} “{v}”.", ui.embed_unknown_theme),
            EmbedError::BadChildId(v) => format!("{} “{v}”.", ui.embed_bad_child),
        })
        .collect();
    let root = doc.document_element().ok_or("no root element")?;
    root.class_list().add_2("embed", "embed-refused")?;
    if let Some(note) = doc.get_element_by_id("embed-message") {
        // Set as text: the values come from the URL.
        note.set_text_content(Some(&text.join(" ")));
        note.remove_attribute("hidden")?;
    }
    report_heights(
        doc,
        Embed {
            chart: String::new(),
            theme: embed::Theme::Auto,
            pym: None,
        },
    )?;
    Ok(())
}

/// Tell the host page the content's height (integer CSS px) whenever it changes, by
/// Datawrapper's message and, when a pym parent asked, by pym's; answer pym's width messages.
fn report_heights(doc: &Document, e: Embed) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let Some(parent) = window.parent()? else {
        return Ok(());
    };
    let body = doc.body().ok_or("no body")?;
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let send = {
        let e = e.clone();
        move |force: bool| {
            // The content's own height: the body's box (never the window's).
            let h = body.get_bounding_client_rect().height().ceil() as u32;
            if h == 0 || (h == last.get() && !force) {
                return;
            }
            last.set(h);
            let inner = js_sys::Object::new();
            let key = if e.chart.is_empty() {
                "embed"
            } else {
                e.chart.as_str()
            };
            let _ = js_sys::Reflect::set(&inner, &key.into(), &JsValue::from(h));
            let outer = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&outer, &"datawrapper-height".into(), &inner);
            let _ = parent.post_message(&outer, "*");
            if let Some(child) = &e.pym {
                let _ = parent.post_message(&JsValue::from_str(&embed::pym_height(child, h)), "*");
            }
        }
    };
    let send = std::rc::Rc::new(send);
    send(true);
    let s = send.clone();
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| s(false));
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    on_resize.forget();
    if let Some(b) = doc.body() {
        observer.observe(&b);
    }
    if let Some(child) = e.pym {
        on(
            window.as_ref(),
            "message",
            move |m: web_sys::MessageEvent| {
                // Only pym's exact width message for this child; everything else is ignored.
                if let Some(text) = m.data().as_string() {
                    if embed::pym_width(&text, &child).is_some() {
                        send(true);
                    }
                }
            },
        )?;
    }
    Ok(())
}

fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.with(|a| a.try_borrow_mut().ok()?.as_mut().map(f))
}

/// Run a message through `update` and carry out its effects.
fn dispatch(msg: Msg) {
    with_app(|app| {
        let charts = &app.charts;
        let fx = state::update(&mut app.state, msg, |i| {
            charts.get(i).map_or(1, |m| m.chart.series.len())
        });
        apply(app, fx, false);
    });
}

/// Carry out an update's effects. `every` re-checks every chart against its size, DPR and
/// colour scheme (after a resize or a scheme change); otherwise only the charts the update
/// names are redrawn, so a pointer moving over a chart costs no layout reads.
fn apply(app: &mut App, fx: Effects, every: bool) {
    let every = every || fx.rebuild;
    if fx.rebuild {
        if let Some(doc) = document() {
            sync_selects(&doc, app.state.country);
        }
        for m in app
            .charts
            .iter_mut()
            .filter(|m| crate::html::has_selector(&app.snap, &m.id))
        {
            match spec::build_for(&app.snap, &m.id, app.state.country) {
                Ok(chart) => m.chart = chart,
                Err(e) => web_sys::console::error_1(&JsValue::from_str(&e.to_string())),
            }
            // Force a redraw: the data changed, not the size.
            m.drawn.0 = -1.0;
            if let Err(e) = replace_table(m, &app.snap) {
                web_sys::console::error_1(&e);
            }
            point_downloads(m, app.state.country);
        }
    }
    let focus = app.state.focus;
    for (i, m) in app.charts.iter_mut().enumerate() {
        if every || fx.redraw.contains(&i) {
            let point = focus.filter(|f| f.0 == i).and_then(|f| f.1);
            redraw(m, point);
        }
    }
    if let (Some(p), Some((chart, _))) = (fx.announce, app.state.focus) {
        if let (Some(m), Some(el)) = (
            app.charts.get(chart),
            document().and_then(|d| d.get_element_by_id("announcer")),
        ) {
            let text = state::describe(&m.chart, p, &app.snap.strings.ui).unwrap_or_default();
            el.set_text_content(Some(&text));
        }
    }
    sync_tooltips(app);
    if fx.nav && app.embed.is_none() {
        sync_nav(app.state.section.as_deref());
    }
    if fx.url && app.embed.is_none() {
        write_url(app);
    }
}

/// Redraw a chart if its size, scale, colour scheme or focused point changed.
fn redraw(m: &mut Mounted, point: Option<Point>) {
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
fn draw_key(container: &HtmlElement, point: Option<Point>) -> (f64, f64, bool, Option<Point>) {
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

fn theme(dark: bool) -> &'static Theme {
    if dark {
        &DARK
    } else {
        &LIGHT
    }
}

/// Where the pointer is on a chart, in the canvas's CSS pixels.
fn point_at(i: usize, e: &PointerEvent) -> Option<Point> {
    with_app(|app| {
        let m = app.charts.get(i)?;
        let r = m.canvas.get_bounding_client_rect();
        m.layout.hit(
            f64::from(e.client_x()) - r.left(),
            f64::from(e.client_y()) - r.top(),
        )
    })
    .flatten()
}

fn on<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    kind: &str,
    f: impl FnMut(E) + 'static,
) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(E)>::new(f);
    target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
    closure.forget();
    Ok(())
}

fn listen_chart(i: usize, m: &Mounted) -> Result<(), JsValue> {
    let c: &web_sys::EventTarget = m.container.as_ref();
    on(c, "focus", move |_: Event| {
        dispatch(Msg::Focus { chart: i })
    })?;
    on(c, "blur", move |_: Event| dispatch(Msg::Blur { chart: i }))?;
    on(c, "keydown", move |e: KeyboardEvent| {
        let key = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => Key::Next,
            "ArrowLeft" | "ArrowUp" => Key::Previous,
            "Home" => Key::First,
            "End" => Key::Last,
            "Escape" => Key::Escape,
            _ => return,
        };
        // The keys move within the chart instead of scrolling the page; Tab is left alone.
        e.prevent_default();
        let points = with_app(|app| app.charts.get(i).map_or(0, |m| state::points(&m.chart)));
        dispatch(Msg::Key {
            chart: i,
            key,
            points: points.unwrap_or(0),
        });
    })?;
    let tooltip = m.tooltip.clone();
    on(c, "pointermove", move |e: PointerEvent| {
        if e.pointer_type() == "touch" {
            return;
        }
        // Over the tooltip itself: keep it (it is hoverable).
        let on_tip = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| tooltip.contains(Some(&n)));
        let at = if on_tip { None } else { point_at(i, &e) };
        dispatch(Msg::Hover { chart: i, at });
    })?;
    on(c, "pointerleave", move |_: PointerEvent| {
        dispatch(Msg::Leave { chart: i })
    })?;
    on(c, "pointerdown", move |e: PointerEvent| {
        if e.pointer_type() == "touch" {
            // No preventDefault: a tap never blocks scrolling.
            dispatch(Msg::Tap {
                chart: i,
                at: point_at(i, &e),
            });
        }
    })?;
    Ok(())
}

/// The embed code and download buttons under a chart.
fn listen_tools(i: usize, m: &Mounted) -> Result<(), JsValue> {
    if let Some(details) = m.figure.query_selector("details.figure-tools")? {
        let d: web_sys::HtmlDetailsElement = details.unchecked_into();
        let target = d.clone();
        on(d.as_ref(), "toggle", move |_: Event| {
            if target.open() {
                with_app(|app| fill_embed_code(app, i));
            }
        })?;
    }
    if let Some(button) = m.figure.query_selector("button[data-download=\"png\"]")? {
        on(button.as_ref(), "click", move |_: Event| {
            with_app(|app| {
                if let Err(e) = download_png(app, i) {
                    web_sys::console::error_1(&e);
                }
            });
        })?;
    }
    Ok(())
}

/// The report's folder (origin and path, ending in `/`): embed documents are in it, wherever
/// the report is hosted.
fn report_folder() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            let path = l.pathname().unwrap_or_default();
            format!("{}{}", l.origin().unwrap_or_default(), embed::folder(&path))
        })
        .unwrap_or_default()
}

/// Put the report's address into the embed code, and measure the embed's height at 600 px by
/// embedding the chart in a hidden 600 px frame and reading the height it reports.
fn fill_embed_code(app: &mut App, i: usize) {
    let Some(m) = app.charts.get_mut(i) else {
        return;
    };
    let base = report_folder();
    if let Ok(areas) = m.figure.query_selector_all("textarea.embed-code") {
        for t in each::<web_sys::HtmlTextAreaElement>(&areas) {
            t.set_value(&t.value().replace(embed::URL_MARK, &base));
        }
    }
    if m.measuring.is_some() {
        return;
    }
    let Some(doc) = document() else { return };
    let Ok(frame) = doc.create_element("iframe") else {
        return;
    };
    let frame: web_sys::HtmlIFrameElement = frame.unchecked_into();
    frame.set_src(&format!("{base}{}", embed::document_path(&m.id)));
    frame.set_title(&m.chart.title);
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    frame.set_class_name("measure-frame");
    if let Some(body) = doc.body() {
        let _ = body.append_child(&frame);
    }
    m.measuring = Some(frame);
}

/// A height reported by one of our measuring frames: fill it into that chart's embed code.
fn measured(app: &mut App, source: &JsValue, height: u32) {
    for m in &mut app.charts {
        let ours = m
            .measuring
            .as_ref()
            .and_then(|f| f.content_window())
            .is_some_and(|w| JsValue::from(w) == *source);
        if !ours {
            continue;
        }
        if let Ok(Some(t)) = m.figure.query_selector("textarea[data-kind=\"iframe\"]") {
            let t: web_sys::HtmlTextAreaElement = t.unchecked_into();
            t.set_value(&t.value().replace(embed::HEIGHT_MARK, &height.to_string()));
            let _ = t.set_attribute("data-ready", "");
        }
        if let Some(f) = m.measuring.take() {
            f.remove();
        }
    }
}

/// The PNG download: the chart drawn at 640 CSS px and devicePixelRatio 2 with its title and
/// source line. (The CSV and SVG are files the build wrote; see `point_downloads`.)
fn download_png(app: &App, i: usize) -> Result<(), JsValue> {
    let m = app.charts.get(i).ok_or("no such chart")?;
    let source = m.chart.source.plain(&app.snap.strings.ui);
    let doc = document().ok_or("no document")?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
    let footer = render::wrap(&source, 640.0);
    let (w, h, dpr) = (640.0, render::image_height(&m.chart, footer.len()), 2.0);
    canvas.set_width((w * dpr) as u32);
    canvas.set_height((h * dpr) as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsValue::from_str("the canvas has no 2D context"))?;
    render::image(
        &backend.into_drawing_area(),
        &m.chart,
        Frame::canvas(w, dpr),
        &LIGHT,
        &footer,
    )
    .map_err(|e| JsValue::from_str(&format!("drawing failed: {e}")))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&canvas.to_data_url()?);
    a.set_download(&crate::export::file_name(&m.id, None, "png"));
    a.click();
    Ok(())
}

/// Point a chart's CSV and SVG links at the files for `country` (or the region-wide ones).
fn point_downloads(m: &Mounted, country: Option<Country>) {
    for ext in ["csv", "svg"] {
        let selector = format!("a[data-download=\"{ext}\"]");
        if let Ok(Some(a)) = m.figure.query_selector(&selector) {
            let _ = a.set_attribute("href", &crate::export::path(&m.id, country, ext));
            let _ = a.set_attribute("download", &crate::export::file_name(&m.id, country, ext));
        }
    }
}

/// Page-wide listeners; called once the app exists.
fn listen_page(doc: &Document) -> Result<(), JsValue> {
    let d: &web_sys::EventTarget = doc.as_ref();
    on(d, "keydown", |e: KeyboardEvent| {
        if e.key() == "Escape" {
            dispatch(Msg::Dismiss);
        }
    })?;
    on(d, "pointerdown", |e: PointerEvent| {
        let inside = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest(".chart").ok().flatten())
            .is_some();
        if !inside {
            dispatch(Msg::TapOutside);
        }
    })?;
    // Heights reported by our own measuring frames (see `fill_embed_code`).
    let window = web_sys::window().ok_or("no window")?;
    on(window.as_ref(), "message", |m: web_sys::MessageEvent| {
        let data = m.data();
        let Ok(inner) = js_sys::Reflect::get(&data, &"datawrapper-height".into()) else {
            return;
        };
        if !inner.is_object() {
            return;
        }
        let Some(source) = m.source() else { return };
        let inner: js_sys::Object = inner.unchecked_into();
        let values: js_sys::Array = js_sys::Object::values(&inner);
        if let Some(h) = values
            .get(0)
            .as_f64()
            .filter(|h| *h > 0.0 && *h < 100_000.0)
        {
            with_app(|app| measured(app, &JsValue::from(source), h as u32));
        }
    })?;
    for select in each::<HtmlSelectElement>(&doc.query_selector_all("select.country-select")?) {
        select.set_disabled(false);
        let s = select.clone();
        on(select.as_ref(), "change", move |_: Event| {
            let code = s.value();
            let country = with_app(|app| app.snap.data.country(&code)).flatten();
            dispatch(Msg::SelectCountry(country));
        })?;
    }

    // Redraw a chart when its container changes size, the colour scheme changes, or the
    // devicePixelRatio changes (zoom, or a window moved to another screen).
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(|_: js_sys::Array| {
        with_app(|app| apply(app, Effects::default(), true));
    });
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    on_resize.forget();
    with_app(|app| {
        for m in &app.charts {
            observer.observe(&m.container);
        }
    });
    if let Some(q) = window.match_media("(prefers-color-scheme: dark)")? {
        on(q.as_ref(), "change", |_: Event| {
            with_app(|app| apply(app, Effects::default(), true));
        })?;
    }
    on(window.as_ref(), "resize", |_: Event| {
        with_app(|app| apply(app, Effects::default(), true));
    })?;
    Ok(())
}

/// Every country selector shows the current choice.
fn sync_selects(doc: &Document, country: Option<Country>) {
    let value = country.map_or(String::new(), |c| c.code().to_owned());
    if let Ok(selects) = doc.query_selector_all("select.country-select") {
        for s in each::<HtmlSelectElement>(&selects) {
            s.set_value(&value);
        }
    }
}

/// The table under a chart follows the chart (the country's column appears and goes).
fn replace_table(m: &Mounted, snap: &Snapshot) -> Result<(), JsValue> {
    if let Some(table) = m.figure.query_selector("table.data-table")? {
        // Built by the same escaping code as the static page; nothing here comes from the URL
        // but a country already matched against the fixed list.
        table.set_outer_html(&crate::html::table(&m.chart, &snap.strings));
    }
    Ok(())
}

fn sync_tooltips(app: &App) {
    for (i, m) in app.charts.iter().enumerate() {
        let tip = app.state.tip.filter(|t| t.chart == i);
        let text = tip.and_then(|t| state::describe(&m.chart, t.point, &app.snap.strings.ui));
        match (tip, text) {
            (Some(t), Some(text)) => {
                m.tooltip.set_text_content(Some(&text));
                m.tooltip.set_hidden(false);
                let (x, y) = tip_position(m, t.point);
                let style = m.tooltip.style();
                let _ = style.set_property("left", &num::px(x));
                let _ = style.set_property("top", &num::px(y));
            }
            _ => m.tooltip.set_hidden(true),
        }
    }
}

/// Just below the point's lane, kept inside the chart's width.
fn tip_position(m: &Mounted, (row, series): Point) -> (f64, f64) {
    let Some(bar) = m.layout.rows.get(row).and_then(|r| r.bars.get(series)) else {
        return (0.0, 0.0);
    };
    let width = m.tooltip.offset_width() as f64;
    let x = bar
        .rect
        .map_or(bar.text_at.0, |r| (r.x0 + r.x1) / 2.0 - width / 2.0);
    let x = x.clamp(0.0, (m.layout.width - width).max(0.0));
    (x.round(), (bar.lane.1 + 6.0).round())
}

fn sync_nav(section: Option<&str>) {
    let Some(doc) = document() else { return };
    let Ok(links) = doc.query_selector_all("nav.toc a") else {
        return;
    };
    let current = section.map(|s| format!("#{s}"));
    for link in each::<Element>(&links) {
        if link.get_attribute("href") == current {
            let _ = link.set_attribute("aria-current", "location");
            keep_in_view(&link);
        } else {
            let _ = link.remove_attribute("aria-current");
        }
    }
}

/// On a narrow screen the navigation scrolls sideways: bring the current section's link into
/// it (only the list scrolls, never the page).
fn keep_in_view(link: &Element) {
    let Ok(Some(list)) = link.closest("ol") else {
        return;
    };
    let Some(link) = link.dyn_ref::<HtmlElement>() else {
        return;
    };
    let (left, width) = (
        f64::from(link.offset_left()),
        f64::from(link.offset_width()),
    );
    let (scroll, visible) = (
        f64::from(list.scroll_left()),
        f64::from(list.client_width()),
    );
    if left < scroll || left + width > scroll + visible {
        list.set_scroll_left((left - 16.0).max(0.0) as i32);
    }
}

fn write_url(app: &App) {
    let state = UrlState {
        country: app.state.country,
        chart: app
            .state
            .chart
            .and_then(|i| app.charts.get(i))
            .map(|m| m.id.clone()),
        section: app
            .state
            .section
            .clone()
            .filter(|s| app.snap.report.sections.contains(s)),
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    // Keep parameters that belong to others (embed, theme, pym's childId) as they are.
    let kept: Vec<String> = window
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("country=") && !p.starts_with("chart="))
        .map(str::to_owned)
        .collect();
    let ours = url::print(&state);
    let (query, hash) = ours
        .split_once('#')
        .map_or((ours.as_str(), ""), |(q, h)| (q, h));
    let mut params: Vec<String> = kept;
    params.extend(
        query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(str::to_owned),
    );
    let mut href = path;
    if !params.is_empty() {
        href.push('?');
        href.push_str(&params.join("&"));
    }
    if !hash.is_empty() {
        href.push('#');
        href.push_str(hash);
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&href));
    }
}

/// A short, visible note for each URL parameter that could not be used; its text is set as
/// text, never as HTML.
fn show_url_issues(doc: &Document, issues: &[Issue]) -> Result<(), JsValue> {
    if issues.is_empty() {
        return Ok(());
    }
    let Some(note) = doc.get_element_by_id("url-note") else {
        return Ok(());
    };
    let lines: Vec<String> = with_app(|app| {
        let ui = &app.snap.strings.ui;
        issues
            .iter()
            .map(|i| match i {
                Issue::UnknownCountry(v) => format!("{} “{v}”.", ui.url_unknown_country),
                Issue::UnknownChart(v) => format!("{} “{v}”.", ui.url_unknown_chart),
                Issue::UnknownSection(v) => format!("{} “{v}”.", ui.url_unknown_section),
            })
            .collect()
    })
    .unwrap_or_default();
    let dismiss = with_app(|app| app.snap.strings.ui.dismiss.clone()).unwrap_or_default();
    note.set_text_content(Some(&lines.join(" ")));
    let button: HtmlElement = doc.create_element("button")?.unchecked_into();
    button.set_text_content(Some(&dismiss));
    button.set_class_name("dismiss");
    let n = note.clone();
    on(button.as_ref(), "click", move |_: Event| {
        let _ = n.set_attribute("hidden", "");
    })?;
    note.append_child(&button)?;
    note.remove_attribute("hidden")?;
    Ok(())
}

/// Tell `state` which section the reader is in (the one crossing the middle of the viewport).
fn follow_sections(doc: &Document) -> Result<(), JsValue> {
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let entry: IntersectionObserverEntry = entry.unchecked_into();
            if entry.is_intersecting() {
                dispatch(Msg::SectionSeen(entry.target().id()));
            }
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin("-45% 0px -54% 0px");
    let observer =
        IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options)?;
    on_change.forget();
    for section in each::<Element>(&doc.query_selector_all("main > section[id]")?) {
        observer.observe(&section);
    }
    Ok(())
}

/// The nodes of a query's result that are of type `T`.
fn each<T: JsCast>(list: &web_sys::NodeList) -> Vec<T> {
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<T>().ok())
        .collect()
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
    // For the benchmark: when, since navigation start, the page became ready.
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("report-ready");
    }
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
