//! Which key does what: a table of bindings, key names that a config file
//! can use, and labels for the help overlay.

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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

/// Names accepted for special keys, and the label each gets in the help.
const KEY_NAMES: &[(&str, KeyCode, &str)] = &[
    ("enter", KeyCode::Enter, "Enter"),
    ("return", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("escape", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("backtab", KeyCode::BackTab, "Shift-Tab"),
    ("space", KeyCode::Char(' '), "Space"),
    ("backspace", KeyCode::Backspace, "Backspace"),
    ("delete", KeyCode::Delete, "Del"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pgup", KeyCode::PageUp, "PgUp"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
    ("pgdn", KeyCode::PageDown, "PgDn"),
];

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

    /// Parse "j", "G", "ctrl-d", "alt-x", "pagedown", "shift-tab", "f5".
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower
                .strip_prefix("ctrl-")
                .or_else(|| lower.strip_prefix("c-"))
            {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower
                .strip_prefix("alt-")
                .or_else(|| lower.strip_prefix("m-"))
            {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else if lower == "shift-tab" {
                return Ok(Self {
                    code: KeyCode::BackTab,
                    mods,
                });
            } else {
                break;
            }
        }
        if rest.is_empty() {
            return Err(format!("{s:?} names no key"));
        }
        let lower = rest.to_ascii_lowercase();
        if let Some(&(_, code, _)) = KEY_NAMES.iter().find(|(n, _, _)| *n == lower) {
            return Ok(Self { code, mods });
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
            && (1..=12).contains(&n)
        {
            return Ok(Self {
                code: KeyCode::F(n),
                mods,
            });
        }
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                // Ctrl combinations arrive in lower case.
                let c = if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                Ok(Self {
                    code: KeyCode::Char(c),
                    mods,
                })
            }
            _ => Err(format!("unknown key {s:?}")),
        }
    }
}

impl fmt::Display for KeyCombo {
    /// The label shown in the help overlay: "j", "Ctrl-d", "PgDn".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        if let Some((_, _, label)) = KEY_NAMES.iter().find(|(_, c, _)| *c == self.code) {
            return write!(f, "{label}");
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
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
