//! Where benchmark corpora come from: `SAIDSO_BENCH_CORPUS` (a directory of
//! gen_corpus.py articles), else generated once, deterministically, into
//! `target/bench-corpus/` by ../shared/tools/gen_corpus.py (override the
//! script with `SAIDSO_GEN_CORPUS`). The same run writes every paragraph
//! as one line of `lines-N-seed1.txt`, which is what `fzf --filter` gets in
//! benches/fzf_compare.sh.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `target/bench-corpus/` (under `CARGO_TARGET_DIR` when set).
fn cache_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
        .join("bench-corpus")
}

/// gen_corpus.py, or `SAIDSO_GEN_CORPUS`.
fn script() -> PathBuf {
    std::env::var_os("SAIDSO_GEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/gen_corpus.py")
        })
}

/// One generated article of about `megabytes` MB for `seed`, made once.
pub fn single_article(megabytes: u32, seed: u32) -> PathBuf {
    let dir = cache_dir();
    let path = dir.join(format!("single-{megabytes}mb-seed{seed}.txt"));
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&dir).expect("target/ is writable");
    // Written under a temporary name so an interrupted run is not reused.
    let partial = path.with_extension("partial");
    let status = Command::new("python3")
        .arg(script())
        .arg("--single-file")
        .arg(&partial)
        .args(["--mb", &megabytes.to_string(), "--seed", &seed.to_string()])
        .status()
        .expect("python3 runs gen_corpus.py");
    assert!(status.success(), "gen_corpus.py failed");
    std::fs::rename(&partial, &path).expect("target/ is writable");
    path
}

/// A directory of `articles` generated articles (seed 1), made if needed.
pub fn generated_corpus(articles: usize) -> PathBuf {
    if let Some(dir) = std::env::var_os("SAIDSO_BENCH_CORPUS") {
        return PathBuf::from(dir);
    }
    let cache = cache_dir();
    let dir = cache.join(format!("articles-{articles}-seed1"));
    let done = cache.join(format!("articles-{articles}-seed1.complete"));
    if done.exists() {
        return dir;
    }
    let script = script();
    eprintln!(
        "generating {articles} articles with {} (once)…",
        script.display()
    );
    let status = Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .args(["--articles", &articles.to_string(), "--seed", "1"])
        .arg("--lines")
        .arg(cache.join(format!("lines-{articles}-seed1.txt")))
        .status()
        .expect("python3 runs gen_corpus.py");
    assert!(status.success(), "gen_corpus.py failed");
    std::fs::write(&done, b"").expect("target/ is writable");
    dir
}
