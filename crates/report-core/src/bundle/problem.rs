//! A data folder's problems as values, whichever layer found them, each with its file and line.

use std::fmt;

use crate::data;
use crate::prose::ProseError;
use crate::spec;
use crate::text::{self, CatalogProblem, Place};

/// One problem with a data folder, from whichever layer found it; `Display` is the message a
/// researcher reads, naming the file and what to change.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The figures or the chart definitions (file, line, what it is about, field).
    Data(data::Problem),
    /// A catalog key: its TOML, a key missing or unknown, a translation that differs from the
    /// first edition, words the data needs.
    Catalog(CatalogProblem),
    /// Text that cannot be parsed into blocks.
    Prose {
        file: String,
        line: usize,
        error: ProseError,
    },
    /// Text checked against the data and the chart definitions.
    Text {
        file: String,
        line: usize,
        problem: TextProblem,
    },
    /// A chart that cannot be built from its definition, or whose expectation failed.
    Chart { dir: String, error: spec::SpecError },
}

#[derive(Debug, Clone, PartialEq)]
pub enum TextProblem {
    Sections {
        want: Vec<String>,
        found: Vec<String>,
    },
    Placeholder {
        place: Place,
        error: text::PlaceholderError,
    },
    Typed {
        place: Place,
        figure: String,
    },
    Placed {
        chart: String,
        line: usize,
        times: usize,
    },
    Undefined {
        section: String,
        chart: String,
    },
    Orphan {
        chart: String,
    },
    /// A row label wider than a phone's chart: about `px` CSS px at the label size.
    Wide {
        chart: String,
        label: String,
        px: f64,
    },
}

impl TextProblem {
    /// The line of `text.LANG.toml` the problem is on.
    pub(super) fn line(&self, text: &text::TextFile, lines: &crate::lines::Lines) -> usize {
        let section = |id: &str| text.section.iter().position(|s| s.id == id);
        match self {
            TextProblem::Sections { .. } => lines.line(&["section"]),
            TextProblem::Placeholder { place, error } => {
                place.line_of(lines, &format!("{{{}}}", error.placeholder))
            }
            TextProblem::Typed { place, figure } => place.line_of(lines, figure),
            TextProblem::Placed { chart, .. } | TextProblem::Orphan { chart } => {
                lines.line(&["chart", chart])
            }
            TextProblem::Undefined { section: id, chart } => match section(id) {
                Some(i) => lines.line_of(
                    &["section", &i.to_string(), "body"],
                    &format!("{{{{figure:{chart}}}}}"),
                ),
                None => lines.line(&["section"]),
            },
            TextProblem::Wide { chart, label, .. } => {
                // The label is a short form, an option, a population or a chart's word.
                let written = |table: &str, key: &str| lines.has(&[table, key]);
                let key = text
                    .label
                    .iter()
                    .chain(&text.option)
                    .chain(&text.population)
                    .find(|(_, v)| crate::measure::plain(v) == *label);
                match key {
                    Some((k, _)) if written("label", k) => lines.line(&["label", k]),
                    Some((k, _)) if written("option", k) => lines.line(&["option", k]),
                    Some((k, _)) => lines.line(&["population", k]),
                    None => lines.line(&["chart", chart]),
                }
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Data(p) => write!(f, "{p}"),
            LoadError::Catalog(p) => write!(f, "{p}"),
            LoadError::Prose { file, line, error } => write!(f, "{file}:{line}: {error}"),
            LoadError::Chart { dir, error } => write!(f, "{dir}/{error}"),
            LoadError::Text {
                file,
                line,
                problem,
            } => {
                write!(f, "{file}:{line}: ")?;
                match problem {
                    TextProblem::Sections { want, found } => write!(
                        f,
                        "the sections must be {want:?} in this order (charts.toml [report] sections), found {found:?}"
                    ),
                    TextProblem::Placeholder { place, error } => write!(f, "{place}: {error}"),
                    TextProblem::Typed { place, figure } => write!(
                        f,
                        "{place}: the figure {figure} is typed into the text; write it as a placeholder {{question/year/population/option}} so that it comes from values.csv, or, where it is no figure of the data (a version, another source's figure), mark it {{={figure}}}"
                    ),
                    TextProblem::Placed { chart, line, times } => write!(
                        f,
                        "chart {chart:?} (charts.toml line {line}) is placed {times} times; place it once with {{{{figure:{chart}}}}} on a line of its own in a section body"
                    ),
                    TextProblem::Undefined { section, chart } => write!(
                        f,
                        "section {section:?} places chart {chart:?} with {{{{figure:{chart}}}}}, and charts.toml defines no chart with that id"
                    ),
                    TextProblem::Orphan { chart } => write!(
                        f,
                        "[chart.{chart}] has texts for a chart that charts.toml does not define (every [chart.ID] names a chart of charts.toml)"
                    ),
                    TextProblem::Wide { chart, label, px } => write!(
                        f,
                        "chart {chart:?}: the label {label:?} is about {px} px wide, and a 320 px phone has {} px for it: give it a shorter form in [label] (or in [chart.{chart}] words)",
                        crate::measure::PHONE_LABEL_ROOM
                    ),
                }
            }
        }
    }
}
