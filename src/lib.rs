//! The report engine: a data folder (survey figures, chart definitions, catalog) in, an
//! interactive report out. Everything here but `web` is plain Rust that builds and tests
//! natively; `web` is the only module that talks to the browser.

pub mod bundle;
pub mod collate;
pub mod colour;
pub mod data;
pub mod embed;
pub mod export;
pub mod heap;
pub mod html;
pub mod layout;
pub mod measure;
pub mod num;
pub mod package;
pub mod prose;
pub mod render;
pub mod scale;
pub mod snapshot;
pub mod spec;
pub mod state;
pub mod text;
pub mod url;
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use bundle::{Bundle, Snapshot};

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

/// The report's own data folder, `data/`, read from disk whatever `REPORT_DATA` the crate was
/// built from: the unit tests that check today's figures use it, so they hold for any build.
#[cfg(test)]
pub(crate) fn test_data() -> Bundle {
    test_editions().swap_remove(0)
}

/// Every edition of `data/`, read from disk (see `test_data`).
#[cfg(test)]
pub(crate) fn test_editions() -> Vec<Bundle> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let folder = data::Folder::read("data", &dir).expect("data/ is readable");
    bundle::load_editions(&folder.files()).unwrap_or_else(|p| {
        let list: Vec<String> = p.iter().map(ToString::to_string).collect();
        panic!("data/ has problems:\n{}", list.join("\n"))
    })
}

/// The data and chart definitions as `build.rs` checked and snapshotted them, with an
/// edition's strings (which each page carries, so that no reader downloads every language):
/// what the browser loads, so the parsers and the checks stay out of the WASM. A native test
/// proves it equals `load_editions()`.
pub fn load_snapshot(strings: &[u8]) -> Result<Snapshot, snapshot::Error> {
    snapshot::read(
        include_bytes!(concat!(env!("OUT_DIR"), "/core.bin")),
        strings,
    )
}

/// The first edition's strings as `build.rs` wrote them, for tests; the page reads its own
/// edition's from the document.
pub fn first_edition_strings() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/strings.bin"))
}
