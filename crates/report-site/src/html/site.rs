//! Where the report is published and which edition a document belongs to.

use crate::bundle::Bundle;

/// Where the report is published: `SITE_URL` at build time (e.g. `https://example.org/report/`),
/// and which edition a document belongs to. Link previews need absolute addresses; without
/// `SITE_URL` they are relative, which most sites that read previews ignore (the build says so).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    pub url: Option<String>,
    /// Without `url`: what a relative address starts with in this document to reach its
    /// edition's folder (`../` in an embed document, whose own folder is `embed/`). Meta tags
    /// are not resolved by `<base>`.
    up: &'static str,
    /// This document's edition: its folder under the site (`""` for the first, `ja/`).
    edition: String,
    /// Every edition: language tag, the language's own name, folder.
    pub editions: Vec<Edition>,
}

/// One edition of the report, as the language switch and `hreflang` name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    pub lang: String,
    pub name: String,
    /// Its folder under the report's: `""` for the first (original) edition, `LANG/` else.
    pub folder: String,
}

impl Edition {
    /// The folder of the edition `lang` among `editions` (the first is at the root).
    /// The editions of a report, as its bundles (in `[report] editions` order) name them.
    pub fn list(editions: &[Bundle]) -> Vec<Edition> {
        let langs: &[String] = editions.first().map_or(&[], |b| &b.report.editions);
        editions
            .iter()
            .map(|b| Edition {
                lang: b.strings.ui.lang.clone(),
                name: b.page.language_name.clone(),
                folder: Edition::folder_of(langs, &b.strings.ui.lang),
            })
            .collect()
    }

    pub fn folder_of(editions: &[String], lang: &str) -> String {
        if editions.first().is_some_and(|f| f == lang) {
            String::new()
        } else {
            format!("{lang}/")
        }
    }
}

impl Site {
    /// `url` with a trailing `/`; an empty one is none.
    pub fn new(url: Option<&str>) -> Site {
        Site {
            url: url.map(str::trim).filter(|u| !u.is_empty()).map(|u| {
                if u.ends_with('/') {
                    u.to_owned()
                } else {
                    format!("{u}/")
                }
            }),
            ..Site::default()
        }
    }
    /// The same site with its editions, for a document of the edition in `folder`.
    pub fn for_edition(&self, editions: &[Edition], folder: &str) -> Site {
        Site {
            url: self.url.clone(),
            up: "",
            edition: folder.to_owned(),
            editions: editions.to_vec(),
        }
    }
    /// The same site, for a document one folder down (`embed/ID.html`).
    pub(super) fn one_down(&self) -> Site {
        Site {
            up: "../",
            ..self.clone()
        }
    }
    /// A path relative to this edition's folder, absolute where the site is known.
    pub fn address(&self, path: &str) -> String {
        match &self.url {
            Some(u) => format!("{u}{}{path}", self.edition),
            None => format!("{}{path}", self.up),
        }
    }
    /// The edition's folder, absolute, where the site is known (the embed code's base).
    pub fn edition_url(&self) -> Option<String> {
        self.url.as_ref().map(|u| format!("{u}{}", self.edition))
    }
    /// The address of another edition's folder from this document (`./` for its own).
    pub fn edition_address(&self, folder: &str) -> String {
        match &self.url {
            Some(u) => format!("{u}{folder}"),
            None => {
                let depth = self.edition.matches('/').count();
                let path = format!("{}{}{folder}", self.up, "../".repeat(depth));
                if path.is_empty() {
                    "./".to_owned()
                } else {
                    path
                }
            }
        }
    }
}
