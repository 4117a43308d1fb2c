//! Words named by a speech noun and its owner: "Roe's recent assertion
//! that “…”", "his call for a “ban”", "a report by Politico that …".

use super::*;

/// Degree words that may stand among a speech noun's modifiers.
const DEGREE_WORDS: &[&str] = &["most", "more", "very", "least"];

/// Words that link a speech noun to the words it names.
const SPEECH_NOUN_LINKS: &[&str] = &["of", "for", "against", "to"];

/// The owner of a speech noun at `j` ("Roe's recent assertion", "his
/// remarks"), when the noun is followed by "that", a colon, or the
/// quotation itself.
pub(super) fn owner_of_speech_noun(
    p: &Parsed,
    text: &str,
    j: usize,
    lowest: usize,
) -> Option<Subject> {
    if !t(p, j)?.is_lower_word() || !has(p, j, flag::SPEECH_NOUN | flag::DESC_DOC) {
        return None;
    }
    // Not the topic of someone else's words: "Lee said Roe's claim that
    // … is “…”", "Lee called Roe's comments “…”".
    if (lowest..j).any(|v| has(p, v, flag::ATTRIBUTING) && has(p, v, flag::VERB_FORM)) {
        return None;
    }
    // "a report by Politico that he “fabricated” it", "the contention of
    // Jane Roe that …": the author named after the noun.
    let by = is(p, text, j + 1, "by") || is(p, text, j + 1, "of") && has(p, j, flag::SPEECH_NOUN);
    if by
        && let Some((subject @ Subject::Named(m), end)) = np_after(p, text, j + 2)
        && !p.mentions[m].possessive
        && (is(p, text, end, "that") || t(p, end).is_some_and(|x| x.quote().is_some()))
    {
        return Some(subject);
    }
    if !has(p, j, flag::SPEECH_NOUN) {
        return None;
    }
    // "Roe's response was: “…”": the noun, maybe "was", then the words;
    // or a short link to them ("his call for a “ban”", "her promise to be
    // “neutral”", "Roe's rejection of “…”").
    let k = if has(p, j + 1, flag::BE) {
        j + 2
    } else {
        j + 1
    };
    let next = t(p, k)?;
    let direct = next.quote().is_some() || next.is_punct(':') || is(p, text, k, "that");
    let linked = || {
        SPEECH_NOUN_LINKS.iter().any(|w| is(p, text, k, w))
            && (k + 1..k + 4)
                .take_while(|&x| t(p, x).is_some_and(|y| y.quote().is_some() || y.is_lower_word()))
                .any(|x| t(p, x).is_some_and(|y| y.quote().is_some()))
    };
    if !direct && !linked() {
        return None;
    }
    // Back over a few modifiers ("recent evidence-free") to the owner.
    let mut k = j;
    while k > lowest && k + 4 > j {
        k -= 1;
        let x = t(p, k)?;
        if x.kind == Kind::Possessive {
            let m = p.mention_ending(k.checked_sub(1)?)?;
            return phrase::is_person_like(p, m).then_some(Subject::Named(m));
        }
        // "Roe's most explosive claim": a degree word, not a determiner.
        if DEGREE_WORDS.iter().any(|w| is(p, text, k, w)) {
            continue;
        }
        if x.is_word() && x.has(flag::PRONOUN | flag::DET) {
            let owner = is(p, text, k, "his") || is(p, text, k, "her");
            return owner.then_some(Subject::Pronoun(k));
        }
        if !x.is_lower_word() || x.has(flag::VERB_FORM | flag::PREP) {
            return None;
        }
    }
    None
}
