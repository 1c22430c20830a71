//! Every file served as immutable (`.js`, `.wasm`, `.css`) named by its final bytes: the 16
//! hex digits in `NAME-HHHHHHHHHHHHHHHH.js` (or `…_bg.wasm`) become the first 16 of the
//! SHA-256 of the file as it is served, after every rewrite (short imports, minifying, the
//! compile hint). So a release that changes a file's bytes always changes its name, and a
//! browser holding last release's glue never pairs it with this release's WASM.
//!
//! Names are rewritten in dependency order: a file is renamed once every hashed name it
//! mentions has its final name (the WASM and the stylesheets first, then the glues, then the
//! start-up scripts, which import the glue and name the WASM); the documents (`.html`,
//! `.json`) are rewritten last.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// A name of the form this pass renames: `STEM-` 16 hex digits (12 to 16 as trunk writes them), then `_bg.wasm`, `.js`,
/// `.wasm` or `.css`. Returns the parts before and after the hash.
pub fn split(name: &str) -> Option<(&str, &str, &str)> {
    let (head, tail) = ["_bg.wasm", ".js", ".wasm", ".css"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext).map(|h| (h, *ext)))?;
    // Trunk writes its hash, a 64-bit number, without leading zeros: 16 hex digits, or fewer
    // (one in 16 builds has 15).
    let (stem, hash) = head.rsplit_once('-')?;
    ((12..=16).contains(&hash.len())
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
        && !stem.is_empty())
    .then_some((stem, hash, tail))
}

/// The first 16 hex digits of a file's SHA-256.
pub fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Renames, under `root`, every hashed file by its content and rewrites every mention of its
/// old name. Returns (old name, new name) for the files whose name changed.
pub fn by_content(root: &Path) -> Result<Vec<(String, String)>, String> {
    let mut files: Vec<PathBuf> = Vec::new();
    walk(root, &mut files)?;
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let mut pending: Vec<PathBuf> = files
        .iter()
        .filter(|p| name_of(p).is_some_and(|n| split(n).is_some()))
        .cloned()
        .collect();
    let documents: Vec<PathBuf> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "html" || x == "json"))
        .cloned()
        .collect();
    // Old name -> new name, for every hashed file seen (a name is the same in every folder
    // that holds the same bytes).
    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    let old_names: Vec<String> = pending
        .iter()
        .filter_map(|p| name_of(p).map(str::to_owned))
        .collect();
    while !pending.is_empty() {
        let mut next = Vec::new();
        let mut progressed = false;
        for path in pending {
            let bytes = read(&path)?;
            let text = String::from_utf8_lossy(&bytes);
            let own = name_of(&path).unwrap_or_default().to_owned();
            let waits = old_names
                .iter()
                .any(|n| *n != own && !renamed.contains_key(n) && text.contains(n.as_str()));
            if waits {
                next.push(path);
                continue;
            }
            let bytes = rewrite(bytes, &renamed);
            let (stem, _, tail) = split(&own).ok_or_else(|| format!("{own}: not a hashed name"))?;
            let new = format!("{stem}-{}{tail}", digest(&bytes));
            if let Some(earlier) = renamed.get(&own) {
                if *earlier != new {
                    return Err(format!(
                        "{own} names two files with different bytes ({earlier}, {new})"
                    ));
                }
            }
            let target = path.with_file_name(&new);
            std::fs::write(&target, &bytes)
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
            if target != path {
                std::fs::remove_file(&path)
                    .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
            }
            renamed.insert(own, new);
            progressed = true;
        }
        if !progressed {
            let names: Vec<String> = next
                .iter()
                .filter_map(|p| name_of(p).map(str::to_owned))
                .collect();
            return Err(format!(
                "these files name each other, so none can be named by its content: {names:?}"
            ));
        }
        pending = next;
    }
    for path in documents {
        let bytes = read(&path)?;
        let out = rewrite(bytes.clone(), &renamed);
        if out != bytes {
            std::fs::write(&path, out)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(renamed.into_iter().filter(|(a, b)| a != b).collect())
}

fn rewrite(bytes: Vec<u8>, renamed: &BTreeMap<String, String>) -> Vec<u8> {
    let Ok(mut text) = String::from_utf8(bytes.clone()) else {
        // Binary (the WASM) names nothing.
        return bytes;
    };
    for (old, new) in renamed {
        if old != new && text.contains(old.as_str()) {
            text = text.replace(old.as_str(), new);
        }
    }
    text.into_bytes()
}

fn name_of(p: &Path) -> Option<&str> {
    p.file_name()?.to_str()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let listing =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in listing {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_split_into_stem_hash_and_ending() {
        assert_eq!(
            split("report-web-533984705b3a21f6_bg.wasm"),
            Some(("report-web", "533984705b3a21f6", "_bg.wasm"))
        );
        assert_eq!(
            split("boot-abf53f9f210bea32.js"),
            Some(("boot", "abf53f9f210bea32", ".js"))
        );
        assert_eq!(
            split("report-web-80b49954c5be60d.js"),
            Some(("report-web", "80b49954c5be60d", ".js")),
            "trunk's hash with its leading zero dropped"
        );
        assert_eq!(split("report-web.js"), None);
        assert_eq!(split("style.css"), None);
        assert_eq!(split("-abf53f9f210bea32.js"), None);
        assert_eq!(split("boot-abf53f9f210bea3g.js"), None);
        assert_eq!(split("index.html"), None);
    }

    #[test]
    fn sha256_of_nothing_starts_as_the_standard_says() {
        assert_eq!(digest(b""), "e3b0c44298fc1c14");
        assert_eq!(digest(b"abc"), "ba7816bf8f01cfea");
    }

    #[test]
    fn files_are_named_by_their_final_bytes_and_every_mention_follows() {
        let root = std::env::temp_dir().join(format!("names-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("ja")).unwrap();
        let w = |p: &str, b: &str| std::fs::write(root.join(p), b).unwrap();
        w("app-0000000000000001_bg.wasm", "wasm bytes");
        w("app-0000000000000001.js", "glue");
        w(
            "boot-0000000000000002.js",
            "import './app-0000000000000001.js'; init('./app-0000000000000001_bg.wasm')",
        );
        w(
            "ja/boot-0000000000000003.js",
            "import '../app-0000000000000001.js'",
        );
        w(
            "index.html",
            "<script src=\"./boot-0000000000000002.js\"></script>",
        );
        w(
            "ja/index.html",
            "<script src=\"./boot-0000000000000003.js\"></script>",
        );
        let renamed = by_content(&root).unwrap();
        assert_eq!(renamed.len(), 4);
        let wasm = format!("app-{}_bg.wasm", digest(b"wasm bytes"));
        let glue = format!("app-{}.js", digest(b"glue"));
        let boot_body = format!("import './{glue}'; init('./{wasm}')");
        let boot = format!("boot-{}.js", digest(boot_body.as_bytes()));
        assert_eq!(
            std::fs::read_to_string(root.join(&boot)).unwrap(),
            boot_body
        );
        assert!(std::fs::read_to_string(root.join("index.html"))
            .unwrap()
            .contains(&boot));
        let ja = std::fs::read_to_string(root.join("ja/index.html")).unwrap();
        let ja_boot = ja
            .split('"')
            .nth(1)
            .unwrap()
            .trim_start_matches("./")
            .to_owned();
        assert_eq!(
            std::fs::read_to_string(root.join("ja").join(&ja_boot)).unwrap(),
            format!("import '../{glue}'")
        );
        assert!(!root.join("app-0000000000000001.js").exists());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
