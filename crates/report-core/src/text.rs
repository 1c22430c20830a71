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
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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

/// The catalog as the build reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub text: TextFile,
    pub strings: Strings,
    /// `[ui]` as a table of strings, for comparing editions key by key.
    ui_table: BTreeMap<String, String>,
}

/// The two catalog files of an edition: `text.LANG.toml`, `ui.LANG.toml`.
pub fn file_names(lang: &str) -> [String; 2] {
    [format!("text.{lang}.toml"), format!("ui.{lang}.toml")]
}

/// An edition's two files; `prose::parse` then reads the text into blocks.
pub fn parse(dir: &str, lang: &str, text: &str, ui: &str) -> Result<Catalog, Vec<String>> {
    let [text_file, ui_file] = file_names(lang);
    let text: TextFile =
        basic_toml::from_str(text).map_err(|e| vec![format!("{dir}/{text_file}: {e}")])?;
    let parsed: UiFile = match basic_toml::from_str(ui) {
        Ok(u) => u,
        Err(e) => {
            // Name every missing or unknown key at once, not one per build.
            let keys = ui_keys(ui);
            let problems = match keys {
                Some(problems) if !problems.is_empty() => problems,
                _ => vec![e.to_string()],
            };
            return Err(problems
                .into_iter()
                .map(|p| format!("{dir}/{ui_file}: {p}"))
                .collect());
        }
    };
    let ui_table = loose_ui(ui).unwrap_or_default();
    let l = parsed.locale;
    let mut problems = Vec::new();
    let collation = crate::collate::Collation::parse(&l.collation).unwrap_or_else(|| {
        problems.push(format!(
            "{dir}/{ui_file}: [locale] collation {:?} is not one of \"latin\", \"kana\", \"thai\"",
            l.collation
        ));
        crate::collate::Collation::Latin
    });
    if l.months.len() != 12 {
        problems.push(format!(
            "{dir}/{ui_file}: [locale] months has {} names; it needs 12",
            l.months.len()
        ));
    }
    if !(1.0..=3.0).contains(&l.line_height) {
        problems.push(format!(
            "{dir}/{ui_file}: [locale] line_height {} is not between 1 and 3 (ems)",
            l.line_height
        ));
    }
    if parsed.ui.lang != lang {
        problems.push(format!(
            "{dir}/{ui_file}: [ui] lang is {:?}, but the file is the {lang:?} edition's",
            parsed.ui.lang
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let locale = Locale {
        percent: l.percent,
        date: l.date,
        date_month: l.date_month,
        date_year: l.date_year,
        months: l.months,
        year_offset: l.year_offset,
        collation,
        font: l.font,
        // Checked above to lie between 1 and 3.
        line_height: (l.line_height * 100.0).round() as u16,
        sentence_gap: l.sentence_gap,
    };
    Ok(Catalog {
        strings: Strings {
            charts: text.chart.clone(),
            labels: text.label.clone(),
            options: text.option.clone(),
            data: DataText {
                survey: text.survey.clone(),
                populations: text.population.clone(),
                questions: text.question.clone(),
                notes: text.note.clone(),
            },
            ui: parsed.ui,
            locale,
        },
        text,
        ui_table,
    })
}

/// Every string of a text catalog with the place a message names it by.
fn text_strings(t: &TextFile) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    let p = &t.page;
    for (k, v) in [
        ("title", &p.title),
        ("description", &p.description),
        ("kicker", &p.kicker),
        ("dek", &p.dek),
        ("byline", &p.byline),
    ] {
        out.push((format!("[page] {k}"), v));
    }
    for (i, s) in t.section.iter().enumerate() {
        let at = format!("[[section]] {} (id {:?})", i + 1, s.id);
        for (k, v) in [
            ("nav", &s.nav),
            ("heading", &s.heading),
            ("claim", &s.claim),
            ("body", &s.body),
        ] {
            out.push((format!("{at} {k}"), v));
        }
    }
    for (i, a) in t.agenda.iter().enumerate() {
        out.push((format!("[[agenda]] {} title", i + 1), &a.title));
        out.push((format!("[[agenda]] {} text", i + 1), &a.text));
    }
    for (id, c) in &t.chart {
        for (k, v) in [
            ("title", &c.title),
            ("takeaway", &c.takeaway),
            ("subtitle", &c.subtitle),
            ("row_header", &c.row_header),
        ] {
            out.push((format!("[chart.{id}] {k}"), v));
        }
        for (k, v) in &c.words {
            out.push((format!("[chart.{id}] words.{k}"), v));
        }
    }
    let s = &t.survey;
    for (k, v) in [
        ("title", &s.title),
        ("publisher", &s.publisher),
        ("mode", &s.mode),
        ("weighting", &s.weighting),
    ] {
        out.push((format!("[survey] {k}"), v));
    }
    for (i, l) in s.languages.iter().enumerate() {
        out.push((format!("[survey] languages {}", i + 1), l));
    }
    for (table, map) in [
        ("label", &t.label),
        ("population", &t.population),
        ("option", &t.option),
        ("note", &t.note),
    ] {
        for (k, v) in map {
            out.push((format!("[{table}] {k:?}"), v));
        }
    }
    for (id, q) in &t.question {
        for (k, v) in [
            ("title", &q.title),
            ("measure", &q.measure),
            ("base", &q.base),
        ] {
            out.push((format!("[question.{id}] {k}"), v));
        }
        if let Some(w) = &q.wording {
            out.push((format!("[question.{id}] wording"), w));
        }
    }
    out
}

/// One calendar per edition: an edition whose years are in another era (`[locale]
/// year_offset`, 543 for the Buddhist Era) writes no Christian-Era year (1900 to 2100) in its
/// words, outside the original titles of works (`_Title_`, `[survey] title`) and outside
/// placeholders (whose years are data keys).
pub fn era_problems(dir: &str, lang: &str, cat: &Catalog) -> Vec<String> {
    let offset = cat.strings.locale.year_offset;
    if offset == 0 {
        return Vec::new();
    }
    let [text_file, ui_file] = file_names(lang);
    let texts = text_strings(&cat.text)
        .into_iter()
        .filter(|(place, _)| place != "[survey] title")
        .map(|(place, s)| (text_file.as_str(), place, s));
    let uis = cat
        .ui_table
        .iter()
        .map(|(k, v)| (ui_file.as_str(), format!("[ui] {k}"), v.as_str()));
    let mut out = Vec::new();
    for (file, place, s) in texts.chain(uis) {
        for year in common_era_years(s) {
            out.push(format!(
                "{dir}/{file}: {place}: {year} is a Christian-Era year, and this edition writes every year in its own era ([locale] year_offset = {offset}): write {} (a year inside an original title stays as published: mark the title _like this_)",
                u32::from(year) + u32::from(offset)
            ));
        }
    }
    out
}

/// Four-digit numbers from 1900 to 2100 in a string's text, outside placeholders and outside
/// `_cited titles_`: "1,994" and "2024.5" are not years.
fn common_era_years(s: &str) -> Vec<u16> {
    let mut out = Vec::new();
    for token in tokens(s) {
        let Token::Text(t) = token else { continue };
        for (i, part) in t.split('_').enumerate() {
            // Odd parts lie between underscores: a cited title.
            if i % 2 == 1 {
                continue;
            }
            let chars: Vec<char> = part.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                if !chars[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                let joined = |at: Option<&char>, next: Option<&char>| {
                    matches!(at, Some(',' | '.')) && next.is_some_and(char::is_ascii_digit)
                };
                let before = start.checked_sub(1).is_some_and(|b| {
                    joined(chars.get(b), b.checked_sub(1).and_then(|c| chars.get(c)))
                });
                let after = joined(chars.get(i), chars.get(i + 1));
                if i - start == 4 && !before && !after {
                    let n: String = chars[start..i].iter().collect();
                    if let Ok(y @ 1900..=2100) = n.parse::<u16>() {
                        out.push(y);
                    }
                }
            }
        }
    }
    out
}

/// The placeholders and directives of a string, sorted: what a translation must keep.
fn slots(s: &str) -> Vec<String> {
    let mut v: Vec<String> = tokens(s)
        .into_iter()
        .filter_map(|t| match t {
            Token::Placeholder(p) => Some(format!("{{{p}}}")),
            Token::Directive(d) => Some(format!("{{{{{d}}}}}")),
            _ => None,
        })
        .collect();
    v.sort();
    v
}

/// A translation against the edition it translates (the first one): the same keys, the same
/// sections in the same order, and in every string the same placeholders and directives.
pub fn compare(dir: &str, reference: &Catalog, lang: &str, other: &Catalog) -> Vec<String> {
    let [text_file, ui_file] = file_names(lang);
    let mut problems = Vec::new();
    let (want, got) = (text_strings(&reference.text), text_strings(&other.text));
    let (want_map, got_map): (BTreeMap<_, _>, BTreeMap<_, _>) =
        (want.into_iter().collect(), got.into_iter().collect());
    let reference_file = &file_names(&reference.strings.ui.lang)[0];
    for (place, w) in &want_map {
        match got_map.get(place) {
            None => problems.push(format!(
                "{dir}/{text_file}: {place} is missing (it is in {reference_file})"
            )),
            Some(g) if slots(w) != slots(g) => problems.push(format!(
                "{dir}/{text_file}: {place} has the placeholders {:?}, but {reference_file} has {:?}: a translation keeps every placeholder and invents none",
                slots(g),
                slots(w)
            )),
            Some(_) => {}
        }
    }
    for place in got_map.keys().filter(|p| !want_map.contains_key(*p)) {
        problems.push(format!(
            "{dir}/{text_file}: {place} is not in {reference_file} (an extra key)"
        ));
    }
    let reference_ui = &file_names(&reference.strings.ui.lang)[1];
    for (key, w) in &reference.ui_table {
        if let Some(g) = other.ui_table.get(key) {
            if slots(w) != slots(g) {
                problems.push(format!(
                    "{dir}/{ui_file}: [ui] {key} has the placeholders {:?}, but {reference_ui} has {:?}: a translation keeps every placeholder and invents none",
                    slots(g),
                    slots(w)
                ));
            }
        }
    }
    problems
}

/// A sentence with named slots (`{population} {year}`) filled in: a slot not given stays as
/// written. Catalog templates are checked for their slots when the catalog loads.
pub fn template(t: &str, slots: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(t.len() + 16);
    for token in tokens(t) {
        match token {
            Token::Text(s) => out.push_str(s),
            Token::Placeholder(name) => match slots.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => out.push_str(v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
            Token::Directive(d) => {
                out.push_str("{{");
                out.push_str(d);
                out.push_str("}}");
            }
            Token::Unclosed(rest) => {
                out.push('{');
                out.push_str(rest);
            }
        }
    }
    out
}

/// The field names serde expects for struct `T`: what a catalog table must hold.
fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};
    struct Names(&'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for &mut Names {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("only the field names are read"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields;
            Err(de::Error::custom("only the field names are read"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 char str string bytes byte_buf option
            unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut names = Names(&[]);
    let _ = T::deserialize(&mut names);
    names.0
}

/// The keys of `[ui]` a catalog lacks or has in excess, when its `[ui]` table is a table of
/// strings; `None` when it is not even that (the TOML error says why).
fn loose_ui(src: &str) -> Option<BTreeMap<String, String>> {
    #[derive(Deserialize)]
    struct Loose {
        ui: BTreeMap<String, String>,
    }
    let loose: Loose = basic_toml::from_str(src).ok()?;
    Some(loose.ui)
}

fn ui_keys(src: &str) -> Option<Vec<String>> {
    let ui = loose_ui(src)?;
    let want = field_names::<Ui>();
    let mut problems: Vec<String> = want
        .iter()
        .filter(|k| !ui.contains_key(**k))
        .map(|k| format!("[ui] has no `{k}` (every key is needed; data/README.md lists them)"))
        .collect();
    problems.extend(
        ui.keys()
            .filter(|k| !want.contains(&k.as_str()))
            .map(|k| format!("[ui] has an unknown key `{k}`")),
    );
    Some(problems)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceholderError {
    pub placeholder: String,
    pub reason: &'static str,
}

impl fmt::Display for PlaceholderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "placeholder {{{}}}: {}", self.placeholder, self.reason)
    }
}

/// A piece of catalog text: literal text, a `{placeholder}` or a `{{directive}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    Text(&'a str),
    Placeholder(&'a str),
    Directive(&'a str),
    /// An opening brace that is never closed (the rest of the text).
    Unclosed(&'a str),
}

/// The text's pieces, in order. No slice here can panic (the braces are found as bytes and
/// cut with `get`), so the embed build carries none of the string-slicing panic's formatting,
/// about 4 KB of WASM.
pub fn tokens(template: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some((text, after)) = rest.split_once('{') {
        if !text.is_empty() {
            out.push(Token::Text(text));
        }
        let (directive, inner) = match after.strip_prefix('{') {
            Some(inner) => (true, inner),
            None => (false, after),
        };
        let Some((body, next)) = split_at_close(inner, directive) else {
            out.push(Token::Unclosed(inner));
            return out;
        };
        out.push(if directive {
            Token::Directive(body)
        } else {
            Token::Placeholder(body)
        });
        rest = next;
    }
    if !rest.is_empty() {
        out.push(Token::Text(rest));
    }
    out
}

/// `s` around the first `}` (or `}}`), without it. A brace is one byte that is never part of
/// another character's UTF-8, so where it is found is always a boundary.
fn split_at_close(s: &str, double: bool) -> Option<(&str, &str)> {
    let bytes = s.as_bytes();
    let (at, len) = if double {
        (bytes.windows(2).position(|w| w == b"}}")?, 2)
    } else {
        (bytes.iter().position(|&b| b == b'}')?, 1)
    };
    Some((s.get(..at)?, s.get(at + len..)?))
}

/// Replace every `{question/year/population/option}` with the value as published. Directives
/// (`{{...}}`) are kept as written. Collects every bad placeholder.
pub fn fill(template: &str, data: &Dataset) -> Result<String, Vec<PlaceholderError>> {
    let mut out = String::with_capacity(template.len());
    let mut errors = Vec::new();
    for t in tokens(template) {
        match t {
            Token::Text(s) => out.push_str(s),
            Token::Directive(d) => {
                out.push_str("{{");
                out.push_str(d);
                out.push_str("}}");
            }
            Token::Placeholder(key) => match lookup(key, data) {
                Ok(v) => out.push_str(v),
                Err(e) => errors.push(e),
            },
            Token::Unclosed(rest) => errors.push(PlaceholderError {
                placeholder: rest.chars().take(40).collect(),
                reason: "is not closed with }",
            }),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The value a placeholder names, as published.
pub fn lookup<'a>(key: &str, data: &'a Dataset) -> Result<&'a str, PlaceholderError> {
    let fail = |reason| PlaceholderError {
        placeholder: key.to_owned(),
        reason,
    };
    let parts: Vec<&str> = key.splitn(4, '/').collect();
    let [question, year, population, option] = parts[..] else {
        return Err(fail("is not question/year/population/option"));
    };
    data.question(question)
        .ok_or_else(|| fail("names no question in survey.toml"))?;
    let year: u16 = year.parse().map_err(|_| fail("has no year"))?;
    let population = data
        .population(population)
        .ok_or_else(|| fail("names no population"))?;
    data.cells(question, year, population)
        .find(|v| v.option == option)
        .map(|v| v.value.text())
        .ok_or_else(|| fail("names no value in values.csv (check the question, year, population and option, letter for letter)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_with_values_as_published() {
        let data = crate::test_data().snap.data;
        assert_eq!(
            fill("Japan: {trust/2024/ASEAN/Japan}%, {{figure:x}} kept", &data).unwrap(),
            "Japan: 58.9%, {{figure:x}} kept"
        );
    }

    #[test]
    fn common_era_years_are_found_outside_titles_placeholders_and_grouped_numbers() {
        assert_eq!(
            common_era_years("ในปี 2024 {trust/2024/ASEAN/Japan}% _2024 Survey Report_ 1,994 2024.5 2567 1899 2100"),
            vec![2024, 2100]
        );
        assert!(common_era_years("ปี 2566 2567 และ 2568").is_empty());
    }

    #[test]
    fn an_edition_in_another_era_names_each_common_era_year_with_its_own() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
        let mut cat = parse("d", "en", &read("text.en.toml"), &read("ui.en.toml")).unwrap();
        assert!(
            era_problems("d", "en", &cat).is_empty(),
            "no offset, no check"
        );
        cat.strings.locale.year_offset = 543;
        cat.ui_table
            .insert("credits".into(), "published in April 2024.".into());
        let problems = era_problems("d", "en", &cat);
        assert!(
            problems.contains(&"d/ui.en.toml: [ui] credits: 2024 is a Christian-Era year, and this edition writes every year in its own era ([locale] year_offset = 543): write 2567 (a year inside an original title stays as published: mark the title _like this_)".to_owned()),
            "{problems:#?}"
        );
        assert!(problems.iter().all(|p| !p.contains("[survey] title")));
    }

    #[test]
    fn a_text_splits_into_its_tokens() {
        use Token::*;
        let cases: [(&str, &[Token<'_>]); 9] = [
            (
                "a {x} b {{d}} c",
                &[
                    Text("a "),
                    Placeholder("x"),
                    Text(" b "),
                    Directive("d"),
                    Text(" c"),
                ],
            ),
            ("a {x", &[Text("a "), Unclosed("x")]),
            ("{{d}", &[Unclosed("d}")]),
            ("{}", &[Placeholder("")]),
            ("{{}}", &[Directive("")]),
            ("x}", &[Text("x}")]),
            ("{a{b}", &[Placeholder("a{b")]),
            ("{x}{y}", &[Placeholder("x"), Placeholder("y")]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(tokens(text), want, "{text:?}");
        }
        // Multi-byte text on both sides of the braces.
        assert_eq!(
            tokens("ญี่ปุ่น {x} 日本"),
            [Text("ญี่ปุ่น "), Placeholder("x"), Text(" 日本")]
        );
    }

    #[test]
    fn every_bad_placeholder_is_reported() {
        let data = crate::test_data().snap.data;
        let errors = fill(
            "{trust/2024/ASEAN/Atlantis} and {trust/2019/ASEAN/Japan} and {nope}",
            &data,
        )
        .unwrap_err();
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            messages,
            [
                "placeholder {trust/2024/ASEAN/Atlantis}: names no value in values.csv (check the question, year, population and option, letter for letter)",
                "placeholder {trust/2019/ASEAN/Japan}: names no value in values.csv (check the question, year, population and option, letter for letter)",
                "placeholder {nope}: is not question/year/population/option",
            ]
        );
    }
}
