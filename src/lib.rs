//! The report engine: a data folder (survey figures, chart definitions, catalog) in, an
//! interactive report out. Everything here but `web` is plain Rust that builds and tests
//! natively; `web` is the only module that talks to the browser.

pub mod bundle;
pub mod colour;
pub mod data;
pub mod embed;
pub mod export;
pub mod html;
pub mod layout;
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

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use bundle::{Bundle, Snapshot};

/// The data folder the crate was built from: `REPORT_DATA` (default `data`), as build.rs
/// resolved it.
pub const DATA_DIR: &str = env!("REPORT_DATA_DIR");

/// The data folder's files as they were when the crate was compiled: the crate's only
/// `include_str!` site. build.rs reads the same folder and refuses to build if it has a problem.
pub const EMBEDDED: data::Files<'static> = data::Files {
    dir: env!("REPORT_DATA_NAME"),
    survey: include_str!(concat!(env!("REPORT_DATA_DIR"), "/survey.toml")),
    values: include_str!(concat!(env!("REPORT_DATA_DIR"), "/values.csv")),
    sources: include_str!(concat!(env!("REPORT_DATA_DIR"), "/sources.toml")),
    notes: include_str!(concat!(env!("REPORT_DATA_DIR"), "/notes.toml")),
    charts: include_str!(concat!(env!("REPORT_DATA_DIR"), "/charts.toml")),
    text: include_str!(concat!(env!("REPORT_DATA_DIR"), "/text.en.toml")),
    ui: include_str!(concat!(env!("REPORT_DATA_DIR"), "/ui.en.toml")),
};

/// The embedded data folder, validated and checked against every chart (native).
pub fn load() -> Result<Bundle, Vec<bundle::LoadError>> {
    bundle::load(&EMBEDDED)
}

/// The report's own data folder, `data/`, read from disk whatever `REPORT_DATA` the crate was
/// built from: the unit tests that check today's figures use it, so they hold for any build.
#[cfg(test)]
pub(crate) fn test_data() -> Bundle {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("data/ is readable");
    let texts = data::FILES.map(read);
    let files = data::Files::from_texts("data", &texts);
    bundle::load(&files).unwrap_or_else(|p| {
        let list: Vec<String> = p.iter().map(ToString::to_string).collect();
        panic!("data/ has problems:\n{}", list.join("\n"))
    })
}

/// The same data and strings as `build.rs` checked and snapshotted them: what the browser
/// loads, so the parsers and the checks stay out of the WASM. A native test proves it equals
/// `load()`.
pub fn load_snapshot() -> Result<Snapshot, snapshot::Error> {
    snapshot::read(include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin")))
}
