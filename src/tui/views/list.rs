//! The article list: title, then byline/source and word count, per row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::super::app::App;
use super::super::layout::{self, Focus, LIST_ROW_HEIGHT};
use super::text::truncate;
use crate::corpus::Article;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::List;
    let t = &app.theme;
    let title = if app.loading.done {
        format!(" Articles ({}) ", app.order.len())
    } else {
        format!(" Articles ({}, loading…) ", app.order.len())
    };
    let mut block = Block::bordered()
        .title(title)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused { t.border_focused } else { t.border });
    let rows = app.list_rows();
    if app.order.len() > rows && rows > 0 {
        let pos = format!(" {}/{} ", app.selected + 1, app.order.len());
        block = block.title_bottom(Line::raw(pos).right_aligned());
    }
    let inner = layout::inner(area);
    block.render(area, buf);
    if app.order.is_empty() {
        let msg = if app.loading.done {
            "No articles"
        } else {
            "Loading…"
        };
        Paragraph::new(Line::styled(msg, t.dim).centered()).render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    for (row, pos) in (app.list_offset..app.order.len()).take(rows).enumerate() {
        let article = &app.articles[app.order[pos]];
        let y = inner.y + row as u16 * LIST_ROW_HEIGHT;
        let row_area = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: LIST_ROW_HEIGHT.min(inner.bottom() - y),
        };
        // The selected row is one solid style, so it reads the same in any
        // theme and without colour.
        let (row_style, title_style, sub_style) = if pos != app.selected {
            (t.text, t.title, t.dim)
        } else {
            let s = if focused {
                t.selection
            } else {
                t.selection_unfocused
            };
            (s, s, s)
        };
        let lines = vec![
            Line::from(Span::styled(
                format!(" {}", truncate(&article.title, width.saturating_sub(1))),
                title_style,
            )),
            Line::from(Span::styled(
                format!(
                    "   {}",
                    truncate(&subtitle(article), width.saturating_sub(3))
                ),
                sub_style,
            )),
        ];
        Paragraph::new(lines).style(row_style).render(row_area, buf);
    }
}

/// "Byline · Source · 751 words".
fn subtitle(a: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(a.byline.clone());
    parts.extend(a.source.clone());
    parts.push(format!("{} words", a.words));
    parts.join(" · ")
}
