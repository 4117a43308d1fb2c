//! A linear look at a Markdown file's nesting before it is parsed.
//!
//! CommonMark matches every line against every open block quote and list
//! item, and a lazy continuation line keeps them all open: a file that
//! opens 100,000 quotes and then has 100,000 short lines takes minutes.
//! Blocks are opened only by markers at a line's start (`>`, `-`, `1.`)
//! and kept by them or by indentation, so the markers and indentation of
//! each line bound how many blocks can be open. Real articles nest a few
//! deep; a file beyond [`MAX_DEPTH`] is read as plain text instead.

/// Deeper nesting than this: not an article a person wrote.
pub const MAX_DEPTH: usize = 64;

/// Why `source` should not be parsed as Markdown, if it should not.
pub fn too_deep(source: &str) -> Option<String> {
    let deepest = source.lines().map(depth).max().unwrap_or(0);
    (deepest > MAX_DEPTH).then(|| format!("Markdown nested {deepest} deep, read as plain text"))
}

/// The blocks a line's start could open or keep open: a block quote or
/// list marker each, and one for every two columns of indentation among
/// them (a nested list item is indented past its parent's marker).
fn depth(line: &str) -> usize {
    let b = line.as_bytes();
    let (mut i, mut markers, mut columns) = (0, 0, 0);
    loop {
        let mut spaces = 0;
        while let Some(&c) = b.get(i + spaces).filter(|c| matches!(c, b' ' | b'\t')) {
            columns += if c == b'\t' { 4 } else { 1 };
            spaces += 1;
        }
        i += spaces;
        let marker = match b.get(i) {
            Some(b'>') => 1,
            Some(b'-' | b'*' | b'+') => 1,
            Some(c) if c.is_ascii_digit() => {
                let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                match b.get(i + digits) {
                    Some(b'.' | b')') if digits <= 9 => digits + 1,
                    _ => return markers + columns / 2,
                }
            }
            _ => return markers + columns / 2,
        };
        // A list marker needs white space (or the line's end) after it.
        let quote = b[i] == b'>';
        if !quote && !matches!(b.get(i + marker), None | Some(b' ' | b'\t')) {
            return markers + columns / 2;
        }
        markers += 1;
        i += marker;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_indentation_count_text_does_not() {
        assert_eq!(depth("Plain text - with a dash"), 0);
        assert_eq!(depth("                    indented text"), 10);
        assert_eq!(depth("> quoted"), 1);
        assert_eq!(depth(">>> - 1. item"), 6);
        assert_eq!(depth("    - nested"), 3);
        assert_eq!(depth("---"), 0);
        assert_eq!(depth("-1 degrees"), 0);
        assert_eq!(depth("2024. A year"), 1);
        assert_eq!(depth("-"), 1);
    }

    #[test]
    fn articles_pass_bombs_do_not() {
        let article = "# Title\n\n> “Quoted,” she said.\n\n- one\n  - two\n    1. three\n";
        assert_eq!(too_deep(article), None);
        let bomb = format!("{} deep\n{}", ">".repeat(100_000), "more\n".repeat(10));
        assert_eq!(
            too_deep(&bomb).as_deref(),
            Some("Markdown nested 100000 deep, read as plain text")
        );
        assert!(too_deep(&"- ".repeat(65)).is_some());
    }
}
