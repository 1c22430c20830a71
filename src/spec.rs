//! Chart specs: what each chart shows, as plain data built by one generic builder from a chart
//! definition (`data/charts.toml`, checked in `data::charts`), the validated data and the
//! catalog (titles, rows, series, highlight, notes, source line, takeaway). No drawing, no DOM.
//! A cell that was not published is `Cell::NotPublished`, never zero; a value computed here
//! (the remainder of a single-choice question) is marked `derived`.

use std::fmt;

use crate::colour::Rgb;
use crate::data::charts::{ChartDef, Coord, Each, RowsDef, SeriesDef, Show, Sort};
use crate::data::{
    Country, Dataset, Note, NoteKind, Population, Published, SourceKind, Unit, Value,
};
use crate::text::{self, Strings};
use crate::Snapshot;

pub use crate::data::charts::Kind;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueScale {
    Percent,
    Score { max: f64 },
}

impl ValueScale {
    fn of(unit: Unit) -> ValueScale {
        match unit {
            Unit::Percent => ValueScale::Percent,
            Unit::Score { max } => ValueScale::Score { max },
        }
    }
    /// A value as the chart labels it: "58.9%", "7.48".
    pub fn label(self, text: &str) -> String {
        match self {
            ValueScale::Percent => format!("{text}%"),
            ValueScale::Score { .. } => text.to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    /// One sentence a reader can repeat, numbers filled from the data.
    pub takeaway: String,
    /// What a bar measures: measure, base, population, year, unit.
    pub subtitle: String,
    pub scale: ValueScale,
    pub series: Vec<Series>,
    pub rows: Vec<Row>,
    pub notes: Vec<ChartNote>,
    pub source: SourceLine,
    /// Header of the table's first column.
    pub row_header: String,
    /// Words the chart draws for missing and derived cells.
    pub not_published: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    /// The series drawn in the full colour; the others in a lighter shade.
    pub emphasis: bool,
    /// A diverging chart's side: its colour role's shades (light theme, dark theme).
    pub colour: Option<(Rgb, Rgb)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// As drawn: short enough for a 320 px screen.
    pub label: String,
    /// As the table gives it.
    pub full_label: String,
    pub highlight: bool,
    /// One per series.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Shown(Shown),
    NotPublished,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub value: Published,
    /// Where it comes from; `None` for a value derived here.
    pub origin: Option<Origin>,
}

/// A published value's identity and provenance, for tables, exports and tooltips.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub question: String,
    pub option: String,
    pub year: u16,
    pub population: Population,
    pub unit: &'static str,
    pub base: String,
    pub sources: Vec<SourceLink>,
}

impl Cell {
    pub fn shown(&self) -> Option<&Shown> {
        match self {
            Cell::Shown(s) => Some(s),
            Cell::NotPublished => None,
        }
    }
    pub fn number(&self) -> Option<f64> {
        self.shown().map(|s| s.value.number())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartNote {
    /// What the note is about when narrower than the whole chart, e.g. "Japan, 2024".
    pub about: Option<String>,
    pub kind: NoteKind,
    pub text: String,
    pub sources: Vec<SourceLink>,
}

/// The survey a figure comes from and the publications where its numbers were read.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
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
    pub fn plain(&self, ui: &text::Ui) -> String {
        let names: Vec<&str> = self.read_in.iter().map(|s| s.name.as_str()).collect();
        format!(
            "{}: {}. {} {}.",
            ui.source,
            self.survey,
            ui.reported_by,
            names.join(", ")
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    UnknownChart(String),
    NoText(String),
    Placeholders(String, Vec<text::PlaceholderError>),
    /// A label key the chart definition uses that the chart's `words` lack.
    NoWord {
        chart: String,
        line: usize,
        key: String,
    },
    /// A row group of options found no region-wide value.
    NoValues {
        chart: String,
        line: usize,
        question: String,
        year: u16,
    },
    /// An editorial expectation (`[[chart.expect]]`) the data no longer meets.
    Expectation {
        chart: String,
        line: usize,
        row: String,
        want: usize,
        found: Option<usize>,
        top: String,
    },
    /// A remainder over options published to more than one decimal would be a rounding.
    Remainder {
        chart: String,
        line: usize,
    },
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::UnknownChart(id) => write!(f, "no chart has the id \"{id}\""),
            SpecError::NoText(id) => write!(
                f,
                "{}: chart {id:?} has no [chart.{id}] texts (expected title, takeaway, subtitle and row_header)",
                text::TEXT_FILE
            ),
            SpecError::Placeholders(id, errors) => {
                let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                write!(f, "{}: [chart.{id}]: {}", text::TEXT_FILE, list.join("; "))
            }
            SpecError::NoWord { chart, line, key } => write!(
                f,
                "{}:{line}: chart {chart:?}: label: {key:?} is not in [chart.{chart}] words of {} (expected a `{key} = \"...\"` entry there)",
                crate::data::CHARTS_FILE,
                text::TEXT_FILE
            ),
            SpecError::NoValues {
                chart,
                line,
                question,
                year,
            } => write!(
                f,
                "{}:{line}: chart {chart:?}: rows: question {question:?} has no region-wide values for {year} in {}",
                crate::data::CHARTS_FILE,
                crate::data::VALUES_FILE
            ),
            SpecError::Expectation {
                chart,
                line,
                row,
                want,
                found,
                top,
            } => {
                let found = match found {
                    Some(n) => format!("it is row {n}"),
                    None => "it is not a row of the chart".to_owned(),
                };
                write!(
                    f,
                    "{}:{line}: chart {chart:?}: expect: the text expects {row:?} at row {want}, but with the data {found} (the top row is {top:?})",
                    crate::data::CHARTS_FILE
                )
            }
            SpecError::Remainder { chart, line } => write!(
                f,
                "{}:{line}: chart {chart:?}: remainder: every option must be published to at most one decimal, so that the remainder is exact",
                crate::data::CHARTS_FILE
            ),
        }
    }
}

/// Builds one chart region-wide.
pub fn build(snap: &Snapshot, id: &str) -> Result<Chart, SpecError> {
    build_for(snap, id, None)
}

/// Builds one chart for a chosen country, as its selector says: the country's figures as
/// series (not published where none were found), or its row marked. A chart without a
/// selector is the same for every country.
pub fn build_for(snap: &Snapshot, id: &str, country: Option<Country>) -> Result<Chart, SpecError> {
    let def = snap
        .report
        .chart(id)
        .ok_or_else(|| SpecError::UnknownChart(id.to_owned()))?;
    let texts = snap
        .strings
        .charts
        .get(id)
        .ok_or_else(|| SpecError::NoText(id.to_owned()))?;
    let b = Builder {
        def,
        data: &snap.data,
        strings: &snap.strings,
        words: &texts.words,
        highlight: snap.report.highlight.as_deref(),
        country,
    };
    let (series_defs, sort_by) = match (&def.selector, country) {
        (Some(sel), Some(_)) if sel.show == Show::Series => (&sel.series, sel.sort_by),
        _ => (&def.series, def.sort_by),
    };
    let mut series = Vec::new();
    for sd in series_defs {
        series.push(Series {
            label: b.series_label(sd)?,
            emphasis: sd.emphasis,
            colour: sd
                .colour
                .and_then(|i| snap.report.colours.get(i))
                .map(|c| (c.light, c.dark)),
        });
    }
    let mut rows = Vec::new();
    for group in &def.rows {
        rows.extend(b.rows(group, series_defs, sort_by)?);
    }
    if def.remainder {
        rows.extend(b.remainder(&rows)?);
    }
    let question = series_defs
        .first()
        .map(|s| b.at(s, def.rows.first().map_or(&Coord::default(), |r| &r.at)))
        .and_then(|c| c.question)
        .and_then(|q| snap.data.question(&q).map(|(_, q)| q.unit))
        .unwrap_or(Unit::Percent);
    let fill =
        |t: &str| text::fill(t, &snap.data).map_err(|e| SpecError::Placeholders(id.to_owned(), e));
    let shown: Vec<&Value> = snap
        .data
        .values
        .iter()
        .filter(|v| {
            rows.iter().flat_map(|r| &r.cells).any(|c| {
                c.shown().and_then(|s| s.origin.as_ref()).is_some_and(|o| {
                    o.question == snap.data.questions[v.question].id
                        && o.year == v.year
                        && o.population == v.population
                        && o.option == v.option
                })
            })
        })
        .collect();
    Ok(Chart {
        id: def.id.clone(),
        kind: def.kind,
        title: fill(&texts.title)?,
        takeaway: fill(&texts.takeaway)?,
        subtitle: fill(&texts.subtitle)?,
        scale: ValueScale::of(question),
        series,
        rows,
        notes: chart_notes(&snap.data, &shown),
        source: source_line(&snap.data, &shown),
        row_header: texts.row_header.clone(),
        not_published: snap.strings.ui.not_published.clone(),
    })
}

/// The editorial expectations of a chart (`[[chart.expect]]`), checked on its region-wide
/// build; the build fails on any that the data no longer meets.
pub fn check_expectations(snap: &Snapshot, chart: &Chart) -> Vec<SpecError> {
    let Some(def) = snap.report.chart(&chart.id) else {
        return Vec::new();
    };
    let top = chart
        .rows
        .first()
        .map(|r| r.full_label.clone())
        .unwrap_or_default();
    def.expect
        .iter()
        .filter_map(|e| {
            let found = chart
                .rows
                .iter()
                .position(|r| r.full_label == e.row)
                .map(|i| i + 1);
            (found != Some(e.position)).then(|| SpecError::Expectation {
                chart: def.id.clone(),
                line: e.line,
                row: e.row.clone(),
                want: e.position,
                found,
                top: top.clone(),
            })
        })
        .collect()
}

struct Builder<'a> {
    def: &'a ChartDef,
    data: &'a Dataset,
    strings: &'a Strings,
    words: &'a std::collections::BTreeMap<String, String>,
    highlight: Option<&'a str>,
    country: Option<Country>,
}

impl<'a> Builder<'a> {
    fn word(&self, key: &str) -> Result<String, SpecError> {
        self.words
            .get(key)
            .cloned()
            .ok_or_else(|| SpecError::NoWord {
                chart: self.def.id.clone(),
                line: self.def.line,
                key: key.to_owned(),
            })
    }

    fn name(&self, p: Population) -> String {
        capitalise(self.data.name(p))
    }

    fn series_label(&self, sd: &SeriesDef) -> Result<String, SpecError> {
        if let Some(key) = &sd.label {
            return self.word(key);
        }
        let at = self.def.at.with(&sd.at);
        Ok(match (sd.selected, self.country) {
            (true, Some(c)) => self.name(Population::Country(c)),
            _ => match (&sd.at.year, &sd.at.population, &sd.at.option) {
                (Some(y), _, _) => y.to_string(),
                (None, Some(p), _) => self.name(*p),
                (None, None, Some(o)) => self.strings.label(o).to_owned(),
                _ => at.year.map(|y| y.to_string()).unwrap_or_default(),
            },
        })
    }

    /// Where a series reads a row group's cells (the population defaults to the region).
    fn at(&self, sd: &SeriesDef, group: &Coord) -> Coord {
        let mut at = self.def.at.with(&sd.at).with(group);
        if sd.selected {
            at.population = self.country.map(Population::Country);
        }
        at
    }

    fn cell(&self, at: &Coord) -> Cell {
        let (Some(q), Some(year), Some(option)) = (&at.question, at.year, &at.option) else {
            return Cell::NotPublished;
        };
        let population = at.population.unwrap_or_else(|| self.data.region());
        self.data
            .cells(q, year, population)
            .find(|v| v.option == *option)
            .map_or(Cell::NotPublished, |v| self.shown(v))
    }

    fn shown(&self, v: &Value) -> Cell {
        let q = &self.data.questions[v.question];
        Cell::Shown(Shown {
            value: v.value.clone(),
            origin: Some(Origin {
                question: q.id.clone(),
                option: v.option.clone(),
                year: v.year,
                population: v.population,
                unit: match q.unit {
                    Unit::Percent => "percent",
                    Unit::Score { .. } => "score",
                },
                base: q.base.clone(),
                sources: v.sources.iter().map(|&i| link(self.data, i)).collect(),
            }),
        })
    }

    fn highlighted(&self, option: &str) -> bool {
        self.highlight == Some(option)
    }

    fn rows(
        &self,
        group: &RowsDef,
        series: &[SeriesDef],
        sort_by: usize,
    ) -> Result<Vec<Row>, SpecError> {
        let mut rows = match group.each {
            Each::Option => self.option_rows(group, series)?,
            Each::Population => self.population_rows(group, series),
            Each::One => vec![self.one_row(group, series)?],
        };
        rows = match group.sort {
            Sort::Given => rows,
            Sort::Descending => rank(rows, sort_by),
            Sort::LeftSide => {
                let leans: Vec<f64> = rows
                    .iter()
                    .map(|r| {
                        r.cells[0]
                            .number()
                            .or_else(|| r.cells.get(1).and_then(Cell::number).map(|v| 100.0 - v))
                            .unwrap_or(50.0)
                    })
                    .collect();
                largest_first(rows, &leans)
            }
        };
        Ok(rows)
    }

    /// A row for every option any series has region-wide, in the data file's order.
    fn option_rows(&self, group: &RowsDef, series: &[SeriesDef]) -> Result<Vec<Row>, SpecError> {
        let region = self.data.region();
        let mut options: Vec<String> = Vec::new();
        for sd in series {
            let at = self.def.at.with(&sd.at).with(&group.at);
            let (Some(q), Some(y)) = (&at.question, at.year) else {
                continue;
            };
            for v in self.data.cells(q, y, region) {
                if !options.contains(&v.option) {
                    options.push(v.option.clone());
                }
            }
        }
        if options.is_empty() {
            let at = series
                .first()
                .map(|sd| self.def.at.with(&sd.at).with(&group.at))
                .unwrap_or_default();
            return Err(SpecError::NoValues {
                chart: self.def.id.clone(),
                line: self.def.line,
                question: at.question.unwrap_or_default(),
                year: at.year.unwrap_or_default(),
            });
        }
        Ok(options
            .iter()
            .map(|o| {
                let cells = series
                    .iter()
                    .map(|sd| {
                        let mut at = self.at(sd, &group.at);
                        at.option = Some(o.clone());
                        self.cell(&at)
                    })
                    .collect();
                Row {
                    label: self.strings.label(o).to_owned(),
                    full_label: o.clone(),
                    highlight: self.highlighted(o),
                    cells,
                }
            })
            .collect())
    }

    /// A row per population and year; the chosen country's row is marked when the selector
    /// says so.
    fn population_rows(&self, group: &RowsDef, series: &[SeriesDef]) -> Vec<Row> {
        let marks_row = self
            .def
            .selector
            .as_ref()
            .is_some_and(|s| s.show == Show::Row);
        let mut out = Vec::new();
        for &p in &group.populations {
            for &y in &group.years {
                let cells = series
                    .iter()
                    .map(|sd| {
                        let mut at = self.at(sd, &group.at);
                        at.population = Some(p);
                        at.year = Some(y);
                        self.cell(&at)
                    })
                    .collect();
                let label = text::template(
                    &self.strings.ui.row_population_year,
                    &[("population", &self.name(p)), ("year", &y.to_string())],
                );
                out.push(Row {
                    label: label.clone(),
                    full_label: label,
                    highlight: marks_row && self.country.map(Population::Country) == Some(p),
                    cells,
                });
            }
        }
        out
    }

    fn one_row(&self, group: &RowsDef, series: &[SeriesDef]) -> Result<Row, SpecError> {
        let cells: Vec<Cell> = series
            .iter()
            .map(|sd| self.cell(&self.at(sd, &group.at)))
            .collect();
        let option = group.at.option.clone().unwrap_or_default();
        let (label, full_label) = match &group.label {
            Some(key) => {
                let w = self.word(key)?;
                (w.clone(), w)
            }
            None => (self.strings.label(&option).to_owned(), option.clone()),
        };
        Ok(Row {
            label,
            full_label,
            highlight: self.highlighted(&option),
            cells,
        })
    }

    /// What the published options leave over, derived in tenths of a point (every option is
    /// published to one decimal, checked here); none when nothing is left.
    fn remainder(&self, rows: &[Row]) -> Result<Option<Row>, SpecError> {
        let mut tenths: i64 = 0;
        for c in rows.iter().filter_map(|r| r.cells[0].shown()) {
            if c.value.decimals() > 1 {
                return Err(SpecError::Remainder {
                    chart: self.def.id.clone(),
                    line: self.def.line,
                });
            }
            tenths += (c.value.number() * 10.0).round() as i64;
        }
        let remainder = 1000 - tenths;
        let ui = &self.strings.ui;
        Ok((remainder > 0).then(|| Row {
            label: ui.remainder.clone(),
            full_label: text::template(
                &ui.remainder_full,
                &[("remainder", &ui.remainder), ("derived", &ui.derived)],
            ),
            highlight: false,
            cells: vec![Cell::Shown(Shown {
                value: Published::from_tenths(remainder),
                origin: None,
            })],
        }))
    }
}

/// Largest first by one series; missing values last; equal values keep their order.
fn rank(rows: Vec<Row>, by: usize) -> Vec<Row> {
    let keys: Vec<f64> = rows
        .iter()
        .map(|r| r.cells[by].number().unwrap_or(f64::NEG_INFINITY))
        .collect();
    largest_first(rows, &keys)
}

/// `items` ordered by `keys`, largest first; equal keys keep their order. An insertion sort:
/// the lists are a dozen rows, and one small loop keeps the standard library's sort
/// machinery (several kilobytes per element type) out of the WASM.
fn largest_first<T>(items: Vec<T>, keys: &[f64]) -> Vec<T> {
    let mut order: Vec<usize> = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let at = order
            .iter()
            .position(|&j| k.total_cmp(&keys[j]).is_gt())
            .unwrap_or(order.len());
        order.insert(at, i);
    }
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

fn chart_notes(data: &Dataset, shown: &[&Value]) -> Vec<ChartNote> {
    data.notes_for(shown)
        .map(|n: &Note| ChartNote {
            about: about(data, n),
            kind: n.kind,
            text: n.text.clone(),
            sources: n.sources.iter().map(|&i| link(data, i)).collect(),
        })
        .collect()
}

/// "Japan, 2024", "Cambodia, 2024", "2025" or nothing for a note on the whole question.
fn about(data: &Dataset, n: &Note) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(o) = &n.option {
        parts.push(o.clone());
    }
    if let Some(p @ Population::Country(_)) = n.population {
        parts.push(capitalise(data.name(p)));
    }
    if let Some(y) = n.year {
        parts.push(y.to_string());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// How a source is named and linked wherever it is cited.
pub fn link(data: &Dataset, source: usize) -> SourceLink {
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

/// The survey, and every publication a shown value was read in, in first-use order.
fn source_line(data: &Dataset, shown: &[&Value]) -> SourceLine {
    let mut ids: Vec<usize> = Vec::new();
    for s in shown.iter().flat_map(|v| &v.sources) {
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

/// A name as it starts a label: "The Philippines". Country and measure names are ASCII;
/// anything else is left as it is (this keeps Unicode case tables out of the WASM).
pub fn capitalise(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// A chart built from the real data, for the crate's tests.
#[cfg(test)]
pub(crate) fn for_tests(id: &str) -> Chart {
    let b = crate::test_data();
    build(&b, id).unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_first_keeps_equal_keys_in_their_order() {
        let keys = [1.0, 3.0, f64::NEG_INFINITY, 3.0, 2.0];
        let items = vec!['a', 'b', 'c', 'd', 'e'];
        assert_eq!(largest_first(items, &keys), vec!['b', 'd', 'e', 'a', 'c']);
    }

    fn chart(id: &str) -> Chart {
        for_tests(id)
    }

    fn labels(c: &Chart) -> Vec<&str> {
        c.rows.iter().map(|r| r.full_label.as_str()).collect()
    }

    fn texts(c: &Chart, series: usize) -> Vec<Option<&str>> {
        c.rows
            .iter()
            .map(|r| r.cells[series].shown().map(|s| s.value.text()))
            .collect()
    }

    #[test]
    fn trust_2024_is_ranked_with_japan_highlighted_and_distrust_where_published() {
        let c = chart("trust-2024");
        assert_eq!(
            labels(&c),
            ["Japan", "United States", "European Union", "China", "India"]
        );
        assert_eq!(
            texts(&c, 0),
            [
                Some("58.9"),
                Some("42.4"),
                Some("41.5"),
                Some("24.8"),
                Some("24.2")
            ]
        );
        assert_eq!(texts(&c, 1), [None, Some("37.6"), None, Some("50.1"), None]);
        assert!(c.rows[0].highlight && c.rows[1..].iter().all(|r| !r.highlight));
    }

    #[test]
    fn the_alignment_chart_never_fills_a_side_by_subtraction() {
        let c = chart("alignment-by-country");
        assert_eq!(c.kind, Kind::Diverging);
        let row = |name: &str| c.rows.iter().find(|r| r.label == name).unwrap();
        // Malaysia: only the China side was read.
        assert_eq!(row("Malaysia 2024").cells[0].number(), Some(75.1));
        assert_eq!(row("Malaysia 2024").cells[1], Cell::NotPublished);
        // Myanmar: only the US side.
        assert_eq!(row("Myanmar 2024").cells[0], Cell::NotPublished);
        assert_eq!(row("ASEAN 2024").cells[0].number(), Some(50.5));
        assert_eq!(c.rows.len(), 13);
    }

    #[test]
    fn the_remainder_is_derived_and_marked_so() {
        let c = chart("rivalry-response");
        let last = c.rows.last().unwrap();
        let Cell::Shown(s) = &last.cells[0] else {
            panic!("remainder shown")
        };
        assert_eq!(s.value.text(), "16.1");
        assert!(s.origin.is_none(), "a derived value cites no source");
        assert!(last.full_label.contains("derived"));
    }

    #[test]
    fn every_chart_builds_with_labels_that_fit_a_phone() {
        let b = crate::test_data();
        for id in b.report.ids() {
            let c = chart(id);
            assert!(!c.rows.is_empty(), "{id}");
            for r in &c.rows {
                assert!(
                    r.label.chars().count() <= 32,
                    "{id}: label {:?} too long",
                    r.label
                );
                assert_eq!(r.cells.len(), c.series.len(), "{id}");
            }
        }
    }

    #[test]
    fn a_chosen_country_shows_its_own_figures_or_says_they_were_not_published() {
        let b = crate::test_data();
        let th = b.data.country("TH");
        let c = build_for(&b, "trust-2024", th).unwrap();
        assert_eq!(c.series[1].label, "Thailand");
        assert_eq!(c.rows[0].cells[1].number(), Some(65.1), "Japan in Thailand");
        assert_eq!(c.rows[1].cells[1], Cell::NotPublished, "the US in Thailand");
        let a = build_for(&b, "alignment-by-country", th).unwrap();
        let lit: Vec<&str> = a
            .rows
            .iter()
            .filter(|r| r.highlight)
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(lit, ["Thailand 2024"]);
        // Brunei: nothing on trust was found, and nothing is made up.
        let bn = build_for(&b, "trust-2024", b.data.country("BN")).unwrap();
        assert!(bn.rows.iter().all(|r| r.cells[1] == Cell::NotPublished));
    }

    #[test]
    fn an_unknown_chart_is_an_error() {
        let b = crate::test_data();
        assert_eq!(
            build(&b, "nope").unwrap_err().to_string(),
            "no chart has the id \"nope\""
        );
    }
}
