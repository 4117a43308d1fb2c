//! Keys typed into a prompt (the article filter, the speaker filter).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key typed into the filter prompt, as an action.
pub fn prompt_action(key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Enter => Action::FilterAccept,
        KeyCode::Esc => Action::FilterCancel,
        KeyCode::Backspace => Action::FilterBackspace,
        KeyCode::Char('w') if ctrl => Action::FilterDeleteWord,
        KeyCode::Char('u') if ctrl => Action::FilterClear,
        KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('n') if ctrl => Action::Down,
        KeyCode::Char('p') if ctrl => Action::Up,
        KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
            Action::FilterInsert(c)
        }
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        _ => return None,
    })
}
