//! Saving off the UI thread: the reader hands over what changed, a thread
//! merges it into `state.json`, at most once per [`MIN_INTERVAL`] however
//! fast keys arrive, and [`StateWriter::finish`] writes what is left
//! before the program ends.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::model::ReadingState;
use super::store::{StateStore, Warning};

/// Least time between two writes: fsync is slow on some disks, and
/// holding a key down changes the article thirty times a second.
pub const MIN_INTERVAL: Duration = Duration::from_millis(500);

enum Msg {
    Changes(ReadingState),
    Finish,
}

/// The saving thread's handle.
pub struct StateWriter {
    tx: Sender<Msg>,
    thread: Option<JoinHandle<Vec<Warning>>>,
}

impl StateWriter {
    /// Start the thread. `warn` hears of each problem as it happens (the
    /// same problem once); [`finish`](Self::finish) returns those of the
    /// last write, when nobody may be listening any more.
    pub fn spawn(store: StateStore, warn: impl Fn(Warning) + Send + 'static) -> Self {
        let (tx, rx) = mpsc::channel();
        let thread = thread::Builder::new()
            .name("state".into())
            .spawn(move || run(&store, &rx, &warn))
            .ok();
        StateWriter { tx, thread }
    }

    /// Merge these changes into the file soon.
    pub fn save(&self, changes: ReadingState) {
        if !changes.is_empty() {
            let _ = self.tx.send(Msg::Changes(changes));
        }
    }

    /// Write what is pending and stop; the warnings of that last write.
    pub fn finish(mut self) -> Vec<Warning> {
        let _ = self.tx.send(Msg::Finish);
        self.thread
            .take()
            .and_then(|t| t.join().ok())
            .unwrap_or_default()
    }
}

/// Changes not yet on disk, and the last problem reported.
struct Pending<'a> {
    store: &'a StateStore,
    changes: ReadingState,
    last_warning: Option<Warning>,
}

impl Pending<'_> {
    fn write(&mut self) -> Vec<Warning> {
        if self.changes.is_empty() {
            return Vec::new();
        }
        match self.store.save(&self.changes) {
            Ok(note) => {
                self.changes = ReadingState::default();
                self.last_warning = None;
                note.into_iter().collect()
            }
            // Kept for the next attempt: the disk may come back.
            Err(w) => {
                if self.last_warning.as_ref() == Some(&w) {
                    return Vec::new();
                }
                self.last_warning = Some(w.clone());
                vec![w]
            }
        }
    }
}

fn run(store: &StateStore, rx: &Receiver<Msg>, warn: &dyn Fn(Warning)) -> Vec<Warning> {
    let mut p = Pending {
        store,
        changes: ReadingState::default(),
        last_warning: None,
    };
    // Merge a message in; true when it asks to finish.
    let absorb = |p: &mut Pending, msg: Msg| match msg {
        Msg::Changes(c) => {
            p.changes.merge(&c);
            false
        }
        Msg::Finish => true,
    };
    loop {
        // The handle gone without `finish` (a panic elsewhere): write anyway.
        let Ok(msg) = rx.recv() else {
            return p.write();
        };
        if absorb(&mut p, msg) {
            return p.write();
        }
        // Let a burst gather before writing, up to the interval.
        let due = Instant::now() + MIN_INTERVAL;
        loop {
            match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(msg) => {
                    if absorb(&mut p, msg) {
                        return p.write();
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return p.write(),
            }
        }
        for w in p.write() {
            warn(w);
        }
    }
}
