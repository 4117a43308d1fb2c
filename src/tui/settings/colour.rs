//! Colours, modifiers and styles between the config file's words
//! (`config::names`) and ratatui's types, both ways: mapped for the theme,
//! printed for `saidso config --print-default`.

use ratatui::style::{Color, Modifier, Style};

use crate::config::names::{self, COLOUR_NAMES, MODIFIER_NAMES};
use crate::config::{Colour, ColourValue, ModifierName, NamedColour};

pub use crate::config::names::EXPECTED_COLOUR;

/// The terminal colour of a named colour.
pub fn named(c: NamedColour) -> Color {
    match c {
        NamedColour::Default => Color::Reset,
        NamedColour::Black => Color::Black,
        NamedColour::Red => Color::Red,
        NamedColour::Green => Color::Green,
        NamedColour::Yellow => Color::Yellow,
        NamedColour::Blue => Color::Blue,
        NamedColour::Magenta => Color::Magenta,
        NamedColour::Cyan => Color::Cyan,
        NamedColour::Gray => Color::Gray,
        NamedColour::DarkGray => Color::DarkGray,
        NamedColour::LightRed => Color::LightRed,
        NamedColour::LightGreen => Color::LightGreen,
        NamedColour::LightYellow => Color::LightYellow,
        NamedColour::LightBlue => Color::LightBlue,
        NamedColour::LightMagenta => Color::LightMagenta,
        NamedColour::LightCyan => Color::LightCyan,
        NamedColour::White => Color::White,
    }
}

/// The terminal colour of a checked colour.
pub fn colour(c: Colour) -> Color {
    match c {
        Colour::Named(n) => named(n),
        Colour::Indexed(n) => Color::Indexed(n),
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

/// The terminal modifier of a checked modifier.
pub fn modifier(m: ModifierName) -> Modifier {
    match m {
        ModifierName::Bold => Modifier::BOLD,
        ModifierName::Dim => Modifier::DIM,
        ModifierName::Italic => Modifier::ITALIC,
        ModifierName::Underlined => Modifier::UNDERLINED,
        ModifierName::Reversed => Modifier::REVERSED,
        ModifierName::CrossedOut => Modifier::CROSSED_OUT,
    }
}

/// A colour from the file as a terminal colour; the error says what is
/// wrong with it, without where (the caller knows the key and line).
pub fn parse_colour(v: &ColourValue) -> Result<Color, String> {
    names::parse_colour(v).map(colour)
}

/// A colour as TOML: `"cyan"`, `"#e69f00"`, `151`.
pub fn colour_toml(c: Color) -> String {
    match c {
        Color::Indexed(n) => n.to_string(),
        Color::Rgb(r, g, b) => format!("\"#{r:02x}{g:02x}{b:02x}\""),
        other => COLOUR_NAMES
            .iter()
            .find(|&&(_, n)| named(n) == other)
            .map_or_else(|| "\"default\"".into(), |(n, _)| format!("\"{n}\"")),
    }
}

/// A style as a TOML inline table: `{ fg = 151, modifiers = ["italic"] }`.
pub fn style_toml(s: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = s.fg {
        parts.push(format!("fg = {}", colour_toml(fg)));
    }
    if let Some(bg) = s.bg {
        parts.push(format!("bg = {}", colour_toml(bg)));
    }
    let mods: Vec<String> = MODIFIER_NAMES
        .iter()
        .filter(|&&(_, m)| s.add_modifier.contains(modifier(m)))
        .map(|(n, _)| format!("\"{n}\""))
        .collect();
    if !mods.is_empty() {
        parts.push(format!("modifiers = [{}]", mods.join(", ")));
    }
    if parts.is_empty() {
        "{}".into()
    } else {
        format!("{{ {} }}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> ColourValue {
        ColourValue::Text(s.into())
    }

    #[test]
    fn names_hex_and_numbers() {
        assert_eq!(parse_colour(&text("cyan")), Ok(Color::Cyan));
        assert_eq!(parse_colour(&text("Dark Grey")), Ok(Color::DarkGray));
        assert_eq!(parse_colour(&text("light_red")), Ok(Color::LightRed));
        assert_eq!(
            parse_colour(&text("#E69F00")),
            Ok(Color::Rgb(0xe6, 0x9f, 0))
        );
        assert_eq!(
            parse_colour(&ColourValue::Number(151)),
            Ok(Color::Indexed(151))
        );
        assert_eq!(parse_colour(&text("214")), Ok(Color::Indexed(214)));
        assert_eq!(
            parse_colour(&text("bleu")),
            Err("unknown colour \"bleu\"".into())
        );
        assert!(parse_colour(&text("#12345")).is_err());
        assert!(parse_colour(&ColourValue::Number(256)).is_err());
        assert!(parse_colour(&ColourValue::Number(-1)).is_err());
    }

    #[test]
    fn printed_colours_parse_back() {
        for c in COLOUR_NAMES
            .iter()
            .map(|&(_, c)| named(c))
            .chain([Color::Indexed(7), Color::Rgb(1, 2, 255)])
        {
            let printed = colour_toml(c);
            let value = match printed.parse::<i64>() {
                Ok(n) => ColourValue::Number(n),
                Err(_) => text(printed.trim_matches('"')),
            };
            assert_eq!(parse_colour(&value), Ok(c), "{printed}");
        }
        assert_eq!(
            style_toml(
                Style::new()
                    .fg(Color::Indexed(151))
                    .add_modifier(Modifier::ITALIC)
            ),
            "{ fg = 151, modifiers = [\"italic\"] }"
        );
    }
}
