//! Build step run by trunk's post_build hook: fills each `<!-- figure:ID -->` marker in the
//! staged index.html with the figure's static HTML (title, data table, source line), so the
//! numbers are in the page before any script runs. Fails the build, naming the problem, if
//! the data is invalid or a marker names no chart.

use std::path::PathBuf;
use std::process::ExitCode;

use japan_asean_report::{data, html, spec};

const MARKER_OPEN: &str = "<!-- figure:";
const MARKER_CLOSE: &str = " -->";

fn main() -> ExitCode {
    match run() {
        Ok(path) => {
            eprintln!("prerender: wrote figures into {}", path.display());
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
    let dataset = japan_asean_report::load().map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        format!(
            "the data has {} problem(s):\n{}",
            problems.len(),
            lines.join("\n")
        )
    })?;
    let filled = fill(&page, &dataset)?;
    std::fs::write(&path, filled).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// Replace every figure marker; an unknown chart id is an error.
fn fill(page: &str, dataset: &data::Dataset) -> Result<String, String> {
    let mut out = String::with_capacity(page.len() * 2);
    let mut rest = page;
    while let Some(start) = rest.find(MARKER_OPEN) {
        let after = &rest[start + MARKER_OPEN.len()..];
        let end = after
            .find(MARKER_CLOSE)
            .ok_or("an unterminated <!-- figure: marker")?;
        let id = after[..end].trim();
        let chart = spec::build(id, dataset).map_err(|e| e.to_string())?;
        out.push_str(&rest[..start]);
        out.push_str(&html::figure(&chart));
        rest = &after[end + MARKER_CLOSE.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_markers_and_rejects_unknown_charts() {
        let d = japan_asean_report::load().unwrap();
        let out = fill("<main><!-- figure:trust-2024 --></main>", &d).unwrap();
        assert!(out.starts_with("<main><figure data-chart=\"trust-2024\""));
        assert!(out.ends_with("</figure></main>"));
        assert_eq!(
            fill("<!-- figure:nope -->", &d).unwrap_err(),
            "no chart has the id \"nope\""
        );
    }
}
