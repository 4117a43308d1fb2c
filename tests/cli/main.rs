//! The binary run headless, as a user or a script would, and what it
//! reads: the command line, exports, the config file, compare, speakers
//! and the load cache. One test binary, so the crate is linked once here.

#[path = "../support/mod.rs"]
mod support;

mod cli;
mod compare;
mod config;
mod copies;
mod coverage;
mod export;
mod index_store;
mod jsonl;
mod load_cache;
mod quote_store;
mod sources;
mod speakers;
mod statements;
mod stories;
