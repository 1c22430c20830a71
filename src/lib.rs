//! Japan & ASEAN: the report's engine. Everything here but `web` is plain Rust that builds and
//! tests natively; `web` is the only module that talks to the browser.

pub mod bundle;
pub mod data;
pub mod embed;
pub mod export;
pub mod html;
pub mod layout;
pub mod num;
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

/// The embedded data and catalog, validated and checked against every chart (native).
pub fn load() -> Result<Bundle, Vec<String>> {
    bundle::load(&bundle::EMBEDDED, bundle::TEXT, bundle::UI)
}

/// The same data and strings as `build.rs` checked and snapshotted them: what the browser
/// loads, so the parsers and the checks stay out of the WASM. A native test proves it equals
/// `load()`.
pub fn load_snapshot() -> Result<Snapshot, snapshot::Error> {
    snapshot::read(include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin")))
}
