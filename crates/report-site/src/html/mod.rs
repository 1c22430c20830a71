//! The page's static HTML, written at build time by `prerender` from the parsed prose
//! (`prose::Prose`), the chart specs and the data: header, section navigation, sections, every
//! figure (`figure`), the method and sources blocks (`method`), and the documents around them
//! (`shell`: the report page and the embed documents). All markup goes through one escaping
//! writer, `Html`: text and attribute values are escaped as they are written, and nothing is
//! patched afterwards.

pub mod card;
mod cite;
mod corrections;
mod figure;
mod method;
mod shell;
mod site;
mod table;

pub use report_core::markup::escape;
use report_core::markup::escape_into;

use crate::bundle::Bundle;
use crate::dom;
use crate::prose::{Block, Directive, Inline};

pub use figure::{downloads, figure, palette_css};
pub use shell::{content_hash, embed_page, externalise_scripts, fill_page, Shell};
pub use site::{Edition, Site};
pub use table::table;

/// The width of the static SVG charts: legible on a phone; the live chart then fills the column.
pub const STATIC_WIDTH: f64 = 360.0;

/// Why a page could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// The staged page lacks a part the shell needs (`<head>`, a marker...).
    Shell(&'static str),
    /// A placeholder that names no value (the bundle checks them all first).
    Figure(String),
    /// A chart that could not be built.
    Chart(String),
    /// A placed chart in no section, for an embed document.
    Unplaced(String),
}

impl std::fmt::Display for HtmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HtmlError::Shell(what) => write!(f, "the staged page has no {what}"),
            HtmlError::Figure(e) => write!(f, "{e}"),
            HtmlError::Chart(e) => write!(f, "{e}"),
            HtmlError::Unplaced(id) => write!(f, "chart {id:?} is placed in no section"),
        }
    }
}

/// The one way markup is written: elements with escaped attribute values, escaped text, and
/// `raw` only for markup this crate made (the renderer's SVG, a nested writer's output).
#[derive(Debug, Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::new())
    }
    /// `<tag a="v" b>`: an attribute with an empty value is written bare.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            if !value.is_empty() {
                self.0.push_str("=\"");
                escape_into(&mut self.0, value);
                self.0.push('"');
            }
        }
        self.0.push('>');
        self
    }
    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }
    pub fn text(&mut self, text: &str) -> &mut Html {
        escape_into(&mut self.0, text);
        self
    }
    /// An element holding only text.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }
    pub fn raw(&mut self, markup: &str) -> &mut Html {
        self.0.push_str(markup);
        self
    }
    pub fn nl(&mut self) -> &mut Html {
        self.0.push('\n');
        self
    }
    pub fn finish(self) -> String {
        self.0
    }
}

/// Inline runs: text escaped, titles in `<cite>`, figures as `<data>` elements carrying the
/// placeholder they came from and the value as published.
pub fn inline(h: &mut Html, runs: &[Inline], bundle: &Bundle) -> Result<(), HtmlError> {
    for r in runs {
        match r {
            Inline::Text(t) | Inline::Literal(t) => {
                h.text(t);
            }
            Inline::Cite(t) => {
                h.el("cite", &[], t);
            }
            Inline::Figure(key) => {
                let v = crate::text::lookup(key, &bundle.data)
                    .map_err(|e| HtmlError::Figure(e.to_string()))?;
                // The value as the data has it; the text in the edition's number form.
                h.el(
                    "data",
                    &[("class", "fig"), ("value", v), ("data-key", key)],
                    &bundle.strings.locale.number.number(v),
                );
            }
        }
    }
    Ok(())
}

/// Plain text of inline runs (figures filled), for attributes such as the description.
pub fn plain(runs: &[Inline], bundle: &Bundle) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) | Inline::Cite(t) | Inline::Literal(t) => t.clone(),
            Inline::Figure(key) => crate::text::lookup(key, &bundle.data)
                .map(|v| bundle.strings.locale.number.number(v))
                .unwrap_or_default(),
        })
        .collect()
}

/// Whether the text places the method block (`{{method}}`) anywhere.
fn has_method(bundle: &Bundle) -> bool {
    bundle.prose.sections.iter().any(|s| {
        s.blocks
            .iter()
            .any(|b| matches!(b, Block::Directive(Directive::Method)))
    })
}

fn blocks(
    h: &mut Html,
    blocks: &[Block],
    bundle: &Bundle,
    section: &str,
    site: &Site,
) -> Result<(), HtmlError> {
    for b in blocks {
        match b {
            Block::Paragraph(runs) => {
                h.open("p", &[]);
                inline(h, runs, bundle)?;
                h.close("p").nl();
            }
            Block::Chart(id) => {
                let chart =
                    crate::spec::build(bundle, id).map_err(|e| HtmlError::Chart(e.to_string()))?;
                h.raw(&figure(&chart, bundle, section, false, site)?);
            }
            Block::Directive(d) => match d {
                Directive::Agenda => method::agenda(h, bundle)?,
                Directive::Method => method::method(h, bundle),
                Directive::Conflicts => method::conflicts(h, bundle),
                Directive::Sources => method::sources(h, bundle),
                Directive::Credits => {
                    h.el("p", &[("class", "credits")], &bundle.page.credits)
                        .nl();
                }
            },
        }
    }
    Ok(())
}

/// The page's `<head>` additions: title, description and the colour roles' dark shades.
pub fn head(bundle: &Bundle, site: &Site) -> String {
    let p = &bundle.prose.page;
    let description = plain(&p.description, bundle);
    let mut h = Html::new();
    h.el("title", &[], &p.title).nl();
    h.open(
        "meta",
        &[("name", "description"), ("content", &description)],
    )
    .nl();
    let alt = crate::text::template(
        &bundle.strings.ui.labelled,
        &[("label", &p.title), ("text", &plain(&p.dek, bundle))],
    );
    preview(
        &mut h,
        site,
        "",
        &p.title,
        &description,
        card::REPORT_CARD,
        &alt,
    );
    // Every edition, and the first as the default for other languages.
    let first = site.editions.first();
    for e in site
        .editions
        .iter()
        .map(|e| (e.lang.as_str(), e))
        .chain(first.map(|e| ("x-default", e)))
    {
        h.open(
            "link",
            &[
                ("rel", "alternate"),
                ("hreflang", e.0),
                ("href", &site.edition_address(&e.1.folder)),
            ],
        )
        .nl();
    }
    palette_link(&mut h, bundle);
    h.finish()
}

/// The language switch: every edition by its own name, the current one marked. The script
/// keeps each link's address carrying the reader's section, chart and country.
fn editions(h: &mut Html, bundle: &Bundle, site: &Site) {
    let page = &bundle.page;
    if site.editions.len() < 2 {
        return;
    }
    let ui = &bundle.strings.ui;
    h.open(
        "nav",
        &[
            ("class", dom::EDITIONS_CLASS),
            ("aria-label", &page.language_label),
        ],
    )
    .open("ul", &[]);
    for e in &site.editions {
        let href = site.edition_address(&e.folder);
        let mut attrs = vec![
            ("href", href.as_str()),
            // The script adds the reader's state to this address.
            (dom::EDITION_BASE_ATTR, href.as_str()),
            ("hreflang", e.lang.as_str()),
            ("lang", e.lang.as_str()),
        ];
        if e.lang == ui.lang {
            attrs.push(("aria-current", "page"));
        }
        h.open("li", &[]).el("a", &attrs, &e.name).close("li");
    }
    h.close("ul").close("nav").nl();
}

/// The edition's strings for the script (`snapshot::to_text`): every edition's page carries
/// its own, so no reader downloads the others.
pub(crate) fn strings_block(h: &mut Html, bundle: &Bundle) {
    let bytes = crate::snapshot::write_strings(&bundle.browser_strings());
    script_block(h, crate::snapshot::STRINGS_ID, &bytes);
}

/// An embed document's chart views for the script (`views::Prebuilt`): the region's and each
/// member state's, in the edition's words, so that the embed build reads them instead of
/// building them.
pub(crate) fn views_block(h: &mut Html, bundle: &Bundle, id: &str) -> Result<(), HtmlError> {
    let views = crate::views::Prebuilt::of(&bundle.snapshot(), id)
        .map_err(|e| HtmlError::Chart(e.to_string()))?;
    script_block(
        h,
        crate::snapshot::VIEWS_ID,
        &crate::snapshot::write_views(&views),
    );
    Ok(())
}

pub(crate) fn script_block(h: &mut Html, id: &str, bytes: &[u8]) {
    h.open(
        "script",
        &[("type", "application/octet-stream"), ("id", id)],
    )
    .raw(&crate::snapshot::to_text(bytes))
    .close("script")
    .nl();
}

/// Link-preview tags (Open Graph, Twitter) for a document at `path` (relative to the report's
/// folder) with its card image. Absolute where the site's address is known (`SITE_URL`).
fn preview(
    h: &mut Html,
    site: &Site,
    path: &str,
    title: &str,
    description: &str,
    image: &str,
    alt: &str,
) {
    let (w, hh) = (card::CARD.0.to_string(), card::CARD.1.to_string());
    let image = site.address(image);
    let mut tags: Vec<(&str, String)> = vec![
        ("og:type", "website".into()),
        ("og:title", title.into()),
        ("og:description", description.into()),
        ("og:image", image.clone()),
        ("og:image:type", "image/png".into()),
        ("og:image:width", w),
        ("og:image:height", hh),
        ("og:image:alt", alt.into()),
    ];
    if site.url.is_some() {
        tags.push(("og:url", site.address(path)));
    }
    for (property, content) in &tags {
        h.open("meta", &[("property", property), ("content", content)])
            .nl();
    }
    for (name, content) in [
        ("twitter:card", "summary_large_image".to_owned()),
        ("twitter:title", title.to_owned()),
        ("twitter:description", description.to_owned()),
        ("twitter:image", image),
        ("twitter:image:alt", alt.to_owned()),
    ] {
        h.open("meta", &[("name", name), ("content", &content)])
            .nl();
    }
}

/// The static SVG charts follow the reader's colour scheme through attribute selectors, in
/// the file the build writes beside the page (`palette_css`): the renderer's own colours
/// (`render::dark_rules`) and the chart definitions' colour roles. It applies to a dark
/// scheme only, so a light page neither waits for it nor uses it.
fn palette_link(h: &mut Html, bundle: &Bundle) {
    let href = format!("./{}", palette_css(&bundle.report).0);
    h.open(
        "link",
        &[
            ("rel", "stylesheet"),
            ("href", &href),
            ("media", "(prefers-color-scheme: dark)"),
        ],
    );
}

/// The status lines every document has: loading / failure, URL notes, embed messages, and the
/// live region charts announce their values in.
fn status(h: &mut Html, bundle: &Bundle, noscript: bool) {
    let page = &bundle.page;
    h.el(
        "p",
        &[
            ("id", dom::STATUS_ID),
            ("class", "report-status"),
            ("role", "status"),
            ("data-failed", &page.failed),
            ("data-failed-data", &page.failed_data),
            ("data-failed-chart", &page.failed_chart),
            ("data-failed-build", &page.failed_build),
            ("data-failed-browser", &page.failed_browser),
            ("data-failed-code", &page.failed_code),
        ],
        &page.loading,
    )
    .nl();
    if noscript {
        h.open("noscript", &[])
            .el("p", &[("class", "report-status")], &page.noscript)
            .close("noscript")
            .nl();
    }
    h.el(
        "p",
        &[
            ("id", dom::URL_NOTE_ID),
            ("class", "report-status url-note"),
            ("role", "status"),
            ("hidden", ""),
        ],
        "",
    )
    .nl();
    h.el(
        "p",
        &[
            ("id", dom::EMBED_MESSAGE_ID),
            ("class", "embed-message"),
            ("role", "alert"),
            ("hidden", ""),
        ],
        "",
    )
    .nl();
    h.el(
        "p",
        &[
            ("id", dom::ANNOUNCER_ID),
            ("class", "visually-hidden"),
            ("aria-live", "polite"),
        ],
        "",
    )
    .nl();
}

/// Everything inside `<body>`: header, navigation, status lines and sections.
pub fn body_html(bundle: &Bundle, site: &Site) -> Result<String, HtmlError> {
    let page = &bundle.page;
    let p = &bundle.prose.page;
    let mut h = Html::new();
    h.open("header", &[("class", "masthead")]).nl();
    editions(&mut h, bundle, site);
    h.el("p", &[("class", "kicker")], &p.kicker).nl();
    h.el("h1", &[], &p.title).nl();
    h.open("p", &[("class", "dek")]);
    inline(&mut h, &p.dek, bundle)?;
    h.close("p").nl();
    h.open("p", &[("class", "byline")]);
    inline(&mut h, &p.byline, bundle)?;
    h.close("p").nl();
    if !page.translation.is_empty() {
        h.el("p", &[("class", "translation-note")], &page.translation)
            .nl();
    }
    h.close("header").nl();
    h.open(
        "nav",
        &[("class", dom::TOC_CLASS), ("aria-label", &page.nav_label)],
    )
    .open("ol", &[])
    .nl();
    for s in &bundle.prose.sections {
        let href = format!("#{}", s.id);
        h.open("li", &[])
            .el("a", &[("href", &href)], &s.nav)
            .close("li")
            .nl();
    }
    h.close("ol").close("nav").nl();
    status(&mut h, bundle, true);
    h.open("main", &[]).nl();
    for s in &bundle.prose.sections {
        let heading = format!("{}-heading", s.id);
        h.open("section", &[("id", &s.id), ("aria-labelledby", &heading)])
            .nl();
        h.open("h2", &[("id", &heading)]);
        inline(&mut h, &s.heading, bundle)?;
        h.close("h2").nl();
        h.open("p", &[("class", "claim")]);
        inline(&mut h, &s.claim, bundle)?;
        h.close("p").nl();
        blocks(&mut h, &s.blocks, bundle, &s.id, site)?;
        // The corrections' list is part of `{{method}}`; a report without that block still
        // lists them, at the end of its last section, where the charts' links point.
        let last = bundle.prose.sections.last().is_some_and(|l| l.id == s.id);
        if last && !bundle.corrections.is_empty() && !has_method(bundle) {
            corrections::list(&mut h, bundle);
        }
        h.close("section").nl();
    }
    h.close("main").nl();
    Ok(h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        crate::test_data()
    }

    #[test]
    fn the_writer_escapes_text_and_attributes_and_writes_empty_ones_bare() {
        let mut h = Html::new();
        h.open("a", &[("href", "?a=1&b=\"2\""), ("hidden", "")])
            .text("<b>'A&B'</b>")
            .close("a");
        assert_eq!(
            h.finish(),
            "<a href=\"?a=1&amp;b=&quot;2&quot;\" hidden>&lt;b&gt;&#39;A&amp;B&#39;&lt;/b&gt;</a>"
        );
    }

    #[test]
    fn numbers_in_prose_carry_their_placeholder_and_titles_are_citations() {
        let b = bundle();
        let runs = crate::prose::inline("Japan: {trust/2024/ASEAN/Japan}% in _A & B_").unwrap();
        let mut h = Html::new();
        inline(&mut h, &runs, &b).unwrap();
        assert_eq!(
            h.finish(),
            "Japan: <data class=\"fig\" value=\"58.9\" data-key=\"trust/2024/ASEAN/Japan\">58.9</data>% in <cite>A &amp; B</cite>"
        );
        let bad = crate::prose::inline("{trust/2024/ASEAN/Atlantis}").unwrap();
        assert!(inline(&mut Html::new(), &bad, &b).is_err());
    }

    #[test]
    fn the_page_has_every_section_and_every_chart() {
        let b = bundle();
        let page = fill_page(
            "<!doctype html>\n<html data-report-state=\"loading\"><head><!-- report:head --></head><body><!-- report:body --></body></html>",
            &b,
        )
        .unwrap();
        assert!(
            page.starts_with("<!doctype html>\n<html lang=\"en\" data-report-state=\"loading\">")
        );
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
}
