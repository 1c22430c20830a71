//! A chart's whole `<figure data-chart=ID>`: caption, country selector, the static SVG drawn by
//! the same renderer as the canvas, the data table, notes, source line, embed code and
//! downloads; and the files the build writes for it (downloads, the colour roles' dark shades).

use super::table::table;
use super::{inline, Html, HtmlError, STATIC_WIDTH};
use crate::bundle::Bundle;
use crate::data::{NoteKind, Population, Report};
use crate::dom;
use crate::embed;
use crate::export;
use crate::render::{self, LIGHT};
use crate::spec::{self, Chart, SourceLink};
use crate::text;

/// `embedded`: the figure is an embed document's one figure (`data-embedded`).
pub fn figure(
    chart: &Chart,
    bundle: &Bundle,
    section: &str,
    embedded: bool,
    site: &super::Site,
) -> Result<String, HtmlError> {
    let page = &bundle.page;
    let strings = &bundle.strings;
    let ui = &strings.ui;
    let id = chart.id.as_str();
    let (title_id, takeaway_id, keys_id, summary_id) = (
        format!("{id}-title"),
        format!("{id}-takeaway"),
        format!("{id}-keys"),
        format!("{id}-summary"),
    );
    let described = format!("{summary_id} {keys_id}");
    let mut h = Html::new();
    let anchor = format!("chart-{id}");
    let mut attrs = vec![
        (dom::CHART_ATTR, id),
        ("id", anchor.as_str()),
        ("aria-labelledby", title_id.as_str()),
        ("aria-describedby", takeaway_id.as_str()),
    ];
    if embedded {
        attrs.insert(0, ("data-embedded", ""));
    }
    h.open("figure", &attrs).nl();
    h.open("figcaption", &[]).nl();
    h.el(
        "h3",
        &[("class", "chart-title"), ("id", &title_id)],
        &chart.title,
    )
    .nl();
    h.open("p", &[("class", "chart-takeaway"), ("id", &takeaway_id)]);
    match bundle.prose.takeaway(id) {
        Some(runs) => inline(&mut h, runs, bundle)?,
        None => {
            h.text(&chart.takeaway);
        }
    }
    h.close("p").nl();
    h.el("p", &[("class", "chart-subtitle")], &chart.subtitle)
        .nl();
    h.close("figcaption").nl();
    // A correction shows above the chart on the page; in an embed document, where the embed
    // code predates it (the browser decides), and always in the notes.
    super::corrections::on_chart(&mut h, bundle, id, embedded, embedded);
    if bundle.report.has_selector(id) {
        picker(&mut h, id, bundle);
    }
    let label = text::template(
        &ui.labelled,
        &[("label", &chart.title), ("text", &page.chart_label)],
    );
    h.open(
        "div",
        &[
            ("class", dom::CHART_CLASS),
            ("role", "group"),
            ("aria-label", &label),
            ("aria-describedby", &described),
        ],
    );
    static_chart(&mut h, chart);
    h.close("div").nl();
    // The chart in words: what a screen reader hears for the chart, before its keys.
    h.el(
        "p",
        &[
            ("class", &format!("visually-hidden {}", dom::SUMMARY_CLASS)),
            ("id", &summary_id),
        ],
        &spec::summary(chart, ui),
    )
    .nl();
    h.el(
        "p",
        &[("class", "visually-hidden"), ("id", &keys_id)],
        &page.chart_keys,
    )
    .nl();
    let back = format!("./#{section}");
    let link_back = |h: &mut Html| {
        // Shown only when the figure is embedded elsewhere: the way back to the whole argument.
        h.open("p", &[("class", "embed-link")])
            .el(
                "a",
                &[("href", &back), ("target", "_blank"), ("rel", "noopener")],
                &page.embed_read_more,
            )
            .close("p")
            .nl();
    };
    if embedded {
        // Compact, as an article needs it: a one-line source and the way back; the table, the
        // notes and every source behind one native disclosure.
        let count = chart.source.read_in.len().to_string();
        let short = text::template(
            &page.source_short,
            &[("survey", &chart.source.survey), ("count", &count)],
        );
        h.el("p", &[("class", "source source-short")], &short).nl();
        link_back(&mut h);
        h.open("details", &[("class", "embed-data")])
            .el("summary", &[], &page.data_and_notes)
            .nl();
        h.raw(&table(chart, &strings.ui));
        notes(&mut h, chart, ui, page);
        super::corrections::on_chart(&mut h, bundle, id, true, false);
        source_line(&mut h, chart, ui, page);
        copy_source(&mut h, page);
        super::cite::cite(&mut h, chart, bundle, site);
        h.close("details").nl();
    } else {
        h.raw(&table(chart, &strings.ui));
        notes(&mut h, chart, ui, page);
        source_line(&mut h, chart, ui, page);
        copy_source(&mut h, page);
        tools(&mut h, chart, bundle, site);
        super::cite::cite(&mut h, chart, bundle, site);
        link_back(&mut h);
    }
    h.close("figure").nl();
    Ok(h.finish())
}

/// The static chart: the renderer's SVG, inside an outer `<svg>` that scales it down on narrow
/// screens and hides it from assistive technology (the table carries the data).
fn static_chart(h: &mut Html, chart: &Chart) {
    let height = crate::layout::chart_height(chart);
    // As the renderer sizes its SVG: whole CSS px.
    let (w, hh) = (
        (STATIC_WIDTH as u32).to_string(),
        (height as u32).to_string(),
    );
    let view = format!("0 0 {w} {hh}");
    h.open(
        "svg",
        &[
            ("class", dom::STATIC_CHART_CLASS),
            ("aria-hidden", "true"),
            ("preserveAspectRatio", "xMinYMin meet"),
            ("focusable", "false"),
            ("width", &w),
            ("height", &hh),
            ("viewBox", &view),
            ("xmlns", "http://www.w3.org/2000/svg"),
        ],
    );
    h.raw(&render::svg(chart, STATIC_WIDTH, &LIGHT));
    h.close("svg");
}

/// Embed code and downloads, closed by default. The CSV and SVG are files written at build
/// time (`downloads`), linked directly; the script fills in the report's address and the
/// embed's height, draws the PNG, and points the links at the chosen country's files.
fn tools(h: &mut Html, chart: &Chart, bundle: &Bundle, site: &super::Site) {
    let page = &bundle.page;
    let id = chart.id.as_str();
    // The report's address: known at build time where SITE_URL is set, else filled in by the
    // script from the page's own address.
    let edition = site.edition_url();
    let base = edition.as_deref().unwrap_or(embed::URL_MARK);
    let query = embed::document_query(bundle.report.updated, embed::Flags::default());
    let iframe = embed::iframe_code(base, id, &query, &chart.title, embed::HEIGHT_MARK);
    let pym = embed::pym_code(base, id, &query);
    let amp = embed::amp_code(
        base,
        id,
        &query,
        &chart.title,
        embed::HEIGHT_MARK,
        &page.embed_amp_show,
    );
    h.open("details", &[("class", dom::TOOLS_CLASS)])
        .el("summary", &[], &page.tools_summary)
        .nl();
    // The render flags, offered for the codes below (the script rewrites them).
    h.open("fieldset", &[("class", dom::EMBED_FLAGS_CLASS)])
        .el("legend", &[], &page.embed_options)
        .nl();
    for (name, label) in embed::Flags::NAMES.iter().zip([
        &page.embed_plain,
        &page.embed_static,
        &page.embed_transparent,
    ]) {
        h.open("label", &[])
            .open(
                "input",
                &[
                    ("type", "checkbox"),
                    (dom::FLAG_ATTR, name),
                    ("disabled", ""),
                ],
            )
            .text(label)
            .close("label")
            .nl();
    }
    h.close("fieldset").nl();
    // Each code in a labelled, read-only box: (id suffix, label, kind, rows, code).
    for (suffix, label, kind, rows, code) in [
        ("embed", &page.embed_iframe_label, "iframe", "6", &iframe),
        ("pym", &page.embed_pym_label, "pym", "4", &pym),
        ("amp", &page.embed_amp_label, "amp", "5", &amp),
    ] {
        code_box(
            h,
            &format!("{id}-{suffix}"),
            label,
            dom::EMBED_CODE_CLASS,
            kind,
            rows,
            code,
        );
    }
    let (csv_path, csv_name) = (
        export::path(id, None, "csv"),
        export::file_name(id, None, "csv"),
    );
    let (svg_path, svg_name) = (
        export::path(id, None, "svg"),
        export::file_name(id, None, "svg"),
    );
    h.open("p", &[("class", "downloads")])
        .text(&page.download_label)
        .text(" ");
    h.el(
        "a",
        &[
            ("href", &csv_path),
            ("download", &csv_name),
            ("data-download", "csv"),
        ],
        &page.download_csv,
    )
    .text(" ");
    let (png_path, png_name) = (
        export::path(id, None, "png"),
        export::file_name(id, None, "png"),
    );
    h.el(
        "a",
        &[
            ("href", &png_path),
            ("download", &png_name),
            ("data-download", "png"),
        ],
        &page.download_png,
    )
    .text(" ");
    h.el(
        "a",
        &[
            ("href", &svg_path),
            ("download", &svg_name),
            ("data-download", "svg"),
        ],
        &page.download_svg,
    );
    h.close("p").nl().close("details").nl();
}

/// "Copy with source": the value the reader picked in the chart (or the chart), with its
/// source and address, to the clipboard. Hidden until the script can copy (`web::mount`).
fn copy_source(h: &mut Html, page: &text::PageUi) {
    h.open("p", &[("class", dom::COPY_CLASS)])
        .open(
            "button",
            &[
                ("type", "button"),
                ("class", dom::COPY_BUTTON_CLASS),
                ("hidden", ""),
            ],
        )
        .text(&page.copy_source)
        .close("button")
        .text(" ")
        .open(
            "span",
            &[("class", dom::COPY_STATUS_CLASS), ("role", "status")],
        )
        .close("span")
        .close("p")
        .nl();
}

/// A labelled, read-only box of text to copy (an embed code, a citation): its `id`, its
/// label, its class and `data-kind`, its height in rows.
pub(super) fn code_box(
    h: &mut Html,
    id: &str,
    label: &str,
    class: &str,
    kind: &str,
    rows: &str,
    body: &str,
) {
    h.open("p", &[])
        .el("label", &[("for", id)], label)
        .close("p")
        .nl();
    h.el(
        "textarea",
        &[
            ("id", id),
            ("class", class),
            ("data-kind", kind),
            ("readonly", ""),
            ("rows", rows),
        ],
        body,
    )
    .nl();
}

/// Every download the page links to, as (path relative to the page, contents): each chart's
/// CSV and SVG (640 px wide, light, with title and source line), and for a chart with a
/// selector, the same for every member state it offers.
pub fn downloads(bundle: &Bundle) -> Result<Vec<(String, String)>, HtmlError> {
    let mut files = Vec::new();
    for id in bundle.report.ids() {
        for country in spec::views(bundle, id) {
            let chart = spec::build_for(bundle, id, country)
                .map_err(|e| HtmlError::Chart(e.to_string()))?;
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

/// `palette-HASH.css`: every colour role's light shade, as the static SVG writes it, mapped to
/// its dark shade. Named by its content's hash, so it can be cached forever.
pub fn palette_css(report: &Report) -> (String, String) {
    let mut css = String::from(
        "/* Written by the build: the static charts' dark colours, from the renderer's themes and charts.toml's colour roles. */\n",
    );
    for (selector, property, value) in render::dark_rules() {
        css.push_str(&format!(
            ".static-chart {selector} {{ {property}: {value}; }}\n"
        ));
    }
    for c in &report.colours {
        css.push_str(&format!(
            ".static-chart [fill=\"{}\"] {{ fill: {}; }}\n",
            c.light.hex(),
            c.dark.hex()
        ));
    }
    (
        format!("palette-{:016x}.css", super::shell::fnv1a(css.as_bytes())),
        css,
    )
}

/// The country selector of a chart with per-country data: the member states the region-wide
/// figure averages, in the edition's order of their names (`[locale] collation`). Disabled
/// until the script that makes it work has started; hidden where there is no script.
fn picker(h: &mut Html, id: &str, bundle: &Bundle) {
    let page = &bundle.page;
    let select = format!("{id}-country");
    h.open("div", &[("class", "picker")])
        .el("label", &[("for", &select)], &page.country_label)
        .text(" ");
    h.open(
        "select",
        &[
            ("id", &select),
            ("class", dom::COUNTRY_SELECT_CLASS),
            ("disabled", ""),
        ],
    );
    // `value=""` must be written out: a bare `value` would mean the same, but reads oddly.
    h.raw("<option value=\"\">")
        .text(&page.country_all)
        .close("option");
    let rule = bundle.strings.locale.collation;
    let mut members: Vec<(String, crate::data::Country)> = bundle
        .data
        .members()
        .map(|c| {
            (
                spec::capitalise(bundle.data.name(Population::Country(c))),
                c,
            )
        })
        .collect();
    members.sort_by(|a, b| rule.compare(&a.0, &b.0));
    for (name, c) in &members {
        h.el("option", &[("value", c.code())], name);
    }
    h.close("select").close("div").nl();
}

/// A catalog template written as markup: its text escaped, each `{slot}` written by `fill`.
pub(super) fn slotted(h: &mut Html, template: &str, mut fill: impl FnMut(&mut Html, &str)) {
    for token in text::tokens(template) {
        match token {
            text::Token::Placeholder(slot) => fill(h, slot),
            text::Token::Text(t) | text::Token::Unclosed(t) | text::Token::Directive(t) => {
                h.text(t);
            }
        }
    }
}

/// `{label}: {text}` in the edition's form, the label in bold.
pub(super) fn labelled(h: &mut Html, template: &str, label: &str, body: &str) {
    slotted(h, template, |h, slot| match slot {
        "label" => {
            h.el("strong", &[], label);
        }
        "text" => {
            h.text(body);
        }
        _ => {}
    });
}

/// A source as it is cited: a link where it has an address, else its name and a note.
pub(super) fn link(h: &mut Html, l: &SourceLink, ui: &text::Ui, page: &text::PageUi) {
    match &l.url {
        Some(url) => {
            h.el("a", &[("href", url), ("rel", "noopener")], &l.name);
        }
        None => {
            h.text(&text::template(
                &ui.unlinked,
                &[("name", &l.name), ("no_address", &page.no_address)],
            ));
        }
    }
    if let Some(d) = &l.date {
        h.text(&ui.list).text(d);
    }
}

/// Sources as an aside to the text before them (" (A; B)"), in the edition's brackets.
pub(super) fn cited(h: &mut Html, sources: &[SourceLink], ui: &text::Ui, page: &text::PageUi) {
    if sources.is_empty() {
        return;
    }
    h.open("span", &[("class", "note-sources")]);
    slotted(h, &ui.aside, |h, slot| {
        if slot == "aside" {
            for (i, s) in sources.iter().enumerate() {
                if i > 0 {
                    h.text(&ui.list_strong);
                }
                link(h, s, ui, page);
            }
        }
    });
    h.close("span");
}

fn notes(h: &mut Html, chart: &Chart, ui: &text::Ui, page: &text::PageUi) {
    if chart.notes.is_empty() {
        return;
    }
    h.el("p", &[("class", "notes-title")], &page.notes).nl();
    h.open("ul", &[("class", "notes")]).nl();
    for n in &chart.notes {
        let class = format!("note note-{}", note_kind(n.kind));
        h.open("li", &[("class", &class)]);
        match &n.about {
            Some(a) => labelled(h, &ui.labelled, a, &n.text),
            None => {
                h.text(&n.text);
            }
        }
        cited(h, &n.sources, ui, page);
        h.close("li").nl();
    }
    h.close("ul").nl();
}

fn note_kind(kind: NoteKind) -> &'static str {
    NoteKind::ALL
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("other", |(name, _)| name)
}

/// The catalog's `source_line` template, its `{outlets}` slot written as links (the plain
/// version, for images and downloads, is `SourceLine::plain`).
fn source_line(h: &mut Html, chart: &Chart, ui: &text::Ui, page: &text::PageUi) {
    let s = &chart.source;
    h.open("p", &[("class", "source")]);
    slotted(h, &ui.source_line, |h, slot| match slot {
        "survey" => {
            h.text(&s.survey);
        }
        "outlets" => {
            for (i, l) in s.read_in.iter().enumerate() {
                if i > 0 {
                    h.text(&ui.list_strong);
                }
                link(h, l, ui, page);
            }
        }
        other => {
            h.text("{").text(other).text("}");
        }
    });
    h.close("p").nl();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figure_has_a_static_chart_a_table_row_per_chart_row_and_its_sources() {
        let b = crate::test_data();
        let chart = spec::build(&b, "trust-2024").unwrap();
        let html = figure(&chart, &b, "trust", false, &super::super::Site::default()).unwrap();
        assert!(html.starts_with("<figure data-chart=\"trust-2024\""));
        assert!(html.contains("<svg class=\"static-chart\" aria-hidden=\"true\""));
        assert!(html.contains("<tr class=\"highlight\"><th scope=\"row\">Japan</th><td class=\"num\" id=\"v-trust-2024-trust-2024-asean-japan\" data-key=\"trust/2024/ASEAN/Japan\">58.9</td><td class=\"num np\">not published</td></tr>"));
        assert_eq!(html.matches("<tr").count(), 1 + chart.rows.len());
        assert!(html
            .contains("href=\"https://www3.nhk.or.jp/news/html/20240403/k10014411111000.html\""));
        let embedded = figure(&chart, &b, "trust", true, &super::super::Site::default()).unwrap();
        assert!(embedded.starts_with("<figure data-embedded data-chart=\"trust-2024\""));
    }

    #[test]
    fn every_chart_has_its_downloads_and_per_country_ones_where_it_has_a_selector() {
        let b = crate::test_data();
        let files = downloads(&b).unwrap();
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
        let page = super::super::body_html(&b, &super::super::Site::default()).unwrap();
        assert!(page.contains("href=\"downloads/trust-2024.csv\" download=\"trust-2024.csv\""));
    }
}
