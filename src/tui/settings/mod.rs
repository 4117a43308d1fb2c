//! The reader's settings: the checked config file (`config::check`) turned
//! into a theme, a keymap and reading options. Only the reader builds
//! these; headless commands check the file with the same vocabulary but
//! use no more of it than the corpus paths.

pub mod colour;
pub mod default_config;
pub mod keys;
mod theme;

use std::path::{Path, PathBuf};

use crate::config::{self, Checked, ConfigError, Loaded, Vocabulary};

use super::action::{ACTIONS, Action};
use super::keymap::KeyMap;
use super::layout::MAX_TEXT_WIDTH;
use super::theme::{BUILT_IN, SLOT_NAMES, SPEAKER_COLOURS, Theme};

/// Below this a reading column is too narrow to read (0 means the pane).
pub use crate::config::MIN_TEXT_WIDTH;

/// The names the reader gives a config file to use: its themes, style
/// slots, actions with their default keys, and the actions that must keep
/// a key (or the reader could not be left).
pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        themes: BUILT_IN.iter().map(|(n, _)| *n).collect(),
        slots: SLOT_NAMES.to_vec(),
        speaker_colours: SPEAKER_COLOURS,
        // The clash order first, then every action it does not name, in
        // table order: an action added to the table is bindable at once.
        actions: CLASH_ORDER
            .iter()
            .filter_map(|&a| a.def())
            .chain(ACTIONS.iter().filter(|d| !CLASH_ORDER.contains(&d.action)))
            .map(|d| (d.name, d.keys))
            .collect(),
        required: ACTIONS
            .iter()
            .filter(|d| REQUIRED.contains(&d.action))
            .map(|d| d.name)
            .collect(),
    }
}

/// The order in which actions claim their keys when a config file binds
/// one key to several actions: the first claims it, and each clash is
/// reported against that one, lines in this order. It is the order of the
/// keymap's default list before the action table (`ACTIONS`) replaced it,
/// kept so that clash reports read exactly as before; reporting a line's
/// clashes in the order its keys are written would let this list go.
/// Actions added since come after these, in table order (see
/// [`vocabulary`]).
const CLASH_ORDER: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::FocusNext,
    Action::FocusPrev,
    Action::Open,
    Action::Back,
    Action::ToggleNoise,
    Action::NextQuote,
    Action::PrevQuote,
    Action::ToggleQuotesOnly,
    Action::ShowSpeakers,
    Action::Copy,
    Action::Edit,
    Action::Page,
    Action::ToggleMark,
    Action::Compare,
    Action::ToggleCompareTable,
    Action::ToggleSyncScroll,
    Action::Filter,
    Action::NextMatch,
    Action::PrevMatch,
    Action::ShowProblems,
    Action::ToggleHelp,
    Action::Quit,
];

/// Actions that must keep a key, or the reader could not be left.
const REQUIRED: &[Action] = &[Action::Quit];

#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: KeyMap,
    /// Boilerplate starts hidden.
    pub hide_noise: bool,
    /// Longest reading line, in columns (u16::MAX: the whole pane).
    pub max_text_width: u16,
    /// Read when no PATH is given; empty for the bundled articles.
    pub corpus_paths: Vec<PathBuf>,
    /// A filter to start with (`--query`, as fzf has it).
    pub query: Option<String>,
    /// Take the mouse (off by the config's `mouse = false`, and on a dumb
    /// terminal).
    pub mouse: bool,
    /// How the list starts ordered (`[list] sort`).
    pub list_order: crate::corpus::order::ListOrder,
}

impl Settings {
    /// No config file: the defaults, NO_COLOR honoured.
    pub fn defaults(no_color: bool) -> Self {
        Settings {
            theme: if no_color {
                Theme::monochrome()
            } else {
                Theme::dark()
            },
            keymap: KeyMap::default(),
            hide_noise: false,
            max_text_width: MAX_TEXT_WIDTH,
            corpus_paths: Vec::new(),
            query: None,
            mouse: !config::dumb_terminal(),
            list_order: Default::default(),
        }
    }

    /// Find, read and check the config (`explicit` is `--config`).
    pub fn load(explicit: Option<&Path>, no_color: bool) -> Result<Self, Vec<ConfigError>> {
        config::read(explicit, &vocabulary()).map(|c| Self::from_checked(&c, no_color))
    }

    /// Check a parsed config; `home` is what `~` means in paths.
    pub fn from_config(
        loaded: &Loaded,
        no_color: bool,
        home: Option<&Path>,
    ) -> Result<Self, Vec<ConfigError>> {
        config::check(loaded, &vocabulary(), home).map(|c| Self::from_checked(&c, no_color))
    }

    /// The settings of a checked config.
    pub fn from_checked(checked: &Checked, no_color: bool) -> Self {
        Settings {
            theme: theme::theme(checked, no_color),
            keymap: keys::keymap(&checked.bindings),
            hide_noise: checked.hide_boilerplate,
            max_text_width: match checked.max_width {
                None => MAX_TEXT_WIDTH,
                Some(0) => u16::MAX,
                Some(w) => w,
            },
            corpus_paths: checked.corpus_paths.clone(),
            query: None,
            mouse: checked.mouse && !config::dumb_terminal(),
            list_order: checked.list_order,
        }
    }
}

/// Whether NO_COLOR asks for no colour (set and not empty: no-color.org);
/// `config::no_color` is the one reader of the variable.
pub fn no_color_in_env() -> bool {
    config::no_color()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_that_binds_nothing_keeps_every_default_key() {
        let loaded = config::load::parse(config::Source {
            path: "/c/config.toml".into(),
            text: "[reader]\n".into(),
        });
        let Ok(loaded) = loaded else {
            panic!("{loaded:?}");
        };
        let Ok(s) = Settings::from_config(&loaded, false, None) else {
            panic!("rejected");
        };
        let defaults = KeyMap::default();
        for d in ACTIONS {
            assert_eq!(
                s.keymap.keys_for(d.action),
                defaults.keys_for(d.action),
                "{}",
                d.name
            );
            assert_eq!(
                s.keymap.keys_for(d.action).len(),
                d.keys.len(),
                "{}",
                d.name
            );
        }
    }

    #[test]
    fn every_action_of_the_table_is_bindable_from_a_config() {
        let vocab = vocabulary();
        for d in ACTIONS {
            assert!(
                vocab.actions.iter().any(|(name, _)| *name == d.name),
                "{} is missing from the config's vocabulary",
                d.name
            );
        }
    }
}
