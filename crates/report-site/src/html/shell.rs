//! The documents around the content: the page trunk staged (`index.html` with trunk's links
//! and start-up script) is read once into a `Shell`, its inline start-up script moved into a
//! hashed file, and every document, the report page and each embed document, is written from
//! it with its language, root attributes, head and body.

use super::site::Site;
use super::{
    body_html, card, figure, head, palette_link, preview, script_block, status, strings_block,
    views_block, Html, HtmlError,
};
use crate::bundle::Bundle;
use crate::spec;

const HEAD_MARK: &str = "<!-- report:head -->";
const BODY_MARK: &str = "<!-- report:body -->";

/// The staged page, in parts: what trunk and `index.html` put around the two markers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shell {
    /// Up to `<html` (the doctype).
    doctype: String,
    /// The root element's own attributes, as `index.html` writes them (` data-report-state=..`).
    root: String,
    head_before: String,
    head_after: String,
    body_before: String,
    body_after: String,
}

fn between<'a>(
    text: &'a str,
    open: &str,
    close: &str,
    what: &'static str,
) -> Result<(usize, &'a str), HtmlError> {
    let start = text.find(open).ok_or(HtmlError::Shell(what))? + open.len();
    let len = text[start..].find(close).ok_or(HtmlError::Shell(what))?;
    Ok((start, &text[start..start + len]))
}

fn split_at_mark<'a>(
    part: &'a str,
    mark: &str,
    what: &'static str,
) -> Result<(&'a str, &'a str), HtmlError> {
    part.split_once(mark).ok_or(HtmlError::Shell(what))
}

impl Shell {
    pub fn parse(page: &str) -> Result<Shell, HtmlError> {
        let html_at = page
            .find("<html")
            .ok_or(HtmlError::Shell("<html> element"))?;
        let (_, root) = between(page, "<html", ">", "<html> element")?;
        if root.contains("lang=") {
            return Err(HtmlError::Shell(
                "<html> without a lang attribute (the catalog gives the language)",
            ));
        }
        let (_, head) = between(page, "<head>", "</head>", "<head> element")?;
        let (head_before, head_after) =
            split_at_mark(head, HEAD_MARK, "<!-- report:head --> marker")?;
        let (_, body) = between(page, "<body>", "</body>", "<body> element")?;
        let (body_before, body_after) =
            split_at_mark(body, BODY_MARK, "<!-- report:body --> marker")?;
        Ok(Shell {
            doctype: page[..html_at].to_owned(),
            root: root.to_owned(),
            head_before: head_before.to_owned(),
            head_after: head_after.to_owned(),
            body_before: body_before.to_owned(),
            body_after: body_after.to_owned(),
        })
    }

    /// The shell for documents one folder further from the report's files (an edition's
    /// folder, `ja/`): every relative address trunk wrote (`href="./…"`, `src="./…"`, and
    /// `'./…'` in its start-up script, whose imports resolve from the start-up file, which is
    /// written into the edition's folder) starts with `up` instead.
    pub fn rebased(&self, up: &str) -> Shell {
        self.map_parts(|part| {
            part.replace("href=\"./", &format!("href=\"{up}"))
                .replace("src=\"./", &format!("src=\"{up}"))
                .replace("'./", &format!("'{up}"))
        })
    }

    /// The shell with `f` applied to each part around the markers (the doctype and the root's
    /// attributes are kept).
    fn map_parts(&self, f: impl Fn(&str) -> String) -> Shell {
        Shell {
            doctype: self.doctype.clone(),
            root: self.root.clone(),
            head_before: f(&self.head_before),
            head_after: f(&self.head_after),
            body_before: f(&self.body_before),
            body_after: f(&self.body_after),
        }
    }

    /// The same shell loading other files in place of trunk's: each `(from, to)` file name
    /// is replaced wherever the shell names it (the preload links and the start-up script).
    /// The embed documents' shell loads the embed build's glue and WASM this way.
    pub fn with_files(&self, renames: &[(&str, &str)]) -> Shell {
        self.map_parts(|part| {
            renames
                .iter()
                .fold(part.to_owned(), |p, (from, to)| p.replace(from, to))
        })
    }

    /// The shell with every inline `<script type="module">` (trunk's start-up script) moved
    /// into a file named by its content's hash, so documents run under `script-src 'self'`;
    /// and those files.
    pub fn externalised(mut self) -> (Shell, Vec<(String, String)>) {
        let mut files = Vec::new();
        for part in [
            &mut self.head_before,
            &mut self.head_after,
            &mut self.body_before,
            &mut self.body_after,
        ] {
            let (text, mut found) = externalise_scripts(part);
            *part = text;
            files.append(&mut found);
        }
        (self, files)
    }

    /// The embed documents' start-up: trunk's (its module script and the preloads of its
    /// glue and WASM) replaced by one classic script at the head's start, which applies the
    /// render flags and the theme from the address before the first paint (`embed::Flags`),
    /// and starts the WASM, with its preloads, unless `static=1` asks for none (then the
    /// document is ready as it is). With `static=1&country=XX`, a chart with a selector goes to
    /// that member state's static document (`embed::document_path_for`), which the root's
    /// `data-static-views` lists. Call it on an externalised shell; returns the script's file.
    pub fn embed_started(mut self) -> Result<(Shell, (String, String)), HtmlError> {
        let head = &mut self.head_after;
        let boot = take_tag(head, "<script type=\"module\" src=\"", "</script>", "").ok_or(
            HtmlError::Shell("the start-up <script type=\"module\" src=…>"),
        )?;
        let glue = take_tag(head, "<link rel=\"modulepreload\" href=\"", ">", "");
        let wasm = take_tag(
            head,
            "<link rel=\"preload\" href=\"",
            ">",
            "type=\"application/wasm\"",
        );
        let q = |s: &str| crate::export::json(s);
        let mut preload = String::new();
        if let Some(g) = glue {
            preload.push_str(&format!("l(\"modulepreload\",{});", q(&g)));
        }
        if let Some(w) = wasm {
            preload.push_str(&format!("l(\"preload\",{},\"fetch\");", q(&w)));
        }
        let code = format!(
            "// Render flags and theme before the first paint, then the WASM unless static=1 (html::shell).\n\
             (function(d,q){{var r=d.documentElement;\
             function on(f){{return new RegExp(\"[?&]\"+f+\"=(1|true)(&|$)\").test(q)}}\
             var t=/[?&]theme=(light|dark)(&|$)/.exec(q);if(t)r.setAttribute(\"data-theme\",t[1]);\
             [\"plain\",\"transparent\"].forEach(function(f){{if(on(f))r.setAttribute(\"data-\"+f,\"\")}});\
             if(on(\"static\")){{var c=/[?&]country=([A-Z]{{2}})(&|$)/.exec(q),v=(r.getAttribute(\"data-static-views\")||\"\").split(\" \");\
             if(c&&v.indexOf(c[1])>=0){{location.replace(\"embed/\"+r.getAttribute(\"data-embed\")+\".\"+c[1].toLowerCase()+\".html\"+q);return}}\
             r.setAttribute(\"data-static\",\"\");r.setAttribute(\"data-report-state\",\"ready\");return}}\
             function l(p,h,a){{var e=d.createElement(\"link\");e.rel=p;e.href=h;e.crossOrigin=\"anonymous\";if(a){{e.as=a;e.type=\"application/wasm\"}}d.head.appendChild(e)}}\
             {preload}\
             d.addEventListener(\"DOMContentLoaded\",function(){{var s=d.createElement(\"script\");s.type=\"module\";s.src={};d.head.appendChild(s)}})\
             }})(document,location.search)\n",
            q(&boot)
        );
        let name = format!("start-{:016x}.js", fnv1a(code.as_bytes()));
        let mut tag = Html::new();
        tag.open("script", &[("src", &format!("./{name}"))])
            .close("script")
            .nl();
        // After the shell's own meta tags (the character set first), before everything else.
        self.head_before.push_str(&tag.finish());
        Ok((self, (name, code)))
    }

    /// A whole document: `lang` and `attrs` on the root, `base` first in the head if given,
    /// then the shell's head with `head` at its marker, and the body with `body` at its.
    fn document(
        &self,
        lang: &str,
        attrs: &[(&str, &str)],
        base: Option<&str>,
        head: &str,
        body: &str,
    ) -> String {
        let mut h = Html::new();
        h.raw(&self.doctype);
        let mut root = vec![("lang", lang)];
        root.extend_from_slice(attrs);
        // The root's own attributes are index.html's, written as it wrote them.
        let open = {
            let mut o = Html::new();
            o.open("html", &root);
            let mut s = o.finish();
            s.pop();
            s
        };
        h.raw(&open)
            .raw(&self.root)
            .raw(">")
            .raw("\n")
            .open("head", &[]);
        if let Some(href) = base {
            h.nl().open("base", &[("href", href)]);
        }
        h.raw(&self.head_before)
            .raw(head)
            .raw(&self.head_after)
            .close("head")
            .nl()
            .open("body", &[])
            .raw(&self.body_before)
            .raw(body)
            .raw(&self.body_after)
            .close("body")
            .nl()
            .close("html")
            .nl();
        h.finish()
    }

    /// The report page.
    pub fn page(&self, bundle: &Bundle, site: &Site) -> Result<String, HtmlError> {
        self.page_carrying(bundle, site, None)
    }

    /// The report page as the live preview serves it: carrying the data and chart definitions
    /// as well (`snapshot::CORE_ID`), which a development build of the WASM reads in place of
    /// its own, so that an edit of the data needs no new WASM; and the number of the preview's
    /// `build` in `<html data-preview-build>`, which the page compares with the server's.
    pub fn preview_page(
        &self,
        bundle: &Bundle,
        site: &Site,
        build: u64,
    ) -> Result<String, HtmlError> {
        self.page_carrying(bundle, site, Some(build))
    }

    fn page_carrying(
        &self,
        bundle: &Bundle,
        site: &Site,
        build: Option<u64>,
    ) -> Result<String, HtmlError> {
        let mut body = body_html(bundle, site)?;
        let mut h = Html::new();
        strings_block(&mut h, bundle);
        if build.is_some() {
            let bytes = crate::snapshot::write_core(&bundle.snapshot());
            script_block(&mut h, crate::snapshot::CORE_ID, &bytes);
        }
        body.push_str(&h.finish());
        let number = build.map(|b| b.to_string());
        let attrs: Vec<(&str, &str)> = number
            .iter()
            .map(|n| (crate::dom::PREVIEW_BUILD_ATTR, n.as_str()))
            .collect();
        Ok(self.document(
            &bundle.strings.ui.lang,
            &attrs,
            None,
            &head(bundle, site),
            &body,
        ))
    }

    /// An embed document for one chart (`embed/ID.html`): the page's head with
    /// `<base href="../">` (its addresses are the report's: stylesheet, start-up module, WASM,
    /// downloads and the link back), and a body of that figure alone, already in embed layout
    /// (no script has to hide the report first). The WASM finds the chart in
    /// `<html data-embed=ID>`.
    ///
    /// With `country`, the member state's static document (`embed/ID.xx.html`), where a
    /// static embed (`static=1&country=XX`) is sent; the region's lists them in
    /// `data-static-views`.
    pub fn embed(
        &self,
        bundle: &Bundle,
        id: &str,
        country: Option<crate::data::Country>,
        site: &Site,
    ) -> Result<String, HtmlError> {
        let chart =
            spec::build_for(bundle, id, country).map_err(|e| HtmlError::Chart(e.to_string()))?;
        let section = bundle
            .prose
            .placements(id)
            .next()
            .map(|s| s.id.as_str())
            .ok_or_else(|| HtmlError::Unplaced(id.to_owned()))?;
        let mut hd = Html::new();
        let title = format!("{} - {}", chart.title, bundle.prose.page.title);
        hd.el("title", &[], &title).nl();
        hd.open(
            "meta",
            &[("name", "description"), ("content", &chart.takeaway)],
        )
        .nl();
        hd.open("meta", &[("name", "robots"), ("content", "noindex")])
            .nl();
        let alt = crate::text::template(
            &bundle.page.caption,
            &[
                ("title", &chart.title),
                ("text", &crate::spec::summary(&chart, &bundle.strings.ui)),
            ],
        );
        let path = crate::embed::document_path_for(id, country);
        preview(
            &mut hd,
            &site.one_down(),
            &path,
            &chart.title,
            &chart.takeaway,
            &card::card_path(id),
            &alt,
        );
        // oEmbed discovery: WordPress, Ghost and Iframely turn the address into the embed.
        let oembed = crate::embed::oembed_path(id);
        hd.open(
            "link",
            &[
                ("rel", "alternate"),
                ("type", "application/json+oembed"),
                ("href", &oembed),
                ("title", &chart.title),
            ],
        )
        .nl();
        palette_link(&mut hd, bundle);
        let mut b = Html::new();
        status(&mut b, bundle, false);
        b.open("main", &[])
            .nl()
            .open("section", &[("id", section)])
            .nl();
        b.raw(&figure(&chart, bundle, section, true, site)?);
        b.close("section").nl().close("main").nl();
        views_block(&mut b, bundle, id)?;
        let views: Vec<String> = match country {
            None => spec::views(bundle, id)
                .into_iter()
                .flatten()
                .map(|c| c.code().to_owned())
                .collect(),
            Some(_) => Vec::new(),
        };
        let views = views.join(" ");
        let mut root = vec![("class", "embed"), ("data-embed", id)];
        if !views.is_empty() {
            root.push(("data-static-views", views.as_str()));
        }
        Ok(self.document(
            &bundle.strings.ui.lang,
            &root,
            Some("../"),
            &hd.finish(),
            &b.finish(),
        ))
    }
}

/// Removes from `part` the first tag that starts with `open` (which ends with an attribute's
/// opening quote), ends with `close` and contains `needs`; returns that attribute's value.
fn take_tag(part: &mut String, open: &str, close: &str, needs: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = part[from..].find(open).map(|i| i + from) {
        let end = at + part[at..].find(close)? + close.len();
        let tag = &part[at..end];
        if tag.contains(needs) {
            let value = tag[open.len()..].split('"').next()?.to_owned();
            part.replace_range(at..end, "");
            return Some(value);
        }
        from = end;
    }
    None
}

/// Fill a staged page with the report (for tests and tools: prerender uses `Shell`).
pub fn fill_page(page: &str, bundle: &Bundle) -> Result<String, HtmlError> {
    Shell::parse(page)?.page(bundle, &Site::default())
}

/// An embed document from a staged page (see `Shell::embed`), its start-up script external.
pub fn embed_page(page: &str, bundle: &Bundle, id: &str) -> Result<String, HtmlError> {
    Shell::parse(page)?
        .externalised()
        .0
        .embed_started()?
        .0
        .embed(bundle, id, None, &Site::default())
}

/// Moves every inline `<script type="module">` into a file named by its content's hash.
/// Returns the text and the files.
pub fn externalise_scripts(page: &str) -> (String, Vec<(String, String)>) {
    const OPEN: &str = "<script type=\"module\">";
    const CLOSE: &str = "</script>";
    let mut out = String::with_capacity(page.len());
    let mut files = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find(OPEN) {
        let body = &rest[start + OPEN.len()..];
        let Some(end) = body.find(CLOSE) else { break };
        let code = body[..end].trim().to_owned();
        let name = format!("boot-{:016x}.js", fnv1a(code.as_bytes()));
        out.push_str(&rest[..start]);
        let src = format!("./{name}");
        let mut tag = Html::new();
        tag.open("script", &[("type", "module"), ("src", &src)])
            .close("script");
        out.push_str(&tag.finish());
        files.push((name, code + "\n"));
        rest = &body[end + CLOSE.len()..];
    }
    out.push_str(rest);
    (out, files)
}

/// A stable hash of several files' bytes together, in order, for a file name (not for
/// security): each part's length goes in before its bytes, so moving bytes from one part to
/// the next, reordering parts or repeating one all change it.
pub fn content_hash(parts: &[&[u8]]) -> u64 {
    parts.iter().fold(FNV_OFFSET, |h, p| {
        fnv1a_from(fnv1a_from(h, &(p.len() as u64).to_le_bytes()), p)
    })
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: a stable content hash for file names (not for security).
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(FNV_OFFSET, bytes)
}

fn fnv1a_from(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html>\n<html data-report-state=\"loading\">\n<head>\n<!-- report:head -->\n<link rel=\"stylesheet\" href=\"./style.css\">\n<script type=\"module\">import init from './glue.js'; await init();</script>\n</head>\n<body>\n<!-- report:body -->\n</body>\n</html>\n";

    #[test]
    fn the_content_hash_sees_order_repetition_and_where_parts_meet() {
        let h = content_hash;
        assert_ne!(h(&[b"a", b"b"]), h(&[b"b", b"a"]), "order");
        assert_ne!(h(&[b"a", b"a"]), h(&[]), "equal parts do not cancel");
        assert_ne!(h(&[b"ab", b"c"]), h(&[b"a", b"bc"]), "boundaries");
        assert_eq!(h(&[b"ab", b"c"]), h(&[b"ab", b"c"]), "stable");
    }

    #[test]
    fn inline_module_scripts_move_to_hashed_files() {
        let (page, files) = externalise_scripts(
            "<head><script type=\"module\">\nimport init from './a.js';\nawait init();\n</script><link></head>",
        );
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].1, "import init from './a.js';\nawait init();\n");
        assert!(files[0].0.starts_with("boot-") && files[0].0.ends_with(".js"));
        assert_eq!(
            page,
            format!(
                "<head><script type=\"module\" src=\"./{}\"></script><link></head>",
                files[0].0
            )
        );
    }

    #[test]
    fn another_build_s_files_replace_trunk_s_wherever_the_shell_names_them() {
        let page = PAGE.replace(
            "<link rel=\"stylesheet\" href=\"./style.css\">",
            "<link rel=\"modulepreload\" href=\"./glue.js\"><link rel=\"preload\" href=\"./app_bg.wasm\">",
        )
        .replace("await init();", "await init({ module_or_path: './app_bg.wasm' });");
        let shell = Shell::parse(&page).unwrap().with_files(&[
            ("glue.js", "embed-1.js"),
            ("app_bg.wasm", "embed-1_bg.wasm"),
        ]);
        let (shell, scripts) = shell.externalised();
        let doc = shell.page(&crate::test_data(), &Site::default()).unwrap();
        assert!(
            doc.contains("href=\"./embed-1.js\"") && doc.contains("href=\"./embed-1_bg.wasm\"")
        );
        assert!(!doc.contains("glue.js") && !doc.contains("app_bg.wasm"));
        assert_eq!(
            scripts[0].1,
            "import init from './embed-1.js'; await init({ module_or_path: './embed-1_bg.wasm' });\n"
        );
    }

    #[test]
    fn the_embed_start_takes_trunks_module_and_preloads_out_of_the_document() {
        let page = PAGE.replace(
            "<link rel=\"stylesheet\" href=\"./style.css\">",
            "<link rel=\"stylesheet\" href=\"./style.css\"><link rel=\"modulepreload\" href=\"./glue.js\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"./app_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">",
        );
        let (shell, _) = Shell::parse(&page).unwrap().externalised();
        let (shell, (name, code)) = shell.embed_started().unwrap();
        let doc = shell
            .embed(&crate::test_data(), "influence", None, &Site::default())
            .unwrap();
        assert!(
            !doc.contains("modulepreload")
                && !doc.contains("app_bg.wasm")
                && !doc.contains("type=\"module\""),
            "{doc}"
        );
        assert!(doc.contains("href=\"./style.css\""));
        assert!(name.starts_with("start-") && name.ends_with(".js"));
        assert!(code.contains(
            "l(\"modulepreload\",\"./glue.js\");l(\"preload\",\"./app_bg.wasm\",\"fetch\");"
        ));
        // A shell without trunk's start-up cannot start an embed.
        let bare = Shell::parse(&PAGE.replace(
            "<script type=\"module\">import init from './glue.js'; await init();</script>",
            "",
        ))
        .unwrap();
        assert!(bare.embed_started().is_err());
    }

    #[test]
    fn a_selector_charts_embed_lists_its_static_views_and_each_has_a_document() {
        let b = crate::test_data();
        let shell = Shell::parse(PAGE)
            .unwrap()
            .externalised()
            .0
            .embed_started()
            .unwrap()
            .0;
        let region = shell
            .embed(&b, "trust-2024", None, &Site::default())
            .unwrap();
        let codes: Vec<String> = b.data.members().map(|c| c.code().to_owned()).collect();
        assert_eq!(codes.len(), 10);
        assert!(region.contains(&format!(" data-static-views=\"{}\"", codes.join(" "))));
        let th = b.data.members().find(|c| c.code() == "TH").unwrap();
        let doc = shell
            .embed(&b, "trust-2024", Some(th), &Site::default())
            .unwrap();
        assert!(!doc.contains("data-static-views"));
        assert!(doc.contains("data-embed=\"trust-2024\""));
        assert_eq!(
            crate::embed::document_path_for("trust-2024", Some(th)),
            "embed/trust-2024.th.html"
        );
        let none = shell
            .embed(&b, "influence", None, &Site::default())
            .unwrap();
        assert!(!none.contains("data-static-views"));
    }

    #[test]
    fn a_shell_needs_its_parts_and_no_language_of_its_own() {
        assert_eq!(
            Shell::parse("<html><head></head><body><!-- report:body --></body></html>"),
            Err(HtmlError::Shell("<!-- report:head --> marker"))
        );
        assert!(matches!(
            Shell::parse(&PAGE.replace("<html ", "<html lang=\"en\" ")),
            Err(HtmlError::Shell(_))
        ));
    }

    #[test]
    fn an_embed_document_holds_its_one_figure_with_the_reports_base() {
        let b = crate::test_data();
        let doc = embed_page(PAGE, &b, "influence").unwrap();
        assert!(doc.starts_with("<!doctype html>\n<html lang=\"en\" class=\"embed\" data-embed=\"influence\" data-report-state=\"loading\">\n<head>\n<base href=\"../\">"));
        assert_eq!(doc.matches("<figure ").count(), 1);
        assert!(doc.contains("<figure data-embedded data-chart=\"influence\""));
        let section = &b.prose.placements("influence").next().unwrap().id;
        assert!(
            doc.contains(&format!(
                "<p class=\"embed-link\"><a href=\"./#{section}\" target=\"_blank\""
            )),
            "the link back goes to the chart's section, #{section}"
        );
        assert!(
            !doc.contains("<script type=\"module\">"),
            "no inline script"
        );
        // The start-up is one classic script at the head's start, which starts the page's
        // module (and applies the flags first); the module is no longer in the document.
        let (_, scripts) = externalise_scripts(PAGE);
        let shell = Shell::parse(PAGE).unwrap().externalised().0;
        let (_, (start, code)) = shell.embed_started().unwrap();
        assert!(doc.contains(&format!("<script src=\"./{start}\"></script>\n<title>")));
        assert!(
            !doc.contains(&scripts[0].0),
            "the module is started by the script"
        );
        assert!(code.contains(&format!("s.src=\"./{}\"", scripts[0].0)));
        assert!(code.contains("if(on(\"static\"))"));
        assert!(!doc.contains("masthead") && !doc.contains("class=\"toc\""));
    }
}
