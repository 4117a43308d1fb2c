//! Moving a position in a list or a pane by a movement action.

use super::action::Action;

/// Where a movement action takes a position, or None for other actions.
pub fn step(pos: usize, action: Action, page: usize) -> Option<usize> {
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

/// Where a movement action takes the cell (`row`, `col`) of a table, or
/// None for other actions: arrows and focus keys between columns, the
/// list movements and the wheel between rows; a click picks nothing (yet).
pub fn cell_step(
    (row, col): (usize, usize),
    action: Action,
    page: usize,
) -> Option<(usize, usize)> {
    Some(match action {
        Action::CellLeft | Action::FocusPrev => (row, col.saturating_sub(1)),
        Action::CellRight | Action::FocusNext => (row, col.saturating_add(1)),
        Action::ClickAt { .. } => (row, col),
        Action::ScrollAt { lines, .. } => (offset_by(row, lines.signum() as isize), col),
        a => (step(row, a, page)?, col),
    })
}

/// `pos` moved by `delta`, stopping at 0.
pub fn offset_by(pos: usize, delta: isize) -> usize {
    pos.saturating_add_signed(delta)
}

/// The first row shown of a list of `len` rows, `rows` at a time, moved
/// as little as possible from `offset` so that `selected` is in view and
/// no empty rows show below the last one.
pub fn keep_in_view(offset: usize, selected: usize, rows: usize, len: usize) -> usize {
    let rows = rows.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    };
    offset.min(len.saturating_sub(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_follows_the_selection_by_as_little_as_it_can() {
        // Ten rows, four shown.
        assert_eq!(keep_in_view(0, 2, 4, 10), 0, "already in view");
        assert_eq!(keep_in_view(0, 5, 4, 10), 2, "below: last row");
        assert_eq!(keep_in_view(5, 3, 4, 10), 3, "above: first row");
        assert_eq!(keep_in_view(8, 9, 4, 10), 6, "no empty rows after the end");
        assert_eq!(keep_in_view(3, 0, 4, 2), 0, "a short list from the top");
    }
}
