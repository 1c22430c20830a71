//! What each kind of chart can show: a diverging chart's two sides of one single-choice
//! question, bars' colours and remainder, a line chart's years.

use super::check::{Checker, Span};
use super::*;
use crate::data::model::{Dataset, QuestionKind, Unit};

impl Checker<'_, '_, '_> {
    pub(super) fn kind_rules(&mut self, c: &ChartDef, span: &Span, questions: &[String]) {
        let about = [("chart", c.id.as_str())];
        let head = Some(c.line);
        let single_choice_percent = |data: &Dataset, q: &str| {
            data.question(q).is_some_and(|(_, q)| {
                q.kind == QuestionKind::SingleChoice && q.unit == Unit::Percent
            })
        };
        match c.kind {
            Kind::Diverging => {
                if c.series.len() != 2 || c.series.iter().any(|s| s.colour.is_none()) {
                    self.push(
                        head,
                        &about,
                        "kind",
                        format!(
                            "a diverging chart has exactly two sides, each a series with a colour role; found {} series, {} with a colour",
                            c.series.len(),
                            c.series.iter().filter(|s| s.colour.is_some()).count()
                        ),
                    );
                }
                for q in questions {
                    if !single_choice_percent(self.data, q) {
                        self.push(
                            head,
                            &about,
                            "kind",
                            format!("a diverging chart shows two shares of one single-choice question in percent; {q:?} is not one"),
                        );
                    }
                }
                if c.remainder {
                    self.push(
                        head,
                        &about,
                        "remainder",
                        "a diverging chart has no remainder row",
                    );
                }
            }
            Kind::Bars => {
                if c.series.iter().any(|s| s.colour.is_some()) {
                    self.push(
                        Some(span.line_of("colour")),
                        &about,
                        "colour",
                        "colour roles are for a diverging chart's two sides; bars are drawn in the highlight and neutral colours",
                    );
                }
                if c.rows.iter().any(|r| r.sort == Sort::LeftSide) {
                    self.push(
                        Some(span.line_of("left-side")),
                        &about,
                        "sort",
                        "sort = \"left-side\" orders a diverging chart's rows; bars use \"descending\" or \"given\"",
                    );
                }
                if c.remainder
                    && (c.series.len() != 1
                        || !questions
                            .iter()
                            .all(|q| single_choice_percent(self.data, q)))
                {
                    self.push(
                        Some(span.line_of("remainder")),
                        &about,
                        "remainder",
                        "a remainder is what the options of one single-choice question in percent leave over: it needs one series of such a question",
                    );
                }
            }
            Kind::Line => {
                if c.rows.len() != 1 || c.rows[0].each != Each::Year || c.rows[0].years.len() < 2 {
                    self.push(
                        head,
                        &about,
                        "rows",
                        "a line chart has one row group, each = \"year\", with at least two years (its points, left to right)",
                    );
                }
                if c.rows.iter().any(|r| r.sort != Sort::Given) {
                    self.push(
                        Some(span.line_of("sort")),
                        &about,
                        "sort",
                        "a line chart's years stay in order: it takes no sort",
                    );
                }
                if c.remainder {
                    self.push(
                        Some(span.line_of("remainder")),
                        &about,
                        "remainder",
                        "a line chart has no remainder row",
                    );
                }
                if c.selector.is_some() {
                    self.push(
                        Some(span.line_of("[chart.selector]")),
                        &about,
                        "selector",
                        "a line chart has no country selector: give each population its series",
                    );
                }
            }
        }
        if c.kind != Kind::Line && c.rows.iter().any(|r| r.each == Each::Year) {
            self.push(
                head,
                &about,
                "each",
                "rows for each year are a line chart's points: use kind = \"line\"",
            );
        }
    }
}
