//! The one place raw file contents become a `Dataset`. Every problem is collected (not just the
//! first) and names the file, the line where there is one, the question, population, option
//! and field, so a researcher can fix a whole file in one pass.

mod survey;
mod values;

use std::collections::HashSet;
use std::fmt;

use survey::{sources, survey_and_questions};
use values::{notes, values};

use super::charts::Report;
use super::model::{
    Code, Dataset, Note, NoteKind, Population, PopulationInfo, PubDate, Published, Question,
    QuestionKind, Read, Source, SourceKind, Survey, Unit, Value, Via,
};
use super::raw::{NotesFile, RawValue, SourcesFile, SurveyFile};
use super::{Files, NOTES_FILE, SOURCES_FILE, SURVEY_FILE, VALUES_FILE};

/// Single-choice options may add up to a little over 100 through the survey's own rounding.
const SINGLE_CHOICE_TOLERANCE: f64 = 100.5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    /// What the problem is about, most general first: ("question", "trust"), ("population", "ASEAN").
    pub about: Vec<(&'static str, String)>,
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        for (i, (k, v)) in self.about.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { ", " })?;
            write!(f, "{k} {v:?}")?;
        }
        write!(f, ": {}: {}", self.field, self.message)
    }
}

/// Collects problems while building; `dir` is the data folder as messages name it.
pub(crate) struct Problems<'d>(pub Vec<Problem>, pub &'d str);

impl Problems<'_> {
    pub(crate) fn push(
        &mut self,
        file: &'static str,
        line: Option<usize>,
        about: &[(&'static str, &str)],
        field: &'static str,
        message: impl Into<String>,
    ) {
        self.0.push(Problem {
            file: format!("{}/{file}", self.1),
            line,
            about: about.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
            field,
            message: message.into(),
        });
    }
}

/// Line numbers (1-based) of each `[[header]]` in a TOML text, in order: the n-th entry of an
/// array of tables starts on the n-th of these lines.
pub(crate) fn table_lines(text: &str, header: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == header)
        .map(|(i, _)| i + 1)
        .collect()
}

pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
    report: &mut Problems,
) -> Option<T> {
    toml::from_str(text)
        .map_err(|e| {
            let line = e
                .span()
                .map(|s| crate::lines::Lines::read(text).line_of_offset(s.start));
            report.push(file, line, &[], "file", e.message().trim().to_owned())
        })
        .ok()
}

/// Build the dataset from the files, then check the chart definitions against it. Chart
/// definitions are only checked against data that has no problem of its own (no cascades).
pub fn build(files: &Files) -> Result<(Dataset, Report), Vec<Problem>> {
    let mut report = Problems(Vec::new(), files.dir);

    let survey_file: Option<SurveyFile> = parse_toml(SURVEY_FILE, files.survey, &mut report);
    let sources_file: Option<SourcesFile> = parse_toml(SOURCES_FILE, files.sources, &mut report);
    let notes_file: Option<NotesFile> = parse_toml(NOTES_FILE, files.notes, &mut report);

    let sources = sources_file.map_or_else(SourceIndex::default, |f| {
        sources(f, files.sources, &mut report)
    });
    let (survey, questions, populations) = match survey_file {
        Some(f) => survey_and_questions(f, files.survey, &sources, &mut report),
        None => (None, Vec::new(), Vec::new()),
    };
    let editions = survey.as_ref().map_or(&[][..], |s| &s.editions[..]);
    let (values, rows) = values(
        files.values,
        &questions,
        &populations,
        &sources,
        editions,
        &mut report,
    );
    let notes = notes_file.map_or_else(Vec::new, |f| {
        notes(
            f,
            files.notes,
            &questions,
            &populations,
            &sources,
            &rows,
            editions,
            &mut report,
        )
    });

    let data = match survey {
        Some(survey) if report.0.is_empty() => Dataset {
            survey,
            populations,
            questions,
            values,
            sources: sources.valid,
            notes,
        },
        _ => return Err(report.0),
    };
    let charts = super::charts::build(files, &data, &mut report);
    match charts {
        Some(charts) if report.0.is_empty() => Ok((data, charts)),
        _ => Err(report.0),
    }
}

/// A population code as a data file gives it, among `populations`.
pub(super) fn population_of(populations: &[PopulationInfo], text: &str) -> Option<Population> {
    let p = populations.iter().find(|p| p.code.as_str() == text)?;
    Some(if p.region {
        Population::Region(p.code)
    } else {
        Population::Country(super::model::Country(p.code))
    })
}

/// "ASEAN or one of BN, KH, ..." for messages.
pub(super) fn population_list(populations: &[PopulationInfo]) -> String {
    let codes: Vec<&str> = populations.iter().map(|p| p.code.as_str()).collect();
    codes.join(", ")
}

pub(super) fn date(
    file: &'static str,
    line: Option<usize>,
    about: &[(&'static str, &str)],
    field: &'static str,
    text: &str,
    report: &mut Problems,
) -> Option<PubDate> {
    let d = PubDate::parse(text);
    if d.is_none() {
        report.push(
            file,
            line,
            about,
            field,
            format!("{text:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        );
    }
    d
}

/// The valid sources, and every id listed in sources.toml (valid or not), so that citing a
/// source that has a problem of its own adds no second, misleading problem.
#[derive(Default)]
pub(super) struct SourceIndex {
    valid: Vec<Source>,
    listed: HashSet<String>,
}

/// Resolve source ids to indices, reporting each unknown one.
pub(super) fn source_ids<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    sources: &SourceIndex,
    mut unknown: impl FnMut(String),
) -> Vec<usize> {
    let mut out = Vec::new();
    for id in ids {
        match sources.valid.iter().position(|s| s.id == id) {
            Some(i) => out.push(i),
            None if sources.listed.contains(id) => {}
            None => unknown(format!("unknown source id {id:?}")),
        }
    }
    out
}
