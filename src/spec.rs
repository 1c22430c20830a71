//! Chart specs: what each chart shows, as plain data built from the validated model and the
//! catalog (titles, rows, series, highlight, notes, source line, takeaway). No drawing, no DOM.
//! A cell that was not published is `Cell::NotPublished`, never zero; a value computed here
//! (the remainder of a single-choice question) is marked `derived`.

use std::fmt;

use crate::data::{
    Country, Dataset, Need, Note, NoteKind, Population, Published, SourceKind, Unit, Value,
};
use crate::text::{self, Strings};

/// The option every chart highlights with the accent colour.
pub const HIGHLIGHT: &str = "Japan";

/// Every chart the page can show, by the id used in `figure[data-chart=ID]`.
pub const CHART_IDS: &[&str] = &[
    "trust-2024",
    "trust-trend",
    "china-distrust-reason",
    "japan-trust-reasons",
    "rivalry-response",
    "third-party-partner",
    "alignment-by-country",
    "strategic-relevance",
    "influence",
    "travel-destination",
    "live-work",
];

const fn need(chart: &'static str, question: &'static str) -> Need {
    Need { chart, question }
}

/// The questions each chart needs; checked with the data, so a missing one fails the build.
pub const NEEDS: &[Need] = &[
    need("trust-2024", "trust"),
    need("trust-2024", "distrust"),
    need("trust-trend", "trust"),
    need("china-distrust-reason", "distrust"),
    need("china-distrust-reason", "reasons_distrust_china"),
    need("japan-trust-reasons", "reasons_trust_japan"),
    need("rivalry-response", "response_to_rivalry"),
    need("third-party-partner", "preferred_third_party"),
    need("alignment-by-country", "forced_choice"),
    need("strategic-relevance", "strategic_relevance"),
    need("influence", "influential_economic_power"),
    need("influence", "influential_political_power"),
    need("travel-destination", "travel_destination"),
    need("live-work", "live_work_destination"),
];

/// The ten member states in the survey's averages, in the order a table lists them.
pub const ASEAN_10: [&str; 10] = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Horizontal bars from zero, one bar per series in each row.
    Bars,
    /// Two sides from a centre line (series 0 to the left, series 1 to the right).
    Diverging,
}

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
    pub id: &'static str,
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
    NoText(&'static str),
    Placeholders(&'static str, Vec<text::PlaceholderError>),
    MissingQuestion(&'static str, &'static str),
    NoValues(&'static str, &'static str, u16),
    Premise(&'static str, String),
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::UnknownChart(id) => write!(f, "no chart has the id \"{id}\""),
            SpecError::NoText(id) => write!(
                f,
                "chart \"{id}\" has no [chart.{id}] texts in {}",
                text::TEXT_FILE
            ),
            SpecError::Placeholders(id, errors) => {
                let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                write!(f, "{}: [chart.{id}]: {}", text::TEXT_FILE, list.join("; "))
            }
            SpecError::MissingQuestion(chart, q) => write!(
                f,
                "chart \"{chart}\" needs question \"{q}\", which data/survey.toml does not define"
            ),
            SpecError::NoValues(chart, q, year) => write!(
                f,
                "chart \"{chart}\" needs ASEAN values of question \"{q}\" for {year}, and data/values.csv has none"
            ),
            SpecError::Premise(chart, what) => write!(f, "chart \"{chart}\": {what}"),
        }
    }
}

/// The charts that change with the reader's choice of country.
pub const COUNTRY_CHARTS: &[&str] = &["trust-2024", "alignment-by-country"];

/// Builds one chart from the data and the catalog, ASEAN-wide.
pub fn build(id: &str, data: &Dataset, strings: &Strings) -> Result<Chart, SpecError> {
    build_for(id, data, strings, None)
}

/// Builds one chart for a chosen country: trust-2024 adds the country's own figures beside the
/// ASEAN-wide ones (not published where the survey's figures for it were not found), and the
/// forced choice highlights the country's row. Other charts are ASEAN-wide only.
pub fn build_for(
    id: &str,
    data: &Dataset,
    strings: &Strings,
    country: Option<Country>,
) -> Result<Chart, SpecError> {
    let id: &'static str = CHART_IDS
        .iter()
        .find(|c| **c == id)
        .ok_or_else(|| SpecError::UnknownChart(id.to_owned()))?;
    let b = Builder {
        id,
        data,
        strings,
        country,
    };
    let ui = &strings.ui;
    match id {
        "trust-2024" => b.trust_2024(),
        "trust-trend" => b.trust_trend(),
        "china-distrust-reason" => b.china_distrust_reason(),
        "japan-trust-reasons" => {
            b.by_year("reasons_trust_japan", &[2024, 2025], 2024, &ui.row_answer)
        }
        "rivalry-response" => b.rivalry_response(),
        "third-party-partner" => {
            b.by_year("preferred_third_party", &[2024, 2025], 2025, &ui.row_power)
        }
        "alignment-by-country" => b.alignment(),
        "strategic-relevance" => {
            b.by_year("strategic_relevance", &[2024, 2025], 2024, &ui.row_power)
        }
        "influence" => b.influence(),
        "travel-destination" => b.by_year("travel_destination", &[2024], 2024, &ui.row_answer),
        "live-work" => b.live_work(),
        _ => Err(SpecError::UnknownChart(id.to_owned())),
    }
}

struct Builder<'a> {
    id: &'static str,
    data: &'a Dataset,
    strings: &'a Strings,
    country: Option<Country>,
}

/// One series: the values of one question and year.
struct SeriesDef {
    label: String,
    question: &'static str,
    year: u16,
    emphasis: bool,
}

impl<'a> Builder<'a> {
    fn question(&self, q: &'static str) -> Result<&'a crate::data::Question, SpecError> {
        self.data
            .question(q)
            .map(|(_, q)| q)
            .ok_or(SpecError::MissingQuestion(self.id, q))
    }

    fn asean(&self, q: &'static str, year: u16) -> Result<Vec<&'a Value>, SpecError> {
        let cells: Vec<&Value> = self.data.cells(q, year, Population::Asean).collect();
        if cells.is_empty() {
            return Err(SpecError::NoValues(self.id, q, year));
        }
        Ok(cells)
    }

    fn cell(&self, q: &str, year: u16, population: Population, option: &str) -> Cell {
        self.data
            .cells(q, year, population)
            .find(|v| v.option == option)
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

    fn row(&self, option: &str, cells: Vec<Cell>) -> Row {
        Row {
            label: self.strings.label(option).to_owned(),
            full_label: option.to_owned(),
            highlight: option == HIGHLIGHT,
            cells,
        }
    }

    fn series(&self, defs: &[SeriesDef]) -> Vec<Series> {
        defs.iter()
            .map(|d| Series {
                label: d.label.clone(),
                emphasis: d.emphasis,
            })
            .collect()
    }

    /// Rows for every option of the first series' question, ranked by the ranking series,
    /// with every series' cell (or not published).
    fn option_rows(&self, defs: &[SeriesDef], rank_by: usize) -> Result<Vec<Row>, SpecError> {
        let mut options: Vec<String> = Vec::new();
        for d in defs {
            for v in self.asean(d.question, d.year).unwrap_or_default() {
                if !options.contains(&v.option) {
                    options.push(v.option.clone());
                }
            }
        }
        if options.is_empty() {
            let d = &defs[rank_by];
            return Err(SpecError::NoValues(self.id, d.question, d.year));
        }
        let mut rows: Vec<Row> = options
            .iter()
            .map(|o| {
                let cells = defs
                    .iter()
                    .map(|d| self.cell(d.question, d.year, Population::Asean, o))
                    .collect();
                self.row(o, cells)
            })
            .collect();
        rows = rank(rows, rank_by);
        Ok(rows)
    }

    fn finish(
        &self,
        kind: Kind,
        scale_of: &'static str,
        series: Vec<Series>,
        rows: Vec<Row>,
        row_header: String,
    ) -> Result<Chart, SpecError> {
        let texts = self
            .strings
            .charts
            .get(self.id)
            .ok_or(SpecError::NoText(self.id))?;
        let fill =
            |t: &str| text::fill(t, self.data).map_err(|e| SpecError::Placeholders(self.id, e));
        let shown: Vec<&Value> = self
            .data
            .values
            .iter()
            .filter(|v| {
                rows.iter().flat_map(|r| &r.cells).any(|c| {
                    c.shown().and_then(|s| s.origin.as_ref()).is_some_and(|o| {
                        o.question == self.data.questions[v.question].id
                            && o.year == v.year
                            && o.population == v.population
                            && o.option == v.option
                    })
                })
            })
            .collect();
        Ok(Chart {
            id: self.id,
            kind,
            title: fill(&texts.title)?,
            takeaway: fill(&texts.takeaway)?,
            subtitle: fill(&texts.subtitle)?,
            scale: ValueScale::of(self.question(scale_of)?.unit),
            series,
            rows,
            notes: chart_notes(self.data, &shown),
            source: source_line(self.data, &shown),
            row_header,
            not_published: self.strings.ui.not_published.clone(),
        })
    }

    fn def(&self, label: String, question: &'static str, year: u16, emphasis: bool) -> SeriesDef {
        SeriesDef {
            label,
            question,
            year,
            emphasis,
        }
    }

    /// One question, one series per year, rows ranked by `rank_year`.
    fn by_year(
        &self,
        q: &'static str,
        years: &[u16],
        rank_year: u16,
        header: &str,
    ) -> Result<Chart, SpecError> {
        self.question(q)?;
        let defs: Vec<SeriesDef> = years
            .iter()
            .map(|&y| self.def(y.to_string(), q, y, y == rank_year || years.len() == 1))
            .collect();
        let rank_by = years.iter().position(|&y| y == rank_year).unwrap_or(0);
        let rows = self.option_rows(&defs, rank_by)?;
        self.finish(Kind::Bars, q, self.series(&defs), rows, header.to_owned())
    }

    fn trust_2024(&self) -> Result<Chart, SpecError> {
        let ui = &self.strings.ui;
        self.question("distrust")?;
        // ASEAN-wide: trust and distrust. For a country: ASEAN-wide trust beside the country's.
        let (defs, populations) = match self.country {
            None => (
                vec![
                    self.def(ui.series_trust.clone(), "trust", 2024, true),
                    self.def(ui.series_distrust.clone(), "distrust", 2024, false),
                ],
                [Population::Asean, Population::Asean],
            ),
            Some(c) => (
                vec![
                    self.def(ui.row_asean.clone(), "trust", 2024, false),
                    self.def(capitalise(c.name()), "trust", 2024, true),
                ],
                [Population::Asean, Population::Country(c)],
            ),
        };
        // Rows are the powers asked about ASEAN-wide; other cells only where published.
        let trust = self.asean("trust", 2024)?;
        let mut rows: Vec<Row> = trust
            .iter()
            .map(|v| {
                let cells = defs
                    .iter()
                    .zip(populations)
                    .map(|(d, p)| self.cell(d.question, d.year, p, &v.option))
                    .collect();
                self.row(&v.option, cells)
            })
            .collect();
        rows = rank(rows, 0);
        // The takeaway says Japan is the most trusted: fail the build if the data says not.
        if rows.first().map(|r| r.full_label.as_str()) != Some(HIGHLIGHT) {
            return Err(SpecError::Premise(
                self.id,
                "the takeaway says Japan is the most trusted power, and the data no longer agrees"
                    .into(),
            ));
        }
        let header = self.strings.ui.row_power.clone();
        self.finish(Kind::Bars, "trust", self.series(&defs), rows, header)
    }

    fn trust_trend(&self) -> Result<Chart, SpecError> {
        self.by_year(
            "trust",
            &[2023, 2024, 2025],
            2024,
            &self.strings.ui.row_power,
        )
    }

    fn china_distrust_reason(&self) -> Result<Chart, SpecError> {
        let years = [2023u16, 2024];
        let series: Vec<Series> = years
            .iter()
            .map(|y| Series {
                label: y.to_string(),
                emphasis: *y == 2024,
            })
            .collect();
        let reason_q = "reasons_distrust_china";
        let reason = self
            .asean(reason_q, 2024)?
            .first()
            .map(|v| v.option.clone())
            .ok_or(SpecError::NoValues(self.id, reason_q, 2024))?;
        let distrust = Row {
            label: self.strings.ui.row_distrust_china.clone(),
            full_label: self.strings.ui.row_distrust_china.clone(),
            highlight: false,
            cells: years
                .iter()
                .map(|&y| self.cell("distrust", y, Population::Asean, "China"))
                .collect(),
        };
        let mut fear = self.row(
            &reason,
            years
                .iter()
                .map(|&y| self.cell(reason_q, y, Population::Asean, &reason))
                .collect(),
        );
        fear.highlight = false;
        let header = self.strings.ui.row_measure.clone();
        self.finish(Kind::Bars, reason_q, series, vec![distrust, fear], header)
    }

    fn rivalry_response(&self) -> Result<Chart, SpecError> {
        let q = "response_to_rivalry";
        let defs = [self.def("2024".into(), q, 2024, true)];
        let mut rows = self.option_rows(&defs, 0)?;
        // Single choice: what the published options leave is shown as a remainder, derived
        // here in tenths of a point (every option is published to one decimal).
        let tenths: i64 = rows
            .iter()
            .filter_map(|r| r.cells[0].number())
            .map(|v| (v * 10.0).round() as i64)
            .sum();
        let remainder = 1000 - tenths;
        if remainder > 0 {
            rows.push(Row {
                label: self.strings.ui.remainder.clone(),
                full_label: format!(
                    "{} ({})",
                    self.strings.ui.remainder, self.strings.ui.derived
                ),
                highlight: false,
                cells: vec![Cell::Shown(Shown {
                    value: Published::from_tenths(remainder),
                    origin: None,
                })],
            });
        }
        let header = self.strings.ui.row_answer.clone();
        self.finish(Kind::Bars, q, self.series(&defs), rows, header)
    }

    fn alignment(&self) -> Result<Chart, SpecError> {
        let q = "forced_choice";
        let ui = &self.strings.ui;
        let sides = ["China", "United States"];
        let series = vec![
            Series {
                label: ui.side_china.clone(),
                emphasis: true,
            },
            Series {
                label: ui.side_us.clone(),
                emphasis: true,
            },
        ];
        let cells = |year, population| -> Vec<Cell> {
            sides
                .iter()
                .map(|s| self.cell(q, year, population, s))
                .collect()
        };
        let mut rows: Vec<Row> = [2023u16, 2024, 2025]
            .iter()
            .map(|&y| {
                let label = format!("{} {y}", ui.row_asean);
                Row {
                    label: label.clone(),
                    full_label: label,
                    highlight: false,
                    cells: cells(y, Population::Asean),
                }
            })
            .collect();
        let (leans, countries): (Vec<f64>, Vec<Row>) = ASEAN_10
            .iter()
            .filter_map(|code| Country::from_code(code))
            .map(|c| {
                let cells = cells(2024, Population::Country(c));
                // Order only: lean toward China, read from whichever side was published.
                let lean = cells[0]
                    .number()
                    .or_else(|| cells[1].number().map(|us| 100.0 - us))
                    .unwrap_or(50.0);
                let name = format!("{} 2024", capitalise(c.name()));
                (
                    lean,
                    Row {
                        label: name.clone(),
                        full_label: name,
                        highlight: self.country == Some(c),
                        cells,
                    },
                )
            })
            .collect();
        rows.extend(largest_first(countries, &leans));
        if rows
            .iter()
            .all(|r| r.cells.iter().all(|c| c.shown().is_none()))
        {
            return Err(SpecError::NoValues(self.id, q, 2024));
        }
        let header = self.strings.ui.row_population.clone();
        self.finish(Kind::Diverging, q, series, rows, header)
    }

    fn influence(&self) -> Result<Chart, SpecError> {
        let ui = &self.strings.ui;
        let defs = [
            self.def(
                ui.series_economic.clone(),
                "influential_economic_power",
                2024,
                true,
            ),
            self.def(
                ui.series_political.clone(),
                "influential_political_power",
                2024,
                false,
            ),
        ];
        let rows = self.option_rows(&defs, 0)?;
        let header = self.strings.ui.row_power.clone();
        self.finish(
            Kind::Bars,
            "influential_economic_power",
            self.series(&defs),
            rows,
            header,
        )
    }

    fn live_work(&self) -> Result<Chart, SpecError> {
        let q = "live_work_destination";
        let defs = [
            self.def("2024".into(), q, 2024, true),
            self.def("2025".into(), q, 2025, false),
        ];
        let mut rows = self.option_rows(&defs, 0)?;
        let ph = Population::Country(Country::from_code("PH").ok_or(SpecError::Premise(
            self.id,
            "PH is not a member state".into(),
        ))?);
        let essay = self.cell(q, 2024, ph, HIGHLIGHT);
        if essay.shown().is_some() {
            rows.push(Row {
                label: self.strings.ui.row_essay_philippines.clone(),
                full_label: self.strings.ui.row_essay_philippines.clone(),
                highlight: true,
                cells: vec![essay, Cell::NotPublished],
            });
        }
        let header = self.strings.ui.row_answer.clone();
        self.finish(Kind::Bars, q, self.series(&defs), rows, header)
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
            about: about(n),
            kind: n.kind,
            text: n.text.clone(),
            sources: n.sources.iter().map(|&i| link(data, i)).collect(),
        })
        .collect()
}

/// "Japan, 2024", "Cambodia, 2024", "2025" or nothing for a note on the whole question.
fn about(n: &Note) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(o) = &n.option {
        parts.push(o.clone());
    }
    if let Some(Population::Country(c)) = n.population {
        parts.push(capitalise(c.name()));
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
    let b = crate::load().expect("the real data validates");
    build(id, &b.data, &b.strings).unwrap_or_else(|e| panic!("{e}"))
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
        for id in CHART_IDS {
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
        let b = crate::load().unwrap();
        let th = Country::from_code("TH");
        let c = build_for("trust-2024", &b.data, &b.strings, th).unwrap();
        assert_eq!(c.series[1].label, "Thailand");
        assert_eq!(c.rows[0].cells[1].number(), Some(65.1), "Japan in Thailand");
        assert_eq!(c.rows[1].cells[1], Cell::NotPublished, "the US in Thailand");
        let a = build_for("alignment-by-country", &b.data, &b.strings, th).unwrap();
        let lit: Vec<&str> = a
            .rows
            .iter()
            .filter(|r| r.highlight)
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(lit, ["Thailand 2024"]);
        // Brunei: nothing on trust was found, and nothing is made up.
        let bn = build_for("trust-2024", &b.data, &b.strings, Country::from_code("BN")).unwrap();
        assert!(bn.rows.iter().all(|r| r.cells[1] == Cell::NotPublished));
    }

    #[test]
    fn an_unknown_chart_is_an_error() {
        let b = crate::load().unwrap();
        assert_eq!(
            build("nope", &b.data, &b.strings).unwrap_err().to_string(),
            "no chart has the id \"nope\""
        );
    }
}
