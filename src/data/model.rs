//! The validated domain model. Built only by `validate::build`; everything downstream takes a
//! `Dataset` and may rely on its invariants (ids resolve, values in range, no duplicate cells).

use std::fmt;

#[derive(Debug, Clone)]
pub struct Dataset {
    pub survey: Survey,
    pub questions: Vec<Question>,
    pub values: Vec<Value>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone)]
pub struct Survey {
    pub title: String,
    pub publisher: String,
    pub published: PubDate,
    pub editions: Vec<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// One answer per respondent: options of one population and year add up to at most 100.
    SingleChoice,
    /// Each option is a share of its own (e.g. confidence in each power).
    Measure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub title: String,
    pub wording: Option<String>,
    /// What the number counts, e.g. "confident or very confident".
    pub measure: String,
    pub kind: QuestionKind,
    pub unit: Unit,
    /// Who was asked, e.g. "all respondents".
    pub base: String,
}

/// A member state by its ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(&'static str);

/// Member states the survey covers (Timor-Leste joined the 2025 edition, outside the averages).
const COUNTRIES: [(&str, &str); 11] = [
    ("BN", "Brunei"),
    ("KH", "Cambodia"),
    ("ID", "Indonesia"),
    ("LA", "Laos"),
    ("MY", "Malaysia"),
    ("MM", "Myanmar"),
    ("PH", "the Philippines"),
    ("SG", "Singapore"),
    ("TH", "Thailand"),
    ("VN", "Vietnam"),
    ("TL", "Timor-Leste"),
];

impl Country {
    pub fn from_code(code: &str) -> Option<Country> {
        COUNTRIES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(c, _)| Country(c))
    }
    pub fn code(self) -> &'static str {
        self.0
    }
    pub fn name(self) -> &'static str {
        COUNTRIES
            .iter()
            .find(|(c, _)| *c == self.0)
            .map(|(_, n)| *n)
            .unwrap_or(self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Population {
    /// The survey's regional figure: the mean of the ten country figures.
    Asean,
    Country(Country),
}

impl Population {
    pub fn parse(text: &str) -> Option<Population> {
        if text == "ASEAN" {
            Some(Population::Asean)
        } else {
            Country::from_code(text).map(Population::Country)
        }
    }
}

impl fmt::Display for Population {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Population::Asean => f.write_str("ASEAN"),
            Population::Country(c) => f.write_str(c.code()),
        }
    }
}

/// A number exactly as published: the text is what the page prints, the number is what the
/// chart draws. Never re-rounded.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    text: String,
    number: f64,
}

impl Published {
    /// Accepts `58.9` or `51` (a figure published without decimals stays without).
    pub fn parse(text: &str) -> Option<Published> {
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (text, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || int.len() > 3 || frac.is_some_and(|f| f.len() != 1 || !digits(f)) {
            return None;
        }
        let number = text.parse().ok()?;
        Some(Published {
            text: text.to_owned(),
            number,
        })
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn number(&self) -> f64 {
        self.number
    }
}

#[derive(Debug, Clone)]
pub struct Value {
    /// Index into `Dataset::questions`.
    pub question: usize,
    pub year: u16,
    pub population: Population,
    pub option: String,
    pub value: Published,
    /// Indices into `Dataset::sources`, in the order the data file lists them.
    pub sources: Vec<usize>,
}

/// A publication date as precise as the source states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PubDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PubDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<PubDate> {
        let mut parts = text.split('-');
        let num = |s: &str, len: usize| {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u16>().ok())?
        };
        let year = num(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => Some(num(m, 2).filter(|m| (1..=12).contains(m))? as u8),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(num(d, 2).filter(|d| (1..=31).contains(d))? as u8),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PubDate { year, month, day })
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl fmt::Display for PubDate {
    /// "2 Apr 2024", "Jun 2024" or "2024": never more precise than the source.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(d) = self.day {
            write!(f, "{d} ")?;
        }
        if let Some(m) = self.month {
            write!(f, "{} ", MONTHS[usize::from(m) - 1])?;
        }
        write!(f, "{}", self.year)
    }
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub title: Option<String>,
    pub date: Option<PubDate>,
    pub url: String,
    pub language: Option<String>,
}

impl Dataset {
    pub fn question(&self, id: &str) -> Option<(usize, &Question)> {
        self.questions.iter().enumerate().find(|(_, q)| q.id == id)
    }

    /// The values of one question, year and population, in file order.
    pub fn cells<'a>(
        &'a self,
        question: &str,
        year: u16,
        population: Population,
    ) -> impl Iterator<Item = &'a Value> + 'a {
        let q = self.question(question).map(|(i, _)| i);
        self.values
            .iter()
            .filter(move |v| Some(v.question) == q && v.year == year && v.population == population)
    }
}
