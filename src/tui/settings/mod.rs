//! The reader's settings: the config file turned into a theme, a keymap and
//! reading options, checked as a whole before the terminal is touched.
//!
//! Every problem is collected (not just the first), each naming the file
//! and line, so one edit can fix them all.

pub mod colour;
pub mod default_config;
pub mod keys;
mod theme;

use std::path::{Path, PathBuf};

use crate::config::{self, ConfigError, ConfigPath, Loaded};

use super::keymap::KeyMap;
use super::layout::MAX_TEXT_WIDTH;
use super::theme::Theme;

/// Below this a reading column is too narrow to read (0 means the pane).
pub const MIN_TEXT_WIDTH: u16 = 20;

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
        let Some(at) = ConfigPath::locate(explicit) else {
            return Ok(Self::defaults(no_color));
        };
        match config::load(&at).map_err(|e| vec![e])? {
            Some(loaded) => {
                let home = std::env::var_os("HOME").map(PathBuf::from);
                Self::from_config(&loaded, no_color, home.as_deref())
            }
            None => Ok(Self::defaults(no_color)),
        }
    }

    /// Check a parsed config; `home` is what `~` means in paths.
    pub fn from_config(
        loaded: &Loaded,
        no_color: bool,
        home: Option<&Path>,
    ) -> Result<Self, Vec<ConfigError>> {
        let mut errors = Vec::new();
        let file = &loaded.file;
        let src = &loaded.source;
        let theme = theme::theme(loaded, no_color, &mut errors);
        let keymap = keys::keymap(loaded, &mut errors);
        let max_text_width = match &file.reader.max_width {
            None => MAX_TEXT_WIDTH,
            Some(w) if *w.get_ref() == 0 => u16::MAX,
            Some(w) if *w.get_ref() < MIN_TEXT_WIDTH => {
                errors.push(src.error(
                    &w.span(),
                    format!(
                        "reader.max-width = {} is too narrow to read \
                         (0 for the whole pane, or at least {MIN_TEXT_WIDTH})",
                        w.get_ref()
                    ),
                ));
                MAX_TEXT_WIDTH
            }
            Some(w) => *w.get_ref(),
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
        Ok(Settings {
            theme,
            keymap,
            hide_noise: file.reader.hide_boilerplate.unwrap_or(false),
            max_text_width,
            corpus_paths,
        })
    }
}

/// Whether NO_COLOR asks for no colour (set and not empty: no-color.org);
/// `config::no_color` is the one reader of the variable.
pub fn no_color_in_env() -> bool {
    config::no_color()
}
