//! The coverage table (`V`): who gave voice to whom, speakers × outlets
//! (see `crate::coverage`); its state and its share of `update` and
//! `sync`. The table is built here, in `sync`, once per speaker index
//! (linear in quotations), never while drawing.

use super::*;
use crate::coverage::Coverage;
use crate::tui::app::speakers::SpeakersPane;
use crate::wrap::display_width;

/// Widest the speaker column gets, and an outlet's column.
pub const MAX_NAME_WIDTH: usize = 28;
pub const MAX_OUTLET_WIDTH: usize = 16;
/// Rows of the table that are not speakers: the outlets' names on top,
/// their totals at the bottom.
pub const HEADER_ROWS: usize = 1;
pub const FOOTER_ROWS: usize = 1;

/// State of the coverage table.
#[derive(Debug, Clone, Default)]
pub struct CoverageView {
    /// The table, once the speakers are known.
    pub table: Option<Arc<Coverage>>,
    /// The index it was built from, so that a new one (an article read
    /// again) builds it again.
    built_from: Option<Arc<SpeakerIndex>>,
    /// The cell under the cursor: a row of the table, an outlet column.
    pub row: usize,
    pub col: usize,
    /// The first row and outlet column shown.
    pub row_offset: usize,
    pub col_offset: usize,
}

/// Where the table's parts go in the pane, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub name: usize,
    pub total: usize,
    pub cell: usize,
    /// Outlet columns and speaker rows that fit.
    pub cols: usize,
    pub rows: usize,
}

/// The table's pane and the status line below it; None when too small.
pub fn areas(area: Rect) -> Option<(Rect, Rect)> {
    if area.width < layout::MIN_WIDTH || area.height < layout::MIN_HEIGHT {
        return None;
    }
    let pane = Rect {
        height: area.height - 1,
        ..area
    };
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    Some((pane, status))
}

/// The columns' widths for `table` inside `inner`, and what fits.
pub fn geometry(table: &Coverage, inner: Rect) -> Geometry {
    let width = inner.width as usize;
    let name = table
        .rows
        .iter()
        .map(|r| display_width(&r.name))
        .chain([display_width("Quotations")])
        .max()
        .unwrap_or(0)
        .min(MAX_NAME_WIDTH)
        .min(width / 3)
        + 1;
    let total = table
        .rows
        .iter()
        .map(|r| r.total.to_string().len())
        .chain([table.quotes().to_string().len(), "Total".len()])
        .max()
        .unwrap_or(0);
    let widest_cell = table
        .rows
        .iter()
        .flat_map(|r| r.cells().iter().map(|(_, c)| c.to_string().len()))
        .max()
        .unwrap_or(1)
        .max(5);
    let cell = table
        .outlets
        .iter()
        .map(|o| display_width(&o.name))
        .max()
        .unwrap_or(1)
        .clamp(widest_cell, MAX_OUTLET_WIDTH.max(widest_cell));
    let room = width.saturating_sub(name + total + 1);
    Geometry {
        name,
        total,
        cell,
        cols: (room / (cell + 2)).max(1),
        rows: (inner.height as usize).saturating_sub(HEADER_ROWS + FOOTER_ROWS),
    }
}

impl App {
    /// The coverage table, while it is open.
    pub fn coverage_view(&self) -> Option<&CoverageView> {
        self.screen.coverage()
    }

    /// `V`: open the table where it was left (after Enter), else at the
    /// top.
    pub(crate) fn open_coverage(&mut self) {
        let v = self.coverage_left.take().unwrap_or_default();
        self.screen = Screen::Coverage(Box::new(v));
    }

    /// The table's geometry on this screen, once it is built.
    pub(crate) fn coverage_geometry(&self) -> Option<Geometry> {
        let table = self.screen.coverage()?.table.as_ref()?;
        let (pane, _) = areas(self.area)?;
        Some(geometry(table, layout::inner(pane)))
    }

    pub(crate) fn update_coverage(&mut self, action: Action) {
        let g = self.coverage_geometry();
        let Some(v) = self.screen.coverage_mut() else {
            return;
        };
        let page = g.map_or(1, |g| g.rows.max(1));
        match action {
            Action::ShowCoverage | Action::Back => self.screen = Screen::Browse,
            Action::Open => self.open_coverage_cell(true),
            Action::ShowSpeakers => self.open_coverage_cell(false),
            a => match cell_step((v.row, v.col), a, page) {
                Some((row, col)) => (v.row, v.col) = (row, col),
                None => {
                    self.message = Some(format!(
                        "In the coverage table · {} returns to the articles",
                        self.keymap.hint(Action::Back)
                    ));
                }
            },
        }
    }

    /// Enter on a cell: the speakers view on the row's speaker, at their
    /// first quotation in the cell's outlet (`at_outlet`), else at the
    /// top; `V` comes back to the same cell.
    fn open_coverage_cell(&mut self, at_outlet: bool) {
        let Some(ix) = self.speakers.clone() else {
            return;
        };
        let Some(v) = self.screen.coverage() else {
            return;
        };
        let Some(table) = v.table.clone() else {
            return;
        };
        let (row, col) = (v.row, v.col);
        let Some(r) = table.rows.get(row) else {
            return;
        };
        let Some(speaker) = r.speaker else {
            self.message = Some("The unnamed sources are each their own: see them with s".into());
            return;
        };
        let cell = r.cell(col);
        let quote = at_outlet
            .then(|| table.first_quote_in(&self.articles, &ix, row, col))
            .flatten();
        if at_outlet && quote.is_none() {
            self.message = Some(format!(
                "{} is not quoted in {}",
                r.name,
                table.outlets.get(col).map_or("", |o| o.name.as_str())
            ));
            return;
        }
        if let Screen::Coverage(v) = std::mem::take(&mut self.screen) {
            self.coverage_left = Some(*v);
        }
        let mut sv = SpeakersView::default();
        sv.refilter(&ix);
        sv.selected = sv.visible.iter().position(|&s| s == speaker).unwrap_or(0);
        if let Some(n) = quote {
            sv.pane = SpeakersPane::Quotes;
            sv.quote_cursor = n;
        }
        self.screen = Screen::Speakers(Box::new(sv));
        self.sync_speakers();
        let (rows, _) = self.speaker_quotes_size();
        if let Some(sv) = self.screen.speakers_mut() {
            sv.show_cursor(rows);
        }
        let back = self.keymap.hint(Action::ShowCoverage);
        self.message = Some(match table.outlets.get(col).filter(|_| at_outlet) {
            Some(o) => format!(
                "{} in {}: {} in {} · {back} returns to the table",
                r.name,
                o.name,
                text::count(cell.quotes, "quotation"),
                text::count(cell.articles, "article")
            ),
            None => format!("{} · {back} returns to the table", r.name),
        });
    }

    /// The table once the speakers are known (again after a new index),
    /// the cursor on a cell and in view.
    pub(crate) fn sync_coverage(&mut self) {
        let Some((pane, _)) = areas(self.area) else {
            return;
        };
        let Some(v) = self.screen.coverage_mut() else {
            return;
        };
        if let Some(ix) = &self.speakers
            && !v.built_from.as_ref().is_some_and(|b| Arc::ptr_eq(b, ix))
        {
            v.table = Some(Arc::new(Coverage::build(&self.articles, ix)));
            v.built_from = Some(Arc::clone(ix));
        }
        let Some(table) = &v.table else {
            return;
        };
        let g = geometry(table, layout::inner(pane));
        v.row = v.row.min(table.rows.len().saturating_sub(1));
        v.col = v.col.min(table.outlets.len().saturating_sub(1));
        v.row_offset = keep_in_view(v.row_offset, v.row, g.rows, table.rows.len());
        v.col_offset = keep_in_view(v.col_offset, v.col, g.cols, table.outlets.len());
    }
}

/// In the coverage table, the keys of `Back` and `Open` other than Esc
/// and Enter (h l ← → by default) move between outlets.
pub fn coverage_key(key: &crossterm::event::KeyEvent, action: Option<Action>) -> Option<Action> {
    match action {
        Some(Action::Back) if key.code != KeyCode::Esc => Some(Action::CellLeft),
        Some(Action::Open) if key.code != KeyCode::Enter => Some(Action::CellRight),
        a => a,
    }
}
