//! The page's state and the one pure function that changes it: `update(state, msg)`. The web
//! module turns DOM events into `Msg`s and state changes into DOM effects; nothing here
//! touches the browser, so every transition is tested natively.

use crate::data::Country;
use crate::spec::{Cell, Chart};
use crate::text::{template, Ui};

/// A data point of a chart: (row, series).
pub type Point = (usize, usize);

/// How a tooltip was opened, which decides what closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Pointer,
    Touch,
    Keyboard,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tip {
    /// Index of the chart in page order.
    pub chart: usize,
    pub point: Point,
    pub via: Via,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    /// The member state the reader picked; `None` is ASEAN-wide.
    pub country: Option<Country>,
    /// The chart that has keyboard focus, and its focused point.
    pub focus: Option<(usize, Option<Point>)>,
    pub tip: Option<Tip>,
    /// The section the reader is in (its anchor).
    pub section: Option<String>,
    /// The chart the reader last worked with, for the URL.
    pub chart: Option<usize>,
    /// The value the reader last picked in a chart (with the arrow keys, a tap or a click):
    /// what "Copy with source" copies. A new view (another country) forgets it.
    pub picked: Option<(usize, Point)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
    Escape,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    SelectCountry(Option<Country>),
    /// A chart received keyboard focus; `points` is how many points it has.
    Focus {
        chart: usize,
    },
    Blur {
        chart: usize,
    },
    /// A click on a chart (mouse or pen), at a point or between points.
    Pick {
        chart: usize,
        at: Option<Point>,
    },
    Key {
        chart: usize,
        key: Key,
        points: usize,
    },
    /// The pointer is over a chart, at a point or between points.
    Hover {
        chart: usize,
        at: Option<Point>,
    },
    /// The pointer left a chart and its tooltip.
    Leave {
        chart: usize,
    },
    Tap {
        chart: usize,
        at: Option<Point>,
    },
    /// A tap or click anywhere outside every chart.
    TapOutside,
    /// Escape pressed anywhere: closes the tooltip, moves nothing.
    Dismiss,
    SectionSeen(String),
}

/// What the page must do after an update, beyond reading the new state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Effects {
    /// Charts to redraw (their focus ring or data changed).
    pub redraw: Vec<usize>,
    /// Every chart must be rebuilt (the country changed).
    pub rebuild: bool,
    /// Text for the polite live region.
    pub announce: Option<Point>,
    /// The URL should be rewritten from the state.
    pub url: bool,
    /// The navigation should mark the current section (it changed).
    pub nav: bool,
}

/// The point after `at` for `key`, in reading order (row by row, series by series).
pub fn step(at: Option<Point>, key: Key, series: usize, points: usize) -> Option<Point> {
    if points == 0 || series == 0 {
        return None;
    }
    let index = at.map(|(r, s)| r * series + s);
    let next = match (key, index) {
        (Key::First, _) | (Key::Next, None) => 0,
        (Key::Last, _) | (Key::Previous, None) => points - 1,
        (Key::Next, Some(i)) => (i + 1).min(points - 1),
        (Key::Previous, Some(i)) => i.saturating_sub(1),
        (Key::Escape, _) => return None,
    };
    Some((next / series, next % series))
}

pub fn update(state: &mut State, msg: Msg, series_of: impl Fn(usize) -> usize) -> Effects {
    let mut fx = Effects::default();
    match msg {
        Msg::SelectCountry(c) => {
            if state.country != c {
                state.country = c;
                state.tip = None;
                state.picked = None;
                fx.rebuild = true;
                fx.url = true;
            }
        }
        Msg::Focus { chart } => {
            state.focus = Some((chart, None));
            state.chart = Some(chart);
            fx.url = true;
        }
        Msg::Blur { chart } => {
            if state.focus.map(|f| f.0) == Some(chart) {
                state.focus = None;
                fx.redraw.push(chart);
            }
            if state
                .tip
                .is_some_and(|t| t.chart == chart && t.via == Via::Keyboard)
            {
                state.tip = None;
            }
        }
        Msg::Key { chart, key, points } => {
            let current = state.focus.filter(|f| f.0 == chart).and_then(|f| f.1);
            if key == Key::Escape {
                state.focus = Some((chart, None));
                state.tip = None;
            } else if let Some(p) = step(current, key, series_of(chart), points) {
                state.focus = Some((chart, Some(p)));
                state.picked = Some((chart, p));
                state.tip = Some(Tip {
                    chart,
                    point: p,
                    via: Via::Keyboard,
                });
                fx.announce = Some(p);
            }
            fx.redraw.push(chart);
        }
        Msg::Hover { chart, at } => {
            // A tooltip opened by keyboard or touch stays until its own way of closing.
            let pinned = state.tip.is_some_and(|t| t.via != Via::Pointer);
            if !pinned {
                if let Some(p) = at {
                    state.tip = Some(Tip {
                        chart,
                        point: p,
                        via: Via::Pointer,
                    });
                }
                // Between points the tooltip stays where it is: it is hoverable.
            }
        }
        Msg::Leave { chart } => {
            if state
                .tip
                .is_some_and(|t| t.chart == chart && t.via == Via::Pointer)
            {
                state.tip = None;
            }
        }
        Msg::Pick { chart, at } => {
            state.picked = at.map(|p| (chart, p));
        }
        Msg::Tap { chart, at } => {
            state.picked = at.map(|p| (chart, p));
            state.tip = at.map(|p| Tip {
                chart,
                point: p,
                via: Via::Touch,
            });
            state.chart = Some(chart);
            fx.url = true;
        }
        Msg::TapOutside => {
            if state.tip.is_some_and(|t| t.via == Via::Touch) {
                state.tip = None;
            }
        }
        Msg::Dismiss => {
            state.tip = None;
        }
        Msg::SectionSeen(id) => {
            if state.section.as_deref() != Some(id.as_str()) {
                state.section = Some(id);
                fx.url = true;
                fx.nav = true;
            }
        }
    }
    fx
}

/// What a point says, to the live region and in its tooltip: label, series, value with its
/// unit, year and base; or that it was not published; or how it was derived.
pub fn describe(chart: &Chart, (row, series): Point, ui: &Ui) -> Option<String> {
    let r = chart.rows.get(row)?;
    let cell = r.cells.get(series)?;
    let s = &chart.series[series];
    let name = if chart.series.len() > 1 {
        template(
            &ui.point_name,
            &[("row", &r.full_label), ("series", &s.label)],
        )
    } else {
        r.full_label.clone()
    };
    Some(match cell {
        Cell::NotPublished => template(
            &ui.point_missing,
            &[("name", &name), ("not_published", &ui.not_published)],
        ),
        Cell::Shown(shown) => {
            let value = chart.value_label(shown.value.text());
            match &shown.origin {
                Some(o) => template(
                    &ui.point,
                    &[
                        ("name", &name),
                        ("value", &value),
                        ("year", &chart.locale.year(o.year)),
                        ("base", &o.base),
                    ],
                ),
                None => template(
                    &ui.point_derived,
                    &[("name", &name), ("value", &value), ("derived", &ui.derived)],
                ),
            }
        }
    })
}

/// What "Copy with source" copies from a chart: the value the reader picked (`point`) in the
/// edition's words (`labelled`: the chart's title, then what the value says), or without one
/// (or on a value not published) the chart's title and takeaway; then its source line and the
/// address that brings a reader to it (`report`, the report's folder, then `#v-…` or
/// `#chart-ID`). Lines are joined with line breaks.
pub fn copy_text(chart: &Chart, point: Option<Point>, ui: &Ui, report: &str) -> String {
    let source = chart.source.plain(ui);
    let value = point.and_then(|p| {
        let origin = chart
            .rows
            .get(p.0)?
            .cells
            .get(p.1)?
            .shown()?
            .origin
            .as_ref()?;
        Some((describe(chart, p, ui)?, origin.value_id(&chart.id)))
    });
    match value {
        Some((what, id)) => format!(
            "{}\n{source}\n{report}#{id}",
            template(&ui.labelled, &[("label", &chart.title), ("text", &what)])
        ),
        None => format!(
            "{}\n{}\n{source}\n{report}#chart-{}",
            chart.title, chart.takeaway, chart.id
        ),
    }
}

/// How many points a chart has (every cell, published or not, is a stop for the keyboard).
pub fn points(chart: &Chart) -> usize {
    chart.rows.len() * chart.series.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(_: usize) -> usize {
        2
    }

    fn key(state: &mut State, k: Key) -> Effects {
        update(
            state,
            Msg::Key {
                chart: 0,
                key: k,
                points: 10,
            },
            series,
        )
    }

    #[test]
    fn arrows_walk_every_point_in_reading_order_and_stop_at_the_ends() {
        let mut s = State::default();
        update(&mut s, Msg::Focus { chart: 0 }, series);
        let mut seen = Vec::new();
        for _ in 0..12 {
            key(&mut s, Key::Next);
            seen.push(s.focus.unwrap().1.unwrap());
        }
        assert_eq!(
            seen[..10],
            [
                (0, 0),
                (0, 1),
                (1, 0),
                (1, 1),
                (2, 0),
                (2, 1),
                (3, 0),
                (3, 1),
                (4, 0),
                (4, 1)
            ]
        );
        assert_eq!(seen[11], (4, 1), "no wrap past the end");
        key(&mut s, Key::First);
        assert_eq!(s.focus.unwrap().1, Some((0, 0)));
        key(&mut s, Key::Previous);
        assert_eq!(s.focus.unwrap().1, Some((0, 0)), "no wrap before the start");
        let fx = key(&mut s, Key::Last);
        assert_eq!(s.focus.unwrap().1, Some((4, 1)));
        assert_eq!(fx.announce, Some((4, 1)));
        assert_eq!(fx.redraw, [0]);
    }

    #[test]
    fn escape_clears_the_point_and_the_tooltip_but_keeps_focus() {
        let mut s = State::default();
        update(&mut s, Msg::Focus { chart: 0 }, series);
        key(&mut s, Key::Next);
        assert!(s.tip.is_some());
        key(&mut s, Key::Escape);
        assert_eq!(s.focus, Some((0, None)));
        assert_eq!(s.tip, None);
    }

    #[test]
    fn a_pointer_tooltip_is_hoverable_and_closes_on_leave_or_escape() {
        let mut s = State::default();
        update(
            &mut s,
            Msg::Hover {
                chart: 1,
                at: Some((2, 0)),
            },
            series,
        );
        assert_eq!(s.tip.unwrap().point, (2, 0));
        // Moving onto the tooltip (between points) keeps it.
        update(&mut s, Msg::Hover { chart: 1, at: None }, series);
        assert!(s.tip.is_some());
        update(&mut s, Msg::Dismiss, series);
        assert_eq!(
            s.tip, None,
            "Escape dismisses without moving pointer or focus"
        );
        update(
            &mut s,
            Msg::Hover {
                chart: 1,
                at: Some((0, 0)),
            },
            series,
        );
        update(&mut s, Msg::Leave { chart: 1 }, series);
        assert_eq!(s.tip, None);
    }

    #[test]
    fn a_tap_shows_and_a_tap_elsewhere_hides() {
        let mut s = State::default();
        update(
            &mut s,
            Msg::Tap {
                chart: 3,
                at: Some((1, 1)),
            },
            series,
        );
        assert_eq!(s.tip.unwrap().via, Via::Touch);
        // A pointer passing over does not replace a tapped tooltip.
        update(
            &mut s,
            Msg::Hover {
                chart: 3,
                at: Some((0, 0)),
            },
            series,
        );
        assert_eq!(s.tip.unwrap().point, (1, 1));
        update(&mut s, Msg::TapOutside, series);
        assert_eq!(s.tip, None);
        update(
            &mut s,
            Msg::Tap {
                chart: 3,
                at: Some((1, 1)),
            },
            series,
        );
        update(&mut s, Msg::Tap { chart: 3, at: None }, series);
        assert_eq!(s.tip, None, "a tap between points hides");
    }

    #[test]
    fn blur_ends_keyboard_focus_and_its_tooltip() {
        let mut s = State::default();
        update(&mut s, Msg::Focus { chart: 2 }, series);
        update(
            &mut s,
            Msg::Key {
                chart: 2,
                key: Key::Next,
                points: 4,
            },
            series,
        );
        let fx = update(&mut s, Msg::Blur { chart: 2 }, series);
        assert_eq!(s.focus, None);
        assert_eq!(s.tip, None);
        assert_eq!(fx.redraw, [2]);
    }

    #[test]
    fn choosing_a_country_rebuilds_and_updates_the_url_once() {
        let mut s = State::default();
        let th = crate::test_data().data.country("TH");
        let fx = update(&mut s, Msg::SelectCountry(th), series);
        assert!(fx.rebuild && fx.url);
        assert_eq!(s.country, th);
        let fx = update(&mut s, Msg::SelectCountry(th), series);
        assert!(
            !fx.rebuild && !fx.url,
            "the same choice again changes nothing"
        );
    }

    #[test]
    fn sections_seen_update_the_url_and_navigation_only_when_they_change() {
        let mut s = State::default();
        let fx = update(&mut s, Msg::SectionSeen("trust".into()), series);
        assert!(fx.url && fx.nav);
        let fx = update(&mut s, Msg::SectionSeen("trust".into()), series);
        assert!(!fx.url && !fx.nav);
        assert!(!update(&mut s, Msg::Focus { chart: 0 }, series).nav);
        assert_eq!(s.section.as_deref(), Some("trust"));
    }

    #[test]
    fn points_are_described_with_value_year_and_base() {
        let b = crate::test_data();
        let c = crate::spec::build(&b, "trust-2024").unwrap();
        let ui = &b.strings.ui;
        assert_eq!(
            describe(&c, (0, 0), ui).unwrap(),
            "Japan, Trust: 58.9%. 2024, all respondents."
        );
        assert_eq!(
            describe(&c, (0, 1), ui).unwrap(),
            "Japan, Distrust: not published."
        );
        let r = crate::spec::build(&b, "rivalry-response").unwrap();
        let last = r.rows.len() - 1;
        assert!(describe(&r, (last, 0), ui).unwrap().contains("derived"));
        assert_eq!(describe(&c, (9, 0), ui), None);
    }

    #[test]
    fn a_point_is_said_in_the_editions_own_templates_and_era() {
        use crate::spec::{synthetic, Kind};
        let mut c = synthetic(
            Kind::Bars,
            &[("A", true, None), ("B", false, None)],
            &[("R", false, &[Some("4.5"), None])],
        );
        c.locale.year_offset = 543;
        c.locale.date_year = "ปี {year}".into();
        let ui = Ui {
            point_name: "{row} / {series}".into(),
            point: "{name} = {value} [{year}; {base}]".into(),
            point_missing: "{name} = {not_published}".into(),
            not_published: "n/p".into(),
            ..Ui::default()
        };
        assert_eq!(
            describe(&c, (0, 0), &ui).unwrap(),
            "R / A = 4.5% [ปี 2567; all]"
        );
        assert_eq!(describe(&c, (0, 1), &ui).unwrap(), "R / B = n/p");
    }

    #[test]
    fn copy_with_source_gives_the_picked_value_or_the_chart_with_source_and_address() {
        let b = crate::test_data();
        let c = crate::spec::build(&b, "trust-2024").unwrap();
        let ui = &b.strings.ui;
        let report = "https://example.org/r/";
        let source = c.source.plain(ui);
        assert_eq!(
            copy_text(&c, Some((0, 0)), ui, report),
            format!(
                "{}: Japan, Trust: 58.9%. 2024, all respondents.\n{source}\nhttps://example.org/r/#v-trust-2024-trust-2024-asean-japan",
                c.title
            )
        );
        // A value not published, or none picked: the chart itself.
        let chart = format!(
            "{}\n{}\n{source}\nhttps://example.org/r/#chart-trust-2024",
            c.title, c.takeaway
        );
        assert_eq!(copy_text(&c, Some((0, 1)), ui, report), chart);
        assert_eq!(copy_text(&c, None, ui, report), chart);
    }

    #[test]
    fn the_picked_value_follows_keys_taps_and_clicks_and_a_new_view_forgets_it() {
        let mut s = State::default();
        update(&mut s, Msg::Focus { chart: 0 }, series);
        key(&mut s, Key::Next);
        key(&mut s, Key::Next);
        assert_eq!(s.picked, Some((0, (0, 1))));
        // Leaving the chart for the button keeps it.
        update(&mut s, Msg::Blur { chart: 0 }, series);
        update(&mut s, Msg::TapOutside, series);
        assert_eq!(s.picked, Some((0, (0, 1))));
        update(
            &mut s,
            Msg::Pick {
                chart: 1,
                at: Some((3, 1)),
            },
            series,
        );
        assert_eq!(s.picked, Some((1, (3, 1))));
        update(
            &mut s,
            Msg::Tap {
                chart: 0,
                at: Some((1, 0)),
            },
            series,
        );
        assert_eq!(s.picked, Some((0, (1, 0))));
        update(&mut s, Msg::Pick { chart: 0, at: None }, series);
        assert_eq!(s.picked, None);
        update(
            &mut s,
            Msg::Tap {
                chart: 0,
                at: Some((1, 0)),
            },
            series,
        );
        let th = crate::test_data().data.members().find(|c| c.code() == "TH");
        update(&mut s, Msg::SelectCountry(th), series);
        assert_eq!(s.picked, None);
    }
}
