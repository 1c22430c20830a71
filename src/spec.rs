//! Chart specs: what each chart shows, as plain data built from the validated model (title,
//! rows, highlight, source line). No drawing and no DOM here.

use std::fmt;

use crate::data::{Dataset, Population, Published};

/// The option every chart highlights with the accent colour.
pub const HIGHLIGHT: &str = "Japan";

/// Every chart the page can show, by the id used in `figure[data-chart=ID]`.
pub const CHART_IDS: &[&str] = &["trust-2024"];

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub id: &'static str,
    pub title: String,
    /// What one bar measures, with its base and year: the line under the title.
    pub subtitle: String,
    /// Header of the label column in the data table.
    pub label_header: String,
    /// Header of the value column in the data table.
    pub value_header: String,
    /// Ranked, largest first.
    pub rows: Vec<BarRow>,
    pub source: SourceLine,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub value: Published,
    pub highlight: bool,
}

/// The survey a figure comes from and the publications where its numbers were read.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// "ISEAS-Yusof Ishak Institute, The State of Southeast Asia: 2024 Survey Report (2 Apr 2024)"
    pub survey: String,
    pub read_in: Vec<SourceLink>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    pub outlet: String,
    pub date: Option<String>,
    pub url: String,
}

impl SourceLine {
    /// The line as plain text, for images and downloads.
    pub fn plain(&self) -> String {
        let outlets: Vec<&str> = self.read_in.iter().map(|s| s.outlet.as_str()).collect();
        format!(
            "Source: {}; figures as reported by {}.",
            self.survey,
            outlets.join(", ")
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
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::UnknownChart(id) => write!(f, "no chart has the id {id:?}"),
            SpecError::MissingQuestion { chart, question } => {
                write!(
                    f,
                    "chart {chart:?} needs question {question:?}, which data/ does not define"
                )
            }
            SpecError::NoValues {
                chart,
                question,
                year,
            } => {
                write!(f, "chart {chart:?} needs values of question {question:?} for {year}, and data/ has none")
            }
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
    let cells: Vec<_> = data.cells(QUESTION, YEAR, Population::Asean).collect();
    if cells.is_empty() {
        return Err(SpecError::NoValues {
            chart: ID,
            question: QUESTION,
            year: YEAR,
        });
    }
    let mut rows: Vec<BarRow> = cells
        .iter()
        .map(|v| BarRow {
            label: v.option.clone(),
            value: v.value.clone(),
            highlight: v.option == HIGHLIGHT,
        })
        .collect();
    // Ranked; equal values keep file order.
    rows.sort_by(|a, b| b.value.number().total_cmp(&a.value.number()));
    let mut source_ids: Vec<usize> = Vec::new();
    for v in &cells {
        for s in &v.sources {
            if !source_ids.contains(s) {
                source_ids.push(*s);
            }
        }
    }
    Ok(BarChart {
        id: ID,
        title: "Who will do the right thing?".to_owned(),
        subtitle: format!(
            "Share of {} {} that each power will do the right thing for global peace, security, \
             prosperity and governance. ASEAN, {YEAR}, %",
            question.base, question.measure
        ),
        label_header: "Power".to_owned(),
        value_header: format!("{} (%)", capitalise(&question.measure)),
        rows,
        source: source_line(data, &source_ids),
    })
}

fn source_line(data: &Dataset, source_ids: &[usize]) -> SourceLine {
    let s = &data.survey;
    SourceLine {
        survey: format!("{}, {} ({})", s.publisher, s.title, s.published),
        read_in: source_ids
            .iter()
            .map(|&i| {
                let src = &data.sources[i];
                SourceLink {
                    outlet: src.outlet.clone(),
                    date: src.date.map(|d| d.to_string()),
                    url: src.url.clone(),
                }
            })
            .collect(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
