//! The chart definitions (`charts.toml`): the report's sections, highlight and colour roles,
//! and every chart as data (kind, series, row groups, sort, selector, expectations). Checked
//! here against the validated `Dataset`, once; `spec` builds charts from the result and may
//! rely on every question, year, population and option resolving.

use super::model::{Dataset, Population, QuestionKind, Unit};
use super::raw::{ChartsFile, RawChart, RawRows, RawSelector, RawSeries};
use super::validate::{parse_toml, table_lines, Problems};
use super::{Files, CHARTS_FILE, SURVEY_FILE, VALUES_FILE};
use crate::colour::{contrast, Rgb, DARK_BACKGROUND, LIGHT_BACKGROUND, MARK_CONTRAST};

/// The report's shape and its charts.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Section ids in page order: the anchors other sites link to.
    pub sections: Vec<String>,
    /// The option drawn in the accent colour wherever it is a row (e.g. "Japan").
    pub highlight: Option<String>,
    pub colours: Vec<Colour>,
    pub charts: Vec<ChartDef>,
}

impl Report {
    pub fn chart(&self, id: &str) -> Option<&ChartDef> {
        self.charts.iter().find(|c| c.id == id)
    }
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.charts.iter().map(|c| c.id.as_str())
    }
}

/// A colour role: what a diverging chart's side is drawn in, in each theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Colour {
    pub role: String,
    pub light: Rgb,
    pub dark: Rgb,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Horizontal bars from zero, one bar per series in each row.
    Bars,
    /// Two sides from a centre line (series 0 to the left, series 1 to the right).
    Diverging,
}

/// Where a value is read. Each field may be set by the chart, a series or a row group; the
/// most specific wins (row over series over chart). The population defaults to the region.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coord {
    pub question: Option<String>,
    pub year: Option<u16>,
    pub population: Option<Population>,
    pub option: Option<String>,
}

impl Coord {
    /// `self` with the fields `over` sets replacing its own.
    pub fn with(&self, over: &Coord) -> Coord {
        Coord {
            question: over.question.clone().or_else(|| self.question.clone()),
            year: over.year.or(self.year),
            population: over.population.or(self.population),
            option: over.option.clone().or_else(|| self.option.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeriesDef {
    /// A key of the chart's `words` in the text catalog; `None`: the year, population or
    /// option the series sets.
    pub label: Option<String>,
    pub at: Coord,
    /// The population is the one the reader chose (selector series only).
    pub selected: bool,
    pub emphasis: bool,
    /// Index into `Report::colours` (a diverging chart's side).
    pub colour: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Each {
    /// A row per option published region-wide for any series.
    Option,
    /// A row per population and year.
    Population,
    /// One row, at `RowsDef::at`.
    One,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// In the order given (the data file's order for options).
    Given,
    /// Largest first by the chart's `sort_by` series; missing values last.
    Descending,
    /// Diverging: by the left side's share, largest first; where only the right side was
    /// published, by 100 minus it; rows with neither in the middle. For order only.
    LeftSide,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowsDef {
    pub each: Each,
    pub populations: Vec<Population>,
    pub years: Vec<u16>,
    pub sort: Sort,
    /// One row's label: a key of the chart's `words`; `None`: its option's label.
    pub label: Option<String>,
    pub at: Coord,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// The chosen country's figures as series (`Selector::series` replaces the chart's).
    Series,
    /// The chosen country's row is marked.
    Row,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Selector {
    pub show: Show,
    pub series: Vec<SeriesDef>,
    pub sort_by: usize,
}

/// An editorial expectation the build checks: `row` is at `position` (1 = top).
#[derive(Debug, Clone, PartialEq)]
pub struct Expect {
    pub row: String,
    pub position: usize,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartDef {
    pub id: String,
    pub kind: Kind,
    pub at: Coord,
    pub series: Vec<SeriesDef>,
    pub rows: Vec<RowsDef>,
    pub sort_by: usize,
    /// A derived row: what the published options of a single-choice question leave over.
    pub remainder: bool,
    pub selector: Option<Selector>,
    pub expect: Vec<Expect>,
    /// The line of its `[[chart]]` header, for messages.
    pub line: usize,
}

/// Lines `[from, to)` of the n-th `[[chart]]` table.
struct Span<'t> {
    text: &'t str,
    from: usize,
    to: usize,
}

impl Span<'_> {
    /// The first line in the chart's table containing `needle`, else its header's line.
    fn line_of(&self, needle: &str) -> usize {
        self.text
            .lines()
            .enumerate()
            .skip(self.from - 1)
            .take(self.to - self.from)
            .find(|(_, l)| l.contains(needle))
            .map_or(self.from, |(i, _)| i + 1)
    }
    /// The first line at or after `from` in the chart's table containing `needle`, else `from`.
    fn line_from(&self, from: usize, needle: &str) -> usize {
        self.text
            .lines()
            .enumerate()
            .skip(from.max(self.from) - 1)
            .take(self.to.saturating_sub(from.max(self.from)))
            .find(|(_, l)| l.contains(needle))
            .map_or(from, |(i, _)| i + 1)
    }
    /// The line of the n-th `header` inside the chart's table.
    fn nth(&self, header: &str, n: usize) -> usize {
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
        highlight: file.report.highlight,
        colours,
        charts,
    })
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// 2.96 -> "2.9" (never rounded up past a limit it fails).
fn tenths(v: f64) -> String {
    let t = (v * 10.0).floor() as i64;
    format!("{}.{}", t / 10, t % 10)
}

struct Checker<'a, 'r, 'd> {
    data: &'a Dataset,
    report: &'r mut Problems<'d>,
}

impl Checker<'_, '_, '_> {
    fn push(
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
    fn coord(
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
                    let codes: Vec<&str> = self
                        .data
                        .populations
                        .iter()
                        .map(|p| p.code.as_str())
                        .collect();
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
                            codes.join(", ")
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

    fn series(
        &mut self,
        id: &str,
        span: &Span,
        list: &[RawSeries],
        colours: &[Colour],
        allow_selected: bool,
    ) -> Option<Vec<SeriesDef>> {
        let mut out = Vec::new();
        let mut ok = true;
        for s in list {
            // An inline table: its line is the one that names its label or question.
            let needle = s
                .label
                .as_ref()
                .or(s.question.as_ref())
                .or(s.option.as_ref())
                .map(|v| format!("{v:?}"))
                .unwrap_or_else(|| "series".into());
            let line = span.line_of(&needle);
            let colour = match &s.colour {
                None => None,
                Some(role) => match colours.iter().position(|c| c.role == *role) {
                    Some(i) => Some(i),
                    None => {
                        let roles: Vec<&str> = colours.iter().map(|c| c.role.as_str()).collect();
                        self.push(
                            Some(line),
                            &[("chart", id)],
                            "colour",
                            format!(
                                "unknown colour role {role:?} (expected one of the [[colour]] roles: {})",
                                roles.join(", ")
                            ),
                        );
                        ok = false;
                        None
                    }
                },
            };
            match self.coord(
                id,
                span,
                line,
                &s.question,
                s.year,
                &s.population,
                &s.option,
                allow_selected,
            ) {
                Some((at, selected)) => out.push(SeriesDef {
                    label: s.label.clone(),
                    at,
                    selected,
                    emphasis: s.emphasis,
                    colour,
                }),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn rows(&mut self, id: &str, span: &Span, line: usize, r: &RawRows) -> Option<RowsDef> {
        let about = [("chart", id)];
        let each = match r.each.as_deref() {
            None => Each::One,
            Some("option") => Each::Option,
            Some("population") => Each::Population,
            Some(other) => {
                self.push(
                    Some(line),
                    &about,
                    "each",
                    format!("unknown row kind {other:?} (expected \"option\" or \"population\", or no `each` for one row)"),
                );
                return None;
            }
        };
        let sort = match r.sort.as_deref() {
            None | Some("given") => Sort::Given,
            Some("descending") => Sort::Descending,
            Some("left-side") => Sort::LeftSide,
            Some(other) => {
                self.push(
                    Some(line),
                    &about,
                    "sort",
                    format!("unknown sort {other:?} (expected \"given\", \"descending\" or \"left-side\")"),
                );
                return None;
            }
        };
        let (at, _) = self.coord(
            id,
            span,
            line,
            &r.question,
            r.year,
            &r.population,
            &r.option,
            false,
        )?;
        let mut populations = Vec::new();
        let mut years = Vec::new();
        if each == Each::Population {
            if r.members {
                populations.extend(self.data.members().map(Population::Country));
            }
            for code in r.populations.iter().flatten() {
                match self.data.population(code) {
                    Some(p) => populations.push(p),
                    None => {
                        let codes: Vec<&str> = self
                            .data
                            .populations
                            .iter()
                            .map(|p| p.code.as_str())
                            .collect();
                        self.push(
                            Some(line),
                            &about,
                            "populations",
                            format!(
                                "unknown population {code:?} (expected one of {})",
                                codes.join(", ")
                            ),
                        );
                        return None;
                    }
                }
            }
            years = r.years.clone().unwrap_or_default();
            for y in &years {
                if !self.data.survey.editions.contains(y) {
                    self.push(
                        Some(line),
                        &about,
                        "years",
                        format!(
                            "{y} is not one of the survey's editions {:?}",
                            self.data.survey.editions
                        ),
                    );
                    return None;
                }
            }
            if populations.is_empty() || years.is_empty() {
                self.push(
                    Some(line),
                    &about,
                    "populations",
                    "rows for each population need `populations` (or `members = true`) and `years`",
                );
                return None;
            }
        } else if r.populations.is_some() || r.members || r.years.is_some() {
            self.push(
                Some(line),
                &about,
                "each",
                "`populations`, `members` and `years` belong to rows with each = \"population\"",
            );
            return None;
        }
        if each == Each::One && r.sort.is_some() {
            self.push(
                Some(line),
                &about,
                "sort",
                "a single row has nothing to sort",
            );
            return None;
        }
        Some(RowsDef {
            each,
            populations,
            years,
            sort,
            label: r.label.clone(),
            at,
        })
    }

    fn chart(&mut self, raw: &RawChart, span: &Span, colours: &[Colour]) -> Option<ChartDef> {
        let id = raw.id.as_str();
        let about = [("chart", id)];
        let head = span.from;
        let mut ok = true;
        if !is_slug(id) {
            self.push(
                Some(head),
                &about,
                "id",
                "expected lower-case letters, digits and hyphens",
            );
            ok = false;
        }
        let kind = match raw.kind.as_str() {
            "bars" => Some(Kind::Bars),
            "diverging" => Some(Kind::Diverging),
            other => {
                self.push(
                    Some(span.line_of("kind")),
                    &about,
                    "kind",
                    format!("unknown kind {other:?} (expected \"bars\" or \"diverging\")"),
                );
                None
            }
        };
        let chart_at = self.coord(
            id,
            span,
            head,
            &raw.question,
            raw.year,
            &raw.population,
            &None,
            false,
        );
        let series = self.series(id, span, &raw.series, colours, false);
        if raw.series.is_empty() {
            self.push(Some(head), &about, "series", "expected at least one series");
            ok = false;
        }
        let mut rows = Vec::new();
        for (i, r) in raw.rows.iter().enumerate() {
            let line = span.nth("[[chart.rows]]", i);
            match self.rows(id, span, line, r) {
                Some(def) => rows.push(def),
                None => ok = false,
            }
        }
        if raw.rows.is_empty() && !raw.remainder {
            self.push(
                Some(head),
                &about,
                "rows",
                "expected at least one [[chart.rows]] group",
            );
            ok = false;
        }
        let selector = match &raw.selector {
            None => Some(None),
            Some(s) => self.selector(id, span, s, colours).map(Some),
        };
        let (Some(kind), Some((chart_at, _)), Some(series), Some(selector), true) =
            (kind, chart_at, series, selector, ok)
        else {
            return None;
        };
        let sort_by = raw.sort_by.unwrap_or(0);
        if sort_by >= series.len() {
            self.push(
                Some(span.line_of("sort_by")),
                &about,
                "sort_by",
                format!(
                    "series {sort_by} does not exist (series are numbered from 0; this chart has {})",
                    series.len()
                ),
            );
            return None;
        }
        let expect = raw
            .expect
            .iter()
            .enumerate()
            .map(|(i, e)| Expect {
                row: e.row.clone(),
                position: e.position,
                line: span.nth("[[chart.expect]]", i),
            })
            .collect();
        let def = ChartDef {
            id: id.to_owned(),
            kind,
            at: chart_at,
            series,
            rows,
            sort_by,
            remainder: raw.remainder,
            selector,
            expect,
            line: head,
        };
        self.shape(&def, span).then_some(def)
    }

    fn selector(
        &mut self,
        id: &str,
        span: &Span,
        s: &RawSelector,
        colours: &[Colour],
    ) -> Option<Selector> {
        let line = span.line_of("[chart.selector]");
        let show = match s.show.as_str() {
            "series" => Show::Series,
            "row" => Show::Row,
            other => {
                self.push(
                    Some(line),
                    &[("chart", id)],
                    "show",
                    format!("unknown selector {other:?} (expected \"series\" or \"row\")"),
                );
                return None;
            }
        };
        let series = match (&s.series, show) {
            (Some(list), Show::Series) => self.series(id, span, list, colours, true)?,
            (None, Show::Series) => {
                self.push(
                    Some(line),
                    &[("chart", id)],
                    "series",
                    "a selector with show = \"series\" needs the series to show for a chosen country",
                );
                return None;
            }
            (Some(_), Show::Row) => {
                self.push(
                    Some(line),
                    &[("chart", id)],
                    "series",
                    "a selector with show = \"row\" marks a row and takes no series",
                );
                return None;
            }
            (None, Show::Row) => Vec::new(),
        };
        Some(Selector {
            show,
            series,
            sort_by: s.sort_by.unwrap_or(0),
        })
    }

    /// What the kind, the rows and the selector need of the data.
    fn shape(&mut self, c: &ChartDef, span: &Span) -> bool {
        let about = [("chart", c.id.as_str())];
        let head = Some(c.line);
        let before = self.report.0.len();
        // Every cell resolves to a question and a year; all share one unit.
        let mut units: Vec<(Unit, String)> = Vec::new();
        let mut questions: Vec<String> = Vec::new();
        let all_series = c
            .series
            .iter()
            .chain(c.selector.iter().flat_map(|s| &s.series));
        for (si, s) in all_series.enumerate() {
            let groups: Vec<Coord> = if c.rows.is_empty() {
                vec![Coord::default()]
            } else {
                c.rows.iter().map(|r| r.at.clone()).collect()
            };
            for (ri, (g, r)) in groups
                .iter()
                .zip(c.rows.iter().map(Some).chain(std::iter::repeat(None)))
                .enumerate()
            {
                let at = c.at.with(&s.at).with(g);
                let by_population = r.is_some_and(|r| r.each == Each::Population);
                let Some(q) = &at.question else {
                    self.push(head, &about, "question", format!("series {si} with row group {ri} has no question (expected `question` on the chart, the series or the rows)"));
                    continue;
                };
                if at.year.is_none() && !by_population {
                    self.push(head, &about, "year", format!("series {si} with row group {ri} has no year (expected `year` on the chart, the series or the rows)"));
                }
                if let Some((_, question)) = self.data.question(q) {
                    if !units.iter().any(|(u, _)| *u == question.unit) {
                        units.push((question.unit, q.clone()));
                    }
                    if !questions.contains(q) {
                        questions.push(q.clone());
                    }
                }
            }
        }
        if units.len() > 1 {
            let names: Vec<&str> = units.iter().map(|(_, q)| q.as_str()).collect();
            self.push(
                head,
                &about,
                "kind",
                format!(
                    "a chart draws one scale, and its questions have different units ({})",
                    names.join(", ")
                ),
            );
        }
        let single_choice_percent = |data: &Dataset, q: &str| {
            data.question(q).is_some_and(|(_, q)| {
                q.kind == QuestionKind::SingleChoice && q.unit == Unit::Percent
            })
        };
        match c.kind {
            Kind::Diverging => {
                if c.series.len() != 2 || c.series.iter().any(|s| s.colour.is_none()) {
                    self.push(
                        head,
                        &about,
                        "kind",
                        format!(
                            "a diverging chart has exactly two sides, each a series with a colour role; found {} series, {} with a colour",
                            c.series.len(),
                            c.series.iter().filter(|s| s.colour.is_some()).count()
                        ),
                    );
                }
                for q in &questions {
                    if !single_choice_percent(self.data, q) {
                        self.push(
                            head,
                            &about,
                            "kind",
                            format!("a diverging chart shows two shares of one single-choice question in percent; {q:?} is not one"),
                        );
                    }
                }
                if c.remainder {
                    self.push(
                        head,
                        &about,
                        "remainder",
                        "a diverging chart has no remainder row",
                    );
                }
            }
            Kind::Bars => {
                if c.series.iter().any(|s| s.colour.is_some()) {
                    self.push(
                        Some(span.line_of("colour")),
                        &about,
                        "colour",
                        "colour roles are for a diverging chart's two sides; bars are drawn in the highlight and neutral colours",
                    );
                }
                if c.rows.iter().any(|r| r.sort == Sort::LeftSide) {
                    self.push(
                        Some(span.line_of("left-side")),
                        &about,
                        "sort",
                        "sort = \"left-side\" orders a diverging chart's rows; bars use \"descending\" or \"given\"",
                    );
                }
                if c.remainder
                    && (c.series.len() != 1
                        || !questions
                            .iter()
                            .all(|q| single_choice_percent(self.data, q)))
                {
                    self.push(
                        Some(span.line_of("remainder")),
                        &about,
                        "remainder",
                        "a remainder is what the options of one single-choice question in percent leave over: it needs one series of such a question",
                    );
                }
            }
        }
        if let Some(sel) = &c.selector {
            let line = Some(span.line_of("[chart.selector]"));
            // The questions whose per-country figures the selector shows.
            let shown: Vec<String> = match sel.show {
                Show::Series => sel
                    .series
                    .iter()
                    .filter(|s| s.selected)
                    .filter_map(|s| c.at.with(&s.at).question)
                    .collect(),
                Show::Row => c.at.question.iter().cloned().collect(),
            };
            if sel.show == Show::Series && shown.is_empty() {
                self.push(
                    line,
                    &about,
                    "series",
                    "no selector series has population = \"selected\"",
                );
            }
            if sel.show == Show::Series && sel.sort_by >= sel.series.len() {
                self.push(
                    line,
                    &about,
                    "sort_by",
                    format!(
                        "series {} does not exist in the selector's series",
                        sel.sort_by
                    ),
                );
            }
            if sel.show == Show::Row
                && !c.rows.iter().any(|r| {
                    r.each == Each::Population && r.populations.iter().any(|p| !p.is_region())
                })
            {
                self.push(line, &about, "show", "show = \"row\" marks a country's row: the chart needs rows for each member state");
            }
            for q in &shown {
                let per_country =
                    self.data.values.iter().any(|v| {
                        self.data.questions[v.question].id == *q && !v.population.is_region()
                    });
                if !per_country {
                    self.push(
                        line,
                        &about,
                        "selector",
                        format!("question {q:?} has no per-country figures in {VALUES_FILE}, so a country selector would show nothing"),
                    );
                }
            }
        }
        self.report.0.len() == before
    }
}
