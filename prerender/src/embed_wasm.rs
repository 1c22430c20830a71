//! The embed documents' own WASM: the crate built a second time without its `page` feature
//! (no section tracking, address keeping, language-switch links, embed code or downloads),
//! so an article that embeds one chart loads only what that chart runs. Built like trunk
//! builds the page's: cargo for wasm32 in release, wasm-bindgen (`--target web`) and
//! `wasm-opt -Oz --converge` (as index.html asks trunk), the tools at the versions
//! Trunk.toml pins, found on PATH as trunk finds them; then short import names
//! (`shorten::imports`), the glue minified (`minify`), and file names from the content's hash.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The glue and the WASM, as written into the staged folder: (name, bytes).
pub struct Built {
    pub glue: (String, Vec<u8>),
    pub wasm: (String, Vec<u8>),
}

/// Why the embed build failed: the command and what it said.
pub struct Failed(pub String);

fn run(cmd: &mut Command) -> Result<(), Failed> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| Failed(format!("cannot run {shown}: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failed(format!("{shown} failed ({status})")))
    }
}

fn read(path: &Path) -> Result<Vec<u8>, Failed> {
    std::fs::read(path).map_err(|e| Failed(format!("cannot read {}: {e}", path.display())))
}

/// Build it. Its own cargo target folder (beside the page's, under `CARGO_TARGET_DIR` or
/// `target/`) keeps the two builds from undoing each other's work.
pub fn build() -> Result<Built, Failed> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace.join("target"))
        .join("embed");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    run(Command::new(cargo)
        .current_dir(&workspace)
        .args([
            "build",
            "--quiet",
            "--locked",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "report-web",
            "--lib",
            "--no-default-features",
            "--target-dir",
        ])
        .arg(&target))?;
    let input = target.join("wasm32-unknown-unknown/release/report_web.wasm");
    let out = target.join("bindgen");
    run(Command::new("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "embed",
            "--out-dir",
        ])
        .arg(&out)
        .arg(&input))?;
    let optimised = out.join("embed_opt.wasm");
    run(Command::new("wasm-opt")
        .args(["-Oz", "--converge"])
        .arg(out.join("embed_bg.wasm"))
        .arg("-o")
        .arg(&optimised))?;
    let glue = String::from_utf8(read(&out.join("embed.js"))?)
        .map_err(|_| Failed("the glue is not UTF-8".into()))?;
    let (glue, wasm) = crate::shorten::imports(&glue, &read(&optimised)?).map_err(Failed)?;
    let glue = crate::minify::js(&glue).map_err(Failed)?;
    let glue = crate::hint::compile_on_load(&glue).into_bytes();
    let hash = report_site::html::content_hash(&[&glue, &wasm]);
    Ok(Built {
        glue: (format!("embed-{hash:016x}.js"), glue),
        wasm: (format!("embed-{hash:016x}_bg.wasm"), wasm),
    })
}
