//! The one generic builder: a chart definition (`data::charts::ChartDef`), the data and the
//! catalog in, a `Chart` out. Row groups of options, populations by year or single cells;
//! series from the definition or, with a country chosen, from its selector; sorting; the
//! derived remainder; notes and the source line of exactly the values shown.

use super::*;
use crate::data::charts::{ChartDef, Coord, Each, RowsDef, SeriesDef, Show, Sort};

/// Builds one chart region-wide.
pub fn build(snap: &Snapshot, id: &str) -> Result<Chart, SpecError> {
    build_for(snap, id, None)
}

/// Builds one chart for a chosen country, as its selector says: the country's figures as
/// series (not published where none were found), or its row marked. A chart without a
/// selector is the same for every country.
pub fn build_for(snap: &Snapshot, id: &str, country: Option<Country>) -> Result<Chart, SpecError> {
    let def = snap
        .report
        .chart(id)
        .ok_or_else(|| SpecError::UnknownChart(id.to_owned()))?;
    let texts = snap
        .strings
        .charts
        .get(id)
        .ok_or_else(|| SpecError::NoText(id.to_owned(), text_file(snap)))?;
    let b = Builder {
        def,
        data: &snap.data,
        strings: &snap.strings,
        words: &texts.words,
        highlight: snap.report.highlight.as_deref(),
        country,
    };
    let (series_defs, sort_by) = match (&def.selector, country) {
        (Some(sel), Some(_)) if sel.show == Show::Series => (&sel.series, sel.sort_by),
        _ => (&def.series, def.sort_by),
    };
    let mut series = Vec::new();
    for sd in series_defs {
        series.push(Series {
            label: b.series_label(sd)?,
            emphasis: sd.emphasis,
            colour: sd
                .colour
                .and_then(|i| snap.report.colours.get(i))
                .map(|c| (c.light, c.dark)),
        });
    }
    let mut rows = Vec::new();
    for group in &def.rows {
        rows.extend(b.rows(group, series_defs, sort_by)?);
    }
    if def.remainder {
        rows.extend(b.remainder(&rows)?);
    }
    let question = series_defs
        .first()
        .map(|s| b.at(s, def.rows.first().map_or(&Coord::default(), |r| &r.at)))
        .and_then(|c| c.question)
        .and_then(|q| snap.data.question(&q).map(|(_, q)| q.unit))
        .unwrap_or(Unit::Percent);
    let fill = |t: &str| {
        text::fill(t, &snap.data, &snap.strings.locale.number)
            .map_err(|e| SpecError::Placeholders(id.to_owned(), text_file(snap), e))
    };
    let shown: Vec<&Value> = snap
        .data
        .values
        .iter()
        .filter(|v| {
            rows.iter().flat_map(|r| &r.cells).any(|c| {
                c.shown().and_then(|s| s.origin.as_ref()).is_some_and(|o| {
                    o.question == snap.data.questions[v.question].id
                        && o.year == v.year
                        && o.population == v.population
                        && o.option == v.option
                })
            })
        })
        .collect();
    Ok(Chart {
        id: def.id.clone(),
        kind: def.kind,
        title: fill(&texts.title)?,
        takeaway: fill(&texts.takeaway)?,
        subtitle: fill(&texts.subtitle)?,
        scale: ValueScale::of(question),
        series,
        rows,
        notes: chart_notes(&snap.data, &snap.strings, &shown),
        source: source_line(&snap.data, &snap.strings, &shown),
        row_header: texts.row_header.clone(),
        not_published: snap.strings.ui.not_published.clone(),
        locale: snap.strings.locale.clone(),
        list: snap.strings.ui.list.clone(),
    })
}

/// The editorial expectations of a chart (`[[chart.expect]]`), checked on its region-wide
/// build; the build fails on any that the data no longer meets.
pub fn check_expectations(snap: &Snapshot, chart: &Chart) -> Vec<SpecError> {
    let Some(def) = snap.report.chart(&chart.id) else {
        return Vec::new();
    };
    let top = chart
        .rows
        .first()
        .map(|r| r.full_label.clone())
        .unwrap_or_default();
    def.expect
        .iter()
        .filter_map(|e| {
            let found = chart
                .rows
                .iter()
                // The row by its code (an option, or a population), the same in every
                // edition; or by an option's name in this edition's words.
                .position(|r| {
                    row_codes(r).contains(&e.row.as_str())
                        || r.full_label == snap.strings.option(&e.row)
                })
                .map(|i| i + 1);
            (found != Some(e.position)).then(|| SpecError::Expectation {
                chart: def.id.clone(),
                line: e.line,
                row: e.row.clone(),
                want: e.position,
                found,
                top: top.clone(),
            })
        })
        .collect()
}

/// The codes a row is named by: the option every value of the row shares (a row per option),
/// and the population every value shares (a row per population); none for a derived row.
fn row_codes(row: &Row) -> Vec<&str> {
    let origins: Vec<&Origin> = row
        .cells
        .iter()
        .filter_map(|c| c.shown()?.origin.as_ref())
        .collect();
    let Some(first) = origins.first() else {
        return Vec::new();
    };
    let mut codes = Vec::new();
    if origins.iter().all(|o| o.option == first.option) {
        codes.push(first.option.as_str());
    }
    if origins.iter().all(|o| o.population == first.population) {
        codes.push(first.population.code());
    }
    codes
}

struct Builder<'a> {
    def: &'a ChartDef,
    data: &'a Dataset,
    strings: &'a Strings,
    words: &'a std::collections::BTreeMap<String, String>,
    highlight: Option<&'a str>,
    country: Option<Country>,
}

impl<'a> Builder<'a> {
    fn word(&self, key: &str) -> Result<String, SpecError> {
        self.words
            .get(key)
            .cloned()
            .ok_or_else(|| SpecError::NoWord {
                chart: self.def.id.clone(),
                line: self.def.line,
                key: key.to_owned(),
                file: text::file_names(&self.strings.ui.lang)[0].clone(),
            })
    }

    fn name(&self, p: Population) -> String {
        capitalise(self.data.name(p))
    }

    fn series_label(&self, sd: &SeriesDef) -> Result<String, SpecError> {
        if let Some(key) = &sd.label {
            return self.word(key);
        }
        let at = self.def.at.with(&sd.at);
        Ok(match (sd.selected, self.country) {
            (true, Some(c)) => self.name(Population::Country(c)),
            _ => match (&sd.at.year, &sd.at.population, &sd.at.option) {
                (Some(y), _, _) => self.strings.locale.year(*y),
                (None, Some(p), _) => self.name(*p),
                (None, None, Some(o)) => self.strings.label(o).to_owned(),
                _ => at
                    .year
                    .map(|y| self.strings.locale.year(y))
                    .unwrap_or_default(),
            },
        })
    }

    /// Where a series reads a row group's cells (the population defaults to the region).
    fn at(&self, sd: &SeriesDef, group: &Coord) -> Coord {
        let mut at = self.def.at.with(&sd.at).with(group);
        if sd.selected {
            at.population = self.country.map(Population::Country);
        }
        at
    }

    fn cell(&self, at: &Coord) -> Cell {
        let (Some(q), Some(year), Some(option)) = (&at.question, at.year, &at.option) else {
            return Cell::NotPublished;
        };
        let population = at.population.unwrap_or_else(|| self.data.region());
        self.data
            .cells(q, year, population)
            .find(|v| v.option == *option)
            .map_or(Cell::NotPublished, |v| self.shown(v))
    }

    fn shown(&self, v: &Value) -> Cell {
        let q = &self.data.questions[v.question];
        Cell::Shown(Shown {
            value: v.value.clone(),
            origin: Some(Origin {
                question: q.id.clone(),
                option: v.option.clone(),
                year: v.year,
                population: v.population,
                unit: q.unit.name(),
                base: q.base.clone(),
                sources: v
                    .sources
                    .iter()
                    .map(|&i| link(self.data, self.strings, i))
                    .collect(),
            }),
        })
    }

    fn highlighted(&self, option: &str) -> bool {
        self.highlight == Some(option)
    }

    fn rows(
        &self,
        group: &RowsDef,
        series: &[SeriesDef],
        sort_by: usize,
    ) -> Result<Vec<Row>, SpecError> {
        let mut rows = match group.each {
            Each::Option => self.option_rows(group, series)?,
            Each::Population => self.population_rows(group, series),
            Each::One => vec![self.one_row(group, series)?],
            Each::Year => self.year_rows(group, series),
        };
        rows = match group.sort {
            Sort::Given => rows,
            Sort::Descending => rank(rows, sort_by),
            Sort::LeftSide => {
                let leans: Vec<f64> = rows
                    .iter()
                    .map(|r| {
                        r.cells[0]
                            .number()
                            .or_else(|| r.cells.get(1).and_then(Cell::number).map(|v| 100.0 - v))
                            .unwrap_or(50.0)
                    })
                    .collect();
                largest_first(rows, &leans)
            }
        };
        Ok(rows)
    }

    /// A row for every option any series has at its population (the region where none is
    /// named), in the data file's order.
    fn option_rows(&self, group: &RowsDef, series: &[SeriesDef]) -> Result<Vec<Row>, SpecError> {
        let region = self.data.region();
        let mut options: Vec<String> = Vec::new();
        for sd in series {
            let at = self.def.at.with(&sd.at).with(&group.at);
            let (Some(q), Some(y)) = (&at.question, at.year) else {
                continue;
            };
            for v in self.data.cells(q, y, at.population.unwrap_or(region)) {
                if !options.contains(&v.option) {
                    options.push(v.option.clone());
                }
            }
        }
        if options.is_empty() {
            let at = series
                .first()
                .map(|sd| self.def.at.with(&sd.at).with(&group.at))
                .unwrap_or_default();
            return Err(SpecError::NoValues {
                chart: self.def.id.clone(),
                line: self.def.line,
                question: at.question.unwrap_or_default(),
                year: at.year.unwrap_or_default(),
            });
        }
        Ok(options
            .iter()
            .map(|o| {
                let cells = series
                    .iter()
                    .map(|sd| {
                        let mut at = self.at(sd, &group.at);
                        at.option = Some(o.clone());
                        self.cell(&at)
                    })
                    .collect();
                Row {
                    label: self.strings.label(o).to_owned(),
                    full_label: self.strings.option(o).to_owned(),
                    highlight: self.highlighted(o),
                    cells,
                }
            })
            .collect())
    }

    /// A row per population and year; the chosen country's row is marked when the selector
    /// says so.
    fn population_rows(&self, group: &RowsDef, series: &[SeriesDef]) -> Vec<Row> {
        let marks_row = self
            .def
            .selector
            .as_ref()
            .is_some_and(|s| s.show == Show::Row);
        let mut out = Vec::new();
        for &p in &group.populations {
            for &y in &group.years {
                let cells = series
                    .iter()
                    .map(|sd| {
                        let mut at = self.at(sd, &group.at);
                        at.population = Some(p);
                        at.year = Some(y);
                        self.cell(&at)
                    })
                    .collect();
                let label = text::template(
                    &self.strings.ui.row_population_year,
                    &[
                        ("population", &self.name(p)),
                        ("year", &self.strings.locale.year(y)),
                    ],
                );
                out.push(Row {
                    label: label.clone(),
                    full_label: label,
                    highlight: marks_row && self.country.map(Population::Country) == Some(p),
                    cells,
                });
            }
        }
        out
    }

    /// A row for every year of the group (a line chart's points, left to right), each cell
    /// read at its series' coordinates in that year.
    fn year_rows(&self, group: &RowsDef, series: &[SeriesDef]) -> Vec<Row> {
        group
            .years
            .iter()
            .map(|&y| {
                let cells = series
                    .iter()
                    .map(|sd| {
                        let mut at = self.at(sd, &group.at);
                        at.year = Some(y);
                        self.cell(&at)
                    })
                    .collect();
                let label = self.strings.locale.year(y);
                Row {
                    label: label.clone(),
                    full_label: label,
                    highlight: false,
                    cells,
                }
            })
            .collect()
    }

    fn one_row(&self, group: &RowsDef, series: &[SeriesDef]) -> Result<Row, SpecError> {
        let cells: Vec<Cell> = series
            .iter()
            .map(|sd| self.cell(&self.at(sd, &group.at)))
            .collect();
        let option = group.at.option.clone().unwrap_or_default();
        let (label, full_label) = match &group.label {
            Some(key) => {
                let w = self.word(key)?;
                (w.clone(), w)
            }
            None => (
                self.strings.label(&option).to_owned(),
                self.strings.option(&option).to_owned(),
            ),
        };
        Ok(Row {
            label,
            full_label,
            highlight: self.highlighted(&option),
            cells,
        })
    }

    /// What the published options leave over, derived in tenths of a point (every option is
    /// published to one decimal, checked here); none when nothing is left.
    fn remainder(&self, rows: &[Row]) -> Result<Option<Row>, SpecError> {
        let mut tenths: i64 = 0;
        for c in rows.iter().filter_map(|r| r.cells[0].shown()) {
            if c.value.decimals() > 1 {
                return Err(SpecError::Remainder {
                    chart: self.def.id.clone(),
                    line: self.def.line,
                });
            }
            tenths += (c.value.number() * 10.0).round() as i64;
        }
        let remainder = 1000 - tenths;
        let ui = &self.strings.ui;
        Ok((remainder > 0).then(|| Row {
            label: ui.remainder.clone(),
            full_label: text::template(
                &ui.remainder_full,
                &[("remainder", &ui.remainder), ("derived", &ui.derived)],
            ),
            highlight: false,
            cells: vec![Cell::Shown(Shown {
                value: Published::from_tenths(remainder),
                origin: None,
            })],
        }))
    }
}

/// Largest first by one series; missing values last; equal values keep their order.
pub(super) fn rank(rows: Vec<Row>, by: usize) -> Vec<Row> {
    let keys: Vec<f64> = rows
        .iter()
        .map(|r| r.cells[by].number().unwrap_or(f64::NEG_INFINITY))
        .collect();
    largest_first(rows, &keys)
}

/// `items` ordered by `keys`, largest first; equal keys keep their order. An insertion sort:
/// the lists are a dozen rows, and one small loop keeps the standard library's sort
/// machinery (several kilobytes per element type) out of the WASM.
pub(super) fn largest_first<T>(items: Vec<T>, keys: &[f64]) -> Vec<T> {
    let mut order: Vec<usize> = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let at = order
            .iter()
            .position(|&j| k.total_cmp(&keys[j]).is_gt())
            .unwrap_or(order.len());
        order.insert(at, i);
    }
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

fn chart_notes(data: &Dataset, strings: &Strings, shown: &[&Value]) -> Vec<ChartNote> {
    data.notes_for(shown)
        .map(|n: &Note| ChartNote {
            about: note_about(data, strings, n, false),
            kind: n.kind,
            text: n.text.clone(),
            sources: n.sources.iter().map(|&i| link(data, strings, i)).collect(),
        })
        .collect()
}

/// What a note is about, narrowest last: under a chart (`question` false) "Japan, Cambodia,
/// 2024"; in the report's list of conflicts (`question` true) its question's title, option and
/// year. `None` for a note on a whole question under its chart.
pub fn note_about(data: &Dataset, strings: &Strings, n: &Note, question: bool) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if question {
        parts.push(data.questions[n.question].title.clone());
    }
    if let Some(o) = &n.option {
        parts.push(strings.option(o).to_owned());
    }
    if let (Some(p @ Population::Country(_)), false) = (n.population, question) {
        parts.push(capitalise(data.name(p)));
    }
    if let Some(y) = n.year {
        parts.push(strings.locale.year(y));
    }
    (!parts.is_empty()).then(|| parts.join(&strings.ui.list))
}

/// The survey, and every publication a shown value was read in, in first-use order.
fn source_line(data: &Dataset, strings: &Strings, shown: &[&Value]) -> SourceLine {
    let mut ids: Vec<usize> = Vec::new();
    for s in shown.iter().flat_map(|v| &v.sources) {
        if !ids.contains(s) {
            ids.push(*s);
        }
    }
    let s = &data.survey;
    SourceLine {
        survey: text::template(
            &strings.ui.survey_cited,
            &[
                ("publisher", &s.publisher),
                ("title", &s.title),
                ("date", &strings.locale.date(&s.published)),
            ],
        ),
        read_in: ids.into_iter().map(|i| link(data, strings, i)).collect(),
    }
}

/// The edition's text catalog as messages name it.
fn text_file(snap: &Snapshot) -> String {
    text::file_names(&snap.strings.ui.lang)[0].clone()
}
