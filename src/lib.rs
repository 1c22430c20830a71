//! The report in the browser: the WASM trunk builds. `web` starts the page, mounts each chart
//! on a canvas and answers the reader; `heap` is its allocator. The engine it runs is the
//! workspace's other crates (`report-core`: data, catalogs, specs, state; `report-draw`:
//! layout and the renderer; `report-site`: the HTML it shares with the build). The data folder
//! the build checked is embedded here: its files (`embedded`, native) and its snapshot
//! (`load_snapshot`, what the browser reads).

pub mod heap;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use report_core::{bundle, data, Bundle, Snapshot};
// What the browser side reads from the engine, by the names its modules use.
#[cfg(all(target_arch = "wasm32", feature = "page"))]
use report_core::export;
#[cfg(target_arch = "wasm32")]
use report_core::{dom, embed, num, snapshot, spec, state, text, url, views};
#[cfg(target_arch = "wasm32")]
use report_draw::{layout, render};
#[cfg(target_arch = "wasm32")]
use report_site::html;

/// The data folder the crate was built from: `REPORT_DATA` (default `data`), as build.rs
/// resolved it.
pub const DATA_DIR: &str = env!("REPORT_DATA_DIR");

/// Each edition's catalogs as they were when the crate was compiled (build.rs lists them
/// from `[report] editions`): with `embedded()`, the crate's only `include_str!` sites.
const CATALOGS: &[data::CatalogFiles<'static>] = include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

/// The data folder's files as they were when the crate was compiled. build.rs reads the same
/// folder and refuses to build if it has a problem.
pub fn embedded() -> data::Files<'static> {
    data::Files {
        dir: env!("REPORT_DATA_NAME"),
        survey: include_str!(concat!(env!("REPORT_DATA_DIR"), "/survey.toml")),
        values: include_str!(concat!(env!("REPORT_DATA_DIR"), "/values.csv")),
        sources: include_str!(concat!(env!("REPORT_DATA_DIR"), "/sources.toml")),
        notes: include_str!(concat!(env!("REPORT_DATA_DIR"), "/notes.toml")),
        charts: include_str!(concat!(env!("REPORT_DATA_DIR"), "/charts.toml")),
        corrections: include!(concat!(env!("OUT_DIR"), "/corrections.rs")),
        catalogs: CATALOGS.to_vec(),
    }
}

/// The embedded data folder's editions, validated and checked against every chart (native).
pub fn load_editions() -> Result<Vec<Bundle>, Vec<bundle::LoadError>> {
    bundle::load_editions(&embedded())
}

/// The embedded data folder, validated and checked against every chart (native).
pub fn load() -> Result<Bundle, Vec<bundle::LoadError>> {
    bundle::load(&embedded())
}

/// The data and chart definitions as `build.rs` checked and snapshotted them, with an
/// edition's strings (which each page carries, so that no reader downloads every language):
/// what the browser loads, so the parsers and the checks stay out of the WASM. A native test
/// proves it equals `load_editions()`.
pub fn load_snapshot(strings: &[u8]) -> Result<Snapshot, report_core::snapshot::Error> {
    report_core::snapshot::read(
        include_bytes!(concat!(env!("OUT_DIR"), "/core.bin")),
        strings,
    )
}

/// The first edition's strings as `build.rs` wrote them, for tests; the page reads its own
/// edition's from the document.
pub fn first_edition_strings() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/strings.bin"))
}
