//! Quotations and who said them.
//!
//! [`find_quotes`] takes an [`Article`] and returns every quotation in its
//! story text (headline, body, captions) with its speaker, resolved
//! through pronouns and descriptions to a canonical name. It is pure, has
//! no terminal types and runs in time linear in the article.
//!
//! The pipeline, one module per step: `marks` (which characters are
//! quotation marks) → `spans` (pairing them per paragraph) → `tokens` and
//! `names` (the words around quotations and the names in them) →
//! `speakers` (one entity per person or organisation) → `attribution`
//! (the clause that names a speaker) → `resolve` (pronouns and
//! descriptions) → `engine` (continuity across sentences and paragraphs).
//! Word lists live in `lexicon` and `gazetteer`.

use std::ops::Range;

use serde::Serialize;

use crate::corpus::Article;

pub use cite::Citation;
pub use speaker_index::{CorpusSpeaker, Member, QuoteRef, SpeakerIndex};

mod attribution;
mod carrier;
pub mod cite;
mod engine;
mod gazetteer;
pub mod identity;
pub mod junk;
mod lexicon;
mod marks;
mod names;
mod parsed;
mod phrase;
mod resolve;
mod spans;
pub mod speaker_index;
mod speakers;
mod terms;
mod tokens;

/// Every quotation of `article` and the speakers they are attributed to.
pub fn find_quotes(article: &Article) -> ArticleQuotes {
    engine::analyse(article)
}

/// The quotations of one article, in text order, and their speakers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleQuotes {
    pub quotes: Vec<Quote>,
    /// Speakers of at least one quotation, in order of first quotation.
    pub speakers: Vec<Speaker>,
}

/// Index into [`ArticleQuotes::speakers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SpeakerId(pub usize);

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Byte range in `Article::text` of the words between the marks
    /// (trimmed; a soft line break inside stays a `\n`).
    pub start: usize,
    pub end: usize,
    /// The opening mark.
    pub open_mark: Range<usize>,
    /// The closing mark; `None` when the paragraph ends first (a quotation
    /// that runs on into the next paragraph, or an unbalanced mark).
    pub close_mark: Option<Range<usize>>,
    /// Index in `Article::paragraphs`.
    pub paragraph: usize,
    pub speaker: Option<SpeakerId>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// The same, as the reader and every export name it; `None` without
    /// a speaker.
    pub how: Option<How>,
    /// The outlet or agency that carried the words, where the attribution
    /// names one ("TASS quoted Lavrov as saying", "Lavrov said, according
    /// to Reuters"): "TASS".
    pub via: Option<String>,
}

impl Quote {
    /// The quotation's words.
    pub fn text<'a>(&self, article: &'a Article) -> &'a str {
        article.text.get(self.start..self.end).unwrap_or("")
    }

    /// Marks included: the range a reader would highlight.
    pub fn outer(&self) -> Range<usize> {
        self.open_mark.start..self.close_mark.as_ref().map_or(self.end, |c| c.end)
    }
}

/// How a quotation's speaker was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "how")]
pub enum Attribution {
    /// The attributing clause names the speaker; `mention` is the byte
    /// range of the name ("Lavrov", "a senior administration official").
    Named { mention: Range<usize> },
    /// A pronoun or description in the clause ("he", "the official") was
    /// resolved to the speaker; `mention` is its byte range.
    Resolved { mention: Range<usize> },
    /// No clause understood, but the speaker is named near the quotation:
    /// the one person its sentence names as a subject, or the speaker of
    /// reported speech ending the paragraph before. A likely guess.
    Nearby { mention: Range<usize> },
    /// No clause of its own: the speaker of quotation `from` carries on
    /// (the same paragraph, a quotation running over paragraphs, a
    /// quote-only paragraph after a quoted speaker).
    Continued { from: usize },
    /// A headline or subheading quotation that repeats body quotation `of`.
    Echo { of: usize },
    /// No speaker.
    Unattributed { why: Unattributed },
}

impl Attribution {
    /// True when the speaker was inferred rather than named next to the
    /// quotation: the reader shows a "— Name" tag for these.
    pub fn is_inferred(&self) -> bool {
        matches!(
            self,
            Attribution::Resolved { .. }
                | Attribution::Nearby { .. }
                | Attribution::Continued { .. }
                | Attribution::Echo { .. }
        )
    }

    /// The byte range of the name, pronoun or description in the
    /// attributing clause, if there is one.
    pub fn mention(&self) -> Option<Range<usize>> {
        match self {
            Attribution::Named { mention }
            | Attribution::Resolved { mention }
            | Attribution::Nearby { mention } => Some(mention.clone()),
            _ => None,
        }
    }
}

/// How a speaker was found, in the words a reader is shown: the basis of
/// how far to trust it. Ordered from the surest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// The quotation's own clause names the speaker ("…,” Lavrov said").
    Explicit,
    /// A pronoun in its clause resolved to a person ("…,” he said").
    Pronoun,
    /// A role or description resolved to a person named earlier ("…,” the
    /// minister said").
    Role,
    /// No clause understood: the person named near the quotation, in its
    /// sentence or in reported speech just before it. A likely guess.
    Nearby,
    /// No clause of its own: the speaker of the quotation before carries
    /// on (a quote-only paragraph, a quotation running over paragraphs, a
    /// headline repeating the body).
    Continued,
    /// A source the article never names, kept as written ("a senior
    /// administration official").
    Unnamed,
}

impl How {
    /// The word shown in the reader and written by the exports.
    pub fn label(self) -> &'static str {
        match self {
            How::Explicit => "explicit",
            How::Pronoun => "pronoun",
            How::Role => "role",
            How::Nearby => "nearby",
            How::Continued => "continued",
            How::Unnamed => "unnamed",
        }
    }

    /// True when the speaker was inferred rather than named next to the
    /// quotation.
    pub fn is_inferred(self) -> bool {
        matches!(
            self,
            How::Pronoun | How::Role | How::Nearby | How::Continued
        )
    }
}

/// Why a quotation has no speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unattributed {
    /// A scare quote or term: an “invasion,”, the “crisis”.
    Term,
    /// A title in Title Case: a book, film or event.
    Title,
    /// The clause denies the speech: "refrained from calling it".
    Denied,
    /// Nothing in the text says who.
    NoClue,
}

impl Unattributed {
    /// What a reader is told instead of a name.
    pub fn label(self) -> &'static str {
        match self {
            Unattributed::Term => "no speaker: a scare quote or term",
            Unattributed::Title => "no speaker: a title",
            Unattributed::Denied => "no speaker: the text says it was not said",
            Unattributed::NoClue => "no speaker given",
        }
    }
}

/// What kind of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    Person,
    /// Organisations and states: "White House", "Chinese government".
    Organisation,
    /// A source the article never names: "senior administration official".
    Description,
    /// Named people or bodies who spoke together ("Donald Trump and Paul
    /// Ryan"); the short form is the first alias ("Trump and Ryan").
    Group,
}

/// A speaker, under one canonical name within the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The fullest personal name seen ("Sergei Lavrov"), the organisation's
    /// name without "the", or the description without its article.
    pub name: String,
    /// The first role seen with the name ("Russian Foreign Minister").
    pub role: Option<String>,
    pub kind: SpeakerKind,
    /// Every other form of the name in the article ("Lavrov", "Russian
    /// Foreign Minister Sergei Lavrov"), in order of appearance.
    pub aliases: Vec<String>,
    /// Descriptions resolved to this speaker ("the Russian foreign
    /// minister").
    pub descriptions: Vec<String>,
    /// Byte ranges in `Article::text` where the speaker is named.
    pub mentions: Vec<Range<usize>>,
}

impl Speaker {
    /// A person's family name: the last word ("Lavrov"), or the first for
    /// a name written family name first ("Xi" for Xi Jinping), as the
    /// article's own short form or the family name's shape says.
    pub fn surname(&self) -> &str {
        let mut words = self.name.split(' ');
        let first = words.next().unwrap_or(&self.name);
        let last = self.name.rsplit(' ').next().unwrap_or(&self.name);
        let n = self.name.split(' ').count();
        let alone = |w: &str| self.aliases.iter().any(|a| a == w);
        let family_first = (2..=3).contains(&n)
            && !alone(last)
            && (alone(first) || lexicon::is_family_first_name(first));
        if family_first { first } else { last }
    }

    /// True when `name` names this speaker: the canonical name, an alias
    /// or (for people) the surname, ignoring case.
    pub fn answers_to(&self, name: &str) -> bool {
        let name = name.trim();
        !name.is_empty()
            && (self.name.eq_ignore_ascii_case(name)
                || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
                || (self.kind == SpeakerKind::Person && self.surname().eq_ignore_ascii_case(name))
                || self.name.to_lowercase() == name.to_lowercase())
    }
}

impl ArticleQuotes {
    pub fn speaker(&self, id: SpeakerId) -> &Speaker {
        &self.speakers[id.0]
    }

    /// The speaker of a quotation.
    pub fn speaker_of(&self, q: &Quote) -> Option<&Speaker> {
        q.speaker.and_then(|id| self.speakers.get(id.0))
    }

    /// The quotations of one speaker.
    pub fn by_speaker(&self, id: SpeakerId) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(move |q| q.speaker == Some(id))
    }

    /// Speakers answering to `name` (canonical name, alias or surname,
    /// case-insensitive).
    pub fn find_speaker(&self, name: &str) -> Vec<SpeakerId> {
        (0..self.speakers.len())
            .filter(|&i| self.speakers[i].answers_to(name))
            .map(SpeakerId)
            .collect()
    }

    /// Index of the quotation whose marks or words cover byte `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<usize> {
        let i = self.quotes.partition_point(|q| q.outer().end <= offset);
        (i < self.quotes.len() && self.quotes[i].outer().start <= offset).then_some(i)
    }
}

/// A speaker with a name, a kind and aliases only, for unit tests.
#[cfg(test)]
pub(crate) fn test_speaker(name: &str, kind: SpeakerKind, aliases: &[&str]) -> Speaker {
    Speaker {
        name: name.into(),
        role: None,
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        descriptions: Vec::new(),
        mentions: Vec::new(),
    }
}

/// The quotations of articles made from `texts` (headline first), for
/// unit tests here and in the search scope.
#[cfg(test)]
pub(crate) fn quotes_of(texts: &[&str]) -> Vec<ArticleQuotes> {
    use crate::corpus::Origin;
    use crate::corpus::assemble::article_from_bytes;
    texts
        .iter()
        .map(|t| {
            find_quotes(&article_from_bytes(
                "t.txt".into(),
                Origin::Stdin,
                t.as_bytes(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str]) -> Speaker {
        test_speaker(name, SpeakerKind::Person, aliases)
    }

    #[test]
    fn the_short_form_of_a_name_written_family_name_first_is_its_first_word() {
        assert_eq!(person("Sergei Lavrov", &[]).surname(), "Lavrov");
        assert_eq!(person("Xi Jinping", &[]).surname(), "Xi");
        assert_eq!(person("Kim Jong Un", &[]).surname(), "Kim");
        // The article's own short form decides either way.
        assert_eq!(person("Tran Van Minh", &["Tran"]).surname(), "Tran");
        assert_eq!(person("Li Ann Smith", &["Smith"]).surname(), "Smith");
    }
}
