//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod archives;
pub mod child;
pub mod cli;
pub mod hostile;
pub mod keys;
pub mod pty;
pub mod quotes;
pub mod screen;
