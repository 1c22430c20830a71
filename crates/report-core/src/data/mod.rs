//! The report's data: the survey files in `data/`, parsed with serde and validated into a
//! `Dataset`, and the chart definitions (`charts.toml`) checked against it into a `Report`.
//! `lib.rs` embeds the files; build.rs reads them; tests pass their own fixtures.

pub mod charts;
pub mod corrections;
pub mod model;
pub mod raw;
pub mod validate;

pub use charts::{ChartDef, Report};
pub use corrections::Correction;
pub use model::{
    Code, Country, Dataset, Note, NoteKind, Population, PopulationInfo, PubDate, Published,
    Question, QuestionKind, Read, Source, SourceKind, Unit, Value, Via,
};
pub use validate::Problem;

pub const SURVEY_FILE: &str = "survey.toml";
pub const VALUES_FILE: &str = "values.csv";
pub const SOURCES_FILE: &str = "sources.toml";
pub const NOTES_FILE: &str = "notes.toml";
pub const CHARTS_FILE: &str = "charts.toml";
/// Optional: the corrections made after publication.
pub const CORRECTIONS_FILE: &str = "corrections.toml";

/// The text of a report's data folder; tests pass their own fixtures.
#[derive(Debug, Clone)]
pub struct Files<'a> {
    /// The folder as messages name it (`data`, `examples/asean-2025/data`).
    pub dir: &'a str,
    pub survey: &'a str,
    pub values: &'a str,
    pub sources: &'a str,
    pub notes: &'a str,
    pub charts: &'a str,
    /// `corrections.toml`, where the folder has one.
    pub corrections: Option<&'a str>,
    /// Each edition's catalogs, in the order of `[report] editions` (the first is the original).
    pub catalogs: Vec<CatalogFiles<'a>>,
}

/// One edition's two catalogs: `text.LANG.toml` and `ui.LANG.toml`.
#[derive(Debug, Clone, Copy)]
pub struct CatalogFiles<'a> {
    pub lang: &'a str,
    pub text: &'a str,
    pub ui: &'a str,
}

/// A data folder's files besides the catalogs, in `Files` order.
pub const FILES: [&str; 5] = [
    SURVEY_FILE,
    VALUES_FILE,
    SOURCES_FILE,
    NOTES_FILE,
    CHARTS_FILE,
];

/// The editions `charts.toml` lists (`[report] editions`, default `["en"]`), read before
/// anything else so that their catalogs can be found. A file that is not TOML gives the
/// default here; the full check then names its problem.
pub fn editions(charts: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Loose {
        report: LooseReport,
    }
    #[derive(serde::Deserialize)]
    struct LooseReport {
        #[serde(default = "raw::default_editions")]
        editions: Vec<String>,
    }
    toml::from_str::<Loose>(charts)
        .map(|l| l.report.editions)
        .unwrap_or_else(|_| raw::default_editions())
}

/// A data folder read from disk (the build, the prerenderer and the tests).
#[derive(Debug, Clone)]
pub struct Folder {
    pub name: String,
    /// `FILES` in order.
    pub data: Vec<String>,
    /// `corrections.toml`, where the folder has one.
    pub corrections: Option<String>,
    /// `(lang, text.LANG.toml, ui.LANG.toml)` for each edition.
    pub catalogs: Vec<(String, String, String)>,
}

impl Folder {
    /// Every file of the folder at `path`, named `name` in messages; a file that cannot be
    /// read is named with the reason.
    pub fn read(name: &str, path: &std::path::Path) -> Result<Folder, String> {
        let read = |file: &str| {
            std::fs::read_to_string(path.join(file)).map_err(|e| {
                format!(
                    "{name}/{file}: cannot be read: {e} (a data folder holds {}, and text.LANG.toml and ui.LANG.toml for each edition `[report] editions` lists in {CHARTS_FILE})",
                    FILES.join(", ")
                )
            })
        };
        let data = FILES
            .iter()
            .map(|f| read(f))
            .collect::<Result<Vec<_>, _>>()?;
        let corrections = match std::fs::read_to_string(path.join(CORRECTIONS_FILE)) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(format!("{name}/{CORRECTIONS_FILE}: cannot be read: {e}")),
        };
        let mut catalogs = Vec::new();
        for lang in editions(&data[4]) {
            let [t, u] = crate::text::file_names(&lang);
            let (t, u) = (read(&t)?, read(&u)?);
            catalogs.push((lang, t, u));
        }
        Ok(Folder {
            name: name.to_owned(),
            data,
            corrections,
            catalogs,
        })
    }

    /// The paths a build depends on, for `cargo::rerun-if-changed`.
    pub fn paths(&self) -> Vec<String> {
        let mut v: Vec<String> = FILES.iter().map(|f| (*f).to_owned()).collect();
        if self.corrections.is_some() {
            v.push(CORRECTIONS_FILE.to_owned());
        }
        for (lang, _, _) in &self.catalogs {
            v.extend(crate::text::file_names(lang));
        }
        v
    }

    pub fn files(&self) -> Files<'_> {
        Files {
            dir: &self.name,
            survey: &self.data[0],
            values: &self.data[1],
            sources: &self.data[2],
            notes: &self.data[3],
            charts: &self.data[4],
            corrections: self.corrections.as_deref(),
            catalogs: self
                .catalogs
                .iter()
                .map(|(lang, text, ui)| CatalogFiles { lang, text, ui })
                .collect(),
        }
    }
}

impl Files<'_> {
    /// A file of the folder as messages name it: `data/values.csv`.
    pub fn path(&self, name: &str) -> String {
        format!("{}/{name}", self.dir)
    }
}
