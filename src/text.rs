//! The message catalog: every user-visible string of the page, from `data/text.en.toml`
//! (narrative, chart texts, short labels) and `data/ui.en.toml` (interface words). Numbers in
//! the text are placeholders `{question/year/population/option}` filled from the data, so
//! prose and charts cannot disagree; an unknown placeholder is an error, never a blank.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::data::Dataset;

pub use crate::data::{TEXT_FILE, UI_FILE};

/// `data/text.en.toml`.
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

/// `data/ui.en.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiFile {
    pub ui: Ui,
}

/// Interface words, including the few drawn inside charts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    pub lang: String,
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
}

/// What the charts and the page need from the catalog at run time (the prose stays native).
#[derive(Debug, Clone, PartialEq)]
pub struct Strings {
    pub charts: BTreeMap<String, ChartText>,
    pub labels: BTreeMap<String, String>,
    pub ui: Ui,
}

impl Strings {
    /// The label to draw for an option: its short form where the catalog has one.
    pub fn label<'a>(&'a self, option: &'a str) -> &'a str {
        self.labels.get(option).map_or(option, String::as_str)
    }
}

/// The catalog as the build reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub text: TextFile,
    pub strings: Strings,
}

/// The catalog's two files; `prose::parse` then reads the text into blocks.
pub fn parse(dir: &str, text: &str, ui: &str) -> Result<Catalog, Vec<String>> {
    let text: TextFile =
        basic_toml::from_str(text).map_err(|e| vec![format!("{dir}/{TEXT_FILE}: {e}")])?;
    let ui: UiFile = match basic_toml::from_str(ui) {
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
                .map(|p| format!("{dir}/{UI_FILE}: {p}"))
                .collect());
        }
    };
    Ok(Catalog {
        strings: Strings {
            charts: text.chart.clone(),
            labels: text.label.clone(),
            ui: ui.ui,
        },
        text,
    })
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
fn ui_keys(src: &str) -> Option<Vec<String>> {
    #[derive(Deserialize)]
    struct Loose {
        ui: BTreeMap<String, String>,
    }
    let loose: Loose = basic_toml::from_str(src).ok()?;
    let want = field_names::<Ui>();
    let mut problems: Vec<String> = want
        .iter()
        .filter(|k| !loose.ui.contains_key(**k))
        .map(|k| format!("[ui] has no `{k}` (every key is needed; start from a copy of the report's data/ui.en.toml)"))
        .collect();
    problems.extend(
        loose
            .ui
            .keys()
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

pub fn tokens(template: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        if start > 0 {
            out.push(Token::Text(&rest[..start]));
        }
        let (open, close) = if rest[start..].starts_with("{{") {
            (2, "}}")
        } else {
            (1, "}")
        };
        let inner = &rest[start + open..];
        let Some(len) = inner.find(close) else {
            out.push(Token::Unclosed(inner));
            return out;
        };
        out.push(if open == 2 {
            Token::Directive(&inner[..len])
        } else {
            Token::Placeholder(&inner[..len])
        });
        rest = &inner[len + close.len()..];
    }
    if !rest.is_empty() {
        out.push(Token::Text(rest));
    }
    out
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
