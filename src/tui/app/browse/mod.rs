//! The browse screen: the article list with its filter prompt, and the
//! reading pane (see [`reader`]).

use super::*;

pub mod layout_job;
pub(crate) mod reader;
mod reading;

/// The browse screen: the article list, the filter prompt and the
/// reading pane beside it.
impl App {
    /// Prompt editing; false when the action is not the prompt's (moving
    /// in the list while typing, quitting).
    pub(crate) fn update_prompt(&mut self, action: Action) -> bool {
        match action {
            Action::FilterHistoryPrev => return self.recall(true),
            Action::FilterHistoryNext => return self.recall(false),
            _ => {}
        }
        match self.filter.query.edit(action) {
            PromptEdit::Changed => self.query_edited(),
            PromptEdit::Accept => {
                self.filter.editing = false;
                self.focus = Focus::List;
                self.remember_query();
            }
            PromptEdit::Cancel => self.clear_filter(),
            PromptEdit::NotMine => return false,
        }
        true
    }

    /// Typing in the reader's find prompt; false when the action is not
    /// the prompt's.
    pub(crate) fn update_find_prompt(&mut self, action: Action) -> bool {
        match self.find.line.edit(action) {
            PromptEdit::Changed => self.find.changed(),
            PromptEdit::Accept => {
                self.find.editing = false;
                if self.find.active() {
                    self.sync();
                    self.jump_to_match_from(true, true);
                }
            }
            PromptEdit::Cancel => self.find = Default::default(),
            PromptEdit::NotMine => return false,
        }
        true
    }

    /// The matches shown in the reader: the reader's own find while one is
    /// in force, else the list filter's.
    pub fn shown_matches(&self) -> Option<&[crate::search::ParagraphMatch]> {
        let id = self.current_index()?;
        if self.find.active() {
            return self.find.matches_in(id);
        }
        match &self.filter.reader_matches {
            Some((a, m)) if *a == id => Some(m),
            _ => None,
        }
    }

    /// ↑/↓ would go through the history: the line is empty or shows the
    /// entry recalled last.
    pub(crate) fn recalling(&self) -> bool {
        let q = self.filter.query.as_str();
        q.is_empty()
            || self
                .recalled
                .is_some_and(|i| self.history.get(i).is_some_and(|h| h == q))
    }

    /// ↑ (`older`) or ↓ through the queries kept; past the newest, an
    /// empty line.
    fn recall(&mut self, older: bool) -> bool {
        let n = self.history.len();
        let next = match (self.recalled, older) {
            (None, true) => n.checked_sub(1),
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < n => Some(i + 1),
            _ => None,
        };
        if next.is_none() && self.recalled.is_none() {
            self.message = Some(if n == 0 {
                "No earlier queries".into()
            } else {
                "The newest query is the last".into()
            });
            return true;
        }
        self.recalled = next;
        match next.and_then(|i| self.history.get(i)).cloned() {
            Some(q) => self.filter.query.set(&q),
            None => self.filter.query.clear(),
        }
        self.query_edited();
        true
    }

    /// Enter on a query: keep it as the newest in the history, and have
    /// the runtime add it to the file.
    fn remember_query(&mut self) {
        self.recalled = None;
        let q = self.filter.query.trim().to_string();
        if q.is_empty() {
            return;
        }
        self.history = crate::state::history::with(std::mem::take(&mut self.history), &q);
        self.effects.push(Effect::RememberQuery(q));
    }

    /// Bracketed paste: into the prompt being typed in, as typed text.
    pub(crate) fn paste(&mut self, text: &str) {
        if self.filter.editing {
            self.filter.query.insert_str(text);
            self.query_edited();
        } else if let Some(v) = self.screen.speakers_mut().filter(|v| v.editing) {
            v.query.insert_str(text);
            if let Some(ix) = &self.speakers {
                v.refilter(ix);
            }
        }
        self.sync();
    }

    /// The query text changed: tell the worker, and without a query go
    /// back to every article in load order.
    pub(crate) fn query_edited(&mut self) {
        self.filter.query_changed();
        let (generation, query) = self.filter.next_submission();
        self.effects
            .push(Effect::SubmitFilter { generation, query });
        if !self.filter.active() {
            self.rearrange();
        }
    }

    pub(crate) fn clear_filter(&mut self) {
        self.filter.editing = false;
        if self.filter.active() {
            self.filter.query.clear();
            self.query_edited();
        }
    }

    /// Scroll the reader to the next (or previous) matching paragraph.
    pub(crate) fn jump_to_match(&mut self, forward: bool) {
        self.jump_to_match_from(forward, false);
    }

    /// [`Self::jump_to_match`]; `here_too`: a match at the top of the view
    /// counts (a new search starts where the reader is, as in less).
    fn jump_to_match_from(&mut self, forward: bool, here_too: bool) {
        let (Some(doc), Some(matches)) = (&self.reader.layout, self.shown_matches()) else {
            if self.filter.active() || self.find.active() {
                self.message = Some("No match in this article".into());
            }
            return;
        };
        // Where each match would put the view (in text order); only real
        // moves count, so matches already on the last page do not swallow
        // the key. Past the last, n wraps to the first (and N the other
        // way), and says so, as less does.
        let max = self.max_reader_scroll();
        let here = self.reader.scroll;
        let stops: Vec<usize> = matches
            .iter()
            .filter_map(|m| doc.paragraph_line(m.paragraph))
            .map(|l| l.saturating_sub(JUMP_CONTEXT).min(max))
            .collect();
        if stops.is_empty() {
            self.message = Some("No match shown in this article".into());
            return;
        }
        let next = if forward {
            stops
                .iter()
                .position(|&t| t > here || (here_too && t == here))
        } else {
            stops.iter().rposition(|&t| t < here)
        };
        let wrapped = next.is_none();
        let k = next.unwrap_or(if forward { 0 } else { stops.len() - 1 });
        self.reader.scroll = stops[k];
        self.message = Some(format!(
            "{}match {} of {}",
            if wrapped {
                "No more matches, wrapped · "
            } else {
                ""
            },
            k + 1,
            stops.len()
        ));
    }

    pub(crate) fn update_panes(&mut self, action: Action) {
        match action {
            // In the reader, `/` finds in this article (less, vim); in the
            // list it filters the corpus.
            Action::Filter if self.focus == Focus::Reader => {
                self.find = Default::default();
                self.find.editing = true;
            }
            Action::Filter => {
                self.filter.editing = true;
                self.focus = Focus::List;
            }
            Action::Back if self.focus == Focus::Reader && self.find.active() => {
                self.find = Default::default();
            }
            Action::NextMatch => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::NextQuote => self.jump_to_quote(true),
            Action::PrevQuote => self.jump_to_quote(false),
            Action::ToggleQuotesOnly => self.toggle_quotes_only(),
            Action::NextUnread => self.next_unread(),
            Action::MarkAllRead => self.mark_all_read(),
            Action::ToggleRead => self.toggle_read(),
            Action::CycleSort => {
                self.list_order = self.list_order.next();
                self.rearrange();
                self.message = Some(self.list_order.describe().into());
            }
            Action::ShowSpeakers => {
                let mut v = self.speakers_left.take().unwrap_or_default();
                v.editing = false;
                self.screen = Screen::Speakers(Box::new(v));
            }
            Action::ShowStatements => self.show_statements(),
            Action::QuoteStatement => self.quote_statement(),
            Action::ShowCoverage => self.open_coverage(),
            Action::ToggleStories => self.toggle_stories(),
            Action::CompareStory => self.open_story_matrix(),
            Action::Compare if self.marked.is_none() && self.on_folded_story() => {
                self.open_story_matrix()
            }
            Action::ToggleCopies => self.toggle_copies(),
            Action::Open if self.focus == Focus::List && self.open_story() => {}
            Action::Back
                if self.focus == Focus::List
                    && !self.filter.active()
                    && self.pending_compare.is_none()
                    && self.fold_story() => {}
            Action::Back if self.pending_compare.is_some() => {
                self.cancel_pending_compare();
                self.message = Some("Comparison cancelled".into());
            }
            Action::Back if self.focus == Focus::List && self.filter.active() => {
                self.clear_filter()
            }
            Action::ToggleMark => self.toggle_mark(),
            Action::Compare => self.compare_with_marked(),
            Action::ToggleCompareTable | Action::ToggleSyncScroll => {
                self.message = Some(format!(
                    "Compare two articles first: {} marks one, {} compares it with another",
                    self.keymap.hint(Action::ToggleMark),
                    self.keymap.hint(Action::Compare)
                ));
            }
            Action::ToggleNoise => {
                self.hide_noise = !self.hide_noise;
                self.message = Some(if self.hide_noise {
                    "Boilerplate and repeated paragraphs hidden".into()
                } else {
                    "Boilerplate and repeated paragraphs shown (dimmed)".into()
                });
                self.sync();
            }
            Action::FocusNext | Action::FocusPrev => {
                self.focus = match self.focus {
                    Focus::List => Focus::Reader,
                    Focus::Reader => Focus::List,
                };
            }
            Action::Open => {
                if self.current().is_some() {
                    self.focus = Focus::Reader;
                }
            }
            Action::Back => self.focus = Focus::List,
            Action::ScrollAt { x, y, lines } => self.scroll_at(x, y, lines),
            Action::ClickAt { x, y } => self.click_at(x, y),
            a => match self.focus {
                Focus::List => {
                    let page = self.list_rows().max(1);
                    if let Some(s) = step(self.selected, a, page) {
                        self.select(s);
                    }
                }
                Focus::Reader => {
                    let page = self.reader_body_rows().max(1);
                    if let Some(s) = step(self.reader.scroll, a, page) {
                        self.reader.scroll = s;
                        // Still being laid out: G goes to the end of it
                        // once it is.
                        if let Some(p) = self.reader.pending.as_mut() {
                            p.place = layout_job::Place::Line(s);
                        }
                    }
                }
            },
        }
    }

    /// `u`: the next article in the list not read yet, round to the top.
    fn next_unread(&mut self) {
        let n = self.order.len();
        let unread = |app: &Self, pos: usize| {
            let a = &app.articles[app.order[pos]];
            !app.reading.is_read(a.content_hash)
        };
        match (1..=n)
            .map(|k| (self.selected + k) % n)
            .find(|&p| unread(self, p))
        {
            Some(pos) => {
                self.select(pos);
                self.message = None;
            }
            None => self.message = Some("No unread articles".into()),
        }
    }

    /// `M`: every article in the list read (under a filter, the matches).
    fn mark_all_read(&mut self) {
        let hashes: Vec<u64> = self
            .order
            .iter()
            .map(|&i| self.articles[i].content_hash)
            .filter(|&h| !self.reading.is_read(h))
            .collect();
        for &h in &hashes {
            self.reading.mark_read(h);
        }
        self.message = Some(match hashes.len() {
            0 => "Every listed article was read already".into(),
            1 => "Marked 1 article read".into(),
            k => format!("Marked {k} articles read"),
        });
    }

    /// `m`: the selected article read or unread. Marked unread, it stays
    /// so while on screen, even in the reading pane.
    fn toggle_read(&mut self) {
        let Some(hash) = self.current().map(|a| a.content_hash) else {
            return;
        };
        let read = self.reading.toggle_read(hash);
        self.message = Some(if read { "Marked read" } else { "Marked unread" }.into());
    }

    /// Select list position `pos` (clamped); the reader shows it at once.
    pub fn select(&mut self, pos: usize) {
        let pos = pos.min(self.order.len().saturating_sub(1));
        if pos != self.selected {
            self.selected = pos;
            self.reader.scroll = 0;
            self.reader.quote_cursor = None;
        }
    }

    pub(crate) fn scroll_at(&mut self, x: u16, y: u16, lines: i16) {
        let Split::Panes(p) = layout::screen(self.area, self.focus) else {
            return;
        };
        if p.list.is_some_and(|r| layout::contains(r, x, y)) {
            let max = self.order.len().saturating_sub(self.list_rows());
            self.list_offset = offset_by(self.list_offset, lines.signum() as isize).min(max);
        } else if p.reader.is_some_and(|r| layout::contains(r, x, y)) {
            self.reader.scroll = offset_by(self.reader.scroll, lines as isize);
            if let Some(a) = self.current() {
                self.reading.mark_read(a.content_hash);
            }
        }
    }

    pub(crate) fn click_at(&mut self, x: u16, y: u16) {
        let Split::Panes(p) = layout::screen(self.area, self.focus) else {
            return;
        };
        if let Some(list) = p.list.filter(|r| layout::contains(*r, x, y)) {
            self.focus = Focus::List;
            let inner = layout::inner(list);
            if layout::contains(inner, x, y) {
                let row = ((y - inner.y) / self.list_row_height()) as usize;
                let pos = self.list_offset + row;
                if pos < self.order.len() {
                    self.select(pos);
                }
            }
        } else if p.reader.is_some_and(|r| layout::contains(r, x, y)) {
            self.focus = Focus::Reader;
        }
    }

    /// Screen rows per article in the list.
    pub fn list_row_height(&self) -> u16 {
        if self.filter.active() {
            LIST_ROWS_FILTERED
        } else {
            LIST_ROWS_PLAIN
        }
    }

    /// Articles that fit in the list pane.
    pub fn list_rows(&self) -> usize {
        match layout::screen(self.area, Focus::List) {
            Split::Panes(p) => p.list.map_or(0, |r| {
                (layout::inner(r).height / self.list_row_height()) as usize
            }),
            Split::TooSmall(_) => 0,
        }
    }

    /// Match highlights for the rows on screen and the article in the
    /// reader (computed here, never while drawing).
    pub(crate) fn sync_matches(&mut self, rows: usize) {
        if let Some(id) = self.current_index() {
            self.find.ensure(id, &self.articles[id]);
        }
        if !self.filter.active() {
            return;
        }
        for &id in self.order.iter().skip(self.list_offset).take(rows) {
            if let Some(hit) = self.filter.hit(id).copied() {
                self.filter
                    .ensure_snippet(id, &self.articles[id], hit.best_paragraph);
            }
        }
        if let Some(id) = self.current_index() {
            self.filter.ensure_reader_matches(id, &self.articles[id]);
        }
    }
}
