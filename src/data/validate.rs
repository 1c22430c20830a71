//! The one place raw file contents become a `Dataset`. Every problem is collected (not just the
//! first) and names the file, the line where there is one, the question, population, option
//! and field, so a researcher can fix a whole file in one pass.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::model::{
    Dataset, PubDate, Published, Question, QuestionKind, Source, Survey, Unit, Value,
};
use super::raw::{RawValue, SourcesFile, SurveyFile};
use super::{Files, SOURCES_FILE, SURVEY_FILE, VALUES_FILE};
use crate::data::model::Population;

/// Single-choice options may add up to a little over 100 through the survey's own rounding.
const SINGLE_CHOICE_TOLERANCE: f64 = 100.5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: &'static str,
    pub line: Option<usize>,
    /// What the problem is about, most general first: ("question", "trust"), ("population", "ASEAN").
    pub about: Vec<(&'static str, String)>,
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file)?;
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

/// Collects problems while building.
struct Report(Vec<Problem>);

impl Report {
    fn push(
        &mut self,
        file: &'static str,
        line: Option<usize>,
        about: &[(&'static str, &str)],
        field: &'static str,
        message: impl Into<String>,
    ) {
        self.0.push(Problem {
            file,
            line,
            about: about.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
            field,
            message: message.into(),
        });
    }
}

pub fn build(files: &Files) -> Result<Dataset, Vec<Problem>> {
    let mut report = Report(Vec::new());

    let survey_file: Option<SurveyFile> = basic_toml::from_str(files.survey)
        .map_err(|e| report.push(SURVEY_FILE, None, &[], "file", e.to_string()))
        .ok();
    let sources_file: Option<SourcesFile> = basic_toml::from_str(files.sources)
        .map_err(|e| report.push(SOURCES_FILE, None, &[], "file", e.to_string()))
        .ok();

    let (survey, questions) = match survey_file {
        Some(f) => survey_and_questions(f, &mut report),
        None => (None, Vec::new()),
    };
    let sources = sources_file.map_or_else(Vec::new, |f| sources(f, &mut report));
    let editions = survey.as_ref().map_or(&[][..], |s| &s.editions[..]);
    let values = values(files.values, &questions, &sources, editions, &mut report);

    match survey {
        Some(survey) if report.0.is_empty() => Ok(Dataset {
            survey,
            questions,
            values,
            sources,
        }),
        _ => Err(report.0),
    }
}

fn survey_and_questions(file: SurveyFile, report: &mut Report) -> (Option<Survey>, Vec<Question>) {
    let s = file.survey;
    let published = PubDate::parse(&s.published);
    if published.is_none() {
        report.push(
            SURVEY_FILE,
            None,
            &[("survey", &s.title)],
            "published",
            format!(
                "{:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                s.published
            ),
        );
    }
    if s.editions.is_empty() {
        report.push(
            SURVEY_FILE,
            None,
            &[("survey", &s.title)],
            "editions",
            "no edition listed",
        );
    }
    let survey = published.map(|published| Survey {
        title: s.title,
        publisher: s.publisher,
        published,
        editions: s.editions,
    });

    let mut seen = HashSet::new();
    let mut questions = Vec::new();
    for q in file.question {
        let about = [("question", q.id.as_str())];
        if !seen.insert(q.id.clone()) {
            report.push(SURVEY_FILE, None, &about, "id", "question id listed twice");
        }
        let kind = match q.kind.as_str() {
            "single-choice" => Some(QuestionKind::SingleChoice),
            "measure" => Some(QuestionKind::Measure),
            other => {
                report.push(
                    SURVEY_FILE,
                    None,
                    &about,
                    "kind",
                    format!("unknown kind {other:?} (expected \"single-choice\" or \"measure\")"),
                );
                None
            }
        };
        let unit = match q.unit.as_str() {
            "percent" => Some(Unit::Percent),
            other => {
                report.push(
                    SURVEY_FILE,
                    None,
                    &about,
                    "unit",
                    format!("unknown unit {other:?} (expected \"percent\")"),
                );
                None
            }
        };
        for (field, text) in [
            ("title", &q.title),
            ("measure", &q.measure),
            ("base", &q.base),
        ] {
            if text.trim().is_empty() {
                report.push(SURVEY_FILE, None, &about, field, "is empty");
            }
        }
        if let (Some(kind), Some(unit)) = (kind, unit) {
            questions.push(Question {
                id: q.id,
                title: q.title,
                wording: q.wording,
                measure: q.measure,
                kind,
                unit,
                base: q.base,
            });
        }
    }
    (survey, questions)
}

fn sources(file: SourcesFile, report: &mut Report) -> Vec<Source> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for s in file.source {
        let about = [("source", s.id.as_str())];
        if !seen.insert(s.id.clone()) {
            report.push(SOURCES_FILE, None, &about, "id", "source id listed twice");
        }
        let url = match s.url {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => Some(u),
            Some(u) => {
                report.push(
                    SOURCES_FILE,
                    None,
                    &about,
                    "url",
                    format!("{u:?} is not an http(s) address"),
                );
                None
            }
            None => {
                report.push(SOURCES_FILE, None, &about, "url", "source has no URL");
                None
            }
        };
        let date = match s.date.as_deref().map(|d| (d, PubDate::parse(d))) {
            Some((text, None)) => {
                report.push(
                    SOURCES_FILE,
                    None,
                    &about,
                    "date",
                    format!("{text:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                );
                None
            }
            Some((_, d)) => d,
            None => None,
        };
        if s.outlet.trim().is_empty() {
            report.push(SOURCES_FILE, None, &about, "outlet", "is empty");
        }
        if let Some(url) = url {
            out.push(Source {
                id: s.id,
                outlet: s.outlet,
                title: s.title,
                date,
                url,
                language: s.language,
            });
        }
    }
    out
}

fn values(
    text: &str,
    questions: &[Question],
    sources: &[Source],
    editions: &[u16],
    report: &mut Report,
) -> Vec<Value> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut cells: HashMap<(usize, u16, Population, String), usize> = HashMap::new();
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            report.push(VALUES_FILE, Some(1), &[], "header", e.to_string());
            return out;
        }
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                report.push(VALUES_FILE, line, &[], "row", e.to_string());
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize);
        let row: RawValue = match record.deserialize(Some(&headers)) {
            Ok(r) => r,
            Err(e) => {
                report.push(VALUES_FILE, line, &[], "row", e.to_string());
                continue;
            }
        };
        let about = [
            ("question", row.question.as_str()),
            ("year", row.year.as_str()),
            ("population", row.population.as_str()),
            ("option", row.option.as_str()),
        ];
        let mut problem =
            |field, message: String| report.push(VALUES_FILE, line, &about, field, message);

        let question = questions.iter().position(|q| q.id == row.question);
        if question.is_none() {
            problem(
                "question",
                format!("unknown question id {:?}", row.question),
            );
        }
        let year = row
            .year
            .parse::<u16>()
            .ok()
            .filter(|y| editions.contains(y));
        if year.is_none() {
            problem(
                "year",
                format!(
                    "{:?} is not one of the survey's editions {editions:?}",
                    row.year
                ),
            );
        }
        let population = Population::parse(&row.population);
        if population.is_none() {
            problem(
                "population",
                format!(
                    "{:?} is neither ASEAN nor a member state's ISO 3166 code",
                    row.population
                ),
            );
        }
        if row.option.is_empty() {
            problem("option", "is empty".to_owned());
        }
        let value = match Published::parse(&row.value) {
            None => {
                problem(
                    "value",
                    format!(
                        "{:?} is not a number as published (e.g. 58.9 or 51)",
                        row.value
                    ),
                );
                None
            }
            Some(v) if !(0.0..=100.0).contains(&v.number()) => {
                problem(
                    "value",
                    format!("{} is outside 0-100 for a percentage", v.text()),
                );
                None
            }
            Some(v) => Some(v),
        };
        let ids: Vec<&str> = row.sources.split_whitespace().collect();
        if ids.is_empty() {
            problem("sources", "value has no source".to_owned());
        }
        let mut source_idx = Vec::new();
        for id in ids {
            match sources.iter().position(|s| s.id == id) {
                Some(i) => source_idx.push(i),
                None => problem("sources", format!("unknown source id {id:?}")),
            }
        }
        let (Some(question), Some(year), Some(population), Some(value)) =
            (question, year, population, value)
        else {
            continue;
        };
        let key = (question, year, population, row.option.clone());
        if let Some(first) = cells.insert(key, line.unwrap_or(0)) {
            problem(
                "option",
                format!("duplicate cell, first given on line {first}"),
            );
            continue;
        }
        if source_idx.is_empty() {
            continue;
        }
        out.push(Value {
            question,
            year,
            population,
            option: row.option,
            value,
            sources: source_idx,
        });
    }
    single_choice_sums(&out, questions, report);
    out
}

fn single_choice_sums(values: &[Value], questions: &[Question], report: &mut Report) {
    let mut sums: Vec<((usize, u16, Population), f64)> = Vec::new();
    for v in values
        .iter()
        .filter(|v| questions[v.question].kind == QuestionKind::SingleChoice)
    {
        let key = (v.question, v.year, v.population);
        match sums.iter_mut().find(|(k, _)| *k == key) {
            Some((_, sum)) => *sum += v.value.number(),
            None => sums.push((key, v.value.number())),
        }
    }
    for ((q, year, population), sum) in sums {
        if sum > SINGLE_CHOICE_TOLERANCE {
            let year = year.to_string();
            let population = population.to_string();
            report.push(
                VALUES_FILE,
                None,
                &[
                    ("question", &questions[q].id),
                    ("year", &year),
                    ("population", &population),
                ],
                "value",
                format!("options of a single-choice question add up to {sum:.1}, above 100"),
            );
        }
    }
}
