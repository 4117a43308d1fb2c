//! Keystroke benchmark of the filter worker (`cargo bench --bench filter`).
//!
//! Types "lavrov", "sanctions china", "tiger bell" and "xqzv" one
//! character at a time into a [`FilterWorker`] over the 10 MB (2,000
//! articles) and 100 MB (20,000 articles) corpora of gen_corpus.py, waiting
//! for each keystroke's final ranking before the next, as a reader who
//! looks at the list would. Reports, per keystroke, the time from submit to
//! the first (partial) event and to the complete ranking, p50/p95 over all
//! keystrokes and over those that extend the previous query, then memory.
//!
//! The corpus: `SAIDSO_BENCH_CORPUS=DIR` (the 20,000-article directory of
//! gen_corpus.py; its first 2,000 files are the 10 MB corpus), else it is
//! generated once, deterministically (seed 1), into
//! `target/bench-corpus/articles-20000-seed1` by
//! `SAIDSO_GEN_CORPUS` (default `../shared/tools/gen_corpus.py`).
//! `SAIDSO_BENCH_RUNS` sets how many times the queries are typed (3);
//! `SAIDSO_BENCH_SIZES` which corpus sizes, in articles ("2000,20000");
//! `SAIDSO_BENCH_PROFILE=QUERY` only runs `search(QUERY)` twenty times over
//! the whole corpus, for a profiler.

use std::sync::mpsc;
use std::time::{Duration, Instant};

mod support;

use saidso::corpus::{Article, Corpus, LoadRequest};
use saidso::search::{FilterEvent, FilterWorker, IndexSegment, SearchIndex, parse, search};

const QUERIES: &[&str] = &["lavrov", "sanctions china", "tiger bell", "xqzv"];
const ARTICLES: usize = 20_000;

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported.
    // SAIDSO_BENCH_SIZES: how many of the articles to type over, each a
    // corpus of its own ("2000,20000,100000"); the largest is generated.
    let sizes: Vec<usize> = std::env::var("SAIDSO_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![2_000, ARTICLES]);
    let largest = sizes.iter().copied().max().unwrap_or(ARTICLES);
    let dir = support::corpus::generated_corpus(largest);
    println!("corpus: {}", dir.display());
    let t = Instant::now();
    let corpus = Corpus::load(&LoadRequest::Paths(vec![dir]));
    println!(
        "loaded {} articles in {:.1} s (corpus loading, not the filter)",
        corpus.articles.len(),
        t.elapsed().as_secs_f64()
    );
    if let Ok(q) = std::env::var("SAIDSO_BENCH_PROFILE") {
        let index = SearchIndex::from_articles(&corpus.articles);
        let t = Instant::now();
        for _ in 0..20 {
            search(&index, &parse(&q), 100);
        }
        println!("search({q:?}): {:.1} ms each", ms(t.elapsed()) / 20.0);
        return;
    }
    let runs: usize = std::env::var("SAIDSO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    for n in sizes {
        let articles = &corpus.articles[..n.min(corpus.articles.len())];
        bench_size(articles, runs);
    }
    println!(
        "\nprocess peak RSS (VmHWM): {} MB, all articles and indexes included",
        peak_rss_kb() / 1024
    );
}

struct Sample {
    query: String,
    extends: bool,
    first: Duration,
    complete: Duration,
    matched: usize,
}

fn bench_size(articles: &[Article], runs: usize) {
    let text_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "\n== {} articles, {:.1} MB of text ==",
        articles.len(),
        text_bytes as f64 / 1e6
    );

    // The loader's share: segments are built off the worker and the UI.
    let t = Instant::now();
    let segments: Vec<IndexSegment> = articles.chunks(500).map(IndexSegment::build).collect();
    let build = t.elapsed();
    let mut probe = SearchIndex::new();
    for s in segments.iter().cloned() {
        probe.append(s);
    }
    println!(
        "index: {:.1} MB = {:.2}× the text; built in {} ms on one thread (loader side)",
        probe.bytes() as f64 / 1e6,
        probe.bytes() as f64 / text_bytes as f64,
        build.as_millis()
    );

    // The synchronous engine on whole queries (the CLI path, minus loading).
    for q in QUERIES {
        let t = Instant::now();
        let hits = search(&probe, &parse(q), 20);
        let total = search(&probe, &parse(q), usize::MAX).len();
        println!(
            "search({q:?}): {} ms for top 20, {} articles match",
            t.elapsed().as_millis() / 2,
            total
        );
        drop(hits);
    }
    drop(probe);

    let (tx, rx) = mpsc::channel::<(Instant, FilterEvent)>();
    let worker = FilterWorker::spawn(move |e| {
        let _ = tx.send((Instant::now(), e));
    });
    for s in segments {
        worker.append(s);
    }
    // Settle: an empty query answers once every segment is in.
    let g = worker.submit("");
    wait_complete(&rx, g);

    let mut samples = Vec::new();
    for _ in 0..runs {
        for q in QUERIES {
            let chars: Vec<char> = q.chars().collect();
            for end in 1..=chars.len() {
                let typed: String = chars[..end].iter().collect();
                let t = Instant::now();
                let g = worker.submit(&typed);
                let (first, complete, matched) = wait_complete(&rx, g);
                samples.push(Sample {
                    query: typed,
                    extends: end > 1,
                    first: first - t,
                    complete: complete - t,
                    matched,
                });
            }
            // The reader clears the prompt before the next query.
            let g = worker.submit("");
            wait_complete(&rx, g);
        }
    }

    println!("\nper keystroke (first run; ms to first event / to complete ranking; matches):");
    let per_run = samples.len() / runs.max(1);
    for s in &samples[..per_run] {
        println!(
            "  {:<18} {:>7.1} {:>7.1} {:>6}",
            format!("{:?}", s.query),
            ms(s.first),
            ms(s.complete),
            s.matched
        );
    }
    let summary = |label: &str, pick: &dyn Fn(&Sample) -> bool| {
        let chosen: Vec<&Sample> = samples.iter().filter(|s| pick(s)).collect();
        let mut first: Vec<Duration> = chosen.iter().map(|s| s.first).collect();
        let mut complete: Vec<Duration> = chosen.iter().map(|s| s.complete).collect();
        println!(
            "  {label:<28} n={:<4} first p50 {:>6.1} p95 {:>6.1} | complete p50 {:>6.1} p95 {:>6.1} max {:>6.1}",
            chosen.len(),
            ms(pct(&mut first, 50)),
            ms(pct(&mut first, 95)),
            ms(pct(&mut complete, 50)),
            ms(pct(&mut complete, 95)),
            ms(pct(&mut complete, 100)),
        );
    };
    println!("\nsummary over {runs} runs (ms):");
    summary("all keystrokes", &|_| true);
    summary("extending the previous query", &|s| s.extends);
    summary("first character (fresh scan)", &|s| !s.extends);
}

/// Wait for generation `g` to complete: (first event, complete event,
/// matched articles). Events of older generations are dropped, as the UI
/// does.
fn wait_complete(rx: &mpsc::Receiver<(Instant, FilterEvent)>, g: u64) -> (Instant, Instant, usize) {
    let mut first = None;
    loop {
        let (at, e) = rx.recv().expect("the worker is alive");
        if e.generation != g {
            continue;
        }
        let first = *first.get_or_insert(at);
        if e.complete {
            return (first, at, e.matched_articles);
        }
    }
}

fn pct(v: &mut [Duration], p: usize) -> Duration {
    if v.is_empty() {
        return Duration::ZERO;
    }
    v.sort();
    let i = ((v.len() - 1) * p).div_ceil(100);
    v[i.min(v.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Peak resident set size of this process, from /proc (0 elsewhere).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}
