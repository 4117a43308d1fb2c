//! NO_COLOR (<https://no-color.org>): set to anything non-empty, it asks for
//! no colour at all. This is the one place that reads it, so every part of
//! saidso agrees on what an empty value means (colour stays on). A dumb
//! terminal (TERM=dumb, as Emacs shells and some CI logs set it) gets no
//! colour either, and no mouse capture.

use std::ffi::OsStr;

/// Whether this process's environment asks for no colour.
pub fn no_color() -> bool {
    asks_for_no_colour(std::env::var_os("NO_COLOR").as_deref()) || dumb_terminal()
}

/// TERM says the terminal understands no escape sequences beyond the basics.
pub fn dumb_terminal() -> bool {
    is_dumb(std::env::var_os("TERM").as_deref())
}

/// The rule itself: TERM=dumb.
pub fn is_dumb(term: Option<&OsStr>) -> bool {
    term.is_some_and(|t| t == "dumb")
}

/// The rule itself: set and not empty.
pub fn asks_for_no_colour(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_not_empty_means_no_colour() {
        assert!(!asks_for_no_colour(None));
        assert!(!asks_for_no_colour(Some(OsStr::new(""))));
        assert!(asks_for_no_colour(Some(OsStr::new("1"))));
        assert!(asks_for_no_colour(Some(OsStr::new("0"))), "any value");
    }
}
