//! One article's quotations as stored: serde mirror types in postcard, and
//! the checks every value passes on the way back in.
//!
//! The mirrors keep the disk form apart from the model (the model's JSON
//! names and tags are not postcard's business), and nothing read is
//! trusted: every byte range must lie within the article's text on
//! character boundaries, every index must point at a paragraph, quotation
//! or speaker that exists, and every name must be free of anything a
//! terminal would act on. Enumerations are stored as their place in a
//! table, so a new variant is one line here.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::file::{exact, safe_text};
use crate::corpus::Article;
use crate::quotes::{
    ArticleQuotes, Attribution, How, Quote, Speaker, SpeakerId, SpeakerKind, Unattributed,
};

const HOWS: [How; 6] = [
    How::Explicit,
    How::Pronoun,
    How::Role,
    How::Nearby,
    How::Continued,
    How::Unnamed,
];
pub(super) const KINDS: [SpeakerKind; 4] = [
    SpeakerKind::Person,
    SpeakerKind::Organisation,
    SpeakerKind::Description,
    SpeakerKind::Group,
];
const WHYS: [Unattributed; 4] = [
    Unattributed::Term,
    Unattributed::Title,
    Unattributed::Denied,
    Unattributed::NoClue,
];

#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    quotes: Vec<StoredQuote<'a>>,
    #[serde(borrow)]
    speakers: Vec<StoredSpeaker<'a>>,
}

#[derive(Serialize, Deserialize)]
struct StoredQuote<'a> {
    text: Range<usize>,
    open_mark: Range<usize>,
    close_mark: Option<Range<usize>>,
    paragraph: usize,
    speaker: Option<usize>,
    attribution: StoredAttribution,
    how: Option<u8>,
    #[serde(borrow)]
    via: Option<&'a str>,
}

#[derive(Serialize, Deserialize)]
enum StoredAttribution {
    Named(Range<usize>),
    Resolved(Range<usize>),
    Nearby(Range<usize>),
    Continued(usize),
    Echo(usize),
    Unattributed(u8),
}

#[derive(Serialize, Deserialize)]
struct StoredSpeaker<'a> {
    name: &'a str,
    #[serde(borrow)]
    role: Option<&'a str>,
    kind: u8,
    #[serde(borrow)]
    aliases: Vec<&'a str>,
    #[serde(borrow)]
    descriptions: Vec<&'a str>,
    mentions: Vec<Range<usize>>,
}

/// The place of `v` in `table`, as stored.
fn code<T: PartialEq>(table: &[T], v: &T) -> u8 {
    table.iter().position(|t| t == v).unwrap_or(0) as u8
}

/// The value stored as `c`, if there is one.
fn value<T: Copy>(table: &[T], c: u8) -> Option<T> {
    table.get(usize::from(c)).copied()
}

pub fn encode(q: &ArticleQuotes) -> Option<Vec<u8>> {
    let stored = Stored {
        quotes: q
            .quotes
            .iter()
            .map(|q| StoredQuote {
                text: q.start..q.end,
                open_mark: q.open_mark.clone(),
                close_mark: q.close_mark.clone(),
                paragraph: q.paragraph,
                speaker: q.speaker.map(|s| s.0),
                attribution: match &q.attribution {
                    Attribution::Named { mention } => StoredAttribution::Named(mention.clone()),
                    Attribution::Resolved { mention } => {
                        StoredAttribution::Resolved(mention.clone())
                    }
                    Attribution::Nearby { mention } => StoredAttribution::Nearby(mention.clone()),
                    Attribution::Continued { from } => StoredAttribution::Continued(*from),
                    Attribution::Echo { of } => StoredAttribution::Echo(*of),
                    Attribution::Unattributed { why } => {
                        StoredAttribution::Unattributed(code(&WHYS, why))
                    }
                },
                how: q.how.map(|h| code(&HOWS, &h)),
                via: q.via.as_deref(),
            })
            .collect(),
        speakers: q
            .speakers
            .iter()
            .map(|s| StoredSpeaker {
                name: &s.name,
                role: s.role.as_deref(),
                kind: code(&KINDS, &s.kind),
                aliases: s.aliases.iter().map(String::as_str).collect(),
                descriptions: s.descriptions.iter().map(String::as_str).collect(),
                mentions: s.mentions.clone(),
            })
            .collect(),
    };
    postcard::to_stdvec(&stored).ok()
}

/// The quotations stored in `bytes` for `article`, if every value checks.
pub fn decode(bytes: &[u8], article: &Article) -> Option<ArticleQuotes> {
    let stored: Stored = exact(bytes)?;
    let text = &*article.text;
    let within = |r: &Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    let name = safe_text;
    let names = |v: Vec<&str>| v.into_iter().map(name).collect::<Option<Vec<_>>>();
    let n_quotes = stored.quotes.len();
    let n_speakers = stored.speakers.len();
    let quotes = stored
        .quotes
        .into_iter()
        .map(|q| {
            let ranges_ok = within(&(q.text.clone()))
                && within(&q.open_mark)
                && q.close_mark.as_ref().is_none_or(within);
            let attribution = match q.attribution {
                StoredAttribution::Named(m) => {
                    within(&m).then_some(Attribution::Named { mention: m })
                }
                StoredAttribution::Resolved(m) => {
                    within(&m).then_some(Attribution::Resolved { mention: m })
                }
                StoredAttribution::Nearby(m) => {
                    within(&m).then_some(Attribution::Nearby { mention: m })
                }
                StoredAttribution::Continued(from) => {
                    (from < n_quotes).then_some(Attribution::Continued { from })
                }
                StoredAttribution::Echo(of) => (of < n_quotes).then_some(Attribution::Echo { of }),
                StoredAttribution::Unattributed(c) => {
                    value(&WHYS, c).map(|why| Attribution::Unattributed { why })
                }
            }?;
            let ok = ranges_ok
                && q.paragraph < article.paragraphs.len()
                && q.speaker.is_none_or(|s| s < n_speakers);
            ok.then_some(())?;
            Some(Quote {
                start: q.text.start,
                end: q.text.end,
                open_mark: q.open_mark,
                close_mark: q.close_mark,
                paragraph: q.paragraph,
                speaker: q.speaker.map(SpeakerId),
                attribution,
                how: match q.how {
                    Some(c) => Some(value(&HOWS, c)?),
                    None => None,
                },
                via: match q.via {
                    Some(v) => Some(name(v)?),
                    None => None,
                },
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let speakers = stored
        .speakers
        .into_iter()
        .map(|s| {
            s.mentions.iter().all(within).then_some(())?;
            Some(Speaker {
                name: name(s.name)?,
                role: match s.role {
                    Some(r) => Some(name(r)?),
                    None => None,
                },
                kind: value(&KINDS, s.kind)?,
                aliases: names(s.aliases)?,
                descriptions: names(s.descriptions)?,
                mentions: s.mentions,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(ArticleQuotes { quotes, speakers })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::quotes::find_quotes;

    fn json(q: &ArticleQuotes) -> String {
        serde_json::to_string(q).expect("serialises")
    }

    #[test]
    fn every_bundled_articles_quotations_round_trip() {
        for a in &Corpus::embedded().articles {
            let q = find_quotes(a);
            let back = decode(&encode(&q).expect("encodes"), a).expect("decodes");
            assert_eq!(json(&back), json(&q), "{}", a.path);
        }
    }

    #[test]
    fn damaged_or_foreign_entries_are_refused_without_panic() {
        let corpus = Corpus::embedded();
        let a = &corpus.articles[0];
        let q = find_quotes(a);
        assert!(!q.quotes.is_empty());
        let bytes = encode(&q).expect("encodes");
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n], a).is_none(), "{n}");
        }
        // Another article's quotations do not fit a shorter text.
        let short = Article {
            text: a.text[..10].into(),
            ..a.clone()
        };
        assert!(decode(&bytes, &short).is_none());
        // An escape character in a name is refused.
        let mut evil = q.clone();
        evil.speakers[0].name.push('\u{1b}');
        assert!(decode(&encode(&evil).expect("encodes"), a).is_none());
        let mut evil = q;
        evil.quotes[0].attribution = Attribution::Continued { from: 999 };
        assert!(decode(&encode(&evil).expect("encodes"), a).is_none());
    }
}
