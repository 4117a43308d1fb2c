//! Grouping one speaker's quotations into statements.
//!
//! Per speaker: each quotation's content words (one vocabulary for the
//! corpus), an inverted index of them, and for each quotation the others
//! that share words within the aligner's bounds; those alike enough are
//! joined, most alike first. A quotation meets only quotations of its own
//! speaker, so two speakers' words never join, and the work is bounded by
//! the candidates a quotation nominates, not by the speaker's quotation
//! count squared.
//!
//! A speaker quoted hundreds of times says the same few words in many
//! statements ("going to", "this country"), so two things guard against a
//! chain of likenesses joining them all (measured on the 924 PolNeAR
//! articles, where plain union of the aligner's pairs made one 106-article
//! "statement" of Trump's campaign):
//! - more evidence than between two articles: [`MIN_SHARED`] content words,
//!   unless one quotation's words all occur in the other (a fragment);
//! - two groups join only when their longest quotations (each group's
//!   fullest rendering) are alike too, so a fragment joins the statement
//!   it belongs to but never bridges two.

use std::collections::HashMap;

use crate::compare::align::{PAIR_THRESHOLD, is_statement, score};
use crate::compare::candidates::{Postings, SetPair, keep_best, shared};
use crate::compare::union_find::UnionFind;
use crate::compare::words::Vocabulary;
use crate::corpus::Article;
use crate::quotes::{ArticleQuotes, Attribution, QuoteRef, SpeakerIndex};

/// Quotations grouped between two looks at the cancel flag.
const CANCEL_EVERY: usize = 256;

/// Content words two quotations of one speaker must share to be one
/// statement, unless the words of one are all in the other.
pub const MIN_SHARED: usize = 3;

/// Fewest words of a fragment whose words all occur in another quotation.
const MIN_FRAGMENT_WORDS: usize = 2;

/// Whether two word sets of sizes `a` and `b` sharing `n` words render one
/// statement: enough evidence, and alike enough.
fn alike(n: usize, a: usize, b: usize) -> Option<f32> {
    let fragment = n == a.min(b) && n >= MIN_FRAGMENT_WORDS;
    let identical = n == a && n == b && n > 0;
    if n < MIN_SHARED && !fragment && !identical {
        return None;
    }
    let similarity = score(n, a, b);
    (similarity >= PAIR_THRESHOLD).then_some(similarity)
}

/// The statements as (speaker, renderings), speakers in index order.
pub(super) fn groups(
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    speakers: &SpeakerIndex,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<(usize, Vec<QuoteRef>)>> {
    let mut vocab = Vocabulary::new();
    let mut out = Vec::new();
    // Asked first, then every few hundred quotations.
    let mut done = CANCEL_EVERY;
    for (s, speaker) in speakers.speakers.iter().enumerate() {
        if speaker.is_unnamed() {
            continue;
        }
        let members: Vec<QuoteRef> = speaker
            .quotes
            .iter()
            .copied()
            .filter(|r| counts(quotes, *r))
            .collect();
        if done >= CANCEL_EVERY {
            done = 0;
            if cancelled() {
                return None;
            }
        }
        done += members.len();
        for group in one_speaker(articles, quotes, &members, &mut vocab) {
            out.push((s, group));
        }
    }
    Some(out)
}

/// A quotation that can be part of a statement: someone's words, not a
/// headline repeating the body.
fn counts(quotes: &[&ArticleQuotes], r: QuoteRef) -> bool {
    let Some(q) = quotes.get(r.article).and_then(|a| a.quotes.get(r.quote)) else {
        return false;
    };
    is_statement(q) && !matches!(q.attribution, Attribution::Echo { .. })
}

/// One speaker's quotations grouped: each group in corpus order.
fn one_speaker(
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    members: &[QuoteRef],
    vocab: &mut Vocabulary,
) -> Vec<Vec<QuoteRef>> {
    // Distinct word sets, each with the quotations that have it: a
    // statement printed identically twenty times is scored once.
    let mut index: HashMap<Vec<u32>, usize> = HashMap::new();
    let mut sets: Vec<Vec<u32>> = Vec::new();
    let mut holders: Vec<Vec<QuoteRef>> = Vec::new();
    for &r in members {
        let q = &quotes[r.article].quotes[r.quote];
        let words = vocab.content_words(q.text(&articles[r.article]));
        if words.is_empty() {
            continue;
        }
        let set = *index.entry(words).or_insert_with_key(|w| {
            sets.push(w.clone());
            holders.push(Vec::new());
            sets.len() - 1
        });
        holders[set].push(r);
    }
    let mut pairs = Vec::new();
    if sets.len() > 1 {
        let mut postings = Postings::new(&sets);
        for (i, ids) in sets.iter().enumerate() {
            for (j, n) in postings.candidates(ids, &sets) {
                if j <= i {
                    continue;
                }
                if let Some(similarity) = alike(n, ids.len(), sets[j].len()) {
                    pairs.push(SetPair {
                        left: i,
                        right: j,
                        similarity,
                    });
                }
            }
        }
    }
    let mut pairs = keep_best(pairs);
    // Most alike first, so that a fragment joins the statement it is most
    // like, and ties in index order (the result does not depend on the
    // order candidates came in).
    pairs.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then((a.left, a.right).cmp(&(b.left, b.right)))
    });
    let mut roots = UnionFind::new(sets.len());
    // Per group root: its fullest rendering (most content words).
    let mut fullest: Vec<usize> = (0..sets.len()).collect();
    for p in pairs {
        let (ra, rb) = (roots.find(p.left), roots.find(p.right));
        if ra == rb {
            continue;
        }
        let (fa, fb) = (fullest[ra], fullest[rb]);
        let (a, b) = (&sets[fa], &sets[fb]);
        if alike(shared(a, b), a.len(), b.len()).is_none() {
            continue;
        }
        let keep = if b.len() > a.len() { fb } else { fa };
        let root = roots.join(ra, rb);
        fullest[root] = keep;
    }
    let mut by_root: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<QuoteRef>> = Vec::new();
    for (set, refs) in holders.into_iter().enumerate() {
        let root = roots.find(set);
        let g = *by_root.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].extend(refs);
    }
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}
