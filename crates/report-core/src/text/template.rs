//! Catalog text as tokens: literal text, `{placeholder}` and `{{directive}}`; named-slot
//! templates filled in; placeholders looked up in the data.

use super::*;
use crate::number::NumberForm;

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

/// Replace every `{question/year/population/option}` with the value as published, in the
/// edition's number form (its digits and separators; the text writes the unit). Directives
/// (`{{...}}`) are kept as written. Collects every bad placeholder.
pub fn fill(
    template: &str,
    data: &Dataset,
    number: &NumberForm,
) -> Result<String, Vec<PlaceholderError>> {
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
            // `{=3.2.1}`: a number that is not a figure of the data, written as it is.
            Token::Placeholder(key) if key.starts_with('=') => {
                out.push_str(key.get(1..).unwrap_or_default())
            }
            Token::Placeholder(key) => match lookup(key, data) {
                Ok(v) => out.push_str(&number.number(v)),
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
    use crate::number::NumberForm;

    #[test]
    fn fills_placeholders_with_values_as_published() {
        let data = crate::test_data().snap.data;
        assert_eq!(
            fill(
                "Japan: {trust/2024/ASEAN/Japan}%, {{figure:x}} kept",
                &data,
                &NumberForm::default()
            )
            .unwrap(),
            "Japan: 58.9%, {{figure:x}} kept"
        );
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
            &NumberForm::default(),
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
