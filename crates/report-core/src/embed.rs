//! Embedding one chart in another site: the embed documents (`embed/ID.html`, one per chart,
//! holding that figure only) and the report's own address with `?embed=ID`, the parameters
//! (`theme`, `childId`, and `embed` on the report's address),
//! the height protocols (Datawrapper's `{"datawrapper-height": {ID: H}}`, pym.js 1.x's
//! `pymxPYMx<id>xPYMx<type>xPYMx<value>`, and AMP's `embed-size`, which an `amp-iframe` and a
//! @newswire/frames host listen for), and the code a journalist pastes. Parse and produce
//! only: the web module sends and receives.

use crate::data::PubDate;
use crate::markup::escape;
use crate::url::shown;
use crate::views::Known;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follow the reader's `prefers-color-scheme`.
    Auto,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    pub chart: String,
    pub theme: Theme,
    /// pym.js's child id, when a pym parent embeds the chart.
    pub pym: Option<String>,
    /// The release the embed code was copied from (`updated=YYYY-MM-DD`, the report's
    /// `[report] updated`); `None` for a code older than that parameter, or a bad value.
    pub copied: Option<PubDate>,
    pub flags: Flags,
}

/// The render flags a host may set on an embed document, as Datawrapper's: `plain=1` (no
/// title and takeaway), `static=1` (the static chart and its table, no WebAssembly),
/// `transparent=1` (no background of its own). Any other value leaves a flag off. The
/// document's start-up script applies them before the first paint (`html::shell`); the
/// embed-code box offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    pub plain: bool,
    pub still: bool,
    pub transparent: bool,
}

impl Flags {
    /// Each flag's parameter, in the order an embed code writes them.
    pub const NAMES: [&'static str; 3] = ["plain", "static", "transparent"];

    pub fn read(search: &str) -> Flags {
        let on = |k| matches!(param(search, k), Some("1") | Some("true"));
        Flags {
            plain: on("plain"),
            still: on("static"),
            transparent: on("transparent"),
        }
    }

    pub fn get(&self, name: &str) -> bool {
        match name {
            "plain" => self.plain,
            "static" => self.still,
            "transparent" => self.transparent,
            _ => false,
        }
    }

    /// The flags with `name` set to `on` (an unknown name changes nothing).
    pub fn with(mut self, name: &str, on: bool) -> Flags {
        match name {
            "plain" => self.plain = on,
            "static" => self.still = on,
            "transparent" => self.transparent = on,
            _ => {}
        }
        self
    }
}

/// The query an embed code gives its document: the release it was copied from and each flag
/// set (`?updated=2026-12-03&plain=1`); empty when there is neither.
pub fn document_query(updated: Option<PubDate>, flags: Flags) -> String {
    query_with(updated, flags, "&")
}

/// `document_query` with `and` between parameters (`&amp;` inside an HTML attribute).
fn query_with(updated: Option<PubDate>, flags: Flags, and: &str) -> String {
    let mut q = String::new();
    if let Some(d) = updated {
        q.push_str("?updated=");
        q.push_str(&d.iso());
    }
    for name in Flags::NAMES {
        if flags.get(name) {
            q.push_str(if q.is_empty() { "?" } else { and });
            q.push_str(name);
            q.push_str("=1");
        }
    }
    q
}

/// An embed code with its document's query rewritten for `flags`, keeping the release it
/// records: each mention of the chart's document (`embed/ID.html`) in `code` has its query
/// (up to a quote, `#`, `<` or a space) replaced. `attribute`: the mentions are in HTML
/// attributes (the iframe and AMP codes), where `&` is written `&amp;`; else in a script's
/// string (pym's). A byte scan, as `fill_mark`'s: no substring searcher in the WASM.
pub fn requery(code: &str, id: &str, flags: Flags, attribute: bool) -> String {
    let doc = document_path(id);
    let (t, d) = (code.as_bytes(), doc.as_bytes());
    let mut out = String::with_capacity(code.len() + 40);
    let (mut i, mut from) = (0, 0);
    while i + d.len() <= t.len() {
        if &t[i..i + d.len()] != d {
            i += 1;
            continue;
        }
        i += d.len();
        let start = i;
        while i < t.len() && !matches!(t[i], b'"' | b'\'' | b'#' | b'<' | b' ' | b'\n') {
            i += 1;
        }
        // The release the code records: the ten characters after `updated=`.
        let old = t.get(start..i).unwrap_or_default();
        let updated = (0..old.len())
            .find(|&k| old[k..].starts_with(b"updated="))
            .and_then(|k| old.get(k + 8..k + 18))
            .and_then(|day| std::str::from_utf8(day).ok())
            .and_then(PubDate::parse)
            .filter(|d| d.day.is_some());
        // Both cuts are at ASCII bytes, so on character boundaries.
        out.push_str(code.get(from..start).unwrap_or_default());
        out.push_str(&query_with(
            updated,
            flags,
            if attribute { "&amp;" } else { "&" },
        ));
        from = i;
    }
    out.push_str(code.get(from..).unwrap_or_default());
    out
}

/// Whether an embed document shows a correction made on `corrected` (`YYYY-MM-DD`, as its
/// `data-corrected` says) above its chart: when the embed code was copied before it, or
/// predates the `updated` parameter. A day that cannot be read is not shown there (the
/// notes still carry it).
pub fn correction_first(corrected: &str, copied: Option<PubDate>) -> bool {
    PubDate::parse(corrected)
        .filter(|d| d.day.is_some())
        .is_some_and(|d| copied_before(d, copied))
}

/// Whether an embed code copied from the release `copied` predates a correction of `day`.
pub fn copied_before(day: PubDate, copied: Option<PubDate>) -> bool {
    copied.is_none_or(|c| day > c)
}

/// A parameter that cannot be used; the value is kept short and only ever shown as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    UnknownChart(String),
    UnknownTheme(String),
    BadChildId(String),
}

const SEP: &str = "xPYMx";

fn param<'a>(search: &'a str, key: &str) -> Option<&'a str> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|p| p.split_once('=').or(Some((p, ""))))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// Where a chart's embed document is, relative to the report's folder.
pub fn document_path(id: &str) -> String {
    format!("embed/{id}.html")
}

/// Where a chart's embed document for a member state's view is (`embed/ID.th.html`), for a
/// static embed of that view; the region's is `document_path`.
pub fn document_path_for(id: &str, country: Option<crate::data::Country>) -> String {
    match country {
        None => document_path(id),
        Some(c) => format!("embed/{id}.{}.html", c.code().to_ascii_lowercase()),
    }
}

/// The folder of a page's path: what the report's relative addresses start from.
pub fn folder(pathname: &str) -> &str {
    // `get`, not an index: a slice that could panic brings the panic's formatting into the
    // embed build's WASM (about 4.5 kB brotli).
    pathname
        .rfind('/')
        .and_then(|i| pathname.get(..=i))
        .unwrap_or("/")
}

/// `text` with every `mark` replaced by `with`, or `None` if it has none. A plain scan of
/// bytes: `str::replace` would bring the substring searcher into the embed build's WASM.
pub fn fill_mark(text: &str, mark: &str, with: &str) -> Option<String> {
    let (t, m) = (text.as_bytes(), mark.as_bytes());
    if m.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + with.len());
    let (mut i, mut from, mut found) = (0, 0, false);
    while i + m.len() <= t.len() {
        if &t[i..i + m.len()] == m {
            // `mark` is whole characters, so both cuts fall on character boundaries.
            out.push_str(text.get(from..i)?);
            out.push_str(with);
            i += m.len();
            from = i;
            found = true;
        } else {
            i += 1;
        }
    }
    out.push_str(text.get(from..)?);
    found.then_some(out)
}

/// The report's own folder, from a document's path: the page's folder, or for an embed
/// document (`embed/ID.html`) the folder above it.
pub fn report_folder(pathname: &str, embed_document: bool) -> &str {
    let f = folder(pathname);
    match (embed_document, f.strip_suffix("embed/")) {
        (true, Some(up)) => up,
        _ => f,
    }
}

/// The embed request: `document` is the chart an embed document is for (its
/// `<html data-embed>`), `search` the query string. `None` when the page is the report itself
/// without `?embed=`; otherwise the embed, or every problem with it. In an embed document the
/// document names the chart and an `embed` parameter is not read. Values are compared raw
/// (before any decoding), so only the exact ids match.
pub fn parse(
    search: &str,
    document: Option<&str>,
    known: &Known,
) -> Option<Result<Embed, Vec<EmbedError>>> {
    let id = match document {
        Some(id) => id,
        None => param(search, "embed")?,
    };
    let mut errors = Vec::new();
    let chart = known.chart(id).map(|d| d.id.clone());
    if chart.is_none() {
        errors.push(EmbedError::UnknownChart(shown(id)));
    }
    let theme = match param(search, "theme") {
        None | Some("auto") | Some("") => Theme::Auto,
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        Some(other) => {
            errors.push(EmbedError::UnknownTheme(shown(other)));
            Theme::Auto
        }
    };
    let pym = match param(search, "childId") {
        None => None,
        Some(c)
            if (1..=64).contains(&c.len())
                && c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            Some(c.to_owned())
        }
        Some(c) => {
            errors.push(EmbedError::BadChildId(shown(c)));
            None
        }
    };
    let copied = param(search, "updated")
        .and_then(PubDate::parse)
        .filter(|d| d.day.is_some());
    let flags = Flags::read(search);
    Some(match (chart, errors.is_empty()) {
        (Some(chart), true) => Ok(Embed {
            chart,
            theme,
            pym,
            copied,
            flags,
        }),
        _ => Err(errors),
    })
}

/// The key of Datawrapper's height message, `{"datawrapper-height": {KEY: height}}`.
pub const DATAWRAPPER_KEY: &str = "datawrapper-height";

/// What an embed sends as Datawrapper's height message: the chart's id (or `embed` where the
/// embed was refused and names no chart) and its height in CSS px.
pub fn datawrapper_height(chart: &str, height: u32) -> (&str, u32) {
    let key = if chart.is_empty() { "embed" } else { chart };
    (key, height)
}

/// A height read from a Datawrapper message: a positive, finite number of CSS px below
/// 100 000, rounded up; anything else is not a height.
pub fn read_height(value: f64) -> Option<u32> {
    (value.is_finite() && value > 0.0 && value < 100_000.0).then(|| value.ceil() as u32)
}

/// AMP's resize request, `{sentinel: "amp", type: "embed-size", height}`: its fields.
pub const AMP_SENTINEL: &str = "amp";
pub const AMP_RESIZE: &str = "embed-size";

/// A @newswire/frames host's first message, `{sentinel: "amp", type: "frames-init"}`: the
/// host (Reuters-style pages, newsrooms that left pym.js) then listens for AMP's
/// `embed-size`. Its fields as read from the message; anything else is not it.
pub const FRAMES_INIT: &str = "frames-init";

pub fn is_frames_init(sentinel: Option<&str>, kind: Option<&str>) -> bool {
    sentinel == Some(AMP_SENTINEL) && kind == Some(FRAMES_INIT)
}

/// pym.js's height message from a child.
pub fn pym_height(child: &str, height: u32) -> String {
    format!("pym{SEP}{child}{SEP}height{SEP}{height}")
}

/// A message from a pym parent, if it is exactly `pymxPYMx<child>xPYMxwidthxPYMx<digits>` for
/// this child; anything else is ignored.
pub fn pym_width(message: &str, child: &str) -> Option<u32> {
    let rest = message.strip_prefix("pym")?.strip_prefix(SEP)?;
    let rest = rest.strip_prefix(child)?.strip_prefix(SEP)?;
    let digits = rest.strip_prefix("width")?.strip_prefix(SEP)?;
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The listener a host page pastes once: it resizes the iframe whose window sent a
/// `datawrapper-height` message, and nothing else.
pub const RESIZE_SNIPPET: &str = r#"<script>window.addEventListener("message",function(e){var d=e.data&&e.data["datawrapper-height"];if(!d||typeof d!=="object")return;var f=document.getElementsByTagName("iframe");for(var k in d){var h=d[k];if(typeof h!=="number"||!(h>0))continue;for(var i=0;i<f.length;i++){if(f[i].contentWindow===e.source){f[i].style.height=Math.round(h)+"px";}}}});</script>"#;

/// Stand-ins in the page's embed code for what only the browser knows: the report's address
/// and the embed's height at 600 px wide.
pub const URL_MARK: &str = "REPORT_URL";
pub const HEIGHT_MARK: &str = "600PX_HEIGHT";

/// The iframe code for a chart: `base` is the report's folder (origin and path, ending in
/// `/`), `query` the document's (`document_query`), `height` the chart's height at 600 px
/// wide, so the article does not jump. The frame loads the chart's embed document.
pub fn iframe_code(base: &str, id: &str, query: &str, title: &str, height: &str) -> String {
    format!(
        "<iframe title=\"{t}\" src=\"{b}{}{q}\" loading=\"lazy\" height=\"{height}\" scrolling=\"no\" style=\"width:1px;min-width:100%;border:0\"></iframe>\n<noscript><img src=\"{b}{}\" alt=\"{t}\" width=\"{EMBED_WIDTH}\" style=\"max-width:100%;height:auto\"></noscript>\n{RESIZE_SNIPPET}",
        document_path(id),
        crate::export::path(id, None, "png"),
        t = escape(title),
        b = escape(base),
        q = escape(query),
    )
}

/// Where a chart's oEmbed answer is, relative to the report's folder.
pub fn oembed_path(id: &str) -> String {
    format!("embed/{id}.oembed.json")
}

/// The width an embed's code and still image are made for, in CSS px.
pub const EMBED_WIDTH: u32 = 600;

/// For an AMP page: an `amp-iframe` that may resize itself (the embed sends AMP's request), with
/// the overflow element AMP requires and the still image as its placeholder.
/// `show` is the overflow button's words, in the edition's language.
pub fn amp_code(
    base: &str,
    id: &str,
    query: &str,
    title: &str,
    height: &str,
    show: &str,
) -> String {
    format!(
        "<amp-iframe title=\"{t}\" width=\"{EMBED_WIDTH}\" height=\"{height}\" layout=\"responsive\" sandbox=\"allow-scripts\" resizable frameborder=\"0\" src=\"{b}{doc}{q}#amp=1\">\n<div overflow tabindex=\"0\" role=\"button\" aria-label=\"{s}\">{s}</div>\n<amp-img placeholder layout=\"fill\" src=\"{b}{png}\" alt=\"{t}\"></amp-img>\n</amp-iframe>",
        s = escape(show),
        t = escape(title),
        b = escape(base),
        doc = document_path(id),
        png = crate::export::path(id, None, "png"),
        q = escape(query),
    )
}

/// A chart's oEmbed answer (`type: rich`): the iframe code, its starting size and the card.
/// `base` is the report's absolute address; `height` the embed's starting height.
pub fn oembed_json(
    base: &str,
    id: &str,
    query: &str,
    title: &str,
    provider: &str,
    height: u32,
    thumbnail: &str,
) -> String {
    let q = crate::export::json;
    let html = iframe_code(base, id, query, title, &height.to_string());
    format!(
        "{{\n  \"version\": \"1.0\",\n  \"type\": \"rich\",\n  \"title\": {},\n  \"provider_name\": {},\n  \"provider_url\": {},\n  \"html\": {},\n  \"width\": {EMBED_WIDTH},\n  \"height\": {height},\n  \"thumbnail_url\": {},\n  \"thumbnail_width\": 1200,\n  \"thumbnail_height\": 630\n}}\n",
        q(title),
        q(provider),
        q(base),
        q(&html),
        q(thumbnail),
    )
}

/// The pym.js variant, for newsrooms that already run pym's parent library.
pub fn pym_code(base: &str, id: &str, query: &str) -> String {
    format!(
        "<div id=\"report-{id}\"></div>\n<script src=\"https://pym.nprapps.org/pym.v1.min.js\"></script>\n<script>new pym.Parent(\"report-{id}\", \"{}{}{}\", {{}});</script>",
        escape(base),
        document_path(id),
        // The query is this module's (`document_query`: letters, digits, `?`, `=`, `&`, `-`),
        // inside a script's string, where an entity would be read as it is written.
        query
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(search: &str, document: Option<&str>) -> Option<Result<Embed, Vec<EmbedError>>> {
        let known = Known::of(&crate::test_data().snapshot());
        super::parse(search, document, &known)
    }

    #[test]
    fn a_mark_is_filled_wherever_it_stands_and_only_there() {
        assert_eq!(
            fill_mark("a REPORT_URL#x, REPORT_URL.", "REPORT_URL", "https://h/"),
            Some("a https://h/#x, https://h/.".into())
        );
        assert_eq!(
            fill_mark("「REPORT_URL」", "REPORT_URL", "u"),
            Some("「u」".into())
        );
        assert_eq!(fill_mark("nothing here", "REPORT_URL", "u"), None);
        assert_eq!(fill_mark("x", "", "u"), None);
    }

    #[test]
    fn an_embed_documents_report_is_one_folder_up() {
        assert_eq!(
            report_folder("/site/report/embed/trust-2024.html", true),
            "/site/report/"
        );
        assert_eq!(
            report_folder("/site/report/ja/embed/x.html", true),
            "/site/report/ja/"
        );
        assert_eq!(
            report_folder("/site/report/index.html", false),
            "/site/report/"
        );
        assert_eq!(report_folder("/site/report/", false), "/site/report/");
    }

    #[test]
    fn only_a_frames_hosts_exact_first_message_is_its_init() {
        assert!(is_frames_init(Some("amp"), Some("frames-init")));
        assert!(!is_frames_init(Some("amp"), Some("embed-size")));
        assert!(!is_frames_init(None, Some("frames-init")));
        assert!(!is_frames_init(Some("AMP"), Some("frames-init")));
    }

    #[test]
    fn datawrapper_messages_name_the_chart_and_only_sane_heights_are_read() {
        assert_eq!(datawrapper_height("influence", 612), ("influence", 612));
        assert_eq!(datawrapper_height("", 80), ("embed", 80));
        assert_eq!(read_height(612.0), Some(612));
        assert_eq!(read_height(611.2), Some(612));
        for bad in [0.0, -3.0, f64::NAN, f64::INFINITY, 100_000.0] {
            assert_eq!(read_height(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_page_without_embed_is_not_embedded() {
        assert_eq!(parse("?country=TH", None), None);
        assert_eq!(parse("", None), None);
    }

    #[test]
    fn an_embed_with_theme_and_pym_child() {
        assert_eq!(
            parse("?embed=trust-2024&theme=dark&childId=report-1", None),
            Some(Ok(Embed {
                chart: "trust-2024".into(),
                theme: Theme::Dark,
                pym: Some("report-1".into()),
                copied: None,
                flags: Flags::default(),
            }))
        );
        assert_eq!(
            parse("embed=influence", None).unwrap().unwrap().theme,
            Theme::Auto
        );
    }

    #[test]
    fn hostile_parameters_give_a_safe_message() {
        let long = "x".repeat(5000);
        for (search, want) in [
            (
                "?embed=%3Cscript%3E",
                EmbedError::UnknownChart("%3Cscript%3E".into()),
            ),
            (
                "?embed=<script>",
                EmbedError::UnknownChart("<script>".into()),
            ),
            (
                "?embed=../../etc",
                EmbedError::UnknownChart("../../etc".into()),
            ),
            (
                "?embed=trust-2024%00",
                EmbedError::UnknownChart("trust-2024%00".into()),
            ),
            (
                &format!("?embed={long}"),
                EmbedError::UnknownChart("x".repeat(24)),
            ),
        ] {
            assert_eq!(
                parse(search, None),
                Some(Err(vec![want])),
                "{}",
                &search[..search.len().min(40)]
            );
        }
        assert_eq!(
            parse("?embed=trust-2024&theme=neon&childId=a%22b", None),
            Some(Err(vec![
                EmbedError::UnknownTheme("neon".into()),
                EmbedError::BadChildId("a%22b".into()),
            ]))
        );
    }

    #[test]
    fn an_embed_document_names_its_chart_and_reads_the_other_parameters() {
        assert_eq!(
            parse("?theme=light&childId=c1", Some("influence")),
            Some(Ok(Embed {
                chart: "influence".into(),
                theme: Theme::Light,
                pym: Some("c1".into()),
                copied: None,
                flags: Flags::default(),
            }))
        );
        // The document wins over a stray `embed` parameter; a bad theme is still refused.
        assert_eq!(
            parse("?embed=trust-2024", Some("influence"))
                .unwrap()
                .unwrap()
                .chart,
            "influence"
        );
        assert_eq!(
            parse("?theme=neon", Some("influence")),
            Some(Err(vec![EmbedError::UnknownTheme("neon".into())]))
        );
        assert_eq!(document_path("live-work"), "embed/live-work.html");
        assert_eq!(folder("/report/index.html"), "/report/");
        assert_eq!(folder("/report/"), "/report/");
        assert_eq!(folder(""), "/");
    }

    #[test]
    fn render_flags_and_the_release_are_read_and_written_back() {
        let e = parse(
            "?updated=2026-11-20&plain=1&static=true&transparent=yes",
            Some("influence"),
        )
        .unwrap()
        .unwrap();
        assert_eq!(e.copied, PubDate::parse("2026-11-20"));
        assert_eq!(
            e.flags,
            Flags {
                plain: true,
                still: true,
                transparent: false,
            }
        );
        // A bad day or flag is ignored, never a refusal.
        let e = parse("?updated=2026-11&plain=0&static=%3Cx%3E", Some("influence"))
            .unwrap()
            .unwrap();
        assert_eq!((e.copied, e.flags), (None, Flags::default()));
        assert_eq!(document_query(None, Flags::default()), "");
        let all = Flags::default()
            .with("transparent", true)
            .with("plain", true)
            .with("static", true)
            .with("static", false)
            .with("bogus", true);
        assert_eq!(
            document_query(PubDate::parse("2026-12-03"), all),
            "?updated=2026-12-03&plain=1&transparent=1"
        );
        assert_eq!(
            document_query(None, all.with("static", true)),
            "?plain=1&static=1&transparent=1"
        );
    }

    #[test]
    fn the_embed_codes_take_the_flags_and_keep_their_release() {
        let base = "https://e/r/";
        let query = document_query(PubDate::parse("2026-12-03"), Flags::default());
        let plain = Flags::default()
            .with("plain", true)
            .with("transparent", true);
        let iframe = iframe_code(base, "influence", &query, "T", "400");
        let got = requery(&iframe, "influence", plain, true);
        assert!(got.contains("src=\"https://e/r/embed/influence.html?updated=2026-12-03&amp;plain=1&amp;transparent=1\""));
        assert_eq!(got.matches("embed/influence.html").count(), 1);
        // Back to none: the release stays; the image and snippet are untouched.
        assert_eq!(requery(&got, "influence", Flags::default(), true), iframe);
        let amp = amp_code(base, "influence", "", "T", "400", "Show");
        assert!(requery(&amp, "influence", plain, true)
            .contains("embed/influence.html?plain=1&amp;transparent=1#amp=1\""));
        let pym = pym_code(base, "influence", &query);
        assert!(requery(&pym, "influence", plain, false)
            .contains("embed/influence.html?updated=2026-12-03&plain=1&transparent=1\""));
        // Another chart's document is not touched.
        assert_eq!(requery(&iframe, "live-work", plain, true), iframe);
    }

    #[test]
    fn a_correction_shows_first_for_a_code_copied_before_it() {
        let copied = PubDate::parse("2026-11-20");
        assert!(correction_first("2026-11-21", copied));
        assert!(!correction_first("2026-11-20", copied));
        assert!(!correction_first("2026-10-01", copied));
        // A code from before the parameter existed predates every correction.
        assert!(correction_first("2026-10-01", None));
        assert!(!correction_first("2026-10", None));
        assert!(!correction_first("<b>", None));
    }

    #[test]
    fn pym_messages_are_exact() {
        assert_eq!(pym_height("c1", 412), "pymxPYMxc1xPYMxheightxPYMx412");
        assert_eq!(pym_width("pymxPYMxc1xPYMxwidthxPYMx600", "c1"), Some(600));
        for bad in [
            "pymxPYMxc2xPYMxwidthxPYMx600",
            "pymxPYMxc1xPYMxwidthxPYMx",
            "pymxPYMxc1xPYMxwidthxPYMx6e2",
            "pymxPYMxc1xPYMxnavigateToxPYMxhttp://evil",
            "pymxPYMxc1xPYMxwidthxPYMx600<script>",
            "xpymxPYMxc1xPYMxwidthxPYMx600",
        ] {
            assert_eq!(pym_width(bad, "c1"), None, "{bad}");
        }
    }

    #[test]
    fn the_embed_code_uses_the_reports_own_address() {
        let query = document_query(PubDate::parse("2026-12-03"), Flags::default());
        let code = iframe_code(
            "https://example.org/report/",
            "trust-2024",
            &query,
            "Who \"trusts\"",
            "512",
        );
        assert!(code.starts_with("<iframe title=\"Who &quot;trusts&quot;\" src=\"https://example.org/report/embed/trust-2024.html?updated=2026-12-03\" loading=\"lazy\" height=\"512\""));
        assert!(code.contains("style=\"width:1px;min-width:100%;border:0\""));
        assert!(code.contains("datawrapper-height"));
        assert!(pym_code("https://example.org/report/", "influence", &query).contains("new pym.Parent(\"report-influence\", \"https://example.org/report/embed/influence.html?updated=2026-12-03\""));
        assert!(amp_code("https://e/", "x", "?plain=1", "T", "300", "Show")
            .contains("src=\"https://e/embed/x.html?plain=1#amp=1\""));
    }
}
