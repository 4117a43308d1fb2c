//! `[theme]` applied: a built-in theme by name, then single styles and
//! speaker colours replaced. The file has been checked (`config::check`),
//! so every name here is known.

use ratatui::style::Style;

use crate::config::{Checked, StyleValue};

use super::super::theme::{BUILT_IN, Slot, Theme};
use super::colour::{colour, modifier};

/// The theme the file asks for. Under NO_COLOR the file is still checked,
/// but the monochrome theme is used: NO_COLOR wins over any colour.
pub fn theme(checked: &Checked, no_color: bool) -> Theme {
    if no_color {
        return Theme::monochrome();
    }
    let mut theme = checked
        .theme
        .as_deref()
        .and_then(|name| BUILT_IN.iter().find(|(n, _)| *n == name))
        .map_or_else(Theme::dark, |(_, make)| make());
    for (name, value) in &checked.styles {
        if let Some(slot) = Slot::from_name(name) {
            *slot.get_mut(&mut theme) = style(value);
        }
    }
    for (place, &c) in theme.speakers.iter_mut().zip(&checked.speakers) {
        *place = Style::new().fg(colour(c));
    }
    theme
}

fn style(value: &StyleValue) -> Style {
    let mut style = Style::new();
    if let Some(fg) = value.fg {
        style = style.fg(colour(fg));
    }
    if let Some(bg) = value.bg {
        style = style.bg(colour(bg));
    }
    for &m in &value.modifiers {
        style = style.add_modifier(modifier(m));
    }
    style
}
