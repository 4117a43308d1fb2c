//! Evaluating a query on articles: which match, their score, their best
//! paragraph. Shared by the index scan (all articles, in parallel) and by
//! the highlighter (one article folded on the fly), so both always agree.
//!
//! An article matches when every group of the query is satisfied by it:
//! a positive term by at least one of its paragraphs (different terms may
//! use different paragraphs), a negated term by none of them. A
//! paragraph's score is the sum of the scores of the terms it matches
//! (its best alternative for `a | b`), times 1.5 for the headline; the
//! article's score is its best paragraph's score, so an article with all
//! terms in one paragraph outranks one where they are scattered.

use std::ops::Range;

use rayon::prelude::*;

use super::fold::Folded;
use super::index::SearchIndex;
use super::query::{Group, Query, Term, TermKind};
use super::rank::ArticleHit;
use super::score::Scorer;

/// Headline paragraph scores are multiplied by this ratio.
const TITLE_BONUS: (i64, i64) = (3, 2);

/// Paragraphs per unit of parallel work (about 2 MB of text): small
/// enough to cancel quickly and balance two cores, big enough that
/// scheduling costs nothing.
pub(crate) const CHUNK_PARAGRAPHS: usize = 8192;

/// A query ready to run: groups in evaluation order, and the scorer.
#[derive(Debug)]
pub struct Matcher {
    query: Query,
    /// Group indices, most selective first, pure negations last: an
    /// article is dropped as soon as one group fails.
    order: Vec<usize>,
    scorer: Scorer,
}

/// How an article fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub score: i64,
    /// Slot (searchable-paragraph position) of the best paragraph.
    pub best: Option<usize>,
    pub matching: u32,
}

impl Matcher {
    pub fn new(query: Query) -> Self {
        let mut order: Vec<usize> = (0..query.groups().len()).collect();
        order.sort_by_key(|&g| selectivity(&query.groups()[g]));
        Matcher {
            query,
            order,
            scorer: Scorer::default(),
        }
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    pub(crate) fn scorer(&self) -> &Scorer {
        &self.scorer
    }

    fn group_score(&self, group: &Group, hay: Folded) -> Option<i64> {
        let cs = self.query.case_sensitive();
        group
            .alternatives
            .iter()
            .filter(|t| !t.negated)
            .filter_map(|t| self.scorer.score(t, hay, cs))
            .max()
    }

    /// A paragraph's score on its own: the sum over groups of their best
    /// positive alternative (headline bonus included), if it matches any.
    pub(crate) fn paragraph_score(&self, hay: Folded, title: bool) -> Option<i64> {
        let mut total = None;
        for g in self.query.groups() {
            if let Some(s) = self.group_score(g, hay) {
                total = Some(total.unwrap_or(0) + s);
            }
        }
        total.map(|s| with_title_bonus(s, title))
    }

    /// Evaluate the query on one article's `n` searchable paragraphs.
    /// `scores[i]` is left holding paragraph i's score (`None`: matches no
    /// term); the result is `None` when the article does not match.
    pub(crate) fn evaluate<'a>(
        &self,
        n: usize,
        para: impl Fn(usize) -> (Folded<'a>, bool),
        scores: &mut Vec<Option<i64>>,
    ) -> Option<Outcome> {
        scores.clear();
        scores.resize(n, None);
        let cs = self.query.case_sensitive();
        for &g in &self.order {
            let group = &self.query.groups()[g];
            let mut any = false;
            if group.has_positive() {
                for (i, slot) in scores.iter_mut().enumerate() {
                    if let Some(s) = self.group_score(group, para(i).0) {
                        *slot = Some(slot.unwrap_or(0) + s);
                        any = true;
                    }
                }
            }
            // `!a` holds when no paragraph has `a`; in `x | !a` it is
            // looked at only when `x` is nowhere.
            let holds = any
                || group
                    .alternatives
                    .iter()
                    .filter(|t| t.negated)
                    .any(|t| (0..n).all(|i| !self.scorer.matches(t, para(i).0, cs)));
            if !holds {
                return None;
            }
        }
        let mut out = Outcome {
            score: 0,
            best: (n > 0).then_some(0),
            matching: 0,
        };
        let mut best_score = i64::MIN;
        for (i, s) in scores.iter().enumerate() {
            let Some(s) = *s else { continue };
            let s = with_title_bonus(s, para(i).1);
            out.matching += 1;
            if s > best_score {
                best_score = s;
                out.score = s;
                out.best = Some(i);
            }
        }
        Some(out)
    }

    /// Evaluate article `id` of the index.
    pub(crate) fn article(
        &self,
        index: &SearchIndex,
        id: usize,
        scores: &mut Vec<Option<i64>>,
    ) -> Option<ArticleHit> {
        let (seg, local) = index.locate(id)?;
        let slots = seg.paragraphs_of(local);
        let base = slots.start;
        let out = self.evaluate(
            slots.len(),
            |i| (seg.paragraph(base + i), seg.is_title(base + i)),
            scores,
        )?;
        Some(ArticleHit {
            article: id,
            score: out.score,
            best_paragraph: out.best.map_or(0, |i| seg.paragraph_number(base + i)),
            matching_paragraphs: out.matching,
        })
    }

    /// Evaluate the articles `ids`, in parallel. Returns `None` as soon as
    /// `stop()` says the work is no longer wanted (checked per chunk).
    pub fn scan(
        &self,
        index: &SearchIndex,
        ids: &[u32],
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<ArticleHit>> {
        self.scan_chunks(index, &chunk_ids(index, ids, CHUNK_PARAGRAPHS), stop)
    }

    /// Evaluate runs of article ids (see [`chunk_ids`]) in parallel; the
    /// hits come back in the order of the chunks.
    pub(crate) fn scan_chunks(
        &self,
        index: &SearchIndex,
        chunks: &[&[u32]],
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<ArticleHit>> {
        let parts: Option<Vec<Vec<ArticleHit>>> = chunks
            .par_iter()
            .map_init(Vec::new, |scores, chunk| {
                if stop() {
                    return None;
                }
                Some(
                    chunk
                        .iter()
                        .filter_map(|&id| self.article(index, id as usize, scores))
                        .collect(),
                )
            })
            .collect();
        Some(parts?.concat())
    }
}

fn with_title_bonus(score: i64, title: bool) -> i64 {
    if title {
        score.saturating_mul(TITLE_BONUS.0) / TITLE_BONUS.1
    } else {
        score
    }
}

/// Sort key: exact kinds before fuzzy, long terms before short (fewer
/// paragraphs pass them), negations last (they need every paragraph).
fn selectivity(g: &Group) -> (bool, usize, usize) {
    let kind_rank = |t: &Term| match t.kind {
        TermKind::Equal | TermKind::Prefix | TermKind::Suffix | TermKind::Boundary => 0,
        TermKind::Exact => 1,
        TermKind::Fuzzy => 2,
    };
    let worst_kind = g.alternatives.iter().map(kind_rank).max().unwrap_or(2);
    let shortest = g.alternatives.iter().map(Term::chars).min().unwrap_or(0);
    (!g.has_positive(), worst_kind, usize::MAX - shortest)
}

/// Split `ids` into runs of about `paragraphs_per_chunk` paragraphs.
pub(crate) fn chunk_ids<'a>(
    index: &SearchIndex,
    ids: &'a [u32],
    paragraphs_per_chunk: usize,
) -> Vec<&'a [u32]> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut paragraphs = 0;
    for (i, &id) in ids.iter().enumerate() {
        paragraphs += index.paragraph_count(id as usize).max(1);
        if paragraphs >= paragraphs_per_chunk {
            chunks.push(&ids[start..=i]);
            start = i + 1;
            paragraphs = 0;
        }
    }
    if start < ids.len() {
        chunks.push(&ids[start..]);
    }
    chunks
}

/// All article ids in `range`, as the scan wants them.
pub(crate) fn all_ids(range: Range<usize>) -> Vec<u32> {
    range.map(|i| i as u32).collect()
}
