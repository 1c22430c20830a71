//! The one place raw file contents become a `Dataset`. Every problem is collected (not just the
//! first) and names the file, the line where there is one, the question, population, option
//! and field, so a researcher can fix a whole file in one pass.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::charts::Report;
use super::model::{
    Code, Dataset, Note, NoteKind, Population, PopulationInfo, PubDate, Published, Question,
    QuestionKind, Source, SourceKind, Survey, Unit, Value,
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
    basic_toml::from_str(text)
        .map_err(|e| report.push(file, None, &[], "file", e.to_string()))
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
fn population_of(populations: &[PopulationInfo], text: &str) -> Option<Population> {
    let p = populations.iter().find(|p| p.code.as_str() == text)?;
    Some(if p.region {
        Population::Region(p.code)
    } else {
        Population::Country(super::model::Country(p.code))
    })
}

/// "ASEAN or one of BN, KH, ..." for messages.
fn population_list(populations: &[PopulationInfo]) -> String {
    let codes: Vec<&str> = populations.iter().map(|p| p.code.as_str()).collect();
    codes.join(", ")
}

fn date(
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
struct SourceIndex {
    valid: Vec<Source>,
    listed: HashSet<String>,
}

/// Resolve source ids to indices, reporting each unknown one.
fn source_ids<'a>(
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

fn survey_and_questions(
    file: SurveyFile,
    text: &str,
    sources: &SourceIndex,
    report: &mut Problems,
) -> (Option<Survey>, Vec<Question>, Vec<PopulationInfo>) {
    let s = file.survey;
    let line = table_lines(text, "[survey]").first().copied();
    let title = s.title.clone();
    let about = [("survey", title.as_str())];
    let published = date(SURVEY_FILE, line, &about, "published", &s.published, report);
    let start = date(
        SURVEY_FILE,
        line,
        &about,
        "fieldwork_start",
        &s.fieldwork_start,
        report,
    );
    let end = date(
        SURVEY_FILE,
        line,
        &about,
        "fieldwork_end",
        &s.fieldwork_end,
        report,
    );
    if s.editions.is_empty() {
        report.push(SURVEY_FILE, line, &about, "editions", "no edition listed");
    }
    let method_sources = source_ids(s.method_sources.iter().map(String::as_str), sources, |m| {
        report.push(SURVEY_FILE, line, &about, "method_sources", m)
    });
    let survey = match (published, start, end) {
        (Some(published), Some(start), Some(end)) => Some(Survey {
            title: s.title,
            publisher: s.publisher,
            published,
            editions: s.editions,
            respondents: s.respondents,
            fieldwork: (start, end),
            mode: s.mode,
            languages: s.languages,
            weighting: s.weighting,
            method_sources,
        }),
        _ => None,
    };

    let lines = table_lines(text, "[[question]]");
    let mut seen = HashSet::new();
    let mut questions = Vec::new();
    for (i, q) in file.question.into_iter().enumerate() {
        let line = lines.get(i).copied();
        let about = [("question", q.id.as_str())];
        if !seen.insert(q.id.clone()) {
            report.push(SURVEY_FILE, line, &about, "id", "question id listed twice");
        }
        let kind = match q.kind.as_str() {
            "single-choice" => Some(QuestionKind::SingleChoice),
            "measure" => Some(QuestionKind::Measure),
            other => {
                report.push(
                    SURVEY_FILE,
                    line,
                    &about,
                    "kind",
                    format!("unknown kind {other:?} (expected \"single-choice\" or \"measure\")"),
                );
                None
            }
        };
        let unit = match (q.unit.as_str(), q.scale_max) {
            ("percent", None) => Some(Unit::Percent),
            ("score", Some(max)) if max > 0.0 => Some(Unit::Score { max }),
            ("score", _) => {
                report.push(
                    SURVEY_FILE,
                    line,
                    &about,
                    "scale_max",
                    "a score needs a positive scale_max",
                );
                None
            }
            ("percent", Some(_)) => {
                report.push(
                    SURVEY_FILE,
                    line,
                    &about,
                    "scale_max",
                    "only a score has a scale_max",
                );
                None
            }
            (other, _) => {
                report.push(
                    SURVEY_FILE,
                    line,
                    &about,
                    "unit",
                    format!("unknown unit {other:?} (expected \"percent\" or \"score\")"),
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
                report.push(SURVEY_FILE, line, &about, field, "is empty");
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
    let populations = populations(file.population, text, report);
    (survey, questions, populations)
}

/// `[[population]]`: codes unique and well formed, names given, exactly one region.
fn populations(
    raw: Vec<super::raw::RawPopulation>,
    text: &str,
    report: &mut Problems,
) -> Vec<PopulationInfo> {
    let lines = table_lines(text, "[[population]]");
    let mut out: Vec<PopulationInfo> = Vec::new();
    for (i, p) in raw.into_iter().enumerate() {
        let line = lines.get(i).copied();
        let about = [("population", p.code.as_str())];
        let Some(code) = Code::new(&p.code) else {
            report.push(
                SURVEY_FILE,
                line,
                &about,
                "code",
                "expected 1 to 8 ASCII letters, digits or hyphens",
            );
            continue;
        };
        if out.iter().any(|o| o.code == code) {
            report.push(SURVEY_FILE, line, &about, "code", "population listed twice");
            continue;
        }
        if p.name.trim().is_empty() {
            report.push(SURVEY_FILE, line, &about, "name", "is empty");
        }
        out.push(PopulationInfo {
            code,
            name: p.name,
            region: p.region,
            in_average: p.in_average,
        });
    }
    let regions = out.iter().filter(|p| p.region).count();
    if regions != 1 {
        report.push(
            SURVEY_FILE,
            None,
            &[],
            "population",
            format!("expected exactly one population with region = true, found {regions}"),
        );
    }
    out
}

fn sources(file: SourcesFile, text: &str, report: &mut Problems) -> SourceIndex {
    let lines = table_lines(text, "[[source]]");
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, s) in file.source.into_iter().enumerate() {
        let line = lines.get(i).copied();
        let about = [("source", s.id.as_str())];
        if !seen.insert(s.id.clone()) {
            report.push(SOURCES_FILE, line, &about, "id", "source id listed twice");
        }
        let kind = match s.kind.as_deref() {
            None => Some(SourceKind::Outlet),
            Some("work") => Some(SourceKind::Work),
            Some(other) => {
                report.push(
                    SOURCES_FILE,
                    line,
                    &about,
                    "type",
                    format!("unknown type {other:?} (expected \"work\" or no type)"),
                );
                None
            }
        };
        let url_ok = match (&s.url, kind) {
            (Some(u), _) if !(u.starts_with("https://") || u.starts_with("http://")) => {
                report.push(
                    SOURCES_FILE,
                    line,
                    &about,
                    "url",
                    format!("{u:?} is not an http(s) address"),
                );
                false
            }
            (None, Some(SourceKind::Outlet)) => {
                report.push(SOURCES_FILE, line, &about, "url", "source has no URL");
                false
            }
            _ => true,
        };
        if kind == Some(SourceKind::Work) && s.title.is_none() {
            report.push(
                SOURCES_FILE,
                line,
                &about,
                "title",
                "a work is cited by its title",
            );
        }
        let date = s
            .date
            .as_deref()
            .and_then(|d| date(SOURCES_FILE, line, &about, "date", d, report));
        if s.outlet.trim().is_empty() {
            report.push(SOURCES_FILE, line, &about, "outlet", "is empty");
        }
        if let (Some(kind), true) = (kind, url_ok) {
            out.push(Source {
                id: s.id,
                kind,
                outlet: s.outlet,
                title: s.title,
                author: s.author,
                date,
                url: s.url,
                language: s.language,
            });
        }
    }
    SourceIndex {
        valid: out,
        listed: seen,
    }
}

/// Every row of values.csv as written, valid or not: what a note may point at, so a note on a
/// row with a problem does not add a second, misleading problem.
type RowKey = [String; 4];

fn values(
    text: &str,
    questions: &[Question],
    populations: &[PopulationInfo],
    sources: &SourceIndex,
    editions: &[u16],
    report: &mut Problems,
) -> (Vec<Value>, Vec<RowKey>) {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut rows = Vec::new();
    let mut cells: HashMap<(usize, u16, Population, String), usize> = HashMap::new();
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            report.push(VALUES_FILE, Some(1), &[], "header", e.to_string());
            return (out, rows);
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
        rows.push([
            row.question.clone(),
            row.year.clone(),
            row.population.clone(),
            row.option.clone(),
        ]);
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
        let population = population_of(populations, &row.population);
        if population.is_none() {
            problem(
                "population",
                format!(
                    "{:?} is not a population of {SURVEY_FILE} (expected one of {})",
                    row.population,
                    population_list(populations)
                ),
            );
        }
        if row.option.is_empty() {
            problem("option", "is empty".to_owned());
        }
        let unit = question.map(|q| questions[q].unit);
        let value = match (Published::parse(&row.value), unit) {
            (None, _) => {
                problem(
                    "value",
                    format!(
                        "{:?} is not a number as published (e.g. 58.9 or 51)",
                        row.value
                    ),
                );
                None
            }
            (Some(v), Some(Unit::Percent)) if !(0.0..=100.0).contains(&v.number()) => {
                problem(
                    "value",
                    format!("{} is outside 0-100 for a percentage", v.text()),
                );
                None
            }
            (Some(v), Some(Unit::Percent)) if v.decimals() > 1 => {
                problem(
                    "value",
                    format!(
                        "{} has more than one decimal; percentages are published with one",
                        v.text()
                    ),
                );
                None
            }
            (Some(v), Some(Unit::Score { max })) if !(0.0..=max).contains(&v.number()) => {
                problem(
                    "value",
                    format!("{} is outside the score's scale 0-{max}", v.text()),
                );
                None
            }
            (v, _) => v,
        };
        let ids: Vec<&str> = row.sources.split_whitespace().collect();
        if ids.is_empty() {
            problem("sources", "value has no source".to_owned());
        }
        let source_idx = source_ids(ids, sources, |m| problem("sources", m));
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
    (out, rows)
}

fn single_choice_sums(values: &[Value], questions: &[Question], report: &mut Problems) {
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
                format!("options of a single-choice question add up to {sum:.1}, above 100.5"),
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn notes(
    file: NotesFile,
    text: &str,
    questions: &[Question],
    populations: &[PopulationInfo],
    sources: &SourceIndex,
    rows: &[RowKey],
    editions: &[u16],
    report: &mut Problems,
) -> Vec<Note> {
    let lines = table_lines(text, "[[note]]");
    let mut out = Vec::new();
    for (i, n) in file.note.into_iter().enumerate() {
        let line = lines.get(i).copied();
        let year_text = n.year.map(|y| y.to_string());
        let mut about = vec![("question", n.question.as_str())];
        if let Some(y) = &year_text {
            about.push(("year", y));
        }
        if let Some(p) = &n.population {
            about.push(("population", p));
        }
        if let Some(o) = &n.option {
            about.push(("option", o));
        }
        let mut problem =
            |field, message: String| report.push(NOTES_FILE, line, &about, field, message);

        let question = questions.iter().position(|q| q.id == n.question);
        if question.is_none() {
            problem("question", format!("unknown question id {:?}", n.question));
        }
        if let Some(y) = n.year.filter(|y| !editions.contains(y)) {
            problem(
                "year",
                format!("{y} is not one of the survey's editions {editions:?}"),
            );
        }
        // Not given: the note is not narrowed by population. Given but unknown: a problem.
        let population = match n.population.as_deref() {
            None => Ok(None),
            Some(text) => population_of(populations, text).map(Some).ok_or(text),
        };
        if let Err(text) = population {
            problem(
                "population",
                format!(
                    "{text:?} is not a population of {SURVEY_FILE} (expected one of {})",
                    population_list(populations)
                ),
            );
        }
        if n.population.is_some() && n.year.is_none() {
            problem("population", "a population needs a year".to_owned());
        }
        if n.option.is_some() && n.population.is_none() {
            problem("option", "an option needs a population".to_owned());
        }
        let kind = NoteKind::parse(&n.kind);
        if kind.is_none() {
            let known: Vec<&str> = NoteKind::ALL.iter().map(|(k, _)| *k).collect();
            problem(
                "kind",
                format!("unknown kind {:?} (expected one of {known:?})", n.kind),
            );
        }
        if n.text.trim().is_empty() {
            problem("text", "is empty".to_owned());
        }
        let note_sources = source_ids(n.sources.iter().map(String::as_str), sources, |m| {
            problem("sources", m)
        });
        let (Some(question), Some(kind), Ok(population)) = (question, kind, population) else {
            continue;
        };
        let note = Note {
            question,
            year: n.year,
            population,
            option: n.option.clone(),
            kind,
            text: n.text.clone(),
            sources: note_sources,
        };
        // A note narrowed to a year or finer must concern at least one row of values.csv.
        let narrow = [&year_text, &n.population, &n.option];
        let points_somewhere = year_text.is_none()
            || rows.iter().any(|row| {
                row[0] == n.question
                    && narrow
                        .iter()
                        .zip(&row[1..])
                        .all(|(want, got)| want.as_ref().is_none_or(|w| w == got))
            });
        if !points_somewhere {
            problem(
                "question",
                "the note points at no value in the data".to_owned(),
            );
            continue;
        }
        out.push(note);
    }
    out
}
