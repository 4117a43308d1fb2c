//! Speakers across a whole corpus: the same person quoted in several
//! articles is one entry, with every quotation and every name form seen.
//!
//! Each article's engine has already made one speaker of "Russian Foreign
//! Minister Sergei Lavrov", "Lavrov" and "the minister". Here the speakers
//! of different articles are merged by
//! [`SpeakerName`](super::identity::SpeakerName) rules: people by
//! surname and compatible first names, where every full name in an entry
//! must be compatible with every other (so a chain Sergei ~ Sergey ~
//! Sergio cannot join two people); a surname alone joins only when one
//! entry has that surname, and stays apart when several do (in one entry
//! per surname, not one per article). Organisations merge on a shared name
//! form. Unnamed sources ("a senior official") are never merged across
//! articles: two articles' "spokesman" need not be one person; they are
//! listed after every named speaker, and a list may fold them under one
//! "Unnamed sources" entry ([`SpeakerIndex::with_unnamed_grouped`]).
//! Names that are clearly not speakers ("Black Sea", "York Times", see
//! `junk`) are left out. Articles are taken in corpus order, so the result
//! and its explanation are the same on every run.
//!
//! This file is the index itself: what it holds and how it is looked up.
//! `merge` builds it: which article speakers are one person or one
//! organisation, and what the merged entry is called. They are apart
//! because the merging rules are most of the code and change on their
//! own, while the index's shape is what the rest of the program reads.

use std::collections::HashSet;
use std::sync::Arc;

use serde::Serialize;

use super::identity::SameBecause;
use super::{ArticleQuotes, SpeakerId, SpeakerKind};

mod merge;

/// The name of the entry that holds every unnamed source in a list.
pub const UNNAMED_SOURCES: &str = "Unnamed sources";

/// A quotation somewhere in the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct QuoteRef {
    pub article: usize,
    /// Index into that article's `ArticleQuotes::quotes`.
    pub quote: usize,
}

/// One article's speaker, as part of a corpus speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    pub article: usize,
    pub speaker: SpeakerId,
    /// The name that article gives.
    pub name: String,
    pub quotes: usize,
    /// How it joined the entry: the member it matched and the rule; `None`
    /// for the entry's first member.
    pub joined: Option<(usize, SameBecause)>,
}

/// A speaker of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusSpeaker {
    /// The full name most quotations are under.
    pub name: String,
    /// Every other name form and alias seen, first seen first.
    pub aliases: Vec<String>,
    /// The role most quotations are under.
    pub role: Option<String>,
    pub kind: SpeakerKind,
    /// Every quotation, in corpus order.
    pub quotes: Vec<QuoteRef>,
    /// Articles that quote the speaker, in corpus order.
    pub articles: Vec<usize>,
    /// The article speakers merged into this one, in merge order.
    pub members: Vec<Member>,
    /// Why a surname-only mention was kept apart, when it was.
    pub kept_apart: Option<String>,
}

/// Every speaker of a corpus, most quoted first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpeakerIndex {
    pub speakers: Vec<std::sync::Arc<CorpusSpeaker>>,
}

impl SpeakerIndex {
    /// The speakers of `quotes` (one `ArticleQuotes` per article, in corpus
    /// order). Linear in the number of article speakers, but for people
    /// who share a surname, who are compared with each other.
    pub fn build(quotes: &[&ArticleQuotes]) -> SpeakerIndex {
        let mut speakers = merge::speakers(quotes);
        // Named speakers, most quoted first, then unnamed sources.
        speakers.sort_by(|a, b| {
            a.is_unnamed()
                .cmp(&b.is_unnamed())
                .then(b.quotes.len().cmp(&a.quotes.len()))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.articles.cmp(&b.articles))
        });
        SpeakerIndex {
            speakers: speakers.into_iter().map(Arc::new).collect(),
        }
    }

    /// The index as a list shows it: the named speakers, then one entry,
    /// [`UNNAMED_SOURCES`], holding every unnamed source's quotations
    /// (each still its own member, from its own article), so that a
    /// corpus's thousands of "official"s take one row, not thousands.
    pub fn with_unnamed_grouped(mut self) -> SpeakerIndex {
        let first = self.speakers.partition_point(|s| !s.is_unnamed());
        let unnamed: Vec<Arc<CorpusSpeaker>> = self.speakers.drain(first..).collect();
        if unnamed.is_empty() {
            return self;
        }
        let mut aliases: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut group = CorpusSpeaker {
            name: UNNAMED_SOURCES.to_string(),
            aliases: Vec::new(),
            role: None,
            kind: SpeakerKind::Description,
            quotes: Vec::new(),
            articles: Vec::new(),
            members: Vec::new(),
            kept_apart: None,
        };
        // Each taken whole where nothing else holds it, else copied (the
        // statements thread shares the index this was cloned from).
        for s in unnamed.into_iter().map(Arc::unwrap_or_clone) {
            for n in std::iter::once(s.name).chain(s.aliases) {
                if seen.insert(n.to_lowercase()) {
                    aliases.push(n);
                }
            }
            group.quotes.extend(s.quotes);
            group.articles.extend(s.articles);
            group.members.extend(s.members);
        }
        group.aliases = aliases;
        group.quotes.sort_unstable();
        group.articles.sort_unstable();
        group.articles.dedup();
        self.speakers.push(Arc::new(group));
        self
    }

    /// Speakers answering to `name`: their name, an alias or (for people)
    /// the surname, ignoring case and accents.
    pub fn find(&self, name: &str) -> Vec<usize> {
        let wanted = fold_words(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        (0..self.speakers.len())
            .filter(|&i| {
                let s = &self.speakers[i];
                std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .any(|n| fold_words(n) == wanted)
                    || (s.kind == SpeakerKind::Person
                        && fold_words(&s.name).rsplit(' ').next() == Some(wanted.as_str()))
            })
            .collect()
    }
}

impl CorpusSpeaker {
    /// True for a source the articles never name ("a senior official"),
    /// or the entry that holds them all.
    pub fn is_unnamed(&self) -> bool {
        self.kind == SpeakerKind::Description
    }
}

/// Lower case, accents folded, single spaces: how names are looked up.
pub(super) fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        crate::search::fold::fold_char(c, |f, _| out.push(f));
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
