//! The engine's core: a data folder (survey figures, chart definitions, catalogs) read,
//! validated and checked into a `Bundle`; the one chart builder (`spec`), which turns a chart
//! definition and the data into a `Chart` of plain data; the snapshot the browser reads
//! instead of the parsers; and the pure logic of a page: its state and `update`, its URL and
//! embed parameters, its CSV. Nothing here draws or touches a browser.

pub mod bundle;
pub mod cldr;
pub mod collate;
pub mod colour;
pub mod data;
pub mod dom;
pub mod embed;
pub mod export;
pub mod lines;
pub mod markup;
pub mod measure;
pub mod num;
pub mod number;
pub mod prose;
pub mod snapshot;
pub mod spec;
pub mod state;
pub mod text;
pub mod url;
pub mod views;

pub use bundle::{Bundle, Snapshot};

/// The report's own data folder, `data/` at the workspace's top, read from disk: the unit
/// tests that check today's figures use it, whatever `REPORT_DATA` a build uses.
#[cfg(test)]
pub(crate) fn test_data() -> Bundle {
    test_editions().swap_remove(0)
}

/// Every edition of `data/`, read from disk (see `test_data`).
#[cfg(test)]
pub(crate) fn test_editions() -> Vec<Bundle> {
    bundle::report_editions()
}
