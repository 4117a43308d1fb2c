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
#[derive(Debug, Default)]
pub struct Quotations {
    found: Vec<Option<Arc<ArticleQuotes>>>,
    next: usize,
}

impl Quotations {
    /// Nothing found yet, for a corpus of `len` articles.
    pub fn new(len: usize) -> Self {
        let mut q = Quotations::default();
        q.grow(len);
        q
    }

    /// The corpus has `len` articles now (more were loaded).
    /// Article `id`'s quotations are now `quotes` (it was read again).
    pub fn set(&mut self, id: usize, quotes: Arc<ArticleQuotes>) {
        if let Some(slot) = self.found.get_mut(id) {
            *slot = Some(quotes);
        }
    }

    /// Articles it knows of.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub fn grow(&mut self, len: usize) {
        self.found.resize(len.max(self.found.len()), None);
    }

    /// The quotations of article `id`, found now if need be; `None` when
    /// there is no such article. `articles` is the corpus (it may be empty
    /// once every article is found).
    pub fn find(&mut self, articles: &[Article], id: usize) -> Option<Arc<ArticleQuotes>> {
        match self.found.get(id) {
            Some(Some(q)) => Some(q.clone()),
            Some(None) if id < articles.len() => {
                let q = Arc::new(find_quotes(&articles[id]));
                self.found[id] = Some(q.clone());
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
        let chunk: Vec<(usize, Arc<ArticleQuotes>)> = ids
            .par_iter()
            .map(|&id| (id, Arc::new(find_quotes(&articles[id]))))
            .collect();
        for (id, q) in &chunk {
            self.found[*id] = Some(q.clone());
        }
        chunk
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
