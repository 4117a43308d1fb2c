//! The loader thread: the corpus in batches, each indexed for the filter
//! (or its index read back from the store) and handed to the filter and
//! the quotations thread before the sink hears of it.

use std::sync::mpsc::Receiver;
use std::thread;

use rayon::prelude::*;

use crate::corpus::{Article, Corpus, LoadEvent, LoadRequest, load_streaming};
use crate::search::{FilterHandle, IndexSegment, SearchIndex, batch_runs};
use crate::state::Warning;
use crate::store::{IndexStore, Key};

use super::{LibraryEvent, QuoteWorker, Sink};

/// Files per loader batch: small enough for a quick first frame.
pub const LOAD_BATCH_FILES: usize = 256;

/// Load `request` in batches on a new thread. Each batch is indexed for
/// the filter on this thread too (on every core, in a few segments, each
/// read from the index store when it holds it), and handed to the filter
/// worker and the quotations thread before the sink sees it, so all
/// number the articles alike.
///
/// The receiver returned is disconnected when the thread has ended (after
/// loading, it writes the load cache and the index store).
pub(super) fn spawn(
    request: LoadRequest,
    sink: Sink,
    filter: FilterHandle,
    quotes: QuoteWorker,
) -> std::io::Result<Receiver<()>> {
    let (done_tx, done) = std::sync::mpsc::channel::<()>();
    thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let _done = done_tx;
            let (mut indexer, damaged) = Indexer::open(&request);
            if let Some(w) = damaged {
                sink(LibraryEvent::Warning(w));
            }
            load_streaming(&request, LOAD_BATCH_FILES, |ev| {
                if let LoadEvent::Batch { articles, .. } = &ev {
                    for segment in indexer.batch(articles) {
                        filter.append(segment);
                    }
                    quotes.append(articles.clone());
                }
                // Loading goes on without a listener: the cache is still worth
                // writing.
                let _ = sink(LibraryEvent::Load(ev));
            });
            if let Some(w) = indexer.finish() {
                sink(LibraryEvent::Warning(w));
            }
        })?;
    Ok(done)
}

/// The corpus `request` names, loaded in the reader's batches, and its
/// search index: each segment read from the index store where it holds
/// it, the store written when anything was built. The command line
/// searches with this, so it reads (and keeps) the reader's index.
pub fn load_indexed(request: &LoadRequest) -> (Corpus, SearchIndex) {
    let mut corpus = Corpus {
        named: request.named(),
        ..Corpus::default()
    };
    let mut index = SearchIndex::new();
    let (mut indexer, damaged) = Indexer::open(request);
    corpus.warnings.extend(damaged);
    load_streaming(request, LOAD_BATCH_FILES, |ev| {
        if let LoadEvent::Batch { articles, .. } = &ev {
            for segment in indexer.batch(articles) {
                index.append(segment);
            }
        }
        corpus.apply(ev);
    });
    corpus.warnings.extend(indexer.finish());
    (corpus, index)
}

/// Indexes a load batch by batch, through the index store when the
/// corpus may have one.
struct Indexer {
    kept: Option<Kept>,
}

impl Indexer {
    /// The indexer of `request`'s load, and a note when its store was
    /// there but damaged (it is rebuilt).
    fn open(request: &LoadRequest) -> (Indexer, Option<Warning>) {
        let kept = Kept::open(request);
        let damaged = kept.as_ref().and_then(Kept::damaged);
        (Indexer { kept }, damaged)
    }

    /// The index segments of one batch, read from the store where it
    /// holds them for exactly these articles, else built (in parallel).
    fn batch(&mut self, articles: &[Article]) -> Vec<IndexSegment> {
        let parts = rayon::current_num_threads();
        let Some(kept) = self.kept.as_mut() else {
            return IndexSegment::build_split(articles, parts);
        };
        let store = &kept.store;
        let made: Vec<(Key, IndexSegment, bool)> = batch_runs(articles, parts)
            .par_iter()
            .map(|run| {
                let key = IndexStore::key(run);
                match store.get(&key, run) {
                    Some(stored) => (key, stored, true),
                    None => (key, IndexSegment::build(run), false),
                }
            })
            .collect();
        kept.articles += articles.len();
        kept.bytes += articles.iter().map(|a| a.text.len() as u64).sum::<u64>();
        made.into_iter()
            .map(|(key, segment, stored)| {
                kept.all_read &= stored;
                // Shared, not copied: the filter and the store write hold one.
                kept.segments.push((key, segment.clone()));
                segment
            })
            .collect()
    }

    /// Write the store if it is kept; a note when it could not be.
    fn finish(self) -> Option<Warning> {
        self.kept.and_then(Kept::save)
    }
}

/// The index store of a load, and every segment of it so far (to write
/// back when anything was built afresh).
struct Kept {
    store: IndexStore,
    segments: Vec<(Key, IndexSegment)>,
    all_read: bool,
    articles: usize,
    bytes: u64,
}

impl Kept {
    /// The store of `request`'s corpus, when it may have one: files and
    /// directories, not standard input (read once).
    fn open(request: &LoadRequest) -> Option<Kept> {
        let LoadRequest::Paths(paths) = request else {
            return None;
        };
        if paths.iter().any(|p| p.as_os_str() == "-") {
            return None;
        }
        Some(Kept {
            store: IndexStore::open(&crate::state::corpus_key(request))?,
            segments: Vec::new(),
            all_read: true,
            articles: 0,
            bytes: 0,
        })
    }

    /// A note when a store was there but damaged (rebuilt).
    fn damaged(&self) -> Option<Warning> {
        self.store.damaged().map(|why| Warning {
            topic: "search index store",
            path: self.store.path().to_path_buf(),
            problem: format!("{why}; the index is built again and the store rebuilt"),
        })
    }

    /// Write the store when the corpus is big enough to keep one and
    /// anything changed; a note when it could not be written.
    fn save(self) -> Option<Warning> {
        let worth =
            self.articles >= crate::store::MIN_FILES || self.bytes >= crate::store::MIN_BYTES;
        if !worth {
            return None;
        }
        let e = self.store.save(&self.segments, self.all_read).err()?;
        Some(Warning {
            topic: "search index store",
            path: self.store.path().to_path_buf(),
            problem: format!("not written ({e}); the next start builds the index again"),
        })
    }
}
