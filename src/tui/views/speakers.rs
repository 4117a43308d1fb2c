//! The speakers view: on the left every speaker with role, quotations,
//! articles and a bar of their share; on the right the selected speaker's
//! quotations, grouped by article. Drawn from the state only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::layout::{self, Panes, SPEAKER_ROWS};
use super::text::{count, truncate};
use crate::tui::app::speakers::{QUOTE_INDENT, RowKind, SpeakersPane, SpeakersView};

/// Cells of the share bar.
pub const BAR_WIDTH: usize = 8;
/// Eighths of a cell, for the bar's last cell.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

pub fn render(app: &App, v: &SpeakersView, panes: &Panes, buf: &mut Buffer) {
    if let Some(r) = panes.list {
        render_list(app, v, r, buf);
    }
    if let Some(r) = panes.reader {
        render_quotes(app, v, r, buf);
    }
}

pub(super) fn block(app: &App, title: String, focused: bool) -> Block<'static> {
    let t = &app.theme;
    Block::bordered()
        .title(title)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused { t.border_focused } else { t.border })
}

/// "Finding quotations… 4,000 of 20,000 articles".
pub fn progress_text(app: &App) -> String {
    format!(
        "Finding quotations… {} of {}",
        super::text::thousands(app.quotes_found),
        match app.articles.len() {
            1 => "1 article".to_string(),
            n => format!("{} articles", super::text::thousands(n)),
        }
    )
}

fn render_list(app: &App, v: &SpeakersView, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = v.pane == SpeakersPane::List;
    let total = app.speakers.as_ref().map_or(0, |ix| ix.speakers.len());
    let title = match &app.speakers {
        None => " Speakers ".to_string(),
        Some(_) if v.query.trim().is_empty() => format!(" Speakers ({total}) "),
        Some(_) => format!(" Speakers ({} of {total}) ", v.visible.len()),
    };
    let mut b = block(app, title, focused);
    let rows = app.speaker_list_rows();
    if v.visible.len() > rows && rows > 0 {
        let pos = format!(" {}/{} ", v.selected + 1, v.visible.len());
        b = b.title_bottom(Line::raw(pos).right_aligned());
    }
    let inner = layout::inner(area);
    b.render(area, buf);
    let Some(ix) = &app.speakers else {
        notice(&progress_text(app), t.dim, inner, buf);
        return;
    };
    if v.visible.is_empty() {
        let msg = if total == 0 {
            "No quotation has a named speaker"
        } else {
            "No speaker matches"
        };
        notice(msg, t.dim, inner, buf);
        return;
    }
    let width = inner.width as usize;
    let most = ix.speakers.first().map_or(1, |s| s.quotes.len().max(1));
    for (row, pos) in (v.list_offset..v.visible.len()).take(rows).enumerate() {
        let id = v.visible[pos];
        let s = &ix.speakers[id];
        let row_area = layout::list_row(inner, row, SPEAKER_ROWS);
        let selected = pos == v.selected;
        let solid = t.selected(focused);
        let (base, name_style, dim, bar_style) = if selected {
            (solid, solid, solid, solid)
        } else {
            (t.text, t.title, t.dim, t.speaker_colour(id))
        };
        // The unnamed sources' entry is ours, not a name: in italics.
        let name_style = if s.is_unnamed() {
            name_style.add_modifier(Modifier::ITALIC)
        } else {
            name_style
        };
        let n = s.quotes.len().to_string();
        let name_room = width.saturating_sub(n.width() + 3);
        let name = truncate(&s.name, name_room);
        let gap = width.saturating_sub(name.width() + n.width() + 2);
        let first = Line::from(vec![
            Span::styled(format!(" {name}"), name_style),
            Span::styled(format!("{}{n} ", " ".repeat(gap)), dim),
        ]);
        let mut detail = count(s.articles.len(), "article");
        if s.is_unnamed() {
            // One row for every unnamed source: how many (each is its own,
            // never merged across articles).
            detail = format!("{} · {detail}", count(s.members.len(), "source"));
        }
        if let Some(role) = &s.role {
            detail.push_str(" · ");
            detail.push_str(role);
        }
        let bar = share_bar(s.quotes.len(), most, BAR_WIDTH);
        let second = Line::from(vec![
            Span::styled("   ", base),
            Span::styled(format!("{bar:<BAR_WIDTH$}"), bar_style),
            Span::styled(
                format!(
                    " {}",
                    truncate(&detail, width.saturating_sub(BAR_WIDTH + 4))
                ),
                dim,
            ),
        ]);
        Paragraph::new(vec![first, second])
            .style(base)
            .render(row_area, buf);
    }
}

/// A bar `width` cells long at `n` of `most`, in eighths of a cell; at
/// least a sliver for anyone quoted.
pub fn share_bar(n: usize, most: usize, width: usize) -> String {
    let eighths = (n * width * 8).div_ceil(most.max(1)).clamp(1, width * 8);
    let mut s = "█".repeat(eighths / 8);
    s.push_str(EIGHTHS[eighths % 8]);
    s
}

fn render_quotes(app: &App, v: &SpeakersView, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = v.pane == SpeakersPane::Quotes;
    let speaker = app
        .speakers
        .as_ref()
        .zip(v.selected_speaker())
        .and_then(|(ix, s)| ix.speakers.get(s));
    let title = speaker.map_or_else(
        || " Quotations ".to_string(),
        |s| {
            format!(
                " {} · {} in {} ",
                s.name,
                count(s.quotes.len(), "quotation"),
                count(s.articles.len(), "article")
            )
        },
    );
    let inner = layout::inner(area);
    let title = truncate(&title, inner.width as usize);
    block(app, title, focused).render(area, buf);
    let (Some(_), Some(list)) = (speaker, &v.quotes) else {
        let msg = if app.speakers.is_none() {
            progress_text(app)
        } else {
            String::new()
        };
        notice(&msg, t.dim, inner, buf);
        return;
    };
    let width = inner.width as usize;
    let cursor_style = t.selected(focused);
    let colour = v
        .selected_speaker()
        .map_or(Style::new(), |s| t.speaker_colour(s));
    let lines: Vec<Line> = list
        .rows
        .iter()
        .enumerate()
        .skip(v.quote_scroll)
        .take(inner.height as usize)
        .map(|(i, row)| match row.kind {
            RowKind::Title(_) => Line::styled(
                format!(" {}", truncate(&row.text, width.saturating_sub(1))),
                t.title,
            ),
            RowKind::Byline(_) => Line::styled(
                format!(" {}", truncate(&row.text, width.saturating_sub(1))),
                t.dim,
            ),
            RowKind::Quote(n) => {
                let on = n == v.quote_cursor;
                let first = list.starts.get(n) == Some(&i);
                let (gutter, gutter_style) = if on && first {
                    ("▶", t.mark)
                } else {
                    ("▌", colour)
                };
                let text_style = if on { cursor_style } else { t.quote };
                Line::from(vec![
                    Span::styled(format!(" {gutter}"), gutter_style),
                    Span::raw(" ".repeat(QUOTE_INDENT - 2)),
                    Span::styled(
                        truncate(&row.text, width.saturating_sub(QUOTE_INDENT)),
                        text_style,
                    ),
                ])
            }
            RowKind::Note(_) => indented(&row.text, width, t.quote_tag),
            RowKind::Context(_) => indented(&row.text, width, t.dim),
            RowKind::Blank => Line::raw(""),
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// A dim line in the middle of a pane.
/// A row under a quotation (its context, or how it was attributed),
/// indented to the quotation's text.
fn indented(text: &str, width: usize, style: Style) -> Line<'static> {
    Line::styled(
        format!(
            "{}{}",
            " ".repeat(QUOTE_INDENT),
            truncate(text, width.saturating_sub(QUOTE_INDENT))
        ),
        style,
    )
}

pub(super) fn notice(msg: &str, style: Style, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let r = Rect {
        y: area.y + area.height / 2,
        height: 1,
        ..area
    };
    Line::styled(truncate(msg, area.width as usize), style)
        .centered()
        .render(r, buf);
}
