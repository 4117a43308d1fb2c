//! Who is in the article: every name and unnamed source becomes (or
//! joins) an entity, and each mention, subject and pronoun adds to the
//! salience that pronouns and descriptions are resolved by.

use super::*;

/// Possessive determiners: what follows them is owned, not a person.
const OWNER_PRONOUNS: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

impl Engine<'_> {
    /// First pass: every name and indefinite description in the article
    /// becomes (or joins) an entity, body first, then Title Case headlines
    /// by matching the names found.
    pub(super) fn register_entities(&mut self) {
        let text = self.text;
        for k in 0..self.paras.len() {
            let p = &self.paras[k];
            let mut ids = Vec::with_capacity(p.mentions.len());
            for m in &p.mentions {
                let name = spaced(text, p.bytes(m.name.clone()));
                let prefix = spaced(text, p.bytes(m.role.clone()));
                let appositive = spaced(text, p.bytes(m.appositive.clone()));
                let role = if prefix.is_empty() {
                    &appositive
                } else {
                    &prefix
                };
                // "her Facebook page", "their Toyota": a name owned by a
                // pronoun is a thing or a body, never "he" or "she".
                let owned = m.kind == NameKind::Unknown
                    && m.first() > 0
                    && p.toks.list[m.first() - 1].is_word()
                    && OWNER_PRONOUNS
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(p.word(text, m.first() - 1)));
                let form = NameForm {
                    name: &name,
                    role,
                    prefix: &prefix,
                    kind: if owned {
                        NameKind::Organisation
                    } else {
                        m.kind
                    },
                    gender: m.gender,
                    range: p.bytes(m.name.clone()),
                };
                // A sentence-initial word with no evidence is registered
                // only when it matches someone known ("Lavrov said …").
                let id = if m.weak && m.kind == NameKind::Unknown {
                    self.reg
                        .known_word(&name)
                        .filter(|&id| {
                            matches!(
                                self.reg.get(id).kind,
                                EntityKind::Person | EntityKind::Unknown
                            )
                        })
                        .inspect(|&id| {
                            let e = self.reg.get_mut(id);
                            e.kind = EntityKind::Person;
                            e.mentions.push(form.range.clone());
                        })
                } else if m.kind == NameKind::Place
                    && !name.contains(' ')
                    && let Some(id) = self
                        .reg
                        .known_word(&name)
                        .filter(|&id| self.reg.get(id).kind == EntityKind::Person)
                {
                    // "Jim Jordan said … Jordan added": the person, not the
                    // country of the same name.
                    self.reg.get_mut(id).mentions.push(form.range.clone());
                    Some(id)
                } else {
                    self.reg.add_name(&form)
                };
                ids.push(id);
            }
            let p = &mut self.paras[k];
            p.entity = ids;
        }
        for k in 0..self.paras.len() {
            if self.paras[k].place == Place::Headline && self.paras[k].mentions.is_empty() {
                self.headline_names(k);
            }
        }
    }

    /// The entity a name seen outside the body's grammar (a headline's
    /// opening words, a transcript label) refers to: someone known by the
    /// whole name or its last word, else a new entity of `kind`.
    pub(super) fn known_or_new(
        &mut self,
        name: &str,
        kind: NameKind,
        range: Range<usize>,
    ) -> Option<EntityId> {
        let last = name.rsplit(' ').next().unwrap_or(name);
        let known = self
            .reg
            .known_word(name)
            .or_else(|| self.reg.known_word(last));
        known.or_else(|| {
            self.reg.add_name(&NameForm {
                name,
                role: "",
                prefix: "",
                kind,
                gender: Gender::Unknown,
                range,
            })
        })
    }

    /// Names in a Title Case headline: words that name a known person or
    /// organisation, with a given name before them ("Sergey Lavrov").
    fn headline_names(&mut self, k: usize) {
        let text = self.text;
        let p = &self.paras[k];
        let list = &p.toks.list;
        let mut found: Vec<(Range<usize>, EntityId)> = Vec::new();
        for (i, t) in list.iter().enumerate() {
            if !(t.is_word() && t.is_capitalised() && !t.has(flag::STOP)) {
                continue;
            }
            let Some(id) = self.reg.known_word(&text[t.start..t.end]) else {
                continue;
            };
            // "Trevor Noah": words of one known name make one mention.
            if let Some((r, last)) = found.last_mut()
                && r.end == i
                && *last == id
            {
                r.end = i + 1;
                continue;
            }
            // The word before is the given name when the lexicon lists it
            // or the known name has it ("Oskar Lund Says").
            let given = i > 0
                && list[i - 1].is_capitalised()
                && (list[i - 1].has(flag::GIVEN)
                    || ends_with_words(
                        &self.reg.get(id).name,
                        &text[list[i - 1].start..list[i - 1].end],
                        &text[t.start..t.end],
                    ));
            let start = if given { i - 1 } else { i };
            found.push((start..i + 1, id));
        }
        let mut mentions = Vec::with_capacity(found.len());
        let mut ids = Vec::with_capacity(found.len());
        for (r, id) in found {
            let bytes = p.bytes(r.clone());
            let id = if self.reg.get(id).kind == EntityKind::Person {
                let name = spaced(text, bytes.clone());
                let form = NameForm::person(&name, Gender::Unknown, bytes);
                self.reg.add_name(&form).unwrap_or(id)
            } else {
                self.reg.get_mut(id).mentions.push(bytes);
                id
            };
            mentions.push(crate::quotes::names::Mention {
                name: r.clone(),
                role: r.start..r.start,
                appositive: r.end..r.end,
                kind: NameKind::Person,
                gender: Gender::Unknown,
                possessive: list.get(r.end).is_some_and(|t| t.kind == Kind::Possessive),
                weak: false,
            });
            ids.push(Some(id));
        }
        let p = &mut self.paras[k];
        let toks = std::mem::take(&mut p.toks);
        let mut np = Parsed::new(p.index, p.ordinal, p.range.clone(), p.place, toks, mentions);
        np.sentence_base = p.sentence_base;
        np.entity = ids;
        *p = np;
    }

    pub(super) fn add_mention_events(&mut self, k: usize) {
        let text = self.text;
        let p = &self.paras[k];
        let mut events = Vec::new();
        // The name a sentence opens with, after its roles ("Obama
        // consultant Jane Roe, the pollster, picked up …"): the subject.
        let openers: Vec<usize> = p
            .toks
            .sentence_starts
            .iter()
            .filter_map(|&s| match attribution::np_after(p, text, s) {
                Some((Subject::Named(m), _)) => Some(m),
                _ => None,
            })
            .collect();
        for (m, mention) in p.mentions.iter().enumerate() {
            let Some(id) = p.entity[m] else { continue };
            let first = mention.first();
            let prev = first.checked_sub(1).and_then(|i| p.toks.list.get(i));
            let next = p.toks.list.get(mention.name.end);
            let mut w = if mention.possessive {
                weight::POSSESSIVE
            } else if openers.contains(&m) {
                weight::SUBJECT
            } else if next
                .is_some_and(|t| t.is_lower_word() && t.has(flag::DESC_PERSON | flag::DESC_ORG))
            {
                // "the Democratic frontrunner", "Trump supporters": the
                // name modifies someone else.
                weight::MODIFIER
            } else if p.word_before_has(first, flag::PREP) {
                weight::OBJECT
            } else if p.toks.sentence_start(first) == first
                || prev.is_some_and(|t| {
                    t.is_punct(',') || (t.is_word() && t.has(flag::CONJ) && !t.has(flag::SUBORD))
                })
            {
                weight::SUBJECT
            } else {
                weight::MENTION
            };
            if p.place == Place::Headline {
                w *= 0.6;
            }
            if self.reg.get(id).kind == EntityKind::Place {
                w *= 0.5;
            }
            events.push((id, self.at(k, mention.name.start), w));
        }
        // Indefinite descriptions introduce an unnamed source: "A senior
        // administration official briefing on the background …"; so do
        // bare plurals that open a sentence: "Residents of Elm Street
        // have opposed the tower" (then "they said").
        for i in 0..p.toks.len() {
            let t = &p.toks.list[i];
            let sentence_start = p.toks.sentence_start(i) == i;
            let opens = if t.is_word() && t.has(flag::DET) {
                let w = p.word(text, i).to_ascii_lowercase();
                matches!(w.as_str(), "a" | "an" | "another")
            } else {
                sentence_start && t.is_word() && t.has(flag::PLURAL) && t.has(flag::DESC_PERSON)
            };
            // "Jan Roe, a pollster,": an appositive describes the person
            // just named, not someone new.
            let appositive =
                i >= 2 && p.toks.list[i - 1].is_punct(',') && p.mention_ending(i - 2).is_some();
            // "told a crowd": who is spoken to is not a source; "she is a
            // candidate": a predicate describes someone already there.
            let spoken_to_or_predicate = p.word_before_has(i, flag::LISTENER | flag::BE);
            if !opens || appositive || spoken_to_or_predicate {
                continue;
            }
            // A capitalised sentence-initial plural is a head on its own.
            let np = if t.has(flag::DET) {
                attribution::np_after(p, text, i)
            } else {
                Some((
                    Subject::Description {
                        tokens: i..i + 1,
                        head: i,
                        det: Det::Bare,
                    },
                    i + 1,
                ))
            };
            if let Some((
                Subject::Description {
                    tokens,
                    head,
                    det: Det::Indefinite | Det::Bare,
                },
                _,
            )) = np
                && p.toks.list[head].has(flag::DESC_PERSON)
                && !p
                    .toks
                    .list
                    .get(head + 1)
                    .is_some_and(|n| n.is_capitalised())
            {
                // "Residents of Elm Street": the place or body they belong to.
                let mut tokens = tokens;
                if tokens.end == head + 1 && p.word(text, head + 1) == "of" {
                    let named = (head + 2..(head + 6).min(p.toks.len()))
                        .take_while(|&k| {
                            p.toks.list[k].is_word() && p.toks.list[k].is_capitalised()
                        })
                        .last();
                    if let Some(last) = named {
                        tokens.end = last + 1;
                    }
                }
                let desc = spaced(text, p.bytes(tokens.clone()));
                let head_word = p.word(text, head).to_lowercase();
                let plural = p.toks.list[head].has(flag::PLURAL);
                let id = self.reg.description(&desc, &head_word, plural, t.start);
                let w = if sentence_start {
                    weight::SUBJECT
                } else if p.word_before_has(i, flag::PREP) {
                    weight::OBJECT
                } else {
                    weight::MENTION
                };
                events.push((id, self.at(k, i), w));
            }
        }
        for (id, at, w) in events {
            self.salience.add(id, at, w);
        }
    }

    /// He/she as the subject of a clause, for chains of pronouns across
    /// paragraphs without quotations ("He said China risks …").
    pub(super) fn add_pronoun_events(&mut self, k: usize) {
        let p = &self.paras[k];
        let mut events = Vec::new();
        for (i, t) in p.toks.list.iter().enumerate() {
            if !(t.is_word() && t.has(flag::PRONOUN)) {
                continue;
            }
            let pr = Pronoun::of(p.word(self.text, i));
            if !matches!(pr, Pronoun::He | Pronoun::She) {
                continue;
            }
            if !p.toks.list.get(i + 1).is_some_and(|n| n.is_lower_word()) {
                continue;
            }
            let at = self.at(k, i);
            if let Some(id) = self.salience.pronoun(&self.reg, pr, at) {
                events.push((id, at));
            }
        }
        for (id, at) in events {
            self.salience.add(id, at, weight::PRONOUN);
        }
    }
}

/// Does `name` end with the words `first last` ("Oskar Lund")?
fn ends_with_words(name: &str, first: &str, last: &str) -> bool {
    name.strip_suffix(last)
        .and_then(|rest| rest.strip_suffix(' '))
        .and_then(|rest| rest.strip_suffix(first))
        .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
}
