//! Building the statements of a corpus, then its stories (`cargo bench
//! --bench statements`)
//! on the 20,000-article generated corpus the other benches use
//! (benches/support/corpus.rs: `SAIDSO_BENCH_CORPUS=DIR`, else generated
//! once into `target/bench-corpus/`): the time beside the time loading
//! takes, and the heap the build needs at its peak, per quotation.
//!
//! The heap is counted by a global allocator wrapping the system's: the
//! bytes allocated and not yet freed, and their peak during the build, so
//! the figure is the build's own working memory and its result.

mod support;

use std::time::{Duration, Instant};

use saidso::corpus::{Corpus, LoadRequest};
use saidso::library::{quote_all, refs};
use saidso::quotes::SpeakerIndex;

#[global_allocator]
static ALLOC: support::alloc::Counting = support::alloc::Counting;

const ARTICLES: usize = 20_000;

fn main() {
    let runs: usize = std::env::var("SAIDSO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let dir = support::corpus::generated_corpus(ARTICLES);
    saidso::corpus::cache::disable();
    let t = Instant::now();
    let corpus = Corpus::load(&LoadRequest::Paths(vec![dir.clone()]));
    let load = t.elapsed();
    let t = Instant::now();
    let quotes = quote_all(&corpus.articles);
    let quoting = t.elapsed();
    let refs = refs(&quotes);
    let index = SpeakerIndex::build(&refs);
    let quotations: usize = quotes.iter().map(|q| q.quotes.len()).sum();
    println!(
        "{} articles ({}), {quotations} quotations, {} speakers",
        corpus.articles.len(),
        dir.display(),
        index.speakers.len()
    );
    let mut times: Vec<Duration> = Vec::new();
    let mut peak = 0;
    let mut kept = 0;
    let mut built = None;
    for _ in 0..runs {
        drop(built.take());
        let before = support::alloc::start();
        let t = Instant::now();
        let s = saidso::statements::build(&corpus.articles, &refs, &index, &|| false);
        times.push(t.elapsed());
        peak = support::alloc::peak_since(before);
        kept = support::alloc::in_use().saturating_sub(before);
        built = s;
    }
    times.sort();
    let s = built.expect("not cancelled");
    let renderings: usize = s.statements.iter().map(|s| s.renderings.len()).sum();
    let wide = s.statements.iter().filter(|s| s.outlets.len() > 1).count();
    let median = times[times.len() / 2];
    println!(
        "statements: {} ({wide} in more than one outlet), {renderings} renderings",
        s.statements.len()
    );
    println!(
        "build        {:>8.1} ms  (median of {runs}; loading took {:.1} ms, finding quotations {:.1} ms on every core)",
        median.as_secs_f64() * 1e3,
        load.as_secs_f64() * 1e3,
        quoting.as_secs_f64() * 1e3
    );
    println!(
        "heap         {:>8.1} MB peak during the build, {:.1} MB kept ({:.0} / {:.0} bytes per quotation)",
        peak as f64 / 1e6,
        kept as f64 / 1e6,
        peak as f64 / quotations.max(1) as f64,
        kept as f64 / quotations.max(1) as f64
    );
    // The stories, from those statements (as the reader builds them, on
    // the same thread right after).
    let mut times: Vec<Duration> = Vec::new();
    let mut built = None;
    for _ in 0..runs {
        drop(built.take());
        let before = support::alloc::start();
        let t = Instant::now();
        let st = saidso::stories::build(&corpus.articles, &s, &index, &|| false);
        times.push(t.elapsed());
        peak = support::alloc::peak_since(before);
        built = st;
    }
    times.sort();
    let st = built.expect("not cancelled");
    let shared: Vec<usize> = st.shared().map(|s| s.articles.len()).collect();
    println!(
        "stories: {} of more than one article ({} articles in them, the largest {})",
        shared.len(),
        shared.iter().sum::<usize>(),
        shared.iter().max().copied().unwrap_or(0)
    );
    println!(
        "stories      {:>8.1} ms  (median of {runs}), {:.1} MB heap peak ({:.0} bytes per article)",
        times[times.len() / 2].as_secs_f64() * 1e3,
        peak as f64 / 1e6,
        peak as f64 / corpus.articles.len().max(1) as f64
    );
    drop(st);
    drop(s);
    filter_keys(corpus.articles);
}

/// The statements view's filter as typed, a key at a time, in the app
/// (the time of `update` for each key, which is what the user waits
/// for): the first key searches every statement, each next one what the
/// key before found.
fn filter_keys(articles: Vec<saidso::corpus::Article>) {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut app = saidso::tui::app::App::with_articles(articles, 160, 45);
    let key = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let statements = app.statements.as_ref().map_or(0, |s| s.statements.len());
    app.update(key('w'));
    // The first opening makes what the filter searches (once).
    let t = Instant::now();
    app.update(key('/'));
    app.update(key('x'));
    let first = t.elapsed();
    app.update(Event::Key(KeyEvent::new(
        KeyCode::Backspace,
        KeyModifiers::NONE,
    )));
    let query = "the west coop";
    let mut times = Vec::new();
    for c in query.chars() {
        let t = Instant::now();
        app.update(key(c));
        times.push(t.elapsed());
    }
    let shown = app.screen.statements().map_or(0, |v| v.visible.len());
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let each: Vec<String> = times.iter().map(|&d| format!("{:.1}", ms(d))).collect();
    println!(
        "statements filter: {statements} statements, first key {:.1} ms (with the search text made); \"{query}\" key by key: {} ms; {shown} shown",
        ms(first),
        each.join(" ")
    );
}
