//! The quotations thread: a [`Quotations`] sweep driven off the caller's
//! thread, one chunk at a time, with requests for single articles answered
//! between chunks.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::thread;
use std::time::Instant;

use crate::corpus::Article;
use crate::corpus::LoadRequest;
use crate::quotes::{SpeakerIndex, find_quotes};
use crate::search::{FilterHandle, IndexSegment};
use crate::state::Warning;

use super::derived::{Derived, Inputs};
use super::quotations::{ChunkLimit, Quotations, index_speakers, speaker_directory};
use super::{LibraryEvent, Sink};

/// Articles per sweep chunk, and text per chunk, to start with: small
/// enough that a request for the article on screen is answered between
/// two chunks (tens of milliseconds), large enough to keep every core
/// busy.
const SWEEP_CHUNK: ChunkLimit = ChunkLimit {
    articles: 64,
    bytes: 1 << 20,
};

/// A chunk should take about this long. Quotations read from the store
/// take microseconds an article, so a chunk of them grows (doubling, up to
/// [`SWEEP_CHUNK_MAX`] articles) until it does; found afresh, it shrinks
/// back. Without this, reopening 100,000 articles spent more time passing
/// 1,600 small chunks around than reading them.
const CHUNK_TIME: std::time::Duration = std::time::Duration::from_millis(20);
const SWEEP_CHUNK_MAX: usize = 8192;

/// The next chunk's limit, from how long the last one took.
fn next_limit(limit: ChunkLimit, took: std::time::Duration) -> ChunkLimit {
    let grow = took < CHUNK_TIME / 4;
    let shrink = took > CHUNK_TIME * 2;
    let (articles, bytes) = if grow {
        (limit.articles * 2, limit.bytes * 2)
    } else if shrink {
        (limit.articles / 2, limit.bytes / 2)
    } else {
        (limit.articles, limit.bytes)
    };
    ChunkLimit {
        articles: articles.clamp(SWEEP_CHUNK.articles, SWEEP_CHUNK_MAX),
        bytes: bytes.clamp(
            SWEEP_CHUNK.bytes,
            SWEEP_CHUNK.bytes * (SWEEP_CHUNK_MAX / 64),
        ),
    }
}

/// Set (to anything) to have the sweep report its timings on stderr.
pub const TIMING_ENV: &str = "SAIDSO_TIMING";

/// What the quotations thread is asked to do.
enum Job {
    /// The quotations of the article on screen, before anything else.
    Find(usize),
    /// The loader's copy of the next articles, in corpus order.
    Append(Vec<Article>),
    /// Loading has finished: find the quotations of every article not yet
    /// done, then build the speaker index.
    Sweep,
    /// An article read again (changed on disk).
    Replace(usize, Box<Article>),
}

/// Finds quotations on its own thread: first of the article the reader
/// shows (only the newest request matters: the reader has moved on from
/// older ones, and asks again if it comes back), and once loading has
/// finished, of every article, chunk by chunk on all cores, so that the
/// reader's requests are answered between two chunks. Each answer and
/// chunk goes to the sink as [`LibraryEvent::Quotes`]. When every article
/// is done it builds the speaker index, gives the filter its speaker
/// directory (for `@name` terms), and sends [`LibraryEvent::Speakers`].
#[derive(Clone)]
pub struct QuoteWorker {
    requests: Sender<Job>,
}

/// The quotations thread's own state.
struct Sweeper {
    sink: Sink,
    /// Where the speaker directory goes, for `@name` filter terms.
    filter: FilterHandle,
    /// Its copy of the corpus (handed to the statements thread once every
    /// article is done).
    articles: Vec<Article>,
    quotations: Quotations,
    sweeping: bool,
    /// When the sweep was asked for (and when the thread started), for
    /// [`TIMING_ENV`].
    started: Instant,
    sweep_started: Option<Instant>,
    /// The statements thread, once the sweep is over.
    derived: Option<Derived>,
    /// What was loaded: the key of its quotation store.
    request: LoadRequest,
    /// True from opening the quotation store until it is saved.
    saving: Arc<AtomicBool>,
    /// How much the next chunk of the sweep takes on.
    limit: ChunkLimit,
}

impl QuoteWorker {
    /// Start the thread. It ends when every handle is gone, or when the
    /// sink says nobody listens any more.
    pub(super) fn spawn(
        sink: Sink,
        filter: FilterHandle,
        request: LoadRequest,
        saving: Arc<AtomicBool>,
    ) -> std::io::Result<Self> {
        let (requests, rx) = std::sync::mpsc::channel::<Job>();
        thread::Builder::new()
            .name("quotes".into())
            .spawn(move || {
                Sweeper {
                    sink,
                    filter,
                    articles: Vec::new(),
                    quotations: Quotations::default(),
                    sweeping: false,
                    started: Instant::now(),
                    sweep_started: None,
                    derived: None,
                    request,
                    saving,
                    limit: SWEEP_CHUNK,
                }
                .run(&rx)
            })?;
        Ok(QuoteWorker { requests })
    }

    /// Find the quotations of article `id` (already appended) soon.
    pub fn request(&self, id: usize) {
        let _ = self.requests.send(Job::Find(id));
    }

    /// Hand the thread its copy of the next loaded articles. The loader
    /// calls it before the sink hears of them, so any request for one
    /// finds it.
    pub(super) fn append(&self, articles: Vec<Article>) {
        let _ = self.requests.send(Job::Append(articles));
    }

    /// Find every article's quotations, then the speakers.
    pub fn sweep(&self) {
        let _ = self.requests.send(Job::Sweep);
    }

    /// Article `id` as read again: see [`super::Library::replace`].
    pub fn replace(&self, id: usize, article: Article) {
        let _ = self.requests.send(Job::Replace(id, Box::new(article)));
    }
}

impl Sweeper {
    fn run(mut self, rx: &Receiver<Job>) {
        loop {
            // Wait only when there is nothing to sweep.
            let first = if self.sweeping {
                match rx.try_recv() {
                    Ok(job) => Some(job),
                    Err(TryRecvError::Empty) => None,
                    Err(TryRecvError::Disconnected) => return,
                }
            } else {
                match rx.recv() {
                    Ok(job) => Some(job),
                    Err(_) => return,
                }
            };
            let mut wanted = None;
            for job in first
                .into_iter()
                .chain(std::iter::from_fn(|| rx.try_recv().ok()))
            {
                match job {
                    Job::Find(id) => wanted = Some(id),
                    Job::Append(mut batch) => {
                        self.articles.append(&mut batch);
                        self.quotations.grow(self.articles.len());
                    }
                    Job::Sweep => {
                        if self.sweep_started.is_none() {
                            self.sweep_started = Some(Instant::now());
                            self.sweeping = true;
                            if !self.open_store() {
                                return;
                            }
                        }
                    }
                    Job::Replace(id, article) => {
                        if !self.replace(id, *article) {
                            return;
                        }
                    }
                }
            }
            let sent = match wanted {
                Some(id) => self.answer(id),
                None => true,
            };
            let sent = sent && (!self.sweeping || self.sweep_chunk());
            if !sent {
                return;
            }
        }
    }

    /// Article `id` read again: the filter searches its new text, its
    /// quotations are found again and sent, and once the speakers are
    /// known they are merged again without the old quotations. False when
    /// nobody listens any more.
    fn replace(&mut self, id: usize, article: Article) -> bool {
        if id >= self.quotations.len() {
            return true;
        }
        self.filter
            .replace(id, IndexSegment::build(std::slice::from_ref(&article)));
        let quotes = Arc::new(find_quotes(&article));
        self.quotations.set(id, Arc::clone(&quotes));
        if !(self.sink)(LibraryEvent::Quotes(vec![(id, quotes)])) {
            return false;
        }
        let swept = self.sweep_started.is_some() && !self.sweeping;
        if !swept {
            if let Some(slot) = self.articles.get_mut(id) {
                *slot = article;
            }
            return true;
        }
        let refs = self.quotations.found();
        let index = index_speakers(&refs);
        self.filter
            .set_speakers(Arc::new(speaker_directory(&index, &refs)));
        match &self.derived {
            // The statements thread sends the speakers, then what it
            // builds from them: the app never holds statements made from
            // other speakers than its own.
            Some(derived) => {
                let inputs = Inputs {
                    quotes: self.quotations.shared(),
                    index: Arc::new(index),
                };
                derived.changed(id, article, inputs);
                true
            }
            None => (self.sink)(LibraryEvent::Speakers(Box::new(index))),
        }
    }

    /// At the start of the sweep: read from the corpus's quotation store,
    /// if it is big enough to have one. A store that was there but could
    /// not be taken is said (it is made again). False when nobody listens.
    fn open_store(&mut self) -> bool {
        let Some((store, note)) = super::open_store(&self.request, &self.articles) else {
            return true;
        };
        self.quotations.use_store(store);
        self.saving.store(true, Ordering::Release);
        note.is_none_or(|w| (self.sink)(LibraryEvent::Warning(w)))
    }

    /// After the sweep: write the quotation store if anything changed; a
    /// store that cannot be written is said, and costs only the next
    /// start its speed.
    fn save_store(&self, speakers: &SpeakerIndex, speakers_read: bool) -> bool {
        let saved = self.quotations.save(speakers, speakers_read);
        self.saving.store(false, Ordering::Release);
        super::unsaved(saved).is_none_or(|w| (self.sink)(LibraryEvent::Warning(w)))
    }

    /// Send the quotations of article `id`, finding them if need be.
    fn answer(&mut self, id: usize) -> bool {
        match self.quotations.find(&self.articles, id) {
            Some(quotes) => (self.sink)(LibraryEvent::Quotes(vec![(id, quotes)])),
            None => true,
        }
    }

    /// The next chunk of the sweep, or, all done, the speaker index.
    fn sweep_chunk(&mut self) -> bool {
        let t = Instant::now();
        let chunk = self.quotations.sweep_chunk(&self.articles, self.limit);
        self.limit = next_limit(self.limit, t.elapsed());
        if !chunk.is_empty() {
            return (self.sink)(LibraryEvent::Quotes(chunk));
        }
        // Every article is done: the speakers, then rest.
        self.sweeping = false;
        let found_in = self.sweep_started.map(|t| t.elapsed());
        let t = Instant::now();
        let (index, stored) = self.quotations.speakers();
        let merged_in = t.elapsed();
        let refs = self.quotations.found();
        self.filter
            .set_speakers(Arc::new(speaker_directory(&index, &refs)));
        if std::env::var_os(TIMING_ENV).is_some() {
            crate::export::terminal::warn(&format!(
                "quotations of {} articles ({} from the store) in {:.2?}, \
                 speaker index of {} speakers{} in {:.2?} (and the @name directory in {:.2?}); \
                 ready {:.2?} after start",
                self.articles.len(),
                self.quotations.hits(),
                found_in.unwrap_or_default(),
                index.speakers.len(),
                if stored { " (from the store)" } else { "" },
                merged_in,
                t.elapsed() - merged_in,
                self.started.elapsed()
            ));
        }
        // From here on every request is answered from what was found;
        // the articles go to the statements thread.
        // One copy for the app (which regroups it); the statements thread
        // and the store share the other.
        let shared = Arc::new(index);
        let inputs = Inputs {
            quotes: self.quotations.shared(),
            index: Arc::clone(&shared),
        };
        // Kept for the store (written last, once the app has what it needs).
        let kept = self.quotations.has_store().then(|| Arc::clone(&shared));
        if !(self.sink)(LibraryEvent::Speakers(Box::new((*shared).clone()))) {
            return false;
        }
        let articles = std::mem::take(&mut self.articles);
        let store = if self.quotations.has_store() {
            crate::store::DerivedStore::open(&crate::state::corpus_key(&self.request))
        } else {
            None
        };
        let damaged = store.as_ref().and_then(|s| {
            let why = s.damaged()?;
            Some(Warning {
                topic: "derived store",
                path: s.path().to_path_buf(),
                problem: format!("{why}; statements, stories and copies are built again"),
            })
        });
        if let Some(w) = damaged
            && !(self.sink)(LibraryEvent::Warning(w))
        {
            return false;
        }
        self.derived = Derived::spawn(Arc::clone(&self.sink), articles, inputs, store);
        kept.is_none_or(|index| self.save_store(&index, stored))
    }
}

#[cfg(test)]
mod chunk_tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn chunks_grow_while_quick_and_shrink_when_slow_within_bounds() {
        let mut l = SWEEP_CHUNK;
        for _ in 0..20 {
            l = next_limit(l, Duration::from_millis(1));
        }
        assert_eq!(l.articles, SWEEP_CHUNK_MAX);
        l = next_limit(l, Duration::from_millis(100));
        assert_eq!(l.articles, SWEEP_CHUNK_MAX / 2);
        l = next_limit(l, Duration::from_millis(20));
        assert_eq!(l.articles, SWEEP_CHUNK_MAX / 2, "about right: kept");
        for _ in 0..20 {
            l = next_limit(l, Duration::from_millis(500));
        }
        assert_eq!(l, SWEEP_CHUNK);
    }
}
