//! Turning untrusted bytes into text that is safe to put on a terminal.
//!
//! Article files come from anywhere. A stray ESC or C1 byte could move the
//! cursor, recolour the screen, set the window title or write the clipboard
//! (OSC 52); a bidi override could make text read differently from what it
//! is. Everything here happens once, at load time, so that no view ever sees
//! a control character.

use super::offsets::OffsetMap;

/// What sanitising changed, so the user can be told.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SanitizeReport {
    /// Invalid UTF-8 sequences replaced by U+FFFD.
    pub invalid_utf8: usize,
    /// Terminal escape sequences (CSI, OSC, DCS, …) removed.
    pub escapes: usize,
    /// Other control characters shown as visible symbols (␇, ␈, …).
    pub controls: usize,
    /// Bidirectional overrides and isolates removed.
    pub bidi: usize,
}

impl SanitizeReport {
    /// Human-readable notes, one per kind of repair.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.invalid_utf8 > 0 {
            notes.push(format!(
                "invalid UTF-8: {} byte sequence(s) shown as \u{FFFD}",
                self.invalid_utf8
            ));
        }
        if self.escapes > 0 {
            notes.push(format!(
                "{} terminal escape sequence(s) removed",
                self.escapes
            ));
        }
        if self.controls > 0 {
            notes.push(format!(
                "{} control character(s) shown as symbols",
                self.controls
            ));
        }
        if self.bidi > 0 {
            notes.push(format!("{} bidirectional control(s) removed", self.bidi));
        }
        notes
    }
}

/// Characters removed outright: bidi embeddings, overrides, isolates and
/// marks, stray byte-order marks and soft hyphens (whose width terminals
/// disagree on).
const REMOVED: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', // LRE RLE PDF LRO RLO
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', // LRI RLI FSI PDI
    '\u{200E}', '\u{200F}', '\u{061C}', // LRM RLM ALM
];

/// Characters that are white space in meaning and become a plain space, so
/// that "he\u{A0}said" reads as "he said" to every rule downstream.
const SPACES: &[char] = &[
    '\t', '\u{A0}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}',
    '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200A}', '\u{202F}', '\u{205F}', '\u{1680}',
];

/// Decode `bytes` lossily and make the result terminal-safe.
///
/// Line ends become `\n`, trailing white space on each line is dropped, and
/// the text never contains a C0/C1 control other than `\n`.
pub fn sanitize(bytes: &[u8]) -> (String, SanitizeReport) {
    let (text, report, _) = sanitize_mapped(bytes);
    (text, report)
}

/// [`sanitize`], with where each byte of the result was in the input (as
/// decoded: an invalid sequence is one U+FFFD there too).
pub fn sanitize_mapped(bytes: &[u8]) -> (String, SanitizeReport, OffsetMap) {
    clean_up(bytes, true)
}

/// [`sanitize`] for a run of text that more will follow on the same line
/// (a Markdown file's, written a piece at a time): spaces at its end are
/// kept, as they are not yet at a line's end.
pub fn sanitize_run(text: &str) -> (String, SanitizeReport) {
    let (text, report, _) = clean_up(text.as_bytes(), false);
    (text, report)
}

fn clean_up(bytes: &[u8], trim: bool) -> (String, SanitizeReport, OffsetMap) {
    let mut report = SanitizeReport::default();
    let mut map = OffsetMap::identity();
    let stripped = bytes.strip_prefix(b"\xEF\xBB\xBF");
    if stripped.is_some() {
        map.mark(0, 3);
    }
    let bytes = stripped.unwrap_or(bytes);
    let base = if stripped.is_some() { 3 } else { 0 };
    let mut decoded = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        decoded.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            report.invalid_utf8 += 1;
            decoded.push('\u{FFFD}');
        }
    }
    // Fast path: nothing to clean in most plain ASCII/UTF-8 prose.
    let Some(first) = first_needing_work(&decoded) else {
        if !trim {
            return (decoded, report, map);
        }
        let (text, trimmed) = trim_line_ends(decoded);
        return (text, report, trimmed.then(&map));
    };
    let mut out = String::with_capacity(decoded.len());
    out.push_str(&decoded[..first]);
    let mut rest = &decoded[first..];
    while !rest.is_empty() {
        // Copy the clean run in one go, then deal with one character.
        let run = first_needing_work(rest).unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        let mut chars = rest[run..].chars();
        let Some(c) = chars.next() else { break };
        match c {
            '\r' => {
                if peek(&chars) == Some('\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{1B}' => {
                skip_escape(&mut chars);
                report.escapes += 1;
            }
            // 8-bit CSI, OSC, DCS, SOS, PM, APC introduce sequences too.
            '\u{9B}' => {
                skip_csi_body(&mut chars);
                report.escapes += 1;
            }
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => {
                skip_string_body(&mut chars);
                report.escapes += 1;
            }
            '\u{FEFF}' | '\u{AD}' => {}
            c if REMOVED.contains(&c) => report.bidi += 1,
            c if SPACES.contains(&c) => out.push(' '),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
                report.controls += 1;
            }
            '\u{7F}' => {
                out.push('\u{2421}');
                report.controls += 1;
            }
            c if ('\u{80}'..='\u{9F}').contains(&c) => {
                out.push('\u{FFFD}');
                report.controls += 1;
            }
            c => out.push(c),
        }
        rest = chars.as_str();
        // What follows is where the input after this character is.
        map.mark(out.len(), base + decoded.len() - rest.len());
    }
    if !trim {
        return (out, report, map);
    }
    let (text, trimmed) = trim_line_ends(out);
    (text, report, trimmed.then(&map))
}

/// Where the first character [`needs_work`], looking closely only at the few
/// UTF-8 lead bytes that can start a character we change (C1 and NBSP
/// under C2, ALM under D8, U+1680 under E1, the U+20xx spaces and bidi
/// controls under E2, BOM under EF). Prose is mostly ASCII and curly
/// quotes, so this runs at memory speed.
fn first_needing_work(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if (x < 0x20 && x != b'\n') || x == 0x7F {
                return Some(i);
            }
            i += 1;
            continue;
        }
        if matches!(x, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF)
            && s[i..].chars().next().is_some_and(needs_work)
        {
            return Some(i);
        }
        i += match x {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
    }
    None
}

fn peek(chars: &std::str::Chars<'_>) -> Option<char> {
    chars.clone().next()
}

fn needs_work(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && c != '\n')
        || (0x7F..=0x9F).contains(&u)
        || c == '\u{FEFF}'
        || c == '\u{AD}'
        || c == '\u{2028}'
        || c == '\u{2029}'
        || REMOVED.contains(&c)
        || SPACES.contains(&c)
}

/// After ESC: consume the rest of the sequence, whatever its type.
fn skip_escape(chars: &mut std::str::Chars<'_>) {
    match peek(chars) {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            chars.next();
            skip_string_body(chars);
        }
        // Two-character sequences (ESC 7, ESC c, ESC ( B …): drop the
        // intermediates and the final byte.
        Some(c) if (' '..='~').contains(&c) => {
            chars.next();
            if (' '..='/').contains(&c)
                && let Some(f) = peek(chars)
                && ('0'..='~').contains(&f)
            {
                chars.next();
            }
        }
        _ => {}
    }
}

/// CSI parameters and intermediates, up to and including the final byte.
/// Anything that cannot belong to a CSI ends it early (and is kept).
fn skip_csi_body(chars: &mut std::str::Chars<'_>) {
    while let Some(c) = peek(chars) {
        if ('\u{30}'..='\u{3F}').contains(&c) || ('\u{20}'..='\u{2F}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7E}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// OSC/DCS/APC/PM/SOS payloads, up to BEL, ESC \ or the 8-bit ST. An
/// unterminated string ends at the end of the line, so that one bad byte
/// cannot swallow the rest of an article.
fn skip_string_body(chars: &mut std::str::Chars<'_>) {
    while let Some(c) = peek(chars) {
        match c {
            '\u{07}' | '\u{9C}' => {
                chars.next();
                return;
            }
            '\u{1B}' => {
                chars.next();
                if peek(chars) == Some('\\') {
                    chars.next();
                }
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// Drop spaces at line ends (the only white space left but `\n`); copies
/// the text only when there is something to drop. The map takes offsets
/// of the result to offsets of `text`.
fn trim_line_ends(text: String) -> (String, OffsetMap) {
    let mut map = OffsetMap::identity();
    if !text.ends_with(' ') && memchr::memmem::find(text.as_bytes(), b" \n").is_none() {
        return (text, map);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            at += 1;
        }
        out.push_str(line.trim_end_matches(' '));
        at += line.len();
        // The line end (or the end) is `at` in the input.
        map.mark(out.len(), at);
    }
    (out, map)
}

/// True when the text holds no character a terminal would act on.
pub fn is_terminal_safe(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Sixteen plain bytes (printable ASCII or a line break) at a time,
        // a test the compiler turns into vector instructions; a block with
        // anything else goes through the byte-wise check below.
        if let Some(block) = bytes.get(i..i + 16)
            && block.iter().fold(true, |ok, &b| {
                ok & ((0x20..0x7F).contains(&b) | (b == b'\n'))
            })
        {
            i += 16;
            continue;
        }
        let b = bytes[i];
        // ASCII, nearly all of it, a byte at a time: the load cache checks
        // every text it reads back with this.
        if b.is_ascii() {
            if (b < 0x20 && b != b'\n') || b == 0x7F {
                return false;
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            return false;
        };
        if (0x80..=0x9F).contains(&(c as u32)) || REMOVED.contains(&c) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &[u8]) -> String {
        sanitize(s).0
    }

    #[test]
    fn csi_colour_and_cursor_moves_are_removed() {
        let (t, r) = sanitize(b"red \x1b[31mtext\x1b[0m and \x1b[2J\x1b[Hhome");
        assert_eq!(t, "red text and home");
        assert_eq!(r.escapes, 4);
    }

    #[test]
    fn osc_title_and_clipboard_are_removed() {
        assert_eq!(clean(b"a\x1b]0;pwned\x07b"), "ab");
        assert_eq!(clean(b"a\x1b]52;c;ZXZpbA==\x1b\\b"), "ab");
        // Unterminated OSC stops at the end of the line, not the article.
        assert_eq!(clean(b"a\x1b]0;title\nnext line"), "a\nnext line");
    }

    #[test]
    fn c1_controls_and_8bit_csi_are_neutralised() {
        let (t, _) = sanitize("x\u{9B}31my\u{9D}0;t\u{9C}z\u{85}".as_bytes());
        assert_eq!(t, "xyz\u{FFFD}");
        assert!(is_terminal_safe(&t));
    }

    #[test]
    fn other_controls_become_visible_symbols() {
        let (t, r) = sanitize(b"bell\x07 back\x08 nul\x00 del\x7f");
        assert_eq!(t, "bell\u{2407} back\u{2408} nul\u{2400} del\u{2421}");
        assert_eq!(r.controls, 4);
    }

    #[test]
    fn bidi_overrides_are_removed() {
        let (t, r) = sanitize("abc\u{202E}fed\u{202C} \u{2067}x\u{2069}".as_bytes());
        assert_eq!(t, "abcfed x");
        assert_eq!(r.bidi, 4);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let (t, r) = sanitize(b"caf\xe9 ok \xff\xfe end");
        assert_eq!(t, "caf\u{FFFD} ok \u{FFFD}\u{FFFD} end");
        assert_eq!(r.invalid_utf8, 3);
        assert!(r.notes()[0].contains("invalid UTF-8"));
    }

    #[test]
    fn line_ends_tabs_and_odd_spaces_are_normalised() {
        assert_eq!(
            clean(b"one\r\ntwo\rthree\tfour  \n"),
            "one\ntwo\nthree four\n"
        );
        assert_eq!(clean("he\u{A0}said".as_bytes()), "he said");
        assert_eq!(clean("\u{FEFF}bom".as_bytes()), "bom");
    }

    #[test]
    fn the_fast_check_agrees_with_the_careful_one() {
        let samples = [
            "plain",
            "tab\there",
            "nbsp\u{A0}x",
            "c1\u{85}",
            "bom\u{FEFF}",
            "soft\u{AD}",
            "ls\u{2028}",
            "rlo\u{202E}",
            "pdi\u{2069}",
            "alm\u{061C}",
            "ogham\u{1680}",
            "thin\u{2009}",
            "mmsp\u{205F}",
            "“curly” ‘quotes’ – dashes — …",
            "中文 🙂 é",
            "del\u{7F}",
        ];
        for s in samples {
            assert_eq!(
                first_needing_work(s).is_some(),
                s.chars().any(needs_work),
                "{s:?}"
            );
        }
    }

    #[test]
    fn clean_text_is_untouched() {
        let s = "“Quote,” he said — in 2022.\n\nNext ‘para’ 中文 🙂";
        assert_eq!(clean(s.as_bytes()), s);
    }

    #[test]
    fn terminal_safety_is_judged_per_character() {
        for ok in ["plain text\nnext line", "Müller “quoted” — 北京", ""] {
            assert!(is_terminal_safe(ok), "{ok:?}");
        }
        for bad in [
            "esc \u{1b}[31m",
            "bell \u{7}",
            "tab\there",
            "del \u{7f}",
            "c1 \u{85} next line",
            "csi \u{9b}",
            "bidi \u{202e}override",
        ] {
            assert!(!is_terminal_safe(bad), "{bad:?}");
        }
    }

    /// Long texts are checked sixteen bytes at a time: a control character
    /// is found at every position of a block, and at its edges.
    #[test]
    fn a_control_character_anywhere_in_a_long_text_is_found() {
        let plain = "Talks resume in the city.\n".repeat(3);
        assert!(is_terminal_safe(&plain));
        for bad in ['\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}', '\t'] {
            for at in 0..=plain.len() {
                let mut t = plain.clone();
                t.insert(at, bad);
                assert!(!is_terminal_safe(&t), "{bad:?} at {at}");
            }
        }
    }
}
