//! Everything the page is built from, loaded and checked in one place: the data files, the
//! chart definitions and the message catalog of one data folder. `build.rs` runs this on the
//! folder `REPORT_DATA` names (default `data/`) and snapshots the result for the browser, so a
//! problem fails the build, listing every message. `lib.rs` embeds the same folder.

use std::ops::Deref;

use crate::data::{self, Correction, Dataset, Files, Report};
use crate::prose::{self, Prose};
use crate::spec;
use crate::text::{self, PageUi, Strings};

mod check;
mod problem;

use check::{check_prose, data_keys};
pub use problem::{LoadError, TextProblem};

/// What the browser needs: the data, the chart definitions and the strings the charts draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub data: Dataset,
    pub report: Report,
    pub strings: Strings,
}

/// What the build needs: the snapshot's contents and the prose. Reads as a `Snapshot`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub snap: Snapshot,
    pub prose: Prose,
    /// The `[ui]` words only the page's HTML uses (the browser's are in `strings`).
    pub page: PageUi,
    /// The corrections made after publication, newest first, in the edition's words.
    pub corrections: Vec<data::Correction>,
}

impl Deref for Bundle {
    type Target = Snapshot;
    fn deref(&self) -> &Snapshot {
        &self.snap
    }
}

impl Snapshot {
    /// Lay the edition's words over the data, whose own files carry codes and figures only:
    /// the survey's title and method, the populations' names, the questions' texts and the
    /// notes. A name the catalog lacks stays empty (the build's checks refuse that).
    pub fn localise(&mut self) {
        let t = &self.strings.data;
        let s = &mut self.data.survey;
        s.title.clone_from(&t.survey.title);
        s.publisher.clone_from(&t.survey.publisher);
        s.mode.clone_from(&t.survey.mode);
        s.languages.clone_from(&t.survey.languages);
        s.weighting.clone_from(&t.survey.weighting);
        for p in &mut self.data.populations {
            if let Some(n) = t.populations.get(p.code.as_str()) {
                p.name.clone_from(n);
            }
        }
        for q in &mut self.data.questions {
            if let Some(w) = t.questions.get(&q.id) {
                q.title.clone_from(&w.title);
                q.wording.clone_from(&w.wording);
                q.measure.clone_from(&w.measure);
                q.base.clone_from(&w.base);
            }
        }
        for n in &mut self.data.notes {
            if let Some(w) = t.notes.get(&n.id) {
                n.text.clone_from(w);
            }
        }
    }
}

impl Bundle {
    /// What the browser needs: everything but the notes, question wordings, sources' details
    /// and editorial expectations, which the page carries as HTML already or only the build
    /// checks.
    pub fn snapshot(&self) -> Snapshot {
        let mut s = self.snap.clone();
        s.strings = self.browser_strings();
        s.data.notes.clear();
        for c in &mut s.report.charts {
            c.expect.clear();
        }
        // Sources are cited in the page's HTML (source lines, notes, the list); the browser
        // only carries which value cites which, by outlet.
        for src in &mut s.data.sources {
            src.title = None;
            src.author = None;
            src.date = None;
            src.url = None;
            src.language = None;
        }
        // The data's words are the browser's strings', as `snapshot::read` lays them over.
        s.localise();
        s
    }

    /// The edition's strings as the browser gets them (each document carries them): without
    /// the notes, the question wordings, the method's languages and weighting (the `[ui]`
    /// words only the HTML uses are never in the strings: `Bundle::page`).
    pub fn browser_strings(&self) -> Strings {
        let mut t = self.snap.strings.clone();
        t.data.notes.clear();
        for q in t.data.questions.values_mut() {
            q.wording = None;
        }
        t.data.survey.languages.clear();
        t.data.survey.weighting.clear();
        t
    }
}

/// Load and check everything, and return the first (original) edition; on failure, every
/// problem of every edition.
pub fn load(files: &Files) -> Result<Bundle, Vec<LoadError>> {
    load_editions(files).map(|mut v| v.swap_remove(0))
}

/// Every edition, in the order `[report] editions` lists them, each checked against the data
/// and against the first: the same keys and placeholders, every chart buildable.
pub fn load_editions(files: &Files) -> Result<Vec<Bundle>, Vec<LoadError>> {
    let (data, report) = data::validate::build(files).map_err(|problems| {
        problems
            .into_iter()
            .map(LoadError::Data)
            .collect::<Vec<_>>()
    })?;
    let corrections = data::corrections::read(files, &report)
        .map_err(|p| p.into_iter().map(LoadError::Data).collect::<Vec<_>>())?;
    let mut problems = Vec::new();
    let mut catalogs = Vec::new();
    for c in &files.catalogs {
        match text::parse(files.dir, c.lang, c.text, c.ui) {
            Ok(cat) => catalogs.push((c.lang, cat)),
            Err(m) => problems.extend(m.into_iter().map(LoadError::Catalog)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if let Some(((_, first), rest)) = catalogs.split_first() {
        for (lang, cat) in rest {
            problems.extend(
                text::compare(files.dir, first, lang, cat)
                    .into_iter()
                    .map(LoadError::Catalog),
            );
        }
    }
    for (lang, cat) in &catalogs {
        problems.extend(
            data_keys(files.dir, lang, cat, &data, &corrections)
                .into_iter()
                .chain(text::era_problems(files.dir, lang, cat))
                .map(LoadError::Catalog),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Vec::new();
    for (lang, catalog) in catalogs {
        match edition(
            files,
            lang,
            data.clone(),
            report.clone(),
            &corrections,
            catalog,
        ) {
            Ok(b) => out.push(b),
            Err(p) => problems.extend(p),
        }
    }
    if let Some(first) = out.first() {
        problems.extend(
            correction_values(files, first)
                .into_iter()
                .map(LoadError::Data),
        );
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Each value a correction names is a published value of a chart it names, in some view.
fn correction_values(files: &Files, b: &Bundle) -> Vec<data::Problem> {
    let mut problems = Vec::new();
    for c in b.corrections.iter().filter(|c| !c.values.is_empty()) {
        let mut ids = Vec::new();
        for chart in &c.charts {
            for country in spec::views(&b.snap, chart) {
                if let Ok(built) = spec::build_for(&b.snap, chart, country) {
                    ids.extend(built.value_ids());
                }
            }
        }
        for v in c.values.iter().filter(|v| !ids.contains(v)) {
            problems.push(data::Problem {
                file: files.path(data::CORRECTIONS_FILE),
                line: Some(c.line),
                about: vec![("correction", c.id.clone())],
                field: "values",
                message: format!(
                    "{v:?} is no published value of {} (a value id is v-CHART-QUESTION-YEAR-POPULATION-OPTION, as a chart's table gives it)",
                    c.charts.join(", ")
                ),
            });
        }
    }
    problems
}

/// One edition: the data in its words, its prose, every chart built and checked.
fn edition(
    files: &Files,
    lang: &str,
    data: Dataset,
    report: Report,
    corrections: &[Correction],
    catalog: text::Catalog,
) -> Result<Bundle, Vec<LoadError>> {
    let corrections = corrections
        .iter()
        .map(|c| Correction {
            text: catalog
                .text
                .correction
                .get(&c.id)
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            ..c.clone()
        })
        .collect();
    let lines = &catalog.text_lines;
    let mut strings = catalog.strings.clone();
    // Each currency the data uses, in the edition's CLDR form (its symbol and spacing).
    let mut codes: Vec<&str> = Vec::new();
    for q in &data.questions {
        if let data::Unit::Currency { code } = &q.unit {
            if !codes.contains(&code.as_str()) {
                codes.push(code.as_str());
            }
        }
    }
    strings.locale.number = catalog.cldr.number(&codes);
    let mut snap = Snapshot {
        data,
        report,
        strings,
    };
    snap.localise();
    // A note is checked like the prose (`check_prose`) and its figures filled like it.
    let filled: Vec<Option<String>> = snap
        .data
        .notes
        .iter()
        .map(|n| text::fill(&n.text, &snap.data, &snap.strings.locale.number).ok())
        .collect();
    for (n, f) in snap.data.notes.iter_mut().zip(filled) {
        if let Some(f) = f {
            n.text = f;
        }
    }
    let file = files.path(&text::file_names(lang)[0]);
    let prose = prose::parse(&catalog.text).map_err(|errors| {
        errors
            .into_iter()
            .map(|error| LoadError::Prose {
                file: file.clone(),
                line: error.place.line_of(lines, &error.needle()),
                error,
            })
            .collect::<Vec<_>>()
    })?;
    let text_problem = |problem: TextProblem| LoadError::Text {
        file: file.clone(),
        line: problem.line(&catalog.text, lines),
        problem,
    };
    let mut problems: Vec<LoadError> = check_prose(&prose, &snap)
        .into_iter()
        .map(text_problem)
        .collect();
    // The method block says how a fieldwork was done (`[ui] fieldwork`, its `{mode}`).
    if snap.data.survey.fieldwork.is_some() && snap.data.survey.mode.is_empty() {
        let place = text::Place::field("survey", "mode");
        problems.push(LoadError::Catalog(text::CatalogProblem {
            file: file.clone(),
            line: place.line(lines),
            place,
            expected: text::Expected::ModeOfFieldwork,
        }));
    }
    let chart = |error| LoadError::Chart {
        dir: files.dir.to_owned(),
        error,
    };
    for id in snap.report.ids() {
        match spec::build(&snap, id) {
            Ok(built) => {
                problems.extend(
                    spec::check_expectations(&snap, &built)
                        .into_iter()
                        .map(chart),
                );
                let mut views = vec![built];
                // Every country view the build will write (none without a selector).
                for c in spec::views(&snap, id).into_iter().flatten() {
                    match spec::build_for(&snap, id, Some(c)) {
                        Ok(v) => views.push(v),
                        Err(e) => problems.push(chart(e)),
                    }
                }
                for r in views.iter().flat_map(|v| &v.rows) {
                    if let Some(px) = crate::measure::label_fits_phone(&r.label) {
                        let problem = TextProblem::Wide {
                            chart: id.to_owned(),
                            label: crate::measure::plain(&r.label),
                            px,
                        };
                        if !problems.iter().any(
                            |p| matches!(p, LoadError::Text { problem: q, .. } if *q == problem),
                        ) {
                            problems.push(text_problem(problem));
                        }
                    }
                }
            }
            Err(e) => problems.push(chart(e)),
        }
    }
    if problems.is_empty() {
        Ok(Bundle {
            snap,
            prose,
            page: catalog.page,
            corrections,
        })
    } else {
        Err(problems)
    }
}

/// The report's own data folder, `data/` at the workspace's top, read from disk and loaded
/// in every edition: for tests that check today's figures, whatever `REPORT_DATA` a build uses.
#[cfg(any(test, feature = "test-data"))]
pub fn report_editions() -> Vec<Bundle> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let folder = data::Folder::read("data", &dir).expect("data/ is readable");
    load_editions(&folder.files()).unwrap_or_else(|p| {
        let list: Vec<String> = p.iter().map(ToString::to_string).collect();
        panic!("data/ has problems:\n{}", list.join("\n"))
    })
}
