//! Continuity: who speaks a quotation whose own sentence names nobody —
//! the quotation it carries on, the sentence's subject in reported speech,
//! a lead-in ending in a colon, a quote-only paragraph after a quoted
//! speaker — and when to leave it without one.

use super::*;

impl Engine<'_> {
    /// Continuity for a quotation whose own sentence names no speaker.
    pub(super) fn inherit(&mut self, q: usize) {
        let text = self.text;
        // A credit on the line below: "“…”" then "— Jane Roe."
        let k = self.quotes[q].para;
        if self.paragraph_is_quote_only(k)
            && let Some((id, how)) = self.dash_credit_below(k)
        {
            self.set(q, Some(id), how, true);
            return;
        }
        let w = &self.quotes[q];
        let (k, tok) = (w.para, w.tok);
        let inner = &text[w.span.inner.clone()];
        // A quotation carried over from the previous paragraph.
        if let Some(prev) = w.continues
            && let Some(id) = self.quotes[prev].speaker
        {
            self.set(q, Some(id), Attribution::Continued { from: prev }, false);
            return;
        }
        // A quotation that is a sentence of its own ("“That’s Jeb Bush and
        // Marco Rubio.”") is speech, however many capitals it has.
        let own_sentence = self.paras[k].toks.sentence_start(tok) == tok
            && inner.trim_end().ends_with(['.', '!', '?']);
        if !own_sentence && terms::is_title(inner) {
            self.unattributed(q, Unattributed::Title);
            return;
        }
        // Words quoted inside reported speech: "Roe dismissed the plan as
        // “a gimmick”" — the sentence's subject chose them,
        // short as they may be, unless marked as a name ("so-called", "on
        // “Morning Desk”").
        if let Some((id, how)) = self.reported_by_subject(q) {
            self.set(q, Some(id), how, true);
            return;
        }
        let p = &self.paras[k];
        let inner = &text[self.quotes[q].span.inner.clone()];
        if terms::is_term(p, text, tok, inner) {
            self.unattributed(q, Unattributed::Term);
            return;
        }
        // An earlier quotation in the same paragraph, with no one else
        // named in between.
        if let Some(prev) = (0..q)
            .rev()
            .take_while(|&o| self.quotes[o].para == k)
            .find(|&o| self.quotes[o].speaker.is_some())
            && let Some(id) = self.quotes[prev].speaker
            && !self.other_person_between(k, self.quotes[prev].tok, tok, id)
        {
            self.set(q, Some(id), Attribution::Continued { from: prev }, false);
            return;
        }
        if let Some((id, how)) = self.speech_sentence_before(q) {
            self.set(q, Some(id), how, false);
            return;
        }
        let first_in_para = q == 0 || self.quotes[q - 1].para != k;
        if first_in_para && let Some((id, how)) = self.lead_in(k) {
            self.quotes[q].excerpt = true;
            self.set(q, Some(id), how, true);
            return;
        }
        if first_in_para
            && tok == 0
            && self.paragraph_is_quote_only(k)
            && let Some((id, how)) = self.reported_speech_before(k)
        {
            self.set(q, Some(id), how, false);
            return;
        }
        // Only a paragraph that is nothing but quotation carries a speaker
        // on: one whose own words were not understood gets none, since a
        // wrong name is worse than a blank.
        let sentence_like = terms::word_count(inner) >= 4;
        // The exception: excerpts after a lead-in ("he said the following
        // about the court:"), quoted paragraph after paragraph.
        if let Some((prev, id)) = self.recent_speaker(k, tok, sentence_like)
            && (self.paragraph_is_quote_only(k) || self.quotes[prev].excerpt)
        {
            self.quotes[q].excerpt = self.quotes[prev].excerpt;
            self.set(q, Some(id), Attribution::Continued { from: prev }, false);
            return;
        }
        if let Some((id, how)) = self
            .sentence_person(q)
            .or_else(|| self.about_person_before(q))
        {
            self.set(q, Some(id), how, false);
        }
    }

    /// A whole sentence of quotation right after a sentence about one
    /// person and no one else: "Roe touted her record on the bill. “We
    /// need …”" — news introduces a source, then quotes them.
    fn about_person_before(&self, q: usize) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let (k, tok) = (self.quotes[q].para, self.quotes[q].tok);
        let p = &self.paras[k];
        let inner = &text[self.quotes[q].span.inner.clone()];
        let whole =
            inner.trim_end().ends_with(['.', '!', '?', ',']) && terms::word_count(inner) >= 4;
        if p.place != Place::Body || tok == 0 || p.toks.sentence_start(tok) != tok || !whole {
            return None;
        }
        let start = p.toks.sentence_start(tok - 1);
        if (start..tok).any(|i| p.toks.list[i].quote().is_some()) {
            return None;
        }
        let Subject::Named(m) = attribution::main_subject(p, text, start, tok)? else {
            return None;
        };
        let id = p.entity[m]?;
        // A person, or a full name not yet known as anything else.
        let person = match self.reg.get(id).kind {
            EntityKind::Person => true,
            EntityKind::Unknown => p.mentions[m].name.len() > 1,
            _ => false,
        };
        if p.mentions[m].possessive || !person || self.names_other_person(k, start..tok, id) {
            return None;
        }
        Some((
            id,
            Attribution::Nearby {
                mention: p.bytes(p.mentions[m].name.clone()),
            },
        ))
    }

    /// The last resort for words quoted inside a sentence whose clause was
    /// not understood: the one person the sentence names before them, as a
    /// subject — not owned, not after a preposition ("Roe, in a long
    /// interview with a host, again compared the plan to “…”").
    fn sentence_person(&self, q: usize) -> Option<(EntityId, Attribution)> {
        let (k, tok) = (self.quotes[q].para, self.quotes[q].tok);
        let p = &self.paras[k];
        let start = p.toks.sentence_start(tok);
        if p.place != Place::Body || start == tok {
            return None;
        }
        // Not a name or title: every word capitalised ("Apollo 13", "The
        // Five"), no letters at all ("99.9"), or a noun phrase's head
        // after a determiner, preposition or owner ("the new “Hawaii
        // Five-0”", "a pro-Clinton “super PAC”", "co-author of “…”").
        let inner = &self.text[self.quotes[q].span.inner.clone()];
        let capitalised = inner
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        let determined = |i: usize| {
            let t = &p.toks.list[i];
            t.kind == Kind::Possessive || (t.is_word() && t.has(flag::DET | flag::PREP))
        };
        // "The Obama “hug.”": a name modifying the quoted noun.
        let in_phrase = determined(tok - 1)
            || p.mention_ending(tok - 1).is_some_and(|m| {
                p.mentions[m].first() > 0 && determined(p.mentions[m].first() - 1)
            });
        if capitalised || !inner.chars().any(char::is_alphabetic) || in_phrase {
            return None;
        }
        let mut found: Option<(usize, EntityId)> = None;
        for (m, mention) in p.mentions.iter().enumerate() {
            if mention.first() < start || mention.name.end > tok {
                continue;
            }
            let Some(id) = p.entity[m] else { continue };
            if self.reg.get(id).kind != EntityKind::Person {
                continue;
            }
            if mention.possessive || p.word_before_has(mention.first(), flag::PREP) {
                continue;
            }
            match found {
                None => found = Some((m, id)),
                Some((_, other)) if other != id => return None,
                Some(_) => {}
            }
        }
        let (m, id) = found?;
        Some((
            id,
            Attribution::Nearby {
                mention: p.bytes(p.mentions[m].name.clone()),
            },
        ))
    }

    /// The subject of the quotation's sentence, when the quotation sits in
    /// its predicate and is not a title or a term: a partial quotation in
    /// reported speech.
    fn reported_by_subject(&mut self, q: usize) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let w = &self.quotes[q];
        let (k, tok) = (w.para, w.tok);
        let p = &self.paras[k];
        if p.place != Place::Body || terms::is_named_term(p, text, tok, &text[w.span.inner.clone()])
        {
            return None;
        }
        let start = p.toks.sentence_start(tok);
        if tok == start {
            return None;
        }
        let subject = attribution::main_subject(p, text, start, tok)?;
        // People and bodies choose words; "the plan drew a verdict" does not.
        // ("Another said he hoped with his “whole heart”": a determiner
        // standing for people does.)
        if let Subject::Description { head, .. } = &subject
            && !p.toks.list[*head].has(flag::DESC_PERSON | flag::DESC_ORG | flag::DET)
        {
            return None;
        }
        let (id, how) = self.resolve_subject(k, &subject)?;
        matches!(
            self.reg.get(id).kind,
            EntityKind::Person | EntityKind::Organisation | EntityKind::Description
        )
        .then_some((id, how))
    }

    /// A quotation that opens a sentence after one that ends in a speech
    /// clause of its own paragraph: "Jane Roe said in a statement. “…”",
    /// "Roe had a warning for the board: “…”".
    fn speech_sentence_before(&mut self, q: usize) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let (k, tok) = (self.quotes[q].para, self.quotes[q].tok);
        let p = &self.paras[k];
        if tok == 0 || p.toks.sentence_start(tok) != tok {
            return None;
        }
        let end = tok - 1;
        let start = p.toks.sentence_start(end);
        if (start..end).any(|i| p.toks.list[i].quote().is_some()) {
            return None;
        }
        let (subject, verb) = match attribution::before(p, text, end + 1, start)? {
            Clue::Said { subject, verb } => (subject, verb),
            // "Roe distanced himself by saying he would help. “…”": the
            // main clause's subject.
            Clue::MainClause { verb } => (attribution::main_subject(p, text, start, verb)?, verb),
            Clue::Negated => return None,
        };
        // The clause ends at its verb, maybe after an adjunct: no object,
        // no reported content of its own.
        let rest_is_adjunct = (verb + 1..end).all(|i| {
            let t = &p.toks.list[i];
            !t.is_word() || t.has(flag::PREP | flag::TIME | flag::SKIP | flag::DET | flag::DESC_DOC)
        }) && !(verb + 1..end).any(|i| p.mention_starting(i).is_some());
        // Or reported speech that names nobody else, followed by a whole
        // sentence of quotation: "Roe says she got a call from her niece.
        // “She was scared.”" — news introduces a source, then quotes them.
        // The verb must be the sentence's own, not one inside what it
        // reports ("Roe said Lee had warned them. “…”" is not Lee's).
        let reported = p.toks.list[verb].has(flag::SPEECH)
            && terms::word_count(&text[self.quotes[q].span.inner.clone()]) >= 4
            && attribution::main_subject(p, text, start, verb).as_ref() == Some(&subject);
        if !rest_is_adjunct && !p.toks.list[end].is_punct(':') && !reported {
            return None;
        }
        let (id, how) = self.resolve_subject(k, &subject)?;
        if !rest_is_adjunct && self.names_other_person(k, verb + 1..end, id) {
            return None;
        }
        Some((id, how))
    }

    /// A previous paragraph ending in a colon introduces this one:
    /// "Last week, he said the following about the court:".
    fn lead_in(&mut self, k: usize) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let prev = k.checked_sub(1)?;
        let p = &self.paras[prev];
        if p.place != Place::Body || !p.toks.list.last().is_some_and(|t| t.is_punct(':')) {
            return None;
        }
        let end = p.toks.len() - 1;
        let start = p.toks.sentence_start(end);
        let Some(clue) = attribution::before(p, text, end, start) else {
            // "Roe issued the following statement:" — what the subject
            // said, named by a speech noun right before the colon.
            if end > start && p.toks.list[end - 1].has(flag::SPEECH_NOUN) {
                let subject = attribution::main_subject(p, text, start, end - 1)?;
                let (id, how) = self.resolve_subject(prev, &subject)?;
                let speaks = matches!(
                    self.reg.get(id).kind,
                    EntityKind::Person | EntityKind::Organisation
                );
                return speaks.then_some((id, how));
            }
            return None;
        };
        match clue {
            Clue::Said { subject, .. } => self.resolve_subject(prev, &subject),
            Clue::MainClause { verb } => {
                // "…,” said Lavrov, adding:" — the sentence's speaker.
                let last_quote = (0..self.quotes.len())
                    .rev()
                    .find(|&o| self.quotes[o].para == prev && self.quotes[o].tok < verb);
                match last_quote {
                    Some(o) => Some((self.quotes[o].speaker?, Attribution::Continued { from: o })),
                    // "Roe issued the following statement:" — the
                    // subject of the clause that introduces the block.
                    None => {
                        let subject = attribution::main_subject(p, text, start, verb)?;
                        self.resolve_subject(prev, &subject)
                    }
                }
            }
            Clue::Negated => None,
        }
    }

    /// A paragraph that opens with a quotation, after a paragraph without
    /// any that ends in reported speech ("She said the rules were clear."),
    /// gives the quotation to that speaker: news introduces a source, then
    /// quotes them.
    fn reported_speech_before(&mut self, k: usize) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let prev = k.checked_sub(1)?;
        if self.quotes.iter().any(|w| w.para == prev) {
            return None;
        }
        let p = &self.paras[prev];
        if p.place != Place::Body || p.toks.len() < 3 {
            return None;
        }
        let end = p.toks.len() - 1;
        let start = p.toks.sentence_start(end);
        let subject = match attribution::before(p, text, end, start)? {
            Clue::Said { subject, .. } => subject,
            // "Roe responded by pointing at her, saying the rules were
            // clear.": the main clause's subject speaks.
            Clue::MainClause { verb } if p.toks.list[verb].has(flag::SPEECH) => {
                attribution::main_subject(p, text, start, verb)?
            }
            _ => return None,
        };
        let (id, how) = self.resolve_subject(prev, &subject)?;
        // Named in the other paragraph: a guess from nearby.
        let how = match how {
            Attribution::Named { mention } => Attribution::Nearby { mention },
            other => other,
        };
        Some((id, how))
    }

    /// The most recent speaker, when only a few paragraphs back and nobody
    /// else has been named since (news quotes a source over several
    /// paragraphs).
    fn recent_speaker(
        &self,
        k: usize,
        tok: usize,
        sentence_like: bool,
    ) -> Option<(usize, EntityId)> {
        // Quotations are in text order: only those before paragraph `k`
        // and within reach are looked at (a scan from the last quotation
        // made an article of 50,000 quoted paragraphs quadratic).
        let before = self.quotes.partition_point(|w| w.para < k);
        let prev = (0..before)
            .rev()
            .take_while(|&o| self.quotes[o].para + INHERIT_REACH >= k)
            .find(|&o| self.quotes[o].speaker.is_some())?;
        let pk = self.quotes[prev].para;
        let id = self.quotes[prev].speaker?;
        // Subheadings and headlines break the chain.
        if (pk + 1..=k).any(|j| self.paras[j].place != Place::Body) {
            return None;
        }
        // A new person named in between (or before the quotation in its
        // own paragraph) is likelier the source.
        for j in pk + 1..k {
            if self.names_other_person(j, 0..self.paras[j].toks.len(), id) {
                return None;
            }
        }
        if pk + 1 < k && !self.paragraph_is_quote_led(k) && !sentence_like {
            // Across a paragraph without quotations, a few quoted words in
            // the middle of a sentence do not carry the speaker on.
            return None;
        }
        let sentence_start = self.paras[k].toks.sentence_start(tok);
        if self.names_other_person(k, sentence_start..tok, id) {
            return None;
        }
        Some((prev, id))
    }

    /// The paragraph after `k`, when it is only a dash and a name ("—
    /// Jane Roe.", "- Roe, the mayor"): a credit for the quotation above,
    /// as fact checks and epigraphs print it.
    fn dash_credit_below(&mut self, k: usize) -> Option<(EntityId, Attribution)> {
        let p = self.paras.get(k + 1)?;
        // Short and often without a full stop, it may look like a heading.
        if p.place == Place::Headline
            || !p.toks.list.first()?.is_punct('–')
            || p.toks.list.iter().any(|t| t.quote().is_some())
        {
            return None;
        }
        let m = p.mention_starting(1)?;
        let mention = &p.mentions[m];
        let ends = p
            .toks
            .list
            .get(mention.name.end)
            .is_none_or(|x| x.is_punct('.') || x.is_punct(','));
        let kind = matches!(mention.kind, NameKind::Person | NameKind::Unknown);
        if !ends || !kind || mention.possessive {
            return None;
        }
        self.resolve_subject(k + 1, &Subject::Named(m))
    }

    /// Nothing but quotations and punctuation.
    fn paragraph_is_quote_only(&self, k: usize) -> bool {
        self.paras[k]
            .toks
            .list
            .iter()
            .all(|t| !t.is_word() || t.quote().is_some())
    }

    fn paragraph_is_quote_led(&self, k: usize) -> bool {
        self.paras[k]
            .toks
            .list
            .first()
            .is_some_and(|t| t.quote().is_some())
    }

    /// Does paragraph `k` name a person other than `id` in tokens `r`?
    fn names_other_person(&self, k: usize, r: Range<usize>, id: EntityId) -> bool {
        let p = &self.paras[k];
        p.mentions.iter().zip(&p.entity).any(|(m, e)| {
            r.contains(&m.name.start)
                && e.is_some_and(|e| {
                    e != id && !m.possessive && self.reg.get(e).kind == EntityKind::Person
                })
        })
    }

    /// Is a person other than `id` named between quotation tokens `from`
    /// and `to`? The rest of `from`'s own sentence is its attribution
    /// ("…,” Cruz told host Ann Lee. “…”): people named there are
    /// listeners, not speakers, when `to` opens a sentence of its own.
    fn other_person_between(&self, k: usize, from: usize, to: usize, id: EntityId) -> bool {
        let toks = &self.paras[k].toks;
        let sentence = |i: usize| toks.list.get(i).map(|t| t.sentence);
        let mut start = from + 1;
        if sentence(to) != sentence(from) {
            while start < to && sentence(start) == sentence(from) {
                start += 1;
            }
        }
        // A sentence in between about the speaker ("Roe supports Jane Lee
        // in the race.") keeps them the speaker: its other names are
        // objects.
        let p = &self.paras[k];
        let mut i = start;
        while i < to {
            let first = i;
            while i < to && sentence(i) == sentence(first) {
                i += 1;
            }
            let opens_with_speaker = p
                .mention_starting(first)
                .is_some_and(|m| p.entity[m] == Some(id) && !p.mentions[m].possessive);
            if !opens_with_speaker && self.names_other_person(k, first..i, id) {
                return true;
            }
        }
        false
    }
}
