//! Colours, modifiers and styles as a config file writes them, both ways:
//! parsed for the theme, printed for `saidso config --print-default`.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ColourValue;

/// What a bad colour message says is expected.
pub const EXPECTED_COLOUR: &str = "expected a name such as \"cyan\", \"#rrggbb\" or 0–255";

/// Colour names, as printed; parsing ignores case, '-', '_' and spaces,
/// and takes "grey" for "gray".
pub const COLOUR_NAMES: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

/// Modifier names, in the order they are printed.
pub const MODIFIER_NAMES: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed-out", Modifier::CROSSED_OUT),
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
pub fn parse_colour(v: &ColourValue) -> Result<Color, String> {
    match v {
        ColourValue::Number(n) => u8::try_from(*n)
            .map(Color::Indexed)
            .map_err(|_| format!("colour {n} is out of range")),
        ColourValue::Text(s) => {
            if let Some(hex) = s.strip_prefix('#')
                && hex.len() == 6
                && let Ok(rgb) = u32::from_str_radix(hex, 16)
            {
                let [_, r, g, b] = rgb.to_be_bytes();
                return Ok(Color::Rgb(r, g, b));
            }
            if let Ok(n) = s.trim().parse::<i64>() {
                return parse_colour(&ColourValue::Number(n));
            }
            let folded = fold(s);
            COLOUR_NAMES
                .iter()
                .find(|(n, _)| fold(n) == folded)
                .map(|&(_, c)| c)
                .ok_or_else(|| format!("unknown colour {s:?}"))
        }
    }
}

pub fn parse_modifier(name: &str) -> Option<Modifier> {
    let folded = fold(name);
    MODIFIER_NAMES
        .iter()
        .find(|(n, _)| fold(n) == folded)
        .map(|&(_, m)| m)
}

/// A colour as TOML: `"cyan"`, `"#e69f00"`, `151`.
pub fn colour_toml(c: Color) -> String {
    match c {
        Color::Indexed(n) => n.to_string(),
        Color::Rgb(r, g, b) => format!("\"#{r:02x}{g:02x}{b:02x}\""),
        named => COLOUR_NAMES
            .iter()
            .find(|(_, c)| *c == named)
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
        .filter(|(_, m)| s.add_modifier.contains(*m))
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
            .map(|&(_, c)| c)
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
