//! "Cite this chart": a citation in the edition's words (the chart, the report, the year of
//! its release, the survey, the chart's address, the date of access left to the reader) and a
//! BibTeX entry, in a disclosure under every chart on the page and in its embed document.

use super::Html;
use crate::bundle::Bundle;
use crate::dom;
use crate::embed;
use crate::spec::Chart;

/// The citation block of `chart`. The address is the chart on its edition's page: absolute
/// where `SITE_URL` gives it, else the browser fills it in (`embed::URL_MARK`).
pub(super) fn cite(h: &mut Html, chart: &Chart, snap: &Bundle, site: &super::Site) {
    let page = &snap.page;
    let known = site.edition_url();
    let base = known.as_deref().unwrap_or(embed::URL_MARK);
    let url = format!("{base}#chart-{}", chart.id);
    let report = &snap.prose.page.title;
    let year = snap
        .report
        .updated
        .map(|d| snap.strings.locale.year(d.year));
    let text = crate::text::template(
        &page.citation,
        &[
            ("chart", &chart.title),
            ("report", report),
            ("year", year.as_deref().unwrap_or(&page.cite_undated)),
            ("survey", &chart.source.survey),
            ("url", &url),
            ("accessed", &page.cite_accessed),
        ],
    );
    let text = match &snap.report.publisher {
        Some(p) => {
            crate::text::template(&page.citation_by, &[("publisher", p), ("citation", &text)])
        }
        None => text,
    };
    let note = crate::text::template(
        &page.cite_note,
        &[("report", report), ("survey", &chart.source.survey)],
    );
    let bibtex = bibtex(chart, snap, &url, &note);
    let id = &chart.id;
    let attrs: &[(&str, &str)] = if known.is_some() {
        &[("class", dom::CITE_CLASS)]
    } else {
        &[("class", dom::CITE_CLASS), ("data-needs-script", "")]
    };
    h.open("details", attrs)
        .el("summary", &[], &page.cite_summary)
        .nl();
    for (suffix, label, rows, body) in [
        ("cite", &page.cite_text_label, "5", &text),
        ("bibtex", &page.cite_bibtex_label, "7", &bibtex),
    ] {
        super::figure::code_box(
            h,
            &format!("{id}-{suffix}"),
            label,
            dom::CITE_CODE_CLASS,
            suffix,
            rows,
            body,
        );
    }
    h.close("details").nl();
}

/// A `@misc` entry: the key from the chart's id and the release's year; the year in the
/// Common Era, as BibTeX reads it; TeX's special characters escaped.
fn bibtex(chart: &Chart, snap: &Bundle, url: &str, note: &str) -> String {
    let year = snap.report.updated.map(|d| d.year.to_string());
    let key = match &year {
        Some(y) => format!("{}-{y}", chart.id),
        None => chart.id.clone(),
    };
    let mut out = format!("@misc{{{key},\n  title = {{{}}},\n", tex(&chart.title));
    if let Some(p) = &snap.report.publisher {
        out.push_str(&format!("  author = {{{{{}}}}},\n", tex(p)));
    }
    if let Some(y) = &year {
        out.push_str(&format!("  year = {{{y}}},\n"));
    }
    out.push_str(&format!("  howpublished = {{\\url{{{url}}}}},\n"));
    out.push_str(&format!("  note = {{{}}},\n}}", tex(note)));
    out
}

/// Text in a BibTeX field: `\`, braces and TeX's special characters escaped.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tex;

    #[test]
    fn tex_specials_are_escaped() {
        assert_eq!(
            tex("Japan & ASEAN: 58.9% {x}_#"),
            "Japan \\& ASEAN: 58.9\\% \\{x\\}\\_\\#"
        );
        assert_eq!(
            tex("a\\b~^"),
            "a\\textbackslash{}b\\textasciitilde{}\\textasciicircum{}"
        );
    }
}
