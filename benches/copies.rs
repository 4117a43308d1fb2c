//! Wire copies of 20,000 articles (`cargo bench --bench copies`): the time
//! and the memory of `saidso::copies::find_copies`, beside the time
//! loading the same corpus takes (the reader builds copies in the
//! background after loading, so it should take less).
//!
//! The corpus is gen_corpus.py's 20,000 articles (benches/support/corpus.rs:
//! `SAIDSO_BENCH_CORPUS=DIR`, else generated once into
//! `target/bench-corpus/`). Its articles recombine the same seed sentences,
//! so many share sentences and paragraphs but none is a copy: the
//! candidates the bands let through are all rejected by the exact check.
//! A second run replaces every tenth article with a copy of an earlier one
//! (headline changed, a body paragraph cut), so the groups are built too.
//!
//! Memory is what the build allocates at its peak beyond what was allocated
//! before it (a counting allocator), and the process's peak RSS beside it.
//! Each time is the median of `SAIDSO_BENCH_RUNS` runs (default 3).

mod support;

use std::time::{Duration, Instant};

use saidso::copies::find_copies;
use saidso::corpus::{Article, Corpus, LoadRequest, ParagraphKind};

const ARTICLES: usize = 20_000;

#[global_allocator]
static ALLOC: support::alloc::Counting = support::alloc::Counting;

fn main() {
    let runs: usize = std::env::var("SAIDSO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let dir = support::corpus::generated_corpus(ARTICLES);
    println!("corpus: {}", dir.display());
    saidso::corpus::cache::disable();

    let mut loads = Vec::new();
    let mut corpus = None;
    for _ in 0..runs {
        drop(corpus.take());
        let t = Instant::now();
        corpus = Some(Corpus::load(&LoadRequest::Paths(vec![dir.clone()])));
        loads.push(t.elapsed());
    }
    let articles = corpus.expect("at least one run").articles;
    let text: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "{} articles, {:.1} MB of article text; median of {runs} runs, {} threads",
        articles.len(),
        text as f64 / 1e6,
        rayon::current_num_threads()
    );
    println!(
        "\n{:<46} {:>8} {:>10} {:>7} {:>7}",
        "", "wall s", "peak MB", "groups", "copies"
    );
    println!(
        "{:<46} {:>8.2}",
        "loading the corpus (no cache)",
        median(&mut loads).as_secs_f64()
    );
    measure("copies: the generated articles", &articles, runs);
    let with_copies = with_copies(&articles);
    measure("copies: every tenth a copy of another", &with_copies, runs);
    println!(
        "\npeak MB: allocated by the build beyond the corpus; process peak RSS {} MB",
        peak_rss_kb() / 1024
    );
}

/// Time and peak memory of `find_copies` on `articles`, and a line of them.
fn measure(what: &str, articles: &[Article], runs: usize) {
    let mut times = Vec::new();
    let mut peak = 0;
    let mut found = None;
    for _ in 0..runs {
        drop(found.take());
        let before = support::alloc::start();
        let t = Instant::now();
        found = Some(find_copies(articles));
        times.push(t.elapsed());
        peak = peak.max(support::alloc::peak_since(before));
    }
    let found = found.expect("at least one run");
    println!(
        "{what:<46} {:>8.2} {:>10.1} {:>7} {:>7}",
        median(&mut times).as_secs_f64(),
        peak as f64 / 1e6,
        found.groups.len(),
        found.copies()
    );
}

/// The corpus with every tenth article (from the tenth) replaced by a copy
/// of the article seven before it: a new headline, its second body
/// paragraph cut.
fn with_copies(articles: &[Article]) -> Vec<Article> {
    let mut out = articles.to_vec();
    for i in (10..out.len()).step_by(10) {
        let mut copy = articles[i - 7].clone();
        copy.path = format!("copy-of-{}", copy.path);
        copy.title = format!("Copy: {}", copy.title);
        if let Some(k) = copy
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == ParagraphKind::Body)
            .nth(1)
            .map(|(k, _)| k)
        {
            let mut kept = copy.paragraphs.to_vec();
            kept.remove(k);
            copy.paragraphs = kept.into();
        }
        out[i] = copy;
    }
    out
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
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
