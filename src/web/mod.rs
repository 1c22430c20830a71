//! The browser side, and the only module that names web_sys, js_sys, wasm_bindgen or
//! plotters_canvas. No business logic: DOM events become `state::Msg`s (`events`),
//! `state::update` decides, and `effects` carries out what it decided. The rooms: `start`
//! (start-up and readiness), `mount` (mounting and drawing), `events`, `effects`, `frame`
//! (embed messaging) and `history` (the URL). This file holds what they share: the mounted
//! charts, the app state and two DOM helpers.

mod effects;
mod events;
mod frame;
mod heap;
mod history;
mod mount;
#[cfg(all(feature = "page", debug_assertions))]
mod preview;
mod start;

use std::cell::RefCell;
use std::fmt;

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, Event, HtmlCanvasElement, HtmlElement, HtmlSelectElement, KeyboardEvent,
    PointerEvent, ResizeObserver,
};
#[cfg(feature = "page")]
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use crate::data::Country;
use crate::dom;
use crate::embed::{self, Embed, EmbedError};
use crate::layout::{self, ChartLayout};
use crate::num;
use crate::render::{self, Frame, Theme, DARK, LIGHT};
use crate::spec::{self, Chart};
use crate::state::{self, Effects, Key, Msg, Point, State};
use crate::text::Ui;
#[cfg(feature = "page")]
use crate::url::UrlState;
use crate::url::{self, Issue};
use crate::views::Views;

/// Where the charts come from (`views`): the report page builds them from the snapshot, an
/// embed document reads its chart's views built.
#[cfg(feature = "page")]
type Source = crate::views::Live;
#[cfg(not(feature = "page"))]
type Source = crate::views::Prebuilt;

use effects::*;
use events::*;
use frame::*;
use history::*;
use mount::*;
use start::*;

pub use mount::draw;

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
    #[cfg(feature = "page")]
    measuring: Option<web_sys::HtmlIFrameElement>,
}

struct App {
    src: &'static Source,
    state: State,
    charts: Vec<Mounted>,
    /// Set when the page shows one chart inside another site.
    #[cfg(feature = "page")]
    embed: Option<Embed>,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
    /// Messages waiting for the app: dispatched while it was in use (a `focus()` inside an
    /// effect fires its focus event at once, within the same borrow).
    static QUEUE: RefCell<std::collections::VecDeque<Msg>> = const { RefCell::new(std::collections::VecDeque::new()) };
}

/// The app, if it exists and is not in use; the messages dispatched meanwhile run as soon as
/// the outermost use ends, in order.
fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    let r = APP.with(|a| a.try_borrow_mut().ok()?.as_mut().map(f));
    if r.is_some() {
        drain();
    }
    r
}

/// Run a message through `update` and carry out its effects, now or, if the app is in use,
/// when that use ends: no message is lost.
fn dispatch(msg: Msg) {
    QUEUE.with(|q| q.borrow_mut().push_back(msg));
    drain();
}

fn drain() {
    loop {
        let ran = APP.with(|a| {
            let Ok(mut app) = a.try_borrow_mut() else {
                // In use: its outermost `with_app` drains when it ends.
                return false;
            };
            let Some(msg) = QUEUE.with(|q| q.borrow_mut().pop_front()) else {
                return false;
            };
            if let Some(app) = app.as_mut() {
                effects::run(app, msg);
            }
            true
        });
        if !ran {
            break;
        }
    }
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

/// The nodes of a query's result that are of type `T`.
fn each<T: JsCast>(list: &web_sys::NodeList) -> Vec<T> {
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<T>().ok())
        .collect()
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}
