//! A catalog checked as a whole: a translation against the first edition (the same keys,
//! sections and placeholders), and one calendar per edition.

use super::*;

/// Every string of a text catalog with its place.
fn text_strings(t: &TextFile) -> Vec<(Place, &str)> {
    let mut out: Vec<(Place, &str)> = Vec::new();
    let p = &t.page;
    for (k, v) in [
        ("title", &p.title),
        ("description", &p.description),
        ("kicker", &p.kicker),
        ("dek", &p.dek),
        ("byline", &p.byline),
    ] {
        out.push((Place::field("page", k), v));
    }
    for (index, s) in t.section.iter().enumerate() {
        for (field, v) in [
            ("nav", &s.nav),
            ("heading", &s.heading),
            ("claim", &s.claim),
            ("body", &s.body),
        ] {
            let id = s.id.clone();
            out.push((Place::Section { index, id, field }, v));
        }
    }
    for (index, a) in t.agenda.iter().enumerate() {
        out.push((
            Place::Agenda {
                index,
                field: "title",
            },
            &a.title,
        ));
        out.push((
            Place::Agenda {
                index,
                field: "text",
            },
            &a.text,
        ));
    }
    for (id, c) in &t.chart {
        for (k, v) in [
            ("title", &c.title),
            ("takeaway", &c.takeaway),
            ("subtitle", &c.subtitle),
            ("row_header", &c.row_header),
        ] {
            out.push((Place::item("chart", id, k), v));
        }
        for (k, v) in &c.words {
            out.push((Place::item("chart", id, &format!("words.{k}")), v));
        }
    }
    let s = &t.survey;
    for (k, v) in [
        ("title", &s.title),
        ("publisher", &s.publisher),
        ("mode", &s.mode),
        ("weighting", &s.weighting),
    ] {
        // The method's words are optional (a folder without a fieldwork has no mode).
        if !v.is_empty() || matches!(k, "title" | "publisher") {
            out.push((Place::field("survey", k), v));
        }
    }
    for (i, l) in s.languages.iter().enumerate() {
        out.push((Place::Language(i), l));
    }
    for (table, map) in [
        ("label", &t.label),
        ("population", &t.population),
        ("option", &t.option),
        ("note", &t.note),
    ] {
        for (k, v) in map {
            out.push((Place::entry(table, k), v));
        }
    }
    for (id, q) in &t.question {
        for (k, v) in [
            ("title", &q.title),
            ("measure", &q.measure),
            ("base", &q.base),
        ] {
            out.push((Place::item("question", id, k), v));
        }
        if let Some(w) = &q.wording {
            out.push((Place::item("question", id, "wording"), w));
        }
    }
    for (id, c) in &t.correction {
        out.push((Place::item("correction", id, "text"), &c.text));
    }
    out
}

/// One calendar per edition: an edition whose years are in another era (`[locale]
/// year_offset`, 543 for the Buddhist Era) writes no Christian-Era year (1900 to 2100) in its
/// words, outside the original titles of works (`_Title_`, `[survey] title`) and outside
/// placeholders (whose years are data keys).
pub fn era_problems(dir: &str, lang: &str, cat: &Catalog) -> Vec<CatalogProblem> {
    let offset = cat.strings.locale.year_offset;
    if offset == 0 {
        return Vec::new();
    }
    let [text_file, ui_file] = file_names(lang).map(|f| format!("{dir}/{f}"));
    let texts = text_strings(&cat.text)
        .into_iter()
        .filter(|(place, _)| *place != Place::field("survey", "title"))
        .map(|(place, s)| (&text_file, &cat.text_lines, place, s));
    let uis = cat
        .ui_table
        .iter()
        .map(|(k, v)| (&ui_file, &cat.ui_lines, Place::field("ui", k), v.as_str()));
    let mut out = Vec::new();
    for (file, lines, place, s) in texts.chain(uis) {
        for year in common_era_years(s) {
            out.push(CatalogProblem {
                file: file.clone(),
                line: place.line_of(lines, &year.to_string()),
                place: place.clone(),
                expected: Expected::Era { year, offset },
            });
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
pub fn compare(dir: &str, reference: &Catalog, lang: &str, other: &Catalog) -> Vec<CatalogProblem> {
    let [text_file, ui_file] = file_names(lang).map(|f| format!("{dir}/{f}"));
    let [reference_text, reference_ui] = file_names(&reference.strings.ui.lang);
    let mut problems = Vec::new();
    let (want, got) = (text_strings(&reference.text), text_strings(&other.text));
    let (want_map, got_map): (BTreeMap<_, _>, BTreeMap<_, _>) =
        (want.into_iter().collect(), got.into_iter().collect());
    let text_problem = |place: &Place, expected| CatalogProblem {
        file: text_file.clone(),
        line: place.line(&other.text_lines),
        place: place.clone(),
        expected,
    };
    for (place, w) in &want_map {
        match got_map.get(place) {
            None => problems.push(text_problem(
                place,
                Expected::InTranslation {
                    reference: reference_text.clone(),
                    line: place.line(&reference.text_lines),
                },
            )),
            Some(g) if slots(w) != slots(g) => problems.push(text_problem(
                place,
                Expected::Slots {
                    found: slots(g),
                    want: slots(w),
                    reference: reference_text.clone(),
                },
            )),
            Some(_) => {}
        }
    }
    for place in got_map.keys().filter(|p| !want_map.contains_key(*p)) {
        problems.push(text_problem(
            place,
            Expected::NotExtra {
                reference: reference_text.clone(),
            },
        ));
    }
    for (key, w) in &reference.ui_table {
        if let Some(g) = other.ui_table.get(key) {
            if slots(w) != slots(g) {
                let place = Place::field("ui", key);
                problems.push(CatalogProblem {
                    file: ui_file.clone(),
                    line: place.line(&other.ui_lines),
                    place,
                    expected: Expected::Slots {
                        found: slots(g),
                        want: slots(w),
                        reference: reference_ui.clone(),
                    },
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/good");
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
            problems.iter().any(|p| p.to_string() == "d/ui.en.toml:57: [ui] credits: 2024 is a Christian-Era year, and this edition writes every year in its own era ([locale] year_offset = 543): write 2567 (a year inside an original title stays as published: mark the title _like this_)"),
            "{problems:#?}"
        );
        assert!(problems
            .iter()
            .all(|p| p.place != Place::field("survey", "title")));
    }
}
