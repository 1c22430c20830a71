//! The data files: the real ones load with zero problems and hold the published figures; bad
//! input is refused with a message naming file, line, question, population, option and field.

use japan_asean_report::data::{self, Files, Population};
use japan_asean_report::spec;

const SURVEY: &str = r#"
[survey]
title = "The State of Southeast Asia: 2024 Survey Report"
publisher = "ISEAS"
published = "2024-04-02"
editions = [2023, 2024, 2025]

[[question]]
id = "trust"
title = "Trust"
measure = "confident or very confident"
kind = "measure"
unit = "percent"
base = "all respondents"
"#;

const SOURCES: &str = r#"
[[source]]
id = "nhk"
outlet = "NHK"
url = "https://example.org/nhk"
"#;

fn problems(values: &str) -> Vec<String> {
    let files = Files {
        survey: SURVEY,
        values,
        sources: SOURCES,
    };
    match data::validate::build(&files) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn the_real_data_has_no_problems() {
    if let Err(problems) = data::load() {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("data/ has {} problem(s):\n{}", list.len(), list.join("\n"));
    }
}

#[test]
fn trust_2024_holds_the_published_figures() {
    let d = data::load().unwrap();
    let got: Vec<(String, String)> = d
        .cells("trust", 2024, Population::Asean)
        .map(|v| (v.option.clone(), v.value.text().to_owned()))
        .collect();
    let want = [
        ("Japan", "58.9"),
        ("United States", "42.4"),
        ("European Union", "41.5"),
        ("China", "24.8"),
        ("India", "24.2"),
    ];
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1.as_str()), w);
    }
    for v in d.cells("trust", 2024, Population::Asean) {
        assert!(!v.sources.is_empty(), "{} has a source", v.option);
    }
}

#[test]
fn every_chart_builds_from_the_real_data() {
    let d = data::load().unwrap();
    for id in spec::CHART_IDS {
        let chart = spec::build(id, &d).unwrap_or_else(|e| panic!("{e}"));
        assert!(!chart.rows.is_empty());
        assert!(
            !chart.source.read_in.is_empty(),
            "{id} names where its numbers were read"
        );
    }
}

#[test]
fn a_good_fixture_passes() {
    assert!(problems(
        "question,year,population,option,value,sources\ntrust,2024,ASEAN,Japan,58.9,nhk\n"
    )
    .is_empty());
}

#[test]
fn a_percentage_above_100_is_refused() {
    assert_eq!(
        problems("question,year,population,option,value,sources\ntrust,2024,TH,Japan,158.9,nhk\n"),
        [
            r#"data/values.csv:2: question "trust", year "2024", population "TH", option "Japan": value: 158.9 is outside 0-100 for a percentage"#
        ]
    );
}

#[test]
fn unknown_ids_years_and_countries_are_each_named() {
    assert_eq!(
        problems(
            "question,year,population,option,value,sources\ntrusted,2022,XX,Japan,58.9,nhk nhx\n"
        ),
        [
            r#"data/values.csv:2: question "trusted", year "2022", population "XX", option "Japan": question: unknown question id "trusted""#,
            r#"data/values.csv:2: question "trusted", year "2022", population "XX", option "Japan": year: "2022" is not one of the survey's editions [2023, 2024, 2025]"#,
            r#"data/values.csv:2: question "trusted", year "2022", population "XX", option "Japan": population: "XX" is neither ASEAN nor a member state's ISO 3166 code"#,
            r#"data/values.csv:2: question "trusted", year "2022", population "XX", option "Japan": sources: unknown source id "nhx""#,
        ]
    );
}

#[test]
fn a_duplicate_cell_and_a_missing_source_are_refused() {
    assert_eq!(
        problems(
            "question,year,population,option,value,sources\n\
             trust,2024,ASEAN,Japan,58.9,nhk\n\
             trust,2024,ASEAN,China,24.8,\n\
             trust,2024,ASEAN,Japan,58.8,nhk\n"
        ),
        [
            r#"data/values.csv:3: question "trust", year "2024", population "ASEAN", option "China": sources: value has no source"#,
            r#"data/values.csv:4: question "trust", year "2024", population "ASEAN", option "Japan": option: duplicate cell, first given on line 2"#,
        ]
    );
}

#[test]
fn the_stylesheet_reserves_each_charts_exact_height() {
    let css = include_str!("../style.css");
    for rows in 1..=12 {
        let h = japan_asean_report::layout::height(rows);
        let rule = format!(".chart[data-rows=\"{rows}\"] {{ height: {h}px; }}");
        assert!(css.contains(&rule), "style.css lacks {rule}");
    }
    let d = data::load().unwrap();
    for id in spec::CHART_IDS {
        let rows = spec::build(id, &d).unwrap().rows.len();
        assert!(
            (1..=12).contains(&rows),
            "{id} has {rows} rows; add its height to style.css"
        );
    }
}
