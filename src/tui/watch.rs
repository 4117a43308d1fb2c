//! Noticing that the article on screen changed on disk (saved in `$EDITOR`
//! from `e`, or by anyone), and reading it again.
//!
//! A thread looks at the file of the article the reader shows once a
//! second. The first time it sees a file it reads it and compares its
//! text with the article's (it may have changed since loading); after
//! that one `stat` a second tells whether its size or time changed. A
//! changed file is read and cleaned on that thread and the new article
//! goes to the app as `Msg::Reloaded`. The app stays free of I/O: the
//! runtime only tells the watcher which file is on screen.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crate::corpus::cache::FileStamp;

use super::msg::Msg;

/// How often the file on screen is looked at.
const EVERY: Duration = Duration::from_secs(1);

/// Files up to this size are read at first sight to compare with the
/// article as loaded; reading a larger one each time it is shown would
/// take a core from the reader for nothing, so it is watched from then on.
const FIRST_SIGHT_MAX_BYTES: u64 = 1 << 20;

/// The file on screen: (article index, path shown, path, the content
/// hash of the article as the reader has it).
type Watched = Option<(usize, String, PathBuf, u64)>;

/// The runtime's handle: say which file is on screen.
#[derive(Clone, Default)]
pub struct Watch {
    watched: Arc<Mutex<Watched>>,
}

impl Watch {
    /// Start the watcher; it ends when the channel closes.
    pub fn spawn(tx: Sender<Msg>) -> std::io::Result<Watch> {
        let watch = Watch::default();
        let watched = Arc::clone(&watch.watched);
        thread::Builder::new().name("watch".into()).spawn(move || {
            let mut seen: HashMap<PathBuf, Option<FileStamp>> = HashMap::new();
            loop {
                thread::sleep(EVERY);
                let now = watched
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone();
                let Some((index, shown, path, hash)) = now else {
                    continue;
                };
                let stamp = std::fs::metadata(&path)
                    .ok()
                    .and_then(|m| FileStamp::of(&m));
                let article = match seen.get(&path) {
                    // Seen, and not changed since.
                    Some(before) if *before == stamp || stamp.is_none() => continue,
                    Some(_) => read(&shown, &path),
                    // First sight: changed since it was loaded? (Compared
                    // by text up to a size; past it, from now on.)
                    None if stamp.is_some_and(|s| s.size <= FIRST_SIGHT_MAX_BYTES) => {
                        read(&shown, &path).filter(|a| a.content_hash != hash)
                    }
                    None => None,
                };
                seen.insert(path.clone(), stamp);
                let Some(article) = article else {
                    continue;
                };
                if tx.send(Msg::Reloaded(index, Box::new(article))).is_err() {
                    return;
                }
            }
        })?;
        Ok(watch)
    }

    /// The article on screen now, if it has a file of its own.
    pub fn show(&self, now: Watched) {
        *self.watched.lock().unwrap_or_else(PoisonError::into_inner) = now;
    }
}

/// The file read again as an article; None when it cannot be read now
/// (half written, removed): the next look tries again.
/// The file read as loading read it (a page as a page, not as text).
fn read(shown: &str, path: &std::path::Path) -> Option<crate::corpus::Article> {
    crate::corpus::reread(shown, path)
}
