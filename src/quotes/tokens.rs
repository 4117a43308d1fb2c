//! Words and punctuation of a paragraph, with each quotation replaced by a
//! single token, and the sentences they form.
//!
//! Attribution rules read the text around quotations ("…,” the official
//! said), never inside them, so a quotation is one opaque token. Tokens
//! are byte ranges of the article text plus the word's lexicon flags,
//! looked up once here.

use std::ops::Range;

use super::lexicon::{self, flag};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// One punctuation character (dashes are all `'–'`).
    Punct(char),
    /// A whole quotation, marks included; the value is the quotation's
    /// index in the article.
    Quote(usize),
    /// The possessive ’s or the apostrophe after a plural (students’).
    Possessive,
}

/// The letter case of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Lower,
    /// First letter upper case: Lavrov, McDonald.
    Capital,
    /// Two or more letters, all upper case: NATO, TASS.
    Upper,
    /// Starts with a digit.
    Digit,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub shape: Shape,
    /// Lexicon flags for words, 0 otherwise.
    pub flags: u64,
    /// Index of the sentence this token belongs to, within the paragraph.
    pub sentence: u32,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn has(&self, f: u64) -> bool {
        self.flags & f != 0
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn is_capitalised(&self) -> bool {
        matches!(self.shape, Shape::Capital | Shape::Upper)
    }
    pub fn is_lower_word(&self) -> bool {
        self.kind == Kind::Word && self.shape == Shape::Lower
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(q) => Some(q),
            _ => None,
        }
    }
}

/// A tokenised paragraph.
#[derive(Debug, Default)]
pub struct Tokens {
    pub list: Vec<Token>,
    /// Token index where each sentence starts.
    pub sentence_starts: Vec<usize>,
}

impl Tokens {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// First token of the sentence holding token `i`.
    pub fn sentence_start(&self, i: usize) -> usize {
        self.list
            .get(i)
            .and_then(|t| self.sentence_starts.get(t.sentence as usize))
            .copied()
            .unwrap_or(0)
    }

    /// One past the last token of the sentence holding token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        self.list
            .get(i)
            .and_then(|t| self.sentence_starts.get(t.sentence as usize + 1))
            .copied()
            .unwrap_or(self.list.len())
    }
}

/// Characters that join two word parts into one token (don’t, Biden-Xi).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '&')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Tokenise `text[para]`. `quotes` are the paragraph's quotations as
/// (outer byte range, quotation index), in order.
pub fn tokenize(text: &str, para: Range<usize>, quotes: &[(Range<usize>, usize)]) -> Tokens {
    let mut list: Vec<Token> = Vec::with_capacity((para.end - para.start) / 5 + 4);
    let mut next_quote = 0;
    let mut i = para.start;
    let bytes = text.as_bytes();
    while i < para.end {
        if let Some((r, q)) = quotes.get(next_quote)
            && r.start <= i
        {
            next_quote += 1;
            if r.end > i {
                list.push(token(
                    r.start,
                    r.end.min(para.end),
                    Kind::Quote(*q),
                    Shape::Other,
                    0,
                ));
                i = r.end.min(para.end);
            }
            continue;
        }
        let limit = quotes
            .get(next_quote)
            .map_or(para.end, |(r, _)| r.start.min(para.end));
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let ascii = (b < 0x80).then_some(char::from(b));
        let Some(c) = ascii.or_else(|| text[i..limit].chars().next()) else {
            // Only reachable when a quotation starts inside a character,
            // which byte ranges from the mark scanner never do.
            i += 1;
            continue;
        };
        if c.is_alphanumeric() {
            i = word(text, i, limit, &mut list);
        } else {
            let len = c.len_utf8();
            if !c.is_whitespace() {
                let kind = match c {
                    '—' | '–' | '―' | '-' | '‐' | '‑' | '−' => Kind::Punct('–'),
                    '\'' | '’' => Kind::Possessive,
                    _ => Kind::Punct(c),
                };
                // A lone apostrophe only means something after a plural.
                let keep = kind != Kind::Possessive
                    || list
                        .last()
                        .is_some_and(|t| t.end == i && text[t.start..t.end].ends_with(['s', 'S']));
                if keep {
                    list.push(token(i, i + len, kind, Shape::Other, 0));
                }
            }
            i += len;
        }
    }
    let sentence_starts = mark_sentences(text, &mut list);
    Tokens {
        list,
        sentence_starts,
    }
}

fn token(start: usize, end: usize, kind: Kind, shape: Shape, flags: u64) -> Token {
    Token {
        start,
        end,
        kind,
        shape,
        flags,
        sentence: 0,
    }
}

/// Scan one word starting at `start`; push it (and a possessive) and
/// return where scanning goes on.
fn word(text: &str, start: usize, limit: usize, list: &mut Vec<Token>) -> usize {
    let s = &text[start..limit];
    let bytes = s.as_bytes();
    let mut end = 0;
    let mut off = 0;
    let mut last_dot_part = 0; // start of the part after the last '.'
    while off < bytes.len() {
        // ASCII letters and digits, most of every word, a byte at a time
        // (decoding each character was the tokeniser's main cost).
        if bytes[off].is_ascii_alphanumeric() {
            off += 1;
            end = off;
            continue;
        }
        let Some(c) = s[off..].chars().next() else {
            break;
        };
        let after = off + c.len_utf8();
        if c.is_alphanumeric() {
            off = after;
            end = off;
            continue;
        }
        let next_alnum = s[after..].chars().next().is_some_and(char::is_alphanumeric);
        if is_joiner(c) && next_alnum {
            off = after;
            continue;
        }
        // Initialisms and decimals: U.S, e.g, 3.5 (one letter or digits
        // before the dot, a letter or digit after).
        if c == '.' && next_alnum && (off - last_dot_part == 1 || is_digits(&s[last_dot_part..off]))
        {
            last_dot_part = off + 1;
            off = after;
            continue;
        }
        if c == ',' && next_alnum && is_digits(&s[last_dot_part..off]) {
            off = after;
            continue; // 1,000
        }
        break;
    }
    let mut w_end = start + end;
    let w = &text[start..w_end];
    // Keep the full stop of abbreviations, initials and initialisms.
    if text[w_end..limit].starts_with('.') {
        let f = lexicon::flags(w);
        let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        if f & flag::ABBREV != 0 || initial || w.contains('.') {
            w_end += 1;
        }
    }
    // Split a possessive ’s off the name it follows.
    let w = &text[start..w_end];
    let (base_end, possessive) = match w.char_indices().rev().nth(1) {
        Some((i, c)) if is_apostrophe(c) && w[i + c.len_utf8()..].eq_ignore_ascii_case("s") => {
            (start + i, true)
        }
        _ => (w_end, false),
    };
    let base = &text[start..base_end];
    if !base.is_empty() {
        list.push(token(
            start,
            base_end,
            Kind::Word,
            shape(base),
            lexicon::flags(base),
        ));
    }
    if possessive {
        list.push(token(
            base_end,
            w_end,
            Kind::Possessive,
            Shape::Other,
            lexicon::flags("'s"),
        ));
    }
    w_end.max(start + 1)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn shape(w: &str) -> Shape {
    if w.is_ascii() {
        return ascii_shape(w.as_bytes());
    }
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if first.is_ascii_digit() || first.is_numeric() {
        return Shape::Digit;
    }
    if first.is_lowercase() {
        return Shape::Lower;
    }
    if !first.is_uppercase() {
        return Shape::Other;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        Shape::Upper
    } else {
        Shape::Capital
    }
}

/// [`shape`] of an ASCII word, a byte at a time.
fn ascii_shape(w: &[u8]) -> Shape {
    match w.first() {
        None => Shape::Other,
        Some(b) if b.is_ascii_digit() => Shape::Digit,
        Some(b) if b.is_ascii_lowercase() => Shape::Lower,
        Some(b) if !b.is_ascii_uppercase() => Shape::Other,
        Some(_) => {
            let mut letters = w.iter().filter(|b| b.is_ascii_alphabetic());
            if letters.clone().count() >= 2 && letters.all(u8::is_ascii_uppercase) {
                Shape::Upper
            } else {
                Shape::Capital
            }
        }
    }
}

/// No sentence of prose runs this long; a run of tokens that does (a list
/// of thousands of quotations with no full stop) is cut, since attribution
/// reads a quotation's whole sentence for each quotation in it.
const MAX_SENTENCE_TOKENS: usize = 1024;

/// Assign sentence numbers; return the first token of each sentence.
fn mark_sentences(text: &str, list: &mut [Token]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut sentence = 0u32;
    for i in 0..list.len() {
        list[i].sentence = sentence;
        let Some(next) = list.get(i + 1) else { break };
        let long = i + 1 - starts.last().copied().unwrap_or(0) >= MAX_SENTENCE_TOKENS;
        if ends_sentence(text, &list[i], next) || long {
            sentence += 1;
            starts.push(i + 1);
        }
    }
    starts
}

/// Does a sentence end after `t`, given the token `next` that follows?
fn ends_sentence(text: &str, t: &Token, next: &Token) -> bool {
    let next_starts = next.is_capitalised()
        || next.quote().is_some()
        || next.shape == Shape::Digit
        || matches!(next.kind, Kind::Punct('(' | '['));
    match t.kind {
        // A full stop with a word right after it, no space, is inside an
        // abbreviation: "(D-N.Y.)".
        Kind::Punct('.') if next.kind == Kind::Word && next.start == t.end => false,
        // "Mitch McConnell, R-Ky., said": a full stop before a comma
        // closes an abbreviation, not the sentence.
        Kind::Punct('.' | '!' | '?' | '…') => {
            !next.is_lower_word() && !matches!(next.kind, Kind::Punct(',' | ';' | ')'))
        }
        Kind::Punct(')') => false,
        Kind::Word if text[t.start..t.end].ends_with('.') => {
            // "U.S. officials" goes on; "…the U.S. He said" does not.
            // Honorifics and initials never end a sentence.
            !t.has(flag::HONORIFIC)
                && t.end - t.start > 2
                && next.is_capitalised()
                && next.has(flag::STOP | flag::PRONOUN)
        }
        Kind::Quote(_) => {
            let inner = text[t.start..t.end].trim_end_matches(|c: char| {
                matches!(c, '”' | '"' | '’' | '\'' | '»' | '›') || c.is_whitespace()
            });
            inner.ends_with(['.', '!', '?', '…']) && next_starts
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len(), &[])
            .list
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_initialisms() {
        assert_eq!(
            words("The U.S.-led don’t Biden-Xi 1,000 3.5 Jr.for"),
            [
                "The", "U.S.", "-", "led", "don’t", "Biden-Xi", "1,000", "3.5", "Jr.", "for"
            ]
        );
    }

    #[test]
    fn possessives_are_split_off() {
        assert_eq!(
            words("Russia’s minister and the students’ union"),
            [
                "Russia", "’s", "minister", "and", "the", "students", "’", "union"
            ]
        );
    }

    #[test]
    fn quotations_are_single_tokens() {
        let text = "“Hi there,” he said.";
        let t = tokenize(text, 0..text.len(), &[(0..text.find(',').unwrap() + 4, 0)]);
        assert_eq!(t.list[0].kind, Kind::Quote(0));
        assert_eq!(&text[t.list[1].start..t.list[1].end], "he");
    }

    #[test]
    fn a_run_longer_than_any_sentence_is_cut() {
        let text = "word ".repeat(3 * MAX_SENTENCE_TOKENS);
        let t = tokenize(&text, 0..text.len(), &[]);
        assert_eq!(t.sentence_starts.len(), 3);
        assert_eq!(t.sentence_end(0), MAX_SENTENCE_TOKENS);
    }

    #[test]
    fn sentences_split_at_full_stops_but_not_after_titles() {
        let text = "Mr. Smith met Dr. Jones. He left. The U.S. officials stayed.";
        let t = tokenize(text, 0..text.len(), &[]);
        assert_eq!(t.sentence_starts.len(), 3);
    }
}
