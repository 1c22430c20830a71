//! Refuses to build with bad data: loads the data folder (`REPORT_DATA`, default `data`) with
//! the engine (`report-core`) and fails with every problem (file, line, chart, question,
//! population, option, field). The checked data and chart definitions are written to
//! `$OUT_DIR/core.bin` and the first edition's strings to `strings.bin` (`snapshot`), which
//! the browser reads at start-up instead of shipping the parsers and the checks. The folder's
//! path reaches the crate as `REPORT_DATA_DIR` (absolute, for `include_str!`) and
//! `REPORT_DATA_NAME` (as messages name it).

use std::path::{Path, PathBuf};

use report_core::{bundle, data, snapshot, text};

/// Why the build stops.
enum BuildError {
    Folder(String),
    Data(Vec<String>),
    Write(String),
}

fn main() {
    if let Err(e) = run() {
        match e {
            BuildError::Folder(m) | BuildError::Write(m) => eprintln!("\n{m}"),
            BuildError::Data(problems) => {
                eprintln!("\nThe report's data has {} problem(s):", problems.len());
                for p in &problems {
                    eprintln!("  {p}");
                }
            }
        }
        std::process::exit(1);
    }
}

fn run() -> Result<(), BuildError> {
    println!("cargo::rerun-if-env-changed=REPORT_DATA");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let name = std::env::var("REPORT_DATA").unwrap_or_else(|_| "data".to_owned());
    let name = name.trim_end_matches('/').to_owned();
    let dir = if Path::new(&name).is_absolute() {
        PathBuf::from(&name)
    } else {
        manifest.join(&name)
    };
    let folder = data::Folder::read(&name, &dir)
        .map_err(|m| BuildError::Folder(format!("REPORT_DATA={name}: {m}")))?;
    println!("cargo::rerun-if-changed={}", dir.display());
    for f in folder.paths() {
        println!("cargo::rerun-if-changed={}", dir.join(f).display());
    }
    println!("cargo::rustc-env=REPORT_DATA_DIR={}", dir.display());
    println!("cargo::rustc-env=REPORT_DATA_NAME={name}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |file: &str, bytes: &[u8]| {
        std::fs::write(out.join(file), bytes)
            .map_err(|e| BuildError::Write(format!("cannot write {file}: {e}")))
    };
    // The live preview's build (`./x serve`): its pages carry the data, which its server reads
    // and checks at run time, so nothing is checked or embedded here (and a folder with
    // problems still gets its preview, which lists them).
    println!("cargo::rerun-if-env-changed=REPORT_PREVIEW");
    if std::env::var_os("REPORT_PREVIEW").is_some() {
        write("catalogs.rs", b"&[]\n")?;
        write("corrections.rs", b"None\n")?;
        write("core.bin", b"")?;
        return write("strings.bin", b"");
    }
    let editions = bundle::load_editions(&folder.files())
        .map_err(|p| BuildError::Data(p.iter().map(ToString::to_string).collect()))?;
    // The crate's include_str! of each edition's catalogs.
    let mut list = String::from("&[\n");
    for (lang, _, _) in &folder.catalogs {
        let [t, u] = text::file_names(lang);
        let path = |f: &str| dir.join(f).display().to_string();
        list.push_str(&format!(
            "    data::CatalogFiles {{ lang: {lang:?}, text: include_str!({:?}), ui: include_str!({:?}) }},\n",
            path(&t),
            path(&u)
        ));
    }
    list.push_str("]\n");
    // The crate's include_str! of corrections.toml, where the folder has one.
    let corrections = match folder.corrections {
        Some(_) => format!(
            "Some(include_str!({:?}))\n",
            dir.join(data::CORRECTIONS_FILE).display().to_string()
        ),
        None => "None\n".to_owned(),
    };
    let first = editions[0].snapshot();
    write("catalogs.rs", list.as_bytes())?;
    write("corrections.rs", corrections.as_bytes())?;
    write("core.bin", &snapshot::write_core(&first))?;
    write("strings.bin", &snapshot::write_strings(&first.strings))
}
