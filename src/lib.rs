//! Japan & ASEAN: the report's engine. Everything here but `web` is plain Rust that builds and
//! tests natively; `web` is the only module that talks to the browser.

pub mod data;
pub mod export;
pub mod html;
pub mod layout;
pub mod render;
pub mod scale;
pub mod spec;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The embedded data files, parsed and validated, with every chart's questions checked.
pub fn load() -> Result<data::Dataset, Vec<data::Problem>> {
    data::load(spec::NEEDS)
}

/// The same dataset as `build.rs` validated and snapshotted it: what the browser loads, so the
/// parsers and the validation stay out of the WASM. A native test proves it equals `load()`.
pub fn load_snapshot() -> Result<data::Dataset, postcard::Error> {
    postcard::from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin")))
}
