//! The wording of a statement most outlets printed, and how each
//! rendering differs from it: what makes a changed word or another
//! translation stand out.

use std::collections::HashMap;

use crate::compare::diff::{DiffOp, word_diff};
use crate::corpus::Article;
use crate::quotes::{ArticleQuotes, QuoteRef};
use crate::search::fold::fold_char;

/// Index into `renderings` of the most common wording (compared folded:
/// case, accents and punctuation aside); among equally common ones, the
/// longest (a partial quotation is not the statement), then the earliest.
pub fn most_common(
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    renderings: &[QuoteRef],
) -> usize {
    let keys: Vec<String> = renderings
        .iter()
        .map(|r| folded(text(articles, quotes, *r)))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for k in &keys {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    (0..renderings.len())
        .max_by(|&a, &b| {
            counts[keys[a].as_str()]
                .cmp(&counts[keys[b].as_str()])
                .then(keys[a].len().cmp(&keys[b].len()))
                .then(b.cmp(&a))
        })
        .unwrap_or(0)
}

/// The words of a rendering.
pub fn text<'a>(articles: &'a [Article], quotes: &[&ArticleQuotes], r: QuoteRef) -> &'a str {
    quotes
        .get(r.article)
        .and_then(|q| q.quotes.get(r.quote))
        .map_or("", |q| q.text(&articles[r.article]))
}

/// The word diff of a rendering against the common wording (left the
/// common wording, right the rendering).
pub fn against_common(
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    common: QuoteRef,
    rendering: QuoteRef,
) -> Vec<DiffOp> {
    word_diff(
        text(articles, quotes, common),
        text(articles, quotes, rendering),
    )
}

/// Fewer words than this share of the common wording's make a rendering a
/// part of the statement (000's "This engagement will strengthen," of the
/// whole 001 prints): shown as it is, since a diff against the whole would
/// only say what it left out.
pub const PART_SHARE: f32 = 0.6;

/// True when `rendering` quotes only a part of the common wording.
pub fn is_part(
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    common: QuoteRef,
    rendering: QuoteRef,
) -> bool {
    let count = |r| text(articles, quotes, r).split_whitespace().count() as f32;
    count(rendering) < PART_SHARE * count(common)
}

/// True when two renderings have the same words (case, accents and
/// punctuation aside).
pub fn same_wording(
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    a: QuoteRef,
    b: QuoteRef,
) -> bool {
    folded(text(articles, quotes, a)) == folded(text(articles, quotes, b))
}

/// Letters and digits folded, words single-spaced.
fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, |f, _| {
            if f.is_alphanumeric() {
                out.push(f);
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        });
    }
    out.trim().to_string()
}
