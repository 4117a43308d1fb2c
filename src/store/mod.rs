//! The corpus store: what was found in a corpus's articles, kept between
//! runs beside the load cache, so reopening an archive does not find
//! every quotation again.
//!
//! Finding quotations is the slowest thing saidso does at opening (about
//! 30 MB of text a second per core); reading them back is a small part of
//! that. Each article's quotations are stored under a key made from what
//! the engine reads — the text, the title and the paragraphs — not from
//! the file's name or time: a file renamed, moved or touched keeps its
//! entry, an article changed gets a new one, and only new or changed
//! articles are quoted again. The file is written whole to a temporary
//! file and renamed into place when something changed (`file`).
//!
//! Entries are only as good as the engine that made them, so the store
//! is marked with the running program's identity (its executable's size
//! and time): a new build or version finds the old store refused and
//! makes a new one, and never shows quotations another engine found.

mod derived_codec;
mod file;
mod index_codec;
mod index_store;
mod quotes_codec;
mod speakers_codec;

use std::path::Path;
use std::sync::OnceLock;

use crate::corpus::article::content_hash;
use crate::corpus::{Article, ParagraphKind};
use crate::quotes::{ArticleQuotes, SpeakerIndex};

pub use derived_codec::{Corpus as DerivedCorpus, Derived};
pub use file::Key;
use file::StoreFile;
pub use index_store::IndexStore;

/// Corpora smaller than both of these are quoted afresh each time, as
/// the load cache leaves them alone (it is the same judgement).
pub use crate::corpus::cache::{MIN_BYTES, MIN_FILES};

/// The key of an article's quotations: the text's FNV-1a (made once at
/// loading, and kept in the load cache), its CRC-32 (computed here, so a
/// text that does not match the hash it carries gets another key) with its
/// length, and FNV-1a of the title and paragraph layout (kinds included:
/// boilerplate and duplicates are not quoted).
pub fn key_of(article: &Article) -> Key {
    let text = article.text.as_bytes();
    let mut layout = Fnv::default();
    layout.add(article.title.as_bytes());
    for p in article.paragraphs.iter() {
        layout.add(&(p.start as u64).to_le_bytes());
        layout.add(&(p.end as u64).to_le_bytes());
        match p.kind {
            ParagraphKind::Headline => layout.add(b"h"),
            ParagraphKind::Byline => layout.add(b"b"),
            ParagraphKind::Body => layout.add(b"p"),
            ParagraphKind::Caption => layout.add(b"c"),
            ParagraphKind::Boilerplate(why) => {
                layout.add(b"x");
                layout.add(why.as_bytes());
            }
            ParagraphKind::Duplicate(of) => {
                layout.add(b"d");
                layout.add(&(of as u64).to_le_bytes());
            }
        }
    }
    [
        article.content_hash,
        (u64::from(crc32fast::hash(text)) << 32) ^ text.len() as u64,
        layout.0,
    ]
}

/// FNV-1a fed piece by piece (as [`content_hash`] is over one text).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(content_hash(""))
    }
}

impl Fnv {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The identity of the running program, which made the entries it
/// writes; `None` when it cannot be known (then nothing is stored).
fn engine() -> Option<u64> {
    static ENGINE: OnceLock<Option<u64>> = OnceLock::new();
    *ENGINE.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let meta = std::fs::metadata(exe).ok()?;
        let stamp = crate::corpus::cache::FileStamp::of(&meta)?;
        let id = format!(
            "{} {} {} {}",
            env!("CARGO_PKG_VERSION"),
            stamp.size,
            stamp.mtime_ns,
            std::mem::size_of::<usize>()
        );
        Some(content_hash(&id))
    })
}

/// The store file `<prefix>-<corpus_key>.bin` in the cache directory;
/// `None` when there is none to use (`--no-cache`, no cache directory,
/// the program's identity unknown).
fn in_cache(prefix: &str, corpus_key: &str) -> Option<StoreFile> {
    let dir = crate::corpus::cache::default_dir()?;
    Some(named(&dir, prefix, corpus_key, engine()?))
}

/// The store file `<prefix>-<corpus_key>.bin` in `dir`, read as made by
/// `engine`.
fn named(dir: &Path, prefix: &str, corpus_key: &str, engine: u64) -> StoreFile {
    StoreFile::open(dir.join(format!("{prefix}-{corpus_key}.bin")), engine)
}

/// The stored quotations of one corpus.
pub struct QuoteStore {
    file: StoreFile,
}

impl QuoteStore {
    /// The store of the corpus `key` (as the load cache names it) in the
    /// cache directory, if there is one to use.
    pub fn open(corpus_key: &str) -> Option<QuoteStore> {
        in_cache("quotes", corpus_key).map(|file| QuoteStore { file })
    }

    /// The store of `corpus_key` in `dir`, as made by `engine`.
    pub fn open_in(dir: &Path, corpus_key: &str, engine: u64) -> QuoteStore {
        QuoteStore {
            file: named(dir, "quotes", corpus_key, engine),
        }
    }

    /// The store file, for messages.
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Why an existing store file was not taken, if it was not.
    pub fn refused(&self) -> Option<&'static str> {
        self.file.refused
    }

    /// Why an existing store file was not taken, when that is worth
    /// telling (see [`StoreFile::damaged`]).
    pub fn damaged(&self) -> Option<&'static str> {
        self.file.damaged()
    }

    pub fn len(&self) -> usize {
        self.file.len()
    }

    pub fn is_empty(&self) -> bool {
        self.file.is_empty()
    }

    /// The stored quotations of `article` (whose key is `key`), if there
    /// are any and they pass every check.
    pub fn get(&self, key: &Key, article: &Article) -> Option<ArticleQuotes> {
        quotes_codec::decode(&self.file.raw(key)?, article)
    }

    /// The speaker index stored for the corpus whose articles' keys are
    /// `keys` (in corpus order) and whose quotations are `quotes`, if it
    /// is there and checks.
    pub fn speakers(&self, keys: &[Key], quotes: &[&ArticleQuotes]) -> Option<SpeakerIndex> {
        speakers_codec::decode(&self.file.raw(&fingerprint(keys))?, quotes)
    }

    /// Write the store anew with `entries` (key and quotations of every
    /// article, in corpus order) and the corpus's `speakers`, unless
    /// everything was `read` from it (every article's entry and the
    /// speakers) and it holds nothing else. True when written.
    pub fn save(
        &self,
        entries: &[(Key, &ArticleQuotes)],
        speakers: &SpeakerIndex,
        read: bool,
    ) -> std::io::Result<bool> {
        let keys: Vec<Key> = entries.iter().map(|(k, _)| *k).collect();
        let whole = fingerprint(&keys);
        let mut distinct: std::collections::HashSet<Key> = keys.iter().copied().collect();
        distinct.insert(whole);
        // An article that is a byte-for-byte copy of another is encoded
        // only once.
        let mut seen = std::collections::HashSet::with_capacity(entries.len());
        let bytes = entries
            .iter()
            .filter(|(k, _)| seen.insert(*k))
            .filter_map(|(k, q)| Some((*k, quotes_codec::encode(q)?)))
            .chain(speakers_codec::encode(speakers).map(|b| (whole, b)));
        self.file.rewrite(read, distinct.len(), bytes)
    }
}

/// The key of a whole corpus (its speaker index): every article's key,
/// in corpus order.
fn fingerprint(keys: &[Key]) -> Key {
    let mut h = [Fnv::default(), Fnv::default(), Fnv::default()];
    for k in keys {
        for (h, w) in h.iter_mut().zip(k) {
            h.add(&w.to_le_bytes());
        }
    }
    // Kept apart from any article's key by the last word.
    [h[0].0, h[1].0, h[2].0 ^ keys.len() as u64 ^ 0x5350_4b52]
}

/// The statements, stories and copies of one corpus: one entry, under the
/// key of everything they are made from ([`derived_key`]), in a file of
/// its own beside the quotation store (they are made seconds later, on
/// another thread, and rewriting the quotations with them would cost
/// more than they do).
pub struct DerivedStore {
    file: StoreFile,
}

impl DerivedStore {
    /// The derived store of the corpus `key`, as [`QuoteStore::open`].
    pub fn open(corpus_key: &str) -> Option<DerivedStore> {
        in_cache("derived", corpus_key).map(|file| DerivedStore { file })
    }

    pub fn open_in(dir: &Path, corpus_key: &str, engine: u64) -> DerivedStore {
        DerivedStore {
            file: named(dir, "derived", corpus_key, engine),
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

    /// What is stored for `key`, read against `corpus`, if it checks.
    pub fn get(&self, key: &Key, corpus: &DerivedCorpus) -> Option<derived_codec::Derived> {
        derived_codec::decode(&self.file.raw(key)?, corpus)
    }

    /// Keep these under `key`, in place of what was there.
    pub fn save(
        &self,
        key: Key,
        statements: &crate::statements::Statements,
        stories: &crate::stories::Stories,
        copies: &crate::copies::Copies,
    ) -> std::io::Result<()> {
        let bytes = derived_codec::encode(statements, stories, copies)
            .ok_or_else(|| std::io::Error::other("encoding failed"))?;
        self.file.writer()?.write_all([(key, bytes)])
    }
}

/// The key of what is derived from a whole corpus: every article's key,
/// and what else the statements, stories and copies read of it (its
/// outlet and its date), in corpus order. Not its path: the same archive
/// reopened under another spelling of its path (`c20k`, `./c20k/`,
/// `/abs/c20k`) finds what was derived before, and the outlets, where a
/// path stands in for one, are made again on the way back in.
pub fn derived_key(articles: &[Article]) -> Key {
    let mut keys: Vec<Key> = Vec::with_capacity(articles.len());
    for a in articles {
        let mut h = Fnv::default();
        for part in [a.source.as_deref(), a.date.as_deref()] {
            h.add(part.unwrap_or("\u{0}").as_bytes());
            h.add(&[0xff]);
        }
        let k = key_of(a);
        keys.push([k[0], k[1], k[2] ^ h.0]);
    }
    fingerprint(&keys)
}

/// True when a corpus of `articles` is big enough to store.
pub fn worth_storing(articles: &[Article]) -> bool {
    articles.len() >= MIN_FILES
        || articles.iter().map(|a| a.text.len() as u64).sum::<u64>() >= MIN_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::quotes::find_quotes;

    #[test]
    fn derived_key_ignores_the_path_an_archive_is_opened_under() {
        let articles = Corpus::embedded().articles;
        let moved: Vec<Article> = articles
            .iter()
            .map(|a| Article {
                path: format!("./elsewhere/{}", a.path),
                source: None,
                ..a.clone()
            })
            .collect();
        let unsourced: Vec<Article> = articles
            .iter()
            .map(|a| Article {
                source: None,
                ..a.clone()
            })
            .collect();
        assert_eq!(derived_key(&unsourced), derived_key(&moved));
        // An outlet is read by statements and stories: part of the key.
        let wired: Vec<Article> = unsourced
            .iter()
            .map(|a| Article {
                source: Some("Wire".into()),
                ..a.clone()
            })
            .collect();
        assert_ne!(derived_key(&wired), derived_key(&moved));
    }

    #[test]
    fn quotations_saved_are_found_again_by_content_not_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let articles = Corpus::embedded().articles;
        let quotes: Vec<ArticleQuotes> = articles.iter().map(find_quotes).collect();
        let keys: Vec<Key> = articles.iter().map(key_of).collect();
        let entries: Vec<(Key, &ArticleQuotes)> = keys.iter().copied().zip(&quotes).collect();
        let refs: Vec<&ArticleQuotes> = quotes.iter().collect();
        let index = SpeakerIndex::build(&refs);
        let store = QuoteStore::open_in(dir.path(), "k", 1);
        assert!(store.is_empty());
        assert!(store.speakers(&keys, &refs).is_none());
        assert!(store.save(&entries, &index, false).unwrap());
        let store = QuoteStore::open_in(dir.path(), "k", 1);
        assert_eq!(store.len(), articles.len() + 1);
        assert_eq!(store.speakers(&keys, &refs), Some(index.clone()));
        // Another order of the articles is another corpus.
        let mut other = keys.clone();
        other.swap(0, 1);
        assert!(store.speakers(&other, &refs).is_none());
        for (a, q) in articles.iter().zip(&quotes) {
            // Renamed: the same text finds the same entry.
            let moved = Article {
                path: "elsewhere.txt".into(),
                ..a.clone()
            };
            let got = store.get(&key_of(&moved), &moved).expect("stored");
            assert_eq!(
                serde_json::to_string(&got).unwrap(),
                serde_json::to_string(q).unwrap()
            );
        }
        // Nothing changed: not written again.
        assert!(!store.save(&entries, &index, true).unwrap());
        // A changed text has another key.
        let mut changed = articles[0].clone();
        changed.text = format!("{}!", changed.text).into();
        assert_ne!(key_of(&changed), keys[0]);
        // Another engine's store is refused, and says so.
        let other = QuoteStore::open_in(dir.path(), "k", 2);
        assert!(other.is_empty());
        assert!(other.refused().is_some());
        assert!(other.damaged().is_none(), "an upgrade is not damage");
    }
}
