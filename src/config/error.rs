//! A problem with the config file, told as `FILE:LINE: what is wrong`, the
//! form compilers use, so editors can jump to it.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based; None when the problem is the file as a whole.
    pub line: Option<usize>,
    pub message: String,
}

impl ConfigError {
    /// A problem with the whole file (cannot be read, say).
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        ConfigError {
            path: path.into(),
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}
