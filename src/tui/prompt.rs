//! The one-line prompts (the article filter, the speaker filter): the keys
//! typed into them and how they edit the line, written once for both. The
//! line edits as a readline line does (a cursor, Ctrl-a/e/k/w/u, Alt-b/f);
//! ↑/↓ recall earlier queries while the line is empty or shows a recalled
//! one, and move in the list once the user has typed (as in fzf).

use std::ops::Deref;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key typed into a prompt, as an action. `recalling`: ↑/↓ go through
/// the history (the line is empty or a recalled query) rather than the
/// list.
pub fn prompt_action(key: &KeyEvent, recalling: bool) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Enter => Action::FilterAccept,
        KeyCode::Esc => Action::FilterCancel,
        KeyCode::Backspace if alt => Action::FilterDeleteWord,
        KeyCode::Backspace => Action::FilterBackspace,
        KeyCode::Delete => Action::FilterDelete,
        KeyCode::Left => Action::FilterLeft,
        KeyCode::Right => Action::FilterRight,
        KeyCode::Home => Action::FilterHome,
        KeyCode::End => Action::FilterEnd,
        KeyCode::Char('w') if ctrl => Action::FilterDeleteWord,
        KeyCode::Char('u') if ctrl => Action::FilterClear,
        KeyCode::Char('k') if ctrl => Action::FilterKillEnd,
        KeyCode::Char('a') if ctrl => Action::FilterHome,
        KeyCode::Char('e') if ctrl => Action::FilterEnd,
        KeyCode::Char('b') if ctrl => Action::FilterLeft,
        KeyCode::Char('f') if ctrl => Action::FilterRight,
        KeyCode::Char('d') if ctrl => Action::FilterDelete,
        KeyCode::Char('b') if alt => Action::FilterWordLeft,
        KeyCode::Char('f') if alt => Action::FilterWordRight,
        KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('n') if ctrl => Action::Down,
        KeyCode::Char('p') if ctrl => Action::Up,
        KeyCode::Char(c) if !ctrl && !alt => Action::FilterInsert(c),
        KeyCode::Down if recalling => Action::FilterHistoryNext,
        KeyCode::Up if recalling => Action::FilterHistoryPrev,
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        _ => return None,
    })
}

/// A prompt's text and where the cursor is in it (a byte offset on a
/// character boundary). Reads as the text (`Deref<Target = str>`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PromptLine {
    text: String,
    cursor: usize,
}

impl Deref for PromptLine {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq<&str> for PromptLine {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl From<&str> for PromptLine {
    fn from(s: &str) -> Self {
        PromptLine {
            text: s.to_string(),
            cursor: s.len(),
        }
    }
}

impl PromptLine {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into the text.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Replace the text, the cursor at its end (a recalled query).
    pub fn set(&mut self, text: &str) {
        *self = PromptLine::from(text);
    }

    /// Insert at the cursor: pasted text on one line, control characters
    /// (a pasted line end, an escape) left out.
    pub fn insert_str(&mut self, s: &str) {
        let clean: String = s
            .replace("\r\n", "\n")
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    fn prev(&self, at: usize) -> usize {
        self.text[..at]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next(&self, at: usize) -> usize {
        self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8())
    }

    /// Start of the word before `at` (Alt-b, Ctrl-w).
    fn word_start(&self, at: usize) -> usize {
        let before = self.text[..at].trim_end_matches(' ');
        before.rfind(' ').map_or(0, |i| i + 1)
    }

    /// End of the word after `at` (Alt-f).
    fn word_end(&self, at: usize) -> usize {
        let rest = &self.text[at..];
        let skipped = rest.len() - rest.trim_start_matches(' ').len();
        let word = rest[skipped..].find(' ').unwrap_or(rest.len() - skipped);
        at + skipped + word
    }

    /// Apply a prompt action.
    pub fn edit(&mut self, action: Action) -> PromptEdit {
        let c = self.cursor;
        match action {
            Action::FilterInsert(ch) => {
                self.text.insert(c, ch);
                self.cursor += ch.len_utf8();
            }
            Action::FilterBackspace => {
                let p = self.prev(c);
                self.text.replace_range(p..c, "");
                self.cursor = p;
            }
            Action::FilterDelete => {
                let n = self.next(c);
                self.text.replace_range(c..n, "");
            }
            Action::FilterDeleteWord => {
                let p = self.word_start(c);
                self.text.replace_range(p..c, "");
                self.cursor = p;
            }
            Action::FilterClear => self.clear(),
            Action::FilterKillEnd => self.text.truncate(c),
            Action::FilterLeft => self.cursor = self.prev(c),
            Action::FilterRight => self.cursor = self.next(c),
            Action::FilterWordLeft => self.cursor = self.word_start(c),
            Action::FilterWordRight => self.cursor = self.word_end(c),
            Action::FilterHome => self.cursor = 0,
            Action::FilterEnd => self.cursor = self.text.len(),
            Action::FilterAccept => return PromptEdit::Accept,
            Action::FilterCancel => return PromptEdit::Cancel,
            _ => return PromptEdit::NotMine,
        }
        PromptEdit::Changed
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> PromptLine {
        let mut l = PromptLine::default();
        for c in s.chars() {
            l.edit(Action::FilterInsert(c));
        }
        l
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor_and_its_space() {
        let mut q = typed("lavrov sanctions ");
        q.edit(Action::FilterDeleteWord);
        assert_eq!(q, "lavrov ");
        q.edit(Action::FilterDeleteWord);
        assert_eq!(q, "");
        q.edit(Action::FilterDeleteWord);
        assert_eq!(q, "");
    }

    #[test]
    fn the_line_edits_like_readline() {
        let mut q = typed("lavrov china");
        q.edit(Action::FilterWordLeft);
        q.edit(Action::FilterInsert('@'));
        assert_eq!(q, "lavrov @china");
        q.edit(Action::FilterHome);
        q.edit(Action::FilterDelete);
        assert_eq!(q, "avrov @china");
        q.edit(Action::FilterWordRight);
        q.edit(Action::FilterKillEnd);
        assert_eq!(q, "avrov");
        q.edit(Action::FilterLeft);
        q.edit(Action::FilterBackspace);
        assert_eq!(q, "avrv");
        assert_eq!(q.cursor(), 3);
        // Multi-byte characters move as one.
        let mut q = typed("é ü");
        q.edit(Action::FilterLeft);
        q.edit(Action::FilterBackspace);
        assert_eq!(q, "éü");
        assert_eq!(q.edit(Action::FilterAccept), PromptEdit::Accept);
        assert_eq!(q.edit(Action::Down), PromptEdit::NotMine);
    }

    #[test]
    fn pasted_text_is_one_line_without_controls() {
        let mut q = typed("a");
        q.insert_str("b\nc\x1b[2Jd\r\ne\rf");
        assert_eq!(q, "ab c[2Jd e f");
    }
}
