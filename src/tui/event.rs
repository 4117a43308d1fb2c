//! Everything that can wake the event loop, from its own threads: terminal
//! input, the corpus loader and OS signals all feed one channel.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event};
use rayon::prelude::*;

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
/// before the UI sees it, so both number the articles alike. A copy goes
/// to a second thread that finds its quotations: the articles show at
/// once, their highlights a moment later, and loading never waits.
pub fn spawn_loader(request: LoadRequest, tx: Sender<AppEvent>, filter: FilterHandle) {
    let (quote_tx, quote_rx) = std::sync::mpsc::channel::<(usize, Vec<Article>)>();
    let quotes_out = tx.clone();
    thread::Builder::new()
        .name("quotes".into())
        .spawn(move || {
            for (first, articles) in quote_rx {
                let quotes = articles
                    .par_iter()
                    .map(|a| Arc::new(find_quotes(a)))
                    .collect();
                if quotes_out.send(AppEvent::Quotes { first, quotes }).is_err() {
                    return;
                }
            }
        })
        .expect("can spawn the quotations thread");
    thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let mut loaded = 0;
            load_streaming(&request, LOAD_BATCH_FILES, |ev| {
                if let LoadEvent::Batch { articles, .. } = &ev {
                    filter.append(IndexSegment::build(articles));
                    let _ = quote_tx.send((loaded, articles.clone()));
                    loaded += articles.len();
                }
                let _ = tx.send(AppEvent::Load(ev));
            });
        })
        .expect("can spawn the loader thread");
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
