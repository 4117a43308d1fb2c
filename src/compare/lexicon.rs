//! Word tables for comparing quotations: which words carry no content,
//! and which different words render the same source word.
//!
//! Kept as sorted tables (binary search) rather than branches, so adding a
//! word is a one-line change; the unit tests check the order and that every
//! key is already in the form [`super::words`] looks it up in.

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

/// Words that stand for one another, keyed by their stem (the form
/// [`super::words::stem`] gives), with the stem of the word they count as.
///
/// Two kinds of entry. Derivations light stemming cannot join ("strength",
/// "stronger" → "strong"). And translation variants: statements by foreign
/// officials reach English through several wires and translators, who
/// render one source word differently (TASS: "this engagement will
/// strengthen"; Interfax: "this cooperation will get stronger"). Only
/// words that are near-interchangeable in such statements belong here;
/// loose synonyms would make unrelated quotations look alike.
pub const VARIANTS: &[(&str, &str)] = &[
    ("brazenly", "blatantly"),
    ("collaboration", "cooperation"),
    ("cooperat", "cooperation"),
    ("crudely", "blatantly"),
    ("engagement", "cooperation"),
    ("flagrantly", "blatantly"),
    ("global", "international"),
    ("grossly", "blatantly"),
    ("interaction", "cooperation"),
    ("pillar", "foundation"),
    ("rudely", "blatantly"),
    ("stanc", "position"),
    ("strength", "strong"),
    ("strengthen", "strong"),
    ("stronger", "strong"),
    ("strongest", "strong"),
    ("strongly", "strong"),
    ("underpin", "foundation"),
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

/// The word a stem counts as, when it is a variant of another.
pub fn variant_of(stem: &str) -> Option<&'static str> {
    VARIANTS
        .binary_search_by_key(&stem, |&(k, _)| k)
        .ok()
        .map(|i| VARIANTS[i].1)
}

#[cfg(test)]
mod tests {
    use super::super::words::stem;
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
    fn variant_keys_are_sorted_stems_and_targets_are_fixed_points() {
        for w in VARIANTS.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?} before {:?}", w[0].0, w[1].0);
        }
        for &(key, target) in VARIANTS {
            assert_eq!(stem(key), key, "key {key:?} is not a stem: never looked up");
            assert_eq!(stem(target), target, "target {target:?} is not a stem");
            assert_eq!(variant_of(target), None, "target {target:?} maps on");
            assert!(!is_stop_word(key) && !is_stop_word(target));
        }
    }
}
