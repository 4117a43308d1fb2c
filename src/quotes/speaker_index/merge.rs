//! Building the speaker index: which article speakers are one corpus
//! speaker, and what that speaker is called.
//!
//! People join by surname when every full name in the entry is compatible
//! with theirs; a surname alone joins once every full name is placed, and
//! only when one entry has that surname. Organisations join on a shared
//! name form; unnamed sources never join. The canonical name and role of
//! an entry are the ones most of its quotations are under. See the
//! [index](super)'s comment for the rules as a whole.

use std::collections::HashSet;

use rayon::prelude::*;

use super::{CorpusSpeaker, Member, QuoteRef, fold_words};
use crate::quotes::identity::{NameKey, SameBecause, SpeakerName};
use crate::quotes::junk::not_a_speaker;
use crate::quotes::{ArticleQuotes, Speaker, SpeakerId, SpeakerKind};

/// Every speaker of `quotes` (one `ArticleQuotes` per article, in corpus
/// order), merged, in the order their entries were made.
pub(super) fn speakers(quotes: &[&ArticleQuotes]) -> Vec<CorpusSpeaker> {
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
    let mut roles = EntryRoles::default();
    for (member, name) in surname_only {
        let surname = name.surname().unwrap_or_default().to_string();
        // Several people of that surname: the one this mention's role
        // belongs to, when articles give it to one of them far more often.
        if let Some(candidates) = by_surname.get(&surname).filter(|l| l.len() > 1)
            && let Some(role) = role_of(quotes, &member)
            && let Some(one) = roles.holder(&entries, quotes, candidates, &role)
        {
            let why = SameBecause::SurnameAndRole {
                role: quotes[member.article].speakers[member.speaker.0]
                    .role
                    .clone()
                    .unwrap_or_default(),
            };
            entries[one].join_because(member, name, why);
            continue;
        }
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
    // Each entry summed up on its own, on every core, kept in order.
    entries.into_par_iter().map(|e| e.finish(quotes)).collect()
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
    sp: &Speaker,
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

    /// Add a member that joins for `why`, a reason beyond the names.
    fn join_because(&mut self, mut m: Member, name: SpeakerName, why: SameBecause) {
        m.joined = Some((0, why));
        if self.keys.insert(name.key()) {
            self.distinct.push((self.members.len(), name));
        }
        self.members.push(m);
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
        // Names as written, already counted: nearly every member of a
        // much-quoted person has one, so it is lower-cased only once.
        let mut written: HashSet<&str> = HashSet::new();
        let mut refs = Vec::new();
        let mut articles = Vec::new();
        for m in &self.members {
            let found = quotes[m.article];
            let sp = &found.speakers[m.speaker.0];
            for n in std::iter::once(&sp.name).chain(&sp.aliases) {
                if written.insert(n) && seen.insert(n.to_ascii_lowercase()) {
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

/// How many more articles must give a role to one person than to anyone
/// else of their surname for a surname alone with that role to be theirs.
const ROLE_DOMINANCE: usize = 3;

/// A member's role, folded (case, accents, spacing), if its article gives
/// one.
fn role_of(quotes: &[&ArticleQuotes], m: &Member) -> Option<String> {
    let role = quotes[m.article].speakers[m.speaker.0].role.as_deref()?;
    Some(fold_words(role)).filter(|r| !r.is_empty())
}

/// Per entry, in how many of its members' articles each role is given:
/// made once an entry is asked about (so that a surname mentioned a
/// thousand times reads an entry's members once).
#[derive(Default)]
struct EntryRoles {
    made: std::collections::HashMap<usize, std::collections::HashMap<String, usize>>,
}

impl EntryRoles {
    fn count(
        &mut self,
        entries: &[Entry],
        quotes: &[&ArticleQuotes],
        e: usize,
        role: &str,
    ) -> usize {
        let roles = self.made.entry(e).or_insert_with(|| {
            let mut roles = std::collections::HashMap::new();
            for m in &entries[e].members {
                if let Some(r) = role_of(quotes, m) {
                    *roles.entry(r).or_insert(0) += 1;
                }
            }
            roles
        });
        roles.get(role).copied().unwrap_or(0)
    }

    /// The one of `candidates` that holds `role`: given it in at least
    /// two articles, and [`ROLE_DOMINANCE`] times as many as any other.
    fn holder(
        &mut self,
        entries: &[Entry],
        quotes: &[&ArticleQuotes],
        candidates: &[usize],
        role: &str,
    ) -> Option<usize> {
        let mut counts: Vec<(usize, usize)> = candidates
            .iter()
            .map(|&e| (self.count(entries, quotes, e, role), e))
            .collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let (top, e) = counts[0];
        let second = counts.get(1).map_or(0, |c| c.0);
        (top >= 2 && top >= ROLE_DOMINANCE * second).then_some(e)
    }
}
