//! Where benchmark corpora come from: `SAIDSO_BENCH_CORPUS` (a directory of
//! gen_corpus.py articles), else generated once, deterministically, into
//! `target/bench-corpus/` by ../shared/tools/gen_corpus.py (override the
//! script with `SAIDSO_GEN_CORPUS`). The same run writes every paragraph
//! as one line of `lines-N-seed1.txt`, which is what `fzf --filter` gets in
//! benches/fzf_compare.sh.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A directory of `articles` generated articles (seed 1), made if needed.
pub fn generated_corpus(articles: usize) -> PathBuf {
    if let Some(dir) = std::env::var_os("SAIDSO_BENCH_CORPUS") {
        return PathBuf::from(dir);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let cache = target.join("bench-corpus");
    let dir = cache.join(format!("articles-{articles}-seed1"));
    let done = cache.join(format!("articles-{articles}-seed1.complete"));
    if done.exists() {
        return dir;
    }
    let script = std::env::var_os("SAIDSO_GEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/tools/gen_corpus.py"));
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
