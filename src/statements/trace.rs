//! `saidso trace TEXT`: the statement a piece of text belongs to, found
//! as the aligner pairs quotations (the text's content words against each
//! rendering's), so a fragment finds the whole and another translation
//! finds the statement.

use serde::Serialize;

use crate::compare::align::{PAIR_THRESHOLD, enough_shared, score};
use crate::compare::candidates::shared;
use crate::compare::words::Vocabulary;
use crate::corpus::Article;
use crate::quotes::ArticleQuotes;

use super::{Statements, wording};

/// The statement best matching a text, and how well.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Traced {
    /// Index into [`Statements::statements`].
    pub statement: usize,
    /// The best similarity of the text to one of its renderings, 0..=1.
    pub similarity: f32,
}

/// The statement whose renderings are most like `text`, when one is alike
/// enough to be the same statement. One pass over the renderings.
pub fn trace(
    text: &str,
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    statements: &Statements,
) -> Option<Traced> {
    let mut vocab = Vocabulary::new();
    let wanted = vocab.content_words(text);
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<Traced> = None;
    for (i, s) in statements.statements.iter().enumerate() {
        for &r in &s.renderings {
            let words = vocab.content_words(wording::text(articles, quotes, r));
            let n = shared(&wanted, &words);
            if !enough_shared(n, wanted.len(), words.len()) {
                continue;
            }
            let similarity = score(n, wanted.len(), words.len());
            if similarity >= PAIR_THRESHOLD && best.is_none_or(|b| similarity > b.similarity) {
                best = Some(Traced {
                    statement: i,
                    similarity,
                });
            }
        }
    }
    best
}
