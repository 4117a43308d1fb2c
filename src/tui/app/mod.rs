//! The reader's state and the one place it changes: [`App::update`].
//!
//! Input becomes an [`Action`]; `update` applies it; views draw from the
//! state only. Anything expensive that a view needs (the wrapped article)
//! is computed here, once, when what it depends on changes.

use std::sync::Arc;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};
use ratatui::layout::Rect;

use crate::corpus::order::ListOrder;
use crate::corpus::{Article, LoadEvent, LoadProblem};
use crate::quotes::{ArticleQuotes, SpeakerIndex, find_quotes};
use crate::state::Position;
use crate::wrap::{ArticleLayout, LayoutOptions};

use super::action::Action;
use super::cursor::{cell_step, keep_in_view, offset_by, step};
use super::effect::Effect;
use super::filter::FilterState;
use super::header;
use super::keymap::KeyMap;
use super::layout::{self, CompareScreen, Focus, Split};
use super::msg::Msg;
use super::prompt::{PromptEdit, prompt_action};
use super::reading::Reading;
use super::text;
use super::theme::Theme;
use crate::tui::app::compare::CompareState;
use crate::tui::app::shown_quotes::QuoteView;
use crate::tui::app::speakers::SpeakersView;

mod browse;
pub use browse::layout_job::{LayoutJob, LayoutKey};
use browse::layout_job::{PendingLayout, Place};
mod screen;
pub use screen::Screen;

pub mod compare;
pub mod copy_list;
mod corpus_views;
pub mod coverage;
mod input;
mod overlay;
mod results;
pub mod shown_quotes;
pub mod speakers;
pub mod statements;
pub mod story_list;
pub mod story_matrix;
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
    pub layout: Option<Arc<ArticleLayout>>,
    /// A long article's layout being made on a thread (see
    /// [`browse::layout_job`]).
    pub(crate) pending: Option<PendingLayout>,
    /// Where to go in the next layout, when not where `sync` would.
    pub(crate) then: Option<Place>,
    /// The article's quotations, once the loader has found them.
    pub quotes: Option<QuoteView>,
    /// Only the quotations, each under its speaker (`Q`).
    pub quotes_only: bool,
    /// The quotation `]`/`[` last went to.
    pub quote_cursor: Option<usize>,
    /// The last `Q`: (article, scroll before, scroll after), so that a
    /// second `Q` with nothing moved in between goes back where it was.
    pub toggled_from: Option<(usize, usize, usize)>,
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
    /// Every statement of the corpus, built after the speakers.
    pub statements: Option<Arc<crate::statements::Statements>>,
    /// What the statements filter searches, and the statements and
    /// speakers it was made from.
    haystacks: Option<statements::Haystacks>,
    /// Every story of the corpus, built after the statements.
    pub stories: Option<Arc<crate::stories::Stories>>,
    /// The list grouped by story, or not (`z`).
    pub story_list: story_list::StoryList,
    /// Wire copies, once found after the stories, and which are open.
    pub copies: Option<Arc<crate::copies::Copies>>,
    pub copy_fold: copy_list::CopyFold,
    /// The statements view as Enter left it for the reader.
    statements_left: Option<statements::StatementsView>,
    /// The screen the user is on (the overlay and prompts come on top).
    pub screen: Screen,
    /// The speakers view as it was when Enter left it for the reader, so
    /// that `s` comes back to the same speaker and quotation.
    speakers_left: Option<SpeakersView>,
    /// The coverage table as it was when Enter left it for the speakers
    /// view, so that `V` comes back to the same cell.
    coverage_left: Option<crate::tui::app::coverage::CoverageView>,
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
    /// How the list is ordered (`D` cycles; `[list] sort` sets).
    pub list_order: ListOrder,
    /// Each article's publication date, read once as it loads (for
    /// sorting by date).
    dates: Vec<Option<crate::corpus::date::NewsDate>>,
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
    /// `/` in the reader: find in this article.
    pub find: crate::tui::find::FindState,
    /// The article marked for a comparison (index in `articles`).
    pub marked: Option<usize>,
    /// A comparison waiting for quotations: (left, right) article indices.
    pending_compare: Option<(usize, usize)>,
    /// The article whose quotations the pending comparison asked for.
    compare_asked: Option<usize>,
    /// The number of the last comparison handed to a thread, and whether
    /// it is still running (see `compare::job`).
    compare_jobs: u64,
    compare_running: bool,
    /// Effects waiting for the runtime (see [`App::take_effects`]).
    effects: Vec<Effect>,
    /// Read or not, and where, per article; what to reopen (kept in
    /// memory only unless the runtime saves it).
    pub reading: Reading,
    pub quit: bool,
    /// The signal that ended the reader, if one did.
    pub stopped_by: Option<i32>,
    /// Layouts of long articles, most recently used last.
    layouts: Vec<(LayoutKey, Arc<ArticleLayout>)>,
    /// Queries kept with Enter, oldest first (see `state::history`).
    pub history: Vec<String>,
    /// The history entry ↑/↓ last recalled into the prompt.
    recalled: Option<usize>,
}

impl App {
    pub fn new(theme: Theme, keymap: KeyMap, width: u16, height: u16) -> Self {
        App {
            articles: Vec::new(),
            quotes: Vec::new(),
            quotes_found: 0,
            quotes_asked: None,
            speakers: None,
            statements: None,
            haystacks: None,
            stories: None,
            story_list: Default::default(),
            copies: None,
            copy_fold: Default::default(),
            statements_left: None,
            screen: Screen::Browse,
            speakers_left: None,
            coverage_left: None,
            problems: Vec::new(),
            skipped_files: 0,
            loading: Loading::default(),
            order: Vec::new(),
            selected: 0,
            list_offset: 0,
            focus: Focus::List,
            overlay: None,
            hide_noise: false,
            list_order: ListOrder::default(),
            dates: Vec::new(),
            max_text_width: layout::MAX_TEXT_WIDTH,
            reader: Reader::default(),
            area: Rect::new(0, 0, width, height),
            theme,
            keymap,
            message: None,
            filter: FilterState::default(),
            find: Default::default(),
            marked: None,
            pending_compare: None,
            compare_asked: None,
            compare_jobs: 0,
            compare_running: false,
            effects: Vec::new(),
            reading: Reading::default(),
            quit: false,
            stopped_by: None,
            history: Vec::new(),
            layouts: Vec::new(),
            recalled: None,
        }
    }

    /// Article `id`'s publication date, as read when it loaded.
    pub fn date_of(&self, id: usize) -> Option<crate::corpus::date::NewsDate> {
        self.dates.get(id).copied().flatten()
    }

    /// The article under the selection.
    pub fn current(&self) -> Option<&Article> {
        self.current_index().and_then(|i| self.articles.get(i))
    }

    pub fn current_index(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// What the runtime should do now; emptied by the call.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The one way in: apply what happened. Returns whether anything may
    /// have changed on screen. What only the runtime can do (talk to a
    /// worker, write to the terminal, run a program) is queued as
    /// [`Effect`]s for it to take with [`App::take_effects`].
    pub fn update(&mut self, msg: impl Into<Msg>) -> bool {
        match msg.into() {
            Msg::Terminal(event) => self.terminal(&event),
            Msg::Action(action) => {
                self.act(action);
                true
            }
            Msg::Load(event) => {
                self.loaded(event);
                true
            }
            Msg::Filter(event) => {
                self.filtered(event);
                true
            }
            Msg::Quotes(found) => {
                self.quotes_found(found);
                true
            }
            Msg::Speakers(index) => {
                self.indexed(*index);
                true
            }
            Msg::Statements(s) => {
                self.statements_found(s);
                true
            }
            Msg::Stories(s) => {
                self.stories_found(*s);
                true
            }
            Msg::Copies(c) => {
                self.copies_found(*c);
                true
            }
            Msg::Warning(w) => {
                self.reading.warn(w);
                true
            }
            Msg::Reloaded(index, article) => {
                self.reloaded(index, *article);
                true
            }
            Msg::LaidOut(key, layout) => {
                self.laid_out(key, layout);
                true
            }
            Msg::Compared(generation, prepared) => {
                self.compared(generation, *prepared);
                true
            }
            Msg::StateWarning(w) => {
                self.reading.warn(w);
                true
            }
            Msg::Report(message) => {
                self.message = Some(message);
                true
            }
            Msg::Stop(signal) => {
                self.quit = true;
                self.stopped_by = Some(signal);
                false
            }
            // The runtime ends the loop with this error.
            Msg::InputFailed(_) => false,
        }
    }

    /// What was read since the last call, for the runtime to save (like
    /// [`App::take_effects`], drained by the call).
    pub fn take_reading_changes(&mut self) -> crate::state::ReadingState {
        self.reading.take_changes()
    }

    /// The comparison, while two articles are compared.
    pub fn compare(&self) -> Option<&CompareState> {
        self.screen.compare()
    }

    /// The speakers view, while it is open.
    pub fn speakers_view(&self) -> Option<&SpeakersView> {
        self.screen.speakers()
    }

    /// Recompute what depends on the state: the reader layout, scroll and
    /// list bounds. Cheap when nothing changed.
    pub(crate) fn sync(&mut self) {
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
            self.relayout(current, options, moved);
        }
        self.reader.scroll = self.reader.scroll.min(self.max_reader_scroll());
        self.note_reading();
        // Keep the selection in view.
        let rows = self.list_rows().max(1);
        self.list_offset = keep_in_view(self.list_offset, self.selected, rows, self.order.len());
        self.sync_matches(rows);
        self.sync_compare();
        self.sync_speakers();
        self.sync_statements();
        self.sync_coverage();
        self.sync_story_matrix();
    }
}
