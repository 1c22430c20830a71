//! The report's data: the files in `data/`, embedded at compile time (this module is the only
//! `include_str!` site), parsed with serde and validated into a `Dataset`.

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

/// The files as they were when the crate was compiled.
pub const EMBEDDED: Files<'static> = Files {
    survey: include_str!("../../data/survey.toml"),
    values: include_str!("../../data/values.csv"),
    sources: include_str!("../../data/sources.toml"),
    notes: include_str!("../../data/notes.toml"),
};

/// Parse and validate the embedded files, checking that each of `needs` finds its question.
pub fn load(needs: &[Need]) -> Result<Dataset, Vec<Problem>> {
    validate::build(&EMBEDDED, needs)
}
