//! Grouping articles into stories: candidates through inverted indexes,
//! a few best partners each, and a union that cannot chain.
//!
//! An article is scored only against the articles that share a rare word
//! of its title and lede or a statement with it (at most
//! [`MAX_SCORED`] of them, most shared first), and keeps its
//! [`MAX_PARTNERS`](crate::compare::candidates::MAX_PARTNERS) most alike.
//! Pairs then join most alike first, and two groups join only when their
//! representatives (an article of each: a joined group keeps the larger
//! group's) are alike too and every dated article of the joined group lies within
//! [`WINDOW_DAYS`] of every other: on a campaign's coverage, plain union
//! of alike pairs chains a month of rallies into one "story".

use std::cmp::Reverse;

use jiff::civil::Date;

use rayon::prelude::*;

use crate::compare::candidates::{SetPair, keep_best};
use crate::compare::union_find::UnionFind;

use super::evidence::{Corpus, WINDOW_DAYS, days_apart};

/// Articles looked at between two looks at the cancel flag.
const CANCEL_EVERY: usize = 256;
/// At most this many candidates per article are scored.
pub const MAX_SCORED: usize = 256;
/// A statement carried by more articles than this nominates no candidates
/// (it still counts in the score): a line every article quotes is
/// campaign-long, not one event's.
pub const STATEMENT_CAP: usize = 64;
/// What a shared statement counts for in nominating, against one per
/// shared rare word.
const STATEMENT_NOMINATES: u32 = 4;

/// The groups of articles, each sorted, in order of their first article.
pub(super) fn groups(ev: &Corpus, cancelled: &dyn Fn() -> bool) -> Option<Vec<Vec<usize>>> {
    let n = ev.articles.len();
    let mut by_word: Vec<Vec<usize>> = vec![Vec::new(); ev.df.len()];
    let mut by_statement: Vec<Vec<usize>> = Vec::new();
    for (i, e) in ev.articles.iter().enumerate() {
        for &w in &e.words {
            if (2..=ev.rare as u32).contains(&ev.df[w as usize]) {
                by_word[w as usize].push(i);
            }
        }
        for &s in &e.statements {
            if by_statement.len() <= s {
                by_statement.resize(s + 1, Vec::new());
            }
            by_statement[s].push(i);
        }
    }
    // Scoring is independent per article: blocks of articles in parallel,
    // each thread with its own nomination counts and word marks (so a
    // similarity is a lookup per word, not a merge of two lists).
    let mut pairs = Vec::new();
    let index = Index {
        by_word,
        by_statement,
    };
    let threads = rayon::current_num_threads().max(1);
    let mut scratches: Vec<Scratch> = (0..threads).map(|_| Scratch::new(n, ev.df.len())).collect();
    let block = CANCEL_EVERY * threads;
    for start in (0..n).step_by(block) {
        if cancelled() {
            return None;
        }
        let end = n.min(start + block);
        let found: Vec<Vec<SetPair>> = scratches
            .par_iter_mut()
            .enumerate()
            .map(|(t, scratch)| {
                // Interleaved, so that early (longer-listed) articles are
                // shared out evenly.
                (start + t..end)
                    .step_by(threads)
                    .flat_map(|i| scratch.score(ev, &index, i))
                    .collect()
            })
            .collect();
        let mut found: Vec<SetPair> = found.into_iter().flatten().collect();
        found.sort_unstable_by_key(|p| (p.left, p.right));
        pairs.extend(found);
    }
    let mut pairs = keep_best(pairs);
    // Most alike first; ties in index order, so the result does not depend
    // on the order candidates came in.
    pairs.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then((a.left, a.right).cmp(&(b.left, b.right)))
    });
    let mut roots = UnionFind::new(n);
    let mut rep: Vec<usize> = (0..n).collect();
    let mut size: Vec<usize> = vec![1; n];
    let mut span: Vec<Option<(Date, Date)>> =
        ev.articles.iter().map(|e| e.date.map(|d| (d, d))).collect();
    for (k, p) in pairs.into_iter().enumerate() {
        if k % (CANCEL_EVERY * 64) == 0 && k > 0 && cancelled() {
            return None;
        }
        let (ra, rb) = (roots.find(p.left), roots.find(p.right));
        if ra == rb || ev.alike(rep[ra], rep[rb]).is_none() {
            continue;
        }
        let joined = match (span[ra], span[rb]) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (a, b) => a.or(b),
        };
        if joined.is_some_and(|(first, last)| days_apart(first, last) > WINDOW_DAYS) {
            continue;
        }
        let keep = if size[rb] > size[ra] || (size[rb] == size[ra] && rep[rb] < rep[ra]) {
            rep[rb]
        } else {
            rep[ra]
        };
        let total = size[ra] + size[rb];
        let root = roots.join(ra, rb);
        rep[root] = keep;
        size[root] = total;
        span[root] = joined;
    }
    let mut of_root: Vec<Option<usize>> = vec![None; n];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let root = roots.find(i);
        let g = *of_root[root].get_or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    Some(groups)
}

/// Who nominates whom: the articles of each rare word and of each
/// statement.
struct Index {
    by_word: Vec<Vec<usize>>,
    by_statement: Vec<Vec<usize>>,
}

/// One thread's working arrays, cleared after each article.
struct Scratch {
    /// Per article: how strongly nominated as a partner of the current one.
    counts: Vec<u32>,
    touched: Vec<usize>,
    /// Per word id: its idf when the current article has it, else 0.
    marks: Vec<f32>,
}

impl Scratch {
    fn new(articles: usize, words: usize) -> Scratch {
        Scratch {
            counts: vec![0; articles],
            touched: Vec::new(),
            marks: vec![0.0; words],
        }
    }

    /// The alike pairs of article `i` with later articles: its candidates
    /// (at most [`MAX_SCORED`], most nominated first), scored.
    fn score(&mut self, ev: &Corpus, index: &Index, i: usize) -> Vec<SetPair> {
        let e = &ev.articles[i];
        let (counts, touched) = (&mut self.counts, &mut self.touched);
        let mut nominate = |j: usize, by: u32| {
            if j > i {
                if counts[j] == 0 {
                    touched.push(j);
                }
                counts[j] += by;
            }
        };
        for &w in &e.words {
            for &j in &index.by_word[w as usize] {
                nominate(j, 1);
            }
        }
        for &s in &e.statements {
            let carriers = &index.by_statement[s];
            if carriers.len() <= STATEMENT_CAP {
                for &j in carriers {
                    nominate(j, STATEMENT_NOMINATES);
                }
            }
        }
        let mut found: Vec<(usize, u32)> = touched
            .drain(..)
            .map(|j| (j, std::mem::take(&mut counts[j])))
            .collect();
        if found.len() > MAX_SCORED {
            found.select_nth_unstable_by_key(MAX_SCORED, |&(j, c)| (Reverse(c), j));
            found.truncate(MAX_SCORED);
        }
        for &w in &e.words {
            self.marks[w as usize] = ev.idf[w as usize];
        }
        let pairs = found
            .into_iter()
            .filter_map(|(j, _)| {
                let common: f32 = ev.articles[j]
                    .words
                    .iter()
                    .map(|&w| self.marks[w as usize])
                    .sum();
                ev.alike_given(i, j, common).map(|similarity| SetPair {
                    left: i,
                    right: j,
                    similarity,
                })
            })
            .collect();
        for &w in &e.words {
            self.marks[w as usize] = 0.0;
        }
        pairs
    }
}
