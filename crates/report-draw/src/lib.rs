//! Charts drawn from their specs: nice scales and ticks (`scale`), the geometry of every kind
//! in CSS px with its hit map (`layout`), and the one render function, generic over a
//! plotters backend (`render`): a canvas in the browser, SVG for static charts and downloads.

pub mod layout;
pub mod render;
pub mod scale;

// What the drawing reads from the core, by the names the modules use.
#[cfg(test)]
use report_core::colour;
use report_core::{measure, num, spec, state};

/// The report's own data folder (`data/`), for the tests that draw today's charts.
#[cfg(test)]
pub(crate) fn test_data() -> report_core::Bundle {
    report_core::bundle::report_editions().swap_remove(0)
}
