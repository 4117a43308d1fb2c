//! Turning a clause's subject — a name, a pronoun, a description — into
//! an entity of the article.

use super::clauses::verb_after;
use super::*;

/// What the lexicon knows of a given name, which does not stop a word
/// being one.
const NAME_FLAGS: u64 = flag::GIVEN | flag::MALE | flag::FEMALE;

/// Sentences back that a run of the same pronoun is followed.
const PRONOUN_CHAIN: usize = 4;

impl Engine<'_> {
    /// Turn a clause's subject into an entity.
    pub(super) fn resolve_subject(
        &mut self,
        k: usize,
        s: &Subject,
    ) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let p = &self.paras[k];
        match s {
            Subject::Named(m) => {
                let mention = &p.mentions[*m];
                let range = p.bytes(mention.name.clone());
                match p.entity[*m] {
                    Some(id) => {
                        let e = self.reg.get_mut(id);
                        if e.kind == EntityKind::Unknown {
                            // It speaks: a person, unless written like an
                            // acronym.
                            let upper = text[range.clone()].chars().all(|c| !c.is_lowercase());
                            e.kind = if upper {
                                EntityKind::Organisation
                            } else {
                                EntityKind::Person
                            };
                        }
                        Some((id, Attribution::Named { mention: range }))
                    }
                    // "Sanders says he …", "Bob said": a sentence-initial
                    // word with no other evidence (or only that it is a
                    // given name) is a person once it speaks.
                    None if mention.kind == NameKind::Unknown
                        && mention.weak
                        && p.toks.list[mention.name.start].flags & !NAME_FLAGS == 0
                        && verb_after(p, text, mention.name.end, true) =>
                    {
                        let name = spaced(text, range.clone());
                        let form = NameForm::person(&name, mention.gender, range.clone());
                        let id = self.reg.add_name(&form)?;
                        self.paras[k].entity[*m] = Some(id);
                        Some((id, Attribution::Named { mention: range }))
                    }
                    // "Aides say …", "Officials said …": a common noun
                    // capitalised only because it opens the sentence.
                    None if mention.name.len() == 1
                        && p.toks.sentence_start(mention.name.start) == mention.name.start
                        && p.toks.list[mention.name.start]
                            .has(flag::DESC_PERSON | flag::DESC_ORG) =>
                    {
                        let r = mention.name.clone();
                        let head = r.start;
                        let plural = p.toks.list[head].has(flag::PLURAL);
                        let det = if plural { Det::Bare } else { Det::Definite };
                        self.resolve_description(k, r, head, det)
                    }
                    None if mention.kind == NameKind::RoleOnly => {
                        // "the Foreign Minister said": a description.
                        let r = mention.name.clone();
                        let head = r.end - 1;
                        self.resolve_description(k, r, head, Det::Definite)
                    }
                    None => None,
                }
            }
            Subject::Pronoun(i) => {
                let pr = Pronoun::of(p.word(text, *i));
                let mention = p.bytes(*i..*i + 1);
                let at = self.at(k, *i);
                let id = match self.previous_subject(k, *i, pr, PRONOUN_CHAIN) {
                    Some(id) => id,
                    None => self.salience.pronoun(&self.reg, pr, at)?,
                };
                let e = self.reg.get_mut(id);
                if e.gender == Gender::Unknown && e.kind != EntityKind::Description {
                    e.gender = match pr {
                        Pronoun::He => Gender::Male,
                        Pronoun::She => Gender::Female,
                        _ => Gender::Unknown,
                    };
                }
                Some((id, Attribution::Resolved { mention }))
            }
            Subject::Description { tokens, head, det } => {
                self.resolve_description(k, tokens.clone(), *head, *det)
            }
            Subject::Several(ms) => self.resolve_group(k, ms),
        }
    }

    /// "Smith and Jones wrote": the named people (or bodies) together, when
    /// each is a distinct entity that can speak.
    fn resolve_group(&mut self, k: usize, ms: &[usize]) -> Option<(EntityId, Attribution)> {
        let p = &self.paras[k];
        let mut members: Vec<EntityId> = Vec::with_capacity(ms.len());
        for &m in ms {
            let id = p.entity[m]?;
            let speaks = matches!(
                self.reg.get(id).kind,
                EntityKind::Person | EntityKind::Unknown | EntityKind::Organisation
            );
            if !speaks || p.mentions[m].possessive || members.contains(&id) {
                return None;
            }
            members.push(id);
        }
        if members.len() < 2 {
            return None;
        }
        let first = p.mentions[*ms.first()?].first();
        let last = p.mentions[*ms.last()?].name.end;
        let range = p.bytes(first..last);
        let id = self.reg.group(members, range.clone());
        Some((id, Attribution::Named { mention: range }))
    }

    /// The subject of the sentence before the one at token `i`, when the
    /// pronoun can mean it: news goes on about whom it just named ("Jane
    /// Roe said Lee was wrong. “…,” she said." is Roe, however often Lee
    /// came up before).
    fn previous_subject(
        &mut self,
        k: usize,
        i: usize,
        pr: Pronoun,
        chain: usize,
    ) -> Option<EntityId> {
        let text = self.text;
        let own = &self.paras[k];
        let start = own.toks.sentence_start(i);
        // Someone named earlier in its own sentence is nearer still.
        if own
            .mentions
            .iter()
            .any(|m| m.first() >= start && m.name.end <= i)
        {
            return None;
        }
        let (pk, end) = if start > 0 {
            (k, start)
        } else {
            let pk = k.checked_sub(1)?;
            (pk, self.paras[pk].toks.len())
        };
        let p = &self.paras[pk];
        if p.place != Place::Body || end == 0 {
            return None;
        }
        let from = p.toks.sentence_start(end - 1);
        // Who spoke in it, if it reports speech ("…, Roe said."), else
        // whom it is about. Further back along a run of pronouns, only
        // whom it is about ("Roe turned on the Post, noting that Lee had
        // reported …. He hoped …").
        let clue = if chain == PRONOUN_CHAIN {
            attribution::before(p, text, end, from)
        } else {
            None
        };
        let (subject, spoke) = match (inverted_speaker(p, from, end), clue) {
            (Some(m), _) => (Subject::Named(m), true),
            (None, Some(Clue::Said { subject, .. })) => (subject, false),
            _ => (attribution::main_subject(p, text, from, end)?, false),
        };
        let id = match subject {
            Subject::Named(m) if !p.mentions[m].possessive => match p.entity[m] {
                Some(id) => id,
                // "Roe openly admitted …. “…,” he said.": a lone name
                // opening its sentence, known from nowhere else, is a
                // person once a pronoun goes back to it.
                None if verb_after(p, text, p.mentions[m].name.end, false) => {
                    self.resolve_subject(pk, &Subject::Named(m))?.0
                }
                None => return None,
            },
            // "Roe is …. He dismisses …. He is …. “…,” he said.": the same
            // pronoun sentence after sentence is the same person.
            Subject::Pronoun(j) if Pronoun::of(p.word(text, j)) == pr => {
                let back = chain
                    .checked_sub(1)
                    .and_then(|c| self.previous_subject(pk, j, pr, c));
                match back {
                    Some(id) => id,
                    None => self.salience.pronoun(&self.reg, pr, self.at(pk, j))?,
                }
            }
            _ => return None,
        };
        let e = self.reg.get(id);
        // Someone credited with words is a person, known as one or not.
        let person = e.kind == EntityKind::Person || spoke && e.kind == EntityKind::Unknown;
        (person && resolve::fits(e, pr)).then_some(id)
    }

    fn resolve_description(
        &mut self,
        k: usize,
        tokens: Range<usize>,
        head: usize,
        det: Det,
    ) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let p = &self.paras[k];
        let range = p.bytes(tokens.clone());
        let desc_text = spaced(text, range.clone());
        let head_word = p.word(text, head).to_lowercase();
        let plural = p.toks.list.get(head).is_some_and(|t| t.has(flag::PLURAL));
        let owned = tokens
            .clone()
            .any(|i| p.toks.list[i].kind == Kind::Possessive);
        if det == Det::Definite && !owned {
            let d = Description {
                head: head_word.clone(),
                modifiers: tokens
                    .clone()
                    .filter(|&i| i != head && p.toks.list[i].is_word())
                    .map(|i| p.word(text, i).to_lowercase())
                    .collect(),
            };
            let at = self.at(k, tokens.start);
            if let Some(id) = self.salience.description(&self.reg, &d, at) {
                self.reg.get_mut(id).add_description(&desc_text);
                return Some((id, Attribution::Resolved { mention: range }));
            }
        }
        let id = self
            .reg
            .description(&desc_text, &head_word, plural, range.start);
        let how = if det == Det::Definite {
            Attribution::Resolved { mention: range }
        } else {
            Attribution::Named { mention: range }
        };
        Some((id, how))
    }
}

/// "…, said Jane Roe, a director." with no quotation: the person named
/// after a speech verb that follows a comma.
fn inverted_speaker(p: &Parsed, from: usize, end: usize) -> Option<usize> {
    (from + 1..end).find_map(|k| {
        let t = &p.toks.list[k];
        let verb = t.is_lower_word()
            && t.has(flag::ATTRIBUTING)
            && t.has(flag::PAST | flag::PRES3)
            && p.toks.list[k - 1].is_punct(',');
        let m = p.mention_starting(k + 1).filter(|_| verb)?;
        // The name ends the clause ("said Roe, a director."), not opens a
        // reported one ("said Roe was wrong").
        let ends = p
            .toks
            .list
            .get(p.mentions[m].name.end)
            .is_none_or(|x| x.is_punct(',') || x.is_punct('.'));
        (ends
            && matches!(p.mentions[m].kind, NameKind::Person | NameKind::Unknown)
            && !p.mentions[m].possessive)
            .then_some(m)
    })
}
