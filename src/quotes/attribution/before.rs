//! The clause before a quotation: the nearest speech or stance verb and
//! its subject, participles and infinitives handing over to the main
//! clause's subject, and a name credited by a colon.

use super::*;

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
        // "according to X", "in the words of X".
        let according = is(p, text, j, "according") && is(p, text, j + 1, "to");
        let in_words = j >= 2
            && is(p, text, j - 2, "in")
            && is(p, text, j - 1, "the")
            && is(p, text, j, "words")
            && is(p, text, j + 1, "of");
        if according || in_words {
            if let Some((s, _)) = np_after(p, text, j + 2) {
                return Some(Clue::Said {
                    subject: s,
                    verb: j,
                });
            }
            continue;
        }
        // "In Roe's view, “…”".
        if let Some(m) = in_view_of(p, text, j) {
            return Some(Clue::Said {
                subject: Subject::Named(m),
                verb: j,
            });
        }
        // "Roe's recent assertion that “…”", "his remarks: “…”": what an
        // owner said.
        if let Some(subject) = owner_of_speech_noun(p, text, j, lowest) {
            return Some(Clue::Said { subject, verb: j });
        }
        // "Roe continues: “…”": a mostly-noun form before a colon.
        if tok.has(flag::NOUNLIKE_SPEECH)
            && t(p, j + 1).is_some_and(|x| x.is_punct(':'))
            && let Some((subject @ (Subject::Named(_) | Subject::Pronoun(_)), _)) =
                np_before(p, text, j, lowest)
            && !matches!(subject, Subject::Named(m) if p.mentions[m].possessive)
        {
            return Some(Clue::Said { subject, verb: j });
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
                    || (x.is_word() && x.has(flag::DET) && !x.has(flag::PRONOUN | flag::SKIP))
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
    // "Jane Roe and Lee Moss: “…”" credits both.
    let (subject, first) =
        coordination::coordinated(p, m, lowest).unwrap_or((Subject::Named(m), mention.first()));
    // The first words may be a clipped fragment or a role the name
    // matching left out ("oe Roe:", "Gov Roe:"), or follow a topic line
    // and its dash ("POLLS MISSED IT - Jane Roe: “…”", "… - More from
    // Roe: “…”").
    let words_from = |from: usize| {
        first <= from + 2 && (from..first).all(|k| t(p, k).is_some_and(|x| x.is_word()))
    };
    let dash = (lowest..first)
        .rev()
        .take(3)
        .find(|&k| t(p, k).is_some_and(|x| x.is_punct('–')));
    let opens = words_from(lowest) || dash.is_some_and(|d| words_from(d + 1));
    let person = matches!(mention.kind, NameKind::Person | NameKind::Unknown);
    (opens && person && !mention.possessive).then_some(Clue::Said {
        subject,
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
        // "with Sen. Jane Roe calling it a “…”": the name is the subject,
        // maybe before an adverb ("with Roe recently promising").
        let before_adverbs = prev.map(|k| {
            let mut k = k;
            while k > limit && has(p, k, flag::SKIP | flag::TIME) && p.mention_ending(k).is_none() {
                k -= 1;
            }
            k
        });
        if let Some(m) = before_adverbs.and_then(|k| p.mention_ending(k))
            && !p.mentions[m].possessive
            && p.mentions[m].first() > limit
            && {
                // "with the American Federation of Teachers calling her …".
                let f = p.mentions[m].first();
                is(p, text, f - 1, "with")
                    || (f >= limit + 2 && is(p, text, f - 1, "the") && is(p, text, f - 2, "with"))
            }
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
            // "scolded Roe for suggesting that …", "praised her for
            // calling it …": the one scolded or praised said it.
            if prev_is("for")
                && let Some((subject @ (Subject::Named(_) | Subject::Pronoun(_)), _)) =
                    np_before(p, text, k, limit)
                && !matches!(subject, Subject::Named(m) if p.mentions[m].possessive)
            {
                return Some(Clue::Said { subject, verb: j });
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
    // A name or pronoun right before the verb is its subject, and the name
    // after it the one spoken to ("Roe pressed Lee, “…”").
    let subject_before =
        j > limit && (p.mention_ending(j - 1).is_some() || has(p, j - 1, flag::PRONOUN));
    if tok.has(flag::SPEECH)
        && !tok.has(flag::BASE | flag::LISTENER)
        && !subject_before
        && let Some((s @ Subject::Named(m), end)) = np_after(p, text, j + 1)
        && (p.mentions[m].kind == NameKind::Person
            || p.mentions[m].kind == NameKind::Unknown && !p.mentions[m].weak)
        && t(p, end).is_some_and(|x| x.is_punct(',') || x.is_punct(':'))
        && (t(p, end + 1).is_some_and(|x| x.quote().is_some())
            // A lead-in paragraph: "Said Roe:" before the quoted block.
            || t(p, end).is_some_and(|x| x.is_punct(':')) && end + 1 == p.toks.len())
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
    let opens =
        p.toks.sentence_start(i) == i && w.len() > 5 && t(p, i).is_some_and(|x| x.is_capitalised());
    // "Horrified at the prospect, Roe …": a past participle and its
    // preposition.
    let past =
        w.ends_with("ed") && t(p, i + 1).is_some_and(|x| x.is_lower_word() && x.has(flag::PREP));
    opens
        && (past
            || w.ends_with("ing")
                && t(p, i + 1).is_some_and(|x| {
                    x.is_lower_word()
                        && !x.has(flag::PAST | flag::PRES3 | flag::ATTRIBUTING | flag::BE)
                }))
}

/// "Hours later, …", "Two weeks ago, …", "Last year, …": a short time
/// phrase before a comma, with no name in it.
fn fronted_time(p: &Parsed, i: usize, limit: usize) -> bool {
    let Some(comma) = (i..limit)
        .take(5)
        .find(|&k| t(p, k).is_some_and(|x| !x.is_word()))
    else {
        return false;
    };
    t(p, comma).is_some_and(|x| x.is_punct(','))
        && (i..comma).any(|k| has(p, k, flag::TIME))
        && (i..comma).all(|k| {
            // "Eight years ago,": a capitalised first word is no name.
            let named = p.mention_starting(k).is_some_and(|m| !p.mentions[m].weak);
            (!named || has(p, k, flag::TIME)) && !has(p, k, flag::PRONOUN)
        })
}

/// Most tokens of a dateline: "WASHINGTON (AP) —", "KYIV, March 3 –".
const MAX_DATELINE: usize = 8;

/// The first token after a dateline opening the sentence at `start`: a
/// dash after capitalised words, numbers and an agency in brackets.
fn after_dateline(p: &Parsed, start: usize, verb: usize) -> usize {
    let dash =
        (start..verb.min(start + MAX_DATELINE)).find(|&k| t(p, k).is_some_and(|x| x.is_punct('–')));
    let Some(dash) = dash.filter(|&d| d > start) else {
        return start;
    };
    let dateline = (start..dash).all(|k| {
        t(p, k).is_some_and(|x| {
            x.is_capitalised()
                || x.shape == Shape::Digit
                || x.is_punct(',')
                || x.is_punct('(')
                || x.is_punct(')')
                || x.is_punct('.')
        })
    });
    if dateline { dash + 1 } else { start }
}

/// The subject of the main clause of the sentence starting at `start`,
/// for a participle or coordinated verb at `verb`: skips a fronted clause
/// ("On Saturday, …", "But asked if …, he …") and a leading quotation
/// ("“…,” he said, adding").
pub fn main_subject(p: &Parsed, text: &str, start: usize, verb: usize) -> Option<Subject> {
    let mut i = after_dateline(p, start, verb);
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
        }) && !noun_phrase::hedged_count(p, text, i)
            || p.word(text, i).ends_with("ly") && has(p, i, flag::SKIP)
            || fronted_participle(p, text, i)
            || fronted_time(p, i, verb);
        if !fronted {
            break;
        }
        let comma = (i..verb)
            .take(40)
            .find(|&k| t(p, k).is_some_and(|x| x.is_punct(',')))?;
        // "Then he cut into Bush, calling him …": when the comma is the
        // participle's own, the first word was an adverb, not a clause.
        if comma + 1 >= verb && has(p, i, flag::SKIP) {
            i += 1;
            break;
        }
        i = comma + 1;
    }
    // "Speaking in Salem, New Hampshire, Trump went after Bush": the
    // state after a town belongs to the fronted phrase.
    if let Some(m) = p.mention_starting(i)
        && p.mentions[m].kind == NameKind::Place
        && t(p, p.mentions[m].name.end).is_some_and(|x| x.is_punct(','))
        && p.mentions[m].name.end + 1 < verb
    {
        i = p.mentions[m].name.end + 1;
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
    // "Along with her husband, Milton Berg, a money manager, she has
    // given": the name was part of the fronted phrase; the pronoun after
    // it is the subject.
    if k > end && has(p, k, flag::PRONOUN) && !has(p, k, flag::OBJ_PRONOUN) && k < verb {
        return Some(Subject::Pronoun(k));
    }
    let verbish = t(p, k).is_some_and(|x| {
        x.is_lower_word() && !x.has(flag::PREP | flag::DET | flag::CONJ | flag::PRONOUN)
    });
    verbish.then_some(s)
}
