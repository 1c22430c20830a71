//! Serde mirror of the files in `data/`, field for field. Nothing here is checked yet:
//! `validate` turns these into the domain model or a list of problems.

use serde::Deserialize;

/// `data/survey.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyFile {
    pub survey: RawSurvey,
    #[serde(default)]
    pub question: Vec<RawQuestion>,
    #[serde(default)]
    pub population: Vec<RawPopulation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPopulation {
    pub code: String,
    #[serde(default)]
    pub region: bool,
    #[serde(default)]
    pub in_average: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSurvey {
    pub title: String,
    pub publisher: String,
    pub published: String,
    pub editions: Vec<u16>,
    /// The method facts, each optional: a folder of data that is no opinion survey leaves
    /// out what does not apply.
    #[serde(default)]
    pub respondents: Option<u32>,
    #[serde(default)]
    pub fieldwork_start: Option<String>,
    #[serde(default)]
    pub fieldwork_end: Option<String>,
    #[serde(default)]
    pub method_sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub kind: String,
    pub unit: String,
    #[serde(default)]
    pub scale_max: Option<f64>,
    /// A currency's ISO 4217 code, for `unit = "currency"`.
    #[serde(default)]
    pub currency: Option<String>,
}

/// One row of `data/values.csv`. Every field is read as text so that validation can name the
/// field that is wrong instead of failing the whole row.
#[derive(Debug, Deserialize)]
pub struct RawValue {
    pub question: String,
    pub year: String,
    pub population: String,
    pub option: String,
    pub value: String,
    pub sources: String,
}

/// `data/sources.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(default)]
    pub source: Vec<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    pub outlet: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    /// `"blog"` for a blog post.
    #[serde(default)]
    pub genre: Option<String>,
    /// How a copy was read (`Read::ALL`), with `via`, where.
    #[serde(default)]
    pub read: Option<String>,
    #[serde(default)]
    pub via: Option<String>,
}

/// `data/notes.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotesFile {
    #[serde(default)]
    pub note: Vec<RawNote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub id: String,
    pub question: String,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub population: Option<String>,
    #[serde(default)]
    pub option: Option<String>,
    pub kind: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `corrections.toml` (optional): what was corrected after publication, and when.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionsFile {
    #[serde(default)]
    pub correction: Vec<RawCorrection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCorrection {
    pub id: String,
    pub date: String,
    pub charts: Vec<String>,
    #[serde(default)]
    pub values: Vec<String>,
}

/// `data/charts.toml`: the report's shape (sections, highlight, colour roles) and every chart.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartsFile {
    pub report: RawReport,
    #[serde(default)]
    pub colour: Vec<RawColour>,
    #[serde(default)]
    pub chart: Vec<RawChart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    pub sections: Vec<String>,
    /// Language tags; each has `text.LANG.toml` and `ui.LANG.toml`. The first is the original.
    #[serde(default = "default_editions")]
    pub editions: Vec<String>,
    #[serde(default)]
    pub highlight: Option<String>,
    /// The date of this release of the report (YYYY-MM-DD): citations give its year.
    #[serde(default)]
    pub updated: Option<String>,
    /// Who publishes the report, as a citation names it.
    #[serde(default)]
    pub publisher: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawColour {
    pub role: String,
    pub light: String,
    pub dark: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub population: Option<String>,
    pub series: Vec<RawSeries>,
    #[serde(default)]
    pub rows: Vec<RawRows>,
    #[serde(default)]
    pub sort_by: Option<usize>,
    #[serde(default)]
    pub remainder: bool,
    #[serde(default)]
    pub selector: Option<RawSelector>,
    #[serde(default)]
    pub expect: Vec<RawExpect>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSeries {
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub population: Option<String>,
    #[serde(default)]
    pub option: Option<String>,
    #[serde(default)]
    pub emphasis: bool,
    #[serde(default)]
    pub colour: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRows {
    #[serde(default)]
    pub each: Option<String>,
    #[serde(default)]
    pub populations: Option<Vec<String>>,
    #[serde(default)]
    pub members: bool,
    #[serde(default)]
    pub years: Option<Vec<u16>>,
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub population: Option<String>,
    #[serde(default)]
    pub option: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSelector {
    pub show: String,
    #[serde(default)]
    pub series: Option<Vec<RawSeries>>,
    #[serde(default)]
    pub sort_by: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    pub row: String,
    pub position: usize,
}

/// A report with no `editions` line has one, in English.
pub fn default_editions() -> Vec<String> {
    vec!["en".to_owned()]
}
