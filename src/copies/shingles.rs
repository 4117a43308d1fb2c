//! An article's body as copies are compared on: its words, folded, and
//! the set of five-word runs (shingles) they make.
//!
//! Only body paragraphs count: the headline is what outlets rewrite most
//! and is compared apart (see [`super::diff`]); bylines, captions and
//! boilerplate differ from one outlet to the next and say nothing about
//! whether the story is the same. Words are folded as search folds them
//! (case, accents, typographic quotes), and punctuation is dropped, so that
//! "U.S." and "US", or curly and straight quotes, do not make a copy look
//! changed.

use crate::corpus::{Article, ParagraphKind};
use crate::search::fold::fold_char;

/// Words per shingle. Five is long enough that two stories on the same
/// subject rarely share a run by chance ("said on Tuesday that the" is
/// common; five content words in a row are not), short enough that one
/// changed word disturbs only five shingles.
pub const SHINGLE_WORDS: usize = 5;

/// The body paragraphs of `a`, in order, with their index in
/// [`Article::paragraphs`].
pub fn body_paragraphs(a: &Article) -> impl Iterator<Item = (usize, &str)> {
    a.paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == ParagraphKind::Body)
        .map(|(i, p)| (i, &a.text[p.start..p.end]))
}

/// Call `word` with each folded word of `text`: runs of letters and
/// digits after folding, everything else a separator (an apostrophe
/// inside a word is dropped, so "don't" and "don’t" are one word).
pub fn for_each_word(text: &str, mut word: impl FnMut(&str)) {
    let mut buf = String::new();
    let mut flush = |buf: &mut String| {
        if !buf.is_empty() {
            word(buf);
            buf.clear();
        }
    };
    for c in text.chars() {
        fold_char(c, |f, _| {
            if f.is_alphanumeric() {
                buf.push(f);
            } else if f != '\'' || buf.is_empty() {
                flush(&mut buf);
            }
        });
    }
    flush(&mut buf);
}

/// A paragraph as compared between copies: its folded words, one space
/// apart. Two paragraphs that differ only in case, accents, quotes or
/// punctuation read the same.
pub fn normalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_word(text, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// FNV-1a of a word: fixed across runs and platforms, so groups do not
/// change from one run to the next.
fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in w.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64's finaliser: spreads every input bit over the output, so
/// that the MinHash family (multiply-shift on this) sees uniform values.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The shingles of `a`'s body: hashes of every run of
/// [`SHINGLE_WORDS`] words, across paragraph breaks, sorted and without
/// repeats; and the number of body words.
pub fn shingles(a: &Article) -> (Vec<u64>, usize) {
    let mut window = [0u64; SHINGLE_WORDS];
    let mut words = 0usize;
    let mut out = Vec::new();
    for (_, text) in body_paragraphs(a) {
        for_each_word(text, |w| {
            window[words % SHINGLE_WORDS] = word_hash(w);
            words += 1;
            if words >= SHINGLE_WORDS {
                // Oldest word first, so the run's order counts.
                let mut h = 0u64;
                for k in 0..SHINGLE_WORDS {
                    h = (h.rotate_left(17) ^ window[(words + k) % SHINGLE_WORDS])
                        .wrapping_mul(0x9e37_79b9_7f4a_7c15);
                }
                out.push(mix(h));
            }
        });
    }
    out.sort_unstable();
    out.dedup();
    (out, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_punctuation_dropped() {
        let mut got = Vec::new();
        for_each_word("“Don’t,” said Müller — U.S. 42%", |w| {
            got.push(w.to_string())
        });
        assert_eq!(got, ["dont", "said", "muller", "u", "s", "42"]);
        assert_eq!(normalised("The  “Big” Day."), normalised("the \"big\" day"));
    }
}
