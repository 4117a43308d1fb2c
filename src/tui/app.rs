//! The reader's state and the one place it changes: [`App::update`].
//!
//! Input becomes an [`Action`]; `update` applies it; views draw from the
//! state only. Anything expensive that a view needs (the wrapped article)
//! is computed here, once, when what it depends on changes.

use std::sync::Arc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};
use ratatui::layout::Rect;

use crate::corpus::{Article, LoadEvent, LoadProblem};
use crate::quotes::{ArticleQuotes, SpeakerIndex, find_quotes};
use crate::state::Position;
use crate::wrap::{ArticleLayout, LayoutOptions};

use super::action::Action;
use super::compare_view::{CompareMode, CompareState, Geometry, Side};
use super::effect::Effect;
use super::filter::{FilterState, delete_word};
use super::keymap::KeyMap;
use super::layout::{self, CompareScreen, Focus, Screen};
use super::quote_view::QuoteView;
use super::reading::Reading;
use super::speakers_view::SpeakersView;
use super::theme::Theme;
use super::views;

mod take_out;

/// Lines scrolled per mouse-wheel notch.
const WHEEL_LINES: i16 = 3;
/// Rows per article in the list: title and byline; filtering adds a
/// snippet of the best matching paragraph.
const LIST_ROWS_PLAIN: u16 = 2;
const LIST_ROWS_FILTERED: u16 = 3;
/// Lines kept above a paragraph the reader jumps to.
const JUMP_CONTEXT: usize = 1;
/// Articles up to this size have their quotations found on the spot when
/// a comparison needs them (about a millisecond for a news article);
/// longer ones are handed to the quotations thread.
pub const INLINE_QUOTES_MAX_BYTES: usize = 1 << 20;

/// A box drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Problems { scroll: usize },
}

/// How far loading has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loading {
    pub total_files: Option<usize>,
    pub batches: usize,
    pub done: bool,
}

/// The reading pane: which article, where, and its cached layout.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    pub scroll: usize,
    /// The article the layout is for.
    pub article: Option<usize>,
    pub layout: Option<ArticleLayout>,
    /// The article's quotations, once the loader has found them.
    pub quotes: Option<QuoteView>,
    /// Only the quotations, each under its speaker (`Q`).
    pub quotes_only: bool,
    /// The quotation `]`/`[` last went to.
    pub quote_cursor: Option<usize>,
}

/// Everything the views draw from.
pub struct App {
    pub articles: Vec<Article>,
    /// Quotations of the articles read so far (found off the UI thread
    /// when an article is first shown).
    pub quotes: Vec<Option<Arc<ArticleQuotes>>>,
    /// Articles whose quotations are in `quotes`.
    pub quotes_found: usize,
    /// The article whose quotations were last asked for.
    quotes_asked: Option<usize>,
    /// Every speaker of the corpus, once every article's quotations are in.
    pub speakers: Option<Arc<SpeakerIndex>>,
    /// The speakers view (`s`), while it is open.
    pub speakers_view: Option<SpeakersView>,
    /// The speakers view as it was when Enter left it for the reader, so
    /// that `s` comes back to the same speaker and quotation.
    speakers_left: Option<SpeakersView>,
    pub problems: Vec<LoadProblem>,
    pub skipped_files: usize,
    pub loading: Loading,
    /// Articles in list order (indices into `articles`).
    pub order: Vec<usize>,
    /// Position of the selection in `order`.
    pub selected: usize,
    /// First list row shown.
    pub list_offset: usize,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    pub hide_noise: bool,
    /// Longest reading line (config `reader.max-width`).
    pub max_text_width: u16,
    pub reader: Reader,
    /// Terminal size.
    pub area: Rect,
    pub theme: Theme,
    pub keymap: KeyMap,
    /// One-line feedback in the status bar, cleared by the next key.
    pub message: Option<String>,
    pub filter: FilterState,
    /// The article marked for a comparison (index in `articles`).
    pub marked: Option<usize>,
    /// Two articles side by side, while they are compared.
    pub compare: Option<CompareState>,
    /// A comparison waiting for quotations: (left, right) article indices.
    pending_compare: Option<(usize, usize)>,
    /// The article whose quotations the pending comparison asked for.
    compare_asked: Option<usize>,
    /// Effects waiting for the runtime (see [`App::take_effects`]).
    effects: Vec<Effect>,
    /// Read or not, and where, per article; what to reopen (kept in
    /// memory only unless the runtime saves it).
    pub reading: Reading,
    pub quit: bool,
}

impl App {
    pub fn new(theme: Theme, keymap: KeyMap, width: u16, height: u16) -> Self {
        App {
            articles: Vec::new(),
            quotes: Vec::new(),
            quotes_found: 0,
            quotes_asked: None,
            speakers: None,
            speakers_view: None,
            speakers_left: None,
            problems: Vec::new(),
            skipped_files: 0,
            loading: Loading::default(),
            order: Vec::new(),
            selected: 0,
            list_offset: 0,
            focus: Focus::List,
            overlay: None,
            hide_noise: false,
            max_text_width: layout::MAX_TEXT_WIDTH,
            reader: Reader::default(),
            area: Rect::new(0, 0, width, height),
            theme,
            keymap,
            message: None,
            filter: FilterState::default(),
            marked: None,
            compare: None,
            pending_compare: None,
            compare_asked: None,
            effects: Vec::new(),
            reading: Reading::default(),
            quit: false,
        }
    }

    /// An app with a corpus already loaded (tests, snapshots).
    pub fn with_articles(articles: Vec<Article>, width: u16, height: u16) -> Self {
        let mut app = App::new(Theme::dark(), KeyMap::default(), width, height);
        let (quotes, index) = crate::library::quote_and_index(&articles);
        app.apply_load(LoadEvent::Started {
            total_files: articles.len(),
            problems: Vec::new(),
            skipped_files: 0,
        });
        app.apply_load(LoadEvent::Batch {
            articles,
            problems: Vec::new(),
        });
        app.apply_load(LoadEvent::Finished);
        app.apply_quotes(0, quotes);
        app.apply_speakers(index);
        app
    }

    /// The article under the selection.
    pub fn current(&self) -> Option<&Article> {
        self.current_index().map(|i| &self.articles[i])
    }

    pub fn current_index(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// What the runtime should do now; emptied by the call.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Turn a terminal event into an action and apply it. Returns whether
    /// anything may have changed on screen.
    pub fn handle_terminal_event(&mut self, event: &Event) -> bool {
        let action = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.message = None;
                let action = if self.filter.editing || self.speakers_typing() {
                    prompt_action(key)
                } else {
                    self.keymap.action(key)
                };
                match action {
                    Some(a) => a,
                    None => return true,
                }
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Action::ScrollAt {
                    x: m.column,
                    y: m.row,
                    lines: WHEEL_LINES,
                },
                MouseEventKind::ScrollUp => Action::ScrollAt {
                    x: m.column,
                    y: m.row,
                    lines: -WHEEL_LINES,
                },
                MouseEventKind::Down(_) => Action::ClickAt {
                    x: m.column,
                    y: m.row,
                },
                _ => return false,
            },
            Event::Resize(w, h) => Action::Resize {
                width: *w,
                height: *h,
            },
            _ => return false,
        };
        self.update(action);
        true
    }

    /// Fold a loader event into the state.
    pub fn apply_load(&mut self, event: LoadEvent) {
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
                self.articles.extend(articles);
                self.quotes.resize(self.articles.len(), None);
                // Under a filter the worker's results decide the order.
                if !self.filter.active() {
                    self.order.extend(first..self.articles.len());
                }
                self.problems.extend(problems);
                self.loading.batches += 1;
                self.reopen_last(first);
            }
            LoadEvent::Finished => {
                self.loading.done = true;
                self.reading.cancel_restore();
                self.effects.push(Effect::SweepQuotes);
            }
        }
        self.sync();
    }

    /// Quotations found for articles `first..`, in order.
    pub fn apply_quotes(&mut self, first: usize, quotes: Vec<Arc<ArticleQuotes>>) {
        self.apply_found(
            quotes
                .into_iter()
                .enumerate()
                .map(|(i, q)| (first + i, q))
                .collect(),
        );
    }

    /// Quotations found: (article index, its quotations), in any order.
    pub fn apply_found(&mut self, found: Vec<(usize, Arc<ArticleQuotes>)>) {
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
    fn store_quotes(&mut self, id: usize, q: Arc<ArticleQuotes>) {
        if let Some(slot) = self.quotes.get_mut(id) {
            if slot.is_none() {
                self.quotes_found += 1;
            }
            *slot = Some(q);
        }
    }

    /// Every article's quotations are in: the speakers of the corpus, the
    /// unnamed sources folded into one entry at the end of the list.
    pub fn apply_speakers(&mut self, index: SpeakerIndex) {
        self.speakers = Some(Arc::new(index.with_unnamed_grouped()));
        self.sync();
    }

    /// While the background sweep runs: (articles done, articles).
    pub fn sweep_progress(&self) -> Option<(usize, usize)> {
        (self.loading.done && self.speakers.is_none())
            .then_some((self.quotes_found, self.articles.len()))
    }

    /// Take a filter worker event: the list follows the newest results.
    pub fn apply_filter_event(&mut self, event: crate::search::FilterEvent) {
        let Some(first) = self.filter.accept(event) else {
            return;
        };
        let keep = self.current_index();
        self.order = self
            .filter
            .results
            .as_ref()
            .map_or_else(Vec::new, |r| r.hits.iter().map(|h| h.article).collect());
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

    /// Under a filter, where the reader should open the current article:
    /// just above its best matching paragraph.
    fn best_match_line(&self) -> Option<usize> {
        let hit = self.filter.hit(self.current_index()?)?;
        let line = self
            .reader
            .layout
            .as_ref()?
            .paragraph_line(hit.best_paragraph)?;
        Some(line.saturating_sub(JUMP_CONTEXT))
    }

    /// The worker took the last submitted query under `generation`.
    pub fn filter_submitted(&mut self, generation: u64) {
        self.filter.submitted(generation);
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. }) {
            // The user has moved on: the last article is not reopened.
            self.reading.cancel_restore();
        }
        if self.filter.editing && self.update_prompt(action) {
            self.sync();
            return;
        }
        if self.speakers_typing() && self.update_speakers_prompt(action) {
            self.sync();
            return;
        }
        if self.overlay.is_none() && self.take_out(action) {
            self.sync();
            return;
        }
        if let Some(overlay) = self.overlay {
            self.update_overlay(overlay, action);
        } else if self.compare.is_some() {
            self.update_compare(action);
        } else if self.speakers_view.is_some() {
            self.update_speakers(action);
        } else {
            self.update_panes(action);
        }
        self.sync();
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) {
        let (scroll, len) = match overlay {
            Overlay::Help { scroll } => (scroll, views::help::line_count(&self.keymap)),
            Overlay::Problems { scroll } => (scroll, views::problems::line_count(self)),
        };
        let page = self.area.height.saturating_sub(4).max(1) as usize;
        let new_scroll = match action {
            Action::Quit => {
                self.quit = true;
                return;
            }
            Action::Back | Action::Open => {
                self.overlay = None;
                return;
            }
            Action::ToggleHelp => {
                self.overlay = match overlay {
                    Overlay::Help { .. } => None,
                    Overlay::Problems { .. } => Some(Overlay::Help { scroll: 0 }),
                };
                return;
            }
            Action::ShowProblems => {
                self.overlay = match overlay {
                    Overlay::Problems { .. } => None,
                    Overlay::Help { .. } => Some(Overlay::Problems { scroll: 0 }),
                };
                return;
            }
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                scroll
            }
            a => step(scroll, a, page).unwrap_or(scroll),
        };
        let max = len.saturating_sub(page);
        let scroll = new_scroll.min(max);
        self.overlay = Some(match overlay {
            Overlay::Help { .. } => Overlay::Help { scroll },
            Overlay::Problems { .. } => Overlay::Problems { scroll },
        });
    }

    /// Prompt editing; false when the action is not the prompt's (moving
    /// in the list while typing, quitting).
    fn update_prompt(&mut self, action: Action) -> bool {
        let f = &mut self.filter;
        match action {
            Action::FilterInsert(c) => f.query.push(c),
            Action::FilterBackspace => {
                f.query.pop();
            }
            Action::FilterDeleteWord => delete_word(&mut f.query),
            Action::FilterClear => f.query.clear(),
            Action::FilterAccept => {
                f.editing = false;
                self.focus = Focus::List;
                return true;
            }
            Action::FilterCancel => {
                self.clear_filter();
                return true;
            }
            _ => return false,
        }
        self.query_edited();
        true
    }

    /// The query text changed: tell the worker, and without a query go
    /// back to every article in load order.
    fn query_edited(&mut self) {
        self.filter.query_changed();
        self.effects
            .push(Effect::SubmitFilter(self.filter.query.clone()));
        if !self.filter.active() {
            let keep = self.current_index();
            self.order = (0..self.articles.len()).collect();
            self.selected = keep.unwrap_or(0);
        }
    }

    fn clear_filter(&mut self) {
        self.filter.editing = false;
        if self.filter.active() {
            self.filter.query.clear();
            self.query_edited();
        }
    }

    /// Scroll the reader to the next (or previous) matching paragraph.
    fn jump_to_match(&mut self, forward: bool) {
        let (Some(doc), Some((_, matches))) = (&self.reader.layout, &self.filter.reader_matches)
        else {
            if self.filter.active() {
                self.message = Some("No match in this article".into());
            }
            return;
        };
        // Where each match would put the view; only real moves count, so
        // matches already on the last page do not swallow the key.
        let max = self.max_reader_scroll();
        let here = self.reader.scroll;
        let stops = matches
            .iter()
            .filter_map(|m| doc.paragraph_line(m.paragraph))
            .map(|l| l.saturating_sub(JUMP_CONTEXT).min(max));
        let target = if forward {
            stops.filter(|&t| t > here).min()
        } else {
            stops.filter(|&t| t < here).max()
        };
        match target {
            Some(t) => self.reader.scroll = t,
            None => {
                let n = matches.len();
                let dir = if forward { "below" } else { "above" };
                self.message = Some(format!(
                    "{n} matching paragraph{} in this article; none {dir}",
                    if n == 1 { "" } else { "s" }
                ));
            }
        }
    }

    fn update_panes(&mut self, action: Action) {
        match action {
            Action::Filter => {
                self.filter.editing = true;
                self.focus = Focus::List;
            }
            Action::NextMatch => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::NextQuote => self.jump_to_quote(true),
            Action::PrevQuote => self.jump_to_quote(false),
            Action::ToggleQuotesOnly => self.toggle_quotes_only(),
            Action::ShowSpeakers => {
                let mut v = self.speakers_left.take().unwrap_or_default();
                v.editing = false;
                self.speakers_view = Some(v);
            }
            Action::Back if self.pending_compare.is_some() => {
                self.pending_compare = None;
                self.compare_asked = None;
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
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ShowProblems => self.overlay = Some(Overlay::Problems { scroll: 0 }),
            Action::ToggleNoise => {
                self.hide_noise = !self.hide_noise;
                self.message = Some(if self.hide_noise {
                    "Boilerplate and repeated paragraphs hidden".into()
                } else {
                    "Boilerplate and repeated paragraphs shown (dimmed)".into()
                });
                self.keep_reader_position_across_relayout();
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
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                self.keep_reader_position_across_relayout();
            }
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
                    }
                }
            },
        }
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

    fn scroll_at(&mut self, x: u16, y: u16, lines: i16) {
        let Screen::Panes(p) = layout::screen(self.area, self.focus) else {
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

    fn click_at(&mut self, x: u16, y: u16) {
        let Screen::Panes(p) = layout::screen(self.area, self.focus) else {
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
            Screen::Panes(p) => p.list.map_or(0, |r| {
                (layout::inner(r).height / self.list_row_height()) as usize
            }),
            Screen::TooSmall(_) => 0,
        }
    }

    /// The reader pane's rectangle (as it is or would be when focused).
    pub fn reader_pane(&self) -> Option<Rect> {
        match layout::screen(self.area, Focus::Reader) {
            Screen::Panes(p) => p.reader,
            Screen::TooSmall(_) => None,
        }
    }

    /// The reader's header, body and text column for the current article.
    pub fn reader_areas(&self) -> Option<layout::ReaderAreas> {
        let pane = self.reader_pane()?;
        let rows = self.current().map_or(1, |a| {
            views::reader::header_rows(
                a,
                self.reader.quotes.as_ref(),
                layout::inner(pane),
                views::reader::COMPACT_HEADER_BELOW,
            )
        });
        Some(layout::reader_areas(pane, rows, self.max_text_width))
    }

    fn reader_body_rows(&self) -> usize {
        self.reader_areas().map_or(0, |a| a.body.height as usize)
    }

    /// The last scroll position that still fills the pane.
    pub fn max_reader_scroll(&self) -> usize {
        let lines = self.reader.layout.as_ref().map_or(0, ArticleLayout::len);
        lines.saturating_sub(self.reader_body_rows())
    }

    /// Before a relayout (resize, hide/show noise), remember which text is
    /// at the top so the reader stays on it.
    fn keep_reader_position_across_relayout(&mut self) {
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

    /// Recompute what depends on the state: the reader layout, scroll and
    /// list bounds. Cheap when nothing changed.
    fn sync(&mut self) {
        if self.selected >= self.order.len() {
            self.selected = self.order.len().saturating_sub(1);
        }
        let current = self.current_index();
        let width = self
            .reader_areas()
            .map_or(0, |a| a.text.width as usize)
            .max(1);
        let options = LayoutOptions {
            width,
            hide_noise: self.hide_noise,
        };
        if let Some(i) = current
            && self.quotes.get(i).is_some_and(Option::is_none)
            && self.quotes_asked != Some(i)
        {
            self.quotes_asked = Some(i);
            self.effects.push(Effect::FindQuotes(i));
        }
        let moved = self.reader.article != current;
        let quotes_arrived = self.reader.quotes.is_none()
            && current.is_some_and(|i| self.quotes.get(i).is_some_and(Option::is_some));
        if moved || quotes_arrived {
            self.reader.quotes = current.and_then(|i| {
                let found = self.quotes.get(i)?.clone()?;
                Some(QuoteView::new(&self.articles[i], found))
            });
        }
        let stale = moved
            || quotes_arrived
            || self
                .reader
                .layout
                .as_ref()
                .is_none_or(|l| l.options != options);
        if stale {
            // Quotations arriving add room for tags: keep the text on top.
            let anchor = if moved { None } else { self.top_position() };
            self.reader.layout = current.map(|i| self.layout_for(i, options));
            if moved {
                self.reader.scroll = self
                    .best_match_line()
                    .or_else(|| self.remembered_line())
                    .unwrap_or(0);
            } else if let Some(line) = anchor.and_then(|p| self.line_of_position(p)) {
                self.reader.scroll = line;
            }
            self.reader.article = current;
        }
        self.reader.scroll = self.reader.scroll.min(self.max_reader_scroll());
        self.note_reading();
        // Keep the selection in view.
        let rows = self.list_rows().max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
        self.list_offset = self.list_offset.min(self.order.len().saturating_sub(rows));
        self.sync_matches(rows);
        self.sync_compare();
        self.sync_speakers();
    }

    /// The reader's lines for article `i`: the whole article with room
    /// for speaker tags, or only its quotations.
    fn layout_for(&self, i: usize, options: LayoutOptions) -> ArticleLayout {
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
    fn quote_line(&self, i: usize) -> Option<usize> {
        let q = self.reader.quotes.as_ref()?.quotes().get(i)?;
        let doc = self.reader.layout.as_ref()?;
        doc.paragraph_line(q.paragraph)?;
        doc.line_of_offset(q.outer().start)
    }

    /// `]` / `[`: the next quotation after the one last jumped to (or
    /// below the top of the pane), scrolled to just under the top.
    fn jump_to_quote(&mut self, forward: bool) {
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
                views::text::count(count, "quotation")
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
    fn toggle_quotes_only(&mut self) {
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
        // From the top of the article, the other view opens at its top.
        let keep = self.reader.quote_cursor.filter(|_| top > 0).or_else(|| {
            let count = self.reader.quotes.as_ref().map_or(0, |q| q.quotes().len());
            (0..count).find(|&i| self.quote_line(i).is_some_and(|l| l >= top))
        });
        self.reader.quotes_only = !self.reader.quotes_only;
        self.reader.layout = None;
        self.sync();
        self.reader.scroll = keep
            .filter(|_| top > 0)
            .and_then(|i| self.quote_line(i))
            .map_or(0, |l| l.saturating_sub(JUMP_CONTEXT))
            .min(self.max_reader_scroll());
        self.message = Some(if self.reader.quotes_only {
            "Quotations only".into()
        } else {
            "Whole article".into()
        });
    }

    /// Match highlights for the rows on screen and the article in the
    /// reader (computed here, never while drawing).
    fn sync_matches(&mut self, rows: usize) {
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

/// Reading state: reopening the last article, each article at its place,
/// recording what is read (see [`Reading`]).
impl App {
    /// A batch from `first` on has loaded: select the last article of the
    /// previous session if it is among them (and the user has not moved).
    fn reopen_last(&mut self, first: usize) {
        let Some(found) = self.reading.find_restore(&self.articles[first..]) else {
            return;
        };
        if let Some(pos) = self.order.iter().position(|&a| a == first + found) {
            self.select(pos);
        }
    }

    /// Where the reader is in its article: the first text on screen.
    pub fn top_position(&self) -> Option<Position> {
        let layout = self.reader.layout.as_ref()?;
        let offset = layout.lines.get(self.reader.scroll)?.range.start;
        let line = layout.line_of_offset(offset).unwrap_or(self.reader.scroll);
        Some(Position {
            offset,
            lead: line.saturating_sub(self.reader.scroll),
        })
    }

    /// The scroll line that puts `p` at the top of the reader.
    fn line_of_position(&self, p: Position) -> Option<usize> {
        let line = self.reader.layout.as_ref()?.line_of_offset(p.offset)?;
        Some(line.saturating_sub(p.lead))
    }

    /// Where the current article was left, as a scroll line.
    fn remembered_line(&self) -> Option<usize> {
        let p = self.reading.position(self.current()?.content_hash)?;
        self.line_of_position(p)
    }

    /// Record the article on screen: read once the reading pane has the
    /// keyboard, and its position.
    fn note_reading(&mut self) {
        let Some(i) = self.current_index() else {
            return;
        };
        if self.reader.article != Some(i) {
            return;
        }
        let reading =
            self.focus == Focus::Reader && self.compare.is_none() && self.speakers_view.is_none();
        // The top is no position: a preview in another instance must not
        // undo where this article was left there.
        let position = if self.reader.scroll == 0 {
            Position::default()
        } else {
            self.top_position().unwrap_or_default()
        };
        let hash = self.articles[i].content_hash;
        self.reading.note(hash, reading, position);
    }
}

/// Comparing two articles: marking, opening, and the comparison view's
/// share of `update` and `sync`.
impl App {
    /// Space: mark the selected article, or unmark it.
    fn toggle_mark(&mut self) {
        let Some(id) = self.current_index() else {
            return;
        };
        if self.marked == Some(id) {
            self.marked = None;
            self.message = Some("Mark removed".into());
        } else {
            self.marked = Some(id);
            self.message = Some(format!(
                "Marked · select another article and press {} to compare",
                self.keymap.hint(Action::Compare)
            ));
        }
    }

    /// `c`: compare the marked article with the selected one; with none
    /// marked, mark this one and ask for the other.
    fn compare_with_marked(&mut self) {
        let Some(id) = self.current_index() else {
            return;
        };
        let key = self.keymap.hint(Action::Compare);
        match self.marked {
            None => {
                self.marked = Some(id);
                self.message = Some(format!(
                    "Compare with which article? Select it and press {key}"
                ));
            }
            Some(m) if m == id => {
                self.message = Some(format!(
                    "This is the marked article: select another and press {key}"
                ));
            }
            Some(m) => {
                self.pending_compare = Some((m, id));
                self.open_pending_compare();
                if self.compare.is_none() {
                    self.message = Some("Finding quotations to compare…".into());
                }
            }
        }
    }

    /// Open the pending comparison once both articles' quotations are
    /// known: ordinary articles have theirs found here and now, long ones
    /// are asked of the quotations thread, one at a time.
    fn open_pending_compare(&mut self) {
        let Some((l, r)) = self.pending_compare else {
            return;
        };
        for id in [l, r] {
            let small = self
                .articles
                .get(id)
                .is_some_and(|a| a.text.len() <= INLINE_QUOTES_MAX_BYTES);
            if small && self.quotes.get(id).is_some_and(Option::is_none) {
                let q = Arc::new(find_quotes(&self.articles[id]));
                self.store_quotes(id, q);
            }
        }
        let found = |id: usize| self.quotes.get(id).cloned().flatten();
        match (found(l), found(r)) {
            (Some(lq), Some(rq)) => {
                self.compare = Some(CompareState::new(
                    (l, &self.articles[l], lq),
                    (r, &self.articles[r], rq),
                ));
                self.pending_compare = None;
                self.compare_asked = None;
                self.message = None;
            }
            (lq, _) => {
                let missing = if lq.is_none() { l } else { r };
                if self.compare_asked != Some(missing) {
                    self.compare_asked = Some(missing);
                    self.effects.push(Effect::FindQuotes(missing));
                }
            }
        }
    }

    /// Where the comparison's panes are (a pane not shown for lack of
    /// room is placed where it would be); None when the screen is too
    /// small or nothing is compared.
    pub fn compare_geometry(&self) -> Option<Geometry> {
        let c = self.compare.as_ref()?;
        let CompareScreen::Shown(a) = layout::compare_screen(self.area, c.active) else {
            return None;
        };
        let gutter = c.marker_width() + layout::GUTTER;
        let areas = |side: Side| {
            let rect = a.pane(side).unwrap_or(a.main);
            let pane = c.pane(side);
            let rows = self.articles.get(pane.article).map_or(1, |art| {
                views::reader::header_rows(
                    art,
                    Some(&pane.quotes),
                    layout::inner(rect),
                    views::compare::COMPACT_HEADER_BELOW,
                )
            });
            layout::pane_areas(rect, rows, gutter, self.max_text_width)
        };
        let table = layout::table_areas(a.main);
        Some(Geometry {
            left: areas(Side::Left),
            right: areas(Side::Right),
            side_by_side: !a.stacked,
            table_rows: table.body.height as usize,
            table_columns: table.columns,
        })
    }

    fn update_compare(&mut self, action: Action) {
        let g = self.compare_geometry();
        let Some(c) = self.compare.as_mut() else {
            return;
        };
        let mut message = None;
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ShowProblems => self.overlay = Some(Overlay::Problems { scroll: 0 }),
            // The layouts follow in `sync`, each pane kept on its text.
            Action::Resize { width, height } => self.area = Rect::new(0, 0, width, height),
            Action::ToggleNoise => {
                self.hide_noise = !self.hide_noise;
                message = Some(if self.hide_noise {
                    "Boilerplate and repeated paragraphs hidden"
                } else {
                    "Boilerplate and repeated paragraphs shown (dimmed)"
                });
            }
            Action::Back => match c.mode {
                CompareMode::Table => c.mode = CompareMode::Panes,
                CompareMode::Panes => {
                    self.compare = None;
                    self.focus = Focus::List;
                }
            },
            Action::ToggleCompareTable => c.toggle_table(),
            Action::ToggleSyncScroll => {
                c.sync = !c.sync;
                message = Some(if c.sync {
                    "The panes scroll together"
                } else {
                    "Each pane scrolls on its own"
                });
            }
            Action::FocusNext | Action::FocusPrev if c.mode == CompareMode::Panes => {
                c.active = c.active.other();
            }
            Action::NextQuote | Action::PrevQuote => {
                self.jump_to_pair(action == Action::NextQuote);
            }
            Action::Open => {
                if let (Some(g), CompareMode::Table) = (g, c.mode) {
                    c.open_table_row(&g);
                    self.message = self.pair_message();
                }
            }
            Action::ScrollAt { x, y, lines } => self.compare_scroll_at(x, y, lines),
            Action::ClickAt { x, y } => self.compare_click_at(x, y),
            Action::Compare => message = Some("Already comparing · Esc returns to the list"),
            Action::ToggleMark
            | Action::Filter
            | Action::NextMatch
            | Action::PrevMatch
            | Action::ToggleQuotesOnly
            | Action::ShowSpeakers => {
                message = Some("Not while comparing · Esc returns to the list");
            }
            a => {
                let Some(g) = g else {
                    return;
                };
                match c.mode {
                    CompareMode::Panes => {
                        let side = c.active;
                        let page = g.areas(side).body.height.max(1) as usize;
                        match a {
                            Action::Top | Action::Bottom if c.sync => {
                                c.scroll_both_to(a == Action::Bottom, &g);
                            }
                            _ => {
                                if let Some(to) = step(c.pane(side).scroll, a, page) {
                                    c.scroll_to(side, to, &g);
                                }
                            }
                        }
                    }
                    CompareMode::Table => {
                        let page = c.table_rows_in_view(g.table_rows).max(1);
                        if let Some(to) = step(c.table.cursor, a, page) {
                            c.table_select(to);
                        }
                    }
                }
            }
        }
        if let Some(m) = message {
            self.message = Some(m.into());
        }
    }

    /// `]` / `[` comparing: the next shared statement, side by side; in
    /// the table, the next pair's row.
    fn jump_to_pair(&mut self, forward: bool) {
        let (Some(g), Some(c)) = (self.compare_geometry(), self.compare.as_mut()) else {
            return;
        };
        let n = c.comparison.pairs.len();
        if n == 0 {
            self.message = Some("No statement is quoted in both articles".into());
            return;
        }
        let dir = if forward { "below" } else { "above" };
        let moved = match c.mode {
            CompareMode::Table => c.table_next_pair(forward),
            CompareMode::Panes => match c.next_pair(forward, &g) {
                Some(k) => {
                    c.show_pair(k, &g);
                    true
                }
                None => false,
            },
        };
        self.message = if moved {
            self.pair_message()
        } else {
            Some(format!(
                "{} of shared statements; none {dir}",
                views::text::count(n, "pair")
            ))
        };
    }

    /// "Pair 1 of 2 · shared statement 1 · Sergei Lavrov / Sergey Lavrov".
    fn pair_message(&self) -> Option<String> {
        let c = self.compare.as_ref()?;
        let k = c.pair_cursor?;
        let p = c.comparison.pairs.get(k)?;
        let who = |pane: &super::compare_view::ComparePane, i: usize| {
            let v = &pane.quotes;
            v.quotes().get(i).map_or_else(String::new, |q| {
                v.found
                    .speaker_of(q)
                    .map_or_else(|| v.who(q), |s| s.name.clone())
            })
        };
        Some(format!(
            "Pair {} of {} · shared statement {} · {} / {}",
            k + 1,
            c.comparison.pairs.len(),
            c.comparison.group_of(p).unwrap_or(0),
            who(&c.left, p.left),
            who(&c.right, p.right)
        ))
    }

    /// The wheel over a pane scrolls that pane (and, in sync, the other);
    /// over the table it moves the cursor.
    fn compare_scroll_at(&mut self, x: u16, y: u16, lines: i16) {
        let Some(g) = self.compare_geometry() else {
            return;
        };
        let Some((c, a)) = self.compare_on_screen() else {
            return;
        };
        match c.mode {
            CompareMode::Panes => {
                if let Some(side) = a.pane_at(x, y) {
                    let to = offset_by(c.pane(side).scroll, lines as isize);
                    c.scroll_to(side, to, &g);
                }
            }
            CompareMode::Table => {
                if layout::contains(a.main, x, y) {
                    let to = offset_by(c.table.cursor, lines.signum() as isize);
                    c.table_select(to);
                }
            }
        }
    }

    /// The comparison and its areas, when it is open and the screen has
    /// room to show it: what the mouse can act on.
    fn compare_on_screen(&mut self) -> Option<(&mut CompareState, layout::CompareAreas)> {
        let c = self.compare.as_mut()?;
        let CompareScreen::Shown(a) = layout::compare_screen(self.area, c.active) else {
            return None;
        };
        Some((c, a))
    }

    /// A click makes a pane active, or picks a table row.
    fn compare_click_at(&mut self, x: u16, y: u16) {
        let Some((c, a)) = self.compare_on_screen() else {
            return;
        };
        match c.mode {
            CompareMode::Panes => {
                if let Some(side) = a.pane_at(x, y) {
                    c.active = side;
                }
            }
            CompareMode::Table => {
                let body = layout::table_areas(a.main).body;
                if !layout::contains(body, x, y) {
                    return;
                }
                let line = c.table.scroll + (y - body.y) as usize;
                if let Some(row) = c.table.layout.as_ref().and_then(|t| t.row_at(line)) {
                    c.table_select(row);
                }
            }
        }
    }

    /// Lay the comparison out for the screen: each pane's lines for its
    /// width (a relayout keeps the text at the top of the pane in place),
    /// scroll bounds, the table when shown.
    fn sync_compare(&mut self) {
        self.open_pending_compare();
        let Some(g) = self.compare_geometry() else {
            return;
        };
        let hide_noise = self.hide_noise;
        let Some(c) = self.compare.as_mut() else {
            return;
        };
        for side in [Side::Left, Side::Right] {
            let options = LayoutOptions {
                width: (g.areas(side).text.width as usize).max(1),
                hide_noise,
            };
            let pane = c.pane_mut(side);
            if pane.layout.as_ref().is_some_and(|l| l.options == options) {
                continue;
            }
            let Some(article) = self.articles.get(pane.article) else {
                continue;
            };
            let anchor = pane
                .layout
                .as_ref()
                .and_then(|l| l.lines.get(pane.scroll))
                .map(|l| l.range.start);
            let new = ArticleLayout::with_tags(article, options, &pane.quotes.tags);
            pane.scroll = anchor.and_then(|o| new.line_of_offset(o)).unwrap_or(0);
            pane.layout = Some(new);
        }
        for side in [Side::Left, Side::Right] {
            let max = c.max_scroll(side, &g);
            let p = c.pane_mut(side);
            p.scroll = p.scroll.min(max);
        }
        if c.mode == CompareMode::Table
            && let (Some(la), Some(ra)) = (
                self.articles.get(c.left.article),
                self.articles.get(c.right.article),
            )
        {
            c.sync_table(la, ra, g.table_columns, g.table_rows);
        }
    }
}

/// The speakers view (`s`): its share of `update` and `sync`.
impl App {
    /// The speaker filter is being typed.
    pub fn speakers_typing(&self) -> bool {
        self.speakers_view.as_ref().is_some_and(|v| v.editing)
    }

    /// The view's panes (the quotations pane as it is, or would be, when
    /// focused).
    fn speakers_panes(&self, quotes_focused: bool) -> Option<layout::Panes> {
        match layout::speakers_screen(self.area, quotes_focused) {
            Screen::Panes(p) => Some(p),
            Screen::TooSmall(_) => None,
        }
    }

    /// Speakers that fit in the list pane.
    pub fn speaker_list_rows(&self) -> usize {
        self.speakers_panes(false)
            .and_then(|p| p.list)
            .map_or(0, |r| {
                (layout::inner(r).height / layout::SPEAKER_ROWS) as usize
            })
    }

    /// Rows and columns inside the quotations pane.
    pub fn speaker_quotes_size(&self) -> (usize, usize) {
        self.speakers_panes(true)
            .and_then(|p| p.reader)
            .map_or((0, 0), |r| {
                let i = layout::inner(r);
                (i.height as usize, i.width as usize)
            })
    }

    /// Typing the speaker filter; false when the action is not the
    /// prompt's (moving in the list while typing, quitting).
    fn update_speakers_prompt(&mut self, action: Action) -> bool {
        let Some(v) = self.speakers_view.as_mut() else {
            return false;
        };
        match action {
            Action::FilterInsert(c) => v.query.push(c),
            Action::FilterBackspace => {
                v.query.pop();
            }
            Action::FilterDeleteWord => delete_word(&mut v.query),
            Action::FilterClear => v.query.clear(),
            Action::FilterAccept => v.editing = false,
            Action::FilterCancel => {
                v.editing = false;
                v.query.clear();
            }
            _ => return false,
        }
        v.pane = super::speakers_view::SpeakersPane::List;
        if let Some(ix) = &self.speakers {
            v.refilter(ix);
        }
        true
    }

    fn update_speakers(&mut self, action: Action) {
        use super::speakers_view::SpeakersPane;
        let list_rows = self.speaker_list_rows().max(1);
        let (quote_rows, _) = self.speaker_quotes_size();
        let Some(v) = self.speakers_view.as_mut() else {
            return;
        };
        let count = v
            .selected_speaker()
            .and_then(|s| self.speakers.as_ref()?.speakers.get(s))
            .map_or(0, |s| s.quotes.len());
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ShowProblems => self.overlay = Some(Overlay::Problems { scroll: 0 }),
            Action::Resize { width, height } => self.area = Rect::new(0, 0, width, height),
            Action::ShowSpeakers => self.speakers_view = None,
            Action::Back => match v.pane {
                SpeakersPane::Quotes => v.pane = SpeakersPane::List,
                SpeakersPane::List if !v.query.is_empty() => {
                    v.query.clear();
                    if let Some(ix) = &self.speakers {
                        v.refilter(ix);
                    }
                }
                SpeakersPane::List => self.speakers_view = None,
            },
            Action::Filter => {
                v.editing = true;
                v.pane = SpeakersPane::List;
            }
            Action::FocusNext | Action::FocusPrev => {
                v.pane = match v.pane {
                    SpeakersPane::List if count > 0 => SpeakersPane::Quotes,
                    _ => SpeakersPane::List,
                };
            }
            Action::Open => match v.pane {
                SpeakersPane::List if count > 0 => v.pane = SpeakersPane::Quotes,
                SpeakersPane::List => {}
                SpeakersPane::Quotes => self.open_speaker_quote(),
            },
            Action::ScrollAt { x, y, lines } => self.speakers_scroll_at(x, y, lines),
            Action::ClickAt { x, y } => self.speakers_click_at(x, y),
            a => match v.pane {
                SpeakersPane::List => {
                    if let Some(to) = step(v.selected, a, list_rows) {
                        v.select(to);
                    } else {
                        self.message = Some(format!(
                            "In the speakers view · {} returns to the articles",
                            self.keymap.hint(Action::Back)
                        ));
                    }
                }
                SpeakersPane::Quotes => {
                    // A page is about as many quotations as fit.
                    let page = (quote_rows / 4).max(1);
                    if let Some(to) = step(v.quote_cursor, a, page) {
                        v.quote_cursor = to.min(count.saturating_sub(1));
                        v.show_cursor(quote_rows);
                    }
                }
            },
        }
    }

    /// Enter on a quotation: the reader opens its article there, with the
    /// quotation marked as if `]` had gone to it.
    fn open_speaker_quote(&mut self) {
        let Some(v) = self.speakers_view.as_ref() else {
            return;
        };
        let Some(r) = v.selected_speaker().and_then(|s| {
            super::speakers_view::quote_ref(self.speakers.as_ref()?, s, v.quote_cursor)
        }) else {
            return;
        };
        if !self.order.contains(&r.article) {
            // Under an article filter that leaves it out: show every article.
            self.clear_filter();
        }
        let Some(pos) = self.order.iter().position(|&a| a == r.article) else {
            return;
        };
        self.speakers_left = self.speakers_view.take();
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

    fn speakers_scroll_at(&mut self, x: u16, y: u16, lines: i16) {
        let quotes_focused = self
            .speakers_view
            .as_ref()
            .is_some_and(|v| v.pane == super::speakers_view::SpeakersPane::Quotes);
        let Some(p) = self.speakers_panes(quotes_focused) else {
            return;
        };
        let list_rows = self.speaker_list_rows();
        let Some(v) = self.speakers_view.as_mut() else {
            return;
        };
        if p.list.is_some_and(|r| layout::contains(r, x, y)) {
            let max = v.visible.len().saturating_sub(list_rows);
            v.list_offset = offset_by(v.list_offset, lines.signum() as isize).min(max);
        } else if p.reader.is_some_and(|r| layout::contains(r, x, y)) {
            v.quote_scroll = offset_by(v.quote_scroll, lines as isize);
        }
    }

    fn speakers_click_at(&mut self, x: u16, y: u16) {
        use super::speakers_view::SpeakersPane;
        let quotes_focused = self
            .speakers_view
            .as_ref()
            .is_some_and(|v| v.pane == SpeakersPane::Quotes);
        let Some(p) = self.speakers_panes(quotes_focused) else {
            return;
        };
        let Some(v) = self.speakers_view.as_mut() else {
            return;
        };
        if let Some(list) = p.list.filter(|r| layout::contains(*r, x, y)) {
            v.pane = SpeakersPane::List;
            let inner = layout::inner(list);
            if layout::contains(inner, x, y) {
                let pos = v.list_offset + ((y - inner.y) / layout::SPEAKER_ROWS) as usize;
                if pos < v.visible.len() {
                    v.select(pos);
                }
            }
        } else if let Some(pane) = p.reader.filter(|r| layout::contains(*r, x, y)) {
            v.pane = SpeakersPane::Quotes;
            let inner = layout::inner(pane);
            if layout::contains(inner, x, y)
                && let Some(n) = v.quote_at_row(v.quote_scroll + (y - inner.y) as usize)
            {
                v.quote_cursor = n;
            }
        }
    }

    /// The list once the index is in, the selected speaker's quotation
    /// rows for the pane's width, everything in bounds.
    fn sync_speakers(&mut self) {
        let list_rows = self.speaker_list_rows().max(1);
        let (rows, width) = self.speaker_quotes_size();
        let Some(v) = self.speakers_view.as_mut() else {
            return;
        };
        let Some(ix) = &self.speakers else {
            return;
        };
        if !v.indexed {
            v.refilter(ix);
        }
        v.selected = v.selected.min(v.visible.len().saturating_sub(1));
        if v.selected < v.list_offset {
            v.list_offset = v.selected;
        } else if v.selected >= v.list_offset + list_rows {
            v.list_offset = v.selected + 1 - list_rows;
        }
        v.list_offset = v.list_offset.min(v.visible.len().saturating_sub(list_rows));
        v.sync_quotes(ix, &self.articles, &self.quotes, width, rows);
        if v.selected_speaker().is_none() {
            v.pane = super::speakers_view::SpeakersPane::List;
        }
    }
}

/// A key typed into the filter prompt, as an action.
fn prompt_action(key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Enter => Action::FilterAccept,
        KeyCode::Esc => Action::FilterCancel,
        KeyCode::Backspace => Action::FilterBackspace,
        KeyCode::Char('w') if ctrl => Action::FilterDeleteWord,
        KeyCode::Char('u') if ctrl => Action::FilterClear,
        KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('n') if ctrl => Action::Down,
        KeyCode::Char('p') if ctrl => Action::Up,
        KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
            Action::FilterInsert(c)
        }
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        _ => return None,
    })
}

/// Where a movement action takes a position, or None for other actions.
fn step(pos: usize, action: Action, page: usize) -> Option<usize> {
    Some(match action {
        Action::Down => pos.saturating_add(1),
        Action::Up => pos.saturating_sub(1),
        Action::PageDown => pos.saturating_add(page),
        Action::PageUp => pos.saturating_sub(page),
        Action::HalfPageDown => pos.saturating_add(page.div_ceil(2)),
        Action::HalfPageUp => pos.saturating_sub(page.div_ceil(2)),
        Action::Top => 0,
        Action::Bottom => usize::MAX,
        _ => return None,
    })
}

fn offset_by(pos: usize, delta: isize) -> usize {
    pos.saturating_add_signed(delta)
}
