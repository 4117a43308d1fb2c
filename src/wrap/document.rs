//! An article laid out for a reading column of a given width: the list of
//! screen lines, each tied to the bytes it shows.
//!
//! The reader draws from this, scrolls by its line numbers, and finds the
//! line of a quote or match through [`ArticleLayout::line_of_offset`]. It is
//! computed once per (article, width, options), never while drawing.

use std::ops::Range;

use crate::corpus::Article;

use super::lines::{TagRequest, wrap_with_tags};

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
    /// The heading of excerpt `item` in an excerpts layout (the view
    /// knows what it says: "Sergei Lavrov · ¶4"); `range` is empty.
    Heading { item: usize },
}

/// One screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub range: Range<usize>,
    /// Tags drawn on this line: (byte offset they follow, tag index).
    pub tags: Vec<(usize, usize)>,
}

impl DocLine {
    fn new(kind: LineKind, range: Range<usize>) -> Self {
        DocLine {
            kind,
            range,
            tags: Vec::new(),
        }
    }
}

/// A piece of an article shown on its own in an excerpts layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub paragraph: usize,
    /// Bytes of `Article::text`, inside the paragraph.
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
    /// The article's body with no tags.
    pub fn new(article: &Article, options: LayoutOptions) -> Self {
        Self::with_tags(article, options, &[])
    }

    /// The article's body, keeping room for `tags` (sorted by offset).
    pub fn with_tags(article: &Article, options: LayoutOptions, tags: &[TagRequest]) -> Self {
        let mut b = Builder::new(article, options, tags);
        let mut hidden: Option<(usize, Range<usize>)> = None;
        for (i, p) in article.paragraphs.iter().enumerate() {
            if p.kind.is_header() {
                continue;
            }
            if options.hide_noise && p.kind.is_noise() {
                let h = hidden.get_or_insert((0, p.start..p.end));
                h.0 += 1;
                h.1.end = p.end;
                b.paragraph_lines[i] = Some(b.lines.len() + usize::from(!b.lines.is_empty()));
                continue;
            }
            if let Some((count, range)) = hidden.take() {
                b.push_alone(LineKind::Hidden { count }, range);
            }
            b.blank(p.start);
            b.paragraph_lines[i] = Some(b.lines.len());
            b.text(i, p.start..p.end);
        }
        if let Some((count, range)) = hidden.take() {
            b.push_alone(LineKind::Hidden { count }, range);
        }
        b.finish()
    }

    /// Excerpts of the article, each under a heading line: the
    /// quotes-only view. `paragraph_line` gives an excerpt paragraph's
    /// first heading.
    pub fn excerpts(
        article: &Article,
        excerpts: &[Excerpt],
        options: LayoutOptions,
        tags: &[TagRequest],
    ) -> Self {
        let mut b = Builder::new(article, options, tags);
        for (item, e) in excerpts.iter().enumerate() {
            let at = e.range.start.min(article.text.len());
            b.blank(at);
            if let Some(slot) = b.paragraph_lines.get_mut(e.paragraph) {
                slot.get_or_insert(b.lines.len());
            }
            b.lines
                .push(DocLine::new(LineKind::Heading { item }, at..at));
            b.text(e.paragraph, e.range.clone());
        }
        b.finish()
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

/// Lines under construction, with tags handed out as their words land.
struct Builder<'a> {
    article: &'a Article,
    options: LayoutOptions,
    tags: &'a [TagRequest],
    /// First tag not yet placed.
    next_tag: usize,
    lines: Vec<DocLine>,
    paragraph_lines: Vec<Option<usize>>,
}

impl<'a> Builder<'a> {
    fn new(article: &'a Article, options: LayoutOptions, tags: &'a [TagRequest]) -> Self {
        Builder {
            article,
            options,
            tags,
            next_tag: 0,
            lines: Vec::new(),
            paragraph_lines: vec![None; article.paragraphs.len()],
        }
    }

    /// A blank line before the next block, unless it is the first.
    fn blank(&mut self, at: usize) {
        if !self.lines.is_empty() {
            self.lines.push(DocLine::new(LineKind::Blank, at..at));
        }
    }

    fn push_alone(&mut self, kind: LineKind, range: Range<usize>) {
        self.blank(range.start);
        self.lines.push(DocLine::new(kind, range));
    }

    /// Wrapped lines of `range` (clamped to the text), paragraph `p`.
    fn text(&mut self, p: usize, range: Range<usize>) {
        let text = &self.article.text;
        let end = range.end.min(text.len());
        let start = range.start.min(end);
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return;
        }
        // The tags whose offsets fall in this range; earlier ones (in
        // hidden or skipped text) are dropped.
        while self.next_tag < self.tags.len() && self.tags[self.next_tag].at < start {
            self.next_tag += 1;
        }
        let first = self.next_tag;
        while self.next_tag < self.tags.len() && self.tags[self.next_tag].at <= end {
            self.next_tag += 1;
        }
        let (ranges, placed) = wrap_with_tags(
            &text[start..end],
            start,
            self.options.width,
            &self.tags[first..self.next_tag],
        );
        let line0 = self.lines.len();
        self.lines.extend(
            ranges
                .into_iter()
                .map(|r| DocLine::new(LineKind::Text { paragraph: p }, r)),
        );
        for t in placed {
            self.lines[line0 + t.line].tags.push((t.at, first + t.tag));
        }
    }

    fn finish(self) -> ArticleLayout {
        ArticleLayout {
            options: self.options,
            lines: self.lines,
            paragraph_lines: self.paragraph_lines,
        }
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
                LineKind::Heading { item } => format!("<heading {item}>"),
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

    #[test]
    fn tags_land_on_the_line_of_their_word() {
        let a = article("Title\n\n“Yes,” she said. “No.”\n\nNext.");
        let close = a.text.find("No.”").unwrap() + "No.”".len();
        let opts = LayoutOptions {
            width: 40,
            hide_noise: false,
        };
        let l = ArticleLayout::with_tags(
            &a,
            opts,
            &[TagRequest {
                at: close,
                width: 9,
            }],
        );
        assert_eq!(l.lines[0].tags, [(close, 0)]);
        assert!(l.lines[2].tags.is_empty());
    }

    #[test]
    fn excerpts_have_headings_and_their_own_lines() {
        let a = article("Title\n\nHe said “one two three” then.\n\n“Four,” she said.");
        let r1 = a.text.find("one").unwrap()..a.text.find(" then").unwrap();
        let r2 = a.text.find("“Four").unwrap()..a.text.find(" she").unwrap();
        let l = ArticleLayout::excerpts(
            &a,
            &[
                Excerpt {
                    paragraph: 1,
                    range: r1,
                },
                Excerpt {
                    paragraph: 2,
                    range: r2,
                },
            ],
            LayoutOptions {
                width: 8,
                hide_noise: false,
            },
            &[],
        );
        assert_eq!(
            shown(&a, &l),
            [
                "<heading 0>",
                "one two",
                "three”",
                "",
                "<heading 1>",
                "“Four,”"
            ]
        );
        assert_eq!(l.paragraph_line(2), Some(4));
    }
}
