//! A story paragraph ready for attribution: its tokens, the names in it,
//! the entities they were registered as, and lookups from a token to the
//! mention that starts or ends there.

use std::ops::Range;

use super::names::Mention;
use super::speakers::EntityId;
use super::tokens::Tokens;

/// What a story paragraph is, for the rules that treat headlines apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Headline,
    /// A short line without a full stop between paragraphs: a subheading.
    Heading,
    Body,
}

const NONE: u32 = u32::MAX;

#[derive(Debug)]
pub struct Parsed {
    /// Index in `Article::paragraphs`.
    pub index: usize,
    /// Position among the story paragraphs.
    pub ordinal: usize,
    pub range: Range<usize>,
    pub place: Place,
    pub toks: Tokens,
    pub mentions: Vec<Mention>,
    /// The entity of each mention (`None` for roles without a name).
    pub entity: Vec<Option<EntityId>>,
    /// Sentence ordinal of this paragraph's first sentence in the article.
    pub sentence_base: usize,
    /// Mention starting at each token (role included), longest first.
    starts: Vec<u32>,
    /// Mention whose name ends at each token.
    ends: Vec<u32>,
}

impl Parsed {
    pub fn new(
        index: usize,
        ordinal: usize,
        range: Range<usize>,
        place: Place,
        toks: Tokens,
        mentions: Vec<Mention>,
    ) -> Self {
        let n = toks.len();
        let mut starts = vec![NONE; n];
        let mut ends = vec![NONE; n];
        for (i, m) in mentions.iter().enumerate() {
            let first = m.first();
            let longer = |cur: u32| {
                cur == NONE || {
                    let c = &mentions[cur as usize];
                    c.name.end - c.first() < m.name.end - first
                }
            };
            if first < n && longer(starts[first]) {
                starts[first] = i as u32;
            }
            if m.name.end >= 1 && m.name.end - 1 < n {
                ends[m.name.end - 1] = i as u32;
            }
        }
        Parsed {
            index,
            ordinal,
            range,
            place,
            entity: vec![None; mentions.len()],
            toks,
            mentions,
            sentence_base: 0,
            starts,
            ends,
        }
    }

    /// The mention that starts at token `i` (its role included).
    pub fn mention_starting(&self, i: usize) -> Option<usize> {
        self.starts
            .get(i)
            .filter(|&&m| m != NONE)
            .map(|&m| m as usize)
    }

    /// The mention whose name ends at token `i`.
    pub fn mention_ending(&self, i: usize) -> Option<usize> {
        self.ends
            .get(i)
            .filter(|&&m| m != NONE)
            .map(|&m| m as usize)
    }

    /// Is the token before `i` a word with any of `flags` ("with Roe",
    /// "told a crowd")?
    pub fn word_before_has(&self, i: usize, flags: u64) -> bool {
        i.checked_sub(1)
            .and_then(|k| self.toks.list.get(k))
            .is_some_and(|t| t.is_word() && t.has(flags))
    }

    /// The text of token `i`.
    pub fn word<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.toks.list.get(i).map_or("", |t| &text[t.start..t.end])
    }

    /// Byte range covered by tokens `r`.
    pub fn bytes(&self, r: Range<usize>) -> Range<usize> {
        let t = &self.toks.list;
        if r.is_empty() || r.end > t.len() {
            return 0..0;
        }
        t[r.start].start..t[r.end - 1].end
    }

    /// The token of quotation `q`, if it is in this paragraph.
    #[cfg(test)]
    pub fn quote_token(&self, q: usize) -> Option<usize> {
        self.toks.list.iter().position(|t| t.quote() == Some(q))
    }
}
