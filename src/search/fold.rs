//! Accent and case folding, with a way back to the original text.
//!
//! Matching runs on a folded copy of every paragraph: lower case, accents
//! stripped (`Müller` → `muller`), typographic punctuation made plain
//! (`’` → `'`, `–` → `-`), soft line breaks made spaces. fuzzy-matcher only
//! folds ASCII case, so without this `muller` would never find `Müller`.
//!
//! Case is not thrown away: one bit per folded byte says whether the source
//! character was upper case, so a case-sensitive (smart-case) query can be
//! checked against the same folded bytes. The bit sits on the first byte of
//! each folded character.
//!
//! Folding one character may give zero bytes (a combining accent, a soft
//! hyphen), one, or several (`ß` → `ss`, `…` → `...`). [`fold_with_map`]
//! records, for every folded byte, where its source character starts, so
//! that positions found in the folded text map back to byte ranges of the
//! original.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Characters whose folding is not "decompose and drop the accents".
/// Kept as a table (sorted by char for binary search) rather than branches.
const SPECIAL: &[(char, &str)] = &[
    ('\u{a0}', " "), // no-break space
    ('\u{ad}', ""),  // soft hyphen
    ('Æ', "ae"),
    ('Ð', "d"),
    ('Ø', "o"),
    ('Þ', "th"),
    ('ß', "ss"),
    ('æ', "ae"),
    ('ð', "d"),
    ('ø', "o"),
    ('þ', "th"),
    ('Đ', "d"),
    ('đ', "d"),
    ('ı', "i"),
    ('Ł', "l"),
    ('ł', "l"),
    ('Œ', "oe"),
    ('œ', "oe"),
    ('\u{2000}', " "), // en quad … hair space
    ('\u{2001}', " "),
    ('\u{2002}', " "),
    ('\u{2003}', " "),
    ('\u{2004}', " "),
    ('\u{2005}', " "),
    ('\u{2006}', " "),
    ('\u{2007}', " "),
    ('\u{2008}', " "),
    ('\u{2009}', " "),
    ('\u{200a}', " "),
    ('\u{200b}', ""), // zero-width space, non-joiner, joiner
    ('\u{200c}', ""),
    ('\u{200d}', ""),
    ('\u{2010}', "-"), // hyphens and dashes
    ('\u{2011}', "-"),
    ('\u{2012}', "-"),
    ('\u{2013}', "-"),
    ('\u{2014}', "-"),
    ('\u{2015}', "-"),
    ('\u{2018}', "'"), // single quotes
    ('\u{2019}', "'"),
    ('\u{201a}', "'"),
    ('\u{201b}', "'"),
    ('\u{201c}', "\""), // double quotes
    ('\u{201d}', "\""),
    ('\u{201e}', "\""),
    ('\u{201f}', "\""),
    ('\u{2026}', "..."),
    ('\u{202f}', " "), // narrow no-break space
    ('\u{2032}', "'"), // prime, double prime
    ('\u{2033}', "\""),
    ('\u{205f}', " "),
    ('\u{2212}', "-"), // minus sign
    ('\u{3000}', " "),
    ('\u{feff}', ""), // byte-order mark
];

/// Fold one character, calling `emit(folded_char, was_upper)` for each
/// character it becomes (possibly none).
#[inline]
pub fn fold_char(c: char, mut emit: impl FnMut(char, bool)) {
    if c.is_ascii() {
        match c {
            'A'..='Z' => emit(c.to_ascii_lowercase(), true),
            '\n' | '\r' | '\t' => emit(' ', false),
            _ => emit(c, false),
        }
        return;
    }
    if let Ok(i) = SPECIAL.binary_search_by_key(&c, |&(k, _)| k) {
        let upper = c.is_uppercase();
        for (n, f) in SPECIAL[i].1.chars().enumerate() {
            emit(f, upper && n == 0);
        }
        return;
    }
    let mut first = true;
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        let upper = d.is_uppercase();
        for l in d.to_lowercase() {
            if !is_combining_mark(l) {
                emit(l, upper && first);
                first = false;
            }
        }
    });
}

/// Appends folded text and its case bits to growable buffers.
///
/// `upper` is a bit set over the bytes of `text`: bit `i` is set when the
/// character starting at byte `i` of `text` was upper case in the source.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FoldBuffer {
    pub text: Vec<u8>,
    pub upper: Vec<u64>,
}

impl FoldBuffer {
    /// Fold `s` onto the end of the buffer. Each source character's folded
    /// bytes are passed to `on_char(source_byte_offset, folded_len)` so a
    /// caller can keep an offset map; the index passes a no-op.
    #[inline]
    pub fn push_str(&mut self, s: &str, mut on_char: impl FnMut(usize, usize)) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // ASCII fast path: most of any English corpus.
                let (f, up) = match b {
                    b'A'..=b'Z' => (b + 32, true),
                    b'\n' | b'\r' | b'\t' => (b' ', false),
                    _ => (b, false),
                };
                if up {
                    self.set_upper(self.text.len());
                }
                self.text.push(f);
                on_char(i, 1);
                i += 1;
                continue;
            }
            // A multi-byte character: `s` is valid UTF-8, so this decodes.
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            let before = self.text.len();
            fold_char(c, |f, up| {
                if up {
                    self.set_upper(self.text.len());
                }
                let mut buf = [0u8; 4];
                self.text
                    .extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
            });
            on_char(i, self.text.len() - before);
            i += c.len_utf8();
        }
        self.grow_bits();
    }

    fn set_upper(&mut self, at: usize) {
        let word = at / 64;
        if self.upper.len() <= word {
            self.upper.resize(word + 1, 0);
        }
        self.upper[word] |= 1 << (at % 64);
    }

    /// Keep the bit set as long as the text, so lookups never go past it.
    fn grow_bits(&mut self) {
        let words = self.text.len().div_ceil(64);
        if self.upper.len() < words {
            self.upper.resize(words, 0);
        }
    }

    pub fn view(&self) -> Folded<'_> {
        Folded {
            text: &self.text,
            upper: &self.upper,
            offset: 0,
        }
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.upper.clear();
    }
}

/// A borrowed run of folded text (one paragraph) with its case bits.
/// `offset` is where `text` starts in the bit set.
#[derive(Debug, Clone, Copy)]
pub struct Folded<'a> {
    pub text: &'a [u8],
    pub upper: &'a [u64],
    pub offset: usize,
}

impl Folded<'_> {
    /// Whether the character starting at byte `i` of `text` was upper case.
    #[inline]
    pub fn is_upper(&self, i: usize) -> bool {
        let at = self.offset + i;
        self.upper
            .get(at / 64)
            .is_some_and(|w| w & (1 << (at % 64)) != 0)
    }

    /// The folded text as a string. Folded text is built from `&str` pieces
    /// and sliced only at character boundaries.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.text).unwrap_or("")
    }

    /// The slice `range` of this text, keeping its case bits.
    pub fn slice(&self, range: std::ops::Range<usize>) -> Self {
        Folded {
            text: &self.text[range.start..range.end],
            upper: self.upper,
            offset: self.offset + range.start,
        }
    }

    /// Bytes `range` with the case of the source restored (upper-casing
    /// each character whose bit is set): what a case-sensitive scorer sees.
    pub fn cased(&self, range: std::ops::Range<usize>, out: &mut String) {
        out.clear();
        let s = std::str::from_utf8(&self.text[range.clone()]).unwrap_or("");
        for (i, c) in s.char_indices() {
            if self.is_upper(range.start + i) {
                let mut up = c.to_uppercase();
                match (up.next(), up.next()) {
                    (Some(u), None) => out.push(u),
                    _ => out.push(c),
                }
            } else {
                out.push(c);
            }
        }
    }
}

/// A paragraph folded on its own, with the way back: `source[i]` is the
/// byte offset (in the source string) of the character that produced
/// folded byte `i`; `source[text.len()]` is the source length.
#[derive(Debug, Default, Clone)]
pub struct FoldMap {
    pub folded: FoldBuffer,
    pub source: Vec<u32>,
}

/// Fold `s` and keep the offset map (used for the few paragraphs on screen,
/// never for the whole corpus: the map is four bytes per folded byte).
pub fn fold_with_map(s: &str) -> FoldMap {
    let mut map = FoldMap::default();
    map.folded.text.reserve(s.len());
    map.source.reserve(s.len() + 1);
    let source = &mut map.source;
    map.folded.push_str(s, |at, len| {
        source.extend(std::iter::repeat_n(at as u32, len));
    });
    map.source.push(s.len() as u32);
    map
}

impl FoldMap {
    /// Source byte range of the character that produced folded byte `i`.
    pub fn source_range(&self, s: &str, i: usize) -> std::ops::Range<usize> {
        let start = self.source.get(i).copied().unwrap_or(s.len() as u32) as usize;
        let len = s[start..].chars().next().map_or(0, char::len_utf8);
        start..start + len
    }
}

/// Fold a string on its own (queries, tests).
pub fn fold(s: &str) -> FoldBuffer {
    let mut b = FoldBuffer::default();
    b.push_str(s, |_, _| {});
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        String::from_utf8(fold(s).text).unwrap()
    }

    #[test]
    fn special_table_is_sorted_for_binary_search() {
        assert!(SPECIAL.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn folds_case_accents_and_typography() {
        assert_eq!(folded("Müller"), "muller");
        assert_eq!(folded("Ångström"), "angstrom");
        assert_eq!(folded("Straße"), "strasse");
        assert_eq!(folded("Łódź"), "lodz");
        assert_eq!(folded("don’t – “no”…"), "don't - \"no\"...");
        assert_eq!(folded("line\nbreak"), "line break");
        // Already decomposed input: the combining mark disappears.
        assert_eq!(folded("Mu\u{308}ller"), "muller");
        // Scripts without a Latin folding are lower-cased and kept.
        assert_eq!(folded("Москва"), "москва");
        assert_eq!(folded("北京"), "北京");
    }

    #[test]
    fn case_bits_mark_the_first_byte_of_upper_case_characters() {
        let b = fold("aÜb Москва");
        let v = b.view();
        assert!(!v.is_upper(0));
        assert!(v.is_upper(1)); // u from Ü
        assert!(!v.is_upper(2));
        assert!(v.is_upper(4)); // м from М (two bytes)
        assert!(!v.is_upper(6));
        let mut s = String::new();
        v.cased(0..v.text.len(), &mut s);
        assert_eq!(s, "aUb Москва");
    }

    #[test]
    fn map_points_back_to_source_characters() {
        let src = "Ça “Müß”";
        let m = fold_with_map(src);
        assert_eq!(m.folded.view().as_str(), "ca \"muss\"");
        let back: Vec<&str> = (0..m.folded.text.len())
            .map(|i| &src[m.source_range(src, i)])
            .collect();
        assert_eq!(back, ["Ç", "a", " ", "“", "M", "ü", "ß", "ß", "”"]);
    }
}
