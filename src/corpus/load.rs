//! Reading a corpus from files, directories, standard input or the bundled
//! articles, and reporting every file that could not be read.
//!
//! Loading never fails as a whole: each file either yields articles or a
//! [`LoadProblem`] naming the file and what is wrong with it.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::article::{Article, Origin};
use super::assemble::article_from_bytes;
use super::cache::{self, CacheWriter, FileResult, FileStamp, LoadCache};
use super::embedded::EMBEDDED_ARTICLES;
use super::json::{parse_json, parse_jsonl};

/// Files larger than this are not read (a news article is kilobytes).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Extensions read when walking a directory; a file named on the command
/// line is read whatever its extension.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];
const JSON_EXTENSIONS: &[&str] = &["json"];
const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// The display name used for standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file (or record) was not loaded.
    Skipped,
    /// Loaded, but repaired on the way (e.g. invalid UTF-8).
    Repaired,
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

/// A loaded corpus: the articles, in path order, and what did not load.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub problems: Vec<LoadProblem>,
    /// Files inside directories skipped for their extension.
    pub skipped_files: usize,
}

impl Corpus {
    /// Load everything at once, reading files in parallel.
    pub fn load(request: &LoadRequest) -> Corpus {
        let mut corpus = Corpus::default();
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
        }
    }

    /// True when a path named on the command line could not be read at all.
    pub fn has_fatal_problem(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity == Severity::Skipped && p.problem.starts_with("cannot "))
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
}

/// Load `request`, reporting progress through `emit` every `batch_files`
/// files. Articles arrive in path order; within a batch, files are read in
/// parallel. Runs on the caller's thread: the TUI calls it from a worker.
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
    for chunk in sources.files.chunks(batch_files.max(1)) {
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
    if let Some(w) = writer {
        let _ = w.finish(cached_files);
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
            display,
            stamp: Some(stamp),
            ..
        },
    ) = (cache, source)
    else {
        return (load_source(source), None);
    };
    let (load, fresh) = match cache.get(display, *stamp) {
        Some(hit) => (hit, false),
        None => (load_source(source), true),
    };
    let entry = Cached {
        path: display.clone(),
        stamp: *stamp,
        fresh,
    };
    (load, Some(entry))
}

/// One thing to read.
#[derive(Debug, Clone)]
enum Source {
    Embedded {
        name: &'static str,
        text: &'static str,
    },
    File {
        path: PathBuf,
        display: String,
        /// Size and time when the directory was walked (for the cache).
        stamp: Option<FileStamp>,
    },
    Stdin,
}

#[derive(Debug, Default)]
struct Sources {
    files: Vec<Source>,
    problems: Vec<LoadProblem>,
    skipped_files: usize,
}

fn embedded_sources() -> Sources {
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
fn walk(paths: &[PathBuf]) -> Sources {
    let mut s = Sources::default();
    let mut seen_dirs = std::collections::HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            s.files.push(Source::Stdin);
            continue;
        }
        let display = path.display().to_string();
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk_dir(path, &mut s, &mut seen_dirs),
            Ok(m) => s.files.push(Source::File {
                path: path.clone(),
                display,
                stamp: FileStamp::of(&m),
            }),
            Err(e) => s
                .problems
                .push(skipped(display, format!("cannot open: {}", io_reason(&e)))),
        }
    }
    s
}

fn walk_dir(dir: &Path, s: &mut Sources, seen: &mut std::collections::HashSet<PathBuf>) {
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
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk_dir(&path, s, seen),
            Ok(m)
                if has_extension(&path, TEXT_EXTENSIONS)
                    || has_extension(&path, JSON_EXTENSIONS)
                    || has_extension(&path, JSONL_EXTENSIONS) =>
            {
                s.files.push(Source::File {
                    display: path.display().to_string(),
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

fn has_extension(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// One file's articles and problems.
type FileLoad = FileResult;

fn load_source(source: &Source) -> FileLoad {
    match source {
        Source::Embedded { name, text } => FileLoad {
            articles: vec![article_from_bytes(
                name.to_string(),
                Origin::Embedded,
                text.as_bytes(),
            )],
            problems: Vec::new(),
        },
        Source::Stdin => {
            let mut bytes = Vec::new();
            let read = std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes);
            match read {
                Ok(_) => from_bytes(STDIN_NAME, Path::new("-"), Origin::Stdin, &bytes, false),
                Err(e) => only_problem(STDIN_NAME, format!("cannot read: {}", io_reason(&e))),
            }
        }
        Source::File { path, display, .. } => match read_file(path) {
            Ok(bytes) => from_bytes(display, path, Origin::File(path.clone()), &bytes, true),
            Err(problem) => only_problem(display, problem),
        },
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| format!("cannot open: {}", io_reason(&e)))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "too large ({} MB; the limit is {} MB)",
            meta.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    fs::read(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))
}

fn from_bytes(
    display: &str,
    path: &Path,
    origin: Origin,
    bytes: &[u8],
    by_extension: bool,
) -> FileLoad {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return only_problem(
            display,
            format!("too large (over {} MB)", MAX_FILE_BYTES / 1_000_000),
        );
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return only_problem(display, "empty file".to_string());
    }
    if memchr::memchr(0, bytes).is_some() {
        return only_problem(
            display,
            "binary file (contains NUL bytes); not an article".to_string(),
        );
    }
    let mut load = FileLoad::default();
    let json = by_extension && has_extension(path, JSON_EXTENSIONS);
    let jsonl = by_extension && has_extension(path, JSONL_EXTENSIONS);
    if json || jsonl {
        let text = String::from_utf8_lossy(bytes);
        let parsed = if json {
            parse_json(display, path, &text)
        } else {
            Ok(parse_jsonl(display, path, &text))
        };
        match parsed {
            Ok(j) => {
                load.articles = j.articles;
                load.problems = j
                    .problems
                    .into_iter()
                    .map(|p| skipped(display.to_string(), p))
                    .collect();
                if load.articles.is_empty() && load.problems.is_empty() {
                    load.problems.push(skipped(
                        display.to_string(),
                        "no articles in this file".into(),
                    ));
                }
            }
            Err(e) => load.problems.push(skipped(display.to_string(), e)),
        }
    } else {
        load.articles
            .push(article_from_bytes(display.to_string(), origin, bytes));
    }
    for a in &load.articles {
        for note in &a.notes {
            load.problems.push(LoadProblem {
                path: a.path.clone(),
                problem: note.0.clone(),
                severity: Severity::Repaired,
            });
        }
    }
    load
}

fn only_problem(display: &str, problem: String) -> FileLoad {
    FileLoad {
        articles: Vec::new(),
        problems: vec![skipped(display.to_string(), problem)],
    }
}

fn skipped(path: String, problem: String) -> LoadProblem {
    LoadProblem {
        path,
        problem,
        severity: Severity::Skipped,
    }
}

/// "No such file or directory" without the "(os error 2)" tail.
fn io_reason(e: &std::io::Error) -> String {
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
