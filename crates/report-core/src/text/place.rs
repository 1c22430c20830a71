//! Where in a catalog a problem is, as a message names it and as the file's spans find it,
//! and the catalog problems themselves as values: file, line, key, and what was expected.

use std::fmt;

use crate::lines::Lines;

/// A key of `text.LANG.toml` or `ui.LANG.toml`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The file as a whole (it does not parse, or does not have the catalog's shape).
    File,
    /// `[TABLE] KEY` of a table of named fields (`page`, `survey`, `ui`, `locale`); an empty
    /// key is the table itself.
    Field { table: &'static str, key: String },
    /// `[TABLE] "KEY"` of a table keyed by the data (`label`, `population`, `option`, `note`).
    Entry { table: &'static str, key: String },
    /// `[TABLE.ID] FIELD` (`chart`, `question`, `correction`); `words.KEY` for a chart's word,
    /// and an empty field for the table itself.
    Item {
        table: &'static str,
        id: String,
        field: String,
    },
    /// A field of the `[[section]]` at `index` (from 0), whose id is `id`.
    Section {
        index: usize,
        id: String,
        field: &'static str,
    },
    /// A field of the `[[agenda]]` item at `index` (from 0).
    Agenda { index: usize, field: &'static str },
    /// `[survey] languages`, the language at `index` (from 0).
    Language(usize),
}

impl Place {
    pub fn field(table: &'static str, key: &str) -> Place {
        Place::Field {
            table,
            key: key.to_owned(),
        }
    }

    pub fn entry(table: &'static str, key: &str) -> Place {
        Place::Entry {
            table,
            key: key.to_owned(),
        }
    }

    pub fn item(table: &'static str, id: &str, field: &str) -> Place {
        Place::Item {
            table,
            id: id.to_owned(),
            field: field.to_owned(),
        }
    }

    /// The TOML path of the key, for its line.
    pub fn path(&self) -> Vec<String> {
        let mut p: Vec<String> = Vec::new();
        match self {
            Place::File => {}
            Place::Field { table, key } | Place::Entry { table, key } => {
                p.push((*table).to_owned());
                if !key.is_empty() {
                    p.push(key.clone());
                }
            }
            Place::Item { table, id, field } => {
                p.push((*table).to_owned());
                p.push(id.clone());
                p.extend(
                    field
                        .split('.')
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned),
                );
            }
            Place::Section { index, field, .. } => {
                p.extend(["section".to_owned(), index.to_string(), (*field).to_owned()]);
            }
            Place::Agenda { index, field } => {
                p.extend(["agenda".to_owned(), index.to_string(), (*field).to_owned()]);
            }
            Place::Language(i) => {
                p.extend(["survey".to_owned(), "languages".to_owned(), i.to_string()]);
            }
        }
        p
    }

    /// The line of the key in `lines` (of the table it belongs in, when it is not written).
    pub fn line(&self, lines: &Lines) -> usize {
        let path = self.path();
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        lines.line(&path)
    }

    /// The line on which `needle` stands inside the key's value.
    pub fn line_of(&self, lines: &Lines, needle: &str) -> usize {
        let path = self.path();
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        lines.line_of(&path, needle)
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => Ok(()),
            Place::Field { table, key } if key.is_empty() => write!(f, "[{table}]"),
            Place::Field { table, key } => write!(f, "[{table}] {key}"),
            Place::Entry { table, key } if key.is_empty() => write!(f, "[{table}]"),
            Place::Entry { table, key } => write!(f, "[{table}] {key:?}"),
            Place::Item { table, id, field } if field.is_empty() => write!(f, "[{table}.{id}]"),
            Place::Item { table, id, field } => write!(f, "[{table}.{id}] {field}"),
            Place::Section { id, field, .. } => write!(f, "section {id:?} {field}"),
            Place::Agenda { index, field } => write!(f, "agenda item {} {field}", index + 1),
            Place::Language(i) => write!(f, "[survey] languages {}", i + 1),
        }
    }
}

/// One problem with an edition's catalog files.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogProblem {
    /// The file as the folder names it (`data/ui.th.toml`).
    pub file: String,
    pub line: usize,
    pub place: Place,
    pub expected: Expected,
}

/// What a catalog key should have been, and the rule that says so.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// TOML of the catalog's shape; the parser's message.
    Toml(String),
    /// A `[ui]` key every edition has.
    UiKey,
    /// None of the `[ui]` keys the engine reads (this one is unknown).
    KnownUiKey,
    /// A collation the engine sorts by; the one found.
    Collation(String),
    /// Twelve month names; how many were found.
    Months(usize),
    /// A line height from 1 to 3 ems; the one found.
    LineHeight(f64),
    /// The edition's own language code in `[ui] lang`.
    Lang { found: String, want: String },
    /// The key, as the first edition has it (at `line` of `reference`).
    InTranslation { reference: String, line: usize },
    /// No key the first edition lacks.
    NotExtra { reference: String },
    /// The placeholders of the first edition's string.
    Slots {
        found: Vec<String>,
        want: Vec<String>,
        reference: String,
    },
    /// A year in the edition's own era; the Christian-Era year written, and the offset.
    Era { year: u16, offset: u16 },
    /// Words for every `what` of the data (this key of the data has none).
    Words { what: &'static str },
    /// Only keys that are a `what` of the data.
    DataKey { what: &'static str },
    /// Words, not an empty string.
    NotEmpty,
    /// A short form of an option that `[option]` names.
    ShortOfOption,
    /// A locale of CLDR's modern coverage for the number forms; the tag that is not one.
    NumberLocale(String),
    /// How the survey was done, where survey.toml gives its fieldwork.
    ModeOfFieldwork,
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        let place = &self.place;
        let (table, key) = match place {
            Place::Field { table, key } | Place::Entry { table, key } => (*table, key.as_str()),
            _ => ("", ""),
        };
        match &self.expected {
            Expected::Toml(m) if *place == Place::File => f.write_str(m),
            Expected::Toml(m) => write!(f, "{place}: {m}"),
            Expected::UiKey => write!(
                f,
                "[ui] has no `{key}` (every key is needed; data/README.md lists them)"
            ),
            Expected::KnownUiKey => write!(
                f,
                "[ui] has an unknown key `{key}` (only the keys data/README.md lists are read)"
            ),
            Expected::Collation(found) => write!(
                f,
                "[locale] collation {found:?} is not one of \"latin\", \"kana\", \"thai\""
            ),
            Expected::Months(n) => write!(f, "[locale] months has {n} names; it needs 12"),
            Expected::LineHeight(v) => write!(
                f,
                "[locale] line_height {v} is not between 1 and 3 (ems)"
            ),
            Expected::Lang { found, want } => write!(
                f,
                "[ui] lang is {found:?}, but the file is the {want:?} edition's"
            ),
            Expected::InTranslation { reference, line } => write!(
                f,
                "{place} is missing (it is in {reference}, line {line}: every edition has the first edition's keys)"
            ),
            Expected::NotExtra { reference } => write!(
                f,
                "{place} is not in {reference} (an extra key: every edition has the first edition's keys and no others)"
            ),
            Expected::Slots {
                found,
                want,
                reference,
            } => write!(
                f,
                "{place} has the placeholders {found:?}, but {reference} has {want:?}: a translation keeps every placeholder and invents none"
            ),
            Expected::Era { year, offset } => write!(
                f,
                "{place}: {year} is a Christian-Era year, and this edition writes every year in its own era ([locale] year_offset = {offset}): write {} (a year inside an original title stays as published: mark the title _like this_)",
                u32::from(*year) + u32::from(*offset)
            ),
            Expected::Words { what } => write!(
                f,
                "[{table}] has no {key:?} (every {what} needs its words)"
            ),
            Expected::DataKey { what } => {
                write!(f, "[{table}] has {key:?}, which is no {what}")
            }
            Expected::NotEmpty => write!(f, "{place} is empty (it needs words)"),
            Expected::ShortOfOption => write!(
                f,
                "{place} is a short form of no option in [option] (a label shortens an option's name)"
            ),
            Expected::ModeOfFieldwork => f.write_str(
                "[survey] has no `mode`: survey.toml gives a fieldwork, and the method block says how it was done (\"online\"); leave out both fieldwork dates where there was none",
            ),
            Expected::NumberLocale(tag) => write!(
                f,
                "[locale] number: CLDR has no number forms for {tag:?} at its modern coverage level (the edition writes numbers as a CLDR locale does: name one in [locale] number, e.g. \"en\", \"es\", \"es-MX\", \"th\"; crates/report-core/cldr/numbers.tsv lists them all)"
            ),
        }
    }
}
