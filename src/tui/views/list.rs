//! The article list: title, then byline/source and word count, per row;
//! under a filter, ranked hits with a snippet of the best paragraph.
//! Unread articles have a dot before a bold title; read ones a plain one.

use crate::corpus::date::NewsDate;
use crate::tui::app::copy_list::CopyRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::super::app::App;
use super::super::app::story_list::StoryRow;
use super::super::filter::Snippet;
use super::super::layout::{self, Focus};
use super::text::{StyledRange, spans_for, truncate};
use crate::corpus::Article;

/// Before the title of the article marked for a comparison.
pub const MARK: &str = "●";
/// In the first column of an unread article's row (whose title is also
/// bold), so unread shows without colour.
pub const UNREAD: &str = "•";

/// Context kept before the first match in a snippet: at most this many
/// characters, and at most a quarter of the row.
const SNIPPET_LEAD_CHARS: usize = 24;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::List;
    let t = &app.theme;
    let mut block = Block::bordered()
        .title(list_title(app))
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
        let msg = if app.filter.active() {
            "No article matches"
        } else if app.loading.done {
            "No articles"
        } else {
            "Loading…"
        };
        Paragraph::new(Line::styled(msg, t.dim).centered()).render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    let row_height = app.list_row_height();
    for (row, pos) in (app.list_offset..app.order.len()).take(rows).enumerate() {
        let id = app.order[pos];
        let article = &app.articles[id];
        let row_area = layout::list_row(inner, row, row_height);
        // The selected row is one solid style, so it reads the same in any
        // theme and without colour.
        let unread = !app.reading.is_read(article.content_hash);
        let (row_style, title_style, sub_style) = if pos != app.selected {
            (t.text, if unread { t.title } else { t.text }, t.dim)
        } else {
            let s = t.selected(focused);
            (s, s, s)
        };
        let mut sub = subtitle(article, app.date_of(id));
        if let Some(hit) = app.filter.hit(id) {
            let n = hit.matching_paragraphs;
            sub = format!("{n} ¶ · {sub}");
        }
        match app.copy_fold.row(id, app.copies.as_deref()) {
            Some(CopyRow::Lead { copies, open }) => {
                let outlets = app
                    .copies
                    .as_ref()
                    .and_then(|c| c.group_of(id))
                    .map(|g| g.outlets(&app.articles).join(", "))
                    .unwrap_or_default();
                let n = if copies == 1 {
                    "+1 copy".to_string()
                } else {
                    format!("+{copies} copies")
                };
                let fold = if open { "▾" } else { "▸" };
                sub = format!("{fold} {n} · {outlets} · {sub}");
            }
            Some(CopyRow::Copy { changes }) => sub = format!("↳ copy: {changes} · {sub}"),
            None => {}
        }
        let gutter = Span::styled(if unread { UNREAD } else { " " }, title_style);
        let story = app.story_list.row(id);
        let title = if let Some(StoryRow::Head {
            story,
            listed,
            open,
        }) = story
        {
            let head = story_head(app, story, listed, open, &article.title);
            Line::from(vec![
                gutter,
                Span::styled(
                    format!(" {}", truncate(&head, width.saturating_sub(2))),
                    title_style,
                ),
            ])
        } else if story == Some(StoryRow::Member) {
            Line::from(vec![
                gutter,
                Span::styled(
                    format!("   {}", truncate(&article.title, width.saturating_sub(4))),
                    title_style,
                ),
            ])
        } else if app.marked == Some(id) {
            // The mark keeps its own style except on the solid selection.
            let mark_style = if pos == app.selected {
                title_style
            } else {
                t.mark
            };
            Line::from(vec![
                gutter,
                Span::styled(" ", title_style),
                Span::styled(MARK, mark_style),
                Span::styled(
                    format!(" {}", truncate(&article.title, width.saturating_sub(4))),
                    title_style,
                ),
            ])
        } else {
            Line::from(vec![
                gutter,
                Span::styled(
                    format!(" {}", truncate(&article.title, width.saturating_sub(2))),
                    title_style,
                ),
            ])
        };
        let mut lines = vec![
            title,
            Line::from(Span::styled(
                format!("   {}", truncate(&sub, width.saturating_sub(3))),
                sub_style,
            )),
        ];
        if app.filter.active()
            && let Some(snippet) = app.filter.snippets.get(&id)
        {
            let lead = SNIPPET_LEAD_CHARS.min(width / 4);
            lines.push(snippet_line(
                article,
                snippet,
                lead,
                row_style.patch(t.dim),
                t.matched,
            ));
        }
        Paragraph::new(lines).style(row_style).render(row_area, buf);
    }
}

/// "▸ 5 articles · Reuters, AP, BBC — lead title": a folded story's row
/// (▾ when opened out). The outlets are the whole story's.
fn story_head(app: &App, story: usize, listed: usize, open: bool, title: &str) -> String {
    let outlets = app
        .stories
        .as_ref()
        .and_then(|s| s.stories.get(story))
        .map(|s| s.outlets.join(", "))
        .unwrap_or_default();
    let fold = if open { "▾" } else { "▸" };
    format!("{fold} {listed} articles · {outlets} — {title}")
}

/// " Articles (5) ", " Articles (12 of 2000) ", " Articles (4 rows by
/// story) ", with loading and searching shown while they last.
fn list_title(app: &App) -> String {
    let loading = if app.loading.done { "" } else { ", loading…" };
    match (&app.filter.results, app.filter.active()) {
        (Some(r), true) => {
            let searching = if r.complete { "" } else { ", searching…" };
            format!(
                " Articles ({} of {}{searching}{loading}) ",
                r.matched, r.total
            )
        }
        _ if app.story_list.on => {
            format!(" Articles ({} rows by story{loading}) ", app.order.len())
        }
        _ => format!(" Articles ({}{loading}) ", app.order.len()),
    }
}

/// "Byline · Source · 751 words".
fn subtitle(a: &Article, date: Option<NewsDate>) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(a.byline.clone());
    // A page whose author is its outlet ("BBC News") says it once.
    parts.extend(a.source.clone().filter(|s| Some(s) != a.byline.as_ref()));
    parts.extend(date.map(|d| d.short()));
    parts.push(format!("{} words", a.words));
    parts.join(" · ")
}

/// The best paragraph from a little before its first match, matches
/// highlighted; the row clips what does not fit.
fn snippet_line<'a>(
    article: &'a Article,
    snippet: &Snippet,
    lead: usize,
    base: Style,
    matched: Style,
) -> Line<'a> {
    let Some(p) = article.paragraphs.get(snippet.paragraph) else {
        return Line::default();
    };
    let first = snippet.ranges.first().map_or(p.start, |r| r.start);
    let text = &article.text;
    // Back up a few characters, then forward to a word start.
    let mut start = first;
    for (n, (i, _)) in text[p.start..first].char_indices().rev().enumerate() {
        start = p.start + i;
        if n >= lead {
            break;
        }
    }
    if start > p.start
        && let Some(sp) = text[start..first].find(' ')
    {
        start += sp + 1;
    }
    let styled: Vec<StyledRange> = snippet
        .ranges
        .iter()
        .map(|r| StyledRange {
            start: r.start,
            end: r.end,
            style: matched,
        })
        .collect();
    let mut spans = vec![Span::styled(
        if start > p.start { "   …" } else { "   " },
        base,
    )];
    spans.extend(spans_for(text, start..p.end, base, &styled));
    Line::from(spans)
}
