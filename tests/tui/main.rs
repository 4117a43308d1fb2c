//! The app without a terminal: `App` driven by actions and drawn into
//! ratatui's TestBackend, with insta snapshots (in `snapshots/`, named
//! `tui__<module>__<name>.snap`). One test binary, so the crate is linked
//! once here.

#[path = "../support/mod.rs"]
mod support;

mod tui_compare;
mod tui_copies;
mod tui_coverage;
mod tui_filter;
mod tui_habits;
mod tui_markdown;
mod tui_quotes;
mod tui_reading;
mod tui_snapshots;
mod tui_speakers;
mod tui_statements;
mod tui_stories;
mod tui_take_out;
