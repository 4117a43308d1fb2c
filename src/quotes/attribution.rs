//! Attribution clauses: who a quotation's own sentence says spoke it.
//!
//! After the quotation: "…,” Lavrov said / said Lavrov / the official said
//! / TASS quoted Lavrov as saying / Lavrov was quoted as saying / according
//! to X / X, a spokeswoman for Y, said". Before it: the nearest speech or
//! stance verb in the sentence and its subject ("X said that he was sure
//! “…”", "X told reporters: “…”", "what X called the “…”"), with
//! participles and infinitives ("…, saying", "used an address to set out")
//! handing over to the subject of the main clause. Negated verbs ("refrained
//! from calling it an “invasion”") attribute nothing.
//!
//! The result names a subject (a name, a pronoun, a description); turning
//! it into an entity is `resolve`'s job.

use std::ops::Range;

use super::lexicon::{flag, phrasal_particles};
use super::names::NameKind;
use super::parsed::{Parsed, Place};
use super::phrase;
use super::tokens::{Kind, Token};

/// How a subject is determined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Det {
    /// "the official", "this spokesman", "his lawyer".
    Definite,
    /// "a senior official".
    Indefinite,
    /// "officials", "police".
    Bare,
}

/// Who the clause says spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A named mention (index into the paragraph's mentions).
    Named(usize),
    /// A pronoun token.
    Pronoun(usize),
    /// A description: its tokens (without the determiner) and head token.
    Description {
        tokens: Range<usize>,
        head: usize,
        det: Det,
    },
    /// "Xi and Putin declared": more than one speaker, none attributed.
    Several,
}

/// What a clause says about a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clue {
    /// The subject spoke; `verb` is the attributing token.
    Said { subject: Subject, verb: usize },
    /// A participle or infinitive ("saying", "to warn"): the speaker is
    /// the subject of the main clause, found by the caller.
    MainClause { verb: usize },
    /// The clause denies the speech ("declined to call it").
    Negated,
}

/// Longest backward scan for a verb, in tokens.
const MAX_SCAN: usize = 80;
/// Longest appositive skipped between a subject and its verb.
const MAX_APPOSITIVE: usize = 40;

fn t(p: &Parsed, i: usize) -> Option<&Token> {
    p.toks.list.get(i)
}

fn is(p: &Parsed, text: &str, i: usize, w: &str) -> bool {
    t(p, i).is_some_and(|tok| tok.is_word()) && p.word(text, i).eq_ignore_ascii_case(w)
}

fn has(p: &Parsed, i: usize, f: u64) -> bool {
    t(p, i).is_some_and(|tok| tok.is_word() && tok.has(f))
}

/// A finite attributing verb at `i`: said, says, told, added, quoted…
fn finite_verb(p: &Parsed, i: usize) -> bool {
    // A Title Case headline capitalises its verb: "Jane Roe Says …".
    let title_case = p.place == Place::Headline;
    t(p, i).is_some_and(|tok| {
        tok.is_word()
            && tok.has(flag::ATTRIBUTING | flag::PHRASAL)
            && tok.has(flag::PAST | flag::PRES3 | flag::BASE)
            && (!tok.is_capitalised() || title_case && tok.has(flag::PRES3))
    })
}

/// A phrasal verb ("point", "set") counts only with its particle.
fn phrasal_ok(p: &Parsed, text: &str, i: usize) -> bool {
    if !has(p, i, flag::PHRASAL) || has(p, i, flag::ATTRIBUTING) {
        return true;
    }
    phrasal_particles(p.word(text, i))
        .iter()
        .any(|w| is(p, text, i + 1, w))
}

/// Words that may modify a description's head noun ("senior
/// administration", "company's chief").
fn is_modifier(p: &Parsed, i: usize) -> bool {
    let Some(tok) = t(p, i) else { return false };
    match tok.kind {
        Kind::Possessive => true,
        Kind::Word if tok.is_capitalised() => {
            tok.has(flag::NATIONALITY | flag::PLACE | flag::ROLE_MOD)
        }
        Kind::Word => {
            const NOT_MODIFIERS: u64 = flag::PREP
                | flag::CONJ
                | flag::SUBORD
                | flag::RELATIVE
                | flag::PRONOUN
                | flag::OBJ_PRONOUN
                | flag::NEGATION
                | flag::BE
                | flag::DET;
            let function_word = tok.has(NOT_MODIFIERS);
            let verb = tok.has(flag::ATTRIBUTING) && tok.has(flag::VERB_FORM);
            let adverb = tok.has(flag::SKIP) && !tok.has(flag::ROLE_MOD);
            !(function_word || verb || adverb)
        }
        _ => false,
    }
}

/// A description head: official, spokesman, police, ministry, statement.
fn is_head(p: &Parsed, i: usize) -> bool {
    t(p, i).is_some_and(|tok| {
        tok.is_word() && !tok.is_capitalised() && tok.has(flag::DESC | flag::TITLE)
    })
}

fn det_kind(p: &Parsed, text: &str, i: usize) -> Option<Det> {
    if !has(p, i, flag::DET) {
        return None;
    }
    let w = p.word(text, i).to_ascii_lowercase();
    Some(match w.as_str() {
        "a" | "an" | "one" | "another" => Det::Indefinite,
        "two" | "three" | "four" | "five" | "several" | "some" | "many" | "other" => Det::Bare,
        _ => Det::Definite,
    })
}

/// The noun phrase starting at token `i`, and the token after it.
pub fn np_after(p: &Parsed, text: &str, i: usize) -> Option<(Subject, usize)> {
    let tok = t(p, i)?;
    if tok.is_word() && tok.has(flag::PRONOUN) {
        return Some((Subject::Pronoun(i), i + 1));
    }
    if let Some(m) = p.mention_starting(i) {
        let mention = &p.mentions[m];
        if mention.possessive {
            // "Twitter's Jane Roe said": the person right after.
            if let Some(n) = p.mention_starting(mention.name.end + 1)
                && phrase::is_person_like(p, n)
                && !p.mentions[n].possessive
            {
                return Some((Subject::Named(n), p.mentions[n].name.end));
            }
            // "Smith's campaign manager Jane Roe said": the person named.
            if let Some(n) = phrase::name_after_roles(p, text, mention.name.end + 1) {
                return Some((Subject::Named(n), p.mentions[n].name.end));
            }
            // "Smith's lawyer said": a description owned by a name.
            if is_head(p, mention.name.end + 1) {
                let head = mention.name.end + 1;
                if let Some((n, end)) = phrase::appositive_name(p, head + 1) {
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
        } else if let Some(n) = phrase::name_after_roles(p, text, mention.name.end) {
            // "Judicial Watch president Jane Roe", "Marist pollster Jane Roe".
            return Some((Subject::Named(n), p.mentions[n].name.end));
        }
        return Some((Subject::Named(m), mention.name.end));
    }
    let det = det_kind(p, text, i);
    let start = if det.is_some() { i + 1 } else { i };
    let mut k = start;
    while k < start + 7 {
        if let Some(m) = p.mention_starting(k) {
            let after = p.mentions[m].name.end;
            // "the Post's Jane Roe", "the Post's senior editor Jane Roe".
            if p.mentions[m].possessive
                && let Some(n) = p
                    .mention_starting(after + 1)
                    .filter(|&n| phrase::is_person_like(p, n) && !p.mentions[n].possessive)
                    .or_else(|| phrase::name_after_roles(p, text, after + 1))
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
                if let Some((n, end)) = phrase::appositive_name(p, head + 1) {
                    return Some((Subject::Named(n), end));
                }
                // As "one Trump confidant" below: an unnamed source with
                // its own modifiers keeps what follows it.
                let tokens = if det == Det::Definite || head == after {
                    start..head + 1
                } else {
                    phrase::with_post_modifiers(p, text, start..head + 1)
                };
                let end = tokens.end;
                return Some((Subject::Description { tokens, head, det }, end));
            }
            // "one Trump confidant": a name modifying an unnamed source.
            if det == Some(Det::Indefinite)
                && let Some(head) = lower_head(p, text, after)
            {
                let tokens = phrase::with_post_modifiers(p, text, start..head + 1);
                let end = tokens.end;
                return Some((
                    Subject::Description {
                        tokens,
                        head,
                        det: Det::Indefinite,
                    },
                    end,
                ));
            }
            // "former FBI agent Jane Roe": the person after the roles.
            if !p.mentions[m].possessive
                && let Some(n) = phrase::name_after_roles(p, text, after)
            {
                return Some((Subject::Named(n), p.mentions[n].name.end));
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
            if let Some((n, end)) = phrase::appositive_name(p, k + 1) {
                return Some((Subject::Named(n), end));
            }
            let tokens = if det == Det::Definite {
                start..k + 1
            } else {
                phrase::with_post_modifiers(p, text, start..k + 1)
            };
            let end = tokens.end;
            return Some((
                Subject::Description {
                    tokens,
                    head: k,
                    det,
                },
                end,
            ));
        }
        if !is_modifier(p, k) {
            return unlisted_head(p, text, det, start, k);
        }
        k += 1;
    }
    None
}

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
        && !has(p, k, flag::TIME)
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
        // "Xi and Putin", "Smith, Jones and Brown".
        if first >= limit + 2
            && t(p, first - 1)
                .is_some_and(|x| x.is_punct('&') || (x.is_word() && x.has(flag::CONJ)))
            && (p.mention_ending(first - 2).is_some() || has(p, first - 2, flag::PRONOUN))
        {
            return Some((Subject::Several, first - 2));
        }
        return Some((Subject::Named(m), first));
    }
    // "Gov. Jane Roe (R-Ohio), said": a stray comma after a party tag.
    if tok.is_punct(',') && last > limit && t(p, last - 1).is_some_and(|x| x.is_punct(')')) {
        let open = (limit..last - 1)
            .rev()
            .take(8)
            .find(|&k| t(p, k).is_some_and(|x| x.is_punct('(')))?;
        let tag = p.word(text, open + 1);
        let party =
            ["R", "D", "I"].contains(&tag) || ["R-", "D-", "I-"].iter().any(|x| tag.starts_with(x));
        if party && let Some(m) = open.checked_sub(1).and_then(|k| p.mention_ending(k)) {
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
        let outer = np_before(p, text, open, limit);
        // "Roe, a fellow at the Center for Global Development, which …,
        // said": a phrase after a preposition is inside the appositive;
        // the subject is the name before the appositive's comma.
        if let Some((Subject::Named(_) | Subject::Description { .. }, start)) = outer
            && after_preposition(p, start)
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
        // "her senior adviser, Jane Roe, said": the person in apposition.
        if let Some((Subject::Description { .. }, start)) = outer
            && let Some(m) = p.mention_ending(last - 1)
            && p.mentions[m].first() == open + 1
            && matches!(p.mentions[m].kind, NameKind::Person | NameKind::Unknown)
        {
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
                && p.mentions[m].first() > limit
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

/// What the subject of the finite verb at `verb` is.
enum Found {
    Subject(Subject),
    /// "… and added": the verb shares the main clause's subject.
    Coordinated,
    Negated,
    Nothing,
}

fn subject_of(p: &Parsed, text: &str, verb: usize, limit: usize) -> Found {
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
        Some((s, start)) => Found::Subject(affiliated(p, text, s, start, limit)),
        None => Found::Nothing,
    }
}

/// Prepositions that tie a speaker to where they work: "Maria Gomez of
/// Barclays", "a spokesman for the ministry", "Dr. Li at Stanford".
const AFFILIATION: &[&str] = &["of", "at", "from", "for", "with"];

/// The speaker of "X of Y said" is X, not their employer Y: when the noun
/// phrase found before the verb (starting at `start`) follows an
/// affiliation preposition, the phrase before that is the subject.
fn affiliated(p: &Parsed, text: &str, s: Subject, start: usize, limit: usize) -> Subject {
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

/// The clause after quotation token `q`: "…,” X said", "…,” said X",
/// "…,” TASS quoted X as saying", "…,” according to X".
pub fn after(p: &Parsed, text: &str, q: usize) -> Option<Clue> {
    let clue = after_clause(p, text, q)?;
    let Clue::Said { verb, .. } = &clue else {
        return Some(clue);
    };
    let verb = *verb;
    // "“…” Zahed said: “…”": the clause introduces the next quotation.
    let colon = (verb + 1..p.toks.len())
        .take(12)
        .find(|&k| t(p, k).is_some_and(|x| !x.is_word() && x.kind != Kind::Possessive))
        .is_some_and(|k| {
            t(p, k).is_some_and(|x| x.is_punct(':'))
                && t(p, k + 1).is_some_and(|x| x.quote().is_some())
        });
    if colon {
        return None;
    }
    // "“… death.” Sanders called Trump a “…”": after a quotation that ends
    // its sentence, a clause that goes on past its verb is a new sentence
    // about something else, not this quotation's attribution.
    if verb > q + 1 && quote_ends_sentence(p, text, q) {
        let ends = match t(p, verb + 1) {
            None => true,
            Some(x) if x.is_word() => {
                x.has(flag::SKIP | flag::TIME | flag::PREP) && !x.has(flag::DET | flag::PRONOUN)
            }
            Some(x) => x.is_punct('.') || x.is_punct(',') || x.is_punct(';'),
        };
        if !ends {
            return None;
        }
    }
    Some(clue)
}

/// An attribution at the end of the quotation's sentence, after a comma:
/// "“…” if she does not win by more, said Jane Roe, a pollster." The clause
/// must run to the sentence's end, with no other quotation on the way.
pub fn late(p: &Parsed, text: &str, q: usize) -> Option<Clue> {
    let list = &p.toks.list;
    let sentence = list.get(q)?.sentence;
    let end = (q + 1..list.len())
        .find(|&k| list[k].sentence != sentence)
        .unwrap_or(list.len());
    if (q + 1..end).any(|k| list[k].quote().is_some()) {
        return None;
    }
    (q + 3..end.saturating_sub(1))
        .filter(|&k| list[k].is_punct(','))
        .find_map(|comma| match after(p, text, comma - 1)? {
            clue @ Clue::Said { .. } => Some(clue),
            _ => None,
        })
}

/// The token after a parenthesis at `j` ("Smith (D-Nev.) said"), or `j`.
fn skip_party_tag(p: &Parsed, j: usize) -> usize {
    if t(p, j).is_some_and(|x| x.is_punct('('))
        && let Some(close) = (j + 1..p.toks.len())
            .take(8)
            .find(|&k| t(p, k).is_some_and(|x| x.is_punct(')')))
    {
        close + 1
    } else {
        j
    }
}

/// A finite attributing verb at `j`, perhaps after a few adverbs or time
/// words ("Roe, 81, said", "Roe, a lawyer, later told", "was quoted").
fn verb_ahead(p: &Parsed, text: &str, j: usize) -> bool {
    let k = past_adverbs(p, text, j);
    finite_verb(p, k)
        || has(p, k, flag::BE) && has(p, k + 1, flag::QUOTING)
        || has(p, k, flag::NOUNLIKE_SPEECH) && clause_ends(p, k + 1)
}

/// The first token from `j` on past up to five adverbs, time words and
/// negations that may sit before a verb ("later", "on Monday", "never").
fn past_adverbs(p: &Parsed, text: &str, j: usize) -> usize {
    (j..j + 5)
        .find(|&k| {
            !t(p, k).is_some_and(|x| {
                x.is_word()
                    && !x.has(flag::ATTRIBUTING | flag::BE)
                    && (x.has(flag::SKIP | flag::TIME | flag::NEGATION)
                        || p.word(text, k).ends_with("n't"))
            })
        })
        .unwrap_or(j + 5)
}

/// Token `k` ends a short attribution clause: the sentence ends, or a
/// comma or a quotation follows.
fn clause_ends(p: &Parsed, k: usize) -> bool {
    match t(p, k) {
        None => true,
        Some(x) => {
            x.sentence != p.toks.list[k - 1].sentence
                || x.quote().is_some()
                || [',', '.', ';', '!', '?'].iter().any(|&c| x.is_punct(c))
        }
    }
}

/// The quotation at token `q` closes with a full stop inside its marks.
fn quote_ends_sentence(p: &Parsed, text: &str, q: usize) -> bool {
    t(p, q).is_some_and(|x| {
        text[x.start..x.end]
            .trim_end_matches(['”', '"', '’', '\'', '»', ' '])
            .ends_with('.')
    })
}

fn after_clause(p: &Parsed, text: &str, q: usize) -> Option<Clue> {
    let mut i = q + 1;
    if t(p, i).is_some_and(|x| x.is_punct(',') || x.is_punct('–')) {
        i += 1;
    }
    let tok = t(p, i)?;
    if tok.quote().is_some() {
        return None;
    }
    // A dash credit: "“…” — Jane Roe" (a name and nothing more, or its
    // role after a comma).
    if i == q + 2
        && t(p, q + 1).is_some_and(|x| x.is_punct('–'))
        && let Some(m) = p.mention_starting(i)
        && matches!(p.mentions[m].kind, NameKind::Person | NameKind::Unknown)
        && t(p, p.mentions[m].name.end).is_none_or(|x| x.is_punct(',') || x.is_punct('.'))
    {
        return Some(Clue::Said {
            subject: Subject::Named(m),
            verb: q + 1,
        });
    }
    if is(p, text, i, "according") && is(p, text, i + 1, "to") {
        let (s, _) = np_after(p, text, i + 2)?;
        return Some(Clue::Said {
            subject: s,
            verb: i,
        });
    }
    // "said Lavrov", "added the official", "notes Roe.".
    let nounlike = has(p, i, flag::NOUNLIKE_SPEECH)
        && p.mention_starting(i + 1)
            .is_some_and(|m| clause_ends(p, p.mentions[m].name.end));
    if nounlike || finite_verb(p, i) && !has(p, i, flag::BASE) && phrasal_ok(p, text, i) {
        let mut j = i + 1;
        while has(p, j, flag::SKIP) && !has(p, j, flag::PRONOUN) && j < i + 3 {
            j += 1;
        }
        let (s, _) = np_after(p, text, j)?;
        return Some(Clue::Said {
            subject: s,
            verb: i,
        });
    }
    let (mut s, mut j) = np_after(p, text, i)?;
    j = skip_party_tag(p, j);
    // "Roe of Ohio said", "Roe of the Brookings Institution said".
    if t(p, j).is_some_and(|x| x.is_word())
        && AFFILIATION.contains(&p.word(text, j).to_lowercase().as_str())
    {
        let k = if has(p, j + 1, flag::DET) {
            j + 2
        } else {
            j + 1
        };
        let object_end = match p.mention_starting(k) {
            Some(m) => Some(p.mentions[m].name.end),
            None => np_after(p, text, j + 1).map(|(_, end)| end),
        };
        if let Some(end) = object_end.filter(|&end| verb_ahead(p, text, end)) {
            // An unnamed source keeps its affiliation ("officials at the
            // ministry"); a named one is the person alone.
            if let Subject::Description { tokens, head, det } = &s {
                s = Subject::Description {
                    tokens: tokens.start..end,
                    head: *head,
                    det: *det,
                };
            }
            j = end;
        }
    }
    // "Smith, the company's chief executive, said" / "Smith, R-Pa., said".
    // The appositive may hold commas of its own ("Roe, 81 and retired in
    // Cambridge, Mass., said"): it closes at the first comma a verb follows.
    if t(p, j).is_some_and(|x| x.is_punct(',')) {
        let ends = |k: usize| {
            t(p, k).is_none_or(|x| {
                x.quote().is_some()
                    || (x.is_punct('.') && !t(p, k + 1).is_some_and(|n| n.is_punct(',')))
            })
        };
        let close = (j + 1..p.toks.len())
            .take(MAX_APPOSITIVE)
            .take_while(|&k| !ends(k))
            .filter(|&k| t(p, k).is_some_and(|x| x.is_punct(',')))
            .find(|&k| verb_ahead(p, text, k + 1))?;
        j = close + 1;
    }
    let verb = past_adverbs(p, text, j);
    let negated = (j..verb).any(|k| has(p, k, flag::NEGATION) || p.word(text, k).ends_with("n't"));
    j = verb;
    // "Lavrov was quoted as saying".
    if has(p, j, flag::BE) && has(p, j + 1, flag::QUOTING) {
        return Some(Clue::Said {
            subject: s,
            verb: j + 1,
        });
    }
    let nounlike = has(p, j, flag::NOUNLIKE_SPEECH) && clause_ends(p, j + 1);
    if !nounlike && (!finite_verb(p, j) || !phrasal_ok(p, text, j)) {
        return None;
    }
    if negated {
        return Some(Clue::Negated);
    }
    if has(p, j, flag::QUOTING)
        && let Some((object, _)) = np_after(p, text, j + 1)
    {
        // "TASS quoted Lavrov as saying", "it cited Xi as saying".
        return Some(Clue::Said {
            subject: object,
            verb: j,
        });
    }
    Some(Clue::Said {
        subject: s,
        verb: j,
    })
}

/// The clause before `end` (a quotation token, or the end of a lead-in
/// sentence), back to `limit` (its sentence start): the nearest speech or
/// stance verb and its subject.
pub fn before(p: &Parsed, text: &str, end: usize, limit: usize) -> Option<Clue> {
    let lowest = limit.max(end.saturating_sub(MAX_SCAN));
    // "Lavrov: “…”" (headline style).
    if end > lowest + 1
        && t(p, end - 1).is_some_and(|x| x.is_punct(':'))
        && let Some(m) = p.mention_ending(end - 2)
        && p.mentions[m].first() == lowest
    {
        return Some(Clue::Said {
            subject: Subject::Named(m),
            verb: end - 1,
        });
    }
    let mut j = end;
    while j > lowest {
        j -= 1;
        let Some(tok) = t(p, j) else { continue };
        if !tok.is_word() {
            continue;
        }
        if is(p, text, j, "according") && is(p, text, j + 1, "to") {
            if let Some((s, _)) = np_after(p, text, j + 2) {
                return Some(Clue::Said {
                    subject: s,
                    verb: j,
                });
            }
            continue;
        }
        // "Roe continues: “…”": a mostly-noun form before a colon.
        if tok.has(flag::NOUNLIKE_SPEECH)
            && t(p, j + 1).is_some_and(|x| x.is_punct(':'))
            && j > lowest
        {
            if let Some(m) = p
                .mention_ending(j - 1)
                .filter(|&m| !p.mentions[m].possessive)
            {
                return Some(Clue::Said {
                    subject: Subject::Named(m),
                    verb: j,
                });
            }
            if has(p, j - 1, flag::PRONOUN) {
                return Some(Clue::Said {
                    subject: Subject::Pronoun(j - 1),
                    verb: j,
                });
            }
        }
        if !tok.has(flag::ATTRIBUTING | flag::PHRASAL)
            || !tok.has(flag::VERB_FORM)
            || tok.is_capitalised() && j != limit && !finite_verb(p, j)
        {
            continue;
        }
        if !phrasal_ok(p, text, j) {
            continue;
        }
        // A noun, not a verb: "its call", "the warning", "his remarks".
        if j > lowest
            && t(p, j - 1).is_some_and(|x| {
                x.kind == Kind::Possessive
                    || (x.is_word() && x.has(flag::DET) && !x.has(flag::PRONOUN))
            })
        {
            continue;
        }
        if let Some(clue) = clue_at_verb(p, text, j, limit) {
            return Some(clue);
        }
    }
    credit_colon(p, end, lowest)
}

/// "Jane Roe: Tariffs Are ‘a Tax on Families’": a name opening its
/// sentence and followed by a colon speaks the quotations after it (the
/// headline style of a line that credits its source first).
fn credit_colon(p: &Parsed, end: usize, lowest: usize) -> Option<Clue> {
    let colon = (lowest + 1..end).find(|&k| t(p, k).is_some_and(|x| x.is_punct(':')))?;
    let m = p.mention_ending(colon - 1)?;
    let mention = &p.mentions[m];
    // The first words may be a clipped fragment or a role the name
    // matching left out ("oe Roe:", "Gov Roe:"), or a topic line before a
    // dash ("POLLS MISSED IT - Jane Roe: “…”").
    let opens = mention.first() <= lowest + 2
        && (lowest..mention.first()).all(|k| t(p, k).is_some_and(|x| x.is_word()))
        || mention.first() > lowest && t(p, mention.first() - 1).is_some_and(|x| x.is_punct('–'));
    let person = matches!(mention.kind, NameKind::Person | NameKind::Unknown);
    (opens && person && !mention.possessive).then_some(Clue::Said {
        subject: Subject::Named(m),
        verb: colon,
    })
}

/// The clue given by the verb at `j`, if it attributes.
fn clue_at_verb(p: &Parsed, text: &str, j: usize, limit: usize) -> Option<Clue> {
    let tok = t(p, j)?;
    let prev = j.checked_sub(1).filter(|&k| k >= limit);
    let prev_is = |w: &str| prev.is_some_and(|k| is(p, text, k, w));
    let refrained_before = |k: usize| {
        (k.saturating_sub(3).max(limit)..k).any(|x| has(p, x, flag::REFRAIN | flag::NEGATION))
    };
    // Active quote/cite: "TASS quoted Lavrov as saying “…”".
    if tok.has(flag::QUOTING) && !tok.has(flag::ING) {
        if prev.is_some_and(|k| has(p, k, flag::BE)) {
            // "Lavrov was quoted as saying": the subject of "was".
            return match subject_of(p, text, j - 1, limit) {
                Found::Subject(s) => Some(Clue::Said {
                    subject: s,
                    verb: j,
                }),
                _ => None,
            };
        }
        if let Some((s, _)) = np_after(p, text, j + 1) {
            return Some(Clue::Said {
                subject: s,
                verb: j,
            });
        }
    }
    if tok.has(flag::ING) && !tok.has(flag::PAST | flag::PRES3) {
        // "with Sen. Jane Roe calling it a “…”": the name is the subject.
        if let Some(m) = prev.and_then(|k| p.mention_ending(k))
            && !p.mentions[m].possessive
            && p.mentions[m].first() > limit
            && is(p, text, p.mentions[m].first() - 1, "with")
        {
            return Some(Clue::Said {
                subject: Subject::Named(m),
                verb: j,
            });
        }
        // "Reuters quoted X as saying: “…”", "it cited X as saying …":
        // the quoted person, found after the quoting verb.
        if prev_is("as")
            && let Some(v) = (limit..j.saturating_sub(1))
                .rev()
                .take(MAX_APPOSITIVE)
                .find(|&v| has(p, v, flag::QUOTING) && !has(p, v, flag::ING))
        {
            return clue_at_verb(p, text, v, limit);
        }
        if let Some(k) = prev.filter(|&k| has(p, k, flag::PREP)) {
            // A gerund: "refrained from calling", "without saying".
            if prev_is("without") || refrained_before(k) {
                return Some(Clue::Negated);
            }
            if prev_is("by") {
                return Some(Clue::MainClause { verb: j });
            }
            return None;
        }
        // "was saying" keeps the subject of the auxiliary.
        if prev.is_some_and(|k| has(p, k, flag::BE)) {
            return match subject_of(p, text, j - 1, limit) {
                Found::Subject(s) => Some(Clue::Said {
                    subject: s,
                    verb: j,
                }),
                Found::Negated => Some(Clue::Negated),
                _ => Some(Clue::MainClause { verb: j }),
            };
        }
        return Some(Clue::MainClause { verb: j });
    }
    if tok.has(flag::BASE) && prev_is("to") {
        // An infinitive: "declined to say", "used the speech to warn".
        let k = j - 1;
        if refrained_before(k) {
            return Some(Clue::Negated);
        }
        // "Roe was prompted to say": the subject of the passive.
        if k >= limit + 2
            && has(p, k - 2, flag::BE)
            && t(p, k - 1).is_some_and(|x| x.is_lower_word() && !x.has(flag::SKIP))
            && p.word(text, k - 1).ends_with("ed")
            && let Found::Subject(s) = subject_of(p, text, k - 2, limit)
        {
            return Some(Clue::Said {
                subject: s,
                verb: j,
            });
        }
        return Some(Clue::MainClause { verb: j });
    }
    // "had written", "has said": a perfect is finite through its auxiliary.
    let perfect = tok.has(flag::PARTICIPLE)
        && prev.is_some_and(|k| {
            matches!(
                p.word(text, k).to_ascii_lowercase().as_str(),
                "have" | "has" | "had" | "'ve" | "’ve"
            )
        });
    if perfect {
        return match subject_of(p, text, j - 1, limit) {
            Found::Subject(s) => Some(Clue::Said {
                subject: s,
                verb: j,
            }),
            Found::Negated => Some(Clue::Negated),
            Found::Coordinated => Some(Clue::MainClause { verb: j }),
            Found::Nothing => None,
        };
    }
    if !tok.has(flag::PAST | flag::PRES3 | flag::BASE) {
        return None;
    }
    // Inverted before the quotation: "…, explained Jane Roe, “…”" (not
    // "told CBS, “…”": a name after "told" is the listener).
    let listener_verb = ["told", "tells", "asked", "asks"]
        .iter()
        .any(|w| p.word(text, j).eq_ignore_ascii_case(w));
    if tok.has(flag::SPEECH)
        && !tok.has(flag::BASE)
        && !listener_verb
        && let Some((s @ Subject::Named(m), end)) = np_after(p, text, j + 1)
        && (p.mentions[m].kind == NameKind::Person
            || p.mentions[m].kind == NameKind::Unknown && !p.mentions[m].sentence_initial)
        && t(p, end).is_some_and(|x| x.is_punct(',') || x.is_punct(':'))
        && t(p, end + 1).is_some_and(|x| x.quote().is_some())
    {
        return Some(Clue::Said {
            subject: s,
            verb: j,
        });
    }
    // A passive other than "quoted" names the listener, not the speaker
    // ("he was told"), unless it names the speaker after "by" ("Roe was
    // asked by host Ann Lee, “…”").
    if prev.is_some_and(|k| has(p, k, flag::BE)) {
        if is(p, text, j + 1, "by")
            && let Some((s @ (Subject::Named(_) | Subject::Description { .. }), _)) =
                np_after(p, text, j + 2)
        {
            return Some(Clue::Said {
                subject: s,
                verb: j,
            });
        }
        return None;
    }
    match subject_of(p, text, j, limit) {
        Found::Subject(s) => Some(Clue::Said {
            subject: s,
            verb: j,
        }),
        Found::Coordinated => Some(Clue::MainClause { verb: j }),
        Found::Negated => Some(Clue::Negated),
        Found::Nothing => None,
    }
}

/// "Casting himself as …, Christie roused": a sentence-initial -ing word
/// the lexicon does not know, followed by a word that is not a verb, opens
/// a participle clause rather than naming someone ("Manning said" does).
fn fronted_participle(p: &Parsed, text: &str, i: usize) -> bool {
    let w = p.word(text, i);
    p.toks.sentence_start(i) == i
        && w.len() > 5
        && w.ends_with("ing")
        && t(p, i).is_some_and(|x| x.is_capitalised())
        && t(p, i + 1).is_some_and(|x| {
            x.is_lower_word() && !x.has(flag::PAST | flag::PRES3 | flag::ATTRIBUTING | flag::BE)
        })
}

/// The subject of the main clause of the sentence starting at `start`,
/// for a participle or coordinated verb at `verb`: skips a fronted clause
/// ("On Saturday, …", "But asked if …, he …") and a leading quotation
/// ("“…,” he said, adding").
pub fn main_subject(p: &Parsed, text: &str, start: usize, verb: usize) -> Option<Subject> {
    let mut i = start;
    // A sentence that opens with a quotation and its attribution.
    while i < verb
        && t(p, i).is_some_and(|x| x.quote().is_some() || x.is_punct(',') || x.is_punct('–'))
    {
        i += 1;
    }
    if has(p, i, flag::CONJ) {
        i += 1;
    }
    for _ in 0..2 {
        let fronted = t(p, i).is_some_and(|x| {
            x.is_word()
                && (x.has(flag::SUBORD | flag::PREP)
                    || (x.has(flag::VERB_FORM)
                        && !x.has(flag::BASE)
                        && p.mention_starting(i).is_none()))
                && !x.has(flag::PRONOUN | flag::DET)
        }) || p.word(text, i).ends_with("ly") && has(p, i, flag::SKIP)
            || fronted_participle(p, text, i);
        if !fronted {
            break;
        }
        let comma = (i..verb)
            .take(40)
            .find(|&k| t(p, k).is_some_and(|x| x.is_punct(',')))?;
        i = comma + 1;
    }
    let (s, end) = np_after(p, text, i)?;
    if end > verb {
        return None;
    }
    // The subject is followed by its verb (maybe after an appositive or
    // an adverb), not by more noun phrase.
    let mut k = skip_party_tag(p, end);
    if t(p, k).is_some_and(|x| x.is_punct(',')) {
        k = (k + 1..verb)
            .take(MAX_APPOSITIVE)
            .find(|&x| t(p, x).is_some_and(|y| y.is_punct(',')))?
            + 1;
    }
    while has(p, k, flag::SKIP | flag::TIME) && k < verb {
        k += 1;
    }
    let verbish =
        t(p, k).is_some_and(|x| x.is_lower_word() && !x.has(flag::PREP | flag::DET | flag::CONJ));
    verbish.then_some(s)
}

#[cfg(test)]
mod tests {
    use super::super::marks::classify;
    use super::super::names::find_mentions;
    use super::super::parsed::Place;
    use super::super::spans::pair;
    use super::super::tokens::tokenize;
    use super::*;

    /// Parse one paragraph; return it with the token of its first quote.
    fn parse(text: &str) -> (Parsed, Option<usize>) {
        let mut marks = Vec::new();
        classify(text, 0..text.len(), &mut marks);
        let mut spans = Vec::new();
        pair(text, 0..text.len(), &marks, &mut spans);
        let quotes: Vec<_> = spans
            .iter()
            .enumerate()
            .map(|(i, s)| (s.outer(), i))
            .collect();
        let toks = tokenize(text, 0..text.len(), &quotes);
        let mentions = find_mentions(text, &toks);
        let p = Parsed::new(0, 0, 0..text.len(), Place::Body, toks, mentions);
        let q = p.quote_token(0);
        (p, q)
    }

    /// The subject's text for the first quote's clue.
    fn speaker(text: &str) -> Option<String> {
        let (p, q) = parse(text);
        let q = q?;
        let start = p.toks.sentence_start(q);
        let clue = after(&p, text, q).or_else(|| before(&p, text, q, start))?;
        match clue {
            Clue::Said { subject, .. } => Some(describe(&p, text, &subject)),
            Clue::MainClause { verb } => {
                main_subject(&p, text, start, verb).map(|s| describe(&p, text, &s))
            }
            Clue::Negated => Some("NEGATED".into()),
        }
    }

    fn describe(p: &Parsed, text: &str, s: &Subject) -> String {
        match s {
            Subject::Named(m) => text[p.bytes(p.mentions[*m].name.clone())].to_string(),
            Subject::Pronoun(i) => p.word(text, *i).to_string(),
            Subject::Description { tokens, .. } => text[p.bytes(tokens.clone())].to_string(),
            Subject::Several => "SEVERAL".into(),
        }
    }

    fn check(text: &str, want: &str) {
        assert_eq!(speaker(text).as_deref(), Some(want), "{text}");
    }

    #[test]
    fn attribution_after_the_quotation() {
        check("“We won,” coach Maria Lopez said.", "Maria Lopez");
        check("“We won,” said Maria Lopez, the coach.", "Maria Lopez");
        check("\"It is done,\" she said.", "she");
        check(
            "“Fine,” the official said, speaking on condition of anonymity.",
            "official",
        );
        check(
            "“No,” Smith, the company's chief executive, told reporters.",
            "Smith",
        );
        check("“Yes,” the agency TASS quoted Lavrov as saying.", "Lavrov");
        check("“Yes,” it cited Xi as saying.", "Xi");
        check("“Yes,” Lavrov was quoted as saying by Interfax.", "Lavrov");
        check(
            "“The data is clear,” according to Dr. Jane Goodall.",
            "Jane Goodall",
        );
        check(
            "“Why?” asked Jean-Pierre Dupont on Monday.",
            "Jean-Pierre Dupont",
        );
        check("“We appeal,” police said.", "police");
    }

    #[test]
    fn quoted_as_saying_and_affiliations_before_the_quotation() {
        check(
            "Reuters quoted Foreign Minister Hakan Demir as saying: “We will not accept preconditions.”",
            "Hakan Demir",
        );
        check(
            "It cited union leader Paulo Mendes as saying the deal was “a fair compromise.”",
            "Paulo Mendes",
        );
        check(
            "Analyst Maria Gomez of Barclays said: “The guidance was weaker than anyone expected.”",
            "Maria Gomez",
        );
        check(
            "A spokesman for the ministry said: “No decision has been taken.”",
            "spokesman for the ministry",
        );
    }

    #[test]
    fn attribution_before_the_quotation() {
        check(
            "Judge Amy Berman Jackson said: “The motion is denied.”",
            "Amy Berman Jackson",
        );
        check(
            "Lavrov told the conference – a two-day event – that he was sure “the war is lost.”",
            "Lavrov",
        );
        check(
            "Asked about it, Zhao said he had “no information to release” today.",
            "Zhao",
        );
        check(
            "Le also condemned the campaign, saying it was like “putting out fire with firewood”.",
            "Le",
        );
        check(
            "But asked if China had called on Putin to act, he took the questioner to task, saying, “There is no need.”",
            "he",
        );
        check(
            "On Saturday, Vice Foreign Minister Le Yucheng used an address to set out China's view that “Cold War mentality” lies at the root.",
            "Le Yucheng",
        );
        check(
            "It is what Chinese President Xi Jinping once called the “best in history.”",
            "Xi Jinping",
        );
        check(
            "President Xi also warned the US and added that sanctions only hurt “ordinary people.”",
            "Xi",
        );
    }

    #[test]
    fn negated_and_missing_attributions() {
        check(
            "China has refrained from calling the actions an “invasion,” so far.",
            "NEGATED",
        );
        assert_eq!(speaker("The court “repeatedly demonstrates bias.”"), None);
        assert_eq!(
            speaker("My two books: “How Wall Street Fleeces America”"),
            None
        );
        check(
            "Xi and Putin declared a friendship with “no limits\" in 2022.",
            "SEVERAL",
        );
    }
}
