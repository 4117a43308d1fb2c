//! The corpus's speaker index as stored: serde mirror types in postcard,
//! and the checks every value passes on the way back in.
//!
//! Merging every article's speakers is the slowest step after finding
//! quotations (half a second at 20,000 articles), and its result depends
//! only on the quotations in corpus order, so it is stored under a key
//! made from every article's key in order. Nothing read is trusted: every
//! quotation and speaker it refers to must exist in the quotations it is
//! read with, every member it says was joined must come earlier, and
//! every name must be terminal-safe.

use serde::{Deserialize, Serialize};

use super::file::{exact, safe_text};
use crate::quotes::identity::SameBecause;
use crate::quotes::{ArticleQuotes, CorpusSpeaker, Member, QuoteRef, SpeakerId, SpeakerIndex};

use super::quotes_codec::KINDS;

#[derive(Serialize, Deserialize)]
struct StoredSpeaker<'a> {
    name: &'a str,
    #[serde(borrow)]
    aliases: Vec<&'a str>,
    #[serde(borrow)]
    role: Option<&'a str>,
    kind: u8,
    quotes: Vec<(usize, usize)>,
    articles: Vec<usize>,
    #[serde(borrow)]
    members: Vec<StoredMember<'a>>,
    #[serde(borrow)]
    kept_apart: Option<&'a str>,
}

#[derive(Serialize, Deserialize)]
struct StoredMember<'a> {
    article: usize,
    speaker: usize,
    name: &'a str,
    quotes: usize,
    #[serde(borrow)]
    joined: Option<(usize, StoredBecause<'a>)>,
}

#[derive(Serialize, Deserialize)]
enum StoredBecause<'a> {
    SameName,
    SurnameOnly,
    Initial,
    Transliteration(usize),
    SharedForm(&'a str),
    SurnameAndRole(&'a str),
}

pub fn encode(index: &SpeakerIndex) -> Option<Vec<u8>> {
    let speakers: Vec<StoredSpeaker> = index
        .speakers
        .iter()
        .map(|s| StoredSpeaker {
            name: &s.name,
            aliases: s.aliases.iter().map(String::as_str).collect(),
            role: s.role.as_deref(),
            kind: KINDS.iter().position(|k| *k == s.kind).unwrap_or(0) as u8,
            quotes: s.quotes.iter().map(|r| (r.article, r.quote)).collect(),
            articles: s.articles.clone(),
            members: s
                .members
                .iter()
                .map(|m| StoredMember {
                    article: m.article,
                    speaker: m.speaker.0,
                    name: &m.name,
                    quotes: m.quotes,
                    joined: m.joined.as_ref().map(|(i, why)| {
                        let why = match why {
                            SameBecause::SameName => StoredBecause::SameName,
                            SameBecause::SurnameOnly => StoredBecause::SurnameOnly,
                            SameBecause::Initial => StoredBecause::Initial,
                            SameBecause::Transliteration { edits } => {
                                StoredBecause::Transliteration(*edits)
                            }
                            SameBecause::SharedForm { form } => StoredBecause::SharedForm(form),
                            SameBecause::SurnameAndRole { role } => {
                                StoredBecause::SurnameAndRole(role)
                            }
                        };
                        (*i, why)
                    }),
                })
                .collect(),
            kept_apart: s.kept_apart.as_deref(),
        })
        .collect();
    postcard::to_stdvec(&speakers).ok()
}

/// The index stored in `bytes` over `quotes` (one per article, in corpus
/// order), if every value checks.
pub fn decode(bytes: &[u8], quotes: &[&ArticleQuotes]) -> Option<SpeakerIndex> {
    let stored: Vec<StoredSpeaker> = exact(bytes)?;
    let name = safe_text;
    let optional = |s: Option<&str>| match s {
        Some(s) => name(s).map(Some),
        None => Some(None),
    };
    let quote_exists = |&(a, q): &(usize, usize)| quotes.get(a).is_some_and(|x| q < x.quotes.len());
    let speaker_exists = |a: usize, s: usize| quotes.get(a).is_some_and(|x| s < x.speakers.len());
    let speakers = stored
        .into_iter()
        .map(|s| {
            let ok =
                s.quotes.iter().all(quote_exists) && s.articles.iter().all(|&a| a < quotes.len());
            ok.then_some(())?;
            let members = s
                .members
                .into_iter()
                .enumerate()
                .map(|(i, m)| {
                    speaker_exists(m.article, m.speaker).then_some(())?;
                    let joined = match m.joined {
                        None => None,
                        Some((j, why)) => {
                            (j < i).then_some(())?;
                            let why = match why {
                                StoredBecause::SameName => SameBecause::SameName,
                                StoredBecause::SurnameOnly => SameBecause::SurnameOnly,
                                StoredBecause::Initial => SameBecause::Initial,
                                StoredBecause::Transliteration(edits) => {
                                    SameBecause::Transliteration { edits }
                                }
                                StoredBecause::SharedForm(f) => {
                                    SameBecause::SharedForm { form: name(f)? }
                                }
                                StoredBecause::SurnameAndRole(r) => {
                                    SameBecause::SurnameAndRole { role: name(r)? }
                                }
                            };
                            Some((j, why))
                        }
                    };
                    Some(Member {
                        article: m.article,
                        speaker: SpeakerId(m.speaker),
                        name: name(m.name)?,
                        quotes: m.quotes,
                        joined,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(std::sync::Arc::new(CorpusSpeaker {
                name: name(s.name)?,
                aliases: s.aliases.into_iter().map(name).collect::<Option<_>>()?,
                role: optional(s.role)?,
                kind: KINDS.get(usize::from(s.kind)).copied()?,
                quotes: s
                    .quotes
                    .into_iter()
                    .map(|(article, quote)| QuoteRef { article, quote })
                    .collect(),
                articles: s.articles,
                members,
                kept_apart: optional(s.kept_apart)?,
            }))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(SpeakerIndex { speakers })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::library::{quote_and_index, refs};

    #[test]
    fn the_bundled_speaker_index_round_trips_and_damage_is_refused() {
        let (quotes, index) = quote_and_index(&Corpus::embedded().articles);
        let quotes = refs(&quotes);
        assert!(!index.speakers.is_empty());
        let bytes = encode(&index).expect("encodes");
        assert_eq!(decode(&bytes, &quotes).expect("decodes"), index);
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n], &quotes).is_none(), "{n}");
        }
        // Read with fewer articles than it was made from: refused.
        assert!(decode(&bytes, &quotes[..1]).is_none());
        let mut evil = index;
        std::sync::Arc::make_mut(&mut evil.speakers[0])
            .name
            .push('\u{9b}');
        assert!(decode(&encode(&evil).expect("encodes"), &quotes).is_none());
    }
}
