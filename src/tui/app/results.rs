//! Results from the workers folded into the state.

use super::*;

/// What the workers send back: loaded batches, quotations, speakers,
/// filter results.
impl App {
    /// Fold a loader event into the state.
    pub(crate) fn loaded(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Started {
                total_files,
                problems,
                skipped_files,
            } => {
                self.loading.total_files = Some(total_files);
                self.problems.extend(problems);
                self.skipped_files += skipped_files;
            }
            LoadEvent::Batch { articles, problems } => {
                let first = self.articles.len();
                self.dates.extend(articles.iter().map(Article::published));
                self.articles.extend(articles);
                self.quotes.resize(self.articles.len(), None);
                // Under a filter the worker's results decide the order; hits
                // for articles that had not arrived yet now can show.
                if self.filter.active() {
                    self.order = self.grouped(self.order_from_results());
                } else {
                    // Sorted once loading ends: until then new ones are
                    // added below (sorting at every batch would cost
                    // n log n each time).
                    self.order.extend(first..self.articles.len());
                }
                self.problems.extend(problems);
                self.loading.batches += 1;
                self.reopen_last(first);
            }
            LoadEvent::Finished => {
                self.loading.done = true;
                if self.list_order != ListOrder::Loaded {
                    self.rearrange();
                }
                self.reading.cancel_restore();
                self.effects.push(Effect::SweepQuotes);
            }
            LoadEvent::CacheNotWritten(w) => self.reading.warn(w),
        }
        self.sync();
    }

    /// Quotations found: (article index, its quotations), in any order.
    pub(crate) fn quotes_found(&mut self, found: Vec<(usize, Arc<ArticleQuotes>)>) {
        let mut answered = false;
        for (id, q) in found {
            answered |= self.compare_asked == Some(id);
            self.store_quotes(id, q);
        }
        // The quotations thread answers only the newest request: if the
        // comparison's was overtaken by the reader's, ask again.
        if !answered {
            self.compare_asked = None;
        }
        self.sync();
    }

    /// Keep an article's quotations (counting the articles done).
    pub(crate) fn store_quotes(&mut self, id: usize, q: Arc<ArticleQuotes>) {
        if let Some(slot) = self.quotes.get_mut(id) {
            if slot.is_none() {
                self.quotes_found += 1;
            }
            *slot = Some(q);
        }
    }

    /// Every article's quotations are in: the speakers of the corpus, the
    /// unnamed sources folded into one entry at the end of the list.
    pub(crate) fn indexed(&mut self, index: SpeakerIndex) {
        self.speakers = Some(Arc::new(index.with_unnamed_grouped()));
        self.sync();
    }

    /// While the background sweep runs: (articles done, articles).
    pub fn sweep_progress(&self) -> Option<(usize, usize)> {
        (self.loading.done && self.speakers.is_none())
            .then_some((self.quotes_found, self.articles.len()))
    }

    /// The list under a filter: the hits, best first, of the articles the
    /// app has. The filter worker gets each batch straight from the
    /// loader, so its results can name articles whose batch is still on
    /// its way here; they join the list when it arrives.
    fn order_from_results(&self) -> Vec<usize> {
        let n = self.articles.len();
        let mut ids: Vec<usize> = self.filter.results.as_ref().map_or_else(Vec::new, |r| {
            r.hits
                .iter()
                .map(|h| h.article)
                .filter(|&a| a < n)
                .collect()
        });
        // Best match first, unless a date order was asked for.
        if self.list_order != ListOrder::Loaded {
            self.list_order.arrange(&self.dates, &mut ids);
        }
        ids
    }

    /// Every article in the list's order (no filter).
    pub(crate) fn unfiltered_order(&self) -> Vec<usize> {
        let mut ids: Vec<usize> = (0..self.articles.len()).collect();
        self.list_order.arrange(&self.dates, &mut ids);
        ids
    }

    /// `ids` grouped by story when the list is (see [`super::story_list`]).
    /// Copies are folded under their lead first (see [`super::copy_list`]).
    fn grouped(&mut self, ids: Vec<usize>) -> Vec<usize> {
        let ids = self.copy_fold.fold(ids, self.copies.as_deref());
        self.story_list.arrange(ids, self.stories.as_deref())
    }

    /// Order the list anew, the selected article staying selected.
    pub(crate) fn rearrange(&mut self) {
        let keep = self.current_index();
        let ids = if self.filter.active() {
            self.order_from_results()
        } else {
            self.unfiltered_order()
        };
        self.order = self.grouped(ids);
        if let Some(pos) = keep.and_then(|k| self.order.iter().position(|&i| i == k)) {
            self.selected = pos;
        }
    }

    /// Take a filter worker event: the list follows the newest results.
    pub(crate) fn filtered(&mut self, event: crate::search::FilterEvent) {
        let Some(first) = self.filter.accept(event) else {
            return;
        };
        let keep = self.current_index();
        self.order = self.grouped(self.order_from_results());
        // A new query starts at its best hit, and so do updates while the
        // selection is on the top row (as in fzf); once the user has moved
        // to another article, updates keep it selected.
        let pos = if first || self.selected == 0 {
            None
        } else {
            keep.and_then(|k| self.order.iter().position(|&a| a == k))
        };
        self.selected = pos.unwrap_or(0);
        if first {
            self.list_offset = 0;
        }
        self.sync();
        // A new query shows the open article at its best match, even when
        // it is the article that was open already.
        if first && let Some(line) = self.best_match_line() {
            self.reader.scroll = line.min(self.max_reader_scroll());
        }
    }
}
