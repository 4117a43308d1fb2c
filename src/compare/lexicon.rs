//! Word tables for comparing quotations: which words carry no content,
//! and which different words render the same source word.
//!
//! Kept as tables rather than branches, so adding a word is a one-line
//! change; the unit tests check that stop words are sorted and that every
//! synonym is joined to its group.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::words::stem;

/// Function words, auxiliaries and fillers, lower case, apostrophes
/// removed ("don't" → "dont"). Two renderings of one statement differ most
/// in these, and they would make every pair of quotations look alike.
pub const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "arent",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "cant",
    "could",
    "couldnt",
    "did",
    "didnt",
    "do",
    "does",
    "doesnt",
    "doing",
    "done",
    "dont",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "got",
    "had",
    "hadnt",
    "has",
    "hasnt",
    "have",
    "havent",
    "having",
    "he",
    "hed",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "id",
    "if",
    "ill",
    "im",
    "in",
    "into",
    "is",
    "isnt",
    "it",
    "its",
    "itself",
    "ive",
    "just",
    "let",
    "lets",
    "many",
    "may",
    "maybe",
    "me",
    "might",
    "mine",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "otherwise",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "quite",
    "rather",
    "really",
    "same",
    "shall",
    "she",
    "should",
    "shouldnt",
    "since",
    "so",
    "some",
    "something",
    "still",
    "such",
    "than",
    "that",
    "thats",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "therefore",
    "theres",
    "these",
    "they",
    "theyd",
    "theyll",
    "theyre",
    "theyve",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "wasnt",
    "we",
    "wed",
    "well",
    "were",
    "werent",
    "weve",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "wont",
    "would",
    "wouldnt",
    "yes",
    "yet",
    "you",
    "youd",
    "youll",
    "your",
    "youre",
    "yours",
    "yourself",
    "youve",
];

/// Words that stand for one another when the same statement is reported
/// twice, each group's first word the one they all count as. Statements by
/// foreign officials reach English through several wires and translators,
/// who render one source word differently ("this engagement will
/// strengthen" / "this cooperation will get stronger"); reporters
/// paraphrase the same way. So the groups are the near-synonyms of news
/// and diplomatic language, plus derivations that suffix stripping cannot
/// join (strength, stronger → strong). Loose synonyms stay out: they would
/// make unrelated quotations look alike.
pub const SYNONYM_GROUPS: &[&[&str]] = &[
    &[
        "strong",
        "strength",
        "strengthen",
        "stronger",
        "strongest",
        "strongly",
        "bolster",
        "reinforce",
    ],
    &[
        "weak",
        "weaken",
        "weaker",
        "weakness",
        "erode",
        "undermine",
        "disrupt",
        "sabotage",
    ],
    &[
        "cooperation",
        "cooperate",
        "collaboration",
        "collaborate",
        "engagement",
        "interaction",
        "partnership",
    ],
    &["relation", "relationship", "ties"],
    &["talk", "negotiation", "negotiate", "dialogue", "discussion"],
    &["agreement", "deal", "accord", "pact", "treaty"],
    &["war", "conflict", "fighting", "hostilities"],
    &["attack", "assault", "strike", "offensive"],
    &[
        "foundation",
        "pillar",
        "basis",
        "underpin",
        "cornerstone",
        "bedrock",
    ],
    &["international", "global", "worldwide"],
    &["world", "planet"],
    &["country", "nation"],
    &["people", "citizen", "public", "population"],
    &["position", "stance", "stand", "view"],
    &[
        "blatantly",
        "rudely",
        "crudely",
        "grossly",
        "flagrantly",
        "brazenly",
        "openly",
    ],
    &["important", "crucial", "vital", "essential", "key"],
    &["big", "large", "huge", "enormous", "major"],
    &["small", "little", "minor", "tiny"],
    &["increase", "rise", "grow", "growth", "climb", "surge"],
    &["decrease", "fall", "drop", "decline", "shrink"],
    &["help", "aid", "assist", "assistance", "support"],
    &["begin", "start", "launch", "commence"],
    &["end", "finish", "stop", "halt", "cease"],
    &["continue", "persist", "proceed", "remain"],
    &["threat", "danger", "risk", "menace"],
    &["security", "safety"],
    &["weapon", "arm", "armament", "munition"],
    &["troop", "soldier", "force", "military"],
    &["leader", "head", "chief"],
    &["meeting", "summit"],
    &["sanction", "penalty", "restriction", "embargo"],
    &["demand", "insist", "require"],
    &["urge", "call", "appeal"],
    &["believe", "think", "consider"],
    &["sure", "certain", "confident", "convinced"],
    &["goal", "aim", "objective", "target"],
    &["problem", "issue", "difficulty", "challenge"],
    &["fast", "quick", "rapid", "swift"],
    &["difficult", "hard", "tough"],
    &["happy", "glad", "pleased", "delighted"],
    &[
        "grateful",
        "thankful",
        "appreciate",
        "appreciative",
        "gratitude",
    ],
    &["balanced", "impartial", "unbiased", "neutral"],
    &["friend", "partner", "ally"],
    &["enemy", "adversary", "foe", "opponent"],
    &["economy", "economic"],
    &["system", "order", "architecture"],
    &["protect", "defend", "safeguard"],
    &["destroy", "devastate", "demolish", "wreck"],
    &["kill", "slay"],
    &["child", "kid"],
    &["win", "victory", "triumph"],
    &["lose", "defeat", "loss"],
    &["team", "side", "squad"],
    &["price", "cost"],
    &["buy", "purchase", "acquire"],
    &["sell", "sale"],
    &["job", "employment", "work"],
    &["law", "legislation", "statute"],
    &["court", "tribunal"],
    &["evidence", "proof"],
    &["investigation", "probe", "inquiry"],
    &["illness", "disease", "sickness"],
    &["vaccine", "vaccination", "jab"],
];

/// A suffix rule of [`super::words::stem`].
#[derive(Debug, Clone, Copy)]
pub struct Suffix {
    pub ends: &'static str,
    pub becomes: &'static str,
    /// Characters that must remain before the suffix.
    pub min_stem: usize,
    /// A verb ending (-ing, -ed): the stem must hold a vowel ("string" is
    /// no "str" + "ing"), and a doubled final consonant is undone
    /// ("stopped" → "stop") unless it is one of [`KEEP_DOUBLE`].
    pub verb: bool,
}

const fn rule(ends: &'static str, becomes: &'static str, min_stem: usize, verb: bool) -> Suffix {
    Suffix {
        ends,
        becomes,
        min_stem,
        verb,
    }
}

/// Stemming steps, applied in order; within a step the first rule whose
/// suffix is there and whose conditions hold is applied. A rule that
/// replaces a suffix with itself protects it ("press", "status", "crisis"
/// keep their final s).
pub const STEM_STEPS: &[&[Suffix]] = &[
    // Plurals and third person.
    &[
        rule("ies", "y", 2, false),
        rule("ss", "ss", 0, false),
        rule("us", "us", 0, false),
        rule("is", "is", 0, false),
        rule("s", "", 3, false),
    ],
    // Participles and past tense.
    &[
        rule("ied", "y", 2, false),
        rule("ing", "", 3, true),
        rule("ed", "", 3, true),
    ],
    // A final e, so "undermine" meets "undermin(ing)".
    &[rule("e", "", 3, false)],
];

/// Final letters kept doubled when a verb ending goes ("called" → "call",
/// "passed" → "pass").
pub const KEEP_DOUBLE: &[char] = &['l', 's', 'z'];

/// What counts as a vowel for [`Suffix::verb`].
pub const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u', 'y'];

/// True for a stop word (`word` lower case, apostrophes removed).
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Stem of each group word → stem of its group's first word.
static VARIANTS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for group in SYNONYM_GROUPS {
        let head = stem(group[0]);
        for w in &group[1..] {
            let s = stem(w);
            if s != head {
                map.entry(s).or_insert_with(|| head.clone());
            }
        }
    }
    map
});

/// The word a stem counts as, when it is a variant of another.
pub fn variant_of(stem: &str) -> Option<&'static str> {
    VARIANTS.get(stem).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_unique_and_plain() {
        for w in STOP_WORDS.windows(2) {
            assert!(w[0] < w[1], "{:?} before {:?}", w[0], w[1]);
        }
        for w in STOP_WORDS {
            assert!(w.chars().all(|c| c.is_ascii_lowercase()), "{w:?}");
        }
    }

    #[test]
    fn synonym_groups_join_their_words_and_hold_no_stop_words() {
        for group in SYNONYM_GROUPS {
            let head = stem(group[0]);
            assert_eq!(variant_of(&head), None, "{head:?} maps on");
            for w in *group {
                assert!(!is_stop_word(w), "{w:?} is a stop word: never compared");
                let s = stem(w);
                assert!(
                    s == head || variant_of(&s).is_some(),
                    "{w:?} is not joined to {head:?}"
                );
            }
        }
        assert_eq!(variant_of(&stem("stronger")), Some(stem("strong").as_str()));
        assert_eq!(
            variant_of(&stem("engagement")),
            Some(stem("cooperation").as_str())
        );
    }
}
