//! Everything that can wake the event loop, from its own threads: terminal
//! input, the corpus loader and OS signals all feed one channel.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event};

use crate::corpus::{Article, LoadEvent, LoadRequest, load_streaming};
use crate::quotes::{ArticleQuotes, find_quotes};
use crate::search::{FilterEvent, FilterHandle, IndexSegment};

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
    /// The quotations of articles `first..first + quotes.len()`.
    Quotes {
        first: usize,
        quotes: Vec<Arc<ArticleQuotes>>,
    },
    /// A signal asked us to stop (SIGTERM, SIGHUP, SIGINT, SIGQUIT).
    Stop,
    /// Reading the terminal failed; the loop ends with this error.
    InputFailed(String),
}

/// Read terminal events until the receiver goes away. While `paused` is
/// set the thread leaves the terminal alone.
pub fn spawn_input(tx: Sender<AppEvent>, paused: Arc<AtomicBool>) {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                if paused.load(Ordering::SeqCst) {
                    thread::sleep(INPUT_POLL);
                    continue;
                }
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
/// for the filter on this thread too, and handed to the filter worker
/// before the UI sees it, so both number the articles alike.
pub fn spawn_loader(request: LoadRequest, tx: Sender<AppEvent>, filter: FilterHandle) {
    thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            load_streaming(&request, LOAD_BATCH_FILES, |ev| {
                if let LoadEvent::Batch { articles, .. } = &ev {
                    filter.append(IndexSegment::build(articles));
                }
                let _ = tx.send(AppEvent::Load(ev));
            });
        })
        .expect("can spawn the loader thread");
}

/// Finds the quotations of the article the reader shows, off the UI
/// thread (a 20 MB article takes a while). Only the newest request
/// matters: the reader has moved on from the older ones, and asks again
/// if it comes back.
pub struct QuoteWorker {
    requests: Sender<(usize, Article)>,
}

impl QuoteWorker {
    pub fn spawn(tx: Sender<AppEvent>) -> Self {
        let (requests, rx) = std::sync::mpsc::channel::<(usize, Article)>();
        thread::Builder::new()
            .name("quotes".into())
            .spawn(move || {
                // The app may ask again for an article it feared was
                // overtaken; one just answered needs no second run.
                let mut last = None;
                while let Ok(mut job) = rx.recv() {
                    while let Ok(newer) = rx.try_recv() {
                        job = newer;
                    }
                    let (id, article) = job;
                    if last.replace(id) == Some(id) {
                        continue;
                    }
                    let quotes = vec![Arc::new(find_quotes(&article))];
                    if tx.send(AppEvent::Quotes { first: id, quotes }).is_err() {
                        return;
                    }
                }
            })
            .expect("can spawn the quotations thread");
        QuoteWorker { requests }
    }

    /// Find the quotations of `article` (numbered `id`).
    pub fn request(&self, id: usize, article: Article) {
        let _ = self.requests.send((id, article));
    }
}

/// Turn termination signals into a clean stop, so the terminal is restored.
pub fn spawn_signals(tx: Sender<AppEvent>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                let _ = tx.send(AppEvent::Stop);
            }
        })?;
    Ok(())
}
