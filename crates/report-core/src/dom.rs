//! The contract between the HTML the build writes (`report-site`) and the browser code that
//! finds its way in it (`report-web`): the ids, classes and attributes both name, and the
//! selectors the browser queries, written once. A test ties each selector to the names it is
//! made of.

/// `<p id=report-status>`: the loading note, replaced by a failure's words.
pub const STATUS_ID: &str = "report-status";
/// The note naming parameters of the address that could not be used.
pub const URL_NOTE_ID: &str = "url-note";
/// An embed's refusal, when its parameters cannot be used.
pub const EMBED_MESSAGE_ID: &str = "embed-message";
/// The live region the charts announce their values in.
pub const ANNOUNCER_ID: &str = "announcer";

/// A chart's figure carries its id in this attribute.
pub const CHART_ATTR: &str = "data-chart";
pub const FIGURES: &str = "figure[data-chart]";
/// The chart's slot (one tab stop) inside its figure, where the canvas goes.
pub const CHART_CLASS: &str = "chart";
pub const CHART: &str = ".chart";
/// The static SVG the canvas replaces.
pub const STATIC_CHART_CLASS: &str = "static-chart";
pub const STATIC_CHART: &str = "svg.static-chart";
/// The data table under a chart, rewritten for a member state's view.
pub const TABLE_CLASS: &str = "data-table";
pub const TABLE: &str = "table.data-table";
/// The chart in words, for screen readers.
pub const SUMMARY_CLASS: &str = "chart-summary";
pub const SUMMARY: &str = ".chart-summary";
/// A chart's country selector.
pub const COUNTRY_SELECT_CLASS: &str = "country-select";
pub const COUNTRY_SELECTS: &str = "select.country-select";
/// The "Embed or download" disclosure under a chart, and its code boxes.
pub const TOOLS_CLASS: &str = "figure-tools";
pub const TOOLS: &str = "details.figure-tools";
pub const EMBED_CODE_CLASS: &str = "embed-code";
pub const EMBED_CODES: &str = "textarea.embed-code";
/// The embed code's render flags: each checkbox names its flag (`embed::Flags::NAMES`).
pub const EMBED_FLAGS_CLASS: &str = "embed-flags";
pub const FLAG_ATTR: &str = "data-flag";
pub const FLAGS: &str = "fieldset.embed-flags input[data-flag]";
/// "Cite this chart", and its two boxes (the citation, BibTeX), whose address the browser
/// fills in where the build did not know it.
pub const CITE_CLASS: &str = "figure-cite";
pub const CITE_CODE_CLASS: &str = "cite-code";
pub const CITE_CODES: &str = "textarea.cite-code";
/// A correction on a chart; an embed document's copy of it above the chart, with its day in
/// `data-corrected`, shown (`data-shown`) when the embed code was copied before it. The
/// method section's list of corrections.
pub const CORRECTION_CLASS: &str = "correction";
pub const CORRECTION_FIRST_CLASS: &str = "correction-first";
pub const CORRECTED_ATTR: &str = "data-corrected";
pub const CORRECTIONS_FIRST: &str = "p.correction-first[data-corrected]";
pub const SHOWN_ATTR: &str = "data-shown";
pub const CORRECTIONS_ID: &str = "corrections";
/// "Copy with source": its button (hidden until the script can copy) and its status line.
pub const COPY_CLASS: &str = "copy-source";
pub const COPY_BUTTON_CLASS: &str = "copy-button";
pub const COPY_BUTTON: &str = "button.copy-button";
pub const COPY_STATUS_CLASS: &str = "copy-status";
pub const COPY_STATUS: &str = ".copy-status";
/// The off-screen text the copy selects (a class, not a style attribute: the documents'
/// Content-Security-Policy refuses inline styles).
pub const COPY_BUFFER_CLASS: &str = "copy-buffer";
/// The live preview's build number on a page it serves (`<html data-preview-build=N>`).
pub const PREVIEW_BUILD_ATTR: &str = "data-preview-build";
/// The language switch; each link's own address is in `data-base`.
pub const EDITIONS_CLASS: &str = "editions";
pub const EDITION_BASE_ATTR: &str = "data-base";
pub const EDITION_LINKS: &str = "nav.editions a[data-base]";
/// The section navigation.
pub const TOC_CLASS: &str = "toc";
pub const TOC_LINKS: &str = "nav.toc a";
/// The sections, by their anchors.
pub const SECTIONS: &str = "main > section[id]";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_selector_is_made_of_the_names_the_html_writes() {
        for (selector, want) in [
            (FIGURES, format!("figure[{CHART_ATTR}]")),
            (CHART, format!(".{CHART_CLASS}")),
            (STATIC_CHART, format!("svg.{STATIC_CHART_CLASS}")),
            (TABLE, format!("table.{TABLE_CLASS}")),
            (SUMMARY, format!(".{SUMMARY_CLASS}")),
            (COUNTRY_SELECTS, format!("select.{COUNTRY_SELECT_CLASS}")),
            (TOOLS, format!("details.{TOOLS_CLASS}")),
            (EMBED_CODES, format!("textarea.{EMBED_CODE_CLASS}")),
            (CITE_CODES, format!("textarea.{CITE_CODE_CLASS}")),
            (
                FLAGS,
                format!("fieldset.{EMBED_FLAGS_CLASS} input[{FLAG_ATTR}]"),
            ),
            (
                EDITION_LINKS,
                format!("nav.{EDITIONS_CLASS} a[{EDITION_BASE_ATTR}]"),
            ),
            (TOC_LINKS, format!("nav.{TOC_CLASS} a")),
            (COPY_BUTTON, format!("button.{COPY_BUTTON_CLASS}")),
            (COPY_STATUS, format!(".{COPY_STATUS_CLASS}")),
            (
                CORRECTIONS_FIRST,
                format!("p.{CORRECTION_FIRST_CLASS}[{CORRECTED_ATTR}]"),
            ),
        ] {
            assert_eq!(selector, want);
        }
    }
}
