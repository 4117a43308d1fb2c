//! Grouping one speaker's quotations into statements.
//!
//! Per speaker, speakers in parallel: each quotation's content words (one
//! vocabulary per thread: ids are only compared, never ordered on), an
//! inverted index of them, and for each quotation the others
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
//!   unless the few words of one run in the same order in the other (a
//!   phrase quoted again); a one-word quotation joins nothing;
//! - two groups join only when their longest quotations (each group's
//!   fullest rendering) are alike too, so a fragment joins the statement
//!   it belongs to but never bridges two.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::compare::align::{PAIR_THRESHOLD, is_statement, score};
use crate::compare::candidates::{Postings, SetPair, keep_best, shared};
use crate::compare::union_find::UnionFind;
use crate::compare::words::Vocabulary;
use crate::corpus::Article;
use crate::quotes::{ArticleQuotes, Attribution, QuoteRef, SpeakerIndex};

/// Content words two quotations of one speaker must share to be one
/// statement, unless the words of one are all in the other.
pub const MIN_SHARED: usize = 3;

/// Fewest content words of a quotation that joins another with fewer
/// than [`MIN_SHARED`]: a two-word phrase seven outlets print is a
/// statement; "friend" and "a friend" are not one.
const MIN_SHORT_WORDS: usize = 2;

/// One speaker's distinct quotations: content words as a sorted set, and
/// in text order.
struct Words {
    sets: Vec<Vec<u32>>,
    sequences: Vec<Vec<u32>>,
}

impl Words {
    /// Whether quotations `i` and `j` render one statement, and how alike
    /// they are: enough shared words ([`MIN_SHARED`]), or a short one
    /// whose words run in the same order in the other (a phrase quoted
    /// again, not a few common words scattered).
    fn alike(&self, i: usize, j: usize, n: usize) -> Option<f32> {
        let (a, b) = (self.sets[i].len(), self.sets[j].len());
        let short = n < MIN_SHARED;
        if short {
            let (small, large) = if a <= b { (i, j) } else { (j, i) };
            let phrase = n == a.min(b)
                && n >= MIN_SHORT_WORDS
                && contains_run(&self.sequences[large], &self.sequences[small]);
            if !phrase {
                return None;
            }
        }
        let similarity = score(n, a, b);
        (similarity >= PAIR_THRESHOLD).then_some(similarity)
    }
}

/// True when `run` occurs in `seq` as consecutive words.
fn contains_run(seq: &[u32], run: &[u32]) -> bool {
    !run.is_empty() && seq.windows(run.len()).any(|w| w == run)
}

/// The statements as (speaker, renderings), speakers in index order.
pub(super) fn groups(
    articles: &[Article],
    quotes: &[&ArticleQuotes],
    speakers: &SpeakerIndex,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<(usize, Vec<QuoteRef>)>> {
    let stop = AtomicBool::new(false);
    let per_speaker: Vec<Vec<(usize, Vec<QuoteRef>)>> = speakers
        .speakers
        .par_iter()
        .enumerate()
        .filter(|(_, speaker)| !speaker.is_unnamed())
        .map_init(Vocabulary::new, |vocab, (s, speaker)| {
            // Asked before each speaker; once told, the rest is skipped.
            if stop.load(Ordering::Relaxed) || cancelled() {
                stop.store(true, Ordering::Relaxed);
                return Vec::new();
            }
            let members: Vec<QuoteRef> = speaker
                .quotes
                .iter()
                .copied()
                .filter(|r| counts(quotes, *r))
                .collect();
            one_speaker(articles, quotes, &members, vocab)
                .into_iter()
                .map(|group| (s, group))
                .collect()
        })
        .collect();
    if stop.load(Ordering::Relaxed) {
        return None;
    }
    Some(per_speaker.into_iter().flatten().collect())
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
    let mut index: HashMap<(bool, Vec<u32>), usize> = HashMap::new();
    let mut words = Words {
        sets: Vec::new(),
        sequences: Vec::new(),
    };
    let mut holders: Vec<Vec<QuoteRef>> = Vec::new();
    for &r in members {
        let q = &quotes[r.article].quotes[r.quote];
        let sequence = vocab.content_sequence(q.text(&articles[r.article]));
        let mut set = sequence.clone();
        set.sort_unstable();
        set.dedup();
        if set.is_empty() {
            continue;
        }
        // A one-word quotation ("friend") is a statement of its own: the
        // same word in two places is not the same thing said.
        if set.len() < MIN_SHORT_WORDS {
            words.sets.push(set);
            words.sequences.push(sequence);
            holders.push(vec![r]);
            continue;
        }
        // Quotations of the same words are scored once; a short one by
        // its words in order ("textbook definition" is not "definition,
        // then textbook").
        let key = if set.len() < MIN_SHARED {
            (true, sequence.clone())
        } else {
            (false, set.clone())
        };
        let id = *index.entry(key).or_insert_with(|| {
            words.sets.push(set);
            words.sequences.push(sequence);
            holders.push(Vec::new());
            words.sets.len() - 1
        });
        holders[id].push(r);
    }
    let sets = &words.sets;
    let mut pairs = Vec::new();
    if sets.len() > 1 {
        let mut postings = Postings::new(sets);
        for (i, ids) in sets.iter().enumerate() {
            for (j, n) in postings.candidates(ids, sets) {
                if j <= i {
                    continue;
                }
                if let Some(similarity) = words.alike(i, j, n) {
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
        if words.alike(fa, fb, shared(&sets[fa], &sets[fb])).is_none() {
            continue;
        }
        let keep = if sets[fb].len() > sets[fa].len() {
            fb
        } else {
            fa
        };
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
