//! The filter worker: matching off the UI thread, latest query wins.
//!
//! The UI calls [`FilterWorker::submit`] on every keystroke and
//! [`FilterWorker::append`] for every loaded batch; both return at once.
//! One background thread owns the [`SearchIndex`] and the narrowing stack.
//! It works on the newest query only: each submit bumps a generation
//! counter, queries still queued behind a newer one are skipped, and a
//! running scan checks the counter between chunks and gives up as soon as
//! it is stale. Results stream: a partial top-k after each wave of chunks
//! (the first wave is small, so something shows within a frame), then a
//! final one with `complete: true`. Articles appended after a query ran
//! are searched for it too, and a new final event follows.
//!
//! Every event carries its generation. The worker never starts an event
//! for a generation it knows to be stale, but a submit can race with an
//! event already on its way: the UI keeps the last generation it
//! submitted and drops events of older ones.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender, unbounded};

use super::index::{IndexSegment, SearchIndex};
use super::narrow::{Entry, NarrowStack, equivalent};
use super::query::{Query, parse};
use super::rank::{ArticleHit, TopK, top_k};
use super::scan::{CHUNK_PARAGRAPHS, Matcher, all_ids, chunk_ids};

/// What the worker reports, on its own thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterEvent {
    /// The value [`FilterWorker::submit`] returned for this query.
    pub generation: u64,
    /// The best hits so far, best first (at most `top_k`).
    pub hits: Vec<ArticleHit>,
    /// Articles found to match so far ("N" of "N of M").
    pub matched_articles: usize,
    /// Articles decided so far (all of them when `complete`: "M").
    pub searched_articles: usize,
    /// Articles in the index when this query (or update) started.
    pub total_articles: usize,
    /// The ranking is final for the articles loaded so far.
    pub complete: bool,
}

/// Tuning; the defaults suit the TUI.
#[derive(Debug, Clone, Copy)]
pub struct FilterOptions {
    /// Hits per event.
    pub top_k: usize,
    /// Paragraphs per unit of parallel work; cancellation is checked
    /// between units.
    pub chunk_paragraphs: usize,
}

impl Default for FilterOptions {
    fn default() -> Self {
        FilterOptions {
            top_k: 1000,
            chunk_paragraphs: CHUNK_PARAGRAPHS,
        }
    }
}

enum Command {
    Append(IndexSegment),
    Query(u64, Query),
}

/// Handle to the background filter thread; dropping it stops the thread.
pub struct FilterWorker {
    tx: Option<Sender<Command>>,
    gate: Gate,
    thread: Option<JoinHandle<()>>,
}

/// The newest generation submitted, and whether the worker is closing:
/// what a scan looks at to know it is no longer wanted.
#[derive(Debug, Clone, Default)]
struct Gate {
    latest: Arc<AtomicU64>,
    shutdown: Arc<AtomicBool>,
}

impl Gate {
    fn stale(&self, generation: u64) -> bool {
        self.shutdown.load(Ordering::Relaxed) || self.latest.load(Ordering::Relaxed) != generation
    }
}

impl FilterWorker {
    /// Start the worker with default options. `on_event` runs on the
    /// worker thread: keep it short (send into the UI's channel).
    pub fn spawn(on_event: impl Fn(FilterEvent) + Send + 'static) -> Self {
        Self::with_options(FilterOptions::default(), on_event)
    }

    pub fn with_options(
        options: FilterOptions,
        on_event: impl Fn(FilterEvent) + Send + 'static,
    ) -> Self {
        let (tx, rx) = unbounded();
        let gate = Gate::default();
        let mut state = State {
            options,
            index: SearchIndex::new(),
            stack: NarrowStack::default(),
            current: None,
            gate: gate.clone(),
            emit: Box::new(on_event),
        };
        let thread = std::thread::Builder::new()
            .name("saidso-filter".into())
            .spawn(move || state.run(rx))
            .ok();
        FilterWorker {
            tx: Some(tx),
            gate,
            thread,
        }
    }

    /// Add the next loaded batch (see [`IndexSegment::build`]).
    pub fn append(&self, segment: IndexSegment) {
        self.send(Command::Append(segment));
    }

    /// Filter with `query` (fzf syntax) from now on; returns the
    /// generation its events will carry. Older queries are abandoned.
    pub fn submit(&self, query: &str) -> u64 {
        self.submit_query(parse(query))
    }

    pub fn submit_query(&self, query: Query) -> u64 {
        let generation = self.gate.latest.fetch_add(1, Ordering::SeqCst) + 1;
        self.send(Command::Query(generation, query));
        generation
    }

    fn send(&self, command: Command) {
        if let Some(tx) = &self.tx {
            // A dead worker (it cannot panic by design) just stops replying.
            let _ = tx.send(command);
        }
    }
}

impl Drop for FilterWorker {
    fn drop(&mut self) {
        self.gate.shutdown.store(true, Ordering::SeqCst);
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The query whose results are current, kept to search appended articles.
struct Current {
    generation: u64,
    matcher: Matcher,
}

struct State {
    options: FilterOptions,
    index: SearchIndex,
    stack: NarrowStack,
    current: Option<Current>,
    gate: Gate,
    emit: Box<dyn Fn(FilterEvent) + Send>,
}

impl State {
    fn run(&mut self, rx: Receiver<Command>) {
        while let Ok(first) = rx.recv() {
            // Take everything queued: all appends, and only the last query.
            let mut query = None;
            let mut appended = false;
            for command in std::iter::once(first).chain(rx.try_iter()) {
                match command {
                    Command::Append(seg) => {
                        self.index.append(seg);
                        appended = true;
                    }
                    Command::Query(generation, q) => query = Some((generation, q)),
                }
            }
            match query {
                Some((generation, q)) if !self.gate.stale(generation) => self.search(generation, q),
                // Superseded: the newer query is already queued.
                Some(_) => {}
                None if appended => self.extend_current(),
                None => {}
            }
        }
    }

    fn search(&mut self, generation: u64, query: Query) {
        let n = self.index.articles();
        let k = self.options.top_k;
        let base = self.stack.base_for(&query);
        // Same query as one already ranked over everything (backspace):
        // its answer stands.
        if let Some(b) = base
            && b.searched == n
            && equivalent(&b.query, &query)
        {
            let event = FilterEvent {
                generation,
                hits: b.top.iter().take(k).copied().collect(),
                matched_articles: b.ids.len(),
                searched_articles: n,
                total_articles: n,
                complete: true,
            };
            (self.emit)(event);
            self.current = Some(Current {
                generation,
                matcher: Matcher::new(query),
            });
            return;
        }
        let candidates = base.map_or_else(|| all_ids(0..n), |b| b.candidates(n));
        let matcher = Matcher::new(query);
        let chunks = chunk_ids(&self.index, &candidates, self.options.chunk_paragraphs);
        let gate = &self.gate;
        let stop = || gate.stale(generation);

        let mut top = TopK::new(k);
        let mut ids: Vec<u32> = Vec::new();
        let threads = rayon::current_num_threads().max(1);
        // One chunk per core first (a frame's worth at most), then waves
        // doubling up to 16 per core: fewer events as the scan goes on.
        let mut wave = threads;
        let mut done = 0;
        loop {
            let end = (done + wave).min(chunks.len());
            let Some(hits) = matcher.scan_chunks(&self.index, &chunks[done..end], &stop) else {
                return;
            };
            ids.extend(hits.iter().map(|h| h.article as u32));
            top.extend(hits);
            done = end;
            wave = (wave * 2).min(threads * 16);
            if stop() {
                return;
            }
            let complete = done == chunks.len();
            let searched = match chunks[..done].last().and_then(|c| c.last()) {
                Some(&last) if !complete => last as usize + 1,
                _ => n,
            };
            (self.emit)(FilterEvent {
                generation,
                hits: top.sorted(),
                matched_articles: ids.len(),
                searched_articles: searched,
                total_articles: n,
                complete,
            });
            if complete {
                break;
            }
        }
        self.stack.push(Entry {
            query: matcher.query().clone(),
            ids,
            searched: n,
            top: top.sorted(),
        });
        self.current = Some(Current {
            generation,
            matcher,
        });
    }

    /// Articles were appended under a finished query: search them for it,
    /// merge, and report the new final ranking.
    fn extend_current(&mut self) {
        let Some(current) = &self.current else {
            return;
        };
        let generation = current.generation;
        let n = self.index.articles();
        let Some(entry) = self.stack.top_mut() else {
            return;
        };
        let gate = &self.gate;
        if entry.searched >= n || gate.stale(generation) {
            return;
        }
        let stop = || gate.stale(generation);
        let new_ids = all_ids(entry.searched..n);
        let Some(hits) = current.matcher.scan(&self.index, &new_ids, &stop) else {
            return;
        };
        entry.ids.extend(hits.iter().map(|h| h.article as u32));
        entry.searched = n;
        let mut merged = std::mem::take(&mut entry.top);
        merged.extend(hits);
        entry.top = top_k(&merged, self.options.top_k);
        (self.emit)(FilterEvent {
            generation,
            hits: entry.top.clone(),
            matched_articles: entry.ids.len(),
            searched_articles: n,
            total_articles: n,
            complete: true,
        });
    }
}
