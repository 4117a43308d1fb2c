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
    let mut counts = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (i, e) in ev.articles.iter().enumerate() {
        if i % CANCEL_EVERY == 0 && cancelled() {
            return None;
        }
        let mut nominate = |j: usize, by: u32| {
            if j > i {
                if counts[j] == 0 {
                    touched.push(j);
                }
                counts[j] += by;
            }
        };
        for &w in &e.words {
            for &j in &by_word[w as usize] {
                nominate(j, 1);
            }
        }
        for &s in &e.statements {
            if by_statement[s].len() <= STATEMENT_CAP {
                for &j in &by_statement[s] {
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
        for (j, _) in found {
            if let Some(similarity) = ev.alike(i, j) {
                pairs.push(SetPair {
                    left: i,
                    right: j,
                    similarity,
                });
            }
        }
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
    for p in pairs {
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
