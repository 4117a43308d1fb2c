//! Filling in speakers once every quotation has had its own chance: a
//! quotation that runs into an attributed one, and a pull quote that
//! repeats words the article attributes elsewhere.

use super::*;

/// A repeated quotation shares its speaker only when longer than this
/// many words: short phrases recur as anyone's words.
const REPEAT_MIN_WORDS: usize = 6;

impl Engine<'_> {
    /// A quotation left without a speaker takes the speaker of the
    /// quotation it continues into, or, at the very start of a paragraph,
    /// of the attributed quotation right after it ("“A.” “B,” he said.").
    pub(super) fn fill_backwards(&mut self) {
        for q in (0..self.quotes.len()).rev() {
            if !self.open_to_fill(q) {
                continue;
            }
            let next = q + 1;
            let Some(n) = self.quotes.get(next) else {
                continue;
            };
            let carried = n.continues == Some(q);
            let same_para_start =
                n.para == self.quotes[q].para && self.quotes[q].tok == 0 && n.own_clause;
            if (carried || same_para_start || self.runs_into(q, next))
                && self.paras[n.para].place == Place::Body
            {
                let id = n.speaker;
                if id.is_some() {
                    self.quotes[q].speaker = id;
                    self.quotes[q].attribution = Attribution::Continued { from: next };
                }
            }
        }
    }

    /// A quotation opening a sentence that ends in another, attributed
    /// one, with no one named or speaking between them: "“They hurt” but
    /// are needed “for the long run,” he said."
    fn runs_into(&self, q: usize, next: usize) -> bool {
        let (a, b) = (&self.quotes[q], &self.quotes[next]);
        if a.para != b.para || !b.own_clause {
            return false;
        }
        // A name or title ("“Morning Desk,” whose host …") is nobody's
        // words: speech has lower-case words.
        let inner = &self.text[a.span.inner.clone()];
        if !inner
            .split_whitespace()
            .any(|w| w.starts_with(char::is_lowercase))
        {
            return false;
        }
        let toks = &self.paras[a.para].toks;
        let between = a.tok + 1..b.tok;
        toks.sentence_start(a.tok) == a.tok
            && toks.sentence_start(b.tok) == a.tok
            && !between.into_iter().any(|k| {
                let w = &toks.list[k];
                w.has(flag::ATTRIBUTING) && w.has(flag::VERB_FORM)
            })
    }

    /// No speaker yet, and nothing that says it should have none (a denial,
    /// a term, a title).
    fn open_to_fill(&self, q: usize) -> bool {
        let w = &self.quotes[q];
        w.speaker.is_none()
            && !matches!(
                w.attribution,
                Attribution::Unattributed {
                    why: Unattributed::Denied | Unattributed::Term | Unattributed::Title
                }
            )
    }

    /// A pull quote — the same words printed again, as a highlight or in a
    /// summary — takes the speaker the article gives them elsewhere.
    pub(super) fn fill_repeats(&mut self) {
        let text = self.text;
        let inner = |w: &Work| &text[w.span.inner.clone()];
        let open: Vec<usize> = (0..self.quotes.len())
            .filter(|&q| {
                self.open_to_fill(q) && terms::word_count(inner(&self.quotes[q])) > REPEAT_MIN_WORDS
            })
            .collect();
        if open.is_empty() {
            return;
        }
        let key = |w: &Work| -> String {
            let mut key = String::new();
            for word in words(inner(w)) {
                key.extend(word.chars().flat_map(char::to_lowercase));
                key.push(' ');
            }
            key
        };
        let mut wanted: HashMap<String, Vec<usize>> = HashMap::new();
        for &q in &open {
            wanted.entry(key(&self.quotes[q])).or_default().push(q);
        }
        // Every attributed quotation is checked: its key is built only when
        // its hash is one of the wanted ones (building them all was a
        // twentieth of the engine's time).
        let hashes: std::collections::HashSet<u64> = open
            .iter()
            .map(|&q| key_hash(inner(&self.quotes[q])))
            .collect();
        for from in 0..self.quotes.len() {
            if self.quotes[from].speaker.is_none()
                || !hashes.contains(&key_hash(inner(&self.quotes[from])))
            {
                continue;
            }
            let Some(repeats) = wanted.remove(&key(&self.quotes[from])) else {
                continue;
            };
            for q in repeats {
                self.quotes[q].speaker = self.quotes[from].speaker;
                self.quotes[q].attribution = Attribution::Continued { from };
            }
        }
    }
}

/// The words of a quotation: runs of letters and digits.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A hash of the key `fill_repeats` builds (lower-cased words, each
/// followed by a space), without building it.
fn key_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = lexicon::Fnv::default();
    for word in words(s) {
        for c in word.chars().flat_map(char::to_lowercase) {
            h.write_u32(u32::from(c));
        }
        h.write_u32(u32::from(' '));
    }
    h.finish()
}
