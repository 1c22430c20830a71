//! The browser's charts (`views::Live`, which drops what the page already carries) say and
//! draw exactly what the build's full charts do: the same table, description, announcements
//! and SVG, for every chart and country view of the report's own data.

use report_core::bundle::report_editions;
use report_core::spec::{self, Chart};
use report_core::state;
use report_core::views::{Live, Views};
use report_draw::render;
use report_site::html;

#[test]
fn what_the_browser_shows_of_a_chart_is_the_same_without_its_citations() {
    let snap = report_editions().swap_remove(0).snapshot();
    let live = Live::new(snap.clone());
    let ui = live.ui();
    for id in snap.report.ids() {
        for c in spec::views(&snap, id) {
            let full = spec::build_for(&snap, id, c).expect("builds");
            let lean = live.chart(id, c).expect("builds");
            assert!(lean.rows.iter().flat_map(|r| &r.cells).all(|cell| cell
                .shown()
                .and_then(|s| s.origin.as_ref())
                .is_none_or(|o| o.sources.is_empty())));
            assert_eq!(html::table(&lean, ui), html::table(&full, ui));
            assert_eq!(spec::summary(&lean, ui), spec::summary(&full, ui));
            for (r, row) in full.rows.iter().enumerate() {
                for s in 0..row.cells.len() {
                    let d = state::describe(&lean, (r, s), ui);
                    assert!(d.is_some());
                    assert_eq!(d, state::describe(&full, (r, s), ui));
                }
            }
            let svg = |chart: &Chart| render::svg(chart, 390.0, &render::LIGHT);
            assert_eq!(svg(&lean), svg(&full), "{id}");
        }
    }
}
