//! What a chart's parts need of the data: series and row groups resolved, the selector's
//! series, and the shape checks (every cell has a question and year, one unit per chart, a
//! kind that can show the data, a selector with per-country figures to show).

use super::check::{is_slug, Checker, Span};
use super::*;
use crate::data::model::Unit;
use crate::data::raw::{RawChart, RawRows, RawSelector, RawSeries};
use crate::data::VALUES_FILE;

impl Checker<'_, '_, '_> {
    pub(super) fn series(
        &mut self,
        id: &str,
        span: &Span,
        list: &[RawSeries],
        colours: &[Colour],
        allow_selected: bool,
    ) -> Option<Vec<SeriesDef>> {
        let mut out = Vec::new();
        let mut ok = true;
        for s in list {
            // An inline table: its line is the one that names its label or question.
            let needle = s
                .label
                .as_ref()
                .or(s.question.as_ref())
                .or(s.option.as_ref())
                .map(|v| format!("{v:?}"))
                .unwrap_or_else(|| "series".into());
            let line = span.line_of(&needle);
            let colour = match &s.colour {
                None => None,
                Some(role) => match colours.iter().position(|c| c.role == *role) {
                    Some(i) => Some(i),
                    None => {
                        let roles: Vec<&str> = colours.iter().map(|c| c.role.as_str()).collect();
                        self.push(
                            Some(line),
                            &[("chart", id)],
                            "colour",
                            format!(
                                "unknown colour role {role:?} (expected one of the [[colour]] roles: {})",
                                roles.join(", ")
                            ),
                        );
                        ok = false;
                        None
                    }
                },
            };
            match self.coord(
                id,
                span,
                line,
                &s.question,
                s.year,
                &s.population,
                &s.option,
                allow_selected,
            ) {
                Some((at, selected)) => out.push(SeriesDef {
                    label: s.label.clone(),
                    at,
                    selected,
                    emphasis: s.emphasis,
                    colour,
                }),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn rows(&mut self, id: &str, span: &Span, line: usize, r: &RawRows) -> Option<RowsDef> {
        let about = [("chart", id)];
        let each = match r.each.as_deref() {
            None => Each::One,
            Some("option") => Each::Option,
            Some("population") => Each::Population,
            Some("year") => Each::Year,
            Some(other) => {
                self.push(
                    Some(line),
                    &about,
                    "each",
                    format!("unknown row kind {other:?} (expected \"option\", \"population\" or \"year\", or no `each` for one row)"),
                );
                return None;
            }
        };
        let sort = match r.sort.as_deref() {
            None | Some("given") => Sort::Given,
            Some("descending") => Sort::Descending,
            Some("left-side") => Sort::LeftSide,
            Some(other) => {
                self.push(
                    Some(line),
                    &about,
                    "sort",
                    format!("unknown sort {other:?} (expected \"given\", \"descending\" or \"left-side\")"),
                );
                return None;
            }
        };
        let (at, _) = self.coord(
            id,
            span,
            line,
            &r.question,
            r.year,
            &r.population,
            &r.option,
            false,
        )?;
        let mut populations = Vec::new();
        let mut years = Vec::new();
        let editions = &self.data.survey.editions;
        if let Some(y) = r.years.iter().flatten().find(|y| !editions.contains(y)) {
            self.push(
                Some(line),
                &about,
                "years",
                format!("{y} is not one of the survey's editions {editions:?}"),
            );
            return None;
        }
        if each == Each::Year {
            // Every edition, oldest first, unless the group names its years.
            years = r.years.clone().unwrap_or_else(|| editions.clone());
            years.sort_unstable();
            if r.populations.is_some() || r.members || r.year.is_some() {
                self.push(
                    Some(line),
                    &about,
                    "each",
                    "rows for each year take their years from `years` (or every edition); name the population on the chart or a series",
                );
                return None;
            }
        } else if each == Each::Population {
            if r.members {
                populations.extend(self.data.members().map(Population::Country));
            }
            for code in r.populations.iter().flatten() {
                match self.data.population(code) {
                    Some(p) => populations.push(p),
                    None => {
                        let codes = self.population_codes();
                        self.push(
                            Some(line),
                            &about,
                            "populations",
                            format!("unknown population {code:?} (expected one of {})", codes),
                        );
                        return None;
                    }
                }
            }
            years = r.years.clone().unwrap_or_default();
            if populations.is_empty() || years.is_empty() {
                self.push(
                    Some(line),
                    &about,
                    "populations",
                    "rows for each population need `populations` (or `members = true`) and `years`",
                );
                return None;
            }
        } else if r.populations.is_some() || r.members || r.years.is_some() {
            self.push(
                Some(line),
                &about,
                "each",
                "`populations` and `members` belong to rows with each = \"population\", `years` to rows with each = \"population\" or \"year\"",
            );
            return None;
        }
        if each == Each::One && r.sort.is_some() {
            self.push(
                Some(line),
                &about,
                "sort",
                "a single row has nothing to sort",
            );
            return None;
        }
        Some(RowsDef {
            each,
            populations,
            years,
            sort,
            label: r.label.clone(),
            at,
        })
    }

    pub(super) fn chart(
        &mut self,
        raw: &RawChart,
        span: &Span,
        colours: &[Colour],
    ) -> Option<ChartDef> {
        let id = raw.id.as_str();
        let about = [("chart", id)];
        let head = span.from;
        let mut ok = true;
        if !is_slug(id) {
            self.push(
                Some(head),
                &about,
                "id",
                "expected lower-case letters, digits and hyphens",
            );
            ok = false;
        }
        let kind = match raw.kind.as_str() {
            "bars" => Some(Kind::Bars),
            "diverging" => Some(Kind::Diverging),
            "line" => Some(Kind::Line),
            other => {
                self.push(
                    Some(span.line_of("kind")),
                    &about,
                    "kind",
                    format!(
                        "unknown kind {other:?} (expected \"bars\", \"diverging\" or \"line\")"
                    ),
                );
                None
            }
        };
        let chart_at = self.coord(
            id,
            span,
            head,
            &raw.question,
            raw.year,
            &raw.population,
            &None,
            false,
        );
        let series = self.series(id, span, &raw.series, colours, false);
        if raw.series.is_empty() {
            self.push(Some(head), &about, "series", "expected at least one series");
            ok = false;
        }
        let mut rows = Vec::new();
        for (i, r) in raw.rows.iter().enumerate() {
            let line = span.nth("[[chart.rows]]", i);
            match self.rows(id, span, line, r) {
                Some(def) => rows.push(def),
                None => ok = false,
            }
        }
        if raw.rows.is_empty() && !raw.remainder {
            self.push(
                Some(head),
                &about,
                "rows",
                "expected at least one [[chart.rows]] group",
            );
            ok = false;
        }
        let selector = match &raw.selector {
            None => Some(None),
            Some(s) => self.selector(id, span, s, colours).map(Some),
        };
        let (Some(kind), Some((chart_at, _)), Some(series), Some(selector), true) =
            (kind, chart_at, series, selector, ok)
        else {
            return None;
        };
        let sort_by = raw.sort_by.unwrap_or(0);
        if sort_by >= series.len() {
            self.push(
                Some(span.line_of("sort_by")),
                &about,
                "sort_by",
                format!(
                    "series {sort_by} does not exist (series are numbered from 0; this chart has {})",
                    series.len()
                ),
            );
            return None;
        }
        let expect = raw
            .expect
            .iter()
            .enumerate()
            .map(|(i, e)| Expect {
                row: e.row.clone(),
                position: e.position,
                line: span.nth("[[chart.expect]]", i),
            })
            .collect();
        let def = ChartDef {
            id: id.to_owned(),
            kind,
            at: chart_at,
            series,
            rows,
            sort_by,
            remainder: raw.remainder,
            selector,
            expect,
            line: head,
        };
        self.shape(&def, span).then_some(def)
    }

    fn selector(
        &mut self,
        id: &str,
        span: &Span,
        s: &RawSelector,
        colours: &[Colour],
    ) -> Option<Selector> {
        let line = span.line_of("[chart.selector]");
        let show = match s.show.as_str() {
            "series" => Show::Series,
            "row" => Show::Row,
            other => {
                self.push(
                    Some(line),
                    &[("chart", id)],
                    "show",
                    format!("unknown selector {other:?} (expected \"series\" or \"row\")"),
                );
                return None;
            }
        };
        let series = match (&s.series, show) {
            (Some(list), Show::Series) => self.series(id, span, list, colours, true)?,
            (None, Show::Series) => {
                self.push(
                    Some(line),
                    &[("chart", id)],
                    "series",
                    "a selector with show = \"series\" needs the series to show for a chosen country",
                );
                return None;
            }
            (Some(_), Show::Row) => {
                self.push(
                    Some(line),
                    &[("chart", id)],
                    "series",
                    "a selector with show = \"row\" marks a row and takes no series",
                );
                return None;
            }
            (None, Show::Row) => Vec::new(),
        };
        Some(Selector {
            show,
            series,
            sort_by: s.sort_by.unwrap_or(0),
        })
    }

    /// What the kind, the rows and the selector need of the data.
    fn shape(&mut self, c: &ChartDef, span: &Span) -> bool {
        let about = [("chart", c.id.as_str())];
        let head = Some(c.line);
        let before = self.report.0.len();
        // Every cell resolves to a question and a year; all share one unit.
        let mut units: Vec<(Unit, String)> = Vec::new();
        let mut questions: Vec<String> = Vec::new();
        let all_series = c
            .series
            .iter()
            .chain(c.selector.iter().flat_map(|s| &s.series));
        for (si, s) in all_series.enumerate() {
            let groups: Vec<Coord> = if c.rows.is_empty() {
                vec![Coord::default()]
            } else {
                c.rows.iter().map(|r| r.at.clone()).collect()
            };
            for (ri, (g, r)) in groups
                .iter()
                .zip(c.rows.iter().map(Some).chain(std::iter::repeat(None)))
                .enumerate()
            {
                let at = c.at.with(&s.at).with(g);
                let years_from_rows =
                    r.is_some_and(|r| matches!(r.each, Each::Population | Each::Year));
                let Some(q) = &at.question else {
                    self.push(head, &about, "question", format!("series {si} with row group {ri} has no question (expected `question` on the chart, the series or the rows)"));
                    continue;
                };
                if at.year.is_none() && !years_from_rows {
                    self.push(head, &about, "year", format!("series {si} with row group {ri} has no year (expected `year` on the chart, the series or the rows)"));
                }
                if let Some((_, question)) = self.data.question(q) {
                    if !units.iter().any(|(u, _)| *u == question.unit) {
                        units.push((question.unit, q.clone()));
                    }
                    if !questions.contains(q) {
                        questions.push(q.clone());
                    }
                }
            }
        }
        if units.len() > 1 {
            let names: Vec<&str> = units.iter().map(|(_, q)| q.as_str()).collect();
            self.push(
                head,
                &about,
                "kind",
                format!(
                    "a chart draws one scale, and its questions have different units ({})",
                    names.join(", ")
                ),
            );
        }
        self.kind_rules(c, span, &questions);
        if let Some(sel) = &c.selector {
            let line = Some(span.line_of("[chart.selector]"));
            // The questions whose per-country figures the selector shows.
            let shown: Vec<String> = match sel.show {
                Show::Series => sel
                    .series
                    .iter()
                    .filter(|s| s.selected)
                    .filter_map(|s| c.at.with(&s.at).question)
                    .collect(),
                Show::Row => c.at.question.iter().cloned().collect(),
            };
            if sel.show == Show::Series && shown.is_empty() {
                self.push(
                    line,
                    &about,
                    "series",
                    "no selector series has population = \"selected\"",
                );
            }
            if sel.show == Show::Series && sel.sort_by >= sel.series.len() {
                self.push(
                    line,
                    &about,
                    "sort_by",
                    format!(
                        "series {} does not exist in the selector's series",
                        sel.sort_by
                    ),
                );
            }
            if sel.show == Show::Row
                && !c.rows.iter().any(|r| {
                    r.each == Each::Population && r.populations.iter().any(|p| !p.is_region())
                })
            {
                self.push(line, &about, "show", "show = \"row\" marks a country's row: the chart needs rows for each member state");
            }
            for q in &shown {
                let per_country =
                    self.data.values.iter().any(|v| {
                        self.data.questions[v.question].id == *q && !v.population.is_region()
                    });
                if !per_country {
                    self.push(
                        line,
                        &about,
                        "selector",
                        format!("question {q:?} has no per-country figures in {VALUES_FILE}, so a country selector would show nothing"),
                    );
                }
            }
        }
        self.report.0.len() == before
    }
}
