//! What an article pane's header says, line by line, before styling:
//! the title, the byline line, who is quoted, loading notes. Measured by
//! the update (how many rows the text gets) and drawn by the views, so it
//! lives on neither side.

use ratatui::layout::Rect;

use crate::corpus::Article;
use crate::wrap;

use super::text::{count, truncate};
use crate::tui::app::shown_quotes::QuoteView;

/// Longest title shown in the header, in lines.
const MAX_TITLE_LINES: usize = 2;

/// Rows the header takes for `article` in a pane whose inside is `inner`
/// (the title alone below `compact_below` rows).
pub fn header_rows(
    article: &Article,
    quotes: Option<&QuoteView>,
    inner: Rect,
    compact_below: u16,
) -> u16 {
    header_parts(article, quotes, inner, compact_below).len() as u16
}

/// What the header shows, line by line, before styling.
pub enum HeaderPart {
    Title(String),
    Meta(String),
    /// Who is quoted: (name, number of quotations, colour slot).
    Speakers(Vec<(String, usize, usize)>),
    Notes(String),
    Rule,
}

pub fn header_parts(
    article: &Article,
    quotes: Option<&QuoteView>,
    inner: Rect,
    compact_below: u16,
) -> Vec<HeaderPart> {
    let width = inner.width.saturating_sub(2) as usize;
    if width == 0 {
        return Vec::new();
    }
    let compact = inner.height < compact_below;
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
        parts.push(HeaderPart::Meta(meta_line(article, quotes)));
        if let Some(q) = quotes.filter(|q| !q.found.speakers.is_empty()) {
            parts.push(HeaderPart::Speakers(speaker_legend(q)));
        }
        if !article.notes.is_empty() {
            let notes: Vec<&str> = article.notes.iter().map(|n| n.text.as_str()).collect();
            parts.push(HeaderPart::Notes(format!("⚠ {}", notes.join("; "))));
        }
    }
    parts.push(HeaderPart::Rule);
    parts
}

/// Speakers by number of quotations, most first.
fn speaker_legend(q: &QuoteView) -> Vec<(String, usize, usize)> {
    let mut counts = vec![0usize; q.found.speakers.len()];
    for quote in q.quotes() {
        if let Some(s) = quote.speaker.and_then(|s| counts.get_mut(s.0)) {
            *s += 1;
        }
    }
    let mut legend: Vec<(String, usize, usize)> = q
        .found
        .speakers
        .iter()
        .zip(counts)
        .zip(&q.slots)
        .map(|((s, n), &slot)| (s.name.clone(), n, slot))
        .collect();
    legend.sort_by_key(|e| std::cmp::Reverse(e.1));
    legend
}

/// "by Jane Doe · Reuters · 2024-03-03 · 751 words · 4 min read ·
/// 9 quotations, 3 speakers".
fn meta_line(a: &Article, quotes: Option<&QuoteView>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(b) = &a.byline {
        parts.push(format!("by {b}"));
    }
    parts.extend(a.source.clone().filter(|s| Some(s) != a.byline.as_ref()));
    // The day, whatever form the source wrote it in; else as written.
    parts.extend(a.published().map(|d| d.short()).or_else(|| a.date.clone()));
    parts.push(format!("{} words", a.words));
    parts.push(format!("{} min read", a.reading_minutes()));
    if let Some(q) = quotes {
        parts.push(format!(
            "{}, {}",
            count(q.quotes().len(), "quotation"),
            count(q.found.speakers.len(), "speaker")
        ));
    }
    parts.join(" · ")
}
