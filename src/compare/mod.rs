//! Comparing two articles: which statements both quote, which only one
//! does, and who is quoted where.
//!
//! [`compare`] takes two articles and their quotations ([`find_quotes`])
//! and returns a [`Comparison`]: the pairs of quotations that render one
//! statement, the quotations only one side has, the speakers of both or
//! one, and a numbering of shared statements for gutter markers. It is
//! pure and deterministic, has no terminal types, and is fast enough to
//! run on every article switch (see `benches/compare.rs`).
//!
//! - [`words`] — content words of a quotation (folding, stop words, stems).
//! - [`lexicon`] — the stop-word and variant tables.
//! - [`align`] — scoring and pairing quotations; the thresholds.
//! - [`candidates`] — which pairs are scored: the bounds on the work.
//! - [`fit`] — whether two quotations' speakers let them pair.
//! - [`speakers`] — whether two articles' speakers are one person.
//! - [`groups`] — numbering pairs for the gutter.
//! - [`diff`] — the word diff of two renderings, for showing a pair.
//!
//! [`find_quotes`]: crate::quotes::find_quotes

pub mod align;
pub mod candidates;
pub mod diff;
pub mod fit;
pub mod groups;
pub mod lexicon;
pub mod speakers;
pub mod union_find;
pub mod words;

use serde::Serialize;

use crate::corpus::Article;
use crate::quotes::ArticleQuotes;

pub use align::{
    CONTAINMENT_WEIGHT, MIN_SHARED_WORDS, PAIR_THRESHOLD, QuotePair, UNCERTAIN_SPEAKER_THRESHOLD,
    similarity,
};
pub use diff::{DiffOp, render_word_diff, word_diff};
pub use groups::Groups;
pub use speakers::{SpeakerComparison, same_speaker};

/// What two articles quote alike and differently. Quotation indices are
/// into the `quotes` of the [`ArticleQuotes`] given to [`compare`]; speaker
/// ids into their `speakers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Pairs of quotations rendering one statement, sorted by left then
    /// right index. A quotation may be in several pairs.
    pub pairs: Vec<QuotePair>,
    /// Left quotations in no pair, in text order.
    pub left_only: Vec<usize>,
    /// Right quotations in no pair, in text order.
    pub right_only: Vec<usize>,
    pub speakers: SpeakerComparison,
    /// Shared statements numbered 1.. in left text order, per quotation.
    pub groups: Groups,
}

/// Compare two articles' quotations. `lq` and `rq` must be the quotations
/// of `left` and `right` (as [`crate::quotes::find_quotes`] gives them).
/// Comparing an article with itself pairs every statement with itself.
pub fn compare(
    left: &Article,
    lq: &ArticleQuotes,
    right: &Article,
    rq: &ArticleQuotes,
) -> Comparison {
    compare_unless(left, lq, right, rq, &|| false).unwrap_or_default()
}

/// As [`compare`], giving up (None) as soon as `cancelled` says so: the
/// reader runs long comparisons on a thread and drops them when the user
/// moves on.
pub fn compare_unless(
    left: &Article,
    lq: &ArticleQuotes,
    right: &Article,
    rq: &ArticleQuotes,
    cancelled: &dyn Fn() -> bool,
) -> Option<Comparison> {
    let pairs = align::align_unless(left, lq, right, rq, cancelled)?;
    let groups = groups::number_groups(lq.quotes.len(), rq.quotes.len(), &pairs);
    let left_only = (0..lq.quotes.len())
        .filter(|&i| groups.left[i].is_none())
        .collect();
    let right_only = (0..rq.quotes.len())
        .filter(|&j| groups.right[j].is_none())
        .collect();
    Some(Comparison {
        pairs,
        left_only,
        right_only,
        speakers: speakers::compare_speakers(lq, rq),
        groups,
    })
}

impl Comparison {
    /// The pairs of left quotation `i`, in right index order.
    pub fn pairs_of_left(&self, i: usize) -> &[QuotePair] {
        let start = self.pairs.partition_point(|p| p.left < i);
        let end = self.pairs.partition_point(|p| p.left <= i);
        &self.pairs[start..end]
    }

    /// The pairs of right quotation `j`, in left index order.
    pub fn pairs_of_right(&self, j: usize) -> impl Iterator<Item = &QuotePair> {
        self.pairs.iter().filter(move |p| p.right == j)
    }

    /// The group number (1..) of left quotation `i`, if it is shared.
    pub fn left_group(&self, i: usize) -> Option<u32> {
        self.groups.left.get(i).copied().flatten()
    }

    /// The group number (1..) of right quotation `j`, if it is shared.
    pub fn right_group(&self, j: usize) -> Option<u32> {
        self.groups.right.get(j).copied().flatten()
    }

    /// The group number of a pair (that of its left quotation).
    pub fn group_of(&self, pair: &QuotePair) -> Option<u32> {
        self.left_group(pair.left)
    }

    /// The left and right quotations of group `group`, in text order.
    pub fn group_members(&self, group: u32) -> (Vec<usize>, Vec<usize>) {
        let of = |v: &[Option<u32>]| {
            (0..v.len())
                .filter(|&i| v[i] == Some(group))
                .collect::<Vec<_>>()
        };
        (of(&self.groups.left), of(&self.groups.right))
    }

    /// The word diff of a pair's two quotations (see [`word_diff`]); the
    /// ranges are relative to each quotation's text (`Quote::text`), not
    /// to the article. Empty if the pair's indices are out of range.
    pub fn pair_diff(
        pair: &QuotePair,
        left: &Article,
        lq: &ArticleQuotes,
        right: &Article,
        rq: &ArticleQuotes,
    ) -> Vec<DiffOp> {
        match (lq.quotes.get(pair.left), rq.quotes.get(pair.right)) {
            (Some(a), Some(b)) => word_diff(a.text(left), b.text(right)),
            _ => Vec::new(),
        }
    }
}
