//! Taking things out of the reader: `y` copies the quotation under the
//! cursor with who said it and where, `e` and `o` open the article in
//! another program. Only the choice of what is made here; the runtime
//! writes to the terminal and runs programs (see [`Effect`]).

use std::sync::Arc;

use crate::corpus::Origin;
use crate::quotes::{ArticleQuotes, Citation};
use crate::wrap::ArticleLayout;

use super::super::action::Action;
use super::super::clipboard;
use super::super::effect::Effect;
use super::super::external::{OpenRequest, Program, Target, web_link};
use super::{App, Screen};
use crate::tui::app::compare::{CompareMode, CompareState, Side};
use crate::tui::app::shown_quotes::QuoteView;
use crate::tui::app::speakers::quote_ref;

impl App {
    /// `y`, `e`, `o` and `O`, the same in every view; false for other
    /// actions.
    pub(super) fn take_out(&mut self, action: Action) -> bool {
        match action {
            Action::Copy => self.copy_quote(),
            Action::Edit => self.open_article(Program::Editor),
            Action::Page => self.open_article(Program::Pager),
            Action::OpenLink => self.open_link(),
            _ => return false,
        }
        true
    }

    /// The quotation `y` copies, as (article, quotation) indices: in the
    /// reader the one `]`/`[` went to while it is on screen, else the
    /// first one on screen; in the speakers view the selected one;
    /// comparing, the selected table row's or the pair `]`/`[` went to,
    /// from the active side, else the first on screen in the active pane.
    pub fn quote_under_cursor(&self) -> Option<(usize, usize)> {
        if let Some(c) = self.screen.compare() {
            return self.compare_quote(c);
        }
        if let Some(v) = self.screen.speakers() {
            let r = quote_ref(
                self.speakers.as_ref()?,
                v.selected_speaker()?,
                v.quote_cursor,
            )?;
            return Some((r.article, r.quote));
        }
        if let Some(v) = self.screen.statements() {
            let r = crate::tui::app::statements::rendering(
                self.statements.as_ref()?,
                v.selected_statement()?,
                v.cursor,
            )?;
            return Some((r.article, r.quote));
        }
        let article = self.reader.article?;
        let view = self.reader.quotes.as_ref()?;
        let doc = self.reader.layout.as_ref()?;
        let (top, rows) = (self.reader.scroll, self.reader_body_rows());
        let i = pick(view, doc, self.reader.quote_cursor, top, rows)?;
        Some((article, i))
    }

    fn compare_quote(&self, c: &CompareState) -> Option<(usize, usize)> {
        let active = c.active;
        let on = |side: Side, i: Option<usize>| i.map(|i| (c.pane(side).article, i));
        match c.mode {
            CompareMode::Table => {
                let (l, r) = c.row_quotes(*c.table.rows.get(c.table.cursor)?);
                match active {
                    Side::Left => on(Side::Left, l).or(on(Side::Right, r)),
                    Side::Right => on(Side::Right, r).or(on(Side::Left, l)),
                }
            }
            CompareMode::Panes => {
                let rows = self.compare_geometry()?.areas(active).body.height as usize;
                let pane = c.pane(active);
                let doc = pane.layout.as_ref()?;
                on(
                    active,
                    pick(&pane.quotes, doc, pane.cursor, pane.scroll, rows),
                )
            }
        }
    }

    /// An article's quotations, wherever they are kept.
    fn found(&self, article: usize) -> Option<Arc<ArticleQuotes>> {
        if let Some(q) = self.quotes.get(article).cloned().flatten() {
            return Some(q);
        }
        let c = self.screen.compare()?;
        [&c.left, &c.right]
            .into_iter()
            .find(|p| p.article == article)
            .map(|p| p.quotes.found.clone())
    }

    /// `y`: the quotation, its speaker and title on the clipboard.
    fn copy_quote(&mut self) {
        let citation = self
            .quote_under_cursor()
            .and_then(|(a, i)| Citation::of(self.articles.get(a)?, &*self.found(a)?, i));
        let Some(c) = citation else {
            let finding = matches!(self.screen, Screen::Browse)
                && self.reader.article.is_some()
                && self.reader.quotes.is_none();
            self.message = Some(if finding {
                "Still finding quotations…".into()
            } else {
                "No quotation to copy here".into()
            });
            return;
        };
        let text = c.to_string();
        let chars = text.chars().count();
        if text.len() > clipboard::MAX_BYTES {
            self.message = Some(format!(
                "Quotation too long for the terminal's clipboard ({chars} chars)"
            ));
            return;
        }
        self.effects.push(Effect::Copy(text));
        self.message = Some(match &c.speaker {
            Some(name) => format!("Copied quotation by {name} ({chars} chars)"),
            None => format!("Copied quotation, no speaker named ({chars} chars)"),
        });
    }

    /// The text offset at the top of the pane `e` and `o` open from: the
    /// reader's, the active comparison pane's, the speakers view's
    /// quotation.
    fn top_offset(&self) -> Option<usize> {
        match &self.screen {
            Screen::Compare(c) => {
                let pane = c.pane(c.active);
                Some(pane.layout.as_ref()?.lines.get(pane.scroll)?.range.start)
            }
            Screen::Speakers(_) | Screen::Statements(_) => {
                let (a, i) = self.quote_under_cursor()?;
                Some(self.quotes.get(a)?.as_ref()?.quotes.get(i)?.start)
            }
            Screen::Browse => self.top_position().map(|p| p.offset),
            Screen::Coverage(_) | Screen::Story(_) => None,
        }
    }

    /// The article `e` and `o` open: the active pane's when comparing,
    /// the selected quotation's in the speakers view, else the reader's.
    fn article_to_open(&self) -> Option<usize> {
        match &self.screen {
            Screen::Compare(c) => Some(c.pane(c.active).article),
            Screen::Speakers(_) | Screen::Statements(_) => {
                self.quote_under_cursor().map(|(a, _)| a)
            }
            Screen::Browse => self.current_index(),
            Screen::Coverage(_) => None,
            Screen::Story(v) => v.matrix.articles.get(v.col).copied(),
        }
    }

    /// `O`: the article's link in the browser, if it has a web link.
    fn open_link(&mut self) {
        let Some(article) = self.article_to_open().and_then(|a| self.articles.get(a)) else {
            self.message = Some("No article to open".into());
            return;
        };
        let Some(url) = article.url.as_deref() else {
            self.message = Some("This article has no link".into());
            return;
        };
        match web_link(url) {
            Ok(url) => self.effects.push(Effect::Open(OpenRequest {
                program: Program::Browser,
                target: Target::Url(url.to_string()),
                line: None,
            })),
            Err(why) => self.message = Some(why),
        }
    }

    fn open_article(&mut self, program: Program) {
        let Some(article) = self.article_to_open().and_then(|a| self.articles.get(a)) else {
            self.message = Some("No article to open".into());
            return;
        };
        let copy = |why: String| Target::Copy {
            name: article.path.clone(),
            text: article.text.to_string(),
            why,
        };
        let target = match &article.origin {
            Origin::File(path) => Target::File(path.clone()),
            Origin::Embedded => copy("a bundled article".into()),
            Origin::Stdin => copy("an article read from standard input".into()),
            Origin::JsonRecord(path) => copy(format!("a record of {}", path.display())),
        };
        let line = self.top_offset().map(|t| {
            // Lines of the text are lines of the file (line ends were only
            // made \n), so the count is the file's line.
            article.text[..t.min(article.text.len())]
                .matches('\n')
                .count()
                + 1
        });
        self.effects.push(Effect::Open(OpenRequest {
            program,
            target,
            line,
        }));
    }
}

/// The cursor's quotation while it shows in the `rows` lines from `top`,
/// else the first quotation that shows there (one running on from above
/// counts).
fn pick(
    view: &QuoteView,
    doc: &ArticleLayout,
    cursor: Option<usize>,
    top: usize,
    rows: usize,
) -> Option<usize> {
    let shows = |i: usize| {
        let Some(q) = view.quotes().get(i) else {
            return false;
        };
        if doc.paragraph_line(q.paragraph).is_none() {
            return false;
        }
        let outer = q.outer();
        let first = doc.line_of_offset(outer.start);
        let last = doc.line_of_offset(outer.end.saturating_sub(1)).or(first);
        match (first, last) {
            (Some(f), Some(l)) => f < top + rows && l >= top,
            _ => false,
        }
    };
    cursor
        .filter(|&c| shows(c))
        .or_else(|| (0..view.quotes().len()).find(|&i| shows(i)))
}
