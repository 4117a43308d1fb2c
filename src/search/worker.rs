//! The filter worker: matching off the UI thread, latest query wins.
//!
//! The UI calls [`FilterWorker::submit`] on every keystroke and
//! [`FilterWorker::append`] for every loaded batch; both return at once.
//! One background thread owns the [`SearchIndex`] and the narrowing stack.
//! It works on the newest query only: each submit bumps a generation
//! counter, queries still queued behind a newer one are skipped, and a
//! running scan checks the counter between chunks and gives up as soon as
//! it is stale. Results stream: chunks of about 8k paragraphs run on the
//! rayon pool, and a partial top-k is reported after the first chunk
//! (a few milliseconds, well within a frame) and then every 15 ms at most,
//! then a final one with `complete: true`. Articles appended after a query
//! ran are searched for it too, and a new final event follows.
//!
//! While a query grows, only the previous query's hits are looked at (see
//! [`super::narrow`]).
//!
//! Every event carries its generation. The worker never starts an event
//! for a generation it knows to be stale, but a submit can race with an
//! event already on its way: the UI keeps the last generation it
//! submitted and drops events of older ones.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, unbounded};
use rayon::prelude::*;

use super::index::{IndexSegment, SearchIndex};
use super::narrow::{Entry, NarrowStack, same_terms};
use super::query::{Query, parse};
use super::rank::{ArticleHit, TopK, top_k};
use super::scan::{CHUNK_PARAGRAPHS, Found, GroupHits, Matcher, Reuse, all_ids, chunk_ids};
use super::scope::{Scope, SpeakerDirectory};

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
    /// For a query with `@name`: where it looked (for highlighting the
    /// same paragraphs), or `None` while the speakers are not known yet
    /// (see `speakers_pending`).
    pub scope: Option<Arc<Scope>>,
    /// The query names speakers, and the speaker index is still being
    /// built: nothing matches until it arrives, then the query is run
    /// again by itself.
    pub speakers_pending: bool,
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

/// Partial results are reported at most this often (after the first).
const PARTIAL_EVERY: Duration = Duration::from_millis(15);

enum Command {
    Append(IndexSegment),
    /// An article read again (changed on disk): its one-article segment.
    Replace(usize, IndexSegment),
    Query(u64, Query),
    Speakers(Arc<SpeakerDirectory>),
    Stop,
}

/// The background filter thread; dropping it stops the thread.
pub struct FilterWorker {
    handle: FilterHandle,
    thread: Option<JoinHandle<()>>,
}

/// A cheap, cloneable way to feed the worker from other threads (the
/// loader's thread, say). It does not keep the worker alive.
#[derive(Clone)]
pub struct FilterHandle {
    tx: Sender<Command>,
    gate: Gate,
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
            directory: None,
            gate: gate.clone(),
            emit: Box::new(on_event),
        };
        let thread = std::thread::Builder::new()
            .name("saidso-filter".into())
            .spawn(move || state.run(rx))
            .ok();
        FilterWorker {
            handle: FilterHandle { tx, gate },
            thread,
        }
    }

    /// A handle for other threads.
    pub fn handle(&self) -> FilterHandle {
        self.handle.clone()
    }

    /// Add the next loaded batch (see [`IndexSegment::build`]).
    pub fn append(&self, segment: IndexSegment) {
        self.handle.append(segment);
    }

    /// Filter with `query` (fzf syntax) from now on; returns the
    /// generation its events will carry. Older queries are abandoned.
    pub fn submit(&self, query: &str) -> u64 {
        self.handle.submit(query)
    }

    pub fn submit_query(&self, query: Query) -> u64 {
        self.handle.submit_query(query)
    }

    /// See [`FilterHandle::submit_as`].
    pub fn submit_as(&self, generation: u64, query: Query) {
        self.handle.submit_as(generation, query);
    }

    /// See [`FilterHandle::set_speakers`].
    pub fn set_speakers(&self, directory: Arc<SpeakerDirectory>) {
        self.handle.set_speakers(directory);
    }
}

impl FilterHandle {
    /// See [`FilterWorker::append`].
    pub fn append(&self, segment: IndexSegment) {
        // A stopped worker just stops replying.
        let _ = self.tx.send(Command::Append(segment));
    }

    /// Article `id` was read again (changed on disk): search `segment`,
    /// its new text, for it, and rank the current query again.
    pub fn replace(&self, id: usize, segment: IndexSegment) {
        let _ = self.tx.send(Command::Replace(id, segment));
    }

    /// See [`FilterWorker::submit`].
    pub fn submit(&self, query: &str) -> u64 {
        self.submit_query(parse(query))
    }

    pub fn submit_query(&self, query: Query) -> u64 {
        let generation = self.gate.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let _ = self.tx.send(Command::Query(generation, query));
        generation
    }

    /// Filter with an already parsed `query` under `generation`, numbered
    /// by the caller (the reader numbers its queries as they are typed,
    /// so it knows which results are current without asking). Numbers
    /// must grow: an older one is stale on arrival.
    pub fn submit_as(&self, generation: u64, query: Query) {
        self.gate.latest.fetch_max(generation, Ordering::SeqCst);
        let _ = self.tx.send(Command::Query(generation, query));
    }

    /// Who is quoted where, for `@name` terms; replaces the previous
    /// directory, and a query in force that names speakers is run again
    /// (under its generation).
    pub fn set_speakers(&self, directory: Arc<SpeakerDirectory>) {
        let _ = self.tx.send(Command::Speakers(directory));
    }
}

impl Drop for FilterWorker {
    fn drop(&mut self) {
        self.handle.gate.shutdown.store(true, Ordering::SeqCst);
        let _ = self.handle.tx.send(Command::Stop);
        if let Some(t) = self.thread.take() {
            // Dropped from inside `on_event`: the thread ends by itself.
            if t.thread().id() != std::thread::current().id() {
                let _ = t.join();
            }
        }
    }
}

/// The query whose results are current, kept to search appended articles.
struct Current {
    generation: u64,
    matcher: Matcher,
}

/// A scoped query that ran before the directory came, to run again.
fn names_speakers(current: &Option<Current>) -> Option<(u64, Query)> {
    let c = current.as_ref()?;
    (!c.matcher.query().speakers().is_empty()).then(|| (c.generation, c.matcher.query().clone()))
}

struct State {
    options: FilterOptions,
    index: SearchIndex,
    stack: NarrowStack,
    current: Option<Current>,
    directory: Option<Arc<SpeakerDirectory>>,
    gate: Gate,
    emit: Box<dyn Fn(FilterEvent) + Send>,
}

impl State {
    fn run(&mut self, rx: Receiver<Command>) {
        while let Ok(first) = rx.recv() {
            // Take everything queued: all appends, and only the last query.
            let mut query = None;
            let mut appended = false;
            // The narrowing stack was dropped: the current query cannot be
            // extended to new articles, only run again.
            let mut reset = false;
            for command in std::iter::once(first).chain(rx.try_iter()) {
                match command {
                    Command::Stop => return,
                    Command::Append(seg) => {
                        self.index.append(seg);
                        appended = true;
                    }
                    Command::Replace(id, seg) => {
                        self.index.replace(id, seg);
                        // Hits kept for the old text are stale; the list
                        // shown is ranked again.
                        self.stack = NarrowStack::default();
                        if query.is_none() {
                            query = self
                                .current
                                .as_ref()
                                .map(|c| (c.generation, c.matcher.query().clone()));
                        }
                    }
                    Command::Query(generation, q) => query = Some((generation, q)),
                    Command::Speakers(d) => {
                        self.directory = Some(d);
                        // Hits cached under the old directory's scopes
                        // are stale.
                        self.stack = NarrowStack::default();
                        reset = true;
                    }
                }
            }
            if reset && query.is_none() {
                // A scoped query waited for the directory; and articles
                // appended in the same breath as the reset (a small corpus
                // loads and is swept at once) are only found by running
                // the query again.
                query = if appended {
                    self.current
                        .as_ref()
                        .map(|c| (c.generation, c.matcher.query().clone()))
                } else {
                    names_speakers(&self.current)
                };
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
        let scoped = !query.speakers().is_empty();
        let scope = match (&self.directory, scoped) {
            (Some(d), true) => Some(Arc::new(d.resolve(query.speakers()))),
            (None, true) => {
                // Nothing to match against yet; the directory's arrival
                // runs this again.
                (self.emit)(FilterEvent {
                    generation,
                    hits: Vec::new(),
                    matched_articles: 0,
                    searched_articles: n,
                    total_articles: n,
                    complete: true,
                    scope: None,
                    speakers_pending: true,
                });
                self.current = Some(Current {
                    generation,
                    matcher: Matcher::new(query),
                });
                return;
            }
            _ => None,
        };
        let base = self.stack.base_for(&query);
        // Same query as one already ranked over everything (backspace):
        // its answer stands.
        if let Some(b) = base
            && b.searched == n
            && same_terms(&b.query, &query)
        {
            let event = FilterEvent {
                generation,
                hits: b.top.iter().take(k).copied().collect(),
                matched_articles: b.ids.len(),
                searched_articles: n,
                total_articles: n,
                complete: true,
                scope: scope.clone(),
                speakers_pending: false,
            };
            // The entry's own query, so that appended articles extend the
            // entry's paragraph hits group for group.
            let matcher = Matcher::new(b.query.clone()).with_scope(scope);
            (self.emit)(event);
            self.current = Some(Current {
                generation,
                matcher,
            });
            return;
        }
        let mut candidates = base.map_or_else(|| all_ids(0..n), |b| b.candidates(n));
        if let Some(s) = &scope {
            // Both ascending: keep the candidates the scope has.
            let wanted = s.articles();
            candidates.retain(|id| wanted.binary_search(id).is_ok());
        }
        let reuse = base.map(|b| b.reuse_for(&query)).unwrap_or_default();
        let matcher = Matcher::new(query).with_scope(scope.clone());
        let chunks = chunk_ids(&self.index, &candidates, self.options.chunk_paragraphs);
        let gate = &self.gate;
        let stop = || gate.stale(generation);

        // Chunks run on the rayon pool with no barrier between them; this
        // thread merges results as they come and reports a partial top-k
        // after the first chunk and then every PARTIAL_EVERY at most.
        let (tx, rx) = unbounded::<(usize, Option<Found>)>();
        let mut results: Vec<Option<Found>> = (0..chunks.len()).map(|_| None).collect();
        let mut top = TopK::new(k);
        let mut matched = 0;
        // Articles that are not candidates are decided already.
        let mut decided = n - candidates.len();
        let mut received = 0;
        let mut last_emit: Option<Instant> = None;
        let (index, matcher_ref, reuse_ref, chunks_ref) = (&self.index, &matcher, &reuse, &chunks);
        std::thread::scope(|threads| {
            threads.spawn(move || {
                chunks_ref
                    .par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, chunk)| {
                        let found = matcher_ref.scan_chunks(
                            index,
                            std::slice::from_ref(chunk),
                            &stop,
                            reuse_ref,
                            true,
                        );
                        let _ = tx.send((i, found));
                    });
            });
            for (i, found) in rx.iter() {
                received += 1;
                let Some(found) = found else { continue };
                matched += found.hits.len();
                decided += chunks[i].len();
                top.extend(found.hits.iter().copied());
                results[i] = Some(found);
                let due = last_emit.is_none_or(|t| t.elapsed() >= PARTIAL_EVERY);
                if received < chunks.len() && due && !stop() {
                    (self.emit)(FilterEvent {
                        generation,
                        hits: top.sorted(),
                        matched_articles: matched,
                        searched_articles: decided,
                        total_articles: n,
                        complete: false,
                        scope: scope.clone(),
                        speakers_pending: false,
                    });
                    last_emit = Some(Instant::now());
                }
            }
        });
        if stop() || results.iter().any(Option::is_none) {
            return;
        }
        let hits = top.sorted();
        (self.emit)(FilterEvent {
            generation,
            hits: hits.clone(),
            matched_articles: matched,
            searched_articles: n,
            total_articles: n,
            complete: true,
            scope: scope.clone(),
            speakers_pending: false,
        });
        // In chunk order: ids and paragraph hits ascending.
        let mut ids: Vec<u32> = Vec::with_capacity(matched);
        let mut groups: Vec<GroupHits> = vec![Vec::new(); matcher.query().groups().len()];
        for found in results.into_iter().flatten() {
            ids.extend(found.hits.iter().map(|h| h.article as u32));
            for (all, more) in groups.iter_mut().zip(found.groups) {
                all.extend(more);
            }
        }
        self.stack.push(Entry {
            query: matcher.query().clone(),
            ids,
            searched: n,
            top: hits,
            groups: groups.into_iter().map(|g| Some(Arc::new(g))).collect(),
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
        if !current.matcher.query().speakers().is_empty() && current.matcher.scope().is_none() {
            // Waiting for the speakers: nothing to extend.
            return;
        }
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
        let chunks = chunk_ids(&self.index, &new_ids, self.options.chunk_paragraphs);
        let Some(found) =
            current
                .matcher
                .scan_chunks(&self.index, &chunks, &stop, &Reuse::default(), true)
        else {
            return;
        };
        let hits = found.hits;
        entry.ids.extend(hits.iter().map(|h| h.article as u32));
        for (all, more) in entry.groups.iter_mut().zip(found.groups) {
            if let Some(all) = all {
                Arc::make_mut(all).extend(more);
            }
        }
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
            scope: current.matcher.scope().cloned(),
            speakers_pending: false,
        });
    }
}

#[cfg(test)]
#[path = "worker_tests.rs"]
mod tests;
