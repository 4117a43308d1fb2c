//! The search index kept between runs: each segment under the key of the
//! articles it indexes, so a reopened archive is searched in place from
//! the mapped file rather than folded again, and a changed file costs
//! only its own segment.
//!
//! The folded index is about the size of the text; kept on the heap it
//! was the largest thing a reopened archive held. Mapped, it is page
//! cache the kernel can drop and read again.

use std::path::Path;

use super::file::{Key, StoreFile};
use super::{fingerprint, in_cache, index_codec, key_of, named};
use crate::corpus::Article;
use crate::search::IndexSegment;

/// The stored index segments of one corpus.
pub struct IndexStore {
    file: StoreFile,
}

impl IndexStore {
    /// The index store of the corpus `key` in the cache directory, as
    /// [`super::QuoteStore::open`].
    pub fn open(corpus_key: &str) -> Option<IndexStore> {
        in_cache("index", corpus_key).map(|file| IndexStore { file })
    }

    pub fn open_in(dir: &Path, corpus_key: &str, engine: u64) -> IndexStore {
        IndexStore {
            file: named(dir, "index", corpus_key, engine),
        }
    }

    /// Why the file there was not taken, when that is worth telling.
    pub fn damaged(&self) -> Option<&'static str> {
        self.file.damaged()
    }

    /// The file, for messages.
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// The key of a segment of `articles`: every article's key, in order.
    pub fn key(articles: &[Article]) -> Key {
        let keys: Vec<Key> = articles.iter().map(key_of).collect();
        let [a, b, c] = fingerprint(&keys);
        // Apart from the speaker index's key of the same articles.
        [a, b, c ^ 0x4944_5853]
    }

    /// The stored segment under `key`, checked against `articles`; read in
    /// place when the file is mapped.
    pub fn get(&self, key: &Key, articles: &[Article]) -> Option<IndexSegment> {
        if let Some((map, bytes)) = self.file.mapped(key) {
            return index_codec::decode(bytes, Some(map), articles);
        }
        index_codec::decode(&self.file.raw(key)?, None, articles)
    }

    /// Write the store anew with `segments` (in corpus order), unless all
    /// of them were `read` from it and it holds nothing else. True when
    /// written.
    pub fn save(&self, segments: &[(Key, IndexSegment)], read: bool) -> std::io::Result<bool> {
        let distinct: std::collections::HashSet<&Key> = segments.iter().map(|(k, _)| k).collect();
        let entries = segments.iter().map(|(k, s)| (*k, index_codec::encode(s)));
        self.file.rewrite(read, distinct.len(), entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::search::{SearchIndex, parse, search};

    #[test]
    fn a_saved_index_is_searched_in_place_and_finds_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = Corpus::embedded();
        let (first, rest) = corpus.articles.split_at(2);
        let built: Vec<(Key, IndexSegment)> = [first, rest]
            .iter()
            .map(|a| (IndexStore::key(a), IndexSegment::build(a)))
            .collect();
        let store = IndexStore::open_in(dir.path(), "k", 1);
        assert!(store.save(&built, false).unwrap());
        let store = IndexStore::open_in(dir.path(), "k", 1);
        let mut stored = SearchIndex::new();
        for (part, (key, _)) in [first, rest].iter().zip(&built) {
            let seg = store.get(key, part).expect("stored");
            assert_eq!(seg.bytes(), 0, "read in place, nothing on the heap");
            stored.append(seg);
        }
        let whole = SearchIndex::from_articles(&corpus.articles);
        for q in ["lavrov", "'west", "tiger bell", "^russia", "Lavrov"] {
            let hits = |ix: &SearchIndex| -> Vec<(usize, i64)> {
                search(ix, &parse(q), 100)
                    .iter()
                    .map(|h| (h.article, h.score))
                    .collect()
            };
            assert_eq!(hits(&stored), hits(&whole), "{q}");
        }
        // Everything was read and nothing else is there: not rewritten.
        assert!(!store.save(&built, true).unwrap());
        // Another program's store, or a damaged one, is not read.
        assert!(
            IndexStore::open_in(dir.path(), "k", 2)
                .get(&built[0].0, first)
                .is_none()
        );
        let file = dir.path().join("index-k.bin");
        let mut bytes = std::fs::read(&file).unwrap();
        let mid = bytes.len() / 3;
        bytes[mid] ^= 0x20;
        std::fs::write(&file, &bytes).unwrap();
        let damaged = IndexStore::open_in(dir.path(), "k", 1);
        let got = built
            .iter()
            .zip([first, rest])
            .filter(|((k, _), a)| damaged.get(k, a).is_some())
            .count();
        assert!(got < 2, "the damaged segment is refused");
    }
}
