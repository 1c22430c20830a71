//! Property tests: whatever arrives from the address bar, a host page or a corrupt snapshot,
//! the parsers answer with a value or an error and never panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_core::views::{Known, Prebuilt, Views};
use report_core::{embed, snapshot, url};

fn known() -> report_core::Snapshot {
    report_web::load_snapshot(report_web::first_edition_strings())
        .expect("the embedded snapshot reads")
}

/// An embed document's views (of the first chart with a selector, or the first chart), as
/// bytes; built once, from whatever data folder the crate was built from.
fn views() -> &'static Vec<u8> {
    static VIEWS: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    VIEWS.get_or_init(|| {
        let snap = known();
        let charts = &snap.report.charts;
        let id = charts
            .iter()
            .find(|c| c.selector.is_some())
            .or(charts.first())
            .map(|c| c.id.clone())
            .expect("a report has a chart");
        snapshot::write_views(&Prebuilt::of(&snap, &id).expect("builds"))
    })
}

/// Strings that look like queries: keys the parsers know, percent escapes, any characters.
fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("country=".to_owned()),
        Just("chart=".to_owned()),
        Just("embed=".to_owned()),
        Just("theme=".to_owned()),
        Just("childId=".to_owned()),
        Just("&".to_owned()),
        Just("%".to_owned()),
        Just("%E0%A4".to_owned()),
        Just("+".to_owned()),
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn url_parse_never_panics(search in query(), hash in any::<String>()) {
        let k = Known::of(&known());
        let (state, issues) = url::parse(&search, &hash, &k);
        // Whatever it kept is printable and parses back to itself.
        let printed = url::print(&state);
        let (q, h) = printed.split_once('#').unwrap_or((&printed, ""));
        prop_assert_eq!(url::parse(q, h, &k).0, state);
        for i in issues {
            let shown = match i {
                url::Issue::UnknownCountry(s) | url::Issue::UnknownChart(s) | url::Issue::UnknownSection(s) => s,
            };
            prop_assert!(shown.chars().count() <= 24 && !shown.chars().any(char::is_control));
        }
    }

    #[test]
    fn embed_parse_never_panics(search in query(), document in proptest::option::of(any::<String>())) {
        let k = Known::of(&known());
        if let Some(Ok(e)) = embed::parse(&search, document.as_deref(), &k) {
            prop_assert!(k.chart(&e.chart).is_some());
        }
    }

    #[test]
    fn snapshot_read_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let strings = report_web::first_edition_strings();
        let _ = snapshot::read(&bytes, strings);
        let _ = snapshot::read(&snapshot::write_core(&known()), &bytes);
        // Any text a page could carry decodes to bytes the reader refuses or reads.
        let _ = snapshot::read(&bytes, &snapshot::from_text(&String::from_utf8_lossy(&bytes)));
    }

    #[test]
    fn snapshot_read_refuses_or_reads_a_damaged_snapshot(at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<prop::sample::Index>()) {
        let k = known();
        let strings = snapshot::write_strings(&k.strings);
        let mut bytes = snapshot::write_core(&k);
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let _ = snapshot::read(&bytes, &strings);
        let _ = snapshot::read(&bytes[..cut.index(bytes.len())], &strings);
        let mut s = strings.clone();
        let j = at.index(s.len());
        s[j] = byte;
        let _ = snapshot::read(&snapshot::write_core(&k), &s);
        let _ = snapshot::read(&snapshot::write_core(&k), &s[..cut.index(s.len())]);
    }

    #[test]
    fn views_read_refuses_or_reads_any_or_damaged_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512), at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<prop::sample::Index>()) {
        // Each view is read when it is asked for: ask for all of them.
        let read = |b: &[u8]| {
            if let Ok(v) = snapshot::read_views(b) {
                for (c, _) in &v.views {
                    let _ = v.chart(&v.id, *c);
                }
            }
        };
        read(&bytes);
        let mut good = views().clone();
        read(&good[..cut.index(good.len())]);
        let i = at.index(good.len());
        good[i] = byte;
        read(&good);
    }
}
