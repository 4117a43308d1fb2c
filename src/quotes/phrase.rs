//! The head of a source phrase: which words of "Judicial Watch president
//! Jane Roe", "the ministry's spokesman, Jane Roe," or "one former
//! campaign staffer who left in May" name the speaker.
//!
//! English noun phrases put their head last among the words before any
//! post-modifier, and a name in apposition to a description is the
//! person the description is about. So a name that follows role words, or
//! stands between commas after a description, is the speaker; an unnamed
//! source keeps its post-modifiers ("adviser to the governor"), as a
//! reader would write it, up to the first comma or adjunct.

use std::ops::Range;

use super::lexicon::flag;
use super::names::NameKind;
use super::parsed::Parsed;
use super::tokens::Shape;

/// Most lower-case role words between an organisation and a person:
/// "Post White House bureau chief Jane Roe".
const MAX_ROLE_WORDS: usize = 5;
/// Most words kept after the head of an unnamed source.
const MAX_POST_MODIFIER: usize = 16;
/// Words after a description's head before a name in apposition: "at the
/// time", "campaign manager".
const MAX_DESCRIPTION_TAIL: usize = 6;
/// Longest place phrase after an unnamed source: "in the room", "at the
/// back of the hall".
const MAX_PLACE_PHRASE: usize = 6;

/// Words that start an adjunct of the clause rather than a post-modifier
/// of the source: "said a spokesman *on* Monday", "*in* a statement".
const ADJUNCT_STARTS: &[&str] = &[
    "on",
    "in",
    "during",
    "after",
    "before",
    "since",
    "when",
    "while",
    "as",
    "at",
    "via",
    "by",
    "according",
    "adding",
    "saying",
    "speaking",
    "citing",
    "noting",
    "and",
    "but",
    "told",
];

/// A word that starts a time adjunct ("last week", "yesterday"): the
/// lexicon's time words, less the determiners and prepositions it lists.
fn is_time(t: &super::tokens::Token) -> bool {
    t.has(flag::WEEKDAY | flag::MONTH) || (t.has(flag::TIME) && !t.has(flag::DET | flag::PREP))
}

/// A person, or a name that may be one.
pub fn is_person_like(p: &Parsed, m: usize) -> bool {
    matches!(p.mentions[m].kind, NameKind::Person | NameKind::Unknown)
}

/// The person after an owner's possessive ending before token `from`:
/// "Twitter's Jane Roe", "the Post's senior editor Jane Roe".
pub fn person_after_owner(p: &Parsed, text: &str, from: usize) -> Option<usize> {
    p.mention_starting(from)
        .filter(|&n| is_person_like(p, n) && !p.mentions[n].possessive)
        .or_else(|| name_after_roles(p, text, from))
}

/// A person named right after lower-case role words starting at token
/// `from`: "[Judicial Watch] president Jane Roe", "[Marist] pollster Jane
/// Roe". Returns the mention.
pub fn name_after_roles(p: &Parsed, text: &str, from: usize) -> Option<usize> {
    let list = &p.toks.list;
    let mut k = from;
    // The word before the name is a role ("pollster", "Chairman"), not a
    // verb in the past with its object ("Roe endorsed Mark Smith"); an
    // adjective in "-ed" may still open the run ("retired Gen. Jane Roe").
    let mut last_past = false;
    let mut known_role = false;
    while k < from + MAX_ROLE_WORDS {
        // The person's own mention may have taken the role words.
        if k > from
            && let Some(m) = (0..p.mentions.len())
                .find(|&m| p.mentions[m].name.start == k && is_person_like(p, m))
        {
            // After a person's name, only a word known as a role makes the
            // rest a role run: "Clinton spokesman Brian Fallon", not "Ida
            // Kemp met Tom Vance".
            let after_person = from
                .checked_sub(1)
                .and_then(|e| p.mention_ending(e))
                .is_some_and(|o| is_person_like(p, o) && p.mentions[o].name.len() > 1);
            return (!last_past && (known_role || !after_person)).then_some(m);
        }
        let t = list.get(k)?;
        let role_word = t.is_lower_word()
            && !t.has(
                flag::PREP
                    | flag::CONJ
                    | flag::SUBORD
                    | flag::RELATIVE
                    | flag::PRONOUN
                    | flag::BE
                    | flag::DET
                    | flag::NEGATION
                    | flag::TIME,
            )
            && !(t.has(flag::ATTRIBUTING) && t.has(flag::VERB_FORM) && !t.has(flag::TITLE))
            && p.word(text, k) != "of";
        // "former secretary of state Jane Roe": "of" inside a role.
        let of_in_role = k > from
            && p.word(text, k) == "of"
            && list.get(k + 1).is_some_and(|n| {
                n.is_lower_word() && !n.has(flag::DET | flag::PREP | flag::PRONOUN)
            });
        // "Clinton campaign Chairman Jane Roe": a capitalised title among
        // the role words.
        let title = k > from
            && t.is_word()
            && t.has(flag::TITLE)
            && !t.has(flag::HONORIFIC)
            && t.is_capitalised();
        // "Air Force 1st Lt. Jane Roe", "Sgt. 1st Class Jane Roe": a rank
        // written with an ordinal.
        let rank = is_ordinal(p.word(text, k))
            || (k > from
                && is_ordinal(p.word(text, k - 1))
                && (t.has(flag::HONORIFIC) || p.word(text, k) == "Class"));
        if !role_word && !of_in_role && !title && !rank {
            return None;
        }
        known_role |=
            rank || t.has(
                flag::TITLE | flag::DESC_PERSON | flag::DESC_ORG | flag::ROLE_MOD | flag::HONORIFIC,
            ) || AGENT_SUFFIXES.iter().any(|x| p.word(text, k).ends_with(x));
        last_past = t.is_lower_word()
            && (p.word(text, k).ends_with("ed") || t.has(flag::PAST | flag::PRES3))
            && !t.has(flag::TITLE | flag::DESC_PERSON);
        k += 1;
    }
    None
}

/// Endings of nouns for what someone does ("speechwriter", "moderator",
/// "strategist"), which a role run may hold though the lexicon lacks them.
const AGENT_SUFFIXES: &[&str] = &["er", "or", "ist", "ant", "ent", "ian", "man", "woman", "ee"];

/// "1st", "22nd", "3rd", "4th".
fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.len() + 2 == w.len()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// A person in apposition after the phrase ending before token `end`:
/// "the ministry's spokesman, Jane Roe, said" → Jane Roe. Returns the
/// mention and the token after the appositive.
pub fn appositive_name(p: &Parsed, end: usize) -> Option<(usize, usize)> {
    let list = &p.toks.list;
    if !list.get(end)?.is_punct(',') {
        return None;
    }
    let m = p.mention_starting(end + 1)?;
    if !is_person_like(p, m)
        || p.mentions[m].kind == NameKind::Unknown && p.mentions[m].name.len() < 2
    {
        return None;
    }
    let after = p.mentions[m].name.end;
    let closes = match list.get(after) {
        None => true,
        Some(t) => {
            t.is_punct(',')
                || t.is_punct('.')
                || t.is_punct(')')
                || (t.is_lower_word() && t.has(flag::ATTRIBUTING) && t.has(flag::VERB_FORM))
        }
    };
    closes.then(|| {
        (
            m,
            after + usize::from(list.get(after).is_some_and(|t| t.is_punct(','))),
        )
    })
}

/// A name set off by commas after a description and a few more of its
/// words: "the American ambassador at the time, John E. Herbst", "Roe's
/// deputy campaign manager, Rich Beeson,". From `from`, the token after
/// the description's head.
pub fn appositive_name_within(p: &Parsed, from: usize) -> Option<(usize, usize)> {
    let list = &p.toks.list;
    for e in from..from + MAX_DESCRIPTION_TAIL {
        let t = list.get(e)?;
        if t.is_punct(',') {
            return appositive_name(p, e);
        }
        let finite = t.is_lower_word() && t.has(flag::PAST | flag::PRES3 | flag::AUX | flag::BE);
        if !t.is_word() || finite || t.has(flag::RELATIVE | flag::CONJ) {
            return None;
        }
    }
    None
}

/// The head of a description whose last nouns the lexicon does not know:
/// "campaign [staffer]", "data [expert]". From head candidate `k`, the
/// last of the lower-case words that follow up to a boundary (a comma, a
/// full stop, a quotation, a relative pronoun, a speech verb).
pub fn last_noun(p: &Parsed, text: &str, k: usize, modifier: impl Fn(usize) -> bool) -> usize {
    let list = &p.toks.list;
    let mut e = k + 1;
    while e < k + 3
        && list
            .get(e)
            .is_some_and(|t| t.is_lower_word() && !t.has(flag::TIME))
        && modifier(e)
        && p.word(text, e) != "of"
    {
        e += 1;
    }
    let boundary = match list.get(e) {
        None => true,
        Some(t) => {
            !t.is_word()
                || t.has(flag::RELATIVE)
                || (t.is_lower_word()
                    && t.has(flag::ATTRIBUTING)
                    && t.has(flag::PAST | flag::PRES3))
        }
    };
    if boundary { e - 1 } else { k }
}

/// `tokens` and a short place phrase after them that runs to a speech
/// verb ("a staffer in the room said"), or `tokens` alone.
pub fn with_place_phrase(p: &Parsed, text: &str, tokens: Range<usize>) -> Range<usize> {
    if is_place_link(&p.word(text, tokens.end).to_ascii_lowercase()) {
        with_post_modifiers(p, text, tokens)
    } else {
        tokens
    }
}

/// A preposition that opens a place phrase after a person.
fn is_place_link(w: &str) -> bool {
    matches!(w, "in" | "at" | "inside")
}

/// The tokens of an unnamed source with its post-modifiers: from `tokens`
/// (determiner already dropped) on through "to the governor", "with
/// knowledge of the talks", "who declined to be named", up to a comma,
/// the sentence's end, a quotation or an adjunct.
pub fn with_post_modifiers(p: &Parsed, text: &str, tokens: Range<usize>) -> Range<usize> {
    let list = &p.toks.list;
    let Some(head) = list.get(tokens.end.saturating_sub(1)) else {
        return tokens;
    };
    let first = p.word(text, tokens.end).to_ascii_lowercase();
    let relative = matches!(first.as_str(), "who" | "that");
    let reach = if relative {
        2 * MAX_POST_MODIFIER
    } else {
        MAX_POST_MODIFIER
    };
    // "a staffer in the room said": a short place phrase, only when the
    // speech verb follows it ("an aide said in a statement" is an adjunct).
    let placed = is_place_link(&first);
    let mut k = tokens.end;
    let mut last = tokens.end;
    let mut verb_next = false;
    // The relative clause's own finite verb, once seen.
    let mut clause_verb = false;
    while k < list.len() && k < tokens.end + reach {
        let t = &list[k];
        let word_like = t.is_word() || t.kind == super::tokens::Kind::Possessive;
        if t.sentence != head.sentence || !word_like {
            break;
        }
        let finite = t.is_lower_word() && t.has(flag::PAST | flag::PRES3 | flag::AUX | flag::BE);
        // "a supporter who runs the account said": a second finite speech
        // verb is the sentence's, after the relative clause.
        // ("who oversaw it and described it as": the clause's second verb.)
        let coordinated = list[k - 1].has(flag::CONJ);
        if relative
            && clause_verb
            && finite
            && t.has(flag::ATTRIBUTING)
            && !t.has(flag::BE)
            && !coordinated
        {
            verb_next = true;
            break;
        }
        // (The word right after "who" is its verb, known or not.)
        clause_verb |= relative && (finite || k == tokens.end + 1);
        let w = p.word(text, k).to_ascii_lowercase();
        let opens_place = placed && k == tokens.end;
        if !relative && !opens_place && (ADJUNCT_STARTS.contains(&w.as_str()) || is_time(t)) {
            break;
        }
        // A finite speech verb outside a relative clause ends the phrase.
        if !relative
            && t.is_lower_word()
            && t.has(flag::ATTRIBUTING)
            && t.has(flag::PAST | flag::PRES3)
        {
            verb_next = true;
            break;
        }
        // So does any other finite verb or a conjunction: "a spokesman
        // for the firm [declined to comment but] said".
        if !relative
            && t.is_lower_word()
            && t.has(flag::PAST | flag::PRES3 | flag::AUX | flag::BE | flag::CONJ | flag::REFRAIN)
        {
            break;
        }
        k += 1;
        last = k;
    }
    if placed {
        let short = last > tokens.end + 1 && last <= tokens.end + MAX_PLACE_PHRASE;
        return if short && verb_next {
            tokens.start..last
        } else {
            tokens
        };
    }
    // A post-modifier must start with a linking word: "adviser to", "aide
    // who", "person with knowledge", "official familiar with".
    let links = relative
        || matches!(
            first.as_str(),
            "of" | "to" | "for" | "with" | "from" | "close" | "familiar"
        );
    if links && last > tokens.end + 1 {
        tokens.start..last
    } else {
        tokens
    }
}

/// Longest tail of an organisation's name after "for": "[Americans] for
/// Prosperity", "[Fight] for $15".
const MAX_FOR_TAIL: usize = 4;

/// Where an organisation's name of the form "X for Y" ends, when token
/// `i` is the "for": capitalised words and numbers after it.
pub fn for_name_tail(p: &Parsed, text: &str, i: usize) -> Option<usize> {
    if p.toks.list.get(i).is_none_or(|x| !x.is_word()) || p.word(text, i) != "for" {
        return None;
    }
    let tail = (i + 1..i + 1 + MAX_FOR_TAIL)
        .take_while(|&k| {
            p.toks.list.get(k).is_some_and(|x| {
                (x.is_word() && x.is_capitalised()) || x.shape == Shape::Digit || x.is_punct('$')
            })
        })
        .count();
    (tail > 0).then_some(i + 1 + tail)
}
