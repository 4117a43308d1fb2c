//! Splitting article text into paragraphs.
//!
//! Articles arrive in several shapes: paragraphs separated by blank lines,
//! one paragraph per line with no blank lines at all, or prose hard-wrapped
//! at a fixed width (mail, wire copy, scraped text with broken lines). This
//! module finds the paragraphs without rewriting the text: a paragraph is a
//! byte range, and a line break inside it is a soft break.

use std::ops::Range;

/// Lines no longer than this may be a hard-wrapped paragraph; web text that
/// puts each paragraph on its own line has much longer lines.
const MAX_WRAP_WIDTH: usize = 100;

/// A list item marker at the start of a line: such lines stay separate.
const BULLETS: &[&str] = &["- ", "* ", "• ", "– ", "— ", "· "];

/// The paragraphs of `text` as byte ranges, in order, never empty.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in blocks(text) {
        split_block(text, &block, &mut out);
    }
    out
}

/// Runs of non-blank lines, each as the list of its line ranges.
fn blocks(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut blocks = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let range = start..start + line.len();
        start = range.end + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            // Drop leading indentation from the range; the text stays put.
            let lead = line.len() - line.trim_start().len();
            current.push(range.start + lead..range.end);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

fn split_block(text: &str, lines: &[Range<usize>], out: &mut Vec<Range<usize>>) {
    let wrapped = looks_hard_wrapped(text, lines);
    let mut start = lines[0].start;
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1);
        let joins = next.is_some_and(|n| {
            let (cur, nxt) = (&text[line.clone()], &text[n.clone()]);
            !is_list_item(nxt) && cur != nxt && (wrapped || is_broken_sentence(cur, nxt))
        });
        if !joins {
            out.push(start..line.end);
            if let Some(n) = next {
                start = n.start;
            }
        }
    }
}

/// Greedy line filling leaves a signature: every line but the last is too
/// full to take the next line's first word.
fn looks_hard_wrapped(text: &str, lines: &[Range<usize>]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let width = |r: &Range<usize>| text[r.clone()].chars().count();
    let max = lines.iter().map(width).max().unwrap_or(0);
    if !(30..=MAX_WRAP_WIDTH).contains(&max) {
        return false;
    }
    let full = lines
        .windows(2)
        .filter(|w| {
            let next_word = text[w[1].clone()].split(' ').next().unwrap_or("");
            width(&w[0]) + 1 + next_word.chars().count() > max
                && width(&w[0]) * 10 >= max * 6
                && !is_list_item(&text[w[1].clone()])
        })
        .count();
    full * 5 >= (lines.len() - 1) * 4
}

/// A line that stops mid-sentence and a next line that carries on in lower
/// case: a stray line break inside one paragraph.
fn is_broken_sentence(cur: &str, next: &str) -> bool {
    let ends_open = cur
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '-' | '–'));
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    ends_open && starts_lower
}

fn is_list_item(line: &str) -> bool {
    BULLETS.iter().any(|b| line.starts_with(b))
        || line.split_once(". ").is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        split_paragraphs(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            paras("One.\n\nTwo.\n\n\nThree."),
            ["One.", "Two.", "Three."]
        );
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let text = "Headline of the story here\n- first bullet point of the summary\n- second bullet point\nA long first paragraph of the article that goes on well past any wrapping width, as web text does when each paragraph is one line.\nAnother paragraph.";
        assert_eq!(paras(text).len(), 5);
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "The minister said on Tuesday that the talks would\ncontinue next week in Geneva, where officials from\nboth sides are expected to meet.\n\nSecond paragraph.";
        let p = paras(text);
        assert_eq!(p.len(), 2);
        assert!(p[0].starts_with("The minister") && p[0].ends_with("meet."));
    }

    #[test]
    fn repeated_caption_lines_stay_separate() {
        let line = "Russian Foreign Minister Sergei Lavrov meets with Chinese leader Xi Jinping in Beijing on Tuesday. PHOTO: REUTERS";
        let text = format!("{line}\n{line}");
        assert_eq!(paras(&text), [line, line]);
    }

    #[test]
    fn a_stray_break_mid_sentence_is_joined() {
        let text = "The coach said the team had played\nwell despite the loss.\nNext paragraph starts here.";
        assert_eq!(
            paras(text),
            [
                "The coach said the team had played\nwell despite the loss.",
                "Next paragraph starts here."
            ]
        );
    }

    #[test]
    fn indentation_and_empty_text() {
        assert_eq!(paras("   Indented.\n\n  \n"), ["Indented."]);
        assert!(paras("").is_empty());
        assert!(paras("\n\n  \n").is_empty());
    }
}
