//! The page's static HTML, written at build time by `prerender` from the catalog and the data:
//! header, section navigation, sections with their prose, every figure (title, takeaway,
//! static SVG chart, data table, notes, source line) and the sources section. Every number in
//! the prose is a `<data>` element carrying the placeholder it came from. Every text goes
//! through `escape`; the catalog's only markup is `_italics_` for titles of works.

use std::fmt::Write;

use crate::bundle::Bundle;
use crate::data::{Country, NoteKind};
use crate::embed;
use crate::export;
use crate::render::{self, LIGHT};
use crate::spec::{self, Cell, Chart, SourceLink};
use crate::text::{self, Strings, Token};
use crate::Snapshot;

/// The width of the static SVG charts: legible on a phone; the live chart then fills the column.
pub const STATIC_WIDTH: f64 = 360.0;

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `_Title_` -> `<cite>Title</cite>` in already escaped text.
fn italics(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len());
    let mut open = false;
    let chars: Vec<char> = escaped.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let word = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
        if c == '_' && !open && !word(prev) && next.is_some_and(|n| !n.is_whitespace()) {
            out.push_str("<cite>");
            open = true;
        } else if c == '_' && open && !word(next) {
            out.push_str("</cite>");
            open = false;
        } else {
            out.push(c);
        }
    }
    if open {
        out.push_str("</cite>");
    }
    out
}

/// Inline catalog text as HTML: escaped, titles in `<cite>`, numbers as `<data>` elements.
/// Placeholders were checked when the bundle loaded; one that fails here is an error all the
/// same, never a blank.
pub fn inline(template: &str, bundle: &Bundle) -> Result<String, String> {
    let mut out = String::new();
    for t in text::tokens(template) {
        match t {
            Token::Text(s) => out.push_str(&italics(&escape(s))),
            Token::Placeholder(key) => {
                let v = text::lookup(key, &bundle.data).map_err(|e| e.to_string())?;
                let _ = write!(
                    out,
                    "<data class=\"fig\" value=\"{v}\" data-key=\"{}\">{v}</data>",
                    escape(key)
                );
            }
            Token::Directive(d) => return Err(format!("directive {{{{{d}}}}} inside a paragraph")),
            Token::Unclosed(rest) => return Err(format!("unclosed brace before {rest:?}")),
        }
    }
    Ok(out)
}

/// A section body: paragraphs separated by blank lines, directive lines placing blocks.
fn body(section: &str, bundle: &Bundle, section_id: &str) -> Result<String, String> {
    let mut out = String::new();
    for block in section
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
    {
        let mut para: Vec<&str> = Vec::new();
        for line in block.lines().map(str::trim) {
            match line.strip_prefix("{{").and_then(|l| l.strip_suffix("}}")) {
                Some(directive) => {
                    flush(&mut para, &mut out, bundle)?;
                    out.push_str(&self::directive(directive, bundle, section_id)?);
                }
                None => para.push(line),
            }
        }
        flush(&mut para, &mut out, bundle)?;
    }
    Ok(out)
}

fn flush(para: &mut Vec<&str>, out: &mut String, bundle: &Bundle) -> Result<(), String> {
    if !para.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", inline(&para.join(" "), bundle)?);
        para.clear();
    }
    Ok(())
}

fn directive(d: &str, bundle: &Bundle, section_id: &str) -> Result<String, String> {
    if let Some(id) = d.strip_prefix("figure:") {
        let chart = spec::build(bundle, id).map_err(|e| e.to_string())?;
        return figure(&chart, bundle, section_id);
    }
    match d {
        "agenda" => Ok(agenda(bundle)),
        "method" => Ok(method(bundle)),
        "conflicts" => Ok(conflicts(bundle)),
        "sources" => Ok(sources(bundle)),
        "credits" => Ok(format!(
            "<p class=\"credits\">{}</p>\n",
            escape(&bundle.strings.ui.credits)
        )),
        other => Err(format!("unknown directive {{{{{other}}}}}")),
    }
}

fn link(l: &SourceLink, ui: &text::Ui) -> String {
    let date = l
        .date
        .as_deref()
        .map(|d| format!(", {}", escape(d)))
        .unwrap_or_default();
    match &l.url {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"noopener\">{}</a>{date}",
            escape(url),
            escape(&l.name)
        ),
        None => format!("{} ({}){date}", escape(&l.name), escape(&ui.no_address)),
    }
}

/// The whole `<figure data-chart=ID>` element, its static chart drawn by the same renderer.
pub fn figure(chart: &Chart, bundle: &Bundle, section_id: &str) -> Result<String, String> {
    let strings = &bundle.strings;
    let ui = &strings.ui;
    let id = chart.id.as_str();
    let takeaway = strings
        .charts
        .get(id)
        .map(|t| inline(&t.takeaway, bundle))
        .transpose()?
        .unwrap_or_else(|| escape(&chart.takeaway));
    let svg = render::svg(chart, STATIC_WIDTH, &LIGHT).replacen(
        "<svg ",
        "<svg class=\"static-chart\" aria-hidden=\"true\" preserveAspectRatio=\"xMinYMin meet\" focusable=\"false\" ",
        1,
    );
    let picker = if has_selector(bundle, id) {
        picker(id, bundle)
    } else {
        String::new()
    };
    let mut h = String::new();
    let _ = write!(
        h,
        "<figure data-chart=\"{id}\" id=\"chart-{id}\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-takeaway\">\n\
         <figcaption>\n\
         <h3 class=\"chart-title\" id=\"{id}-title\">{title}</h3>\n\
         <p class=\"chart-takeaway\" id=\"{id}-takeaway\">{takeaway}</p>\n\
         <p class=\"chart-subtitle\">{subtitle}</p>\n\
         </figcaption>\n\
         {picker}\
         <div class=\"chart\" role=\"group\" aria-label=\"{title}: {label}\" aria-describedby=\"{id}-keys\">{svg}</div>\n\
         <p class=\"visually-hidden\" id=\"{id}-keys\">{keys}</p>\n",
        title = escape(&chart.title),
        subtitle = escape(&chart.subtitle),
        label = escape(&ui.chart_label),
        keys = escape(&ui.chart_keys),
    );
    h.push_str(&table(chart, strings));
    h.push_str(&notes(chart, ui));
    h.push_str(&source_line(chart, ui));
    h.push_str(&tools(chart, ui));
    // Shown only when the figure is embedded elsewhere: the way back to the whole argument.
    let _ = writeln!(
        h,
        "<p class=\"embed-link\"><a href=\"./#{}\" target=\"_blank\" rel=\"noopener\">{}</a></p>",
        escape(section_id),
        escape(&ui.embed_read_more)
    );
    h.push_str("</figure>\n");
    Ok(h)
}

/// Embed code and downloads, closed by default. The CSV and SVG are files written at build
/// time (`downloads`), linked directly; the script fills in the report's address and the
/// embed's height, draws the PNG, and points the links at the chosen country's files.
fn tools(chart: &Chart, ui: &text::Ui) -> String {
    let id = chart.id.as_str();
    let iframe = embed::iframe_code(embed::URL_MARK, id, &chart.title, embed::HEIGHT_MARK);
    let pym = embed::pym_code(embed::URL_MARK, id);
    format!(
        "<details class=\"figure-tools\"><summary>{summary}</summary>\n\
         <p><label for=\"{id}-embed\">{l1}</label></p>\n\
         <textarea id=\"{id}-embed\" class=\"embed-code\" data-kind=\"iframe\" readonly rows=\"6\">{iframe}</textarea>\n\
         <p><label for=\"{id}-pym\">{l2}</label></p>\n\
         <textarea id=\"{id}-pym\" class=\"embed-code\" data-kind=\"pym\" readonly rows=\"4\">{pym}</textarea>\n\
         <p class=\"downloads\">{dl} \
         <a href=\"{csv_path}\" download=\"{csv_name}\" data-download=\"csv\">{csv}</a> \
         <button type=\"button\" data-download=\"png\">{png}</button> \
         <a href=\"{svg_path}\" download=\"{svg_name}\" data-download=\"svg\">{svg}</a></p>\n\
         </details>\n",
        summary = escape(&ui.tools_summary),
        l1 = escape(&ui.embed_iframe_label),
        l2 = escape(&ui.embed_pym_label),
        iframe = escape(&iframe),
        pym = escape(&pym),
        dl = escape(&ui.download_label),
        csv = escape(&ui.download_csv),
        png = escape(&ui.download_png),
        svg = escape(&ui.download_svg),
        csv_path = export::path(id, None, "csv"),
        csv_name = export::file_name(id, None, "csv"),
        svg_path = export::path(id, None, "svg"),
        svg_name = export::file_name(id, None, "svg"),
    )
}

/// Every download the page links to, as (path relative to the page, contents): each chart's
/// CSV and SVG (640 px wide, light, with title and source line), and for a chart with
/// per-country data, the same for every member state.
pub fn downloads(bundle: &Bundle) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    for id in bundle.report.ids() {
        let mut countries: Vec<Option<Country>> = vec![None];
        if has_selector(bundle, id) {
            countries.extend(bundle.data.members().map(Some));
        }
        for country in countries {
            let chart = spec::build_for(bundle, id, country).map_err(|e| e.to_string())?;
            let source = chart.source.plain(&bundle.strings.ui);
            files.push((export::path(id, country, "csv"), export::csv(&chart)));
            files.push((
                export::path(id, country, "svg"),
                render::image_svg(&chart, 640.0, &LIGHT, &source),
            ));
        }
    }
    Ok(files)
}

/// Whether a chart has a country selector (its definition says so).
pub fn has_selector(snap: &Snapshot, id: &str) -> bool {
    snap.report.chart(id).is_some_and(|d| d.selector.is_some())
}

/// The country selector of a chart with per-country data: the member states the region-wide
/// figure averages, in survey.toml's order. Disabled until the script that makes it work has
/// started; hidden where there is no script.
fn picker(id: &str, snap: &Snapshot) -> String {
    let ui = &snap.strings.ui;
    let mut h = format!(
        "<div class=\"picker\"><label for=\"{id}-country\">{}</label> \
         <select id=\"{id}-country\" class=\"country-select\" disabled>\
         <option value=\"\">{}</option>",
        escape(&ui.country_label),
        escape(&ui.country_all)
    );
    for c in snap.data.members() {
        let _ = write!(
            h,
            "<option value=\"{}\">{}</option>",
            escape(c.code()),
            escape(&spec::capitalise(
                snap.data.name(crate::data::Population::Country(c))
            ))
        );
    }
    h.push_str("</select></div>\n");
    h
}

/// The chart's data as a table: a row per chart row, a column per series, and the base of
/// each row where the rows differ in who was asked.
pub fn table(chart: &Chart, strings: &Strings) -> String {
    let ui = &strings.ui;
    let bases: Vec<Option<&str>> = chart
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .find_map(|c| c.shown()?.origin.as_ref().map(|o| o.base.as_str()))
        })
        .collect();
    let show_base = bases.iter().flatten().any(|b| Some(*b) != bases[0]);
    let mut h = String::new();
    let _ = write!(
        h,
        "<table class=\"data-table\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
        escape(&ui.data_caption),
        escape(&chart.row_header)
    );
    if show_base {
        let _ = write!(h, "<th scope=\"col\">{}</th>", escape(&ui.base));
    }
    for s in &chart.series {
        let _ = write!(
            h,
            "<th scope=\"col\" class=\"num\">{}</th>",
            escape(&s.label)
        );
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for (row, base) in chart.rows.iter().zip(&bases) {
        let class = if row.highlight {
            " class=\"highlight\""
        } else {
            ""
        };
        let _ = write!(
            h,
            "<tr{class}><th scope=\"row\">{}</th>",
            escape(&row.full_label)
        );
        if show_base {
            let _ = write!(h, "<td>{}</td>", escape(base.unwrap_or("")));
        }
        for cell in &row.cells {
            match cell {
                Cell::Shown(s) => {
                    // The published value's identity, for tests and readers' tools; a value
                    // derived here has none and says so.
                    let attr = match &s.origin {
                        Some(o) => format!(
                            " data-key=\"{}\"",
                            escape(&format!(
                                "{}/{}/{}/{}",
                                o.question, o.year, o.population, o.option
                            ))
                        ),
                        None => " data-derived=\"\"".to_owned(),
                    };
                    let _ = write!(h, "<td class=\"num\"{attr}>{}</td>", escape(s.value.text()));
                }
                Cell::NotPublished => {
                    let _ = write!(
                        h,
                        "<td class=\"num np\">{}</td>",
                        escape(&chart.not_published)
                    );
                }
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    h
}

fn notes(chart: &Chart, ui: &text::Ui) -> String {
    if chart.notes.is_empty() {
        return String::new();
    }
    let mut h = format!(
        "<p class=\"notes-title\">{}</p>\n<ul class=\"notes\">\n",
        escape(&ui.notes)
    );
    for n in &chart.notes {
        let about = n
            .about
            .as_deref()
            .map(|a| format!("<strong>{}:</strong> ", escape(a)))
            .unwrap_or_default();
        let sources: Vec<String> = n.sources.iter().map(|s| link(s, ui)).collect();
        let sources = if sources.is_empty() {
            String::new()
        } else {
            format!(
                " <span class=\"note-sources\">({})</span>",
                sources.join("; ")
            )
        };
        let _ = writeln!(
            h,
            "<li class=\"note note-{}\">{about}{}{sources}</li>",
            note_kind(n.kind),
            escape(&n.text),
        );
    }
    h.push_str("</ul>\n");
    h
}

fn note_kind(kind: NoteKind) -> &'static str {
    NoteKind::ALL
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("other", |(name, _)| name)
}

fn source_line(chart: &Chart, ui: &text::Ui) -> String {
    let s = &chart.source;
    let links: Vec<String> = s.read_in.iter().map(|l| link(l, ui)).collect();
    format!(
        "<p class=\"source\">{}: {}. {} {}.</p>\n",
        escape(&ui.source),
        escape(&s.survey),
        escape(&ui.reported_by),
        links.join("; ")
    )
}

fn agenda(bundle: &Bundle) -> String {
    let mut h = String::from("<ol class=\"agenda\">\n");
    for item in &bundle.prose.agenda {
        let _ = writeln!(
            h,
            "<li><h3>{}</h3><p>{}</p></li>",
            escape(&item.title),
            italics(&escape(&item.text))
        );
    }
    h.push_str("</ol>\n");
    h
}

/// 1994 -> "1,994".
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn method(bundle: &Bundle) -> String {
    let s = &bundle.data.survey;
    let ui = &bundle.strings.ui;
    let confirmed: Vec<String> = s
        .method_sources
        .iter()
        .map(|&i| link(&spec::link(&bundle.data, i), ui))
        .collect();
    let rows = [
        (&ui.method_respondents, thousands(s.respondents)),
        (
            &ui.method_fieldwork,
            format!("{} – {} ({})", s.fieldwork.0, s.fieldwork.1, s.mode),
        ),
        (&ui.method_languages, s.languages.join(", ")),
        (&ui.method_weighting, s.weighting.clone()),
    ];
    let mut h = String::from("<dl class=\"method\">\n");
    for (k, v) in rows {
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(&v));
    }
    let _ = writeln!(
        h,
        "<dt>{}</dt><dd>{}</dd>\n</dl>",
        escape(&ui.method_confirmed_by),
        confirmed.join("; ")
    );
    h
}

/// Every note on a conflict between sources, wherever it is.
fn conflicts(bundle: &Bundle) -> String {
    let ui = &bundle.strings.ui;
    let mut h = String::from("<ul class=\"conflicts\">\n");
    for n in bundle.data.notes.iter().filter(|n| {
        matches!(
            n.kind,
            NoteKind::Conflict | NoteKind::Attribution | NoteKind::Base
        )
    }) {
        let q = &bundle.data.questions[n.question];
        let mut about = vec![q.title.clone()];
        about.extend(n.option.clone());
        about.extend(n.year.map(|y| y.to_string()));
        let sources: Vec<String> = n
            .sources
            .iter()
            .map(|&i| link(&spec::link(&bundle.data, i), ui))
            .collect();
        let _ = writeln!(
            h,
            "<li><strong>{}:</strong> {}{}</li>",
            escape(&about.join(", ")),
            escape(&n.text),
            if sources.is_empty() {
                String::new()
            } else {
                format!(
                    " <span class=\"note-sources\">({})</span>",
                    sources.join("; ")
                )
            }
        );
    }
    h.push_str("</ul>\n");
    h
}

/// Every source, by outlet.
fn sources(bundle: &Bundle) -> String {
    let ui = &bundle.strings.ui;
    let mut order: Vec<usize> = (0..bundle.data.sources.len()).collect();
    order.sort_by_key(|&i| bundle.data.sources[i].outlet.to_lowercase());
    let mut h = format!(
        "<h3>{}</h3>\n<ul class=\"source-list\">\n",
        escape(&ui.sources_cited)
    );
    for i in order {
        let _ = writeln!(h, "<li>{}</li>", link(&spec::link(&bundle.data, i), ui));
    }
    h.push_str("</ul>\n");
    h
}

/// The page's `<head>` additions: title, description and the colour roles' dark shades.
pub fn head(bundle: &Bundle) -> String {
    let p = &bundle.prose.page;
    format!(
        "<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n{}",
        escape(&p.title),
        escape(&text::fill(&p.description, &bundle.data).unwrap_or_default()),
        palette_link(bundle)
    )
}

/// The static SVG charts follow the reader's colour scheme through attribute selectors: the
/// engine's own colours are mapped in `style.css`; the chart definitions' colour roles are
/// mapped in this file, which the build writes beside the page (`palette_css`). It applies to a
/// dark scheme only, so a light page neither waits for it nor uses it.
fn palette_link(bundle: &Bundle) -> String {
    format!(
        "<link rel=\"stylesheet\" href=\"./{}\" media=\"(prefers-color-scheme: dark)\">",
        palette_css(&bundle.report).0
    )
}

/// `palette-HASH.css`: every colour role's light shade, as the static SVG writes it, mapped to
/// its dark shade. Named by its content's hash, so it can be cached forever.
pub fn palette_css(report: &crate::data::Report) -> (String, String) {
    let mut css = String::from(
        "/* Written by the build from charts.toml: the colour roles' dark shades for the static charts. */\n",
    );
    for c in &report.colours {
        let _ = writeln!(
            css,
            ".static-chart [fill=\"{}\"] {{ fill: {}; }}",
            c.light.hex(),
            c.dark.hex()
        );
    }
    (format!("palette-{:016x}.css", fnv1a(css.as_bytes())), css)
}

/// Everything inside `<body>`: status, header, navigation and sections.
pub fn body_html(bundle: &Bundle) -> Result<String, String> {
    let p = &bundle.prose.page;
    let ui = &bundle.strings.ui;
    let mut h = String::new();
    let _ = write!(
        h,
        "<header class=\"masthead\">\n<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n<p class=\"dek\">{}</p>\n<p class=\"byline\">{}</p>\n</header>\n",
        escape(&p.kicker),
        escape(&p.title),
        inline(&p.dek, bundle)?,
        inline(&p.byline, bundle)?,
    );
    let _ = writeln!(
        h,
        "<nav class=\"toc\" aria-label=\"{}\"><ol>",
        escape(&ui.nav_label)
    );
    for s in &bundle.prose.section {
        let _ = writeln!(
            h,
            "<li><a href=\"#{}\">{}</a></li>",
            escape(&s.id),
            escape(&s.nav)
        );
    }
    h.push_str("</ol></nav>\n");
    let _ = write!(
        h,
        "<p id=\"report-status\" class=\"report-status\" role=\"status\" data-failed=\"{}\">{}</p>\n\
         <noscript><p class=\"report-status\">{}</p></noscript>\n\
         <p id=\"url-note\" class=\"report-status url-note\" role=\"status\" hidden></p>\n\
         <p id=\"embed-message\" class=\"embed-message\" role=\"alert\" hidden></p>\n\
         <p id=\"announcer\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n<main>\n",
        escape(&ui.failed),
        escape(&ui.loading),
        escape(&ui.noscript)
    );
    for s in &bundle.prose.section {
        let id = escape(&s.id);
        let _ = write!(
            h,
            "<section id=\"{id}\" aria-labelledby=\"{id}-heading\">\n<h2 id=\"{id}-heading\">{}</h2>\n<p class=\"claim\">{}</p>\n{}</section>\n",
            inline(&s.heading, bundle)?,
            inline(&s.claim, bundle)?,
            body(&s.body, bundle, &s.id).map_err(|e| format!("section {}: {e}", s.id))?,
        );
    }
    h.push_str("</main>\n");
    Ok(h)
}

/// Fill the trunk-built page: `<!-- report:head -->` and `<!-- report:body -->`, and the
/// document language.
pub fn fill_page(page: &str, bundle: &Bundle) -> Result<String, String> {
    fill(page, bundle, head(bundle), body_html(bundle)?, "")
}

/// The staged page with its head and body markers filled and its root element's language set
/// from the catalog, followed by `root_attributes`.
fn fill(
    page: &str,
    bundle: &Bundle,
    head: String,
    body: String,
    root_attributes: &str,
) -> Result<String, String> {
    let mut out = page.to_owned();
    for (marker, html) in [
        ("<!-- report:head -->", head),
        ("<!-- report:body -->", body),
    ] {
        if !out.contains(marker) {
            return Err(format!("the page has no {marker} marker"));
        }
        out = out.replacen(marker, &html, 1);
    }
    let root = format!(
        "<html lang=\"{}\"{root_attributes}",
        escape(&bundle.strings.ui.lang)
    );
    Ok(out.replacen("<html lang=\"en\"", &root, 1))
}

/// An embed document for one chart (`embed/ID.html`) from the staged page: the page's head
/// with `<base href="../">` (its addresses are the report's) and no inline script, and a body of that figure alone, already
/// in embed layout (no script has to hide the report first). The WASM finds the chart in
/// `<html data-embed=ID>`.
pub fn embed_page(page: &str, bundle: &Bundle, id: &str) -> Result<String, String> {
    let chart = spec::build(bundle, id).map_err(|e| e.to_string())?;
    let section = bundle
        .prose
        .placements(id)
        .next()
        .map(|s| s.id.as_str())
        .ok_or_else(|| format!("chart {id} is in no section"))?;
    let ui = &bundle.strings.ui;
    let head = format!(
        "<title>{} - {}</title>\n<meta name=\"description\" content=\"{}\">\n<meta name=\"robots\" content=\"noindex\">\n{}",
        escape(&chart.title),
        escape(&bundle.prose.page.title),
        escape(&chart.takeaway),
        palette_link(bundle),
    );
    let figure = figure(&chart, bundle, section)?.replacen("<figure ", "<figure data-embedded ", 1);
    let body = format!(
        "<p id=\"report-status\" class=\"report-status\" role=\"status\" data-failed=\"{}\">{}</p>\n\
         <p id=\"url-note\" class=\"report-status url-note\" role=\"status\" hidden></p>\n\
         <p id=\"embed-message\" class=\"embed-message\" role=\"alert\" hidden></p>\n\
         <p id=\"announcer\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n\
         <main>\n<section id=\"{section}\">\n{figure}</section>\n</main>\n",
        escape(&ui.failed),
        escape(&ui.loading),
        section = escape(section),
    );
    let attributes = format!(" class=\"embed\" data-embed=\"{id}\"");
    let mut out = fill(page, bundle, head, body, &attributes)?;
    // Every relative address resolves from the report's folder, one up: the stylesheet, the
    // start-up module, the WASM it fetches, the downloads and the link back.
    out = out.replacen("<head>", "<head>\n<base href=\"../\">", 1);
    // The start-up script is the report's own (same code, so the same file).
    Ok(externalise_scripts(&out).0)
}

/// Moves every inline `<script type="module">` into a file named by its content's hash, so the
/// page runs under `script-src 'self'` with no inline script. Returns the page and the files.
pub fn externalise_scripts(page: &str) -> (String, Vec<(String, String)>) {
    const OPEN: &str = "<script type=\"module\">";
    const CLOSE: &str = "</script>";
    let mut out = String::with_capacity(page.len());
    let mut files = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find(OPEN) {
        let body = &rest[start + OPEN.len()..];
        let Some(end) = body.find(CLOSE) else { break };
        let code = body[..end].trim().to_owned();
        let name = format!("boot-{:016x}.js", fnv1a(code.as_bytes()));
        out.push_str(&rest[..start]);
        let _ = write!(out, "<script type=\"module\" src=\"./{name}\"></script>");
        files.push((name, code + "\n"));
        rest = &body[end + CLOSE.len()..];
    }
    out.push_str(rest);
    (out, files)
}

/// FNV-1a, 64 bits: a stable content hash for file names (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_module_scripts_move_to_hashed_files() {
        let (page, files) = externalise_scripts(
            "<head><script type=\"module\">\nimport init from './a.js';\nawait init();\n</script><link></head>",
        );
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].1, "import init from './a.js';\nawait init();\n");
        assert!(files[0].0.starts_with("boot-") && files[0].0.ends_with(".js"));
        assert_eq!(
            page,
            format!(
                "<head><script type=\"module\" src=\"./{}\"></script><link></head>",
                files[0].0
            )
        );
        assert!(!page.contains("<script type=\"module\">"));
    }

    fn bundle() -> Bundle {
        crate::test_data()
    }

    #[test]
    fn an_embed_document_holds_its_one_figure_with_the_reports_base() {
        let page = "<!doctype html>\n<html lang=\"en\" data-report-state=\"loading\">\n<head>\n<!-- report:head -->\n<link rel=\"stylesheet\" href=\"./style.css\">\n<script type=\"module\">import init from './glue.js'; await init();</script>\n</head>\n<body>\n<!-- report:body -->\n</body>\n</html>\n";
        let b = bundle();
        let doc = embed_page(page, &b, "influence").unwrap();
        assert!(doc.contains("<html lang=\"en\" class=\"embed\" data-embed=\"influence\""));
        assert!(
            doc.contains("<head>\n<base href=\"../\">"),
            "base first in head"
        );
        assert_eq!(doc.matches("<figure ").count(), 1);
        assert!(doc.contains("<figure data-embedded data-chart=\"influence\""));
        assert!(
            doc.contains("href=\"./#politics\"") || doc.contains("href=\"./#"),
            "link back"
        );
        assert!(
            !doc.contains("<script type=\"module\">"),
            "no inline script"
        );
        let (_, scripts) = externalise_scripts(page);
        assert!(
            doc.contains(&format!("src=\"./{}\"", scripts[0].0)),
            "the page's start-up file"
        );
        assert!(!doc.contains("masthead") && !doc.contains("class=\"toc\""));
    }

    #[test]
    fn every_chart_has_its_downloads_and_per_country_ones_where_it_has_a_selector() {
        let files = downloads(&bundle()).unwrap();
        let b = bundle();
        let selectors = b
            .report
            .charts
            .iter()
            .filter(|c| c.selector.is_some())
            .count();
        let per_country = selectors * b.data.members().count();
        assert_eq!(files.len(), 2 * (b.report.charts.len() + per_country));
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        for id in b.report.ids() {
            assert!(
                names.contains(&format!("downloads/{id}.csv").as_str()),
                "{id}"
            );
            assert!(
                names.contains(&format!("downloads/{id}.svg").as_str()),
                "{id}"
            );
        }
        let th = files
            .iter()
            .find(|(n, _)| n == "downloads/trust-2024-th.csv")
            .expect("Thailand's trust file");
        assert!(th.1.contains(",TH,"), "{}", th.1);
        // The page links to the region-wide files.
        let page = body_html(&bundle()).unwrap();
        assert!(page.contains("href=\"downloads/trust-2024.csv\" download=\"trust-2024.csv\""));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<b>\"A&B\"</b>'"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;&#39;"
        );
    }

    #[test]
    fn titles_in_underscores_become_citations() {
        assert_eq!(
            italics("the essay _Japan &amp; ASEAN_, 2024"),
            "the essay <cite>Japan &amp; ASEAN</cite>, 2024"
        );
        assert_eq!(italics("snake_case stays"), "snake_case stays");
    }

    #[test]
    fn numbers_in_prose_carry_their_placeholder() {
        let b = bundle();
        assert_eq!(
            inline("Japan: {trust/2024/ASEAN/Japan}%", &b).unwrap(),
            "Japan: <data class=\"fig\" value=\"58.9\" data-key=\"trust/2024/ASEAN/Japan\">58.9</data>%"
        );
        assert!(inline("{trust/2024/ASEAN/Atlantis}", &b).is_err());
    }

    #[test]
    fn the_figure_has_a_static_chart_a_table_row_per_chart_row_and_its_sources() {
        let b = bundle();
        let chart = spec::build(&b, "trust-2024").unwrap();
        let html = figure(&chart, &b, "trust").unwrap();
        assert!(html.starts_with("<figure data-chart=\"trust-2024\""));
        assert!(html.contains("<svg class=\"static-chart\""));
        assert!(html.contains("<tr class=\"highlight\"><th scope=\"row\">Japan</th><td class=\"num\" data-key=\"trust/2024/ASEAN/Japan\">58.9</td><td class=\"num np\">not published</td></tr>"));
        assert_eq!(html.matches("<tr").count(), 1 + chart.rows.len());
        assert!(html
            .contains("href=\"https://www3.nhk.or.jp/news/html/20240403/k10014411111000.html\""));
    }

    #[test]
    fn the_page_has_every_section_and_every_chart() {
        let b = bundle();
        let page = fill_page(
            "<html lang=\"en\"><head><!-- report:head --></head><body><!-- report:body --></body></html>",
            &b,
        )
        .unwrap();
        for id in &b.report.sections {
            assert!(page.contains(&format!("<section id=\"{id}\"")), "{id}");
            assert!(page.contains(&format!("<a href=\"#{id}\">")), "{id}");
        }
        for id in b.report.ids() {
            assert_eq!(
                page.matches(&format!("<figure data-chart=\"{id}\""))
                    .count(),
                1,
                "{id}"
            );
        }
        assert!(page.contains("<dd>1,994</dd>"));
        assert!(!page.contains("{{"), "every directive was placed");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(1994), "1,994");
        assert_eq!(thousands(994), "994");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
