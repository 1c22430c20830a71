//! The glue marked for V8's explicit compile hints: with `//# allFunctionsCalledOnLoad` as its
//! first line, Chromium compiles every function of the file when the file arrives, while the
//! page still waits for its WASM, instead of one function at a time on first call (about 110
//! of wasm-bindgen's import shims at start-up: 18 ms on the start-up's path at 4x CPU). Other
//! engines read the line as a comment.

/// The magic comment, a whole line; V8 reads it only at the very start of the file.
pub const ON_LOAD: &str = "//# allFunctionsCalledOnLoad\n";

/// `glue` with the compile hint as its first line (once, however often this runs).
pub fn compile_on_load(glue: &str) -> String {
    if glue.starts_with(ON_LOAD) {
        glue.to_owned()
    } else {
        format!("{ON_LOAD}{glue}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_opens_the_file_once() {
        let glue = "export function start() {\n    wasm.start();\n}\n";
        let hinted = compile_on_load(glue);
        assert_eq!(hinted, format!("//# allFunctionsCalledOnLoad\n{glue}"));
        assert_eq!(compile_on_load(&hinted), hinted);
        // A module may not begin with anything V8 would read before the comment.
        assert!(hinted.starts_with("//# "));
    }
}
