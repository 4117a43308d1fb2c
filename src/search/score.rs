//! Scoring a term in a paragraph: SkimMatcherV2 on a short window, above a
//! noise floor.
//!
//! # The noise floor
//!
//! In a 200-character paragraph almost any short query is a subsequence of
//! scattered letters: `lavrov` is one in a third of all paragraphs, while
//! only a quarter of those contain the word. fzf lists such matches last;
//! saidso does not count them at all, so that junk (`xqzv`) finds nothing
//! and "N of M articles" means something.
//!
//! The rule: **a fuzzy term matches a paragraph when its letters occur in
//! order with at most 4 other characters between the first and the last**
//! ([`SKIP_BUDGET`](super::prefilter::SKIP_BUDGET); spaces and punctuation
//! count, accents and case do not). `lavrv`, `sanctons`, `tigerbell` match; `xqzv` and letters strewn
//! across a sentence do not. Transposed letters (`lavorv`) are not a
//! subsequence of the word and do not match, as in fzf.
//!
//! Why a rule on spread rather than "score below X % of the best possible
//! score": it is the same idea (every skipped character costs score), but
//! it is monotone, so a longer query never matches a paragraph the shorter
//! one did not. That is what makes incremental narrowing exact (see
//! [`super::narrow`]); a score ratio is not monotone, because bonuses
//! change as the term grows. It also bounds the work: only windows of
//! `term + 4` characters are ever scored.
//!
//! # Scoring
//!
//! The score is SkimMatcherV2's (fuzzy-matcher), run on the matched window
//! plus the character before it, so word-start bonuses are the ones the
//! whole paragraph would give. An exact occurrence is always preferred to
//! a fuzzy window, and one at a word start to one inside a word; without
//! an exact occurrence, the first window that fits is scored. The
//! matcher's `element_limit` keeps its O(m·n) matrix bounded even for a
//! 10,000-character query; past it, fuzzy-matcher falls back to a linear
//! scoring.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::Folded;
use super::prefilter::{
    Window, exact_at, in_order, is_word_byte, next_exact, next_window, trimmed,
};
use super::query::{Term, TermKind};

/// Score matrices larger than this (pattern × window characters) use
/// fuzzy-matcher's linear fallback instead.
const ELEMENT_LIMIT: usize = 64 * 1024;

/// Exact occurrences looked at when searching for one at a word start.
const MAX_OCCURRENCES_SEEN: usize = 8;

/// SkimMatcherV2, configured once, shared by all threads (its scratch
/// buffers are thread-local).
pub struct Scorer {
    ignore_case: SkimMatcherV2,
    respect_case: SkimMatcherV2,
}

fn matcher(case_sensitive: bool) -> SkimMatcherV2 {
    let m = SkimMatcherV2::default().element_limit(ELEMENT_LIMIT);
    if case_sensitive {
        m.respect_case()
    } else {
        m.ignore_case()
    }
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer {
            ignore_case: matcher(false),
            respect_case: matcher(true),
        }
    }
}

/// Terms longer than this get no table of exact scores.
const EXACT_TABLE_MAX_CHARS: usize = 64;

/// The score of an exact occurrence depends only on the term and the
/// character before it. Indexed by that character when it is ASCII (as
/// the scorer sees it: cased when case-sensitive), 128 for none. Built
/// once per term; exact occurrences then cost no SkimMatcherV2 call.
pub(crate) fn exact_table(pattern: &str, chars: usize, case_sensitive: bool) -> Vec<i64> {
    if chars > EXACT_TABLE_MAX_CHARS {
        return Vec::new();
    }
    let m = matcher(case_sensitive);
    let mut choice = String::with_capacity(pattern.len() + 1);
    let mut table: Vec<i64> = (0u8..128)
        .map(|b| {
            choice.clear();
            choice.push(b as char);
            choice.push_str(pattern);
            m.fuzzy(&choice, pattern, false).map_or(0, |(s, _)| s)
        })
        .collect();
    table.push(m.fuzzy(pattern, pattern, false).map_or(0, |(s, _)| s));
    table
}

impl std::fmt::Debug for Scorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scorer(SkimMatcherV2)")
    }
}

impl Scorer {
    /// Whether `term` (ignoring its negation) holds in the paragraph.
    pub fn matches(&self, term: &Term, hay: Folded, case_sensitive: bool) -> bool {
        in_order(hay.text, &term.folded.text) && best_window(term, hay, case_sensitive).is_some()
    }

    /// The term's score in the paragraph, or `None` when it does not match.
    pub fn score(&self, term: &Term, hay: Folded, case_sensitive: bool) -> Option<i64> {
        if !in_order(hay.text, &term.folded.text) {
            return None;
        }
        let exact = match term.kind {
            TermKind::Fuzzy => best_exact(term, hay, case_sensitive),
            _ => best_window(term, hay, case_sensitive),
        };
        if let Some(w) = exact {
            return self
                .skim(term, hay, w, case_sensitive, false)
                .map(|(s, _)| s);
        }
        if term.kind != TermKind::Fuzzy {
            return None;
        }
        // Only fuzzy windows: score the first. Finding windows is the
        // costly part for short terms, and later ones are rarely tighter.
        let w = next_window(hay, term, case_sensitive, 0)?;
        self.skim(term, hay, w, case_sensitive, false)
            .map(|(s, _)| s)
    }

    /// Folded byte offsets of every matched character: every occurrence of
    /// an exact term, every non-overlapping window of a fuzzy one (each
    /// with SkimMatcherV2's choice of characters). Appended to `out`.
    pub fn positions(&self, term: &Term, hay: Folded, case_sensitive: bool, out: &mut Vec<usize>) {
        if !in_order(hay.text, &term.folded.text) {
            return;
        }
        let all_exact = |out: &mut Vec<usize>, boundary: bool| {
            let mut from = 0;
            let mut found = false;
            while let Some(w) = next_exact(hay, term, case_sensitive, from) {
                if !boundary || at_boundaries(hay.text, w) {
                    push_window_chars(hay.text, w, out);
                    found = true;
                    from = w.end;
                } else {
                    from = w.start + 1;
                }
            }
            found
        };
        match term.kind {
            TermKind::Exact => {
                all_exact(out, false);
            }
            TermKind::Boundary => {
                all_exact(out, true);
            }
            TermKind::Fuzzy => {
                if all_exact(out, false) {
                    return;
                }
                let mut from = 0;
                while let Some(w) = next_window(hay, term, case_sensitive, from) {
                    if let Some((_, chars)) = self.skim(term, hay, w, case_sensitive, true) {
                        out.extend(chars);
                    }
                    from = w.end;
                }
            }
            TermKind::Prefix | TermKind::Suffix | TermKind::Equal => {
                if let Some(w) = best_window(term, hay, case_sensitive) {
                    push_window_chars(hay.text, w, out);
                }
            }
        }
    }

    /// SkimMatcherV2 on `w` plus the character before it. With `with_pos`,
    /// also the folded byte offsets of the characters it matched.
    fn skim(
        &self,
        term: &Term,
        hay: Folded,
        w: Window,
        case_sensitive: bool,
        with_pos: bool,
    ) -> Option<(i64, Vec<usize>)> {
        if !with_pos
            && !term.exact_scores.is_empty()
            && hay.text[w.start..w.end] == term.folded.text[..]
        {
            let key = match w.start.checked_sub(1) {
                None => Some(128),
                Some(i) if hay.text[i] < 0x80 => {
                    let up = case_sensitive && hay.is_upper(i);
                    let b = hay.text[i];
                    Some(usize::from(if up { b.to_ascii_uppercase() } else { b }))
                }
                Some(_) => None,
            };
            if let Some(k) = key {
                return Some((term.exact_scores[k], Vec::new()));
            }
        }
        let mut ctx = w.start;
        if ctx > 0 {
            ctx -= 1;
            while ctx > 0 && (hay.text[ctx] & 0xC0) == 0x80 {
                ctx -= 1;
            }
        }
        let folded = std::str::from_utf8(&hay.text[ctx..w.end]).ok()?;
        let cased;
        let (matcher, choice) = if case_sensitive {
            let mut s = String::new();
            hay.cased(ctx..w.end, &mut s);
            cased = s;
            (&self.respect_case, cased.as_str())
        } else {
            (&self.ignore_case, folded)
        };
        // In its two-row mode fuzzy-matcher ignores `element_limit` and
        // fills the whole m×n matrix; asking for positions makes it apply
        // the limit (and fall back to its linear scoring) on huge terms.
        let cells = (term.chars() + 1) * (w.end - ctx + 1);
        let (score, chars) =
            matcher.fuzzy(choice, &term.pattern, with_pos || cells > ELEMENT_LIMIT)?;
        if !with_pos {
            return Some((score, Vec::new()));
        }
        // Character indices of the window → folded byte offsets. `cased`
        // has the same characters as `folded`, one for one.
        let starts: Vec<usize> = folded.char_indices().map(|(i, _)| ctx + i).collect();
        Some((
            score,
            chars
                .iter()
                .filter_map(|&c| starts.get(c).copied())
                .collect(),
        ))
    }
}

/// The window the term is scored on, by kind; `None` when it does not
/// match. Fuzzy terms prefer an exact occurrence.
fn best_window(term: &Term, hay: Folded, case_sensitive: bool) -> Option<Window> {
    match term.kind {
        TermKind::Fuzzy => best_exact(term, hay, case_sensitive)
            .or_else(|| next_window(hay, term, case_sensitive, 0)),
        TermKind::Exact => best_exact(term, hay, case_sensitive),
        TermKind::Boundary => {
            let mut from = 0;
            loop {
                let w = next_exact(hay, term, case_sensitive, from)?;
                if at_boundaries(hay.text, w) {
                    return Some(w);
                }
                from = w.start + 1;
            }
        }
        TermKind::Prefix => exact_at(hay, term, case_sensitive, trimmed(hay.text).0),
        TermKind::Suffix => {
            let end = trimmed(hay.text).1;
            let at = end.checked_sub(term.folded.text.len())?;
            exact_at(hay, term, case_sensitive, at)
        }
        TermKind::Equal => {
            let (start, end) = trimmed(hay.text);
            exact_at(hay, term, case_sensitive, start).filter(|w| w.end == end)
        }
    }
}

/// The first exact occurrence at a word start, else the first one.
fn best_exact(term: &Term, hay: Folded, case_sensitive: bool) -> Option<Window> {
    let first = next_exact(hay, term, case_sensitive, 0)?;
    let mut w = first;
    for _ in 0..MAX_OCCURRENCES_SEEN {
        if w.start == 0 || !is_word_byte(hay.text[w.start - 1]) {
            return Some(w);
        }
        match next_exact(hay, term, case_sensitive, w.start + 1) {
            Some(next) => w = next,
            None => break,
        }
    }
    Some(first)
}

fn at_boundaries(text: &[u8], w: Window) -> bool {
    (w.start == 0 || !is_word_byte(text[w.start - 1]))
        && (w.end == text.len() || !is_word_byte(text[w.end]))
}

fn push_window_chars(text: &[u8], w: Window, out: &mut Vec<usize>) {
    out.extend((w.start..w.end).filter(|&i| (text[i] & 0xC0) != 0x80));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::fold;
    use crate::search::query::parse;

    fn score(text: &str, q: &str) -> Option<i64> {
        let query = parse(q);
        let hay = fold(text);
        Scorer::default().score(
            &query.groups()[0].alternatives[0],
            hay.view(),
            query.case_sensitive(),
        )
    }

    fn marked(text: &str, q: &str) -> String {
        let query = parse(q);
        let hay = fold(text);
        let mut pos = Vec::new();
        Scorer::default().positions(
            &query.groups()[0].alternatives[0],
            hay.view(),
            query.case_sensitive(),
            &mut pos,
        );
        // test texts are ASCII: folded offsets are text offsets
        text.char_indices()
            .map(|(i, c)| {
                if pos.contains(&i) {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect()
    }

    #[test]
    fn noise_floor_rejects_scattered_letters_and_keeps_typos() {
        let p = "Russian Foreign Minister Sergei Lavrov said at the weekend";
        assert!(score(p, "lavrov").is_some());
        assert!(
            score(p, "lavrv").is_some(),
            "a dropped letter still matches"
        );
        assert!(score(p, "sergeilavrov").is_some(), "a skipped space too");
        assert!(score(p, "xqzv").is_none());
        // r…s…m…w are in order in the sentence, but far apart
        assert!(score(p, "rsmw").is_none());
        assert!(score(p, "lavorv").is_none(), "transpositions do not match");
    }

    #[test]
    fn exact_and_word_start_rank_higher() {
        let word = score("the lavrov visit", "lavrov").unwrap();
        let inside = score("the xlavrov visit", "lavrov").unwrap();
        let fuzzy = score("the lavxrov visit", "lavrov").unwrap();
        assert!(word > inside, "{word} {inside}");
        assert!(word > fuzzy, "{word} {fuzzy}");
        // the exact occurrence is preferred even when it comes later
        assert_eq!(score("lavxrov and lavrov", "lavrov"), Some(word));
    }

    #[test]
    fn anchored_kinds() {
        assert!(score("  Tiger here", "^tiger").is_some());
        assert!(score("a tiger here", "^tiger").is_none());
        assert!(score("the bell.  ", "bell.$").is_some());
        assert!(score("the bell rang", "bell$").is_none());
        assert!(score(" bell ", "^bell$").is_some());
        assert!(score("bells", "^bell$").is_none());
        assert!(score("tigers and a tiger", "'tiger'").is_some());
        assert!(score("tigers", "'tiger'").is_none());
        assert!(score("tigers", "'tiger").is_some());
        assert!(score("t i g e r", "'tiger").is_none());
    }

    #[test]
    fn positions_cover_every_occurrence() {
        assert_eq!(marked("bell, bell", "bell"), "BELL, BELL");
        assert_eq!(marked("a tbxl b", "tbl"), "a TBxL b");
        assert_eq!(marked("nothing", "xqzv"), "nothing");
    }

    #[test]
    fn exact_table_agrees_with_the_matcher() {
        let sc = Scorer::default();
        for (text, q) in [
            ("a lavrov b", "lavrov"),
            ("xlavrov", "lavrov"),
            ("lavrov", "lavrov"),
            ("lll", "ll"),
            ("Al Lavrov", "Lavrov"),
            ("é lavrov", "lavrov"),
        ] {
            let query = parse(q);
            let term = &query.groups()[0].alternatives[0];
            let hay = fold(text);
            let cs = query.case_sensitive();
            let w = best_window(term, hay.view(), cs).unwrap();
            let fast = sc.skim(term, hay.view(), w, cs, false).unwrap().0;
            let slow = sc.skim(term, hay.view(), w, cs, true).unwrap().0;
            assert_eq!(fast, slow, "{text:?} {q:?}");
        }
    }

    #[test]
    fn long_queries_stay_bounded() {
        let long = "a".repeat(10_000);
        let text = "a".repeat(20_000);
        assert!(score(&text, &long).is_some());
    }
}
