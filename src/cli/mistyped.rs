//! `saidso serach x`: a word that is neither a file nor a command.
//!
//! Without a subcommand every argument is a path to open, so a mistyped
//! command would open an empty reader. When none of the paths exists, the
//! command line is an error instead, naming the nearest command.

use std::path::PathBuf;

use clap::CommandFactory;

use super::Cli;

/// Edit distance within which a word is taken for a mistyped command.
const NEAR: usize = 2;

/// The message for paths none of which exists (None when one does, or
/// when none was given).
pub fn check(paths: &[PathBuf]) -> Option<String> {
    if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-" || p.exists()) {
        return None;
    }
    let first = paths[0].to_string_lossy();
    if first.contains(['/', '.']) {
        return Some(format!("no such file: {first}"));
    }
    let commands = Cli::command();
    let nearest = commands
        .get_subcommands()
        .map(|c| c.get_name())
        .map(|name| (strsim::levenshtein(&first, name), name))
        .filter(|&(d, _)| d <= NEAR)
        .min();
    Some(match nearest {
        Some((_, name)) => {
            format!("no such file or command: {first} (did you mean `saidso {name}`?)")
        }
        None => format!("no such file or command: {first} (see `saidso --help`)"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_command_is_named_and_an_existing_path_is_no_error() {
        let m = check(&[PathBuf::from("serach"), PathBuf::from("x")]).unwrap();
        assert_eq!(
            m,
            "no such file or command: serach (did you mean `saidso search`?)"
        );
        let m = check(&[PathBuf::from("zzzzzz")]).unwrap();
        assert!(m.contains("see `saidso --help`"), "{m}");
        assert_eq!(check(&[PathBuf::from(".")]), None);
        assert_eq!(
            check(&[PathBuf::from("gone/a.txt")]).as_deref(),
            Some("no such file: gone/a.txt")
        );
        assert_eq!(check(&[]), None);
    }
}
