//! Who wrote an article, for whom and when: bylines ("By Jane Doe"),
//! source lines ("Source: Reuters"), datelines ("Published March 19,
//! 2022") and the footer that names reporters ("Write to … at").
//!
//! Cleaning asks these about the first few and last few paragraphs; a
//! name is sorted into a person (the byline) or an outlet (the source).

use std::sync::LazyLock;

use super::pattern::Pattern;

/// How far into an article a byline or dateline may stand.
pub(super) const META_WINDOW: usize = 6;
/// Longest line taken for a byline or dateline.
pub(super) const MAX_META_CHARS: usize = 140;
/// The footer naming reporters sits among the last paragraphs.
pub(super) const FOOTER_WINDOW: usize = 8;

/// "By Jane Doe", "by Stephen Lendman ( – Home – …)", "Written by …".
static BYLINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::ci(
        r"^(?:by|written by|words by|story by|posted by|reporting by|author\s*:|authors\s*:|byline\s*:)\s+(?P<name>.+)$",
    )
});
/// "Source: Patrick Goodenough" (a person) or "Source: Reuters" (an outlet).
static SOURCE_LINE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::ci(r"^(?:source|via|from)\s*:\s*(?P<name>.+)$"));
/// The footer some outlets use to name their reporters.
pub(super) static WRITE_TO: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::ci(r"^write to (?P<a>.+?) at(?-u:\b)(?:.*?(?-u:\b)and (?P<b>.+?) at(?-u:\b))?")
});
/// Datelines: "Published March 19, 2022", "Updated: 2024-04-09 10:31".
pub(super) static DATE_LINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::ci(
        r"^(?:(?:published|updated|posted|last updated|first published)\s*(?:on|at)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[\s,|–—-]+.{0,40})?$",
    )
});
/// Words that make a "Source:" line name an outlet rather than a person.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "press",
    "agency",
    "agencies",
    "reuters",
    "ap",
    "afp",
    "tass",
    "xinhua",
    "bloomberg",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "daily",
    "weekly",
    "media",
    "network",
    "broadcasting",
    "radio",
    "tv",
    "television",
    "magazine",
    "wire",
    "associated",
    "bbc",
    "cnn",
    "guardian",
    "telegraph",
    "interfax",
    "ria",
    "yonhap",
    "kyodo",
    "staff",
    "desk",
    "online",
    "digital",
    "group",
    "inc",
    "ltd",
];

/// What a byline or source line names.
pub(super) enum MetaName {
    Person(String),
    Outlet(String),
}

/// The name a "By …" or "Source: …" line gives, sorted into a person or
/// an outlet; `None` when the line is not one.
pub(super) fn match_byline(line: &str) -> Option<MetaName> {
    if let Some(c) = BYLINE.captures(line) {
        let name = clean_name(&c["name"]);
        // "By Tuesday, officials had…" is a sentence, not a byline.
        return if is_outlet(&name) {
            Some(MetaName::Outlet(name))
        } else if looks_like_person(&name) {
            Some(MetaName::Person(name))
        } else {
            None
        };
    }
    let c = SOURCE_LINE.captures(line)?;
    let name = clean_name(&c["name"]);
    if name.is_empty() || !starts_upper(&name) {
        return None;
    }
    Some(if is_outlet(&name) || !looks_like_person(&name) {
        MetaName::Outlet(name)
    } else {
        MetaName::Person(name)
    })
}

/// Trim a byline down to the names: drop parentheticals, link residue,
/// "| Outlet" tails and trailing punctuation.
pub(super) fn clean_name(raw: &str) -> String {
    let mut s = raw.to_string();
    if let Some(i) = s.find(['(', '[', '|']) {
        s.truncate(i);
    }
    for sep in [" – ", " — ", " - ", ", "] {
        if let Some(i) = s.find(sep) {
            let tail = &s[i + sep.len()..];
            // "Jane Doe, Reuters" / "Jane Doe – Staff writer": keep the name.
            if sep != ", " || is_outlet(tail) || tail.split_whitespace().count() > 3 {
                s.truncate(i);
            }
        }
    }
    s.trim_matches(|c: char| c.is_whitespace() || ",;:.–—-|".contains(c))
        .to_string()
}

fn is_outlet(name: &str) -> bool {
    name.contains(".com")
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| OUTLET_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A few capitalised words: "Patrick Goodenough", "Ann M. Simmons".
fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && words
            .iter()
            .all(|w| starts_upper(w) || ["and", "de", "van", "von", "da", "bin", "al"].contains(w))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        for p in [&BYLINE, &SOURCE_LINE, &WRITE_TO, &DATE_LINE] {
            assert!(p.compiled());
        }
    }
}
