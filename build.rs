//! Refuses to build with bad data: validates `data/` with the crate's own data and spec
//! modules and fails with every problem, naming file, line, question, population, option and
//! field. The validated dataset is then written to `$OUT_DIR/dataset.bin` (postcard), which
//! the browser deserializes at start-up instead of shipping the parsers and validation.

#[allow(dead_code, unused_imports)]
#[path = "src/data/mod.rs"]
mod data;
#[allow(dead_code)]
#[path = "src/spec.rs"]
mod spec;

fn main() {
    for path in ["data", "src/data", "src/spec.rs"] {
        println!("cargo::rerun-if-changed={path}");
    }
    let dataset = match data::load(spec::NEEDS) {
        Ok(d) => d,
        Err(problems) => {
            eprintln!("\nThe data in data/ has {} problem(s):", problems.len());
            for p in &problems {
                eprintln!("  {p}");
            }
            std::process::exit(1);
        }
    };
    let mut failed = false;
    for id in spec::CHART_IDS {
        if let Err(e) = spec::build(id, &dataset) {
            eprintln!("  {e}");
            failed = true;
        }
    }
    if failed {
        std::process::exit(1);
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = postcard::to_allocvec(&dataset).expect("a validated dataset serializes");
    std::fs::write(out.join("dataset.bin"), bytes).expect("OUT_DIR is writable");
}
