//! Reading and parsing the file, with spans turned into line numbers.

use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::error::ConfigError;
use super::file::ConfigFile;
use super::location::ConfigPath;

/// The file's name and text, to say where a span is.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    /// The 1-based line where `span` starts.
    pub fn line(&self, span: &Range<usize>) -> usize {
        let end = span.start.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// A problem at `span`.
    pub fn error(&self, span: &Range<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            path: self.path.clone(),
            line: Some(self.line(span)),
            message: message.into(),
        }
    }

    /// A path written in the file: `~/` is the home directory, and a
    /// relative path is relative to the file's directory (not to wherever
    /// saidso happens to be started).
    pub fn resolve_path(&self, written: &str, home: Option<&Path>) -> PathBuf {
        let expanded = match (written.strip_prefix("~/"), home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ if written == "~" && home.is_some() => home.unwrap_or(Path::new("")).to_path_buf(),
            _ => PathBuf::from(written),
        };
        if expanded.is_absolute() {
            return expanded;
        }
        self.path
            .parent()
            .map_or_else(|| expanded.clone(), |dir| dir.join(&expanded))
    }
}

/// A config file read and parsed.
#[derive(Debug)]
pub struct Loaded {
    pub source: Source,
    pub file: ConfigFile,
}

/// Read the config at `at`. Ok(None) when there is no file at the default
/// location; a file named on the command line must exist.
pub fn load(at: &ConfigPath) -> Result<Option<Loaded>, ConfigError> {
    let text = match std::fs::read_to_string(&at.path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound && !at.explicit => return Ok(None),
        Err(e) => {
            return Err(ConfigError::file(
                &at.path,
                format!("cannot read the config file: {}", plain_io_error(&e)),
            ));
        }
    };
    parse(Source {
        path: at.path.clone(),
        text,
    })
    .map(Some)
}

/// Parse config text (from a file or `--print-default`).
pub fn parse(source: Source) -> Result<Loaded, ConfigError> {
    match toml::from_str::<ConfigFile>(&source.text) {
        Ok(file) => Ok(Loaded { source, file }),
        Err(e) => {
            let message = e.message().trim().to_string();
            let line = match e.span() {
                Some(span) => source.line(&span),
                None => first_line_failing(&source.text, &message),
            };
            Err(ConfigError {
                path: source.path,
                line: Some(line),
                message,
            })
        }
    }
}

/// The line of an error toml gives without a place (its "recursion
/// limit" for a key of 80 parts, say): the first line such that the text
/// up to it fails with the same message, by bisection over the lines.
fn first_line_failing(text: &str, message: &str) -> usize {
    let ends: Vec<usize> = text
        .match_indices('\n')
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let fails = |lines: usize| {
        toml::from_str::<ConfigFile>(&text[..ends[lines - 1]])
            .is_err_and(|e| e.span().is_none() && e.message().trim() == message)
    };
    // The whole text fails; find the shortest prefix that does.
    let (mut lo, mut hi) = (1, ends.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fails(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    hi
}

/// "No such file or directory", without Rust's "(os error 2)".
fn plain_io_error(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source {
            path: "/c/config.toml".into(),
            text: text.into(),
        }
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let l = parse(src("")).unwrap();
        assert!(l.file.keys.is_empty() && l.file.theme.name.is_none());
    }

    #[test]
    fn unknown_keys_are_errors_at_their_line() {
        let e = parse(src("[reader]\nmax-width = 80\nwrap = 3\n")).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.to_string().starts_with("/c/config.toml:3: "), "{e}");
        assert!(e.message.contains("wrap"), "{e}");
        let e = parse(src("\n\n[colours]\n")).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn an_error_toml_gives_no_place_for_still_names_a_line() {
        // Found by tests/library/properties.rs: a key of 80 or more parts
        // is toml's "recursion limit", which comes without a span.
        let deep = format!("[reader]\nmouse = true\n[a{}]\nx = 1\n", ".b".repeat(100));
        let e = parse(src(&deep)).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("recursion"), "{e}");
    }

    #[test]
    fn values_keep_their_lines() {
        let l = parse(src(
            "[theme]\nname = \"light\"\n[theme.styles]\nquote = { fg = \"bleu\" }\n[keys]\ndown = [\"J\"]\n",
        ))
        .unwrap();
        let name = l.file.theme.name.as_ref().unwrap();
        assert_eq!(l.source.line(&name.span()), 2);
        let (slot, style) = l.file.theme.styles.iter().next().unwrap();
        assert_eq!(slot.get_ref(), "quote");
        let fg = style.get_ref().fg.as_ref().unwrap();
        assert_eq!(l.source.line(&fg.span()), 4);
        let (action, _) = l.file.keys.iter().next().unwrap();
        assert_eq!(
            (action.get_ref().as_str(), l.source.line(&action.span())),
            ("down", 6)
        );
    }

    #[test]
    fn wrong_types_and_missing_files_are_errors() {
        let e = parse(src("[reader]\nhide-boilerplate = \"yes\"\n")).unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = parse(src("[reader]\nmax-width = -3\n")).unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = parse(src("[keys]\ndown = 3\n")).unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let missing = ConfigPath {
            path: "/nonexistent/saidso.toml".into(),
            explicit: true,
        };
        let e = load(&missing).unwrap_err();
        assert_eq!(
            e.to_string(),
            "/nonexistent/saidso.toml: cannot read the config file: No such file or directory"
        );
        let default = ConfigPath {
            explicit: false,
            ..missing
        };
        assert!(load(&default).unwrap().is_none());
    }

    #[test]
    fn paths_are_relative_to_the_file_and_tilde_is_home() {
        let s = src("");
        let home = Some(Path::new("/home/u"));
        assert_eq!(
            s.resolve_path("~/news", home),
            PathBuf::from("/home/u/news")
        );
        assert_eq!(s.resolve_path("news", home), PathBuf::from("/c/news"));
        assert_eq!(
            s.resolve_path("/srv/news", home),
            PathBuf::from("/srv/news")
        );
    }
}
