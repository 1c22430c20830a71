//! The tree's own rules, which no compiler checks: every source file stays small enough to
//! read in one sitting (at most 550 lines before its unit tests), so that a change has one
//! obvious place to go.

use std::fs;
use std::path::{Path, PathBuf};

const MOST_LINES: usize = 550;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines before the file's `#[cfg(test)]` module (all of them where it has none).
fn code_lines(text: &str) -> usize {
    text.lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .count()
}

#[test]
fn no_source_file_has_more_than_550_lines_of_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "prerender/src", "crates"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "the walk found the sources: {files:?}");
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = code_lines(&fs::read_to_string(f).unwrap());
            (n > MOST_LINES).then(|| format!("{}: {n} lines", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these files by job (at most {MOST_LINES} lines before the tests): {long:#?}"
    );
}

#[test]
fn lines_are_counted_up_to_the_unit_tests() {
    assert_eq!(code_lines("a\nb\n#[cfg(test)]\nmod tests {}\n"), 2);
    assert_eq!(code_lines("a\nb\n"), 2);
}
