//! Everything the page is built from, loaded and checked in one place: the data files, the
//! chart definitions and the message catalog of one data folder. `build.rs` runs this on the
//! folder `REPORT_DATA` names (default `data/`) and snapshots the result for the browser, so a
//! problem fails the build, listing every message. `lib.rs` embeds the same folder.

use std::ops::Deref;

use crate::data::{self, Dataset, Files, Report};
use crate::spec;
use crate::text::{self, Strings, TextFile, TEXT_FILE};

/// What the browser needs: the data, the chart definitions and the strings the charts draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub data: Dataset,
    pub report: Report,
    pub strings: Strings,
}

/// What the build needs: the snapshot's contents and the prose. Reads as a `Snapshot`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub snap: Snapshot,
    pub prose: TextFile,
}

impl Deref for Bundle {
    type Target = Snapshot;
    fn deref(&self) -> &Snapshot {
        &self.snap
    }
}

impl Bundle {
    /// What the browser needs: everything but the notes, question wordings and editorial
    /// expectations, which the page carries as HTML already or only the build checks.
    pub fn snapshot(&self) -> Snapshot {
        let mut s = self.snap.clone();
        s.data.notes.clear();
        for q in &mut s.data.questions {
            q.wording = None;
        }
        for c in &mut s.report.charts {
            c.expect.clear();
        }
        s
    }
}

/// Load and check everything; on failure, every problem as a message.
pub fn load(files: &Files) -> Result<Bundle, Vec<String>> {
    let (data, report) = data::validate::build(files)
        .map_err(|problems| problems.iter().map(|p| p.to_string()).collect::<Vec<_>>())?;
    let catalog = text::parse(files.dir, files.text, files.ui)?;
    let snap = Snapshot {
        data,
        report,
        strings: catalog.strings,
    };
    let mut problems = Vec::new();
    let text_file = files.path(TEXT_FILE);
    check_prose(&catalog.text, &snap, &text_file, &mut problems);
    for id in snap.report.ids() {
        match spec::build(&snap, id) {
            Ok(chart) => {
                problems.extend(
                    spec::check_expectations(&snap, &chart)
                        .iter()
                        .map(|e| format!("{}/{e}", files.dir)),
                );
                if let Some(def) = snap.report.chart(id).filter(|d| d.selector.is_some()) {
                    for c in snap.data.members() {
                        if let Err(e) = spec::build_for(&snap, &def.id, Some(c)) {
                            problems.push(format!("{}/{e}", files.dir));
                        }
                    }
                }
            }
            Err(e) => problems.push(format!("{}/{e}", files.dir)),
        }
    }
    if problems.is_empty() {
        Ok(Bundle {
            snap,
            prose: catalog.text,
        })
    } else {
        Err(problems)
    }
}

/// Sections as charts.toml lists them, every placeholder resolvable, every chart placed once
/// and every placed chart defined.
fn check_prose(text: &TextFile, snap: &Snapshot, file: &str, problems: &mut Vec<String>) {
    let sections = &snap.report.sections;
    let ids: Vec<&str> = text.section.iter().map(|s| s.id.as_str()).collect();
    if ids != *sections {
        problems.push(format!(
            "{file}: the sections must be {sections:?} in this order (charts.toml [report] sections), found {ids:?}"
        ));
    }
    let data = &snap.data;
    let mut check = |place: String, t: &str| {
        if let Err(errors) = text::fill(t, data) {
            for e in errors {
                problems.push(format!("{file}: {place}: {e}"));
            }
        }
        for n in typed_figures(t) {
            problems.push(format!(
                "{file}: {place}: the figure {n} is typed into the text; write it as a placeholder {{question/year/population/option}} so that it comes from values.csv"
            ));
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
    for (id, c) in &snap.strings.charts {
        for (key, t) in [("takeaway", &c.takeaway), ("subtitle", &c.subtitle)] {
            check(format!("[chart.{id}] {key}"), t);
        }
    }
    for def in &snap.report.charts {
        let id = &def.id;
        let placed = text.placements(id).count();
        if placed != 1 {
            problems.push(format!(
                "{file}: chart {id:?} (charts.toml line {}) is placed {placed} times; place it once with {{{{figure:{id}}}}} on a line of its own in a section body",
                def.line
            ));
        }
    }
    for s in &text.section {
        for id in text::figures(&s.body) {
            if snap.report.chart(id).is_none() {
                problems.push(format!(
                    "{file}: section {:?} places chart {id:?} with {{{{figure:{id}}}}}, and charts.toml defines no chart with that id",
                    s.id
                ));
            }
        }
    }
    for id in snap.strings.charts.keys() {
        if snap.report.chart(id).is_none() {
            problems.push(format!(
                "{file}: [chart.{id}] has texts for a chart that charts.toml does not define"
            ));
        }
    }
}

/// Decimal numbers (`41.2`) written as text outside placeholders: a survey figure typed by
/// hand, which could disagree with the data. Whole numbers (years, "ten", "1,994") are not
/// flagged: they are dates and method facts, not published shares.
fn typed_figures(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in text::tokens(t) {
        let text::Token::Text(s) = token else {
            continue;
        };
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                    i += 1;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                    out.push(s[start..i].to_owned());
                }
            } else {
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::typed_figures;

    #[test]
    fn typed_decimal_figures_are_found_and_placeholders_and_whole_numbers_are_not() {
        assert_eq!(
            typed_figures(
                "In 2024, 41.2% said so ({trust/2024/ASEAN/Japan}%), and 1,994 people; v2.0"
            ),
            ["41.2"]
        );
        assert!(typed_figures("Dr. Somkiat, ten states, 2023.").is_empty());
    }
}
