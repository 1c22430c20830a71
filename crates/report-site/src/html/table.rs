//! A chart's data as an HTML table, the same in the page, the embeds and the static views.

use super::Html;
use crate::dom;
use crate::spec::{Cell, Chart};
use crate::text;

/// The chart's data as a table: a row per chart row, a column per series, and the base of
/// each row where the rows differ in who was asked.
pub fn table(chart: &Chart, ui: &text::Ui) -> String {
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
    let mut h = Html::new();
    h.open("table", &[("class", dom::TABLE_CLASS)]).nl();
    h.el("caption", &[], &ui.data_caption).nl();
    h.open("thead", &[]).open("tr", &[]);
    h.el("th", &[("scope", "col")], &chart.row_header);
    if show_base {
        h.el("th", &[("scope", "col")], &ui.base);
    }
    for s in &chart.series {
        h.el("th", &[("scope", "col"), ("class", "num")], &s.label);
    }
    h.close("tr").close("thead").nl().open("tbody", &[]).nl();
    for (row, base) in chart.rows.iter().zip(&bases) {
        let attrs: &[(&str, &str)] = if row.highlight {
            &[("class", "highlight")]
        } else {
            &[]
        };
        h.open("tr", attrs);
        h.el("th", &[("scope", "row")], &row.full_label);
        if show_base {
            h.el("td", &[], base.unwrap_or(""));
        }
        for cell in &row.cells {
            match cell {
                // The published value's identity, for tests and readers' tools; a value
                // derived here has none and says so.
                Cell::Shown(s) => match &s.origin {
                    Some(o) => {
                        let key =
                            format!("{}/{}/{}/{}", o.question, o.year, o.population, o.option);
                        h.el(
                            "td",
                            &[
                                ("class", "num"),
                                ("id", &o.value_id(&chart.id)),
                                ("data-key", &key),
                            ],
                            s.value.text(),
                        );
                    }
                    None => {
                        h.el(
                            "td",
                            &[("class", "num"), ("data-derived", "")],
                            s.value.text(),
                        );
                    }
                },
                Cell::NotPublished => {
                    h.el("td", &[("class", "num np")], &chart.not_published);
                }
            }
        }
        h.close("tr").nl();
    }
    h.close("tbody").nl().close("table").nl();
    h.finish()
}
