//! Checking `charts.toml`: the report block, the colour roles (contrast against both
//! backgrounds), and each chart's coordinates against the data. Every problem names the file,
//! the line, the chart and the field, and says what was expected. `shape` checks what a
//! chart's kind, rows and selector need.

use super::*;
use crate::colour::{contrast, DARK_BACKGROUND, LIGHT_BACKGROUND, MARK_CONTRAST};
use crate::data::model::Dataset;
use crate::data::raw::ChartsFile;
use crate::data::validate::{parse_toml, table_lines, Problems};
use crate::data::{Files, CHARTS_FILE, SURVEY_FILE, VALUES_FILE};

/// Lines `[from, to)` of the n-th `[[chart]]` table.
pub(super) struct Span<'t> {
    text: &'t str,
    pub(super) from: usize,
    to: usize,
}

impl Span<'_> {
    /// The first line in the chart's table containing `needle`, else its header's line.
    pub(super) fn line_of(&self, needle: &str) -> usize {
        self.text
            .lines()
            .enumerate()
            .skip(self.from - 1)
            .take(self.to - self.from)
            .find(|(_, l)| l.contains(needle))
            .map_or(self.from, |(i, _)| i + 1)
    }
    /// The first line at or after `from` in the chart's table containing `needle`, else `from`.
    pub(super) fn line_from(&self, from: usize, needle: &str) -> usize {
        self.text
            .lines()
            .enumerate()
            .skip(from.max(self.from) - 1)
            .take(self.to.saturating_sub(from.max(self.from)))
            .find(|(_, l)| l.contains(needle))
            .map_or(from, |(i, _)| i + 1)
    }
    /// The line of the n-th `header` inside the chart's table.
    pub(super) fn nth(&self, header: &str, n: usize) -> usize {
        table_lines(self.text, header)
            .into_iter()
            .filter(|l| (self.from..self.to).contains(l))
            .nth(n)
            .unwrap_or(self.from)
    }
}

/// Check `charts.toml` against the data. Every problem names the file, line, chart and field
/// and says what was expected. `None` when the file cannot be read at all.
pub(crate) fn build(files: &Files, data: &Dataset, report: &mut Problems) -> Option<Report> {
    let file: ChartsFile = parse_toml(CHARTS_FILE, files.charts, report)?;
    let text = files.charts;
    let mut check = Checker { data, report };

    let line = table_lines(text, "[report]").first().copied();
    let mut sections: Vec<String> = Vec::new();
    for s in &file.report.sections {
        if !is_slug(s) {
            check.push(
                line,
                &[("section", s)],
                "sections",
                "expected lower-case letters, digits and hyphens",
            );
        } else if sections.contains(s) {
            check.push(line, &[("section", s)], "sections", "listed twice");
        } else {
            sections.push(s.clone());
        }
    }
    if sections.is_empty() {
        check.push(line, &[], "sections", "expected at least one section");
    }
    if let Some(h) = &file.report.highlight {
        if !data.values.iter().any(|v| v.option == *h) {
            check.push(
                line,
                &[],
                "highlight",
                format!("{h:?} is no option of any value in {VALUES_FILE}"),
            );
        }
    }

    let updated = file.report.updated.as_deref().and_then(|u| {
        let d = crate::data::PubDate::parse(u).filter(|d| d.day.is_some());
        if d.is_none() {
            check.push(
                line,
                &[],
                "updated",
                format!("{u:?} is not a day (YYYY-MM-DD): the date of this release, which citations give"),
            );
        }
        d
    });
    if file
        .report
        .publisher
        .as_deref()
        .is_some_and(|p| p.trim().is_empty())
    {
        check.push(
            line,
            &[],
            "publisher",
            "is empty (leave it out if no one is named)",
        );
    }

    let colour_lines = table_lines(text, "[[colour]]");
    let mut colours: Vec<Colour> = Vec::new();
    for (i, c) in file.colour.iter().enumerate() {
        let line = colour_lines.get(i).copied();
        let about = [("colour", c.role.as_str())];
        if colours.iter().any(|o| o.role == c.role) {
            check.push(line, &about, "role", "colour role defined twice");
            continue;
        }
        let mut shade = |field: &'static str, text: &str, background: Rgb| {
            let Some(rgb) = Rgb::parse(text) else {
                check.push(
                    line,
                    &about,
                    field,
                    format!("{text:?} is not a #rrggbb colour"),
                );
                return None;
            };
            let ratio = contrast(rgb, background);
            if ratio < MARK_CONTRAST {
                check.push(
                    line,
                    &about,
                    field,
                    format!(
                        "{} has a contrast of {}:1 against the {field} background {}; a chart mark needs at least 3:1",
                        rgb.hex(),
                        tenths(ratio),
                        background.hex()
                    ),
                );
                return None;
            }
            Some(rgb)
        };
        let light = shade("light", &c.light, LIGHT_BACKGROUND);
        let dark = shade("dark", &c.dark, DARK_BACKGROUND);
        // A role with a problem is still known, so charts using it add no second message
        // (the report fails on the first).
        colours.push(Colour {
            role: c.role.clone(),
            light: light.unwrap_or(LIGHT_BACKGROUND),
            dark: dark.unwrap_or(DARK_BACKGROUND),
        });
    }

    let report_line = table_lines(text, "[report]").first().copied();
    let editions = &file.report.editions;
    if editions.is_empty() {
        check.push(
            report_line,
            &[],
            "editions",
            "lists no edition (write e.g. editions = [\"en\"])",
        );
    }
    for (i, e) in editions.iter().enumerate() {
        let (primary, rest) = e.split_once('-').unwrap_or((e, ""));
        let tag = (2..=3).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_lowercase())
            && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !tag {
            check.push(
                report_line,
                &[],
                "editions",
                format!("{e:?} is not a language tag such as \"en\", \"ja\" or \"pt-BR\""),
            );
        } else if editions[..i].contains(e) {
            check.push(
                report_line,
                &[],
                "editions",
                format!("{e:?} is listed twice"),
            );
        }
    }

    let chart_lines = table_lines(text, "[[chart]]");
    let total = text.lines().count() + 1;
    let mut charts: Vec<ChartDef> = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, raw) in file.chart.iter().enumerate() {
        let from = chart_lines.get(i).copied().unwrap_or(1);
        let to = chart_lines.get(i + 1).copied().unwrap_or(total);
        let span = Span { text, from, to };
        if let Some((_, first)) = seen.iter().find(|(id, _)| *id == raw.id) {
            check.push(
                Some(from),
                &[("chart", &raw.id)],
                "id",
                format!("duplicate chart id, first defined on line {first}"),
            );
            continue;
        }
        seen.push((raw.id.clone(), from));
        if let Some(def) = check.chart(raw, &span, &colours) {
            charts.push(def);
        }
    }
    if charts.is_empty() && file.chart.is_empty() {
        check.push(None, &[], "chart", "expected at least one [[chart]]");
    }
    Some(Report {
        sections,
        editions: file.report.editions,
        highlight: file.report.highlight,
        updated,
        publisher: file.report.publisher,
        colours,
        charts,
    })
}

pub(super) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// 2.96 -> "2.9" (never rounded up past a limit it fails).
fn tenths(v: f64) -> String {
    let t = (v * 10.0).floor() as i64;
    format!("{}.{}", t / 10, t % 10)
}

pub(super) struct Checker<'a, 'r, 'd> {
    pub(super) data: &'a Dataset,
    pub(super) report: &'r mut Problems<'d>,
}

impl Checker<'_, '_, '_> {
    /// The data's population codes, for messages: "ASEAN, BN, KH".
    pub(super) fn population_codes(&self) -> String {
        let codes: Vec<&str> = self
            .data
            .populations
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        codes.join(", ")
    }

    pub(super) fn push(
        &mut self,
        line: Option<usize>,
        about: &[(&'static str, &str)],
        field: &'static str,
        message: impl Into<String>,
    ) {
        self.report.push(CHARTS_FILE, line, about, field, message);
    }

    /// A coordinate as a file writes it, checked against the data.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn coord(
        &mut self,
        id: &str,
        span: &Span,
        line: usize,
        question: &Option<String>,
        year: Option<u16>,
        population: &Option<String>,
        option: &Option<String>,
        allow_selected: bool,
    ) -> Option<(Coord, bool)> {
        let about = [("chart", id)];
        let mut ok = true;
        if let Some(q) = question {
            if self.data.question(q).is_none() {
                let known: Vec<&str> = self.data.questions.iter().map(|q| q.id.as_str()).collect();
                self.push(
                    Some(span.line_from(line, &format!("question = {q:?}"))),
                    &about,
                    "question",
                    format!(
                        "unknown question {q:?} (expected one of {SURVEY_FILE}'s: {})",
                        known.join(", ")
                    ),
                );
                ok = false;
            }
        }
        if let Some(y) = year {
            let editions = &self.data.survey.editions;
            if !editions.contains(&y) {
                self.push(
                    Some(span.line_from(line, &format!("year = {y}"))),
                    &about,
                    "year",
                    format!("{y} is not one of the survey's editions {editions:?}"),
                );
                ok = false;
            }
        }
        let mut selected = false;
        let pop = match population.as_deref() {
            None => None,
            Some("selected") if allow_selected => {
                selected = true;
                None
            }
            Some(code) => match self.data.population(code) {
                Some(p) => Some(p),
                None => {
                    let codes = self.population_codes();
                    let extra = if allow_selected {
                        ", or \"selected\""
                    } else {
                        ""
                    };
                    self.push(
                        Some(span.line_from(line, &format!("population = {code:?}"))),
                        &about,
                        "population",
                        format!(
                            "unknown population {code:?} (expected one of {}{extra})",
                            codes
                        ),
                    );
                    ok = false;
                    None
                }
            },
        };
        if let Some(o) = option {
            if !self.data.values.iter().any(|v| v.option == *o) {
                self.push(
                    Some(span.line_from(line, &format!("option = {o:?}"))),
                    &about,
                    "option",
                    format!("unknown option {o:?}: no value in {VALUES_FILE} has it"),
                );
                ok = false;
            }
        }
        ok.then(|| {
            (
                Coord {
                    question: question.clone(),
                    year,
                    population: pop,
                    option: option.clone(),
                },
                selected,
            )
        })
    }
}
