//! DOM events -> `Msg`: keys, pointer and touch on each chart, the tools under it, the
//! country selectors, resizes, colour-scheme and DPR changes, and the section in view.

use super::*;

/// Where the pointer is on a chart, in the canvas's CSS pixels.
pub(super) fn point_at(i: usize, e: &PointerEvent) -> Option<Point> {
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

pub(super) fn listen_chart(i: usize, m: &Mounted) -> Result<(), JsValue> {
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
        } else {
            dispatch(Msg::Pick {
                chart: i,
                at: point_at(i, &e),
            });
        }
    })?;
    if let Some(button) = m.figure.query_selector(dom::COPY_BUTTON)? {
        button.remove_attribute("hidden")?;
        on(button.as_ref(), "click", move |_: Event| {
            with_app(|app| copy_source(app, i));
        })?;
    }
    Ok(())
}

/// The embed code and download buttons under a chart.
#[cfg(feature = "page")]
pub(super) fn listen_tools(i: usize, m: &Mounted) -> Result<(), JsValue> {
    if let Some(details) = m.figure.query_selector(dom::TOOLS)? {
        let d: web_sys::HtmlDetailsElement = details.unchecked_into();
        let target = d.clone();
        on(d.as_ref(), "toggle", move |_: Event| {
            if target.open() {
                with_app(|app| fill_embed_code(app, i));
            }
        })?;
    }
    for input in each::<web_sys::HtmlInputElement>(&m.figure.query_selector_all(dom::FLAGS)?) {
        input.set_disabled(false);
        on(input.as_ref(), "change", move |_: Event| {
            with_app(|app| set_flags(app, i));
        })?;
    }
    Ok(())
}

/// Page-wide listeners; called once the app exists.
pub(super) fn listen_page(doc: &Document) -> Result<(), JsValue> {
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
            .and_then(|el| el.closest(dom::CHART).ok().flatten())
            .is_some();
        if !inside {
            dispatch(Msg::TapOutside);
        }
    })?;
    let window = web_sys::window().ok_or("no window")?;
    // Heights reported by our own measuring frames (see `fill_embed_code`).
    #[cfg(feature = "page")]
    on(window.as_ref(), "message", |m: web_sys::MessageEvent| {
        let data = m.data();
        let Ok(inner) = js_sys::Reflect::get(&data, &embed::DATAWRAPPER_KEY.into()) else {
            return;
        };
        if !inner.is_object() {
            return;
        }
        let Some(source) = m.source() else { return };
        let inner: js_sys::Object = inner.unchecked_into();
        let values: js_sys::Array = js_sys::Object::values(&inner);
        if let Some(h) = values.get(0).as_f64().and_then(embed::read_height) {
            with_app(|app| measured(app, &JsValue::from(source), h));
        }
    })?;
    for select in each::<HtmlSelectElement>(&doc.query_selector_all(dom::COUNTRY_SELECTS)?) {
        select.set_disabled(false);
        let s = select.clone();
        on(select.as_ref(), "change", move |_: Event| {
            let code = s.value();
            let country = with_app(|app| app.src.known().country(&code)).flatten();
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

/// Tell `state` which section the reader is in (the one crossing the middle of the viewport).
#[cfg(feature = "page")]
pub(super) fn follow_sections(doc: &Document) -> Result<(), JsValue> {
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
    for section in each::<Element>(&doc.query_selector_all(dom::SECTIONS)?) {
        observer.observe(&section);
    }
    Ok(())
}
