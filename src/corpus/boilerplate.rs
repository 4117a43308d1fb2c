//! Recognising text that is not the story: promotion, navigation, comment
//! forms, newsletter pitches, footers.
//!
//! The patterns are data: each row is a case-insensitive regular expression
//! tried against a whole (trimmed) paragraph, and the reason shown to the
//! reader. They describe the *kinds* of furniture news sites wrap around a
//! story, not lines of particular articles. Add rows, not branches.

use std::sync::LazyLock;

use regex::{RegexSet, RegexSetBuilder};

/// (pattern, reason). Most are anchored with `^…$` so that a story sentence
/// mentioning "advertisement" or "subscribe" is never caught. Lengths are
/// bounded by `MAX_BOILERPLATE_CHARS` rather than by `.{0,N}` (which
/// multiplies the automaton), and word boundaries are ASCII `(?-u:\b)`, so
/// the set runs on the fast DFA engine even over curly quotes and dashes.
pub const BOILERPLATE_PATTERNS: &[(&str, &str)] = &[
    // Promotion labels that precede a link: "TRENDING: …", "Also read | …".
    (
        r"^(trending( now)?|read more|read also|also read|see also|related|recommended|more from \S+|most read|popular now|watch|listen|sponsored|editor'?s picks?|don'?t miss|must read|breaking|latest|top stories|more news|read next|up next|read the full story)\s*[:|»>–—-]\s*\S.*$",
        "promotion link",
    ),
    // Lone section furniture.
    (
        r"^(advertisement|advertising|sponsored( content)?|story continues below( advertisement)?|continue reading( below| the main story)?|scroll to continue( with content)?|related (articles|posts|stories|content|coverage|news|topics|links)|similar (posts|articles|stories)|you may also like|you might also like|more stories|more on this( story)?|recommended( for you| stories| articles)?|trending( now| stories)?|latest (news|stories)|top stories|read more|most popular|share this( article| story)?:?|share|tweet|email|print|comments?|tags?:.*|topics?:.*|filed under:?.*|advertisement - scroll to continue|(click|tap) (here|to) .*|loading\.*|also read|related)$",
        PAGE_FURNITURE,
    ),
    // Comment forms (WordPress and friends).
    (
        r"leave a (reply|comment)|you are commenting using your|log ?(out|in) /\s*change|notify me of (new|follow-up) (comments|posts)|cancel reply|your email address will not be published|post was not sent - check your email|required fields are marked|fill in your details below|click an icon to log in|^connecting to %s$|^%d bloggers like this|^(google|twitter|facebook|wordpress(\.com)?|gravatar) (photo|picture|account)$|^(name|email|e-mail|website)( \(required\))?( \(address never made public\))?$",
        "comment form",
    ),
    // Newsletter and app pitches, social follow lines.
    (
        r"^(sign up|subscribe|register|join)(?-u:\b).*(newsletter|inbox|updates|alerts|free|today|now)(?-u:\b).*$|^get (the|our) .*(newsletter|app|alerts)(?-u:\b)|download (the|our) .*app(?-u:\b)|^follow (us|@\S+|.* on (twitter|x|facebook|instagram|telegram|threads|bluesky|linkedin|youtube|google news))(?-u:\b)|^catch all the .* news(?-u:\b)|^(get|receive) (the )?latest .* (news|updates|headlines)(?-u:\b)",
        "subscription pitch",
    ),
    // Author contact and site footers.
    (
        r"^write to \S.*(?-u:\b)at(?-u:\b).*$|^(contact|email|e-mail|reach) (the (author|writer|reporter)|us|me)(?-u:\b).*$|^visit (my|our) (web ?site|blog|homepage)(?-u:\b)|^(©|\(c\)|copyright(?-u:\b))|all rights reserved\.?$|^this (article|story|content) (was|is|has been) (originally |first )?(published|produced|syndicated|republished)(?-u:\b)|may only be available to view at the original\.?|^(originally|first) published (on|at|in|by)(?-u:\b)|^(reporting|additional reporting|editing|writing|compiled) by(?-u:\b).*$",
        "footer",
    ),
    // Blog-platform chrome.
    (
        r"^(blog at|powered by|proudly powered by|theme:|create (your|a free) (website|blog)( with)?|start a blog at|get started|back to top|up ↑|top ↑|↑)(?-u:\b)?.*$",
        "site chrome",
    ),
    // Cookie and paywall notices.
    (
        r"(?-u:\b)(we use cookies|accept (all )?cookies|cookie (policy|settings)|this content is (only )?available (to|for) subscribers|already a subscriber|subscribe to (continue|read)|you have reached your (free )?(article|story) limit)(?-u:\b)",
        "site notice",
    ),
];

/// The reason for section furniture, and for the scraps between pieces of
/// boilerplate that cleaning counts with it.
pub const PAGE_FURNITURE: &str = "page furniture";
/// The reason for a paragraph that is nothing but link residue.
pub const LINK_RESIDUE: &str = "link residue";

/// The reason named `name`, as the static text the classifier gives, or
/// `None` when no rule gives it: how a reason read back from the load
/// cache is checked, and kept without allocating.
pub fn known_reason(name: &str) -> Option<&'static str> {
    BOILERPLATE_PATTERNS
        .iter()
        .map(|&(_, reason)| reason)
        .chain([LINK_RESIDUE, PAGE_FURNITURE])
        .find(|&reason| reason == name)
}

static BOILERPLATE_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(BOILERPLATE_PATTERNS.iter().map(|(p, _)| *p))
        .case_insensitive(true)
        .build()
        // Invalid patterns fail the tests (`the_patterns_compile`); in a
        // session they would find no boilerplate rather than panic.
        .unwrap_or_else(|_| RegexSet::empty())
});

/// Paragraphs longer than this are story text whatever they contain: site
/// furniture is short.
const MAX_BOILERPLATE_CHARS: usize = 320;

/// The reason `paragraph` is boilerplate, or `None` when it is story text.
pub fn boilerplate_reason(paragraph: &str) -> Option<&'static str> {
    let p = paragraph.trim();
    if p.len() > MAX_BOILERPLATE_CHARS * 4 || p.chars().count() > MAX_BOILERPLATE_CHARS {
        return None;
    }
    if is_link_residue(p) {
        return Some(LINK_RESIDUE);
    }
    let flat;
    let p = if p.contains('\n') {
        flat = p.replace('\n', " ");
        flat.as_str()
    } else {
        p
    };
    // Most paragraphs match nothing: ask that first, it stops early.
    if !BOILERPLATE_SET.is_match(p) {
        return None;
    }
    BOILERPLATE_SET
        .matches(p)
        .iter()
        .next()
        .map(|i| BOILERPLATE_PATTERNS[i].1)
}

/// Link residue inside a paragraph: where a scraper removed a link's text
/// and left its brackets and dashes. Shown dimmed, never removed.
const RESIDUE_PATTERNS: &[&str] = &[
    // "( – Cooperation between…": a dateline link "(Outlet.com) –" emptied.
    r"^\(\s*[–—-]+\s*",
    // "( )", "[ ]", "( – )": brackets around nothing.
    r"[(\[]\s*[–—-]?\s*[)\]]",
];

static RESIDUE_SET: LazyLock<Vec<regex::Regex>> = LazyLock::new(|| {
    RESIDUE_PATTERNS
        .iter()
        .filter_map(|p| regex::Regex::new(p).ok())
        .collect()
});

/// Byte ranges of link residue within `paragraph`, sorted.
pub fn residue_ranges(paragraph: &str) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = RESIDUE_SET
        .iter()
        .flat_map(|re| re.find_iter(paragraph).map(|m| m.range()))
        .collect();
    out.sort_by_key(|r| r.start);
    out.dedup();
    out
}

/// What is left when a scraper strips a link's text: brackets, dashes,
/// pipes and bullets with no words between them ("( – )", "|", "* * *").
pub fn is_link_residue(p: &str) -> bool {
    !p.is_empty() && !p.chars().any(char::is_alphanumeric) && p.chars().count() <= 12
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_compile() {
        assert_eq!(BOILERPLATE_SET.len(), BOILERPLATE_PATTERNS.len());
        assert_eq!(RESIDUE_SET.len(), RESIDUE_PATTERNS.len());
    }

    #[test]
    fn every_reason_given_is_known() {
        for (_, reason) in BOILERPLATE_PATTERNS {
            assert_eq!(known_reason(reason), Some(*reason));
        }
        assert_eq!(
            known_reason(boilerplate_reason("( – )").unwrap()),
            Some(LINK_RESIDUE)
        );
        assert_eq!(known_reason(PAGE_FURNITURE), Some(PAGE_FURNITURE));
        assert_eq!(known_reason("something else"), None);
    }

    #[test]
    fn catches_site_furniture_of_many_kinds() {
        for line in [
            "TRENDING: The EU Wants to Scare You Away From Buying Crypto",
            "Also read | 4 US soldiers killed in aircraft crash during NATO drill, Norway confirms",
            "READ MORE: Markets rally as inflation cools",
            "ADVERTISEMENT",
            "Advertisement - Scroll to continue",
            "Related Articles",
            "Similar Posts",
            "You may also like",
            "Leave a Reply Cancel reply",
            "You are commenting using your WordPress.com account. ( Log Out /  Change )",
            "Catch all the Politics News and Updates on Live Mint. Download The Mint News App to get Daily Market Updates & Live Business News.",
            "Write to Austin Ramzy at and Ann M. Simmons at",
            "Sign up for our free daily newsletter",
            "Follow us on Twitter",
            "© 2024 Example Media Group. All rights reserved.",
            "Some media, including videos, may only be available to view at the original.",
            "This article was originally published by The Conversation.",
            "Reporting by Jane Doe; Editing by John Smith",
            "* * *",
            "( – )",
            "Fill in your details below or click an icon to log in: Logo",
            "Google photo",
            "Connecting to %s",
            "%d bloggers like this:",
            "Blog at",
            "Create your website with",
            "Up ↑",
        ] {
            assert!(boilerplate_reason(line).is_some(), "not caught: {line}");
        }
    }

    #[test]
    fn residue_is_found_where_links_were_stripped() {
        let p = "( – Cooperation between Russia and China will only increase ( ) today.";
        let r = residue_ranges(p);
        assert_eq!(r.len(), 2);
        assert_eq!(&p[r[0].clone()], "( – ");
        assert_eq!(&p[r[1].clone()], "( )");
        assert!(residue_ranges("A (normal) aside – with a dash.").is_empty());
    }

    #[test]
    fn leaves_story_text_alone() {
        for line in [
            "The advertisement campaign drew criticism from regulators, who said it misled voters.",
            "“We will follow the evidence,” the prosecutor said, adding that the trial would resume Monday.",
            "Subscribers to the service rose 12% in the quarter, the company said.",
            "Trade between Russia and China grew last year by more than 26% to $240 billion.",
            "Related to this, the court found that the contract was void.",
            "He said he would write to the minister at the earliest opportunity to complain about the decision taken.",
            "Latest figures show unemployment at 4.1%, the lowest since 2019.",
        ] {
            assert_eq!(boilerplate_reason(line), None, "wrongly caught: {line}");
        }
    }
}
