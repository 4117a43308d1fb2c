//! Telling the parts of an article apart: headline, byline, story, captions,
//! boilerplate and repeats; and deriving a title when there is no headline.
//!
//! Nothing is removed: every paragraph keeps its text and gets a
//! [`ParagraphKind`], and the reader decides how to show it.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use super::article::{Paragraph, ParagraphKind};
use super::boilerplate::{PAGE_FURNITURE, boilerplate_reason, residue_ranges};

/// Metadata the source already gave (JSON fields); it wins over guesses.
#[derive(Debug, Default, Clone)]
pub struct KnownMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
}

/// The result of cleaning: paragraph kinds and the article's metadata.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub paragraphs: Vec<Paragraph>,
    pub title: String,
    pub title_derived: bool,
    pub byline: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub words: usize,
    /// Link residue in story paragraphs (absolute byte ranges), for dimming.
    pub residue: Vec<Range<usize>>,
}

/// How far into an article a byline or dateline may stand.
const META_WINDOW: usize = 6;
/// Longest line taken for a byline or dateline.
const MAX_META_CHARS: usize = 140;
/// Longest paragraph taken for a headline.
const MAX_HEADLINE_CHARS: usize = 200;
const MAX_HEADLINE_WORDS: usize = 30;
/// A headline that ends with a full stop is rare but happens when short.
const MAX_HEADLINE_WORDS_WITH_PERIOD: usize = 14;
/// Derived titles are cut to about this many characters.
const DERIVED_TITLE_CHARS: usize = 90;
/// Shorter paragraphs repeat by chance ("Photo", "Continued"): not flagged.
const MIN_DUPLICATE_KEY: usize = 12;

fn ci(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .expect("built-in pattern is valid")
}

/// "By Jane Doe", "by Stephen Lendman ( – Home – …)", "Written by …".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:by|written by|words by|story by|posted by|reporting by|author\s*:|authors\s*:|byline\s*:)\s+(?P<name>.+)$",
    )
});
/// "Source: Patrick Goodenough" (a person) or "Source: Reuters" (an outlet).
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| ci(r"^(?:source|via|from)\s*:\s*(?P<name>.+)$"));
/// The footer some outlets use to name their reporters.
static WRITE_TO: LazyLock<Regex> = LazyLock::new(|| {
    ci(r"^write to (?P<a>.+?) at(?-u:\b)(?:.*?(?-u:\b)and (?P<b>.+?) at(?-u:\b))?")
});
/// Datelines: "Published March 19, 2022", "Updated: 2024-04-09 10:31".
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:(?:published|updated|posted|last updated|first published)\s*(?:on|at)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[\s,|–—-]+.{0,40})?$",
    )
});
/// A wire dateline opening the lede: "WASHINGTON (Reuters) - ".
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<place>[A-Z][A-Z .'/-]{1,40}?)(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?)?\s*\((?P<src>[^)]{1,40})\)\s*[-–—]+\s*")
        .expect("valid")
});
/// Junk left where a link was stripped, at the start of a lede: "( – ".
static LEADING_RESIDUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s(\[{|•·*–—-]*[)\]}]?[\s|•·*–—-]*").expect("valid"));
/// Photo captions and credits.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"(?:(?-u:\b)(?:photo|image|picture|illustration|video|file photo|photograph)s?(?:\s+credit)?\s*:\s*\S.*$|\((?:photo|image|picture|credit)s?(?-u:\b)[^)]*\)$|/\s*(?:reuters|afp|ap|getty images|epa|bloomberg|shutterstock)\s*$|^(?:photo|image|caption)\s*:)",
    )
});

/// A caption credit ("PHOTO: REUTERS") is a short tail; a long match is a
/// sentence that happens to say "photo:".
const MAX_CAPTION_CREDIT_CHARS: usize = 80;
const MAX_CAPTION_BYTES: usize = 400;
/// The footer naming reporters sits among the last paragraphs.
const FOOTER_WINDOW: usize = 8;

fn is_caption(p: &str) -> bool {
    CAPTION
        .find(p)
        .is_some_and(|m| m.start() == 0 || m.as_str().chars().count() <= MAX_CAPTION_CREDIT_CHARS)
}

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

/// Classify the paragraphs of `text` and derive the article's metadata.
pub fn clean(text: &str, ranges: Vec<Range<usize>>, known: &KnownMeta) -> Cleaned {
    let mut paragraphs: Vec<Paragraph> = ranges
        .into_iter()
        .map(|r| Paragraph {
            start: r.start,
            end: r.end,
            kind: ParagraphKind::Body,
        })
        .collect();
    let para = |p: &Paragraph| &text[p.start..p.end];

    // Boilerplate and captions, then repeats of earlier paragraphs.
    let keys: Vec<(usize, u64)> = paragraphs
        .iter()
        .map(|p| duplicate_key(&text[p.start..p.end]))
        .collect();
    let mut first_seen: HashMap<(usize, u64), usize> = HashMap::new();
    for (i, p) in paragraphs.iter_mut().enumerate() {
        let t = &text[p.start..p.end];
        if let Some(reason) = boilerplate_reason(t) {
            p.kind = ParagraphKind::Boilerplate(reason);
            continue;
        }
        let key = keys[i];
        if key.0 >= MIN_DUPLICATE_KEY {
            if let Some(&first) = first_seen.get(&key) {
                p.kind = ParagraphKind::Duplicate(first);
                continue;
            }
            first_seen.insert(key, i);
        }
        if t.len() <= MAX_CAPTION_BYTES && is_caption(&flatten(t)) {
            p.kind = ParagraphKind::Caption;
        }
    }

    mark_furniture_runs(text, &mut paragraphs);

    let mut byline = known.byline.clone();
    let mut source = known.source.clone();
    let mut date = known.date.clone();

    // Bylines and datelines near the top.
    let top: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| !paragraphs[i].kind.is_noise())
        .take(META_WINDOW)
        .collect();
    for &i in &top {
        let t = flatten(para(&paragraphs[i]));
        if t.chars().count() > MAX_META_CHARS {
            continue;
        }
        if let Some(name) = match_byline(&t) {
            match name {
                MetaName::Person(n) if byline.is_none() => byline = Some(n),
                MetaName::Outlet(n) if source.is_none() => source = Some(n),
                _ => {}
            }
            paragraphs[i].kind = ParagraphKind::Byline;
        } else if let Some(c) = DATE_LINE.captures(&t) {
            if date.is_none() {
                date = Some(c["date"].to_string());
            }
            paragraphs[i].kind = ParagraphKind::Byline;
        }
    }
    // A "Write to … at" footer names the reporters when nothing else did.
    if byline.is_none() {
        byline = paragraphs.iter().rev().take(FOOTER_WINDOW).find_map(|p| {
            WRITE_TO.captures(&flatten(para(p))).map(|c| {
                let a = clean_name(&c["a"]);
                match c.name("b") {
                    Some(b) => format!("{a} and {}", clean_name(b.as_str())),
                    None => a,
                }
            })
        });
    }

    // The headline: the first story paragraph, if it reads like one.
    let first_story = paragraphs
        .iter()
        .position(|p| matches!(p.kind, ParagraphKind::Body));
    let mut title_derived = false;
    let title = if let Some(t) = known
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        if let Some(i) = first_story
            && keys[i] == duplicate_key(t)
        {
            paragraphs[i].kind = ParagraphKind::Headline;
        }
        flatten(t)
    } else if let Some(i) = first_story.filter(|&i| looks_like_headline(para(&paragraphs[i]))) {
        paragraphs[i].kind = ParagraphKind::Headline;
        flatten(para(&paragraphs[i]))
    } else if let Some(i) = first_story {
        title_derived = true;
        title_from_lede(&strip_lede_prefix(para(&paragraphs[i])).0)
    } else {
        title_derived = true;
        String::from("(untitled)")
    };

    // A wire dateline opening the lede names the source.
    if source.is_none() {
        source = paragraphs
            .iter()
            .find(|p| p.kind == ParagraphKind::Body)
            .and_then(|p| strip_lede_prefix(para(p)).1);
    }

    // Later repeats of the headline are duplicates of it.
    if let Some(h) = paragraphs
        .iter()
        .position(|p| p.kind == ParagraphKind::Headline)
    {
        let key = keys[h];
        for (p, k) in paragraphs.iter_mut().zip(&keys).skip(h + 1) {
            if p.kind == ParagraphKind::Body && *k == key {
                p.kind = ParagraphKind::Duplicate(h);
            }
        }
    }

    let words = paragraphs
        .iter()
        .filter(|p| matches!(p.kind, ParagraphKind::Headline | ParagraphKind::Body))
        .map(|p| count_words(&text[p.start..p.end]))
        .sum();

    let residue = paragraphs
        .iter()
        .filter(|p| p.kind.is_story())
        .flat_map(|p| {
            residue_ranges(&text[p.start..p.end])
                .into_iter()
                .map(move |r| p.start + r.start..p.start + r.end)
        })
        .collect();

    Cleaned {
        residue,
        paragraphs,
        title,
        title_derived,
        byline,
        source,
        date,
        words,
    }
}

/// Short scraps ("Get started", "Twitter picture") between pieces of
/// boilerplate are part of the same page furniture. Repeats until stable,
/// so a run of scraps is caught from either end.
fn mark_furniture_runs(text: &str, paragraphs: &mut [Paragraph]) {
    let is_bp = |k: ParagraphKind| matches!(k, ParagraphKind::Boilerplate(_));
    loop {
        let mut changed = false;
        for i in 0..paragraphs.len() {
            if paragraphs[i].kind != ParagraphKind::Body {
                continue;
            }
            let before = i > 0 && is_bp(paragraphs[i - 1].kind);
            let after = paragraphs.get(i + 1).is_none_or(|p| is_bp(p.kind));
            if before && after && is_scrap(&text[paragraphs[i].start..paragraphs[i].end]) {
                paragraphs[i].kind = ParagraphKind::Boilerplate(PAGE_FURNITURE);
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// A few words that do not make a sentence or a quotation.
fn is_scrap(p: &str) -> bool {
    const MAX_SCRAP_WORDS: usize = 6;
    let p = p.trim();
    count_words(p) <= MAX_SCRAP_WORDS
        && !p.ends_with(['.', '!', '?', '”', '"', '’'])
        && !p.starts_with(['“', '"', '‘'])
}

enum MetaName {
    Person(String),
    Outlet(String),
}

fn match_byline(line: &str) -> Option<MetaName> {
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
fn clean_name(raw: &str) -> String {
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

fn looks_like_headline(p: &str) -> bool {
    let flat = flatten(p);
    let words = count_words(&flat);
    let ends_period = flat.ends_with('.') && !flat.ends_with("..");
    flat.chars().count() <= MAX_HEADLINE_CHARS
        && (1..=MAX_HEADLINE_WORDS).contains(&words)
        && (!ends_period || words <= MAX_HEADLINE_WORDS_WITH_PERIOD || title_case(&flat, 3, 8))
        && !LEADING_RESIDUE
            .find(&flat)
            .is_some_and(|m| m.end() > 0 && m.as_str().trim() != "")
}

/// Headline style: at least `min_long` words of four letters or more, and
/// at least `tenths`/10 of them capitalised. No sentence of a story reads
/// so, full stop or not. Shared with the quotation engine, which asks less.
pub fn title_case(s: &str, min_long: usize, tenths: usize) -> bool {
    let (mut long, mut caps) = (0, 0);
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 {
            long += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long >= min_long && caps * 10 >= long * tenths
}

/// Remove link residue and a wire dateline from the start of a lede,
/// returning the wire's name ("Reuters") when there was one.
fn strip_lede_prefix(lede: &str) -> (String, Option<String>) {
    let mut s = flatten(lede);
    let residue = LEADING_RESIDUE.find(&s).map_or(0, |m| m.end());
    s.drain(..residue);
    let mut wire = None;
    if let Some(c) = WIRE_DATELINE.captures(&s) {
        let src = c["src"].trim().to_string();
        if !src.is_empty() && src.chars().any(char::is_alphabetic) {
            wire = Some(src);
        }
        let end = c.get(0).map_or(0, |m| m.end());
        s.drain(..end);
    }
    (s, wire)
}

/// The lede's first sentence, cut at a word boundary when long.
fn title_from_lede(lede: &str) -> String {
    let sentence = first_sentence(lede);
    if sentence.chars().count() <= DERIVED_TITLE_CHARS {
        return sentence.trim_end_matches('.').to_string();
    }
    let mut cut = 0;
    for (i, c) in sentence.char_indices() {
        if sentence[..i].chars().count() >= DERIVED_TITLE_CHARS {
            break;
        }
        if c == ' ' {
            cut = i;
        }
    }
    let head = sentence[..cut].trim_end_matches([',', ';', ':', ' ', '–', '—', '-']);
    format!("{head}…")
}

/// Up to the first full stop that ends a sentence (not "U.S." or "Mr.").
fn first_sentence(text: &str) -> &str {
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!') {
            let next = text[i + 1..].chars().next();
            let after = text[i + 1..].trim_start().chars().next();
            let prev_word = text[..i].rsplit(' ').next().unwrap_or("");
            let abbreviation = prev_word.len() <= 3
                && prev_word.chars().next().is_some_and(char::is_uppercase)
                || prev_word.contains('.');
            if next.is_none_or(|n| n == ' ')
                && after.is_none_or(|a| a.is_uppercase() || a == '“' || a == '"')
                && !abbreviation
            {
                return &text[..i + 1];
            }
        }
    }
    text
}

/// What makes two paragraphs "the same": their lower-cased letters and
/// digits, hashed (FNV-1a) with their count, so that comparing 100,000
/// paragraphs costs no allocation. (count, hash)
fn duplicate_key(p: &str) -> (usize, u64) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut n = 0;
    let mut eat = |c: u32| {
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0100_0000_01b3);
        n += 1;
    };
    let bytes = p.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                eat(u32::from(b.to_ascii_lowercase()));
            }
            i += 1;
        } else {
            let c = p[i..].chars().next().unwrap_or(' ');
            // Curly quotes and dashes (U+2000–U+206F) are common and never
            // letters: skip the Unicode table lookup for them.
            if !is_general_punctuation(c) && c.is_alphanumeric() {
                c.to_lowercase().for_each(|l| eat(l as u32));
            }
            i += c.len_utf8();
        }
    }
    (n, h)
}

/// A paragraph with soft line breaks read as spaces.
fn flatten(p: &str) -> String {
    p.replace('\n', " ").trim().to_string()
}

/// Words: white-space separated tokens holding a letter or digit; in
/// Chinese and Japanese, which do not space words, each ideograph or kana
/// counts as one (the usual convention for length and reading time).
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    // The current token holds a letter or digit of a spaced script.
    let mut spaced_word = false;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_whitespace() {
                words += usize::from(std::mem::take(&mut spaced_word));
            } else if c.is_ascii_alphanumeric() {
                spaced_word = true;
            }
        } else if is_general_punctuation(c) {
            // Quotes and dashes neither end nor make a word.
        } else if c.is_whitespace() {
            words += usize::from(std::mem::take(&mut spaced_word));
        } else if is_unspaced_script(c) {
            words += 1;
        } else if c.is_alphanumeric() {
            spaced_word = true;
        }
    }
    words + usize::from(spaced_word)
}

/// U+2000–U+206F: typographic quotes, dashes, ellipses, odd spaces.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// Han ideographs and Japanese kana.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::paragraphs::split_paragraphs;

    fn run(text: &str) -> Cleaned {
        clean(text, split_paragraphs(text), &KnownMeta::default())
    }

    fn kinds(text: &str) -> Vec<ParagraphKind> {
        run(text).paragraphs.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn headline_then_byline() {
        let c =
            run("Storm hits coast\n\nBy Jane Doe, Reuters\n\nThe storm hit the coast on Monday.");
        assert_eq!(c.title, "Storm hits coast");
        assert!(!c.title_derived);
        assert_eq!(c.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(
            kinds("Storm hits coast\n\nBy Jane Doe, Reuters\n\nThe storm hit the coast on Monday."),
            [
                ParagraphKind::Headline,
                ParagraphKind::Byline,
                ParagraphKind::Body
            ]
        );
    }

    #[test]
    fn byline_first_means_title_from_lede() {
        let c = run(
            "Source: Patrick Goodenough\n\n( – Cooperation between the two countries will only increase because the West is disrupting the foundations of the international system, the minister said.\n\nMore.",
        );
        assert!(c.title_derived);
        assert_eq!(c.byline.as_deref(), Some("Patrick Goodenough"));
        assert!(
            c.title.starts_with("Cooperation between the two countries"),
            "{}",
            c.title
        );
        assert!(c.title.ends_with('…'));
        assert!(c.title.chars().count() <= DERIVED_TITLE_CHARS + 1);
    }

    #[test]
    fn source_line_naming_an_outlet_is_a_source() {
        let c = run("Headline\n\nSource: The Associated Press\n\nBody text here.");
        assert_eq!(c.source.as_deref(), Some("The Associated Press"));
        assert_eq!(c.byline, None);
    }

    #[test]
    fn wire_dateline_gives_source_and_is_stripped_from_derived_title() {
        let c = run(
            "WASHINGTON (Reuters) - The U.S. Senate on Tuesday passed a bill to fund the government. It now goes to the House.",
        );
        assert_eq!(c.source.as_deref(), Some("Reuters"));
        assert_eq!(
            c.title,
            "The U.S. Senate on Tuesday passed a bill to fund the government"
        );
    }

    #[test]
    fn wire_datelines_with_dates_name_the_source_under_a_headline_too() {
        let c = run("Talks resume\n\nLONDON, March 3 (Reuters) - Talks resumed on Monday.");
        assert_eq!(c.source.as_deref(), Some("Reuters"));
        let c = run("Talks resume\n\nPARIS, 25 November (AFP) – Talks resumed.");
        assert_eq!(c.source.as_deref(), Some("AFP"));
        // A parenthesis in ordinary prose is not a dateline.
        let c = run("Talks resume\n\nThe minister (who arrived late) - and his aides - left.");
        assert_eq!(c.source, None);
    }

    #[test]
    fn repeated_headline_and_lowercase_byline_with_residue() {
        let text = "Russia’s Sergey Lavrov in China\n\nRussia’s Sergey Lavrov in China\n\nby Stephen Lendman ( – Home – Stephen Lendman)\n\nBody of the article follows here.";
        let c = run(text);
        assert_eq!(c.title, "Russia’s Sergey Lavrov in China");
        assert_eq!(c.byline.as_deref(), Some("Stephen Lendman"));
        assert_eq!(
            kinds(text),
            [
                ParagraphKind::Headline,
                ParagraphKind::Duplicate(0),
                ParagraphKind::Byline,
                ParagraphKind::Body
            ]
        );
    }

    #[test]
    fn captions_and_their_repeats() {
        let cap = "The minister meets the president in Beijing on Tuesday. PHOTO: REUTERS";
        let text = format!("Title here\n\n{cap}\n{cap}\n\nBody.");
        assert_eq!(
            kinds(&text),
            [
                ParagraphKind::Headline,
                ParagraphKind::Caption,
                ParagraphKind::Duplicate(1),
                ParagraphKind::Body
            ]
        );
    }

    #[test]
    fn write_to_footer_names_reporters() {
        let c = run("Title\n\nBody text.\n\nWrite to Austin Ramzy at and Ann M. Simmons at");
        assert_eq!(c.byline.as_deref(), Some("Austin Ramzy and Ann M. Simmons"));
    }

    #[test]
    fn a_sentence_starting_with_by_is_not_a_byline() {
        let c = run("Talks stall\n\nBy Tuesday, officials had left the city without a deal.");
        assert_eq!(c.byline, None);
        assert_eq!(c.paragraphs[1].kind, ParagraphKind::Body);
    }

    #[test]
    fn scraps_between_boilerplate_are_furniture() {
        let text = "Title\n\nStory sentence here.\n\nLeave a Reply\n\nLinkedIn picture\n\nYou are commenting using your account. Log Out /  Change )\n\nShort end";
        let k = kinds(text);
        assert_eq!(k[3], ParagraphKind::Boilerplate("page furniture"));
        assert_eq!(k[5], ParagraphKind::Boilerplate("page furniture"));
        // A short subheading inside the story is left alone.
        let k = kinds("Title\n\nStory one.\n\nNo business as usual\n\nStory two.");
        assert_eq!(k[2], ParagraphKind::Body);
    }

    #[test]
    fn dateline_is_meta() {
        let c = run("Big news today\n\nPublished March 19, 2022\n\nBody.");
        assert_eq!(c.date.as_deref(), Some("March 19, 2022"));
    }

    #[test]
    fn long_first_paragraph_is_not_a_headline() {
        let c = run(
            "The central bank raised interest rates by half a percentage point on Wednesday, its biggest increase in two decades, as it fights inflation.\n\nMore.",
        );
        assert!(c.title_derived);
        assert!(c.title.starts_with("The central bank raised"));
    }

    #[test]
    fn known_title_marks_matching_headline() {
        let text = "A title\n\nBody here.";
        let known = KnownMeta {
            title: Some("A title".into()),
            ..KnownMeta::default()
        };
        let c = clean(text, split_paragraphs(text), &known);
        assert_eq!(c.paragraphs[0].kind, ParagraphKind::Headline);
        assert_eq!(c.words, 4);
    }

    #[test]
    fn words_exclude_noise() {
        let c = run("Title words\n\nADVERTISEMENT\n\nOne two three.");
        assert_eq!(c.words, 5);
    }
}
