//! Whether this build draws line charts (`cfg(report_line)`): always natively and in
//! development builds (the live preview may gain one), and in a release build for the browser
//! only when the data folder it is built from (`REPORT_DATA`, default `data`) has a line
//! chart. A report without one pays nothing for them: their layout and drawing are about
//! 3 kB of the WASM, brotli, which the embed documents' budget has no room for.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rustc-check-cfg=cfg(report_line)");
    println!("cargo::rerun-if-env-changed=REPORT_DATA");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let debug = std::env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_some();
    if !wasm || debug || has_line_chart() {
        println!("cargo::rustc-cfg=report_line");
    }
}

/// Whether `charts.toml` of the data folder defines a chart of kind "line". A file that cannot
/// be read counts as having one: the report's own build names the problem.
fn has_line_chart() -> bool {
    let root =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default()).join("../..");
    let name = std::env::var("REPORT_DATA").unwrap_or_else(|_| "data".to_owned());
    let dir = if Path::new(&name).is_absolute() {
        PathBuf::from(&name)
    } else {
        root.join(&name)
    };
    let file = dir.join("charts.toml");
    println!("cargo::rerun-if-changed={}", file.display());
    let Ok(text) = std::fs::read_to_string(&file) else {
        return true;
    };
    let Ok(table) = text.parse::<toml::Table>() else {
        return true;
    };
    table
        .get("chart")
        .and_then(|c| c.as_array())
        .is_none_or(|charts| {
            charts
                .iter()
                .any(|c| c.get("kind").and_then(|k| k.as_str()) == Some("line"))
        })
}
