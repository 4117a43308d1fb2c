//! Finding where a term can match, with memchr, before anything is scored.
//!
//! Everything here works on folded bytes (see [`super::fold`]). A term is a
//! sequence of folded characters ("units", one to four bytes each); because
//! UTF-8 is self-synchronising, a unit's bytes found in valid UTF-8 always
//! start at a character boundary, so byte search is character-correct.
//! When the query is case-sensitive, every unit must also agree with the
//! paragraph on its case bit.

use memchr::{memchr, memmem};

use super::fold::Folded;
use super::query::Term;

/// The noise floor: the most characters a fuzzy term may skip between its
/// first and its last letter. See [`super::score`] for why this rule.
pub const SKIP_BUDGET: usize = 4;

/// Byte runs up to this long are searched with a plain loop.
const SHORT_RUN: usize = 24;

/// Bytes of a term, in order, somewhere in `hay`: necessary for any kind of
/// match, and the cheapest test (memchr runs at gigabytes a second).
#[inline]
pub fn in_order(hay: &[u8], needle: &[u8]) -> bool {
    let mut pos = 0;
    for &b in needle {
        match memchr(b, &hay[pos..]) {
            Some(i) => pos += i + 1,
            None => return false,
        }
    }
    true
}

/// A place where a term matched: folded byte offsets, from the first
/// matched character to the end of the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
}

/// Letters, digits and anything non-ASCII (folded punctuation is ASCII).
#[inline]
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Does the text at `at` carry the term's case for every unit?
fn case_agrees(hay: Folded, at: usize, term: &Term) -> bool {
    let pat = term.folded.view();
    let mut off = 0;
    for &len in &term.units {
        if hay.is_upper(at + off) != pat.is_upper(off) {
            return false;
        }
        off += len as usize;
    }
    true
}

/// The first exact occurrence of `term` starting at or after `from`.
pub fn next_exact(hay: Folded, term: &Term, case_sensitive: bool, from: usize) -> Option<Window> {
    let n = term.folded.text.len();
    let mut from = from;
    while from + n <= hay.text.len() {
        let i = from + term.finder.find(&hay.text[from..])?;
        if !case_sensitive || case_agrees(hay, i, term) {
            return Some(Window {
                start: i,
                end: i + n,
            });
        }
        from = i + 1;
    }
    None
}

/// The next occurrence of one unit in `hay[from..to]` with the wanted case.
#[inline]
fn next_unit(
    hay: Folded,
    unit: &[u8],
    want_upper: Option<bool>,
    from: usize,
    to: usize,
) -> Option<usize> {
    let mut from = from;
    while from < to {
        let run = &hay.text[from..to];
        let i = from
            + match unit {
                // Inside a window the run is a few bytes: a plain loop beats
                // memchr's call and set-up.
                [b] if run.len() <= SHORT_RUN => run.iter().position(|x| x == b)?,
                [b] => memchr(*b, run)?,
                _ => memmem::find(run, unit)?,
            };
        if want_upper.is_none_or(|u| hay.is_upper(i) == u) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// The first window starting at or after `from` where the term's
/// characters occur in order, skipping at most [`SKIP_BUDGET`] characters.
///
/// For each occurrence of the first character the rest are matched
/// greedily (earliest next occurrence), which gives that start's tightest
/// window, so the budget test is exact, not a heuristic.
pub fn next_window(hay: Folded, term: &Term, case_sensitive: bool, from: usize) -> Option<Window> {
    let pat = term.folded.view();
    let text = hay.text;
    let first = &term.folded.text[..term.units[0] as usize];
    let want = |off: usize| case_sensitive.then(|| pat.is_upper(off));
    let mut start_from = from;
    'starts: loop {
        let s = next_unit(hay, first, want(0), start_from, text.len())?;
        start_from = s + first.len();
        let mut cur = start_from;
        let mut off = first.len();
        let mut skipped = 0;
        for &u in &term.units[1..] {
            let unit = &term.folded.text[off..off + u as usize];
            let want = want(off);
            // Step one character at a time: at most budget + 1 looks.
            loop {
                if text[cur..].starts_with(unit) && want.is_none_or(|w| hay.is_upper(cur) == w) {
                    break;
                }
                if skipped == SKIP_BUDGET || cur >= text.len() {
                    continue 'starts;
                }
                skipped += 1;
                cur += utf8_len(text[cur]);
            }
            cur += unit.len();
            off += unit.len();
        }
        return Some(Window { start: s, end: cur });
    }
}

/// Length of the UTF-8 character starting with byte `b` (1 for a stray
/// continuation byte, so a scan always advances).
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// Start and end of `hay` without surrounding spaces.
pub fn trimmed(hay: &[u8]) -> (usize, usize) {
    let start = hay.iter().position(|&b| b != b' ').unwrap_or(hay.len());
    let end = hay
        .iter()
        .rposition(|&b| b != b' ')
        .map_or(start, |i| i + 1);
    (start, end)
}

/// An exact occurrence exactly at `at`.
pub fn exact_at(hay: Folded, term: &Term, case_sensitive: bool, at: usize) -> Option<Window> {
    let end = at + term.folded.text.len();
    (end <= hay.text.len()
        && hay.text[at..end] == term.folded.text[..]
        && (!case_sensitive || case_agrees(hay, at, term)))
    .then_some(Window { start: at, end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::fold;
    use crate::search::query::parse;

    fn window(text: &str, q: &str) -> Option<(usize, usize)> {
        let hay = fold(text);
        let query = parse(q);
        let term = &query.groups()[0].alternatives[0];
        next_window(hay.view(), term, query.case_sensitive(), 0).map(|w| (w.start, w.end))
    }

    #[test]
    fn in_order_is_a_subsequence_test() {
        assert!(in_order(b"sergei lavrov", b"lavrov"));
        assert!(in_order(b"l a v r o v", b"lavrov"));
        assert!(!in_order(b"vorval", b"lavrov"));
        assert!(in_order(b"", b""));
    }

    #[test]
    fn windows_respect_the_skip_budget() {
        assert_eq!(window("sergei lavrov said", "lavrov"), Some((7, 13)));
        assert_eq!(window("lavrv", "lavrov"), None);
        // one letter missing from the text is not a match, one extra is
        assert_eq!(window("lavrxov", "lavrov"), Some((0, 7)));
        // four skipped characters pass, five do not
        assert_eq!(window("tige bell", "tb"), Some((0, 6)));
        assert_eq!(window("tiger bell", "tb"), None);
        // a later start can succeed when an earlier one is too loose
        assert_eq!(window("t......tb", "tb"), Some((7, 9)));
        assert_eq!(window("lots of text, no match", "xqzv"), None);
    }

    #[test]
    fn windows_count_characters_not_bytes() {
        // four two-byte Cyrillic letters skipped: still within the budget
        assert_eq!(window("aжжжжb", "ab"), Some((0, 10)));
        assert_eq!(window("aжжжжжb", "ab"), None);
        // a multi-byte term
        assert_eq!(window("в москве", "мск"), Some((3, 11)));
    }

    #[test]
    fn case_sensitive_windows_check_case() {
        assert_eq!(window("lavrov Lavrov", "Lavrov"), Some((7, 13)));
        assert_eq!(window("lavrov", "Lavrov"), None);
    }
}
