//! Names spoken for together: "Xi and Putin declared", "said Roe, Moss
//! and Park", "he and Putin" (nobody in particular).

use super::*;

/// Most names spoken for together: "Smith, Jones and Brown".
const MAX_COORDINATED: usize = 4;

/// "Xi and Putin", "Smith, Jones and Brown", "he and Putin": the names
/// joined to mention `m` from before it, and where the first starts.
pub(super) fn coordinated(p: &Parsed, m: usize, limit: usize) -> Option<(Subject, usize)> {
    let joiner = |k: usize| {
        t(p, k).is_some_and(|x| {
            x.is_punct('&') || x.is_punct(',') || (x.is_word() && x.has(flag::CONJ))
        })
    };
    let mut names = vec![m];
    let mut first = p.mentions[m].first();
    let mut pronoun = false;
    // The joiner right before the last name must be "and" / "&".
    while first >= limit + 2 && joiner(first - 1) && names.len() < MAX_COORDINATED {
        let comma = t(p, first - 1).is_some_and(|x| x.is_punct(','));
        if names.len() == 1 && comma {
            break;
        }
        // "Smith, Jones, and Brown": the serial comma joins too.
        let gap =
            if !comma && first >= limit + 3 && t(p, first - 2).is_some_and(|x| x.is_punct(',')) {
                2
            } else {
                1
            };
        let before = first - gap - 1;
        if let Some(prev) = p.mention_ending(before) {
            names.push(prev);
            first = p.mentions[prev].first();
        } else if has(p, before, flag::PRONOUN) {
            pronoun = true;
            first = before;
            break;
        } else {
            break;
        }
    }
    if names.len() == 1 && !pronoun {
        return None;
    }
    names.reverse();
    if pronoun {
        names.clear();
    }
    Some((Subject::Several(names), first.max(limit)))
}

/// The noun phrase starting at token `i`, and the token after it; a name
/// joined by "and" to more names makes them one subject ("said Smith and
/// Jones", "experts Jane Roe and Lee Moss wrote").
pub fn np_after(p: &Parsed, text: &str, i: usize) -> Option<(Subject, usize)> {
    let (s, end) = noun_phrase::np_after_one(p, text, i)?;
    let Subject::Named(m) = s else {
        return Some((s, end));
    };
    // Names after commas count only when an "and" closes the list.
    let name_at = |k: usize| {
        p.mention_starting(k)
            .filter(|&n| !p.mentions[n].possessive && p.mentions[n].kind != NameKind::Place)
    };
    let and_at = |k: usize| {
        t(p, k).is_some_and(|x| x.is_punct('&'))
            || (t(p, k).is_some_and(|x| x.is_lower_word()) && p.word(text, k) == "and")
    };
    let mut names = vec![m];
    let mut k = end;
    while names.len() < MAX_COORDINATED {
        let comma = t(p, k).is_some_and(|x| x.is_punct(','));
        let (joiner_end, closes) = if and_at(k) {
            (k + 1, true)
        } else if comma && and_at(k + 1) {
            (k + 2, true)
        } else if comma {
            (k + 1, false)
        } else {
            break;
        };
        let Some(n) = name_at(joiner_end) else { break };
        names.push(n);
        k = p.mentions[n].name.end;
        if closes {
            return Some((Subject::Several(names), k));
        }
    }
    Some((Subject::Named(m), end))
}
