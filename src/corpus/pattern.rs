//! The built-in regular expressions of cleaning, compiled on first use.
//!
//! A pattern that does not compile is a bug the tests catch (each module
//! checks its own); in a user's session it matches nothing rather than
//! taking the program down.

use regex::{Captures, Match, Regex, RegexBuilder};

pub(super) struct Pattern(Option<Regex>);

impl Pattern {
    /// A case-sensitive pattern.
    pub(super) fn new(pattern: &str) -> Pattern {
        Pattern(Regex::new(pattern).ok())
    }

    /// A case-insensitive pattern.
    pub(super) fn ci(pattern: &str) -> Pattern {
        Pattern(
            RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .ok(),
        )
    }

    pub(super) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.0.as_ref()?.captures(haystack)
    }

    pub(super) fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.0.as_ref()?.find(haystack)
    }

    /// Whether the pattern compiled.
    #[cfg(test)]
    pub(super) fn compiled(&self) -> bool {
        self.0.is_some()
    }
}
