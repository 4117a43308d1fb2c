//! The clause after a quotation: "…,” Lavrov said", "…,” said X, a
//! pollster", "…” — Jane Roe", and a late clause at the sentence's end.

use super::*;

/// The clause after quotation token `q`: "…,” X said", "…,” said X",
/// "…,” TASS quoted X as saying", "…,” according to X".
pub fn after(p: &Parsed, text: &str, q: usize) -> Option<Clue> {
    let clue = after_clause(p, text, q)?;
    let Clue::Said { verb, .. } = &clue else {
        return Some(clue);
    };
    let verb = *verb;
    // "“…” Zahed said: “…”": the clause introduces the next quotation.
    // Not when another clause with its own speech verb owns the colon:
    // "“…,” Roe said as the heckler yelled: “…”".
    let colon = (verb + 1..p.toks.len())
        .take(12)
        .find(|&k| t(p, k).is_some_and(|x| !x.is_word() && x.kind != Kind::Possessive))
        .is_some_and(|k| {
            t(p, k).is_some_and(|x| x.is_punct(':'))
                && t(p, k + 1).is_some_and(|x| x.quote().is_some())
                && !(verb + 1..k).any(|v| finite_verb(p, v))
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
        // "said Wednesday she wants …": past a time word, reported
        // content of its own.
        let k = past_adverbs(p, text, verb + 1);
        let content = k > verb + 1
            && (has(p, k, flag::PRONOUN)
                || p.mention_starting(k).is_some()
                || is(p, text, k, "that"));
        if !ends || content {
            return None;
        }
    }
    Some(clue)
}

/// An attribution at the end of the quotation's sentence, after a comma:
/// "“…” if she does not win by more, said Jane Roe, a pollster." The clause
/// must run to the sentence's end, after the sentence's last quotation:
/// "… will carry “weight” and bring “firepower,” spokesman Jane Roe said"
/// gives both to Roe.
pub fn late(p: &Parsed, text: &str, q: usize) -> Option<Clue> {
    let list = &p.toks.list;
    list.get(q)?;
    let end = p.toks.sentence_end(q);
    let last = (q..end).rev().find(|&k| list[k].quote().is_some())?;
    (last + 2..end.saturating_sub(1))
        .filter(|&k| list[k].is_punct(','))
        .find_map(|comma| match after(p, text, comma - 1)? {
            clue @ Clue::Said { .. } => Some(clue),
            _ => None,
        })
}

/// The token after a parenthesis at `j` ("Smith (D-Nev.) said"), or `j`.
pub(super) fn skip_party_tag(p: &Parsed, j: usize) -> usize {
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
        && t(p, p.mentions[m].name.end)
            .is_none_or(|x| x.is_punct(',') || x.is_punct('.') || x.quote().is_some())
    {
        return Some(Clue::Said {
            subject: Subject::Named(m),
            verb: q + 1,
        });
    }
    // "“…,” in Roe's view": whose view the words are.
    if let Some(m) = in_view_of(p, text, i) {
        return Some(Clue::Said {
            subject: Subject::Named(m),
            verb: i,
        });
    }
    if is(p, text, i, "according") && is(p, text, i + 1, "to") {
        let (s, _) = np_after(p, text, i + 2)?;
        return Some(Clue::Said {
            subject: s,
            verb: i,
        });
    }
    // "“…,” as Roe said on the radio": a comparative clause.
    if is(p, text, i, "as")
        && let Some((s, end)) = np_after(p, text, i + 1)
        && !matches!(s, Subject::Description { det: Det::Bare, .. })
    {
        let verb = past_adverbs(p, text, end);
        return (finite_verb(p, verb) && !has(p, verb, flag::BASE) && phrasal_ok(p, text, verb))
            .then_some(Clue::Said { subject: s, verb });
    }
    // "said Lavrov", "added the official", "notes Roe.".
    let nounlike = has(p, i, flag::NOUNLIKE_SPEECH)
        && p.mention_starting(i + 1)
            .is_some_and(|m| clause_ends(p, p.mentions[m].name.end));
    // Never "told POLITICO": whoever is told is listening ("asked Roe"
    // is Roe asking).
    let told = is(p, text, i, "told") || is(p, text, i, "tells");
    if nounlike || finite_verb(p, i) && !has(p, i, flag::BASE) && !told && phrasal_ok(p, text, i) {
        let mut j = i + 1;
        while has(p, j, flag::SKIP) && !has(p, j, flag::PRONOUN) && j < i + 3 {
            j += 1;
        }
        let (s, end) = np_after(p, text, j)?;
        // "…,” said the candidate could win": what was said, with its
        // own subject and verb, not an inverted attribution.
        if has(p, end, flag::AUX | flag::BE) {
            return None;
        }
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
        let mut object_end = match p.mention_starting(k) {
            Some(m) => Some(p.mentions[m].name.end),
            None => np_after(p, text, j + 1).map(|(_, end)| end),
        };
        // "of the James Martin Center for Nonproliferation Studies": a
        // name in parts, joined by "for", "of" or "and".
        while let Some(end) = object_end
            && !verb_ahead(p, text, end)
            && t(p, end).is_some_and(|x| x.is_lower_word() && x.has(flag::PREP | flag::CONJ))
            && let Some(next) = p.mention_starting(end + 1)
        {
            object_end = Some(p.mentions[next].name.end);
        }
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
        let window = || {
            (j + 1..p.toks.len())
                .take(MAX_APPOSITIVE)
                .take_while(|&k| !ends(k))
        };
        let close = window()
            .filter(|&k| t(p, k).is_some_and(|x| x.is_punct(',')))
            .find(|&k| verb_ahead(p, text, k + 1));
        j = match close {
            Some(close) => close + 1,
            // "…,” Roe, the pollster who founded the site tweeted": a
            // relative clause whose closing comma the writer left out;
            // the speech verb after it is the clause's own.
            None => {
                let relative = window().position(|k| is(p, text, k, "who"))? + j + 1;
                window().skip_while(|&k| k <= relative + 1).find(|&k| {
                    finite_verb(p, k)
                        && has(p, k, flag::ATTRIBUTING)
                        && !has(p, k, flag::BASE)
                        && t(p, k - 1).is_some_and(|x| x.is_word())
                })?
            }
        };
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
    // "Kelly charged in her interview", not "charged with fraud".
    let adjunct = t(p, j + 1).is_some_and(|x| {
        x.is_lower_word() && x.has(flag::PREP | flag::TIME) && !is(p, text, j + 1, "with")
    });
    let nounlike = has(p, j, flag::NOUNLIKE_SPEECH) && (clause_ends(p, j + 1) || adjunct);
    if !nounlike && (!finite_verb(p, j) || !phrasal_ok(p, text, j)) {
        // "“…,” Hannity started.": a quotation closed by its comma and a
        // clause of nothing but a name and a past verb is that person's.
        let past = |x: &Token| {
            x.has(flag::PAST)
                || x.flags & !(flag::PARTICIPLE | flag::VERB_FORM) == 0
                    && p.word(text, j).len() > 4
                    && p.word(text, j).ends_with("ed")
        };
        let bare_past = t(p, j).is_some_and(|x| x.is_lower_word() && past(x))
            && clause_ends(p, j + 1)
            && t(p, j + 1).is_none_or(|x| !x.is_punct(','))
            && t(p, q).is_some_and(|x| {
                text[x.start..x.end]
                    .trim_end_matches(['”', '"', '’', '\'', '»'])
                    .ends_with(',')
            })
            && matches!(s, Subject::Named(_) | Subject::Pronoun(_));
        if !bare_past {
            return None;
        }
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

/// Nouns for a point of view that credit words to their owner.
const VIEW_NOUNS: &[&str] = &[
    "view",
    "words",
    "opinion",
    "estimation",
    "telling",
    "account",
];

/// "in Roe's view", "in the words of Roe": the name whose view it is,
/// from token `i` on.
pub(super) fn in_view_of(p: &Parsed, text: &str, i: usize) -> Option<usize> {
    if !is(p, text, i, "in") {
        return None;
    }
    let view = |k: usize| VIEW_NOUNS.iter().any(|w| is(p, text, k, w));
    // "in Roe's view"
    if let Some(m) = p.mention_starting(i + 1)
        && p.mentions[m].possessive
        && view(p.mentions[m].name.end + 1)
    {
        return Some(m);
    }
    // "in the words of Roe"
    if is(p, text, i + 1, "the") && view(i + 2) && is(p, text, i + 3, "of") {
        return p
            .mention_starting(i + 4)
            .filter(|&m| matches!(p.mentions[m].kind, NameKind::Person | NameKind::Unknown));
    }
    None
}
