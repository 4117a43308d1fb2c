//! saidso: a terminal reader for news coverage.
//!
//! The library is the terminal-free core: it loads a corpus, models
//! articles, finds quotations and their speakers, filters and compares,
//! and remembers what has been read. `library` ties loading, quotations
//! and speakers together for the command line and the reader alike.
//! The `tui` module is a thin layer on top of it.

// A panic in the reader would leave the terminal to the panic hook; every
// failure outside tests is an error with a message instead.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod compare;
pub mod config;
pub mod copies;
pub mod corpus;
pub mod coverage;
pub mod export;
pub mod library;
pub mod quotes;
pub mod search;
pub mod state;
pub mod statements;
pub mod store;
pub mod stories;
pub mod tui;
pub mod wrap;
