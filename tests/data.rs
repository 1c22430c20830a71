//! The data files: the real ones load with zero problems and hold the published figures; each
//! bad fixture in tests/fixtures/bad (one file replacing its twin in tests/fixtures/good) is
//! refused with messages naming file, line, question, population, option and field.

use std::fs;
use std::path::Path;

use report_core::data::{self, Population};
use report_core::{bundle, spec, text, Bundle};

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The good fixture folder with the correction of tests/fixtures/corrected added.
fn corrected() -> data::Folder {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut folder = data::Folder::read("data", &dir.join("good")).unwrap();
    folder.corrections = Some(read(&dir.join("corrected/corrections.toml")));
    folder.catalogs[0].1 += &read(&dir.join("corrected/text.en.toml"));
    folder
}

/// Problems of the good fixture folder with `bad` (named `KIND.FILE`) in place of its twin,
/// named as if the folder were `data/`.
fn problems_with(bad: Option<&str>) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut folder = data::Folder::read("data", &dir.join("good")).unwrap();
    if let Some(bad) = bad {
        let text = read(&dir.join("bad").join(bad));
        let ends = |f: &str| bad.ends_with(&format!(".{f}"));
        if ends(data::CORRECTIONS_FILE) {
            // With the words of the good set's correction (tests/fixtures/corrected).
            folder.corrections = Some(text);
            folder.catalogs[0].1 += &read(&dir.join("corrected/text.en.toml"));
        } else if let Some(i) = data::FILES.iter().position(|f| ends(f)) {
            folder.data[i] = text;
        } else {
            let (lang, t, u) = folder
                .catalogs
                .iter_mut()
                .find(|(lang, _, _)| {
                    ends(&format!("text.{lang}.toml")) || ends(&format!("ui.{lang}.toml"))
                })
                .unwrap_or_else(|| panic!("{bad} names no data file"));
            if ends(&format!("text.{lang}.toml")) {
                *t = text;
            } else {
                *u = text;
            }
        }
    }
    match bundle::load(&folder.files()) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(ToString::to_string).collect(),
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
            r#"data/values.csv:6: question "forced_choice", year "2024", population "ASEAN": value: options of a single-choice question add up to 101.0, above 100.5 (the rows on lines 5, 6; shares as published may add up to 100.5 at most, for their rounding)"#,
        ],
    );
}

#[test]
fn an_unknown_country_code() {
    assert_problems(
        "unknown-country.values.csv",
        &[
            r#"data/values.csv:9: question "trust", year "2024", population "XX", option "Japan": population: "XX" is not a population of survey.toml (expected one of ASEAN, PH, TH)"#,
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
            r#"data/values.csv:9: question "trusted", year "2022", population "XX", option "Japan": population: "XX" is not a population of survey.toml (expected one of ASEAN, PH, TH)"#,
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
            r#"data/notes.toml:1: note "bad-1", question "trust", year "2024", population "ASEAN", option "India": question: the note points at no value in the data"#,
            r#"data/notes.toml:9: note "bad-2", question "trust", year "2025": question: the note points at no value in the data"#,
            r#"data/notes.toml:15: note "bad-3", question "trusts": question: unknown question id "trusts""#,
        ],
    );
}

// ---- chart definitions ---------------------------------------------------------------------

#[test]
fn a_chart_with_an_unknown_question() {
    assert_problems(
        "chart-unknown-question.charts.toml",
        &[
            r#"data/charts.toml:41: chart "choice": question: unknown question "forced_choise" (expected one of survey.toml's: trust, forced_choice, relevance)"#,
        ],
    );
}

#[test]
fn a_chart_with_an_unknown_year() {
    assert_problems(
        "chart-unknown-year.charts.toml",
        &[
            r#"data/charts.toml:20: chart "trust-bars": year: 2022 is not one of the survey's editions [2023, 2024, 2025]"#,
        ],
    );
}

#[test]
fn a_chart_with_an_unknown_population() {
    assert_problems(
        "chart-unknown-population.charts.toml",
        &[
            r#"data/charts.toml:30: chart "trust-bars": population: unknown population "XX" (expected one of ASEAN, PH, TH, or "selected")"#,
        ],
    );
}

#[test]
fn a_chart_with_an_unknown_option() {
    assert_problems(
        "chart-unknown-option.charts.toml",
        &[
            r#"data/charts.toml:44: chart "choice": option: unknown option "USA": no value in values.csv has it"#,
        ],
    );
}

#[test]
fn a_kind_that_cannot_show_the_data() {
    assert_problems(
        "chart-kind-cannot-show.charts.toml",
        &[
            r#"data/charts.toml:38: chart "choice": kind: a diverging chart shows two shares of one single-choice question in percent; "trust" is not one"#,
        ],
    );
}

#[test]
fn a_selector_on_a_question_without_country_figures() {
    assert_problems(
        "chart-selector-without-country-figures.charts.toml",
        &[
            r#"data/charts.toml:27: chart "trust-bars": selector: question "relevance" has no per-country figures in values.csv, so a country selector would show nothing"#,
        ],
    );
}

#[test]
fn a_duplicate_chart_id() {
    assert_problems(
        "chart-duplicate-id.charts.toml",
        &[
            r#"data/charts.toml:38: chart "trust-bars": id: duplicate chart id, first defined on line 16"#,
        ],
    );
}

#[test]
fn catalog_problems_are_values_with_file_line_key_and_what_was_expected() {
    use report_core::bundle::LoadError;
    use report_core::text::{CatalogProblem, Expected, Place};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut folder = data::Folder::read("data", &dir.join("good")).unwrap();
    folder.catalogs[0].2 = read(&dir.join("bad/ui-missing-and-unknown-keys.ui.en.toml"));
    let got = bundle::load(&folder.files()).unwrap_err();
    assert_eq!(
        got[2],
        LoadError::Catalog(CatalogProblem {
            file: "data/ui.en.toml".into(),
            line: 6,
            place: Place::field("ui", "loding"),
            expected: Expected::KnownUiKey,
        })
    );
    assert!(
        matches!(&got[1], LoadError::Catalog(CatalogProblem { place: Place::Field { table: "ui", key }, expected: Expected::UiKey, line: 5, .. }) if key == "loading"),
        "{got:?}"
    );
}

#[test]
fn a_chart_defined_but_placed_in_no_section() {
    assert_problems(
        "chart-defined-not-placed.text.en.toml",
        &[
            r#"data/text.en.toml:35: chart "choice" (charts.toml line 39) is placed 0 times; place it once with {{figure:choice}} on a line of its own in a section body"#,
        ],
    );
}

#[test]
fn a_chart_placed_but_not_defined() {
    assert_problems(
        "chart-placed-not-defined.text.en.toml",
        &[
            r#"data/text.en.toml:28: section "more" places chart "choise" with {{figure:choise}}, and charts.toml defines no chart with that id"#,
        ],
    );
}

#[test]
fn a_colour_role_without_contrast() {
    assert_problems(
        "chart-low-contrast.charts.toml",
        &[
            r#"data/charts.toml:6: colour "left": light: #F0C080 has a contrast of 1.6:1 against the light background #FFFFFF; a chart mark needs at least 3:1"#,
        ],
    );
}

#[test]
fn an_editorial_expectation_the_data_no_longer_meets() {
    assert_problems(
        "chart-expectation-not-met.charts.toml",
        &[
            r#"data/charts.toml:34: chart "trust-bars": expect: the text expects "Japan" at row 2, but with the data it is row 1 (the top row is "Japan")"#,
        ],
    );
}

#[test]
fn a_catalog_missing_keys_names_them_all_at_once() {
    assert_problems(
        "ui-missing-and-unknown-keys.ui.en.toml",
        &[
            r#"data/ui.en.toml:5: [ui] has no `dismiss` (every key is needed; data/README.md lists them)"#,
            r#"data/ui.en.toml:5: [ui] has no `loading` (every key is needed; data/README.md lists them)"#,
            r#"data/ui.en.toml:6: [ui] has an unknown key `loding` (only the keys data/README.md lists are read)"#,
        ],
    );
}

/// The good fixture folder, with its correction, and a second edition, `xx`: its catalogs
/// are copies of the English ones passed through `text` and `ui`.
fn problems_of_a_translation(
    text: impl Fn(&str) -> String,
    ui: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut folder = corrected();
    folder.data[4] =
        folder.data[4].replacen("[report]\n", "[report]\neditions = [\"en\", \"xx\"]\n", 1);
    let (_, t, u) = folder.catalogs[0].clone();
    // `xx` is no language CLDR knows: its numbers are written as English ones are.
    let u = u.replacen("lang = \"en\"", "lang = \"xx\"", 1).replacen(
        "[locale]\n",
        "[locale]\nnumber = \"en\"\n",
        1,
    );
    folder.catalogs.push(("xx".to_owned(), text(&t), ui(&u)));
    match bundle::load_editions(&folder.files()) {
        Ok(editions) => {
            assert_eq!(editions.len(), 2);
            Vec::new()
        }
        Err(p) => p.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn an_edition_in_another_era_writes_no_common_era_year_outside_titles() {
    let got = problems_of_a_translation(
        |t| {
            t.replacen(
                "subtitle = \"Share confident, 2024, %\"",
                "subtitle = \"Share confident, 2024, _2024 Report_, %\"",
                1,
            )
        },
        |u| u.replacen("year_offset = 0", "year_offset = 543", 1),
    );
    assert_eq!(
        got,
        [
            r#"data/text.xx.toml:38: [chart.choice] subtitle: 2024 is a Christian-Era year, and this edition writes every year in its own era ([locale] year_offset = 543): write 2567 (a year inside an original title stays as published: mark the title _like this_)"#,
            r#"data/text.xx.toml:32: [chart.trust-bars] subtitle: 2024 is a Christian-Era year, and this edition writes every year in its own era ([locale] year_offset = 543): write 2567 (a year inside an original title stays as published: mark the title _like this_)"#,
            r#"data/ui.xx.toml:57: [ui] credits: 2024 is a Christian-Era year, and this edition writes every year in its own era ([locale] year_offset = 543): write 2567 (a year inside an original title stays as published: mark the title _like this_)"#,
        ]
    );
}

#[test]
fn a_source_read_in_a_copy_says_how_and_where() {
    assert_problems(
        "source-read-without-via.sources.toml",
        &[
            r#"data/sources.toml:1: source "nhk": via: `read` says how a copy was read; `via` must say where"#,
            r#"data/sources.toml:7: source "asahi": read: `via` names where a copy was read; `read` must say how (one of "republished", "published", "read-on", "mirror", "proxy", "stored-proxy")"#,
            r#"data/sources.toml:13: source "essay": genre: unknown genre "vlog" (expected "blog" or no genre)"#,
            r#"data/sources.toml:13: source "essay": read: unknown way of reading "scraped" (expected one of "republished", "published", "read-on", "mirror", "proxy", "stored-proxy")"#,
        ],
    );
}

#[test]
fn a_faithful_translation_loads_as_a_second_edition() {
    assert_eq!(
        problems_of_a_translation(str::to_owned, str::to_owned),
        Vec::<String>::new()
    );
}

#[test]
fn an_edition_writes_numbers_as_a_cldr_locale_it_names() {
    // `xx` is no CLDR locale, and `[locale] number` names none either.
    let got = problems_of_a_translation(str::to_owned, |u| {
        u.replacen("number = \"en\"\n", "number = \"tlh\"\n", 1)
    });
    assert_eq!(
        got,
        [
            r#"data/ui.xx.toml:134: [locale] number: CLDR has no number forms for "tlh" at its modern coverage level (the edition writes numbers as a CLDR locale does: name one in [locale] number, e.g. "en", "es", "es-MX", "th"; crates/report-core/cldr/numbers.tsv lists them all)"#
        ]
    );
}

#[test]
fn a_translation_with_a_missing_or_extra_key_or_a_changed_placeholder_is_refused() {
    let got = problems_of_a_translation(
        |t| {
            t.replacen(
                "takeaway = \"Japan leads with {trust/2024/ASEAN/Japan}%.\"",
                "takeaway = \"Japan leads.\"",
                1,
            )
            .replacen("[chart.choice]\n", "[chart.choice]\nextra = \"x\"\n", 1)
        },
        |u| {
            u.replacen(
                "row_population_year = \"{population} {year}\"",
                "row_population_year = \"{population} {years}\"",
                1,
            )
        },
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("data/text.xx.toml:36: unknown field `extra`"),
        "{got:?}"
    );
    let got = problems_of_a_translation(
        |t| {
            t.replacen(
                "takeaway = \"Japan leads with {trust/2024/ASEAN/Japan}%.\"",
                "takeaway = \"Japan leads with {trust/2024/ASEAN/China}%.\"",
                1,
            )
        },
        |u| {
            u.replacen(
                "row_population_year = \"{population} {year}\"",
                "row_population_year = \"{population}\"",
                1,
            )
        },
    );
    assert_eq!(
        got,
        [
            r#"data/text.xx.toml:31: [chart.trust-bars] takeaway has the placeholders ["{trust/2024/ASEAN/China}"], but text.en.toml has ["{trust/2024/ASEAN/Japan}"]: a translation keeps every placeholder and invents none"#,
            r#"data/ui.xx.toml:21: [ui] row_population_year has the placeholders ["{population}"], but ui.en.toml has ["{population}", "{year}"]: a translation keeps every placeholder and invents none"#,
        ]
    );
    // A key of the first edition's missing, and one it lacks, each named.
    let got = problems_of_a_translation(
        |t| {
            let without = t
                .lines()
                .filter(|l| !l.starts_with("TH = "))
                .collect::<Vec<_>>()
                .join("\n");
            without.replacen("[note]\n", "[note]\nnot-a-note = \"x\"\n", 1)
        },
        str::to_owned,
    );
    assert_eq!(
        got,
        [
            r#"data/text.xx.toml:53: [population] "TH" is missing (it is in text.en.toml, line 56: every edition has the first edition's keys)"#,
            r#"data/text.xx.toml:80: [note] "not-a-note" is not in text.en.toml (an extra key: every edition has the first edition's keys and no others)"#,
            r#"data/text.xx.toml:53: [population] has no "TH" (every population code of survey.toml needs its words)"#,
            r#"data/text.xx.toml:80: [note] has "not-a-note", which is no note id of notes.toml"#,
        ]
    );
}

#[test]
fn a_drawn_label_too_wide_for_a_phone_is_refused_with_its_estimate() {
    let got = problems_of_a_translation(
        |t| {
            t.replacen(
                "\"Japan\" = \"Japan\"",
                "\"Japan\" = \"日本国（にっぽんこく）は東アジアに位置する島国である\"",
                1,
            )
        },
        str::to_owned,
    );
    assert_eq!(
        got,
        [
            r#"data/text.xx.toml:61: chart "trust-bars": the label "日本国（にっぽんこく）は東アジアに位置する島国である" is about 394 px wide, and a 320 px phone has 288 px for it: give it a shorter form in [label] (or in [chart.trust-bars] words)"#
        ]
    );
}

#[test]
fn a_figure_typed_into_the_text() {
    assert_problems(
        "typed-figure.text.en.toml",
        &[
            r#"data/text.en.toml:15: section "intro" body: the figure 58.9 is typed into the text; write it as a placeholder {question/year/population/option} so that it comes from values.csv, or, where it is no figure of the data (a version, another source's figure), mark it {=58.9}"#,
        ],
    );
}

#[test]
fn a_file_that_is_not_toml() {
    let got = problems_with(Some("broken-toml.sources.toml"));
    assert!(
        got[0].starts_with("data/sources.toml:5: file: unclosed array table"),
        "{got:?}"
    );
}

// ---- the real data ------------------------------------------------------------------------

/// A data folder of the repository, read from disk and loaded: every problem, or the bundle.
fn folder(dir: &str) -> Result<bundle::Bundle, Vec<bundle::LoadError>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = data::Folder::read(dir, &root.join(dir)).unwrap_or_else(|e| panic!("{e}"));
    bundle::load(&folder.files())
}

/// The report's own folder, `data/`, whatever `REPORT_DATA` this test binary was built from:
/// the tests below check today's figures.
fn real() -> bundle::Bundle {
    folder("data").unwrap_or_else(|p| panic!("data/: {p:?}"))
}

/// Every data folder in the repository loads from disk: `data/` and each `examples/*/data/`.
/// build.rs checks only the folder the crate is built from; this catches the others.
#[test]
fn every_data_folder_in_the_repository_loads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec!["data".to_owned()];
    for e in fs::read_dir(root.join("examples")).expect("examples/ exists") {
        let name = e.unwrap().file_name().into_string().unwrap();
        dirs.push(format!("examples/{name}/data"));
    }
    assert!(dirs.len() >= 2, "at least one example report");
    for dir in dirs {
        if let Err(problems) = folder(&dir) {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("{dir}: {} problem(s):\n{}", list.len(), list.join("\n"));
        }
    }
}

#[test]
fn trust_2024_holds_the_published_figures() {
    let b = real();
    let d = &b.data;
    let got: Vec<(&str, &str)> = d
        .cells("trust", 2024, d.region())
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
    let b = real();
    let d = &b.data;
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
    let b = real();
    let d = &b.data;
    let ph = d.population("PH").unwrap();
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
    let b = real();
    let d = &b.data;
    let ten: Vec<_> = d.members().collect();
    assert_eq!(ten.len(), 10, "the ten member states in the average");
    let mut china = Vec::new();
    for c in ten {
        let code = c.code();
        let pop = Population::Country(c);
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
        .cells("forced_choice", 2024, d.region())
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
    let b = real();
    for id in b.report.ids() {
        let chart = spec::build(&b, id).unwrap_or_else(|e| panic!("{e}"));
        assert!(!chart.rows.is_empty());
        assert!(
            !chart.source.read_in.is_empty(),
            "{id} names where its numbers were read"
        );
    }
}

#[test]
fn the_browsers_snapshot_is_the_validated_data() {
    let strings = report_web::first_edition_strings();
    let snapshot = report_web::load_snapshot(strings).expect("the snapshot reads back");
    assert_eq!(snapshot, report_web::load().unwrap().snapshot());
}

#[test]
fn the_stylesheets_font_rules_are_the_catalogs_fonts() {
    // style.css gives a language its page font in a `:root:lang(xx) body` rule; the charts use
    // the catalog's `[locale] font`. Where a rule exists, the two are the same stack.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let css = read(&root.join("style.css"));
    let editions = bundle::load_editions(
        &data::Folder::read("data", &root.join("data"))
            .unwrap()
            .files(),
    )
    .unwrap();
    let mut checked = 0;
    for e in &editions {
        let lang = &e.strings.ui.lang;
        let Some(at) = css.find(&format!(":root:lang({lang}) body {{")) else {
            continue;
        };
        let rule = &css[at..at + css[at..].find('}').unwrap()];
        let stack = rule
            .split_once("font-family:")
            .and_then(|(_, r)| r.split_once(';'))
            .map(|(f, _)| f.trim())
            .unwrap_or_else(|| panic!("{lang}: the rule has no font-family"));
        assert_eq!(stack, e.strings.locale.font, "{lang}");
        checked += 1;
    }
    assert_eq!(checked, 2, "ja and th have their own font rules");
}

#[test]
fn a_correction_naming_an_unknown_chart_or_with_a_bad_id_or_day_is_refused() {
    assert_problems(
        "correction-unknown-chart.corrections.toml",
        &[
            r#"data/corrections.toml:6: correction "Trust 2024": id: is not an id of lower-case letters, digits and hyphens (the page's address for it is #correction-ID)"#,
            r#"data/corrections.toml:6: correction "Trust 2024": date: "2026-11" is not a day (YYYY-MM-DD): the day the correction was made"#,
            r#"data/corrections.toml:6: correction "Trust 2024": charts: "trust-bar" is no chart of charts.toml"#,
        ],
    );
}

#[test]
fn a_correction_naming_a_value_its_charts_do_not_show_is_refused() {
    assert_problems(
        "correction-unknown-value.corrections.toml",
        &[
            r#"data/corrections.toml:1: correction "trust-2024-japan": values: "v-trust-bars-trust-2024-asean-japn" is no published value of trust-bars (a value id is v-CHART-QUESTION-YEAR-POPULATION-OPTION, as a chart's table gives it)"#,
        ],
    );
}

#[test]
fn a_correction_dated_after_the_release_is_refused() {
    assert_problems(
        "correction-after-release.corrections.toml",
        &[
            r#"data/corrections.toml:1: correction "trust-2024-japan": date: 2026-12-01 is after the release it appears in (charts.toml [report] updated = "2026-11-20"): set `updated` to the day of the release that carries the correction"#,
        ],
    );
}

#[test]
fn a_correction_without_words_in_an_edition_is_refused() {
    let mut folder = corrected();
    let text = &mut folder.catalogs[0].1;
    let at = text.find("[correction.trust-2024-japan]").unwrap();
    text.truncate(at);
    let problems: Vec<String> = match bundle::load(&folder.files()) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(
        problems,
        [
            r#"data/text.en.toml:1: [correction] has no "trust-2024-japan" (every correction id of corrections.toml needs its words)"#
        ]
    );
    // A second edition without them is named too, against the first.
    let missing = problems_of_a_translation(
        |t| t[..t.find("[correction.trust-2024-japan]").unwrap()].to_owned(),
        str::to_owned,
    );
    assert_eq!(
        missing,
        [
            r#"data/text.xx.toml:1: [correction.trust-2024-japan] text is missing (it is in text.en.toml, line 86: every edition has the first edition's keys)"#,
            r#"data/text.xx.toml:1: [correction] has no "trust-2024-japan" (every correction id of corrections.toml needs its words)"#,
        ]
    );
}

#[test]
fn corrections_are_listed_newest_first_with_their_words() {
    let mut folder = corrected();
    folder.data[4] = folder.data[4].replacen("2026-11-20", "2026-11-25", 1);
    folder.corrections = Some(format!(
        "{}\n[[correction]]\nid = \"later\"\ndate = \"2026-11-25\"\ncharts = [\"choice\", \"trust-bars\"]\n",
        folder.corrections.clone().unwrap()
    ));
    folder.catalogs[0]
        .1
        .push_str("\n[correction.later]\ntext = \"A later one.\"\n");
    let b = bundle::load(&folder.files()).unwrap();
    let ids: Vec<(&str, String, &str)> = b
        .corrections
        .iter()
        .map(|c| (c.id.as_str(), c.date.iso(), c.text.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("later", "2026-11-25".to_owned(), "A later one."),
            (
                "trust-2024-japan",
                "2026-11-20".to_owned(),
                "The region's trust in Japan was first shown as read in a secondary source; it now follows the survey report."
            ),
        ]
    );
    let copied = data::PubDate::parse("2026-11-20");
    assert!(b.corrections[0].after(copied) && !b.corrections[1].after(copied));
    assert!(b.corrections[1].after(None));
}

/// The folder `./x new` writes (templates/new-report) is a valid report: every file loads, every
/// chart builds, with no problem.
#[test]
fn the_new_report_template_has_no_problems() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = data::Folder::read("new", &root.join("templates/new-report")).unwrap();
    let editions = bundle::load_editions(&folder.files()).unwrap_or_else(|p| {
        let list: Vec<String> = p.iter().map(ToString::to_string).collect();
        panic!("templates/new-report has problems:\n{}", list.join("\n"))
    });
    assert_eq!(editions.len(), 1);
    let kinds: Vec<String> = editions[0]
        .report
        .charts
        .iter()
        .map(|c| format!("{:?}", c.kind))
        .collect();
    assert!(
        kinds.len() == 2 && kinds[0] != kinds[1],
        "a bars chart and a diverging chart: {kinds:?}"
    );
}

/// An expectation names its row by code: a population row holds in an edition that calls the
/// population something else, and a wrong one is named.
#[test]
fn an_expectation_names_a_population_row_by_its_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut folder = data::Folder::read("data", &dir.join("good")).unwrap();
    let charts = data::FILES
        .iter()
        .position(|f| *f == data::CHARTS_FILE)
        .unwrap();
    // The last chart of the good set, `choice`, has a row per population (ASEAN only).
    folder.data[charts] += "\n[[chart.expect]]\nrow = \"ASEAN\"\nposition = 1\n";
    folder.catalogs[0].1 =
        folder.catalogs[0]
            .1
            .replacen("ASEAN = \"ASEAN\"", "ASEAN = \"Southeast Asia\"", 1);
    assert!(
        bundle::load(&folder.files()).is_ok(),
        "ASEAN found by its code"
    );
    folder.data[charts] = folder.data[charts].replacen("row = \"ASEAN\"", "row = \"PH\"", 1);
    let got: Vec<String> = bundle::load(&folder.files())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].contains("chart \"choice\": expect:") && got[0].contains("\"PH\""),
        "{got:?}"
    );
}

/// The good fixture folder with a count and an amount in dollars, and its edition's number
/// form from `[locale] number` (`None`: its language's).
fn with_units(
    number: Option<&str>,
    households: &str,
    currency: &str,
) -> Result<Bundle, Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut folder = data::Folder::read("data", &dir.join("good")).unwrap();
    let at = |f: &str| data::FILES.iter().position(|x| *x == f).unwrap();
    folder.data[at("survey.toml")] += &format!(
        "\n[[question]]\nid = \"households\"\nkind = \"measure\"\nunit = \"count\"\n\n[[question]]\nid = \"income\"\nkind = \"measure\"\nunit = \"currency\"\n{currency}\n"
    );
    folder.data[at("values.csv")] += &format!(
        "households,2024,ASEAN,Japan,{households},nhk\nincome,2024,ASEAN,Japan,74580,nhk\n"
    );
    let (_, text, ui) = &mut folder.catalogs[0];
    for q in ["households", "income"] {
        *text += &format!("\n[question.{q}]\ntitle = \"{q}\"\nmeasure = \"{q}\"\nbase = \"all\"\n");
    }
    if let Some(tag) = number {
        // The CLDR locale's percent form too: without the catalog's own (`percent`).
        let kept: Vec<&str> = ui
            .lines()
            .filter(|l| !l.starts_with("percent = "))
            .collect();
        *ui = kept
            .join("\n")
            .replacen("[locale]\n", &format!("[locale]\nnumber = \"{tag}\"\n"), 1);
    }
    bundle::load(&folder.files()).map_err(|p| p.iter().map(ToString::to_string).collect())
}

#[test]
fn counts_and_amounts_are_checked_and_written_in_the_editions_number_form() {
    let fill = |b: &Bundle, t: &str| text::fill(t, &b.data, &b.strings.locale.number).unwrap();
    let en = with_units(None, "250875", "currency = \"USD\"").unwrap();
    let number = &en.strings.locale.number;
    assert_eq!(
        fill(&en, "{households/2024/ASEAN/Japan} households"),
        "250,875 households"
    );
    assert_eq!(number.currency("USD", "74580"), "$74,580");
    assert_eq!(en.strings.locale.percent("58.9"), "58.9%");
    // Spanish, as CLDR writes it: a decimal comma, grouping from five digits, the symbol after.
    let es = with_units(Some("es"), "250875", "currency = \"USD\"").unwrap();
    let number = &es.strings.locale.number;
    assert_eq!(fill(&es, "{households/2024/ASEAN/Japan}"), "250.875");
    assert_eq!(number.number("1234"), "1234");
    assert_eq!(number.currency("USD", "74580"), "74.580\u{a0}US$");
    assert_eq!(es.strings.locale.percent("58.9"), "58,9\u{a0}%");
    assert_eq!(fill(&es, "{trust/2024/ASEAN/Japan} %"), "58,9 %");
    // What the build refuses, each with the rule.
    assert_eq!(
        with_units(None, "2508.5", "currency = \"USD\"").unwrap_err(),
        [
            r#"data/values.csv:9: question "households", year "2024", population "ASEAN", option "Japan": value: 2508.5 has decimals; a count is a whole number"#
        ]
    );
    let e = with_units(None, "250875", "").unwrap_err();
    assert!(
        e[0].contains("currency: a currency needs its ISO 4217 code (currency = \"USD\")"),
        "{e:?}"
    );
    let e = with_units(None, "250875", "currency = \"usd\"").unwrap_err();
    assert!(e[0].contains("\"usd\" is not an ISO 4217 code"), "{e:?}");
    let e = with_units(None, "\"250,875\"", "currency = \"USD\"").unwrap_err();
    assert!(
        e.len() == 1 && e[0].contains("no sign, spaces or thousands separators"),
        "{e:?}"
    );
}
