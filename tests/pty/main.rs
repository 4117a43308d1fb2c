//! End to end: the real binary in a pseudo-terminal, read through a
//! terminal emulator. One test binary, so the crate is linked once here.

#[path = "../support/mod.rs"]
mod support;

mod pty_config;
mod pty_headless;
mod pty_reader;
mod pty_state;
mod pty_store;
mod pty_take_out;
