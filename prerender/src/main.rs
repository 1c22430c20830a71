//! Build step run by trunk's post_build hook: writes the report's static HTML (header,
//! navigation, sections, every figure with its static chart and table, sources) into the
//! staged index.html, so the page reads completely before and without any script, and writes
//! every chart's CSV and SVG download into `downloads/` beside it. Fails the
//! build, naming every problem, if the data or the catalog has one.

use std::path::PathBuf;
use std::process::ExitCode;

use japan_asean_report::html;

fn main() -> ExitCode {
    match run() {
        Ok(path) => {
            eprintln!("prerender: wrote the report into {}", path.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<PathBuf, String> {
    let path = match std::env::args_os().nth(1) {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(
            std::env::var_os("TRUNK_STAGING_DIR")
                .ok_or("give the HTML file to fill, or run from trunk (TRUNK_STAGING_DIR)")?,
        )
        .join("index.html"),
    };
    let page = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let bundle = japan_asean_report::load().map_err(|problems| {
        format!(
            "the data has {} problem(s):\n{}",
            problems.len(),
            problems.join("\n")
        )
    })?;
    let filled = html::fill_page(&page, &bundle)?;
    // No inline script may remain (Content-Security-Policy script-src 'self').
    let (filled, scripts) = html::externalise_scripts(&filled);
    let dir = path.parent().ok_or("the page has no folder")?;
    // Beside the page: its start-up script, the colour roles' dark shades, one embed document per chart (from the same staged
    // page, so with the same start-up script), and the CSV and SVG downloads.
    let mut files = scripts;
    files.push(html::palette_css(&bundle.report));
    for id in bundle.report.ids() {
        let embed = html::embed_page(&page, &bundle, id)?;
        files.push((japan_asean_report::embed::document_path(id), embed));
    }
    files.extend(html::downloads(&bundle)?);
    for (name, body) in files {
        let file = dir.join(&name);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        std::fs::write(&file, body).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    }
    std::fs::write(&path, filled).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}
