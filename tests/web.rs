//! The web module in headless Chromium: draw the real chart on a canvas, read its pixels back
//! and check the backing store and every bar's geometry against the data.
#![cfg(target_arch = "wasm32")]

use japan_asean_report::render::{Theme, DARK, LIGHT};
use japan_asean_report::{layout, spec, web};
use plotters::style::RGBColor;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&c).unwrap();
    c
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

fn check_bars(css_width: f64, dpr: f64, theme: &Theme) {
    let d = japan_asean_report::load_snapshot().unwrap();
    let chart = spec::build("trust-2024", &d).unwrap();
    let c = canvas();
    let l = web::draw(&c, &chart, css_width, dpr, theme).unwrap();

    // The backing store is the CSS size times the devicePixelRatio.
    assert_eq!(c.width() as f64, (css_width * dpr).floor());
    assert_eq!(
        c.height() as f64,
        (layout::height(chart.rows.len()) * dpr).round()
    );
    assert_eq!(
        c.style().get_property_value("height").unwrap(),
        format!("{}px", l.height)
    );

    let px = Pixels::read(&c);
    for (row, geom) in chart.rows.iter().zip(&l.rows) {
        let colour = if row.highlight {
            theme.accent
        } else {
            theme.neutral
        };
        let y = ((geom.bar.y0 + geom.bar.y1) / 2.0 * dpr) as usize;
        // Start past the zero line, walk right while the pixel is the bar's colour.
        let start = (geom.bar.x0 * dpr).round() as usize + dpr.round() as usize + 1;
        assert_eq!(
            px.at(start, y),
            colour,
            "{} bar starts in its colour at dpr {dpr}",
            row.label
        );
        let mut end = start;
        while end + 1 < px.width && px.at(end + 1, y) == colour {
            end += 1;
        }
        // The bar's right edge is the value on the scale, to the device pixel.
        let expected = (l.scale.map(row.value.number()) * dpr).round();
        assert!(
            ((end + 1) as f64 - expected).abs() <= 1.0,
            "{}: bar ends at {} device px, the value {} maps to {expected}",
            row.label,
            end + 1,
            row.value.text()
        );
        let read_back = l.scale.invert((end + 1) as f64 / dpr);
        assert!(
            (read_back - row.value.number()).abs() < 0.5,
            "{}: {read_back}",
            row.label
        );
        // Just past the bar is background (the value label starts a few px further right).
        assert_eq!(
            px.at(end + 2, y),
            theme.background,
            "{} bar ends cleanly",
            row.label
        );
        // Above the bar (the gap under the label) is not the bar's colour.
        let above = ((geom.bar.y0 * dpr) as usize).saturating_sub(2);
        assert_ne!(px.at(start, above), colour);
    }
    c.remove();
}

#[wasm_bindgen_test]
fn bars_match_the_data_at_dpr_1() {
    check_bars(480.0, 1.0, &LIGHT);
}

#[wasm_bindgen_test]
fn bars_match_the_data_at_dpr_2_on_a_phone() {
    check_bars(358.0, 2.0, &LIGHT);
}

#[wasm_bindgen_test]
fn bars_match_the_data_at_dpr_3_in_dark_mode() {
    check_bars(600.0, 3.0, &DARK);
}

#[wasm_bindgen_test]
fn redrawing_narrower_resizes_the_backing_store() {
    let d = japan_asean_report::load_snapshot().unwrap();
    let chart = spec::build("trust-2024", &d).unwrap();
    let c = canvas();
    web::draw(&c, &chart, 700.0, 2.0, &LIGHT).unwrap();
    assert_eq!(c.width(), 1400);
    let l = web::draw(&c, &chart, 320.0, 2.0, &LIGHT).unwrap();
    assert_eq!(c.width(), 640);
    assert_eq!(l.width, 320.0);
    c.remove();
}
