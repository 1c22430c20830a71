//! `Ui::for_browser` is an allow-list: the `[ui]` words the browser's strings carry. A word
//! the browser code reads but the list leaves out would render empty. This test reads the
//! browser side's sources (`src/web/`, and the engine modules it calls with the catalog:
//! `state`, `spec`) for every `ui.FIELD` they use and requires each to be carried, non-empty,
//! in every edition of the embedded data folder.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// Each `ui.NAME` / `ui().NAME` in `text` (a field, not a method call).
fn fields(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for pat in ["ui.", "ui()."] {
        let mut rest = text;
        while let Some(at) = rest.find(pat) {
            let before = rest[..at].chars().last();
            let after = &rest[at + pat.len()..];
            rest = after;
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            let call = after[name.len()..].starts_with('(');
            if !name.is_empty() && !call && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src/web", "crates/report-core/src/spec"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    files.push(root.join("crates/report-core/src/state.rs"));
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            // Tests build their own catalogs.
            let text = text.split("#[cfg(test)]").next().unwrap_or("").to_owned();
            (p.display().to_string(), text)
        })
        .collect()
}

#[test]
fn every_word_the_browser_reads_is_in_its_strings() {
    let editions = report_web::load_editions().expect("the embedded data loads");
    let used: Vec<(String, String)> = sources()
        .into_iter()
        .flat_map(|(file, text)| fields(&text).into_iter().map(move |f| (file.clone(), f)))
        .collect();
    assert!(
        used.iter().any(|(_, f)| f == "copy_done"),
        "the scan finds the fields"
    );
    for b in &editions {
        let carried = b.browser_strings().ui;
        for (file, field) in &used {
            let value = ui_field(&carried, field)
                .unwrap_or_else(|| panic!("{file}: `ui.{field}` is no [ui] key"));
            assert!(
                !value.is_empty() || field == "translation",
                "{file} reads `ui.{field}`, which Ui::for_browser leaves empty in the {} edition: add it there",
                carried.lang
            );
        }
    }
}

/// A `[ui]` field by name, through its TOML form (the catalog's own keys).
fn ui_field(ui: &report_core::text::Ui, name: &str) -> Option<String> {
    report_core::text::ui_table(ui).remove(name)
}

#[test]
fn the_scan_reads_fields_not_calls_or_other_names() {
    assert_eq!(
        fields("let a = &ui.point; src.ui().copy_done; ui.for_browser(); my_ui.x; m.ui.dismiss"),
        ["point", "dismiss", "copy_done"]
    );
}
