//! Which config file is read: the one named with `--config`, else the XDG
//! location ($XDG_CONFIG_HOME/saidso/config.toml, else
//! ~/.config/saidso/config.toml).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The file to read, and whether the user named it (then it must exist;
/// a missing file at the default place just means the defaults).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigPath {
    pub path: PathBuf,
    pub explicit: bool,
}

impl ConfigPath {
    /// From the command line and this process's environment.
    pub fn locate(explicit: Option<&Path>) -> Option<ConfigPath> {
        Self::locate_with(explicit, |k| std::env::var_os(k))
    }

    /// `env` looks a variable up; None when there is nowhere to look (no
    /// usable XDG_CONFIG_HOME and no HOME).
    pub fn locate_with(
        explicit: Option<&Path>,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Option<ConfigPath> {
        if let Some(p) = explicit {
            return Some(ConfigPath {
                path: p.to_path_buf(),
                explicit: true,
            });
        }
        // The XDG spec says a relative XDG_CONFIG_HOME is to be ignored.
        let base = env("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                env("HOME")
                    .filter(|h| !h.is_empty())
                    .map(|h| PathBuf::from(h).join(".config"))
            })?;
        Some(ConfigPath {
            path: base.join("saidso").join("config.toml"),
            explicit: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn xdg_config_home_then_home_then_nothing() {
        let at = |vars| ConfigPath::locate_with(None, env(vars)).map(|c| c.path);
        assert_eq!(
            at(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")]),
            Some("/x/saidso/config.toml".into())
        );
        assert_eq!(
            at(&[("XDG_CONFIG_HOME", "rel"), ("HOME", "/h")]),
            Some("/h/.config/saidso/config.toml".into())
        );
        assert_eq!(
            at(&[("HOME", "/h")]),
            Some("/h/.config/saidso/config.toml".into())
        );
        assert_eq!(at(&[]), None);
    }

    #[test]
    fn a_named_file_wins_and_must_exist() {
        let c = ConfigPath::locate_with(Some(Path::new("my.toml")), env(&[("HOME", "/h")]));
        assert_eq!(
            c,
            Some(ConfigPath {
                path: "my.toml".into(),
                explicit: true
            })
        );
    }
}
