//! Reading one source into its articles and problems: size limits,
//! empty and binary files, JSON and JSON Lines records, plain text; and
//! each repair made on the way in reported as a problem.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::article::{Article, Origin};
use super::assemble::article_from_bytes;
use super::cache::FileResult;
use super::compressed::Compression;
use super::csv_export::parse_csv;
use super::feed::parse_feed;
use super::format::Format;
use super::json::{Records, parse_json, parse_jsonl};
use super::load::{LoadProblem, Severity, io_reason, skipped};
use super::walk::Source;

/// Files larger than this are not read (a news article is kilobytes).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The display name used for standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// One file's articles and problems.
pub(super) type FileLoad = FileResult;

/// Read `source`: never fails, a file that cannot be read is a problem.
pub(super) fn load_source(source: &Source) -> FileLoad {
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
                Ok(_) => {
                    let bytes = match Compression::sniff(&bytes) {
                        Some(c) => match c.decompress(&bytes, MAX_FILE_BYTES) {
                            Ok(b) => b,
                            Err(why) => return only_problem(STDIN_NAME, why),
                        },
                        None => bytes,
                    };
                    let format = Format::sniff(&bytes);
                    from_bytes(STDIN_NAME, Path::new("-"), Origin::Stdin, &bytes, format)
                }
                Err(e) => only_problem(STDIN_NAME, format!("cannot read: {}", io_reason(&e))),
            }
        }
        Source::File { path, display, .. } => match Format::of_path(path) {
            // Streamed: an archive may be larger than memory should hold.
            Format::Warc => finish(display, super::warc::read_archive(display, path)),
            // A database is read by SQLite, in place; one named on the
            // command line is known by its first bytes (`cache.db`).
            _ if Format::known(path).is_none() && super::newsboat::is_sqlite(path) => {
                finish(display, super::newsboat::read_cache(display, path))
            }
            format => match read_file(path) {
                Ok(bytes) => from_bytes(display, path, Origin::File(path.clone()), &bytes, format),
                Err(problem) => only_problem(display, problem),
            },
        },
    }
}

/// The article of a file with one article of its own, read again as
/// loading read it (by its format); None when it cannot be read or no
/// longer gives exactly one article.
pub fn reread(display: &str, path: &Path) -> Option<Article> {
    let bytes = read_file(path).ok()?;
    let load = from_bytes(
        display,
        path,
        Origin::File(path.to_path_buf()),
        &bytes,
        Format::of_path(path),
    );
    let mut articles = load.articles;
    (articles.len() == 1).then(|| articles.remove(0))
}

/// A file's bytes, decompressed when its name says it is compressed
/// (`a.html.gz`): at most [`MAX_FILE_BYTES`] either way.
fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| format!("cannot open: {}", io_reason(&e)))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "too large ({} MB; the limit is {} MB)",
            meta.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    let bytes = fs::read(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    match Compression::of_path(path) {
        Some((c, _)) => c.decompress(&bytes, MAX_FILE_BYTES),
        None => Ok(bytes),
    }
}

fn from_bytes(
    display: &str,
    path: &Path,
    origin: Origin,
    bytes: &[u8],
    format: Format,
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
    let format = format.refine(bytes);
    // An archive holds images and the like; anything else with a NUL in
    // it is not text.
    if format != Format::Warc && memchr::memchr(0, bytes).is_some() {
        return only_problem(
            display,
            "binary file (contains NUL bytes); not an article".to_string(),
        );
    }
    let one = |article: Article| {
        Ok(Records {
            articles: vec![article],
            ..Records::default()
        })
    };
    let lossy = || String::from_utf8_lossy(bytes);
    let read = match format {
        Format::Text => one(article_from_bytes(display.to_string(), origin, bytes)),
        Format::Html => one(super::html::read(&lossy()).into_article(display, origin)),
        // Nothing readable at all (front matter alone, a lone script) is
        // "no articles in this file", as for an empty feed.
        Format::Markdown => Ok(Records {
            articles: super::markdown::article(display, origin, bytes)
                .into_iter()
                .collect(),
            ..Records::default()
        }),
        Format::Json => parse_json(display, path, &lossy()),
        Format::Jsonl => Ok(parse_jsonl(display, path, &lossy())),
        Format::Csv => parse_csv(display, path, &lossy()),
        Format::Feed => parse_feed(display, path, bytes).map(|articles| Records {
            articles,
            ..Records::default()
        }),
        Format::Warc => super::warc::read_warc(display, &origin, bytes, None),
    };
    finish(display, read)
}

/// A file's articles and problems from what its reader gave: per-record
/// problems as skipped, a file with nothing in it said so, and each
/// article's notes (repairs) listed.
fn finish(display: &str, read: Result<Records, String>) -> FileLoad {
    let mut load = FileLoad::default();
    match read {
        Ok(r) => {
            load.articles = r.articles;
            load.problems = r
                .problems
                .into_iter()
                .map(|p| skipped(display.to_string(), p))
                .chain(r.notes.into_iter().map(|n| LoadProblem {
                    path: display.to_string(),
                    problem: n,
                    severity: Severity::Noted,
                }))
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
    let notes = note_problems(&load.articles);
    load.problems.extend(notes);
    load
}

/// Each article's notes (repairs made on the way in, facts about it) as
/// problems naming the article.
pub(super) fn note_problems(articles: &[Article]) -> Vec<LoadProblem> {
    articles
        .iter()
        .flat_map(|a| {
            a.notes.iter().map(|note| LoadProblem {
                path: a.path.clone(),
                problem: note.text.clone(),
                severity: if note.repair {
                    Severity::Repaired
                } else {
                    Severity::Noted
                },
            })
        })
        .collect()
}

fn only_problem(display: &str, problem: String) -> FileLoad {
    FileLoad {
        articles: Vec::new(),
        problems: vec![skipped(display.to_string(), problem)],
    }
}
