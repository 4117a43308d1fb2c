//! How one file's result and the cache's index are stored: serde mirror
//! types encoded with postcard, and the checks every value passes on the
//! way back in.
//!
//! The mirrors keep the on-disk form apart from the article model (a new
//! field on [`Article`] does not silently change the format), and borrow
//! their texts from the bytes read, so decoding copies each text once,
//! after it has been checked. Nothing read is trusted: every text must be
//! free of anything a terminal would act on, every byte range must lie
//! within the article's text on character boundaries, a duplicate must
//! point back to an earlier paragraph, a boilerplate reason must be one
//! the patterns give, and an entry must end exactly where its bytes end.

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{FileResult, FileStamp, Slot};
use crate::corpus::article::{Article, Emphasis, LoadNote, Origin, Paragraph, ParagraphKind};
use crate::corpus::boilerplate::known_reason;
use crate::corpus::load::{LoadProblem, Severity};
use crate::corpus::mapped::MappedFile;
use crate::corpus::offsets::OffsetMap;
use crate::corpus::sanitize::is_terminal_safe;
use crate::corpus::text::Text;

/// One file's result as stored.
#[derive(Serialize, Deserialize)]
struct StoredResult<'a> {
    #[serde(borrow)]
    articles: Vec<StoredArticle<'a>>,
    #[serde(borrow)]
    problems: Vec<StoredProblem<'a>>,
}

#[derive(Serialize, Deserialize)]
struct StoredArticle<'a> {
    path: &'a str,
    #[serde(borrow)]
    origin: StoredOrigin<'a>,
    text: &'a str,
    title: &'a str,
    title_derived: bool,
    #[serde(borrow)]
    byline: Option<&'a str>,
    #[serde(borrow)]
    source: Option<&'a str>,
    #[serde(borrow)]
    date: Option<&'a str>,
    #[serde(borrow)]
    url: Option<&'a str>,
    #[serde(borrow)]
    paragraphs: Vec<StoredParagraph<'a>>,
    residue: Vec<Range<usize>>,
    emphasis: Vec<(Range<usize>, StoredEmphasis)>,
    words: usize,
    /// Each note's text, and whether it is a repair.
    #[serde(borrow)]
    notes: Vec<(&'a str, bool)>,
    content_hash: u64,
    file_offsets: Vec<(usize, usize)>,
}

#[derive(Serialize, Deserialize)]
enum StoredOrigin<'a> {
    Embedded,
    File(#[serde(borrow)] Cow<'a, str>),
    JsonRecord(#[serde(borrow)] Cow<'a, str>),
    Stdin,
}

#[derive(Serialize, Deserialize)]
struct StoredParagraph<'a> {
    range: Range<usize>,
    #[serde(borrow)]
    kind: StoredKind<'a>,
}

#[derive(Serialize, Deserialize)]
enum StoredKind<'a> {
    Headline,
    Byline,
    Body,
    Caption,
    /// The reason, by name: matched against the patterns' on reading.
    Boilerplate(&'a str),
    Duplicate(usize),
}

#[derive(Serialize, Deserialize)]
enum StoredEmphasis {
    Italic,
    Bold,
}

#[derive(Serialize, Deserialize)]
struct StoredProblem<'a> {
    path: &'a str,
    problem: &'a str,
    severity: StoredSeverity,
}

#[derive(Serialize, Deserialize)]
enum StoredSeverity {
    Skipped,
    Repaired,
    Noted,
}

/// One row of the index: a file, its stamp and where its entry lies.
#[derive(Serialize, Deserialize)]
pub(super) struct IndexRow<'a> {
    pub path: &'a str,
    pub size: u64,
    pub mtime_ns: i128,
    pub range: Range<u64>,
    /// CRC-32 of the entry's bytes.
    pub crc: u32,
}

/// `None` only if serde reports an error, which these types never give.
pub(super) fn encode_result(r: &FileResult) -> Option<Vec<u8>> {
    let stored = StoredResult {
        articles: r.articles.iter().map(stored_article).collect(),
        problems: r
            .problems
            .iter()
            .map(|p| StoredProblem {
                path: &p.path,
                problem: &p.problem,
                severity: match p.severity {
                    Severity::Skipped => StoredSeverity::Skipped,
                    Severity::Repaired => StoredSeverity::Repaired,
                    Severity::Noted => StoredSeverity::Noted,
                },
            })
            .collect(),
    };
    postcard::to_stdvec(&stored).ok()
}

fn stored_article(a: &Article) -> StoredArticle<'_> {
    StoredArticle {
        path: &a.path,
        origin: match &a.origin {
            Origin::Embedded => StoredOrigin::Embedded,
            Origin::File(p) => StoredOrigin::File(p.to_string_lossy()),
            Origin::JsonRecord(p) => StoredOrigin::JsonRecord(p.to_string_lossy()),
            Origin::Stdin => StoredOrigin::Stdin,
        },
        file_offsets: a.file_offsets.points().to_vec(),
        text: &a.text,
        title: &a.title,
        title_derived: a.title_derived,
        byline: a.byline.as_deref(),
        source: a.source.as_deref(),
        date: a.date.as_deref(),
        url: a.url.as_deref(),
        paragraphs: a
            .paragraphs
            .iter()
            .map(|p| StoredParagraph {
                range: p.range(),
                kind: match p.kind {
                    ParagraphKind::Headline => StoredKind::Headline,
                    ParagraphKind::Byline => StoredKind::Byline,
                    ParagraphKind::Body => StoredKind::Body,
                    ParagraphKind::Caption => StoredKind::Caption,
                    ParagraphKind::Boilerplate(reason) => StoredKind::Boilerplate(reason),
                    ParagraphKind::Duplicate(of) => StoredKind::Duplicate(of),
                },
            })
            .collect(),
        residue: a.residue.clone(),
        emphasis: a
            .emphasis
            .iter()
            .map(|(r, e)| {
                let e = match e {
                    Emphasis::Italic => StoredEmphasis::Italic,
                    Emphasis::Bold => StoredEmphasis::Bold,
                };
                (r.clone(), e)
            })
            .collect(),
        words: a.words,
        notes: a
            .notes
            .iter()
            .map(|n| (n.text.as_str(), n.repair))
            .collect(),
        content_hash: a.content_hash,
    }
}

/// A stored result, or `None` when any part of it fails a check.
/// Texts that lie in `map` stay there.
pub(super) fn decode_result(bytes: &[u8], map: Option<&MappedFile>) -> Option<FileResult> {
    let stored: StoredResult = decode_exact(bytes)?;
    let articles = stored
        .articles
        .into_iter()
        .map(|a| article(a, map))
        .collect::<Option<Vec<_>>>()?;
    let problems = stored
        .problems
        .into_iter()
        .map(|p| {
            Some(LoadProblem {
                path: text(p.path)?,
                problem: text(p.problem)?,
                severity: match p.severity {
                    StoredSeverity::Skipped => Severity::Skipped,
                    StoredSeverity::Repaired => Severity::Repaired,
                    StoredSeverity::Noted => Severity::Noted,
                },
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(FileResult { articles, problems })
}

fn article(a: StoredArticle, map: Option<&MappedFile>) -> Option<Article> {
    let origin = match a.origin {
        StoredOrigin::Embedded => Origin::Embedded,
        StoredOrigin::File(p) => Origin::File(PathBuf::from(safe(&p)?)),
        StoredOrigin::JsonRecord(p) => Origin::JsonRecord(PathBuf::from(safe(&p)?)),
        StoredOrigin::Stdin => Origin::Stdin,
    };
    let checked = safe(a.text)?;
    let body = match map {
        Some(map) => map.text(checked),
        None => Text::from(checked),
    };
    // Offsets must fall on characters within the text, or slicing would
    // panic later.
    let within = |r: &Range<usize>| {
        r.start <= r.end && body.is_char_boundary(r.start) && body.is_char_boundary(r.end)
    };
    let mut paragraphs = Vec::with_capacity(a.paragraphs.len());
    for (i, p) in a.paragraphs.into_iter().enumerate() {
        if !within(&p.range) {
            return None;
        }
        let kind = match p.kind {
            StoredKind::Headline => ParagraphKind::Headline,
            StoredKind::Byline => ParagraphKind::Byline,
            StoredKind::Body => ParagraphKind::Body,
            StoredKind::Caption => ParagraphKind::Caption,
            StoredKind::Boilerplate(reason) => ParagraphKind::Boilerplate(known_reason(reason)?),
            // A repeat of an earlier paragraph, or the entry is damaged.
            StoredKind::Duplicate(of) => ParagraphKind::Duplicate(Some(of).filter(|&of| of < i)?),
        };
        paragraphs.push(Paragraph {
            start: p.range.start,
            end: p.range.end,
            kind,
        });
    }
    if !a.residue.iter().all(within) || !a.emphasis.iter().all(|(r, _)| within(r)) {
        return None;
    }
    let emphasis = a
        .emphasis
        .into_iter()
        .map(|(r, e)| {
            let e = match e {
                StoredEmphasis::Italic => Emphasis::Italic,
                StoredEmphasis::Bold => Emphasis::Bold,
            };
            (r, e)
        })
        .collect();
    let notes = a
        .notes
        .into_iter()
        .map(|(n, repair)| text(n).map(|text| LoadNote { text, repair }))
        .collect::<Option<Vec<_>>>()?;
    Some(Article {
        path: text(a.path)?,
        origin,
        title: text(a.title)?,
        title_derived: a.title_derived,
        byline: optional(a.byline)?,
        source: optional(a.source)?,
        date: optional(a.date)?,
        url: optional(a.url)?,
        paragraphs: paragraphs.into(),
        residue: a.residue,
        emphasis,
        words: a.words,
        notes,
        content_hash: a.content_hash,
        file_offsets: OffsetMap::from_points(a.file_offsets)?,
        text: body,
    })
}

/// The index of a cache file, encoded.
pub(super) fn encode_index(rows: &[IndexRow]) -> Option<Vec<u8>> {
    postcard::to_stdvec(rows).ok()
}

/// The index's rows, every range inside `0..limit` and past the header
/// of `header` bytes; `None` when any row is amiss.
pub(super) fn decode_index(bytes: &[u8], header: u64, limit: u64) -> Option<Vec<(String, Slot)>> {
    let rows: Vec<IndexRow> = decode_exact(bytes)?;
    rows.into_iter()
        .map(|row| {
            let Range { start, end } = row.range;
            if start < header || start > end || end > limit {
                return None;
            }
            let stamp = FileStamp {
                size: row.size,
                mtime_ns: row.mtime_ns,
            };
            let slot = Slot {
                stamp,
                range: row.range,
                crc: row.crc,
            };
            Some((text(row.path)?, slot))
        })
        .collect()
}

/// A value that takes up exactly `bytes`: trailing bytes are damage too.
fn decode_exact<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// Text that may reach the screen: nothing a terminal would act on.
/// (Valid UTF-8 is already checked by decoding into `str`.)
fn safe(s: &str) -> Option<&str> {
    is_terminal_safe(s).then_some(s)
}

fn text(s: &str) -> Option<String> {
    safe(s).map(str::to_string)
}

/// `Some(None)` for an absent text, `None` for an unsafe one.
fn optional(s: Option<&str>) -> Option<Option<String>> {
    match s {
        None => Some(None),
        Some(s) => text(s).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored<'a>(text: &'a str, paragraphs: Vec<StoredParagraph<'a>>) -> StoredResult<'a> {
        StoredResult {
            articles: vec![StoredArticle {
                path: "a.txt",
                origin: StoredOrigin::File(Cow::Borrowed("dir/a.txt")),
                text,
                title: "Title",
                title_derived: false,
                byline: None,
                source: Some("Reuters"),
                date: None,
                url: None,
                paragraphs,
                residue: vec![Range { start: 0, end: 2 }],
                emphasis: vec![(Range { start: 7, end: 10 }, StoredEmphasis::Bold)],
                words: 2,
                notes: vec![],
                content_hash: 7,
                file_offsets: Vec::new(),
            }],
            problems: vec![],
        }
    }

    fn para(range: Range<usize>, kind: StoredKind) -> StoredParagraph {
        StoredParagraph { range, kind }
    }

    fn decodes(r: &StoredResult) -> bool {
        decode_result(&postcard::to_stdvec(r).expect("encodes"), None).is_some()
    }

    #[test]
    fn only_values_that_pass_every_check_are_taken() {
        const PAGE: &str = crate::corpus::boilerplate::PAGE_FURNITURE;
        let text = "Title\n\nBé";
        let good = || {
            vec![
                para(0..5, StoredKind::Headline),
                para(7..10, StoredKind::Boilerplate(PAGE)),
            ]
        };
        assert!(decodes(&stored(text, good())));
        // A reason no rule gives, a range past the text or inside a
        // character, a duplicate of a later paragraph.
        let mut bad = good();
        bad[1].kind = StoredKind::Boilerplate("made up");
        assert!(!decodes(&stored(text, bad)));
        #[expect(clippy::reversed_empty_ranges, reason = "a damaged range")]
        let backwards = 5..4;
        for range in [7..11, 7..9, backwards] {
            let mut bad = good();
            bad[1].range = range;
            assert!(!decodes(&stored(text, bad)));
        }
        let mut bad = good();
        bad[0].kind = StoredKind::Duplicate(0);
        assert!(!decodes(&stored(text, bad)));
        let mut r = stored(text, good());
        r.articles[0].residue = vec![Range { start: 8, end: 9 }];
        assert!(!decodes(&r));
        // Emphasis past the text or inside a character.
        for range in [7..11, 7..9] {
            let mut r = stored(text, good());
            r.articles[0].emphasis = vec![(range, StoredEmphasis::Italic)];
            assert!(!decodes(&r));
        }
        let mut r = stored(text, good());
        r.articles[0].source = Some("\u{9b}31m");
        assert!(!decodes(&r));
        // Trailing bytes, and an enum tag out of range.
        let mut bytes = postcard::to_stdvec(&stored(text, good())).expect("encodes");
        bytes.push(0);
        assert!(decode_result(&bytes, None).is_none());
        let problem = StoredResult {
            articles: vec![],
            problems: vec![StoredProblem {
                path: "a",
                problem: "b",
                severity: StoredSeverity::Repaired,
            }],
        };
        let mut bytes = postcard::to_stdvec(&problem).expect("encodes");
        assert!(decode_result(&bytes, None).is_some());
        *bytes.last_mut().expect("a tag") = 3;
        assert!(decode_result(&bytes, None).is_none());
    }

    #[test]
    fn index_ranges_stay_between_header_and_index() {
        let row = |range| IndexRow {
            path: "a.txt",
            size: 1,
            mtime_ns: -1,
            range,
            crc: 0,
        };
        let ok = encode_index(&[row(8..20)]).expect("encodes");
        assert_eq!(decode_index(&ok, 8, 20).map(|r| r.len()), Some(1));
        #[expect(clippy::reversed_empty_ranges, reason = "a damaged range")]
        let backwards = 12..10;
        for range in [4..20, 8..21, backwards] {
            let bad = encode_index(&[row(range)]).expect("encodes");
            assert!(decode_index(&bad, 8, 20).is_none());
        }
    }
}
