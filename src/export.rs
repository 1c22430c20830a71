//! Exports of exactly what a chart shows: its values as CSV with their sources.

use crate::spec::BarChart;

const HEADER: &str = "chart,question,year,population,option,value,unit,base,sources,source_urls";

/// One row per value shown, in the chart's order; every field quoted where CSV needs it.
pub fn csv(chart: &BarChart) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for row in &chart.rows {
        let names: Vec<&str> = row.sources.iter().map(|s| s.name.as_str()).collect();
        let urls: Vec<&str> = row
            .sources
            .iter()
            .filter_map(|s| s.url.as_deref())
            .collect();
        let fields = [
            chart.id.to_owned(),
            row.cell.question.clone(),
            row.cell.year.to_string(),
            row.cell.population.to_string(),
            row.label.clone(),
            row.value.text().to_owned(),
            row.cell.unit.to_owned(),
            row.cell.base.clone(),
            names.join("; "),
            urls.join(" "),
        ];
        let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push('\n');
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

    #[test]
    fn the_csv_holds_exactly_the_values_shown_with_their_sources() {
        let data = crate::load().unwrap();
        let chart = crate::spec::build("trust-2024", &data).unwrap();
        let csv = csv(&chart);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], HEADER);
        assert_eq!(lines.len(), 1 + chart.rows.len());
        assert!(
            lines[1].starts_with("trust-2024,trust,2024,ASEAN,Japan,58.9,percent,all respondents,")
        );
        assert!(lines[1].contains("https://www3.nhk.or.jp/news/html/20240403/k10014411111000.html"));
        // Parsed back by a CSV reader, every row has every column.
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), 10);
        }
    }

    #[test]
    fn fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
