//! Random input for the property tests and the long harness: generators
//! (`inputs`, `files`), what must hold for each target (`checks`), per-thread
//! working space (`scratch`) and the harness's list of targets.

pub mod checks;
pub mod files;
pub mod inputs;
pub mod scratch;
pub mod targets;
