//! One article through the whole pipeline: marks → spans → tokens and
//! names → entities → attribution, resolution and continuity → the public
//! [`ArticleQuotes`].
//!
//! The order of decisions for a quotation:
//! 1. headline and subheading quotations wait until the body is done, then
//!    take a person named in their own clause, or the speaker of the body
//!    quotation they repeat ("‘get stronger’" in a headline), or the
//!    headline's subject;
//! 2. its own clause ("…,” he said" / "X said that … “…”");
//! 3. continuity: a quotation carried over from the previous paragraph, a
//!    second quotation in the same paragraph, a lead-in paragraph ending in
//!    a colon, a quote-only paragraph after a quoted speaker, a whole
//!    quoted sentence after one about a single person. Terms and titles
//!    never inherit;
//! 4. backfill: a quotation running into an attributed one, a pull quote
//!    repeating attributed words.
//!
//! Who is in the article is `entities`; headline quotations are
//! `headings`; a clause's subject becomes an entity in `resolving`;
//! continuity is `continuity`; the last pass is `backfill`; quoted
//! transcript turns are `transcript`; the public result is `output`.

use std::collections::HashMap;
use std::ops::Range;

use super::attribution::{self, Clue, Det, Subject};
use super::carrier;
use super::lexicon::{self, flag};
use super::marks::{self, Family, Mark};
use super::names::{Gender, NameKind, find_mentions};
use super::parsed::{Parsed, Place};
use super::resolve::{self, At, Description, Pronoun, Salience, weight};
use super::spans::{self, Span};
use super::speakers::{EntityId, EntityKind, NameForm, Registry};
use super::terms;
use super::tokens::{Kind, Token, tokenize};
use super::{
    ArticleQuotes, Attribution, How, Quote, Speaker, SpeakerId, SpeakerKind, Unattributed,
};
use crate::corpus::clean::title_case;
use crate::corpus::{Article, ParagraphKind};
use clauses::{coordinated_subject, outer_source};

mod backfill;
mod clauses;
mod continuity;
mod entities;
mod headings;
mod output;
mod resolving;
mod transcript;

/// Headings are at most this many words.
const HEADING_MAX_WORDS: usize = 10;
/// Long words a Title Case line needs to be a heading with a full stop.
const TITLED_MIN_LONG: usize = 4;
/// A quotation inherits a speaker quoted at most this many paragraphs back.
const INHERIT_REACH: usize = 3;
/// Longest adjunct between a speech verb and a participle that continues
/// its clause: "said [in an advisory,] calling it".
const ADJUNCT_MAX_TOKENS: usize = 8;
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
        // A list item's heading in Title Case ("Roe Explained Why She Felt
        // “Invisible”.") is a heading, full stop or not; a caption of
        // names without quotation is not.
        let heading = is_heading(text, r.clone());
        let quoted = !ranges[k].is_empty();
        let headline = *kind == ParagraphKind::Headline;
        // Only a short quoted paragraph can be a heading; asked first, as
        // it stops counting early, and Title Case matters for no other.
        let short_quoted = quoted
            && !headline
            && !heading
            && terms::at_most_words(&text[r.clone()], 2 * HEADING_MAX_WORDS);
        let titled = (headline || heading || short_quoted) && title_case(&text[r.clone()], 2, 7);
        let place = if headline {
            Place::Headline
        } else if heading
            || short_quoted && titled && title_case(&text[r.clone()], TITLED_MIN_LONG, 9)
        {
            Place::Heading
        } else {
            Place::Body
        };
        // Title Case headlines capitalise every word; their names are
        // found later by matching names known from the body.
        let mentions = if place != Place::Body && titled {
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
        // Each paragraph's quotations, in index order, found once (not by a
        // scan of every quotation per paragraph: quadratic in long texts).
        let mut by_para: Vec<Vec<usize>> = vec![Vec::new(); self.paras.len()];
        for (q, quote) in self.quotes.iter().enumerate() {
            if let Some(list) = by_para.get_mut(quote.para) {
                list.push(q);
            }
        }
        for (k, qs) in by_para.into_iter().enumerate() {
            if self.paras[k].place == Place::Heading {
                self.salience.add_barrier(k);
            }
            self.add_mention_events(k);
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
        self.fill_repeats();
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
        if let Some((id, how)) = self.transcript_speaker(q) {
            self.set(q, Some(id), how, true);
            return;
        }
        let p = &self.paras[k];
        let clue = attribution::after(p, text, tok)
            .or_else(|| {
                attribution::before(p, text, tok, start).map(|c| outer_source(p, text, c, start))
            })
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
                // "when Roe knocked Lee on trade and called him “…”": a verb
                // coordinated with its subordinate clause's first one.
                if let Some(s) = coordinated_subject(p, text, start, verb)
                    && let Some(found) = self.resolve_subject(k, &s)
                {
                    return Some(found);
                }
                let p = &self.paras[k];
                // "Acknowledging that Lee “…,” Roe did suggest": a fronted
                // participle; its subject follows the fronted clause.
                let until = if verb == start && verb < tok {
                    p.toks.sentence_end(tok)
                } else {
                    verb
                };
                attribution::main_subject(p, text, start, until)
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
                    self.quotes[q].via = Some(name.into_owned());
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
}

/// Text with every run of white space (soft line breaks included) as one
/// space.
fn spaced(text: &str, r: Range<usize>) -> std::borrow::Cow<'_, str> {
    let s = &text[r];
    // Nearly every name is already single-spaced: borrowed, not copied
    // (a copy per name was one of the engine's most frequent allocations).
    let mut after_space = true;
    let plain = s.chars().all(|c| {
        let ok = if c.is_whitespace() {
            c == ' ' && !after_space
        } else {
            true
        };
        after_space = c.is_whitespace();
        ok
    }) && !after_space;
    if plain || s.is_empty() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_short_lines_without_a_full_stop() {
        let t = "No ‘business as usual’";
        assert!(is_heading(t, 0..t.len()));
        let t = "He said it was fine.";
        assert!(!is_heading(t, 0..t.len()));
    }
}
