//! The report's data: the survey files in `data/`, parsed with serde and validated into a
//! `Dataset`, and the chart definitions (`charts.toml`) checked against it into a `Report`.
//! `lib.rs` embeds the files; build.rs reads them; tests pass their own fixtures.

pub mod charts;
pub mod model;
pub mod raw;
pub mod validate;

pub use charts::{ChartDef, Report};
pub use model::{
    Code, Country, Dataset, Note, NoteKind, Population, PopulationInfo, PubDate, Published,
    Question, QuestionKind, Source, SourceKind, Unit, Value,
};
pub use validate::Problem;

pub const SURVEY_FILE: &str = "survey.toml";
pub const VALUES_FILE: &str = "values.csv";
pub const SOURCES_FILE: &str = "sources.toml";
pub const NOTES_FILE: &str = "notes.toml";
pub const CHARTS_FILE: &str = "charts.toml";
pub const TEXT_FILE: &str = "text.en.toml";
pub const UI_FILE: &str = "ui.en.toml";

/// The text of a report's data folder; tests pass their own fixtures.
#[derive(Debug, Clone, Copy)]
pub struct Files<'a> {
    /// The folder as messages name it (`data`, `examples/asean-2025/data`).
    pub dir: &'a str,
    pub survey: &'a str,
    pub values: &'a str,
    pub sources: &'a str,
    pub notes: &'a str,
    pub charts: &'a str,
    pub text: &'a str,
    pub ui: &'a str,
}

/// A data folder's files, in `Files` order.
pub const FILES: [&str; 7] = [
    SURVEY_FILE,
    VALUES_FILE,
    SOURCES_FILE,
    NOTES_FILE,
    CHARTS_FILE,
    TEXT_FILE,
    UI_FILE,
];

impl<'a> Files<'a> {
    /// The folder `dir` from its files' texts, in `FILES` order.
    pub fn from_texts(dir: &'a str, t: &'a [String; 7]) -> Files<'a> {
        Files {
            dir,
            survey: &t[0],
            values: &t[1],
            sources: &t[2],
            notes: &t[3],
            charts: &t[4],
            text: &t[5],
            ui: &t[6],
        }
    }
}

impl Files<'_> {
    /// A file of the folder as messages name it: `data/values.csv`.
    pub fn path(&self, name: &str) -> String {
        format!("{}/{name}", self.dir)
    }
}
