//! Where the state lives: `$XDG_STATE_HOME/saidso/`, else
//! `~/.local/state/saidso/` (the XDG base directory rules: a relative or
//! empty `XDG_STATE_HOME` is ignored).

use std::ffi::OsString;
use std::path::PathBuf;

/// The state directory from the environment; None without a usable
/// `XDG_STATE_HOME` or `HOME` (then nothing is remembered).
pub fn default_dir() -> Option<PathBuf> {
    dir_from(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"))
}

/// [`default_dir`] from given values, for tests.
pub fn dir_from(xdg_state_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    absolute(xdg_state_home)
        .or_else(|| absolute(home).map(|h| h.join(".local").join("state")))
        .map(|base| base.join("saidso"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<OsString> {
        Some(s.into())
    }

    #[test]
    fn xdg_first_then_home() {
        assert_eq!(
            dir_from(os("/x/state"), os("/home/u")),
            Some(PathBuf::from("/x/state/saidso"))
        );
        assert_eq!(
            dir_from(None, os("/home/u")),
            Some(PathBuf::from("/home/u/.local/state/saidso"))
        );
        // Relative and empty values are ignored, as the XDG rules say.
        assert_eq!(
            dir_from(os("rel"), os("/home/u")),
            Some(PathBuf::from("/home/u/.local/state/saidso"))
        );
        assert_eq!(
            dir_from(os(""), os("/home/u")),
            Some(PathBuf::from("/home/u/.local/state/saidso"))
        );
        assert_eq!(dir_from(None, None), None);
    }
}
