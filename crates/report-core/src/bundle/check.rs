//! The catalogs and the prose checked against the data and the chart definitions.

use super::{Snapshot, TextProblem};
use crate::data::{Correction, Dataset};
use crate::prose::{Block, Inline, Prose};
use crate::text::{self, CatalogProblem, Expected, Place};

/// The catalog's words of the data against the data: one name per population, option,
/// question and note, and none for anything the data does not have.
pub(super) fn data_keys(
    dir: &str,
    lang: &str,
    cat: &text::Catalog,
    data: &Dataset,
    corrections: &[Correction],
) -> Vec<CatalogProblem> {
    let [file, _] = text::file_names(lang);
    let file = format!("{dir}/{file}");
    let lines = &cat.text_lines;
    let mut problems = Vec::new();
    let mut push = |place: Place, expected| {
        problems.push(CatalogProblem {
            file: file.clone(),
            line: place.line(lines),
            place,
            expected,
        })
    };
    let mut options: Vec<&str> = data.values.iter().map(|v| v.option.as_str()).collect();
    options.sort_unstable();
    options.dedup();
    let populations: Vec<&str> = data.populations.iter().map(|p| p.code.as_str()).collect();
    let questions: Vec<&str> = data.questions.iter().map(|q| q.id.as_str()).collect();
    let notes: Vec<&str> = data.notes.iter().map(|n| n.id.as_str()).collect();
    let fixed: Vec<&str> = corrections.iter().map(|c| c.id.as_str()).collect();
    let t = &cat.text;
    let tables: [(&'static str, Vec<&str>, Vec<&str>, &'static str); 5] = [
        (
            "population",
            populations,
            t.population.keys().map(String::as_str).collect(),
            "population code of survey.toml",
        ),
        (
            "option",
            options,
            t.option.keys().map(String::as_str).collect(),
            "option of values.csv",
        ),
        (
            "question",
            questions,
            t.question.keys().map(String::as_str).collect(),
            "question id of survey.toml",
        ),
        (
            "note",
            notes,
            t.note.keys().map(String::as_str).collect(),
            "note id of notes.toml",
        ),
        (
            "correction",
            fixed,
            t.correction.keys().map(String::as_str).collect(),
            "correction id of corrections.toml",
        ),
    ];
    for (table, want, got, what) in tables {
        for w in &want {
            if !got.contains(w) {
                push(Place::entry(table, w), Expected::Words { what });
            }
        }
        for g in got.iter().filter(|g| !want.contains(g)) {
            push(Place::entry(table, g), Expected::DataKey { what });
        }
    }
    for (q, w) in &t.question {
        let has = data.questions.iter().any(|d| &d.id == q);
        if has && w.wording.as_deref().is_some_and(|w| w.trim().is_empty()) {
            push(Place::item("question", q, "wording"), Expected::NotEmpty);
        }
    }
    for (k, c) in &t.correction {
        if c.text.trim().is_empty() {
            push(Place::item("correction", k, "text"), Expected::NotEmpty);
        }
    }
    for (k, v) in &t.label {
        if !t.option.contains_key(k) {
            push(Place::entry("label", k), Expected::ShortOfOption);
        } else if v.trim().is_empty() {
            push(Place::entry("label", k), Expected::NotEmpty);
        }
    }
    problems
}

/// Sections as charts.toml lists them, every placeholder resolvable, no figure typed by hand,
/// every chart placed once and every placed chart defined.
pub(super) fn check_prose(text: &Prose, snap: &Snapshot) -> Vec<TextProblem> {
    let mut problems = Vec::new();
    let sections = &snap.report.sections;
    let found: Vec<String> = text.sections.iter().map(|s| s.id.clone()).collect();
    if found != *sections {
        problems.push(TextProblem::Sections {
            want: sections.clone(),
            found,
        });
    }
    let data = &snap.data;
    let typed = |place: &Place, t: &str, problems: &mut Vec<TextProblem>| {
        for figure in typed_figures(t) {
            problems.push(TextProblem::Typed {
                place: place.clone(),
                figure,
            });
        }
    };
    for (place, runs) in text.inlines() {
        for r in runs {
            match r {
                Inline::Figure(key) => {
                    if let Err(error) = text::lookup(key, data) {
                        problems.push(TextProblem::Placeholder {
                            place: place.clone(),
                            error,
                        });
                    }
                }
                Inline::Text(t) | Inline::Cite(t) => typed(&place, t, &mut problems),
                Inline::Literal(_) => {}
            }
        }
    }
    // Chart subtitles and notes: placeholders that resolve, no figure typed by hand.
    let subtitles = snap
        .strings
        .charts
        .iter()
        .map(|(id, c)| (Place::item("chart", id, "subtitle"), &c.subtitle));
    let notes = snap
        .strings
        .data
        .notes
        .iter()
        .map(|(id, t)| (Place::entry("note", id), t));
    for (place, t) in subtitles.chain(notes) {
        if let Err(errors) = text::fill(t, data, &snap.strings.locale.number) {
            for error in errors {
                problems.push(TextProblem::Placeholder {
                    place: place.clone(),
                    error,
                });
            }
        }
        typed(&place, t, &mut problems);
    }
    for def in &snap.report.charts {
        let times = text.placements(&def.id).count();
        if times != 1 {
            problems.push(TextProblem::Placed {
                chart: def.id.clone(),
                line: def.line,
                times,
            });
        }
    }
    for s in &text.sections {
        for b in &s.blocks {
            if let Block::Chart(id) = b {
                if snap.report.chart(id).is_none() {
                    problems.push(TextProblem::Undefined {
                        section: s.id.clone(),
                        chart: id.clone(),
                    });
                }
            }
        }
    }
    for id in snap.strings.charts.keys() {
        if snap.report.chart(id).is_none() {
            problems.push(TextProblem::Orphan { chart: id.clone() });
        }
    }
    problems
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
