//! The reading pane: areas, layout and the jumps between quotations.

use super::super::*;

/// The reading pane: its areas, layout and the quotation jumps.
/// Articles this long keep their layouts (see `App::cached_layout`).
pub(crate) const LAYOUT_CACHE_MIN_BYTES: usize = 256 << 10;
/// Layouts kept, the least recently used dropped first.
pub(crate) const LAYOUT_CACHE_ENTRIES: usize = 3;

/// What a reader layout depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LayoutKey {
    article: usize,
    hash: u64,
    options: LayoutOptions,
    quotes_only: bool,
    /// The quotations' identity (their tags change the lines).
    quotes: Option<usize>,
}

impl App {
    /// Under a filter, where the reader should open the current article:
    /// just above its best matching paragraph.
    pub(crate) fn best_match_line(&self) -> Option<usize> {
        let hit = self.filter.hit(self.current_index()?)?;
        let line = self
            .reader
            .layout
            .as_ref()?
            .paragraph_line(hit.best_paragraph)?;
        Some(line.saturating_sub(JUMP_CONTEXT))
    }

    /// The reader pane's rectangle (as it is or would be when focused).
    pub fn reader_pane(&self) -> Option<Rect> {
        match layout::screen(self.area, Focus::Reader) {
            Split::Panes(p) => p.reader,
            Split::TooSmall(_) => None,
        }
    }

    /// The reader's header, body and text column for the current article.
    pub fn reader_areas(&self) -> Option<layout::ReaderAreas> {
        let pane = self.reader_pane()?;
        let rows = self.current().map_or(1, |a| {
            header::header_rows(
                a,
                self.reader.quotes.as_ref(),
                layout::inner(pane),
                layout::READER_COMPACT_HEADER_BELOW,
            )
        });
        Some(layout::reader_areas(pane, rows, self.max_text_width))
    }

    pub(crate) fn reader_body_rows(&self) -> usize {
        self.reader_areas().map_or(0, |a| a.body.height as usize)
    }

    /// The last scroll position that still fills the pane.
    pub fn max_reader_scroll(&self) -> usize {
        let lines = self.reader.layout.as_ref().map_or(0, ArticleLayout::len);
        lines.saturating_sub(self.reader_body_rows())
    }

    /// Before a relayout (resize, hide/show noise), remember which text is
    /// at the top so the reader stays on it.
    pub(crate) fn keep_reader_position_across_relayout(&mut self) {
        let anchor = self
            .reader
            .layout
            .as_ref()
            .and_then(|l| l.lines.get(self.reader.scroll))
            .map(|l| l.range.start);
        self.reader.layout = None;
        self.sync();
        if let (Some(offset), Some(l)) = (anchor, &self.reader.layout) {
            self.reader.scroll = l.line_of_offset(offset).unwrap_or(0);
        }
    }

    /// The reader's lines for article `i`: the whole article with room
    /// for speaker tags, or only its quotations.
    /// [`Self::layout_for`], kept for long articles: going back and forth
    /// between two of them (j, k) wraps each once, not at every move.
    pub(crate) fn cached_layout(&mut self, i: usize, options: LayoutOptions) -> ArticleLayout {
        let long = self
            .articles
            .get(i)
            .is_some_and(|a| a.text.len() >= LAYOUT_CACHE_MIN_BYTES);
        if !long {
            return self.layout_for(i, options);
        }
        let key = LayoutKey {
            article: i,
            hash: self.articles[i].content_hash,
            options,
            quotes_only: self.reader.quotes_only,
            quotes: self
                .reader
                .quotes
                .as_ref()
                .map(|q| Arc::as_ptr(&q.found) as usize),
        };
        if let Some(at) = self.layouts.iter().position(|(k, _)| *k == key) {
            let entry = self.layouts.remove(at);
            let layout = entry.1.clone();
            self.layouts.push(entry);
            return layout;
        }
        let layout = self.layout_for(i, options);
        if self.layouts.len() >= LAYOUT_CACHE_ENTRIES {
            self.layouts.remove(0);
        }
        self.layouts.push((key, layout.clone()));
        layout
    }

    pub(crate) fn layout_for(&self, i: usize, options: LayoutOptions) -> ArticleLayout {
        let article = &self.articles[i];
        match &self.reader.quotes {
            Some(q) if self.reader.quotes_only => {
                ArticleLayout::excerpts(article, &q.excerpts(), options, &[])
            }
            Some(q) => ArticleLayout::with_tags(article, options, &q.tags),
            None => ArticleLayout::new(article, options),
        }
    }

    /// The screen line where quotation `i` starts; None when it is not
    /// in the pane's text (a headline quotation, shown in the header).
    pub(crate) fn quote_line(&self, i: usize) -> Option<usize> {
        let q = self.reader.quotes.as_ref()?.quotes().get(i)?;
        let doc = self.reader.layout.as_ref()?;
        doc.paragraph_line(q.paragraph)?;
        doc.line_of_offset(q.outer().start)
    }

    /// `]` / `[`: the next quotation after the one last jumped to (or
    /// below the top of the pane), scrolled to just under the top.
    pub(crate) fn jump_to_quote(&mut self, forward: bool) {
        let count = self.reader.quotes.as_ref().map_or(0, |q| q.quotes().len());
        if count == 0 {
            self.message = Some(if self.reader.quotes.is_some() {
                "No quotations in this article".into()
            } else {
                "Still finding quotations…".into()
            });
            return;
        }
        let top = self.reader.scroll;
        let bottom = top + self.reader_body_rows();
        // The cursor counts only while it is on screen; else the view does.
        let cursor = self
            .reader
            .quote_cursor
            .filter(|&c| self.quote_line(c).is_some_and(|l| l >= top && l < bottom));
        let target = match (cursor, forward) {
            (Some(c), true) => (c + 1 < count).then_some(c + 1),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => (0..count).find(|&i| self.quote_line(i).is_some_and(|l| l >= top)),
            (None, false) => (0..count)
                .rev()
                .find(|&i| self.quote_line(i).is_some_and(|l| l < top)),
        };
        let Some(i) = target else {
            let dir = if forward { "below" } else { "above" };
            self.message = Some(format!(
                "{} in this article; none {dir}",
                text::count(count, "quotation")
            ));
            return;
        };
        self.reader.quote_cursor = Some(i);
        if let Some(line) = self.quote_line(i) {
            self.reader.scroll = line
                .saturating_sub(JUMP_CONTEXT)
                .min(self.max_reader_scroll());
        }
        if let Some(v) = &self.reader.quotes {
            self.message = Some(format!(
                "Quotation {} of {} · {}",
                i + 1,
                count,
                v.describe(&v.quotes()[i])
            ));
        }
    }

    /// `Q`: quotations only, or the whole article; the quotation last
    /// jumped to (or the first one in view) stays in view.
    pub(crate) fn toggle_quotes_only(&mut self) {
        if self
            .reader
            .quotes
            .as_ref()
            .is_none_or(|q| q.quotes().is_empty())
        {
            self.message = Some("No quotations in this article".into());
            return;
        }
        let top = self.reader.scroll;
        let back = self
            .reader
            .toggled_from
            .take()
            .filter(|&(article, _, after)| self.reader.article == Some(article) && after == top)
            .map(|(_, before, _)| before);
        // From the top of the article, the other view opens at its top.
        let keep = self.reader.quote_cursor.filter(|_| top > 0).or_else(|| {
            let count = self.reader.quotes.as_ref().map_or(0, |q| q.quotes().len());
            (0..count).find(|&i| self.quote_line(i).is_some_and(|l| l >= top))
        });
        self.reader.quotes_only = !self.reader.quotes_only;
        self.reader.layout = None;
        self.sync();
        let scroll = back.unwrap_or_else(|| {
            keep.filter(|_| top > 0)
                .and_then(|i| self.quote_line(i))
                .map_or(0, |l| l.saturating_sub(JUMP_CONTEXT))
        });
        self.reader.scroll = scroll.min(self.max_reader_scroll());
        if back.is_none() {
            self.reader.toggled_from = self.reader.article.map(|a| (a, top, self.reader.scroll));
        }
        self.message = Some(if self.reader.quotes_only {
            "Quotations only".into()
        } else {
            "Whole article".into()
        });
    }
}
