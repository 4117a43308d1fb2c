//! Which statements of the right article each statement of the left one is
//! scored against, and how many pairs one statement may take part in: the
//! bounds that keep [`super::align`] near-linear in the quotations however
//! long and repetitive the articles are.
//!
//! Three things made comparing two long articles quadratic: a word common
//! to thousands of quotations sends every quotation that has it to every
//! other; a statement printed thousands of times on both sides (a feed
//! dump, a page repeated) pairs every copy with every copy; and a stock
//! phrase pairs with every variant of itself. So:
//! - words in more than [`COMMON_POSTINGS`] of the right side's statements
//!   do not nominate candidates (they still count in the score, which is
//!   recomputed exactly for the [`MAX_SCORED`] best-nominated ones), and a
//!   statement made only of common words still finds its exact copy;
//! - a pair is kept when it is among the [`MAX_PARTNERS`] most alike of
//!   its left statement or of its right one;
//! - copies of one statement pair all with all up to [`MAX_MEMBER_PAIRS`]
//!   pairs, beyond that in order (first with first, and so on, spread
//!   evenly), so that every copy is still in a pair.
//!
//! No bound binds on articles of ordinary length (news articles have tens
//! to hundreds of quotations): their pairs are exactly those of scoring
//! every candidate.

use std::cmp::Reverse;
use std::collections::HashMap;

/// A word in more of the right side's statements than this nominates no
/// candidates.
pub const COMMON_POSTINGS: usize = 512;
/// At most this many candidates per statement are scored exactly when
/// common words were left out of the nomination.
pub const MAX_SCORED: usize = 256;
/// At most this many partner statements per statement, per side.
pub const MAX_PARTNERS: usize = 16;
/// Copies of two paired statements pair all with all up to this many pairs.
pub const MAX_MEMBER_PAIRS: usize = 64;

/// The right side's statements by word, and by their whole word set.
pub struct Postings {
    lists: Vec<Vec<usize>>,
    exact: HashMap<Vec<u32>, usize>,
    /// Per right statement: words shared with the statement being looked
    /// up (zero between lookups).
    counts: Vec<u32>,
    touched: Vec<usize>,
}

impl Postings {
    /// `sets`: the right side's statements as sorted, distinct word ids.
    pub fn new(sets: &[Vec<u32>]) -> Self {
        let vocab_len = sets.iter().flatten().max().map_or(0, |&m| m as usize + 1);
        let mut lists: Vec<Vec<usize>> = vec![Vec::new(); vocab_len];
        for (j, ids) in sets.iter().enumerate() {
            for &id in ids {
                lists[id as usize].push(j);
            }
        }
        let exact = sets
            .iter()
            .enumerate()
            .map(|(j, s)| (s.clone(), j))
            .collect();
        Postings {
            lists,
            exact,
            counts: vec![0; sets.len()],
            touched: Vec::new(),
        }
    }

    /// The right statements worth scoring against `ids` (a left statement's
    /// sorted word ids), each with the number of words they share.
    pub fn candidates(&mut self, ids: &[u32], right: &[Vec<u32>]) -> Vec<(usize, usize)> {
        let mut skipped = false;
        for &id in ids {
            let Some(list) = self.lists.get(id as usize) else {
                continue;
            };
            if list.len() > COMMON_POSTINGS {
                skipped = true;
                continue;
            }
            for &rj in list {
                if self.counts[rj] == 0 {
                    self.touched.push(rj);
                }
                self.counts[rj] += 1;
            }
        }
        let mut out: Vec<(usize, usize)> = self
            .touched
            .drain(..)
            .map(|rj| (rj, std::mem::take(&mut self.counts[rj]) as usize))
            .collect();
        if !skipped {
            // Every shared word was counted: the counts are exact.
            return out;
        }
        if out.len() > MAX_SCORED {
            out.select_nth_unstable_by_key(MAX_SCORED, |&(rj, n)| (Reverse(n), rj));
            out.truncate(MAX_SCORED);
        }
        if let Some(&rj) = self.exact.get(ids)
            && !out.iter().any(|&(c, _)| c == rj)
        {
            out.push((rj, 0));
        }
        for (rj, n) in &mut out {
            *n = shared(ids, &right[*rj]);
        }
        out
    }
}

/// Size of the intersection of two sorted, distinct id lists.
pub fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Two statements alike enough to pair: (left set, right set, similarity).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetPair {
    pub left: usize,
    pub right: usize,
    pub similarity: f32,
}

/// Keep the pairs that are among the [`MAX_PARTNERS`] most alike of their
/// left statement or of their right one (ties to the earlier statement):
/// no statement loses its best partners, and there are at most
/// `MAX_PARTNERS` × (statements on both sides) pairs.
pub fn keep_best(mut pairs: Vec<SetPair>) -> Vec<SetPair> {
    let mut keep = vec![false; pairs.len()];
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    for by_left in [true, false] {
        let key = |p: &SetPair| {
            if by_left {
                (p.left, p.right)
            } else {
                (p.right, p.left)
            }
        };
        order.sort_by(|&a, &b| {
            let (pa, pb) = (&pairs[a], &pairs[b]);
            let (ka, kb) = (key(pa), key(pb));
            ka.0.cmp(&kb.0)
                .then(pb.similarity.total_cmp(&pa.similarity))
                .then(ka.1.cmp(&kb.1))
        });
        let mut rank = 0;
        let mut last = None;
        for &i in &order {
            let owner = key(&pairs[i]).0;
            if last != Some(owner) {
                last = Some(owner);
                rank = 0;
            }
            rank += 1;
            keep[i] |= rank <= MAX_PARTNERS;
        }
    }
    let mut i = 0;
    pairs.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    pairs
}

/// The pairs of copies of two paired statements (quotation indices, each
/// list in text order): all with all while that is at most
/// [`MAX_MEMBER_PAIRS`], else in order, spread evenly, every copy in one.
pub fn member_pairs<'a>(
    left: &'a [usize],
    right: &'a [usize],
) -> Box<dyn Iterator<Item = (usize, usize)> + 'a> {
    let (a, b) = (left.len(), right.len());
    if a * b <= MAX_MEMBER_PAIRS {
        return Box::new(
            left.iter()
                .flat_map(move |&i| right.iter().map(move |&j| (i, j))),
        );
    }
    let n = a.max(b);
    Box::new((0..n).map(move |k| (left[k * a / n], right[k * b / n])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_nominate_nothing_but_still_count() {
        // 600 right statements share word 1; one also shares 7 and 8.
        let mut right: Vec<Vec<u32>> = (0..600).map(|i| vec![1, 100 + i]).collect();
        right.push(vec![1, 7, 8]);
        let mut p = Postings::new(&right);
        let found = p.candidates(&[1, 7, 8], &right);
        assert_eq!(
            found,
            [(600, 3)],
            "the rare words found it, all three counted"
        );
        // A statement of common words alone still finds its exact copy.
        right.push(vec![1]);
        let mut p = Postings::new(&right);
        assert_eq!(p.candidates(&[1], &right), [(601, 1)]);
    }

    #[test]
    fn a_crowd_of_alike_statements_keeps_each_ones_best_partners() {
        // 100 × 100 statements all alike, to varying degrees.
        let sim = |l: usize, r: usize| ((l * 7 + r * 13) % 100) as f32 / 100.0;
        let pairs: Vec<SetPair> = (0..100)
            .flat_map(|l| (0..100).map(move |r| (l, r)))
            .map(|(left, right)| SetPair {
                left,
                right,
                similarity: sim(left, right),
            })
            .collect();
        let kept = keep_best(pairs);
        assert!(kept.len() <= MAX_PARTNERS * 200, "{} pairs", kept.len());
        for l in 0..100 {
            let best = (0..100)
                .max_by(|&a, &b| sim(l, a).total_cmp(&sim(l, b)))
                .unwrap();
            assert!(kept.iter().any(|p| p.left == l && p.right == best));
        }
    }

    #[test]
    fn many_copies_pair_in_order_and_every_copy_is_in_a_pair() {
        let left: Vec<usize> = (0..1000).collect();
        let right: Vec<usize> = (0..10).collect();
        let pairs: Vec<_> = member_pairs(&left, &right).collect();
        assert_eq!(pairs.len(), 1000);
        assert!(left.iter().all(|i| pairs.iter().any(|p| p.0 == *i)));
        assert!(right.iter().all(|j| pairs.iter().any(|p| p.1 == *j)));
        let few: Vec<_> = member_pairs(&[1, 2], &[3, 4]).collect();
        assert_eq!(few, [(1, 3), (1, 4), (2, 3), (2, 4)]);
    }
}
