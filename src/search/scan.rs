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
use std::sync::Arc;

use rayon::prelude::*;

use super::fold::Folded;
use super::index::{SearchIndex, weighted};
use super::query::{Group, Query, Term, TermKind};
use super::rank::ArticleHit;
use super::scope::Scope;
use super::score::Scorer;

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
    /// For `@name` queries: the only paragraphs terms may match in.
    scope: Option<Arc<Scope>>,
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
            scope: None,
        }
    }

    /// Restrict matching to `scope` (see [`super::scope`]).
    pub fn with_scope(mut self, scope: Option<Arc<Scope>>) -> Self {
        self.scope = scope;
        self
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    pub fn scope(&self) -> Option<&Arc<Scope>> {
        self.scope.as_ref()
    }

    /// Whether the terms may match in paragraph `paragraph` of article
    /// `id` (always, without a scope).
    pub fn allows(&self, id: usize, paragraph: usize) -> bool {
        self.scope.as_ref().is_none_or(|s| s.allows(id, paragraph))
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
    pub(crate) fn paragraph_score(&self, hay: Folded, flags: u8) -> Option<i64> {
        let mut total = None;
        for g in self.query.groups() {
            if let Some(s) = self.group_score(g, hay) {
                total = Some(total.unwrap_or(0) + s);
            }
        }
        total.map(|s| weighted(s, flags))
    }

    /// Evaluate the query on one article's `n` searchable paragraphs,
    /// numbered from `base`. `hints[g]` says what is already known about
    /// group g (nothing when `hints` is short). `scores[i]` is left holding
    /// paragraph i's score (`None`: matches no term); each positive group
    /// match is pushed to `found` as (group, paragraph, score). The result
    /// is `None` when the article does not match (`found` may then hold
    /// partial entries for the caller to drop). With `mask`, positive terms
    /// count only in paragraphs i where `mask[i]` (a scope); negations
    /// still look at every paragraph.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn evaluate<'a>(
        &self,
        n: usize,
        base: u32,
        para: impl Fn(usize) -> (Folded<'a>, u8),
        hints: &[Hint<'_>],
        mask: Option<&[bool]>,
        scores: &mut Vec<Option<i64>>,
        mut found: Option<&mut Vec<GroupMatch>>,
    ) -> Option<Outcome> {
        scores.clear();
        scores.resize(n, None);
        let cs = self.query.case_sensitive();
        let open = |i: usize| mask.is_none_or(|m| m.get(i).copied().unwrap_or(false));
        for &g in &self.order {
            let group = &self.query.groups()[g];
            let mut any = false;
            let mut record = |i: usize, s: i64| {
                if !open(i) {
                    return;
                }
                if let Some(slot) = scores.get_mut(i) {
                    *slot = Some(slot.unwrap_or(0) + s);
                    any = true;
                    if let Some(f) = found.as_deref_mut() {
                        f.push((
                            g as u32,
                            base + i as u32,
                            s.clamp(0, i32::MAX as i64) as i32,
                        ));
                    }
                }
            };
            if group.has_positive() {
                let local = |p: u32| p.wrapping_sub(base) as usize;
                match hints.get(g).unwrap_or(&Hint::All) {
                    Hint::All => {
                        for i in (0..n).filter(|&i| open(i)) {
                            if let Some(s) = self.group_score(group, para(i).0) {
                                record(i, s);
                            }
                        }
                    }
                    Hint::Only(list) => {
                        for &(p, _) in *list {
                            let i = local(p);
                            if i < n
                                && open(i)
                                && let Some(s) = self.group_score(group, para(i).0)
                            {
                                record(i, s);
                            }
                        }
                    }
                    Hint::Known(list) => {
                        for &(p, s) in *list {
                            record(local(p), s as i64);
                        }
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
            best: (0..n).find(|&i| open(i)),
            matching: 0,
        };
        if self.query.is_empty() && mask.is_some() {
            // `@name` alone: the articles quoting them most come first.
            out.matching = (0..n).filter(|&i| open(i)).count() as u32;
            out.score = out.matching as i64;
            return Some(out);
        }
        let mut best_score = i64::MIN;
        for (i, s) in scores.iter().enumerate() {
            let Some(s) = *s else { continue };
            let s = weighted(s, para(i).1);
            out.matching += 1;
            if s > best_score {
                best_score = s;
                out.score = s;
                out.best = Some(i);
            }
        }
        Some(out)
    }

    /// Evaluate article `id` of the index, reusing what `reuse` knows.
    fn article(
        &self,
        index: &SearchIndex,
        id: usize,
        reuse: &Reuse,
        scratch: &mut Scratch,
        collect: bool,
    ) -> Option<ArticleHit> {
        let (seg, local, first) = index.locate(id)?;
        let slots = seg.paragraphs_of(local);
        let start = slots.start;
        let n = slots.len();
        let base = first + start as u32;
        let hints: Vec<Hint> = if id < reuse.upto {
            reuse.groups.iter().map(|r| r.hint(base, n)).collect()
        } else {
            Vec::new()
        };
        let wanted = match &self.scope {
            Some(scope) => Some(scope.paragraphs(id)?),
            None => None,
        };
        let mut mask = std::mem::take(&mut scratch.mask);
        if let Some(wanted) = wanted {
            mask.clear();
            mask.extend((0..n).map(|i| {
                wanted
                    .binary_search(&(seg.paragraph_number(start + i) as u32))
                    .is_ok()
            }));
            if !mask.contains(&true) {
                scratch.mask = mask;
                return None;
            }
        }
        let mark = scratch.found.len();
        let out = self.evaluate(
            n,
            base,
            |i| (seg.paragraph(start + i), seg.flags(start + i)),
            &hints,
            self.scope.is_some().then_some(mask.as_slice()),
            &mut scratch.scores,
            collect.then_some(&mut scratch.found),
        );
        scratch.mask = mask;
        let Some(out) = out else {
            scratch.found.truncate(mark);
            return None;
        };
        Some(ArticleHit {
            article: id,
            score: out.score,
            best_paragraph: out.best.map_or(0, |i| seg.paragraph_number(start + i)),
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
        let chunks = chunk_ids(index, ids, CHUNK_PARAGRAPHS);
        let found = self.scan_chunks(index, &chunks, stop, &Reuse::default(), false)?;
        Some(found.hits)
    }

    /// Evaluate runs of article ids (see [`chunk_ids`]) in parallel; hits
    /// come back in the order of the chunks. With `collect`, also every
    /// positive group's paragraph hits in matching articles, for the next
    /// narrowing query.
    pub(crate) fn scan_chunks(
        &self,
        index: &SearchIndex,
        chunks: &[&[u32]],
        stop: &(dyn Fn() -> bool + Sync),
        reuse: &Reuse,
        collect: bool,
    ) -> Option<Found> {
        let parts: Option<Vec<(Vec<ArticleHit>, Vec<GroupMatch>)>> = chunks
            .par_iter()
            .map_init(Scratch::default, |scratch, chunk| {
                if stop() {
                    return None;
                }
                let hits = chunk
                    .iter()
                    .filter_map(|&id| self.article(index, id as usize, reuse, scratch, collect))
                    .collect();
                Some((hits, std::mem::take(&mut scratch.found)))
            })
            .collect();
        let mut out = Found {
            hits: Vec::new(),
            groups: vec![
                Vec::new();
                if collect {
                    self.query.groups().len()
                } else {
                    0
                }
            ],
        };
        for (hits, found) in parts? {
            out.hits.extend(hits);
            for (g, p, s) in found {
                out.groups[g as usize].push((p, s));
            }
        }
        Some(out)
    }
}

/// Paragraph hits of one group: (global paragraph number, score),
/// ascending by paragraph.
pub type GroupHits = Vec<(u32, i32)>;

/// What an earlier query tells about one group of this one.
#[derive(Debug, Clone)]
pub(crate) enum Known {
    /// Nothing: every paragraph has to be looked at.
    Nothing,
    /// The hits of a group this one implies: no other paragraph can match.
    Superset(Arc<GroupHits>),
    /// The hits of this very group.
    Same(Arc<GroupHits>),
}

impl Known {
    fn hint(&self, base: u32, n: usize) -> Hint<'_> {
        let cut = |h: &'_ GroupHits| {
            let lo = h.partition_point(|&(p, _)| p < base);
            let hi = h.partition_point(|&(p, _)| (p as u64) < base as u64 + n as u64);
            (lo, hi)
        };
        match self {
            Known::Nothing => Hint::All,
            Known::Superset(h) => {
                let (lo, hi) = cut(h);
                Hint::Only(&h[lo..hi])
            }
            Known::Same(h) => {
                let (lo, hi) = cut(h);
                Hint::Known(&h[lo..hi])
            }
        }
    }
}

/// Per group of a query, what is known from an earlier one; valid for
/// articles below `upto` (later ones were appended since).
#[derive(Debug, Clone, Default)]
pub(crate) struct Reuse {
    pub groups: Vec<Known>,
    pub upto: usize,
}

/// One article's view of [`Known`].
pub(crate) enum Hint<'c> {
    All,
    Only(&'c [(u32, i32)]),
    Known(&'c [(u32, i32)]),
}

/// What a scan found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub hits: Vec<ArticleHit>,
    /// Per group of the query (empty unless collected).
    pub groups: Vec<GroupHits>,
}

/// (group, global paragraph, score): one paragraph matching one group.
pub(crate) type GroupMatch = (u32, u32, i32);

/// Per-thread buffers.
#[derive(Default)]
struct Scratch {
    scores: Vec<Option<i64>>,
    found: Vec<GroupMatch>,
    /// Paragraphs in scope, for `@name` queries.
    mask: Vec<bool>,
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
