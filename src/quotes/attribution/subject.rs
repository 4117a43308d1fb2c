//! The subject of an attribution verb: the noun phrase before it, past
//! adverbs, time phrases and negations ("has in the past described",
//! "didn't say"), through relative clauses ("Smith, who said") and
//! affiliations ("Maria Gomez of Barclays said" is Gomez, not Barclays).

use super::*;

/// What the subject of the finite verb at `verb` is.
pub(super) enum Found {
    Subject(Subject),
    /// "… and added": the verb shares the main clause's subject.
    Coordinated,
    Negated,
    Nothing,
}

pub(super) fn subject_of(p: &Parsed, text: &str, verb: usize, limit: usize) -> Found {
    let mut k = verb;
    let mut negated = false;
    let mut steps = 0;
    while k > limit && steps < 6 {
        let Some(w) = t(p, k - 1) else { break };
        let word = p.word(text, k - 1);
        let skippable = w.is_word()
            && !w.has(flag::PRONOUN)
            && p.mention_ending(k - 1).is_none()
            && (w.has(flag::SKIP | flag::NEGATION | flag::TIME)
                || word.ends_with("n't")
                || word.ends_with("n’t"));
        if !skippable {
            // "has in the past described", "had for years called": a time
            // phrase between the auxiliary and the verb.
            if let Some(from) = time_phrase_ending(p, k - 1, limit) {
                steps += k - from;
                k = from;
                continue;
            }
            break;
        }
        negated |= w.has(flag::NEGATION) || word.ends_with("n't") || word.ends_with("n’t");
        k -= 1;
        steps += 1;
    }
    if k > limit && has(p, k - 1, flag::CONJ) && !has(p, k - 1, flag::SUBORD) {
        return Found::Coordinated;
    }
    if k > limit && has(p, k - 1, flag::RELATIVE) {
        // "Smith, who said …": the antecedent.
        let r = k - 1;
        let end = if r > limit && t(p, r - 1).is_some_and(|x| x.is_punct(',')) {
            r - 1
        } else {
            r
        };
        return match np_before(p, text, end, limit) {
            Some((s, _)) if negated => {
                let _ = s;
                Found::Negated
            }
            Some((s, _)) => Found::Subject(s),
            None => Found::Nothing,
        };
    }
    match np_before(p, text, k, limit) {
        Some(_) if negated => Found::Negated,
        Some((s, start)) => {
            let s = affiliated(p, text, s, start, limit);
            Found::Subject(unclosed_appositive(p, &s, limit).unwrap_or(s))
        }
        None => Found::Nothing,
    }
}

/// "Jane Roe, the party's spokeswoman said": an appositive whose closing
/// comma the writer left out. The person opening the clause speaks, not
/// the role.
fn unclosed_appositive(p: &Parsed, s: &Subject, limit: usize) -> Option<Subject> {
    let Subject::Description { tokens, .. } = s else {
        return None;
    };
    // The determiner is not always among the description's tokens.
    let mut start = tokens.start;
    if start > limit && has(p, start - 1, flag::DET) && !has(p, start - 1, flag::PRONOUN) {
        start -= 1;
    }
    if start < limit + 2 || !t(p, start - 1)?.is_punct(',') {
        return None;
    }
    let m = p.mention_ending(start - 2)?;
    let first = p.mentions[m].first();
    // The name opens the clause: the sentence, or right after a quotation.
    let opens = first == limit
        || first
            .checked_sub(1)
            .and_then(|k| t(p, k))
            .is_some_and(|x| x.quote().is_some() || x.is_punct(','));
    let person = p.mentions[m].kind == NameKind::Person && !p.mentions[m].possessive;
    (opens && person).then_some(Subject::Named(m))
}

/// Where a time phrase starts whose time words were just skipped and
/// whose preposition or determiner is at `last`: "in the past", "for
/// years", "at one point".
fn time_phrase_ending(p: &Parsed, last: usize, limit: usize) -> Option<usize> {
    if !has(p, last + 1, flag::TIME | flag::WEEKDAY) {
        return None;
    }
    let mut k = last;
    while k >= limit && k + 3 > last {
        if has(p, k, flag::PREP) {
            return Some(k);
        }
        if !has(p, k, flag::DET) || k == 0 {
            return None;
        }
        k -= 1;
    }
    None
}

/// Prepositions that tie a speaker to where they work: "Maria Gomez of
/// Barclays", "a spokesman for the ministry", "Dr. Li at Stanford".
pub(super) const AFFILIATION: &[&str] = &["of", "at", "from", "for", "with"];

/// The speaker of "X of Y said" is X, not their employer Y: when the noun
/// phrase found before the verb (starting at `start`) follows an
/// affiliation preposition, the phrase before that is the subject.
fn affiliated(p: &Parsed, text: &str, s: Subject, start: usize, limit: usize) -> Subject {
    // "of The Nation": the determiner the name left out; "of Columbia,
    // South Carolina": a town and its state.
    let mut start = start;
    if let Subject::Named(m) = &s
        && p.mentions[*m].kind != NameKind::Person
        && start > limit + 2
        && has(p, start - 1, flag::DET)
        && !has(p, start - 1, flag::PRONOUN)
    {
        start -= 1;
    }
    if let Subject::Named(m) = &s
        && p.mentions[*m].kind == NameKind::Place
        && start > limit + 2
        && t(p, start - 1).is_some_and(|x| x.is_punct(','))
        && let Some(town) = p.mention_ending(start - 2)
    {
        start = p.mentions[town].first();
    }
    if start < limit + 2
        || !t(p, start - 1).is_some_and(|x| x.is_word())
        || !AFFILIATION.contains(&p.word(text, start - 1).to_lowercase().as_str())
    {
        return s;
    }
    let end = match &s {
        Subject::Named(m) => p.mentions[*m].name.end,
        Subject::Description { tokens, .. } => tokens.end,
        _ => start,
    };
    match np_before(p, text, start - 1, limit) {
        // An unnamed source keeps its affiliation: "a spokesman for the
        // ministry".
        Some((
            Subject::Description {
                tokens,
                head,
                det: det @ (Det::Indefinite | Det::Bare),
            },
            _,
        )) => Subject::Description {
            tokens: tokens.start..end,
            head,
            det,
        },
        Some((outer @ (Subject::Named(_) | Subject::Description { .. }), _)) => outer,
        _ => s,
    }
}
