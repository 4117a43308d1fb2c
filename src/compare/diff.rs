//! A word-level diff of two renderings of one statement, for showing what
//! one article printed differently, as `git diff --word-diff` does.
//!
//! Words are runs of non-space characters, compared folded: case, accents
//! and curly quotes do not count, nor punctuation at a word's edges
//! ("course," equals "course"). The diff is Myers' (the `similar` crate,
//! linear space), on at most [`MAX_DIFF_WORDS`] words a side; words past
//! the cap are reported as removed and inserted, so a pathological
//! quotation cannot stall a view.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, capture_diff_slices};

use crate::search::fold::fold_char;

/// Words diffed per side. Myers costs about (N + M) × D steps: 4,000 words
/// is instant even when nothing matches, and quotations are far shorter.
pub const MAX_DIFF_WORDS: usize = 4_000;

/// One step of a word diff. Ranges are byte ranges of the left or right
/// text, from the first word of the run to the end of its last word (the
/// spaces between the words of a run included); the whitespace between two
/// ops belongs to neither, so a view prints op texts separated by a space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum DiffOp {
    /// The same words on both sides (as compared: possibly differing in
    /// case, accents or edge punctuation).
    Equal {
        left: Range<usize>,
        right: Range<usize>,
    },
    /// Words only the left text has.
    Delete { left: Range<usize> },
    /// Words only the right text has.
    Insert { right: Range<usize> },
}

/// A word of a text: its byte range and the id of its folded form.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    key: u32,
}

/// The word diff of `left` and `right`, runs merged, in text order.
pub fn word_diff(left: &str, right: &str) -> Vec<DiffOp> {
    let mut keys = HashMap::new();
    let lw = words(left, &mut keys);
    let rw = words(right, &mut keys);
    let (ld, rd) = (lw.len().min(MAX_DIFF_WORDS), rw.len().min(MAX_DIFF_WORDS));
    let lk: Vec<u32> = lw[..ld].iter().map(|w| w.key).collect();
    let rk: Vec<u32> = rw[..rd].iter().map(|w| w.key).collect();
    let mut out = Ops::default();
    for op in capture_diff_slices(Algorithm::Myers, &lk, &rk) {
        let (tag, l, r) = op.as_tag_tuple();
        match tag {
            similar::DiffTag::Equal => out.equal(&lw[l], &rw[r]),
            similar::DiffTag::Delete => out.delete(&lw[l]),
            similar::DiffTag::Insert => out.insert(&rw[r]),
            similar::DiffTag::Replace => {
                out.delete(&lw[l]);
                out.insert(&rw[r]);
            }
        }
    }
    out.delete(&lw[ld..]);
    out.insert(&rw[rd..]);
    out.ops
}

/// The diff as text, git's word-diff style: equal words from the left,
/// `[-removed-]` and `{+inserted+}`.
pub fn render_word_diff(left: &str, right: &str, ops: &[DiffOp]) -> String {
    let mut out = String::new();
    for op in ops {
        if !out.is_empty() {
            out.push(' ');
        }
        let (open, text, close) = match op {
            DiffOp::Equal { left: l, .. } => ("", left.get(l.clone()), ""),
            DiffOp::Delete { left: l } => ("[-", left.get(l.clone()), "-]"),
            DiffOp::Insert { right: r } => ("{+", right.get(r.clone()), "+}"),
        };
        out.push_str(open);
        out.push_str(text.unwrap_or(""));
        out.push_str(close);
    }
    out
}

/// Collects ops, merging a run onto the previous op of the same kind.
#[derive(Default)]
struct Ops {
    ops: Vec<DiffOp>,
}

impl Ops {
    fn equal(&mut self, l: &[Word], r: &[Word]) {
        let (Some(lr), Some(rr)) = (span(l), span(r)) else {
            return;
        };
        if let Some(DiffOp::Equal { left, right }) = self.ops.last_mut() {
            left.end = lr.end;
            right.end = rr.end;
        } else {
            self.ops.push(DiffOp::Equal {
                left: lr,
                right: rr,
            });
        }
    }

    fn delete(&mut self, l: &[Word]) {
        let Some(lr) = span(l) else { return };
        // Keep deletions before insertions: "[-a-] {+b+}", never "{+b+} [-a-]".
        let n = self.ops.len();
        match self.ops.as_mut_slice() {
            [.., DiffOp::Delete { left }] => left.end = lr.end,
            [.., DiffOp::Delete { left }, DiffOp::Insert { .. }] => left.end = lr.end,
            [.., DiffOp::Insert { .. }] => self.ops.insert(n - 1, DiffOp::Delete { left: lr }),
            _ => self.ops.push(DiffOp::Delete { left: lr }),
        }
    }

    fn insert(&mut self, r: &[Word]) {
        let Some(rr) = span(r) else { return };
        if let Some(DiffOp::Insert { right }) = self.ops.last_mut() {
            right.end = rr.end;
        } else {
            self.ops.push(DiffOp::Insert { right: rr });
        }
    }
}

/// From the start of the first word to the end of the last.
fn span(words: &[Word]) -> Option<Range<usize>> {
    Some(words.first()?.start..words.last()?.end)
}

/// The words of `text` with interned folded keys.
fn words(text: &str, keys: &mut HashMap<String, u32>) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let key = key_of(&text[s..i], keys);
                out.push(Word {
                    start: s,
                    end: i,
                    key,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The folded form of a word, without punctuation at its edges (a word of
/// punctuation only, such as a dash, is kept whole).
fn key_of(word: &str, keys: &mut HashMap<String, u32>) -> u32 {
    let mut folded = String::with_capacity(word.len());
    for c in word.chars() {
        fold_char(c, |f, _| folded.push(f));
    }
    let trimmed = folded.trim_matches(|c: char| !c.is_alphanumeric());
    let key = if trimmed.is_empty() {
        folded.as_str()
    } else {
        trimmed
    };
    let next = u32::try_from(keys.len()).unwrap_or(u32::MAX);
    *keys.entry(key.to_string()).or_insert(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(a: &str, b: &str) -> String {
        render_word_diff(a, b, &word_diff(a, b))
    }

    #[test]
    fn marks_replaced_inserted_and_removed_words() {
        assert_eq!(
            diff(
                "the West rudely undermines",
                "the West is blatantly undermining"
            ),
            "the West [-rudely undermines-] {+is blatantly undermining+}"
        );
        assert_eq!(
            diff("we need to think", "we really need to think"),
            "we {+really+} need to think"
        );
        assert_eq!(
            diff("of course, we need", "of course we need"),
            "of course, we need"
        );
        assert_eq!(diff("a b c", "a c"), "a [-b-] c");
    }

    #[test]
    fn folding_ignores_case_accents_and_curly_quotes() {
        let ops = word_diff("“Müller said", "\"muller SAID,");
        assert_eq!(ops.len(), 1);
        assert!(
            matches!(&ops[0], DiffOp::Equal { left, right } if *left == (0..15) && *right == (0..13))
        );
    }

    #[test]
    fn ranges_point_at_the_words() {
        let (a, b) = ("one  two three", "one three four");
        for op in word_diff(a, b) {
            match op {
                DiffOp::Equal { left, right } => {
                    assert!(!a[left].trim().is_empty() && !b[right].trim().is_empty())
                }
                DiffOp::Delete { left } => assert_eq!(&a[left], "two"),
                DiffOp::Insert { right } => assert_eq!(&b[right], "four"),
            }
        }
    }

    #[test]
    fn empty_and_blank_texts() {
        assert!(word_diff("", "").is_empty());
        assert_eq!(word_diff("", "a b"), vec![DiffOp::Insert { right: 0..3 }]);
        assert_eq!(word_diff("  a ", ""), vec![DiffOp::Delete { left: 2..3 }]);
    }

    #[test]
    fn long_texts_are_capped_not_stalled() {
        let a: String = (0..MAX_DIFF_WORDS + 500)
            .map(|i| format!("a{i} "))
            .collect();
        let b: String = (0..MAX_DIFF_WORDS + 500)
            .map(|i| format!("b{i} "))
            .collect();
        let t = std::time::Instant::now();
        let ops = word_diff(&a, &b);
        assert!(t.elapsed().as_secs() < 5);
        assert_eq!(ops.len(), 2);
        assert!(
            matches!(&ops[0], DiffOp::Delete { left } if left.start == 0 && left.end == a.trim_end().len())
        );
    }
}
