//! Build step run by trunk's post_build hook: writes the report's static HTML (header,
//! navigation, sections, every figure with its static chart and table, sources) into the
//! staged index.html, so the page reads completely before and without any script; writes one
//! embed document per chart, the start-up script and the colour roles' stylesheet beside it;
//! and every chart's CSV and SVG download into `downloads/`. Fails the build, naming every
//! problem, if the data folder has one.

mod embed_wasm;
mod hint;
mod minify;
mod names;
mod shorten;

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use report_core::{embed, export, spec};
use report_site::html::{self, card, Edition, HtmlError, Site};

/// Why the step stops: each layer's error, converted here once.
enum Error {
    NoPage,
    Read(PathBuf, std::io::Error),
    Data(Vec<String>),
    Html(HtmlError),
    Image(String, String),
    /// The embed build, or trunk's files it replaces in the embed documents.
    Embed(String),
    /// A stylesheet whose page-only markers do not pair up (`shorten::embed_css`), or that
    /// esbuild cannot minify.
    Style(PathBuf, String),
    Write(PathBuf, std::io::Error),
    /// Naming the immutable files by their content (`names`).
    Names(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoPage => {
                f.write_str("give the HTML file to fill, or run from trunk (TRUNK_STAGING_DIR)")
            }
            Error::Read(p, e) => write!(f, "cannot read {}: {e}", p.display()),
            Error::Data(problems) => write!(
                f,
                "the data has {} problem(s):\n{}",
                problems.len(),
                problems.join("\n")
            ),
            Error::Html(e) => write!(f, "{e}"),
            Error::Image(name, e) => write!(f, "cannot draw {name}: {e}"),
            Error::Style(p, e) => write!(
                f,
                "the stylesheet {} (style.css as trunk staged it): {e}",
                p.display()
            ),
            Error::Embed(e) => write!(f, "the embed documents' WASM: {e}"),
            Error::Write(p, e) => write!(f, "cannot write {}: {e}", p.display()),
            Error::Names(e) => write!(f, "naming the files by their content: {e}"),
        }
    }
}

impl From<HtmlError> for Error {
    fn from(e: HtmlError) -> Error {
        Error::Html(e)
    }
}

/// The oEmbed answer's starting height is the chart's plus this: what an embed document shows
/// around its chart at 600 px, measured at 254-338 px (the tests hold it to 360). The frame
/// then sizes itself to its content.
const EMBED_AROUND_CHART: u32 = 340;

fn main() -> ExitCode {
    match run() {
        Ok(path) => {
            eprintln!("prerender: wrote the report into {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

/// An SVG drawn as a PNG `width` pixels wide, with the system's fonts (generic sans-serif:
/// DejaVu Sans, which Debian's fonts-dejavu-core installs).
fn png(
    fonts: &std::sync::Arc<resvg::usvg::fontdb::Database>,
    name: &str,
    svg: &str,
    width: u32,
) -> Result<Vec<u8>, Error> {
    use resvg::{tiny_skia, usvg};
    let fail = |e: String| Error::Image(name.to_owned(), e);
    let options = usvg::Options {
        fontdb: fonts.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| fail(e.to_string()))?;
    let size = tree.size();
    // The layout wraps and truncates by estimated widths; here the real fonts measure them.
    if let Some((text, over)) = texts_outside(tree.root(), size.width()).first() {
        return Err(fail(format!(
            "the text \u{201c}{text}\u{201d} runs {over:.0} px past the image's edge as these fonts draw it: shorten it (a chart's title, its source line or the report's title) in text.LANG.toml"
        )));
    }
    let scale = width as f32 / size.width();
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or_else(|| fail("an empty image".into()))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| fail(e.to_string()))
}

/// Every text of an image that runs past its left or right edge, and by how much.
fn texts_outside(group: &resvg::usvg::Group, width: f32) -> Vec<(String, f32)> {
    use resvg::usvg::Node;
    let mut out = Vec::new();
    for node in group.children() {
        match node {
            Node::Group(g) => out.extend(texts_outside(g, width)),
            Node::Text(t) => {
                let b = t.abs_bounding_box();
                let over = (b.right() - width).max(-b.left());
                if over > 1.0 {
                    let text: String = t.chunks().iter().map(|c| c.text()).collect();
                    out.push((text, over));
                }
            }
            _ => {}
        }
    }
    out
}

fn write(file: &Path, body: &[u8]) -> Result<(), Error> {
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder).map_err(|e| Error::Write(folder.to_owned(), e))?;
    }
    std::fs::write(file, body).map_err(|e| Error::Write(file.to_owned(), e))
}

fn run() -> Result<PathBuf, Error> {
    let path = match std::env::args_os().nth(1) {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(std::env::var_os("TRUNK_STAGING_DIR").ok_or(Error::NoPage)?)
            .join("index.html"),
    };
    let page = std::fs::read_to_string(&path).map_err(|e| Error::Read(path.clone(), e))?;
    let editions = report_web::load_editions()
        .map_err(|problems| Error::Data(problems.iter().map(ToString::to_string).collect()))?;
    let site = Site::new(std::env::var("SITE_URL").ok().as_deref());
    if site.url.is_none() {
        eprintln!(
            "prerender: SITE_URL is not set, so link previews, oEmbed and the AMP code use relative addresses, which sites reading them ignore; set SITE_URL=https://host/path/ when building for publication"
        );
    }
    let list = Edition::list(&editions);
    let shell = html::Shell::parse(&page)?;
    let root = path.parent().ok_or(Error::NoPage)?;
    // The embed documents load their own, smaller build in place of trunk's glue and WASM.
    let (page_glue, page_wasm) = trunk_files(root)?;
    let sheets = shorten_staged(root, &page_glue, &page_wasm)?;
    let built = embed_wasm::build().map_err(|e| Error::Embed(e.0))?;
    for (name, body) in [&built.glue, &built.wasm] {
        write(&root.join(name), body)?;
    }
    let mut files = vec![
        (page_glue.as_str(), built.glue.0.as_str()),
        (page_wasm.as_str(), built.wasm.0.as_str()),
    ];
    files.extend(
        sheets
            .iter()
            .map(|(page, embed)| (page.as_str(), embed.as_str())),
    );
    let embed_shell = shell.with_files(&files);
    eprintln!(
        "prerender: the embed documents load {} and {}{}",
        built.glue.0,
        built.wasm.0,
        sheets
            .iter()
            .map(|(_, e)| format!(", {e}"))
            .collect::<String>()
    );
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_system_fonts();
    fonts.set_sans_serif_family("DejaVu Sans");
    // The images never use italics; without italic and oblique faces, the fallback for a
    // script the named fonts lack (Thai: the TLWG fonts) is an upright face.
    let slanted: Vec<_> = fonts
        .faces()
        .filter(|f| {
            let name = f.post_script_name.to_ascii_lowercase();
            f.style != resvg::usvg::fontdb::Style::Normal
                || name.contains("oblique")
                || name.contains("italic")
        })
        .map(|f| f.id)
        .collect();
    for id in slanted {
        fonts.remove_face(id);
    }
    let fonts = std::sync::Arc::new(fonts);
    for (bundle, edition) in editions.iter().zip(&list) {
        // An edition's documents are one folder further from trunk's files.
        let up = "../".repeat(edition.folder.matches('/').count());
        let (shell, embed_shell) = if up.is_empty() {
            (shell.clone(), embed_shell.clone())
        } else {
            (shell.rebased(&up), embed_shell.rebased(&up))
        };
        let site = site.for_edition(&list, &edition.folder);
        let dir = root.join(&edition.folder);
        let files = edition_files(bundle, shell, embed_shell, &site, &fonts)?;
        for (name, body) in files {
            write(&dir.join(&name), &body)?;
        }
        eprintln!(
            "prerender: the {} edition in {}",
            edition.lang,
            dir.display()
        );
    }
    // Last, when every file has its final bytes: each immutable file named by them.
    let renamed = names::by_content(root).map_err(Error::Names)?;
    eprintln!(
        "prerender: {} immutable files named by their SHA-256",
        renamed.len()
    );
    Ok(path)
}

/// Rewrite trunk's files in place with `shorten`: the glue and the WASM with short import
/// names (and the glue with its compile hint, `hint`), the stylesheets without comments. They
/// keep trunk's names until the end of the build, when `names` names every immutable file by
/// its final bytes. The glue and the stylesheets are minified
/// (`minify`, esbuild). A stylesheet with page-only rules also gets the
/// embed documents' copy without them, `embed-HASH.css`: the pairs (page's, embed's) name them.
fn shorten_staged(root: &Path, glue: &str, wasm: &str) -> Result<Vec<(String, String)>, Error> {
    let read = |name: &str| {
        let path = root.join(name);
        std::fs::read(&path).map_err(|e| Error::Read(path, e))
    };
    let text =
        String::from_utf8(read(glue)?).map_err(|_| Error::Embed(format!("{glue} is not UTF-8")))?;
    let (text, bytes) =
        shorten::imports(&text, &read(wasm)?).map_err(|e| Error::Embed(format!("{wasm}: {e}")))?;
    let text = minify::js(&text).map_err(|e| Error::Embed(format!("{glue}: {e}")))?;
    write(&root.join(glue), hint::compile_on_load(&text).as_bytes())?;
    write(&root.join(wasm), &bytes)?;
    let listing = std::fs::read_dir(root).map_err(|e| Error::Read(root.to_owned(), e))?;
    let mut sheets = Vec::new();
    for entry in listing {
        let path = entry.map_err(|e| Error::Read(root.to_owned(), e))?.path();
        if path.extension().is_some_and(|x| x == "css") {
            let css = std::fs::read_to_string(&path).map_err(|e| Error::Read(path.clone(), e))?;
            let style = |e| Error::Style(path.clone(), e);
            let page = minify::css(&shorten::css(&css)).map_err(style)?;
            let embed = minify::css(&shorten::embed_css(&css).map_err(style)?).map_err(style)?;
            if embed != page {
                // Never an empty name: renaming "" would touch every part of the shell.
                let own = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .ok_or_else(|| style("the file has no name".into()))?;
                let hash = report_site::html::content_hash(&[embed.as_bytes()]);
                let name = format!("embed-{hash:016x}.css");
                write(&root.join(&name), embed.as_bytes())?;
                sheets.push((own, name));
            }
            write(&path, page.as_bytes())?;
        }
    }
    Ok(sheets)
}

/// The glue and WASM trunk staged for the page: `NAME.js` beside `NAME_bg.wasm`.
fn trunk_files(root: &Path) -> Result<(String, String), Error> {
    let listing = std::fs::read_dir(root).map_err(|e| Error::Read(root.to_owned(), e))?;
    let mut found = Vec::new();
    for entry in listing {
        let name = entry
            .map_err(|e| Error::Read(root.to_owned(), e))?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if let Some(stem) = name.strip_suffix("_bg.wasm") {
            if !stem.starts_with("embed-") {
                found.push((format!("{stem}.js"), name.clone()));
            }
        }
    }
    match found.as_slice() {
        [one] if root.join(&one.0).is_file() => Ok(one.clone()),
        _ => Err(Error::Embed(format!(
            "expected one glue file and WASM from trunk in {}, found {found:?}",
            root.display()
        ))),
    }
}

/// Every file of one edition, relative to its folder: the page, its start-up script, the
/// colour roles' dark shades, one embed document and oEmbed answer per chart (from the embed
/// shell, which loads the embed build, with its own start-up script), the downloads, the data package, the cards and
/// the still images.
fn edition_files(
    bundle: &report_core::Bundle,
    shell: html::Shell,
    embed_shell: html::Shell,
    site: &Site,
    fonts: &std::sync::Arc<resvg::usvg::fontdb::Database>,
) -> Result<Vec<(String, Vec<u8>)>, Error> {
    // No inline script may remain (Content-Security-Policy script-src 'self').
    let (shell, scripts) = shell.externalised();
    let (embed_shell, embed_scripts) = embed_shell.externalised();
    let (embed_shell, start) = embed_shell.embed_started()?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut text = scripts;
    text.extend(embed_scripts);
    text.push(start);
    text.push(("index.html".to_owned(), shell.page(bundle, site)?));
    text.push(html::palette_css(&bundle.report));
    let provider = &bundle.prose.page.title;
    for id in bundle.report.ids() {
        // The region's document, and for a static embed of a member state's view, its own.
        for country in spec::views(bundle, id) {
            text.push((
                embed::document_path_for(id, country),
                embed_shell.embed(bundle, id, country, site)?,
            ));
        }
        let chart =
            spec::build(bundle, id).map_err(|e| Error::Html(HtmlError::Chart(e.to_string())))?;
        let height = report_draw::layout::chart_height(&chart) as u32 + EMBED_AROUND_CHART;
        text.push((
            embed::oembed_path(id),
            embed::oembed_json(
                &site.address(""),
                id,
                &embed::document_query(bundle.report.updated, embed::Flags::default()),
                &chart.title,
                provider,
                height,
                &site.address(&card::card_path(id)),
            ),
        ));
    }
    text.extend(html::downloads(bundle)?);
    // The whole dataset as a Frictionless Data Package, beside the per-chart files.
    text.extend(report_site::package::files(bundle));
    files.extend(text.into_iter().map(|(n, b)| (n, b.into_bytes())));

    // Images: a card per chart and one for the report (1200 x 630), and each chart's still
    // image at twice the embed's width (per member state where it has a selector).
    let p = &bundle.prose.page;
    let report_card = card::report_card(
        &bundle.strings.locale.font,
        &p.kicker,
        &p.title,
        &html::plain(&p.dek, bundle),
    );
    files.push((
        card::REPORT_CARD.to_owned(),
        png(fonts, card::REPORT_CARD, &report_card, card::CARD.0)?,
    ));
    for id in bundle.report.ids() {
        for country in spec::views(bundle, id) {
            let chart = spec::build_for(bundle, id, country)
                .map_err(|e| Error::Html(HtmlError::Chart(e.to_string())))?;
            let source = chart.source.plain(&bundle.strings.ui);
            if country.is_none() {
                let svg = card::chart_card(&chart, provider, &source);
                let name = card::card_path(id);
                files.push((name.clone(), png(fonts, &name, &svg, card::CARD.0)?));
            }
            let name = export::path(id, country, "png");
            let svg = card::still(&chart, &source);
            files.push((
                name.clone(),
                png(fonts, &name, &svg, 2 * embed::EMBED_WIDTH)?,
            ));
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_the_fonts_draw_past_the_edge_is_found() {
        let mut fonts = resvg::usvg::fontdb::Database::new();
        fonts.load_system_fonts();
        fonts.set_sans_serif_family("DejaVu Sans");
        let fonts = std::sync::Arc::new(fonts);
        let svg = |text: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="20" font-family="sans-serif" font-size="16">{text}</text></svg>"#
            )
        };
        assert!(png(&fonts, "fits.png", &svg("Short"), 200).is_ok());
        let long = png(
            &fonts,
            "card.png",
            &svg("A title far too long for this card"),
            200,
        );
        let message = long.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("card.png")
                && message.contains("A title far too long for this card")
                && message.contains("px past the image's edge"),
            "{message}"
        );
    }
}
