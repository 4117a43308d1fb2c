//! The comparison of two articles: a summary line over two reading panes
//! (side by side, or stacked on narrow terminals), each drawn with the
//! reader's own pieces, the shared statements numbered in the gutters.
//! The table of quotations is in [`super::compare_table`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::app::App;
use super::super::layout::CompareAreas;
use super::super::theme::Theme;
use super::compare_table;
use super::reader::{self, Markers, PaneContent};
use super::text::count;
use crate::tui::app::compare::{CompareMode, CompareState, Side};

/// Below this inner height a comparison pane's header is the title alone
/// (the panes are half the height of the reader when stacked).
pub fn render(app: &App, c: &CompareState, areas: &CompareAreas, buf: &mut Buffer) {
    render_summary(&app.theme, c, areas.stacked, areas.summary, buf);
    match c.mode {
        CompareMode::Panes => {
            for side in [Side::Left, Side::Right] {
                if let Some(r) = areas.pane(side) {
                    render_pane(app, c, side, r, buf);
                }
            }
        }
        CompareMode::Table => compare_table::render(app, c, areas, buf),
    }
}

fn render_pane(app: &App, c: &CompareState, side: Side, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let pane = c.pane(side);
    let (Some(doc), Some(g), Some(article)) = (
        pane.layout.as_ref(),
        app.compare_geometry(),
        app.articles.get(pane.article),
    ) else {
        return;
    };
    let areas = g.areas(side);
    let content = PaneContent {
        article,
        layout: doc,
        quotes: Some(&pane.quotes),
        scroll: pane.scroll,
        cursor: pane.cursor,
        matches: &[],
        markers: Some(Markers {
            groups: c.groups(side),
            width: c.marker_width(),
        }),
        focused: c.active == side,
        compact_below: super::super::layout::COMPARE_COMPACT_HEADER_BELOW,
    };
    reader::render_frame(t, &content, area, areas, buf);
    reader::render_body(t, &app.keymap, &content, areas, buf);
}

/// The summary line: how many statements both quote, how many
/// quotations and speakers only one side has. The longest form that fits.
fn render_summary(t: &Theme, c: &CompareState, stacked: bool, area: Rect, buf: &mut Buffer) {
    let width = area.width as usize;
    let line = summary_forms(c, stacked)
        .into_iter()
        .map(|parts| {
            Line::from(
                parts
                    .into_iter()
                    .map(|(s, strong)| {
                        Span::styled(s, if strong { t.status_key } else { t.status })
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .find(|l| l.width() <= width)
        .unwrap_or_default();
    line.style(t.status).render(area, buf);
}

/// The summary's forms, longest first. `{name}` stands for a value
/// (numbers are emphasised); the rest is said as it is.
const SUMMARY_FORMS: &[&str] = &[
    " {shared}{statement}{pairs} · {lo}{quotation}{l} · {ro} only {r} · \
     speakers: {sb} in both, {sl} only {l}, {sr} only {r}",
    " {shared} shared · {lo} only {l} · {ro} only {r} · speakers {sb} both, {sl} {l}, {sr} {r}",
    " {shared} shared · {lo} only {l} · {ro} only {r}",
    " {shared} shared",
];

/// The summary in decreasing length: (text, emphasised) runs.
fn summary_forms(c: &CompareState, stacked: bool) -> Vec<Vec<(String, bool)>> {
    let cmp = &c.comparison;
    let shared = cmp.groups.count as usize;
    let pairs = if cmp.pairs.len() != shared {
        format!(" ({})", count(cmp.pairs.len(), "pair"))
    } else {
        String::new()
    };
    let lo = cmp.left_only.len();
    let sp = &cmp.speakers;
    let plural = |n: usize, one: &str, many: &str| if n == 1 { one } else { many }.to_string();
    let number = |v: usize| (v.to_string(), true);
    let word = |v: String| (v, false);
    let values: [(&str, (String, bool)); 11] = [
        ("shared", number(shared)),
        ("lo", number(lo)),
        ("ro", number(cmp.right_only.len())),
        ("sb", number(sp.both.len())),
        ("sl", number(sp.left_only.len())),
        ("sr", number(sp.right_only.len())),
        ("l", word(Side::Left.name(stacked).to_string())),
        ("r", word(Side::Right.name(stacked).to_string())),
        ("pairs", word(pairs)),
        (
            "statement",
            word(plural(shared, " shared statement", " shared statements")),
        ),
        (
            "quotation",
            word(plural(lo, " quotation only ", " quotations only ")),
        ),
    ];
    SUMMARY_FORMS
        .iter()
        .map(|form| fill(form, &values))
        .collect()
}

/// `form` with each `{name}` replaced by its value, as runs.
fn fill(form: &str, values: &[(&str, (String, bool))]) -> Vec<(String, bool)> {
    let mut runs = Vec::new();
    let mut rest = form;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if open > 0 {
            runs.push((rest[..open].to_string(), false));
        }
        let name = &rest[open + 1..close];
        if let Some((_, v)) = values.iter().find(|(n, _)| *n == name) {
            runs.push(v.clone());
        }
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        runs.push((rest.to_string(), false));
    }
    runs
}
