//! Where benchmark corpora come from: `SAIDSO_BENCH_CORPUS` (a directory of
//! gen_corpus.py articles), else generated once, deterministically, into
//! `target/bench-corpus/` by ../shared/tools/gen_corpus.py (override the
//! script with `SAIDSO_GEN_CORPUS`).

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
    let dir = target
        .join("bench-corpus")
        .join(format!("articles-{articles}-seed1"));
    let done = dir.join(".complete");
    if done.exists() {
        return dir;
    }
    let script = std::env::var_os("SAIDSO_GEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/tools/gen_corpus.py"));
    eprintln!("generating {articles} articles into {} …", dir.display());
    let status = Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .args(["--articles", &articles.to_string(), "--seed", "1"])
        .status()
        .expect("python3 runs gen_corpus.py");
    assert!(status.success(), "gen_corpus.py failed");
    std::fs::write(&done, b"").expect("target/ is writable");
    dir
}
