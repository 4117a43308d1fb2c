//! `/` in the reader: find in this article only, as less and vim do,
//! while the list's filter (`/` in the list) stays corpus-wide. The
//! query has the filter's syntax; its matches are highlighted in the
//! reader and `n`/`N` go from one to the next.

use crate::corpus::Article;
use crate::search::{Matcher, ParagraphMatch, article_matches, parse};

use super::prompt::PromptLine;

#[derive(Debug, Default)]
pub struct FindState {
    /// What is typed.
    pub line: PromptLine,
    /// The prompt has the keyboard.
    pub editing: bool,
    matcher: Option<Matcher>,
    /// The matches in the article they were found in: (article, matches).
    matches: Option<(usize, Vec<ParagraphMatch>)>,
}

impl FindState {
    /// A query is in force (typed, not blank).
    pub fn active(&self) -> bool {
        !self.line.trim().is_empty()
    }

    /// The text changed: matches are found again.
    pub fn changed(&mut self) {
        self.matcher = self.active().then(|| Matcher::new(parse(&self.line)));
        self.matches = None;
    }

    /// Find the matches in `article` (index `id`) unless known.
    pub fn ensure(&mut self, id: usize, article: &Article) {
        let Some(m) = &self.matcher else {
            self.matches = None;
            return;
        };
        if self.matches.as_ref().is_some_and(|(a, _)| *a == id) {
            return;
        }
        self.matches = Some((id, article_matches(article, id, m)));
    }

    /// The matches in article `id`, when they are known.
    pub fn matches_in(&self, id: usize) -> Option<&[ParagraphMatch]> {
        match &self.matches {
            Some((a, m)) if *a == id => Some(m),
            _ => None,
        }
    }
}
