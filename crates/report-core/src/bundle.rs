//! Everything the page is built from, loaded and checked in one place: the data files, the
//! chart definitions and the message catalog of one data folder. `build.rs` runs this on the
//! folder `REPORT_DATA` names (default `data/`) and snapshots the result for the browser, so a
//! problem fails the build, listing every message. `lib.rs` embeds the same folder.

use std::fmt;
use std::ops::Deref;

use crate::data::{self, Correction, Dataset, Files, Report};
use crate::prose::{self, Block, Inline, Prose, ProseError};
use crate::spec;
use crate::text::{self, Strings};

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
    /// the notes, the question wordings, the method's languages and weighting, and the `[ui]`
    /// words only the HTML uses.
    pub fn browser_strings(&self) -> Strings {
        let mut t = self.snap.strings.clone();
        t.data.notes.clear();
        for q in t.data.questions.values_mut() {
            q.wording = None;
        }
        t.ui = t.ui.for_browser();
        t.data.survey.languages.clear();
        t.data.survey.weighting.clear();
        t
    }
}

/// One problem with a data folder, from whichever layer found it; `Display` is the message a
/// researcher reads, naming the file and what to change.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The figures or the chart definitions (file, line, what it is about, field).
    Data(data::Problem),
    /// A catalog file that cannot be read: its TOML, or its `[ui]` keys.
    Catalog(String),
    /// Text that cannot be parsed into blocks.
    Prose { file: String, error: ProseError },
    /// Text checked against the data and the chart definitions.
    Text { file: String, problem: TextProblem },
    /// A chart that cannot be built from its definition, or whose expectation failed.
    Chart { dir: String, error: spec::SpecError },
}

#[derive(Debug, Clone, PartialEq)]
pub enum TextProblem {
    Sections {
        want: Vec<String>,
        found: Vec<String>,
    },
    Placeholder {
        place: String,
        error: text::PlaceholderError,
    },
    Typed {
        place: String,
        figure: String,
    },
    Placed {
        chart: String,
        line: usize,
        times: usize,
    },
    Undefined {
        section: String,
        chart: String,
    },
    Orphan {
        chart: String,
    },
    /// A row label wider than a phone's chart: about `px` CSS px at the label size.
    Wide {
        chart: String,
        label: String,
        px: f64,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Data(p) => write!(f, "{p}"),
            LoadError::Catalog(m) => f.write_str(m),
            LoadError::Prose { file, error } => write!(f, "{file}: {error}"),
            LoadError::Chart { dir, error } => write!(f, "{dir}/{error}"),
            LoadError::Text { file, problem } => {
                write!(f, "{file}: ")?;
                match problem {
                    TextProblem::Sections { want, found } => write!(
                        f,
                        "the sections must be {want:?} in this order (charts.toml [report] sections), found {found:?}"
                    ),
                    TextProblem::Placeholder { place, error } => write!(f, "{place}: {error}"),
                    TextProblem::Typed { place, figure } => write!(
                        f,
                        "{place}: the figure {figure} is typed into the text; write it as a placeholder {{question/year/population/option}} so that it comes from values.csv"
                    ),
                    TextProblem::Placed { chart, line, times } => write!(
                        f,
                        "chart {chart:?} (charts.toml line {line}) is placed {times} times; place it once with {{{{figure:{chart}}}}} on a line of its own in a section body"
                    ),
                    TextProblem::Undefined { section, chart } => write!(
                        f,
                        "section {section:?} places chart {chart:?} with {{{{figure:{chart}}}}}, and charts.toml defines no chart with that id"
                    ),
                    TextProblem::Orphan { chart } => write!(
                        f,
                        "[chart.{chart}] has texts for a chart that charts.toml does not define"
                    ),
                    TextProblem::Wide { chart, label, px } => write!(
                        f,
                        "chart {chart:?}: the label {label:?} is about {px} px wide, and a 320 px phone has {} px for it: give it a shorter form in [label] (or in [chart.{chart}] words)",
                        crate::measure::PHONE_LABEL_ROOM
                    ),
                }
            }
        }
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
            data_keys(files.dir, lang, &cat.text, &data, &corrections)
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

/// The catalog's words of the data against the data: one name per population, option,
/// question and note, and none for anything the data does not have.
fn data_keys(
    dir: &str,
    lang: &str,
    t: &text::TextFile,
    data: &Dataset,
    corrections: &[Correction],
) -> Vec<String> {
    let [file, _] = text::file_names(lang);
    let mut problems = Vec::new();
    let mut options: Vec<&str> = data.values.iter().map(|v| v.option.as_str()).collect();
    options.sort_unstable();
    options.dedup();
    let populations: Vec<&str> = data.populations.iter().map(|p| p.code.as_str()).collect();
    let questions: Vec<&str> = data.questions.iter().map(|q| q.id.as_str()).collect();
    let notes: Vec<&str> = data.notes.iter().map(|n| n.id.as_str()).collect();
    let fixed: Vec<&str> = corrections.iter().map(|c| c.id.as_str()).collect();
    let tables: [(&str, Vec<&str>, Vec<&str>, &str); 5] = [
        (
            "population",
            populations,
            t.population.keys().map(String::as_str).collect(),
            "population code of survey.toml",
        ),
        (
            "option",
            options,
            t.option.keys().map(String::as_str).collect(),
            "option of values.csv",
        ),
        (
            "question",
            questions,
            t.question.keys().map(String::as_str).collect(),
            "question id of survey.toml",
        ),
        (
            "note",
            notes,
            t.note.keys().map(String::as_str).collect(),
            "note id of notes.toml",
        ),
        (
            "correction",
            fixed,
            t.correction.keys().map(String::as_str).collect(),
            "correction id of corrections.toml",
        ),
    ];
    for (table, want, got, what) in tables {
        for w in &want {
            if !got.contains(w) {
                problems.push(format!(
                    "{dir}/{file}: [{table}] has no {w:?} (every {what} needs its words)"
                ));
            }
        }
        for g in got.iter().filter(|g| !want.contains(g)) {
            problems.push(format!(
                "{dir}/{file}: [{table}] has {g:?}, which is no {what}"
            ));
        }
    }
    for (q, w) in &t.question {
        let has = data.questions.iter().any(|d| &d.id == q);
        if has && w.wording.as_deref().is_some_and(|w| w.trim().is_empty()) {
            problems.push(format!("{dir}/{file}: [question.{q}] wording is empty"));
        }
    }
    for (k, c) in &t.correction {
        if c.text.trim().is_empty() {
            problems.push(format!("{dir}/{file}: [correction.{k}] text is empty"));
        }
    }
    for (k, v) in &t.label {
        if !t.option.contains_key(k) {
            problems.push(format!(
                "{dir}/{file}: [label] {k:?} is a short form of no option in [option]"
            ));
        } else if v.trim().is_empty() {
            problems.push(format!("{dir}/{file}: [label] {k:?} is empty"));
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
    let mut snap = Snapshot {
        data,
        report,
        strings: catalog.strings,
    };
    snap.localise();
    let file = files.path(&text::file_names(lang)[0]);
    let prose = prose::parse(&catalog.text).map_err(|errors| {
        errors
            .into_iter()
            .map(|error| LoadError::Prose {
                file: file.clone(),
                error,
            })
            .collect::<Vec<_>>()
    })?;
    let mut problems: Vec<LoadError> = check_prose(&prose, &snap)
        .into_iter()
        .map(|problem| LoadError::Text {
            file: file.clone(),
            problem,
        })
        .collect();
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
                            problems.push(LoadError::Text {
                                file: file.clone(),
                                problem,
                            });
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
            corrections,
        })
    } else {
        Err(problems)
    }
}

/// Sections as charts.toml lists them, every placeholder resolvable, no figure typed by hand,
/// every chart placed once and every placed chart defined.
fn check_prose(text: &Prose, snap: &Snapshot) -> Vec<TextProblem> {
    let mut problems = Vec::new();
    let sections = &snap.report.sections;
    let found: Vec<String> = text.sections.iter().map(|s| s.id.clone()).collect();
    if found != *sections {
        problems.push(TextProblem::Sections {
            want: sections.clone(),
            found,
        });
    }
    let data = &snap.data;
    let typed = |place: &str, t: &str, problems: &mut Vec<TextProblem>| {
        for figure in typed_figures(t) {
            problems.push(TextProblem::Typed {
                place: place.to_owned(),
                figure,
            });
        }
    };
    for (place, runs) in text.inlines() {
        for r in runs {
            match r {
                Inline::Figure(key) => {
                    if let Err(error) = text::lookup(key, data) {
                        problems.push(TextProblem::Placeholder {
                            place: place.clone(),
                            error,
                        });
                    }
                }
                Inline::Text(t) | Inline::Cite(t) => typed(&place, t, &mut problems),
            }
        }
    }
    // Chart subtitles are plain text the charts draw from (never rendered with figures).
    for (id, c) in &snap.strings.charts {
        let place = format!("[chart.{id}] subtitle");
        if let Err(errors) = text::fill(&c.subtitle, data) {
            for error in errors {
                problems.push(TextProblem::Placeholder {
                    place: place.clone(),
                    error,
                });
            }
        }
        typed(&place, &c.subtitle, &mut problems);
    }
    for def in &snap.report.charts {
        let times = text.placements(&def.id).count();
        if times != 1 {
            problems.push(TextProblem::Placed {
                chart: def.id.clone(),
                line: def.line,
                times,
            });
        }
    }
    for s in &text.sections {
        for b in &s.blocks {
            if let Block::Chart(id) = b {
                if snap.report.chart(id).is_none() {
                    problems.push(TextProblem::Undefined {
                        section: s.id.clone(),
                        chart: id.clone(),
                    });
                }
            }
        }
    }
    for id in snap.strings.charts.keys() {
        if snap.report.chart(id).is_none() {
            problems.push(TextProblem::Orphan { chart: id.clone() });
        }
    }
    problems
}

/// Decimal numbers (`41.2`) written as text outside placeholders: a survey figure typed by
/// hand, which could disagree with the data. Whole numbers (years, "ten", "1,994") are not
/// flagged: they are dates and method facts, not published shares.
fn typed_figures(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in text::tokens(t) {
        let text::Token::Text(s) = token else {
            continue;
        };
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                    i += 1;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                    out.push(s[start..i].to_owned());
                }
            } else {
                i += 1;
            }
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::typed_figures;

    #[test]
    fn typed_decimal_figures_are_found_and_placeholders_and_whole_numbers_are_not() {
        assert_eq!(
            typed_figures(
                "In 2024, 41.2% said so ({trust/2024/ASEAN/Japan}%), and 1,994 people; v2.0"
            ),
            ["41.2"]
        );
        assert!(typed_figures("Dr. Somkiat, ten states, 2023.").is_empty());
    }
}
