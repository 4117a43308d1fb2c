//! Attribution clauses: who a quotation's own sentence says spoke it.
//!
//! After the quotation: "…,” Lavrov said / said Lavrov / the official said
//! / TASS quoted Lavrov as saying / Lavrov was quoted as saying / according
//! to X / X, a spokeswoman for Y, said". Before it: the nearest speech or
//! stance verb in the sentence and its subject ("X said that he was sure
//! “…”", "X told reporters: “…”", "what X called the “…”"), with
//! participles and infinitives ("…, saying", "used an address to set out")
//! handing over to the subject of the main clause. Negated verbs ("refrained
//! from calling it an “invasion”") attribute nothing.
//!
//! The result names a subject (a name, a pronoun, a description); turning
//! it into an entity is `resolve`'s job. The clause after a quotation is
//! in `after`, the clause before it in `before`, the noun phrases both
//! look for in `noun_phrase`, a verb's subject in `subject`; this file
//! holds the word tests they share.

use std::ops::Range;

use super::lexicon::{flag, phrasal_particles};
use super::names::{self, NameKind};
use super::parsed::{Parsed, Place};
use super::phrase;
use super::tokens::{Kind, Shape, Token};

/// How a subject is determined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Det {
    /// "the official", "this spokesman", "his lawyer".
    Definite,
    /// "a senior official".
    Indefinite,
    /// "officials", "police".
    Bare,
}

/// Who the clause says spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A named mention (index into the paragraph's mentions).
    Named(usize),
    /// A pronoun token.
    Pronoun(usize),
    /// A description: its tokens (without the determiner) and head token.
    Description {
        tokens: Range<usize>,
        head: usize,
        det: Det,
    },
    /// "Xi and Putin declared": named mentions spoken for together, in
    /// order; empty when one of them is a pronoun ("he and Putin").
    Several(Vec<usize>),
}

/// What a clause says about a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clue {
    /// The subject spoke; `verb` is the attributing token.
    Said { subject: Subject, verb: usize },
    /// A participle or infinitive ("saying", "to warn"): the speaker is
    /// the subject of the main clause, found by the caller.
    MainClause { verb: usize },
    /// The clause denies the speech ("declined to call it").
    Negated,
}

/// Longest backward scan for a verb, in tokens.
const MAX_SCAN: usize = 80;
/// Longest appositive skipped between a subject and its verb.
const MAX_APPOSITIVE: usize = 40;

fn t(p: &Parsed, i: usize) -> Option<&Token> {
    p.toks.list.get(i)
}

fn is(p: &Parsed, text: &str, i: usize, w: &str) -> bool {
    t(p, i).is_some_and(|tok| tok.is_word()) && p.word(text, i).eq_ignore_ascii_case(w)
}

fn has(p: &Parsed, i: usize, f: u64) -> bool {
    t(p, i).is_some_and(|tok| tok.is_word() && tok.has(f))
}

/// A finite attributing verb at `i`: said, says, told, added, quoted…
fn finite_verb(p: &Parsed, i: usize) -> bool {
    // A Title Case headline capitalises its verb: "Jane Roe Says …".
    let title_case = p.place == Place::Headline;
    t(p, i).is_some_and(|tok| {
        tok.is_word()
            && tok.has(flag::ATTRIBUTING | flag::PHRASAL)
            && tok.has(flag::PAST | flag::PRES3 | flag::BASE)
            && (!tok.is_capitalised() || title_case && tok.has(flag::PRES3))
    })
}

/// A phrasal verb ("point", "set") counts only with its particle.
fn phrasal_ok(p: &Parsed, text: &str, i: usize) -> bool {
    if !has(p, i, flag::PHRASAL) || has(p, i, flag::ATTRIBUTING) {
        return true;
    }
    phrasal_particles(p.word(text, i))
        .iter()
        .any(|w| is(p, text, i + 1, w))
}

/// Words that may modify a description's head noun ("senior
/// administration", "company's chief").
fn is_modifier(p: &Parsed, i: usize) -> bool {
    let Some(tok) = t(p, i) else { return false };
    match tok.kind {
        Kind::Possessive => true,
        Kind::Word if tok.is_capitalised() => {
            tok.has(flag::NATIONALITY | flag::PLACE | flag::ROLE_MOD)
        }
        Kind::Word => {
            const NOT_MODIFIERS: u64 = flag::PREP
                | flag::CONJ
                | flag::SUBORD
                | flag::RELATIVE
                | flag::PRONOUN
                | flag::OBJ_PRONOUN
                | flag::NEGATION
                | flag::BE
                | flag::DET;
            let function_word = tok.has(NOT_MODIFIERS);
            let verb = tok.has(flag::ATTRIBUTING) && tok.has(flag::VERB_FORM);
            let adverb = tok.has(flag::SKIP) && !tok.has(flag::ROLE_MOD);
            !(function_word || verb || adverb)
        }
        _ => false,
    }
}

/// A description head: official, spokesman, police, ministry, statement.
fn is_head(p: &Parsed, i: usize) -> bool {
    t(p, i).is_some_and(|tok| {
        tok.is_word() && !tok.is_capitalised() && tok.has(flag::DESC | flag::TITLE)
    })
}

fn det_kind(p: &Parsed, text: &str, i: usize) -> Option<Det> {
    if !has(p, i, flag::DET) {
        return None;
    }
    let any = |words: &[&str]| words.iter().any(|w| is(p, text, i, w));
    Some(if any(&["a", "an", "one", "another"]) {
        Det::Indefinite
    } else if any(&[
        "two", "three", "four", "five", "several", "some", "many", "other",
    ]) {
        Det::Bare
    } else {
        Det::Definite
    })
}

mod after;
mod before;
mod coordination;
mod noun_phrase;
mod speech_noun;
mod subject;
#[cfg(test)]
mod tests;

use after::*;
pub use after::{after, late};
pub use before::{before, main_subject};
pub use coordination::np_after;
pub use noun_phrase::np_before;
use speech_noun::owner_of_speech_noun;
use subject::*;
