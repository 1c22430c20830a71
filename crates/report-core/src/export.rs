//! Exports of exactly what a chart shows: its values as CSV with their sources. A value not
//! published has no row; a value derived in code says so and cites no source.

use crate::data::Country;
use crate::spec::{Cell, Chart};

/// Where the build writes each chart's CSV and SVG, beside the page.
pub const DOWNLOAD_DIR: &str = "downloads";

/// A download's file name: `trust-2024.csv`, or `trust-2024-th.csv` with a country chosen.
pub fn file_name(id: &str, country: Option<Country>, ext: &str) -> String {
    match country {
        Some(c) => format!("{id}-{}.{ext}", c.code().to_ascii_lowercase()),
        None => format!("{id}.{ext}"),
    }
}

/// A download's address relative to the page.
pub fn path(id: &str, country: Option<Country>, ext: &str) -> String {
    format!("{DOWNLOAD_DIR}/{}", file_name(id, country, ext))
}

/// UTF-8's byte-order mark, first in every CSV the build writes: without it, spreadsheet
/// programs guess a legacy encoding and garble non-Latin text.
pub const BOM: &str = "\u{feff}";

/// A JSON string literal (for the data package's descriptor and the oEmbed answers).
pub fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One CSV line: every field quoted where CSV needs it, then a newline.
pub fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
    let mut out = quoted.join(",");
    out.push('\n');
    out
}

pub const HEADER: &str =
    "chart,row,series,question,year,population,option,value,unit,base,derived,sources,source_urls";

/// One line per value shown, in the chart's order; every field quoted where CSV needs it.
pub fn csv(chart: &Chart) -> String {
    let mut out = format!("{BOM}{HEADER}\n");
    for row in &chart.rows {
        for (cell, series) in row.cells.iter().zip(&chart.series) {
            let Cell::Shown(shown) = cell else { continue };
            // Without the zero-width spaces some catalogs put between words for wrapping.
            let mut fields = vec![
                chart.id.to_owned(),
                crate::measure::plain(&row.full_label),
                crate::measure::plain(&series.label),
            ];
            match &shown.origin {
                Some(o) => {
                    let names: Vec<&str> = o.sources.iter().map(|s| s.name.as_str()).collect();
                    let urls: Vec<&str> =
                        o.sources.iter().filter_map(|s| s.url.as_deref()).collect();
                    fields.extend([
                        o.question.clone(),
                        o.year.to_string(),
                        o.population.to_string(),
                        o.option.clone(),
                        shown.value.text().to_owned(),
                        o.unit.to_owned(),
                        o.base.clone(),
                        "no".to_owned(),
                        names.join("; "),
                        urls.join(" "),
                    ]);
                }
                None => fields.extend([
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    shown.value.text().to_owned(),
                    String::new(),
                    String::new(),
                    "yes".to_owned(),
                    String::new(),
                    String::new(),
                ]),
            }
            out.push_str(&csv_line(&fields));
        }
    }
    out
}

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(id: &str) -> Chart {
        crate::spec::for_tests(id)
    }

    #[test]
    fn the_csv_holds_exactly_the_values_shown_with_their_sources() {
        let c = chart("trust-2024");
        let csv = csv(&c);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            format!("{BOM}{HEADER}"),
            "a byte-order mark, then the header"
        );
        // Five trust values and the two distrust values that were published.
        assert_eq!(lines.len(), 1 + 5 + 2);
        assert!(lines[1].starts_with(
            "trust-2024,Japan,Trust,trust,2024,ASEAN,Japan,58.9,percent,all respondents,no,"
        ));
        assert!(lines[1].contains("https://www3.nhk.or.jp/news/html/20240403/k10014411111000.html"));
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), 13);
        }
    }

    #[test]
    fn a_derived_value_says_so() {
        let csv = csv(&chart("rivalry-response"));
        let last = csv.lines().last().unwrap();
        assert!(last.contains(",16.1,"), "{last}");
        assert!(last.contains(",yes,"), "{last}");
    }

    #[test]
    fn fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
