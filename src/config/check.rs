//! The config file checked as a whole, before anything runs: every value
//! is a known name with valid syntax, and every problem is collected (not
//! just the first), each naming the file and line, so one edit can fix
//! them all.
//!
//! Every command checks the file, so a broken one stops them all alike;
//! only the reader turns the checked values into a theme and a keymap
//! (`tui::settings`). The reader's names (themes, style slots, actions and
//! their default keys) come in a `Vocabulary`, so they stay declared once,
//! where the reader defines them.

use std::path::{Path, PathBuf};

use super::bindings::{self, Bindings};
use super::error::ConfigError;
use super::file::StyleSpec;
use super::load::{self, Loaded};
use super::location::ConfigPath;
use super::names::{
    Colour, EXPECTED_COLOUR, MODIFIER_NAMES, ModifierName, parse_colour, parse_modifier,
};

/// Below this a reading column is too narrow to read (0 means the pane).
pub const MIN_TEXT_WIDTH: u16 = 20;

/// The names a config file may use for the reader's things.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Built-in themes.
    pub themes: Vec<&'static str>,
    /// Style slots of `[theme.styles]`.
    pub slots: Vec<&'static str>,
    /// How many speaker colours a theme has.
    pub speaker_colours: usize,
    /// Each bindable action's name with its default keys, in table order.
    pub actions: Vec<(&'static str, &'static [&'static str])>,
    /// Actions that must keep a key.
    pub required: Vec<&'static str>,
}

/// A style from `[theme.styles]`, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleValue {
    pub fg: Option<Colour>,
    pub bg: Option<Colour>,
    pub modifiers: Vec<ModifierName>,
}

/// A config file's values, all of them valid. `Default` is no file.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// Read when no PATH is given; empty for the bundled articles.
    pub corpus_paths: Vec<PathBuf>,
    /// Boilerplate starts hidden.
    pub hide_boilerplate: bool,
    /// The reader takes the mouse (off: the terminal's own selection works).
    pub mouse: bool,
    /// The longest reading line as written (Some(0): the whole pane).
    pub max_width: Option<u16>,
    /// How the list starts ordered.
    pub list_order: crate::corpus::order::ListOrder,
    /// A built-in theme's name.
    pub theme: Option<String>,
    /// Slot name → its style, in file order.
    pub styles: Vec<(String, StyleValue)>,
    /// Speaker colours, in order.
    pub speakers: Vec<Colour>,
    /// The keys of every action named in the file's `[keys]` or bound by
    /// default: defaults replaced by the file's.
    pub bindings: Bindings,
}

/// Find, read and check the config (`explicit` is `--config`); no file at
/// the default place is the defaults.
pub fn read(explicit: Option<&Path>, vocab: &Vocabulary) -> Result<Checked, Vec<ConfigError>> {
    let Some(at) = ConfigPath::locate(explicit) else {
        return check_defaults(vocab);
    };
    match load::load(&at).map_err(|e| vec![e])? {
        Some(loaded) => {
            let home = std::env::var_os("HOME").map(PathBuf::from);
            check(&loaded, vocab, home.as_deref())
        }
        None => check_defaults(vocab),
    }
}

/// No file: only the default bindings.
fn check_defaults(vocab: &Vocabulary) -> Result<Checked, Vec<ConfigError>> {
    Ok(Checked {
        bindings: bindings::defaults(vocab),
        mouse: true,
        ..Checked::default()
    })
}

/// Check a parsed config; `home` is what `~` means in paths.
pub fn check(
    loaded: &Loaded,
    vocab: &Vocabulary,
    home: Option<&Path>,
) -> Result<Checked, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let file = &loaded.file;
    let src = &loaded.source;
    let (theme, styles, speakers) = theme(loaded, vocab, &mut errors);
    let bindings = bindings::check(loaded, vocab, &mut errors);
    let max_width = file.reader.max_width.as_ref().map(|w| *w.get_ref());
    if let Some(w) = &file.reader.max_width
        && *w.get_ref() != 0
        && *w.get_ref() < MIN_TEXT_WIDTH
    {
        errors.push(src.error(
            &w.span(),
            format!(
                "reader.max-width = {} is too narrow to read \
                 (0 for the whole pane, or at least {MIN_TEXT_WIDTH})",
                w.get_ref()
            ),
        ));
    }
    let list_order = match &file.list.sort {
        None => Default::default(),
        Some(s) => crate::corpus::order::ListOrder::parse(s.get_ref()).unwrap_or_else(|| {
            errors.push(src.error(
                &s.span(),
                format!(
                    "list.sort = {:?}: expected one of {}",
                    s.get_ref(),
                    crate::corpus::order::ListOrder::names().join(", ")
                ),
            ));
            Default::default()
        }),
    };
    let mut corpus_paths = Vec::new();
    for p in &file.corpus.paths {
        if p.get_ref().is_empty() {
            errors.push(src.error(&p.span(), "an empty path in corpus.paths"));
        } else {
            corpus_paths.push(src.resolve_path(p.get_ref(), home));
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(errors);
    }
    Ok(Checked {
        corpus_paths,
        hide_boilerplate: file.reader.hide_boilerplate.unwrap_or(false),
        mouse: file.reader.mouse.unwrap_or(true),
        max_width,
        list_order,
        theme,
        styles,
        speakers,
        bindings,
    })
}

/// "a", "b" or "c".
pub fn one_of(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

type ThemeParts = (Option<String>, Vec<(String, StyleValue)>, Vec<Colour>);

/// `[theme]`: a built-in theme by name, single styles replaced, speaker
/// colours.
fn theme(loaded: &Loaded, vocab: &Vocabulary, errors: &mut Vec<ConfigError>) -> ThemeParts {
    let src = &loaded.source;
    let section = &loaded.file.theme;
    let mut name = None;
    if let Some(n) = &section.name {
        if vocab.themes.contains(&n.get_ref().as_str()) {
            name = Some(n.get_ref().clone());
        } else {
            let names: Vec<String> = vocab.themes.iter().map(|n| format!("{n:?}")).collect();
            errors.push(src.error(
                &n.span(),
                format!(
                    "unknown theme {:?} for theme.name (expected {})",
                    n.get_ref(),
                    one_of(&names)
                ),
            ));
        }
    }
    let mut entries: Vec<_> = section.styles.iter().collect();
    entries.sort_by_key(|(slot, _)| slot.span().start);
    let mut styles = Vec::new();
    for (slot, spec) in entries {
        if !vocab.slots.contains(&slot.get_ref().as_str()) {
            errors.push(src.error(
                &slot.span(),
                format!(
                    "unknown style {:?} in [theme.styles] \
                     (`saidso config --print-default` lists them)",
                    slot.get_ref()
                ),
            ));
            continue;
        }
        if let Some(style) = style(loaded, slot.get_ref(), spec.get_ref(), errors) {
            styles.push((slot.get_ref().clone(), style));
        }
    }
    let mut speakers = Vec::new();
    if let Some(colours) = &section.speakers {
        if let Some(extra) = colours.get(vocab.speaker_colours) {
            errors.push(src.error(
                &extra.span(),
                format!(
                    "theme.speakers has room for {} colours",
                    vocab.speaker_colours
                ),
            ));
        }
        for c in colours.iter().take(vocab.speaker_colours) {
            match parse_colour(c.get_ref()) {
                Ok(colour) => speakers.push(colour),
                Err(why) => errors.push(src.error(
                    &c.span(),
                    format!("{why} for theme.speakers ({EXPECTED_COLOUR})"),
                )),
            }
        }
    }
    (name, styles, speakers)
}

fn style(
    loaded: &Loaded,
    slot: &str,
    spec: &StyleSpec,
    errors: &mut Vec<ConfigError>,
) -> Option<StyleValue> {
    let src = &loaded.source;
    let before = errors.len();
    let mut style = StyleValue {
        fg: None,
        bg: None,
        modifiers: Vec::new(),
    };
    for (which, colour) in [("fg", &spec.fg), ("bg", &spec.bg)] {
        let Some(c) = colour else { continue };
        match parse_colour(c.get_ref()) {
            Ok(colour) if which == "fg" => style.fg = Some(colour),
            Ok(colour) => style.bg = Some(colour),
            Err(why) => errors.push(src.error(
                &c.span(),
                format!("{why} for theme.styles.{slot}.{which} ({EXPECTED_COLOUR})"),
            )),
        }
    }
    for m in &spec.modifiers {
        match parse_modifier(m.get_ref()) {
            Some(modifier) => style.modifiers.push(modifier),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::load::parse;
    use crate::config::{NamedColour, Source};

    fn vocab() -> Vocabulary {
        Vocabulary {
            themes: vec!["dark", "light"],
            slots: vec!["quote"],
            speaker_colours: 2,
            actions: vec![("down", &["j"]), ("quit", &["q"])],
            required: vec!["quit"],
        }
    }

    fn checked(text: &str) -> Result<Checked, Vec<String>> {
        let loaded = parse(Source {
            path: "/c/config.toml".into(),
            text: text.into(),
        })
        .map_err(|e| vec![e.to_string()])?;
        check(&loaded, &vocab(), None).map_err(|es| es.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn values_are_checked_as_words_and_kept() {
        let c = checked(
            "[theme]\nname = \"light\"\nspeakers = [\"red\"]\n[theme.styles]\nquote = { fg = 7, modifiers = [\"bold\"] }\n[keys]\ndown = [\"J\", \"ctrl-n\"]\n",
        );
        let Ok(c) = c else {
            panic!("{c:?}");
        };
        assert_eq!(c.theme.as_deref(), Some("light"));
        assert_eq!(c.speakers, [Colour::Named(NamedColour::Red)]);
        assert_eq!(
            c.styles,
            [(
                "quote".to_string(),
                StyleValue {
                    fg: Some(Colour::Indexed(7)),
                    bg: None,
                    modifiers: vec![ModifierName::Bold]
                }
            )]
        );
        let down: Vec<String> = c.bindings[0].1.iter().map(ToString::to_string).collect();
        assert_eq!(
            (c.bindings[0].0, down),
            ("down", vec!["J".into(), "Ctrl-n".into()])
        );
    }

    #[test]
    fn every_problem_is_reported_at_its_line() {
        let es = checked(
            "[theme]\nspeakers = [1, 2, 3]\n[theme.styles]\nquote = { bg = \"bleu\" }\n[keys]\ndown = \"q\"\nquit = []\n",
        )
        .err()
        .unwrap_or_default();
        assert_eq!(
            es,
            [
                "/c/config.toml:2: theme.speakers has room for 2 colours",
                "/c/config.toml:4: unknown colour \"bleu\" for theme.styles.quote.bg \
                 (expected a name such as \"cyan\", \"#rrggbb\" or 0–255)",
                "/c/config.toml:7: keys.quit needs at least one key",
            ]
        );
    }
}
