//! Comparing two long articles off the UI thread.
//!
//! What opening a comparison costs apart from the screen — pairing the
//! quotations and every pair's word diff — is a [`Prepared`]. For articles
//! of ordinary length it is made in `update` (milliseconds); for long ones
//! (together over [`INLINE_COMPARE_MAX_BYTES`]) the app asks the runtime
//! for it with [`CompareJob`] and goes on answering keys: the result comes
//! back as `Msg::Compared` under the job's number, and a comparison the
//! user left (Esc, another `c`) is cancelled and its result dropped.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::compare::{Comparison, compare_unless};
use crate::corpus::Article;
use crate::quotes::ArticleQuotes;

use super::table::PairDiff;

/// Two articles together longer than this are compared on a thread.
pub const INLINE_COMPARE_MAX_BYTES: usize = 1 << 20;

/// The comparison of two articles and the word diff of every pair.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    pub comparison: Comparison,
    /// Per pair of `comparison.pairs`, the words one wording lacks.
    pub diffs: Vec<PairDiff>,
}

impl Prepared {
    /// Compare, unless `cancelled` says to give up first.
    pub fn compute(
        la: &Article,
        lq: &ArticleQuotes,
        ra: &Article,
        rq: &ArticleQuotes,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Prepared> {
        let comparison = compare_unless(la, lq, ra, rq, cancelled)?;
        // On both cores: two long articles can share thousands of pairs.
        let diffs = comparison
            .pairs
            .par_iter()
            .map(|p| {
                let ops = Comparison::pair_diff(p, la, lq, ra, rq);
                PairDiff::new(&ops, lq.quotes[p.left].start, rq.quotes[p.right].start)
            })
            .collect();
        (!cancelled()).then_some(Prepared { comparison, diffs })
    }
}

/// A comparison for the runtime to make on a thread.
#[derive(Debug, Clone)]
pub struct CompareJob {
    /// Numbered by the app; a result under another number is stale.
    pub generation: u64,
    /// (article index, article, its quotations) of each side.
    pub left: (usize, Arc<Article>, Arc<ArticleQuotes>),
    pub right: (usize, Arc<Article>, Arc<ArticleQuotes>),
    /// Set by the runtime when the app cancels the job.
    pub cancel: Arc<AtomicBool>,
}

impl CompareJob {
    /// The work itself (on the runtime's thread); None when cancelled.
    pub fn run(&self) -> Option<Prepared> {
        let cancelled = || self.cancel.load(Ordering::Relaxed);
        Prepared::compute(
            &self.left.1,
            &self.left.2,
            &self.right.1,
            &self.right.2,
            &cancelled,
        )
    }
}

/// Jobs are told apart by their number and their articles.
impl PartialEq for CompareJob {
    fn eq(&self, other: &Self) -> bool {
        (self.generation, self.left.0, self.right.0)
            == (other.generation, other.left.0, other.right.0)
    }
}

impl Eq for CompareJob {}
