//! `survey.toml` and `sources.toml`: the survey's method facts, its questions and
//! populations, and the sources every figure cites.

use super::*;

pub(super) fn survey_and_questions(
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
    let mut day = |field: &'static str, text: &Option<String>| {
        text.as_ref()
            .map(|t| date(SURVEY_FILE, line, &about, field, t, report))
    };
    let (start, end) = (
        day("fieldwork_start", &s.fieldwork_start),
        day("fieldwork_end", &s.fieldwork_end),
    );
    let fieldwork = match (start, end) {
        (None, None) => Some(None),
        (Some(Some(start)), Some(Some(end))) => Some(Some((start, end))),
        (Some(_), None) | (None, Some(_)) => {
            let field = if start.is_none() {
                "fieldwork_start"
            } else {
                "fieldwork_end"
            };
            report.push(
                SURVEY_FILE,
                line,
                &about,
                field,
                "a fieldwork has a start and an end: give fieldwork_start and fieldwork_end, or neither",
            );
            None
        }
        // A date that is not one was reported by `date`.
        _ => None,
    };
    if s.editions.is_empty() {
        report.push(SURVEY_FILE, line, &about, "editions", "no edition listed");
    }
    let method_sources = source_ids(s.method_sources.iter().map(String::as_str), sources, |m| {
        report.push(SURVEY_FILE, line, &about, "method_sources", m)
    });
    let survey = match (published, fieldwork) {
        (Some(published), Some(fieldwork)) => Some(Survey {
            title: s.title,
            publisher: s.publisher,
            published,
            editions: s.editions,
            respondents: s.respondents,
            fieldwork,
            mode: String::new(),
            languages: Vec::new(),
            weighting: String::new(),
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
        let mut wrong = |field: &'static str, message: String| {
            report.push(SURVEY_FILE, line, &about, field, message);
            None
        };
        let unit = match (q.unit.as_str(), q.scale_max, q.currency.as_deref()) {
            (_, Some(_), _) if q.unit != "score" => {
                wrong("scale_max", "only a score has a scale_max".to_owned())
            }
            (_, _, Some(_)) if q.unit != "currency" => {
                wrong("currency", "only a currency has a currency code".to_owned())
            }
            ("percent", ..) => Some(Unit::Percent),
            ("count", ..) => Some(Unit::Count),
            ("number", ..) => Some(Unit::Number),
            ("score", Some(max), _) if max > 0.0 => Some(Unit::Score { max }),
            ("score", ..) => wrong("scale_max", "a score needs a positive scale_max".to_owned()),
            ("currency", _, Some(code)) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
                Code::new(code).map(|code| Unit::Currency { code })
            }
            ("currency", _, Some(code)) => wrong(
                "currency",
                format!("{code:?} is not an ISO 4217 code (three capital letters, e.g. \"USD\")"),
            ),
            ("currency", _, None) => wrong(
                "currency",
                "a currency needs its ISO 4217 code (currency = \"USD\")".to_owned(),
            ),
            (other, ..) => wrong(
                "unit",
                format!("unknown unit {other:?} (expected \"percent\", \"score\", \"count\", \"currency\" or \"number\")"),
            ),
        };
        if let (Some(kind), Some(unit)) = (kind, unit) {
            questions.push(Question {
                id: q.id,
                title: String::new(),
                wording: None,
                measure: String::new(),
                kind,
                unit,
                base: String::new(),
            });
        }
    }
    let populations = populations(file.population, text, report);
    (survey, questions, populations)
}

/// `[[population]]`: codes unique and well formed, names given, exactly one region.
pub(super) fn populations(
    raw: Vec<crate::data::raw::RawPopulation>,
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
        out.push(PopulationInfo {
            code,
            name: String::new(),
            region: p.region,
            in_average: p.in_average,
        });
    }
    let regions = out.iter().filter(|p| p.region).count();
    if regions != 1 {
        report.push(
            SURVEY_FILE,
            Some(lines.first().copied().unwrap_or(1)),
            &[],
            "population",
            format!("expected exactly one population with region = true, found {regions} (the region is the row every country is compared with)"),
        );
    }
    out
}

pub(super) fn sources(file: SourcesFile, text: &str, report: &mut Problems) -> SourceIndex {
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
        let blog = match s.genre.as_deref() {
            None => false,
            Some("blog") => true,
            Some(other) => {
                report.push(
                    SOURCES_FILE,
                    line,
                    &about,
                    "genre",
                    format!("unknown genre {other:?} (expected \"blog\" or no genre)"),
                );
                false
            }
        };
        let via = read_via(s.read.as_deref(), s.via, line, &about, report);
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
                blog,
                via,
            });
        }
    }
    SourceIndex {
        valid: out,
        listed: seen,
    }
}

/// `read` and `via` of a source: both or neither; `read` one of `Read::ALL`.
fn read_via(
    read: Option<&str>,
    via: Option<String>,
    line: Option<usize>,
    about: &[(&'static str, &str)],
    report: &mut Problems,
) -> Option<Via> {
    let names = || {
        Read::ALL
            .iter()
            .map(|(n, _)| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (read, via) {
        (None, None) => None,
        (Some(r), Some(at)) => {
            let how = Read::ALL.iter().find(|(n, _)| *n == r).map(|(_, k)| *k);
            if how.is_none() {
                report.push(
                    SOURCES_FILE,
                    line,
                    about,
                    "read",
                    format!("unknown way of reading {r:?} (expected one of {})", names()),
                );
            }
            if at.trim().is_empty() {
                report.push(SOURCES_FILE, line, about, "via", "is empty");
                return None;
            }
            how.map(|how| Via { how, at })
        }
        (Some(_), None) => {
            report.push(
                SOURCES_FILE,
                line,
                about,
                "via",
                "`read` says how a copy was read; `via` must say where",
            );
            None
        }
        (None, Some(_)) => {
            report.push(
                SOURCES_FILE,
                line,
                about,
                "read",
                format!(
                    "`via` names where a copy was read; `read` must say how (one of {})",
                    names()
                ),
            );
            None
        }
    }
}
