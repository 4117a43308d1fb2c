//! Two articles side by side: which two, each pane's cached layout and
//! scroll position, the [`Comparison`] of their quotations, the shared
//! statement `]`/`[` went to, and the quotation table.
//!
//! Everything here is built when the view opens or the width changes (in
//! `App::sync`), never while drawing. The positions of the panes on screen
//! come in as a [`Geometry`] computed by the pure functions of `layout`.

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::compare::{Comparison, QuotePair};
use crate::corpus::Article;
use crate::quotes::ArticleQuotes;
use crate::wrap::ArticleLayout;

use super::job::Prepared;
use super::table::{PairDiff, TableRow, TableState};
use crate::tui::app::shown_quotes::QuoteView;
use crate::tui::layout::{ReaderAreas, TableColumns};

/// Lines kept above a quotation the panes jump to.
pub const JUMP_CONTEXT: usize = 1;

/// One of the two compared articles: the marked one is on the left (on
/// top when the panes are stacked), the selected one on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }

    /// "left", or "top" when the panes are stacked.
    pub fn name(self, stacked: bool) -> &'static str {
        match (self, stacked) {
            (Side::Left, false) => "left",
            (Side::Right, false) => "right",
            (Side::Left, true) => "top",
            (Side::Right, true) => "bottom",
        }
    }
}

/// The two panes, or the table of quotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareMode {
    #[default]
    Panes,
    Table,
}

/// One compared article as its pane shows it.
#[derive(Debug, Clone)]
pub struct ComparePane {
    /// Index in `App::articles`.
    pub article: usize,
    pub quotes: QuoteView,
    /// Lines for the pane's current width (kept by `App::sync`).
    pub layout: Option<ArticleLayout>,
    pub scroll: usize,
    /// The quotation shown in bold with an arrow: the pair's, after a jump.
    pub cursor: Option<usize>,
}

impl ComparePane {
    fn new(article: usize, quotes: QuoteView) -> Self {
        ComparePane {
            article,
            quotes,
            layout: None,
            scroll: 0,
            cursor: None,
        }
    }

    /// Screen lines of the laid-out article.
    pub fn len(&self) -> usize {
        self.layout.as_ref().map_or(0, ArticleLayout::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The screen line where quotation `i` starts; None when it is not in
    /// the body (a headline quotation, shown in the header).
    pub fn quote_line(&self, i: usize) -> Option<usize> {
        let q = self.quotes.quotes().get(i)?;
        let doc = self.layout.as_ref()?;
        doc.paragraph_line(q.paragraph)?;
        doc.line_of_offset(q.outer().start)
    }
}

/// Where the two panes' parts are on screen, as drawing puts them (a pane
/// not shown for lack of room is placed where it would be shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub left: ReaderAreas,
    pub right: ReaderAreas,
    /// Both panes on screen, side by side: a pair can share a row.
    pub side_by_side: bool,
    /// Rows of the table's body, and its columns.
    pub table_rows: usize,
    pub table_columns: TableColumns,
}

impl Geometry {
    pub fn areas(&self, side: Side) -> ReaderAreas {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    fn body(&self, side: Side) -> Rect {
        self.areas(side).body
    }
}

/// Everything the comparison view draws from.
#[derive(Debug, Clone)]
pub struct CompareState {
    pub left: ComparePane,
    pub right: ComparePane,
    pub comparison: Comparison,
    /// Per pair of `comparison.pairs`, the words one wording lacks.
    pub diffs: Vec<PairDiff>,
    pub mode: CompareMode,
    /// The pane the keys scroll.
    pub active: Side,
    /// Scrolling one pane scrolls the other by as many lines.
    pub sync: bool,
    /// The pair `]`/`[` (or the table) last went to.
    pub pair_cursor: Option<usize>,
    pub table: TableState,
}

/// One side as given to [`CompareState::new`]: article index, article,
/// its quotations.
pub type SideInput<'a> = (usize, &'a Article, Arc<ArticleQuotes>);

impl CompareState {
    /// Compare two articles (their quotations found already). Everything
    /// but the width-dependent layouts is computed here, once.
    pub fn new(left: SideInput, right: SideInput) -> Self {
        let prepared = Prepared::compute(left.1, &left.2, right.1, &right.2, &|| false);
        Self::with(left, right, prepared.unwrap_or_default())
    }

    /// Open the view on a comparison made already (on a thread, for long
    /// articles: see `compare::job`).
    pub fn with(left: SideInput, right: SideInput, prepared: Prepared) -> Self {
        let (li, la, lq) = left;
        let (ri, ra, rq) = right;
        let Prepared { comparison, diffs } = prepared;
        let rows = (0..comparison.pairs.len())
            .map(TableRow::Pair)
            .chain(
                comparison
                    .left_only
                    .iter()
                    .map(|&i| TableRow::Only(Side::Left, i)),
            )
            .chain(
                comparison
                    .right_only
                    .iter()
                    .map(|&j| TableRow::Only(Side::Right, j)),
            )
            .collect();
        let left = QuoteView::new(la, lq);
        let mut right = QuoteView::new(ra, rq);
        // One person, one colour on both sides ("Sergei" on the left and
        // "Sergey" on the right hash to different colours of their own).
        for &(l, r) in &comparison.speakers.both {
            if let (Some(&slot), Some(to)) = (left.slots.get(l.0), right.slots.get_mut(r.0)) {
                *to = slot;
            }
        }
        CompareState {
            left: ComparePane::new(li, left),
            right: ComparePane::new(ri, right),
            comparison,
            diffs,
            mode: CompareMode::Panes,
            active: Side::Left,
            sync: true,
            pair_cursor: None,
            table: TableState {
                rows,
                cursor: 0,
                scroll: 0,
                layout: None,
            },
        }
    }

    pub fn pane(&self, side: Side) -> &ComparePane {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }

    pub fn pane_mut(&mut self, side: Side) -> &mut ComparePane {
        match side {
            Side::Left => &mut self.left,
            Side::Right => &mut self.right,
        }
    }

    /// Shared-statement number of each quotation of `side`.
    pub fn groups(&self, side: Side) -> &[Option<u32>] {
        match side {
            Side::Left => &self.comparison.groups.left,
            Side::Right => &self.comparison.groups.right,
        }
    }

    /// Columns the gutter keeps for shared-statement numbers: as many as
    /// the highest number has digits (none when nothing is shared).
    pub fn marker_width(&self) -> u16 {
        match self.comparison.groups.count {
            0 => 0,
            n => n.to_string().len() as u16,
        }
    }

    /// The quotations of a table row: (left, right).
    pub fn row_quotes(&self, row: TableRow) -> (Option<usize>, Option<usize>) {
        match row {
            TableRow::Pair(k) => self
                .comparison
                .pairs
                .get(k)
                .map_or((None, None), |p| (Some(p.left), Some(p.right))),
            TableRow::Only(Side::Left, i) => (Some(i), None),
            TableRow::Only(Side::Right, j) => (None, Some(j)),
        }
    }

    fn pair(&self, k: usize) -> Option<QuotePair> {
        self.comparison.pairs.get(k).copied()
    }

    /// The last scroll position of `side` that still fills its pane.
    pub fn max_scroll(&self, side: Side, g: &Geometry) -> usize {
        self.pane(side)
            .len()
            .saturating_sub(g.body(side).height as usize)
    }

    /// Scroll `side` to line `to` (clamped). With sync on, the other pane
    /// moves by as many lines as this one did (clamped too).
    pub fn scroll_to(&mut self, side: Side, to: usize, g: &Geometry) {
        let max = self.max_scroll(side, g);
        let old = self.pane(side).scroll;
        let new = to.min(max);
        self.pane_mut(side).scroll = new;
        if self.sync {
            let other = side.other();
            let max = self.max_scroll(other, g);
            let p = self.pane_mut(other);
            p.scroll = if new >= old {
                p.scroll.saturating_add(new - old)
            } else {
                p.scroll.saturating_sub(old - new)
            }
            .min(max);
        }
    }

    /// `g` / `G` with sync on: both panes to their top or their end.
    pub fn scroll_both_to(&mut self, end: bool, g: &Geometry) {
        for side in [Side::Left, Side::Right] {
            let to = if end { self.max_scroll(side, g) } else { 0 };
            self.pane_mut(side).scroll = to;
        }
    }

    /// The pair `]` (forward) or `[` goes to: the one after the pair last
    /// gone to while it is on screen, else the first below (above) the top
    /// of the left pane.
    pub fn next_pair(&self, forward: bool, g: &Geometry) -> Option<usize> {
        let pairs = &self.comparison.pairs;
        let n = pairs.len();
        let in_view = |side: Side, line: Option<usize>| {
            let top = self.pane(side).scroll;
            let rows = g.body(side).height as usize;
            line.is_some_and(|l| l >= top && l < top + rows)
        };
        let cursor = self.pair_cursor.filter(|&k| {
            pairs.get(k).is_some_and(|p| {
                in_view(Side::Left, self.left.quote_line(p.left))
                    || in_view(Side::Right, self.right.quote_line(p.right))
            })
        });
        let top = self.left.scroll;
        // A headline quotation counts as the top of the article.
        let line = |k: usize| self.left.quote_line(pairs[k].left).unwrap_or(0);
        match (cursor, forward) {
            (Some(c), true) => (c + 1 < n).then_some(c + 1),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => (0..n).find(|&k| line(k) >= top),
            (None, false) => (0..n).rev().find(|&k| line(k) < top),
        }
    }

    /// Scroll both panes to pair `k`: side by side, its two quotations
    /// start on the same screen row, near the top; stacked, each near the
    /// top of its pane.
    pub fn show_pair(&mut self, k: usize, g: &Geometry) {
        let Some(pair) = self.pair(k) else {
            return;
        };
        self.pair_cursor = Some(k);
        self.left.cursor = Some(pair.left);
        self.right.cursor = Some(pair.right);
        let (ll, rl) = (
            self.left.quote_line(pair.left),
            self.right.quote_line(pair.right),
        );
        let (lmax, rmax) = (
            self.max_scroll(Side::Left, g),
            self.max_scroll(Side::Right, g),
        );
        let aligned = match (ll, rl) {
            (Some(a), Some(b)) if g.side_by_side => {
                align((a, g.left.body, lmax), (b, g.right.body, rmax))
            }
            _ => None,
        };
        let (ls, rs) = aligned.unwrap_or_else(|| {
            let near_top = |line: Option<usize>, max: usize| {
                line.map_or(0, |l| l.saturating_sub(JUMP_CONTEXT)).min(max)
            };
            (near_top(ll, lmax), near_top(rl, rmax))
        });
        self.left.scroll = ls;
        self.right.scroll = rs;
    }

    /// Scroll `side` to its quotation `i` (one in no pair), made active.
    pub fn show_quote(&mut self, side: Side, i: usize, g: &Geometry) {
        self.pair_cursor = None;
        self.pane_mut(side.other()).cursor = None;
        let max = self.max_scroll(side, g);
        let line = self.pane(side).quote_line(i);
        let p = self.pane_mut(side);
        p.cursor = Some(i);
        p.scroll = line.map_or(0, |l| l.saturating_sub(JUMP_CONTEXT)).min(max);
        self.active = side;
    }

    /// Enter in the table: back to the panes, at the row under the cursor.
    pub fn open_table_row(&mut self, g: &Geometry) {
        self.mode = CompareMode::Panes;
        match self.table.rows.get(self.table.cursor).copied() {
            Some(TableRow::Pair(k)) => self.show_pair(k, g),
            Some(TableRow::Only(side, i)) => self.show_quote(side, i, g),
            None => {}
        }
    }
}

/// Scroll positions that put line `a.0` of one pane and line `b.0` of the
/// other (each given with its body and largest scroll) on one screen row,
/// [`JUMP_CONTEXT`] lines under the lower of the two bodies' tops when it
/// can; None when no row suits both.
fn align(a: (usize, Rect, usize), b: (usize, Rect, usize)) -> Option<(usize, usize)> {
    let (a_line, a_body, a_max) = a;
    let (b_line, b_body, b_max) = b;
    let (ay, by) = (a_body.y as usize, b_body.y as usize);
    // Both bodies show rows top..bottom.
    let top = ay.max(by);
    let bottom = (ay + a_body.height as usize).min(by + b_body.height as usize);
    if top >= bottom {
        return None;
    }
    // Line l of a body at y is on row y + l - scroll, scroll in 0..=max.
    let lo = [
        (ay + a_line).saturating_sub(a_max),
        (by + b_line).saturating_sub(b_max),
        top,
    ]
    .into_iter()
    .max()?;
    let hi = [ay + a_line, by + b_line, bottom - 1].into_iter().min()?;
    if lo > hi {
        return None;
    }
    let row = (top + JUMP_CONTEXT).clamp(lo, hi);
    Some((ay + a_line - row, by + b_line - row))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(y: u16, height: u16) -> Rect {
        Rect::new(0, y, 40, height)
    }

    #[test]
    fn aligned_lines_share_a_row_under_the_lower_header() {
        // Bodies start on rows 5 and 7; lines 30 and 50.
        let (a, b) = align((30, body(5, 20), 100), (50, body(7, 18), 100)).unwrap();
        assert_eq!(5 + 30 - a, 7 + 50 - b);
        assert_eq!(5 + 30 - a, 7 + JUMP_CONTEXT);
        // Near the top of one article the row moves down to meet it.
        let (a, b) = align((0, body(5, 20), 100), (50, body(5, 20), 100)).unwrap();
        assert_eq!((a, 5 + 50 - b), (0, 5));
        // Near the end, the short one cannot scroll further: still one row.
        let (a, b) = align((90, body(5, 20), 80), (10, body(5, 20), 100)).unwrap();
        assert!(a <= 80);
        assert_eq!(90 - a, 10 - b);
    }

    #[test]
    fn no_common_row_when_one_cannot_move() {
        // A short article (no scrolling) with its line low, the other's
        // quotation on its first line.
        assert_eq!(align((0, body(5, 20), 100), (15, body(5, 20), 0)), None);
    }
}
