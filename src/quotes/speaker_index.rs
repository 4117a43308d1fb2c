//! Speakers across a whole corpus: the same person quoted in several
//! articles is one entry, with every quotation and every name form seen.
//!
//! Each article's engine has already made one speaker of "Russian Foreign
//! Minister Sergei Lavrov", "Lavrov" and "the minister". Here the speakers
//! of different articles are merged by [`SpeakerName`] rules: people by
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

use std::collections::HashSet;

use serde::Serialize;

use super::identity::{NameKey, SameBecause, SpeakerName};
use super::junk::not_a_speaker;
use super::{ArticleQuotes, SpeakerId, SpeakerKind};

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
    pub speakers: Vec<CorpusSpeaker>,
}

/// An entry while the index is built.
struct Entry {
    kind: SpeakerKind,
    members: Vec<Member>,
    /// Each distinct name of the entry once, with the first member that
    /// has it: a new member is compared with these, not with every member,
    /// so a person quoted in thousands of articles joins in time linear in
    /// the spellings of their name.
    distinct: Vec<(usize, SpeakerName)>,
    keys: HashSet<NameKey>,
    kept_apart: Option<String>,
}

impl SpeakerIndex {
    /// The speakers of `quotes` (one `ArticleQuotes` per article, in corpus
    /// order). Linear in the number of article speakers, but for people
    /// who share a surname, who are compared with each other.
    pub fn build(quotes: &[&ArticleQuotes]) -> SpeakerIndex {
        let mut entries: Vec<Entry> = Vec::new();
        // Surname → entries of people with it; organisation form → entry.
        let mut by_surname: std::collections::HashMap<String, Vec<usize>> = Default::default();
        let mut by_form: std::collections::HashMap<String, usize> = Default::default();
        // A surname alone is placed once every full name has been.
        let mut surname_only: Vec<(Member, SpeakerName)> = Vec::new();

        // Names written family name first: more articles call the person
        // by the first word alone ("Xi") than by the last ("Lavrov"), so
        // that one article's "Sergei said" does not turn every Sergei
        // Lavrov around.
        let mut evidence: std::collections::HashMap<String, i64> = Default::default();
        for n in quotes
            .iter()
            .flat_map(|f| &f.speakers)
            .filter(|s| s.kind == SpeakerKind::Person)
            .map(SpeakerName::of)
        {
            let vote = i64::from(n.is_family_first()) - i64::from(n.is_family_last());
            *evidence.entry(n.full()).or_default() += vote;
        }
        let family_first: HashSet<String> = evidence
            .into_iter()
            .filter(|&(_, v)| v > 0)
            .map(|(n, _)| n)
            .collect();
        for (a, found) in quotes.iter().enumerate() {
            let mut counts = vec![0usize; found.speakers.len()];
            for q in &found.quotes {
                if let Some(c) = q.speaker.and_then(|s| counts.get_mut(s.0)) {
                    *c += 1;
                }
            }
            for (i, sp) in found.speakers.iter().enumerate() {
                if counts[i] == 0 || not_a_speaker(sp).is_some() {
                    continue;
                }
                let mut name = SpeakerName::of(sp);
                if family_first.contains(&name.full()) {
                    name.set_family_first();
                } else {
                    name.set_family_last();
                }
                let member = Member {
                    article: a,
                    speaker: SpeakerId(i),
                    name: sp.name.clone(),
                    quotes: counts[i],
                    joined: None,
                };
                match sp.kind {
                    SpeakerKind::Person => match name.surname().map(str::to_string) {
                        Some(surname) if name.first_name().is_some() => {
                            let list = by_surname.entry(surname).or_default();
                            place_person(&mut entries, list, member, name);
                        }
                        Some(_) => surname_only.push((member, name)),
                        None => entries.push(Entry::new(member, name)),
                    },
                    SpeakerKind::Organisation | SpeakerKind::Group => {
                        place_organisation(&mut entries, &mut by_form, sp, member, name)
                    }
                    SpeakerKind::Description => entries.push(Entry::new(member, name)),
                }
            }
        }
        // A surname alone that several people have: one entry per surname
        // for every such mention, kept apart from them all.
        let mut ambiguous: std::collections::HashMap<String, usize> = Default::default();
        for (member, name) in surname_only {
            let surname = name.surname().unwrap_or_default().to_string();
            if let Some(&e) = ambiguous.get(&surname) {
                entries[e].join(member, name);
                continue;
            }
            let list = by_surname.entry(surname.clone()).or_default();
            match list.as_slice() {
                [] => {
                    list.push(entries.len());
                    entries.push(Entry::new(member, name));
                }
                [only] => entries[*only].join(member, name),
                several => {
                    let names: Vec<String> = several
                        .iter()
                        .map(|&e| entries[e].members[0].name.clone())
                        .collect();
                    let mut entry = Entry::new(member, name);
                    entry.kept_apart = Some(format!(
                        "\"{surname}\" alone could be any of {}",
                        names.join(", ")
                    ));
                    ambiguous.insert(surname, entries.len());
                    entries.push(entry);
                }
            }
        }
        let mut speakers: Vec<CorpusSpeaker> =
            entries.into_iter().map(|e| e.finish(quotes)).collect();
        // Named speakers, most quoted first, then unnamed sources.
        speakers.sort_by(|a, b| {
            a.is_unnamed()
                .cmp(&b.is_unnamed())
                .then(b.quotes.len().cmp(&a.quotes.len()))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.articles.cmp(&b.articles))
        });
        SpeakerIndex { speakers }
    }

    /// The index as a list shows it: the named speakers, then one entry,
    /// [`UNNAMED_SOURCES`], holding every unnamed source's quotations
    /// (each still its own member, from its own article), so that a
    /// corpus's thousands of "official"s take one row, not thousands.
    pub fn with_unnamed_grouped(mut self) -> SpeakerIndex {
        let first = self.speakers.partition_point(|s| !s.is_unnamed());
        let unnamed: Vec<CorpusSpeaker> = self.speakers.drain(first..).collect();
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
        for s in unnamed {
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
        self.speakers.push(group);
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

/// Put a person with a first name into the entry of their surname whose
/// every full name is compatible with theirs, or a new entry.
fn place_person(entries: &mut Vec<Entry>, list: &mut Vec<usize>, m: Member, name: SpeakerName) {
    for &e in list.iter() {
        let fits = entries[e]
            .distinct
            .iter()
            .filter(|(_, n)| n.first_name().is_some())
            .all(|(_, n)| n.same_as(&name));
        if fits {
            entries[e].join(m, name);
            return;
        }
    }
    list.push(entries.len());
    entries.push(Entry::new(m, name));
}

/// Put an organisation into the entry that shares one of its forms.
fn place_organisation(
    entries: &mut Vec<Entry>,
    by_form: &mut std::collections::HashMap<String, usize>,
    sp: &super::Speaker,
    m: Member,
    name: SpeakerName,
) {
    let forms: Vec<String> = std::iter::once(&sp.name)
        .chain(&sp.aliases)
        .map(|f| fold_words(f))
        .filter(|f| !f.is_empty())
        .collect();
    let e = match forms.iter().find_map(|f| by_form.get(f).copied()) {
        Some(e) => {
            entries[e].join(m, name);
            e
        }
        None => {
            entries.push(Entry::new(m, name));
            entries.len() - 1
        }
    };
    for f in forms {
        by_form.entry(f).or_insert(e);
    }
}

impl Entry {
    fn new(m: Member, name: SpeakerName) -> Entry {
        Entry {
            kind: name.kind(),
            members: vec![m],
            keys: HashSet::from([name.key()]),
            distinct: vec![(0, name)],
            kept_apart: None,
        }
    }

    /// Add a member, noting which earlier member it matched and why: the
    /// first member whose name matches (members with one name match alike,
    /// so the first of each distinct name stands for them all).
    fn join(&mut self, mut m: Member, name: SpeakerName) {
        m.joined = self
            .distinct
            .iter()
            .find_map(|(i, n)| n.why(&name).map(|why| (*i, why)));
        if self.keys.insert(name.key()) {
            self.distinct.push((self.members.len(), name));
        }
        self.members.push(m);
    }

    fn finish(self, quotes: &[&ArticleQuotes]) -> CorpusSpeaker {
        // The canonical name: the full name with the most quotations, then
        // the longer, then the first in alphabetical order. A surname alone
        // counts only when no article gives more.
        let full = |n: &str| self.kind != SpeakerKind::Person || words(n) >= 2;
        let any_full = self
            .members
            .iter()
            .any(|m| full(&quotes[m.article].speakers[m.speaker.0].name));
        let mut tally: Vec<(String, usize)> = Vec::new();
        let mut roles: Vec<(String, usize)> = Vec::new();
        for m in &self.members {
            let sp = &quotes[m.article].speakers[m.speaker.0];
            if full(&sp.name) || !any_full {
                add(&mut tally, &sp.name, m.quotes);
            }
            if let Some(r) = &sp.role {
                add(&mut roles, r, m.quotes);
            }
        }
        let name = tally
            .iter()
            .max_by(|a, b| {
                a.1.cmp(&b.1)
                    .then(words(&a.0).cmp(&words(&b.0)))
                    .then(b.0.cmp(&a.0))
            })
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        let role = roles
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(r, _)| r.clone());
        let mut aliases: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::from([name.to_ascii_lowercase()]);
        let mut refs = Vec::new();
        let mut articles = Vec::new();
        for m in &self.members {
            let found = quotes[m.article];
            let sp = &found.speakers[m.speaker.0];
            for n in std::iter::once(&sp.name).chain(&sp.aliases) {
                if seen.insert(n.to_ascii_lowercase()) {
                    aliases.push(n.clone());
                }
            }
            refs.extend(
                (0..found.quotes.len())
                    .filter(|&q| found.quotes[q].speaker == Some(m.speaker))
                    .map(|quote| QuoteRef {
                        article: m.article,
                        quote,
                    }),
            );
            articles.push(m.article);
        }
        refs.sort_unstable();
        articles.sort_unstable();
        articles.dedup();
        CorpusSpeaker {
            name,
            aliases,
            role,
            kind: self.kind,
            quotes: refs,
            articles,
            members: self.members,
            kept_apart: self.kept_apart,
        }
    }
}

fn add(tally: &mut Vec<(String, usize)>, key: &str, n: usize) {
    match tally.iter_mut().find(|(k, _)| k == key) {
        Some((_, c)) => *c += n,
        None => tally.push((key.to_string(), n)),
    }
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Lower case, accents folded, single spaces: how names are looked up.
fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        crate::search::fold::fold_char(c, |f, _| out.push(f));
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::quotes_of;

    fn index(texts: &[&str]) -> SpeakerIndex {
        let found = quotes_of(texts);
        let refs: Vec<&ArticleQuotes> = found.iter().collect();
        SpeakerIndex::build(&refs)
    }

    fn names(ix: &SpeakerIndex) -> Vec<(&str, usize)> {
        ix.speakers
            .iter()
            .map(|s| (s.name.as_str(), s.articles.len()))
            .collect()
    }

    #[test]
    fn transliterations_merge_and_keep_their_forms() {
        let ix = index(&[
            "A\n\n“One,” Russian Foreign Minister Sergei Lavrov said. “Two,” Lavrov said.",
            "B\n\n“Three,” Sergey Lavrov told reporters.",
        ]);
        assert_eq!(names(&ix), [("Sergei Lavrov", 2)]);
        let s = &ix.speakers[0];
        assert!(
            s.aliases.iter().any(|a| a == "Sergey Lavrov"),
            "{:?}",
            s.aliases
        );
        assert_eq!(s.quotes.len(), 3);
        assert_eq!(s.role.as_deref(), Some("Russian Foreign Minister"));
        assert!(matches!(
            s.members[1].joined,
            Some((0, SameBecause::Transliteration { edits: 1 }))
        ));
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let ix = index(&[
            "A\n\n“Sanctions work,” said Senator John Smith.",
            "B\n\n“We won,” said coach Mary Smith.",
            "C\n\n“Hello,” Smith said.",
        ]);
        let mut n = names(&ix);
        n.sort();
        assert_eq!(n, [("John Smith", 1), ("Mary Smith", 1), ("Smith", 1)]);
        let lone = ix.speakers.iter().find(|s| s.name == "Smith").unwrap();
        assert!(lone.kept_apart.as_deref().unwrap().contains("John Smith"));
    }

    #[test]
    fn a_surname_alone_joins_the_one_person_with_it() {
        let ix = index(&[
            "A\n\n“We will appeal,” lawyer Kate Morrow said.",
            "B\n\n“The ruling is wrong,” Morrow said.",
        ]);
        assert_eq!(names(&ix), [("Kate Morrow", 2)]);
        assert_eq!(
            ix.speakers[0].members[1].joined,
            Some((0, SameBecause::SurnameOnly))
        );
    }

    #[test]
    fn one_role_held_by_two_named_people_is_two_speakers() {
        let ix = index(&[
            "A\n\n“No comment,” said ministry spokesman Ivan Petrov.\n\n“Nothing more,” the spokesman said.",
            "B\n\n“We deny it,” said ministry spokesman Oleg Sokolov.\n\n“That is all,” the spokesman added.",
        ]);
        let mut n = names(&ix);
        n.sort();
        assert_eq!(n, [("Ivan Petrov", 1), ("Oleg Sokolov", 1)]);
        assert!(ix.speakers.iter().all(|s| s.quotes.len() == 2));
    }

    #[test]
    fn close_but_different_first_names_stay_apart() {
        // Sergei ~ Sergey (one letter); Sergio is one letter from neither
        // and must fit every full name of the entry, so it stays apart.
        let ix = index(&[
            "A\n\n“One,” said Sergei Marino.",
            "B\n\n“Two,” said Sergey Marino.",
            "C\n\n“Three,” said Sergio Marino.",
        ]);
        let mut n = names(&ix);
        n.sort();
        assert_eq!(n, [("Sergei Marino", 2), ("Sergio Marino", 1)]);
    }

    #[test]
    fn organisations_merge_and_unnamed_sources_do_not() {
        let ix = index(&[
            "A\n\n“We are concerned,” the White House said. “Talks go on,” a senior official said.",
            "B\n\n“No change,” the White House said in a statement. “Still talking,” a senior official said.",
        ]);
        let wh = ix
            .speakers
            .iter()
            .find(|s| s.name == "White House")
            .unwrap();
        assert_eq!(wh.articles.len(), 2);
        let officials = ix
            .speakers
            .iter()
            .filter(|s| s.kind == SpeakerKind::Description)
            .count();
        assert_eq!(officials, 2);
    }

    #[test]
    fn a_surname_several_people_have_is_one_entry_not_one_per_article() {
        let ix = index(&[
            "A\n\n“Sanctions work,” said Senator John Smith.",
            "B\n\n“We won,” said coach Mary Smith.",
            "C\n\n“Hello,” Smith said.",
            "D\n\n“Goodbye,” Smith said.",
            "E\n\n“Again,” Smith said.",
        ]);
        let lone: Vec<_> = ix.speakers.iter().filter(|s| s.name == "Smith").collect();
        assert_eq!(lone.len(), 1, "{:?}", names(&ix));
        assert_eq!(lone[0].articles, [2, 3, 4]);
        assert!(lone[0].kept_apart.is_some());
    }

    #[test]
    fn unnamed_sources_come_after_every_named_speaker() {
        let ix = index(&[
            "A\n\n“One,” a senior official said. “Two,” the official added. \
             “Three,” the official went on.",
            "B\n\n“Four,” said harbour master Ilse Brandt.",
            "C\n\n“Five,” a spokesman said.",
        ]);
        let kinds: Vec<bool> = ix.speakers.iter().map(CorpusSpeaker::is_unnamed).collect();
        assert_eq!(kinds, [false, true, true], "{:?}", names(&ix));
        assert_eq!(ix.speakers[0].name, "Ilse Brandt");
        // Each keeps its own article.
        assert_eq!(ix.speakers[1].articles, [0]);
        assert_eq!(ix.speakers[2].articles, [2]);
    }

    #[test]
    fn a_list_folds_unnamed_sources_into_one_entry() {
        let ix = index(&[
            "A\n\n“One,” a senior official said. “Two,” said Ilse Brandt.",
            "B\n\n“Three,” a senior official said.",
            "C\n\n“Four,” a spokesman said.",
        ])
        .with_unnamed_grouped();
        assert_eq!(
            names(&ix),
            [("Ilse Brandt", 1), (UNNAMED_SOURCES, 3)],
            "{ix:#?}"
        );
        let group = &ix.speakers[1];
        assert!(group.is_unnamed());
        assert_eq!(group.quotes.len(), 3);
        assert!(group.quotes.windows(2).all(|w| w[0] < w[1]), "corpus order");
        assert_eq!(group.members.len(), 3, "one member per article's source");
        assert_eq!(group.name, UNNAMED_SOURCES);
        let mut aliases = group.aliases.clone();
        aliases.sort();
        assert_eq!(aliases, ["senior official", "spokesman"]);
        // Nothing to fold: the index is unchanged.
        let named = index(&["A\n\n“One,” said Ilse Brandt."]);
        assert_eq!(named.clone().with_unnamed_grouped(), named);
    }

    #[test]
    fn names_that_are_not_speakers_are_left_out() {
        let ix = index(&[
            "Fleet\n\n“The patrols go on,” the Black Sea said.\n\n\
             “It was calm,” York Times reported.\n\n\
             “We saw it,” said harbour master Ilse Brandt.",
            "Storm\n\n“The patrols go on,” the Black Sea said. “No change,” Brandt said.",
        ]);
        assert_eq!(names(&ix), [("Ilse Brandt", 2)]);
    }

    #[test]
    fn names_written_family_name_first_merge() {
        let ix = index(&[
            "A\n\n“One,” Chinese President Xi Jinping said. “Two,” Xi said.",
            "B\n\n“Three,” said Xi Jinping.",
            "C\n\n“Four,” Xi said.",
        ]);
        assert_eq!(names(&ix), [("Xi Jinping", 3)]);
    }

    #[test]
    fn one_article_calling_a_person_by_first_name_does_not_split_them() {
        // "Sergei said" in one article reads like a name written family
        // name first; the other articles' "Lavrov" outvote it.
        let ix = index(&[
            "A\n\n“One,” Russian Foreign Minister Sergei Lavrov said. “Two,” Lavrov said.",
            "B\n\n“Three,” Sergey Lavrov told reporters. “Four,” Lavrov added.",
            "C\n\n“Five,” said Sergei Lavrov. “Six,” Sergei said.",
            "D\n\n“Seven,” Sergey Lavrov said. “Eight,” Lavrov said.",
        ]);
        let lavrov: Vec<_> = ix
            .speakers
            .iter()
            .filter(|s| s.name.contains("Lavrov"))
            .collect();
        assert_eq!(lavrov.len(), 1, "{:?}", names(&ix));
        assert_eq!(lavrov[0].articles.len(), 4);
    }

    #[test]
    fn find_answers_to_names_aliases_and_surnames() {
        let ix = index(&[
            "A\n\n“One,” Sergei Lavrov said.",
            "B\n\n“Two,” Sergey Lavrov said.",
        ]);
        assert_eq!(ix.find("sergey lavrov"), [0]);
        assert_eq!(ix.find("LAVROV"), [0]);
        assert!(ix.find("Putin").is_empty());
        assert!(ix.find("  ").is_empty());
    }
}
