//! What the words around a name tell about its bearer: the appositive
//! after it (", a spokeswoman for Acme,") and the person's sex, from a
//! given name or a gendered role.

use super::*;

/// ", a spokeswoman for Acme," / ", the company's chief executive," /
/// ", 45," after a name. Returns the appositive's tokens without the
/// article, or an empty range.
pub(super) fn appositive(text: &str, t: &[Token], end: usize) -> Range<usize> {
    if !t.get(end).is_some_and(|c| c.is_punct(',')) {
        return end..end;
    }
    let mut s = end + 1;
    // "Schilling, through a spokeswoman,": an adjunct, not who he is.
    // ("Roe, of Ohio," still tells where she is from.)
    if t.get(s)
        .is_some_and(|w| w.has(flag::PREP) && !text[w.start..w.end].eq_ignore_ascii_case("of"))
    {
        return end..end;
    }
    if t.get(s).is_some_and(|w| w.shape == Shape::Digit) {
        // An age: ", 45," is evidence of a person but not a role.
        return if t.get(s + 1).is_some_and(|c| c.is_punct(',')) {
            s..s
        } else {
            end..end
        };
    }
    if t.get(s)
        .is_some_and(|w| w.has(flag::DET) && !w.has(flag::PRONOUN))
    {
        s += 1;
    }
    let mut e = s;
    let mut titled = false;
    while e < t.len() && e < s + 10 {
        let w = &t[e];
        match w.kind {
            Kind::Word => {
                if w.has(flag::ATTRIBUTING) && w.has(flag::VERB_FORM) && !w.has(flag::TITLE) {
                    return end..end;
                }
                if w.has(flag::RELATIVE | flag::PRONOUN) {
                    return end..end;
                }
                titled |= w.has(flag::TITLE | flag::DESC_PERSON);
                e += 1;
            }
            Kind::Possessive => e += 1,
            Kind::Punct(',') | Kind::Punct('.') | Kind::Punct(';') => break,
            _ => return end..end,
        }
    }
    if titled && e > s { s..e } else { end..end }
}

/// Gender from a given name: the first word, or the second for names
/// written family name first ("Xi Jinping").
pub(super) fn given_name_gender(t: &[Token], name: Range<usize>) -> Option<Gender> {
    if name.len() < 2 {
        return None;
    }
    let leading = &t[name.start..name.end - 1];
    let candidates = if leading.iter().any(|w| w.has(flag::GIVEN)) || name.len() > 2 {
        leading
    } else {
        &t[name.end - 1..name.end]
    };
    for w in candidates.iter().filter(|w| w.has(flag::GIVEN)) {
        let f = w.flags & (flag::FEMALE | flag::MALE);
        if f == flag::FEMALE {
            return Some(Gender::Female);
        }
        if f == flag::MALE {
            return Some(Gender::Male);
        }
        if f != 0 {
            return Some(Gender::Unknown);
        }
    }
    None
}

/// Gender told by role words (Mrs., spokeswoman, King).
pub(super) fn gender_of(t: &[Token], r: Range<usize>) -> Gender {
    for w in &t[r] {
        if w.has(flag::TITLE) {
            let f = w.flags & (flag::FEMALE | flag::MALE);
            if f == flag::FEMALE {
                return Gender::Female;
            }
            if f == flag::MALE {
                return Gender::Male;
            }
        }
    }
    Gender::Unknown
}
