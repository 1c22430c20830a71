//! Where each key of a TOML file is written: the line a problem names. The index comes from
//! the `toml` parser's spans (native only: the browser never parses TOML), so a message about
//! `[chart.trust-2024] takeaway` points at the takeaway's own line, and a figure typed into a
//! section body at the line inside the body where it stands.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The keys of one TOML file, by path (`["chart", "trust-2024", "takeaway"]`; an array of
/// tables counts its elements from 0: `["section", "2", "body"]`), with where each is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lines {
    keys: BTreeMap<Vec<String>, Entry>,
    /// The byte offset at which each line starts.
    starts: Vec<usize>,
    /// The file as written, to find a text inside a value.
    source: String,
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    /// The key's own place (for a table, its `[header]`).
    key: usize,
    /// The value as written (quotes and all).
    value: Range<usize>,
}

impl Lines {
    /// The index of `source`; a file that does not parse has no keys (its parse error names its
    /// own line), and every lookup then falls back to line 1.
    pub fn read(source: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut lines = Lines {
            keys: BTreeMap::new(),
            starts,
            source: source.to_owned(),
        };
        if let Ok(root) = DeTable::parse(source) {
            lines.table(&mut Vec::new(), root.get_ref());
        }
        lines
    }

    fn table(&mut self, path: &mut Vec<String>, t: &DeTable<'_>) {
        for (k, v) in t {
            path.push(k.get_ref().to_string());
            self.value(path, k.span().start, v);
            path.pop();
        }
    }

    fn value(&mut self, path: &mut Vec<String>, key: usize, v: &Spanned<DeValue<'_>>) {
        self.keys.entry(path.clone()).or_insert(Entry {
            key,
            value: v.span(),
        });
        match v.get_ref() {
            DeValue::Table(t) => self.table(path, t),
            DeValue::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    path.push(i.to_string());
                    // An element of an array of tables is written at its `[[header]]`.
                    let start = item.span().start;
                    let inline = self.source.get(start..).is_some_and(|r| r.starts_with('{'));
                    let at = match item.get_ref() {
                        DeValue::Table(_) if !inline => self.header_before(start),
                        _ => start,
                    };
                    self.value(path, at, item);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    /// The start of the `[[...]]` header line at or before `at` (an array element's span may
    /// begin at its first key).
    fn header_before(&self, at: usize) -> usize {
        let line = self.line_at(at);
        (1..=line)
            .rev()
            .map(|l| self.starts[l - 1])
            .find(|&s| {
                self.source
                    .get(s..)
                    .is_some_and(|r| r.trim_start().starts_with("[["))
            })
            .unwrap_or(at)
    }

    /// The 1-based line of byte offset `at`.
    fn line_at(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).max(1)
    }

    /// The entry of `path`, or of its nearest ancestor that is written (a missing key is named
    /// at the table it belongs in), with how many segments matched.
    fn nearest(&self, path: &[&str]) -> Option<&Entry> {
        (1..=path.len()).rev().find_map(|n| {
            let key: Vec<String> = path[..n].iter().map(|s| (*s).to_owned()).collect();
            self.keys.get(&key)
        })
    }

    /// The line of `path`'s key, or of the table it belongs in, or 1.
    pub fn line(&self, path: &[&str]) -> usize {
        self.nearest(path).map_or(1, |e| self.line_at(e.key))
    }

    /// The line on which `needle` first stands inside the value of `path` (a figure in a long
    /// body); the key's line where the value does not hold it as written.
    pub fn line_of(&self, path: &[&str], needle: &str) -> usize {
        let Some(e) = self.nearest(path) else {
            return 1;
        };
        let at = self
            .source
            .get(e.value.clone())
            .and_then(|v| v.find(needle))
            .filter(|_| !needle.is_empty())
            .map_or(e.key, |i| e.value.start + i);
        self.line_at(at)
    }

    /// Whether `path` is written in the file.
    pub fn has(&self, path: &[&str]) -> bool {
        let key: Vec<String> = path.iter().map(|s| (*s).to_owned()).collect();
        self.keys.contains_key(&key)
    }

    /// The 1-based line of a parse error's span.
    pub fn line_of_offset(&self, at: usize) -> usize {
        self.line_at(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"[page]
title = "A"

[[section]]
id = "one"
body = """
First paragraph.

A figure 41.2 here."""

[[section]]
id = "two"
body = "x"

[chart.trust-bars]
title = "T"

[population]
TH = "Thailand"
"#;

    #[test]
    fn keys_tables_and_array_elements_have_their_lines() {
        let l = Lines::read(SRC);
        assert_eq!(l.line(&["page", "title"]), 2);
        assert_eq!(l.line(&["section", "0"]), 4);
        assert_eq!(l.line(&["section", "0", "body"]), 6);
        assert_eq!(l.line(&["section", "1"]), 11);
        assert_eq!(l.line(&["section", "1", "id"]), 12);
        assert_eq!(l.line(&["chart", "trust-bars", "title"]), 16);
        assert_eq!(l.line(&["population", "TH"]), 19);
        assert!(l.has(&["population", "TH"]) && !l.has(&["population", "JP"]));
    }

    #[test]
    fn a_missing_key_is_named_at_its_table_and_a_text_at_its_own_line() {
        let l = Lines::read(SRC);
        assert_eq!(l.line(&["population", "JP"]), 18);
        assert_eq!(l.line(&["chart", "choice", "title"]), 15);
        assert_eq!(l.line(&["nothing"]), 1);
        assert_eq!(l.line_of(&["section", "0", "body"], "41.2"), 9);
        assert_eq!(l.line_of(&["section", "0", "body"], "absent"), 6);
    }

    #[test]
    fn a_file_that_does_not_parse_names_line_one() {
        let l = Lines::read("[page\ntitle = 1");
        assert_eq!(l.line(&["page", "title"]), 1);
    }
}
