//! The interface words of `[ui]`, in two typed halves: `Ui`, the words the browser's code
//! uses (the charts, the tables, the chart in words, URL and embed notes), which every
//! document carries in its strings; and `PageUi`, the words only the HTML writes. The list
//! of fields is written once (`words!`): the catalog's shape (`UiWords`, every key a
//! `ui.LANG.toml` must have), the two halves and the split are generated from it, so a word
//! the browser reads but the browser half lacks fails to compile.

use serde::Deserialize;

macro_rules! words {
    (
        browser { $( $(#[$bm:meta])* $b:ident, )* }
        page { $( $(#[$pm:meta])* $p:ident, )* }
    ) => {
        /// `[ui]` as written: every interface word of an edition, including the few drawn
        /// inside charts.
        #[derive(Debug, Clone, PartialEq, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct UiWords {
            $( $(#[$bm])* pub $b: String, )*
            $( $(#[$pm])* pub $p: String, )*
        }

        /// The words the browser's code uses; the snapshot's strings carry them.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Ui {
            $( $(#[$bm])* pub $b: String, )*
        }

        /// The words only the page's HTML uses (native: `Bundle::page`).
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct PageUi {
            $( $(#[$pm])* pub $p: String, )*
        }

        impl UiWords {
            /// The browser's half and the page's.
            pub fn split(self) -> (Ui, PageUi) {
                (Ui { $( $b: self.$b, )* }, PageUi { $( $p: self.$p, )* })
            }
        }

        impl Ui {
            /// Each word in the order the snapshot writes them.
            pub fn each(&self, mut f: impl FnMut(&String)) {
                $( f(&self.$b); )*
            }
            /// The words read back in that order.
            pub fn from_each(mut f: impl FnMut() -> String) -> Ui {
                Ui { $( $b: f(), )* }
            }
        }
    };
}

words! {
    browser {
        /// The edition's BCP 47 language tag, as `<html lang>` and `hreflang` write it.
        lang,
        not_published,
        remainder,
        derived,
        /// The remainder row's full label: `{remainder}`, `{derived}`.
        remainder_full,
        /// A row for one population in one year: `{population}`, `{year}`.
        row_population_year,
        /// Under every chart: `{survey}`, `{outlets}` (where its figures were read).
        source_line,
        /// A chart in words for screen readers: `{count}`, `{rows}`; `{high}`, `{high_at}`,
        /// `{low}`, `{low_at}`; `{cells}` (what was not published).
        summary_count,
        summary_range,
        summary_missing,
        data_caption,
        base,
        url_unknown_country,
        url_unknown_chart,
        url_unknown_section,
        dismiss,
        embed_unknown_chart,
        embed_unknown_theme,
        embed_bad_child,
        /// Joiners: a list, a list of lists, `{text}` with an `{aside}`, `{label}` and its `{text}`.
        list,
        list_strong,
        aside,
        labelled,
        /// `{publisher}`, `{title}`, `{date}`.
        survey_cited,
        /// A work cited by title: `{author}`, `{title}`, `{publisher}`; without an author,
        /// `{publisher}`, `{title}`.
        work_by,
        work,
        /// A source without a public address: `{name}`, `{no_address}`.
        unlinked,
        /// How a source was read when not at the outlet (`data::Read`, `{via}`), and a blog post;
        /// set as an aside to the outlet's name.
        source_blog,
        source_republished,
        source_published,
        source_read_on,
        source_mirror,
        source_proxy,
        source_stored_proxy,
        /// What one value says: `{row}` and `{series}` as its name; `{name}`, `{value}`, `{year}`,
        /// `{base}`; a derived one's `{derived}`; one not published, `{not_published}`.
        point_name,
        point,
        point_derived,
        point_missing,
        copy_done,
        copy_failed,
    }
    page {
        /// The language's own name for itself ("日本語"): the language switch shows it.
        language_name,
        language_label,
        /// A translated edition's note that it is a translation; empty in the original.
        translation,
        loading,
        noscript,
        failed,
        nav_label,
        notes,
        /// An embed's one-line source: `{survey}`, `{count}` (publications, listed in the disclosure).
        source_short,
        /// An embed's disclosure holding the table, the notes and the full source list.
        data_and_notes,
        no_address,
        country_label,
        country_all,
        chart_label,
        chart_keys,
        tools_summary,
        embed_iframe_label,
        embed_pym_label,
        embed_amp_label,
        download_label,
        download_csv,
        download_png,
        download_svg,
        embed_read_more,
        method_respondents,
        method_fieldwork,
        method_languages,
        method_weighting,
        method_confirmed_by,
        credits,
        sources_cited,
        conflicts_about,
        /// A title and a sentence about it, as an image's description: `{title}`, `{text}`.
        caption,
        /// "Cite this chart": the disclosure, its boxes' labels; the citation (`{chart}`,
        /// `{report}`, `{year}`, `{survey}`, `{url}`, `{accessed}`), with a `{publisher}`
        /// (`citation_by`), a year not given, the date the reader fills in, and BibTeX's note.
        cite_summary,
        cite_text_label,
        cite_bibtex_label,
        citation,
        citation_by,
        cite_undated,
        cite_accessed,
        cite_note,
        /// Corrections: the list's heading, the line when there are none, each correction
        /// (`{date}`, `{text}`), the label of the charts it changed, the link to the list.
        corrections,
        corrections_none,
        corrected,
        corrections_charts,
        corrections_all,
        /// The embed-code box's render flags: their group; `plain`, `static`, `transparent`.
        embed_options,
        embed_plain,
        embed_static,
        embed_transparent,
        /// "Copy with source": the button, and what it says once copied or if it could not.
        copy_source,
        /// The AMP snippet's button that opens the frame in full.
        embed_amp_show,
        /// Why start-up failed (after `failed`); `{id}` a chart.
        failed_data,
        failed_chart,
        failed_build,
        failed_browser,
        failed_code,
        /// `{start}`, `{end}`, `{mode}`.
        fieldwork,
    }
}
