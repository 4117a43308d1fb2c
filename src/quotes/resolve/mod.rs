//! Resolving pronouns ("he said") and descriptions ("the official said",
//! "the Chinese president") to the entity the article makes clear.
//!
//! Every mention leaves an event with a weight for how prominent it was
//! (a quoted speaker counts most, a subject more than an object, a
//! possessive least); a pronoun goes to the compatible entity with the
//! highest sum of weights, each decayed by distance in sentences. This is
//! the salience model of Lappin and Leass, cut down to what news prose
//! needs. A description goes to the entity whose roles contain its head
//! noun and whose nationality does not contradict it. The word lists
//! that matching uses are data, in `tables`.

use std::collections::HashSet;

use super::lexicon::{self, FnvBuild, flag};
use super::names::Gender;
use super::speakers::{Entity, EntityId, EntityKind, Registry};

mod tables;

use tables::{COMPANY_HEADS, is_country_word, is_public_body, same_country, same_role_word};

/// Weights of mention events.
pub mod weight {
    /// The speaker of a quotation.
    pub const SPEAKER: f32 = 90.0;
    /// A subject at the start of a clause.
    pub const SUBJECT: f32 = 80.0;
    /// A pronoun resolved to the entity.
    pub const PRONOUN: f32 = 70.0;
    pub const MENTION: f32 = 50.0;
    /// After a preposition.
    pub const OBJECT: f32 = 30.0;
    pub const POSSESSIVE: f32 = 25.0;
    /// Modifying a noun: "the Democratic frontrunner", "Trump aides".
    pub const MODIFIER: f32 = 10.0;
}

/// Where something is, for distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    /// Story paragraph ordinal.
    pub para: usize,
    /// Sentence ordinal over the whole article.
    pub sentence: usize,
    /// Byte offset in the article.
    pub pos: usize,
}

#[derive(Debug, Clone, Copy)]
struct Event {
    entity: EntityId,
    at: At,
    weight: f32,
}

/// Events older than this many paragraphs do not make a pronoun's
/// antecedent.
const PRONOUN_WINDOW: usize = 4;
/// Events examined per resolution, newest first: bounds the work in
/// huge paragraphs.
const MAX_EVENTS: usize = 400;
/// Decay per sentence of distance for pronouns.
const SENTENCE_DECAY: f32 = 0.45;
/// Decay per paragraph of distance for descriptions.
const PARAGRAPH_DECAY: f32 = 0.85;
/// Extra weight for a pronoun's own paragraph: a news paragraph that
/// introduces someone and then says "he told reporters" means them, not
/// the speaker of the paragraphs before.
const SAME_PARAGRAPH_BOOST: f32 = 2.0;
/// Below this a pronoun stays unresolved.
const MIN_SCORE: f32 = 6.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    /// I, we, you: the writer or the reader, never a quoted source here.
    Other,
}

impl Pronoun {
    pub fn of(word: &str) -> Pronoun {
        match word.to_ascii_lowercase().as_str() {
            "he" | "his" | "him" => Pronoun::He,
            "she" | "her" => Pronoun::She,
            "they" | "their" | "them" => Pronoun::They,
            "it" | "its" => Pronoun::It,
            _ => Pronoun::Other,
        }
    }
}

/// A description to resolve: its head noun and modifiers, lower case.
#[derive(Debug, Clone)]
pub struct Description {
    pub head: String,
    pub modifiers: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Salience {
    events: Vec<Event>,
    /// Paragraph ordinals of subheadings, in order: a section break makes
    /// what came before much less likely to be "he".
    barriers: Vec<usize>,
    /// Entities with at least one event.
    seen: HashSet<EntityId, FnvBuild>,
}

/// Weight left to events on the far side of a subheading.
const BARRIER_DECAY: f32 = 0.3;
/// Extra weight of the first subject mention of an entity: a person
/// introduced with name and role is who the next "he" is about.
const INTRODUCTION_BOOST: f32 = 1.5;

impl Salience {
    pub fn add(&mut self, entity: EntityId, at: At, mut weight: f32) {
        if self.seen.insert(entity) && weight >= self::weight::SUBJECT {
            weight *= INTRODUCTION_BOOST;
        }
        self.events.push(Event { entity, at, weight });
    }

    /// Mark paragraph `para` as a section break.
    pub fn add_barrier(&mut self, para: usize) {
        if self.barriers.last().is_none_or(|&b| b < para) {
            self.barriers.push(para);
        }
    }

    fn barriers_between(&self, from: usize, to: usize) -> i32 {
        let lo = self.barriers.partition_point(|&b| b <= from);
        let hi = self.barriers.partition_point(|&b| b < to);
        hi.saturating_sub(lo) as i32
    }

    /// Summed, decayed weights of entities mentioned before `at`.
    fn scores(&self, at: At, window: usize, decay: impl Fn(&At) -> f32) -> Vec<(EntityId, f32)> {
        let mut out: Vec<(EntityId, f32)> = Vec::new();
        for e in self.events.iter().rev().take(MAX_EVENTS) {
            if at.para.saturating_sub(e.at.para) > window {
                break;
            }
            if e.at.pos >= at.pos {
                continue;
            }
            let w = e.weight
                * decay(&e.at)
                * BARRIER_DECAY.powi(self.barriers_between(e.at.para, at.para));
            match out.iter_mut().find(|(id, _)| *id == e.entity) {
                Some((_, s)) => *s += w,
                None => out.push((e.entity, w)),
            }
        }
        out
    }

    /// The entity a pronoun at `at` refers to.
    pub fn pronoun(&self, reg: &Registry, p: Pronoun, at: At) -> Option<EntityId> {
        if p == Pronoun::Other {
            return None;
        }
        best(
            self.scores(at, PRONOUN_WINDOW, |e| nearness(at, e))
                .into_iter()
                .map(|(id, s)| (id, s * pronoun_fit(reg.get(id), p))),
            MIN_SCORE,
        )
    }

    /// The entity a definite description at `at` refers to, if the article
    /// has introduced one that fits.
    pub fn description(&self, reg: &Registry, d: &Description, at: At) -> Option<EntityId> {
        // "The veteran added" is a second reference, like "he added".
        if lexicon::flags(&d.head) & flag::EPITHET != 0 {
            return best(
                self.scores(at, PRONOUN_WINDOW, |e| nearness(at, e))
                    .into_iter()
                    .map(|(id, s)| (id, s * description_fit(reg.get(id), d))),
                MIN_SCORE,
            );
        }
        let decay = |e: &At| PARAGRAPH_DECAY.powi(at.para.saturating_sub(e.para).min(40) as i32);
        // "The company said" means a business just mentioned, not one from
        // the top of the story.
        let window = if COMPANY_HEADS.contains(&d.head.as_str()) {
            COMPANY_WINDOW
        } else {
            usize::MAX
        };
        best(
            self.scores(at, window, decay)
                .into_iter()
                .map(|(id, s)| (id, s * description_fit(reg.get(id), d))),
            1.0,
        )
    }
}

/// How much an event at `e` still counts for a pronoun at `at`: halved
/// or so per sentence, more in the pronoun's own paragraph.
fn nearness(at: At, e: &At) -> f32 {
    let d = at.sentence.saturating_sub(e.sentence).min(20) as i32;
    let here = if e.para == at.para {
        SAME_PARAGRAPH_BOOST
    } else {
        1.0
    };
    SENTENCE_DECAY.powi(d) * here
}

fn best(scores: impl Iterator<Item = (EntityId, f32)>, min: f32) -> Option<EntityId> {
    let mut top: Option<(EntityId, f32)> = None;
    for (id, s) in scores {
        // Ties go to the earlier-listed (more recent) entity.
        if s >= min && top.is_none_or(|(_, t)| s > t) {
            top = Some((id, s));
        }
    }
    top.map(|(id, _)| id)
}

/// Can the pronoun mean this entity at all?
pub fn fits(e: &Entity, p: Pronoun) -> bool {
    pronoun_fit(e, p) > 0.0
}

/// How well an entity fits a pronoun: 0 when it cannot be meant.
fn pronoun_fit(e: &Entity, p: Pronoun) -> f32 {
    let personal = e.is_personal() && !e.plural;
    let unknown_penalty = if e.kind == EntityKind::Unknown {
        0.7
    } else {
        1.0
    };
    match p {
        Pronoun::He if personal && e.gender != Gender::Female => unknown_penalty,
        Pronoun::She if personal && e.gender != Gender::Male => unknown_penalty,
        Pronoun::It => match e.kind {
            EntityKind::Organisation => 1.0,
            EntityKind::Place => 0.5,
            EntityKind::Description if !e.plural && !e.is_personal() => 1.0,
            _ => 0.0,
        },
        Pronoun::They => match e.kind {
            EntityKind::Organisation => 0.8,
            EntityKind::Place => 0.4,
            EntityKind::Description if e.plural || !e.is_personal() => 1.0,
            EntityKind::Group => 1.0,
            EntityKind::Person if e.gender == Gender::Unknown => 0.2,
            _ => 0.0,
        },
        _ => 0.0,
    }
}

/// Paragraphs back that "the company" looks for its business.
const COMPANY_WINDOW: usize = 2;

/// How well an entity fits a description: 0 when it cannot be meant.
fn description_fit(e: &Entity, d: &Description) -> f32 {
    let head = lexicon::flags(&d.head);
    if head & flag::EPITHET != 0 {
        return epithet_fit(e, d, head);
    }
    let head_fits = match e.kind {
        EntityKind::Person | EntityKind::Unknown => {
            e.role_words.iter().any(|w| same_role_word(w, &d.head))
        }
        EntityKind::Description => e
            .head
            .as_deref()
            .is_some_and(|h| same_role_word(h, &d.head)),
        EntityKind::Organisation => {
            lexicon::flags(&d.head) & flag::DESC_ORG != 0
                && (e.has_role_word(&d.head)
                    || e.name.split(' ').any(|w| w.eq_ignore_ascii_case(&d.head))
                    || (COMPANY_HEADS.contains(&d.head.as_str()) && !is_public_body(&e.name)))
        }
        EntityKind::Place | EntityKind::Group => false,
    };
    if !head_fits {
        return 0.0;
    }
    let mut fit = 1.0;
    for m in &d.modifiers {
        if is_country_word(m) {
            let agrees = e.role_words.iter().any(|w| same_country(w, m))
                || e.name
                    .split(' ')
                    .any(|w| same_country(&w.to_lowercase(), m));
            let other = e
                .role_words
                .iter()
                .any(|w| is_country_word(w) && !same_country(w, m) && !same_role_word(w, &d.head));
            if agrees {
                fit += 1.0;
            } else if other {
                return 0.0;
            }
        } else if e.role_words.iter().any(|w| w == m) {
            fit += 0.3;
        }
    }
    fit
}

/// An epithet ("the veteran", "the 34-year-old", "the Dutchman") fits
/// one named person of the right gender, as "he" or "she" would; a
/// demonym also rules out a person whose role gives another country.
fn epithet_fit(e: &Entity, d: &Description, head: u64) -> f32 {
    if e.kind != EntityKind::Person || e.plural {
        return 0.0;
    }
    let gender_clash = (head & flag::MALE != 0 && e.gender == Gender::Female)
        || (head & flag::FEMALE != 0 && e.gender == Gender::Male);
    if gender_clash {
        return 0.0;
    }
    if head & flag::NATIONALITY != 0 {
        let countries: Vec<&String> = e.role_words.iter().filter(|w| is_country_word(w)).collect();
        if countries.iter().any(|w| same_country(w, &d.head)) {
            return 2.0;
        }
        if !countries.is_empty() {
            return 0.0;
        }
    }
    1.0
}

#[cfg(test)]
mod tests;
