//! Helpers shared by the benchmarks.

// Each benchmark uses some of these.
#[allow(dead_code)]
pub mod alloc;
#[allow(dead_code)]
pub mod corpus;
