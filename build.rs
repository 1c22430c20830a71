//! Refuses to build with bad data: loads `data/` and the message catalog with the crate's own
//! modules and fails with every problem (file, line, question, population, option, field).
//! The checked data and strings are written to `$OUT_DIR/snapshot.bin` (`src/snapshot.rs`), which the
//! browser deserializes at start-up instead of shipping the parsers and the checks.

#[allow(dead_code, unused_imports)]
#[path = "src/bundle.rs"]
mod bundle;
#[allow(dead_code, unused_imports)]
#[path = "src/data/mod.rs"]
mod data;
#[allow(dead_code, unused_imports)]
#[path = "src/snapshot.rs"]
mod snapshot;
#[allow(dead_code, unused_imports)]
#[path = "src/spec.rs"]
mod spec;
#[allow(dead_code, unused_imports)]
#[path = "src/text.rs"]
mod text;

fn main() {
    for path in [
        "data",
        "src/data",
        "src/spec.rs",
        "src/text.rs",
        "src/bundle.rs",
        "src/snapshot.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let bundle = match bundle::load(&bundle::EMBEDDED, bundle::TEXT, bundle::UI) {
        Ok(b) => b,
        Err(problems) => {
            eprintln!("\nThe report's data has {} problem(s):", problems.len());
            for p in &problems {
                eprintln!("  {p}");
            }
            std::process::exit(1);
        }
    };
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = snapshot::write(&bundle.snapshot());
    std::fs::write(out.join("snapshot.bin"), bytes).expect("OUT_DIR is writable");
}
