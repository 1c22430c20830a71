//! An edition's two catalog files read into a `Catalog`, every problem a `CatalogProblem` on
//! its line.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::*;
use crate::lines::Lines;

/// The catalog as the build reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub text: TextFile,
    pub strings: Strings,
    /// The `[ui]` words only the page's HTML uses.
    pub page: PageUi,
    /// The CLDR locale of its number forms (`[locale] number`, or its language): the
    /// bundle adds the currencies its data uses.
    pub cldr: crate::cldr::Locale,
    /// `[ui]` as a table of strings, for comparing editions key by key.
    pub(super) ui_table: BTreeMap<String, String>,
    /// Where each key of `text.LANG.toml` is written.
    pub text_lines: Lines,
    /// Where each key of `ui.LANG.toml` is written.
    pub ui_lines: Lines,
}

/// The two catalog files of an edition: `text.LANG.toml`, `ui.LANG.toml`.
pub fn file_names(lang: &str) -> [String; 2] {
    [format!("text.{lang}.toml"), format!("ui.{lang}.toml")]
}

/// A TOML file deserialised as `T`, or its problem (one) on the line the parser's span names.
fn from_toml<T: serde::de::DeserializeOwned>(
    file: &str,
    src: &str,
    lines: &Lines,
) -> Result<T, Vec<CatalogProblem>> {
    toml::from_str(src).map_err(|e| {
        vec![CatalogProblem {
            file: file.to_owned(),
            line: e.span().map_or(1, |s| lines.line_of_offset(s.start)),
            place: Place::File,
            expected: Expected::Toml(e.message().trim().to_owned()),
        }]
    })
}

/// An edition's two files; `prose::parse` then reads the text into blocks.
pub fn parse(dir: &str, lang: &str, text: &str, ui: &str) -> Result<Catalog, Vec<CatalogProblem>> {
    let [text_file, ui_file] = file_names(lang).map(|f| format!("{dir}/{f}"));
    let (text_lines, ui_lines) = (Lines::read(text), Lines::read(ui));
    let text: TextFile = from_toml(&text_file, text, &text_lines)?;
    let problem = |place: Place, expected: Expected| CatalogProblem {
        file: ui_file.clone(),
        line: place.line(&ui_lines),
        place,
        expected,
    };
    let parsed: UiFile = match from_toml(&ui_file, ui, &ui_lines) {
        Ok(u) => u,
        Err(e) => {
            // Name every missing or unknown key at once, not one per build.
            let keys = loose_ui(ui).map(|have| ui_keys(&have));
            return Err(match keys {
                Some(keys) if !keys.is_empty() => keys
                    .into_iter()
                    .map(|(key, expected)| problem(Place::field("ui", &key), expected))
                    .collect(),
                _ => e,
            });
        }
    };
    let ui_table = loose_ui(ui).unwrap_or_default();
    let l = parsed.locale;
    let mut problems = Vec::new();
    let collation = crate::collate::Collation::parse(&l.collation).unwrap_or_else(|| {
        problems.push(problem(
            Place::field("locale", "collation"),
            Expected::Collation(l.collation.clone()),
        ));
        crate::collate::Collation::Latin
    });
    if l.months.len() != 12 {
        problems.push(problem(
            Place::field("locale", "months"),
            Expected::Months(l.months.len()),
        ));
    }
    if !(1.0..=3.0).contains(&l.line_height) {
        problems.push(problem(
            Place::field("locale", "line_height"),
            Expected::LineHeight(l.line_height),
        ));
    }
    if parsed.ui.lang != lang {
        problems.push(problem(
            Place::field("ui", "lang"),
            Expected::Lang {
                found: parsed.ui.lang.clone(),
                want: lang.to_owned(),
            },
        ));
    }
    let tag = l.number.clone().unwrap_or_else(|| parsed.ui.lang.clone());
    let cldr = crate::cldr::locale(&tag);
    if cldr.is_none() {
        problems.push(problem(
            Place::field("locale", "number"),
            Expected::NumberLocale(tag.clone()),
        ));
    }
    // A locale CLDR lacks is one of the problems.
    let (Some(cldr), true) = (cldr, problems.is_empty()) else {
        return Err(problems);
    };
    let (ui, page) = parsed.ui.split();
    let locale = Locale {
        percent: l.percent.unwrap_or_else(|| cldr.percent()),
        number: cldr.number(&[]),
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
            ui,
            locale,
        },
        page,
        cldr,
        text,
        ui_table,
        text_lines,
        ui_lines,
    })
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

/// A catalog's `[ui]` table when it is a table of strings; `None` when it is not even that
/// (the TOML error says why).
fn loose_ui(src: &str) -> Option<BTreeMap<String, String>> {
    #[derive(Deserialize)]
    struct Loose {
        ui: BTreeMap<String, String>,
    }
    let loose: Loose = toml::from_str(src).ok()?;
    Some(loose.ui)
}

/// The keys of `[ui]` a catalog lacks or has in excess.
fn ui_keys(ui: &BTreeMap<String, String>) -> Vec<(String, Expected)> {
    let want = field_names::<UiWords>();
    let mut problems: Vec<(String, Expected)> = want
        .iter()
        .filter(|k| !ui.contains_key(**k))
        .map(|k| ((*k).to_owned(), Expected::UiKey))
        .collect();
    problems.extend(
        ui.keys()
            .filter(|k| !want.contains(&k.as_str()))
            .map(|k| (k.clone(), Expected::KnownUiKey)),
    );
    problems
}
