//! Breaking text into screen lines that remember where they came from.
//!
//! ratatui's own wrapping cannot say which screen line holds byte N, which
//! the reader needs to scroll to a quote or a match and to line up two
//! panes. Widths follow ratatui's rule (unicode-width per grapheme), so a
//! line measured here takes exactly that many cells on screen.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of `s` as ratatui renders it (soft breaks count as one).
pub fn display_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

fn grapheme_width(g: &str) -> usize {
    if g == "\n" { 1 } else { g.width() }
}

/// A breakable unit: a word, or one wide (CJK) grapheme, which may be
/// broken after even without a space.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    width: usize,
}

/// Wrap `text` into lines of at most `width` cells. Returns byte ranges of
/// `text`, offset by `base`; a line never starts or ends with white space.
/// Words longer than a line are broken between graphemes.
pub fn wrap(text: &str, base: usize, width: usize) -> Vec<Range<usize>> {
    wrap_with_tags(text, base, width, &[]).0
}

/// Text the view will insert after the word that holds byte `at` (offset
/// as given to [`wrap_with_tags`]): the "— Lavrov" after a quotation whose
/// speaker was inferred. It wraps with that word, so it never overflows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TagRequest {
    pub at: usize,
    /// Cells the tag takes, its leading space included.
    pub width: usize,
}

/// Where a requested tag landed: on line `line`, drawn after byte `at`
/// (the end of the word that holds the requested offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacedTag {
    pub line: usize,
    pub at: usize,
    /// Index into the requests.
    pub tag: usize,
}

/// [`wrap`], keeping room after some words for tags. `tags` must be sorted
/// by `at`; offsets are in the same space as the returned ranges.
pub fn wrap_with_tags(
    text: &str,
    base: usize,
    width: usize,
    tags: &[TagRequest],
) -> (Vec<Range<usize>>, Vec<PlacedTag>) {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut placed = Vec::new();
    let mut next_tag = 0;
    let mut line: Option<(usize, usize, usize)> = None; // (start, end, width)
    for mut t in tokens(text) {
        // Tags whose offset falls in this word (or in the space before
        // it, for an offset between words) ride on its end.
        let first_tag = next_tag;
        while next_tag < tags.len() && tags[next_tag].at <= base + t.end {
            next_tag += 1;
        }
        let extra: usize = tags[first_tag..next_tag].iter().map(|r| r.width).sum();
        t.width += extra;
        // Records the tags on the line the word is placed on.
        let t_end = t.end;
        let mut place = |lines: &Vec<Range<usize>>| {
            for i in first_tag..next_tag {
                placed.push(PlacedTag {
                    line: lines.len(),
                    at: base + t_end,
                    tag: i,
                });
            }
        };
        if let Some((start, end, w)) = line {
            let gap = display_width(&text[end..t.start]);
            if w + gap + t.width <= width {
                line = Some((start, t.end, w + gap + t.width));
                place(&lines);
                continue;
            }
            lines.push(base + start..base + end);
        }
        if t.width <= width {
            line = Some((t.start, t.end, t.width));
            place(&lines);
            continue;
        }
        // A word too long for a line is cut; its tag (if any) goes on the
        // line with the word's last piece, and may be clipped there.
        t.width -= extra;
        // A token wider than the line: cut it into line-sized pieces.
        let mut piece_start = t.start;
        let mut piece_width = 0;
        for (i, g) in text[t.start..t.end].grapheme_indices(true) {
            let gw = grapheme_width(g);
            if piece_width + gw > width && piece_width > 0 {
                lines.push(base + piece_start..base + t.start + i);
                piece_start = t.start + i;
                piece_width = 0;
            }
            piece_width += gw;
        }
        line = Some((piece_start, t.end, piece_width + extra));
        place(&lines);
    }
    if let Some((start, end, _)) = line {
        lines.push(base + start..base + end);
    }
    // Tags past the last word (a quotation ending in trailing space).
    for i in next_tag..tags.len() {
        if let Some(last) = lines.len().checked_sub(1) {
            placed.push(PlacedTag {
                line: last,
                at: lines[last].end,
                tag: i,
            });
        }
    }
    (lines, placed)
}

/// Words split at white space; runs of wide graphemes split further so
/// that CJK text, which has no spaces, still wraps.
///
/// ASCII text is taken a byte at a time (each byte is its own grapheme),
/// which keeps a 20 MB article from taking seconds to lay out; the rest,
/// and the ASCII byte before it (which a combining mark may extend), goes
/// through grapheme segmentation.
fn tokens(text: &str) -> Vec<Token> {
    let mut t = Tokenizer::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let ascii_end = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .map_or(bytes.len(), |p| i + p);
        let fast_end = if ascii_end < bytes.len() {
            ascii_end.saturating_sub(1).max(i)
        } else {
            ascii_end
        };
        for j in i..fast_end {
            t.push(j, &text[j..j + 1]);
        }
        if fast_end == bytes.len() {
            break;
        }
        let run_end = bytes[ascii_end..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |p| ascii_end + p);
        for (k, g) in text[fast_end..run_end].grapheme_indices(true) {
            t.push(fast_end + k, g);
        }
        i = run_end;
    }
    t.finish()
}

/// Tokens as graphemes arrive.
#[derive(Default)]
struct Tokenizer {
    out: Vec<Token>,
    cur: Option<Token>,
}

impl Tokenizer {
    /// Grapheme `g` at byte `i`.
    fn push(&mut self, i: usize, g: &str) {
        if g.chars().all(char::is_whitespace) {
            self.out.extend(self.cur.take());
            return;
        }
        let w = grapheme_width(g);
        let wide = w >= 2;
        match self.cur.as_mut() {
            Some(t) if !wide => {
                t.end = i + g.len();
                t.width += w;
            }
            _ => {
                self.out.extend(self.cur.take());
                self.cur = Some(Token {
                    start: i,
                    end: i + g.len(),
                    width: w,
                });
            }
        }
        if wide {
            // A wide grapheme may be followed by a break: close it now,
            // unless closing punctuation follows (kept by the next token).
            self.out.extend(self.cur.take());
        }
    }

    fn finish(mut self) -> Vec<Token> {
        self.out.extend(self.cur);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, 0, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn greedy_word_wrap() {
        assert_eq!(
            lines("the quick brown fox jumps over the lazy dog", 10),
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
    }

    #[test]
    fn ranges_are_offsets_into_the_source() {
        let text = "alpha beta gamma";
        let r = wrap(text, 100, 10);
        assert_eq!(r, [100..110, 111..116]);
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(lines("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn soft_breaks_are_spaces() {
        assert_eq!(lines("one\ntwo three", 7), ["one\ntwo", "three"]);
    }

    #[test]
    fn cjk_and_emoji_respect_width() {
        let text = "中文字符测试文本";
        let l = lines(text, 6);
        assert_eq!(l, ["中文字", "符测试", "文本"]);
        for line in lines("我们 🙂🙂🙂 ok", 4) {
            assert!(display_width(line) <= 4, "{line}");
        }
    }

    #[test]
    fn no_line_is_wider_than_asked() {
        let text = "“Sanctions against Russia are now going to such lengths that globalization is being used as a weapon,” Le said. 中文 émigré café naïve";
        for w in 2..40 {
            for line in lines(text, w) {
                assert!(display_width(line) <= w, "width {w}: {line:?}");
                assert!(!line.starts_with(' ') && !line.ends_with(' '));
            }
        }
    }

    #[test]
    fn tags_wrap_with_their_word() {
        let text = "alpha beta gamma";
        // A 4-cell tag after "beta" fits neither after "alpha" nor
        // before "gamma" in 12 cells: "beta" and its tag stand alone.
        let tags = [TagRequest { at: 10, width: 4 }];
        let (lines, placed) = wrap_with_tags(text, 0, 12, &tags);
        assert_eq!(lines, [0..5, 6..10, 11..16]);
        assert_eq!(
            placed,
            [PlacedTag {
                line: 1,
                at: 10,
                tag: 0
            }]
        );
        // With room, the tag stays on the line, after the word's end.
        let (lines, placed) = wrap_with_tags(text, 0, 20, &[TagRequest { at: 7, width: 4 }]);
        assert_eq!(lines, vec![0..16]);
        assert_eq!(placed[0].at, 10);
        for w in 1..20 {
            let (lines, placed) = wrap_with_tags(text, 0, w, &tags);
            assert_eq!(placed.len(), 1);
            assert!(placed[0].line < lines.len());
        }
    }

    #[test]
    fn ascii_fast_path_agrees_with_grapheme_segmentation() {
        // Combining marks after ASCII letters, a keycap, CJK, emoji, CRLF.
        let text = "cafe\u{301} 1\u{fe0f}\u{20e3} e\u{301}clair 中文 🙂 a\r\nb  end";
        let slow: Vec<(usize, usize, usize)> = {
            let mut t = Tokenizer::default();
            for (i, g) in text.grapheme_indices(true) {
                t.push(i, g);
            }
            t.finish()
                .iter()
                .map(|t| (t.start, t.end, t.width))
                .collect()
        };
        let fast: Vec<(usize, usize, usize)> = tokens(text)
            .iter()
            .map(|t| (t.start, t.end, t.width))
            .collect();
        assert_eq!(fast, slow);
    }

    #[test]
    fn empty_and_blank() {
        assert!(wrap("", 0, 10).is_empty());
        assert!(wrap("   ", 0, 10).is_empty());
    }
}
