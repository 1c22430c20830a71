//! The live preview for a report's authors (`./x serve`): reads the data folder at run time,
//! writes every edition's page into memory and serves it, and does it again whenever a file of
//! the folder changes. The WASM is built once (a development build, `REPORT_PREVIEW=1`,
//! which validates nothing at compile time): the pages carry the data and chart definitions
//! (`snapshot::CORE_ID`), which that build reads in place of its own, and it reloads the page
//! when `/__preview/version` changes. A folder with problems is answered, at every page's
//! address, with the list of its problems (file and line), which reloads itself until the
//! folder is fixed. The server never stops on bad data. Cards, still images and embed
//! documents are the release build's (`./x serve --release`).
//!
//! Usage: `report-preview DATA_DIR SHELL_DIR [PORT]`, where SHELL_DIR is trunk's output of the
//! preview build (its `index.html` is the page shell).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use report_core::{bundle, data};
use report_site::html::{self, Edition, Site};

/// The address the page polls; its body is the build's number.
const VERSION_PATH: &str = "/__preview/version";

/// What the server answers with.
#[derive(Default)]
struct State {
    /// Counts the builds: the page reloads when it changes.
    version: u64,
    /// Every file of every edition, by its path under the report's.
    files: BTreeMap<String, Vec<u8>>,
    /// The folder's problems, as the build names them; empty when it has none.
    problems: Vec<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(data_dir), Some(shell_dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: report-preview DATA_DIR SHELL_DIR [PORT]");
        std::process::exit(2);
    };
    let port: u16 = match args.get(2).map(|p| p.parse()) {
        None => 8080,
        Some(Ok(p)) => p,
        Some(Err(_)) => {
            eprintln!("report-preview: the port {:?} is not a number", args[2]);
            std::process::exit(2);
        }
    };
    let data_dir = PathBuf::from(data_dir);
    let shell_dir = PathBuf::from(shell_dir);
    let state = Arc::new(Mutex::new(State::default()));
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("report-preview: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1);
        }
    };
    rebuild(&state, &data_dir, &shell_dir);
    eprintln!(
        "report-preview: http://127.0.0.1:{port}/ shows {} and follows its edits (Ctrl-C to stop)",
        data_dir.display()
    );
    {
        let (state, data_dir, shell_dir) = (state.clone(), data_dir.clone(), shell_dir.clone());
        std::thread::spawn(move || watch(&state, &data_dir, &shell_dir));
    }
    for stream in listener.incoming().flatten() {
        let (state, shell_dir) = (state.clone(), shell_dir.clone());
        std::thread::spawn(move || {
            // A client that goes away mid-answer is no problem of the server's.
            let _ = answer(stream, &state, &shell_dir);
        });
    }
}

/// Each file of the folder with its time and size: what changes when an author saves.
fn signature(dir: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let meta = e.metadata().ok();
            let time = meta.as_ref().and_then(|m| m.modified().ok());
            (e.path(), time, meta.map_or(0, |m| m.len()))
        })
        .collect();
    out.sort();
    out
}

/// Poll the folder (a few times a second; no watcher service is needed) and rebuild on change.
fn watch(state: &Mutex<State>, data_dir: &Path, shell_dir: &Path) {
    let mut seen = signature(data_dir);
    loop {
        std::thread::sleep(Duration::from_millis(250));
        let now = signature(data_dir);
        if now != seen {
            seen = now;
            rebuild(state, data_dir, shell_dir);
        }
    }
}

fn rebuild(state: &Mutex<State>, data_dir: &Path, shell_dir: &Path) {
    let started = Instant::now();
    // The number this build will have, which its pages carry.
    let number = state.lock().unwrap_or_else(|p| p.into_inner()).version + 1;
    let built = pages(data_dir, shell_dir, number);
    let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
    s.version = number;
    match built {
        Ok(files) => {
            eprintln!(
                "report-preview: build {} of {} files in {} ms",
                s.version,
                files.len(),
                started.elapsed().as_millis()
            );
            s.files = files;
            s.problems.clear();
        }
        Err(problems) => {
            eprintln!(
                "report-preview: build {}: the folder has {} problem(s):",
                s.version,
                problems.len()
            );
            for p in &problems {
                eprintln!("  {p}");
            }
            // The last good pages stay for the files they hold (scripts, styles); the pages
            // themselves answer with the problems.
            s.problems = problems;
        }
    }
}

/// Every edition's page, palette, downloads and data package, or the folder's problems.
fn pages(
    data_dir: &Path,
    shell_dir: &Path,
    build: u64,
) -> Result<BTreeMap<String, Vec<u8>>, Vec<String>> {
    let name = data_dir.display().to_string();
    let folder = data::Folder::read(&name, data_dir).map_err(|m| vec![m])?;
    let editions = bundle::load_editions(&folder.files())
        .map_err(|p| p.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let shell_file = shell_dir.join("index.html");
    let page = std::fs::read_to_string(&shell_file)
        .map_err(|e| vec![format!("{}: {e}", shell_file.display())])?;
    let shell = html::Shell::parse(&page).map_err(|e| vec![e.to_string()])?;
    let list = Edition::list(&editions);
    let site = Site::new(None);
    let mut files = BTreeMap::new();
    for (bundle, edition) in editions.iter().zip(&list) {
        let up = "../".repeat(edition.folder.matches('/').count());
        let shell = if up.is_empty() {
            shell.clone()
        } else {
            shell.rebased(&up)
        };
        let (shell, scripts) = shell.externalised();
        let site = site.for_edition(&list, &edition.folder);
        let problem = |e: html::HtmlError| vec![e.to_string()];
        let mut text = scripts;
        text.push((
            "index.html".into(),
            shell.preview_page(bundle, &site, build).map_err(problem)?,
        ));
        text.push(html::palette_css(&bundle.report));
        text.extend(html::downloads(bundle).map_err(problem)?);
        text.extend(report_site::package::files(bundle));
        for (n, body) in text {
            files.insert(format!("{}{n}", edition.folder), body.into_bytes());
        }
    }
    Ok(files)
}

/// The folder's problems as a page that reloads itself each second, until they are fixed:
/// from `address`, its query kept (a country, an embed's parameters) and its fragment not (a
/// refresh to the same address with a fragment, which the page's section tracking adds, would
/// only scroll).
fn problems_page(problems: &[String], address: &str) -> Vec<u8> {
    let mut h = html::Html::new();
    h.raw("<!doctype html>\n");
    h.open("html", &[("lang", "en")]).nl();
    h.open("head", &[]).nl();
    h.open("meta", &[("charset", "utf-8")]).nl();
    h.open(
        "meta",
        &[("name", "viewport"), ("content", "width=device-width")],
    )
    .nl();
    let refresh = format!("1; url={address}");
    h.open("meta", &[("http-equiv", "refresh"), ("content", &refresh)])
        .nl();
    // No request for a favicon the preview does not have.
    h.open("link", &[("rel", "icon"), ("href", "data:,")]).nl();
    let title = format!("Preview: {} problem(s) in the data folder", problems.len());
    h.el("title", &[], &title).nl();
    h.el(
        "style",
        &[],
        "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}\
         li{margin:.5rem 0}code{white-space:pre-wrap;word-break:break-word}",
    )
    .nl();
    h.close("head").nl();
    h.open("body", &[]).nl();
    h.el("h1", &[], &title).nl();
    h.el(
        "p",
        &[],
        "The page comes back by itself when the files are fixed. Each problem names its file and line.",
    )
    .nl();
    h.open("ol", &[("id", "preview-problems")]).nl();
    for p in problems {
        h.open("li", &[]).el("code", &[], p).close("li").nl();
    }
    h.close("ol").nl().close("body").nl().close("html").nl();
    h.finish().into_bytes()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

fn answer(stream: TcpStream, state: &Mutex<State>, shell_dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers are read and dropped: every answer is the same whatever they say.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let address = target.split('#').next().unwrap_or("/");
    let path = address.split('?').next().unwrap_or("/");
    let (status, kind, body) = route(path, address, state, shell_dir);
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    out.write_all(&body)?;
    out.flush()
}

fn route(
    path: &str,
    address: &str,
    state: &Mutex<State>,
    shell_dir: &Path,
) -> (&'static str, &'static str, Vec<u8>) {
    let s = state.lock().unwrap_or_else(|p| p.into_inner());
    if path == VERSION_PATH {
        return ("200 OK", "text/plain", s.version.to_string().into_bytes());
    }
    let mut file = path.trim_start_matches('/').to_owned();
    if file.is_empty() || file.ends_with('/') {
        file.push_str("index.html");
    }
    let document = file.ends_with(".html");
    if document && !s.problems.is_empty() {
        return (
            "200 OK",
            content_type(".html"),
            problems_page(&s.problems, address),
        );
    }
    if let Some(body) = s.files.get(&file) {
        return ("200 OK", content_type(&file), body.clone());
    }
    drop(s);
    // trunk's files (glue, WASM, stylesheet), by a plain relative name only.
    let plain = !file
        .split('/')
        .any(|p| p.is_empty() || p == "." || p == "..");
    let on_disk = shell_dir.join(&file);
    if plain && file != "index.html" && on_disk.is_file() {
        if let Ok(body) = std::fs::read(&on_disk) {
            return ("200 OK", content_type(&file), body);
        }
    }
    let note = if file.starts_with("embed/") || file.ends_with(".png") {
        "The preview writes the pages only: embed documents, cards and still images are the release build's (./x serve --release)."
    } else {
        "No such file in the preview."
    };
    (
        "404 Not Found",
        "text/plain; charset=utf-8",
        note.as_bytes().to_vec(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_problem_page_lists_each_problem_and_comes_back_to_the_same_view() {
        let page = String::from_utf8(problems_page(
            &["data/values.csv:3: value: \"5x\" is not a number".to_owned()],
            "/th/?country=TH&chart=trust",
        ))
        .unwrap();
        assert!(
            page.contains("url=/th/?country=TH&amp;chart=trust"),
            "{page}"
        );
        assert!(
            page.contains(
                "<li><code>data/values.csv:3: value: &quot;5x&quot; is not a number</code></li>"
            ),
            "{page}"
        );
    }
}
