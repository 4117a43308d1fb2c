//! Text bound for a terminal: every control character made visible.
//!
//! Article text is sanitised when it is loaded, but some untrusted text is
//! not article text: file names (a name may hold `ESC ] 0 ;` and set the
//! window title, or an OSC 52 clipboard write), the operating system's
//! error messages about them, fields a script passes through. Anything a
//! human-readable output writes to a terminal goes through [`visible`] or
//! a [`ControlWriter`]: C0 controls other than line feed and tab show as
//! the Control Pictures (`␛`, `␇`), DEL as `␡`, and C1 controls (which some
//! terminals obey like ESC sequences) as `�`. JSON keeps the exact text,
//! with DEL and C1 written as `\u` escapes by a [`ControlWriter::json`], which
//! serde_json leaves raw.

use std::borrow::Cow;
use std::io::{self, Write};

/// The visible stand-in for a control character, or None for a character
/// that may be written as it is (line feed and tab included).
fn stand_in(c: char) -> Option<char> {
    match c as u32 {
        0x0A | 0x09 => None,
        u @ 0x00..=0x1F => char::from_u32(0x2400 + u),
        0x7F => Some('\u{2421}'),
        0x80..=0x9F => Some('\u{FFFD}'),
        _ => None,
    }
}

/// `s` with control characters shown as symbols; borrowed when clean.
pub fn visible(s: &str) -> Cow<'_, str> {
    visible_with(s, stand_in)
}

/// `s` on one line: control characters shown as symbols, line feeds and
/// tabs too (a file name or a field of a table).
pub fn visible_line(s: &str) -> Cow<'_, str> {
    visible_with(s, |c| match c {
        '\n' => Some('\u{2424}'),
        '\t' => Some('\u{2409}'),
        c => stand_in(c),
    })
}

fn visible_with(s: &str, map: impl Fn(char) -> Option<char>) -> Cow<'_, str> {
    let Some(first) = s.char_indices().find(|&(_, c)| map(c).is_some()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first.0]);
    for c in s[first.0..].chars() {
        out.push(map(c).unwrap_or(c));
    }
    Cow::Owned(out)
}

/// One line on stderr, "saidso: " first, its control characters shown
/// as symbols: messages quote file names and the system's words about
/// them, and stderr is read by a person at a terminal.
pub fn warn(message: &str) {
    eprintln!("saidso: {}", visible(message));
}

/// The bytes of one character that may need replacing, however the writes
/// split it: a C1 control is two bytes in UTF-8 (C2 80 to C2 9F).
const C1_LEAD: u8 = 0xC2;

/// A writer that replaces control characters as they pass, one way or the
/// other (see the module doc), whatever way the writes split them.
pub struct ControlWriter<W: Write> {
    inner: W,
    /// The last write ended on a C2 byte, not yet known to start a C1.
    lead: bool,
    how: Replace,
}

/// What a control character becomes.
#[derive(Debug, Clone, Copy)]
enum Replace {
    /// Its visible stand-in (␛, ␇, ␡, �).
    Visible,
    /// DEL and C1 as JSON `\u` escapes (C0 never arrives unescaped from
    /// serde_json; it is kept exact if it does).
    Json,
}

impl<W: Write> ControlWriter<W> {
    /// For whole outputs whose own bytes are only text, line feeds and
    /// tabs (plain text, CSV, Markdown).
    pub fn visible(inner: W) -> Self {
        ControlWriter {
            inner,
            lead: false,
            how: Replace::Visible,
        }
    }

    /// For JSON: DEL and C1 controls, which serde_json writes raw inside
    /// strings, become `\u007f`, `\u009b`: the same string to a JSON
    /// reader, harmless to a terminal.
    pub fn json(inner: W) -> Self {
        ControlWriter {
            inner,
            lead: false,
            how: Replace::Json,
        }
    }
}

impl<W: Write> Write for ControlWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let how = self.how;
        filter(&mut self.inner, &mut self.lead, buf, |b, out| match how {
            Replace::Visible => {
                let c = if b < 0x80 { b as char } else { '\u{80}' };
                let shown = stand_in(c).unwrap_or('\u{FFFD}');
                let mut tmp = [0; 4];
                out.write_all(shown.encode_utf8(&mut tmp).as_bytes())
            }
            Replace::Json if b < 0x7F => out.write_all(&[b]),
            Replace::Json => write!(out, "\\u{:04x}", u32::from(b)),
        })?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.lead) {
            self.inner.write_all(&[C1_LEAD])?;
        }
        self.inner.flush()
    }
}

/// An ASCII control other than line feed and tab, or DEL.
const fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F
}

/// The bytes `filter` stops at: controls and the lead byte of a C1 control.
static NEEDS_A_LOOK: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = is_control(b as u8) || b == C1_LEAD as usize;
        b += 1;
    }
    t
};

/// Copy `buf` to `out` in clean runs, handing each control to `replace`:
/// an ASCII control or DEL as itself, a C1 control as its code point's low
/// byte (0x80 to 0x9F). `lead` carries a C2 byte across calls.
fn filter<W: Write>(
    out: &mut W,
    lead: &mut bool,
    buf: &[u8],
    replace: impl Fn(u8, &mut W) -> io::Result<()>,
) -> io::Result<()> {
    let mut i = 0;
    if std::mem::take(lead) {
        match buf.first() {
            Some(&b @ 0x80..=0x9F) => {
                replace(b, out)?;
                i = 1;
            }
            Some(_) => out.write_all(&[C1_LEAD])?,
            None => {
                *lead = true;
                return Ok(());
            }
        }
    }
    let mut run = i;
    while i < buf.len() {
        // Skip the clean bytes in one tight scan: nearly all of them are.
        match buf[i..].iter().position(|&b| NEEDS_A_LOOK[usize::from(b)]) {
            Some(skip) => i += skip,
            None => break,
        }
        let b = buf[i];
        if is_control(b) {
            out.write_all(&buf[run..i])?;
            replace(b, out)?;
            i += 1;
            run = i;
        } else if b == C1_LEAD {
            match buf.get(i + 1) {
                Some(&c @ 0x80..=0x9F) => {
                    out.write_all(&buf[run..i])?;
                    replace(c, out)?;
                    i += 2;
                    run = i;
                }
                Some(_) => i += 1,
                None => {
                    out.write_all(&buf[run..i])?;
                    *lead = true;
                    return Ok(());
                }
            }
        } else {
            i += 1;
        }
    }
    out.write_all(&buf[run..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\x1b]0;PWNED\x07b\u{9b}31mc\x7fd\ne\tf";

    #[test]
    fn controls_show_as_symbols_and_clean_text_is_borrowed() {
        assert_eq!(visible(HOSTILE), "a␛]0;PWNED␇b�31mc␡d\ne\tf");
        assert_eq!(visible_line(HOSTILE), "a␛]0;PWNED␇b�31mc␡d␤e␉f");
        assert!(matches!(visible("Lavrov “said”"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_agrees_with_the_function_however_the_writes_split() {
        let bytes = HOSTILE.as_bytes();
        for split in 0..=bytes.len() {
            let mut w = ControlWriter::visible(Vec::new());
            w.write_all(&bytes[..split]).unwrap();
            w.write_all(&bytes[split..]).unwrap();
            w.flush().unwrap();
            assert_eq!(
                String::from_utf8(w.inner).unwrap(),
                visible(HOSTILE),
                "{split}"
            );
        }
    }

    #[test]
    fn json_keeps_the_string_and_escapes_what_serde_leaves_raw() {
        let value = serde_json::json!({ "path": HOSTILE, "é": "ü" });
        let mut w = ControlWriter::json(Vec::new());
        serde_json::to_writer(&mut w, &value).unwrap();
        w.flush().unwrap();
        let out = String::from_utf8(w.inner).unwrap();
        assert!(!out.chars().any(|c| c.is_control()), "{out:?}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, value);
    }
}
