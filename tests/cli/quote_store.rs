//! The quotation store, through the real binary: a second run reads every
//! article's quotations and the speakers from it and says exactly what a
//! run without it says; a changed article is quoted afresh; a damaged,
//! truncated or foreign store is refused with a note and made again.

use std::fs;
use std::path::{Path, PathBuf};

use super::load_cache::{corpus_and_cache, kept_file, run, run_in};

fn store_file(cache: &Path) -> PathBuf {
    kept_file(cache, "quotes-").expect("a quotation store was written")
}

#[test]
fn a_second_run_reads_the_store_and_says_what_a_fresh_run_says() {
    let (dir, cache) = corpus_and_cache();
    let d = dir.path().to_str().unwrap();
    let truth = run(cache.path(), &["--no-cache", "quotes", "--json", d]);
    let speakers = run(cache.path(), &["--no-cache", "speakers", d]);
    assert!(truth.contains("Sergei Lavrov"));
    assert!(
        fs::read_dir(cache.path().join("saidso")).map_or(true, |mut d| d.next().is_none()),
        "--no-cache writes no store"
    );
    assert_eq!(run(cache.path(), &["quotes", "--json", d]), truth);
    let file = store_file(cache.path());
    let written = fs::metadata(&file).unwrap().modified().unwrap();
    assert_eq!(run(cache.path(), &["quotes", "--json", d]), truth);
    assert_eq!(run(cache.path(), &["speakers", d]), speakers);
    assert_eq!(
        fs::metadata(&file).unwrap().modified().unwrap(),
        written,
        "nothing changed: the store is not written again"
    );

    // One article now quotes someone else: found afresh, the rest read.
    fs::write(
        dir.path().join("0042.txt"),
        "Port reopens\n\n“The harbour is open again,” said Ada Quartermain, the harbour master.\n",
    )
    .unwrap();
    let fresh = run(cache.path(), &["--no-cache", "quotes", "--json", d]);
    assert!(fresh.contains("Ada Quartermain"));
    assert_eq!(run(cache.path(), &["quotes", "--json", d]), fresh);
    assert_eq!(
        run(cache.path(), &["speakers", d]),
        run(cache.path(), &["--no-cache", "speakers", d])
    );
}

#[test]
fn a_damaged_or_truncated_store_is_refused_with_a_note_and_made_again() {
    let (dir, cache) = corpus_and_cache();
    let d = dir.path().to_str().unwrap();
    let args = ["quotes", "--json", d];
    let truth = run(cache.path(), &args);
    let file = store_file(cache.path());
    let good = fs::read(&file).unwrap();

    // Truncated (a crash mid-write that still got renamed, a full disk).
    fs::write(&file, &good[..good.len() / 2]).unwrap();
    let (out, err) = run_in(cache.path(), None, &args);
    assert_eq!(out, truth);
    assert!(
        err.contains("quotation store: torn or not a store; quotations are found again"),
        "{err}"
    );
    assert!(fs::read(&file).unwrap() == good, "made again, whole");

    // A name in an entry changed to an escape character: that entry fails
    // its checksum and the article is quoted afresh; nothing else is said.
    let mut evil = good.clone();
    let at = evil.windows(6).position(|w| w == b"Sergei").unwrap();
    evil[at] = 0x1b;
    fs::write(&file, &evil).unwrap();
    let (out, err) = run_in(cache.path(), None, &args);
    assert_eq!(out, truth);
    assert!(!out.contains('\u{1b}'));
    assert!(err.is_empty(), "{err}");
    assert!(fs::read(&file).unwrap() == good, "the entry made again");

    // Not a store at all.
    fs::write(&file, b"garbage").unwrap();
    let (out, err) = run_in(cache.path(), None, &args);
    assert_eq!(out, truth);
    assert!(err.contains("torn or not a store"), "{err}");
}
