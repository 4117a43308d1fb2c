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
        actions: ACTIONS.iter().map(|d| (d.name, d.keys)).collect(),
        required: ACTIONS
            .iter()
            .filter(|d| REQUIRED.contains(&d.action))
            .map(|d| d.name)
            .collect(),
    }
}

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
        }
    }
}

/// Whether NO_COLOR asks for no colour (set and not empty: no-color.org);
/// `config::no_color` is the one reader of the variable.
pub fn no_color_in_env() -> bool {
    config::no_color()
}
