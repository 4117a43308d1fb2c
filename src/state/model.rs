//! What saidso remembers between sessions, in memory: per article whether
//! it has been read and where the reader was; per corpus the article last
//! open. Merging two copies (two instances at once, or memory and disk)
//! keeps the newer record of each entry, so neither side loses progress.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// The format written by this version; a file with another version is
/// left alone (see [`super::store`]).
pub const FORMAT_VERSION: u32 = 1;

/// Articles remembered at most: the least recently updated are forgotten
/// past this, so the file stays small (a few MB) however much is read.
pub const MAX_ARTICLES: usize = 50_000;

/// Corpora whose last article is remembered at most.
pub const MAX_CORPORA: usize = 1_000;

/// An article's key: its content hash as 16 hex digits, so the state
/// follows the text, not the file name.
pub fn article_key(content_hash: u64) -> String {
    format!("{content_hash:016x}")
}

/// Milliseconds since the Unix epoch: when a record was made. Records are
/// compared by it, so a clock before 1970 counts as the oldest.
pub fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Where the reader was in an article, independent of the terminal width:
/// the byte offset (in the article's text) of the first text on screen,
/// and how many lines above the line holding it were on screen too (the
/// blank line before a paragraph, a heading in the quotations view).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub offset: usize,
    #[serde(default)]
    pub lead: usize,
}

/// One article's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    /// Opened in the reading pane at some time, or marked read; marked
    /// unread only by the user's say-so.
    pub read: bool,
    pub position: Position,
    /// When this record last changed (ms since the epoch).
    pub updated_at: u64,
    /// When `read` last changed (ms since the epoch; 0 in files written
    /// before it could be undone). Merging takes `read` from the side that
    /// changed it last, not from the newer position, so scrolling in one
    /// instance never undoes "mark unread" in another, nor the reverse.
    #[serde(default)]
    pub read_at: u64,
}

/// One corpus's record: the article last open in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusState {
    /// [`article_key`] of the article.
    pub last_article: String,
    pub updated_at: u64,
}

/// Everything remembered; also the shape of `state.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    /// [`article_key`] → record.
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleState>,
    /// Corpus key (see [`super::corpus_key()`]) → record.
    #[serde(default)]
    pub corpora: BTreeMap<String, CorpusState>,
}

impl ReadingState {
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty() && self.corpora.is_empty()
    }

    pub fn article(&self, content_hash: u64) -> Option<&ArticleState> {
        self.articles.get(&article_key(content_hash))
    }

    /// The article last open in a corpus, as its key.
    pub fn last_article(&self, corpus: &str) -> Option<&str> {
        self.corpora.get(corpus).map(|c| c.last_article.as_str())
    }

    /// Record an article's state (replacing what was there).
    pub fn record(&mut self, content_hash: u64, state: ArticleState) {
        self.articles.insert(article_key(content_hash), state);
    }

    /// Record the article last open in a corpus.
    pub fn record_last(&mut self, corpus: &str, content_hash: u64, updated_at: u64) {
        self.corpora.insert(
            corpus.to_string(),
            CorpusState {
                last_article: article_key(content_hash),
                updated_at,
            },
        );
    }

    /// Fold `other` in: per entry, the newer record wins (ties: `other`,
    /// the incoming one), except `read`, which the side that changed it
    /// last decides (a tie, as in files from before read could be undone,
    /// keeps read from either).
    pub fn merge(&mut self, other: &ReadingState) {
        for (k, theirs) in &other.articles {
            match self.articles.get_mut(k) {
                Some(ours) => {
                    let (read, read_at) = match ours.read_at.cmp(&theirs.read_at) {
                        Ordering::Greater => (ours.read, ours.read_at),
                        Ordering::Less => (theirs.read, theirs.read_at),
                        Ordering::Equal => (ours.read || theirs.read, ours.read_at),
                    };
                    if theirs.updated_at >= ours.updated_at {
                        *ours = *theirs;
                    }
                    ours.read = read;
                    ours.read_at = read_at;
                }
                None => {
                    self.articles.insert(k.clone(), *theirs);
                }
            }
        }
        for (k, theirs) in &other.corpora {
            match self.corpora.get_mut(k) {
                Some(ours) if ours.updated_at > theirs.updated_at => {}
                _ => {
                    self.corpora.insert(k.clone(), theirs.clone());
                }
            }
        }
    }

    /// Forget the least recently updated entries beyond the limits.
    pub fn prune(&mut self, max_articles: usize, max_corpora: usize) {
        fn keep_newest<V>(map: &mut BTreeMap<String, V>, max: usize, at: impl Fn(&V) -> u64) {
            if map.len() <= max {
                return;
            }
            let mut times: Vec<u64> = map.values().map(&at).collect();
            times.sort_unstable_by(|a, b| b.cmp(a));
            let cutoff = times[max - 1];
            // Ties at the cutoff: drop the surplus in key order.
            let mut at_cutoff = times[..max].iter().filter(|&&t| t == cutoff).count();
            map.retain(|_, v| {
                let t = at(v);
                if t > cutoff {
                    true
                } else if t == cutoff && at_cutoff > 0 {
                    at_cutoff -= 1;
                    true
                } else {
                    false
                }
            });
        }
        if max_articles == 0 {
            self.articles.clear();
        } else {
            keep_newest(&mut self.articles, max_articles, |a| a.updated_at);
        }
        if max_corpora == 0 {
            self.corpora.clear();
        } else {
            keep_newest(&mut self.corpora, max_corpora, |c| c.updated_at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(read: bool, offset: usize, at: u64) -> ArticleState {
        ArticleState {
            read,
            position: Position { offset, lead: 0 },
            updated_at: at,
            read_at: 0,
        }
    }

    #[test]
    fn keys_are_sixteen_hex_digits() {
        assert_eq!(article_key(0xab), "00000000000000ab");
        assert_eq!(article_key(u64::MAX), "ffffffffffffffff");
    }

    #[test]
    fn merge_keeps_the_newer_record_and_any_read() {
        let mut a = ReadingState::default();
        a.record(1, art(true, 100, 10));
        a.record(2, art(false, 5, 30));
        a.record_last("c", 1, 10);
        let mut b = ReadingState::default();
        b.record(1, art(false, 200, 20));
        b.record(2, art(false, 7, 25));
        b.record(3, art(true, 0, 1));
        b.record_last("c", 3, 20);
        a.merge(&b);
        // Newer position from b, read kept from a.
        assert_eq!(a.article(1), Some(&art(true, 200, 20)));
        // a's own record was newer.
        assert_eq!(a.article(2), Some(&art(false, 5, 30)));
        assert_eq!(a.article(3), Some(&art(true, 0, 1)));
        assert_eq!(a.last_article("c"), Some(article_key(3).as_str()));
    }

    #[test]
    fn merge_is_the_same_either_way_round() {
        let mut a = ReadingState::default();
        a.record(1, art(true, 100, 10));
        a.record_last("x", 1, 50);
        let mut b = ReadingState::default();
        b.record(1, art(false, 200, 20));
        b.record_last("x", 2, 40);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
    }

    #[test]
    fn read_follows_whoever_changed_it_last() {
        let rec = |read, offset, updated_at, read_at| ArticleState {
            read,
            position: Position { offset, lead: 0 },
            updated_at,
            read_at,
        };
        // Here: read at 10, marked unread at 50. There: scrolled at 60,
        // still holding the read of 10.
        let mut a = ReadingState::default();
        a.record(1, rec(false, 100, 50, 50));
        let mut b = ReadingState::default();
        b.record(1, rec(true, 300, 60, 10));
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab.article(1), Some(&rec(false, 300, 60, 50)));
        assert_eq!(ab, ba);
        // And read again later, there: read wins.
        b.record(1, rec(true, 300, 70, 70));
        ab.merge(&b);
        assert!(ab.article(1).is_some_and(|r| r.read));
    }

    #[test]
    fn prune_forgets_the_oldest() {
        let mut s = ReadingState::default();
        for i in 0..10 {
            s.record(i, art(false, 0, i));
        }
        s.record(100, art(false, 0, 9));
        s.prune(3, 1);
        let kept: Vec<u64> = s.articles.values().map(|a| a.updated_at).collect();
        assert_eq!(kept.len(), 3);
        assert!(kept.iter().all(|&t| t >= 8), "{kept:?}");
    }
}
