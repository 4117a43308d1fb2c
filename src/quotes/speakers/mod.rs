//! The people, organisations and descriptions an article mentions, each
//! under one canonical name.
//!
//! "Russian Foreign Minister Sergei Lavrov", "Sergey Lavrov" and "Lavrov"
//! are one entity named by the fullest personal name seen; the role is kept
//! apart. Matching is by surname or given name (for names written family
//! name first: "Xi" is "Xi Jinping") and by compatible given names
//! (Sergei/Sergey, J./John). Everything here is in article order, so the
//! result is deterministic.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::{self, FnvBuild, flag};
use super::names::{Gender, NameKind};

mod groups;

pub type EntityId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    /// A capitalised name with no evidence yet.
    Unknown,
    /// An unnamed source: "a senior administration official".
    Description,
    /// Named people or bodies who spoke together: "Smith and Jones wrote".
    Group,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: EntityKind,
    /// Canonical name: the fullest form seen.
    pub name: String,
    /// Words of the canonical name.
    name_words: usize,
    /// Lower-case first and last words (family-name-first names match on
    /// either).
    first: String,
    last: String,
    /// The first role seen with the name ("Russian Foreign Minister").
    pub role: Option<String>,
    /// Lower-case words of every role seen, for matching descriptions.
    pub role_words: Vec<String>,
    /// Every other form of the name seen, role-prefixed forms included.
    pub aliases: Vec<String>,
    /// Descriptions resolved to this entity ("the Russian foreign minister").
    pub descriptions: Vec<String>,
    /// Byte ranges where the entity is named.
    pub mentions: Vec<Range<usize>>,
    pub gender: Gender,
    pub plural: bool,
    /// For descriptions: the head noun ("official").
    pub head: Option<String>,
    /// For groups: who is in it, in the order written.
    pub members: Vec<EntityId>,
    /// Byte offset of the latest mention, to prefer the nearest namesake.
    last_seen: usize,
}

impl Entity {
    fn new(kind: EntityKind, name: String, at: usize) -> Self {
        let words: Vec<&str> = name.split(' ').collect();
        let first = words.first().copied().unwrap_or("").to_lowercase();
        let last = surname(&words).to_lowercase();
        Entity {
            kind,
            name_words: words.len(),
            first,
            last,
            name,
            role: None,
            role_words: Vec::new(),
            aliases: Vec::new(),
            descriptions: Vec::new(),
            mentions: Vec::new(),
            gender: Gender::Unknown,
            plural: false,
            head: None,
            members: Vec::new(),
            last_seen: at,
        }
    }

    /// Could be "he" or "she".
    pub fn is_personal(&self) -> bool {
        matches!(self.kind, EntityKind::Person | EntityKind::Unknown)
            || (self.kind == EntityKind::Description
                && !self.plural
                && self.is_person_description())
    }

    fn is_person_description(&self) -> bool {
        self.head
            .as_deref()
            .is_some_and(|h| super::lexicon::flags(h) & super::lexicon::flag::DESC_PERSON != 0)
    }

    /// True when `word` (lower case) is one of this entity's role words.
    pub fn has_role_word(&self, word: &str) -> bool {
        self.role_words.iter().any(|w| w == word) || self.head.as_deref() == Some(word)
    }

    fn add_alias(&mut self, alias: &str) {
        if alias.is_empty() || alias.eq_ignore_ascii_case(&self.name) {
            return;
        }
        if !self.aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
            self.aliases.push(alias.to_string());
        }
    }

    pub fn add_role(&mut self, role: &str) {
        let role = strip_determiner(role);
        if role.is_empty() {
            return;
        }
        // "the company's chief executive" is an executive, not a company:
        // an owner's word is kept only as written, for nationality.
        for w in role.split_whitespace() {
            let w = w.to_lowercase();
            if !self.role_words.contains(&w) {
                self.role_words.push(w);
            }
        }
        // "Mrs." or "Mr." alone is a courtesy, not a role to show.
        if self.role.is_none() && !super::lexicon::is_courtesy_title(role) {
            self.role = Some(role.to_string());
        }
    }

    pub fn add_description(&mut self, d: &str) {
        if !self.descriptions.iter().any(|x| x.eq_ignore_ascii_case(d)) {
            self.descriptions.push(d.to_string());
        }
    }
}

/// The family name: the last word that is not a suffix (Jr., III).
fn surname<'a>(words: &[&'a str]) -> &'a str {
    let is_suffix = |w: &str| super::lexicon::flags(w) & super::lexicon::flag::SUFFIX != 0;
    words
        .iter()
        .rev()
        .find(|w| !is_suffix(w))
        .or(words.last())
        .copied()
        .unwrap_or("")
}

/// "the official" -> "official"; "a senior administration official" ->
/// "senior administration official".
pub fn strip_determiner(s: &str) -> &str {
    let s = s.trim();
    for det in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = s.strip_prefix(det) {
            return rest.trim_start();
        }
    }
    s
}

/// Do two given names name the same person? Equal, one an initial of the
/// other (J. / John), or a transliteration away (Sergei / Sergey,
/// Dmitry / Dmitri).
fn given_names_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a0, b0) = (a.chars().next(), b.chars().next());
    if a0 != b0 {
        return false;
    }
    let initial = |s: &str| s.trim_end_matches('.').chars().count() == 1;
    if initial(a) || initial(b) {
        return true;
    }
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let common = ac.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    common >= 4 || (common >= 3 && edit_distance(&ac, &bc) <= 2)
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// A name as the registry receives it from a mention.
pub struct NameForm<'a> {
    /// The name words, single-spaced ("Sergei Lavrov").
    pub name: &'a str,
    /// The role before it, or an appositive role, single-spaced.
    pub role: &'a str,
    /// The role as written before the name, if any ("Russian Foreign
    /// Minister"), for the "role + name" alias.
    pub prefix: &'a str,
    pub kind: NameKind,
    pub gender: Gender,
    /// Byte range of the name in the article.
    pub range: Range<usize>,
}

impl<'a> NameForm<'a> {
    /// A person's name seen without a role ("Sanders says", a headline's
    /// "Lavrov").
    pub fn person(name: &'a str, gender: Gender, range: Range<usize>) -> Self {
        NameForm {
            name,
            role: "",
            prefix: "",
            kind: NameKind::Person,
            gender,
            range,
        }
    }
}

/// All entities of one article.
#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    /// Lower-case first/last word -> people (and unknowns) with it.
    by_word: HashMap<String, Vec<EntityId>, FnvBuild>,
    /// Lower-case full name (and initials) -> organisation or place.
    by_name: HashMap<String, EntityId, FnvBuild>,
    /// Lower-case description text -> description entity.
    by_description: HashMap<String, EntityId, FnvBuild>,
    /// Members -> group entity.
    by_members: HashMap<Vec<EntityId>, EntityId, FnvBuild>,
}

impl Registry {
    pub fn get(&self, id: EntityId) -> &Entity {
        &self.entities[id]
    }

    pub fn get_mut(&mut self, id: EntityId) -> &mut Entity {
        &mut self.entities[id]
    }

    /// Record a named mention and return its entity.
    pub fn add_name(&mut self, f: &NameForm) -> Option<EntityId> {
        let id = match f.kind {
            NameKind::RoleOnly => return None,
            NameKind::Organisation | NameKind::Place => self.organisation(f),
            NameKind::Person | NameKind::Unknown => self.person(f),
        };
        let e = &mut self.entities[id];
        e.add_alias(f.name);
        if !f.prefix.is_empty() {
            e.add_alias(&format!("{} {}", f.prefix, f.name));
        }
        if !f.role.is_empty() && matches!(e.kind, EntityKind::Person | EntityKind::Unknown) {
            e.add_role(f.role);
        }
        if e.gender == Gender::Unknown {
            e.gender = f.gender;
        }
        e.mentions.push(f.range.clone());
        e.last_seen = f.range.start;
        Some(id)
    }

    fn organisation(&mut self, f: &NameForm) -> EntityId {
        let key = f.name.to_lowercase();
        if let Some(&id) = self.by_name.get(&key) {
            return id;
        }
        // A one-word name may be a person's surname seen before ("Jordan").
        let kind = if f.kind == NameKind::Place {
            EntityKind::Place
        } else {
            EntityKind::Organisation
        };
        let id = self.push(Entity::new(kind, f.name.to_string(), f.range.start));
        self.by_name.insert(key, id);
        let initials: String = f
            .name
            .split(' ')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.chars().count() >= 2 && f.name.contains(' ') {
            self.by_name.entry(initials.to_lowercase()).or_insert(id);
        }
        id
    }

    fn person(&mut self, f: &NameForm) -> EntityId {
        let words: Vec<&str> = f.name.split(' ').collect();
        let key_first = words.first().copied().unwrap_or("").to_lowercase();
        let key_last = surname(&words).to_lowercase();
        // A lone word that names an organisation seen before ("Kremlin").
        if words.len() == 1
            && let Some(&id) = self.by_name.get(&key_last)
        {
            return id;
        }
        if let Some(id) = self.find_person(&words, &key_first, &key_last, f.gender) {
            let e = &mut self.entities[id];
            if words.len() > e.name_words {
                let old = std::mem::replace(&mut e.name, f.name.to_string());
                e.add_alias(&old);
                e.name_words = words.len();
                e.first = key_first.clone();
                e.last = key_last.clone();
                self.index_word(&key_first, id);
                self.index_word(&key_last, id);
            }
            let e = &mut self.entities[id];
            if f.kind == NameKind::Person && e.kind == EntityKind::Unknown {
                e.kind = EntityKind::Person;
            }
            return id;
        }
        let kind = if f.kind == NameKind::Person {
            EntityKind::Person
        } else {
            EntityKind::Unknown
        };
        let id = self.push(Entity::new(kind, f.name.to_string(), f.range.start));
        self.index_word(&key_first, id);
        self.index_word(&key_last, id);
        id
    }

    /// The person a name refers to, if already known: same surname with an
    /// agreeing given name, or a one-word name matching either end.
    fn find_person(
        &self,
        words: &[&str],
        first: &str,
        last: &str,
        gender: Gender,
    ) -> Option<EntityId> {
        let people = |w: &str| self.by_word.get(w).into_iter().flatten().copied();
        let mut best: Option<(u8, (usize, usize), EntityId)> = None;
        let mut consider = |rank: u8, id: EntityId| {
            // "Mrs. Clinton" is not Bill Clinton.
            let known = self.entities[id].gender;
            if gender != Gender::Unknown && known != Gender::Unknown && known != gender {
                return;
            }
            // Of a family ("Bill Clinton" after "Hillary Clinton"), a bare
            // surname means the one the story has named most: news writes
            // the other one out in full. Then the most recent.
            let e = &self.entities[id];
            let weight = (e.mentions.len(), e.last_seen);
            if best.is_none_or(|(r, w, _)| (rank, weight) > (r, w)) {
                best = Some((rank, weight, id));
            }
        };
        if words.len() == 1 {
            for id in people(last) {
                let e = &self.entities[id];
                if e.last == last {
                    consider(2, id);
                } else if e.first == last
                    && e.name_words >= 2
                    && super::lexicon::is_family_first_name(last)
                {
                    // "Xi" after "Xi Jinping"; not "Trump" after "Trump Train".
                    consider(1, id);
                }
            }
        } else {
            for id in people(last).chain(people(first)) {
                let e = &self.entities[id];
                if e.name_words == 1 {
                    if e.last == last || e.last == first {
                        consider(1, id);
                    }
                } else if e.last == last && given_names_agree(&e.first, first) {
                    consider(2, id);
                }
            }
        }
        best.map(|(_, _, id)| id)
    }

    fn index_word(&mut self, w: &str, id: EntityId) {
        if w.is_empty() {
            return;
        }
        let list = self.by_word.entry(w.to_string()).or_default();
        if !list.contains(&id) {
            list.push(id);
        }
    }

    fn push(&mut self, e: Entity) -> EntityId {
        self.entities.push(e);
        self.entities.len() - 1
    }

    /// The description entity for `text` (determiner stripped), created on
    /// first use. `head` is its head noun, lower case.
    pub fn description(&mut self, text: &str, head: &str, plural: bool, at: usize) -> EntityId {
        let text = strip_determiner(text);
        let key = text.to_lowercase();
        if let Some(&id) = self.by_description.get(&key) {
            return id;
        }
        let mut e = Entity::new(EntityKind::Description, text.to_string(), at);
        e.head = Some(head.to_string());
        e.plural = plural;
        // "the spokeswoman", "the businessman": the head tells.
        let sex = lexicon::flags(head) & (flag::FEMALE | flag::MALE);
        e.gender = match sex {
            flag::FEMALE => Gender::Female,
            flag::MALE => Gender::Male,
            _ => Gender::Unknown,
        };
        e.add_role(text);
        let id = self.push(e);
        self.by_description.insert(key, id);
        id
    }

    /// A known person or organisation named exactly `word` (case-insensitive),
    /// for finding names in Title Case headlines.
    pub fn known_word(&self, word: &str) -> Option<EntityId> {
        let w = word.to_lowercase();
        if let Some(&id) = self.by_name.get(&w) {
            return Some(id);
        }
        self.by_word
            .get(&w)?
            .iter()
            .copied()
            .filter(|&id| {
                let e = &self.entities[id];
                // "Mitt Romney. Romney went …": a full name with no other
                // evidence answers to its last word too.
                e.kind == EntityKind::Person
                    || (e.kind == EntityKind::Unknown && e.last == w && e.name.contains(' '))
            })
            .max_by_key(|&id| {
                (
                    self.entities[id].last == w,
                    self.entities[id].mentions.len(),
                )
            })
    }
}

#[cfg(test)]
mod tests;
