//! A corpus read a piece at a time, for output that goes out as it is
//! made (`saidso quotes --jsonl`): the pieces come in input order and each
//! holds at most one file's articles, or one line of JSON Lines, so what
//! is in memory is bounded by the largest article, not by the corpus.
//!
//! JSON Lines (standard input, `.jsonl` files, compressed or not) is read
//! a line at a time here, on the caller's thread; every other file is one
//! piece, read whole by whoever loads the piece. Loading a piece
//! ([`Piece::load`]) is the costly part and may run on any thread.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use super::article::Article;
use super::compressed::Compression;
use super::format::Format;
use super::json::{JsonlLine, jsonl_record};
use super::lines::{Line, Lines};
use super::load::{LoadProblem, LoadRequest, Severity, io_reason, skipped};
use super::read::{MAX_FILE_BYTES, STDIN_NAME, load_source, note_problems};
use super::walk::{Source, embedded_sources, walk};

/// One piece of a streamed corpus.
#[derive(Debug)]
pub enum Piece {
    /// A file (or a bundled article), read whole when loaded.
    File(FilePiece),
    /// One non-blank line of JSON Lines.
    Line {
        /// The file's name as shown (`<stdin>` for standard input).
        display: Arc<str>,
        path: Arc<Path>,
        at: JsonlLine,
        text: String,
    },
    /// What went wrong outside any article: a path that cannot be opened,
    /// a read error, a line too long to hold.
    Problems {
        source: String,
        problems: Vec<LoadProblem>,
        /// Lines of JSON Lines among them.
        lines: usize,
    },
}

/// A file to read whole (opaque: the walk's own description of it).
#[derive(Debug)]
pub struct FilePiece(Source);

/// An article of a streamed corpus, with its record's own key.
#[derive(Debug)]
pub struct StreamedArticle {
    pub article: Article,
    /// A JSON record's `id` (see `json::ID_KEYS`), as it was written.
    pub id: Option<Value>,
}

/// What loading a piece gave: its articles, in order, and the rest.
#[derive(Debug)]
pub struct PieceLoad {
    pub articles: Vec<StreamedArticle>,
    pub outcome: PieceOutcome,
}

/// A loaded piece without its articles: what the exit status and stderr
/// need to know of it.
#[derive(Debug, Default)]
pub struct PieceOutcome {
    /// The file it came from, as named (`<stdin>` for standard input).
    pub source: String,
    pub articles: usize,
    pub problems: Vec<LoadProblem>,
    /// Lines of JSON Lines skipped (not JSON, not an article, too long).
    pub skipped_lines: usize,
}

impl Piece {
    /// Read the piece into its articles. Never fails: what goes wrong is
    /// a problem naming the file (and the line).
    pub fn load(self) -> PieceLoad {
        match self {
            Piece::File(FilePiece(source)) => {
                let load = load_source(&source);
                let articles = load
                    .articles
                    .into_iter()
                    .map(|article| StreamedArticle { article, id: None })
                    .collect();
                PieceLoad::of(source_name(&source), articles, load.problems, 0)
            }
            Piece::Line {
                display,
                path,
                at,
                text,
            } => match jsonl_record(&display, &path, at, &text) {
                Ok(r) => {
                    let notes = note_problems(std::slice::from_ref(&r.article));
                    let one = StreamedArticle {
                        article: r.article,
                        id: r.id,
                    };
                    PieceLoad::of(display.to_string(), vec![one], notes, 0)
                }
                Err(problem) => {
                    let problem = skipped(display.to_string(), problem);
                    PieceLoad::of(display.to_string(), Vec::new(), vec![problem], 1)
                }
            },
            Piece::Problems {
                source,
                problems,
                lines,
            } => PieceLoad::of(source, Vec::new(), problems, lines),
        }
    }
}

impl PieceLoad {
    fn of(
        source: String,
        articles: Vec<StreamedArticle>,
        problems: Vec<LoadProblem>,
        skipped_lines: usize,
    ) -> Self {
        PieceLoad {
            outcome: PieceOutcome {
                source,
                articles: articles.len(),
                problems,
                skipped_lines,
            },
            articles,
        }
    }
}

fn source_name(source: &Source) -> String {
    match source {
        Source::Embedded { name, .. } => name.to_string(),
        Source::File { display, .. } => display.clone(),
        Source::Stdin => STDIN_NAME.to_string(),
    }
}

/// The pieces of `request`, in input order: first the paths that could
/// not be walked, then each file's pieces.
pub fn pieces(request: &LoadRequest) -> Pieces {
    let sources = match request {
        LoadRequest::Embedded => embedded_sources(),
        LoadRequest::Paths(paths) => walk(paths),
    };
    let walked = (!sources.problems.is_empty()).then(|| Piece::Problems {
        source: String::new(),
        problems: sources.problems,
        lines: 0,
    });
    Pieces {
        sources: sources.files.into_iter(),
        walked,
        lines: None,
    }
}

/// The pieces of a corpus, read as they are asked for.
pub struct Pieces {
    sources: std::vec::IntoIter<Source>,
    /// The walk's problems, not yet given.
    walked: Option<Piece>,
    /// The JSON Lines being read.
    lines: Option<LineReader>,
}

/// A source of JSON Lines being read a line at a time.
struct LineReader {
    display: Arc<str>,
    path: Arc<Path>,
    lines: Lines<Box<dyn BufRead + Send>>,
    /// Non-blank lines so far (the records are numbered by them).
    records: usize,
    /// Standard input: empty is fine (an empty part of a larger job).
    stdin: bool,
    compression: Option<Compression>,
}

impl Iterator for Pieces {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        if let Some(p) = self.walked.take() {
            return Some(p);
        }
        loop {
            if let Some(reader) = &mut self.lines {
                match reader.next_piece() {
                    Some(p) => return Some(p),
                    None => self.lines = None,
                }
            }
            let source = self.sources.next()?;
            match open_lines(&source) {
                Some(Ok(reader)) => self.lines = Some(reader),
                Some(Err(p)) => return Some(problem(&p.path.clone(), p, 0)),
                None => return Some(Piece::File(FilePiece(source))),
            }
        }
    }
}

/// The line reader of a source of JSON Lines (standard input, a `.jsonl`
/// file) or the problem opening it; None for a file of another format.
fn open_lines(source: &Source) -> Option<Result<LineReader, LoadProblem>> {
    let (display, path, input, compression): (_, _, Box<dyn BufRead + Send>, _) = match source {
        Source::Stdin => (
            STDIN_NAME.to_string(),
            PathBuf::from("-"),
            Box::new(BufReader::with_capacity(READ_BUFFER, std::io::stdin())),
            None,
        ),
        Source::File { path, display, .. } if Format::of_path(path) == Format::Jsonl => {
            let fail = |why: String| Err(skipped(display.clone(), why));
            let file = match File::open(path) {
                Ok(f) => f,
                Err(e) => return Some(fail(format!("cannot open: {}", io_reason(&e)))),
            };
            let compression = Compression::of_path(path).map(|(c, _)| c);
            let input: Box<dyn BufRead + Send> = match compression {
                Some(c) => match c.reader(file) {
                    Ok(r) => Box::new(BufReader::with_capacity(READ_BUFFER, r)),
                    Err(why) => return Some(fail(why)),
                },
                None => Box::new(BufReader::with_capacity(READ_BUFFER, file)),
            };
            (display.clone(), path.clone(), input, compression)
        }
        _ => return None,
    };
    Some(Ok(LineReader {
        display: display.into(),
        path: path.into(),
        lines: Lines::new(input, MAX_FILE_BYTES as usize),
        records: 0,
        stdin: matches!(source, Source::Stdin),
        compression,
    }))
}

/// Bytes read from a file or a pipe at a time.
const READ_BUFFER: usize = 64 * 1024;

impl LineReader {
    /// The next piece of this source; None at its end.
    fn next_piece(&mut self) -> Option<Piece> {
        loop {
            let line = match self.lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) if self.records == 0 && !self.stdin => {
                    self.records = 1; // said once
                    let empty = skipped(self.display.to_string(), "empty file".into());
                    return Some(problem(&self.display, empty, 0));
                }
                Ok(None) => return None,
                Err(e) => {
                    let why = match self.compression {
                        Some(c) => c.damaged(&e),
                        None => format!("cannot read: {}", io_reason(&e)),
                    };
                    let stop = skipped(self.display.to_string(), why);
                    // Nothing more comes from a stream that failed.
                    self.lines = Lines::new(Box::new(std::io::empty()), 0);
                    self.records = self.records.max(1);
                    return Some(problem(&self.display, stop, 0));
                }
            };
            let Line { number, text } = line;
            let text = match text {
                Ok(t) if t.trim().is_empty() => continue,
                Ok(t) => t,
                Err(long) => {
                    self.records += 1;
                    let why = format!(
                        "line {number}: too long ({} MB; the limit is {} MB)",
                        long.0 / 1_000_000,
                        MAX_FILE_BYTES / 1_000_000
                    );
                    return Some(problem(
                        &self.display,
                        skipped(self.display.to_string(), why),
                        1,
                    ));
                }
            };
            self.records += 1;
            return Some(Piece::Line {
                display: self.display.clone(),
                path: self.path.clone(),
                at: JsonlLine::new(self.records, number),
                text,
            });
        }
    }
}

fn problem(source: &str, problem: LoadProblem, lines: usize) -> Piece {
    Piece::Problems {
        source: source.to_string(),
        problems: vec![problem],
        lines,
    }
}

/// The exit status of a streamed run, kept as the pieces go by: failed
/// when a line of JSON Lines was skipped, or when a path named on the
/// command line gave no article and a reason (as
/// [`super::Corpus::has_fatal_problem`] decides for a whole load).
#[derive(Debug, Default)]
pub struct StreamTally {
    named: Vec<String>,
    /// Named paths with a problem that skipped them (or part of them).
    failed: Vec<String>,
    /// Named paths that gave an article.
    gave: Vec<String>,
    pub skipped_lines: usize,
}

impl StreamTally {
    pub fn new(request: &LoadRequest) -> Self {
        StreamTally {
            named: request.named(),
            ..StreamTally::default()
        }
    }

    pub fn add(&mut self, outcome: &PieceOutcome) {
        self.skipped_lines += outcome.skipped_lines;
        let named = |p: &str| self.named.iter().any(|n| n == p);
        for p in &outcome.problems {
            if p.severity == Severity::Skipped && named(&p.path) && !self.failed.contains(&p.path) {
                self.failed.push(p.path.clone());
            }
        }
        if outcome.articles > 0 && named(&outcome.source) && !self.gave.contains(&outcome.source) {
            self.gave.push(outcome.source.clone());
        }
    }

    /// True when the run should exit with a failure.
    pub fn failed(&self) -> bool {
        self.skipped_lines > 0 || self.failed.iter().any(|p| !self.gave.contains(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    /// (article paths, problems) of every piece, in order.
    fn run(paths: Vec<PathBuf>) -> (Vec<String>, Vec<String>, StreamTally) {
        let request = LoadRequest::Paths(paths);
        let mut tally = StreamTally::new(&request);
        let (mut names, mut problems) = (Vec::new(), Vec::new());
        for piece in pieces(&request) {
            let load = piece.load();
            tally.add(&load.outcome);
            names.extend(load.articles.iter().map(|a| a.article.path.clone()));
            problems.extend(load.outcome.problems.iter().map(|p| p.to_string()));
        }
        (names, problems, tally)
    }

    #[test]
    fn pieces_come_in_path_order_with_lines_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "a.txt", "Alpha\n\nAlpha body.");
        let l = write(
            d,
            "b.jsonl",
            "{\"id\": 7, \"title\": \"B1\", \"text\": \"one\"}\n\n{\"title\": \"B2\", \"text\": \"two\"}\n",
        );
        let request = LoadRequest::Paths(vec![d.to_path_buf()]);
        let kinds: Vec<&str> = pieces(&request)
            .map(|p| match p {
                Piece::File(_) => "file",
                Piece::Line { .. } => "line",
                Piece::Problems { .. } => "problems",
            })
            .collect();
        assert_eq!(kinds, ["file", "line", "line"]);
        let (names, problems, tally) = run(vec![d.to_path_buf()]);
        let b = l.display().to_string();
        assert_eq!(
            names,
            [
                d.join("a.txt").display().to_string(),
                format!("{b}#1"),
                format!("{b}#2")
            ]
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert!(!tally.failed());
        let first_line = pieces(&LoadRequest::Paths(vec![l])).next().unwrap();
        assert_eq!(first_line.load().articles[0].id, Some(Value::from(7)));
    }

    #[test]
    fn a_bad_line_is_named_and_fails_the_run_but_not_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let l = write(
            dir.path(),
            "c.jsonl",
            "{\"title\": \"C1\", \"text\": \"one\"}\n{oops\n{\"title\": \"C3\"}\n{\"title\": \"C4\", \"text\": \"four\"}\n",
        );
        let (names, problems, tally) = run(vec![l.clone()]);
        let c = l.display().to_string();
        assert_eq!(names, [format!("{c}#1"), format!("{c}#4")]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with(&format!("{c}: line 2: invalid JSON")));
        assert!(problems[1].starts_with(&format!("{c}: line 3: no article text")));
        assert_eq!(tally.skipped_lines, 2);
        assert!(tally.failed());
    }

    #[test]
    fn a_missing_path_or_an_empty_file_fails_a_good_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let empty = write(dir.path(), "e.jsonl", "\n\n");
        let (_, problems, tally) = run(vec![empty]);
        assert!(problems[0].ends_with("e.jsonl: empty file"), "{problems:?}");
        assert!(tally.failed());
        let (_, problems, tally) = run(vec![dir.path().join("missing.txt")]);
        assert!(problems[0].contains("cannot open"), "{problems:?}");
        assert!(tally.failed());
        let good = write(dir.path(), "g.txt", "Good\n\nBody.");
        assert!(!run(vec![good]).2.failed());
    }
}
