//! Everything that can wake the event loop, from its own threads: terminal
//! input, the corpus loader and OS signals all feed one channel.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crossterm::event::{self, Event};

use crate::corpus::{Article, LoadEvent, LoadRequest, load_streaming};
use crate::quotes::{ArticleQuotes, SpeakerIndex, find_quotes};
use crate::search::{FilterEvent, FilterHandle, IndexSegment, SpeakerDirectory};

use super::input_gate::InputGate;

/// How often the input thread checks whether it should pause (while an
/// external program such as $EDITOR owns the terminal).
const INPUT_POLL: Duration = Duration::from_millis(50);
/// Files per loader batch: small enough for a quick first frame.
pub const LOAD_BATCH_FILES: usize = 256;

/// One thing that happened.
#[derive(Debug)]
pub enum AppEvent {
    Terminal(Event),
    Load(LoadEvent),
    /// Results from the filter worker.
    Filter(FilterEvent),
    /// Quotations found: (article index, its quotations).
    Quotes(Vec<(usize, Arc<ArticleQuotes>)>),
    /// Every article's quotations are in: the speakers of the corpus.
    Speakers(Box<SpeakerIndex>),
    /// Saving the reading state ran into a problem.
    StateWarning(crate::state::Warning),
    /// A signal asked us to stop (SIGTERM, SIGHUP, SIGINT, SIGQUIT).
    Stop,
    /// Reading the terminal failed; the loop ends with this error.
    InputFailed(String),
}

/// Read terminal events until the receiver goes away. While the gate is
/// paused the thread parks between two polls and leaves the terminal to
/// the program that has it.
pub fn spawn_input(tx: Sender<AppEvent>, gate: Arc<InputGate>) {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                gate.wait_while_paused();
                let event = match event::poll(INPUT_POLL) {
                    Ok(true) => event::read(),
                    Ok(false) => continue,
                    Err(e) => Err(e),
                };
                let msg = match event {
                    Ok(ev) => AppEvent::Terminal(ev),
                    Err(e) => AppEvent::InputFailed(e.to_string()),
                };
                let failed = matches!(msg, AppEvent::InputFailed(_));
                if tx.send(msg).is_err() || failed {
                    return;
                }
            }
        })
        .expect("can spawn the input thread");
}

/// Load the corpus in batches on a worker thread. Each batch is indexed
/// for the filter on this thread too, and handed to the filter worker and
/// the quotations thread before the UI sees it, so all number the
/// articles alike.
///
/// The receiver returned is disconnected when the thread has ended (after
/// loading, it writes the load cache): the reader waits on it a little at
/// exit, so that quitting right after a first load still leaves a cache.
pub fn spawn_loader(
    request: LoadRequest,
    tx: Sender<AppEvent>,
    filter: FilterHandle,
    quotes: QuoteWorker,
) -> Receiver<()> {
    let (done_tx, done) = std::sync::mpsc::channel::<()>();
    thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let _done = done_tx;
            load_streaming(&request, LOAD_BATCH_FILES, |ev| {
                if let LoadEvent::Batch { articles, .. } = &ev {
                    filter.append(IndexSegment::build(articles));
                    quotes.append(articles.clone());
                }
                let _ = tx.send(AppEvent::Load(ev));
            });
        })
        .expect("can spawn the loader thread");
    done
}

/// Articles per sweep chunk, and text per chunk: small enough that a
/// request for the article on screen is answered between two chunks
/// (tens of milliseconds), large enough to keep every core busy.
const SWEEP_CHUNK_ARTICLES: usize = 64;
const SWEEP_CHUNK_BYTES: usize = 1 << 20;

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
}

/// Finds quotations off the UI thread: first of the article the reader
/// shows (only the newest request matters: the reader has moved on from
/// older ones, and asks again if it comes back), and once loading has
/// finished, of every article, chunk by chunk on all cores, so that the
/// reader's requests are answered between two chunks. When every article
/// is done it builds the [`SpeakerIndex`] and sends it too.
#[derive(Clone)]
pub struct QuoteWorker {
    requests: Sender<Job>,
}

/// The quotations thread's own state.
struct Sweeper {
    tx: Sender<AppEvent>,
    /// Where the speaker directory goes, for `@name` filter terms.
    filter: FilterHandle,
    /// Its copy of the corpus (dropped once every article is done).
    articles: Vec<Article>,
    found: Vec<Option<Arc<ArticleQuotes>>>,
    /// Found so far, and where the sweep looks next.
    done: usize,
    next: usize,
    sweeping: bool,
    /// When the sweep was asked for (and when the thread started), for
    /// [`TIMING_ENV`].
    started: Instant,
    sweep_started: Option<Instant>,
}

impl QuoteWorker {
    pub fn spawn(tx: Sender<AppEvent>, filter: FilterHandle) -> Self {
        let (requests, rx) = std::sync::mpsc::channel::<Job>();
        thread::Builder::new()
            .name("quotes".into())
            .spawn(move || {
                Sweeper {
                    tx,
                    filter,
                    articles: Vec::new(),
                    found: Vec::new(),
                    done: 0,
                    next: 0,
                    sweeping: false,
                    started: Instant::now(),
                    sweep_started: None,
                }
                .run(&rx)
            })
            .expect("can spawn the quotations thread");
        QuoteWorker { requests }
    }

    /// Find the quotations of article `id` (already appended) soon.
    pub fn request(&self, id: usize) {
        let _ = self.requests.send(Job::Find(id));
    }

    /// Hand the thread its copy of the next loaded articles. Called by the
    /// loader before the UI sees them, so any request for one finds it.
    pub fn append(&self, articles: Vec<Article>) {
        let _ = self.requests.send(Job::Append(articles));
    }

    /// Find every article's quotations, then the speakers.
    pub fn sweep(&self) {
        let _ = self.requests.send(Job::Sweep);
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
                        self.found
                            .resize(self.articles.len().max(self.found.len()), None);
                    }
                    Job::Sweep => {
                        if self.sweep_started.is_none() {
                            self.sweep_started = Some(Instant::now());
                            self.sweeping = true;
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

    /// Send the quotations of article `id`, finding them if need be.
    fn answer(&mut self, id: usize) -> bool {
        let quotes = match self.found.get(id) {
            Some(Some(q)) => q.clone(),
            Some(None) if id < self.articles.len() => {
                let q = Arc::new(find_quotes(&self.articles[id]));
                self.found[id] = Some(q.clone());
                self.done += 1;
                q
            }
            _ => return true,
        };
        self.tx.send(AppEvent::Quotes(vec![(id, quotes)])).is_ok()
    }

    /// The next chunk of the sweep, or, all done, the speaker index.
    fn sweep_chunk(&mut self) -> bool {
        let mut ids = Vec::new();
        let mut bytes = 0;
        while self.next < self.articles.len()
            && ids.len() < SWEEP_CHUNK_ARTICLES
            && bytes < SWEEP_CHUNK_BYTES
        {
            if self.found[self.next].is_none() {
                ids.push(self.next);
                bytes += self.articles[self.next].text.len();
            }
            self.next += 1;
        }
        if !ids.is_empty() {
            let articles = &self.articles;
            let batch: Vec<(usize, Arc<ArticleQuotes>)> = ids
                .par_iter()
                .map(|&id| (id, Arc::new(find_quotes(&articles[id]))))
                .collect();
            for (id, q) in &batch {
                self.found[*id] = Some(q.clone());
            }
            self.done += batch.len();
            return self.tx.send(AppEvent::Quotes(batch)).is_ok();
        }
        if self.next < self.articles.len() {
            return true;
        }
        // Every article is done: the speakers, then rest.
        self.sweeping = false;
        let found_in = self.sweep_started.map(|t| t.elapsed());
        let t = Instant::now();
        let refs: Vec<&ArticleQuotes> = self.found.iter().flatten().map(Arc::as_ref).collect();
        let index = SpeakerIndex::build(&refs);
        self.filter
            .set_speakers(Arc::new(SpeakerDirectory::new(&index, &refs)));
        if std::env::var_os(TIMING_ENV).is_some() {
            eprintln!(
                "saidso: quotations of {} articles in {:.2?}, \
                 speaker index of {} speakers in {:.2?}; ready {:.2?} after start",
                self.articles.len(),
                found_in.unwrap_or_default(),
                index.speakers.len(),
                t.elapsed(),
                self.started.elapsed()
            );
        }
        // From here on every request is answered from `found`.
        self.articles = Vec::new();
        self.tx.send(AppEvent::Speakers(Box::new(index))).is_ok()
    }
}

/// Turn termination signals into a clean stop, so the terminal is restored.
/// While another program has the terminal (the gate is paused), Ctrl-C
/// and Ctrl-\ are that program's: its SIGINT and SIGQUIT reach us too,
/// as the terminal's foreground group, and are ignored, even when this
/// thread only gets to them after the program has ended (the gate knows:
/// see [`InputGate::interrupt_was_theirs`]).
pub fn spawn_signals(tx: Sender<AppEvent>, gate: Arc<InputGate>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    for interrupt in [SIGINT, SIGQUIT] {
        signal_hook::flag::register(interrupt, Arc::clone(&gate.interrupted))?;
    }
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if matches!(signal, SIGINT | SIGQUIT) && gate.interrupt_was_theirs() {
                    continue;
                }
                let _ = tx.send(AppEvent::Stop);
                return;
            }
        })?;
    Ok(())
}
