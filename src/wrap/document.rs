//! An article laid out for a reading column of a given width: the list of
//! screen lines, each tied to the bytes it shows.
//!
//! The reader draws from this, scrolls by its line numbers, and finds the
//! line of a quote or match through [`ArticleLayout::line_of_offset`]. It is
//! computed once per (article, width, options), never while drawing.

use std::ops::Range;

use crate::corpus::{Article, ParagraphKind};

use super::lines::wrap;

/// What decides a layout besides the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Columns available for text.
    pub width: usize,
    /// Collapse boilerplate and repeated paragraphs into one marker line.
    pub hide_noise: bool,
}

/// What a screen line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Text of paragraph `paragraph`; `range` is the bytes shown.
    Text { paragraph: usize },
    /// The space between two paragraphs.
    Blank,
    /// A run of `count` noise paragraphs, hidden; `range` spans them.
    Hidden { count: usize },
}

/// One screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub range: Range<usize>,
}

/// The body of an article as screen lines. The headline and byline are not
/// part of it: the reader shows them in its header.
#[derive(Debug, Clone)]
pub struct ArticleLayout {
    pub options: LayoutOptions,
    pub lines: Vec<DocLine>,
    /// First screen line of each paragraph (None when not in the body).
    paragraph_lines: Vec<Option<usize>>,
}

impl ArticleLayout {
    pub fn new(article: &Article, options: LayoutOptions) -> Self {
        let mut lines: Vec<DocLine> = Vec::new();
        let mut paragraph_lines = vec![None; article.paragraphs.len()];
        let mut hidden: Option<(usize, Range<usize>)> = None;
        let flush_hidden = |lines: &mut Vec<DocLine>,
                            hidden: &mut Option<(usize, Range<usize>)>| {
            if let Some((count, range)) = hidden.take() {
                if !lines.is_empty() {
                    lines.push(DocLine {
                        kind: LineKind::Blank,
                        range: range.start..range.start,
                    });
                }
                lines.push(DocLine {
                    kind: LineKind::Hidden { count },
                    range,
                });
            }
        };
        for (i, p) in article.paragraphs.iter().enumerate() {
            if matches!(p.kind, ParagraphKind::Headline | ParagraphKind::Byline) {
                continue;
            }
            if options.hide_noise && p.kind.is_noise() {
                let h = hidden.get_or_insert((0, p.start..p.end));
                h.0 += 1;
                h.1.end = p.end;
                paragraph_lines[i] = Some(lines.len() + usize::from(!lines.is_empty()));
                continue;
            }
            flush_hidden(&mut lines, &mut hidden);
            if !lines.is_empty() {
                lines.push(DocLine {
                    kind: LineKind::Blank,
                    range: p.start..p.start,
                });
            }
            paragraph_lines[i] = Some(lines.len());
            let text = &article.text[p.start..p.end];
            for range in wrap(text, p.start, options.width) {
                lines.push(DocLine {
                    kind: LineKind::Text { paragraph: i },
                    range,
                });
            }
        }
        flush_hidden(&mut lines, &mut hidden);
        Self {
            options,
            lines,
            paragraph_lines,
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The first screen line of paragraph `p` (its hidden marker if hidden).
    pub fn paragraph_line(&self, p: usize) -> Option<usize> {
        self.paragraph_lines.get(p).copied().flatten()
    }

    /// The screen line showing byte `offset` of the article text, or the
    /// nearest line after it when the offset falls between lines.
    pub fn line_of_offset(&self, offset: usize) -> Option<usize> {
        let i = self.lines.partition_point(|l| {
            l.range.end < offset || (l.range.end == offset && l.kind == LineKind::Blank)
        });
        (i < self.lines.len()).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;
    use crate::corpus::assemble::article_from_bytes;

    fn article(text: &str) -> Article {
        article_from_bytes("t.txt".into(), Origin::Embedded, text.as_bytes())
    }

    fn shown(a: &Article, l: &ArticleLayout) -> Vec<String> {
        l.lines
            .iter()
            .map(|d| match d.kind {
                LineKind::Text { .. } => a.text[d.range.clone()].to_string(),
                LineKind::Blank => String::new(),
                LineKind::Hidden { count } => format!("<{count} hidden>"),
            })
            .collect()
    }

    #[test]
    fn headline_is_left_to_the_header_and_paragraphs_are_spaced() {
        let a = article("A headline\n\nFirst paragraph is here.\n\nSecond one.");
        let l = ArticleLayout::new(
            &a,
            LayoutOptions {
                width: 12,
                hide_noise: false,
            },
        );
        assert_eq!(
            shown(&a, &l),
            ["First", "paragraph is", "here.", "", "Second one."]
        );
        assert_eq!(l.paragraph_line(1), Some(0));
        assert_eq!(l.paragraph_line(2), Some(4));
        assert_eq!(l.paragraph_line(0), None);
    }

    #[test]
    fn noise_is_shown_or_collapsed() {
        let a = article("Title\n\nStory.\n\nADVERTISEMENT\n\nRelated Articles\n\nMore story.");
        let show = ArticleLayout::new(
            &a,
            LayoutOptions {
                width: 40,
                hide_noise: false,
            },
        );
        assert_eq!(
            shown(&a, &show),
            [
                "Story.",
                "",
                "ADVERTISEMENT",
                "",
                "Related Articles",
                "",
                "More story."
            ]
        );
        let hide = ArticleLayout::new(
            &a,
            LayoutOptions {
                width: 40,
                hide_noise: true,
            },
        );
        assert_eq!(
            shown(&a, &hide),
            ["Story.", "", "<2 hidden>", "", "More story."]
        );
        assert_eq!(hide.paragraph_line(2), Some(2));
    }

    #[test]
    fn offsets_map_to_lines() {
        let a = article("Title\n\nalpha beta gamma delta\n\nomega");
        let l = ArticleLayout::new(
            &a,
            LayoutOptions {
                width: 11,
                hide_noise: false,
            },
        );
        let at = |w: &str| l.line_of_offset(a.text.find(w).unwrap());
        assert_eq!(at("alpha"), Some(0));
        assert_eq!(at("gamma"), Some(1));
        assert_eq!(at("omega"), Some(3));
        assert_eq!(l.line_of_offset(a.text.len() + 10), None);
    }
}
