//! A story compared (`Z`, or `c` on a folded story's row): its shared
//! statements down, its articles across, each cell saying whether the
//! article carries the statement in the most common wording, in words of
//! its own, or not (see `crate::stories::matrix`). Its state and its
//! share of `update` and `sync`; the matrix is made once, on opening
//! (work: the story's statements' renderings, not the corpus).

use super::*;
use crate::stories::matrix::{Carried, Matrix, matrix};
use crate::wrap::display_width;

/// Widest the statement column gets, and narrowest.
pub const MAX_STATEMENT_WIDTH: usize = 60;
pub const MIN_STATEMENT_WIDTH: usize = 16;
/// An article's column: its outlet (cut to fit), and its day below.
pub const ARTICLE_WIDTH: usize = 10;
/// Rows above the statements: outlets, then days.
pub const HEADER_ROWS: usize = 2;

/// State of the story matrix.
#[derive(Debug, Clone)]
pub struct StoryView {
    /// Index into `Stories::stories`.
    pub story: usize,
    pub matrix: Arc<Matrix>,
    /// Per row: "Speaker: “common wording”".
    pub labels: Vec<String>,
    /// Per column: the outlet (or file) and the day, where known.
    pub columns: Vec<(String, Option<String>)>,
    /// The cell under the cursor, and the first row and column shown.
    pub row: usize,
    pub col: usize,
    pub row_offset: usize,
    pub col_offset: usize,
}

/// Where the matrix's parts go in the pane, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub label: usize,
    /// Article columns and statement rows that fit.
    pub cols: usize,
    pub rows: usize,
}

/// The label column's width and what fits in `inner`.
pub fn geometry(v: &StoryView, inner: Rect) -> Geometry {
    let width = inner.width as usize;
    let widest = v.labels.iter().map(|l| display_width(l)).max().unwrap_or(0);
    let label = widest
        .clamp(MIN_STATEMENT_WIDTH, MAX_STATEMENT_WIDTH)
        .min(width / 2)
        + 1;
    Geometry {
        label,
        cols: (width.saturating_sub(label) / (ARTICLE_WIDTH + 1)).max(1),
        rows: (inner.height as usize).saturating_sub(HEADER_ROWS).max(1),
    }
}

/// What a cell says, in words, for the pane's bottom line.
pub fn carried_words(c: Carried) -> &'static str {
    match c {
        Carried::Common => "carried in the most common wording",
        Carried::Other => "carried in other words",
        Carried::No => "not carried",
    }
}

impl App {
    /// The story matrix, while it is open.
    pub fn story_view(&self) -> Option<&StoryView> {
        match &self.screen {
            Screen::Story(v) => Some(v),
            _ => None,
        }
    }

    fn story_view_mut(&mut self) -> Option<&mut StoryView> {
        match &mut self.screen {
            Screen::Story(v) => Some(v),
            _ => None,
        }
    }

    /// `Z`: the matrix of the selected article's story.
    pub(crate) fn open_story_matrix(&mut self) {
        let (Some(stories), Some(statements), Some(ix)) = (
            self.stories.clone(),
            self.statements.clone(),
            self.speakers.clone(),
        ) else {
            self.message = Some("Stories are still being found".into());
            return;
        };
        let Some(id) = self.current_index() else {
            return;
        };
        let Some((s, story)) = stories
            .of_article
            .get(id)
            .and_then(|&s| Some((s, stories.stories.get(s)?)))
        else {
            self.message = Some("This article was loaded after the stories were found".into());
            return;
        };
        if story.articles.len() < 2 {
            self.message = Some("No other article is about this one's story".into());
            return;
        }
        let Some(quotes) = self
            .quotes
            .iter()
            .map(|q| q.as_deref())
            .collect::<Option<Vec<_>>>()
        else {
            self.message = Some("Quotations are still being found".into());
            return;
        };
        let m = matrix(story, &statements, &self.articles, &quotes);
        let labels = m
            .statements
            .iter()
            .map(|&st| {
                let s = &statements.statements[st];
                let text = crate::statements::wording::text(
                    &self.articles,
                    &quotes,
                    s.renderings[s.common],
                );
                format!("{}: “{}”", ix.speakers[s.speaker].name, text.trim())
            })
            .collect();
        let columns = m
            .articles
            .iter()
            .map(|&a| {
                let a = &self.articles[a];
                (a.outlet().to_string(), a.published().map(|d| d.short()))
            })
            .collect();
        self.screen = Screen::Story(Box::new(StoryView {
            story: s,
            matrix: Arc::new(m),
            labels,
            columns,
            row: 0,
            col: 0,
            row_offset: 0,
            col_offset: 0,
        }));
    }

    /// The matrix's geometry on this screen.
    pub(crate) fn story_geometry(&self) -> Option<Geometry> {
        let v = self.story_view()?;
        let (pane, _) = coverage::areas(self.area)?;
        Some(geometry(v, layout::inner(pane)))
    }

    pub(crate) fn update_story_matrix(&mut self, action: Action) {
        let page = self.story_geometry().map_or(1, |g| g.rows);
        let Some(v) = self.story_view_mut() else {
            return;
        };
        match action {
            Action::CompareStory | Action::Back => self.screen = Screen::Browse,
            Action::Open => self.open_story_cell(),
            a => match cell_step((v.row, v.col), a, page) {
                Some((row, col)) => (v.row, v.col) = (row, col),
                None => {
                    self.message = Some(format!(
                        "In a story's matrix · {} returns to the articles",
                        self.keymap.hint(Action::Back)
                    ));
                }
            },
        }
    }

    /// Enter on a cell: the article, at its rendering of the statement
    /// (the first, where it carries it twice); at the top when it does
    /// not carry it.
    fn open_story_cell(&mut self) {
        let Some(v) = self.story_view() else { return };
        let m = Arc::clone(&v.matrix);
        let (Some(&article), statement) = (m.articles.get(v.col), m.statements.get(v.row)) else {
            return;
        };
        let rendering = statement.and_then(|&st| {
            let s = self.statements.as_ref()?.statements.get(st)?;
            s.renderings.iter().find(|r| r.article == article).copied()
        });
        self.screen = Screen::Browse;
        match rendering {
            Some(r) => self.open_at_quote(r),
            None => {
                self.reveal(article);
                if !self.order.contains(&article) {
                    self.clear_filter();
                    self.reveal(article);
                }
                if let Some(pos) = self.order.iter().position(|&a| a == article) {
                    self.select(pos);
                    self.focus = Focus::Reader;
                }
            }
        }
    }

    /// Bounds and scrolling of the open matrix.
    pub(crate) fn sync_story_matrix(&mut self) {
        let Some(g) = self.story_geometry() else {
            return;
        };
        let Some(v) = self.story_view_mut() else {
            return;
        };
        let (rows, cols) = (v.matrix.statements.len(), v.matrix.articles.len());
        v.row = v.row.min(rows.saturating_sub(1));
        v.col = v.col.min(cols.saturating_sub(1));
        v.row_offset = keep_in_view(v.row_offset, v.row, g.rows, rows);
        v.col_offset = keep_in_view(v.col_offset, v.col, g.cols, cols);
    }
}
