//! Corrections made after publication (`corrections.toml`, optional): each has an id, the day
//! it was made, the charts it changed and, where it is about particular figures, their value
//! ids (`Origin::value_id`). Each edition words it in `[correction.ID] text` of its
//! `text.LANG.toml` (checked with the other words of the data). The page lists them newest
//! first; each chart they name says so, on the page and in its embed documents.

use super::charts::Report;
use super::model::PubDate;
use super::raw::CorrectionsFile;
use super::validate::{parse_toml, table_lines, Problem, Problems};
use super::{Files, CHARTS_FILE, CORRECTIONS_FILE};

#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// Its address on the page is `#correction-ID`.
    pub id: String,
    /// The day it was made (`YYYY-MM-DD`).
    pub date: PubDate,
    /// The charts it changed, in the file's order.
    pub charts: Vec<String>,
    /// The published values it is about, by value id (`v-CHART-…`), where it names any.
    pub values: Vec<String>,
    /// Its `[[correction]]` line in corrections.toml.
    pub line: usize,
    /// The edition's words for it (`[correction.ID] text`), laid on by `Bundle`.
    pub text: String,
}

impl Correction {
    /// The anchor of its entry in the page's list of corrections.
    pub fn anchor(&self) -> String {
        format!("correction-{}", self.id)
    }

    /// Whether an embed code copied on `copied` (`None`: before the report recorded it) was
    /// copied before this correction was made.
    pub fn after(&self, copied: Option<PubDate>) -> bool {
        crate::embed::copied_before(self.date, copied)
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The folder's corrections, newest first (a day's in the file's order); none without the
/// file. Every problem names the file, line, correction and field. Whether each value id is
/// one of its charts' is checked once the charts are built (`bundle`).
pub fn read(files: &Files, report: &Report) -> Result<Vec<Correction>, Vec<Problem>> {
    let Some(text) = files.corrections else {
        return Ok(Vec::new());
    };
    let mut problems = Problems(Vec::new(), files.dir);
    let Some(file) = parse_toml::<CorrectionsFile>(CORRECTIONS_FILE, text, &mut problems) else {
        return Err(problems.0);
    };
    let lines = table_lines(text, "[[correction]]");
    let mut out: Vec<Correction> = Vec::new();
    for (i, c) in file.correction.into_iter().enumerate() {
        let line = lines.get(i).copied();
        let about = [("correction", c.id.as_str())];
        let mut push =
            |field, message: String| problems.push(CORRECTIONS_FILE, line, &about, field, message);
        if !is_slug(&c.id) {
            push(
                "id",
                "is not an id of lower-case letters, digits and hyphens (the page's address for it is #correction-ID)".to_owned(),
            );
        } else if out.iter().any(|o| o.id == c.id) {
            push("id", "is used by an earlier correction".to_owned());
        }
        let date = PubDate::parse(&c.date).filter(|d| d.day.is_some());
        if date.is_none() {
            push(
                "date",
                format!(
                    "{:?} is not a day (YYYY-MM-DD): the day the correction was made",
                    c.date
                ),
            );
        }
        if c.charts.is_empty() {
            push(
                "charts",
                "is empty: name the chart (or charts) the correction changed".to_owned(),
            );
        }
        for chart in &c.charts {
            if report.chart(chart).is_none() {
                push("charts", format!("{chart:?} is no chart of {CHARTS_FILE}"));
            }
        }
        if let (Some(date), Some(updated)) = (date, report.updated) {
            if date > updated {
                push(
                    "date",
                    format!("{} is after the release it appears in ({CHARTS_FILE} [report] updated = \"{}\"): set `updated` to the day of the release that carries the correction", c.date, updated.iso()),
                );
            }
        }
        if let Some(date) = date {
            out.push(Correction {
                id: c.id,
                date,
                charts: c.charts,
                values: c.values,
                line: line.unwrap_or(0),
                text: String::new(),
            });
        }
    }
    if report.updated.is_none() && !out.is_empty() {
        problems.push(
            CORRECTIONS_FILE,
            lines.first().copied(),
            &[],
            "date",
            format!("{CHARTS_FILE} [report] has no `updated`: a report with corrections dates its release, so that an embed code records which corrections it already shows"),
        );
    }
    if !problems.0.is_empty() {
        return Err(problems.0);
    }
    // Newest first; a stable sort keeps one day's corrections in the file's order.
    out.sort_by_key(|c| std::cmp::Reverse(c.date));
    Ok(out)
}
