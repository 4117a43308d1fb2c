//! Statements across the corpus: one thing one speaker said, as carried by
//! every article that quotes it.
//!
//! [`build`] takes every article's quotations and the corpus speakers
//! ([`SpeakerIndex`]: aliases already merged) and groups the quotations of
//! each named speaker whose wording aligns, with the two-article aligner's
//! measure and threshold ([`crate::compare::align`]): a partial quotation
//! joins the longer statement it comes from, and a statement split by
//! "he said" in one article joins the whole printed in another.
//!
//! Never quadratic: quotations are only ever scored against those of the
//! same speaker that share a content word, through an inverted index with
//! the aligner's bounds ([`crate::compare::candidates`]: common words do
//! not nominate, at most a few best partners a quotation); memory is one
//! word set a quotation. See [`group`].
//!
//! What is never a statement: a quotation without a named speaker (an
//! unnamed source is one per article, and cannot be followed across
//! them), a scare quote, term or title, and a headline echoing its body.

mod group;
pub mod trace;
pub mod wording;

use std::collections::HashSet;

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::date::NewsDate;
use crate::corpus::{Article, distinct_ignoring_case, distinct_outlets};
use crate::quotes::{ArticleQuotes, QuoteRef, SpeakerIndex};

pub use trace::{Traced, trace};

/// One statement: its speaker and every rendering, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// Index into [`SpeakerIndex::speakers`].
    pub speaker: usize,
    /// Every quotation rendering it: by date where dates are known, then
    /// in corpus and text order.
    pub renderings: Vec<QuoteRef>,
    /// The outlets carrying it, in the order of their first rendering
    /// (an article without an outlet counts as its own).
    pub outlets: Vec<String>,
    /// How many articles carry it.
    pub articles: usize,
    /// The first and last publication day, where the articles give one.
    #[serde(skip)]
    pub first: Option<NewsDate>,
    #[serde(skip)]
    pub last: Option<NewsDate>,
    /// The carriers its attributions name ("via TASS"), distinct.
    pub carriers: Vec<String>,
    /// Index into `renderings` of the most common wording: what the others
    /// are shown against.
    pub common: usize,
}

/// Every statement of a corpus, carried by the most outlets first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Statements {
    pub statements: Vec<Statement>,
}

/// The statements of the corpus. `quotes[i]` must be the quotations of
/// `articles[i]`, and `speakers` their index. None when `cancelled` says
/// so (it is asked every few hundred quotations).
pub fn build(
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    speakers: &SpeakerIndex,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Statements> {
    let groups = group::groups(articles, quotes, speakers, cancelled)?;
    // Each group summed up on its own, in parallel (the most common
    // wording is most of the work), collected in order.
    let mut statements: Vec<Statement> = groups
        .into_par_iter()
        .map(|(speaker, renderings)| statement(articles, quotes, speaker, renderings))
        .collect();
    statements.sort_by(|a, b| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then(b.articles.cmp(&a.articles))
            .then(b.renderings.len().cmp(&a.renderings.len()))
            .then(a.renderings[0].cmp(&b.renderings[0]))
    });
    Some(Statements { statements })
}

/// A statement of these renderings, ordered and summed up.
fn statement(
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    speaker: usize,
    mut renderings: Vec<QuoteRef>,
) -> Statement {
    let date = |r: &QuoteRef| articles[r.article].published();
    // Undated renderings after dated ones, in corpus order.
    renderings.sort_by_key(|r| (date(r).is_none(), date(r), *r));
    let outlets = distinct_outlets(renderings.iter().map(|r| &articles[r.article]));
    let carriers = distinct_ignoring_case(
        renderings
            .iter()
            .filter_map(|r| quotes[r.article].quotes[r.quote].via.as_deref()),
    );
    // A set, not a scan per rendering: a statement carried thousands of
    // times is not quadratic.
    let seen_articles: HashSet<usize> = renderings.iter().map(|r| r.article).collect();
    let dates: Vec<NewsDate> = renderings.iter().filter_map(date).collect();
    let common = wording::most_common(articles, quotes, &renderings);
    Statement {
        speaker,
        outlets,
        articles: seen_articles.len(),
        first: dates.iter().min().copied(),
        last: dates.iter().max().copied(),
        carriers,
        common,
        renderings,
    }
}

impl Statements {
    /// The statements of speaker `speaker` (an index into the speakers).
    pub fn of_speaker(&self, speaker: usize) -> impl Iterator<Item = (usize, &Statement)> {
        self.statements
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.speaker == speaker)
    }

    /// The statement holding quotation `q`, if any.
    pub fn holding(&self, q: QuoteRef) -> Option<usize> {
        self.statements
            .iter()
            .position(|s| s.renderings.contains(&q))
    }
}

#[cfg(test)]
mod tests;
