//! The validated domain model. Built only by `validate::build`; everything downstream takes a
//! `Dataset` and may rely on its invariants (ids resolve, values in range, no duplicate cells).

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub survey: Survey,
    pub populations: Vec<PopulationInfo>,
    pub questions: Vec<Question>,
    pub values: Vec<Value>,
    pub sources: Vec<Source>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    pub title: String,
    pub publisher: String,
    pub published: PubDate,
    pub editions: Vec<u16>,
    /// The method facts a folder gives (a survey's; data of another kind may have none):
    /// how many answered, and when.
    pub respondents: Option<u32>,
    pub fieldwork: Option<(PubDate, PubDate)>,
    pub mode: String,
    pub languages: Vec<String>,
    /// How the ASEAN-wide figure is built from the country figures, in words.
    pub weighting: String,
    /// Indices into `Dataset::sources` confirming the method facts.
    pub method_sources: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// One answer per respondent: options of one population and year add up to at most 100.
    SingleChoice,
    /// Each option is a share of its own (e.g. confidence in each power).
    Measure,
}

/// What a question's numbers are, as survey.toml declares it (`unit`): how the build checks
/// them and how every edition writes them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    /// A share of a base, 0 to 100, published with at most one decimal.
    Percent,
    /// A mean score on a scale from 0 to `max`.
    Score { max: f64 },
    /// How many of something (households, people): a whole number.
    Count,
    /// An amount of money in one currency, by its ISO 4217 code (`USD`).
    Currency { code: Code },
    /// A number in the terms its question's measure states (an index, a ratio, years).
    Number,
}

impl Unit {
    /// As survey.toml and the data package write it.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Score { .. } => "score",
            Unit::Count => "count",
            Unit::Currency { .. } => "currency",
            Unit::Number => "number",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
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

/// A population's code as the data files write it (`ASEAN`, `TH`): one to eight ASCII letters,
/// digits or hyphens, kept inline so populations are `Copy`. Which codes exist, and what they
/// are called, is data (`[[population]]` in survey.toml).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code([u8; 8]);

impl Code {
    /// No code: only where a reader has already failed.
    pub const NONE: Code = Code([0; 8]);
    pub fn new(text: &str) -> Option<Code> {
        let b = text.as_bytes();
        if b.is_empty() || b.len() > 8 || !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        {
            return None;
        }
        let mut out = [0u8; 8];
        out[..b.len()].copy_from_slice(b);
        Some(Code(out))
    }
    pub fn as_str(&self) -> &str {
        let len = self.0.iter().position(|b| *b == 0).unwrap_or(8);
        // Only ASCII is ever stored.
        std::str::from_utf8(&self.0[..len]).unwrap_or("")
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

/// One population of the survey, as survey.toml lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationInfo {
    pub code: Code,
    /// As it reads in running text ("the Philippines").
    pub name: String,
    /// The survey's region-wide figure (exactly one population is).
    pub region: bool,
    /// Counted in the region-wide figure: the populations a country selector offers.
    pub in_average: bool,
}

/// A population other than the region: a member state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(pub Code);

impl Country {
    pub fn code(&self) -> &str {
        self.0.as_str()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Population {
    /// The survey's region-wide figure (for ISEAS: the mean of the ten country figures).
    Region(Code),
    Country(Country),
}

impl Population {
    pub fn code(&self) -> &str {
        match self {
            Population::Region(c) => c.as_str(),
            Population::Country(c) => c.0.as_str(),
        }
    }
    pub fn is_region(&self) -> bool {
        matches!(self, Population::Region(_))
    }
}

impl fmt::Display for Population {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
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
    /// Accepts a figure as published: digits, a decimal point where it has decimals, at
    /// most `MAX_DIGITS` digits in all (`58.9`, `8.98`, `51`, `250875`); no sign, no
    /// spaces, no thousands separators. It keeps the decimals it was published with.
    pub fn parse(text: &str) -> Option<Published> {
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (text, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let count = int.len() + frac.map_or(0, str::len);
        if !digits(int) || frac.is_some_and(|f| !digits(f)) || count > Self::MAX_DIGITS {
            return None;
        }
        let number = text.parse().ok()?;
        Some(Published {
            text: text.to_owned(),
            number,
        })
    }
    /// Digits a figure may have: a double holds every number of 15 digits exactly.
    pub const MAX_DIGITS: usize = 15;
    pub fn text(&self) -> &str {
        &self.text
    }
    /// A figure from the build-time snapshot, whose text and number were checked together.
    pub fn from_parts(text: String, number: f64) -> Published {
        Published { text, number }
    }
    pub fn number(&self) -> f64 {
        self.number
    }
    /// A value computed in code to one decimal, from tenths (no float parsing, no rounding
    /// of a published figure: only ever used for a derived value).
    pub fn from_tenths(tenths: i64) -> Published {
        let sign = if tenths < 0 { "-" } else { "" };
        let t = tenths.unsigned_abs();
        Published {
            text: format!("{sign}{}.{}", t / 10, t % 10),
            number: tenths as f64 / 10.0,
        }
    }
    /// Digits after the decimal point, as published.
    pub fn decimals(&self) -> usize {
        self.text.split_once('.').map_or(0, |(_, f)| f.len())
    }
}

#[derive(Debug, Clone, PartialEq)]
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

/// A publication date as precise as the source states it. Ordered by year, then month, then
/// day (a less precise date before a more precise one of the same year or month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PubDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PubDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<PubDate> {
        let mut parts = text.split('-');
        // Digits by hand: `str::parse` would bring integer parsing into the WASM.
        let num = |s: &str, len: usize| {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.bytes().fold(0u16, |n, b| n * 10 + u16::from(b - b'0')))
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

    /// As written in the data files: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        // Digits by hand, as `parse` reads them (no formatting machinery in the WASM).
        fn digits(s: &mut String, n: u16, width: u32) {
            for p in (0..width).rev() {
                s.push(char::from(b'0' + (n / 10u16.pow(p) % 10) as u8));
            }
        }
        let mut s = String::with_capacity(10);
        digits(&mut s, self.year, 4);
        for part in [self.month, self.day].into_iter().flatten() {
            s.push('-');
            digits(&mut s, u16::from(part), 2);
        }
        s
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A publication where a figure was read: always has a URL.
    Outlet,
    /// A primary work cited by title (the survey report, the essay).
    Work,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    pub outlet: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<PubDate>,
    /// Always present for an `Outlet`; a `Work` may have no known public address.
    pub url: Option<String>,
    pub language: Option<String>,
    /// A blog post (`genre = "blog"`): the catalog says so after the outlet's name.
    pub blog: bool,
    /// Where it was read, when not at the outlet itself (`read` and `via`).
    pub via: Option<Via>,
}

/// Where a source was read when not at the outlet itself: how (`read`) and at which host or
/// publication (`via`). The catalog's `source_*` phrase for `how` names it in each edition.
#[derive(Debug, Clone, PartialEq)]
pub struct Via {
    pub how: Read,
    pub at: String,
}

/// `read` in sources.toml: how a copy was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// Republished by another outlet (`"republished"`).
    Republished,
    /// A wire story as another outlet published it (`"published"`).
    Published,
    /// Read on an aggregator (`"read-on"`).
    Aggregator,
    /// Read on a mirror copy (`"mirror"`).
    Mirror,
    /// Read through a proxy (`"proxy"`).
    Proxy,
    /// Read as a stored proxy copy (`"stored-proxy"`).
    StoredProxy,
}

impl Read {
    /// The names sources.toml writes, with their variants.
    pub const ALL: [(&'static str, Read); 6] = [
        ("republished", Read::Republished),
        ("published", Read::Published),
        ("read-on", Read::Aggregator),
        ("mirror", Read::Mirror),
        ("proxy", Read::Proxy),
        ("stored-proxy", Read::StoredProxy),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Conflict,
    Coverage,
    Wording,
    Attribution,
    Base,
    Edition,
}

impl NoteKind {
    pub const ALL: [(&'static str, NoteKind); 6] = [
        ("conflict", NoteKind::Conflict),
        ("coverage", NoteKind::Coverage),
        ("wording", NoteKind::Wording),
        ("attribution", NoteKind::Attribution),
        ("base", NoteKind::Base),
        ("edition", NoteKind::Edition),
    ];
    pub fn parse(text: &str) -> Option<NoteKind> {
        Self::ALL.iter().find(|(k, _)| *k == text).map(|(_, v)| *v)
    }
}

/// A note on a question, narrowed by year, population and option down to a single value.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Names the note; its words are `[note] ID` in each edition's text catalog.
    pub id: String,
    /// Index into `Dataset::questions`.
    pub question: usize,
    pub year: Option<u16>,
    pub population: Option<Population>,
    pub option: Option<String>,
    pub kind: NoteKind,
    pub text: String,
    /// Indices into `Dataset::sources`.
    pub sources: Vec<usize>,
}

impl Note {
    /// Whether this note concerns the value `v`.
    pub fn applies_to(&self, v: &Value) -> bool {
        self.question == v.question
            && self.year.is_none_or(|y| y == v.year)
            && self.population.is_none_or(|p| p == v.population)
            && self.option.as_ref().is_none_or(|o| *o == v.option)
    }
}

impl Dataset {
    /// The data without an edition's words (names, question texts, note texts, the survey's
    /// title and method in words): what every edition shares. `Snapshot::localise` undoes it.
    pub fn unlocalise(&mut self) {
        let s = &mut self.survey;
        s.title.clear();
        s.publisher.clear();
        s.mode.clear();
        s.languages.clear();
        s.weighting.clear();
        for p in &mut self.populations {
            p.name.clear();
        }
        for q in &mut self.questions {
            q.title.clear();
            q.wording = None;
            q.measure.clear();
            q.base.clear();
        }
        for n in &mut self.notes {
            n.text.clear();
        }
    }

    /// The population a data file names by `code`.
    pub fn population(&self, code: &str) -> Option<Population> {
        let p = self.populations.iter().find(|p| p.code.as_str() == code)?;
        Some(if p.region {
            Population::Region(p.code)
        } else {
            Population::Country(Country(p.code))
        })
    }

    /// The region-wide population (validation guarantees there is one).
    pub fn region(&self) -> Population {
        let code = self
            .populations
            .iter()
            .find(|p| p.region)
            .map_or(Code::NONE, |p| p.code);
        Population::Region(code)
    }

    /// A member state by its code (not the region).
    pub fn country(&self, code: &str) -> Option<Country> {
        match self.population(code)? {
            Population::Country(c) => Some(c),
            Population::Region(_) => None,
        }
    }

    /// The member states counted in the region-wide figure, in survey.toml's order.
    pub fn members(&self) -> impl Iterator<Item = Country> + '_ {
        self.populations
            .iter()
            .filter(|p| p.in_average && !p.region)
            .map(|p| Country(p.code))
    }

    /// A population's name as it reads in running text ("the Philippines").
    pub fn name(&self, p: Population) -> &str {
        self.populations
            .iter()
            .find(|i| i.code.as_str() == p.code())
            .map_or("", |i| i.name.as_str())
    }

    pub fn question(&self, id: &str) -> Option<(usize, &Question)> {
        self.questions.iter().enumerate().find(|(_, q)| q.id == id)
    }

    /// Notes that concern any of `values`, in file order: question-wide notes first
    /// in the file's order, down to notes on a single value.
    pub fn notes_for<'a>(&'a self, values: &'a [&'a Value]) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes
            .iter()
            .filter(move |n| values.iter().any(|v| n.applies_to(v)))
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
