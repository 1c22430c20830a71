//! Where the browser gets its charts. The report page builds them from the whole snapshot
//! (`Live`: the data and chart definitions in the WASM, the edition's words in the document),
//! since it shows every chart in any member state's view. An embed document shows one chart,
//! so it carries that chart's views already built (`Prebuilt`: the region's and each member
//! state's `Chart`, written at build time by the same builder): the embed build then needs
//! neither the snapshot's core nor the builder. Both answer the same questions (`Views`), so
//! the browser code is the same for either.

use crate::data::{Code, Country};
use crate::snapshot::Lazy;
use crate::spec::{self, Chart};
use crate::text::Ui;
use crate::Snapshot;

/// What a reader's address may name, the same in every document: the region's code, the
/// member states a selector offers, every chart (and whether it has a selector) and every
/// section. `url::parse` and `embed::parse` check parameters against it.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    pub region: Code,
    pub members: Vec<Country>,
    pub charts: Vec<KnownChart>,
    pub sections: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KnownChart {
    pub id: String,
    pub selector: bool,
}

impl Known {
    pub fn of(snap: &Snapshot) -> Known {
        Known {
            region: match snap.data.region() {
                crate::data::Population::Region(c) => c,
                crate::data::Population::Country(c) => c.0,
            },
            members: snap.data.members().collect(),
            charts: snap
                .report
                .charts
                .iter()
                .map(|c| KnownChart {
                    id: c.id.clone(),
                    selector: c.selector.is_some(),
                })
                .collect(),
            sections: snap.report.sections.clone(),
        }
    }
    /// The chart with exactly this id.
    pub fn chart(&self, id: &str) -> Option<&KnownChart> {
        self.charts.iter().find(|c| c.id == id)
    }
    pub fn has_selector(&self, id: &str) -> bool {
        self.chart(id).is_some_and(|c| c.selector)
    }
    /// The member state with exactly this code.
    pub fn country(&self, code: &str) -> Option<Country> {
        self.members.iter().copied().find(|c| c.code() == code)
    }
}

/// What the browser asks of its charts' source.
pub trait Views {
    fn known(&self) -> &Known;
    /// The interface's words (`Ui::for_browser`).
    fn ui(&self) -> &Ui;
    /// Chart `id` in the region's view (`None`) or a member state's, without the citations
    /// the document carries as HTML (`uncited`). `None` where it cannot be had, which the
    /// build rules out (it builds every chart in every view).
    fn chart(&self, id: &str, country: Option<Country>) -> Option<Chart>;
}

/// The member state whose view of a chart holds the published value `value` (its
/// `Origin::value_id`): an address that names a figure only a country's view shows opens
/// that view. `None` if no view of a chart with a selector has it.
pub fn country_holding(views: &impl Views, value: &str) -> Option<Country> {
    let known = views.known();
    for c in known.charts.iter().filter(|c| c.selector) {
        if !value.starts_with(&format!("v-{}-", c.id)) {
            continue;
        }
        for &m in &known.members {
            let holds = views
                .chart(&c.id, Some(m))
                .is_some_and(|chart| chart.value_ids().any(|v| v == value));
            if holds {
                return Some(m);
            }
        }
    }
    None
}

/// A chart as the browser uses it: without its notes, its source line and each value's
/// sources, which the document carries as HTML (the figure's notes and source line, the
/// table's rows), and which the browser never reads. The same in both builds.
fn uncited(mut chart: Chart) -> Chart {
    chart.notes.clear();
    chart.source.survey.clear();
    chart.source.read_in.clear();
    for row in &mut chart.rows {
        for cell in &mut row.cells {
            if let spec::Cell::Shown(spec::Shown {
                origin: Some(o), ..
            }) = cell
            {
                o.sources.clear();
            }
        }
    }
    chart
}

/// The report page's source: the snapshot, every chart built when it is asked for.
pub struct Live {
    pub snap: Snapshot,
    known: Known,
}

impl Live {
    pub fn new(snap: Snapshot) -> Live {
        let known = Known::of(&snap);
        Live { snap, known }
    }
}

impl Views for Live {
    fn known(&self) -> &Known {
        &self.known
    }
    fn ui(&self) -> &Ui {
        &self.snap.strings.ui
    }
    fn chart(&self, id: &str, country: Option<Country>) -> Option<Chart> {
        spec::build_for(&self.snap, id, country).ok().map(uncited)
    }
}

/// An embed document's source: one chart's views, built at build time. Each is read when it
/// is asked for: the region's at start-up, a member state's when a reader picks it.
#[derive(Debug, Clone, PartialEq)]
pub struct Prebuilt {
    pub known: Known,
    pub ui: Ui,
    pub id: String,
    /// The region's view first, then each member state's where the chart has a selector.
    pub views: Vec<(Option<Country>, Lazy<Chart>)>,
}

impl Prebuilt {
    /// Chart `id`'s views from the browser's snapshot (`Bundle::snapshot`), as the page
    /// would build them; the builder's error for a chart it cannot build.
    pub fn of(snap: &Snapshot, id: &str) -> Result<Prebuilt, spec::SpecError> {
        let views = spec::views(snap, id)
            .into_iter()
            .map(|c| Ok((c, Lazy::new(&uncited(spec::build_for(snap, id, c)?)))))
            .collect::<Result<_, spec::SpecError>>()?;
        Ok(Prebuilt {
            known: Known::of(snap),
            ui: snap.strings.ui.clone(),
            id: id.to_owned(),
            views,
        })
    }
}

impl Views for Prebuilt {
    fn known(&self) -> &Known {
        &self.known
    }
    fn ui(&self) -> &Ui {
        &self.ui
    }
    fn chart(&self, id: &str, country: Option<Country>) -> Option<Chart> {
        if id != self.id {
            return None;
        }
        // A chart without a selector has one view, whatever the country.
        let country = country.filter(|_| self.known.has_selector(id));
        let (_, view) = self.views.iter().find(|(c, _)| *c == country)?;
        view.get().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embed_documents_views_are_the_pages_in_every_edition_chart_and_country() {
        for edition in crate::test_editions() {
            let snap = edition.snapshot();
            let live = Live::new(snap.clone());
            let mut checked = 0;
            for id in snap.report.ids() {
                let pre = Prebuilt::of(&snap, id).expect("every chart builds");
                assert_eq!(pre.known(), live.known());
                assert_eq!(pre.ui(), live.ui());
                let views = spec::views(&snap, id);
                assert_eq!(views.len() > 1, live.known().has_selector(id), "{id}");
                for c in views {
                    let want = live.chart(id, c).expect("builds");
                    assert_eq!(pre.chart(id, c), Some(want), "{id} {c:?}");
                    checked += 1;
                }
                // A country asked of a chart without a selector gets its one view.
                let th = live.known().country("TH");
                assert!(th.is_some());
                assert_eq!(pre.chart(id, th), live.chart(id, th), "{id}");
                // It knows its own chart only.
                let other = snap.report.ids().find(|o| *o != id).expect("two charts");
                assert_eq!(pre.chart(other, None), None);
            }
            assert!(
                checked > snap.report.charts.len(),
                "member states' views too"
            );
        }
    }

    #[test]
    fn a_value_only_a_countrys_view_shows_is_found_in_that_view() {
        let snap = crate::test_data().snapshot();
        let live = Live::new(snap.clone());
        for id in snap.report.ids().filter(|id| live.known().has_selector(id)) {
            let in_region: Vec<String> = live.chart(id, None).unwrap().value_ids().collect();
            for c in live.known().members.clone() {
                let chart = live.chart(id, Some(c)).unwrap();
                for v in chart.value_ids().filter(|v| !in_region.contains(v)) {
                    assert_eq!(country_holding(&live, &v), Some(c), "{v}");
                }
            }
        }
        assert_eq!(country_holding(&live, "v-nothing-here"), None);
    }

    #[test]
    fn known_names_the_reports_charts_members_and_sections() {
        let snap = crate::test_data().snapshot();
        let k = Known::of(&snap);
        assert_eq!(k.region.as_str(), "ASEAN");
        assert_eq!(k.members.len(), 10);
        assert_eq!(
            k.country("VN").map(|c| c.code().to_owned()),
            Some("VN".into())
        );
        assert_eq!(k.country("ASEAN"), None);
        assert_eq!(k.country("vn"), None);
        assert!(k.has_selector("trust-2024"));
        assert!(k.chart("trust-2024 ").is_none());
        assert_eq!(k.sections, snap.report.sections);
    }
}
