//! The one-line prompts (the article filter, the speaker filter): the keys
//! typed into them and how they edit the line, written once for both.

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

/// What an action did to a prompt's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptEdit {
    /// The text changed (or may have): refilter.
    Changed,
    /// Enter: keep the text, leave the prompt.
    Accept,
    /// Esc: the caller clears and leaves.
    Cancel,
    /// Not a prompt action (moving in the list while typing, quitting).
    NotMine,
}

/// Apply a prompt action to its line.
pub fn edit(text: &mut String, action: Action) -> PromptEdit {
    match action {
        Action::FilterInsert(c) => text.push(c),
        Action::FilterBackspace => {
            text.pop();
        }
        Action::FilterDeleteWord => delete_word(text),
        Action::FilterClear => text.clear(),
        Action::FilterAccept => return PromptEdit::Accept,
        Action::FilterCancel => return PromptEdit::Cancel,
        _ => return PromptEdit::NotMine,
    }
    PromptEdit::Changed
}

/// Ctrl-w: delete the last word and the spaces after it.
pub fn delete_word(text: &mut String) {
    let trimmed = text.trim_end_matches(' ').len();
    text.truncate(trimmed);
    let start = text.rfind(' ').map_or(0, |i| i + 1);
    text.truncate(start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_w_deletes_the_last_word_and_its_space() {
        let mut q = String::from("lavrov sanctions ");
        delete_word(&mut q);
        assert_eq!(q, "lavrov ");
        delete_word(&mut q);
        assert_eq!(q, "");
        delete_word(&mut q);
        assert_eq!(q, "");
    }

    #[test]
    fn typing_edits_and_enter_and_esc_are_left_to_the_caller() {
        let mut q = String::new();
        for c in "ab c".chars() {
            assert_eq!(edit(&mut q, Action::FilterInsert(c)), PromptEdit::Changed);
        }
        assert_eq!(edit(&mut q, Action::FilterBackspace), PromptEdit::Changed);
        assert_eq!(q, "ab ");
        assert_eq!(edit(&mut q, Action::FilterAccept), PromptEdit::Accept);
        assert_eq!(edit(&mut q, Action::FilterCancel), PromptEdit::Cancel);
        assert_eq!(edit(&mut q, Action::Down), PromptEdit::NotMine);
        assert_eq!(q, "ab ");
    }
}
