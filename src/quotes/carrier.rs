//! The carrier of a quotation: the outlet or agency through which the
//! article has the words, when the attribution names one besides the
//! speaker — "TASS quoted Lavrov as saying", "Lavrov was quoted by
//! Interfax as saying", "Lavrov said, according to Reuters". The speaker
//! stays the person; the carrier is shown as `via`.

use super::attribution::{self, Subject};
use super::lexicon::flag;
use super::parsed::Parsed;

/// How far from the attributing verb a carrier is looked for, in tokens.
const REACH: usize = 14;

/// The named carrier of the clause whose attributing verb is token `verb`
/// (a quotation's own clause). Returns the carrier's mention.
pub fn find(p: &Parsed, text: &str, verb: usize) -> Option<usize> {
    let list = &p.toks.list;
    let vt = list.get(verb)?;
    let sentence = vt.sentence;
    let in_sentence = |k: usize| list.get(k).is_some_and(|t| t.sentence == sentence);
    // Compared without making a lower-cased copy: this runs for every
    // verb of every attribution.
    let word_is = |k: usize, w: &str| p.word(text, k).eq_ignore_ascii_case(w);
    if vt.is_word() && vt.has(flag::QUOTING) {
        let passive = verb > 0 && list[verb - 1].is_word() && list[verb - 1].has(flag::BE);
        if passive {
            // "was quoted by Interfax as saying" / "quoted as saying by X".
            let by = (verb + 1..verb + REACH)
                .take_while(|&k| in_sentence(k))
                .find(|&k| word_is(k, "by"))?;
            return named(p, text, by + 1);
        }
        // "TASS quoted Lavrov as saying": the subject of "quoted".
        let start = p.toks.sentence_start(verb);
        if let Some((Subject::Named(m), _)) =
            attribution::np_before(p, text, verb, start.max(verb.saturating_sub(REACH)))
        {
            return Some(m);
        }
    }
    // "…, Lavrov said, according to Reuters" — not the clause's own
    // "according to" (then the source is the speaker).
    if word_is(verb, "according") {
        return None;
    }
    let lo = verb.saturating_sub(REACH);
    (lo..verb + REACH)
        .filter(|&k| in_sentence(k) && k != verb)
        .find(|&k| word_is(k, "according") && word_is(k + 1, "to"))
        .and_then(|k| named(p, text, k + 2))
}

/// How many words a description of an outlet takes before its name:
/// "the state-run news agency TASS", "Russian media outlet Interfax".
const DESCRIPTION_REACH: usize = 5;

/// A named organisation or outlet starting at token `i` (after "the").
/// After a description ("Russian media outlet Interfax") the carrier is
/// the name that follows the organisation noun, not the description's
/// first capitalised word.
fn named(p: &Parsed, text: &str, i: usize) -> Option<usize> {
    let list = &p.toks.list;
    let sentence = list.get(i)?.sentence;
    let noun = (i..i + DESCRIPTION_REACH)
        .take_while(|&k| {
            list.get(k)
                .is_some_and(|t| t.sentence == sentence && t.is_word())
        })
        .find(|&k| list[k].has(flag::DESC_ORG));
    let name = |at: usize| match attribution::np_after(p, text, at)? {
        (Subject::Named(m), _) => Some(m),
        _ => None,
    };
    noun.and_then(|k| name(k + 1)).or_else(|| name(i))
}
