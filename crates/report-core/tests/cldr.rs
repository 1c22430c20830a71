//! The number forms in `cldr/` are CLDR's own: this test writes the two tables from the CLDR
//! JSON packages that `./x setup` installs from npm (`cldr-numbers-full` and `cldr-core`, at
//! the version tests/e2e/package.json pins) and requires them to equal the committed files.
//! `CLDR_WRITE=1 cargo test -p report-core --test cldr` rewrites them after an update.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; `./x setup` installs CLDR's JSON (tests/e2e/package.json)",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap()
}

fn s<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut v = v;
    for p in path {
        v = &v[*p];
    }
    v.as_str()
        .unwrap_or_else(|| panic!("CLDR has no {}", path.join("/")))
}

/// The positive half of a pattern (`¤#,##0.00;(¤#,##0.00)`).
fn positive(p: &str) -> &str {
    p.split(';').next().unwrap_or(p)
}

/// Group sizes of a decimal pattern: `#,##0.###` (3, 3), `#,##,##0.###` (3, 2), and (0, 0)
/// for a pattern without grouping.
fn grouping(pattern: &str) -> (usize, usize) {
    let int = positive(pattern).split('.').next().unwrap_or("");
    let groups: Vec<&str> = int.split(',').collect();
    match groups[..] {
        [] | [_] => (0, 0),
        [_, p] => (p.len(), p.len()),
        [.., s, p] => (p.len(), s.len()),
    }
}

fn tables(cldr: &Path) -> (String, String) {
    let numbers = cldr.join("cldr-numbers-full");
    let core = cldr.join("cldr-core");
    let version = read(&numbers.join("package.json"))["version"]
        .as_str()
        .unwrap()
        .to_owned();
    let coverage = read(&core.join("coverageLevels.json"));
    let systems = read(&core.join("supplemental/numberingSystems.json"));
    let modern: Vec<String> = coverage["effectiveCoverageLevels"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, level)| level.as_str() == Some("modern"))
        .map(|(l, _)| l.clone())
        .collect();
    let mut forms = format!(
        "# CLDR {version}: the number forms of the locales at CLDR's modern coverage level (written by tests/cldr.rs).\n\
         # locale\tdigits\tdecimal\tgroup\tminus\tpercent sign\tminimum grouping digits\tprimary group\tsecondary group\tpercent pattern\tcurrency pattern\tcurrency pattern beside letters\n"
    );
    let mut symbols = format!(
        "# CLDR {version}: the currency symbols of those locales that differ from the ISO 4217 code (written by tests/cldr.rs).\n# locale\tcode\tsymbol\n"
    );
    for l in &modern {
        let file = numbers.join("main").join(l).join("numbers.json");
        if !file.exists() {
            continue;
        }
        let n = &read(&file)["main"][l.as_str()]["numbers"];
        let ns = s(n, &["defaultNumberingSystem"]);
        let sym = format!("symbols-numberSystem-{ns}");
        let digits = s(
            &systems,
            &["supplemental", "numberingSystems", ns, "_digits"],
        );
        let decimal_pattern = s(
            n,
            &[&format!("decimalFormats-numberSystem-{ns}"), "standard"],
        );
        let (primary, secondary) = grouping(decimal_pattern);
        let cur = format!("currencyFormats-numberSystem-{ns}");
        let alpha = n[cur.as_str()]["standard-alphaNextToNumber"]
            .as_str()
            .unwrap_or_else(|| s(n, &[&cur, "standard"]));
        let row = [
            l.as_str(),
            digits,
            s(n, &[&sym, "decimal"]),
            s(n, &[&sym, "group"]),
            s(n, &[&sym, "minusSign"]),
            s(n, &[&sym, "percentSign"]),
            s(n, &["minimumGroupingDigits"]),
            &primary.to_string(),
            &secondary.to_string(),
            positive(s(
                n,
                &[&format!("percentFormats-numberSystem-{ns}"), "standard"],
            )),
            positive(s(n, &[&cur, "standard"])),
            positive(alpha),
        ];
        assert!(row.iter().all(|c| !c.contains('\t') && !c.contains('\n')));
        forms.push_str(&row.join("\t"));
        forms.push('\n');
        let file = numbers.join("main").join(l).join("currencies.json");
        let c = &read(&file)["main"][l.as_str()]["numbers"]["currencies"];
        let listed: BTreeMap<&String, &Value> = c.as_object().unwrap().iter().collect();
        for (code, v) in listed {
            if let Some(symbol) = v["symbol"].as_str().filter(|sy| sy != code) {
                symbols.push_str(&format!("{l}\t{code}\t{symbol}\n"));
            }
        }
    }
    (forms, symbols)
}

#[test]
fn the_number_forms_are_cldrs() {
    let cldr = std::env::var_os("REPORT_CLDR_JSON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../../tests/e2e/node_modules"));
    let (forms, symbols) = tables(&cldr);
    let dir = root().join("cldr");
    if std::env::var_os("CLDR_WRITE").is_some() {
        std::fs::write(dir.join("numbers.tsv"), &forms).unwrap();
        std::fs::write(dir.join("currencies.tsv"), &symbols).unwrap();
    }
    for (name, want) in [("numbers.tsv", forms), ("currencies.tsv", symbols)] {
        let have = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            have == want,
            "crates/report-core/cldr/{name} is not CLDR's: CLDR_WRITE=1 cargo test -p report-core --test cldr writes it"
        );
    }
}

#[test]
fn group_sizes_are_read_from_the_pattern() {
    assert_eq!(grouping("#,##0.###"), (3, 3));
    assert_eq!(grouping("#,##,##0.###"), (3, 2));
    assert_eq!(grouping("0.######"), (0, 0));
    assert_eq!(grouping("¤#,##0.00;(¤#,##0.00)"), (3, 3));
}
