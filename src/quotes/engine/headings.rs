//! Headline and subheading quotations: the body quotation a headline
//! repeats, its own clause, or the headline's subject.

use super::*;

/// Bytes of folded text compared when matching headline quotations to
/// body quotations; bounds the work on pathological input.
const ECHO_BUDGET: usize = 4_000_000;

impl Engine<'_> {
    /// Headline and subheading quotations: a person named in their own
    /// clause, else the speaker of the body quotation they repeat, else
    /// whatever their clause says, else the headline's subject.
    pub(super) fn attribute_heading_quote(&mut self, q: usize) {
        let text = self.text;
        let (k, tok) = (self.quotes[q].para, self.quotes[q].tok);
        let p = &self.paras[k];
        let start = p.toks.sentence_start(tok);
        let clue =
            attribution::after(p, text, tok).or_else(|| attribution::before(p, text, tok, start));
        let own = match clue {
            Some(Clue::Said { subject, .. }) => self.resolve_subject(k, &subject),
            _ => None,
        };
        if let Some((id, how)) = &own
            && self.reg.get(*id).kind == EntityKind::Person
        {
            self.set(q, Some(*id), how.clone(), true);
            return;
        }
        if let Some(of) = self.echo_of(q) {
            let id = self.quotes[of].speaker;
            self.set(q, id, Attribution::Echo { of }, false);
            return;
        }
        let own = own.or_else(|| self.headline_subject(q));
        match own {
            Some((id, how)) => self.set(q, Some(id), how, true),
            None => {
                let why = if terms::is_term(
                    &self.paras[k],
                    text,
                    tok,
                    &text[self.quotes[q].span.inner.clone()],
                ) {
                    Unattributed::Term
                } else {
                    Unattributed::NoClue
                };
                self.unattributed(q, why);
            }
        }
    }

    /// Who a headline quotation belongs to when no clause says: the
    /// headline's subject, as headline grammar has it ("Roe Blasts Lee for
    /// ‘…’", "Roe: Time for ‘…’", "Ministry issues ‘…’"). A place opening
    /// the headline is a dateline or a topic, not a speaker.
    fn headline_subject(&mut self, q: usize) -> Option<(EntityId, Attribution)> {
        let (k, tok) = (self.quotes[q].para, self.quotes[q].tok);
        let p = &self.paras[k];
        if p.place == Place::Body {
            return None;
        }
        let Some(m) = (0..p.mentions.len()).find(|&m| p.mentions[m].first() == 0) else {
            return self.headline_lead(k, tok);
        };
        let mention = &p.mentions[m];
        // A headline is read before the body that names its people.
        let id = p.entity[m].or_else(|| {
            self.reg
                .known_word(&spaced(self.text, p.bytes(mention.name.clone())))
        })?;
        if mention.name.end > tok || mention.possessive {
            return None;
        }
        matches!(
            self.reg.get(id).kind,
            EntityKind::Person | EntityKind::Unknown | EntityKind::Organisation
        )
        .then(|| {
            (
                id,
                Attribution::Named {
                    mention: p.bytes(mention.name.clone()),
                },
            )
        })
    }

    /// "Glenn Beck Blasts …", "Woman Steps Forward …", "Milbank: …": the
    /// capitalised words that open a Title Case headline before its verb
    /// or colon, as the person the article knows by them or a new one.
    fn headline_lead(&mut self, k: usize, tok: usize) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let p = &self.paras[k];
        let list = &p.toks.list;
        let word = |i: usize| &text[list[i].start..list[i].end];
        let n = (1..=HEADLINE_SUBJECT_WORDS.min(tok.saturating_sub(1)))
            .take_while(|&n| {
                let t = &list[n - 1];
                t.is_word() && t.is_capitalised() && !(n == 1 && t.has(flag::STOP))
            })
            // A given name goes on to its surname ("Bernie Sanders Pins").
            .filter(|&n| !list[n - 1].has(flag::GIVEN))
            .find(|&n| {
                list.get(n)
                    .is_some_and(|t| t.is_punct(':') || headline_verb(t, word(n)))
            })?;
        let range = p.bytes(0..n);
        let name = spaced(text, range.clone());
        let id = self.known_or_new(&name, NameKind::Unknown, range.clone())?;
        Some((id, Attribution::Named { mention: range }))
    }

    /// The first attributed body quotation whose words contain this one's.
    fn echo_of(&self, q: usize) -> Option<usize> {
        let needle = fold(&self.text[self.quotes[q].span.inner.clone()]);
        if needle.split(' ').count() < 2 {
            return None;
        }
        let mut budget = ECHO_BUDGET;
        for (o, w) in self.quotes.iter().enumerate() {
            if o == q || w.speaker.is_none() || self.paras[w.para].place != Place::Body {
                continue;
            }
            let hay = &self.text[w.span.inner.clone()];
            if hay.len() > budget {
                return None;
            }
            budget -= hay.len();
            let hay = fold(hay);
            if contains_words(&hay, &needle) {
                return Some(o);
            }
        }
        None
    }
}

/// Most words of a headline's subject that no name matched.
const HEADLINE_SUBJECT_WORDS: usize = 3;

/// Headline words that start the predicate: "On", and capitalised verbs
/// ("Blasts", "Asked", "Just Announced"), not plural nouns ("Lawmakers").
const HEADLINE_LINKS: &[&str] = &["on", "to", "vs", "vs."];

fn headline_verb(t: &Token, word: &str) -> bool {
    if !t.is_word() || !t.is_capitalised() {
        return false;
    }
    let lower = word.to_lowercase();
    let noun = t.has(flag::PLURAL | flag::DESC_PERSON | flag::DESC_ORG | flag::GIVEN);
    HEADLINE_LINKS.contains(&lower.as_str())
        || t.has(flag::VERB_FORM | flag::ATTRIBUTING | flag::SKIP)
        || !noun && lower.len() > 3 && (lower.ends_with('s') || lower.ends_with("ed"))
}

/// Lower-case words separated by single spaces, punctuation dropped.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if matches!(c, '\'' | '’') {
            continue;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `needle`'s words appear in `hay` as a whole-word run.
fn contains_words(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let s = from + i;
        let e = s + needle.len();
        let before = s == 0 || hay.as_bytes()[s - 1] == b' ';
        let after = e == hay.len() || hay.as_bytes()[e] == b' ';
        if before && after {
            return true;
        }
        from = s + 1;
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_word_containment() {
        assert_eq!(
            fold("Tectonic Shifts in the Modern, Landscape’s"),
            "tectonic shifts in the modern landscapes"
        );
        assert!(contains_words(
            "this cooperation will get stronger because",
            "get stronger"
        ));
        assert!(!contains_words("together", "get"));
    }
}
