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
use crate::statements::Statements;
use crate::store::{DerivedCorpus, DerivedStore, derived_key};
use crate::stories::Stories;

use super::worker::TIMING_ENV;
use super::{LibraryEvent, Sink};

/// Every article's quotations and the speakers across them: what a build
/// starts from.
pub(super) struct Inputs {
    pub quotes: Vec<Arc<ArticleQuotes>>,
    /// Shared with the quotations thread (which stores it).
    pub index: Arc<SpeakerIndex>,
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
    /// With a `store`, what it holds for exactly this corpus is sent
    /// instead of building, and each build is kept in it.
    pub fn spawn(
        sink: Sink,
        articles: Vec<Article>,
        inputs: Inputs,
        store: Option<DerivedStore>,
    ) -> Option<Derived> {
        let (changes, rx) = std::sync::mpsc::channel();
        let waiting = Arc::new(AtomicUsize::new(0));
        let pending = Arc::clone(&waiting);
        thread::Builder::new()
            .name("statements".into())
            .spawn(move || run(&sink, articles, inputs, &rx, &pending, store.as_ref()))
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
    store: Option<&DerivedStore>,
) {
    let mut first = true;
    loop {
        let cancelled = || waiting.load(Ordering::SeqCst) > 0;
        let stored = first
            .then(|| store.and_then(|s| read(sink, s, &articles, &inputs)))
            .flatten();
        first = false;
        let sent = match stored {
            Some(sent) => sent,
            None => build(sink, &articles, &inputs, &cancelled, store),
        };
        if !sent {
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
        if !sink(LibraryEvent::Speakers(Box::new((*inputs.index).clone()))) {
            return;
        }
    }
}

/// What `store` holds for exactly these articles and inputs, sent as a
/// build would send it: `None` when it holds nothing for them (or nothing
/// that checks), else whether anybody listened.
fn read(sink: &Sink, store: &DerivedStore, articles: &[Article], inputs: &Inputs) -> Option<bool> {
    let refs = super::refs(&inputs.quotes);
    let corpus = DerivedCorpus {
        articles,
        quotes: &refs,
        speakers: &inputs.index,
    };
    let t = Instant::now();
    let (statements, stories, copies) = store.get(&derived_key(articles), &corpus)?;
    if std::env::var_os(TIMING_ENV).is_some() {
        crate::export::terminal::warn(&format!(
            "statements, stories and copies of {} articles read from the store in {:.2?}",
            articles.len(),
            t.elapsed()
        ));
    }
    Some(
        sink(LibraryEvent::Statements(Arc::new(statements)))
            && sink(LibraryEvent::Stories(Box::new(stories)))
            && sink(LibraryEvent::Copies(Box::new(copies))),
    )
}

/// One build, each part sent as soon as it is made, and kept in `store`
/// once whole. False when nobody listens any more; true when done or
/// cancelled. The copies, which need no quotations, are found alongside
/// the statements and stories (both cores busy throughout).
fn build(
    sink: &Sink,
    articles: &[Article],
    inputs: &Inputs,
    cancelled: &(dyn Fn() -> bool + Sync),
    store: Option<&DerivedStore>,
) -> bool {
    let (told, copies) = rayon::join(
        || statements_and_stories(sink, articles, inputs, cancelled, store.is_some()),
        || {
            timed("copies", articles.len(), || {
                crate::copies::find_copies_with(articles, &|_| !cancelled())
            })
        },
    );
    let (statements, kept_stories) = match told {
        Told::Gone => return false,
        Told::Cancelled => return true,
        Told::Sent(statements, kept) => (statements, kept),
    };
    let Some(copies) = copies.filter(|_| !cancelled()) else {
        return true;
    };
    let kept = store
        .zip(kept_stories)
        .map(|(s, stories)| (s, stories, copies.clone()));
    if !sink(LibraryEvent::Copies(Box::new(copies))) {
        return false;
    }
    // Kept for the next start; one that cannot be written is only built
    // again then (not worth a warning on top of the quotation store's).
    if let Some((store, stories, copies)) = kept
        && !cancelled()
    {
        let _ = store.save(derived_key(articles), &statements, &stories, &copies);
    }
    true
}

/// How the statements and stories went.
enum Told {
    /// Both sent: the statements, and a copy of the stories to keep.
    Sent(Arc<Statements>, Option<Stories>),
    Cancelled,
    /// Nobody listens any more.
    Gone,
}

/// Build the statements, send them, then the stories from them.
fn statements_and_stories(
    sink: &Sink,
    articles: &[Article],
    inputs: &Inputs,
    cancelled: &(dyn Fn() -> bool + Sync),
    keep: bool,
) -> Told {
    let refs = super::refs(&inputs.quotes);
    let Some(statements) = timed("statements", articles.len(), || {
        crate::statements::build(articles, &refs, &inputs.index, cancelled)
    }) else {
        return Told::Cancelled;
    };
    let statements = Arc::new(statements);
    if !sink(LibraryEvent::Statements(Arc::clone(&statements))) {
        return Told::Gone;
    }
    let Some(stories) = timed("stories", articles.len(), || {
        crate::stories::build(articles, &statements, &inputs.index, cancelled)
    }) else {
        return Told::Cancelled;
    };
    let kept = keep.then(|| stories.clone());
    if !sink(LibraryEvent::Stories(Box::new(stories))) {
        return Told::Gone;
    }
    Told::Sent(statements, kept)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::library::quote_and_index;

    /// The three results a build or a read sent, in order.
    fn results(
        rx: &std::sync::mpsc::Receiver<LibraryEvent>,
    ) -> (
        crate::statements::Statements,
        crate::stories::Stories,
        crate::copies::Copies,
    ) {
        let mut events = rx.try_iter();
        match (events.next(), events.next(), events.next()) {
            (
                Some(LibraryEvent::Statements(s)),
                Some(LibraryEvent::Stories(t)),
                Some(LibraryEvent::Copies(c)),
            ) => ((*s).clone(), *t, *c),
            other => panic!("statements, stories, copies: {other:?}"),
        }
    }

    #[test]
    fn a_build_is_kept_and_read_back_only_for_the_same_articles() {
        let mut articles = Corpus::embedded().articles;
        let (quotes, index) = quote_and_index(&articles);
        let inputs = Inputs {
            quotes,
            index: Arc::new(index),
        };
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let sink: Sink = Arc::new(move |ev| tx.send(ev).is_ok());
        let store = DerivedStore::open_in(dir.path(), "k", 1);
        assert!(read(&sink, &store, &articles, &inputs).is_none());
        assert!(build(&sink, &articles, &inputs, &|| false, Some(&store)));
        let built = results(&rx);
        let store = DerivedStore::open_in(dir.path(), "k", 1);
        assert_eq!(read(&sink, &store, &articles, &inputs), Some(true));
        assert_eq!(results(&rx), built);
        // Another name for an article (the same archive under another
        // path): read back, its story showing it under the new name (an
        // article without an outlet is its own).
        assert!(articles[1].source.is_none());
        articles[1].path = "renamed.txt".into();
        assert_eq!(read(&sink, &store, &articles, &inputs), Some(true));
        let (_, stories, _) = results(&rx);
        let story = &stories.stories[stories.of_article[1]];
        assert!(story.outlets.iter().any(|o| o == "renamed.txt"));
        // Another date is another ordering of the stories: not read.
        articles[1].date = Some("1999-01-01".into());
        assert!(read(&sink, &store, &articles, &inputs).is_none());
    }
}
