//! Start-up and readiness: the `wasm_bindgen(start)` entry, the panic hook, reading the
//! snapshot, mounting every chart, and `<html data-report-state>` (loading, ready, error).

use super::*;

/// `<p id=report-status>`: the loading note, removed on success, replaced by the error.
pub(super) const STATUS_ID: &str = dom::STATUS_ID;

/// Why start-up failed, in words for the page.
#[derive(Debug)]
pub(super) enum StartError {
    Data(String),
    /// A figure names a chart the data does not define.
    UnknownChart(String),
    /// A chart that could not be built. The build has built every chart and every country
    /// view of it, so this cannot happen with the embedded data; the browser says which chart
    /// without the builder's own messages, which stay out of the WASM.
    Chart(String),
    Browser(String),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Data(e) => write!(f, "the embedded data could not be read: {e}"),
            StartError::UnknownChart(id) => {
                write!(f, "the page shows a chart the data does not define: “{id}”")
            }
            StartError::Chart(id) => write!(f, "{}", unbuilt(id)),
            StartError::Browser(e) => write!(f, "{e}"),
        }
    }
}

impl StartError {
    /// The catalog's words for it (`failed_*`, carried by the status line) and its chart.
    fn reason(&self) -> (&'static str, Option<&str>) {
        match self {
            StartError::Data(_) => ("data", None),
            StartError::UnknownChart(id) => ("chart", Some(id)),
            StartError::Chart(id) => ("build", Some(id)),
            StartError::Browser(_) => ("browser", None),
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
        fail("code", None);
    }));
    if let Err(e) = begin() {
        finish(Err(e));
    }
}

/// The address in each "Cite this chart" box, where the build did not know it (no
/// `SITE_URL`): the report's folder as this document sees it.
fn fill_citations(doc: &Document) -> Result<(), JsValue> {
    let base = report_folder();
    for t in each::<web_sys::HtmlTextAreaElement>(&doc.query_selector_all(dom::CITE_CODES)?) {
        if let Some(v) = embed::fill_mark(&t.value(), embed::URL_MARK, &base) {
            t.set_value(&v);
        }
    }
    Ok(())
}

/// The message for a chart that could not be built.
pub(super) fn unbuilt(id: &str) -> String {
    format!("the chart “{id}” could not be built from the embedded data")
}

pub(super) enum Started {
    Ready,
    /// An embed whose parameters could not be used: a message instead of a chart.
    Refused,
    /// The report's address with `?embed=`: mounting goes on once the page has stepped aside
    /// (`frame::step_aside`).
    #[cfg(feature = "page")]
    Later,
}

/// Signal how start-up ended.
pub(super) fn finish(outcome: Result<Started, StartError>) {
    match outcome {
        Ok(Started::Ready) => ready(),
        // The message is on the page already; the state says it is not a chart.
        Ok(Started::Refused) => set_state("error"),
        #[cfg(feature = "page")]
        Ok(Started::Later) => {}
        Err(e) => {
            // The details, in English, for whoever debugs it; the reader gets the catalog's.
            web_sys::console::error_1(&JsValue::from_str(&e.to_string()));
            let (reason, id) = e.reason();
            fail(reason, id);
        }
    }
}

/// Read the snapshot while the fonts load; mount once they have (canvas text uses whatever
/// font is loaded when it is drawn). The report names system fonts only, so there is usually
/// nothing to wait for: then it mounts at once, since `fonts.ready` would still settle only
/// after the document's next style and layout update. Callbacks, not futures: no executor in
/// the WASM.
fn begin() -> Result<(), StartError> {
    let doc = document().ok_or_else(|| StartError::Browser("no document".into()))?;
    let src = timed("snapshot-load", || source(&doc))?;
    // It lives as long as the page: kept, never dropped (which keeps its drop code, 3 KB,
    // out of the WASM).
    let src: &'static Source = Box::leak(Box::new(src));
    let fonts = doc.fonts();
    if fonts.status() == web_sys::FontFaceSetLoadStatus::Loaded {
        finish(run(src));
        return Ok(());
    }
    let fonts = fonts.ready()?;
    let then: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| finish(run(src)));
    let _ = fonts.then(&then);
    then.forget();
    Ok(())
}

/// The report page: the data and chart definitions in the WASM, the edition's strings in the
/// document.
#[cfg(feature = "page")]
fn source(doc: &Document) -> Result<Source, StartError> {
    let strings = block(doc, crate::snapshot::STRINGS_ID)?;
    // A page of the live preview carries its data (development builds only).
    #[cfg(debug_assertions)]
    if let Ok(core) = block(doc, crate::snapshot::CORE_ID) {
        super::preview::follow();
        return crate::snapshot::read(&core, &strings)
            .map(crate::views::Live::new)
            .map_err(|e| StartError::Data(e.to_string()));
    }
    crate::load_snapshot(&strings)
        .map(crate::views::Live::new)
        .map_err(|e| StartError::Data(e.to_string()))
}

/// An embed document: its chart's views, in the document.
#[cfg(not(feature = "page"))]
fn source(doc: &Document) -> Result<Source, StartError> {
    let views = block(doc, crate::snapshot::VIEWS_ID)?;
    crate::snapshot::read_views(&views).map_err(|e| StartError::Data(e.to_string()))
}

/// The bytes of the document's `<script type="application/octet-stream" id=ID>` block.
fn block(doc: &Document, id: &str) -> Result<Vec<u8>, StartError> {
    doc.get_element_by_id(id)
        .and_then(|e| e.text_content())
        .map(|t| crate::snapshot::from_text(&t))
        .ok_or_else(|| StartError::Data(format!("the document carries no “{id}” block")))
}

/// Time `f` as a User Timing measure named `name` (read by the benchmark in `bench/`).
pub(super) fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
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

/// The embed request, then the charts (`mount`).
fn run(src: &'static Source) -> Result<Started, StartError> {
    let doc = document().ok_or_else(|| StartError::Browser("no document".into()))?;
    let window = web_sys::window().ok_or_else(|| StartError::Browser("no window".into()))?;
    let location = window.location();
    let search = location.search().unwrap_or_default();
    // An embed document names its chart on the root element.
    let document_chart = doc
        .document_element()
        .and_then(|r| r.get_attribute("data-embed"));
    let embed = match embed::parse(&search, document_chart.as_deref(), src.known()) {
        None => None,
        Some(Ok(e)) => Some(e),
        Some(Err(errors)) => {
            embed_refused(&doc, src.ui(), &errors)?;
            return Ok(Started::Refused);
        }
    };
    if let Some(e) = &embed {
        #[cfg(feature = "page")]
        if !in_embed_layout(&doc) {
            step_aside(&doc, e.clone(), src)?;
            return Ok(Started::Later);
        }
        enter_embed(&doc, e)?;
    }
    mount(doc, src, embed)
}

/// Mount every chart (an embed's one), listen, and follow the address.
pub(super) fn mount(
    doc: Document,
    src: &'static Source,
    embed: Option<Embed>,
) -> Result<Started, StartError> {
    let location = web_sys::window()
        .ok_or_else(|| StartError::Browser("no window".into()))?
        .location();
    let (from_url, issues) = url::parse(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
        src.known(),
    );
    // An address naming a figure only a member state's view shows opens that view.
    let value_view = match (&from_url.value, from_url.country) {
        (Some(v), None) if doc.get_element_by_id(v).is_none() => {
            crate::views::country_holding(src, v)
        }
        _ => None,
    };
    let mut state = State {
        country: from_url.country.or(value_view),
        section: from_url.section.clone(),
        ..State::default()
    };

    let mut charts = Vec::new();
    for figure in each::<Element>(&doc.query_selector_all(dom::FIGURES)?) {
        let id_text = figure.get_attribute(dom::CHART_ATTR).unwrap_or_default();
        let id: String = src
            .known()
            .chart(&id_text)
            .map(|d| d.id.clone())
            .ok_or_else(|| StartError::UnknownChart(id_text.clone()))?;
        // An embed draws its one chart only.
        if embed.as_ref().is_some_and(|e| e.chart != id) {
            continue;
        }
        let chart = src
            .chart(&id, state.country)
            .ok_or_else(|| StartError::Chart(id.clone()))?;
        let container: HtmlElement = figure
            .query_selector(dom::CHART)?
            .ok_or_else(|| StartError::Browser(format!("figure \"{id}\" has no .chart slot")))?
            .unchecked_into();
        let canvas: HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
        canvas.set_attribute("aria-hidden", "true")?;
        // A new canvas: its first store fits the chart exactly (`layout::store_width`).
        canvas.set_width(0);
        let key = draw_key(&container, None);
        let layout = draw(&canvas, &chart, key.0, key.1, theme(key.2), None)?;
        // The live chart takes the static one's place, at the same height: nothing moves.
        match container.query_selector(dom::STATIC_CHART)? {
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
            #[cfg(feature = "page")]
            measuring: None,
        });
    }
    if state.country.is_some() {
        sync_selects(&doc, state.country);
        for m in charts.iter().filter(|m| src.known().has_selector(&m.id)) {
            replace_table(m, src.ui())?;
            #[cfg(feature = "page")]
            point_downloads(m, state.country);
        }
    }
    for (i, m) in charts.iter().enumerate() {
        listen_chart(i, m)?;
        #[cfg(feature = "page")]
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
            src,
            state,
            charts,
            #[cfg(feature = "page")]
            embed: embed.clone(),
        })
    });
    listen_page(&doc)?;
    show_url_issues(&doc, &issues)?;
    #[cfg(feature = "page")]
    if embed.is_none() {
        with_app(|app| edition_links(&url_state(app)));
        // The section the address names; later ones come as `SectionSeen` effects.
        sync_nav(from_url.section.as_deref());
        follow_sections(&doc)?;
        if let Some(i) = focus_chart {
            with_app(|app| {
                let m = &app.charts[i];
                m.figure.scroll_into_view();
                let _ = m.container.focus();
            });
        }
    }
    fill_citations(&doc)?;
    if let (Some(v), Some(_)) = (&from_url.value, value_view) {
        // The figure exists now: navigate to it again, so that it scrolls into view and is
        // the target the stylesheet rings (without a new history entry).
        location.replace(&format!("#{v}"))?;
    }
    if let Some(e) = embed {
        report_heights(&doc, e)?;
    }
    Ok(Started::Ready)
}

#[cfg(feature = "page")]
/// Run `f` after `frames` animation frames, each at most 50 ms (where the browser runs no
/// frames: an embed out of view in its host page).
pub(super) fn after_frames(frames: u32, f: Box<dyn FnOnce()>) {
    let Some(w) = web_sys::window() else { return };
    let slot = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let tick = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = slot.take() {
            if frames > 1 {
                after_frames(frames - 1, f);
            } else {
                f();
            }
        }
    });
    let _ = w.request_animation_frame(tick.as_ref().unchecked_ref());
    let _ =
        w.set_timeout_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 50);
    tick.forget();
}

pub(super) fn set_state(state: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-report-state", state);
    }
}

pub(super) fn ready() {
    if let Some(status) = document().and_then(|d| d.get_element_by_id(STATUS_ID)) {
        status.remove();
    }
    set_state("ready");
    // For the benchmark: when, since navigation start, the page became ready.
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("report-ready");
    }
}

/// Show what went wrong in the page (the text and tables stay usable) and signal `error`:
/// `reason` names the status line's `data-failed-REASON` words, `{id}` in them the chart.
pub(super) fn fail(reason: &str, id: Option<&str>) {
    if let Some(status) = document().and_then(|d| d.get_element_by_id(STATUS_ID)) {
        // The words come from the catalog, through the page, so they exist even when the
        // data that carries the catalog could not be read.
        let lead = status.get_attribute("data-failed").unwrap_or_default();
        let words = status
            .get_attribute(&format!("data-failed-{reason}"))
            .unwrap_or_default();
        let message = crate::text::template(&words, &[("id", id.unwrap_or_default())]);
        let _ = status.set_attribute("role", "alert");
        let _ = status.class_list().add_1("error");
        status.set_text_content(Some(&format!("{lead} {message}")));
    }
    set_state("error");
}
