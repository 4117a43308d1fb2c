//! Headlines and titles: whether the first story paragraph reads like a
//! headline, and, when there is none, a title made from the lede's first
//! sentence with link residue and a wire dateline ("WASHINGTON (Reuters)
//! - ") taken off, the wire's name kept as the source.

use std::sync::LazyLock;

use super::pattern::Pattern;
use super::words::{count_words, flatten};

/// Longest paragraph taken for a headline.
const MAX_HEADLINE_CHARS: usize = 200;
const MAX_HEADLINE_WORDS: usize = 30;
/// A headline that ends with a full stop is rare but happens when short.
const MAX_HEADLINE_WORDS_WITH_PERIOD: usize = 14;
/// Derived titles are cut to about this many characters.
pub(super) const DERIVED_TITLE_CHARS: usize = 90;

/// A wire dateline opening the lede: "WASHINGTON (Reuters) - ".
static WIRE_DATELINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:(?P<place>[A-Z][A-Z .'/-]{1,40}?)(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?)?\s*\((?P<src>[^)]{1,40})\)\s*[-–—]+\s*",
    )
});
/// Junk left where a link was stripped, at the start of a lede: "( – ".
static LEADING_RESIDUE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^[\s(\[{|•·*–—-]*[)\]}]?[\s|•·*–—-]*"));

/// Short; ending in a full stop only when shorter still or in headline
/// style; not opened by link residue.
pub(super) fn looks_like_headline(p: &str) -> bool {
    let flat = flatten(p);
    let words = count_words(&flat);
    let ends_period = flat.ends_with('.') && !flat.ends_with("..");
    flat.chars().count() <= MAX_HEADLINE_CHARS
        && (1..=MAX_HEADLINE_WORDS).contains(&words)
        && (!ends_period || words <= MAX_HEADLINE_WORDS_WITH_PERIOD || title_case(&flat, 3, 8))
        && !LEADING_RESIDUE
            .find(&flat)
            .is_some_and(|m| m.end() > 0 && m.as_str().trim() != "")
}

/// Headline style: at least `min_long` words of four letters or more, and
/// at least `tenths`/10 of them capitalised. No sentence of a story reads
/// so, full stop or not. Shared with the quotation engine, which asks less.
pub fn title_case(s: &str, min_long: usize, tenths: usize) -> bool {
    let (mut long, mut caps) = (0, 0);
    for w in s.split_whitespace() {
        // ASCII words (nearly all) are trimmed and measured in bytes: the
        // quotation engine asks this of every quoted paragraph.
        let (chars, capital) = if w.is_ascii() {
            let w = w.as_bytes();
            let first = w.iter().position(u8::is_ascii_alphanumeric);
            let last = w.iter().rposition(u8::is_ascii_alphanumeric);
            match (first, last) {
                (Some(a), Some(b)) => (b + 1 - a, w[a].is_ascii_uppercase()),
                _ => (0, false),
            }
        } else {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            (
                w.chars().count(),
                w.chars().next().is_some_and(char::is_uppercase),
            )
        };
        if chars >= 4 {
            long += 1;
            caps += usize::from(capital);
        }
    }
    long >= min_long && caps * 10 >= long * tenths
}

/// Remove link residue and a wire dateline from the start of a lede,
/// returning the wire's name ("Reuters") when there was one.
pub(super) fn strip_lede_prefix(lede: &str) -> (String, Option<String>) {
    let mut s = flatten(lede);
    let residue = LEADING_RESIDUE.find(&s).map_or(0, |m| m.end());
    s.drain(..residue);
    let mut wire = None;
    if let Some(c) = WIRE_DATELINE.captures(&s) {
        let src = c["src"].trim().to_string();
        if !src.is_empty() && src.chars().any(char::is_alphabetic) {
            wire = Some(src);
        }
        let end = c.get(0).map_or(0, |m| m.end());
        s.drain(..end);
    }
    (s, wire)
}

/// The lede's first sentence, cut at a word boundary when long.
pub(super) fn title_from_lede(lede: &str) -> String {
    let sentence = first_sentence(lede);
    if sentence.chars().count() <= DERIVED_TITLE_CHARS {
        return sentence.trim_end_matches('.').to_string();
    }
    let mut cut = 0;
    for (i, c) in sentence.char_indices() {
        if sentence[..i].chars().count() >= DERIVED_TITLE_CHARS {
            break;
        }
        if c == ' ' {
            cut = i;
        }
    }
    let head = sentence[..cut].trim_end_matches([',', ';', ':', ' ', '–', '—', '-']);
    format!("{head}…")
}

/// Up to the first full stop that ends a sentence (not "U.S." or "Mr.").
fn first_sentence(text: &str) -> &str {
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!') {
            let next = text[i + 1..].chars().next();
            let after = text[i + 1..].trim_start().chars().next();
            let prev_word = text[..i].rsplit(' ').next().unwrap_or("");
            let abbreviation = prev_word.len() <= 3
                && prev_word.chars().next().is_some_and(char::is_uppercase)
                || prev_word.contains('.');
            if next.is_none_or(|n| n == ' ')
                && after.is_none_or(|a| a.is_uppercase() || a == '“' || a == '"')
                && !abbreviation
            {
                return &text[..i + 1];
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        assert!(WIRE_DATELINE.compiled() && LEADING_RESIDUE.compiled());
    }
}
