//! Quotation-mark classification: is this “ ” " ‘ ’ ' « » an opening mark,
//! a closing mark, or an apostrophe?
//!
//! Curly marks say which side they are on, but sloppy copy uses them the
//! wrong way round; straight marks say nothing. What tells is the context:
//! a mark with a space before and a word after opens, one with a word
//! before and a space after closes. Single marks are also apostrophes
//! (Lavrov's, don’t, ’90s, students’), which only the pairing can settle
//! for a mark after a plural ("the students’ union" vs "‘no limits’").

use std::ops::Range;

/// Double marks (“ ” " « » „) and single marks (‘ ’ ' ‹ › ‚) pair only with
/// their own family; the other family nests inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

/// What a mark does, as far as its surroundings tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Open,
    Close,
    /// A straight double mark with no telling context: it closes an open
    /// quotation, otherwise it opens one.
    Either,
    /// A single mark before a word: it opens only if a closing mark follows.
    OpenOrApostrophe,
    /// A single mark after a word: it closes an open single quotation,
    /// otherwise it is an apostrophe (students’).
    CloseOrApostrophe,
    Apostrophe,
}

/// One quotation-mark character in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range of the mark in the article text.
    pub range: Range<usize>,
    pub family: Family,
    pub side: Side,
}

/// Words that start with an elided letter: ’em, ’til, ’n’. A mark before
/// them is an apostrophe.
const ELISIONS: &[&str] = &[
    "em", "tis", "twas", "til", "cause", "n", "bout", "nuff", "cept", "fraid", "round",
];

/// The quotation-mark family and written side of `c`, if it is one.
/// The side is `None` for marks whose glyph does not tell.
fn glyph(c: char) -> Option<(Family, Option<Side>)> {
    Some(match c {
        '“' | '„' | '‟' | '«' => (Family::Double, Some(Side::Open)),
        '”' | '»' => (Family::Double, Some(Side::Close)),
        '"' => (Family::Double, None),
        '‘' | '‚' | '‛' | '‹' => (Family::Single, Some(Side::Open)),
        '’' | '›' => (Family::Single, Some(Side::Close)),
        '\'' => (Family::Single, None),
        _ => return None,
    })
}

/// True for bytes that may start a quotation-mark character; lets the scan
/// skip everything else without decoding.
#[inline]
fn may_start_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// Characters after which a mark is on the opening side: nothing, space,
/// an opening bracket, a dash or another quotation mark.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | '…')
                || glyph(c).is_some()
        }
    }
}

/// Characters before which a mark is on the closing side: nothing, space,
/// punctuation that follows a word, a closing bracket or another mark.
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '>'
                        | '—'
                        | '–'
                        | '-'
                        | '…'
                        | '/'
                )
                || glyph(c).is_some()
        }
    }
}

/// Classify every quotation mark in `text[range]`, appending to `out`.
pub fn classify(text: &str, range: Range<usize>, out: &mut Vec<Mark>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    while i < range.end {
        if !may_start_mark(bytes[i]) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..range.end].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c == '\'' && bytes.get(i + 1) == Some(&b'\'') {
            i = doubled(text, range.clone(), i, out);
            continue;
        }
        if let Some((family, written)) = glyph(c) {
            let before = text[range.start..i].chars().next_back();
            let after = text[i + len..range.end].chars().next();
            let side = side_of(family, written, before, after, &text[i + len..range.end]);
            out.push(Mark {
                range: i..i + len,
                family,
                side,
            });
        }
        i += len;
    }
}

/// Two straight single marks are one double mark, as in the NYT archive's
/// ''…''; a third belongs to a quotation nested at the same edge, closing
/// before the double one (…'Fox,''') or opening after it ('''Fox'…).
/// Classifies the run at `i` by what surrounds it; returns its end.
fn doubled(text: &str, range: Range<usize>, i: usize, out: &mut Vec<Mark>) -> usize {
    let run = text[i..range.end]
        .bytes()
        .take_while(|&b| b == b'\'')
        .count();
    let end = i + run;
    let before = text[range.start..i].chars().next_back();
    let after = text[end..range.end].chars().next();
    let side = side_of(Family::Double, None, before, after, &text[end..range.end]);
    let double = |at: usize| Mark {
        range: at..at + 2,
        family: Family::Double,
        side,
    };
    let single = |at: usize| Mark {
        range: at..at + 1,
        family: Family::Single,
        side: match side {
            Side::Open => Side::Open,
            Side::Close => Side::Close,
            _ => Side::Apostrophe,
        },
    };
    match run {
        2 => out.push(double(i)),
        3 if side == Side::Close => {
            out.push(single(i));
            out.push(double(i + 1));
        }
        3 => {
            out.push(double(i));
            out.push(single(i + 2));
        }
        // Longer runs are not quotation marks (ASCII art, typos).
        _ => {}
    }
    end
}

fn side_of(
    family: Family,
    written: Option<Side>,
    before: Option<char>,
    after: Option<char>,
    rest: &str,
) -> Side {
    let open_ctx = opens_after(before) && !closes_before(after);
    let close_ctx = !opens_after(before) && closes_before(after);
    match family {
        Family::Double => match written {
            // Curly marks keep their written side unless the context says
            // plainly the opposite (sloppy “…“ or ”…”).
            Some(Side::Open) if close_ctx => Side::Close,
            Some(Side::Close) if open_ctx => Side::Open,
            Some(side) => side,
            None if open_ctx => Side::Open,
            None if close_ctx => Side::Close,
            None => Side::Either,
        },
        Family::Single => {
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if alnum(before) && alnum(after) {
                return Side::Apostrophe; // don’t, Russia’s
            }
            if opens_after(before) && is_elision(rest) {
                return Side::Apostrophe; // ’90s, ’em, rock ’n’ roll
            }
            match written {
                Some(Side::Open) if close_ctx => Side::CloseOrApostrophe,
                Some(Side::Open) if open_ctx => Side::Open,
                Some(Side::Open) => Side::Apostrophe,
                _ if open_ctx => Side::OpenOrApostrophe,
                _ if close_ctx => Side::CloseOrApostrophe,
                _ => Side::Apostrophe,
            }
        }
    }
}

/// Text right after a single mark that makes it an apostrophe: two digits
/// (’90s) or an elided word (’em, ’til).
fn is_elision(rest: &str) -> bool {
    let b = rest.as_bytes();
    if b.len() >= 2
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b.get(2).is_none_or(|c| !c.is_ascii_digit())
    {
        return true;
    }
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    // "rock ’n’ roll": the n is followed by another mark.
    ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e))
        && (word_len < rest.len() || word.len() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides(text: &str) -> Vec<Side> {
        let mut out = Vec::new();
        classify(text, 0..text.len(), &mut out);
        out.into_iter().map(|m| m.side).collect()
    }

    #[test]
    fn curly_marks_keep_their_side() {
        assert_eq!(sides("“Yes,” he said."), [Side::Open, Side::Close]);
    }

    #[test]
    fn straight_marks_take_their_side_from_context() {
        assert_eq!(sides("\"Yes,\" he said."), [Side::Open, Side::Close]);
        assert_eq!(sides("a \" b"), [Side::Either]);
    }

    #[test]
    fn two_straight_single_marks_are_one_double_mark() {
        let mut out = Vec::new();
        let text = "''Yes,'' he said of 'it,''' and ''";
        classify(text, 0..text.len(), &mut out);
        let got: Vec<_> = out.iter().map(|m| (m.family, m.side)).collect();
        assert_eq!(
            got,
            [
                (Family::Double, Side::Open),
                (Family::Double, Side::Close),
                (Family::Single, Side::OpenOrApostrophe),
                (Family::Single, Side::Close),
                (Family::Double, Side::Close),
                (Family::Double, Side::Either),
            ]
        );
    }

    #[test]
    fn sloppy_curly_marks_are_turned_round() {
        // A curly opening mark used to close, and the reverse.
        assert_eq!(sides("“Yes,“ he said."), [Side::Open, Side::Close]);
        assert_eq!(sides("he said ”no”."), [Side::Open, Side::Close]);
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        assert_eq!(
            sides("Lavrov's don’t"),
            [Side::Apostrophe, Side::Apostrophe]
        );
        assert_eq!(
            sides("in the ’90s and '80s"),
            [Side::Apostrophe, Side::Apostrophe]
        );
        assert_eq!(
            sides("rock ’n’ roll"),
            [Side::Apostrophe, Side::CloseOrApostrophe]
        );
        assert_eq!(sides("the students’ union"), [Side::CloseOrApostrophe]);
    }

    #[test]
    fn single_quotation_marks_open_and_close() {
        assert_eq!(
            sides("will ‘get stronger’"),
            [Side::Open, Side::CloseOrApostrophe]
        );
        assert_eq!(
            sides("say 'Yes, sir,'"),
            [Side::OpenOrApostrophe, Side::CloseOrApostrophe]
        );
    }

    #[test]
    fn guillemets_are_double_marks() {
        let mut out = Vec::new();
        let t = "«Oui», dit-il.";
        classify(t, 0..t.len(), &mut out);
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|m| m.family == Family::Double));
    }
}
