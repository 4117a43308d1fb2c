//! Stories: the articles about one event, across outlets.
//!
//! [`build`] weighs, for pairs of articles, the evidence that they report
//! the same event ([`evidence`]): a statement both carry (strong), the
//! likeness of their titles and ledes weighted by rarity, shared rare
//! names and speakers (weak); two dated articles more than
//! [`WINDOW_DAYS`] apart are never one story. Every article is in exactly
//! one story: an article alike to no other is a story of one, so that a
//! list grouped by story still shows every article.
//!
//! Never quadratic in the number of articles: an article is scored only
//! against those sharing a rare word (in at most [`evidence::COMMON_CAP`]
//! articles) or a statement (carried by at most [`group::STATEMENT_CAP`])
//! with it, at most [`group::MAX_SCORED`] of them; it keeps a few best
//! partners; the union is near-linear. Work is bounded by articles ×
//! lede words × the cap. Memory is one lede's word set an article. See
//! [`group`].

pub mod evidence;
pub mod group;
pub mod matrix;

use serde::Serialize;

use crate::corpus::date::NewsDate;
use crate::corpus::{Article, distinct_outlets};
use crate::quotes::SpeakerIndex;
use crate::statements::Statements;

pub use evidence::WINDOW_DAYS;

/// One story: the articles about one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// Indices into the corpus: by date where dates are known (undated
    /// after), then in corpus order.
    pub articles: Vec<usize>,
    /// The outlets, in the order of their first article (an article
    /// without an outlet counts as its own).
    pub outlets: Vec<String>,
    #[serde(skip)]
    pub first: Option<NewsDate>,
    #[serde(skip)]
    pub last: Option<NewsDate>,
    /// The title of its lead (first) article.
    pub title: String,
    /// Statements (indices into [`Statements::statements`]) carried by at
    /// least two of its articles.
    pub statements: Vec<usize>,
}

/// Every story of a corpus: the largest first, then the most recent.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stories {
    pub stories: Vec<Story>,
    /// Per article: the index of its story.
    pub of_article: Vec<usize>,
}

/// The stories of `articles`, given their statements and speakers (built
/// from the same articles). None when `cancelled` says so (asked every
/// few hundred articles).
pub fn build(
    articles: &[Article],
    statements: &Statements,
    speakers: &SpeakerIndex,
    cancelled: &dyn Fn() -> bool,
) -> Option<Stories> {
    if cancelled() {
        return None;
    }
    let ev = evidence::Corpus::new(articles, statements, speakers);
    let groups = group::groups(&ev, cancelled)?;
    let mut stories: Vec<Story> = groups
        .into_iter()
        .map(|g| story(articles, &ev, g))
        .collect();
    stories.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.last.is_some().cmp(&a.last.is_some()))
            .then(b.last.cmp(&a.last))
            .then(a.articles[0].cmp(&b.articles[0]))
    });
    let mut of_article = vec![0; articles.len()];
    for (s, st) in stories.iter().enumerate() {
        for &a in &st.articles {
            of_article[a] = s;
        }
    }
    Some(Stories {
        stories,
        of_article,
    })
}

/// A story of these articles, ordered and summed up.
fn story(articles: &[Article], ev: &evidence::Corpus, mut members: Vec<usize>) -> Story {
    let dates: Vec<Option<NewsDate>> = members.iter().map(|&a| articles[a].published()).collect();
    let mut keyed: Vec<(bool, Option<NewsDate>, usize)> = members
        .iter()
        .zip(&dates)
        .map(|(&a, d)| (d.is_none(), *d, a))
        .collect();
    keyed.sort_unstable();
    members = keyed.iter().map(|k| k.2).collect();
    let outlets = distinct_outlets(members.iter().map(|&a| &articles[a]));
    let mut carried: Vec<usize> = members
        .iter()
        .flat_map(|&a| ev.articles[a].statements.iter().copied())
        .collect();
    carried.sort_unstable();
    let statements: Vec<usize> = carried
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect::<Vec<_>>();
    let mut statements = statements;
    statements.dedup();
    let known: Vec<NewsDate> = dates.into_iter().flatten().collect();
    Story {
        title: articles[members[0]].title.clone(),
        outlets,
        first: known.iter().min().copied(),
        last: known.iter().max().copied(),
        statements,
        articles: members,
    }
}

impl Stories {
    /// The story of article `a`.
    pub fn of(&self, a: usize) -> Option<&Story> {
        self.of_article.get(a).and_then(|&s| self.stories.get(s))
    }

    /// The stories of more than one article.
    pub fn shared(&self) -> impl Iterator<Item = &Story> {
        self.stories.iter().filter(|s| s.articles.len() > 1)
    }
}

#[cfg(test)]
mod tests;
