//! `--jsonl` (`quotes`, `list`): articles streamed in, one JSON line out
//! per article as it goes, in input order, so that saidso can be the map
//! step of a distributed job (Spark's `RDD.pipe`) over archives of
//! millions of articles. Pieces of the input (one file, or one line of
//! JSON Lines) are loaded and turned into lines on every core, a bounded
//! window of them at a time (see `saidso::library::ordered`); each line
//! is written as soon as the ones before it are, and stdout is flushed
//! whenever the next line is not ready yet.
//!
//! Problems go to stderr as they come (`saidso: <stdin>: line 7: invalid
//! JSON: …`), and the stream carries on; the status is 1 at the end when
//! a line was skipped or a named path gave nothing (see `StreamTally`).

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use serde::Serialize;
use serde_json::Value;

use saidso::corpus::stream::{PieceOutcome, StreamTally, StreamedArticle, pieces};
use saidso::export::terminal::{ControlWriter, visible_line, warn};
use saidso::library::ordered::ordered_map;

use super::CorpusArgs;

/// Pieces in flight per core: enough that a slow article does not leave
/// the other core idle, few enough that memory stays a few articles.
const WINDOW_PER_THREAD: usize = 8;

/// Bytes written to stdout at a time while the next lines are ready.
const WRITE_BUFFER: usize = 64 * 1024;

/// One output line: the record's own key when it had one, then the
/// command's record of the article.
#[derive(Serialize)]
pub struct Line<'a, R: Serialize> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a Value>,
    #[serde(flatten)]
    pub record: R,
}

/// Writes one article's JSON (no line end) to the buffer.
pub type WriteLine = fn(&StreamedArticle, &mut dyn Write) -> serde_json::Result<()>;

/// What a worker hands the writer for one piece.
struct Written {
    /// Its articles' lines, each ending in a line feed.
    lines: Vec<u8>,
    outcome: PieceOutcome,
}

/// Stream the corpus of `args` to stdout, a line an article written by
/// `line`.
pub fn run(args: &CorpusArgs, line: WriteLine) -> anyhow::Result<ExitCode> {
    let request = args.request();
    let mut tally = StreamTally::new(&request);
    let window = rayon::current_num_threads() * WINDOW_PER_THREAD;
    let mut written = ordered_map(pieces(&request), window, move |piece| {
        let load = piece.load();
        Written {
            lines: lines_of(&load.articles, line),
            outcome: load.outcome,
        }
    });
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(WRITE_BUFFER, stdout.lock());
    while let Some(w) = written.next() {
        report(&w.outcome);
        tally.add(&w.outcome);
        let step = out
            .write_all(&w.lines)
            .and_then(|()| if written.ready() { Ok(()) } else { out.flush() });
        match step {
            Ok(()) => {}
            // The reader went away (`| head`): stop reading, quietly.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(status(&tally)),
            Err(e) => return Err(anyhow::Error::new(e).context("cannot write to standard output")),
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("cannot write to standard output"))
        }
        _ => Ok(status(&tally)),
    }
}

/// Each article's line, made safe for a terminal as `--json` is: the C0
/// controls serde_json escapes, DEL and C1 escaped on the way, so no byte
/// of an article reaches stdout as a control.
fn lines_of(articles: &[StreamedArticle], line: WriteLine) -> Vec<u8> {
    let mut out = Vec::new();
    for a in articles {
        let mut safe = ControlWriter::json(&mut out);
        // Into memory, serialising fails only for a map with keys that
        // are not strings, which no record has.
        let _ = line(a, &mut safe)
            .map_err(io::Error::from)
            .and_then(|()| safe.flush());
        out.push(b'\n');
    }
    out
}

/// One line per problem on stderr, naming the file (and the line).
fn report(outcome: &PieceOutcome) {
    for p in &outcome.problems {
        warn(&format!("{}: {}", visible_line(&p.path), p.problem));
    }
}

fn status(tally: &StreamTally) -> ExitCode {
    if tally.skipped_lines > 0 {
        warn(&format!(
            "{} line{} of JSON Lines skipped (named above)",
            tally.skipped_lines,
            if tally.skipped_lines == 1 { "" } else { "s" }
        ));
    }
    if tally.failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
