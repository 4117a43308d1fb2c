//! Every article's quotations, then the speakers across them, with no
//! threads: the one place where "quote every article, then index the
//! speakers" is written.
//!
//! A [`Quotations`] knows which articles' quotations are found. Its sweep
//! finds the rest chunk by chunk, in corpus order, each chunk on every core
//! (rayon). The command line runs the sweep to the end at once
//! ([`quote_all`], [`quote_and_index`]); the reader's quotations thread
//! ([`super::QuoteWorker`]) runs it a chunk at a time and answers requests
//! for single articles between chunks. Both then build the speaker index
//! with [`index_speakers`], over the quotations in corpus order, so the
//! two give the same speakers.

use std::sync::Arc;

use rayon::prelude::*;

use crate::corpus::Article;
use crate::quotes::{ArticleQuotes, SpeakerIndex, find_quotes};
use crate::search::SpeakerDirectory;
use crate::store::{Key, QuoteStore, key_of};

/// How much one step of a sweep takes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkLimit {
    /// Articles at most.
    pub articles: usize,
    /// Text at most, in bytes (the article that crosses it is included).
    pub bytes: usize,
}

impl ChunkLimit {
    /// Everything left in one step: for a caller that does not need to
    /// do anything in between.
    pub const WHOLE: ChunkLimit = ChunkLimit {
        articles: usize::MAX,
        bytes: usize::MAX,
    };
}

/// The quotations of a corpus's articles (by article id, in corpus order),
/// as far as they are found, and where the sweep looks next.
///
/// With a [`QuoteStore`], the sweep reads each article's quotations from
/// it when it has them, finds the rest, and [`Quotations::save`] then
/// writes the store for the next run.
#[derive(Default)]
pub struct Quotations {
    found: Vec<Option<Arc<ArticleQuotes>>>,
    next: usize,
    store: Option<QuoteStore>,
    /// Each swept article's store key (with a store).
    keys: Vec<Option<Key>>,
    /// Articles whose quotations came from the store.
    hits: usize,
}

impl std::fmt::Debug for Quotations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Quotations")
            .field("found", &self.found.len())
            .field("next", &self.next)
            .field("hits", &self.hits)
            .finish()
    }
}

impl Quotations {
    /// Nothing found yet, for a corpus of `len` articles.
    pub fn new(len: usize) -> Self {
        let mut q = Quotations::default();
        q.grow(len);
        q
    }

    /// Article `id`'s quotations are now `quotes` (it was read again).
    /// Its store key is forgotten: the old one names the old text, and
    /// the store must never keep new quotations under it.
    pub fn set(&mut self, id: usize, quotes: Arc<ArticleQuotes>) {
        if let Some(slot) = self.found.get_mut(id) {
            *slot = Some(quotes);
        }
        if let Some(key) = self.keys.get_mut(id) {
            *key = None;
        }
    }

    /// Articles it knows of.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The corpus has `len` articles now (more were loaded).
    pub fn grow(&mut self, len: usize) {
        self.found.resize(len.max(self.found.len()), None);
    }

    /// Read what the sweep can from `store`, and save to it.
    pub fn use_store(&mut self, store: QuoteStore) {
        self.store = Some(store);
    }

    pub fn has_store(&self) -> bool {
        self.store.is_some()
    }

    /// Articles whose quotations were read from the store.
    pub fn hits(&self) -> usize {
        self.hits
    }

    /// Once every article is swept: the speakers across them, read from
    /// the store when it holds them for exactly these articles, else
    /// merged now (see [`index_speakers`]); and whether they were read.
    pub fn speakers(&self) -> (SpeakerIndex, bool) {
        let refs = self.found();
        let keys: Option<Vec<Key>> = self.keys.iter().copied().collect();
        let stored = match (&self.store, keys) {
            (Some(store), Some(keys)) if keys.len() == refs.len() => store.speakers(&keys, &refs),
            _ => None,
        };
        match stored {
            Some(index) => (index, true),
            None => (index_speakers(&refs), false),
        }
    }

    /// Once every article is swept: write the store with `speakers`, if
    /// there is a store and anything changed. `None` without a store;
    /// else whether it was written, or why it could not be (with the
    /// store's path).
    /// `speakers_read`: the speakers came from the store.
    pub fn save(
        &self,
        speakers: &SpeakerIndex,
        speakers_read: bool,
    ) -> Option<(std::path::PathBuf, std::io::Result<bool>)> {
        let store = self.store.as_ref()?;
        let entries: Vec<(Key, &ArticleQuotes)> = self
            .keys
            .iter()
            .zip(&self.found)
            .filter_map(|(k, q)| Some(((*k)?, q.as_deref()?)))
            .collect();
        if entries.len() < self.found.len() {
            // Not every article swept: keep the store as it is.
            return Some((store.path().to_path_buf(), Ok(false)));
        }
        let read = speakers_read && self.hits == self.found.len();
        Some((
            store.path().to_path_buf(),
            store.save(&entries, speakers, read),
        ))
    }

    /// The quotations of article `id`, found now if need be; `None` when
    /// there is no such article. `articles` is the corpus (it may be empty
    /// once every article is found).
    pub fn find(&mut self, articles: &[Article], id: usize) -> Option<Arc<ArticleQuotes>> {
        match self.found.get(id) {
            Some(Some(q)) => Some(q.clone()),
            Some(None) if id < articles.len() => {
                let (q, key, hit) = self.look_up(&articles[id]);
                self.note(id, &q, key, hit);
                Some(q)
            }
            _ => None,
        }
    }

    /// One step of the sweep: the quotations of the next articles not yet
    /// found, within `limit`, found in parallel, as (article id,
    /// quotations) in corpus order. Empty once every article of `articles`
    /// is found.
    pub fn sweep_chunk(
        &mut self,
        articles: &[Article],
        limit: ChunkLimit,
    ) -> Vec<(usize, Arc<ArticleQuotes>)> {
        let mut ids = Vec::new();
        let mut bytes = 0;
        while self.next < articles.len() && ids.len() < limit.articles && bytes < limit.bytes {
            if self.found.get(self.next).is_some_and(Option::is_none) {
                ids.push(self.next);
                bytes += articles[self.next].text.len();
            }
            self.next += 1;
        }
        if ids.is_empty() {
            self.key_the_rest(articles);
            return Vec::new();
        }
        let this = &*self;
        let done: Vec<_> = ids
            .par_iter()
            .map(|&id| (id, this.look_up(&articles[id])))
            .collect();
        let mut chunk = Vec::with_capacity(done.len());
        for (id, (q, key, hit)) in done {
            self.note(id, &q, key, hit);
            chunk.push((id, q));
        }
        chunk
    }

    /// An article's quotations from the store if it has them, else found
    /// now; with its store key, and whether it came from the store.
    fn look_up(&self, article: &Article) -> (Arc<ArticleQuotes>, Option<Key>, bool) {
        let key = self.store.as_ref().map(|_| key_of(article));
        let stored = self
            .store
            .as_ref()
            .zip(key.as_ref())
            .and_then(|(s, k)| s.get(k, article));
        let hit = stored.is_some();
        let q = stored.unwrap_or_else(|| find_quotes(article));
        (Arc::new(q), key, hit)
    }

    /// At the end of a sweep with a store: the keys of articles found
    /// before the store was opened (the one on screen), so it can be saved.
    fn key_the_rest(&mut self, articles: &[Article]) {
        if self.store.is_none() {
            return;
        }
        self.keys.resize(self.found.len(), None);
        for id in 0..self.keys.len() {
            if self.keys[id].is_none()
                && let Some(a) = articles.get(id)
            {
                let key = key_of(a);
                // Found already; it counts as read if the store has it.
                let stored = self.store.as_ref().and_then(|s| s.get(&key, a));
                self.hits += usize::from(stored.is_some());
                self.keys[id] = Some(key);
            }
        }
    }

    /// Keep what [`Self::look_up`] gave for article `id`.
    fn note(&mut self, id: usize, q: &Arc<ArticleQuotes>, key: Option<Key>, hit: bool) {
        self.found[id] = Some(Arc::clone(q));
        if let Some(k) = key {
            self.keys.resize(self.found.len(), None);
            self.keys[id] = Some(k);
        }
        self.hits += usize::from(hit);
    }

    /// The quotations found, in corpus order (every article's, once the
    /// sweep is over).
    pub fn found(&self) -> Vec<&ArticleQuotes> {
        self.found.iter().flatten().map(Arc::as_ref).collect()
    }

    /// The quotations found, in corpus order, shared.
    pub fn shared(&self) -> Vec<Arc<ArticleQuotes>> {
        self.found.iter().flatten().cloned().collect()
    }

    /// The quotations found, in corpus order.
    pub fn into_found(self) -> Vec<Arc<ArticleQuotes>> {
        self.found.into_iter().flatten().collect()
    }
}

/// Every article's quotations, in corpus order, found on every core.
pub fn quote_all(articles: &[Article]) -> Vec<Arc<ArticleQuotes>> {
    let mut quotations = Quotations::new(articles.len());
    while !quotations
        .sweep_chunk(articles, ChunkLimit::WHOLE)
        .is_empty()
    {}
    quotations.into_found()
}

/// What became of a store: its path, and whether it was written (or why
/// it could not be).
pub type Saved = Option<(std::path::PathBuf, std::io::Result<bool>)>;

/// Every article's quotations, in corpus order, and the speakers across
/// them: read from `store` where it has them, found on every core where
/// not; the store is written again if anything changed.
pub fn quote_and_index_stored(
    articles: &[Article],
    store: Option<QuoteStore>,
) -> (Vec<Arc<ArticleQuotes>>, SpeakerIndex, Saved) {
    let mut quotations = Quotations::new(articles.len());
    if let Some(store) = store {
        quotations.use_store(store);
    }
    while !quotations
        .sweep_chunk(articles, ChunkLimit::WHOLE)
        .is_empty()
    {}
    let (index, read) = quotations.speakers();
    let saved = quotations.save(&index, read);
    (quotations.into_found(), index, saved)
}

/// The speakers of the corpus whose quotations are `quotes`, one per
/// article, in corpus order.
pub fn index_speakers(quotes: &[&ArticleQuotes]) -> SpeakerIndex {
    SpeakerIndex::build(quotes)
}

/// Every article's quotations, then the speakers across them.
pub fn quote_and_index(articles: &[Article]) -> (Vec<Arc<ArticleQuotes>>, SpeakerIndex) {
    let quotes = quote_all(articles);
    let index = index_speakers(&refs(&quotes));
    (quotes, index)
}

/// Who the filter's `@name` terms can name, and where they are quoted:
/// from `index` over `quotes` (one per article, in corpus order).
pub fn speaker_directory(index: &SpeakerIndex, quotes: &[&ArticleQuotes]) -> SpeakerDirectory {
    SpeakerDirectory::new(index, quotes)
}

/// Borrow each article's quotations.
pub fn refs(quotes: &[Arc<ArticleQuotes>]) -> Vec<&ArticleQuotes> {
    quotes.iter().map(Arc::as_ref).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    /// An article read again during a sweep with a store: its new
    /// quotations are saved under its new text's key, never its old one.
    #[test]
    fn quotations_set_anew_are_stored_under_the_new_texts_key() {
        let dir = tempfile::tempdir().unwrap();
        let mut articles = Corpus::embedded().articles;
        let mut q = Quotations::new(articles.len());
        q.use_store(QuoteStore::open_in(dir.path(), "k", 1));
        q.sweep_chunk(
            &articles,
            ChunkLimit {
                articles: 2,
                bytes: usize::MAX,
            },
        );
        // Article 0 changes on disk while the sweep runs.
        let old = key_of(&articles[0]);
        articles[0] = crate::corpus::assemble::article_from_bytes(
            "a.txt".into(),
            crate::corpus::Origin::Embedded,
            "Port reopens\n\n“It is open,” said Ada Quartermain.\n".as_bytes(),
        );
        q.set(0, Arc::new(find_quotes(&articles[0])));
        while !q.sweep_chunk(&articles, ChunkLimit::WHOLE).is_empty() {}
        let (index, read) = q.speakers();
        q.save(&index, read).unwrap().1.unwrap();
        let store = QuoteStore::open_in(dir.path(), "k", 1);
        let stored = store
            .get(&key_of(&articles[0]), &articles[0])
            .expect("new key");
        assert_eq!(stored.speakers[0].name, "Ada Quartermain");
        assert!(store.get(&old, &Corpus::embedded().articles[0]).is_none());
    }

    #[test]
    fn a_sweep_in_small_chunks_finds_what_one_whole_step_finds() {
        let corpus = Corpus::embedded();
        let articles = &corpus.articles;
        let (whole, index) = quote_and_index(articles);
        let mut q = Quotations::new(articles.len());
        // The reader asks for one article first; the sweep skips it.
        let asked = q.find(articles, 2).expect("article 2 exists");
        let mut swept = Vec::new();
        loop {
            let chunk = q.sweep_chunk(
                articles,
                ChunkLimit {
                    articles: 2,
                    bytes: usize::MAX,
                },
            );
            if chunk.is_empty() {
                break;
            }
            assert!(chunk.len() <= 2);
            swept.extend(chunk.into_iter().map(|(id, _)| id));
        }
        let expected: Vec<usize> = (0..articles.len()).filter(|&i| i != 2).collect();
        assert_eq!(swept, expected);
        let json = |q: &ArticleQuotes| serde_json::to_string(q).expect("serialises");
        assert_eq!(json(&asked), json(&whole[2]));
        assert_eq!(q.found().len(), articles.len());
        assert_eq!(index_speakers(&q.found()), index);
        assert!(q.find(articles, articles.len()).is_none());
    }
}
