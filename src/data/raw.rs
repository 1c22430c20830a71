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
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSurvey {
    pub title: String,
    pub publisher: String,
    pub published: String,
    pub editions: Vec<u16>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub wording: Option<String>,
    pub measure: String,
    pub kind: String,
    pub unit: String,
    pub base: String,
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
    pub outlet: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
}
