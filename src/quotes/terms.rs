//! Quotation marks around something that is not speech: scare quotes and
//! terms (“invasion,” / the “crisis”) and titles of books, films, events
//! (“How Wall Street Fleeces America: …”). Such quotations get no speaker
//! unless a clause explicitly gives one, and never inherit one.

use super::lexicon::{self, flag};
use super::parsed::Parsed;

/// Quotations this short can be a term.
const TERM_MAX_WORDS: usize = 3;

/// Words in a quotation (runs of letters or digits).
pub fn word_count(s: &str) -> usize {
    words(s).count()
}

/// The words [`word_count`] counts.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// `word_count(s) <= most`, counting no further than it needs to.
pub fn at_most_words(s: &str, most: usize) -> bool {
    words(s).nth(most).is_none()
}

/// Ends like a sentence (or an excerpt of one): full stop, ?, !, ellipsis.
pub fn ends_like_speech(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '…'])
}

/// A short quotation used as a term: one word without sentence punctuation
/// (“invasion,”), or up to three words right after an article, possessive
/// or term word (the “crisis”, so-called “no limits”).
pub fn is_term(p: &Parsed, text: &str, q_tok: usize, inner: &str) -> bool {
    let words = word_count(inner);
    if words == 0 || words > TERM_MAX_WORDS {
        return false;
    }
    let before = q_tok.checked_sub(1).and_then(|i| p.toks.list.get(i));
    let introduced = before.is_some_and(|t| {
        t.kind == super::tokens::Kind::Possessive
            || (t.is_word() && t.has(flag::DET | flag::TERM_INTRO) && !t.has(flag::PRONOUN))
            || (t.is_word() && p.word(text, q_tok - 1).eq_ignore_ascii_case("as"))
    });
    introduced || (words == 1 && !ends_like_speech(inner))
}

/// A quotation marked as a name rather than words someone chose: after a
/// term word ("so-called", "dubbed", "the slogan", "known as") or, when
/// capitalised, after a preposition ("appeared on “Morning Desk”").
pub fn is_named_term(p: &Parsed, text: &str, q_tok: usize, inner: &str) -> bool {
    let Some(before) = q_tok.checked_sub(1).and_then(|i| p.toks.list.get(i)) else {
        return false;
    };
    if !before.is_word() {
        return false;
    }
    let word = p.word(text, q_tok - 1).to_ascii_lowercase();
    let capitalised = inner.chars().next().is_some_and(char::is_uppercase);
    // "dubbed the “Canyon Fire”": the marker before an article.
    let marker_before_article = before.has(flag::DET)
        && q_tok >= 2
        && NAMING_MARKERS.contains(&p.word(text, q_tok - 2).to_ascii_lowercase().as_str());
    marker_before_article
        || NAMING_MARKERS.contains(&word.as_str())
        || (word == "as" && q_tok >= 2 && p.word(text, q_tok - 2).eq_ignore_ascii_case("known"))
        || (capitalised && TITLE_PREPOSITIONS.contains(&word.as_str()) && word_count(inner) <= 6)
}

/// Words right before a quotation that say it is a name, not speech.
const NAMING_MARKERS: &[&str] = &[
    "so-called",
    "dubbed",
    "titled",
    "entitled",
    "nicknamed",
    "named",
    "codenamed",
    "code-named",
    "termed",
    "hashtag",
];

/// Prepositions before a capitalised quotation that make it a title:
/// "appeared on “Morning Desk”", "wrote in “The Atlantic Review”".
const TITLE_PREPOSITIONS: &[&str] = &["on", "in", "at"];

/// A title in Title Case: three or more words, nearly every word that is
/// not a small word capitalised.
pub fn is_title(inner: &str) -> bool {
    let mut words = 0;
    let mut capitalised = 0;
    let mut content = 0;
    for w in inner.split(|c: char| c.is_whitespace() || c == '—' || c == '–') {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        words += 1;
        if words == 1 && !first.is_uppercase() {
            return false;
        }
        if lexicon::flags(w) & flag::SMALL != 0 && words > 1 {
            continue;
        }
        content += 1;
        if first.is_uppercase() || first.is_numeric() {
            capitalised += 1;
        }
    }
    words >= 3 && content >= 2 && capitalised * 10 >= content * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_words_agrees_with_the_count() {
        for s in [
            "",
            "one",
            "don’t stop-gap now",
            "a, b, c — d",
            "“Quoted,” he said.",
        ] {
            for most in 0..6 {
                assert_eq!(
                    at_most_words(s, most),
                    word_count(s) <= most,
                    "{s:?} {most}"
                );
            }
        }
    }

    #[test]
    fn titles_are_title_case() {
        assert!(is_title(
            "How Wall Street Fleeces America: Privatized Banking, Government Collusion, and Class War"
        ));
        assert!(is_title(
            "Banker Occupation: Waging Financial War on Humanity"
        ));
        assert!(!is_title("This engagement will strengthen,"));
        assert!(!is_title("no limits"));
    }

    #[test]
    fn words_are_counted() {
        assert_eq!(
            word_count("get…rebuffed, they impose (illegal) sanctions."),
            6
        );
        assert_eq!(word_count("no-one’s interest."), 2);
    }
}
