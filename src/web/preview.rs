//! The live preview's side in the browser (development builds only: release builds have no
//! such code). A page the preview server wrote carries the data and chart definitions
//! (`snapshot::CORE_ID`) and the number of the build that wrote it; the page asks the server
//! every half second for its build's number, and reloads when it is another, so an author's edit is on screen without a reload by
//! hand. While the folder has problems, the server answers the reload with their list.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the server says which build it serves (`report-preview`'s `VERSION_PATH`), relative
/// to the report's root as this page's `<base>`-free address reaches it.
const VERSION_PATH: &str = "/__preview/version";

const EVERY_MS: i32 = 500;

/// Ask for the build's number now and then (one request object, reused); reload when it is
/// not the one the page was written by (`<html data-preview-build>`).
pub(super) fn follow() {
    let (Some(window), Ok(request)) = (web_sys::window(), web_sys::XmlHttpRequest::new()) else {
        return;
    };
    let seen = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute(crate::dom::PREVIEW_BUILD_ATTR));
    if seen.is_none() {
        return;
    }
    let r = request.clone();
    let done = Closure::<dyn FnMut()>::new(move || {
        let Ok(Some(now)) = r.response_text() else {
            return;
        };
        if r.status().ok() != Some(200) {
            return;
        }
        if seen.as_deref() != Some(now.as_str()) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    request.set_onload(Some(done.as_ref().unchecked_ref()));
    done.forget();
    let tick = Closure::<dyn FnMut()>::new(move || {
        // A request still out (a slow server) is left to finish.
        if matches!(request.ready_state(), 0 | 4) && request.open("GET", VERSION_PATH).is_ok() {
            let _ = request.send();
        }
    });
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        EVERY_MS,
    );
    tick.forget();
}
