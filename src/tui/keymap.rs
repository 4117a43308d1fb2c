//! Which key does what: the bindings in force, keys as the terminal
//! reports them, and labels for the help overlay. Key names and labels
//! are `config::names`' table; this maps them to crossterm's keys.

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::config::{Key, KeyName};

use super::action::{ACTIONS, Action};

/// The default bindings, key by key (generated from the action table).
pub use super::action::DEFAULT_BINDINGS;

/// A key with the modifiers that matter (Ctrl, Alt). Shift is part of the
/// character for printable keys ("G"), so it is not kept for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyCombo {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl From<Key> for KeyCombo {
    fn from(key: Key) -> Self {
        let code = match key.name {
            KeyName::Enter => KeyCode::Enter,
            KeyName::Esc => KeyCode::Esc,
            KeyName::Tab => KeyCode::Tab,
            KeyName::BackTab => KeyCode::BackTab,
            KeyName::Backspace => KeyCode::Backspace,
            KeyName::Delete => KeyCode::Delete,
            KeyName::Up => KeyCode::Up,
            KeyName::Down => KeyCode::Down,
            KeyName::Left => KeyCode::Left,
            KeyName::Right => KeyCode::Right,
            KeyName::Home => KeyCode::Home,
            KeyName::End => KeyCode::End,
            KeyName::PageUp => KeyCode::PageUp,
            KeyName::PageDown => KeyCode::PageDown,
            KeyName::Char(c) => KeyCode::Char(c),
            KeyName::F(n) => KeyCode::F(n),
        };
        let mut mods = KeyModifiers::NONE;
        if key.ctrl {
            mods |= KeyModifiers::CONTROL;
        }
        if key.alt {
            mods |= KeyModifiers::ALT;
        }
        Self { code, mods }
    }
}

impl KeyCombo {
    pub fn from_event(ev: &KeyEvent) -> Self {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match ev.code {
            // Terminals report Shift-Tab either way.
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        if let KeyCode::Char(c) = code
            && c.is_ascii_control()
        {
            mods |= KeyModifiers::CONTROL;
        }
        Self { code, mods }
    }

    /// Parse "j", "G", "ctrl-d", "alt-x", "pagedown", "shift-tab", "f5"
    /// (the names are `config::names`').
    pub fn parse(s: &str) -> Result<Self, String> {
        Key::parse(s).map(Self::from)
    }

    /// The key as a config file names it, if it can.
    fn key(self) -> Option<Key> {
        let name = match self.code {
            KeyCode::Enter => KeyName::Enter,
            KeyCode::Esc => KeyName::Esc,
            KeyCode::Tab => KeyName::Tab,
            KeyCode::BackTab => KeyName::BackTab,
            KeyCode::Backspace => KeyName::Backspace,
            KeyCode::Delete => KeyName::Delete,
            KeyCode::Up => KeyName::Up,
            KeyCode::Down => KeyName::Down,
            KeyCode::Left => KeyName::Left,
            KeyCode::Right => KeyName::Right,
            KeyCode::Home => KeyName::Home,
            KeyCode::End => KeyName::End,
            KeyCode::PageUp => KeyName::PageUp,
            KeyCode::PageDown => KeyName::PageDown,
            KeyCode::Char(c) => KeyName::Char(c),
            KeyCode::F(n) => KeyName::F(n),
            _ => return None,
        };
        Some(Key {
            name,
            ctrl: self.mods.contains(KeyModifiers::CONTROL),
            alt: self.mods.contains(KeyModifiers::ALT),
        })
    }
}

impl fmt::Display for KeyCombo {
    /// The label shown in the help overlay: "j", "Ctrl-d", "PgDn".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(key) = self.key() {
            return write!(f, "{key}");
        }
        if self.mods.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        write!(f, "{:?}", self.code)
    }
}

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: HashMap<KeyCombo, Action>,
    /// Keys per action, in the order they were bound (for the help).
    by_action: Vec<(Action, Vec<KeyCombo>)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        // Every default key parses (a test below says so).
        let pairs = ACTIONS.iter().flat_map(|d| {
            d.keys
                .iter()
                .filter_map(move |k| KeyCombo::parse(k).ok().map(|key| (key, d.action)))
        });
        Self::from_pairs(pairs)
    }
}

impl KeyMap {
    pub fn from_pairs(pairs: impl IntoIterator<Item = (KeyCombo, Action)>) -> Self {
        let mut map = KeyMap {
            bindings: HashMap::new(),
            by_action: Vec::new(),
        };
        for (key, action) in pairs {
            map.bindings.insert(key, action);
            match map.by_action.iter_mut().find(|(a, _)| *a == action) {
                Some((_, keys)) => keys.push(key),
                None => map.by_action.push((action, vec![key])),
            }
        }
        map
    }

    /// The action for a key press (releases and repeats of releases are
    /// ignored, for terminals that report them).
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        self.bindings.get(&KeyCombo::from_event(ev)).copied()
    }

    /// The keys bound to `action`, in binding order.
    pub fn keys_for(&self, action: Action) -> &[KeyCombo] {
        self.by_action
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The first key bound to `action`, as a label for hints ("?", "q").
    pub fn hint(&self, action: Action) -> String {
        self.keys_for(action)
            .first()
            .map_or_else(|| "unbound".into(), ToString::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn parses_key_names() {
        assert_eq!(
            KeyCombo::parse("ctrl-d").unwrap(),
            KeyCombo {
                code: KeyCode::Char('d'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert_eq!(KeyCombo::parse("G").unwrap().code, KeyCode::Char('G'));
        assert_eq!(KeyCombo::parse("PageDown").unwrap().code, KeyCode::PageDown);
        assert_eq!(KeyCombo::parse("shift-tab").unwrap().code, KeyCode::BackTab);
        assert_eq!(KeyCombo::parse("f5").unwrap().code, KeyCode::F(5));
        assert!(KeyCombo::parse("ctrl-").is_err());
        assert!(KeyCombo::parse("hyper-x").is_err());
    }

    #[test]
    fn events_match_bindings_whatever_the_terminal_reports_for_shift() {
        let km = KeyMap::default();
        assert_eq!(
            km.action(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action(&press(KeyCode::Char('G'), KeyModifiers::NONE)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action(&press(KeyCode::Tab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            km.action(&press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            km.action(&press(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            km.action(&press(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn every_default_key_parses_and_labels_read_well() {
        let km = KeyMap::default();
        for d in ACTIONS {
            assert_eq!(km.keys_for(d.action).len(), d.keys.len(), "{}", d.name);
        }
        let labels: Vec<String> = km
            .keys_for(Action::HalfPageDown)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(labels, ["Ctrl-d"]);
        assert_eq!(km.hint(Action::PageDown), "PgDn");
    }
}
