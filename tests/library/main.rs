//! The library through its public API: the article model, quotations and
//! their speakers, search, the reading-state store and hostile input.
//! One test binary for all of them, so `cargo test` links the crate once
//! here rather than once per file.

#[path = "../support/mod.rs"]
mod support;

mod archives;
mod attribution_kinds;
mod cache_kill;
mod compressed_files;
mod corpus_seeds;
mod fuzz;
mod gold_quotes;
mod hostile_input;
mod html_pages;
mod markdown_files;
mod properties;
mod quote_patterns;
mod random_inputs;
mod search_semantics;
mod search_worker;
mod state_store;
