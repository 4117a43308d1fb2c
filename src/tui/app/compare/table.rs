//! The comparison's quotation table (`t`): one row per shared statement
//! or quotation only one side prints, each wording wrapped for the
//! column width, the cursor and scroll. Built in `App::sync`, never while
//! drawing.

use super::state::*;
use crate::compare::DiffOp;
use crate::corpus::Article;
use crate::quotes::Quote;
use crate::tui::layout::TableColumns;
use crate::wrap::{self};
use std::ops::Range;

/// The words of a pair's two wordings that the other lacks, as byte
/// ranges of each article's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairDiff {
    /// In the left article: words the right one does not print.
    pub deleted: Vec<Range<usize>>,
    /// In the right article: words the left one does not print.
    pub inserted: Vec<Range<usize>>,
}

impl PairDiff {
    pub(super) fn new(ops: &[DiffOp], left_start: usize, right_start: usize) -> Self {
        let mut d = PairDiff::default();
        for op in ops {
            match op {
                DiffOp::Delete { left } => d
                    .deleted
                    .push(left.start + left_start..left.end + left_start),
                DiffOp::Insert { right } => d
                    .inserted
                    .push(right.start + right_start..right.end + right_start),
                DiffOp::Equal { .. } => {}
            }
        }
        d
    }
}

/// A row of the quotation table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableRow {
    /// Pair `k` of `Comparison::pairs`.
    Pair(usize),
    /// A quotation of one side that is in no pair.
    Only(Side, usize),
}

/// The parts of the table, each under a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableSection {
    Shared,
    Only(Side),
}

/// One screen line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableLine {
    Section(TableSection),
    /// Who speaks in row `row`: both sides, or one when they are stacked.
    Head {
        row: usize,
        side: Option<Side>,
    },
    /// Wording of row `row`: bytes of the left and/or right article.
    Text {
        row: usize,
        left: Option<Range<usize>>,
        right: Option<Range<usize>>,
    },
    Blank,
}

/// The table's lines for one set of column widths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableLayout {
    pub columns: TableColumns,
    pub lines: Vec<TableLine>,
    /// The lines of each row (its head and wording).
    pub row_lines: Vec<Range<usize>>,
}

impl TableLayout {
    fn build(c: &CompareState, left: &Article, right: &Article, columns: TableColumns) -> Self {
        let mut lines = Vec::new();
        let mut row_lines = Vec::with_capacity(c.table.rows.len());
        let mut section = None;
        for (row, &kind) in c.table.rows.iter().enumerate() {
            let this = match kind {
                TableRow::Pair(_) => TableSection::Shared,
                TableRow::Only(side, _) => TableSection::Only(side),
            };
            if !lines.is_empty() {
                lines.push(TableLine::Blank);
            }
            if section != Some(this) {
                lines.push(TableLine::Section(this));
                section = Some(this);
            }
            let start = lines.len();
            let (l, r) = c.row_quotes(kind);
            let lw = l.map(|i| wrapped(left, &c.left.quotes.quotes()[i], columns.left.1));
            let rw = r.map(|j| wrapped(right, &c.right.quotes.quotes()[j], columns.right.1));
            if columns.stacked {
                for (side, w) in [(Side::Left, lw), (Side::Right, rw)] {
                    let Some(w) = w else { continue };
                    lines.push(TableLine::Head {
                        row,
                        side: Some(side),
                    });
                    lines.extend(w.into_iter().map(|range| {
                        let (left, right) = match side {
                            Side::Left => (Some(range), None),
                            Side::Right => (None, Some(range)),
                        };
                        TableLine::Text { row, left, right }
                    }));
                }
            } else {
                lines.push(TableLine::Head { row, side: None });
                let (lw, rw) = (lw.unwrap_or_default(), rw.unwrap_or_default());
                for i in 0..lw.len().max(rw.len()) {
                    lines.push(TableLine::Text {
                        row,
                        left: lw.get(i).cloned(),
                        right: rw.get(i).cloned(),
                    });
                }
            }
            row_lines.push(start..lines.len());
        }
        TableLayout {
            columns,
            lines,
            row_lines,
        }
    }

    /// The row a table line belongs to.
    pub fn row_at(&self, line: usize) -> Option<usize> {
        match self.lines.get(line)? {
            TableLine::Head { row, .. } | TableLine::Text { row, .. } => Some(*row),
            TableLine::Section(_) | TableLine::Blank => None,
        }
    }
}

/// A quotation, marks included, wrapped to `width` (byte ranges of the
/// article's text).
fn wrapped(article: &Article, q: &Quote, width: u16) -> Vec<Range<usize>> {
    let text = &article.text;
    let r = q.outer();
    let end = r.end.min(text.len());
    let start = r.start.min(end);
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Vec::new();
    }
    wrap::wrap(&text[start..end], start, usize::from(width).max(1))
}

/// The quotation table: its rows, the cursor, and lines for the width.
#[derive(Debug, Clone)]
pub struct TableState {
    /// Pairs in order, then each side's quotations in no pair.
    pub rows: Vec<TableRow>,
    pub cursor: usize,
    /// First table line shown.
    pub scroll: usize,
    pub layout: Option<TableLayout>,
}

/// The table's share of the comparison.
impl CompareState {
    /// `t`: the table (its cursor on the pair last gone to), or the panes.
    pub fn toggle_table(&mut self) {
        self.mode = match self.mode {
            CompareMode::Panes => {
                if let Some(k) = self.pair_cursor {
                    self.table.cursor = k;
                }
                CompareMode::Table
            }
            CompareMode::Table => CompareMode::Panes,
        };
    }

    /// Rows whose head is among the `rows` table lines in view (a page).
    pub fn table_rows_in_view(&self, rows: usize) -> usize {
        let Some(t) = &self.table.layout else {
            return 0;
        };
        let view = self.table.scroll..self.table.scroll + rows;
        t.row_lines
            .iter()
            .filter(|r| view.contains(&r.start))
            .count()
    }

    /// Move the table cursor to row `to` (clamped).
    pub fn table_select(&mut self, to: usize) {
        self.table.cursor = to.min(self.table.rows.len().saturating_sub(1));
    }

    /// `]`/`[` in the table: the next / previous pair row.
    pub fn table_next_pair(&mut self, forward: bool) -> bool {
        let n = self.comparison.pairs.len();
        let c = self.table.cursor;
        let to = if forward {
            (c + 1 < n).then_some(c + 1)
        } else {
            c.min(n).checked_sub(1)
        };
        if let Some(to) = to {
            self.table.cursor = to;
        }
        to.is_some()
    }

    /// Lay the table out for `columns` when it is not already, and keep
    /// the cursor's row in view in `rows` lines.
    pub fn sync_table(
        &mut self,
        left: &Article,
        right: &Article,
        columns: TableColumns,
        rows: usize,
    ) {
        if self
            .table
            .layout
            .as_ref()
            .is_none_or(|t| t.columns != columns)
        {
            self.table.layout = Some(TableLayout::build(self, left, right, columns));
        }
        let Some(t) = &self.table.layout else {
            return;
        };
        let rows = rows.max(1);
        if let Some(r) = t.row_lines.get(self.table.cursor) {
            // A section's first row shows its heading too.
            let start = match r.start.checked_sub(1).map(|l| &t.lines[l]) {
                Some(TableLine::Section(_)) => r.start - 1,
                _ => r.start,
            };
            if start < self.table.scroll {
                self.table.scroll = start;
            } else if r.end > self.table.scroll + rows {
                self.table.scroll = (r.end - rows).min(start);
            }
        }
        self.table.scroll = self.table.scroll.min(t.lines.len().saturating_sub(rows));
    }
}
