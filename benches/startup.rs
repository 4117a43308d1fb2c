//! Time to first frame, time until the corpus has loaded, time until every
//! quotation and the speakers are in (`@name` and the speakers view work),
//! and peak memory of the real binary in a pseudo-terminal, for the
//! bundled articles and generated directories, cold (no load cache, no
//! quotation store) and reopened (both filled by a first run).
//!
//! `cargo bench --bench startup` (set SAIDSO_BENCH_RUNS for more runs;
//! SAIDSO_BENCH_SIZES for other corpora, in articles: "2000,20000,100000").

#[path = "../tests/support/pty.rs"]
#[allow(dead_code)]
mod pty;
mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::Pty;

struct Run {
    first_frame: Duration,
    loaded: Duration,
    speakers: Duration,
    peak_rss_kb: u64,
    /// Private (anonymous) memory once the speakers are in: the heap,
    /// without the mapped load cache and index store, which are page
    /// cache the kernel can drop and read again.
    private_kb: u64,
}

fn run_once(args: &[&str], env: &[(&str, &str)]) -> Run {
    let start = Instant::now();
    let mut p = Pty::spawn(args, 120, 40, env, Path::new("/"));
    // When each frame arrived, not when a poll saw it.
    let first_frame = p.wait_for_at("a first frame", |s| s.contains("Articles (")) - start;
    let loaded = p.wait_for_at("loading to finish", |s| {
        s.contains("Articles (") && !s.contains("loading")
    }) - start;
    let speakers = p.wait_for_at("the speakers", |s| {
        s.contains("Articles (") && !s.contains("loading") && !s.contains("finding quotations")
    }) - start;
    let pid = p.pid().expect("a pid");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| -> u64 {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let (peak_rss_kb, private_kb) = (field("VmHWM:"), field("RssAnon:"));
    p.keys("q");
    p.wait_exit();
    Run {
        first_frame,
        loaded,
        speakers,
        peak_rss_kb,
        private_kb,
    }
}

fn report(name: &str, args: &[&str], env: &[(&str, &str)], runs: usize) {
    let mut all: Vec<Run> = (0..runs).map(|_| run_once(args, env)).collect();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let mut ff: Vec<f64> = all
        .iter()
        .map(|r| r.first_frame.as_secs_f64() * 1e3)
        .collect();
    let mut ld: Vec<f64> = all.iter().map(|r| r.loaded.as_secs_f64() * 1e3).collect();
    let mut sp: Vec<f64> = all.iter().map(|r| r.speakers.as_secs_f64() * 1e3).collect();
    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let mut private: Vec<f64> = all.iter().map(|r| r.private_kb as f64 / 1024.0).collect();
    all.sort_by_key(|r| r.peak_rss_kb);
    println!(
        "{name:<34} first frame {:>6.1} ms   loaded {:>7.1} (min {:>7.1}) ms   speakers {:>7.1} (min {:>7.1}) ms   peak RSS {:>6.1} MB   private {:>6.1} MB   (median of {runs})",
        median(&mut ff),
        median(&mut ld),
        min(&ld),
        median(&mut sp),
        min(&sp),
        all[all.len() / 2].peak_rss_kb as f64 / 1024.0,
        median(&mut private)
    );
}

fn main() {
    let runs: usize = std::env::var("SAIDSO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    report("bundled (5 articles)", &[], &[], runs);
    let sizes = std::env::var("SAIDSO_BENCH_SIZES").unwrap_or_else(|_| "20000".into());
    for n in sizes
        .split(',')
        .filter_map(|n| n.trim().parse::<usize>().ok())
    {
        corpus(n, runs);
    }
}

/// `n` generated articles, cold then reopened.
fn corpus(n: usize, runs: usize) {
    let dir = support::corpus::generated_corpus(n);
    let bytes: u64 = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    let name = format!("{n} articles ({} MB)", bytes / 1_000_000);
    let args = [dir.to_str().expect("utf-8 path")];
    // Without a load cache or quotation store (the harness points them
    // nowhere), then with both filled by a first run, as every start after
    // the first is.
    report(&format!("{name}, cold"), &args, &[], runs);
    let cache = tempfile::tempdir().expect("a cache directory");
    let env = [("XDG_CACHE_HOME", cache.path().to_str().expect("utf-8 path"))];
    run_once(&args, &env);
    report(&format!("{name}, reopened"), &args, &env, runs);
}
