//! The reading pane: a header (title, byline, length) over the article's
//! wrapped paragraphs, drawn from the layout cached in the app state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::super::action::Action;
use super::super::app::App;
use super::super::header::{HeaderPart, header_parts};
use super::super::keymap::KeyMap;
use super::super::layout::{self, Focus, ReaderAreas};
use super::super::theme::Theme;
use super::text::{StyledRange, spans_for, truncate};
use crate::corpus::{Article, Emphasis, ParagraphKind};
use crate::quotes::Attribution;
use crate::search::ParagraphMatch;
use crate::tui::app::shown_quotes::{QuoteView, notes};
use crate::wrap::{self, ArticleLayout, DocLine, LineKind};

/// Gutter glyphs: a quotation's bar, and the quotation `]`/`[` went to.
const QUOTE_BAR: &str = "▌";
const QUOTE_CURSOR: &str = "▶";

/// One article pane's content, as the reader and each side of a
/// comparison draw it: everything is computed before drawing.
pub struct PaneContent<'a> {
    pub article: &'a Article,
    pub layout: &'a ArticleLayout,
    pub quotes: Option<&'a QuoteView>,
    pub scroll: usize,
    /// The quotation shown in bold with an arrow in the gutter.
    pub cursor: Option<usize>,
    /// Filter matches to highlight.
    pub matches: &'a [ParagraphMatch],
    /// Shared-statement numbers for the gutter (comparing).
    pub markers: Option<Markers<'a>>,
    pub focused: bool,
    /// Below this inner height the header shows the title alone.
    pub compact_below: u16,
}

/// The numbers beside quotations two articles share.
#[derive(Debug, Clone, Copy)]
pub struct Markers<'a> {
    /// Per quotation, its shared statement's number.
    pub groups: &'a [Option<u32>],
    /// Columns kept for them, left of the quotation bar.
    pub width: u16,
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = app.focus == Focus::Reader;
    let Some(article) = app.current() else {
        pane_block(t, focused).render(area, buf);
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
        // A long article being laid out on a thread: the keys still work.
        pane_block(t, focused).render(area, buf);
        let msg = format!(
            "Laying out {} ({})…",
            if app.reader.quotes_only {
                "its quotations"
            } else {
                "the article"
            },
            megabytes(article.text.len())
        );
        Paragraph::new(vec![Line::raw(""), Line::styled(msg, t.dim).centered()])
            .render(layout::inner(area), buf);
        return;
    };
    let matches = app.shown_matches().unwrap_or(&[]);
    let pane = PaneContent {
        article,
        layout: doc,
        quotes: app.reader.quotes.as_ref(),
        scroll: app.reader.scroll,
        cursor: app.reader.quote_cursor,
        matches,
        markers: None,
        focused,
        compact_below: layout::READER_COMPACT_HEADER_BELOW,
    };
    render_frame(t, &pane, area, areas, buf);
    if doc.is_empty() && app.reader.quotes_only {
        let msg = format!(
            "No quotations · {} shows the article",
            app.keymap.hint(Action::ToggleQuotesOnly)
        );
        Line::styled(truncate(&msg, areas.text.width as usize), t.dim).render(areas.text, buf);
        return;
    }
    render_body(t, &app.keymap, &pane, areas, buf);
}

/// A pane's border: thick and in the accent when it has the keyboard.
fn pane_block<'a>(t: &Theme, focused: bool) -> Block<'a> {
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused { t.border_focused } else { t.border })
}

/// An article pane's border (with "33/110 · 30%" when the article is
/// longer than the pane) and header.
pub fn render_frame(t: &Theme, p: &PaneContent, area: Rect, areas: ReaderAreas, buf: &mut Buffer) {
    let mut block = pane_block(t, p.focused);
    let doc = p.layout;
    if doc.len() > areas.body.height as usize {
        let last = (p.scroll + areas.body.height as usize).min(doc.len());
        let pct = last * 100 / doc.len().max(1);
        block = block
            .title_bottom(Line::raw(format!(" {last}/{} · {pct}% ", doc.len())).right_aligned());
    }
    block.render(area, buf);
    let parts = header_parts(p.article, p.quotes, layout::inner(area), p.compact_below);
    render_header(p.article, t, parts, areas.header, buf);
}

/// An article pane's text from its scroll position: highlights, gutter
/// bars and markers, speaker tags, hidden-paragraph markers.
pub fn render_body(
    t: &Theme,
    keymap: &KeyMap,
    p: &PaneContent,
    areas: ReaderAreas,
    buf: &mut Buffer,
) {
    let article = p.article;
    let shown: Vec<&DocLine> = p
        .layout
        .lines
        .iter()
        .skip(p.scroll)
        .take(areas.text.height as usize)
        .collect();
    let window = match (shown.first(), shown.last()) {
        (Some(a), Some(b)) => a.range.start..b.range.end,
        _ => return,
    };
    let styled = styled_ranges(t, p, window);
    for (row, line) in shown.into_iter().enumerate() {
        let y = areas.text.y + row as u16;
        let text_area = Rect {
            y,
            height: 1,
            ..areas.text
        };
        let content = match line.kind {
            LineKind::Blank => continue,
            LineKind::Text { paragraph } => {
                if let Some(q) = p.quotes {
                    render_gutter(t, p, q, line, Rect { y, ..areas.body }, buf);
                }
                let base = paragraph_style(t, article.paragraphs[paragraph].kind);
                Line::from(text_spans(article, line, base, &styled, p.quotes, t))
            }
            LineKind::Heading { item } => match p.quotes {
                Some(q) => quote_heading(t, q, item),
                None => continue,
            },
            LineKind::Hidden { count } => Line::styled(
                truncate(
                    &hidden_marker(
                        article,
                        line.range.clone(),
                        count,
                        &keymap.hint(Action::ToggleNoise),
                    ),
                    text_area.width as usize,
                ),
                t.hidden_marker,
            ),
        };
        content.render(text_area, buf);
    }
}

/// Everything styled in the bytes on screen, bottom layer first: the
/// source's emphasis, link residue, quotations, speakers' names, the
/// quotation jumped to, matches.
fn styled_ranges(t: &Theme, p: &PaneContent, window: std::ops::Range<usize>) -> Vec<StyledRange> {
    let near = |r: &std::ops::Range<usize>| r.start < window.end && r.end > window.start;
    // Emphasis is a modifier alone, in every theme (NO_COLOR too): the
    // layers above patch it, so a quotation's colour still shows on an
    // emphasised word and the word stays italic or bold.
    let mut styled: Vec<StyledRange> = p
        .article
        .emphasis
        .iter()
        .filter(|(r, _)| near(r))
        .map(|(r, e)| StyledRange {
            start: r.start,
            end: r.end,
            style: Style::new().add_modifier(match e {
                Emphasis::Italic => Modifier::ITALIC,
                Emphasis::Bold => Modifier::BOLD,
            }),
        })
        .collect();
    styled.extend(
        p.article
            .residue
            .iter()
            .filter(|r| near(r))
            .map(|r| StyledRange {
                start: r.start,
                end: r.end,
                style: t.noise,
            }),
    );
    if let Some(v) = p.quotes {
        let quotes = &v.quotes()[v.overlapping(window.clone())];
        styled.extend(quotes.iter().map(|q| {
            let r = q.outer();
            StyledRange {
                start: r.start,
                end: r.end,
                style: t.quote,
            }
        }));
        // Names in attributing clauses: a quotation before the window
        // may be attributed inside it, so look at every mention.
        styled.extend(v.quotes().iter().filter_map(|q| {
            let m = q.attribution.mention().filter(|m| near(m))?;
            let colour = v.slot_of(q).map_or(t.text, |s| t.speaker_colour(s));
            let style = match q.attribution {
                Attribution::Named { .. } => t.speaker.patch(colour),
                _ => colour.add_modifier(Modifier::UNDERLINED),
            };
            Some(StyledRange {
                start: m.start,
                end: m.end,
                style,
            })
        }));
        if let Some(q) = p.cursor.and_then(|c| v.quotes().get(c)) {
            let r = q.outer();
            styled.push(StyledRange {
                start: r.start,
                end: r.end,
                style: Style::new().add_modifier(Modifier::BOLD),
            });
        }
    }
    styled.extend(
        p.matches
            .iter()
            .flat_map(|m| &m.ranges)
            .filter(|r| near(r))
            .map(|r| StyledRange {
                start: r.start,
                end: r.end,
                style: t.matched,
            }),
    );
    styled
}

/// A text line's spans, with any speaker tags inserted where they belong.
fn text_spans<'a>(
    article: &'a Article,
    line: &DocLine,
    base: Style,
    styled: &[StyledRange],
    quotes: Option<&'a QuoteView>,
    t: &Theme,
) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut from = line.range.start;
    for &(at, tag) in &line.tags {
        let at = at.clamp(from, line.range.end);
        spans.extend(spans_for(&article.text, from..at, base, styled));
        if let Some(text) = quotes.and_then(|q| q.tag_texts.get(tag)) {
            spans.push(Span::styled(text.as_str(), t.quote_tag));
        }
        from = at;
    }
    spans.extend(spans_for(&article.text, from..line.range.end, base, styled));
    spans
}

/// The bar left of a line that shows a quotation, in its speaker's colour
/// (dim for a quotation nobody is said to have spoken); an arrow on the
/// first line of the quotation `]`/`[` went to. Comparing, the number of
/// a shared statement stands left of the bar on its quotation's first line.
fn render_gutter(
    t: &Theme,
    p: &PaneContent,
    q: &QuoteView,
    line: &DocLine,
    row: Rect,
    buf: &mut Buffer,
) {
    let on_line = q.overlapping(line.range.clone());
    let starts_here = |i: &usize| q.quotes()[*i].outer().start >= line.range.start;
    let Some(first) = on_line.clone().next() else {
        return;
    };
    let cursor = p.cursor.filter(|c| on_line.contains(c) && starts_here(c));
    let shown = cursor.unwrap_or(first);
    let style = q
        .slot_of(&q.quotes()[shown])
        .map_or(t.unattributed, |s| t.speaker_colour(s));
    let glyph = if cursor.is_some() {
        QUOTE_CURSOR
    } else {
        QUOTE_BAR
    };
    let marker_width = p.markers.map_or(0, |m| m.width);
    let bar_x = row.x.saturating_add(marker_width);
    if bar_x < row.right() {
        buf.set_string(bar_x, row.y, glyph, style);
    }
    let Some(m) = p.markers else {
        return;
    };
    let number = on_line
        .filter(starts_here)
        .find_map(|i| m.groups.get(i).copied().flatten());
    if let Some(n) = number {
        let label = n.to_string();
        let w = (label.len() as u16).min(m.width);
        let x = row.x + m.width - w;
        if x + w <= row.right() {
            buf.set_stringn(x, row.y, &label, w as usize, t.group_marker);
        }
    }
}

/// "Sergei Lavrov, Russian Foreign Minister · ¶4 · pronoun · via TASS"
/// over a quotation in the quotes-only view, the name in the speaker's
/// colour, how they were found in the tag style (nothing for a speaker
/// named beside the words).
fn quote_heading<'a>(t: &Theme, q: &QuoteView, item: usize) -> Line<'a> {
    let Some(quote) = q.quotes().get(item) else {
        return Line::raw("");
    };
    let colour = q
        .slot_of(quote)
        .map_or(t.unattributed, |s| t.speaker_colour(s));
    let name_style = if quote.speaker.is_some() {
        t.speaker.patch(colour)
    } else {
        t.dim
    };
    let mut spans = vec![
        Span::styled(q.who(quote), name_style),
        Span::styled(format!(" · ¶{}", quote.paragraph + 1), t.dim),
    ];
    for note in notes(quote, false) {
        spans.push(Span::styled(format!(" · {note}"), t.quote_tag));
    }
    Line::from(spans)
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
            HeaderPart::Speakers(list) => legend_line(list, t, inner.width as usize),
            HeaderPart::Rule => {
                Line::from(Span::styled("─".repeat(inner.width as usize), t.border))
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// "▌Sergei Lavrov 5  ▌Zhao Lijian 2  …", cut to the width.
fn legend_line<'a>(list: Vec<(String, usize, usize)>, t: &Theme, width: usize) -> Line<'a> {
    let mut spans = Vec::new();
    let mut used = 0;
    let total = list.len();
    for (n, (name, quotes, slot)) in list.into_iter().enumerate() {
        let entry = format!("{name} {quotes}");
        let need = 1 + wrap::display_width(&entry) + 2;
        // Keep room for "+N more" unless this is the last entry.
        let more = if n + 1 < total { 8 } else { 0 };
        if used + need + more > width {
            spans.push(Span::styled(format!("+{} more", total - n), t.dim));
            break;
        }
        let colour = t.speaker_colour(slot);
        spans.push(Span::styled(QUOTE_BAR, colour));
        spans.push(Span::styled(name, t.speaker.patch(colour)));
        spans.push(Span::styled(format!(" {quotes}  "), t.dim));
        used += need;
    }
    Line::from(spans)
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

/// "20.4 MB", "312 KB": an article's size as the wait line gives it.
fn megabytes(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}
