//! `Pack` for an edition's words: its strings, the words of the data, its locale and its
//! interface words, field by field in order.

use super::*;

fields!(Strings {
    charts,
    labels,
    options,
    data,
    ui,
    locale
});
fields!(DataText {
    survey,
    populations,
    questions,
    notes
});
fields!(SurveyText {
    title,
    publisher,
    mode,
    languages,
    weighting
});
fields!(QuestionText {
    title,
    wording,
    measure,
    base
});
fields!(Locale {
    percent,
    date,
    date_month,
    date_year,
    months,
    year_offset,
    collation,
    font,
    line_height,
    sentence_gap
});
unit_enum!(Collation[Latin, Kana, Thai]);
fields!(ChartText {
    title,
    takeaway,
    subtitle,
    row_header,
    words
});
fields!(Ui {
    lang,
    language_name,
    language_label,
    translation,
    loading,
    noscript,
    failed,
    nav_label,
    not_published,
    remainder,
    derived,
    remainder_full,
    row_population_year,
    notes,
    source_line,
    source_short,
    data_and_notes,
    summary_count,
    summary_range,
    summary_missing,
    no_address,
    data_caption,
    base,
    country_label,
    country_all,
    chart_label,
    chart_keys,
    url_unknown_country,
    url_unknown_chart,
    url_unknown_section,
    dismiss,
    tools_summary,
    embed_iframe_label,
    embed_pym_label,
    embed_amp_label,
    download_label,
    download_csv,
    download_png,
    download_svg,
    embed_read_more,
    embed_unknown_chart,
    embed_unknown_theme,
    embed_bad_child,
    method_respondents,
    method_fieldwork,
    method_languages,
    method_weighting,
    method_confirmed_by,
    credits,
    sources_cited,
    conflicts_about,
    list,
    list_strong,
    aside,
    labelled,
    survey_cited,
    work_by,
    work,
    unlinked,
    source_blog,
    source_republished,
    source_published,
    source_read_on,
    source_mirror,
    source_proxy,
    source_stored_proxy,
    point_name,
    point,
    point_derived,
    point_missing,
    caption,
    embed_amp_show,
    failed_data,
    failed_chart,
    failed_build,
    failed_browser,
    failed_code,
    fieldwork,
});
