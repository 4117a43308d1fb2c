//! The load cache written by a process killed (SIGKILL) at a different
//! moment each time: what is on disk afterwards is one whole cache, every
//! entry of one round, or none; never a torn one that is believed.

use std::thread;
use std::time::Duration;

use saidso::corpus::cache::{CacheWriter, FileResult, FileStamp, LoadCache};
use saidso::corpus::{Origin, assemble::article_from_bytes};

use crate::support::child::spawn_test;

const ENDLESS_ENV: &str = "SAIDSO_CACHE_TEST_ENDLESS";
const KEY: &str = "killtest";
const ENTRIES: usize = 400;
const ROUNDS: u64 = 2_000;

fn stamp(i: usize) -> FileStamp {
    FileStamp {
        size: i as u64,
        mtime_ns: 1,
    }
}

/// Entry `i` of round `round`: its text says both.
fn entry(i: usize, round: u64) -> FileResult {
    let text = format!(
        "Round {round} file {i}\n\n“We are ready,” Ann Lee said in round {round}.\n\n{}\n",
        "Filler words to make the entry longer. ".repeat(20)
    );
    FileResult {
        articles: vec![article_from_bytes(
            format!("{i}.txt"),
            Origin::Embedded,
            text.as_bytes(),
        )],
        problems: Vec::new(),
    }
}

/// Run as a child process: write a whole new cache, round after round.
#[test]
fn child_process_endless_cache_writer() {
    let Ok(dir) = std::env::var(ENDLESS_ENV) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    for round in 0..ROUNDS {
        let old = LoadCache::open(&dir, KEY);
        let mut w = CacheWriter::new(&old);
        for i in 0..ENTRIES {
            w.fresh(&format!("{i}.txt"), stamp(i), &entry(i, round));
        }
        w.finish(ENTRIES).unwrap();
    }
}

#[test]
fn a_cache_writer_killed_mid_write_leaves_one_whole_cache_or_none() {
    let mut seen_rounds = Vec::new();
    for attempt in 0..10u64 {
        let dir = tempfile::tempdir().unwrap();
        let mut child = spawn_test(
            "cache_kill::child_process_endless_cache_writer",
            ENDLESS_ENV,
            dir.path(),
        );
        thread::sleep(Duration::from_millis(120 + attempt * 41));
        child.kill().unwrap();
        let _ = child.wait();

        let cache = LoadCache::open(dir.path(), KEY);
        if cache.is_empty() {
            // Killed before the first rename: nothing believed, all read
            // afresh.
            seen_rounds.push(None);
            continue;
        }
        assert_eq!(cache.len(), ENTRIES, "attempt {attempt}: a partial index");
        let round_of = |i: usize| {
            let got = cache
                .get(&format!("{i}.txt"), stamp(i))
                .unwrap_or_else(|| panic!("attempt {attempt}: entry {i} refused"));
            let title = got.articles[0].title.clone();
            let round: u64 = title
                .strip_prefix("Round ")
                .and_then(|t| t.split(' ').next())
                .and_then(|r| r.parse().ok())
                .unwrap_or_else(|| panic!("attempt {attempt}: {title}"));
            assert_eq!(got.articles[0].text, entry(i, round).articles[0].text);
            round
        };
        let round = round_of(0);
        for i in 1..ENTRIES {
            assert_eq!(round_of(i), round, "attempt {attempt}: rounds mixed");
        }
        seen_rounds.push(Some(round));
        // Killed writers' temporary files: gone by the next write.
        let old = LoadCache::open(dir.path(), KEY);
        let mut w = CacheWriter::new(&old);
        w.fresh("0.txt", stamp(0), &entry(0, 99_999));
        w.finish(ENTRIES).unwrap();
        let files = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(files, 1, "attempt {attempt}: temporary files left");
    }
    assert!(
        seen_rounds.iter().any(Option::is_some),
        "no cache was ever written: {seen_rounds:?}"
    );
}
