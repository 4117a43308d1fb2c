//! The search index store through the real binary: `search` keeps the
//! index of a large corpus, a second run searches the kept index and says
//! exactly what a run without any cache says, an edited file is found in
//! its new words, and a damaged store is said, not believed, and made
//! again.

use std::fs;

use super::load_cache::{corpus_and_cache, kept_file, run, run_in};

#[test]
fn search_keeps_its_index_reads_it_back_and_rebuilds_a_damaged_one() {
    let (dir, cache) = corpus_and_cache();
    let d = dir.path().to_str().unwrap();
    let fresh = run(
        cache.path(),
        &["--no-cache", "search", "--json", "lavrov day 7", d],
    );
    assert!(fresh.contains("day 7"), "{fresh}");
    assert_eq!(
        run(cache.path(), &["search", "--json", "lavrov day 7", d]),
        fresh
    );
    let store = kept_file(cache.path(), "index-").expect("the index was kept");
    let good = fs::read(&store).unwrap();
    // Read back: the same answer, and the store is not rewritten.
    let (again, note) = run_in(cache.path(), None, &["search", "--json", "lavrov day 7", d]);
    assert_eq!(again, fresh);
    assert!(note.is_empty(), "{note}");
    assert_eq!(fs::read(&store).unwrap(), good);

    // An edited file: its new words are found, from its own new segment.
    fs::write(
        dir.path().join("0003.txt"),
        "Talks resume\n\n“The quartermaster counted twice,” Ann Lee said.\n",
    )
    .unwrap();
    let found = run(cache.path(), &["search", "--json", "'quartermaster", d]);
    assert!(found.contains("0003.txt"), "{found}");
    assert_ne!(
        fs::read(&store).unwrap(),
        good,
        "the store follows the change"
    );

    // Torn: refused with a note naming it, the answer unchanged, made again.
    let whole = fs::read(&store).unwrap();
    fs::write(&store, &whole[..whole.len() / 2]).unwrap();
    let (out, note) = run_in(
        cache.path(),
        None,
        &["search", "--json", "'quartermaster", d],
    );
    assert_eq!(out, found);
    assert!(
        note.contains("search index store: torn or not a store"),
        "{note}"
    );
    assert!(note.contains(&*store.to_string_lossy()), "{note}");
    assert_eq!(fs::read(&store).unwrap(), whole, "made again, whole");
}
