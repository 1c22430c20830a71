//! A catalog checked as a whole: a translation against the first edition (the same keys,
//! sections and placeholders), and one calendar per edition.

use super::*;

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
    for (id, c) in &t.correction {
        out.push((format!("[correction.{id}] text"), &c.text));
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
            problems.contains(&"d/ui.en.toml: [ui] credits: 2024 is a Christian-Era year, and this edition writes every year in its own era ([locale] year_offset = 543): write 2567 (a year inside an original title stays as published: mark the title _like this_)".to_owned()),
            "{problems:#?}"
        );
        assert!(problems.iter().all(|p| !p.contains("[survey] title")));
    }
}
