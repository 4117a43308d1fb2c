//! The reading pane: a header (title, byline, length) over the article's
//! wrapped paragraphs, drawn from the layout cached in the app state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::super::action::Action;
use super::super::app::App;
use super::super::layout::{self, Focus};
use super::super::theme::Theme;
use super::text::{StyledRange, spans_for, truncate};
use crate::corpus::{Article, ParagraphKind};
use crate::wrap::{self, LineKind};

/// Below this pane height the header shrinks to the title alone.
const COMPACT_HEADER_BELOW: u16 = 10;
/// Longest title shown in the header, in lines.
const MAX_TITLE_LINES: usize = 2;

/// Rows the header takes for `article` in a pane whose inside is `inner`.
pub fn header_rows(article: &Article, inner: Rect) -> u16 {
    header_parts(article, inner).len() as u16
}

/// What the header shows, line by line, before styling.
enum HeaderPart {
    Title(String),
    Meta(String),
    Notes(String),
    Rule,
}

fn header_parts(article: &Article, inner: Rect) -> Vec<HeaderPart> {
    let width = inner.width.saturating_sub(2) as usize;
    if width == 0 {
        return Vec::new();
    }
    let compact = inner.height < COMPACT_HEADER_BELOW;
    let title_lines = if compact { 1 } else { MAX_TITLE_LINES };
    let wrapped = wrap::wrap(&article.title, 0, width);
    let mut parts: Vec<HeaderPart> = wrapped
        .iter()
        .take(title_lines)
        .enumerate()
        .map(|(i, r)| {
            let last = i + 1 == title_lines && wrapped.len() > title_lines;
            let line = &article.title[r.clone()];
            HeaderPart::Title(if last {
                truncate(&format!("{line} …"), width)
            } else {
                line.to_string()
            })
        })
        .collect();
    if !compact {
        parts.push(HeaderPart::Meta(meta_line(article)));
        if !article.notes.is_empty() {
            let notes: Vec<&str> = article.notes.iter().map(|n| n.0.as_str()).collect();
            parts.push(HeaderPart::Notes(format!("⚠ {}", notes.join("; "))));
        }
    }
    parts.push(HeaderPart::Rule);
    parts
}

/// "by Jane Doe · Reuters · March 3, 2024 · 751 words · 4 min read".
fn meta_line(a: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(b) = &a.byline {
        parts.push(format!("by {b}"));
    }
    parts.extend(a.source.clone());
    parts.extend(a.date.clone());
    parts.push(format!("{} words", a.words));
    parts.push(format!("{} min read", a.reading_minutes()));
    parts.join(" · ")
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = app.focus == Focus::Reader;
    let mut block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused { t.border_focused } else { t.border });
    let Some(article) = app.current() else {
        block.render(area, buf);
        let msg = if app.loading.done {
            "Nothing to read"
        } else {
            "Loading…"
        };
        Paragraph::new(Line::styled(msg, t.dim).centered()).render(layout::inner(area), buf);
        return;
    };
    let Some(areas) = app.reader_areas() else {
        return;
    };
    let Some(doc) = app.reader.layout.as_ref() else {
        return;
    };
    if doc.len() > areas.body.height as usize {
        let last = (app.reader.scroll + areas.body.height as usize).min(doc.len());
        let pct = last * 100 / doc.len().max(1);
        block = block
            .title_bottom(Line::raw(format!(" {last}/{} · {pct}% ", doc.len())).right_aligned());
    }
    block.render(area, buf);
    render_header(
        article,
        t,
        header_parts(article, layout::inner(area)),
        areas.header,
        buf,
    );
    let mut styled: Vec<StyledRange> = article
        .residue
        .iter()
        .map(|r| StyledRange {
            start: r.start,
            end: r.end,
            style: t.noise,
        })
        .collect();
    if let Some((id, matches)) = &app.filter.reader_matches
        && Some(*id) == app.current_index()
    {
        styled.extend(matches.iter().flat_map(|m| &m.ranges).map(|r| StyledRange {
            start: r.start,
            end: r.end,
            style: t.matched,
        }));
        styled.sort_by_key(|r| r.start);
    }

    for (row, line) in doc
        .lines
        .iter()
        .skip(app.reader.scroll)
        .take(areas.text.height as usize)
        .enumerate()
    {
        let y = areas.text.y + row as u16;
        let text_area = Rect {
            y,
            height: 1,
            ..areas.text
        };
        let content = match line.kind {
            LineKind::Blank => continue,
            LineKind::Text { paragraph } => {
                let base = paragraph_style(t, article.paragraphs[paragraph].kind);
                Line::from(spans_for(&article.text, line.range.clone(), base, &styled))
            }
            LineKind::Hidden { count } => Line::styled(
                truncate(
                    &hidden_marker(
                        article,
                        line.range.clone(),
                        count,
                        &app.keymap.hint(Action::ToggleNoise),
                    ),
                    text_area.width as usize,
                ),
                t.hidden_marker,
            ),
        };
        content.render(text_area, buf);
    }
}

fn render_header(
    article: &Article,
    t: &Theme,
    parts: Vec<HeaderPart>,
    area: Rect,
    buf: &mut Buffer,
) {
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    // A title made from the lede is set in italics: it is ours, not theirs.
    let title_style = if article.title_derived {
        t.title.add_modifier(Modifier::ITALIC)
    } else {
        t.title
    };
    let lines: Vec<Line> = parts
        .into_iter()
        .take(area.height as usize)
        .map(|p| match p {
            HeaderPart::Title(s) => Line::styled(s, title_style),
            HeaderPart::Meta(s) => Line::styled(truncate(&s, inner.width as usize), t.dim),
            HeaderPart::Notes(s) => Line::styled(truncate(&s, inner.width as usize), t.warning),
            HeaderPart::Rule => {
                Line::from(Span::styled("─".repeat(inner.width as usize), t.border))
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

fn paragraph_style(t: &Theme, kind: ParagraphKind) -> Style {
    match kind {
        ParagraphKind::Body | ParagraphKind::Headline => t.text,
        ParagraphKind::Caption | ParagraphKind::Byline => t.dim.add_modifier(Modifier::ITALIC),
        ParagraphKind::Boilerplate(_) | ParagraphKind::Duplicate(_) => t.noise,
    }
}

/// "⋯ 3 paragraphs hidden: comment form, repeat · b shows them".
fn hidden_marker(
    article: &Article,
    range: std::ops::Range<usize>,
    count: usize,
    key: &str,
) -> String {
    let mut reasons: Vec<&str> = Vec::new();
    for p in article
        .paragraphs
        .iter()
        .filter(|p| p.start >= range.start && p.end <= range.end)
    {
        let r = match p.kind {
            ParagraphKind::Boilerplate(r) => r,
            ParagraphKind::Duplicate(_) => "repeat",
            _ => continue,
        };
        if !reasons.contains(&r) {
            reasons.push(r);
        }
    }
    // The key first: if the line is cut, it is the reasons that go.
    format!(
        "⋯ {key} shows {} hidden: {}",
        super::text::count(count, "paragraph"),
        reasons.join(", ")
    )
}
