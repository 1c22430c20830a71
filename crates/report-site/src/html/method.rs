//! The generated blocks of the method and sources section, and the agenda list: the survey's
//! method facts, every conflict between sources, every source, and the credits.

use super::figure::{cited, link};
use super::{inline, Html, HtmlError};
use crate::bundle::Bundle;
use crate::data::{NoteKind, SourceKind};
use crate::spec;

pub(super) fn agenda(h: &mut Html, bundle: &Bundle) -> Result<(), HtmlError> {
    h.open("ol", &[("class", "agenda")]).nl();
    for item in &bundle.prose.agenda {
        h.open("li", &[]).el("h3", &[], &item.title).open("p", &[]);
        inline(h, &item.text, bundle)?;
        h.close("p").close("li").nl();
    }
    h.close("ol").nl();
    Ok(())
}

pub(super) fn method(h: &mut Html, bundle: &Bundle) {
    let page = &bundle.page;
    let s = &bundle.data.survey;
    let ui = &bundle.strings.ui;
    let locale = &bundle.strings.locale;
    // Only the facts the folder gives: data that is no opinion survey may have none.
    let mut rows: Vec<(&String, String)> = Vec::new();
    if let Some(n) = s.respondents {
        rows.push((
            &page.method_respondents,
            locale.number.number(&n.to_string()),
        ));
    }
    if let Some((start, end)) = &s.fieldwork {
        rows.push((
            &page.method_fieldwork,
            crate::text::template(
                &page.fieldwork,
                &[
                    ("start", &locale.date(start)),
                    ("end", &locale.date(end)),
                    ("mode", &s.mode),
                ],
            ),
        ));
    }
    if !s.languages.is_empty() {
        rows.push((&page.method_languages, s.languages.join(&ui.list)));
    }
    if !s.weighting.is_empty() {
        rows.push((&page.method_weighting, s.weighting.clone()));
    }
    h.open("dl", &[("class", "method")]).nl();
    for (k, v) in rows {
        h.el("dt", &[], k).el("dd", &[], &v).nl();
    }
    if !s.method_sources.is_empty() {
        h.el("dt", &[], &page.method_confirmed_by).open("dd", &[]);
        for (i, &src) in s.method_sources.iter().enumerate() {
            if i > 0 {
                h.text(&ui.list_strong);
            }
            link(h, &spec::link(&bundle.data, &bundle.strings, src), ui, page);
        }
        h.close("dd").nl();
    }
    h.close("dl").nl();
    super::corrections::list(h, bundle);
}

/// Every note on a conflict between sources, an attribution or a base, wherever it is.
pub(super) fn conflicts(h: &mut Html, bundle: &Bundle) {
    let (ui, page) = (&bundle.strings.ui, &bundle.page);
    h.open("ul", &[("class", "conflicts")]).nl();
    for n in bundle.data.notes.iter().filter(|n| {
        matches!(
            n.kind,
            NoteKind::Conflict | NoteKind::Attribution | NoteKind::Base
        )
    }) {
        let about = spec::note_about(&bundle.data, &bundle.strings, n, true).unwrap_or_default();
        let sources: Vec<_> = n
            .sources
            .iter()
            .map(|&i| spec::link(&bundle.data, &bundle.strings, i))
            .collect();
        h.open("li", &[]);
        super::figure::labelled(h, &ui.labelled, &about, &n.text);
        cited(h, &sources, ui, page);
        h.close("li").nl();
    }
    h.close("ul").nl();
}

/// Every source, by outlet, in the edition's order (`[locale] collation`).
pub(super) fn sources(h: &mut Html, bundle: &Bundle) {
    let page = &bundle.page;
    let ui = &bundle.strings.ui;
    let rule = bundle.strings.locale.collation;
    // By outlet (a work by its publisher), then by how a copy was read, in the edition's words.
    let mut links: Vec<_> = bundle
        .data
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let l = spec::link(&bundle.data, &bundle.strings, i);
            let key = match s.kind {
                SourceKind::Work => s.outlet.clone(),
                SourceKind::Outlet => l.name.clone(),
            };
            (key, l)
        })
        .collect();
    links.sort_by(|a, b| rule.compare(&a.0, &b.0));
    h.el("h3", &[], &page.sources_cited).nl();
    h.open("ul", &[("class", "source-list")]).nl();
    for (_, l) in &links {
        h.open("li", &[]);
        link(h, l, ui, page);
        h.close("li").nl();
    }
    h.close("ul").nl();
}
