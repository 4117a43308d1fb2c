//! The public result of an article's analysis: its quotations in order,
//! each with how its speaker was found, and the speakers under the names
//! the article ends with.

use super::*;

impl Engine<'_> {
    /// Build the public result: speakers in order of first quotation.
    pub(super) fn finish(self) -> ArticleQuotes {
        let mut ids: Vec<EntityId> = Vec::new();
        let mut quotes = Vec::with_capacity(self.quotes.len());
        for w in &self.quotes {
            let speaker = w.speaker.map(|id| {
                let pos = ids.iter().position(|&x| x == id).unwrap_or_else(|| {
                    ids.push(id);
                    ids.len() - 1
                });
                SpeakerId(pos)
            });
            quotes.push(Quote {
                start: w.span.inner.start,
                end: w.span.inner.end,
                open_mark: w.span.open.clone(),
                close_mark: w.span.close.clone(),
                paragraph: self.paras[w.para].index,
                how: speaker
                    .and_then(|_| how_of(self.text, &w.attribution, self.reg.get(w.speaker?).kind)),
                via: w.via.clone(),
                speaker,
                attribution: w.attribution.clone(),
            });
        }
        let speakers = ids
            .iter()
            .map(|&id| {
                let e = self.reg.get(id);
                let kind = match e.kind {
                    EntityKind::Person | EntityKind::Unknown => SpeakerKind::Person,
                    EntityKind::Organisation | EntityKind::Place => SpeakerKind::Organisation,
                    EntityKind::Description => SpeakerKind::Description,
                    EntityKind::Group => SpeakerKind::Group,
                };
                let aliases = match self.reg.group_short_name(id) {
                    Some(short) => vec![short],
                    None => e.aliases.clone(),
                };
                Speaker {
                    name: self.reg.display_name(id),
                    role: e.role.clone(),
                    kind,
                    aliases,
                    descriptions: e.descriptions.clone(),
                    mentions: e.mentions.clone(),
                }
            })
            .collect();
        ArticleQuotes { quotes, speakers }
    }
}

/// The reader's name for how a quotation's speaker was found.
fn how_of(text: &str, a: &Attribution, kind: EntityKind) -> Option<How> {
    Some(match a {
        _ if kind == EntityKind::Description => How::Unnamed,
        Attribution::Named { .. } => How::Explicit,
        Attribution::Nearby { .. } => How::Nearby,
        Attribution::Resolved { mention } => {
            let word = text.get(mention.clone()).unwrap_or("");
            if Pronoun::of(word) != Pronoun::Other {
                How::Pronoun
            } else {
                How::Role
            }
        }
        Attribution::Continued { .. } | Attribution::Echo { .. } => How::Continued,
        Attribution::Unattributed { .. } => return None,
    })
}
