//! The config file as plain data: where it is, what it may contain, and
//! errors that name the file and line.
//!
//! Nothing here knows about the terminal: colours, key names and action
//! names stay strings with their place in the file, and the reader turns
//! them into a theme and a keymap (`tui::settings`), reporting what it
//! cannot use at the line it came from.

pub mod error;
pub mod file;
pub mod load;
pub mod location;
pub mod no_color;

pub use error::ConfigError;
pub use file::{ColourValue, ConfigFile, KeyList, StyleSpec};
pub use load::{Loaded, Source, load};
pub use location::ConfigPath;
pub use no_color::no_color;
