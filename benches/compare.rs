//! Benchmark of comparing two large articles (`cargo bench --bench compare`).
//!
//! Two ~1 MB single-article files are generated once, deterministically
//! (seeds 1 and 2), by gen_corpus.py `--single-file` into
//! `target/bench-corpus/`, or taken from `SAIDSO_BENCH_COMPARE=A,B`.
//! Reports the time to find each article's quotations (the quotes engine,
//! not the comparison), then `compare` on the pair — median and worst of
//! `SAIDSO_BENCH_RUNS` runs (default 10) — and the word diff of every pair.

use std::path::PathBuf;
use std::time::{Duration, Instant};

mod support;

use saidso::compare::{Comparison, compare};
use saidso::corpus::{Article, Corpus, LoadRequest};
use saidso::quotes::find_quotes;

fn main() {
    let [a, b] = articles();
    for art in [&a, &b] {
        println!("{}: {} bytes", art.path, art.text.len());
    }
    let t = Instant::now();
    let (aq, bq) = (find_quotes(&a), find_quotes(&b));
    println!(
        "find_quotes on both: {:.1} ms ({} and {} quotations, {} and {} speakers)",
        ms(t.elapsed()),
        aq.quotes.len(),
        bq.quotes.len(),
        aq.speakers.len(),
        bq.speakers.len()
    );
    let runs: usize = std::env::var("SAIDSO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10)
        .max(1);
    let mut times = Vec::new();
    let mut last = Comparison::default();
    for _ in 0..runs {
        let t = Instant::now();
        last = compare(&a, &aq, &b, &bq);
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "compare: median {:.1} ms, worst {:.1} ms over {runs} runs; {} pairs in {} groups, {} left only, {} right only",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        last.pairs.len(),
        last.groups.count,
        last.left_only.len(),
        last.right_only.len()
    );
    let t = Instant::now();
    let self_cmp = compare(&a, &aq, &a, &aq);
    println!(
        "compare with itself: {:.1} ms; {} pairs",
        ms(t.elapsed()),
        self_cmp.pairs.len()
    );
    let t = Instant::now();
    let ops: usize = last
        .pairs
        .iter()
        .map(|p| Comparison::pair_diff(p, &a, &aq, &b, &bq).len())
        .sum();
    println!(
        "word diff of all {} pairs: {:.1} ms ({ops} ops)",
        last.pairs.len(),
        ms(t.elapsed())
    );
    repeated();
}

/// The worst case for pairing: one statement printed thousands of times in
/// both articles (a feed dump, a page saved over and over), which an
/// all-with-all pairing turns into millions of pairs.
fn repeated() {
    let article = |who: &str| {
        let mut text = String::from("Repeated headline\n\n");
        let mut n = 0;
        while text.len() < 2_000_000 {
            n += 1;
            text.push_str(&format!(
                "Paragraph {n} says that “the talks went on,” a spokesperson said, and the {who} added that more would follow.\n\n"
            ));
        }
        saidso::corpus::assemble::article_from_bytes(
            format!("repeated-{who}.txt"),
            saidso::corpus::Origin::Stdin,
            text.as_bytes(),
        )
    };
    let (a, b) = (article("minister"), article("official"));
    let t = Instant::now();
    let (aq, bq) = (find_quotes(&a), find_quotes(&b));
    let found = t.elapsed();
    let t = Instant::now();
    let cmp = compare(&a, &aq, &b, &bq);
    println!(
        "one statement repeated, 2 MB each: find_quotes {:.1} ms ({} quotations each), compare {:.1} ms; {} pairs",
        ms(found),
        aq.quotes.len(),
        ms(t.elapsed()),
        cmp.pairs.len()
    );
}

/// The two articles to compare.
fn articles() -> [Article; 2] {
    let paths: Vec<PathBuf> = match std::env::var("SAIDSO_BENCH_COMPARE") {
        Ok(list) => list.split(',').map(PathBuf::from).collect(),
        Err(_) => vec![
            support::corpus::single_article(1, 1),
            support::corpus::single_article(1, 2),
        ],
    };
    let mut corpus = Corpus::load(&LoadRequest::Paths(paths));
    for p in &corpus.problems {
        eprintln!("{p}");
    }
    assert!(corpus.articles.len() >= 2, "two articles to compare");
    let b = corpus.articles.swap_remove(1);
    let a = corpus.articles.swap_remove(0);
    [a, b]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
