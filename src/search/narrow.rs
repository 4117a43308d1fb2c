//! Incremental narrowing: while typing, each query usually only narrows
//! the one before, so only the articles that matched before need to be
//! looked at again.
//!
//! The stack holds (query, matching article ids) for the queries typed so
//! far, each narrowing the one below it. A new query pops the entries it
//! does not narrow (backspace) and is then run on the hits of the top one.
//! "Narrows" is decided on the parsed terms ([`implies`]), not on the
//! string: `lavr` → `lavro` narrows, `!fo` → `!foo` does not (it excludes
//! less), `a` → `a |` → `a | b` does not (OR widens).
//!
//! This is exact, not a heuristic, because matching is monotone: a fuzzy
//! term's skip budget is fixed (see [`super::score`]), so a paragraph that
//! matches `lavro` also matches `lavr`.

use std::sync::Arc;

use super::query::{Group, Query, Term, TermKind};
use super::rank::ArticleHit;
use super::scan::{GroupHits, Known, Reuse};

/// At most this many queries are remembered (a pasted paragraph should
/// not keep hundreds of hit lists).
const MAX_DEPTH: usize = 48;

/// Paragraph-level hits are kept for this many of the latest queries
/// (they can be megabytes for a one-letter query).
const CACHED_DEPTH: usize = 3;

/// Whether every article matching `new` also matches `old`.
///
/// Conservative: `false` only costs a full scan. Every group of `old` must
/// be implied by some group of `new`; a group implies another when each
/// of its alternatives implies one of the other's.
pub fn implies(new: &Query, old: &Query) -> bool {
    // Different `@` names: different paragraphs are searched.
    same_speakers(new, old)
        && old.groups().iter().all(|g_old| {
            new.groups()
                .iter()
                .any(|g_new| group_implies(g_new, new, g_old, old))
        })
}

fn group_implies(a: &Group, qa: &Query, b: &Group, qb: &Query) -> bool {
    a.alternatives.iter().all(|x| {
        b.alternatives.iter().any(|y| match (x.negated, y.negated) {
            (false, false) => term_implies(x, qa.case_sensitive(), y, qb.case_sensitive()),
            // "no paragraph has x" ⇒ "no paragraph has y" when y ⇒ x.
            (true, true) => term_implies(y, qb.case_sensitive(), x, qa.case_sensitive()),
            _ => false,
        })
    })
}

/// Whether every paragraph where `x` holds also has `y`.
fn term_implies(x: &Term, x_case: bool, y: &Term, y_case: bool) -> bool {
    if y_case && !x_case {
        return false;
    }
    // Compare in the strictest form `y` needs: cased when it is
    // case-sensitive (then `x` is too, so both patterns carry case).
    let (xs, ys): (&[u8], &[u8]) = if y_case {
        (x.pattern.as_bytes(), y.pattern.as_bytes())
    } else {
        (&x.folded.text, &y.folded.text)
    };
    let contains = || ys.is_empty() || xs.windows(ys.len()).any(|w| w == ys);
    use TermKind::*;
    match (y.kind, x.kind) {
        // Any occurrence of x, exact or within the skip budget, holds a
        // contiguous run of it, which uses no more skips than x did.
        (Fuzzy, _) => contains(),
        (Exact, Fuzzy) => false,
        (Exact, _) => contains(),
        (Boundary, Boundary | Equal) => xs == ys,
        (Prefix, Prefix | Equal) => xs.starts_with(ys),
        (Suffix, Suffix | Equal) => xs.ends_with(ys),
        (Equal, Equal) => xs == ys,
        _ => false,
    }
}

/// A query that has been run, with what it found.
#[derive(Debug, Clone)]
pub struct Entry {
    pub query: Query,
    /// Matching article ids, ascending.
    pub ids: Vec<u32>,
    /// Articles `0..searched` were looked at; later ones were appended
    /// since and are candidates for any query.
    pub searched: usize,
    /// The final ranking that was reported, best first.
    pub top: Vec<ArticleHit>,
    /// Per group of `query`: its paragraph hits in the matching articles
    /// (`None` for pure negations, or once dropped to save memory).
    pub groups: Vec<Option<Arc<GroupHits>>>,
}

impl Entry {
    /// Articles a query narrowing this one has to look at, given that
    /// the index now holds `articles`.
    pub fn candidates(&self, articles: usize) -> Vec<u32> {
        let mut ids = self.ids.clone();
        ids.extend(self.searched as u32..articles as u32);
        ids
    }

    /// What this entry's paragraph hits tell about each group of `new`
    /// (a query that narrows this one): the same group's hits are reused
    /// as they are; a group that implies one of ours, paragraph by
    /// paragraph, need only be tried on that group's hits.
    pub(crate) fn reuse_for(&self, new: &Query) -> Reuse {
        let same_case = new.case_sensitive() == self.query.case_sensitive();
        let groups = new
            .groups()
            .iter()
            .map(|g_new| {
                let cached = || {
                    self.query
                        .groups()
                        .iter()
                        .zip(&self.groups)
                        .filter_map(|(g, h)| Some((g, h.as_ref()?)))
                };
                if let Some((_, h)) = cached().find(|(g, _)| same_case && same_group(g, g_new)) {
                    return Known::Same(h.clone());
                }
                if g_new.alternatives.iter().all(|t| !t.negated)
                    && let Some((_, h)) = cached().find(|(g, _)| {
                        g.alternatives.iter().all(|t| !t.negated)
                            && group_implies(g_new, new, g, &self.query)
                    })
                {
                    return Known::Superset(h.clone());
                }
                Known::Nothing
            })
            .collect();
        Reuse {
            groups,
            upto: self.searched,
        }
    }
}

/// The same `@` names, in any order.
fn same_speakers(a: &Query, b: &Query) -> bool {
    fn sorted(q: &Query) -> Vec<&String> {
        let mut v: Vec<&String> = q.speakers().iter().collect();
        v.sort();
        v.dedup();
        v
    }
    sorted(a) == sorted(b)
}

fn same_group(a: &Group, b: &Group) -> bool {
    a.alternatives.len() == b.alternatives.len()
        && a.alternatives
            .iter()
            .zip(&b.alternatives)
            .all(|(x, y)| x.negated == y.negated && x.same_test(y))
}

/// The stack of (query, hits).
#[derive(Debug, Default)]
pub struct NarrowStack {
    entries: Vec<Entry>,
}

impl NarrowStack {
    /// Pop the entries `query` does not narrow; the top one left (if any)
    /// is what it can be run on.
    pub fn base_for(&mut self, query: &Query) -> Option<&Entry> {
        while let Some(top) = self.entries.last() {
            if implies(query, &top.query) {
                break;
            }
            self.entries.pop();
        }
        self.entries.last()
    }

    /// Remember a finished query (it narrows the current top).
    pub fn push(&mut self, entry: Entry) {
        if self.entries.len() == MAX_DEPTH {
            self.entries.remove(0);
        }
        self.entries.push(entry);
        let n = self.entries.len();
        if n > CACHED_DEPTH {
            self.entries[n - CACHED_DEPTH - 1].groups.clear();
        }
    }

    /// The most recent query's entry.
    pub fn top_mut(&mut self) -> Option<&mut Entry> {
        self.entries.last_mut()
    }

    pub fn depth(&self) -> usize {
        self.entries.len()
    }
}

/// The same terms (in any order, spacing aside): the same hits and
/// scores. Implying each other is not enough: `sanctions` and
/// `sanctions c` match the same articles, with different scores.
pub fn same_terms(a: &Query, b: &Query) -> bool {
    same_speakers(a, b)
        && a.case_sensitive() == b.case_sensitive()
        && a.groups().len() == b.groups().len()
        && a.groups()
            .iter()
            .all(|g| b.groups().iter().any(|h| same_group(g, h)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    fn narrows(new: &str, old: &str) -> bool {
        implies(&parse(new), &parse(old))
    }

    #[test]
    fn typing_narrows() {
        assert!(narrows("lavro", "lavr"));
        assert!(narrows("sanctions c", "sanctions"));
        assert!(narrows("sanctions", ""));
        assert!(narrows("'lavrov", "lavr"));
        assert!(narrows("^lavrov", "^lav"));
        assert!(narrows("lavrov$", "lavrov"));
        assert!(narrows("^ab$", "^a"));
        assert!(narrows("lavrov !c", "lavrov"));
        assert!(narrows("lavrov !c", "lavrov !ch"), "excluding more narrows");
        assert!(narrows("Lavrov", "lavrov"));
        assert!(narrows("a | b c", "a | b"));
    }

    #[test]
    fn widening_does_not() {
        assert!(!narrows("lavr", "lavro"), "backspace");
        assert!(!narrows("lavrov !ch", "lavrov !c"), "excluding less");
        assert!(!narrows("a | b", "a"), "or widens");
        assert!(!narrows("lavrov", "Lavrov"), "case-insensitive is wider");
        assert!(!narrows("lavrov", "'lavrov"), "fuzzy is wider than exact");
        assert!(!narrows("lvrov", "lavrov"));
        assert!(!narrows("bell$", "^bell"));
    }

    #[test]
    fn same_terms_means_same_scores() {
        let same = |a: &str, b: &str| same_terms(&parse(a), &parse(b));
        assert!(same("sanctions ", "sanctions"));
        assert!(same("a  b", "b a"));
        assert!(!same("sanctions c", "sanctions"));
        assert!(!same("Sanctions", "sanctions"));
    }

    #[test]
    fn stack_pops_what_the_new_query_does_not_narrow() {
        let mut s = NarrowStack::default();
        for q in ["l", "la", "lav"] {
            let query = parse(q);
            s.base_for(&query);
            s.push(Entry {
                query,
                ids: vec![],
                searched: 0,
                top: vec![],
                groups: vec![],
            });
        }
        let base = s.base_for(&parse("la")).unwrap();
        assert_eq!(base.query.raw(), "la");
        assert_eq!(s.depth(), 2);
        assert!(s.base_for(&parse("x")).is_none());
        assert_eq!(s.depth(), 0);
    }
}
