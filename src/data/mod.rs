//! The report's data: the survey files in `data/`, parsed with serde and validated into a
//! `Dataset`. `bundle` embeds the files; tests pass their own fixtures.

pub mod model;
pub mod raw;
pub mod validate;

pub use model::{
    Country, Dataset, Need, Note, NoteKind, Population, PubDate, Published, Question, Source,
    SourceKind, Unit, Value,
};
pub use validate::Problem;

pub const SURVEY_FILE: &str = "data/survey.toml";
pub const VALUES_FILE: &str = "data/values.csv";
pub const SOURCES_FILE: &str = "data/sources.toml";
pub const NOTES_FILE: &str = "data/notes.toml";

/// The text of the data files; tests pass their own fixtures.
#[derive(Debug, Clone, Copy)]
pub struct Files<'a> {
    pub survey: &'a str,
    pub values: &'a str,
    pub sources: &'a str,
    pub notes: &'a str,
}
