//! The reading pane: areas, layout and the jumps between quotations.

use super::super::*;
use crate::quotes::QuoteRef;

use super::layout_job::{LONG_ARTICLE_BYTES, LayoutJob, LayoutKey, LayoutOf, PendingLayout, Place};

/// Long articles' layouts kept, the least recently used dropped first.
pub(crate) const LAYOUT_CACHE_ENTRIES: usize = 3;

/// The reading pane: its areas, layout and the quotation jumps.
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
        let lines = self.reader.layout.as_ref().map_or(0, |l| l.len());
        lines.saturating_sub(self.reader_body_rows())
    }

    /// The reader's lines for article `i` (the whole article with room
    /// for speaker tags, or only its quotations). A short article's are
    /// made here; a long one's come from the cache, or else from a
    /// [`LayoutJob`] asked of the runtime (`Err`: wait for `Msg::LaidOut`).
    pub(crate) fn layout_or_job(
        &mut self,
        i: usize,
        options: LayoutOptions,
    ) -> Result<Arc<ArticleLayout>, LayoutKey> {
        let article = &self.articles[i];
        if article.text.len() < LONG_ARTICLE_BYTES {
            return Ok(Arc::new(self.layout_of().lay_out(article, options)));
        }
        let key = LayoutKey {
            article: i,
            hash: article.content_hash,
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
            let layout = Arc::clone(&entry.1);
            self.layouts.push(entry);
            return Ok(layout);
        }
        if self.reader.pending.is_none_or(|p| p.key != key) {
            self.effects.push(Effect::Layout(Box::new(LayoutJob {
                key,
                article: Arc::new(article.clone()),
                of: self.layout_of(),
            })));
        }
        Err(key)
    }

    /// A long article's layout, made on a thread: kept, and shown if it is
    /// still the one the reader waits for.
    pub(crate) fn laid_out(&mut self, key: LayoutKey, layout: Arc<ArticleLayout>) {
        if self.layouts.len() >= LAYOUT_CACHE_ENTRIES {
            self.layouts.remove(0);
        }
        self.layouts.push((key, Arc::clone(&layout)));
        let Some(pending) = self.reader.pending.take_if(|p| p.key == key) else {
            return;
        };
        self.reader.layout = Some(layout);
        self.go_to(pending.place);
        self.sync();
    }

    /// Scroll to `place` in the layout just made.
    fn go_to(&mut self, place: Place) {
        let line = match place {
            Place::Open => self.best_match_line().or_else(|| self.remembered_line()),
            Place::Top(p) => self.line_of_position(p),
            Place::Quote(i) => self.quote_line(i).map(|l| l.saturating_sub(JUMP_CONTEXT)),
            Place::Line(l) => Some(l),
        };
        match (line, place) {
            (Some(line), _) => self.reader.scroll = line,
            (None, Place::Top(_)) => {}
            (None, _) => self.reader.scroll = 0,
        }
    }

    /// Lay out the reader's article anew (another article, new quotations,
    /// another width): at once, or once its job is done. The reader goes
    /// where it was asked to (`reader.then`), else to the new article's
    /// opening place, else keeps the text on top where it is.
    pub(crate) fn relayout(&mut self, current: Option<usize>, options: LayoutOptions, moved: bool) {
        let place = self.reader.then.take().unwrap_or_else(|| {
            let waiting = self.reader.pending.map(|p| p.place);
            match self.top_position() {
                _ if moved => Place::Open,
                Some(top) => Place::Top(top),
                None => waiting.unwrap_or(Place::Open),
            }
        });
        self.reader.article = current;
        let Some(i) = current else {
            self.reader.layout = None;
            self.reader.pending = None;
            return;
        };
        match self.layout_or_job(i, options) {
            Ok(layout) => {
                self.reader.layout = Some(layout);
                self.reader.pending = None;
                self.go_to(place);
            }
            Err(key) => {
                self.reader.layout = None;
                self.reader.pending = Some(PendingLayout { key, place });
            }
        }
    }

    /// Which lines the reader shows for its article now.
    fn layout_of(&self) -> LayoutOf {
        match &self.reader.quotes {
            Some(q) if self.reader.quotes_only => LayoutOf::Excerpts(q.excerpts()),
            Some(q) => LayoutOf::Body(q.tags.clone()),
            None => LayoutOf::Body(Vec::new()),
        }
    }

    /// Forget the long articles' layouts (benchmarks time a first layout).
    pub fn layouts_forget(&mut self) {
        self.layouts.clear();
    }

    /// Make the layouts asked for right here, as the runtime's thread
    /// would, and take them in (for tests and benchmarks, which have no
    /// runtime); other effects stay queued.
    pub fn run_layout_jobs(&mut self) {
        let (jobs, rest): (Vec<Effect>, Vec<Effect>) = std::mem::take(&mut self.effects)
            .into_iter()
            .partition(|e| matches!(e, Effect::Layout(_)));
        self.effects = rest;
        for e in jobs {
            if let Effect::Layout(job) = e {
                let layout = Arc::new(job.run());
                self.update(Msg::LaidOut(job.key, layout));
            }
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
        self.reader.then = Some(match (back, keep.filter(|_| top > 0)) {
            (Some(line), _) => Place::Line(line),
            (None, Some(i)) => Place::Quote(i),
            (None, None) => Place::Line(0),
        });
        self.sync();
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

impl App {
    /// The reader opens article `r.article` at quotation `r.quote`, marked
    /// as if `]` had gone to it (from the speakers or statements view).
    pub(crate) fn open_at_quote(&mut self, r: QuoteRef) {
        self.reveal(r.article);
        if !self.order.contains(&r.article) {
            // Under an article filter that leaves it out: show every
            // article (and its story opened out, when grouped).
            self.clear_filter();
            self.reveal(r.article);
        }
        let Some(pos) = self.order.iter().position(|&a| a == r.article) else {
            return;
        };
        self.select(pos);
        self.focus = Focus::Reader;
        self.sync();
        self.reader.quote_cursor = Some(r.quote);
        self.reader.scroll = self
            .quote_line(r.quote)
            .map_or(0, |l| l.saturating_sub(JUMP_CONTEXT))
            .min(self.max_reader_scroll());
        if let Some(q) = &self.reader.quotes
            && let Some(quote) = q.quotes().get(r.quote)
        {
            self.message = Some(format!(
                "Quotation {} of {} · {}",
                r.quote + 1,
                q.quotes().len(),
                q.describe(quote)
            ));
        }
    }
}
