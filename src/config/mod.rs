//! The config file as plain data: where it is, what it may contain, and
//! errors that name the file and line.
//!
//! Nothing here knows about the terminal: colours, key names and action
//! names are checked as words (`names`, and the reader's `Vocabulary`), so
//! every command, headless or not, rejects a broken file alike, and only
//! the reader turns the checked values into a theme and a keymap
//! (`tui::settings`).

pub mod bindings;
pub mod check;
pub mod error;
pub mod file;
pub mod load;
pub mod location;
pub mod names;
pub mod no_color;

pub use check::{Checked, MIN_TEXT_WIDTH, StyleValue, Vocabulary, check, read};
pub use error::ConfigError;
pub use file::{ColourValue, ConfigFile, KeyList, StyleSpec};
pub use load::{Loaded, Source, load};
pub use location::ConfigPath;
pub use names::{Colour, Key, KeyName, ModifierName, NamedColour};
pub use no_color::{dumb_terminal, no_color};
