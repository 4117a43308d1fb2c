//! Where each pane goes, as pure functions of the terminal size and state.
//! Drawing, mouse hit-testing and paging all use these, so they agree.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::tui::app::compare::Side;

/// Below this the reader shows a one-line notice instead of panes.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// From this width the list and the reader stand side by side; below it
/// only the focused pane is shown.
pub const SPLIT_MIN_WIDTH: u16 = 70;
/// Longest reading line: long lines are hard to follow.
pub const MAX_TEXT_WIDTH: u16 = 96;
/// Below this inner height the reader's header shrinks to the title alone.
pub const READER_COMPACT_HEADER_BELOW: u16 = 10;
/// The same for a compared article's pane (two headers share the height).
pub const COMPARE_COMPACT_HEADER_BELOW: u16 = 14;
/// Columns left of the text for the quote bar and markers.
pub const GUTTER: u16 = 2;

/// From this width the comparison shows its two panes side by side;
/// below it they are stacked, the left article on top.
pub const COMPARE_SIDE_BY_SIDE_WIDTH: u16 = 100;
/// Rows the stacked panes need between the summary and the status bar;
/// below this only the active pane is shown.
pub const COMPARE_STACK_MIN_HEIGHT: u16 = 12;
/// The quotation table puts the two wordings side by side from this
/// inner width, else one under the other.
pub const TABLE_SIDE_BY_SIDE_WIDTH: u16 = 60;
/// The table's first column: the shared statement's number.
pub const TABLE_NUMBER_WIDTH: u16 = 4;
/// Between the table's left and right columns: " │ ".
pub const TABLE_SEPARATOR_WIDTH: u16 = 3;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Reader,
}

/// The screen split into panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Too small to be useful: a notice on the first line.
    TooSmall(Rect),
    Panes(Panes),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Rect,
}

/// Split `area` for the browse view.
pub fn screen(area: Rect, focus: Focus) -> Split {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Split::TooSmall(area);
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    if area.width < SPLIT_MIN_WIDTH {
        let (list, reader) = match focus {
            Focus::List => (Some(main), None),
            Focus::Reader => (None, Some(main)),
        };
        return Split::Panes(Panes {
            list,
            reader,
            status,
        });
    }
    let list_width = (area.width * 34 / 100).clamp(24, 48);
    let [list, reader] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(1)]).areas(main);
    Split::Panes(Panes {
        list: Some(list),
        reader: Some(reader),
        status,
    })
}

/// Split `area` for the speakers view: the speaker list where the
/// article list goes, the selected speaker's quotations where the reader
/// goes (below [`SPLIT_MIN_WIDTH`] only the focused one).
pub fn speakers_screen(area: Rect, quotes_focused: bool) -> Split {
    screen(
        area,
        if quotes_focused {
            Focus::Reader
        } else {
            Focus::List
        },
    )
}

/// Rows per speaker in the speaker list: name and count, then share bar,
/// articles and role.
pub const SPEAKER_ROWS: u16 = 2;

/// Row `row` of a list whose entries are `height` lines tall, inside
/// `inner` (cut at its bottom).
pub fn list_row(inner: Rect, row: usize, height: u16) -> Rect {
    let y = inner.y.saturating_add(row as u16 * height);
    Rect {
        x: inner.x,
        y,
        width: inner.width,
        height: height.min(inner.bottom().saturating_sub(y)),
    }
}

/// Inside of a bordered pane.
pub fn inner(pane: Rect) -> Rect {
    Rect {
        x: pane.x.saturating_add(1),
        y: pane.y.saturating_add(1),
        width: pane.width.saturating_sub(2),
        height: pane.height.saturating_sub(2),
    }
}

/// The reading pane's parts: header rows, then body; the text column sits
/// right of the gutter and is at most the configured width
/// ([`MAX_TEXT_WIDTH`] unless the config says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderAreas {
    pub header: Rect,
    pub body: Rect,
    /// The body's text column (body minus gutter, capped width).
    pub text: Rect,
}

/// Split a reader pane given how many rows its header needs; the text
/// column is at most `max_width` wide (the config can change it).
pub fn reader_areas(pane: Rect, header_rows: u16, max_width: u16) -> ReaderAreas {
    pane_areas(pane, header_rows, GUTTER, max_width)
}

/// Split an article pane whose gutter is `gutter` columns wide (the
/// comparison's has room for shared-statement numbers).
pub fn pane_areas(pane: Rect, header_rows: u16, gutter: u16, max_width: u16) -> ReaderAreas {
    let inside = inner(pane);
    let header_rows = header_rows.min(inside.height.saturating_sub(1));
    let [header, body] =
        Layout::vertical([Constraint::Length(header_rows), Constraint::Min(0)]).areas(inside);
    let text_x = body.x.saturating_add(gutter).min(body.right());
    let text_width = body
        .right()
        .saturating_sub(text_x)
        .saturating_sub(1)
        .min(max_width);
    let text = Rect {
        x: text_x,
        y: body.y,
        width: text_width,
        height: body.height,
    };
    ReaderAreas { header, body, text }
}

/// The comparison view split up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareScreen {
    /// Too small to be useful: a notice on the first line.
    TooSmall(Rect),
    Shown(CompareAreas),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareAreas {
    /// One line: what the two articles share.
    pub summary: Rect,
    /// Where the panes, or the table, go.
    pub main: Rect,
    /// The two article panes; one is None when there is room for only
    /// the active one.
    pub left: Option<Rect>,
    pub right: Option<Rect>,
    /// One above the other rather than side by side.
    pub stacked: bool,
    pub status: Rect,
}

impl CompareAreas {
    pub fn pane(&self, side: Side) -> Option<Rect> {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    /// The pane at a screen cell.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Side> {
        [Side::Left, Side::Right]
            .into_iter()
            .find(|&s| self.pane(s).is_some_and(|r| contains(r, x, y)))
    }
}

/// Split `area` for the comparison: summary line, two panes side by side
/// from [`COMPARE_SIDE_BY_SIDE_WIDTH`] columns, else stacked (or, too low
/// to stack, only the active pane), status bar.
pub fn compare_screen(area: Rect, active: Side) -> CompareScreen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return CompareScreen::TooSmall(area);
    }
    let [summary, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (left, right, stacked) = if area.width >= COMPARE_SIDE_BY_SIDE_WIDTH {
        let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(main);
        (Some(l), Some(r), false)
    } else if main.height >= COMPARE_STACK_MIN_HEIGHT {
        let [l, r] = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(main);
        (Some(l), Some(r), true)
    } else {
        match active {
            Side::Left => (Some(main), None, true),
            Side::Right => (None, Some(main), true),
        }
    };
    CompareScreen::Shown(CompareAreas {
        summary,
        main,
        left,
        right,
        stacked,
        status,
    })
}

/// Columns of the quotation table: x and width of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableColumns {
    pub number: (u16, u16),
    pub left: (u16, u16),
    pub right: (u16, u16),
    /// The right wording under the left one, in the same column.
    pub stacked: bool,
}

/// The quotation table's parts inside its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableAreas {
    /// Column headings (the two titles) and a rule under them.
    pub heading: Rect,
    pub body: Rect,
    pub columns: TableColumns,
}

/// Split the table's box (`main` of [`CompareAreas`]).
pub fn table_areas(main: Rect) -> TableAreas {
    let inside = inner(main);
    let heading_rows = 2.min(inside.height.saturating_sub(1));
    let [heading, body] =
        Layout::vertical([Constraint::Length(heading_rows), Constraint::Min(0)]).areas(inside);
    let number = (inside.x, TABLE_NUMBER_WIDTH.min(inside.width));
    let text_x = inside.x + number.1;
    // One cell kept free at the right edge, as in the reader.
    let text_width = inside.width.saturating_sub(number.1 + 1);
    let columns = if inside.width >= TABLE_SIDE_BY_SIDE_WIDTH {
        let half = text_width.saturating_sub(TABLE_SEPARATOR_WIDTH) / 2;
        TableColumns {
            number,
            left: (text_x, half),
            right: (text_x + half + TABLE_SEPARATOR_WIDTH, half),
            stacked: false,
        }
    } else {
        TableColumns {
            number,
            left: (text_x, text_width),
            right: (text_x, text_width),
            stacked: true,
        }
    };
    TableAreas {
        heading,
        body,
        columns,
    }
}

/// A box of at most `width`×`height` centred in `area`, for overlays.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// True when (x, y) lies inside `r`.
pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_split_narrow_ones_show_the_focused_pane() {
        let Split::Panes(p) = screen(Rect::new(0, 0, 120, 40), Focus::List) else {
            panic!()
        };
        assert!(p.list.is_some() && p.reader.is_some());
        assert_eq!(p.status.y, 39);
        let Split::Panes(p) = screen(Rect::new(0, 0, 50, 20), Focus::Reader) else {
            panic!()
        };
        assert!(p.list.is_none() && p.reader.unwrap().width == 50);
    }

    #[test]
    fn tiny_screens_are_too_small_and_nothing_underflows() {
        assert!(matches!(
            screen(Rect::new(0, 0, 20, 5), Focus::List),
            Split::TooSmall(_)
        ));
        for w in 0..30 {
            for h in 0..10 {
                let r = Rect::new(0, 0, w, h);
                let _ = screen(r, Focus::Reader);
                let a = reader_areas(r, 4, MAX_TEXT_WIDTH);
                assert!(a.text.right() <= r.right().max(a.text.x));
            }
        }
    }

    #[test]
    fn comparison_panes_sit_side_by_side_from_100_columns_else_stack() {
        let CompareScreen::Shown(a) = compare_screen(Rect::new(0, 0, 140, 40), Side::Left) else {
            panic!()
        };
        let (l, r) = (a.left.unwrap(), a.right.unwrap());
        assert!(!a.stacked && l.y == r.y && l.right() == r.x);
        assert_eq!((l.width + r.width, a.summary.y, a.status.y), (140, 0, 39));
        assert_eq!(a.pane_at(r.x + 1, r.y + 1), Some(Side::Right));
        let CompareScreen::Shown(a) = compare_screen(Rect::new(0, 0, 99, 30), Side::Left) else {
            panic!()
        };
        let (l, r) = (a.left.unwrap(), a.right.unwrap());
        assert!(a.stacked && l.x == r.x && l.bottom() == r.y && l.width == 99);
        // Too low to stack: the active pane alone.
        let CompareScreen::Shown(a) = compare_screen(Rect::new(0, 0, 60, 10), Side::Right) else {
            panic!()
        };
        assert!(a.left.is_none() && a.right == Some(a.main));
        assert!(matches!(
            compare_screen(Rect::new(0, 0, 20, 5), Side::Left),
            CompareScreen::TooSmall(_)
        ));
    }

    #[test]
    fn table_columns_fit_inside_the_box_at_any_size() {
        let t = table_areas(Rect::new(0, 1, 140, 38));
        assert!(!t.columns.stacked);
        assert_eq!(t.columns.left.1, t.columns.right.1);
        assert!(t.columns.right.0 + t.columns.right.1 < 139);
        assert!(table_areas(Rect::new(0, 1, 50, 20)).columns.stacked);
        for w in 0..80 {
            for h in 0..12 {
                let r = Rect::new(0, 0, w, h);
                let t = table_areas(r);
                for (x, width) in [t.columns.left, t.columns.right] {
                    assert!(width == 0 || x + width <= r.right(), "{w}x{h}");
                }
                let _ = compare_screen(r, Side::Left);
                let _ = pane_areas(r, 3, 5, MAX_TEXT_WIDTH);
            }
        }
    }

    #[test]
    fn text_column_is_capped() {
        let a = reader_areas(Rect::new(0, 0, 200, 40), 3, MAX_TEXT_WIDTH);
        assert_eq!(a.text.width, MAX_TEXT_WIDTH);
        let a = reader_areas(Rect::new(0, 0, 200, 40), 3, u16::MAX);
        assert_eq!(a.text.width, 200 - 2 - GUTTER - 1);
        assert_eq!(a.text.x, 1 + GUTTER);
    }
}
