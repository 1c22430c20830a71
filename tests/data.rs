//! The data files: the real ones load with zero problems and hold the published figures; each
//! bad fixture in tests/fixtures/bad (one file replacing its twin in tests/fixtures/good) is
//! refused with messages naming file, line, question, population, option and field.

use std::fs;
use std::path::Path;

use japan_asean_report::data::{self, Files, Need, Population};
use japan_asean_report::spec;

const NEEDS: &[Need] = &[
    Need {
        chart: "trust-2024",
        question: "trust",
    },
    Need {
        chart: "alignment-by-country",
        question: "forced_choice",
    },
];

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Problems of the good fixture set with `bad` (named `KIND.FILE`) in place of its twin.
fn problems_with(bad: Option<&str>) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts: Vec<(String, String)> =
        ["survey.toml", "values.csv", "sources.toml", "notes.toml"]
            .iter()
            .map(|f| (f.to_string(), read(&dir.join("good").join(f))))
            .collect();
    if let Some(bad) = bad {
        let target = texts
            .iter_mut()
            .find(|(f, _)| bad.ends_with(&format!(".{f}")))
            .unwrap_or_else(|| panic!("{bad} names no data file"));
        target.1 = read(&dir.join("bad").join(bad));
    }
    let files = Files {
        survey: &texts[0].1,
        values: &texts[1].1,
        sources: &texts[2].1,
        notes: &texts[3].1,
    };
    match data::validate::build(&files, NEEDS) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    }
}

#[track_caller]
fn assert_problems(bad: &str, want: &[&str]) {
    assert_eq!(problems_with(Some(bad)), want, "fixture {bad}");
}

#[test]
fn the_good_fixture_set_has_no_problems() {
    assert_eq!(problems_with(None), Vec::<String>::new());
}

#[test]
fn every_bad_fixture_is_tested() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let this = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data.rs"));
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(this.contains(&format!("\"{name}\"")), "{name} has no test");
    }
}

#[test]
fn a_percentage_outside_0_100() {
    assert_problems(
        "value-out-of-range.values.csv",
        &[
            r#"data/values.csv:9: question "trust", year "2024", population "TH", option "Japan": value: 158.9 is outside 0-100 for a percentage"#,
        ],
    );
}

#[test]
fn single_choice_options_adding_up_to_more_than_100_5() {
    assert_problems(
        "single-choice-over-100.values.csv",
        &[
            r#"data/values.csv: question "forced_choice", year "2024", population "ASEAN": value: options of a single-choice question add up to 101.0, above 100.5"#,
        ],
    );
}

#[test]
fn an_unknown_country_code() {
    assert_problems(
        "unknown-country.values.csv",
        &[
            r#"data/values.csv:9: question "trust", year "2024", population "XX", option "Japan": population: "XX" is neither ASEAN nor a member state's ISO 3166 code"#,
        ],
    );
}

#[test]
fn a_duplicate_cell() {
    assert_problems(
        "duplicate-cell.values.csv",
        &[
            r#"data/values.csv:9: question "trust", year "2024", population "ASEAN", option "Japan": option: duplicate cell, first given on line 2"#,
        ],
    );
}

#[test]
fn a_value_without_a_source() {
    assert_problems(
        "value-without-source.values.csv",
        &[
            r#"data/values.csv:3: question "trust", year "2024", population "ASEAN", option "China": sources: value has no source"#,
        ],
    );
}

#[test]
fn an_unknown_source_id() {
    assert_problems(
        "unknown-source.values.csv",
        &[
            r#"data/values.csv:3: question "trust", year "2024", population "ASEAN", option "China": sources: unknown source id "nhx""#,
        ],
    );
}

#[test]
fn an_unknown_question_id() {
    assert_problems(
        "unknown-question.values.csv",
        &[
            r#"data/values.csv:9: question "trusted", year "2024", population "ASEAN", option "Japan": question: unknown question id "trusted""#,
        ],
    );
}

#[test]
fn a_year_outside_the_editions() {
    assert_problems(
        "year-outside-editions.values.csv",
        &[
            r#"data/values.csv:9: question "trust", year "2022", population "ASEAN", option "Japan": year: "2022" is not one of the survey's editions [2023, 2024, 2025]"#,
        ],
    );
}

#[test]
fn a_value_not_as_published() {
    assert_problems(
        "value-not-as-published.values.csv",
        &[
            r#"data/values.csv:3: question "trust", year "2024", population "ASEAN", option "China": value: 24.81 has more than one decimal; percentages are published with one"#,
            r#"data/values.csv:7: question "relevance", year "2024", population "ASEAN", option "Japan": value: 11.5 is outside the score's scale 0-11"#,
        ],
    );
}

#[test]
fn every_problem_of_a_row_is_reported_not_just_the_first() {
    assert_problems(
        "every-problem-in-a-row.values.csv",
        &[
            r#"data/values.csv:9: question "trusted", year "2022", population "XX", option "Japan": question: unknown question id "trusted""#,
            r#"data/values.csv:9: question "trusted", year "2022", population "XX", option "Japan": year: "2022" is not one of the survey's editions [2023, 2024, 2025]"#,
            r#"data/values.csv:9: question "trusted", year "2022", population "XX", option "Japan": population: "XX" is neither ASEAN nor a member state's ISO 3166 code"#,
            r#"data/values.csv:9: question "trusted", year "2022", population "XX", option "Japan": sources: unknown source id "nhx""#,
        ],
    );
}

#[test]
fn a_source_without_a_url() {
    assert_problems(
        "source-without-url.sources.toml",
        &[
            r#"data/sources.toml:1: source "nhk": url: source has no URL"#,
            r#"data/sources.toml:5: source "asahi": url: "ftp://example.org/asahi" is not an http(s) address"#,
        ],
    );
}

#[test]
fn a_note_pointing_at_nothing() {
    assert_problems(
        "note-pointing-at-nothing.notes.toml",
        &[
            r#"data/notes.toml:1: question "trust", year "2024", population "ASEAN", option "India": question: the note points at no value in the data"#,
            r#"data/notes.toml:9: question "trust", year "2025": question: the note points at no value in the data"#,
            r#"data/notes.toml:15: question "trusts": question: unknown question id "trusts""#,
        ],
    );
}

#[test]
fn a_chart_needing_a_question_that_does_not_exist() {
    assert_problems(
        "chart-needs-missing-question.survey.toml",
        &[
            r#"data/values.csv:5: question "forced_choice", year "2024", population "ASEAN", option "China": question: unknown question id "forced_choice""#,
            r#"data/values.csv:6: question "forced_choice", year "2024", population "ASEAN", option "United States": question: unknown question id "forced_choice""#,
            r#"data/survey.toml: question "forced_choice": id: chart "alignment-by-country" needs this question, which data/survey.toml does not define"#,
        ],
    );
}

#[test]
fn a_file_that_is_not_toml() {
    let got = problems_with(Some("broken-toml.sources.toml"));
    assert!(got[0].starts_with("data/sources.toml: file: "), "{got:?}");
}

// ---- the real data ------------------------------------------------------------------------

#[test]
fn the_real_data_has_no_problems() {
    if let Err(problems) = japan_asean_report::load() {
        panic!(
            "data/ has {} problem(s):\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}

#[test]
fn trust_2024_holds_the_published_figures() {
    let d = japan_asean_report::load().unwrap().data;
    let got: Vec<(&str, &str)> = d
        .cells("trust", 2024, Population::Asean)
        .map(|v| (v.option.as_str(), v.value.text()))
        .collect();
    assert_eq!(
        got,
        [
            ("Japan", "58.9"),
            ("United States", "42.4"),
            ("European Union", "41.5"),
            ("China", "24.8"),
            ("India", "24.2"),
        ]
    );
}

#[test]
fn every_outlet_source_has_a_url() {
    let d = japan_asean_report::load().unwrap().data;
    for v in &d.values {
        for &s in &v.sources {
            let src = &d.sources[s];
            assert!(
                src.url.is_some() || src.kind == data::SourceKind::Work,
                "{} has no URL",
                src.id
            );
        }
    }
}

#[test]
fn the_essay_only_figure_is_attributed_to_the_essay() {
    let d = japan_asean_report::load().unwrap().data;
    let ph = data::Country::from_code("PH")
        .map(Population::Country)
        .unwrap();
    let v = d
        .cells("live_work_destination", 2024, ph)
        .find(|v| v.option == "Japan")
        .expect("the essay's Philippines figure is in the data");
    assert_eq!(v.value.text(), "26.0");
    let ids: Vec<&str> = v
        .sources
        .iter()
        .map(|&s| d.sources[s].id.as_str())
        .collect();
    assert_eq!(ids, ["essay"]);
}

/// ASEAN-wide figures weight each member state at 10%: where every country is published (the
/// forced choice, 2024), the ASEAN figure is the mean of the ten, within rounding. Where only
/// the US side of a country was read, its China side is derived here as 100 minus it; that
/// derivation lives in this test, never in the data.
#[test]
fn the_asean_figure_is_the_mean_of_the_ten_countries() {
    let d = japan_asean_report::load().unwrap().data;
    let ten = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"];
    let mut china = Vec::new();
    for code in ten {
        let pop = Population::Country(data::Country::from_code(code).unwrap());
        let side = |option: &str| {
            d.cells("forced_choice", 2024, pop)
                .find(|v| v.option == option)
                .map(|v| v.value.number())
        };
        let share = side("China")
            .or_else(|| side("United States").map(|us| 100.0 - us))
            .unwrap_or_else(|| panic!("{code} has neither side of the forced choice"));
        china.push(share);
    }
    let mean = china.iter().sum::<f64>() / 10.0;
    let asean = d
        .cells("forced_choice", 2024, Population::Asean)
        .find(|v| v.option == "China")
        .unwrap()
        .value
        .number();
    assert!(
        (mean - asean).abs() <= 0.05,
        "mean {mean:.2} vs ASEAN {asean}"
    );
}

#[test]
fn every_chart_builds_from_the_real_data_and_names_its_sources() {
    let b = japan_asean_report::load().unwrap();
    for id in spec::CHART_IDS {
        let chart = spec::build(id, &b.data, &b.strings).unwrap_or_else(|e| panic!("{e}"));
        assert!(!chart.rows.is_empty());
        assert!(
            !chart.source.read_in.is_empty(),
            "{id} names where its numbers were read"
        );
    }
}

#[test]
fn the_browsers_snapshot_is_the_validated_data() {
    let snapshot = japan_asean_report::load_snapshot().expect("the snapshot reads back");
    assert_eq!(snapshot, japan_asean_report::load().unwrap().snapshot());
}
