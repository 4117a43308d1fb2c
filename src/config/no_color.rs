//! NO_COLOR (<https://no-color.org>): set to anything non-empty, it asks for
//! no colour at all. This is the one place that reads it, so every part of
//! saidso agrees on what an empty value means (colour stays on).

use std::ffi::OsStr;

/// Whether this process's environment asks for no colour.
pub fn no_color() -> bool {
    asks_for_no_colour(std::env::var_os("NO_COLOR").as_deref())
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
