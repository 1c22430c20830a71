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

pub use check::{compare, era_problems};
pub use parse::{file_names, parse, ui_table, Catalog};
pub use place::{CatalogProblem, Expected, Place};
pub use template::{fill, lookup, template, tokens, PlaceholderError, Token};

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
    pub mode: String,
    pub languages: Vec<String>,
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
    pub ui: Ui,
    pub locale: LocaleFile,
}

/// `[locale]` as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleFile {
    pub percent: String,
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
    /// `{value}%`.
    pub percent: String,
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

    /// A figure as published, with the unit this edition writes for a percentage.
    pub fn percent(&self, value: &str) -> String {
        template(&self.percent, &[("value", value)])
    }
}

/// Interface words, including the few drawn inside charts.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    /// The edition's BCP 47 language tag, as `<html lang>` and `hreflang` write it.
    pub lang: String,
    /// The language's own name for itself ("日本語"): the language switch shows it.
    pub language_name: String,
    pub language_label: String,
    /// A translated edition's note that it is a translation; empty in the original.
    pub translation: String,
    pub loading: String,
    pub noscript: String,
    pub failed: String,
    pub nav_label: String,
    pub not_published: String,
    pub remainder: String,
    pub derived: String,
    /// The remainder row's full label: `{remainder}`, `{derived}`.
    pub remainder_full: String,
    /// A row for one population in one year: `{population}`, `{year}`.
    pub row_population_year: String,
    pub notes: String,
    /// Under every chart: `{survey}`, `{outlets}` (where its figures were read).
    pub source_line: String,
    /// An embed's one-line source: `{survey}`, `{count}` (publications, listed in the disclosure).
    pub source_short: String,
    /// An embed's disclosure holding the table, the notes and the full source list.
    pub data_and_notes: String,
    /// A chart in words for screen readers: `{count}`, `{rows}`; `{high}`, `{high_at}`,
    /// `{low}`, `{low_at}`; `{cells}` (what was not published).
    pub summary_count: String,
    pub summary_range: String,
    pub summary_missing: String,
    pub no_address: String,
    pub data_caption: String,
    pub base: String,
    pub country_label: String,
    pub country_all: String,
    pub chart_label: String,
    pub chart_keys: String,
    pub url_unknown_country: String,
    pub url_unknown_chart: String,
    pub url_unknown_section: String,
    pub dismiss: String,
    pub tools_summary: String,
    pub embed_iframe_label: String,
    pub embed_pym_label: String,
    pub embed_amp_label: String,
    pub download_label: String,
    pub download_csv: String,
    pub download_png: String,
    pub download_svg: String,
    pub embed_read_more: String,
    pub embed_unknown_chart: String,
    pub embed_unknown_theme: String,
    pub embed_bad_child: String,
    pub method_respondents: String,
    pub method_fieldwork: String,
    pub method_languages: String,
    pub method_weighting: String,
    pub method_confirmed_by: String,
    pub credits: String,
    pub sources_cited: String,
    pub conflicts_about: String,
    /// Joiners: a list, a list of lists, `{text}` with an `{aside}`, `{label}` and its `{text}`.
    pub list: String,
    pub list_strong: String,
    pub aside: String,
    pub labelled: String,
    /// `{publisher}`, `{title}`, `{date}`.
    pub survey_cited: String,
    /// A work cited by title: `{author}`, `{title}`, `{publisher}`; without an author,
    /// `{publisher}`, `{title}`.
    pub work_by: String,
    pub work: String,
    /// A source without a public address: `{name}`, `{no_address}`.
    pub unlinked: String,
    /// How a source was read when not at the outlet (`data::Read`, `{via}`), and a blog post;
    /// set as an aside to the outlet's name.
    pub source_blog: String,
    pub source_republished: String,
    pub source_published: String,
    pub source_read_on: String,
    pub source_mirror: String,
    pub source_proxy: String,
    pub source_stored_proxy: String,
    /// What one value says: `{row}` and `{series}` as its name; `{name}`, `{value}`, `{year}`,
    /// `{base}`; a derived one's `{derived}`; one not published, `{not_published}`.
    pub point_name: String,
    pub point: String,
    pub point_derived: String,
    pub point_missing: String,
    /// A title and a sentence about it, as an image's description: `{title}`, `{text}`.
    pub caption: String,
    /// "Cite this chart": the disclosure, its boxes' labels; the citation (`{chart}`,
    /// `{report}`, `{year}`, `{survey}`, `{url}`, `{accessed}`), with a `{publisher}`
    /// (`citation_by`), a year not given, the date the reader fills in, and BibTeX's note.
    pub cite_summary: String,
    pub cite_text_label: String,
    pub cite_bibtex_label: String,
    pub citation: String,
    pub citation_by: String,
    pub cite_undated: String,
    pub cite_accessed: String,
    pub cite_note: String,
    /// Corrections: the list's heading, the line when there are none, each correction
    /// (`{date}`, `{text}`), the label of the charts it changed, the link to the list.
    pub corrections: String,
    pub corrections_none: String,
    pub corrected: String,
    pub corrections_charts: String,
    pub corrections_all: String,
    /// The embed-code box's render flags: their group; `plain`, `static`, `transparent`.
    pub embed_options: String,
    pub embed_plain: String,
    pub embed_static: String,
    pub embed_transparent: String,
    /// "Copy with source": the button, and what it says once copied or if it could not.
    pub copy_source: String,
    pub copy_done: String,
    pub copy_failed: String,
    /// The AMP snippet's button that opens the frame in full.
    pub embed_amp_show: String,
    /// Why start-up failed (after `failed`); `{id}` a chart.
    pub failed_data: String,
    pub failed_chart: String,
    pub failed_build: String,
    pub failed_browser: String,
    pub failed_code: String,
    /// `{start}`, `{end}`, `{mode}`.
    pub fieldwork: String,
}

impl Ui {
    /// The words the browser's code uses (charts, tables, the chart in words, URL and embed
    /// notes); the others are in the page's HTML already, so an edition's strings block
    /// leaves them empty. The end-to-end tests read every one of these on the page.
    pub fn for_browser(&self) -> Ui {
        let c = |s: &String| s.clone();
        Ui {
            lang: c(&self.lang),
            not_published: c(&self.not_published),
            remainder: c(&self.remainder),
            derived: c(&self.derived),
            remainder_full: c(&self.remainder_full),
            row_population_year: c(&self.row_population_year),
            source_line: c(&self.source_line),
            summary_count: c(&self.summary_count),
            summary_range: c(&self.summary_range),
            summary_missing: c(&self.summary_missing),
            data_caption: c(&self.data_caption),
            base: c(&self.base),
            url_unknown_country: c(&self.url_unknown_country),
            url_unknown_chart: c(&self.url_unknown_chart),
            url_unknown_section: c(&self.url_unknown_section),
            dismiss: c(&self.dismiss),
            embed_unknown_chart: c(&self.embed_unknown_chart),
            embed_unknown_theme: c(&self.embed_unknown_theme),
            embed_bad_child: c(&self.embed_bad_child),
            list: c(&self.list),
            list_strong: c(&self.list_strong),
            aside: c(&self.aside),
            labelled: c(&self.labelled),
            survey_cited: c(&self.survey_cited),
            work_by: c(&self.work_by),
            work: c(&self.work),
            unlinked: c(&self.unlinked),
            source_blog: c(&self.source_blog),
            source_republished: c(&self.source_republished),
            source_published: c(&self.source_published),
            source_read_on: c(&self.source_read_on),
            source_mirror: c(&self.source_mirror),
            source_proxy: c(&self.source_proxy),
            source_stored_proxy: c(&self.source_stored_proxy),
            point_name: c(&self.point_name),
            point: c(&self.point),
            point_derived: c(&self.point_derived),
            point_missing: c(&self.point_missing),
            copy_done: c(&self.copy_done),
            copy_failed: c(&self.copy_failed),
            ..Ui::default()
        }
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
