//! The web module in headless Chromium: draw every chart on a canvas, read its pixels back and
//! check the backing store and every bar's geometry and colour against the data.
#![cfg(target_arch = "wasm32")]

use plotters::style::RGBColor;
use report_core::spec::{self, Cell, Chart};
use report_draw::layout;
use report_draw::render::{bar_colour, Theme, DARK, LIGHT};
use report_web::web;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().unchecked_into();
    c.set_width(0);
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

fn chart(id: &str) -> Chart {
    let s = report_web::load_snapshot(report_web::first_edition_strings()).unwrap();
    spec::build(&s, id).unwrap()
}

/// Every chart of the data folder the crate was built from.
fn ids() -> Vec<String> {
    let s = report_web::load_snapshot(report_web::first_edition_strings()).unwrap();
    s.report.ids().map(str::to_owned).collect()
}

struct Pixels {
    data: Vec<u8>,
    width: usize,
}

impl Pixels {
    fn read(c: &HtmlCanvasElement) -> Pixels {
        let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().unchecked_into();
        let img = ctx
            .get_image_data(0.0, 0.0, c.width() as f64, c.height() as f64)
            .unwrap();
        Pixels {
            data: img.data().0,
            width: c.width() as usize,
        }
    }
    fn at(&self, x: usize, y: usize) -> RGBColor {
        let i = (y * self.width + x) * 4;
        RGBColor(self.data[i], self.data[i + 1], self.data[i + 2])
    }
}

/// Draw `id` and check, for every published bar wider than a few pixels, that its colour is
/// the one the data calls for and that its ends are where the value puts them.
fn check(id: &str, css_width: f64, dpr: f64, theme: &Theme) {
    let chart = chart(id);
    let c = canvas();
    let l = web::draw(&c, &chart, css_width, dpr, theme, None).unwrap();

    // The backing store is the CSS size times the devicePixelRatio; it may be up to two steps
    // wider than the chart, which is drawn from the left at its own width.
    let device_w = (css_width * dpr).floor() as u32;
    assert!(
        c.width() >= device_w && c.width() - device_w < 2 * layout::STORE_STEP,
        "{id}: store {} for a chart {device_w} wide",
        c.width()
    );
    assert_eq!(l.width, f64::from(device_w) / dpr, "{id}");
    assert_eq!(
        c.style().get_property_value("width").unwrap(),
        format!("{}px", f64::from(c.width()) / dpr)
    );
    assert_eq!(
        c.height() as f64,
        (layout::chart_height(&chart) * dpr).round(),
        "{id}"
    );
    assert_eq!(
        c.style().get_property_value("height").unwrap(),
        format!("{}px", l.height)
    );

    let px = Pixels::read(&c);
    let hair = (dpr.round() as usize).max(1);
    let mut checked = 0;
    for (r, (row, geom)) in chart.rows.iter().zip(&l.rows).enumerate() {
        for (s, (cell, bar)) in row.cells.iter().zip(&geom.bars).enumerate() {
            let (Cell::Shown(shown), Some(rect)) = (cell, bar.rect) else {
                assert!(bar.rect.is_none(), "{id}: no bar for a value not published");
                continue;
            };
            let x0 = (rect.x0 * dpr).round() as usize;
            let x1 = (rect.x1 * dpr).round() as usize;
            if shown.origin.is_none() || x1 - x0 < 4 + 2 * hair {
                continue;
            }
            let colour = bar_colour(theme, &chart, r, s);
            let y = ((rect.y0 + rect.y1) / 2.0 * dpr) as usize;
            let mid = (x0 + x1) / 2;
            let what = format!("{id}: {} / {}", row.label, chart.series[s].label);
            assert_eq!(px.at(mid, y), colour, "{what}: colour at dpr {dpr}");
            let mut left = mid;
            while left > 0 && px.at(left - 1, y) == colour {
                left -= 1;
            }
            let mut right = mid;
            while right + 1 < px.width && px.at(right + 1, y) == colour {
                right += 1;
            }
            // The baseline (or centre line) is drawn over one end: allow its width there.
            let near = |got: usize, want: usize| got.abs_diff(want) <= hair + 1;
            assert!(
                near(left, x0) && near(right + 1, x1),
                "{what}: bar spans {left}..{} device px, the value {} puts it at {x0}..{x1}",
                right + 1,
                shown.value.text()
            );
            let value = l.scale.invert((x1 - x0) as f64 / dpr + l.scale.range.0);
            assert!(
                (value - shown.value.number()).abs() < 0.5,
                "{what}: {value}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "{id}: some bars were checked");
    c.remove();
}

#[wasm_bindgen_test]
fn every_chart_matches_its_data_at_dpr_1() {
    for id in ids() {
        let id = id.as_str();
        check(id, 480.0, 1.0, &LIGHT);
    }
}

#[wasm_bindgen_test]
fn every_chart_matches_its_data_at_dpr_2_on_a_phone() {
    for id in ids() {
        let id = id.as_str();
        check(id, 358.0, 2.0, &LIGHT);
    }
}

#[wasm_bindgen_test]
fn every_chart_matches_its_data_at_dpr_3_in_dark_mode() {
    for id in ids() {
        let id = id.as_str();
        check(id, 600.0, 3.0, &DARK);
    }
}

#[wasm_bindgen_test]
fn small_resizes_keep_the_backing_store_and_large_ones_fit_it() {
    let chart = chart(&ids()[0]);
    let c = canvas();
    web::draw(&c, &chart, 700.0, 2.0, &LIGHT, None).unwrap();
    assert_eq!(c.width(), 1400, "a first draw fits exactly");
    // 20 px narrower: the store is kept, cleared and drawn at the new width.
    let l = web::draw(&c, &chart, 680.0, 2.0, &LIGHT, None).unwrap();
    assert_eq!((c.width(), l.width), (1400, 680.0));
    let px = Pixels::read(&c);
    let spare = (680 * 2..1400).map(|x| px.data[(40 * 1400 + x) * 4 + 3]);
    assert!(
        spare.clone().all(|a| a == 0),
        "nothing left of the wider chart"
    );
    // Much narrower: a store that fits; then wider: the next whole step.
    let l = web::draw(&c, &chart, 320.0, 2.0, &LIGHT, None).unwrap();
    assert_eq!((c.width(), l.width), (640, 320.0));
    web::draw(&c, &chart, 330.0, 2.0, &LIGHT, None).unwrap();
    assert_eq!(c.width(), 768);
    c.remove();
}
