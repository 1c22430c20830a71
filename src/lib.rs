//! Japan & ASEAN: the report's engine. Everything here but `web` is plain Rust that builds and
//! tests natively; `web` is the only module that talks to the browser.

pub mod data;
pub mod html;
pub mod layout;
pub mod render;
pub mod scale;
pub mod spec;

#[cfg(target_arch = "wasm32")]
pub mod web;
