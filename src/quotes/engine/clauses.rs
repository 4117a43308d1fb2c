//! Where a clause's speaker sits away from its nearest verb: a finite
//! verb after a name, the subject a coordinated verb shares, the source
//! giving an account of someone else's words.

use super::*;

/// "Roe said Lee called the plan “a disaster”": words reported inside
/// someone's account are credited to the one giving the account, the
/// source the writer heard them from.
pub(super) fn outer_source(p: &Parsed, text: &str, clue: Clue, start: usize) -> Clue {
    let Clue::Said { subject, verb } = &clue else {
        return clue;
    };
    let first = match subject {
        Subject::Named(m) => p.mentions[*m].first(),
        Subject::Pronoun(i) => *i,
        _ => return clue,
    };
    let mut v = first;
    if v > start && p.word(text, v - 1) == "that" {
        v -= 1;
    }
    let said = v > start + 1 && {
        let w = &p.toks.list[v - 1];
        w.is_lower_word() && w.has(flag::SPEECH) && w.has(flag::PAST | flag::PRES3)
    };
    // Only a subject before its verb ("said Roe" is no account).
    if !said || *verb < first || verb - first > ADJUNCT_MAX_TOKENS * 2 {
        return clue;
    }
    match attribution::before(p, text, v, start) {
        // A document's account ("the statement noted they had said …")
        // keeps the words with those it reports.
        Some(Clue::Said {
            subject: Subject::Description { head, .. },
            ..
        }) if p.toks.list[head].has(flag::DESC_DOC) => clue,
        Some(outer @ Clue::Said { verb: o, .. }) if o == v - 1 => outer,
        _ => clue,
    }
}

/// Words back from a coordinated verb to the conjunction opening its
/// clause.
const COORDINATED_REACH: usize = 12;

/// The subject of a subordinate clause whose second verb is at `verb`
/// ("when Roe knocked Lee and called him"): the name or pronoun right
/// after the conjunction.
pub(super) fn coordinated_subject(
    p: &Parsed,
    text: &str,
    start: usize,
    verb: usize,
) -> Option<Subject> {
    let and = verb.checked_sub(1).filter(|&a| a > start)?;
    if p.word(text, and) != "and" {
        return None;
    }
    let sub = (start..and).rev().take(COORDINATED_REACH).find(|&i| {
        let w = &p.toks.list[i];
        w.is_word() && w.has(flag::SUBORD) && !w.has(flag::PREP)
    })?;
    let s = attribution::main_subject(p, text, sub + 1, and)?;
    matches!(s, Subject::Named(_) | Subject::Pronoun(_)).then_some(s)
}

/// A finite verb at token `i`, maybe after an adverb: "[Sanders] says",
/// "[Sanders] also bemoaned" — not "[Facing] mounting criticism" or
/// "[Hastily] politicizing", whose first word opens a fronted clause.
/// An unknown word ending in -s counts only when `guess_s` ("Sanders
/// insists"): it may be a plural noun ("Similar firearms sell").
pub(super) fn verb_after(p: &Parsed, text: &str, i: usize, guess_s: bool) -> bool {
    let list = &p.toks.list;
    let i = if list
        .get(i)
        .is_some_and(|t| t.is_word() && t.has(flag::SKIP))
    {
        i + 1
    } else {
        i
    };
    list.get(i).is_some_and(|t| {
        let w = p.word(text, i);
        t.is_lower_word()
            && !t.has(flag::PREP | flag::DET | flag::CONJ | flag::ING)
            && (t.has(flag::PAST | flag::PRES3) || w.ends_with("ed") || guess_s && w.ends_with('s'))
    })
}
