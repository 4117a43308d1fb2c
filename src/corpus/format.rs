//! Which reader a file's bytes go to. A file found in a directory or named
//! on the command line is known by its extension (a `.txt` that happens to
//! start with `[` stays text); standard input has no name, so it is known
//! by its content: what `cat export.json | saidso -` means.

use std::path::Path;

use super::walk::{JSON_EXTENSIONS, JSONL_EXTENSIONS, has_extension};

/// A file's format, as far as reading it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    /// One JSON document: an article, or a list of them.
    Json,
    /// One JSON record a line.
    Jsonl,
}

impl Format {
    /// By the file's extension.
    pub fn of_path(path: &Path) -> Format {
        if has_extension(path, JSON_EXTENSIONS) {
            Format::Json
        } else if has_extension(path, JSONL_EXTENSIONS) {
            Format::Jsonl
        } else {
            Format::Text
        }
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
    }

    #[test]
    fn files_are_known_by_their_extension() {
        assert_eq!(Format::of_path(Path::new("a/b.JSON")), Format::Json);
        assert_eq!(Format::of_path(Path::new("b.ndjson")), Format::Jsonl);
        assert_eq!(Format::of_path(Path::new("b.txt")), Format::Text);
    }
}
