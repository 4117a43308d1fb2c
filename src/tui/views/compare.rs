//! The comparison of two articles: a summary line over two reading panes
//! (side by side, or stacked on narrow terminals), each drawn with the
//! reader's own pieces, the shared statements numbered in the gutters.
//! The table of quotations is in [`super::compare_table`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::app::App;
use super::super::compare_view::{CompareMode, CompareState, Side};
use super::super::layout::CompareAreas;
use super::super::theme::Theme;
use super::compare_table;
use super::reader::{self, Markers, PaneContent};
use super::text::count;

/// Below this inner height a comparison pane's header is the title alone
/// (the panes are half the height of the reader when stacked).
pub const COMPACT_HEADER_BELOW: u16 = 14;

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
        compact_below: COMPACT_HEADER_BELOW,
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

/// The summary in decreasing length: (text, emphasised) runs.
fn summary_forms(c: &CompareState, stacked: bool) -> Vec<Vec<(String, bool)>> {
    let cmp = &c.comparison;
    let (l, r) = (Side::Left.name(stacked), Side::Right.name(stacked));
    let shared = cmp.groups.count as usize;
    let pairs = if cmp.pairs.len() != shared {
        format!(" ({})", count(cmp.pairs.len(), "pair"))
    } else {
        String::new()
    };
    let (lo, ro) = (cmp.left_only.len(), cmp.right_only.len());
    let sp = &cmp.speakers;
    let (sb, sl, sr) = (sp.both.len(), sp.left_only.len(), sp.right_only.len());
    let n = |v: usize| (v.to_string(), true);
    let s = |v: &str| (v.to_string(), false);
    let statement = if shared == 1 {
        " shared statement"
    } else {
        " shared statements"
    };
    let quotation = if lo == 1 {
        " quotation only "
    } else {
        " quotations only "
    };
    vec![
        vec![
            s(" "),
            n(shared),
            s(&format!("{statement}{pairs} · ")),
            n(lo),
            s(&format!("{quotation}{l} · ")),
            n(ro),
            s(&format!(" only {r} · speakers: ")),
            n(sb),
            s(" in both, "),
            n(sl),
            s(&format!(" only {l}, ")),
            n(sr),
            s(&format!(" only {r}")),
        ],
        vec![
            s(" "),
            n(shared),
            s(" shared · "),
            n(lo),
            s(&format!(" only {l} · ")),
            n(ro),
            s(&format!(" only {r} · speakers ")),
            n(sb),
            s(" both, "),
            n(sl),
            s(&format!(" {l}, ")),
            n(sr),
            s(&format!(" {r}")),
        ],
        vec![
            s(" "),
            n(shared),
            s(" shared · "),
            n(lo),
            s(&format!(" only {l} · ")),
            n(ro),
            s(&format!(" only {r}")),
        ],
        vec![s(" "), n(shared), s(" shared")],
    ]
}
