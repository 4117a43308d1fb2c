//! Cutting a source range into styled spans; the plain-text helpers
//! (fitting, counting) live in [`crate::tui::text`] and are re-exported here.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

pub use super::super::text::{count, thousands, truncate};

/// A style over a byte range of an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyledRange {
    pub start: usize,
    pub end: usize,
    pub style: Style,
}

/// The spans that show `text[range]`: `base` everywhere, patched by every
/// styled range that overlaps, in slice order (so later layers go on top:
/// a match highlight over a quotation). Callers pass only the ranges near
/// what is on screen. Soft line breaks are shown as spaces.
pub fn spans_for<'a>(
    text: &'a str,
    range: Range<usize>,
    base: Style,
    styled: &[StyledRange],
) -> Vec<Span<'a>> {
    // Cut points: the line's ends and every styled boundary inside it.
    let relevant: Vec<&StyledRange> = styled
        .iter()
        .filter(|s| s.start < range.end && s.end > range.start)
        .collect();
    let mut cuts = vec![range.start, range.end];
    for s in &relevant {
        cuts.push(s.start.clamp(range.start, range.end));
        cuts.push(s.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let style = relevant
            .iter()
            .filter(|s| s.start <= a && s.end >= b)
            .fold(base, |st, s| st.patch(s.style));
        let piece = &text[a..b];
        if piece.contains('\n') {
            spans.push(Span::styled(piece.replace('\n', " "), style));
        } else {
            spans.push(Span::styled(piece, style));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("中文中文", 5), "中文…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4000), "4,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn styled_ranges_split_a_line() {
        let text = "say \"hi\" now\nplease";
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let spans = spans_for(
            text,
            0..text.len(),
            Style::new(),
            &[StyledRange {
                start: 4,
                end: 8,
                style: bold,
            }],
        );
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| {
                (
                    s.content.as_ref(),
                    s.style.add_modifier.contains(Modifier::BOLD),
                )
            })
            .collect();
        assert_eq!(
            parts,
            [("say ", false), ("\"hi\"", true), (" now please", false)]
        );
    }
}
