//! Which quotations of two articles render the same statement.
//!
//! Two quotations pair when their speakers are compatible and their content
//! words (see [`super::words`]) overlap enough. Overlap is measured so a
//! short excerpt pairs with the full statement it comes from, and one
//! quotation may pair with several on the other side (a statement split by
//! "he said" in one article and printed whole in the other): every pair has
//! to pass the threshold on its own.
//!
//! Speed: each quotation becomes a sorted list of word ids once, the right
//! side gets an inverted index (word → quotations), and only quotations
//! that share a word are ever scored, within the bounds of
//! [`super::candidates`] — near-linear in the quotations, however long and
//! repetitive the articles.

use std::collections::HashMap;

use serde::Serialize;

use crate::corpus::Article;
use crate::quotes::{ArticleQuotes, Attribution, Quote, Unattributed};

use super::candidates::{Postings, SetPair, keep_best, shared};
pub use super::fit::SpeakerFit;
use super::fit::{FitCache, pair_members};
use super::words::Vocabulary;
use crate::quotes::identity::SpeakerName as Name;

/// Minimum similarity for two quotations of the same speaker to pair.
///
/// Measured on the bundled articles: the TASS and Interfax renderings of
/// one Lavrov statement score 0.79, and the TASS fragment "This engagement
/// will strengthen" 0.60 against the Interfax whole; the closest pair of
/// his unrelated remarks that shares two words scores 0.37. Lavrov
/// thanking "our Chinese friends" for a "balanced" stance at two events
/// (002/003) scores 0.50 and pairs, clearly below the one statement: the
/// view shows the figure, and a reader sees it is a weaker likeness.
pub const PAIR_THRESHOLD: f32 = 0.45;

/// Minimum similarity when the speakers are not known to be one: one side
/// has no speaker (a quotation with nothing in the text saying who), or
/// the names differ but one was only inferred from a pronoun or
/// description (the inference may be wrong), or one is a person and the
/// other an organisation or an unnamed source ("a senior official").
/// High, because wording alone then has to say it is the same statement.
pub const UNCERTAIN_SPEAKER_THRESHOLD: f32 = 0.75;

const _: () = assert!(PAIR_THRESHOLD <= UNCERTAIN_SPEAKER_THRESHOLD);

/// How many statements are paired between two looks at the cancel flag.
const CANCEL_EVERY: usize = 256;

/// Fewest content words two quotations must share to pair, unless their
/// content words are identical: two two-word quotations sharing one word
/// ("sanctions work" / "sanctions fail") are not one statement.
pub const MIN_SHARED_WORDS: usize = 2;

/// Weight of containment (shared words / words of the smaller side) against
/// Dice (shared words / average size) in the similarity. Containment lets
/// an excerpt match its source; Dice keeps a two-word excerpt that happens
/// to occur in a long quotation from scoring as high as a full rendering.
pub const CONTAINMENT_WEIGHT: f32 = 0.5;

/// Two quotations that render the same statement.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct QuotePair {
    /// Index into the left article's `ArticleQuotes::quotes`.
    pub left: usize,
    /// Index into the right article's `ArticleQuotes::quotes`.
    pub right: usize,
    /// Wording similarity, 0..=1 (see [`similarity`]).
    pub similarity: f32,
}

/// Similarity of two content-word sets (sorted, distinct ids), 0..=1:
/// containment and Dice blended by [`CONTAINMENT_WEIGHT`].
pub fn set_similarity(a: &[u32], b: &[u32]) -> f32 {
    score(shared(a, b), a.len(), b.len())
}

/// Wording similarity of two texts, 0..=1, speakers aside: what
/// [`QuotePair::similarity`] measures.
pub fn similarity(a: &str, b: &str) -> f32 {
    let mut vocab = Vocabulary::new();
    let a = vocab.content_words(a);
    let b = vocab.content_words(b);
    set_similarity(&a, &b)
}

pub(crate) fn score(shared: usize, a: usize, b: usize) -> f32 {
    if shared == 0 || a == 0 || b == 0 {
        return 0.0;
    }
    let shared = shared as f32;
    let containment = shared / a.min(b) as f32;
    let dice = 2.0 * shared / (a + b) as f32;
    (CONTAINMENT_WEIGHT * containment + (1.0 - CONTAINMENT_WEIGHT) * dice).clamp(0.0, 1.0)
}

/// True when `shared` words are enough evidence for sets of these sizes.
pub(crate) fn enough_shared(shared: usize, a: usize, b: usize) -> bool {
    shared >= MIN_SHARED_WORDS || (shared > 0 && shared == a && shared == b)
}

/// One side of the comparison, prepared once.
pub(super) struct Side<'a> {
    pub(super) quotes: &'a ArticleQuotes,
    /// Distinct content-word sets (sorted, distinct ids) of the side's
    /// statements; a statement repeated in an article is scored once.
    pub(super) sets: Vec<Vec<u32>>,
    /// Per set: the quotations that have it, in text order.
    pub(super) members: Vec<Vec<usize>>,
    /// Per speaker: the folded name.
    pub(super) names: Vec<Name>,
}

impl<'a> Side<'a> {
    fn new(article: &Article, quotes: &'a ArticleQuotes, vocab: &mut Vocabulary) -> Self {
        let mut index: HashMap<Vec<u32>, usize> = HashMap::new();
        let (mut sets, mut members) = (Vec::new(), Vec::<Vec<usize>>::new());
        for (i, q) in quotes.quotes.iter().enumerate() {
            if !is_statement(q) {
                continue;
            }
            let words = vocab.content_words(q.text(article));
            if words.is_empty() {
                continue;
            }
            let set = *index.entry(words).or_insert_with_key(|w| {
                sets.push(w.clone());
                members.push(Vec::new());
                sets.len() - 1
            });
            members[set].push(i);
        }
        let names = quotes.speakers.iter().map(Name::of).collect();
        Side {
            quotes,
            sets,
            members,
            names,
        }
    }
}

/// Scare quotes, terms, titles and denied words are not anybody's
/// statement; two articles putting “invasion” in quotation marks have not
/// quoted the same person. They never pair, however alike.
pub(crate) fn is_statement(q: &Quote) -> bool {
    !matches!(
        q.attribution,
        Attribution::Unattributed {
            why: Unattributed::Term | Unattributed::Title | Unattributed::Denied
        }
    )
}

/// Every pair of quotations of the two articles that renders one statement,
/// sorted by left then right index.
pub fn align(
    left: &Article,
    lq: &ArticleQuotes,
    right: &Article,
    rq: &ArticleQuotes,
) -> Vec<QuotePair> {
    align_unless(left, lq, right, rq, &|| false).unwrap_or_default()
}

/// As [`align`], giving up (None) as soon as `cancelled` says so; it is
/// asked every few hundred statements.
pub fn align_unless(
    left: &Article,
    lq: &ArticleQuotes,
    right: &Article,
    rq: &ArticleQuotes,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<QuotePair>> {
    let mut vocab = Vocabulary::new();
    let l = Side::new(left, lq, &mut vocab);
    let r = Side::new(right, rq, &mut vocab);
    // Only statements that share words are ever scored, within the bounds
    // of `candidates` (near-linear however long the articles).
    let mut postings = Postings::new(&r.sets);
    let mut alike = Vec::new();
    for (li, ids) in l.sets.iter().enumerate() {
        if li % CANCEL_EVERY == 0 && cancelled() {
            return None;
        }
        for (rj, n) in postings.candidates(ids, &r.sets) {
            let (a, b) = (ids.len(), r.sets[rj].len());
            if !enough_shared(n, a, b) {
                continue;
            }
            let similarity = score(n, a, b);
            if similarity >= PAIR_THRESHOLD {
                alike.push(SetPair {
                    left: li,
                    right: rj,
                    similarity,
                });
            }
        }
    }
    let mut fits = FitCache::default();
    let mut pairs = Vec::new();
    for p in keep_best(alike) {
        pair_members(&l, &r, p, &mut fits, &mut pairs);
    }
    // Candidates come in posting order; the result is in index order.
    pairs.sort_unstable_by_key(|p| (p.left, p.right));
    Some(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;
    use crate::corpus::assemble::article_from_bytes;
    use crate::quotes::SpeakerKind;
    use crate::quotes::{Speaker, SpeakerId};

    /// Who a made-up quotation is by, and how the engine found out.
    #[derive(Clone, Copy)]
    enum By<'a> {
        Named(&'a str, SpeakerKind),
        Resolved(&'a str),
        NoClue,
        Term,
    }

    /// An article holding `quotes` as paragraphs, and those quotations
    /// attributed as given (built by hand, so the rules are tested apart
    /// from the quotation engine).
    fn side(quotes: &[(&str, By)]) -> (Article, ArticleQuotes) {
        let text: String = quotes.iter().map(|(t, _)| format!("{t}\n\n")).collect();
        let article = article_from_bytes("t".into(), Origin::Stdin, text.as_bytes());
        let mut aq = ArticleQuotes::default();
        let mut at = 0;
        for &(t, by) in quotes {
            let start = article.text[at..].find(t).map_or(at, |i| at + i);
            at = start + t.len();
            let (name, kind, attribution) = match by {
                By::Named(n, k) => (Some(n), k, Attribution::Named { mention: 0..0 }),
                By::Resolved(n) => (
                    Some(n),
                    SpeakerKind::Person,
                    Attribution::Resolved { mention: 0..0 },
                ),
                By::NoClue => (
                    None,
                    SpeakerKind::Person,
                    Attribution::Unattributed {
                        why: Unattributed::NoClue,
                    },
                ),
                By::Term => (
                    None,
                    SpeakerKind::Person,
                    Attribution::Unattributed {
                        why: Unattributed::Term,
                    },
                ),
            };
            let speaker = name.map(|n| {
                let id = aq
                    .speakers
                    .iter()
                    .position(|s| s.name == n)
                    .unwrap_or_else(|| {
                        aq.speakers.push(Speaker {
                            name: n.into(),
                            role: None,
                            kind,
                            aliases: Vec::new(),
                            descriptions: Vec::new(),
                            mentions: Vec::new(),
                        });
                        aq.speakers.len() - 1
                    });
                SpeakerId(id)
            });
            aq.quotes.push(Quote {
                start,
                end: at,
                open_mark: start..start,
                close_mark: None,
                paragraph: 0,
                speaker,
                attribution,
                how: None,
                via: None,
            });
        }
        (article, aq)
    }

    const FULL: &str = "Sanctions will hurt ordinary families across the whole region this winter";
    const CLOSE: &str = "Sanctions will hurt ordinary families and small businesses";

    /// Whether one quotation `a` by `x` pairs with one quotation `b` by `y`.
    fn pairs(a: &str, x: By, b: &str, y: By) -> bool {
        let (la, lq) = side(&[(a, x)]);
        let (ra, rq) = side(&[(b, y)]);
        !align(&la, &lq, &ra, &rq).is_empty()
    }

    #[test]
    fn speakers_decide_how_alike_the_words_must_be() {
        let close = similarity(FULL, CLOSE);
        assert!(
            (PAIR_THRESHOLD..UNCERTAIN_SPEAKER_THRESHOLD).contains(&close),
            "{close}"
        );
        let person = |n| By::Named(n, SpeakerKind::Person);
        let org = |n| By::Named(n, SpeakerKind::Organisation);
        // The same speaker: close wording is enough.
        assert!(pairs(FULL, person("Ann Lee"), CLOSE, person("A. Lee")));
        // Two named people: never, even word for word.
        assert!(!pairs(FULL, person("Ann Lee"), FULL, person("Bob Stone")));
        assert!(!pairs(FULL, org("Kremlin"), FULL, org("White House")));
        // Not known to be the same (no speaker, a pronoun, a person and an
        // organisation, an unnamed source): only near-identical wording.
        for (x, y) in [
            (By::NoClue, person("Ann Lee")),
            (By::NoClue, By::NoClue),
            (By::Resolved("Bob Stone"), person("Ann Lee")),
            (org("White House"), person("Ann Lee")),
            (
                By::Named("senior official", SpeakerKind::Description),
                person("Ann Lee"),
            ),
        ] {
            assert!(pairs(FULL, x, FULL, y));
            assert!(!pairs(FULL, x, CLOSE, y));
            assert!(!pairs(CLOSE, y, FULL, x));
        }
        // A scare quote or term is nobody's statement.
        assert!(!pairs(FULL, By::Term, FULL, By::Term));
        assert!(!pairs(FULL, By::Term, FULL, person("Ann Lee")));
    }

    #[test]
    fn one_quotation_may_pair_with_several() {
        let (la, lq) = side(&[
            (
                "Sanctions will hurt ordinary families",
                By::Named("Ann Lee", SpeakerKind::Person),
            ),
            (
                "across the whole region this winter",
                By::Named("Ann Lee", SpeakerKind::Person),
            ),
            (
                "Nothing to do with the weather forecast",
                By::Named("Ann Lee", SpeakerKind::Person),
            ),
        ]);
        let (ra, rq) = side(&[(FULL, By::Named("Ann Lee", SpeakerKind::Person))]);
        let found: Vec<(usize, usize)> = align(&la, &lq, &ra, &rq)
            .iter()
            .map(|p| (p.left, p.right))
            .collect();
        assert_eq!(found, [(0, 0), (1, 0)]);
    }

    #[test]
    fn similarity_is_symmetric_and_bounded() {
        let a = "the West rudely undermines the pillars of the global system";
        let b = "the West is blatantly undermining all the foundations of the international system";
        let s = similarity(a, b);
        assert!((s - similarity(b, a)).abs() < 1e-6);
        assert!((0.0..=1.0).contains(&s));
        assert!(s > 0.9, "{s}");
        assert_eq!(similarity("", b), 0.0);
        assert_eq!(similarity(a, a), 1.0);
    }

    #[test]
    fn an_excerpt_scores_high_against_its_source() {
        let whole = "Sanctions against Russia are now going to such lengths that globalization is being used as a weapon";
        assert!(similarity("globalization is being used as a weapon", whole) > PAIR_THRESHOLD);
    }

    #[test]
    fn one_shared_word_is_not_enough() {
        assert!(!enough_shared(1, 2, 2));
        assert!(enough_shared(1, 1, 1));
        assert!(enough_shared(2, 2, 40));
        assert!(!enough_shared(0, 0, 0));
    }
}
