//! The quotation store end to end: the real binary in a pseudo-terminal
//! with XDG_CACHE_HOME in a temporary directory. Quitting as soon as the
//! speakers are in still leaves a store; a truncated store (quotations,
//! derived, search index) is said on the status line and in the problems
//! list, and made again.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::pty::Pty;

/// Enough files for a store (the threshold is 256).
fn corpus(dir: &Path) {
    for i in 0..260 {
        fs::write(
            dir.join(format!("{i:04}.txt")),
            format!(
                "Talks resume in city {i}\n\n“We are ready to talk,” Sergei Lavrov said on day {i}.\n\nThe talks went on.\n"
            ),
        )
        .unwrap();
    }
}

/// The store file whose name starts with `prefix`.
fn store_file(cache: &Path, prefix: &str) -> Option<PathBuf> {
    fs::read_dir(cache.join("saidso"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
}

/// Start the reader and wait until every quotation and the speakers are in.
fn open(dir: &Path, cache: &Path) -> Pty {
    let env = [("XDG_CACHE_HOME", cache.to_str().unwrap())];
    let pty = Pty::spawn(&[dir.to_str().unwrap()], 120, 30, &env, Path::new("/"));
    pty.wait_for("the speakers", |s| {
        s.contains("Articles (") && !s.contains("loading") && !s.contains("finding quotations")
    });
    pty
}

#[test]
fn quitting_once_the_speakers_are_in_leaves_a_store_and_a_torn_one_is_made_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let mut pty = open(dir.path(), cache.path());
    // The statements, stories and copies are kept once built.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while store_file(cache.path(), "derived-").is_none() {
        assert!(std::time::Instant::now() < deadline, "no derived store");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    let file = store_file(cache.path(), "quotes-").expect("a store was written before exit");
    let good = fs::read(&file).unwrap();
    let derived = store_file(cache.path(), "derived-").unwrap();
    let derived_good = fs::read(&derived).unwrap();
    let index = store_file(cache.path(), "index-").expect("the search index was kept");
    let index_good = fs::read(&index).unwrap();

    fs::write(&file, &good[..good.len() / 3]).unwrap();
    fs::write(&derived, &derived_good[..derived_good.len() / 2]).unwrap();
    fs::write(&index, &index_good[..index_good.len() / 2]).unwrap();
    let mut pty = open(dir.path(), cache.path());
    pty.wait_text("quotation store · derived store");
    pty.keys("!");
    pty.wait_text("quotation store: torn or not a store");
    pty.wait_text("quotations are found again and the store rebuilt");
    pty.wait_text("derived store: torn or not a store");
    pty.wait_text("statements, stories and copies are built again");
    pty.wait_text("search index store: torn or not a store");
    pty.wait_text("the index is built again and the store rebuilt");
    pty.keys("q");
    pty.keys("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(fs::read(&file).unwrap() == good, "made again, whole");
    assert!(fs::read(&index).unwrap() == index_good, "the index too");
}
