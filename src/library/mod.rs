//! The library: a corpus as it loads, every article's quotations, and the
//! speakers across them. No terminal here: the reader and the command line
//! both use it.
//!
//! The command line wants everything at once, on its own thread:
//! [`crate::corpus::Corpus::load`], then [`quote_all`] or
//! [`quote_and_index`]. Or, streaming (`--jsonl`), a piece at a time:
//! [`crate::corpus::stream`]'s pieces through [`ordered::ordered_map`].
//!
//! The reader wants it in the background, bit by bit: [`Library::spawn`]
//! starts a loader thread and a quotations thread, and everything they
//! find comes to the caller's sink as a [`LibraryEvent`]: the load's
//! events in order ([`LibraryEvent::Load`]: `Started`, batches,
//! `Finished`); the quotations of an article asked for with
//! [`Library::request`] as soon as they are found, while loading too; and
//! after [`Library::sweep`], every other article's quotations chunk by
//! chunk, then, last, the speakers ([`LibraryEvent::Speakers`]).
//!
//! Besides the sink, the library feeds the filter worker it is given, on
//! its own threads, before the sink hears of the same thing: each loaded
//! batch's [`IndexSegment`](crate::search::IndexSegment), and once the
//! speakers are known, their [`SpeakerDirectory`](crate::search::SpeakerDirectory)
//! for `@name` terms. So the filter, the quotations thread and the sink's
//! owner all number the articles alike (article id = place in load
//! order), an article the sink has heard of has already been handed to
//! the filter and can be asked for, and the loaded articles need not go
//! through the caller's thread first (which, in the reader, is busy
//! drawing).

mod derived;
mod loader;
pub mod ordered;
mod quotations;
mod worker;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::time::Duration;

use crate::corpus::{LoadEvent, LoadRequest};
use crate::quotes::{ArticleQuotes, SpeakerIndex};
use crate::search::FilterHandle;
use crate::state::Warning;
use crate::store::QuoteStore;

pub use loader::{LOAD_BATCH_FILES, load_indexed};
pub use quotations::{
    ChunkLimit, Quotations, Saved, index_speakers, quote_all, quote_and_index,
    quote_and_index_stored, refs, speaker_directory,
};
pub use worker::{QuoteWorker, TIMING_ENV};

/// What the library's threads report.
#[derive(Debug)]
pub enum LibraryEvent {
    /// Progress of the load: `Started`, then batches, then `Finished`.
    Load(LoadEvent),
    /// Quotations found: (article id, its quotations).
    Quotes(Vec<(usize, Arc<ArticleQuotes>)>),
    /// Every article's quotations are in: the speakers of the corpus.
    Speakers(Box<SpeakerIndex>),
    /// After the speakers: the statements of the corpus.
    /// (Shared: the statements thread weighs the same statements for the
    /// stories, without a copy.)
    Statements(Arc<crate::statements::Statements>),
    /// After the statements: the stories of the corpus.
    Stories(Box<crate::stories::Stories>),
    /// After the stories: the wire copies of the corpus.
    Copies(Box<crate::copies::Copies>),
    /// A file saidso keeps (the quotation store) could not be used or
    /// written: told, never a reason to fail.
    Warning(crate::state::Warning),
}

/// Where events go: called on the library's threads, so keep it short
/// (send into a channel). It returns false once nobody listens any more;
/// the quotations thread then stops (the loader carries on, to write the
/// load cache).
type Sink = Arc<dyn Fn(LibraryEvent) -> bool + Send + Sync>;

/// A corpus loading and being quoted in the background.
pub struct Library {
    quotes: QuoteWorker,
    loader_done: Receiver<()>,
    /// The quotations thread is between opening the quotation store and
    /// saving it.
    store_saving: Arc<AtomicBool>,
}

impl Library {
    /// Start loading `request`, in batches of [`LOAD_BATCH_FILES`] files,
    /// and a quotations thread (idle until asked). Each batch is indexed
    /// for `filter` and appended to it, and copied to the quotations
    /// thread, before `sink` gets it; once [`Library::sweep`] is done,
    /// `filter` gets the speaker directory before `sink` gets the speakers
    /// (see the module's comment for why).
    ///
    /// Fails only when a thread cannot be started.
    pub fn spawn(
        request: LoadRequest,
        filter: FilterHandle,
        sink: impl Fn(LibraryEvent) -> bool + Send + Sync + 'static,
    ) -> std::io::Result<Library> {
        let sink: Sink = Arc::new(sink);
        let store_saving = Arc::new(AtomicBool::new(false));
        let quotes = QuoteWorker::spawn(
            Arc::clone(&sink),
            filter.clone(),
            request.clone(),
            Arc::clone(&store_saving),
        )?;
        let loader_done = loader::spawn(request, sink, filter, quotes.clone())?;
        Ok(Library {
            quotes,
            loader_done,
            store_saving,
        })
    }

    /// Find the quotations of article `id` soon (only the newest request
    /// is answered first; the sink gets [`LibraryEvent::Quotes`]).
    pub fn request(&self, id: usize) {
        self.quotes.request(id);
    }

    /// Once loading has finished: find every article's quotations, then
    /// the speakers.
    pub fn sweep(&self) {
        self.quotes.sweep();
    }

    /// Article `id` was read again (its file changed): the filter searches
    /// its new text, the sink gets its new quotations and, once the
    /// speakers are known, the speakers again, without the old ones.
    pub fn replace(&self, id: usize, article: crate::corpus::Article) {
        self.quotes.replace(id, article);
    }

    /// Wait at most `timeout` for the loader thread to end: after loading
    /// it writes the load cache, so that a reader quit right after a first
    /// load still leaves one. True when it has ended.
    pub fn wait_for_loader(&self, timeout: Duration) -> bool {
        !matches!(
            self.loader_done.recv_timeout(timeout),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout)
        )
    }
}

/// The quotation store of the corpus `request` loads, when it may have
/// one (files and directories, not standard input, which is read once)
/// and `articles` are enough to be worth it; with a note when a store was
/// there but damaged (it is made again; one from another version of
/// saidso is replaced without a note).
pub fn open_store(
    request: &LoadRequest,
    articles: &[crate::corpus::Article],
) -> Option<(QuoteStore, Option<Warning>)> {
    let store = QuoteStore::open(&storable(request, articles)?)?;
    let note = store.damaged().map(|why| Warning {
        topic: "quotation store",
        path: store.path().to_path_buf(),
        problem: format!("{why}; quotations are found again and the store rebuilt"),
    });
    Some((store, note))
}

/// The key the stores of this corpus are kept under, if it may have them:
/// files and directories, not standard input (which is read once), and
/// enough articles to be worth it.
fn storable(request: &LoadRequest, articles: &[crate::corpus::Article]) -> Option<String> {
    let LoadRequest::Paths(paths) = request else {
        return None;
    };
    if paths.iter().any(|p| p.as_os_str() == "-") || !crate::store::worth_storing(articles) {
        return None;
    }
    Some(crate::state::corpus_key(request))
}

/// The statements, stories and copies the reader kept for exactly these
/// articles, quotations and speakers, if it did (see
/// [`crate::store::DerivedStore`]): the command line reads them rather
/// than build them again.
pub fn stored_derived(
    request: &LoadRequest,
    articles: &[crate::corpus::Article],
    quotes: &[Arc<ArticleQuotes>],
    speakers: &SpeakerIndex,
) -> Option<crate::store::Derived> {
    let store = crate::store::DerivedStore::open(&storable(request, articles)?)?;
    let refs = refs(quotes);
    let corpus = crate::store::DerivedCorpus {
        articles,
        quotes: &refs,
        speakers,
    };
    store.get(&crate::store::derived_key(articles), &corpus)
}

/// What to say when a store could not be written: only the next start's
/// speed is lost.
pub fn unsaved(saved: Saved) -> Option<Warning> {
    let (path, Err(e)) = saved? else {
        return None;
    };
    Some(Warning {
        topic: "quotation store",
        path,
        problem: format!("not written ({e}); the next start finds the quotations again"),
    })
}

impl Library {
    /// Wait at most `timeout` for the quotation store to be saved, once
    /// the speakers are in (the store is written just after), so that a
    /// reader quit then still leaves one. True when it is saved (or there
    /// is none to save).
    pub fn wait_for_store(&self, timeout: Duration) -> bool {
        let until = std::time::Instant::now() + timeout;
        while self.store_saving.load(Ordering::Acquire) {
            if std::time::Instant::now() >= until {
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;
    use crate::corpus::Corpus;
    use crate::search::FilterWorker;

    const WAIT: Duration = Duration::from_secs(30);

    /// The bundled articles loading into `filter`, and what the sink hears.
    fn bundled(filter: &FilterWorker) -> (Library, mpsc::Receiver<LibraryEvent>) {
        let (tx, rx) = mpsc::channel();
        let library = Library::spawn(LoadRequest::Embedded, filter.handle(), move |ev| {
            tx.send(ev).is_ok()
        })
        .expect("threads start");
        (library, rx)
    }

    #[test]
    fn the_sink_hears_the_load_then_the_quotations_then_the_speakers() {
        let filter = FilterWorker::spawn(|_| {});
        let (library, rx) = bundled(&filter);
        let mut loaded = 0;
        loop {
            match rx.recv_timeout(WAIT).expect("load events") {
                LibraryEvent::Load(LoadEvent::Batch { articles, .. }) => loaded += articles.len(),
                LibraryEvent::Load(LoadEvent::Finished) => break,
                LibraryEvent::Load(LoadEvent::Started { .. }) => {}
                other => panic!("before loading ends: {other:?}"),
            }
        }
        library.request(1);
        match rx.recv_timeout(WAIT).expect("an answer") {
            LibraryEvent::Quotes(q) => {
                assert_eq!(q.iter().map(|(id, _)| *id).collect::<Vec<_>>(), [1])
            }
            other => panic!("asked for article 1: {other:?}"),
        }
        library.sweep();
        let mut swept = vec![1];
        let index = loop {
            match rx.recv_timeout(WAIT).expect("the sweep") {
                LibraryEvent::Quotes(q) => swept.extend(q.iter().map(|(id, _)| *id)),
                LibraryEvent::Speakers(index) => break index,
                other => panic!("while sweeping: {other:?}"),
            }
        };
        swept.sort_unstable();
        assert_eq!(swept, (0..loaded).collect::<Vec<_>>());
        let (_, expected) = quote_and_index(&Corpus::embedded().articles);
        assert_eq!(*index, expected);
        assert!(library.wait_for_loader(WAIT));
    }

    /// An article changed on disk after the sweep: its new quotations,
    /// the speakers merged again without its old ones, and the filter
    /// finding its new words (and no longer its old ones) under its id.
    #[test]
    fn a_replaced_article_is_quoted_indexed_and_searched_anew() {
        use crate::corpus::{Origin, assemble::article_from_bytes};
        let (ftx, frx) = mpsc::channel();
        let filter = FilterWorker::spawn(move |ev| {
            let _ = ftx.send(ev);
        });
        let (library, rx) = bundled(&filter);
        while !matches!(
            rx.recv_timeout(WAIT).expect("the load"),
            LibraryEvent::Load(LoadEvent::Finished)
        ) {}
        library.sweep();
        let before = loop {
            if let LibraryEvent::Speakers(index) = rx.recv_timeout(WAIT).expect("the sweep") {
                break index;
            }
        };
        let named =
            |index: &SpeakerIndex, name: &str| index.speakers.iter().any(|s| s.name == name);
        assert!(!named(&before, "Ada Quartermain"));

        let new = article_from_bytes(
            "changed.txt".into(),
            Origin::Embedded,
            "Barrels counted\n\n“We counted every barrel twice,” said Ada Quartermain, the harbour master.\n".as_bytes(),
        );
        library.replace(1, new);
        // The statements of the first sweep may come first.
        let next = || loop {
            match rx.recv_timeout(WAIT).expect("an event") {
                LibraryEvent::Statements(_)
                | LibraryEvent::Stories(_)
                | LibraryEvent::Copies(_) => continue,
                other => break other,
            }
        };
        match next() {
            LibraryEvent::Quotes(q) => {
                assert_eq!(q.len(), 1);
                assert_eq!(q[0].0, 1);
                assert_eq!(q[0].1.quotes.len(), 1);
            }
            other => panic!("{other:?}"),
        }
        let after = match next() {
            LibraryEvent::Speakers(index) => index,
            other => panic!("{other:?}"),
        };
        assert!(named(&after, "Ada Quartermain"));
        let mut corpus = Corpus::embedded().articles;
        corpus[1] = article_from_bytes(
            "changed.txt".into(),
            Origin::Embedded,
            "Barrels counted\n\n“We counted every barrel twice,” said Ada Quartermain, the harbour master.\n".as_bytes(),
        );
        assert_eq!(*after, quote_and_index(&corpus).1, "as if loaded so");

        let generation = filter.submit("'barrel");
        let hits = loop {
            let ev = frx.recv_timeout(WAIT).expect("filter results");
            if ev.generation == generation && ev.complete {
                break ev.hits;
            }
        };
        assert_eq!(hits.iter().map(|h| h.article).collect::<Vec<_>>(), [1]);
    }

    /// Files changed after the statements were built: the statements,
    /// stories and copies are built again from the new text (a burst of
    /// changes ends in one build that has them all).
    #[test]
    fn changed_articles_rebuild_the_statements_stories_and_copies() {
        use crate::corpus::{Origin, assemble::article_from_bytes};
        let filter = FilterWorker::spawn(|_| {});
        let (library, rx) = bundled(&filter);
        while !matches!(
            rx.recv_timeout(WAIT).expect("the load"),
            LibraryEvent::Load(LoadEvent::Finished)
        ) {}
        library.sweep();
        // The first build, whole.
        while !matches!(
            rx.recv_timeout(WAIT).expect("a build"),
            LibraryEvent::Copies(_)
        ) {}
        let text = |who: &str| {
            format!(
                "Harbour reopens\n\n“The harbour reopens on Monday for every ship in the bay,” said {who}, the harbour master.\n\n\
                 The storm closed the northern quay for nine days last month, and crews worked through \
                 the nights to clear the fallen cranes, the sunken barges and the broken pilings that \
                 blocked the channel. Fishing boats waited at anchor off the point while the ferries \
                 ran from the southern pier instead, and the town council met twice to count the cost \
                 of the repairs, which it put at four million crowns.\n"
            )
        };
        for (id, who) in [(1, "Ada Quartermain"), (2, "Ada Quartermain")] {
            let new = article_from_bytes(
                format!("changed-{id}.txt"),
                Origin::Embedded,
                text(who).as_bytes(),
            );
            library.replace(id, new);
        }
        // A build may see the first change alone, or be cancelled by the
        // second; one build has both: the statement both articles carry,
        // then the copy. Statements always come after the speakers they
        // index.
        let mut speakers: Option<Box<SpeakerIndex>> = None;
        let mut both = false;
        loop {
            match rx.recv_timeout(WAIT).expect("a build with both changes") {
                LibraryEvent::Speakers(s) => speakers = Some(s),
                LibraryEvent::Statements(s) => {
                    let ix = speakers
                        .as_ref()
                        .expect("the speakers before the statements");
                    let carried = |name: &str| -> Vec<usize> {
                        let mut a: Vec<usize> = s
                            .statements
                            .iter()
                            .filter(|st| ix.speakers[st.speaker].name == name)
                            .flat_map(|st| st.renderings.iter().map(|r| r.article))
                            .collect();
                        a.dedup();
                        a
                    };
                    both = carried("Ada Quartermain") == [1, 2];
                }
                LibraryEvent::Copies(c) if both => {
                    assert!(c.group_of(1).is_some(), "the two are one text");
                    break;
                }
                _ => {}
            }
        }
    }
}
