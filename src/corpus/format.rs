//! Which reader a file's bytes go to. A file found in a directory or named
//! on the command line is known by its extension (a `.txt` that happens to
//! start with `[` stays text); standard input has no name, so it is known
//! by its content: what `cat export.json | saidso -` means.

use std::path::Path;

/// A file's format, as far as reading it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    /// CommonMark, with YAML front matter (`.md`, `.markdown`; never told
    /// by content: a `---` line and a `#` start plenty of plain text).
    Markdown,
    /// One JSON document: an article, or a list of them.
    Json,
    /// One JSON record a line.
    Jsonl,
    /// A saved web page.
    Html,
    /// A news database's export: a header row, a record a row.
    Csv,
    /// RSS, Atom or JSON Feed: an item an article.
    Feed,
    /// A web archive: an archived HTML page an article.
    Warc,
}

/// The extensions read when walking a directory, and as what (any case).
const BY_EXTENSION: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("text", Format::Text),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("json", Format::Json),
    ("jsonl", Format::Jsonl),
    ("ndjson", Format::Jsonl),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("xhtml", Format::Html),
    ("csv", Format::Csv),
    ("rss", Format::Feed),
    ("atom", Format::Feed),
    ("xml", Format::Feed),
    ("warc", Format::Warc),
];

impl Format {
    /// By the file's extension; None for one saidso does not read (a
    /// directory's other files are skipped and counted).
    pub fn known(path: &Path) -> Option<Format> {
        // `a.html.gz`: the format inside.
        if let Some((_, inner)) = super::compressed::Compression::of_path(path) {
            return Format::known(&inner);
        }
        let ext = path.extension()?.to_str()?;
        BY_EXTENSION
            .iter()
            .find(|(e, _)| e.eq_ignore_ascii_case(ext))
            .map(|(_, f)| *f)
    }

    /// A `.json` file that is a JSON Feed is a feed.
    pub fn refine(self, bytes: &[u8]) -> Format {
        match self {
            Format::Json if is_json_feed(bytes) => Format::Feed,
            other => other,
        }
    }

    /// By the file's extension; a file named on the command line with
    /// another is read as text.
    pub fn of_path(path: &Path) -> Format {
        Format::known(path).unwrap_or(Format::Text)
    }

    /// By the bytes themselves: JSON starts with `[` or `{` (after a byte
    /// order mark and blank space); a first line that is a whole JSON
    /// object followed by more lines is JSON Lines. Anything else is text.
    pub fn sniff(bytes: &[u8]) -> Format {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
        let Some(rest) = start.map(|s| &bytes[s..]) else {
            return Format::Text;
        };
        if looks_like_html(rest) {
            return Format::Html;
        }
        if super::warc::looks_like_warc(rest) {
            return Format::Warc;
        }
        if looks_like_feed(rest) {
            return Format::Feed;
        }
        match rest.first() {
            Some(b'[') => Format::Json,
            Some(b'{') => {
                let line_end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                let more = rest[line_end..].iter().any(|b| !b.is_ascii_whitespace());
                let whole_line =
                    serde_json::from_slice::<serde::de::IgnoredAny>(&rest[..line_end]).is_ok();
                if more && whole_line {
                    Format::Jsonl
                } else {
                    Format::Json
                }
            }
            _ => Format::Text,
        }
    }
}

/// XML (a feed, by far the likeliest XML a reader is given), or a JSON
/// Feed.
fn looks_like_feed(rest: &[u8]) -> bool {
    let lower = rest[..rest.len().min(64)].to_ascii_lowercase();
    lower.starts_with(b"<?xml")
        || lower.starts_with(b"<rss")
        || lower.starts_with(b"<feed")
        || is_json_feed(rest)
}

/// A JSON object that names the JSON Feed version near its start.
fn is_json_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        && head.windows(20).any(|w| w == b"jsonfeed.org/version")
}

/// A page starts with a doctype, `<html` or `<head` (after comments are
/// allowed for, loosely: a `<!--` start counts when `<html` follows soon).
fn looks_like_html(rest: &[u8]) -> bool {
    let head = &rest[..rest.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
        || (lower.starts_with(b"<!--") && lower.windows(5).any(|w| w == b"<html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_input_is_known_by_its_content() {
        assert_eq!(Format::sniff(b"  [{\"title\": \"A\"}]"), Format::Json);
        assert_eq!(
            Format::sniff(b"\xef\xbb\xbf{\"title\": \"A\",\n \"text\": \"B\"}\n"),
            Format::Json
        );
        assert_eq!(
            Format::sniff(b"{\"title\": \"A\"}\n{\"title\": \"B\"}\n"),
            Format::Jsonl
        );
        assert_eq!(Format::sniff(b"{\"title\": \"A\"}\n"), Format::Json);
        assert_eq!(Format::sniff(b"Headline\n\n[Updated] text"), Format::Text);
        assert_eq!(Format::sniff(b"   \n"), Format::Text);
        assert_eq!(Format::sniff(b"\n<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"<html lang=en>"), Format::Html);
        assert_eq!(Format::sniff(b"<b>bold</b> text"), Format::Text);
        assert_eq!(Format::sniff(b"<?xml version=\"1.0\"?><rss>"), Format::Feed);
        assert_eq!(
            Format::sniff(b"{\"version\": \"https://jsonfeed.org/version/1.1\"}"),
            Format::Feed
        );
        assert_eq!(
            Format::Json.refine(b"{\"version\": \"https://jsonfeed.org/version/1\"}"),
            Format::Feed
        );
        assert_eq!(Format::Json.refine(b"[{\"title\": \"x\"}]"), Format::Json);
    }

    #[test]
    fn files_are_known_by_their_extension() {
        assert_eq!(Format::of_path(Path::new("a/b.JSON")), Format::Json);
        assert_eq!(Format::of_path(Path::new("b.ndjson")), Format::Jsonl);
        assert_eq!(Format::of_path(Path::new("b.txt")), Format::Text);
        assert_eq!(Format::of_path(Path::new("b.MD")), Format::Markdown);
        assert_eq!(
            Format::known(Path::new("b.markdown.gz")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::of_path(Path::new("page.HTM")), Format::Html);
        assert_eq!(Format::known(Path::new("x.png")), None);
        assert_eq!(Format::of_path(Path::new("notes")), Format::Text);
    }
}
