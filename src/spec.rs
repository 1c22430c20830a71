//! Chart specs: what each chart shows, as plain data built from the validated model (title,
//! rows, highlight, notes, source line, summary sentence). No drawing and no DOM here.

use std::fmt;

use crate::data::{Dataset, Need, Note, NoteKind, Population, Published, SourceKind, Unit, Value};

/// The option every chart highlights with the accent colour.
pub const HIGHLIGHT: &str = "Japan";

/// Every chart the page can show, by the id used in `figure[data-chart=ID]`.
pub const CHART_IDS: &[&str] = &["trust-2024"];

/// The questions each chart needs; checked with the data, so a missing one fails the build.
pub const NEEDS: &[Need] = &[Need {
    chart: "trust-2024",
    question: "trust",
}];

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub id: &'static str,
    pub title: String,
    /// What one bar measures, with its base and year: the line under the title.
    pub subtitle: String,
    /// One plain sentence saying what the chart shows, generated from its numbers.
    pub summary: String,
    /// Header of the label column in the data table.
    pub label_header: String,
    /// Header of the value column in the data table.
    pub value_header: String,
    /// Ranked, largest first.
    pub rows: Vec<BarRow>,
    pub notes: Vec<ChartNote>,
    pub source: SourceLine,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub value: Published,
    pub highlight: bool,
    /// What the row is, for exports: question, year, population, unit, base.
    pub cell: Cell,
    pub sources: Vec<SourceLink>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub question: String,
    pub year: u16,
    pub population: Population,
    pub unit: &'static str,
    pub base: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartNote {
    /// What the note is about when narrower than the whole chart, e.g. "Japan".
    pub about: Option<String>,
    pub kind: NoteKind,
    pub text: String,
    pub sources: Vec<SourceLink>,
}

/// The survey a figure comes from and the publications where its numbers were read.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// "ASEAN Studies Centre, ISEAS-Yusof Ishak Institute, The State of Southeast Asia: ..."
    pub survey: String,
    pub read_in: Vec<SourceLink>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    /// The outlet, or for a work its author and title.
    pub name: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

impl SourceLine {
    /// The line as plain text, for images and downloads.
    pub fn plain(&self) -> String {
        let names: Vec<&str> = self.read_in.iter().map(|s| s.name.as_str()).collect();
        format!(
            "Source: {}; figures as reported by {}.",
            self.survey,
            names.join(", ")
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    UnknownChart(String),
    MissingQuestion {
        chart: &'static str,
        question: &'static str,
    },
    NoValues {
        chart: &'static str,
        question: &'static str,
        year: u16,
    },
    MissingValue {
        chart: &'static str,
        question: &'static str,
        year: u16,
        option: &'static str,
    },
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::UnknownChart(id) => write!(f, "no chart has the id {id:?}"),
            SpecError::MissingQuestion { chart, question } => write!(
                f,
                "chart {chart:?} needs question {question:?}, which data/ does not define"
            ),
            SpecError::NoValues {
                chart,
                question,
                year,
            } => write!(
                f,
                "chart {chart:?} needs values of question {question:?} for {year}, and data/ has none"
            ),
            SpecError::MissingValue {
                chart,
                question,
                year,
                option,
            } => write!(
                f,
                "chart {chart:?} needs the ASEAN value of question {question:?}, option {option:?}, for {year}, and data/ has none"
            ),
        }
    }
}

pub fn build(id: &str, data: &Dataset) -> Result<BarChart, SpecError> {
    match id {
        "trust-2024" => trust_2024(data),
        other => Err(SpecError::UnknownChart(other.to_owned())),
    }
}

fn trust_2024(data: &Dataset) -> Result<BarChart, SpecError> {
    const ID: &str = "trust-2024";
    const QUESTION: &str = "trust";
    const YEAR: u16 = 2024;
    let (_, question) = data.question(QUESTION).ok_or(SpecError::MissingQuestion {
        chart: ID,
        question: QUESTION,
    })?;
    let cells: Vec<&Value> = data.cells(QUESTION, YEAR, Population::Asean).collect();
    if cells.is_empty() {
        return Err(SpecError::NoValues {
            chart: ID,
            question: QUESTION,
            year: YEAR,
        });
    }
    let rows = ranked_rows(data, &cells);
    let value_of = |option: &'static str| {
        rows.iter()
            .find(|r| r.label == option)
            .map(|r| r.value.text().to_owned())
            .ok_or(SpecError::MissingValue {
                chart: ID,
                question: QUESTION,
                year: YEAR,
                option,
            })
    };
    let top = &rows[0];
    let summary = format!(
        "{} is trusted by {}% of respondents, more than any other power; the United States by {}% and China by {}%.",
        display_name(&top.label),
        top.value.text(),
        value_of("United States")?,
        value_of("China")?,
    );
    Ok(BarChart {
        id: ID,
        title: "Who will do the right thing?".to_owned(),
        subtitle: format!(
            "Share of {} {} that each power will do the right thing for global peace, security, \
             prosperity and governance. ASEAN, {YEAR}, %",
            question.base, question.measure
        ),
        summary,
        label_header: "Power".to_owned(),
        value_header: format!("{} (%)", capitalise(&question.measure)),
        notes: chart_notes(data, &cells),
        source: source_line(data, &cells),
        rows,
    })
}

/// One row per value, largest first (equal values keep file order).
fn ranked_rows(data: &Dataset, cells: &[&Value]) -> Vec<BarRow> {
    let mut rows: Vec<BarRow> = cells
        .iter()
        .map(|v| {
            let q = &data.questions[v.question];
            BarRow {
                label: v.option.clone(),
                value: v.value.clone(),
                highlight: v.option == HIGHLIGHT,
                cell: Cell {
                    question: q.id.clone(),
                    year: v.year,
                    population: v.population,
                    unit: match q.unit {
                        Unit::Percent => "percent",
                        Unit::Score { .. } => "score",
                    },
                    base: q.base.clone(),
                },
                sources: v.sources.iter().map(|&i| link(data, i)).collect(),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.value.number().total_cmp(&a.value.number()));
    rows
}

fn chart_notes(data: &Dataset, cells: &[&Value]) -> Vec<ChartNote> {
    data.notes_for(cells)
        .map(|n: &Note| ChartNote {
            about: match (&n.option, n.population) {
                (Some(o), _) => Some(o.clone()),
                (None, Some(Population::Country(c))) => Some(c.name().to_owned()),
                _ => None,
            },
            kind: n.kind,
            text: n.text.clone(),
            sources: n.sources.iter().map(|&i| link(data, i)).collect(),
        })
        .collect()
}

fn link(data: &Dataset, source: usize) -> SourceLink {
    let s = &data.sources[source];
    let name = match (s.kind, &s.title) {
        (SourceKind::Work, Some(title)) => match &s.author {
            Some(author) => format!("{author}, {title} ({})", s.outlet),
            None => format!("{}, {title}", s.outlet),
        },
        _ => s.outlet.clone(),
    };
    SourceLink {
        name,
        date: s.date.map(|d| d.to_string()),
        url: s.url.clone(),
    }
}

/// The survey, and every publication any shown value was read in, in first-use order.
fn source_line(data: &Dataset, cells: &[&Value]) -> SourceLine {
    let mut ids: Vec<usize> = Vec::new();
    for s in cells.iter().flat_map(|v| &v.sources) {
        if !ids.contains(s) {
            ids.push(*s);
        }
    }
    let s = &data.survey;
    SourceLine {
        survey: format!("{}, {} ({})", s.publisher, s.title, s.published),
        read_in: ids.into_iter().map(|i| link(data, i)).collect(),
    }
}

/// A power's name as it reads inside a sentence.
pub fn display_name(option: &str) -> String {
    match option {
        "United States" | "European Union" | "United Kingdom" | "Philippines" => {
            format!("the {option}")
        }
        other => other.to_owned(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::load().expect("the real data validates")
    }

    #[test]
    fn trust_2024_is_ranked_with_japan_highlighted() {
        let c = build("trust-2024", &data()).unwrap();
        let labels: Vec<&str> = c.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Japan", "United States", "European Union", "China", "India"]
        );
        assert!(c.rows[0].highlight && c.rows[1..].iter().all(|r| !r.highlight));
        assert_eq!(c.rows[0].cell.base, "all respondents");
    }

    #[test]
    fn the_summary_sentence_is_built_from_the_numbers() {
        let c = build("trust-2024", &data()).unwrap();
        assert_eq!(
            c.summary,
            "Japan is trusted by 58.9% of respondents, more than any other power; \
             the United States by 42.4% and China by 24.8%."
        );
    }

    #[test]
    fn value_notes_name_what_they_are_about() {
        let c = build("trust-2024", &data()).unwrap();
        let japan = c
            .notes
            .iter()
            .find(|n| n.about.as_deref() == Some("Japan"))
            .expect("the Japan misprint note is on the chart");
        assert_eq!(japan.kind, NoteKind::Conflict);
        assert!(japan.text.contains("58.9"));
        // Notes on other years or countries stay off this chart.
        assert!(c
            .notes
            .iter()
            .all(|n| n.about.as_deref() != Some("Cambodia")));
    }

    #[test]
    fn an_unknown_chart_is_an_error() {
        assert_eq!(
            build("nope", &data()).unwrap_err().to_string(),
            "no chart has the id \"nope\""
        );
    }
}
