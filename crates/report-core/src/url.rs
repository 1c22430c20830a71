//! The page's URL parameters, parsed and printed: `?country=TH&chart=alignment-by-country
//! #politics`. Parse only, produce only: nothing from a URL reaches the page except through
//! these types, and an unknown or malformed value is dropped with an issue the page shows.

use crate::data::Country;
use crate::views::Known;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlState {
    pub country: Option<Country>,
    pub chart: Option<String>,
    pub section: Option<String>,
    /// A published value the address names (`#v-…`, `Origin::value_id`): the browser brings
    /// the reader to it. Not printed back: the section the reader is in is.
    pub value: Option<String>,
}

/// A parameter that was given but could not be used. The values are kept short and are only
/// ever shown as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    UnknownCountry(String),
    UnknownChart(String),
    UnknownSection(String),
}

const MAX_SHOWN: usize = 24;

/// A value from the address as the page may show it in a note: control characters (a decoded
/// `%00`, a newline) dropped, at most 24 characters. Also used for embed parameters.
pub fn shown(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_SHOWN)
        .collect()
}

/// Percent-decoding of a query value (`+` is a space); invalid escapes stay as they are.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let digit = |b: u8| char::from(b).to_digit(16);
                match (digit(bytes[i + 1]), digit(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parse `location.search` (with or without `?`) and `location.hash` (with or without `#`)
/// against the report's countries (those a selector offers), charts and sections.
pub fn parse(search: &str, hash: &str, known: &Known) -> (UrlState, Vec<Issue>) {
    let mut state = UrlState::default();
    let mut issues = Vec::new();
    for pair in search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match key {
            "country" => {
                let code = value.trim().to_ascii_uppercase();
                if code == known.region.as_str() || code.is_empty() {
                    state.country = None;
                } else {
                    match known.country(&code) {
                        Some(c) => state.country = Some(c),
                        None => issues.push(Issue::UnknownCountry(shown(&value))),
                    }
                }
            }
            "chart" => match known.chart(&value) {
                Some(def) => state.chart = Some(def.id.clone()),
                None => issues.push(Issue::UnknownChart(shown(&value))),
            },
            // Other parameters belong to others (embed, theme, pym's childId...).
            _ => {}
        }
    }
    let hash = decode(hash.trim_start_matches('#'));
    if !hash.is_empty() {
        match known.sections.iter().find(|s| **s == hash) {
            Some(s) => state.section = Some(s.clone()),
            // A figure's own anchor is a fine place to land; anything else is reported.
            None if hash.starts_with("chart-") => {}
            // The list of corrections and each entry in it (`html::corrections`).
            None if hash == crate::dom::CORRECTIONS_ID || hash.starts_with("correction-") => {}
            None if hash.starts_with("v-") => state.value = Some(hash.clone()),
            None => issues.push(Issue::UnknownSection(shown(&hash))),
        }
    }
    (state, issues)
}

/// The query and hash for a state: `?country=TH&chart=ID#section`, parameters omitted when at
/// their defaults. Everything printed is from the report's own lists (checked ids and codes),
/// so nothing needs escaping.
pub fn print(state: &UrlState) -> String {
    let mut params = Vec::new();
    if let Some(c) = state.country {
        params.push(format!("country={}", c.code()));
    }
    if let Some(id) = &state.chart {
        params.push(format!("chart={id}"));
    }
    let mut out = String::new();
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    if let Some(s) = &state.section {
        out.push('#');
        out.push_str(s);
    }
    out
}

/// The address for a state, from the page's `path` and current `search`: the parameters that
/// belong to others (embed, theme, pym's childId) are kept as they are and in their order,
/// ours (`country`, `chart`) follow, then the section.
pub fn href(path: &str, search: &str, state: &UrlState) -> String {
    let mut params: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| {
            let key = p.split_once('=').map_or(*p, |(k, _)| k);
            !p.is_empty() && key != "country" && key != "chart"
        })
        .collect();
    let ours = print(state);
    let (query, hash) = ours.split_once('#').unwrap_or((&ours, ""));
    params.extend(
        query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty()),
    );
    let mut out = path.to_owned();
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    if !hash.is_empty() {
        out.push('#');
        out.push_str(hash);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        Known::of(&crate::test_data().snapshot())
    }

    fn parse(search: &str, hash: &str) -> (UrlState, Vec<Issue>) {
        super::parse(search, hash, &known())
    }

    #[test]
    fn a_value_address_is_kept_for_the_browser_and_is_no_unknown_section() {
        let (s, issues) = parse("", "#v-trust-2024-trust-2024-th-japan");
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(s.value.as_deref(), Some("v-trust-2024-trust-2024-th-japan"));
        assert_eq!(s.section, None);
        assert_eq!(print(&s), "");
    }

    #[test]
    fn the_corrections_and_each_entry_are_addresses_on_the_page() {
        for hash in ["#corrections", "#correction-trust-2024-japan"] {
            let (s, issues) = parse("", hash);
            assert!(issues.is_empty(), "{hash}: {issues:?}");
            assert_eq!(s.section, None);
        }
        assert_eq!(parse("", "#correctionsx").1.len(), 1);
    }

    #[test]
    fn the_address_keeps_others_parameters_and_replaces_ours() {
        let k = known();
        let state = UrlState {
            country: k.country("TH"),
            chart: Some("influence".into()),
            section: Some("economy".into()),
            value: None,
        };
        assert_eq!(
            href(
                "/r/",
                "?embed=x&country=VN&theme=dark&chart=old&childId=c",
                &state
            ),
            "/r/?embed=x&theme=dark&childId=c&country=TH&chart=influence#economy"
        );
        // A parameter that only starts like ours is someone else's.
        assert_eq!(
            href("/", "?countryside=1", &UrlState::default()),
            "/?countryside=1"
        );
        assert_eq!(href("/", "", &UrlState::default()), "/");
        assert_eq!(href("/", "?country=TH", &UrlState::default()), "/");
    }

    #[test]
    fn a_shared_url_restores_country_chart_and_section() {
        let (s, issues) = parse("?country=th&chart=alignment-by-country", "#politics");
        assert!(issues.is_empty());
        assert_eq!(s.country.unwrap().code(), "TH");
        assert_eq!(s.chart.as_deref(), Some("alignment-by-country"));
        assert_eq!(s.section.as_deref(), Some("politics"));
        assert_eq!(print(&s), "?country=TH&chart=alignment-by-country#politics");
    }

    #[test]
    fn printing_then_parsing_gives_the_same_state() {
        let s = UrlState {
            country: known().country("VN"),
            chart: Some("trust-2024".into()),
            section: Some("trust".into()),
            value: None,
        };
        assert_eq!(parse(print(&s).split('#').next().unwrap(), "#trust").0, s);
        assert_eq!(print(&UrlState::default()), "");
    }

    #[test]
    fn unknown_or_malformed_values_fall_back_with_an_issue() {
        let (s, issues) = parse(
            "?country=%3Cscript%3Ealert(1)%3C%2Fscript%3E&chart=nope",
            "#nowhere",
        );
        assert_eq!(s, UrlState::default());
        assert_eq!(
            issues,
            [
                Issue::UnknownCountry("<script>alert(1)</script".into()),
                Issue::UnknownChart("nope".into()),
                Issue::UnknownSection("nowhere".into()),
            ]
        );
    }

    #[test]
    fn asean_and_empty_mean_the_default_and_others_parameters_are_ignored() {
        let (s, issues) = parse("embed=trust-2024&country=ASEAN&childId=x&theme=dark", "");
        assert_eq!(s, UrlState::default());
        assert!(issues.is_empty());
        assert_eq!(parse("?country=", "").0.country, None);
    }

    #[test]
    fn timor_leste_is_outside_the_averages_and_not_selectable() {
        assert_eq!(
            parse("?country=TL", "").1,
            [Issue::UnknownCountry("TL".into())]
        );
    }

    #[test]
    fn a_value_is_shown_short_and_without_control_characters() {
        assert_eq!(
            parse("?country=T%00H%0A", "").1,
            [Issue::UnknownCountry("TH".into())]
        );
        assert_eq!(shown(&"y".repeat(100)), "y".repeat(24));
    }

    #[test]
    fn decoding_survives_broken_escapes() {
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("a+b%20c"), "a b c");
    }
}
