//! The chart definitions (`charts.toml`): the report's sections, highlight and colour roles,
//! and every chart as data (kind, series, row groups, sort, selector, expectations). Checked
//! here against the validated `Dataset`, once; `spec` builds charts from the result and may
//! rely on every question, year, population and option resolving.

mod check;
mod kinds;
mod shape;

use super::model::Population;
use crate::colour::Rgb;

pub(crate) use check::build;

/// The report's shape and its charts.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Section ids in page order: the anchors other sites link to.
    pub sections: Vec<String>,
    /// Language tags of the editions (`[report] editions`); the first is the original, at the
    /// site's root, the others at `/LANG/`.
    pub editions: Vec<String>,
    /// The option drawn in the accent colour wherever it is a row (e.g. "Japan").
    pub highlight: Option<String>,
    /// The date of this release (`[report] updated`), where given.
    pub updated: Option<crate::data::PubDate>,
    /// Who publishes the report (`[report] publisher`), where given.
    pub publisher: Option<String>,
    pub colours: Vec<Colour>,
    pub charts: Vec<ChartDef>,
}

impl Report {
    pub fn chart(&self, id: &str) -> Option<&ChartDef> {
        self.charts.iter().find(|c| c.id == id)
    }
    /// Whether chart `id` has a country selector.
    pub fn has_selector(&self, id: &str) -> bool {
        self.chart(id).is_some_and(|c| c.selector.is_some())
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
    /// A measure over years: one line per series, a point per year (rows `each = "year"`).
    Line,
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
    /// A row per year (a line chart's points, left to right).
    Year,
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
