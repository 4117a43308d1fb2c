//! What the reader needs to show one article's quotations: the engine's
//! findings, a colour slot per speaker and the inline tags that name an
//! inferred speaker and say how they were found ("— Lavrov (continued)",
//! "he (Lavrov, pronoun)"). Built once per article (in `App::sync`),
//! never while drawing.

use std::ops::Range;
use std::sync::Arc;

use crate::corpus::Article;
use crate::quotes::cite::one_line;
use crate::quotes::{ArticleQuotes, Attribution, How, Quote, Speaker, SpeakerKind};
use crate::wrap::{Excerpt, TagRequest, display_width};

use crate::tui::theme::SPEAKER_COLOURS;

/// An article's quotations as the reader shows them.
#[derive(Debug, Clone)]
pub struct QuoteView {
    pub found: Arc<ArticleQuotes>,
    /// Colour slot of each speaker (index as in `found.speakers`).
    pub slots: Vec<usize>,
    /// Tags after quotations whose speaker was inferred, sorted by offset.
    pub tags: Vec<TagRequest>,
    /// What each tag says, as drawn (leading space included).
    pub tag_texts: Vec<String>,
    /// The quotation each tag belongs to.
    pub tag_quotes: Vec<usize>,
}

impl QuoteView {
    pub fn new(article: &Article, found: Arc<ArticleQuotes>) -> Self {
        let slots = colour_slots(&found.speakers);
        let mut tags = Vec::new();
        let mut tag_texts = Vec::new();
        let mut tag_quotes = Vec::new();
        for (i, q) in found.quotes.iter().enumerate() {
            let Some(speaker) = found.speaker_of(q) else {
                continue;
            };
            if !needs_tag(&found.quotes, q) {
                continue;
            }
            let close = q.close_mark.as_ref().map_or(q.end, |c| c.end);
            // "…,” he said": the name goes beside the pronoun, where the
            // reader looks for it; else after the quotation.
            let (at, text) = match &q.attribution {
                Attribution::Resolved { mention } if mention.start >= close => {
                    (mention.end, tag_text(q, speaker, true))
                }
                _ => (close, tag_text(q, speaker, false)),
            };
            tags.push(TagRequest {
                at: at.min(article.text.len()),
                width: display_width(&text),
            });
            tag_texts.push(text);
            tag_quotes.push(i);
        }
        // Wrapping wants the tags in text order.
        let mut order: Vec<usize> = (0..tags.len()).collect();
        order.sort_by_key(|&i| tags[i].at);
        let tags = order.iter().map(|&i| tags[i]).collect();
        let tag_texts = order.iter().map(|&i| tag_texts[i].clone()).collect();
        let tag_quotes = order.iter().map(|&i| tag_quotes[i]).collect();
        QuoteView {
            found,
            slots,
            tags,
            tag_texts,
            tag_quotes,
        }
    }

    pub fn quotes(&self) -> &[Quote] {
        &self.found.quotes
    }

    /// The colour slot of a quotation's speaker, if it has one.
    pub fn slot_of(&self, q: &Quote) -> Option<usize> {
        q.speaker.and_then(|s| self.slots.get(s.0).copied())
    }

    /// Quotations whose marks or words overlap `range`, as indices.
    pub fn overlapping(&self, range: Range<usize>) -> Range<usize> {
        let quotes = self.quotes();
        let first = quotes.partition_point(|q| q.outer().end <= range.start);
        let last = first + quotes[first..].partition_point(|q| q.outer().start < range.end);
        first..last
    }

    /// The quotations as excerpts, for the quotes-only layout.
    pub fn excerpts(&self) -> Vec<Excerpt> {
        self.quotes()
            .iter()
            .map(|q| Excerpt {
                paragraph: q.paragraph,
                range: q.outer(),
            })
            .collect()
    }

    /// "Sergei Lavrov, Russian Foreign Minister · pronoun · via TASS":
    /// who, how they were found and who carried the words, for the
    /// status line.
    pub fn describe(&self, q: &Quote) -> String {
        let mut out = self.who(q);
        for note in notes(q, true) {
            out.push_str(" · ");
            out.push_str(&note);
        }
        out
    }

    /// "Sergei Lavrov, Russian Foreign Minister" or why nobody is named.
    pub fn who(&self, q: &Quote) -> String {
        match (self.found.speaker_of(q), &q.attribution) {
            // A role that only repeats the name (an unnamed source is its
            // own description) is left out.
            (Some(s), _) => match s.role.as_ref().filter(|r| !r.eq_ignore_ascii_case(&s.name)) {
                Some(role) => format!("{}, {role}", s.name),
                None => s.name.clone(),
            },
            (None, Attribution::Unattributed { why }) => why.label().to_string(),
            (None, _) => "no speaker given".to_string(),
        }
    }
}

/// How a quotation's speaker was found and who carried the words, as
/// notes ("pronoun", "via TASS"); "explicit" only when `explicit` is
/// asked for (the status line says it, the quotations-only view does
/// not need to: no note means named beside the words).
pub fn notes(q: &Quote, explicit: bool) -> Vec<String> {
    let how = q
        .how
        .filter(|h| explicit || *h != How::Explicit)
        .filter(|_| q.speaker.is_some())
        .map(|h| h.label().to_string());
    how.into_iter()
        .chain(via(q).map(|v| format!("via {v}")))
        .collect()
}

/// The carrier on one line, if there is one.
fn via(q: &Quote) -> Option<String> {
    let v = one_line(q.via.as_deref()?);
    (!v.is_empty()).then_some(v)
}

/// What a tag says: the short name, the carrier and how the speaker was
/// found; `beside` a pronoun or description, " (Lavrov, pronoun)", else
/// after the quotation, " — Lavrov via TASS (continued)".
fn tag_text(q: &Quote, speaker: &Speaker, beside: bool) -> String {
    let mut name = short_name(speaker).to_string();
    if let Some(v) = via(q) {
        name.push_str(" via ");
        name.push_str(&v);
    }
    match (q.how.map(How::label), beside) {
        (Some(how), true) => format!(" ({name}, {how})"),
        (None, true) => format!(" ({name})"),
        (Some(how), false) => format!(" — {name} ({how})"),
        (None, false) => format!(" — {name}"),
    }
}

/// A tag says who spoke where the text does not name them next to the
/// quotation: a pronoun or description, a headline echo, or a quotation
/// that carries on a speaker from an earlier paragraph. One that carries
/// on within its own paragraph sits beside the name already.
fn needs_tag(quotes: &[Quote], q: &Quote) -> bool {
    match q.attribution {
        Attribution::Resolved { .. } | Attribution::Nearby { .. } | Attribution::Echo { .. } => {
            true
        }
        Attribution::Continued { from } => {
            quotes.get(from).is_none_or(|f| f.paragraph != q.paragraph)
        }
        Attribution::Named { .. } | Attribution::Unattributed { .. } => false,
    }
}

/// People by the short form the article itself uses ("Lavrov", "Xi" for
/// Xi Jinping), else the last word, as a reporter's second reference does;
/// organisations and descriptions in full.
fn short_name(s: &Speaker) -> &str {
    match s.kind {
        SpeakerKind::Person => s
            .aliases
            .iter()
            .find(|a| !a.contains(' ') && s.name.split(' ').any(|w| w == a.as_str()))
            .map_or_else(|| s.surname(), String::as_str),
        SpeakerKind::Group => s.aliases.first().unwrap_or(&s.name),
        SpeakerKind::Organisation | SpeakerKind::Description => &s.name,
    }
}

/// A colour slot per speaker: the one their name hashes to, so a speaker
/// tends to keep their colour from article to article, else the next one
/// free, so that up to [`SPEAKER_COLOURS`] speakers of an article differ.
fn colour_slots(speakers: &[Speaker]) -> Vec<usize> {
    let mut taken = [false; SPEAKER_COLOURS];
    speakers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let want = name_hash(&s.name) % SPEAKER_COLOURS;
            if i >= SPEAKER_COLOURS {
                return want;
            }
            let slot = (0..SPEAKER_COLOURS)
                .map(|k| (want + k) % SPEAKER_COLOURS)
                .find(|&k| !taken[k])
                .unwrap_or(want);
            taken[slot] = true;
            slot
        })
        .collect()
}

/// FNV-1a of the lower-cased name: stable across runs and platforms.
fn name_hash(name: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.to_lowercase().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;
    use crate::corpus::assemble::article_from_bytes;
    use crate::quotes::find_quotes;

    fn view(text: &str) -> (Article, QuoteView) {
        let a = article_from_bytes("t.txt".into(), Origin::Embedded, text.as_bytes());
        let found = Arc::new(find_quotes(&a));
        let v = QuoteView::new(&a, found);
        (a, v)
    }

    #[test]
    fn pronoun_attributions_get_a_tag_and_named_ones_do_not() {
        let (a, v) = view(
            "Court hears appeal\n\nJudge Maria Okafor dismissed the motion on Tuesday.\n\n\
             “The evidence was obtained lawfully,” Okafor said.\n\n\
             “There is no basis for suppression,” she added.",
        );
        assert_eq!(v.quotes().len(), 2);
        assert_eq!(v.tag_texts, [" (Okafor, pronoun)"]);
        assert_eq!(v.tag_quotes, [1]);
        // Beside the pronoun that follows the quotation.
        let she = a.text.rfind("she").unwrap() + "she".len();
        assert_eq!(v.tags[0].at, she);
    }

    #[test]
    fn a_quote_only_paragraph_is_tagged_after_the_quotation() {
        let (a, v) = view(
            "Ruling\n\n“The statute is clear,” Judge Elena Ruiz wrote.\n\n\
             “Congress left no room for doubt.”",
        );
        assert_eq!(v.tag_texts, [" — Ruiz (continued)"]);
        let close = a.text.rfind('”').unwrap() + '”'.len_utf8();
        assert_eq!(v.tags[0].at, close);
    }

    #[test]
    fn tags_and_the_status_line_say_how_and_through_whom() {
        let (a, mut v) = view(
            "Levy vote\n\n“The levy stays,” finance minister Tomas Vik said.\n\n\
             “It is not up for debate,” the minister added.\n\n\
             “We will collect it from March.”",
        );
        assert_eq!(
            v.tag_texts,
            [" (Vik, role)", " — Vik (continued)"],
            "named ones carry no tag"
        );
        let q = v.quotes()[0].clone();
        assert!(v.who(&q).starts_with("Tomas Vik"), "{}", v.who(&q));
        assert_eq!(v.describe(&q), format!("{} · explicit", v.who(&q)));
        // The engine fills `via`; given one, the tag and status name it.
        let mut found = (*v.found).clone();
        for q in &mut found.quotes {
            q.via = Some("Baltic\nWire".into());
        }
        v = QuoteView::new(&a, Arc::new(found));
        assert_eq!(
            v.tag_texts,
            [
                " (Vik via Baltic Wire, role)",
                " — Vik via Baltic Wire (continued)"
            ]
        );
        assert!(
            v.describe(&v.quotes()[0])
                .ends_with(" · explicit · via Baltic Wire"),
            "{}",
            v.describe(&v.quotes()[0])
        );
        assert_eq!(notes(&v.quotes()[0], false), ["via Baltic Wire"]);
        assert_eq!(
            notes(&v.quotes()[2], false),
            ["continued", "via Baltic Wire"]
        );
    }

    #[test]
    fn an_unnamed_source_is_described_once() {
        let (_, v) = view(
            "Harbour\n\n“Repairs took a week,” a senior port official said.\n\n\
             “It cost more than planned,” the official added.",
        );
        let d: Vec<String> = v.quotes().iter().map(|q| v.describe(q)).collect();
        assert_eq!(
            d,
            [
                "senior port official · unnamed",
                "senior port official · unnamed"
            ]
        );
    }

    #[test]
    fn speakers_get_distinct_slots() {
        let names = [
            "Ann Lee", "Bo Chen", "Cy Diaz", "Di Ewa", "Ed Fox", "Flo Gu", "Gus Ho",
        ];
        let speakers: Vec<Speaker> = names
            .iter()
            .map(|n| Speaker {
                name: n.to_string(),
                role: None,
                kind: SpeakerKind::Person,
                aliases: Vec::new(),
                descriptions: Vec::new(),
                mentions: Vec::new(),
            })
            .collect();
        let mut slots = colour_slots(&speakers);
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), SPEAKER_COLOURS);
        // The same name gets the same slot in another article.
        assert_eq!(colour_slots(&speakers[3..4]), colour_slots(&speakers[3..4]));
    }

    #[test]
    fn overlapping_finds_quotes_by_byte_range() {
        let (a, v) = view("T\n\n“One,” he said. Then “two” and “three”.");
        assert_eq!(v.quotes().len(), 3);
        let two = a.text.find("two").unwrap();
        assert_eq!(v.overlapping(two..two + 1), 1..2);
        assert_eq!(v.overlapping(0..a.text.len()), 0..3);
        assert_eq!(v.overlapping(0..1), 0..0);
    }
}
