//! The article model: one news article as the rest of saidso sees it.
//!
//! An [`Article`] owns its sanitised text; everything else (paragraphs,
//! quotes, search hits, screen lines) refers to it by byte ranges, so that a
//! match or a quote can always be traced back to the exact words it covers.

use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;

/// Where an article came from; used for display and for re-reading files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "path")]
pub enum Origin {
    /// Compiled into the binary (the bundled seed articles).
    Embedded,
    /// A plain-text or Markdown file.
    File(PathBuf),
    /// One record of a `.json` or `.jsonl` file.
    JsonRecord(PathBuf),
    /// Read from standard input (`-`).
    Stdin,
}

/// What a paragraph is, as far as the reader is concerned.
///
/// Only `Headline` and `Body` are the story proper; the rest is shown but
/// set apart (dimmed), and `Boilerplate`/`Duplicate` can be hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// The article's headline (shown in the reader's header).
    Headline,
    /// "By …", "Source: …": who wrote it (shown in the header).
    Byline,
    /// Story text.
    Body,
    /// A photo caption or credit line.
    Caption,
    /// Navigation, promotion, comment forms, footers: not the story.
    Boilerplate(&'static str),
    /// The same text as an earlier paragraph (index of the first one).
    Duplicate(usize),
}

impl ParagraphKind {
    /// Story text that quotes and search should consider.
    pub fn is_story(self) -> bool {
        matches!(self, Self::Headline | Self::Body | Self::Caption)
    }

    /// Shown in the reader's header (the headline and byline), not its body.
    pub fn is_header(self) -> bool {
        matches!(self, Self::Headline | Self::Byline)
    }

    /// Text that is not the story and that a key hides.
    pub fn is_noise(self) -> bool {
        matches!(self, Self::Boilerplate(_) | Self::Duplicate(_))
    }

    /// Text search looks in: all but repeats of an earlier paragraph
    /// (found there). Boilerplate is searched, ranked below the story.
    pub fn is_searchable(self) -> bool {
        !matches!(self, Self::Duplicate(_))
    }
}

/// A paragraph: a byte range of [`Article::text`] and what it is.
///
/// The range may span several source lines when a paragraph was hard-wrapped;
/// a `'\n'` inside it is a soft line break and reads as a space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
}

impl Paragraph {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Emphasis a source marked (Markdown's `*x*` and `**x**`), which the
/// reader shows as style rather than as the characters that marked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Emphasis {
    Italic,
    Bold,
}

/// Something worth telling the user about how an article was read: a
/// repair made to its text (invalid UTF-8, escapes removed), or a fact
/// about what it holds (a feed's summary only, a record without text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadNote {
    pub text: String,
    /// The text was changed on the way in.
    pub repair: bool,
}

impl LoadNote {
    pub fn repair(text: impl Into<String>) -> Self {
        LoadNote {
            text: text.into(),
            repair: true,
        }
    }

    pub fn fact(text: impl Into<String>) -> Self {
        LoadNote {
            text: text.into(),
            repair: false,
        }
    }
}

/// One article.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// What identifies the article to the user: the file path as given, or
    /// the bare file name for bundled articles (`000_….txt`).
    pub path: String,
    pub origin: Origin,
    /// The sanitised text: valid UTF-8, no control characters or escape
    /// sequences, `\n` line ends. Every offset in saidso points into this.
    pub text: super::text::Text,
    pub title: String,
    /// True when no headline was found and the title was made from the lede.
    pub title_derived: bool,
    pub byline: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub paragraphs: std::sync::Arc<[Paragraph]>,
    /// Link residue ("( – " where a link was stripped): byte ranges of
    /// `text`, sorted, shown dimmed.
    pub residue: Vec<Range<usize>>,
    /// Italic and bold stretches: byte ranges of `text`, sorted by start.
    /// `***x***` is two entries over the same range, one of each kind.
    /// Empty for every format but Markdown.
    pub emphasis: Vec<(Range<usize>, Emphasis)>,
    /// Words of story text (boilerplate, duplicates and byline not counted).
    pub words: usize,
    /// Where offsets of `text` are in the file as read (decoded): the
    /// identity for JSON records, whose text is made of their fields.
    #[serde(skip)]
    pub file_offsets: super::offsets::OffsetMap,
    /// How the text was repaired on the way in (invalid UTF-8, escapes…),
    /// and what is worth knowing about it (summary only…).
    pub notes: Vec<LoadNote>,
    /// Stable hash of `text`, for keeping reading state across renames.
    pub content_hash: u64,
}

impl Article {
    /// The text of paragraph `i`, soft line breaks included.
    pub fn paragraph_text(&self, i: usize) -> &str {
        let p = &self.paragraphs[i];
        &self.text[p.start..p.end]
    }

    /// Indices and texts of the paragraphs that are story text.
    pub fn story_paragraphs(&self) -> impl Iterator<Item = (usize, &str)> {
        self.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind.is_story())
            .map(|(i, p)| (i, &self.text[p.start..p.end]))
    }

    /// The publication date, when `date` reads as one (see
    /// [`super::date`]).
    pub fn published(&self) -> Option<super::date::NewsDate> {
        self.date.as_deref().and_then(super::date::parse)
    }

    /// The outlet it is shown under: its source, else its path (an article
    /// without one counts as its own outlet).
    pub fn outlet(&self) -> &str {
        self.source.as_deref().unwrap_or(&self.path)
    }

    /// The story as the reader shows it with boilerplate and repeats hidden:
    /// the body paragraphs (captions too), without the headline and byline
    /// (the header shows those), a blank line between paragraphs.
    pub fn shown_text(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        for p in self.paragraphs.iter() {
            if p.kind.is_noise() || p.kind.is_header() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&self.text[p.start..p.end]);
        }
        out
    }

    /// Index of the paragraph holding byte `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= offset).then_some(i)
    }

    /// Minutes a reader needs at 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(230).max(1)
    }

    /// The paragraph used as headline, when the article has one.
    pub fn headline_paragraph(&self) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.kind == ParagraphKind::Headline)
    }
}

/// FNV-1a over the text: stable across Rust releases and platforms, unlike
/// `std`'s hasher, so it can key state saved on disk.
pub fn content_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The distinct outlets of `articles`, in the order of each one's first
/// article, told apart case-insensitively. Made again from the articles
/// whenever statements and stories are read back from the store, so a
/// path standing in for an outlet is the one typed this time.
pub fn distinct_outlets<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<String> {
    distinct_ignoring_case(articles.into_iter().map(Article::outlet))
}

/// The distinct `names`, in order of first appearance, told apart without
/// ASCII case (outlets, carriers). Linear in the names: a statement
/// carried by 10,000 articles without a source (each its own outlet) is
/// not 10,000² comparisons.
pub fn distinct_ignoring_case<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for name in names {
        if seen.insert(name.to_ascii_lowercase()) {
            out.push(name.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_are_told_apart_without_case_in_first_seen_order() {
        let with = |source: Option<&str>, path: &str| {
            let mut a =
                super::super::assemble::article_from_bytes(path.into(), Origin::Stdin, b"Text.\n");
            a.source = source.map(str::to_string);
            a
        };
        let articles = [
            with(Some("Reuters"), "a"),
            with(None, "b.txt"),
            with(Some("REUTERS"), "c"),
            with(Some("AP"), "d"),
            with(None, "B.TXT"),
        ];
        assert_eq!(distinct_outlets(&articles), ["Reuters", "b.txt", "AP"]);
    }

    #[test]
    fn content_hash_is_stable() {
        // Fixed value: a change here would orphan every user's reading state.
        // Published FNV-1a test vectors.
        assert_eq!(content_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(content_hash("foobar"), 0x8594_4171_f739_67e8);
    }
}
