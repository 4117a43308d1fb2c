//! The fuzzy filter: fzf-style queries over every paragraph of the corpus.
//!
//! - [`fold`] — accent and case folding, and the way back to the source.
//! - [`query`] — fzf's extended syntax, parsed into [`Query`].
//! - [`index`] — the folded corpus, built per loaded batch ([`IndexSegment`]).
//! - [`prefilter`] — memchr tests and the noise-floor windows.
//! - [`score`] — SkimMatcherV2 on those windows; the noise floor rule.
//! - [`scan`] — which articles match, their score and best paragraph.
//! - [`rank`] — top-k.
//! - [`scope`] — `@name`: only paragraphs quoting a speaker.
//! - [`narrow`] — re-scoring only previous hits while a query grows.
//! - [`worker`] — the background [`FilterWorker`] the TUI talks to.
//! - [`highlight`] — matched byte ranges inside one article.
//!
//! [`search`] is the same engine, synchronous, for the CLI and tests.

pub mod fold;
pub mod highlight;
pub mod index;
pub mod narrow;
pub mod prefilter;
pub mod query;
pub mod rank;
pub mod scan;
pub mod scope;
pub mod score;
pub mod worker;

pub use highlight::{ParagraphMatch, article_matches, match_positions, paragraph_positions};
pub use index::{IndexSegment, SearchIndex, batch_runs};
pub use query::{Query, parse};
pub use rank::ArticleHit;
pub use scan::Matcher;
pub use scope::{Scope, SpeakerDirectory};
pub use worker::{FilterEvent, FilterHandle, FilterOptions, FilterWorker};

/// The `limit` best articles for `query`, best first (all of them with
/// `usize::MAX`). Uses every core; blocks until done.
pub fn search(index: &SearchIndex, query: &Query, limit: usize) -> Vec<ArticleHit> {
    search_with(index, &Matcher::new(query.clone()), limit)
}

/// [`search`] with a matcher made by the caller (one with a scope, say).
pub fn search_with(index: &SearchIndex, matcher: &Matcher, limit: usize) -> Vec<ArticleHit> {
    let ids = match matcher.scope() {
        Some(scope) => scope.articles().to_vec(),
        None => scan::all_ids(0..index.articles()),
    };
    let hits = matcher.scan(index, &ids, &|| false).unwrap_or_default();
    rank::top_k(&hits, limit)
}
