//! The words a config file uses for values: colour names, style modifiers
//! and key names, with their syntax ("#rrggbb", 0–255, "ctrl-d", "f5").
//!
//! These tables are the only list of each; the config check uses them to
//! say what is wrong at which line, and the reader maps each name to its
//! terminal type (`tui::settings::colour`, `tui::keymap`) with an
//! exhaustive match, so nothing here knows about the terminal.

use std::fmt;

use super::file::ColourValue;

/// What a bad colour message says is expected.
pub const EXPECTED_COLOUR: &str = "expected a name such as \"cyan\", \"#rrggbb\" or 0–255";

/// The terminal's named colours (and its default colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NamedColour {
    Default,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

/// Colour names, in the order they are printed; parsing ignores case,
/// '-', '_' and spaces, and takes "grey" for "gray".
pub const COLOUR_NAMES: &[(&str, NamedColour)] = &[
    ("default", NamedColour::Default),
    ("black", NamedColour::Black),
    ("red", NamedColour::Red),
    ("green", NamedColour::Green),
    ("yellow", NamedColour::Yellow),
    ("blue", NamedColour::Blue),
    ("magenta", NamedColour::Magenta),
    ("cyan", NamedColour::Cyan),
    ("gray", NamedColour::Gray),
    ("dark-gray", NamedColour::DarkGray),
    ("light-red", NamedColour::LightRed),
    ("light-green", NamedColour::LightGreen),
    ("light-yellow", NamedColour::LightYellow),
    ("light-blue", NamedColour::LightBlue),
    ("light-magenta", NamedColour::LightMagenta),
    ("light-cyan", NamedColour::LightCyan),
    ("white", NamedColour::White),
];

/// A colour as a config file can give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    Named(NamedColour),
    /// The xterm 256-colour palette.
    Indexed(u8),
    Rgb(u8, u8, u8),
}

/// Style modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModifierName {
    Bold,
    Dim,
    Italic,
    Underlined,
    Reversed,
    CrossedOut,
}

/// Modifier names, in the order they are printed.
pub const MODIFIER_NAMES: &[(&str, ModifierName)] = &[
    ("bold", ModifierName::Bold),
    ("dim", ModifierName::Dim),
    ("italic", ModifierName::Italic),
    ("underlined", ModifierName::Underlined),
    ("reversed", ModifierName::Reversed),
    ("crossed-out", ModifierName::CrossedOut),
];

fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace("grey", "gray")
}

/// A colour from the file; the error says what is wrong with it, without
/// where (the caller knows the key and line).
pub fn parse_colour(v: &ColourValue) -> Result<Colour, String> {
    match v {
        ColourValue::Number(n) => u8::try_from(*n)
            .map(Colour::Indexed)
            .map_err(|_| format!("colour {n} is out of range")),
        ColourValue::Text(s) => {
            if let Some(hex) = s.strip_prefix('#')
                && hex.len() == 6
                && let Ok(rgb) = u32::from_str_radix(hex, 16)
            {
                let [_, r, g, b] = rgb.to_be_bytes();
                return Ok(Colour::Rgb(r, g, b));
            }
            if let Ok(n) = s.trim().parse::<i64>() {
                return parse_colour(&ColourValue::Number(n));
            }
            let folded = fold(s);
            COLOUR_NAMES
                .iter()
                .find(|(n, _)| fold(n) == folded)
                .map(|&(_, c)| Colour::Named(c))
                .ok_or_else(|| format!("unknown colour {s:?}"))
        }
    }
}

pub fn parse_modifier(name: &str) -> Option<ModifierName> {
    let folded = fold(name);
    MODIFIER_NAMES
        .iter()
        .find(|(n, _)| fold(n) == folded)
        .map(|&(_, m)| m)
}

/// A key that is not a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// A character key ("j", "G", "?", " ").
    Char(char),
    /// F1 to F12.
    F(u8),
}

/// Names accepted for special keys, and the label each gets in the help.
pub const KEY_NAMES: &[(&str, KeyName, &str)] = &[
    ("enter", KeyName::Enter, "Enter"),
    ("return", KeyName::Enter, "Enter"),
    ("esc", KeyName::Esc, "Esc"),
    ("escape", KeyName::Esc, "Esc"),
    ("tab", KeyName::Tab, "Tab"),
    ("backtab", KeyName::BackTab, "Shift-Tab"),
    ("space", KeyName::Char(' '), "Space"),
    ("backspace", KeyName::Backspace, "Backspace"),
    ("delete", KeyName::Delete, "Del"),
    ("up", KeyName::Up, "↑"),
    ("down", KeyName::Down, "↓"),
    ("left", KeyName::Left, "←"),
    ("right", KeyName::Right, "→"),
    ("home", KeyName::Home, "Home"),
    ("end", KeyName::End, "End"),
    ("pageup", KeyName::PageUp, "PgUp"),
    ("pgup", KeyName::PageUp, "PgUp"),
    ("pagedown", KeyName::PageDown, "PgDn"),
    ("pgdn", KeyName::PageDown, "PgDn"),
];

/// A key with the modifiers that matter (Ctrl, Alt). Shift is part of the
/// character for printable keys ("G"), so it is not kept for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub name: KeyName,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// Parse "j", "G", "ctrl-d", "alt-x", "pagedown", "shift-tab", "f5".
    pub fn parse(s: &str) -> Result<Self, String> {
        let (mut ctrl, mut alt) = (false, false);
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower
                .strip_prefix("ctrl-")
                .or_else(|| lower.strip_prefix("c-"))
            {
                ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower
                .strip_prefix("alt-")
                .or_else(|| lower.strip_prefix("m-"))
            {
                alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else if lower == "shift-tab" {
                return Ok(Self {
                    name: KeyName::BackTab,
                    ctrl,
                    alt,
                });
            } else {
                break;
            }
        }
        if rest.is_empty() {
            return Err(format!("{s:?} names no key"));
        }
        let lower = rest.to_ascii_lowercase();
        let key = |name| Ok(Self { name, ctrl, alt });
        if let Some(&(_, name, _)) = KEY_NAMES.iter().find(|(n, _, _)| *n == lower) {
            return key(name);
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
            && (1..=12).contains(&n)
        {
            return key(KeyName::F(n));
        }
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            // Ctrl combinations arrive in lower case.
            (Some(c), None) if ctrl => key(KeyName::Char(c.to_ascii_lowercase())),
            (Some(c), None) => key(KeyName::Char(c)),
            _ => Err(format!("unknown key {s:?}")),
        }
    }
}

impl fmt::Display for Key {
    /// The label shown in the help overlay: "j", "Ctrl-d", "PgDn".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            write!(f, "Ctrl-")?;
        }
        if self.alt {
            write!(f, "Alt-")?;
        }
        if let Some((_, _, label)) = KEY_NAMES.iter().find(|(_, k, _)| *k == self.name) {
            return write!(f, "{label}");
        }
        match self.name {
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> ColourValue {
        ColourValue::Text(s.into())
    }

    #[test]
    fn colour_names_hex_and_numbers() {
        let named = |c| Ok(Colour::Named(c));
        assert_eq!(
            parse_colour(&text("Dark Grey")),
            named(NamedColour::DarkGray)
        );
        assert_eq!(
            parse_colour(&text("light_red")),
            named(NamedColour::LightRed)
        );
        assert_eq!(
            parse_colour(&text("#E69F00")),
            Ok(Colour::Rgb(0xe6, 0x9f, 0))
        );
        assert_eq!(parse_colour(&text("214")), Ok(Colour::Indexed(214)));
        assert_eq!(
            parse_colour(&ColourValue::Number(256)),
            Err("colour 256 is out of range".into())
        );
        assert_eq!(
            parse_modifier("Crossed_Out"),
            Some(ModifierName::CrossedOut)
        );
        assert_eq!(parse_modifier("blink"), None);
    }

    #[test]
    fn key_names_and_labels() {
        let k = Key::parse("ctrl-D").map(|k| k.to_string());
        assert_eq!(k.as_deref(), Ok("Ctrl-d"));
        assert_eq!(
            Key::parse("pgdn").map(|k| k.to_string()).as_deref(),
            Ok("PgDn")
        );
        assert_eq!(Key::parse("F12").map(|k| k.name), Ok(KeyName::F(12)));
        assert_eq!(Key::parse("f13"), Err("unknown key \"f13\"".into()));
        assert_eq!(Key::parse("alt-"), Err("\"alt-\" names no key".into()));
    }
}
