//! One article through the whole pipeline: marks → spans → tokens and
//! names → entities → attribution, resolution and continuity → the public
//! [`ArticleQuotes`].
//!
//! The order of decisions for a quotation:
//! 1. headline and subheading quotations wait until the body is done, then
//!    take a person named in their own clause, or the speaker of the body
//!    quotation they repeat ("‘get stronger’" in a headline);
//! 2. its own clause ("…,” he said" / "X said that … “…”");
//! 3. continuity: a quotation carried over from the previous paragraph, a
//!    second quotation in the same paragraph, a lead-in paragraph ending in
//!    a colon, a quote-only paragraph after a quoted speaker. Terms and
//!    titles never inherit.

use std::ops::Range;

use super::attribution::{self, Clue, Det, Subject};
use super::carrier;
use super::lexicon::flag;
use super::marks::{self, Family, Mark};
use super::names::{Gender, NameKind, find_mentions};
use super::parsed::{Parsed, Place};
use super::resolve::{At, Description, Pronoun, Salience, weight};
use super::spans::{self, Span};
use super::speakers::{EntityId, EntityKind, NameForm, Registry};
use super::terms;
use super::tokens::{Kind, tokenize};
use super::{
    ArticleQuotes, Attribution, How, Quote, Speaker, SpeakerId, SpeakerKind, Unattributed,
};
use crate::corpus::{Article, ParagraphKind};

mod continuity;
mod entities;

/// Headings are at most this many words.
const HEADING_MAX_WORDS: usize = 10;
/// A quotation inherits a speaker quoted at most this many paragraphs back.
const INHERIT_REACH: usize = 3;
/// Longest adjunct between a speech verb and a participle that continues
/// its clause: "said [in an advisory,] calling it".
const ADJUNCT_MAX_TOKENS: usize = 8;
/// Bytes of folded text compared when matching headline quotations to
/// body quotations; bounds the work on pathological input.
const ECHO_BUDGET: usize = 4_000_000;

/// A quotation while it is being worked on.
struct Work {
    span: Span,
    /// Story paragraph ordinal.
    para: usize,
    /// The quotation this one carries on from the previous paragraph.
    continues: Option<usize>,
    /// Token index in its paragraph.
    tok: usize,
    speaker: Option<EntityId>,
    attribution: Attribution,
    /// True when the speaker came from the quotation's own clause.
    own_clause: bool,
    /// The carrier named in the clause ("TASS quoted X as saying").
    via: Option<String>,
    /// Part of a run of excerpts after a lead-in ending in a colon.
    excerpt: bool,
}

struct Engine<'a> {
    text: &'a str,
    paras: Vec<Parsed>,
    quotes: Vec<Work>,
    reg: Registry,
    salience: Salience,
}

pub fn analyse(article: &Article) -> ArticleQuotes {
    let text = &*article.text;
    let story: Vec<(usize, Range<usize>, ParagraphKind)> = article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind.is_story() && p.start <= p.end && p.end <= text.len())
        .map(|(i, p)| (i, p.range(), p.kind))
        .collect();
    let (quotes, spans_by_para) = find_spans(text, &story);
    if quotes.is_empty() {
        return ArticleQuotes::default();
    }
    let paras = parse_paragraphs(text, &story, &spans_by_para, &quotes);
    let mut engine = Engine {
        text,
        paras,
        quotes,
        reg: Registry::default(),
        salience: Salience::default(),
    };
    for w in &mut engine.quotes {
        // Quotation tokens are found once the paragraphs are tokenised.
        w.tok = 0;
    }
    engine.locate_quote_tokens();
    engine.register_entities();
    engine.attribute();
    engine.finish()
}

/// Marks and spans of every story paragraph; multi-paragraph quotations
/// linked. Returns the quotations and, per story paragraph, the range of
/// its quotations.
fn find_spans(
    text: &str,
    story: &[(usize, Range<usize>, ParagraphKind)],
) -> (Vec<Work>, Vec<Range<usize>>) {
    let mut marks: Vec<Mark> = Vec::new();
    let mut per_para: Vec<Vec<Span>> = Vec::with_capacity(story.len());
    for (_, r, _) in story {
        marks.clear();
        marks::classify(text, r.clone(), &mut marks);
        let mut s = Vec::new();
        spans::pair(text, r.clone(), &marks, &mut s);
        per_para.push(s);
    }
    // An unclosed single-mark quotation is kept only when the next
    // paragraph reopens it; an unclosed double one always (it recovers at
    // the paragraph end).
    let starts_with_open = |k: usize, family: Family| {
        per_para.get(k).and_then(|s| s.first()).is_some_and(|s| {
            s.family == family
                && story
                    .get(k)
                    .is_some_and(|(_, r, _)| s.open.start == r.start)
        })
    };
    let mut keep_last = vec![true; per_para.len()];
    for k in 0..per_para.len() {
        if let Some(last) = per_para[k].last()
            && last.close.is_none()
            && last.family == Family::Single
            && !starts_with_open(k + 1, Family::Single)
        {
            keep_last[k] = false;
        }
    }
    let mut quotes: Vec<Work> = Vec::new();
    let mut ranges = Vec::with_capacity(per_para.len());
    for (k, spans) in per_para.into_iter().enumerate() {
        let first = quotes.len();
        let n = spans.len();
        for (i, span) in spans.into_iter().enumerate() {
            if i + 1 == n && !keep_last[k] {
                break;
            }
            // The first quotation of a paragraph carries on the previous
            // paragraph's unclosed one when it opens the paragraph.
            let continues = (i == 0 && k > 0 && first > 0)
                .then(|| first - 1)
                .filter(|&prev| {
                    let pw: &Work = &quotes[prev];
                    pw.para + 1 == k
                        && pw.span.close.is_none()
                        && pw.span.family == span.family
                        && story[k].1.start == span.open.start
                });
            quotes.push(Work {
                span,
                para: k,
                continues,
                tok: 0,
                speaker: None,
                attribution: Attribution::Unattributed {
                    why: Unattributed::NoClue,
                },
                own_clause: false,
                via: None,
                excerpt: false,
            });
        }
        ranges.push(first..quotes.len());
    }
    (quotes, ranges)
}

/// Tokenise every story paragraph and find its names.
fn parse_paragraphs(
    text: &str,
    story: &[(usize, Range<usize>, ParagraphKind)],
    ranges: &[Range<usize>],
    quotes: &[Work],
) -> Vec<Parsed> {
    let mut out = Vec::with_capacity(story.len());
    let mut sentence_base = 0;
    let mut outer: Vec<(Range<usize>, usize)> = Vec::new();
    for (k, (index, r, kind)) in story.iter().enumerate() {
        outer.clear();
        outer.extend(ranges[k].clone().map(|q| (quotes[q].span.outer(), q)));
        let toks = tokenize(text, r.clone(), &outer);
        let place = if *kind == ParagraphKind::Headline {
            Place::Headline
        } else if is_heading(text, r.clone()) {
            Place::Heading
        } else {
            Place::Body
        };
        // Title Case headlines capitalise every word; their names are
        // found later by matching names known from the body.
        let mentions = if place == Place::Headline && title_case(text, r.clone()) {
            Vec::new()
        } else {
            find_mentions(text, &toks)
        };
        let n_sentences = toks.sentence_starts.len();
        let mut p = Parsed::new(*index, k, r.clone(), place, toks, mentions);
        p.sentence_base = sentence_base;
        sentence_base += n_sentences;
        out.push(p);
    }
    out
}

/// A short line with no sentence punctuation at its end: a subheading.
fn is_heading(text: &str, r: Range<usize>) -> bool {
    let s = text[r].trim();
    let body = s.trim_end_matches(['”', '"', '’', '\'', '»', ')']);
    !body.ends_with(['.', '!', '?', ':', ';', ',', '…'])
        && terms::word_count(s) <= HEADING_MAX_WORDS
}

/// Most longer words capitalised.
fn title_case(text: &str, r: Range<usize>) -> bool {
    let (mut long, mut caps) = (0, 0);
    for w in text[r].split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 {
            long += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long >= 2 && caps * 10 >= long * 7
}

impl Engine<'_> {
    fn locate_quote_tokens(&mut self) {
        for p in &self.paras {
            for (i, t) in p.toks.list.iter().enumerate() {
                if let Kind::Quote(q) = t.kind
                    && let Some(w) = self.quotes.get_mut(q)
                {
                    w.tok = i;
                }
            }
        }
    }

    fn at(&self, k: usize, tok: usize) -> At {
        let p = &self.paras[k];
        let t = p.toks.list.get(tok);
        At {
            para: k,
            sentence: p.sentence_base + t.map_or(0, |t| t.sentence as usize),
            pos: t.map_or(p.range.end, |t| t.start),
        }
    }

    /// Second pass, in article order: salience events, then each
    /// quotation's speaker.
    fn attribute(&mut self) {
        for k in 0..self.paras.len() {
            if self.paras[k].place == Place::Heading {
                self.salience.add_barrier(k);
            }
            self.add_mention_events(k);
            let qs: Vec<usize> = (0..self.quotes.len())
                .filter(|&q| self.quotes[q].para == k)
                .collect();
            for q in qs {
                if self.paras[k].place != Place::Body {
                    continue; // after the body
                }
                self.attribute_quote(q);
            }
            self.add_pronoun_events(k);
        }
        for q in 0..self.quotes.len() {
            if self.paras[self.quotes[q].para].place != Place::Body {
                self.attribute_heading_quote(q);
            }
        }
        self.fill_backwards();
    }

    fn attribute_quote(&mut self, q: usize) {
        let (k, tok) = (self.quotes[q].para, self.quotes[q].tok);
        let text = self.text;
        let p = &self.paras[k];
        let start = p.toks.sentence_start(tok);
        // A name or coined term ("so-called “fast lane”", "appeared on
        // “Morning Desk”") is nobody's words, whatever verb is near.
        if terms::is_named_term(p, text, tok, &text[self.quotes[q].span.inner.clone()]) {
            self.unattributed(q, Unattributed::Term);
            return;
        }
        let clue = attribution::after(p, text, tok)
            .or_else(|| attribution::before(p, text, tok, start))
            .or_else(|| attribution::late(p, text, tok));
        let carrier = match &clue {
            Some(Clue::Said { verb, .. }) => carrier::find(p, text, *verb).map(|m| {
                (
                    p.entity[m],
                    spaced(text, p.bytes(p.mentions[m].name.clone())),
                )
            }),
            _ => None,
        };
        let decided = match clue {
            Some(Clue::Said { subject, .. }) => self.resolve_subject(k, &subject),
            Some(Clue::MainClause { verb }) => self.same_sentence_speaker(q).or_else(|| {
                let p = &self.paras[k];
                // "…, the agency said in an advisory, calling it “…”": a
                // speech verb earlier in the sentence names the speaker.
                // Only when nothing in between could start another clause.
                if let Some(Clue::Said { subject, verb: v }) =
                    attribution::before(p, text, verb, start)
                    && verb - v <= ADJUNCT_MAX_TOKENS
                    && !(v + 1..verb).any(|i| {
                        // "said Tuesday in Paris, noting": a place is an
                        // adjunct, a person another clause's subject.
                        p.mention_starting(i)
                            .is_some_and(|m| p.mentions[m].kind != NameKind::Place)
                            || p.toks.list[i].has(flag::PRONOUN)
                    })
                {
                    return self.resolve_subject(k, &subject);
                }
                attribution::main_subject(p, text, start, verb)
                    .and_then(|s| self.resolve_subject(k, &s))
            }),
            Some(Clue::Negated) => {
                self.unattributed(q, Unattributed::Denied);
                return;
            }
            None => None,
        };
        match decided {
            Some((id, how)) => {
                let own = !matches!(how, Attribution::Continued { .. });
                if let Some((entity, name)) = carrier
                    && entity != Some(id)
                {
                    self.quotes[q].via = Some(name);
                }
                self.set(q, Some(id), how, own);
            }
            None => self.inherit(q),
        }
    }

    /// Record that a quotation has no speaker, and why.
    fn unattributed(&mut self, q: usize, why: Unattributed) {
        let own = why == Unattributed::Denied;
        self.set(q, None, Attribution::Unattributed { why }, own);
    }

    /// Record a quotation's speaker and make the speaker salient.
    fn set(&mut self, q: usize, speaker: Option<EntityId>, how: Attribution, own: bool) {
        if let Some(id) = speaker {
            let at = match &how {
                Attribution::Named { mention }
                | Attribution::Resolved { mention }
                | Attribution::Nearby { mention } => {
                    let k = self.quotes[q].para;
                    let p = &self.paras[k];
                    let tok = p
                        .toks
                        .list
                        .iter()
                        .position(|t| t.start >= mention.start)
                        .unwrap_or(self.quotes[q].tok);
                    self.at(k, tok)
                }
                _ => self.at(self.quotes[q].para, self.quotes[q].tok),
            };
            self.salience.add(id, at, weight::SPEAKER);
        }
        // A continuation was carried by the same outlet.
        if let Attribution::Continued { from } | Attribution::Echo { of: from } = how
            && self.quotes[q].via.is_none()
        {
            self.quotes[q].via = self.quotes.get(from).and_then(|f| f.via.clone());
        }
        let w = &mut self.quotes[q];
        w.speaker = speaker;
        w.attribution = how;
        w.own_clause = own;
    }

    /// The speaker of an earlier quotation in the same sentence.
    fn same_sentence_speaker(&self, q: usize) -> Option<(EntityId, Attribution)> {
        let w = &self.quotes[q];
        let p = &self.paras[w.para];
        let sentence = p.toks.list.get(w.tok)?.sentence;
        (0..q)
            .rev()
            .take_while(|&o| self.quotes[o].para == w.para)
            .find(|&o| {
                p.toks
                    .list
                    .get(self.quotes[o].tok)
                    .is_some_and(|t| t.sentence == sentence)
            })
            .and_then(|o| Some((self.quotes[o].speaker?, Attribution::Continued { from: o })))
    }

    /// Turn a clause's subject into an entity.
    fn resolve_subject(&mut self, k: usize, s: &Subject) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let p = &self.paras[k];
        match s {
            Subject::Named(m) => {
                let mention = &p.mentions[*m];
                let range = p.bytes(mention.name.clone());
                match p.entity[*m] {
                    Some(id) => {
                        let e = self.reg.get_mut(id);
                        if e.kind == EntityKind::Unknown {
                            // It speaks: a person, unless written like an
                            // acronym.
                            let upper = text[range.clone()].chars().all(|c| !c.is_lowercase());
                            e.kind = if upper {
                                EntityKind::Organisation
                            } else {
                                EntityKind::Person
                            };
                        }
                        Some((id, Attribution::Named { mention: range }))
                    }
                    // "Sanders says he …": a sentence-initial word with no
                    // other evidence is a person once it speaks.
                    None if mention.kind == NameKind::Unknown
                        && mention.weak
                        && p.toks.list[mention.name.start].flags == 0
                        && finite_verb_after(p, text, mention.name.end) =>
                    {
                        let name = spaced(text, range.clone());
                        let form = NameForm::person(&name, mention.gender, range.clone());
                        let id = self.reg.add_name(&form)?;
                        self.paras[k].entity[*m] = Some(id);
                        Some((id, Attribution::Named { mention: range }))
                    }
                    None if mention.kind == NameKind::RoleOnly => {
                        // "the Foreign Minister said": a description.
                        let r = mention.name.clone();
                        let head = r.end - 1;
                        self.resolve_description(k, r, head, Det::Definite)
                    }
                    None => None,
                }
            }
            Subject::Pronoun(i) => {
                let pr = Pronoun::of(p.word(text, *i));
                let at = self.at(k, *i);
                let id = self.salience.pronoun(&self.reg, pr, at)?;
                let e = self.reg.get_mut(id);
                if e.gender == Gender::Unknown && e.kind != EntityKind::Description {
                    e.gender = match pr {
                        Pronoun::He => Gender::Male,
                        Pronoun::She => Gender::Female,
                        _ => Gender::Unknown,
                    };
                }
                Some((
                    id,
                    Attribution::Resolved {
                        mention: p.bytes(*i..*i + 1),
                    },
                ))
            }
            Subject::Description { tokens, head, det } => {
                self.resolve_description(k, tokens.clone(), *head, *det)
            }
            Subject::Several => None,
        }
    }

    fn resolve_description(
        &mut self,
        k: usize,
        tokens: Range<usize>,
        head: usize,
        det: Det,
    ) -> Option<(EntityId, Attribution)> {
        let text = self.text;
        let p = &self.paras[k];
        let range = p.bytes(tokens.clone());
        let desc_text = spaced(text, range.clone());
        let head_word = p.word(text, head).to_lowercase();
        let plural = p.toks.list.get(head).is_some_and(|t| t.has(flag::PLURAL));
        let owned = tokens
            .clone()
            .any(|i| p.toks.list[i].kind == Kind::Possessive);
        if det == Det::Definite && !owned {
            let d = Description {
                head: head_word.clone(),
                modifiers: tokens
                    .clone()
                    .filter(|&i| i != head && p.toks.list[i].is_word())
                    .map(|i| p.word(text, i).to_lowercase())
                    .collect(),
            };
            let at = self.at(k, tokens.start);
            if let Some(id) = self.salience.description(&self.reg, &d, at) {
                self.reg.get_mut(id).add_description(&desc_text);
                return Some((id, Attribution::Resolved { mention: range }));
            }
        }
        let id = self
            .reg
            .description(&desc_text, &head_word, plural, range.start);
        let how = if det == Det::Definite {
            Attribution::Resolved { mention: range }
        } else {
            Attribution::Named { mention: range }
        };
        Some((id, how))
    }

    /// Headline and subheading quotations: a person named in their own
    /// clause, else the speaker of the body quotation they repeat, else
    /// whatever their clause says.
    fn attribute_heading_quote(&mut self, q: usize) {
        let text = self.text;
        let (k, tok) = (self.quotes[q].para, self.quotes[q].tok);
        let p = &self.paras[k];
        let start = p.toks.sentence_start(tok);
        let clue =
            attribution::after(p, text, tok).or_else(|| attribution::before(p, text, tok, start));
        let own = match clue {
            Some(Clue::Said { subject, .. }) => self.resolve_subject(k, &subject),
            _ => None,
        };
        if let Some((id, how)) = &own
            && self.reg.get(*id).kind == EntityKind::Person
        {
            self.set(q, Some(*id), how.clone(), true);
            return;
        }
        if let Some(of) = self.echo_of(q) {
            let id = self.quotes[of].speaker;
            self.set(q, id, Attribution::Echo { of }, false);
            return;
        }
        let own = own.or_else(|| self.headline_subject(q));
        match own {
            Some((id, how)) => self.set(q, Some(id), how, true),
            None => {
                let why = if terms::is_term(
                    &self.paras[k],
                    text,
                    tok,
                    &text[self.quotes[q].span.inner.clone()],
                ) {
                    Unattributed::Term
                } else {
                    Unattributed::NoClue
                };
                self.unattributed(q, why);
            }
        }
    }

    /// Who a headline quotation belongs to when no clause says: the
    /// headline's subject, as headline grammar has it ("Roe Blasts Lee for
    /// ‘…’", "Roe: Time for ‘…’", "Ministry issues ‘…’"). A place opening
    /// the headline is a dateline or a topic, not a speaker.
    fn headline_subject(&self, q: usize) -> Option<(EntityId, Attribution)> {
        let (k, tok) = (self.quotes[q].para, self.quotes[q].tok);
        let p = &self.paras[k];
        if p.place != Place::Headline {
            return None;
        }
        let m = (0..p.mentions.len()).find(|&m| p.mentions[m].first() == 0)?;
        let mention = &p.mentions[m];
        // A headline is read before the body that names its people.
        let id = p.entity[m].or_else(|| {
            self.reg
                .known_word(&spaced(self.text, p.bytes(mention.name.clone())))
        })?;
        if mention.name.end > tok || mention.possessive {
            return None;
        }
        matches!(
            self.reg.get(id).kind,
            EntityKind::Person | EntityKind::Unknown | EntityKind::Organisation
        )
        .then(|| {
            (
                id,
                Attribution::Named {
                    mention: p.bytes(mention.name.clone()),
                },
            )
        })
    }

    /// The first attributed body quotation whose words contain this one's.
    fn echo_of(&self, q: usize) -> Option<usize> {
        let needle = fold(&self.text[self.quotes[q].span.inner.clone()]);
        if needle.split(' ').count() < 2 {
            return None;
        }
        let mut budget = ECHO_BUDGET;
        for (o, w) in self.quotes.iter().enumerate() {
            if o == q || w.speaker.is_none() || self.paras[w.para].place != Place::Body {
                continue;
            }
            let hay = &self.text[w.span.inner.clone()];
            if hay.len() > budget {
                return None;
            }
            budget -= hay.len();
            let hay = fold(hay);
            if contains_words(&hay, &needle) {
                return Some(o);
            }
        }
        None
    }

    /// A quotation left without a speaker takes the speaker of the
    /// quotation it continues into, or, at the very start of a paragraph,
    /// of the attributed quotation right after it ("“A.” “B,” he said.").
    fn fill_backwards(&mut self) {
        for q in (0..self.quotes.len()).rev() {
            if self.quotes[q].speaker.is_some() {
                continue;
            }
            if matches!(
                self.quotes[q].attribution,
                Attribution::Unattributed {
                    why: Unattributed::Denied | Unattributed::Term | Unattributed::Title
                }
            ) {
                continue;
            }
            let next = q + 1;
            let Some(n) = self.quotes.get(next) else {
                continue;
            };
            let carried = n.continues == Some(q);
            let same_para_start =
                n.para == self.quotes[q].para && self.quotes[q].tok == 0 && n.own_clause;
            if (carried || same_para_start) && self.paras[n.para].place == Place::Body {
                let id = n.speaker;
                if id.is_some() {
                    self.quotes[q].speaker = id;
                    self.quotes[q].attribution = Attribution::Continued { from: next };
                }
            }
        }
    }

    /// Build the public result: speakers in order of first quotation.
    fn finish(self) -> ArticleQuotes {
        let mut ids: Vec<EntityId> = Vec::new();
        let mut quotes = Vec::with_capacity(self.quotes.len());
        for w in &self.quotes {
            let speaker = w.speaker.map(|id| {
                let pos = ids.iter().position(|&x| x == id).unwrap_or_else(|| {
                    ids.push(id);
                    ids.len() - 1
                });
                SpeakerId(pos)
            });
            quotes.push(Quote {
                start: w.span.inner.start,
                end: w.span.inner.end,
                open_mark: w.span.open.clone(),
                close_mark: w.span.close.clone(),
                paragraph: self.paras[w.para].index,
                how: speaker
                    .and_then(|_| how_of(self.text, &w.attribution, self.reg.get(w.speaker?).kind)),
                via: w.via.clone(),
                speaker,
                attribution: w.attribution.clone(),
            });
        }
        let speakers = ids
            .iter()
            .map(|&id| {
                let e = self.reg.get(id);
                let kind = match e.kind {
                    EntityKind::Person | EntityKind::Unknown => SpeakerKind::Person,
                    EntityKind::Organisation | EntityKind::Place => SpeakerKind::Organisation,
                    EntityKind::Description => SpeakerKind::Description,
                };
                Speaker {
                    name: e.name.clone(),
                    role: e.role.clone(),
                    kind,
                    aliases: e.aliases.clone(),
                    descriptions: e.descriptions.clone(),
                    mentions: e.mentions.clone(),
                }
            })
            .collect();
        ArticleQuotes { quotes, speakers }
    }
}

/// A finite verb at token `i`, maybe after an adverb: "[Sanders] says",
/// "[Sanders] also bemoaned" — not "[Facing] mounting criticism" or
/// "[Hastily] politicizing", whose first word opens a fronted clause.
fn finite_verb_after(p: &Parsed, text: &str, i: usize) -> bool {
    let list = &p.toks.list;
    let i = if list
        .get(i)
        .is_some_and(|t| t.is_word() && t.has(flag::SKIP))
    {
        i + 1
    } else {
        i
    };
    list.get(i).is_some_and(|t| {
        let w = p.word(text, i);
        t.is_lower_word()
            && !t.has(flag::PREP | flag::DET | flag::CONJ | flag::ING)
            && (t.has(flag::PAST | flag::PRES3) || w.ends_with("ed") || w.ends_with('s'))
    })
}

/// The reader's name for how a quotation's speaker was found.
fn how_of(text: &str, a: &Attribution, kind: EntityKind) -> Option<How> {
    Some(match a {
        _ if kind == EntityKind::Description => How::Unnamed,
        Attribution::Named { .. } => How::Explicit,
        Attribution::Nearby { .. } => How::Nearby,
        Attribution::Resolved { mention } => {
            let word = text.get(mention.clone()).unwrap_or("");
            if Pronoun::of(word) != Pronoun::Other {
                How::Pronoun
            } else {
                How::Role
            }
        }
        Attribution::Continued { .. } | Attribution::Echo { .. } => How::Continued,
        Attribution::Unattributed { .. } => return None,
    })
}

/// Text with every run of white space (soft line breaks included) as one
/// space.
fn spaced(text: &str, r: Range<usize>) -> String {
    let mut out = String::with_capacity(r.len());
    for w in text[r].split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Lower-case words separated by single spaces, punctuation dropped.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if matches!(c, '\'' | '’') {
            continue;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `needle`'s words appear in `hay` as a whole-word run.
fn contains_words(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let s = from + i;
        let e = s + needle.len();
        let before = s == 0 || hay.as_bytes()[s - 1] == b' ';
        let after = e == hay.len() || hay.as_bytes()[e] == b' ';
        if before && after {
            return true;
        }
        from = s + 1;
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_word_containment() {
        assert_eq!(
            fold("Tectonic Shifts in the Modern, Landscape’s"),
            "tectonic shifts in the modern landscapes"
        );
        assert!(contains_words(
            "this cooperation will get stronger because",
            "get stronger"
        ));
        assert!(!contains_words("together", "get"));
    }

    #[test]
    fn headings_are_short_lines_without_a_full_stop() {
        let t = "No ‘business as usual’";
        assert!(is_heading(t, 0..t.len()));
        let t = "He said it was fine.";
        assert!(!is_heading(t, 0..t.len()));
    }
}
