//! A story compared: its shared statements down (speaker and most common
//! wording), its articles across (outlet over day), and in each cell `=`
//! (carried in the most common wording), `~` (in other words) or `·` (not
//! carried). The statement column stays while the articles scroll. Drawn
//! from the state only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::super::app::App;
use super::super::layout;
use super::speakers::notice;
use super::text::{count, truncate};
use crate::stories::matrix::Carried;
use crate::tui::app::story_matrix::{ARTICLE_WIDTH, StoryView, carried_words, geometry};
use crate::wrap::display_width;

pub fn render(app: &App, v: &StoryView, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let inner = layout::inner(area);
    let m = &v.matrix;
    let story = app.stories.as_ref().and_then(|s| s.stories.get(v.story));
    let title = match story {
        Some(s) => format!(
            " {} · {} · {} ",
            s.title,
            count(s.articles.len(), "article"),
            count(s.outlets.len(), "outlet")
        ),
        None => " Story ".into(),
    };
    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(truncate(&title, inner.width as usize));
    if let (Some(row), Some((outlet, day))) = (m.cells.get(v.row), v.columns.get(v.col)) {
        let carried = row[v.col];
        let day = day
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        let what = format!(" {outlet}{day}: {} ", carried_words(carried));
        block = block.title_bottom(Line::raw(truncate(&what, inner.width as usize)));
    }
    let g = geometry(v, inner);
    if m.articles.len() > g.cols {
        let last = (v.col_offset + g.cols).min(m.articles.len());
        let pos = format!(
            " articles {}–{last} of {} ",
            v.col_offset + 1,
            m.articles.len()
        );
        block = block.title_bottom(Line::raw(pos).right_aligned());
    }
    block.render(area, buf);
    let cols = v.col_offset..(v.col_offset + g.cols).min(m.articles.len());
    let label = |s: &str| {
        let s = truncate(s, g.label.saturating_sub(1));
        format!(
            " {s}{}",
            " ".repeat(g.label.saturating_sub(display_width(&s) + 1))
        )
    };
    let column = |s: &str| {
        let s = truncate(s, ARTICLE_WIDTH);
        format!(
            " {s}{}",
            " ".repeat(ARTICLE_WIDTH.saturating_sub(display_width(&s)))
        )
    };
    let mut lines: Vec<Line> = Vec::new();
    for row in 0..2 {
        let mut head = vec![Span::styled(
            label(if row == 0 { "Statement" } else { "" }),
            t.dim,
        )];
        for c in cols.clone() {
            let (outlet, day) = &v.columns[c];
            let text = if row == 0 {
                outlet.as_str()
            } else {
                day.as_deref().unwrap_or("")
            };
            let style = if c == v.col { t.title } else { t.dim };
            head.push(Span::styled(column(text), style));
        }
        lines.push(Line::from(head));
    }
    if m.statements.is_empty() {
        Paragraph::new(lines).render(inner, buf);
        let below = Rect {
            y: inner.y + 2,
            height: inner.height.saturating_sub(2),
            ..inner
        };
        notice(
            "No statement is carried by two of its articles",
            t.dim,
            below,
            buf,
        );
        return;
    }
    for r in (v.row_offset..m.statements.len()).take(g.rows) {
        let on_row = r == v.row;
        let mut spans = vec![Span::styled(
            label(&v.labels[r]),
            if on_row { t.title } else { t.text },
        )];
        for c in cols.clone() {
            let cell = m.cells[r][c];
            let mark = match cell {
                Carried::Common => "=",
                Carried::Other => "~",
                Carried::No => "·",
            };
            // The mark centred under its outlet; the cursor covers the
            // whole cell.
            let left = ARTICLE_WIDTH / 2;
            let text = format!(
                " {}{mark}{}",
                " ".repeat(left),
                " ".repeat(ARTICLE_WIDTH - left - 1)
            );
            spans.push(Span::styled(
                text,
                cell_style(app, cell, on_row, c == v.col),
            ));
        }
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// The cursor's cell in the selection's colours; carried cells in the
/// quotation colour (the most common wording) or the diff's (other
/// words); cells not carried dim.
fn cell_style(app: &App, cell: Carried, on_row: bool, on_col: bool) -> Style {
    let t = &app.theme;
    if on_row && on_col {
        return t.selected(true);
    }
    match cell {
        Carried::Common => t.quote,
        Carried::Other => t.diff_insert,
        Carried::No => t.dim,
    }
}
