//! History and the URL: the address kept current with `replaceState`, and the visible note
//! for parameters that could not be used.

use super::*;

/// The state the address carries.
#[cfg(feature = "page")]
pub(super) fn url_state(app: &App) -> UrlState {
    UrlState {
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
            .filter(|s| app.src.known().sections.contains(s)),
        value: None,
    }
}

#[cfg(feature = "page")]
pub(super) fn write_url(app: &App) {
    let state = url_state(app);
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let href = url::href(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
        &state,
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&href));
    }
    edition_links(&state);
}

/// The language switch's links carry the reader's section, chart and country to the other
/// editions (each link's own address is in `data-base`). Not in an embed: its callers check.
#[cfg(feature = "page")]
pub(super) fn edition_links(state: &UrlState) {
    let Some(doc) = document() else { return };
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let Ok(links) = doc.query_selector_all(dom::EDITION_LINKS) else {
        return;
    };
    for a in each::<Element>(&links) {
        if let Some(base) = a.get_attribute(dom::EDITION_BASE_ATTR) {
            let _ = a.set_attribute("href", &url::href(&base, &search, state));
        }
    }
}

/// A short, visible note for each URL parameter that could not be used; its text is set as
/// text, never as HTML.
pub(super) fn show_url_issues(doc: &Document, issues: &[Issue]) -> Result<(), JsValue> {
    if issues.is_empty() {
        return Ok(());
    }
    let Some(note) = doc.get_element_by_id(dom::URL_NOTE_ID) else {
        return Ok(());
    };
    let lines: Vec<String> = with_app(|app| {
        let ui = app.src.ui();
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
    let dismiss = with_app(|app| app.src.ui().dismiss.clone()).unwrap_or_default();
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
