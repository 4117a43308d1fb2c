//! Building an [`Article`] from raw bytes or from already-known fields.

use super::article::{Article, LoadNote, Origin, content_hash};
use super::clean::{KnownMeta, clean};
use super::paragraphs::split_paragraphs;
use super::sanitize::{SanitizeReport, sanitize, sanitize_mapped};

/// An article from the raw bytes of a text or Markdown file.
pub fn article_from_bytes(path: String, origin: Origin, bytes: &[u8]) -> Article {
    let (text, report, offsets) = sanitize_mapped(bytes);
    Article {
        file_offsets: offsets,
        ..assemble(path, origin, text, report, KnownMeta::default(), None)
    }
}

/// Fields of a structured (JSON) article, before sanitising.
#[derive(Debug, Default, Clone)]
pub struct ArticleFields {
    pub title: Option<String>,
    pub body: String,
    pub byline: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// An article from structured fields. Its text is the title, a blank line
/// and the body, so that offsets cover everything the reader shows.
pub fn article_from_fields(path: String, origin: Origin, fields: ArticleFields) -> Article {
    let mut report = SanitizeReport::default();
    let mut field = |s: Option<String>| -> Option<String> {
        let (t, r) = sanitize(s?.as_bytes());
        merge(&mut report, r);
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        (!t.is_empty()).then_some(t)
    };
    let title = field(fields.title);
    let byline = field(fields.byline);
    let source = field(fields.source);
    let date = field(fields.date);
    let url = field(fields.url);
    let (body, r) = sanitize(fields.body.as_bytes());
    merge(&mut report, r);
    let text = match &title {
        Some(t) => format!("{t}\n\n{body}"),
        None => body,
    };
    let known = KnownMeta {
        title,
        byline,
        source,
        date,
    };
    assemble(path, origin, text, report, known, url)
}

pub(super) fn merge(into: &mut SanitizeReport, r: SanitizeReport) {
    into.invalid_utf8 += r.invalid_utf8;
    into.escapes += r.escapes;
    into.controls += r.controls;
    into.bidi += r.bidi;
}

fn assemble(
    path: String,
    origin: Origin,
    text: String,
    report: SanitizeReport,
    known: KnownMeta,
    url: Option<String>,
) -> Article {
    let ranges = split_paragraphs(&text);
    let cleaned = clean(&text, ranges, &known);
    Article {
        path,
        origin,
        content_hash: content_hash(&text),
        text: text.into(),
        title: cleaned.title,
        title_derived: cleaned.title_derived,
        byline: cleaned.byline,
        source: cleaned.source,
        date: cleaned.date,
        url,
        paragraphs: cleaned.paragraphs.into(),
        words: cleaned.words,
        file_offsets: Default::default(),
        residue: cleaned.residue,
        emphasis: Vec::new(),
        notes: report.notes().into_iter().map(LoadNote::repair).collect(),
    }
}
