//! A linear look at a page's shape before a DOM is built from it.
//!
//! The extractors build a tree and walk it recursively; on a page nested
//! 100,000 deep or with a tag of 200,000 attributes that takes minutes
//! or the stack. Real pages are shallow (the deepest of 251 benchmark
//! pages nests 51, the most attributes in one tag is 103), so a page
//! beyond these limits is read as plain text instead ([`super::plain`]).

use super::past;

/// Deeper nesting than this: not a page a person reads.
pub const MAX_DEPTH: usize = 512;
/// More attributes in one tag than this.
pub const MAX_ATTRIBUTES: usize = 1_000;
/// Larger pages than this (bytes).
pub const MAX_BYTES: usize = 16 << 20;

/// Elements that never hold others (no closing tag counts against them).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is not markup: skipped to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp"];

/// Why the extractors should not be given `html`, if they should not.
pub fn too_hostile(html: &str) -> Option<String> {
    if html.len() > MAX_BYTES {
        return Some(format!(
            "a page over {} MB, read as plain text",
            MAX_BYTES >> 20
        ));
    }
    let (depth, attributes) = shape(html);
    if depth > MAX_DEPTH {
        return Some(format!("nested {depth} deep, read as plain text"));
    }
    if attributes > MAX_ATTRIBUTES {
        return Some(format!(
            "a tag with {attributes} attributes, read as plain text"
        ));
    }
    None
}

/// (deepest nesting, most attributes in a tag), estimated in one pass.
fn shape(html: &str) -> (usize, usize) {
    let b = html.as_bytes();
    let (mut i, mut depth, mut deepest, mut most) = (0, 0usize, 0, 0);
    while let Some(lt) = memchr::memchr(b'<', &b[i..]) {
        i += lt;
        if b[i..].starts_with(b"<!--") {
            i = past(b, i + 4, b"-->");
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let name_start = i + 1 + usize::from(closing);
        let name_end = b[name_start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |p| name_start + p);
        if name_end == name_start {
            i += 1;
            continue;
        }
        let tag_end = memchr::memchr(b'>', &b[name_end..]).map_or(b.len(), |p| name_end + p);
        most = most.max(b[name_end..tag_end].iter().filter(|&&c| c == b'=').count());
        let name = html[name_start..name_end].to_ascii_lowercase();
        let self_closing = tag_end > 0 && b.get(tag_end - 1) == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if RAW_TEXT.contains(&name.as_str()) {
            i = past(b, tag_end, format!("</{name}").as_bytes());
            continue;
        } else if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
        i = tag_end + 1;
        if i >= b.len() {
            break;
        }
    }
    (deepest, most)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_and_bombs_do_not() {
        let page = "<html><head><script>if (a<b) {}</script></head><body><div><p>Hi<br>there</p><img src=x></div></body></html>";
        assert_eq!(shape(page), (4, 1));
        assert_eq!(too_hostile(page), None);
        let deep = "<div>".repeat(100_000);
        assert!(too_hostile(&deep).unwrap().contains("nested 100000 deep"));
        let wide = format!("<p {}>x</p>", "a=1 ".repeat(5_000));
        assert!(too_hostile(&wide).unwrap().contains("5000 attributes"));
        assert!(too_hostile(&"x".repeat(MAX_BYTES + 1)).is_some());
        // Truncated and odd markup: no panic.
        for odd in ["<", "<!--", "<p", "</", "<script>never closed", "a < b > c"] {
            let _ = too_hostile(odd);
        }
    }
}
