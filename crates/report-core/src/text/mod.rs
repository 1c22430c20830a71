//! The message catalogs: every user-visible string of one edition, from `text.LANG.toml`
//! (narrative, chart texts, labels, and the words of the data: populations, options,
//! questions, notes) and `ui.LANG.toml` (interface words, and the locale: number and date
//! forms, collation, fonts). Numbers in the text are placeholders
//! `{question/year/population/option}` filled from the data, so prose and charts cannot
//! disagree; an unknown placeholder is an error, never a blank. Every edition's catalogs have
//! the keys and placeholders of the first edition's (`compare`).

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::data::Dataset;

mod check;
mod parse;
mod place;
mod template;
mod ui;

pub use check::{compare, era_problems};
pub use parse::{file_names, parse, Catalog};
pub use place::{CatalogProblem, Expected, Place};
pub use template::{fill, lookup, template, tokens, PlaceholderError, Token};
pub use ui::{PageUi, Ui, UiWords};

/// `text.LANG.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextFile {
    pub page: Page,
    pub section: Vec<Section>,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    pub chart: BTreeMap<String, ChartText>,
    #[serde(default)]
    pub label: BTreeMap<String, String>,
    pub survey: SurveyText,
    /// Each population code of survey.toml, as running text names it ("the Philippines").
    pub population: BTreeMap<String, String>,
    /// Each option of values.csv, as the page names it in full.
    pub option: BTreeMap<String, String>,
    pub question: BTreeMap<String, QuestionText>,
    /// Each note id of notes.toml: the note's words.
    pub note: BTreeMap<String, String>,
    /// Each correction id of corrections.toml: what was corrected, in words.
    #[serde(default)]
    pub correction: BTreeMap<String, CorrectionText>,
}

/// A correction of corrections.toml in words.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionText {
    pub text: String,
}

/// How an edition names the survey and describes its method.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyText {
    pub title: String,
    pub publisher: String,
    /// The method in words, each optional like the method facts: how it was asked (needed
    /// with a fieldwork), in which languages, how the region-wide figure is built.
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub weighting: String,
}

/// A question of survey.toml in words.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    pub title: String,
    /// The survey's wording, where it was read (as a secondary source quotes it).
    #[serde(default)]
    pub wording: Option<String>,
    pub measure: String,
    /// Who was asked, in words a reader understands.
    pub base: String,
}

/// The words of the data that the browser needs too: laid over the `Dataset`, whose own
/// files carry codes and figures only (`Snapshot::localise`).
#[derive(Debug, Clone, PartialEq)]
pub struct DataText {
    pub survey: SurveyText,
    pub populations: BTreeMap<String, String>,
    pub questions: BTreeMap<String, QuestionText>,
    pub notes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub title: String,
    pub description: String,
    pub kicker: String,
    pub dek: String,
    pub byline: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub nav: String,
    pub heading: String,
    pub claim: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartText {
    pub title: String,
    pub takeaway: String,
    pub subtitle: String,
    /// The header of the table's first column ("Power", "Answer").
    pub row_header: String,
    /// Labels the chart definition names by key (`label = "trust"` in charts.toml).
    #[serde(default)]
    pub words: BTreeMap<String, String>,
}

/// `ui.LANG.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiFile {
    pub ui: UiWords,
    pub locale: LocaleFile,
}

/// `[locale]` as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleFile {
    /// The CLDR locale whose number forms the edition uses; the edition's language tag when
    /// left out.
    #[serde(default)]
    pub number: Option<String>,
    /// The percent form, where the edition writes it otherwise than its CLDR locale.
    #[serde(default)]
    pub percent: Option<String>,
    pub date: String,
    pub date_month: String,
    pub date_year: String,
    pub months: Vec<String>,
    pub year_offset: u16,
    pub collation: String,
    pub font: String,
    pub line_height: f64,
    pub sentence_gap: String,
}

/// How an edition writes numbers and dates, orders names and draws its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Locale {
    /// `{value}%`: CLDR's percent form for the locale, or the catalog's own.
    pub percent: String,
    /// Digits, separators, grouping and currency forms, from CLDR.
    pub number: crate::number::NumberForm,
    /// `{day}`, `{month}`, `{year}`; a month alone; a year alone.
    pub date: String,
    pub date_month: String,
    pub date_year: String,
    pub months: Vec<String>,
    /// Added to the year (543 for the Buddhist Era).
    pub year_offset: u16,
    pub collation: crate::collate::Collation,
    /// The CSS font stack of the page and the charts.
    pub font: String,
    /// Chart label line height, in hundredths of an em.
    pub line_height: u16,
    /// Between two sentences: " ", or nothing in Japanese.
    pub sentence_gap: String,
}

impl Locale {
    /// A survey year as this edition writes a year alone (`date_year`, in its era): every year
    /// the engine prints goes through here or `date`.
    pub fn year(&self, year: u16) -> String {
        self.date(&crate::data::PubDate {
            year,
            month: None,
            day: None,
        })
    }

    /// A date as this edition writes it, never more precise than the source.
    pub fn date(&self, d: &crate::data::PubDate) -> String {
        let year = (u32::from(d.year) + u32::from(self.year_offset)).to_string();
        let month = d
            .month
            .and_then(|m| self.months.get(usize::from(m).wrapping_sub(1)))
            .map_or("", String::as_str);
        let day = d.day.map(|d| d.to_string()).unwrap_or_default();
        let t = match (d.day, d.month) {
            (Some(_), Some(_)) => &self.date,
            (_, Some(_)) => &self.date_month,
            _ => &self.date_year,
        };
        template(t, &[("day", &day), ("month", month), ("year", &year)])
    }

    /// A percentage as published, in this edition's number and percent forms.
    pub fn percent(&self, value: &str) -> String {
        template(&self.percent, &[("value", &self.number.number(value))])
    }
}

/// What the charts and the page need from the catalog at run time (the prose stays native).
#[derive(Debug, Clone, PartialEq)]
pub struct Strings {
    pub charts: BTreeMap<String, ChartText>,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
    pub data: DataText,
    pub ui: Ui,
    pub locale: Locale,
}

impl Strings {
    /// The label to draw for an option: its short form where the catalog has one.
    pub fn label<'a>(&'a self, option: &'a str) -> &'a str {
        self.labels
            .get(option)
            .or_else(|| self.options.get(option))
            .map_or(option, String::as_str)
    }

    /// An option in full, as this edition names it.
    pub fn option<'a>(&'a self, option: &'a str) -> &'a str {
        self.options.get(option).map_or(option, String::as_str)
    }
}
