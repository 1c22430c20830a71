//! Corrections made after publication, as the reader sees them: the list in the method section
//! (newest first, each with its anchor `#correction-ID` and the charts it changed), and on
//! each corrected chart "Corrected DATE: text" with a link to its entry. An embed document
//! also carries each one above its chart (`dom::CORRECTION_FIRST_CLASS`, with its day in
//! `data-corrected`), shown when the embed code was copied before it (`web::start`).

use super::figure::slotted;
use super::Html;
use crate::bundle::Bundle;
use crate::data::Correction;
use crate::dom;

/// "Corrected DATE: text", the date as a `<time>`.
fn line(h: &mut Html, c: &Correction, bundle: &Bundle) {
    let page = &bundle.page;
    let locale = &bundle.strings.locale;
    slotted(h, &page.corrected, |h, slot| match slot {
        "date" => {
            h.el(
                "time",
                &[("datetime", &c.date.iso())],
                &locale.date(&c.date),
            );
        }
        "text" => {
            h.text(&c.text);
        }
        other => {
            h.text("{").text(other).text("}");
        }
    });
}

/// The corrections of chart `id`, newest first.
pub(super) fn of<'b>(bundle: &'b Bundle, id: &'b str) -> impl Iterator<Item = &'b Correction> {
    bundle
        .corrections
        .iter()
        .filter(move |c| c.charts.iter().any(|x| x == id))
}

/// A chart's corrections, each with a link to its entry in the page's list. `first`: the
/// embed document's copies above the chart, which the browser shows for an older embed code.
pub(super) fn on_chart(h: &mut Html, bundle: &Bundle, id: &str, embedded: bool, first: bool) {
    let page = &bundle.page;
    let list: Vec<&Correction> = of(bundle, id).collect();
    if list.is_empty() {
        return;
    }
    let class = if first {
        format!("{} {}", dom::CORRECTION_CLASS, dom::CORRECTION_FIRST_CLASS)
    } else {
        dom::CORRECTION_CLASS.to_owned()
    };
    for c in list {
        let iso = c.date.iso();
        let mut attrs = vec![("class", class.as_str())];
        if first {
            attrs.push((dom::CORRECTED_ATTR, iso.as_str()));
        }
        h.open("p", &attrs);
        line(h, c, bundle);
        let href = format!("./#{}", c.anchor());
        h.text(" ");
        if embedded {
            h.el(
                "a",
                &[("href", &href), ("target", "_blank"), ("rel", "noopener")],
                &page.corrections_all,
            );
        } else {
            h.el("a", &[("href", &href)], &page.corrections_all);
        }
        h.close("p").nl();
    }
}

/// The method section's list: every correction, newest first, with the charts it changed;
/// or the line that says there is none.
pub(super) fn list(h: &mut Html, bundle: &Bundle) {
    let page = &bundle.page;
    let ui = &bundle.strings.ui;
    h.el("h3", &[("id", dom::CORRECTIONS_ID)], &page.corrections)
        .nl();
    if bundle.corrections.is_empty() {
        h.el(
            "p",
            &[("class", "corrections-none")],
            &page.corrections_none,
        )
        .nl();
        return;
    }
    h.open("ol", &[("class", "corrections-list")]).nl();
    for c in &bundle.corrections {
        h.open("li", &[("id", &c.anchor())]);
        line(h, c, bundle);
        h.text(" ");
        slotted(h, &ui.labelled, |h, slot| match slot {
            "label" => {
                h.el("strong", &[], &page.corrections_charts);
            }
            "text" => {
                for (i, id) in c.charts.iter().enumerate() {
                    if i > 0 {
                        h.text(&ui.list);
                    }
                    let title = bundle
                        .strings
                        .charts
                        .get(id)
                        .map_or(id.as_str(), |t| t.title.as_str());
                    h.el("a", &[("href", &format!("#chart-{id}"))], title);
                }
            }
            _ => {}
        });
        h.close("li").nl();
    }
    h.close("ol").nl();
}

#[cfg(test)]
mod tests {
    use crate::data::{Correction, PubDate};

    fn corrected() -> crate::bundle::Bundle {
        let mut b = crate::test_data();
        for (id, day, text) in [
            ("later", "2026-11-28", "Later words."),
            ("earlier", "2026-11-02", "Earlier <words>."),
        ] {
            b.corrections.push(Correction {
                id: id.into(),
                date: PubDate::parse(day).unwrap(),
                charts: vec!["trust-2024".into(), "influence".into()],
                values: Vec::new(),
                line: 1,
                text: text.into(),
            });
        }
        b
    }

    #[test]
    fn the_method_section_lists_corrections_newest_first_with_their_charts() {
        let b = corrected();
        let mut h = super::Html::new();
        super::list(&mut h, &b);
        let html = h.finish();
        let later = html.find("<li id=\"correction-later\">").unwrap();
        let earlier = html.find("<li id=\"correction-earlier\">").unwrap();
        assert!(later < earlier, "{html}");
        assert!(html.contains(
            "Corrected <time datetime=\"2026-11-02\">2 Nov 2026</time>: Earlier &lt;words&gt;."
        ));
        assert!(html.contains(&format!(
            "<a href=\"#chart-trust-2024\">{}</a>",
            b.strings.charts["trust-2024"].title
        )));
        let mut none = super::Html::new();
        super::list(&mut none, &crate::test_data());
        assert!(none.finish().contains("class=\"corrections-none\""));
    }

    #[test]
    fn a_corrected_chart_says_so_with_a_link_and_only_that_chart() {
        let b = corrected();
        let site = crate::html::Site::default();
        let chart = crate::spec::build(&b, "trust-2024").unwrap();
        let page = crate::html::figure::figure(&chart, &b, "trust", false, &site).unwrap();
        assert_eq!(page.matches("<p class=\"correction\">").count(), 2);
        assert!(page.contains("<a href=\"./#correction-later\">All corrections</a>"));
        // Above the chart, after the caption.
        assert!(page.find("class=\"correction\"").unwrap() < page.find("class=\"chart\"").unwrap());
        let embedded = crate::html::figure::figure(&chart, &b, "trust", true, &site).unwrap();
        assert!(embedded
            .contains("<p class=\"correction correction-first\" data-corrected=\"2026-11-28\">"));
        assert_eq!(
            embedded.matches("<p class=\"correction\">").count(),
            2,
            "in the notes"
        );
        let other = crate::spec::build(&b, "live-work").unwrap();
        assert!(
            !crate::html::figure::figure(&other, &b, "people", false, &site)
                .unwrap()
                .contains("correction")
        );
    }
}
