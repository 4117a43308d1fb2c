//! The reader's side of reading state: which article to reopen, what
//! counts as read, and what changed since the runtime last saved. The
//! state itself and the file it lives in are the core's
//! ([`crate::state`]); this only decides what to record.
//!
//! An article counts as read once it has been open in the reading pane
//! (Enter, Tab or a click there) or scrolled with the wheel; previewing it
//! from the list does not count. Its position is recorded whenever it
//! changes, and the article on screen is the corpus's last article.

use crate::corpus::Article;
use crate::state::{ArticleState, Position, ReadingState, Warning, article_key, now_millis};

/// What the reader remembers and still has to hand to the writer.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// Everything remembered: loaded at start, updated while reading.
    state: ReadingState,
    /// The open corpus (see [`crate::state::corpus_key`]).
    corpus: String,
    /// The article to reopen (its key) until it has loaded, loading has
    /// finished without it, or the user has moved.
    restore: Option<String>,
    /// Recorded since the last [`take_changes`](Self::take_changes).
    changes: ReadingState,
    /// Problems with the files saidso keeps (reading state, load cache),
    /// for the status bar and `!`.
    pub warnings: Vec<Warning>,
    /// The article the user marked unread while it was on screen: it stays
    /// unread until another article has been on screen.
    kept_unread: Option<u64>,
}

impl Reading {
    /// Remembered state for corpus `corpus`; its last article is reopened
    /// when it loads.
    pub fn new(state: ReadingState, corpus: String) -> Self {
        let restore = state.last_article(&corpus).map(str::to_string);
        Reading {
            state,
            corpus,
            restore,
            ..Reading::default()
        }
    }

    pub fn is_read(&self, content_hash: u64) -> bool {
        self.state.article(content_hash).is_some_and(|a| a.read)
    }

    /// Where the reader was in an article, if anywhere.
    pub fn position(&self, content_hash: u64) -> Option<Position> {
        self.state.article(content_hash).map(|a| a.position)
    }

    /// Still waiting for the last article to load.
    pub fn restoring(&self) -> bool {
        self.restore.is_some()
    }

    /// The index in `articles` of the article to reopen, if it is there;
    /// found once.
    pub fn find_restore(&mut self, articles: &[Article]) -> Option<usize> {
        let key = self.restore.as_deref()?;
        let i = articles
            .iter()
            .position(|a| article_key(a.content_hash) == key)?;
        self.restore = None;
        Some(i)
    }

    /// The user has moved, or loading is over: reopen nothing after all.
    pub fn cancel_restore(&mut self) {
        self.restore = None;
    }

    /// Mark an article read, where it was left (the last article open
    /// stays what it was).
    pub fn mark_read(&mut self, content_hash: u64) {
        if !self.is_read(content_hash) {
            self.set_read(content_hash, true);
        }
    }

    /// `m`: read becomes unread and unread read. Returns the new state.
    pub fn toggle_read(&mut self, content_hash: u64) -> bool {
        let read = !self.is_read(content_hash);
        self.set_read(content_hash, read);
        self.kept_unread = (!read).then_some(content_hash);
        read
    }

    fn set_read(&mut self, content_hash: u64, read: bool) {
        let old = self.state.article(content_hash).copied();
        let now = now_millis();
        let record = ArticleState {
            read,
            position: old.map(|o| o.position).unwrap_or_default(),
            updated_at: now,
            read_at: now,
        };
        self.state.record(content_hash, record);
        self.changes.record(content_hash, record);
    }

    /// The article on screen, whether it is being read, and where: recorded
    /// (with the time) when anything differs from what is remembered.
    pub fn note(&mut self, content_hash: u64, read: bool, position: Position) {
        if self.restoring() {
            // Selecting the first article while the last one loads is not
            // the user's doing.
            return;
        }
        if self.kept_unread.is_some_and(|h| h != content_hash) {
            self.kept_unread = None;
        }
        let old = self.state.article(content_hash).copied();
        let read = (read && self.kept_unread.is_none()) || old.is_some_and(|o| o.read);
        let unchanged = match old {
            Some(o) => o.read == read && o.position == position,
            // Nothing worth a record: never opened, at the top.
            None => !read && position == Position::default(),
        };
        if !unchanged {
            let now = now_millis();
            let read_at = match old {
                Some(o) if o.read == read => o.read_at,
                _ => now,
            };
            let record = ArticleState {
                read,
                position,
                updated_at: now,
                read_at,
            };
            self.state.record(content_hash, record);
            self.changes.record(content_hash, record);
        }
        let key = article_key(content_hash);
        if self.state.last_article(&self.corpus) != Some(key.as_str()) {
            let at = now_millis();
            self.state.record_last(&self.corpus, content_hash, at);
            self.changes.record_last(&self.corpus, content_hash, at);
        }
    }

    /// What changed since the last call, for the writer.
    pub fn take_changes(&mut self) -> ReadingState {
        std::mem::take(&mut self.changes)
    }

    /// A problem with the state file (each told once).
    pub fn warn(&mut self, warning: Warning) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }
}
