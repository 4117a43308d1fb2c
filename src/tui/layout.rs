//! Where each pane goes, as pure functions of the terminal size and state.
//! Drawing, mouse hit-testing and paging all use these, so they agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the reader shows a one-line notice instead of panes.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// From this width the list and the reader stand side by side; below it
/// only the focused pane is shown.
pub const SPLIT_MIN_WIDTH: u16 = 70;
/// Longest reading line: long lines are hard to follow.
pub const MAX_TEXT_WIDTH: u16 = 96;
/// Columns left of the text for the quote bar and markers.
pub const GUTTER: u16 = 2;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Reader,
}

/// The screen split into panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
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
pub fn screen(area: Rect, focus: Focus) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen::TooSmall(area);
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    if area.width < SPLIT_MIN_WIDTH {
        let (list, reader) = match focus {
            Focus::List => (Some(main), None),
            Focus::Reader => (None, Some(main)),
        };
        return Screen::Panes(Panes {
            list,
            reader,
            status,
        });
    }
    let list_width = (area.width * 34 / 100).clamp(24, 48);
    let [list, reader] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(1)]).areas(main);
    Screen::Panes(Panes {
        list: Some(list),
        reader: Some(reader),
        status,
    })
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
/// right of the gutter and is at most [`MAX_TEXT_WIDTH`] wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderAreas {
    pub header: Rect,
    pub body: Rect,
    /// The body's text column (body minus gutter, capped width).
    pub text: Rect,
}

/// Split a reader pane given how many rows its header needs.
pub fn reader_areas(pane: Rect, header_rows: u16) -> ReaderAreas {
    let inside = inner(pane);
    let header_rows = header_rows.min(inside.height.saturating_sub(1));
    let [header, body] =
        Layout::vertical([Constraint::Length(header_rows), Constraint::Min(0)]).areas(inside);
    let text_x = body.x.saturating_add(GUTTER).min(body.right());
    let text_width = body
        .right()
        .saturating_sub(text_x)
        .saturating_sub(1)
        .min(MAX_TEXT_WIDTH);
    let text = Rect {
        x: text_x,
        y: body.y,
        width: text_width,
        height: body.height,
    };
    ReaderAreas { header, body, text }
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
        let Screen::Panes(p) = screen(Rect::new(0, 0, 120, 40), Focus::List) else {
            panic!()
        };
        assert!(p.list.is_some() && p.reader.is_some());
        assert_eq!(p.status.y, 39);
        let Screen::Panes(p) = screen(Rect::new(0, 0, 50, 20), Focus::Reader) else {
            panic!()
        };
        assert!(p.list.is_none() && p.reader.unwrap().width == 50);
    }

    #[test]
    fn tiny_screens_are_too_small_and_nothing_underflows() {
        assert!(matches!(
            screen(Rect::new(0, 0, 20, 5), Focus::List),
            Screen::TooSmall(_)
        ));
        for w in 0..30 {
            for h in 0..10 {
                let r = Rect::new(0, 0, w, h);
                let _ = screen(r, Focus::Reader);
                let a = reader_areas(r, 4);
                assert!(a.text.right() <= r.right().max(a.text.x));
            }
        }
    }

    #[test]
    fn text_column_is_capped() {
        let a = reader_areas(Rect::new(0, 0, 200, 40), 3);
        assert_eq!(a.text.width, MAX_TEXT_WIDTH);
        assert_eq!(a.text.x, 1 + GUTTER);
    }
}
