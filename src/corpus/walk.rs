//! Finding what to read: the paths given, expanded into the files to
//! load, in the order they are shown.
//!
//! Directories are walked recursively in name order, hidden entries
//! skipped, files with other extensions counted, each real directory
//! visited once (symlinks can form loops). Each file's size and time are
//! taken here, for the load cache.

use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

use super::cache::FileStamp;
use super::embedded::EMBEDDED_ARTICLES;
use super::format::Format;
use super::load::{LoadProblem, io_reason, skipped};

/// One thing to read.
#[derive(Debug, Clone)]
pub(super) enum Source {
    Embedded {
        name: &'static str,
        text: &'static str,
    },
    File {
        path: PathBuf,
        display: String,
        /// The file's real path (symbolic links and `..` resolved), which
        /// the load cache knows it by: however the path is typed
        /// (`c20k`, `./c20k`, `/abs/c20k`), one file is one entry.
        key: String,
        /// Size and time when the directory was walked (for the cache).
        stamp: Option<FileStamp>,
    },
    Stdin,
}

/// What a walk found: the files in order, paths that could not be walked,
/// and how many files were passed over for their extension.
#[derive(Debug, Default)]
pub(super) struct Sources {
    pub(super) files: Vec<Source>,
    pub(super) problems: Vec<LoadProblem>,
    pub(super) skipped_files: usize,
}

/// The bundled articles, as sources.
pub(super) fn embedded_sources() -> Sources {
    Sources {
        files: EMBEDDED_ARTICLES
            .iter()
            .map(|&(name, text)| Source::Embedded { name, text })
            .collect(),
        ..Sources::default()
    }
}

/// Expand the paths: files as given, directories recursively in name order
/// (hidden entries skipped, unknown extensions counted), `-` as stdin.
pub(super) fn walk(paths: &[PathBuf]) -> Sources {
    let mut s = Sources::default();
    let mut seen_dirs = std::collections::HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            s.files.push(Source::Stdin);
            continue;
        }
        let display = path.display().to_string();
        let real = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk_dir(path, &real, &mut s, &mut seen_dirs),
            Ok(m) => s.files.push(Source::File {
                path: path.clone(),
                display,
                key: real.display().to_string(),
                stamp: FileStamp::of(&m),
            }),
            Err(e) => s
                .problems
                .push(skipped(display, format!("cannot open: {}", io_reason(&e)))),
        }
    }
    s
}

/// The files under `dir` (whose real path is `real`: resolved once for
/// the directory given, then joined, not resolved per file).
fn walk_dir(
    dir: &Path,
    real: &Path,
    s: &mut Sources,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    // Symlinked directories can form loops; visit each real directory once.
    if let Ok(real) = fs::canonicalize(dir)
        && !seen.insert(real)
    {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            s.problems.push(skipped(
                dir.display().to_string(),
                format!("cannot read directory: {}", io_reason(&e)),
            ));
            return;
        }
    };
    let mut entries: Vec<(std::ffi::OsString, fs::DirEntry)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name(), e))
        .filter(|(name, _)| !name.to_str().is_some_and(|n| n.starts_with('.')))
        .collect();
    // By name: every entry has the same parent, so this is the order of
    // their paths, without comparing the parent's components each time.
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // One stat per entry, on every core (a directory of 100,000 files
    // spends most of its walk in them), each relative to the directory
    // rather than resolved from the root; a symbolic link is followed to
    // what it names. Taken in name order below.
    let metas: Vec<std::io::Result<fs::Metadata>> = entries
        .par_iter()
        .map(|(_, e)| match e.file_type() {
            Ok(t) if !t.is_symlink() => e.metadata(),
            _ => fs::metadata(e.path()),
        })
        .collect();
    let entries = entries.into_iter().map(|(_, e)| e.path());
    for (path, meta) in entries.zip(metas) {
        let real_path = path
            .file_name()
            .map_or_else(|| path.clone(), |n| real.join(n));
        match meta {
            // A symbolic link to a directory: its own real path.
            Ok(m) if m.is_dir() => {
                let real_dir = if fs::symlink_metadata(&path).is_ok_and(|l| l.is_symlink()) {
                    fs::canonicalize(&path).unwrap_or(real_path)
                } else {
                    real_path
                };
                walk_dir(&path, &real_dir, s, seen)
            }
            // The extensions saidso reads (see `Format::known`); a file
            // named on the command line is read whatever its extension.
            Ok(m) if Format::known(&path).is_some() => {
                s.files.push(Source::File {
                    display: path.display().to_string(),
                    key: real_path.display().to_string(),
                    stamp: FileStamp::of(&m),
                    path,
                });
            }
            Ok(_) => s.skipped_files += 1,
            Err(e) => s.problems.push(skipped(
                path.display().to_string(),
                format!("cannot open: {}", io_reason(&e)),
            )),
        }
    }
}
