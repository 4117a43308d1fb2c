//! Reading a corpus from files, directories, standard input or the bundled
//! articles, and reporting every file that could not be read.
//!
//! Loading never fails as a whole: each file either yields articles or a
//! [`LoadProblem`] naming the file and what is wrong with it.
//!
//! This file holds the load's results and drives it (in batches, through
//! the cache); finding the files is in `walk`, reading one is in `read`.

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::article::{Article, Origin};
use super::cache::{self, CacheWriter, FileStamp, LoadCache};
use super::read::{FileLoad, load_source};
use super::walk::{Source, embedded_sources, walk};
use crate::state::Warning;

/// Kept here, where callers have always found them.
pub use super::read::{MAX_FILE_BYTES, STDIN_NAME};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file (or record) was not loaded.
    Skipped,
    /// Loaded, but repaired on the way (e.g. invalid UTF-8).
    Repaired,
    /// Loaded whole; a fact worth knowing (a feed's summary only, a
    /// record without text, an archive's records of other kinds).
    Noted,
}

/// A file, record or path that did not load cleanly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadProblem {
    pub path: String,
    pub problem: String,
    pub severity: Severity,
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

/// What to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadRequest {
    /// The articles compiled into the binary.
    Embedded,
    /// Files and directories (recursively); `-` is standard input.
    Paths(Vec<PathBuf>),
}

impl LoadRequest {
    /// The bundled corpus when no paths are given.
    pub fn from_args(paths: &[PathBuf]) -> Self {
        if paths.is_empty() {
            Self::Embedded
        } else {
            Self::Paths(paths.to_vec())
        }
    }
}

impl LoadRequest {
    /// The paths named, as problems and articles name them.
    pub fn named(&self) -> Vec<String> {
        match self {
            LoadRequest::Embedded => Vec::new(),
            LoadRequest::Paths(paths) => paths
                .iter()
                .map(|p| {
                    if p.as_os_str() == "-" {
                        STDIN_NAME.to_string()
                    } else {
                        p.display().to_string()
                    }
                })
                .collect(),
        }
    }
}

/// A loaded corpus: the articles, in path order, and what did not load.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub problems: Vec<LoadProblem>,
    /// Files inside directories skipped for their extension.
    pub skipped_files: usize,
    /// The paths named by the request, as problems name them.
    pub named: Vec<String>,
    /// Problems with the files saidso keeps (the load cache): told, never
    /// a reason to fail.
    pub warnings: Vec<Warning>,
}

impl Corpus {
    /// Load everything at once, reading files in parallel.
    pub fn load(request: &LoadRequest) -> Corpus {
        let mut corpus = Corpus {
            named: request.named(),
            ..Corpus::default()
        };
        load_streaming(request, usize::MAX, |event| corpus.apply(event));
        corpus
    }

    /// The bundled articles.
    pub fn embedded() -> Corpus {
        Self::load(&LoadRequest::Embedded)
    }

    /// Fold one streamed event into the corpus.
    pub fn apply(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Started {
                problems,
                skipped_files,
                ..
            } => {
                self.problems.extend(problems);
                self.skipped_files += skipped_files;
            }
            LoadEvent::Batch { articles, problems } => {
                self.articles.extend(articles);
                self.problems.extend(problems);
            }
            LoadEvent::Finished => {}
            LoadEvent::CacheNotWritten(w) => self.warnings.push(w),
        }
    }

    /// True when a path named on the command line did not load: it could
    /// not be read, or not parsed, or gave no article. Problems with files
    /// inside a named directory, or with some records of a file that gave
    /// others, do not count (as `grep -r` goes on past a bad file).
    pub fn has_fatal_problem(&self) -> bool {
        let mut failed: Vec<&str> = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Skipped && self.named.contains(&p.path))
            .map(|p| p.path.as_str())
            .collect();
        if failed.is_empty() {
            return false;
        }
        // Named files that gave articles all the same are not failures.
        let gave: std::collections::HashSet<String> = self
            .articles
            .iter()
            .filter_map(|a| match &a.origin {
                Origin::File(path) | Origin::JsonRecord(path) => Some(path.display().to_string()),
                Origin::Stdin => Some(STDIN_NAME.to_string()),
                Origin::Embedded => None,
            })
            .collect();
        failed.retain(|p| !gave.contains(*p));
        !failed.is_empty()
    }
}

/// Progress of a streamed load, in order: one `Started`, batches, `Finished`.
#[derive(Debug)]
pub enum LoadEvent {
    Started {
        /// Files (or bundled articles) that will be read.
        total_files: usize,
        /// Paths that could not even be walked.
        problems: Vec<LoadProblem>,
        skipped_files: usize,
    },
    Batch {
        articles: Vec<Article>,
        problems: Vec<LoadProblem>,
    },
    Finished,
    /// After `Finished`: the load cache could not be written (a full disk,
    /// say). The old cache is kept; only the next start's speed is lost.
    CacheNotWritten(Warning),
}

/// Files in the first batch of a streamed load; each next batch doubles,
/// up to the size asked for.
const FIRST_BATCH_FILES: usize = 16;

/// Load `request`, reporting progress through `emit` in batches of at
/// most `batch_files` files (the first ones smaller). Articles arrive in
/// path order; within a batch, files are read in parallel. Runs on the
/// caller's thread: the TUI calls it from a worker.
pub fn load_streaming(request: &LoadRequest, batch_files: usize, mut emit: impl FnMut(LoadEvent)) {
    let sources = match request {
        LoadRequest::Embedded => embedded_sources(),
        LoadRequest::Paths(paths) => walk(paths),
    };
    emit(LoadEvent::Started {
        total_files: sources.files.len(),
        problems: sources.problems,
        skipped_files: sources.skipped_files,
    });
    let cache = match request {
        LoadRequest::Paths(_) => open_cache(request, &sources.files),
        LoadRequest::Embedded => None,
    };
    let mut writer = cache.as_ref().map(CacheWriter::new);
    let mut cached_files = 0;
    let mut rest = &sources.files[..];
    // The first batches small, so the first articles show while the rest
    // load (a page takes milliseconds to extract), then up to the size
    // asked for.
    let mut size = batch_files.clamp(1, FIRST_BATCH_FILES);
    while !rest.is_empty() {
        let (chunk, after) = rest.split_at(size.min(rest.len()));
        rest = after;
        size = size.saturating_mul(2).min(batch_files.max(1));
        let loads: Vec<(FileLoad, Option<Cached>)> = chunk
            .par_iter()
            .map(|source| load_cached(source, cache.as_ref()))
            .collect();
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for (l, cached) in loads {
            if let (Some(w), Some(c)) = (writer.as_mut(), cached) {
                cached_files += 1;
                if c.fresh {
                    w.fresh(&c.path, c.stamp, &l);
                } else {
                    w.reused(c.path, c.stamp);
                }
            }
            articles.extend(l.articles);
            problems.extend(l.problems);
        }
        emit(LoadEvent::Batch { articles, problems });
    }
    emit(LoadEvent::Finished);
    // After Finished: the reader is usable while this is written. A cache
    // that cannot be written only costs the next start its speed.
    if let (Some(w), Some(cache)) = (writer, cache.as_ref())
        && let Err(e) = w.finish(cached_files)
    {
        emit(LoadEvent::CacheNotWritten(Warning {
            topic: "load cache",
            path: cache.path().to_path_buf(),
            problem: format!(
                "not written ({e}); the old cache is kept; the next start loads changed files afresh"
            ),
        }));
    }
}

/// A file's entry for the next cache.
struct Cached {
    path: String,
    stamp: FileStamp,
    /// Loaded from the file (else its entry in the old cache stands).
    fresh: bool,
}

/// The load cache, for a corpus big enough to be worth one.
fn open_cache(request: &LoadRequest, files: &[Source]) -> Option<LoadCache> {
    let dir = cache::default_dir()?;
    let bytes: u64 = files
        .iter()
        .filter_map(|f| match f {
            Source::File { stamp, .. } => stamp.map(|s| s.size),
            _ => None,
        })
        .sum();
    if files.len() < cache::MIN_FILES && bytes < cache::MIN_BYTES {
        return None;
    }
    Some(LoadCache::open(&dir, &crate::state::corpus_key(request)))
}

/// Load one source, from the cache when it holds the file unchanged; with
/// a cache, also what to note for the next one.
fn load_cached(source: &Source, cache: Option<&LoadCache>) -> (FileLoad, Option<Cached>) {
    let (
        Some(cache),
        Source::File {
            path,
            display,
            key,
            stamp: Some(stamp),
        },
    ) = (cache, source)
    else {
        return (load_source(source), None);
    };
    let (load, fresh) = match cache.get(key, *stamp) {
        Some(hit) => (hit.relocated(display, path), false),
        None => (load_source(source), true),
    };
    let entry = Cached {
        path: key.clone(),
        stamp: *stamp,
        fresh,
    };
    (load, Some(entry))
}

pub(super) fn skipped(path: String, problem: String) -> LoadProblem {
    LoadProblem {
        path,
        problem,
        severity: Severity::Skipped,
    }
}

/// "No such file or directory" without the "(os error 2)" tail.
pub(super) fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_lowercase(),
        None => s.to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_corpus_has_the_five_seeds_in_order() {
        let c = Corpus::embedded();
        assert_eq!(c.articles.len(), 5);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.articles[0].path, "000_373775eacfdba3f8.txt");
        assert_eq!(c.articles[4].path, "004_5eabb43c577b58dc.txt");
    }

    #[test]
    fn io_reason_drops_the_os_error_code() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(io_reason(&e), "no such file or directory");
    }
}
