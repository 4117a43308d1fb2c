//! The quotation table of a comparison: one row per pair of quotations
//! (left wording | right wording, words only one side prints struck
//! through on the left and underlined on the right), then the quotations
//! each side has alone. Drawn from the table layout cached in the state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::super::app::App;
use super::super::layout::{self, CompareAreas, TableColumns};
use super::super::theme::Theme;
use super::text::{StyledRange, count, spans_for, truncate};
use crate::corpus::Article;
use crate::quotes::Quote;
use crate::tui::app::compare::{CompareState, Side, TableLine, TableRow, TableSection};

/// The left edge of the cursor row's lines.
const ROW_BAR: &str = "▌";

pub fn render(app: &App, c: &CompareState, areas: &CompareAreas, buf: &mut Buffer) {
    let t = &app.theme;
    let main = areas.main;
    let rows = c.table.rows.len();
    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(" Quotations ")
        .title_bottom(legend(t, areas.stacked));
    if rows > 0 {
        block = block
            .title_bottom(Line::raw(format!(" {}/{rows} ", c.table.cursor + 1)).right_aligned());
    }
    block.render(main, buf);
    let ta = layout::table_areas(main);
    let Some(tl) = c.table.layout.as_ref() else {
        return;
    };
    let (Some(la), Some(ra)) = (
        app.articles.get(c.left.article),
        app.articles.get(c.right.article),
    ) else {
        return;
    };
    render_heading(t, (la, ra), ta.columns, areas.stacked, ta.heading, buf);
    if tl.lines.is_empty() {
        let msg = "Neither article quotes anyone";
        Line::styled(truncate(msg, ta.body.width as usize), t.dim).render(ta.body, buf);
        return;
    }
    let cols = ta.columns;
    for (n, line) in tl
        .lines
        .iter()
        .skip(c.table.scroll)
        .take(ta.body.height as usize)
        .enumerate()
    {
        let y = ta.body.y + n as u16;
        let full = Rect {
            y,
            height: 1,
            ..ta.body
        };
        match line {
            TableLine::Blank => {}
            TableLine::Section(s) => {
                section_line(c, *s, areas.stacked, t).render(full, buf);
            }
            TableLine::Head { row, side } => {
                if let Some(h) = head_cells(app, c, *row, *side, areas.stacked) {
                    let (nx, nw) = cols.number;
                    h.number.render(cell((nx, nw.saturating_sub(1)), y), buf);
                    h.left.render(cell(cols.left, y), buf);
                    if let Some(r) = h.right {
                        r.render(cell(cols.right, y), buf);
                        separator(cols, y, t, buf);
                    }
                }
                if *row == c.table.cursor {
                    // The head line is one solid highlight, whatever the
                    // speakers' colours.
                    buf.set_style(full, t.selection);
                }
            }
            TableLine::Text { row, left, right } => {
                if *row == c.table.cursor {
                    buf.set_string(cols.number.0, y, ROW_BAR, t.border_focused);
                }
                let diff = match c.table.rows.get(*row) {
                    Some(TableRow::Pair(k)) => c.diffs.get(*k),
                    _ => None,
                };
                if let Some(r) = left {
                    let styled = marks(diff.map(|d| d.deleted.as_slice()), t.diff_delete);
                    let spans = spans_for(&la.text, r.clone(), t.text, &styled);
                    Line::from(spans).render(cell(cols.left, y), buf);
                }
                if let Some(r) = right {
                    let styled = marks(diff.map(|d| d.inserted.as_slice()), t.diff_insert);
                    let spans = spans_for(&ra.text, r.clone(), t.text, &styled);
                    Line::from(spans).render(cell(cols.right, y), buf);
                }
                separator(cols, y, t, buf);
            }
        }
    }
}

/// A one-row area for a column.
fn cell((x, width): (u16, u16), y: u16) -> Rect {
    Rect {
        x,
        y,
        width,
        height: 1,
    }
}

fn separator(cols: TableColumns, y: u16, t: &Theme, buf: &mut Buffer) {
    if !cols.stacked && cols.left.1 > 0 {
        let x = cols.left.0 + cols.left.1 + 1;
        if x < cols.right.0 {
            buf.set_string(x, y, "│", t.border);
        }
    }
}

fn marks(ranges: Option<&[std::ops::Range<usize>]>, style: Style) -> Vec<StyledRange> {
    ranges
        .unwrap_or_default()
        .iter()
        .map(|r| StyledRange {
            start: r.start,
            end: r.end,
            style,
        })
        .collect()
}

/// "struck: only left · underlined: only right", each word in its style.
fn legend<'a>(t: &Theme, stacked: bool) -> Line<'a> {
    let (l, r) = (Side::Left.name(stacked), Side::Right.name(stacked));
    Line::from(vec![
        Span::raw(" "),
        Span::styled("struck", t.diff_delete),
        Span::styled(format!(" only {l} · "), t.dim),
        Span::styled("underlined", t.diff_insert),
        Span::styled(format!(" only {r} "), t.dim),
    ])
}

/// The two titles over their columns, and a rule.
fn render_heading(
    t: &Theme,
    (la, ra): (&Article, &Article),
    cols: TableColumns,
    stacked: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.height == 0 {
        return;
    }
    let title = |side: Side, a: &Article, width: u16| {
        let s = format!("{}: {}", side.name(stacked), one_line(&a.title));
        Line::styled(truncate(&s, width as usize), t.title)
    };
    if cols.stacked {
        let (x, w) = cols.left;
        let both = format!(
            "{}: {}  /  {}: {}",
            Side::Left.name(stacked),
            one_line(&la.title),
            Side::Right.name(stacked),
            one_line(&ra.title)
        );
        Line::styled(truncate(&both, w as usize), t.title).render(cell((x, w), area.y), buf);
    } else {
        title(Side::Left, la, cols.left.1).render(cell(cols.left, area.y), buf);
        title(Side::Right, ra, cols.right.1).render(cell(cols.right, area.y), buf);
        separator(cols, area.y, t, buf);
    }
    if area.height > 1 {
        Line::styled("─".repeat(area.width as usize), t.border).render(
            Rect {
                y: area.y + 1,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

/// "Shared statements: 1 (2 pairs)", "Only in the left article: 18".
fn section_line<'a>(c: &CompareState, s: TableSection, stacked: bool, t: &Theme) -> Line<'a> {
    let cmp = &c.comparison;
    let text = match s {
        TableSection::Shared => {
            let n = cmp.groups.count as usize;
            let mut s = format!(" Shared statements: {n}");
            if cmp.pairs.len() != n {
                s.push_str(&format!(" ({})", count(cmp.pairs.len(), "pair")));
            }
            s
        }
        TableSection::Only(side) => {
            let n = match side {
                Side::Left => cmp.left_only.len(),
                Side::Right => cmp.right_only.len(),
            };
            format!(" Only in the {} article: {n}", side.name(stacked))
        }
    };
    Line::styled(text, t.overlay_heading)
}

/// What a row's first line shows: its number, and who speaks on the
/// left and the right (only `left` is used when the sides are stacked).
struct HeadCells {
    number: Line<'static>,
    left: Line<'static>,
    right: Option<Line<'static>>,
}

fn head_cells(
    app: &App,
    c: &CompareState,
    row: usize,
    side: Option<Side>,
    stacked: bool,
) -> Option<HeadCells> {
    let t = &app.theme;
    let kind = *c.table.rows.get(row)?;
    let (l, r) = c.row_quotes(kind);
    let pair = match kind {
        TableRow::Pair(k) => c.comparison.pairs.get(k),
        TableRow::Only(..) => None,
    };
    // The shared statement's number, as in the panes' gutters.
    let label = match pair.and_then(|p| c.comparison.group_of(p)) {
        Some(g) => Span::styled(format!("{g:>2}"), t.group_marker),
        None => Span::styled(" ·", t.dim),
    };
    let similarity = pair.map(|p| format!(" · {:.0}% alike", p.similarity * 100.0));
    let who = |s: Side, i: Option<usize>, prefix: bool| -> Line<'static> {
        let Some(q) = i.and_then(|i| c.pane(s).quotes.quotes().get(i)) else {
            return Line::styled("—", t.dim);
        };
        let mut spans = Vec::new();
        if prefix {
            spans.push(Span::styled(format!("{}: ", s.name(stacked)), t.dim));
        }
        spans.push(speaker_span(app, c, s, q));
        spans.push(Span::styled(format!(" · ¶{}", q.paragraph + 1), t.dim));
        if s == Side::Right
            && let Some(sim) = &similarity
        {
            spans.push(Span::styled(sim.clone(), t.dim));
        }
        Line::from(spans)
    };
    let (left, right) = match side {
        None => (who(Side::Left, l, false), Some(who(Side::Right, r, false))),
        Some(Side::Left) => (who(Side::Left, l, true), None),
        Some(Side::Right) => (who(Side::Right, r, true), None),
    };
    Some(HeadCells {
        number: Line::from(vec![Span::raw(" "), label]),
        left,
        right,
    })
}

/// The speaker's name in their colour, or why nobody is named.
fn speaker_span(app: &App, c: &CompareState, side: Side, q: &Quote) -> Span<'static> {
    let t = &app.theme;
    let v = &c.pane(side).quotes;
    match v.found.speaker_of(q) {
        Some(s) => {
            let colour = v.slot_of(q).map_or(t.text, |slot| t.speaker_colour(slot));
            Span::styled(s.name.clone(), t.speaker.patch(colour))
        }
        None => Span::styled(v.who(q), t.dim),
    }
}

/// Soft line breaks read as spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
