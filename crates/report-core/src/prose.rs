//! The narrative as typed blocks, parsed once from the catalog's text (`text.en.toml`):
//! paragraphs of inline runs (text, the title of a work, a figure from the data), charts placed
//! by `{{figure:ID}}` lines, and the generated blocks (`{{method}}` ...). `bundle` checks the
//! blocks (every figure resolves, every chart is placed once) and `html` renders them; nothing
//! reads the raw text again.

use std::fmt;

use crate::text::{self, Place, TextFile, Token};

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// The title of a work, written `_Title_`.
    Cite(String),
    /// A figure from the data, written `{question/year/population/option}`.
    Figure(String),
    /// A number that is no figure of the data (a version, a count of chapters), written
    /// `{=3.2.1}` and printed as written: the check for figures typed by hand passes it.
    Literal(String),
}

/// A block generated from the data and the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Directive {
    Agenda,
    Method,
    Conflicts,
    Sources,
    Credits,
}

impl Directive {
    pub const ALL: [(&'static str, Directive); 5] = [
        ("agenda", Directive::Agenda),
        ("method", Directive::Method),
        ("conflicts", Directive::Conflicts),
        ("sources", Directive::Sources),
        ("credits", Directive::Credits),
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A chart, by id: `{{figure:ID}}` on a line of its own.
    Chart(String),
    Directive(Directive),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub title: String,
    pub description: Vec<Inline>,
    pub kicker: String,
    pub dek: Vec<Inline>,
    pub byline: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub nav: String,
    pub heading: Vec<Inline>,
    pub claim: Vec<Inline>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub title: String,
    pub text: Vec<Inline>,
}

/// The whole narrative, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Prose {
    pub page: Page,
    pub sections: Vec<Section>,
    pub agenda: Vec<AgendaItem>,
    /// Each chart's takeaway (`[chart.ID] takeaway`), as the figure shows it.
    pub takeaways: Vec<(String, Vec<Inline>)>,
}

/// Where in the text a problem is, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseError {
    pub place: Place,
    pub what: ProseProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProseProblem {
    /// `{` or `{{` that is never closed.
    Unclosed(String),
    /// A `{{name}}` the text does not know.
    UnknownDirective(String),
    /// A `{{...}}` inside a paragraph instead of on a line of its own.
    DirectiveInline(String),
}

impl ProseError {
    /// The text the problem is about, as the file has it (to find its line).
    pub fn needle(&self) -> String {
        match &self.what {
            ProseProblem::Unclosed(rest) => rest.chars().take(24).collect(),
            ProseProblem::UnknownDirective(d) | ProseProblem::DirectiveInline(d) => {
                format!("{{{{{d}}}}}")
            }
        }
    }
}

impl fmt::Display for ProseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.place)?;
        match &self.what {
            ProseProblem::Unclosed(rest) => write!(f, "a brace is not closed before {rest:?}"),
            ProseProblem::UnknownDirective(d) => {
                let known: Vec<String> = Directive::ALL
                    .iter()
                    .map(|(n, _)| format!("{{{{{n}}}}}"))
                    .collect();
                write!(
                    f,
                    "unknown block {{{{{d}}}}} (expected {{{{figure:ID}}}} or one of {})",
                    known.join(", ")
                )
            }
            ProseProblem::DirectiveInline(d) => write!(
                f,
                "{{{{{d}}}}} must be on a line of its own, between paragraphs"
            ),
        }
    }
}

impl Prose {
    /// The sections that place chart `id`, once per placement, in page order.
    pub fn placements<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Section> + 'a {
        self.sections.iter().flat_map(move |s| {
            let n = s
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Chart(c) if c == id))
                .count();
            std::iter::repeat_n(s, n)
        })
    }

    /// Every run of inline text with where it is, for checks.
    pub fn inlines(&self) -> Vec<(Place, &[Inline])> {
        let mut out: Vec<(Place, &[Inline])> = vec![
            (Place::field("page", "description"), &self.page.description),
            (Place::field("page", "dek"), &self.page.dek),
            (Place::field("page", "byline"), &self.page.byline),
        ];
        for (index, s) in self.sections.iter().enumerate() {
            let at = |field| Place::Section {
                index,
                id: s.id.clone(),
                field,
            };
            out.push((at("heading"), &s.heading));
            out.push((at("claim"), &s.claim));
            for b in &s.blocks {
                if let Block::Paragraph(p) = b {
                    out.push((at("body"), p));
                }
            }
        }
        for (index, a) in self.agenda.iter().enumerate() {
            let field = "text";
            out.push((Place::Agenda { index, field }, &a.text));
        }
        for (id, t) in &self.takeaways {
            out.push((Place::item("chart", id, "takeaway"), t));
        }
        out
    }

    /// The takeaway of chart `id`.
    pub fn takeaway(&self, id: &str) -> Option<&[Inline]> {
        self.takeaways
            .iter()
            .find(|(c, _)| c == id)
            .map(|(_, t)| t.as_slice())
    }
}

/// Inline runs of `t`, or none with the problem kept in `errors`.
fn runs(errors: &mut Vec<ProseError>, place: Place, t: &str) -> Vec<Inline> {
    inline(t).unwrap_or_else(|what| {
        errors.push(ProseError { place, what });
        Vec::new()
    })
}

/// Parse the whole text; every problem, with its place.
pub fn parse(text: &TextFile) -> Result<Prose, Vec<ProseError>> {
    let mut errors = Vec::new();
    let e = &mut errors;
    let p = &text.page;
    let page = Page {
        title: p.title.clone(),
        description: runs(e, Place::field("page", "description"), &p.description),
        kicker: p.kicker.clone(),
        dek: runs(e, Place::field("page", "dek"), &p.dek),
        byline: runs(e, Place::field("page", "byline"), &p.byline),
    };
    let mut sections = Vec::new();
    for (index, s) in text.section.iter().enumerate() {
        let at = |field| Place::Section {
            index,
            id: s.id.clone(),
            field,
        };
        let heading = runs(e, at("heading"), &s.heading);
        let claim = runs(e, at("claim"), &s.claim);
        let blocks = body(&s.body).unwrap_or_else(|what| {
            e.push(ProseError {
                place: at("body"),
                what,
            });
            Vec::new()
        });
        sections.push(Section {
            id: s.id.clone(),
            nav: s.nav.clone(),
            heading,
            claim,
            blocks,
        });
    }
    let agenda = text
        .agenda
        .iter()
        .enumerate()
        .map(|(index, a)| AgendaItem {
            title: a.title.clone(),
            text: runs(
                e,
                Place::Agenda {
                    index,
                    field: "text",
                },
                &a.text,
            ),
        })
        .collect();
    let takeaways = text
        .chart
        .iter()
        .map(|(id, c)| {
            let t = runs(e, Place::item("chart", id, "takeaway"), &c.takeaway);
            (id.clone(), t)
        })
        .collect();
    if errors.is_empty() {
        Ok(Prose {
            page,
            sections,
            agenda,
            takeaways,
        })
    } else {
        Err(errors)
    }
}

/// A section body: paragraphs separated by blank lines (the lines of one paragraph joined by
/// a space, or directly where either side is Chinese or Japanese script, which writes no
/// spaces), and `{{...}}` lines placing blocks.
fn body(text: &str) -> Result<Vec<Block>, ProseProblem> {
    let mut out = Vec::new();
    for chunk in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        let mut para: Vec<&str> = Vec::new();
        for line in chunk.lines().map(str::trim) {
            match line.strip_prefix("{{").and_then(|l| l.strip_suffix("}}")) {
                Some(d) => {
                    if !para.is_empty() {
                        out.push(Block::Paragraph(inline(&joined(&para))?));
                        para.clear();
                    }
                    out.push(directive(d)?);
                }
                None => para.push(line),
            }
        }
        if !para.is_empty() {
            out.push(Block::Paragraph(inline(&joined(&para))?));
        }
    }
    Ok(out)
}

/// Chinese and Japanese characters and full-width punctuation: no space around a line break.
fn unspaced(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

fn joined(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        let gap = match (out.chars().last(), line.chars().next()) {
            (None, _) => false,
            (Some(a), Some(b)) => !unspaced(a) && !unspaced(b),
            _ => true,
        };
        if gap {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

fn directive(d: &str) -> Result<Block, ProseProblem> {
    if let Some(id) = d.strip_prefix("figure:") {
        return Ok(Block::Chart(id.to_owned()));
    }
    Directive::ALL
        .iter()
        .find(|(name, _)| *name == d)
        .map(|(_, v)| Block::Directive(*v))
        .ok_or_else(|| ProseProblem::UnknownDirective(d.to_owned()))
}

/// Inline text: placeholders become figures (`{=…}` marks a number that is none, kept as
/// written), `_Title_` a citation (it opens only where a
/// Latin word does not continue before it, and closes where none continues after it, so it
/// opens and closes next to kana, kanji or Thai, which have no spaces between words).
pub fn inline(t: &str) -> Result<Vec<Inline>, ProseProblem> {
    let mut out = Vec::new();
    for token in text::tokens(t) {
        match token {
            Token::Text(s) => cites(s, &mut out),
            // `{=3.2.1}`: a number that is not a figure of the data, written as it is.
            Token::Placeholder(key) if key.starts_with('=') => {
                out.push(Inline::Literal(key.get(1..).unwrap_or_default().to_owned()))
            }
            Token::Placeholder(key) => out.push(Inline::Figure(key.to_owned())),
            Token::Directive(d) => return Err(ProseProblem::DirectiveInline(d.to_owned())),
            Token::Unclosed(rest) => {
                return Err(ProseProblem::Unclosed(rest.chars().take(40).collect()))
            }
        }
    }
    Ok(out)
}

fn cites(s: &str, out: &mut Vec<Inline>) {
    let chars: Vec<char> = s.chars().collect();
    // Latin letters and digits (with their accented forms): "snake_case" is no citation.
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() && (*c as u32) < 0x0250);
    let mut buf = String::new();
    let mut open = false;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j));
        let next = chars.get(i + 1);
        if c == '_' && !open && !word(prev) && next.is_some_and(|n| !n.is_whitespace()) {
            if !buf.is_empty() {
                out.push(Inline::Text(std::mem::take(&mut buf)));
            }
            open = true;
        } else if c == '_' && open && !word(next) {
            out.push(Inline::Cite(std::mem::take(&mut buf)));
            open = false;
        } else {
            buf.push(c);
        }
    }
    if !buf.is_empty() {
        out.push(if open {
            Inline::Cite(buf)
        } else {
            Inline::Text(buf)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_becomes_runs() {
        assert_eq!(
            inline("the essay _Japan & ASEAN_, {trust/2024/ASEAN/Japan}% trust").unwrap(),
            [
                Inline::Text("the essay ".into()),
                Inline::Cite("Japan & ASEAN".into()),
                Inline::Text(", ".into()),
                Inline::Figure("trust/2024/ASEAN/Japan".into()),
                Inline::Text("% trust".into()),
            ]
        );
        // Next to kana and Thai, which have no spaces between words.
        assert_eq!(
            inline("論考_Japan & ASEAN_（『日本とASEAN』）").unwrap(),
            [
                Inline::Text("論考".into()),
                Inline::Cite("Japan & ASEAN".into()),
                Inline::Text("（『日本とASEAN』）".into()),
            ]
        );
        assert_eq!(
            inline("บทความ_Japan & ASEAN_ของ").unwrap(),
            [
                Inline::Text("บทความ".into()),
                Inline::Cite("Japan & ASEAN".into()),
                Inline::Text("ของ".into()),
            ]
        );
        assert_eq!(
            inline("snake_case stays").unwrap(),
            [Inline::Text("snake_case stays".into())]
        );
        assert_eq!(
            inline("a {{figure:x}} here"),
            Err(ProseProblem::DirectiveInline("figure:x".into()))
        );
        assert_eq!(inline("{open"), Err(ProseProblem::Unclosed("open".into())));
    }

    #[test]
    fn a_body_is_paragraphs_and_placed_blocks() {
        let b = body("One\nline.\n\n{{figure:a}}\nTwo.\n\n{{method}}\n").unwrap();
        assert_eq!(
            b,
            [
                Block::Paragraph(vec![Inline::Text("One line.".into())]),
                Block::Chart("a".into()),
                Block::Paragraph(vec![Inline::Text("Two.".into())]),
                Block::Directive(Directive::Method),
            ]
        );
        assert_eq!(
            body("日本は\n信頼される。\nThe end\nof it.").unwrap(),
            [Block::Paragraph(vec![Inline::Text(
                "日本は信頼される。The end of it.".into()
            )])]
        );
        assert_eq!(
            body("{{methods}}"),
            Err(ProseProblem::UnknownDirective("methods".into()))
        );
    }
}
