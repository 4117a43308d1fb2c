//! `[theme]`: a built-in theme by name, then single styles replaced.

use ratatui::style::Style;

use crate::config::{ConfigError, Loaded, StyleSpec};

use super::super::theme::{BUILT_IN, SPEAKER_COLOURS, Slot, Theme};
use super::colour::{EXPECTED_COLOUR, MODIFIER_NAMES, parse_colour, parse_modifier};

/// The theme the file asks for. Under NO_COLOR the file is still checked,
/// but the monochrome theme is used: NO_COLOR wins over any colour.
pub fn theme(loaded: &Loaded, no_color: bool, errors: &mut Vec<ConfigError>) -> Theme {
    let src = &loaded.source;
    let section = &loaded.file.theme;
    let mut theme = match &section.name {
        None => Theme::dark(),
        Some(name) => match BUILT_IN.iter().find(|(n, _)| *n == name.get_ref()) {
            Some((_, make)) => make(),
            None => {
                let names: Vec<String> = BUILT_IN.iter().map(|(n, _)| format!("{n:?}")).collect();
                errors.push(src.error(
                    &name.span(),
                    format!(
                        "unknown theme {:?} for theme.name (expected {})",
                        name.get_ref(),
                        super::default_config::one_of(&names)
                    ),
                ));
                Theme::dark()
            }
        },
    };
    let mut styles: Vec<_> = section.styles.iter().collect();
    styles.sort_by_key(|(slot, _)| slot.span().start);
    for (slot, spec) in styles {
        let Some(field) = Slot::from_name(slot.get_ref()) else {
            errors.push(src.error(
                &slot.span(),
                format!(
                    "unknown style {:?} in [theme.styles] \
                     (`saidso config --print-default` lists them)",
                    slot.get_ref()
                ),
            ));
            continue;
        };
        if let Some(style) = style(loaded, slot.get_ref(), spec.get_ref(), errors) {
            *field.get_mut(&mut theme) = style;
        }
    }
    if let Some(colours) = &section.speakers {
        if colours.len() > SPEAKER_COLOURS {
            errors.push(src.error(
                &colours[SPEAKER_COLOURS].span(),
                format!("theme.speakers has room for {SPEAKER_COLOURS} colours"),
            ));
        }
        for (i, c) in colours.iter().take(SPEAKER_COLOURS).enumerate() {
            match parse_colour(c.get_ref()) {
                Ok(colour) => theme.speakers[i] = Style::new().fg(colour),
                Err(why) => errors.push(src.error(
                    &c.span(),
                    format!("{why} for theme.speakers ({EXPECTED_COLOUR})"),
                )),
            }
        }
    }
    if no_color { Theme::monochrome() } else { theme }
}

fn style(
    loaded: &Loaded,
    slot: &str,
    spec: &StyleSpec,
    errors: &mut Vec<ConfigError>,
) -> Option<Style> {
    let src = &loaded.source;
    let before = errors.len();
    let mut style = Style::new();
    for (which, colour) in [("fg", &spec.fg), ("bg", &spec.bg)] {
        let Some(c) = colour else { continue };
        match parse_colour(c.get_ref()) {
            Ok(colour) if which == "fg" => style = style.fg(colour),
            Ok(colour) => style = style.bg(colour),
            Err(why) => errors.push(src.error(
                &c.span(),
                format!("{why} for theme.styles.{slot}.{which} ({EXPECTED_COLOUR})"),
            )),
        }
    }
    for m in &spec.modifiers {
        match parse_modifier(m.get_ref()) {
            Some(modifier) => style = style.add_modifier(modifier),
            None => {
                let names: Vec<&str> = MODIFIER_NAMES.iter().map(|(n, _)| *n).collect();
                errors.push(src.error(
                    &m.span(),
                    format!(
                        "unknown modifier {:?} for theme.styles.{slot} (expected {})",
                        m.get_ref(),
                        names.join(", ")
                    ),
                ));
            }
        }
    }
    (errors.len() == before).then_some(style)
}
