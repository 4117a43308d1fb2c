//! The filter worker's loop, fed command by command.

use std::sync::Mutex;

use super::*;
use crate::corpus::Corpus;
use crate::library::{quote_and_index, refs, speaker_directory};

/// A worker state whose events are kept, with `generation` current.
fn state(generation: u64, events: Arc<Mutex<Vec<FilterEvent>>>) -> State {
    let gate = Gate::default();
    gate.latest.store(generation, Ordering::SeqCst);
    State {
        options: FilterOptions::default(),
        index: SearchIndex::new(),
        stack: NarrowStack::default(),
        current: None,
        directory: None,
        gate,
        emit: Box::new(move |e| events.lock().unwrap().push(e)),
    }
}

/// Run the loop over `commands`, all queued at once.
fn drain(state: &mut State, commands: Vec<Command>) {
    let (tx, rx) = unbounded();
    for c in commands {
        tx.send(c).unwrap();
    }
    drop(tx);
    state.run(rx);
}

/// `--query` on a small corpus: the query runs before any article is in,
/// then the articles and the speakers arrive together. The articles must
/// be searched (the speakers drop the narrowing stack the query would
/// have been extended from); once they were not, and the list said
/// "0 of 0" for good.
#[test]
fn articles_and_speakers_arriving_together_are_searched() {
    let events = Arc::new(Mutex::new(Vec::new()));
    let mut s = state(1, Arc::clone(&events));
    drain(&mut s, vec![Command::Query(1, parse("tiger bell"))]);
    assert_eq!(
        events.lock().unwrap().last().map(|e| e.total_articles),
        Some(0)
    );

    let articles = Corpus::embedded().articles;
    let (quotes, index) = quote_and_index(&articles);
    let directory = Arc::new(speaker_directory(&index, &refs(&quotes)));
    drain(
        &mut s,
        vec![
            Command::Append(IndexSegment::build(&articles)),
            Command::Speakers(directory),
        ],
    );
    let last = events.lock().unwrap().last().cloned().unwrap();
    assert_eq!((last.matched_articles, last.total_articles), (1, 5));
    assert!(last.complete);
}
