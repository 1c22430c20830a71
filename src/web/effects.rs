//! Applying effects: what `state::update` decided, carried out on the page (rebuild and
//! redraw charts, the live region, tooltips, selectors, navigation, embed code).

use super::*;

/// Run a message through `update` and carry out its effects (`dispatch` queues it first).
pub(super) fn run(app: &mut App, msg: Msg) {
    let charts = &app.charts;
    let fx = state::update(&mut app.state, msg, |i| {
        charts.get(i).map_or(1, |m| m.chart.series.len())
    });
    apply(app, fx, false);
}

/// Carry out an update's effects. `every` re-checks every chart against its size, DPR and
/// colour scheme (after a resize or a scheme change); otherwise only the charts the update
/// names are redrawn, so a pointer moving over a chart costs no layout reads.
pub(super) fn apply(app: &mut App, fx: Effects, every: bool) {
    let every = every || fx.rebuild;
    if fx.rebuild {
        if let Some(doc) = document() {
            sync_selects(&doc, app.state.country);
        }
        for m in app
            .charts
            .iter_mut()
            .filter(|m| app.src.known().has_selector(&m.id))
        {
            match app.src.chart(&m.id, app.state.country) {
                Some(chart) => m.chart = chart,
                None => web_sys::console::error_1(&JsValue::from_str(&unbuilt(&m.id))),
            }
            // Force a redraw: the data changed, not the size.
            m.drawn.0 = -1.0;
            if let Err(e) = replace_table(m, app.src.ui()) {
                web_sys::console::error_1(&e);
            }
            #[cfg(feature = "page")]
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
            document().and_then(|d| d.get_element_by_id(dom::ANNOUNCER_ID)),
        ) {
            let text = state::describe(&m.chart, p, app.src.ui()).unwrap_or_default();
            el.set_text_content(Some(&text));
        }
    }
    sync_tooltips(app);
    #[cfg(feature = "page")]
    if fx.nav && app.embed.is_none() {
        sync_nav(app.state.section.as_deref());
    }
    #[cfg(feature = "page")]
    if fx.url && app.embed.is_none() {
        write_url(app);
    }
}

/// Every country selector shows the current choice.
pub(super) fn sync_selects(doc: &Document, country: Option<Country>) {
    let value = country.map_or(String::new(), |c| c.code().to_owned());
    if let Ok(selects) = doc.query_selector_all(dom::COUNTRY_SELECTS) {
        for s in each::<HtmlSelectElement>(&selects) {
            s.set_value(&value);
        }
    }
}

pub(super) fn sync_tooltips(app: &App) {
    for (i, m) in app.charts.iter().enumerate() {
        let tip = app.state.tip.filter(|t| t.chart == i);
        let text = tip.and_then(|t| state::describe(&m.chart, t.point, app.src.ui()));
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

/// Where the tooltip goes: `layout::tooltip_at`, with the tooltip's own rendered width.
pub(super) fn tip_position(m: &Mounted, point: Point) -> (f64, f64) {
    layout::tooltip_at(&m.layout, point, f64::from(m.tooltip.offset_width()))
}

#[cfg(feature = "page")]
pub(super) fn sync_nav(section: Option<&str>) {
    let Some(doc) = document() else { return };
    let Ok(links) = doc.query_selector_all(dom::TOC_LINKS) else {
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
#[cfg(feature = "page")]
pub(super) fn keep_in_view(link: &Element) {
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

/// "Copy with source": the value the reader picked in chart `i` (or the chart), with its
/// source and address (`state::copy_text`), to the clipboard; the status line says it was
/// copied, or, where the browser refused, shows the text to copy by hand.
pub(super) fn copy_source(app: &mut App, i: usize) {
    let Some(m) = app.charts.get(i) else { return };
    let point = app.state.picked.filter(|p| p.0 == i).map(|p| p.1);
    let ui = app.src.ui();
    let text = state::copy_text(&m.chart, point, ui, &report_folder());
    let Ok(Some(status)) = m.figure.query_selector(dom::COPY_STATUS) else {
        return;
    };
    if copy_by_selection(&text) {
        status.set_text_content(Some(&ui.copy_done));
    } else {
        let mut shown = ui.copy_failed.clone();
        shown.push(' ');
        shown.push_str(&text);
        status.set_text_content(Some(&shown));
    }
}

/// Copy `text` through a selected, off-screen text box (`document.execCommand("copy")`, in
/// the click's user activation): unlike the Clipboard API, it works in a frame on another
/// site's page, which would need `allow="clipboard-write"` on its iframe.
fn copy_by_selection(text: &str) -> bool {
    let Some(doc) = document() else { return false };
    let Ok(area) = doc.create_element("textarea") else {
        return false;
    };
    let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("class", crate::dom::COPY_BUFFER_CLASS);
    let Some(body) = doc.body() else { return false };
    // Selecting moves the focus: it goes back where it was (the button) afterwards.
    let had_focus = doc.active_element();
    let _ = body.append_child(&area);
    area.select();
    // iOS selects a read-only box only by range.
    let _ = area.set_selection_range(0, text.len() as u32);
    let html: &web_sys::HtmlDocument = doc.unchecked_ref();
    let ok = html.exec_command("copy").unwrap_or(false);
    area.remove();
    if let Some(e) = had_focus.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = e.focus();
    }
    ok
}

/// The report's folder (origin and path, ending in `/`), wherever the report is hosted: the
/// page's own folder, or for an embed document (`<html data-embed>`, in `embed/`) the one
/// above it. Embed documents and the report's address are found from it.
pub(super) fn report_folder() -> String {
    let embed_document = document()
        .and_then(|d| d.document_element())
        .is_some_and(|r| r.has_attribute("data-embed"));
    web_sys::window()
        .map(|w| {
            let l = w.location();
            let path = l.pathname().unwrap_or_default();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                embed::report_folder(&path, embed_document)
            )
        })
        .unwrap_or_default()
}

/// Put the report's address into the embed code, and measure the embed's height at 600 px by
/// embedding the chart in a hidden 600 px frame and reading the height it reports.
#[cfg(feature = "page")]
pub(super) fn fill_embed_code(app: &mut App, i: usize) {
    let Some(m) = app.charts.get_mut(i) else {
        return;
    };
    let base = report_folder();
    if let Ok(areas) = m.figure.query_selector_all(dom::EMBED_CODES) {
        for t in each::<web_sys::HtmlTextAreaElement>(&areas) {
            if let Some(v) = embed::fill_mark(&t.value(), embed::URL_MARK, &base) {
                t.set_value(&v);
            }
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

/// The render flags ticked under chart `i`, written into each of its embed codes (which keep
/// the release they record).
#[cfg(feature = "page")]
pub(super) fn set_flags(app: &mut App, i: usize) {
    let Some(m) = app.charts.get(i) else { return };
    let mut flags = embed::Flags::default();
    if let Ok(inputs) = m.figure.query_selector_all(dom::FLAGS) {
        for input in each::<web_sys::HtmlInputElement>(&inputs) {
            let name = input.get_attribute(dom::FLAG_ATTR).unwrap_or_default();
            flags = flags.with(&name, input.checked());
        }
    }
    if let Ok(areas) = m.figure.query_selector_all(dom::EMBED_CODES) {
        for t in each::<web_sys::HtmlTextAreaElement>(&areas) {
            // pym's code names the document in a script's string; the others in attributes.
            let attribute = t.get_attribute("data-kind").as_deref() != Some("pym");
            t.set_value(&embed::requery(&t.value(), &m.id, flags, attribute));
        }
    }
}

/// A height reported by one of our measuring frames: fill it into that chart's embed code.
#[cfg(feature = "page")]
pub(super) fn measured(app: &mut App, source: &JsValue, height: u32) {
    for m in &mut app.charts {
        let ours = m
            .measuring
            .as_ref()
            .and_then(|f| f.content_window())
            .is_some_and(|w| JsValue::from(w) == *source);
        if !ours {
            continue;
        }
        if let Ok(areas) = m.figure.query_selector_all(dom::EMBED_CODES) {
            for t in each::<web_sys::HtmlTextAreaElement>(&areas) {
                if let Some(v) =
                    embed::fill_mark(&t.value(), embed::HEIGHT_MARK, &height.to_string())
                {
                    t.set_value(&v);
                }
                let _ = t.set_attribute("data-ready", "");
            }
        }
        if let Some(f) = m.measuring.take() {
            f.remove();
        }
    }
}
