//! Telling the parts of an article apart: headline, byline, story, captions,
//! boilerplate and repeats; and deriving a title when there is no headline.
//!
//! Nothing is removed: every paragraph keeps its text and gets a
//! [`ParagraphKind`], and the reader decides how to show it.
//!
//! This file runs the steps in order and recognises captions and repeats;
//! what each kind of paragraph looks like is in [`super::boilerplate`],
//! `meta` (bylines, datelines), `headline` and `words` (the duplicate key).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::article::{Paragraph, ParagraphKind};
use super::boilerplate::{PAGE_FURNITURE, boilerplate_reason, residue_ranges};
use super::headline::{looks_like_headline, strip_lede_prefix, title_from_lede};
use super::meta::{
    DATE_LINE, FOOTER_WINDOW, MAX_META_CHARS, META_WINDOW, MetaName, WRITE_TO, clean_name,
    match_byline,
};
use super::pattern::Pattern;
use super::words::{duplicate_key, flatten};

/// Kept here, where callers have always found them.
pub use super::headline::title_case;
pub use super::words::count_words;

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

/// Shorter paragraphs repeat by chance ("Photo", "Continued"): not flagged.
const MIN_DUPLICATE_KEY: usize = 12;

/// Photo captions and credits.
static CAPTION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::ci(
        r"(?:(?-u:\b)(?:photo|image|picture|illustration|video|file photo|photograph)s?(?:\s+credit)?\s*:\s*\S.*$|\((?:photo|image|picture|credit)s?(?-u:\b)[^)]*\)$|/\s*(?:reuters|afp|ap|getty images|epa|bloomberg|shutterstock)\s*$|^(?:photo|image|caption)\s*:)",
    )
});

/// A caption credit ("PHOTO: REUTERS") is a short tail; a long match is a
/// sentence that happens to say "photo:".
const MAX_CAPTION_CREDIT_CHARS: usize = 80;
const MAX_CAPTION_BYTES: usize = 400;

fn is_caption(p: &str) -> bool {
    CAPTION
        .find(p)
        .is_some_and(|m| m.start() == 0 || m.as_str().chars().count() <= MAX_CAPTION_CREDIT_CHARS)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::headline::DERIVED_TITLE_CHARS;
    use crate::corpus::paragraphs::split_paragraphs;

    fn run(text: &str) -> Cleaned {
        clean(text, split_paragraphs(text), &KnownMeta::default())
    }

    fn kinds(text: &str) -> Vec<ParagraphKind> {
        run(text).paragraphs.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn caption_pattern_compiles() {
        assert!(CAPTION.compiled());
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
