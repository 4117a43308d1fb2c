//! The search index: every searchable paragraph of the corpus, folded, in
//! one byte buffer per segment.
//!
//! A segment is built from a batch of articles (on the loader thread, off
//! the UI and the filter worker) and appended to the index in load order;
//! the N-th article appended has id N-1. There is no `String` per
//! paragraph: a segment is its folded bytes, their case bits (one bit per
//! byte), and three `u32` tables. About 1.1× the corpus bytes in all.
//!
//! Duplicate paragraphs are not indexed (the first copy is). Boilerplate
//! is, flagged, and its matches rank below the story's (see
//! `weighted`): a search for "subscribe" finds it, after every story
//! that says it.

use rayon::prelude::*;

use crate::corpus::{Article, Column, ParagraphKind};

use super::fold::{FoldBuffer, Folded};

/// Paragraph flag: the article's headline.
pub(crate) const TITLE: u8 = 1;
/// Paragraph flag: navigation, promotion, a footer (the reader dims it).
pub(crate) const BOILERPLATE: u8 = 2;

/// A headline match counts this much more (numerator, denominator).
const TITLE_BONUS: (i64, i64) = (3, 2);
/// A boilerplate match counts this much less, so that an article matched
/// only there ranks below the articles whose story matches.
const BOILERPLATE_DIVISOR: i64 = 8;

/// The flags of a paragraph of this kind.
pub(crate) fn flags_of(kind: ParagraphKind) -> u8 {
    match kind {
        ParagraphKind::Headline => TITLE,
        ParagraphKind::Boilerplate(_) => BOILERPLATE,
        _ => 0,
    }
}

/// A paragraph's score as it counts for its article: headlines up,
/// boilerplate down.
pub(crate) fn weighted(score: i64, flags: u8) -> i64 {
    if flags & TITLE != 0 {
        score.saturating_mul(TITLE_BONUS.0) / TITLE_BONUS.1
    } else if flags & BOILERPLATE != 0 {
        score / BOILERPLATE_DIVISOR
    } else {
        score
    }
}

/// Target size of one segment built by [`IndexSegment::build_parallel`].
const SEGMENT_BYTES: usize = 8 << 20;

/// The index of a batch of consecutive articles: built on the heap, or
/// read in place from the index store (`store::index_codec`).
#[derive(Debug, Default, Clone)]
pub struct IndexSegment {
    /// Folded text of every indexed paragraph, one after another.
    text: Column<u8>,
    /// Case bits over `text` (see [`FoldBuffer`]).
    upper: Column<u64>,
    /// Start of each indexed paragraph in `text`, plus the end.
    para_start: Column<u32>,
    /// Index of each indexed paragraph in its `Article::paragraphs`.
    para_number: Column<u32>,
    para_flags: Column<u8>,
    /// First indexed paragraph of each article, plus the end.
    article_para: Column<u32>,
}

/// A segment's columns, as stored: folded text, case bits, paragraph
/// starts, paragraph numbers, flags, and each article's first paragraph.
pub struct SegmentParts<'a> {
    pub text: &'a [u8],
    pub upper: &'a [u64],
    pub para_start: &'a [u32],
    pub para_number: &'a [u32],
    pub para_flags: &'a [u8],
    pub article_para: &'a [u32],
}

impl IndexSegment {
    /// Fold the searchable paragraphs of `articles`. O(their bytes); meant
    /// for the loading thread.
    pub fn build(articles: &[Article]) -> Self {
        let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
        let paragraphs: usize = articles.iter().map(|a| a.paragraphs.len()).sum();
        let mut folded = FoldBuffer {
            text: Vec::with_capacity(bytes),
            upper: Vec::with_capacity(bytes / 64 + 1),
        };
        let mut para_start = Vec::with_capacity(paragraphs + 1);
        let mut para_number = Vec::with_capacity(paragraphs);
        let mut para_flags = Vec::with_capacity(paragraphs);
        let mut article_para = Vec::with_capacity(articles.len() + 1);
        for a in articles {
            article_para.push(para_number.len() as u32);
            for (i, p) in a.paragraphs.iter().enumerate() {
                if !p.kind.is_searchable() {
                    continue;
                }
                // Offsets are u32: one segment holds < 4 GiB of folded text
                // (files are at most 256 MB and folding does not grow text
                // by more than half).
                para_start.push(folded.text.len() as u32);
                para_number.push(i as u32);
                para_flags.push(flags_of(p.kind));
                folded.push_str(&a.text[p.start..p.end], |_, _| {});
            }
        }
        article_para.push(para_number.len() as u32);
        para_start.push(folded.text.len() as u32);
        folded.text.shrink_to_fit();
        folded.upper.shrink_to_fit();
        IndexSegment {
            text: folded.text.into(),
            upper: folded.upper.into(),
            para_start: para_start.into(),
            para_number: para_number.into(),
            para_flags: para_flags.into(),
            article_para: article_para.into(),
        }
    }

    /// The columns, to be stored.
    pub fn parts(&self) -> SegmentParts<'_> {
        SegmentParts {
            text: &self.text,
            upper: &self.upper,
            para_start: &self.para_start,
            para_number: &self.para_number,
            para_flags: &self.para_flags,
            article_para: &self.article_para,
        }
    }

    /// A segment of stored columns, if they make one for `articles`:
    /// every table as long as the others say, offsets in order and within
    /// the text, each paragraph number a searchable paragraph of its
    /// article. Nothing read is trusted to be what was written.
    pub fn from_columns(
        columns: [Column<u32>; 3],
        text: Column<u8>,
        upper: Column<u64>,
        para_flags: Column<u8>,
        articles: &[Article],
    ) -> Option<Self> {
        let [para_start, para_number, article_para] = columns;
        let paras = para_number.len();
        let ordered = |v: &[u32]| v.windows(2).all(|w| w[0] <= w[1]);
        let fits = para_start.len() == paras + 1
            && para_flags.len() == paras
            && article_para.len() == articles.len() + 1
            && article_para.first() == Some(&0)
            && article_para.last().map(|&n| n as usize) == Some(paras)
            && ordered(&para_start)
            && ordered(&article_para)
            && para_start
                .last()
                .is_some_and(|&end| end as usize <= text.len())
            && upper.len() >= text.len().div_ceil(64);
        if !fits {
            return None;
        }
        for (a, run) in articles.iter().zip(article_para.windows(2)) {
            let numbers = para_number.get(run[0] as usize..run[1] as usize)?;
            let searchable = |&n: &u32| {
                a.paragraphs
                    .get(n as usize)
                    .is_some_and(|p| p.kind.is_searchable())
            };
            if !numbers.iter().all(searchable) || !ordered(numbers) {
                return None;
            }
        }
        Some(IndexSegment {
            text,
            upper,
            para_start,
            para_number,
            para_flags,
            article_para,
        })
    }

    /// Segments for many articles, built in parallel (the CLI, tests).
    pub fn build_parallel(articles: &[Article]) -> Vec<Self> {
        Self::build_each(&runs(articles, SEGMENT_BYTES))
    }

    /// Segments for a loader's batch: cut into `parts` runs of about
    /// equal text, built in parallel, in article order (so indexing a
    /// batch takes every core, not the loader's one).
    pub fn build_split(articles: &[Article], parts: usize) -> Vec<Self> {
        Self::build_each(&batch_runs(articles, parts))
    }

    /// One segment per run, built in parallel, in run order.
    fn build_each(runs: &[&[Article]]) -> Vec<Self> {
        runs.par_iter().map(|c| Self::build(c)).collect()
    }

    pub fn articles(&self) -> usize {
        self.article_para.len().saturating_sub(1)
    }

    /// Heap bytes held (none when read in place).
    pub fn bytes(&self) -> usize {
        self.text.heap_bytes()
            + self.upper.heap_bytes()
            + self.para_start.heap_bytes()
            + self.para_number.heap_bytes()
            + self.article_para.heap_bytes()
            + self.para_flags.heap_bytes()
    }

    /// Local paragraph slots of local article `a`.
    pub(crate) fn paragraphs_of(&self, a: usize) -> std::ops::Range<usize> {
        self.article_para[a] as usize..self.article_para[a + 1] as usize
    }

    pub(crate) fn paragraph(&self, slot: usize) -> Folded<'_> {
        let start = self.para_start[slot] as usize;
        let end = self.para_start[slot + 1] as usize;
        Folded {
            text: &self.text[start..end],
            upper: &self.upper,
            offset: start,
        }
    }

    pub(crate) fn paragraph_number(&self, slot: usize) -> usize {
        self.para_number[slot] as usize
    }

    pub(crate) fn flags(&self, slot: usize) -> u8 {
        self.para_flags[slot]
    }
}

/// A loader's batch cut into `parts` runs of consecutive articles of about
/// equal text, the segments [`IndexSegment::build_split`] makes.
pub fn batch_runs(articles: &[Article], parts: usize) -> Vec<&[Article]> {
    let total: usize = articles.iter().map(|a| a.text.len()).sum();
    runs(articles, total.div_ceil(parts.max(1)).max(1))
}

/// Runs of consecutive articles holding at least `each` bytes of text
/// (the last run whatever it holds).
fn runs(articles: &[Article], each: usize) -> Vec<&[Article]> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, a) in articles.iter().enumerate() {
        bytes += a.text.len();
        if bytes >= each {
            chunks.push(&articles[start..=i]);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < articles.len() {
        chunks.push(&articles[start..]);
    }
    chunks
}

/// All segments appended so far.
#[derive(Debug, Default)]
pub struct SearchIndex {
    segments: Vec<IndexSegment>,
    /// Id of the first article of each segment.
    first_article: Vec<usize>,
    /// Global number of the first paragraph of each segment.
    first_paragraph: Vec<u32>,
    articles: usize,
    paragraphs: usize,
    bytes: usize,
    /// Articles read again since they were appended (changed on disk):
    /// id → their one-article segment and its first paragraph's number.
    replaced: std::collections::HashMap<usize, (IndexSegment, u32)>,
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of `articles`, built in parallel.
    pub fn from_articles(articles: &[Article]) -> Self {
        let mut index = Self::new();
        for seg in IndexSegment::build_parallel(articles) {
            index.append(seg);
        }
        index
    }

    /// Add the next batch; its articles get the next ids. O(1).
    pub fn append(&mut self, seg: IndexSegment) {
        if seg.articles() == 0 {
            return;
        }
        self.first_article.push(self.articles);
        self.first_paragraph.push(self.paragraphs as u32);
        self.articles += seg.articles();
        self.paragraphs += seg.para_number.len();
        self.bytes += seg.bytes();
        self.segments.push(seg);
    }

    /// Article `id` read again: `seg` (of that one article) is searched
    /// for it from now on. Its paragraphs get numbers never used before,
    /// so nothing cached for the old text is taken for the new.
    pub fn replace(&mut self, id: usize, seg: IndexSegment) {
        if id >= self.articles || seg.articles() != 1 {
            return;
        }
        let first = self.paragraphs as u32;
        self.paragraphs += seg.para_number.len();
        self.bytes += seg.bytes();
        if let Some((old, _)) = self.replaced.insert(id, (seg, first)) {
            self.bytes -= old.bytes();
        }
    }

    /// Articles appended so far.
    pub fn articles(&self) -> usize {
        self.articles
    }

    /// Heap bytes held by the index.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Segment and local index of article `id`, and the global number of
    /// the segment's first paragraph (paragraph numbers key the
    /// narrowing caches).
    pub(crate) fn locate(&self, id: usize) -> Option<(&IndexSegment, usize, u32)> {
        if id >= self.articles {
            return None;
        }
        if let Some((seg, first)) = self.replaced.get(&id) {
            return Some((seg, 0, *first));
        }
        let s = self.first_article.partition_point(|&f| f <= id) - 1;
        Some((
            &self.segments[s],
            id - self.first_article[s],
            self.first_paragraph[s],
        ))
    }

    /// Indexed paragraphs of article `id` (0 when out of range).
    pub(crate) fn paragraph_count(&self, id: usize) -> usize {
        self.locate(id)
            .map_or(0, |(s, a, _)| s.paragraphs_of(a).len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    /// A loader's batch cut into segments is searched as one: the same
    /// hits, article for article.
    #[test]
    fn a_batch_split_in_segments_finds_what_one_segment_finds() {
        let corpus = Corpus::embedded();
        let split = IndexSegment::build_split(&corpus.articles, 3);
        assert!(split.len() > 1, "cut in several");
        let mut parts = SearchIndex::new();
        for seg in split {
            parts.append(seg);
        }
        let mut whole = SearchIndex::new();
        whole.append(IndexSegment::build(&corpus.articles));
        for q in ["lavrov", "'west", "tiger bell", "^russia"] {
            let query = crate::search::parse(q);
            let hits = |ix: &SearchIndex| -> Vec<usize> {
                crate::search::search(ix, &query, 100)
                    .iter()
                    .map(|h| h.article)
                    .collect()
            };
            assert_eq!(hits(&parts), hits(&whole), "{q}");
        }
    }

    #[test]
    fn segments_number_articles_in_append_order() {
        let corpus = Corpus::embedded();
        let mut index = SearchIndex::new();
        index.append(IndexSegment::build(&corpus.articles[..2]));
        index.append(IndexSegment::build(&[]));
        index.append(IndexSegment::build(&corpus.articles[2..]));
        assert_eq!(index.articles(), 5);
        let (seg, local, _) = index.locate(3).unwrap();
        assert_eq!(local, 1);
        let slot = seg.paragraphs_of(local).start;
        let n = seg.paragraph_number(slot);
        let text = &corpus.articles[3].text[corpus.articles[3].paragraphs[n].range()];
        assert_eq!(
            seg.paragraph(slot).text,
            crate::search::fold::fold(text).text
        );
        assert!(index.locate(5).is_none());
    }

    #[test]
    fn a_replaced_article_is_searched_in_its_new_text_only() {
        use crate::corpus::{Origin, assemble::article_from_bytes};
        use crate::search::{parse, search};
        let corpus = Corpus::embedded();
        let mut index = SearchIndex::from_articles(&corpus.articles);
        let hits = |index: &SearchIndex, q: &str| -> Vec<usize> {
            search(index, &parse(q), 10)
                .iter()
                .map(|h| h.article)
                .collect()
        };
        assert!(hits(&index, "'Lavrov").contains(&1));
        let new = article_from_bytes(
            "b.txt".into(),
            Origin::Embedded,
            b"Rewritten\n\nThe quartermaster counted the barrels twice.\n",
        );
        let before = index.paragraphs;
        index.replace(1, IndexSegment::build(std::slice::from_ref(&new)));
        assert!(
            !hits(&index, "'Lavrov").contains(&1),
            "the old text is gone"
        );
        assert_eq!(
            hits(&index, "'quartermaster"),
            [1],
            "the new one is found, as article 1"
        );
        assert_eq!(index.articles(), 5);
        // Its paragraphs are numbered after every other: no cached hit
        // for the old paragraphs can be taken for them.
        assert_eq!(index.locate(1).unwrap().2 as usize, before);
        // The next batch is numbered after them.
        index.append(IndexSegment::build(&corpus.articles[..1]));
        assert!(index.locate(5).unwrap().2 as usize > before);
    }

    #[test]
    fn index_is_not_much_larger_than_the_text() {
        let corpus = Corpus::embedded();
        let index = SearchIndex::from_articles(&corpus.articles);
        let text: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
        assert!(index.bytes() < text * 2, "{} vs {text}", index.bytes());
    }
}
