//! `--newsboat`: where newsboat keeps its cache, found as newsboat finds
//! it: its old dot directory when that exists, else the XDG data
//! directory.

use std::ffi::OsString;
use std::path::PathBuf;

/// The cache named, else the first of the places newsboat uses that
/// holds one; an error naming the places looked in.
pub fn cache_path(given: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(path) = given {
        return Ok(path);
    }
    let places = places(std::env::var_os("HOME"), std::env::var_os("XDG_DATA_HOME"));
    if let Some(found) = places.iter().find(|p| p.is_file()) {
        return Ok(found.clone());
    }
    let looked: Vec<String> = places.iter().map(|p| p.display().to_string()).collect();
    Err(format!(
        "no newsboat cache at {}; name one: --newsboat PATH",
        if looked.is_empty() {
            "any known place ($HOME is not set)".to_string()
        } else {
            looked.join(" or ")
        }
    ))
}

/// `~/.newsboat/cache.db`, then `$XDG_DATA_HOME/newsboat/cache.db`
/// (`~/.local/share` when unset); relative values are ignored, as the XDG
/// specification says.
pub fn places(home: Option<OsString>, xdg_data_home: Option<OsString>) -> Vec<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    let home = absolute(home);
    let data = absolute(xdg_data_home).or_else(|| home.as_ref().map(|h| h.join(".local/share")));
    home.map(|h| h.join(".newsboat/cache.db"))
        .into_iter()
        .chain(data.map(|d| d.join("newsboat/cache.db")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dot_directory_then_xdg_data_home() {
        let p = places(Some("/h".into()), None);
        assert_eq!(
            p,
            [
                PathBuf::from("/h/.newsboat/cache.db"),
                PathBuf::from("/h/.local/share/newsboat/cache.db")
            ]
        );
        let p = places(Some("/h".into()), Some("/data".into()));
        assert_eq!(p[1], PathBuf::from("/data/newsboat/cache.db"));
        assert_eq!(places(None, Some("rel".into())), Vec::<PathBuf>::new());
    }
}
