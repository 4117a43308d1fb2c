//! Ranking: the best k articles out of many hits, without sorting them all.

use std::cmp::Ordering;

/// One matching article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ArticleHit {
    /// Position in load order (the N-th article appended is N-1).
    pub article: usize,
    /// Higher is better; its best paragraph's score, title bonus included.
    pub score: i64,
    /// Index into `Article::paragraphs` of the best matching paragraph
    /// (for a snippet); the first searchable paragraph when the query has
    /// no positive terms.
    pub best_paragraph: usize,
    /// Paragraphs matching at least one term.
    pub matching_paragraphs: u32,
}

/// Best first: higher score, then earlier article (stable across runs).
pub fn rank_order(a: &ArticleHit, b: &ArticleHit) -> Ordering {
    b.score.cmp(&a.score).then(a.article.cmp(&b.article))
}

/// Keeps the best `k` hits seen. Pushing is amortised O(1): the buffer is
/// cut back to k with `select_nth_unstable` whenever it reaches 2k.
#[derive(Debug, Clone)]
pub struct TopK {
    k: usize,
    hits: Vec<ArticleHit>,
}

impl TopK {
    pub fn new(k: usize) -> Self {
        TopK {
            k,
            hits: Vec::new(),
        }
    }

    pub fn extend(&mut self, hits: impl IntoIterator<Item = ArticleHit>) {
        if self.k == 0 {
            return;
        }
        for h in hits {
            self.hits.push(h);
            if self.hits.len() >= self.k.saturating_mul(2).max(64) {
                self.cut();
            }
        }
    }

    fn cut(&mut self) {
        if self.hits.len() > self.k {
            self.hits.select_nth_unstable_by(self.k - 1, rank_order);
            self.hits.truncate(self.k);
        }
    }

    /// The best k so far, best first.
    pub fn sorted(&mut self) -> Vec<ArticleHit> {
        self.cut();
        self.hits.sort_unstable_by(rank_order);
        self.hits.clone()
    }
}

/// The best `k` of `hits`, best first.
pub fn top_k(hits: &[ArticleHit], k: usize) -> Vec<ArticleHit> {
    let mut t = TopK::new(k);
    t.extend(hits.iter().copied());
    t.sorted()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(article: usize, score: i64) -> ArticleHit {
        ArticleHit {
            article,
            score,
            best_paragraph: 0,
            matching_paragraphs: 1,
        }
    }

    #[test]
    fn keeps_the_best_k_in_order_with_ties_by_article() {
        let hits: Vec<ArticleHit> = (0..1000).map(|i| hit(i, (i % 7) as i64)).collect();
        let top = top_k(&hits, 5);
        assert_eq!(
            top.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(),
            [(6, 6), (13, 6), (20, 6), (27, 6), (34, 6)]
        );
        assert!(top_k(&hits, 0).is_empty());
        assert_eq!(top_k(&hits[..3], 10).len(), 3);
    }
}
