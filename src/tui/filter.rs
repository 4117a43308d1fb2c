//! The filter prompt's state: what is typed, which query the worker is on,
//! and the latest results for it.
//!
//! Matching itself runs on the filter worker; this only keeps the newest
//! answer (events of older generations are dropped) and what the views need
//! to highlight matches in the rows and the article on screen.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::corpus::Article;
use crate::search::{
    ArticleHit, FilterEvent, Matcher, ParagraphMatch, Query, Scope, article_matches,
    paragraph_positions, parse,
};
use crate::tui::prompt::PromptLine;

/// The latest answer for the query in force.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterResults {
    /// The query generation these answer.
    pub generation: u64,
    pub hits: Vec<ArticleHit>,
    pub matched: usize,
    pub total: usize,
    pub complete: bool,
    /// The query names speakers and the speaker index is not built yet.
    pub speakers_pending: bool,
    /// Corpus speakers its `@` names matched (0 without `@`).
    pub speakers: usize,
}

/// A list row's snippet: the best paragraph and its matched bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub paragraph: usize,
    pub ranges: Vec<Range<usize>>,
}

#[derive(Default)]
pub struct FilterState {
    /// The prompt has the keyboard.
    pub editing: bool,
    /// What is typed.
    pub query: PromptLine,
    /// Generation of the last query handed to the worker (0: none yet);
    /// the app numbers them (see [`FilterState::next_submission`]).
    pub generation: u64,
    /// The newest results; they may answer an older generation until the
    /// first event for the current one arrives (the list keeps showing
    /// them meanwhile, as fzf does).
    pub results: Option<FilterResults>,
    /// For highlighting, built once per query.
    pub matcher: Option<Matcher>,
    /// Snippets of rows that have been on screen, per article.
    pub snippets: HashMap<usize, Snippet>,
    /// Matching paragraphs of the article in the reader: (article, matches).
    pub reader_matches: Option<(usize, Vec<ParagraphMatch>)>,
}

impl FilterState {
    /// A query is in force (typed, not blank).
    pub fn active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// The query has `@name` terms.
    pub fn names_speakers(&self) -> bool {
        self.matcher
            .as_ref()
            .is_some_and(|m| !m.query().speakers().is_empty())
    }

    /// The query changed: drop everything tied to the old one.
    pub fn query_changed(&mut self) {
        self.matcher = self.active().then(|| Matcher::new(parse(&self.query)));
        if !self.active() {
            self.results = None;
        }
        self.snippets.clear();
        self.reader_matches = None;
    }

    /// The query as typed, numbered and parsed for the worker: the app
    /// numbers its queries itself, so results are matched to the query in
    /// force without a round trip, and the text is parsed once (the
    /// matcher's copy), not again by the worker.
    pub fn next_submission(&mut self) -> (u64, Query) {
        self.generation += 1;
        let query = self
            .matcher
            .as_ref()
            .map_or_else(|| parse(&self.query), |m| m.query().clone());
        (self.generation, query)
    }

    /// Take an event if it answers the query in force. Returns whether it
    /// is the first answer for that query (the list should go to the top).
    pub fn accept(&mut self, ev: FilterEvent) -> Option<bool> {
        if ev.generation != self.generation || !self.active() {
            return None;
        }
        let first = self
            .results
            .as_ref()
            .is_none_or(|r| r.generation != ev.generation);
        // `@name`: highlight only where the worker looked.
        if let Some(m) = &self.matcher
            && !same_scope(m.scope(), ev.scope.as_ref())
        {
            self.matcher = Some(Matcher::new(m.query().clone()).with_scope(ev.scope.clone()));
            self.snippets.clear();
            self.reader_matches = None;
        }
        self.results = Some(FilterResults {
            generation: ev.generation,
            hits: ev.hits,
            matched: ev.matched_articles,
            total: ev.total_articles,
            complete: ev.complete,
            speakers_pending: ev.speakers_pending,
            speakers: ev.scope.as_ref().map_or(0, |s| s.speakers()),
        });
        Some(first)
    }

    /// Make sure the snippet of `article` (best paragraph `paragraph`) is
    /// known.
    pub fn ensure_snippet(&mut self, article_id: usize, article: &Article, paragraph: usize) {
        let Some(m) = &self.matcher else { return };
        // A hit from text since changed on disk may name a paragraph the
        // article no longer has.
        let paragraph = paragraph.min(article.paragraphs.len().saturating_sub(1));
        if self
            .snippets
            .get(&article_id)
            .is_some_and(|s| s.paragraph == paragraph)
        {
            return;
        }
        let ranges = paragraph_positions(article, paragraph, m);
        self.snippets
            .insert(article_id, Snippet { paragraph, ranges });
    }

    /// Make sure the matches of the article in the reader are known.
    pub fn ensure_reader_matches(&mut self, article_id: usize, article: &Article) {
        let Some(m) = &self.matcher else {
            self.reader_matches = None;
            return;
        };
        if self
            .reader_matches
            .as_ref()
            .is_some_and(|(a, _)| *a == article_id)
        {
            return;
        }
        self.reader_matches = Some((article_id, article_matches(article, article_id, m)));
    }

    /// The hit for `article_id` in the current results.
    pub fn hit(&self, article_id: usize) -> Option<&ArticleHit> {
        self.results
            .as_ref()?
            .hits
            .iter()
            .find(|h| h.article == article_id)
    }
}

fn same_scope(a: Option<&Arc<Scope>>, b: Option<&Arc<Scope>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_of_older_queries_are_dropped() {
        let mut f = FilterState {
            query: "lav".into(),
            ..FilterState::default()
        };
        let numbers: Vec<u64> = (0..3).map(|_| f.next_submission().0).collect();
        assert_eq!(numbers, [1, 2, 3]);
        let ev = |generation| FilterEvent {
            generation,
            hits: Vec::new(),
            matched_articles: 1,
            searched_articles: 1,
            total_articles: 5,
            complete: true,
            scope: None,
            speakers_pending: false,
        };
        assert_eq!(f.accept(ev(2)), None);
        assert_eq!(f.accept(ev(3)), Some(true));
        assert_eq!(f.accept(ev(3)), Some(false));
    }
}
