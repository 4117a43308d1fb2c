//! Article text in Markdown that reads as it did in the article.
//!
//! News text is full of characters Markdown gives meaning to: `*` in
//! footnotes, `_` in handles, `[1]` references, `<` in figures, `#` in
//! hashtags. Each is escaped with a backslash (CommonMark lets any ASCII
//! punctuation be escaped) where it could start emphasis, a link, code,
//! HTML or an entity; elsewhere it is left alone so the raw text still
//! reads well. Callers hand in single lines (see `quotes::cite::one_line`)
//! and start every line themselves (`## `, `> `, `- `, `| `), so no
//! article text lands where a line-start rule (headings, lists) applies.

use crate::quotes::{Citation, How};

/// `s` with the characters that would change its meaning escaped.
pub fn escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let special = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '~' => true,
            // Inside a word (snake_case) an underscore is never emphasis.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            // Only `&name;` and `&#123;` are entities ("AT&T" is not).
            '&' => is_entity(&chars[i + 1..]),
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for a heading: escaped, and a trailing `#` kept (Markdown would
/// read it as a closing sequence and drop it).
pub fn heading(s: &str) -> String {
    let mut out = escape(s);
    if out.ends_with('#') {
        let at = out.trim_end_matches('#').len();
        out.insert(at, '\\');
    }
    out
}

/// Text for a table cell: escaped, with `|` escaped too.
pub fn table_cell(s: &str) -> String {
    escape(s).replace('|', "\\|")
}

/// `s` as inline code (a file path, say), fenced with more backticks than
/// it holds in a row; control characters show as `?`.
pub fn code(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// A quotation as a blockquote: its words, then who said it, the outlet
/// that carried the words and, unless the text names the speaker beside
/// the quotation, how saidso found them.
///
/// ```text
/// > “We are ready to talk,”
/// >
/// > — **Sergei Lavrov**, Russia's foreign minister (via TASS) *(pronoun)*
/// ```
pub fn quote_block(c: &Citation) -> String {
    let mut who = match (&c.speaker, &c.role) {
        (Some(name), Some(role)) => format!("**{}**, {}", escape(name), escape(role)),
        (Some(name), None) => format!("**{}**", escape(name)),
        (None, _) => format!("*{}*", escape(c.unattributed.unwrap_or("no speaker given"))),
    };
    if let Some(via) = c.via.as_deref().filter(|_| c.speaker.is_some()) {
        who.push_str(&format!(" (via {})", escape(via)));
    }
    if let Some(how) = c.how.filter(|h| *h != How::Explicit) {
        who.push_str(&format!(" *({})*", how.label()));
    }
    format!("> “{}”\n>\n> — {who}\n", escape(&c.words))
}

/// True when `rest` (what follows an `&`) makes it an HTML entity.
fn is_entity(rest: &[char]) -> bool {
    let body = rest.strip_prefix(&['#']).unwrap_or(rest);
    let n = body
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    n > 0 && body.get(n) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_change_meaning() {
        assert_eq!(escape("a *big* deal"), "a \\*big\\* deal");
        assert_eq!(escape("see [1](x)"), "see \\[1\\](x)");
        assert_eq!(escape("`rm` <b>x</b>"), "\\`rm\\` \\<b>x\\</b>");
        assert_eq!(escape("_urgent_ snake_case"), "\\_urgent\\_ snake_case");
        assert_eq!(escape("AT&T &amp; &#169;"), "AT&T \\&amp; \\&#169;");
        assert_eq!(escape("~~gone~~ C:\\path"), "\\~\\~gone\\~\\~ C:\\\\path");
        // What Markdown reads as itself stays readable.
        assert_eq!(
            escape("Russia's “talks” — 5 > 3, #1!"),
            "Russia's “talks” — 5 > 3, #1!"
        );
    }

    #[test]
    fn headings_keep_trailing_hashes_and_cells_their_bars() {
        assert_eq!(heading("We're #1"), "We're #1");
        assert_eq!(heading("Tag #"), "Tag \\#");
        assert_eq!(table_cell("a | b *c*"), "a \\| b \\*c\\*");
    }

    #[test]
    fn code_spans_hold_any_path() {
        assert_eq!(code("a/b_c.txt"), "`a/b_c.txt`");
        assert_eq!(code("we`ird``.txt"), "```we`ird``.txt```");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a\u{1b}b"), "`a?b`");
    }

    #[test]
    fn quote_blocks_name_the_speaker_or_say_why_not() {
        let mut c = Citation {
            words: "We are *ready*".into(),
            speaker: Some("Sergei Lavrov".into()),
            role: Some("Russia's foreign minister".into()),
            unattributed: None,
            how: Some(How::Explicit),
            via: None,
            title: "T".into(),
        };
        assert_eq!(
            quote_block(&c),
            "> “We are \\*ready\\*”\n>\n> — **Sergei Lavrov**, Russia's foreign minister\n"
        );
        // The carrier, escaped, and how an inferred speaker was found.
        c.via = Some("R*A".into());
        c.how = Some(How::Pronoun);
        assert_eq!(
            quote_block(&c),
            "> “We are \\*ready\\*”\n>\n> — **Sergei Lavrov**, Russia's foreign minister \
             (via R\\*A) *(pronoun)*\n"
        );
        c.speaker = None;
        c.role = None;
        c.how = None;
        c.via = None;
        c.unattributed = Some("no speaker: a title");
        assert_eq!(
            quote_block(&c),
            "> “We are \\*ready\\*”\n>\n> — *no speaker: a title*\n"
        );
    }
}
