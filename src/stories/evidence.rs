//! What one article offers as evidence of being about the same event as
//! another, and how two articles' evidence is weighed.
//!
//! Per article: the content words of its title and lede, the rarer names
//! in the lede (capitalised mid-sentence: people, places, bodies), the
//! statements it carries and the named speakers it quotes. The weights
//! are rarity (idf over the corpus): a word every other article has says
//! nothing about which event this is.

use jiff::civil::Date;
use rayon::prelude::*;

use crate::compare::candidates::shared;
use crate::compare::words::Vocabulary;
use crate::corpus::Article;
use crate::quotes::SpeakerIndex;
use crate::statements::Statements;

/// Words of story text read after the title: the lede, where a report
/// says what happened. Further down, reports of one event diverge into
/// background that other stories share too.
const LEDE_WORDS: usize = 120;

/// Two dated articles more days apart than this are never one story: a
/// news event is reported within a day or two; a follow-up a week later
/// is a story of its own (and the same speaker's stump line two weeks
/// apart is two events).
pub const WINDOW_DAYS: i64 = 3;

/// A word, name or speaker in more articles than this is common: it
/// nominates no candidates and a name or speaker adds nothing (a word
/// still counts in the text similarity, with its small idf). The share
/// keeps small corpora sensible, the cap bounds the work on big ones.
pub const COMMON_SHARE: f64 = 0.1;
pub const COMMON_CAP: usize = 64;

/// Evidence needed to join two articles: a similarity of title and lede
/// this high alone, or less with a shared statement or names.
pub const JOIN: f32 = 0.3;
/// Added for a statement both carry: strong, but not alone (a stump line
/// is repeated at every rally, each a different event).
pub const STATEMENT_BONUS: f32 = 0.2;
/// Added per shared rare name or speaker, up to [`MAX_NAMES`]: weak, a
/// person is in many events.
pub const NAME_BONUS: f32 = 0.04;
pub const MAX_NAMES: usize = 3;

/// One article's evidence.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    /// Content words of title and lede, sorted ids.
    pub words: Vec<u32>,
    /// Sum of the idf of `words`.
    pub weight: f32,
    /// Rare names of the lede (word ids), sorted.
    pub names: Vec<u32>,
    /// Statements it carries, sorted indices.
    pub statements: Vec<usize>,
    /// Rare named speakers it quotes, sorted indices.
    pub speakers: Vec<usize>,
    pub date: Option<Date>,
}

/// Every article's evidence and the corpus's word rarity.
pub(super) struct Corpus {
    pub articles: Vec<Evidence>,
    /// Per word id: in how many articles.
    pub df: Vec<u32>,
    /// Per word id: its idf.
    pub idf: Vec<f32>,
    /// Most articles a rare word, name or speaker is in.
    pub rare: usize,
}

/// The most articles a word may be in and still be rare, for `n` articles.
pub fn rare_limit(n: usize) -> usize {
    ((n as f64 * COMMON_SHARE) as usize).clamp(2, COMMON_CAP)
}

impl Corpus {
    pub fn new(articles: &[Article], statements: &Statements, speakers: &SpeakerIndex) -> Corpus {
        let n = articles.len();
        let rare = rare_limit(n);
        let mut out = article_words(articles);
        let vocab_len = out
            .iter()
            .flat_map(|e| e.words.iter().chain(&e.names))
            .max()
            .map_or(0, |&m| m as usize + 1);
        let mut df = vec![0u32; vocab_len];
        for e in &out {
            for &w in &e.words {
                df[w as usize] += 1;
            }
        }
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((n as f32 + 1.0) / (d as f32 + 1.0)).ln())
            .collect();
        for e in &mut out {
            e.weight = e.words.iter().map(|&w| idf[w as usize]).sum();
            // A name counts only when rare, and when a word of the lede
            // (a name of the title alone is in `words` but not here).
            e.names
                .retain(|&w| (1..=rare as u32).contains(&df[w as usize]));
        }
        for (s, st) in statements.statements.iter().enumerate() {
            let mut seen: Vec<usize> = st.renderings.iter().map(|r| r.article).collect();
            seen.sort_unstable();
            seen.dedup();
            for a in seen {
                out[a].statements.push(s);
            }
        }
        for (s, sp) in speakers.speakers.iter().enumerate() {
            if sp.is_unnamed() || sp.articles.len() > rare {
                continue;
            }
            for &a in &sp.articles {
                out[a].speakers.push(s);
            }
        }
        for e in &mut out {
            e.statements.sort_unstable();
            e.statements.dedup();
            e.speakers.sort_unstable();
            e.speakers.dedup();
        }
        Corpus {
            articles: out,
            df,
            idf,
            rare,
        }
    }

    /// Whether two articles are about one event: their evidence, when it
    /// is enough.
    pub fn alike(&self, i: usize, j: usize) -> Option<f32> {
        let common = shared_weight(&self.articles[i].words, &self.articles[j].words, &self.idf);
        self.alike_given(i, j, common)
    }

    /// [`alike`](Self::alike), given the rarity their title and lede words
    /// share (`common`: the idf summed over the words both have).
    pub fn alike_given(&self, i: usize, j: usize, common: f32) -> Option<f32> {
        let (a, b) = (&self.articles[i], &self.articles[j]);
        if !within_window(a.date, b.date) {
            return None;
        }
        // Weighted Dice over title and lede words: twice the rarity shared
        // over the rarity of both.
        let total = a.weight + b.weight;
        let text = if total > 0.0 {
            2.0 * common / total
        } else {
            0.0
        };
        let statement = if shared_usize(&a.statements, &b.statements) > 0 {
            STATEMENT_BONUS
        } else {
            0.0
        };
        let names = shared(&a.names, &b.names) + shared_usize(&a.speakers, &b.speakers);
        let score = text + statement + NAME_BONUS * names.min(MAX_NAMES) as f32;
        (score >= JOIN).then_some(score)
    }
}

/// The idf summed over the ids in both sorted lists.
fn shared_weight(a: &[u32], b: &[u32], idf: &[f32]) -> f32 {
    let (mut i, mut j, mut common) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += idf[a[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Every article's title and lede words and lede names, in parallel
/// chunks each with its own vocabulary; the ids are then made one
/// vocabulary's, numbered in the order of the words (so that the result
/// does not depend on how the work was split).
fn article_words(articles: &[Article]) -> Vec<Evidence> {
    let chunk = articles
        .len()
        .div_ceil(rayon::current_num_threads().max(1))
        .max(1);
    let parts: Vec<(Vocabulary, Vec<Evidence>)> = articles
        .par_chunks(chunk)
        .map(|part| {
            let mut vocab = Vocabulary::new();
            let evidence = part.iter().map(|a| words_of(&mut vocab, a)).collect();
            (vocab, evidence)
        })
        .collect();
    let mut forms: Vec<&str> = parts
        .iter()
        .flat_map(|(vocab, _)| vocab.forms().map(|(form, _)| form))
        .collect();
    forms.sort_unstable();
    forms.dedup();
    let mut out = Vec::with_capacity(articles.len());
    for (vocab, evidence) in &parts {
        let mut global = vec![0u32; vocab.forms().count()];
        for (form, id) in vocab.forms() {
            let at = forms.binary_search(&form).unwrap_or_default();
            global[id as usize] = u32::try_from(at).unwrap_or(u32::MAX);
        }
        let remap = |ids: &[u32]| {
            let mut ids: Vec<u32> = ids.iter().map(|&w| global[w as usize]).collect();
            ids.sort_unstable();
            ids
        };
        out.extend(evidence.iter().map(|e| Evidence {
            words: remap(&e.words),
            names: remap(&e.names),
            date: e.date,
            ..Evidence::default()
        }));
    }
    out
}

/// One article's title and lede words and lede names, as `vocab`'s ids.
fn words_of(vocab: &mut Vocabulary, a: &Article) -> Evidence {
    let lede = lede(a);
    let mut words = vocab.content_words(&a.title);
    words.extend(vocab.content_words(&lede));
    words.sort_unstable();
    words.dedup();
    let mut names = Vec::new();
    for_each_name(&lede, |name| names.extend(vocab.content_words(name)));
    names.sort_unstable();
    names.dedup();
    Evidence {
        words,
        names,
        date: a.published().map(|d| d.day),
        ..Evidence::default()
    }
}

/// Whether two dates (where known) are within [`WINDOW_DAYS`].
pub fn within_window(a: Option<Date>, b: Option<Date>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => days_apart(a, b) <= WINDOW_DAYS,
        _ => true,
    }
}

/// Whole days between two dates.
pub fn days_apart(a: Date, b: Date) -> i64 {
    // A duration, not a calendar span: a subtraction of day numbers, where
    // a span is balanced field by field (and took a third of the grouping).
    a.duration_since(b).as_secs().abs() / 86_400
}

/// The first [`LEDE_WORDS`] words of story text, whole paragraphs.
fn lede(a: &Article) -> String {
    let mut out = String::new();
    let mut words = 0;
    for (_, p) in a.story_paragraphs() {
        if words >= LEDE_WORDS {
            break;
        }
        words += p.split_whitespace().count();
        out.push_str(p);
        out.push('\n');
    }
    out
}

/// Call `emit` with each capitalised word that does not start a sentence:
/// a name (of a person, place or body), as far as case can tell.
fn for_each_name(text: &str, mut emit: impl FnMut(&str)) {
    let mut starts_sentence = true;
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        // An all-capitals word is an acronym or a shouted headline; keep
        // acronyms of two to five letters (FBI, NATO).
        let shouted = word.chars().count() > 5 && !word.chars().any(char::is_lowercase);
        let opens_quote = token.starts_with(['"', '“', '\'', '‘']);
        if capital && !starts_sentence && !opens_quote && !shouted {
            emit(word);
        }
        starts_sentence = token.ends_with(['.', '!', '?', ':', '"', '“', '”']);
    }
}

fn shared_usize(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
