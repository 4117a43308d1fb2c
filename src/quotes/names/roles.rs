//! Where a run of capitalised words stops being a role and starts being
//! a name: "Russian Foreign Minister | Sergei Lavrov", "Secretary of
//! State | John Kerry".

use super::*;

/// Words that are not a plain name word: before a title, they leave it a
/// title ("Foreign Minister"), not a family name ("Howard Dean").
const NOT_NAME: u64 = flag::TITLE
    | flag::HONORIFIC
    | flag::ROLE_MOD
    | flag::PLACE
    | flag::NATIONALITY
    | flag::ORG_HEAD
    | flag::MEDIA
    | flag::STOP;

/// Split a run into role and name: the role runs to the last title word
/// ("Russian Foreign Minister"), or through "Title of Place" ("Secretary of
/// State", "President of Russia"). Returns (end of role, end of name), the
/// name ending early at an "of" that follows it.
pub(super) fn split_role(text: &str, t: &[Token], r: Range<usize>) -> (usize, usize) {
    let mut role_end = r.start;
    let mut in_name = false;
    let mut i = r.start;
    while i < r.end {
        let w = &t[i];
        // "Mr. King", "Anna King", "Peter T. King of New York": a title
        // after an honorific, a given name or an initial is a family name.
        // At the end of a run, a title after any plain name word is one
        // too ("Howard Dean").
        let surname = i > r.start
            && (t[i - 1].has(flag::HONORIFIC)
                || t[i - 1].has(flag::GIVEN) && !t[i - 1].has(flag::TITLE)
                || is_initial(&t[i - 1], text)
                || i + 1 == r.end && t[i - 1].is_capitalised() && !t[i - 1].has(NOT_NAME))
            && !w.has(flag::HONORIFIC);
        if surname {
            in_name = true;
        }
        if !in_name && ((w.has(flag::TITLE) && !w.has(flag::GIVEN)) || w.has(flag::HONORIFIC)) {
            role_end = i + 1;
        } else if &text[w.start..w.end] == "of" && role_end == i {
            // "Secretary of State", "Minister of Foreign Affairs".
            let mut k = i + 1;
            while k < r.end
                && t[k].has(flag::ROLE_MOD | flag::PLACE | flag::ORG_HEAD | flag::NATIONALITY)
                && !t[k].has(flag::GIVEN)
            {
                k += 1;
            }
            if k > i + 1 {
                role_end = k;
                i = k;
                continue;
            }
        } else if &text[w.start..w.end] == "of"
            && role_end < i
            && !t[role_end..i].iter().any(|w| w.has(flag::ORG_HEAD))
            && (role_end > r.start || t[role_end].has(flag::GIVEN) || i >= role_end + 2)
        {
            // "of" after a personal name ("Fumio Kishida of Japan"): the
            // name ends here. Organisations keep theirs ("Bank of England").
            return (role_end, i);
        }
        i += 1;
    }
    // A title at the very end is a role with no name ("the Foreign
    // Minister"), unless the whole run is a title-like surname.
    (role_end.min(r.end), r.end)
}

/// An initial inside a name: "T." in "Peter T. King".
fn is_initial(w: &Token, text: &str) -> bool {
    let s = &text[w.start..w.end];
    s.len() == 2 && s.ends_with('.') && s.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Extend a role backwards over lower-case role words and a possessive
/// place: "Chinese foreign ministry spokesman", "Russia’s Foreign
/// Minister". The extension must contain a title word.
pub(super) fn extend_role_back(text: &str, t: &[Token], start: usize) -> usize {
    let mut k = start;
    let mut titled = false;
    let limit = start.saturating_sub(7);
    while k > limit {
        let w = &t[k - 1];
        if w.sentence != t[start].sentence {
            break;
        }
        if w.kind == Kind::Word && w.has(flag::TITLE | flag::ROLE_MOD | flag::NATIONALITY) {
            titled |= w.has(flag::TITLE);
            k -= 1;
        } else if w.kind == Kind::Possessive
            && k >= 2
            && t[k - 2].is_capitalised()
            && t[k - 2].has(flag::PLACE | flag::ORG_HEAD | flag::NATIONALITY)
        {
            k -= 2;
        } else if w.kind == Kind::Word
            && w.is_capitalised()
            && k < start
            && t[k].has(flag::TITLE | flag::ROLE_MOD)
            && !w.has(flag::STOP)
        {
            // "Kremlin spokesman", "Apple chief executive".
            k -= 1;
        } else {
            break;
        }
    }
    let _ = text;
    if titled { k } else { start }
}
