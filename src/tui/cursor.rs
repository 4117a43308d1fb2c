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

pub fn offset_by(pos: usize, delta: isize) -> usize {
    pos.saturating_add_signed(delta)
}
