//! The statements view: on the left every statement with its speaker,
//! outlets and dates, and its most common wording; on the right the
//! selected one's renderings, earliest first, each with where it ran and
//! its words against the common wording (struck through: left out;
//! underlined: put in). Drawn from the state only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::super::app::App;
use super::super::layout::{self, Panes, SPEAKER_ROWS};
use super::speakers::{block, notice, progress_text};
use super::text::{count, truncate};
use crate::statements::Statement;
use crate::tui::app::statements::{RENDERING_INDENT, RowKind, Seg, StatementsPane, StatementsView};
use crate::wrap::display_width;

pub fn render(app: &App, v: &StatementsView, panes: &Panes, buf: &mut Buffer) {
    if let Some(r) = panes.list {
        render_list(app, v, r, buf);
    }
    if let Some(r) = panes.reader {
        render_renderings(app, v, r, buf);
    }
}

/// "3 outlets · 4 articles · 30 Mar–1 Apr".
pub fn summary(s: &Statement) -> String {
    let mut parts = vec![
        count(s.outlets.len(), "outlet"),
        count(s.articles, "article"),
    ];
    match (s.first, s.last) {
        (Some(f), Some(l)) if f.day != l.day => parts.push(format!("{}–{}", f.short(), l.short())),
        (Some(f), _) => parts.push(f.short()),
        _ => {}
    }
    if !s.carriers.is_empty() {
        parts.push(format!("via {}", s.carriers.join(", ")));
    }
    parts.join(" · ")
}

fn render_list(app: &App, v: &StatementsView, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = v.pane == StatementsPane::List;
    let total = app.statements.as_ref().map_or(0, |s| s.statements.len());
    let title = match &app.statements {
        None => " Statements ".to_string(),
        Some(_) if v.query.trim().is_empty() => format!(" Statements ({total}) "),
        Some(_) => format!(" Statements ({} of {total}) ", v.visible.len()),
    };
    let mut b = block(app, title, focused);
    let rows = app.statement_list_rows();
    if v.visible.len() > rows && rows > 0 {
        let pos = format!(" {}/{} ", v.selected + 1, v.visible.len());
        b = b.title_bottom(Line::raw(pos).right_aligned());
    }
    let inner = layout::inner(area);
    b.render(area, buf);
    let (Some(statements), Some(ix)) = (&app.statements, &app.speakers) else {
        let msg = if app.speakers.is_some() {
            "Grouping the quotations into statements…".to_string()
        } else {
            progress_text(app)
        };
        notice(&msg, t.dim, inner, buf);
        return;
    };
    if v.visible.is_empty() {
        let msg = if total == 0 {
            "No quotation has a named speaker"
        } else {
            "No statement matches"
        };
        notice(msg, t.dim, inner, buf);
        return;
    }
    let width = inner.width as usize;
    for (row, pos) in (v.list_offset..v.visible.len()).take(rows).enumerate() {
        let id = v.visible[pos];
        let s = &statements.statements[id];
        let row_area = layout::list_row(inner, row, SPEAKER_ROWS);
        let selected = pos == v.selected;
        let solid = t.selected(focused);
        let (base, name_style, dim, words) = if selected {
            (solid, solid, solid, solid)
        } else {
            (t.text, t.speaker_colour(s.speaker), t.dim, t.quote)
        };
        let name = &ix.speakers[s.speaker].name;
        let first = Line::from(vec![
            Span::styled(format!(" {}", truncate(name, width / 2)), name_style),
            Span::styled(
                format!(
                    " · {}",
                    truncate(&summary(s), width.saturating_sub(display_width(name) + 4))
                ),
                dim,
            ),
        ]);
        let second = Line::from(Span::styled(
            format!(
                "   “{}”",
                truncate(&app.statement_text(id), width.saturating_sub(5))
            ),
            words,
        ));
        Paragraph::new(vec![first, second])
            .style(base)
            .render(row_area, buf);
    }
}

fn render_renderings(app: &App, v: &StatementsView, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = v.pane == StatementsPane::Renderings;
    let statement = app
        .statements
        .as_ref()
        .zip(v.selected_statement())
        .and_then(|(s, id)| s.statements.get(id));
    let title = match (statement, &app.speakers) {
        (Some(s), Some(ix)) => format!(
            " {} · {} ",
            ix.speakers[s.speaker].name,
            count(s.renderings.len(), "rendering")
        ),
        _ => " Renderings ".to_string(),
    };
    let inner = layout::inner(area);
    block(app, truncate(&title, inner.width as usize), focused).render(area, buf);
    let (Some(_), Some(list)) = (statement, &v.renderings) else {
        return;
    };
    let width = inner.width as usize;
    let lines: Vec<Line> = list
        .rows
        .iter()
        .skip(v.scroll)
        .take(inner.height as usize)
        .map(|row| match row.kind {
            RowKind::Place(n) => {
                let on = n == v.cursor;
                let (gutter, style) = if on { ("▶", t.mark) } else { (" ", t.dim) };
                let text = row.spans.first().map_or("", |(s, _)| s.as_str());
                Line::from(vec![
                    Span::styled(format!(" {gutter} "), style),
                    Span::styled(
                        truncate(text, width.saturating_sub(RENDERING_INDENT)),
                        if on { t.selected(focused) } else { t.title },
                    ),
                ])
            }
            RowKind::Words(_) => {
                let mut spans = vec![Span::raw(" ".repeat(RENDERING_INDENT))];
                let mut room = width.saturating_sub(RENDERING_INDENT);
                for (text, seg) in &row.spans {
                    if room == 0 {
                        break;
                    }
                    let shown = truncate(text, room);
                    room = room.saturating_sub(display_width(&shown));
                    let style = match seg {
                        Seg::Same => t.quote,
                        Seg::Removed => t.diff_delete,
                        Seg::Added => t.diff_insert,
                    };
                    spans.push(Span::styled(shown, style));
                }
                Line::from(spans)
            }
            RowKind::Blank => Line::raw(""),
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
