//! The generated JavaScript (wasm-bindgen's glue, both builds) and the stylesheets, minified
//! by esbuild: the npm package pinned in `tests/e2e/package-lock.json`, found on `PATH` as
//! wasm-opt is (`./x` puts `tests/e2e/node_modules/.bin` first). The glue is a module of about
//! 30 KB with long helper names and indentation; minified it is about 11 KB, 1.1 kB brotli less,
//! and less for the browser to parse before the WASM can start. A transform of generated code,
//! not a bundle: the module keeps its imports, exports and behaviour.

use std::io::Write;
use std::process::{Command, Stdio};

/// `text`, a JavaScript module, minified.
pub fn js(text: &str) -> Result<String, String> {
    esbuild(text, &["--loader=js", "--format=esm"])
}

/// `text`, a stylesheet, minified.
pub fn css(text: &str) -> Result<String, String> {
    esbuild(text, &["--loader=css"])
}

fn esbuild(text: &str, args: &[&str]) -> Result<String, String> {
    let mut child = Command::new("esbuild")
        .args(["--minify", "--charset=utf8", "--log-level=warning"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!("cannot run esbuild ({e}); `./x` installs it (tests/e2e, npm ci) and puts it on PATH")
        })?;
    // esbuild reads all of its input before it writes: write, close, then read.
    child
        .stdin
        .take()
        .ok_or("esbuild has no input")?
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write to esbuild: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("esbuild did not finish: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "esbuild failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    String::from_utf8(out.stdout).map_err(|_| "esbuild wrote text that is not UTF-8".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_keeps_its_exports_and_loses_its_spaces() {
        // Needs esbuild on PATH, as the build does (`./x test` puts it there).
        let module = "export function start() {\n    wasm.start();\n}\nlet wasm;\nfunction longHelperName(argument) {\n    return argument + 1;\n}\nexport { longHelperName as helper };\nexport default async function init() { return import.meta.url; }\n";
        let out = js(module).unwrap();
        assert!(out.len() < module.len() * 3 / 4, "{out}");
        for kept in ["start", "helper", "default", "import.meta.url"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
        assert!(!out.contains("    "));
        let sheet = "/* a note */\nhtml[data-theme=\"dark\"] {\n  --bg: #141619;\n}\n";
        assert_eq!(
            css(sheet).unwrap().trim(),
            "html[data-theme=dark]{--bg: #141619}"
        );
    }

    #[test]
    fn bad_input_fails_with_esbuilds_message() {
        let e = js("function (").unwrap_err();
        assert!(e.starts_with("esbuild failed"), "{e}");
    }
}
