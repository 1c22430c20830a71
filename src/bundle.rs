//! Everything the page is built from, loaded in one place: the data files and the message
//! catalog, embedded at compile time (the crate's only `include_str!` site), validated and
//! checked against every chart. `build.rs` runs this too and snapshots the result for the
//! browser, so a problem fails the build, listing every message.

use crate::data::{self, Dataset, Files};
use crate::spec;
use crate::text::{self, Strings, TextFile, TEXT_FILE};

/// The files as they were when the crate was compiled.
pub const EMBEDDED: Files<'static> = Files {
    survey: include_str!("../data/survey.toml"),
    values: include_str!("../data/values.csv"),
    sources: include_str!("../data/sources.toml"),
    notes: include_str!("../data/notes.toml"),
};
pub const TEXT: &str = include_str!("../data/text.en.toml");
pub const UI: &str = include_str!("../data/ui.en.toml");

/// The section ids the page's anchors rely on, in page order.
pub const SECTIONS: [&str; 7] = [
    "intro",
    "trust",
    "politics",
    "economy",
    "people",
    "conclusion",
    "sources",
];

/// What the browser needs: the data and the strings the charts draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub data: Dataset,
    pub strings: Strings,
}

/// What the build needs: the snapshot's contents and the prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub data: Dataset,
    pub strings: Strings,
    pub prose: TextFile,
}

impl Bundle {
    /// What the browser needs: everything but the notes and question wordings, which the
    /// page carries as HTML already.
    pub fn snapshot(&self) -> Snapshot {
        let mut data = self.data.clone();
        data.notes.clear();
        for q in &mut data.questions {
            q.wording = None;
        }
        Snapshot {
            data,
            strings: self.strings.clone(),
        }
    }
}

/// Load and check everything; on failure, every problem as a message.
pub fn load(files: &Files, text_src: &str, ui_src: &str) -> Result<Bundle, Vec<String>> {
    let data = data::validate::build(files, spec::NEEDS)
        .map_err(|problems| problems.iter().map(|p| p.to_string()).collect::<Vec<_>>())?;
    let catalog = text::parse(text_src, ui_src).map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    check_prose(&catalog.text, &data, &mut problems);
    for id in spec::CHART_IDS {
        if let Err(e) = spec::build(id, &data, &catalog.strings) {
            problems.push(e.to_string());
        }
    }
    if problems.is_empty() {
        Ok(Bundle {
            data,
            strings: catalog.strings,
            prose: catalog.text,
        })
    } else {
        Err(problems)
    }
}

/// Sections in the contracted order, every placeholder resolvable, every chart placed once.
fn check_prose(text: &TextFile, data: &Dataset, problems: &mut Vec<String>) {
    let ids: Vec<&str> = text.section.iter().map(|s| s.id.as_str()).collect();
    if ids != SECTIONS {
        problems.push(format!(
            "{TEXT_FILE}: the sections must be {SECTIONS:?} in this order, found {ids:?}"
        ));
    }
    let mut check = |place: String, t: &str| {
        if let Err(errors) = text::fill(t, data) {
            for e in errors {
                problems.push(format!("{TEXT_FILE}: {place}: {e}"));
            }
        }
    };
    let p = &text.page;
    for (key, t) in [
        ("dek", &p.dek),
        ("byline", &p.byline),
        ("description", &p.description),
    ] {
        check(format!("[page] {key}"), t);
    }
    for s in &text.section {
        for (key, t) in [
            ("heading", &s.heading),
            ("claim", &s.claim),
            ("body", &s.body),
        ] {
            check(format!("section {:?} {key}", s.id), t);
        }
    }
    for (i, a) in text.agenda.iter().enumerate() {
        check(format!("agenda item {}", i + 1), &a.text);
    }
    for id in spec::CHART_IDS {
        let placed = text.placements(id).count();
        if placed != 1 {
            problems.push(format!(
                "{TEXT_FILE}: chart {id:?} is placed {placed} times; place it once with {{{{figure:{id}}}}}"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_files_load() {
        if let Err(problems) = load(&EMBEDDED, TEXT, UI) {
            panic!("{}", problems.join("\n"));
        }
    }
}
