//! Text from a page without building a tree: what a page too hostile for
//! the extractors ([`super::guard`]) is read as. One pass; blocks become
//! paragraphs; scripts, styles and comments are dropped; character
//! references are decoded (and sanitised later with the rest).

use super::past;

/// Tags that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "header",
    "footer",
    "hr",
    "main",
    "aside",
    "nav",
];

/// Tags whose content is never text to read.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg", "head"];

/// Named references decoded here; others stay as written.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
];

/// The page's text, paragraphs separated by blank lines.
pub fn text(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut para = String::new();
    let mut i = 0;
    let flush = |para: &mut String, out: &mut String| {
        let words: Vec<&str> = para.split_whitespace().collect();
        if !words.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&words.join(" "));
        }
        para.clear();
    };
    while i < b.len() {
        if b[i] != b'<' {
            let next = memchr::memchr(b'<', &b[i..]).map_or(b.len(), |p| i + p);
            decode_into(&html[i..next], &mut para);
            i = next;
            continue;
        }
        if b[i..].starts_with(b"<!--") {
            i = past(b, i + 4, b"-->");
            continue;
        }
        let end = memchr::memchr(b'>', &b[i..]).map_or(b.len(), |p| i + p);
        let tag = &html[i + 1..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        i = end + 1;
        if !tag.starts_with('/') && SKIPPED.contains(&name.as_str()) {
            // To the end of the closing tag, `>` included.
            let close = past(b, i.min(b.len()), format!("</{name}").as_bytes());
            i = memchr::memchr(b'>', &b[close..]).map_or(b.len(), |p| close + p + 1);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut para, &mut out);
        } else {
            para.push(' ');
        }
    }
    flush(&mut para, &mut out);
    out
}

/// `s` with character references decoded, appended to `out`.
fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[..rest.len().min(12)].find(';');
        let decoded = semi.and_then(|semi| reference(&rest[1..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_scripts_go() {
        let page = "<html><head><title>T</title><style>p{}</style></head><body>\
                    <script>var a = '<p>no</p>';</script><!-- <p>no</p> -->\
                    <h1>Head&amp;line</h1><p>One <b>bold</b>&nbsp;word &#8220;q&#x201D;.</p>\
                    <div>Two<br>Three &bogus; &#xZZ;</div></body></html>";
        assert_eq!(
            text(page),
            "Head&line\n\nOne bold word “q”.\n\nTwo\n\nThree &bogus; &#xZZ;"
        );
    }

    #[test]
    fn deep_and_broken_pages_are_read_in_one_pass() {
        let deep = format!("{}deep text{}", "<div>".repeat(100_000), "</div>".repeat(3));
        assert_eq!(text(&deep), "deep text");
        assert_eq!(text("<p>cut <b"), "cut");
        // A reference to ESC is decoded here and made visible later by the
        // sanitiser, like any control character in a file.
        assert_eq!(text("&#x1b;[2J"), "\u{1b}[2J");
    }
}
