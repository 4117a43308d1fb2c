//! Noun phrases around an attribution verb: the phrase before it (with
//! appositives and party tags skipped) and the phrase after it ("said the
//! official", "said Smith's lawyer, Jane Roe"). Which of them is the
//! verb's subject is `subject`'s job.

use super::*;

/// The noun phrase starting at token `i` (one name, description or
/// pronoun), and the token after it.
pub(super) fn np_after_one(p: &Parsed, text: &str, i: usize) -> Option<(Subject, usize)> {
    let tok = t(p, i)?;
    if tok.is_word() && tok.has(flag::PRONOUN) {
        return Some((Subject::Pronoun(i), i + 1));
    }
    if let Some(m) = p.mention_starting(i) {
        let mention = &p.mentions[m];
        // "Corporate lobbyists said", "Nuclear proliferation experts have",
        // "Attorneys for Clinton said": a sentence's capitalised first
        // word that opens or modifies a plural people noun.
        if mention.weak && mention.name.len() == 1 && !mention.possessive {
            let plural_head = |k: usize| {
                t(p, k).is_some_and(|x| {
                    x.has(flag::PLURAL) && x.has(flag::DESC_PERSON | flag::DESC_ORG)
                })
            };
            let head = if plural_head(i) {
                Some(i)
            } else {
                (i + 1..i + 3)
                    .take_while(|&k| {
                        t(p, k).is_some_and(|x| x.is_lower_word() && !x.has(flag::VERB_FORM))
                    })
                    .find(|&k| plural_head(k))
            };
            if let Some(head) = head {
                // "Perhaps young voters": an adverb is no part of them.
                let first = if has(p, i, flag::SKIP) { i + 1 } else { i };
                let tokens = phrase::with_post_modifiers(p, text, first..head + 1);
                return Some(description(tokens, head, Det::Bare));
            }
        }
        if mention.possessive {
            // "Twitter's Jane Roe said", "Smith's campaign manager Jane Roe
            // said": the person named.
            if let Some(n) = phrase::person_after_owner(p, text, mention.name.end + 1) {
                return Some((Subject::Named(n), p.mentions[n].name.end));
            }
            // "Smith's lawyer said": a description owned by a name.
            if is_head(p, mention.name.end + 1) {
                let head = mention.name.end + 1;
                if let Some((n, end)) = phrase::appositive_name(p, role_tail(p, text, head))
                    .or_else(|| phrase::appositive_name_within(p, head + 1))
                {
                    return Some((Subject::Named(n), end));
                }
                return Some((
                    Subject::Description {
                        tokens: i..head + 1,
                        head,
                        det: Det::Definite,
                    },
                    head + 1,
                ));
            }
        } else if let Some(n) = phrase::name_after_roles(p, text, mention.name.end).or_else(|| {
            // "Americans for Prosperity spokesman Jane Roe": an
            // organisation named "X for Y" before the role.
            phrase::name_after_roles(p, text, phrase::for_name_tail(p, text, mention.name.end)?)
        }) {
            // "Judicial Watch president Jane Roe", "Marist pollster Jane Roe".
            return Some((Subject::Named(n), p.mentions[n].name.end));
        }
        return Some((Subject::Named(m), mention.name.end));
    }
    // "about 200 protesters", "nearly three dozen aides": a count
    // hedged by an adverb.
    if hedged_count(p, text, i)
        && let Some((Subject::Description { tokens, head, det }, end)) = np_after(p, text, i + 1)
    {
        let tokens = i..tokens.end;
        return Some((Subject::Description { tokens, head, det }, end));
    }
    let det = det_kind(p, text, i);
    let mut start = if det.is_some() { i + 1 } else { i };
    // Where the description's words start: with its number, if any.
    let words = start;
    // "the three senators wrote", "the two write": a number after the
    // determiner, or standing for the people themselves.
    if det.is_some() && is_numeral(p, text, start) {
        let alone = t(p, start + 1).is_none_or(|x| !x.is_word()) || finite_verb(p, start + 1);
        if alone {
            return Some((
                Subject::Description {
                    tokens: start..start + 1,
                    head: start,
                    det: Det::Bare,
                },
                start + 1,
            ));
        }
        start += 1;
    }
    let mut k = start;
    while k < start + 7 {
        if let Some(m) = p.mention_starting(k) {
            let after = p.mentions[m].name.end;
            // "the Post's Jane Roe", "the Post's senior editor Jane Roe".
            if p.mentions[m].possessive
                && let Some(n) = phrase::person_after_owner(p, text, after + 1)
            {
                return Some((Subject::Named(n), p.mentions[n].name.end));
            }
            // "a State Department official", "the White House press
            // secretary": a name inside a description.
            let head = (after..after + 4)
                .take_while(|&h| h == after || is_modifier(p, h - 1))
                .find(|&h| is_head(p, h) && !is_head(p, h + 1));
            if let Some(det) = det
                && let Some(head) = head
                && p.mention_starting(head + 1).is_none()
            {
                // "the Vatican spokesman, Jane Roe, told": the person.
                if let Some((n, end)) = phrase::appositive_name_within(p, head + 1) {
                    return Some((Subject::Named(n), end));
                }
                // As "one Trump confidant" below: an unnamed source with
                // its own modifiers keeps what follows it.
                let tokens = if det == Det::Definite {
                    words..head + 1
                } else if head == after && !is(p, text, head + 1, "who") {
                    // "a State Department official in the room said".
                    phrase::with_place_phrase(p, text, words..head + 1)
                } else {
                    phrase::with_post_modifiers(p, text, words..head + 1)
                };
                return Some(description(tokens, head, det));
            }
            // "one Trump confidant": a name modifying an unnamed source.
            if det == Some(Det::Indefinite)
                && let Some(head) = lower_head(p, text, after)
            {
                if let Some((n, end)) = phrase::appositive_name_within(p, head + 1) {
                    return Some((Subject::Named(n), end));
                }
                let tokens = phrase::with_post_modifiers(p, text, words..head + 1);
                return Some(description(tokens, head, Det::Indefinite));
            }
            // "former FBI agent Jane Roe": the person after the roles.
            if !p.mentions[m].possessive
                && let Some(n) = phrase::name_after_roles(p, text, after)
            {
                return Some((Subject::Named(n), p.mentions[n].name.end));
            }
            // "the Danish consul, Lars Holm,": a role the lexicon does not
            // know, then the person in apposition.
            if det.is_some()
                && after > p.mentions[m].name.start
                && t(p, after).is_some_and(|x| x.is_lower_word())
                && let Some((n, end)) = phrase::appositive_name_within(p, after)
            {
                return Some((Subject::Named(n), end));
            }
            // "the state news agency TASS": the name is the subject.
            return Some((Subject::Named(m), after));
        }
        let more = is_head(p, k + 1)
            || (has(p, k + 1, flag::ROLE_MOD) && is_modifier(p, k + 1))
            || p.mention_starting(k + 1).is_some()
            || t(p, k + 1).is_some_and(|x| x.kind == Kind::Possessive);
        if is_head(p, k) && !more {
            // "former secretary of state Jane Roe": roles, then the name.
            if det.is_none()
                && let Some(n) = phrase::name_after_roles(p, text, start)
            {
                return Some((Subject::Named(n), p.mentions[n].name.end));
            }
            let k = phrase::last_noun(p, text, k, |e| is_modifier(p, e));
            let head_flags = t(p, k).map_or(0, |x| x.flags);
            let det = match det {
                Some(d) => d,
                None if head_flags & flag::PLURAL != 0 => Det::Bare,
                None => return None,
            };
            // "the company's spokesman, Jane Roe, said": the person named.
            if let Some((n, end)) = phrase::appositive_name(p, role_tail(p, text, k))
                .or_else(|| phrase::appositive_name_within(p, k + 1))
            {
                return Some((Subject::Named(n), end));
            }
            let tokens = if det == Det::Definite {
                words..k + 1
            } else {
                phrase::with_post_modifiers(p, text, words..k + 1)
            };
            return Some(description(tokens, k, det));
        }
        if !is_modifier(p, k) {
            return unlisted_head(p, text, det, start, k);
        }
        k += 1;
    }
    None
}

/// The token after a role head and its "of" complement ("chief of staff",
/// "secretary of state"), or after the head alone.
fn role_tail(p: &Parsed, text: &str, head: usize) -> usize {
    if is(p, text, head + 1, "of")
        && t(p, head + 2).is_some_and(|x| x.is_lower_word() && !x.has(flag::DET | flag::PRONOUN))
    {
        head + 3
    } else {
        head + 1
    }
}

/// "two", "three" (not "2008": a year modifies, it does not count).
fn is_numeral(p: &Parsed, text: &str, i: usize) -> bool {
    NUMBER_WORDS.iter().any(|w| is(p, text, i, w))
}

/// An unnamed source of `tokens`, and the token after it.
fn description(tokens: Range<usize>, head: usize, det: Det) -> (Subject, usize) {
    let end = tokens.end;
    (Subject::Description { tokens, head, det }, end)
}

/// "about 200", "nearly three": a count hedged by an adverb at `i`.
pub(super) fn hedged_count(p: &Parsed, text: &str, i: usize) -> bool {
    APPROXIMATORS.iter().any(|w| is(p, text, i, w))
        && (p
            .word(text, i + 1)
            .starts_with(|c: char| c.is_ascii_digit())
            || is_numeral(p, text, i + 1))
}

/// Adverbs that hedge a count: "about 200 protesters".
const APPROXIMATORS: &[&str] = &[
    "about", "nearly", "roughly", "around", "almost", "some", "over",
];

/// Counts that stand before a plural head or for the people themselves.
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
];

/// A determined noun phrase whose head the lexicon does not list, where
/// the attribution's shape leaves no doubt: "the crowd yelled", "said a
/// narrator", "tweeted another". `k` is the first token after the phrase.
fn unlisted_head(
    p: &Parsed,
    text: &str,
    det: Option<Det>,
    start: usize,
    k: usize,
) -> Option<(Subject, usize)> {
    let det = det?;
    let ends = match t(p, k) {
        None => true,
        Some(x) if x.is_word() => finite_verb(p, k) || x.has(flag::RELATIVE | flag::TIME),
        Some(x) => x.is_punct('.') || x.is_punct(',') || x.is_punct(';'),
    };
    if !ends {
        return None;
    }
    if k == start {
        // "tweeted another", "several said": the determiner stands alone.
        let w = p.word(text, start - 1).to_ascii_lowercase();
        return matches!(
            w.as_str(),
            "another" | "several" | "both" | "others" | "many" | "some"
        )
        .then(|| {
            (
                Subject::Description {
                    tokens: start - 1..start,
                    head: start - 1,
                    det: Det::Bare,
                },
                start,
            )
        });
    }
    let head = k - 1;
    if !t(p, head).is_some_and(|x| x.is_lower_word() && !x.has(flag::ING | flag::TIME)) {
        return None;
    }
    // "said the assailant, Jane Roe,": the person in apposition.
    if let Some((n, end)) = phrase::appositive_name(p, k) {
        return Some((Subject::Named(n), end));
    }
    Some((
        Subject::Description {
            tokens: start..k,
            head,
            det,
        },
        k,
    ))
}

/// The last of a run of lower-case nouns starting at `i` ("confidant",
/// "campaign aide"): the head of a phrase a name modifies.
fn lower_head(p: &Parsed, text: &str, i: usize) -> Option<usize> {
    let mut k = i;
    while k < i + 4
        && t(p, k).is_some_and(|x| x.is_lower_word())
        && is_modifier(p, k)
        && !has(p, k, flag::TIME | flag::VERB_FORM | flag::NOUNLIKE_SPEECH)
        && p.word(text, k) != "of"
    {
        k += 1;
    }
    (k > i).then(|| k - 1)
}

/// The noun phrase ending just before token `end`, not reaching before
/// `limit`, and where it starts.
pub fn np_before(p: &Parsed, text: &str, end: usize, limit: usize) -> Option<(Subject, usize)> {
    if end <= limit {
        return None;
    }
    let last = end - 1;
    let tok = t(p, last)?;
    if tok.is_word() && tok.has(flag::PRONOUN) {
        return Some((Subject::Pronoun(last), last));
    }
    if let Some(m) = p.mention_ending(last) {
        let first = p.mentions[m].first().max(limit);
        if let Some(several) = super::coordination::coordinated(p, m, limit) {
            return Some(several);
        }
        return Some((Subject::Named(m), first));
    }
    // "Gov. Jane Roe (R-Ohio), said": a stray comma after a party tag.
    if tok.is_punct(',') && last > limit && t(p, last - 1).is_some_and(|x| x.is_punct(')')) {
        let open = (limit..last - 1)
            .rev()
            .take(8)
            .find(|&k| t(p, k).is_some_and(|x| x.is_punct('(')))?;
        if names::is_party_tag(p.word(text, open + 1))
            && let Some(m) = open.checked_sub(1).and_then(|k| p.mention_ending(k))
        {
            return Some((Subject::Named(m), p.mentions[m].first()));
        }
    }
    // "Smith, the company's chief executive, said" / "Smith — who … — said".
    if tok.is_punct(',') || tok.is_punct('–') {
        let open = (limit..last)
            .rev()
            .take(MAX_APPOSITIVE)
            .find(|&k| t(p, k).is_some_and(|x| x.kind == tok.kind))?;
        if (open + 1..last).any(|k| t(p, k).is_some_and(|x| x.quote().is_some())) {
            return None;
        }
        // "Rubio, whose hometown, Miami, is …, argues": a relative clause
        // with commas of its own; the subject is the name before it.
        if let Some(m) = (limit + 1..open)
            .rev()
            .take(MAX_APPOSITIVE)
            .take_while(|&k| t(p, k).is_some_and(|x| x.quote().is_none()))
            .filter(|&k| {
                t(p, k).is_some_and(|x| x.is_punct(','))
                    && (is(p, text, k + 1, "whose") || is(p, text, k + 1, "who"))
            })
            .find_map(|k| p.mention_ending(k - 1))
            && matches!(p.mentions[m].kind, NameKind::Person | NameKind::Unknown)
            && !p.mentions[m].possessive
        {
            return Some((Subject::Named(m), p.mentions[m].first()));
        }
        let outer = np_before(p, text, open, limit);
        // "Roe, a fellow at the Center for Global Development, which …,
        // said": a phrase after a preposition is inside the appositive;
        // the subject is the name before the appositive's comma.
        // So is one inside a clause before a relative clause: "Shelby, the
        // Republican who heads the Banking Committee, which oversees the
        // Fed, said".
        let relative = has(p, open + 1, flag::RELATIVE);
        if let Some((Subject::Named(_) | Subject::Description { .. }, start)) = outer
            && (after_preposition(p, start)
                || relative && start > limit && t(p, start - 1).is_some_and(|x| x.is_word()))
            && let Some(comma) = (limit..start)
                .rev()
                .take(MAX_APPOSITIVE)
                .find(|&k| t(p, k).is_some_and(|x| x.is_punct(',')))
            && let Some(m) = comma.checked_sub(1).and_then(|k| p.mention_ending(k))
            && matches!(p.mentions[m].kind, NameKind::Person | NameKind::Unknown)
            && !p.mentions[m].possessive
            && !(comma + 1..start).any(|k| t(p, k).is_some_and(|x| x.quote().is_some()))
        {
            return Some((Subject::Named(m), p.mentions[m].first()));
        }
        // "her senior adviser, Jane Roe, said", "the leader of the League,
        // Jane Roe, warned": the person in apposition.
        if let Some((outer_subject, start)) = &outer
            && (matches!(outer_subject, Subject::Description { .. })
                || (matches!(outer_subject, Subject::Named(_)) && after_preposition(p, *start)))
            && let Some(m) = p.mention_ending(last - 1)
            && p.mentions[m].first() == open + 1
            && matches!(p.mentions[m].kind, NameKind::Person | NameKind::Unknown)
        {
            // After a preposition the phrase began further back; the
            // name's own start keeps "of" from reading as its affiliation.
            let start = if matches!(outer_subject, Subject::Named(_)) {
                open + 1
            } else {
                *start
            };
            return Some((Subject::Named(m), start));
        }
        return outer;
    }
    if tok.is_punct(')') {
        let open = (limit..last)
            .rev()
            .take(12)
            .find(|&k| t(p, k).is_some_and(|x| x.is_punct('(')))?;
        return np_before(p, text, open, limit);
    }
    if is_head(p, last) {
        let mut k = last;
        while k > limit && k + 7 > last {
            if let Some(d) = det_kind(p, text, k - 1) {
                return Some((
                    Subject::Description {
                        tokens: k..last + 1,
                        head: last,
                        det: d,
                    },
                    k - 1,
                ));
            }
            // "a top Donald Trump adviser": a name inside the description.
            if let Some(m) = p.mention_ending(k - 1)
                && p.mentions[m].first() >= limit
                && !p.mentions[m].possessive
            {
                k = p.mentions[m].first();
                continue;
            }
            if !is_modifier(p, k - 1) {
                break;
            }
            k -= 1;
        }
        // No determiner: a bare plural ("officials said"), or a head
        // owned by a name ("Smith's lawyer").
        // "Florida’s attorney general": a possessive inside the phrase.
        if t(p, k).is_some_and(|y| y.kind != Kind::Possessive)
            && (k..last).any(|x| t(p, x).is_some_and(|y| y.kind == Kind::Possessive))
        {
            return Some((
                Subject::Description {
                    tokens: k..last + 1,
                    head: last,
                    det: Det::Definite,
                },
                k,
            ));
        }
        if k >= 2 && t(p, k - 1).is_some_and(|x| x.kind == Kind::Possessive) {
            return Some((
                Subject::Description {
                    tokens: k - 2..last + 1,
                    head: last,
                    det: Det::Definite,
                },
                k - 2,
            ));
        }
        if has(p, last, flag::PLURAL) {
            return Some((
                Subject::Description {
                    tokens: k..last + 1,
                    head: last,
                    det: Det::Bare,
                },
                k,
            ));
        }
    }
    None
}

/// The phrase starting at `start` is the object of a preposition ("at
/// the Center", "of Barclays").
fn after_preposition(p: &Parsed, start: usize) -> bool {
    // Back over a determiner and capitalised words the name left out.
    let mut k = start;
    while k > 0
        && k + 4 > start
        && t(p, k - 1).is_some_and(|x| x.is_word() && (x.is_capitalised() || x.has(flag::DET)))
        && !has(p, k - 1, flag::PREP)
    {
        k -= 1;
    }
    k > 0 && has(p, k - 1, flag::PREP)
}
