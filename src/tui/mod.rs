//! The terminal reader: a thin layer over the core library.
//!
//! One loop: events from the input and signal threads and from the
//! [`Library`] (loading, quotations, speakers) arrive on one channel; each becomes an action applied by [`App::update`]; the screen is
//! drawn from the state when something changed.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod cursor;
pub mod effect;
pub mod event;
pub mod external;
pub mod filter;
pub mod header;
pub mod help;
pub mod input_gate;
pub mod keymap;
pub mod layout;
pub mod msg;
pub mod problems;
pub mod prompt;
pub mod reading;
pub mod runtime;
pub mod settings;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod views;

pub use runtime::run;
