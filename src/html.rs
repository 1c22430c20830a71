//! Static HTML for a figure: title, chart slot (its height reserved by the stylesheet), data
//! table and source line. Written into the page at build time by `prerender`, so the numbers
//! are there before and without any script. Every text goes through `escape`.

use std::fmt::Write;

use crate::data::NoteKind;
use crate::spec::{BarChart, SourceLink};

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

/// The whole `<figure data-chart=ID>` element.
pub fn figure(chart: &BarChart) -> String {
    let id = chart.id;
    let mut h = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        h,
        "<figure data-chart=\"{id}\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-summary\">\n\
         <figcaption>\n\
         <h3 class=\"chart-title\" id=\"{id}-title\">{title}</h3>\n\
         <p class=\"chart-summary\" id=\"{id}-summary\">{summary}</p>\n\
         <p class=\"chart-subtitle\">{subtitle}</p>\n\
         </figcaption>\n\
         <div class=\"chart\" data-rows=\"{rows}\" aria-hidden=\"true\"></div>\n",
        summary = escape(&chart.summary),
        title = escape(&chart.title),
        subtitle = escape(&chart.subtitle),
        rows = chart.rows.len(),
    );
    let _ = write!(
        h,
        "<table class=\"data-table\">\n\
         <caption>Data for “{title}”</caption>\n\
         <thead><tr><th scope=\"col\">{lh}</th><th scope=\"col\" class=\"num\">{vh}</th></tr></thead>\n\
         <tbody>\n",
        title = escape(&chart.title),
        lh = escape(&chart.label_header),
        vh = escape(&chart.value_header),
    );
    for row in &chart.rows {
        let class = if row.highlight {
            " class=\"highlight\""
        } else {
            ""
        };
        let _ = writeln!(
            h,
            "<tr{class}><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
            escape(&row.label),
            escape(row.value.text()),
        );
    }
    h.push_str("</tbody>\n</table>\n");
    h.push_str(&notes(chart));
    h.push_str(&source_line(chart));
    h.push_str("</figure>");
    h
}

fn link(l: &SourceLink) -> String {
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
        None => format!("{} (no public address recorded){date}", escape(&l.name)),
    }
}

fn notes(chart: &BarChart) -> String {
    if chart.notes.is_empty() {
        return String::new();
    }
    let mut h = String::from("<ul class=\"notes\">\n");
    for n in &chart.notes {
        let about = n
            .about
            .as_deref()
            .map(|a| format!("<strong>{}:</strong> ", escape(a)))
            .unwrap_or_default();
        let sources: Vec<String> = n.sources.iter().map(link).collect();
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
            "<li class=\"note note-{kind}\">{about}{}{sources}</li>",
            escape(&n.text),
            kind = note_kind(n.kind),
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

fn source_line(chart: &BarChart) -> String {
    let s = &chart.source;
    let links: Vec<String> = s.read_in.iter().map(link).collect();
    format!(
        "<p class=\"source\">Source: {}. Figures as reported by {}.</p>\n",
        escape(&s.survey),
        links.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<b>\"A&B\"</b>'"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;&#39;"
        );
    }

    #[test]
    fn figure_of_the_real_data_has_a_table_row_per_bar() {
        let data = crate::load().unwrap();
        let chart = crate::spec::build("trust-2024", &data).unwrap();
        let html = figure(&chart);
        assert!(html.starts_with("<figure data-chart=\"trust-2024\""));
        assert!(html.contains(
            "<tr class=\"highlight\"><th scope=\"row\">Japan</th><td class=\"num\">58.9</td></tr>"
        ));
        assert_eq!(html.matches("<tr").count(), 1 + chart.rows.len());
        assert!(html.contains("data-rows=\"5\""));
        assert!(html
            .contains("href=\"https://www3.nhk.or.jp/news/html/20240403/k10014411111000.html\""));
    }
}
