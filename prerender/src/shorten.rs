//! Fewer bytes in the files the browser loads, by rewrites that change no behaviour:
//!
//! - `imports`: wasm-bindgen names each function the WASM imports from its glue
//!   `__wbg_NAME_HASH` (sixteen hex digits), and writes each name twice, in the glue's import
//!   object and in the WASM's import section. Random hex does not compress: about 100 such
//!   names cost 2.5 kB brotli per build. Both files are rewritten with short names instead.
//! - `css`: the stylesheet without its comments (0.9 kB brotli of every page and embed).
//! - `embed_css`: the embed documents' stylesheet, the page's without the rules marked as the
//!   page's own (`/* @page-only … */` to `/* @end-page-only */`), in the same order.

/// Short names for the WASM's imports from its glue: every imported field named `__wbg_…` or
/// `__wbindgen_…` becomes `$0`, `$1`, …, in the WASM's import section and wherever the glue
/// writes that name as a whole word. Fails, changing nothing, if the WASM is not one it can
/// read or a name is not in the glue.
pub fn imports(glue: &str, wasm: &[u8]) -> Result<(String, Vec<u8>), String> {
    const MAGIC: &[u8] = b"\0asm\x01\0\0\0";
    if !wasm.starts_with(MAGIC) {
        return Err("not a WebAssembly module (version 1)".into());
    }
    let mut out = MAGIC.to_vec();
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut modules: Vec<(String, String)> = Vec::new();
    let mut at = MAGIC.len();
    while at < wasm.len() {
        let id = wasm[at];
        let (len, body) = leb(wasm, at + 1)?;
        let end = body + len as usize;
        let payload = wasm.get(body..end).ok_or("a section runs past the end")?;
        // Tool metadata the browser never reads: who produced the module, and the CPU
        // features it was compiled for (0.2 kB that does not compress).
        if id == 0 && matches!(name(payload, 0)?.0, "producers" | "target_features") {
            at = end;
            continue;
        }
        let payload = if id == 2 {
            import_section(payload, &mut renames, &mut modules)?
        } else {
            payload.to_vec()
        };
        out.push(id);
        put_leb(&mut out, payload.len() as u64);
        out.extend_from_slice(&payload);
        at = end;
    }
    let mut text = glue.to_owned();
    for (from, to) in &renames {
        let (replaced, n) = replace_word(&text, from, to);
        if n == 0 {
            return Err(format!("the glue never names the import {from}"));
        }
        text = replaced;
    }
    for (from, to) in &modules {
        let key = format!("\"{from}\":");
        if !text.contains(&key) {
            return Err(format!("the glue never names the import module {from}"));
        }
        text = text.replace(&key, &format!("{to}:"));
    }
    Ok((text, out))
}

/// Reads an unsigned LEB128 number at `at`: the number and where the next byte is.
fn leb(bytes: &[u8], mut at: usize) -> Result<(u64, usize), String> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let b = *bytes.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Ok((value, at));
        }
        shift += 7;
        if shift > 63 {
            return Err("a number is too long".into());
        }
    }
}

fn put_leb(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn name(bytes: &[u8], at: usize) -> Result<(&str, usize), String> {
    let (len, start) = leb(bytes, at)?;
    let end = start + len as usize;
    let text = bytes.get(start..end).ok_or("a name runs past the end")?;
    Ok((
        std::str::from_utf8(text).map_err(|_| "a name is not UTF-8")?,
        end,
    ))
}

/// The import section with its glue imports renamed; `renames` gets each (old, new) name.
/// The glue's module (`./NAME_bg.js`, written before each of its ~100 imports) becomes `w`,
/// a second one `w1`, …; `modules` gets each (old, new) module name.
fn import_section(
    p: &[u8],
    renames: &mut Vec<(String, String)>,
    modules: &mut Vec<(String, String)>,
) -> Result<Vec<u8>, String> {
    let (count, mut at) = leb(p, 0)?;
    let mut out = Vec::with_capacity(p.len());
    put_leb(&mut out, count);
    for _ in 0..count {
        let (module, next) = name(p, at)?;
        let (field, next) = name(p, next)?;
        let desc_end = descriptor_end(p, next)?;
        let new = if field.starts_with("__wbg_") || field.starts_with("__wbindgen_") {
            let short = format!("${}", renames.len());
            renames.push((field.to_owned(), short.clone()));
            short
        } else {
            field.to_owned()
        };
        let module = if module.ends_with("_bg.js") {
            match modules.iter().find(|(from, _)| from == module) {
                Some((_, to)) => to.clone(),
                None => {
                    let to = match modules.len() {
                        0 => "w".to_owned(),
                        n => format!("w{n}"),
                    };
                    modules.push((module.to_owned(), to.clone()));
                    to
                }
            }
        } else {
            module.to_owned()
        };
        for text in [module.as_str(), new.as_str()] {
            put_leb(&mut out, text.len() as u64);
            out.extend_from_slice(text.as_bytes());
        }
        out.extend_from_slice(&p[next..desc_end]);
        at = desc_end;
    }
    if at != p.len() {
        return Err("bytes left after the imports".into());
    }
    Ok(out)
}

/// Where an import's descriptor (kind and type) that starts at `at` ends.
fn descriptor_end(p: &[u8], at: usize) -> Result<usize, String> {
    let kind = *p.get(at).ok_or("an import has no kind")?;
    let limits = |at: usize| -> Result<usize, String> {
        let flags = *p.get(at).ok_or("limits run past the end")?;
        let (_, next) = leb(p, at + 1)?;
        if flags & 1 == 1 {
            Ok(leb(p, next)?.1)
        } else {
            Ok(next)
        }
    };
    match kind {
        0 => Ok(leb(p, at + 1)?.1),
        1 => limits(at + 2),
        2 => limits(at + 1),
        3 => Ok(at + 3),
        4 => Ok(leb(p, at + 2)?.1),
        k => Err(format!("an import of unknown kind {k}")),
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `text` with every whole-word `from` replaced by `to`, and how many there were.
fn replace_word(text: &str, from: &str, to: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut n = 0;
    let mut rest = text;
    while let Some(i) = rest.find(from) {
        out.push_str(&rest[..i]);
        let before = out.chars().next_back();
        let after = rest[i + from.len()..].chars().next();
        if before.is_some_and(is_word) || after.is_some_and(is_word) {
            out.push_str(from);
        } else {
            out.push_str(to);
            n += 1;
        }
        rest = &rest[i + from.len()..];
    }
    out.push_str(rest);
    (out, n)
}

/// A stylesheet without its comments (`/* … */`, outside strings) and without the blank
/// lines they leave.
pub fn css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    if let Some(n) = chars.next() {
                        out.push(n);
                    }
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for n in chars.by_ref() {
                    if last == '*' && n == '/' {
                        break;
                    }
                    last = n;
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines.join("\n") + "\n"
}

const PAGE_ONLY: &str = "/* @page-only";
const END_PAGE_ONLY: &str = "/* @end-page-only */";

/// The embed documents' stylesheet: `text` without each block from a comment opening with
/// `@page-only` to the next `/* @end-page-only */` (the page's own rules: masthead, section
/// navigation, the embed code and downloads, …), then without comments (`css`). What is left
/// keeps its order, so the cascade of every rule an embed document has is the page's. Fails
/// with the line of a marker that opens inside a block or closes none.
pub fn embed_css(text: &str) -> Result<String, String> {
    let line = |at: usize| text[..at].matches('\n').count() + 1;
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    loop {
        let open = text[rest..].find(PAGE_ONLY).map(|i| rest + i);
        let close = text[rest..].find(END_PAGE_ONLY).map(|i| rest + i);
        match (open, close) {
            (None, None) => break,
            (Some(o), Some(c)) if o < c => {
                if let Some(again) = text[o + PAGE_ONLY.len()..c].find(PAGE_ONLY) {
                    let at = o + PAGE_ONLY.len() + again;
                    return Err(format!(
                        "line {}: @page-only inside the block opened on line {}",
                        line(at),
                        line(o)
                    ));
                }
                out.push_str(&text[rest..o]);
                rest = c + END_PAGE_ONLY.len();
            }
            (Some(o), None) => {
                return Err(format!(
                    "line {}: @page-only without an @end-page-only",
                    line(o)
                ))
            }
            (_, Some(c)) => {
                return Err(format!(
                    "line {}: @end-page-only without an @page-only before it",
                    line(c)
                ))
            }
        }
    }
    out.push_str(&text[rest..]);
    Ok(css(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two glue functions and a memory, with one other section after.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        put_leb(&mut imports, 3);
        for (module, field, desc) in [
            ("./x_bg.js", "__wbg_alert_0123456789abcdef", vec![0u8, 0]),
            ("./x_bg.js", "__wbindgen_init_externref_table", vec![0u8, 1]),
            ("env", "memory", vec![2u8, 1, 17, 0xac, 0x02]),
        ] {
            for t in [module, field] {
                put_leb(&mut imports, t.len() as u64);
                imports.extend_from_slice(t.as_bytes());
            }
            imports.extend_from_slice(&desc);
        }
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.push(2);
        put_leb(&mut m, imports.len() as u64);
        m.extend_from_slice(&imports);
        // Custom sections: one the browser never reads, and one kept.
        for (custom, body) in [("producers", &b"\x01\x08language"[..]), ("kept", b"\x07")] {
            let mut payload = Vec::new();
            put_leb(&mut payload, custom.len() as u64);
            payload.extend_from_slice(custom.as_bytes());
            payload.extend_from_slice(body);
            m.push(0);
            put_leb(&mut m, payload.len() as u64);
            m.extend_from_slice(&payload);
        }
        m.extend_from_slice(&[10, 3, 1, 0xaa, 0xbb]);
        m
    }

    #[test]
    fn glue_imports_get_short_names_in_both_files() {
        let glue = "const i = { __wbg_alert_0123456789abcdef: function(a) { alert(a); },\n\
                    __wbindgen_init_externref_table: function() {} };\n\
                    // x__wbg_alert_0123456789abcdef is another word\n\
                    return { \"./x_bg.js\": i };\n";
        let (text, wasm) = imports(glue, &module()).unwrap();
        assert_eq!(
            text,
            "const i = { $0: function(a) { alert(a); },\n$1: function() {} };\n\
             // x__wbg_alert_0123456789abcdef is another word\n\
             return { w: i };\n"
        );
        let s = String::from_utf8_lossy(&wasm);
        assert!(s.contains("\u{1}w\u{2}$0") && s.contains("\u{1}w\u{2}$1"));
        assert!(!s.contains("x_bg.js"), "the module has its short name");
        assert!(!s.contains("producers"), "tool metadata is dropped");
        assert!(s.contains("\u{4}kept\u{7}"), "other custom sections stay");
        assert!(
            s.contains("\u{3}env\u{6}memory"),
            "other imports keep their names"
        );
        assert!(
            wasm.ends_with(&[10, 3, 1, 0xaa, 0xbb]),
            "other sections as they were"
        );
        // Read back: the import section parses, and its length was rewritten.
        let (len, body) = leb(&wasm, 9).unwrap();
        assert_eq!(wasm[8], 2);
        let (mut none, mut no_modules) = (Vec::new(), Vec::new());
        let again =
            import_section(&wasm[body..body + len as usize], &mut none, &mut no_modules).unwrap();
        assert_eq!(again, wasm[body..body + len as usize]);
        assert!(none.is_empty(), "short names are not renamed again");
        assert!(no_modules.is_empty(), "nor the short module");
    }

    #[test]
    fn a_name_the_glue_lacks_or_a_bad_module_changes_nothing() {
        assert!(imports("nothing here", &module())
            .unwrap_err()
            .contains("__wbg_alert_0123456789abcdef"));
        let no_module = "__wbg_alert_0123456789abcdef __wbindgen_init_externref_table";
        assert!(imports(no_module, &module())
            .unwrap_err()
            .contains("import module ./x_bg.js"));
        assert!(imports("", b"not wasm").is_err());
        let mut cut = module();
        cut.truncate(20);
        assert!(imports("", &cut).is_err());
    }

    #[test]
    fn the_embed_stylesheet_leaves_out_the_page_only_rules_in_order() {
        let sheet = "a { b: c; }\n/* @page-only: the masthead */\n.masthead { d: e; }\n/* @end-page-only */\n.chart { f: g; }\n/* @page-only: tools */\n.tools { h: i; }\n/* @end-page-only */\n.z { j: k; }\n";
        assert_eq!(
            embed_css(sheet).unwrap(),
            "a { b: c; }\n.chart { f: g; }\n.z { j: k; }\n"
        );
        // The page's copy keeps every rule.
        assert_eq!(
            css(sheet),
            "a { b: c; }\n.masthead { d: e; }\n.chart { f: g; }\n.tools { h: i; }\n.z { j: k; }\n"
        );
        assert_eq!(embed_css("a { b: c; }\n").unwrap(), "a { b: c; }\n");
    }

    #[test]
    fn an_unbalanced_page_only_marker_names_its_line() {
        assert_eq!(
            embed_css("a {}\n/* @page-only */\nb {}\n").unwrap_err(),
            "line 2: @page-only without an @end-page-only"
        );
        assert_eq!(
            embed_css("a {}\nb {}\n/* @end-page-only */\n").unwrap_err(),
            "line 3: @end-page-only without an @page-only before it"
        );
        assert_eq!(
            embed_css("/* @page-only */\na {}\n/* @page-only */\n/* @end-page-only */\n")
                .unwrap_err(),
            "line 3: @page-only inside the block opened on line 1"
        );
    }

    #[test]
    fn stylesheet_comments_go_and_strings_stay() {
        let css = css(
            "/* Header */\n\na { content: \"/* not a comment */\"; } /* gone */\n\n\nb { x: '\\'/*' }\n",
        );
        assert_eq!(
            css,
            "a { content: \"/* not a comment */\"; }\nb { x: '\\'/*' }\n"
        );
    }
}
