//! The statements screen (`w`, and `W` on a quotation): every statement
//! of the corpus and its renderings; its share of `update` and `sync`.

use super::*;
use crate::quotes::QuoteRef;

/// Per statement its speaker and common wording, for the filter, with
/// the statements and speakers they were made from.
pub type Haystacks = (
    Arc<crate::statements::Statements>,
    Arc<SpeakerIndex>,
    Arc<Vec<String>>,
);

mod state;

pub use state::*;

impl App {
    /// The statement filter is being typed.
    pub fn statements_typing(&self) -> bool {
        self.screen.statements().is_some_and(|v| v.editing)
    }

    /// Statements that fit in the list pane.
    pub fn statement_list_rows(&self) -> usize {
        self.speakers_panes(false)
            .and_then(|p| p.list)
            .map_or(0, |r| {
                (layout::inner(r).height / layout::SPEAKER_ROWS) as usize
            })
    }

    /// Rows and columns inside the renderings pane.
    pub fn statement_renderings_size(&self) -> (usize, usize) {
        self.speakers_panes(true)
            .and_then(|p| p.reader)
            .map_or((0, 0), |r| {
                let i = layout::inner(r);
                (i.height as usize, i.width as usize)
            })
    }

    /// The common wording of statement `id`, as the list shows it.
    pub fn statement_text(&self, id: usize) -> String {
        let Some(s) = self.statements.as_ref().and_then(|s| s.statements.get(id)) else {
            return String::new();
        };
        let r = s.renderings[s.common];
        self.quotes
            .get(r.article)
            .and_then(|q| q.as_ref()?.quotes.get(r.quote))
            .map_or(String::new(), |q| {
                q.text(&self.articles[r.article]).to_string()
            })
    }

    /// What the filter searches, per statement: made once per set of
    /// statements and speakers, then shared.
    pub(crate) fn statement_haystacks(&mut self, ix: &Arc<SpeakerIndex>) -> Arc<Vec<String>> {
        let Some(statements) = self.statements.clone() else {
            return Arc::default();
        };
        if let Some((s, i, h)) = self.haystacks.as_ref()
            && Arc::ptr_eq(s, &statements)
            && Arc::ptr_eq(i, ix)
        {
            return Arc::clone(h);
        }
        let h = Arc::new(haystacks(&statements, ix, &|i| self.statement_text(i)));
        self.haystacks = Some((statements, Arc::clone(ix), Arc::clone(&h)));
        h
    }

    /// Open the view (`w`), as it was left.
    pub(crate) fn show_statements(&mut self) {
        let mut v = self.statements_left.take().unwrap_or_default();
        v.editing = false;
        self.screen = Screen::Statements(Box::new(v));
    }

    /// `W` in the reader: the statement of the quotation under the cursor,
    /// its rendering selected.
    pub(crate) fn quote_statement(&mut self) {
        let Some((article, quote)) = self.quote_under_cursor() else {
            self.message = Some(format!(
                "Go to a quotation first ({} / {}), then {} shows who else quoted it",
                self.keymap.hint(Action::NextQuote),
                self.keymap.hint(Action::PrevQuote),
                self.keymap.hint(Action::QuoteStatement)
            ));
            return;
        };
        let Some(statements) = self.statements.clone() else {
            self.message = Some("Statements are not ready yet: quotations are being found".into());
            return;
        };
        let at = QuoteRef { article, quote };
        let Some(id) = statements.holding(at) else {
            self.message =
                Some("This quotation is no one's statement (no named speaker, or a term)".into());
            return;
        };
        let mut v = StatementsView::default();
        if let Some(ix) = self.speakers.clone() {
            v.refilter(&statements, &ix, &self.statement_haystacks(&ix));
        }
        v.selected = v.visible.iter().position(|&s| s == id).unwrap_or(0);
        v.cursor = statements.statements[id]
            .renderings
            .iter()
            .position(|&r| r == at)
            .unwrap_or(0);
        v.pane = StatementsPane::Renderings;
        self.screen = Screen::Statements(Box::new(v));
    }

    /// Typing the filter; false when the action is not the prompt's.
    pub(crate) fn update_statements_prompt(&mut self, action: Action) -> bool {
        let haystacks = match self.speakers.clone() {
            Some(ix) if self.screen.statements().is_some() => self.statement_haystacks(&ix),
            _ => Arc::default(),
        };
        let Some(v) = self.screen.statements_mut() else {
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
        v.pane = StatementsPane::List;
        if let (Some(s), Some(ix)) = (&self.statements, &self.speakers) {
            v.refilter(s, ix, &haystacks);
        }
        true
    }

    pub(crate) fn update_statements(&mut self, action: Action) {
        let list_rows = self.statement_list_rows().max(1);
        let (rows, _) = self.statement_renderings_size();
        let statements = self.statements.clone();
        let Some(v) = self.screen.statements_mut() else {
            return;
        };
        let count = v
            .selected_statement()
            .and_then(|i| statements.as_ref()?.statements.get(i))
            .map_or(0, |s| s.renderings.len());
        match action {
            Action::ShowStatements => self.leave_statements(),
            Action::Back => match v.pane {
                StatementsPane::Renderings => v.pane = StatementsPane::List,
                StatementsPane::List if !v.query.is_empty() => {
                    v.query.clear();
                    v.indexed = false;
                }
                StatementsPane::List => self.leave_statements(),
            },
            Action::Filter => {
                v.editing = true;
                v.pane = StatementsPane::List;
            }
            Action::FocusNext | Action::FocusPrev => {
                v.pane = match v.pane {
                    StatementsPane::List if count > 0 => StatementsPane::Renderings,
                    _ => StatementsPane::List,
                };
            }
            Action::Open => match v.pane {
                StatementsPane::List if count > 0 => v.pane = StatementsPane::Renderings,
                StatementsPane::List => {}
                StatementsPane::Renderings => self.open_rendering(),
            },
            Action::ClickAt { .. } | Action::ScrollAt { .. } => {}
            a => match v.pane {
                StatementsPane::List => {
                    if let Some(to) = step(v.selected, a, list_rows) {
                        v.select(to);
                    } else {
                        self.message = Some(format!(
                            "In the statements view · {} returns to the articles",
                            self.keymap.hint(Action::Back)
                        ));
                    }
                }
                StatementsPane::Renderings => {
                    let page = (rows / 4).max(1);
                    if let Some(to) = step(v.cursor, a, page) {
                        v.cursor = to.min(count.saturating_sub(1));
                        v.show_cursor(rows);
                    }
                }
            },
        }
    }

    fn leave_statements(&mut self) {
        if let Screen::Statements(v) = std::mem::take(&mut self.screen) {
            self.statements_left = Some(*v);
        }
    }

    /// Enter on a rendering: the reader opens its article at the quotation.
    fn open_rendering(&mut self) {
        let Some(v) = self.screen.statements() else {
            return;
        };
        let Some(r) = v
            .selected_statement()
            .and_then(|id| rendering(self.statements.as_ref()?, id, v.cursor))
        else {
            return;
        };
        self.leave_statements();
        self.open_at_quote(r);
    }

    /// The list once the statements are in, the selected one's rows for
    /// the pane's width, everything in bounds.
    pub(crate) fn sync_statements(&mut self) {
        let list_rows = self.statement_list_rows().max(1);
        let (rows, width) = self.statement_renderings_size();
        let (Some(statements), Some(ix)) = (self.statements.clone(), self.speakers.clone()) else {
            return;
        };
        if self.screen.statements().is_some_and(|v| !v.indexed) {
            let haystacks = self.statement_haystacks(&ix);
            if let Some(v) = self.screen.statements_mut() {
                v.refilter(&statements, &ix, &haystacks);
            }
        }
        let Some(v) = self.screen.statements_mut() else {
            return;
        };
        v.selected = v.selected.min(v.visible.len().saturating_sub(1));
        v.list_offset = keep_in_view(v.list_offset, v.selected, list_rows, v.visible.len());
        v.sync_rows(&statements, &self.articles, &self.quotes, width, rows);
        if v.selected_statement().is_none() {
            v.pane = StatementsPane::List;
        }
    }
}
