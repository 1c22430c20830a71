//! A report as a static site, written at build time: the page's HTML through one escaping
//! writer (`html`: head, prose, figures with their static SVG, tables, notes, sources, embed
//! code and downloads; the method section; preview cards; the page shell and every embed
//! document), and the whole dataset as a Frictionless Data Package (`package`). The browser
//! uses the same `html::table` when a chart's view changes.

pub mod html;
pub mod package;

// What the site reads from the core and the drawing, by the names the modules use.
use report_core::{
    bundle, data, dom, embed, export, measure, num, prose, snapshot, spec, text, views,
};
use report_draw::{layout, render};

/// The report's own data folder (`data/`), for the tests that write today's page.
#[cfg(test)]
pub(crate) fn test_data() -> report_core::Bundle {
    report_core::bundle::report_editions().swap_remove(0)
}
