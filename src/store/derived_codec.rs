//! What is derived from every article's quotations at once — statements,
//! stories, wire copies — as stored: serde mirror types in postcard, and
//! the checks every value passes on the way back in.
//!
//! Each is a few seconds' work at 100,000 articles and depends only on the
//! articles and their quotations, so it is kept under a key of the whole
//! corpus ([`super::derived_key`]). Dates and outlets are not stored: they
//! are read again from the articles, as the builds read them (an outlet may
//! be a path, which is spelled as typed this time). Nothing read is
//! trusted: every article, quotation, speaker and statement it points at
//! must exist, every copy rule must be one of the rules, and every carrier
//! and title must be terminal-safe.

use serde::{Deserialize, Serialize};

use super::file::{exact, safe_text};
use crate::copies::verify::RULES;
use crate::copies::{Copies, CopyGroup, CopyMember};
use crate::corpus::date::NewsDate;
use crate::corpus::{Article, distinct_outlets};
use crate::quotes::{ArticleQuotes, QuoteRef, SpeakerIndex};
use crate::statements::{Statement, Statements};
use crate::stories::{Stories, Story};

/// A copy as stored: article, place of its rule in `RULES`, Jaccard.
type StoredCopy = (usize, u8, f64);

/// What a corpus derives: its statements, stories and wire copies.
pub type Derived = (Statements, Stories, Copies);

#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(borrow)]
    statements: Vec<StoredStatement<'a>>,
    #[serde(borrow)]
    stories: Vec<StoredStory<'a>>,
    of_article: Vec<usize>,
    /// Each group's lead and copies.
    copies: Vec<(usize, Vec<StoredCopy>)>,
}

#[derive(Serialize, Deserialize)]
struct StoredStatement<'a> {
    speaker: usize,
    renderings: Vec<(usize, usize)>,
    articles: usize,
    #[serde(borrow)]
    carriers: Vec<&'a str>,
    common: usize,
}

#[derive(Serialize, Deserialize)]
struct StoredStory<'a> {
    articles: Vec<usize>,
    title: &'a str,
    statements: Vec<usize>,
}

/// The corpus as the derived results are read against.
pub struct Corpus<'c> {
    pub articles: &'c [Article],
    pub quotes: &'c [&'c ArticleQuotes],
    pub speakers: &'c SpeakerIndex,
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

pub fn encode(statements: &Statements, stories: &Stories, copies: &Copies) -> Option<Vec<u8>> {
    let stored = Stored {
        statements: statements
            .statements
            .iter()
            .map(|s| StoredStatement {
                speaker: s.speaker,
                renderings: s.renderings.iter().map(|r| (r.article, r.quote)).collect(),
                articles: s.articles,
                carriers: strs(&s.carriers),
                common: s.common,
            })
            .collect(),
        stories: stories
            .stories
            .iter()
            .map(|s| StoredStory {
                articles: s.articles.clone(),
                title: &s.title,
                statements: s.statements.clone(),
            })
            .collect(),
        of_article: stories.of_article.clone(),
        copies: copies
            .groups
            .iter()
            .map(|g| {
                let members = g
                    .copies
                    .iter()
                    .map(|c| {
                        let rule = RULES.iter().position(|r| r.name == c.rule).unwrap_or(0);
                        (c.article, rule as u8, c.jaccard)
                    })
                    .collect();
                (g.lead, members)
            })
            .collect(),
    };
    postcard::to_stdvec(&stored).ok()
}

/// The statements, stories and copies stored in `bytes` for `corpus`, if
/// every value checks.
pub fn decode(bytes: &[u8], corpus: &Corpus) -> Option<Derived> {
    let stored: Stored = exact(bytes)?;
    let n = corpus.articles.len();
    let text = safe_text;
    let texts = |v: Vec<&str>| v.into_iter().map(text).collect::<Option<Vec<_>>>();
    let article = |a: usize| (a < n).then_some(a);
    let quote = |(a, q): (usize, usize)| {
        let ok = corpus.quotes.get(a).is_some_and(|x| q < x.quotes.len());
        ok.then_some(QuoteRef {
            article: a,
            quote: q,
        })
    };
    let dates = |ids: &mut dyn Iterator<Item = usize>| -> Vec<NewsDate> {
        ids.filter_map(|a| corpus.articles[a].published()).collect()
    };
    let statements = stored
        .statements
        .into_iter()
        .map(|s| {
            let renderings = s
                .renderings
                .into_iter()
                .map(quote)
                .collect::<Option<Vec<_>>>()?;
            let ok = s.speaker < corpus.speakers.speakers.len()
                && s.common < renderings.len().max(1)
                && s.articles <= renderings.len();
            ok.then_some(())?;
            let d = dates(&mut renderings.iter().map(|r| r.article));
            let outlets = distinct_outlets(renderings.iter().map(|r| &corpus.articles[r.article]));
            Some(Statement {
                speaker: s.speaker,
                outlets,
                articles: s.articles,
                first: d.iter().min().copied(),
                last: d.iter().max().copied(),
                carriers: texts(s.carriers)?,
                common: s.common,
                renderings,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let n_statements = statements.len();
    let stories = stored
        .stories
        .into_iter()
        .map(|s| {
            let articles = s
                .articles
                .into_iter()
                .map(article)
                .collect::<Option<Vec<_>>>()?;
            let ok = !articles.is_empty() && s.statements.iter().all(|&i| i < n_statements);
            ok.then_some(())?;
            let d = dates(&mut articles.iter().copied());
            Some(Story {
                outlets: distinct_outlets(articles.iter().map(|&a| &corpus.articles[a])),
                first: d.iter().min().copied(),
                last: d.iter().max().copied(),
                title: text(s.title)?,
                statements: s.statements,
                articles,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let ok = stored.of_article.len() == n && stored.of_article.iter().all(|&s| s < stories.len());
    ok.then_some(())?;
    let groups = stored
        .copies
        .into_iter()
        .map(|(lead, members)| {
            let copies = members
                .into_iter()
                .map(|(a, rule, jaccard)| {
                    Some(CopyMember {
                        article: article(a)?,
                        rule: RULES.get(usize::from(rule))?.name,
                        jaccard,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(CopyGroup {
                lead: article(lead)?,
                copies,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((
        Statements { statements },
        Stories {
            stories,
            of_article: stored.of_article,
        },
        Copies::from_groups(groups, n),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{quote_and_index, refs};

    #[test]
    fn statements_stories_and_copies_round_trip_and_damage_is_refused() {
        let mut articles = crate::corpus::Corpus::embedded().articles;
        // A wire copy, so there is a group to store.
        let mut copy = articles[0].clone();
        copy.source = Some("Another Outlet".into());
        articles.push(copy);
        let (quotes, speakers) = quote_and_index(&articles);
        let quotes = refs(&quotes);
        let never = || false;
        let statements =
            crate::statements::build(&articles, &quotes, &speakers, &never).expect("built");
        let stories =
            crate::stories::build(&articles, &statements, &speakers, &never).expect("built");
        let copies = crate::copies::find_copies(&articles);
        assert!(!statements.statements.is_empty());
        assert!(!copies.groups.is_empty());
        let corpus = Corpus {
            articles: &articles,
            quotes: &quotes,
            speakers: &speakers,
        };
        let bytes = encode(&statements, &stories, &copies).expect("encodes");
        let (s, t, c) = decode(&bytes, &corpus).expect("decodes");
        assert_eq!(s, statements);
        assert_eq!(t, stories);
        assert_eq!(c, copies);
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n], &corpus).is_none(), "{n}");
        }
        // Read against fewer articles than it was made from: refused.
        let fewer = Corpus {
            articles: &articles[..2],
            quotes: &quotes[..2],
            speakers: &speakers,
        };
        assert!(decode(&bytes, &fewer).is_none());
    }

    #[test]
    fn outlets_read_back_are_the_paths_typed_this_time() {
        let made: Vec<Article> = crate::corpus::Corpus::embedded()
            .articles
            .into_iter()
            .map(|a| Article { source: None, ..a })
            .collect();
        let (quotes, speakers) = quote_and_index(&made);
        let quotes = refs(&quotes);
        let never = || false;
        let statements =
            crate::statements::build(&made, &quotes, &speakers, &never).expect("built");
        let stories = crate::stories::build(&made, &statements, &speakers, &never).expect("built");
        let copies = crate::copies::find_copies(&made);
        let bytes = encode(&statements, &stories, &copies).expect("encodes");
        // The same archive opened as ./archive/…: its outlets follow.
        let reopened: Vec<Article> = made
            .iter()
            .map(|a| Article {
                path: format!("./archive/{}", a.path),
                ..a.clone()
            })
            .collect();
        let corpus = Corpus {
            articles: &reopened,
            quotes: &quotes,
            speakers: &speakers,
        };
        let (s, t, _) = decode(&bytes, &corpus).expect("decodes");
        let outlets = s.statements.iter().flat_map(|s| &s.outlets);
        let story_outlets = t.stories.iter().flat_map(|s| &s.outlets);
        assert!(
            outlets
                .chain(story_outlets)
                .all(|o| o.starts_with("./archive/"))
        );
        assert_eq!(s.statements.len(), statements.statements.len());
    }
}
