//! Wire copies: articles whose bodies are the same story, run by several
//! outlets, found so that the reader can fold them under one entry.
//!
//! How, and why nothing is quadratic in the number of articles:
//!
//! 1. Each article's body becomes a set of five-word shingles
//!    ([`shingles`]) and a one-permutation MinHash signature of 96 entries
//!    ([`minhash`]), in parallel: linear in the text.
//! 2. LSH banding (32 bands of 3 entries) puts articles whose signatures
//!    agree on a whole band into one bucket; each article looks at most at
//!    [`minhash::PER_BUCKET`] earlier articles per bucket, and keeps at
//!    most [`minhash::PER_ARTICLE`] candidates whose signatures agree on
//!    at least [`minhash::MIN_ESTIMATE`] of their entries. O(n · bands)
//!    work and memory, whatever the buckets hold.
//! 3. In lead order (earliest publication date first, undated last, then
//!    corpus order), each article is compared exactly ([`verify`]) with
//!    the leads of its candidates' groups (at most `PER_ARTICLE` of them),
//!    and joins the most similar one that passes; otherwise it leads a
//!    group of its own. Every member is thus a verified copy of its lead,
//!    never joined through a chain of pairs, so two articles that each
//!    resemble a third are not thereby grouped. Exact comparisons are
//!    O(n · PER_ARTICLE) merges of shingle sets, and only articles that
//!    have a candidate keep a set in memory (32-bit hashes).
//!
//! Measured (`cargo bench --bench copies`, 2 cores): 20,000 generated
//! articles (94 MB) in 0.9–1.2 s, less than loading them takes (1.6–2.9 s),
//! with 16 MB allocated at the peak beyond the corpus.
//!
//! The thresholds and their reasons are in [`verify`]. Differences
//! between a copy and its lead are computed on demand ([`diff()`]).
//!
//! Progress is reported between chunks of articles, and the caller may
//! stop the work at any report, so it can run off a caller's thread.

pub mod diff;
pub mod minhash;
pub mod shingles;
pub mod verify;

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::Article;
pub use diff::{CopyDiff, ParagraphChange, diff};
use minhash::{Signature, candidates, signature};
use verify::{MIN_WORDS, Similarity};

/// Articles per chunk between two progress reports.
const CHUNK: usize = 512;

/// A copy in a group: an article and how it matched the lead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyMember {
    /// Place in the corpus.
    pub article: usize,
    /// The rule it passed ([`verify::RULES`]).
    pub rule: &'static str,
    /// Jaccard similarity of its body shingles to the lead's.
    pub jaccard: f64,
}

/// One story run more than once: the lead (the earliest) and its copies,
/// in lead order (by date, then corpus order).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyGroup {
    pub lead: usize,
    pub copies: Vec<CopyMember>,
}

impl CopyGroup {
    /// The lead and every copy, as places in the corpus.
    pub fn members(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.lead).chain(self.copies.iter().map(|c| c.article))
    }

    /// The outlets that ran the story, each once, the lead's first; the
    /// members without an outlet are not named. Linear in the members: the
    /// list draws it for every copy group on screen.
    pub fn outlets<'a>(&self, articles: &'a [Article]) -> Vec<&'a str> {
        let mut seen = std::collections::HashSet::new();
        self.members()
            .filter_map(|m| articles[m].source.as_deref())
            .filter(|s| seen.insert(*s))
            .collect()
    }
}

/// The copy groups of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Copies {
    /// Groups of two or more, the largest first, then by the lead's place.
    pub groups: Vec<CopyGroup>,
    /// For each article, its group's index in `groups`.
    #[serde(skip)]
    group_of: Vec<Option<u32>>,
}

impl Copies {
    /// The copies of a corpus of `n` articles made of `groups` (as found,
    /// or read back from the store); a member past `n` is not looked up.
    pub fn from_groups(groups: Vec<CopyGroup>, n: usize) -> Copies {
        let mut group_of = vec![None; n];
        for (g, group) in groups.iter().enumerate() {
            for m in group.members() {
                if let Some(slot) = group_of.get_mut(m) {
                    *slot = Some(g as u32);
                }
            }
        }
        Copies { groups, group_of }
    }

    /// The group article `id` belongs to, lead or copy.
    pub fn group_of(&self, id: usize) -> Option<&CopyGroup> {
        let g = (*self.group_of.get(id)?)?;
        self.groups.get(g as usize)
    }

    /// Articles that are a copy of another (not leads).
    pub fn copies(&self) -> usize {
        self.groups.iter().map(|g| g.copies.len()).sum()
    }
}

/// How far the work is: `done` of `total` steps (each article is a step
/// twice: its signature, then its comparison).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The copy groups of `articles`, all at once.
pub fn find_copies(articles: &[Article]) -> Copies {
    find_copies_with(articles, &|_| true).unwrap_or_default()
}

/// The copy groups of `articles`, calling `report` on this thread between
/// chunks; `None` as soon as `report` returns false (stop).
pub fn find_copies_with(articles: &[Article], report: &dyn Fn(Progress) -> bool) -> Option<Copies> {
    let n = articles.len();
    let total = 2 * n;
    let stopped = AtomicBool::new(false);
    let tell = |done: usize| {
        if !report(Progress { done, total }) {
            stopped.store(true, Ordering::Relaxed);
        }
        !stopped.load(Ordering::Relaxed)
    };
    let cancelled = || stopped.load(Ordering::Relaxed);

    // Lead order: dated articles by date, then undated; corpus order breaks ties.
    let mut order: Vec<usize> = (0..n).collect();
    let dates: Vec<_> = articles.iter().map(Article::published).collect();
    order.sort_by_key(|&i| (dates[i].is_none(), dates[i], i));

    // 1. Signatures, in lead order.
    let mut sigs: Vec<Option<Signature>> = Vec::with_capacity(n);
    for chunk in order.chunks(CHUNK) {
        sigs.par_extend(chunk.par_iter().map(|&i| {
            let (set, words) = shingles::shingles(&articles[i]);
            (words >= MIN_WORDS).then(|| signature(&set))
        }));
        if !tell(sigs.len()) {
            return None;
        }
    }

    // 2. Candidates from the bands.
    let cands = candidates(&sigs, &cancelled)?;
    drop(sigs);

    // The shingle sets of articles that take part in a comparison.
    let mut involved = vec![false; n];
    for (x, c) in cands.iter().enumerate() {
        if !c.is_empty() {
            involved[x] = true;
            for &y in c {
                involved[y as usize] = true;
            }
        }
    }
    let sets: Vec<Option<Vec<u32>>> = order
        .par_iter()
        .zip(involved.par_iter())
        .map(|(&i, &yes)| yes.then(|| exact_set(&articles[i])))
        .collect();
    if cancelled() {
        return None;
    }

    // 3. Each article against its candidates' leads, in lead order.
    // lead[x]: the position of x's group lead (x itself for a lead).
    let mut lead: Vec<u32> = (0..n as u32).collect();
    let mut joined: Vec<Option<(&'static str, f64)>> = vec![None; n];
    for (x, c) in cands.iter().enumerate() {
        if x % CHUNK == 0 && !tell(n + x) {
            return None;
        }
        let mut leads: Vec<u32> = c.iter().map(|&y| lead[y as usize]).collect();
        leads.dedup();
        let mut best: Option<(u32, Similarity, &'static str)> = None;
        let Some(mine) = &sets[x] else { continue };
        for (k, &l) in leads.iter().enumerate() {
            if leads[..k].contains(&l) {
                continue;
            }
            let Some(theirs) = &sets[l as usize] else {
                continue;
            };
            let sim = Similarity::of(mine, theirs);
            if let Some(rule) = sim.rule()
                && best.is_none_or(|(_, b, _)| sim.jaccard > b.jaccard)
            {
                best = Some((l, sim, rule.name));
            }
        }
        if let Some((l, sim, rule)) = best {
            lead[x] = l;
            joined[x] = Some((rule, sim.jaccard));
        }
    }
    if !tell(total) {
        return None;
    }

    // Groups of two or more, positions back to corpus places.
    let mut by_lead: Vec<Vec<usize>> = vec![Vec::new(); n];
    for x in 0..n {
        if lead[x] as usize != x {
            by_lead[lead[x] as usize].push(x);
        }
    }
    let mut groups: Vec<CopyGroup> = by_lead
        .iter()
        .enumerate()
        .filter(|(_, copies)| !copies.is_empty())
        .map(|(l, copies)| CopyGroup {
            lead: order[l],
            copies: copies
                .iter()
                .map(|&x| {
                    let (rule, jaccard) = joined[x].unwrap_or(("", 0.0));
                    CopyMember {
                        article: order[x],
                        rule,
                        jaccard,
                    }
                })
                .collect(),
        })
        .collect();
    groups.sort_by_key(|g| (std::cmp::Reverse(g.copies.len()), g.lead));
    Some(Copies::from_groups(groups, n))
}

/// The shingle set kept for exact comparison: the high half of each
/// shingle hash, half the memory of the full one. Two different shingles
/// share a half one time in four billion; among the thousand-odd shingles
/// of two articles that moves their Jaccard by well under 0.001.
fn exact_set(a: &Article) -> Vec<u32> {
    let mut set: Vec<u32> = shingles::shingles(a)
        .0
        .iter()
        .map(|&s| (s >> 32) as u32)
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

#[cfg(test)]
mod tests;
