//! A story compared: its shared statements × its articles, each cell
//! saying whether the article carries the statement, in its most common
//! wording or in words of its own. What "compare" is for two articles,
//! for a whole story.

use serde::Serialize;

use crate::corpus::Article;
use crate::quotes::ArticleQuotes;
use crate::statements::{Statements, wording};

use super::Story;

/// Whether an article carries a statement, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Carried {
    /// Not at all.
    No,
    /// In the statement's most common wording.
    Common,
    /// In other words (another translation, a cut, a changed word).
    Other,
}

/// The matrix: rows are statements, columns the story's articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    /// Indices into the statements: those two or more of the story's
    /// articles carry, carried most widely first.
    pub statements: Vec<usize>,
    /// The story's articles, earliest first.
    pub articles: Vec<usize>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Carried>>,
}

/// The matrix of `story`. Work is the story's statements' renderings, not
/// the corpus.
pub fn matrix(
    story: &Story,
    statements: &Statements,
    articles: &[Article],
    quotes: &[&ArticleQuotes],
) -> Matrix {
    let mut rows: Vec<usize> = story.statements.clone();
    let carried_by = |st: usize| {
        let s = &statements.statements[st];
        story
            .articles
            .iter()
            .filter(|a| s.renderings.iter().any(|r| r.article == **a))
            .count()
    };
    rows.sort_by_key(|&st| (std::cmp::Reverse(carried_by(st)), st));
    let cells = rows
        .iter()
        .map(|&st| {
            let s = &statements.statements[st];
            let common = s.renderings[s.common];
            story
                .articles
                .iter()
                .map(|&a| {
                    let mut here = s.renderings.iter().filter(|r| r.article == a).peekable();
                    if here.peek().is_none() {
                        Carried::No
                    } else if here.any(|&r| wording::same_wording(articles, quotes, common, r)) {
                        Carried::Common
                    } else {
                        Carried::Other
                    }
                })
                .collect()
        })
        .collect();
    Matrix {
        statements: rows,
        articles: story.articles.clone(),
        cells,
    }
}
