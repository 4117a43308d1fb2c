//! What the reader's UI thread spends on long inputs, key by key
//! (`cargo bench --bench reader`): opening a 20 MB article (gen_corpus.py
//! `--single-file`), going back to it, and the speakers view of a speaker
//! with 12,000 quotations. Each figure is the time `App::update` takes for
//! the key, which is what the user waits for; work handed to a thread is
//! timed on its own. Median of `SAIDSO_BENCH_RUNS` runs (default 5).

#[path = "../tests/support/keys.rs"]
mod keys;
mod support;

use std::time::{Duration, Instant};

use saidso::corpus::{Article, Corpus, LoadRequest};
use saidso::tui::app::App;

fn main() {
    let runs: usize = std::env::var("SAIDSO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(1);
    long_article(runs);
    big_speaker(runs);
}

/// The bundled articles and a 20 MB one: select it, leave, come back.
fn long_article(runs: usize) {
    let path = support::corpus::single_article(20, 1);
    let mut corpus = Corpus::load(&LoadRequest::Paths(vec![path]));
    let long = corpus.articles.remove(0);
    println!("long article: {} bytes", long.text.len());
    let mut articles = Corpus::embedded().articles;
    articles.insert(1, long);
    let t = Instant::now();
    let mut app = App::with_articles(articles, 120, 40);
    println!(
        "  quotations of every article (a thread's work): {:.0} ms",
        ms(t.elapsed())
    );
    let mut first = Vec::new();
    let mut back = Vec::new();
    for _ in 0..runs {
        app.layouts_forget();
        first.push(timed(&mut app, "j"));
        app.run_layout_jobs();
        timed(&mut app, "k");
        back.push(timed(&mut app, "j"));
        timed(&mut app, "k");
    }
    println!("  select it (UI thread):     {:.1} ms", median(&mut first));
    println!("  select it again (UI):      {:.1} ms", median(&mut back));
    let mut job = Vec::new();
    for _ in 0..runs {
        app.layouts_forget();
        keys::keys(&mut app, "j");
        let t = Instant::now();
        app.run_layout_jobs();
        job.push(t.elapsed().as_secs_f64() * 1e3);
        keys::keys(&mut app, "k");
    }
    println!("  its layout (a thread):     {:.1} ms", median(&mut job));
}

/// 1,200 articles, each with ten quotations of one speaker: the speakers
/// view, that speaker selected, moving through the quotations.
fn big_speaker(runs: usize) {
    let dir = tempfile_dir();
    for i in 0..1200 {
        let mut text = format!("Talks on point {i} resume\n\nBy Ann Lee\n\n");
        for k in 0..10 {
            text.push_str(&format!(
                "“We will speak about item {k} of round {i} and nothing else,” Sergei Lavrov said on day {k}.\n\nThe meeting went on for {k} hours.\n\n"
            ));
        }
        std::fs::write(dir.join(format!("{i:05}.txt")), text).expect("a temp dir");
    }
    let articles: Vec<Article> = Corpus::load(&LoadRequest::Paths(vec![dir.clone()])).articles;
    let mut app = App::with_articles(articles, 120, 40);
    let n = app.speakers.as_ref().map_or(0, |s| {
        s.speakers.iter().map(|s| s.quotes.len()).max().unwrap_or(0)
    });
    println!("speaker with {n} quotations:");
    let mut open = Vec::new();
    let mut step = Vec::new();
    let mut end = Vec::new();
    for _ in 0..runs {
        open.push(timed(&mut app, "s"));
        step.push(timed(&mut app, "<tab>j"));
        end.push(timed(&mut app, "G"));
        keys::keys(&mut app, "<esc><esc>");
    }
    println!("  open the speakers view:    {:.1} ms", median(&mut open));
    println!("  to the quotations, j:      {:.1} ms", median(&mut step));
    println!("  G (last quotation):        {:.1} ms", median(&mut end));
    let _ = std::fs::remove_dir_all(dir);
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("saidso-bench-reader-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    dir
}

fn timed(app: &mut App, script: &str) -> f64 {
    let t = Instant::now();
    keys::keys(app, script);
    ms(t.elapsed())
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
