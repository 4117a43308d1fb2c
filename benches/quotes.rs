//! Throughput of finding quotations (`cargo bench --bench quotes`), on the
//! 20,000-article (about 94 MB) corpus of gen_corpus.py that the other
//! benches use (benches/support/corpus.rs: `SAIDSO_BENCH_CORPUS=DIR`, else
//! generated once into `target/bench-corpus/`).
//!
//! Two kinds of figure, kept apart:
//!
//! - **engine**: `find_quotes` over every article already in memory, on one
//!   thread and with rayon on two threads; MB/s of article text (the
//!   cleaned `Article::text`). No file reading, no speaker index, no JSON.
//!   Beside it, in the same process, the command's other parts: loading
//!   the corpus (without the load cache) and building the speaker index.
//! - **command**: wall time of the release binary
//!   `saidso --no-state --no-cache quotes --json DIR > /dev/null`; MB/s of
//!   the corpus files on disk. Everything included: process start, reading
//!   and cleaning every file (no load cache), quotations on every core,
//!   writing the JSON (the speaker index is built only for `--speaker` or
//!   `saidso speakers`, so the index row is not part of it). One untimed
//!   run first warms the page cache.
//!
//! Each figure is the median of `SAIDSO_BENCH_RUNS` runs (default 3),
//! with the CPU time (user + system, all threads) of that run beside it:
//! on a shared machine the wall time moves with the other load, the CPU
//! time much less (Linux /proc, 100 ticks a second; 0 elsewhere).

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use saidso::corpus::{Corpus, LoadRequest};
use saidso::quotes::{ArticleQuotes, SpeakerIndex, find_quotes};

const ARTICLES: usize = 20_000;

/// One timed run: wall time and CPU time (user + system).
#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
}

fn main() {
    let runs: usize = std::env::var("SAIDSO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let dir = support::corpus::generated_corpus(ARTICLES);
    let file_bytes = dir_bytes(&dir);
    println!("corpus: {}", dir.display());

    // The engine's input: the articles as the loader leaves them. Loading
    // is not timed here, and never touches the user's load cache.
    saidso::corpus::cache::disable();
    let (load, corpus) = median_run(runs, || {
        Corpus::load(&LoadRequest::Paths(vec![dir.clone()]))
    });
    let articles = &corpus.articles;
    let text_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "{} articles, {:.1} MB of files, {:.1} MB of article text; median of {runs} runs",
        articles.len(),
        file_bytes as f64 / 1e6,
        text_bytes as f64 / 1e6
    );

    let (one, found) = median_run(runs, || {
        articles.iter().map(find_quotes).collect::<Vec<_>>()
    });
    let quotations: usize = found.iter().map(|q| q.quotes.len()).sum();
    let refs: Vec<&ArticleQuotes> = found.iter().collect();
    let (index, _) = median_run(runs, || SpeakerIndex::build(&refs));
    drop(refs);
    drop(found);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("a two-thread pool");
    let (two, _) = median_run(runs, || {
        pool.install(|| articles.par_iter().map(find_quotes).collect::<Vec<_>>())
    });

    let (cmd, cmd_runs) = command_runs(&dir, runs);

    println!();
    println!(
        "{:<54} {:>8} {:>8} {:>8}",
        "median of runs", "wall s", "MB/s", "CPU s"
    );
    let row = |what: &str, s: Sample, bytes: usize| {
        println!(
            "{what:<54} {:>8.2} {:>8.1} {:>8.2}",
            s.wall.as_secs_f64(),
            bytes as f64 / 1e6 / s.wall.as_secs_f64(),
            s.cpu.as_secs_f64()
        );
    };
    row(
        "loading: read and clean every file (no cache), 2 cores",
        load,
        file_bytes,
    );
    row(
        "engine, 1 thread (text in memory; no loading, no JSON)",
        one,
        text_bytes,
    );
    row(
        "engine, 2 threads (text in memory; no loading, no JSON)",
        two,
        text_bytes,
    );
    row("speaker index of the corpus, 1 thread", index, text_bytes);
    row(
        "saidso quotes --json (loading, quotations, JSON; 2 cores)",
        cmd,
        file_bytes,
    );
    println!(
        "\n{quotations} quotations; MB/s of article text ({:.1} MB) for the engine and \
         the index, of the files ({:.1} MB) for loading and the command; the command's \
         time beyond its parts is process start and writing the JSON",
        text_bytes as f64 / 1e6,
        file_bytes as f64 / 1e6
    );
    println!(
        "command runs, wall s (CPU s): {}",
        cmd_runs
            .iter()
            .map(|s| format!("{:.2} ({:.2})", s.wall.as_secs_f64(), s.cpu.as_secs_f64()))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

/// The run of median wall time of `runs` calls of `f`, and the last result.
fn median_run<T>(runs: usize, mut f: impl FnMut() -> T) -> (Sample, T) {
    let mut samples = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        drop(last.take());
        let (t, c) = (Instant::now(), cpu_times().0);
        last = Some(f());
        samples.push(Sample {
            wall: t.elapsed(),
            cpu: cpu_times().0.saturating_sub(c),
        });
    }
    (median(&samples), last.expect("at least one run"))
}

/// The release binary's `quotes --json` on `dir`, output to /dev/null:
/// the run of median wall time, and every timed run.
fn command_runs(dir: &Path, runs: usize) -> (Sample, Vec<Sample>) {
    // No config file of the user's: an empty config directory.
    let config = tempfile::tempdir().expect("a config directory");
    let run = || {
        let (t, c) = (Instant::now(), cpu_times().1);
        let status = Command::new(env!("CARGO_BIN_EXE_saidso"))
            .args(["--no-state", "--no-cache", "quotes", "--json"])
            .arg(dir)
            .env("XDG_CONFIG_HOME", config.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .expect("the saidso binary runs");
        let wall = t.elapsed();
        assert!(status.success(), "saidso quotes --json failed: {status}");
        Sample {
            wall,
            cpu: cpu_times().1.saturating_sub(c),
        }
    };
    run(); // warm the page cache
    let all: Vec<Sample> = (0..runs).map(|_| run()).collect();
    (median(&all), all)
}

fn median(samples: &[Sample]) -> Sample {
    let mut sorted = samples.to_vec();
    sorted.sort_by_key(|s| s.wall);
    sorted[sorted.len() / 2]
}

/// CPU time (user + system) of this process, all threads, and of its
/// waited-for children, from /proc/self/stat (zero where there is none).
fn cpu_times() -> (Duration, Duration) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name in parentheses, from field 3 (state).
    let fields: Vec<u64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| {
            rest.split_whitespace()
                .map(|f| f.parse().unwrap_or(0))
                .collect()
        })
        .unwrap_or_default();
    let ticks = |from: usize| {
        let t = fields.get(from).copied().unwrap_or(0) + fields.get(from + 1).copied().unwrap_or(0);
        Duration::from_millis(t * 10) // USER_HZ is 100 on Linux
    };
    // utime, stime are fields 14 and 15; cutime, cstime 16 and 17.
    (ticks(11), ticks(13))
}

/// Bytes of the files directly in `dir`.
fn dir_bytes(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len() as usize)
                .sum()
        })
        .unwrap_or(0)
}
