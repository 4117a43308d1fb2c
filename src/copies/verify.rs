//! The exact test every candidate pair passes before two articles are
//! called copies: their shingle sets compared in full, not estimated.
//!
//! Two rules, kept as a table of numbers ([`RULES`]) rather than inlined:
//!
//! - **Near-identical**: Jaccard ≥ 0.8. A copy with a changed word in every
//!   paragraph, or one paragraph of six cut or added, stays above it; two
//!   stories that share a quoted wire paragraph, each with its own reporting
//!   around it, sit far below (one shared paragraph in eleven is 0.09).
//! - **Trimmed**: the shorter body lies ≥ 0.9 within the longer, and is at
//!   least 0.6 of its length: an outlet that ran the first paragraphs of a
//!   wire story, or added two of its own. An article that merely quotes a
//!   wire paragraph is mostly its own text, so little of it lies in the
//!   other; and a one-paragraph brief is too short beside a full story.
//!
//! Either rule implies a Jaccard of at least 0.5, where the LSH bands find
//! a pair 98.6 % of the time (see [`super::minhash`]).
//!
//! Articles with fewer than [`MIN_WORDS`] body words never take part: a
//! few words ("Updates to follow.") say nothing about being the same story.

/// Body words an article needs to be compared at all.
pub const MIN_WORDS: usize = 40;

/// One way of being a copy: thresholds on (Jaccard, containment of the
/// shorter in the longer, length of the shorter over the longer).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub name: &'static str,
    pub jaccard: f64,
    pub containment: f64,
    pub length_ratio: f64,
}

/// The rules; a pair that passes any one is a copy.
pub const RULES: &[Rule] = &[
    Rule {
        name: "near-identical",
        jaccard: 0.8,
        containment: 0.0,
        length_ratio: 0.0,
    },
    Rule {
        name: "trimmed",
        jaccard: 0.0,
        containment: 0.9,
        length_ratio: 0.6,
    },
];

/// How alike two shingle sets are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    /// Shared over either.
    pub jaccard: f64,
    /// Shared over the smaller set.
    pub containment: f64,
    /// The smaller set's size over the larger's.
    pub length_ratio: f64,
}

impl Similarity {
    /// Compare two sorted, repeat-free sets (a merge, linear in their sizes).
    pub fn of<T: Ord>(a: &[T], b: &[T]) -> Similarity {
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let (small, large) = (a.len().min(b.len()), a.len().max(b.len()));
        let ratio = |x: usize, y: usize| if y == 0 { 0.0 } else { x as f64 / y as f64 };
        Similarity {
            jaccard: ratio(shared, small + large - shared),
            containment: ratio(shared, small),
            length_ratio: ratio(small, large),
        }
    }

    /// The rule this pair passes, if any.
    pub fn rule(&self) -> Option<&'static Rule> {
        RULES.iter().find(|r| {
            self.jaccard >= r.jaccard
                && self.containment >= r.containment
                && self.length_ratio >= r.length_ratio
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_tell_copies_from_shared_paragraphs() {
        let a: Vec<u64> = (0..100).collect();
        assert_eq!(
            Similarity::of(&a, &a).rule().map(|r| r.name),
            Some("near-identical")
        );
        // The first 70 of 100: trimmed.
        assert_eq!(
            Similarity::of(&a, &a[..70]).rule().map(|r| r.name),
            Some("trimmed")
        );
        // A quarter shared: not a copy.
        let b: Vec<u64> = (75..175).collect();
        assert_eq!(Similarity::of(&a, &b).rule(), None);
        // A short piece wholly inside a long one: too short to be its copy.
        assert_eq!(Similarity::of(&a, &a[..30]).rule(), None);
        assert_eq!(Similarity::of::<u64>(&[], &[]).rule().map(|r| r.name), None);
    }
}
