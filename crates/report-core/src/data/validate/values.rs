//! `values.csv` and `notes.toml`: every published figure (as printed, in range, cited, one
//! per cell) and the notes that point at them.

use std::collections::HashMap;

use super::*;

/// Every row of values.csv as written, valid or not: what a note may point at, so a note on a
/// row with a problem does not add a second, misleading problem.
pub(super) type RowKey = [String; 4];

pub(super) fn values(
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
    // The line of each value in `out`.
    let mut at = Vec::new();
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
                        "{:?} is not a number as published: digits, a decimal point (.) where it has decimals, at most {} digits, no sign, spaces or thousands separators (e.g. 58.9, 51 or 250875)",
                        row.value,
                        Published::MAX_DIGITS
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
            (Some(v), Some(Unit::Count)) if v.decimals() > 0 => {
                problem(
                    "value",
                    format!("{} has decimals; a count is a whole number", v.text()),
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
        at.push(line.unwrap_or(0));
        out.push(Value {
            question,
            year,
            population,
            option: row.option,
            value,
            sources: source_idx,
        });
    }
    single_choice_sums(&out, &at, questions, report);
    (out, rows)
}

/// The options of a single-choice question add up to at most 100.5 in each year and
/// population (published shares are rounded); a group above it is named at its last row, with
/// the lines of all its rows. `lines[i]` is the line of `values[i]`.
pub(super) fn single_choice_sums(
    values: &[Value],
    lines: &[usize],
    questions: &[Question],
    report: &mut Problems,
) {
    type Group = ((usize, u16, Population), f64, Vec<usize>);
    let mut sums: Vec<Group> = Vec::new();
    for (v, line) in values
        .iter()
        .zip(lines)
        .filter(|(v, _)| questions[v.question].kind == QuestionKind::SingleChoice)
    {
        let key = (v.question, v.year, v.population);
        match sums.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, sum, at)) => {
                *sum += v.value.number();
                at.push(*line);
            }
            None => sums.push((key, v.value.number(), vec![*line])),
        }
    }
    for ((q, year, population), sum, at) in sums {
        if sum > SINGLE_CHOICE_TOLERANCE {
            let year = year.to_string();
            let population = population.to_string();
            let rows: Vec<String> = at.iter().map(ToString::to_string).collect();
            report.push(
                VALUES_FILE,
                at.iter().max().copied(),
                &[
                    ("question", &questions[q].id),
                    ("year", &year),
                    ("population", &population),
                ],
                "value",
                format!(
                    "options of a single-choice question add up to {sum:.1}, above 100.5 (the rows on lines {}; shares as published may add up to 100.5 at most, for their rounding)",
                    rows.join(", ")
                ),
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn notes(
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
    let mut ids = std::collections::HashSet::new();
    for (i, n) in file.note.into_iter().enumerate() {
        let line = lines.get(i).copied();
        let year_text = n.year.map(|y| y.to_string());
        let mut about = vec![("note", n.id.as_str()), ("question", n.question.as_str())];
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

        if n.id.trim().is_empty() {
            problem("id", "is empty".to_owned());
        } else if !ids.insert(n.id.clone()) {
            problem("id", format!("another note already has the id {:?}", n.id));
        }
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
            id: n.id.clone(),
            kind,
            text: String::new(),
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
