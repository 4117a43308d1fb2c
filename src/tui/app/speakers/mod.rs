//! The speakers screen (`s`): every speaker of the corpus and their
//! quotations; its share of `update` and `sync`.

use super::*;

mod state;

pub use state::*;

/// The speakers view (`s`): its share of `update` and `sync`.
impl App {
    /// The speaker filter is being typed.
    pub fn speakers_typing(&self) -> bool {
        self.screen.speakers().is_some_and(|v| v.editing)
    }

    /// The view's panes (the quotations pane as it is, or would be, when
    /// focused).
    pub(crate) fn speakers_panes(&self, quotes_focused: bool) -> Option<layout::Panes> {
        match layout::speakers_screen(self.area, quotes_focused) {
            Split::Panes(p) => Some(p),
            Split::TooSmall(_) => None,
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
    pub(crate) fn update_speakers_prompt(&mut self, action: Action) -> bool {
        let Some(v) = self.screen.speakers_mut() else {
            return false;
        };
        match v.query.edit(action) {
            PromptEdit::Changed => {}
            PromptEdit::Accept => v.editing = false,
            PromptEdit::Cancel => {
                v.editing = false;
                v.query.clear();
            }
            PromptEdit::NotMine => return false,
        }
        v.pane = crate::tui::app::speakers::SpeakersPane::List;
        if let Some(ix) = &self.speakers {
            v.refilter(ix);
        }
        true
    }

    pub(crate) fn update_speakers(&mut self, action: Action) {
        use crate::tui::app::speakers::SpeakersPane;
        let list_rows = self.speaker_list_rows().max(1);
        let (quote_rows, _) = self.speaker_quotes_size();
        let Some(v) = self.screen.speakers_mut() else {
            return;
        };
        let count = v
            .selected_speaker()
            .and_then(|s| self.speakers.as_ref()?.speakers.get(s))
            .map_or(0, |s| s.quotes.len());
        match action {
            Action::ShowSpeakers => self.screen = Screen::Browse,
            Action::ShowCoverage => self.open_coverage(),
            Action::Back => match v.pane {
                SpeakersPane::Quotes => v.pane = SpeakersPane::List,
                SpeakersPane::List if !v.query.is_empty() => {
                    v.query.clear();
                    if let Some(ix) = &self.speakers {
                        v.refilter(ix);
                    }
                }
                SpeakersPane::List => self.screen = Screen::Browse,
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
    pub(crate) fn open_speaker_quote(&mut self) {
        let Some(v) = self.screen.speakers() else {
            return;
        };
        let Some(r) = v.selected_speaker().and_then(|s| {
            crate::tui::app::speakers::quote_ref(self.speakers.as_ref()?, s, v.quote_cursor)
        }) else {
            return;
        };
        if let Screen::Speakers(v) = std::mem::take(&mut self.screen) {
            self.speakers_left = Some(*v);
        }
        self.open_at_quote(r);
    }

    pub(crate) fn speakers_scroll_at(&mut self, x: u16, y: u16, lines: i16) {
        let quotes_focused = self
            .screen
            .speakers()
            .is_some_and(|v| v.pane == crate::tui::app::speakers::SpeakersPane::Quotes);
        let Some(p) = self.speakers_panes(quotes_focused) else {
            return;
        };
        let list_rows = self.speaker_list_rows();
        let Some(v) = self.screen.speakers_mut() else {
            return;
        };
        if p.list.is_some_and(|r| layout::contains(r, x, y)) {
            let max = v.visible.len().saturating_sub(list_rows);
            v.list_offset = offset_by(v.list_offset, lines.signum() as isize).min(max);
        } else if p.reader.is_some_and(|r| layout::contains(r, x, y)) {
            v.quote_scroll = offset_by(v.quote_scroll, lines as isize);
        }
    }

    pub(crate) fn speakers_click_at(&mut self, x: u16, y: u16) {
        use crate::tui::app::speakers::SpeakersPane;
        let quotes_focused = self
            .screen
            .speakers()
            .is_some_and(|v| v.pane == SpeakersPane::Quotes);
        let Some(p) = self.speakers_panes(quotes_focused) else {
            return;
        };
        let Some(v) = self.screen.speakers_mut() else {
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
    pub(crate) fn sync_speakers(&mut self) {
        let list_rows = self.speaker_list_rows().max(1);
        let (rows, width) = self.speaker_quotes_size();
        let Some(v) = self.screen.speakers_mut() else {
            return;
        };
        let Some(ix) = &self.speakers else {
            return;
        };
        if !v.indexed {
            v.refilter(ix);
        }
        v.selected = v.selected.min(v.visible.len().saturating_sub(1));
        v.list_offset = keep_in_view(v.list_offset, v.selected, list_rows, v.visible.len());
        v.sync_quotes(ix, &self.articles, &self.quotes, width, rows);
        if v.selected_speaker().is_none() {
            v.pane = crate::tui::app::speakers::SpeakersPane::List;
        }
    }
}
