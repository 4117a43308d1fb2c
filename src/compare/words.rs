//! The content words of a quotation, as comparable ids.
//!
//! Two articles rarely print a statement identically: one wire translates
//! "rudely undermines the pillars", another "blatantly undermining all the
//! foundations"; one adds "[Russia-China]". So quotations are compared on
//! their content words: folded (case, accents, curly quotes), stop words
//! dropped, lightly stemmed so "undermines" and "undermining" meet, known
//! variants joined, and editorial insertions in square brackets left out.
//! Each distinct result gets a `u32` id from a [`Vocabulary`] shared by
//! both articles, and a quotation becomes a sorted, deduplicated id list:
//! set overlap is then a linear merge.

use std::collections::HashMap;

use crate::search::fold::fold_char;

use super::lexicon::{KEEP_DOUBLE, STEM_STEPS, VOWELS, is_stop_word, variant_of};

/// Words shorter than this (in characters) are ignored: initials and the
/// halves of "U.S." say nothing about wording.
const MIN_WORD_CHARS: usize = 2;

/// Interned content words, shared by the two sides of a comparison.
///
/// Words repeat: each distinct folded word is stemmed and looked up once,
/// then remembered with its id (or as no content word).
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Folded word as written → its content word's id, `None` for a stop
    /// word or a word too short.
    seen: HashMap<String, Option<u32>>,
    /// Content word (stemmed, variants joined) → id.
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    pub fn new() -> Self {
        Self::default()
    }

    /// The content words of `text` as sorted, distinct ids.
    pub fn content_words(&mut self, text: &str) -> Vec<u32> {
        let mut ids = self.content_sequence(text);
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The content words of `text` as ids, in text order, repeats kept:
    /// for telling a phrase from the same words scattered.
    pub fn content_sequence(&mut self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        for_each_word(text, |w| {
            if let Some(id) = self.id_of(w) {
                ids.push(id);
            }
        });
        ids
    }

    /// Every content word interned so far, with its id.
    pub fn forms(&self) -> impl Iterator<Item = (&str, u32)> {
        self.ids.iter().map(|(form, &id)| (form.as_str(), id))
    }

    fn id_of(&mut self, word: &str) -> Option<u32> {
        if let Some(&id) = self.seen.get(word) {
            return id;
        }
        let id = content_form(word).map(|form| {
            let next = self.ids.len();
            // More than u32::MAX distinct words cannot come from two
            // articles that fit in memory; saturate rather than wrap.
            *self
                .ids
                .entry(form)
                .or_insert_with(|| u32::try_from(next).unwrap_or(u32::MAX))
        });
        self.seen.insert(word.to_string(), id);
        id
    }
}

/// Call `emit` with every content word of `text`, in order, in the form
/// that is compared (folded, stemmed, variants joined).
pub fn for_each_content_word(text: &str, mut emit: impl FnMut(&str)) {
    for_each_word(text, |w| {
        if let Some(form) = content_form(w) {
            emit(&form);
        }
    });
}

/// The compared form of a folded word: `None` for stop words and words
/// too short, else stemmed with variants joined.
fn content_form(word: &str) -> Option<String> {
    if word.chars().count() < MIN_WORD_CHARS || is_stop_word(word) {
        return None;
    }
    let stemmed = stem(word);
    Some(variant_of(&stemmed).map_or(stemmed, str::to_string))
}

/// Call `emit` with every word of `text` outside square brackets, folded
/// (lower case, no accents), possessive "'s" and apostrophes removed.
fn for_each_word(text: &str, mut emit: impl FnMut(&str)) {
    let mut word = String::new();
    let mut rest = text;
    // Once no `]` is left, none will be: not searched for again (a text of
    // many `[` and no `]` would otherwise be read once per bracket).
    let mut closes = true;
    while let Some(c) = rest.chars().next() {
        // An insertion "[Russia-China]" is the editor's, not the speaker's:
        // skip to its closing bracket. An unclosed `[` is punctuation.
        if c == '[' && closes {
            match rest.find(']') {
                Some(close) => {
                    finish(&mut word, &mut emit);
                    rest = &rest[close + 1..];
                    continue;
                }
                None => closes = false,
            }
        }
        rest = &rest[c.len_utf8()..];
        if c.is_ascii() {
            // Fast path: most of any English text.
            if c.is_ascii_alphanumeric() || (c == '\'' && !word.is_empty()) {
                word.push(c.to_ascii_lowercase());
            } else {
                finish(&mut word, &mut emit);
            }
            continue;
        }
        fold_char(c, |f, _| {
            if f.is_alphanumeric() || (f == '\'' && !word.is_empty()) {
                word.push(f);
            } else {
                finish(&mut word, &mut emit);
            }
        });
    }
    finish(&mut word, &mut emit);
}

/// Emit the word collected in `word`, if any, without apostrophes, and
/// clear the buffer.
fn finish(word: &mut String, emit: &mut impl FnMut(&str)) {
    if word.is_empty() {
        return;
    }
    while word.ends_with('\'') {
        word.pop();
    }
    // Possessive: "Ukraine's" is "Ukraine".
    if word.ends_with("'s") {
        word.truncate(word.len() - 2);
    }
    if word.contains('\'') {
        word.retain(|c| c != '\'');
    }
    if !word.is_empty() {
        emit(word);
    }
    word.clear();
}

/// Light suffix stripping, enough for the forms one statement takes in two
/// renderings: plurals and third person (-s, -ies), -ing and -ed, and a
/// final -e so "undermine", "undermines", "undermined" and "undermining"
/// all become "undermin". Not a full Porter stemmer: over-joining words
/// would pair unrelated quotations. `word` is lower case; the rules are
/// [`STEM_STEPS`].
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    let chars = |s: &str| s.chars().count();
    for step in STEM_STEPS {
        let rule = step.iter().find(|r| {
            w.strip_suffix(r.ends)
                .is_some_and(|base| chars(base) >= r.min_stem && (!r.verb || base.contains(VOWELS)))
        });
        let Some(rule) = rule else { continue };
        w.truncate(w.len() - rule.ends.len());
        w.push_str(rule.becomes);
        if rule.verb && chars(&w) > 3 {
            let mut tail = w.chars().rev();
            if let (Some(a), Some(b)) = (tail.next(), tail.next())
                && a == b
                && !KEEP_DOUBLE.contains(&a)
                && !VOWELS.contains(&a)
            {
                w.pop();
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_content_word(text, |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn stemming_joins_the_forms_of_a_verb() {
        for w in ["undermine", "undermines", "undermined", "undermining"] {
            assert_eq!(stem(w), "undermin", "{w}");
        }
        assert_eq!(stem("countries"), "country");
        assert_eq!(stem("applied"), "apply");
        assert_eq!(stem("stopped"), "stop");
        assert_eq!(stem("called"), "call");
        assert_eq!(stem("added"), "add");
        assert_eq!(stem("running"), "run");
        assert_eq!(stem("crisis"), "crisis");
        assert_eq!(stem("press"), "press");
        assert_eq!(stem("thing"), "thing");
        assert_eq!(stem("need"), "need");
    }

    #[test]
    fn content_words_fold_drop_stop_words_and_brackets() {
        assert_eq!(
            words("“This [Russia-China] cooperation will get STRONGER,”"),
            ["cooperation", "strong"]
        );
        assert_eq!(words("Ukraine’s Müller"), ["ukrain", "muller"]);
        // Unclosed brackets are punctuation, however many there are.
        let many = format!("{} cooperation [strengthen [", "[".repeat(20_000));
        assert_eq!(words(&many), ["cooperation", "strong"]);
        assert_eq!(
            words("[one] cooperation [strengthen [two]"),
            ["cooperation"]
        );
        assert_eq!(words("the U.S. and I"), Vec::<String>::new());
        assert_eq!(
            words("this engagement will strengthen"),
            ["cooperation", "strong"]
        );
    }

    #[test]
    fn odd_input_gives_no_words() {
        assert!(words("").is_empty());
        assert!(words("]]] [[[ ’’’ '").is_empty());
        assert_eq!(words("[unclosed bracket"), ["unclos", "bracket"]);
    }

    #[test]
    fn vocabulary_gives_sorted_distinct_ids() {
        let mut v = Vocabulary::new();
        let a = v.content_words("powers power Powers great");
        assert_eq!(a.len(), 2);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(v.content_words("great power"), a);
    }
}
