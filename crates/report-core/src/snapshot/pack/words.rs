//! `Pack` for an edition's words: its strings, the words of the data, its locale and its
//! interface words, field by field in order.

use super::*;
use crate::number::{CurrencyForm, NumberForm};

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
    number,
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
fields!(NumberForm {
    digits,
    decimal,
    group,
    primary,
    secondary,
    min_grouping,
    currencies
});
fields!(CurrencyForm { code, pattern });
unit_enum!(Collation[Latin, Kana, Thai]);
fields!(ChartText {
    title,
    takeaway,
    subtitle,
    row_header,
    words
});
impl Pack for Ui {
    fn pack(&self, out: &mut Vec<u8>) {
        self.each(|w| w.pack(out));
    }
    fn unpack(r: &mut Reader) -> Self {
        Ui::from_each(|| String::unpack(r))
    }
}
