//! The reader's state and the one place it changes: [`App::update`].
//!
//! Input becomes an [`Action`]; `update` applies it; views draw from the
//! state only. Anything expensive that a view needs (the wrapped article)
//! is computed here, once, when what it depends on changes.

use crossterm::event::{Event, KeyEventKind, MouseEventKind};
use ratatui::layout::Rect;

use crate::corpus::{Article, LoadEvent, LoadProblem};
use crate::wrap::{ArticleLayout, LayoutOptions};

use super::action::Action;
use super::keymap::KeyMap;
use super::layout::{self, Focus, LIST_ROW_HEIGHT, Screen};
use super::theme::Theme;
use super::views;

/// Lines scrolled per mouse-wheel notch.
const WHEEL_LINES: i16 = 3;

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
}

/// Everything the views draw from.
pub struct App {
    pub articles: Vec<Article>,
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
    pub reader: Reader,
    /// Terminal size.
    pub area: Rect,
    pub theme: Theme,
    pub keymap: KeyMap,
    /// One-line feedback in the status bar, cleared by the next key.
    pub message: Option<String>,
    pub quit: bool,
}

impl App {
    pub fn new(theme: Theme, keymap: KeyMap, width: u16, height: u16) -> Self {
        App {
            articles: Vec::new(),
            problems: Vec::new(),
            skipped_files: 0,
            loading: Loading::default(),
            order: Vec::new(),
            selected: 0,
            list_offset: 0,
            focus: Focus::List,
            overlay: None,
            hide_noise: false,
            reader: Reader::default(),
            area: Rect::new(0, 0, width, height),
            theme,
            keymap,
            message: None,
            quit: false,
        }
    }

    /// An app with a corpus already loaded (tests, snapshots).
    pub fn with_articles(articles: Vec<Article>, width: u16, height: u16) -> Self {
        let mut app = App::new(Theme::dark(), KeyMap::default(), width, height);
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
        app
    }

    /// The article under the selection.
    pub fn current(&self) -> Option<&Article> {
        self.current_index().map(|i| &self.articles[i])
    }

    pub fn current_index(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// Turn a terminal event into an action and apply it. Returns whether
    /// anything may have changed on screen.
    pub fn handle_terminal_event(&mut self, event: &Event) -> bool {
        let action = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.message = None;
                match self.keymap.action(key) {
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
                self.order.extend(first..self.articles.len());
                self.problems.extend(problems);
                self.loading.batches += 1;
            }
            LoadEvent::Finished => self.loading.done = true,
        }
        self.sync();
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        if let Some(overlay) = self.overlay {
            self.update_overlay(overlay, action);
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

    fn update_panes(&mut self, action: Action) {
        match action {
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
                let row = ((y - inner.y) / LIST_ROW_HEIGHT) as usize;
                let pos = self.list_offset + row;
                if pos < self.order.len() {
                    self.select(pos);
                }
            }
        } else if p.reader.is_some_and(|r| layout::contains(r, x, y)) {
            self.focus = Focus::Reader;
        }
    }

    /// Articles that fit in the list pane.
    pub fn list_rows(&self) -> usize {
        match layout::screen(self.area, Focus::List) {
            Screen::Panes(p) => p
                .list
                .map_or(0, |r| (layout::inner(r).height / LIST_ROW_HEIGHT) as usize),
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
        let rows = self
            .current()
            .map_or(1, |a| views::reader::header_rows(a, layout::inner(pane)));
        Some(layout::reader_areas(pane, rows))
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
        let stale = self.reader.article != current
            || self
                .reader
                .layout
                .as_ref()
                .is_none_or(|l| l.options != options);
        if stale {
            self.reader.layout = current.map(|i| ArticleLayout::new(&self.articles[i], options));
            if self.reader.article != current {
                self.reader.scroll = 0;
            }
            self.reader.article = current;
        }
        self.reader.scroll = self.reader.scroll.min(self.max_reader_scroll());
        // Keep the selection in view.
        let rows = self.list_rows().max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
        self.list_offset = self.list_offset.min(self.order.len().saturating_sub(rows));
    }
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
