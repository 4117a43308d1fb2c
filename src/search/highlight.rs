//! Where a query matched inside one article, as byte ranges of
//! `Article::text`: for the rows on screen and the article being read,
//! never for the whole corpus (this folds the article again, with an
//! offset map).

use std::ops::Range;

use crate::corpus::Article;

use super::fold::{FoldMap, fold_with_map};
use super::index::flags_of;
use super::query::Query;
use super::scan::Matcher;

/// One paragraph of an article that matches at least one term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphMatch {
    /// Index into `Article::paragraphs`.
    pub paragraph: usize,
    /// The paragraph's score (headline bonus included).
    pub score: i64,
    /// Matched characters, as sorted, disjoint byte ranges of
    /// `Article::text` (adjacent characters merged).
    pub ranges: Vec<Range<usize>>,
}

/// Every matching paragraph of `article`, in document order, with its
/// matched byte ranges: for highlighting and `n`/`N` in the reader.
/// Paragraphs are reported even when the article as a whole fails the
/// query (say one term is missing), so the reader can still show them.
/// `id` is the article's id, for the matcher's `@name` scope.
pub fn article_matches(article: &Article, id: usize, matcher: &Matcher) -> Vec<ParagraphMatch> {
    searchable(article)
        .filter(|&n| matcher.allows(id, n))
        .filter_map(|n| {
            if matcher.query().is_empty() {
                // `@name` alone: every paragraph quoting them, nothing to
                // mark inside.
                return matcher.scope().map(|_| ParagraphMatch {
                    paragraph: n,
                    score: 0,
                    ranges: Vec::new(),
                });
            }
            let map = fold_with_map(article.paragraph_text(n));
            let flags = flags_of(article.paragraphs[n].kind);
            let score = matcher.paragraph_score(map.folded.view(), flags)?;
            Some(ParagraphMatch {
                paragraph: n,
                score,
                ranges: ranges(article, n, &map, matcher),
            })
        })
        .collect()
}

/// Matched characters of paragraph `paragraph` as byte ranges of
/// `article.text`; empty when nothing matches there (or the paragraph
/// repeats an earlier one, which is searched instead).
pub fn match_positions(article: &Article, paragraph: usize, query: &Query) -> Vec<Range<usize>> {
    let matcher = Matcher::new(query.clone());
    paragraph_positions(article, paragraph, &matcher)
}

/// [`match_positions`] with a matcher that is reused across calls.
pub fn paragraph_positions(
    article: &Article,
    paragraph: usize,
    matcher: &Matcher,
) -> Vec<Range<usize>> {
    match article.paragraphs.get(paragraph) {
        Some(p) if p.kind.is_searchable() => {
            let map = fold_with_map(article.paragraph_text(paragraph));
            ranges(article, paragraph, &map, matcher)
        }
        _ => Vec::new(),
    }
}

/// The paragraphs the index holds, by number.
fn searchable(article: &Article) -> impl Iterator<Item = usize> + '_ {
    article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind.is_searchable())
        .map(|(i, _)| i)
}

fn ranges(article: &Article, n: usize, map: &FoldMap, matcher: &Matcher) -> Vec<Range<usize>> {
    let text = article.paragraph_text(n);
    let base = article.paragraphs[n].start;
    let cs = matcher.query().case_sensitive();
    let mut folded = Vec::new();
    for g in matcher.query().groups() {
        for t in g.alternatives.iter().filter(|t| !t.negated) {
            matcher
                .scorer()
                .positions(t, map.folded.view(), cs, &mut folded);
        }
    }
    let mut out: Vec<Range<usize>> = folded
        .into_iter()
        .map(|i| {
            let r = map.source_range(text, i);
            base + r.start..base + r.end
        })
        .collect();
    out.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for r in out {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}
