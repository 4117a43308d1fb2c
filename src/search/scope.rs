//! `@name` in a query: only the paragraphs that carry a quotation by a
//! speaker whose name fuzzy-matches `name`.
//!
//! The [`SpeakerDirectory`] is made once the corpus speaker index is built
//! (off the UI thread): for every corpus speaker, the names it answers to
//! (folded) and the (article, paragraph) of each of its quotations. A
//! query's `@` names resolve against it to a [`Scope`]: per article, the
//! paragraphs the query's terms may match in. Several `@` names widen the
//! scope (quotations by any of them); a name that matches nobody leaves
//! nothing to search.
//!
//! The scope is paragraph-level: a term counts where it occurs in a
//! paragraph quoting the speaker, attribution included ("…,” Lavrov said
//! of the sanctions"), which is what the reader highlights too.

use std::collections::BTreeMap;

use crate::quotes::{ArticleQuotes, SpeakerIndex};

use super::fold::{FoldBuffer, fold};
use super::query::parse;
use super::scan::Matcher;

/// One corpus speaker, as `@name` sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Voice {
    /// The canonical name and the aliases, folded once here rather than on
    /// every keystroke of an `@` query.
    names: Vec<FoldBuffer>,
    /// (article id, paragraph number) of every quotation, ascending, once.
    places: Vec<(u32, u32)>,
}

/// Who can be named with `@`, and where they are quoted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerDirectory {
    voices: Vec<Voice>,
    /// Articles the directory was made from (later ones are not in it).
    articles: usize,
}

impl SpeakerDirectory {
    /// The directory of `index`, whose quotation refs point into `quotes`
    /// (one per article id, in corpus order).
    pub fn new(index: &SpeakerIndex, quotes: &[&ArticleQuotes]) -> Self {
        let voices = index
            .speakers
            .iter()
            .map(|s| {
                let mut places: Vec<(u32, u32)> = s
                    .quotes
                    .iter()
                    .filter_map(|r| {
                        let q = quotes.get(r.article)?.quotes.get(r.quote)?;
                        Some((r.article as u32, q.paragraph as u32))
                    })
                    .collect();
                places.sort_unstable();
                places.dedup();
                Voice {
                    names: std::iter::once(&s.name)
                        .chain(&s.aliases)
                        .map(|n| fold(n))
                        .collect(),
                    places,
                }
            })
            .collect();
        SpeakerDirectory {
            voices,
            articles: quotes.len(),
        }
    }

    /// Speakers in the directory.
    pub fn len(&self) -> usize {
        self.voices.len()
    }

    pub fn is_empty(&self) -> bool {
        self.voices.is_empty()
    }

    /// Articles it covers.
    pub fn articles(&self) -> usize {
        self.articles
    }

    /// The scope of `names` (each fuzzy, as a filter term: `@lavrov`
    /// finds "Sergei Lavrov", `@sergey` his alias "Sergey Lavrov").
    pub fn resolve(&self, names: &[String]) -> Scope {
        let matchers: Vec<Matcher> = names.iter().map(|n| Matcher::new(parse(n))).collect();
        let answers = |folded: &FoldBuffer| {
            matchers
                .iter()
                .any(|m| m.paragraph_score(folded.view(), 0).is_some())
        };
        let mut by_article: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        let mut speakers = 0;
        for v in &self.voices {
            if !v.names.iter().any(&answers) {
                continue;
            }
            speakers += 1;
            for &(a, p) in &v.places {
                by_article.entry(a).or_default().push(p);
            }
        }
        let mut scope = Scope {
            speakers,
            ..Scope::default()
        };
        for (a, mut ps) in by_article {
            ps.sort_unstable();
            ps.dedup();
            scope.articles.push(a);
            scope.start.push(scope.paragraphs.len() as u32);
            scope.paragraphs.extend(ps);
        }
        scope.start.push(scope.paragraphs.len() as u32);
        scope
    }
}

/// Where a query with `@` names may match: per article (ascending ids),
/// its paragraphs (ascending numbers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    articles: Vec<u32>,
    /// Start of each article's run in `paragraphs`, plus the end.
    start: Vec<u32>,
    paragraphs: Vec<u32>,
    /// Corpus speakers the names matched.
    speakers: usize,
}

impl Scope {
    /// The paragraphs of article `id` in scope; `None` when it has none.
    pub fn paragraphs(&self, id: usize) -> Option<&[u32]> {
        let i = self.articles.binary_search(&(id as u32)).ok()?;
        Some(&self.paragraphs[self.start[i] as usize..self.start[i + 1] as usize])
    }

    /// Whether paragraph `paragraph` of article `id` is in scope.
    pub fn allows(&self, id: usize, paragraph: usize) -> bool {
        self.paragraphs(id)
            .is_some_and(|ps| ps.binary_search(&(paragraph as u32)).is_ok())
    }

    /// Articles in scope, ascending: all a scoped query need look at.
    pub fn articles(&self) -> &[u32] {
        &self.articles
    }

    /// How many corpus speakers the `@` names matched.
    pub fn speakers(&self) -> usize {
        self.speakers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::quotes_of;

    fn directory(texts: &[&str]) -> SpeakerDirectory {
        let found = quotes_of(texts);
        let refs: Vec<&ArticleQuotes> = found.iter().collect();
        SpeakerDirectory::new(&SpeakerIndex::build(&refs), &refs)
    }

    #[test]
    fn a_surname_scopes_to_the_paragraphs_quoting_that_person() {
        let d = directory(&[
            "A\n\nIntro.\n\n“Sanctions fail,” Sergei Lavrov said.\n\n“We agree,” said Wang Yi.",
            "B\n\n“No comment,” Sergey Lavrov told reporters.",
            "C\n\n“Hello,” said Antony Blinken.",
        ]);
        let s = d.resolve(&["lavrov".into()]);
        assert_eq!(s.speakers(), 1);
        assert_eq!(s.articles(), [0, 1]);
        assert!(s.allows(0, 2), "{:?}", s.paragraphs(0));
        assert!(!s.allows(0, 3), "Wang Yi's paragraph is out");
        assert!(s.paragraphs(2).is_none());
        let either = d.resolve(&["lavrov".into(), "blinken".into()]);
        assert_eq!(either.speakers(), 2);
        assert_eq!(either.articles(), [0, 1, 2]);
    }

    #[test]
    fn names_match_fuzzily_and_junk_matches_nobody() {
        let d = directory(&["A\n\n“Sanctions fail,” Sergei Lavrov said."]);
        assert_eq!(d.resolve(&["lavrv".into()]).speakers(), 1);
        assert_eq!(d.resolve(&["serglav".into()]).speakers(), 1);
        let none = d.resolve(&["xqzv".into()]);
        assert_eq!(none.speakers(), 0);
        assert!(none.articles().is_empty());
    }
}
