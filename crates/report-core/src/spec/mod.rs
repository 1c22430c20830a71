//! Chart specs: what each chart shows, as plain data built by one generic builder from a chart
//! definition (`data/charts.toml`, checked in `data::charts`), the validated data and the
//! catalog (titles, rows, series, highlight, notes, source line, takeaway). No drawing, no DOM.
//! A cell that was not published is `Cell::NotPublished`, never zero; a value computed here
//! (the remainder of a single-choice question) is marked `derived`.

use std::fmt;

mod build;

use crate::colour::Rgb;
use crate::data::{
    Code, Country, Dataset, Note, NoteKind, Population, Published, Read, SourceKind, Unit, Value,
};
use crate::text::{self, Strings};
use crate::Snapshot;

pub use crate::data::charts::Kind;
pub use build::{build, build_for, check_expectations, note_about};

/// How a chart's values are scaled and written: its question's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueScale {
    Percent,
    Score { max: f64 },
    Count,
    Currency { code: Code },
    Number,
}

impl ValueScale {
    pub(crate) fn of(unit: Unit) -> ValueScale {
        match unit {
            Unit::Percent => ValueScale::Percent,
            Unit::Score { max } => ValueScale::Score { max },
            Unit::Count => ValueScale::Count,
            Unit::Currency { code } => ValueScale::Currency { code },
            Unit::Number => ValueScale::Number,
        }
    }

    /// The unit it is drawn from.
    pub fn unit(self) -> Unit {
        match self {
            ValueScale::Percent => Unit::Percent,
            ValueScale::Score { max } => Unit::Score { max },
            ValueScale::Count => Unit::Count,
            ValueScale::Currency { code } => Unit::Currency { code },
            ValueScale::Number => Unit::Number,
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
    /// The edition's number and date forms, fonts and list joiners.
    pub locale: text::Locale,
    /// How the edition joins a list: ", " or "、".
    pub list: String,
}

impl Chart {
    /// A value as the chart labels it, in the edition's number forms: "58.9%", "7.48",
    /// "250,875", "US$74,580".
    pub fn value_label(&self, text: &str) -> String {
        match self.scale {
            ValueScale::Percent => self.locale.percent(text),
            ValueScale::Currency { code } => self.locale.number.currency(code.as_str(), text),
            ValueScale::Score { .. } | ValueScale::Count | ValueScale::Number => {
                self.locale.number.number(text)
            }
        }
    }
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

impl Chart {
    /// The address of every published value the chart shows (`Origin::value_id`), in reading
    /// order.
    pub fn value_ids(&self) -> impl Iterator<Item = String> + '_ {
        self.rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter_map(|cell| cell.shown()?.origin.as_ref())
            .map(|o| o.value_id(&self.id))
    }
}

impl Origin {
    /// The value's address in a chart, the same in every edition (it is made of codes, never
    /// of words): `v-CHART-QUESTION-YEAR-POPULATION-OPTION`, in lower case, each run of ASCII
    /// punctuation and spaces one `-`. A table cell carries it as its `id`, so
    /// `#v-trust-2024-trust-2024-asean-japan` brings a reader to that figure.
    pub fn value_id(&self, chart: &str) -> String {
        let raw = format!(
            "v {chart} {} {} {} {}",
            self.question, self.year, self.population, self.option
        );
        let mut out = String::with_capacity(raw.len());
        // ASCII only is folded (no Unicode case tables in the WASM); other letters stay.
        for c in raw.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !c.is_ascii() {
                out.push(c);
            } else if !out.ends_with('-') {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_owned()
    }
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
        text::template(
            &ui.source_line,
            &[
                ("survey", &self.survey),
                ("outlets", &names.join(&ui.list_strong)),
            ],
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    UnknownChart(String),
    /// The chart id, and the edition's text catalog.
    NoText(String, String),
    Placeholders(String, String, Vec<text::PlaceholderError>),
    /// A label key the chart definition uses that the chart's `words` lack.
    NoWord {
        chart: String,
        line: usize,
        key: String,
        file: String,
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

// Names are quoted by hand rather than with `{:?}`: the message is also the browser's (a
// start-up failure), and Debug formatting with its escaping is kilobytes of WASM.
impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::UnknownChart(id) => write!(f, "no chart has the id \"{id}\""),
            SpecError::NoText(id, file) => write!(
                f,
                "{file}: chart \"{id}\" has no [chart.{id}] texts (expected title, takeaway, subtitle and row_header)",
            ),
            SpecError::Placeholders(id, file, errors) => {
                let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                write!(f, "{file}: [chart.{id}]: {}", list.join("; "))
            }
            SpecError::NoWord {
                chart,
                line,
                key,
                file,
            } => write!(
                f,
                "{}:{line}: chart \"{chart}\": label: \"{key}\" is not in [chart.{chart}] words of {file} (expected a `{key} = \"...\"` entry there)",
                crate::data::CHARTS_FILE,
            ),
            SpecError::NoValues {
                chart,
                line,
                question,
                year,
            } => write!(
                f,
                "{}:{line}: chart \"{chart}\": rows: question \"{question}\" has no region-wide values for {year} in {}",
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
                    "{}:{line}: chart \"{chart}\": expect: the text expects \"{row}\" at row {want}, but with the data {found} (the top row is \"{top}\")",
                    crate::data::CHARTS_FILE
                )
            }
            SpecError::Remainder { chart, line } => write!(
                f,
                "{}:{line}: chart \"{chart}\": remainder: every option must be published to at most one decimal, so that the remainder is exact",
                crate::data::CHARTS_FILE
            ),
        }
    }
}

/// Every view of chart `id` the build writes: region-wide (`None`), and for a chart with a
/// country selector each member state it offers.
pub fn views(snap: &Snapshot, id: &str) -> Vec<Option<Country>> {
    let mut views = vec![None];
    if snap.report.has_selector(id) {
        views.extend(snap.data.members().map(Some));
    }
    views
}

/// A chart in words, for screen readers and anyone who cannot see it: how many values, the
/// highest and the lowest with where they are, and what was not published. Built from the
/// chart itself, so it says what the chart shows.
pub fn summary(chart: &Chart, ui: &text::Ui) -> String {
    let mut shown: Vec<(f64, String, String)> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    for row in &chart.rows {
        for (cell, s) in row.cells.iter().zip(&chart.series) {
            let at = if chart.series.len() > 1 {
                text::template(
                    &ui.point_name,
                    &[("row", &row.full_label), ("series", &s.label)],
                )
            } else {
                row.full_label.clone()
            };
            match cell.shown() {
                Some(v) => shown.push((v.value.number(), chart.value_label(v.value.text()), at)),
                None => missing.push(at),
            }
        }
    }
    let mut parts = vec![text::template(
        &ui.summary_count,
        &[
            ("count", &shown.len().to_string()),
            ("rows", &chart.rows.len().to_string()),
        ],
    )];
    // The first of equal values, in reading order.
    let mut high: Option<&(f64, String, String)> = None;
    let mut low: Option<&(f64, String, String)> = None;
    for v in &shown {
        if high.is_none_or(|h| v.0 > h.0) {
            high = Some(v);
        }
        if low.is_none_or(|l| v.0 < l.0) {
            low = Some(v);
        }
    }
    if let (Some(h), Some(l)) = (high, low) {
        parts.push(text::template(
            &ui.summary_range,
            &[
                ("high", &h.1),
                ("high_at", &h.2),
                ("low", &l.1),
                ("low_at", &l.2),
            ],
        ));
    }
    if !missing.is_empty() {
        parts.push(text::template(
            &ui.summary_missing,
            &[("cells", &missing.join(&ui.list_strong))],
        ));
    }
    parts.join(&chart.locale.sentence_gap)
}

/// How a source is named and linked wherever it is cited, in the edition's joiners and date
/// form (names and titles as the publication writes them).
pub fn link(data: &Dataset, strings: &text::Strings, source: usize) -> SourceLink {
    let s = &data.sources[source];
    let ui = &strings.ui;
    let name = match (s.kind, &s.title) {
        (SourceKind::Work, Some(title)) => match &s.author {
            Some(author) => text::template(
                &ui.work_by,
                &[
                    ("author", author),
                    ("title", title),
                    ("publisher", &s.outlet),
                ],
            ),
            None => text::template(&ui.work, &[("publisher", &s.outlet), ("title", title)]),
        },
        _ => s.outlet.clone(),
    };
    // How it was read, in the edition's words: an aside to the name, never a second one.
    let mut glosses: Vec<String> = Vec::new();
    if s.blog {
        glosses.push(ui.source_blog.clone());
    }
    if let Some(v) = &s.via {
        let phrase = match v.how {
            Read::Republished => &ui.source_republished,
            Read::Published => &ui.source_published,
            Read::Aggregator => &ui.source_read_on,
            Read::Mirror => &ui.source_mirror,
            Read::Proxy => &ui.source_proxy,
            Read::StoredProxy => &ui.source_stored_proxy,
        };
        glosses.push(text::template(phrase, &[("via", &v.at)]));
    }
    let name = if glosses.is_empty() {
        name
    } else {
        text::template(
            &ui.aside,
            &[("text", &name), ("aside", &glosses.join(&ui.list))],
        )
    };
    SourceLink {
        name,
        date: s.date.map(|d| strings.locale.date(&d)),
        url: s.url.clone(),
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

/// A chart from nothing but the given rows and series, for tests of layout and drawing that
/// must not depend on today's data. Each row: label, highlighted, one value per series
/// (`None`: not published). Values are percentages as published.
#[cfg(any(test, feature = "test-data"))]
pub type SyntheticSeries<'a> = (&'a str, bool, Option<(Rgb, Rgb)>);

#[cfg(any(test, feature = "test-data"))]
pub fn synthetic(
    kind: Kind,
    series: &[SyntheticSeries],
    rows: &[(&str, bool, &[Option<&str>])],
) -> Chart {
    let origin = || Origin {
        question: "q".into(),
        option: "o".into(),
        year: 2024,
        population: Population::Region(crate::data::Code::new("R").unwrap()),
        unit: "percent",
        base: "all".into(),
        sources: Vec::new(),
    };
    Chart {
        id: "synthetic".into(),
        kind,
        title: "A synthetic chart".into(),
        takeaway: String::new(),
        subtitle: String::new(),
        scale: ValueScale::Percent,
        series: series
            .iter()
            .map(|(label, emphasis, colour)| Series {
                label: (*label).into(),
                emphasis: *emphasis,
                colour: *colour,
            })
            .collect(),
        rows: rows
            .iter()
            .map(|(label, highlight, cells)| Row {
                label: (*label).into(),
                full_label: (*label).into(),
                highlight: *highlight,
                cells: cells
                    .iter()
                    .map(|c| match c {
                        Some(v) => Cell::Shown(Shown {
                            value: Published::parse(v).unwrap(),
                            origin: Some(origin()),
                        }),
                        None => Cell::NotPublished,
                    })
                    .collect(),
            })
            .collect(),
        notes: Vec::new(),
        source: SourceLine {
            survey: "A survey".into(),
            read_in: Vec::new(),
        },
        row_header: "Row".into(),
        not_published: "not published".into(),
        locale: crate::bundle::report_editions()[0].strings.locale.clone(),
        list: ", ".into(),
    }
}

/// A chart built from the real data, for the crate's tests.
#[cfg(any(test, feature = "test-data"))]
pub fn for_tests(id: &str) -> Chart {
    let b = crate::bundle::report_editions().swap_remove(0);
    build(&b, id).unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::build::largest_first;
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
    fn every_chart_builds_in_every_edition_with_labels_that_fit_a_phone() {
        for b in crate::test_editions() {
            for id in b.report.ids() {
                let c = build(&b, id).unwrap();
                assert!(!c.rows.is_empty(), "{id}");
                for r in &c.rows {
                    assert_eq!(
                        crate::measure::label_fits_phone(&r.label),
                        None,
                        "{id}: {}",
                        r.label
                    );
                    assert_eq!(r.cells.len(), c.series.len(), "{id}");
                }
            }
        }
        // The estimate refuses what would not fit: 40 wide letters are far more than 288 px.
        assert!(crate::measure::label_fits_phone(&"M".repeat(40)).is_some());
        assert!(crate::measure::label_fits_phone(&"日本".repeat(10)).is_some());
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
    fn a_chart_in_words_gives_its_range_and_what_is_missing() {
        let c = synthetic(
            Kind::Bars,
            &[("Trust", true, None), ("Distrust", false, None)],
            &[
                ("Japan", true, &[Some("58.9"), None]),
                ("China", false, &[Some("24.8"), Some("50.1")]),
                ("India", false, &[Some("24.2"), None]),
            ],
        );
        let ui = crate::test_data().snap.strings.ui;
        assert_eq!(
            summary(&c, &ui),
            "The chart shows 4 published values in 3 rows. The highest is 58.9% (Japan, Trust); the lowest is 24.2% (India, Trust). Not published: Japan, Distrust; India, Distrust."
        );
    }

    #[test]
    fn a_value_id_is_made_of_codes_in_lower_case_with_single_dashes() {
        let o = Origin {
            question: "response_to_rivalry".into(),
            option: "Neutrality is impractical: choose a side".into(),
            year: 2024,
            population: Population::Region(crate::data::Code::new("ASEAN").unwrap()),
            unit: "percent",
            base: String::new(),
            sources: Vec::new(),
        };
        assert_eq!(
            o.value_id("rivalry-response"),
            "v-rivalry-response-response-to-rivalry-2024-asean-neutrality-is-impractical-choose-a-side"
        );
    }

    #[test]
    fn every_published_value_of_a_chart_has_its_own_id() {
        let b = crate::test_data();
        for id in b.report.ids() {
            for c in views(&b, id) {
                let chart = build_for(&b, id, c).unwrap();
                let mut ids: Vec<String> = chart.value_ids().collect();
                let n = ids.len();
                ids.sort();
                ids.dedup();
                assert_eq!(ids.len(), n, "{id} {c:?}");
            }
        }
    }

    #[test]
    fn a_source_is_named_in_the_editions_words_with_how_it_was_read() {
        use crate::data::{Read, Source, SourceKind, Via};
        let b = crate::test_data();
        let mut data = b.snap.data.clone();
        let outlet = |blog, via| Source {
            id: "s".into(),
            kind: SourceKind::Outlet,
            outlet: "Outlet".into(),
            title: None,
            author: None,
            date: None,
            url: Some("https://example.org/".into()),
            language: None,
            blog,
            via,
        };
        let proxy = Some(Via {
            how: Read::Proxy,
            at: "p.example".into(),
        });
        data.sources = vec![
            outlet(false, None),
            outlet(true, proxy.clone()),
            outlet(false, proxy),
            Source {
                kind: SourceKind::Work,
                title: Some("A Title".into()),
                author: Some("An Author".into()),
                url: None,
                ..outlet(false, None)
            },
        ];
        let mut strings = b.snap.strings.clone();
        let names = |strings: &text::Strings| -> Vec<String> {
            (0..4).map(|i| link(&data, strings, i).name).collect()
        };
        assert_eq!(
            names(&strings),
            [
                "Outlet",
                "Outlet (blog post, read via a proxy at p.example)",
                "Outlet (read via a proxy at p.example)",
                "An Author, A Title (Outlet)"
            ]
        );
        let ui = &mut strings.ui;
        ui.aside = "{text}（{aside}）".into();
        ui.list = "、".into();
        ui.source_blog = "ブログ".into();
        ui.source_proxy = "{via}経由".into();
        ui.work_by = "{author}『{title}』、{publisher}".into();
        assert_eq!(
            names(&strings)[1..],
            [
                "Outlet（ブログ、p.example経由）",
                "Outlet（p.example経由）",
                "An Author『A Title』、Outlet"
            ]
        );
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
