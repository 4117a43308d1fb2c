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

/// English letters from the most common to the rarest, for picking the
/// anchor of a window search (see [`anchor`]).
const LETTERS_BY_FREQUENCY: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";

/// The unit of a term to look for first: its rarest character (by
/// English letter frequency; digits, punctuation and non-ASCII count as
/// rare). Searching `tig` from each `t` tries three times as many places
/// as searching from each `g`.
pub fn anchor(term_folded: &[u8], units: &[u8]) -> usize {
    let mut best = (usize::MAX, 0);
    let mut off = 0;
    for (k, &len) in units.iter().enumerate() {
        let b = term_folded[off];
        let common = if len == 1 {
            LETTERS_BY_FREQUENCY
                .iter()
                .position(|&l| l == b)
                .map_or(0, |i| LETTERS_BY_FREQUENCY.len() - i)
        } else {
            0
        };
        if common < best.0 {
            best = (common, k);
        }
        off += len as usize;
    }
    best.1
}

/// The first window (by anchor position) starting at or after `from`
/// where the term's characters occur in order, skipping at most
/// [`SKIP_BUDGET`] characters in all.
///
/// Any window holds the term's anchor character at most `anchor + budget`
/// characters after its start. So for each occurrence of the anchor, the
/// starts (occurrences of the first character) just before it are tried,
/// each matched greedily (earliest next occurrence of each character):
/// that is a start's tightest window, so the budget test is exact.
pub fn next_window(hay: Folded, term: &Term, case_sensitive: bool, from: usize) -> Option<Window> {
    let text = hay.text;
    let pat = term.folded.view();
    let want = |off: usize| case_sensitive.then(|| pat.is_upper(off));
    let first = &term.folded.text[..term.units[0] as usize];
    let k = term.anchor;
    let anchor_off: usize = term.units[..k].iter().map(|&u| u as usize).sum();
    let anchor_unit = &term.folded.text[anchor_off..anchor_off + term.units[k] as usize];
    let mut anchor_from = from + anchor_off;
    let mut tried = from;
    loop {
        let r = next_unit(hay, anchor_unit, want(anchor_off), anchor_from, text.len())?;
        anchor_from = r + 1;
        if k == 0 {
            // The anchor is the first character: it is the start.
            if let Some(w) = greedy(hay, term, case_sensitive, r) {
                return Some(w);
            }
            continue;
        }
        // Starts lie at most `k + budget` characters before the anchor.
        let mut lo = r;
        let mut back = 0;
        while lo > tried && back < k + SKIP_BUDGET {
            lo -= 1;
            if (text[lo] & 0xC0) != 0x80 {
                back += 1;
            }
        }
        let mut s_from = lo;
        while let Some(s) = next_unit(hay, first, want(0), s_from, r + first.len()) {
            s_from = s + 1;
            if let Some(w) = greedy(hay, term, case_sensitive, s) {
                return Some(w);
            }
        }
        // Starts up to the anchor are done with.
        tried = tried.max(r + first.len());
    }
}

/// The tightest window starting at `s` (an occurrence of the first
/// character), if it keeps within the skip budget.
fn greedy(hay: Folded, term: &Term, case_sensitive: bool, s: usize) -> Option<Window> {
    let text = hay.text;
    let pat = term.folded.view();
    let mut off = term.units[0] as usize;
    let mut cur = s + off;
    let mut skipped = 0;
    for &u in &term.units[1..] {
        let unit = &term.folded.text[off..off + u as usize];
        let want = case_sensitive.then(|| pat.is_upper(off));
        // Step one character at a time: at most budget + 1 looks. A
        // one-byte unit (nearly all of them) is one comparison, not a
        // memcmp call.
        let at = |cur: usize| match unit {
            [b] => text.get(cur) == Some(b),
            _ => text[cur..].starts_with(unit),
        };
        while !(at(cur) && want.is_none_or(|w| hay.is_upper(cur) == w)) {
            if skipped == SKIP_BUDGET || cur >= text.len() {
                return None;
            }
            skipped += 1;
            cur += utf8_len(text[cur]);
        }
        cur += unit.len();
        off += unit.len();
    }
    Some(Window { start: s, end: cur })
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
    fn the_anchor_is_the_rarest_character() {
        let q = parse("tig");
        let t = &q.groups()[0].alternatives[0];
        assert_eq!(t.anchor, 2);
        assert_eq!(anchor(b"a\xc3\xa9", &[1, 2]), 1);
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

    /// Brute force: some start, some alignment, at most the budget of
    /// characters skipped between the first and the last matched one.
    fn reference(text: &[char], term: &[char]) -> bool {
        fn fits(text: &[char], term: &[char], skips_left: usize) -> bool {
            let Some((&c, rest)) = term.split_first() else {
                return true;
            };
            (0..=skips_left.min(text.len().saturating_sub(1)))
                .any(|g| text.get(g) == Some(&c) && fits(&text[g + 1..], rest, skips_left - g))
        }
        (0..text.len()).any(|s| text[s] == term[0] && fits(&text[s + 1..], &term[1..], SKIP_BUDGET))
    }

    #[test]
    fn windows_agree_with_brute_force() {
        let alphabet = ['a', 'b', 'c', ' ', 'é', 'ж', 'z'];
        let mut seed: u64 = 7;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..3000 {
            let text: String = (0..next(30)).map(|_| alphabet[next(7)]).collect();
            let term: String = (0..1 + next(4)).map(|_| alphabet[next(7)]).collect();
            if term.trim().is_empty() || term.contains(' ') {
                continue;
            }
            let hay = fold(&text);
            let query = parse(&term);
            let t = &query.groups()[0].alternatives[0];
            let tc: Vec<char> = term
                .chars()
                .map(|c| if c == 'é' { 'e' } else { c })
                .collect();
            let xc: Vec<char> = text
                .chars()
                .map(|c| if c == 'é' { 'e' } else { c })
                .collect();
            let found = next_window(hay.view(), t, false, 0);
            assert_eq!(found.is_some(), reference(&xc, &tc), "{text:?} {term:?}");
        }
    }

    #[test]
    fn case_sensitive_windows_check_case() {
        assert_eq!(window("lavrov Lavrov", "Lavrov"), Some((7, 13)));
        assert_eq!(window("lavrov", "Lavrov"), None);
    }
}
