//! Embed messaging: the embed layout on the report's own address, the refusal message, and the
//! height messages sent to the host page: Datawrapper's, pym.js's (with its `childId`) and
//! AMP's resize request (inside an `amp-iframe`, whose address ends in `#amp=1`).

use super::*;

/// An embed document is in embed layout from its first paint; the report's own address with
/// `?embed=` steps aside first. The full page is taken away for two frames, then the figure
/// appears at the top (`mount` goes on then): content that disappears or appears is not a
/// layout shift, whereas the figure sliding up from below the report's header would be.
/// (The embed build runs in embed documents only.)
#[cfg(feature = "page")]
pub(super) fn step_aside(doc: &Document, e: Embed, src: &'static Source) -> Result<(), JsValue> {
    let root = doc.document_element().ok_or("no root element")?;
    root.class_list().add_1("embed-pending")?;
    let doc = doc.clone();
    after_frames(
        2,
        Box::new(move || {
            let _ = root.class_list().add_1("embed");
            let _ = root.class_list().remove_1("embed-pending");
            let entered = enter_embed(&doc, &e).map_err(StartError::from);
            finish(entered.and_then(|()| mount(doc, src, Some(e))));
        }),
    );
    Ok(())
}

/// Whether the document is in embed layout already (an embed document is, from its first
/// paint).
#[cfg(feature = "page")]
pub(super) fn in_embed_layout(doc: &Document) -> bool {
    doc.document_element()
        .is_some_and(|r| r.class_list().contains("embed"))
}

/// Show one figure only, in the theme the host asked for.
pub(super) fn enter_embed(doc: &Document, e: &Embed) -> Result<(), JsValue> {
    let root = doc.document_element().ok_or("no root element")?;
    match e.theme {
        embed::Theme::Light => root.set_attribute("data-theme", "light")?,
        embed::Theme::Dark => root.set_attribute("data-theme", "dark")?,
        embed::Theme::Auto => {}
    }
    // The id is one of the fixed chart ids, never the raw parameter.
    if let Some(figure) = doc.query_selector(&format!("figure[data-chart=\"{}\"]", e.chart))? {
        figure.set_attribute("data-embedded", "")?;
    }
    // A correction the embed code's release predates shows above the chart too.
    for p in each::<Element>(&doc.query_selector_all(dom::CORRECTIONS_FIRST)?) {
        let day = p.get_attribute(dom::CORRECTED_ATTR).unwrap_or_default();
        if embed::correction_first(&day, e.copied) {
            p.set_attribute(dom::SHOWN_ATTR, "")?;
        }
    }
    Ok(())
}

/// An embed that cannot be shown: a short readable message in the frame, and nothing else.
pub(super) fn embed_refused(doc: &Document, ui: &Ui, errors: &[EmbedError]) -> Result<(), JsValue> {
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
    if let Some(note) = doc.get_element_by_id(dom::EMBED_MESSAGE_ID) {
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
            copied: None,
            flags: embed::Flags::default(),
        },
    )?;
    Ok(())
}

/// Tell the host page the content's height (integer CSS px) whenever it changes, by
/// Datawrapper's message and AMP's `embed-size` (which an `amp-iframe` and a @newswire/frames
/// host read: such a host sends its `frames-init` only to frames it made before they had a
/// window, so it never reaches an auto-initialised one, and waits for the child to speak
/// first), and, when a pym parent asked, by pym's. A host ignores the messages it does not
/// know. Answer pym's width messages and a frames host's init at once.
pub(super) fn report_heights(doc: &Document, e: Embed) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let Some(parent) = window.parent()? else {
        return Ok(());
    };
    let root = doc.document_element().ok_or("no root element")?;
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let send = {
        let e = e.clone();
        let root = root.clone();
        move |force: bool| {
            // The document's full height: the root element's box, which holds every margin
            // (a first child's top margin collapses through the body, never through the root),
            // and never the window's, so it shrinks as well as grows.
            let h = root.get_bounding_client_rect().height().ceil() as u32;
            if h == 0 || (h == last.get() && !force) {
                return;
            }
            last.set(h);
            let inner = js_sys::Object::new();
            let (key, h) = embed::datawrapper_height(&e.chart, h);
            let _ = js_sys::Reflect::set(&inner, &key.into(), &JsValue::from(h));
            let outer = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&outer, &embed::DATAWRAPPER_KEY.into(), &inner);
            let _ = parent.post_message(&outer, "*");
            let m = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&m, &"sentinel".into(), &embed::AMP_SENTINEL.into());
            let _ = js_sys::Reflect::set(&m, &"type".into(), &embed::AMP_RESIZE.into());
            let _ = js_sys::Reflect::set(&m, &"height".into(), &JsValue::from(h));
            let _ = parent.post_message(&m, "*");
            if let Some(child) = &e.pym {
                let _ = parent.post_message(&JsValue::from_str(&embed::pym_height(child, h)), "*");
            }
        }
    };
    let send = std::rc::Rc::new(send);
    // The first height goes in a task of its own, after start-up's: the chart is interactive
    // without waiting for the layout the height reads, and a frame the browser renders in
    // between leaves that layout done. Not only on the observer's first call: a browser runs
    // no frames for a frame out of view, and the host must have the height before it scrolls
    // there. Whichever comes first sends it; the other finds it sent.
    let first = send.clone();
    window.set_timeout_with_callback_and_timeout_and_arguments_0(
        Closure::once_into_js(move || first(false)).unchecked_ref(),
        0,
    )?;
    let s = send.clone();
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| s(false));
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    on_resize.forget();
    observer.observe(&root);
    if let Some(b) = doc.body() {
        observer.observe(&b);
    }
    on(
        window.as_ref(),
        "message",
        move |m: web_sys::MessageEvent| {
            let data = m.data();
            // Only pym's exact width message for this child, or a frames host's first
            // message; everything else is ignored.
            if let (Some(text), Some(child)) = (data.as_string(), &e.pym) {
                if embed::pym_width(&text, child).is_some() {
                    send(true);
                }
                return;
            }
            let field = |k: &str| {
                js_sys::Reflect::get(&data, &k.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if data.is_object()
                && embed::is_frames_init(field("sentinel").as_deref(), field("type").as_deref())
            {
                send(true);
            }
        },
    )?;
    Ok(())
}
