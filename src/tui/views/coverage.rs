//! The coverage table: speakers down, outlets across, quotations (and
//! articles) per pair; the speaker and total columns stay while the
//! outlets scroll. Drawn from the state only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::super::app::App;
use super::super::layout;
use super::speakers::{notice, progress_text};
use super::text::{count, truncate};
use crate::coverage::Cell;
use crate::tui::app::coverage::{CoverageView, geometry};
use crate::wrap::display_width;

pub fn render(app: &App, v: &CoverageView, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let inner = layout::inner(area);
    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused);
    let Some(table) = &v.table else {
        block.title(" Who gave voice to whom ").render(area, buf);
        notice(&progress_text(app), t.dim, inner, buf);
        return;
    };
    let title = format!(
        " Who gave voice to whom · {} · {} × {} ",
        count(table.quotes(), "quotation"),
        count(table.rows.len(), "speaker"),
        count(table.outlets.len(), "outlet")
    );
    block = block.title(truncate(&title, inner.width as usize));
    let g = geometry(table, inner);
    let row = table.rows.get(v.row);
    let outlet = table.outlets.get(v.col);
    if let (Some(r), Some(o)) = (row, outlet) {
        let c = r.cell(v.col);
        let what = if c.quotes == 0 {
            format!(" {} · {}: none ", r.name, o.name)
        } else {
            format!(
                " {} · {}: {} in {} ",
                r.name,
                o.name,
                count(c.quotes, "quotation"),
                count(c.articles, "article")
            )
        };
        block = block.title_bottom(Line::raw(truncate(&what, inner.width as usize)));
    }
    if table.outlets.len() > g.cols {
        let last = (v.col_offset + g.cols).min(table.outlets.len());
        let pos = format!(
            " outlets {}–{last} of {} ",
            v.col_offset + 1,
            table.outlets.len()
        );
        block = block.title_bottom(Line::raw(pos).right_aligned());
    }
    block.render(area, buf);
    if table.rows.is_empty() {
        notice("No quotation has a speaker", t.dim, inner, buf);
        return;
    }
    let cols = v.col_offset..(v.col_offset + g.cols).min(table.outlets.len());
    let name_cell = |s: &str| {
        let s = truncate(s, g.name.saturating_sub(1));
        let pad = g.name.saturating_sub(display_width(&s));
        format!(" {s}{}", " ".repeat(pad))
    };
    let right = |s: &str, w: usize| {
        let s = truncate(s, w);
        format!("  {}{s}", " ".repeat(w.saturating_sub(display_width(&s))))
    };
    let mut lines: Vec<Line> = Vec::new();
    // The outlets' names; the one under the cursor stands out.
    let mut head = vec![
        Span::styled(name_cell("Speaker"), t.dim),
        Span::styled(right("Total", g.total), t.dim),
    ];
    for c in cols.clone() {
        let style = if c == v.col { t.title } else { t.dim };
        let style = if table.outlets[c].named {
            style
        } else {
            style.add_modifier(Modifier::ITALIC)
        };
        head.push(Span::styled(right(&table.outlets[c].name, g.cell), style));
    }
    lines.push(Line::from(head));
    let shown = (v.row_offset..table.rows.len()).take(g.rows);
    for i in shown {
        let r = &table.rows[i];
        let on_row = i == v.row;
        let mut name_style = if on_row { t.title } else { t.text };
        if r.unnamed {
            // The unnamed sources' row is ours, not a name: in italics.
            name_style = name_style.add_modifier(Modifier::ITALIC);
        }
        let mut spans = vec![
            Span::styled(name_cell(&r.name), name_style),
            Span::styled(right(&r.total.to_string(), g.total), t.dim),
        ];
        for c in cols.clone() {
            let cell = r.cell(c);
            let style = cell_style(app, cell, on_row, c == v.col);
            let text = if cell.quotes == 0 {
                "·".to_string()
            } else {
                cell.to_string()
            };
            // The cursor covers the whole cell, not only its digits.
            spans.push(Span::raw("  "));
            let s = truncate(&text, g.cell);
            let padded = format!(
                "{}{s}",
                " ".repeat(g.cell.saturating_sub(display_width(&s)))
            );
            spans.push(Span::styled(padded, style));
        }
        lines.push(Line::from(spans));
    }
    // The outlets' totals.
    let mut foot = vec![
        Span::styled(name_cell("Quotations"), t.dim),
        Span::styled(right(&table.quotes().to_string(), g.total), t.dim),
    ];
    for c in cols {
        foot.push(Span::styled(
            right(&table.outlets[c].quotes.to_string(), g.cell),
            t.dim,
        ));
    }
    // Right under the last row: at most at the pane's bottom, as the
    // rows shown leave exactly one line for it.
    lines.push(Line::from(foot));
    Paragraph::new(lines).render(inner, buf);
}

/// The cursor's cell in the selection's colours; its row and column a
/// shade brighter than the rest; empty cells dim.
fn cell_style(app: &App, cell: Cell, on_row: bool, on_col: bool) -> Style {
    let t = &app.theme;
    match (on_row, on_col) {
        (true, true) => t.selected(true),
        _ if cell.quotes == 0 => t.dim,
        (true, _) | (_, true) => t.title,
        _ => t.text,
    }
}
