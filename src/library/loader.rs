//! The loader thread: the corpus in batches, each handed to the filter and
//! the quotations thread before the sink hears of it.

use std::sync::mpsc::Receiver;
use std::thread;

use crate::corpus::{LoadEvent, LoadRequest, load_streaming};
use crate::search::{FilterHandle, IndexSegment};

use super::{LibraryEvent, QuoteWorker, Sink};

/// Files per loader batch: small enough for a quick first frame.
pub const LOAD_BATCH_FILES: usize = 256;

/// Load `request` in batches on a new thread. Each batch is indexed for
/// the filter on this thread too (on every core, in a few segments), and handed to the filter worker and the
/// quotations thread before the sink sees it, so all number the articles
/// alike.
///
/// The receiver returned is disconnected when the thread has ended (after
/// loading, it writes the load cache).
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
            load_streaming(&request, LOAD_BATCH_FILES, |ev| {
                if let LoadEvent::Batch { articles, .. } = &ev {
                    for segment in IndexSegment::build_split(articles, rayon::current_num_threads())
                    {
                        filter.append(segment);
                    }
                    quotes.append(articles.clone());
                }
                // Loading goes on without a listener: the cache is still worth
                // writing.
                let _ = sink(LibraryEvent::Load(ev));
            });
        })?;
    Ok(done)
}
