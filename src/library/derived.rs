//! The statements thread: what is derived from every article's quotations
//! at once — the statements, then the stories (which weigh them), then
//! the wire copies — built after the sweep and built again when an
//! article changes on disk.
//!
//! It owns its copy of the articles from the end of the sweep on (the
//! quotations thread answers from what it found and needs them no more).
//! A change arriving while a build runs cancels it: the build asks
//! whether a newer one waits every few hundred articles, and the changes
//! waiting are applied together before building again, so a burst of
//! saved files costs one build, not one each. After a change it sends the
//! new speakers itself, just before building from them, so that the
//! statements and stories the app holds always index the speakers it
//! holds (one thread, one order).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::thread;
use std::time::Instant;

use crate::corpus::Article;
use crate::quotes::{ArticleQuotes, SpeakerIndex};

use super::worker::TIMING_ENV;
use super::{LibraryEvent, Sink};

/// Every article's quotations and the speakers across them: what a build
/// starts from.
pub(super) struct Inputs {
    pub quotes: Vec<Arc<ArticleQuotes>>,
    pub index: SpeakerIndex,
}

/// An article read again, with the corpus's quotations and speakers as
/// they are now.
struct Change {
    id: usize,
    article: Box<Article>,
    inputs: Inputs,
}

/// The handle the quotations thread keeps: where changes go.
pub(super) struct Derived {
    changes: Sender<Change>,
    /// Changes sent and not yet taken: a running build stops when this
    /// is not zero.
    waiting: Arc<AtomicUsize>,
}

impl Derived {
    /// Start the thread with the swept corpus; None if it cannot start
    /// (the statements view then stays empty).
    pub fn spawn(sink: Sink, articles: Vec<Article>, inputs: Inputs) -> Option<Derived> {
        let (changes, rx) = std::sync::mpsc::channel();
        let waiting = Arc::new(AtomicUsize::new(0));
        let pending = Arc::clone(&waiting);
        thread::Builder::new()
            .name("statements".into())
            .spawn(move || run(&sink, articles, inputs, &rx, &pending))
            .ok()?;
        Some(Derived { changes, waiting })
    }

    /// Article `id` is now `article`; `inputs` are the quotations and
    /// speakers with its new quotations. Build again.
    pub fn changed(&self, id: usize, article: Article, inputs: Inputs) {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let change = Change {
            id,
            article: Box::new(article),
            inputs,
        };
        if self.changes.send(change).is_err() {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Build, then wait for changes and build again, until nobody listens.
fn run(
    sink: &Sink,
    mut articles: Vec<Article>,
    mut inputs: Inputs,
    rx: &Receiver<Change>,
    waiting: &AtomicUsize,
) {
    loop {
        let cancelled = || waiting.load(Ordering::SeqCst) > 0;
        if !build(sink, &articles, &inputs, &cancelled) {
            return;
        }
        // Wait for a change, then take every change already waiting.
        let Ok(first) = rx.recv() else { return };
        for change in std::iter::once(first).chain(std::iter::from_fn(|| rx.try_recv().ok())) {
            waiting.fetch_sub(1, Ordering::SeqCst);
            if let Some(slot) = articles.get_mut(change.id) {
                *slot = *change.article;
            }
            inputs = change.inputs;
        }
        // The speakers first, from this thread: whatever it sent before
        // was built from the speakers before these, and arrives before
        // them.
        if !sink(LibraryEvent::Speakers(Box::new(inputs.index.clone()))) {
            return;
        }
    }
}

/// One build, each part sent as soon as it is made. False when nobody
/// listens any more; true when done or cancelled.
fn build(sink: &Sink, articles: &[Article], inputs: &Inputs, cancelled: &dyn Fn() -> bool) -> bool {
    let refs = super::refs(&inputs.quotes);
    let Some(statements) = timed("statements", articles.len(), || {
        crate::statements::build(articles, &refs, &inputs.index, cancelled)
    }) else {
        return true;
    };
    let statements = Arc::new(statements);
    if !sink(LibraryEvent::Statements(Arc::clone(&statements))) {
        return false;
    }
    let Some(stories) = timed("stories", articles.len(), || {
        crate::stories::build(articles, &statements, &inputs.index, cancelled)
    }) else {
        return true;
    };
    if !sink(LibraryEvent::Stories(Box::new(stories))) {
        return false;
    }
    if cancelled() {
        return true;
    }
    let copies = timed("copies", articles.len(), || {
        crate::copies::find_copies(articles)
    });
    sink(LibraryEvent::Copies(Box::new(copies)))
}

/// Run `make`, reporting its time on stderr when [`TIMING_ENV`] is set.
fn timed<T>(what: &str, articles: usize, make: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let made = make();
    if std::env::var_os(TIMING_ENV).is_some() {
        crate::export::terminal::warn(&format!(
            "{what} of {articles} articles in {:.2?}",
            t.elapsed()
        ));
    }
    made
}
